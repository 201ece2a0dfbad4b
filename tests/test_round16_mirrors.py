"""A sixteenth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round15_mirrors`` does its nine.

The mirrors (``tests/fixtures/make_mirrors_round16.py``): cards linked only by a picture
and a "Прочети още" button (kopriva); ``<base href>`` naming a folder every relative link
is under (lopushna); listings linking short addresses that answer a meta refresh to the
article (mramor); a ``<select>`` of page addresses, no other pager (yasna); a static
generator's ``index_2.html`` pager of bare numbers (trastika); "Следваща »" on the last
page, every number past the end answered with the last page (zhivkovo); canonicals on
the bare host over ``http://`` (belitsa); news only in a Google News sitemap, articles at
``/a/<id>`` (studena); cards clickable only by ``data-url`` (lipovo); an RSS feed naming
the front page as every item's link, the post in its guid (kalina); older posts only
through a drop-down of months (rozovo). Each must archive
exactly its articles with the true title, date and body, and a rerun right after must cost
at most three requests.
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
    proposed,
)
from .support import Result

ROUND16_SITES = {
    # the article linked only from its picture and a "Прочети още" button
    "kopriva": ("Община Коприва", "https://kopriva.bg"),
    # <base href=".../portal/"> on every page, every link relative to it
    "lopushna": ("Община Лопушна", "https://lopushna.bg"),
    # listed addresses answering a meta refresh to the article
    "mramor": ("Община Мрамор", "https://www.mramor.bg"),
    # later pages only as the <option value> addresses of a drop-down
    "yasna": ("Община Ясна", "https://yasna.bg"),
    # a static generator's index_2.html, index_3.html, a pager of bare numbers
    "trastika": ("Община Тръстика", "https://trastika.bg"),
    # "Следваща »" on the last page, numbers past the end answered with the last page
    "zhivkovo": ("Община Живково", "https://www.zhivkovo.bg"),
    # canonicals naming the bare host over http://
    "belitsa": ("Община Белица", "https://www.belitsa.bg"),
    # news only in a Google News sitemap, articles at /a/<id>
    "studena": ("Община Студена", "https://studena.bg"),
    # news cards clickable only by a script bound to [data-url]
    "lipovo": ("Община Липово", "https://lipovo.bg"),
    # an RSS feed whose every item links the front page, the post only in its guid
    "kalina": ("Община Калина", "https://www.kalina.bg"),
    # older posts only through a drop-down of months, no pager
    "rozovo": ("Община Розово", "https://rozovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND16_SITES))
def test_a_round16_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND16_SITES[site])


FIRST_CRAWLS = [
    # "?page=4" answers page 3 again (nothing new on it): the walk stops there, once, not
    # at --max-pages
    FirstCrawl(
        "zhivkovo",
        asked=("/novini?page=4",),
        unasked=("/novini?page=5",),
        once=("/novini?page=4",),
    ),
    # every /n/<id> is asked for once, then its target; the archive holds the target only
    # (check_bare_crawl checks the rows), and the listing's /n/<id> are known
    FirstCrawl("mramor", distinct_under={"/n/": 7}, rows=7),
    # the home page's /novini/folklorna-sreshta/ (a short title under /novini/) reads like
    # a menu entry: asked for once, every page once, 15 requests
    FirstCrawl("belitsa", once=("/novini/folklorna-sreshta/",), distinct_under={"/": 15}, rows=7),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round16_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND16_SITES[site])
    expected.check(first, db)


PROPOSALS = [Proposes("studena", "sitemaps", includes=("/sitemap-news.xml",))]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: e.site)
def test_add_site_proposes_a_round16_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND16_SITES[expected.site][1]))


def test_a_news_item_listed_with_its_date_is_not_opened_as_a_section(
    run_cli: Callable[..., Result],
) -> None:
    """``/novini/folklorna-sreshta/`` is one of the home page's dated news items: exploring
    opens the menu's ``/novini/`` and not it (add-site then asks for it once, a sample)."""
    asked = proposed(run_cli, "belitsa", ROUND16_SITES["belitsa"][1]).requests
    assert "/novini/" in asked
    assert asked.count("/novini/folklorna-sreshta/") == 1, asked
