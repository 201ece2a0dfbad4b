"""Dates as Bulgarian sites write them, and as the languages they mix in write them.

Structured forms ("2026-06-21T11:01:29+03:00", "…+0300", RFC 822 in feeds) and text forms:
"12.10.2018", "16:12 / 20.11.2024", "26 юли 2022 г.", "понеделник, 15 декември 2025",
"12.X.2018", "днес, 10:30", "днес в 10:30", "вчера", "преди 3 часа", "2 hours ago",
"14 марта 2025", "March 14, 2025", "14th March 2025", "2025/03/14", "03/14/2025",
"28 XI 2026 г.", "28-ми ноември 2026", "28 ноя 2026", "28 noemvri 2026" (Bulgarian in Latin
letters), "преди ден", "преди седмица", "онзи ден", "преди няколко часа" (the fetch day,
only when no midnight can lie between: ``_few_ago_day``), each counted back from the fetch
moment on Sofia's clock (``site_today``) where the caller knows it. A time may stand before
any of them ("14:05, 28 ноември 2026", "14:05 ч. | 28.11.2026", "Час: 14:05 Дата:
28.11.2026", only marks and a date's label between: ``_TO_DATE``), looked for only before a
date found (``_time_before``: no pass over a page's text), unless it ends a range of hours
("от 9:00 до 17:00 ч. 28 ноември") or follows another date ("28.11.2026, 14:35 |
29.11.2026": the first's). A span of days is dated by its first ("28-29 ноември 2026",
"30 ноември – 1 декември 2026", "28-29.11.2026", "28.11 – 29.11.2026", "26 и 27 юли 2022"):
an event's page means the day it begins; a span written with spaces right after a word ("клас 1 - 4
декември") is that word's number, then the date (``_counted_by_word``), and a bare "d.m"
more than a month before the date ("Версия 10.1 - 28.11.2026") is a version's or a
section's number (``_NUMERIC_SPAN_MONTHS``). A document's number
may run into its date ("РМС № 123/28.11.2026", "Заповед РД-02-14-1201/08.12.2014 г.");
after any other "/" a date is part of something else. Weekday prefixes need no rule: the
patterns search inside the text. A date with a time and no zone stays a naive datetime
(local time).

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
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from newsarchive.site_clock import on_site_clock

Published = dt.date | dt.datetime

_MONTHS = {
    "януари": 1, "февруари": 2, "март": 3, "април": 4, "май": 5, "юни": 6, "юли": 7,
    "август": 8, "септември": 9, "октомври": 10, "ноември": 11, "декември": 12,
    "яну": 1, "фев": 2, "мар": 3, "апр": 4, "авг": 8, "сеп": 9, "септ": 9, "окт": 10,
    "ное": 11, "ноем": 11, "февр": 2, "дек": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "апрель": 4, "июнь": 6, "июль": 7, "сентябрь": 9,
    "октябрь": 10, "ноябрь": 11, "декабрь": 12, "янв": 1, "сент": 9, "нояб": 11,
    "сен": 9, "ноя": 11, "июн": 6, "июл": 7,
}  # fmt: skip


def _alternatives(names: dict[str, int]) -> str:
    """The names as one regex alternation, the longest first, gathered by their first
    letter: "(?:септември|сеп|…)|(?:февруари|…)|…". The engine takes each gathering's
    letter out in front, so at a letter that opens no month's name it tries a gathering
    each, not every name in turn (the ignore-case literals have no quick refusal): four
    times quicker a pass of ``_MONTH_FIRST``. The same matches: names of different first
    letters never match at one place (no character is two of those letters even ignoring
    case), and within a letter they keep their order."""
    gathered: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        gathered.setdefault(name[0], []).append(name)
    return "|".join(f"(?:{'|'.join(group)})" for group in gathered.values())


_MONTH_ALT = _alternatives(_MONTHS)
# Bulgarian months in Latin letters (the official transliteration), as a site whose theme
# cannot print Cyrillic writes them: "28 noemvri 2026". Read only after a day: month-first
# they would be the first English-looking words in every sentence to try ("yuli" opens with
# the "y" of "you"), and a byline named "Mart" is no month.
_LATIN_BG_MONTHS = {
    "yanuari": 1, "fevruari": 2, "mart": 3, "yuni": 6, "yuli": 7, "avgust": 8,
    "septemvri": 9, "oktomvri": 10, "noemvri": 11, "dekemvri": 12,
}  # fmt: skip
# A month's whole name as an address writes it, one table per way of writing (an old
# site's archive form ``<option value="ноември">``, ``value="noemvri"``, ``value="november"``):
# Bulgarian in Cyrillic, in Latin letters (with April and May, which ``_LATIN_BG_MONTHS``
# leaves to English), English. Whole names only: an address's "ное" is no month.
_BG_WHOLE = (
    "януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември",
    "октомври", "ноември", "декември",
)  # fmt: skip
_EN_WHOLE = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_LATIN_BG_WHOLE = (
    "yanuari", "fevruari", "mart", "april", "mai", "yuni", "yuli", "avgust", "septemvri",
    "oktomvri", "noemvri", "dekemvri",
)  # fmt: skip
_WHOLE_MONTHS = tuple(
    {name: n for n, name in enumerate(names, 1)}
    for names in (_BG_WHOLE, _LATIN_BG_WHOLE, _EN_WHOLE)
)


def whole_month(word: str) -> int | None:
    """The number of the month ``word`` names whole, in any case, in one of the ways an
    address writes it (``_WHOLE_MONTHS``), or None."""
    lowered = word.strip().lower()
    return next((table[lowered] for table in _WHOLE_MONTHS if lowered in table), None)


def month_written_like(number: int, like: str) -> str | None:
    """Month ``number``'s whole name written as ``like`` (another month's whole name) is:
    in its table and its case ("Октомври" after "Ноември", "oktomvri" after "noemvri"),
    or None where ``like`` names no month. What a walk back by an archive's addresses
    asks when the site printed no spelling of its own (``next_pages.month_before``)."""
    lowered = like.strip().lower()
    for table in _WHOLE_MONTHS:
        if lowered in table:
            name = next(name for name, n in table.items() if n == number)
            if like.isupper():
                return name.upper()
            return name.capitalize() if like[:1].isupper() else name
    return None


# Looked up by a match's text lower-cased: a name matched through a letter that only the
# patterns' ignore-case equates with one of it ("Auguſt", a long s) is found in no table,
# and is no date.
# The orthographic dictionary's "ян." for януари ("12 ян. 2026 г."), read after a day only:
# standing alone it is a man's name ("Ян Петров" opening a byline).
_DAY_MONTHS = _MONTHS | _LATIN_BG_MONTHS | {"ян": 1}
_DAY_MONTH_ALT = _alternatives(_DAY_MONTHS)
# A month name standing alone: where a byline line turns into its date.
MONTH_WORD = re.compile(rf"(?<!\w)(?:{_MONTH_ALT})\.?(?!\w)", re.IGNORECASE)
# The patterns searched through long texts (a window around the headline, a page's whole
# text) open with a look-ahead for the characters a match can start with: a digit, or the
# first letters of their words. Without it the engine tries the look-behind and every
# alternative at each character, two to three times slower; the look-ahead only restates
# the first character, so the matches are the same (an ignore-case class takes exactly
# the characters its letters take as literals).
_MONTH_INITIALS = "".join(sorted({name[0] for name in _MONTHS}))
# A clock's digits run on into a date's are that date's day and month, not a time: a page
# printing two dates one after the other ("30.11.2026 19.11.2026", a post's last change
# and its publication) would read the second's "19.11" as the first's hour.
# The minutes after a comma only where the hours' mark follows, as Bulgarian official
# prose writes hours and editors type a date line by hand ("27.11.2026 г., 8,17 ч."): a
# comma between two numbers is a decimal's otherwise ("3,50 лв.").
_CLOCK = (
    r"(?P<h>[01]?\d|2[0-3])(?:[:.]|,(?=[0-5]\d\s*ч))(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\.\d)"
)
_HOURS_MARK = r"(?:\s*ч\.?)?"  # "10:30 ч."
_TIME = _CLOCK + _HOURS_MARK
# The same with "am"/"pm", where English dates may carry them.
_TIME12 = _CLOCK + r"(?:\s*(?P<ampm>[ap]\.?m\.?)(?!\w))?" + _HOURS_MARK
# The words that label a date's time printed as a field of its own: "Дата: 27.11.2026
# Час: 08:17", "27.11.2026 ч. 08:17", "Date: 11/27/2026 Time: 08:17".
_TIME_LABELS = ("час", "ч", "time")
_TIME_LABEL = r"(?i:" + "|".join(_TIME_LABELS) + r")\.?:?"
# Weekday names and the abbreviations CMSs print before a date (Drupal's Bulgarian "D":
# "пон", "вт", "ср", "чет", "пет", "съб", "нед"), Monday = 0.
_WEEKDAYS = {
    "понеделник": 0, "вторник": 1, "сряда": 2, "четвъртък": 3, "петък": 4, "събота": 5,
    "неделя": 6, "пон": 0, "пн": 0, "вт": 1, "вто": 1, "ср": 2, "сря": 2, "чет": 3, "чт": 3,
    "пет": 4, "пт": 4, "съб": 5, "сб": 5, "нед": 6, "нд": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
# The names alone, for the rules that must not take one for something else (a byline
# element that holds only "Sat, 20 Dec, 2025" names no writer "Sat").
WEEKDAY_NAMES = frozenset(_WEEKDAYS)
_WEEKDAY_WORDS = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_WEEKDAY_ALT = r"(?i:" + _WEEKDAY_WORDS + r")(?!\w)"
# What may stand between a date and its time, the one place every date pattern joins its
# time (``_then_time``): a mark, "," "/" "|" "-" or "@" as WordPress themes write "j F Y @
# H:i" ("27 ноември 2026 @ 09:41"); "в"/"at"/"um", WordPress's "%1$s at %2$s" translated
# ("05/11/2026 в 14:05"); a time's label; a weekday with its comma, as a CMS's "j F Y г.,
# l, H:i ч." puts it between ("27 ноември 2026 г., петък, 08:17 ч.": the day alone was
# kept), or in brackets as a hand-typed date line puts it ("27.11.2026 г. (петък) 08:17
# ч.": the day alone was kept); two of them at most ("27.11.2026 | Час: 08:17").
# Each is a character other than a space, with the spaces after it: ``\s*[,|]?\s*`` would
# match the same strings, but split a run of spaces with no time after it every way there
# is (a date followed by 40,000 spaces took 50 s). Only these, so a time another field
# prints after the date ("27.11.2026 Прочитания: 15 Час: 08:17") is not the date's.
_TO_TIME = (
    r"\s*(?:(?:[,/|@-]|в|at|um|" + _TIME_LABEL + r"|" + _WEEKDAY_ALT + r"\.?,?"
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
_NUMERIC = re.compile(
    r"(?=\d)(?<![\d.])" + _DAY + r"\s?[.-]\s?" + _MONTH_NUMBER + r"\s?[.-]\s?"
    + _YEAR + _YEAR_MARK + _then_time(_TIME),
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
    r"(?![\d.]\d|\d)" + _YEAR_MARK + _then_time(_TIME),
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
    r"(?![\d/.]\d|\d|/)" + _YEAR_MARK + _then_time(_TIME12),
    re.IGNORECASE,
)
# "28-ми ноември 2026", "1-ви", "2-ри", "3-ти": Bulgarian ordinal days. "19-Dec-2025 10:15",
# "19-дек-2025": a day, a month's name and a year joined by hyphens (Oracle's and many old
# CMSs' "d-M-Y"), read only with a hyphen on both sides of the name, so a span of days
# "28-29 ноември" or a range "ноември-декември" is not taken for one.
_ORDINAL = r"(?:st|nd|rd|th|-?(?:ви|ри|ти|ми)(?!\w))?"
_WORDY = re.compile(
    r"(?=\d)(?<![\w])"
    + _DAY
    + _ORDINAL
    + r"(?:\s+(?:of\s+)?|(?P<dash>-))(?P<mon>"
    + _DAY_MONTH_ALT
    + r")(?(dash)-|\.?,?\s+)"
    + _YEAR
    + _YEAR_MARK
    + _then_time(_TIME12),
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
    + _MONTH_ALT
    + r")\.?\s+"
    + _DAY
    + _DAY_TO_YEAR
    + _then_time(_TIME12),
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
    + _TIME
    + r")?"
)
# "03/14/2025" or "14/03/2025": slash dates, whose order depends on the page's language.
_SLASHED = re.compile(
    r"(?=\d)(?<![\d/])(?P<a>\d\d?)/(?P<b>\d\d?)/"
    + _YEAR
    # "11/09/2026 - 08:05": Drupal's "m/d/Y - H:i"; "05/11/2026 в 14:05": WordPress in
    # Bulgarian set to "d/m/Y"
    + _then_time(_TIME12)
)
# "преди 3 часа", "преди 2 дни", "5 minutes ago", "2 days ago".
_UNITS = {
    "минута": "minutes", "минути": "minutes", "мин": "minutes", "час": "hours",
    "часа": "hours", "ч": "hours", "ден": "days", "дни": "days", "дена": "days",
    "седмица": "weeks", "седмици": "weeks",
    "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
    "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "day": "days",
    "days": "days", "week": "weeks", "weeks": "weeks",
}  # fmt: skip
_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
# One of a unit, without a number: "преди час", "преди ден", "преди минута", "преди седмица"
# (moment.js's Bulgarian "a day ago"). Not "преди месец"/"преди година": a month or a year
# back is weeks either way, no day.
_ONE_UNIT = "минута|час|ден|седмица"
# "преди около 2 часа", "преди приблизително час": the count is the site's rounding either
# way ("about 2 hours ago" reads through "an"/the number already).
_AGO = re.compile(
    r"(?=[\dпao])(?<!\w)(?:преди\s+(?:около\s+|приблизително\s+)?(?P<n1>\d{1,3}|един|една|"
    + _ONE_UNIT
    + r")\s*(?P<u1>"
    + _UNIT_ALT
    + r")?\.?"
    r"|(?P<n2>\d{1,3}|an?|one)\s*(?P<u2>" + _UNIT_ALT + r")\.?\s+ago)(?!\w)",
    re.IGNORECASE,
)
# "преди няколко часа", "a few minutes ago", "преди няколко секунди" (moment.js's Bulgarian
# for under a minute): no count, so no time; only the day, and only when no midnight can
# lie between (``_few_ago_day``). Not "преди няколко дни": days, no one day.
_FEW_AGO = re.compile(
    r"(?=[пa])(?<!\w)(?:преди\s+няколко\s+(?P<u1>секунди|минути|часа)"
    r"|a\s+few\s+(?P<u2>seconds|minutes|hours)\s+ago)(?!\w)",
    re.IGNORECASE,
)
# The most "a few" of each unit may be: fewer than twelve hours, under an hour of minutes.
_FEW_AT_MOST = {
    "секунди": dt.timedelta(minutes=1), "seconds": dt.timedelta(minutes=1),
    "минути": dt.timedelta(hours=1), "minutes": dt.timedelta(hours=1),
    "часа": dt.timedelta(hours=12), "hours": dt.timedelta(hours=12),
}  # fmt: skip
# Against the fetch day alone (no hour), what is at most this old is that day: the same
# allowance "преди 5 минути" is read with (``_relative_dates``), an hour's error at most.
_FETCH_DAY_REACH = dt.timedelta(hours=1)
# Labels before a date (``_label_before``: in the 30 characters before it) that say which
# date it is.
_MODIFIED_WORDS = (
    r"updated|modified|edited|revised|обновен[ао]?|актуализиран[ао]?|редактиран[ао]?|"
    r"актуализация|обновяване|обновление|обновлено|изменено|последна промяна|последна редакция|"
    r"последно променен[ао]?|променено"
)
_PUBLISHED_WORDS = (
    r"published|posted|first published|added|публикуван[ао]?|публикация|"
    r"дата на публикуването|дата на публикуване|дата на публикувания|добавен[ао]?|"
    r"опубликовано"
)
_LABEL_END = r"\W{0,12}(?:on|at|на|в|:|-)?\W{0,6}$"
# The first letters of the label words, for the look-ahead each pattern searching for them
# opens with (see ``PUBLISHED_WORD``): the label patterns are searched in the 30 or 90
# characters before every date found, where without one the engine tried every word at
# each character.
_PUBLISHED_INITIALS = "".join(sorted({word[0] for word in _PUBLISHED_WORDS.split("|")}))
_MODIFIED_INITIALS = "".join(sorted({word[0] for word in _MODIFIED_WORDS.split("|")}))
# The last change, not the publication. An unlabelled date is taken as the publication.
_MODIFIED_LABEL = re.compile(
    f"(?=[{_MODIFIED_INITIALS}])(?:{_MODIFIED_WORDS}){_LABEL_END}", re.IGNORECASE
)
# The publication in so many words: a page that labels a date so is believed over
# metadata that disagrees (see ``published.pick_dates``).
_PUBLISHED_LABEL = re.compile(
    f"(?=[{_PUBLISHED_INITIALS}])(?:{_PUBLISHED_WORDS}){_LABEL_END}", re.IGNORECASE
)
# The same label with the poster between it and the date: "Публикувано от Стела Георгиева
# на 09.11.26 17:45" (PHP-Fusion's news footer), "Posted by Jane Doe on March 3, 2026".
_POSTED_BY_LABEL = re.compile(
    rf"(?=[{_PUBLISHED_INITIALS}])(?:{_PUBLISHED_WORDS})\s+(?:от|by)\s+[^\n.!?:]{{2,60}}?\s+"
    r"(?:на|on)\W{0,3}$",
    re.IGNORECASE,
)
# A publication label anywhere in a text: the cheap test before a whole page is read
# for the one date it labels so. It runs over a page's whole text, so it opens with a
# look-ahead for the words' first letters: without one the engine tried the look-behind
# and every word at each character, three times slower, and matches are the same (an
# ignore-case class takes exactly the characters its letters take as literals).
PUBLISHED_WORD = re.compile(
    rf"(?=[{_PUBLISHED_INITIALS}])(?<!\w)(?:{_PUBLISHED_WORDS})(?!\w)", re.IGNORECASE
)
# A publication label, its "на"/"on", and the agent's word a date's length after it,
# anywhere in a text: "Публикувано на 27.11.2026 г. в 08:17 ч. от Мария Петрова", the
# line a blog theme prints in the post's footer under the text (read for its writer by
# ``authors._posted_on_by_anywhere``). Not an update's label: who changed the text last
# is no writer of it. Led by the same look-ahead.
POSTED_ON_BY = re.compile(
    rf"(?=[{_PUBLISHED_INITIALS}])(?<!\w)(?:{_PUBLISHED_WORDS})(?!\w)\s+(?:на|on)\s"
    r"[^\n]{4,60}?\s(?:от|by)\s",
    re.IGNORECASE,
)
# What a text opens with where ``POSTED_ON_BY`` may match it, its leading space left
# out: a letter of that look-ahead. A test of a few characters, asked before a whole
# element's text is split into words and joined to be matched (``authors``): most texts
# open otherwise, the page's frame and columns among them, whose words are thousands.
OPENS_AS_POSTED_ON = re.compile(rf"\s*(?=[{_PUBLISHED_INITIALS}])", re.IGNORECASE)
# The publication words without their first letter, whose case varies, and without
# their optional endings ("ublished", "убликуван"): ``posted_on_by`` tries the pattern only
# where one stands (``str.find``, in C), which most pages lack.
_PUBLISHED_STEMS = tuple(
    cased(re.split(r"[\[(?]", word)[0][1:])
    for word in _PUBLISHED_WORDS.split("|")
    for cased in (str.lower, str.upper)
)


def posted_on_by(text: str) -> bool:
    """Whether ``text`` holds a "Публикувано на <date> от <name>" (``POSTED_ON_BY``): the
    pattern tried only where a stem of the label stands; searched over a whole page, it
    cost 1 ms a page of WCXB's dev set."""
    for stem in _PUBLISHED_STEMS:
        at = text.find(stem, 1)
        while at > 0:
            if POSTED_ON_BY.match(text, at - 1):
                return True
            at = text.find(stem, at + 1)
    return False


