"""A twenty-eighth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round27_mirrors`` does its seven.

The mirrors (``tests/fixtures/make_mirrors_round28.py``): Nuxt 2, the list's items past
the first three only in ``window.__NUXT__``, a function called with literals, each item a
slug (akatsiya); lists paged ``/novini/p/2`` (brest) and ``/novini/strana-2`` (dzhanka),
each card's category link to the list's first page; an HTML "Карта на сайта" the only
index of the news, no listing to learn their shape from (lyubka); Angular Universal's
transfer state, ``{&q;…&q;:…}`` (ruzha); Next.js's App Router payload,
``self.__next_f.push([1,"…"])`` (oman). Each must archive exactly its articles with the
true title, date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.anchors import link_reader
from newsarchive.discover.embedded import EmbeddedItem, embedded_items, resolve_slugs
from newsarchive.discover.feeds import feed_links
from newsarchive.discover.listings import article_links, dated_shapes, news_items
from newsarchive.markup import parse_html
from newsarchive.models import SOURCE_SITEMAP, Profile

from .mirror_sites import (
    SITES,
    FirstCrawl,
    Proposes,
    article_rows,
    bare_crawl_twice,
    check_bare_crawl,
    crawl_twice,
    proposed,
    site_json,
)
from .support import Result

ROUND28_SITES = {
    # Nuxt 2: the items past the third only in window.__NUXT__, named by their slugs
    "akatsiya": ("Община Акация", "https://akatsiya.bg"),
    # /novini/p/2
    "brest": ("Община Бряст", "https://www.brest.bg"),
    # /novini/strana-2
    "dzhanka": ("Община Джанка", "https://dzhanka.bg"),
    # the HTML "Карта на сайта" the only index, no listing
    "lyubka": ("Община Любка", "https://www.lyubka.bg"),
    # Angular Universal's transfer state
    "ruzha": ("Община Ружа", "https://ruzha.bg"),
    # Next.js's App Router: self.__next_f
    "oman": ("Община Оман", "https://www.oman.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND28_SITES))
def test_a_round28_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND28_SITES[site])


FIRST_CRAWLS = [
    FirstCrawl("akatsiya", once=("/novini",), distinct_under={"/novini/": 8}, rows=8),
    FirstCrawl("brest", once=("/novini/p/2", "/novini/p/3"), unasked=("/novini/p/4",), rows=8),
    # the pager's addresses have the articles' shape, and are asked for as pages only
    FirstCrawl(
        "dzhanka",
        once=("/novini/strana-2", "/novini/strana-3"),
        distinct_under={"/novini/": 10},
        rows=8,
    ),
    # the site map once; the static pages it links never
    FirstCrawl(
        "lyubka",
        once=("/karta-na-sayta",),
        unasked=("/obshtinata/istoriya", "/uslugi/mestni-danatsi", "/politika-za-poveritelnost"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    FirstCrawl("ruzha", once=("/novini",), distinct_under={"/novini/": 8}, rows=8),
    FirstCrawl("oman", once=("/novini",), distinct_under={"/novini/": 8}, rows=8),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round28_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND28_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("akatsiya", "start_urls", equals=["/novini"]),
    Proposes("brest", "pagination", equals="/p/{page}"),
    Proposes("dzhanka", "pagination", equals="/strana-{page}"),
    Proposes("lyubka", "sitemaps", equals=["/karta-na-sayta"]),
    Proposes("ruzha", "start_urls", equals=["/novini"]),
    Proposes("oman", "start_urls", equals=["/novini"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: f"{e.site}-{e.key}")
def test_add_site_proposes_a_round28_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND28_SITES[expected.site][1]))


def test_add_sites_profile_of_a_site_map_alone_archives_every_article(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The profile add-site writes names the site map and no article shape (no listing
    taught one): the crawl reads the shape off the links the site map dates."""
    proposal = proposed(run_cli, "lyubka", ROUND28_SITES["lyubka"][1])
    profile = tmp_path / "lyubka.toml"
    profile.write_text(proposal.text, encoding="utf-8")
    _, nightly = crawl_twice(run_cli, db, profile, "lyubka", SITES / "lyubka")
    assert set(article_rows(db)) == {row["url"] for row in site_json("lyubka", "expected.json")}
    assert len(nightly) <= 3, nightly


