"""A photo gallery's text: its pictures' captions, where they hold its prose.

A caption is furniture to the choice of the text (``figcaption`` among
``clean.FURNITURE_TAGS``, the class words "caption", "gallery", "slideshow"): under an
article's photograph it is a credit or a line restating the text, and the text is the
article's paragraphs. A gallery page is the other way round: a line of intro over a run
of captioned pictures, the captions telling what happened ("2 of 5 — Volunteers from the
fire department ride a restored 1948 engine…"). Read as furniture, such a page was
archived as its intro alone. So where the text chosen is short and the page's captions
hold far more prose than it, the captions are read as the text's paragraphs.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extraction.blocks import Block, squash
from newsarchive.extraction.content import block_weight
from newsarchive.markup import within

# The elements a caption is printed in: the ``<figcaption>``, and an element whose class
# names it (WordPress's "wp-caption-text", a slideshow's "slide-caption", "imageCaption").
_CAPTIONS = "figcaption, [class*=caption], [class*=Caption]"
_PICTURE = "img, picture"
# What a caption element never holds: the picture (WordPress's "wp-caption" box holds it
# and its "wp-caption-text"), or a heading (a shop's or a blog list's card, "<div
# class="caption"><h4><a>…</a></h4><p>excerpt…</p></div>" beside its thumbnail).
_NOT_A_CAPTION = "img, picture, h1, h2, h3, h4, h5, h6"
# A text this long is an article's, whatever its pictures' captions say: a gallery's
# intro is a line or two.
_SHORT_TEXT = 600
# A gallery is a run of pictures, not a photograph or two under a short item.
_GALLERY_PICTURES = 3
# The captions read as the text only when they hold more than this many times the text's
# prose: an article's own photographs' captions restate a little of it.
_CAPTION_SHARE = 2
# How much of a line finds it in the page's text (a line's end may be cut or joined).
_LINE_KEY = 40
# Where a caption is a teaser's or the page's, not the gallery's.
_NOT_THE_PAGES = frozenset(("nav", "aside", "footer", "header"))


def with_gallery_captions(tree: LexborHTMLParser, paragraphs: list[str]) -> list[str]:
    """``paragraphs``, the text chosen, with the captions of the page's pictures after it
    (in page order, each once) where the text is short (``_SHORT_TEXT``), at least
    ``_GALLERY_PICTURES`` pictures carry a caption that is prose, and those captions hold
    more than ``_CAPTION_SHARE`` times the text's characters; else ``paragraphs``."""
    shown = sum(map(len, paragraphs))
    if shown >= _SHORT_TEXT:
        return paragraphs
    captions = [line for line in _captions(tree) if line not in paragraphs]
    if len(captions) < _GALLERY_PICTURES:
        return paragraphs
    if sum(map(len, captions)) <= _CAPTION_SHARE * shown:
        return paragraphs
    if paragraphs and not _after_the_text(tree, paragraphs[-1], captions[0]):
        return paragraphs  # pictures set into an article that goes on under them
    return [*paragraphs, *captions]


def _after_the_text(tree: LexborHTMLParser, last: str, caption: str) -> bool:
    """Whether the first caption stands after the text's ``last`` line in the page: a
    gallery under its intro, not an article's pictures between its paragraphs (a
    village's feast told in three lines, twenty photographs set between the second and
    the third: the text is the three lines)."""
    body = tree.body
    shown = squash(body.text(deep=True) or "") if body is not None else ""
    at = shown.find(last[:_LINE_KEY])
    return at >= 0 and shown.find(caption[:_LINE_KEY], at) >= 0


def _captions(tree: LexborHTMLParser) -> list[str]:
    """The prose captions of the page's pictures, in page order, each once: a caption
    element holding no picture or heading itself (``_NOT_A_CAPTION``) whose parent or
    grandparent holds a picture, outside the page's navigation, side column, header and
    footer, and prose as the text's blocks are weighed (``content.block_weight``: a
    sentence, not a credit or a link's title)."""
    found: dict[str, None] = {}
    for node in tree.css(_CAPTIONS):
        if node.css_first(_NOT_A_CAPTION) is not None or not _beside_picture(node):
            continue
        text = squash(node.text(deep=True) or "")
        if not text or text in found or within(node, _NOT_THE_PAGES):
            continue
        linked = sum(len(squash(a.text(deep=True) or "")) for a in node.css("a"))
        block = Block(text, linked / len(text), "p", size=len(text))
        if block_weight(block) > 0:
            found[text] = None
    return list(found)


def _beside_picture(node: LexborNode) -> bool:
    """A picture stands in the caption's parent or grandparent: the figure it captions."""
    up = node.parent
    for _ in range(2):
        if up is None:
            return False
        if up.css_first(_PICTURE) is not None:
            return True
        up = up.parent
    return False
