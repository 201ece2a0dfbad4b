"""A fifty-eighth round of site shapes: four small sites crawled from the origin alone (a
profile of id, name and origin) on one night, then THE NEXT NIGHT by the nightly command
(no options), then a third time, each night's site served by the same ``MirrorServer``
(``next_night()``: the mirror's ``_night2/`` over its root).

The mirrors (``tests/fixtures/make_mirrors_round58.py``): twelve new articles overnight
on a list of nine a page (kalinovets); a title's typo fixed and a paragraph added
overnight, read again by the nightly run as its card shows the fixed title (dragomirtsi);
an article deleted (410) and one whose slug was shortened (301
old -> new) overnight (preselka); the whole site moved overnight to another domain, every
old address answered 301 there (belovidovo). Each night: the rows, the requests, what
stdout and stderr say.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from .mirror_sites import (
    MirrorCrawls,
    a_night_later,
    article_rows,
    assert_archived_whole_and_right,
    check_bare_crawl,
    mirror_crawls,
)
from .support import Result

ROUND58_SITES = {
    # twelve new overnight on a list of nine a page
    "kalinovets": ("Община Калиновец", "https://kalinovets.bg"),
    # a title's typo fixed and a paragraph added overnight
    "dragomirtsi": ("Община Драгомирци", "https://dragomirtsi.bg"),
    # an article deleted (410), one's slug shortened (301 old -> new)
    "preselka": ("Община Преселка", "https://preselka.bg"),
    # the whole site moved overnight to obshtinabelovidovo.bg, 301 for every old address
    "belovidovo": ("Община Беловидово", "https://belovidovo-bg.eu"),
}


@pytest.mark.parametrize("site", sorted(ROUND58_SITES))
def test_a_round58_site_nobody_profiled_is_archived_whole_and_right_on_its_first_night(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND58_SITES[site])


def _next_night(crawls: MirrorCrawls, db: Path) -> list[str]:
    """The site as it is the next night, crawled a night after the last run: the
    nightly run's requests."""
    a_night_later(db)
    crawls.server.next_night()
    return crawls.crawl()


def _stderr(crawls: MirrorCrawls) -> str:
    assert crawls.result is not None
    return crawls.result.stderr


