"""A sixty-eighth round of site shapes, four whole small sites whose articles must be
told apart and together by address in a way no round had, crawled from the origin alone
(a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round65_mirrors`` does its four: one article one row, whatever address it was
reached by, and two articles never one.

The mirrors (``tests/fixtures/make_mirrors_round68.py``): a canonical written without
its leading slash, ``href="novini/1480-…"``, no ``<base>`` (bezcherta); a canonical and
``og:url`` naming the back end's ``http://portovo.bg:8080/…`` (portovo); one article at
``/novini/<id>-<slug>``, ``/novini/<id>`` and ``/index.php?id=<id>``, each linked, none
canonical (triadres); notices under one headline, WordPress's ``-2``, ``-3`` slugs, three
on one day (ednoimenno). Each must archive exactly its articles with the true title,
date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction.pipeline import extract

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND68_SITES = {
    # <link rel="canonical" href="novini/1480-nov-detski-kat"> on /novini/1480-nov-detski-kat
    "bezcherta": ("Община Безчерта", "https://bezcherta.bg"),
    # <link rel="canonical" href="http://portovo.bg:8080/novini/…/">, og:url the same
    "portovo": ("Община Портово", "https://portovo.bg"),
    # /novini/3310-slug (list), /novini/3310 ("Последни"), /index.php?id=3310 (RSS)
    "triadres": ("Община Триадрес", "https://triadres.bg"),
    # /planirano-prekasvane-na-vodopodavaneto/, …-2/, …-3/: three notices of one day
    "ednoimenno": ("Община Едноименно", "https://ednoimenno.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND68_SITES))
def test_a_round68_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND68_SITES[site])


_HEAD = "<html><head><title>Т</title>{}</head><body><h1>Нов детски кът</h1><p>{}</p></body></html>"
_TEXT = "Общината постави люлки, пързалка и пясъчник между блоковете в квартала."


@pytest.mark.parametrize(
    ("url", "head", "canonical"),
    [
        # bezcherta's: the path without its leading slash, meant from the root
        (
            "https://x.bg/novini/1480-kat",
            '<link rel="canonical" href="novini/1480-kat">',
            "https://x.bg/novini/1480-kat",
        ),
        # a CMS installed in a folder: what precedes the folders the href repeats
        (
            "https://x.bg/obshtina/novini/5",
            '<link rel="canonical" href="novini/5">',
            "https://x.bg/obshtina/novini/5",
        ),
        # a page's <base href> is what a browser reads it against
        (
            "https://x.bg/bg/novini/5",
            '<base href="https://x.bg/bg/"><link rel="canonical" href="novini/5">',
            "https://x.bg/bg/novini/5",
        ),
        # a plain relative one stays as written: the page's own folder
        (
            "https://x.bg/novini/5",
            '<link rel="canonical" href="5-kat">',
            "https://x.bg/novini/5-kat",
        ),
        (
            "https://x.bg/novini/5",
            '<link rel="canonical" href="/novini/5">',
            "https://x.bg/novini/5",
        ),
    ],
)
def test_a_canonical_written_without_its_leading_slash_names_the_page(
    url: str, head: str, canonical: str
) -> None:
    """bezcherta's theme prints ``href="novini/1480-…"``: read against the page, as
    written, it named ``/novini/novini/1480-…``, an address the site never served, and
    every article was archived there (nine of nine). The folders it repeats say it was
    written from the root."""
    assert extract(_HEAD.format(head, _TEXT), url).canonical_url == canonical
