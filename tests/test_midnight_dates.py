"""A stamp at exactly midnight is a day dressed as a time (Hugo's, Jekyll's
"2025-03-14T00:00:00+02:00" for a post dated by its day alone): stored, exported and
shown as the bare day, unless the page itself prints that midnight."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

from newsarchive.archive.connection import connect
from newsarchive.archive.store import Store
from newsarchive.extraction import extract

from .support import Result

TODAY = dt.date(2025, 3, 20)
BODY = "<p>" + "Кметът представи плана за ремонт на улиците в квартала през пролетта. " * 5 + "</p>"


def _page(stamp: str, shown: str = "14 март 2025") -> str:
    """A static-site post in a Hugo theme's markup: the stamp in meta and ``<time>``."""
    return (
        '<html lang="bg"><head><title>Ремонт на улиците</title>'
        f'<meta property="article:published_time" content="{stamp}">'
        f'<meta property="article:modified_time" content="{stamp}"></head>'
        '<body><main><article class="post"><header><h1 class="post-title">Ремонт на улиците'
        f'</h1><div class="post-meta"><time datetime="{stamp}">{shown}</time></div></header>'
        f'<div class="post-content">{BODY}</div></article></main></body></html>'
    )


def test_a_midnight_stamp_is_the_bare_day() -> None:
    article = extract(
        _page("2025-03-14T00:00:00+02:00"), "https://blog.example.bg/p/remont/", today=TODAY
    )
    assert article.published == dt.date(2025, 3, 14)
    assert not isinstance(article.published, dt.datetime)
    assert article.modified == dt.date(2025, 3, 14)
    assert article.rules["published"].endswith(":day-only")


def test_a_midnight_in_utc_is_its_own_day_too() -> None:
    article = extract(
        _page("2025-03-14T00:00:00Z"), "https://blog.example.bg/p/remont/", today=TODAY
    )
    assert article.published == dt.date(2025, 3, 14)
    assert not isinstance(article.published, dt.datetime)


def test_a_real_time_stays_a_time() -> None:
    article = extract(
        _page("2025-03-14T00:00:07+02:00"), "https://blog.example.bg/p/remont/", today=TODAY
    )
    assert article.published == dt.datetime(
        2025, 3, 14, 0, 0, 7, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )


def test_a_midnight_the_page_prints_stays_a_time() -> None:
    html = _page("2025-03-14T00:00:00+02:00", shown="14.03.2025, 00:00 ч.")
    article = extract(html, "https://blog.example.bg/p/remont/", today=TODAY)
    assert isinstance(article.published, dt.datetime)
    assert article.published.time() == dt.time(0)


def test_a_midnight_in_utc_the_page_prints_on_its_own_clock_stays_a_time() -> None:
    """Sofia's "02:00" is the UTC stamp's midnight: the page states the hour."""
    html = _page("2025-03-14T00:00:00Z", shown="14.03.2025, 02:00 ч.")
    article = extract(html, "https://blog.example.bg/p/remont/", today=TODAY)
    assert article.published == dt.datetime(2025, 3, 14, tzinfo=dt.UTC)


def test_the_day_is_exported_as_a_bare_date(run_cli: Callable[..., Result], db: Path) -> None:
    url = "https://blog.example.bg/p/remont/"
    conn = connect(db, create=True)
    try:
        with conn:
            article = extract(_page("2025-03-14T00:00:00+02:00"), url, today=TODAY)
            Store(conn).upsert_article(article, site="blog", url=url)
    finally:
        conn.close()
    record = json.loads(run_cli("export", "--db", str(db)).stdout.splitlines()[0])
    assert record["published"] == "2025-03-14"
    assert record["modified"] == "2025-03-14"