# An update label anywhere in a text: the cheap test before a page with no other date is
# read for the one day it labels so. It too runs over a page's whole text (every undated
# page's), so it too opens with a look-ahead for its words' first letters.
MODIFIED_WORD = re.compile(
    rf"(?=[{_MODIFIED_INITIALS}])(?<!\w)(?:{_MODIFIED_WORDS})(?!\w)", re.IGNORECASE
)


def _word_starts(words: str) -> tuple[str, ...]:
    """How each word of an alternation starts, up to its first pattern sign ("обновен[ао]?"
    starts "обновен"): where a match of the word can begin, as ``str.lower`` spells it."""
    return tuple(re.split(r"[\\\[\](){}?*+]", word, maxsplit=1)[0] for word in words.split("|"))


_PUBLISHED_STARTS = _word_starts(_PUBLISHED_WORDS)
_MODIFIED_STARTS = _word_starts(_MODIFIED_WORDS)
# The characters the ignore-case match takes for a letter of those starts that
# ``str.lower`` does not turn into it ("ſ" for "s", U+1C81 for "д"; "İ" for "i", which
# lower-cases to two characters).
_PUBLISHED_LOOKALIKES = "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c84\u1c85"
_MODIFIED_LOOKALIKES = "\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85"


def says_published_word(text: str, lowered: Callable[[], str] | None = None) -> bool:
    """Whether ``PUBLISHED_WORD`` finds a label in ``text`` (see ``_says``)."""
    return _says(PUBLISHED_WORD, _PUBLISHED_STARTS, _PUBLISHED_LOOKALIKES, text, lowered)


