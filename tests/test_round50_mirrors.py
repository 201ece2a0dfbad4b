"""A fiftieth round of site shapes, five whole small sites, crawled from the origin alone
(a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round48_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round50.py``): a copy of every page for the
partially sighted under ``/sv/``, linked from every page (mugla), or at ``?v=sv`` beside a
print copy at ``?print=1``, the sitemap listing all three (ravnogor); an RSS 1.0 feed, dated
by ``dc:date`` to the minute, the only way to the older news (stoykite); WordPress's
paged, threaded comments under its posts, each comment page a copy of the post
(momchilovtsi); XHTML served as ``application/xhtml+xml`` whose windows-1251 is named in
its XML declaration alone (gyovren). Each must archive exactly the articles within its
reach with the true title, date and body, and a rerun right after must cost at most
three requests.
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

ROUND50_SITES = {
    # "Версия за слабовиждащи" on every page: the whole site again under /sv/
    "mugla": ("Община Мугла", "https://mugla.bg"),
    # the same copy at ?v=sv, a print copy at ?print=1: the sitemap lists all three
    "ravnogor": ("Кметство Равногор", "https://ravnogor.bg"),
    # an RSS 1.0 feed (<rdf:RDF>, <dc:date>2026-11-28T10:42+02:00), older news only there
    "stoykite": ("Кметство Стойките", "https://stoykite.bg"),
    # WordPress's paged comments: …/comment-page-1/, ?replytocom=<n>, a <time> on each
    "momchilovtsi": ("Кметство Момчиловци", "https://momchilovtsi.bg"),
    # application/xhtml+xml, windows-1251 named only by <?xml … encoding="windows-1251"?>
    "gyovren": ("Община Гьоврен", "https://gyovren.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND50_SITES))
def test_a_round50_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND50_SITES[site])


FIRST_CRAWLS = [
    # the list's three pages and the sitemap once, each article once, nothing of the copy
    # under /sv/, though the sitemap names every page of it
    FirstCrawl(
        "mugla",
        once=("/sitemap.xml", "/novini", "/novini?page=2", "/novini?page=3"),
        distinct_under={"/novini/": 9, "/sv": 0},
        rows=9,
    ),
    # the list's three pages and the sitemap once, each article once, no copy of a page
    # (``?v=sv``, ``?print=1``) though each page links both and the sitemap lists them
    FirstCrawl(
        "ravnogor",
        once=("/sitemap.xml", "/novini", "/novini?page=2", "/novini?page=3"),
        distinct_under={"/novini/": 9},
        rows=9,
    ),
    # the feed once, each article once
    FirstCrawl(
        "stoykite",
        once=("/index.rdf",),
        distinct_under={"/novina.php": 8},
        rows=8,
    ),
    # the category's three pages once, each post once, no page of comments nor a reply,
    # no feed of comments
    FirstCrawl(
        "momchilovtsi",
        once=("/kategoriya/novini/", "/kategoriya/novini/page/2/", "/kategoriya/novini/page/3/"),
        unasked=("/comments/feed/",),
        distinct_under={"/2026/11/": 9},
        rows=9,
    ),
    # the list's three pages once, each article once
    FirstCrawl(
        "gyovren",
        once=("/novini.php", "/novini.php?str=2", "/novini.php?str=3"),
        distinct_under={"/novina.php": 8},
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round50_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND50_SITES[site])
    expected.check(first, db)


def test_an_rss_1_0_feeds_new_item_is_archived_the_next_night_dated_by_dc_date(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """stoykite's news past the home page's three are only in its RSS 1.0 feed: a
    nightly run reads robots.txt, the feed and the home page (as it does a site's RSS
    2.0 feed beside a home page of the newest, ``kalina``'s), and an item added to the feed (its
    ``rdf:about`` named in the channel's ``rdf:Seq`` too) is archived once, dated by
    its ``dc:date``."""
    name, origin = ROUND50_SITES["stoykite"]
    with mirror_crawls(run_cli, db, tmp_path, "stoykite", name, origin, editable=True) as crawls:
        crawls.crawl()
        assert crawls.crawl() == ["/robots.txt", "/index.rdf", "/"]
        text = (crawls.root / "novina.php@id=318.html").read_text(encoding="utf-8")
        (crawls.root / "novina.php@id=319.html").write_text(text, encoding="utf-8")
        feed = crawls.root / "index.rdf"
        url = f"{origin}/novina.php?id=319"
        item = (
            f'<item rdf:about="{url}"><title>Ново</title><link>{url}</link>'
            "<dc:date>2026-11-30T09:05+02:00</dc:date></item>\n  "
        )
        rdf = feed.read_text(encoding="utf-8")
        rdf = rdf.replace("<rdf:Seq>\n", f'<rdf:Seq>\n        <rdf:li rdf:resource="{url}"/>\n')
        feed.write_text(rdf.replace("<item ", item + "<item ", 1), encoding="utf-8")
        asked = crawls.crawl()
    assert asked.count("/novina.php?id=319") == 1 and len(asked) <= 4, asked
    rows = article_rows(db)
    assert len(rows) == 9
    assert rows[url][1] == "2026-11-30T09:05:00+02:00"


def test_a_new_article_is_archived_once_and_its_copy_for_the_partially_sighted_never(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """mugla posts an article, and its CMS the article's copy under ``/sv/`` with it, a
    card atop both lists: the next run reads the list and the new article alone, nothing
    under ``/sv/``."""
    name, origin = ROUND50_SITES["mugla"]
    slug = "4411-nov-park"
    with mirror_crawls(run_cli, db, tmp_path, "mugla", name, origin, editable=True) as crawls:
        crawls.crawl()
        for folder, at in (("novini", ""), ("sv/novini", "/sv")):
            post_article(crawls.root, folder, "4410-*.html", slug, "28.11.2026", "30.11.2026")
            card = (
                f'<div class="novina"><h3><a href="{at}/novini/{slug}">Нов парк</a></h3>'
                '<span class="data">30.11.2026</span><p>Ново.</p></div>\n'
            )
            card_first(crawls.root / f"{folder}.html", card, '<div class="novina"><h3>')
        asked = crawls.crawl()
    assert asked.count(f"/novini/{slug}") == 1, asked
    assert not [path for path in asked if path.startswith("/sv")], asked
    assert len(article_rows(db)) == 10


def test_a_new_article_listed_beside_its_copies_is_asked_once_and_its_copies_never(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ravnogor posts an article, its sitemap listing it beside its ``?v=sv`` and
    ``?print=1`` copies, its card atop the list: the next run asks the article once and
    no copy, the site's copy mark remembered from its exploration."""
    name, origin = ROUND50_SITES["ravnogor"]
    slug = "6231-nov-park"
    with mirror_crawls(run_cli, db, tmp_path, "ravnogor", name, origin, editable=True) as crawls:
        crawls.crawl()
        post_article(crawls.root, "novini", "6230-*[a-z].html", slug, "27.11.2026", "30.11.2026")
        card = (
            f'<div class="novina"><h3><a href="/novini/{slug}">Нов парк</a></h3>'
            '<span class="data">30.11.2026</span><p>Ново.</p></div>\n'
        )
        card_first(crawls.root / "novini.html", card, '<div class="novina"><h3>')
        sitemap = crawls.root / "sitemap.xml"
        urls = "".join(
            f"  <url><loc>{origin}/novini/{slug}{mark}</loc></url>\n"
            for mark in ("", "?v=sv", "?print=1")
        )
        text = sitemap.read_text(encoding="utf-8")
        sitemap.write_text(text.replace("</urlset>", urls + "</urlset>"), encoding="utf-8")
        asked = crawls.crawl()
    assert asked.count(f"/novini/{slug}") == 1, asked
    assert not [path for path in asked if "v=sv" in path or "print=1" in path], asked
    assert len(article_rows(db)) == 10
