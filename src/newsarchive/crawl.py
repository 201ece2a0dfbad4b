"""Wire the stages for one site: discover -> frontier -> fetch -> extract -> archive.

The parts decide; this only connects them. ``ListingWalk`` says which listing page comes
next and when a walk may stop, ``Frontier`` keeps (and alone commits) the crawl state,
``harvest.judge`` says what a fetched article means, ``Store`` archives it. Feeds and
sitemaps are read first, then each start URL's listing is walked newest first, the
articles of each page fetched before the next page so an incremental stop can come early.
A crawl killed at any point resumes: queued URLs wait in the frontier, walks keep their
resume point, and ``options.stop`` (SIGTERM/SIGINT) ends the run after the pages in hand.
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from newsarchive.archive.connection import ArchiveFile, connect
from newsarchive.archive.frontier import Frontier, State
from newsarchive.archive.store import Store, now_iso
from newsarchive.crawl_run import CrawlOptions, Outcome, Progress, SiteReport
from newsarchive.discover import feeds, listings
from newsarchive.discover.urls import absolute, site_hosts
from newsarchive.discover.walk import Listed, ListingWalk, Seen
from newsarchive.errors import ArchiveWriteError, FetchError
from newsarchive.fetch.client import Fetcher, FetchInterrupted
from newsarchive.fetch.sources import Miss, fetch_source
from newsarchive.harvest import judge, too_old
from newsarchive.models import Candidate, Page, Profile

SETTLED = {
    Outcome.GONE: State.GONE,
    Outcome.DISALLOWED: State.DISALLOWED,
    Outcome.FAILED: State.FAILED,
    Outcome.OLD: State.OLD,
    Outcome.UNCHANGED: State.DONE,  # only a 304 to a recheck settles as unchanged
}


class _BudgetSpent(Exception):
    """The site's request budget for this run is used up; the next run resumes."""


