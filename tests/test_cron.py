"""The README's cron line as a cron admin lives with it: what a night leaves in the log and
on stderr (which cron mails), and its exit code, when the run overlaps the one before."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.archive.lock import CrawlLock
from newsarchive.mirror import MirrorServer

from .support import Result


def test_a_night_refused_by_the_lock_says_so_in_its_log_and_since_when(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """The second of two overlapping runs exits 75 with one line on stderr, but left no
    trace in ``--log-file``: the log read the next morning showed one run and no word of
    the night that crawled nothing. The line also says since when the other run holds
    the archive (a run still going the next night is something to look at)."""
    db, log = tmp_path / "a.db", tmp_path / "crawl.log"
    log.write_text("an earlier night's line\n", encoding="utf-8")
    with CrawlLock(db):
        result = run_cli(
            "crawl", "bta", "--base-url", "http://127.0.0.1:9", "--quiet",
            "--log-file", str(log), "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 75, result.stderr
    assert result.stdout == ""
    said = result.stderr.splitlines()
    assert len(said) == 1 and f"another crawl (pid {os.getpid()}, since 20" in said[0], said
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "an earlier night's line" and len(lines) == 2, lines
    assert " refused: another crawl (pid " in lines[1], lines
    assert lines[1].endswith("; try later (exit status 75)"), lines


def _crawl(run_cli: Callable[..., Result], url: str, db: Path, *extra: str) -> Result:
    return run_cli(
        "crawl", "bta", "--base-url", url, "--delay", "0", "--quiet", *extra, "--db", str(db)
    )


def _age_runs(db: Path, days: int) -> None:
    """The runs so far as if they had been made ``days`` days ago (a clock in a test
    cannot wait a week)."""
    then = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="seconds")
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE runs SET started_at = ?, finished_at = ?", (then, then))


def test_a_site_that_archives_nothing_new_for_days_is_loud_only_when_asked(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    """A site that changed its addresses so no link is recognised, or stopped publishing,
    answers 200 and 304 every night: nothing failed, the quiet cron run said nothing, and
    nobody noticed the archive had stopped growing. ``--warn-idle DAYS`` says so on
    stderr and in the log, and exits 1; a night with nothing new is still silent."""
    server = mirror("bta")
    db, log = tmp_path / "cron.db", tmp_path / "crawl.log"
    first = _crawl(run_cli, server.url, db)
    assert (first.exit_code, first.stdout, first.stderr) == (0, "", "")
    quiet = _crawl(run_cli, server.url, db, "--warn-idle", "7")  # nothing new, yet not idle
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    _age_runs(db, 10)
    day = (dt.datetime.now(dt.UTC) - dt.timedelta(days=10)).date().isoformat()
    idle = _crawl(run_cli, server.url, db, "--warn-idle", "7", "--log-file", str(log))
    assert idle.exit_code == 1 and idle.stdout == "", idle.stderr
    assert idle.stderr == (
        f"newsarchive: bta: warning: no new article archived in 7 days (the last on {day}):"
        " the site may have stopped publishing, or changed so its news are no longer found:"
        " run 'newsarchive check-site bta'\n"
    )
    logged = log.read_text(encoding="utf-8").splitlines()
    assert logged[-1].endswith(idle.stderr.removeprefix("newsarchive:").rstrip("\n")), logged
    assert logged[-2].split(" ", 1)[1].startswith("summary bta: 0 new"), logged
    # not asked, or asked for a longer silence than there was: as quiet as before
    for extra in ((), ("--warn-idle", "30")):
        again = _crawl(run_cli, server.url, db, *extra)
        assert (again.exit_code, again.stdout, again.stderr) == (0, "", ""), extra


def test_why_a_site_failed_is_in_the_log_not_only_in_crons_mail(
    run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log held each request's status and the summary's "1 failed", but the reason
    ("cannot be reached") went to stderr alone: lost with the mail."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0")
    db, log = tmp_path / "cron.db", tmp_path / "crawl.log"
    failed = _crawl(run_cli, "http://127.0.0.1:9", db, "--log-file", str(log))
    assert failed.exit_code == 1 and failed.stdout == ""
    said = failed.stderr.splitlines()
    assert len(said) == 1 and "cannot be reached" in said[0], said
    logged = log.read_text(encoding="utf-8").splitlines()
    assert logged[-1].split(" ", 1)[1] == said[0].removeprefix("newsarchive: "), logged


def test_a_night_that_meets_a_reextract_names_it_not_another_crawl(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """import-jsonl, import-warc and reextract hold the same lock: the nightly crawl that
    met a colleague's reextract said "another crawl (pid …)"."""
    db = tmp_path / "a.db"
    with CrawlLock(db, "reextract"):
        result = run_cli("crawl", "bta", "--base-url", "http://127.0.0.1:9", "--db", str(db))
    assert result.exit_code == 75
    assert f"newsarchive: error: another reextract (pid {os.getpid()}, since " in result.stderr
