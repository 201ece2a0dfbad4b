"""Where an article's fields must not come from, and where they usually are.

Furniture (footers, sidebars, menus, related-article lists) holds other articles' dates
and titles; the text right around the headline holds this article's date and byline.
Shared by the title, date and author pickers.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterator
from functools import cached_property, lru_cache
from typing import Generic, TypeVar

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive import date_stamps, dates
from newsarchive.class_names import class_words
from newsarchive.extraction import blocks, clean
from newsarchive.markup import TAG_NAMES
from newsarchive.memo import MEMO_CHARS, memoised

T = TypeVar("T")

_AFTER_TITLE = 400  # characters after the headline searched for its date
_CUT_LINE = 80  # a window's last line shorter than this, cut: a byline box's, not a paragraph
_BEFORE_TITLE = 120
_WINDOWS = 4  # ever larger ancestors that add text around the headline
_MAX_ANCESTORS = 16
# Where a date or title must never come from: related lists, sidebars, footers, menus.
FURNITURE_ELEMENTS = frozenset({"footer", "aside", "nav", "menu", "dialog", "marquee"})
# Related-article lists under names the generic boilerplate rules do not know, and the
# headings that introduce them: their dates belong to other articles.
_RELATED_ATTR = class_words(
    (
        *clean.RELATED_LIST_WORDS, "latest", "last-?news", "recent", "neighbou?rs?",
        "similar", "news-?list", "top-?news", "most-?viewed",
    )
)  # fmt: skip
# A part of every name there, for the cheap test before the search (``clean.may_hold``).
_RELATED_STEMS = tuple("also latest news recent next neighbo similar teaser viewed".split())
# A short heading ("Виж още:", "Още от Русе", "Related") that opens such a list, not a
# sentence that merely starts with one of those words (as the body's cut reads one:
# ``clean.STANDS_AS_RELATED``).
_RELATED_HEADING = re.compile(
    rf"^(?:{clean.RELATED_HEADINGS}|more){clean.RELATED_MORE_WORDS}\s*:?$", re.IGNORECASE
)
_HEADING_TAGS = frozenset(("h2", "h3", "h4", "h5", "strong", "b", "span", "div", "p"))
# A related list's heading is short (``_HEADING_CHARS``), and of few nodes: past
# ``_HEADING_NODES`` in a box's first child its text is not read. The most in a heading
# of 40 characters or fewer on the 892 dev pages is 151; read whole, the first child of
# each of a tree's 256 capped levels (2 MB of nested ``<b>``s, the levels' last child
# holding 666,000) took 8 s.
_HEADING_CHARS = 40
_HEADING_NODES = 1000
_TEXT_ID = next(number for number, name in TAG_NAMES.items() if name == "-text")


def _reads_as_related_heading(heading: str) -> bool:
    # (a tag line's label, "Свързани теми:", and its links: no related list's heading)
    return _RELATED_HEADING.match(heading) is not None and not clean.TAG_LABEL.match(heading)


# Memoised: the first heading of many a box is asked again (a card's "By", a writer's
# name, a widget's title; two in five of AEB's are a page's repeats), and a regex call
# costs some thousands of instructions however soon it fails.
_related_heading = memoised(_reads_as_related_heading, 256)


def _reads_as_related(marker: str) -> bool:
    """Memoised: themes repeat the same class strings on every card of a list. A field of
    one item ("news-list-author": ``clean.FIELD_TOKEN``) is not the list; the list's own
    element still is."""
    lower = marker.lower()
    if not clean.may_hold(lower, _RELATED_STEMS):
        return False
    if clean.may_hold(lower, clean.METADATA_STEMS):
        marker = clean.FIELD_TOKEN.sub(" ", marker)
    return bool(_RELATED_ATTR.search(marker))


_related_marker = memoised(_reads_as_related, 20_000)

# What an element's class and id name it, bits of ``_reads_names``.
_NAMES_FURNITURE = 1
_NAMES_RELATED = 2


def _reads_names(cls: str, ident: str) -> int:
    """What a class and an id name an element: furniture to the metadata rules (either
    value, as ``clean.is_furniture_attrs`` reads them: ``_NAMES_FURNITURE``) and a
    related list (both together: ``_NAMES_RELATED``). Both read at once and kept in one
    memo (``_named``), not each in its own: ``_marked_furniture`` asks them of nearly
    every element it meets, and three look-ups of the same values cost more than the
    tests behind them."""
    named = 0
    if (cls and clean.reads_as_furniture(cls)) or (ident and clean.reads_as_furniture(ident)):
        named = _NAMES_FURNITURE
    if _reads_as_related(f"{cls} {ident}"):
        named |= _NAMES_RELATED
    return named


_named = lru_cache(maxsize=20_000)(_reads_names)


def is_furniture(node: LexborNode) -> bool:
    """This element itself is a footer, sidebar, menu or related-article list.

    An element that only its class or id names furniture is not, when it holds a
    headline (``<h1>``): themes name the article's own column "main-wrap has-rail-right",
    "article-banner" or "story-sidebar-mode", and a real sidebar does not carry the page's
    headline; nor is a part of that box's BEM block named furniture only by the block's
    name (``_in_the_headlines_block``: Tilda's "t-feed__post-popup__date-wrapper"), for
    every reader, the date and title rules as much as the byline's. A footer, aside, nav,
    menu or dialog element is furniture whatever it holds (a mega-menu built of h1s, a
    footer's site name), except the ``<footer>`` of an ``<article>``, where HTML puts
    that article's byline and date (Drupal prints the headline outside the
    ``<article>``); a related card's ``<article>`` is still furniture through the list
    that holds it. An aside or nav holding the page's ``<main>`` is one left unclosed
    above it (a banner's ``<aside>``), not a sidebar.
    """
    tag = TAG_NAMES.get(node.tag_id) or node.tag  # (``markup.TAG_NAMES``: no str built)
    if tag in FURNITURE_ELEMENTS:
        if tag == "footer":
            return node.parent is None or not _up_to_body(
                node.parent, lambda parent: parent.tag == "article"
            )
        return tag not in ("aside", "nav") or node.css_first("main") is None
    return (
        _marked_furniture(node, tag or "")
        and node.css_first("h1") is None
        and not _in_the_headlines_block(node)
    )


def _marked_furniture(
    node: LexborNode, tag: str | None = None, attrs: dict[str, str | None] | None = None
) -> bool:
    """``tag``: the node's, where the caller read it already (selectolax builds the str
    anew at each read); ``attrs``: its attributes read so, or as another class would
    make them (``_in_the_headlines_block``)."""
    if tag is None:
        tag = node.tag or ""
    if tag in FURNITURE_ELEMENTS:
        return True
    if attrs is None:
        attrs = node.attributes
    cls, ident = attrs.get("class") or "", attrs.get("id") or ""
    named = 0
    if cls or ident:  # (memoised for values of ordinary length: ``memo.MEMO_CHARS``)
        short = len(cls) + len(ident) <= MEMO_CHARS
        named = _named(cls, ident) if short else _reads_names(cls, ident)
    # ``clean.is_furniture_attrs`` holds only for a role or the names it reads (above)
    if (named & _NAMES_FURNITURE or "role" in attrs) and clean.is_furniture_attrs(tag, attrs):
        return True
    if tag in ("article", "main", "h1"):
        return False
    if named & _NAMES_RELATED:
        return True
    # Asked of nearly every element walked, so no str is built that is not read: lexbor
    # tells indentation (``is_empty_text_node``), and a tag is read as its number
    # (``markup.TAG_NAMES``).
    names = TAG_NAMES
    first = node.first_child
    while first is not None:
        first_tag = names.get(first.tag_id) or first.tag
        if first_tag != "-text" or not (
            first.is_empty_text_node or not (first.text_content or "").strip()
        ):
            break
        first = first.next
    if (
        first is not None
        and first_tag in _HEADING_TAGS
        and not _holds_blocks(first)
        and _may_be_heading(first)
    ):
        heading = " ".join(first.text_lexbor().split())
        return len(heading) <= _HEADING_CHARS and _related_heading(heading)
    return False


def _holds_blocks(node: LexborNode) -> bool:
    """A box of blocks is no heading (a wrapper of just a heading still is one): checked
    before its text is read, which for the first child of a page wrapper would be the
    whole page, once for every ancestor walked."""
    names = TAG_NAMES
    child = node.first_child
    while child is not None:
        tag = names.get(child.tag_id) or child.tag
        if tag in blocks.BLOCK_TAGS and tag not in clean.HEADINGS:
            return True
        child = child.next
    return False


def _may_be_heading(node: LexborNode) -> bool:
    """Whether ``node`` may be a short heading: fewer than ``_HEADING_NODES`` nodes (text
    included) and at most ``_HEADING_CHARS`` characters besides white space, counted
    until either is past, so that the answer costs at most that many steps however big
    the box (a paragraph's first words answer it)."""
    count = chars = 0
    stack = [node.first_child]
    while stack:
        here = stack.pop()
        while here is not None:
            count += 1
            if count >= _HEADING_NODES:
                return False
            if here.first_child is not None:
                stack.append(here.next)
                here = here.first_child
                continue
            if here.tag_id == _TEXT_ID and not here.is_empty_text_node:
                chars += len("".join((here.text_content or "").split()))
                if chars > _HEADING_CHARS:
                    return False
            here = here.next
    return True


def in_marked_furniture(node: LexborNode) -> bool:
    """``in_furniture`` without the headline exception: whether any element around names
    itself furniture. The title rules ask this of an h1 ("page-header banner"), which is
    the headline only when the page's stated titles confirm it."""
    return _up_to_body(node, _marked_furniture)


def in_furniture(node: LexborNode, furniture: Callable[[LexborNode], bool] = is_furniture) -> bool:
    """True inside a footer, sidebar, menu, related list or any element named as furniture.

    ``furniture``: ``is_furniture``, or the page's ``remembered`` copy of it."""
    return _up_to_body(node, furniture)


def remembered(
    test: Callable[[LexborNode], bool], verdicts: dict[int, bool] | None = None
) -> Callable[[LexborNode], bool]:
    """``test`` keeping its verdict on each element, for walks of one page that meet the
    same elements again: the windows before a headline read ever larger ancestors, each
    holding the last, and the candidates of one rule share most of their ancestors up to
    the body. Reading an element's attributes builds a dict each time, and a third of
    the furniture tests on a page were repeats.

    Made for one rule on one page, or for the page's date and author rules
    (``NearTitle.furniture``), and dropped with it, never kept in a module: the key is
    the element's address (``mem_id``), which another page's tree may reuse.
    ``verdicts``: the memo itself, for its owner to empty (``NearTitle.forget``).
    """
    verdicts = {} if verdicts is None else verdicts

    def remembered_test(node: LexborNode) -> bool:
        key = node.mem_id  # (a property of selectolax's: read once)
        known = verdicts.get(key)
        if known is None:
            known = verdicts[key] = test(node)
        return known

    return remembered_test


class Reader(enum.Enum):
    """Who asks whether an element lies in furniture, for the readers that take some
    furniture as the article's own (``in_furniture_for``). The title, date and body rules
    take none: they ask ``in_furniture``. Apart from both stands ``_byline_box``: not an
    element's ancestors but one box right under the headline, which only its class calls
    furniture, judged by its own size and text to be the byline's.
    """

    BYLINE = enum.auto()
    """An element named a byline or the date in its box (``far_dates.beside_byline``): an
    element whose class or id names it a byline is not furniture to them
    ("storybyline-wrap linkLocation" carries a word the furniture list knows, yet says
    what it is), nor a post's own footer (``_post_footer``), which holds its byline and
    its tags, nor a box a class names as about the writer (``_AUTHOR_BOX``: "author-box",
    "about-the-author"), set under the text as a widget, unless it is a related list."""

    POSTED_BY = enum.auto()
    """The page's one "Публикувано от"/"Posted by" (``authors._posted_by_anywhere``), read
    anywhere on the page: every footer (an element or a class so named) is where old
    templates print the article's own, inside a post or not (a PHP-Fusion table cell), and
    an ``<aside>`` where block themes put the writer's box under the post."""

    FIELD = enum.auto()
    """A field labelled as the writer's ("<h3>Author</h3><p>Jane Doe</p>", ``authors.
    _labelled_fields``), asked only when no such field stands outside furniture: a
    sidebar or an ``<aside>`` is where a page sets its article's facts (author, date,
    program), a "tags" box its contributors. Not a related list (other articles'
    fields), a menu, a ``<nav>``, a footer or a dialog."""

    TAGS = enum.auto()
    """A post's tag links: where ``BYLINE`` finds the article's own, and in the box a
    class names the post's tags ("tags-links", "td-post-source-tags", "jeg_post_tags"),
    which the furniture list knows by that word; never a cloud of a site's tags."""


def in_furniture_for(
    node: LexborNode,
    reader: Reader,
    memo: dict[int, bool] | None = None,
    furniture: Callable[[LexborNode], bool] = is_furniture,
) -> bool:
    """``in_furniture``, but for the furniture ``reader`` takes as the article's own
    (``Reader`` says which): its ancestors still count, each judged alone.

    ``memo`` holds the verdict for elements already walked on this page for this reader:
    the candidates share most of their ancestors, and each walk would otherwise go up to
    the body. ``furniture``: ``is_furniture``, or the page's ``remembered`` copy of it.
    """
    known_verdicts = {} if memo is None else memo
    path: list[int] = []
    current: LexborNode | None = node
    verdict = False
    while current is not None and current.tag not in ("body", "html", None):
        known = known_verdicts.get(current.mem_id)
        if known is not None:
            verdict = known
            break
        path.append(current.mem_id)
        if furniture(current) and not _readers_own(current, reader):
            verdict = True
            break
        current = current.parent
    for mem_id in path:
        known_verdicts[mem_id] = verdict
    return verdict


def _in_the_headlines_block(node: LexborNode) -> bool:
    """A part of the BEM block whose box holds the headline, where the block's name, not
    the part's, names furniture: Tilda's feed prints a post as a "t-feed__post-popup", its
    date and author in "t-feed__post-popup__date-parts-wrapper" beside the headline's
    "t-feed__post-popup__content", and the "popup" read as furniture hid its byline and
    its date. The box with the ``<h1>`` says the block is the article; a part named
    furniture for itself ("article__sidebar"), or by anything else (its id, its role, a
    "Related posts" heading first in it), still is: it is spared only when, the block's
    name taken from its class, nothing marks it (``_marked_furniture``). Asked by
    ``is_furniture`` of an element marked furniture that holds no ``<h1>``."""
    attrs = node.attributes
    cls = attrs.get("class") or ""
    if "__" not in cls:
        return False
    split = [_block_and_part(word) for word in cls.split()]
    named = {
        block
        for block, part in split
        if block and clean.reads_as_furniture(block) and not clean.reads_as_furniture(part)
    }
    if not named:
        return False
    up = node.parent
    while up is not None and up.tag not in ("body", "html"):
        if up.css_first("h1") is not None:
            words = (up.attributes.get("class") or "").split()
            if not any(word.startswith(block) for word in words for block in named):
                return False
            # the class without the names of those blocks: their parts alone
            parts = " ".join(part if block in named else block + part for block, part in split)
            return not _marked_furniture(node, node.tag, {**attrs, "class": parts})
        up = up.parent
    return False


def _block_and_part(word: str) -> tuple[str, str]:
    """A BEM class word split once, after its last "__": its block's name with the "__"
    and its part ("t-feed__post-popup__" and "date-wrapper"); ("", ``word``) for a word
    of no block."""
    cut = word.rfind("__") + 2
    return (word[:cut], word[cut:]) if cut > 1 else ("", word)


def _readers_own(node: LexborNode, reader: Reader) -> bool:
    """The furniture element ``node`` is where ``reader`` finds the article's own."""
    attrs = node.attributes  # a dict built at each read: read once
    marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if reader is Reader.TAGS and _tag_box(node, marker):
        return True
    if reader is Reader.FIELD:
        # (and the post's own footer under its text, "news-footer": "Текст: Десислава
        # Бончева" beside the day it dates the post by, which the date rules read there)
        return (
            node.tag not in _NOT_FACTS and _named_furniture_only_by(marker, _FACTS_BOX)
        ) or _post_footer(node, marker)
    if (
        reader is Reader.BYLINE
        and _AUTHOR_BOX.search(marker)
        and _named_furniture_only_by(_AUTHOR_BOX.sub(" ", marker), _FACTS_BOX)
    ):
        return True  # Elementor's "elementor-widget-author-box": a widget, and the writer's
    if reader in (Reader.BYLINE, Reader.TAGS):
        return "byline" in marker.lower() or _post_footer(node, marker)
    return node.tag in ("footer", "aside") or "footer" in marker.lower()


# The furniture elements no box of the article's facts is (``Reader.FIELD``), and the
# class words that name furniture where such a box stands beside the text: a sidebar, a
# widget, a "tags" box (a word of its own, as ``_TAG_BOX`` reads it), a broadcast
# story's "credits" under its text ("Репортер: …<br>Оператор: …": its crew, the reporter
# its writer; the furniture list knows the word for a picture's credit, which names no
# writer's field).
_NOT_FACTS = frozenset({"nav", "menu", "footer", "dialog", "marquee"})
_FACTS_BOX = re.compile(r"(?<![^\s_-])(?:sidebar|widget|tags?|credits?)(?![^\s_-])", re.IGNORECASE)


def _named_furniture_only_by(marker: str, words: re.Pattern[str]) -> bool:
    """A class and id (``marker``) naming furniture by ``words`` alone, if at all: not a
    related list, an advert, a list of the latest or most read posts besides."""
    return not _reads_as_related(marker) and not clean.reads_as_furniture(words.sub(" ", marker))


# A class or id naming a box about the article's writer ("author-box", "author_bio",
# "about-the-author", "authorinfo"): its writer's name, though a page builder names the
# box a widget ("elementor-widget-author-box") or a theme sets it in a sidebar.
_AUTHOR_BOX = re.compile(
    r"author[_-]?(?:box|bio|info|card)|about[_-]?(?:the[_-]?)?author", re.IGNORECASE
)
_FOOTER_WORD = re.compile(r"footer", re.IGNORECASE)
# A class or id word naming a post's tags, as the furniture list reads "tags?" (a word of
# its own: "tags-links", "td-tags", not "hashtag" or "stage").
_TAG_BOX = re.compile(r"(?<![^\s_-])tags?(?![^\s_-])", re.IGNORECASE)
_POST_TYPES = ("/Article", "/NewsArticle", "/BlogPosting")


def _tag_box(node: LexborNode, marker: str) -> bool:
    """A box a class names the post's tags (``_TAG_BOX``) and no other furniture word
    ("popular-tags", "trending-tags" are the site's), not a cloud of the site's tags, nor
    in the page's ``<header>``: a post prints its tags under its text or in its own
    header (Ghost's primary tag over the headline, in the ``<article>``'s ``<header>``),
    and the page's header holds a search box's list of popular tags ("cs-search__tags")."""
    if not _TAG_BOX.search(marker) or "cloud" in marker.lower():
        return False
    if clean.reads_as_furniture(_TAG_BOX.sub(" ", marker)):
        return False
    return node.parent is None or not _up_to_body(node.parent, _pages_header)


def _pages_header(node: LexborNode) -> bool:
    """A ``<header>`` not inside a post (``is_post``): the page's, not the article's."""
    return node.tag == "header" and (node.parent is None or not _up_to_body(node.parent, is_post))


def _post_footer(node: LexborNode, marker: str) -> bool:
    """An element named a footer only ("post-footer", "entry-footer") inside the post
    itself (an ``<article>``, hAtom's ``hentry``, a microdata BlogPosting or Article):
    what a ``<footer>`` in an ``<article>`` is where themes predate HTML5 (Blogger's
    "Публикувано от <author> в 14:05" and "Етикети:" lines)."""
    if "footer" not in marker.lower() or clean.is_boilerplate_marker(_FOOTER_WORD.sub(" ", marker)):
        return False
    parent = node.parent
    return parent is not None and (_up_to_body(parent, is_post) or _in_headlines_box(parent))


# What a page's frame holds and an article's own box does not: its landmarks, and boxes a
# class or id word names a menu ("main-nav", "menu_top", "navbar", camelCase "mainMenu"),
# read as words the way every class rule here reads them (``_RELATED_ATTR``), never as
# letters inside another word ("unavailable", "navy", "canavan").
_FRAME_TAGS = 'header, nav, menu, aside, form, [role="navigation"]'
_FRAME_NAMED = '[class*="nav" i], [id*="nav" i], [class*="menu" i], [id*="menu" i]'
# (Case matters only at a camelCase seam, so only the words ignore it.)
_FRAME_WORD = re.compile(
    r"(?:^|[\s_-]|(?<=[a-z])(?=[NM]))(?i:nav|navbar|navigation|navi|menus?|menubar|"
    r"mainmenu|submenu|megamenu|topmenu)(?:$|[\s_-]|(?<=[a-z])(?=[A-Z]))"
)
# How far the box holding a footer and the headline may be from each: an article's box
# holds its headline box and its footer side by side.
HEADLINE_BOX_LEVELS = 2


def _in_headlines_box(node: LexborNode) -> bool:
    """``node``, or the element around it, holds a headline (``<h1>``) a level or two
    down and no part of a page's frame: it is the article's own box, and a footer in it
    is the article's (TYPO3's news prints its byline in a ``<div class="footer">`` beside
    its ``<div class="header">``, no ``<article>`` or microdata around). A page's wrapper
    holds the headline too, but deeper, and with the menus: its footer stays furniture."""
    current: LexborNode | None = node
    for _ in range(HEADLINE_BOX_LEVELS):
        if current is None or current.tag in ("body", "html", None):
            return False
        headline = current.css_first("h1")
        if headline is not None:  # (a <header> and a form are the frame's to a footer)
            return _headline_close(current, headline) and not holds_frame(current, _FRAME_TAGS)
        current = current.parent
    return False


# The frame's landmarks that are never an article's own: an article's box may hold its own
# <header> and a comment form, never a menu or a column beside it.
MENU_TAGS = 'nav, menu, aside, [role="navigation"]'


def holds_frame(box: LexborNode, landmarks: str = _FRAME_TAGS) -> bool:
    """``box`` holds a landmark of the page's frame (``landmarks``), or a box a class or
    id word names a menu (``_FRAME_WORD``)."""
    if box.css_first(landmarks) is not None:
        return True
    for named in box.css(_FRAME_NAMED):  # the cheap substring test first
        attrs = named.attributes
        if _FRAME_WORD.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
            return True
    return False


def headlines_box(box: LexborNode) -> bool:
    """``box`` holds the ``<h1>`` as an article's own box does: a level or two down, or as
    the page's ``<main>`` (Odoo prints the headline in a cover section over the post), and
    no menu or column of the page's frame (``MENU_TAGS``): a page's wrapper holds the
    headline deeper, with the menus or the side column."""
    headline = box.css_first("h1")
    if headline is None:
        return False
    close = box.tag == "main" or _headline_close(box, headline)
    return close and not holds_frame(box, MENU_TAGS)


def _headline_close(box: LexborNode, headline: LexborNode) -> bool:
    """``headline``, in ``box``, is a level or two down (``HEADLINE_BOX_LEVELS``), as in
    an article's own box; a page's wrapper holds it deeper. What an article's box is,
    beside holding no part of the frame (``holds_frame``), for the tag links
    (``headlines_box``) and a footer's byline (``_in_headlines_box``) alike."""
    levels = 0
    current: LexborNode | None = headline
    while current is not None and current.mem_id != box.mem_id:
        levels, current = levels + 1, current.parent
    return levels <= HEADLINE_BOX_LEVELS


def is_post(node: LexborNode) -> bool:
    """The post itself: an ``<article>``, hAtom's ``hentry``, a microdata article."""
    if node.tag == "article":
        return True
    attrs = node.attributes
    if "hentry" in (attrs.get("class") or "").split():
        return True
    return (attrs.get("itemtype") or "").endswith(_POST_TYPES)


def _up_to_body(node: LexborNode, test: Callable[[LexborNode], bool]) -> bool:
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html", None):
        if test(current):
            return True
        current = current.parent
    return False


_NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})


