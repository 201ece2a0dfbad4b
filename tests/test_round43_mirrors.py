"""A forty-third round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round41_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round43.py``) are article pages whose parts
stand where no earlier round put them: the day as a calendar leaf of three spans with
no space between them, "28", "ное", "2026" (kupina); the headline an ``<h2>`` in the
article's ``<header>`` below an ``<h1>`` naming the section, the ``<title>`` the
section's too (klen); the text's paragraphs between inline banners, a "Прочетете още:"
link in its middle, share bars, "Виж още", comments and a cookie notice around it
(chemerika); the author named after the text, "Текст и снимки: Мария Петрова"
(vetrushka). Each must archive every article with the true title, date, author and
text, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND43_SITES = {
    # the day as a calendar leaf: <span class="day">28</span><span class="month">ное</span>…
    "kupina": ("Община Купина", "https://kupina.bg"),
    # an <h1> naming the section, the headline an <h2> in the article's <header>
    "klen": ("Община Клен", "https://www.klen.bg"),
    # the text between inline banners, "Прочетете още:" in its middle
    "chemerika": ("Чемерика Днес", "https://chemerika-news.bg"),
    # "Текст и снимки: Мария Петрова" after the text
    "vetrushka": ("Община Ветрушка", "https://vetrushka.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND43_SITES))
def test_a_round43_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND43_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND43_SITES))
def test_a_round43_articles_date_is_read_from_its_own_page(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """Each article is dated by what its own page prints (kupina's leaf of three spans
    too), ``date_source`` "text": not by the list's card beside its link."""
    bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND43_SITES[site])
    with closing(sqlite3.connect(db)) as conn:
        sources = {s for (s,) in conn.execute("SELECT date_source FROM articles")}
    assert sources == {"text"}, sources


# every site: the list's three pages, each once, and each of its eight articles once
FIRST_CRAWLS = [
    FirstCrawl(
        site,
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        distinct_under={"/novini/": 8},
        rows=8,
    )
    for site in sorted(ROUND43_SITES)
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round43_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND43_SITES[site])
    expected.check(first, db)
