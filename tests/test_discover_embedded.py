# ruff: noqa: E501  (HTML snippets read better on one line)
"""A JS framework's listing: the first cards are links, the rest only in the page's data."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.embedded import _data_sources, embedded_items, listed_items
from newsarchive.discover.listings import article_links, stated_news
from newsarchive.models import Profile

BARE = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg",))
_TITLES = [
    "Общината ремонтира моста над реката",
    "Нов автобус до село Горнище от понеделник",
    "Читалището в Горнище празнува сто години",
    "Доброволци почистиха брега на язовира",
    "Започва ремонтът на покрития пазар",
    "Кметът прие граждани от квартал Изгрев",
]


def _listing(data: str | None = None, anchored: int = 3) -> str:
    cards = "".join(
        f'<div class="Card_card__a1"><a href="/novini/statiya-{900 - k}"><h3>{t}</h3></a><time>2{k}.11.2026</time></div>'
        for k, t in enumerate(_TITLES[:anchored])
    )
    items = [
        {
            "id": 900 - k,
            "title": t,
            "url": f"/novini/statiya-{900 - k}",
            "publishedAt": f"2026-11-{20 - k}T08:00:00.000Z",
        }
        for k, t in enumerate(_TITLES)
    ]
    props = {
        "pageProps": {
            "articles": items,
            "menu": [{"title": "Новини от общината и региона", "href": "/novini"}],
            "author": {"name": "Мария Иванова Петрова Димова", "url": "/avtor/maria"},
        }
    }
    blob = (
        data
        if data is not None
        else json.dumps({"props": props, "page": "/novini"}, ensure_ascii=False)
    )
    return f'<html><body><div id="__next"><main>{cards}<div class="Card_skeleton__b2"></div></main></div><script id="__NEXT_DATA__" type="application/json">{blob}</script></body></html>'


def test_listing_items_only_in_a_frameworks_page_data_are_candidates() -> None:
    """Three cards are links; the other three are only in ``__NEXT_DATA__``. The data's
    other objects with a URL and a long name (the section, an author page) are not news
    items: they have no shape of the visible items'."""
    links = article_links(_listing(), "https://x.bg/novini", BARE)
    assert [c.url for c in links] == [f"https://x.bg/novini/statiya-{900 - k}" for k in range(6)]
    assert links[4].listed_date == dt.date(2026, 11, 16)


def test_page_data_that_is_not_json_or_too_deep_for_nothing_is_ignored() -> None:
    links = article_links(_listing("{not json"), "https://x.bg/novini", BARE)
    assert len(links) == 3
    assert (
        embedded_items(LexborHTMLParser(_listing("[" * 5000 + "]" * 5000)), "https://x.bg/") == []
    )


def test_one_item_linked_with_and_without_a_trailing_slash_is_one_candidate() -> None:
    """The older cards' component writes ``/novini/statiya-900/``, the page data
    ``/novini/statiya-900``: one item, fetched once (its canonical says which is right)."""
    html = _listing().replace('"><h3>', '/"><h3>')
    links = article_links(html, "https://x.bg/novini", BARE)
    assert len(links) == 6
    assert links[0].url == "https://x.bg/novini/statiya-900/"


def _stated(*blocks: object) -> str:
    scripts = "".join(
        f'<script type="application/ld+json">{json.dumps(b, ensure_ascii=False)}</script>'
        for b in blocks
    )
    return f"<html><head>{scripts}</head><body><h1>Новини</h1><div id='cards'></div></body></html>"


