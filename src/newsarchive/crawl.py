"""Wire the stages for one site: discover -> frontier -> fetch -> extract -> archive.

Nightly and resumable by design:

* The frontier (queued URLs with their source) lives in the archive and each article is
  committed on its own, so a crawl killed even by SIGKILL loses at most the pages in hand;
  the next run first finishes what was queued (and retries what failed, a few times).
* Listing pages are walked newest first and the articles of each page are fetched before
  the next page, so the walk can stop early: at a page with nothing new, after a run of
  ``stop_after_known`` already-archived articles, or at a page whose articles are all older
  than ``--since``. Page 1 and feeds are fetched conditionally (ETag/Last-Modified); a 304
  ends the walk at once. A no-op nightly run is robots.txt + feed + first listing page.
* A deep walk (the first crawl of years of archive) saves where it is after every page;
  when a later run's walk stops at already-known articles it jumps to that saved page.
* ``options.stop`` (set by SIGTERM/SIGINT) ends the run after the pages in hand.
"""

from __future__ import annotations

import datetime as dt
import enum
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace

from selectolax.lexbor import LexborHTMLParser

from newsarchive.archive.store import Store
from newsarchive.discover import feeds, listings
from newsarchive.discover.urls import (
    absolute,
    canonical_host,
    feed_url,
    from_mirror,
    is_article_url,
    mirror_map,
    on_site,
)
from newsarchive.errors import EXIT_OK, EXIT_PARTIAL, FetchError
from newsarchive.extraction.dates import local_date
from newsarchive.extraction.pipeline import extract
from newsarchive.fetch.client import Fetcher, FetchInterrupted, FetchOptions, RobotsDisallowed
from newsarchive.models import Candidate, Page, Profile

GONE_STATUSES = frozenset({404, 410})
MAX_ATTEMPTS = 5  # a URL failing on this many runs is left alone (still listed as failed)
STAGES = ("fetch", "decode", "extract", "store")


class StopFlag(threading.Event):
    """Set by a signal handler; ``code`` is the exit status the interrupted run records."""

    code = 130

    def request(self, code: int) -> None:
        self.code = code
        self.set()


@dataclass(frozen=True)
class CrawlOptions:
    """What the user asked for on the command line."""

    since: dt.date | None = None
    max_pages: int | None = None
    base_url: str | None = None
    refresh: bool = False
    stop_after_known: int = 10
    fetch: FetchOptions = FetchOptions()
    fetch_log: Callable[[str], object] | None = None
    workers: int | None = None  # article fetches in flight; default fetch.max_connections
    delay: float | None = None  # explicit --delay: wins over the profile's [politeness] delay
    stop: threading.Event | None = None


@dataclass
class SiteReport:
    """Counts for one site's run; also what the progress display and summary show."""

    site: str
    requests: int = 0
    pages: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    gone: int = 0
    skipped: int = 0
    disallowed: int = 0
    errors: int = 0
    interrupted: bool = False
    interrupt_code: int = 130
    drift: dict[str, int] = field(default_factory=dict)
    failures: list[str] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    @property
    def status(self) -> int:
        if self.interrupted:
            return self.interrupt_code
        return EXIT_PARTIAL if self.errors else EXIT_OK

    @property
    def rate(self) -> float:
        """Pages per second so far."""
        spent = self.elapsed or (time.monotonic() - self.started)
        return self.pages / spent if spent > 0 else 0.0

    def counts(self) -> dict[str, int]:
        return {
            "requests": self.requests,
            "pages": self.pages,
            "new": self.new,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "gone": self.gone,
            "skipped": self.skipped,
            "errors": self.errors,
        }

    def summary(self) -> str:
        text = (
            f"{self.site}: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.gone} gone, {self.errors} failed, {self.requests} requests"
        )
        if self.disallowed:
            text += f", {self.disallowed} disallowed by robots.txt"
        if self.drift:
            fields = ", ".join(f"{name} on {count}" for name, count in sorted(self.drift.items()))
            text += (
                f"; profile did not match ({fields} page(s); generic rules used):"
                f" run 'newsarchive check-site {self.site}'"
            )
        if self.interrupted:
            text += " (interrupted; the next run resumes)"
        return text


