"""A forty-second round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round41_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round42.py``): the only link to the news in a
mega-menu an Alpine.js theme keeps in a ``<template x-if>`` (planinitsa); a list ordered
"Най-четени" by default, "Най-нови" a tab, each paged (krushevo); "Покажи по: 3 | 6 | 12",
the same news on three lists of other pages (dabrava); category chips over one list,
every article on two lists (yasenovo). Each must archive every article with the true
title, date and body, and a rerun right after must cost at most three requests.
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

ROUND42_SITES = {
    # the only link to the news in a mega-menu kept in an Alpine.js <template x-if>
    "planinitsa": ("Община Планиница", "https://planinitsa.bg"),
    # a list ordered "Най-четени" by default, "Най-нови" a tab, each paged
    "krushevo": ("Община Крушево", "https://krushevo.bg"),
    # "Покажи по: 3 | 6 | 12", the same news on three lists of other pages
    "dabrava": ("Община Дъбрава", "https://www.dabrava.bg"),
    # category chips over one list, every article on two lists
    "yasenovo": ("Община Ясеново", "https://yasenovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND42_SITES))
def test_a_round42_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND42_SITES[site])


FIRST_CRAWLS = [
    # the list the template's "Новини" leads to, each page once; no other menu page
    FirstCrawl(
        "planinitsa",
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        unasked=("/kmet", "/obshtinski-savet", "/uslugi"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # the "Най-нови" order walked in place of the default "Най-четени", not both
    FirstCrawl(
        "krushevo",
        once=(
            "/novini",
            "/novini?podredba=nai-novi",
            "/novini?podredba=nai-novi&page=2",
            "/novini?podredba=nai-novi&page=3",
        ),
        unasked=("/novini?page=2", "/novini?page=3"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # the list of the default size walked; no other size's pages
    FirstCrawl(
        "dabrava",
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        unasked=("/novini?broi=6", "/novini?broi=12", "/novini?broi=6&page=2"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # the whole list walked; no chip's list
    FirstCrawl(
        "yasenovo",
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        unasked=("/novini?kategoriya=kultura", "/novini?kategoriya=kultura&page=2"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round42_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND42_SITES[site])
    expected.check(first, db)


NEW = "906-nova-parzalka"


def _new_article(root: Path) -> None:
    """A new article's page, dated after every other (a copy of the newest's)."""
    post_article(root, "novini", "905-*.html", NEW, "28.11.2026", "30.11.2026")


def _card(extra: str = "") -> str:
    return (
        f'<div class="novina"><h3><a href="/novini/{NEW}">Нова площадка</a></h3>'
        f'<span class="data">30.11.2026</span>{extra}<p>Ново.</p></div>\n'
    )


def _put_last(page: Path, card: str) -> None:
    text = page.read_text(encoding="utf-8")
    end = text.rindex("</div>") + len("</div>\n")
    page.write_text(text[:end] + card + text[end:], encoding="utf-8")


def test_a_new_article_with_no_reads_yet_is_archived_the_next_night(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """krushevo orders its list by reads: a new article, read by nobody yet, is first on
    the "Най-нови" tab and last on the default "Най-четени" order. The next run archives
    it and reads no more than a few pages (before: it read page 1 of "Най-четени", found
    it known and stopped, the new article never archived)."""
    name, origin = ROUND42_SITES["krushevo"]
    with mirror_crawls(run_cli, db, tmp_path, "krushevo", name, origin, editable=True) as crawls:
        crawls.crawl()
        assert len(crawls.crawl()) <= 3
        _new_article(crawls.root)
        card = _card(' <span class="prochiti">👁 0</span>')
        card_first(crawls.root / "novini@podredba=nai-novi.html", card, '<div class="novina">')
        _put_last(crawls.root / "novini@page=3.html", card)
        asked = crawls.crawl()
    assert asked.count(f"/novini/{NEW}") == 1 and len(asked) <= 5, asked
    assert len(article_rows(db)) == 9


@pytest.mark.parametrize("site", ["dabrava", "yasenovo"])
def test_a_new_article_atop_the_list_is_archived_the_next_night(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """dabrava's list of each page size and yasenovo's whole list and chip all show a new
    article first: the next run reads the default list alone and archives it."""
    name, origin = ROUND42_SITES[site]
    with mirror_crawls(run_cli, db, tmp_path, site, name, origin, editable=True) as crawls:
        crawls.crawl()
        _new_article(crawls.root)
        for page in crawls.root.glob("novini*.html"):
            if "page=" not in page.name:
                card_first(page, _card(), '<div class="novina">')
        asked = crawls.crawl()
    assert asked.count(f"/novini/{NEW}") == 1 and len(asked) <= 4, asked
    assert len(article_rows(db)) == 9
