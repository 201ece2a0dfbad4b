"""Dates as Bulgarian sites write them, and as the languages they mix in write them.

Structured forms ("2026-06-21T11:01:29+03:00", "…+0300", RFC 822 in feeds) and text forms:
"12.10.2018", "16:12 / 20.11.2024", "26 юли 2022 г.", "понеделник, 15 декември 2025",
"12.X.2018", "днес, 10:30", "днес в 10:30", "вчера", "преди 3 часа", "2 hours ago", "14
марта 2025", "March 14, 2025", "14th March 2025", "2025/03/14", "03/14/2025", "28 XI 2026
г.", "28-ми ноември 2026", "28 ноя 2026", "28 noemvri 2026" (Bulgarian in Latin letters),
"преди ден", "преди седмица", "онзи ден", "преди няколко часа" (the fetch day, only when no
midnight can lie between: ``relative_dates._few_ago_day``), each counted back from the
fetch moment on Sofia's clock (``site_today``) where the caller knows it. A time may stand
before any of them ("14:05, 28 ноември 2026", "14:05 ч. | 28.11.2026", "Час: 14:05 Дата:
28.11.2026", only marks and a date's label between: ``_TO_DATE``), looked for only before a
date found (``_time_before``: no pass over a page's text), unless it ends a range of hours
("от 9:00 до 17:00 ч. 28 ноември") or follows another date ("28.11.2026, 14:35 |
29.11.2026": the first's). A span of days is dated by its first ("28-29 ноември 2026", "30
ноември – 1 декември 2026", "28-29.11.2026", "28.11 – 29.11.2026", "26 и 27 юли 2022"): an
event's page means the day it begins; a span written with spaces right after a word ("клас
1 - 4 декември") is that word's number, then the date (``_counted_by_word``), and a bare
"d.m" more than a month before the date ("Версия 10.1 - 28.11.2026") is a version's or a
section's number (``_NUMERIC_SPAN_MONTHS``). A document's number may run into its date
("РМС № 123/28.11.2026", "Заповед РД-02-14-1201/08.12.2014 г."); after any other "/" a date
is part of something else. Weekday prefixes need no rule: the patterns search inside the
text. A date with a time and no zone stays a naive datetime (local time).

Guesses, kept apart (``find_loose_dates``, read only for a page that shows no fuller date):
a day without its year ("28 ноември", "28.11", "Nov 28": the latest such day not after the
fetch; not a bare "12.05", a time's shape, nor "Версия 10.12", without a closing dot, a
time or a label beside it: ``_no_day``) and a month or a year back ("преди 2 месеца", "преди
година", "a month ago": that many calendar months back, standing as a byline's date only).

Not read, on purpose: a month without a day ("ноември 2026"), "преди дни"/"преди ден-два"/
"преди години" (days or years, no one day), a Roman month between spaces in lower case
("28 xi 2026").

Numeric dates are day-first, as Bulgarian, Russian and British pages write them. Only a
slash date on an American-English page ("en-US") is read month-first, and only when both
readings are possible: "14/03/2025" is day-first anywhere, "03/14/2025" month-first
anywhere. A reading that lies after the fetch time loses to one that does not. No text
date after ``today`` is ever returned (see ``after``): a page cannot print a date that
has not happened yet, so such a match is a typo, a scheduled event or an ad.

This module reads the dates in text (``find_text_dates``, ``find_loose_dates``, a date
line's). What it reads them with stands apart, each read by other callers too: the words
(``date_words``: months, weekdays, labels, a time of day), the stamps a machine writes
whole and the date value itself (``date_stamps``: ISO, RFC 822, ``local_date``, ``after``),
and the dates counted back from the fetch moment (``relative_dates``).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from newsarchive.date_stamps import Published, after, build, local_date
from newsarchive.date_words import (
    DAY_MONTH_ALT,
    DOTTED_DAY_MONTHS,
    MODIFIED_LABEL,
    MONTH_ALT,
    MONTHS,
    POSTED_BY_LABEL,
    PUBLISHED_LABEL,
    ROMAN,
    ROMAN_LOOKALIKES,
    ROMAN_NUMERALS,
    TIME,
    TIME12,
    WEEKDAY_ALT,
    WEEKDAY_BETWEEN_ALT,
    WEEKDAYS,
    month_number,
)
from newsarchive.relative_dates import (
    RELATIVE_WORDS,
    may_hold_day_abroad,
    may_hold_rarer_day,
    relative_dates,
    site_today,
    stands_as_date,
)

# The patterns searched through long texts (a window around the headline, a page's whole
# text) open with a look-ahead for the characters a match can start with: a digit, or the
# first letters of their words. Without it the engine tries the look-behind and every
# alternative at each character, two to three times slower; the look-ahead only restates
# the first character, so the matches are the same (an ignore-case class takes exactly
# the characters its letters take as literals).
_MONTH_INITIALS = "".join(sorted({name[0] for name in MONTHS}))
# The words that label a date's time printed as a field of its own: "Дата: 27.11.2026
# Час: 08:17", "27.11.2026 ч. 08:17", "Date: 11/27/2026 Time: 08:17".
_TIME_LABELS = ("час", "ч", "time")
_TIME_LABEL = r"(?i:" + "|".join(_TIME_LABELS) + r")\.?:?"
_WEEKDAY_WORDS = WEEKDAY_BETWEEN_ALT  # (between a date and its time)
_WEEKDAY_ALT = r"(?i:" + _WEEKDAY_WORDS + r")(?!\w)"
# What may stand between a date and its time, the one place every date pattern joins its
# time (``_then_time``): a mark, "," "/" "|" "-" or "@" as WordPress themes write "j F Y @
# H:i" ("27 ноември 2026 @ 09:41"); "в"/"at"/"um", WordPress's "%1$s at %2$s" translated
# ("05/11/2026 в 14:05"), and so in the other languages it may be written in ("12 mars
# 2025 à 14:30", "12 de marzo de 2025 a las 14:30", "12 marzo 2025 alle 14:30", "12
# martie 2025, ora 14:30", "12 Mart 2025 saat 14:30": ``_AT_WORDS``); a time's label; a
# weekday with its comma, as a CMS's "j F Y г., l, H:i ч." puts it between ("27 ноември
# 2026 г., петък, 08:17 ч.": the day alone was kept), or in brackets as a hand-typed date
# line puts it ("27.11.2026 г. (петък) 08:17 ч.": the day alone was kept); two of them at
# most ("27.11.2026 | Час: 08:17").
# Each is a character other than a space, with the spaces after it: ``\s*[,|]?\s*`` would
# match the same strings, but split a run of spaces with no time after it every way there
# is (a date followed by 40,000 spaces took 50 s). Only these, so a time another field
# prints after the date ("27.11.2026 Прочитания: 15 Час: 08:17") is not the date's.
_AT_WORDS = ("в", "at", "um", "à", "às", "a las", "alle", "ore", "ora", "saat")
_TO_TIME = (
    r"\s*(?:(?:[,/|@-]|" + "|".join(_AT_WORDS) + r"|" + _TIME_LABEL + r"|" + _WEEKDAY_ALT + r"\.?,?"
    r"|\(\s*" + _WEEKDAY_ALT + r"\.?\s*\),?)\s*){0,2}"
)
# What may stand between a time printed before its date and the date (``_time_before``):
# a mark, "," "/" "|" "-" or "–" ("14:05, 27 ноември 2026", "08:17 ч. | 27.11.2026"), the
# date's label ("Час: 08:17 Дата: 27.11.2026", "Time: 08:17 Date: 11/27/2026"), "на", the
# date line that says the time first as a sentence would ("в 08:17 ч. на 27.11.2026": the
# mirror of ``_TO_TIME``'s "в", whose time was lost), two of them at most ("08:17 | Дата:
# 27.11.2026"), each with the spaces after it, as ``_TO_TIME`` is written. Only these: a
# time another field prints before the date ("Час: 08:17 Прочитания: 15 Дата:
# 27.11.2026") is not the date's.
_DATE_LABELS = ("дата", "date")
_DATE_LABEL = r"(?i:" + "|".join(_DATE_LABELS) + r")\.?:?"
_TO_DATE = r"\s*(?:(?:[,/|–-]|на(?!\w)|" + _DATE_LABEL + r")\s*){0,2}"


def _then_time(time: str) -> str:
    """A date pattern's optional time after it (``_TO_TIME``)."""
    return r"(?:" + _TO_TIME + time + r")?"


