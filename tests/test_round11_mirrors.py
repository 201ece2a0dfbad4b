"""An eleventh round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round10_mirrors`` does its three.

The mirrors (``tests/fixtures/make_mirrors_round11.py``): a municipality whose listings
show only the newest few, older news reachable only through the plain-text sitemap
(``sitemap.txt``, one URL a line) its robots.txt names (kozarevo); a municipality whose
news page shows one day's news at a time, walked back by "« Предишен ден" (lozen-dol);
an IIS site linking its articles in two letter cases, one listed address a deleted
article's soft 404 titled only "Грешка" (sinyo-bardo).
Each must archive exactly its articles with the true title, date and body, and a rerun
right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND11_SITES = {
    # the newest four listed, the rest only in robots.txt's plain-text sitemap
    "kozarevo": ("Община Козарево", "https://kozarevo.bg"),
    # one day a page, "« Предишен ден" to the day before
    "lozen-dol": ("Община Лозен дол", "https://www.lozen-dol.bg"),
    # any letter case; a listed deleted article answers 200 "Страницата не е намерена"
    "sinyo-bardo": ("Община Синьо бърдо", "https://www.sinyobardo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND11_SITES))
def test_a_round11_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND11_SITES[site])
