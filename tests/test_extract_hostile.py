"""Extraction and listing parsing on pathological pages: the mechanisms that keep each
linear in its size (the nesting cap, the body finder weighing the page a bounded number of
times), checked without a clock; ``bench/hostile_bench.py`` times them.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborNode

from newsarchive.discover import listings
from newsarchive.extraction import blocks, clean, content, extract, shell
from newsarchive.extraction.furniture import is_furniture
from newsarchive.extraction.metadata import MAX_TITLE_CHARS, as_title
from newsarchive.markup import (
    MAX_DEPTH,
    UTF8_SLICE,
    cap_depth,
    more_than,
    open_word_islands,
    parse_html,
    utf8,
)
from newsarchive.models import Profile

TODAY = dt.date(2025, 3, 14)
PROSE = "Общинският съвет прие бюджета за следващата година след дълго обсъждане. " * 4


def depth(node: LexborNode) -> int:
    deepest, todo = 0, [(node, 1)]
    while todo:
        here, level = todo.pop()
        deepest = max(deepest, level)
        child = here.child
        while child is not None:
            if child.tag and child.tag[0] not in "-_":
                todo.append((child, level + 1))
            child = child.next
    return deepest


NESTED = {
    "div": lambda n: "<div>" * n + f"<p>{PROSE}</p>" + "</div>" * n,
    "section-p": lambda n: "<section><p>x" * n + f"<p>{PROSE}</p>",
    "list": lambda n: "<ul><li>" * n + f"<p>{PROSE}</p>",
    "span-stray-end-tags": lambda n: "<span>" * n + "</zzz>" * n + f"<p>{PROSE}</p>",
    "span-then-p-ends": lambda n: "<span>" * n + "</p>" * n + f"<p>{PROSE}</p>",
    "interleaved-stray": lambda n: "<span></zzz>" * n + f"<p>{PROSE}</p>",
    "links-in-blocks": lambda n: "<div><a href=/x>" * n + f"<p>{PROSE}</p>",
    "options-in-select": lambda n: "<div><select><option>" * n + f"<p>{PROSE}</p>",
    "cells": lambda n: "<table><tr><td><div>" * (n // 4) + f"<p>{PROSE}</p>",
    # "<!-->" is a whole comment: what follows is markup, not more comment
    "after-empty-comments": lambda n: "<!--><!--->" + "<div>" * n + f"<p>{PROSE}</p>",
}


@pytest.mark.parametrize("shape", NESTED)
def test_a_page_nested_40000_deep_is_parsed_to_a_capped_depth(shape: str) -> None:
    """lexbor walks the stack of open elements for a block start tag or an unmatched end
    tag: 40,000 nested <div>s took 2 s to parse, 100,000 took 13 s, a 10 MB page hours.
    With the tree's depth capped, each tag's walk is bounded."""
    page = f"<html><body><h1>Бюджет</h1>{NESTED[shape](40_000)}</body></html>"
    tree = parse_html(page)
    assert tree.body is not None and depth(tree.body) <= MAX_DEPTH + 8
    assert PROSE.split(".")[0] in (tree.body.text() or "")


@pytest.mark.parametrize("shape", ["div", "span-stray-end-tags", "cells"])
def test_the_text_of_a_page_nested_past_the_cap_is_extracted(shape: str) -> None:
    page = f"<html><body><h1>Бюджет</h1>{NESTED[shape](12_000)}</body></html>"
    article = extract(page, "https://x.bg/news/1", today=TODAY)
    assert "error" not in article.rules
    assert PROSE.split(".")[0] in article.text


def test_a_deep_listing_is_read() -> None:
    profile = Profile(id="x", name="X", origin="https://x.bg", article_pattern=r"^/news/\d+$")
    page = "<div>" * 60_000 + '<a href="/news/1">Статия</a>' + "</div>" * 60_000
    links = listings.article_links(page, "https://x.bg/", profile)
    assert [link.url for link in links] == ["https://x.bg/news/1"]


@pytest.mark.parametrize("clickable", ["", '<div data-href="/news/0">Новина 0</div>'])
def test_a_page_of_more_links_than_any_listing_is_read_for_its_first(clickable: str) -> None:
    """Each link costs a listing's reading 70-90 us: 100,000 of them took 7-9 s. The
    most on a real page (4,050 of them) is 1,208; past ``MAX_LINKS`` none is read."""
    from newsarchive.discover.anchors import MAX_LINKS

    profile = Profile(id="x", name="X", origin="https://x.bg", article_pattern=r"^/news/\d+$")
    start = 1 if clickable else 0
    links = "".join(f'<p><a href="/news/{i}">Новина {i}</a></p>' for i in range(start, 11_000))
    page = f"<html><body>{clickable}{links}</body></html>"
    found = listings.article_links(page, "https://x.bg/", profile)
    assert MAX_LINKS < 11_000
    assert [c.url for c in found] == [f"https://x.bg/news/{i}" for i in range(MAX_LINKS)]


def test_ordinary_nesting_is_left_alone() -> None:
    """Only what nests past the cap changes: a big page of ordinary depth keeps every byte,
    unclosed <p>s and <li>s, tables, comments and scripts holding tags included."""
    card = (
        '<div class="card"><p>Текст<li>едно<li>две<table><tr><td><div>клетка</div></table>'
        "<!-- <div><div> --><script>var s = '<div><div><div>';</script><a href=/a>връзка</a>"
        "<select><option>а<option>б</select></div>"
    )
    page = ("<html><body>" + "<div>" * 40 + card * 2000 + "</div>" * 40).encode()
    assert page.count(b"<") > 20_000  # past the size below which nothing is scanned
    assert cap_depth(page) == page
    deep = ("<div>" * (MAX_DEPTH + 10)).encode() + page
    assert cap_depth(deep) != deep


LABELS = "".join(f"<li>етикет {j}</li>" for j in range(30))
ARTICLE = "<article><h1>Бюджет</h1>" + f"<p>{PROSE}</p>" * 3 + "</article>"
FURNITURE = {
    # one kind: boxes the generic rules first skip as furniture, then walk together
    "author-boxes": (lambda i: f'<span class="author">Автор: Иван Петров {i}</span>', ARTICLE),
    # boxes of as many kinds, each walked and found to hold only labels: on a page with no
    # prose, each could have been the article
    "sidebars-of-labels": (
        lambda i: f'<div><div class="sidebar"><ul>{LABELS}</ul></div></div>',
        "<h1>Бюджет</h1>",
    ),
}


@pytest.mark.parametrize("shape", FURNITURE)
def test_a_thousand_furniture_boxes_cost_linear_time(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The body finder walked skipped furniture one subtree at a time, weighing the whole
    page again after each: 2,000 author boxes took 10 s, 1,000 sidebars 19 s."""
    box, article = FURNITURE[shape]
    page = f"<html><body>{''.join(box(i) for i in range(1500))}{article}</body></html>"
    weighed = [0]
    real = content.weighed

    def counting(*args: Any, **kwargs: Any) -> tuple[list[float], int]:
        weighed[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(content, "weighed", counting)
    result = extract(page, "https://x.bg/news/1", today=TODAY)
    assert "error" not in result.rules
    if article == ARTICLE:
        assert result.text.startswith(PROSE.strip()[:50])
    assert weighed[0] <= 100, weighed  # once per box (1,500) before the batched splicing
    assert weighed[0] >= 1  # (the weighing counted is the one the body finder calls)


def test_splicing_boxes_together_is_splicing_them_one_after_another() -> None:
    from newsarchive.extraction.blocks import splice, walk_blocks

    page = (
        "<div><p>Начало на статията, дълго изречение за проза.</p>"
        + "".join(
            f'<div class="share s{i}"><p>Кутия {i}.</p><div class="ad"><p>реклама</p></div>'
            f"<ul><li>а</li><li>б {i}</li></ul></div><p>Абзац {i}, между кутиите.</p>"
            for i in range(6)
        )
        + '<div class="share"><script>var shown = false;</script></div></div>'
    )

    def walked() -> object:
        body = parse_html(page).body
        assert body is not None
        return walk_blocks(body, mark=True, skip_below=1e9)

    together, apart = walked(), walked()
    order = [3, 0, 6, 5, 1]  # not in page order; the last box walks to no blocks at all
    bounds = [0.0, 5.0, 0.0, 5.0, 0.0]
    splice(together, [(together.skipped[i], b) for i, b in zip(order, bounds, strict=True)])
    for i, b in zip(order, bounds, strict=True):
        splice(apart, [(apart.skipped[i], b)])
    assert together.blocks == apart.blocks
    assert together.ranges == apart.ranges
    assert together.marked_ranges == apart.marked_ranges


def test_json_ld_lone_surrogates_never_reach_an_article_field() -> None:
    ld = (
        '{"@type": "NewsArticle", "headline": "Бюджет \\ud800", "datePublished": "2025-03-01",'
        ' "author": [{"@type": "Person", "name": "Иван \\udc80 Петров"}],'
        ' "keywords": ["таг\\ud83d", "емоджи \\ud83d\\ude00"], "url": "https://x.bg/\\udfff"}'
    )
    page = (
        f'<html><head><script type="application/ld+json">{ld}</script></head><body>'
        f"<article><h1>Бюджет</h1><p>{PROSE}</p></article></body></html>"
    )
    article = extract(page, "https://x.bg/news/1", today=TODAY)
    assert article.author == "Иван Петров"
    assert article.tags == ("таг", "емоджи 😀")  # a proper pair is one character, kept
    for value in (article.title, article.text, article.author, *article.tags):
        value.encode("utf-8")  # raises on a lone surrogate


@settings(max_examples=300, deadline=None)
@given(
    data=st.lists(st.sampled_from([b"<", b"a", b"\x00", b"<<", b"\xd0\xb1"]), max_size=60).map(
        b"".join
    ),
    limit=st.integers(min_value=0, max_value=40),
)
def test_more_than_counts_as_count_does(data: bytes, limit: int) -> None:
    """The depth scan's gate counts tags with ``replace``, not ``count`` (cheaper): it
    must decide as the count does, at the limit above all."""
    assert more_than(data, b"<", limit) == (data.count(b"<") > limit)


# Runs of ASCII, Cyrillic, a character past U+FFFF (a pair in UTF-16, one code point
# here), a lone surrogate (dropped), Latin-1: every width CPython stores a str in.
_PIECES = ["<p>", "a", " ", "б", "Общината", "😀", "\ud800", "\udfff", "é", "’", "\x00"]


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    size=st.integers(min_value=1, max_value=9),
)
def test_utf8_in_slices_is_the_whole_encoding(text: str, size: int) -> None:
    """A page is encoded a slice at a time (cheaper on a mostly-ASCII page): the slices'
    bytes joined must be what encoding it whole gives, wherever the cuts fall."""
    assert utf8(text, size) == text.encode("utf-8", errors="ignore")


