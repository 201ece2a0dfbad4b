"""The polite fetcher, against real servers on 127.0.0.1: the fault server, the hostile one
(raw sockets: lying heads, hang-ups, stalls), a refused port, and one standing in for
several hosts. The network is never mocked."""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import socket
import threading
import time
import zlib
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

from newsarchive.errors import FetchError
from newsarchive.fetch.client import (
    DEFAULT_USER_AGENT,
    Fetcher,
    FetchInterrupted,
    FetchOptions,
    HostResting,
    RobotsDisallowed,
)
from newsarchive.fetch.failures import retry_after_seconds, unresolved
from newsarchive.fetch.inflate import StreamCut, inflated
from newsarchive.fetch.mirror import MirrorTransport
from newsarchive.fetch.recent import RecentPages
from newsarchive.fetch.resolver import NameWatch, resolver_silent
from newsarchive.fetch.robots import product_token, robots_agent, robots_rules
from newsarchive.fetch.sources import Miss, fetch_source
from newsarchive.mirror import MirrorServer
from newsarchive.models import Page

from .faultserver import FaultServer
from .hostileserver import (
    HostileServer,
    LoopbackOnly,
    Reply,
    Send,
    dead_port,
    drip,
    html,
    raw,
    redirect,
    response,
)
from .pageserver import Answer, hosts_server, pages_fetcher

QUICK = FetchOptions(delay=0, backoff=0.01, timeout=0.3, max_retry_after=0.05)


@pytest.fixture
def site() -> Iterator[FaultServer]:
    with FaultServer(articles=8, per_page=10, slow_seconds=0.6) as server:
        yield server


def page_url(server: FaultServer, path: str) -> str:
    return server.url + path


def test_retry_after_delta_seconds_and_http_date() -> None:
    now = dt.datetime(2026, 6, 1, 12, 0, 0, tzinfo=dt.UTC)
    assert retry_after_seconds("120") == 120.0
    assert retry_after_seconds("Mon, 01 Jun 2026 12:00:30 GMT", now) == 30.0
    assert retry_after_seconds("Mon, 01 Jun 2026 11:00:00 GMT", now) == 0.0  # in the past
    assert retry_after_seconds("soon") is None
    assert retry_after_seconds(None) is None


def test_retry_after_is_honoured_up_to_the_cap(site: FaultServer) -> None:
    """Up to the cap, a 503's Retry-After is waited exactly; past it, not at all: the
    host rests for the run (``HostResting``), the URL left for the next."""
    waits: list[float] = []
    options = FetchOptions(delay=0, backoff=0.01, max_retry_after=0.5)
    with Fetcher(options, sleep=waits.append) as fetcher, pytest.raises(HostResting):
        fetcher.fetch(page_url(site, "/news/102-retry-after-102"))  # Retry-After: 1
    assert waits == [] and site.hits["/news/102-retry-after-102"] == 1
    with Fetcher(FetchOptions(delay=0, max_retry_after=5), sleep=waits.append) as fetcher:
        site.hits.clear()
        assert fetcher.fetch(page_url(site, "/news/102-retry-after-102")).status == 200
    assert waits == [pytest.approx(1.0, abs=0.02)]  # under the cap: exactly what the server asked


def test_backoff_is_exponential_with_jitter_for_5xx(site: FaultServer) -> None:
    waits: list[float] = []
    options = FetchOptions(delay=0, backoff=1.0, max_retry_after=100)
    with Fetcher(options, sleep=waits.append) as fetcher:
        page = fetcher.fetch(page_url(site, "/news/103-flaky-103"))
    assert page.status == 200
    assert len(waits) == 2
    assert 1.0 <= waits[0] <= 1.5 and 2.0 <= waits[1] <= 3.0


def test_timeouts_are_retried_then_fail(site: FaultServer) -> None:
    with Fetcher(QUICK) as fetcher, pytest.raises(FetchError, match="Timeout.*4 attempts"):
        fetcher.fetch(page_url(site, "/news/104-slow-104"))
    assert site.hits["/news/104-slow-104"] == 4


def test_reset_mid_body_is_retried(site: FaultServer) -> None:
    with Fetcher(QUICK) as fetcher:
        page = fetcher.fetch(page_url(site, "/news/105-reset-105"))
    assert page.status == 200 and b"</html>" in page.content
    assert site.hits["/news/105-reset-105"] == 2


def test_gone_page_is_returned_not_retried(site: FaultServer) -> None:
    with Fetcher(QUICK) as fetcher:
        page = fetcher.fetch(page_url(site, "/news/106-gone-106"))
    assert page.status == 404
    assert site.hits["/news/106-gone-106"] == 1


def test_redirect_loop_stops_at_the_limit(site: FaultServer) -> None:
    options = FetchOptions(delay=0, max_redirects=3)
    with Fetcher(options) as fetcher, pytest.raises(FetchError, match="more than 3 redirects"):
        fetcher.fetch(page_url(site, "/news/107-loop-107"))
    assert len(site.article_requests()) == 4  # first request + 3 redirects, not retried


def test_size_cap_without_content_length(site: FaultServer) -> None:
    options = FetchOptions(delay=0, max_bytes=1024 * 1024)
    with Fetcher(options) as fetcher, pytest.raises(FetchError, match="larger than 1048576"):
        fetcher.fetch(page_url(site, "/news/108-huge-108"))


def test_size_cap_by_declared_content_length() -> None:
    """A Content-Length past the cap is refused from the head, before any body is read:
    this server declares far more than it sends and then closes, so a fetcher that read
    on would fail on the short body instead (and retry it)."""
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 999999999\r\n"
    routes = {"/a": raw(head + b"Connection: close\r\n\r\nx")}
    options = FetchOptions(delay=0, respect_robots=False, max_bytes=1000)
    with HostileServer(routes) as site, Fetcher(options) as fetcher:
        with pytest.raises(FetchError, match="larger than 1000"):
            fetcher.fetch(f"{site.url}/a")
    assert site.requests == ["/a"]


