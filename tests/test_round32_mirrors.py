"""A thirty-second round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round31_mirrors`` does its six.

The mirrors (``tests/fixtures/make_mirrors_round32.py``) are ways of paging a list,
naming a page or dating it no earlier round has: htmx's "Още новини" button and its
fragments' last card asking the next on "revealed" (ralitsa); a JSP portal whose every
link carries another ``;jsessionid=`` (metlichina); Rails with Turbo, each page of the
list a lazy ``<turbo-frame src>`` at the end of the one before (ranilist); windows-1251
named only by ``<meta http-equiv>``, two pages declaring UTF-8 over the same bytes, the
dates only in the list (koprinka); Drupal 7's untranslated "Submitted by … on Fri,
11/06/2026 - 10:22" (divesil); Elementor's Posts widget paged ``?e-page-<id>=2``, its
post-info marking only the day's item ``datePublished``, the time beside it
(zhabunets); htmx's "Покажи още" naming its page only in ``hx-vals`` (sinilga); a
pager of htmx links with no ``href``, ``<a hx-get="/novini/?page=2">`` (rusalka). Each
must archive exactly its articles with the true title, date and body, and a rerun right
after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, Proposes, bare_crawl_twice, check_bare_crawl, proposed
from .support import Result

ROUND32_SITES = {
    # htmx: hx-get on the "Още новини" button, then on the last card, hx-trigger="revealed"
    "ralitsa": ("Община Ралица", "https://ralitsa.bg"),
    # JSP on Tomcat with cookies off: ;jsessionid=<32 hex> in every link, another per page
    "metlichina": ("Община Метличина", "http://www.metlichina.bg"),
    # Rails with Turbo: the next page a <turbo-frame src="/novini?page=2" loading="lazy">
    "ranilist": ("Община Ранилист", "https://ranilist.bg"),
    # windows-1251 by <meta http-equiv> only, two pages saying utf-8, dates only in the list
    "koprinka": ("Община Копринка", "http://koprinka-bg.com"),
    # Drupal 7's "Submitted by … on Fri, 11/06/2026 - 10:22", month first
    "divesil": ("Община Дивесил", "https://www.divesil.bg"),
    # WordPress with Elementor: the Posts widget's ?e-page-<id>=2, its post-info's day
    "zhabunets": ("Община Жабунец", "https://zhabunets.bg"),
    # htmx again: "Покажи още" asks hx-get="/novini/oshte", the page only in its hx-vals
    "sinilga": ("Община Синилга", "https://www.sinilga.bg"),
    # Django with htmx: a pager of <a hx-get="/novini/?page=2"> with no href
    "rusalka": ("Община Русалка", "https://rusalka.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND32_SITES))
def test_a_round32_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND32_SITES[site])


FIRST_CRAWLS = [
    # each fragment once: the button's, then the one the last card asks on being revealed
    FirstCrawl(
        "ralitsa",
        once=("/novini/spisak?stranitsa=2", "/novini/spisak?stranitsa=3"),
        rows=8,
    ),
    # every page once whatever session its links carried, none asked with one
    FirstCrawl(
        "metlichina",
        once=("/portal/novini.jsp?page=2", "/portal/novini.jsp?page=3"),
        distinct_under={"/portal/novina.jsp": 8},
        rows=8,
    ),
    FirstCrawl("ranilist", once=("/novini?page=2", "/novini?page=3"), rows=8),
    FirstCrawl("koprinka", once=("/news.php?p=2", "/news.php?p=3"), rows=8),
    FirstCrawl("divesil", once=("/novini?page=1", "/novini?page=2"), rows=8),
    FirstCrawl(
        "zhabunets",
        once=("/novini/?e-page-3f2a9c1=2", "/novini/?e-page-3f2a9c1=3"),
        rows=8,
    ),
    # the endpoint with the page hx-vals names, never bare (it answers the first cards)
    FirstCrawl(
        "sinilga",
        once=("/novini/oshte?stranitsa=2", "/novini/oshte?stranitsa=3"),
        unasked=("/novini/oshte",),
        rows=8,
    ),
    FirstCrawl("rusalka", once=("/novini/?page=2", "/novini/?page=3"), rows=8),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round32_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND32_SITES[site])
    assert not [path for path in first if ";jsessionid" in path.lower()], first
    expected.check(first, db)


PROPOSALS = [
    Proposes("ralitsa", "start_urls", equals=["/novini"]),
    Proposes("metlichina", "start_urls", equals=["/portal/novini.jsp"]),
    Proposes("ranilist", "start_urls", equals=["/novini"]),
    Proposes("koprinka", "start_urls", equals=["/news.php"]),
    Proposes("divesil", "start_urls", equals=["/novini"]),
    Proposes("zhabunets", "start_urls", equals=["/novini/"]),
    Proposes("sinilga", "start_urls", equals=["/novini"]),
    Proposes("rusalka", "start_urls", equals=["/novini/"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: f"{e.site}-{e.key}")
def test_add_site_proposes_a_round32_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND32_SITES[expected.site][1]))
