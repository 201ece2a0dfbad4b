"""A guessed selector's answer checked against the generic rules' answer on the same page.

Why: the shipped profiles were written without one raw page of their sites, so each CSS
selector is a guess. A guess that matches nothing is seen (the generic rules step in and
the drift is recorded), but a guess that matches a plausible WRONG element was silent: the
lead paragraph only of a text split in two boxes, the first of three blocks a photo or an
ad splits, a box of prose teasers; the logo's heading for the title; a "Последна промяна"
stamp for the date. Each such case shows in how the two answers disagree, which these
pure functions tell; ``pipeline`` then keeps the generic answer and records the drift.
A field the profile marks as verified (``Profile.verified_fields``) is never checked.
"""

from __future__ import annotations

import datetime as dt

from newsarchive import date_stamps

# A line of prose, not a caption, a date or a menu word: long enough to say something.
_PROSE_CHARS = 40
# The generic text holds the profile's (this share of its letters, in whole lines) ...
_HELD = 0.8
# ... and prose beside it of at least this much, in letters and as a share of the
# profile's: a standfirst or a caption the generic rules add is no second half.
_MORE_CHARS = 150
_MORE_SHARE = 0.5
# A neighbour: the profile's text and the generic one share at most this share.
_SHARED_AT_MOST = 0.2


def _norm(line: str) -> str:
    return " ".join(line.split()).casefold()


def body_disagreement(profile: list[str], generic: list[str]) -> str:
    """ "part" when the profile's text is a part of the article by the generic rules' text
    of the same page, "neighbour" when it is a neighbour of it, else "".

    A part: the generic text holds the profile's lines and much more prose beside them
    (the lead only, the text's other half in a sibling box; the first block of three).
    A neighbour: the two share next to nothing and the generic text is the longer prose
    (a "Последни новини" box of prose teasers the guess matched). Where the generic text
    is the profile's, or a little more (a caption, a standfirst), the profile's stays.
    """
    mine = [_norm(p) for p in profile if p.strip()]
    theirs = [_norm(p) for p in generic if p.strip()]
    total = sum(len(p) for p in mine)
    if not total or not theirs:
        return ""
    whole = "\n".join(theirs)
    held = sum(len(p) for p in mine if p in whole)
    own = set(mine)
    more = sum(
        len(p) for p in theirs if len(p) >= _PROSE_CHARS and p not in own and not _in_any(p, mine)
    )
    if held >= _HELD * total:
        return "part" if more >= _MORE_CHARS and more >= _MORE_SHARE * total else ""
    if held <= _SHARED_AT_MOST * total and more >= max(total, _MORE_CHARS):
        return "neighbour"
    return ""


def _in_any(line: str, lines: list[str]) -> bool:
    return any(line in other for other in lines)


# Two titles are one when one holds the other and is at most this much longer: a stated
# title may add a word or a kicker; a logo's "Ruse24.bg" is not a headline's part.
_SAME_TITLE_SHARE = 0.6


def same_title(a: str, b: str) -> bool:
    """The same headline, as the h1 and the stated title may word it apart."""
    x, y = _norm(a), _norm(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long_ = sorted((x, y), key=len)
    return short in long_ and len(short) >= _SAME_TITLE_SHARE * len(long_)


def title_is_off(profile: str, generic: str, stated: list[str]) -> bool:
    """Whether the profile's title is no headline of the page: the generic headline is
    the one the page states (``stated``: its og:title and ``<title>`` without the site's
    affixes) while the profile's is none of them (the site's name a logo heading prints,
    a section's name, a menu word)."""
    if not generic or same_title(profile, generic):
        return False
    named = [s for s in stated if s]
    if not any(same_title(generic, s) for s in named):
        return False
    return not any(same_title(profile, s) for s in named)


def date_is_off(
    profile: dt.date, generic: dt.date | None, generic_stated: bool, modified: dt.date | None
) -> bool:
    """Whether the profile's date is not the page's publication: another day is stated
    by structured data the generic rules read (``generic_stated``: a script's state, a
    ``<time>`` marked as the publication), or the profile's day is the change the page
    labels ("Последна промяна") while the generic rules found the publication apart."""
    day = date_stamps.local_date(profile)
    if generic is None or date_stamps.local_date(generic) == day:
        return False
    return generic_stated or (modified is not None and date_stamps.local_date(modified) == day)