Progress = Callable[[SiteReport], None]


class _Stopped(Exception):
    """Raised inside a run when ``options.stop`` is set."""


class _Seen(enum.Enum):
    NEW = "new"  # queued now (or still queued from an earlier run)
    KNOWN = "known"  # archived (or settled: gone, disallowed) before this run
    THIS_RUN = "this-run"  # already handled in this run (e.g. found in the feed first)


class SiteCrawl:
    """One crawl of one site; create, call ``run()``, read the report."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        profile: Profile,
        options: CrawlOptions,
        *,
        progress: Progress | None = None,
        fetcher: Fetcher | None = None,
    ) -> None:
        self.conn = conn
        self.store = Store(conn)
        self.profile = profile
        self.options = options
        self.report = SiteReport(profile.id)
        self._progress = progress or (lambda report: None)
        fetch_options = options.fetch
        delay = options.delay
        if delay is None and profile.delay is not None and options.fetch.delay > 0:
            delay = profile.delay
        if delay is not None:
            fetch_options = replace(fetch_options, delay=delay)
        self._own_fetcher = fetcher is None
        self.fetcher = fetcher or Fetcher(
            fetch_options,
            url_map=mirror_map(profile, options.base_url),
            log=options.fetch_log,
            stop=options.stop,
        )
        self._workers = max(1, options.workers or fetch_options.max_connections)
        self._handled: set[str] = set()  # URLs fetched (or given up) in this run
        self._listing_failed = False

    def run(self) -> SiteReport:
        run_id = self.store.start_run(self.profile.id)
        pool = ThreadPoolExecutor(self._workers) if self._workers > 1 else None
        try:
            self._process_pending(pool)
            self._discover(pool)
        except _Stopped:
            self.report.interrupted = True
            self.report.interrupt_code = getattr(self.options.stop, "code", 130)
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
            self.conn.commit()
            self.report.requests = self.fetcher.requests
            self.report.cpu["fetch"] = self.fetcher.stats.fetch_cpu
            self.report.cpu["decode"] = self.fetcher.stats.decode_cpu
            self.report.elapsed = time.monotonic() - self.report.started
            self.store.finish_run(run_id, self.report.counts(), self.report.status)
            if self._own_fetcher:
                self.fetcher.close()
            self._progress(self.report)
        return self.report

    def _check_stop(self) -> None:
        if self.options.stop is not None and self.options.stop.is_set():
            raise _Stopped

    # discovery -----------------------------------------------------------------
    def _fetch_listing(self, url: str, *, conditional: bool = True) -> Page | None:
        """A feed or listing page; None when it is unchanged (304), gone or failed."""
        self._check_stop()
        self._listing_failed = False
        etag, modified = self.store.http_state(url)
        if self.options.refresh or not conditional:
            etag = modified = None
        try:
            page = self.fetcher.fetch(url, etag=etag, last_modified=modified)
        except FetchInterrupted:
            raise _Stopped from None
        except FetchError as exc:
            self._listing_failed = True
            self._fail(url, str(exc))
            return None
        self.report.pages += 1
        self._progress(self.report)
        if page.status == 200:
            return page
        if page.status not in GONE_STATUSES and page.status != 304:
            self._listing_failed = True
            self._fail(url, f"HTTP {page.status}")
        return None

    def _remember_validators(self, url: str, page: Page) -> None:
        """Store ETag/Last-Modified once what the page listed is safely queued."""
        self.store.save_http_state(url, page)
        self.conn.commit()

    def _discover(self, pool: ThreadPoolExecutor | None) -> None:
        for feed in self.profile.feeds + self.profile.sitemaps:
            url = absolute(self.profile, feed)
            page = self._fetch_listing(url)
            if page is not None:
                self._queue_feed(page.content)
                self._remember_validators(url, page)
                self._process_pending(pool)
        limit = self.profile.max_pages if self.options.max_pages is None else self.options.max_pages
        for start in self.profile.start_urls:
            self._walk_listing(absolute(self.profile, start), limit, pool)

    def _queue_feed(self, content: bytes, depth: int = 0) -> None:
        for entry in feeds.parse_feed(content):
            url = feed_url(entry.url, self.profile, self.options.base_url)
            if url is None:
                continue
            if entry.is_sitemap and depth < 2 and on_site(url, self.profile):
                page = self._fetch_listing(url)
                if page is not None:
                    self._queue_feed(page.content, depth + 1)
                    self._remember_validators(url, page)
                continue
            if self._too_old(entry.published):
                continue
            if is_article_url(url, self.profile):
                self._enqueue(Candidate(url, self.profile.id, "feed"))
        self.conn.commit()

    def _walk_listing(self, start: str, limit: int, pool: ThreadPoolExecutor | None) -> None:
        resume = self.store.walk_resume(start)
        url, number = start, 1
        known_run = 0
        seen: set[str] = set()
        finished = True  # False: stopped by a failure, keep the resume point for next run
        while limit == 0 or number <= limit:
            page = self._fetch_listing(url, conditional=number == 1)
            if page is None:
                if self._listing_failed:
                    finished = False
                    break
                # unchanged (304) or gone: nothing new here; an unfinished deep walk goes on
                if resume is not None and resume[1] > number:
                    url, number, known_run, resume = resume[0], resume[1], 0, None
                    continue
                break
            base = from_mirror(self.profile, self.options.base_url, page.final_url)
            tree = LexborHTMLParser(page.text)
            links = listings.article_links(tree, base, self.profile)
            fresh = [c for c in links if c.url not in seen]
            if not fresh:
                break  # an ignored page parameter serves the same list again
            verdicts = []
            for candidate in fresh:
                seen.add(candidate.url)
                verdict = self._enqueue(candidate)
                verdicts.append(verdict)
                if verdict is _Seen.NEW:
                    known_run = 0
                elif verdict is _Seen.KNOWN:
                    known_run += 1
            self.conn.commit()
            if number == 1:
                self._remember_validators(url, page)
            next_url = listings.next_page_url(tree, url, self.profile, number)
            if next_url is not None and (resume is None or number + 1 > resume[1]):
                self.store.save_walk(self.profile.id, start, next_url, number + 1)
                self.conn.commit()
            skipped_before = self.report.skipped
            self._process_pending(pool)
            new_here = verdicts.count(_Seen.NEW)
            if new_here and self.report.skipped - skipped_before >= new_here:
                break  # every new article on this page is older than --since
            all_known = _Seen.KNOWN in verdicts and not new_here
            if all_known or known_run >= self.options.stop_after_known:
                if resume is not None and resume[1] > number + 1:
                    url, number, known_run, resume = resume[0], resume[1], 0, None
                    continue
                break
            if next_url is None:
                break
            url = next_url
            number += 1
        if finished:
            self.store.clear_walk(start)
            self.conn.commit()

    def _too_old(self, published: object) -> bool:
        if self.options.since is None or not isinstance(published, dt.date):
            return False
        return local_date(published) < self.options.since

    def _enqueue(self, candidate: Candidate) -> _Seen:
        """Queue a URL unless archived or settled; the verdict drives the incremental stop."""
        url = candidate.url
        if url in self._handled:
            return _Seen.THIS_RUN
        if self.options.refresh:
            self.store.queue(url, candidate.site, candidate.source)
            return _Seen.NEW
        if self.store.has_article(url):
            return _Seen.KNOWN
        state = self.store.frontier_state(url)
        if state is not None:
            name, attempts = state
            if name in ("gone", "disallowed"):
                return _Seen.KNOWN
            if name == "failed" and attempts >= MAX_ATTEMPTS:
                return _Seen.KNOWN
            if name == "old" and self.options.since is not None:
                return _Seen.KNOWN
        self.store.queue(url, candidate.site, candidate.source)
        return _Seen.NEW

    # articles ------------------------------------------------------------------
    def _process_pending(self, pool: ThreadPoolExecutor | None) -> None:
        """Fetch every queued URL of the site (and retry failed ones) not yet tried this run."""
        urls = [
            u for u in self.store.pending(self.profile.id, MAX_ATTEMPTS) if u not in self._handled
        ]
        for url, outcome in self._fetch_all(urls, pool):
            self._handle_article(url, outcome)
        self._check_stop()

    def _fetch_all(
        self, urls: list[str], pool: ThreadPoolExecutor | None
    ) -> Iterator[tuple[str, Page | FetchError]]:
        """Fetch in order, up to ``workers`` at once; stop submitting when asked to stop."""
        if pool is None:
            for url in urls:
                self._check_stop()
                yield url, self._fetch_article(url)
            return
        window: list[tuple[str, Future[Page | FetchError]]] = []
        queue = iter(urls)
        try:
            while True:
                stopping = self.options.stop is not None and self.options.stop.is_set()
                while not stopping and len(window) < self._workers * 2:
                    upcoming = next(queue, None)
                    if upcoming is None:
                        break
                    window.append((upcoming, pool.submit(self._fetch_article, upcoming)))
                if not window:
                    break
                url, future = window.pop(0)
                yield url, future.result()
        finally:
            for _url, future in window:
                future.cancel()

    def _fetch_article(self, url: str) -> Page | FetchError:
        try:
            return self.fetcher.fetch(url)
        except FetchError as exc:
            return exc

    def _handle_article(self, url: str, outcome: Page | FetchError) -> None:
        if isinstance(outcome, FetchInterrupted):
            return  # stays queued for the next run
        self._handled.add(url)
        if isinstance(outcome, RobotsDisallowed):
            self.report.disallowed += 1
            self._mark(url, "disallowed", "disallowed by robots.txt")
            return
        if isinstance(outcome, FetchError):
            self._mark(url, "failed", str(outcome))
            self._fail(url, str(outcome))
            return
        page = outcome
        self.report.pages += 1
        if page.status in GONE_STATUSES:
            self.report.gone += 1
            self._mark(url, "gone", f"HTTP {page.status}")
            self._progress(self.report)
            return
        if page.status != 200:
            self._mark(url, "failed", f"HTTP {page.status}")
            self._fail(url, f"HTTP {page.status}: {url}")
            return
        cpu = time.thread_time()
        article = extract(page.text, url, profile=self.profile, today=page.fetched_at.date())
        self.report.cpu["extract"] += time.thread_time() - cpu
        for name in filter(None, article.rules.get("drift", "").split(",")):
            self.report.drift[name] = self.report.drift.get(name, 0) + 1
        if not article.text and not article.title:
            self._mark(url, "failed", "no article found on the page")
            self._fail(url, f"no article found on the page: {url}")
            return
        if self._too_old(article.published):
            self.report.skipped += 1
            self._mark(url, "old", "older than --since")
            return
        canonical = article.canonical_url
        if canonical:
            canonical = from_mirror(self.profile, self.options.base_url, canonical)
        if not canonical or not on_site(canonical, self.profile):
            canonical = url
        canonical = canonical_host(canonical, self.profile)
        self._handled.add(canonical)
        cpu = time.thread_time()
        with self.conn:
            capture_id = self.store.save_capture(page)
            outcome_name = self.store.upsert_article(
                article,
                site=self.profile.id,
                url=canonical,
                source_url=url if url != canonical else None,
                fetched_at=page.fetched_at.isoformat(),
                capture_id=capture_id,
            )
            self.store.mark(url, "done", None)
        self.report.cpu["store"] += time.thread_time() - cpu
        setattr(self.report, outcome_name, getattr(self.report, outcome_name) + 1)
        self._progress(self.report)

    def _mark(self, url: str, state: str, error: str | None) -> None:
        self.store.mark(url, state, error)
        self.conn.commit()

    def _fail(self, url: str, message: str) -> None:
        self.report.errors += 1
        self.report.failures.append(message if url in message else f"{message}: {url}")
        self._progress(self.report)
