"""What a crawl run is asked to do (``CrawlOptions``) and what it did (``SiteReport``).

Separate from the crawl wiring so the command line, the progress display and the
benchmarks share these types, and every count is a ``Counter[Outcome]`` entry rather
than a loose attribute.
"""

from __future__ import annotations

import datetime as dt
import enum
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsarchive.errors import EXIT_INTERNAL, EXIT_PARTIAL, EXIT_SIGINT, ArchiveError
from newsarchive.fetch.client import Fetcher, FetchOptions
from newsarchive.models import DEFAULT_MAX_REQUESTS, DEFAULT_STOP_AFTER_KNOWN

if TYPE_CHECKING:
    from newsarchive.archive.store import Dating

STAGES = ("fetch", "decode", "extract", "store")
# The share of a site's request budget its news leave to the pages that failed on earlier
# runs, when that many are due: retried after the news, they never ran on a site whose
# sources take the whole budget every night.
RETRY_SHARE = 0.1


def retry_share(due: int, max_requests: int) -> int:
    """The requests a run keeps from the news for ``due`` retries: all of them, up to
    ``RETRY_SHARE`` of the budget (one at least, while the budget has room for news)."""
    if not due or max_requests < 2:
        return 0
    return min(due, max(1, int(max_requests * RETRY_SHARE)))


@dataclass
class RequestBudget:
    """The requests one site's run may have made by now: the one holder every part of
    the run reads (the harvest, the sources, the check between pages), so that the
    limit the news run under (the retries' share held back: ``retry_share``) is set and
    lifted in one place, and a part wired anew (the site moved) runs by it too."""

    limit: int

    def room(self, made: int) -> int:
        """How many more requests the run may make, having made ``made``."""
        return max(0, self.limit - made)

    def spent(self, made: int) -> bool:
        return made >= self.limit


@dataclass(frozen=True)
class CrawlOptions:
    """What the user asked for on the command line."""

    since: dt.date | None = None
    max_pages: int | None = None
    base_url: str | None = None  # a mirror serving the site's paths (a fetch transport)
    refresh: bool = False
    stop_after_known: int = DEFAULT_STOP_AFTER_KNOWN
    fetch: FetchOptions = FetchOptions()
    workers: int | None = None  # article fetches in flight; default fetch.max_connections
    delay: float | None = None  # explicit --delay: wins over the profile's [politeness] delay
    stop: threading.Event | None = None
    log: Callable[[str], object] | None = None  # --log-file lines
    max_requests: int = DEFAULT_MAX_REQUESTS  # per site per run; the next run resumes
    sites_at_once: int = 4
    recheck_days: int | None = None  # re-fetch archived articles published this recently
    after_kill: bool = False  # the last holder of the lock died holding it: check the file


