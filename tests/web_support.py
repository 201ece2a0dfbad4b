"""Helpers for the web tests: requests through Datasette's ASGI client, and a real
``newsarchive serve`` process."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def fetch(ds: Any, *paths: str) -> list[Any]:
    """GET each path in order through the app (no network); returns the responses."""

    async def run() -> list[Any]:
        await ds.invoke_startup()
        return [await ds.client.get(path) for path in paths]

    return asyncio.run(run())


@dataclass
class Serving:
    """A running ``newsarchive serve``: its base URL, and once it stopped, what it printed
    on its terminal after the first line (where a traceback would show)."""

    url: str
    rest: str = ""


@contextmanager
def serving(
    db: Path,
    *extra: str,
    run_as: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
) -> Iterator[Serving]:
    """Run ``newsarchive serve`` on a free port until the block ends (SIGTERM, as
    systemd stops it); ``run_as``: the command's prefix that runs it as another user
    (``setpriv ...``), with that user's ``env`` and ``cwd``."""
    if env is None:
        env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"}
    proc = subprocess.Popen(
        [*run_as, sys.executable, "-m", "newsarchive", "serve", "--db", str(db), "--port", "0",
         *extra],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=cwd,
    )  # fmt: skip
    assert proc.stderr is not None
    try:
        line = proc.stderr.readline()  # "newsarchive: serving X at URL (Ctrl-C stops)"
        assert " at http://" in line, line + proc.stderr.read()
        run = Serving(line.split(" at ", 1)[1].split()[0].rstrip("/"))
        yield run
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        rest = proc.stderr.read()
        proc.stderr.close()
    run.rest = rest


@contextmanager
def served(db: Path, *extra: str) -> Iterator[str]:
    """Run ``newsarchive serve`` on a free port; yields its base URL."""
    with serving(db, *extra) as run:
        yield run.url
