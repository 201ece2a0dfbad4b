"""An article's text that a JavaScript framework ships only in its page data.

A Next.js site may render the headline, the date and the lead on the server and leave the
rest of the text to the browser (a component loaded without server rendering, a rich
text field drawn by script): the words are in the page's ``__NEXT_DATA__`` JSON, as the
post's ``content`` HTML, and nowhere in the markup. Read as the markup alone, such an
article was archived as its lead. The post is found by the headline the page shows, so
another item of the data (a list of related posts, the menu) is never read as the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extraction.blocks import walk_blocks
from newsarchive.extraction.metadata import PAGE_DATA

# The fields a headless CMS gives a post's text as HTML, most common first
_TEXT_KEYS = ("content", "body", "html", "bodyHtml", "contentHtml", "text")
_TITLE_KEYS = ("title", "headline")
# Past this many values the data is no post's props (a hostile or a huge page): not read
_MAX_VALUES = 20_000
_MAX_DATA = 2_000_000  # characters of JSON read at most


def text_in_page_data(
    tree: LexborHTMLParser,
    title: str,
    paragraphs: list[str],
    scripts: list[LexborNode] | None = None,
) -> list[str]:
    """``paragraphs``, the text read from the markup, with the text of the page data's
    post of this ``title`` after it, where the markup shows none of that text and every
    paragraph read is a field of the post's own (its lead): the markup's text is only
    ever added to, never taken for another's. Where the markup shows the text, the lines
    of it the extractor left out (a call to action, a portfolio box in a company blog's
    ``content``) stay out. ``scripts``: the page's ``PAGE_DATA`` elements where the
    metadata's reading listed them (``Metadata.page_data``), else the tree is asked."""
    if scripts is None:
        scripts = tree.css(PAGE_DATA)
    script = scripts[0] if scripts else None
    name = " ".join(title.split())
    if script is None or not name or not paragraphs:
        return paragraphs
    raw = script.text(deep=True)
    if len(raw) > _MAX_DATA:
        return paragraphs
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # (not JSON; arrays nested past the C parser's depth)
        return paragraphs
    props = data.get("props") if isinstance(data, dict) else None
    for post in _posts_titled(props, name):
        lines = _html_lines(post)
        if not lines or any(line in paragraphs for line in lines):
            continue  # (the markup shows the text: what it left out of it was chosen so)
        own = {" ".join(v.split()) for v in post.values() if isinstance(v, str)}
        if all(p in own for p in paragraphs):
            return [*paragraphs, *lines]
    return paragraphs


def _posts_titled(data: object, name: str) -> Iterator[dict[str, object]]:
    """The objects of ``data`` whose title is ``name``, in document order."""
    stack, seen = [data], 0
    while stack and seen < _MAX_VALUES:
        value = stack.pop()
        seen += 1
        if isinstance(value, dict):
            if any(
                isinstance(value.get(key), str) and " ".join(str(value[key]).split()) == name
                for key in _TITLE_KEYS
            ):
                yield value
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend(reversed(value))


def _html_lines(post: dict[str, object]) -> list[str]:
    """The paragraphs of the post's text field, the first that is HTML."""
    for key in _TEXT_KEYS:
        value = post.get(key)
        if isinstance(value, str) and "<" in value:
            body = LexborHTMLParser(value).body
            if body is not None:
                return [block.text for block in walk_blocks(body).blocks]
    return []