def test_only_http_urls_and_redirects() -> None:
    options = FetchOptions(delay=0, respect_robots=False)
    with HostileServer({"/a": redirect("file:///etc/passwd")}) as site, Fetcher(options) as fetcher:
        with pytest.raises(FetchError, match="file:///etc/passwd, which is no http"):
            fetcher.fetch(f"{site.url}/a")
        with pytest.raises(FetchError, match="not an http"):
            fetcher.fetch("ftp://127.0.0.1/a")  # refused before any connection
    assert site.requests == ["/a"]  # refused, not retried


def test_a_redirect_to_an_address_with_no_host_is_refused_as_no_web_url() -> None:
    # judged as any address given to fetch is: "https:?q" names no host to ask
    options = FetchOptions(delay=0, respect_robots=False)
    with HostileServer({"/a": redirect("https:?q")}) as site, Fetcher(options) as fetcher:
        with pytest.raises(FetchError, match=r"https:\?q, which is no http\(s\) URL with a host"):
            fetcher.fetch(f"{site.url}/a")
    assert site.requests == ["/a"]


def test_robots_is_read_once_and_disallows(site: FaultServer) -> None:
    with Fetcher(QUICK) as fetcher:
        with pytest.raises(RobotsDisallowed):
            fetcher.fetch(page_url(site, "/news/900-private-900"))
        fetcher.fetch(page_url(site, "/news/101-ok-101"))
        fetcher.fetch(page_url(site, "/news"))
    assert site.requests.count("/robots.txt") == 1
    assert "/news/900-private-900" not in site.requests


def test_no_caller_can_skip_robots_txt(site: FaultServer) -> None:
    """``fetch(check_robots=False)`` meant "this is robots.txt itself" as well as "skip
    the check": a caller that only wanted a page read without the check got robots.txt's
    size cap and timeout, and any caller could pass it. Now ``fetch`` always asks
    robots.txt; only the fetcher reads robots.txt itself, through ``_fetch``."""
    with Fetcher(QUICK) as fetcher:
        with pytest.raises(TypeError):
            fetcher.fetch(page_url(site, "/news/900-private-900"), check_robots=False)  # type: ignore[call-arg]
        with pytest.raises(RobotsDisallowed):
            fetcher.fetch(page_url(site, "/news/900-private-900"))
        with pytest.raises(TypeError):  # (which of the two is a request, named each time)
            fetcher._fetch(page_url(site, "/news/101-ok-101"))  # type: ignore[call-arg]
    assert site.requests == ["/robots.txt"]


def test_slow_robots_times_out_sooner_and_disallows_the_site() -> None:
    options = FetchOptions(delay=0, backoff=0.01, retries=1, timeout=5, robots_timeout=0.2)
    with FaultServer(robots_delay=0.6) as server:
        with Fetcher(options) as fetcher, pytest.raises(FetchError, match="robots.txt"):
            fetcher.fetch(page_url(server, "/news/101-ok-101"))  # RFC 9309: disallow all
        assert server.requests.count("/robots.txt") == 2  # tried, retried, given up
        assert server.article_requests() == []
        patient = FetchOptions(delay=0, retries=0, timeout=5, robots_timeout=5)
        with Fetcher(patient) as fetcher, pytest.raises(RobotsDisallowed):
            fetcher.fetch(page_url(server, "/news/900-private-900"))


def test_a_robots_txt_whose_connection_closes_disallows_the_site() -> None:
    """The server hangs up on /robots.txt without a word, and serves the page: the site is
    disallowed for the run (RFC 9309), so the page is never asked for."""
    routes = {"/robots.txt": Reply(lambda send: None), "/a": html("<p>hello</p>")}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(FetchError, match="robots.txt .* unreadable"):
            fetcher.fetch(f"{site.url}/a")
    assert site.requests and set(site.requests) == {"/robots.txt"}


def test_a_robots_txt_on_a_refused_port_disallows_the_site() -> None:
    """https://example.org is a port where nothing listens (as ``--base-url`` maps a
    site's host): robots.txt is refused, and the page is never asked for. The line says
    the site cannot be reached (a machine with no network said its robots.txt
    "disallowed" the site, sending the reader to a file nobody could read)."""
    guard = LoopbackOnly()
    base = f"http://127.0.0.1:{dead_port()}"
    transport = MirrorTransport(base, ["example.org"], guard)
    with Fetcher(QUICK, transport=transport) as fetcher:
        problem = fetcher.robots_problem("https://example.org/a")
        assert problem is not None and "disallowed" not in problem, problem
        mirror = f"https://example.org (fetched from {base}/)"  # the port really refused
        assert problem.startswith(mirror) and "cannot be reached (ConnectError" in problem
        with pytest.raises(FetchError, match="refused .reading https:..example.org.robots.txt"):
            fetcher.fetch("https://example.org/a")
    assert guard.contacted and all(u.endswith("/robots.txt") for u in guard.contacted)


def test_robots_crawl_delay_slows_the_host() -> None:
    robots = response(body=b"User-agent: *\nCrawl-delay: 7\n", content_type="text/plain")
    routes = {"/robots.txt": robots, "/a": html("<p>hello</p>"), "/b": html("<p>hello</p>")}
    waits: list[float] = []
    with HostileServer(routes) as site, Fetcher(QUICK, sleep=waits.append) as fetcher:
        fetcher.fetch(f"{site.url}/a")
        fetcher.fetch(f"{site.url}/b")
    assert site.requests == ["/robots.txt", "/a", "/b"]
    assert waits and 6.5 < waits[-1] <= 7.0


def test_a_robots_group_is_this_crawlers_only_by_its_whole_product_token() -> None:
    """RFC 9309 2.2.1: a group is ours when it names the product token, ``newsarchive``,
    whole. ``User-agent: News`` (the token's start) and ``User-agent: archive`` (a word
    of the header's comment) closed the whole site to ``newsarchive/… (…; research
    archive)`` before; ``*`` is its group there, and one named ``NewsArchive`` is its own."""
    agent = DEFAULT_USER_AGENT
    assert product_token(agent) == "newsarchive"
    others = (
        "User-agent: *\nDisallow: /admin/\n\nUser-agent: News\nUser-agent: archive\nDisallow: /\n"
    )
    rules = robots_rules(others, agent)
    assert rules.can_fetch("https://x.bg/novini/1")
    assert not rules.can_fetch("https://x.bg/admin/")
    own = "User-agent: *\nCrawl-delay: 2\n\nUser-agent: NewsArchive\nCrawl-delay: 5\n"
    own += "Disallow: /arhiv/\n"
    rules = robots_rules(own, agent)
    assert not rules.can_fetch("https://x.bg/arhiv/1")
    assert rules.crawl_delay() == 5


