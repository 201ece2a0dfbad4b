"""A seventy-ninth round of site shapes: four small sites whose news MOVE, HIDE or CHANGE
between nights, crawled from the origin alone (a profile of id, name and origin) on one
night, then THE NEXT NIGHT by the nightly command (no options) and, where the README says
only a recheck can tell, by ``crawl --recheck 7`` (each night's site served by the same
``MirrorServer``: ``next_night()``, the mirror's ``_night2/`` over its root).

The mirrors (``tests/fixtures/make_mirrors_round79.py``): week-old articles moved from
``/novini/<slug>`` to ``/arhiv/2026/11/<slug>``, ``301`` from the old address
(arhivirano); a page alone edited overnight, its card as it was (popraveno); two
withdrawn overnight, one ``410``, one a ``200`` page saying so (otteglyano); a paged
list ordered by "most read", shuffled overnight, a new article of few readers on its
last page (naicheteno). Each night: the rows, the requests, what stdout and stderr say.
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

ROUND79_SITES = {
    # week-old articles moved to /arhiv/2026/11/<slug>, 301 from /novini/<slug>
    "arhivirano": ("Община Архивирано", "https://arhivirano.bg"),
    # a page alone edited overnight (title's typo fixed, a paragraph added), its card not
    "popraveno": ("Община Поправено", "https://popraveno.bg"),
    # two withdrawn overnight: one 410, one a 200 page "Публикацията е оттеглена"
    "otteglyano": ("Община Оттеглено", "https://otteglyano.bg"),
    # a paged list by "most read", shuffled overnight, two new ones (page 1 and the last)
    "naicheteno": ("Община Най-четено", "https://naicheteno.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND79_SITES))
def test_a_round79_site_nobody_profiled_is_archived_whole_and_right_on_its_first_night(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    first, nightly = check_bare_crawl(run_cli, db, tmp_path, site, *ROUND79_SITES[site])
    assert len(first) <= 17, first
    assert nightly == ["/robots.txt", "/novini"], nightly


def _next_night(crawls: MirrorCrawls, db: Path) -> list[str]:
    """The site as it is the next night, crawled a night after the last run: the
    nightly run's requests."""
    a_night_later(db)
    crawls.server.next_night()
    return crawls.crawl()


def _stderr(crawls: MirrorCrawls) -> str:
    assert crawls.result is not None
    return crawls.result.stderr


