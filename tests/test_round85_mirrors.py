"""An eighty-fifth round of site shapes, four small busy sites whose paged list SHIFTS
while a crawl reads it, or keeps another busy newsroom's habit, crawled from the origin
alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round79_mirrors`` does.

The mirrors (``tests/fixtures/make_mirrors_round85.py``): two articles published between
the crawl's page 1 and page 2, page 2 opening with page 1's last two again (dopalneno);
an offset pager, ``?start=3``, one article of page 1 unpublished right after it was
read, the card under it sliding to page 1 unseen (izteglyano); a page 1 of three whose
"Покажи още" link, ``/novini?page=2``, is a page of six (zaredeno); three "Актуално"
cards pinned weeks ago atop every page of a list by date, "НОВО" badges (aktualno).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from newsarchive.discover.walk import unordered
from newsarchive.mirror import MirrorServer

from .mirror_sites import (
    SITES,
    a_night_later,
    article_rows,
    assert_archived_whole_and_right,
    bare_crawl_twice,
    check_bare_crawl,
    mirror_crawls,
)
from .support import Result

ROUND85_SITES = {
    # /novini, then two published, then /novini?page=2 repeating page 1's last two
    "dopalneno": ("Община Допълнено", "https://dopalneno.bg"),
    # /novini, then one of it unpublished (410), then /novini?start=3 one card later
    "izteglyano": ("Община Изтеглено", "https://izteglyano.bg"),
    # /novini of three, "Покажи още" to /novini?page=2 of six
    "zaredeno": ("Община Заредено", "https://zaredeno.bg"),
    # three "Актуално" cards from October atop every page, then November's news
    "aktualno": ("Община Актуално", "https://aktualno.bg"),
}


# (not izteglyano: a card that slid back to a page already read tells of itself on no
# page, so its first run cannot archive it; its own test below says what happens, and
# it is in no bench whose target is a no-op rerun)
@pytest.mark.parametrize("site", ["dopalneno", "zaredeno", "aktualno"])
def test_a_round85_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND85_SITES[site])


def test_a_list_growing_between_page_1_and_page_2_is_read_whole_by_page_1_asked_once_more(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Page 2 opening with page 1's last two cards (two published after page 1 was
    read: ``ListingWalk.grown``): page 1 is asked once more at the walk's end, its two
    new cards archived in the same run, all nine, each once; the next night's run is a
    no-op (page 1 unchanged). Before, the first run archived 7 of 9 (15 requests) and
    the next night's fetched the two, 5 requests."""
    first, nightly = bare_crawl_twice(
        run_cli, db, tmp_path, "dopalneno", *ROUND85_SITES["dopalneno"]
    )
    assert first.count("/novini?page=2") == 1 and first.count("/novini?page=3") == 1, first
    assert first.count("/novini") == 2, first
    assert first.index("/novini?page=3") < len(first) - 1 - first[::-1].index("/novini"), first
    articles = [p for p in first if p.startswith("/novini/")]
    assert len(articles) == len(set(articles)) == 9, first
    assert len(article_rows(db)) == 9
    assert not [p for p in nightly if p.startswith("/novini/")] and len(nightly) <= 3, nightly
    assert_archived_whole_and_right(db, "dopalneno")


def test_an_article_unpublished_mid_walk_is_not_archived_and_the_one_that_slid_is_next_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Unpublished right after page 1 was read: asked after, it answers 410 and is no
    row; the card that slid from page 2 to page 1 is on no page the first run read, and
    the next run's page 1 has it (eight rows, each once), 4 requests. Nothing on the
    pages tells of the slide (page 2 opens with a card no page listed, as any page 2
    does): not mended, so the site is in no bench (a no-op rerun's 3 requests it cannot
    meet by construction)."""
    first, nightly = bare_crawl_twice(
        run_cli, db, tmp_path, "izteglyano", *ROUND85_SITES["izteglyano"]
    )
    assert "/novini?start=3" in first and "/novini?start=6" in first, first
    slid = "/novini/bezplaten-preglet-trankovo"
    assert slid not in first and slid in nightly, (first, nightly)
    assert len(article_rows(db)) == 8
    assert_archived_whole_and_right(db, "izteglyano")


def test_a_show_more_link_to_the_lists_next_page_of_another_size_is_walked(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ "Покажи още" a plain link to ``/novini?page=2`` (six cards under page 1's three),
    no pager: the list's next page (``next_pages._more_link``); before, it was no pager's
    link and six of the nine news were never read."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, "zaredeno", *ROUND85_SITES["zaredeno"])
    assert first.count("/novini?page=2") == 1, first
    assert len(article_rows(db)) == 9


def test_three_pinned_cards_atop_a_list_by_date_let_the_nightly_walk_stop(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Three "Актуално" cards from October atop every page of November's news: the list
    is by date (``walk.unordered`` passes them over), so each night's walk stops at the
    first page all known, 4 requests a night; before, read as no order, it read every
    page to the end each night (5 here, one more for every page the list grows)."""
    site = "aktualno"
    with mirror_crawls(run_cli, db, tmp_path, site, *ROUND85_SITES[site]) as crawls:
        crawls.crawl()
        assert_archived_whole_and_right(db, site)
        for night, new in (
            (2, "novi-avtobusni-spirki-orehovo"),
            (3, "zalesyavane-na-halma-chereshovo"),
        ):
            a_night_later(db)
            crawls.server.next_night()
            asked = crawls.crawl()
            assert asked == ["/robots.txt", "/novini", f"/novini/{new}", "/novini?page=2"], asked
            assert_archived_whole_and_right(db, site, night=night)


def _days(*days: tuple[int, int]) -> list[dt.date]:
    return [dt.date(2026, month, day) for month, day in days]


def test_up_to_three_pinned_cards_older_than_every_card_under_them_leave_a_page_by_date() -> None:
    """Pinned cards older than all the news under them (one to three) leave the page by
    date; cards that are no such block (a "most read" page) are in no order."""
    assert not unordered(_days((10, 20), (10, 12), (10, 5), (11, 24), (11, 22)))
    assert not unordered(_days((10, 1), (11, 24), (11, 22)))
    assert unordered(_days((11, 20), (11, 14), (11, 24)))  # three, most read
    assert unordered(_days((11, 20), (11, 24), (11, 14), (11, 26), (11, 12)))
    assert unordered(_days((10, 5), (10, 20), (10, 12), (10, 14), (11, 22), (11, 20)))


def test_a_mirror_goes_on_to_its_next_night_once_it_has_answered_the_path_named() -> None:
    """``next_night_after``: the answer to the named path is the first night's, the
    next request's the next night's; the night's own settings name none, so it fires
    once."""
    with MirrorServer(SITES / "dopalneno") as server:
        first = httpx.get(f"{server.url}/novini?page=2").text
        assert server.night == 1
        httpx.get(f"{server.url}/novini")
        assert server.night == 2
        assert httpx.get(f"{server.url}/novini?page=2").text != first
        httpx.get(f"{server.url}/novini")
        assert server.night == 2
