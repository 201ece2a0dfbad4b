"""A hundred-and-sixth round of site shapes, four public institutions on the shared
platforms and templates the state's bodies publish on, crawled from the origin alone (a
profile of id, name and origin) through a real ``MirrorServer``, as
``test_round97_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round106.py``): a ministry on a unified
government platform, "Новини" and "Съобщения" at ``/bg/prescentar/…/<id>-<slug>`` paged
``?page=2`` beside "Обществени поръчки" files and English copies under ``/en``
(minplanini); a labour office's old ASP template in windows-1251, ``news.asp?id=`` and the
marquee's ``News.asp?ID=`` beside dated vacancies (bturavnets); a district court whose
every page is ``/bg/<id>``, news, press releases with PDFs, announcements and case lists
(rsbeloreche); a state enterprise's press releases dated only in the list and in
``/press/2026/11/29/<slug>`` (dprechni). Each must archive exactly its articles with the
true title, date, author and body, and nothing else.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.listings import news_items
from newsarchive.discover.next_pages import find_next_link
from newsarchive.models import Profile

from .mirror_sites import (
    assert_archived_whole_and_right,
    bare_profile,
    check_bare_crawl,
    crawl_twice,
)
from .support import SITES, Result

ROUND106_SITES = {
    "minplanini": ("Министерство на планинските райони", "https://www.mpr.government.bg"),
    "bturavnets": ("Дирекция „Бюро по труда“ – Равнец", "https://www.dbt-ravnets.bg"),
    "rsbeloreche": ("Районен съд – Белоречие", "https://rs-beloreche.justice.bg"),
    "dprechni": ("ДП „Речни пристанища“", "https://www.dp-rechni.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND106_SITES))
def test_a_round106_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND106_SITES[site])


BT = "https://www.dbt-ravnets.bg"


@pytest.mark.parametrize(
    ("page", "wanted"),
    [(1, f"{BT}/news.asp?pg=2"), (2, f"{BT}/news.asp?pg=3"), (3, None)],
)
def test_an_old_templates_bracketed_page_numbers_are_its_pager(
    page: int, wanted: str | None
) -> None:
    """bturavnets: an ASP template's "Страница: [1] <b>[2]</b> [3]", each number in
    brackets; the link to page N+1 read "[2]", never the bare "2" the pager rule looked
    for, so the walk stopped at the list's first page (before: 4 of 9 archived)."""
    rel = "news.asp.html" if page == 1 else f"news.asp@pg={page}.html"
    html = (SITES / "bturavnets" / rel).read_text(encoding="windows-1251")
    url = f"{BT}/news.asp" if page == 1 else f"{BT}/news.asp?pg={page}"
    profile = Profile(id="b", name="Бюро по труда", origin=BT)
    assert find_next_link(html, url, profile, page) == wanted


def test_a_bracket_round_a_word_or_a_day_is_no_page_number() -> None:
    html = (
        '<p>Страница: <b>[1]</b> <a href="/x?pg=9">[2a]</a> <a href="/y">2</a>'
        ' <a href="/z">3</a></p>'
    )
    assert find_next_link(html, f"{BT}/x", Profile(id="b", name="b", origin=BT), 1) == f"{BT}/y"


_REFRESH = '<html><head><meta http-equiv="refresh" content="{}"></head><body></body></html>'


@pytest.mark.parametrize(
    "refreshes",
    [
        {"index.html": "0;URL=default.asp"},  # IIS's "/" sending the browser to its ASP home
        {"index.html": "0; url='/bg/'", "bg/index.html": "0; URL=/default.asp"},  # two hops
    ],
    ids=["default.asp", "two-hops"],
)
def test_a_home_that_is_only_a_refresh_to_its_asp_home_is_followed(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, refreshes: dict[str, str]
) -> None:
    """bturavnets as such a site is often served: ``/`` answering 200 with nothing but
    ``<meta http-equiv="refresh" content="0;URL=default.asp">`` (the mirror as built
    serves ``/`` as the home itself). ``default.asp`` is ``/`` to the archive (a folder's
    index file), so the refresh read as the page reloading itself and was never
    followed: 6 requests, "found no feed, sitemap or listing", nothing archived. Now all
    9 news, and the no-op rerun costs at most 3 requests."""
    root = tmp_path / "bturavnets"
    shutil.copytree(SITES / "bturavnets", root)
    for rel, content in refreshes.items():
        (root / rel).parent.mkdir(exist_ok=True)
        (root / rel).write_text(_REFRESH.format(content), encoding="ascii")
    profile = bare_profile(tmp_path, "bturavnets", *ROUND106_SITES["bturavnets"])
    first, nightly = crawl_twice(run_cli, db, profile, "bturavnets", root)
    assert "/default.asp" in first, first
    assert len(nightly) <= 3, nightly
    assert_archived_whole_and_right(db, "bturavnets")


def test_a_menu_row_built_as_the_news_rows_is_no_item_of_the_list() -> None:
    """bturavnets' "Новини": its left menu's rows are built as the list's
    (``<tr><td><a>``), and "Услуги за търсещи работа" is long enough for a headline;
    ``uslugi.asp``, no date and not the list's ``news.asp?id=`` shape, was read as the
    list's fifth item and its one-sentence page archived. The four dated news are the
    page's items."""
    html = (SITES / "bturavnets" / "news.asp.html").read_text(encoding="windows-1251")
    profile = Profile(id="b", name="Бюро по труда", origin=BT)
    items = news_items(html, f"{BT}/news.asp", profile)
    assert [card.url for card in items.cards] == [
        f"{BT}/news.asp?id={n}" for n in (418, 417, 416, 415)
    ]
