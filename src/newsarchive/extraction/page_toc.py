"""A table of contents any page may print: found by what it does, not by whose it is.

``clean.is_table_of_contents`` knows four WordPress plugins' boxes by their names. A
theme's own box (``<div class="toc">``, ``<nav class="table-of-contents">``, ``id="toc"``)
or an editor's box under "Съдържание" or "In this article" is named anything. What every
one of them is: a list whose links all lead to places further down the same page
(``href="#…"`` naming an element that stands after the list), whose words are those
links' words (the text's headings again), in a box of its own that holds a label at
most, standing among the sections it lists. That box is navigation of the text, and is
skipped as the plugins' are. 32 dev pages print one; WCXB's truths leave them out but
one (a "Jump ahead" box, whose links went as link lines before this rule too): skipping
them changed 2 texts, each losing a label its truth has not ("Overview", "Table of
Contents[Hide][Show]").

What tells it from a list that is the text's, decided on the dev pages' truths: its box
is labelled as contents (``clean.TOC_LABELS``: "Съдържание на новината", "Table of
Contents [Hide]") or named so (``toc``, ``contents`` in its id, class or aria-label; the
list's own class does not count: "dice-toc", "toc-table" lists are kept by the truths).
Text, then: an editor's list of jump links between two paragraphs, unboxed ("Jump into
sections:", 4 dev pages' truths keep theirs), a FAQ's list of its questions, a summary
box under a heading of its own ("Key Takeaways"), a footnotes list (its notes' words
beside links that lead back up), a lone "back to top" link, links that lead nowhere
(``href="#"``), and a contents column beside the text's (``_among``).
"""

from __future__ import annotations

import re
from urllib.parse import unquote

from selectolax.lexbor import LexborNode

from newsarchive.extraction.clean import TOC_LABELS
from newsarchive.extraction.metadata import IN_PAGE_LINKS

_LISTS = frozenset(("ul", "ol"))
# An element a list's box may not be: the page's or the article's own frame, never a box
# of its navigation alone
_FRAMES = frozenset(("body", "html", "main", "article", "li"))
# A list of fewer in-page links is a "back to top", a "read the comments": no contents
_MIN_LINKS = 2
# What a list item may hold besides its link: a number ("1.", "2.3.")
_ITEM_EXTRA = 4
# What a box may hold besides its list: a label ("Съдържание [скрий]", "In this article")
_LABEL = 40
# How far up from a place a link leads to the box's own container is looked for:
# ``<h2 id>``'s parent, ``<h2><span id>``'s grandparent
_AMONG = 2
# The most lists a table of contents' list stands in (a heading's five ranks under the
# first), and how many elements up they are looked for (a list, its item, a wrapper each)
_NESTING = 6
_NESTING_STEPS = 3 * _NESTING + 3
# How far up from an in-page link its list item is looked for (``li > a``, ``li > span > a``)
_LINK_DEPTH = 3


def page_tocs(root: LexborNode, links: list[LexborNode] | None = None) -> set[int]:
    """The ``mem_id`` of each table of contents under ``root``: the box (``_box``) of a
    list of in-page links only (``_links_only``), all leading further down the page
    (``_leads_down``), among whose sections it stands (``_among``). ``links``: the page's
    in-page links where the metadata's reading listed them, else a query of ``root``
    finds them. The places they lead to are looked up (a query of every id) only where
    such a box stands: 28 of AEB's 181 pages have a list of in-page links, none a box."""
    if links is None:
        links = root.css(IN_PAGE_LINKS)
    anchors = [a for a in links if len(a.attributes.get("href") or "") > 1]
    if len(anchors) < _MIN_LINKS:
        return set()
    lists: dict[int, LexborNode] = {}
    for anchor in anchors:
        found = _list_of(anchor)
        if found is not None and found.mem_id not in lists and not _nested_deep(found):
            lists[found.mem_id] = found
    # Each list, box and box's frame is read once however many lists lead to it: a
    # contents list's sublists all climb to it, sibling lists share their frame (read
    # again for each, 50,000 links took 6 s a MB; ``_Reads``)
    reads = _Reads()
    boxes: dict[int, tuple[LexborNode, list[LexborNode]]] = {}
    for node in lists.values():
        items = reads.links_only(node)
        if not items:
            continue
        while (outer := _outer_list(node)) is not None and (more := reads.links_only(outer)):
            node, items = outer, more
        if node.mem_id in boxes:
            continue
        boxes[node.mem_id] = (node, items)
    found_boxes: list[tuple[LexborNode, list[LexborNode]]] = []
    for node, items in boxes.values():
        if (box := _box(node, root, reads)) is not None:
            found_boxes.append((box, items))
    if not found_boxes:
        return set()
    order, places = _places(root)
    tocs: set[int] = set()
    for box, items in found_boxes:
        first = _leads_down(items, order)
        if first >= 0 and _among(box, places[first]):
            tocs.add(box.mem_id)
    return tocs


