"""A forty-seventh round of site shapes, municipalities whose articles or cards are
wrapped as their editors' tools wrap them, crawled from the origin alone (a profile of
id, name and origin) through a real ``MirrorServer``, as ``test_round46_mirrors`` does
its four.

The mirrors (``tests/fixtures/make_mirrors_round47.py``): Divi Builder posts whose text
is three Text modules around an image and below a sidebar of Text modules (bilkovo);
text pasted from Word with its settings island and style definitions (mushkato); cards
whose only way to the article is a GET form's hidden id (grozdovo); the text in the
first of three tabs beside a looping gallery and a document list (rozhkovo). Each must
archive exactly its articles with the true title, date, author and body, and a rerun
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
    card_first,
    check_bare_crawl,
    mirror_crawls,
    post_article,
)
from .support import Result

ROUND47_SITES = {
    # Divi Builder posts: three Text modules, a sidebar of Text modules between them
    "bilkovo": ("Община Билково", "https://bilkovo.bg"),
    # text pasted from Word: <xml><w:WordDocument> and its style definitions in the page
    "mushkato": ("Община Мушкато", "https://mushkato.bg"),
    # cards linking nothing: a GET form of a hidden id and "Прочети повече »"
    "grozdovo": ("Община Гроздово", "https://www.grozdovo.bg"),
    # the text in the first of three tabs, a looping Swiper gallery, a list of PDFs
    "rozhkovo": ("Община Рожково", "https://rozhkovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND47_SITES))
def test_a_round47_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND47_SITES[site])


FIRST_CRAWLS = [
    # every Blog module page once, each post once
    FirstCrawl(
        "bilkovo",
        once=("/novini/", "/novini/page/2/", "/novini/page/3/"),
        rows=8,
    ),
    # every list page once, each article once
    FirstCrawl(
        "mushkato",
        once=("/novini.php", "/novini.php?str=2", "/novini.php?str=3"),
        distinct_under={"/novina.php?id=": 8},
        rows=8,
    ),
    # each card's form opens its article once; the search form is never sent
    FirstCrawl(
        "grozdovo",
        once=("/novini.php", "/novini.php?str=2", "/novini.php?str=3"),
        unasked=("/tarsene.php",),
        distinct_under={"/novina.php?id=": 8},
        rows=8,
    ),
    # every list page once; no PDF nor gallery picture asked
    FirstCrawl(
        "rozhkovo",
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        unasked=("/uploads/dokumenti/zapoved-730.pdf",),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round47_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND47_SITES[site])
    expected.check(first, db)


def test_a_new_card_opened_only_by_its_form_is_archived_by_the_next_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """grozdovo's cards link nothing; a new one atop "Новини", its form sending
    ``id=242``, is archived by the next run at what the form asks for, once, dated by its
    page; the run reads the list's first page, not the search form's answer."""
    name, origin = ROUND47_SITES["grozdovo"]
    with mirror_crawls(run_cli, db, tmp_path, "grozdovo", name, origin, editable=True) as crawls:
        crawls.crawl()
        newest, new = "novina.php@id=241.html", "novina.php@id=242"
        post_article(crawls.root, ".", newest, new, "28.11.2026", "30.11.2026")
        card = (
            '<div class="novina"><h3>Ново</h3><span class="data">30.11.2026</span><p>Ново.</p>'
            '<form action="novina.php" method="get"><input type="hidden" name="id" value="242">'
            '<input type="submit" class="buton" value="Прочети повече »"></form></div>\n'
        )
        card_first(crawls.root / "novini.php.html", card, '<div class="novina">')
        asked = crawls.crawl()
    assert asked.count("/novina.php?id=242") == 1 and "/tarsene.php" not in asked, asked
    rows = article_rows(db)
    assert len(rows) == 9
    assert rows[f"{origin}/novina.php?id=242"][1] == "2026-11-30", rows[
        f"{origin}/novina.php?id=242"
    ]
