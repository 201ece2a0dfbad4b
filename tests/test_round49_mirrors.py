"""A forty-ninth round of site shapes, four whole small sites, crawled from the origin
alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round48_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round49.py``): the news only in a weekly
bulletin's numbered, dated issues (erma); every page reloading itself, the articles back
to the front page after ten minutes (tsibritsa); one news page of every year, the
earlier years folded in ``<details>`` accordions (archar);
every list drawn twice, a table for wide screens and cards for phones, each with its own
pager (leshten). Each must archive exactly its articles with the true title, date and
body, and a rerun right after must cost at most three requests.
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
    post_article,
)
from .support import Result

ROUND49_SITES = {
    # the news only in a weekly bulletin's issues, "Брой 44 / 27-11-2026г."
    "erma": ("Община Ерма", "https://erma.bg"),
    # every page reloading itself, <meta http-equiv="refresh" content="300">, the
    # articles "600; url=https://tsibritsa.bg/"
    "tsibritsa": ("Община Цибрица", "https://tsibritsa.bg"),
    # one news page of every year, 2025's and 2024's folded in <details> accordions
    "archar": ("Община Арчар", "https://archar.bg"),
    # every list twice: a table for wide screens, cards for phones, two pagers
    "leshten": ("Община Лещен", "https://leshten.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND49_SITES))
def test_a_round49_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND49_SITES[site])


FIRST_CRAWLS = [
    # the newest issue at "Бюлетин", then each issue before it once, by its number; never
    # the newest again by its number (?broy=44), nor the sitemap or feeds it has not
    FirstCrawl(
        "erma",
        once=("/byuletin", "/byuletin?broy=43", "/byuletin?broy=42"),
        unasked=("/byuletin?broy=44",),
        distinct_under={"/aktualno/": 9},
        rows=9,
    ),
    # the front page once, though every article's refresh names it; the list's pages once
    FirstCrawl(
        "tsibritsa",
        once=("/", "/novini", "/novini?page=2", "/novini?page=3"),
        distinct_under={"/novini/": 9},
        rows=9,
    ),
    # the one news page once, every year's news read from it, folded or not
    FirstCrawl("archar", once=("/novini",), distinct_under={"/novini/": 9}, rows=9),
    # each list page once, though both pagers name it; each article once of four links
    FirstCrawl(
        "leshten",
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        distinct_under={"/novini/": 9},
        rows=9,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round49_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND49_SITES[site])
    expected.check(first, db)


def test_a_bulletins_new_issue_is_read_at_its_menu_address_and_its_news_archived(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """erma publishes issue 45: "Бюлетин" shows it, its news a new article and two of
    issue 44's. The next night reads the bulletin's page and archives the new article
    once; it walks no older issue, whose news are archived already."""
    name, origin = ROUND49_SITES["erma"]
    slug = "nov-park-4411"
    with mirror_crawls(run_cli, db, tmp_path, "erma", name, origin, editable=True) as crawls:
        crawls.crawl()
        post_article(crawls.root, "aktualno", "nov-detski-kat-*", slug, "27.11", "04.12")
        page = crawls.root / "byuletin.html"
        old, new = "Брой 44 / 27-11-2026г.", "Брой 45 / 04-12-2026г."
        text = page.read_text(encoding="utf-8").replace(old, new, 1)  # the issue's heading
        card = '<div class="tema">'
        item = f'{card}<h3><a href="/aktualno/{slug}">Нов парк</a></h3><p>Ново.</p></div>\n'
        text = text.replace(card, item + card, 1)
        was = f"<li><strong>{old}</strong></li>"
        now = f'<li><strong>{new}</strong></li><li><a href="/byuletin?broy=44">{old}</a></li>'
        text = text.replace(was, now, 1)
        page.write_text(text, encoding="utf-8")
        asked = crawls.crawl()
    assert asked.count(f"/aktualno/{slug}") == 1 and "/byuletin?broy=43" not in asked, asked
    assert len(article_rows(db)) == 10
