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
from collections.abc import Iterable
from dataclasses import dataclass
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


# A run of empty periods longer than this between two dated ones is drawn as one fold,
# not a row (or a chart slot) each: one article dated 9999 (a typo a site made, or an
# import) made ~416,000 empty weeks. Ten years of months; a shorter gap is information.
LONGEST_GAP = 120


@dataclass(frozen=True)
class Gap:
    """Empty periods left out between two dated ones (``LONGEST_GAP``)."""

    first: str
    last: str
    periods: int


def _start(day: dt.date, by: str) -> dt.date:
    return day - dt.timedelta(days=day.weekday()) if by == "week" else day.replace(day=1)


def _after(start: dt.date, by: str) -> dt.date | None:
    """The next period's first day; None past 9999-12-31 (no period follows)."""
    try:
        if by == "week":
            return start + dt.timedelta(days=7)
        return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    except OverflowError:
        return None


def _empty_between(here: dt.date, there: dt.date, by: str) -> int:
    if by == "week":
        return (there - here).days // 7 - 1
    return (there.year - here.year) * 12 + there.month - here.month - 1


def drawn(days: Iterable[str], by: str) -> list[str | Gap]:
    """Every period from the first day's to the last day's, empty ones included (a gap in
    a chart is information), but a run of more than ``LONGEST_GAP`` empty ones as one
    ``Gap``: the CLI's table and the web chart draw the same periods."""
    # (each distinct day parsed once: a timeline's days are its articles', many a day;
    # 200k of them parsed one by one cost ~80 ms more)
    starts = sorted({_start(dt.date.fromisoformat(day), by) for day in set(days)})
    out: list[str | Gap] = []
    for here, there in zip(starts, starts[1:], strict=False):
        out.append(period_of(here.isoformat(), by))
        empty = _empty_between(here, there, by)
        if empty > LONGEST_GAP:
            last = there - dt.timedelta(days=7 if by == "week" else 1)
            first = _after(here, by) or there
            gap = Gap(period_of(first.isoformat(), by), period_of(last.isoformat(), by), empty)
            out.append(gap)
            continue
        day = _after(here, by)
        while day is not None and day < there:
            out.append(period_of(day.isoformat(), by))
            day = _after(day, by)
    if starts:
        out.append(period_of(starts[-1].isoformat(), by))
    return out


def timeline(
    conn: sqlite3.Connection,
    query: ParsedQuery | None,
    filters: Filters,
    *,
    by: str = "month",
    stories: bool = False,
) -> dict[str, Any]:
    """``{"by", "unit", "sites", "rows": [{period, site, count}], "undated", "unreadable",
    "folded"}``, with a row per period and site (zeros left out) and one per period for
    site "all"; ``folded``: each run of empty periods left out (``drawn``), as
    ``{after, first, last, periods}``, ``after`` the period it follows.
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
    folded = []
    previous = ""
    for slot in drawn(days, by):
        if isinstance(slot, Gap):
            fold = {"after": previous, "first": slot.first, "last": slot.last}
            folded.append({**fold, "periods": slot.periods})
            continue
        previous = slot
        for site in [*sites, ALL]:
            count = len(seen.get((slot, site), ()))
            if count or site == ALL:
                out.append({"period": slot, "site": site, "count": count})
    unit = "stories" if stories else "articles"
    return {
        "by": by, "unit": unit, "sites": sites, "rows": out,
        "undated": undated, "unreadable": unreadable, "folded": folded,
    }  # fmt: skip
