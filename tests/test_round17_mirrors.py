"""A seventeenth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round16_mirrors`` does its eleven.

The mirrors (``tests/fixtures/make_mirrors_round17.py``): the next listing page named only
by the HTTP ``Link`` header (leska); links written with backslashes (bryast); Drupal 7's
second pager on a page, ``?page=0,1`` (glog); the listing's second page answered 429 with
``Retry-After: 1`` once (smilets); an empty news list a script fills from a JSON island
(dren); WordPress with plain permalinks, ``/?p=<id>`` and ``/?paged=2`` (kupen); an RSS
feed printed after two blank lines (vrish); dates in the orthographic dictionary's
abbreviations, "12 ян. 2026 г." (topoli); articles dated only by an RSS feed whose
``pubDate`` a Bulgarian locale wrote, "пт, 28 ное 2026 09:00:00 +0200" (varbovo); one PHP
script for the list and its articles, linked query-only (ruen). Each must archive exactly
its articles with the true title, date and body, and a rerun right after must cost at most
three requests.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .mirror_sites import bare_crawl_twice, check_bare_crawl
from .support import SITES, Result

ROUND17_SITES = {
    # the next listing page only in the answer's Link: <…>; rel="next" header
    "leska": ("Община Леска", "https://leska.bg"),
    # every article linked as arhiv\2026\n<id>.htm
    "bryast": ("Община Бряст", "http://www.bryast.bg"),
    # Drupal 7's second pager on the page: ?page=0,1, ?page=0,2
    "glog": ("Община Глог", "https://www.glog.bg"),
    # the listing's page 2 answered 429 with Retry-After: 1 the first time
    "smilets": ("Община Смилец", "https://smilets.bg"),
    # an empty <ul> filled by script from <script type="application/json">
    "dren": ("Община Дрен", "https://dren.bg"),
    # WordPress with plain permalinks: /?p=<id>, /?paged=2
    "kupen": ("Община Купен", "https://kupen.bg"),
    # an RSS feed whose <?xml comes after two blank lines
    "vrish": ("Община Вриш", "https://www.vrish.bg"),
    # every date in the dictionary's abbreviations, "12 ян. 2026 г."
    "topoli": ("Община Тополи", "https://topoli.bg"),
    # articles dated only by an RSS feed's pubDate in a Bulgarian locale
    "varbovo": ("Община Върбово", "https://varbovo.bg"),
    # novini.php linking ?id=<n> and ?str=2
    "ruen": ("Община Руен", "https://ruen.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND17_SITES))
def test_a_round17_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND17_SITES[site])


def _requests(run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str) -> list[str]:
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND17_SITES[site])
    return first


def test_the_link_header_leads_the_walk_to_the_listings_end_and_no_further(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    first = _requests(run_cli, db, tmp_path, "leska")
    pages = [r for r in first if r.startswith("/novini?")]
    assert pages == ["/novini?page=2", "/novini?page=3"], first


def test_a_backslash_path_is_asked_for_with_slashes(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    first = _requests(run_cli, db, tmp_path, "bryast")
    assert "/arhiv/2026/n528.htm" in first
    assert not [r for r in first if "%5C" in r.upper() or "\\" in r], first


def test_the_other_pagers_next_page_is_not_the_news(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The events block's "още събития ›" (``?page=1``) is another pager's: never asked."""
    first = _requests(run_cli, db, tmp_path, "glog")
    assert "/novini/?page=0,2" in first
    assert "/novini/?page=1" not in first


def test_a_page_turned_away_with_429_is_asked_again_in_the_same_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    first = _requests(run_cli, db, tmp_path, "smilets")
    assert first.count("/novini?page=2") == 2
    assert "/novini?page=3" in first


def test_add_site_finds_the_list_a_json_island_holds(run_cli: Callable[..., Result]) -> None:
    with MirrorServer(SITES / "dren") as server:
        proposed = run_cli(
            "add-site", ROUND17_SITES["dren"][1], "--base-url", server.url, "--delay", "0"
        )
    assert proposed.exit_code == 0, proposed.stderr
    assert tomllib.loads(proposed.stdout)["discovery"]["start_urls"] == ["/novini/"]
