"""A twentieth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round19_mirrors`` does its seven.

The mirrors (``tests/fixtures/make_mirrors_round20.py``): WordPress translated word for
word, "« Предишни публикации" the older posts and "Следващи публикации »" the newer
(iglika); a news page of year tabs, ``?godina=2025``, each year paged inside
(temenuga); CodeIgniter's pager of offsets in the path, ``/novini/index/3`` (kokiche);
one news list at ``/novini`` and ``/bg/novini``, linking its articles in both forms,
each naming the ``/bg/`` one its canonical (minzuhar); a "Зареди още" naming its endpoint
and the page apart, ``data-url`` and ``data-page`` (bosilek); every article's canonical
the list's first page, ``/novini?page=1`` (karamfil). Each must archive exactly its
articles with the true title, date and body, and a rerun right after must cost at most
three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, Proposes, bare_crawl_twice, check_bare_crawl, proposed
from .support import Result

ROUND20_SITES = {
    # "« Предишни публикации" to /novini/page/2/, "Следващи публикации »" back to the newer
    "iglika": ("Община Иглика", "https://iglika.bg"),
    # year tabs /novini?godina=2025, each year paged &str=2
    "temenuga": ("Община Теменуга", "https://temenuga.bg"),
    # /novini/index/3, /novini/index/6: offsets in the path, "‹ Първа < 1 2 3 > Последна ›"
    "kokiche": ("Община Кокиче", "https://www.kokiche.bg"),
    # /novini and /bg/novini, one list linking /novini/<id> and /bg/novini/<id>
    "minzuhar": ("Община Минзухар", "https://minzuhar.bg"),
    # <button data-url="/novini/ajax" data-page="2">Зареди още</button>
    "bosilek": ("Община Босилек", "https://bosilek.bg"),
    # <link rel="canonical" href="https://karamfil.bg/novini?page=1"> on every article
    "karamfil": ("Община Карамфил", "https://karamfil.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND20_SITES))
def test_a_round20_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND20_SITES[site])


FIRST_CRAWLS = [
    # the older posts page by page, never back to the newer by "Следващи публикации »"
    FirstCrawl("iglika", once=("/novini/", "/novini/page/2/", "/novini/page/3/"), rows=8),
    # each year's pages in turn, this year's before the year before
    FirstCrawl(
        "temenuga",
        once=("/novini?godina=2026&str=2", "/novini?godina=2025", "/novini?godina=2025&str=2"),
        distinct_under={"/novini/": 9},
        rows=9,
    ),
    # the offsets in turn, not "Последна ›" to the last page first
    FirstCrawl("kokiche", once=("/novini/index/3", "/novini/index/6"), rows=8),
    # one of the two lists walked, each article asked for once, in its canonical form
    FirstCrawl(
        "minzuhar",
        unasked=("/novini", "/novini?page=2"),
        distinct_under={"/bg/novini/": 8, "/novini/": 0},
        rows=8,
    ),
    # the endpoint with the page the button names, never the endpoint alone (page 1's)
    FirstCrawl(
        "bosilek", once=("/novini/ajax?page=2", "/novini/ajax?page=3"), unasked=("/novini/ajax",)
    ),
    FirstCrawl("karamfil", distinct_under={"/novini/": 8}, rows=8),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round20_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND20_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("iglika", "start_urls", equals=["/novini/"]),
    Proposes("temenuga", "start_urls", equals=["/novini"]),
    Proposes("kokiche", "start_urls", equals=["/novini"]),
    Proposes("minzuhar", "start_urls", equals=["/bg/novini"]),
    Proposes("bosilek", "start_urls", equals=["/novini"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: e.site)
def test_add_site_proposes_a_round20_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND20_SITES[expected.site][1]))
