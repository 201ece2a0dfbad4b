"""A fifty-first round of site shapes, four whole small sites, crawled from the origin
alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round49_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round51.py``): a regional paper's news widget
in an ``<iframe>`` of the paper's own host beside the municipality's news (osam); a
board of notices whose rows mostly link files (``.pdf``, ``.doc``, ``.docx``,
``.xlsx``), some an HTML notice (veleka); a pager whose every link is
``rel="nofollow"`` and whose later pages say ``noindex, follow`` (zheravna); every link
naming an article by its number, answered ``302`` to the address with its headline
(ropotamo). Each must archive exactly its articles with the true title, date and body,
and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, bare_crawl_twice, check_bare_crawl, site_json
from .support import Result

ROUND51_SITES = {
    # a regional paper's widget, <iframe src="https://www.osamski-vesti.bg/widget/…">,
    # on the home page and beside "Новини"
    "osam": ("Община Осъм", "https://osam.bg"),
    # "Обяви и съобщения": a table of rows linking .pdf/.doc/.docx/.xlsx files and
    # HTML notices, the notices the articles
    "veleka": ("Кметство Велека", "https://veleka.bg"),
    # every pager link rel="nofollow", pages 2 and 3 <meta name="robots"
    # content="noindex, follow">
    "zheravna": ("Община Жеравна", "https://zheravna.bg"),
    # every link /novini/<id>, answered 302 to /novini/<id>-<slug>, the canonical
    "ropotamo": ("Община Ропотамо", "https://ropotamo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND51_SITES))
def test_a_round51_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND51_SITES[site])


VE_FILES = ("/files/zapoved-212.pdf", "/files/targ-pasishta-2026.doc")

FIRST_CRAWLS = [
    # the list's pages once each; the paper's widget is no page of the site's
    FirstCrawl(
        "osam",
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        unasked=("/widget/obshtina-osam",),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # the board's pages once each, each notice once, never a file
    FirstCrawl(
        "veleka",
        once=("/obyavi", "/obyavi?str=2", "/obyavi?str=3"),
        distinct_under={"/obyavi/": 9, "/files/": 0},
        rows=9,
    ),
    # the pages a nofollow pager leads to, once each
    FirstCrawl(
        "zheravna",
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        distinct_under={"/novini/": 9},
        rows=9,
    ),
    # each article's number once and its headline address once, whatever links it
    FirstCrawl("ropotamo", once=("/novini", "/novini?page=2", "/novini?page=3"), rows=9),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round51_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND51_SITES[site])
    expected.check(first, db)


def test_a_router_answering_an_articles_number_302_is_asked_each_address_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ropotamo links every article as ``/novini/<id>`` and its server sends it on to
    ``/novini/<id>-<slug>``: the crawl asks each number once (the home page and the list
    link the newest three twice) and each headline address once."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, "ropotamo", *ROUND51_SITES["ropotamo"])
    for row in site_json("ropotamo", "expected.json"):
        served = row["url"].removeprefix("https://ropotamo.bg")
        number = served.split("-", 1)[0]
        assert first.count(number) == 1, (number, first)
        assert first.count(served) == 1, (served, first)
