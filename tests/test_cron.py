"""The README's cron line as a cron admin lives with it: what a night leaves in the log and
on stderr (which cron mails), and its exit code, when the run overlaps the one before."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from newsarchive.archive.lock import CrawlLock

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
