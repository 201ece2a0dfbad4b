"""What a nightly crawl does with faults that come back every night: the pages that
failed on earlier nights retried within the budget however much news there is, and (on
the fault site, ``faultserver``) a source that fails night after night rested while the
site's others give their news."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .faultserver import ORIGIN, FaultServer, article_html, write_profile
from .support import Result

Cli = Callable[..., Result]
LATE = "/news/5000-story-5000"  # an article linked beside the listing's own


def _crawl(run_cli: Cli, server: FaultServer, db: Path, *extra: str) -> Result:
    profile = write_profile(db.parent)
    return run_cli(
        "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
        "--delay", "0", "--db", str(db), "--connections", "1", *extra,
    )  # fmt: skip


def _urls(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT url FROM articles")}


def test_a_page_that_failed_is_retried_on_a_night_the_news_take_the_budget(
    run_cli: Cli, db: Path
) -> None:
    """A site with more news than one night's budget reads: the page that failed on the
    first night was retried after the news, which took the whole budget every night, so
    it never was. It is now asked the next night, within a share of the budget, and
    archived; the news go on with the rest."""
    with FaultServer(articles=200, per_page=20, faults=False) as server:
        server.listing_extra = f'<a href="{LATE}">Късна новина</a>'
        server.answers[LATE] = (302, {"Location": LATE}, b"")  # a loop, that night
        first = _crawl(run_cli, server, db, "--max-requests", "30")
        assert first.exit_code == 1 and f"{ORIGIN}{LATE}" in first.stderr, first.stderr
        asked, news = server.hits[LATE], len(_urls(db))
        server.answers[LATE] = (200, {}, article_html(5000))
        second = _crawl(run_cli, server, db, "--max-requests", "30")
        assert second.exit_code == 0, second.stderr
        assert "request budget of 30 spent; the next run resumes" in second.stdout
        assert server.hits[LATE] == asked + 1
    assert f"{ORIGIN}{LATE}" in _urls(db)
    assert len(_urls(db)) - news >= 20  # (the news kept the rest of the budget)
