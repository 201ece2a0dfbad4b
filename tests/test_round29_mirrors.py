"""A twenty-ninth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round28_mirrors`` does its six.

The mirrors (``tests/fixtures/make_mirrors_round29.py``) print what frameworks and CMS
extensions no earlier round copied print by default: SvelteKit, the whole list only in
the API answer it inlines for the browser, ``data-sveltekit-fetched``, whose ``body`` is
JSON in a string (vishna); Remix, every item in ``window.__remixContext = {…}`` (sliva);
Astro, the whole list in a ``client:only`` island's ``props``, each value a pair of its
type and itself (kaysiya); Joomla's K2, ``?start=3``, ``/novini/item/<id>-<slug>``, each
item linking its author's, tag's and category's item lists and a print view (leshnik);
Drupal's Views Infinite Scroll, one "Зареди още" to ``?page=1`` (dyulya); Gatsby, the list
past the newest three only in the page data its head preloads, each item's title and
address apart (cheresha). Each must
archive exactly its articles with the true title, date and body, and a rerun right after
must cost at most three requests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from pathlib import Path

import pytest

from newsarchive.discover.astro import astro_props
from newsarchive.discover.embedded import embedded_items
from newsarchive.discover.fragments import as_listing
from newsarchive.discover.listings import article_links
from newsarchive.discover.next_pages import find_next_link
from newsarchive.jsvalue import assigned_literals
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import (
    FirstCrawl,
    Proposes,
    bare_crawl_twice,
    check_bare_crawl,
    proposed,
)
from .support import Result

ROUND29_SITES = {
    # SvelteKit: the list only in a fetched response's body, JSON in a string
    "vishna": ("Община Вишна", "https://vishna.bg"),
    # Remix: window.__remixContext
    "sliva": ("Община Слива", "https://www.sliva.bg"),
    # Astro: a client:only island's serialized props
    "kaysiya": ("Община Кайсия", "https://kaysiya.bg"),
    # Joomla's K2
    "leshnik": ("Община Лешник", "https://www.leshnik.bg"),
    # Drupal's Views Infinite Scroll
    "dyulya": ("Община Дюля", "https://dyulya.bg"),
    # Gatsby: the list past the newest three only in its preloaded page data
    "cheresha": ("Община Череша", "https://www.cheresha.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND29_SITES))
def test_a_round29_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND29_SITES[site])


FIRST_CRAWLS = [
    FirstCrawl("vishna", once=("/novini",), distinct_under={"/novini/": 8}, rows=8),
    FirstCrawl("sliva", once=("/novini",), distinct_under={"/novini/": 8}, rows=8),
    # the list and its eight articles, each once
    FirstCrawl("kaysiya", once=("/novini/",), distinct_under={"/novini/": 9}, rows=8),
    # the item lists of an author, a tag, a category and the print views never
    FirstCrawl(
        "leshnik",
        once=("/novini?start=3", "/novini?start=6"),
        unasked=(
            "/novini?format=feed&type=rss",
            "/novini/item/187-remont-na-ulitsite?tmpl=component&print=1",
            "/novini/itemlist/user/42-mariya-petrova",
            "/novini/itemlist/category/3-novini",
            "/novini?start=9",
        ),
        rows=8,
    ),
    # the list's page data once, the app's and the static query's never
    FirstCrawl(
        "cheresha",
        once=("/novini/", "/page-data/novini/page-data.json"),
        unasked=("/page-data/app-data.json", "/page-data/sq/d/2841359383.json"),
        rows=8,
    ),
    FirstCrawl(
        "dyulya", once=("/novini?page=1", "/novini?page=2"), unasked=("/novini?page=3",), rows=8
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round29_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND29_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("vishna", "start_urls", equals=["/novini"]),
    Proposes("sliva", "start_urls", equals=["/novini"]),
    Proposes("kaysiya", "start_urls", equals=["/novini/"]),
    Proposes("leshnik", "start_urls", equals=["/novini"]),
    Proposes("dyulya", "start_urls", equals=["/novini"]),
    Proposes("cheresha", "start_urls", equals=["/novini/"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: f"{e.site}-{e.key}")
def test_add_site_proposes_a_round29_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND29_SITES[expected.site][1]))


SITE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))
ITEM = {"title": "Започва ремонтът на моста над реката", "path": "/novini/most"}


def _found(html: str) -> list[tuple[str, str]]:
    return [(i.url, i.title) for i in embedded_items(parse_html(html), "https://www.x.bg/novini")]


def test_a_sveltekit_fetched_responses_body_of_json_text_is_read() -> None:
    """The API's answer is kept as the string it came as: JSON inside JSON."""
    answer = json.dumps({"news": [ITEM]}, ensure_ascii=False)
    wrapped = json.dumps({"status": 200, "statusText": "", "headers": {}, "body": answer})
    html = (
        '<html><body><script type="application/json" data-sveltekit-fetched '
        f'data-url="/api/novini">{wrapped}</script></body></html>'
    )
    assert _found(html) == [("https://www.x.bg/novini/most", ITEM["title"])]