def test_twelve_new_overnight_on_a_list_of_nine_a_page_are_archived_the_walk_ending_past_them(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    with mirror_crawls(run_cli, db, tmp_path, "kalinovets", *ROUND58_SITES["kalinovets"]) as crawls:
        crawls.crawl()
        night = _next_night(crawls, db)
        assert (
            "kalinovets: 12 new, 0 updated, 0 unchanged, 0 gone, 0 failed, 16 requests"
            in crawls.stdout
        )
        assert _stderr(crawls) == ""
        assert_archived_whole_and_right(db, "kalinovets", night=2)
        # page 2 holds the last three new ones and six known; page 3 (all known) ends the
        # walk, page 4 is never asked, no known article fetched again
        assert [p for p in night if p.startswith("/novini?")] == [
            "/novini?page=2",
            "/novini?page=3",
        ]
        assert len([p for p in night if p.startswith("/novini/")]) == 12
        a_night_later(db)
        third = crawls.crawl()
        assert third == ["/robots.txt", "/novini"], third
        assert _stderr(crawls) == ""
        assert len(article_rows(db)) == 32


def _revisions(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM revisions").fetchone()[0])


def test_an_article_retitled_overnight_is_read_again_by_the_nightly_run_its_card_changed(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The nightly run reads the list and what is new on it; a known article whose card
    shows a headline other than the archived title (its typo fixed) is read once more
    too (``Frontier.relisted``, conditionally): one row, its fixed title and added
    paragraph current, the typo's version kept as its revision. The night after, the
    list alone (a 304)."""
    url = "https://dragomirtsi.bg/novini/316-sesiya-na-saveta"
    with mirror_crawls(
        run_cli, db, tmp_path, "dragomirtsi", *ROUND58_SITES["dragomirtsi"]
    ) as crawls:
        crawls.crawl()
        first_title = article_rows(db)[url][0]
        night = _next_night(crawls, db)
        # the new one and the retitled one (fetched side by side: either order)
        assert night[:2] == ["/robots.txt", "/novini"], night
        assert sorted(night[2:]) == [
            "/novini/316-sesiya-na-saveta",
            "/novini/318-shkolna-olimpiada",
        ]
        assert (
            "dragomirtsi: 1 new, 1 updated, 0 unchanged, 0 gone, 0 failed, 4 requests"
            in crawls.stdout
        )
        assert _stderr(crawls) == ""
        rows = article_rows(db)
        assert len(rows) == 8 and rows[url][0] != first_title
        assert rows[url][0].startswith("Общинският ") and first_title.startswith("Ощинският ")
        assert rows[url][3].endswith("ще приключат до петък.")
        assert _revisions(db) == 1
        with closing(sqlite3.connect(db)) as conn:
            (kept,) = conn.execute("SELECT title FROM revisions").fetchone()
        assert kept == first_title
        assert_archived_whole_and_right(db, "dragomirtsi", night=2)
        a_night_later(db)
        assert crawls.crawl() == ["/robots.txt", "/novini"]
        assert _stderr(crawls) == "" and _revisions(db) == 1


def test_a_card_headline_its_page_never_shows_costs_one_304_and_no_revision(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A list printing, for a known article, a headline its page does not show (a
    word changed): the article is asked "changed since?" once (a 304: one row, no
    revision, counted unchanged); the list read again with that card as it was, the
    article is not asked again (its frontier row keeps the card's mark)."""
    url = "https://dragomirtsi.bg/novini/315-proverka-na-hidrantite"
    with mirror_crawls(
        run_cli, db, tmp_path, "dragomirtsi", *ROUND58_SITES["dragomirtsi"], editable=True
    ) as crawls:
        crawls.crawl()
        title = article_rows(db)[url][0]
        listing = crawls.root / "novini.html"
        page = listing.read_text(encoding="utf-8")
        shown = title.replace(" – ", " в ")
        assert shown != title and page.count(title) == 1
        listing.write_text(page.replace(title, shown), encoding="utf-8")
        a_night_later(db)
        assert crawls.crawl() == ["/robots.txt", "/novini", "/novini/315-proverka-na-hidrantite"]
        assert crawls.server.not_modified >= 1
        assert "dragomirtsi: 0 new, 0 updated, 1 unchanged" in crawls.stdout
        assert _stderr(crawls) == "" and _revisions(db) == 0
        assert article_rows(db)[url][0] == title
        # the list changed elsewhere, the card as it was: the list alone
        elsewhere = page.replace(title, shown).replace("<h1>Новини</h1>", "<h1>Новини </h1>")
        listing.write_text(elsewhere, encoding="utf-8")
        a_night_later(db)
        assert crawls.crawl() == ["/robots.txt", "/novini"]
        assert _stderr(crawls) == "" and len(article_rows(db)) == 7


def test_an_article_deleted_and_one_renamed_overnight_keep_one_row_each(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    with mirror_crawls(run_cli, db, tmp_path, "preselka", *ROUND58_SITES["preselka"]) as crawls:
        crawls.crawl()
        night = _next_night(crawls, db)
        # the new article, and the renamed one's new address (the same text: no second row)
        assert night[:2] == ["/robots.txt", "/novini"], night
        assert sorted(night[2:]) == ["/novini/410-kratko", "/novini/415-zalesyavane-na-halma"]
        assert (
            "preselka: 1 new, 0 updated, 1 unchanged, 0 gone, 0 failed, 4 requests" in crawls.stdout
        )
        assert _stderr(crawls) == ""
        assert_archived_whole_and_right(db, "preselka", night=2)
        a_night_later(db)
        assert crawls.crawl() == ["/robots.txt", "/novini"]
        assert _stderr(crawls) == ""
        assert len(article_rows(db)) == 8


def test_a_site_moved_overnight_to_another_domain_is_said_once_and_keeps_one_row_an_article(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The move night: one warning line (exit 0), the crawl at the new domain, each
    article archived under the old one read once more there (``test_moved_domain``: so
    an edit since is kept and the row takes its new address) and found the same, the new
    one archived; no second row. The night after: the list alone."""
    with mirror_crawls(run_cli, db, tmp_path, "belovidovo", *ROUND58_SITES["belovidovo"]) as crawls:
        crawls.crawl()
        night = _next_night(crawls, db)
        assert crawls.result is not None and crawls.result.exit_code == 0
        lines = _stderr(crawls).splitlines()
        assert len(lines) == 1 and "moved to https://obshtinabelovidovo.bg" in lines[0], lines
        assert "the profile's origin may be updated" in lines[0]
        assert (
            "belovidovo: 1 new, 0 updated, 7 unchanged, 0 gone, 0 failed, 13 requests"
            in crawls.stdout
        )
        assert len([p for p in night if p.startswith("/novini/")]) == 8
        assert set(crawls.server.hosts[-8:]) == {"obshtinabelovidovo.bg"}  # (the articles)
        assert_archived_whole_and_right(db, "belovidovo", night=2)
        a_night_later(db)
        assert crawls.crawl() == ["/robots.txt", "/novini"]
        assert _stderr(crawls) == ""
        assert set(crawls.server.hosts[-2:]) == {"obshtinabelovidovo.bg"}
        assert len(article_rows(db)) == 8
