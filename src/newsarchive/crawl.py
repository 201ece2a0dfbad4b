"""Wire the stages for one site: discover -> frontier -> fetch -> extract -> archive.

The frontier lives in the archive, so an interrupted crawl resumes from what it had
queued. Each article is committed on its own: a crash loses at most the page in hand.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from newsarchive.archive.store import Store, now_iso
from newsarchive.discover import feeds, listings
from newsarchive.discover.urls import (
    absolute,
    canonical_host,
    from_mirror,
    is_article_url,
    mirror_map,
    normalize_url,
    on_site,
)
from newsarchive.errors import FetchError
from newsarchive.extract.dates import local_date
from newsarchive.extract.pipeline import extract
from newsarchive.fetch.client import Fetcher, FetchOptions
from newsarchive.models import Candidate, Page, Profile

GONE_STATUSES = frozenset({404, 410})


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
    errors: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def status(self) -> int:
        return 1 if self.errors else 0

    def counts(self) -> dict[str, int]:
        return {
            "requests": self.requests,
            "pages": self.pages,
            "new": self.new,
            "updated": self.updated,
            "errors": self.errors,
        }

    def summary(self) -> str:
        return (
            f"{self.site}: {self.new} new, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.gone} gone, {self.errors} failed, {self.requests} requests"
        )


Progress = Callable[[SiteReport], None]


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
        if profile.delay is not None and options.fetch.delay > 0:
            fetch_options = FetchOptions(**{**fetch_options.__dict__, "delay": profile.delay})
        self.fetcher = fetcher or Fetcher(
            fetch_options, url_map=mirror_map(profile, options.base_url), log=options.fetch_log
        )

    def run(self) -> SiteReport:
        run_id = self.store.start_run(self.profile.id)
        try:
            self._discover()
            self._process_frontier()
        finally:
            self.report.requests = self.fetcher.requests
            self.store.finish_run(run_id, self.report.counts(), self.report.status)
            self._progress(self.report)
        return self.report

    # discovery -----------------------------------------------------------------
    def _fetch_listing(self, url: str) -> Page | None:
        etag, modified = self.store.http_state(url)
        if self.options.refresh:
            etag = modified = None
        try:
            page = self.fetcher.fetch(url, etag=etag, last_modified=modified)
        except FetchError as exc:
            self._fail(url, str(exc))
            return None
        self.report.pages += 1
        self._progress(self.report)
        if page.status == 200:
            self.store.save_http_state(url, page)
            self.conn.commit()
            return page
        if page.status not in GONE_STATUSES and page.status != 304:
            self._fail(url, f"HTTP {page.status}")
        return None

    def _discover(self) -> None:
        for feed in self.profile.feeds + self.profile.sitemaps:
            page = self._fetch_listing(absolute(self.profile, feed))
            if page is not None:
                self._queue_feed(page.content)
        limit = self.profile.max_pages if self.options.max_pages is None else self.options.max_pages
        for start in self.profile.start_urls:
            self._walk_listing(absolute(self.profile, start), limit)

    def _queue_feed(self, content: bytes, depth: int = 0) -> None:
        for entry in feeds.parse_feed(content):
            url = normalize_url(entry.url)
            if url is None:
                continue
            url = canonical_host(
                from_mirror(self.profile, self.options.base_url, url), self.profile
            )
            if entry.is_sitemap and depth < 2 and on_site(url, self.profile):
                page = self._fetch_listing(url)
                if page is not None:
                    self._queue_feed(page.content, depth + 1)
                continue
            if self._too_old(entry.published):
                continue
            if is_article_url(url, self.profile):
                self._enqueue(Candidate(url, self.profile.id, "feed"))

    def _walk_listing(self, start: str, limit: int) -> None:
        known_run = 0
        seen: set[str] = set()
        page_number = 1
        url: str | None = start
        while url is not None and (limit == 0 or page_number <= limit):
            page = self._fetch_listing(url)
            if page is None:
                break
            base = from_mirror(self.profile, self.options.base_url, page.final_url)
            links = [c for c in listings.article_links(page.text, base, self.profile)]
            fresh = [c for c in links if c.url not in seen]
            if not fresh:
                break  # an ignored page parameter serves the same list again
            for candidate in fresh:
                seen.add(candidate.url)
                if self._enqueue(candidate):
                    known_run = 0
                else:
                    known_run += 1
            if known_run >= self.options.stop_after_known:
                break
            url = listings.next_page_url(page.text, url, self.profile, page_number)
            page_number += 1

    def _too_old(self, published: object) -> bool:
        if self.options.since is None or not isinstance(published, dt.date):
            return False
        return local_date(published) < self.options.since

    def _enqueue(self, candidate: Candidate) -> bool:
        """Queue a URL unless it is archived; False means "already archived" (known)."""
        if not self.options.refresh and self.store.has_article(candidate.url):
            return False
        self.conn.execute(
            "INSERT INTO frontier (url, site, source, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET state = 'queued'"
            " WHERE frontier.state = 'done' AND ?",
            (candidate.url, candidate.site, candidate.source, now_iso(), self.options.refresh),
        )
        self.conn.commit()
        return True

    # articles ------------------------------------------------------------------
    def _process_frontier(self) -> None:
        rows = self.conn.execute(
            "SELECT url, source FROM frontier WHERE site = ? AND state IN ('queued', 'failed')"
            " ORDER BY rowid",
            (self.profile.id,),
        ).fetchall()
        for url, _source in rows:
            self._process_article(url)

    def _process_article(self, url: str) -> None:
        try:
            page = self.fetcher.fetch(url)
        except FetchError as exc:
            self._mark(url, "failed", str(exc))
            self._fail(url, str(exc))
            return
        self.report.pages += 1
        if page.status in GONE_STATUSES:
            self.report.gone += 1
            self._mark(url, "gone", f"HTTP {page.status}")
            return
        if page.status != 200:
            self._mark(url, "failed", f"HTTP {page.status}")
            self._fail(url, f"HTTP {page.status}")
            return
        article = extract(page.content, url, profile=self.profile, today=page.fetched_at.date())
        if not article.text and not article.title:
            self._mark(url, "failed", "no article found on the page")
            self._fail(url, "no article found on the page")
            return
        if self._too_old(article.published):
            self.report.skipped += 1
            self._mark(url, "done", "older than --since")
            return
        canonical = article.canonical_url
        if canonical:
            canonical = from_mirror(self.profile, self.options.base_url, canonical)
        if not canonical or not on_site(canonical, self.profile):
            canonical = url
        canonical = canonical_host(canonical, self.profile)
        with self.conn:
            capture_id = self.store.save_capture(page)
            outcome = self.store.upsert_article(
                article,
                site=self.profile.id,
                url=canonical,
                source_url=url if url != canonical else None,
                fetched_at=page.fetched_at.isoformat(),
                capture_id=capture_id,
            )
            self._mark(url, "done", None, commit=False)
        setattr(self.report, outcome, getattr(self.report, outcome) + 1)
        self._progress(self.report)

    def _mark(self, url: str, state: str, error: str | None, *, commit: bool = True) -> None:
        self.conn.execute(
            "UPDATE frontier SET state = ?, last_error = ?, attempts = attempts + 1 WHERE url = ?",
            (state, error, url),
        )
        if commit:
            self.conn.commit()

    def _fail(self, url: str, message: str) -> None:
        self.report.errors += 1
        self.report.failures.append(message)
        self._progress(self.report)
