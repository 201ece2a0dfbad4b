"""A forty-fifth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round41_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round45.py``), four old and odd CMSs: a
ColdFusion site on Fusebox writing ``&CFID=…&CFTOKEN=…`` into every link, other numbers
on every page (mahovitsa); Mambo 4.5's friendly URLs, the category blog paged by the
limit and offset as path segments, ``/content/blogcategory/1/2/3/3/`` (rakitnik); old
Bitrix's pager in ``<font>`` with "След." and "Всички" (``?SHOWALL_1=1``) (kitnitsa);
Lotus Domino, a view paged ``?OpenView&Start=4`` and documents named by a 32-hex id
(dzhelovo). Each must archive every article once with the true title, date and body,
and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, article_rows, bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND45_SITES = {
    # ColdFusion on Fusebox: &CFID=…&CFTOKEN=… on every link, new on every page
    "mahovitsa": ("Община Маховица", "https://www.mahovitsa.bg"),
    # Mambo 4.5 with SEF URLs: /content/blogcategory/1/2/3/3/, /content/view/57/2/
    "rakitnik": ("Община Ракитник", "http://www.rakitnik.org"),
    # old Bitrix's pager in <font>: "Пред. | 1 2 3 | След. | Край | Всички"
    "kitnitsa": ("Община Китница", "https://kitnitsa.bg"),
    # Lotus Domino: ?OpenView&Start=4, /obshtina.nsf/0/<unid>?OpenDocument
    "dzhelovo": ("Община Джелово", "https://www.dzhelovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND45_SITES))
def test_a_round45_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND45_SITES[site])


FIRST_CRAWLS = [
    # every list page and article once, at its address without the session
    FirstCrawl(
        "mahovitsa",
        once=(
            "/index.cfm?fuseaction=news.list",
            "/index.cfm?fuseaction=news.list&startrow=4",
            "/index.cfm?fuseaction=news.list&startrow=7",
            "/index.cfm?fuseaction=news.view&newsid=214",
            "/index.cfm?fuseaction=news.view&newsid=207",
        ),
        distinct_under={"/index.cfm?fuseaction=news.view": 8},
        rows=8,
    ),
    # the blog's three pages by their path segments, no print pop-up
    FirstCrawl(
        "rakitnik",
        once=(
            "/content/blogcategory/1/2/",
            "/content/blogcategory/1/2/3/3/",
            "/content/blogcategory/1/2/3/6/",
        ),
        unasked=("/index2.php?option=com_content&task=view&id=57&pop=1&page=0&Itemid=2",),
        distinct_under={"/content/view/": 8, "/index2.php": 0},
        rows=8,
    ),
    # each article once, whichever of the pages and "Всички" led to it
    FirstCrawl(
        "kitnitsa",
        once=("/novini/", "/novini/detail.php?ID=1187", "/novini/detail.php?ID=1180"),
        distinct_under={"/novini/detail.php": 8},
        rows=8,
    ),
    # the view's three pages and each document once
    FirstCrawl(
        "dzhelovo",
        once=(
            "/obshtina.nsf/novini?OpenView",
            "/obshtina.nsf/novini?OpenView&Start=4",
            "/obshtina.nsf/novini?OpenView&Start=7",
        ),
        distinct_under={"/obshtina.nsf/0/": 8},
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round45_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND45_SITES[site])
    expected.check(first, db)


def test_coldfusion_sessions_in_links_leave_no_trace_in_the_archive(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """mahovitsa's every link ends in ``&CFID=…&CFTOKEN=…``, other numbers on every page:
    no archived address and no request carries them."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, "mahovitsa", *ROUND45_SITES["mahovitsa"])
    assert [path for path in first if "CFID" in path or "CFTOKEN" in path] == [], first
    rows = article_rows(db)
    assert len(rows) == 8 and not [url for url in rows if "CF" in url], rows
