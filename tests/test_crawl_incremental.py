"""Nightly reruns against the BTA mirror: robots.txt + feed + first listing page, nothing more."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from newsarchive.mirror import MirrorServer

from .support import Result


def test_rerun_after_full_crawl_is_three_conditional_requests(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], db: Path
) -> None:
    server = mirror("bta")
    args = ("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    first = run_cli(*args)
    assert first.exit_code == 0, first.stderr
    before = len(server.requests)
    second = run_cli(*args)
    assert second.exit_code == 0, second.stderr
    assert server.requests[before:] == ["/robots.txt", "/bg/news/bulgaria/rss", "/bg/news/bulgaria"]
    assert server.not_modified == 2  # feed and listing answered 304 to If-None-Match
    assert "0 new" in second.stdout and "3 requests" in second.stdout
    stats = run_cli("stats", "--format", "json", "--db", str(db)).json()
    assert isinstance(stats, dict)
    assert stats["last_runs"][0]["requests"] == 3


def test_refresh_refetches_archived_articles_without_duplicates(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], db: Path
) -> None:
    server = mirror("bta")
    args = ("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    run_cli(*args)
    count = run_cli("export", "--db", str(db)).stdout.count("\n")
    before = len(server.requests)
    again = run_cli(*args, "--refresh")
    assert again.exit_code == 0
    assert f"{count} unchanged" in again.stdout
    assert server.not_modified == 0 and len(server.requests) - before > count
    assert run_cli("export", "--db", str(db)).stdout.count("\n") == count
