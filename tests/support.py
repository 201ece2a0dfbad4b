"""Helpers shared by tests: fixture locations and the CLI result type."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

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
