"""Failures cron can see: a source that moved makes the run fail loudly, even with --quiet."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .faultserver import PROFILE, FaultServer
from .support import Result
from .test_crawl_process import count_articles, start_crawl, wait_for

Cli = Callable[..., Result]


@pytest.fixture
def site() -> Iterator[FaultServer]:
    with FaultServer(articles=3, faults=False) as server:
        yield server


def crawl_with(run_cli: Cli, server: FaultServer, db: Path, profile: str, *extra: str) -> Result:
    path = db.parent / "fault.toml"
    path.write_text(profile, encoding="utf-8")
    return run_cli(
        "crawl", "fault", "--profile", str(path), "--base-url", server.url, "--delay", "0",
        "--db", str(db), *extra,
    )  # fmt: skip


def test_a_moved_site_404_on_start_url_and_feed_exits_1_with_a_line_each(
    run_cli: Cli, site: FaultServer, db: Path
) -> None:
    moved = PROFILE.replace(
        'start_urls = ["/news"]', 'start_urls = ["/old-news"]\nfeeds = ["/old-rss"]'
    )
    log = db.parent / "crawl.log"
    result = crawl_with(run_cli, site, db, moved, "--quiet", "--log-file", str(log))
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 2, lines
    assert "feed failed: HTTP 404: https://fault.example/old-rss" in lines[0]
    assert "listing failed: HTTP 404: https://fault.example/old-news" in lines[1]
    assert f"(fetched from {site.url}/old-news)" in lines[1]  # the URL really contacted
    text = log.read_text(encoding="utf-8")
    assert " start fault https://fault.example from mirror " in text
    # the failed hints are reported, and exploring the site found its feed at /rss
    assert " summary fault: 3 new, 0 updated, 0 unchanged, 0 gone, 2 failed" in text
    assert "(2 exploring the site)" in text
    assert "(exit status 1)" in text
    assert f"https://fault.example/old-rss (fetched from {site.url}/old-rss)" in text
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM runs").fetchone()[0] == 1


def test_a_feed_that_answers_with_html_is_a_failure(
    run_cli: Cli, site: FaultServer, db: Path
) -> None:
    html_feed = PROFILE.replace(
        'start_urls = ["/news"]', 'start_urls = ["/news"]\nfeeds = ["/news"]'
    )
    result = crawl_with(run_cli, site, db, html_feed, "--quiet")
    assert result.exit_code == 1
    assert "feed failed: not XML (text/html)" in result.stderr
    assert count_articles(db) == 3  # the listing still archived everything


NOT_NEWS = {
    "a single page": {
        "index.html": "<html><head><title>Иван Петров</title></head><body><h1>Иван Петров</h1>"
        "<p>Фотограф от Русе. Пишете ми на ivan@example.bg за снимки на сватби.</p></body></html>"
    },
    "a file listing": {
        "index.html": "<html><body><h1>Index of /</h1><ul>"
        + "".join(f'<li><a href="/files/otchet-{n}.pdf">otchet-{n}.pdf</a></li>' for n in range(40))
        + "</ul></body></html>"
    },
    "a login wall": {
        "index.html": '<html><body><form action="/login" method="post"><input name="user">'
        '<input name="password" type="password"><button>Вход</button></form>'
        '<a href="/login">Вход</a> <a href="/register">Регистрация</a></body></html>'
    },
}


@pytest.mark.parametrize("kind", sorted(NOT_NEWS))
def test_an_origin_that_is_no_news_site_gets_a_one_line_verdict(
    run_cli: Cli, db: Path, tmp_path: Path, kind: str
) -> None:
    from newsarchive.mirror import MirrorServer

    root = tmp_path / "site"
    root.mkdir()
    for name, text in NOT_NEWS[kind].items():
        (root / name).write_text(text, encoding="utf-8")
    bare = 'id = "plain"\nname = "Plain"\norigin = "https://plain.example"\n'
    profile = tmp_path / "plain.toml"
    profile.write_text(bare, encoding="utf-8")
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "plain", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--quiet", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1, result.stderr
    assert "found no feed, sitemap or listing of news at https://plain.example" in result.stderr
    assert len(server.requests) <= 12  # a bounded exploration, not a crawl of everything
    assert count_articles(db) == 0


def test_drift_warnings_show_with_quiet(run_cli: Cli, site: FaultServer, db: Path) -> None:
    drifting = PROFILE.replace('title = ["h1"]', 'title = ["h1.no-such-class"]')
    result = crawl_with(run_cli, site, db, drifting, "--quiet")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "warning: profile did not fit (title on 3 page(s)" in result.stderr


def test_import_during_a_crawl_exits_75(run_cli: Cli, db: Path) -> None:
    with FaultServer(articles=40, per_page=10, faults=False, article_delay=0.04) as server:
        process = start_crawl(server, db)
        try:
            wait_for(lambda: count_articles(db) >= 2)
            source = db.parent / "in.jsonl"
            source.write_text('{"site": "x", "url": "https://x.bg/a", "title": "T"}\n')
            result = run_cli("import-jsonl", str(source), "--db", str(db))
            assert result.exit_code == 75
            assert result.stderr.count("\n") == 1 and f"pid {process.pid}" in result.stderr
        finally:
            process.terminate()
            process.communicate(timeout=20)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles WHERE site = 'x'").fetchone()[0] == 0


def test_one_failing_hint_makes_the_crawl_look_for_the_sites_sources_too(
    run_cli: Cli, db: Path
) -> None:
    with FaultServer(articles=3, faults=False, feed_items=3) as site:
        wrong_feed = PROFILE.replace(
            'start_urls = ["/news"]', 'start_urls = ["/news"]\nfeeds = ["/bg/rss-old"]'
        )
        result = crawl_with(run_cli, site, db, wrong_feed)
        assert result.exit_code == 1  # the wrong hint is still reported: a person should fix it
        assert "feed failed: HTTP 404: https://fault.example/bg/rss-old" in result.stderr
        assert "exploring the site" in result.stdout
        assert "/rss" in site.requests  # found by exploring (a conventional feed path)
        assert site.requests.count("/news") == 1  # the hinted listing is not walked twice
    assert count_articles(db) == 3


class _Redesigned(FaultServer):
    """The fault site after a redesign: its listing links articles under new addresses."""

    redesigned = False

    def _listing(self, page: int) -> bytes:
        if not self.redesigned:
            return super()._listing(page)
        links = "".join(f'<li><a href="/stories/{i}">Статия {i}</a></li>' for i in range(5))
        return (
            f"<html><head><title>Новини</title></head><body><ul>{links}</ul></body></html>".encode()
        )


def test_a_listing_that_stops_holding_article_links_is_a_warning_even_when_quiet(
    run_cli: Cli, db: Path
) -> None:
    with _Redesigned(articles=3, faults=False) as server:
        first = crawl_with(run_cli, server, db, PROFILE, "--quiet")
        assert first.exit_code == 0 and first.stderr == ""
        server.redesigned = True
        nightly = crawl_with(run_cli, server, db, PROFILE, "--quiet")
    [line] = nightly.stderr.splitlines()
    assert "warning" in line and "no article links" in line and "/news" in line
    assert count_articles(db) == 3


def test_a_page_cut_short_is_a_failure_and_its_archived_copy_stays_whole(
    run_cli: Cli, site: FaultServer, db: Path
) -> None:
    """A server sending more than its Content-Length (a CMS counting letters, not bytes)
    where no reading of the response is a whole page gives a cut page: not archived,
    not over the whole one a run archived before."""
    first = crawl_with(run_cli, site, db, PROFILE, "--quiet")
    assert first.exit_code == 0
    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT url, text FROM articles ORDER BY url").fetchall()
    assert len(before) == 3
    site.torn = {1001}
    again = crawl_with(run_cli, site, db, PROFILE, "--quiet", "--recheck", "100000")
    assert again.exit_code == 1
    assert again.stderr.count("\n") == 1
    assert "response cut short (Content-Length " in again.stderr
    assert "https://fault.example/news/1001-story-1001" in again.stderr
    assert site.hits["/news/1001-story-1001"] == 3  # the first run's, then tried twice
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT url, text FROM articles ORDER BY url").fetchall() == before


def test_a_cms_counting_its_pages_in_letters_has_them_archived_whole(
    run_cli: Cli, site: FaultServer, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page of such a CMS comes with more than its Content-Length, every time:
    refused, every article of the site failed each night. The surplus sent the same way
    on the second try, the whole body sent is the page (its root element closes at its
    end), archived as a browser would never have shown it but as the server meant it."""
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")  # (the second tries' waits: 3.5 s)
    site.miscounted = {1000, 1001, 1002}
    log = db.parent / "crawl.log"
    result = crawl_with(run_cli, site, db, PROFILE, "--quiet", "--log-file", str(log))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    with sqlite3.connect(db) as conn:
        texts = dict(conn.execute("SELECT url, text FROM articles").fetchall())
    assert len(texts) == 3
    for n in (1000, 1001, 1002):  # the last paragraph, past the letters' count
        assert f"Абзац 3 на статия {n}:" in texts[f"https://fault.example/news/{n}-story-{n}"]
        assert site.hits[f"/news/{n}-story-{n}"] == 2
    lines = log.read_text(encoding="utf-8").splitlines()
    assert sum(" overlong-kept " in line for line in lines) == 3
    for n in (1000, 1001, 1002):  # one line a request: refused once, then kept
        said = [line.split()[1] for line in lines if f"/news/{n}-story-{n} " in f"{line} "]
        assert said == ["overlong", "overlong-kept"], said