def crawl_site(
    db: Path, profile: Profile, options: CrawlOptions, archive: ArchiveFile,
    progress: Progress | None = None,
) -> SiteReport:  # fmt: skip
    """One site's run with its own connection and fetcher; never raises.

    Whatever goes wrong stays this site's: a bug is recorded as a crashed run (exit 70),
    an archive that cannot be written as ``report.archive_error``.
    """
    log = options.log or (lambda line: None)
    via = f" from mirror {options.base_url}" if options.base_url else ""
    log(f"{now_iso()} start {profile.id} {profile.origin}{via}\n")
    report = SiteReport(profile.id)
    try:
        conn = connect(db, create=False)
        with Fetcher(
            options.fetch.with_delay(options.delay, profile.delay), mirror=options.base_url,
            mirror_hosts=tuple(site_hosts(profile)), log=options.log, stop=options.stop,
        ) as fetcher:  # fmt: skip
            crawl = SiteCrawl(Store(conn), profile, options, fetcher, archive, progress)
            report = crawl.report
            crawl.run()
        conn.close()
    except ArchiveWriteError as exc:
        report.archive_error = str(exc)
    except Exception as exc:  # a bug: this site's failure, the other sites go on
        report.crashed = True
        report.failures.append(f"internal error: {type(exc).__name__}: {exc}")
    log(f"{now_iso()} summary {report.summary()} (exit status {report.status})\n")
    return report


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
        self._handled: set[str] = set()  # URLs fetched (or given up) in this run

    def run(self) -> SiteReport:
        run_id = self.store.start_run(self.profile.id)
        try:
            if self.options.recheck_days is not None:
                self.frontier.requeue_recent(self.options.recheck_days)
            self._fetch_pending()
            for url in self.profile.feeds + self.profile.sitemaps:
                self._read_feed(absolute(self.profile, url), depth=0)
            for start in self.profile.start_urls:
                self._walk(absolute(self.profile, start))
        except FetchInterrupted:
            self.report.interrupted = True
            self.report.interrupt_code = getattr(self.options.stop, "code", 130)
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
        if self.archive is not None:
            self.archive.check()
        if self.fetcher.requests >= self.options.max_requests:
            raise _BudgetSpent

    def _get(self, url: str, kind: str, *, conditional: bool = False) -> Page | Miss:
        """A source page; a failed one is reported (it fails the run), others just end."""
        self._check()
        conditional = conditional and not self.options.refresh
        validators = self.frontier.validators(url) if conditional else (None, None)
        got = fetch_source(
            self.fetcher, url, kind, validators=validators, gone_ends=kind == "next listing page"
        )
        self.report.pages += 1
        if isinstance(got, Page):
            return got
        if got[0] is Miss.FAILED:
            self.report.fail(got[1])
        return got[0]

    def _read_feed(self, url: str, depth: int, lastmod: str | None = None) -> None:
        """A feed or sitemap, then (for an index) its changed child sitemaps, depth first.

        A child is marked read (validators, lastmod) only after its own children and
        articles are, so a run stopped half-way resumes with what it had not finished.
        """
        page = self._get(url, "sitemap" if depth else "feed", conditional=True)
        if isinstance(page, Miss):
            return
        articles, sitemaps = feeds.feed_links(page.content, self.profile, "feed")
        for child in sitemaps if depth < 2 else ():
            stamp = child.published.isoformat() if child.published else None
            if not self.frontier.unchanged_sitemap(child.url, stamp):
                self._read_feed(child.url, depth + 1, stamp)
        self._offer(articles)
        self._fetch_pending()
        self.frontier.save_validators(url, page, lastmod)

    def _walk(self, start: str) -> None:
        limit = self.profile.max_pages if self.options.max_pages is None else self.options.max_pages
        walk = ListingWalk(
            start, self.frontier.walk(start), limit=limit,
            stop_after_known=self.options.stop_after_known,
        )  # fmt: skip
        while (step := walk.page()) is not None:
            url, number = step
            kind = "listing" if number == 1 else "next listing page"
            page = self._get(url, kind, conditional=walk.conditional)
            if page is Miss.FAILED:
                walk.failed()
            elif isinstance(page, Miss):
                walk.unchanged()
            else:
                tree = LexborHTMLParser(page.text)
                seen = self._offer(listings.article_links(tree, page.final_url, self.profile))
                next_url = listings.next_page_url(tree, page.final_url, self.profile, number)
                if number == 1:
                    self.frontier.save_validators(url, page)
                old = self._fetch_pending()
                walk.listed(Listed(next_url, seen, old))
            self.frontier.save_walk(start, walk.state)

    def _offer(self, candidates: list[Candidate]) -> list[Seen]:
        """Queue the new URLs among ``candidates``; say what each one was."""
        verdicts: list[Seen] = []
        fresh: list[Candidate] = []
        for candidate in candidates:
            if candidate.url in self._handled:
                verdicts.append(Seen.THIS_RUN)
            elif too_old(candidate.listed_date, self.options.since):
                verdicts.append(Seen.OLD)
            else:
                verdicts.append(
                    self.frontier.classify(
                        candidate.url, refresh=self.options.refresh,
                        since=self.options.since is not None,
                    )
                )  # fmt: skip
                if verdicts[-1] is Seen.NEW:
                    fresh.append(candidate)
        self.frontier.queue(fresh)
        return verdicts

    def _fetch_pending(self) -> int:
        """Fetch every queued URL not yet tried this run; return how many were too old."""
        self._check()
        pending = (u for u in self.frontier.pending() if u not in self._handled)
        urls = list(itertools.islice(pending, self.options.max_requests - self.fetcher.requests))
        workers = max(1, self.options.workers or self.fetcher.options.max_connections)
        before = self.report.count(Outcome.OLD)
        recheck = self.options.recheck_days is not None and not self.options.refresh
        validators = self.frontier.recheck_validators(urls) if recheck else None
        for url, result in self.fetcher.fetch_many(urls, workers, validators):
            self._archive(url, result)
            if self.archive is not None:
                self.archive.check()
        if self.options.stop is not None and self.options.stop.is_set():
            raise FetchInterrupted("crawl interrupted", url="")
        return self.report.count(Outcome.OLD) - before

    def _archive(self, url: str, result: Page | FetchError) -> None:
        verdict = judge(url, result, self.profile, self.options.since)
        self.report.cpu["extract"] += verdict.cpu
        if verdict.outcome is Outcome.INTERRUPTED:
            return  # stays queued for the next run
        self._handled.add(url)
        if isinstance(result, Page):
            self.report.pages += 1
            self.report.drift.update(verdict.drift)
        outcome: Outcome = verdict.outcome
        if outcome in SETTLED:
            self.frontier.settle(url, SETTLED[outcome], verdict.message)
            if outcome is Outcome.FAILED:
                self.report.failures.append(verdict.message)
        else:
            assert isinstance(result, Page) and verdict.article is not None
            self._handled.add(verdict.url)
            cpu = time.thread_time()
            with self.frontier.archiving(url):
                capture = self.store.save_capture(result)
                outcome = Outcome(self.store.upsert_article(
                    verdict.article, site=self.profile.id, url=verdict.url, source_url=url,
                    fetched_at=result.fetched_at.isoformat(), capture_id=capture,
                ))  # fmt: skip
            self.report.cpu["store"] += time.thread_time() - cpu
        self.report.outcomes[outcome] += 1
        self._progress(self.report)
