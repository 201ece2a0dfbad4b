"""A hundred-and-seventeenth round of site shapes: a HOME PAGE THAT IS THE NEWS LIST beside
another section of news, crawled from the origin alone (a profile of id, name and origin)
through a real ``MirrorServer``, as ``test_round116_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round117.py``): a small municipality whose
home page is its list of news, seven dated cards into ``/vesti/`` (no pager, no menu
entry naming them), beside the menu's "Съобщения", three notices of its own (slivovik):
exploring found the notices' section, the home page was read as a listing only where no
section was found, and the seven news were never asked; and its twin whose home box
repeats the newest three of the menu's own "Новини" beside its "Обяви" (gloginovo),
where the home page stays no listing and a nightly run asks it nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND117_SITES = {
    "slivovik": ("Община Сливовик", "https://www.slivovik.bg"),
    "gloginovo": ("Община Глогиново", "https://www.gloginovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND117_SITES))
def test_a_round117_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND117_SITES[site])


def test_a_home_page_that_is_the_news_list_is_read_every_night_beside_the_notices(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """slivovik's home page lists its news in /vesti/, which no section lists: it is read
    as a listing beside "Съобщения", its news asked, and a nightly run reads both."""
    first, nightly = bare_crawl_twice(
        run_cli, db, tmp_path, "slivovik", *ROUND117_SITES["slivovik"]
    )
    assert [p for p in first if p.startswith("/vesti/")], first
    assert sorted(nightly) == ["/", "/robots.txt", "/saobshteniya"], nightly


def test_a_home_box_of_the_news_sections_newest_three_is_no_listing(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """gloginovo's home page shows the newest three "Новини" lists: no listing of its own,
    asked once while exploring and never on a nightly run."""
    first, nightly = bare_crawl_twice(
        run_cli, db, tmp_path, "gloginovo", *ROUND117_SITES["gloginovo"]
    )
    assert first.count("/") == 1, first
    assert sorted(nightly) == ["/novini", "/obyavi", "/robots.txt"], nightly
