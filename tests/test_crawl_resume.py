"""Interrupted first crawls: whatever kills the run, the rerun archives every article once.

A three-page listing of eight articles and a feed of the newest five; the first run dies
after a few requests (SIGKILL, SIGTERM), the second runs to completion. The feed makes
the first listing page all-known on the rerun, and that incremental stop must not end a
walk that never reached the pages the first run did not see.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from .faultserver import FaultServer, write_profile
from .test_crawl_process import wait_for


def start_crawl(server: FaultServer, db: Path) -> subprocess.Popen[str]:
    profile = write_profile(db.parent, feed=True)
    env = {**os.environ, "NEWSARCHIVE_PROFILES": str(db.parent / "none")}
    command = [
        sys.executable, "-m", "newsarchive", "crawl", "fault", "--profile", str(profile),
        "--base-url", server.url, "--delay", "0", "--connections", "1", "--db", str(db),
    ]  # fmt: skip
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


@pytest.fixture
def three_pages() -> Iterator[FaultServer]:
    with FaultServer(articles=8, per_page=3, faults=False, article_delay=0.05) as server:
        yield server


def archived(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT url FROM articles")]


@pytest.mark.parametrize("requests_before_kill", [4, 6, 9])
@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM])
def test_rerun_after_an_interrupted_first_crawl_gets_every_article_once(
    three_pages: FaultServer, db: Path, signum: signal.Signals, requests_before_kill: int
) -> None:
    first = start_crawl(three_pages, db)
    try:
        wait_for(lambda: len(three_pages.requests) >= requests_before_kill)
        first.send_signal(signum)
        first.communicate(timeout=20)
    finally:
        first.kill()
    assert first.returncode in (-signal.SIGKILL, 128 + signal.SIGTERM)  # it was interrupted
    time.sleep(0.1)
    rerun = start_crawl(three_pages, db)
    _, err = rerun.communicate(timeout=60)
    assert rerun.returncode == 0, err
    urls = archived(db)
    assert len(urls) == len(set(urls))
    assert set(urls) == three_pages.archivable_urls()
    # and a third, nightly run now stops early: robots.txt, the feed, a 304 for page 1
    before = len(three_pages.requests)
    nightly = start_crawl(three_pages, db)
    nightly.communicate(timeout=60)
    assert nightly.returncode == 0
    assert three_pages.requests[before:] == ["/robots.txt", "/rss", "/news"]
