"""An article whose text past the lead a Next.js page ships only in ``__NEXT_DATA__``
(``extraction.page_data``): read after the lead, found by the headline the page shows,
never another item's text and never in place of the markup's."""

from __future__ import annotations

import datetime as dt
import json

from newsarchive.extraction import extract

_FETCHED = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)
TITLE = "Безплатни прегледи за диабет"
LEAD = "Лекари ще мерят кръвната захар на всички желаещи в събота сутрин."
REST = "Прегледите ще бъдат в залата на пенсионерския клуб."
OTHER = "Залата има нов под, осветление и съблекални за двата отбора."


def _page(post: dict[str, object], related: list[dict[str, object]] | None = None) -> str:
    data = {
        "props": {"pageProps": {"post": post, "related": related or []}},
        "page": "/novini/[slug]",
        "nextExport": True,
    }
    blob = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<html><head><title>{TITLE} | Община Орехово</title></head><body><div id="__next">'
        '<header><a href="/">Община Орехово</a><nav><a href="/novini/">Новини</a></nav></header>'
        f'<main><article><h1>{TITLE}</h1><time dateTime="2026-11-26T08:17:00+02:00">'
        f'26.11.2026, 08:17</time><p class="lead">{LEAD}</p><div class="body"></div>'
        '<a href="/novini/">← Всички новини</a></article></main>'
        "<footer><p>© 2026 Община Орехово. Всички права запазени.</p></footer></div>"
        f'<script id="__NEXT_DATA__" type="application/json">{blob}</script></body></html>'
    )


def test_a_text_only_in_next_data_follows_the_lead_the_server_rendered() -> None:
    """Round 55's orehovo: 8 of 8 articles archived as their lead alone."""
    post = {"title": TITLE, "lead": LEAD, "content": f"<p>{REST}</p>"}
    article = extract(_page(post), "https://orehovo.bg/novini/bezplaten-preglet/", today=_FETCHED)
    assert article.text.split("\n") == [LEAD, REST]


def test_another_items_text_in_the_data_is_never_read() -> None:
    """A related post's text is another's: only the post titled as the page is read, and
    a post whose data does not hold the markup's lead adds nothing."""
    related = [{"title": "Откриха обновената спортна зала", "content": f"<p>{OTHER}</p>"}]
    post = {"title": TITLE, "lead": LEAD}
    url = "https://orehovo.bg/novini/bezplaten-preglet/"
    assert extract(_page(post, related), url, today=_FETCHED).text == LEAD
    stranger = {"title": TITLE, "content": f"<p>{REST}</p>"}  # no line of the markup's
    assert extract(_page(stranger), url, today=_FETCHED).text == LEAD


def test_a_text_the_markup_shows_takes_nothing_more_from_the_data() -> None:
    """Where the markup shows the post's text, what the extractor left out of it (a call
    to action in a company blog's ``content``) stays out: one of the 892 dev pages took
    its portfolio box so before this was required."""
    html = _page(
        {"title": TITLE, "lead": LEAD, "content": f"<p>{REST}</p><p>Свържете се с нас</p>"}
    )
    html = html.replace('<div class="body"></div>', f'<div class="body"><p>{REST}</p></div>')
    article = extract(html, "https://orehovo.bg/novini/bezplaten-preglet/", today=_FETCHED)
    assert article.text.split("\n") == [LEAD, REST]


def test_page_data_nested_past_the_parser_s_depth_leaves_the_markup_s_text() -> None:
    """Hostile page data, arrays nested 200,000 deep, is read as no data (the JSON
    parser's RecursionError), not as an extraction rule failing."""
    from selectolax.lexbor import LexborHTMLParser

    from newsarchive.extraction.page_data import text_in_page_data

    deep = "[" * 200_000 + "]" * 200_000
    html = f'<html><body><script id="__NEXT_DATA__" type="application/json">{deep}</script>'
    assert text_in_page_data(LexborHTMLParser(html), "Заглавие", ["Абзац."]) == ["Абзац."]


def _nuxt_page(data_script: str) -> str:
    """A Nuxt site's article: its headline, date and lead rendered, the rest of the text
    in the page's payload alone (``data_script``)."""
    return (
        f'<html><head><title>{TITLE} | Община Орехово</title></head><body><div id="__nuxt">'
        '<header><a href="/">Община Орехово</a><nav><a href="/novini/">Новини</a></nav></header>'
        f'<main><article><h1>{TITLE}</h1><time datetime="2026-11-26T08:17:00+02:00">'
        f'26.11.2026, 08:17</time><p class="lead">{LEAD}</p><div class="body"></div>'
        '<a href="/novini/">← Всички новини</a></article></main>'
        f"<footer><p>© 2026 Община Орехово. Всички права запазени.</p></footer></div>{data_script}"
        "</body></html>"
    )


