"""The fetcher and the crawl against a hostile server (issue 10: rows 2, 3, 6, 7 and 10).

Everything runs on 127.0.0.1: addresses such as 169.254.169.254 appear only as redirect
targets that must be refused before any connection is attempted, and ``LoopbackOnly``
fails the test if the client ever tries.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import gzip
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import tracemalloc
import zlib
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from newsarchive.errors import FetchError
from newsarchive.fetch import failures
from newsarchive.fetch.addresses import RedirectPolicy, is_public
from newsarchive.fetch.charset import decode_html
from newsarchive.fetch.client import (
    Elsewhere,
    Fetcher,
    FetchInterrupted,
    FetchOptions,
    HostResting,
    NotFollowed,
    RobotsDisallowed,
)
from newsarchive.fetch.mirror import MirrorTransport

from .faultserver import article_html, write_profile
from .hostileserver import (
    HostileServer,
    LoopbackOnly,
    Reply,
    dead_port,
    drip,
    html,
    raw,
    redirect,
    response,
    trickle,
)
from .support import Result

QUICK = FetchOptions(delay=0, backoff=0.01, timeout=2, max_retry_after=0.05, retries=3)
SITE = "https://fault.example"
ROBOTS = response(body=b"User-agent: *\nDisallow: /private\n", content_type="text/plain")


def slug(article_id: int) -> str:
    return f"/news/{article_id}-story-{article_id}"


def news_site(ok: list[int], special: dict[int, Reply] | None = None) -> dict[str, Reply]:
    """The fault profile's site: a listing of ``special`` then ``ok`` articles, robots.txt."""
    special = special or {}
    ids = [*special, *ok]
    links = "".join(f'<li><a href="{slug(i)}">Статия {i}</a></li>' for i in ids)
    routes = {
        "/robots.txt": ROBOTS,
        "/news": html(f"<!doctype html><meta charset=utf-8><ul>{links}</ul>"),
    }
    routes.update({slug(i): html(article_html(i)) for i in ok})
    routes.update({slug(i): reply for i, reply in special.items()})
    return routes


def mirrored(server: HostileServer, guard: LoopbackOnly | None = None) -> MirrorTransport:
    """https://fault.example served by ``server``, with no site host set on the Fetcher."""
    return MirrorTransport(server.url, ["fault.example"], guard or LoopbackOnly())


def crawl_db(db: Path) -> tuple[list[str], dict[str, tuple[str, int]]]:
    with sqlite3.connect(db) as conn:
        urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
        rows = conn.execute("SELECT url, state, attempts FROM frontier")
        return urls, {r[0]: (r[1], r[2]) for r in rows}


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """httpx honours *_PROXY variables; these tests must talk to 127.0.0.1 directly."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    yield


@pytest.fixture
def fast_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")
    monkeypatch.setenv("NEWSARCHIVE_TIMEOUT", "2")
    monkeypatch.setenv("NEWSARCHIVE_MAX_RETRY_AFTER", "0.05")


def crawl_mirrored(
    run_cli: Callable[..., Result], server: HostileServer, db: Path, *extra: str
) -> Result:
    return run_cli(
        "crawl", "fault", "--profile", str(write_profile(db.parent)), "--base-url", server.url,
        "--delay", "0", "--connections", "1", "--db", str(db), *extra,
    )  # fmt: skip


# row 2: redirects -----------------------------------------------------------------------
def test_address_rule() -> None:
    for public in ("93.184.216.34", "2a00:1450:4017:80b::200e", "8.8.8.8"):
        assert is_public(public), public
    for internal in (
        "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
        "224.0.0.1", "255.255.255.255", "100.64.0.1", "::1", "fe80::1", "fc00::1", "ff02::1",
        "::", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
    ):  # fmt: skip
        assert not is_public(internal), internal


@pytest.mark.parametrize(
    "target",
    [
        "http://169.254.169.254/latest/meta-data/",
        "http://{internal}/internal/secret",
        "http://localhost:{port}/internal/secret",
        "http://[::1]:{port}/internal",
        "http://[::ffff:127.0.0.1]:{port}/internal",
        "http://0.0.0.0:{port}/internal",
        "http://10.0.0.7/admin",
        "http://224.0.0.1/",
        "http://2130706433/",
    ],
)
def test_redirect_to_an_internal_address_is_refused_before_connecting(target: str) -> None:
    with HostileServer({"/internal/secret": html("<h1>secret</h1>")}) as internal:
        target = target.format(internal=internal.netloc, port=internal.url.rsplit(":", 1)[1])
        routes = {"/robots.txt": ROBOTS, "/a": redirect(target)}
        with HostileServer(routes) as site:
            guard = LoopbackOnly()
            with Fetcher(QUICK, transport=mirrored(site, guard)) as fetcher:
                with pytest.raises(FetchError, match="redirect to .* refused") as refused:
                    fetcher.fetch(f"{SITE}/a")
    assert target in str(refused.value) and "\n" not in str(refused.value)
    assert internal.requests == []
    assert all(url.startswith(site.url) for url in guard.contacted)
    assert site.hits["/a"] == 1  # refused, so not retried


def test_a_site_on_loopback_may_redirect_to_loopback() -> None:
    with HostileServer({"/b": html("<p>moved here</p>")}) as other:
        with HostileServer({"/a": redirect(f"{other.url}/b")}) as site:
            with Fetcher(QUICK, transport=LoopbackOnly()) as fetcher:
                page = fetcher.fetch(f"{site.url}/a")
    assert page.status == 200 and page.final_url == f"{other.url}/b"


def test_redirects_stay_on_the_site_hosts() -> None:
    routes = {
        "/robots.txt": ROBOTS,
        "/away": redirect("https://elsewhere.example/page"),
        "/twin": redirect("https://www.fault.example/b"),
        "/b": html("<p>b</p>"),
    }
    with HostileServer(routes) as site:
        guard = LoopbackOnly()
        hosts = ("fault.example",)
        with Fetcher(QUICK, mirror=site.url, site_hosts=hosts, transport=guard) as fetcher:
            with pytest.raises(
                FetchError,
                match=r"redirect to https://elsewhere.example/page refused \(off the site",
            ):
                fetcher.fetch(f"{SITE}/away")
            page = fetcher.fetch(f"{SITE}/twin")
    assert page.final_url == "https://www.fault.example/b"  # the final URL is what counts
    assert all(url.startswith(site.url) for url in guard.contacted)


def test_a_redirect_to_another_site_host_checks_that_hosts_robots() -> None:
    with HostileServer({"/robots.txt": ROBOTS, "/private/x": html("<p>x</p>")}) as second:
        with HostileServer({"/a": redirect(f"{second.url}/private/x")}) as first:
            hosts = (first.netloc, second.netloc)
            with Fetcher(QUICK, site_hosts=hosts, transport=LoopbackOnly()) as fetcher:
                with pytest.raises(RobotsDisallowed, match="redirected to"):
                    fetcher.fetch(f"{first.url}/a")
    assert second.requests == ["/robots.txt"]


def test_policy_needs_no_dns_for_literals_and_site_hosts() -> None:
    """The resolver is handed in, not served: a public-looking name that resolves to
    127.0.0.1 needs the machine's DNS, which no server a test starts can answer for, and
    what is asked here is which names are looked up at all (no connection is made)."""
    looked_up: list[str] = []

    def resolve(host: str) -> list[str]:
        looked_up.append(host)
        return ["127.0.0.1"] if host == "sneaky.example" else ["93.184.216.34"]

    policy = RedirectPolicy(None, resolve=resolve)
    start = "https://news.example/a"
    assert policy.refusal(start, "https://news.example/b") is None
    assert policy.refusal(start, "https://cdn.example/b") is None
    assert "loopback" in (policy.refusal(start, "http://sneaky.example/") or "")
    assert "link-local" in (policy.refusal(start, "http://169.254.169.254/") or "")
    assert looked_up == ["cdn.example", "sneaky.example"]


def test_crawl_does_not_archive_an_internal_page_behind_a_redirect(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    with HostileServer({"/internal/secret": html(article_html(999))}) as internal:
        special = {202: redirect(f"{internal.url}/internal/secret")}
        with HostileServer(news_site([201], special)) as site:
            result = crawl_mirrored(run_cli, site, db)
    assert result.exit_code == 1
    assert internal.requests == []
    assert f"{internal.url}/internal/secret" in result.stderr
    urls, frontier = crawl_db(db)
    assert urls == [SITE + slug(201)]
    assert frontier[SITE + slug(202)] == ("failed", 1)


@pytest.mark.parametrize(
    "target",
    ["http://a..bg/x", "http://" + "a" * 64 + ".bg/", "http://999.1.1.1/x", "http://[zz::1]/"],
    ids=["empty-label", "long-label", "no-ipv4", "no-ipv6"],
)
def test_a_redirect_to_a_host_no_server_can_have_is_the_pages_failure(
    run_cli: Callable[..., Result], db: Path, fast_env: None, target: str
) -> None:
    """A server answering ``Location: http://a..bg/x`` (or a label over 63 letters) made
    ``extract URL``, which follows any host, an internal error, exit 70: the resolver's
    UnicodeError at connect; through ``--base-url`` an IPv6 literal that is none
    ("[zz::1]") failed the whole site's crawl as a bug, in the mirror transport. Now each
    is the page's failure, one line."""
    with HostileServer({"/robots.txt": ROBOTS, "/a": redirect(target)}) as site:
        fetched = run_cli("extract", f"{site.url}/a")
    assert fetched.exit_code == 2, fetched.stderr
    [line] = fetched.stderr.splitlines()
    assert "internal error" not in line and ("invalid URL" in line or "Invalid" in line), line
    special = {202: redirect(target)}
    with HostileServer(news_site([201], special)) as site:
        result = crawl_mirrored(run_cli, site, db)
    assert result.exit_code == 1, result.stderr
    assert "internal error" not in result.stderr
    urls, frontier = crawl_db(db)
    assert urls == [SITE + slug(201)]
    assert frontier[SITE + slug(202)] == ("failed", 1)


# row 3: one dead host ---------------------------------------------------------------------
def test_a_redirect_to_a_dead_host_marks_only_that_host() -> None:
    dead = f"127.0.0.1:{dead_port()}"
    routes = {"/away": redirect(f"http://{dead}/x"), "/ok": html("<p>fine</p>")}
    options = FetchOptions(delay=0, backoff=0.01, retries=1, respect_robots=False)
    with HostileServer(routes) as site, Fetcher(options) as fetcher:
        with pytest.raises(FetchError, match="after 2 attempts"):
            fetcher.fetch(f"{site.url}/away")
        assert fetcher.fetch(f"{site.url}/ok").status == 200
        with pytest.raises(FetchError, match=f"host unreachable earlier.*{dead}"):
            fetcher.fetch(f"{site.url}/away")
        with pytest.raises(FetchError, match="host unreachable earlier"):
            fetcher.fetch(f"http://{dead}/y")
    assert site.hits["/away"] == 3 and site.hits["/ok"] == 1