_DAY = r"(?P<d>0?[1-9]|[12]\d|3[01])"
_MONTH_NUMBER = r"(?P<m>0?[1-9]|1[0-2])"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"
# The mark after a year, "г." or "г", "год." as older municipal CMSs print it
# ("27.11.2026 год., 08:17 ч.", "27 ноември 2026 год., 08:17 ч."), Russian "года": one
# pattern, so every date reader takes the time after it (before, the time after "год."
# was lost, the day alone kept).
_YEAR_MARK = r"(?:\s*(?:год(?:а\.?|\.|(?!\w))|г\.?))?"

# "/" ends a number that may end in a date's digits ("1/28.11.2026"), so a date right after
# one is read only when the number is a document's: "РМС № 123/28.11.2026",
# "Заповед РД-02-14-1201/08.12.2014 г.", an order numbered and dated in one.
_DOCUMENT_NUMBER = re.compile(r"(?:№\s*|(?<!\w)[А-ЯA-Z]{1,5}-)[\w.-]{0,24}\d/$")
_DOCUMENT_REACH = 40
# "28.11.2026", "28-11-2026 14:05", its time with "am"/"pm" too ("02-11-2026 7:05 PM").
_NUMERIC = re.compile(
    r"(?=\d)(?<![\d.])" + _DAY + r"\s?[.-]\s?" + _MONTH_NUMBER + r"\s?[.-]\s?"
    + _YEAR + _YEAR_MARK + _then_time(TIME12),
    re.IGNORECASE,
)  # fmt: skip
# "28.11.26", "28.11.26 г., 14:05": PHP's date("d.m.y"), PHP-Fusion's default short date
# ("%d.%m.%y %H:%M"). Only zero-padded day and month, with dots, the year's two digits
# ending the number, not run on from a word: a version "3.1.24", "v01.02.03" or an
# address "10.0.12.5" is no date. The year may carry the apostrophe that marks it cut
# short ("27.11.'26 08:17", "27.11.’26"): without it the date was read as "27.11."
# with no year, the fetch year's day, and the time after it lost.
_SHORT_YEAR = re.compile(
    r"(?=\d)(?<![\w./-])(?P<d>0[1-9]|[12]\d|3[01])\.(?P<m>0[1-9]|1[0-2])\.['’‘]?(?P<yy>\d\d)"
    r"(?![\d.]\d|\d)" + _YEAR_MARK + _then_time(TIME),
    re.IGNORECASE,
)
# "28/11/26", "28/11/26 14:05": a slash date of a two-digit year (PHP's date("d/m/y"), an
# old news script's), read as ``_SLASHED`` reads one of four (``_slashed``: the page's
# language orders day and month where both could be either). As narrow as
# ``_SHORT_YEAR``: two digits each, not run on from a word, a number or a path ("1/28/26",
# "/12/11/26/"), the year ending the number ("12/11/2607" is none). Not read in a text of
# Latin letters and no Cyrillic (``_short_slashes``): the short form is the Bulgarian
# sites' "d/m/y", while an English page's "Updated on 09/11/25" may be either order, or
# "y/m/d" (read on the dev pages, it dated an American page 9 November 2025, its update
# of 11 September).
_CYRILLIC = re.compile("[а-яА-Я]")
_LATIN = re.compile("[a-zA-Z]")
_SHORT_SLASHED = re.compile(
    r"(?=\d)(?<![\w./-])(?P<a>0[1-9]|[12]\d|3[01])/(?P<b>0[1-9]|[12]\d|3[01])/(?P<y>\d\d)"
    r"(?![\d/.]\d|\d|/)" + _YEAR_MARK + _then_time(TIME12),
    re.IGNORECASE,
)
# "28-ми ноември 2026", "1-ви", "2-ри", "3-ти": Bulgarian ordinal days, and the French "1er
# mars 2025", the Spanish and Portuguese "1º de março de 2025". A day may take the dot
# German and Serbian write after it ("12. März 2025", "12. марта 2025."), before their
# months only (``DOTTED_DAY_MONTHS``: "1. Май 2025" is a list's first item), and "de"
# may join the day, the month and the year as Spanish and Portuguese write them ("12 de
# marzo de 2025", "12 de março de 2025", "12 de marzo del 2025"). "19-Dec-2025 10:15",
# "19-дек-2025": a day, a month's name and a year joined by hyphens (Oracle's and many old
# CMSs' "d-M-Y"), read only with a hyphen on both sides of the name, so a span of days
# "28-29 ноември" or a range "ноември-декември" is not taken for one; so with a dot on
# both sides and no space ("7.dez.2026 às 14h05", a Brazilian daily's), the month in
# lower case only (``_absolute_dates``), as the languages that print it so write their
# months: a journal's "first published 04.Apr.2019" is its preprint's citation, and read
# as the page's labelled date it beat the article's own day. A short bracketed
# aside holding no year may stand between the month and the year: the Church's sites
# print the old style's day beside the new, "29 ноември (16 ноември ст. ст.) 2026 г.",
# others a weekday, "29 ноември (неделя) 2026"; the day is the one before the bracket.
DAY_ORDINAL = r"(?:st|nd|rd|th|er|º|-?(?:ви|ри|ти|ми)(?!\w))?"
_ASIDE = r"(?:\((?:(?!(?:19|20)\d\d)[^()]){1,32}\)\s+)?"
_WORDY = re.compile(
    r"(?=\d)(?<![\w])"
    + _DAY
    + DAY_ORDINAL
    + r"(?:(?P<dot>\.)\s*|\s+(?:(?:of|de)\s+)?|(?P<dash>[-.]))(?P<mon>"
    + DAY_MONTH_ALT
    + r")(?(dash)(?P=dash)|\.?,?\s+(?:del?\s+)?"
    + _ASIDE
    + ")"
    + _YEAR
    + _YEAR_MARK
    + _then_time(TIME12),
    re.IGNORECASE,
)
# "March 14, 2025", "Mar. 14 2025 at 10:30 am": English month-first; also run on to
# the name before it where inline elements join without a space ("Jane DoeMar 5, 2025":
# a capital after a small letter starts a word). WordPress in Bulgarian writes its
# default "F j, Y" so, its time after "в" ("ноември 28, 2026 в 14:35": the translation
# of "%1$s at %2$s").
_DAY_TO_YEAR = r"(?:st|nd|rd|th)?,?\s+" + _YEAR  # what follows its day: "14, 2025", "3rd 2025"
_MONTH_FIRST = re.compile(
    rf"(?=[{_MONTH_INITIALS}])(?:(?<![\w])|(?-i:(?<=[a-zа-я])(?=[A-Z])))(?P<mon>"
    + MONTH_ALT
    + r")\.?\s+"
    + _DAY
    + _DAY_TO_YEAR
    + _then_time(TIME12),
    re.IGNORECASE,
)
# "2025/03/14", "2025-03-14 10:30" written out in the text.
_YEAR_FIRST = re.compile(
    r"(?=\d)(?<![\d./-])(?P<y>(?:19|20)\d\d)(?P<sep>[./-])"
    + _MONTH_NUMBER
    + r"(?P=sep)"
    + _DAY
    + r"(?![\d])(?:(?:T|"
    + _TO_TIME
    + r")"
    + TIME
    + r")?"
)
# "03/14/2025" or "14/03/2025": slash dates, whose order depends on the page's language.
# And "11-22-2026, 08:14 PM", vBulletin's default "m-d-Y": a hyphen date ``_NUMERIC``
# reads day first, read here too, so that one whose second number is over 12, or any on
# a page written month first, is read that way (``_absolute_dates``). Ignoring case, as
# every pattern ending in ``TIME12``: without it "08:14 PM" was 08:14 ("pm" was 20:14).
_SLASHED = re.compile(
    r"(?=\d)(?<![\d/-])(?P<a>\d\d?)(?P<sl>[/-])(?P<b>\d\d?)(?P=sl)"
    + _YEAR
    # "11/09/2026 - 08:05": Drupal's "m/d/Y - H:i"; "05/11/2026 в 14:05": WordPress in
    # Bulgarian set to "d/m/Y"
    + _then_time(TIME12),
    re.IGNORECASE,
)
# "2026年12月6日 09:30", "2026年12月06日", "2026년 12월 6일": how Chinese, Japanese and
# Korean pages print a date, the year first, each part with its sign ("日" or "号" after
# the day), the time after it. A page of those scripts had no date read from its text:
# only its metadata dated it.
_CJK_YEAR_SIGNS = ("年", "년")
_CJK_DATE = re.compile(
    r"(?=\d)(?<!\d)(?P<y>(?:19|20)\d\d)\s*[年년]\s*" + _MONTH_NUMBER + r"\s*[月월]\s*" + _DAY
    + r"\s*[日号號일]" + _then_time(TIME12),
    re.IGNORECASE,
)  # fmt: skip
_AFTER_YEAR = _YEAR_MARK + _then_time(TIME)  # "г., 14:05 ч."
# "28.XI.2026", and "28 XI 2026 г." as official letters set the month apart by spaces
# alone, there in capitals only: "5 i 2026" or "3 x 2026" in running text is no date. One
# pattern for both: each pattern costs a pass over a page's text.
_ROMAN_DATE = re.compile(
    r"(?=\d)(?<![\w.])" + _DAY + rf"(?:\.\s?(?P<rom>{ROMAN_NUMERALS})\.\s?"
    rf"|\s+(?-i:(?P<urom>{ROMAN_NUMERALS}))\s+)" + _YEAR + _AFTER_YEAR,
    re.IGNORECASE,
)