def test_a_json_ld_item_list_is_the_pages_list_of_news() -> None:
    """A page whose cards a script draws from its JSON-LD ``ItemList`` lists its news
    there alone: the entries (a ``url``, an ``item`` naming one by ``@id``, inside a
    ``@graph``) are candidates in the order of their ``position``; a ``BreadcrumbList``
    and an entry of no article's shape (a category) are not."""
    html = _stated(
        {"@type": "BreadcrumbList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "item": "https://x.bg/novini/"}]},
        {"@graph": [{"@type": "ItemList", "itemListElement": [
            {"@type": "ListItem", "position": 2, "url": "/novini/nov-avtobus-do-gornishte-901"},
            {"@type": "ListItem", "position": 1, "item": {"@id": "https://x.bg/novini/remont-na-mosta-902"}},
            {"@type": "ListItem", "position": 3, "url": "https://x.bg/kategoria/obshtestvo/"},
        ]}]},
    )  # fmt: skip
    urls = [c.url for c in article_links(html, "https://x.bg/novini/", BARE)]
    assert urls == [
        "https://x.bg/novini/remont-na-mosta-902",
        "https://x.bg/novini/nov-avtobus-do-gornishte-901",
    ]


def test_a_json_ld_item_lists_absurd_positions_do_not_stop_the_listing() -> None:
    """A broken or hostile ``position`` (an integer of hundreds of digits, no float can
    hold it; NaN) ranks its entry by where it stands instead of raising."""
    html = _stated(
        {"@type": "ItemList", "itemListElement": [
            {"@type": "ListItem", "position": 10**400, "url": "/novini/nov-avtobus-do-gornishte-901"},
            {"@type": "ListItem", "position": 2, "url": "/novini/remont-na-mosta-902"},
        ]},
    )  # fmt: skip
    urls = {c.url for c in article_links(html, "https://x.bg/novini/", BARE)}
    assert urls == {
        "https://x.bg/novini/remont-na-mosta-902",
        "https://x.bg/novini/nov-avtobus-do-gornishte-901",
    }


def _island(items: list[dict[str, str]]) -> str:
    blob = json.dumps({"items": items}, ensure_ascii=False)
    return f'<html><body><h1>Новини</h1><ul id="news"></ul><script type="application/json" id="news-data">{blob}</script></body></html>'


def test_a_list_drawn_from_a_json_script_is_the_pages_news() -> None:
    """An empty ``<ul>`` its script fills from a JSON island: the island's dated items are
    the page's news (what makes it a listing while exploring), a three-word headline
    included when the item states its day; the tags a CMS stamps with a creation date
    are not news, however short."""
    items = [
        {"title": t, "url": f"/novini/{900 - k}-remont-na-mosta", "date": f"2026-11-{20 - k}"}
        for k, t in enumerate([*_TITLES[:3], "Пожарникарите проверяват хидрантите"])
    ]
    tags = [{"name": "tech advice", "url": "/blog/tech-advice", "created_at": "2023-04-03"}]
    page = _island([*items, *tags])
    assert stated_news(LexborHTMLParser(page), "https://x.bg/novini", BARE) == [
        f"https://x.bg/novini/{900 - k}-remont-na-mosta" for k in range(4)
    ]
    assert [i.url for i in embedded_items(LexborHTMLParser(page), "https://x.bg/")][-1] == (
        "https://x.bg/novini/897-remont-na-mosta"
    )


def test_a_themes_menu_in_its_page_data_is_no_news() -> None:
    """A section page with no visible news run: its theme ships the menu as data (a
    variable named for it, a tree of entries with children; a ``footer`` and a
    ``mainMenu`` key beside the page's own list), each entry a URL and a title of four
    words, as a news item has. They are the site's navigation, not the section's news:
    only the list the data holds under its own name is."""
    menu = (
        'var navigationMap = {url: "/za-obshtinata", title: "За общината", children: ['
        '{url: "/za-obshtinata/kmet/zamestnik-kmetove", title: "Заместник-кметове на общината и ресори", children: []},'
        '{url: "/za-obshtinata/uslugi/danatsi-i-taksi", title: "Местни данъци и такси онлайн", children: []},'
        '{url: "/za-obshtinata/uslugi/grazhdanska-registratsiya", title: "Гражданска регистрация и административно обслужване", children: []}]};'
    )
    news = [
        {"title": t, "url": f"/novini/{900 - k}-remont-na-ulitsa", "date": f"2026-11-{20 - k}"}
        for k, t in enumerate(_TITLES[:3])
    ]
    links = [
        {"title": "Профил на купувача и обществени поръчки", "url": "/za-obshtinata/profil-na-kupuvacha"},
        {"title": "Политика за защита на личните данни", "url": "/za-obshtinata/lichni-danni"},
    ]  # fmt: skip
    data = {"mainMenu": {"items": links}, "footer": links, "news": news}
    script = f"{menu}window.__INITIAL_STATE__ = {json.dumps(data, ensure_ascii=False)};"
    page = f"<html><body><main><ul id='news'></ul></main><script>{script}</script></body></html>"
    found = [i.url for i in embedded_items(LexborHTMLParser(page), "https://x.bg/novini")]
    assert found == [f"https://x.bg/novini/{900 - k}-remont-na-ulitsa" for k in range(3)]
    assert stated_news(LexborHTMLParser(page), "https://x.bg/novini", BARE) == found


def test_a_nuxt2_payload_filled_before_its_return_and_holding_itself_is_read() -> None:
    """devalue fills a value used twice before the return, and a value holding itself
    (``a.self=a``) so: the items it holds are found, the cycle walked once."""
    news = ",".join(
        f'{{title:"{t}",url:"/novini/{900 - k}-remont-na-ulitsa",date:"2026-11-{20 - k}"}}'
        for k, t in enumerate(_TITLES[:3])
    )
    script = f"window.__NUXT__=(function(a,b){{a.self=a;a.news=[{news}];b[0]=a;return {{state:a,list:b}}}}({{}},Array(1)));"
    page = f"<html><body><main><ul id='news'></ul></main><script>{script}</script></body></html>"
    found = [i.url for i in embedded_items(LexborHTMLParser(page), "https://x.bg/novini")]
    assert found == [f"https://x.bg/novini/{900 - k}-remont-na-ulitsa" for k in range(3)]


_ITEM_TITLE = _TITLES[0]


@pytest.mark.parametrize(
    "source",
    [
        # JSON, in a JSON script and assigned to a global
        f'<script type="application/json">{{"items":[{{"title":"{_ITEM_TITLE}","url":"/novini/900-most"}}]}}</script>',
        f'<script>window.__STATE__ = {{"news":[{{"headline":"{_ITEM_TITLE}","permalink":"/novini/900-most"}}]}};</script>',
        # JavaScript keys, bare and single-quoted
        f'<script>var news = [{{title: "{_ITEM_TITLE}", href: "/novini/900-most"}}];</script>',
        f"<script>const data = [{{'name': '{_ITEM_TITLE}', 'link': '/novini/900-most'}}];</script>",
        # JSON inside a string of the data (a cached API answer)
        '<script>const data = [{"body":"{\\"news\\":[{\\"title\\":\\"'
        + _ITEM_TITLE
        + '\\",\\"url\\":\\"/novini/900-most\\"}]}"}];</script>',
        # Angular's escaped transfer state
        f'<script id="app-state" type="application/json">{{&q;news&q;:[{{&q;title&q;:&q;{_ITEM_TITLE}&q;,&q;url&q;:&q;/novini/900-most&q;}}]}}</script>',
        # Nuxt 2 filling an object it was passed, member by member
        f'<script>window.__NUXT__=(function(a){{a.title="{_ITEM_TITLE}";a.path="/novini/900-most";return {{news:[a]}}}}({{}}));</script>',
        # ... and by a quoted member, as the reader behind the gate reads it too
        f'<script>window.__NUXT__=(function(a){{a["title"]="{_ITEM_TITLE}";a[\'path\'] = "/novini/900-most";return {{news:[a]}}}}({{}}));</script>',
        # Gatsby's parts: the address in one object, the title in another
        f'<script type="application/json">{{"nodes":[{{"fields":{{"slug":"/novini/900-most/"}},"frontmatter":{{"title":"{_ITEM_TITLE}"}}}}]}}</script>',
    ],
)
def test_page_data_however_it_spells_an_items_keys_is_read(source: str) -> None:
    """The gate that spares a listing page's other scripts their parsing lets through
    every spelling of an item's keys the readers behind it read."""
    tree = LexborHTMLParser(f"<html><body><main></main>{source}</body></html>")
    assert next(_data_sources(tree), None) is not None  # the gate lets it through
    assert [i.url for i in embedded_items(tree, "https://x.bg/novini")] == [
        "https://x.bg/novini/900-most" + ("/" if "fields" in source else "")
    ]


@pytest.mark.parametrize(
    "source",
    [
        # a theme's settings: an address, no title
        '<script>var wpApiSettings = {"root": "https://x.bg/wp-json/", "url": "/wp-admin/admin-ajax.php", "nonce": "ab12"};</script>',
        # an analytics queue: keys that only end in a title's and a path's names
        '<script>window.dataLayer = [{"event": "page_view", "page_title": "Новини от общината днес", "page_path": "/novini"}];</script>',
        # a site's name, no address
        '<script>const site = {name: "Община Примерна в Северозапада", theme: "dark"};</script>',
        # a JSON island of neither
        '<script type="application/json">{"locale": "bg", "filename": "app.js", "pathname": "/novini"}</script>',
        # a title in one script and an address in another: no object holds both
        '<script>var a = {title: "Новини от общината днес"};</script><script>var b = {url: "/novini"};</script>',
    ],
)
def test_page_data_of_no_items_is_not_read(source: str) -> None:
    """Most pages of a real crawl assign some literal (302 of 481 WCXB and AEB pages with
    scripts did): data that names no title beside an address holds no item, and is not
    parsed on every listing page read."""
    tree = LexborHTMLParser(f"<html><body><main></main>{source}</body></html>")
    assert next(_data_sources(tree), None) is None  # the gate stops it: never parsed
    assert embedded_items(tree, "https://x.bg/novini") == []


def test_data_items_and_item_lists_repeating_the_pages_folder_are_read_from_the_root() -> None:
    """A page's JSON data read as its links are (``anchors.link_reader``): a theme's
    links printed without the leading slash (``novini/remont-na-mosta`` on ``/novini/``)
    show its slugs go under ``/novini/``, and a JSON-LD ``ItemList`` entry so written
    is ``/novini/...``. Read as written both named ``/novini/novini/...``, where the
    site serves nothing (the slugs' place) or the same list again (an entry)."""
    items = [
        {"title": t, "slug": slug, "publishedAt": f"2026-11-{20 - k}"}
        for k, (t, slug) in enumerate(
            zip(
                _TITLES[:3], ("remont-na-mosta", "nov-avtobus", "chitalishteto-na-sto"), strict=True
            )
        )
    ]
    data = json.dumps({"props": {"pageProps": {"articles": items}}}, ensure_ascii=False)
    html = (
        '<html><body><a href="novini/remont-na-mosta">Общината ремонтира моста</a>'
        f'<script id="__NEXT_DATA__" type="application/json">{data}</script></body></html>'
    )
    urls = [i.url for i in embedded_items(LexborHTMLParser(html), "https://x.bg/novini/")]
    assert urls == [
        "https://x.bg/novini/remont-na-mosta",
        "https://x.bg/novini/nov-avtobus",
        "https://x.bg/novini/chitalishteto-na-sto",
    ]
    listed = _stated(
        {"@type": "ItemList", "itemListElement": [
            {"@type": "ListItem", "position": 1, "url": "novini/remont-na-mosta-902"}]},
    )  # fmt: skip
    found = listed_items(LexborHTMLParser(listed), "https://x.bg/novini/")
    assert [i.url for i in found] == ["https://x.bg/novini/remont-na-mosta-902"]
