"""A hundred-and-nineteenth round of site shapes: a HOME PAGE WHOSE NEWS LIST IS BARE
HEADLINES beside another section of news and a feed of the newest ten, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round118_mirrors`` does its two.

The mirrors (``tests/fixtures/make_mirrors_round119.py``): a small municipality whose
home page is its list of news, twelve bare headline links (no day, teaser or picture)
into ``/novina.php?id=N``, beside the menu's "Обяви" and a feed carrying the newest ten
(dabovnik): the two oldest were in no list and never asked; and its twin whose home box
of six bare headlines repeats the news its "Новини" lists under the CMS's other
addresses (``/statia.php?id=N``), beside a feed of the section's (kamenyak), where the
box stays no listing and none of its pages is asked.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND119_SITES = {
    "dabovnik": ("Община Дъбовник", "https://www.dabovnik.bg"),
    "kamenyak": ("Община Каменяк", "https://www.kamenyak.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND119_SITES))
def test_a_round119_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND119_SITES[site])


def test_a_home_list_of_bare_headlines_the_feed_carries_is_walked_once_and_rested(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """dabovnik's home headlines show nothing but a link, but the feed carries ten of the
    twelve under the same addresses: the home page is walked as a listing on the first
    crawl (the two oldest asked), then rested; a nightly run reads the feed and "Обяви"."""
    first, nightly = bare_crawl_twice(
        run_cli, db, tmp_path, "dabovnik", *ROUND119_SITES["dabovnik"]
    )
    assert len([p for p in first if p.startswith("/novina.php")]) == 12, first
    assert sorted(nightly) == ["/obyavi", "/robots.txt", "/rss.xml"], nightly


def test_a_home_box_repeating_a_sections_news_under_other_addresses_is_no_listing(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """kamenyak's home box of bare headlines leads to ``/statia.php?id=N``, the news its
    "Новини" lists at ``/novini/``; the feed carries the section's addresses, none of the
    box's: no listing, none of its pages asked, and a nightly run asks the home page
    nothing."""
    first, nightly = bare_crawl_twice(
        run_cli, db, tmp_path, "kamenyak", *ROUND119_SITES["kamenyak"]
    )
    assert first.count("/") == 1, first
    assert not [p for p in first if p.startswith("/statia.php")], first
    assert "/" not in nightly, nightly
    assert len(nightly) <= 3, nightly
