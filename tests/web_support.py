"""Helpers for the web tests: requests through Datasette's ASGI client, and a real
``newsarchive serve`` process."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time
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
    on its terminal after the first line (where a traceback would show). Run with a
    ``log`` file for its terminal, what it printed while a block ran too (``watch``)."""

    url: str
    rest: str = ""
    log: Path | None = None

    @contextmanager
    def watch(self) -> Iterator[Printed]:
        """What serve prints on its terminal while the block runs (serving with a
        ``log``): it writes a traceback as it meets the error, before it answers, so the
        file holds those of every request answered by the block's end."""
        assert self.log is not None, "watch() needs serving(log=...)"
        start = self.log.stat().st_size
        printed = Printed()
        yield printed
        printed.text = self.log.read_bytes()[start:].decode(errors="replace")


@dataclass
class Printed:
    """What a running serve printed while ``Serving.watch``'s block ran."""

    text: str = ""


def _first_line(log: Path, proc: subprocess.Popen[str]) -> str:
    """The log's first line once serve wrote it whole (or all of it, once serve ended)."""
    deadline = time.monotonic() + 120  # only a bound: the line comes in about a second
    while True:
        text = log.read_bytes().decode(errors="replace")
        if "\n" in text or proc.poll() is not None or time.monotonic() > deadline:
            return text.split("\n", 1)[0] + "\n" if "\n" in text else text
        time.sleep(0.02)


@contextmanager
def serving(
    db: Path,
    *extra: str,
    run_as: Sequence[str] = (),
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    log: Path | None = None,
) -> Iterator[Serving]:
    """Run ``newsarchive serve`` on a free port until the block ends (SIGTERM, as
    systemd stops it); ``run_as``: the command's prefix that runs it as another user
    (``setpriv ...``), with that user's ``env`` and ``cwd``; ``log``: a file for its
    terminal, read as it runs (``Serving.watch``), where a pipe is read once it ended."""
    if env is None:
        env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"}
    with open(log or os.devnull, "w", encoding="utf-8") as terminal:
        proc = subprocess.Popen(
            [*run_as, sys.executable, "-m", "newsarchive", "serve", "--db", str(db), "--port",
             "0", *extra],
            stderr=subprocess.PIPE if log is None else terminal,
            stdout=subprocess.DEVNULL,
            text=True,
            env=env,
            cwd=cwd,
        )  # fmt: skip
    try:
        # "newsarchive: serving X at URL (Ctrl-C stops)"
        line = proc.stderr.readline() if proc.stderr else _first_line(log or Path(), proc)
        assert " at http://" in line, line + _rest(proc, log)
        run = Serving(line.split(" at ", 1)[1].split()[0].rstrip("/"), log=log)
        yield run
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        rest = _rest(proc, log)
        if proc.stderr is not None:
            proc.stderr.close()
    run.rest = rest


def _rest(proc: subprocess.Popen[str], log: Path | None) -> str:
    """What serve printed after its first line (all of it once it ended)."""
    if proc.stderr is not None:
        return proc.stderr.read()
    assert log is not None
    return log.read_bytes().decode(errors="replace").partition("\n")[2]


@contextmanager
def served(db: Path, *extra: str) -> Iterator[str]:
    """Run ``newsarchive serve`` on a free port; yields its base URL."""
    with serving(db, *extra) as run:
        yield run.url
