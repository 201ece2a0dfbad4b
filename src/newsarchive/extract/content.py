"""Main text: turn a subtree into paragraphs, and find the article subtree when no profile can.

One walk over the DOM turns text into *blocks* (a paragraph, a list item, a heading, a
``<br>``-separated line) in document order, and records for every container element the
contiguous range of blocks it holds. Each block gets a weight: long, sentence-like, non-link
text is positive; link lists and short labels are negative. The article is then the
container whose range has the highest total weight, a maximum-sum subtree: it grows to take
in every sibling block and ad wrapper that lies between pieces of prose (they cost little),
and stops before a "most read" menu or footer (they cost more than they bring).
Working on block ranges with prefix sums keeps this linear in the page size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extract.clean import boilerplate_elements, remove_junk

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead "
    "tr ul body html center caption legend fieldset menu dialog".split()
)
# Elements whose range of blocks may be chosen as the article.
_CONTAINER_TAGS = frozenset(
    "article body blockquote center dd details div figure main section td table ul ol dl "
    "header".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
_SKIP_TAGS = frozenset("script style noscript template svg iframe head title".split())
_SENTENCE_END = re.compile(r"[.!?。！？…:;\"”’»)]\s*$")
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u200b\u2028\u2029\ufeff]+")


def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


@dataclass(slots=True)
class Block:
    """One paragraph-like run of text and what kind of element produced it."""

    text: str
    link_share: float
    tag: str


class _Walker:
    """Single DOM pass collecting blocks and each container's block range.

    Iterative (``child``/``next``/``parent``) rather than recursive so a pathologically
    deep document cannot hit Python's recursion limit.
    """

    def __init__(self, marked: frozenset[int] = frozenset()) -> None:
        self.blocks: list[Block] = []
        self.ranges: list[tuple[LexborNode, int, int]] = []
        self.marked_ranges: list[tuple[int, int]] = []
        self._marked = marked
        self._buf: list[str] = []
        self._raw = 0
        self._link_raw = 0
        self._links = 0
        self._owners: list[tuple[str, int, LexborNode]] = []
        self._open_marks: list[tuple[int, int]] = []

    def flush(self) -> None:
        text = _squash("".join(self._buf))
        if text:
            share = self._link_raw / self._raw if self._raw else 0.0
            tag = self._owners[-1][0] if self._owners else "body"
            self.blocks.append(Block(text, min(share, 1.0), tag))
        self._buf.clear()
        self._raw = self._link_raw = 0

    def _enter(self, node: LexborNode, tag: str) -> bool:
        """Handle an element on the way down; False means do not descend."""
        if tag in _SKIP_TAGS or tag == "_comment":
            return False
        if tag == "br":
            self.flush()
            return False
        if self._marked and node.mem_id in self._marked:
            self.flush()
            self._open_marks.append((node.mem_id, len(self.blocks)))
        if tag in BLOCK_TAGS:
            self.flush()
            self._owners.append((tag, len(self.blocks), node))
        elif tag == "a":
            self._links += 1
        return True

    def _leave(self, node: LexborNode, tag: str) -> None:
        if self._open_marks and self._open_marks[-1][0] == node.mem_id:
            self.flush()
            _, start = self._open_marks.pop()
            if len(self.blocks) > start:
                self.marked_ranges.append((start, len(self.blocks)))
        if tag in BLOCK_TAGS:
            self.flush()
            if self._owners:
                owner, start, node = self._owners.pop()
                if owner in _CONTAINER_TAGS and len(self.blocks) > start:
                    self.ranges.append((node, start, len(self.blocks)))
        elif tag == "a":
            self._links -= 1

    def _text(self, node: LexborNode) -> None:
        text = node.text_content or ""
        self._buf.append(text)
        size = len(text.strip())
        self._raw += size
        if self._links > 0:
            self._link_raw += size

    def walk(self, root: LexborNode) -> None:
        """Visit ``root``'s descendants in document order (root itself is the outer block)."""
        self._owners.append((root.tag or "body", 0, root))
        stop = root.mem_id
        node = root.child
        while node is not None:
            tag = node.tag or ""
            if tag == "-text":
                self._text(node)
                descend = False
            else:
                descend = self._enter(node, tag)
                if descend and node.child is not None:
                    node = node.child
                    continue
                if descend:
                    self._leave(node, tag)
            while node is not None and node.next is None:
                node = node.parent
                if node is None or node.mem_id == stop:
                    node = None
                    break
                self._leave(node, node.tag or "")
            if node is not None:
                node = node.next
        self.flush()
        if self._owners:
            _, start, top = self._owners[0]
            self._owners.clear()
            if len(self.blocks) > start:
                self.ranges.append((top, start, len(self.blocks)))