def test_robots_txt_is_asked_with_our_token_only_where_a_user_agent_line_names_it_whole() -> None:
    """The group is chosen by the name Protego is asked with, not by deleting the groups
    it keeps (its unpublished ``_user_agents``, which its next release may rename): the
    product token where a ``User-agent`` line names it whole (any case, a comment cut
    off, one of several lines heading a group), else ``*``, which no ``News`` or
    ``archive`` group matches."""
    agent = DEFAULT_USER_AGENT
    own = "User-agent: *\nDisallow: /admin/\n\nUser-agent: NewsArchive # us\nDisallow: /arhiv/\n"
    assert robots_agent(own, "newsarchive") == "newsarchive"
    rules = robots_rules(own, agent)
    assert not rules.can_fetch("https://x.bg/arhiv/1")
    assert rules.can_fetch("https://x.bg/admin/")  # (our group, not ``*``'s)
    others = "User-agent: *\nDisallow: /admin/\n\nUser-agent: News\nDisallow: /\n"
    others += "\nUser-agent: archive\nDisallow: /\n"
    assert robots_agent(others, "newsarchive") == "*"
    rules = robots_rules(others, agent)
    assert rules.can_fetch("https://x.bg/novini/1")
    assert not rules.can_fetch("https://x.bg/admin/")
    several = "User-agent: *\nDisallow: /admin/\n\nUser-agent: Googlebot\n"
    several += "User-agent: newsarchive\nDisallow: /x\n"
    assert robots_agent(several, "newsarchive") == "newsarchive"
    rules = robots_rules(several, agent)
    assert not rules.can_fetch("https://x.bg/x/1")
    assert rules.can_fetch("https://x.bg/admin/")
    # none names us, and no ``*`` group: everything is open, as with no robots.txt
    assert robots_agent("User-agent: News\nDisallow: /\n", "newsarchive") == "*"
    assert robots_rules("User-agent: News\nDisallow: /\n", agent).can_fetch("https://x.bg/")
    # a line only mentioning us in a comment, or naming a longer agent, is not ours
    assert (
        robots_agent("# User-agent: newsarchive\nUser-agent: newsarchivebot\n", "newsarchive")
        == "*"
    )
    # Protego's spellings of the field, and no more: two spaces make another field to it
    assert robots_agent("User agent newsarchive\nDisallow: /\n", "newsarchive") == "newsarchive"
    spaced = "User  agent: newsarchive\nDisallow: /x\n\nUser-agent: News\nDisallow: /\n"
    assert robots_agent(spaced, "newsarchive") == "*"
    assert robots_rules(spaced, agent).can_fetch("https://x.bg/novini/1")
    # the other groups are Protego's still, unchanged, for anyone to ask
    assert not rules.parsed.can_fetch("https://x.bg/x/1", "googlebot")


def test_a_group_for_an_agent_named_like_a_word_of_ours_closes_nothing_to_the_fetcher() -> None:
    """The fetcher asks robots.txt with its product token: a page ``*`` leaves open is
    fetched though a later group closes everything to ``News`` (refused before)."""
    text = b"User-agent: *\nDisallow: /admin/\n\nUser-agent: News\nDisallow: /\n"
    routes = {
        "/robots.txt": response(body=text, content_type="text/plain"),
        "/a": html("<p>hello</p>"),
    }
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        fetcher.fetch(f"{site.url}/a")
        with pytest.raises(RobotsDisallowed):
            fetcher.fetch(f"{site.url}/admin/")
    assert site.requests == ["/robots.txt", "/a"]


def test_per_host_delay_spaces_requests(site: FaultServer) -> None:
    """Each request to a host gets a start slot ``delay`` after the previous one, and the
    fetcher sleeps until it: the sleeps are recorded, not slept, so a slow machine can
    neither make this fail nor hide a missing wait."""
    wakes: list[float] = []  # when each sleep asked for would end
    options = FetchOptions(delay=30, respect_robots=False)
    began = time.monotonic()
    with Fetcher(options, sleep=lambda s: wakes.append(time.monotonic() + s)) as fetcher:
        for n in range(4):
            fetcher.fetch(page_url(site, f"/news?p={n + 1}"))
    assert len(wakes) == 3  # the first request starts at once, each later one waits
    assert 30 <= wakes[0] - began < 35
    assert all(29 < later - earlier < 31 for earlier, later in pairwise(wakes))


def test_per_host_connection_limit_holds_under_a_thread_pool() -> None:
    with FaultServer(articles=12, faults=False, article_delay=0.05) as server:
        options = FetchOptions(delay=0, max_connections=2, respect_robots=False)
        with Fetcher(options) as fetcher, ThreadPoolExecutor(6) as pool:
            urls = [f"{server.url}/news/{n}-story-{n}" for n in range(1000, 1012)]
            pages = list(pool.map(fetcher.fetch, urls))
        assert [p.status for p in pages] == [200] * 12
        assert server.max_in_flight == 2
        assert fetcher.requests == 12


def test_conditional_request_gets_304(site: FaultServer) -> None:
    with Fetcher(QUICK) as fetcher:
        first = fetcher.fetch(page_url(site, "/news"))
        etag = first.headers["etag"]
        again = fetcher.fetch(page_url(site, "/news"), etag=etag)
    assert again.status == 304 and again.not_modified
    assert site.headers[-1]["if-none-match"] == etag


class StopDuringWait(threading.Event):
    """A stop flag set (as the SIGTERM handler sets it) while the fetcher waits on it;
    records how long each wait was meant to be."""

    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float | None] = []

    def wait(self, timeout: float | None = None) -> bool:
        self.waits.append(timeout)
        self.set()
        return super().wait(timeout)