def test_utf8_of_a_page_longer_than_a_slice() -> None:
    """The slice size itself, with cuts falling inside runs of every width."""
    page = ("<div class='x'>" + "a" * (UTF8_SLICE - 3) + "Общината’😀\ud800 é ") * 3
    assert utf8(page) == page.encode("utf-8", errors="ignore")
    assert utf8("<p>plain</p>") == b"<p>plain</p>"


def test_the_scan_starts_one_tag_past_its_threshold() -> None:
    """A page of ``_SCAN_ABOVE`` tags is left as it is, nested however deep; one tag more
    and it is capped."""
    from newsarchive.markup import _SCAN_ABOVE

    deep = b"<div>" * _SCAN_ABOVE
    assert cap_depth(deep) == deep
    assert cap_depth(deep + b"<p>") != deep + b"<p>"


# A title a megabyte long, stated by each of the page's sources of one (``<title>`` on
# a page with none other): no title, the page's others stand, the article is archived.
LONG_TITLE = "Бюджет " * 150_000
HEADLINE = "Бюджетът за 2025 г. е приет"
LONG_TITLES = {
    "og:title": (f'<meta property="og:title" content="{LONG_TITLE}">', ""),
    "json-ld": (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "'
        + LONG_TITLE
        + '"}</script>',
        "",
    ),
    "microdata": ("", f'<h2 itemprop="headline">{LONG_TITLE}</h2>'),
    "h1": ("", f"<h1>{LONG_TITLE}</h1>"),
    "title": (f"<title>{LONG_TITLE}</title>", ""),
}


