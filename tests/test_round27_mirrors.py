"""A twenty-seventh round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round26_mirrors`` does its seven.

The mirrors (``tests/fixtures/make_mirrors_round27.py``): Nuxt 3, the list's items past
the first three only in its devalue payload, each addressed by Nuxt Content's ``_path``
(melisa); an HTML "Карта на сайта" the only index of the older news, the list's "Зареди
още" posting for them (komuniga); articles named by a lone number, ``novina.php?528``
(bakla); DataLife Engine, the list paged ``/novini/page/2/``, each item's category link
to the list's first page (ruta); DotNetNuke, every address ``…/tabid/55/…/Default.aspx``
(smradlika); MODX, every page ``index.php?id=<n>`` (gergina); Sitefinity,
``/novini/2026/11/28/<slug>`` paged ``/novini/page/2`` (nevena). Each must archive exactly
its articles with the true title, date and body, and a rerun right after must cost at
most three requests.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.devalue import is_flat, unflatten
from newsarchive.discover.embedded import embedded_items
from newsarchive.discover.feeds import feed_links
from newsarchive.discover.listings import article_links, page_links
from newsarchive.discover.site_map import is_site_map_page, site_map_link
from newsarchive.markup import parse_html
from newsarchive.models import SOURCE_SITEMAP, Profile

from .mirror_sites import (
    FirstCrawl,
    Proposes,
    assert_archived_whole_and_right,
    bare_crawl_twice,
    check_bare_crawl,
    mirror_crawls,
    proposed,
)
from .support import Result

ROUND27_SITES = {
    # Nuxt 3: the items past the third only in __NUXT_DATA__
    "melisa": ("Община Мелиса", "https://melisa.bg"),
    # the HTML "Карта на сайта" the only index of the older news
    "komuniga": ("Община Комунига", "https://www.komuniga.bg"),
    # novina.php?528
    "bakla": ("Община Бакла", "http://bakla.bg"),
    # DataLife Engine: /novini/page/2/, /novini/<id>-<slug>.html
    "ruta": ("Община Рута", "https://ruta.bg"),
    # DotNetNuke: /Novini/tabid/55/ArticleID/<id>/Default.aspx
    "smradlika": ("Община Смрадлика", "https://www.smradlika.bg"),
    # MODX Evolution: index.php?id=<n>
    "gergina": ("Община Гергина", "http://www.gergina.bg"),
    # Sitefinity: /novini/2026/11/28/<slug>, /novini/page/2
    "nevena": ("Община Невена", "https://www.nevena.bg"),
}
DNN = "/Novini/tabid/55"


@pytest.mark.parametrize("site", sorted(ROUND27_SITES))
def test_a_round27_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND27_SITES[site])


FIRST_CRAWLS = [
    FirstCrawl("melisa", once=("/novini",), distinct_under={"/novini/": 8}, rows=8),
    # the site map once; the pages it links that are not news never
    FirstCrawl(
        "komuniga",
        once=("/novini", "/karta-na-sayta"),
        unasked=("/administratsiya/struktura", "/dostapnost"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    FirstCrawl("bakla", once=("/novini.php?page=2", "/novini.php?page=3"), rows=8),
    # the list's pages; the calendar's days and the print views never
    FirstCrawl(
        "ruta",
        once=("/novini/page/2/", "/novini/page/3/"),
        unasked=("/2026/11/10/", "/novini/print:page,1,1228-proverka-na-hidrantite.html"),
        rows=8,
    ),
    FirstCrawl(
        "smradlika",
        once=(f"{DNN}/currentpage/2/Default.aspx", f"{DNN}/currentpage/3/Default.aspx"),
        unasked=(
            "/tabid/55/ctl/Print/mid/421/articleId/412/Default.aspx",
            f"{DNN}/language/en-US/Default.aspx",
            f"{DNN}/ctl/Login/Default.aspx?returnurl=%2FNovini%2Ftabid%2F55%2FDefault.aspx",
        ),
        distinct_under={f"{DNN}/ArticleID/": 8},
        rows=8,
    ),
    # the static pages, index.php?id=<n> as the articles are, never
    FirstCrawl(
        "gergina",
        once=("/index.php?id=5&start=3", "/index.php?id=5&start=6"),
        unasked=("/index.php?id=3", "/index.php?id=4", "/index.php?id=6"),
        rows=8,
    ),
    FirstCrawl(
        "nevena",
        once=("/novini/page/2", "/novini/page/3"),
        distinct_under={"/novini/2026/": 8},
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round27_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND27_SITES[site])
    expected.check(first, db)


def test_a_site_map_only_the_articles_footer_links_is_found_there(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Komuniga with its "Карта на сайта" in the article pages' footer alone (a template
    of their own): its list shows the newest three, no pager, feed or sitemap. Only the
    home page's and the listings' links were looked at, and the five older news were
    never archived. The newest article's footer names it now: read once, as the
    listing's link was, and the article itself fetched once (the crawl took it from
    exploring's hands)."""
    link = '<a href="/karta-na-sayta">Карта на сайта</a> | '
    with mirror_crawls(run_cli, db, tmp_path, "komuniga", *ROUND27_SITES["komuniga"],
                       editable=True) as crawls:  # fmt: skip
        for page in crawls.root.rglob("*.html"):
            html = page.read_text(encoding="utf-8").replace(link, "")
            if page.parent.name == "novini":  # an article: its footer names the site map
                footer = '<footer><a href="/karta-na-sayta">Карта на сайта</a></footer>'
                html = html.replace("</body>", f"{footer}\n</body>")
            page.write_text(html, encoding="utf-8")
        asked = crawls.crawl()
    assert_archived_whole_and_right(db, "komuniga")
    assert asked.count("/karta-na-sayta") == 1, asked
    assert asked.count("/novini/1310-bezplaten-preglet") == 1, asked
    assert "/dostapnost" not in asked


