"""A thirty-ninth round of site shapes, crawled from the origin alone (a profile of
id, name and origin) through a real ``MirrorServer``, as ``test_round38_mirrors`` does
its four.

The mirrors (``tests/fixtures/make_mirrors_round39.py``): a news page showing the latest
ten and no pager, older news only on the days its calendar links,
``novini.php?data=2026-11-28``, month by month by ``?mesec=2026-10`` (kozinets); the
same by path, ``/novini/arhiv/2026/11/28/`` and ``/novini/arhiv/2026/10/``, with months
of no news between and the calendar on every article page (bukovets). Each must archive
exactly its articles with the true title, date and body, each day's page asked once,
and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsarchive.check_site import SiteCheck, check_site
from newsarchive.fetch.client import FetchOptions
from newsarchive.mirror import MirrorServer
from newsarchive.models import Profile

from .mirror_sites import (
    FirstCrawl,
    article_rows,
    bare_crawl_twice,
    check_bare_crawl,
    mirror_crawls,
)
from .pageserver import Answer, answering
from .support import SITES, Result

ROUND39_SITES = {
    # the latest ten, no pager; a calendar of ?data=YYYY-MM-DD days, ?mesec=YYYY-MM months
    "kozinets": ("Община Козинец", "https://www.kozinets.bg"),
    # /novini/arhiv/2026/11/28/ days, /novini/arhiv/2026/10/ months, some with no news
    "bukovets": ("Община Буковец", "https://bukovets.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND39_SITES))
def test_a_round39_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND39_SITES[site])


FIRST_CRAWLS = [
    # page 1, then each day its calendars link once, newest first (November's from page
    # 1's grid, no page of November); October's and September's pages read by their
    # days; August, July and June of no news the archive's end
    FirstCrawl(
        "kozinets",
        once=("/novini.php", "/novini.php?data=2026-11-27", "/novini.php?data=2026-09-08"),
        unasked=("/novini.php?mesec=2026-11", "/novini.php?mesec=2026-05"),
        distinct_under={"/novini.php?data=": 13, "/novini.php?mesec=": 5},
        rows=14,
    ),
    # each day once, though every article page's calendar links November's again;
    # October and August of no news stepped over, June, May and April the end
    FirstCrawl(
        "bukovets",
        once=("/novini/", "/novini/arhiv/2026/11/28/", "/novini/arhiv/2026/10/"),
        unasked=("/novini/arhiv/2026/11/", "/novini/arhiv/2026/03/"),
        distinct_under={"/novini/arhiv/": 11 + 7},
        rows=11,
    ),
]
# What a first crawl asked in all (measured: 16 and 17 requests archived 4 of 11 and 10
# of 14 before the walk read a calendar's days): robots.txt, the home page, the news
# page, three feeds tried, the listing pages above, each article once.
REQUESTS = {"kozinets": 38, "bukovets": 35}


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round39_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND39_SITES[site])
    expected.check(first, db)
    assert len(first) == REQUESTS[site], first


def test_since_stops_a_calendar_walk_at_the_first_day_before_it(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """``--since 2026-10-01``: November's and October's news, the walk ending at the
    first day its list dates before October (September 25th, its article never asked)."""
    with mirror_crawls(run_cli, db, tmp_path, "kozinets", *ROUND39_SITES["kozinets"]) as site:
        asked = site.crawl("--since", "2026-10-01")
    rows = article_rows(db)
    assert len(rows) == 11
    assert min(published for _title, published, _author, _text in rows.values()) == (
        "2026-10-06T11:07:00"
    )
    assert "/novini.php?data=2026-09-25" in asked
    assert "/statia.php?id=1034" not in asked
    assert "/novini.php?data=2026-09-16" not in asked
    assert "/novini.php?mesec=2026-08" not in asked


def test_a_calendar_walk_stops_at_the_page_cap(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """``--max-pages 4``: page 1 and the three latest days, each a page of the walk."""
    with mirror_crawls(run_cli, db, tmp_path, "bukovets", *ROUND39_SITES["bukovets"]) as site:
        asked = site.crawl("--max-pages", "4")
    walked = [path for path in asked if path == "/novini/" or path.startswith("/novini/arhiv/")]
    assert walked == [
        "/novini/",
        "/novini/arhiv/2026/11/28/",
        "/novini/arhiv/2026/11/23/",
        "/novini/arhiv/2026/11/17/",
    ]
    assert len(article_rows(db)) == 4  # (page 1's four; November 3rd past the cap)


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_check_site_walks_a_calendar_as_the_crawl_does(expected: FirstCrawl) -> None:
    """check-site takes the crawl's walk (``next_pages.listing_walk``): asked for more
    articles than the news page lists, it reads the calendar's days and months the
    first crawl reads, each once, and checks every article the crawl archives.
    Measured before: its own walk, with no days nor months stepped back over, ended at
    the first day page (whose news page 1 listed too): kozinets 2 listing pages and 10
    articles of 14, bukovets 2 pages and 4 articles of 11."""
    site = expected.site
    name, origin = ROUND39_SITES[site]
    with MirrorServer(SITES / site) as server:
        report = check_site(
            Profile(id=site, name=name, origin=origin), base_url=server.url,
            articles=1000, options=FetchOptions(delay=0, retries=0), pages=100,
        )  # fmt: skip
    walked = [urlsplit(s.url) for s in report.sources if s.kind == "start"]
    paths = [f"{u.path}?{u.query}" if u.query else u.path for u in walked]
    for prefix, count in expected.distinct_under.items():
        under = [path for path in paths if path.startswith(prefix)]
        assert len(under) == len(set(under)) == count, (prefix, paths)
    assert len(report.articles) == expected.rows, paths
    assert not report.failures, report.failures


_HTML = {"Content-Type": "text/html; charset=utf-8"}


def _checked(answer: Callable[[str], Answer], start: str) -> SiteCheck:
    """``check-site`` of a site of a few pages ``answer`` gives (``pageserver``), its
    listing starting at ``start``, walked up to 50 pages for 1,000 articles: as far as
    its walk goes."""
    profile = Profile(
        id="x", name="x", origin="https://www.t.bg", hosts=("www.t.bg",),
        start_urls=(start,), article_pattern=r"^/statia\.php",
    )  # fmt: skip
    with answering(answer) as (url, _asked):
        return check_site(
            profile, base_url=url, articles=1000, options=FetchOptions(delay=0, retries=0),
            pages=50,
        )  # fmt: skip


def test_check_site_ends_a_listing_whose_every_page_number_answers_alike() -> None:
    """``?date=2026-11-05`` with a pager whose every ``&page=N`` a server answers with
    the same three news: page 2 repeats page 1, the walk's end. Measured before: a query
    field holding a date made any page a calendar's day, exempt from that end, and
    check-site asked pages 1 to 50 (its cap)."""
    cards = "".join(
        f'<li><a href="/statia.php?id={i}">Новина номер {i} за общината</a></li>' for i in (1, 2, 3)
    )

    def answer(url: str) -> Answer:
        if "/novini.php?date=2026-11-05" not in url:
            return 404, {}, ""
        number = int(url.partition("&page=")[2] or 1)
        pager = f'<a href="/novini.php?date=2026-11-05&amp;page={number + 1}">Следваща</a>'
        return 200, _HTML, f"<html><body><ul>{cards}</ul><p>{pager}</p></body></html>"

    report = _checked(answer, "/novini.php?date=2026-11-05")
    walked = [s.url for s in report.sources if s.kind == "start"]
    assert len(walked) == 2, walked


_NOVEMBER = {
    "708-sesiya-na-saveta": "2026-11-03",
    "709-proverka-na-hidrantite": "2026-11-10",
    "710-nov-detski-kat": "2026-11-17",
    "711-koleden-bazar": "2026-11-23",
    "712-remont-na-ulitsite": "2026-11-28",
}


def test_a_month_page_listing_news_the_feed_brought_is_not_read_by_its_days(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """bukovets with November's month page listing its five news (no dates printed
    beside them, as a WordPress month's) and a feed that brought the same five first:
    the page listed news of its own (none on an earlier page of this walk), so the walk
    goes on to October, not to November's days, which list them again. Measured
    before: the feed's news counted as "not its own", and the walk read November's five
    day pages too (one request a day)."""
    root = tmp_path / "bukovets"
    shutil.copytree(SITES / "bukovets", root)
    month = root / "novini" / "arhiv" / "2026" / "11" / "index.html"
    cards = "".join(
        f'<li><a href="/novini/{slug}/">{slug.split("-", 1)[1].replace("-", " ")}</a></li>'
        for slug in _NOVEMBER
    )
    text = month.read_text(encoding="utf-8")
    month.write_text(text.replace("</h1>", f"</h1><ul>{cards}</ul>", 1), encoding="utf-8")
    items = "".join(
        f"<item><title>{slug}</title><link>https://bukovets.bg/novini/{slug}/</link>"
        f"<pubDate>{dt.date.fromisoformat(day).strftime('%a, %d %b %Y')} 09:00:00 +0200"
        "</pubDate></item>"
        for slug, day in _NOVEMBER.items()
    )
    (root / "feed.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Б</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    _, origin = ROUND39_SITES["bukovets"]
    profile = tmp_path / "bukovets.toml"
    profile.write_text(
        f'id = "bukovets"\nname = "Б"\norigin = "{origin}"\n[discovery]\n'
        'feeds = ["/feed.xml"]\nstart_urls = ["/novini/arhiv/2026/11/"]\n'
        'article_pattern = "^/novini/\\\\d+-"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "bukovets", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    days = [p for p in server.requests if p.startswith("/novini/arhiv/2026/11/")]
    assert days == ["/novini/arhiv/2026/11/"], server.requests
    assert "/novini/arhiv/2026/10/" in server.requests


def test_check_site_walks_no_newspaper_issue_as_a_month_archive() -> None:
    """A news page with no pager whose sidebar links the municipal newspaper's issues,
    ``vestnik.php?broi=2026-10``: an issue is no month's archive page, so the walk ends
    at page 1. Measured before: any query field holding ``YYYY-MM`` was a month's page,
    and the walk went back through the issues as through months, respelled and by
    address too (5 pages → 1)."""
    cards = "".join(
        f'<li><a href="/statia.php?id={i}">Новина номер {i} за общината</a></li>' for i in (1, 2, 3)
    )
    issues = "".join(
        f'<li><a href="/vestnik.php?broi=2026-{m:02d}">Вестник, брой {m}/2026</a></li>'
        for m in (10, 9)
    )
    page = f"<html><body><ul>{cards}</ul><aside><ul>{issues}</ul></aside></body></html>"

    def answer(url: str) -> Answer:
        path = urlsplit(url).path
        return (200, _HTML, page) if path in ("/novini.php", "/vestnik.php") else (404, {}, "")

    report = _checked(answer, "/novini.php")
    walked = [s.url for s in report.sources if s.kind == "start"]
    assert len(walked) == 1, walked
