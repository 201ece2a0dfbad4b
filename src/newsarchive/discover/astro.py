"""An Astro island's props, read back into plain values.

Astro renders a component the browser draws itself (``client:only``, or a list a script
filters) as ``<astro-island props="…">``, and writes the props the component is given in
a serialized form of its own: an object of the props, each value a pair of its type and
itself, members and elements pairs in turn: ``[0, "…"]`` a plain value (an object's
members then pairs too), ``[1, […]]`` an array, ``[3, "2026-11-28T00:00:00.000Z"]`` a
date, ``[7, "https://…"]`` a URL. A list handed to such a component (the whole news
archive, the page showing only the newest few as links) is only there, and reads as no
list of items until its pairs are undone.

Pure and bounded: at most ``MAX_TEXT`` characters, ``MAX_DEPTH`` deep, ``MAX_VALUES``
values; anything else (a type this reader does not keep: a map, a set, a regular
expression, a typed array) reads as None, never an exception.
"""

from __future__ import annotations

import json

# the bounds of ``jsvalue``'s reader, which reads the other scripts of the same page data
from newsarchive.jsvalue import MAX_DEPTH, MAX_TEXT, MAX_VALUES

_VALUE, _ARRAY, _DATE, _URL = 0, 1, 3, 7


def astro_props(text: str) -> dict[str, object] | None:
    """The props an island's ``props`` attribute holds, as plain values; None when the
    text is no object of Astro's serialized form."""
    if not text or len(text) > MAX_TEXT:
        return None
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if not isinstance(data, dict):
        return None
    budget = [MAX_VALUES]
    return {key: _plain(value, 0, budget) for key, value in data.items()}


def _plain(pair: object, depth: int, budget: list[int]) -> object:
    budget[0] -= 1
    if depth > MAX_DEPTH or budget[0] < 0:
        return None
    if not (isinstance(pair, list) and len(pair) == 2 and isinstance(pair[0], int)):
        return None
    kind, value = pair
    if kind == _ARRAY and isinstance(value, list):
        return [_plain(element, depth + 1, budget) for element in value]
    if kind == _VALUE and isinstance(value, dict):
        return {key: _plain(member, depth + 1, budget) for key, member in value.items()}
    if kind == _VALUE and not isinstance(value, list):
        return value
    if kind in (_DATE, _URL) and isinstance(value, str):
        return value
    return None
