"""A twenty-second round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round21_mirrors`` does its ten.

The mirrors (``tests/fixtures/make_mirrors_round22.py``): "Следваща »" on the last page
too, its page past the end answered ``302`` to the list's first page (shipka); an ASP.NET
pager posting its form back, the plain ``?page=N`` links only in a ``<noscript>`` under it
(salkam); robots.txt naming the sitemap on the site's static files host,
``static.lavanda.bg``, the older news only there (lavanda); windows-1251 named only by a
``<meta>`` past the first 4 KB, after a long inline stylesheet, no charset in the header
(makovo); a home page that is an empty answer with an HTTP ``Refresh: 0; url=/bg/``
header (trendafil); page 2 answered ``302`` to a login form, the older news only in the
sitemap (bodlika). Each must archive exactly its articles with the true title, date and
body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import (
    FirstCrawl,
    Proposes,
    bare_crawl_twice,
    check_bare_crawl,
    mirror_crawls,
    proposed,
)
from .support import Result

ROUND22_SITES = {
    # /novini?page=3 links "Следваща »" to ?page=4, answered 302 Location: /novini
    "shipka": ("Община Шипка", "https://shipka.bg"),
    # __doPostBack('ctl00$Main$gvNews','Page$2') and <noscript>…News.aspx?page=2…</noscript>
    "salkam": ("Община Салкъм", "https://www.salkam.bg"),
    # robots.txt: Sitemap: https://static.lavanda.bg/sitemap.xml
    "lavanda": ("Община Лавандула", "https://lavanda.bg"),
    # <style> of 60 rules, then <meta http-equiv="Content-Type" … charset=windows-1251>
    "makovo": ("Община Маково", "http://www.makovo.bg"),
    # GET / -> 200, Refresh: 0; url=/bg/, an empty body
    "trendafil": ("Община Трендафил", "https://trendafil.bg"),
    # /novini?page=2 -> 302 Location: /login.php; robots.txt: Sitemap: …/sitemap.xml
    "bodlika": ("Община Бодлика", "https://bodlika.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND22_SITES))
def test_a_round22_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND22_SITES[site])


FIRST_CRAWLS = [
    # the page past the end asked once, sent back to page 1, which is not asked again
    FirstCrawl("shipka", once=("/novini", "/novini?page=3", "/novini?page=4"), rows=8),
    # the <noscript> pager's pages, each once
    FirstCrawl("salkam", once=("/News.aspx", "/News.aspx?page=2", "/News.aspx?page=3"), rows=8),
    FirstCrawl("lavanda", once=("/sitemap.xml",), distinct_under={"/novini/": 8}, rows=8),
    FirstCrawl("makovo", once=("/novini.php?str=2", "/novini.php?str=3"), rows=8),
    FirstCrawl("trendafil", asked=("/", "/bg/"), once=("/bg/novini?str=3",), rows=8),
    # the login form read once, as page 2, and no further
    FirstCrawl("bodlika", once=("/novini?page=2", "/login.php", "/sitemap.xml"), rows=8),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round22_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND22_SITES[site])
    expected.check(first, db)


def test_a_pager_reached_through_its_noscript_links_warns_of_no_posted_pages(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    # its last page still shows the posting links (1, 2), but the walk read every page
    with mirror_crawls(run_cli, db, tmp_path, "salkam", *ROUND22_SITES["salkam"]) as crawls:
        crawls.crawl()
        assert crawls.result is not None
        assert "__doPostBack" not in crawls.result.stderr


PROPOSALS = [
    Proposes("shipka", "start_urls", equals=["/novini"]),
    Proposes("salkam", "start_urls", equals=["/News.aspx"]),
    Proposes("lavanda", "sitemaps", equals=["https://static.lavanda.bg/sitemap.xml"]),
    Proposes("makovo", "start_urls", equals=["/novini.php"]),
    Proposes("trendafil", "start_urls", equals=["/bg/novini"]),
    Proposes("bodlika", "sitemaps", equals=["/sitemap.xml"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: e.site)
def test_add_site_proposes_a_round22_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND22_SITES[expected.site][1]))
