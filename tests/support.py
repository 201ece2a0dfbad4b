"""Helpers shared by tests: fixture locations and the CLI result type."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import time_machine
import typer
from typer.testing import CliRunner

from newsarchive.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
SITES = FIXTURES / "sites"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"
# The day the offline mirrors (``SITES``) were fetched: every test's clock starts there
# (``on_snapshot_day``). Their articles are dated up to late November 2026.
SNAPSHOT_DAY = dt.datetime(2026, 12, 5, 10, 0, tzinfo=dt.UTC)


def on_snapshot_day() -> contextlib.AbstractContextManager[object]:
    """This process's clock (``datetime.now``, ``date.today``, ``time.time``) set to
    ``SNAPSHOT_DAY`` and ticking on from there, for a test (conftest's autouse
    ``snapshot_clock``) or a module-scoped fixture crawling a mirror, which a test's
    fixture comes too late for. A mirror is a snapshot of its site on that day, its
    articles dated the week before and some of its pages naming events months ahead (a
    theatre's programme for March 2027, a sitemap's <lastmod> a year on), which a crawl
    judges against "now" (a date after today is no publication date): on the real clock
    the suite's verdicts would change as the months pass. Ticking, so elapsed time is
    real (timeouts, Retry-After waits; ``time.monotonic`` and ``time.sleep`` are not
    moved at all). Not pinned: subprocesses (a CLI or server spawned), OpenSSL's
    certificate check and the file system's times, which keep the real clock."""
    return time_machine.travel(SNAPSHOT_DAY, tick=True)


@dataclass
class Result:
    """What a CLI run left behind: exit code and the two streams, kept apart."""

    exit_code: int
    stdout: str
    stderr: str

    def json(self) -> object:
        return json.loads(self.stdout)


@cache
def _command() -> typer.core.TyperCommand | typer.core.TyperGroup:
    """The CLI as Click runs it, built once per test process. ``CliRunner.invoke`` builds
    it again on every call (every command's signature read and its annotations
    evaluated: some 30 ms of CPU), a tenth of the whole suite's time over its thousands
    of runs; ``newsarchive`` itself builds it once per process, as here."""
    command = typer.main.get_command(app)
    assert isinstance(command, typer.core.TyperCommand | typer.core.TyperGroup)
    return command


def invoke_cli(*args: str, input: str | None = None) -> Result:
    """The real CLI run in this process, as the ``run_cli`` fixture runs it (which also
    isolates the environment: a module-scoped fixture does that itself). What
    ``CliRunner.invoke(app, args, catch_exceptions=False)`` does, on the one command."""
    runner = CliRunner()
    command = _command()
    with runner.isolation(input=input) as (stdout, stderr, _):
        try:
            command.main(args=list(args), prog_name=runner.get_default_prog_name(command))
            code = 0
        except SystemExit as exc:
            code = 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 1
            if not isinstance(exc.code, int | None):
                sys.stdout.write(f"{exc.code}\n")
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
            out, err = stdout.getvalue(), stderr.getvalue()  # (closed when isolation ends)
    return Result(code, _text(out, runner), _text(err, runner))


def _text(data: bytes, runner: CliRunner) -> str:
    return data.decode(runner.charset, "replace").replace("\r\n", "\n")


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "400k") -> Iterator[Path]:
    """A file system of ``size`` (a tmpfs) mounted at ``folder``, made here, for a full
    disk's tests: root only, skipped elsewhere; unmounted after, whatever happened."""
    folder.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)]
    if os.geteuid() != 0 or subprocess.run(mount, check=False, capture_output=True).returncode:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def counted_normalizations(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every address ``urls._normal`` reads from now on, listed as it is asked: the normal
    form's own work, below each memo, for a test counting how often a link is read."""
    from newsarchive.discover import urls

    calls: list[str] = []
    normal = urls._normal

    def counted(url: str, base: str | None = None) -> str | None:
        calls.append(url)
        return normal(url, base)

    monkeypatch.setattr(urls, "_normal", counted)
    return calls