def _revisions(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return [str(t) for (t,) in conn.execute("SELECT title FROM revisions")]


def _recheck(crawls: MirrorCrawls, db: Path) -> list[str]:
    """``crawl --recheck`` a night later, reaching back past every fixture's day."""
    a_night_later(db)
    return crawls.crawl("--recheck", "100000")


def test_an_article_moved_to_the_archive_with_a_301_stays_one_row_under_its_first_address(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The list's card links the moved article's new address: read once (the same
    text: the row archived, counted unchanged), the row keeping the address it was
    archived at (README: "the address archived first stays"); the old address's 301
    never asked. The night after, the list alone (a 304)."""
    old = "https://arhivirano.bg/novini/novi-avtobusni-spirki-gabrovo-pole"
    with mirror_crawls(run_cli, db, tmp_path, "arhivirano", *ROUND79_SITES["arhivirano"]) as crawls:
        crawls.crawl()
        night = _next_night(crawls, db)
        assert night == [
            "/robots.txt",
            "/novini",
            "/novini/bezplaten-preglet-drenovo",
            "/novini?page=2",
            "/arhiv/2026/11/novi-avtobusni-spirki-gabrovo-pole",
            "/novini?page=3",
        ], night
        assert (
            "arhivirano: 1 new, 0 updated, 1 unchanged, 0 gone, 0 failed, 6 requests"
            in crawls.stdout
        )
        assert _stderr(crawls) == ""
        assert old in article_rows(db) and len(article_rows(db)) == 9
        assert_archived_whole_and_right(db, "arhivirano", night=2)
        a_night_later(db)
        assert crawls.crawl() == ["/robots.txt", "/novini"]
        assert _stderr(crawls) == "" and _revisions(db) == []
        assert_archived_whole_and_right(db, "arhivirano", night=2)


def test_a_page_alone_edited_overnight_is_seen_by_a_recheck_and_kept_as_a_revision(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Its card as it was (a cached list), the nightly run cannot tell (README: "an edit
    of the text alone ... not seen that night"): the new article alone. ``--recheck``
    reads it: one row, the fixed title and added paragraph current, the typo's version
    its revision. The next nightly run: the list's card (the typo) now differs from the
    title, read once conditionally (a 304), then never."""
    url = "https://popraveno.bg/novini/sesiya-na-saveta-elovo"
    with mirror_crawls(run_cli, db, tmp_path, "popraveno", *ROUND79_SITES["popraveno"]) as crawls:
        crawls.crawl()
        typo = article_rows(db)[url][0]
        night = _next_night(crawls, db)
        assert night == ["/robots.txt", "/novini", "/novini/nov-detski-kat-dabovo"], night
        assert "popraveno: 1 new, 0 updated, 0 unchanged" in crawls.stdout
        assert article_rows(db)[url][0] == typo and _revisions(db) == []
        again = _recheck(crawls, db)
        assert len([p for p in again if p.startswith("/novini/")]) == 8, again
        assert "popraveno: 0 new, 1 updated, 7 unchanged, 0 gone, 0 failed" in crawls.stdout
        assert _stderr(crawls) == ""
        assert _revisions(db) == [typo]
        assert_archived_whole_and_right(db, "popraveno", night=2)
        a_night_later(db)
        assert crawls.crawl() == ["/robots.txt", "/novini"]
        assert _stderr(crawls) == "" and _revisions(db) == [typo]


def _gone(run_cli: Callable[..., Result], db: Path) -> int:
    """The site's articles ``stats`` counts removed."""
    data = run_cli("stats", "--format", "json", "--db", str(db)).json()
    assert isinstance(data, dict)
    [site] = data["sites"]
    return int(site["gone"])


def test_articles_withdrawn_overnight_keep_their_rows_a_recheck_counting_them_gone(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Their cards gone, the nightly run reads the new article alone. ``--recheck``
    finds one ``410`` and one ``200`` page "Публикацията е оттеглена" (a notice, as a
    soft 404 is: ``page_kind``): both gone, both rows keeping their text, no revision;
    before, the notice was archived as the article's new version ("1 updated")."""
    with mirror_crawls(run_cli, db, tmp_path, "otteglyano", *ROUND79_SITES["otteglyano"]) as crawls:
        crawls.crawl()
        night = _next_night(crawls, db)
        assert night == ["/robots.txt", "/novini", "/novini/nova-sportna-zala-kamen-dol"], night
        again = _recheck(crawls, db)
        assert len([p for p in again if p.startswith("/novini/")]) == 9, again
        assert "otteglyano: 0 new, 0 updated, 7 unchanged, 2 gone, 0 failed" in crawls.stdout
        assert _stderr(crawls) == ""
        assert _revisions(db) == [] and _gone(run_cli, db) == 2
        assert_archived_whole_and_right(db, "otteglyano", night=2)
        a_night_later(db)
        assert crawls.crawl() == ["/robots.txt", "/novini"]
        assert _stderr(crawls) == "" and _gone(run_cli, db) == 2
        assert_archived_whole_and_right(db, "otteglyano", night=2)


def test_a_list_by_most_read_is_walked_to_its_end_its_new_article_of_few_readers_archived(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Shuffled overnight by readers: the new article most read on page 1, the other on
    the last page under two pages all known. Its dates in no order by day, the walk
    reads on to the end (``walk.unordered``); before, it stopped at page 2 ("1 new, 4
    requests") and no later night found the other."""
    with mirror_crawls(run_cli, db, tmp_path, "naicheteno", *ROUND79_SITES["naicheteno"]) as crawls:
        crawls.crawl()
        night = _next_night(crawls, db)
        assert night == [
            "/robots.txt",
            "/novini",
            "/novini/zalesyavane-na-halma-ravnishte",
            "/novini?page=2",
            "/novini?page=3",
            "/novini?page=4",
            "/novini/novi-avtobusni-spirki-yabalkovo",
        ], night
        assert (
            "naicheteno: 2 new, 0 updated, 0 unchanged, 0 gone, 0 failed, 7 requests"
            in crawls.stdout
        )
        assert _stderr(crawls) == ""
        assert_archived_whole_and_right(db, "naicheteno", night=2)
        a_night_later(db)
        assert crawls.crawl() == ["/robots.txt", "/novini"]
        assert _stderr(crawls) == "" and len(article_rows(db)) == 10
