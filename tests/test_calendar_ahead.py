"""A news page showing its newest three beside a calendar widget, whose older news only
the calendar reaches: "« ноември | декември 2026 | януари »" over a grid linking every
day of the month (``/arhiv/2026/12/05/``), news or not, each month's and each day's page
showing that period's news and the grid of its month again, each month linking the
next for ever. The site is written here in the shape of a regional paper's PHP theme.

The walk took "the latest month linked" from the list's page 1 (``next_pages._older_month``),
January 2027 in December 2026, and went back through its 31 empty days to the page cap,
November and October never asked: 3 of 12 archived, and the next run stopped at page
1's known news, the rest lost for good. Without the "януари »" link it took 31 December
from the grid. A calendar's month or day after the fetch day, or after the page's newest
news, is no older page (``next_pages.latest_day``); and a walk ending after a long run of
pages listing nothing says so (``crawl_sources._empty_end``), ending for good after
``walk.MISSED_MONTHS`` months of empty days under ``--max-pages 0``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from .mirror_sites import bare_profile
from .pageserver import answering
from .support import Result

ORIGIN = "https://www.strumskivestnik.bg"
NAME = "Струмски вестник"
MONTHS = [
    "януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември",
    "октомври", "ноември", "декември",
]  # fmt: skip
# the news, newest first: every three days from 4 December 2026 (the suite's clock reads
# 5 December) back to 1 November
NEWS = [dt.date(2026, 12, 4) - dt.timedelta(days=3 * k) for k in range(12)]
GONE = "<html><body><h1>Няма такава страница</h1></body></html>"


def _slug(day: dt.date) -> str:
    return f"/novini/{day:%Y/%m/%d}/sabitie-{day.day}-{day.month}.html"


def _title(day: dt.date) -> str:
    return f"Общинският съвет заседава на {day.day} {MONTHS[day.month - 1]}"


def _grid(year: int, month: int, *, ahead: bool = True) -> str:
    """The calendar widget: the month before, the month shown, the month after (``ahead``),
    a link per day of the month."""
    before = (year, month - 1) if month > 1 else (year - 1, 12)
    after = (year, month + 1) if month < 12 else (year + 1, 1)
    days = " ".join(
        f'<a href="/arhiv/{year}/{month:02d}/{d:02d}/">{d}</a>'
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
    )
    later = (
        f'<a href="/arhiv/{after[0]}/{after[1]:02d}/">{MONTHS[after[1] - 1]} &raquo;</a>'
        if ahead
        else ""
    )
    return (
        f'<div class="kalendar"><a href="/arhiv/{before[0]}/{before[1]:02d}/">&laquo; '
        f"{MONTHS[before[1] - 1]}</a> <b>{MONTHS[month - 1]} {year}</b> {later}"
        f'<div class="dni">{days}</div></div>'
    )


def _page(title: str, main: str, side: str) -> str:
    return (
        f'<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>{title} - {NAME}'
        f'</title></head><body><div class="glava"><a href="/">{NAME}</a> <a href="/">Начало'
        '</a> <a href="/redakcia.html">Редакция</a></div>'
        f'<div class="sadarzhanie">{main}</div><div class="strana">{side}</div></body></html>'
    )


def _cards(news: list[dt.date]) -> str:
    return "".join(
        f'<div class="novina"><a href="{_slug(day)}">{_title(day)}</a> <small>{day:%d.%m.%Y}'
        "</small></div>"
        for day in news
    )


def _site(
    news: list[dt.date], *, ahead: bool = True
) -> Callable[[str], tuple[int, dict[str, str], str]]:
    def answer(url: str) -> tuple[int, dict[str, str], str]:
        path = url.removeprefix(ORIGIN)
        if path == "/":
            main = "<h2>Последни новини</h2>" + _cards(news[:3])
            return 200, {}, _page("Начало", main, _grid(2026, 12, ahead=ahead))
        parts = path.strip("/").split("/")
        if parts[0] == "arhiv" and len(parts) in (3, 4) and all(p.isdigit() for p in parts[1:]):
            year, month = int(parts[1]), int(parts[2])
            day = int(parts[3]) if len(parts) == 4 else None
            if not 1 <= month <= 12:
                return 404, {}, GONE
            shown = [d for d in news if (d.year, d.month) == (year, month) and day in (None, d.day)]
            main = f"<h1>Архив: {MONTHS[month - 1]} {year}</h1>" + (
                _cards(shown) if shown else "<p>Няма новини за този период.</p>"
            )
            return 200, {}, _page("Архив", main, _grid(year, month, ahead=ahead))
        for day in news:
            if path == _slug(day):
                text = "".join(
                    f"<p>На {day.day} {MONTHS[day.month - 1]} общинските съветници обсъдиха"
                    f" точка {k} от дневния ред: ремонта на пътищата към селата, бюджета на"
                    " читалищата и новите линии на градския транспорт.</p>"
                    for k in range(1, 5)
                )
                main = f"<h1>{_title(day)}</h1><div class='data'>{day:%d.%m.%Y}</div>{text}"
                return 200, {}, _page(_title(day), main, _grid(day.year, day.month))
        return 404, {}, GONE

    return answer


def _archived(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        return {row[0].removeprefix(ORIGIN) for row in conn.execute("SELECT url FROM articles")}


def _ahead(asked: list[str]) -> list[str]:
    """The archive pages asked of a month or day after the suite's day (5 December 2026)."""
    late = []
    for url in asked:
        parts = url.removeprefix(ORIGIN).strip("/").split("/")
        if parts[0] == "arhiv" and len(parts) >= 3:
            numbers = [int(p) for p in parts[1:]]
            if tuple(numbers[:2]) > (2026, 12) or (
                len(numbers) == 3 and numbers[2] > 5 and tuple(numbers[:2]) == (2026, 12)
            ):
                late.append(url)
    return late