@pytest.mark.parametrize("source", LONG_TITLES)
def test_a_title_a_megabyte_long_is_no_title(source: str) -> None:
    """Each was the article's title (1 MB of it), and its checks took 1-2.7 s."""
    head, body = LONG_TITLES[source]
    own = "" if source == "title" else f"<title>{HEADLINE}</title>"
    page = (
        f"<html><head>{own}{head}</head><body><article>{body}<p>{PROSE}</p><p>{PROSE}</p>"
        "</article></body></html>"
    )
    article = extract(page, "https://x.bg/news/1", today=TODAY)
    assert "error" not in article.rules
    assert article.title == ("" if source == "title" else HEADLINE)
    assert PROSE.split(".")[0] in article.text
    assert len(LONG_TITLE) > MAX_TITLE_CHARS >= 300  # (the longest of the dev pages: 300)


def test_a_title_of_the_longest_length_is_still_read() -> None:
    longest = "б" * MAX_TITLE_CHARS
    assert as_title(longest) == longest and as_title(longest + "б") == ""


def test_a_heading_of_thousands_of_nodes_is_not_read() -> None:
    """A box opening with a short heading of a related list ("Още новини") is furniture;
    one whose first child holds more nodes than any heading is not read for one: on a
    page nested past the depth cap, each of 256 levels read the whole bottom level's
    text (2 MB of nested ``<b>``s: 8 s)."""
    from newsarchive.extraction.furniture import _HEADING_NODES

    def box(icons: int) -> bool:
        page = (
            "<html><body><div id=box><span>Още новини" + "<i></i>" * icons + "</span>"
            "<a href=/news/2>Друга новина</a></div></body></html>"
        )
        node = parse_html(page).css_first("#box")
        assert node is not None
        return is_furniture(node)

    assert box(150)  # (the most a short heading holds on the dev pages: 151 nodes)
    assert not box(_HEADING_NODES)