@dataclass(frozen=True)
class TextDate:
    """One date found in visible text: where it starts, its value, and whether a label
    before it ("Updated", "Обновена") says it is the last change rather than the publication."""

    start: int
    value: Published
    modified: bool = False
    relative: bool = False
    labelled: bool = False  # a label before it says it is the publication
    # The other day a slash date reads as, when both readings are days not after the
    # fetch and only the page's language chose between them ("03/04/2026": 3 April, or
    # 4 March): a listing's or feed's date for the page decides (``published.with_listed``)
    other: dt.date | None = None
    # Its time opens a range of hours (``_RANGE_AFTER``): an outage's or an event's slot,
    # a day a calendar reads, that no page's stamp prints and that dates no page
    slot: bool = False


def slashes_month_first(texts: Iterable[str]) -> bool:
    """Whether a page's slash dates are written month first (``slash_order``).

    Why: a list of news prints every item's date one way, the one its software was set to
    (Weebly's American default "11/8/2026" on a Bulgarian NGO's blog), and a date whose
    two readings are both days ("11/8/2026": 8 November or 11 August) is read as its
    neighbours are, not by the page's language alone, which dated such a card 11 August
    and its article, printing the same "11/8/2026", too."""
    return slash_order(texts) is True


def slash_order(texts: Iterable[str]) -> bool | None:
    """How ``texts`` write their slash dates, as far as one of them tells: True month
    first (a second number over 12, "11/29/2026", and none whose first is), False day
    first ("29/11/2026", and none the other way), None where none tells or both do (a
    page mixing two programs' dates says nothing of either). Only the four-digit year's
    slash dates: the only form read two ways (``TextDate.other``)."""
    only_us = only_day_first = False
    for text in texts:
        for m in _SLASHED.finditer(text):
            a, b = int(m["a"]), int(m["b"])
            only_us |= a <= 12 < b <= 31
            only_day_first |= b <= 12 < a <= 31
    return None if only_us == only_day_first else only_us


def month_first_language(lang: str) -> bool:
    """American English writes "03/14/2025" month-first; everyone else day-first. A bare
    "en" says nothing about the country, so it keeps the day-first default."""
    lang = lang.strip().lower().replace("_", "-")
    return lang == "en-us" or lang.startswith("en-us")


# Every text form needs a digit (a year at least) or a relative word: text without one is
# skipped before the dozen patterns run (most elements and windows hold no date).
_MAY_HOLD_DATE = re.compile(rf"(?=[\dдвпtya])(?:\d|{RELATIVE_WORDS})", re.IGNORECASE)


# How far before a date its label ("Публикувано на:", "Updated") may start.
_DATE_LABEL_REACH = 30


def _label_before(text: str, start: int) -> str:
    """The text where a label of the date at ``start`` would stand (``MODIFIED_LABEL``,
    ``PUBLISHED_LABEL`` read it): before the weekday a date line may print between them
    ("Publié le lundi 12 mars 2025", "Обновено: сряда, 12.03.2025", "Published on
    Wednesday, March 12, 2025"), where the label's end is looked for."""
    weekday = _WEEKDAY_RIGHT_BEFORE.search(text, max(start - _WEEKDAY_REACH, 0), start)
    if weekday is not None:
        start = weekday.start()
    return text[max(start - _DATE_LABEL_REACH, 0) : start]


def labels_publication(before: str) -> bool:
    """Whether the text ``before`` an element's date ends in a publication label
    ("Published", "Публикувано на:"): ``PUBLISHED_LABEL``, read where a date's label
    would stand (``_label_before``)."""
    return bool(before) and bool(PUBLISHED_LABEL.search(_label_before(before, len(before))))


def labels_update(before: str, shown: str) -> bool:
    """Whether a date printed as ``shown`` ("Updated April 10, 2025", "10.04.2025"), after
    the text ``before`` it, is labelled as the last change (``MODIFIED_LABEL``, read where
    the first date ``shown`` holds begins, or where ``shown`` does when it holds none in
    full: an element whose ``datetime`` attribute states the day it prints as "18.03")."""
    text = f"{before} {shown}"
    opens = len(before) + 1
    start = next((d.start for d in find_text_dates(text) if d.start >= opens), opens)
    return bool(MODIFIED_LABEL.search(_label_before(text, start)))


def find_text_dates(
    text: str, *, today: dt.date | None = None, month_first: bool = False
) -> list[TextDate]:
    """Every date in ``text``, in reading order, none after ``today``: the fetch day, or
    the fetch moment (a datetime; ``site_today``), which "преди 3 часа" needs to name its
    day."""
    if not text or not (
        _MAY_HOLD_DATE.search(text)
        or may_hold_rarer_day(text)
        or (today is not None and may_hold_day_abroad(text))
    ):
        return []
    text = text.replace("\xa0", " ")
    today = site_today(today) if today is not None else None
    found: dict[int, TextDate] = {}
    for start, value, other, slot in _absolute_dates(text, today, month_first):
        if value is None or after(value, today) or start in found:
            continue
        label = _label_before(text, start)
        labelled = bool(PUBLISHED_LABEL.search(label)) or bool(
            POSTED_BY_LABEL.search(text[max(start - 90, 0) : start])
        )
        found[start] = TextDate(
            start,
            value,
            modified=bool(MODIFIED_LABEL.search(label)),
            labelled=labelled,
            other=other,
            slot=slot,
        )
    if today is not None:
        for start, value in relative_dates(text, today):
            if start not in found and not after(value, today):
                # ("Обновена преди 2 часа", "Updated yesterday" are the last change too;
                # a "Published" label is not read here: an hour's rounding is no proof
                # against metadata, which is what ``labelled`` is trusted for)
                modified = bool(MODIFIED_LABEL.search(_label_before(text, start)))
                found[start] = TextDate(start, value, modified=modified, relative=True)
    return [found[k] for k in sorted(found)]