@pytest.mark.parametrize("body", ["{not json}", "[1, 2", '"{}"', "{}x"])
def test_a_string_that_only_looks_like_json_is_a_string(body: str) -> None:
    data = json.dumps({"body": body, "items": [ITEM]})
    html = f'<html><body><script type="application/json">{data}</script></body></html>'
    assert _found(html) == [("https://www.x.bg/novini/most", ITEM["title"])]


def test_a_literal_assigned_to_a_global_is_read() -> None:
    """Remix's context (JSON), SvelteKit's start script (a JavaScript literal, a date as
    ``new Date(…)``); a global computed from itself is no literal."""
    remix = "window.__remixContext = " + json.dumps(
        {"state": {"loaderData": {"routes/novini": {"news": [ITEM]}}}}, ensure_ascii=False
    )
    svelte = (
        "{__sveltekit_x = {base: new URL('.', location).pathname};"
        'const data = [null,{type:"data",data:{news:[{title:"Коледен базар в двора на '
        'читалището",slug:"bazar",path:"/novini/bazar",published:new Date(1764316800000)}]},'
        "uses:{}}];}"
    )
    script = f"var _paq = window._paq = window._paq || [];{remix};{svelte}"
    assert [name for name, _ in assigned_literals(script)] == ["__remixContext", "data"]
    html = f"<html><body><script>{script}</script></body></html>"
    assert _found(html) == [
        ("https://www.x.bg/novini/most", ITEM["title"]),
        ("https://www.x.bg/novini/bazar", "Коледен базар в двора на читалището"),
    ]


def test_astro_island_props_are_read_as_plain_values() -> None:
    props = {
        "items": [1, [[0, {"title": [0, ITEM["title"]], "url": [0, "/novini/most/"],
                           "date": [3, "2026-11-28T00:00:00.000Z"], "tags": [1, [[0, "a"]]]}]]],
        "perPage": [0, 3],
        "filter": [2, "^a"],
    }  # fmt: skip
    text = json.dumps(props, ensure_ascii=False)
    assert astro_props(text) == {
        "items": [{"title": ITEM["title"], "url": "/novini/most/",
                   "date": "2026-11-28T00:00:00.000Z", "tags": ["a"]}],
        "perPage": 3,
        "filter": None,
    }  # fmt: skip
    html = f'<html><body><astro-island props="{escape(text)}" client="only"></astro-island>'
    found = embedded_items(parse_html(html), "https://www.x.bg/novini/")
    assert [(i.url, str(i.published)) for i in found] == [
        ("https://www.x.bg/novini/most/", "2026-11-28")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", None),
        ("[]", None),
        ("{", None),
        ('{"a": 1}', {"a": None}),
        ('{"a": [0]}', {"a": None}),
        ('{"a": ["0", 1]}', {"a": None}),
        ('{"a": [9, "x"]}', {"a": None}),  # (a type this reader does not keep)
    ],
)
def test_props_not_of_astros_form_read_as_nothing(text: str, expected: object) -> None:
    """Text that is no object reads as no props; a prop that is no (type, value) pair,
    or of a type not kept, as None, beside the others."""
    assert astro_props(text) == expected


def _k2_page(pager: str) -> str:
    cards = "".join(
        f'<div class="itemContainer"><div class="catItemView"><span class="catItemDateCreated">'
        f'{day} ноември 2026 09:15</span><h3><a href="/novini/item/{n}-{slug}">{title}</a></h3>'
        f"<p>Кратко описание на новината от общината.</p></div></div>"
        for n, slug, title, day in (
            (12, "most", "Започва ремонтът на моста над реката", 20),
            (11, "bazar", "Коледен базар в двора на читалището", 17),
            (10, "park", "Кметът откри обновения парк в центъра", 14),
        )
    )
    feed = (
        '<div class="k2FeedIcon"><a href="/novini?format=feed&amp;type=rss">'
        "Абонирайте се за тази RSS емисия</a></div>"
    )
    return f'<html><body><div id="k2Container">{cards}{pager}{feed}</div></body></html>'


@pytest.mark.parametrize(
    "labels",
    [("3", "Следваща", "Край"), ("»", "»»"), ("Следваща страница",), ("Next", "Last")],
)
def test_a_later_pages_pager_of_one_address_onward_is_no_item(labels: tuple[str, ...]) -> None:
    """On page 2 of 3, K2's pager leads onward to one address only: a card of its own,
    eleven words long, which with the feed icon's card beside it read as a run of news."""
    onward = "".join(f'<li><a href="/novini?start=6">{label}</a></li>' for label in labels)
    pager = (
        '<div class="k2Pagination"><ul><li><a href="/novini">Начало</a></li>'
        f'<li><a href="/novini">Предишна</a></li><li><a href="/novini">1</a></li><li>2</li>'
        f"{onward}</ul>Страница 2 от 3</div>"
    )
    found = article_links(_k2_page(pager), "https://www.x.bg/novini?start=3", SITE)
    assert [c.url.rsplit("/", 1)[1] for c in found] == ["12-most", "11-bazar", "10-park"]


