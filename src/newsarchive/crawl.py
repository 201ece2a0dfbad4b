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

import time

from selectolax.lexbor import LexborHTMLParser

from newsarchive.archive.frontier import Frontier, State
from newsarchive.archive.store import Store
from newsarchive.crawl_run import CrawlOptions, Outcome, Progress, SiteReport
from newsarchive.discover import feeds, listings
from newsarchive.discover.urls import absolute
from newsarchive.discover.walk import Listed, ListingWalk, Seen
from newsarchive.errors import FetchError
from newsarchive.fetch.client import Fetcher, FetchInterrupted
from newsarchive.fetch.sources import Miss, fetch_source
from newsarchive.harvest import judge, too_old
from newsarchive.models import Candidate, Page, Profile

SETTLED = {
    Outcome.GONE: State.GONE,
    Outcome.DISALLOWED: State.DISALLOWED,
    Outcome.FAILED: State.FAILED,
    Outcome.OLD: State.OLD,
}


class SiteCrawl:
    """One crawl of one site; create, call ``run()``, read the report."""

    def __init__(
        self, store: Store, profile: Profile, options: CrawlOptions, fetcher: Fetcher,
        progress: Progress | None = None,
    ) -> None:  # fmt: skip
        self.store, self.profile, self.options, self.fetcher = store, profile, options, fetcher
        self.frontier = Frontier(store.conn, profile.id)
        self.report = SiteReport(profile.id)
        self._progress = progress or (lambda report: None)
        self._handled: set[str] = set()  # URLs fetched (or given up) in this run

    def run(self) -> SiteReport:
        run_id = self.store.start_run(self.profile.id)
        try:
            self._fetch_pending()
            for url in self.profile.feeds + self.profile.sitemaps:
                self._read_feed(absolute(self.profile, url), depth=0)
            for start in self.profile.start_urls:
                self._walk(absolute(self.profile, start))
        except FetchInterrupted:
            self.report.interrupted = True
            self.report.interrupt_code = getattr(self.options.stop, "code", 130)
        except BaseException:
            self.report.crashed = True
            raise
        finally:
            self.report.close(self.fetcher)
            self.store.finish_run(run_id, self.report.counts(), self.report.status)
            self._progress(self.report)
        return self.report

    def _get(self, url: str, kind: str, *, conditional: bool = False) -> Page | Miss:
        """A source page; a failed one is reported (it fails the run), others just end."""
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

    def _read_feed(self, url: str, depth: int) -> None:
        page = self._get(url, "sitemap" if depth else "feed", conditional=True)
        if isinstance(page, Miss):
            return
        max_bytes = self.fetcher.options.max_bytes
        articles, sitemaps, _cut = feeds.feed_links(
            page.content, self.profile, "feed", max_bytes=max_bytes
        )
        for sitemap in sitemaps if depth < 2 else ():
            self._read_feed(sitemap, depth + 1)
        self._offer(articles)
        self.frontier.save_validators(url, page)
        self._fetch_pending()

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
        urls = [u for u in self.frontier.pending() if u not in self._handled]
        workers = max(1, self.options.workers or self.fetcher.options.max_connections)
        before = self.report.count(Outcome.OLD)
        for url, result in self.fetcher.fetch_many(urls, workers):
            self._archive(url, result)
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
