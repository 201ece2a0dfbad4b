"""Shared fixtures: a real HTTP server on 127.0.0.1 serving the fixture mirrors, a CLI runner,
and the snapshot's clock every test runs on."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .support import SITES, Result, invoke_cli, on_snapshot_day

# The fixtures hold no tests: some 3,600 folders and 11,000 files of mirrors and pages,
# which collection would otherwise walk in every worker (1.5 s of CPU each of its 5 s).
collect_ignore = ["fixtures"]


@pytest.fixture(autouse=True)
def snapshot_clock(request: pytest.FixtureRequest) -> Iterator[None]:
    """Every test runs on the day the mirrors were fetched (``on_snapshot_day``), so the
    suite passes next year as it does today; one marked ``real_clock`` keeps the real
    clock (what it compares this process's "now" with does too: a subprocess's, a
    file's time)."""
    if request.node.get_closest_marker("real_clock"):
        yield
        return
    with on_snapshot_day():
        yield


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
