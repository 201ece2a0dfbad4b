"""Extraction and listing parsing on pathological pages: each costs time linear in its size.

The pages are generated here; the bounds are generous (several times what the fixed code
takes on a loaded machine) and far below what the quadratic code took.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TypeVar

import pytest
from selectolax.lexbor import LexborNode

from newsarchive.discover import listings
from newsarchive.extraction import extract
from newsarchive.markup import MAX_DEPTH, cap_depth, parse_html
from newsarchive.models import Profile

T = TypeVar("T")
TODAY = dt.date(2025, 3, 14)
PROSE = "Общинският съвет прие бюджета за следващата година след дълго обсъждане. " * 4


def timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


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
}


@pytest.mark.parametrize("shape", NESTED)
def test_a_page_nested_60000_deep_is_parsed_in_linear_time(shape: str) -> None:
    """lexbor walks the stack of open elements for a block start tag or an unmatched end
    tag: 60,000 nested <div>s took 5 s, 100,000 took 13 s, a 10 MB page hours."""
    page = f"<html><body><h1>Бюджет</h1>{NESTED[shape](60_000)}</body></html>"
    tree, seconds = timed(lambda: parse_html(page))
    assert tree.body is not None and depth(tree.body) <= MAX_DEPTH + 8
    assert seconds < 2.0, seconds
    article, seconds = timed(lambda: extract(page, "https://x.bg/news/1", today=TODAY))
    assert "error" not in article.rules
    if shape != "links-in-blocks":  # (there the prose is link text: navigation)
        assert PROSE.split(".")[0] in article.text  # the text past the cap is kept
    assert seconds < 4.0, seconds


def test_a_deep_listing_is_parsed_in_linear_time() -> None:
    profile = Profile(id="x", name="X", origin="https://x.bg", article_pattern=r"^/news/\d+$")
    page = "<div>" * 60_000 + '<a href="/news/1">Статия</a>' + "</div>" * 60_000
    links, seconds = timed(lambda: listings.article_links(page, "https://x.bg/", profile))
    assert [link.url for link in links] == ["https://x.bg/news/1"]
    assert seconds < 2.0, seconds


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