# Class words that set an element on a line of its own: Tailwind's and Bootstrap's display
# utilities, also for a screen size ("md:block", "d-md-block": a line of its own where the
# headline is read on a wider screen; its words are apart on a phone too, as a rule).
_LINE_CLASS = re.compile(r"(?:^|\s)(?:[\w-]+:)?(?:d-(?:\w+-)?)?(?:block|flex|grid)(?:\s|$)")
_LINE_STYLE = re.compile(r"display\s*:\s*(?:block|flex|grid)\b")


def shown_as_line(node: LexborNode) -> bool:
    """An inline element (a ``<span>``) the page displays as a block, by a utility class
    or its style: a headline's second line ("The Best Notion Alternatives<span
    class="block">Top Note-taking Tools</span>") reads as words apart, not glued."""
    attrs = node.attributes
    classes = attrs.get("class")
    if classes and _LINE_CLASS.search(classes):
        return True
    style = attrs.get("style")
    return style is not None and _LINE_STYLE.search(style.lower()) is not None


def visible_text(
    root: LexborNode,
    *,
    until: LexborNode | None = None,
    then: int = 0,
    hide: Callable[[LexborNode], bool] | None = None,
    limit: int | None = None,
    lines: Callable[[LexborNode], bool] | None = None,
) -> str:
    """Text of a subtree without furniture (menus, sidebars, related lists, footers),
    or, given ``hide``, without the elements it names instead.

    With ``until``, the walk stops once ``then`` characters of text followed the start of
    that element: the windows around a headline need a few hundred characters after it,
    not the whole article below it; with ``limit``, once about that many were read.
    Iterative, so a page nested thousands of levels deep cannot exhaust the stack.
    A text node of ASCII whitespace (most are: the markup's indentation) is told by
    lexbor and read as one space, which the text comes out the same with, without
    building its str (the parser makes no empty one, which this would read so too);
    ``first_child``, not its alias ``child``, saves a look-up a node. ``lines`` names
    inline elements the page shows on lines of their own (``shown_as_line``): asked only
    by the headline's readers, where two such spans with no space between them were read
    as one glued word, and not in the walks that run over whole pages.
    """
    return _joined(_walk_visible(root, until, then, hide, limit, None, lines))