def test_a_page_nested_past_the_cap_in_formatting_tags_is_archived() -> None:
    page = f"<html><body><article><h1>Бюджет</h1><p>{PROSE}</p>{'<b>' * 30_000}</article>"
    article = extract(page, "https://x.bg/news/1", today=TODAY)
    assert article.title == "Бюджет" and article.text.startswith(PROSE.strip()[:50])


def _old_open_word_islands(tree: Any) -> None:
    """``markup.open_word_islands`` as it was: each of Word's elements asked for its
    descendants when its turn came (the depth times the island's size)."""
    for island in tree.tags("xml"):
        inside = island.css("*")
        if all(":" in (node.tag or "") for node in inside):
            continue
        for node in reversed(inside):
            if ":" not in (node.tag or ""):
                continue
            if all(":" in (below.tag or "") for below in node.css("*")):
                node.decompose()
            else:
                node.unwrap()
        island.unwrap()


_WORD_PIECES = [
    "<xml>", "</xml>", "<w:a>", "</w:a>", "<o:p>", "</o:p>", "<w:view>", "<p>", "</p>",
    "<span>", "</span>", "<div>", "</div>", "текст", "<!--c-->", "<br>",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORD_PIECES), max_size=30).map("".join))
def test_word_islands_open_as_they_did(markup: str) -> None:
    """Whether each of Word's elements holds only Word's is now told once, before any is
    moved: the tree after is the one asking each in turn gave."""
    page = f"<html><body><p>Начало</p><xml>{markup}</body></html>"
    new, old = parse_html(page), parse_html(page)
    open_word_islands(new)
    _old_open_word_islands(old)
    assert new.html == old.html