def test_stop_interrupts_a_backoff_wait(site: FaultServer) -> None:
    """The 30 s backoff after a 500 is a wait on the stop flag itself, which a set flag
    ends at once (no wall clock: the wait is recorded), and the fetch then gives up."""
    stop = StopDuringWait()
    options = FetchOptions(delay=0, backoff=30, max_retry_after=30)
    with Fetcher(options, stop=stop) as fetcher, pytest.raises(FetchInterrupted):
        fetcher.fetch(page_url(site, "/news/103-flaky-103"))
    assert len(stop.waits) == 1 and 29 < (stop.waits[0] or 0) <= 30
    assert site.requests.count("/news/103-flaky-103") == 1  # no retry after the stop


def test_options_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSARCHIVE_USER_AGENT", "lab-bot (+https://lab.example/bot)")
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.5")
    options = FetchOptions.from_env(max_connections=3, user_agent=None)
    assert options.user_agent == "lab-bot (+https://lab.example/bot)"
    assert options.backoff == 0.5 and options.max_connections == 3
    assert options.delay == 1.0 and options.max_bytes == 10 * 1024 * 1024
    monkeypatch.setenv("NEWSARCHIVE_TIMEOUT", "fast")
    with pytest.raises(FetchError, match="NEWSARCHIVE_TIMEOUT"):
        FetchOptions.from_env()


def busy_once(seconds: int) -> Reply:
    """429 with ``Retry-After`` as an HTTP-date ``seconds`` from when it is asked, then
    the page."""
    asked = itertools.count()

    def run(send: Send) -> None:
        if next(asked) == 0:
            when = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=seconds)
            date = when.strftime("%a, %d %b %Y %H:%M:%S GMT")
            response(429, headers={"Retry-After": date}).run(send)
        else:
            html("<p>ok</p>").run(send)

    return Reply(run)


def test_429_with_http_date_retry_after() -> None:
    waits: list[float] = []
    options = FetchOptions(delay=0, respect_robots=False, max_retry_after=60)
    with HostileServer({"/a": busy_once(30)}) as site:
        with Fetcher(options, sleep=waits.append) as fetcher:
            assert fetcher.fetch(f"{site.url}/a").status == 200
    assert site.requests == ["/a", "/a"]
    assert len(waits) == 1 and 28 <= waits[0] <= 30.5


def busy_until(times: int) -> Reply:
    """503 (no Retry-After) the first ``times`` it is asked, then the page."""
    asked = itertools.count()

    def run(send: Send) -> None:
        (response(503) if next(asked) < times else html("<p>ok</p>")).run(send)

    return Reply(run)


@pytest.mark.parametrize("status", [301, 302])
def test_a_try_after_a_busy_answer_asks_where_the_redirects_led(status: int) -> None:
    """An old address sent on to its article, which answers 503: each later try asks the
    article, not the old address again (two requests a try, to a server asking for
    fewer: ``--nights`` seed 1223)."""
    routes = {"/old": redirect("/novini/new", status), "/novini/new": busy_until(2)}
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        page = fetcher.fetch(f"{site.url}/old")
    assert (page.status, page.url, page.final_url) == (
        200, f"{site.url}/old", f"{site.url}/novini/new",
    )  # fmt: skip
    assert site.requests == ["/robots.txt", "/old", "/novini/new", "/novini/new", "/novini/new"]


def test_robots_is_checked_on_every_redirect_hop() -> None:
    robots = response(body=b"User-agent: *\nDisallow: /private\n", content_type="text/plain")
    routes = {
        "/robots.txt": robots,
        "/a": redirect("/private/a", 301),
        "/private/a": html("<p>secret</p>"),
    }
    with HostileServer(routes) as site, Fetcher(QUICK) as fetcher:
        with pytest.raises(RobotsDisallowed, match="redirected to"):
            fetcher.fetch(f"{site.url}/a")
    assert site.requests == ["/robots.txt", "/a"]  # never the disallowed page


def test_unreachable_host_fails_fast_for_the_rest_of_the_run() -> None:
    """dead.example is a port where nothing listens: its connections are refused."""
    guard = LoopbackOnly()  # a real transport that records what it was asked to send
    transport = MirrorTransport(f"http://127.0.0.1:{dead_port()}", ["dead.example"], guard)
    options = FetchOptions(delay=0, backoff=0.001, retries=2, respect_robots=False)
    with Fetcher(options, transport=transport) as fetcher:
        with pytest.raises(FetchError, match="ConnectError.* after 3 attempts"):
            fetcher.fetch("https://dead.example/a")
        with pytest.raises(FetchError, match="host unreachable earlier in this run"):
            fetcher.fetch("https://dead.example/b")
    assert [urlsplit(u).path for u in guard.contacted] == ["/a", "/a", "/a"]  # /b never tried


def test_a_timeout_does_not_mark_the_host_unreachable() -> None:
    """/slow sends nothing at all until the client gives up; /ok answers at once."""
    routes = {"/slow": drip(b"", b"", 0), "/ok": html("<p>fine</p>")}
    options = FetchOptions(delay=0, backoff=0.001, retries=1, timeout=0.3, respect_robots=False)
    with HostileServer(routes) as site, Fetcher(options) as fetcher:
        with pytest.raises(FetchError, match="ReadTimeout.* after 2 attempts"):
            fetcher.fetch(f"{site.url}/slow")
        assert fetcher.fetch(f"{site.url}/ok").status == 200
    assert site.requests == ["/slow", "/slow", "/ok"]


