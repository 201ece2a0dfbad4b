"""A twenty-third round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round22_mirrors`` does its six.

The mirrors (``tests/fixtures/make_mirrors_round23.py``): a CMS installed in ``/bg/`` and
routed through its front controller, the list linking ``/bg/index.php/novini/<slug>`` and
a module on every page the undated ``/bg/novini/<slug>`` (repey); a "Зареди още" counting
its pages from 0, ``data-page="0"`` under the first cards (kamshik); ``/`` only a choice
of "На български" or "In English", the English copies under ``/en/`` linked by every card's
flag and every article (lopen); the home page every article's canonical and ``og:url``
(glushina); list links carrying campaign tags and ``?ref=home``, articles naming
themselves by a relative or a scheme-relative canonical (paprat); articles at
``/novini/<id>-<slug>`` whose slug follows an edited headline, the old address answering
``301`` to the new (vratiga, edited between two crawls); a sitemap giving every page
one ``<lastmod>``, a day before any of them (kukuryak, crawled ``--since`` too); a home
page showing its paged news list in an ``<iframe>`` (zanovets); a "Вижте още новини"
going nowhere but to its ``data-href`` (rozmarin); a language switch "ENG" on every page
leading to the English service's ``/en/news`` (anason). Each must archive
exactly its articles with the true title, date and body, and a rerun right after must
cost at most three requests.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
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

ROUND23_SITES = {
    # /bg/index.php/novini/<slug> in the list, /bg/novini/<slug> in a module: one page
    "repey": ("Община Репей", "https://repey.bg"),
    # <button data-url="/novini/ajax" data-page="0">Зареди още</button> under page 1
    "kamshik": ("Община Камшик", "https://kamshik.bg"),
    # "/": <a href="/bg/">На български</a> | <a href="/en/">In English</a>
    "lopen": ("Община Лопен", "https://lopen.bg"),
    # <link rel="canonical" href="https://glushina.bg/"> on every article
    "glushina": ("Община Глушина", "https://glushina.bg"),
    # /novini/<slug>?utm_source=…, ?ref=home, ?fbclid=…; canonical /novini/<slug> or //…
    "paprat": ("Община Папрат", "https://paprat.bg"),
    # /novini/<id>-<slug>; its test edits a headline, the slug with it, between crawls
    "vratiga": ("Община Вратига", "https://vratiga.bg"),
    # sitemap.xml: <lastmod>2025-03-14T08:00:00+02:00</lastmod> on every page
    "kukuryak": ("Община Кукуряк", "https://kukuryak.bg"),
    # "/": <iframe src="/news_list.php">, its "Следваща »" news_list.php?str=2
    "zanovets": ("Община Зановец", "http://www.zanovets.bg"),
    # <a href="javascript:void(0)" data-href="/novini/poveche?str=2">Вижте още новини</a>
    "rozmarin": ("Община Розмарин", "https://rozmarin.bg"),
    # every page: <a href="/novini">БГ</a> | <a href="/en/news">ENG</a>
    "anason": ("Община Анасон", "https://anason.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND23_SITES))
def test_a_round23_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND23_SITES[site])


FIRST_CRAWLS = [
    # both routes of the newest three read, each page once, one row each
    FirstCrawl(
        "repey",
        once=("/bg/novini/3650-koleden-bazar", "/bg/index.php/novini/3650-koleden-bazar"),
        rows=8,
    ),
    # the page after page 0 is 1: the first cards are not asked for again
    FirstCrawl(
        "kamshik",
        once=("/novini/ajax?page=1", "/novini/ajax?page=2"),
        unasked=("/novini/ajax?page=0",),
        rows=8,
    ),
    # in through "На български"; no English page read
    FirstCrawl(
        "lopen",
        asked=("/", "/bg/"),
        once=("/bg/novini?page=3",),
        distinct_under={"/en/": 0},
        rows=8,
    ),
    FirstCrawl("glushina", distinct_under={"/novini/": 8}, rows=8),
    FirstCrawl("paprat", distinct_under={"/novini/": 8}, rows=8),
    FirstCrawl("vratiga", distinct_under={"/novini/": 8}, rows=8),
    FirstCrawl("kukuryak", once=("/sitemap.xml",), distinct_under={"/statii/": 8}, rows=8),
    # the frame is the listing, from its first page
    FirstCrawl("zanovets", once=("/news_list.php", "/news_list.php?str=2"), rows=8),
    FirstCrawl("rozmarin", once=("/novini/poveche?str=2", "/novini/poveche?str=3"), rows=8),
    # the English service's news never read
    FirstCrawl("anason", once=("/novini?page=3",), distinct_under={"/en/": 0}, rows=8),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round23_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND23_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("repey", "start_urls", equals=["/bg/index.php/novini"]),
    Proposes("kamshik", "start_urls", equals=["/novini"]),
    Proposes("lopen", "start_urls", equals=["/bg/novini"]),
    Proposes("glushina", "start_urls", equals=["/novini"]),
    Proposes("paprat", "start_urls", equals=["/novini"]),
    Proposes("vratiga", "start_urls", equals=["/novini"]),
    Proposes("kukuryak", "sitemaps", equals=["/sitemap.xml"]),
    Proposes("zanovets", "start_urls", equals=["/news_list.php"]),
    Proposes("rozmarin", "start_urls", equals=["/novini"]),
    Proposes("anason", "start_urls", equals=["/novini"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: e.site)
def test_add_site_proposes_a_round23_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND23_SITES[expected.site][1]))


def test_an_article_whose_headline_and_slug_were_edited_is_one_row_with_a_revision(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """vratiga writes the headline into the address. After the first crawl the newest
    headline is edited: the article moves to ``/novini/7204-<new slug>``, the old address
    answers 301 there, and the list links the new one. The next crawl meets it as a new
    link: it is the archived article, edited (a revision, the new address its URL and the
    old one still finding it), not a second row."""
    origin = ROUND23_SITES["vratiga"][1]
    with mirror_crawls(
        run_cli, db, tmp_path, "vratiga", *ROUND23_SITES["vratiga"], editable=True
    ) as crawls:
        crawls.crawl()
        old = "/novini/7204-bezplaten-preglet"
        new = "/novini/7204-bezplatni-pregledi-za-diabet-v-sabota"
        page = (crawls.root / f"{old[1:]}.html").read_text(encoding="utf-8")
        edited = page.replace(
            "Безплатни прегледи за диабет", "Безплатни прегледи за диабет в събота"
        )
        (crawls.root / f"{new[1:]}.html").write_text(edited, encoding="utf-8")
        (crawls.root / f"{old[1:]}.html").unlink()
        listing = (crawls.root / "novini.html").read_text(encoding="utf-8")
        (crawls.root / "novini.html").write_text(listing.replace(old, new), encoding="utf-8")
        settings = {"moved": {old: origin + new}}
        (crawls.root / "_mirror.json").write_text(json.dumps(settings), encoding="utf-8")
        asked = crawls.crawl()
    assert new in asked and old not in asked
    rows = article_rows(db)
    assert len(rows) == 8 and origin + old not in rows
    assert rows[origin + new][0] == "Безплатни прегледи за диабет в събота"
    with closing(sqlite3.connect(db)) as conn:
        (revisions,) = conn.execute("SELECT count(*) FROM revisions").fetchone()
        keys = dict(conn.execute("SELECT url_key, article_id FROM article_urls"))
    assert revisions == 1
    assert keys["vratiga.bg" + old] == keys["vratiga.bg" + new]


def test_a_sitemaps_one_lastmod_for_every_page_skips_none_of_them_under_since(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """kukuryak's sitemap gives its every page the day its plugin was set up, long before
    any of them: that date says nothing of a page, so ``--since`` does not skip them by
    it. Each page is read and judged by its own date: the five of 16 November or later
    are archived, the three older ones read and left, and no page is asked for twice."""
    with mirror_crawls(run_cli, db, tmp_path, "kukuryak", *ROUND23_SITES["kukuryak"]) as crawls:
        asked = crawls.crawl("--since", "2026-11-15")
    days = sorted(published for _, published, _, _ in article_rows(db).values())
    assert days == ["2026-11-16", "2026-11-19", "2026-11-22", "2026-11-25", "2026-11-28"]
    under = [path for path in asked if path.startswith("/statii/")]
    assert len(under) == len(set(under)) == 8
