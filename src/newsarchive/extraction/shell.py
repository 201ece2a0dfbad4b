"""A script's shell: an article page whose markup holds only a placeholder ("Зареждане на
новината…", a ``<noscript>`` asking for JavaScript) that a script fills from an API,
beside the site's furniture.

Why the extractor must say so: read without the script, such a page has no article, yet
the generic rules, finding nothing in the main column, fall back on the furniture's one
line of prose ("Работно време: 8:00 – 17:00 ч." in the footer), and the crawl archived
that line as the article's text, under its true title, for every article of the site.
The page is then said to be a ``SCRIPT_SHELL`` (``page_kind``'s way), and the crawl
archives nothing from it unless something better is known (the site's feed holding the
text: ``feed_text``).

Only when both hold: the page shows a placeholder outside its furniture, and the text
extracted is short and stands wholly inside the furniture (or is empty). A short notice
is an article: its lines stand in the main column, whatever spinner a comments box or a
weather widget shows beside them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extraction.furniture import in_furniture, is_furniture
from newsarchive.markup import TAG_NAMES

SCRIPT_SHELL = "script's shell"

# A shell's text is a line or two of the footer; more is more than furniture tells
_MAX_WORDS = 40
# Longer than this, an element's text is no placeholder: a loading line is a line
_MAX_SAID = 200
# The elements a placeholder is
_PLACEHOLDER_TAGS = frozenset({"div", "p", "span", "noscript"})
# A word one of the two patterns below needs: a page whose text holds none has no
# placeholder, and no element of it is read (one search of the page's text, in C)
_PLACEHOLDER_WORD = re.compile(r"зарежд|изчакайте|loading|please\s+wait|javascript", re.I)
# The placeholder, a whole element's text: "Зареждане…", "Зареждане на новината...",
# "Моля, изчакайте", "Loading…"
_LOADING = re.compile(
    r"(?:зареждане|зарежда\s+се|моля,?\s+изчакайте|loading|please\s+wait)"
    r"(?:\s+(?:на\s+)?(?:новината|статията|публикацията|съдържанието|страницата|материала"
    r"|content|article|page))?\s*(?:\.{2,}|…)?",
    re.IGNORECASE,
)
# What a ``<noscript>`` of such a page says: turn JavaScript on to read it
_SCRIPT_NEEDED = re.compile(
    r"(?:включете|разрешете|активирайте|enable|turn\s+on)\s+(?:на\s+)?javascript"
    r"|javascript\s+(?:is\s+)?(?:required|disabled|needed)|изисква\s+javascript",
    re.IGNORECASE,
)


def is_script_shell(tree: LexborHTMLParser, text: str) -> bool:
    """Whether the page is a script's shell (see the module's docstring): ``text`` the
    extracted body, ``tree`` the page."""
    body = tree.body
    if len(text.split(maxsplit=_MAX_WORDS)) > _MAX_WORDS or body is None:
        return False
    if not _PLACEHOLDER_WORD.search(body.text(deep=True, separator=" ")):
        return False
    if not any(
        _placeholder(node, tag, said)
        for node, tag, said in _short_texts(body)
        if tag in _PLACEHOLDER_TAGS
    ):
        return False
    lines = [" ".join(line.split()) for line in text.split("\n") if line.strip()]
    if not lines:
        return True
    furniture = " ".join(
        " ".join(node.text(deep=True, separator=" ").split())
        for node in body.css("footer, aside, nav, header, div, ul")
        if is_furniture(node) and not in_furniture(node.parent or node)
    )
    return all(line in furniture for line in lines)


def _placeholder(node: LexborNode, tag: str, said: str) -> bool:
    """A loading line as an element's whole text (``said``), or a ``<noscript>`` asking
    for JavaScript, outside the page's furniture."""
    if not said:
        return False
    if tag == "noscript":
        found = bool(_SCRIPT_NEEDED.search(said))
    else:
        found = _LOADING.fullmatch(said) is not None
    return found and not in_furniture(node)


def _short_texts(root: LexborNode) -> Iterator[tuple[LexborNode, str, str]]:
    """Every element under ``root`` whose text is at most ``_MAX_SAID`` characters, with
    its tag and that text, words single-spaced (``text(deep=True, separator=" ")``
    squashed), innermost first.

    One walk of the tree, each element's words gathered from its children's while they
    are few. Reading each element's text whole cost a page its size times its depth: a
    short page of 5,000 nested ``<div>``s took 8 s (``bench/hostile_bench.py``), every
    element's text read to find it longer than a line.
    """
    names = TAG_NAMES
    # the elements entered, innermost last, each with its tag and its words so far (None
    # once past the bound) and their length, single-spaced
    open_: list[tuple[LexborNode, str, list[str] | None, int]] = []
    words: list[str] | None = []
    size = 0
    node = root.first_child
    while True:
        while node is None:
            if not open_:
                return
            element, tag, above, above_size = open_.pop()
            if words is not None:
                said = " ".join(words)
                yield element, tag, said
                if above is not None and said:
                    above_size += len(said) + (1 if above else 0)
                    above = above + words if above_size <= _MAX_SAID else None
            else:
                above = None
            words, size = above, above_size
            node = element.next
        tag = names.get(node.tag_id) or node.tag or ""
        if tag == "-text":
            if words is not None and (more := (node.text_content or "").split()):
                size += len(" ".join(more)) + (1 if words else 0)
                words = words + more if size <= _MAX_SAID else None
            node = node.next
        elif tag.startswith(("-", "_", "!")):  # a comment, a doctype: no text
            node = node.next
        else:
            open_.append((node, tag, words, size))
            words, size = [], 0
            node = node.first_child
