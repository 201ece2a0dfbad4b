"""Main text: turn a subtree into paragraphs, and find the article subtree when no profile can.

The generic finder scores block containers by the amount of non-link text in their
paragraphs (the readability idea), then keeps the best container's sibling blocks that
look like prose too, so text split across wrappers is not lost.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extract.clean import (
    remove_boilerplate_elements,
    remove_junk,
)

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead "
    "tr ul body html center".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg iframe head title".split())
_WS = re.compile(r"[ \t\r\f\v\u00a0\u200b]+")


def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


def node_paragraphs(node: LexborNode) -> list[str]:
    """Paragraph texts of a subtree in document order; blocks and ``<br>`` split paragraphs."""
    out: list[str] = []
    buf: list[str] = []

    def flush() -> None:
        text = _squash("".join(buf))
        if text:
            out.append(text)
        buf.clear()

    def walk(current: LexborNode) -> None:
        child = current.child
        while child is not None:
            tag = child.tag
            if tag == "-text":
                buf.append(child.text_content or "")
            elif tag == "br":
                flush()
            elif tag in _SKIP_TAGS or tag == "_comment" or tag is None:
                pass
            elif tag in BLOCK_TAGS:
                flush()
                walk(child)
                flush()
            else:
                walk(child)
            child = child.next

    walk(node)
    flush()
    return out


def _link_text_length(node: LexborNode) -> int:
    return sum(len(a.text(deep=True) or "") for a in node.css("a"))


def _score_candidates(body: LexborNode) -> dict[int, tuple[float, LexborNode]]:
    scores: dict[int, tuple[float, LexborNode]] = {}
    for para in body.css("p, pre, td, blockquote"):
        text = _squash(para.text(deep=True) or "")
        if len(text) < 25:
            continue
        links = _link_text_length(para)
        value = (1 + text.count(",") + min(len(text) // 100, 3)) * (1 - links / max(len(text), 1))
        parent = para.parent
        weight = 1.0
        for _ in range(2):
            if parent is None or parent.tag in ("html", None):
                break
            key = parent.mem_id
            old = scores.get(key, (0.0, parent))[0]
            scores[key] = (old + value * weight, parent)
            parent = parent.parent
            weight = 0.5
    return scores


def find_main_paragraphs(tree: LexborHTMLParser) -> list[str]:
    """Generic article text for a page no profile describes (or whose profile drifted)."""
    remove_junk(tree, furniture=True)
    remove_boilerplate_elements(tree)
    body = tree.body
    if body is None:
        return []
    scores = _score_candidates(body)
    if not scores:
        return [p for p in node_paragraphs(body) if len(p) > 40]
    _, best = max(scores.values(), key=lambda item: item[0])
    return node_paragraphs(best)
