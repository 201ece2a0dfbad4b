"""Shared fixtures: a real HTTP server on 127.0.0.1 serving the fixture mirrors, a CLI runner."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .support import SITES, Result, invoke_cli


@pytest.fixture
def run_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., Result]:
    """Invoke the real CLI in-process with an isolated config dir and no $NEWSARCHIVE_DB."""
    monkeypatch.delenv("NEWSARCHIVE_DB", raising=False)
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(tmp_path / "no-user-profiles"))
    return invoke_cli


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