def says_modified_word(text: str, lowered: Callable[[], str] | None = None) -> bool:
    """Whether ``MODIFIED_WORD`` finds a label in ``text`` (see ``_says``)."""
    return _says(MODIFIED_WORD, _MODIFIED_STARTS, _MODIFIED_LOOKALIKES, text, lowered)


def _says(
    pattern: re.Pattern[str],
    starts: tuple[str, ...],
    lookalikes: str,
    text: str,
    lowered: Callable[[], str] | None = None,
) -> bool:
    """Whether ``pattern``, an alternation of words each led by one of ``starts``, finds one
    in ``text``: the pattern tried only where ``str.find`` sees a start in the lower-cased
    text.

    The label tests run over a page's whole text (on the pages no nearer rule dated),
    where the pattern, for all its look-ahead, costs ~280 instructions a character; a
    word such as "edited" in "credited" or "added" in a script is no label, so a
    substring test alone rules out too few pages. A text holding a ``lookalikes``
    character is searched whole: there the lower-cased text may not spell the word, and
    "İ" lower-cases to two characters, which would shift every index after it.

    ``lowered``: ``text.lower()``, kept by a caller that asks both tests of one page's
    text (an undated page's, ``published``): lower-casing it is a pass of its own.
    """
    if any(char in text for char in lookalikes):
        return pattern.search(text) is not None
    low = lowered() if lowered is not None else text.lower()
    for start in starts:
        at = low.find(start)
        while at >= 0:
            if pattern.match(text, at):
                return True
            at = low.find(start, at + 1)
    return False


