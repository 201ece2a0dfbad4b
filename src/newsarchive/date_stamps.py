"""Dates a machine wrote whole, each a field's value in one known shape: ISO 8601 (JSON-LD,
meta tags, Atom), RFC 822 (RSS, a PHP locale's Bulgarian names too), .NET's US stamp, the
archive's stored form, a profile's strptime formats, a URL's day, and the placeholders a
CMS writes for "no date" (year 1, 1970-01-01, MySQL's 0000-00-00). With them the date
value every reader builds and compares (``Published``, ``build``, ``local_date``, ``after``).

Apart from the dates in text (``dates``): a stamp is read whole, by discovery (feeds,
sitemaps, listings' attributes) and metadata, with none of the text's patterns, and its
own rules (what means no date, how long a field may be) are no text rule's.
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

from newsarchive.date_words import DAY_MONTHS, MONTHS

Published = dt.date | dt.datetime

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)"
    r"(?:[T ](?P<h>\d\d):(?P<mi>\d\d)(?::(?P<s>\d\d)(?:\.\d+)?)?"
    r"\s*(?P<tz>Z|[+-]\d\d:?\d\d)?)?"
)


def build(
    year: int, month: int, day: int, m: re.Match[str] | None = None, tz: dt.tzinfo | None = None
) -> Published | None:
    try:
        if m is not None and m.groupdict().get("h"):
            hour = int(m["h"])
            ampm = (m.groupdict().get("ampm") or "").lower()
            if ampm and hour <= 12:
                hour = hour % 12 + (12 if ampm.startswith("p") else 0)
            minute = int(m["mi"] or 0)  # (an hour alone: "hier à 18h", ``date_words._CLOCK``)
            return dt.datetime(year, month, day, hour, minute, int(m["s"] or 0), tzinfo=tz)
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
_RFC822_MONTH_NUMBERS = {name: n for name, n in MONTHS.items() if len(name) == 3 and name.isascii()}
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
# a CMS's bug or a hostile feed, and read as text (``dates.find_text_dates``) it cost seconds per
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
        return build(int(m["y"]), int(m["m"]), int(m["d"]))
    return build(int(m["y"]), int(m["m"]), int(m["d"]), m, tz)


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
    # (``build`` reads the 12-hour clock as the text rules' times; None for a 13th month)
    stamp = build(int(found["y"]), int(found["m"]), int(found["d"]), found)
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
    return build(int(found["y"]), month, int(found["d"])) if month else None  # (31 Feb: None)


def _in_english(value: str) -> str:
    """An RFC 822 date whose names a locale translated, with the month's English name and
    no weekday (the stdlib reads English only); any other value as it came."""
    found = _LOCALE_RFC822.match(value)
    if found is None or found["m"].isascii():
        return value
    month = DAY_MONTHS.get(found["m"].lower())
    if month is None:
        return value
    return f"{found['d']} {_RFC822_MONTHS[month]} {found['y']}{found['rest'] or ''}"


def after(value: Published, today: dt.date | None) -> bool:
    """``value`` lies after the fetch time, so no page could have printed it yet.

    Two zone-aware times compare exactly. A time or a day printed without its zone,
    against a fetch moment that has one, is refused past the furthest any clock runs
    ahead of UTC (``_EASTMOST``). Against a bare fetch day, only a date past the day
    after it is refused: a bare day is in some zone (a benchmark's, the day a file is
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
    if isinstance(today, dt.datetime) and today.tzinfo is not None:
        # A fetch's moment is known: no clock on Earth shows more than ``_EASTMOST`` past
        # UTC, so a time or a day printed later than that is the future in every zone
        # (an outage notice's "08.12.2026, 09:00" dated a page fetched the day before).
        try:
            latest = (today.astimezone(dt.UTC) + _EASTMOST).replace(tzinfo=None)
        except OverflowError:  # (an imported record's fetch time of 9999-12-31)
            return False
        if isinstance(value, dt.datetime):
            return value.tzinfo is None and value > latest
        return value > latest.date()
    return (local_date(value) - local_date(today)).days > 1


# The furthest any zone's clock runs ahead of UTC (Kiribati's Line Islands)
_EASTMOST = dt.timedelta(hours=14)


# "/2025/03/14/", "/2025-03-14-", "_20250314": a CMS that files articles by day. The month
# and the day of one digit too ("/2026/12/7/"), which ``parse_url_date`` takes only as
# folders of their own.
_URL_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<sep>[/_-]?)(?P<m>0[1-9]|1[0-2]|[1-9])(?P=sep)"
    r"(?P<d>0[1-9]|[12]\d|3[01]|[1-9])(?!\d)"
)


def parse_url_date(url: str, *, today: dt.date | None = None) -> dt.date | None:
    """The day a URL's path files the article under; only a date with a separator, or
    eight digits between separators, so an id like "/20250314123/" is not read as one. A
    month or a day of one digit only as a folder of the path's, "/2026/12/7/" (a news site
    that writes its days unpadded): run on into other digits or letters ("/2026/12/75123",
    "2026-1-5x") they are an id's."""
    path = url.split("://", 1)[-1].partition("/")[2].split("?")[0]
    for m in _URL_DATE.finditer(path):
        if not m["sep"] and (
            path[m.start() - 1 : m.start()] not in ("/", "_", "-", "")
            or path[m.end() : m.end() + 1] not in ("/", "_", "-", ".", "")
        ):
            continue
        if (len(m["m"]) == 1 or len(m["d"]) == 1) and (
            m["sep"] != "/"
            or path[m.start() - 1 : m.start()] not in ("/", "")
            or path[m.end() : m.end() + 1] not in ("/", "")
        ):
            continue
        value = build(int(m["y"]), int(m["m"]), int(m["d"]))
        if isinstance(value, dt.date) and not after(value, today):
            return value
    return None


# A month a path files pages under, a segment of its own ("/2025/03/", "/2025_03/",
# "/2025-3"): an article's (``url_month``), or a month's archive page and its later pages
# (``discover.archive_pages``). One pattern for both.
MONTH_IN_PATH = re.compile(r"(?:^|/)((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])(?:/|$)")


def url_month(url: str) -> tuple[int, int] | None:
    """The year and month a URL's path files the article under (``/2025/03/slug``), or
    None; a path filing it by day gives that day's (``parse_url_date``)."""
    path = url.split("://", 1)[-1].partition("/")[2].split("?")[0]
    m = MONTH_IN_PATH.search("/" + path)
    return (int(m[1]), int(m[2])) if m is not None else None


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
