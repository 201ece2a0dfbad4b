"""Property tests: the extractor is an isolation point and must never raise."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from newsarchive.extraction import extract
from newsarchive.extraction.content import find_main_paragraphs

_TAGS = ["p", "div", "br", "a", "li", "ul", "table", "td", "h2", "script", "nav", "span"]
_html_soup = st.lists(
    st.one_of(
        st.text(max_size=40),
        st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
        st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
        st.sampled_from(
            [
                '<div class="share">',
                '<div class="sidebar">',
                '<section id="comments">',
                "<header>",
                "<h1>",
                '<p style="display:none">',
                "<!-- c -->",
                "A sentence long enough to count as prose, with commas and a full stop.",
            ]
        ),
    ),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_extract_never_raises_on_bytes(data: bytes) -> None:
    assert isinstance(extract(data).text, str)


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=2000), _html_soup))
def test_extract_never_raises_on_strings(html: str) -> None:
    result = extract(html)
    assert isinstance(result.text, str)
    assert "error" not in result.rules


@settings(max_examples=200, deadline=None)
@given(_html_soup)
def test_finder_itself_never_raises_and_returns_clean_paragraphs(html: str) -> None:
    paragraphs = find_main_paragraphs(LexborHTMLParser(html))
    assert all(isinstance(p, str) and p and "\n" not in p for p in paragraphs)
    assert all(p == " ".join(p.split()) for p in paragraphs)


# Values a CMS puts where a date, a name or a title belongs: ISO stamps at the edges of
# the calendar, null dates, offsets out of range, numbers, words, markup.
_stamp = st.one_of(
    st.datetimes().map(lambda d: d.isoformat()),
    st.sampled_from(
        [
            "0001-01-01T00:00:00Z",
            "9999-12-31T23:59:59+14:00",
            "0001-01-01T00:00:00-12:00",
            "2025-02-30",
            "2025-13-01T10:00:00+99:99",
            "1970-01-01T00:00:00Z",
            "Mon, 01 Jan 0001 00:00:00 GMT",
            "12/31/9999",
            "31.12.9999 23:59",
            "",
            "null",
        ]
    ),
    st.text(max_size=30),
)
_value = st.one_of(_stamp, st.text(max_size=30)).map(lambda v: v.replace('"', "").replace("\\", ""))


@settings(max_examples=300, deadline=None)
@given(published=_stamp, modified=_stamp, meta=_stamp, shown=_stamp, author=_value)
def test_no_field_rule_raises_on_any_stated_value(
    published: str, modified: str, meta: str, shown: str, author: str
) -> None:
    published, modified, meta = (
        v.replace('"', "").replace("\\", "") for v in (published, modified, meta)
    )
    html = (
        '<html lang="bg"><head><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "datePublished": "{published}", '
        f'"dateModified": "{modified}", "author": {{"@type": "Person", "name": "{author}"}}}}'
        f'</script><meta property="article:published_time" content="{meta}"></head><body>'
        f'<article><h1>Заглавие на статията</h1><p>{shown} · <time datetime="{meta}">{shown}'
        "</time></p><p>"
        + "Текст на статията, достатъчно дълъг, за да е статия. " * 6
        + "</p></article></body></html>"
    )
    article = extract(html, "https://example.bg/2025/03/14/a")
    assert "error" not in article.rules, article.rules