def _flat(root: object) -> str:
    """``root`` in devalue's flat form, as Nuxt 3 writes its payload: every value once in
    one array, an object's members and an array's items indexes into it."""
    values: list[object] = []

    def add(value: object) -> int:
        at = len(values)
        values.append(None)
        if isinstance(value, dict):
            values[at] = {key: add(item) for key, item in value.items()}
        elif isinstance(value, list):
            values[at] = [add(item) for item in value]
        else:
            values[at] = value
        return at

    add(root)
    return json.dumps(values, ensure_ascii=False).replace("</", "<\\/")


def test_a_text_only_in_a_nuxt_2_payload_follows_the_lead() -> None:
    """``window.__NUXT__=(function(a,b,…){return {…}}(…))``: the post's fields the
    function's arguments, as Nuxt 2 writes a value used twice."""
    script = (
        '<script>window.__NUXT__=(function(a,b,c){return {layout:"default",data:[{post:'
        f'{{title:a,lead:b,content:"<p>{REST}<\\/p>",slug:"bezplaten-pregled"}},'
        f'related:[{{title:"Откриха обновената спортна зала",content:c}}]}}],'
        "fetch:{},error:null,serverRendered:true}}"
        f'("{TITLE}","{LEAD}","<p>{OTHER}<\\/p>"));</script>'
    )
    url = "https://orehovo.bg/novini/bezplaten-pregled/"
    assert extract(_nuxt_page(script), url, today=_FETCHED).text.split("\n") == [LEAD, REST]


def test_a_text_only_in_a_nuxt_3_payload_follows_the_lead() -> None:
    """Nuxt 3's ``__NUXT_DATA__`` in devalue's flat form, read back as the values it
    stands for: the post titled as the page, not the related one."""
    payload = {
        "data": {
            "post-bezplaten-pregled": {"title": TITLE, "lead": LEAD, "body": f"<p>{REST}</p>"},
            "related": [{"title": "Откриха обновената спортна зала", "body": f"<p>{OTHER}</p>"}],
        },
        "state": {},
    }
    script = (
        '<script type="application/json" data-nuxt-data="nuxt-app" data-ssr="true" '
        f'id="__NUXT_DATA__">{_flat(payload)}</script>'
        '<script>window.__NUXT__={};window.__NUXT__.config={public:{},app:{baseURL:"/"}}</script>'
    )
    url = "https://orehovo.bg/novini/bezplaten-pregled/"
    assert extract(_nuxt_page(script), url, today=_FETCHED).text.split("\n") == [LEAD, REST]


def test_a_nuxt_payload_of_another_post_adds_nothing() -> None:
    """The guards of ``__NEXT_DATA__``'s reading hold for Nuxt's: a post not holding the
    markup's lead is not the page's."""
    script = (
        '<script>window.__NUXT__={data:[{post:{title:"'
        f'{TITLE}",content:"<p>{REST}<\\/p>"}}}}]}};</script>'
    )
    url = "https://orehovo.bg/novini/bezplaten-pregled/"
    assert extract(_nuxt_page(script), url, today=_FETCHED).text == LEAD


_SHELL_TITLE = "Library extends Sunday opening hours through winter"
_SHELL_TEXT = [
    "The county library will open from noon to five on Sundays until the end of March, "
    "the board decided on Tuesday.",
    "Longer hours were the most common request in last spring's survey of card holders.",
    "The extra shifts are paid from a state grant for rural libraries & reading rooms.",
]


def _shell(graph: list[dict[str, object]]) -> str:
    """A reader app's page: the markup an empty shell a script fills but for the
    headline, the text stated only in the JSON-LD."""
    blob = json.dumps({"@context": "https://schema.org", "@graph": graph}).replace("</", "<\\/")
    return (
        f"<html lang='en'><head><title>{_SHELL_TITLE} | Valley Courier</title>"
        f'<script type="application/ld+json">{blob}</script></head><body><div id="root">'
        '<header><a href="/">Valley Courier</a><nav><a href="/local">Local</a> '
        f'<a href="/sports">Sports</a></nav></header><main><h1>{_SHELL_TITLE}</h1>'
        '<div class="reader"><p class="spinner">Fetching article…</p></div></main>'
        '<footer>© Valley Courier · <a href="/terms">Terms</a></footer></div></body></html>'
    )


def test_a_text_only_in_the_jsonld_article_body_is_read_from_there() -> None:
    """probe39a: an empty shell's text was empty, the whole article in the JSON-LD's
    ``articleBody``: its paragraphs are the text, split at its line breaks (a blank line
    between them or one break), its character references decoded; a related story's node
    in the graph is never read as the text."""
    related = {
        "@type": "NewsArticle",
        "headline": "Bridge on Route 9 closes for repairs",
        "articleBody": "The Route 9 bridge will close for six weeks from Monday.",
    }
    body = "\n\n".join(_SHELL_TEXT[:2]) + "\n" + _SHELL_TEXT[2].replace("&", "&amp;")
    own = {"@type": "NewsArticle", "headline": _SHELL_TITLE, "articleBody": body}
    url = "https://valleycourier.example/local/library-sunday-hours"
    for graph in ([own, related], [related, own]):
        assert extract(_shell(graph), url, today=_FETCHED).text.splitlines() == _SHELL_TEXT
    assert "Route 9" not in extract(_shell([related]), url, today=_FETCHED).text
