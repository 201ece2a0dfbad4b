"""An eighty-seventh round of site shapes, four small sites as a nightly cron meets them
over weeks, crawled from the origin alone (a profile of id, name and origin) through a
real ``MirrorServer``, as ``test_round85_mirrors`` does.

The mirrors (``tests/fixtures/make_mirrors_round87.py``): JSON-LD stating each moment in
UTC while the page prints Sofia's clock, three of nine on the other side of midnight
(polunosht); the October night summer time ends, two articles in the hour 03:00–04:00
that comes twice (prehod); three "Предстоящи" events dated in December atop every page
of November's news (predstoyashti); the list's links gaining ``?fbclid=…`` one night,
``?utm_source=…`` the next, then none (sledene).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract

from .mirror_sites import (
    a_night_later,
    article_rows,
    assert_archived_whole_and_right,
    bare_crawl_twice,
    check_bare_crawl,
    mirror_crawls,
)
from .support import Result

ROUND87_SITES = {
    # JSON-LD "2026-11-27T23:40:00Z", the page "28.11.2026 01:40 ч."
    "polunosht": ("Община Полунощ", "https://polunosht.bg"),
    # 25.10.2026: 03:40 at +03:00, then 03:10 at +02:00
    "prehod": ("Община Преход", "https://prehod.bg"),
    # three December events atop every page of November's news
    "predstoyashti": ("Община Предстоящи", "https://predstoyashti.bg"),
    # ?fbclid=… on the cards' links one night, ?utm_source=… the next
    "sledene": ("Община Следене", "https://sledene.bg"),
}


@pytest.mark.parametrize("site", list(ROUND87_SITES))
def test_a_round87_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND87_SITES[site])


def _days_listed(run_cli: Callable[..., Result], db: Path, site: str, day: str) -> list[str]:
    """The addresses ``search`` lists for one day (``--since`` and ``--until`` that day)."""
    days = ("--since", day, "--until", day)
    found = run_cli("search", "--site", site, *days, "--format", "json", "--db", str(db))
    assert found.exit_code == 0, found.stderr
    return [hit["url"] for hit in found.json()]  # type: ignore[attr-defined]


def test_a_utc_stamp_is_archived_on_the_day_and_clock_the_page_prints(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """JSON-LD "2026-11-27T23:40:00Z", the page "28.11.2026 01:40 ч.": archived as
    ``2026-11-28T01:40:00+02:00`` (the same instant, Sofia's clock), so a search of the
    28th lists it and one of the 27th does not. Before, stored as the stamp, its day was
    UTC's: three of nine (00:05, 00:20, 01:40 in Sofia) listed a day before the one the
    reader saw, and missing from their own day's search."""
    bare_crawl_twice(run_cli, db, tmp_path, "polunosht", *ROUND87_SITES["polunosht"])
    assert_archived_whole_and_right(db, "polunosht")
    late = "https://polunosht.bg/novini/nova-sportna-zala-glogovets"
    assert article_rows(db)[late][1] == "2026-11-28T01:40:00+02:00"
    assert _days_listed(run_cli, db, "polunosht", "2026-11-28") == [late]
    assert _days_listed(run_cli, db, "polunosht", "2026-11-27") == []
    # 23:55 in Sofia is 21:55 UTC, the same day either way: the 22nd, as before
    assert len(_days_listed(run_cli, db, "polunosht", "2026-11-22")) == 1
    assert _days_listed(run_cli, db, "polunosht", "2026-11-23") == []


def test_the_hour_that_comes_twice_keeps_each_articles_own_offset_and_order(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """25.10.2026, the hour 03:00-04:00 twice: 03:40 at +03:00 (00:40 UTC) and, half an
    hour later, 03:10 at +02:00 (01:10 UTC); each is archived with its own offset, and
    ``search --sort newest`` lists the later instant first, not the later clock. Before
    as now (the stamps state their offsets)."""
    bare_crawl_twice(run_cli, db, tmp_path, "prehod", *ROUND87_SITES["prehod"])
    day = ("--since", "2026-10-25", "--until", "2026-10-25", "--sort", "newest")
    found = run_cli("search", "--site", "prehod", *day, "--format", "json", "--db", str(db))
    assert found.exit_code == 0, found.stderr
    times = [article_rows(db)[hit["url"]][1] for hit in found.json()]  # type: ignore[attr-defined]
    assert times == [
        "2026-10-25T10:05:00+02:00",
        "2026-10-25T03:10:00+02:00",
        "2026-10-25T03:40:00+03:00",
        "2026-10-25T02:50:00+03:00",
    ]


def _stamped(stated: str, printed: str) -> str:
    return (
        '<html lang="bg"><head><title>Сесия на съвета</title><script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "headline": "Сесия на съвета", "datePublished": "{stated}"}}'
        "</script></head><body><article><h1>Сесия на съвета</h1>"
        f'<p class="data">Публикувано: {printed} ч.</p>'
        "<p>Общинският съвет ще заседава в голямата зала на общината в четвъртък.</p>"
        "<p>В дневния ред са включени осем точки, сред тях бюджетът за следващата година.</p>"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("stated", "printed", "published"),
    [
        # UTC's stamp, Sofia's clock printed: the page's moment, at Sofia's offset
        ("2026-11-27T23:40:00Z", "28.11.2026 01:40", "2026-11-28 01:40:00+02:00"),
        ("2026-11-27T23:40:00+00:00", "28.11.2026 01:40", "2026-11-28 01:40:00+02:00"),
        # the repeated hour: the instant says which 03:10
        ("2026-10-25T00:10:00Z", "25.10.2026 03:10", "2026-10-25 03:10:00+03:00"),
        ("2026-10-25T01:10:00Z", "25.10.2026 03:10", "2026-10-25 03:10:00+02:00"),
        # another clock printed (UTC's own): the stamp as stated
        ("2026-11-27T23:40:00Z", "27.11.2026 23:40", "2026-11-27 23:40:00+00:00"),
        # another minute: the Bulgarian page's stamp on Sofia's clock all the same, its
        # instant kept (``published.readers_clock``), the day the reader saw
        ("2026-11-27T23:40:00Z", "28.11.2026 01:45", "2026-11-28 01:40:00+02:00"),
        # already at Sofia's offset: nothing to do
        ("2026-11-28T01:40:00+02:00", "28.11.2026 01:40", "2026-11-28 01:40:00+02:00"),
    ],
)
def test_a_stamp_at_another_offset_takes_the_moment_the_byline_prints_on_sofias_clock(
    stated: str, printed: str, published: str
) -> None:
    article = extract(_stamped(stated, printed), "https://x.bg/novini/sesiya")
    assert str(article.published) == published


def _nightly(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str, nights: int
) -> list[list[str]]:
    """Each night's requests, the site archived whole and right after every one."""
    asked = []
    with mirror_crawls(run_cli, db, tmp_path, site, *ROUND87_SITES[site]) as crawls:
        asked.append(crawls.crawl())
        assert_archived_whole_and_right(db, site)
        for night in range(2, nights + 1):
            a_night_later(db)
            crawls.server.next_night()
            asked.append(crawls.crawl())
            assert_archived_whole_and_right(db, site, night=night)
    return asked


def test_upcoming_events_dated_ahead_atop_a_list_by_date_let_the_nightly_walk_stop(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Three "Предстоящи" cards printing December's days (the soonest first) atop every
    page of November's news: the first crawl reads both pages (16 requests, all nine
    once); the next night's walk stops at page 2, all known, 4 requests, the new one
    archived (ten). Before as now."""
    first, nightly = _nightly(run_cli, db, tmp_path, "predstoyashti", 2)
    assert first.count("/novini?page=2") == 1 and len(first) == 16, first
    assert nightly == [
        "/robots.txt",
        "/novini",
        "/novini/bezplaten-preglet-drenovo",
        "/novini?page=2",
    ], nightly


def test_tracking_parameters_on_some_nights_links_neither_copy_nor_refetch_an_article(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The cards' links with ``?fbclid=…`` one night, ``?utm_source=…&utm_medium=…`` the
    next, bare again the third: each night asks only the new article, by its bare
    address, 4 requests a night, nine rows in the end, each once. Before as now."""
    asked = _nightly(run_cli, db, tmp_path, "sledene", 4)
    for nightly in asked[1:]:
        assert len(nightly) == 4 and "?" not in nightly[2], nightly
        assert not [p for p in nightly if "fbclid" in p or "utm_" in p], nightly
    assert len(article_rows(db)) == 9
