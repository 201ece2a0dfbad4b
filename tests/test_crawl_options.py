"""How crawl options combine: --delay over the profile's delay over the default."""

from __future__ import annotations

from newsarchive.crawl_run import CrawlOptions
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