def test_a_page_cut_short_is_not_archived(run_cli: Cli, site: FaultServer, db: Path) -> None:
    site.torn = {1001}
    result = crawl_with(run_cli, site, db, PROFILE, "--quiet")
    assert result.exit_code == 1
    assert "response cut short" in result.stderr
    with sqlite3.connect(db) as conn:
        urls = [row[0] for row in conn.execute("SELECT url FROM articles")]
    assert sorted(urls) == [
        "https://fault.example/news/1000-story-1000",
        "https://fault.example/news/1002-story-1002",
    ]


def test_a_site_whose_name_does_not_resolve_is_given_up_at_once(run_cli: Cli, db: Path) -> None:
    """A name no resolver knows (the reserved .invalid TLD; a machine with no network says
    the same of every name) is asked once: the resolver has retried already, and our
    backoff on top cost about 12 s a site before the crawl gave up."""
    profile = db.parent / "nowhere.toml"
    profile.write_text(
        PROFILE.replace("fault.example", "news.nowhere.invalid").replace('"fault"', '"nowhere"'),
        encoding="utf-8",
    )
    log = db.parent / "crawl.log"
    result = run_cli(
        "crawl", "nowhere", "--profile", str(profile), "--db", str(db), "--log-file", str(log)
    )
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    said = "https://news.nowhere.invalid cannot be reached (name news.nowhere.invalid not resolved"
    assert said in lines[0]
    assert lines[0].endswith(" after 1 attempt): nothing fetched from it in this run")
    logged = log.read_text(encoding="utf-8").splitlines()
    asked = [line for line in logged if "ConnectError" in line]
    assert len(asked) == 1, asked  # one attempt, not four with backoff