# The patterns that read a year printed in four digits ("(?:19|20)\d\d"), as every one
# but ``_SHORT_YEAR`` does (``_SLASHED`` too): a text holding no such number (a byline's
# window, a line of names and times) is not scanned by them, one search for a year in
# place of six passes over it. Nor is a text where no digit stands before its year as a
# month-first date's day does ("14, 2025") scanned for those, the costliest pass (tried
# at every letter that can open a month's name): one search in its place.
_FULL_YEAR_DATES = (_NUMERIC, _WORDY, _MONTH_FIRST, _ROMAN_DATE, _YEAR_FIRST)
_NOT_MONTH_FIRST = tuple(pattern for pattern in _FULL_YEAR_DATES if pattern is not _MONTH_FIRST)
_ANY_FULL_YEAR = re.compile(r"(?:19|20)\d\d")
_DAY_THEN_YEAR = re.compile(r"\d" + _DAY_TO_YEAR, re.IGNORECASE)


def _passes(text: str) -> tuple[re.Pattern[str], ...]:
    """Those of ``_FULL_YEAR_DATES`` that can match in ``text``, in their order, and
    ``_CJK_DATE`` where a year's sign stands (a test of a character, most pages lack it)."""
    if _ANY_FULL_YEAR.search(text) is None:
        return ()
    passes = _FULL_YEAR_DATES if _DAY_THEN_YEAR.search(text) else _NOT_MONTH_FIRST
    if any(sign in text for sign in _CJK_YEAR_SIGNS):
        return (*passes, _CJK_DATE)
    return passes


# Where a number starts: a digit that no digit precedes. Every date pattern but
# ``_MONTH_FIRST`` opens with a digit there: a look-ahead for a digit, then a look-behind
# that refuses one (``\w`` holds the digits), so it can match there alone.
_NUMBER_START = re.compile(r"\d(?<!\d\d)")


