"""A sixty-third round of site shapes, four whole small sites whose news a crawler must
find in a way no round had, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round60_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round63.py``): a mayoralty's list of two dated
news a page, paged ``?str=2`` to ``?str=5`` (dvoynitsa); a menu of icons named only by
``aria-label``, the news section "Медиен център" at ``/media-center/`` (ikonyane); cards
whose only link is the picture, the headline plain text (kartino); this year's news and
a line of years, "2026 | 2025 | 2024", linking ``/novini/2025/`` (godech). Each must
archive exactly its articles with the true title, date and body, and a rerun right after
must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND63_SITES = {
    # <div class="novina"> twice a page, "Страници: 1 2 3 4 5"
    "dvoynitsa": ("Кметство Двойница", "https://dvoynitsa.bg"),
    # <a href="/media-center/" aria-label="Медиен център"><i class="icon-megaphone"></i></a>
    "ikonyane": ("Община Иконяне", "https://ikonyane.bg"),
    # <a href="/novini/2650/"><img alt=""></a><h3>headline</h3>
    "kartino": ("Община Картино", "https://kartino.bg"),
    # "Архив: 2026 | 2025 | 2024", /novini/2025/
    "godech": ("Кметство Годеч", "https://godech-selo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND63_SITES))
def test_a_round63_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND63_SITES[site])
