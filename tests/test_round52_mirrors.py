"""A fifty-second round of site shapes, four whole small sites, crawled from the origin
alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round51_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round52.py``): Joomla 3 whose category blog
and whose articles cut by Page Break are both paged by ``?start=`` (bukovo); a server
answering every address it has no page for ``200`` with its whole template, "Страницата
не е намерена" beside "Последни новини", a deleted article's too (kamenitsa); WordPress
copied from staging, its older posts' canonical, ``og:url`` and shortlink on
``staging.sredogriv.bg`` (sredogriv); older news only through an archive form of a
year's and a month's drop-down (drenchevo). Each must archive exactly its articles with
the true title, date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, bare_crawl_twice, check_bare_crawl, site_json
from .support import Result

ROUND52_SITES = {
    # Joomla 3: the blog paged ?start=3, three articles cut by Page Break into
    # ?start=1, ?start=2 with an article index, a page counter and ?showall=1
    "bukovo": ("Община Буково", "https://bukovo.bg"),
    # every unknown address a 200 of the whole template, "Страницата не е намерена"
    "kamenitsa": ("Община Каменица", "https://kamenitsa.bg"),
    # the five older posts' canonical, og:url and shortlink on staging.sredogriv.bg
    "sredogriv": ("Община Средогрив", "https://sredogriv.bg"),
    # the newest three and no pager; older news only through a GET form of a year's and
    # a month's drop-down, novini.php?godina=2026&mesec=11
    "drenchevo": ("Община Дренчево", "https://drenchevo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND52_SITES))
def test_a_round52_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND52_SITES[site])


BU_SPLIT = (
    "/novini/905-remont-na-ulitsite",
    "/novini/902-proverka-na-hidrantite",
    "/novini/899-shkolna-olimpiada",
)

FIRST_CRAWLS = [
    # the blog's pages once each; each split article's pages once, never ?showall=1
    FirstCrawl(
        "bukovo",
        once=(
            "/novini",
            "/novini?start=3",
            "/novini?start=6",
            *(f"{a}?start={k}" for a in BU_SPLIT for k in (1, 2)),
        ),
        unasked=tuple(f"{a}?showall=1" for a in BU_SPLIT),
        distinct_under={"/novini/": 14},
        rows=8,
    ),
    # the deleted article asked once, archived never
    FirstCrawl(
        "kamenitsa",
        once=("/novini", "/novini?page=2", "/novini?page=3", "/novini/3116-obyava-za-kmetstvata"),
        rows=8,
    ),
    # the list's pages once each, each post once
    FirstCrawl(
        "sredogriv",
        once=("/novini/", "/novini/page/2/", "/novini/page/3/"),
        distinct_under={"/novini/": 12},
        rows=9,
    ),
    # the form's month, then the months before by the address, written as the form's
    # options print them (``9``, never a guessed ``09``); the search never sent
    FirstCrawl(
        "drenchevo",
        once=(
            "/novini.php",
            "/novini.php?godina=2026&mesec=11",
            "/novini.php?godina=2026&mesec=10",
            "/novini.php?godina=2026&mesec=9",
        ),
        unasked=("/novini.php?godina=2026&mesec=09",),
        distinct_under={"/novina.php": 9, "/tarsene.php": 0},
        rows=9,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round52_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND52_SITES[site])
    expected.check(first, db)


def test_a_staging_host_named_canonical_is_never_asked(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """sredogriv's older posts name ``https://staging.sredogriv.bg/…`` as their canonical,
    ``og:url`` and shortlink: each is archived at the address it is served at (the round's
    test of its rows), and neither a shortlink (``/?p=``) nor an oEmbed address is asked."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, "sredogriv", *ROUND52_SITES["sredogriv"])
    assert not [path for path in first if path.startswith(("/?p=", "/wp-json/"))], first
    assert len(site_json("sredogriv", "expected.json")) == 9
