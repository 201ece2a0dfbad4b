"""Put the parts of a page React streamed after its end back where the page shows them.

React's streaming server rendering (Next.js's app router) sends a page whose slow parts
are left as placeholders (``<template id="B:0">`` with a "Loading..." fallback after it,
or ``<template id="P:9">``), then, after the footer, each part in ``<div hidden
id="S:0">`` with a one-line script moving it into place: ``$RC("B:0","S:0")`` replaces a
boundary's fallback, ``$RS("S:9","P:9")`` fills a placeholder. A reader sees the article
whole; the markup has its paragraphs in several hidden boxes after the footer, which no
container holds together with the headline and the rest of the article (a listicle's
sections, each streamed alone, were cut to the one the body finder took).

Only pages naming a streamed part and holding a placeholder (a ``<template>``, without
which no part has a place to go) are touched. The bytes are searched for a part first:
listing a page's templates takes fewer instructions, but walks the whole tree, node by
node, and in time cost 3 times the search (AEB's 181 pages, on a loaded host: 55.6 →
19.3 ms, the least of 15 runs); 1 AEB page in 181 holds a template, none a part.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

# React writes each part's box so: the one search of the bytes, on every page (a longer
# needle is scanned faster: 0.07 ms for an average page of 170 kB).
_MARK = b'<div hidden id="S:'
# React writes the numbers in hex: S:9, S:a, S:b... (``clean.is_hidden_attrs`` knows a
# streamed part's box by it too)
PART_NUMBER = "[0-9a-f]+"
_ID = PART_NUMBER.encode()
_MOVES = re.compile(
    rb'\$R[CR]\("(B:' + _ID + rb')","(S:' + _ID + rb')"'
    rb'|\$RS\("(S:' + _ID + rb')","(P:' + _ID + rb')"'
)
_PART = re.compile(rb'<div hidden id="(S:' + _ID + rb')"')  # (``_MARK`` and the number)
# The comments React brackets a boundary's content with: "$" (done), "$?" (pending), "$!"
# (failed) open one, "/$" closes it.
_OPENS = frozenset(("$", "$?", "$!"))
# Parts moved at most: real pages stream a few dozen; the rest of a page streaming more is
# left where it is (still read: ``clean.is_hidden_attrs`` unhides a part).
MOST_MOVES = 200
# Parts placed in parts placed in parts... at most: each level copies what it holds again
# (real pages nest two or three).
_MOST_NESTED = 8
# Nodes a boundary's fallback spans at most ("Loading..." and a skeleton or two).
_FALLBACK_NODES = 50


def place_streamed(tree: LexborHTMLParser, data: bytes) -> None:
    """Move each streamed part of ``tree`` (parsed from ``data``) to its placeholder.

    The page's own scripts say where each part goes; a page kept without them (a saved
    copy, a cleaned mirror) has each part go to the placeholder of its number, as React
    numbers them when each boundary holds one part. selectolax inserts copies, so a part
    is moved only after the parts whose placeholders it holds have been moved into it:
    then every node looked up once, before any move, is still in the tree when used.
    """
    if _MARK not in data or tree.body is None or not tree.tags("template"):
        return
    parts: dict[str, LexborNode] = {}
    places: dict[str, LexborNode] = {}
    for node in tree.css("template[id], div[hidden][id]"):
        ident = node.attributes.get("id") or ""
        if node.tag == "template":
            places.setdefault(ident, node)
        elif ident.startswith("S:"):
            parts.setdefault(ident, node)
    plan: dict[str, LexborNode] = {}
    taken: set[int] = set()  # placeholders a part goes to: one part each, the first named
    for part, candidates in _moves(data):
        if part in parts and part not in plan and len(plan) < MOST_MOVES:
            place = next((places[c] for c in candidates if c in places), None)
            # (a second part moved to a placeholder the first replaced went nowhere, its
            # text lost, through a node already freed: left where it is, still read)
            if place is not None and place.mem_id not in taken:
                plan[part] = place
                taken.add(place.mem_id)
    owners = {parts[part].mem_id: part for part in plan}
    inside: dict[str | None, list[str]] = {}  # a part (None: the page) -> parts placed in it
    for part, place in plan.items():
        if _owner(parts[part], owners) is None:  # (a part nested in a part: left alone)
            inside.setdefault(_owner(place, owners), []).append(part)
    # Depth first from the parts placed in the page itself, each part after those placed
    # in it; parts placed only in each other (no page React wrote) are never reached.
    stack: list[tuple[str, int, bool]] = [(part, 1, False) for part in inside.get(None, [])]
    while stack:
        part, level, filled = stack.pop()
        if filled:
            _move(parts[part], plan[part])
            continue
        stack.append((part, level, True))
        if level < _MOST_NESTED:
            stack.extend((inner, level + 1, False) for inner in inside.get(part, []))


def _moves(data: bytes) -> list[tuple[str, tuple[str, ...]]]:
    """(part, the ids of its possible placeholders) in the order the page names them."""
    moves: list[tuple[str, tuple[str, ...]]] = []
    for match in _MOVES.finditer(data):
        if match[1]:
            moves.append((match[2].decode(), (match[1].decode(),)))
        else:
            moves.append((match[3].decode(), (match[4].decode(),)))
    told = {part for part, _ in moves}
    for match in _PART.finditer(data):
        part = match[1].decode()
        if part not in told:
            number = part[2:]
            moves.append((part, (f"P:{number}", f"B:{number}")))
    return moves


def _owner(node: LexborNode, owners: dict[int, str]) -> str | None:
    """The planned part holding ``node``, if any."""
    above = node.parent
    while above is not None:
        owner = owners.get(above.mem_id)
        if owner is not None:
            return owner
        above = above.parent
    return None


def _move(source: LexborNode, target: LexborNode) -> None:
    if (target.attributes.get("id") or "").startswith("B:"):
        _drop_fallback(target)
    for child in list(source.iter(include_text=True)):
        target.insert_before(child)  # (a copy: selectolax inserts copies)
    source.decompose()
    target.decompose()


def _drop_fallback(template: LexborNode) -> None:
    """Remove what a boundary shows until its part arrives: what follows its template up to
    the comment closing the boundary, as React's script does."""
    fallback: list[LexborNode] = []
    node = template.next
    depth = 0
    while node is not None and len(fallback) < _FALLBACK_NODES:
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
    if node is None or len(fallback) >= _FALLBACK_NODES:
        return  # no end to the boundary in reach: nothing is known to be its fallback
    for node in fallback:
        node.decompose()
