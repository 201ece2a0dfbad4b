"""What ``bench/torture_bench.py`` found, each pinned at the moment it happens.

The harness kills crawls at random moments, starts two at once and reads while one
writes; these tests stop a crawl (or the archive) exactly where a trial failed.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from .support import Result


@pytest.mark.parametrize("command", [("search", "бюджет"), ("export",), ("stats",)])
def test_a_read_while_the_first_crawl_creates_the_archive_says_it_is_not_there_yet(
    run_cli: Callable[..., Result], db: Path, command: tuple[str, ...]
) -> None:
    """A first crawl creates the file (WAL) a moment before it commits the schema; a
    search in that moment was told the file "is not a newsarchive archive", as if it
    were some other program's database."""
    creating = sqlite3.connect(db, isolation_level=None)
    try:
        creating.execute("PRAGMA journal_mode = WAL")
        creating.execute("BEGIN IMMEDIATE")
        creating.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")  # not committed
        result = run_cli(*command, "--db", str(db))
    finally:
        creating.close()
    assert result.exit_code != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "not a newsarchive archive" not in result.stderr
    assert f"no archive at {db} yet" in result.stderr