# A walk of ``_walk_visible``: the pieces of text read, the characters of text counted,
# and where the walk was to stop (-1: ``until`` not met).
_Walked = tuple[list[str], int, int]


def _joined(walked: _Walked) -> str:
    return " ".join("".join(walked[0]).split())


def _walk_visible(
    root: LexborNode,
    until: LexborNode | None,
    then: int,
    hide: Callable[[LexborNode], bool] | None,
    limit: int | None,
    inner: tuple[int, _Walked] | None,
    lines: Callable[[LexborNode], bool] | None = None,
) -> _Walked:
    """``visible_text``'s walk. ``inner``: an element of the subtree (its ``mem_id``)
    already walked alone with the same ``until``, ``then``, ``hide`` and no ``limit``:
    where this walk would enter it, that walk's pieces are taken instead. They are what
    walking it here would read: the same nodes in the same order, and the stop, which
    counts from ``until``, at the same node (or none in it)."""
    parts: list[str] = []
    stack: list[LexborNode | str | None] = [root.first_child]
    stop_at = -1
    size = 0
    inner_id = inner[0] if inner is not None else -1
    until_id = until.mem_id if until is not None else -1  # (mem_ids are never negative)
    furniture = hide or is_furniture
    names = TAG_NAMES
    while stack:
        if 0 <= stop_at < size or (limit is not None and size > limit):
            break
        node = stack.pop()
        if node is None:
            continue
        if isinstance(node, str):
            parts.append(node)
            continue
        stack.append(node.next)
        tag = names.get(node.tag_id) or node.tag  # (``markup.TAG_NAMES``)
        if tag == "-text":
            if node.is_empty_text_node:  # indentation: its str is not built (see above)
                parts.append(" ")
                continue
            text = node.text_content or ""
            parts.append(text)
            size += len(text.strip())
        elif tag and tag not in _NO_TEXT_TAGS and not tag.startswith(("_", "!")):
            if stop_at < 0 and until_id >= 0 and node.mem_id == until_id:
                stop_at = size + then
            child = node.first_child
            block = tag in blocks.BLOCK_TAGS or tag == "br" or (lines is not None and lines(node))
            if child is None and not block:
                continue  # (an icon, a comment: hidden or not, it adds nothing to the text)
            if not furniture(node):
                if block:
                    parts.append(" ")
                    stack.append(" ")  # after a block: two cells' texts stay apart
                if inner is not None and node.mem_id == inner_id:
                    walked_parts, walked_size, walked_stop = inner[1]
                    parts += walked_parts
                    if walked_stop >= 0:
                        stop_at = size + walked_stop
                    size += walked_size
                    continue
                stack.append(child)
    return parts, size, stop_at