def test_a_server_that_moved_every_path_is_asked_at_its_new_place() -> None:
    """http://www.x.bg/a answers 301 to https://x.bg/a: the site's pages go on linking
    the old spelling, and each later page is asked for at the new place directly. A
    redirect to another path, or a temporary one, teaches nothing, even to the host's
    www twin."""

    def answer(url: str) -> Answer:
        if url.startswith("http://www.x.bg/"):
            return 301, {"Location": url.replace("http://www.", "https://")}, ""
        if url == "https://y.bg/old":
            return 301, {"Location": "https://www.y.bg/new"}, ""
        if url.startswith("https://t.bg/"):
            return 302, {"Location": url.replace("://t.bg", "://www.t.bg")}, ""
        if url == "https://s.bg/one":  # one page moved to the mobile site
            return 301, {"Location": "https://m.s.bg/one"}, ""
        return 200, {"Content-Type": "text/html"}, "<p>ok</p>"

    hosts = ("x.bg", "y.bg", "t.bg", "s.bg", "m.s.bg")  # (their www. twins too)
    options = FetchOptions(delay=0, respect_robots=False)
    with (
        hosts_server(answer, hosts) as (transport, asked),
        Fetcher(options, site_hosts=hosts, transport=transport) as fetcher,
    ):
        first = fetcher.fetch("http://www.x.bg/bg/news.php?id=1")
        second = fetcher.fetch("http://www.x.bg/bg/news.php?id=2")
        fetcher.fetch("https://y.bg/old")
        fetcher.fetch("https://y.bg/other")
        fetcher.fetch("https://t.bg/a")
        fetcher.fetch("https://t.bg/b")
        fetcher.fetch("https://s.bg/one")
        fetcher.fetch("https://s.bg/two")
    assert first.final_url == "https://x.bg/bg/news.php?id=1"
    assert (second.url, second.final_url) == (
        "http://www.x.bg/bg/news.php?id=2",
        "https://x.bg/bg/news.php?id=2",
    )
    assert asked == [
        "http://www.x.bg/bg/news.php?id=1",
        "https://x.bg/bg/news.php?id=1",
        "https://x.bg/bg/news.php?id=2",
        "https://y.bg/old",
        "https://www.y.bg/new",
        "https://y.bg/other",
        "https://t.bg/a",
        "https://www.t.bg/a",
        "https://t.bg/b",
        "https://www.t.bg/b",
        "https://s.bg/one",
        "https://m.s.bg/one",
        "https://s.bg/two",  # another subdomain's 301 taught nothing
    ]


def test_a_kept_source_page_answers_the_next_read_once(site: FaultServer) -> None:
    url = page_url(site, "/news")
    with Fetcher(QUICK) as fetcher:
        explored = fetch_source(fetcher, url, "listing", keep=True)
        assert isinstance(explored, Page)
        assert fetch_source(fetcher, url, "listing") is explored  # exploring, then the crawl
        assert site.hits["/news"] == 1 and fetcher.requests == 2  # robots.txt, /news
        # only what ``inflated`` undoes a step at a time is asked for
        assert site.headers[-1]["accept-encoding"] == "gzip, deflate"
        fetch_source(fetcher, url, "listing")  # handed over once: a later read asks again
        assert site.hits["/news"] == 2
        # a conditional read (re-exploring) gets the page in hand, whatever its validators:
        # matching ones prove nothing of a server that never changes them
        etag = explored.headers["etag"]
        for validators in (
            (etag, None),
            ('"other"', explored.headers["last-modified"]),
            (None, explored.headers["last-modified"]),
            (None, "Mon, 01 Jun 2026 00:00:00 GMT"),
        ):
            explored = fetch_source(fetcher, url, "listing", keep=True)
            assert isinstance(explored, Page)
            got = fetch_source(fetcher, url, "listing", validators=validators)
            assert got is explored, validators
        assert site.hits["/news"] == 6  # four kept, four answered without asking
        assert fetch_source(fetcher, url, "listing", validators=(etag, None))[0] is Miss.UNCHANGED
        assert site.hits["/news"] == 7  # nothing kept: the server's 304


def test_kept_pages_are_bounded_in_age_count_and_bytes() -> None:
    now = [0.0]
    recent = RecentPages(max_pages=2, max_bytes=10, max_age=60, clock=lambda: now[0])
    stamp = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)

    def page(path: str, size: int = 1) -> Page:
        url = "https://x.bg" + path
        return Page(url, url, 200, {}, b"x" * size, "x", "utf-8", stamp)

    recent.keep(page("/a"))
    now[0] = 61
    assert recent.take("https://x.bg/a") is None  # stale: a run's page, read again fresh
    recent.keep(page("/a"))
    recent.keep(page("/b"))
    recent.keep(page("/c"))
    assert recent.take("https://x.bg/a") is None  # the oldest, past the count
    roomy = RecentPages(max_pages=5, max_bytes=10)
    roomy.keep(page("/b"))
    roomy.keep(page("/big", 9))
    roomy.keep(page("/c"))
    assert roomy.take("https://x.bg/b") is None  # the oldest, past the bytes
    assert roomy.take("https://x.bg/big") is not None
    roomy.keep(page("/huge", 11))
    assert roomy.take("https://x.bg/huge") is None  # never held
    moved = Page("https://x.bg/old", "https://x.bg/new", 200, {}, b"x", "x", "utf-8", stamp)
    roomy.keep(moved)
    assert roomy.take("https://x.bg/old", unmoved=True) is None  # served through a redirect
    assert roomy.take("https://x.bg/new", unmoved=True) is moved  # its own URL's page
    assert roomy.take("https://x.bg/old") is None  # given once, under both its URLs
    # held by identity: the folder's index page is the folder, a tracking tag no part
    folder = page("/novini/5/index.html")
    roomy.keep(folder)
    assert roomy.take("https://www.x.bg/novini/5/?utm_source=rss", unmoved=True) is folder
    assert roomy.take("https://x.bg/novini/5/index.html") is None  # given once
    roomy.keep(page("/novini/6"))
    assert roomy.take("https://x.bg/novini/6/") is None  # a slash more: maybe another


def test_a_failure_exploring_met_is_handed_over_once_fresh_and_bounded() -> None:
    """``RecentPages.keep_failure``: the crawl's article fetch of a page exploring could
    not read gets that failure, once, while fresh; at most ``max_pages`` are held."""
    now = [0.0]
    recent = RecentPages(max_pages=2, max_age=60, clock=lambda: now[0])

    def failed(path: str) -> FetchError:
        return FetchError("HTTP 503 after 4 attempts", url="https://x.bg" + path, status=503)

    down = failed("/novini/501")
    recent.keep_failure(down.url, down)
    assert (
        recent.take_failure("https://www.x.bg/novini/501?utm_source=rss") is down
    )  # (its identity)
    assert recent.take_failure("https://x.bg/novini/501") is None  # given once
    recent.keep_failure("https://x.bg/a", failed("/a"))
    now[0] = 61
    assert recent.take_failure("https://x.bg/a") is None  # stale
    for path in ("/b", "/c", "/d"):
        recent.keep_failure("https://x.bg" + path, failed(path))
    assert recent.take_failure("https://x.bg/b") is None  # the oldest, past the count
    assert recent.take_failure("https://x.bg/d") is not None


