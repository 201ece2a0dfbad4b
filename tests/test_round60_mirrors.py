"""A sixtieth round of site shapes, four whole small sites whose news a crawler must
find in a way no round had, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round56_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round60.py``): a news section the menu calls
"Медиен център", at a path of no news word, the home page showing none (zlatolist); a
pager of two arrows, "›" and "»", over pages named by opaque tokens, ``?p=a9f3``
(srebrilo); a table of news whose column heads sort it, ``?sort=date&dir=asc``, the pager
keeping the sort (dabovo); a "Прес-център" spelt with a hyphen over ``index.php?page=14``
(kremikovo). Each must archive exactly its articles with the true title, date and body,
and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND60_SITES = {
    # the menu's "Медиен център" at /mediyna-zona/, the home page a welcome only
    "zlatolist": ("Община Златолист", "https://zlatolist.bg"),
    # <a href="?p=a9f3" title="следваща страница">›</a>, "»" the last page
    "srebrilo": ("Община Сребрило", "https://srebrilo.bg"),
    # <th><a href="?sort=date&dir=asc">Дата</a></th>, pager ?sort=date&dir=desc&str=2
    "dabovo": ("Община Дъбово", "https://dabovo.bg"),
    # the menu's "Прес-център" at index.php?page=14
    "kremikovo": ("Община Кремиково", "https://kremikovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND60_SITES))
def test_a_round60_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND60_SITES[site])