# Every word that labels a date, for the rules that only need to know one is there (a
# byline ends where its date's label starts).
LABEL_WORDS = f"{_PUBLISHED_WORDS}|{_MODIFIED_WORDS}"
# The same words opening a line that prints a date under them ("Публикувано на
# 24.11.2026", "Последно обновяване ( Петък, 20 Ноември 2026 09:05 )", "Дата: 12.03.2026"):
# "последно" may come before one, and the bare "Дата", which names no kind of date and
# so labels none for the rules above, labels a date line all the same.
DATE_LINE_LABEL = rf"(?:последн[оа]\s+)?(?:{LABEL_WORDS})|дата"
# Any label, right before a bare "вчера"/"today", makes it the page's date.
_ANY_LABEL = re.compile(f"(?:{LABEL_WORDS})\\W{{0,3}}$", re.IGNORECASE)
# The most characters an ``_ANY_LABEL`` match can span: a word's pattern is never shorter
# than what it matches (no "+" or "*" among them), and three non-word characters.
_LABEL_REACH = max(len(word) for word in LABEL_WORDS.split("|")) + 3
# The same words as a theme writes them in class names ("updated-on", "date-modified").
MODIFIED_MARKER = re.compile(r"updat|modif|edited|revised", re.IGNORECASE)
# (12-hour: "Yesterday 2:45PM" is 14:45; no Bulgarian time carries "pm")
_AT_TIME = r"(?:(?:\s*,?\s*(?:в|at)\s+|\W{0,3})" + _TIME12 + ")?"
_RELATIVE = re.compile(
    r"(?=[двty])(?<!\w)(?P<rel>днес|вчера|today|yesterday)(?!\w)" + _AT_TIME, re.IGNORECASE
)
# "онзи ден", the day before yesterday, apart: "о" is the commonest letter of Bulgarian, and
# a look-ahead for it in ``_RELATIVE`` would stop the engine at every fourth character of a
# page's text. A substring test (``_may_hold_day_before_yesterday``) comes first.
_DAY_BEFORE_YESTERDAY = re.compile(
    r"(?<!\w)(?P<rel>(?-i:[оО]нзи ден|ОНЗИ ДЕН))(?!\w)" + _AT_TIME, re.IGNORECASE
)


def _may_hold_day_before_yesterday(text: str) -> bool:
    """False only for a text where ``_DAY_BEFORE_YESTERDAY`` finds nothing: that pattern
    takes its words only as a page prints them (lower case, capitalised, in capitals), so
    that two substring tests can rule it out."""
    return "нзи ден" in text or "НЗИ ДЕН" in text


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}  # fmt: skip
# A Bulgarian keyboard types the Cyrillic Х (and, where it has one, І) for the numerals
# they look like: "28.ХI.2025" is the month a reader sees, whichever letters made it.
_ROMAN_LOOKALIKES = str.maketrans({"х": "x", "Х": "X", "і": "i", "І": "I"})


def is_roman_month(word: str) -> bool:
    """``word`` is a month's Roman numeral, in either case and whichever lookalike letters
    typed it: for the readers that ask whether a line holds only a date ("14.III.2025
    г.": ``bylines.is_bare_date``)."""
    return word.translate(_ROMAN_LOOKALIKES).lower() in _ROMAN


_ROMAN_NUMERALS = "|".join(
    numeral.replace("X", "[XХ]").replace("I", "[IІ]")
    for numeral in "XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I".split("|")
)
_AFTER_YEAR = _YEAR_MARK + _then_time(_TIME)  # "г., 14:05 ч."
# "28.XI.2026", and "28 XI 2026 г." as official letters set the month apart by spaces
# alone, there in capitals only: "5 i 2026" or "3 x 2026" in running text is no date. One
# pattern for both: each pattern costs a pass over a page's text.
_ROMAN_DATE = re.compile(
    r"(?=\d)(?<![\w.])" + _DAY + rf"(?:\.\s?(?P<rom>{_ROMAN_NUMERALS})\.\s?"
    rf"|\s+(?-i:(?P<urom>{_ROMAN_NUMERALS}))\s+)" + _YEAR + _AFTER_YEAR,
    re.IGNORECASE,
)
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
    r"(?:[T ](?P<h>\d\d):(?P<mi>\d\d)(?::(?P<s>\d\d)(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d\d:?\d\d)?)?"
)


def _build(
    year: int, month: int, day: int, m: re.Match[str] | None = None, tz: dt.tzinfo | None = None
) -> Published | None:
    try:
        if m is not None and m.groupdict().get("h"):
            hour = int(m["h"])
            ampm = (m.groupdict().get("ampm") or "").lower()
            if ampm and hour <= 12:
                hour = hour % 12 + (12 if ampm.startswith("p") else 0)
            return dt.datetime(year, month, day, hour, int(m["mi"]), int(m["s"] or 0), tzinfo=tz)
        return dt.date(year, month, day)
    except ValueError:
        return None


# How a CMS writes "no date": .NET's DateTime.MinValue ("0001-01-01T00:00:00Z", on every
# page of a large US newspaper network), a zero Unix time ("1970-01-01"). Taken as no date
# at all, so the next rule gets its turn instead of archiving the year 1.
_EARLIEST_YEAR = 1900
_UNIX_ZERO = dt.date(1970, 1, 1)


_RFC822_NULL_YEAR = re.compile(r"\d\s+[A-Za-z]{3}\s+0\d{3}(?!\d)")
# An RSS date a PHP site printed through its locale (``setlocale`` + ``strftime``): "пт,
# 28 ное 2026 09:00:00 +0200", the day's and month's names in Bulgarian (or Russian),
# RFC 822 otherwise.
_LOCALE_RFC822 = re.compile(
    r"^(?:[^\W\d_]{2,}\.?,?\s+)?(?P<d>\d{1,2})\s+(?P<m>[^\W\d_]{3,})\.?,?\s+(?P<y>\d{4})(?P<rest>\s.*)?$"
)
_RFC822_MONTH_NUMBERS = {
    name: n for name, n in _MONTHS.items() if len(name) == 3 and name.isascii()
}
_RFC822_MONTHS = {n: name.title() for name, n in _RFC822_MONTH_NUMBERS.items()}
# "Sat, 28 Nov 2026", "28 Nov 2026": a day and no time (``_rfc822_day``)
_RFC822_DAY = re.compile(
    r"^(?:[A-Za-z]{2,}\.?,?\s+)?(?P<d>\d{1,2})\s+(?P<m>[A-Za-z]{3})\.?,?\s+(?P<y>\d{4})$"
)


_DAY_LONG = dt.timedelta(hours=24)


def is_null_date(value: Published) -> bool:
    """A stated date that means "none" (see ``_EARLIEST_YEAR``)."""
    return value.year < _EARLIEST_YEAR or local_date(value) == _UNIX_ZERO


# The longest value a date field is read as a date: a feed's <pubDate>/<lastmod>/<updated>,
# a JSON feed's date_published, a meta tag's or JSON-LD's datePublished. Real ones are at
# most a few dozen characters ("Понеделник, 12 март 2024 г., 10:30 ч."); a longer one is
# a CMS's bug or a hostile feed, and read as text (``find_text_dates``) it cost seconds per
# megabyte: a 2 MB <pubDate> took read_feed 2.7 s, and gave the date at its end.
DATE_FIELD_CHARS = 200