class Replay(Generic[T]):
    """A lazy sequence read by several rules: each item is computed once, and only when
    some rule gets that far."""

    def __init__(self, source: Iterator[T]) -> None:
        self._source = source
        self._seen: list[T] = []

    def __iter__(self) -> Iterator[T]:
        index = 0
        while True:
            if index == len(self._seen):
                item = next(self._source, None)
                if item is None:
                    return
                self._seen.append(item)
            yield self._seen[index]
            index += 1


class NearTitle(Replay[str]):
    """The windows of ``text_near_title``, walked once per page and only as far as some
    rule asks: the date, the modified date and the byline all read them.

    ``furniture``: ``is_furniture`` remembered for the page's date and author rules, which
    ask it of the elements the windows walked (the byline's box and its ancestors), and
    of each other's: one memo, where one a rule cost 1,500 of AEB's 10,455 tests. Emptied
    once a profile changed the tree (``forget``), whose freed elements' addresses a memo
    must not meet again."""

    def __init__(
        self, tree: LexborHTMLParser, h1s: list[LexborNode], titles: tuple[str, ...] = ()
    ) -> None:
        self._verdicts: dict[int, bool] = {}
        self.furniture = remembered(is_furniture, self._verdicts)
        self.titles = titles  # the headline's forms (``published._document_headline``)
        self._tree = tree
        self._h1s = h1s
        super().__init__(text_near_title(tree, h1s, titles, self.furniture))

    def forget(self) -> None:
        """Drop the furniture verdicts: the tree changed (a profile removed elements), and
        a freed element's address may be a new one's. The windows read so far stay."""
        self._verdicts.clear()
        self.__dict__.pop("headline", None)

    @cached_property
    def headline(self) -> LexborNode | None:
        """The element the windows are read around (``text_near_title``'s choice), for the
        rules that read the elements by it rather than its windows' text; found again
        only when one asks."""
        return headline_element(self._tree, self._h1s, self.titles, self.furniture)

    @cached_property
    def first_lines(self) -> list[str]:
        """The nearest window's whole lines (``whole_lines``): the byline and the office
        under the headline are both read from them."""
        return whole_lines(next(iter(self), ""))


