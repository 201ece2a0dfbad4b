"""The ``crawl`` command's wiring: pick profiles, take the lock, show progress, summarise.

Separate from ``cli`` so the crawl stack (httpx, selectolax) is imported only by ``crawl``.
Cron-friendly: a live progress table on stderr only when stderr is a terminal, one summary
line per site on stdout (none with ``--quiet``), failures on stderr. SIGTERM and SIGINT
finish the pages in hand, save state and exit 143 / 130.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType
from typing import Any

from newsarchive.api import check_base_url, crawl, parse_cli_date
from newsarchive.archive.connection import check_not_archive
from newsarchive.archive.lock import CrawlLock
from newsarchive.archive.store import now_iso
from newsarchive.archive_health import idle_sites
from newsarchive.crawl_run import CrawlHalted, CrawlOptions, Outcome, Progress, SiteReport
from newsarchive.errors import (
    EXIT_INTERNAL,
    EXIT_IO,
    EXIT_PARTIAL,
    EXIT_SIGINT,
    EXIT_SIGTERM,
    ArchiveGone,
    FetchError,
    NewsarchiveError,
    UsageError,
    internal_error,
)
from newsarchive.fetch.client import FetchOptions
from newsarchive.models import Profile
from newsarchive.profiles.loader import (
    get_profile,
    list_profiles,
    missing_user_dir,
    missing_user_dir_warning,
    typed_site,
)
from newsarchive.safe_text import as_one_line


class StopFlag(threading.Event):
    """Set by a signal handler; ``code`` is the exit status the interrupted run records."""

    code = EXIT_SIGINT

    def request(self, code: int) -> None:
        self.code = code
        self.set()


@dataclass(frozen=True)
class CrawlRequest:
    """What ``crawl`` was asked on its command line, as given (parsed and checked by
    ``_prepare``): built once by the CLI, so a new option is one field, not a keyword
    passed on through each function between the command and the crawl."""

    sites: tuple[str, ...] = ()  # none: every profile ``sites`` lists
    since: str | None = None
    max_pages: int | None = None
    base_url: str | None = None
    delay: float | None = None
    refresh: bool = False
    quiet: bool = False
    log_file: Path | None = None
    profile_files: tuple[Path, ...] = ()
    user_agent: str | None = None
    connections: int | None = None
    stop_after_known: int | None = None
    max_requests: int | None = None
    recheck: int | None = None
    warn_idle: int | None = None


def run_crawl(db: Path, request: CrawlRequest) -> int:
    """Crawl and return the exit code (0 ok, 1 some pages failed or a site idle past
    ``warn_idle`` days, 130/143 interrupted)."""
    # The log first: a night that ended before any site started (a bad profile file, an
    # unreadable archive, the lock) says so in it too, not only in cron's mail.
    log: _CrawlLog | None = None
    log_file, quiet, warn_idle = request.log_file, request.quiet, request.warn_idle
    stop = StopFlag()
    if log_file is not None:
        if str(log_file) != STDERR_NAME:
            check_not_archive(log_file, db, "--log-file")
        log = _CrawlLog(log_file)
    try:
        with _ending_logged(log):
            profiles, options = _prepare(request)
            if not request.sites and (folder := missing_user_dir()) is not None:
                _say(log, f"warning: {missing_user_dir_warning(folder)}")
            options = replace(options, stop=stop, log=log.write if log else None)
            with CrawlLock(db) as lock, _stop_on_signals(stop), _display(quiet) as progress:
                options = replace(options, after_kill=lock.abandoned is not None)
                try:
                    reports, halted = crawl(db, profiles, options, progress=progress), None
                except CrawlHalted as exc:
                    reports, halted = exc.reports, exc.cause
        # (the log still open: its failures and warnings are written there too)
        # (no counts of a deleted archive's: they went into a file nobody can open)
        code = 0 if isinstance(halted, ArchiveGone) else _summarise(reports, quiet, log)
        if lock.abandoned is not None:
            _say(log, f"warning: {_abandoned(*lock.abandoned)}")
        if halted is not None:  # said last, under what the sites archived before it
            with _ending_logged(log):
                raise halted
        if warn_idle is not None:
            with _ending_logged(log):
                code = _warn_idle(db, reports, warn_idle, log, code)
        if stop.is_set() and log is not None:  # (the sites' lines said only "interrupted")
            log.note(f"stopped: {_stopped(stop)} (exit status {stop.code})")
    except (KeyboardInterrupt, SystemExit) as exc:
        # A signal before the crawl's own handlers stand (while it reads its profiles or
        # takes the lock), or a second one, which ends the crawl at once: the log said
        # nothing of it, its last line a site's "interrupted" or the last request.
        # (SIGTERM's is ``entry.Terminated``, a SystemExit(143): entry is above this.)
        status = EXIT_SIGINT if isinstance(exc, KeyboardInterrupt) else exc.code
        if log is not None and isinstance(status, int) and status in (EXIT_SIGINT, EXIT_SIGTERM):
            log.note(_signalled(status, log.crawling))
        raise
    finally:
        if log is not None:
            log.close()
    if log is not None and log.failed:
        sys.stderr.write(
            f"newsarchive: error: cannot write log file {log.path}: {log.failed};"
            " the crawl went on without it\n"
        )
        code = EXIT_IO if code in (0, EXIT_PARTIAL) else code
    if not stop.is_set():
        return code
    # On stderr, --quiet or not: a nightly run a wrapper's `timeout` or a shutdown stopped
    # did not do its work, and cron mails only what is printed, never an exit code.
    sys.stderr.write(f"newsarchive: {_stopped(stop, f' (exit {stop.code})')}\n")
    return stop.code


def _abandoned(pid: str, command: str) -> str:
    """The lock a run took was its last holder's still: that run was killed (``kill -9``,
    the OOM killer, a power cut), which cron mails no word of and leaves the log cut
    mid-line. A crawl resumes what it left; an import or a reextract is to run again."""
    then = "this run resumed its work" if command == "crawl" else f"run the {command} again"
    return (
        f"the last {command} of this archive (pid {pid}) ended without releasing it"
        f" (killed, or the machine stopped): {then}"
    )


def _stopped(stop: StopFlag, code: str = "") -> str:
    """What a run a signal stopped says, on stderr and in the log alike."""
    signame = signal.Signals(stop.code - 128).name
    return f"stopped by {signame}{code}: what was fetched is archived; the next run resumes"


def _signalled(code: int, crawling: bool) -> str:
    """The log's last line for a run a signal ended at once (not by ``StopFlag``)."""
    signame = signal.Signals(code - 128).name
    if not crawling:
        return (
            f"stopped by {signame} before the crawl began: nothing was fetched (exit status {code})"
        )
    return (
        f"stopped by {signame} at once: what was archived stays; the next run resumes"
        f" (exit status {code})"
    )


