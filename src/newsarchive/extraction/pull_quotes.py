"""Pull quotes: a sentence of the text set large beside it, printed twice on the page.

A theme or the block editor repeats a line of the article in a box of its own
(``<blockquote class="pullquote">``, ``<aside class="pull-quote">``,
``<figure class="wp-block-pullquote">``) for the eye; the reader reads it once, in the
text. Walked as any quotation is, the archive held that sentence twice (lozarevo, round
64). Only a box whose words the page prints again elsewhere is skipped: a pull quote of
words found nowhere else on the page (the block editor's quotation of someone not quoted
in the text) is the text's own.

Told as the walk of the page's text enters each element (``blocks.Walker``), from the
class it reads there: their selectors in the metadata's query of the whole page cost 1.5%
of extracting AEB's pages (callgrind), for the few pages that hold one.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

# The class words themes and WordPress's block editor give a pull quote
PULL_QUOTES = ".pullquote, .pull-quote, .wp-block-pullquote"
_PULL_WORDS = frozenset(("pullquote", "pull-quote", "wp-block-pullquote"))
# A quote shorter than this may be a word or two the text uses anyway: never skipped
_MIN_CHARS = 20


def _squash(text: str) -> str:
    return " ".join(text.split())


class RepeatedPullQuotes:
    """Whether an element under ``root`` is a pull quote (``PULL_QUOTES``) whose longest
    paragraph (its ``<p>``, else its whole text: a ``<cite>`` under it is no part of the
    sentence) the page under ``root`` prints at least twice, once in the quote: a
    repetition of the text. The page's text is read only where a page holds a pull
    quote, once."""

    def __init__(self, root: LexborNode) -> None:
        self._root = root
        self._page = ""

    def __call__(self, node: LexborNode, classes: str) -> bool:
        """``classes``: the element's ``class``, which the walk asking has read. Its words
        are tested before lexbor's own match, which alone is exact (HTML's whitespace,
        a quirks-mode page's case): the class word in Python's sense too, as the query
        once listing them was filtered."""
        if _PULL_WORDS.isdisjoint(classes.split()) or not node.css_matches(PULL_QUOTES):
            return False
        parts = [_squash(p.text(deep=True)) for p in node.css("p")]
        line = max(parts, key=len) if parts else _squash(node.text(deep=True))
        if len(line) < _MIN_CHARS:
            return False
        if not self._page:
            self._page = _squash(self._root.text(deep=True, separator=" "))
        return self._page.count(line) >= 2