def _at_numbers(pattern: re.Pattern[str], text: str, numbers: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that can match only where a number starts
    (``numbers``: those places, in order), tried there alone. The same matches: each
    place is tried as the scan would reach it, past the last match's end, and the
    look-behinds still read the text before it. Python's engine has no quick scan for a
    pattern that opens with a look-ahead: it tried each of these at every character of
    every text searched for dates, some 250 instructions a character and pattern (the
    dates of the windows by AEB's headlines: 100 million instructions, 64 now; WCXB dev's
    extraction: 4% fewer)."""
    end = 0
    for start in numbers:
        if start >= end and (match := pattern.match(text, start)) is not None:
            end = match.end()
            yield match


def _absolute_dates(
    text: str, today: dt.date | None, month_first: bool
) -> list[tuple[int, Published | None, dt.date | None, bool]]:
    """Where each date starts, its value, the other day it reads as when only the page's
    language chose (``TextDate.other``), and whether it is a slot's (``TextDate.slot``)."""
    out: list[tuple[int, Published | None, dt.date | None, bool]] = []
    numbers = [number.start() for number in _NUMBER_START.finditer(text)]
    if not numbers:
        return out  # (every date holds a number)
    passes = _passes(text)
    for pattern in passes:
        if pattern is _MONTH_FIRST:  # (a month's name opens it: scanned for everywhere)
            matches: Iterator[re.Match[str]] = pattern.finditer(text)
        else:
            matches = _at_numbers(pattern, text, numbers)
        for m in matches:
            groups = m.groupdict()
            if "mon" in groups:
                named = month_number(m["mon"])
                if groups.get("dot") and m["mon"].lower() not in DOTTED_DAY_MONTHS:
                    continue  # ("1. Май 2025": a list's item and a month, no day)
                if groups.get("dash") == "." and not m["mon"].islower():
                    continue  # ("04.Apr.2019", a citation's: see ``_WORDY``)
            elif "rom" in groups:
                named = ROMAN.get((m["rom"] or m["urom"]).translate(ROMAN_LOOKALIKES).lower())
            else:
                named = int(m["m"])
            if named is None:
                continue  # (a name matched through a letter ignore-case equates)
            if month_first and pattern is _NUMERIC and "-" in text[m.end("d") : m.start("m")]:
                continue  # ("03-04-2026" on a page written month first: ``_SLASHED`` reads it)
            month = named
            start, year, day = m.start(), int(m["y"]), int(m["d"])
            timed = None if m["h"] else _time_before(text, start)
            if (
                timed is None  # "16:12/20.11.2024": the "/" parts a time and its date
                and text[start - 1 : start] == "/"
                and not _DOCUMENT_NUMBER.search(text, max(start - _DOCUMENT_REACH, 0), start)
            ):
                continue
            if pattern is _WORDY or (pattern is _NUMERIC and text[m.end("d")] == "."):
                span = _span_start(text, start, year, month, day)
                # "14.03 – 15.03.2026": a day and a month that could be a time, but no
                # time's minutes are the date's month, or the one before
                if span[0] != start and (timed is None or (month - span[2]) % 12 <= 1):
                    out.append((span[0], build(*span[1:], m), None, False))
                    continue
            if timed is not None:
                out.append((timed.start(), build(year, month, day, timed), None, False))
                continue
            out.append((start, build(year, month, day, m), None, _slot(text, m)))
    for m in _at_numbers(_SLASHED, text, numbers) if passes else ():  # (a year of four digits)
        weekday = _weekday_before(text, m.start())
        value = _slashed(m, today, month_first, weekday)
        other = _undecided(m, value, today) if weekday is None else None
        out.append((*_timed_before(text, m, value), other, _slot(text, m)))
    for m in _at_numbers(_SHORT_YEAR, text, numbers):
        year = _century(int(m["yy"]), today)
        value = build(year, int(m["m"]), int(m["d"]), m)
        out.append((*_timed_before(text, m, value), None, _slot(text, m)))
    for m in _at_numbers(_SHORT_SLASHED, text, numbers) if _short_slashes(text) else ():
        weekday = _weekday_before(text, m.start())
        value = _slashed(m, today, month_first, weekday)
        other = _undecided(m, value, today) if weekday is None else None
        out.append((*_timed_before(text, m, value), other, _slot(text, m)))
    return out


def _short_slashes(text: str) -> bool:
    """``text`` may hold a two-digit year's slash date (``_SHORT_SLASHED``): it is
    Bulgarian, or holds no words to say otherwise (a date's element alone)."""
    return _CYRILLIC.search(text) is not None or _LATIN.search(text) is None


def _slot(text: str, m: re.Match[str]) -> bool:
    """The date ``m`` prints a time of its own that opens a range of hours
    (``_RANGE_AFTER``): a slot's day (``TextDate.slot``), whichever way it is written."""
    return bool(m["h"]) and _RANGE_AFTER.match(text, m.end()) is not None


def _timed_before(
    text: str, m: re.Match[str], value: Published | None
) -> tuple[int, Published | None]:
    """Where the date ``m`` read as ``value`` starts, and its value, with the time printed
    before it (``_time_before``: "Time: 08:17 Date: 11/27/2026") when it printed none
    after it: the slash and the short dates' way to it, whose day is read apart."""
    if m["h"] or type(value) is not dt.date or (timed := _time_before(text, m.start())) is None:
        return m.start(), value
    return timed.start(), build(value.year, value.month, value.day, timed)


# A span of days ending where a date starts: "28-29 ноември 2026", "28 – 29 ноември",
# "30 ноември – 1 декември 2026", "28-29.11.2026", "28.11 – 29.11.2026", and an event's
# two days joined by "и" ("На 26 и 27 юли 2022 г.", read as a spaced span: a week apart
# at most) (see ``_span_start``). Looked for only before a date found, so it costs no
# pass over the text.
_SPAN_BEFORE = re.compile(
    r"(?<![\w.,:/])(?P<d0>0?[1-9]|[12]\d|3[01])"
    r"(?:\s+(?P<mon0>" + DAY_MONTH_ALT + r")\.?|\.(?P<m0>0?[1-9]|1[0-2])\.?)?"
    r"(?:(?P<gap>\s?)[-–—]|\s+(?P<joined>и))\s?$",
    re.IGNORECASE,
)
_SPAN_REACH = 24
# A number of something else before a dash and a date: "Брой 5 - 28 ноември 2026", an
# agenda's "т. 3 – 4 декември 2026 г. – …", a law's "ал. 2 - 5 ноември", "Решение 25 - …".
_COUNTED_BEFORE = re.compile(
    r"(?<!\w)(?:№|бр\.?|брой|стр\.?|no\.?|issue|т\.|точка|ал\.|чл\.|решение|протокол|заповед)"
    r"\s*$",
    re.IGNORECASE,
)
# The most days a span written with spaces ("28 - 29 ноември") may cover: an event's
# days. Further apart, the first number is more likely something else's.
_SPACED_SPAN_DAYS = 7
# The most months a span's bare numeric first part ("28.02 – 03.03.2026") may stand before
# its last day's: "d.m" is as often a version ("10.1"), a section or a score, and an
# event's days printed so run into the next month at most. A first part with its month in
# words ("10 януари – 28 ноември 2026", an exhibition) names itself a date and is not capped.
_NUMERIC_SPAN_MONTHS = 1


def _span_start(
    text: str, start: int, year: int, month: int, day: int
) -> tuple[int, int, int, int]:
    """Where a date printed as a span of days starts, its year, month and day: the first
    day ("28-29 ноември 2026" is 28 November, "30 ноември – 1 декември 2026" 30 November),
    as an event's page is dated by the day it begins. The year printed is the last day's:
    "30 декември – 2 януари 2026" began in 2025.

    Only a true span: its first day before its last, no "Брой"/"№" before it (an issue
    number, then the date), a bare "d.m" first part in the last day's month or the one
    before (``_NUMERIC_SPAN_MONTHS``), and a span written with spaces ("1 - 4 декември") at most a
    week long and, beyond two days in a row, not right after a word (``_counted_by_word``).
    Otherwise the date after the dash alone, as before."""
    if start == 0 or text[start - 1] not in " -–—":
        return start, year, month, day
    span = _SPAN_BEFORE.search(text, max(start - _SPAN_REACH, 0), start)
    if span is None:
        return start, year, month, day
    mon0, m0 = span["mon0"], span["m0"]
    first_month = (month_number(mon0) or 0) if mon0 else int(m0) if m0 else month
    if not first_month:  # (a name matched through a letter ignore-case equates)
        return start, year, month, day
    if m0 and (month - first_month) % 12 > _NUMERIC_SPAN_MONTHS:
        # "Версия 10.1 - 28.11.2026": a version, a section, a score before the date
        return start, year, month, day
    first_year = year - 1 if (first_month, month) == (12, 1) else year
    first = (first_year, first_month, int(span["d0"]))
    spaced = span["joined"] is not None or (
        not (mon0 or m0) and (span["gap"] or text[start - 1] == " ")
    )
    if (
        first < (year, month, day)
        and not (
            spaced
            and (
                (apart := _days_apart(first, (year, month, day))) > _SPACED_SPAN_DAYS
                or (apart > 1 and _counted_by_word(text, span.start()))
            )
        )
        and not _COUNTED_BEFORE.search(text, max(span.start() - 12, 0), span.start())
    ):
        return span.start(), *first
    return start, year, month, day


def _days_apart(first: tuple[int, int, int], last: tuple[int, int, int]) -> int:
    """The days from a span's first day to its last, across a month's end too ("25
    октомври и 1 декември" is 37 days, not 1 - 25). A day its month does not have ("31
    ноември") is counted within the month, as the span was read before."""
    try:
        return (dt.date(*last) - dt.date(*first)).days
    except ValueError:
        return last[2] - first[2]


def _century(short: int, today: dt.date | None) -> int:
    """A two-digit year in this century, unless that is more than a year ahead (then the
    last one): "26" is 2026, "27" read in 2026 still 2027 (a date a day past the new year,
    seen from a clock behind it), which ``after`` then turns away as future."""
    now = (today or dt.date.today()).year
    return 2000 + short if 2000 + short <= now + 1 else 1900 + short


# A time printed before a date ("16:12 / 20.11.2024", "14:35, 28 ноември 2026", "14:35 ч. |
# 28.11.2026", "14.35 ч., петък, 28 ноември 2026", "Час: 08:17 Дата: 28.11.2026", "8:17 pm
# | November 28, 2026": ``_TO_DATE``, then a weekday), looked for only right before a date
# found, so it costs no pass over a page's text. Not from inside a number (the "8.11" of
# "28.11 - 29.11.2026" is no time) or a zone ("…T13:00:39+00:00 March 22, 2024"), nor
# right after a number (``_AFTER_NUMBER``): the "14:35" of "28.11.2026 14:35, 29 ноември
# 2026" is the first date's.
_TO_DATE_FROM_TIME = _TO_DATE + r"(?:(?:" + _WEEKDAY_WORDS + r")\.?,?\s*)?"
_TIME_BEFORE = re.compile(
    r"(?<![\d.:+])(?<!\d\s)" + TIME12 + _TO_DATE_FROM_TIME + "$", re.IGNORECASE
)
_TIME_REACH = 40
# A time that ends a range of hours ("от 09:00 до 17:00 ч.", "09:00 - 17:00") is an
# event's hours, not the time of a date after it.
_RANGE_BEFORE = re.compile(r"(?:(?<!\w)(?:до|to|until|till)|[-–—])\s*$", re.IGNORECASE)
# A date whose time opens a range of hours ("07.12.2026 г., 13:00 – 16:00 ч.", "12.12.2026
# 10:00 до 14:00") is a slot's: an outage's or an event's hours, which no page's stamp
# prints. Read as a date, the first slot of an outage notice that states no day of its
# own dated it, and left its text.
_RANGE_AFTER = re.compile(
    r"\s*(?:(?<!\w)(?:до|to|until|till)(?!\w)|[-–—])\s*" + TIME, re.IGNORECASE
)


# A number, then only what joins a date to the time after it (``_TO_TIME``), right before
# a time: the time ends the date before it ("28.11.2026, 14:35 | 29.11.2026", "28.11.2026
# г. / 14:35 ч. – …", "27.11.2026 | Час: 08:17 | Дата: 28.11.2026"), which takes it, and
# is not the next's.
_AFTER_NUMBER = re.compile(r"\d" + _YEAR_MARK + _TO_TIME + "$")
_AFTER_NUMBER_REACH = 24


def _time_before(text: str, start: int) -> re.Match[str] | None:
    """The time printed right before the date at ``start``, if any: not a time that
    ends a range of hours, nor one that follows a number (the date before it)."""
    m = _TIME_BEFORE.search(text, max(start - _TIME_REACH, 0), start)
    if m is None or _RANGE_BEFORE.search(text, max(m.start() - 8, 0), m.start()):
        return None
    if _AFTER_NUMBER.search(text, max(m.start() - _AFTER_NUMBER_REACH, 0), m.start()):
        return None
    return m


# The words after which a number may be a span's first day ("от 1 - 4 декември", "петък
# 5 – събота 6"): any other word right before it is what the number counts.
_LEADS_TO_DAY = frozenset(
    {"от", "на", "в", "във", "между", "до", "през", "и", "from", "on", "between", "to", "and"}
    | set(WEEKDAYS)
)
_WORD_RIGHT_BEFORE = re.compile(r"(?<!\w)(\w+)\.?[ \t]+$")


def _counted_by_word(text: str, start: int) -> bool:
    """The number at ``start`` follows a word with only spaces between: "клас 1 - 4
    декември", "точка 3 - 5 ноември", "Part 2 - 6 February" count a class, an item, a
    part, and the date is the one after the dash. A span's first day stands at the start,
    after a separator ("Фестивал, 1 - 4 декември") or after a word that leads to a day
    ("от", "на", a weekday). Asked only of a span written with spaces and longer than two
    days: "Фестивал 1-4 декември" is an event's days, and so are two days in a row after
    a name ("Република Казахстан 29 – 30 август", a conference), where the other reading
    would be a day off at most."""
    m = _WORD_RIGHT_BEFORE.search(text, max(start - 24, 0), start)
    return m is not None and m[1].lower() not in _LEADS_TO_DAY


_WEEKDAY_RIGHT_BEFORE = re.compile(
    r"(?<!\w)(?P<wd>" + WEEKDAY_ALT + r")\.?,?\s*$",
    re.IGNORECASE,
)


# How far before a date its weekday may start ("segunda-feira, " is 15 characters).
_WEEKDAY_REACH = 16


def _weekday_before(text: str, start: int) -> int | None:
    """The weekday named right before a date ("пон, 11/09/2026"), Monday = 0, if any."""
    m = _WEEKDAY_RIGHT_BEFORE.search(text[max(0, start - _WEEKDAY_REACH) : start])
    return WEEKDAYS.get(m["wd"].lower()) if m else None


def _slashed(
    m: re.Match[str], today: dt.date | None, month_first: bool, weekday: int | None = None
) -> Published | None:
    """The one valid reading of a slash date; when both are valid, the weekday printed
    before it decides (Drupal's default "D, m/d/Y" on a Bulgarian page: "пон, 11/09/2026"
    is a Monday, 9 November, not Friday 11 September), else the page's language, unless
    that reading lies in the future and the other does not. Where both readings fall on
    the weekday printed ("Sat, 11/07/2026": 7 November and 11 July are Saturdays), a
    date printed whole in that default's shape, a weekday, the date and " - " before
    its time ("Sat, 11/07/2026 - 13:12", the "Submitted by" line of a Drupal 7 site that
    never set a format of its own), is read as that default writes it, month first."""
    a, b, year = int(m["a"]), int(m["b"]), _slash_year(m, today)
    day_first = build(year, b, a, m)
    us = build(year, a, b, m)
    preferred, other = (us, day_first) if month_first else (day_first, us)
    if weekday is not None:
        named = [
            r for r in (preferred, other)
            if r is not None and r.weekday() == weekday and not after(r, today)
        ]  # fmt: skip
        if len(named) == 1:
            return named[0]
        if len(named) == 2 and m["h"] is not None and "-" in m.string[m.end("y") : m.start("h")]:
            return us  # (Drupal's "D, m/d/Y - H:i", both days the weekday printed)
    if preferred is not None and not after(preferred, today):
        return preferred
    if other is not None and not after(other, today):
        return other
    return None


def _slash_year(m: re.Match[str], today: dt.date | None) -> int:
    """A slash date's year: four digits as printed, two in their century (``_century``)."""
    year = m["y"]
    return int(year) if len(year) == 4 else _century(int(year), today)


def _undecided(m: re.Match[str], value: Published | None, today: dt.date | None) -> dt.date | None:
    """The reading of the slash date ``m`` that ``_slashed`` did not take (``value``),
    when it is a day too and not after the fetch: the language chose, nothing the page
    printed did (a weekday before it decides, and is not asked here)."""
    if value is None:
        return None
    a, b, year = int(m["a"]), int(m["b"]), _slash_year(m, today)
    readings = [r for r in (build(year, b, a), build(year, a, b)) if isinstance(r, dt.date)]
    days = {local_date(r) for r in readings if not after(r, today)} - {local_date(value)}
    return days.pop() if len(days) == 1 else None


# A numeric date that reads two ways: "11/09/2026", and the dotted "09.10.2024" an
# American page prints month-first.
# (read from where the date starts: its time, when one printed before it is its own)
_TWO_WAYS = re.compile(
    r"(?:" + TIME12 + _TO_DATE_FROM_TIME + r")?(?P<a>\d\d?)(?P<sep>[/.])(?P<b>\d\d?)(?P=sep)"
    + _YEAR,
    re.IGNORECASE,
)  # fmt: skip


def other_reading(text: str, start: int, shown: Published) -> dt.date | None:
    """The other day a numeric date at ``start`` reads as ("11/09/2026", "11.09.2026": 11
    September was ``shown``, 9 November is the other), when both readings are valid days;
    None for any other date form. A page whose metadata states that other day writes its
    dates the other way round (Drupal's default "m/d/Y" on a Bulgarian site, "m.d.Y" on an
    American one): the two agree."""
    m = _TWO_WAYS.match(text, start)
    if m is None:
        return None
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    readings = {r for r in (build(year, b, a), build(year, a, b)) if isinstance(r, dt.date)}
    readings.discard(local_date(shown))
    return readings.pop() if len(readings) == 1 else None


# The words that put a date in a sentence ("На 26 и 27 юли 2022 г. Сдружението…", "…ще се
# проведе на 12.03.2025 г."), capitalised too where they open one. Bulgarian only: an
# English byline may run into the text on one line, its date after an "on" ("By Jane Doe
# on March 3, 2025"); a Bulgarian one does not say "на" there.
_DATE_PREPOSITIONS = frozenset("на в във от до през след преди около".split())
# What stands between such a word and the last day of a range it opens ("На 6 и 7
# октомври", "от 26-27 юли", "в сряда, 10.03.2025"): read past, back to the word.
_RANGE_WORDS = frozenset(("и", "-", "–"))
_WEEKDAY_WORD = re.compile(
    r"(?<!\w)(?:" + WEEKDAY_ALT + r")\.?,?$",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"(\w+):?$")
# How far back the word before a date is looked for: past a weekday and a range's days.
_SENTENCE_REACH = 60
# A line this long is a paragraph of the story, not a byline's or a dateline's box
# ("Мария Петрова | 12.03.2025 10:30 | Прочетена 1250 пъти").
STORY_LINE = 150


# A date's year, and the "г."/"година" a Bulgarian one closes with.
_YEAR_THEN = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)(?:\s*(?:г\.|г(?!\w)|година|год\.))?")
# How far past its start a date's year may stand ("сряда, 20 септември 2026").
_YEAR_REACH = 40
# Words a sentence runs on with after its date, at the least: "ще се проведе".
_RUN_ON_WORDS = 3


