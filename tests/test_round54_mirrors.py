"""A fifty-fourth round of site shapes, four whole small sites whose feeds, sitemaps or
servers no round had, crawled from the origin alone (a profile of id, name and origin)
through a real ``MirrorServer``, as ``test_round52_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round54.py``): a server answering every fourth
request ``429`` with ``Retry-After: 1`` (kamenopole); a server dropping the connection in
the middle of every fourth page (trunkovo); an ``https://`` site whose RSS feed links its
newest five by ``http://`` while its list holds nine (chukarovo); a sitemap index of
gzipped Google News sitemaps sent as ``application/octet-stream``, one child gone, the
only index of the news (bistrilitsa). Each must archive exactly its articles with the
true title, date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND54_SITES = {
    # every fourth request (robots.txt aside) answered 429, Retry-After: 1
    "kamenopole": ("Община Каменополе", "https://kamenopole.bg"),
    # every fourth page sent half, its whole Content-Length declared, the connection closed
    "trunkovo": ("Община Трънково", "https://trunkovo.bg"),
    # an https:// site whose RSS links its newest five by http://, its list all nine
    "chukarovo": ("Община Чукарово", "https://chukarovo.bg"),
    # a sitemap index of .xml.gz Google News sitemaps sent as application/octet-stream
    "bistrilitsa": ("Община Бистрилица", "https://bistrilitsa.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND54_SITES))
def test_a_round54_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND54_SITES[site])


FIRST_CRAWLS = [
    # each article archived (a throttled request is asked again: the test below)
    FirstCrawl("kamenopole", asked=("/novini?page=2", "/novini?page=3"), rows=9),
    # each article archived whole; the list's pages each asked
    FirstCrawl("trunkovo", asked=("/novini.php", "/novini.php?str=2", "/novini.php?str=3"), rows=8),
    # each post asked once (never again by the feed's http:// address), the list's
    # three pages once each: twelve paths under /novini/, none twice
    FirstCrawl(
        "chukarovo",
        once=("/feed/", "/novini/", "/novini/page/2/", "/novini/page/3/"),
        distinct_under={"/novini/": 3 + 9},
        rows=9,
    ),
    # the live children read, the gone one asked once; the static pages never archived
    FirstCrawl(
        "bistrilitsa",
        once=("/sitemap_index.xml", "/news-2026-11.xml.gz", "/news-2026-10.xml.gz"),
        distinct_under={"/statii/": 9},
        rows=9,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round54_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND54_SITES[site])
    expected.check(first, db)


def test_a_request_turned_away_429_is_asked_once_more_and_no_other_twice(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """kamenopole's server answers every fourth request ``429`` with ``Retry-After: 1``:
    each of those is asked once more after the wait (and may be turned away again only
    if it is another fourth), none a third time, and the nine articles each asked."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, "kamenopole", *ROUND54_SITES["kamenopole"])
    counted = Counter(first)
    assert max(counted.values()) <= 2, counted
    assert len([p for p in counted if p.startswith("/novini/")]) == 9, first
