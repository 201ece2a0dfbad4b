"""The fetch moment as a Bulgarian site's clock showed it.

A page's "днес", "вчера", "преди 3 часа" count from the site's clock, and the sites the
archive reads keep Sofia time: fetched at 22:30 UTC on 30 November, it is already 1
December there, and "преди 3 часа" was 30 November. The crawl records fetch moments in
UTC (``Page.fetched_at``, a WARC's ``WARC-Date``); ``on_site_clock`` turns one into Sofia
time before a relative date is counted back from it.

Sofia's zone comes from the system's time zone database (``zoneinfo``). A Python without
one (a slim container, Windows without the ``tzdata`` package) still reads Sofia time:
the rule Bulgaria has kept since 1997, the EU's (``_eastern_european``), stands in for
the database. No moment the archive holds is older than that rule.
"""

from __future__ import annotations

import calendar
import datetime as dt
import zoneinfo

SITE_ZONE_NAME = "Europe/Sofia"


def _site_zone() -> dt.tzinfo | None:
    """Sofia's zone from the time zone database; None where there is none to read."""
    try:
        return zoneinfo.ZoneInfo(SITE_ZONE_NAME)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        return None


SITE_ZONE = _site_zone()

_EET = dt.timezone(dt.timedelta(hours=2), "EET")
_EEST = dt.timezone(dt.timedelta(hours=3), "EEST")


# The months EU clocks change in: to summer time in the first, back in the second.
_SPRING, _AUTUMN = 3, 10


def _clocks_change(year: int, month: int) -> dt.datetime:
    """01:00 UTC on the month's last Sunday: when EU clocks change, in March and October."""
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    sunday = last - dt.timedelta(days=(last.weekday() - calendar.SUNDAY) % 7)
    return dt.datetime(sunday.year, sunday.month, sunday.day, 1, tzinfo=dt.UTC)


def _eastern_european(moment: dt.datetime) -> dt.timezone:
    """Sofia's offset at ``moment`` (zone-aware) by the EU rule: summer time (UTC+3) from
    the last Sunday of March to the last Sunday of October, 01:00 UTC each, else UTC+2."""
    utc = moment.astimezone(dt.UTC)
    summer = _clocks_change(utc.year, _SPRING) <= utc < _clocks_change(utc.year, _AUTUMN)
    return _EEST if summer else _EET


def on_site_clock(moment: dt.datetime, zone: dt.tzinfo | None = SITE_ZONE) -> dt.datetime:
    """``moment`` (zone-aware) as Sofia's clock showed it; a naive one is taken to be that
    clock's already and returned as it is. ``zone``: Sofia's from the database, or None
    for the EU rule in its place (``_eastern_european``)."""
    if moment.tzinfo is None:
        return moment
    return moment.astimezone(zone if zone is not None else _eastern_european(moment))


def from_site_clock(moment: dt.datetime, zone: dt.tzinfo | None = SITE_ZONE) -> dt.datetime:
    """``moment`` as a zone-aware time: a naive one is a time Sofia's clock showed (a page
    printing "09:15" and no zone, which ``dates`` keeps naive), given Sofia's offset then;
    an aware one is returned as it is. ``zone`` as in ``on_site_clock``: None for the EU
    rule (a summer time is one whose UTC reading three hours back is summer time)."""
    if moment.tzinfo is not None:
        return moment
    if zone is not None:
        return moment.replace(tzinfo=zone)
    summer = moment.replace(tzinfo=_EEST)
    return summer if _eastern_european(summer) is _EEST else moment.replace(tzinfo=_EET)


def page_moment(published: str | None) -> dt.datetime | None:
    """A page's stored date-time (ISO, with its offset, or naive: Sofia's clock) as the
    zone-aware moment it gives; None for a bare date (a day with no time is no moment) or
    an unreadable value (an archive edited by hand). The one reading of a stored time for
    the sort (``page_instant``) and the Parquet export."""
    if not published or len(published) <= len("YYYY-MM-DD"):
        return None
    try:
        moment = dt.datetime.fromisoformat(published)
    except ValueError:
        return None
    return from_site_clock(moment)


def page_instant(published: str | None) -> float | None:
    """Seconds since the epoch of a page's stored date-time (``page_moment``). SQLite's
    ``julianday`` read a naive "2026-06-20T09:15:00" as 09:15 UTC, three hours after the
    page meant, and ``--sort newest`` listed it above that day's 11:48+03:00."""
    moment = page_moment(published)
    return moment.timestamp() if moment is not None else None