SITE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))
NUXT_PAGE = (
    '<html><body><div id="__nuxt"><div class="news">'
    '<div class="card"><h3><a href="/novini/remont-na-mosta">Започва ремонтът на моста'
    " над реката</a></h3></div></div></div>"
    '<script>window.__NUXT__=(function(a,b,c){return {layout:"default",data:[{articles:['
    '{id:12,slug:"remont-na-mosta",title:"Започва ремонтът на моста над реката",'
    'publishedAt:"2026-11-28T09:00:00.000Z",category:a},'
    '{id:11,slug:"koleden-bazar",title:"Коледен базар в двора на читалището",'
    'publishedAt:"2026-11-25T09:00:00.000Z",category:a}],total:2}],error:b,'
    'serverRendered:c,routePath:"\\u002Fnovini"}}("Новини",null,true));</script>'
    "</body></html>"
)


def test_a_nuxt2_pages_items_named_by_slug_go_where_its_cards_are() -> None:
    """The items only the payload holds are named by slug alone: the server-rendered
    card linking one of them shows they are under ``/novini/``."""
    found = embedded_items(parse_html(NUXT_PAGE), "https://www.x.bg/novini")
    assert [(item.url, item.title, str(item.published)) for item in found] == [
        ("https://www.x.bg/novini/remont-na-mosta", "Започва ремонтът на моста над реката",
         "2026-11-28"),
        ("https://www.x.bg/novini/koleden-bazar", "Коледен базар в двора на читалището",
         "2026-11-25"),
    ]  # fmt: skip


def test_slugs_no_link_places_or_links_place_twice_stay_unresolved() -> None:
    items = [EmbeddedItem("", "Коледен базар в двора", None, "koleden-bazar")]
    base = link_reader(parse_html("<html></html>"), "https://www.x.bg/novini")
    assert resolve_slugs(items, ["/kontakti"], base) == []
    two = [*items, EmbeddedItem("", "Ремонт на моста над реката", None, "most")]
    assert resolve_slugs(two, ["/novini/koleden-bazar", "/arhiv/most"], base) == []
    assert [i.url for i in resolve_slugs(two, ["/novini/koleden-bazar/"], base)] == [
        "https://www.x.bg/novini/koleden-bazar/",
        "https://www.x.bg/novini/most/",
    ]


def test_an_angular_transfer_states_items_are_found() -> None:
    state = (
        "{&q;G.https://api.x.bg/news?a=1&a;b=2&q;:{&q;body&q;:{&q;items&q;:[{&q;title&q;:"
        "&q;Кметът откри обновения парк &l;в центъра&g;&q;,&q;url&q;:&q;/novini/park&q;}]}}}"
    )
    html = f'<html><body><script id="serverApp-state" type="application/json">{state}</script>'
    found = embedded_items(parse_html(html), "https://www.x.bg/novini")
    assert [(item.url, item.title) for item in found] == [
        ("https://www.x.bg/novini/park", "Кметът откри обновения парк <в центъра>")
    ]


def test_a_next_app_routers_payload_items_are_found_across_its_pushes() -> None:
    """The payload is cut anywhere between two pushes, within a line of JSON too."""
    line = (
        '5:["$","$L2",null,{"initial":[{"title":"Започва ремонтът на моста над реката",'
        '"href":"/novini/most","publishedAt":"2026-11-28"}]}]\n'
    )
    pushes = "".join(
        f"<script>self.__next_f.push([1,{json.dumps(part, ensure_ascii=False)}])</script>"
        for part in (line[:40], line[40:])
    )
    html = f"<html><body><script>self.__next_f.push([0])</script>{pushes}</body></html>"
    found = embedded_items(parse_html(html), "https://www.x.bg/novini")
    assert [item.url for item in found] == ["https://www.x.bg/novini/most"]