def whole_lines(window: str) -> list[str]:
    """The lines of a window of ``text_near_title``, without a short last line of a
    window cut at its length: a byline box's line, whose name may be cut short ("… от
    Мар", "Автор: Мария К"). A long one is a paragraph, whose start is whole (a byline
    opening it: "By Md Aynal Haque RAJSHAHI, Dec 20, 2025 (BSS) - Homestead …")."""
    lines = window.split("\n")
    cut = len(window) > _AFTER_TITLE and len(lines[-1]) < _CUT_LINE
    return lines[:-1] if cut else lines


def text_near_title(
    tree: LexborHTMLParser,
    h1s: list[LexborNode],
    titles: tuple[str, ...] = (),
    furniture: Callable[[LexborNode], bool] | None = None,
) -> Iterator[str]:
    """Text windows around the headline, where sites print the date (unlike related lists).

    Nearest first: what follows the headline inside ever larger ancestors, then what
    precedes it (a kicker date above the title). The window stops short of footers and
    related lists on any page with a real article body. A generator: each larger
    ancestor is walked only when the nearer windows held no date.

    The headline is the first of the page's ``h1s`` outside furniture that holds the
    chosen title, ``titles[0]`` (the title picker read the same list: the page is searched
    for them once); on a page without one (an old CMS with ``<h2 class="title">``, a page
    builder's styled ``<p>``, a Blogger post's h3 under the blog's name in the h1), the
    first element whose own text is one of ``titles``: the stated title, and its longest
    part; else the first h1 outside furniture. ``furniture``: the page's ``remembered``
    ``is_furniture`` (``NearTitle``'s), else one of the windows' own.
    """
    # (remembered: the windows share their elements' ancestors)
    furniture = furniture or remembered(is_furniture)
    h1 = headline_element(tree, h1s, titles, furniture)
    if h1 is None:
        return
    furniture = _or_hidden(furniture)  # (the windows read what a reader sees: ``_or_hidden``)
    after = ""
    widened: list[LexborNode] = []  # the ancestors that added text, nearest first
    node = h1
    heading = " ".join((h1.text(deep=True, separator=" ") or "").split())
    for _ in range(_MAX_ANCESTORS):
        parent = node.parent
        if len(widened) == _WINDOWS or parent is None or node.tag in ("body", "html"):
            break
        more = (
            _text_after(node, _AFTER_TITLE - len(after), furniture, first=not after)
            if len(after) < _AFTER_TITLE
            else ""
        )
        if not after and more:
            more = _without_repeated(more, heading)
        if not more and not _text_before(node, furniture):
            node = parent
            continue  # a wrapper that adds nothing (page builders nest a dozen deep)
        # what follows a block's end starts a line of its own
        joint = "\n" if (node.tag or "") in blocks.BLOCK_TAGS else " "
        node = parent
        widened.append(parent)
        if more:
            after = f"{after}{joint}{more}".strip()
            yield " " + after[:_AFTER_TITLE]
    # Each ancestor holds the one before: its walk takes that one's pieces where it
    # reaches it, rather than walking it again (``_walk_visible``).
    walked: tuple[int, _Walked] | None = None
    menu: tuple[LexborNode, list[LexborNode]] | None = None  # (looked for at most once)
    for ancestor in widened:  # rarely reached: only when no window after held a date
        if _outside_content(h1, ancestor):
            break
        menu = menu or _menu_before(h1)
        if menu[0] is not h1 and in_subtrees(menu[0], frozenset([ancestor.mem_id])):
            # the site's header and menu lie before: only what stands below them is read
            if window := _texts_of(menu[1], furniture)[-_BEFORE_TITLE:]:
                yield window
            break
        pieces = _walk_visible(ancestor, h1, len(heading), furniture, None, walked)
        walked = (ancestor.mem_id, pieces)
        text = _joined(pieces)
        anchor = text.find(heading) if heading else -1
        window = text[max(anchor - _BEFORE_TITLE, 0) : anchor] if anchor > 0 else ""
        if window.strip():
            yield window


