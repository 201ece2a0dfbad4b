"""A thirty-seventh round of site shapes, crawled from the origin alone (a profile of
id, name and origin) through a real ``MirrorServer``, as ``test_round36_mirrors`` does
its four.

The mirrors (``tests/fixtures/make_mirrors_round37.py``): Next.js whose "Зареди още" is
a ``<button>`` and whose next page is named only by ``__NEXT_DATA__``'s ``nextCursor``
(kavak); a list running oldest first whose first page links forward only to its last,
"Последна »", the middle pages reached back through "‹ Предишна" (breza); an RSS feed
named only in the ``<head>`` of the news page, its items' links root-relative (chinar);
windows-1251 articles the server sends as ``charset=utf-8`` while their ``<meta
charset>`` tells the truth (yasika). Each must archive exactly its articles with the
true title, date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND37_SITES = {
    # Next.js: the next page named only by __NEXT_DATA__'s nextCursor, a <button> to it
    "kavak": ("Община Кавак", "https://kavak.bg"),
    # oldest first, "Последна »" the first page's one link forward, then "‹ Предишна"
    "breza": ("Община Бреза", "https://breza.bg"),
    # an RSS feed named only in the news page's <head>, root-relative item links
    "chinar": ("Община Чинар", "https://www.chinar.bg"),
    # windows-1251 articles sent as charset=utf-8, <meta charset> telling the truth
    "yasika": ("Община Ясика", "https://yasika.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND37_SITES))
def test_a_round37_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND37_SITES[site])


FIRST_CRAWLS = [
    # the list, then each page its nextCursor names, once; none past the last (null)
    FirstCrawl("kavak", once=("/novini",), distinct_under={"/novini?cursor=": 2}, rows=8),
    # every page back from the last, once
    FirstCrawl(
        "breza", once=("/novini", "/novini?str=4", "/novini?str=3", "/novini?str=2"), rows=10
    ),
    # the feed the news page names, once; no feed guessed at the root
    FirstCrawl("chinar", once=("/novini/", "/novini/rss.php"), unasked=("/rss.xml",), rows=8),
    # every article once, each decoded by its <meta>
    FirstCrawl("yasika", once=("/novini/?str=2", "/novini/?str=3", "/novini/905.php"), rows=8),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round37_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND37_SITES[site])
    expected.check(first, db)
