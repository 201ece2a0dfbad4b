"""An article whose page shows no date keeps the date its listing card or feed entry
gave, and says so in ``date_source``; a sitemap's lastmod is never taken for one."""

from __future__ import annotations

import datetime as dt
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.listings import article_links
from newsarchive.extraction.published import with_listed
from newsarchive.mirror import MirrorServer
from newsarchive.models import Article, Profile, Published
from newsarchive.site_clock import on_site_clock

from .support import Result

SOFIA_WINTER = dt.timezone(dt.timedelta(hours=2))

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
        "3": ("2025-11-03T09:00:00+02:00", "feed"),
    }


def test_a_page_printing_the_day_alone_takes_its_feeds_time_of_that_day(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The page prints "03.11.2025", the feed "Mon, 03 Nov 2025 09:00:00 +0200": the
    frontier kept the feed's day alone, and the article was dated the day at no time
    (round 33's zvanche). The moment is the feed's (``date_source`` says so), the day
    both's; a page printing another day keeps its own, as before."""
    pages = {
        3: _undated(3, "Публикувано на 03.11.2025"),
        1: _undated(1, "Публикувано на 11.11.2025"),
    }
    profile = _site(tmp_path, pages, {1: "12.11.2025"}, feed=True)
    _crawl(run_cli, profile, db)
    assert _dates(db) == {"3": ("2025-11-03T09:00:00+02:00", "feed"), "1": ("2025-11-11", "text")}
    result = run_cli("reextract", "--profile", str(profile), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("re-extracted: 0 changed, 2 unchanged, "), result.stdout


@pytest.mark.parametrize(
    ("listed", "dated"),
    [
        # the feed's moment of the page's day: the page's date at that moment, theirs
        (
            dt.datetime(2025, 11, 3, 9, 0, tzinfo=SOFIA_WINTER),
            ("2025-11-03T09:00:00+02:00", "feed"),
        ),
        # another day: the page's own stands
        (dt.datetime(2025, 11, 4, 9, 0, tzinfo=SOFIA_WINTER), ("2025-11-03", "text")),
        # a day alone: nothing to add
        (dt.date(2025, 11, 3), ("2025-11-03", "text")),
    ],
)
def test_only_the_feeds_moment_of_the_pages_own_day_times_it(
    listed: Published, dated: tuple[str, str]
) -> None:
    page = Article(
        title="Ремонт", text="Текст.", published=dt.date(2025, 11, 3), date_source="text"
    )
    got = with_listed(page, (listed, "feed"), dt.date(2025, 11, 20))
    assert ((got.published or dt.date.min).isoformat(), got.date_source) == dated


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
        "3": ("2025-11-03T09:00:00+02:00", "feed"),
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
        "3": ("2025-11-03T09:00:00+02:00", "feed"),
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


# 22:30 UTC on 20 March 2025: 00:30 on 21 March on Sofia's clock.
AFTER_MIDNIGHT = dt.datetime(2025, 3, 20, 22, 30, tzinfo=dt.UTC)


def test_a_cards_relative_date_counts_back_from_the_listings_fetch_moment() -> None:
    """A card saying "преди 3 часа" or "вчера" names a day only from the moment its
    listing was fetched, on Sofia's clock, as an article's own such date does: fetched
    just after midnight there, "вчера" is the UTC day, and "днес" the day after it.
    Without the moment (a listing read from a file) no such card is dated."""
    items = "".join(
        f'<li><a href="/news/{n}">Новина номер {n} за града</a> {day}</li>'
        for n, day in enumerate(
            ["преди 3 часа", "вчера", "днес", "2 hours ago", "онзи ден", "12.03.2025"], 1
        )
    )
    html = f"<html><body><ul>{items}</ul></body></html>"
    profile = Profile(
        id="dated", name="Dated", origin="https://dated.example", article_pattern=r"^/news/\d+$"
    )
    url = "https://dated.example/novini"
    listed = {
        c.url.rsplit("/", 1)[1]: c.listed_date
        for c in article_links(html, url, profile, today=AFTER_MIDNIGHT)
    }
    assert listed == {
        "1": dt.date(2025, 3, 20),  # 21:30 the evening before in Sofia
        "2": dt.date(2025, 3, 20),
        "3": dt.date(2025, 3, 21),
        "4": dt.date(2025, 3, 20),  # 22:30 in Sofia
        "5": dt.date(2025, 3, 19),
        "6": dt.date(2025, 3, 12),
    }
    undated = {c.url.rsplit("/", 1)[1]: c.listed_date for c in article_links(html, url, profile)}
    assert undated == {**dict.fromkeys("12345"), "6": dt.date(2025, 3, 12)}


def test_a_crawl_dates_an_undated_article_by_its_cards_relative_date(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The crawl passes the listing page's fetch moment to its cards: an article showing
    no date of its own takes the card's "преди 3 часа" or "вчера" as its day."""
    pages = {n: _undated(n) for n in (1, 2)}
    profile = _site(tmp_path, pages, {1: "преди 3 часа", 2: "вчера"}, feed=False)
    start = dt.datetime.now(dt.UTC)
    _crawl(run_cli, profile, db)
    end = dt.datetime.now(dt.UTC)

    def day(moment: dt.datetime) -> str:
        return on_site_clock(moment).date().isoformat()

    dates = _dates(db)
    assert set(dates) == {"1", "2"}
    # (the listing was fetched between ``start`` and ``end``: the same day, but for a
    # crawl across a midnight on Sofia's clock)
    assert dates["1"] in {(day(t - dt.timedelta(hours=3)), "listing") for t in (start, end)}
    assert dates["2"] in {(day(t - dt.timedelta(days=1)), "listing") for t in (start, end)}


def test_a_listed_date_is_never_after_the_sites_day() -> None:
    """The listed date is refused when it lies after the fetch's day on Sofia's clock, as
    every reader of the fetch day reads it (``relative_dates.site_today``): at noon UTC on 30
    November "1 декември" is tomorrow there; at 22:30 UTC it is already today."""
    from newsarchive.extraction.published import with_listed
    from newsarchive.models import Article

    listed = (dt.date(2026, 12, 1), "listing")
    noon = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
    assert with_listed(Article(), listed, noon).published is None
    late = dt.datetime(2026, 11, 30, 22, 30, tzinfo=dt.UTC)  # 00:30 on 1 December in Sofia
    dated = with_listed(Article(), listed, late)
    assert (dated.published, dated.date_source) == (dt.date(2026, 12, 1), "listing")
    assert with_listed(Article(), (dt.date(2026, 12, 2), "feed"), late).published is None


DAY_ONLY_FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel>'
    "<item><title>3</title><link>https://dated.example/news/3</link>"
    "<pubDate>пн, 03 ное 2025</pubDate></item>"
    "<item><title>4</title><link>https://dated.example/news/4</link>"
    "<pubDate>Tue, 04 Nov 2025</pubDate></item>"
    "<item><title>5</title><link>https://dated.example/news/5</link>"
    "<pubDate>сб, 28 ное 2099</pubDate></item></channel></rss>"
)


def test_a_feed_date_with_no_time_dates_an_undated_article_to_the_day(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A ``pubDate`` with a day and no time, in a PHP locale's Bulgarian ("пн, 03 ное
    2025") or in English, was read as no date (the stdlib wants a time): the undated
    article went undated. It is the day it names; one after the fetch's day is still
    refused (a feed's clock or a typo), as any listed date is."""
    pages = {n: _undated(n) for n in (3, 4, 5)}
    profile = _site(tmp_path, pages, {}, feed=True)
    (tmp_path / "site" / "rss.xml").write_text(DAY_ONLY_FEED, encoding="utf-8")
    _crawl(run_cli, profile, db)
    dates = _dates(db)
    assert (dates["3"], dates["4"]) == (("2025-11-03", "feed"), ("2025-11-04", "feed"))
    assert dates["5"][0] is None or not dates["5"][0].startswith("2099"), dates["5"]


def test_a_cards_printed_time_is_queued_with_its_day() -> None:
    """A card printing its day and time in full ("27.11.2026, 08:17 ч.", "08:17 |
    27.11.2026") queues its article at that moment, which an article whose page gives
    only the day (its address's ``/2026/11/27/``) takes (round 55's srebrendol: every
    article archived at the day alone); a card of the day alone stays a day, and a
    relative "днес, 08:17" the day it names, no moment made up from the fetch."""
    items = "".join(
        f'<li><a href="/news/{n}">Новина номер {n} за града</a> {day}</li>'
        for n, day in enumerate(
            ["27.11.2026, 08:17 ч.", "08:17 | 26.11.2026", "25.11.2026", "днес, 08:17"], 1
        )
    )
    html = f"<html><body><ul>{items}</ul></body></html>"
    profile = Profile(
        id="dated", name="Dated", origin="https://dated.example", article_pattern=r"^/news/\d+$"
    )
    fetched = dt.datetime(2026, 11, 28, 10, 0, tzinfo=dt.UTC)
    listed = {
        c.url.rsplit("/", 1)[1]: c.listed_date
        for c in article_links(html, "https://dated.example/novini", profile, today=fetched)
    }
    assert listed == {
        "1": dt.datetime(2026, 11, 27, 8, 17),
        "2": dt.datetime(2026, 11, 26, 8, 17),
        "3": dt.date(2026, 11, 25),
        "4": dt.date(2026, 11, 28),
    }