def test_a_card_whose_link_says_a_headline_among_numbers_is_no_pager() -> None:
    """A run of cards whose links are numbered headlines stays news."""
    rows = "".join(
        f'<li><a href="/novini/{n}-obyava">{n} Обява за публично обсъждане на бюджета</a></li>'
        for n in (5, 4, 3)
    )
    html = f"<html><body><ul>{rows}</ul></body></html>"
    assert len(article_links(html, "https://www.x.bg/novini", SITE)) == 3


GATSBY_HEAD = (
    '<link as="fetch" rel="preload" href="/page-data/sq/d/28413.json" crossorigin="anonymous"/>'
    '<link as="fetch" rel="preload" href="/page-data/app-data.json" crossorigin="anonymous"/>'
)


@pytest.mark.parametrize(
    ("page", "preloaded", "expected"),
    [
        ("/novini/", "/page-data/novini/page-data.json", "/page-data/novini/page-data.json"),
        ("/novini", "/novini/_payload.json?4f2a", "/novini/_payload.json?4f2a"),
        (
            "/bg/novini/",
            "/page-data/bg/novini/page-data.json",
            "/page-data/bg/novini/page-data.json",
        ),
        # another page's data, a file that is no JSON, the home page's own
        ("/novini/", "/page-data/kontakti/page-data.json", None),
        ("/novini/", "/page-data/novini/page-data.js", None),
        ("/", "/page-data/index/page-data.json", None),
    ],
)
def test_a_list_with_no_pager_goes_on_to_the_data_its_page_preloads(
    page: str, preloaded: str, expected: str | None
) -> None:
    head = (
        f'{GATSBY_HEAD}<link as="fetch" rel="preload" href="{preloaded}" crossorigin="anonymous"/>'
    )
    html = f"<html><head>{head}</head><body><h1>Новини</h1></body></html>"
    found = find_next_link(html, f"https://www.x.bg{page}", SITE, 1)
    assert found == (f"https://www.x.bg{expected}" if expected else None)


def test_a_pager_goes_before_the_preloaded_data() -> None:
    head = '<link as="fetch" rel="preload" href="/page-data/novini/page-data.json"/>'
    html = f'<html><head>{head}</head><body><a href="/novini/2/">Следваща »</a></body></html>'
    assert find_next_link(html, "https://www.x.bg/novini/", SITE, 1) == "https://www.x.bg/novini/2/"


BAZAR = "Коледен базар в двора на читалището"


def test_gatsbys_markdown_nodes_are_items_of_their_parts() -> None:
    """Each node's address (``fields.slug``, a path) and title (``frontmatter``) apart."""
    nodes = [
        {"excerpt": "…", "fields": {"slug": f"/novini/{slug}/"},
         "frontmatter": {"date": "November 28, 2026", "title": title}}
        for slug, title in (("most", ITEM["title"]), ("bazar", BAZAR))
    ]  # fmt: skip
    data = {"path": "/novini/", "result": {"data": {"allMarkdownRemark": {"nodes": nodes}}}}
    html = as_listing(json.dumps(data, ensure_ascii=False), "https://www.x.bg/page-data/x.json")
    assert html is not None
    found = article_links(html, "https://www.x.bg/novini/", SITE)
    assert [c.url for c in found] == [
        "https://www.x.bg/novini/most/",
        "https://www.x.bg/novini/bazar/",
    ]


def test_an_object_with_a_title_and_an_address_of_its_own_keeps_them() -> None:
    """A post's own title stays its title, not its author's ``name`` or image's ``title``."""
    post = {
        "title": ITEM["title"], "url": "/novini/most",
        "author": {"name": "Мария Петрова", "url": "/avtori/mariya"},
        "image": {"title": "Снимка на моста от брега", "src": "/img/most.jpg"},
    }  # fmt: skip
    html = f'<html><body><script type="application/json">{json.dumps([post])}</script>'
    assert _found(html) == [("https://www.x.bg/novini/most", ITEM["title"])]


def test_a_titled_object_takes_no_address_from_its_parts() -> None:
    """A post with a title and no address of its own is no item of its category's page:
    the category's ``url`` is the category's, and the post's title is not its title."""
    post = {
        "title": ITEM["title"], "date": "2026-11-28",
        "category": {"name": "Ремонти", "url": "/novini/kategoriya/remonti"},
    }  # fmt: skip
    html = f'<html><body><script type="application/json">{json.dumps([post])}</script>'
    assert _found(html) == []


def test_nuxts_preloaded_payload_in_devalues_flat_form_is_read_as_a_list() -> None:
    payload = [
        {"data": 1}, {"articles": 2}, [3, 6], {"title": 4, "path": 5},
        ITEM["title"], "/novini/most", {"title": 7, "path": 8}, BAZAR, "/novini/bazar",
    ]  # fmt: skip
    html = as_listing(
        json.dumps(payload, ensure_ascii=False), "https://www.x.bg/novini/_payload.json"
    )
    assert html is not None
    found = article_links(html, "https://www.x.bg/novini", SITE)
    assert [c.url for c in found] == [
        "https://www.x.bg/novini/most",
        "https://www.x.bg/novini/bazar",
    ]