def _preceding(h1: LexborNode) -> Iterator[LexborNode]:
    """The nodes before the headline in the body, nearest first: the siblings before
    it, then those before its parent, and so on up. Each is a subtree whole: what lies
    inside it is not listed apart."""
    node: LexborNode | None = h1
    while node is not None and node.tag not in ("body", "html"):
        sibling = node.prev
        while sibling is not None:
            yield sibling
            sibling = sibling.prev
        node = node.parent


def _menu_before(h1: LexborNode) -> tuple[LexborNode, list[LexborNode]]:
    """The nearest menu before the headline (``_is_menu``) and the nodes between them,
    nearest first; (``h1``, []) where none stands before it. Above a site's menu is its
    header, whose clock ("07 декември 2026, понеделник", "Днес е понеделник, 7 декември
    2026 г.") is the day the page was served: on a page with no ``<main>`` to bound its
    content (``_outside_content``), read as the date above the headline, it dated the
    article by the crawl, over the day without its year printed under the headline ("05
    декември, 12:30"). A kicker date between the menu and the headline is still read."""
    between: list[LexborNode] = []
    for node in _preceding(h1):
        if _is_menu(node):
            return node, between
        between.append(node)
    return h1, []


def _texts_of(nodes: list[LexborNode], furniture: Callable[[LexborNode], bool]) -> str:
    """What a reader sees of ``nodes`` (nearest the headline first), in page order."""
    read = [
        (node.text_content or "") if node.tag == "-text" else visible_text(node, hide=furniture)
        for node in reversed(nodes)
        if node.tag not in _NO_TEXT_TAGS
    ]
    return " ".join(" ".join(read).split())


def above_menu(h1: LexborNode) -> frozenset[int]:
    """The subtrees (their ``mem_id``s) above the nearest menu before the headline, the
    menu among them: the site's header (``_menu_before``), whose elements named "date"
    hold its clock, no article's date. Empty where no menu stands before the headline."""
    before = _preceding(h1)
    for node in before:
        if _is_menu(node):
            return frozenset([node.mem_id, *(other.mem_id for other in before)])
    return frozenset()


def in_subtrees(node: LexborNode, roots: frozenset[int]) -> bool:
    """``node`` is one of ``roots`` or inside one."""
    at: LexborNode | None = node
    while at is not None:
        if at.mem_id in roots:
            return True
        at = at.parent
    return False


# A site's menu: five links or more, their words most of its text (a breadcrumb's three
# or a row of the post's categories is no menu: a date before those is the post's)
_MENU_LINKS = 5
_MENU_LINK_SHARE = 0.6


def _is_menu(node: LexborNode) -> bool:
    """An element of ``_MENU_LINKS`` links or more: a ``<nav>``, one whose role says
    navigation, or one whose links' texts are most of its own (``_MENU_LINK_SHARE``),
    as an old layout's table cell of links is. The site's menu, not a ``<nav>`` of a
    link or two by the article (a kicker's "Начало / Новини")."""
    tag = node.tag or ""
    if tag.startswith(("-", "_", "!")) or tag in _NO_TEXT_TAGS:
        return False
    links = node.css("a[href]")
    if len(links) < _MENU_LINKS:
        return False
    if tag == "nav" or node.attributes.get("role") == "navigation":
        return True
    linked = sum(len((link.text(deep=True) or "").strip()) for link in links)
    return linked >= _MENU_LINK_SHARE * len((node.text(deep=True) or "").strip())


