"""Whether a line of the text is printed set apart: a whole paragraph in bold or aligned
right, as a writer's name signing the text is, or a standfirst in bold under the headline.

The block walk keeps no markup on its lines (``blocks.Block`` holds the text and its
element's tag), and carrying a flag for every block of every page would cost each page
for the few that close on a name. So the closing-line rule asks the tree, once, and only
about a line that already reads as a signature but for its casing
(``bylines.set_apart_signature``).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extraction.blocks import squash

# The elements a paragraph of the text is, whose whole text the bold must be.
_PARAGRAPHS = frozenset(("p", "div", "td", "center"))
_RIGHT = re.compile(r"text-align\s*:\s*right", re.IGNORECASE)


def _paragraph(node: LexborNode) -> LexborNode | None:
    """The paragraph ``node`` is set in, climbing through inline formatting; None when it
    is a list's item, a heading, a link or anything else first."""
    up = node.parent
    while up is not None:
        tag = up.tag
        if tag in _PARAGRAPHS:
            return up
        if tag not in ("strong", "b", "span", "em", "i", "font", "u"):
            return None
        up = up.parent
    return None


def in_bold(tree: LexborHTMLParser | LexborNode, line: str) -> bool:
    """Whether ``line`` is the whole text of a paragraph under ``tree`` set in
    ``<strong>``/``<b>``. A bold item of a list (``<li><strong>``) or a bold link is not:
    its element is no paragraph."""
    for node in tree.css("strong, b"):
        if squash(node.text()) == line:
            block = _paragraph(node)
            if block is not None and squash(block.text()) == line:
                return True
    return False


# The bold tags, and how many elements after a headline are looked into for them: a
# kicker's, a date's and a byline's lines, the standfirst, the text's box.
_BOLD = frozenset(("strong", "b"))
_AFTER_REACH = 6


def bold_after(node: LexborNode) -> bool:
    """Whether one of the first elements after ``node`` is, or has a child, set in
    bold: where a standfirst in bold under a headline can be, "<h1>…</h1><p
    class="teaser"><strong>…</strong></p>". A cheap test of the children alone, before
    walking the headline's box (``in_bold`` searches a whole tree)."""
    seen = 0
    sibling = node.next
    while sibling is not None and seen < _AFTER_REACH:
        if (sibling.tag or "-").startswith("-"):
            sibling = sibling.next
            continue  # (text and comments between the elements)
        if sibling.tag in _BOLD:
            return True
        child = sibling.child
        while child is not None:
            if child.tag in _BOLD:
                return True
            child = child.next
        seen += 1
        sibling = sibling.next
    return False


def whole_block(tree: LexborHTMLParser, line: str) -> bool:
    """Whether ``line`` is the whole text of a paragraph set in ``<strong>``/``<b>``
    (``in_bold``), or of a ``<p>``/``<div>`` aligned right (``align="right"``,
    ``text-align: right``)."""
    if in_bold(tree, line):
        return True
    for node in tree.css('p[align="right"], div[align="right"], p[style], div[style]'):
        if node.attributes.get("align", "") != "right" and not _RIGHT.search(
            node.attributes.get("style") or ""
        ):
            continue
        if squash(node.text()) == line:
            return True
    return False
