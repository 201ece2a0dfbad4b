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
# How much more prose than furniture an ancestor must add to be taken into the article.
DENSITY = 2.0
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
    parent: int = -1
    grandparent: int = -1


class _Walker:
    """Single DOM pass collecting blocks and each container's block range.

    Iterative (``child``/``next``/``parent``) rather than recursive so a pathologically
    deep document cannot hit Python's recursion limit.
    """

    def __init__(self, marked: frozenset[int] = frozenset()) -> None:
        self.blocks: list[Block] = []
        self.ranges: list[tuple[int, int, int]] = []
        self.marked_ranges: list[tuple[int, int]] = []
        self._marked = marked
        self._buf: list[str] = []
        self._raw = 0
        self._link_raw = 0
        self._links = 0
        self._owners: list[tuple[str, int, int]] = []
        self._serial = 0
        self._open_marks: list[tuple[int, int]] = []

    def flush(self) -> None:
        text = _squash("".join(self._buf))
        if text:
            share = self._link_raw / self._raw if self._raw else 0.0
            owners = self._owners
            tag = owners[-1][0] if owners else "body"
            parent = owners[-2][2] if len(owners) > 1 else -1
            grandparent = owners[-3][2] if len(owners) > 2 else -1
            self.blocks.append(Block(text, min(share, 1.0), tag, parent, grandparent))
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
            self._serial += 1
            self._owners.append((tag, len(self.blocks), self._serial))
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
                _, start, serial = self._owners.pop()
                if len(self.blocks) > start:
                    self.ranges.append((serial, start, len(self.blocks)))
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
        self._owners.append((root.tag or "body", 0, 0))
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
    prose = size >= 25 and _SENTENCE_END.search(block.text) is not None
    if block.link_share > (0.75 if prose and size >= 100 else 0.5):
        return -size * block.link_share
    if block.tag in _HEADINGS:
        return 0.0
    if size >= 80 or prose:
        return size * (1.0 - block.link_share)
    return -0.5 * size


def _core(walker: _Walker, weights: list[float]) -> tuple[int, int] | None:
    """Range of the element whose child blocks hold the most prose (the readability idea).

    Crediting only a block's parent (fully) and grandparent (half) finds the element that
    directly holds the article's paragraphs; a teaser list, whose excerpts each sit in their
    own card, spreads its credit thin.
    """
    credit: dict[int, float] = {}
    for block, weight in zip(walker.blocks, weights, strict=True):
        if weight > 0:
            credit[block.parent] = credit.get(block.parent, 0.0) + weight
            credit[block.grandparent] = credit.get(block.grandparent, 0.0) + weight / 2
    spans = {serial: (start, end) for serial, start, end in walker.ranges}
    scored = [(value, serial) for serial, value in credit.items() if serial in spans]
    if not scored:
        return None
    return spans[max(scored)[1]]


def best_range(walker: _Walker, weights: list[float]) -> tuple[int, int] | None:
    """The core element's range, widened to each ancestor that adds dense prose.

    An ancestor is taken when what it adds around the current range is mostly prose (the
    rest of an article split across wrappers, with ad slots between); a sidebar, a teaser
    list or a footer adds as much furniture as prose and stops nothing further up from
    being considered, but is not itself taken.
    """
    core = _core(walker, weights)
    if core is None:
        return None
    start, end = core
    ancestors = sorted(
        (e - s, s, e)
        for _, s, e in walker.ranges
        if s <= start and e >= end and e - s > end - start
    )
    for _, wider_start, wider_end in ancestors:
        if wider_start >= start and wider_end <= end:
            continue
        extra = weights[wider_start:start] + weights[end:wider_end]
        gain = sum(w for w in extra if w > 0)
        cost = -sum(w for w in extra if w < 0)
        if gain > 0 and gain >= DENSITY * cost:
            start, end = wider_start, wider_end
    return start, end


def furniture_mask(walker: _Walker, weights: list[float], *, lenient: bool) -> list[bool]:
    """Blocks inside furniture-marked elements; ``lenient`` spares marks holding most prose.

    Marks holding over half the prose necessarily nest, so sparing them spares one chain of
    wrappers, which is what a theme calling its article column ``penci_sidebar`` or
    ``entry-content-read-more`` needs.
    """
    total = sum(w for w in weights if w > 0) or 1.0
    dropped = [False] * len(walker.blocks)
    for start, end in walker.marked_ranges:
        if lenient and sum(w for w in weights[start:end] if w > 0) > 0.5 * total:
            continue
        dropped[start:end] = [True] * (end - start)
    return dropped


def _choose(walker: _Walker, raw: list[float]) -> tuple[tuple[int, int] | None, list[bool]]:
    """Best range with every furniture mark honoured, unless sparing wrappers finds far more.

    Honouring marks wins when it still finds at least half the prose weight: a long footer
    notice marked ``footer`` must not beat a short article, and a lost article column is
    recognised by the strict choice collapsing to a sliver.
    """
    options: list[tuple[float, tuple[int, int] | None, list[bool]]] = []
    for lenient in (False, True):
        dropped = furniture_mask(walker, raw, lenient=lenient)
        weights = [
            -len(b.text) if gone else w
            for w, gone, b in zip(raw, dropped, walker.blocks, strict=True)
        ]
        chosen = best_range(walker, weights)
        score = sum(w for w in weights[chosen[0] : chosen[1]] if w > 0) if chosen else 0.0
        options.append((score, chosen, dropped))
    (strict_score, strict, strict_drop), (lenient_score, loose, loose_drop) = options
    if strict is not None and strict_score >= 0.5 * lenient_score:
        return strict, strict_drop
    return loose, loose_drop


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
    chosen, dropped = _choose(walker, [block_weight(b) for b in walker.blocks])
    if chosen is None:
        return [b.text for b in walker.blocks if len(b.text) > 40 and b.link_share <= 0.5]
    start, end = chosen
    return [
        b.text
        for b, gone in zip(walker.blocks[start:end], dropped[start:end], strict=True)
        if not gone and keep_block(b)
    ]
