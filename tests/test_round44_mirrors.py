"""A forty-fourth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round41_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round44.py``): a robots.txt whose later group
closes the site to two other agents named ``News`` and ``archive``, its sitemap the only
way to the older news (lavrovo); an Atom feed whose entries name the article last of four
links (dafinovo); a sitemap whose ``<loc>`` are CDATA on lines of their own (trynka); a
home page whose only way to the news is a ``<marquee>`` (glogovina). Each must archive
exactly the articles within its reach with the true title, date and body, and a rerun
right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import (
    FirstCrawl,
    article_rows,
    bare_crawl_twice,
    check_bare_crawl,
    mirror_crawls,
)
from .support import Result

ROUND44_SITES = {
    # robots.txt: * lets in, a later group closes all to agents named News and archive
    "lavrovo": ("Община Лаврово", "https://lavrovo.bg"),
    # Atom entries of tag: ids whose alternate link is the last of four
    "dafinovo": ("Община Дафиново", "https://dafinovo.bg"),
    # a sitemap.php whose every <loc> is CDATA on lines of its own
    "trynka": ("Община Трънка", "https://www.trynka.bg"),
    # the news list linked only from the home page's <marquee>
    "glogovina": ("Община Глоговина", "https://glogovina.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND44_SITES))
def test_a_round44_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND44_SITES[site])


FIRST_CRAWLS = [
    # the sitemap robots.txt names, every article once: the group for News and archive
    # is not this crawler's
    FirstCrawl(
        "lavrovo",
        once=("/robots.txt", "/sitemap.xml", "/novini/898-novi-avtobusni-spirki"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # the feed once, and none of the entries' other links: comments, API, picture
    FirstCrawl(
        "dafinovo",
        once=("/feed/atom/",),
        unasked=("/feed/atom/komentari/905/", "/api/novini/905", "/snimki/905.jpg"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # the sitemap robots.txt names, each article at the address inside its CDATA
    FirstCrawl(
        "trynka",
        once=("/sitemap.php", "/novina.php?id=898"),
        distinct_under={"/novina.php": 8},
        rows=8,
    ),
    # the list the marquee names and its later pages, once each
    FirstCrawl(
        "glogovina",
        once=("/arhiv-novini.php", "/arhiv-novini.php?str=2", "/arhiv-novini.php?str=3"),
        distinct_under={"/novina.php": 8},
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round44_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND44_SITES[site])
    expected.check(first, db)


def test_a_group_naming_this_crawler_is_still_obeyed_over_the_star_group(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """lavrovo with one more group, ``User-agent: NewsArchive`` closing one article: the
    group naming the product token (in any case) is this crawler's, so that article is
    not asked for, while the ``News``/``archive`` group still closes nothing."""
    name, origin = ROUND44_SITES["lavrovo"]
    with mirror_crawls(run_cli, db, tmp_path, "lavrovo", name, origin, editable=True) as crawls:
        robots = crawls.root / "robots.txt"
        closed = "/novini/905-koleden-bazar"
        own = f"User-agent: NewsArchive\nDisallow: {closed}\n\n"
        robots.write_text(own + robots.read_text(encoding="utf-8"), encoding="utf-8")
        asked = crawls.crawl()
    assert closed not in asked, asked
    rows = article_rows(db)
    assert len(rows) == 7 and f"{origin}{closed}" not in rows, sorted(rows)
