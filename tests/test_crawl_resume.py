"""Interrupted first crawls: whatever kills the run, the rerun archives every article once.

A three-page listing of eight articles and a feed of the newest five; the first run dies
after a few requests (SIGKILL, SIGTERM), the second runs to completion. The feed makes
the first listing page all-known on the rerun, and that incremental stop must not end a
walk that never reached the pages the first run did not see.
"""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .faultserver import FaultServer, article_html, write_profile
from .hostileserver import HostileServer, Reply, html, response
from .support import Result
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


def crawl_in_process(run_cli: Callable[..., Result], server: FaultServer, db: Path) -> Result:
    """``start_crawl``'s command run by the CLI in this process (``run_cli`` also points
    the user profiles at a folder that does not exist)."""
    profile = write_profile(db.parent, feed=True)
    return run_cli(
        "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
        "--delay", "0", "--connections", "1", "--db", str(db),
    )  # fmt: skip


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
    run_cli: Callable[..., Result],
    three_pages: FaultServer,
    db: Path,
    signum: signal.Signals,
    requests_before_kill: int,
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
    # Only the interrupted run needs a process of its own (a signal to kill); the runs
    # after it read what it left in the archive, which an in-process run reads the same.
    rerun = crawl_in_process(run_cli, three_pages, db)
    assert rerun.exit_code == 0, rerun.stderr
    urls = archived(db)
    assert len(urls) == len(set(urls))
    assert set(urls) == three_pages.archivable_urls()
    # and a third, nightly run now stops early: robots.txt, the feed, a 304 for page 1
    before = len(three_pages.requests)
    nightly = crawl_in_process(run_cli, three_pages, db)
    assert nightly.exit_code == 0, nightly.stderr
    assert three_pages.requests[before:] == ["/robots.txt", "/rss", "/news"]


def _dated_listing(pages: int) -> dict[str, Reply]:
    """A listing of ``pages`` pages, two articles each, newest first: page 1's from
    December, page 2's from November, and so on back."""
    routes = {"/robots.txt": response(body=b"User-agent: *\n", content_type="text/plain")}
    for number in range(1, pages + 1):
        ids = (100 + 2 * number, 101 + 2 * number)
        links = "".join(f'<li><a href="/news/{i}-story-{i}">Статия {i}</a></li>' for i in ids)
        after = f'<a href="/news?p={number + 1}">Следваща</a>' if number < pages else ""
        path = "/news" if number == 1 else f"/news?p={number}"
        routes[path] = html(f"<!doctype html><meta charset=utf-8><ul>{links}</ul>{after}")
        day = f"2026-{13 - number:02d}-01T10:00:00+02:00".encode()
        for i in ids:
            page = re.sub(rb"2026-06-\d\dT10:00:00\+03:00", day, article_html(i))
            routes[f"/news/{i}-story-{i}"] = html(page)
    return routes


