"""Search that tells the truth (issue 13): order by the real instant, no silently ignored
syntax or options, say when the list was cut, refuse unknown sites, stay readable when
narrow, and fail cleanly when the output cannot be written."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive import api
from newsarchive.archive import SEARCH_LIMIT
from newsarchive.web import pages

from .search_corpus import ARTICLES, build, ids
from .support import Result

Cli = Callable[..., Result]


def search(run_cli: Cli, db: Path, *args: str) -> Result:
    return run_cli("search", *args, "--format", "json", "--db", str(db))


def one_error_line(result: Result, code: int = 2) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsarchive: error:"), result.stderr
    return lines[0]


# --- sort newest by the full timestamp ------------------------------------------------

SAME_DAY = [
    {"site": "bta", "url": f"https://www.bta.bg/d{i}", "title": f"Сесия {i}",
     "published": published, "text": "Общинският съвет заседава."}
    for i, published in enumerate([
        "2024-05-01T12:14:00+03:00",  # 1
        "2024-05-01T09:40:00+03:00",  # 2
        "2024-05-01",                 # 3: no time of day
        "2024-05-01T11:01:00+03:00",  # 4
        "2024-05-01T10:22:00+03:00",  # 5
        "2024-05-01T09:30:00+00:00",  # 6: 12:30 in Sofia, the latest instant
        "2024-04-30T23:59:00+03:00",  # 7: the day before
    ], 1)
]  # fmt: skip


def test_sort_newest_orders_one_day_by_time_with_offsets(run_cli: Cli, db: Path) -> None:
    build(run_cli, db, SAME_DAY)
    assert ids(search(run_cli, db, "съвет", "--sort", "newest")) == [6, 1, 4, 5, 2, 3, 7]
    assert ids(search(run_cli, db, "съвет", "--sort", "oldest")) == [7, 3, 2, 5, 4, 1, 6]


def _stored_times() -> list[str | None]:
    """Date-times as the archive stores them, naive (Sofia's clock) and with offsets,
    over each clock change of 1997-2040 hour by hour (the hour that does not exist, the
    one that comes twice), and the shapes ``page_instant`` alone reads."""
    import datetime as dt

    times: list[str | None] = []
    for year in range(1997, 2041):
        for month in (3, 10):
            for hour in range(8 * 24):
                moment = dt.datetime(year, month, 24) + dt.timedelta(hours=hour, minutes=30)
                times += [moment.isoformat(), moment.replace(microsecond=250).isoformat()]
                times.append(moment.replace(tzinfo=dt.timezone(dt.timedelta(hours=-5))).isoformat())
    odd = ["2024-05-01", "2024-05-01 09:15", "2024-05-01T09:15:00Z", "2024-05-01T09:15:00z",
           "1996-10-27T03:30:00", "2024-05-01T09:15:00 ", "2024-13-01T09:15:00", "вчера", "",
           None,
           # the last year the SQL reads a naive time of, and later ones (``page_instant``)
           "2099-03-29T04:30:00", "2099-10-25T03:30:00", "2100-07-01T12:00:00",
           "2150-10-25T03:30:00"]  # fmt: skip
    return [*times, *odd]


def test_the_sort_s_instant_in_sql_is_page_instant() -> None:
    """``site_clock.instant_sql`` (the sort's key, computed by SQLite) reads every time as
    ``page_instant`` does, Sofia's clock changes and the values left to it included."""
    import sqlite3

    from newsarchive.archive.connection import add_functions
    from newsarchive.site_clock import instant_sql, page_instant

    conn = sqlite3.connect(":memory:")
    add_functions(conn)
    conn.execute("CREATE TABLE t (published TEXT)")
    times = _stored_times()
    conn.executemany("INSERT INTO t VALUES (?)", [(t,) for t in times])
    read = [row[0] for row in conn.execute(f"SELECT {instant_sql('published')} FROM t")]
    for time, instant in zip(times, read, strict=True):
        expected = page_instant(time)
        assert (instant is None) == (expected is None), time
        # (to the millisecond, as the sort keys them: one instant, one key)
        assert (
            expected is None
            or instant == round(expected, 3)
            or (
                len(time) in (26, 32) and abs(instant - expected) <= 0.001  # (microseconds)
            )
        ), time


def test_one_instant_stored_naive_and_with_its_offset_is_one_sort_key() -> None:
    """The sort's last key (the id) orders articles of one instant only if their keys are
    equal: ``julianday``'s arithmetic gave a naive time and the same time with its offset
    keys some microseconds apart, in 8,559 of 20,000 random pairs."""
    import datetime as dt
    import random
    import sqlite3

    from newsarchive.archive.connection import add_functions
    from newsarchive.site_clock import SITE_ZONE, instant_sql

    conn = sqlite3.connect(":memory:")
    add_functions(conn)
    conn.execute("CREATE TABLE t (naive TEXT, offset TEXT)")
    chance = random.Random(7)
    pairs = []
    for _ in range(2000):
        moment = dt.datetime(2026, 1, 1) + dt.timedelta(seconds=chance.randrange(365 * 86400))
        timed = moment.replace(tzinfo=SITE_ZONE)
        if timed.astimezone(dt.UTC).astimezone(SITE_ZONE).replace(tzinfo=None) != moment:
            continue  # (the hour that does not exist in March)
        pairs.append((moment.isoformat(), timed.isoformat()))
    conn.executemany("INSERT INTO t VALUES (?, ?)", pairs)
    query = f"SELECT naive, {instant_sql('naive')} - {instant_sql('offset')} FROM t"
    assert [naive for naive, apart in conn.execute(query) if apart != 0] == []


def test_the_sort_s_summer_time_is_the_python_rule_s(monkeypatch: pytest.MonkeyPatch) -> None:
    """The SQL reads a naive time's summer time from the one EU rule in Python
    (``site_clock._clocks_change``), not from a second copy of it written in SQL: with
    the rule changed (clocks said to change on the month's first Sunday, at 03:00 UTC),
    the SQL follows it, as ``from_site_clock`` does."""
    import calendar
    import datetime as dt
    import sqlite3

    from newsarchive import site_clock
    from newsarchive.archive.connection import add_functions

    def first_sunday(year: int, month: int) -> dt.datetime:
        first = dt.date(year, month, 1)
        sunday = first + dt.timedelta(days=(calendar.SUNDAY - first.weekday()) % 7)
        return dt.datetime(sunday.year, sunday.month, sunday.day, 3, tzinfo=dt.UTC)

    monkeypatch.setattr(site_clock, "_clocks_change", first_sunday)
    conn = sqlite3.connect(":memory:")
    add_functions(conn)
    conn.execute("CREATE TABLE t (published TEXT)")
    times = [
        (dt.datetime(year, month, 1) + dt.timedelta(hours=hour, minutes=30)).isoformat()
        for year in (1997, 2026, 2099)
        for month in (3, 10)
        for hour in range(8 * 24)
    ]
    conn.executemany("INSERT INTO t VALUES (?)", [(t,) for t in times])
    read = [row[0] for row in conn.execute(f"SELECT {site_clock.instant_sql('published')} FROM t")]
    for time, instant in zip(times, read, strict=True):
        moment = site_clock.from_site_clock(dt.datetime.fromisoformat(time), zone=None)
        assert instant == round(moment.timestamp(), 3), time


def test_sort_newest_calls_no_python_for_stored_times(run_cli: Cli, db: Path) -> None:
    """The newest and oldest sort called ``newsarchive_instant`` (Python) for every
    sorted row; a time as the archive stores it is read in SQL (``instant_sql``)."""
    import sqlite3

    from newsarchive.archive.connection import add_functions
    from newsarchive.archive.query import parse_query
    from newsarchive.archive.search import SearchOptions, search_page
    from newsarchive.site_clock import page_instant

    build(run_cli, db, SAME_DAY)
    conn = sqlite3.connect(db)
    add_functions(conn)
    called: list[str | None] = []
    conn.create_function(
        "newsarchive_instant", 1, lambda value: called.append(value) or page_instant(value)
    )
    try:
        for sort in ("newest", "oldest"):
            for collapse in (False, True):
                options = SearchOptions(sort=sort, collapse=collapse)
                hits, _ = search_page(conn, parse_query("съвет"), options)
                assert len(hits) == 7
    finally:
        conn.close()
    assert called == []


# --- parentheses ----------------------------------------------------------------------


def test_parentheses_group(run_cli: Cli, db: Path) -> None:
    build(run_cli, db)  # "общината": 1 only; бюджет + министерството: 5
    assert set(ids(search(run_cli, db, '"общината" OR (бюджет министерството)'))) == {1, 5}
    assert set(ids(search(run_cli, db, '("общината" OR бюджет) министерството'))) == {5}
    assert set(ids(search(run_cli, db, "община -(парк OR Русе)"))) == {5}
    hit = search(run_cli, db, "(парк OR мача) града").json()[0]  # type: ignore[index]
    assert hit["id"] == 3 and "**парк**" in hit["snippet"]
    for bad in ("(община парк", "община)", "община ()", "(site:bta община)"):
        assert "parenthes" in one_error_line(search(run_cli, db, bad)) or "(...)" in (
            one_error_line(search(run_cli, db, bad))
        )
    assert ids(search(run_cli, db, '"(бюджет)"')) == [5]  # quoted, brackets are text


# --- "N of M" -------------------------------------------------------------------------


def test_limit_says_how_many_matched(run_cli: Cli, db: Path) -> None:
    build(run_cli, db)
    table = run_cli("search", "община", "-n", "2", "--db", str(db))
    assert table.exit_code == 0
    assert table.stderr.strip() == "2 of 4 matches shown (raise --limit for more)"
    hits = search(run_cli, db, "община", "-n", "2")
    assert isinstance(hits.json(), list) and len(ids(hits)) == 2
    assert [h["total"] for h in hits.json()] == [4, 4]  # type: ignore[union-attr]
    assert "2 of 4" in hits.stderr
    whole = run_cli("search", "община", "--db", str(db))
    assert whole.exit_code == 0 and whole.stderr == ""  # nothing was cut


def test_default_limit_cut_is_reported(run_cli: Cli, db: Path) -> None:
    records = [
        {"site": "bta", "url": f"https://www.bta.bg/m{i}", "title": f"Новина {i}",
         "published": "2024-01-01", "text": "Общината обяви."}
        for i in range(25)
    ]  # fmt: skip
    build(run_cli, db, records)
    result = run_cli("search", "община", "--format", "csv", "--db", str(db))
    assert result.exit_code == 0
    assert result.stderr.strip() == "20 of 25 matches shown (raise --limit for more)"
    assert result.stdout.splitlines()[0] == "id,site,url,title,published,snippet,score"


def test_the_command_the_api_and_the_web_page_share_one_default_limit(
    run_cli: Cli, db: Path
) -> None:
    records = [
        {"site": "bta", "url": f"https://www.bta.bg/m{i}", "title": f"Новина {i}",
         "published": "2024-01-01", "text": "Общината обяви."}
        for i in range(SEARCH_LIMIT + 5)
    ]  # fmt: skip
    build(run_cli, db, records)
    shown = run_cli("search", "община", "--format", "json", "--db", str(db))
    assert len(ids(shown)) == SEARCH_LIMIT
    assert len(api.search(db, "община")) == SEARCH_LIMIT
    assert pages.PAGE_SIZE == SEARCH_LIMIT
    helped = run_cli("search", "--help")
    assert f"[default: ({SEARCH_LIMIT})]" in helped.stdout


# --- unknown sites --------------------------------------------------------------------


@pytest.mark.parametrize("args", [("община", "--site", "nope"), ("община site:nope",)])
def test_unknown_site_is_one_line_exit_2(run_cli: Cli, db: Path, args: tuple[str, ...]) -> None:
    build(run_cli, db)
    line = one_error_line(search(run_cli, db, *args))
    assert "unknown site 'nope'" in line and "bta" in line
    count = run_cli("search", *args, "--count", "--db", str(db))
    assert one_error_line(count) == line
    out = db.with_name("out.jsonl")
    export = run_cli("export", "--site", "nope", "--out", str(out), "--db", str(db))
    assert "unknown site 'nope'" in one_error_line(export)
    assert not out.exists()


def test_a_profile_site_without_articles_is_not_unknown(run_cli: Cli, db: Path) -> None:
    build(run_cli, db, [ARTICLES[0]])  # bta only
    result = search(run_cli, db, "община", "--site", "nsorb")
    assert result.exit_code == 0 and result.json() == []


# --- options and query filters together -----------------------------------------------


def test_since_option_and_since_in_the_query_both_apply(run_cli: Cli, db: Path) -> None:
    build(run_cli, db)  # община: 1 (2024), 2 (2023), 3 (2022), 5 (2020)
    assert set(ids(search(run_cli, db, "община since:2021-01-01", "--since", "2023-01-01"))) == {
        1,
        2,
    }
    assert set(ids(search(run_cli, db, "община since:2023-01-01", "--since", "2021-01-01"))) == {
        1,
        2,
    }
    assert set(ids(search(run_cli, db, "община until:2023-12-31", "--since", "2022-01-01"))) == {
        2,
        3,
    }
    assert set(ids(search(run_cli, db, "община site:bta,nsorb", "--site", "nsorb"))) == {5}
    line = one_error_line(search(run_cli, db, "община site:bta", "--site", "nsorb"))
    assert "no site in common" in line


# --- narrow terminals -----------------------------------------------------------------


def test_stats_at_60_columns_keeps_site_ids_whole(
    run_cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(run_cli, db)
    monkeypatch.setenv("COLUMNS", "60")
    result = run_cli("stats", "--db", str(db))
    assert result.exit_code == 0
    for site in ("bta", "nsorb", "ruse-bg", "ruse24"):
        assert any(line.strip() == site for line in result.stdout.splitlines()), result.stdout
    assert "…" not in result.stdout.replace(" … ", "")
    assert max(len(line) for line in result.stdout.splitlines()) <= 60


def test_search_table_keeps_urls_whole(
    run_cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = "https://www.bta.bg/bg/news/bulgaria/812345-obshtinata-remontira-ulitsite-v-tsentara"
    build(run_cli, db, [{**ARTICLES[0], "url": url}])
    monkeypatch.setenv("COLUMNS", "60")
    result = run_cli("search", "община", "--db", str(db))
    assert result.exit_code == 0
    assert url in [line.strip() for line in result.stdout.splitlines()]


# --- output that cannot be written ----------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", [("export",), ("search", "община", "-f", "json")])
def test_writing_to_a_full_device_is_one_line_exit_74(
    run_cli: Cli, db: Path, command: tuple[str, ...]
) -> None:
    build(run_cli, db, [{**ARTICLES[0], "url": f"{ARTICLES[0]['url']}{i}"} for i in range(300)])
    env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "newsarchive", *command, "--db", str(db)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            check=False,
        )
    assert done.returncode == 74, done.stderr
    assert done.stderr == "newsarchive: error: cannot write output: No space left on device\n"


@pytest.mark.parametrize(
    "command", [("search", "община"), ("search", "община", "-f", "json"), ("show", "1"), ("sites",)]
)
def test_an_output_encoding_without_cyrillic_is_one_line_exit_74(
    run_cli: Cli, db: Path, command: tuple[str, ...]
) -> None:
    """PYTHONIOENCODING=ascii (or a Latin-1 terminal) was "internal error:
    UnicodeEncodeError", exit 70; it is a setting the user can change, and the line says
    which."""
    build(run_cli, db)
    env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsarchive",
            *command,
            *(() if command == ("sites",) else ("--db", str(db))),
        ],
        capture_output=True,
        env={**env, "PYTHONIOENCODING": "ascii"},
        check=False,
    )
    assert done.returncode == 74, done.stderr
    stderr = done.stderr.decode("ascii")
    assert stderr.count("\n") == 1 and "Traceback" not in stderr, stderr
    assert stderr.startswith("newsarchive: error: cannot write output: its encoding (ascii) has no")
    assert stderr.endswith("set PYTHONIOENCODING=utf-8 or a UTF-8 locale (LC_ALL=C.UTF-8)\n")
