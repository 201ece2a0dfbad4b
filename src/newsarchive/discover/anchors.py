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
    """The raw (unresolved) URL an ``<a>`` leads to: a real ``href`` first, then a URL in
    a ``javascript:`` href or in ``onclick``."""
    attrs = anchor.attributes
    href = (attrs.get("href") or "").strip()
    scripted = href.lower().startswith("javascript:")
    if href and not scripted and not href.startswith("#"):
        return href
    for script in (href if scripted else "", attrs.get("onclick") or ""):
        if script and (url := script_url(script)):
            return url
    return None


def page_base(tree: LexborHTMLParser, page_url: str) -> str:
    """What a page's relative links resolve against: its ``<base href>``, else its URL."""
    base = urlsplit(page_url)._replace(fragment="").geturl()
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = normalize_url(base_node.attributes.get("href") or "", page_url) or base
    return base
