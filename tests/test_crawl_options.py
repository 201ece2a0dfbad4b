"""How crawl options combine: --delay over the profile's delay over the default."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from newsarchive.archive.connection import connect
from newsarchive.crawl import CrawlOptions, SiteCrawl
from newsarchive.fetch.client import DEFAULT_USER_AGENT, FetchOptions
from newsarchive.profiles.loader import get_profile


def crawler(db: Path, options: CrawlOptions, delay: float | None) -> SiteCrawl:
    conn: sqlite3.Connection = connect(db, create=True)
    profile = dataclasses.replace(get_profile("bta", []), delay=delay)
    return SiteCrawl(conn, profile, options)


def test_delay_precedence(db: Path) -> None:
    assert FetchOptions().delay == 1.0 and FetchOptions().max_connections == 2
    assert crawler(db, CrawlOptions(), 3.0).fetcher.options.delay == 3.0
    assert crawler(db, CrawlOptions(delay=0.0), 3.0).fetcher.options.delay == 0.0
    assert crawler(db, CrawlOptions(delay=2.0), None).fetcher.options.delay == 2.0
    assert crawler(db, CrawlOptions(), None).fetcher.options.delay == 1.0


def test_defaults_are_polite() -> None:
    options = FetchOptions()
    assert "+https://" in DEFAULT_USER_AGENT and options.user_agent == DEFAULT_USER_AGENT
    assert options.max_bytes == 10 * 1024 * 1024 and options.max_redirects == 5
    assert CrawlOptions().stop_after_known == 10 and not CrawlOptions().refresh
