"""A polite HTTP client: robots.txt, per-host delay and concurrency, retries, size caps.

Site operators see an identifying User-Agent, at most ``max_connections`` requests in
flight and one request started per ``delay`` seconds per host; transient failures (5xx,
429, timeouts, resets) are retried with exponential backoff and jitter, honouring
``Retry-After`` up to a cap (a 429/503 asking for longer rests its host for the run).
Redirects are followed by hand so every hop is checked
(http(s) only, at most ``max_redirects``, robots.txt, and ``addresses.RedirectPolicy``:
the site's hosts, never an internal address). Every byte comes from a site we do not
control, so each response is bounded in size (``max_bytes``) and in time (``deadline``,
checked between chunks together with the stop flag); a malformed response (broken status
line, conflicting Content-Length, bad gzip) is tried once, as retrying cannot fix it; a
body cut short twice (``failures.CutShort``; one sent past its length the same way twice
keeps a whole document, ``surplus``), a name that does not resolve once (a resolver giving
no answer, once the run's resolver is down: ``resolver``). A bot wall's
challenge (``bot_check``) rests its host at once. Thread-safe: a crawl may fetch from a
pool.

This module asks, paces and retries; what a robots.txt says is read in ``robots``, what a
failed response shows in ``failures``, and what the run learns of a site's moves is kept
in ``site_moves``.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import random
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit

import httpx

from newsarchive import __version__
from newsarchive.discover.refresh import asked_as, stand_in_target
from newsarchive.discover.urls import (
    NO_WEB_URL,
    site_hosts,
    url_key,
    web_url_problem,
    without_userinfo,
)
from newsarchive.errors import FetchError
from newsarchive.fetch.addresses import RedirectPolicy
from newsarchive.fetch.bot_check import bot_check
from newsarchive.fetch.charset import decode_html
from newsarchive.fetch.deadline import BoundedBackend, bounded_transport
from newsarchive.fetch.failures import (
    CutShort,
    cut_short,
    lowered,
    malformed,
    retry_after_seconds,
    sent_overlong,
    unresolved,
)
from newsarchive.fetch.inflate import ACCEPT_ENCODING, UNDONE, StreamCut, inflated
from newsarchive.fetch.mirror import MirrorTransport
from newsarchive.fetch.recent import RecentPages
from newsarchive.fetch.resolver import NameWatch, resolver_silent
from newsarchive.fetch.robots import (
    KEPT_ROBOTS_DAYS,
    RobotsRules,
    own_robots,
    robots_cut,
    robots_rules,
)
from newsarchive.fetch.site_moves import SiteMoves
from newsarchive.fetch.surplus import Overlong, kept_body
from newsarchive.fetch.tls import (
    CA_BUNDLE_ENV,
    INSECURE_HOSTS_ENV,
    CertificateRefused,
    TlsPolicy,
    certificate_refused,
    refusal_line,
)
from newsarchive.hosts import ascii_host, host_variants
from newsarchive.models import DEFAULT_CONNECTIONS, DEFAULT_DELAY, MAX_BODY_BYTES, Page, Profile
from newsarchive.pem_files import ca_bundle_problem
from newsarchive.safe_text import one_line, redacted

DEFAULT_USER_AGENT = (
    f"newsarchive/{__version__} (+https://github.com/newsarchive/newsarchive; research archive)"
)
USER_AGENT_ENV = "NEWSARCHIVE_USER_AGENT"
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
GONE_STATUSES = frozenset({404, 410})  # a removed page: recorded as gone, never retried
# Stand-in pages (``refresh.stand_in_target``) one fetch follows, at most: an old site's
# ``/`` refreshing to ``/bg/`` and that to ``/bg/default.asp`` is two; a third is a chain
# no site builds for its readers, and each hop is a request.
MAX_STAND_INS = 2
# httpx builds the next request of every redirect it is handed, followed or not, and a
# Location it cannot build one from raised as no redirect at all: "javascript:alert(1)"
# or "mailto:…" failed the page as "not a valid URL (For absolute URLs, path must be
# empty or begin with '/')", said of the page's own address. The header is set aside
# under this name before httpx looks (``_set_location_aside``), for ``_follow`` alone to
# judge, as it judges every other target.
LOCATION_ASIDE = "x-newsarchive-location"
# "Come back later": a host that answers only this to ``REST_AFTER`` requests in a row
# (retries and other URLs alike), or once with a ``Retry-After`` past ``max_retry_after``,
# is not asked again in the run (``HostResting``). Counted by request, not by URL: a host
# down for every URL cost each URL all its retries before it counted once (3 URLs, 12
# requests at the default 3 retries, and 3 * (retries + 1) with more). At 6, one URL has
# all its tries (a single page the server chokes on is that page's failure) and the next
# URL's second busy answer rests the host. With more retries set, a URL's tries end at
# the 6th busy answer in a row that is all its own (its failure, not the host's rest),
# and the next URL's first rests the host.
BUSY_STATUSES = frozenset({429, 503})
REST_AFTER = 6
# A host that gives no answer in time (a read or connect timeout, a response still
# arriving at the deadline) to ``REST_AFTER`` requests in a row rests likewise: a server
# that accepts connections and then hangs (a dead backend behind its proxy, a firewall
# dropping a crawler's packets) cost every URL all its tries, each a whole timeout:
# 4 x 20 s a URL, for as many URLs as the request budget allowed (hours of a nightly run).
# And one whose waits add up past ``max_host_wait`` in the run (``Fetcher._spend_wait``):
# each wait within the cap, no streak long enough to rest it, a server turning away every
# third request with ``Retry-After: 120`` was obeyed each time, two minutes a third
# request, 14 minutes for a site of nine articles (seven waits), and the run exited 0.


@dataclass(frozen=True)
class FetchOptions:
    """Politeness and safety limits; defaults are what a site operator would accept."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0
    robots_timeout: float = 10.0
    delay: float = DEFAULT_DELAY
    max_connections: int = DEFAULT_CONNECTIONS
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0
    # what one host's waits (Retry-After, backoff) may add up to in a run; 0: none at all
    max_host_wait: float = 300.0
    max_bytes: int = MAX_BODY_BYTES
    # robots.txt is small or broken: Google reads at most 500 KiB of it, and so do we
    robots_max_bytes: int = 500 * 1024
    # a whole response (every redirect hop, the body streamed to its end) takes at most
    # this long; a trickling body would otherwise hold a worker for as long as the
    # server likes, since each chunk arrives well within ``timeout``
    deadline: float = 60.0
    max_redirects: int = 5
    respect_robots: bool = True
    # TLS, per host and said (``fetch/tls.py``): hosts whose certificate goes unverified
    # (a profile's ``tls_verify = false``, ``$NEWSARCHIVE_INSECURE_HOSTS``), and a file of
    # more authorities to trust (``ca_bundle``, ``$NEWSARCHIVE_CA_BUNDLE``)
    insecure_hosts: frozenset[str] = frozenset()
    ca_bundle: str | None = None

    @classmethod
    def from_env(cls, **overrides: object) -> FetchOptions:
        """Defaults, then ``$NEWSARCHIVE_USER_AGENT`` and friends, then explicit overrides.

        ``NEWSARCHIVE_TIMEOUT``, ``NEWSARCHIVE_DEADLINE``, ``NEWSARCHIVE_BACKOFF``,
        ``NEWSARCHIVE_RETRIES``, ``NEWSARCHIVE_MAX_RETRY_AFTER`` and
        ``NEWSARCHIVE_MAX_HOST_WAIT`` exist so tests and impatient users can shrink waits.
        """
        values: dict[str, object] = {}
        agent = os.environ.get(USER_AGENT_ENV, "").strip()
        if agent:
            values["user_agent"] = agent
        # (bounds, so that nan, inf or a negative number is one line, not an internal
        # error from httpx or a sleep that never ends)
        for name, key, kind, low, high in (
            ("NEWSARCHIVE_TIMEOUT", "timeout", float, 0.001, 3600),
            ("NEWSARCHIVE_DEADLINE", "deadline", float, 0.001, 86400),
            ("NEWSARCHIVE_BACKOFF", "backoff", float, 0, 3600),
            ("NEWSARCHIVE_RETRIES", "retries", int, 0, 100),
            ("NEWSARCHIVE_MAX_RETRY_AFTER", "max_retry_after", float, 0, 86400),
            ("NEWSARCHIVE_MAX_HOST_WAIT", "max_host_wait", float, 0, 86400),
        ):
            raw = os.environ.get(name, "").strip()
            if raw:
                try:
                    value = kind(raw)
                except ValueError:
                    value = None
                if value is None or not low <= value <= high:  # (nan fails both)
                    raise FetchError(
                        f"${name} must be a number from {low} to {high}, not '{raw}'", url=""
                    ) from None
                values[key] = value
        policy = TlsPolicy.from_env()
        if policy.insecure:
            values["insecure_hosts"] = policy.insecure
        if policy.ca_bundle:
            if problem := ca_bundle_problem(policy.ca_bundle):
                raise FetchError(f"${CA_BUNDLE_ENV}: {problem}", url="")
            values["ca_bundle"] = policy.ca_bundle
        values.update({k: v for k, v in overrides.items() if v is not None})
        chosen = values.get("user_agent")
        if isinstance(chosen, str) and not chosen.strip():
            raise FetchError("--user-agent must not be empty", url="")
        # CR/LF: a header of its own; a letter past ASCII ("бот"), which no HTTP header
        # carries, was an internal error (UnicodeEncodeError) at the first request
        if isinstance(chosen, str) and not (chosen.isprintable() and chosen.isascii()):
            # (named where it came from: ``extract`` takes no --user-agent, only the variable)
            given = "--user-agent" if overrides.get("user_agent") else f"${USER_AGENT_ENV}"
            raise FetchError(
                f"the user agent ({given}) must be one line of printable ASCII text (an HTTP"
                f" header carries no other), not {chosen!r}",
                url="",
            )
        return cls(**values)  # type: ignore[arg-type]

    def with_delay(self, explicit: float | None, profile: float | None) -> FetchOptions:
        """The per-host delay rule: ``--delay`` wins, then the profile's, then ours."""
        chosen = explicit if explicit is not None else profile
        return self if chosen is None else replace(self, delay=chosen)

    def with_tls(self, hosts: Iterable[str], verify: bool, ca_bundle: str | None) -> FetchOptions:
        """A profile's TLS settings: ``verify`` false adds its ``hosts`` (a port left off)
        to those read unverified; its ``ca_bundle`` replaces ``$NEWSARCHIVE_CA_BUNDLE``'s."""
        insecure = self.insecure_hosts
        if not verify:
            names = (urlsplit(f"//{h}").hostname for h in hosts)
            insecure = insecure | {n for n in names if n}
        return replace(self, insecure_hosts=insecure, ca_bundle=ca_bundle or self.ca_bundle)

    def for_site(self, profile: Profile, mirror: str | None = None) -> FetchOptions:
        """The options every command fetching a profiled site reads it with (``crawl``,
        ``check-site``, ``extract URL``): its profile's ``tls_verify`` and ``ca_bundle``
        over the site's hosts and a ``--base-url`` mirror's, the environment's kept. One
        rule, so a site ``crawl`` reads is never one ``check-site`` refuses."""
        hosts = (*site_hosts(profile), urlsplit(mirror or "").netloc)
        return self.with_tls(hosts, profile.tls_verify, profile.ca_bundle)


