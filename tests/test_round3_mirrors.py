"""A third round of site shapes, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_cms_mirrors`` does the first eleven.

The mirrors (``tests/fixtures/make_mirrors_round3.py``): a Next.js news site whose
listings render three cards as links and the rest only in ``__NEXT_DATA__``, with a
gzipped sitemap index and a Google News sitemap in robots.txt, trailing-slash and
``utm_*``/``fbclid`` spellings of its articles (bregovitsa); an old PHP site in
windows-1251 declared past its first 4 KB, whose older news is reachable only through
its archive by month and day, with articles under ``news.php?lang=bg&id=N`` in either
parameter order and English copies linked by ``hreflang`` (drenavo: a Bulgarian archive
keeps the Bulgarian original only, and never follows the language alternates); a
municipal portal with three streams of news, ``?offset=N`` paging, PDFs listed as news
items, robots.txt's ``Crawl-delay`` and ``Disallow: /search`` against search links in its
menu, and an endless calendar of events (belorechie). Each must archive exactly its
articles with the true title, date, author and body, and a rerun right after must cost
at most three requests.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive import crawl_sources
from newsarchive.mirror import MirrorServer

from .mirror_sites import (
    a_night_later,
    bare_profile,
    check_bare_crawl,
    mirror_crawls,
)
from .support import SITES, Result

ROUND3_SITES = {
    # Next.js: items in __NEXT_DATA__, sitemap.xml.gz index + Google News sitemap
    "bregovitsa": ("Глас на Бреговица", "https://glasbregovitsa.bg"),
    # no pager, archive by month; news.php?lang=bg&id=N both orders; /en/ copies; cp1251
    "drenavo": ("Община Дренаво", "http://www.drenavo.bg"),
    # three sections, ?offset=N, PDFs, Crawl-delay, Disallow: /search, endless calendar
    "belorechie": ("Община Белоречие", "https://belorechie.bg"),
}


def _profile(tmp_path: Path, site: str) -> Path:
    return bare_profile(tmp_path, site, *ROUND3_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND3_SITES))
def test_a_round3_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND3_SITES[site])


def test_a_portal_is_crawled_within_its_robots_rules_and_its_calendar_is_no_trap(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """belorechie: ``Disallow: /search`` keeps the menu's search results unread,
    ``Crawl-delay`` spaces the requests even with ``--delay 0``, the endless calendar is
    looked at once and never walked, and the PDFs listed as news are read once each and
    settled (not archived, not failures, not read again)."""
    profile = _profile(tmp_path, "belorechie")
    delay = float(
        (SITES / "belorechie" / "robots.txt").read_text().split("Crawl-delay:")[1].split()[0]
    )
    with MirrorServer(SITES / "belorechie") as server:
        args = ("crawl", "belorechie", "--profile", str(profile), "--base-url", server.url)
        started = time.monotonic()
        first = run_cli(*args, "--delay", "0", "--db", str(db))
        elapsed = time.monotonic() - started
        assert first.exit_code == 0, first.stderr
        requests = list(server.requests)
        run_cli(*args, "--delay", "0", "--db", str(db))
        again = server.requests[len(requests) :]
    assert not [path for path in requests if path.startswith("/search")]
    assert [path for path in requests if path.startswith("/bg/sabitiya")] == ["/bg/sabitiya"]
    documents = [path for path in requests if "dokument.php" in path or path.endswith(".pdf")]
    assert sorted(documents) == ["/bg/dokument.php?id=77", "/bg/dokument.php?id=90"]
    assert "documents, not web pages" in first.stderr + first.stdout
    assert not [path for path in again if "dokument.php" in path]
    assert elapsed >= (len(requests) - 1) * delay * 0.9  # robots.txt's delay, not ours


def test_a_rested_listing_is_read_again_once_its_rest_is_over(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """belorechie's "Обяви", a third stream: walked on the first crawl, not on the rerun
    right after (a retry the same day), read again (conditionally) the next night: the
    site has no feed, sitemap or list of all news to show what it posts
    (``crawl_sources.SECTION_REST_HOURS``), so it does not wait ``LISTING_REST_DAYS``."""
    site = "belorechie"
    with mirror_crawls(run_cli, db, tmp_path, site, *ROUND3_SITES[site]) as crawls:
        assert "/bg/obyavi" in crawls.crawl()
        assert "/bg/obyavi" not in crawls.crawl()
        monkeypatch.setattr(crawl_sources, "LISTING_REST_DAYS", 30)  # (not what rests it)
        a_night_later(db)
        assert "/bg/obyavi" in crawls.crawl()