def _later_page(pager: str) -> str:
    """A later page of a list whose cards link the list's first page before their date."""
    cards = "".join(
        f'<div class="card"><h3><a href="/novini/{slug}">{title}</a></h3>'
        f'<a class="cat" href="/novini">Новини</a> <span>{day}.11.2026</span></div>'
        for slug, title, day in (
            ("most", "Започва ремонтът на моста над реката", 20),
            ("bazar", "Коледен базар в двора на читалището", 17),
            ("park", "Кметът откри обновения парк в центъра", 14),
        )
    )
    return f"<html><body>{cards}{pager}</body></html>"


@pytest.mark.parametrize("later", ["/novini/p/2", "/novini/str/2", "/novini/strana-2"])
def test_a_path_paged_lists_later_page_dates_its_cards(later: str) -> None:
    """On ``/novini/p/2`` (or ``/str/2``, ``/strana-2``), a card's "Новини" is the list's
    first page, as it is from ``/novini/page/2``: the card goes on to its date."""
    nxt = later[:-1] + "3"
    pager = (
        '<div class="pages"><a href="/novini">« Предишна</a> <a href="/novini">1</a> <b>2</b>'
        f' <a href="{nxt}">3</a> <a href="{nxt}">Следваща »</a></div>'
    )
    found = article_links(_later_page(pager), f"https://www.x.bg{later}", SITE)
    assert [(c.url.rsplit("/", 1)[1], str(c.listed_date)) for c in found] == [
        ("most", "2026-11-20"),
        ("bazar", "2026-11-17"),
        ("park", "2026-11-14"),
    ]


def test_a_pager_whose_addresses_have_the_items_shape_is_no_item() -> None:
    """``/novini/strana-3`` has the shape of ``/novini/<slug>``; the pager's words, "«
    Предишна 1 2 3 Следваща »", are seven, but two of them words a headline has."""
    pager = (
        '<div class="pages"><a href="/novini">« Предишна</a> <a href="/novini">1</a> <b>2</b>'
        ' <a href="/novini/strana-3">3</a> <a href="/novini/strana-3">Следваща »</a></div>'
    )
    items = news_items(_later_page(pager), "https://www.x.bg/novini/strana-2", SITE)
    assert [card.url.rsplit("/", 1)[1] for card in items.cards] == ["most", "bazar", "park"]


LONE_SITE_MAP = (
    '<!DOCTYPE html><html><body><ul class="sitemap"><li><a href="/">Начало</a></li>'
    '<li><a href="/obshtinata">Общината</a></li><li><a href="/obshtinata/kmet">Кмет</a></li>'
    '<li><a href="/novini">Новини</a><ul class="news">'
    '<li><a href="/novini/12-most">Ремонт на моста</a> <span>(28.11.2026)</span></li>'
    '<li><a href="/novini/11-bazar">Коледен базар</a> <span>(25.11.2026)</span></li>'
    '<li><a href="/novini/10-park">Нов парк</a> <span>(22.11.2026)</span></li>'
    "</ul></li></ul></body></html>"
)


def test_a_site_map_dating_its_news_teaches_their_shape() -> None:
    """With no listing to learn from (and no profile pattern), the links the site map
    dates are its articles; the static pages it links are not."""
    url = "https://www.x.bg/karta-na-sayta"
    assert len(dated_shapes(LONE_SITE_MAP, url, SITE)) == 1
    read = feed_links(LONE_SITE_MAP.encode(), SITE, SOURCE_SITEMAP, base=url)
    assert [c.url for c in read.articles] == [
        "https://www.x.bg/novini/12-most",
        "https://www.x.bg/novini/11-bazar",
        "https://www.x.bg/novini/10-park",
    ]


def test_a_site_map_of_two_dated_links_teaches_nothing() -> None:
    two = re.sub(r'<li><a href="/novini/10-park">.*?</li>', "", LONE_SITE_MAP)
    url = "https://www.x.bg/karta-na-sayta"
    assert dated_shapes(two, url, SITE) == ()
    assert feed_links(two.encode(), SITE, SOURCE_SITEMAP, base=url).articles == []