class RobotsDisallowed(FetchError):
    """robots.txt forbids this URL: skipped, recorded, not a failure."""


class FetchFailed(FetchError):
    """A failure whose ``reason`` reads without the URL (the robots.txt line uses it)."""

    def __init__(
        self, reason: str, *, url: str, shown: str | None = None, status: int | None = None
    ) -> None:
        super().__init__(f"{reason}: {shown or url}", url=url, status=status)
        self.reason = reason


class RedirectRefused(FetchFailed):
    """A redirect the fetcher will not follow (policy, bad URL, too many): never retried."""


class _RobotsKnown(FetchError):
    """A robots.txt redirected to one read in this run already (``http://x.bg/robots.txt``
    to ``https://www.x.bg/robots.txt``): its verdict is that one's, not asked for twice."""

    def __init__(self, url: str, origin: str) -> None:
        super().__init__(f"robots.txt of {origin}, read already: {url}", url=url)
        self.origin = origin


class _DeadlineHit(Exception):
    """The response was still streaming when ``FetchOptions.deadline`` ran out."""


def _raw_body(response: httpx.Response) -> Iterator[bytes]:
    """``response.iter_raw()`` without its close at the end: the connection is left as
    the body's end found it until the exchange ends (``client.stream``'s context), so
    what the server sends past the declared end can still be read (``failures.sent_overlong``).
    Closed by httpx at once, a server's surplus that came after the last read was gone
    (the connection shut, or handed back to the pool for the next request)."""
    stream = response.stream
    if not isinstance(stream, httpx.SyncByteStream):  # (the fetcher's client is sync)
        raise TypeError("a sync response was expected")
    response.is_stream_consumed = True  # (as iter_raw: a second read raises)
    try:
        yield from stream
    except httpx.HTTPError as exc:
        exc.request = response.request  # (as iter_raw's request context sets it)
        raise


def _streak_rests(host: _Host, streak: int, own: int, said: str) -> bool:
    """Whether ``streak`` requests in a row turned away (busy, or no answer in time) rest
    ``host`` for the run: from the ``REST_AFTER``th on, unless the whole streak is the
    asking URL's ``own`` (that page's failure, not the host's); ``said`` becomes the
    reason the run gives. Called with ``host.lock`` held."""
    if streak < REST_AFTER or (own >= streak and host.resting is None):
        return False
    _rests(host, said)
    return True


def _rests(host: _Host, said: str) -> str:
    """``host`` resting for the run, ``said`` the reason the run gives, unless it rests
    already (the first reason stands: said once). Called with ``host.lock`` held."""
    if host.resting is None:
        host.resting = f"{said}: not asked again in this run"
    return host.resting


def _set_location_aside(response: httpx.Response) -> None:
    """A redirect's Location moved to ``LOCATION_ASIDE``: see there."""
    if response.status_code in REDIRECT_STATUSES and "location" in response.headers:
        location = response.headers["location"]
        del response.headers["location"]
        response.headers[LOCATION_ASIDE] = location


def _netloc(url: str) -> str:
    return urlsplit(url).netloc.lower()


def _failed_host(exc: httpx.RequestError, fallback: str) -> str:
    """The host of the request that failed (a redirect target, perhaps; with a mirror,
    ``MirrorTransport`` has put the site's real URL back on the request)."""
    try:
        return exc.request.url.netloc.decode("ascii").lower()
    except RuntimeError:
        return fallback


class FetchInterrupted(FetchError):
    """The crawl was asked to stop while this fetch waited; the URL stays queued."""


class HostResting(FetchError):
    """The URL's host said "come back later" (429/503), or gave no answer in time, to
    ``REST_AFTER`` requests in a row in this run, or asked for a longer wait than
    ``max_retry_after`` once, or would make the run's waits for it pass
    ``max_host_wait``. Each such
    URL cost its retries, each wait up to ``max_retry_after``: a host answering every URL
    with ``Retry-After: 86400`` held a run for six minutes a URL, bounded only by the
    request budget. The URL is left for the next run (stays queued); ``why`` says it of
    the host, without the URL."""

    def __init__(self, why: str, *, url: str, walled: str = "", evidence: str = "") -> None:
        super().__init__(f"{why}; {url} left for the next run", url=url)
        self.why = why
        # the host (netloc) whose bot check answered ``url`` itself: the page may be the
        # only one walled (``Fetcher.forgive_wall``); empty for any other rest
        self.walled = walled
        # what told that check ("HTTP 403, cf-mitigated: challenge"), for the failure a
        # page walled alone becomes (``Harvester.walled_alone``), not parsed back from ``why``
        self.evidence = evidence


class NotFollowed(enum.Enum):
    """Why ``fetch``'s ``elsewhere`` leaves a redirect unfollowed, carried with the
    ``Elsewhere`` it ends in (``Elsewhere.why``): the caller decides it once, as the
    redirect is met, and its later stages read it there rather than ask again."""

    # the caller fetched the page in this run, or is to
    FETCHED = "fetched on its own"
    # the page stands in for the URL asked (``discover.urls.stands_in``: a removed
    # article's home page or listing): its answer is known unread, the URL gone
    STANDS_IN = "stands in for it"
    # the page is an article the archive holds from an earlier run: the URL asked is
    # another of its addresses (a card's slashed or old spelling, sent on by 301)
    ARCHIVED = "archived before"


class Elsewhere(FetchError):
    """``url`` redirects to ``page``, which the caller has fetched in this run or is to
    fetch on its own, or whose answer it knows unread (``fetch``'s ``elsewhere``, which
    said which: ``why``): the redirect is not followed, as that would fetch the one page
    twice (a site linking both ``/x`` and ``/x/``, one redirecting to the other, cost
    three requests for one article; a removed article sent to its listing read the
    listing again)."""

    def __init__(self, message: str, *, url: str, page: str, why: NotFollowed) -> None:
        super().__init__(message, url=url)
        self.page = page
        self.why = why


