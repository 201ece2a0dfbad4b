"""The headline a reader sees, when no profile selector names it.

Sources, in the order they are trusted: the page's own ``<h1>``, then what the page states
its title is (og:title, JSON-LD headline, ``<title>``) without the site's affixes. The
stated titles are also the evidence used to judge an h1 (is it the headline or the logo?)
and to find which segments of a stated title are the site's name.

Typography is kept as the page prints it: curly apostrophes, en and em dashes, ellipses.
Folding "’" to "'" would change the publisher's text to match how people type, and
nothing needs it: the archive's full-text index (``unicode61``) splits words at both
characters, so a search for "Beginner's" finds "Beginner’s". Hand-made reference titles
disagree among themselves (on WCXB dev the fold fixed 8 pages of one half and broke
one more than it fixed on the other), which says the choice is a convention, not an error.
Only what a reader never sees is repaired: references escaped twice ("&amp;quot;"). One
exception, read last (``typed_marks``): an h1's curly single quotes and em dashes give
way to the straight quotes and "--" its og:title and ``<title>`` both type.

Measured and rejected on WCXB dev (h1 against og:title and ``<title>``, which agree): an
h1 in a hero or banner (even +7 -4, odd +2 -6), the agreed stated title over any h1 they
do not confirm (even +19 -31, odd +9 -28), or over an h1 only JSON-LD confirms (+4 -21):
the reference follows the h1 as often as not, whatever its words share with the titles.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive import dates
from newsarchive.char_references import unescape_references
from newsarchive.class_names import class_words
from newsarchive.discover.explore import NEWS_WORDS
from newsarchive.discover.urls import url_key
from newsarchive.extraction.bylines import (
    POSTED_BY,
    is_bare_date,
    may_be_dated,
    opens_with_byline,
    signer,
)
from newsarchive.extraction.clean import (
    HEADINGS,
    SCREEN_READER_CLASSES,
    is_heading_permalink,
    is_i18n_key,
)
from newsarchive.extraction.furniture import (
    FURNITURE_ELEMENTS,
    HEADLINE_DATE_TAGS,
    in_furniture,
    in_marked_furniture,
    is_furniture,
    remembered,
    shown_as_line,
    visible_text,
)
from newsarchive.extraction.links import absolute, host_and_path, parse_link
from newsarchive.extraction.metadata import MAX_TITLE_CHARS, Metadata
from newsarchive.memo import memoised
from newsarchive.models import Profile
from newsarchive.transliteration import LATIN

SEPARATORS = (" :: ", " | ", " - ", " — ", " – ", " « ", " » ", " • ", " · ", " / ")
_WORD = re.compile(r"\w+")
# The same separators with any spacing, to split a title into its segments. Its first
# space apart (``\s\s*``, not ``\s+``): a pattern opening with a character class lets the
# engine skip to the next space before trying a match, where ``\s+`` had it start a whole
# match at every character of the title (a third of its instructions; same matches).
_SEGMENTS = re.compile(r"\s\s*(?:" + "|".join(re.escape(s.strip()) for s in SEPARATORS) + r")\s+")


def _split_segments(title: str) -> tuple[str, ...]:
    """A title's segments (``_SEGMENTS``' split), as a tuple: one memo's answer is shared
    by every caller, so none may change it."""
    return tuple(_SEGMENTS.split(title))


# ``_split_segments`` memoised as ``_words`` is and for the same reason: the rules split
# the same few titles of a page again and again (five splits in six on AEB repeat one of
# the same page).
_segments = memoised(_split_segments, 256)


def clean_title(text: str) -> str:
    """Whitespace folded and character references decoded once more
    (``char_references.unescape_references``: CMSs escape titles twice)."""
    return " ".join(unescape_references(text).split())


# What sets a date apart from the headline it is printed in: a separator or a bracket.
_DATE_APART = re.compile(r"(?:^|\s)(?:[-–—|/•·,]\s*|\()$")
_DATE_WORDS = 6  # "петък, 12 март 2026 г., 10:30"
_DATED_HEADLINE_WORDS = 2  # what is left must still be a headline
_OPENING_QUOTES = "„“\"«'"


def without_date(title: str) -> tuple[str, str]:
    """The headline without the date a theme prints inside its h1, and that date's text
    ("03.03.2026 Консултации за земеделци", "Консултации за земеделци (12.03.2026)",
    "… – 12 март 2026 г."): the date has its own field, and a title archived with it
    reads as another story's in a list. (title, "") for any other title: a date that ends
    a sentence ("Бюджетът ще бъде приет до 15.03.2026") is the headline's own, so a date
    at the end counts only set apart by a separator or a bracket; one at the start only
    when a capitalised headline follows it ("12 март 2026 г. ще остане…" is a sentence)."""
    if not may_be_dated(title):
        return title, ""
    words = title.split()
    for k in range(min(_DATE_WORDS, len(words) - _DATED_HEADLINE_WORDS), 0, -1):
        head = " ".join(words[:k])
        rest = " ".join(words[k:]).lstrip("-–—|/•·:, ")
        opening = rest.lstrip(_OPENING_QUOTES)[:1]  # („Зелена Бяла“ стартира: a name first)
        if is_bare_date(head) and opening.isupper() and len(rest.split()) >= _DATED_HEADLINE_WORDS:
            return rest, head
    for k in range(min(_DATE_WORDS, len(words) - _DATED_HEADLINE_WORDS), 0, -1):
        tail = " ".join(words[-k:])
        rest = " ".join(words[:-k])
        opens = tail[:1] == "("
        if opens and tail[-1:] != ")":
            continue
        apart = _DATE_APART.search(rest + (" (" if opens else ""))
        if apart and is_bare_date(tail):
            rest = rest[: apart.start()].rstrip(" -–—|/•·,") if not opens else rest
            if len(rest.split()) >= _DATED_HEADLINE_WORDS:
                return rest, tail
    return title, ""


def edge_segments(title: str) -> tuple[str, ...]:
    """The first and the last part of a title that separators split ("Headline - Дунавски
    вести", "БТА :: Headline"): where a site prints its name; () for a title of one part."""
    parts = _segments(clean_title(title))
    return (parts[0], parts[-1]) if len(parts) > 1 else ()


def strip_site_affixes(
    title: str, affixes: tuple[str, ...], site_name: str | tuple[str, ...] = ""
) -> str:
    """Remove "БТА :: " style prefixes and " | Община Русе" style suffixes."""
    title = clean_title(title)
    for affix in affixes:
        if title.startswith(affix):
            title = title[len(affix) :]
        if title.endswith(affix):
            title = title[: -len(affix)]
    names = (site_name,) if isinstance(site_name, str) else site_name
    for name in (n.strip() for n in names if n and n.strip()):
        for sep in SEPARATORS:
            if not title.endswith(name) and not title.startswith(name):
                break  # (nor will it after any other separator: most titles, at the first)
            if title.endswith(sep + name):
                title = title[: -len(sep + name)]
            if title.startswith(name + sep):
                title = title[len(name + sep) :]
    return title.strip()


def _after_site_name(title: str, site_names: tuple[str, ...]) -> str:
    """Blogger's "Blog name: Post title" without the blog's name: a colon after the name
    the site gives itself (its logo h1, og:site_name, the profile's name) only; after
    anything else it is the headline's own ("ВИДЕО: Пожар в …", "The 2024 SELF Healthy
    Beauty Awards: The Best …", whose og:title leaves out the part before the colon)."""
    for name in (n.strip() for n in site_names if n and n.strip()):
        if title.startswith(name + ": ") and title[len(name) + 2 :].strip():
            return title[len(name) + 2 :].strip()
    return title


def title_forms(title: str) -> tuple[str, ...]:
    """The title and its longest segment: how a page without an h1 may print its headline
    when the stated title still carries the site's name ("Заглавие | Община Пример")."""
    return (title, max(_segments(title), key=len)) if title else ()


def generic_title(
    tree: LexborHTMLParser,
    meta: Metadata,
    profile: Profile,
    url: str,
    *,
    h1s: list[LexborNode],
    generic: bool,
) -> tuple[str, str]:
    """The headline and the rule that gave it, from the page's own markup.

    Why the h1 first: og:title and ``<title>`` are written for search and social cards and
    are often reworded ("Best X in 2025 – Top 10 Picks | Site"); the h1 is what a person
    reads (which h1: ``_pick_heading``). When none reads as the headline, the stated
    titles in turn, og:title first, never one that is only the site's name. Site names
    come from og:site_name, the profile (``generic`` is False under a site profile), the
    host name and the stated titles' differences; they are cut from whichever is used,
    and so is "Name: " before it where the name is one the site gives itself (a logo h1
    linking the home page, og:site_name, the profile's). A ``<title>`` that a link home
    prints whole is the site's name, not split at its dash: the title only where nothing
    else is (``SITE_NAME_RULE``, ``_home_names``).
    """
    own: tuple[str, ...] = (clean_title(meta.og_site_name),)  # the names it gives itself
    if not generic:
        own += (profile.name,)
    names = own
    og, ld, tt = (_stated(v) for v in (meta.og_title, meta.jsonld_headline, meta.html_title))
    md = _stated(meta.microdata_headline) if not ld else ""
    site_self = {v for v in (og, tt) if v and _is_site_self_title(v)}
    if site_self:  # (a stated title its h1 says too is the headline, whatever it says of a site)
        heads = {clean_title(h.text()).casefold() for h in h1s}
        site_self = {v for v in site_self if v.casefold() not in heads}
    stated = [v for v in (og, ld, md, tt) if v and v not in site_self]
    names += tuple(v for v in (og, tt) if v in site_self)
    names += (
        *_host_named_segments(og, url),
        *_host_named_segments(tt, url),
        *_stated_affixes(stated),
    )
    shown = _Shown()  # (the heading rules and the logo rule read the same h1s)
    headings = _headings(h1s, stated, shown)
    names += tuple(v for v in (*(h.text for h in headings[:2]), *stated) if _spells_host(v, url))
    names += tuple(
        v
        for v in (*(h.text for h in headings[:2]), *_beside_site_self(stated))
        if _INSTITUTION_NAME.fullmatch(v)
    )
    own += _logos(h1s, shown)
    h1, rule = _pick_heading(headings, stated, names)
    if h1 and rule:
        headline = strip_site_affixes(h1, profile.title_affixes, names)
        if not _pipe_kept(headline, stated, names):
            headline = _before_pipe(headline)
        headline = _after_site_name(headline, own)
        return _stated_casing(headline, stated, profile, names), rule
    found = []
    home = _home_names(tree) if tt else frozenset()
    site: tuple[str, str] | None = None  # a stated title that is the site's name, whole
    for value, rule in (
        (og, "generic:og:title"),
        (ld, "generic:jsonld:headline"),
        (md, "generic:microdata:headline"),
        (_stated(meta.twitter_title), _TWITTER),
        ("" if _is_blurb(h1) else h1, "generic:h1"),
        (tt, "generic:title"),
    ):
        if not value or _is_name(value, names):  # an og:title that is the site's name
            continue
        if rule == "generic:title" and _fold(value) in home:  # (kept whole, not its half)
            site = site or (value, SITE_NAME_RULE)
        else:
            value = _after_site_name(strip_site_affixes(value, profile.title_affixes, names), own)
            found.append((_before_pipe(_split_by_heading(value, h1)), rule))
    return _printed_first(tree, found) or site or ("", "none")


_TWITTER = "generic:twitter:title"
# The rule of a title that is the site's name whole, as its logo prints it, where the page
# states nothing else: the headline over the text is looked for (``headline_above_body``).
SITE_NAME_RULE = "generic:site-name"
_CARDS = frozenset({"generic:og:title", "generic:jsonld:headline", "generic:microdata:headline"})


def _printed_first(tree: LexborHTMLParser, found: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The first of ``found`` (twitter:title never), unless that is a card's title
    (og:title, JSON-LD's or microdata's headline) the page does not print as a heading
    (an h2 or h3 outside furniture) and another card's title, twitter:title's among them,
    is printed so: with no h1 to read, that heading is the headline a reader sees, and the
    first a card's rewording of it ("How Google Cloud runs AI inference at production
    scale" over a printed "How Google Cloud is shaping the enterprise AI inference
    moment", which only twitter:title states). The h1 and ``<title>`` keep their places:
    a section's name in ``<title>`` ("Новини") is printed in the menu as often."""
    first = next(((v, r) for v, r in found if r != _TWITTER), None)
    cards = [(v, r) for v, r in found if r in _CARDS or r == _TWITTER]
    if first is None or first[1] not in _CARDS or len({v for v, _ in cards}) < 2:
        return first
    furniture = remembered(is_furniture)
    printed = set()
    for node in tree.css("h2, h3"):
        text = clean_title(node.text_lexbor())
        if any(text == v for v, _ in cards) and not in_furniture(node, furniture):
            printed.add(text)
    if first[0] in printed:
        return first
    return next(((v, r) for v, r in cards if v in printed), first)


def _stated(value: str) -> str:
    """A title the page states, "" when it is a template's untranslated key ("site.bta"
    as og:title and ``<title>``, where a translation file is missing): no headline, and
    no site name to cut from the others either."""
    value = clean_title(value)
    return "" if is_i18n_key(value) else value


# A title that calls the page the site ("Официален сайт на Община Габър", "Official
# website of …"): one segment, both words. A CMS writing it into every page's ``<title>``
# and og:title says nothing of the article; a headline naming a site stands beside the
# site's name ("Нов официален сайт | Община Габър"), in two segments.
_SITE_SELF = re.compile(
    r"^(?=.*\b(?:официал\w*|official)\b)(?=.*\b(?:сайт|уебсайт|интернет страница|портал"
    r"|site|website|web site|portal)\b)",
    re.IGNORECASE,
)


def _is_site_self_title(title: str) -> bool:
    """The stated title is the site's own description, no page's headline."""
    return len(_segments(title)) == 1 and bool(_SITE_SELF.match(title))


_NAV_WORDS = 8  # a site's or a section's name, as its menu or logo link prints it


def without_navigation(title: str, tree: LexborHTMLParser) -> str:
    """A ``<title>`` without the parts at its end or its start that the page prints as
    the whole text of a link of its navigation: the logo's link home (the site's name,
    "НЧ „Искра 1910“ – с. Примерово") or a menu's (a section's, "Новини"). A uCoz blog
    titles every post "Headline - Новини - НЧ „Искра 1910“ – с. Примерово", and a page
    with no h1, og:title or heading over its text states nothing else that tells its
    names from its headline. Never the title's longest part (the headline, unless it is
    a name), and not what a link inside the text prints (a tag "Радев" opening "Радев -
    Ердоган: …"). Read before extraction changes the tree (its menus go)."""
    if not _SEGMENTS.search(title):
        return title
    links = _navigation(tree)
    longest = max(len(_words(p)) for p in _segments(title))

    def keeps(rest: str) -> bool:
        return max(len(_words(p)) for p in _segments(rest)) == longest

    cut = True
    while cut:
        cut = False
        separators = list(_SEGMENTS.finditer(title))
        for sep in separators:  # the longest end that is a link's text
            if _fold(title[sep.end() :]) in links and keeps(title[: sep.start()]):
                title, cut = title[: sep.start()], True
                break
        for sep in reversed(separators if not cut else ()):  # else the longest start
            if _fold(title[: sep.start()]) in links and keeps(title[sep.end() :]):
                title, cut = title[sep.end() :], True
                break
    return title


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _navigation(tree: LexborHTMLParser) -> frozenset[str]:
    """The texts (``_fold``) of the page's links to its home page and of its links in
    furniture (a menu, a header, a footer), short as names are: the site's and its
    sections' names. A link home that shows only its logo is read as a screen reader
    reads it, by the picture's ``alt`` ("<a href="/"><img alt="Община Примерно"></a>"):
    the name the site gives itself, which an old site's ``<title>`` prints before or
    after each headline."""
    found = set()
    furniture = remembered(is_furniture)  # a menu's links share their ancestors
    for link in tree.css("a[href]"):
        home = _home_link(link)
        text = _link_name(link, home)
        if not text or len(_words(text)) > _NAV_WORDS:
            continue
        if home or in_furniture(link, furniture):
            found.add(text)
    return frozenset(found)


def _link_name(link: LexborNode, home: bool) -> str:
    """A link's text (``_fold``), or for a link home showing only its logo, the picture's
    ``alt``, as a screen reader reads it: the name the site gives itself."""
    text = _fold(link.text_lexbor())
    if not text and home:
        text = _fold(" ".join(img.attributes.get("alt") or "" for img in link.css("img")))
    return text


def _home_names(tree: LexborHTMLParser) -> frozenset[str]:
    """The texts (``_fold``) of the page's links to its home page: the logo's, the site's
    name. A ``<title>`` that is one of them whole names the site, not the page, though a
    separator splits it ("РИОСВ – Примерово", "СУ „Христо Ботев“ – гр. Примерово" on
    every page of an old site): cut at the dash, its half was the title, and the headline
    over the text went into the body. Asked of the ``<title>`` only: an og:title is set
    for each page by software that knows its posts, and one that is the logo's name is
    what that page is called (a section's front, an about page)."""
    return frozenset(_link_name(link, True) for link in tree.css("a[href]") if _home_link(link))


def _before_pipe(title: str) -> str:
    """ "Headline | Tagline | Unknown Site" -> "Headline": what follows a pipe is a section,
    a tagline or a site's name that nothing else revealed, almost never the headline's own
    words. Only when the first part is the longest (ties included): "Новини | Голямото
    заглавие" names its section first and keeps it."""
    parts = title.split(" | ")
    if len(parts) < 2:
        return title
    sizes = [len(_WORD.findall(p)) for p in parts]
    return parts[0].strip() if sizes[0] >= max(sizes[1:]) else title


def _pipe_kept(headline: str, stated: list[str], names: tuple[str, ...]) -> bool:
    """A stated title is the whole h1, pipe and all, then another separator and the
    site's name ("A | B — Site" over an h1 "A | B"): the site sets its name off with
    that one, so the h1's pipe is its headline's own, whatever ``_before_pipe`` makes of
    a title of unknown parts."""
    if " | " not in headline:
        return False
    for title in stated:
        for sep in SEPARATORS:
            if sep != " | " and title.startswith(headline + sep):
                return _is_name(title[len(headline + sep) :], names)
    return False


class _Heading:
    """An h1's text, and whether it sits in anything named like furniture (a "banner", a
    "header-top"): worked out only when a rule asks, since walking the ancestors'
    class names is the costly part and most pages are decided by the first h1."""

    def __init__(self, node: LexborNode, text: str) -> None:
        self.node = node
        self.text = text

    @cached_property
    def furniture(self) -> bool:
        return in_marked_furniture(self.node)


class _Shown:
    """Each h1's text as shown and whether it is a logo linking home (``_links_home``),
    worked out once a page: ``_headings`` and ``_logos`` both read them of the same h1s,
    and each costs a walk of the h1 and a query inside it."""

    def __init__(self) -> None:
        self._texts: dict[int, str] = {}
        self._home: dict[tuple[int, str], bool] = {}

    def text(self, node: LexborNode) -> str:
        found = self._texts.get(node.mem_id)
        if found is None:  # (read as shown: "A<br>B" is two words, so is a block span's)
            found = self._texts[node.mem_id] = clean_title(
                visible_text(node, hide=_not_headline, lines=shown_as_line)
            )
        return found

    def links_home(self, node: LexborNode, text: str) -> bool:
        key = (node.mem_id, text)
        found = self._home.get(key)
        if found is None:
            found = self._home[key] = _links_home(node, text)
        return found


_MAX_HEADINGS = 12


def _headings(h1s: list[LexborNode], stated: list[str], shown: _Shown) -> list[_Heading]:
    """The page's h1s with text, those inside an article or main element first, none from
    a footer, aside, nav, menu or dialog, none that is a logo, and none longer than any
    title (``metadata.MAX_TITLE_CHARS``: an h1 left open over the article, a hostile
    page's megabyte of it)."""
    inside: list[_Heading] = []
    outside: list[_Heading] = []
    for node in h1s:
        place = _place(node)
        found = inside if place == "main" else outside
        if place in ("furniture", "text") or len(found) >= _MAX_HEADINGS:
            continue
        text = shown.text(node)
        text = _without_source(
            _without_tail(node, _without_label(node, text, stated), stated), stated
        )
        if not text or len(text) > MAX_TITLE_CHARS or is_i18n_key(text):
            continue
        if shown.links_home(node, text):
            continue
        if (
            stated
            and _section_anchor(node, text)
            and _follows_prose(node)
            and not _confirmed(text, stated, ())[0]
        ):
            continue
        found.append(_Heading(node, text))
    return inside + outside


# A source's host in brackets after a headline: "… Guarantee Jobs (latimes.com)".
_SOURCE = re.compile(r"\s+\((?:[a-z0-9-]+\.)+[a-z]{2,}\)$")


def _without_source(text: str, stated: list[str]) -> str:
    """The h1 without the host of the story it links to, which a news aggregator prints
    after the headline ("<a>Headline</a> <a href="https://latimes.com/…">(latimes.com)</a>"),
    when the page states the rest as its title: the host is a credit, not the headline's
    words. Only then, as a headline may end with a name that looks like a host ("(Node.js)"
    in a release's title, which the page's title repeats)."""
    found = _SOURCE.search(text) if text.endswith(")") else None
    if found is None or not stated:
        return text
    rest = text[: found.start()]
    return rest if _confirmed(rest, stated, ())[0] else text


def _section_anchor(node: LexborNode, text: str) -> bool:
    """The h1 holds a permalink to itself ("<h1 id="x"><a class="anchor" href="#x">"):
    how Markdown renderers mark the headings of a text's sections, which a writer may set
    at any level, while the theme prints the headline apart (in a ``<header>``'s h2 that
    the page's title repeats). Read only for an h1 no stated title confirms, after a
    paragraph of the text (``_follows_prose``): a documentation page's h1 carries the
    same permalink and is its title. The h1's own children only: renderers put the
    permalink there, and no query is compiled for it."""
    for child in node.iter():
        if child.tag != "a":
            continue
        fragment = (child.attributes.get("href") or "").partition("#")
        if fragment[0] or not fragment[2]:
            continue
        return fragment[2] == node.attributes.get("id") or fragment[2].casefold() == "-".join(
            _words(text)
        )
    return False


def _follows_prose(node: LexborNode) -> bool:
    """A paragraph stands before the h1 in its element: a section's heading comes after
    the text it continues, a post's headline over all of it. A Markdown blog's own h1
    with its permalink, under a ``<title>`` that is only the blog's name, stays the
    headline."""
    sibling = node.prev
    while sibling is not None:
        if sibling.tag == "p" and sibling.text_lexbor().strip():
            return True
        sibling = sibling.prev
    return False


def _not_headline(node: LexborNode) -> bool:
    """What an h1 may hold besides the headline's words: furniture, a ``<time>`` (blog
    themes print the post's date inside the headline's permalink: "Dec 18 2025
    Preparing a transition"), and a date set apart in an element of its own, the whole
    of it a date line (Bootstrap's page header, "<h1>Изложба … <small>02.12.2026</small>
    </h1>"); the date has its own field (``published._apart_in_headline``)."""
    if node.tag == "time" or (node.tag == "a" and is_heading_permalink(node)):
        return True
    if node.tag in HEADLINE_DATE_TAGS and dates.is_date_line(
        " ".join(node.text(deep=True).split())
    ):
        return True
    return is_furniture(node) and not _spoken_separator(node)


def _spoken_separator(node: LexborNode) -> bool:
    """``node`` is text for screen readers alone that is only punctuation, the separator a
    headline's kicker is read aloud with ("<span>Klimaforschung</span><span
    class="visually-hidden">: </span><span>Alpengletscher …</span>"): the page's own
    title says it so ("Klimaforschung: Alpengletscher …"), and hidden it left the kicker
    glued to the headline's first word ("KlimaforschungAlpengletscher")."""
    classes = node.attributes.get("class")
    if not classes or not any(word in SCREEN_READER_CLASSES for word in classes.split()):
        return False
    text = node.text(deep=True)
    return bool(text.strip()) and not any(ch.isalnum() for ch in text)


MAX_LABEL_WORDS = 3
# A separator opening what follows a label: "Verkehr: Neue Brücke" less "Verkehr".
_SEPARATOR_OPENING = re.compile(r"^[:|·•–—-]+\s*")


def _without_label(node: LexborNode, text: str, stated: list[str]) -> str:
    """The h1's text without a label set apart in its own element at its start
    ("<strong>Blog:</strong> Best agencies…", "<span>Title:</span>…"), when no stated title
    opens with it: the page's own title does not count it as the headline's. A label the
    og:title repeats ("ВИДЕО: Пожар в…") is kept, as the site names its headline so.

    A kicker without a colon ("<span>ВИДЕО</span>Пожар в…", run on with no space, read
    "ВИДЕОПожар в…") goes too, but only where a stated title confirms the rest as the
    headline (``_confirmed``) or its class names it a label (``LABEL_CLASS``: "<span
    class="badge">ВИДЕО</span>" under a ``<title>`` of the site's name alone): without
    either nothing says the element's words are a label and not the headline's first
    words ("<em>Нов</em> мост над…")."""
    first = next((c for c in node.iter(include_text=True) if (c.text() or "").strip()), None)
    if first is None or first.tag == "-text" or not stated:
        return text
    label = clean_title(first.text())
    words = _words(label)
    if not 0 < len(words) <= MAX_LABEL_WORDS:
        return text
    # (the separator a screen reader says after it goes with it: ``_spoken_separator``)
    rest = _SEPARATOR_OPENING.sub("", text[len(label) :].strip())
    if not text.startswith(label) or not rest:
        return text
    if any(_words(title)[: len(words)] == words for title in stated):
        return text
    if not label.endswith(":") and not LABEL_CLASS.search(first.attributes.get("class") or ""):
        if not _confirmed(rest, stated, ())[0]:
            return text
    return rest


# A class naming an element a label set before a headline ("<span class="badge
# badge-video">ВИДЕО</span>", "kicker", "flag", "rubric"): as a colon after it, what says
# its words are no headline's; and a field's label beside its value (Drupal's
# "field__label" over "Release Date"), whose words are no writer's either
# (``authors``). Whole class words (``class_words``): "vintage" or "stage-title" holds
# "tag" and names no label.
LABEL_CLASS = class_words(("badge", "kicker", "label", "flag", "rubric", "tag"))


def _without_tail(node: LexborNode, text: str, stated: list[str]) -> str:
    """The h1's text without a subtitle set apart in its own element at its end
    (Bootstrap's documented page header, "<h1>Нов парк <small>Работите започват днес</small>
    </h1>"), where a stated title confirms the rest as the headline and none the whole:
    the kicker's mirror (``_without_label``), as cheap (the h1's last child is looked at
    only when the page states a title). Without the confirmation an element closing the
    h1 is the headline's last words ("Нов мост над <em>Янтра</em>")."""
    if not stated:
        return text
    last = None
    for child in node.iter(include_text=True):
        if (child.text() or "").strip():
            last = child
    if last is None or last.tag == "-text":
        return text
    tail = clean_title(last.text())
    if not tail or not text.endswith(tail) or not (rest := text[: -len(tail)].strip()):
        return text
    if _confirmed(text, stated, ())[0] or not _confirmed(rest, stated, ())[0]:
        return text
    return rest


def _place(node: LexborNode) -> str:
    """ "furniture" inside a footer, aside, nav, menu or dialog (``FURNITURE_ELEMENTS``:
    their h1s are never the headline, whatever the page states: a mega-menu built of
    h1s, a footer's site name), or in the page's masthead over its menu
    (``_menu_after``); "text" inside the element microdata names the ``articleBody`` (an
    author's h1 over a section of a Blogger post: the headline is not part of the body)
    but where it opens that element (``_opens``); else "main" inside an article or main
    element; else ""."""
    place = ""
    header: LexborNode | None = None
    current: LexborNode | None = node.parent
    while current is not None and current.tag not in ("body", "html", None):
        if current.tag in FURNITURE_ELEMENTS:
            return "furniture"
        # (``attrs`` reads the one attribute: ``attributes`` builds a dict of them all)
        if "articleBody" in (current.attrs.get("itemprop") or "").split() and not _opens(
            current, node
        ):
            return "text"  # microdata's article body: its h1s head sections of the text
        if current.tag in ("article", "main"):
            place = "main"
        elif current.tag == "header" and header is None:
            header = current
        current = current.parent
    if not place and header is not None and _menu_after(header, node):
        return "furniture"  # (the masthead's h1: the site's name over every page)
    return place


# How far into the article body's element an h1 that opens it may stand.
_OPENING_NODES = 200


def _opens(body: LexborNode, h1: LexborNode) -> bool:
    """Whether ``h1`` is the one h1 in ``body`` and no text stands before it: the page's
    headline where a theme names its whole page the ``articleBody`` (Read the Docs'
    theme, around a document whose h1 is its title, its sections h2s). A post whose
    sections are h1s opens with one too (a Blogger post under its h3 headline)."""
    for seen, node in enumerate(body.traverse(include_text=True)):
        if node.mem_id == h1.mem_id:
            return len(body.css("h1")) == 1
        if seen >= _OPENING_NODES or (node.tag == "-text" and (node.text_content or "").strip()):
            return False
    return False


# The fewest links of a site's menu.
_MENU_LINKS = 3


def _menu_after(header: LexborNode, h1: LexborNode) -> bool:
    """Whether a ``<header>`` outside any article holds the site's menu (links in a list
    or a ``<nav>``) after the h1: the page's masthead, whose h1 is the site's name over
    every page, as its logo ("Детска градина „Звездица“ – гр. Примерово" over the menu,
    the post's headline an h2 over its text). A masthead's h1 after its menu is the
    page's headline set in the hero band ("page-masthead": the menu, then the
    article's h1)."""
    passed, links = False, 0
    for node in header.traverse():
        if node.mem_id == h1.mem_id:
            passed = True
        elif passed and node.tag == "a" and "href" in node.attributes:
            if _in_menu(node, header):
                links += 1
                if links >= _MENU_LINKS:
                    return True
    return False


def _in_menu(link: LexborNode, header: LexborNode) -> bool:
    """The link stands in a list or a ``<nav>`` inside ``header``."""
    current = link.parent
    while current is not None and current.mem_id != header.mem_id:
        if current.tag in ("ul", "ol", "nav", "menu"):
            return True
        current = current.parent
    return False


def _logos(h1s: list[LexborNode], shown: _Shown) -> tuple[str, ...]:
    """The texts of the h1s that link the home page (``_links_home``): the site's name,
    which its ``<title>`` repeats ("НЧ „Искра“: Нови книги" under a Blogger blog's
    "<h1><a href="…/">НЧ „Искра“</a></h1>")."""
    found = []
    for node in h1s[:_MAX_HEADINGS]:
        text = shown.text(node)
        if text and shown.links_home(node, text):
            found.append(text)
    return tuple(found)


# The class or id a theme names its logo's h1 by ("<h1 id="logo">", "<h1
# class="site-title">"): Joomla 2.5's beez_20 sets the institution's long name so on
# every page, linking nowhere, and as an h1 of five words or more it read as the
# headline reworded (``_is_headline``), over the h2 the page's ``<title>`` states word
# for word. Such an h1 is the headline only where a stated title shares half its words.
_LOGO_NAMES = class_words(("logo", "site-title", "site-name", "sitename"))


def _named_logo(node: LexborNode) -> bool:
    """The h1's own class or id names it the site's logo (``_LOGO_NAMES``)."""
    attrs = node.attributes
    return _LOGO_NAMES.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}") is not None


def _links_home(node: LexborNode, text: str) -> bool:
    """The h1 is one link to a site's home page ("<h1><a href="/">Вестник</a></h1>",
    ``rel="home"``, or the h1 inside the link): the logo that themes mark up as an h1 on
    every page, whose words the site's ``<title>`` often repeats, so no word count tells
    it from a headline."""
    link = node.css_first("a[href]") or _enclosing_link(node)
    if link is None or clean_title(link.text_lexbor()) != text:
        return False
    return _home_link(link)


def _home_link(link: LexborNode) -> bool:
    """The link leads to the site's home page (``rel="home"``, or the path "/")."""
    if "home" in (link.attributes.get("rel") or "").split():
        return True
    href = (link.attributes.get("href") or "").strip()
    if not href or href.startswith("#"):  # a script's handle, not a page
        return False
    parts = parse_link(href)
    if parts is None:  # "http://[bad": a broken link must not cost the page its title
        return False
    return parts.path in ("", "/") and not parts.query and not parts.fragment


def _enclosing_link(node: LexborNode) -> LexborNode | None:
    """The link an h1 sits in ("<a href="/"><h1>Site</h1></a>"), a few levels up at most."""
    current = node.parent
    for _ in range(3):
        if current is None or current.tag in ("body", "html"):
            return None
        if current.tag == "a" and "href" in current.attributes:
            return current
        current = current.parent
    return None


def _pick_heading(
    headings: list[_Heading], stated: list[str], names: tuple[str, ...]
) -> tuple[str, str]:
    """The h1 to use and its rule; the rule is "" when none reads as the headline, and the
    text is then the first h1 outside furniture, which still trims a stated title
    (``_split_by_heading``).

    In this order: an h1 the page confirms (``_confirmed``), since themes put the blog's
    name in an earlier h1 ("The Go Blog") and wrap the headline in containers named like
    furniture ("page-banner", "header-top-sidebar"); the first h1 outside furniture when
    it reads as the headline, even reworded; else the first h1, outside furniture before
    inside, that shares half its words with a stated title: a lead-in h1 ("A message from
    our founder:") or a logo may come before the headline, and a page whose only h1s sit in
    such containers has no other headline."""
    confirmed = [(*_confirmed(h.text, stated, names), -i) for i, h in enumerate(headings)]
    votes, _, index = max(confirmed, default=(0, 0, 0))
    if votes:  # of equals, the first h1
        return headings[-index].text, "generic:h1"
    # (only now: which h1s sit in furniture is a walk up from each, needless on most
    # pages, where a stated title confirms one)
    heading = next((h for h in headings if not h.furniture), None)
    first = heading.text if heading is not None else ""
    # (a logo named so, "<h1 id="logo">", is the headline only where a title shares its
    # words: ``_named_logo``)
    if heading is not None and _is_headline(first, stated, names, strict=_named_logo(heading.node)):
        return first, "generic:h1"
    ordered = sorted(headings, key=lambda h: h.furniture)  # stable: page order within
    later = next((h.text for h in ordered if _is_headline(h.text, stated, names, strict=True)), "")
    if later:
        return later, "generic:h1"
    if _is_short_segment(first, stated) or (heading is not None and _named_logo(heading.node)):
        return "", ""  # the site's name: it would make "Headline | Site" into "Site"
    return first, ""


def _confirmed(text: str, stated: list[str], names: tuple[str, ...]) -> tuple[int, int]:
    """How many of the stated titles confirm this h1, and its number of words ((0, 0):
    none). The page states the h1's words as its title, or as the title's part before or
    after a separator: then it is the headline wherever the theme put it (in a "banner",
    in a "header-top-sidebar" column), and whatever other h1s come first.

    A part after a separator must hold the title's longest segment: in "Headline | Site
    Name" a logo h1 matches the last part too, and a site's name is rarely its longest
    part; the part before one stands as it is ("Short headline | U.S. Small Business
    Administration"), since headlines come first far more often than names. When a logo
    and the headline are both confirmed, the headline is usually confirmed by more titles
    (og:title and JSON-LD state it alone), else it is usually the longer."""
    words = _words(text)
    if not words or any(_words(n) == words for n in names if n):
        return 0, 0
    votes = sum(_confirms(title, words) for title in stated)
    return (votes, len(words)) if votes else (0, 0)


def _confirms(title: str, words: tuple[str, ...]) -> bool:
    """Some run of ``title``'s parts from its start, or one to its end holding its
    longest part, has just ``words`` (``_confirmed``). The parts' words are read once:
    a run's words are its parts' in a row (no word spans the space that joins them), so
    only a run of as many words can match, found by its length."""
    parts = [_words(part) for part in _segments(title)]
    flat = tuple(word for part in parts for word in part)
    if len(words) > len(flat):
        return False
    sizes = [len(part) for part in parts]
    ends = list(accumulate(sizes))  # the words up to each part's end
    if len(words) in ends and flat[: len(words)] == words:
        return True
    start = len(flat) - len(words)  # where a run to the end with just ``words`` begins
    for k, size in enumerate(sizes):
        if ends[k] - size == start:  # (of parts without words there, the first's run)
            return max(sizes[k:]) == max(sizes) and flat[start:] == words
        if ends[k] - size > start:
            break
    return False


def _read_words(text: str) -> tuple[str, ...]:
    """The words, case and punctuation aside: "Don’t – 5 tips" and "Don't - 5 Tips" match.
    A tuple, as every memoised reading here: a memo's answer is shared by its callers."""
    return tuple(_WORD.findall(text.casefold()))


def _read_printed_words(text: str) -> tuple[str, ...]:
    """The words as printed (``_WORD``), case kept."""
    return tuple(_WORD.findall(text))


# ``_read_words`` memoised: the title rules ask for the words of the same few strings of
# a page again and again (its h1, stated titles and their parts, the site's names; two
# calls in three on AEB), and a regex's findall costs some 15,000 instructions however
# short the text. Kept for a page's strings, not a crawl's: a few hundred, as many as a
# page and the site's pages before it ask for.
_words = memoised(_read_words, 256)
# The words as printed (``_WORD``), memoised the same way: the title-case rule reads the
# same stated titles and their parts for each of them (three in four repeat on AEB).
_printed_words = memoised(_read_printed_words, 256)


def _split_by_heading(title: str, heading: str) -> str:
    """ "Headline | Any Site" -> "Headline" when the page's own heading says so."""
    if heading and heading != title and heading in title:
        for sep in SEPARATORS:
            if title.startswith(heading + sep) or title.endswith(sep + heading):
                return heading
    return title


def _stated_casing(
    headline: str, stated: list[str], profile: Profile, names: tuple[str, ...]
) -> str:
    """The h1 as the page states its title elsewhere, where the h1 is a damaged copy of it.

    Two kinds of damage. An h1 typed in capitals ("ТЪРГ ЗА УЛИЦИТЕ") or all in lower
    case ("history of coffee") takes the stated casing when that, or one of its segments,
    is the same words: a theme's text-transform does the rest on screen, so the one case
    is styling, not the title. An h1 with characters lost to "?" or "�" ("?????:
    ?Ремонтът?") takes the stated text it is a copy of: a column in a narrower charset
    than the page stored the headline so, while the meta tags came through another path,
    and a lost letter is unsearchable."""
    styled = headline.isupper() or headline.islower()
    pattern = _lost_pattern(headline)
    if not (styled or pattern):
        return headline
    folded = _fold(headline)
    for value in stated:
        candidate = " ".join(strip_site_affixes(value, profile.title_affixes, names).split())
        for form in (candidate, *_segments(candidate)):
            if pattern is not None and form != headline and pattern.fullmatch(form):
                return form
            if styled and form.casefold() == folded and not (form.isupper() or form.islower()):
                return form
    return headline


def _title_word(word: str) -> bool:
    """A word title case capitalises whatever it is: four Latin letters or more. (A
    stated title keeping one lower, "with" or "from" in some styles, is not read as title
    case.) ``[A-Za-z]{4,}`` as str tests: an ASCII str is alphabetic just where each of
    its characters is an ASCII letter, and a regex's call costs ten times the three tests
    (a title's every word is asked)."""
    return len(word) >= 4 and word.isascii() and word.isalpha()


def title_cased(headline: str, meta: Metadata, profile: Profile, *, generic: bool) -> str:
    """The h1's headline in the title case a stated title (og:title, JSON-LD, ``<title>``,
    without the site's name) spells it with, when the h1 is in sentence case: "How to
    install solar panels" under "How to Install Solar Panels | Site".

    Why: the stated title capitalises every word of four letters or more, which a writer
    does on purpose, and the h1 leaves some lower that it would not leave so by chance;
    the reference titles of WCXB dev follow the title case (one page of each half, none
    against). Only where the stated title capitalises words the h1 leaves lower, never
    the reverse ("The Best Film of 2025" over "The best film of 2025" stays), and not where
    it differs on short words alone ("Review And Approval" beside the h1's "Review and
    Approval": the h1 is the reference on both such pages). Latin script only: a
    Bulgarian headline is written in sentence case, so an h1 holding any other letter
    (a Cyrillic place name beside English words too) is kept as printed, whatever the
    stated title capitalises. Read after the other rules, like ``typed_marks``."""
    mine = _printed_words(headline)
    if not any(_title_word(w) and w[0].islower() for w in mine[1:]):
        return headline
    if any(not _latin(c) for word in mine if not word.isascii() for c in word if c.isalpha()):
        return headline
    names = (clean_title(meta.og_site_name), "" if generic else profile.name)
    for value in (meta.og_title, meta.jsonld_headline, meta.html_title):
        title = strip_site_affixes(_stated(value), profile.title_affixes, names)
        for form in (title, *_segments(title)) if title else ():
            if form.casefold() == headline.casefold() and _title_case_of(form, mine):
                return form
    return headline


def _latin(letter: str) -> bool:
    """Why by name: Latin letters with accents ("é", "ș") are spread over several Unicode
    blocks, and every one of them is named LATIN ... LETTER."""
    return letter.isascii() or unicodedata.name(letter, "").startswith("LATIN")


def _title_case_of(form: str, words: tuple[str, ...]) -> bool:
    """``form`` is ``words`` in title case: each of its long words capitalised, at least
    one the h1 leaves lower, and nothing else different (no capital made lower, no
    letter but a first changed)."""
    theirs = _printed_words(form)
    if len(theirs) != len(words):
        return False
    raised = False
    for mine, stated in zip(words, theirs, strict=True):
        if mine[1:] != stated[1:] or (mine[0].isupper() and not stated[0].isupper()):
            return False
        if _title_word(stated):
            if not stated[0].isupper():
                return False
            raised = raised or mine[0].islower()
    return raised


# What a theme prints for what a writer types: curly single quotes for "'", an em dash
# for "--" (never „…“ or “…”: a Bulgarian headline's quotes are its own, whatever the
# metadata says; nor "–" for "-", below)
_TYPESET = (str.maketrans({"’": "'", "‘": "'"}), str.maketrans({"—": "--"}))
_MARKS = "’‘—"


def typed_marks(headline: str, meta: Metadata) -> str:
    """The h1's headline with the straight single quotes its og:title and ``<title>``
    both spell ("Beginner's Guide" under an h1 printing "Beginner’s Guide"), and the "--"
    both type for its em dash ("Problems--Simple Cells" under "Problems—Simple Cells").

    Why: two stated titles that agree on "'" keep the title as its writer typed it, and
    the h1's "’" is the theme's typesetting (WordPress curls quotes as it prints). The
    reference titles of WCXB dev follow the typed form on 7 of the 10 pages where both
    state the h1's words so, and the h1 on the two where only og:title does. Read word by
    word (``_typed_in``): a page's og:title and ``<title>`` often word the headline
    otherwise around the same "Visitor's Guide", and still say how its writer typed that
    word (one more WCXB dev page, none against). "--" is the em dash as typed on a
    keyboard, which typesetting turns into "—" (one WCXB dev page, the reference typed;
    none against). Not "–" for "-": on the pages whose dashes differ so ("–" printed, "-"
    stated), the h1 is the reference on 3 of 4, a hyphen being no typed form of a dash.
    Read after the other rules found the headline on the page: they match the h1's text
    as printed (the body's copy of the headline, the windows around it)."""
    if not any(mark in headline for mark in _MARKS):  # (most headlines: nothing to read)
        return headline
    stated = (_stated(meta.og_title), _stated(meta.html_title))
    for typeset in _TYPESET:
        if _typed_in(headline, stated, typeset):
            headline = headline.translate(typeset)
    return headline


def _typed_in(headline: str, stated: tuple[str, ...], typeset: dict[int, str]) -> bool:
    """Each word of the headline holding a mark that ``typeset`` maps is in every stated
    title as typed ("Visitor’s" as "Visitor's"), and no stated title prints the mark: one
    that does ("Visitor’s", or "Beginner’s" beside "Visitor's") typesets as the h1 does."""
    marks = [chr(code) for code in typeset]
    words = [word for word in headline.split() if any(mark in word for mark in marks)]
    if not words:
        return False
    for title in stated:
        if not title or any(mark in title for mark in marks):
            return False
        typed = set(title.split())
        if not all(word.translate(typeset) in typed for word in words):
            return False
    return True


_LOST = "\ufffd"  # the replacement character a decoder writes for bytes it cannot read


def _lost_pattern(headline: str) -> re.Pattern[str] | None:
    """What a stated title must read for ``headline`` to be its copy with characters lost:
    the same text where each "?" or "�" stands for one or two characters of any kind but
    a space (a character written as two code units, a quote and its letter, come out as
    one mark). None when nothing but a last question mark is lost (a real question)."""
    if not _LOST_RUN.search(headline.rstrip("?")):
        return None
    texts, marks = _LOST_RUN.split(headline), _LOST_RUN.findall(headline)
    body = re.escape(texts[0]) + "".join(
        f"\\S{{{len(mark)},{2 * len(mark)}}}" + re.escape(text)
        for mark, text in zip(marks, texts[1:], strict=True)
    )
    return re.compile(body)


_LOST_RUN = re.compile(f"[?{_LOST}]+")


def _host_named_segments(title: str, url: str) -> tuple[str, ...]:
    """The first or last segment of a stated title when it spells the site's host name
    ("… | The Software Report" on thesoftwarereport.com): a site name the page did not
    declare in og:site_name. A Cyrillic name at the end is compared in Latin letters
    ("… - Русе Инфо" on ruseinfo.net). A segment that merely contains the host's label is
    a name only when no other segment is shorter: "Corti introduces GIM: … | Corti" on
    corti.ai opens with the headline, the longest part of a stated title."""
    host = host_and_path(url)[0]
    label = host.rsplit(".", 2)[-2] if host.count(".") >= 1 else host
    parts = _segments(title)
    if len(parts) < 2 or len(label) < 3:
        return ()
    found = []
    for index in (0, len(parts) - 1):
        words = _WORD.findall(parts[index].lower())
        squashed = "".join(words)
        if index:  # a last segment only: "Русе - домакин на …" on ruse.bg opens a headline
            squashed = squashed.translate(LATIN)
        if len(squashed) < 3:
            continue
        others = max(len(_WORD.findall(p)) for i, p in enumerate(parts) if i != index)
        if squashed in host.replace(".", "") or (label in squashed and len(words) <= others):
            found.append(parts[index].strip())
    return tuple(found)


_AFFIX_EDGE = "".join(SEPARATORS) + ":"  # what joins an affix to a title, colon included
_MAX_AFFIX_WORDS = 6


def _stated_affixes(stated: list[str]) -> tuple[str, ...]:
    """Site and section names that the page's stated titles reveal by their differences.

    One stated title that is another plus a prefix or suffix ("Engora Data Blog: Small
    adventures …" beside "Small adventures …") adds the site's name to it; two titles that
    differ in their headline but end with the same segment (" | Opinion" after both the
    og:title and a reworded ``<title>``) share a section's name. Either is an affix, not
    the headline, wherever it turns up (a logo h1, the end of an h1). Only when shorter
    than the part the titles share: a site that states its own name as og:title on every
    page ("Вестник" beside "Вестник | Headline") adds the headline, not an affix."""
    found: list[tuple[str, str]] = []  # (affix, the part it goes with)
    for a in stated:
        for b in stated:
            if len(b) <= len(a):
                continue
            if b.endswith(a):
                found.append((b[: -len(a)].rstrip(_AFFIX_EDGE), a))
            elif b.startswith(a):
                found.append((b[len(a) :].lstrip(_AFFIX_EDGE), a))
            else:
                pa, pb = _segments(a), _segments(b)
                if len(pa) > 1 and len(pb) > 1 and pa[-1] == pb[-1] and pa[0] != pb[0]:
                    found.append((pa[-1], pa[0]))
    return tuple(
        dict.fromkeys(
            affix
            for affix, shared in found
            if affix and len(_words(affix)) < min(len(_words(shared)), _MAX_AFFIX_WORDS + 1)
        )
    )


# What names a municipality's or a region's site besides its place: "Община Русе" lives on
# obshtinaruse.bg and on ruse-bg.eu alike.
# The words naming one: also what opens an institution's whole name below.
_INSTITUTION_WORDS = (
    r"община(?:та)?|областна администрация(?: на област)?|област|кметство|общински съвет|"
    r"районна администрация|район"
)
_INSTITUTION = re.compile(rf"^(?:{_INSTITUTION_WORDS})\s+", re.IGNORECASE)


# An institution's name and nothing more ("Областна администрация Примерово", "Община
# Долна Митрополия", "Общински съвет – Русе"): the name of the site an old template
# prints in its header's h1 on every page, wherever the site lives (pr.government.bg
# spells no "Примерово"). No headline is a name alone: it says what happened.
_INSTITUTION_NAME = re.compile(
    rf"(?i:{_INSTITUTION_WORDS})(?:\s*[-–]\s*|\s+)(?:(?:с|гр)\.\s*)?"
    r"[А-ЯЁ][\w-]*(?:\s+[А-ЯЁ][\w-]*){0,2}"
)


def _beside_site_self(stated: list[str]) -> tuple[str, ...]:
    """The other segments of a stated title one of whose segments calls the page the
    site's official one ("Областна администрация Примерово - Официален сайт"): the site's
    name, as the h1 of its header prints it."""
    found: list[str] = []
    for title in stated:
        parts = _segments(title)
        if len(parts) > 1 and any(_SITE_SELF.match(part) for part in parts):
            found += (part for part in parts if not _SITE_SELF.match(part))
    return tuple(found)


def _spells_host(text: str, url: str) -> bool:
    """The whole text is the site's name as its host spells it ("Община Горно Поле" on
    gornopole.bg or obshtinagornopole.bg, "Русе" on ruse-bg.eu): a logo h1, or a
    ``<title>`` that names only the site. A headline that merely opens with the place
    ("Горно Поле посреща Коледа") is more than the name."""
    host = host_and_path(url)[0]
    if host.count(".") < 1 or len(_words(text)) > 5:
        return False
    label = "".join(_WORD.findall(host.rsplit(".", 2)[-2].lower()))
    for form in (text, _INSTITUTION.sub("", text)):
        squashed = "".join(_WORD.findall(form.lower())).translate(LATIN)
        if len(squashed) >= 4 and label.startswith(squashed) and len(label) - len(squashed) <= 2:
            return True
    return False


def _is_short_segment(text: str, stated: list[str]) -> bool:
    """The text is the first or last segment of a stated title and not its longest: "Община
    Русе" in "Ремонт на моста | Община Русе". As an h1 that is a logo that links nowhere;
    still not a name to strip from titles, since "Радев - Ердоган: среща в Анкара" splits
    the same way.

    A site's name may hold a separator itself ("НЧ „Просвета 1907“ – с. Форумово" closing
    "Нов детски кът - НЧ „Просвета 1907“ – с. Форумово", a board's name its header's h1
    repeats on every page): a run of segments at either end that leaves out the longest is
    short the same way, its words those of the run's segments in a row."""
    words = _words(text)
    for title in stated:
        parts = _segments(title)
        if len(parts) < 2:
            continue
        sizes = [len(_words(p)) for p in parts]
        for index in (0, len(parts) - 1):
            if sizes[index] < max(sizes) and _words(parts[index]) == words:
                return True
        if len(parts) < 3 or len(words) > sum(sizes) - max(sizes):
            continue
        flat = tuple(word for part in parts for word in _words(part))
        head = sum(sizes[: sizes.index(max(sizes))])  # the words before the first longest
        tail = sum(sizes[len(sizes) - sizes[::-1].index(max(sizes)) :])  # after the last
        if len(words) <= head and flat[: len(words)] == words and len(words) in accumulate(sizes):
            return True
        if 0 < len(words) <= tail and flat[-len(words) :] == words:
            start = len(flat) - len(words)
            if start in accumulate(sizes):
                return True
    return False


def _is_name(text: str, names: tuple[str, ...]) -> bool:
    folded = text.casefold()
    return any(n and n.strip().casefold() == folded for n in names)


_BLURB_CHARS = 150
_SENTENCE_BREAK = re.compile(r"[.!?] +\w")


def _is_blurb(text: str) -> bool:
    """Sentences closing with a full stop, long: a summary set in the h1 ("Learn which
    renovations pay off? Get expert tips. We'll help you…"), not a headline."""
    return len(text) > _BLURB_CHARS and text.endswith(".") and bool(_SENTENCE_BREAK.search(text))


def _is_headline(
    h1: str, stated: list[str], names: tuple[str, ...], *, strict: bool = False
) -> bool:
    """The h1 reads as this page's headline: not the site name, not a lead-in that ends
    with a colon, not a blurb (``_is_blurb``), and (when the page states a title at all)
    sharing at least half of its words with one of the stated titles, of which it has at
    least a quarter of the length: one word of a long title ("Discord" in a write-up
    titled "How we pwned X, Vercel, Cursor, Discord, and …") is a heading inside the
    text, not its headline.

    An h1 of five words or more passes without sharing them (the headline reworded for
    search), unless ``strict``: for an h1 that is not the page's first outside furniture
    (inside a "banner", or after a lead-in), where a long h1 that says something else is
    a teaser or a heading within the text."""
    words = {w.lower() for w in _WORD.findall(h1)}
    if not words or len(h1) > 300 or h1.endswith(":") or _is_blurb(h1):
        return False
    if _is_name(h1, names) or _is_short_segment(h1, stated):
        return False
    if _calls_to_action(h1, stated, names):
        return False
    if not stated or (len(words) >= 5 and not strict):
        return True
    for title in stated:
        other = {w.lower() for w in _WORD.findall(title)}
        if len(words & other) * 2 >= len(words) and len(words) * 4 >= len(other):
            return True
    return False


# The verbs a sales page's button-like heading opens with ("Form your LLC today", "Get
# that tech stack …"), in English and in Bulgarian's polite imperative.
_ACTION = re.compile(
    r"^(?:get|form|start|try|join|sign up|book|buy|shop|order|download|subscribe|register"
    r"|claim|request|contact|вземете|купете|поръчайте|абонирайте се|запишете се|изтеглете"
    r"|регистрирайте се|заявете|свържете се)\b",
    re.IGNORECASE,
)
_ACTION_WORDS = 8  # a call to action is a button's length


def _calls_to_action(h1: str, stated: list[str], names: tuple[str, ...]) -> bool:
    """The h1 is a pitch or a display line, not the headline the page states, when its
    stated titles agree with each other on one (og:title and ``<title>`` the same without
    the site's name): a call to action, short and opening with its verb ("Form your New
    York LLC today", "Get that tech stack Klatch Coffee"), or a heading set in capitals
    in other words than the stated title ("BEST DRIP COFFEE MAKER IN 2026: …" over "Best
    Drip Coffee Maker 2026: …"; in the same words ``_stated_casing`` gives it the casing).
    Asked only of an h1 no stated title confirms (``_pick_heading``). Without two titles
    agreeing both stay: a title stated once may be the headline reworded for search, and
    a headline may open with such a verb ("Get ready for winter"). WCXB dev: 4 pages
    gained, 2 of each half, none lost."""
    if not (h1.isupper() and len(_words(h1)) > 1) and (
        len(_words(h1)) > _ACTION_WORDS or not _ACTION.match(h1)
    ):
        return False
    told = [strip_site_affixes(title, (), names).casefold() for title in stated]
    return len(told) > len(set(told))


# What marks a headline on a page without an h1: a lower heading, or a class named so
# ("news-title", "zaglavie": Bulgarian sites transliterate "заглавие"), or bold or big
# type standing alone in its block or on its line (an old table layout's <b><font size=4>).
_HEADING_TAGS = frozenset({"h2", "h3", "h4"})
_HEADING_ELEMENTS = "h1, h2, h3, h4"  # (the elements a heading line is set in)
_HEADING_CLASS = re.compile(r"title|headline|heading|zaglav|заглав", re.IGNORECASE)
_EMPHASIS_TAGS = frozenset({"b", "strong", "big", "font"})
_HEADLINE_WORDS = (2, 30)
_PROSE_WORDS = 8  # a body line that long, ending a sentence, is the text
_SENTENCE_END = (".", "!", "?", "…", '."', ".“", ".»", ".)")
_PARAGRAPH_START = 20  # characters of a text node that must open that line
_LINE_START = 80  # characters of the line a text node is found by (and its block checked)


_RUN_ON = 24  # what may stand before the text's first words on its line: a date and time


def headline_above_body(
    tree: LexborHTMLParser,
    paragraphs: list[str],
    stated: str,
    url: str = "",
    *,
    dated_only: bool = False,
) -> tuple[str, int]:
    """The heading nearest above the body's first line of prose, and the index of the
    body line after it (0 when it stands outside the body), for a page whose headline no
    h1, og:title or JSON-LD gives, or whose h1 is its news section's (``is_news_section``):
    old municipal sites set it in bold in a table cell, or in an h2 under "<h1>Новини",
    and title every page "Община Пример - Новини". ("", 0) when there is none, or when the
    stated title (``<title>``) is itself printed on the page: the reader sees that one,
    unless it is only the name of the section the menu links, or of news words alone,
    printed as a heading over the article (an ASP.NET page's "Новини" above its ``<span
    class="newsTitle">``).

    The nearest, because what stands above it in the same way is the site's name over
    the layout (also in bold) or the day's date. Microdata headlines are left to the
    metadata rules (several of them are a list, not this page's title). ``url``: the
    page's address, which a heading linking to it names as its own (``_own_heading``).
    ``dated_only``: only a heading with the last date line before the text right under
    it, as an article's headline has (``_dated_headline``; asked where the h1 is a
    section's name of other words than news', ``names_a_section``: without the date, a
    subheading opening the text of an article whose short headline a menu links too
    would take its place).
    """
    body = tree.body
    if body is None:
        return "", 0
    # (a heading's line is no prose, though it ends "… за 2027 г." as a sentence does)
    set_as_heading = {" ".join(h.text().split()) for h in body.css(_HEADING_ELEMENTS)}
    prose = next(
        (i for i, p in enumerate(paragraphs) if _is_prose(p) and p not in set_as_heading), None
    )
    if prose is None:
        return "", 0
    furniture = remembered(is_furniture)  # the candidates lie in what the page's text read
    printed = stated and _printed_apart(
        " ".join(stated.split()), " ".join(visible_text(body, hide=furniture).split()), paragraphs
    )
    if printed and not (
        _news_words_only(stated)
        or _names_a_section(tree, stated)
        or _holds_copyright(visible_text(body), stated)
        or _fold(stated) in _home_names(tree)
    ):
        return "", 0
    lines = frozenset(paragraphs[:prose])
    target = paragraphs[prose]
    candidate = ""
    candidates: list[_Candidate] = []
    above: list[LexborNode] = []  # the text nodes before the text's, the last few
    seen = dated = 0  # text nodes read; how many had been when the last date line was
    label = ""  # a heading of one word right before the next candidate ("ОБЯВА")
    for node in body.traverse(include_text=True):
        if node.tag == "-text":
            text = " ".join((node.text() or "").split())
            if (
                len(text) >= _PARAGRAPH_START
                and 0 <= target.find(text[:_LINE_START]) <= _RUN_ON
                and not _in_heading_or_logo(node)  # (the site's name the text opens with)
                and _goes_on_as(node, text, target)
            ):
                # (the date's line may run on into it: "12.03.2008 Общинският …")
                own = _typeface(node.parent)
                chosen = next(
                    (
                        i
                        for i in range(len(candidates) - 1, -1, -1)
                        if (own is None or candidates[i].face != own)
                        and (not dated_only or _dated_headline(candidates[i], dated))
                    ),
                    None,
                )
                if chosen is not None and not dated_only:
                    chosen = _over_its_deck(candidates, chosen)
                if chosen is not None:
                    candidate, kind = candidates[chosen].text, candidates[chosen].kind
                else:
                    candidate, kind = "", ""
                candidate = candidate or _line_over_date(above, furniture, stated, url)
                break
            if text:
                above.append(node)
                del above[:-_OVER_DATE_REACH]
                seen += 1
                if dated_only and _date_line(node):
                    dated = seen
            continue
        if _heading_like(node, lines) and "itemprop" not in node.attributes:
            text = clean_title(visible_text(node, hide=furniture))
            words = len(_words(text))
            low, high = _HEADLINE_WORDS
            if (
                low <= words <= high
                and not text.endswith(":")
                and _reads_as_words(text)
                and not _day_heading(text, words)
                and not _holds_line(text, target)
                and not _byline_or_date(text)
            ):
                if not in_furniture(node, furniture) and _own_heading(node, text, stated, url):
                    candidates.append(_candidate(node, text, label, seen))
            label = text if words == 1 and text[:1].isupper() else ""
    else:
        return "", 0
    if not candidate or not _replaces(candidate, stated):
        return "", 0
    start = paragraphs.index(candidate) + 1 if candidate in lines else 0
    return _after_kind(kind, candidate), start


def _byline_or_date(text: str) -> bool:
    """The block set apart above the text is its byline or its date line, not its
    headline: a writer's label and name in any language the byline rules read ("Posted
    by", "Публикувано от", "By Earl Dunning, Herald Staff Writer" and the day under it:
    ``bylines.opens_with_byline``), or a date and nothing else ("Thursday, December 4,
    2026": ``bylines.is_bare_date``). Nearest the text, such a block was taken for the
    headline, and the byline, the date and the true headline opened the text."""
    return POSTED_BY.match(text) is not None or opens_with_byline(text) or is_bare_date(text)


class _Candidate(NamedTuple):
    """A heading over the text ``headline_above_body`` may take: its text, its type
    (``_typeface``), the kind of notice a heading of one word before it names, how many
    text nodes were read before it (``at``) and when its own are (``ends``), and its
    level (1–6 for h1–h6, 0 for another element set as a heading)."""

    text: str
    face: tuple[str, str] | None
    kind: str
    at: int
    ends: int
    level: int


def _candidate(node: LexborNode, text: str, kind: str, seen: int) -> _Candidate:
    own = sum(
        1 for t in node.traverse(include_text=True) if t.tag == "-text" and (t.text() or "").strip()
    )
    level = int(node.tag[1]) if node.tag in HEADINGS else 0
    return _Candidate(text, _typeface(node), kind, seen, seen + own, level)


def _over_its_deck(candidates: list[_Candidate], chosen: int) -> int:
    """The heading right above the chosen one, where that is of a higher level and
    nothing stands between them (the one ends where the other starts): the chosen is
    the deck under the headline ("<h2>Бюджет 2027: повече пари за улици…</h2><h3>
    Общинските съветници приеха…</h3>" over an e-paper's article), which, nearest the
    text, was taken for it."""
    if chosen == 0:
        return chosen
    deck, above = candidates[chosen], candidates[chosen - 1]
    if 0 < above.level < deck.level and above.ends == deck.at:
        return chosen - 1
    return chosen


# How many text nodes after a heading's first the date line under it may be: the
# heading's own (a link, a span) and a byline's beside the date.
_DATED_UNDER = 3


def _dated_headline(heading: _Candidate, dated: int) -> bool:
    """The heading (read after ``heading.at`` text nodes) has the last date line before
    the text, read after ``dated``, right under it, and is longer than a section's name:
    an article's headline, not a box's heading over dated items ("Последни новини")."""
    at = heading.at
    return at < dated <= at + _DATED_UNDER and len(_words(heading.text)) > SECTION_WORDS


# A word a headline reads by: three letters or more ("на", "г" and "РД" are not enough).
_READ_WORD = re.compile(r"[^\W\d_]{3,}")


def _reads_as_words(text: str) -> bool:
    """The heading holds a word to read, not only numbers, marks and letters set apart:
    an order's number under its kind, "З А П О В Е Д" over "№ РД-09-512/02.12.2026 г."
    in bold, stood nearest above its text, and the headline in the h2 over both gave way
    to the number."""
    return _READ_WORD.search(text) is not None


def _in_heading_or_logo(node: LexborNode) -> bool:
    """The text node is inside an h1–h6 or a link to the home page: a heading's or the
    logo's, never the text's first line, though the text may open with its words
    ("<h1><a href="/">Районен съд – Примерово</a></h1>" over "Районен съд – Примерово
    уведомява, че…": read as the text's start, the header's logo was the nearest heading
    above it, and the headline)."""
    current = node.parent
    while current is not None and current.tag not in ("body", "html"):
        if current.tag in HEADINGS or (current.tag == "a" and _home_link(current)):
            return True
        current = current.parent
    return False


def _goes_on_as(node: LexborNode, text: str, line: str) -> bool:
    """Whether the text node, where it holds less than the start of the text's first line,
    stands in a block that goes on as the line does: the line's own bold opening
    ("<p><strong>Окръжна прокуратура – Примерово</strong> внесе…"), not a masthead's span
    printing the institution's name the text opens with ("<span class="unit">Окръжна
    прокуратура – Примерово</span>" beside the search box): read as the text's start, the
    header was where the text began, and no heading above it was the headline."""
    at = line.find(text[:_LINE_START])
    rest = "".join(line[at : at + _LINE_START].split())  # (compared without blanks:
    own = "".join(text.split())  # a block's text joins its elements' as they stand)
    if len(own) >= len(rest):
        return True
    block = node.parent
    while block is not None and block.tag not in ("body", "html"):
        around = "".join((block.text() or "").split())
        if len(around) > len(own):
            start = around.find(own)
            return start < 0 or rest.startswith(around[start : start + len(rest)])
        block = block.parent
    return True


def _after_kind(kind: str, headline: str) -> str:
    """The headline with the kind of notice its heading of one word names before it,
    where the headline goes on from it in lower case: "ОБЯВА" over "за провеждане на
    публичен търг…" is "Обява за провеждане на публичен търг…" (a notice's, an order's
    or an invitation's heading, "СЪОБЩЕНИЕ", "ЗАПОВЕД", "ПОКАНА"); alone, the headline
    read as a fragment. A headline opening with a capital stands on its own."""
    if not kind or not headline[:1].islower():
        return headline
    return f"{kind.capitalize() if kind.isupper() else kind} {headline}"


# How many lines above the text's first are read for the headline over its date: the
# date's line or two (a day, a time), a byline's, and the headline's.
_OVER_DATE_REACH = 4


def _line_over_date(
    above: list[LexborNode], furniture: Callable[[LexborNode], bool], stated: str, url: str
) -> str:
    """The headline as a reader finds it on a page that sets it in no heading, no bold
    and no class naming it: the line of its own right above the date line that stands
    over the text ("<div class="ttl">Заглавие</div><div class="dt">вчера в
    14:30</div><div class="txt">…", or a ``<p>`` styled large). Headline, date, text
    is the order of every news page; the date's line between them is what tells the
    headline from any other short line above the text. ``above``: the text nodes before
    the text's first, the nearest last."""
    at = len(above) - 1
    while at >= 0 and _date_line(above[at]):
        at -= 1
    if at == len(above) - 1 or at < 0:
        return ""  # no date line right above the text, or nothing over it
    if any(signer(" ".join((above[at].text() or "").split()))):
        at -= 1  # the writer's or the office's line beside the date: the headline is over it
    if at < 0:
        return ""
    node = above[at]
    parent = node.parent
    text = " ".join((node.text() or "").split())
    if parent is None or " ".join((parent.text(deep=True) or "").split()) != text:
        return ""  # a line run into others in its block, not one of its own
    low, high = _HEADLINE_WORDS
    if not low <= len(_words(text)) <= high or text.endswith((":", ".")):
        return ""
    if in_furniture(parent, furniture) or not _own_heading(parent, text, stated, url):
        return ""
    return clean_title(text)


def _date_line(node: LexborNode) -> bool:
    """A text node that is a date line, whole or without its year, or a relative one."""
    text = " ".join((node.text() or "").split())
    return dates.is_date_line(text, today=dates.ANY_DAY) or dates.is_yearless_date_line(text)


def _typeface(node: LexborNode | None) -> tuple[str, str] | None:
    """An emphasis element's tag and attributes, the type it sets (``<font face=Verdana
    size=2>``); None for any other element. The body's own lines set in the same type as
    the text's first line of prose are lines of the text, not a heading over it: an old
    table layout's short paragraphs (oblast's vis.pl, each ``<p><font size=2>``, the
    first two under ``_PROSE_WORDS``) offered the second one's ``<font>`` as the
    headline, and the first two lines were cut off with it."""
    if node is None or node.tag not in _EMPHASIS_TAGS:
        return None
    return node.tag or "", " ".join(f"{k}={v}" for k, v in sorted(node.attributes.items()))


def _printed_apart(stated: str, shown: str, paragraphs: list[str]) -> bool:
    """Whether the page's text (``shown``, furniture hidden) prints the stated title
    somewhere else than inside its own paragraphs: a university's name the text opens
    with ("Paisiy Primerovski University has signed eleven new…") is no title a reader
    sees, though its ``<title>`` is that name alone."""
    found = shown.count(stated)
    return found > 0 and found > sum(line.count(stated) for line in paragraphs)


def _holds_line(text: str, line: str) -> bool:
    """Bold or big type around the text itself (a table layout's ``<font size="2">``
    holding every paragraph of a short article) is no heading above it: a candidate
    holding the body's first line of prose is that line's block, not its headline."""
    return " ".join(line.split())[:60] in text


_COPYRIGHT = r"(?:©|\(c\)|copyright|авторско право)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*(?:г\.\s*)?)?"


def _holds_copyright(text: str, stated: str) -> bool:
    """The stated title is the name the page's copyright line is in ("© 2026 Община
    Белица"): the site's, which an old one-cell layout titles every article with, and
    prints in its masthead too, over the headline it sets in ``<font size=4>``."""
    pattern = _COPYRIGHT + re.escape(" ".join(stated.split())) + r"(?!\w)"
    return bool(re.search(pattern, " ".join(text.split()), re.IGNORECASE))


SECTION_WORDS = 3  # "Новини", "Новини и събития": a section's name is that short


def _names_a_section(tree: LexborHTMLParser, stated: str) -> bool:
    """The stated title is the name of a section the page's menu links ("Новини" of every
    "Община Пример - Новини"): printed above the article as the section's heading, it is
    not the headline a reader sees, which may still stand nearer the text."""
    if len(_words(stated)) > SECTION_WORDS:
        return False
    folded = _fold(stated)
    return any(_fold(link.text_lexbor()) == folded for link in tree.css("a[href]"))


def names_a_section(tree: LexborHTMLParser, h1: str) -> bool:
    """The h1 is the name of a section a link of the page names, in any words ("Позиции",
    "Обществено обсъждане", "Профил на купувача"): an institution's site prints it over
    every article of the section, the article's headline in an h2 under it. Not news
    words alone (``is_news_section``), so a short headline a menu links too may be the
    page's own: its headline over the text is asked for with its date under it."""
    return len(h1.split()) <= SECTION_WORDS and _names_a_section(tree, h1)


def is_news_section(tree: LexborHTMLParser, h1: str) -> bool:
    """The h1 is the name of the news section the menu links ("Новини", "Актуално": the
    words discovery knows the section by), printed over the article's own heading as an
    old municipal site does ("Новини - Община Пример" its ``<title>``): not the headline.
    News words only: a short headline a menu also links ("History of coffee") is the
    page's own. A title of nothing but those words ("Актуално", "Новини и събития") names
    the section whether or not a menu links it (the section's own page, where the menu
    marks it current without a link, or draws its entries as pictures)."""
    if len(h1.split()) > SECTION_WORDS:  # (before the regex: most titles are longer)
        return False
    return bool(NEWS_WORDS.search(h1)) and (_news_words_only(h1) or _names_a_section(tree, h1))


_JOINING = frozenset({"и", "and"})  # what joins two sections' names into one ("&" is no word)


def _news_words_only(text: str) -> bool:
    """Nothing but the words a news section goes by, and what joins them."""
    return not set(_words(NEWS_WORDS.sub(" ", text))) - _JOINING


def instead_of_section(
    tree: LexborHTMLParser,
    meta: Metadata,
    profile: Profile,
    url: str,
    section: str,
    generic: bool,
) -> tuple[str, str]:
    """The title the page states besides its news section's name, for a page whose title
    came out as that name (``is_news_section``: an h1 "Новини" that the ``<title>``
    "Новини - Община Пример" seems to confirm, an og:title "Новини") and whose text has no
    heading over it (``headline_above_body``): its og:title or JSON-LD headline, or its
    ``<title>`` without the section's name. ("", "none") when it states nothing else: a
    section's name is never an article's title.

    Where a stated title is the section's name alone (og:title "Новини" beside
    ``<title>`` "Новини | Вестник"), what another loses with the name is the name it was
    paired with there, the site's: not a title either."""
    given = (meta.og_title, meta.jsonld_headline, meta.microdata_headline, meta.html_title)
    cut = [strip_site_affixes(v, (), section) for v in given]
    alone = any(_fold(value) == _fold(section) for value in cut)
    og, ld, md, tt = (
        ""
        if _fold(value) == _fold(section) or (alone and _fold(value) != _fold(clean_title(was)))
        else value
        for value, was in zip(cut, given, strict=True)
    )
    stated = replace(meta, og_title=og, jsonld_headline=ld, microdata_headline=md, html_title=tt)
    value, rule = generic_title(tree, stated, profile, url, h1s=[], generic=generic)
    if not value or is_news_section(tree, value):
        return "", "none"
    return value, rule


def _replaces(candidate: str, stated: str) -> bool:
    """The heading is the headline rather than the stated title when that title says
    nothing of it (the same "Община Пример - Новини" on every page) or is the heading plus
    a little ("Vibe Coding" in "davidbau.com Vibe Coding"), or is the heading and names
    after a separator, however many (a uCoz blog's "Headline - Новини - НЧ „Искра“ – с.
    Примерово": the title's part an h1 would be confirmed by, ``_confirmed``). When the
    stated title is the longer headline ("Нов парк в квартал Изток" over a heading "Нов
    парк"), or only partly agrees with the heading, the page's statement stands."""
    own = {w.casefold() for w in _words(candidate)}
    title = {w.casefold() for w in _words(stated)}
    if not title or _confirmed(candidate, [stated], ())[0]:
        return True
    shared = len(own & title) / len(own)
    if shared == 1:
        return len(own) >= len(title) / 2
    return shared < 0.5


def _is_prose(line: str) -> bool:
    """A line of the text: sentences, not a headline (which seldom ends with a full stop
    and is seldom longer than 30 words)."""
    words = len(line.split())
    return words > _HEADLINE_WORDS[1] or (words >= _PROSE_WORDS and line.endswith(_SENTENCE_END))


_DAY_HEADING_WORDS = 5


def _day_heading(text: str, words: int) -> bool:
    """A day's heading over a list of news ("15 Декември 2014"), not a headline. Not
    ``dates.is_date_line``, which measures a line in characters to allow a label and a
    time beside the date: a heading is measured in words, as the headline bounds it is
    checked against (``_HEADLINE_WORDS``) are, and ``words`` is already counted."""
    return words <= _DAY_HEADING_WORDS and dates.parse_text_date(text) is not None


def _heading_like(node: LexborNode, lines: frozenset[str]) -> bool:
    """Set as a heading (see ``_HEADING_TAGS``); ``lines``: the body's lines above its
    prose, where bold type is a line of its own though its block holds more."""
    if node.tag in _HEADING_TAGS:
        return True
    attrs = node.attributes
    if _HEADING_CLASS.search(f"{attrs.get('class') or ''} {attrs.get('id') or ''}"):
        return node.tag not in ("body", "html", "main", "article", "table", "tr", "ul")
    if node.tag in _EMPHASIS_TAGS:
        own = " ".join((node.text(deep=True) or "").split())
        parent = node.parent
        alone = parent is not None and own == " ".join((parent.text(deep=True) or "").split())
        return alone or own in lines or _line_of_its_own(node)
    return False


def _line_of_its_own(node: LexborNode) -> bool:
    """``node`` stands on a line of its own in its block, a ``<br>`` after it and before
    it a ``<br>`` or nothing (blank text aside): an old template's "<span>14.03.2026</span>
    <br><b>Спиране на водата</b><br>Уведомяваме…", where the bold line, read as a label
    at the text's edge, is no line of the body (``lines``) and the page had no title."""
    before, after = node.prev, node.next
    while before is not None and _blank(before):
        before = before.prev
    while after is not None and _blank(after):
        after = after.next
    return (before is None or before.tag == "br") and after is not None and after.tag == "br"


def _blank(node: LexborNode) -> bool:
    """A text node of white space alone (a template's indentation between tags)."""
    return node.tag == "-text" and not (node.text_content or "").strip()


def _own_heading(node: LexborNode, text: str, stated: str, url: str = "") -> bool:
    """Not a link, or one the page's ``<title>`` names as its headline (``_confirmed``),
    or one to the page itself (``url``): Joomla's "linked titles" print an article's
    headline as a link to the article ("<h2><a href="…/5120-…">Headline</a></h2>", and
    WordPress's ``h2.entry-title > a[rel=bookmark]``), where a teaser's linked heading
    names another page. Under a ``<title>`` of the site's name alone, such a page had no
    title at all, and its headline opened the text."""
    if not _in_link(node) or bool(stated and _confirmed(text, [stated], ())[0]):
        return True
    return bool(url) and _links_to(node, url)


def _links_to(node: LexborNode, url: str) -> bool:
    """The heading's one link leads to ``url`` (any spelling: ``url_key``)."""
    link = node if node.tag == "a" else node.css_first("a[href]")
    ancestor = node.parent
    while link is None and ancestor is not None and ancestor.tag != "body":
        link = ancestor if ancestor.tag == "a" else None
        ancestor = ancestor.parent
    if link is None or len(node.css("a[href]")) > 1:
        return False
    target = absolute(url, link.attributes.get("href") or "")
    return bool(target) and url_key(target) == url_key(url)


def _in_link(node: LexborNode) -> bool:
    """A heading that is, or holds, a link names another page (a teaser, a menu entry)."""
    ancestor: LexborNode | None = node
    for _ in range(4):
        if ancestor is None:
            break
        if ancestor.tag == "a":
            return True
        ancestor = ancestor.parent
    return node.css_first("a") is not None