def test_inflated_gives_at_most_a_step_at_a_time_and_stops_at_the_stream_end() -> None:
    text = bytes(range(256)) * 400 + b"\0" * 300_000
    packed = gzip.compress(text)
    chunks = [packed[i : i + 999] for i in range(0, len(packed), 999)] + [b"trailing junk"]
    pieces = list(inflated(chunks, "gzip", step=1000))
    assert max(map(len, pieces)) <= 1000 and b"".join(pieces) == text
    assert list(inflated([b"\x8b\x00"], "br")) == [b"\x8b\x00"]  # not asked for: as it came
    with pytest.raises(httpx.DecodingError):
        list(inflated([b"not gzip"], "gzip"))


@pytest.mark.parametrize("wbits", [31, 15], ids=["gzip", "zlib"])
def test_inflated_tells_a_stream_missing_its_trailer_from_one_cut_inside_a_block(
    wbits: int,
) -> None:
    """At every length a body may be cut to, it is whole exactly when the deflate stream's
    final block came: what follows it is only the check value and the length."""
    packer = zlib.compressobj(wbits=wbits)
    text = "Кметът откри новия парк до реката. ".encode() * 40
    packed = packer.compress(text) + packer.flush(zlib.Z_SYNC_FLUSH)
    packed += packer.compress(bytes(range(256)) * 3) + packer.flush()
    trailer = 8 if wbits == 31 else 4
    coding = "gzip" if wbits == 31 else "deflate"
    for end in range(1, len(packed) + 1):
        body = packed[:end]
        chunks = [body[i : i + 97] for i in range(0, len(body), 97)]
        if end >= len(packed) - trailer:
            assert b"".join(inflated(chunks, coding, step=500)) == text + bytes(range(256)) * 3
        else:
            with pytest.raises(StreamCut):
                list(inflated(chunks, coding, step=500))
    wrong = bytes(b ^ 0xFF for b in packed[-trailer:])
    with pytest.raises(StreamCut):  # the start of a trailer that is not this stream's
        list(inflated([packed[:-trailer] + wrong[:2]], coding))
    with pytest.raises(httpx.DecodingError):  # all of it: a stream that does not check
        list(inflated([packed[:-trailer] + wrong], coding))


def _moved_site(root: Path) -> Path:
    """A mirror of a server that sends http:// and the bare host to https://www.x.bg."""
    (root / "novini").mkdir(parents=True)
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n")
    (root / "novini" / "index.html").write_text("<p>Новини</p>")
    (root / "_mirror.json").write_text('{"origin": "https://www.x.bg"}')
    return root


def test_a_robots_txt_sent_to_another_spelling_of_the_host_is_that_hosts_too(
    tmp_path: Path,
) -> None:
    """``http://x.bg/robots.txt`` answers 301 to ``https://www.x.bg/robots.txt``: what came
    back is the new host's own robots.txt, and the move it taught holds for the page asked
    next: one request for it, at the new place. The move is also the address a source
    found on the old host is kept under for the next run."""
    with MirrorServer(_moved_site(tmp_path)) as server:
        options = FetchOptions(delay=0, retries=0)
        with Fetcher(options, mirror=server.url, site_hosts=("www.x.bg",)) as fetcher:
            page = fetcher.fetch("http://x.bg/novini/")
            assert fetcher.moved("http://x.bg/sitemap.xml") == "https://www.x.bg/sitemap.xml"
    assert page.final_url == "https://www.x.bg/novini/"
    assert server.requests == ["/robots.txt", "/robots.txt", "/novini/"]


def test_a_robots_txt_sent_to_one_read_already_is_not_read_again(tmp_path: Path) -> None:
    """The site's pages are read at ``https://www.x.bg`` first; a link on the old host then
    costs the redirect of its robots.txt, not a second read of the one in hand."""
    with MirrorServer(_moved_site(tmp_path)) as server:
        options = FetchOptions(delay=0, retries=0)
        with Fetcher(options, mirror=server.url, site_hosts=("www.x.bg",)) as fetcher:
            fetcher.fetch("https://www.x.bg/novini/")
            page = fetcher.fetch("http://x.bg/novini/")
            assert not fetcher.allowed("http://x.bg/admin/")
    assert page.final_url == "https://www.x.bg/novini/"
    assert server.requests == ["/robots.txt", "/novini/", "/robots.txt", "/novini/"]


def test_a_relative_sitemap_line_is_read_against_where_robots_txt_was_sent() -> None:
    """``/robots.txt`` answers 301 to ``/cms/robots.txt``, whose ``Sitemap: sitemap.xml``
    names the sitemap beside it, at ``/cms/sitemap.xml``, not the root's."""
    pages = {"/cms/robots.txt": "User-agent: *\nDisallow:\n\nSitemap: sitemap.xml\n"}
    options = FetchOptions(delay=0, retries=0)
    with pages_fetcher(pages, ["www.t.bg"], options, {"/robots.txt": "/cms/robots.txt"}) as got:
        assert got.robots_sitemaps("https://www.t.bg/") == ["https://www.t.bg/cms/sitemap.xml"]


def _stand_ins(root: Path) -> Path:
    """A mirror whose short links answer 200 with a page of only a meta refresh."""
    refresh = (
        '<html><head><meta http-equiv="refresh" content="0; url={}"></head>'
        '<body><a href="{}">тук</a></body></html>'
    )
    (root / "n").mkdir(parents=True)
    (root / "novini").mkdir()
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /admin/\n")
    (root / "n" / "5.html").write_text(refresh.format("/novini/5.html", "/novini/5.html"))
    (root / "n" / "6.html").write_text(refresh.format("https://other.bg/6", "https://other.bg/6"))
    (root / "n" / "7.html").write_text(refresh.format("/admin/7", "/admin/7"))
    (root / "novini" / "5.html").write_text("<h1>Новина</h1><p>Текстът на новината.</p>")
    return root


