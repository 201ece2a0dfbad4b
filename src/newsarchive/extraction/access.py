"""Whether a page says its article is for subscribers only (``Article.access``).

A paper's paid article shows a reader without a subscription its lead and an offer
("Абонирай се, за да прочетеш цялата статия"); the archive keeps what it was served,
often that lead alone. A researcher counting words or quoting must be told the row may
be a teaser: ``access`` is ``ACCESS_PAID`` when the page says so, ``ACCESS_FREE``
otherwise. Only the page's own statements count, read in this order, the first that
speaks deciding (false positives are worse than misses: a free article marked paid
would be left out of a count it belongs to):

1. ``isAccessibleForFree`` in the page's structured data (JSON-LD on an article node or
   a ``hasPart`` of it, or microdata): the publisher's statement to search engines,
   which Google's rules for paid content require of a paywalled page. Written as a
   boolean or as the string "False"/"false" ("True"); any ``false`` says paid, even
   beside a ``true`` (a page's WebPage node may call itself free, its Article not).
   A ``true`` alone says free, whatever else the page shows: it is the most exact word.
2. ``<meta property="article:content_tier">``: "locked" says paid, "free" says free.
   "metered" says nothing (the next step decides): a metered article is paid only after
   a reader's few free reads, counted by cookie, and a crawler without cookies is served
   its whole text (both dev pages stating it, AEB f5c90a6d and WCXB 0106, hold it whole:
   11,469 and 5,155 characters); --free-only would have dropped full texts.
3. A visible offer line (``OFFER_LINE``): what a reader sees in place of the rest of the
   text. Only a short line of its own, not hidden, and not a line of the archived text
   (an offer is the page's furniture; a story that mentions "само за абонати" tells
   news), and only where the subscription words and the reading words are one phrase: a
   newsletter box ("Абонирай се за бюлетина") offers no article.

Not read: ``<meta name="paywall">``-like names (none of 892 WCXB/AEB dev pages has
one, and the two stating ``article.access`` say so in JSON-LD too), and Google's
``.paywall`` class, which marks the paid text itself, served whole to a crawler a site
trusts (``clean``: no furniture word), not a page whose text was cut.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extraction.clean import (
    JUNK_TAGS,
    OFFERS_ELSEWHERE,
    is_hidden_attrs,
    is_hidden_class,
)
from newsarchive.extraction.metadata import Metadata

ACCESS_PAID = "paid"
ACCESS_FREE = "free"
# A stem of the subscription words, the pieces of the offers' phrases looked for near it,
# and whether it is skipped on a page that says it is Bulgarian (``_GATE``).
_Gate = tuple[str, tuple[str, ...], bool]

# The subscription words: a text node holding one is read as part of a line (and the
# stems of the other languages' offers, ``clean.OFFERS_ELSEWHERE``).
_SUBSCRIPTION = re.compile(
    "|".join(
        (
            "абонир",
            "абонамент",
            "абонат",
            "subscri",
            *dict.fromkeys(stem for _, stem, _, _ in OFFERS_ELSEWHERE),
        )
    ),
    re.IGNORECASE,
)
# What a line offering the rest of this article for a subscription says, in Bulgarian
# and English: the subscription words and what they let one read, one phrase ("Абонирай
# се, за да прочетеш цялата статия", "Тази статия е достъпна само за абонати",
# "Subscribe to continue reading"). The one source of the vocabulary: ``_GATE`` holds a
# piece each of its phrases must hold (tests/test_extract_access.py checks it).
_WHOLE = (
    "цялата статия", "цялата публикация", "цялата новина", "целия текст", "целия материал",
    "пълния текст", "пълния материал", "останалата част", "статията докрай",
    "статията до края",
)  # fmt: skip
_FOR_SUBSCRIBERS = ("за абонати", "за абонирани")
_TO_READ = (
    "to continue reading", "to read the full", "to read the whole", "to read the entire",
    "to read the rest",
)  # fmt: skip
_SUBSCRIBERS = (
    "to subscribers",
    "for subscribers",
    "to paying subscribers",
    "for paying subscribers",
)
OFFER_LINE = re.compile(
    rf"(?:абонир|абонамент|абонат)\w*\W{{1,3}}(?:\w+\W{{1,3}}){{0,6}}?(?:про)?чет\w* "
    rf"(?:{'|'.join(_WHOLE)})"
    r"|(?:статия|материал|съдържание|публикация)\w* (?:е|са) (?:достъпн\w+ )?(?:само|единствено) "
    rf"(?:{'|'.join(_FOR_SUBSCRIBERS)})"
    rf"|subscribe (?:now )?(?:{'|'.join(_TO_READ)})"
    r"|(?:article|story|content) is (?:only )?(?:available )?(?:only |exclusively )?"
    rf"(?:{'|'.join(_SUBSCRIBERS)})"
    # (German, French, Spanish, Italian, Portuguese and Polish: "Cet article est réservé
    # aux abonnés", "Dieser Artikel ist nur für Abonnenten")
    rf"|{'|'.join(phrase for *_, phrase in OFFERS_ELSEWHERE)}",
    re.IGNORECASE,
)
# The page scan's gate: a page is walked only where one of its language's pieces is
# written near a subscription word's stem (``_near``), as written; most pages are not.
# An ignore-case search of the page for the subscription words cost 5.8 ms a page, a
# sixth of extracting it (they are in two of three WCXB/AEB pages: newsletters), and 23
# plain searches 1.9 ms. A page writing them in capitals is missed: a miss, never a
# false flag.
# The English pieces are not looked for on a page that says it is Bulgarian (``lang``):
# "Subscribe" is in many Bulgarian templates' newsletter boxes, and the search of them
# cost 0.4 ms a page.
_GATE: tuple[_Gate, ...] = (
    ("бон", (*_WHOLE, *_FOR_SUBSCRIBERS), False),  # (абонирай, абонамент, абонати)
    ("ubscri", (*_TO_READ, *_SUBSCRIBERS), True),  # (subscribe, subscribers)
)


def _gates_by_language() -> dict[str, tuple[_Gate, ...]]:
    """The other languages' phrases (``clean.OFFERS_ELSEWHERE``) as ``_GATE`` holds its
    own: each stem with the pieces its phrases hold ("bonn" in "abonnés": "aux
    abonnés"), by language. Looked for only on a page that says it is written in their
    language: their stems' letters are in every page, and searching every page for six
    more stems cost a tenth of extracting AEB's pages (``str.find`` 0.12 → 0.40 s of
    2.9). A page that does not say its language is not searched: a miss, never a false
    flag."""
    pieces: dict[str, dict[str, list[str]]] = {}
    for lang, stem, piece, _ in OFFERS_ELSEWHERE:
        pieces.setdefault(lang, {}).setdefault(stem, []).append(piece)
    return {
        lang: tuple((stem, tuple(found), True) for stem, found in stems.items())
        for lang, stems in pieces.items()
    }


_GATE_ELSEWHERE = _gates_by_language()
_FIRST_BYTE = {  # (``_near``)
    stem: stem.encode()[:1]
    for stem, _, _ in (*_GATE, *(gate for gates in _GATE_ELSEWHERE.values() for gate in gates))
}
_NEAR = 400  # characters either side of a stem: the phrase, with its inline markup
_OFFER_MAX = 200  # characters: an offer is a line, not a paragraph of the story
# The elements a line is read from: the nearest of these around a text node that holds a
# subscription word (the offer's words may be split by inline markup, "<b>Абонирай се</b>").
_LINE_TAGS = frozenset(
    ("p", "div", "li", "h2", "h3", "h4", "h5", "h6", "section", "aside", "td", "body")
)
_UNSEEN = frozenset(JUNK_TAGS) - {"button"}  # (a button's label is seen)
# (not "metered": served whole to a crawler without cookies, the module's step 2)
_CONTENT_TIERS = {"locked": ACCESS_PAID, "free": ACCESS_FREE}


def stated_access(meta: Metadata) -> tuple[str, str] | None:
    """What the page's structured data or meta states (steps 1 and 2 of the module's
    order): (access, rule), or None when they say nothing."""
    if stated := meta.access_stated:
        for rule, free in stated:
            if not free:
                return ACCESS_PAID, rule
        return ACCESS_FREE, stated[0][0]
    tier = _CONTENT_TIERS.get(meta.content_tier)
    return (tier, "meta:article:content_tier") if tier else None


def offer_lines(tree: LexborHTMLParser, html: str, lang: str = "") -> list[str]:
    """The visible short lines of the page that offer the rest of the article for a
    subscription (``OFFER_LINE``), read before the extraction rules change the tree;
    ``lang``: the language the page says it is in (``<html lang>``)."""
    body = tree.body
    # (``raw_html``: the bytes the tree was parsed from, ``page_tree``'s or a caller's)
    lang = lang.lower()
    data = tree.raw_html
    if body is None or not (
        _near(html, data, lang.startswith("bg"))
        or _near(html, data, False, _GATE_ELSEWHERE.get(lang[:2], ()))
    ):
        return []
    found: list[str] = []
    seen: set[int] = set()
    for node in body.traverse(include_text=True):
        if node.tag != "-text" or not _SUBSCRIPTION.search(node.text_content or ""):
            continue
        line = _line_of(node)
        if line is None or line.mem_id in seen:
            continue
        seen.add(line.mem_id)
        text = " ".join(line.text(deep=True).split())
        if len(text) <= _OFFER_MAX and OFFER_LINE.search(text) and _seen(line):
            found.append(text)
    return found


def _near(html: str, data: bytes, bulgarian: bool, gate: tuple[_Gate, ...] = _GATE) -> bool:
    """Whether a piece of ``gate`` (``_GATE``, or a language's ``_GATE_ELSEWHERE``) is
    written within ``_NEAR`` characters of its stem; ``data``: the UTF-8 bytes the
    page's tree was parsed from.

    Every stem counts (a "Абонамент" menu link a few hundred characters before the
    offer must not hide the offer's own), and a page's stems come in runs (a newsletter
    box says "subscribe" three times): the windows of a run are read as one stretch,
    each piece looked for once in it, not once per stem (14 stems a page on AEB). Two
    windows are joined only where they overlap by a piece's length or more, so a piece in
    the stretch lies whole in one stem's window: the same answer as reading every window.
    The stem's first letter is looked for first: one character is searched for as memchr
    does, over twice as fast as "бон" in a page of no Cyrillic held in two bytes a
    character (curly quotes make most English pages so). The gate over AEB's 181 pages:
    60 → 35 ms, of about 1 s extracting them.

    Yet in a str held in two bytes a character CPython looks for "б" (U+0431) by its low
    byte, 0x31, and every "1" of the page is a false hit: whether the page holds the stem
    at all is asked first of the UTF-8 bytes its tree was parsed from (``data``), by the
    stem's first byte (0xD0, which every Cyrillic letter from "А" to "п" begins with), a
    search with no false hit that answers at once where found. A page without it cannot
    hold the stem (parsing drops NULs and PHP's notices before the root: neither a line
    of the page). 170 of AEB's 181 pages hold no 0xD0 byte: their search 10.3 → 1.2 ms.

    The stems are found by ``str.find``, not by a pattern's ``finditer``: that one's scan
    took less time (the gate over AEB's pages 33 → 29 ms, best of 5) but more
    instructions (an AEB pass 8,166.8M → 8,264.0M, callgrind), the engine reading every
    character where the two-way search skips ahead."""
    for stem, pieces, english in gate:
        if (english and bulgarian) or _FIRST_BYTE[stem] not in data:
            continue
        longest = max(map(len, pieces))
        at = html.find(stem[0])
        at = html.find(stem, at) if at >= 0 else -1
        while at >= 0:
            start, end = max(0, at - _NEAR), at + _NEAR
            at = html.find(stem, at + len(stem))
            while 0 <= at and at - _NEAR <= end - longest:
                end = at + _NEAR
                at = html.find(stem, at + len(stem))
            if any(html.find(piece, start, end) >= 0 for piece in pieces):
                return True
    return False


def _line_of(text: LexborNode) -> LexborNode | None:
    """The block a text node is a line of; None when it is inside a script, a style or
    another element no reader sees as text."""
    node = text.parent
    while node is not None and node.tag not in _LINE_TAGS:
        if node.tag in _UNSEEN:
            return None
        node = node.parent
    return node


def _seen(node: LexborNode) -> bool:
    """Neither the element nor one around it is hidden (``hidden``, ``aria-hidden``,
    inline ``display:none``, a hiding class such as ``d-none``) or unseen: a site may
    keep its offer in every page's markup, hidden, shown only over a paid article."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("html", "-document"):
        if current.tag in _UNSEEN:
            return False
        attrs = current.attributes
        if is_hidden_attrs(attrs) or is_hidden_class(attrs):
            return False
        current = current.parent
    return True


def without_offer(text: str, offers: list[str]) -> str:
    """The text without the lines closing it that a visible offer prints (``offer_lines``),
    on a page found paid: "Останалата част от статията е достъпна само за абонати" in the
    offer's box over "Абонирайте се за 4,90 лв. на месец…", taken in with the teaser
    above them, which no reader reads as the article. Compared without white space, as
    ``page_access`` compares them."""
    boxes = ["".join(offer.split()) for offer in offers]
    lines = text.split("\n")
    while lines and (line := "".join(lines[-1].split())) and any(line in box for box in boxes):
        lines.pop()
    return "\n".join(lines)


def page_access(stated: tuple[str, str] | None, offers: list[str], text: str) -> tuple[str, str]:
    """The article's access and the rule that told it: the page's statement first; else
    an offer line the extraction left out of the text (step 3); else free ("none")."""
    if stated is not None:
        return stated
    if not offers:
        return ACCESS_FREE, "none"
    # Compared without white space: an offer line is read as one text across its
    # ``<br>``s, which the extracted text keeps as two lines (a story's own "…само за
    # абонати…" after a ``<br>`` was "left out" of the text and flagged the page).
    kept = "".join(text.split())
    if any("".join(line.split()) not in kept for line in offers):
        return ACCESS_PAID, "generic:offer-line"
    return ACCESS_FREE, "none"
