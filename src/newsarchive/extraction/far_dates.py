"""Dates a page prints away from its headline, read only when every nearer rule found
none (``published.pick_dates`` says in which order): each reads much of the page, and
each takes a date only where the page says in words or in its layout whose date it is.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive import date_stamps, date_words, dates
from newsarchive.extraction import bylines
from newsarchive.extraction.clean import may_hold, without_states
from newsarchive.extraction.furniture import (
    Reader,
    in_furniture,
    in_furniture_for,
    in_link_card,
    link_card,
    visible_text,
)
from newsarchive.models import Published

# The byline elements (``bylines``) and a link to the site's page about a writer.
_BYLINE_NODES = ", ".join((*bylines.BYLINE_SELECTORS, 'a[href*="/author/"]'))
_BYLINE_BOX_LEVELS = 3
_BYLINE_BOX_CHARS = 300
_NOT_A_BOX = frozenset({"body", "html", "article", "main"})
_NOT_BYLINE = _NOT_A_BOX | {"meta", "link", "script"}


def beside_byline(
    tree: LexborHTMLParser, today: dt.date | None, month_first: bool
) -> Published | None:
    """The date in the small box that holds the byline ("Written by Jane Doe · April 8,
    2024"), wherever the theme put it: a reader takes the date beside the writer's name
    for the article's. Last, for pages whose byline box stands apart from the headline
    (a hero block, an author card) with no date named as one; a box stops growing at 300
    characters, so a date further down the article is never reached."""
    if tree.body is None:
        return None
    verdicts: dict[int, bool] = {}  # (``in_furniture_for``'s memo for this walk)
    # The boxes already read and found too long (True) or holding no date (False): the
    # candidates share their boxes (an author list's links one container), and reading
    # a long one's text again for each cost a whole page's text per link.
    read: dict[int, bool] = {}
    for node in tree.body.css(_BYLINE_NODES)[:20]:
        if node.tag in _NOT_BYLINE or in_furniture_for(node, Reader.BYLINE, verdicts):
            continue
        if in_link_card(node):
            continue  # (a teaser's byline: another page's writer and day)
        box: LexborNode | None = node
        for _ in range(_BYLINE_BOX_LEVELS):
            box = box.parent if box is not None else None
            if box is None or box.tag in _NOT_A_BOX:
                break
            too_long = read.get(box.mem_id)
            if too_long is None:
                text = _box_text(box)
                too_long = read[box.mem_id] = len(text) > _BYLINE_BOX_CHARS
                if not too_long:
                    found = dates.find_text_dates(text, today=today, month_first=month_first)
                    shown = next((d for d in found if not d.modified), None)
                    if shown is not None:
                        return shown.value
            if too_long:
                break
    return None


def _box_text(box: LexborNode) -> str:
    return " ".join((box.text(deep=True, separator=" ") or "").split())


def labelled_anywhere(
    tree: LexborHTMLParser,
    shown: str,
    today: dt.date | None,
    month_first: bool,
    lowered: Callable[[], str] | None = None,
) -> Published | None:
    """The one date the page labels "Published"/"Публикувано", wherever it stands but in
    readers' comments and teasers of other pages (``link_card``: a row of cards labels
    each day "Publish date", none of them the page's).

    The last resort, for a post whose meta column is styled as a sidebar
    ("single-post-sidebar", an ``<aside>`` in the ``<article>``) and so read as furniture
    by every other rule. The label says in words which date it is; a real sidebar of
    other posts labels several days, and then none is taken. ``shown``: the body's whole
    text, read once a page for this and ``updated_anywhere`` (``lowered``: lower-cased,
    for both: ``date_words.says_published_word``).
    """
    body = tree.body
    if body is None:
        return None
    if not date_words.says_published_word(shown, lowered):
        return None  # no label at all (most undated pages): the page is not walked
    text = visible_text(body, hide=_comments_or_teaser)
    found = dates.find_text_dates(text, today=today, month_first=month_first)
    days = {date_stamps.local_date(d.value) for d in found if d.labelled and not d.modified}
    if len(days) != 1:
        return None
    return next(d.value for d in found if d.labelled and not d.modified)


# Readers' comments, where "Публикувано на …" dates a comment, not the article: named
# in any case and in any compound ("commentlist", "comment-meta", "replies"), and by
# Bulgarian themes in Latin letters too ("komentari").
_COMMENTS = re.compile(r"comment|disqus|respond|repl(?:y|ies)|komentar|коментар", re.IGNORECASE)
# The same words as ``clean.may_hold`` tests for first, in a lower-cased ASCII string: the
# ignore-case search tried all six at every character of every element's class and id
# on a page walked for its "Published" label (2% of extracting WCXB), where substring
# tests rule out nearly all of them. A string with other letters goes to the search.
_COMMENT_WORDS = ("comment", "disqus", "respond", "reply", "replies", "komentar")
# A post's taxonomy in its classes (WordPress's post_class: "category-komentari",
# "tag-commentary"): the subject an opinion piece is filed under, not readers' comments.
_TAXONOMY = re.compile(r"\b(?:category|tag)-\S*", re.IGNORECASE)


def _comments_or_teaser(node: LexborNode) -> bool:
    """Readers' comments, or a teaser card of another page (``link_card``): a row of
    cards labels each day "Publish date", none of them the page's."""
    return _is_comments(node) or link_card(node)


def _is_comments(node: LexborNode) -> bool:
    """Named for readers' comments: not by a post's taxonomy, nor by a layout state
    ("has-comments", "no-comments": ``clean.without_states``) of the column that holds
    the article beside them."""
    attrs = node.attributes  # a dict built at each read: read once
    named = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
    lowered = named.lower()  # (the word test's, and the cuts')
    if not may_hold(lowered, _COMMENT_WORDS) or _COMMENTS.search(named) is None:
        return False  # (the cuts only where the words matched: rarely)
    return _COMMENTS.search(without_states(_TAXONOMY.sub("", lowered))) is not None


def in_comments(node: LexborNode) -> bool:
    """Whether ``node`` lies in readers' comments: it or an ancestor is named for them
    and holds no headline (``<h1>``: an article's own wrapper may be named "post
    has-comments"). A comment's ``<time>`` or date box dates the comment, days or years
    after the article, and the furniture words miss the compounds themes name comments
    with ("commentlist", "komentari"). Asked of a date's element only once it is taken."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html"):
        if comments_box(current):
            return True
        current = current.parent
    return False


def comments_box(node: LexborNode) -> bool:
    """``node`` itself is a box of readers' comments (``in_comments``' test of each
    ancestor): to leave out of a walk of the page what its readers wrote, whole."""
    return _is_comments(node) and node.css_first("h1") is None


def updated_anywhere(
    tree: LexborHTMLParser,
    shown: str,
    today: dt.date | None,
    month_first: bool,
    lowered: Callable[[], str] | None = None,
) -> Published | None:
    """The one day the article labels "Last updated"/"Последна промяна", wherever it
    stands outside furniture: a page that dates itself only so, at the end of its text
    (an office's notice, a government page), is dated by that for its reader. Only for a
    page with no other date at all; several such days and none is taken."""
    if tree.body is None or not date_words.says_modified_word(shown, lowered):
        return None
    found = dates.find_text_dates(visible_text(tree.body), today=today, month_first=month_first)
    days = {date_stamps.local_date(d.value) for d in found if d.modified}
    if len(days) != 1:
        return None
    return next(d.value for d in found if d.modified)


def time_in_article(tree: LexborHTMLParser, today: dt.date | None) -> Published | None:
    """The first ``<time>`` of the page's one ``<article>``, wherever in it: a minimal
    theme sets the post's date apart in an ``<aside>`` of the article, which every nearer
    rule reads as furniture. Only where the page holds one ``<article>``: a page of
    several (teasers, related posts) says by that nothing of whose date it is. Never a
    reader's comment's (``in_comments``)."""
    articles = tree.css("article")
    if len(articles) != 1:
        return None
    for node in articles[0].css("time"):
        found = stated_time(node, today)
        if found is not None and not in_comments(node):
            return found[0]
    return None


def stated_time(
    node: LexborNode, today: dt.date | None, *, updates: bool = False
) -> tuple[Published, bool] | None:
    """A ``<time>``'s date, and whether its ``datetime`` attribute stated it (else its
    text, "<time>Feb 6, 2025</time>"): None for one marked as an update (its class, its
    itemprop or its parent's class, or in words: ``_labelled_update``) or dated after
    ``today``; with ``updates``, the other way round: only such a one's date, the last
    change. One reading for every rule that takes a ``<time>``."""
    attrs = node.attributes  # a dict built at each read: read once
    classes = attrs.get("class") or ""
    marker = f"{classes} {attrs.get('itemprop') or ''}"
    parent = node.parent
    if parent is not None:
        marker += f" {parent.attributes.get('class') or ''}"
    marked = date_words.MODIFIED_MARKER.search(marker) is not None
    if marked and _PUBLICATION_CLASS.search(classes):
        marked = False  # the publication, which hAtom asks to be "updated" too
    if marked and not updates:
        return None
    # (hAtom's ``<abbr class="published">`` states it in its title: ``metadata.HATOM_PUBLISHED``)
    stamp = attrs.get("datetime") if node.tag == "time" else attrs.get("title")
    shown = node.text(deep=True) or ""
    if stamp:
        parsed = date_stamps.parse_iso(stamp)
    else:
        parsed = dates.parse_text_date(shown, today=today)
    if parsed is None or date_stamps.after(parsed, today):
        return None
    if (marked or _labelled_update(node, shown)) != updates:
        return None
    return parsed, bool(stamp)


# A ``<time>``'s own class naming it the post's publication, hAtom's "published" (a word
# of a class too: Publisher's "post-published updated"). Themes mark that one "updated"
# too, as hAtom asks every entry to have an "updated": the underscores starter and the
# Twenty themes print "entry-date published updated" for a post never changed; the last
# change of a changed post is the one marked "updated" alone ("<time class="updated">").
# Not WordPress's "entry-date" alone: tagDiv's Newspaper prints "entry-date updated
# td-module-date" on every teaser's date as on the post's, and its teaser blocks may stand
# above the post (a header's news block), where the first such <time> would date the page
# by another story; its post's day is read from the text by the headline instead.
_PUBLICATION_CLASS = re.compile(r"(?<![^\s_-])published(?![^\s_-])")


def updated_time(tree: LexborHTMLParser, today: dt.date | None) -> tuple[Published, bool] | None:
    """The first ``<time>`` outside furniture and readers' comments marked as the last
    change (``stated_time``), and whether its ``datetime`` stated it: the modified date
    of a page that shows no other date, as a day labelled "Updated" by the headline is
    (an office's "Последна промяна: <time datetime=…>март 2025</time>" gives its day to
    no text rule)."""
    for node in tree.css("time"):
        found = stated_time(node, today, updates=True)
        if found is not None and not in_furniture(node) and not in_comments(node):
            return found
    return None


def marked_publication(node: LexborNode) -> bool:
    """Whether a ``<time>`` is marked as the page's publication: HTML5's ``pubdate``,
    microdata's ``itemprop="datePublished"``, hAtom's "published" class word, or the words
    "Published"/"Публикувано" just before it (``_text_before``)."""
    attrs = node.attributes
    if "pubdate" in attrs or attrs.get("itemprop") == "datePublished":
        return True
    if _PUBLICATION_CLASS.search(attrs.get("class") or ""):
        return True
    return dates.labels_publication(_text_before(node))


# What states a page's first publication in words, the date right after it: "This
# article was originally published on 26 Sep 2019 …", "First posted March 3, 2021",
# "Статията е публикувана първоначално на 12.03.2021". Any case, the words' first letter
# as well: that letter is written as the class of every character ignoring case matches
# ("[oO]": no other does, for any of the three), the rest ignoring case, so that the
# pattern opens with a class. re then skips to the next of those letters between tries
# (a "charset prefix"); opening with ``(?<!\w)`` or with a cased letter under IGNORECASE,
# it tried the whole pattern at every character: 5.2 ms → 1.1 ms a text of the 488 dev
# pages' that hold a stem, the same matches on all of them and on 200,000 random strings
# of the words' pieces. ``(?<!\w.)`` after the letter is ``(?<!\w)`` before it, and each
# word's first letter is asked again (``(?<=o)``) so that no other word's spells it.
_FIRST_PUBLISHED = re.compile(
    r"[oOfFпП](?<!\w.)"
    r"(?i:(?:(?<=o)riginally|(?<=f)irst)\s+(?:published|posted)(?:\s+on)?"
    r"|(?:(?<=п)ървоначално\s+публикуван[аои]?|(?<=п)убликуван[аои]?\s+(?:първоначално|за\s+първи\s+път))"
    r"(?:\s+на)?)\s+"
)
_FIRST_REACH = 60  # characters after the words where their date must stand, first
# A stem every phrase of ``_FIRST_PUBLISHED`` holds, past its first letter, in lower and
# in upper case (a word cased otherwise within is no reader's): most pages hold none, and
# looking for them costs a tenth of the pattern's scan before its letter class let re skip
# ahead (15% of a plain news page's extraction, on every page a printed date dates;
# lowering the text first cost a third of it).
_FIRST_STEMS = ("ublish", "osted", "убликуван", "UBLISH", "OSTED", "УБЛИКУВАН")


def first_published(text: str, today: dt.date | None, month_first: bool) -> Published | None:
    """The day a page says in words it was first published ("originally published on 26
    Sep 2019", "публикувана първоначално на 12.03.2021"), the date that follows the words
    at once; None where no such words stand before a date (a sentence about "the first
    published reference" dates nothing)."""
    if not any(stem in text for stem in _FIRST_STEMS):
        return None
    for match in _FIRST_PUBLISHED.finditer(text):
        # (the words' pattern spans line breaks; the date parser reads one line)
        after = text[match.end() : match.end() + _FIRST_REACH].replace("\n", " ")
        found = dates.find_text_dates(after, today=today, month_first=month_first)
        if found and found[0].start == 0:
            return found[0].value
    return None


def _labelled_update(node: LexborNode, shown: str) -> bool:
    """Whether the words before a ``<time>``'s day call it the last change: "Last
    updated: <time>…</time>", "Обновена на <time>…</time>", or inside it, "<time
    datetime=…>Updated April 10, 2025</time>". A theme that names the element after the
    publication ("published-date") and prints "Updated" in it says so to the reader, who
    is the one it asks; the class is the template's, written once for every page."""
    before = _text_before(node)
    if not date_words.says_modified_word(f"{before} {shown}"):
        return False  # (most pages: no such word, nothing more to read)
    return dates.labels_update(before, shown)


# Characters of text before a ``<time>`` where its label would stand, and how many
# elements up it is looked for when the ``<time>`` opens its parent ("<span>Updated
# on</span> <span><time>…</time></span>").
_LABEL_CHARS = 40
_LABEL_LEVELS = 2


def _text_before(node: LexborNode) -> str:
    """The last ``_LABEL_CHARS`` characters of text before ``node`` in its parent, or in
    its parent's parent when nothing stands before it in its own."""
    current: LexborNode | None = node
    for _ in range(_LABEL_LEVELS):
        if current is None:
            break
        pieces: list[str] = []
        size = 0
        sibling = current.prev
        while sibling is not None and size < _LABEL_CHARS:
            piece = sibling.text(deep=True) or ""
            pieces.append(piece)
            size += len(piece)
            sibling = sibling.prev
        text = " ".join("".join(reversed(pieces)).split())
        if text:
            return text[-_LABEL_CHARS:]
        current = current.parent
    return ""
