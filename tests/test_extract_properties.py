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
