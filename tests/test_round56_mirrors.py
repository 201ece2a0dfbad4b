"""A fifty-sixth round of site shapes, four whole small sites whose news a crawler must
find in a way no round had, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round55_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round56.py``): the newest three and, for the
rest, only an "RSS" link written ``feed://lozitsa.bg/rss.php`` (lozitsa); a news page
embedding its list as ``<object type="text/html" data="novini_spisak.php">`` (brezovets);
a pager of submit buttons carrying the page, ``name="str" value="3"`` (izvorche); cards
whose articles are reached only through each card's GET form of a hidden ``id``
(kupena). Each must archive exactly its articles with the true title, date and body,
and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND56_SITES = {
    # the newest three, the rest only in a feed linked feed://lozitsa.bg/rss.php
    "lozitsa": ("Община Лозица", "http://lozitsa.bg"),
    # <object type="text/html" data="novini_spisak.php">, the list paged ?str=2 inside
    "brezovets": ("Община Брезовец", "https://brezovets.bg"),
    # <form method="get"><button type="submit" name="str" value="3">По-стари »</button>
    "izvorche": ("Община Изворче", "https://izvorche.bg"),
    # each card's <form action="/statia.php"> of a hidden id and "Прочети още »"
    "kupena": ("Община Купена", "https://kupena.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND56_SITES))
def test_a_round56_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND56_SITES[site])
