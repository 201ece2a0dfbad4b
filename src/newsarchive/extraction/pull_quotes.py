"""Pull quotes: a sentence of the text set large beside it, printed twice on the page.

A theme or the block editor repeats a line of the article in a box of its own
(``<blockquote class="pullquote">``, ``<aside class="pull-quote">``,
``<figure class="wp-block-pullquote">``) for the eye; the reader reads it once, in the
text. Walked as any quotation is, the archive held that sentence twice (lozarevo, round
64). Only a box whose words the page prints again elsewhere is skipped: a pull quote of
words found nowhere else on the page (the block editor's quotation of someone not quoted
in the text) is the text's own.
"""

from __future__ import annotations

from selectolax.lexbor import LexborNode

# A quote shorter than this may be a word or two the text uses anyway: never skipped
_MIN_CHARS = 20


def _squash(text: str) -> str:
    return " ".join(text.split())


def repeated_pull_quotes(root: LexborNode, quotes: list[LexborNode]) -> set[int]:
    """The ``mem_id`` of each pull quote in ``quotes`` whose longest paragraph (its
    ``<p>``, else its whole text: a ``<cite>`` under it is no part of the sentence) the
    page under ``root`` prints at least twice, once in the quote: a repetition of the
    text. The page's text is read only where a page holds a pull quote."""
    found: set[int] = set()
    page = ""
    for quote in quotes:
        parts = [_squash(p.text(deep=True)) for p in quote.css("p")]
        line = max(parts, key=len) if parts else _squash(quote.text(deep=True))
        if len(line) < _MIN_CHARS:
            continue
        if not page:
            page = _squash(root.text(deep=True, separator=" "))
        if page.count(line) >= 2:
            found.add(quote.mem_id)
    return found