def test_a_cyrillic_named_site_whose_name_does_not_resolve_is_said_unreachable(
    run_cli: Cli, db: Path
) -> None:
    """A ``.бг`` site's profile names its host in Cyrillic, as a browser's bar shows it;
    the failed request names it in punycode, as DNS does. The host found unreachable was
    kept under the one spelling and looked up under the other, so the crawl said "robots.txt
    of http://новини.invalid unreadable …: the site is disallowed for this run (RFC 9309)",
    sending the reader to a robots.txt no server had sent."""
    profile = db.parent / "cyrillic.toml"
    profile.write_text(
        PROFILE.replace("fault.example", "новини-тест.invalid").replace('"fault"', '"cyr"'),
        encoding="utf-8",
    )
    result = run_cli("crawl", "cyr", "--profile", str(profile), "--db", str(db))
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "https://новини-тест.invalid cannot be reached (name " in lines[0], lines
    assert lines[0].endswith(" after 1 attempt): nothing fetched from it in this run"), lines
    assert "robots.txt" not in lines[0], lines


def _offline(command: list[str]) -> list[str] | None:
    """``command`` under ``unshare -rn`` (a network namespace of its own, with no network
    at all: every name lookup fails "Temporary failure in name resolution", as on a
    machine whose network is down); None where no such namespace can be made."""
    try:
        probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return ["unshare", "-rn", *command] if probe.returncode == 0 else None


