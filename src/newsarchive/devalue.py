"""A page's data in devalue's flat form, read back as the values it stands for.

Nuxt 3 ships a page's data (``<script type="application/json" id="__NUXT_DATA__">``) as
devalue writes it: one JSON array holding every value once, where an object's members and
an array's elements are *indexes* into that array, and index 0 is the root. A listing's
items are in it as objects whose ``title`` is ``7`` and whose path is ``5``: read as plain
JSON, no object has a title, and the cards the page's script draws from it are never seen.

devalue also writes typed values as an array led by a type's name: ``["Date", "…"]``,
``["Set", 3, 4]``, ``["Map", k, v, …]``, ``["null", k, v, …]`` (an object without a
prototype), ``["Object", …]``, and an app's own reducers (Nuxt's ``["ShallowReactive", 1]``,
``["Reactive", 1]``, ``["Ref", 1]``) wrapping one value. Negative indexes stand for
``undefined``, holes, NaN and the infinities: read as None here.

Pure and bounded: at most ``MAX_VALUES`` values are built, shared values once each.

Below every stage: discovery reads a listing's items with it (``discover.embedded``),
extraction an article's text a Nuxt page ships only in its payload (``extraction.page_data``).
"""

from __future__ import annotations

from collections.abc import Callable

MAX_VALUES = 50_000
_PLAIN_TYPES = frozenset({"Date", "BigInt", "Object", "RegExp", "URL", "URLSearchParams"})


def is_flat(data: object) -> bool:
    """``data`` reads as devalue's flat form: an array whose root (index 0) is an object
    every member of which is an index into it, or a reducer wrapping an index (a plain
    JSON list of records has strings and numbers as its first object's values)."""
    if not isinstance(data, list) or len(data) < 2:
        return False
    root = data[0]
    if isinstance(root, list):
        return len(root) == 2 and isinstance(root[0], str) and _index(root[1], data)
    if isinstance(root, dict) and root:
        return all(_index(value, data) for value in root.values())
    return False


def _index(value: object, data: list[object]) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < len(data)


def unflatten(data: list[object]) -> object:
    """The root value ``data`` (``is_flat``) stands for, as a tree: a value two others
    share is in both, and an index out of range, a reference back to a value being built
    (a loop) or one past the budget reads as None where it stands."""
    built: dict[int, object] = {}
    building: set[int] = set()  # the values being built: a reference to one is a loop
    budget = [MAX_VALUES]

    def value(index: object) -> object:
        if not (_index(index, data) or (index == 0 and type(index) is int)):
            # (devalue's negative indexes: undefined, a hole, NaN, infinities; and what is
            # no index at all: a float, a bool, null where an index belongs)
            return None
        assert isinstance(index, int)
        if index in built:
            return built[index]
        if index in building or budget[0] <= 0:
            return None
        budget[0] -= 1
        building.add(index)
        raw = data[index]
        if isinstance(raw, dict):
            result: object = {key: value(member) for key, member in raw.items()}
        elif isinstance(raw, list) and raw and isinstance(raw[0], str):
            result = _typed(raw, value)
        elif isinstance(raw, list):
            result = [value(member) for member in raw]
        else:
            result = raw
        building.discard(index)
        built[index] = result
        return result

    try:
        return value(0)
    except RecursionError:  # nested past the interpreter's stack: nothing to read
        return None


def _typed(raw: list[object], value: Callable[[object], object]) -> object:
    """A value devalue wrote with its type's name first."""
    kind, rest = raw[0], raw[1:]
    if kind in _PLAIN_TYPES:
        return rest[0] if rest else None
    if kind == "Set":
        return [value(member) for member in rest]
    if kind == "null":  # an object without a prototype: its keys as they are
        return {
            str(key): value(member) for key, member in zip(rest[0::2], rest[1::2], strict=False)
        }
    if kind == "Map":
        return [
            [value(key), value(member)] for key, member in zip(rest[0::2], rest[1::2], strict=False)
        ]
    # an app's reducer (Nuxt's ShallowReactive, Reactive, Ref, …): the value it wraps
    return value(rest[0]) if len(rest) == 1 else None