# The lengths of the date-times ``isoformat`` stores (``date_stamps.stored_published``): naive
# (Sofia's clock), with microseconds, with a "+03:00" offset, with both.
_NAIVE_LENGTHS, _OFFSET_LENGTHS = (19, 26), (25, 32)
# The years ``instant_sql`` reads a naive time of in SQL: from the first of the EU rule
# Sofia keeps (``_eastern_european``; before it, the zone database's rules differ) to a
# last no archive reaches. Any other year's is read by ``page_instant``, the same instant.
_SQL_YEARS = range(1997, 2100)


def _summer_on_the_clock(year: int) -> str:
    """When Sofia's clock read summer time in ``year`` by the EU rule (``_clocks_change``),
    as ``from_site_clock`` reads a naive time: from the spring change's reading to the
    autumn one's, "YYYY-MM-DDTHH" each (04:00 both: the spring's hour that does not exist
    is read as winter time, the autumn's hour that comes twice as summer time). A naive
    time is summer time when, as text, it is from the first and before the second."""
    spring, autumn = (
        _clocks_change(year, month).astimezone(_EEST).strftime("%Y-%m-%dT%H")
        for month in (_SPRING, _AUTUMN)
    )
    return spring + autumn


_HOUR = len("YYYY-MM-DDTHH")  # (one of the two readings ``_summer_on_the_clock`` gives)


def instant_sql(column: str) -> str:
    """An SQL expression of ``page_instant(column)``, for ``search``'s newest and oldest
    sort: SQLite computes it where ``page_instant``, a Python function called once per
    sorted row, took most of a sort's time (100,000 articles sorted newest first: 1.0 s
    by it, 0.24 s by this, 0.23 s by the stored text alone).

    A time as the archive stores it (``isoformat``, "T" between day and time, in
    ``_SQL_YEARS``) is read by SQLite's ``julianday``, which reads an offset ("+03:00")
    itself; a naive one is a time on Sofia's clock, so its offset is taken off by the EU
    rule, not written out again in SQL but handed to it as the rule gives each year's
    summer (``_summer_on_the_clock``; SQLite finds the time's year's in their text).
    Anything else (an archive edited by hand, "Z", a space for the "T", another year) is
    left to ``page_instant``: one reading, this its fast path (a test holds them equal
    over every clock change to 2040, the zone database ``page_instant`` reads against the
    EU rule: were Sofia to leave summer time, it fails). Rounded to the millisecond:
    ``julianday``'s arithmetic is some 10 µs off, so one instant stored naive and with its
    offset got two keys, and their order was that noise's, not the sort's last key (the
    id). SQLite reads some days no calendar has ("2026-02-30T10:00:00", "T24:00:00",
    written only by hand), which ``page_instant`` reads as none."""
    c = column
    # every year's summer, one after another: a naive time's is at its year's place
    summers = "".join(_summer_on_the_clock(year) for year in _SQL_YEARS)
    year, month = f"substr({c}, 1, 4)", f"substr({c}, 6, 2)"
    naive, offset = (", ".join(map(str, lengths)) for lengths in (_NAIVE_LENGTHS, _OFFSET_LENGTHS))
    at = f"({year} - {_SQL_YEARS.start}) * {2 * _HOUR}"
    spring, autumn = f"'{_SPRING:02d}'", f"'{_AUTUMN:02d}'"
    summer = (  # (the months between whole, and only those two looked up: the sort's time)
        f"{month} > {spring} AND {month} < {autumn}"
        f" OR ({month} = {spring} AND {c} >= substr('{summers}', {at} + 1, {_HOUR}))"
        f" OR ({month} = {autumn} AND {c} < substr('{summers}', {at} + {_HOUR + 1}, {_HOUR}))"
    )
    seconds = f"(julianday({c}) - 2440587.5) * 86400.0"
    stored = (
        f"substr({c}, 11, 1) = 'T'"
        f" AND {year} BETWEEN '{_SQL_YEARS[0]}' AND '{_SQL_YEARS[-1]}'"
        f" AND (length({c}) IN ({naive})"
        f" OR (length({c}) IN ({offset}) AND substr({c}, -6, 1) IN ('+', '-')))"
    )
    fast = (
        f"CASE WHEN length({c}) IN ({offset}) THEN {seconds}"
        f" WHEN {summer} THEN {seconds} - 10800 ELSE {seconds} - 7200 END"
    )
    return (
        f"round(coalesce(CASE WHEN {stored} THEN {fast} END,"
        f" CASE WHEN length({c}) > 10 THEN newsarchive_instant({c}) END), 3)"
    )
