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

import datetime as dt
import sqlite3
from dataclasses import replace

from newsarchive.archive.connection import ArchiveFile, write_failure
from newsarchive.archive.frontier import Frontier
from newsarchive.archive.lock import keep_held
from newsarchive.archive.store import Store
from newsarchive.crawl_discovery import Discoverer, SiteMoved, hinted, site_origin
from newsarchive.crawl_rests import SourceTally, forget_unread, settle
from newsarchive.crawl_run import CrawlOptions, Progress, RequestBudget, SiteReport, retry_share
from newsarchive.crawl_sources import SourceReader
from newsarchive.discover.explore import Discovery
from newsarchive.discover.listings import is_site_home
from newsarchive.discover.urls import moved_profile, moves_from, site_hosts, with_hosts
from newsarchive.errors import EXIT_SIGINT, ArchiveWriteError
from newsarchive.explorer import stale
from newsarchive.fetch.client import Fetcher, FetchInterrupted, HostResting
from newsarchive.harvest import Harvester
from newsarchive.models import Profile, Published

# how many moves to another domain one run follows (a site that moved twice, since)
MAX_MOVES = 3


def robots_urls(profile: Profile) -> list[str]:
    """The robots.txt addresses of every host the site answers on, either scheme."""
    hosts = sorted(site_hosts(profile))
    return [f"{scheme}://{host}/robots.txt" for host in hosts for scheme in ("https", "http")]


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
        self.budget = RequestBudget(options.max_requests)  # (less while the news run: _news)
        self.news_cut = False  # the news spent their share of the budget (``_news``)
        self.archive = archive
        self.frontier = Frontier(store.conn, profile.id, options.since)
        self.report = SiteReport(profile.id)
        self._progress = progress or (lambda report: None)
        # articles a bot check answered alone (``Harvester.walled``): kept across a move
        self._walled: dict[str, str] = {}
        self._tally = SourceTally()  # what the sources did (``crawl_rests``): kept too
        # the run's dated headlines (``Harvester.headlines``): kept too, to the run's end
        self._headlines: dict[str, tuple[str, str, tuple[Published, str]]] = {}
        self._sources_read = False  # every source reached: none cut by the budget, robots
        self._wire(profile)

    def _wire(self, profile: Profile) -> None:
        """The parts that read and archive the site, for ``profile`` (once more when the
        run learns that the site moved to another domain: ``_move``)."""
        self.profile = profile
        store, fetcher, options = self.store, self.fetcher, self.options
        # the robots.txt earlier runs read on the site's hosts, obeyed if one is unreachable
        fetcher.keep_robots(store.kept_robots(robots_urls(profile)))
        self.harvest = Harvester(
            store, self.frontier, fetcher, profile, options, self.report, self._progress,
            between=self._check, still_ours=self._check_archive, walled=self._walled,
            budget=self.budget, headlines=self._headlines,
        )  # fmt: skip
        self.reader = SourceReader(
            fetcher, self.frontier, profile, options, self.report, self.harvest,
            check=self._check, robots_gate=self._robots_gate, tally=self._tally,
        )  # fmt: skip
        self.discoverer = Discoverer(
            fetcher, self.frontier, profile, self.report, self.reader,
            robots_gate=self._robots_gate, adopt=self._adopt,
        )  # fmt: skip

    def run(self) -> SiteReport:
        run_id = self.store.start_run(self.profile.id)
        try:
            # what earlier runs learned of the site, read once: the move, the news hosts
            self._tally.resting = self.frontier.rested_sources()
            found = self.frontier.discovery()
            if found is not None:  # (what is queued from before is fetched first)
                self.harvest.listings.update((*found.listings, *found.rested))
            self._stored_move(found)
            self._adopt(found.hosts if found is not None else ())
            if self.options.recheck_days is not None:
                self.frontier.requeue_recent(self.options.recheck_days)
            self._news()
            # after the news, within what the budget left (and the retries' share of
            # it): a first crawl --since passed over a sitemap's thousands, and the
            # nightly run reaching back for them must not spend the night's budget
            # before it reads the feed; and the pages that failed on earlier runs,
            # retried once the site's news answered (``Frontier.open_retries``), first
            self.budget.limit = self.options.max_requests
            if self.frontier.open_retries():
                self.harvest.after_news = True
                self.harvest.fetch_pending(self._robots_gate)
            if self.frontier.requeue_passed():
                self.harvest.after_news = True
                self.harvest.fetch_pending(self._robots_gate)
            if self.news_cut:
                raise _BudgetSpent
        except FetchInterrupted:
            self.report.interrupted = True
            self.report.interrupt_code = getattr(self.options.stop, "code", EXIT_SIGINT)
        except _RobotsUnreadable:
            pass  # reported once by _robots_gate
        except _BudgetSpent:
            self.report.budget_spent = self.options.max_requests
        except HostResting as exc:
            self.report.resting = exc.why
        except sqlite3.DatabaseError as exc:
            self.report.archive_error = write_failure(exc)
        except ArchiveWriteError as exc:
            self.report.archive_error = exc
        except BaseException:
            self.report.crashed = True
            raise
        finally:
            self._fail_held()
            self._date_by_headline()
            self._walled_alone()
            self._settle_sources()
            self._say_elsewhere()
            self.report.close(self.fetcher)
            self._count_backlog()
            self._keep_robots()
            self._finish(run_id)
        if self.report.archive_error:
            raise self.report.archive_error
        return self.report

    def _news(self) -> None:
        """What is queued from before, then the site's sources and the news they list,
        within the budget less the retries' share (``retry_share``): a site whose
        sources took the whole budget every night never reached its retries. A budget
        spent here ends the news (the next run resumes them), not the run."""
        reserved = retry_share(self.frontier.retries_due(), self.options.max_requests)
        self.budget.limit = self.options.max_requests - reserved
        try:
            self.harvest.fetch_pending(self._robots_gate)
            self._discover()
            self._sources_read = True
        except _BudgetSpent:
            if not reserved:
                raise
            self.news_cut = True

    def _stored_move(self, found: Discovery | None) -> None:
        """A move to another domain an earlier run learned (``_discover``, kept in
        ``found``, the discovery saved for the site): the run goes
        to the new domain at once, and the old host is not asked at all, while what
        exploring found is fresh. When it is due to be explored again (``stale``: every
        ``REEXPLORE_DAYS`` at most), the move is checked first: a domain sold, lapsed or
        parked may come back to its site, and a move trusted forever would crawl the
        other domain for good. Only an old host that answers itself (robots.txt not sent
        away, home page 200 there: ``Fetcher.own_home_page``) undoes it; a failure or a
        redirect keeps the move, and so does a home page that is not the site's
        (``is_site_home``: a lapsed domain a reseller parked answers 200 too, and would
        be crawled for good, the move never learned again). Two requests each time the
        site is explored again (a month apart, or sooner while a section fails to
        answer: ``unread_wait``), none on other nights."""
        origin = site_origin(self.profile.origin)
        if found is None or origin not in found.moved:
            return
        home = self.fetcher.own_home_page(origin) if stale(found, dt.date.today()) else None
        if home is not None and is_site_home(home.text, home.final_url, self.profile):
            self.frontier.forget_move(origin)
            self.report.warnings.append(
                f"{origin} no longer redirects to {found.moved[origin]} (its robots.txt and"
                " home page answer there again): crawled there again"
            )
            return
        for step in moves_from(origin, found.moved):  # a -> b -> c: to c, each step taken up
            self._move(*step)

    def _adopt(self, hosts: tuple[str, ...]) -> SourceReader:
        """Crawl ``hosts`` as the site's own from now on (its news section's host under
        its domain: ``discover.explore.news_hosts``): its links are on the site, its
        articles archived under their own URLs, its robots.txt and pace its own. At the
        run's start, the hosts an earlier exploration adopted (``Discovery.hosts``): a
        nightly run reads the saved sources on them, and fetches the articles left
        queued there, as the site's own."""
        adopted = with_hosts(self.profile, hosts)
        if adopted is not self.profile:
            self.fetcher.add_site_hosts(list(adopted.hosts[len(self.profile.hosts) :]))
            self.harvest.fail_held()  # (its harvest ends: the shells it holds are decided)
            self._wire(adopted)
        return self.reader

    def _discover(self) -> None:
        """Choose and read the site's sources; a site found to have moved to another
        domain as a whole (``SiteMoved``, raised before exploring it) is chosen and read
        again there, what the first try failed (its sources sent off the site's hosts)
        forgotten: the site did not fail, it moved. The move is kept with what exploring
        finds, and said once."""
        for _ in range(MAX_MOVES):
            failed, failures = self.report.listing_errors, len(self.report.failures)
            try:
                self.discoverer.run()
                return
            except SiteMoved as move:
                self.report.listing_errors = failed
                del self.report.failures[failures:]
                found = self.frontier.discovery() or Discovery()
                moved = {**found.moved, move.origin: move.moved_to}
                self.frontier.save_discovery(replace(found, moved=moved))
                self.report.warnings.append(
                    f"{move.origin} moved to {move.moved_to} (robots.txt and the home page"
                    " redirect there for good): crawled there; the profile's origin may be"
                    " updated"
                )
                self._move(move.origin, move.moved_to)
        self.report.fail(
            f"{self.profile.origin} moved again: more than {MAX_MOVES} moves in one run"
        )

    def _move(self, origin: str, moved_to: str) -> None:
        """Crawl the site at ``moved_to`` from now on: its origin becomes the profile's
        (robots.txt, home page, sources and politeness the new host's), its old hosts stay
        the site's (a link naming them is asked for at the new one at once), an
        article archived under its old address is the one its new address leads to (and
        counts as known where a walk meets it: ``Frontier.take_move``), and its sources
        failing at the old one are forgotten (asked at the new one afresh)."""
        self.harvest.fail_held()  # (its harvest ends: the shells it holds are decided)
        self.fetcher.accept_move(origin, moved_to)
        self.store.take_move(origin, moved_to)
        self.frontier.take_move(origin, moved_to)
        self.frontier.forget_source_failures(origin)
        self._wire(moved_profile(self.profile, origin, moved_to))

    def _fail_held(self) -> None:
        """The script's shells still held for a feed item when the run ends, however it
        ended (its feeds read, its budget spent, Ctrl-C, the site resting): failures, as
        they were met (``Harvester.fail_held``), first, before anything counts the
        run's failures or its queue. Never dropped: one the archive cannot record
        stays queued, and is fetched again next run."""
        try:
            self.harvest.fail_held()
        except sqlite3.Error as exc:  # (said, not raised: the run's own end goes on)
            if not self.report.archive_error:
                self.report.failures.append(
                    f"could not record the script's shells held for a feed ({exc});"
                    " they stay queued for the next run"
                )

    def _date_by_headline(self) -> None:
        """The undated articles the run's dated headlines date (``Harvester.date_by_headline``),
        but not when the archive broke: said, not raised, as ``_fail_held``'s."""
        if self.report.archive_error:
            return
        try:
            self.harvest.date_by_headline()
        except sqlite3.Error as exc:
            self.report.failures.append(f"could not date articles by their headlines ({exc})")

    def _walled_alone(self) -> None:
        """Articles a bot check answered while the site's other pages did not: failures
        of their own (``Harvester.walled_alone``). Not when the run ended early for
        another cause (the site walled, resting, stopped, the archive broken): they
        stay queued as they were. A source page walled alone (``SiteReport.walled``)
        failed the run when met; the site walled after all, the rest says it once."""
        report = self.report
        if report.resting:
            for message in report.walled:
                report.retract(message)
        if not (report.resting or report.interrupted or report.crashed or report.archive_error):
            try:
                self.harvest.walled_alone()
            except sqlite3.Error as exc:  # (said, not raised: the run's own end goes on)
                report.failures.append(
                    f"could not record the pages a bot check answered alone ({exc});"
                    " they stay queued for the next run"
                )

    def _settle_sources(self) -> None:
        """What the run's sources did, kept (``crawl_rests.settle``), and the failures of
        sources no longer read forgotten (``forget_unread``, after a run that reached
        them all): not when the run ended early for another cause (the site walled or
        resting, stopped, the archive broken), which says nothing of each source."""
        report = self.report
        if report.resting or report.interrupted or report.crashed or report.archive_error:
            return
        try:
            settle(self.frontier, self._tally, report, self.fetcher.describe)
            if self._sources_read:
                forget_unread(
                    self.frontier, self._tally, self._sources(), report, self.fetcher.describe
                )
        except sqlite3.Error as exc:  # (said, not raised: the run's own end goes on)
            report.failures.append(f"could not record how the site's sources answered ({exc})")

    def _sources(self) -> set[str]:
        """The site's sources as it stands now: the profile's and what exploring found."""
        hints, found = hinted(self.profile), self.frontier.discovery()
        return {*(hints.urls if hints else ()), *(found.urls if found else ())}

    def _say_elsewhere(self) -> None:
        """Articles fetched that the archive holds under another site (``Store.elsewhere``:
        a page at an address no site's crawl knew, whose canonical or twin address is
        another site's article; two profiles reading one host): kept there and counted
        unchanged or updated, said in the summary as an import says it, where the site's
        "3 unchanged" of articles ``--site`` never finds under it said nothing. Not a
        warning: each is fetched once, and a shared host's would be mailed night after
        night."""
        if line := self.store.elsewhere.said("fetched article(s)", "by this crawl"):
            self.report.deferred.append(line)

    def _count_backlog(self) -> None:
        """What an earlier ``--since`` passed over and this run's ``--max-requests`` left
        unfetched: the same as a first crawl not finished, so the budget governs both and
        the summary says how much is left (not when the archive itself failed)."""
        if self.report.archive_error is None and not self.report.crashed:
            try:
                self.report.backlog = self.frontier.backlog()
            except sqlite3.Error:
                pass  # (the run's own error, if any, is what is reported)

    def _keep_robots(self) -> None:
        """Each robots.txt this run read, kept in the archive in place of the last
        (``Store.keep_robots``): what a later run obeys while it is unreachable."""
        if self.report.archive_error or not self.fetcher.robots_read:
            return
        try:
            self.store.keep_robots(list(self.fetcher.robots_read.values()))
        except sqlite3.Error as exc:  # (said, not raised: the run's own end goes on)
            self.report.failures.append(f"could not keep the robots.txt this run read ({exc})")

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
        if self.budget.spent(self.fetcher.requests):
            raise _BudgetSpent

    def _check_archive(self) -> None:
        if self.archive is not None:
            self.archive.check()
            keep_held(self.archive.path)

    def _robots_gate(self, url: str) -> None:
        """An unreadable robots.txt disallows the whole site for this run: one failure line
        for the host about to be fetched, rather than one per URL."""
        problem = self.fetcher.robots_problem(url)
        if problem is not None:
            self.report.fail(problem)
            raise _RobotsUnreadable
