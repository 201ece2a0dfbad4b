"""How a page's class and id names are read for a word. Below every stage since two read
them so: discovery a menu's or footer's box (``discover.furniture``), extraction the
boilerplate, embeds and related lists it drops or keeps (``extraction.clean``,
``extraction.furniture``)."""

from __future__ import annotations

import functools
import re

# Words that say a class is NOT what the word after them names: Weebly's every content
# box is "wsite-elements wsite-not-footer", a theme's main column "no-sidebar" (each a
# whole word itself: "piano-footer" still names a footer)
_NEGATIONS = ("not", "no", "non", "without")
_NOT_NEGATED = "".join(rf"(?<!(?<![^\s_-]){word}[_-])" for word in _NEGATIONS)


def class_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """``words`` as a class or id names them: each a whole word of the string, between its
    start or end and a space, "_" or "-" ("news-teaser", "box see-also"), in any case, and
    not negated ("wsite-not-footer", "no-sidebar": ``_NEGATIONS``). Why the negation: a
    Weebly blog's posts all stand in ``div.wsite-not-footer``, which named them a footer,
    and the listing's last page, its one post outside any run, lost it as furniture."""
    return re.compile(
        rf"(?:^|[\s_-]){_NOT_NEGATED}(?:{'|'.join(words)})(?:$|[\s_-])", re.IGNORECASE
    )


# The class words themes hide their stamps for machines by, their stylesheets' own
# ``display: none``: Avada's "rich-snippet-hidden" on the post's title, author and last
# change ("<span class="updated rich-snippet-hidden">2026-11-27T12:42:12+02:00</span>"
# beside the "23.11.2026" the reader sees). Never text a reader sees: not the article's
# date (``extraction.clean.is_hidden``) nor a listing card's (``discover.cards``).
SNIPPET_CLASSES = frozenset(("rich-snippet-hidden",))
SNIPPET_SELECTOR = ", ".join(f".{name}" for name in sorted(SNIPPET_CLASSES))


# Attributes a build names an element's part in beside its class, for its scripts and
# tests ("<span data-hook="user-name">" on a Wix post, "data-testid="byline-name"" on a
# React site): where the build hashes the class names ("_2Hij5", "css-1x2y3z") they are
# all that still says what the element is, and "data-testid="post-author"" says as much
# as "class="post-author"". (``itemprop`` is read apart: schema.org's own vocabulary.)
NAMING_ATTRIBUTES = (
    "data-hook",
    "data-testid",
    "data-test-id",
    "data-test",
    "data-qa",
    "data-cy",
    "data-component",
    "data-element",
)


# (as the page's bytes spell them before their values: the page is searched for them)
_NAMING_NEEDLE = re.compile(
    rb"(" + b"|".join(re.escape(n.encode()) for n in NAMING_ATTRIBUTES) + rb")="
)


def naming_attributes_in(raw: bytes) -> tuple[str, ...]:
    """The naming attributes (``NAMING_ATTRIBUTES``) a page's bytes hold. Why ask: lexbor
    tests each part of a selector on every element, and eight attributes for each word
    made the byline and date queries dearer by a fifth of all extraction on AEB, whose
    pages hold few of them; one search of the bytes costs a few percent, so the rules
    ask only where the classes named nothing."""
    found = {m.decode() for m in _NAMING_NEEDLE.findall(raw)}
    return tuple(name for name in NAMING_ATTRIBUTES if name in found)


@functools.cache
def named_selector(words: tuple[str, ...], attributes: tuple[str, ...], fold: bool) -> str:
    """Elements whose naming attribute, among ``attributes`` (the page's:
    ``naming_attributes_in``), holds one of ``words``, in any case where ``fold``
    ("author-name", "BylineName"): the class selectors' ``[class*=…]`` for the names a
    build keeps when it hashes its classes. "" where the page has none of them."""
    flag = " i" if fold else ""
    return ", ".join(f'[{name}*="{word}"{flag}]' for word in words for name in attributes)


def named_words(attrs: dict[str, str | None]) -> str:
    """The values of an element's naming attributes (``NAMING_ATTRIBUTES``), one string:
    read as its class is read where a rule counts its words."""
    return " ".join(value for name in NAMING_ATTRIBUTES if (value := attrs.get(name)))
