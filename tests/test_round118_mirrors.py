"""A hundred-and-eighteenth round of site shapes: a HOME PAGE WHOSE NEWS LIST HAS UNDATED
CARDS beside another section of news, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round117_mirrors`` does its
two.

The mirrors (``tests/fixtures/make_mirrors_round118.py``): a small municipality whose
home page is its list of news, six cards into ``/aktualno/`` each a picture, a headline
and a teaser with no date (the day printed on the article alone), beside the menu's
"Обяви", three dated notices of its own (bazovets): exploring found the notices'
section, the home page was read beside it only where its cards were dated, and the six
news were never asked; and a home page whose undated box of services (an icon, a name
and a line each, into ``/uslugi/``) and column of documents sit beside the menu's
"Новини" (tranishte), where the box stays no listing and a nightly run asks it nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND118_SITES = {
    "bazovets": ("Община Бъзовец", "https://www.bazovets.bg"),
    "tranishte": ("Община Трънище", "https://www.tranishte.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND118_SITES))
def test_a_round118_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND118_SITES[site])


def test_a_home_list_of_undated_news_cards_is_read_every_night_beside_the_notices(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """bazovets' home cards print no day, but each shows a picture and a teaser beside its
    headline and the first two open as dated articles: the home page is read as a
    listing beside "Обяви", its six news asked, and a nightly run reads both."""
    first, nightly = bare_crawl_twice(
        run_cli, db, tmp_path, "bazovets", *ROUND118_SITES["bazovets"]
    )
    assert len([p for p in first if p.startswith("/aktualno/")]) == 6, first
    assert sorted(nightly) == ["/", "/obyavi", "/robots.txt"], nightly


def test_a_home_box_of_undated_services_is_no_listing(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """tranishte's home box of services shows an icon and a line beside each name, as
    news cards show a picture and a teaser; its first page, opened once while
    exploring, prints no day: no listing, the other services never asked, and a
    nightly run asks the home page nothing."""
    first, nightly = bare_crawl_twice(
        run_cli, db, tmp_path, "tranishte", *ROUND118_SITES["tranishte"]
    )
    assert first.count("/") == 1, first
    assert len([p for p in first if p.startswith("/uslugi/")]) == 1, first
    assert sorted(nightly) == ["/novini", "/obyavi", "/robots.txt"], nightly