def _among(box: LexborNode, place: LexborNode) -> bool:
    """The box stands among the sections it lists: the element holding it holds the
    place its first link leads to (a heading, or the anchor in one): ``_AMONG`` levels
    down at most. A box in a column beside the text's is not skipped: weighed as the
    links it is, it keeps the text's column apart from the page's (a dev page's author
    box joined the text without it)."""
    frame = box.parent
    if frame is None:
        return False
    node = place.parent
    for _ in range(_AMONG):
        if node is None:
            return False
        if node.mem_id == frame.mem_id:
            return True
        node = node.parent
    return False


def _nested_deep(node: LexborNode) -> bool:
    """Whether the list stands in more than ``_NESTING`` lists (looked for within
    ``_NESTING_STEPS`` elements up): no table of contents nests so deep (its headings'
    six ranks), and each list read reads all it holds, so lists nested a thousand deep in
    50 KB took 4.6 s, a list at every level read whole. The lists it stands in are read
    in its place, when their own links lead to them."""
    lists = 0
    up = node.parent
    for _ in range(_NESTING_STEPS):
        if up is None:
            return False
        if up.tag in _LISTS:
            lists += 1
            if lists > _NESTING:
                return True
        up = up.parent
    return False


def _list_of(anchor: LexborNode) -> LexborNode | None:
    """The list whose item holds ``anchor`` (within ``_LINK_DEPTH``), if any."""
    node = anchor.parent
    for _ in range(_LINK_DEPTH):
        if node is None:
            return None
        if node.tag == "li":
            up = node.parent
            return up if up is not None and up.tag in _LISTS else None
        node = node.parent
    return None


def _outer_list(node: LexborNode) -> LexborNode | None:
    """The list ``node`` is nested in as a sublist of an item (a heading's subheadings)."""
    item = node.parent
    if item is None or item.tag != "li":
        return None
    up = item.parent
    return up if up is not None and up.tag in _LISTS else None


def _places(root: LexborNode) -> tuple[dict[str, int], list[LexborNode]]:
    """Each id (and ``<a name>``) under ``root`` with the position of its element in
    document order, and each in-page link's own (keyed by ``#`` and its ``mem_id``: an
    id read from ``href`` never starts with ``#``), in one query; and the elements, by
    those positions."""
    order: dict[str, int] = {}
    nodes = root.css(f"[id], a[name], {IN_PAGE_LINKS}")
    for at, node in enumerate(nodes):
        attrs = node.attributes
        for key in (attrs.get("id"), attrs.get("name") if node.tag == "a" else None):
            if key:
                order.setdefault(key, at)
        if (attrs.get("href") or "").startswith("#"):
            order[f"#{node.mem_id}"] = at
    return order, nodes


