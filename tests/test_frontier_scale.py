"""A nightly run's frontier queries read the rows still to do, not the site's whole
history: a year of a news agency leaves ~55,000 rows marked done, and ``pending`` (asked
several times a run) and ``backlog`` read each of them every night before the index was
sought by state (``bench/crawl_bench.py --archive-rows``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from newsarchive.archive.connection import connect
from newsarchive.archive.frontier import Frontier
from newsarchive.models import Candidate

QUEUED = [f"https://t.example/novini/{n}-nova-statiya" for n in range(5)]


def _archive(path: Path, done: int) -> sqlite3.Connection:
    """An archive whose site ``t`` has ``done`` fetched frontier rows and five queued."""
    conn = connect(path, create=True)
    with conn:
        conn.executemany(
            "INSERT INTO frontier (url_key, url, site, source, state, attempts, added_at)"
            " VALUES (?, ?, 't', 'feed', 'done', 1, '2026-01-01T00:00:00+00:00')",
            ((f"t.example/arhiv/{n}", f"https://t.example/arhiv/{n}") for n in range(done)),
        )
    Frontier(conn, "t").queue(Candidate(url, "t", "feed", None) for url in QUEUED)
    return conn


def _traced(conn: sqlite3.Connection, run: Callable[[], object]) -> tuple[object, list[str]]:
    """What ``run()`` returned and the SELECTs it made, with their values bound."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    try:
        result = run()
    finally:
        conn.set_trace_callback(None)
    return result, [sql for sql in seen if sql.lstrip().upper().startswith("SELECT")]


def _steps(conn: sqlite3.Connection, run: Callable[[], object]) -> int:
    """SQLite's virtual-machine steps ``run()`` took (counted by a progress handler, in
    hundreds): how much it read, not how long it took."""
    count = [0]

    def tick() -> int:
        count[0] += 1
        return 0

    conn.set_progress_handler(tick, 100)
    try:
        run()
    finally:
        conn.set_progress_handler(None, 0)
    return count[0]


def test_pending_and_backlog_seek_the_index_by_state(tmp_path: Path) -> None:
    conn = _archive(tmp_path / "a.db", 50)
    frontier = Frontier(conn, "t")
    frontier.open_retries()
    for run in (frontier.pending, frontier.backlog):
        _, selects = _traced(conn, run)
        assert selects
        for sql in selects:
            plan = " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert "frontier_state (site=? AND state=?)" in plan, (sql, plan)


def test_a_years_done_rows_are_not_read_each_night(tmp_path: Path) -> None:
    small = _archive(tmp_path / "small.db", 0)
    large = _archive(tmp_path / "large.db", 20_000)
    read: dict[str, list[int]] = {}
    for conn in (small, large):
        frontier = Frontier(conn, "t")
        frontier.open_retries()
        assert sorted(frontier.pending()) == sorted(QUEUED)  # the same answer either way
        assert frontier.backlog() == 0
        for name, run in (("pending", frontier.pending), ("backlog", frontier.backlog)):
            read.setdefault(name, []).append(_steps(conn, run))
    for name, (few, many) in read.items():
        # (reading 20,000 rows is hundreds of thousands of steps; the five queued, a few)
        assert many <= few + 5, (name, few, many)
