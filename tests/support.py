"""Helpers shared by tests: fixture locations and the CLI result type."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

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


def invoke_cli(*args: str, input: str | None = None) -> Result:
    """The real CLI run in this process, as the ``run_cli`` fixture runs it (which also
    isolates the environment: a module-scoped fixture does that itself)."""
    result = CliRunner().invoke(app, list(args), input=input, catch_exceptions=False)
    return Result(result.exit_code, result.stdout, result.stderr)
