"""A forty-eighth round of site shapes, four ways to the news, crawled from the origin
alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round46_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round48.py``): a sitemap naming the news
list's pages and no article, the list's pager drawn by script (vidima); three feeds
named only by an HTML page of plain links (ogosta); a list with a page-size and an
order choice on every page (skat); news as a weekly bulletin's issues (vacha). Each
must archive exactly the articles within its reach with the true title, date and body,
and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import (
    FirstCrawl,
    article_rows,
    bare_crawl_twice,
    card_first,
    check_bare_crawl,
    mirror_crawls,
    post_article,
)
from .support import Result

ROUND48_SITES = {
    # a sitemap of the list's pages and no article; the pager drawn by script
    "vidima": ("Община Видима", "https://vidima.bg"),
    # three feeds named only by an HTML page of links, "RSS емисии"
    "ogosta": ("Община Огоста", "https://ogosta.bg"),
    # "Покажи по: 3 | 9 | 18" and "Подреди: най-нови | най-стари" on every list page
    "skat": ("Община Скът", "https://skat.bg"),
    # the news as a weekly bulletin's issues, "Брой 3 / 27-11-2026г."
    "vacha": ("Община Въча", "https://vacha.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND48_SITES))
def test_a_round48_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND48_SITES[site])


FIRST_CRAWLS = [
    # the sitemap once, and each list page it names once, walked by the template its
    # ``?str=2`` gives (and ``?str=4``, a 404, where the walk learns the list has ended)
    FirstCrawl(
        "vidima",
        once=("/sitemap.xml", "/novini", "/novini?str=2", "/novini?str=3", "/novini?str=4"),
        distinct_under={"/novini/": 9},
        rows=9,
    ),
    # the page of feeds once and each feed it names once; each article once, though
    # "Най-четени" and the home page list some of them again
    FirstCrawl(
        "ogosta",
        once=("/rss.html", "/rss.php?cat=1", "/rss.php?cat=2", "/rss.php?op=top"),
        distinct_under={"/novina.php": 9},
        rows=9,
    ),
    # the list's own three pages once; no page of another size nor of another order
    FirstCrawl(
        "skat",
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        unasked=("/novini?broy=9", "/novini?broy=18", "/novini?red=star"),
        distinct_under={"/novini/": 9, "/novini?red": 0, "/novini?broy": 0},
        rows=9,
    ),
    # the category's three pages once, each post once
    FirstCrawl(
        "vacha",
        once=("/kategoriya/novini/", "/kategoriya/novini/page/2/", "/kategoriya/novini/page/3/"),
        distinct_under={"/2026/11/": 9},
        rows=9,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round48_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND48_SITES[site])
    expected.check(first, db)


def test_a_feed_page_feeds_are_read_every_night_and_their_new_items_archived(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ogosta's page of feeds names "Новини от общината", "Култура и спорт" and
    "Най-четени": a nightly run reads the first two (robots.txt and two feeds, the home
    page's newest three all in them), and a new item in the second is archived."""
    name, origin = ROUND48_SITES["ogosta"]
    with mirror_crawls(run_cli, db, tmp_path, "ogosta", name, origin, editable=True) as crawls:
        crawls.crawl()
        assert crawls.crawl() == ["/robots.txt", "/rss.php?cat=1", "/rss.php?cat=2"]
        page = next(crawls.root.glob("novina.php@id=1639.html"))
        text = page.read_text(encoding="utf-8").replace("26.11.2026", "30.11.2026")
        (crawls.root / "novina.php@id=1641.html").write_text(text, encoding="utf-8")
        feed = crawls.root / "rss.php@cat=2"
        item = (
            "<item><title>Ново</title><link>https://ogosta.bg/novina.php?id=1641</link>"
            "<description>Ново.</description><pubDate>Mon, 30 Nov 2026 10:00:00 +0200</pubDate>"
            "</item>\n"
        )
        feed.write_text(feed.read_text(encoding="utf-8").replace("<item>", item + "<item>", 1))
        asked = crawls.crawl()
    assert asked.count("/novina.php?id=1641") == 1 and len(asked) <= 4, asked
    assert len(article_rows(db)) == 10


def test_a_list_paged_by_script_gets_its_new_first_card_and_its_older_pages_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """vidima's list pages by script; its sitemap names ``/novini?str=2`` and ``?str=3``.
    A nightly run reads the first page alone; a new card on it is archived by the next,
    which reads on to page 2 by the template (a card moved there from page 1)."""
    name, origin = ROUND48_SITES["vidima"]
    slug = "3311-nov-park"
    with mirror_crawls(run_cli, db, tmp_path, "vidima", name, origin, editable=True) as crawls:
        crawls.crawl()
        assert crawls.crawl() == ["/robots.txt", "/novini"]
        post_article(crawls.root, "novini", "3310-*.html", slug, "28.11.2026", "30.11.2026")
        card = (
            f'<div class="novina"><h3><a href="/novini/{slug}">Нов парк</a></h3>'
            '<span class="data">30.11.2026</span><p>Ново.</p></div>\n'
        )
        card_first(crawls.root / "novini.html", card, '<div class="novina"><h3>')
        asked = crawls.crawl()
    assert asked.count(f"/novini/{slug}") == 1 and "/novini?str=2" in asked, asked
    assert len(article_rows(db)) == 10