@pytest.mark.parametrize("ahead", [True, False], ids=["next-month-link", "no-next-month"])
def test_a_calendar_is_walked_into_the_past_never_into_the_months_ahead(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, ahead: bool
) -> None:
    """All 12 news archived, no page of January 2027 nor of a December day after the
    fetch asked; the second run reads page 1 and stops at its known news."""
    profile = bare_profile(tmp_path, "strumski", NAME, ORIGIN)
    with answering(_site(NEWS, ahead=ahead)) as (url, asked):
        args = ("crawl", "strumski", "--profile", str(profile), "--base-url", url)
        first = run_cli(*args, "--delay", "0", "--db", str(db))
        assert first.exit_code == 0, first.stderr
        assert _archived(db) == {_slug(day) for day in NEWS}
        assert _ahead(asked) == []
        before = len(asked)
        again = run_cli(*args, "--delay", "0", "--db", str(db))
    assert again.exit_code == 0, again.stderr
    assert len(asked) - before <= 3, asked[before:]


def test_a_walk_ending_after_a_long_run_of_empty_pages_says_so(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """October empty, one news on 15 September: under ``--max-pages 0`` the walk goes on
    through October's empty days to September's page (its days' grid read once all of
    October's were: it ended there, September never asked) and archives its news, then
    ends after three months of empty pages, August to June (``MISSED_MONTHS``), not in the
    year 1; it says where it ended so, as it does when the page cap cuts it among empty
    days."""
    news = [*NEWS, dt.date(2026, 9, 15)]
    profile = bare_profile(tmp_path, "strumski", NAME, ORIGIN)
    with answering(_site(news)) as (url, asked):
        args = ("crawl", "strumski", "--profile", str(profile), "--base-url", url)
        result = run_cli(*args, "--delay", "0", "--db", str(db), "--max-pages", "0")
    assert result.exit_code == 0, result.stderr
    assert _archived(db) == {_slug(day) for day in news}
    months = {tuple(u.removeprefix(ORIGIN).split("/")[2:4]) for u in asked if "/arhiv/" in u}
    assert min(months) == ("2026", "06")  # (August, July, June: empty, days and all)
    assert "pages in a row listing nothing" in result.stderr
    assert "/arhiv/2026/08/ to https://www.strumskivestnik.bg/arhiv/2026/06/" in result.stderr


def test_a_walk_cut_by_its_page_cap_among_empty_days_says_so(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The profile's page cap (25) reached among October's empty days: the crawl says
    the walk ended there after so many pages listing nothing."""
    profile = bare_profile(tmp_path, "strumski", NAME, ORIGIN)
    with answering(_site(NEWS)) as (url, _asked):
        args = ("crawl", "strumski", "--profile", str(profile), "--base-url", url)
        result = run_cli(*args, "--delay", "0", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "walk ended at its page cap after" in result.stderr


def test_add_site_proposes_no_month_ahead_as_the_home_pages_next_page(
    run_cli: Callable[..., Result],
) -> None:
    """add-site said the home page was "paged (…/arhiv/2027/01/)": January 2027, the
    calendar's "януари »", as its page 2. It names the day of its newest news instead."""
    with answering(_site(NEWS)) as (url, asked):
        proposed = run_cli("add-site", ORIGIN, "--base-url", url, "--delay", "0")
    assert proposed.exit_code == 0, proposed.stderr
    assert f"paged ({ORIGIN}/arhiv/2026/12/04/)" in proposed.stdout
    assert _ahead(asked) == []
