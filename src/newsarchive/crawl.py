"""Wire the stages for one site: discover -> frontier -> fetch -> extract -> archive.

The parts decide; this only connects them and turns how a run ended into its report.
``Discoverer`` chooses the sources (the profile's, or what ``explorer`` finds);
``SourceReader`` reads them (feeds and sitemaps first, then each listing walked newest
first, the articles of each page fetched before the next page, so an incremental stop can
come early); ``Frontier`` keeps (and alone commits) the crawl state; ``Harvester``
fetches and archives the queued articles. A crawl killed at any point resumes: queued
URLs wait in the frontier, walks keep their resume point, and ``options.stop``
(SIGTERM/SIGINT) ends the run after the pages in hand.
"""

from __future__ import annotations

import sqlite3

from newsarchive.archive.connection import ArchiveFile
from newsarchive.archive.frontier import Frontier
from newsarchive.archive.store import Store
from newsarchive.crawl_discovery import Discoverer
from newsarchive.crawl_run import CrawlOptions, Progress, SiteReport
from newsarchive.crawl_sources import SourceReader
from newsarchive.errors import ArchiveWriteError
from newsarchive.fetch.client import Fetcher, FetchInterrupted, HostResting
from newsarchive.harvest import Harvester
from newsarchive.models import Profile


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
        self.discoverer = Discoverer(
            fetcher, self.frontier, profile, self.report, self.reader,
            robots_gate=self._robots_gate,
        )  # fmt: skip

    def run(self) -> SiteReport:
        run_id = self.store.start_run(self.profile.id)
        try:
            if self.options.recheck_days is not None:
                self.frontier.requeue_recent(self.options.recheck_days)
            self.harvest.fetch_pending(self._robots_gate)
            self.discoverer.run()
        except FetchInterrupted:
            self.report.interrupted = True
            self.report.interrupt_code = getattr(self.options.stop, "code", 130)
        except _RobotsUnreadable:
            pass  # reported once by _robots_gate
        except _BudgetSpent:
            self.report.budget_spent = self.options.max_requests
        except HostResting as exc:
            self.report.resting = exc.why
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
