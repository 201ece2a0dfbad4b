"""A polite HTTP client: robots.txt, per-host delay, retries with backoff, size caps.

Site operators see an identifying User-Agent and at most one request per ``delay``
seconds per host; transient failures (5xx, 429, timeouts, resets) are retried with
exponential backoff and jitter, honouring ``Retry-After`` up to a cap.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx
from protego import Protego

from newsarchive import __version__
from newsarchive.errors import FetchError
from newsarchive.fetch.charset import decode_html
from newsarchive.models import Page

DEFAULT_USER_AGENT = (
    f"newsarchive/{__version__} (+https://github.com/newsarchive/newsarchive; research archive)"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchOptions:
    """Politeness and safety limits; defaults are what a site operator would accept."""

    user_agent: str = DEFAULT_USER_AGENT
    timeout: float = 20.0
    delay: float = 1.0
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 120.0
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 5
    respect_robots: bool = True


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP-date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())


class Fetcher:
    """One per crawl; not thread-safe. ``url_map`` sends real URLs to a mirror."""

    def __init__(
        self,
        options: FetchOptions | None = None,
        *,
        url_map: Callable[[str], str] | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        log: Callable[[str], object] | None = None,
    ) -> None:
        self._log = log
        self.options = options or FetchOptions()
        self._map = url_map or (lambda url: url)
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, Protego | None] = {}
        self._host_delay: dict[str, float] = {}
        self.requests = 0
        self._client = httpx.Client(
            headers={"User-Agent": self.options.user_agent, "Accept-Language": "bg,en;q=0.5"},
            timeout=self.options.timeout,
            follow_redirects=True,
            max_redirects=self.options.max_redirects,
            transport=transport,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def allowed(self, url: str) -> bool:
        """robots.txt verdict, read once per origin; unreachable or 4xx robots means allowed."""
        if not self.options.respect_robots:
            return True
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        robots = self._robots[origin]
        return robots is None or bool(robots.can_fetch(url, self.options.user_agent))

    def _load_robots(self, origin: str) -> Protego | None:
        try:
            page = self.fetch(origin + "/robots.txt", check_robots=False)
        except FetchError:
            return None
        if page.status != 200:
            return None
        robots = Protego.parse(page.text)
        delay = robots.crawl_delay(self.options.user_agent)
        if delay:
            self._host_delay[urlsplit(origin).netloc] = min(float(delay), 30.0)
        return robots

    def _wait_turn(self, host: str) -> None:
        delay = max(self.options.delay, self._host_delay.get(host, 0.0))
        last = self._last_request.get(host)
        if last is not None and delay > 0:
            remaining = last + delay - time.monotonic()
            if remaining > 0:
                self._sleep(remaining)
        self._last_request[host] = time.monotonic()

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        check_robots: bool = True,
    ) -> Page:
        """GET ``url`` with retries. Returns any final status; raises ``FetchError`` otherwise."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url}", url=url)
        if check_robots and not self.allowed(url):
            raise FetchError(f"disallowed by robots.txt: {url}", url=url, status=None)
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        target = self._map(url)
        last_error = "no attempt made"
        last_wait: float | None = None
        for attempt in range(self.options.retries + 1):
            if attempt:
                self._sleep(self._backoff(attempt, last_wait))
            last_wait = None
            self._wait_turn(urlsplit(target).netloc)
            self.requests += 1
            started = time.monotonic()
            try:
                status, resp_headers, content, final = self._get(target, headers)
                self._log_fetch(url, str(status), len(content), started)
            except httpx.TooManyRedirects:
                self._log_fetch(url, "redirect-loop", 0, started)
                raise FetchError(f"too many redirects: {url}", url=url) from None
            except _TooLarge:
                raise FetchError(
                    f"response larger than {self.options.max_bytes} bytes: {url}", url=url
                ) from None
            except httpx.TransportError as exc:
                self._log_fetch(url, type(exc).__name__, 0, started)
                last_error = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
                continue
            if status in RETRY_STATUSES:
                last_error = f"HTTP {status}"
                last_wait = retry_after_seconds(resp_headers.get("retry-after"))
                continue
            text, encoding = decode_html(content, resp_headers.get("content-type"))
            return Page(
                url=url,
                final_url=final,
                status=status,
                headers=resp_headers,
                content=content,
                text=text,
                encoding=encoding,
                fetched_at=dt.datetime.now(dt.UTC).replace(microsecond=0),
                not_modified=status == 304,
            )
        raise FetchError(f"{last_error} after {self.options.retries + 1} attempts: {url}", url=url)

    def _log_fetch(self, url: str, outcome: str, size: int, started: float) -> None:
        if self._log is not None:
            stamp = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
            elapsed = int((time.monotonic() - started) * 1000)
            self._log(f"{stamp} {outcome} {size} {elapsed}ms {url}\n")

    def _backoff(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.options.max_retry_after)
        base = self.options.backoff * (2 ** (attempt - 1))
        return float(min(base + random.uniform(0, base / 2), self.options.max_retry_after))

    def _get(self, target: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes, str]:
        with self._client.stream("GET", target, headers=headers) as response:
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.options.max_bytes:
                    raise _TooLarge
                chunks.append(chunk)
            resp_headers = {k.lower(): v for k, v in response.headers.items()}
            return response.status_code, resp_headers, b"".join(chunks), str(response.url)


class _TooLarge(Exception):
    pass