def test_a_page_standing_in_for_another_by_a_refresh_is_followed_as_a_redirect(
    tmp_path: Path,
) -> None:
    """``/n/5`` answers 200 with only a refresh to ``/novini/5.html``: the page fetched is
    the target's, as a browser shows it. A refresh off the site is no hop to follow (the
    page comes back as it is, no failure); one robots.txt closes is refused as a
    redirect there is."""
    with MirrorServer(_stand_ins(tmp_path)) as server:
        options = FetchOptions(delay=0, retries=0)
        with Fetcher(options, mirror=server.url, site_hosts=("www.x.bg",)) as fetcher:
            page = fetcher.fetch("https://www.x.bg/n/5")
            elsewhere = fetcher.fetch("https://www.x.bg/n/6")
            with pytest.raises(FetchError, match="disallowed by robots.txt"):
                fetcher.fetch("https://www.x.bg/n/7")
    assert page.final_url == "https://www.x.bg/novini/5.html"
    assert "Текстът на новината" in page.text
    assert elsewhere.final_url == "https://www.x.bg/n/6" and "other.bg" in elsewhere.text
    assert server.requests == ["/robots.txt", "/n/5", "/novini/5.html", "/n/6", "/n/7"]


_REFRESH_TO = (
    '<html><head><meta http-equiv="refresh" content="0; url={}"></head>'
    "<body>Пренасочване</body></html>"
)


def test_a_feed_quoting_a_refresh_in_an_item_is_no_stand_in() -> None:
    """A short RSS feed whose item's HTML (in CDATA) holds a meta refresh reads, as HTML,
    like a stand-in page: only an HTML answer is one, so the feed comes back as itself."""
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        "<item><title>a</title><link>https://www.t.bg/n/1</link><description><![CDATA["
        '<p>виж</p><meta http-equiv="refresh" content="0; url=/drugo">]]></description>'
        "</item></channel></rss>"
    )
    pages = {"/feed.xml": feed, "/drugo": "<h1>Друго</h1>"}
    with pages_fetcher(pages, ["www.t.bg"], FetchOptions(delay=0, retries=0)) as fetcher:
        page = fetcher.fetch("https://www.t.bg/feed.xml")
    assert page.final_url == "https://www.t.bg/feed.xml"
    assert "<rss" in page.text


def test_stand_ins_refreshing_to_each_other_are_asked_once_each() -> None:
    """``/a`` stands in for ``/b`` and ``/b`` for ``/a`` (a CMS's two short links sent
    round): a browser would go round for ever; the fetcher asks each once and keeps the
    page it came back to, not six requests and a failure ('more than 5 redirects')."""

    def answer(url: str) -> Answer:
        if url.endswith("/robots.txt"):
            return 404, {}, ""
        target = "/b" if url.endswith("/a") else "/a"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, _REFRESH_TO.format(target)

    hosts = ("www.x.bg",)
    options = FetchOptions(delay=0, retries=0)
    with (
        hosts_server(answer, hosts) as (transport, asked),
        Fetcher(options, site_hosts=hosts, transport=transport) as fetcher,
    ):
        page = fetcher.fetch("https://www.x.bg/a")
    assert page.final_url == "https://www.x.bg/b"
    assert asked == [
        "https://www.x.bg/robots.txt",
        "https://www.x.bg/a",
        "https://www.x.bg/b",
    ]


def test_a_stand_in_whose_target_redirects_back_is_kept_as_it_came() -> None:
    """``/a`` stands in for ``/b``, and ``/b`` answers 301 back to ``/a``: the refresh
    names an address this fetch went through already, so ``/a`` is kept as it came, not
    asked round to the redirect cap and failed."""

    def answer(url: str) -> Answer:
        if url.endswith("/robots.txt"):
            return 404, {}, ""
        if url.endswith("/b"):
            return 301, {"Location": "/a"}, ""
        return 200, {"Content-Type": "text/html; charset=utf-8"}, _REFRESH_TO.format("/b")

    hosts = ("www.x.bg",)
    options = FetchOptions(delay=0, retries=0)
    with (
        hosts_server(answer, hosts) as (transport, asked),
        Fetcher(options, site_hosts=hosts, transport=transport) as fetcher,
    ):
        page = fetcher.fetch("https://www.x.bg/a")
    assert page.final_url == "https://www.x.bg/a"
    assert asked == [
        "https://www.x.bg/robots.txt",
        "https://www.x.bg/a",
        "https://www.x.bg/b",
        "https://www.x.bg/a",
    ]


def _refresh_chain(pages: dict[str, str]) -> tuple[Page, list[str]]:
    """``https://www.x.bg/`` fetched from a site answering ``pages`` (path -> the page's
    refresh target, or its own text when it names none): the page and the asked URLs."""

    def answer(url: str) -> Answer:
        path = urlsplit(url).path
        if path not in pages:
            return 404, {}, ""
        said = pages[path]
        body = _REFRESH_TO.format(said) if said.startswith("/") else said
        return 200, {"Content-Type": "text/html; charset=utf-8"}, body

    hosts = ("www.x.bg",)
    options = FetchOptions(delay=0, retries=0)
    with (
        hosts_server(answer, hosts) as (transport, asked),
        Fetcher(options, site_hosts=hosts, transport=transport) as fetcher,
    ):
        page = fetcher.fetch("https://www.x.bg/")
    return page, [urlsplit(url).path for url in asked]


