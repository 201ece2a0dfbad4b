"""Dates as Bulgarian sites write them, always day-first.

Structured forms ("2026-06-21T11:01:29+03:00", "…+0300", RFC 822 in feeds) and text forms:
"12.10.2018", "16:12 / 20.11.2024", "26 юли 2022 г.", "понеделник, 15 декември 2025",
"12.X.2018", "днес, 10:30", "днес в 10:30", "вчера". Weekday prefixes need no rule: the
patterns search inside the text. A date with a time and no zone stays a naive datetime (local time).
"""

from __future__ import annotations

import datetime as dt
import re
from email.utils import parsedate_to_datetime

Published = dt.date | dt.datetime

_MONTHS = {
    "януари": 1, "февруари": 2, "март": 3, "април": 4, "май": 5, "юни": 6, "юли": 7,
    "август": 8, "септември": 9, "октомври": 10, "ноември": 11, "декември": 12,
    "яну": 1, "фев": 2, "мар": 3, "апр": 4, "авг": 8, "сеп": 9, "септ": 9, "окт": 10,
    "ное": 11, "дек": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_TIME = r"(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?:\s*ч\.?)?"

_NUMERIC = re.compile(
    r"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\s?[./-]\s?(?P<m>0?[1-9]|1[0-2])\s?[./-]\s?"
    r"(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*г\.?)?(?:\s*(?:,|в|-|/)?\s*" + _TIME + r")?",
    re.IGNORECASE,
)
_TIME_FIRST = re.compile(
    _TIME + r"\s*(?:,|/|\||-)?\s*(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\."
    r"(?P<y>(?:19|20)\d\d)(?!\d)",
)
_WORDY = re.compile(
    r"(?<![\w])(?P<d>0?[1-9]|[12]\d|3[01])\s+(?P<mon>" + _MONTH_ALT + r")\.?,?\s+"
    r"(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*г\.?)?(?:\s*(?:,|в|-|/)?\s*" + _TIME + r")?",
    re.IGNORECASE,
)
_RELATIVE = re.compile(
    r"(?<!\w)(?P<rel>днес|вчера|today|yesterday)(?!\w)(?:(?:\s*,?\s*(?:в|at)\s+|\W{0,3})"
    + _TIME
    + ")?",
    re.IGNORECASE,
)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}  # fmt: skip
_ROMAN_DATE = re.compile(
    r"(?<![\w.])(?P<d>0?[1-9]|[12]\d|3[01])\.\s?(?P<rom>XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
    r"\.\s?(?P<y>(?:19|20)\d\d)(?!\d)(?:\s*г\.?)?",
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
            return dt.datetime(
                year, month, day, int(m["h"]), int(m["mi"]), int(m["s"] or 0), tzinfo=tz
            )
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_iso(value: str) -> Published | None:
    """ISO 8601 as found in JSON-LD and meta tags, tolerating "+0300" offsets."""
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
            tz = dt.timezone(sign * dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    if m["h"] is None:
        return _build(int(m["y"]), int(m["m"]), int(m["d"]))
    return _build(int(m["y"]), int(m["m"]), int(m["d"]), m, tz)


def parse_feed_date(value: str) -> Published | None:
    """RFC 822 (RSS ``pubDate``) or ISO (Atom ``updated``)."""
    try:
        return parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return parse_iso(value)


def parse_text_date(text: str, *, today: dt.date | None = None) -> Published | None:
    """The first Bulgarian-style date in ``text``, day-first; None when there is none."""
    if not text:
        return None
    text = text.replace("\xa0", " ")
    best: tuple[int, Published] | None = None
    for pattern in (_TIME_FIRST, _NUMERIC, _WORDY, _ROMAN_DATE):
        m = pattern.search(text)
        if not m:
            continue
        groups = m.groupdict()
        if "mon" in groups:
            month = _MONTHS[m["mon"].lower()]
        elif "rom" in groups:
            month = _ROMAN[m["rom"].lower()]
        else:
            month = int(m["m"])
        value = _build(int(m["y"]), month, int(m["d"]), m)
        if value is not None and (best is None or m.start() < best[0]):
            best = (m.start(), value)
    if best is not None:
        return best[1]
    m = _RELATIVE.search(text)
    if m and today is not None:
        day = today - dt.timedelta(days=1 if m["rel"].lower() in ("вчера", "yesterday") else 0)
        return _build(day.year, day.month, day.day, m)
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
