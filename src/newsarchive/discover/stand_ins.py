"""Menu entries a page holds in no ``<a>``: a navigation drop-down that opens the chosen
option by script (``<select onchange="location=this.value">``, an old site's only menu
or its small screens'), and a menu a script writes from the page's own data
(``var menu=[{"t":"Новини","u":"/bg/novini"}]`` looped into an empty ``<ul>``).

A reader sees both as a menu, and a site whose only menu they are has its news nowhere
else a crawler can find them. They are given to the menu's reader as the links they stand
for (``stand_in_links``), so one rule decides which of them is a news section.
"""

from __future__ import annotations

import json
import re
from html import escape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.markup import parse_html

# A script that opens the chosen option: ``location.href = this.value``, with what it
# puts before the value (``location = 'novini.php?str=' + this.value``).
GOES_TO = re.compile(r"location|window\.open", re.IGNORECASE)
_PREFIXED = re.compile(r"""(['"])([^'"]+)\1\s*\+\s*this\.""")


def script_choice(select: LexborNode, value: str) -> str | None:
    """Where a ``<select>``'s ``onchange`` script goes when ``value`` is chosen (the raw,
    unresolved address); None when it has no such script or the value is empty."""
    script = select.attributes.get("onchange") or ""
    if not GOES_TO.search(script):
        return None
    prefixed = _PREFIXED.search(script)
    return (prefixed[2] if prefixed else "") + value if value else None


def _option_value(option: LexborNode) -> str:
    value = option.attributes.get("value")
    return " ".join((option.text() or "").split()) if value is None else value.strip()


def drop_down_menu(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """The (raw address, label) of each option of a drop-down whose script opens it."""
    found: list[tuple[str, str]] = []
    for select in tree.css("select[onchange]"):
        for option in select.css("option"):
            target = script_choice(select, _option_value(option))
            if target:
                found.append((target, " ".join((option.text() or "").split())))
    return found


# A member of an object literal whose value is a string: ``"t":"Новини"``, ``u:'/bg/'``.
_MEMBER = re.compile(r"""["']?([A-Za-z_$][\w$]{0,30})["']?\s*:\s*"((?:[^"\\\n]|\\.){0,300})\"""")
# An object literal of string members only, two to six: a menu entry's shape.
_OBJECT = re.compile(
    r"""\{\s*(?:["']?[A-Za-z_$][\w$]{0,30}["']?\s*:\s*"(?:[^"\\\n]|\\.){0,300}"\s*,?\s*){2,6}\}"""
)
_ADDRESS = re.compile(r"^(?:https?://|/|\./|\.\./|[\w-]+\.(?:php|aspx?|s?html?)\b)", re.I)
_LABEL = re.compile(r"^[^/<>{}=]{2,40}$")
_SCRIPT_LOOK = 100_000  # characters of inline script read, at most


def _unescaped(raw: str) -> str:
    try:
        text = json.loads(f'"{raw}"')
    except ValueError:
        return raw
    return text if isinstance(text, str) else raw


def _entry(literal: str) -> tuple[str, str] | None:
    """The (address, label) an object literal of strings names: one address-like member
    (``/bg/novini``) and one short text member with a letter ("Новини")."""
    values = [_unescaped(m[2]).strip() for m in _MEMBER.finditer(literal)]
    addresses = [v for v in values if _ADDRESS.match(v)]
    labels = [v for v in values if not _ADDRESS.match(v) and _LABEL.match(v)]
    labels = [v for v in labels if any(ch.isalpha() for ch in v)]
    if len(addresses) != 1 or len(labels) != 1:
        return None
    return addresses[0], labels[0]


def script_menu(tree: LexborHTMLParser) -> list[tuple[str, str]]:
    """The (raw address, label) of each entry of the menus the page's inline scripts hold
    as data, objects of an address and a label (not JSON-LD nor other typed data: only
    the scripts a browser runs)."""
    found: list[tuple[str, str]] = []
    budget = _SCRIPT_LOOK
    for node in tree.css("script"):
        kind = (node.attributes.get("type") or "").lower()
        if node.attributes.get("src") or (kind and "javascript" not in kind and kind != "module"):
            continue
        code = (node.text(deep=True) or "")[:budget]
        budget -= len(code)
        found += [entry for m in _OBJECT.finditer(code) if (entry := _entry(m[0]))]
        if budget <= 0:
            break
    return found


def stand_in_links(tree: LexborHTMLParser) -> LexborHTMLParser | None:
    """The page's script-drawn menu entries (``drop_down_menu``, ``script_menu``) as a
    fragment of the ``<a>`` they stand for, to be read as the page's own links; None
    when it has none."""
    entries = [*drop_down_menu(tree), *script_menu(tree)]
    if not entries:
        return None
    links = "".join(f'<a href="{escape(url)}">{escape(label)}</a>' for url, label in entries)
    return parse_html(f"<html><body><nav>{links}</nav></body></html>")