def test_crawl_with_one_article_on_a_dead_host_archives_the_rest(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    dead = f"127.0.0.1:{dead_port()}"
    special = {301: redirect(f"http://{dead}/news/301-story-301")}
    with HostileServer(news_site(list(range(302, 308)), special)) as site:
        profile = db.parent / "local.toml"
        profile.write_text(
            f'id = "local"\norigin = "{site.url}"\nhosts = ["{site.netloc}", "{dead}"]\n'
            '[discovery]\nstart_urls = ["/news"]\n'
            "article_pattern = '^/news/\\d{3,}-[^/]*$'\n"
            '[extract]\ntitle = ["h1"]\nbody = ["article .body"]\n',
            encoding="utf-8",
        )
        result = run_cli(
            "crawl", "local", "--profile", str(profile), "--delay", "0",
            "--connections", "1", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and dead in result.stderr
    assert site.url + slug(301) in result.stderr  # the line names the article, too
    urls, frontier = crawl_db(db)
    assert sorted(urls) == [site.url + slug(i) for i in range(302, 308)]
    assert frontier[site.url + slug(301)] == ("failed", 1)


def test_a_source_that_never_answered_is_no_page_read(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    """The runs table and the summary count pages read: a start URL on a dead host is a
    request and a failure, not a page."""
    dead = f"127.0.0.1:{dead_port()}"
    with HostileServer(news_site([401, 402])) as site:
        profile = db.parent / "local.toml"
        profile.write_text(
            f'id = "local"\norigin = "{site.url}"\nhosts = ["{site.netloc}", "{dead}"]\n'
            f'[discovery]\nstart_urls = ["/news", "http://{dead}/news"]\n'
            "article_pattern = '^/news/\\d{3,}-[^/]*$'\n"
            '[extract]\ntitle = ["h1"]\nbody = ["article .body"]\n',
            encoding="utf-8",
        )
        result = run_cli(
            "crawl", "local", "--profile", str(profile), "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 1 and dead in result.stderr
    with sqlite3.connect(db) as conn:
        pages, requests = conn.execute("SELECT pages, requests FROM runs").fetchone()
    assert pages == 3  # the listing and its two articles
    assert requests > pages


# row 6: trickling bodies ----------------------------------------------------------------
@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
def test_a_trickling_body_ends_at_the_deadline_and_is_retried_once(chunked: bool) -> None:
    routes = {"/slow": trickle(b"x" * 400, 0.02, chunked=chunked)}
    options = FetchOptions(delay=0, backoff=0.01, retries=3, deadline=0.3, respect_robots=False)
    with HostileServer(routes) as site, Fetcher(options) as fetcher:
        with pytest.raises(FetchError, match="deadline of 0.3 s") as failed:
            fetcher.fetch(f"{site.url}/slow")
    assert site.hits["/slow"] == 2
    assert "\n" not in str(failed.value)


def test_stop_is_noticed_between_chunks() -> None:
    started = threading.Event()
    stop = threading.Event()
    routes = {"/slow": trickle(b"x" * 1000, 0.02, started=started)}
    options = FetchOptions(delay=0, retries=3, respect_robots=False)

    def stop_when_streaming() -> None:
        started.wait(10)
        stop.set()

    threading.Thread(target=stop_when_streaming, daemon=True).start()
    with HostileServer(routes, stream_limit=30) as site, Fetcher(options, stop=stop) as fetcher:
        with pytest.raises(FetchInterrupted):
            fetcher.fetch(f"{site.url}/slow")
    assert site.hits["/slow"] == 1 and site.cut == []


def test_headers_that_trickle_end_at_the_deadline_too() -> None:
    head = drip(b"HTTP/1.1 200 OK\r\nX-Slow: ", b"a" * 400 + b"\r\n\r\n", 0.02)
    options = FetchOptions(delay=0, backoff=0.01, retries=3, deadline=0.3, respect_robots=False)
    with HostileServer({"/slow": head}) as site, Fetcher(options) as fetcher:
        with pytest.raises(FetchError, match="deadline of 0.3 s"):
            fetcher.fetch(f"{site.url}/slow")
    assert site.hits["/slow"] == 2


def test_a_stalled_body_ends_at_the_deadline_not_the_read_timeout() -> None:
    stalled = drip(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nsome", b"", 0)
    options = FetchOptions(
        delay=0, backoff=0.01, retries=3, timeout=30, deadline=0.3, respect_robots=False
    )
    with HostileServer({"/stalled": stalled}) as site, Fetcher(options) as fetcher:
        with pytest.raises(FetchError, match="deadline of 0.3 s"):
            fetcher.fetch(f"{site.url}/stalled")
    assert site.hits["/stalled"] == 2


@pytest.mark.parametrize("where", ["headers", "body"])
def test_stop_is_noticed_while_a_read_waits(where: str) -> None:
    started = threading.Event()
    stop = threading.Event()
    head = b"HTTP/1.1 200 OK\r\n" + (b"Content-Length: 10\r\n\r\n" if where == "body" else b"")
    routes = {"/stalled": drip(head, b"", 0, started=started)}
    options = FetchOptions(delay=0, retries=3, timeout=30, respect_robots=False)

    def stop_when_waiting() -> None:
        started.wait(10)
        stop.set()

    threading.Thread(target=stop_when_waiting, daemon=True).start()
    with HostileServer(routes, stream_limit=30) as site, Fetcher(options, stop=stop) as fetcher:
        with pytest.raises(FetchInterrupted):
            fetcher.fetch(f"{site.url}/stalled")
    assert site.hits["/stalled"] == 1
    assert site.cut == []  # the client hung up; the server did not have to give up


def test_deadline_is_a_documented_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert FetchOptions().deadline == 60.0
    monkeypatch.setenv("NEWSARCHIVE_DEADLINE", "5")
    assert FetchOptions.from_env().deadline == 5.0


def test_sigterm_ends_a_crawl_stuck_on_a_trickling_article(db: Path) -> None:
    started = threading.Event()
    special = {401: trickle(b"x" * 5000, 0.05, chunked=True, started=started)}
    with HostileServer(news_site([402, 403], special), stream_limit=60) as site:
        env = {
            **os.environ,
            "NEWSARCHIVE_PROFILES": str(db.parent / "no-user-profiles"),
            "NEWSARCHIVE_BACKOFF": "0.01",
        }
        command = [
            sys.executable, "-m", "newsarchive", "crawl", "fault",
            "--profile", str(write_profile(db.parent)), "--base-url", site.url,
            "--delay", "0", "--connections", "1", "--db", str(db),
        ]  # fmt: skip
        process = subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            assert started.wait(30), "the crawl never reached the trickling article"
            process.send_signal(signal.SIGTERM)
            out, err = process.communicate(timeout=20)  # a guard only: it should take ~0 s
        finally:
            process.kill()
            process.communicate()
    assert process.returncode == 143, err
    assert site.cut == []  # the crawl hung up on the trickle; it did not wait it out
    assert "Traceback" not in err
    urls, frontier = crawl_db(db)
    assert urls == []  # the trickling article came first in the listing
    assert frontier[SITE + slug(401)][0] == "queued"  # resumes next run
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM runs").fetchone()[0] == 143


# row 7: unreadable robots.txt -------------------------------------------------------------
@pytest.mark.parametrize(
    ("robots", "why"),
    [
        (raw(b"HTTP/1.1 OK\r\n\r\nUser-agent: *\n"), "malformed response"),
        (raw(b""), "Server disconnected"),
    ],
    ids=["broken-status-line", "network-error"],
)
def test_unreadable_robots_means_disallow_all(robots: Reply, why: str) -> None:
    routes = {"/robots.txt": robots, "/a": html("<p>a</p>"), "/b": html("<p>b</p>")}
    options = FetchOptions(delay=0, backoff=0.01, retries=1, robots_max_bytes=4096)
    with HostileServer(routes) as site, Fetcher(options) as fetcher:
        problem = fetcher.robots_problem(f"{site.url}/")
        assert problem is not None and why in problem and "disallow" in problem
        for path in ("/a", "/b"):
            with pytest.raises(FetchError, match="robots.txt"):
                fetcher.fetch(site.url + path)
    assert set(site.requests) == {"/robots.txt"}


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "chunked"])
def test_a_robots_txt_past_the_cap_is_read_up_to_it(declared: bool) -> None:
    """RFC 9309 (2.5) and Google read a robots.txt's first 500 KiB and ignore the rest;
    refused whole, a site with a robots.txt that long (every bad bot of the web listed, or
    a server answering /robots.txt with a big page) was disallowed every night for good.
    Its rules up to the cap hold, a line the cap cuts does not, and the rest is not read."""
    rules = b"User-agent: *\nDisallow: /private\n"
    filler = b"# a bot of the long list of bots this site keeps out\n" * 200
    body = rules + filler + b"Disallow: /a\n"  # past the cap: ignored
    plain = response(body=body, content_type="text/plain")
    reply = plain if declared else trickle(body, 0, chunked=True)
    routes = {"/robots.txt": reply, "/a": html("<p>a</p>"), "/private": html("<p>p</p>")}
    options = FetchOptions(delay=0, backoff=0.01, retries=1, robots_max_bytes=4096)
    with HostileServer(routes) as site, Fetcher(options) as fetcher:
        assert fetcher.robots_problem(f"{site.url}/") is None
        assert fetcher.fetch(f"{site.url}/a").status == 200
        with pytest.raises(RobotsDisallowed):
            fetcher.fetch(f"{site.url}/private")
    assert site.hits["/robots.txt"] == 1


def test_robots_cap_is_its_own_smaller_setting() -> None:
    options = FetchOptions()
    assert options.robots_max_bytes == 500 * 1024 < options.max_bytes


def test_robots_4xx_still_means_allow() -> None:
    routes = {"/robots.txt": response(403, b"no"), "/a": html("<p>a</p>")}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        assert fetcher.robots_problem(site.url) is None
        assert fetcher.fetch(f"{site.url}/a").status == 200


def test_a_304_to_a_request_without_validators_is_a_failure_not_an_unchanged_page() -> None:
    """A "not modified" answers a conditional request only: to one that sent no validators
    it says nothing of a page never read. Taken as "unchanged", the crawl marked the URL
    done with nothing archived, and no later run asked for it again."""
    routes = {"/a": response(304), "/robots.txt": response(304)}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(FetchError, match="HTTP 304 .* no validators") as failed:
            fetcher.fetch(f"{site.url}/a")
        assert fetcher.robots_problem(site.url) is None  # (robots.txt: none to read, allowed)
    assert site.hits["/a"] == 1 and "\n" not in str(failed.value)


def test_a_crawl_keeps_an_article_answered_304_unasked_for_the_next_run(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    with HostileServer(news_site([606], {607: response(304)})) as site:
        first = crawl_mirrored(run_cli, site, db)
    assert first.exit_code == 1, first.stderr
    assert "HTTP 304" in first.stderr and "Traceback" not in first.stderr
    urls, frontier = crawl_db(db)
    assert urls == [SITE + slug(606)] and frontier[SITE + slug(607)][0] != "done"
    with HostileServer(news_site([606, 607])) as site:
        second = crawl_mirrored(run_cli, site, db)
    assert second.exit_code == 0, second.stderr
    assert sorted(crawl_db(db)[0]) == [SITE + slug(606), SITE + slug(607)]


@pytest.mark.parametrize("body", [b"", b"\r\n  \n"], ids=["empty", "blank"])
def test_a_200_with_an_empty_body_is_said_so_and_is_no_profile_drift(
    run_cli: Callable[..., Result], db: Path, fast_env: None, body: bytes
) -> None:
    """An empty 200 (a PHP fatal error after the headers went out) was extracted like a
    page: "no article found on the page", and a warning that the profile did not fit,
    sending the reader to check-site over a site whose markup had not changed."""
    with HostileServer(news_site([608], {609: response(body=body)})) as site:
        first = crawl_mirrored(run_cli, site, db)
    assert first.exit_code == 1, first.stderr
    assert first.stderr == (
        f"newsarchive: fault: an empty page (HTTP 200 with no body): {SITE}{slug(609)}\n"
    )
    with HostileServer(news_site([608, 609])) as site:
        second = crawl_mirrored(run_cli, site, db)
    assert second.exit_code == 0, second.stderr
    assert sorted(crawl_db(db)[0]) == [SITE + slug(608), SITE + slug(609)]


@pytest.mark.parametrize("body", [b"", b"\r\n  \n"], ids=["empty", "blank"])
def test_check_site_says_an_empty_200_is_an_empty_page_as_the_crawl_does(
    run_cli: Callable[..., Result], db: Path, fast_env: None, body: bytes
) -> None:
    """check-site read an empty 200 as no failure at all (no body: nothing checked, the
    profile "fits") or, blank, as a page whose every field drifted; the crawl fails it as
    an empty page, and check-site now names it so."""
    with HostileServer(news_site([608], {609: response(body=body)})) as site:
        result = run_cli(
            "check-site", "fault", "--profile", str(write_profile(db.parent)),
            "--base-url", site.url, "--delay", "0", "-f", "json",
        )  # fmt: skip
    assert "Traceback" not in result.stderr
    report = result.json()
    [empty] = [a for a in report["articles"] if a["url"].endswith(slug(609))]
    assert empty["error"] == "an empty page (HTTP 200 with no body)" and empty["fields"] == {}
    assert f"{empty['url']}: an empty page (HTTP 200 with no body)" in report["failures"]
    assert not any(line.endswith(slug(609)) or slug(609) + ":" in line for line in report["drift"])


def test_check_site_says_binary_bytes_are_no_text_as_the_crawl_does(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    """Random bytes under text/html: the crawl fails them as binary data
    (``test_hostile_sites``); check-site extracted their noise, every field "drifted"."""
    noise = random.Random(3).randbytes(50_000)
    with HostileServer(news_site([608], {609: response(body=noise)})) as site:
        result = run_cli(
            "check-site", "fault", "--profile", str(write_profile(db.parent)),
            "--base-url", site.url, "--delay", "0", "-f", "json",
        )  # fmt: skip
    report = result.json()
    [binary] = [a for a in report["articles"] if a["url"].endswith(slug(609))]
    assert binary["error"] == "binary data, not text (HTTP 200)" and binary["fields"] == {}
    assert not any(slug(609) in line for line in report["drift"])


# A PDF of our own making whose stream is compressed (random bytes here): its start,
# decoded, holds C0 controls enough for ``binary_answer``, as real PDFs' starts do.
_PDF = b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n4 0 obj\n<< /Filter /FlateDecode /Length 6000 >>\nstream\n"
_PDF += random.Random(5).randbytes(6000) + b"\nendstream\nendobj\n%%EOF\n"


def test_check_site_says_a_pdf_is_a_document_as_the_crawl_does(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    """A PDF at an article's address: the crawl settles it as a document (its magic bytes
    are read before its compressed stream is judged binary); check-site, its own copy of
    the crawl's checks lacking that one, said "binary data, not text"."""
    pdf = response(body=_PDF, content_type="application/pdf")
    kind = "a document (application/pdf), not a web page"
    with HostileServer(news_site([608], {609: pdf})) as site:
        result = run_cli(
            "check-site", "fault", "--profile", str(write_profile(db.parent)),
            "--base-url", site.url, "--delay", "0", "-f", "json",
        )  # fmt: skip
        crawled = crawl_mirrored(run_cli, site, db)
    assert "Traceback" not in result.stderr
    [document] = [a for a in result.json()["articles"] if a["url"].endswith(slug(609))]
    assert document["error"] == kind and document["fields"] == {}
    # the crawl's word for it, unchanged: a document, settled, no failure of the run
    assert crawled.exit_code == 0, crawled.stderr
    assert crawl_db(db)[0] == [SITE + slug(608)]
    assert crawl_db(db)[1][SITE + slug(609)][0] == "not-a-page"


def test_crawl_with_unreadable_robots_fetches_nothing_and_says_so_once(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    routes = news_site([501, 502, 503])
    routes["/robots.txt"] = raw(b"HTTP/1.1 OK\r\n\r\nUser-agent: *\n")
    with HostileServer(routes) as site:
        result = crawl_mirrored(run_cli, site, db)
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1
    assert "robots.txt" in result.stderr and "disallow" in result.stderr
    assert site.requests == ["/robots.txt"]


def _local_site(site: HostileServer, folder: Path) -> Path:
    """The fault site's profile with the test server as its origin (no mirror): a
    robots.txt redirect to another 127.0.0.1 port is followed as one to a CDN would be."""
    profile = folder / "local.toml"
    profile.write_text(
        f'id = "local"\norigin = "{site.url}"\n'
        '[discovery]\nstart_urls = ["/news"]\n'
        "article_pattern = '^/news/\\d{3,}-[^/]*$'\n"
        '[extract]\ntitle = ["h1"]\nbody = ["article .body"]\n',
        encoding="utf-8",
    )
    return profile


def _crawl_local(run_cli: Callable[..., Result], profile: Path, db: Path) -> Result:
    return run_cli(
        "crawl", "local", "--profile", str(profile), "--delay", "0", "--quiet", "--db", str(db)
    )  # fmt: skip


# what robots.txt answers on the night it cannot be read: sent to a host where nothing
# listens (a CDN gone), or a back end failing on every try
UNREACHABLE = {
    "redirected-to-a-dead-host": lambda: redirect(f"http://127.0.0.1:{dead_port()}/robots.txt"),
    "503": lambda: response(status=503, body=b"down"),
}
KEEPING = response(
    body=f"User-agent: *\nDisallow: {slug(302)}\nDisallow: {slug(304)}\n".encode(),
    content_type="text/plain",
)


@pytest.mark.parametrize("unreachable", list(UNREACHABLE))
def test_an_unreachable_robots_txt_is_obeyed_as_the_last_run_read_it(
    run_cli: Callable[..., Result], db: Path, fast_env: None, unreachable: str
) -> None:
    """RFC 9309 lets a crawler use its cached robots.txt past 24 hours while robots.txt
    is unreachable (2.4). A robots.txt sent to a dead host, or answering 503, disallowed
    the whole site every night, each night's one failure line the same: the run now
    obeys the copy the last run read (kept in the archive), said in one warning line
    naming the address and the copy's age, and exits 0. Its rules hold: the night's new
    page it disallows is not asked for."""

    def listing(*ids: int) -> Reply:
        links = "".join(f'<li><a href="{slug(i)}">Статия {i}</a></li>' for i in ids)
        return html(f"<!doctype html><meta charset=utf-8><ul>{links}</ul>")

    routes = news_site([301, 302, 303, 304])
    routes["/news"], routes["/robots.txt"] = listing(302, 301), KEEPING
    with HostileServer(routes) as site:
        profile = _local_site(site, db.parent)
        first = _crawl_local(run_cli, profile, db)
        assert first.exit_code == 0 and first.stderr == "", first.stderr
        routes["/news"] = listing(304, 303, 302, 301)  # the night's new articles
        routes["/robots.txt"] = UNREACHABLE[unreachable]()
        site.requests.clear()
        night = _crawl_local(run_cli, profile, db)
    assert night.exit_code == 0, night.stderr
    lines = night.stderr.splitlines()
    assert len(lines) == 1, night.stderr
    assert lines[0].startswith(f"newsarchive: local: warning: {site.url}/robots.txt "), lines[0]
    assert "obeying the copy read " in lines[0] and " ago (" in lines[0], lines[0]
    assert slug(303) in site.requests and slug(304) not in site.requests  # (the copy's rule)
    urls, _ = crawl_db(db)
    assert sorted(urls) == [site.url + slug(301), site.url + slug(303)]


@pytest.mark.parametrize("unreachable", list(UNREACHABLE))
def test_an_unreachable_robots_txt_with_no_copy_young_enough_disallows_the_site_loudly(
    run_cli: Callable[..., Result], db: Path, fast_env: None, unreachable: str
) -> None:
    """With no copy read before, or one older than 30 days, robots.txt unreachable is a
    complete disallow (RFC 9309, 2.3.1.4): nothing but robots.txt is asked for, one
    failure line says the site is disallowed for the run (and why the copy was not
    obeyed), and the exit is 1, which cron mails."""
    routes = news_site([301])
    routes["/robots.txt"] = UNREACHABLE[unreachable]()
    with HostileServer(routes) as site:
        profile = _local_site(site, db.parent)
        never = _crawl_local(run_cli, profile, db)
        assert set(site.requests) == {"/robots.txt"}
        routes["/robots.txt"] = KEEPING
        for _ in range(2):  # (each run's copy in place of the last: one row)
            assert _crawl_local(run_cli, profile, db).exit_code == 0
        with sqlite3.connect(db) as conn:  # the copy read 31 days ago
            kept = "SELECT count(*) FROM captures WHERE url = ? AND article_id IS NULL"
            assert conn.execute(kept, (f"{site.url}/robots.txt",)).fetchone() == (1,)
            old = (dt.datetime.now(dt.UTC) - dt.timedelta(days=31)).isoformat()
            conn.execute("UPDATE captures SET fetched_at = ? WHERE article_id IS NULL", (old,))
        routes["/robots.txt"] = UNREACHABLE[unreachable]()
        site.requests.clear()
        stale = _crawl_local(run_cli, profile, db)
        assert set(site.requests) == {"/robots.txt"}
    for result in (never, stale):
        assert result.exit_code == 1, result.stderr
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("newsarchive: local: "), result.stderr
        assert f"robots.txt of {site.url} " in lines[0]
        assert "the site is disallowed for this run (RFC 9309" in lines[0], lines[0]
    assert "the copy read 31 days ago" in stale.stderr and "older than the 30 days" in stale.stderr


# row 10: protocol errors --------------------------------------------------------------------
@pytest.mark.parametrize(
    "reply",
    [
        raw(b"HTTP/1.1 two hundred OK\r\nContent-Length: 2\r\n\r\nhi"),
        raw(b"\x00\x01\x02 garbage \xff\xfe\r\n\r\n"),
        raw(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 7\r\n\r\nhello.."),
        response(body=b"not gzip at all", headers={"Content-Encoding": "gzip"}),
    ],
    ids=["broken-status-line", "garbage", "conflicting-content-length", "bad-gzip"],
)
def test_protocol_errors_are_tried_once(reply: Reply) -> None:
    with HostileServer({"/bad": reply}) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(FetchError, match="malformed response") as failed:
            fetcher.fetch(f"{site.url}/bad")
    assert site.hits["/bad"] == 1
    message = str(failed.value)
    assert "\n" not in message and f"{site.url}/bad" in message


def test_headers_without_end_are_said_so_and_tried_once() -> None:
    """A head past httpcore's buffer (a server streaming headers) was "malformed response
    (Receive buffer too long)", h11's words for it."""
    endless = raw(b"HTTP/1.1 200 OK\r\n" + b"X-Pad: y\r\n" * 30_000)
    with HostileServer({"/bad": endless}) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(FetchError) as failed:
            fetcher.fetch(f"{site.url}/bad")
    assert site.hits["/bad"] == 1
    message = str(failed.value)
    said = "malformed response (its headers ran on without an end)"
    assert message.startswith(said), message


@pytest.mark.parametrize("wbits", [31, 15, -15], ids=["gzip", "deflate", "raw-deflate"])
def test_a_compressed_body_that_ends_before_its_stream_is_cut_short(wbits: int) -> None:
    """A server that lost its back end between two flushed blocks ends the response
    there, with its length right for what it sent: every byte inflates, and httpx (which
    never asked whether the stream had ended) gave the half page as whole."""
    packer = zlib.compressobj(wbits=wbits)
    half = packer.compress(b"<p>" + "Общината обяви ремонт. ".encode() * 50 + b"</p>")
    half += packer.flush(zlib.Z_SYNC_FLUSH)  # a whole block: all of it inflates
    coding = "gzip" if wbits == 31 else "deflate"
    routes = {"/half": response(body=half, headers={"Content-Encoding": coding})}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(FetchError) as failed:
            fetcher.fetch(f"{site.url}/half")
    assert site.hits["/half"] == 2  # tried once more, as a dropped connection is
    assert str(failed.value).startswith(f"response cut short (its {coding} stream ended early: ")
    whole = half + packer.flush()
    routes = {"/whole": response(body=whole, headers={"Content-Encoding": coding})}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        assert "ремонт" in decode_html(fetcher.fetch(f"{site.url}/whole").content)[0]


@pytest.mark.parametrize(
    ("wbits", "trailer", "kept"),
    [(31, 8, 0), (31, 8, 3), (31, 8, 7), (15, 4, 0), (15, 4, 2)],
    ids=["gzip-none", "gzip-3-of-8", "gzip-7-of-8", "zlib-none", "zlib-2-of-4"],
)
def test_a_compressed_body_missing_only_its_trailer_is_whole(
    wbits: int, trailer: int, kept: int
) -> None:
    """Every deflate block came, the final one decoded, and only the check value and
    length after it (or the end of them) did not: a browser shows the page, whole, and so
    does the fetch, where a stream cut inside its final block stays cut short."""
    page = b"<p>" + "Общината обяви ремонт на улица Борисова. ".encode() * 80 + b"</p>"
    packer = zlib.compressobj(wbits=wbits)
    whole = packer.compress(page) + packer.flush()
    coding = "gzip" if wbits == 31 else "deflate"
    headers = {"Content-Encoding": coding}
    routes = {
        "/whole": response(body=whole[: len(whole) - trailer + kept], headers=headers),
        "/cut": response(body=whole[: len(whole) - trailer - 2], headers=headers),
    }
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        assert fetcher.fetch(f"{site.url}/whole").content == page
        with pytest.raises(FetchError, match=r"^response cut short \(its \w+ stream ended"):
            fetcher.fetch(f"{site.url}/cut")
    assert (site.hits["/whole"], site.hits["/cut"]) == (1, 2)


def test_a_body_cut_short_is_tried_once_more_then_fails_in_one_line() -> None:
    routes = {"/short": raw(b"HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\nhello")}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(FetchError) as failed:
            fetcher.fetch(f"{site.url}/short")
    assert site.hits["/short"] == 2
    assert str(failed.value) == (
        "response cut short (the connection closed mid-body: 5 of 50 bytes received)"
        f" after 2 attempts: {site.url}/short"
    )


PAGE = "<html><body><h1>Заглавие</h1><p>Общината обяви конкурс.</p></body></html>".encode()


def miscounted(body: bytes, declared: int, *, close: bool = True, pause: float = 0) -> Reply:
    """``body`` under a Content-Length of ``declared``, fewer bytes than it has; with
    ``pause``, the bytes past the declared end follow that long after the rest."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    head += b"Content-Length: %d\r\n" % declared + (b"Connection: close\r\n" if close else b"")

    def run(send: Callable[[bytes], bool]) -> None:
        if not pause:
            send(head + b"\r\n" + body)
        elif send(head + b"\r\n" + body[:declared]):
            time.sleep(pause)
            send(body[declared:])

    return Reply(run)


@pytest.mark.parametrize("close", [True, False], ids=["close", "keep-alive"])
def test_a_body_counted_in_letters_sent_so_twice_is_kept_whole(close: bool) -> None:
    """httpcore stops at the declared length and drops the rest without a word: a CMS
    counting its Cyrillic page in letters had each page archived cut in half, then
    refused, every page of the site every night. Sent the same way on the second try,
    the whole body is the page: its root element closes at its end."""
    routes = {"/lie": miscounted(PAGE, len(PAGE.decode()), close=close)}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        page = fetcher.fetch(f"{site.url}/lie")
    assert site.hits["/lie"] == 2
    assert page.content == PAGE and page.text == PAGE.decode()


def test_bytes_added_after_a_whole_page_are_dropped_as_a_browser_drops_them() -> None:
    """A proxy adding its own bytes after the page the Content-Length covers (a debug
    line, a second footer): the declared bytes are the whole page, kept as a browser
    reads them."""
    added = b"\n<!-- served in 0.12 s --><div>proxy</div>\n"
    with HostileServer({"/p": miscounted(PAGE + added, len(PAGE))}) as site:
        with Fetcher(QUICK) as fetcher:
            page = fetcher.fetch(f"{site.url}/p")
    assert site.hits["/p"] == 2
    assert page.content == PAGE


@pytest.mark.parametrize("pause", [0, 0.1], ids=["at-once", "later"])
def test_a_body_longer_than_its_content_length_and_whole_in_no_reading_is_refused(
    pause: float,
) -> None:
    """Neither the declared bytes nor the whole body is a whole page (its end is
    missing): a cut page, refused, never archived as if whole. A surplus sent after a
    pause, past the read that ended the declared body, is seen too: it went unseen, and
    the cut page was taken for the whole one."""
    body = PAGE.removesuffix(b"</body></html>")
    letters = len(body.decode())
    with HostileServer({"/lie": miscounted(body, letters, pause=pause)}) as site:
        with Fetcher(QUICK) as fetcher, pytest.raises(FetchError) as failed:
            fetcher.fetch(f"{site.url}/lie")
    assert site.hits["/lie"] == 2
    assert str(failed.value) == (
        f"response cut short (Content-Length {letters} bytes, but {len(body)} or more sent)"
        f" after 2 attempts: {site.url}/lie"
    )


def test_a_surplus_sent_after_a_pause_is_seen() -> None:
    """The server sends the declared bytes, then the rest a moment later, then closes
    (as it said it would): the read that ended the declared body held none of the rest,
    and the page cut at the declared end was returned as whole."""
    routes = {"/later": miscounted(PAGE, len(PAGE.decode()), pause=0.1)}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        page = fetcher.fetch(f"{site.url}/later")
    assert site.hits["/later"] == 2
    assert page.content == PAGE


def lingering(body: bytes) -> Reply:
    """``body`` whole, under ``Connection: close``, then the connection kept open (a
    lingering close, waiting for the client's) until the client hangs up or the
    server's stream limit ends it (``HostileServer.cut``)."""

    def run(send: Callable[[bytes], bool]) -> None:
        if response(body=body).run(send) is None:
            while send(b""):
                time.sleep(0.01)

    return Reply(run)


def test_a_whole_page_is_not_held_up_by_a_server_lingering_after_its_close(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A server that said ``Connection: close`` and then kept the socket open cost the
    wait for bytes past the body, 0.5 s, on every page, for nothing: after a whole
    document a surplus changes nothing kept. The wait is made as long as the server's
    linger here, so a fetch that waits for the server's close is the one that ends it."""
    monkeypatch.setattr(failures, "_CLOSE_WAIT", 60.0)
    routes = {"/page": lingering(PAGE), "/cut": lingering(PAGE[:-20])}
    with HostileServer(routes, stream_limit=2) as site, Fetcher(QUICK) as fetcher:
        assert fetcher.fetch(f"{site.url}/page").content == PAGE
        assert fetcher.fetch(f"{site.url}/cut").content == PAGE[:-20]
    # the client hung up first on the whole page; a cut one is still read to the close
    assert site.cut == ["/cut"]


def test_a_whole_page_is_kept_when_its_surplus_comes_split_on_one_try_only() -> None:
    """After a whole document the surplus is not waited for: the first try sees the part
    that came with the body, the second all of it. A surplus read so far is no measure of
    the server's habit: the declared page, whole both times, is kept, where the two
    lengths differing refused it, as a wait to the close had not."""
    added = b"\n<!-- served in 0.12 s -->" + b"<div>proxy</div>" * 20
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
    head += b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(PAGE)
    tries = iter([True])

    def run(send: Callable[[bytes], bool]) -> None:
        if not next(tries, False):
            send(head + PAGE + added)
        elif send(head + PAGE + added[:20]):  # the first: the rest a moment later
            time.sleep(0.3)
            send(added[20:])

    with HostileServer({"/split": Reply(run)}) as site, Fetcher(QUICK) as fetcher:
        page = fetcher.fetch(f"{site.url}/split")
    assert site.hits["/split"] == 2
    assert page.content == PAGE


def test_a_surplus_that_differs_on_the_second_try_is_refused() -> None:
    """The server's habit is what comes twice the same way: a surplus of another size on
    the second try is no habit to trust, however whole the page looks."""
    sent = [PAGE, PAGE + b"<!-- 2 -->"]

    def run(send: Callable[[bytes], bool]) -> None:
        body = sent.pop(0) if len(sent) > 1 else sent[0]
        miscounted(body, len(PAGE.decode())).run(send)

    with HostileServer({"/odd": Reply(run)}) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(FetchError, match="response cut short"):
            fetcher.fetch(f"{site.url}/odd")
    assert site.hits["/odd"] == 2


@pytest.mark.parametrize("location", ["http://[::1/x", "http://127.0.0.1:99999/"])
def test_a_redirect_to_an_invalid_url_is_one_clear_error(location: str) -> None:
    # httpx itself rejects some (it parses Location even when not following): same outcome
    invalid = "redirect to an invalid URL|Invalid URL in location header"
    with HostileServer({"/a": redirect(location)}) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(FetchError, match=invalid) as failed:
            fetcher.fetch(f"{site.url}/a")
    assert site.hits["/a"] == 1 and "\n" not in str(failed.value)


# charset labels that name a codec but not a text encoding ---------------------------------
BOGUS_CHARSETS = ["rot13", "base64", "hex", "zlib", "bz2", "uu", "punycode", "undefined"]


@pytest.mark.parametrize("label", BOGUS_CHARSETS)
def test_a_charset_label_naming_no_text_encoding_is_ignored(label: str) -> None:
    """Python's codec registry also holds bytes-to-bytes codecs (base64, zlib...) and two
    that fail on any input (undefined, punycode on Cyrillic): as a declared charset each
    raised out of decode_html, which must never raise."""
    page = "<p>Общинският съвет прие бюджета за догодина след дълго обсъждане.</p>" * 20
    for content_type, declared in (
        (f"text/html; charset={label}", page),
        (None, f'<meta charset="{label}">{page}'),
        (None, f'<meta http-equiv="Content-Type" content="text/html; charset={label}">{page}'),
    ):
        text, encoding = decode_html(declared.encode(), content_type)
        assert text == declared and encoding == "utf-8"
        text, encoding = decode_html(declared.encode("cp1251"), content_type)
        assert text == declared and encoding != label


@pytest.mark.parametrize("label", ["cp037", "cp500", "utf-16", "utf-16be", "utf-32", "utf-7"])
def test_a_meta_naming_an_encoding_ascii_is_not_in_is_ignored(label: str) -> None:
    """A <meta> is found by reading the page as ASCII, so it cannot mean EBCDIC or UTF-16
    (WHATWG): taken at its word, cp037 turned every byte of a page to noise and no tag was
    left to extract; UTF-16 did the same to any page of even length."""
    page = f'<html><head><meta charset="{label}"></head><body><p>Общината прие бюджета.</p>'
    page += " " * (len(page.encode()) % 4)  # a length UTF-16 and UTF-32 would both take
    text, encoding = decode_html(page.encode())
    assert (text, encoding) == (page, "utf-8")


@pytest.mark.parametrize("label", ["cp037", "cp500", "cp1140", "utf-32", "utf-7"])
def test_a_header_naming_an_encoding_no_browser_knows_is_ignored(label: str) -> None:
    """A Content-Type header's EBCDIC, UTF-32 or UTF-7 is no label a browser knows (WHATWG),
    and read as it says, it turned a plain page to noise (cp037: no tag left to extract);
    the page is read as if the header named nothing."""
    page = "<html><head></head><body><p>Общината прие бюджета.</p>"
    page += " " * (len(page.encode()) % 4)
    text, encoding = decode_html(page.encode(), f"text/html; charset={label}")
    assert (text, encoding) == (page, "utf-8")


@pytest.mark.parametrize(
    ("label", "codec"),
    [("utf-16", "utf-16-le"), ("UTF-16LE", "utf-16-le"), ("utf-16be", "utf-16-be"),
     ("utf-16", "utf-16-be"), ("utf-16le", "utf-16-be")],
)  # fmt: skip
def test_a_header_naming_utf16_is_believed_without_a_byte_order_mark(
    label: str, codec: str
) -> None:
    """A Content-Type header's UTF-16 is a label browsers know (WHATWG). One byte is no
    UTF-16, so ``_normalise`` knew no such codec and a page without a byte order mark read
    as UTF-8: every other character a NUL, no tag read as one. The zero bytes of its ASCII
    markup say which end comes first, whatever the label claims."""
    page = "<html><head><title>Общината</title></head><body><p>Общината прие бюджета.</p>"
    text, encoding = decode_html(page.encode(codec), f"text/html; charset={label}")
    assert (text, encoding) == (page, codec)


def test_a_header_naming_utf16_over_a_page_with_no_zero_byte_is_ignored() -> None:
    """UTF-16 markup has a zero byte in every ASCII character: a page with none is no
    UTF-16, whatever a misconfigured server says (read as UTF-16, it was noise)."""
    page = "<html><head></head><body><p>Общината прие бюджета.</p>"
    page += " " * (len(page.encode()) % 2)
    for label in ("utf-16", "utf-16le", "utf-16be"):
        text, encoding = decode_html(page.encode(), f"text/html; charset={label}")
        assert (text, encoding) == (page, "utf-8")


def test_a_header_naming_utf16_over_a_utf8_page_with_a_stray_zero_byte_is_ignored() -> None:
    """One NUL in a UTF-8 page (a CMS's stray byte) is no UTF-16 markup, which has a zero
    byte beside every ASCII character: read as UTF-16 for it, the whole page was noise."""
    page = "<html><head><title>Общината</title></head><body>"
    page += "<p>Общинският съвет прие бюджета.</p>" * 20 + "</body></html>"
    raw = page.encode().replace(b"</title>", b"</title>\x00", 1)
    for label in ("utf-16", "utf-16le", "utf-16be"):
        text, encoding = decode_html(raw, f"text/html; charset={label}")
        assert encoding == "utf-8" and "Общинският съвет прие бюджета." in text


def test_a_header_naming_utf16_is_believed_over_prose_that_is_mostly_cyrillic() -> None:
    """Cyrillic letters have no zero byte in UTF-16: the spaces and markup between them
    are what tell the page, and a page of little markup still has enough."""
    page = "<p>" + "Общинският съвет прие бюджета за следващата година. " * 60 + "</p>"
    for codec in ("utf-16-le", "utf-16-be"):
        assert decode_html(page.encode(codec), "text/html; charset=utf-16") == (page, codec)


def test_a_crawl_archives_a_utf16_page_without_a_byte_order_mark(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    title = "Новина в UTF-16 от общината"
    wide = article_html(604, title=title, charset="utf-16-le")
    special = {604: response(body=wide, content_type="text/html; charset=utf-16")}
    with HostileServer(news_site([605], special)) as site:
        result = crawl_mirrored(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT title, text FROM articles WHERE url = ?", (SITE + slug(604),))
        archived = row.fetchone()
    assert archived is not None and archived[0] == title
    assert "\x00" not in archived[1] and "общинският съвет обсъди бюджета" in archived[1]


def test_reextract_reads_a_utf16_page_an_older_release_stored_as_utf8_as_utf16(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    """A UTF-16 page without a byte order mark was stored with "utf-8", the reading that
    made it a NUL every other letter, and ``reextract`` reads a capture by its stored
    encoding: the fix for new crawls left every such archived page as it was."""
    title = "Новина в UTF-16 от общината"
    wide = article_html(612, title=title, charset="utf-16-le")
    special = {612: response(body=wide, content_type="text/html; charset=utf-16")}
    with HostileServer(news_site([613], special)) as site:
        assert crawl_mirrored(run_cli, site, db).exit_code == 0
    with sqlite3.connect(db) as conn:  # as the older release stored and extracted it
        conn.execute("UPDATE captures SET encoding = 'utf-8' WHERE encoding = 'utf-16-le'")
        conn.execute("UPDATE articles SET title = 'x' WHERE url LIKE '%/612-%'")
    result = run_cli("reextract", "--profile", str(write_profile(db.parent)), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("re-extracted: 1 changed, 1 unchanged"), result.stdout
    with sqlite3.connect(db) as conn:
        row = conn.execute("SELECT title, text FROM articles WHERE url LIKE '%/612-%'")
        archived = row.fetchone()
    assert archived[0] == title and "\x00" not in archived[1]


def test_check_site_reads_a_page_by_its_headers_charset_as_the_crawl_does(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    """check-site extracted the page's bytes without its Content-Type, so a page whose
    charset the header alone names (UTF-16 without a byte order mark here) was checked
    otherwise than the crawl reads it: its title and body "drifted", exit 1."""
    title = "Новина в UTF-16 от общината"
    wide = article_html(611, title=title, charset="utf-16-le")
    special = {611: response(body=wide, content_type="text/html; charset=utf-16")}
    with HostileServer(news_site([], special)) as site:
        result = run_cli(
            "check-site", "fault", "--profile", str(write_profile(db.parent)),
            "--base-url", site.url, "--delay", "0", "-f", "json",
        )  # fmt: skip
    assert "Traceback" not in result.stderr  # (exit 1: the listing's page 2 is a 404 here)
    [article] = result.json()["articles"]
    fields = article["fields"]
    assert fields["title"]["value"] == title and fields["title"]["rule"] == "profile:h1"
    assert fields["text"]["rule"] == "profile:article .body"
    assert not any(field["drift"] for field in fields.values()) and article["unmatched"] == []


def test_a_crawl_archives_pages_declaring_a_bogus_charset(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    special = {
        601: response(body=article_html(601), content_type="text/html; charset=base64"),
        602: html(article_html(602).replace(b'charset="utf-8"', b'charset="rot13"')),
    }
    with HostileServer(news_site([603], special)) as site:
        result = crawl_mirrored(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    urls, _ = crawl_db(db)
    assert sorted(urls) == [SITE + slug(i) for i in (601, 602, 603)]


# header values past ASCII ------------------------------------------------------------------
def test_validators_past_ascii_are_sent_back_as_they_came() -> None:
    """httpx reads header values as Latin-1 and sends str ones as ASCII: an ETag with a
    byte past ASCII, stored by one crawl, raised UnicodeEncodeError in every later one."""
    odd = raw(
        b'HTTP/1.1 200 OK\r\nETag: "\xff\xe9"\r\nLast-Modified: \xb2\xff\r\n'
        b"Content-Length: 2\r\nConnection: close\r\n\r\nhi"
    )
    options = FetchOptions(delay=0, backoff=0.01, retries=1, respect_robots=False)
    with HostileServer({"/a": odd, "/b": html("<p>b</p>")}) as site, Fetcher(options) as fetcher:
        first = fetcher.fetch(f"{site.url}/a")
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert etag == '"ÿé"' and modified == "²ÿ"
        for validators in ((etag, modified), ("ш-not-latin-1", "x\x00y")):
            again = fetcher.fetch(f"{site.url}/b", etag=validators[0], last_modified=validators[1])
            assert again.status == 200


def test_a_crawl_after_one_that_stored_odd_validators_still_runs(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    routes = news_site([701, 702])
    listing = routes["/news"]
    head = b'HTTP/1.1 200 OK\r\nETag: "\xe9t\xe9"\r\nLast-Modified: \xb2\r\nConnection: close\r\n'

    def odd_listing(send: Callable[[bytes], bool]) -> None:
        sent: list[bytes] = []
        listing.run(lambda data: sent.append(data) or True)
        body = b"".join(sent).split(b"\r\n\r\n", 1)[1]
        send(head + b"Content-Length: %d\r\n\r\n" % len(body) + body)

    routes["/news"] = Reply(odd_listing)
    with HostileServer(routes) as site:
        first = crawl_mirrored(run_cli, site, db)
        second = crawl_mirrored(run_cli, site, db)
    assert first.exit_code == 0, first.stderr
    assert second.exit_code == 0, second.stderr
    assert site.hits["/news"] == 2


@pytest.mark.parametrize("value", ["²", "٣", "1e9", "9" * 400, "-5"])
def test_any_retry_after_is_a_wait_or_none(value: str) -> None:
    from newsarchive.fetch.failures import retry_after_seconds

    seconds = retry_after_seconds(value)
    assert seconds is None or seconds >= 0


def test_a_retry_after_past_ascii_is_no_crash() -> None:
    routes = {"/a": raw(b"HTTP/1.1 503 No\r\nRetry-After: \xb2\r\nContent-Length: 0\r\n\r\n")}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(FetchError, match="HTTP 503 after 4 attempts"):
            fetcher.fetch(f"{site.url}/a")


# text the page escapes past Unicode ---------------------------------------------------------
def test_a_page_whose_json_ld_escapes_lone_surrogates_is_archived(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    """JSON lets a page write "\\ud800", a lone surrogate no UTF-8 can hold: as an author
    or a tag it reached the archive, and SQLite's encoder ended the crawl."""
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"author": {"@type": "Person", "name": "Иван \\udc80 Петров"}, '
        '"keywords": "таг\\ud83d, друг", "headline": "Заглавие \\ud800"}</script>'
    ).encode()
    page = article_html(801).replace(b"</head>", ld + b"</head>")
    with HostileServer(news_site([802], {801: html(page)})) as site:
        result = crawl_mirrored(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT url, author FROM articles").fetchall())
    assert rows[SITE + slug(801)] == "Иван Петров"
    assert len(rows) == 2


@pytest.mark.parametrize("stage", ["reading the response", "storing the article"])
def test_a_failure_no_test_foresaw_costs_one_page_not_the_crawl(
    run_cli: Callable[..., Result],
    db: Path,
    fast_env: None,
    monkeypatch: pytest.MonkeyPatch,
    stage: str,
) -> None:
    """Three inputs above (a bogus charset, validators past ASCII, a lone surrogate) each
    raised something unforeseen on one page and ended the whole crawl with exit 70. The
    next one no test foresees fails its page only: reported, retried next run."""
    from newsarchive.archive.store import Store
    from newsarchive.fetch import client

    marker = "Статия с капан"

    if stage == "reading the response":
        real_decode = client.decode_html

        def decode(content: bytes, content_type: str | None = None) -> tuple[str, str]:
            if marker.encode() in content:
                raise RuntimeError("something nobody foresaw")
            return real_decode(content, content_type)

        monkeypatch.setattr(client, "decode_html", decode)
    else:
        real_upsert = Store.upsert_article

        def upsert(self: Store, article: Any, **kwargs: Any) -> Any:
            if marker in article.title:
                raise UnicodeEncodeError("utf-8", "\udc80", 0, 1, "surrogates not allowed")
            return real_upsert(self, article, **kwargs)

        monkeypatch.setattr(Store, "upsert_article", upsert)
    special = {901: html(article_html(901, title=marker))}
    with HostileServer(news_site([902, 903], special)) as site:
        result = crawl_mirrored(run_cli, site, db)
    assert result.exit_code == 1, result.stderr
    assert result.stderr.count("\n") == 1 and SITE + slug(901) in result.stderr, result.stderr
    urls, frontier = crawl_db(db)
    assert sorted(urls) == [SITE + slug(902), SITE + slug(903)]
    assert frontier[SITE + slug(901)] == ("failed", 1)


def test_stacked_content_encodings_are_refused_before_inflating() -> None:
    """httpx inflates each chunk through every layer at once: 1 MB of gzip of gzip held
    2 GB at its peak before the size cap saw a byte; one layer of ten billion zeros
    would be worse."""
    inner = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * (1 << 20)
    layer = b"".join(inner.compress(zeros) for _ in range(256)) + inner.flush()
    bomb = gzip.compress(layer)  # 256 MiB of zeros in a few kilobytes
    routes = {
        "/bomb": response(body=bomb, headers={"Content-Encoding": "gzip, gzip"}),
        "/split": raw(
            b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Encoding: gzip\r\n"
            b"Content-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(bomb), bomb)
        ),
        "/one": response(body=gzip.compress(b"<p>fine</p>"), headers={"Content-Encoding": "gzip"}),
    }
    tracemalloc.start()
    try:
        with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
            for path in ("/bomb", "/split"):
                with pytest.raises(FetchError, match="stacked content encodings gzip, gzip"):
                    fetcher.fetch(f"{site.url}{path}")
            assert fetcher.fetch(f"{site.url}/one").content == b"<p>fine</p>"
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 50 * 1024 * 1024, peak
    assert site.hits["/bomb"] == site.hits["/split"] == 1  # malformed: never retried


def test_one_coding_spelled_with_identity_or_a_stray_comma_is_still_inflated() -> None:
    """The coding undone is the one left after "identity" and empty items, as the stacking
    check counts it: the raw header "identity, gzip" passed the gzip bytes through."""
    body = gzip.compress(b"<p>fine</p>")
    routes = {
        "/identity": response(body=body, headers={"Content-Encoding": "identity, gzip"}),
        "/comma": response(body=body, headers={"Content-Encoding": "gzip,"}),
    }
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        for path in routes:
            assert fetcher.fetch(f"{site.url}{path}").content == b"<p>fine</p>", path


def test_a_host_that_says_come_back_later_to_six_requests_in_a_row_rests_for_the_run(
    run_cli: Callable[..., Result], db: Path, fast_env: None
) -> None:
    """Each URL of a site answering only 503 cost its retries, for as many URLs as the
    request budget allowed. The breaker then counted URLs, each after all its retries:
    three URLs, twelve requests, before the run asked no more (and 3 * (retries + 1)
    with more retries set). Counted by request, the first URL has its tries and the
    second is left queued at its second busy answer: six requests. The run says so once
    and the next run resumes the rest."""
    busy = response(503, b"busy")
    ids = list(range(901, 909))
    routes = news_site([], dict.fromkeys(ids, busy))
    with HostileServer(routes) as site:
        first = crawl_mirrored(run_cli, site, db)
        asked = {path: hits for path, hits in site.hits.items() if path.startswith("/news/")}
        assert list(asked.values()) == [4, 2], asked  # 4, 4, 4 before
        assert first.exit_code == 1  # the first one failed
        said = [line for line in first.stderr.splitlines() if "not asked again" in line]
        assert len(said) == 1 and "answered HTTP 503 to 6" in said[0], first.stderr
        assert "requests in a row" in said[0] and "the next run resumes" in said[0]
        assert "come back later" in first.stdout
        _, frontier = crawl_db(db)
        states = sorted(state for url, (state, _) in frontier.items() if "/news/9" in url)
        assert states == ["failed"] + ["queued"] * 7  # the second never answered: queued
        routes.update({slug(i): html(article_html(i)) for i in ids})  # back from maintenance
        second = crawl_mirrored(run_cli, site, db)
    assert second.exit_code == 0, second.stderr
    assert sorted(crawl_db(db)[0]) == sorted(SITE + slug(i) for i in ids)


def test_more_retries_do_not_make_a_busy_host_cost_more_requests(
    run_cli: Callable[..., Result], db: Path, fast_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``$NEWSARCHIVE_RETRIES`` at 9, three URLs answered only 503 were thirty
    requests before the host rested; the bound is the breaker's, whatever the retries:
    the first URL's six tries (its failure), and the next URL's first busy answer."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "9")
    busy = response(503, b"busy")
    routes = news_site([], dict.fromkeys(range(901, 909), busy))
    with HostileServer(routes) as site:
        result = crawl_mirrored(run_cli, site, db)
    asked = [hits for path, hits in site.hits.items() if path.startswith("/news/")]
    assert asked == [6, 1], asked
    assert result.exit_code == 1 and "answered HTTP 503 to 7 requests" in result.stderr
    _, frontier = crawl_db(db)
    states = sorted(state for url, (state, _) in frontier.items() if "/news/9" in url)
    assert states == ["failed"] + ["queued"] * 7  # the second never answered: queued


def test_one_page_busy_to_all_its_tries_fails_alone_however_many_retries(
    run_cli: Callable[..., Result], db: Path, fast_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With ``$NEWSARCHIVE_RETRIES`` at 9, one page answered only 503 reached six busy
    requests in a row by itself and rested the host: the site's run ended there, its
    other pages unread, and the page, left queued, ended the next run the same way. Its
    own busy answers are that page's failure; the breaker stands for the host's."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "9")
    routes = news_site([902, 903], {901: response(503, b"busy")})
    with HostileServer(routes) as site:
        result = crawl_mirrored(run_cli, site, db)
    assert "not asked again" not in result.stderr, result.stderr
    assert result.exit_code == 1 and "HTTP 503 after 6 attempts" in result.stderr
    urls, frontier = crawl_db(db)
    assert sorted(urls) == [SITE + slug(902), SITE + slug(903)]
    assert frontier[SITE + slug(901)][0] == "failed"
    assert site.hits[slug(901)] == 6


def test_a_redirect_to_a_page_fetched_elsewhere_is_not_followed_but_its_own_move_is() -> None:
    """``elsewhere`` names the pages the caller fetches on its own: a redirect there ends
    the fetch (the page once cost a second request), but a hop to another spelling of
    the very URL asked for (a tracking parameter added, another scheme) is followed."""
    routes = {
        "/a": redirect("/a/", 301),
        "/a/": html("<p>a</p>"),
        "/b": redirect("/b?utm_source=x", 301),
        "/b?utm_source=x": html("<p>b</p>"),
    }
    asked: list[tuple[str, str]] = []

    def elsewhere(url: str, target: str) -> NotFollowed:
        asked.append((url, target))
        return NotFollowed.FETCHED

    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(Elsewhere) as stopped:
            fetcher.fetch(f"{site.url}/a", elsewhere=elsewhere)
        assert stopped.value.page == f"{site.url}/a/" and stopped.value.why is NotFollowed.FETCHED
        assert fetcher.fetch(f"{site.url}/b", elsewhere=elsewhere).content == b"<p>b</p>"
    assert "/a/" not in site.hits and site.hits["/b?utm_source=x"] == 1
    assert asked == [(f"{site.url}/a", f"{site.url}/a/")]


def _a_day_away() -> str:
    return email.utils.format_datetime(dt.datetime.now(dt.UTC) + dt.timedelta(days=1), True)


@pytest.mark.parametrize("when", ["seconds", "http-date"])
def test_a_host_asking_for_a_day_rests_at_its_first_answer_and_loses_nothing(
    run_cli: Callable[..., Result], db: Path, fast_env: None, when: str
) -> None:
    """A site in maintenance answering every URL 503 with ``Retry-After: 86400`` (or the
    date a day away): each URL slept the cap between its retries, and the host rested
    only once three URLs had failed so, some 18 minutes of a nightly run at default
    settings, and those three were marked failed. Asked for longer than we wait, the run
    rests the host at its first answer, says when it asked us back, and leaves every URL
    queued (none failed) for the next run."""
    retry_after = "86400" if when == "seconds" else _a_day_away()
    busy = response(503, b"busy", headers={"Retry-After": retry_after})
    ids = list(range(901, 909))
    routes = news_site([], dict.fromkeys(ids, busy))
    with HostileServer(routes) as site:
        first = crawl_mirrored(run_cli, site, db)
        asked = {path: hits for path, hits in site.hits.items() if path.startswith("/news/")}
        assert list(asked.values()) == [1], asked  # one article asked, once; no retry
        assert first.exit_code == 1, first.stderr  # partly done: the rest waits
        lines = first.stderr.splitlines()
        assert len(lines) == 1, first.stderr
        assert "asked us to come back in 24 hours" in lines[0], lines[0]
        assert "HTTP 503" in lines[0] and "not asked again in this run" in lines[0]
        assert "the next run resumes" in lines[0]
        assert "come back later" in first.stdout
        _, frontier = crawl_db(db)
        states = [state for url, (state, _) in frontier.items() if "/news/9" in url]
        assert states == ["queued"] * len(ids)  # nothing failed, nothing lost
        routes.update({slug(i): html(article_html(i)) for i in ids})  # back from maintenance
        second = crawl_mirrored(run_cli, site, db)
    assert second.exit_code == 0, second.stderr
    assert sorted(crawl_db(db)[0]) == sorted(SITE + slug(i) for i in ids)


def test_only_come_back_later_in_a_row_rests_a_host() -> None:
    """One URL's busy answers alone are that URL's failure (all its tries, counted); a
    page answered starts the count again; a 500 is not "later" and neither counts nor
    starts it again; the sixth busy request in a row rests the host mid-retries."""
    busy = response(503, b"busy")
    routes = {"/b1": busy, "/ok": html("<p>ok</p>"), "/b2": busy, "/err": response(500)}
    routes |= {"/b3": busy, "/after": html("<p>ok</p>")}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        for path in ("/b1", "/ok", "/b2", "/err"):
            try:
                fetcher.fetch(f"{site.url}{path}")
            except FetchError as exc:
                assert not isinstance(exc, HostResting), path
        with pytest.raises(HostResting, match="6 requests in a row: not asked again in this run"):
            fetcher.fetch(f"{site.url}/b3")  # busy to /b2's four tries, then two of its own
        with pytest.raises(HostResting, match="6 requests in a row"):
            fetcher.fetch(f"{site.url}/after")
    assert site.hits["/b1"] == site.hits["/b2"] == 4 and site.hits["/b3"] == 2, site.hits
    assert "/after" not in site.hits


SILENT = drip(b"", b"", 0)  # reads the request, then says nothing until the client hangs up


def test_a_host_that_stops_answering_rests_for_the_run_and_loses_nothing(
    run_cli: Callable[..., Result], db: Path, fast_env: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that accepts connections and then hangs (a dead backend behind its
    proxy, a firewall dropping a crawler's packets) cost every URL all its tries, each a
    whole timeout: 4 x 20 s a URL at the defaults, for as many URLs as the request
    budget allowed. Six requests in a row without an answer rest the host as six
    "come back later" do: one warning, the URL asked then queued, not failed."""
    monkeypatch.setenv("NEWSARCHIVE_TIMEOUT", "0.3")
    ids = list(range(901, 909))
    routes = news_site([], dict.fromkeys(ids, SILENT))
    with HostileServer(routes) as site:
        first = crawl_mirrored(run_cli, site, db)
        asked = {path: hits for path, hits in site.hits.items() if path.startswith("/news/")}
        assert list(asked.values()) == [4, 2], asked  # 4 for each of the 8 before
        assert first.exit_code == 1, first.stderr
        said = [line for line in first.stderr.splitlines() if "not asked again" in line]
        assert len(said) == 1, first.stderr
        assert "gave no answer in time to 6 requests in a row" in said[0], said[0]
        assert "ReadTimeout" in said[0] and "the next run resumes" in said[0]
        assert "stopped answering" in first.stdout
        _, frontier = crawl_db(db)
        states = sorted(state for url, (state, _) in frontier.items() if "/news/9" in url)
        assert states == ["failed"] + ["queued"] * 7
        routes.update({slug(i): html(article_html(i)) for i in ids})  # the backend is back
        second = crawl_mirrored(run_cli, site, db)
    assert second.exit_code == 0, second.stderr
    assert sorted(crawl_db(db)[0]) == sorted(SITE + slug(i) for i in ids)


def test_only_requests_unanswered_in_a_row_rest_a_host() -> None:
    """One page the server never answers in time is that page's failure (all its
    tries); an answer of any kind, a 500 too, starts the count again; the sixth
    unanswered request in a row rests the host mid-retries."""
    options = replace(QUICK, timeout=0.2)
    routes = {"/s1": SILENT, "/ok": html("<p>ok</p>"), "/s2": SILENT, "/err": response(500)}
    routes |= {"/s3": SILENT, "/s4": SILENT, "/after": html("<p>ok</p>")}
    with HostileServer(routes) as site, Fetcher(options) as fetcher:
        for path in ("/s1", "/ok", "/s2", "/err", "/s3"):
            try:
                fetcher.fetch(f"{site.url}{path}")
            except FetchError as exc:
                assert not isinstance(exc, HostResting), path
        with pytest.raises(HostResting, match="no answer in time to 6 requests in a row"):
            fetcher.fetch(f"{site.url}/s4")  # /s3's four tries, then two of its own
        with pytest.raises(HostResting, match="6 requests in a row"):
            fetcher.fetch(f"{site.url}/after")
    assert site.hits["/s1"] == site.hits["/s2"] == site.hits["/s3"] == 4, site.hits
    assert site.hits["/s4"] == 2 and "/after" not in site.hits, site.hits


def test_responses_trickling_past_the_deadline_count_as_no_answer_in_time() -> None:
    """A slowloris server (every page a byte at a time) cost each URL two whole deadlines
    (60 s each at the defaults), for every URL the budget allowed. Each try cut at the
    deadline is one request with no answer in time: the third URL's second try rests the
    host."""
    options = replace(QUICK, deadline=0.3)
    slow = trickle(b"<p>" + b"x" * 5000, 0.05)
    routes = {"/t1": slow, "/t2": slow, "/t3": slow, "/after": html("<p>ok</p>")}
    with HostileServer(routes, stream_limit=30) as site, Fetcher(options) as fetcher:
        for path in ("/t1", "/t2"):
            with pytest.raises(FetchError, match="deadline") as failed:
                fetcher.fetch(f"{site.url}{path}")
            assert not isinstance(failed.value, HostResting), path
        with pytest.raises(HostResting, match="no answer in time to 6 requests in a row"):
            fetcher.fetch(f"{site.url}/t3")
        with pytest.raises(HostResting):
            fetcher.fetch(f"{site.url}/after")
    assert [site.hits.get(p) for p in ("/t1", "/t2", "/t3", "/after")] == [2, 2, 2, None]


def _bomb(wbits: int, mebibytes: int) -> bytes:
    """``mebibytes`` MiB of zeros, compressed: about a thousandfold."""
    packer = zlib.compressobj(9, zlib.DEFLATED, wbits)
    zeros = b"\0" * (1 << 20)
    return b"".join(packer.compress(zeros) for _ in range(mebibytes)) + packer.flush()


@pytest.mark.parametrize(
    ("coding", "wbits", "undone"),
    [("gzip", 31, "gunzip"), ("deflate", 15, "inflating"), ("deflate", -15, "inflating")],
    ids=["gzip", "deflate", "raw-deflate"],
)
def test_one_layer_of_compression_is_inflated_no_further_than_the_cap(
    coding: str, wbits: int, undone: str
) -> None:
    """httpx inflated each network chunk whole before the cap counted it: 64 KB of gzip
    held 64 MiB, and a 1 MB bomb about 140 MiB at its peak, whatever the cap. Inflated
    here a step at a time, the cap (1 MiB) stops it within a step of itself."""
    page = b"<p>" + "новина ".encode() * 20_000 + b"</p>"
    routes = {
        "/bomb": response(body=_bomb(wbits, 24), headers={"Content-Encoding": coding}),
        "/page": response(body=_pack(page, wbits), headers={"Content-Encoding": coding}),
    }
    options = FetchOptions(delay=0, max_bytes=1 << 20, respect_robots=False)
    with HostileServer(routes) as site, Fetcher(options) as fetcher:
        assert fetcher.fetch(f"{site.url}/page").content == page  # a page is read whole
        tracemalloc.start()
        try:
            with pytest.raises(FetchError, match=rf"larger than 1048576 bytes \(after {undone}\)"):
                fetcher.fetch(f"{site.url}/bomb")
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    assert peak < 4 * 1024 * 1024, peak  # 24 MiB before
    assert site.hits["/bomb"] == 1


def _pack(data: bytes, wbits: int) -> bytes:
    packer = zlib.compressobj(6, zlib.DEFLATED, wbits)
    return packer.compress(data) + packer.flush()


def test_an_absurd_retry_after_is_capped_and_said() -> None:
    """A server asking for a day between tries of a 500 (not a "come back later", so the
    host does not rest) must not get it: each wait asked of the clock is the cap, and
    the failure says what it asked for and what was waited instead."""
    failing = response(500, b"broken", headers={"Retry-After": "86400"})
    waits: list[float] = []
    with HostileServer({"/a": failing}) as site, Fetcher(QUICK, sleep=waits.append) as fetcher:
        with pytest.raises(FetchError) as failed:
            fetcher.fetch(f"{site.url}/a")
    assert site.hits["/a"] == 4
    assert len(waits) == 3 and all(0 < wait <= QUICK.max_retry_after for wait in waits), waits
    assert "HTTP 500 (Retry-After 86,400 s; waits are capped at 0.05 s) after 4 attempts" in str(
        failed.value
    )


@pytest.mark.parametrize("status", [429, 503])
def test_come_back_later_past_the_cap_rests_the_host_without_a_wait(status: int) -> None:
    """Sleeping the cap and asking again only meets the same answer: no wait, no retry,
    and no other URL of the host is asked in the run."""
    busy = response(status, b"busy", headers={"Retry-After": "7200"})
    waits: list[float] = []
    routes = {"/a": busy, "/b": html("<p>ok</p>")}
    with HostileServer(routes) as site, Fetcher(QUICK, sleep=waits.append) as fetcher:
        with pytest.raises(HostResting, match=r"come back in 2 hours \(HTTP \d+, Retry-After 7,2"):
            fetcher.fetch(f"{site.url}/a")
        with pytest.raises(HostResting, match="not asked again in this run"):
            fetcher.fetch(f"{site.url}/b")
    assert waits == []
    assert site.hits.get("/a") == 1 and "/b" not in site.hits


def test_a_robots_txt_answered_by_a_query_on_a_shared_host_is_only_its_sites() -> None:
    """Two sites whose robots.txt both redirect to one generator of a hosting company
    (``/robots.txt?site=a``, ``/robots.txt?site=b``): the query says whose rules came
    back, so the first site's verdict is neither the second's nor the host's own."""
    allow_a = response(body=b"User-agent: *\nDisallow: /private\n", content_type="text/plain")
    deny_b = response(body=b"User-agent: *\nDisallow: /\n", content_type="text/plain")
    with HostileServer() as hub:
        hub.routes.update({"/robots.txt?site=a": allow_a, "/robots.txt?site=b": deny_b})
        hub.routes["/robots.txt"] = response(
            body=b"User-agent: *\nDisallow: /\n", content_type="text/plain"
        )
        with (
            HostileServer({"/robots.txt": redirect(f"{hub.url}/robots.txt?site=a")}) as a,
            HostileServer({"/robots.txt": redirect(f"{hub.url}/robots.txt?site=b")}) as b,
        ):
            with Fetcher(QUICK, transport=LoopbackOnly()) as fetcher:
                assert fetcher.allowed(f"{a.url}/news")
                assert not fetcher.allowed(f"{b.url}/news")
                assert not fetcher.allowed(f"{hub.url}/news")
    assert hub.requests == ["/robots.txt?site=a", "/robots.txt?site=b", "/robots.txt"]


def test_a_stray_line_end_after_the_body_is_no_cut() -> None:
    """An old server sending CRLF after a body of its declared length sent all of it."""
    body = b"<p>whole</p>"
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body)
    with HostileServer({"/a": raw(head + body + b"\r\n")}) as site, Fetcher(QUICK) as fetcher:
        assert fetcher.fetch(f"{site.url}/a").content == body
    assert site.hits["/a"] == 1


# robots.txt sent to another host (RFC 9309, 2.3.1.2) -----------------------------------
def _rules(text: str) -> Reply:
    return response(body=text.encode(), content_type="text/plain")


def test_a_robots_txt_redirected_off_the_sites_hosts_is_followed_and_its_rules_hold() -> None:
    """A site whose robots.txt answers a redirect to another host (a CDN, its hosting
    company's rules) has those rules: the RFC asks a crawler to follow up to five
    redirects, across hosts too. Refused as any off-site redirect is, it was taken as
    "no robots.txt" and the site's ``Disallow`` lines went unread."""
    with HostileServer({"/rules/site.txt": _rules("User-agent: *\nDisallow: /private\n")}) as cdn:
        routes = {"/robots.txt": redirect(f"{cdn.url}/rules/site.txt", 301)}
        routes["/a"] = html("<p>a</p>")
        with HostileServer(routes) as site:
            hosts = (site.netloc,)
            with Fetcher(QUICK, site_hosts=hosts, transport=LoopbackOnly()) as fetcher:
                assert fetcher.robots_problem(site.url) is None
                assert fetcher.fetch(f"{site.url}/a").status == 200
                with pytest.raises(RobotsDisallowed):
                    fetcher.fetch(f"{site.url}/private/x")
                # (the crawl itself stays on the site: a page sent there is still refused)
    assert cdn.requests == ["/rules/site.txt"]
    assert "/private/x" not in site.hits


def test_a_relative_sitemap_line_of_a_robots_txt_on_another_host_names_the_sites_file() -> None:
    """A site's robots.txt sent to a CDN's rules file (RFC 9309: its rules the site's,
    "in the context of the initial authority"): its ``Sitemap: /sitemap.xml`` is the
    site's, where read against the CDN it was on no host of the site and exploring
    dropped it. A full URL stays as written; another host's own robots.txt (the site's
    host now) is read where it is."""
    text = "User-agent: *\nDisallow:\nSitemap: /sitemap.xml\nSitemap: news.xml\n"
    with HostileServer({"/rules/site.txt": _rules(text)}) as cdn:
        cdn.routes["/rules/site.txt"] = _rules(text + f"Sitemap: {cdn.url}/all.xml\n")
        cdn.routes["/robots.txt"] = _rules("User-agent: *\nDisallow:\nSitemap: /moved.xml\n")
        routes = {"/robots.txt": redirect(f"{cdn.url}/rules/site.txt", 301)}
        with HostileServer(routes) as site, HostileServer() as old:
            old.routes["/robots.txt"] = redirect(f"{cdn.url}/robots.txt", 301)
            hosts = (site.netloc, old.netloc)
            with Fetcher(QUICK, site_hosts=hosts, transport=LoopbackOnly()) as fetcher:
                assert fetcher.robots_sitemaps(f"{site.url}/") == [
                    f"{site.url}/sitemap.xml",
                    f"{site.url}/news.xml",
                    f"{cdn.url}/all.xml",
                ]
                assert fetcher.robots_sitemaps(f"{old.url}/") == [f"{cdn.url}/moved.xml"]


def test_a_robots_txt_chain_across_hosts_is_followed_to_the_redirect_limit() -> None:
    """Five hops across two hosts are followed; a sixth is "unavailable", allowed (RFC
    9309: a crawler may take robots.txt past five redirects as unavailable)."""
    deny = _rules("User-agent: *\nDisallow: /\n")
    with HostileServer() as far, HostileServer() as near:
        for n in range(1, 7):  # /r1 .. /r6, odd ones on far, even on near; /r6 the rules
            here, there = (far, near) if n % 2 else (near, far)
            here.routes[f"/r{n}"] = redirect(f"{there.url}/r{n + 1}") if n < 6 else deny
        with HostileServer({"/robots.txt": redirect(f"{near.url}/r2")}) as five:
            hosts = (five.netloc,)
            with Fetcher(QUICK, site_hosts=hosts, transport=LoopbackOnly()) as fetcher:
                # /robots.txt -> r2 -> r3 -> r4 -> r5 -> r6 (rules): five redirects
                assert not fetcher.allowed(f"{five.url}/a")
        with HostileServer({"/robots.txt": redirect(f"{far.url}/r1")}) as six:
            hosts = (six.netloc,)
            with Fetcher(QUICK, site_hosts=hosts, transport=LoopbackOnly()) as fetcher:
                assert fetcher.allowed(f"{six.url}/a")  # six redirects: unavailable


@pytest.mark.parametrize(
    ("end", "allowed"),
    [(response(404, b"none"), True), (response(503, b"down"), False)],
    ids=["404-allows", "5xx-disallows"],
)
def test_a_robots_txt_redirected_off_the_site_ends_as_its_status_says(
    end: Reply, allowed: bool
) -> None:
    """What the redirect leads to counts as a direct answer would: a 4xx there is no
    robots.txt (allowed), a 5xx that persists disallows the site for the run."""
    with HostileServer({"/rules.txt": end}) as cdn:
        routes = {"/robots.txt": redirect(f"{cdn.url}/rules.txt"), "/a": html("<p>a</p>")}
        with HostileServer(routes) as site:
            hosts = (site.netloc,)
            with Fetcher(QUICK, site_hosts=hosts, transport=LoopbackOnly()) as fetcher:
                problem = fetcher.robots_problem(site.url)
                assert (problem is None) == allowed, problem
                if allowed:
                    assert fetcher.fetch(f"{site.url}/a").status == 200
                else:
                    assert problem is not None and "HTTP 503" in problem
                    with pytest.raises(FetchError, match="robots.txt"):
                        fetcher.fetch(f"{site.url}/a")
    assert "/a" in site.hits if allowed else "/a" not in site.hits


def test_a_robots_txt_redirect_is_not_followed_off_a_base_url_mirror() -> None:
    """A ``--base-url`` run asks nothing of the live web: the mirror's robots.txt sent to
    another (public) host is unavailable there, so allowed, and that host is never
    contacted (``LoopbackOnly`` would fail the test). On the live site the same redirect
    is followed (``test_a_robots_txt_redirected_off_the_sites_hosts_...``)."""
    routes = {"/robots.txt": redirect("http://93.184.216.34/rules/site.txt", 301)}
    routes["/private/a"] = html("<p>a</p>")
    with HostileServer(routes) as site:
        guard = LoopbackOnly()
        hosts = ("fault.example",)
        with Fetcher(QUICK, site_hosts=hosts, transport=mirrored(site, guard)) as fetcher:
            assert fetcher.robots_problem("https://fault.example") is None
            assert fetcher.robots_sitemaps("https://fault.example/") == []
            assert fetcher.fetch("https://fault.example/private/a").status == 200
    assert site.requests == ["/robots.txt", "/private/a"]
    assert all(url.startswith(site.url) for url in guard.contacted), guard.contacted


def test_a_robots_txt_redirect_leaves_the_sites_hosts_but_not_for_an_internal_address() -> None:
    """Following robots.txt off the site keeps the address rule: a public site's
    robots.txt sent to 169.254.169.254 is refused (unavailable: allowed), one sent to a
    public host is followed, where a page's redirect there is refused."""
    policy = RedirectPolicy(["news.example"], resolve=lambda host: ["93.184.216.34"])
    start = "https://news.example/robots.txt"
    assert policy.refusal(start, "https://cdn.example/r.txt") == "off the site's hosts"
    assert policy.refusal(start, "https://cdn.example/r.txt", any_host=True) is None
    refused = policy.refusal(start, "http://169.254.169.254/robots.txt", any_host=True)
    assert refused is not None and "link-local" in refused