def test_a_word_island_nested_past_the_cap_is_opened() -> None:
    page = (
        "<html><body><h1>Бюджет</h1><xml><w:WordDocument><w:View>Normal</w:View>"
        + "<w:a><span>" * 6_000
        + f"<p>{PROSE}</p></body></html>"
    )
    tree = parse_html(page)
    open_word_islands(tree)
    assert tree.body is not None and tree.css_first("xml") is None
    assert all(":" not in (node.tag or "") for node in tree.body.traverse())
    assert len(tree.css("span")) == 6_000
    assert PROSE.split(".")[0] in tree.body.text()


class _Touched(list[float]):
    """Weights that count how many of them a reader touches, sliced or iterated."""

    touched = 0

    def __getitem__(self, index: Any) -> Any:
        got = super().__getitem__(index)
        _Touched.touched += len(got) if isinstance(index, slice) else 1
        return got

    def __iter__(self) -> Any:
        _Touched.touched += len(self)
        return super().__iter__()


def test_widening_the_core_over_thousands_of_ancestors_reads_each_weight_a_few_times() -> None:
    """3,000 nested <div>s (fewer tags than the nesting cap's scan) each opening with a
    short label, the prose innermost: no ancestor is taken, and each one's added blocks
    were summed anew, all those between it and the prose (5,000: 12.5M weights, 4 s)."""
    from newsarchive.extraction.blocks import walk_blocks

    page = "<html><body>" + "<div>Споделете" * 3_000 + f"<p>{PROSE}</p></body></html>"
    walker = walk_blocks(parse_html(page).body)
    weights = _Touched(content.block_weight(block) for block in walker.blocks)
    _Touched.touched = 0
    core = (len(weights) - 1, len(weights))
    assert content.best_range(walker, weights, core) == core
    assert _Touched.touched <= 4 * len(weights)


