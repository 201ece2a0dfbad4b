"""Shared fixtures: a real HTTP server on 127.0.0.1 serving the fixture mirrors, a CLI runner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsarchive.cli import app
from newsarchive.mirror import MirrorServer

from .support import SITES, Result


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Result]:
    """Invoke the real CLI in-process with an isolated config dir and no $NEWSARCHIVE_DB."""
    monkeypatch.delenv("NEWSARCHIVE_DB", raising=False)
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(tmp_path / "no-user-profiles"))
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        result = runner.invoke(app, list(args), input=input, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return invoke


@pytest.fixture
def mirror() -> Iterator[Callable[[str], MirrorServer]]:
    """Start a mirror server for a site directory under tests/fixtures/sites."""
    servers: list[MirrorServer] = []

    def start(site: str) -> MirrorServer:
        server = MirrorServer(SITES / site).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "archive.db"
