"""A thirty-first round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round30_mirrors`` does its six.

The mirrors (``tests/fixtures/make_mirrors_round31.py``) are families and printings no
earlier round has: the state's common municipal portal template, every page under
``/bg/``, its pager's links the query alone (mursalitsa); a regional TV station's video
pages, the text a lead under the player and a transcript (divizma); Laravel with
Livewire, page numbers ``wire:click``'ed over real ``?page=`` addresses and a "Напред"
button with none (sinchets); an old table site in windows-1251 of ``<FONT>``s, paragraphs
parted by ``<BR><BR>`` and days "28.XI.2026 г." (razhen); Concrete CMS's page list,
``?ccm_paging_p=2`` (chubrika); Contao's news modules, ``<base href>``-relative links and
``?page_n12=2`` (zhivovlek). Each must archive exactly its articles with the true title,
date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, Proposes, bare_crawl_twice, check_bare_crawl, proposed
from .support import Result

ROUND31_SITES = {
    # the state's common municipal portal template: /bg/news?page=2, "Публикувано:"
    "mursalitsa": ("Община Мурсалица", "https://www.mursalitsa.bg"),
    # a regional TV station: video cards, a lead and a transcript under the player
    "divizma": ("Телевизия Дивизма", "https://tvdivizma.bg"),
    # Laravel with Livewire: wire:click over ?page=, "преди 2 дни"
    "sinchets": ("Вестник Синчец", "https://sinchets-news.bg"),
    # an old table site in windows-1251: <FONT>, <BR><BR>, "28.XI.2026 г."
    "razhen": ("Община Ръжен", "http://www.razhen.org"),
    # Concrete CMS: a page list block, ?ccm_paging_p=2
    "chubrika": ("Община Чубрика", "https://www.chubrika.bg"),
    # Contao: <base href>, novini.html?page_n12=2
    "zhivovlek": ("Община Живовлек", "https://zhivovlek.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND31_SITES))
def test_a_round31_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND31_SITES[site])


FIRST_CRAWLS = [
    # the list's later pages each once, reached by a pager of bare queries ("?page=2")
    FirstCrawl(
        "mursalitsa",
        once=("/bg/news?page=2", "/bg/news?page=3"),
        unasked=("/bg/news?page=1", "/bg/contacts"),
        rows=8,
    ),
    FirstCrawl("divizma", once=("/novini?page=2", "/novini?page=3"), rows=8),
    # the numbers' real addresses, though "Напред" is a button with none
    FirstCrawl("sinchets", once=("/novini?page=2", "/novini?page=3"), rows=8),
    # the print view is never asked for
    FirstCrawl(
        "razhen",
        once=("/news.php?str=2", "/news.php?str=3"),
        unasked=("/print.php?id=214",),
        rows=8,
    ),
    FirstCrawl("chubrika", once=("/novini?ccm_paging_p=2", "/novini?ccm_paging_p=3"), rows=8),
    FirstCrawl("zhivovlek", once=("/novini.html?page_n12=2", "/novini.html?page_n12=3"), rows=8),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round31_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND31_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("mursalitsa", "start_urls", equals=["/bg/news"]),
    Proposes("divizma", "start_urls", equals=["/novini"]),
    Proposes("sinchets", "start_urls", equals=["/novini"]),
    Proposes("razhen", "start_urls", equals=["/news.php"]),
    Proposes("chubrika", "start_urls", equals=["/novini"]),
    Proposes("zhivovlek", "start_urls", equals=["/novini.html"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: f"{e.site}-{e.key}")
def test_add_site_proposes_a_round31_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND31_SITES[expected.site][1]))
