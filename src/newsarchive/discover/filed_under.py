"""Where an article page files itself, and whether that is under no news (``not_news``).

Discovery keeps a portal's obituaries, ads and day's services out by how it meets them: a
menu entry, an address, a feed item's category, a card's badge or box. A page met some
other way (a sitemap of every post, a link in an article) at the news' own address
(``/news/<id>-<slug>``) is told apart only by what it says of itself, read here from the
signals that are the page's own, never its sidebar's or menu's:

* ``<meta property="article:section">`` (Yoast, Open Graph's article section);
* the ``articleSection`` of the page's article node in its JSON-LD (the first such node:
  a related article's node in a ``@graph`` speaks of that article);
* its breadcrumb's deepest section: the trail's last link that is neither the site's
  home nor the page itself ("Начало › Некролози › …" files it under "Некролози", "Новини
  › Общество" under "Общество"), in its markup or in its JSON-LD ``BreadcrumbList`` (the
  first such node; Yoast and Rank Math write one on every post, the page's own item
  without an address or at the page's);
* the category links WordPress's post meta writes (``rel="category tag"``) outside the
  page's furniture (a sidebar's widget of the newest obituaries writes its own).

The page is no news when it states a section and every section it states names no news
(``names_no_news``), as a feed item is (``feeds``): an obituary filed under "Новини"
too stays. A body class (``category-nekrolozi``) is not read: WordPress writes it on a
category's archive page, and its ``post_class`` on every card of a list as well.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.char_references import unescape_references
from newsarchive.discover.furniture import Furniture, headline_boxes
from newsarchive.discover.not_news import names_no_news
from newsarchive.discover.urls import url_key

_SIGNALS = (
    'meta[property="article:section"], script[type="application/ld+json"], a[rel~="category"], '
    '[class*="breadcrumb"], [id*="breadcrumb"], [itemtype*="BreadcrumbList"], '
    '[aria-label="breadcrumb"], [aria-label="Breadcrumb"]'
)
# JSON-LD node types of an article (``@type`` lower-cased): a page's own node
_ARTICLE_TYPES = ("article", "posting", "report")
# JSON-LD nodes read of one page at most (a hostile page's graph is cut there)
_MAX_NODES = 200
# The most links a breadcrumb holds: more is a block merely named so (a body's or a
# layout's class "has-breadcrumbs" around the whole page), never read as the trail
_MAX_CRUMBS = 8


def _nodes(data: Any, budget: list[int]) -> Iterator[dict[str, Any]]:
    """The JSON-LD's objects, top level and ``@graph`` first, in order."""
    stack = [data]
    while stack and budget[0] > 0:
        item = stack.pop(0)
        if isinstance(item, list):
            stack[:0] = item
        elif isinstance(item, dict):
            budget[0] -= 1
            yield item
            if "@graph" in item:
                stack[:0] = [item["@graph"]]


def _types(node: dict[str, Any]) -> list[str]:
    """The node's ``@type``s, lower-cased (one, or a list of them)."""
    kinds = node.get("@type")
    named = kinds if isinstance(kinds, list) else [kinds]
    return [k.lower() for k in named if isinstance(k, str)]


def _is_article(node: dict[str, Any]) -> bool:
    return any(kind.endswith(_ARTICLE_TYPES) for kind in _types(node))


