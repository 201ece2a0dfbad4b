"""A hundred-and-ninth round of site shapes: bodies on .NET and ENTERPRISE CMSs, crawled
from the origin alone (a profile of id, name and origin) through a real
``MirrorServer``, as ``test_round107_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round109.py``): a water utility on
Sitefinity's MVC news widget, ``/novini?page=2``, items at ``/novini/2026/11/27/<slug>``
dated "Nov 27, 2026, 14:30 PM By …" (vikkamenograd); a chamber of commerce on Umbraco,
``/novini/?p=2`` and year folders ``/novini/2026/<slug>/`` (tppsrebarnitsa); a
municipality on Kentico, ``/Novini/2026/Noemvri/<Slug>`` and the home's
legacy ``<Slug>.aspx`` copy of each (obshtinakalinets); a health inspectorate on Liferay's
asset publisher, each item under ``?inheritRedirect=true&redirect=…`` and
``?p_p_id=…&_…_assetEntryId=…`` (rzibregovets). Each must archive exactly its articles
with the true title, date, author and body, once each.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.archive.connection import connect
from newsarchive.archive.store import Store
from newsarchive.discover.urls import cited_first, extension_twins
from newsarchive.mirror import resolve
from newsarchive.models import Article, Page

from .mirror_sites import bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND109_SITES = {
    "vikkamenograd": ("„ВиК – Каменоград“ ЕООД", "https://www.vik-kamenograd.bg"),
    "tppsrebarnitsa": (
        "Търговско-промишлена палата – Сребърница",
        "https://www.tpp-srebarnitsa.bg",
    ),
    "obshtinakalinets": ("Община Калинец", "https://www.kalinets.bg"),
    "rzibregovets": ("Регионална здравна инспекция – Бреговец", "https://www.rzi-bregovets.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND109_SITES))
def test_a_round109_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND109_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND109_SITES))
def test_a_round109_crawl_asks_each_address_once_and_a_portal_item_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """No address is asked twice; Liferay's portlet queries on an asset publisher's
    ``/content/<slug>`` (``inheritRedirect``, ``p_p_id``, ``assetEntryId``, the way
    back) change nothing on the page, so each item is asked under one of them. (Kentico's
    ``<Slug>.aspx`` the feed links is asked beside the list's ``<Slug>`` once: a server
    may answer the two with two pages, and only reading both tells they are one.)"""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND109_SITES[site])
    assert len(first) == len(set(first)), first
    items = [p.split("?")[0] for p in first if "/content/" in p]
    assert len(items) == len(set(items)), first


@pytest.mark.parametrize(
    ("key", "twins"),
    [
        ("x.bg/Novini/2026/Noemvri/Slug", ["x.bg/Novini/2026/Noemvri/Slug.aspx"]),
        ("x.bg/Novini/2026/Noemvri/Slug.aspx", ["x.bg/Novini/2026/Noemvri/Slug"]),
        ("x.bg/Novini/Slug.ASPX", ["x.bg/Novini/Slug"]),
        ("x.bg/news/item?id=5", ["x.bg/news/item.aspx?id=5"]),
        ("x.bg/novini/", []),  # a folder
        ("x.bg/", []),
        ("x.bg/novini/5.php", []),  # another extension
        ("x.bg/.aspx", []),
    ],
)
def test_an_aspnet_route_and_its_legacy_aspx_are_twins(key: str, twins: list[str]) -> None:
    assert extension_twins(key) == twins


def test_a_route_is_cited_over_its_legacy_aspx() -> None:
    route = "https://www.kalinets.bg/Novini/2026/Noemvri/Slug"
    legacy = f"{route}.aspx"
    assert cited_first(legacy, route) == route
    assert cited_first(route, legacy) == route


@pytest.mark.parametrize("feed_first", [True, False])
def test_one_page_at_a_route_and_its_aspx_is_one_article_with_the_feeds_hour(
    tmp_path: Path, feed_first: bool
) -> None:
    """obshtinakalinets: Kentico's feed links each item's legacy ``Slug.aspx`` and gives
    it an hour (07:00 GMT), the list links the route ``Slug``; the page, the same at both
    and naming no canonical, states the day alone. Before: two rows of each of the
    feed's six items (the hour told them apart as two postings). Now one, under the
    route, with the feed's hour, whichever address was read first."""
    text = "Десет спирки по главния булевард получиха навеси.\nРемонтът струва 80 000 лв."
    route = "https://www.kalinets.bg/Novini/2026/Noemvri/Novi-Spirki"
    timed = dt.datetime(2026, 11, 30, 7, 0, tzinfo=dt.UTC)
    reads = [(f"{route}.aspx", timed), (route, dt.date(2026, 11, 30))]
    conn = connect(tmp_path / "a.db", create=True)
    try:
        with conn:
            store = Store(conn)
            for url, published in reads if feed_first else reads[::-1]:
                page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", timed)
                capture = store.save_capture(page)
                article = Article(title="Нови спирки", text=text, published=published)
                store.upsert_article(article, site="k", url=url, capture_id=capture)
        rows = conn.execute("SELECT url, published FROM articles").fetchall()
        assert rows == [(route, "2026-11-30T07:00:00+00:00")]
    finally:
        conn.close()


def test_the_mirror_answers_a_query_longer_than_a_file_name_as_no_file(tmp_path: Path) -> None:
    """rzibregovets: Liferay's portlet queries run past 255 characters; the file name
    they make is none the file system can hold, and the mirror's server dropped the
    connection (``OSError`` in ``resolve``) where a server answers: no file."""
    (tmp_path / "novini.html").write_text("<html></html>", encoding="utf-8")
    assert resolve(tmp_path, "/novini?" + "p_p_id=x&" * 40) is None
    assert resolve(tmp_path, "/novini") == tmp_path / "novini.html"