def _prepare(request: CrawlRequest) -> tuple[list[Profile], CrawlOptions]:
    """The profiles to crawl and the run's options, or a ``UsageError``/``ProfileError``."""
    # No SITE: every profile ``sites`` lists (built-in, the user's, --profile files), so a
    # site added with ``add-site --write`` is in the nightly run the README's cron line makes.
    sites, base_url, user_agent = request.sites, request.base_url, request.user_agent
    profile_files = request.profile_files
    if sites:  # (a site named twice is crawled once, not by two threads at once)
        profiles = [get_profile(s, profile_files) for s in dict.fromkeys(map(typed_site, sites))]
    else:
        profiles = list(list_profiles(profile_files).values())
    if base_url is not None:
        if len(profiles) != 1:
            raise UsageError("--base-url mirrors one site: name exactly one SITE")
        check_base_url(base_url)
    try:
        fetch = FetchOptions.from_env(user_agent=user_agent, max_connections=request.connections)
    except FetchError as exc:
        raise UsageError(str(exc)) from None
    since_date = parse_cli_date(request.since, "--since")
    if since_date is not None and since_date > dt.date.today() + dt.timedelta(days=1):
        # (a day's grace: a site east of here may be in tomorrow already)
        raise UsageError(f"--since {since_date} is in the future: the crawl would archive nothing")
    options = CrawlOptions(
        since=since_date, max_pages=request.max_pages, base_url=base_url, refresh=request.refresh
    )
    options = replace(options, fetch=fetch, delay=request.delay, recheck_days=request.recheck)
    if request.stop_after_known is not None:
        options = replace(options, stop_after_known=request.stop_after_known)
    if request.max_requests is not None:
        options = replace(options, max_requests=request.max_requests)
    return profiles, options


