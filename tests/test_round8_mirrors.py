"""An eighth round of site shapes, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round7_mirrors`` does its six.

The mirrors (``tests/fixtures/make_mirrors_round8.py``): a regional administration on a
SharePoint template whose news list is a bare table of dates and links, dated with Roman
numerals set apart by spaces ("28 XI 2026 г."), articles at ``Novina.aspx?ID=N``
(kamenets); a library whose server answers on four spellings of its host and redirects
three, whose pages mix them and whose robots.txt names its sitemap on the bare ``http://``
one, dated with abbreviated months ("пет, 28 ное. 2026") (zelenika). Each must archive
exactly its articles with the true title, date and body, and a rerun right after must
cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import bare_profile, check_bare_crawl, crawl_twice
from .support import SITES, Result

ROUND8_SITES = {
    # SharePoint: a table of "28 XI 2026 г." cells and links, Novini.aspx?Page=N, ?ID=N
    "kamenets": ("Областна администрация Каменец", "https://kamenets.government.bg"),
    # four spellings of the host, three of them 301; the sitemap on the bare http one
    "zelenika": (
        "Регионална библиотека „Христо Смирненски“ – Зеленика",
        "https://www.biblioteka-zelenika.bg",
    ),
}


def _crawl_twice(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> tuple[list[str], list[str]]:
    """The requests of a first crawl and of the no-op rerun after it."""
    profile = bare_profile(tmp_path, site, *ROUND8_SITES[site])
    return crawl_twice(run_cli, db, profile, site, SITES / site)


@pytest.mark.parametrize("site", sorted(ROUND8_SITES))
def test_a_round8_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND8_SITES[site])


def test_sources_found_on_a_moved_host_are_read_where_it_moved(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """zelenika: robots.txt names the sitemap on ``http://`` and the bare host, the menu
    links the news there too, and the server sends both to ``https://www.``; the rerun
    asks the new place at once: no redirect, no robots.txt of the old host."""
    _, nightly = _crawl_twice(run_cli, db, tmp_path, "zelenika")
    assert nightly == ["/robots.txt", "/sitemap.xml", "/novini/"]