PROPOSALS = [
    Proposes("melisa", "start_urls", equals=["/novini"]),
    Proposes("komuniga", "sitemaps", equals=["/karta-na-sayta"]),
    Proposes("bakla", "start_urls", equals=["/novini.php"]),
    Proposes("ruta", "start_urls", includes=("/novini/",)),
    Proposes("smradlika", "start_urls", equals=[f"{DNN}/Default.aspx"]),
    Proposes("gergina", "start_urls", equals=["/index.php?id=5"]),
    Proposes("nevena", "start_urls", equals=["/novini"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: f"{e.site}-{e.key}")
def test_add_site_proposes_a_round27_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND27_SITES[expected.site][1]))


SITE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))

# Nuxt 3's payload of a list of two documents, as devalue writes it: the root wrapped
# in a reducer, every member an index, the shared string "2026-11-28" written once
NUXT = [
    ["ShallowReactive", 1],
    {"data": 2, "state": 13, "serverRendered": 14},
    ["ShallowReactive", 3],
    {"novini-list": 4},
    [5, 9],
    {"_path": 6, "title": 7, "date": 8},
    "/novini/remont-na-ulitsite",
    "Започва ремонтът на три централни улици",
    "2026-11-28",
    {"_path": 10, "title": 11, "date": 8, "tags": 12},
    "/novini/koleden-bazar",
    "Коледен базар в двора на читалището",
    ["Set", 7],
    ["null", "seen", 14],
    True,
]


def test_a_devalue_payload_is_read_as_the_values_it_stands_for() -> None:
    assert is_flat(NUXT)
    data = unflatten(NUXT)
    assert isinstance(data, dict)
    listed = data["data"]["novini-list"]  # type: ignore[index]
    assert listed[1] == {
        "_path": "/novini/koleden-bazar",
        "title": "Коледен базар в двора на читалището",
        "date": "2026-11-28",
        "tags": ["Започва ремонтът на три централни улици"],
    }
    assert data["state"] == {"seen": True}


@pytest.mark.parametrize(
    "data",
    [
        [{"id": 1, "count": 3}, {"id": 2, "count": 5}],  # records: numbers, no indexes
        [{"title": "Една новина", "url": "/novini/edna"}],
        [1, 2, 3],
        {"items": [0, 1]},
    ],
)
def test_plain_json_is_not_taken_for_a_devalue_payload(data: object) -> None:
    assert not is_flat(data)


def test_a_loop_or_an_index_out_of_range_reads_as_none() -> None:
    assert unflatten([{"self": 0, "gone": 99, "undefined": -1}]) == {
        "self": None,
        "gone": None,
        "undefined": None,
    }


@pytest.mark.parametrize("member", [0.0, 1.0, False, True, None])
def test_what_is_no_index_reads_as_none(member: object) -> None:
    """A member that equals an index without being one (``0.0 == 0``, ``True == 1``) is
    no reference: a hostile payload reads as None there, never raises."""
    data: list[object] = [{"a": 1}, [member, 2], "x"]
    assert unflatten(data) == {"a": [None, "x"]}


def test_a_nuxt_pages_items_are_found_in_its_payload() -> None:
    """Read as plain JSON, no object of the payload has a title (each is an index), and
    the items past the three cards the server rendered are never seen."""
    html = (
        '<html><body><div id="__nuxt"></div><script type="application/json" '
        f'id="__NUXT_DATA__" data-ssr="true">{json.dumps(NUXT, ensure_ascii=False)}'
        "</script></body></html>"
    )
    found = embedded_items(parse_html(html), "https://www.x.bg/novini")
    assert [item.url for item in found] == [
        "https://www.x.bg/novini/remont-na-ulitsite",
        "https://www.x.bg/novini/koleden-bazar",
    ]
    assert found[0].published is not None and found[0].published.isoformat() == "2026-11-28"


