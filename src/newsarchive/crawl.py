"""Wire the stages for one site: discover -> frontier -> fetch -> extract -> archive.

The parts decide; this only connects them and chooses the sources. The profile's
sources, or what ``explorer`` finds, say where to look; ``SourceReader`` reads them
(feeds and sitemaps first, then each listing walked newest first, the articles of each
page fetched before the next page, so an incremental stop can come early); ``Frontier``
keeps (and alone commits) the crawl state; ``Harvester`` fetches and archives the queued
articles. A crawl killed at any point resumes: queued URLs wait in the frontier, walks
keep their resume point, and ``options.stop`` (SIGTERM/SIGINT) ends the run after the
pages in hand.
"""

from __future__ import annotations

import datetime as dt
import re
import sqlite3

from newsarchive.archive.connection import ArchiveFile
from newsarchive.archive.frontier import Frontier
from newsarchive.archive.store import Store
from newsarchive.crawl_run import CrawlOptions, Progress, SiteReport
from newsarchive.crawl_sources import SourceReader
from newsarchive.discover.explore import Discovery
from newsarchive.discover.urls import absolute
from newsarchive.errors import ArchiveWriteError
from newsarchive.explorer import explore, stale
from newsarchive.fetch.client import Fetcher, FetchInterrupted
from newsarchive.harvest import Harvester
from newsarchive.models import SOURCE_SITEMAP, Profile


class _RobotsUnreadable(Exception):
    """robots.txt could not be read: nothing may be fetched from the site in this run."""


class _BudgetSpent(Exception):
    """The site's request budget for this run is used up; the next run resumes."""


class SiteCrawl:
    """One crawl of one site; create, call ``run()``, read the report."""

    def __init__(
        self, store: Store, profile: Profile, options: CrawlOptions, fetcher: Fetcher,
        archive: ArchiveFile | None = None, progress: Progress | None = None,
    ) -> None:  # fmt: skip
        self.store, self.profile, self.options, self.fetcher = store, profile, options, fetcher
        self.archive = archive
        self.frontier = Frontier(store.conn, profile.id)
        self.report = SiteReport(profile.id)
        self._progress = progress or (lambda report: None)
        self.harvest = Harvester(
            store, self.frontier, fetcher, profile, options, self.report, self._progress,
            between=self._check, still_ours=self._check_archive,
        )  # fmt: skip
        self.reader = SourceReader(
            fetcher, self.frontier, profile, options, self.report, self.harvest,
            check=self._check, robots_gate=self._robots_gate,
        )  # fmt: skip

    def run(self) -> SiteReport:
        run_id = self.store.start_run(self.profile.id)
        try:
            if self.options.recheck_days is not None:
                self.frontier.requeue_recent(self.options.recheck_days)
            self.harvest.fetch_pending(self._robots_gate)
            self._discover()
        except FetchInterrupted:
            self.report.interrupted = True
            self.report.interrupt_code = getattr(self.options.stop, "code", 130)
        except _RobotsUnreadable:
            pass  # reported once by _robots_gate
        except _BudgetSpent:
            self.report.budget_spent = self.options.max_requests
        except sqlite3.DatabaseError as exc:
            self.report.archive_error = f"cannot write the archive: {exc}"
        except ArchiveWriteError as exc:
            self.report.archive_error = str(exc)
        except BaseException:
            self.report.crashed = True
            raise
        finally:
            self.report.close(self.fetcher)
            self._finish(run_id)
        if self.report.archive_error:
            raise ArchiveWriteError(self.report.archive_error)
        return self.report

    def _discover(self) -> None:
        """Profile hints first. A site without hints, or one of whose hints failed (a
        guess, or a site that moved), is explored too: what exploring found before is
        reused while fresh, unless all of it fails now. Nothing is read twice in a run."""
        hinted = self._hinted()
        done: set[str] = set()
        if hinted is not None:
            if not self._crawl(hinted):
                return
            done = set(hinted.urls)
        found = self.frontier.discovery()
        # an empty exploration is retried each run, unless hints cover the site anyway
        fresh = (
            found is not None
            and (not found.empty or hinted is not None)
            and not stale(found, dt.date.today())
        )
        if found is not None and fresh:
            left = set(found.urls) - done
            if not left or self._crawl(found, skip=done) < len(left):
                return  # something found still works (or all of it was read already)
            done |= left
        self._crawl(self._explore(alone=hinted is None), skip=done)

    def _hinted(self) -> Discovery | None:
        """The profile's own sources, when it names any: hints that take precedence."""
        p = self.profile
        if not (p.feeds or p.sitemaps or p.start_urls):
            return None
        return Discovery(
            feeds=tuple(absolute(p, u) for u in p.feeds),
            sitemaps=tuple(absolute(p, u) for u in p.sitemaps),
            listings=tuple(absolute(p, u) for u in p.start_urls),
        )

    def _explore(self, *, alone: bool = True) -> Discovery:
        """Explore the site; when that is all there is to read (``alone``: no hints) and
        it finds nothing, that is the run's failure (hints report their own)."""
        self._robots_gate(self.profile.origin)
        found = explore(self.fetcher, self.profile)
        self.frontier.save_discovery(found)
        self.report.explored += found.requests
        if alone and found.empty:
            if found.home_problem:  # unreachable, gone, not HTML: say that, not "no news"
                self.report.fail(f"cannot read the site's home page: {found.home_problem}")
            else:
                where = self.fetcher.describe(self.profile.origin)
                self.report.fail(
                    f"found no feed, sitemap or listing of news at {where} ({found.requests}"
                    " requests): not a news site, or one that needs a profile"
                )
        return found

    def _crawl(self, sources: Discovery, skip: set[str] | None = None) -> int:
        """Read feeds and sitemaps, walk listings (but not those in ``skip``, read already
        in this run); return how many of them failed."""
        skip = skip or set()
        failed_before = self.report.listing_errors
        first = next((u for u in sources.urls if u not in skip), None)
        if first is not None:
            self._robots_gate(first)
        for url in sources.feeds:
            if url not in skip:
                self.reader.feed(url)
        shapes = [re.compile(pattern) for pattern in sources.article_patterns]
        barren = [
            url for url in sources.sitemaps
            if url not in skip and self.reader.feed(url, shapes=shapes, kind=SOURCE_SITEMAP) == 0
        ]  # fmt: skip
        if barren and sources.explored_at:  # a found sitemap of pages, not news: not again
            self.frontier.save_discovery(sources.without_sitemaps(barren))
        for start in sources.listings:
            if start not in skip:
                self.reader.walk(start)
        return self.report.listing_errors - failed_before

    def _finish(self, run_id: int) -> None:
        """Record the run (as failed when the archive broke: if it still can be written)."""
        try:
            self.store.finish_run(run_id, self.report.counts(), self.report.status)
        except sqlite3.Error:
            if not self.report.archive_error:
                raise
        self._progress(self.report)

    def _check(self) -> None:
        """Between pages: the archive file is still ours, and the budget not spent."""
        self._check_archive()
        if self.fetcher.requests >= self.options.max_requests:
            raise _BudgetSpent

    def _check_archive(self) -> None:
        if self.archive is not None:
            self.archive.check()

    def _robots_gate(self, url: str) -> None:
        """An unreadable robots.txt disallows the whole site for this run: one failure line
        for the host about to be fetched, rather than one per URL."""
        problem = self.fetcher.robots_problem(url)
        if problem is not None:
            self.report.fail(problem)
            raise _RobotsUnreadable
