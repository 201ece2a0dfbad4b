"""Put the parts of a page React streamed after its end back where the page shows them.

React's streaming server rendering (Next.js's app router) sends a page whose slow parts
are left as placeholders (``<template id="B:0">`` with a "Loading..." fallback after it,
or ``<template id="P:9">``), then, after the footer, each part in ``<div hidden
id="S:0">`` with a one-line script moving it into place: ``$RC("B:0","S:0")`` replaces a
boundary's fallback, ``$RS("S:9","P:9")`` fills a placeholder. A reader sees the article
whole; the markup has its paragraphs in several hidden boxes after the footer, which no
container holds together with the headline and the rest of the article (a listicle's
sections, each streamed alone, were cut to the one the body finder took).

Only pages naming a streamed part are touched: the test is one search of the bytes.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

_MARK = b'id="S:'
_ID = rb"[0-9a-f]+"  # React writes the numbers in hex: S:9, S:a, S:b...
_MOVES = re.compile(
    rb'\$R[CR]\("(B:' + _ID + rb')","(S:' + _ID + rb')"'
    rb'|\$RS\("(S:' + _ID + rb')","(P:' + _ID + rb')"'
)
_PART = re.compile(rb'<div hidden(?:="")? id="(S:' + _ID + rb')"')
# The comments React brackets a boundary's content with: "$" (done), "$?" (pending), "$!"
# (failed) open one, "/$" closes it.
_OPENS = frozenset(("$", "$?", "$!"))


def place_streamed(tree: LexborHTMLParser, data: bytes) -> None:
    """Move each streamed part of ``tree`` (parsed from ``data``) to its placeholder.

    The page's own scripts say where each part goes; a page kept without them (a saved
    copy, a cleaned mirror) has each part go to the placeholder of its number, as React
    numbers them when each boundary holds one part.
    """
    if _MARK not in data:
        return
    moves: list[tuple[str, str]] = []
    for match in _MOVES.finditer(data):
        if match[1]:
            moves.append((match[2].decode(), match[1].decode()))
        else:
            moves.append((match[3].decode(), match[4].decode()))
    told = {part for part, _ in moves}
    for match in _PART.finditer(data):
        part = match[1].decode()
        if part not in told:
            number = part[2:]
            moves.append((part, f"P:{number}"))
            moves.append((part, f"B:{number}"))
    for part, place in moves:
        _move(tree, part, place)


def _move(tree: LexborHTMLParser, part: str, place: str) -> None:
    source = tree.css_first(f'div[id="{part}"]')
    target = tree.css_first(f'template[id="{place}"]')
    if source is None or target is None:
        return
    if place.startswith("B:"):
        _drop_fallback(target)
    for child in list(source.iter(include_text=True)):
        target.insert_before(child)  # (selectolax inserts a copy)
    source.decompose()
    target.decompose()


def _drop_fallback(template: LexborNode) -> None:
    """Remove what a boundary shows until its part arrives: what follows its template up to
    the comment closing the boundary, as React's script does."""
    fallback: list[LexborNode] = []
    node = template.next
    depth = 0
    while node is not None:
        if node.is_comment_node:
            mark = (node.comment_content or "").strip()
            if mark == "/$":
                if depth == 0:
                    break
                depth -= 1
            elif mark in _OPENS:
                depth += 1
        fallback.append(node)
        node = node.next
    if node is None:  # no end to the boundary: nothing is known to be its fallback
        return
    for node in fallback:
        node.decompose()
