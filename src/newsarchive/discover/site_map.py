"""A site's HTML site map ("Карта на сайта"): a page of links to every page it has.

Some sites list their news on a page showing the newest few, the rest loaded by a
script that posts for them (no address, no page number anywhere), and offer no feed and
no XML sitemap: their older articles are linked from one page only, the site map the
footer names. It is read as a sitemap is: every link on it is an entry, and the
article URL shapes the site's own listings taught keep its news and leave out its
static pages (``feeds.feed_links``). A site with no listing a crawler reads (its news page
an empty shell its script fills) teaches no shape; its site map may date its news,
"Заглавие (28.11.2026)", and the links it dates teach theirs (``listings.dated_shapes``).
Pure functions of the page's HTML.
"""

from __future__ import annotations

import codecs
import re

from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.anchors import link_reader
from newsarchive.discover.shape import is_file_path, split_normal
from newsarchive.discover.urls import normalize_url, on_site
from newsarchive.markup import parse_html
from newsarchive.models import Profile

# What a link to the site map says (a sitemap.xml is read as a sitemap already)
_SITE_MAP = re.compile(r"^(?:карта(?: на)? (?:сайта|сайт)|sitemap|site map)$", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype html|html|head|body)\b", re.I | re.S)


def site_map_link(tree: LexborHTMLParser, page_url: str, profile: Profile) -> str | None:
    """Where the page's "Карта на сайта" (``Sitemap``) link leads, on the site, when it
    is a page (not the page itself, not a file such as ``sitemap.xml``)."""
    read = link_reader(tree, page_url)
    here = normalize_url(page_url)
    for anchor in tree.css("a[href]"):
        if not _SITE_MAP.match(" ".join((anchor.text(deep=True) or "").split())):
            continue
        url = read(anchor.attributes.get("href") or "")
        if url is None or url == here or not on_site(url, profile):
            continue
        if not is_file_path(split_normal(url)[1]):
            return url
    return None


def is_html(content: bytes) -> bool:
    """The document is an HTML page (what a site map page is), not XML or JSON; a UTF-8
    byte order mark before it (an old ASP.NET or Windows-saved page) is no part of it."""
    return _HTML_START.match(content[:4096].removeprefix(codecs.BOM_UTF8)) is not None


def is_site_map_page(url: str, content: bytes) -> bool:
    """An HTML page at an address that names no file: a site map page, when asked for as
    a sitemap. One at ``/sitemap.xml`` is a broken sitemap (a soft 404, a login form),
    and stays a failure of the run."""
    return is_html(content) and not is_file_path(split_normal(url)[1])


def site_map_urls(content: bytes | LexborHTMLParser, base: str) -> list[str]:
    """Every link of an HTML page (its bytes, or its tree already parsed), resolved
    against ``base`` and normalised, each once, in page order: a site map's entries, for
    the caller to keep those of its shapes."""
    tree = content if isinstance(content, LexborHTMLParser) else parse_html(content)
    read = link_reader(tree, base)
    found: dict[str, None] = {}
    for anchor in tree.css("a[href]"):
        url = read(anchor.attributes.get("href") or "")
        if url is not None:
            found.setdefault(url, None)
    return list(found)