def date_field(value: str) -> str:
    """``value`` as it came, to be read as a date; "" (no date) when it is longer than
    ``DATE_FIELD_CHARS``: a field that long holds no date, whatever is in it."""
    return value if len(value) <= DATE_FIELD_CHARS else ""


def parse_iso(value: str) -> Published | None:
    """ISO 8601 as found in JSON-LD and meta tags, tolerating "+0300" offsets; None for
    a date that means "none" (``is_null_date``)."""
    parsed = _parse_iso(value)
    return None if parsed is None or is_null_date(parsed) else parsed


def stored_published(value: str) -> Published | None:
    """A date as the archive and the frontier store it (``isoformat``): a day alone
    ("2026-11-30"), or a moment with its offset, or naive (Sofia's clock); None for a
    value that is neither (an archive edited by hand, a WARC from elsewhere)."""
    try:
        if len(value) == len("2026-11-30"):
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return None


def is_placeholder_date(value: str) -> bool:
    """Whether ``value`` is an ISO date ``parse_iso`` reads as none: a CMS's way of
    writing "no date" (``is_null_date``), or a database's zero date (MySQL's
    ``0000-00-00``, a month or day 00), which is no date at all."""
    if _ZERO_DATE.match(value):
        return True
    parsed = _parse_iso(value)
    return parsed is not None and is_null_date(parsed)


_ZERO_DATE = re.compile(r"\s*(?:0000-\d\d-\d\d|\d{4}-00-\d\d|\d{4}-\d\d-00)(?!\d)")


def _parse_iso(value: str) -> Published | None:
    m = _ISO.search(value.strip())
    if not m:
        return None
    tz: dt.tzinfo | None = None
    if m["tz"]:
        if m["tz"] == "Z":
            tz = dt.UTC
        else:
            sign = 1 if m["tz"][0] == "+" else -1
            digits = m["tz"][1:].replace(":", "")
            offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            if offset >= _DAY_LONG:
                return None  # "+99:99": a broken stamp, not a time anywhere
            tz = dt.timezone(sign * offset)
    if m["h"] is None:
        return _build(int(m["y"]), int(m["m"]), int(m["d"]))
    return _build(int(m["y"]), int(m["m"]), int(m["d"]), m, tz)


# .NET's default date and time on a server set to US English ("4/3/2026 2:35:00 PM"):
# the whole value, month first, its hour on a 12-hour clock
_US_STAMP = re.compile(
    r"^\s*(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\s+(?P<h>\d{1,2}):(?P<mi>\d{2})"
    r"(?::(?P<s>\d{2}))?\s*(?P<ampm>[AaPp][Mm])\s*$"
)


def parse_us_stamp(value: str) -> dt.datetime | None:
    """A date an ASP.NET CMS printed in a feed or sitemap with .NET's default US format:
    month first, as its "AM"/"PM" shows (no Bulgarian date carries one). Read day-first as
    every other home-made date is, the 3rd of April was the 4th of March and the
    afternoon the night."""
    found = _US_STAMP.match(value)
    if found is None or not 1 <= int(found["h"]) <= 12:
        return None
    # (``_build`` reads the 12-hour clock as the text rules' times; None for a 13th month)
    stamp = _build(int(found["y"]), int(found["m"]), int(found["d"]), found)
    return stamp if isinstance(stamp, dt.datetime) else None


def parse_feed_date(value: str) -> Published | None:
    """RFC 822 (RSS ``pubDate``) or ISO (Atom ``updated``); None for a null date."""
    if _RFC822_NULL_YEAR.search(value):
        return None  # the stdlib reads "01 Jan 0001" as 2001, a two-digit year
    english = _in_english(value.strip())
    try:
        parsed: Published = parsedate_to_datetime(english)
    except (TypeError, ValueError, IndexError):
        day = _rfc822_day(english)
        if day is None:
            return parse_iso(value)
        parsed = day
    return None if is_null_date(parsed) else parsed


def _rfc822_day(value: str) -> Published | None:
    """An RFC 822 date with no time ("Sat, 28 Nov 2026", a locale's "сб, 28 ное 2026"
    once in English): the day it names. The stdlib refuses it, and the entry went
    undated, its article then dated by a guess or not at all; a day is what it says."""
    found = _RFC822_DAY.match(value)
    if found is None:
        return None
    month = _RFC822_MONTH_NUMBERS.get(found["m"].lower())
    return _build(int(found["y"]), month, int(found["d"])) if month else None  # (31 Feb: None)


def _in_english(value: str) -> str:
    """An RFC 822 date whose names a locale translated, with the month's English name and
    no weekday (the stdlib reads English only); any other value as it came."""
    found = _LOCALE_RFC822.match(value)
    if found is None or found["m"].isascii():
        return value
    month = _DAY_MONTHS.get(found["m"].lower())
    if month is None:
        return value
    return f"{found['d']} {_RFC822_MONTHS[month]} {found['y']}{found['rest'] or ''}"


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


def month_first_language(lang: str) -> bool:
    """American English writes "03/14/2025" month-first; everyone else day-first. A bare
    "en" says nothing about the country, so it keeps the day-first default."""
    lang = lang.strip().lower().replace("_", "-")
    return lang == "en-us" or lang.startswith("en-us")


def after(value: Published, today: dt.date | None) -> bool:
    """``value`` lies after the fetch time, so no page could have printed it yet.

    Two zone-aware times compare exactly. Otherwise only a date past the day after
    ``today``'s is refused: a bare day is in some zone (a benchmark's, the day a file is
    read), and a site's own calendar may be a day ahead of it (fetched 23:30 UTC is 01:30
    in Sofia), or, east of Sofia, of Sofia's. The days between are counted, not added
    to ``today``: a fetch time of 9999-12-31 (an imported record's) has no day after
    it, and ``import-jsonl`` stopped on it as an internal error, exit 70.
    """
    if today is None:
        return False
    if isinstance(value, dt.datetime) and isinstance(today, dt.datetime):
        if value.tzinfo is not None and today.tzinfo is not None:
            return value > today
    return (local_date(value) - local_date(today)).days > 1


def site_today(today: dt.date) -> dt.date:
    """The fetch moment on the site's clock (``site_clock.on_site_clock``: a Bulgarian
    page's "днес" and "преди 3 часа" count from Sofia time), or ``today`` as it is: a day,
    or a time already on that clock (naive). Every reader of the fetch time's day reads
    it through this, so all of them see one calendar."""
    if isinstance(today, dt.datetime):
        return on_site_clock(today)
    return today


# Every text form needs a digit (a year at least) or a relative word: text without one is
# skipped before the dozen patterns run (most elements and windows hold no date).
_RELATIVE_WORDS = "днес|вчера|преди|today|yesterday|ago"
_MAY_HOLD_DATE = re.compile(rf"(?=[\dдвпtya])(?:\d|{_RELATIVE_WORDS})", re.IGNORECASE)
_MAY_HOLD_RELATIVE = re.compile(_RELATIVE_WORDS, re.IGNORECASE)


def may_hold_relative_date(text: str) -> bool:
    """False only for a text where no relative date ("вчера", "преди 3 часа", "онзи
    ден", "2 hours ago") can be found: the cheap test before a short text with no other
    date is read against the fetch moment."""
    return bool(_MAY_HOLD_RELATIVE.search(text)) or _may_hold_day_before_yesterday(text)


# How far before a date its label ("Публикувано на:", "Updated") may start.
_DATE_LABEL_REACH = 30


def _label_before(text: str, start: int) -> str:
    """The text where a label of the date at ``start`` would stand (``_MODIFIED_LABEL``,
    ``_PUBLISHED_LABEL`` read it)."""
    return text[max(start - _DATE_LABEL_REACH, 0) : start]


