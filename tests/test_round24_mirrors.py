"""A twenty-fourth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round23_mirrors`` does its ten.

The mirrors (``tests/fixtures/make_mirrors_round24.py``) print what common CMSes and site
builders print in their DEFAULT themes: WordPress's block theme Twenty Twenty-Four (a
``wp-block-query`` front page paged ``/page/2/``, posts at ``/2026/11/28/<slug>/``, no
feed linked: bagra); Ghost's Casper (cards at the root, the next page only in the head's
``<link rel="next">``, tag and author pages beside: vres); Hugo (``/posts/page/2/`` by
arrows named only by ``aria-label``, an alias page refreshing ``/posts/page/1/`` to
``/posts/``, a root ``index.xml`` listing the static pages too: tamyan); Squarespace
(older posts at ``?offset=<milliseconds>``, the text in ``sqs-block`` divs: myata); a
Tilda-like zero block (every text an absolutely positioned ``tn-atom`` div, no ``<p>``,
no ``<h1>``: hmel); Joomla 4's Cassiopeia (``?start=3`` by an arrow named only by its
``aria-label``, ``<dd class="published"><time datetime>``: lyutiche). Each must archive
exactly its articles with the true title, date and body, and a rerun right after must
cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, Proposes, bare_crawl_twice, check_bare_crawl, proposed
from .support import Result

ROUND24_SITES = {
    # WordPress Twenty Twenty-Four: wp-block-query, /page/2/, wp-block-post-date
    "bagra": ("Община Багра", "https://bagra.bg"),
    # Ghost Casper: <link rel="next" href="/page/2/"> in the head only, /<slug>/ posts
    "vres": ("Община Врес", "https://vres.bg"),
    # Hugo: /posts/page/2/ by aria-label="Next", index.xml of every page
    "tamyan": ("Община Тамян", "https://tamyan.bg"),
    # Squarespace: /novini?offset=<milliseconds>, sqs-block html-block text
    "myata": ("Община Мята", "https://www.myata.bg"),
    # Tilda-like zero block: every text a positioned <div class="tn-atom">, no <p>
    "hmel": ("Община Хмел", "https://hmel.bg"),
    # Joomla 4 Cassiopeia: ?start=3 by an arrow named only by its aria-label
    "lyutiche": ("Община Лютиче", "https://lyutiche.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND24_SITES))
def test_a_round24_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND24_SITES[site])


FIRST_CRAWLS = [
    # the block theme's /page/2/ and /page/3/ walked, each once
    FirstCrawl("bagra", once=("/page/2/", "/page/3/"), distinct_under={"/2026/": 8}, rows=8),
    # the head's rel=next is the only way on; tag and author pages never read
    FirstCrawl(
        "vres",
        once=("/page/2/", "/page/3/"),
        unasked=("/tag/novini/", "/author/mariya/"),
        rows=8,
    ),
    # the feed lists every post; the alias /posts/page/1/ never asked
    FirstCrawl(
        "tamyan",
        once=("/index.xml",),
        unasked=("/posts/page/1/", "/kontakti/"),
        distinct_under={"/posts/": 11},
        rows=8,
    ),
    FirstCrawl(
        "myata",
        once=("/novini?offset=1795421700000", "/novini?offset=1794644100000"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # the list's headline boxes, each dated only by the box beside it
    FirstCrawl("hmel", once=("/novini",), distinct_under={"/novini/": 8}, rows=8),
    # the wordless arrow's ?start=3 and ?start=6, each once
    FirstCrawl(
        "lyutiche",
        once=("/novini?start=3", "/novini?start=6"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round24_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND24_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("bagra", "start_urls", equals=["/"]),
    Proposes("vres", "start_urls", equals=["/"]),
    Proposes("tamyan", "feeds", equals=["/index.xml"]),
    Proposes("tamyan", "start_urls", equals=["/posts/"]),
    Proposes("myata", "start_urls", equals=["/novini"]),
    Proposes("hmel", "start_urls", equals=["/novini"]),
    Proposes("lyutiche", "start_urls", equals=["/novini"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: f"{e.site}-{e.key}")
def test_add_site_proposes_a_round24_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND24_SITES[expected.site][1]))


def test_a_squarespace_offset_is_no_page_number_template(run_cli: Callable[..., Result]) -> None:
    """myata's older posts are at ``?offset=<milliseconds>``, a number holding one 2: no
    ``pagination`` template is proposed of it (``?offset=17954{page}1700000`` was)."""
    found = proposed(run_cli, "myata", ROUND24_SITES["myata"][1]).discovery
    assert "pagination" not in found, found