def _runs_on_after(text: str, start: int, line_end: int) -> bool:
    """The date starting at ``start`` runs on into a sentence before its line ends: past
    its year (and "г."), ``_RUN_ON_WORDS`` words or more, the first lower-case ("На 20
    март 2026 г. ще се проведе заседание."): a short paragraph of the story telling an
    event's day, as a long one does, not a byline's box ("… на 14.03.2026 | Новини")."""
    year = _YEAR_THEN.search(text, start, min(start + _YEAR_REACH, line_end))
    if year is None:
        return False
    words = text[year.end() : line_end].split()
    return len(words) >= _RUN_ON_WORDS and words[0][:1].isalpha() and words[0][:1].islower()


# A site's "today" strip in its header, the fetch's day and no page's: "Днес е 07.12.2026",
# "Днес е понеделник, 7 декември 2026", "Today is Monday, December 7, 2026", "Сегодня:".
# Not a bare "Днес, 07.12.2026", which a byline may print for a post of the day.
_TODAY_IS = re.compile(
    r"(?<!\w)(?:днес\s+е|днес\s*:|today\s+is|today\s*:|сегодня\s*:?)\s*"
    r"(?:(?:" + WEEKDAY_ALT + r")\.?,?\s*)?$",
    re.IGNORECASE,
)
# How far before a date its "Днес е" and weekday may open.
_TODAY_REACH = 32