# The elements a headline sets its date apart in, the whole of one a date line:
# Bootstrap's page header, "<h1>Изложба … <small>02.12.2026</small></h1>", a span, a
# ``<time>``. Not the headline's words (``titles``), the page's date (``published``).
HEADLINE_DATE_TAGS = frozenset({"time", "small", "span", "em", "i", "sub", "sup"})


def page_content(node: LexborNode) -> LexborNode | None:
    """The page's content around ``node``: its ``<main>`` ancestor, which holds all the
    page says apart from its header, menus and footer (one a page, as HTML has it; not
    ``role="main"``, which a feed of posts sets on each of them); None where the page
    names none."""
    parent = node.parent
    while parent is not None:
        if parent.tag == "main":
            return parent
        parent = parent.parent
    return None


def _outside_content(h1: LexborNode, ancestor: LexborNode) -> bool:
    """Whether the text ``ancestor`` holds before the headline lies outside the page's
    content (``page_content`` stands between them). What precedes that is the site's
    header, whose "Неделя, 07 Декември 2026" is the day the page was served, not the
    article's: read as the date above the headline, an undated article took the day of
    the crawl."""
    content = page_content(h1)
    if content is None:
        return False
    node = h1.parent
    while node is not None and node.mem_id != ancestor.mem_id:
        if node.mem_id == content.mem_id:
            return True
        node = node.parent
    return False


def headline_element(
    tree: LexborHTMLParser,
    h1s: list[LexborNode],
    titles: tuple[str, ...],
    furniture: Callable[[LexborNode], bool],
) -> LexborNode | None:
    """The headline ``text_near_title`` reads around: the first of ``h1s`` outside
    furniture holding ``titles[0]``, else the first element whose own text is one of
    ``titles``, else the first h1 outside furniture; None on a page with none."""
    h1, holds = _headline_h1(h1s, titles, furniture)
    if h1 is None or not holds:
        h1 = _element_reading(tree, titles, furniture) or h1
    return h1


_REPEATED_WORDS = 3  # a headline of a word or two ("Новини") may open the text as its own


def _without_repeated(text: str, heading: str) -> str:
    """``text`` after the headline without the headline's copy opening it: themes print
    it again over the text, and a day inside it ("Концерт в читалището 12.03.2026") is
    the event's, which the title rules (``titles.without_date``) declined to take for
    the page's date, not a byline's."""
    if len(heading.split()) >= _REPEATED_WORDS and text.startswith(heading):
        return text[len(heading) :].lstrip()
    return text


def _headline_h1(
    h1s: list[LexborNode], titles: tuple[str, ...], furniture: Callable[[LexborNode], bool]
) -> tuple[LexborNode | None, bool]:
    """The first h1 outside furniture that holds the headline the title rules chose, else
    the first h1 outside furniture: a logo or a section's name is often an h1 above the
    headline, and windows anchored there read the menu instead of the byline. With it,
    whether it holds that headline: its text was read here, and is not read again to
    tell."""
    first = None
    wanted = " ".join(titles[0].split()).casefold() if titles else ""
    for h1 in h1s:
        if in_furniture(h1, furniture):
            continue
        if not wanted or wanted in visible_text(h1, hide=furniture).casefold():
            return h1, True
        first = first or h1
    return first, False


def link_card(node: LexborNode) -> bool:
    """A link that holds a headline of its own (``<a href="/other/"><h3>…</h3><time>…``):
    a teaser of another page, whose whole card is one link, so its date and byline are
    that page's. Nothing names it furniture (no "related" in its classes, often no
    list around it: a row of cards after the text), and its date, the first ``<time>``
    on the page or the first in the text after the headline, dated the page itself
    (WCXB 4105: a guidance page dated by the first card under it, while its own day
    stands labelled "Published" in a column styled as a sidebar). A link inside a
    heading (``<h1><a href>``) holds none, nor a date linked to its day's archive."""
    if node.tag != "a" or not node.attributes.get("href"):
        return False
    return node.css_first(_LINK_CARD_PARTS) is not None


# The headline a teaser card's link holds (the page's own h1 is never a teaser's: a theme
# may link it to the page itself).
_LINK_CARD_PARTS = "h2, h3, h4, h5, h6, article"
# How far up a date is looked for the card holding it: a card nests its date a few
# boxes deep (``a > div > div > footer > time``).
_LINK_CARD_REACH = 8


def in_link_card(node: LexborNode) -> bool:
    """Whether ``node`` stands in a ``link_card``, up to ``_LINK_CARD_REACH`` levels up."""
    box = node.parent
    for _ in range(_LINK_CARD_REACH):
        if box is None or box.tag in ("body", "html"):
            return False
        if link_card(box):
            return True
        box = box.parent
    return False


def _or_hidden(furniture: Callable[[LexborNode], bool]) -> Callable[[LexborNode], bool]:
    """``furniture``, and besides it every element hidden from readers (``clean.is_hidden``:
    ``display:none``, ``hidden``, a theme's class for its stamps for machines), every
    teaser of another page (``link_card``), and a picture's caption, whose "Автор: …"
    credits the picture and whose day is the picture's (it named the article's writer):
    what the windows around the headline skip.
    Avada prints the post's last change in such a span beside the date the reader sees,
    "<span class="updated rich-snippet-hidden">
    2026-11-27T12:42:12+02:00</span><span>23.11.2026</span>", after the text: read as
    text, the last edit, the first date of the line, dated the post (drenovets: 8 of 9
    posts dated by a change up to five days after their publication)."""

    def hide(node: LexborNode) -> bool:
        return (
            node.tag == "figcaption"
            or furniture(node)
            or clean.is_hidden(node.attributes)
            or link_card(node)
        )

    return hide