def test_with_no_network_the_sites_after_the_first_fail_at_once(db: Path) -> None:
    """A resolver giving no answer is retried (a passing outage must not lose a site its
    night), but with no network at all each site paid the whole backoff: once one host
    has failed every try so and nothing of the run had an answer, the next sites are
    asked once. More sites than run at once (4), so the fifth starts after the first
    ended; the first ones keep their retries."""
    profiles = []
    for n in range(1, 6):
        path = db.parent / f"offline{n}.toml"
        text = PROFILE.replace("fault.example", f"news{n}.example.bg")
        path.write_text(text.replace('"fault"', f'"offline{n}"'), encoding="utf-8")
        profiles += ["--profile", str(path)]
    log = db.parent / "crawl.log"
    command = _offline([
        sys.executable, "-m", "newsarchive", "crawl", *(f"offline{n}" for n in range(1, 6)),
        *profiles, "--db", str(db),
        "--log-file", str(log),
    ])  # fmt: skip
    if command is None:
        pytest.skip("no network namespace here (unshare -rn)")
    env = {
        **os.environ,
        "NEWSARCHIVE_PROFILES": str(db.parent / "no-user-profiles"),
        "NEWSARCHIVE_BACKOFF": "0.2",
    }
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 5, lines
    lookup = "cannot be reached (ConnectError: [Errno -3] Temporary failure in name resolution"
    assert all(lookup in line for line in lines), lines
    retried = [line for line in lines if " after 4 attempts)" in line]
    at_once = [
        line for line in lines
        if line.endswith(
            ", as for every host of this run so far, after 1 attempt):"
            " nothing fetched from it in this run"
        )
    ]  # fmt: skip
    assert retried and at_once, lines
    assert any("offline5: " in line for line in at_once), lines
    asked = [  # the request lines ("<time> ConnectError 0 1ms <url>"), not the failures'
        line
        for line in log.read_text(encoding="utf-8").splitlines()
        if line.split()[1:2] == ["ConnectError"]
    ]
    assert len(asked) < 5 * 4, asked


def test_the_pages_one_kind_of_page_answered_are_said_in_one_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A cookie consent wall in front of 30 articles said 30 lines (20, then "... and 10
    more"), where a bot wall's rest is one: each kind of page standing in for more than
    one is one line, where its first failed, naming how many and the first; a kind met
    once keeps its own line, the other failures theirs. The count stays every page's."""
    from newsarchive.crawl_command import _summarise
    from newsarchive.crawl_run import Outcome, SiteReport

    report = SiteReport("t")
    report.fail("the feed failed: HTTP 500: https://t.bg/rss")
    for n in range(30):
        url = f"https://t.bg/news/{n}"
        message = f"a cookie consent wall instead of the page: {url}"
        report.failures.append(message)
        report.outcomes[Outcome.FAILED] += 1
        report.stands_in("cookie consent wall", url, message)
        if n == 3:
            message = "a maintenance notice instead of the page: https://t.bg/x"
            report.failures.append(message)
            report.outcomes[Outcome.FAILED] += 1
            report.stands_in("maintenance notice", "https://t.bg/x", message)
    report.failures.append("HTTP 404: https://t.bg/news/gone")
    report.outcomes[Outcome.FAILED] += 1
    assert report.said_failures() == [
        ("the feed failed: HTTP 500: https://t.bg/rss", 1),
        ("a cookie consent wall instead of 30 pages, such as https://t.bg/news/0", 30),
        ("a maintenance notice instead of the page: https://t.bg/x", 1),
        ("HTTP 404: https://t.bg/news/gone", 1),
    ]
    assert report.errors == 33 and report.status == 1
    assert _summarise([report], quiet=True, log=None) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"newsarchive: t: {line}" for line, _ in report.said_failures()
    ]


def test_past_twenty_lines_the_failures_left_are_counted_not_the_lines(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from newsarchive.crawl_command import _summarise
    from newsarchive.crawl_run import SiteReport

    report = SiteReport("t")
    for n in range(25):
        report.fail(f"HTTP 500: https://t.bg/{n}")
    for n in range(4):
        message = f"a cookie consent wall instead of the page: https://t.bg/w{n}"
        report.fail(message)
        report.stands_in("cookie consent wall", f"https://t.bg/w{n}", message)
    _summarise([report], quiet=True, log=None)
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 21 and lines[-1] == "newsarchive: t: ... and 9 more failures"
