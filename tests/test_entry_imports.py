"""What the console command loads at start (``entry.without_httpx_cli``): every crawl is a
process of its own (cron's nightly run, each site in a test), so each module it imports
for nothing is paid on every one."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import newsarchive

SRC = str(Path(newsarchive.__file__).parents[1])


def _imported(stderr: str) -> set[str]:
    """The modules ``python -X importtime`` reported loading."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def test_a_crawl_loads_httpx_but_not_httpxs_own_command_line_client(tmp_path: Path) -> None:
    """An unknown site still loads the whole crawl stack, httpx's client among it, before
    the site is looked up: it exits 2 in one line, and httpx's console command (click,
    pygments, rich's progress bars) was never loaded."""
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "newsarchive", "crawl", "no-such-site",
         "--db", str(tmp_path / "a.db")],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 2, done.stderr[-2000:]
    errors = [line for line in done.stderr.splitlines() if not line.startswith("import time:")]
    assert errors and errors[0].startswith("newsarchive: error: unknown site 'no-such-site'")
    imported = _imported(done.stderr)
    assert {"newsarchive.crawl_command", "httpx", "httpx._client"} <= imported
    # (``httpx._main`` itself is listed: the refused import's attempt, 0.01 ms)
    assert not imported & {"click", "pygments", "rich.progress", "rich.syntax"}


def test_a_program_importing_the_package_keeps_httpx_whole() -> None:
    """The refusal is the console command's own: a program that imports our crawl stack
    as a library, and httpx with it, gets httpx as it ships: its console command loaded."""
    env = {**os.environ, "PYTHONPATH": SRC}
    done = subprocess.run(
        [sys.executable, "-c",
         "import sys, newsarchive.crawl_command, httpx;"
         " print(sys.modules.get('httpx._main') is not None, 'pygments' in sys.modules)"],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "True"]