def _blocks(node: LexborNode, marked: frozenset[int] = frozenset()) -> _Walker:
    walker = _Walker(marked)
    walker.walk(node)
    return walker


def node_paragraphs(node: LexborNode) -> list[str]:
    """Paragraph texts of a subtree in document order; blocks and ``<br>`` split paragraphs."""
    return [block.text for block in _blocks(node).blocks]


def block_weight(block: Block) -> float:
    """How much a block looks like article prose (>0) or like page furniture (<0).

    Link-heavy text is navigation whatever its length; long or sentence-ending text is
    prose; short labels ("Advertisement", "Share", a date) cost a little, so a container is
    not widened just to take in a menu of them, yet prose on both sides outweighs them.
    """
    size = len(block.text)
    if block.link_share > 0.5:
        return -size * block.link_share
    if block.tag in _HEADINGS:
        return 0.0
    if size >= 80 or (size >= 25 and _SENTENCE_END.search(block.text)):
        return size * (1.0 - block.link_share)
    return -0.5 * size


def best_range(walker: _Walker, weights: list[float]) -> tuple[int, int] | None:
    """Block range of the container with the highest total weight (smallest on ties)."""
    prefix = [0.0]
    for weight in weights:
        prefix.append(prefix[-1] + weight)
    best: tuple[float, int, int] | None = None
    for _node, start, end in walker.ranges:
        score = prefix[end] - prefix[start]
        if score <= 0:
            continue
        if (
            best is None
            or score > best[0]
            or (score == best[0] and end - start < best[2] - best[1])
        ):
            best = (score, start, end)
    return None if best is None else (best[1], best[2])


def furniture_mask(walker: _Walker, weights: list[float]) -> list[bool]:
    """Blocks inside furniture-marked elements, except marks that wrap most of the prose.

    A class like ``sidebar`` or ``ad`` names furniture far more often than not, but some
    themes put it on the article column itself; a mark covering over half the page's
    positive weight is such a wrapper and is ignored.
    """
    total = sum(w for w in weights if w > 0) or 1.0
    dropped = [False] * len(walker.blocks)
    for start, end in walker.marked_ranges:
        prose = sum(w for w in weights[start:end] if w > 0)
        if prose > 0.5 * total:
            continue
        dropped[start:end] = [True] * (end - start)
    return dropped


def keep_block(block: Block) -> bool:
    """Inside the chosen container, drop what is still plainly navigation."""
    return block.link_share <= 0.5 or len(block.text) > 200


def find_main_paragraphs(tree: LexborHTMLParser) -> list[str]:
    """Generic article text for a page no profile describes (or whose profile drifted)."""
    remove_junk(tree, furniture=False)
    body = tree.body
    if body is None:
        return []
    marked = frozenset(node.mem_id for node in boilerplate_elements(body, furniture=True))
    walker = _blocks(body, marked)
    weights = [block_weight(b) for b in walker.blocks]
    dropped = furniture_mask(walker, weights)
    weights = [0.0 if gone else w for w, gone in zip(weights, dropped, strict=True)]
    chosen = best_range(walker, weights)
    if chosen is None:
        return [b.text for b in walker.blocks if len(b.text) > 40 and b.link_share <= 0.5]
    start, end = chosen
    return [
        b.text
        for b, gone in zip(walker.blocks[start:end], dropped[start:end], strict=True)
        if not gone and keep_block(b)
    ]
