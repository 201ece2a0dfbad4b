"""A twenty-first round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round20_mirrors`` does its six.

The mirrors (``tests/fixtures/make_mirrors_round21.py``): a "Зареди още" whose
``data-page`` names the page it stands under, its script sending the next (mashterka); a
menu calling the news "Актуална информация" (chubritsa); cards linking each article's
English copy, ``?id=5&lang=en``, beside its headline (rigan); news only in an Atom feed
whose relative links are read under its ``xml:base`` (zhaltika); a Dreamweaver recordset
pager, ``?pageNum_rsNovini=1&totalRows_rsNovini=8``, its first page numbered 0
(bilyanka); list pages and articles both a number under ``/novini/`` (kamilitsa);
cards whose headline is plain text and whose link is the date (lazarka); a CMS escaping
the ``&`` of its links twice, ``?id=5&amp;amp;kat=1``, beside a feed naming them right
(dzhodzhen); a menu of picture buttons, "Новини" only in an ``alt`` (podbel); a menu
that is one picture's image map, its ``<area>`` links (gluharche). Each must
archive exactly its articles with the true title, date and body, and a rerun right after
must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, Proposes, bare_crawl_twice, check_bare_crawl, proposed
from .support import Result

ROUND21_SITES = {
    # <button data-url="/novini/ajax" data-page="1">Зареди още</button> on page 1
    "mashterka": ("Община Мащерка", "https://mashterka.bg"),
    # <a href="/aktualna-informatsiya">Актуална информация</a>
    "chubritsa": ("Община Чубрица", "https://www.chubritsa.bg"),
    # novina.php?id=318 and, beside it, novina.php?id=318&lang=en ("EN")
    "rigan": ("Община Риган", "https://rigan.bg"),
    # <feed xml:base="https://zhaltika.bg/novini/"> ... <link href="1530-koleden-bazar"/>
    "zhaltika": ("Община Жълтика", "https://zhaltika.bg"),
    # "Първа | Предишна | Следваща | Последна", ?pageNum_rsNovini=1&totalRows_rsNovini=8
    "bilyanka": ("Община Билянка", "http://www.bilyanka.bg"),
    # /novini/2, /novini/3 the list's pages, /novini/4417 an article: one shape of number
    "kamilitsa": ("Община Камилица", "https://kamilitsa.bg"),
    # <h3>headline</h3> ... <a href="/novini/640-slug">30.11.2026 »</a>: the date the link
    "lazarka": ("Община Лазарка", "https://lazarka.bg"),
    # href="novina.php?id=4120&amp;amp;kat=1", the feed's <link> ...?id=4120&amp;kat=1
    "dzhodzhen": ("Община Джоджен", "http://www.dzhodzhen.bg"),
    # <a href="/novini.php"><img src="/img/menu_novini.gif" alt="Новини"></a>
    "podbel": ("Община Подбел", "http://www.podbel.bg"),
    # <map name="nav"><area shape="rect" coords="…" href="/novini.html" alt="Новини">
    "gluharche": ("Община Глухарче", "http://www.gluharche.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND21_SITES))
def test_a_round21_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND21_SITES[site])


FIRST_CRAWLS = [
    # the page after the one the button stands under, never that page again
    FirstCrawl(
        "mashterka",
        once=("/novini/ajax?page=2", "/novini/ajax?page=3"),
        unasked=("/novini/ajax?page=1", "/novini/ajax"),
        rows=8,
    ),
    FirstCrawl("chubritsa", once=("/aktualna-informatsiya?str=2",), rows=8),
    # the last page's two cards both, and no English copy asked for
    FirstCrawl(
        "rigan",
        asked=("/novina.php?id=312", "/novina.php?id=311"),
        distinct_under={"/novina.php": 8},
        rows=8,
    ),
    FirstCrawl("zhaltika", distinct_under={"/novini/": 8}, rows=8),
    # the list's pages as pages, never as articles, each article once
    FirstCrawl("kamilitsa", once=("/novini/2", "/novini/3"), distinct_under={"/novini/": 10}),
    FirstCrawl("lazarka", distinct_under={"/novini/": 8}, rows=8),
    # each article once, at the address its feed names, never the twice-escaped one
    FirstCrawl("dzhodzhen", distinct_under={"/novina.php": 8}, rows=8),
    FirstCrawl("podbel", once=("/novini.php", "/novini.php?str=2"), rows=8),
    FirstCrawl("gluharche", once=("/novini.html", "/novini_2.html", "/novini_3.html"), rows=8),
    # the recordset's pages 1 and 2 in turn, not "Последна" first
    FirstCrawl(
        "bilyanka",
        once=(
            "/novini.php?pageNum_rsNovini=1&totalRows_rsNovini=8",
            "/novini.php?pageNum_rsNovini=2&totalRows_rsNovini=8",
        ),
        unasked=("/novini.php?pageNum_rsNovini=0&totalRows_rsNovini=8",),
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round21_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND21_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("mashterka", "start_urls", equals=["/novini"]),
    Proposes("chubritsa", "start_urls", equals=["/aktualna-informatsiya"]),
    Proposes("rigan", "start_urls", equals=["/novini.php"]),
    Proposes("zhaltika", "feeds", equals=["/atom.php"]),
    Proposes("bilyanka", "start_urls", equals=["/novini.php"]),
    Proposes("kamilitsa", "start_urls", equals=["/novini"]),
    Proposes("lazarka", "start_urls", equals=["/novini"]),
    Proposes("dzhodzhen", "feeds", equals=["/rss.php"]),
    Proposes("podbel", "start_urls", equals=["/novini.php"]),
    Proposes("gluharche", "start_urls", equals=["/novini.html"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: e.site)
def test_add_site_proposes_a_round21_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND21_SITES[expected.site][1]))