class _Reads:
    """What ``page_tocs`` read of an element, by its ``mem_id``, read once: its links
    where it is a list of in-page links only (``_links_only``), and the length of its
    words (``_box``). Counted (``texts``) for the tests: each element's text is read
    once, not once for each list standing in it."""

    def __init__(self) -> None:
        self._links: dict[int, list[LexborNode]] = {}
        self._lengths: dict[int, int] = {}
        self.texts = 0

    def links_only(self, node: LexborNode) -> list[LexborNode]:
        key = node.mem_id
        if key not in self._links:
            self._links[key] = _links_only(node)
        return self._links[key]

    def length(self, node: LexborNode) -> int:
        key = node.mem_id
        if key not in self._lengths:
            self.texts += 1
            self._lengths[key] = len(" ".join(node.text(deep=True).split()))
        return self._lengths[key]


def _links_only(node: LexborNode) -> list[LexborNode]:
    """The list's links, where there are at least ``_MIN_LINKS``, each to a place on the
    page (``#`` and a name), and its items' words are the links' (a number beside one at
    most); else none."""
    links = node.css("a")
    if len(links) < _MIN_LINKS:
        return []
    words = 0
    for link in links:
        href = link.attributes.get("href") or ""
        if len(href) < 2 or not href.startswith("#"):
            return []
        words += len("".join(link.text(deep=True).split()))
    extra = len("".join(node.text(deep=True).split())) - words
    return links if extra <= _ITEM_EXTRA * len(links) else []


def _leads_down(links: list[LexborNode], order: dict[str, int]) -> int:
    """The position of the place the first of ``links`` leads to, where each leads to
    a place further down the page than the last of them stands (a footnote's link back
    to its call leads up); else -1."""
    last = max(order.get(f"#{link.mem_id}", -1) for link in links)
    first = -1
    for link in links:
        name = (link.attributes.get("href") or "")[1:]
        place = order.get(name, -1)
        if place < 0 and "%" in name:  # (a Cyrillic heading's id, percent-encoded)
            place = order.get(unquote(name), -1)
        if place <= last:
            return -1
        first = place if first < 0 else first
    return first


def _box(node: LexborNode, root: LexborNode, reads: _Reads) -> LexborNode | None:
    """The box the list stands in as a table of contents: the outermost element around
    it that holds nothing else but a label (``_LABEL`` characters), where that label
    says so (``_CONTENTS``) or the box or an element of it up to the list is named so
    (``_named``). None for a list in the running text, unboxed or boxed without such a
    name: an editor's "Jump to a section:" list between two paragraphs is the text's, as
    WCXB's truths keep it (4 dev pages), and so is a box of links under a heading of
    its own ("Key takeaways", "The best movers of 2026": a summary)."""
    list_text = " ".join(node.text(deep=True).split())
    chain = [node]
    stop = root.mem_id
    while (up := node.parent) is not None and up.mem_id != stop and up.tag not in _FRAMES:
        if reads.length(up) - len(list_text) > _LABEL:
            break
        node = up
        chain.append(up)
    if len(chain) < 2:
        return None
    label = " ".join(node.text(deep=True).split()).replace(list_text, " ", 1)
    if _CONTENTS.search(label) or any(_named(element.attributes) for element in chain[1:]):
        return node
    return None


# A label naming a list of the page's own places its contents ("Съдържание [скрий]",
# "Table of Contents Toggle", "In this article", "On this page:"): a word of it anywhere
# in the box's label
_CONTENTS = re.compile(rf"(?<!\w)(?:{TOC_LABELS})(?!\w)", re.IGNORECASE)
# The words an element is named a table of contents by (in its id, class or aria-label,
# split at its punctuation): ``toc``, ``table-of-contents``, ``contents``. Read only on a
# box that holds a list of in-page links and a label at most (an article's wrapper
# "has-toc" holds its text too)
_NAMED = re.compile(r"(?<![a-z0-9])(?:toc|contents|table[-_ ]?of[-_ ]?contents)(?![a-z0-9])")


def _named(attrs: dict[str, str | None]) -> bool:
    return any(
        _NAMED.search(value.lower())
        for key in ("id", "class", "aria-label")
        if (value := attrs.get(key))
    )
