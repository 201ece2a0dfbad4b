"""Helpers shared by tests: fixture locations and the CLI result type."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from newsarchive.cli import app

FIXTURES = Path(__file__).parent / "fixtures"
SITES = FIXTURES / "sites"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


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
