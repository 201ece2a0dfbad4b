"""Whether a line of the text is printed set apart: a whole paragraph in bold or aligned
right, as a writer's name signing the text is.

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


def whole_block(tree: LexborHTMLParser, line: str) -> bool:
    """Whether ``line`` is the whole text of a paragraph set in ``<strong>``/``<b>``, or of
    a ``<p>``/``<div>`` aligned right (``align="right"``, ``text-align: right``). A bold
    item of a list (``<li><strong>``) or a bold link is not: its element is no paragraph."""
    for node in tree.css("strong, b"):
        if squash(node.text()) == line:
            block = _paragraph(node)
            if block is not None and squash(block.text()) == line:
                return True
    for node in tree.css('p[align="right"], div[align="right"], p[style], div[style]'):
        if node.attributes.get("align", "") != "right" and not _RIGHT.search(
            node.attributes.get("style") or ""
        ):
            continue
        if squash(node.text()) == line:
            return True
    return False