def names_today(text: str, date: TextDate) -> bool:
    """Whether the date is a site's "today is" strip ("Днес е 07.12.2026" over the
    headline, ``_TODAY_IS``): the day the page was read on, which dated a notice
    published days before under its text ("Публикувано на 02.12.2026")."""
    return _TODAY_IS.search(text, max(date.start - _TODAY_REACH, 0), date.start) is not None


def in_sentence(text: str, date: TextDate, *, told: bool = False) -> bool:
    """The date is read inside a sentence, so it dates what the sentence tells, not the
    page: the one rule of every date rule that looks beside the headline.

    The word right before it, past a weekday and a range's first days ("в сряда,
    10.03.2025", "На 6 и 7 октомври"), decides. Two strictnesses, one vocabulary:

    - loose (the byline's rules: a guessed day, an earlier day than the metadata's): a
      lower-case word ("…which opened on Wednesday, December 17 2025", "дата на
      заседанието: 10.03.2025") or a Bulgarian preposition opening the sentence. A
      byline's date follows a name, a separator or nothing ("Мария Петрова · 12.03.2025",
      "7 min read · Dec 30, 2013"). A guess is dropped on less evidence than a date.
    - ``told`` (every full date beside the headline): a Bulgarian preposition, on a line
      of ``text`` as long as a paragraph of the story (``STORY_LINE``), or one the date
      runs on from into the sentence (``_runs_on_after``): the day of the event it
      announces, which a page showing no date of its own would otherwise be given (and
      a crawl would prefer it to its listing's date). A short line the date ends is a
      byline's or a dateline's box, whatever word stands there.

    A date a label names ("Публикувано на …", "Обновена на …") is the page's either way;
    so is a dateline's ("София, 12.03.2025 (БТА) Кметът…"), after a name."""
    if date.labelled or date.modified:
        return False
    start = date.start
    if told:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        if line_end - line_start < STORY_LINE and not _runs_on_after(text, start, line_end):
            return False
    reach = max(start - _SENTENCE_REACH, 0)
    words = text[reach:start].split()
    if reach and words and not text[reach - 1].isspace() and not text[reach].isspace():
        words.pop(0)  # (cut in the middle: not the word it begins with)
    while words and (words[-1] in _RANGE_WORDS or words[-1].rstrip("-–").isdigit()):
        words.pop()
    if words and (weekday := _WEEKDAY_WORD.search(words[-1])) is not None:
        rest = words.pop()[: weekday.start()]
        if rest:
            words.append(rest)
    last = _LAST_WORD.search(words[-1]) if words else None
    if last is None:
        return False
    word = last.group(1)
    if told:
        return word.casefold() in _DATE_PREPOSITIONS
    return word[0].islower() or word.casefold() in _DATE_PREPOSITIONS


# Loose dates (``find_loose_dates``): a day without its year, and a month or a year back.
# No year may follow the day ("28 ноември 2026" is a full date, or a future one; "12 de
# marzo de 2025" too).
_NO_YEAR_AFTER = r"(?!\.?,?\s*(?:del?\s+)?(?:19|20)\d\d(?![:.]\d))"
_TIME_AFTER = _then_time(TIME12)
# "28 ноември", "28-ми ноември", "28 noemvri", and with the "de" Spanish and Portuguese
# join them by ("12 de marzo", "1º de maio"), as ``_WORDY`` reads them with a year.
_YEARLESS_WORDY = re.compile(
    r"(?<!\w)" + _DAY + DAY_ORDINAL + r"\s+(?:(?:of|de)\s+)?(?P<mon>" + DAY_MONTH_ALT
    + r")(?!\w)\.?" + _NO_YEAR_AFTER + _TIME_AFTER,
    re.IGNORECASE,
)  # fmt: skip
# "Nov 28", "November 28th": month-first only capitalised, as a byline prints it ("may 5"
# in a sentence is no date).
_YEARLESS_MONTH_FIRST = re.compile(
    r"(?<!\w)(?-i:(?=[A-ZА-Я]))(?P<mon>" + MONTH_ALT + r")\.?\s+" + _DAY
    + r"(?:st|nd|rd|th)?(?!\d)" + _NO_YEAR_AFTER + _TIME_AFTER,
    re.IGNORECASE,
)  # fmt: skip
# "28.11", "05.11.": two digits each, standing alone. Not a version ("Python 3.12",
# "2.10.1"), a time ("14.05 ч."), a price ("10.10 лв."), a share ("12.05%"), a decimal.
_YEARLESS_NUMERIC = re.compile(
    r"(?<![\w.,:/-])(?P<d>0[1-9]|[12]\d|3[01])\.(?P<m>0[1-9]|1[0-2])(?![\d%])(?!\.\d)"
    r"(?!\.?\s*(?:ч|h|лв|евро|€|%)(?!\w))" + _NO_YEAR_AFTER + r"\.?" + _TIME_AFTER,
    re.IGNORECASE,
)  # fmt: skip
# "преди месец", "преди 2 месеца", "преди година", "a month ago", "3 years ago", in months.
_COARSE_AGO = re.compile(
    r"(?<!\w)(?:преди\s+(?:(?P<n1>\d{1,2}|един|една)\s+)?(?P<u1>месеца|месец|години|година)"
    r"|(?P<n2>\d{1,2}|an?|one)\s+(?P<u2>months?|years?)\s+ago)(?!\w)",
    re.IGNORECASE,
)
_COARSE_MONTHS = {"месец": 1, "месеца": 1, "година": 12, "години": 12}


