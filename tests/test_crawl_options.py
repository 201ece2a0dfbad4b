"""How crawl options combine: --delay over the profile's delay over the default."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.crawl_command import CrawlRequest, _prepare
from newsarchive.crawl_run import CrawlOptions
from newsarchive.errors import UsageError
from newsarchive.fetch.client import DEFAULT_USER_AGENT, FetchOptions


def test_delay_precedence() -> None:
    """One rule for crawl and check-site: --delay, then the profile's, then ours."""
    base = FetchOptions()
    assert base.delay == 1.0 and base.max_connections == 2
    assert base.with_delay(None, 3.0).delay == 3.0
    assert base.with_delay(0.0, 3.0).delay == 0.0
    assert base.with_delay(2.0, None).delay == 2.0
    assert base.with_delay(None, None).delay == 1.0


def test_defaults_are_polite() -> None:
    options = FetchOptions()
    assert "+https://" in DEFAULT_USER_AGENT and options.user_agent == DEFAULT_USER_AGENT
    assert options.max_bytes == 10 * 1024 * 1024 and options.max_redirects == 5
    assert CrawlOptions().stop_after_known == 10 and not CrawlOptions().refresh


def test_the_crawl_command_line_is_one_request_the_run_options_come_from() -> None:
    """The CLI builds one ``CrawlRequest``; ``_prepare`` checks it and makes the run's
    options: each option given is the run's, one not given keeps the run's default."""
    asked = CrawlRequest(
        sites=("BTA", "bta"),
        since="2026-01-01",
        max_pages=3,
        delay=0.5,
        refresh=True,
        user_agent="tester (+https://example.org/contact)",
        connections=4,
        stop_after_known=5,
        max_requests=7,
        recheck=2,
    )
    profiles, options = _prepare(asked)
    assert [p.id for p in profiles] == ["bta"]  # named twice, crawled once
    assert (options.since, options.max_pages, options.delay) == (dt.date(2026, 1, 1), 3, 0.5)
    assert (options.refresh, options.stop_after_known, options.max_requests) == (True, 5, 7)
    assert options.recheck_days == 2 and options.fetch.max_connections == 4
    assert options.fetch.user_agent == "tester (+https://example.org/contact)"
    _, defaults = _prepare(CrawlRequest(sites=("bta",)))
    assert defaults.stop_after_known == CrawlOptions().stop_after_known
    assert defaults.max_requests == CrawlOptions().max_requests
    with pytest.raises(UsageError, match="--base-url mirrors one site"):
        _prepare(CrawlRequest(base_url="http://127.0.0.1:9"))
