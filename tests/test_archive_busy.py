"""Another program holding the archive's write lock (a sqlite3 shell with a transaction
open) past SQLite's wait is "try later" (exit 75) for every writer, in one line, with
nothing archived lost: it was an internal error (70) in a crawl and reextract, and a bad
input (2) in an import."""

from __future__ import annotations

import json
import shutil
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from newsarchive.archive import connection
from newsarchive.archive.connection import add_functions
from newsarchive.archive.schema import MIGRATIONS, SCHEMA_VERSION
from newsarchive.mirror import MirrorServer

from .support import FIXTURES, Result


@contextmanager
def _held(db: Path) -> Iterator[None]:
    """A write transaction kept open, as a sqlite3 shell's BEGIN leaves it."""
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO lemma_vocab (form, lemma) VALUES ('зззз', 'зззз')")
    try:
        yield
    finally:
        other.execute("ROLLBACK")
        other.close()


def _articles(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id, url, title, text FROM articles ORDER BY id").fetchall()


@pytest.fixture
def crawled(
    run_cli: Callable[..., Result],
    mirror: Callable[[str], MirrorServer],
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> tuple[Path, str]:
    server = mirror("bta")
    first = run_cli("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    assert first.exit_code == 0, first.stderr
    monkeypatch.setattr(connection, "BUSY_WAIT_S", 1)  # SQLite's wait, not the test's
    return db, server.url


@pytest.mark.parametrize(
    "args",
    [("crawl", "bta", "--delay", "0"), ("import-jsonl", "-"), ("reextract",)],
    ids=lambda args: args[0],
)
def test_a_write_lock_held_by_another_program_is_exit_75(
    run_cli: Callable[..., Result], crawled: tuple[Path, str], args: tuple[str, ...]
) -> None:
    db, url = crawled
    before = _articles(db)
    record = {"site": "bta", "url": "https://www.bta.bg/bg/news/1-x", "title": "Т", "text": "т"}
    extra = ("--base-url", url) if args[0] == "crawl" else ()
    with _held(db):
        result = run_cli(*args, *extra, "--db", str(db), input=json.dumps(record) + "\n")
    assert result.exit_code == 75, (result.exit_code, result.stderr)
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith("newsarchive: error: ") and "another program kept the archive" in line
    assert "internal error" not in line
    assert _articles(db) == before
    again = run_cli(*args, *extra, "--db", str(db), input=json.dumps(record) + "\n")
    assert again.exit_code == 0, again.stderr


@pytest.mark.parametrize(
    "args", [("search", "община"), ("show", "1"), ("stats",), ("export",)], ids=lambda a: a[0]
)
def test_a_read_command_meeting_a_held_write_lock_is_75_as_its_help_says(
    run_cli: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
) -> None:
    """A read command upgrades an older release's archive once, a write: another program
    holding the write lock past the wait made it exit 75 ("try later"), as a writer
    does, while its help named 0, 2, 70 and 74 only."""
    said = " ".join(run_cli(args[0], "--help").stdout.replace("│", " ").split())
    assert "75 when another program kept the archive locked for writing" in said, said
    db = tmp_path / "older.db"
    shutil.copy(FIXTURES / "archives" / "v14-judged.db", db)
    monkeypatch.setattr(connection, "BUSY_WAIT_S", 1)  # SQLite's wait, not the test's
    with _held(db):
        result = run_cli(*args, "--db", str(db))
    assert result.exit_code == 75, (result.exit_code, result.stderr)
    # (the upgrade said first, as it began; then why it could not be made)
    [upgrading, line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert "written by an older release (schema v14): upgrading it to" in upgrading, upgrading
    assert line.startswith("newsarchive: error: ") and "another program kept the archive" in line
    assert f"cannot upgrade archive {db} from schema v14" in line, line
    assert result.stdout == ""
    again = run_cli(*args, "--db", str(db))  # the lock let go: upgraded, and read
    assert again.exit_code == 0, again.stderr


@pytest.mark.parametrize("args", [("search", "община"), ("stats",)], ids=lambda a: a[0])
def test_a_reader_meeting_a_writer_mid_transaction_waits_then_is_75_not_a_blind_read(
    run_cli: Callable[..., Result], crawled: tuple[Path, str], args: tuple[str, ...]
) -> None:
    """On a rollback-journal archive (a copy set so with the sqlite3 shell) a writer's
    exclusive lock means pages are going into the main file. A reader gave up after 5 s
    and opened the file immutable, which ignores locks: it read what half a transaction
    had written, and exited 0. It now waits as writers do, then says "try later"."""
    db, _ = crawled
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE articles SET title = 'наполовина' WHERE id = 1")
    try:
        result = run_cli(*args, "--db", str(db))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 75, (result.exit_code, result.stderr)
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith("newsarchive: error: cannot read the archive: another program")
    assert result.stdout == ""
    again = run_cli(*args, "--db", str(db))
    assert again.exit_code == 0, again.stderr


def test_serve_meeting_a_writer_mid_transaction_is_75_as_its_help_says(
    run_cli: Callable[..., Result], crawled: tuple[Path, str]
) -> None:
    """serve reads the archive's schema before it serves, as search does: on a
    rollback-journal archive whose writer holds its lock past the wait it exits 75
    ("try later"), which its help did not name."""
    said = " ".join(run_cli("serve", "--help").stdout.replace("│", " ").split())
    assert "75 when another program kept the archive locked for writing" in said, said
    db, _ = crawled
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = run_cli("serve", "--port", "0", "--db", str(db))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 75, (result.exit_code, result.stderr)
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith("newsarchive: error: cannot read the archive: another program")


def test_one_busy_wait_for_a_writer_and_a_reader(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``BUSY_WAIT_S`` is each connection's busy timeout, set at the open and kept for
    every later statement: the writer's and a command's reader's alike."""
    monkeypatch.setattr(connection, "BUSY_WAIT_S", 2)
    db = tmp_path / "a.db"
    writer = connection.connect(db, create=True)
    try:
        assert writer.execute("PRAGMA busy_timeout").fetchone() == (2000,)
    finally:
        writer.close()
    reader = connection.connect_reader(db)
    try:
        assert reader.execute("PRAGMA busy_timeout").fetchone() == (2000,)
    finally:
        reader.close()


def _upgrading_beside(db: Path, steps: list[float], taken: threading.Event) -> None:
    """Another newsarchive upgrading ``db`` step by step, as ``ensure_schema`` does: each
    step holds the write lock for its seconds in ``steps``, then commits the next version;
    the next step takes the lock again at once."""
    other = sqlite3.connect(db, isolation_level=None, timeout=10)
    add_functions(other)
    version = int(other.execute("PRAGMA user_version").fetchone()[0])
    migrations = dict(MIGRATIONS)
    other.execute("BEGIN IMMEDIATE")
    taken.set()
    for held in steps:
        time.sleep(held)
        version += 1
        migrations[version](other)
        other.execute(f"PRAGMA user_version = {version}")
        other.execute("COMMIT")
        other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    other.close()


@pytest.mark.parametrize(
    ("steps", "code", "said"),
    [
        # each step shorter than the wait, the whole upgrade longer: it waits it out
        ([0.2, 0.9, 0.6], 0, ""),
        # a step longer than the wait after the other moved: the other named, not a shell
        # (four times the wait: on a loaded machine the command may meet it late)
        ([0.2, 4.0], 75, "another newsarchive command is upgrading it (at schema v15 now)"),
    ],
    ids=["waits-while-it-moves", "a-step-too-long"],
)
def test_a_command_meeting_another_upgrading_the_archive_waits_while_it_moves(
    run_cli: Callable[..., Result],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    steps: list[float],
    code: int,
    said: str,
) -> None:
    """Two commands started on an older release's archive both upgrade it: the second
    waited ``BUSY_WAIT_S`` once and exited 75 blaming "a transaction left open in a sqlite3
    shell" while the first was moving from step to step; its wait now starts again each
    time a step is committed."""
    db = tmp_path / "older.db"
    shutil.copy(FIXTURES / "archives" / "v14-judged.db", db)
    monkeypatch.setattr(connection, "BUSY_WAIT_S", 1)  # SQLite's wait, not the test's
    taken = threading.Event()
    other = threading.Thread(target=_upgrading_beside, args=(db, steps, taken))
    other.start()
    try:
        assert taken.wait(10)
        result = run_cli("stats", "--db", str(db))
    finally:
        other.join()
    assert result.exit_code == code, (result.exit_code, result.stderr)
    if code:
        [_, line] = [line for line in result.stderr.splitlines() if line.strip()]
        assert line.startswith("newsarchive: error: ") and said in line, line
        assert "sqlite3 shell" not in line, line
    again = run_cli("stats", "--db", str(db))  # resumed from the other's last step
    assert again.exit_code == 0, again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