def _dle(page: str) -> str:
    """A DataLife Engine list page: each short story's category link leads to the list."""
    stories = "".join(
        f'<div class="shortstory"><h2><a href="/novini/{n}-x.html">{title}</a></h2>'
        f'<div class="info"><span>0{n}.11.2026</span> <a href="/novini/">Новини</a></div></div>'
        for n, title in ((7, "Пожарникарите проверяват хидрантите"), (6, "Коледен базар"))
    )
    return (
        f'<html><body>{stories}<div class="navigation"><a href="{page}">1</a></div></body></html>'
    )


@pytest.mark.parametrize("later", ["/novini/page/3/", "/novini/page/3", "/novini/strana/3"])
def test_a_category_link_to_a_path_paged_lists_first_page_leads_back(later: str) -> None:
    """On ``/novini/page/3/``, an item's "Новини" is the list's first page, as it is from
    ``/novini?page=3``: it does not end the item's card, whose date is then its own."""
    url = f"https://www.x.bg{later}"
    links = page_links(parse_html(_dle("/novini/")), url, SITE)
    assert [link.bounds for link in links if link.url == "https://www.x.bg/novini/"] == [
        False,
        False,
        False,
    ]
    found = article_links(_dle("/novini/"), url, SITE)
    assert [(c.url, str(c.listed_date)) for c in found] == [
        ("https://www.x.bg/novini/7-x.html", "2026-11-07"),
        ("https://www.x.bg/novini/6-x.html", "2026-11-06"),
    ]


def test_another_lists_link_still_ends_a_card() -> None:
    links = page_links(parse_html(_dle("/novini/")), "https://www.x.bg/obyavi/page/3/", SITE)
    assert all(link.bounds for link in links)


SITE_MAP_PAGE = (
    '<!DOCTYPE html><html><body><ul class="sitemap"><li><a href="/">Начало</a></li>'
    '<li><a href="/novini">Новини</a><ul><li><a href="/novini/12-edna">Една новина</a></li>'
    '<li><a href="/novini/11-druga">Друга новина</a></li></ul></li>'
    '<li><a href="/kmet">Кмет</a></li></ul>'
    '<p><a href="/karta-na-sayta">Карта на сайта</a></p></body></html>'
)


def test_an_html_site_map_is_read_as_a_sitemap_of_the_sites_article_shapes() -> None:
    """Its links are its entries, those of the listings' shapes kept: no static page, and
    nothing at all without a shape (every page of the site is linked there)."""
    shapes = [re.compile(r"^/novini/[^/]+/?$")]
    base = "https://www.x.bg/karta-na-sayta"
    read = feed_links(SITE_MAP_PAGE.encode(), SITE, SOURCE_SITEMAP, base=base, shapes=shapes)
    assert [c.url for c in read.articles] == [
        "https://www.x.bg/novini/12-edna",
        "https://www.x.bg/novini/11-druga",
    ]
    assert feed_links(SITE_MAP_PAGE.encode(), SITE, SOURCE_SITEMAP, base=base).articles == []


def test_the_site_map_link_is_a_page_not_a_sitemap_file() -> None:
    url = "https://www.x.bg/novini"
    assert site_map_link(parse_html(SITE_MAP_PAGE), url, SITE) == "https://www.x.bg/karta-na-sayta"
    xml = '<html><body><a href="/sitemap.xml">Sitemap</a></body></html>'
    assert site_map_link(parse_html(xml), url, SITE) is None
    page = SITE_MAP_PAGE.encode()
    assert is_site_map_page("https://www.x.bg/karta-na-sayta", page)
    assert not is_site_map_page("https://www.x.bg/sitemap.xml", page)  # a soft 404: broken
    assert not is_site_map_page("https://www.x.bg/karta", b'<?xml version="1.0"?><urlset/>')


def test_a_site_map_page_after_a_byte_order_mark_is_html() -> None:
    """A UTF-8 BOM before the doctype (as the feeds' and JSON readers allow) leaves the
    page a site map page, not a broken sitemap failing the run."""
    page = codecs.BOM_UTF8 + SITE_MAP_PAGE.encode()
    assert is_site_map_page("https://www.x.bg/karta-na-sayta", page)
    shapes = [re.compile(r"^/novini/[^/]+/?$")]
    base = "https://www.x.bg/karta-na-sayta"
    read = feed_links(page, SITE, SOURCE_SITEMAP, base=base, shapes=shapes)
    assert len(read.articles) == 2


def test_plain_records_led_by_one_of_small_numbers_are_still_read() -> None:
    """``[{"page": 1}, {…}]`` has devalue's shape (its root's members are indexes), but
    it is a plain list: its records are found as they stand."""
    data = [
        {"page": 1},
        {"title": "Започва ремонтът на моста над реката", "url": "/novini/most"},
    ]
    html = (
        '<html><body><script type="application/json">'
        f"{json.dumps(data, ensure_ascii=False)}</script></body></html>"
    )
    found = embedded_items(parse_html(html), "https://www.x.bg/novini")
    assert [item.url for item in found] == ["https://www.x.bg/novini/most"]
