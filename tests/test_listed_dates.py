"""An article whose page shows no date keeps the date its listing card or feed entry
gave, and says so in ``date_source``; a sitemap's lastmod is never taken for one."""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path

from newsarchive.mirror import MirrorServer

from .support import Result

UNDATED = (
    "<html><body><article><h1>{title}</h1><p>Общината обяви ремонт на улица номер {n} и"
    " нов парк в квартала до края на годината, съобщиха от пресцентъра.</p>"
    "</article></body></html>"
)


FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><item><title>3</title>'
    "<link>https://dated.example/news/3</link>"
    "<pubDate>Mon, 03 Nov 2025 09:00:00 +0200</pubDate></item></channel></rss>"
)


def _site(tmp_path: Path, pages: dict[int, str], listed: dict[int, str], *, feed: bool) -> Path:
    """A site of ``pages`` (number -> HTML) at /news/N, a listing /novini of the ``listed``
    ones with their dates, and /rss.xml dating page 3 when ``feed``; its profile's path."""
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    for n, page in pages.items():
        (root / "news" / f"{n}.html").write_text(page, encoding="utf-8")
    items = "".join(
        f'<li><a href="/news/{n}">Новина номер {n} за града</a> {day}</li>'
        for n, day in listed.items()
    )
    (root / "novini.html").write_text(
        f"<html><body><ul>{items}</ul></body></html>", encoding="utf-8"
    )
    if feed:
        (root / "rss.xml").write_text(FEED, encoding="utf-8")
    profile = tmp_path / "dated.toml"
    feeds = 'feeds = ["/rss.xml"]\n' if feed else ""
    profile.write_text(
        'id = "dated"\nname = "Dated"\norigin = "https://dated.example"\n[discovery]\n'
        f'start_urls = ["/novini"]\n{feeds}article_pattern = "^/news/\\\\d+$"\n',
        encoding="utf-8",
    )
    return profile


def _crawl(run_cli: Callable[..., Result], profile: Path, db: Path) -> None:
    with MirrorServer(profile.parent / "site") as server:
        result = run_cli(
            "crawl", "dated", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr


def _dates(db: Path) -> dict[str, tuple[str, str]]:
    """Each article's number -> (published, date_source)."""
    with sqlite3.connect(db) as conn:
        return {
            r[0].rsplit("/", 1)[1]: (r[1], r[2])
            for r in conn.execute("SELECT url, published, date_source FROM articles")
        }


def _undated(n: int, byline: str = "") -> str:
    page = UNDATED.format(title=f"Новина номер {n} за града", n=n)
    return page.replace("</h1>", f"</h1><p>{byline}</p>") if byline else page


def test_listing_and_feed_dates_date_an_undated_article(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    pages = {n: _undated(n) for n in (1, 2, 3)}
    profile = _site(tmp_path, pages, {1: "12.11.2025", 2: "10.11.2025"}, feed=True)
    _crawl(run_cli, profile, db)
    assert _dates(db) == {
        "1": ("2025-11-12", "listing"),
        "2": ("2025-11-10", "listing"),
        "3": ("2025-11-03", "feed"),
    }


def test_a_listing_date_wins_over_a_guessed_one(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A day without its year and "преди 2 месеца" beside the byline are guesses (the
    year, the day): the listing card's date is the page's own, printed in full."""
    pages = {
        1: _undated(1, "Мария Петрова | 28 ноември"),
        2: _undated(2, "Мария Петрова | преди 2 месеца"),
    }
    profile = _site(tmp_path, pages, {1: "12.11.2025", 2: "10.11.2025"}, feed=False)
    _crawl(run_cli, profile, db)
    assert _dates(db) == {"1": ("2025-11-12", "listing"), "2": ("2025-11-10", "listing")}


def test_reextract_keeps_a_listing_or_feed_date_the_page_does_not_state(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The stored page still shows no date (or only a guess): re-reading it must not
    lose the date its listing or feed gave the crawl, nor swap it for the guess. A page
    that now states a date in full is the page's own word, and wins."""
    pages = {1: _undated(1), 2: _undated(2, "Мария Петрова | 28 ноември"), 3: _undated(3)}
    pages[4] = _undated(4)
    listed = {1: "12.11.2025", 2: "10.11.2025", 4: "08.11.2025"}
    profile = _site(tmp_path, pages, listed, feed=True)
    _crawl(run_cli, profile, db)
    stated = pages[4].replace("</h1>", "</h1><p>Публикувано на 07.11.2025</p>")
    with sqlite3.connect(db) as conn:  # the page of 4 as if it had stated its own date
        conn.execute(
            "UPDATE captures SET content = ? WHERE url LIKE '%/news/4'",
            (zlib.compress(stated.encode("utf-8")),),
        )
    result = run_cli("reextract", "--profile", str(profile), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("re-extracted: 1 changed, 3 unchanged, "), result.stdout
    assert _dates(db) == {
        "1": ("2025-11-12", "listing"),
        "2": ("2025-11-10", "listing"),
        "3": ("2025-11-03", "feed"),
        "4": ("2025-11-07", "text"),
    }


def test_import_warc_of_our_own_export_keeps_a_listing_or_feed_date(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The export's metadata record says where each article's date came from: one its
    listing or feed gave (the page shows none, or a guess) comes back with the page, so
    crawl → export warc → import-warc dates every article as the crawl did. A WARC
    without those records (any other tool's) imports the same pages undated."""
    pages = {1: _undated(1), 2: _undated(2, "Мария Петрова | 28 ноември"), 3: _undated(3)}
    pages[4] = _undated(4, "Публикувано на 07.11.2025")
    profile = _site(tmp_path, pages, {1: "12.11.2025", 2: "10.11.2025", 4: "08.11.2025"}, feed=True)
    _crawl(run_cli, profile, db)
    crawled = _dates(db)
    assert crawled == {
        "1": ("2025-11-12", "listing"),
        "2": ("2025-11-10", "listing"),
        "3": ("2025-11-03", "feed"),
        "4": ("2025-11-07", "text"),
    }
    warc = tmp_path / "out.warc.gz"
    exported = run_cli("export", "--format", "warc", "--out", str(warc), "--db", str(db))
    assert exported.exit_code == 0, exported.stderr
    copy = tmp_path / "copy.db"
    imported = run_cli("import-warc", str(warc), "--profile", str(profile), "--db", str(copy))
    assert imported.exit_code == 0, imported.stderr
    assert _dates(copy) == crawled

    from warcio.archiveiterator import ArchiveIterator
    from warcio.warcwriter import WARCWriter

    bare = tmp_path / "bare.warc.gz"  # the same responses, no metadata records
    with warc.open("rb") as source, bare.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for record in ArchiveIterator(source):
            if record.rec_type != "metadata":
                writer.write_record(record)
    other = tmp_path / "other.db"
    result = run_cli("import-warc", str(bare), "--profile", str(profile), "--db", str(other))
    assert result.exit_code == 0, result.stderr
    assert {n: date[1] for n, date in _dates(other).items()} == {
        "1": "none", "2": "text", "3": "none", "4": "text"
    }  # fmt: skip
