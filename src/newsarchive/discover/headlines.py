"""Whether a listing card's headline says an archived article was retitled since.

The nightly run reads a listing for what is new on it; the cards of articles it archived
before are passed over. A card whose headline differs from the archived title is the
cheapest sign there is that the article was edited (a typo fixed, a headline reworded,
most often with the text beside it): the walk holds the card anyway, and a conditional
request for the page costs a 304 when nothing changed after all.

Lists print headlines in their own way, and a re-read every night for a card that never
matches would cost a request an article a night for nothing. So only a card text that
is itself a whole headline counts, and only when it tells the same story in other
words: not one equal to the title once spacing, typography and case are set aside;
not one the title holds, or that holds the title (a list cutting titles short, with or
without "…", a section's "Новини: " before it, a date or a lead run into the link);
not one of fewer than ``MIN_WORDS`` words ("Прочети още", "Виж повече"); not one
sharing less than ``SAME_STORY`` of its words with the title (a short title the CMS
keeps apart from the headline: no edit of this one). A headline rewritten whole is
missed by this rule; ``crawl --recheck DAYS`` reads such articles again.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata

MIN_WORDS = 3
SAME_STORY = 0.5  # the card's words the title holds, of all the card's words

_QUOTES = str.maketrans(
    {
        "„": '"', "“": '"', "”": '"', "«": '"', "»": '"', "‟": '"', "″": '"',
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "`": "'", "′": "'",
        "–": "-", "—": "-", "‒": "-", "−": "-", "‐": "-", "‑": "-",
    }
)  # fmt: skip
_ELLIPSIS = re.compile(r"\s*(?:…|\.{3,})\s*$")
_WORD = re.compile(r"\w+")


_TAG = re.compile(r"<[^<>]*>")


def printed_title(raw: str) -> str | None:
    """A title given as markup, as the text a reader sees, or None when it has none: a
    feed item's ``<title>`` (RSS, Atom, JSON Feed) and a WordPress REST answer's
    ``{"rendered": …}`` (``embedded``'s and ``json_feeds``' items), one rule for both
    since each is compared with the archived headline (``retitled``). Entities read
    (twice-escaped ones too: "&amp;quot;", a CMS escaping its own HTML title, which a
    page's headline never shows), tags dropped as a space (an Atom ``type="html"``
    title, a ``<![CDATA[<b>...</b>]]>``, a ``<br>`` between two words), spacing single.
    Read raw, such a title differed from the archived one in every feed item, and had
    each article read again once for nothing (``Frontier.relisted`` keeps the mark, so
    once). Here, below ``feeds`` and ``embedded`` alike: ``embedded`` is read by
    ``listings``, which ``feeds`` imports."""
    text = raw
    for _ in range(2):  # (entities, then those a second escaping hid)
        text = html.unescape(_TAG.sub(" ", text))
    text = " ".join(_TAG.sub(" ", text).split())
    return text or None


def normal_headline(text: str) -> str:
    """``text`` as a headline compares: NFC, typographic quotes and dashes plain,
    spacing single (no-break spaces too), case folded."""
    text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    return " ".join(text.split()).casefold()


def card_shows(card: str, head: str) -> bool:
    """Whether a card's link text (``card``, ``normal_headline``'d) shows the headline
    ``head`` (so normalised too): as its whole text or at its start (the teaser run on
    after it), or, a headline of ``MIN_WORDS`` words or more, as a run of its words
    anywhere in it. A card clickable as a whole (a row's ``onclick``, an ``<article
    data-href>``) has all its text for its link's: the day before the headline in a
    table's first cell ("dec 2, 2026 реставрирани са ..."), where a box of the same
    news at other addresses went unrecognised and the home page was read as a second
    list each night (composed seeds 13312, 13408). A short label ("Новини") is no
    headline found inside another's text."""
    if card.startswith(head):
        return True
    return len(_WORD.findall(head)) >= MIN_WORDS and f" {head} " in f" {card} "


def retitled(card: str, archived: str) -> bool:
    """Whether the headline a listing card shows (``card``: its link's text) says the
    article archived as ``archived`` was retitled since (module docstring)."""
    title = normal_headline(archived)
    shown = normal_headline(card)
    cut = _ELLIPSIS.search(shown)
    if cut:
        shown = shown[: cut.start()]
    words = _WORD.findall(shown)
    if not title or len(words) < MIN_WORDS:
        return False
    if shown in title or title in shown:
        return False
    held = set(_WORD.findall(title))
    return sum(word in held for word in words) >= SAME_STORY * len(words)


def same_headline(card: str, title: str) -> bool:
    """Whether a card's link text (``card``) is the headline ``title`` (a feed item's):
    equal once spacing, typography and case are set aside (``normal_headline``: a
    page's ``&nbsp;`` after a one-letter word, its „…“ where the feed has "…"), or
    cut short with an ending "…" (of ``MIN_WORDS`` words at least) the title begins
    with. No more: what tells a home box's headline the feed's item under another
    address (``explorer.home_headlines_fed``) must not take one story for another."""
    shown, whole = normal_headline(card), normal_headline(title)
    if not shown or not whole:
        return False
    if shown == whole:
        return True
    cut = _ELLIPSIS.search(shown)
    if cut is None:
        return False
    shown = shown[: cut.start()]
    return len(_WORD.findall(shown)) >= MIN_WORDS and whole.startswith(shown)


def headline_mark(card: str) -> str:
    """A short fingerprint of a card's headline as it compares (``normal_headline``):
    what the frontier keeps of the card that had its article read again, so a card that
    still differs after the re-read (the page kept its old title) is not read again
    each night, only when the card changes once more."""
    return hashlib.sha1(normal_headline(card).encode()).hexdigest()[:12]


# words a bare link's text needs to read as a news headline (``read_as_headlines``): a
# sentence ("Започна ремонтът на улица „Васил Левски“"), not a label ("Местни данъци и
# такси", "Профил на купувача")
HEADLINE_WORDS = 5


def read_as_headlines(texts: list[str]) -> bool:
    """Whether the link texts of a box of bare links (each its longest) read as news
    headlines: every one of ``HEADLINE_WORDS`` words at least, no two the same
    (``normal_headline``), and no first word opening more than half of them (a list of
    documents or notices, "Решение № …", "Обява за …", each opening alike). A box of
    services, sections or banners is labels of a few words each. What the headlines
    lead to is asked apart (``explorer.home_headlines_probed``): this only spares that
    request where the box cannot be news."""
    shown = [normal_headline(text) for text in texts]
    if len(set(shown)) < len(shown):
        return False
    words = [_WORD.findall(text) for text in shown]
    if not words or any(len(said) < HEADLINE_WORDS for said in words):
        return False
    openings = [said[0] for said in words]
    return 2 * max(openings.count(first) for first in openings) <= len(openings)
