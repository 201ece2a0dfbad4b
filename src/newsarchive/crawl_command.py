"""The ``crawl`` command's wiring: pick profiles, take the lock, show progress, summarise.

Separate from ``cli`` so the crawl stack (httpx, selectolax) is imported only by ``crawl``.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path
from typing import IO

from newsarchive.api import crawl, parse_cli_date
from newsarchive.archive.lock import CrawlLock
from newsarchive.crawl import CrawlOptions, Progress, SiteReport
from newsarchive.errors import UsageError
from newsarchive.fetch.client import FetchOptions
from newsarchive.profiles.loader import builtin_ids, get_profile


def run_crawl(
    db: Path,
    *,
    sites: list[str],
    since: str | None,
    max_pages: int | None,
    base_url: str | None,
    delay: float | None,
    refresh: bool,
    quiet: bool,
    log_file: Path | None,
    profile_files: list[Path],
) -> int:
    """Crawl and return the exit code (0 ok, 1 some pages failed)."""
    ids = sites or builtin_ids()
    profiles = [get_profile(s.lower(), profile_files) for s in ids]
    if base_url is not None:
        if len(profiles) != 1:
            raise UsageError("--base-url mirrors one site: name exactly one SITE")
        if not base_url.startswith(("http://", "https://")):
            raise UsageError(f"--base-url must be an http(s) URL, not '{base_url}'")
    fetch = FetchOptions() if delay is None else FetchOptions(delay=delay)
    options = CrawlOptions(
        since=parse_cli_date(since, "--since"),
        max_pages=max_pages,
        base_url=base_url,
        refresh=refresh,
        fetch=fetch,
    )
    log: IO[str] | None = None
    if log_file is not None:
        try:
            log = log_file.open("a", encoding="utf-8", buffering=1)
        except OSError as exc:
            raise UsageError(f"cannot write log file {log_file}: {exc.strerror}") from None
        options = replace(options, fetch_log=log.write)
    try:
        with CrawlLock(db):
            reports = crawl(db, profiles, options, progress=_progress(quiet))
    finally:
        if log is not None:
            log.close()
    return _summarise(reports, quiet)


def _progress(quiet: bool) -> Progress | None:
    if quiet or not sys.stderr.isatty():
        return None

    def show(report: SiteReport) -> None:
        sys.stderr.write(f"\r{report.summary()}\x1b[K")
        sys.stderr.flush()

    return show


def _summarise(reports: list[SiteReport], quiet: bool) -> int:
    if not quiet and sys.stderr.isatty():
        sys.stderr.write("\n")
    for report in reports:
        if not quiet:
            sys.stdout.write(report.summary() + "\n")
        for failure in report.failures[:20]:
            sys.stderr.write(f"newsarchive: {report.site}: {failure}\n")
    return max((r.status for r in reports), default=0)
