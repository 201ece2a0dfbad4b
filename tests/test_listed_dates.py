"""An article whose page shows no date keeps the date its listing card or feed entry
gave, and says so in ``date_source``; a sitemap's lastmod is never taken for one."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from newsarchive.mirror import MirrorServer

from .support import Result

UNDATED = (
    "<html><body><article><h1>{title}</h1><p>Общината обяви ремонт на улица номер {n} и"
    " нов парк в квартала до края на годината, съобщиха от пресцентъра.</p>"
    "</article></body></html>"
)


def test_listing_and_feed_dates_date_an_undated_article(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    for n in (1, 2, 3):
        (root / "news" / f"{n}.html").write_text(
            UNDATED.format(title=f"Новина номер {n} за града", n=n), encoding="utf-8"
        )
    (root / "novini.html").write_text(
        '<html><body><ul><li><a href="/news/1">Новина номер 1 за града</a> 12.11.2025</li>'
        '<li><a href="/news/2">Новина номер 2 за града</a> 10.11.2025</li></ul></body></html>',
        encoding="utf-8",
    )
    (root / "rss.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><item><title>3</title>'
        "<link>https://dated.example/news/3</link>"
        "<pubDate>Mon, 03 Nov 2025 09:00:00 +0200</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    profile = tmp_path / "dated.toml"
    profile.write_text(
        'id = "dated"\nname = "Dated"\norigin = "https://dated.example"\n[discovery]\n'
        'start_urls = ["/novini"]\nfeeds = ["/rss.xml"]\narticle_pattern = "^/news/\\\\d+$"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "dated", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        rows = {
            r[0].rsplit("/", 1)[1]: (r[1], r[2])
            for r in conn.execute("SELECT url, published, date_source FROM articles")
        }
    assert rows == {
        "1": ("2025-11-12", "listing"),
        "2": ("2025-11-10", "listing"),
        "3": ("2025-11-03", "feed"),
    }


def test_a_listing_date_wins_over_a_guessed_one(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A day without its year and "преди 2 месеца" beside the byline are guesses (the
    year, the day): the listing card's date is the page's own, printed in full."""
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    bylines = {1: "Мария Петрова | 28 ноември", 2: "Мария Петрова | преди 2 месеца"}
    for n, byline in bylines.items():
        page = UNDATED.format(title=f"Новина номер {n} за града", n=n)
        (root / "news" / f"{n}.html").write_text(
            page.replace("</h1>", f"</h1><p>{byline}</p>"), encoding="utf-8"
        )
    (root / "novini.html").write_text(
        '<html><body><ul><li><a href="/news/1">Новина номер 1 за града</a> 12.11.2025</li>'
        '<li><a href="/news/2">Новина номер 2 за града</a> 10.11.2025</li></ul></body></html>',
        encoding="utf-8",
    )
    profile = tmp_path / "dated.toml"
    profile.write_text(
        'id = "dated"\nname = "Dated"\norigin = "https://dated.example"\n[discovery]\n'
        'start_urls = ["/novini"]\narticle_pattern = "^/news/\\\\d+$"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "dated", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        rows = {
            r[0].rsplit("/", 1)[1]: (r[1], r[2])
            for r in conn.execute("SELECT url, published, date_source FROM articles")
        }
    assert rows == {"1": ("2025-11-12", "listing"), "2": ("2025-11-10", "listing")}


def test_reextract_keeps_a_listing_date_over_none_or_a_guess(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Re-extraction reads the page alone: where it still finds no date, or only a guess
    (a day without its year), the listing's or feed's date the crawl gave stays."""
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    bylines = {1: "", 2: "<p>Мария Петрова | 28 ноември</p>"}
    for n, byline in bylines.items():
        page = UNDATED.format(title=f"Новина номер {n} за града", n=n)
        (root / "news" / f"{n}.html").write_text(
            page.replace("</h1>", f"</h1>{byline}"), encoding="utf-8"
        )
    (root / "novini.html").write_text(
        '<html><body><ul><li><a href="/news/1">Новина номер 1 за града</a> 12.11.2025</li>'
        '<li><a href="/news/2">Новина номер 2 за града</a> 10.11.2025</li></ul></body></html>',
        encoding="utf-8",
    )
    profile = tmp_path / "dated.toml"
    profile.write_text(
        'id = "dated"\nname = "Dated"\norigin = "https://dated.example"\n[discovery]\n'
        'start_urls = ["/novini"]\narticle_pattern = "^/news/\\\\d+$"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "dated", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    again = run_cli("reextract", "--db", str(db), "--profile", str(profile))
    assert again.exit_code == 0, again.stderr
    with sqlite3.connect(db) as conn:
        rows = {
            r[0].rsplit("/", 1)[1]: (r[1], r[2])
            for r in conn.execute("SELECT url, published, date_source FROM articles")
        }
    assert rows == {"1": ("2025-11-12", "listing"), "2": ("2025-11-10", "listing")}