def test_a_posted_on_by_line_in_5000_nested_elements_is_read_in_the_pages_size(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each nested <div> opens with the line and holds the rest: the text of every one was
    read whole (the page's size times its depth); an element holding one longer than a
    line is not read now. Counted: the characters the line's opening test is asked of."""
    from newsarchive import date_words

    asked = [0]
    opens = date_words.OPENS_AS_POSTED_ON

    class Counting:
        def match(self, text: str) -> Any:
            asked[0] += len(text)
            return opens.match(text)

    monkeypatch.setattr(date_words, "OPENS_AS_POSTED_ON", Counting())
    line = "Публикувано на 27.11.2026 от Мария Петрова"
    page = f"<html><body><h1>Бюджет</h1><p>{PROSE}</p>" + f"<div>{line}" * 5_000
    article = extract(page, "https://x.bg/news/1", today=TODAY)
    assert article.title == "Бюджет"
    assert 0 < asked[0] <= 4 * len(page)


def test_a_page_of_25000_relative_dates_with_tooltips_reads_a_few_hundred(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each span's tooltip states a later moment, so none is the byline's: every one was
    read for a date (2 s); now the first ``_TOOLTIPS_READ`` of each rule."""
    from newsarchive import dates
    from newsarchive.extraction import published

    calls = [0]
    find = dates.find_text_dates

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return find(*args, **kwargs)

    monkeypatch.setattr(dates, "find_text_dates", counting)
    span = '<span title="27.11.2030 08:17">преди 3 часа</span>'
    page = (
        "<html><body><article><h1>Бюджет</h1><div>преди 3 часа</div>"
        f"<p>{PROSE}</p>{span * 25_000}</article></body></html>"
    )
    extract(page, "https://x.bg/news/1", today=TODAY)
    assert 0 < calls[0] <= 6 * published._TOOLTIPS_READ + 1_000


_SHELL_PIECES = [
    "<div>", "</div>", "<span>", "</span>", "<p>", "<noscript>", "</noscript>", "<!--c-->",
    "<script>var a;</script>", "<template>t</template>", "Зареждане", "Loading…", " ",
    "\n", "дума ", "<br>", "а" * 60,
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_SHELL_PIECES), max_size=40).map("".join))
def test_each_elements_short_text_is_its_whole_text_single_spaced(markup: str) -> None:
    """The script's shell check gathers each element's words from its children's, once
    (``shell._short_texts``), where it read every element's text whole: the words it has
    for each element are the ones reading it whole gives, and it has none for an element
    longer than a line."""
    body = parse_html(f"<html><body>{markup}</body></html>").body
    assert body is not None
    gathered = {node.mem_id: said for node, _, said in shell._short_texts(body)}
    for node in body.traverse():
        if node.mem_id == body.mem_id or (node.tag or "-").startswith("-"):
            continue
        said = " ".join(node.text(deep=True, separator=" ").split())
        assert gathered.get(node.mem_id) == (said if len(said) <= 200 else None)


def _short_page(middle: str) -> str:
    return (
        '<html><head><title>Ремонт</title></head><body><header class="site-header">'
        "<a href=/>Община</a></header><main><h1>Ремонт на улица</h1>"
        f'{middle}</main><footer class="site-footer"><p>Работно време: 8:00 – 17:00 ч.</p>'
        "</footer></body></html>"
    )


@pytest.mark.parametrize("depth", [1, 5_000])
def test_a_placeholder_nested_5000_deep_is_a_script_shell_and_a_line_there_an_article(
    depth: int,
) -> None:
    """Nesting does not change the verdict that reading each element's text whole gave
    (and cost 8 s at 5,000 deep: ``bench/hostile_bench.py``'s short pages)."""
    shell_page = _short_page("<div>" * depth + "<div>Зареждане на новината…</div>")
    article = extract(shell_page, "https://x.bg/news/1", today=TODAY)
    assert article.rules.get("kind") == shell.SCRIPT_SHELL
    assert article.text == "Работно време: 8:00 – 17:00 ч."
    line = "Улица Борисова е затворена до петък."
    news = extract(_short_page("<div>" * depth + f"<div>{line}</div>"), "https://x.bg/n/1")
    assert "kind" not in news.rules
    assert news.text == line


@pytest.mark.parametrize(
    "box", ['<div class="comments">Коментари (3)', '<div class="post-meta">Публикувано: 12.03.2025']
)
def test_thousands_of_nested_marked_boxes_are_searched_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch, box: str
) -> None:
    """Each furniture box met is searched for an article's body inside it (``clean``):
    4,000 nested boxes, each holding the rest, searched the page's text thousands of
    times over (16 s at 9,000 in ``bench/hostile_bench.py``, under the depth cap's scan). Past
    ``blocks._MARKS_NESTED_MAX`` marks open, a box is in furniture already and no more
    is asked. Counted: the text the search was asked of, against the page's."""
    read = [0]
    holds = clean._holds_the_article_body

    def counting(node: LexborNode) -> bool:
        read[0] += len(node.text_lexbor())
        return holds(node)

    monkeypatch.setattr(clean, "_holds_the_article_body", counting)
    page = f"<html><body><h1>Бюджет</h1><p>{PROSE}</p>{box * 4_000}</body></html>"
    article = extract(page, "https://x.bg/news/1", today=TODAY)
    assert article.title == "Бюджет"
    assert PROSE.strip() in article.text
    assert 0 < read[0] <= 2 * blocks._MARKS_NESTED_MAX * len(page)
