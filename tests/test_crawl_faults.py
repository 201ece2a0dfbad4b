"""The crawl command against a site that misbehaves in every way a news site does."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from .faultserver import (
    CP1251_TITLE,
    FAILING_FAULTS,
    ORIGIN,
    FaultServer,
    article_url,
    write_profile,
)
from .support import Result, invoke_cli, on_snapshot_day

FAST = {
    "NEWSARCHIVE_BACKOFF": "0.01",
    "NEWSARCHIVE_TIMEOUT": "0.3",
    "NEWSARCHIVE_MAX_RETRY_AFTER": "2",  # the fault site asks for 1 s once: honoured
}


@pytest.fixture
def fast_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in FAST.items():
        monkeypatch.setenv(name, value)


def fault_server() -> FaultServer:
    """Retry-After 0: the 503 is retried as with 1 s (test_crawl_faults' first test asks
    for that second, test_fetch_client's times it), and no other test waits the second
    out (about 1 s of each crawl's 2.5)."""
    return FaultServer(articles=12, per_page=10, slow_seconds=0.6, retry_after="0")


@pytest.fixture
def fault_site() -> Iterator[FaultServer]:
    with fault_server() as server:
        yield server


class FirstCrawl(NamedTuple):
    """A first crawl of ``fault_server``'s site: its archive, what it said, and the
    articles the site has to archive."""

    db: Path
    result: Result
    archivable: set[str]


@pytest.fixture(scope="module")
def crawled_once(tmp_path_factory: pytest.TempPathFactory) -> FirstCrawl:
    """The fault site crawled once as ``crawl`` crawls ``fault_site`` with ``fast_env``,
    for the tests that read what a first crawl left or go on from it: each crawled it
    again (about 1.5 s, three times that on a loaded host). They take a copy
    (``first_crawl``): none sees another's changes, whatever their order."""
    folder = tmp_path_factory.mktemp("crawled-once")
    with on_snapshot_day(), pytest.MonkeyPatch.context() as env, fault_server() as server:
        env.delenv("NEWSARCHIVE_DB", raising=False)  # as run_cli: no user profiles either
        env.setenv("NEWSARCHIVE_PROFILES", str(folder / "no-user-profiles"))
        for name, value in FAST.items():
            env.setenv(name, value)
        result = crawl(invoke_cli, server, folder / "archive.db")
        return FirstCrawl(folder / "archive.db", result, server.archivable_urls())


@pytest.fixture
def first_crawl(crawled_once: FirstCrawl, db: Path) -> FirstCrawl:
    """``crawled_once``'s archive copied to this test's ``db``, its own to change."""
    for suffix in ("", "-wal"):  # (the -shm is rebuilt from the -wal)
        if Path(f"{crawled_once.db}{suffix}").exists():
            shutil.copyfile(f"{crawled_once.db}{suffix}", f"{db}{suffix}")
    return crawled_once._replace(db=db)


def crawl(run_cli: Callable[..., Result], server: FaultServer, db: Path, *extra: str) -> Result:
    profile = write_profile(db.parent)
    return run_cli(
        "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
        "--delay", "0", "--db", str(db), *extra,
    )  # fmt: skip


def archived(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT url FROM articles")]


def frontier(db: Path) -> dict[str, tuple[str, int]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url, state, attempts FROM frontier")
        return {r[0]: (r[1], r[2]) for r in rows}


def test_faults_right_outcome_exit_code_and_nothing_lost(
    run_cli: Callable[..., Result], fault_site: FaultServer, db: Path, fast_env: None
) -> None:
    fault_site.retry_after = "1"  # under NEWSARCHIVE_MAX_RETRY_AFTER: waited, not rested
    result = crawl(run_cli, fault_site, db, "--log-file", str(db.parent / "fetch.log"))
    # slow page, redirect loop and oversized page fail after retries: exit 1, rest archived
    assert result.exit_code == 1, result.stderr
    urls = archived(db)
    assert len(urls) == len(set(urls))
    assert set(urls) == fault_site.archivable_urls()
    state = frontier(db)
    assert state[article_url(106)][0] == "gone"
    assert state[article_url(900)][0] == "disallowed"
    for failing in FAILING_FAULTS:
        assert state[article_url(failing)][0] == "failed"
    # robots.txt was read once; the disallowed page was never requested
    assert fault_site.requests.count("/robots.txt") == 1
    assert not any(p.startswith("/news/900") for p in fault_site.requests)
    # a 404 is not retried and not reported as a failure
    assert fault_site.hits["/news/106-gone-106"] == 1
    assert "/news/106" not in result.stderr  # (not "106": the port may hold it)
    # retried as asked: 503 once then 200, 500 twice then 200, reset once then 200
    assert fault_site.hits["/news/102-retry-after-102"] == 2
    assert fault_site.hits["/news/103-flaky-103"] == 3
    assert fault_site.hits["/news/105-reset-105"] == 2
    assert fault_site.hits["/news/104-slow-104"] == 4  # 1 + 3 retries, then given up
    # failures named on stderr, one line each; the summary on stdout
    for failing in FAILING_FAULTS:
        assert str(failing) in result.stderr
    assert "failed" in result.stdout and "new" in result.stdout
    log = (db.parent / "fetch.log").read_text(encoding="utf-8").splitlines()
    assert len(log) >= len(fault_site.requests) - 1
    assert any(" 503 " in line for line in log)


def test_backoff_waits_count_toward_the_host_budget(
    run_cli: Callable[..., Result],
    fault_site: FaultServer,
    db: Path,
    fast_env: None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A budget of no waiting (``NEWSARCHIVE_MAX_HOST_WAIT=0``): the 503 asking for 0 s
    is asked again (no wait), but the first retry that would back off (a 500, a reset,
    a timeout: 0.01 s) rests the host instead. One warning line, exit 1, the URL it
    met queued (not failed, no attempt spent), nothing archived lost; only the pages
    that fail at their first answer (a redirect loop, an oversized page) failed."""
    monkeypatch.setenv("NEWSARCHIVE_MAX_HOST_WAIT", "0")
    result = crawl(run_cli, fault_site, db)
    assert result.exit_code == 1, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warnings) == 1, result.stderr
    assert "fault.example has made us wait 0 s in this run" in warnings[0], warnings
    assert "the 0 s we wait for one host" in warnings[0], warnings
    state = frontier(db)
    backing_off = {article_url(i) for i in (103, 104, 105)}
    assert not any(state[url][0] == "failed" for url in backing_off if url in state), state
    assert any(state.get(url) == ("queued", 0) for url in backing_off), state
    failed = {url for url, (kind, _) in state.items() if kind == "failed"}
    assert failed <= {article_url(i) for i in (107, 108)}, failed
    assert set(archived(db)) < fault_site.archivable_urls()
    # the 503 that asked for no wait was asked again, and archived, unless the rest came first
    asked_again = fault_site.hits.get("/news/102-retry-after-102", 0) == 2
    assert asked_again == (article_url(102) in archived(db)), fault_site.hits


def test_windows_1251_page_with_meta_charset_is_decoded_and_raw_bytes_kept(
    run_cli: Callable[..., Result], first_crawl: FirstCrawl, db: Path, fast_env: None
) -> None:
    exported = run_cli("export", "--db", str(db))
    rows = {r["url"]: r for r in map(json.loads, exported.stdout.splitlines())}
    assert rows[article_url(109)]["title"] == CP1251_TITLE
    with sqlite3.connect(db) as conn:
        encoding = conn.execute(
            "SELECT encoding FROM captures WHERE url = ?", (article_url(109),)
        ).fetchone()[0]
    assert encoding == "cp1251"


def test_failed_urls_are_retried_next_run_and_nothing_archived_twice(
    run_cli: Callable[..., Result], first_crawl: FirstCrawl, db: Path, fast_env: None
) -> None:
    first = first_crawl.result
    assert first.exit_code == 1
    count = len(archived(db))
    with fault_server() as fault_site:  # the site the next night
        fault_site.slow_seconds = 0.0  # the slow page recovers overnight
        second = crawl(run_cli, fault_site, db)
    assert second.exit_code == 1  # the loop and the huge page still fail
    again = fault_site.requests
    assert "/news/104-slow-104" in again
    assert "/news/106-gone-106" not in again  # gone pages are not retried
    assert not [p for p in again if p.startswith("/news/101")]  # archived: not refetched
    urls = archived(db)
    assert len(urls) == len(set(urls)) == count + 1
    assert article_url(104) in urls
    assert "/news" in again and "304" not in second.stderr


def test_run_records_are_shown_by_stats(
    run_cli: Callable[..., Result], first_crawl: FirstCrawl, db: Path, fast_env: None
) -> None:
    stats = run_cli("stats", "--format", "json", "--db", str(db))
    data = stats.json()
    assert isinstance(data, dict)
    run = data["last_runs"][0]
    assert run["site"] == "fault" and run["status"] == 1 and run["errors"] == 3
    assert run["new"] == len(first_crawl.archivable) and run["finished_at"]
    assert run["gone"] >= 1 and run["started_at"] <= run["finished_at"]
    table = run_cli("stats", "--db", str(db))
    assert "fault" in table.stdout


def test_quiet_prints_only_errors(
    run_cli: Callable[..., Result], fault_site: FaultServer, db: Path, fast_env: None
) -> None:
    result = crawl(run_cli, fault_site, db, "--quiet")
    assert result.stdout == ""
    assert result.stderr.count("\n") == len(FAILING_FAULTS)


def test_robots_5xx_backs_off_then_fails_the_run_without_fetching(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    with FaultServer(articles=3, faults=False, robots_status=503) as server:
        result = crawl(run_cli, server, db)
        assert result.exit_code == 1
        assert server.requests == ["/robots.txt"] * 4  # retried with backoff, then stayed away
        assert "robots.txt" in result.stderr


def test_robots_404_means_allowed(run_cli: Callable[..., Result], db: Path, fast_env: None) -> None:
    with FaultServer(articles=3, faults=False, robots_status=404) as server:
        result = crawl(run_cli, server, db)
        assert result.exit_code == 0, result.stderr
        assert len(archived(db)) == 3


def test_user_agent_is_identifying_and_configurable(
    run_cli: Callable[..., Result], db: Path, fast_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    with FaultServer(articles=1, faults=False) as server:
        crawl(run_cli, server, db)
        agent = server.headers[0]["user-agent"]
        assert agent.startswith("newsarchive/") and "+https://" in agent
        monkeypatch.setenv("NEWSARCHIVE_USER_AGENT", "uni-sofia-bot (+https://example.org/bot)")
        crawl(run_cli, server, db, "--refresh")
        assert server.headers[-1]["user-agent"] == "uni-sofia-bot (+https://example.org/bot)"
        crawl(run_cli, server, db, "--refresh", "--user-agent", "other (+mailto:a@b.c)")
        assert server.headers[-1]["user-agent"] == "other (+mailto:a@b.c)"


def test_add_site_and_check_site_take_the_crawls_user_agent_option(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    """The README: set --user-agent to identify yourself, and add-site and check-site
    send the same one; they had no such option ("No such option: --user-agent"), though
    add-site is the first a new site hears of us."""
    agent = "uni-sofia-bot (+https://example.org/bot)"
    profile = write_profile(db.parent)
    with FaultServer(articles=1, faults=False) as server:
        base = ("--base-url", server.url, "--delay", "0", "--user-agent", agent)
        run_cli("add-site", ORIGIN, *base)
        assert server.headers and {h["user-agent"] for h in server.headers} == {agent}
        asked = len(server.headers)
        run_cli("check-site", "fault", "--profile", str(profile), *base)
        assert len(server.headers) > asked
        assert {h["user-agent"] for h in server.headers[asked:]} == {agent}
    refused = run_cli("add-site", ORIGIN, "--user-agent", " ")
    assert refused.exit_code == 2 and refused.stderr == (
        "newsarchive: error: --user-agent must not be empty\n"
    )


def test_second_run_is_three_requests_and_stops_at_known_first_page(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    with FaultServer(articles=25, per_page=10, faults=False) as server:
        first = crawl(run_cli, server, db)
        assert first.exit_code == 0, first.stderr
        assert len(archived(db)) == 25
        before = len(server.requests)
        second = crawl(run_cli, server, db)
        assert second.exit_code == 0
        assert server.requests[before:] == ["/robots.txt", "/news"]
        assert server.headers[-1].get("if-none-match")  # conditional: answered 304
        # without validators (a site with no ETag), an all-known first page still stops
        with sqlite3.connect(db) as conn:
            conn.execute("DELETE FROM fetch_state")
        before = len(server.requests)
        third = crawl(run_cli, server, db)
        assert third.exit_code == 0 and "0 new" in third.stdout
        assert server.requests[before:] == ["/robots.txt", "/news"]
        assert len(archived(db)) == 25


def test_new_articles_on_top_are_found_and_walk_stops_at_known(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    with FaultServer(articles=30, per_page=10, faults=False) as server:
        crawl(run_cli, server, db, "--stop-after-known", "3")
        server.articles = 34  # four new articles on top push the listing down
        before = len(server.requests)
        result = crawl(run_cli, server, db, "--stop-after-known", "3")
        assert "4 new" in result.stdout
        assert [p for p in server.requests[before:] if p.startswith("/news?")] == []
        assert len(set(archived(db))) == 34


def test_since_stops_walking_past_the_date(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    # every article is from June 2026
    with FaultServer(articles=30, per_page=5, faults=False) as server:
        result = crawl(run_cli, server, db, "--since", "2026-07-01")
        assert result.exit_code == 0
        assert archived(db) == []
        listings = [p for p in server.requests if p.startswith("/news?") or p == "/news"]
        assert listings == ["/news"]  # page 1 all older than --since: no page 2


def test_deep_walk_resumes_at_the_saved_page_after_a_failed_listing_page(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    with FaultServer(articles=30, per_page=10, faults=False, broken_pages={2}) as server:
        first = crawl(run_cli, server, db)
        assert first.exit_code == 1 and "?p=2" in first.stderr
        assert len(archived(db)) == 10
        with sqlite3.connect(db) as conn:
            walk = conn.execute(
                "SELECT resume_url, resume_page, completed FROM listing_walks"
            ).fetchone()
        assert walk == ("https://fault.example/news?p=2", 2, 0)
        server.broken_pages.clear()
        before = len(server.requests)
        second = crawl(run_cli, server, db)
        assert second.exit_code == 0, second.stderr
        listing = [
            p for p in server.requests[before:] if p.startswith("/news") and "/" not in p[1:]
        ]
        # page 1 (unconditionally: the walk never reached its end), all known, so straight
        # to the saved page and on to the end
        assert listing == ["/news", "/news?p=2", "/news?p=3", "/news?p=4"]
        urls = archived(db)
        assert len(urls) == len(set(urls)) == 30
        with sqlite3.connect(db) as conn:
            walk = conn.execute("SELECT resume_url, completed FROM listing_walks").fetchone()
        assert walk == (None, 1)  # reached its natural end: nightly runs may stop early now


def test_a_url_failing_on_five_runs_is_left_alone(
    run_cli: Callable[..., Result], first_crawl: FirstCrawl, db: Path, fast_env: None
) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE frontier SET attempts = 5 WHERE state = 'failed'")
    with fault_server() as fault_site:  # the site the next night
        again = crawl(run_cli, fault_site, db)
    assert again.exit_code == 0, again.stderr
    assert fault_site.requests == ["/robots.txt", "/news"]
    assert {state for state, _ in frontier(db).values()} >= {"failed", "gone", "done"}


def test_dead_server_exits_1_with_one_line_per_failure_and_keeps_the_archive(
    run_cli: Callable[..., Result], first_crawl: FirstCrawl, db: Path, fast_env: None
) -> None:
    before = sorted(archived(db))
    with fault_server() as fault_site:
        url = fault_site.url
    # nothing listens on that port any more
    result = run_cli(
        "crawl", "fault", "--profile", str(write_profile(db.parent)), "--base-url", url,
        "--delay", "0", "--db", str(db),
    )  # fmt: skip
    assert result.exit_code == 1
    assert "Traceback" not in result.stderr
    errors = result.stderr.splitlines()
    assert errors and all(line.startswith("newsarchive: fault: ") for line in errors)
    assert sorted(archived(db)) == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_redirect_loop_between_two_listed_urls_counts_both_as_failed(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    """A → B → A: the frontier keeps both URLs failed, and the summary says so."""
    loop_a, loop_b = "/news/5001-loop-a", "/news/5002-loop-b"
    answers = {
        loop_a: (302, {"Location": loop_b}, b""),
        loop_b: (302, {"Location": loop_a}, b""),
    }
    extra = f'<a href="{loop_a}">Едно</a><a href="{loop_b}">Друго</a>'
    with FaultServer(articles=2, faults=False, listing_extra=extra, answers=answers) as server:
        result = crawl(run_cli, server, db)
    assert result.exit_code == 1, result.stderr
    state = frontier(db)
    failed = [url for url, (kind, _) in state.items() if kind == "failed"]
    assert sorted(failed) == [ORIGIN + loop_a, ORIGIN + loop_b]
    assert f" {len(failed)} failed" in result.stdout
    assert loop_a in result.stderr and loop_b in result.stderr
    # a line each (the one fetched second may be told its loop, or meet it whole: the
    # fetcher's "more than N redirects", when the other was not yet fetched)
    named = [line for line in result.stderr.splitlines() if "/news/500" in line]
    assert len(named) == 2, result.stderr
    with sqlite3.connect(db) as conn:
        recorded = conn.execute("SELECT errors FROM runs").fetchone()[0]
    assert recorded == len(failed)


@pytest.mark.parametrize("order", ["redirect first", "target first"])
def test_a_redirect_to_a_page_that_failed_counts_as_failed_in_either_order(
    run_cli: Callable[..., Result], db: Path, fast_env: None, order: str
) -> None:
    """A redirects to B, whose page fails (an empty 200). A fetched first waited for B and
    was counted; B fetched first left A settled failed from B's fate but uncounted, so the
    summary and the run's errors depended on which URL the listing named first."""
    to_b, empty = "/news/5001-to-b", "/news/5002-empty"
    answers = {
        to_b: (302, {"Location": empty}, b""),
        empty: (200, {"Content-Type": "text/html"}, b""),
    }
    links = [f'<a href="{to_b}">Едно</a>', f'<a href="{empty}">Друго</a>']
    extra = "".join(links if order == "redirect first" else links[::-1])
    with FaultServer(articles=2, faults=False, listing_extra=extra, answers=answers) as server:
        result = crawl(run_cli, server, db, "--connections", "1")
    assert result.exit_code == 1, result.stderr
    failed = sorted(url for url, (kind, _) in frontier(db).items() if kind == "failed")
    assert failed == [ORIGIN + to_b, ORIGIN + empty]
    assert " 2 failed" in result.stdout, result.stdout
    assert ORIGIN + to_b in result.stderr and ORIGIN + empty in result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT errors FROM runs").fetchone()[0] == 2
