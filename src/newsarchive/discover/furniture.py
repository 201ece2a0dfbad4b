"""Page furniture around link lists: menus, banners, footers, sidebars, by role and position.

What makes a block furniture is where it sits and what it is for, not a class name alone:
- ``<nav>``, ``<aside>``, ``<menu>`` and ARIA landmark roles (navigation, banner,
  contentinfo, complementary, menu, tree) always are;
- ``<header>``/``<footer>`` are only when they band the page: inside an ``<article>``,
  ``<section>`` or ``<main>`` (a news card's ``<header><h2><a>…``) they belong to the content;
- a list whose items hold lists of their own is a drop-down or tree menu (ASP.NET
  ``AspNet-TreeView``, nested ``ul.subMenu``), whatever it is called;
- class and id words ("menu", "sidebar", "footer", "treeview", …) are a weaker hint that the
  caller weighs against what the block holds (see ``Furniture.hinted``); "header" and
  "footer" hint only where the tags would, outside sectioning content.

Answers are memoised per node, so asking for every card of a page costs one pass over the
ancestors, not one walk per link (a page nests 500 tables deep and some hostile ones more).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.class_names import class_words

_LANDMARK_TAGS = frozenset({"nav", "aside", "menu"})
_BAND_TAGS = frozenset({"header", "footer"})
_SECTIONING = frozenset({"article", "section", "main"})
_LANDMARK_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "menu", "menubar", "tree", "search"}
)
_LISTS = frozenset({"ul", "ol"})
_STOP = frozenset({"body", "html", None})
_HINT = class_words(
    (
        "nav", "navbar", "navigation", "menu", "submenu", "mainmenu", "dropdown", "treeview",
        "sidebar", "breadcrumbs?", "crumbs", "topbar", "lang", "social",
        "share", "cookie", "banners?", "partners?", "tags?",
    )
)  # fmt: skip
# "header" and "footer" as class words hint as the tags do: a band of the page outside
# sectioning content, a card's or an entry's own part inside it. Spectre's (Grav Quark's)
# card holds its headline in ``div.card-header`` and its "Прочети още" in
# ``div.card-footer``: the listing's last page, its one card outside any run, lost it.
_BAND_HINT = class_words(("footer", "header"))


def _is_nested_menu(node: LexborNode) -> bool:
    """A list with lists inside its items: a drop-down or tree menu. Looks two levels down
    only, so asking it of every list on a page stays linear."""
    if node.tag not in _LISTS:
        return False
    item = node.child
    while item is not None:
        if item.tag == "li":
            inner = item.child
            while inner is not None:
                if inner.tag in _LISTS:
                    return True
                inner = inner.next
        item = item.next
    return False


@dataclass
class Furniture:
    """Memoised furniture answers for one parsed page (a per-call cache, never shared).

    ``headed``: the elements holding the page's headline (``headline_boxes``), which no
    class word makes a sidebar: a theme names the column the list is in after the sticky
    sidebar it keeps beside it, or the layout after where its sidebar goes (Soledad's
    ``container penci_sidebar right-sidebar`` around ``div#main.penci-main-sticky-sidebar``
    and its ``theiaStickySidebar``), and a listing's last page, its one card outside any
    run, lost that card as a sidebar's (round 99's rodopiekspres: 8 of 9 archived)."""

    headed: frozenset[int] = frozenset()
    _seen: dict[int, tuple[bool, bool, bool]] = field(default_factory=dict)

    def _state(self, node: LexborNode | None) -> tuple[bool, bool, bool]:
        """(furniture by role/position, inside sectioning content, hinted by a class word)."""
        chain: list[LexborNode] = []
        current = node
        while current is not None and current.tag not in _STOP:
            if current.mem_id in self._seen:
                break
            chain.append(current)
            current = current.parent
        above = (
            self._seen[current.mem_id]
            if current is not None and current.mem_id in self._seen
            else (False, False, False)
        )
        for item in reversed(chain):
            furniture, sectioned, hinted = above
            tag = item.tag
            attrs = item.attributes if not (furniture and hinted) else {}
            furniture = furniture or (
                tag in _LANDMARK_TAGS
                or (attrs.get("role") or "").lower() in _LANDMARK_ROLES
                or (tag in _BAND_TAGS and not sectioned)
                or _is_nested_menu(item)
            )
            marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
            hinted = hinted or bool(
                marker.strip()
                and item.mem_id not in self.headed
                and (_HINT.search(marker) or (not sectioned and _BAND_HINT.search(marker)))
            )
            sectioned = sectioned or tag in _SECTIONING
            above = (furniture, sectioned, hinted)
            self._seen[item.mem_id] = above
        return above

    def around(self, node: LexborNode) -> bool:
        """True when a block above ``node`` (not ``node`` itself) is furniture."""
        return self._state(node.parent)[0]

    def hinted(self, node: LexborNode) -> bool:
        """True when a block above ``node`` is named like furniture (class or id word)."""
        return self._state(node.parent)[2]

    def holds(self, node: LexborNode) -> bool:
        """True when ``node`` itself or a block above it is furniture or named like it: for
        a lone card, which grows up to the whole of a one-link menu or banner."""
        furniture, _, hinted = self._state(node)
        return furniture or hinted


def headline_boxes(tree: LexborHTMLParser) -> frozenset[int]:
    """The ``mem_id`` of every element around one of the page's ``<h1>`` headlines (not a
    logo's, an ``<h1>`` holding a link): the page's own column, never a sidebar, whatever
    its class says (``Furniture.headed``)."""
    boxes: set[int] = set()
    for h1 in tree.css("h1"):
        if h1.css_first("a") is not None:
            continue
        up = h1.parent
        while up is not None and up.tag not in _STOP and up.mem_id not in boxes:
            boxes.add(up.mem_id)
            up = up.parent
    return frozenset(boxes)