class Outcome(enum.Enum):
    """What became of one fetched article URL."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    GONE = "gone"  # 404/410
    OLD = "skipped"  # older than --since
    DISALLOWED = "disallowed"  # robots.txt
    FAILED = "failed"  # after retries, or no article on the page
    NOT_PAGE = "not-a-page"  # a document (PDF, image, archive) linked like an article
    LIST = "a-list"  # a list of news linked like an article (stored as NOT_PAGE's state)
    TRANSLATION = "translation"  # a copy in another language of a Bulgarian page it names
    # a page filing itself under no news (an obituary, an ad: ``discover.filed_under``),
    # stored as NOT_PAGE's state: settled, never asked again
    NOT_NEWS = "not-news"
    LATER_PAGE = "later-page"  # page 2+ of an article split over pages: read with page 1
    INTERRUPTED = "interrupted"  # the run stopped while it was in flight: stays queued


@dataclass
class SiteReport:
    """Counts for one site's run; also what the progress display and summary show."""

    site: str
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    requests: int = 0
    pages: int = 0
    listing_errors: int = 0
    interrupted: bool = False
    interrupt_code: int = EXIT_SIGINT
    crashed: bool = False
    budget_spent: int = 0  # the per-run request budget, when it ran out
    resting: str = ""  # why the run stopped asking the site's host (``HostResting``)
    explored: int = 0  # requests spent exploring the site for its sources
    # articles archived undated, on this run or before, that a card or a feed entry read
    # on this run dated in place (``Store.date_undated``): no outcome of a fetch, so no
    # "updated", but a change to the archive an analyst filtering by date wants told
    dated: int = 0
    # undated copies of those articles (another address, the same words) folded into
    # them once dated (``Store.date_undated``): counted new when archived, now gone
    folded: int = 0
    backlog: int = 0  # pages an earlier --since passed over still queued (``Frontier.backlog``)
    archive_error: ArchiveError | None = None  # ends the whole run
    drift: Counter[str] = field(default_factory=Counter)
    broken: Counter[str] = field(default_factory=Counter)  # see ``broken_warning``
    failures: list[str] = field(default_factory=list)
    # the failures of source pages a bot check answered alone (``Fetcher.forgive_wall``):
    # retracted when the site turns out walled, whose rest says it once
    walled: list[str] = field(default_factory=list)
    # the failures that were another page in place of the one asked (a cookie consent
    # wall, a maintenance notice: ``page_kind``), by message: what that page was, and the
    # URL asked; folded into one line for each such page (``said_failures``)
    stood_in: dict[str, tuple[str, str]] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # need a person, not a failure
    # what the run left to later runs by design (no fault): in the summary, not warnings
    deferred: list[str] = field(default_factory=list)
    cpu: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    started: float = field(default_factory=time.monotonic)
    elapsed: float = 0.0

    def count(self, outcome: Outcome) -> int:
        return self.outcomes[outcome]

    @property
    def errors(self) -> int:
        return self.outcomes[Outcome.FAILED] + self.listing_errors

    @property
    def status(self) -> int:
        if self.archive_error:
            return self.archive_error.exit_code
        if self.crashed:
            return EXIT_INTERNAL
        if self.interrupted:
            return self.interrupt_code
        # a host that rests left its queued URLs for the next run: not all was done
        return EXIT_PARTIAL if self.errors or self.resting else 0

    @property
    def rate(self) -> float:
        """Pages per second so far."""
        spent = self.elapsed or (time.monotonic() - self.started)
        return self.pages / spent if spent > 0 else 0.0

    def close(self, fetcher: Fetcher) -> None:
        """Take the fetcher's counters, and its word that a robots.txt was an earlier
        run's copy (``Fetcher.robots_notes``: a warning), when the run ends."""
        self.warnings.extend(n for n in fetcher.robots_notes.values() if n not in self.warnings)
        self.warnings.extend(n for n in fetcher.unverified_notes() if n not in self.warnings)
        self.requests = fetcher.requests
        self.cpu["fetch"] = fetcher.stats.fetch_cpu
        self.cpu["decode"] = fetcher.stats.decode_cpu
        self.elapsed = time.monotonic() - self.started

    def dating(self, dating: Dating) -> None:
        """Count what ``Store.date_undated`` did."""
        self.dated += dating.dated
        self.folded += dating.folded

    def fail(self, message: str) -> None:
        """A failure of a feed, sitemap or listing page (articles fail through outcomes)."""
        self.listing_errors += 1
        self.failures.append(message)

    def stands_in(self, kind: str, url: str, message: str) -> None:
        """``message``, a failure of ``url`` in ``failures``, was a ``kind`` in place of
        the page (``page_kind``): said with the others that kind answered."""
        self.stood_in[message] = (kind, url)

    def said_failures(self) -> list[tuple[str, int]]:
        """The failures as said, each a line and how many failures it says: one's own
        message, but the pages one kind of page answered in place of themselves, when
        more than one, in one line naming how many and the first of them, where that
        first failed. A consent wall in front of every article said one line per
        article, as many as the site's news, where a bot wall's rest is said once; the
        count (``errors``, the exit code) and each page's own message in the frontier
        stay as they were."""
        stood_in = self.stood_in
        counts = Counter(stood_in[message][0] for message in self.failures if message in stood_in)
        lines: list[tuple[str, int]] = []
        said: set[str] = set()
        for message in self.failures:
            kind, url = stood_in.get(message, ("", ""))
            if counts[kind] < 2:
                lines.append((message, 1))
            elif kind not in said:
                said.add(kind)
                line = f"a {kind} instead of {counts[kind]} pages, such as {url}"
                lines.append((line, counts[kind]))
        return lines

    def retract(self, message: str) -> None:
        """A source's failure (``fail``) that turned out no failure of the site."""
        if message in self.failures:
            self.failures.remove(message)
            self.listing_errors -= 1

    def counts(self) -> dict[str, int]:
        """The columns of ``runs``."""
        return {
            "requests": self.requests,
            "pages": self.pages,
            "new": self.count(Outcome.NEW),
            "updated": self.count(Outcome.UPDATED),
            "unchanged": self.count(Outcome.UNCHANGED),
            "gone": self.count(Outcome.GONE),
            "skipped": self.count(Outcome.OLD),
            "errors": self.errors,
        }

    def summary(self) -> str:
        text = (
            f"{self.site}: {self.count(Outcome.NEW)} new, {self.count(Outcome.UPDATED)} updated,"
            f" {self.count(Outcome.UNCHANGED)} unchanged, {self.count(Outcome.GONE)} gone,"
            f" {self.errors} failed, {self.requests} requests"
        )
        if self.explored:
            text += f" ({self.explored} exploring the site)"
        if self.dated:
            text += (
                f", {self.dated} articles whose pages give no date dated from their list or feed"
            )
        if self.folded:
            text += (
                f", {self.folded} of their copies under another address folded into them"
                " (counted new when archived)"
            )
        if self.count(Outcome.DISALLOWED):
            text += f", {self.count(Outcome.DISALLOWED)} disallowed by robots.txt"
        if self.count(Outcome.NOT_PAGE):
            text += f", {self.count(Outcome.NOT_PAGE)} documents, not web pages"
        if self.count(Outcome.LIST):
            text += f", {self.count(Outcome.LIST)} lists of news, not articles"
        if self.count(Outcome.TRANSLATION):
            text += f", {self.count(Outcome.TRANSLATION)} translations of Bulgarian pages"
        if self.count(Outcome.NOT_NEWS):
            text += f", {self.count(Outcome.NOT_NEWS)} pages filed under no news (obituaries, ads)"
        if self.count(Outcome.LATER_PAGE):
            text += f", {self.count(Outcome.LATER_PAGE)} later pages of articles, read with them"
        if self.count(Outcome.OLD):
            # (fetched and found older: not archived, their day kept for a wider run)
            text += f", {self.count(Outcome.OLD)} older than --since, not archived"
        for note in self.deferred:
            text += f"; {note}"
        if self.backlog and not self.interrupted:
            # (a first crawl not yet finished, as far as --max-requests goes: said in the
            # summary, which --quiet leaves out, never as a warning cron would mail)
            text += f"; {self.backlog} older pages still to fetch; later runs continue"
        if self.archive_error:
            text += " (ended: the archive could not be written; the articles counted are kept)"
        elif self.interrupted:
            text += " (interrupted; the next run resumes)"
        elif self.budget_spent:
            text += f" (request budget of {self.budget_spent} spent; the next run resumes)"
        elif self.resting:
            text += (
                " (the site asked to come back later or stopped answering; the next run resumes)"
            )
        return text

    def resting_warning(self) -> str | None:
        """The one line for a host that rests (shown even when quiet: nobody may notice
        a site that answers nothing but "come back later" for nights on end)."""
        if not self.resting:
            return None
        return f"{self.resting}; the next run resumes what is queued"

    def broken_warning(self) -> str | None:
        """Extraction rules that raised: a bug to report, so shown even when quiet. A
        field's failure cost that field (archived without it), a "page" failure the page."""
        if not self.broken:
            return None
        return f"extraction rules failed ({_per_field(self.broken)}): a bug, please report it"

    def drift_warning(self) -> str | None:
        """Profile selectors that matched nothing, or a part or a neighbour of what the generic
        rules found (``extraction.profile_check``): needs a person, so shown even when quiet."""
        if not self.drift:
            return None
        return (
            f"profile did not fit ({_per_field(self.drift)}; generic rules used):"
            f" run 'newsarchive check-site {self.site}'"
        )


def _per_field(pages: Counter[str]) -> str:
    """``title on 2, author on 1 page(s)``: how many pages each field was counted on."""
    return ", ".join(f"{name} on {count}" for name, count in sorted(pages.items())) + " page(s)"


Progress = Callable[[SiteReport], None]


class CrawlHalted(ArchiveError):
    """The archive error that ended a run (``cause``: a full disk, a read-only remount, a
    damaged page met by a write), with every site's report up to it: the articles those
    counted were committed before it and are kept. Without the reports a nightly run that
    filled its disk at its twentieth site printed the error alone, as if the night had
    archived nothing."""

    def __init__(self, cause: ArchiveError, reports: list[SiteReport]) -> None:
        super().__init__(str(cause))
        self.cause = cause
        self.reports = reports
        self.exit_code = cause.exit_code
