"""Where a page's ``<meta http-equiv="refresh">`` sends a browser, and whether the page is
only a stand-in for that address.

One reading for the explorer (a bare home page's refresh names the site's real start)
and the fetcher (a listed short address whose page is nothing but a refresh to the
article is followed as a redirect would be).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.anchors import page_base
from newsarchive.discover.urls import normalize_url, url_key
from newsarchive.markup import page_tree

# "0; URL=bg/index.html", "0;url='/bg/'", "3; URL = \"novini.php\"" (a bare delay reloads
# the page itself and names nothing). The parts before the address are possessive (``*+``):
# given back one character at a time, a page's long run of digits before a stray quote
# was split every way over delay and address, each tried to the quote (quadratic).
_REFRESH = re.compile(
    r"""^\s*+\d*+(?:\.\d*+)?+\s*+[;,]?+\s*+(?:url\s*+=\s*+)?+(?P<q>['"]?+)"""
    r"""(?P<url>[^'"\s][^'"]*?)(?P=q)\s*$""",
    re.IGNORECASE,
)

# A stand-in page is a few hundred bytes of markup and one line ("If you are not sent on,
# click here"); a page larger than this, or saying more, is a page of its own that also
# reloads (a news portal's front page refreshing itself every few minutes).
_STAND_IN_BYTES = 8 * 1024
_STAND_IN_TEXT = 200


def refresh_targets(tree: LexborHTMLParser) -> list[str]:
    """Where the page's ``<meta http-equiv="refresh">`` sends a browser, as written."""
    found: list[str] = []
    for node in tree.css("meta[http-equiv]"):
        if (node.attributes.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        if said := _refresh_url(node.attributes.get("content") or ""):
            found.append(said)
    return found


def _refresh_url(value: str) -> str:
    """The address a refresh's value (the ``<meta>``'s ``content``, or the ``Refresh``
    header) names, as written; "" for none (a bare delay reloads the page itself)."""
    match = _REFRESH.match(value)
    said = match["url"].strip() if match else ""
    return "" if said.replace(".", "").isdigit() else said


def stand_in_target(
    content: bytes, url: str, content_type: str | None = None, refresh: str | None = None
) -> str | None:
    """The address a page stands in for: a tiny page that says almost nothing and sends
    the browser elsewhere by ``<meta http-equiv="refresh">`` (a CMS's short link,
    ``/n/2291``, answering 200 with a refresh to ``/novini/2291/<slug>.html``). A reader
    lands on the target, so the page is that address's, as a redirect's would be; a
    page with text of its own, or refreshing itself, is none. So is an answer its server
    calls no HTML (``content_type``): a short feed whose item quotes a page's markup in
    CDATA parses, as HTML, into a refresh and no text, but no browser shows it as a page.
    The server may say the refresh itself, in the answer's ``Refresh`` header (PHP's
    ``header("Refresh: 0; url=/bg/")`` over an empty page: a home page moved to a
    folder), which browsers obey as the ``<meta>`` (``refresh``: its value)."""
    if content_type and "html" not in content_type.lower():
        return None
    said = _refresh_url(refresh or "")
    if len(content) > _STAND_IN_BYTES or not (said or b"refresh" in content.lower()):
        return None
    tree = page_tree(content.decode("utf-8", "replace"))
    targets = refresh_targets(tree) or ([said] if said else [])
    if not targets:
        return None
    for node in tree.css("script, style, noscript"):
        node.decompose()
    body = tree.body
    if body is not None and len(" ".join(body.text(separator=" ").split())) > _STAND_IN_TEXT:
        return None
    target = normalize_url(targets[0], page_base(tree, url))
    if target is None or url_key(target) == url_key(url):
        return None
    return target