def test_a_crawl_after_a_first_one_with_since_reads_the_older_pages(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """A first crawl "since October" ended its listing walk at the page reaching past
    it, and marked the walk completed: every later run without --since stopped at its
    known first page, and the older articles were never archived. The walk resumes
    there instead; a rerun with the same --since costs one page more, no article."""
    profile = write_profile(db.parent)
    with HostileServer(_dated_listing(5)) as site:
        args = ("crawl", "fault", "--profile", str(profile), "--base-url", site.url)
        args += ("--delay", "0", "--connections", "1", "--db", str(db))
        first = run_cli(*args, "--since", "2026-10-15")
        assert first.exit_code == 0 and "4 new" in first.stdout, first.stdout + first.stderr
        asked = len(site.requests)
        again = run_cli(*args, "--since", "2026-10-15")
        assert "0 new" in again.stdout and "/news?p=4" not in site.requests[asked:]
        everything = run_cli(*args)
        assert everything.exit_code == 0 and "6 new" in everything.stdout, everything.stdout
        nightly = run_cli(*args)
    assert "0 new" in nightly.stdout and "2 requests" in nightly.stdout, nightly.stdout
    assert len(set(archived(db))) == len(archived(db)) == 10


def test_a_crawl_after_a_first_one_with_max_pages_reads_the_pages_past_it(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """As with --since: a first crawl with ``--max-pages 2`` completed the walk, and the
    runs without it never read pages 3 to 5."""
    profile = write_profile(db.parent)
    with HostileServer(_dated_listing(5)) as site:
        args = ("crawl", "fault", "--profile", str(profile), "--base-url", site.url)
        args += ("--delay", "0", "--connections", "1", "--db", str(db))
        first = run_cli(*args, "--max-pages", "2")
        assert first.exit_code == 0 and "4 new" in first.stdout, first.stdout + first.stderr
        everything = run_cli(*args)
        assert everything.exit_code == 0 and "6 new" in everything.stdout, everything.stdout
        nightly = run_cli(*args)
    assert "0 new" in nightly.stdout and "2 requests" in nightly.stdout, nightly.stdout
    assert len(set(archived(db))) == len(archived(db)) == 10


def test_a_nightly_run_keeping_its_bound_costs_what_a_no_op_rerun_does(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """A walk cut by ``--since`` or ``--max-pages`` records that bound: a rerun with the
    same or a narrower one asks page 1 with its validators and stops at the 304
    (robots.txt, the feed, the listing: 3 requests, as a run without options does), where
    it asked page 1 whole and the page the cut stopped at again every night (4). A wider
    bound (an older --since, more pages, none) still walks on to the older pages and
    archives what the narrower runs left."""
    profile = write_profile(db.parent, feed=True)
    nightly = ["/robots.txt", "/rss", "/news"]
    with FaultServer(articles=8, per_page=3, faults=False) as site:
        args = ("crawl", "fault", "--profile", str(profile), "--base-url", site.url)
        args += ("--delay", "0", "--connections", "1", "--db", str(db))

        def asked(*options: str) -> tuple[Result, list[str]]:
            before = len(site.requests)
            result = run_cli(*args, *options)
            assert result.exit_code == 0, result.stdout + result.stderr
            return result, site.requests[before:]

        # articles 1007 … 1000 are dated June 28 … 21, three a page, newest first
        first, _ = asked("--since", "2026-06-25")
        assert "4 new" in first.stdout, first.stdout
        assert asked("--since", "2026-06-25")[1] == nightly  # the same bound
        assert asked("--since", "2026-06-26")[1] == nightly  # a narrower one
        older, requests = asked("--since", "2026-06-23")  # a wider one walks on
        assert "2 new" in older.stdout and "/news?p=2" in requests, older.stdout
        assert asked("--since", "2026-06-23")[1] == nightly
        everything, requests = asked()
        assert "2 new" in everything.stdout and "/news?p=3" in requests, everything.stdout
        assert asked()[1] == nightly
        assert asked("--since", "2026-06-23")[1] == nightly  # (a completed walk: any bound)
    assert len(set(archived(db))) == len(archived(db)) == 8


def test_a_nightly_run_keeping_max_pages_stops_at_the_304(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """As with --since: ``--max-pages 2`` every night costs 3 requests, not 4; a run
    with a bigger budget reads on to page 3."""
    profile = write_profile(db.parent, feed=True)
    nightly = ["/robots.txt", "/rss", "/news"]
    with FaultServer(articles=8, per_page=3, faults=False, feed_items=2) as site:
        args = ("crawl", "fault", "--profile", str(profile), "--base-url", site.url)
        args += ("--delay", "0", "--connections", "1", "--db", str(db))

        def asked(*options: str) -> tuple[Result, list[str]]:
            before = len(site.requests)
            result = run_cli(*args, *options)
            assert result.exit_code == 0, result.stdout + result.stderr
            return result, site.requests[before:]

        first, _ = asked("--max-pages", "2")
        assert "6 new" in first.stdout, first.stdout
        assert asked("--max-pages", "2")[1] == nightly
        assert asked("--max-pages", "1")[1] == nightly
        more, requests = asked("--max-pages", "3")
        assert "2 new" in more.stdout and "/news?p=3" in requests, more.stdout
    assert len(set(archived(db))) == len(archived(db)) == 8


@pytest.mark.parametrize("bound", [("--since", "2026-06-25"), ("--max-pages", "1")])
def test_a_paged_feed_and_a_cut_walk_cost_a_nightly_run_three_conditional_requests(
    run_cli: Callable[..., Result], db: Path, bound: tuple[str, str]
) -> None:
    """A feed paged as RFC 5005 says, dated, with validators: a nightly run keeping the
    first run's bound asks the feed and the listing's first page with their validators
    (two 304s) and nothing else; a run without it then reads the listing's older pages."""
    profile = write_profile(db.parent, feed=True)
    with FaultServer(articles=8, per_page=3, faults=False, feed_items=3, feed_pages=3) as site:
        args = ("crawl", "fault", "--profile", str(profile), "--base-url", site.url)
        args += ("--delay", "0", "--connections", "1", "--db", str(db))
        assert run_cli(*args, *bound).exit_code == 0
        before = len(site.requests)
        nightly = run_cli(*args, *bound)
        assert nightly.exit_code == 0 and "0 new" in nightly.stdout, nightly.stdout
        assert site.requests[before:] == ["/robots.txt", "/rss", "/news"]
        assert all("if-none-match" in asked for asked in site.headers[before + 1 :])
        everything = run_cli(*args)
        assert everything.exit_code == 0 and "/news?p=3" in site.requests, everything.stdout
    assert len(set(archived(db))) == len(archived(db)) == 8
