"""Crawling several sites in one run: side by side, each on its own, none starving another.

Each site gets its own connection and fetcher and runs in its own thread (up to
``options.sites_at_once``), so a huge or slow site never holds up the others. Whatever
goes wrong stays the site's: a bug is recorded as a crashed run (exit 70) while the
others go on; only an archive that cannot be written ends everything.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import traceback
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from pathlib import Path

from newsarchive.archive.connection import ArchiveFile, check_intact, connect, write_failure
from newsarchive.archive.store import Store, now_iso
from newsarchive.crawl import SiteCrawl
from newsarchive.crawl_run import CrawlHalted, CrawlOptions, Progress, SiteReport
from newsarchive.discover.urls import site_hosts, source_hosts
from newsarchive.errors import (
    EXIT_SIGINT,
    EXIT_SIGTERM,
    ArchiveError,
    debugging,
    internal_error,
)
from newsarchive.fetch.client import Fetcher
from newsarchive.fetch.resolver import NameWatch
from newsarchive.models import Profile
from newsarchive.safe_text import redacted


def crawl_sites(
    db: Path, profiles: list[Profile], options: CrawlOptions, progress: Progress | None = None
) -> list[SiteReport]:
    # create or upgrade once, before the sites start, and write into no damaged file
    with closing(connect(db, create=True)) as conn:
        if check_due(conn, after_kill=options.after_kill):
            check_intact(conn, options.stop.is_set if options.stop else lambda: False)
    archive = ArchiveFile(db)
    names = NameWatch()  # (one resolver for every site: down for one, down for all)
    with ThreadPoolExecutor(max(1, min(len(profiles), options.sites_at_once))) as pool:
        reports = list(
            pool.map(lambda p: crawl_site(db, p, options, archive, progress, names), profiles)
        )
    for report in reports:
        if report.archive_error:
            raise CrawlHalted(report.archive_error, reports)
    return reports


def check_due(
    conn: sqlite3.Connection, *, after_kill: bool = False, today: dt.date | None = None
) -> bool:
    """Whether this run reads the whole archive for damage (``check_intact``) before it
    writes: after a run killed holding the lock (a power cut's torn writes), on an archive
    no run has crawled yet (a copy, an import), and on the week's first run (none since
    Monday, UTC; the runs table is the record). Every run read the whole file: a 1.4 GB
    archive took 5.6 s from a cold disk (1.6 s cached) a night, growing with the archive
    while what a night writes does not; damage a disk fault or a copy made elsewhere is
    still refused within a week, and a write meeting it at once (``write_failure``). A run
    a signal stopped does not count: the signal may have cut its check short."""
    if after_kill:
        return True
    newest = conn.execute(
        "SELECT max(started_at) FROM runs WHERE status IS NULL OR status NOT IN (?, ?)",
        (EXIT_SIGINT, EXIT_SIGTERM),
    ).fetchone()[0]
    today = today or dt.datetime.now(dt.UTC).date()
    monday = today - dt.timedelta(days=today.weekday())
    return newest is None or str(newest)[:10] < monday.isoformat()


def crawl_site(
    db: Path, profile: Profile, options: CrawlOptions, archive: ArchiveFile,
    progress: Progress | None = None, names: NameWatch | None = None,
) -> SiteReport:  # fmt: skip
    """One site's run with its own connection and fetcher; never raises. ``options.log``
    gets a start and a summary line (the fetcher adds one per request)."""
    log = options.log or (lambda line: None)
    via = f" from mirror {redacted(options.base_url)}" if options.base_url else ""
    log(f"{now_iso()} start {profile.id} {profile.address}{via}\n")
    report = SiteReport(profile.id)
    try:
        with closing(connect(db, create=False)) as conn, Fetcher(
            options.fetch.with_delay(options.delay, profile.delay).for_site(
                profile, options.base_url
            ), mirror=options.base_url,
            site_hosts=site_hosts(profile), log=options.log, stop=options.stop, names=names,
        ) as fetcher:  # fmt: skip
            fetcher.add_site_hosts(source_hosts(profile))
            crawl = SiteCrawl(Store(conn), profile, options, fetcher, archive, progress)
            report = crawl.report
            crawl.run()
    except ArchiveError as exc:  # (a damaged one too, ``write_failure``: it was a "bug"
        # of this site's, then the run's error line; exit 2 either way)
        report.archive_error = exc
    except sqlite3.DatabaseError as exc:  # before the run's own guard (its runs row)
        report.archive_error = write_failure(exc)
    except Exception as exc:  # a bug: this site's failure, the other sites go on
        if debugging():  # (the one line alone, README's "for the traceback" gave none)
            traceback.print_exception(exc)
        report.crashed = True
        report.failures.append(internal_error(exc))
    log(f"{now_iso()} summary {report.summary()} (exit status {report.status})\n")
    return report
