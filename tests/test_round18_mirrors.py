"""An eighteenth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round17_mirrors`` does its ten.

The mirrors (``tests/fixtures/make_mirrors_round18.py``): a pager that only posts a
form, news past page 1 only in the sitemap (elha); an endless-scroll list naming its
next cards in ``data-next-page``, cards dated "вчера", "преди 5 дни" (chemshir); an RSS
feed sent as ``text/html`` behind a byte order mark (smrika); news only in a sitemap
whose ``<lastmod>`` reads "28.11.2026 14:05" (kesten); one ``<title>`` for every page
(gabar); articles linked in four spellings of one origin (bodil); an article linked
under its old slug, redirected to its new one (zdravets); a "По-стари новини" button's
``onclick`` as the pager (imel); WordPress in Bulgarian, "ноември 28, 2026 в 14:35"
(pelin); articles dated only by an RSS ``pubDate`` of "28.11.2026 10:30" (lavar); a feed
linked only by an RSS icon (detelina); articles dated only by a windows-1251 RSS feed
whose declaration names no encoding (treva); a listing oldest first, its newest news on
its last page (murgash). Each must archive exactly its articles with
the true title, date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import (
    FirstCrawl,
    Proposes,
    article_rows,
    bare_crawl_twice,
    check_bare_crawl,
    mirror_crawls,
    proposed,
)
from .support import Result

ROUND18_SITES = {
    # "Следваща »" a <form method="post"> button; the sitemap robots.txt names
    "elha": ("Община Елха", "https://elha.bg"),
    # no pager: the list's data-next-page its scroll script loads from
    "chemshir": ("Община Чемшир", "https://chemshir.bg"),
    # /rss sent as text/html, opening with a byte order mark
    "smrika": ("Община Смрика", "https://www.smrika.bg"),
    # news only in the sitemap, <lastmod>28.11.2026 14:05</lastmod>
    "kesten": ("Община Кестен", "https://kesten.bg"),
    # every page titled "Официален сайт на Община Габър", og:title too
    "gabar": ("Община Габър", "https://gabar.bg"),
    # http://bodil.bg, https://www.bodil.bg:443, //www.bodil.bg and a path: one origin
    "bodil": ("Община Бодил", "https://www.bodil.bg"),
    # an edited headline's old slug linked, answered 301 to the new
    "zdravets": ("Община Здравец", "https://zdravets.bg"),
    # <button onclick="location.href='/novini?page=2'">По-стари новини</button>
    "imel": ("Община Имел", "https://imel.bg"),
    # WordPress in Bulgarian: "ноември 28, 2026 в 14:35"
    "pelin": ("Община Пелин", "https://pelin.bg"),
    # articles dated only by an RSS feed whose pubDate reads "28.11.2026 10:30"
    "lavar": ("Община Лавър", "https://lavar.bg"),
    # its one feed, /sitefeed.aspx?feedid=12, linked only by an <img alt="RSS">
    "detelina": ("Община Детелина", "https://www.detelina.bg"),
    # a windows-1251 RSS feed under a bare <?xml version="1.0"?>, its only dates
    "treva": ("Община Трева", "http://www.treva.bg"),
    # /novini oldest first: page 1 the oldest three, the last page the newest
    "murgash": ("Община Мургаш", "https://murgash.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND18_SITES))
def test_a_round18_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND18_SITES[site])


FIRST_CRAWLS = [
    # the form is posted back, never asked with GET; its news come from the sitemap
    FirstCrawl("elha", asked=("/sitemap.xml",), unasked=("/novini?page=2",), rows=8),
    # the endless list's next cards, each asked once, to its end
    FirstCrawl("chemshir", once=("/novini?page=2", "/novini?page=3"), rows=8),
    FirstCrawl("imel", once=("/novini?page=2", "/novini?page=3"), rows=8),
    # four spellings of each article's address, each article asked for once
    FirstCrawl("bodil", once=("/novini?page=2",), distinct_under={"/novini/": 8}, rows=8),
    # the old slug asked once (its 301 leads to a page read already), the new once
    FirstCrawl(
        "zdravets",
        once=(
            "/novini/640-pozharnikari-ot-rs-pbzn-proveryavat-vsichki-hidranti",
            "/novini/640-proverka-na-hidrantite",
        ),
        rows=7,
    ),
    FirstCrawl("smrika", once=("/rss",), rows=7),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round18_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND18_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("smrika", "feeds", equals=["/rss"]),
    Proposes("detelina", "feeds", equals=["/sitefeed.aspx?feedid=12"]),
    Proposes("kesten", "sitemaps", includes=("/sitemap.xml",)),
    Proposes("chemshir", "start_urls", equals=["/novini"]),
    Proposes("imel", "start_urls", equals=["/novini"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: e.site)
def test_add_site_proposes_a_round18_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND18_SITES[expected.site][1]))


def test_since_leaves_the_sitemaps_older_entries_unasked(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """kesten's lastmods are the CMS's "28.11.2026 14:05": read, the four entries changed
    before ``--since`` are not asked for; the three after are archived."""
    with mirror_crawls(run_cli, db, tmp_path, "kesten", *ROUND18_SITES["kesten"]) as crawls:
        first = crawls.crawl("--since", "2026-11-20")
    asked = [path for path in first if path.startswith("/novini/")]
    assert sorted(asked) == [
        "/novini/1248-sesiya-na-saveta",
        "/novini/1249-proverka-na-hidrantite",
        "/novini/1250-nov-detski-kat",
    ]


def _murgash_article(number: int, title: str, day: str, lines: tuple[str, str]) -> str:
    return (
        f'<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>{title} – Община'
        f' Мургаш</title></head><body><div id="content"><h1>{title}</h1><p class="date">'
        f"Публикувано: {day}</p><p>{lines[0]}</p><p>{lines[1]}</p></div></body></html>"
    )


_MURGASH_NEW = [
    (188, "Коледен базар на площада", "30.11.2026",
     ("Училищата от общината ще продават свои изработки на коледния базар.",
      "Събраните пари отиват за детското отделение на болницата.")),
    (189, "Нова улична светлина в Горна махала", "30.11.2026",
     ("Общината смени тридесет стари лампи с икономични.",
      "Улиците на махалата вече светят цялата нощ.")),
]  # fmt: skip


def _card(number: int, title: str, day: str) -> str:
    link = f'<a href="/novini/{number}-n">{title}</a>'
    return f'<div class="news"><h3>{link}</h3><span>{day}</span></div>'


def _page_3_linking_on(root: Path, added: str, page_4: str) -> None:
    """The last page (3) gains ``added`` (a card and a line's end, or nothing) and a
    "Следваща »" to page 4, whose list holds ``page_4``."""
    last = root / "novini@page=3.html"
    more = '<p class="pager"><a href="/novini?page=4">Следваща »</a></p>'
    text = last.read_text(encoding="utf-8").replace(
        '\n\n</div>\n<div id="foot">', f'\n{added}{more}\n</div>\n<div id="foot">'
    )
    assert more in text
    last.write_text(text, encoding="utf-8")
    page = text.split('<div class="news">')[0] + page_4 + "\n</div>\n</body></html>"
    (root / "novini@page=4.html").write_text(page, encoding="utf-8")


def _post_at_the_end(root: Path) -> None:
    """Two new posts on the oldest-first listing: the first fills its last page (3), the
    second opens page 4, which page 3 now links to."""
    filling, opening = (_card(*post[:3]) for post in _MURGASH_NEW)
    _page_3_linking_on(root, f"{filling}\n", opening)
    for number, title, day, lines in _MURGASH_NEW:
        html = _murgash_article(number, title, day, lines)
        (root / "novini" / f"{number}-n.html").write_text(html, encoding="utf-8")


def test_a_nightly_run_finds_the_news_posted_at_the_end_of_an_oldest_first_listing(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """murgash lists its news oldest first. After the first crawl two news are posted: one
    fills the last page, one opens a page after it; page 1 is unchanged. The nightly run
    asks the last page it knew (with its validators), walks on through its new next link
    and archives both, never asking page 1 or 2 again; the run after it, with nothing
    new, costs what a no-op rerun does (robots.txt and a 304 for the newest page)."""
    site = "murgash"
    with mirror_crawls(run_cli, db, tmp_path, site, *ROUND18_SITES[site], editable=True) as crawls:
        first = crawls.crawl()
        assert "/novini?page=3" in first
        assert len(article_rows(db)) == 8
        _post_at_the_end(crawls.root)
        nightly = crawls.crawl()
        after = crawls.crawl()
    rows = article_rows(db)
    assert {"https://murgash.bg/novini/188-n", "https://murgash.bg/novini/189-n"} <= set(rows)
    assert len(rows) == 10
    assert rows["https://murgash.bg/novini/189-n"][1].startswith("2026-11-30")
    assert "/novini?page=3" in nightly and "/novini?page=4" in nightly, nightly
    assert "/novini" not in nightly and "/novini?page=2" not in nightly, nightly
    assert len(after) <= 3 and "/novini?page=4" in after, after


_NO_NEWS = "<p>Няма публикации.</p>"


def _link_past_the_end(root: Path) -> None:
    """The last page's "Следваща »" leads on to page 4, the list's frame and no news (a
    CMS linking "next" from a full page whatever lies there)."""
    _page_3_linking_on(root, "", _NO_NEWS)


def _post_past_the_end(root: Path) -> None:
    """A news on page 4, the page past the end; page 3 unchanged."""
    number, title, day, lines = _MURGASH_NEW[1]
    past = root / "novini@page=4.html"
    text = past.read_text(encoding="utf-8").replace(_NO_NEWS, _card(number, title, day))
    past.write_text(text, encoding="utf-8")
    html = _murgash_article(number, title, day, lines)
    (root / "novini" / f"{number}-n.html").write_text(html, encoding="utf-8")


@pytest.mark.parametrize("lone", [False, True], ids=["two cards", "a lone card"])
def test_a_news_on_the_page_past_an_oldest_first_listings_last_is_archived_next_night(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, lone: bool
) -> None:
    """murgash's last page links on to a page listing nothing. The first crawl reads it
    and keeps it beside the last page (``WalkState.past_url``); a night with nothing new
    asks the last page whole and that page, not page 1; the night a news appears there,
    the last page unchanged (its 304 ended the walk, and the news was never read), it is
    archived. With one card on the last page, no page before it read that night to
    teach the items' shape, the shape the archive's articles listed there and on page 1
    share reads it (composed ``--nights`` seed 5688: read as listing nothing, the resume
    point was dropped, and the news after it never read)."""
    site = "murgash"
    with mirror_crawls(run_cli, db, tmp_path, site, *ROUND18_SITES[site], editable=True) as crawls:
        if lone:
            last = crawls.root / "novini@page=3.html"
            lines = last.read_text(encoding="utf-8").split("\n")
            last.write_text("\n".join(c for c in lines if "/novini/187-" not in c), "utf-8")
        _link_past_the_end(crawls.root)
        first = crawls.crawl()
        assert "/novini?page=4" in first
        assert len(article_rows(db)) == 8 - lone
        quiet = crawls.crawl()
        _post_past_the_end(crawls.root)
        nightly = crawls.crawl()
    assert "/novini?page=3" in quiet and "/novini?page=4" in quiet, quiet
    assert "/novini" not in quiet and len(quiet) <= 4, quiet
    rows = article_rows(db)
    assert "https://murgash.bg/novini/189-n" in rows, nightly
    assert len(rows) == 9 - lone
    assert rows["https://murgash.bg/novini/189-n"][1].startswith("2026-11-30")


def test_refresh_reads_an_oldest_first_listing_from_its_first_page(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """``--refresh`` fetches every article again: on murgash, the oldest pages' too."""
    site = "murgash"
    with mirror_crawls(run_cli, db, tmp_path, site, *ROUND18_SITES[site]) as crawls:
        crawls.crawl()
        asked = crawls.crawl("--refresh")
    assert {"/novini", "/novini?page=2", "/novini?page=3"} <= set(asked), asked
    assert len([path for path in asked if path.startswith("/novini/")]) == 8, asked