def labels_publication(before: str) -> bool:
    """Whether the text ``before`` an element's date ends in a publication label
    ("Published", "Публикувано на:"): ``_PUBLISHED_LABEL``, read where a date's label
    would stand (``_label_before``)."""
    return bool(before) and bool(_PUBLISHED_LABEL.search(_label_before(before, len(before))))


def labels_update(before: str, shown: str) -> bool:
    """Whether a date printed as ``shown`` ("Updated April 10, 2025", "10.04.2025"), after
    the text ``before`` it, is labelled as the last change (``_MODIFIED_LABEL``, read where
    the first date ``shown`` holds begins, or where ``shown`` does when it holds none in
    full: an element whose ``datetime`` attribute states the day it prints as "18.03")."""
    text = f"{before} {shown}"
    opens = len(before) + 1
    start = next((d.start for d in find_text_dates(text) if d.start >= opens), opens)
    return bool(_MODIFIED_LABEL.search(_label_before(text, start)))


def find_text_dates(
    text: str, *, today: dt.date | None = None, month_first: bool = False
) -> list[TextDate]:
    """Every date in ``text``, in reading order, none after ``today``: the fetch day, or
    the fetch moment (a datetime; ``site_today``), which "преди 3 часа" needs to name its
    day."""
    if not text or not (_MAY_HOLD_DATE.search(text) or _may_hold_day_before_yesterday(text)):
        return []
    text = text.replace("\xa0", " ")
    today = site_today(today) if today is not None else None
    found: dict[int, TextDate] = {}
    for start, value, other in _absolute_dates(text, today, month_first):
        if value is None or after(value, today) or start in found:
            continue
        label = _label_before(text, start)
        labelled = bool(_PUBLISHED_LABEL.search(label)) or bool(
            _POSTED_BY_LABEL.search(text[max(start - 90, 0) : start])
        )
        found[start] = TextDate(
            start,
            value,
            modified=bool(_MODIFIED_LABEL.search(label)),
            labelled=labelled,
            other=other,
        )
    if today is not None:
        for start, value in _relative_dates(text, today):
            if start not in found and not after(value, today):
                # ("Обновена преди 2 часа", "Updated yesterday" are the last change too;
                # a "Published" label is not read here: an hour's rounding is no proof
                # against metadata, which is what ``labelled`` is trusted for)
                modified = bool(_MODIFIED_LABEL.search(_label_before(text, start)))
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
    """Those of ``_FULL_YEAR_DATES`` that can match in ``text``, in their order."""
    if _ANY_FULL_YEAR.search(text) is None:
        return ()
    return _FULL_YEAR_DATES if _DAY_THEN_YEAR.search(text) else _NOT_MONTH_FIRST


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
) -> list[tuple[int, Published | None, dt.date | None]]:
    """Where each date starts, its value, and the other day it reads as when only the
    page's language chose (``TextDate.other``)."""
    out: list[tuple[int, Published | None, dt.date | None]] = []
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
                named = _DAY_MONTHS.get(m["mon"].lower())
            elif "rom" in groups:
                named = _ROMAN.get((m["rom"] or m["urom"]).translate(_ROMAN_LOOKALIKES).lower())
            else:
                named = int(m["m"])
            if named is None:
                continue  # (a name matched through a letter ignore-case equates)
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
                    out.append((span[0], _build(*span[1:], m), None))
                    continue
            if timed is not None:
                out.append((timed.start(), _build(year, month, day, timed), None))
                continue
            out.append((start, _build(year, month, day, m), None))
    for m in _at_numbers(_SLASHED, text, numbers) if passes else ():  # (a year of four digits)
        weekday = _weekday_before(text, m.start())
        value = _slashed(m, today, month_first, weekday)
        other = _undecided(m, value, today) if weekday is None else None
        out.append((*_timed_before(text, m, value), other))
    for m in _at_numbers(_SHORT_YEAR, text, numbers):
        year = _century(int(m["yy"]), today)
        out.append((*_timed_before(text, m, _build(year, int(m["m"]), int(m["d"]), m)), None))
    for m in _at_numbers(_SHORT_SLASHED, text, numbers) if _short_slashes(text) else ():
        weekday = _weekday_before(text, m.start())
        value = _slashed(m, today, month_first, weekday)
        other = _undecided(m, value, today) if weekday is None else None
        out.append((*_timed_before(text, m, value), other))
    return out


def _short_slashes(text: str) -> bool:
    """``text`` may hold a two-digit year's slash date (``_SHORT_SLASHED``): it is
    Bulgarian, or holds no words to say otherwise (a date's element alone)."""
    return _CYRILLIC.search(text) is not None or _LATIN.search(text) is None


def _timed_before(
    text: str, m: re.Match[str], value: Published | None
) -> tuple[int, Published | None]:
    """Where the date ``m`` read as ``value`` starts, and its value, with the time printed
    before it (``_time_before``: "Time: 08:17 Date: 11/27/2026") when it printed none
    after it: the slash and the short dates' way to it, whose day is read apart."""
    if m["h"] or type(value) is not dt.date or (timed := _time_before(text, m.start())) is None:
        return m.start(), value
    return timed.start(), _build(value.year, value.month, value.day, timed)


# A span of days ending where a date starts: "28-29 ноември 2026", "28 – 29 ноември",
# "30 ноември – 1 декември 2026", "28-29.11.2026", "28.11 – 29.11.2026", and an event's
# two days joined by "и" ("На 26 и 27 юли 2022 г.", read as a spaced span: a week apart
# at most) (see ``_span_start``). Looked for only before a date found, so it costs no
# pass over the text.
_SPAN_BEFORE = re.compile(
    r"(?<![\w.,:/])(?P<d0>0?[1-9]|[12]\d|3[01])"
    r"(?:\s+(?P<mon0>" + _DAY_MONTH_ALT + r")\.?|\.(?P<m0>0?[1-9]|1[0-2])\.?)?"
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
    first_month = _DAY_MONTHS.get(mon0.lower(), 0) if mon0 else int(m0) if m0 else month
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
    r"(?<![\d.:+])(?<!\d\s)" + _TIME12 + _TO_DATE_FROM_TIME + "$", re.IGNORECASE
)
_TIME_REACH = 40
# A time that ends a range of hours ("от 09:00 до 17:00 ч.", "09:00 - 17:00") is an
# event's hours, not the time of a date after it.
_RANGE_BEFORE = re.compile(r"(?:(?<!\w)(?:до|to|until|till)|[-–—])\s*$", re.IGNORECASE)


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
    | set(_WEEKDAYS)
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
    r"(?<!\w)(?P<wd>" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?,?\s*$",
    re.IGNORECASE,
)


def _weekday_before(text: str, start: int) -> int | None:
    """The weekday named right before a date ("пон, 11/09/2026"), Monday = 0, if any."""
    m = _WEEKDAY_RIGHT_BEFORE.search(text[max(0, start - 16) : start])
    return _WEEKDAYS.get(m["wd"].lower()) if m else None


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
    day_first = _build(year, b, a, m)
    us = _build(year, a, b, m)
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
    readings = [r for r in (_build(year, b, a), _build(year, a, b)) if isinstance(r, dt.date)]
    days = {local_date(r) for r in readings if not after(r, today)} - {local_date(value)}
    return days.pop() if len(days) == 1 else None


