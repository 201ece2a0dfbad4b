"""Where a link leads: its ``href``, or the URL a script behind it would open.

Old CMSs hide headline links behind scripts: ``href="javascript:void(0)"`` with
``onclick="ShowWindow('/news?id=1925', …)"``, or ASP.NET's
``javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions("…", "", false, "",
"/News.aspx?pageid=401&newsid=4457", false, true))``. A person clicking either lands on that
URL, so it is as good as an ``href``; whether it is on the site is decided by the caller.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.discover.urls import normalize_url

# A quoted string that reads as a URL: absolute, root-relative, or a server page with its
# query ("Default.aspx?lang=bg-BG"). Control names ("ctl00$…") and window names do not.
_SCRIPT_URL = re.compile(
    r"""["']((?:https?://|/)[^"'\s<>]*|[\w.-]+\.(?:aspx?|php\d?|html?|jsp|pl|cgi)"""
    r"""(?:\?[^"'\s<>]*)?)["']""",
    re.IGNORECASE,
)


_SCRIPT_LOOK = 2000  # an onclick that opens a page says so early; a hostile one may not end


def script_url(script: str) -> str | None:
    """The first URL a piece of inline script would open, if any."""
    found = _SCRIPT_URL.search(script[:_SCRIPT_LOOK])
    return found.group(1) if found else None


def link_target(anchor: LexborNode) -> str | None:
    """The raw (unresolved) URL an ``<a>`` (or a clickable row or card, ``clickables``)
    leads to: a real ``href`` (``data-href``) first, then a URL in a ``javascript:`` href
    or in ``onclick``."""
    attrs = anchor.attributes
    href = (attrs.get("href") or attrs.get("data-href") or "").strip()
    scripted = href.lower().startswith("javascript:")
    if href and not scripted and not href.startswith("#"):
        return href
    for script in (href if scripted else "", attrs.get("onclick") or ""):
        if script and (url := script_url(script)):
            return url
    return None


_NOT_CLICKABLE = frozenset({"a", "button", "input", "select", "option", "form", "img", "body"})


def link_nodes(tree: LexborHTMLParser) -> list[LexborNode]:
    """The page's ``<a>`` elements and, in document order among them, the rows and cards a
    script makes clickable: ``<tr onclick="location.href='/novini/12'">``, ``<div
    data-href="/novini/12">`` (a listing whose only ``<a>`` may say "Прочети повече", or
    none). Buttons and form controls are not links, whatever their script opens."""
    anchors = tree.css("a")
    clickable = [n for n in tree.css("[data-href], [onclick]") if n.tag not in _NOT_CLICKABLE]
    if not clickable:
        return anchors  # nearly every page: no second pass
    seen: set[int] = set()
    nodes: list[LexborNode] = []
    for node in tree.css("a, [data-href], [onclick]"):
        if node.mem_id in seen or (node.tag != "a" and node.tag in _NOT_CLICKABLE):
            continue
        seen.add(node.mem_id)
        nodes.append(node)
    return nodes


def page_base(tree: LexborHTMLParser, page_url: str) -> str:
    """What a page's relative links resolve against: its ``<base href>``, else its URL."""
    base = urlsplit(page_url)._replace(fragment="").geturl()
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = normalize_url(base_node.attributes.get("href") or "", page_url) or base
    return base