def _jsonld_sections(scripts: list[LexborNode], url: str) -> list[str]:
    """The ``articleSection`` of the page's first article node, and the deepest section
    of its first ``BreadcrumbList``."""
    budget = [_MAX_NODES]
    article: list[str] | None = None
    crumb: str | None = None
    for script in scripts:
        try:
            data = json.loads(script.text(deep=True) or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        for node in _nodes(data, budget):
            if article is None and _is_article(node):
                section = node.get("articleSection")
                sections = section if isinstance(section, list) else [section]
                article = [s for s in sections if isinstance(s, str) and s.strip()]
            elif crumb is None and "breadcrumblist" in _types(node):
                crumb = _listed_section(node, url)
            if article is not None and crumb is not None:
                break
    return (article or []) + ([crumb] if crumb else [])


def _listed_section(trail: dict[str, Any], url: str) -> str:
    """A ``BreadcrumbList``'s deepest section: its last item, by position, with an
    address that is neither home nor the page (the page's own item often has none)."""
    items = trail.get("itemListElement")
    listed = [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []
    deepest = ""
    for item in sorted(listed, key=_position):
        target = item.get("item")
        named = target if isinstance(target, dict) else {}
        href = target if isinstance(target, str) else named.get("@id") or named.get("url")
        name = item.get("name") or named.get("name")
        if not isinstance(href, str) or not isinstance(name, str) or not name.strip():
            continue
        href = urljoin(url, href.strip("\"' "))  # (a theme quoting its addresses twice)
        if not _is_home(href) and not _is_page(href, url):
            deepest = " ".join(unescape_references(name).split())  # (WordPress's "&#038;")
    return deepest


def _position(item: dict[str, Any]) -> float:
    """An item's ``position`` (a number or its digits), unnumbered ones last in order."""
    position = item.get("position")
    if isinstance(position, (int, float)) and not isinstance(position, bool):
        return float(position)
    if isinstance(position, str) and position.strip().isdigit():
        return float(position)
    return float("inf")


def _is_home(href: str) -> bool:
    return urlsplit(href).path.strip("/") in ("", "index.php", "index.html", "bg")


def _is_page(href: str, url: str) -> bool:
    """A trail's item for the page itself: its address, or one ending in the page's own
    last segment (its slug), as the canonical address a trail writes does where the page
    was asked by another (a redirect's, a language folder, no trailing slash)."""
    if url_key(href) == url_key(url):
        return True
    own = unquote(urlsplit(url).path).rstrip("/").rpartition("/")[2]
    return bool(own) and unquote(urlsplit(href).path).rstrip("/").rpartition("/")[2] == own


def _is_trail(node: LexborNode) -> bool:
    """A breadcrumb's block, not a page or column merely named so (``_MAX_CRUMBS``)."""
    return node.tag not in ("html", "body", "main") and len(node.css("a[href]")) <= _MAX_CRUMBS


def _crumb_section(trail: LexborNode, url: str) -> str:
    """The breadcrumb's deepest section: its last link to neither home nor the page."""
    deepest = ""
    for link in trail.css("a[href]"):
        href = urljoin(url, link.attributes.get("href") or "")
        label = " ".join(link.text(deep=True).split())
        if label and not _is_home(href) and not _is_page(href, url):
            deepest = label
    return deepest


def _stated(tree: LexborHTMLParser, url: str) -> tuple[list[str], list[tuple[LexborNode, str]]]:
    """The sections the page states in its metadata and breadcrumb, and its category
    links with their labels, not yet told from a sidebar's (``_own_categories``)."""
    sections: list[str] = []
    scripts: list[LexborNode] = []
    categories: list[tuple[LexborNode, str]] = []
    trail: LexborNode | None = None
    for node in tree.css(_SIGNALS):
        if node.tag == "meta":
            content = " ".join((node.attributes.get("content") or "").split())
            if content:
                sections.append(content)
        elif node.tag == "script":
            scripts.append(node)
        elif node.tag == "a" and "category" in (node.attributes.get("rel") or "").split():
            if label := " ".join(node.text(deep=True).split()):
                categories.append((node, label))
        elif trail is None and _is_trail(node):  # (the outermost: its items match too)
            trail = node
    sections += _jsonld_sections(scripts, url)
    if trail is not None and (deepest := _crumb_section(trail, url)):
        sections.append(deepest)
    return sections, categories


def _own_categories(tree: LexborHTMLParser, categories: list[tuple[LexborNode, str]]) -> list[str]:
    """The labels of the category links outside the page's furniture (a sidebar's
    widget of the newest obituaries writes its own)."""
    if not categories:
        return []
    furniture = Furniture(headed=headline_boxes(tree))
    return [label for link, label in categories if not furniture.holds(link)]


def stated_sections(tree: LexborHTMLParser, url: str) -> list[str]:
    """The sections the page at ``url`` files itself under, as it states them (above)."""
    sections, categories = _stated(tree, url)
    return sections + _own_categories(tree, categories)


def filed_as_no_news(tree: LexborHTMLParser, url: str) -> str:
    """The section naming no news the page at ``url`` files itself under (its first), or
    "" where it states none or any it states names news (``stated_sections``). Asked of
    every article a crawl judges: where no label it states names no news (a news page's
    "Новини", "Общество"), the answer is "" without telling its category links from a
    sidebar's (the page's furniture found)."""
    sections, categories = _stated(tree, url)
    if not any(names_no_news(s) for s in (*sections, *(label for _, label in categories))):
        return ""
    sections += _own_categories(tree, categories)
    if sections and all(names_no_news(s) for s in sections):
        return sections[0]
    return ""