# A numeric date that reads two ways: "11/09/2026", and the dotted "09.10.2024" an
# American page prints month-first.
# (read from where the date starts: its time, when one printed before it is its own)
_TWO_WAYS = re.compile(
    r"(?:" + _TIME12 + _TO_DATE_FROM_TIME + r")?(?P<a>\d\d?)(?P<sep>[/.])(?P<b>\d\d?)(?P=sep)"
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
    readings = {r for r in (_build(year, b, a), _build(year, a, b)) if isinstance(r, dt.date)}
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
    r"(?<!\w)(?:" + "|".join(sorted(_WEEKDAYS, key=len, reverse=True)) + r")\.?,?$",
    re.IGNORECASE,
)
_LAST_WORD = re.compile(r"(\w+):?$")
# How far back the word before a date is looked for: past a weekday and a range's days.
_SENTENCE_REACH = 60
# A line this long is a paragraph of the story, not a byline's or a dateline's box
# ("Мария Петрова | 12.03.2025 10:30 | Прочетена 1250 пъти").
STORY_LINE = 150


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
      of ``text`` as long as a paragraph of the story (``STORY_LINE``): the day of the
      event it announces, which a page showing no date of its own would otherwise be
      given (and a crawl would prefer it to its listing's date). A short line is a
      byline's or a dateline's box, whatever word stands there.

    A date a label names ("Публикувано на …", "Обновена на …") is the page's either way;
    so is a dateline's ("София, 12.03.2025 (БТА) Кметът…"), after a name."""
    if date.labelled or date.modified:
        return False
    start = date.start
    if told:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        if (len(text) if line_end < 0 else line_end) - line_start < STORY_LINE:
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


# What may stand right before a bare "вчера"/"today" that is a date: a byline's separator.
_BEFORE_BARE_DAY = frozenset("|•·–—-:/,(")


def _stands_as_date(text: str, start: int, end: int) -> bool:
    """A bare "днес"/"today" without a time is a date only where it stands as one: after
    a label ("Публикувано вчера"), or at the start of the text or after a separator
    ("Иван Петров | Вчера") and not running on into a sentence. In prose ("Today, online
    courses make…", "…the term Zero Waste. Today Zero Waste is…") it is no date."""
    # What precedes it with trailing spaces dropped, as ``text[:start].rstrip()``; only
    # its last ``_LABEL_REACH`` characters are read, since a label must end there: on a
    # page's whole text, copying and searching all of it for every "today" was quadratic.
    end_before = start
    while end_before and text[end_before - 1].isspace():
        end_before -= 1
    if _ANY_LABEL.search(text, max(end_before - _LABEL_REACH, 0), end_before):
        return True
    if end_before and text[end_before - 1] not in _BEFORE_BARE_DAY:
        return False
    return not _runs_on(text, end)


def _told(text: str, m: re.Match[str]) -> bool:
    """A day word with its time (``m``) is a sentence's, telling when an event is ("Днес
    в 10:00 ч. кметът открива…", "…ще бъде открит днес в 10:00 ч. в зала 1"), not a
    date line's ("Днес, 10:00" by the headline, "вчера, 10:32 | Мария Колева"): a
    lower-case word runs on after it (``_runs_on``), past a label's aside ("Публикувано
    днес в 10:32" is the page's all the same). Its shape tells, not the hour: an event
    earlier on the fetch's day is no future time for the fetch moment to rule out. What
    stands before it does not: a headline or a byline's name may, without a separator."""
    start = m.start()
    if _ANY_LABEL.search(text, max(start - _LABEL_REACH, 0), start):
        return False
    end = m.end()  # (past the rest of the word the hours mark opens: "10:00 часа")
    while end < len(text) and text[end].isalpha() and text[end - 1].isalpha():
        end += 1
    return _runs_on(text, end)


# What may follow a date line's day word and still leave it a date line: the writer it
# names after "от"/"by" ("вчера, 10:32 от Мария Колева"), a capital after the word.
_BYLINE_AFTER = re.compile(r"(?:от|by)\s+(?-i:[A-ZА-Я])", re.IGNORECASE)


def _runs_on(text: str, end: int) -> bool:
    """The day word (and its time) ending at ``end`` runs on into a sentence: a lower-case
    word follows, past spaces and one comma ("Днес в 10:00 ч. кметът ще открие…", "Today,
    online courses…"), so the day is what the sentence tells, not when the page was
    published; a date line ends, or a separator, a capital or the writer's name follows
    ("Днес, 10:00", "вчера, 10:32 | Мария Колева", "вчера в 10:32 от Мария Колева")."""
    # The first character after it, past spaces and one comma, as ``text[end:].lstrip()``
    # would give: copying the rest of a page's text for every ", днес" was quadratic too.
    after = _next_visible(text, end)
    if text[after : after + 1] == ",":
        after = _next_visible(text, after + 1)
    return text[after : after + 1].islower() and not _BYLINE_AFTER.match(text, after)


def _next_visible(text: str, at: int) -> int:
    """Where the first non-space character from ``at`` on stands (``len(text)`` if none)."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


# How many days back a relative day word lies ("онзи ден": the day before yesterday).
_DAYS_BACK = {"вчера": 1, "yesterday": 1, "онзи ден": 2}


def _relative_dates(text: str, today: dt.date) -> list[tuple[int, Published]]:
    """ "днес", "вчера", "преди 3 часа", "2 days ago", counted back from the fetch time.

    ``today`` may be the fetch moment (a datetime, on the site's clock: ``site_today``);
    then "преди 3 часа" is that moment three hours back (zone-aware if the moment is: the
    page names an instant, whatever its zone; ``_counted_back``), and a day word's time
    after it ("днес в 18:00" read at 10:00, an event's hour) is no date; nor, at any
    hour, is one a sentence runs on after (``_told``: "Днес в 10:00 ч. кметът…"). The fetch day
    alone (a date) takes "преди 3 часа" for that day, a day off for a page fetched in the
    small hours.
    """
    out: list[tuple[int, Published]] = []
    # Every match of ``_RELATIVE``, ``_AGO`` and ``_FEW_AGO`` holds one of the words
    # ``_MAY_HOLD_RELATIVE`` looks for, under the same ignore-case: one search rules the
    # three out on a text with none (most texts with a digit), each a pass over it.
    worded = _MAY_HOLD_RELATIVE.search(text) is not None
    days: Iterator[re.Match[str]] = _RELATIVE.finditer(text) if worded else iter(())
    if _may_hold_day_before_yesterday(text):
        days = itertools.chain(days, _DAY_BEFORE_YESTERDAY.finditer(text))
    clock = today.replace(tzinfo=None) if isinstance(today, dt.datetime) else None
    for m in days:
        if not _stands_as_date(text, m.start(), m.end()) if not m["h"] else _told(text, m):
            continue
        day = today - dt.timedelta(days=_DAYS_BACK.get(m["rel"].lower(), 0))
        value = _build(day.year, day.month, day.day, m)
        # (the page's time of day, on its own clock: compared with the fetch's there)
        if value is None or (isinstance(value, dt.datetime) and clock and value > clock):
            continue
        out.append((m.start(), value))
    for m in _AGO.finditer(text) if worded else ():
        count_text = (m["n1"] or m["n2"] or "1").lower()
        unit_text = (m["u1"] or m["u2"] or (count_text if count_text in _UNITS else "")).lower()
        if unit_text not in _UNITS:  # none, or matched through a letter ignore-case equates
            continue
        if count_text in _UNITS and (
            text[m.end() : m.end() + 1] in ("-", "–")
            or not _stands_as_date(text, m.start(), m.end())
        ):
            # "Преди седмица кметът обяви…" is prose, as a bare "днес" in it; "преди
            # ден-два" (a day or two) is no day.
            continue
        count = int(count_text) if count_text.isdigit() else 1
        out.append((m.start(), _counted_back(today, _UNITS[unit_text], count)))
    for m in _FEW_AGO.finditer(text) if worded else ():
        # as a bare "преди час": "Преди няколко часа кметът обяви…" is prose
        if _stands_as_date(text, m.start(), m.end()):
            few = _few_ago_day(_FEW_AT_MOST[(m["u1"] or m["u2"]).lower()], today)
            if few is not None:
                out.append((m.start(), few))
    return out


def _counted_back(today: dt.date, unit: str, count: int) -> Published:
    """``count`` of ``unit`` ("hours", "days": ``_UNITS``) before the fetch time.

    From the fetch moment, hours and minutes give the instant (counted back in UTC, then
    shown on the site's clock: a clock change between the two moves the hour, not the
    instant); days and weeks give the day, whose hour the page does not say. From the
    fetch day alone, every count gives a day: "преди 3 часа" is taken for that day.
    """
    delta = dt.timedelta(**{unit: count})
    if not isinstance(today, dt.datetime) or unit in ("days", "weeks"):
        return local_date(today) - dt.timedelta(days=delta.days)
    if today.tzinfo is not None:
        return on_site_clock(today.astimezone(dt.UTC) - delta)
    return today - delta


def _few_ago_day(most: dt.timedelta, today: dt.date) -> dt.date | None:
    """The day "a few" units back (``most`` at the most) lies on: the fetch's, when no
    midnight can lie between (fetched at 15:00 on the site's clock, a few hours ago was
    that day; at 09:00 it may have been last night), else none. The fetch day alone (no
    hour: a page read from a file, a benchmark's) answers only for what is under
    ``_FETCH_DAY_REACH`` old."""
    if isinstance(today, dt.datetime):
        return today.date() if (today - most).date() == today.date() else None
    return today if most <= _FETCH_DAY_REACH else None


# Loose dates (``find_loose_dates``): a day without its year, and a month or a year back.
# No year may follow the day ("28 ноември 2026" is a full date, or a future one).
_NO_YEAR_AFTER = r"(?!\.?,?\s*(?:19|20)\d\d(?![:.]\d))"
_TIME_AFTER = _then_time(_TIME12)
# "28 ноември", "28-ми ноември", "28 noemvri".
_YEARLESS_WORDY = re.compile(
    r"(?<!\w)" + _DAY + _ORDINAL + r"\s+(?:of\s+)?(?P<mon>" + _DAY_MONTH_ALT + r")(?!\w)\.?"
    + _NO_YEAR_AFTER + _TIME_AFTER,
    re.IGNORECASE,
)  # fmt: skip
# "Nov 28", "November 28th": month-first only capitalised, as a byline prints it ("may 5"
# in a sentence is no date).
_YEARLESS_MONTH_FIRST = re.compile(
    r"(?<!\w)(?-i:(?=[A-ZА-Я]))(?P<mon>" + _MONTH_ALT + r")\.?\s+" + _DAY
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
            month = _DAY_MONTHS.get(m["mon"].lower(), 0) if "mon" in m.groupdict() else int(m["m"])
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
                modified = bool(_MODIFIED_LABEL.search(label))
                labelled = bool(_PUBLISHED_LABEL.search(label))
                found.append(
                    (start, timed is None, TextDate(start, value, modified, labelled=labelled))
                )
    for m in _COARSE_AGO.finditer(text):
        count = (m["n1"] or m["n2"] or "1").lower()
        unit = (m["u1"] or m["u2"]).lower()
        if (not count[0].isdigit() and unit in ("месеца", "години")) or (
            text[m.end() : m.end() + 1] in ("-", "–") or not _stands_as_date(text, *m.span())
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
    if _PUBLISHED_LABEL.search(label) or _MODIFIED_LABEL.search(label):
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
        return first[0], _build(*first[1:], m)
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
        value = _build(year, month, day, m)
        if value is not None and not after(value, today) and local_date(value) <= last:
            return value
    return None


def _months_back(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` calendar months before (the month's last, if shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


# A line that is little more than a date: a date with a label or a time at most.
DATE_LINE_CHARS = 60


def date_line_dates(
    line: str, limit: int = DATE_LINE_CHARS, *, today: dt.date | None = None
) -> list[TextDate]:
    """The dates of ``line`` when it is a date line ("12.03.2026 г.", "Dec 17, 2025",
    "Публикувано: 14 март"): at most ``limit`` characters, holding a date; none of a longer
    line, whatever it holds. The one test of a date line: ``is_date_line`` asks whether
    there is one, and a reader that wants the date itself picks among these."""
    return find_text_dates(line, today=today) if len(line) <= limit else []


def is_date_line(line: str, limit: int = DATE_LINE_CHARS, *, today: dt.date | None = None) -> bool:
    """``line`` is a date line (``date_line_dates``); with ``today``, a relative one too
    ("вчера, 10:32", "преди 3 часа"), which only the fetch moment makes a day."""
    return bool(date_line_dates(line, limit, today=today))


# Any day stands in for the fetch's when asking whether a line is a yearless date line:
# the year the line lacks is not what makes it one.
_ANY_TODAY = dt.date(9999, 12, 31)


def is_yearless_date_line(line: str, limit: int = DATE_LINE_CHARS) -> bool:
    """``line`` is a date line that prints no year: "Публикувано: петък, 27 ноември, 08:17
    ч.", "28 ноември" (a theme dating this year's posts so, the year in the listing or the
    address): one day (``find_loose_dates``), not relative, not inside a sentence, on a
    line no longer than a date line (``is_date_line``, which reads whole dates only)."""
    if len(line) > limit:
        return False
    found = find_loose_dates(line, today=_ANY_TODAY)
    return len(found) == 1 and not found[0].relative and not in_sentence(line, found[0])


def parse_text_date(
    text: str, *, today: dt.date | None = None, month_first: bool = False
) -> Published | None:
    """The first date in ``text`` (day-first unless ``month_first``), None when there is none.

    Absolute dates win over relative ones ("вчера" in "вчера, 12.10.2018" is the label)."""
    found = find_text_dates(text, today=today, month_first=month_first)
    first = next((d for d in found if not d.relative), None) or next(iter(found), None)
    return first.value if first else None


_CLOCK_ALONE = re.compile(r"\s*" + _TIME + r"\s*")


def parse_clock(text: str) -> dt.time | None:
    """A text that is a time of day and nothing else ("14:35", "09.10 ч."): what a date's
    tooltip holds where the page prints the day alone."""
    m = _CLOCK_ALONE.fullmatch(text)
    if m is None:
        return None
    return dt.time(int(m["h"]), int(m["mi"]), int(m["s"] or 0))


# "/2025/03/14/", "/2025-03-14-", "_20250314": a CMS that files articles by day.
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2])(?P=sep)"
    r"(?P<d>0[1-9]|[12]\d|3[01])(?!\d)"
)


def parse_url_date(url: str, *, today: dt.date | None = None) -> dt.date | None:
    """The day a URL's path files the article under; only a date with a separator, or
    eight digits between separators, so an id like "/20250314123/" is not read as one."""
    path = url.split("://", 1)[-1].partition("/")[2].split("?")[0]
    for m in _URL_DATE.finditer(path):
        if not m["sep"] and (
            path[m.start() - 1 : m.start()] not in ("/", "_", "-", "")
            or path[m.end() : m.end() + 1] not in ("/", "_", "-", ".", "")
        ):
            continue
        value = _build(int(m["y"]), int(m["m"]), int(m["d"]))
        if isinstance(value, dt.date) and not after(value, today):
            return value
    return None


def parse_with_formats(text: str, formats: tuple[str, ...]) -> Published | None:
    """Try a profile's strptime formats against the whole (stripped) text."""
    text = " ".join(text.split())
    for fmt in formats:
        try:
            value = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        has_time = any(code in fmt for code in ("%H", "%M", "%I"))
        return value if has_time else value.date()
    return None


def local_date(value: Published) -> dt.date:
    """The calendar date the site meant: the local date, never converted to UTC."""
    return value.date() if isinstance(value, dt.datetime) else value
