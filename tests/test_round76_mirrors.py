"""A seventy-sixth round: one small site whose press-centre list shows four releases a
page over three numbered pages, nine in all, so its last page lists ONE release; crawled
from the origin alone (a profile of id, name and origin) through a real ``MirrorServer``,
as ``test_round73_mirrors`` does its four.

The mirror (``tests/fixtures/make_mirrors_round76.py``): ``/presscenter/``,
``?page=2``, ``?page=3``, a plain ``<ul>`` of a link and a date a card (edinichno). It
must archive all nine releases with the true title, date, author and body.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND76_SITES = {
    # /presscenter/ four a page, ?page=3 holding the ninth release alone
    "edinichno": ("Община Единично", "https://edinichno.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND76_SITES))
def test_a_round76_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND76_SITES[site])
