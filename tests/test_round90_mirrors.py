"""A ninetieth round of site shapes, four regional media portals of the kind of the "24"
network (ruse24.bg and its sisters), crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round88_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round90.py``), each with a strip "Новини от
последните 24 часа" and a "Най-четени" box linking its articles under ``?ref=mostread``
on every page, its news only in rubrics: a rubric tree two levels deep (dunav24); paid
articles, a "Платена публикация" badge over the headline and the text closing on the
site's disclosure (yantra24); a block "Новини от мрежата" linking the sister sites'
articles, straight and through ``/go.php?url=…`` (svishtov24); a live blog growing
overnight, comments loaded from ``/comments.php?id=N`` and a video item's transcript in a
``<details>`` (lom24). Each must archive exactly its articles with the true title, date,
author and body. Before, the strip shared by every rubric's page read as one rubric
listing another's news, and all rubrics but the first were dropped (dunav24 4 of 9,
yantra24 5 of 9, svishtov24 6 of 8, lom24 6 of 8 the first night).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.cards import Card, card_blocks
from newsarchive.discover.urls import url_key
from newsarchive.extraction import extract

from .mirror_sites import (
    a_night_later,
    article_rows,
    assert_archived_whole_and_right,
    check_bare_crawl,
    mirror_crawls,
)
from .support import Result

ROUND90_SITES = {
    "dunav24": ("Дунав 24", "https://dunav24.bg"),
    "yantra24": ("Янтра 24", "https://yantra24.bg"),
    "svishtov24": ("Свищов 24", "https://svishtov24.bg"),
    "lom24": ("Лом 24", "https://lom24.bg"),
}
# the first crawl's requests (every rubric's pages once, each article once)
FIRST_CRAWL = {"dunav24": 20, "yantra24": 18, "svishtov24": 16, "lom24": 17}


@pytest.mark.parametrize("site", sorted(ROUND90_SITES))
def test_a_round90_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    first, nightly = check_bare_crawl(run_cli, db, tmp_path, site, *ROUND90_SITES[site])
    assert len(first) == FIRST_CRAWL[site], first
    assert len(first) == len(set(first)), first  # nothing asked twice
    # no "Най-четени" copy, no comments fragment, no sister's article through /go.php
    assert not [p for p in first + nightly if "ref=" in p or ".php" in p], first


def test_the_sister_sites_news_in_the_sites_own_cards_is_never_archived(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """svishtov24's "Новини от мрежата": the sister sites' headlines and dates in the very
    card markup of its own, two straight to the sister's host, two through its own
    ``/go.php?url=…`` (a 302 there): neither asked nor archived."""
    check_bare_crawl(run_cli, db, tmp_path, "svishtov24", *ROUND90_SITES["svishtov24"])
    assert all(url.startswith("https://svishtov24.bg/novini/") for url in article_rows(db))


def _revisions(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return [str(t) for (t,) in conn.execute("SELECT text FROM revisions")]


LIVE = (
    "https://lom24.bg/novini/region/"
    "Na-Zhivo-Koledniyat-Bazar-Na-Pristanishteto-Minuta-Po-Minuta-5517299"
)


def test_a_live_blog_grown_overnight_is_one_article_a_recheck_brings_up_to_date(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """lom24's "На живо": three entries the first night, nine the next, its card as it
    was. The nightly run reads the list and the one new article, not the live blog (an
    edit of the text alone, README "Silent edits are kept"); ``--recheck`` reads it: one
    row, nine entries, the three-entry text its revision. Comments never asked."""
    with mirror_crawls(run_cli, db, tmp_path, "lom24", *ROUND90_SITES["lom24"]) as crawls:
        crawls.crawl()
        three = article_rows(db)[LIVE][3]
        assert three.count("\n") == 3, three  # the lead and three entries
        a_night_later(db)
        crawls.server.next_night()
        night = crawls.crawl()
        assert night == [
            "/robots.txt",
            "/novini/lom/",
            "/novini/lom/Nov-Detski-Kat-V-Kvartal-Izgrev-5517300",
            "/novini/lom/?page=2",
            "/novini/region/",
        ], night
        assert article_rows(db)[LIVE][3] == three and _revisions(db) == []
        a_night_later(db)
        again = crawls.crawl("--recheck", "100000")
        assert again.count(LIVE.removeprefix("https://lom24.bg")) == 1, again
        assert "lom24: 0 new, 1 updated" in crawls.stdout, crawls.stdout
        assert_archived_whole_and_right(db, "lom24", night=2)
        assert len(article_rows(db)) == 9 and _revisions(db) == [three]
        assert not [p for p in crawls.server.requests if "comments.php" in p]


STRIP = ["/novini/a/Parvo-1", "/novini/b/Vtoro-2"]
LISTED = ["/novini/a/Parvo-1", "/novini/a/Treto-3", "/novini/a/Chetvarto-4"]


def _key(href: str) -> str:
    return url_key(f"https://p.bg{href}")


def test_a_cards_block_is_every_card_under_its_nearest_ancestor_holding_another() -> None:
    """A strip's links (``<ul>`` of ``<li><a>``) are one block, a list's cards (each its
    own ``<div>`` in the list's) another; an article in both keeps the first seen."""
    strip = "".join(f'<li><a href="{h}">Заглавие</a></li>' for h in STRIP)
    cards = "".join(f'<div class="item"><a href="{h}">Заглавие</a> 28.11</div>' for h in LISTED)
    tree = LexborHTMLParser(f"<div><ul>{strip}</ul></div><div>{cards}</div>")
    found = [
        Card(a, f"https://p.bg{a.attributes['href']}", n, ("Заглавие",), 1)
        for n, a in enumerate(tree.css("a"))
    ]
    blocks = card_blocks(found, url_key)
    assert blocks[_key(STRIP[1])] == blocks[_key(STRIP[0])] == {_key(h) for h in STRIP}
    assert blocks[_key(LISTED[2])] == {_key(h) for h in LISTED}
    alone = card_blocks(found[:1], url_key)  # no other card: a block of its own
    assert alone == {_key(STRIP[0]): frozenset({_key(STRIP[0])})}


PAID = (
    '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Нов магазин - Янтра 24'
    '</title></head><body><nav><ul><li><a href="/">Начало</a></li></ul></nav><main><article>'
    '<span class="label-promo">Платена публикация</span><h1 class="zaglavie">Нов магазин отваря'
    ' врати в промишлената зона</h1><div class="published-time">10:05 / 27.11.2026</div>'
    '<div class="article-text"><p>Верига магазини открива нов обект в града край гарата.</p>'
    "<p>През първата седмица клиентите ще получат отстъпка от десет процента.</p>"
    "{}</div></article></main></body></html>"
)


@pytest.mark.parametrize(
    "disclosure",
    [
        "<p><em>Промоционален материал.</em></p>",
        "<p>Материалът е платена публикация.</p>",
        # Boxes whose class names furniture ("disclaimer", "promo…", "sponsored"), an
        # article's <footer>, and the bare words an ad slot also prints as its label:
        # before, each went with the furniture and the paid article lost its mark.
        '<p class="disclaimer"><em>Промоционален материал.</em></p>',
        '<div class="promo-note">Рекламна публикация</div>',
        '<p class="sponsored">Платена публикация</p>',
        '<div class="advertorial">Paid content</div>',
        '<footer class="sponsored-footer">Sponsored</footer>',
        "<div>Рекламен материал</div>",
    ],
)
def test_a_paid_articles_disclosure_closing_its_text_stays_its_text(disclosure: str) -> None:
    """A paid article is archived as any (what the site published), its badge "Платена
    публикация" over the headline no part of the title; its disclosure closing the text
    stays text, what tells the archive's reader (and a search) that it was paid for."""
    got = extract(PAID.format(disclosure), "https://yantra24.bg/novini/x/Nov-1", today=None)
    assert got.title == "Нов магазин отваря врати в промишлената зона"
    assert got.text.splitlines()[-1] == LexborHTMLParser(disclosure).text().strip()


def test_a_sponsored_label_over_the_headline_is_neither_title_nor_text() -> None:
    """A "Sponsored" label boxed over the headline stays out of the title, and a
    disclosure opening the text's box is its first line: the mark of a paid article."""
    page = PAID.replace(
        '<span class="label-promo">Платена публикация</span>',
        '<div class="sponsored-label">Спонсорирано съдържание</div>',
    ).replace(
        '<div class="article-text">',
        '<div class="article-text"><p class="sponsored">Платена публикация</p>',
    )
    got = extract(page.format(""), "https://yantra24.bg/novini/x/Nov-1", today=None)
    assert got.title == "Нов магазин отваря врати в промишлената зона"
    assert got.text.splitlines() == [
        "Платена публикация",
        "Верига магазини открива нов обект в града край гарата.",
        "През първата седмица клиентите ще получат отстъпка от десет процента.",
    ]


@pytest.mark.parametrize(
    "box",
    [
        # an ad slot: its label over the banner, inside the slot or a box of its own
        '<div class="ad-slot"><span class="ad-label">Sponsored</span>'
        '<a href="/go/1"><img src="/b.jpg" alt=""></a></div>',
        '<div class="ad-label">Реклама</div><div class="banner"><img src="/b.jpg" alt=""></div>',
        '<p class="ad-label">Sponsored</p><div class="banner"><img src="/b.jpg" alt=""></div>',
        # a promo box of other articles, under a disclosure's words
        '<div class="promo-box"><h3>Промоционален материал</h3><ul>'
        '<li><a href="/novini/a">Отстъпки в мола през уикенда</a></li>'
        '<li><a href="/novini/b">Нов ресторант на брега на реката</a></li></ul></div>',
        # a disclaimer that is no disclosure
        '<p class="disclaimer">Мненията в материала са на автора.</p>',
    ],
)
def test_an_ad_slot_or_a_promo_box_closing_the_text_stays_out(box: str) -> None:
    """Only a paid article's own disclosure is kept: an ad's label, a promo box of other
    articles and another disclaimer still go with the furniture."""
    got = extract(PAID.format(box), "https://yantra24.bg/novini/x/Nov-1", today=None)
    assert got.text.splitlines()[-1] == (
        "През първата седмица клиентите ще получат отстъпка от десет процента."
    )
