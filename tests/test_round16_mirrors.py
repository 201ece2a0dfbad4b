"""A sixteenth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round15_mirrors`` does its nine.

The mirrors (``tests/fixtures/make_mirrors_round16.py``): cards linked only by a picture
and a "Прочети още" button (kopriva); ``<base href>`` naming a folder every relative link
is under (lopushna); listings linking short addresses that answer a meta refresh to the
article (mramor); a ``<select>`` of page addresses, no other pager (yasna); a static
generator's ``index_2.html`` pager of bare numbers (trastika); "Следваща »" on the last
page, every number past the end answered with the last page (zhivkovo); canonicals on
the bare host over ``http://`` (belitsa); news only in a Google News sitemap, articles at
``/a/<id>`` (studena); cards clickable only by ``data-url`` (lipovo); an RSS feed naming
the front page as every item's link, the post in its guid (kalina); older posts only
through a drop-down of months (rozovo). Each must archive
exactly its articles with the true title, date and body, and a rerun right after must cost
at most three requests.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .mirror_sites import article_rows, bare_profile, check_bare_crawl, crawl_twice
from .support import SITES, Result

ROUND16_SITES = {
    # the article linked only from its picture and a "Прочети още" button
    "kopriva": ("Община Коприва", "https://kopriva.bg"),
    # <base href=".../portal/"> on every page, every link relative to it
    "lopushna": ("Община Лопушна", "https://lopushna.bg"),
    # listed addresses answering a meta refresh to the article
    "mramor": ("Община Мрамор", "https://www.mramor.bg"),
    # later pages only as the <option value> addresses of a drop-down
    "yasna": ("Община Ясна", "https://yasna.bg"),
    # a static generator's index_2.html, index_3.html, a pager of bare numbers
    "trastika": ("Община Тръстика", "https://trastika.bg"),
    # "Следваща »" on the last page, numbers past the end answered with the last page
    "zhivkovo": ("Община Живково", "https://www.zhivkovo.bg"),
    # canonicals naming the bare host over http://
    "belitsa": ("Община Белица", "https://www.belitsa.bg"),
    # news only in a Google News sitemap, articles at /a/<id>
    "studena": ("Община Студена", "https://studena.bg"),
    # news cards clickable only by a script bound to [data-url]
    "lipovo": ("Община Липово", "https://lipovo.bg"),
    # an RSS feed whose every item links the front page, the post only in its guid
    "kalina": ("Община Калина", "https://www.kalina.bg"),
    # older posts only through a drop-down of months, no pager
    "rozovo": ("Община Розово", "https://rozovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND16_SITES))
def test_a_round16_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND16_SITES[site])


def _requests(run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str) -> list[str]:
    profile = bare_profile(tmp_path, site, *ROUND16_SITES[site])
    first, _ = crawl_twice(run_cli, db, profile, site, SITES / site)
    return first


def test_a_next_link_on_the_last_page_costs_one_request_past_the_end(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """``?page=4`` answers page 3 again (nothing new on it): the walk stops there, not at
    ``--max-pages``."""
    first = _requests(run_cli, db, tmp_path, "zhivkovo")
    assert "/novini?page=4" in first
    assert "/novini?page=5" not in first


def test_each_stand_in_costs_its_own_request_once_and_the_rerun_none(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Every ``/n/<id>`` is asked for once, then its target; the archive holds the target
    only (``check_bare_crawl`` checks the rows), and the listing's ``/n/<id>`` are known."""
    first = _requests(run_cli, db, tmp_path, "mramor")
    stand_ins = [r for r in first if r.startswith("/n/")]
    assert len(stand_ins) == len(set(stand_ins)) == 7
    assert len(article_rows(db)) == 7


def test_add_site_names_the_news_sitemap(run_cli: Callable[..., Result]) -> None:
    with MirrorServer(SITES / "studena") as server:
        proposed = run_cli(
            "add-site", ROUND16_SITES["studena"][1], "--base-url", server.url, "--delay", "0"
        )
    assert proposed.exit_code == 0, proposed.stderr
    sitemaps = tomllib.loads(proposed.stdout)["discovery"]["sitemaps"]
    assert "/sitemap-news.xml" in sitemaps


def test_an_article_read_while_exploring_is_not_asked_for_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The home page's ``/novini/folklorna-sreshta/`` (a short title under ``/novini/``)
    reads like a menu entry; the crawl asks for it once, every page once: 15 requests."""
    first = _requests(run_cli, db, tmp_path, "belitsa")
    assert first.count("/novini/folklorna-sreshta/") == 1, first
    assert len(first) == len(set(first)) == 15, first
    assert len(article_rows(db)) == 7


def test_a_news_item_listed_with_its_date_is_not_opened_as_a_section(
    run_cli: Callable[..., Result],
) -> None:
    """``/novini/folklorna-sreshta/`` is one of the home page's dated news items: exploring
    opens the menu's ``/novini/`` and not it (add-site then asks for it once, a sample)."""
    with MirrorServer(SITES / "belitsa") as server:
        proposed = run_cli(
            "add-site", ROUND16_SITES["belitsa"][1], "--base-url", server.url, "--delay", "0"
        )
    assert proposed.exit_code == 0, proposed.stderr
    assert "/novini/" in server.requests
    assert server.requests.count("/novini/folklorna-sreshta/") == 1, server.requests