def test_a_home_refreshing_to_its_default_document_is_followed_and_two_hops_at_most() -> None:
    """``/`` stands in for ``/default.asp`` (an old IIS site's home): one identity to the
    archive, two pages to the server, so the refresh is followed, not read as the page
    reloading itself (round 106: the home was read as an empty page, no news found).
    Two stand-ins in a row are followed (``/`` to ``/bg/`` to ``/bg/default.asp``); a
    third is not, and the page is kept as it came. One sending back to an address met on
    the way (``/default.asp`` back to ``/``) ends there, each asked once."""
    home = "<h1>Начало</h1><p>Новини</p>"
    page, asked = _refresh_chain({"/": "/default.asp", "/default.asp": home})
    assert (page.final_url, asked) == (
        "https://www.x.bg/default.asp",
        ["/robots.txt", "/", "/default.asp"],
    )
    chain = {"/": "/bg/", "/bg/": "/bg/default.asp", "/bg/default.asp": home}
    page, asked = _refresh_chain(chain)
    assert page.final_url == "https://www.x.bg/bg/default.asp" and "Начало" in page.text
    page, asked = _refresh_chain({**chain, "/bg/default.asp": "/bg/nachalo", "/bg/nachalo": home})
    assert page.final_url == "https://www.x.bg/bg/default.asp"
    assert asked == ["/robots.txt", "/", "/bg/", "/bg/default.asp"]
    page, asked = _refresh_chain({"/": "/default.asp", "/default.asp": "/"})
    assert asked == ["/robots.txt", "/", "/default.asp"]
    assert page.final_url == "https://www.x.bg/default.asp"


def test_a_stand_in_met_at_the_redirect_cap_is_kept_as_it_came() -> None:
    """Five redirects (the cap) lead to a stand-in: the page came whole, and following its
    refresh would be one hop more than the fetcher takes. It is kept as it came, as it was
    before stand-ins were followed, not failed as 'more than 5 redirects'."""

    def answer(url: str) -> Answer:
        if url.endswith("/robots.txt"):
            return 404, {}, ""
        path = urlsplit(url).path
        if path.startswith("/r"):
            hop = int(path[2:])
            return 302, {"Location": f"/r{hop + 1}" if hop < 5 else "/n/5"}, ""
        if path == "/n/5":
            return 200, {"Content-Type": "text/html"}, _REFRESH_TO.format("/novini/5")
        return 200, {"Content-Type": "text/html"}, "<h1>Новина</h1>"

    hosts = ("www.x.bg",)
    options = FetchOptions(delay=0, retries=0)
    with (
        hosts_server(answer, hosts) as (transport, asked),
        Fetcher(options, site_hosts=hosts, transport=transport) as fetcher,
    ):
        page = fetcher.fetch("https://www.x.bg/r1")
    assert page.final_url == "https://www.x.bg/n/5"
    assert asked[-1] == "https://www.x.bg/n/5" and len(asked) == 1 + 6


def test_a_redirect_hop_waits_the_hosts_turn_like_any_request() -> None:
    """``/a`` answers 301 to ``/b``, which answers 301 to ``/c``: three requests to one
    host, each after the host's delay (recorded, not slept), as the README promises for
    every request to a host; a hop asked at once was a burst the site never agreed to."""
    wakes: list[float] = []
    options = FetchOptions(delay=30, retries=0, respect_robots=False)
    began = time.monotonic()
    with pages_fetcher(
        {"/c": "<p>тук</p>"}, ["www.t.bg"], options, {"/a": "/c?x", "/b": "/a"},
        sleep=lambda s: wakes.append(time.monotonic() + s),
    ) as fetcher:  # fmt: skip
        page = fetcher.fetch("https://www.t.bg/b")
    assert page.final_url == "https://www.t.bg/c?x"
    assert len(wakes) == 2  # the first request at once, each hop after the delay
    assert 30 <= wakes[0] - began < 35 and 29 < wakes[1] - wakes[0] < 31


def test_a_hops_wait_for_its_turn_is_no_part_of_the_deadline() -> None:
    """Two hops each waiting 0.6 s for the host's turn (really slept) outlast a 1 s
    deadline for the exchange: the deadline bounds the server's answers, not politeness."""
    options = FetchOptions(delay=0.6, retries=0, respect_robots=False, deadline=1.0)
    with pages_fetcher(
        {"/c": "<p>тук</p>"}, ["www.t.bg"], options, {"/a": "/c", "/b": "/a"}
    ) as fetcher:
        assert fetcher.fetch("https://www.t.bg/b").final_url == "https://www.t.bg/c"


def _lookup_failed(errno: int, said: str) -> httpx.ConnectError:
    """The error httpx raises when the resolver answers ``errno`` (an exception built, as
    a lookup raises it: no resolver is asked)."""
    request = httpx.Request("GET", "https://news.x.bg/")
    try:
        try:
            raise socket.gaierror(errno, said)
        except socket.gaierror as exc:
            raise httpx.ConnectError(str(exc), request=request) from exc
    except httpx.ConnectError as error:
        return error


def test_the_resolver_is_down_only_while_nothing_of_the_run_has_had_an_answer() -> None:
    """A blip at night, in a run whose other requests were answered, is retried as ever
    (no site lost to it); only a run where nothing has answered and one host failed every
    try for want of a resolver gives up the lookups after it at once."""
    offline = NameWatch()
    assert not offline.down()
    offline.unanswered()
    assert offline.down()
    offline.answered()  # (the network is back)
    assert not offline.down()
    blip = NameWatch()
    blip.answered()
    blip.unanswered()
    assert not blip.down()
    assert resolver_silent(_lookup_failed(socket.EAI_AGAIN, "Temporary failure"))
    assert not resolver_silent(_lookup_failed(socket.EAI_NONAME, "Name or service not known"))


def test_a_name_unknown_is_given_up_at_once_a_resolver_not_answering_is_retried() -> None:
    """ "Name or service not known" is the DNS's answer: asked again, the same. "Temporary
    failure in name resolution" is no answer (a resolver's passing outage, a dropped UDP
    packet): given up at once, it cost the whole site its night, every URL on the host
    said unreachable; it is retried as a refused connection is."""
    unknown = _lookup_failed(socket.EAI_NONAME, "Name or service not known")
    assert unresolved(unknown) == "name news.x.bg not resolved: Name or service not known"
    assert unresolved(_lookup_failed(socket.EAI_AGAIN, "Temporary failure")) is None
    assert unresolved(httpx.ConnectError("refused", request=unknown.request)) is None
