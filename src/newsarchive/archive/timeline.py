"""Attention over time: articles, or distinct stories, per month or ISO week and site.

Counting stories instead of articles is the point of issue 15: one press release carried
by four outlets is one unit of attention, not four. A story is counted once per period
and site in which a copy of it appeared; the "all" total counts it once per period,
so it is not the sum of the sites.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newsarchive.archive.copies import STORY_OF
from newsarchive.archive.store import Filters

if TYPE_CHECKING:
    from newsarchive.archive.query import ParsedQuery

PERIODS = ("month", "week")
ALL = "all"


def period_of(day: str, by: str) -> str:
    """``YYYY-MM`` or the ISO week ``YYYY-Www`` of a ``YYYY-MM-DD`` date."""
    if by == "month":
        return day[:7]
    year, week, _ = dt.date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def readable_day(value: str) -> bool:
    """Whether a ``published_date`` cell is the ``YYYY-MM-DD`` the archive writes: a cell
    edited by hand ("1 март 2026") belongs to no period, and must not end the chart."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def periods(first: str, last: str, by: str) -> Iterator[str]:
    """Every period from the first day's to the last day's, empty ones included (a gap in
    a chart is information)."""
    day, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
    step = dt.timedelta(days=7)
    if by == "week":
        day -= dt.timedelta(days=day.weekday())
    else:
        day = day.replace(day=1)
    while day <= end:
        yield period_of(day.isoformat(), by)
        try:
            if by == "week":
                day += step
            else:
                day = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        except OverflowError:  # past 9999-12-31 (a record's typo): that was the last one
            return


def timeline(
    conn: sqlite3.Connection,
    query: ParsedQuery | None,
    filters: Filters,
    *,
    by: str = "month",
    stories: bool = False,
) -> dict[str, Any]:
    """``{"by", "unit", "sites", "rows": [{period, site, count}], "undated", "unreadable"}``,
    with a row per period and site (zeros left out) and one per period for site "all".
    Undated articles belong to no period and are left out; ``undated`` counts the matching
    ones, ``unreadable`` those whose date is no ``YYYY-MM-DD`` (``readable_day``).

    The filters' sites are checked here, once: a query's merged filters only narrow
    them, so they are not checked again (``Prepared``'s ``checked``)."""
    from newsarchive.archive.query import ParsedQuery
    from newsarchive.archive.search import Prepared, check_sites, matching

    check_sites(conn, filters.sites)
    if by not in PERIODS:
        raise ValueError(by)
    select = f"a.published_date, a.site, {STORY_OF if stories else 'a.id'}"
    # No query at all is a query of filters alone: the filters choose the articles.
    chosen = query if query is not None else ParsedQuery()
    prepared = Prepared(conn, chosen, filters, checked=filters.sites)
    seen: dict[tuple[str, str], set[int]] = defaultdict(set)
    # One search for dated and undated alike; the undated are said beside the chart: a
    # chart silent about them under-counts without a word.
    rows = matching(prepared, select)
    days = [row[0] for row in rows if row[0] is not None and readable_day(row[0])]
    undated = sum(1 for row in rows if row[0] is None)
    unreadable = len(rows) - len(days) - undated
    for day, site, unit in rows:
        if day is None or not readable_day(day):
            continue
        period = period_of(day, by)
        seen[period, site].add(unit)
        seen[period, ALL].add(unit)
    sites = sorted({site for _, site in seen} - {ALL})
    out = []
    if days:
        for period in periods(min(days), max(days), by):
            for site in [*sites, ALL]:
                count = len(seen.get((period, site), ()))
                if count or site == ALL:
                    out.append({"period": period, "site": site, "count": count})
    unit = "stories" if stories else "articles"
    return {
        "by": by, "unit": unit, "sites": sites, "rows": out,
        "undated": undated, "unreadable": unreadable,
    }  # fmt: skip