@dataclass
class FetchStats:
    """Cheap counters for the benchmark and the summary (CPU seconds of the fetching thread)."""

    requests: int = 0
    fetch_cpu: float = 0.0
    decode_cpu: float = 0.0


_HEADER_VALUE = re.compile(rb"[\t\x20-\x7e\x80-\xff]*")


def _validator(value: str | None) -> bytes | None:
    """An ETag or Last-Modified to send back, as the bytes it came as.

    httpx reads header values as Latin-1 and sends str values as ASCII: a validator
    with one byte past ASCII, stored by one run, raised UnicodeEncodeError in every run
    after it (the crawl's end, each time). Latin-1 gives back the bytes the server sent;
    a value that cannot be sent (not Latin-1, a control character) is not sent at all.
    """
    if not value:
        return None
    try:
        data = value.encode("latin-1")
    except UnicodeEncodeError:
        return None
    return data if _HEADER_VALUE.fullmatch(data) else None


def _codings(values: list[str]) -> list[str]:
    """The ``Content-Encoding`` codings, lower case, "identity" and empty items left out.

    More than one ("gzip, gzip") is refused by the caller: httpx inflated each network
    chunk through every layer at once, so behind two layers of gzip a 10 KB response
    inflated to gigabytes in one call (1 MB held 2 GB at its peak), long before the size
    cap could count a byte. ``inflate.inflated`` undoes one layer in bounded steps; no
    server needs two.
    """
    return [
        coding.strip().lower()
        for value in values
        for coding in value.split(",")
        if coding.strip() and coding.strip().lower() != "identity"
    ]


def _seconds(seconds: float) -> str:
    """Seconds as a line says them: "240", "1.5" (not "240.0", "1.4999…")."""
    return f"{round(seconds, 1):,g}"


def _span(seconds: float) -> str:
    """``Retry-After`` as a person says it: "24 hours", "3 days", "10 minutes"."""
    # (from two of a unit on, so a day and a half is "36 hours", not "2 days")
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= 2 * size:
            return f"{round(seconds / size)} {unit}s"
    count = round(seconds)
    return f"{count} second{'' if count == 1 else 's'}"


class _Host:
    """Per-host politeness state: next allowed start time and a connection semaphore."""

    def __init__(self, connections: int) -> None:
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.delay = 0.0  # robots.txt Crawl-delay, when larger than ours
        self.slots = threading.BoundedSemaphore(max(1, connections))
        # Set when connecting failed on every retry (DNS, refused): the rest of the run
        # fails fast instead of spending the whole backoff again on each URL.
        self.unreachable: str | None = None
        self.unreachable_at = ""  # the URL whose attempts found it so
        self.busy = 0  # requests in a row answered 429/503 (see ``BUSY_STATUSES``)
        self.silent = 0  # requests in a row that got no answer in time (see ``REST_AFTER``)
        self.resting: str | None = None  # why the run asks this host no more
        self.waited = 0.0  # seconds of backoff and Retry-After given it (``max_host_wait``)
        # a bot check on one page may be that path's alone (``Fetcher.forgive_wall``):
        # forgiven once, then again only after another page of the host answered
        self.forgivable = True


def _refuse_host(host: _Host, url: str, target: str | None = None) -> None:
    """Checked before every attempt and hop: a host given up on earlier in the run costs
    no request (and no backoff) again."""
    if host.resting is not None:
        raise HostResting(host.resting, url=url)
    if host.unreachable is not None:
        via = f"{target} (redirected from {url})" if target and target != url else url
        if host.unreachable_at.endswith("/robots.txt"):
            # Reading robots.txt said nothing to anyone (``_load_robots``): this is the
            # first failure the caller hears of, so it names the cause, not "earlier".
            raise FetchError(f"{host.unreachable} (reading {host.unreachable_at}): {via}", url=url)
        raise FetchError(
            f"host unreachable earlier in this run ({host.unreachable}): {via}", url=url
        )