def _text_after(
    node: LexborNode,
    limit: int,
    furniture: Callable[[LexborNode], bool],
    *,
    first: bool = False,
) -> str:
    """The visible text of the siblings after ``node``, about ``limit`` characters: read
    forward from the headline, so a window costs its own size, not the page above it.

    Where a block sibling starts or ends, the text says so with a line break (otherwise
    single spaces): a byline's name ends with its block ("Автор: Асен Тодоров" and then
    the body's "Отдел „Закрила…"), while a date may run on through inline elements.
    ``first``: nothing was read after the headline yet, so a byline's box may come next."""
    parts: list[str] = []
    size = 0
    broken = False  # the last sibling read (text or <br>) was a block
    dated: bool | None = None  # the one part read is a date line: asked once, if at all
    sibling = node.next
    while sibling is not None and size < limit:
        tag = TAG_NAMES.get(sibling.tag_id) or sibling.tag or ""  # (``markup.TAG_NAMES``)
        block = tag in blocks.BLOCK_TAGS or tag == "br"
        if tag == "-text":
            text = " ".join((sibling.text_content or "").split())
        else:  # (``visible_text``'s is single-spaced already)
            text = _own_text(sibling, limit - size, furniture, tag)
        # (a text node or a comment, which no class can make furniture, is not asked)
        element = (tag or "-")[0] != "-"
        if (
            not text
            and first
            and len(parts) <= 1
            and element
            and furniture(sibling)
            and not clean.is_hidden(sibling.attributes)
        ):
            if parts and dated is None:
                dated = dates.is_date_line(parts[0])
            if not parts or dated:
                # the first thing under the headline, or under its date line: a byline's
                # box that a class calls furniture ("news-credits": "Текст: Мария Петрова;
                # Снимки: Иван Колев")
                text = _byline_box(sibling)
        if text:
            if parts:
                parts.append("\n" if block or broken else " ")
            parts.append(text)
            size += len(text) + 1
        if text or block:
            broken = block
        sibling = sibling.next
    return "".join(parts)


# A box right under the headline that a class calls furniture ("js-social-share") but
# that holds this little text is the byline's: who wrote it, when, and the share icons.
_BYLINE_BOX_CHARS = 200


def _byline_box(node: LexborNode) -> str:
    """The text of a short box after the headline that only its class calls furniture;
    not a caption under a picture ("…, Tuesday, Nov. 19, 2019. (Photo: AP)") nor a
    picture's own box with its caption (``<figure class="wp-caption">``), whose date is
    the photograph's, nor a related card (named so, or holding a headline of its own),
    whose "Written by" is another article's, nor a list of several days (a side column of
    other posts).

    Not a ``Reader`` of ``in_furniture_for``, which asks whether a candidate's ancestors
    are furniture to it and judges them by their names: here the box itself is furniture
    by its class, and only its place, size and text tell it is the byline's."""
    tag = node.tag or ""
    if tag in FURNITURE_ELEMENTS or tag in _PICTURES or _under_a_picture(node):
        return ""
    if node.css_first("figcaption") is not None:  # (a picture's box: "wp-caption")
        return ""
    raw = node.text_lexbor()
    if not raw.strip() or len(" ".join(raw.split())) > _BYLINE_BOX_CHARS:
        return ""
    attrs = node.attributes
    marker = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    if _related_marker(marker) or node.css_first(_CARD_PARTS) is not None:
        return ""
    text = visible_text(node, hide=lambda inner: (inner.tag or "") in FURNITURE_ELEMENTS)
    days = {date_stamps.local_date(found.value) for found in dates.find_text_dates(text)}
    return text if len(days) <= 1 else ""


_PICTURES = frozenset(("img", "picture", "figure", "video"))
_CARD_PARTS = "h1, h2, h3, h4, h5, h6, article"


def _under_a_picture(node: LexborNode) -> bool:
    sibling = node.prev
    while sibling is not None and (sibling.tag or "") in ("-text", "-comment"):
        sibling = sibling.prev
    return sibling is not None and (sibling.tag or "") in _PICTURES


def _text_before(node: LexborNode, furniture: Callable[[LexborNode], bool]) -> bool:
    """Some sibling before ``node`` shows text (a kicker, a breadcrumb above the title)."""
    sibling = node.prev
    while sibling is not None:
        if _own_text(sibling, 1, furniture):
            return True
        sibling = sibling.prev
    return False


def _own_text(
    node: LexborNode,
    limit: int,
    furniture: Callable[[LexborNode], bool],
    tag: str | None = None,
) -> str:
    """``visible_text`` of ``node`` itself included, cut off after about ``limit``
    characters (``furniture``: ``is_furniture``, remembered for the page; ``tag``: the
    node's, where the caller read it)."""
    if tag is None:
        tag = TAG_NAMES.get(node.tag_id) or node.tag or ""
    if tag == "-text":
        return (node.text_content or "").strip()
    if node.first_child is None:  # (an icon, a comment: no text, whether furniture or not)
        return ""
    if tag in _NO_TEXT_TAGS or tag.startswith(("_", "!")) or furniture(node):
        return ""
    return visible_text(node, limit=limit, hide=furniture, lines=in_a_row)


def in_a_row(node: LexborNode) -> bool:
    """An inline element with no text of its parent's own right beside it: one of a
    byline row's items ("<span>Por: Andrés Rojas</span><span>Redacción</span><span>26
    de noviembre de 2025</span>"), which the page's style sets apart (a flex row, a
    margin, a separator drawn by CSS) and minified markup leaves with no space between.
    Read glued, the name ran into the desk's ("RojasRedacción") and the day into a word
    ("Regionales26"), which no date pattern takes. Asked only by the windows around the
    headline: a paragraph's inline words ("<b>T</b>he story", a drop cap) sit beside its
    own text and stay as printed. Only the two neighbours are asked, not all the
    parent's children: a page of thousands of siblings (600,000 ``<b>`` a parser
    flattens) costs one look each."""
    for sibling in (node.prev, node.next):
        if (
            sibling is not None
            and sibling.tag_id == _TEXT_ID
            and not sibling.is_empty_text_node
            and (sibling.text_content or "").strip()
        ):
            return False
    return True


def _element_reading(
    tree: LexborHTMLParser, titles: tuple[str, ...], furniture: Callable[[LexborNode], bool]
) -> LexborNode | None:
    """The first element whose own text is one of ``titles``, outside furniture.

    Text nodes only, so one linear pass: an element's full text would cost a walk of
    its subtree for every element on the page. Lexbor leaves out the text nodes of
    ASCII whitespace (``skip_empty``), which no title is; an element's or a comment's
    ``text_content`` is None, told without building its tag's str.
    """
    wanted = {" ".join(t.split()).casefold() for t in titles}
    wanted = {w for w in wanted if len(w) >= 8}
    if not wanted or tree.body is None:
        return None
    longest = max(len(w) for w in wanted)
    for node in tree.body.traverse(include_text=True, skip_empty=True):
        text = node.text_content
        if not text or len(text) > 4 * longest + 40:
            continue
        if " ".join(text.split()).casefold() in wanted:
            parent = node.parent
            if (
                parent is not None
                and parent.tag not in _NO_TEXT_TAGS
                and not in_furniture(parent, furniture)
            ):
                return parent
    return None