def find_loose_dates(text: str, *, today: dt.date | None) -> list[TextDate]:
    """The dates in ``text`` that name no one day by themselves, in reading order: a day
    without its year ("28 ноември", "28.11", "Nov 28", with a time on either side) is the
    latest such day not after ``today`` (a byline prints this year's posts so; 29
    February the latest leap year's), and "преди 2 месеца", "преди година", "a month ago"
    are that many calendar months back (``relative``: a coarse day, the right month or
    year at best). None without ``today``; a month without a day ("ноември 2026") is none.

    Kept apart from ``find_text_dates``: these are guesses, for a page that shows no fuller
    date (see ``published``), not dates for every rule that reads text."""
    if today is None or not text or not _MAY_HOLD_DATE.search(text):
        return []
    text = text.replace("\xa0", " ")
    today = site_today(today)
    found: list[tuple[int, bool, TextDate]] = []
    for pattern in (_YEARLESS_WORDY, _YEARLESS_MONTH_FIRST, _YEARLESS_NUMERIC):
        for m in pattern.finditer(text):
            month = (month_number(m["mon"]) or 0) if "mon" in m.groupdict() else int(m["m"])
            if not month:  # (a name matched through a letter ignore-case equates)
                continue
            timed = None if m["h"] else _time_before(text, m.start())
            if timed is None and _no_day(text, m):
                continue
            start = m.start() if timed is None else timed.start()
            value = _latest(month, int(m["d"]), timed or m, today)
            if value is not None and timed is None and text[start - 1 : start] in " -–—":
                start, value = _loose_span(text, start, value, m)
            if value is not None:
                label = _label_before(text, start)
                modified = bool(MODIFIED_LABEL.search(label))
                labelled = bool(PUBLISHED_LABEL.search(label))
                found.append(
                    (start, timed is None, TextDate(start, value, modified, labelled=labelled))
                )
    for m in _COARSE_AGO.finditer(text):
        count = (m["n1"] or m["n2"] or "1").lower()
        unit = (m["u1"] or m["u2"]).lower()
        if (not count[0].isdigit() and unit in ("месеца", "години")) or (
            text[m.end() : m.end() + 1] in ("-", "–") or not stands_as_date(text, *m.span())
        ):
            continue  # "преди години" (years), "преди месец-два", "…opened 2 years ago"
        months = (int(count) if count.isdigit() else 1) * _COARSE_MONTHS.get(
            unit, 12 if unit.startswith("year") else 1
        )
        value = _months_back(local_date(today), months)
        found.append((m.start(), True, TextDate(m.start(), value, relative=True)))
    # A time before a day takes the place of a day read from that time ("14.05 | 28.11").
    out: dict[int, TextDate] = {}
    for start, _, date in sorted(found, key=lambda item: item[:2]):
        out.setdefault(start, date)
    return list(out.values())


# The most an hour can be: a bare "12.05" is as likely 12:05 written with a dot.
_LAST_HOUR = 23


def _no_day(text: str, m: re.Match[str]) -> bool:
    """A bare "dd.mm" (no time beside it, no date label before it) that names no day: the
    number of the word right before it ("Версия 10.12", "Зала 24.10"), or a time's shape
    ("12.05" is 12:05 as often as 12 May) without a day's closing dot ("12.05."). Such a
    day is taken where a time beside it ("12.05 | 10:20") or a label ("Публикувано:
    12.05") says it is one, or no time has its shape ("Мария Иванова | 28.11"). Words
    name their month and are always a day."""
    if "mon" in m.groupdict() or m["h"]:
        return False
    label = _label_before(text, m.start())
    if PUBLISHED_LABEL.search(label) or MODIFIED_LABEL.search(label):
        return False
    if _counted_by_word(text, m.start()):
        return True
    return int(m["d"]) <= _LAST_HOUR and text[m.end("m") : m.end("m") + 1] != "."


def _loose_span(
    text: str, start: int, value: Published, m: re.Match[str]
) -> tuple[int, Published | None]:
    """A day without its year at the end of a span ("28 – 29 ноември") is the span's first
    day, from where the span starts; where a number and a dash stand before it that start
    no span ("клас 1 - 4 декември", "в периода 3- 13 декември"), the date starts there too,
    so that a sentence around it is seen as one (``in_sentence``)."""
    first = _span_start(text, start, value.year, value.month, value.day)
    if first[0] != start:
        return first[0], build(*first[1:], m)
    span = _SPAN_BEFORE.search(text, max(start - _SPAN_REACH, 0), start)
    return (span.start() if span else start), value


def _latest(month: int, day: int, m: re.Match[str], today: dt.date) -> Published | None:
    """The latest date on ``month`` and ``day`` not after ``today``'s day on the site's
    clock (``today`` as ``site_today`` gives it).

    ``after`` allows the next day, for a bare day in some other zone; for a guessed year
    that allowance would turn last year's "1 декември", read on 30 November, into
    tomorrow. So the guess ends at the site's own day: fetched at 22:30 UTC on 30
    November it is 1 December in Sofia, and "1 декември" this year's; at 20:30 UTC it is
    still 30 November there, and last year's."""
    last = local_date(today)
    for year in range(last.year, last.year - 8, -1):
        value = build(year, month, day, m)
        if value is not None and not after(value, today) and local_date(value) <= last:
            return value
    return None


def _months_back(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months before (the month's last, if shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


# A line that is little more than a date: a date with a label or a time at most.
DATE_LINE_CHARS = 60
# The bracketed aside a date holds before its year (``_ASIDE``: "29 ноември (16 ноември
# ст. ст.) 2026 г."): part of the date, not counted against a date line's length, so
# "Въведение Богородично, 21 ноември (8 ноември ст. ст.) 2026 г." is the date line the
# same line without the old style's day is.
_ASIDE_IN_DATE = re.compile(r"\s\((?:(?!(?:19|20)\d\d)[^()]){1,32}\)(?=\s+(?:19|20)\d\d)")


def date_line_dates(
    line: str, limit: int = DATE_LINE_CHARS, *, today: dt.date | None = None
) -> list[TextDate]:
    """The dates of ``line`` when it is a date line ("12.03.2026 г.", "Dec 17, 2025",
    "Публикувано: 14 март"): at most ``limit`` characters, holding a date; none of a longer
    line, whatever it holds (a bracketed aside in its date, ``_ASIDE_IN_DATE``, not
    counted). The one test of a date line: ``is_date_line`` asks whether there is one,
    and a reader that wants the date itself picks among these. Not a line with a number
    sign: a document's reference, its number and its day, is a line of the order or the
    decision it opens, which stayed out of the text as a stamp would."""
    if len(line) > limit and ("(" not in line or len(_ASIDE_IN_DATE.sub("", line)) > limit):
        return []
    if "№" in line:  # a document's number and date ("Заповед № РД-09-512/02.12.2026 г.")
        return []
    return [found for found in find_text_dates(line, today=today) if not found.slot]


def is_date_line(line: str, limit: int = DATE_LINE_CHARS, *, today: dt.date | None = None) -> bool:
    """``line`` is a date line (``date_line_dates``); with ``today``, a relative one too
    ("вчера, 10:32", "преди 3 часа"), which only the fetch moment makes a day."""
    return bool(date_line_dates(line, limit, today=today))


# Any day stands in for the fetch's when asking whether a line is a yearless date line,
# or a relative one ("вчера в 14:30"): the day it names is not what makes it one.
ANY_DAY = dt.date(9999, 12, 31)


def is_yearless_date_line(line: str, limit: int = DATE_LINE_CHARS) -> bool:
    """``line`` is a date line that prints no year: "Публикувано: петък, 27 ноември, 08:17
    ч.", "28 ноември" (a theme dating this year's posts so, the year in the listing or the
    address): one day (``find_loose_dates``), not relative, not inside a sentence, on a
    line no longer than a date line (``is_date_line``, which reads whole dates only)."""
    if len(line) > limit:
        return False
    found = find_loose_dates(line, today=ANY_DAY)
    return len(found) == 1 and not found[0].relative and not in_sentence(line, found[0])


def parse_text_date(
    text: str, *, today: dt.date | None = None, month_first: bool = False
) -> Published | None:
    """The first date in ``text`` (day-first unless ``month_first``), None when there is none.

    Absolute dates win over relative ones ("вчера" in "вчера, 12.10.2018" is the label)."""
    found = find_text_dates(text, today=today, month_first=month_first)
    first = next((d for d in found if not d.relative), None) or next(iter(found), None)
    return first.value if first else None


_CLOCK_ALONE = re.compile(r"\s*" + TIME + r"\s*")


def parse_clock(text: str) -> dt.time | None:
    """A text that is a time of day and nothing else ("14:35", "09.10 ч."): what a date's
    tooltip holds where the page prints the day alone."""
    m = _CLOCK_ALONE.fullmatch(text)
    if m is None:
        return None
    return dt.time(int(m["h"]), int(m["mi"] or 0), int(m["s"] or 0))