class Fetcher:
    """One per crawl. ``site_hosts`` are the hosts redirects may lead to (None: any public
    host) and, with ``mirror`` (``--base-url``), the hosts served from the mirror.
    ``transport`` must talk to a server (tests wrap httpx's own): the body is read raw, a
    chunk at a time, which a response built in memory, read already, cannot be."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        mirror: str | None = None,
        site_hosts: Iterable[str] | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], object] | None = None,
        log: Callable[[str], object] | None = None,
        stop: threading.Event | None = None,
        names: NameWatch | None = None,
    ) -> None:
        self._log = log
        self._names = names or NameWatch()  # (a run's sites share one: ``crawl_sites``)
        self.options = options or FetchOptions()
        hosts = None if site_hosts is None else tuple(site_hosts)
        self._redirects = RedirectPolicy(hosts)
        connections = max(1, self.options.max_connections)
        limits = httpx.Limits(max_connections=connections * 4, max_keepalive_connections=8)
        self._backend = BoundedBackend(
            stop, tls=TlsPolicy(self.options.insecure_hosts, self.options.ca_bundle)
        )
        # the certificates refused this run, by host (``add-site`` says its own way out)
        self.tls_refusals: dict[str, CertificateRefused] = {}
        if transport is None:
            transport = bounded_transport(self._backend, limits)
        if mirror is not None:
            transport = MirrorTransport(mirror, hosts or (), transport)
        self._contacted: Callable[[str], str] = (
            transport.contacted if isinstance(transport, MirrorTransport) else str
        )
        self._stop = stop
        if sleep is not None:
            self._sleep = sleep
        elif stop is not None:
            self._sleep = stop.wait
        else:
            self._sleep = time.sleep
        self._lock = threading.Lock()
        self._hosts: dict[str, _Host] = {}
        self._robots: dict[str, RobotsRules | str | None] = {}
        self._robots_at: dict[str, str] = {}  # origin -> where its robots.txt was read
        self._robots_locks: dict[str, threading.Lock] = {}
        # origin -> the robots.txt an earlier run read (``keep_robots``; None: none given)
        self._robots_kept: dict[str, Page] | None = None
        # origin -> the robots.txt this run read, for the crawl to keep (``keep_robots``)
        self.robots_read: dict[str, Page] = {}
        # origin -> the line saying its rules are an earlier run's copy (a warning)
        self.robots_notes: dict[str, str] = {}
        # where this run found a site's addresses moved (``site_moves``)
        self._site_moves = SiteMoves()
        self._transport = transport
        self.stats = FetchStats()
        self.recent = RecentPages()  # source pages an exploration hands to the crawl
        self._client = httpx.Client(
            headers={
                "User-Agent": self.options.user_agent,
                "Accept-Language": "bg,en;q=0.5",
                "Accept-Encoding": ACCEPT_ENCODING,  # only what ``inflated`` undoes
            },
            timeout=self.options.timeout,
            follow_redirects=False,
            limits=limits,
            transport=transport,
            event_hooks={"response": [_set_location_aside]},
        )

    @property
    def requests(self) -> int:
        return self.stats.requests

    def unverified_hosts(self) -> frozenset[str]:
        """The hosts this run read over TLS without verifying their certificates."""
        return frozenset(self._backend.tls.unverified_hosts)

    def verified_hosts(self) -> frozenset[str]:
        """The hosts this run read over TLS verifying their certificates."""
        return frozenset(self._backend.tls.verified_hosts)

    def unverified_notes(self) -> list[str]:
        """One line per host this run read over TLS without verifying its certificate, as
        its profile or ``$NEWSARCHIVE_INSECURE_HOSTS`` asked (said, never silent)."""
        return [
            f"{host}: read over TLS without verifying its certificate (as its profile's "
            f"tls_verify = false or ${INSECURE_HOSTS_ENV} asks)"
            for host in sorted(self._backend.tls.unverified_hosts)
        ]

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # robots.txt ------------------------------------------------------------------
    def allowed(self, url: str, *, redirected_from: str | None = None) -> bool:
        """robots.txt verdict, read once per origin per run (RFC 9309).

        Redirects are followed to any host, up to ``max_redirects`` (RFC 9309, 2.3.1.2),
        and what they end on answers as a direct fetch would. A 4xx robots.txt (or a
        redirect we will not follow: past the limit, to an internal address) means
        allowed. A 5xx or 429 is retried with backoff; if it persists, and when
        robots.txt cannot be read at all (network error, malformed response, past the
        deadline), the copy an earlier run read is obeyed (``_unreachable_robots``), and
        without one the whole origin is
        disallowed (one over ``robots_max_bytes`` is read up to it: ``robots.robots_cut``):
        this raises ``FetchError`` for every URL of it for the rest of the run (a
        temporary failure, retried next run).
        """
        robots = self._robots_for(url)
        if isinstance(robots, str):
            asked = url if redirected_from is None else f"{redirected_from} (redirected to {url})"
            raise FetchError(f"{robots}; not fetching {asked}", url=redirected_from or url)
        return robots is None or bool(robots.can_fetch(url))

    def robots_problem(self, url: str) -> str | None:
        """Why nothing on ``url``'s origin may be fetched in this run (one line), or None.

        A crawl asks this first, so an unreadable robots.txt is reported once, not once
        per URL."""
        robots = self._robots_for(url)
        return robots if isinstance(robots, str) else None

    def _robots_for(self, url: str) -> RobotsRules | str | None:
        if not self.options.respect_robots:
            return None
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            origin_lock = self._robots_locks.setdefault(origin, threading.Lock())
        with origin_lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin)
            return self._robots[origin]

    def robots_sitemaps(self, url: str) -> list[str]:
        """The ``Sitemap:`` lines of the robots.txt of ``url``'s origin (read once a run);
        none when it is missing or unreadable. The protocol wants a full URL there
        (sitemaps.org; Google's robots.txt documentation says "fully-qualified" too), but
        some CMS plugins write the path alone (``Sitemap: /sitemap-novini.xml``), and RFC
        9309 lets a crawler read such other records leniently (2.2.4): it is read against
        robots.txt's own address, as any link is against its page's: the one it was read
        at, after redirects (``/robots.txt`` sent to ``/cms/robots.txt`` names
        ``sitemap.xml`` beside it, not at the root), or another host's own robots.txt
        (``http://x.bg`` sent to ``https://www.x.bg``: the site's host now). Not a rules
        file on another host (a CDN's, a hosting company's ``/robots.txt?site=a``): RFC
        9309 (2.3.1.2) follows a robots.txt reached so "in the context of the initial
        authority", so its paths are the site's; read against the CDN, the sitemap was on
        no host of the site, and exploring dropped it."""
        robots = self._robots_for(url)
        if not isinstance(robots, RobotsRules):
            return []
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        here = self._robots_at.get(origin, origin + "/robots.txt")
        read_at = urlsplit(here)
        if f"{read_at.scheme}://{read_at.netloc}" != origin and not own_robots(read_at):
            here = origin + "/robots.txt"
        return [urljoin(here, line.strip()) for line in robots.sitemaps if line.strip()]

    def keep_robots(self, pages: Iterable[Page]) -> None:
        """The robots.txt files earlier runs read (``page.url``: ``origin/robots.txt``),
        obeyed instead when one cannot be read now (``_unreachable_robots``). A crawl
        gives them (from the archive) and keeps what this run read (``robots_read``)."""
        kept = {page.url.removesuffix("/robots.txt"): page for page in pages}
        with self._lock:
            self._robots_kept = {**(self._robots_kept or {}), **kept}

    def _load_robots(self, origin: str) -> RobotsRules | str | None:
        try:
            page = self._fetch(origin + "/robots.txt", robots_txt=True)
        except _RobotsKnown as known:
            with self._lock:
                if known.origin in self._robots_at:
                    self._robots_at[origin] = self._robots_at[known.origin]
                if known.origin in self.robots_read:  # (kept for this origin too)
                    read = self.robots_read[known.origin]
                    self.robots_read[origin] = replace(read, url=origin + "/robots.txt")
            return self._robots[known.origin]
        except (FetchInterrupted, HostResting):
            raise
        except RedirectRefused:
            return None  # RFC 9309: past the redirects it is "unavailable", like a 4xx
        except FetchError as exc:
            if exc.status is not None and exc.status >= 429:
                return self._unreachable_robots(origin, f"keeps failing (HTTP {exc.status})")
            reason = exc.reason if isinstance(exc, FetchFailed) else str(exc)
            if self._host(_netloc(self._site_moves.moved(origin + "/robots.txt"))).unreachable:
                # (no connection on any try: a machine with no network, a name that does
                # not resolve, a server down; "disallowed" would send a reader to robots.txt;
                # and no rules, kept or not, would let anything be fetched from it)
                shown = self.describe(origin)  # (and the mirror, with --base-url)
                return f"{shown} cannot be reached ({reason}): nothing fetched from it in this run"
            return self._unreachable_robots(origin, f"unreadable ({reason})")
        with self._lock:
            self.robots_read[origin] = page
        robots = self._obey(origin, page)
        final = urlsplit(page.final_url)
        if own_robots(final) and f"{final.scheme}://{final.netloc}" != origin:
            # the answer is the other origin's own robots.txt (``http://x.bg`` sent to
            # ``https://www.x.bg``): known for it too, not asked for again in this run
            other = f"{final.scheme}://{final.netloc}"
            if robots is not None and (delay := robots.crawl_delay()):
                self._host(final.netloc).delay = min(float(delay), 30.0)
            with self._lock:
                self._robots.setdefault(other, robots)
                self._robots_at.setdefault(other, page.final_url)
                self.robots_read.setdefault(other, replace(page, url=other + "/robots.txt"))
        return robots

    def _obey(self, origin: str, page: Page) -> RobotsRules | None:
        """The rules ``page`` (the robots.txt of ``origin``, read now or kept) sets: its
        own for a 200, none for another status (a 4xx: everything allowed); its
        ``Crawl-delay`` (up to 30 s) is the host's."""
        robots = robots_rules(page.text, self.options.user_agent) if page.status == 200 else None
        delay = None if robots is None else robots.crawl_delay()
        with self._lock:
            self._robots_at[origin] = page.final_url
        if delay:
            self._host(urlsplit(origin).netloc).delay = min(float(delay), 30.0)
        return robots

    def _unreachable_robots(self, origin: str, why: str) -> RobotsRules | str | None:
        """RFC 9309: a robots.txt unreachable (a 5xx or 429 on every try, a network error,
        a redirect to a host that does not answer) means a complete disallow (2.3.1.4),
        and a cached copy may be used past 24 hours while it is so (2.4). So the copy an
        earlier run read (``keep_robots``), up to ``KEPT_ROBOTS_DAYS`` old, is obeyed
        instead, said in one warning line (``robots_notes``): a robots.txt sent to a dead
        CDN or a failing back end disallowed the whole site every night, each night the
        same one failure line, though its rules had not changed. Without one (or one
        older), the site is disallowed for the run: one failure line, and exit 1."""
        said = f"{origin}/robots.txt {why}"
        kept = None if self._robots_kept is None else self._robots_kept.get(origin)
        if kept is None:
            return f"robots.txt of {origin} {why}: the site is disallowed for this run (RFC 9309)"
        age = dt.datetime.now(dt.UTC) - kept.fetched_at
        read = (
            f"the copy read {_span(max(0.0, age.total_seconds()))} ago ({kept.fetched_at:%Y-%m-%d})"
        )
        if age > dt.timedelta(days=KEPT_ROBOTS_DAYS):
            return (
                f"robots.txt of {origin} {why}: the site is disallowed for this run (RFC 9309;"
                f" {read} is older than the {KEPT_ROBOTS_DAYS} days it may be obeyed for)"
            )
        with self._lock:
            self.robots_notes[origin] = (
                f"{said}: obeying {read} instead, as RFC 9309 allows while it is unreachable"
                f" (up to {KEPT_ROBOTS_DAYS} days; then the site is disallowed)"
            )
        return self._obey(origin, kept)

    # politeness ------------------------------------------------------------------
    def _host(self, netloc: str) -> _Host:
        """The politeness state of ``netloc``'s host, under its one spelling
        (``ascii_host``): a profile names a ``.бг`` host in Cyrillic, the request httpx
        made of it in punycode (``_failed_host``), and each spelling was a host of its
        own: the host found unreachable was looked up unmarked, and a site whose name did
        not resolve was said "robots.txt unreadable: disallowed (RFC 9309)". So was one
        whose address held a user name (``http://user@x.bg``): the URL's netloc keeps
        it, the request's does not."""
        netloc = ascii_host(netloc.rpartition("@")[2])
        with self._lock:
            host = self._hosts.get(netloc)
            if host is None:
                host = self._hosts[netloc] = _Host(self.options.max_connections)
            return host

    def _wait_turn(self, host: _Host) -> None:
        """Reserve the next start slot for this host, then sleep until it comes."""
        with host.lock:
            delay = max(self.options.delay, host.delay)
            now = time.monotonic()
            start = max(now, host.next_start)
            host.next_start = start + delay
        remaining = start - time.monotonic()
        if remaining > 0:
            self._pause(remaining)

    def _hold_off(self, host: _Host, seconds: float) -> None:
        """Nobody starts a request to this host for ``seconds`` (backoff, Retry-After)."""
        with host.lock:
            host.next_start = max(host.next_start, time.monotonic() + seconds)

    def _pause(self, seconds: float) -> None:
        self._check_stop()
        self._sleep(seconds)
        self._check_stop()

    def _check_stop(self) -> None:
        if self._stop is not None and self._stop.is_set():
            raise FetchInterrupted("crawl interrupted", url="")

    # fetching --------------------------------------------------------------------
    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        elsewhere: Callable[[str, str], NotFollowed | None] | None = None,
    ) -> Page:
        """GET ``url`` with retries, as robots.txt allows (``RobotsDisallowed`` when it does
        not). Returns any final status; raises ``FetchError`` otherwise.

        Transient failures are retried ``retries`` times, a deadline hit only once (a site
        that trickles once will trickle again), a malformed response never. A host that
        could not be connected to on any attempt (the site's, or a redirect target's) is
        marked unreachable for the rest of the run; the URL's own failure is its own. One
        that said "come back later" to ``REST_AFTER`` requests in a row, or once for
        longer than ``max_retry_after``, rests (``HostResting``). A redirect of ``url`` to
        a URL for which ``elsewhere(url, target)`` gives a reason (``NotFollowed``: the
        caller fetches it on its own, or need not fetch it, a removed article's listing)
        is not followed (``Elsewhere``, which carries the reason).

        No caller can skip robots.txt: only reading robots.txt itself does, through
        ``_fetch`` (one flag once meant both "skip the check" and "this is robots.txt, read
        with its own limits", so a caller wanting the first got the second silently).
        """
        return self._fetch(
            url, etag=etag, last_modified=last_modified, elsewhere=elsewhere, robots_txt=False
        )

    def _fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        elsewhere: Callable[[str, str], NotFollowed | None] | None = None,
        robots_txt: bool,
    ) -> Page:
        """``fetch``; ``robots_txt``: ``url`` is a robots.txt, which no robots.txt judges,
        read with its own timeout and size cap (``robots_timeout``, ``robots_max_bytes``:
        its first bytes kept, not refused), never through a session or a stand-in page."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url}", url=url)
        target = self._site_moves.moved(url)
        host = self._host(_netloc(target))
        _refuse_host(host, url)
        if not robots_txt and not self.allowed(target):
            raise RobotsDisallowed(f"disallowed by robots.txt: {url}", url=url)
        if self._site_moves.moved(url) != target:  # reading robots.txt taught the server's move
            target = self._site_moves.moved(url)
            host = self._host(_netloc(target))
            if not robots_txt and not self.allowed(target):
                raise RobotsDisallowed(f"disallowed by robots.txt: {url}", url=url)
        _refuse_host(host, url)
        if not robots_txt:  # (after robots.txt judged the address the site links)
            target = self._site_moves.in_session(target)
        headers: dict[bytes, bytes] = {}
        for name, value in ((b"If-None-Match", etag), (b"If-Modified-Since", last_modified)):
            sent = _validator(value)
            if sent:
                headers[name] = sent
        max_bytes = self.options.robots_max_bytes if robots_txt else self.options.max_bytes
        last_error = "no attempt made"
        last_status: int | None = None
        retry_after: float | None = None
        refused_host: str | None = None  # set while every attempt failed to connect
        deadline_hits = 0
        cuts = 0  # bodies cut short (``failures.CutShort``): tried once more
        overlong: Overlong | None = None  # the last try's body sent past its length
        own_busy = 0  # this URL's busy answers (``_busy``)
        own_silent = 0  # this URL's tries that got no answer in time (``_silent``)
        no_lookup = 0  # this URL's tries whose name lookup the resolver did not answer
        attempts = 0
        for attempt in range(self.options.retries + 1):
            if attempt:
                wait = self._backoff(attempt, retry_after)
                self._spend_wait(host, _netloc(target), wait, last_error, url)
                self._hold_off(host, wait)
                _refuse_host(host, url)  # (given up on by another URL in the meantime)
            retry_after = None
            self._wait_turn(host)
            started = time.monotonic()
            cpu = time.thread_time()
            attempts += 1
            outcome = ""  # the log's word for this request, when not its status
            try:
                with host.slots:
                    self._check_stop()
                    status, resp_headers, content, final = self._get(
                        target, headers, robots_txt=robots_txt, max_bytes=max_bytes,
                        elsewhere=elsewhere,
                    )  # fmt: skip
            except FetchError:
                raise
            except (httpx.InvalidURL, UnicodeError) as exc:
                # a host httpx or the resolver cannot spell ("😀.bg": no IDNA 2008 name; it
                # came typed, from a profile or a page): no try mends it, and it was an
                # internal error, the site's whole crawl stopped as a bug
                self._add_fetch_cpu(cpu)
                self._log_fetch(url, "invalid-url", 0, started)
                raise FetchFailed(
                    f"not a valid URL ({one_line(str(exc), 100, ellipsis='')})",
                    url=url,
                    shown=self.describe(url),
                ) from None
            except _DeadlineHit:
                self._add_fetch_cpu(cpu)
                self._log_fetch(url, "deadline", 0, started)
                last_error = (
                    f"response not complete within the deadline of {self.options.deadline:g} s"
                )
                last_status, refused_host = None, None
                deadline_hits += 1
                own_silent += 1
                if self._silence_ends(host, _netloc(target), last_error, own_silent, url):
                    break
                if deadline_hits > 1:  # (a second deadline: the page is too slow to come)
                    break
                continue
            except CutShort as cut:
                self._add_fetch_cpu(cpu)
                came = cut.sent
                kept = None if came is None else kept_body(overlong, came.body)
                if came is None or kept is None:
                    if came is not None:  # (one line a request: said here, kept or not)
                        self._log_fetch(url, "overlong", len(came.body.declared), started)
                    last_error, last_status, refused_host = cut.reason, None, None
                    overlong = None if came is None else came.body
                    cuts += 1
                    if cuts > 1:
                        break
                    continue
                # the same surplus again: the server's habit, and a whole document kept
                outcome = "overlong-kept"
                status, resp_headers, content, final = (
                    came.status,
                    came.headers,
                    kept,
                    came.final,
                )
                cpu = time.thread_time()  # (counted already)
            except (httpx.TransportError, httpx.DecodingError) as exc:
                self._check_stop()  # a read that gave up because the crawl is stopping
                self._add_fetch_cpu(cpu)
                cert_refused = certificate_refused(exc)
                self._log_fetch(
                    url, "tls-refused" if cert_refused else type(exc).__name__, 0, started
                )
                if cert_refused is not None:
                    # The same certificate on every try and every page: not retried, not
                    # the host's silence; its host is given up on for the run, each URL
                    # left for a later run (``_refuse_host`` says why, costing nothing).
                    line = refusal_line(cert_refused)
                    self.tls_refusals.setdefault(cert_refused.host.lower(), cert_refused)
                    failed_host = self._host(_failed_host(exc, _netloc(url)))
                    failed_host.unreachable, failed_host.unreachable_at = line, url
                    raise FetchFailed(line, url=url, shown=self.describe(url)) from None
                problem = malformed(exc)
                if problem is not None:
                    raise FetchFailed(
                        f"malformed response ({problem})", url=url, shown=self.describe(url)
                    ) from None
                # (httpx ends some sentences with a full stop, and " after 4 attempts"
                # follows: "Server disconnected without sending a response. after 4 …")
                said = str(exc).rstrip(". ")
                last_error = f"{type(exc).__name__}: {said}" if said else type(exc).__name__
                last_status = None
                failed = _failed_host(exc, _netloc(url))
                connect = isinstance(exc, httpx.ConnectError)
                first = attempt == 0
                refused_host = failed if connect and (first or refused_host == failed) else None
                nameless = unresolved(exc)
                if nameless is not None:
                    last_error = nameless
                elif failed != _netloc(url):
                    last_error += f" ({failed})"
                if nameless is not None and refused_host is not None:
                    break  # (the resolver has retried already; a name moments later is no likelier)
                if resolver_silent(exc):
                    no_lookup += 1
                    if refused_host is not None and self._names.down():
                        last_error += ", as for every host of this run so far,"
                        break
                if isinstance(exc, httpx.TimeoutException):
                    own_silent += 1
                    if self._silence_ends(host, _netloc(target), last_error, own_silent, url):
                        break
                continue
            refused_host = None
            with host.lock:
                host.silent = 0  # it answered, whatever it said
            self._add_fetch_cpu(cpu)
            self._log_fetch(url, outcome or str(status), len(content), started)
            if (wall := bot_check(status, resp_headers, content)) is not None:
                # (robots.txt walled is the site walled: never forgiven)
                page_host = "" if robots_txt else _netloc(target)
                raise self._walled(host, final, status, wall, url, page_host)
            host.forgivable = True  # (a plain bool: a racing wall's forgive reads either)
            if status == 304 and not headers and not robots_txt:
                # "not modified" since nothing: no page was read, and taken as "unchanged"
                # the URL was done for good with nothing archived. A server's habit (a
                # cache in front of it), so not tried again now; a failed URL is the next
                # run's. (A robots.txt so answered is one unavailable: allowed, RFC 9309.)
                raise FetchFailed(
                    "HTTP 304 (not modified) to a request that sent no validators",
                    url=url, shown=self.describe(url), status=status,
                )  # fmt: skip
            if status in RETRY_STATUSES:
                last_error, last_status = f"HTTP {status}", status
                retry_after = retry_after_seconds(resp_headers.get("retry-after"))
                cap = self.options.max_retry_after
                if retry_after is not None and retry_after > cap:
                    if status in BUSY_STATUSES:  # come back later, later than we wait
                        raise self._rest(host, _netloc(target), status, retry_after, url)
                    last_error += (  # (a 5xx of another kind: said, not slept)
                        f" (Retry-After {retry_after:,.0f} s; waits are capped at {cap:g} s)"
                    )
                if status in BUSY_STATUSES:
                    own_busy += 1
                    if self._busy(host, _netloc(target), last_error, own_busy):
                        raise HostResting(host.resting or last_error, url=url)
                    if own_busy >= REST_AFTER:  # all the streak its own: this page's failure
                        break
                if final != target and _netloc(final) == _netloc(target):
                    # The next try asks where the redirects led, on the same host (an old
                    # address sent on to its article, http to https): each try asked the
                    # old address again, two requests a try to a server asking for fewer
                    # (``--nights`` seed 1223: 8 where 5 do). Its answer is the page's
                    # as the chain's would be; the hops were judged when first met.
                    target = final
                continue
            cpu = time.thread_time()
            text, encoding = decode_html(content, resp_headers.get("content-type"))
            with self._lock:
                self.stats.decode_cpu += time.thread_time() - cpu
            fetched_at = dt.datetime.now(dt.UTC).replace(microsecond=0)
            with host.lock:
                host.busy = 0
            return Page(url, final, status, resp_headers, content, text, encoding, fetched_at)
        if refused_host is not None:
            if no_lookup == attempts:
                self._names.unanswered()
            refused = self._host(refused_host)
            refused.unreachable, refused.unreachable_at = last_error, url
        raise FetchFailed(
            f"{last_error} after {attempts} attempt{'' if attempts == 1 else 's'}",
            url=url,
            shown=self.describe(url),
            status=last_status,
        )

    def fetch_many(
        self,
        urls: Iterable[str],
        workers: int,
        validators: Mapping[str, tuple[str | None, str | None]] | None = None,
        more: Callable[[], bool] = lambda: True,
        elsewhere: Callable[[str, str], NotFollowed | None] | None = None,
    ) -> Iterator[tuple[str, Page | FetchError]]:
        """Fetch in order with up to ``workers`` in flight; results come back in order.

        Failures are yielded, not raised. Once the crawl is asked to stop, or ``more()``
        turns false (the request budget is spent), nothing new is started; what was in
        flight finishes and is yielded (a stop may make it ``FetchInterrupted``). A URL with
        ``validators`` (ETag, Last-Modified) is fetched conditionally (``crawl --recheck``).
        ``urls`` is read as the URLs are started, so it may still leave one out then;
        ``elsewhere`` as ``fetch`` takes it (asked from the worker threads).
        """

        def one(url: str) -> Page | FetchError:
            etag, modified = (validators or {}).get(url, (None, None))
            # A page exploring read moments ago (a menu link it opened as a possible
            # section is an article): not asked again. Only one its URL served itself,
            # as a redirect may be one ``elsewhere`` would not have followed, and only
            # unconditionally (a recheck asks the server).
            if etag is None and modified is None:
                kept = self.take_kept(url, unmoved=True)
                if kept is not None:
                    return kept
                # nor one that did not answer it, after its retries: owed to the next run
                failed = self.recent.take_failure(url)
                if failed is not None:
                    return failed
            try:
                return self.fetch(url, etag=etag, last_modified=modified, elsewhere=elsewhere)
            except FetchError as exc:
                return exc
            except Exception as exc:  # what no test foresaw in one response costs that URL
                problem = f"{type(exc).__name__}: {exc}".encode("utf-8", "backslashreplace")
                return FetchFailed(
                    f"internal error reading the response ({problem.decode('utf-8')};"
                    " a bug, please report it)",
                    url=url,
                    shown=self.describe(url),
                )

        if workers <= 1:
            for url in urls:
                self._check_stop()
                if not more():
                    return
                yield url, one(url)
            return
        window: list[tuple[str, Future[Page | FetchError]]] = []
        queue = iter(urls)
        with ThreadPoolExecutor(workers) as pool:
            try:
                while True:
                    stopping = self._stop is not None and self._stop.is_set()
                    while not stopping and len(window) < workers * 2 and more():
                        upcoming = next(queue, None)
                        if upcoming is None:
                            break
                        window.append((upcoming, pool.submit(one, upcoming)))
                    if not window:
                        break
                    url, future = window.pop(0)
                    yield url, future.result()
            finally:
                for _url, future in window:
                    future.cancel()

    def _busy(self, host: _Host, netloc: str, answer: str, own: int) -> bool:
        """One more request the host answered "come back later"; the ``REST_AFTER``th in
        a row rests it for the run, and the URL asking it then is left queued (True): it
        was never answered, and marking it failed would spend one of its attempts.

        Not when the whole streak is that URL's own (``own`` of them): with retries set
        past ``REST_AFTER``, one page the server chokes on rested the host, so the
        site's run ended there, the page stayed queued, and every later run ended on it
        again. Its tries end there instead (that page's failure), and the next busy
        answer, another URL's, rests the host."""
        with host.lock:
            host.busy += 1
            said = f"{netloc} answered {answer} to {host.busy} requests in a row"
            return _streak_rests(host, host.busy, own, said)

    def _silent(self, host: _Host, netloc: str, why: str, own: int) -> bool:
        """One more request the host gave no answer in time; the ``REST_AFTER``th in a row
        rests it for the run as ``_busy`` does (the URL asking then stays queued), and on
        the same terms: a streak that is all one URL's own is that URL's failure (one
        page too heavy for the server to build in time), not the host's rest."""
        with host.lock:
            host.silent += 1
            said = f"{netloc} gave no answer in time to {host.silent} requests in a row ({why})"
            return _streak_rests(host, host.silent, own, said)

    def _silence_ends(self, host: _Host, netloc: str, why: str, own: int, url: str) -> bool:
        """``_silent`` for the URL asking: ``HostResting`` when the streak rests the host,
        True when it is all this URL's own and has reached ``REST_AFTER`` (this page's
        failure: no more tries), False to try again."""
        if self._silent(host, netloc, why, own):
            raise HostResting(host.resting or why, url=url) from None
        return own >= REST_AFTER

    def _rest(
        self, host: _Host, netloc: str, status: int, retry_after: float, url: str
    ) -> HostResting:
        """A host that asks us (429/503) to come back later than ``max_retry_after`` rests
        for the rest of the run at once: sleeping the cap and asking again would only be
        refused again (and cost a nightly run minutes per URL before ``REST_AFTER`` URLs
        in a row rested it), while the next run asks politely on its own."""
        said = (
            f"{netloc} asked us to come back in {_span(retry_after)} (HTTP {status},"
            f" Retry-After {retry_after:,.0f} s, longer than the"
            f" {self.options.max_retry_after:g} s we wait)"
        )
        with host.lock:
            return HostResting(_rests(host, said), url=url)

    def _spend_wait(self, host: _Host, netloc: str, wait: float, answer: str, url: str) -> None:
        """``wait`` more seconds for ``host`` before asking again, added to what the run
        has waited for it; ``HostResting`` (the host rests for the run, as ``_rest``
        rests it) when that would pass ``max_host_wait``. Each wait within the cap and
        no streak long enough to rest the host, a server turning away every third
        request with ``Retry-After: 120`` held a nightly run two minutes a third request,
        and it exited 0 saying nothing; now the run stops asking that host, says so in
        one line, and the URL asking stays queued for the next run."""
        budget = self.options.max_host_wait
        with host.lock:
            if host.waited + wait <= budget:
                host.waited += wait
                return
            said = (
                f"{netloc} has made us wait {_seconds(host.waited)} s in this run ({answer}"
                f" the last time), and {_seconds(wait)} s more would pass the {budget:g} s"
                " we wait for one host in a run"
            )
            raise HostResting(_rests(host, said), url=url)

    def _walled(
        self, host: _Host, where: str, status: int, wall: str, url: str, netloc: str
    ) -> HostResting:
        """A bot wall's challenge (``bot_check``) rests the host for the run at its first
        answer, robots.txt's too (its 503 challenge was a robots.txt "failing", asked
        four times): each later URL would get the same page (every retry too), and asking
        on is the hammering the wall is there to stop. Said once, as any rest is; the URL
        stays queued for the next run, and nothing of the page is archived."""
        evidence = f"HTTP {status}, {wall}"
        said = f"the site answered with a bot check at {where} ({evidence})"
        with host.lock:
            # forgivable only where this wall rested the host: a rest another cause set
            # first (a busy or silent host, met while this request was in flight), or
            # another wall, is not this wall's to lift
            ours = host.resting is None
            return HostResting(
                _rests(host, said), url=url, walled=netloc if ours else "", evidence=evidence
            )

    def forgive_wall(self, exc: HostResting) -> bool:
        """Whether the bot check that answered ``exc.url`` may be that page's alone (a
        WAF rule on one path), the host's rest lifted: the first in the run, or the first
        since another page of the host answered. A second in a row is the site walled,
        and its rest stands: a site-wide wall costs one request more, never a run's
        hammering. The caller asks the site's other pages (its listing first) next, and
        a page walled on its own is a failure retried on later runs, not a rest that
        starves the site of its news night after night, asked first from the queue."""
        if not exc.walled:
            return False
        host = self._host(exc.walled)
        with host.lock:
            if not host.forgivable or host.resting is None:
                return False
            host.forgivable, host.resting = False, None
            return True

    def rests(self, url: str) -> bool:
        """Whether ``url``'s host rests for the rest of the run."""
        return self._host(_netloc(url)).resting is not None

    def take_kept(self, url: str, *, unmoved: bool = False) -> Page | None:
        """The page ``recent`` holds for ``url`` (see ``RecentPages.take``), logged as
        ``kept``: the log then accounts for every page the crawl used, this one served
        from memory rather than fetched again."""
        page = self.recent.take(url, unmoved=unmoved)
        if page is not None:
            self._log_fetch(url, "kept", len(page.content), time.monotonic())
        return page

    def describe(self, url: str) -> str:
        """``url``, and the mirror URL really contacted when there is one (its password
        masked: every log line and failure names it)."""
        contacted = self._contacted(url)
        return redacted(url if contacted == url else f"{url} (fetched from {contacted})")

    def _add_fetch_cpu(self, cpu_started: float) -> None:
        with self._lock:
            self.stats.fetch_cpu += time.thread_time() - cpu_started

    def _log_fetch(self, url: str, outcome: str, size: int, started: float) -> None:
        if self._log is not None:
            stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
            elapsed = int((time.monotonic() - started) * 1000)
            line = redacted(f"{stamp} {outcome} {size} {elapsed}ms {self.describe(url)}\n")
            with self._lock:
                self._log(line)

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.options.max_retry_after)
        base = self.options.backoff * (2 ** (attempt - 1))
        return float(min(base + random.uniform(0, base / 2), self.options.max_retry_after))

    def _get(
        self,
        url: str,
        headers: dict[bytes, bytes],
        *,
        robots_txt: bool,
        max_bytes: int,
        elsewhere: Callable[[str, str], NotFollowed | None] | None = None,
    ) -> tuple[int, dict[str, str], bytes, str]:
        """One logical GET: follow redirects by hand (each hop checked: scheme, policy,
        robots.txt, an unreachable host), cap the body's size and the whole exchange's
        time (here between chunks, in ``BoundedBackend`` for every read), and look at the
        stop flag between chunks."""
        return self._hops(url, headers, robots_txt, max_bytes, elsewhere)

    def _hops(
        self,
        url: str,
        headers: dict[bytes, bytes],
        robots_txt: bool,
        max_bytes: int,
        elsewhere: Callable[[str, str], NotFollowed | None] | None,
    ) -> tuple[int, dict[str, str], bytes, str]:
        current = url
        met: set[str] = set()  # the addresses this fetch went through (``_stand_in``)
        stand_ins = 0  # stand-in pages followed on the way (``MAX_STAND_INS``)
        deadline = time.monotonic() + self.options.deadline
        for hop in range(self.options.max_redirects + 1):
            if hop:
                host = self._host(_netloc(current))
                _refuse_host(host, url, current)
                # A hop is a request to its host like any other: it waits the host's turn
                # (``delay``, Crawl-delay; a stand-in's target is a whole second page),
                # and that wait is no part of the exchange's time.
                waited = time.monotonic()
                self._wait_turn(host)
                deadline += time.monotonic() - waited
            met.add(asked_as(current))
            with self._lock:
                self.stats.requests += 1
            # robots.txt (the only fetch without a robots check) gets a shorter timeout:
            # a slow robots.txt must not hold up a whole night's run.
            timeout = (
                min(self.options.timeout, self.options.robots_timeout)
                if robots_txt
                else httpx.USE_CLIENT_DEFAULT
            )
            with (
                self._deadline_kept(deadline),
                self._client.stream("GET", current, headers=headers, timeout=timeout) as response,
            ):
                self._names.answered()
                status = response.status_code
                location = response.headers.get(LOCATION_ASIDE)
                if status in REDIRECT_STATUSES and location:
                    self._site_moves.note_offsite(current, location, status)
                    following = self._follow(url, current, location, status, robots_txt)
                    self._site_moves.learn_move(current, following, status)
                    self._site_moves.learn_session(current, following)
                    if robots_txt:
                        moved_to = urlsplit(following)
                        origin = f"{moved_to.scheme}://{moved_to.netloc}"
                        if own_robots(moved_to) and origin in self._robots:
                            raise _RobotsKnown(url, origin)
                    current = self._next_hop(url, following, not robots_txt, elsewhere)
                    continue
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes and not robots_txt:
                    raise self._too_large(url, max_bytes)
                codings = _codings(response.headers.get_list("content-encoding"))
                if len(codings) > 1:
                    self._log_fetch(url, "stacked-encodings", 0, time.monotonic())
                    raise FetchFailed(
                        "malformed response (stacked content encodings"
                        f" {', '.join(codings)}: refused)",
                        url=url,
                        shown=self.describe(url),
                    )
                coding = codings[0] if codings else ""
                chunks = self._body(url, response, coding, deadline, robots_txt, max_bytes)
                resp_headers = lowered(response.headers)
                content = b"".join(chunks)
                if robots_txt:
                    content = robots_cut(content, max_bytes)
                if (
                    status == 200
                    and not robots_txt
                    and hop < self.options.max_redirects  # (at the cap: kept as it came)
                    and stand_ins < MAX_STAND_INS
                    and (target := self._stand_in(url, current, content, response, met))
                ):
                    stand_ins += 1
                    current = self._next_hop(url, target, not robots_txt, elsewhere)
                    continue
                return status, resp_headers, content, str(response.url)
        self._log_fetch(url, "redirect-loop", 0, time.monotonic())
        raise RedirectRefused(
            f"more than {self.options.max_redirects} redirects", url=url, shown=self.describe(url)
        )

    def _body(
        self,
        url: str,
        response: httpx.Response,
        coding: str,
        deadline: float,
        robots_txt: bool,
        max_bytes: int,
    ) -> list[bytes]:
        """The response's body, inflated, in chunks: bounded in size and time, and whole
        (``failures.CutShort`` otherwise)."""
        chunks: list[bytes] = []
        size = 0
        try:
            for chunk in inflated(_raw_body(response), coding):
                self._check_stop()
                if time.monotonic() > deadline:
                    raise _DeadlineHit
                size += len(chunk)
                if size > max_bytes and robots_txt:
                    chunks.append(chunk)
                    break  # robots.txt: its first ``max_bytes`` are read (``robots.robots_cut``)
                if size > max_bytes:
                    raise self._too_large(url, max_bytes, UNDONE.get(coding))
                chunks.append(chunk)
        except httpx.RemoteProtocolError as exc:
            cut = cut_short(exc)
            if cut is None:
                raise
            self._log_fetch(url, "cut-short", size, time.monotonic())
            raise cut from None
        except StreamCut:
            self._log_fetch(url, "cut-short", size, time.monotonic())
            raise CutShort(
                f"response cut short (its {coding} stream ended early: {size} bytes inflated)"
            ) from None
        if (
            not robots_txt
            and (overlong := sent_overlong(response, chunks, coding, max_bytes - size)) is not None
        ):
            if overlong.sent is None:  # (one with its surplus is logged by ``fetch``)
                self._log_fetch(url, "overlong", size, time.monotonic())
            raise overlong
        return chunks

    @contextmanager
    def _deadline_kept(self, deadline: float) -> Iterator[None]:
        """Every read by ``deadline`` (``BoundedBackend``); a timeout past it is the
        deadline's, not the server's slowness (it is not retried as often)."""
        try:
            with self._backend.until(deadline):
                yield
        except httpx.TimeoutException:
            if time.monotonic() >= deadline:
                raise _DeadlineHit from None
            raise

    def _next_hop(
        self,
        url: str,
        following: str,
        check_robots: bool,
        elsewhere: Callable[[str, str], NotFollowed | None] | None,
    ) -> str:
        """``following``, where a redirect (or a stand-in's refresh) of ``url`` leads,
        unless the caller says why not (``Elsewhere``: it fetches the page on its own, or
        the page stands in for ``url``, ``NotFollowed``) or robots.txt closes it."""
        if (
            elsewhere is not None
            and url_key(following) != url_key(url)  # (this URL's own move)
            and (why := elsewhere(url, following)) is not None
        ):
            raise Elsewhere(
                f"redirected to {following}, {why.value}: {url}",
                url=url, page=following, why=why,
            )  # fmt: skip
        if check_robots and not self.allowed(following, redirected_from=url):
            raise RobotsDisallowed(
                f"redirected to {following}, disallowed by robots.txt: {url}", url=url
            )
        return following

    def _stand_in(
        self, url: str, current: str, content: bytes, response: httpx.Response, met: set[str]
    ) -> str | None:
        """Where a page that only stands in for another (``refresh.stand_in_target``)
        sends the browser, when a redirect there would be followed: it is fetched in the
        page's place, as a browser shows it. A refresh off the site, or one refused, leaves
        the page as it is: it is no error of the page. So does one back to an address
        ``met`` on this fetch's way (two short links sent round to each other, or a
        target redirecting back): a browser would go round for ever, and asking again only
        spent requests up to the redirect cap, then failed the page."""
        target = stand_in_target(
            content, current, response.headers.get("content-type"), response.headers.get("refresh")
        )
        if target is None or asked_as(target) in met:
            return None
        try:
            return self._follow(url, current, target, 200)
        except RedirectRefused:
            return None

    def site_move(self, origin: str) -> str | None:
        """The origin the site at ``origin`` moved to as a whole, or None
        (``SiteMoves.site_move``: its robots.txt and its home page both sent to the same
        path on one other domain). Asks for the home page only when robots.txt said so
        already, so a site that did not move pays nothing; call it after robots.txt was
        read."""
        return self._site_moves.site_move(origin, self._ask_home)

    def _ask_home(self, home: str) -> None:
        """``home`` asked for, so that where it redirects is noted (``site_move``)."""
        try:
            self.fetch(home)
        except (FetchInterrupted, HostResting):
            raise
        except FetchError:
            pass  # (refused, as an off-site redirect is: what it answered is noted)

    def own_home_page(self, origin: str) -> Page | None:
        """The home page of ``origin``, when the host answers there itself: its robots.txt
        read without being sent to another domain, and its home page answering 200 on
        ``origin``'s host (or its ``www.`` twin). None for anything less (a failure, a
        lapsed domain's DNS error, a redirect). Whether the page is the site's, and not
        a reseller's parking page answering 200 too, is the caller's to judge
        (``listings.is_site_home``). Costs the robots.txt read and, unless it was sent
        away, one request."""
        if self.robots_problem(origin) is not None:
            return None
        if self._site_moves.robots_sent_away(origin):
            return None
        parts = urlsplit(origin)
        try:
            page = self.fetch(f"{parts.scheme}://{parts.netloc}/")
        except (FetchInterrupted, HostResting):
            raise
        except FetchError:
            return None
        home = urlsplit(page.final_url).hostname or ""
        if page.status != 200 or home not in host_variants([parts.hostname or ""]):
            return None
        return page

    def follow_site_move(self, origin: str) -> str | None:
        """Where the site at ``origin`` moved as a whole (``site_move``), accepted for the
        rest of this fetcher's life (``accept_move``); None when it did not move. For the
        commands that start from one address a user typed (``add-site``, ``check-site``):
        robots.txt is read here, and an unreadable one is left for their own fetches to
        report."""
        self.robots_problem(origin)  # (reads robots.txt, noting where it redirects)
        moved_to = self.site_move(origin)
        if moved_to is not None:
            self.accept_move(origin, moved_to)
            moved_to = self._moved_on(moved_to)
        return moved_to

    def _moved_on(self, moved_to: str) -> str:
        """Where the site's new origin ``moved_to`` sends every path in its turn (its
        robots.txt read there, which the exploration reads anyway: a move to https or
        the www twin is learnt, ``SiteMoves.learn_move``), the chain's last origin. The
        old domain's redirect to ``http://yakoruda.bg``, itself sending everything on
        to ``https://yakoruda.bg``, was proposed as ``origin = 'http://yakoruda.bg'``,
        "redirect here for good", the middle of the chain."""
        self.robots_problem(moved_to)
        final = urlsplit(self._site_moves.moved(f"{moved_to}/robots.txt"))
        return f"{final.scheme}://{final.netloc}"

    def add_site_hosts(self, hosts: list[str]) -> None:
        """More hosts of the site (where it moved, its news section's own host): redirects
        may lead there, and a ``--base-url`` mirror serves them."""
        self._redirects.add_hosts(hosts)
        if isinstance(self._transport, MirrorTransport):
            self._transport.add_hosts(hosts)

    def accept_move(self, origin: str, moved_to: str) -> None:
        """The site at ``origin`` lives at ``moved_to`` now (``site_move``, or an
        earlier run's finding): its host is one of the site's (redirects may lead there,
        a ``--base-url`` mirror serves it), and every address on the old origin is
        asked for at the new one at once."""
        self.add_site_hosts([urlsplit(moved_to).netloc.lower()])
        self._site_moves.accept(origin, moved_to)

    def moved(self, url: str) -> str:
        """``url`` where its server said this run it moved every path: an address to keep
        for the next run, which would otherwise pay the redirect again before learning it."""
        return self._site_moves.moved(url)

    def _follow(
        self, url: str, current: str, location: str, status: int, robots_txt: bool = False
    ) -> str:
        """The redirect target, if it may be followed; ``RedirectRefused`` says why not.
        The target is judged as any address given to fetch is (``web_url_problem``), and
        httpx's own parse besides: a malformed one is refused before it is logged as the
        redirect's target, a well-formed one of no web page after. A robots.txt's may
        leave the site's hosts (RFC 9309, 2.3.1.2: its rules are the site's wherever the
        redirects lead), never for an internal address, nor off a mirror's hosts."""
        try:
            following = without_userinfo(urljoin(current, location))
            httpx.URL(following)
        except (ValueError, httpx.InvalidURL):
            following, problem = "", "malformed"
        else:
            problem = web_url_problem(following)
        if problem and problem != NO_WEB_URL:
            shown = one_line(location, 100, ellipsis="")
            self._log_fetch(url, "bad-redirect", 0, time.monotonic())
            raise RedirectRefused(
                f"redirect to an invalid URL ({shown!r})", url=url, shown=self.describe(url)
            )
        self._log_fetch(url, f"{status}->{following}", 0, time.monotonic())
        if problem:
            reason = f"redirect to {following}, which {problem}"
        else:
            # (a ``--base-url`` run asks nothing of the live web: a mirror serves the
            # site's hosts only, and a robots.txt sent off them is unavailable there)
            any_host = robots_txt and not isinstance(self._transport, MirrorTransport)
            refusal = self._redirects.refusal(url, following, any_host=any_host)
            reason = "" if refusal is None else f"redirect to {following} refused ({refusal})"
        if reason:
            raise RedirectRefused(reason, url=url, shown=self.describe(url))
        return following

    def _too_large(self, url: str, max_bytes: int, undone: str | None = None) -> FetchError:
        self._log_fetch(url, "too-large", 0, time.monotonic())
        after = f" (after {undone})" if undone else ""
        return FetchFailed(
            f"response larger than {max_bytes} bytes{after}", url=url, shown=self.describe(url)
        )