@contextmanager
def _ending_logged(log: _CrawlLog | None) -> Iterator[None]:
    """An error that ends the run is said in the log as well as on stderr: a night that
    crawled nothing (the run before still holding the archive, a bad profile file) or
    stopped half way (the archive's disk full) left no line, or a misleading one, in the
    log a cron admin reads: only cron's mail said it. The same words, with the code the
    run ends with; a bug's too (cron's mail then holds one line, the log the same)."""
    try:
        yield
    except NewsarchiveError as exc:
        if log is not None:
            log.ended(str(exc), exc.exit_code)
        raise
    except Exception as exc:
        if log is not None:
            log.ended(internal_error(exc), EXIT_INTERNAL)
        raise


# ``--log-file -``: stderr, as ``export --out -`` is stdout (stdout is for a command's data).
STDERR_NAME = "-"


class _CrawlLog:
    """The ``--log-file``, written by every site's thread. A write that fails (the log's
    disk full) stops the logging, not the crawl: it ended the run with "cannot write
    output" before a page was archived, or, mid-run, crashed the site as a bug (70).
    The failure is said at the end, with exit 74 when the crawl itself went well."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.failed = ""
        self.crawling = False  # a site's first line came: the run began
        self._lock = threading.Lock()
        # ``-``: stderr, where the failures and warnings are said already (not twice)
        self._stderr = str(path) == STDERR_NAME
        if self._stderr:
            return
        try:
            self._handle = path.open("a", encoding="utf-8", buffering=1)
        except OSError as exc:
            raise UsageError(f"cannot write log file {path}: {exc.strerror}") from None

    def write(self, line: str) -> None:
        """A line of the crawl's: a site's start or summary, a request."""
        self.crawling = True
        self._put(line)

    def _put(self, line: str) -> None:
        with self._lock:
            if self.failed:
                return
            try:
                if self._stderr:  # looked up per line: rich's live table replaces it meanwhile
                    sys.stderr.write(line)
                else:
                    self._handle.write(line)
            except OSError as exc:
                self.failed = exc.strerror or str(exc)

    def note(self, line: str) -> None:
        """A line of the run's own (a failure, a warning, a refusal), timestamped, kept in
        the log file; to stderr it is not written, where it is said already."""
        if not self._stderr:
            self._put(f"{now_iso()} {line}\n")

    def ended(self, why: str, code: int) -> None:
        """The error the run ends with: ``refused`` when it came before any site's crawl
        began (the lock, the archive's open, a bad profile), ``stopped`` when it ended a
        crawl under way (the archive's disk full, the file deleted): that was a
        ``refused`` line too, which read as if the night had crawled nothing."""
        self.note(
            f"{'stopped' if self.crawling else 'refused'}: {as_one_line(why)} (exit status {code})"
        )

    def close(self) -> None:
        with self._lock:
            try:
                if self._stderr:
                    sys.stderr.flush()
                else:
                    self._handle.close()
            except OSError as exc:  # the last lines' flush
                self.failed = self.failed or exc.strerror or str(exc)


# Said once to a signal after the second, which cannot end the crawl any sooner
ALREADY_STOPPING = (
    "newsarchive: already stopping: each site records where it stopped first (kill -9 would"
    " lose that)\n"
)


@contextmanager
def _stop_on_signals(stop: StopFlag) -> Iterator[None]:
    """SIGTERM/SIGINT set ``stop``; a second one goes to the handler before this one:
    under the console script (``entry``) it unwinds the crawl at once, as Ctrl-C does,
    every ``finally`` run (the lock released, the transaction rolled back).

    Any later one is only said: the unwinding waits for the sites' threads to drop the
    page in hand and record their runs, and a third Ctrl-C broke that wait: the process
    ended with the threads cut off mid-run (their runs left as a ``kill -9`` leaves
    them, no status, no counts) and the lock released while they still wrote."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous: dict[signal.Signals, Any] = {}
    said: list[bool] = []

    def handle(signum: int, frame: FrameType | None) -> None:
        stop.request(128 + signum)
        for number in previous:
            signal.signal(number, at_once)

    def at_once(signum: int, frame: FrameType | None) -> None:
        for number in previous:
            signal.signal(number, ending)
        old = previous[signal.Signals(signum)]
        if callable(old):  # (Python's KeyboardInterrupt, entry's Terminated)
            old(signum, frame)
        elif old == signal.SIG_DFL:  # ended by the signal, as before this handler stood
            signal.signal(signum, old)
            signal.raise_signal(signum)

    def ending(signum: int, frame: FrameType | None) -> None:
        if not said:
            said.append(True)
            with contextlib.suppress(OSError):  # (not sys.stderr: it may be mid-write)
                os.write(2, ALREADY_STOPPING.encode())

    for sig in (signal.SIGTERM, signal.SIGINT):
        previous[sig] = signal.signal(sig, handle)
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


@contextmanager
def _display(quiet: bool) -> Iterator[Progress | None]:
    """A rich live table on an interactive stderr; nothing otherwise (cron, pipes)."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.live import Live
    from rich.table import Table

    seen: dict[str, SiteReport] = {}

    def table() -> Table:
        grid = Table(title="newsarchive crawl", title_justify="left")
        for column in ("site", "pages", "new", "updated", "gone", "errors", "pages/s"):
            grid.add_column(column, justify="left" if column == "site" else "right")
        for report in list(seen.values()):  # sites' threads may add to it meanwhile
            grid.add_row(
                report.site,
                str(report.pages),
                str(report.count(Outcome.NEW)),
                str(report.count(Outcome.UPDATED)),
                str(report.count(Outcome.GONE)),
                str(report.errors),
                f"{report.rate:.1f}",
            )
        return grid

    def show(report: SiteReport) -> None:  # per article: only note the site's live report
        seen[report.site] = report

    console = Console(stderr=True, markup=False, highlight=False)
    # the table is built when rich refreshes (4 times a second), not on every article
    with Live(get_renderable=table, console=console, refresh_per_second=4, transient=False):
        yield show


def _summarise(reports: list[SiteReport], quiet: bool, log: _CrawlLog | None) -> int:
    for report in reports:
        if not quiet:
            sys.stdout.write(report.summary() + "\n")
        warnings = [*report.warnings, report.drift_warning(), report.broken_warning()]
        for warning in [*warnings, report.resting_warning()]:
            if warning:
                _say(log, f"{report.site}: warning: {as_one_line(warning)}")
        said = report.said_failures()
        for failure, _ in said[:20]:
            _say(log, f"{report.site}: {as_one_line(failure)}")
        if len(said) > 20:
            more = sum(count for _, count in said[20:])
            _say(log, f"{report.site}: ... and {more} more failures")
    return max((r.status for r in reports if not r.interrupted), default=0)


def _say(log: _CrawlLog | None, line: str) -> None:
    """A failure or warning: on stderr, which cron mails, and in the log, which is kept
    (it held the requests' statuses and the counts, but not why a site failed)."""
    sys.stderr.write(f"newsarchive: {line}\n")
    if log is not None:
        log.note(line)


def _warn_idle(
    db: Path, reports: list[SiteReport], days: int, log: _CrawlLog | None, code: int
) -> int:
    """``--warn-idle DAYS``: a site of which no new article was archived in that long
    (``archive_health.idle_sites``) is a warning and exit 1, though every request of it
    went well."""
    crawled = [r.site for r in reports if not r.interrupted]
    idle = idle_sites(db, crawled, days)
    for site, last in idle.items():
        since = f"the last on {last}" if last else "none ever"
        _say(
            log,
            f"{site}: warning: no new article archived in {days} days ({since}): the site"
            " may have stopped publishing, or changed so its news are no longer found:"
            f" run 'newsarchive check-site {site}'",
        )
    return EXIT_PARTIAL if idle and code == 0 else code
