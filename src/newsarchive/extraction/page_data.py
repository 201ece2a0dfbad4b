"""An article's text that a JavaScript framework ships only in its page data.

A Next.js site may render the headline, the date and the lead on the server and leave the
rest of the text to the browser (a component loaded without server rendering, a rich
text field drawn by script): the words are in the page's ``__NEXT_DATA__`` JSON, as the
post's ``content`` HTML, and nowhere in the markup. Read as the markup alone, such an
article was archived as its lead. The post is found by the headline the page shows, so
another item of the data (a list of related posts, the menu) is never read as the text.

Nuxt does the same with its own payloads: Nuxt 2's ``window.__NUXT__=(function(a,b){…}
(…))`` script and Nuxt 3's ``<script id="__NUXT_DATA__">`` in devalue's flat form, read
by the decoders discovery reads their listings with (``newsarchive.jsvalue``,
``newsarchive.devalue``), under the same guards.

A reader app may show nothing at all in its markup ("Loading story…" in an empty shell)
while the page's JSON-LD states the whole text as the article's ``articleBody``: that is
read where the markup's text is too short to be an article's (``text_in_jsonld``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.char_references import unescape_references
from newsarchive.devalue import is_flat, unflatten
from newsarchive.extraction.blocks import lines, walk_blocks
from newsarchive.extraction.metadata import NUXT_ROOT, PAGE_DATA
from newsarchive.jsvalue import nuxt_payload

# The fields a headless CMS gives a post's text as HTML, most common first
_TEXT_KEYS = ("content", "body", "html", "bodyHtml", "contentHtml", "text")
_TITLE_KEYS = ("title", "headline")
# Past this many values the data is no post's props (a hostile or a huge page): not read
_MAX_VALUES = 20_000
_MAX_DATA = 2_000_000  # characters of JSON read at most
_NUXT3_ID = "__NUXT_DATA__"
_QUOTES = "\"'`"


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
    name = " ".join(title.split())
    if not name or not paragraphs:
        return paragraphs
    for data in _page_data(tree, scripts, paragraphs[0]):
        for post in _posts_titled(data, name):
            lines = _html_lines(post)
            if not lines or any(line in paragraphs for line in lines):
                continue  # (the markup shows the text: what it left out of it was chosen so)
            own = {" ".join(v.split()) for v in post.values() if isinstance(v, str)}
            if all(p in own for p in paragraphs):
                return [*paragraphs, *lines]
    return paragraphs


def _page_data(
    tree: LexborHTMLParser, scripts: list[LexborNode] | None, first: str
) -> Iterator[object]:
    """The page's data that may hold its post: Next.js's ``props``; on a Nuxt app's
    page, a Nuxt 2 payload's value and a Nuxt 3 payload unflattened. Each read only when
    asked for (the first post found ends the reading), and a Nuxt payload only where its
    text holds ``first``, the markup's first paragraph, as a string of its own (the guard
    of ``text_in_page_data`` wants it a field of the post): decoding a payload costs
    more than the rest of the page's extraction (3-6 ms on each of AEB's three Nuxt
    pages, whose markup shows their text), and one escaping a character of it (a
    ``"``) is left unread, the markup's text kept."""
    if scripts is None:
        scripts = tree.css(PAGE_DATA)
    nuxt = False
    for element in scripts:
        if element.tag == "script":
            data = _json(element.text(deep=True))
            if isinstance(data, dict):
                yield data.get("props")
        elif element.attributes.get("id") == NUXT_ROOT:
            nuxt = True
    if not nuxt:
        return
    for script in tree.css("script"):
        attrs = script.attributes
        if "src" in attrs:
            continue
        text = script.text(deep=True)
        if not _holds_string(text, first):
            continue
        if attrs.get("id") == _NUXT3_ID:
            data = _json(text)
            if isinstance(data, list) and is_flat(data):
                yield unflatten(data)
        elif "__NUXT__" in text and (payload := nuxt_payload(text)) is not None:
            yield payload


def _holds_string(text: str, line: str) -> bool:
    """``line`` stands in ``text`` as a whole string literal, between two like quotes."""
    at = text.find(line)
    while at > 0:
        quote = text[at - 1]
        if quote in _QUOTES and text.startswith(quote, at + len(line)):
            return True
        at = text.find(line, at + 1)
    return False


def _json(raw: str) -> object:
    """``raw`` read as JSON; None past ``_MAX_DATA`` or where it is not JSON (or nested
    past the C parser's depth)."""
    if len(raw) > _MAX_DATA:
        return None
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


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
            return _lines_of_html(value)
    return []


def _lines_of_html(value: str) -> list[str]:
    body = LexborHTMLParser(value).body
    if body is None:
        return []
    walker = walk_blocks(body)
    return lines(walker.blocks, walker.data_cells)


# An ``articleBody`` that is HTML, not the plain text schema.org asks for: a CMS's field
# copied as it is stored ("<p>A state inspection…</p>").
_HTML_BODY = re.compile(r"<(?:p|br|div|h[2-6]|ul|li)\b", re.IGNORECASE)


def text_in_jsonld(bodies: list[tuple[str, str]], title: str) -> list[str]:
    """The paragraphs of the ``articleBody`` of the page's JSON-LD article whose headline
    is ``title`` (``Metadata.jsonld_bodies``), one a line, blank lines between them or
    none ("…released Monday.\n\nInspectors found…"); [] where no article of that headline
    states one. Another article's node (a related story in the ``@graph``) is never read
    as this page's text."""
    name = " ".join(title.split())
    for headline, body in bodies:
        if not name or headline != name:
            continue
        if _HTML_BODY.search(body):
            return _lines_of_html(body)
        plain = unescape_references(body)  # ("Smith &amp; Jones": JSON is no HTML)
        return [line for line in (" ".join(part.split()) for part in plain.splitlines()) if line]
    return []
