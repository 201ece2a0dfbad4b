"""A hundred-and-fourteenth round of site shapes: TOURISM PORTALS, crawled from the origin
alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round113_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round114.py``): a municipal tourist
information centre on WordPress whose sights and routes are custom post types beside its
news posts, with English copies linked by ``hreflang`` (ticbelovir); a nature park
directorate on Joomla 3 whose "Новини" and "Маршрути" share one blog layout
(ppsinyaskala); a ski resort's own PHP portal of ``index.php?page=<p>&lang=bg`` with every
page, the news too, copied in English and Russian (byalvrah); a regional tourism
association on a website builder whose home page's one card grid promotes sights,
festivals to come and news alike (orloviskali). Each must archive exactly its dated news,
no sight's, route's, hotel's or festival's page however long, and no translation, with
the true title, date, author and body, once each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import article_rows, bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND114_SITES = {
    "ticbelovir": ("Посетете Беловир", "https://visitbelovir.bg"),
    "ppsinyaskala": ("Природен парк „Синя скала“", "https://www.pp-sinyaskala.bg"),
    "byalvrah": ("Курорт Бял връх", "https://www.byalvrah-resort.bg"),
    "orloviskali": ("Туристическо сдружение „Орлови скали“", "https://www.orlovi-skali.bg"),
}

_PARAMS = sorted(ROUND114_SITES)


@pytest.mark.parametrize("site", _PARAMS)
def test_a_round114_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND114_SITES[site])


@pytest.mark.parametrize("site", _PARAMS)
def test_a_round114_crawl_archives_no_sight_route_event_or_translation(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """A sight's, a route's, a hotel's or a festival-to-come's page, however long, is
    never archived, nor a copy in English, Russian or Romanian; no page is asked twice."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND114_SITES[site])
    words = ("zabelezhitelnost", "marshrut", "sabitiya", "kalendar", "page=sight",
             "page=hotel", "lang=en", "lang=ru", "/en/", "/ru/", "/ro/")  # fmt: skip
    assert not [url for url in article_rows(db) if any(w in url for w in words)]
    asked = [p for p in first if p != "/robots.txt"]
    assert len(asked) == len(set(asked)), first
