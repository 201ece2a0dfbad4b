"""A ninety-sixth round of site shapes, four small public bodies on the WEBSITE BUILDERS
round 95 left out, their markup as the builder prints it, crawled from the origin alone
(a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round95_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round96.py``): a regional museum on
Squarespace 7.0's Brine, ``BlogList-item`` cards paged ``?offset=<milliseconds>``,
posts at ``/blog/<slug>`` timed "+0200" (muzeikamen); a village's кметство on Site123,
six cards over a "Зареди още" and the rest only in an inline JSON list and the sitemap,
posts at ``/blog/<id>/<slug>`` dated "26/11/2026" (gornopole); an NGO's one-page
Strikingly site, its ``/blog`` of ``s-blog-post`` items, posts dated "29 ное 2026 ·
преди 5 дни" (usmivka); a school on Zyro / Hostinger Website Builder, a Nuxt
``block-blog-list`` of six over buttons with no address, posts dated by JSON-LD or a
``<time>`` in an unlabeled grid (pgzelen). Each must archive exactly its articles with
the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.dates import local_date
from newsarchive.discover.listings import article_links
from newsarchive.models import Profile

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND96_SITES = {
    "muzeikamen": ("РИМ – Камен", "https://www.muzei-kamen.bg"),
    "gornopole": ("Кметство Горно поле", "https://kmetstvo-gornopole.site123.me"),
    "usmivka": ("Сдружение „Усмивка“", "https://usmivka-bg.mystrikingly.com"),
    "pgzelen": ("ПГ по земеделие – Зелен дол", "https://pg-zelendol.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND96_SITES))
def test_a_round96_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND96_SITES[site])


FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
MUSEUM = Profile(id="mk", name="РИМ – Камен", origin="https://www.muzei-kamen.bg")
PROFILE = Profile(id="selo", name="Село", origin="https://www.selo.bg")
BLOG_LIST = Path(__file__).parent / "fixtures/sites/muzeikamen/blog.html"


def test_a_cards_filter_links_back_to_its_listing_do_not_cut_it_short_of_its_date() -> None:
    """muzeikamen's ``/blog``: each ``BlogList-item`` holds, beside its date, links to
    the list itself filtered by the post's author and category (``/blog?author=…``,
    ``/blog?category=Изложби``). Read as other items, they stopped each card at its
    headline, short of the date, and the meta line was taken for a dated item of its
    own: the page listed one post of four, undated (before: 1 of 9 posts archived
    through the list, the home page's summary block finding three)."""
    page = BLOG_LIST.read_text(encoding="utf-8")
    got = article_links(page, "https://www.muzei-kamen.bg/blog", MUSEUM, today=FETCHED)
    assert [(c.url.rsplit("/", 1)[-1], local_date(c.listed_date)) for c in got] == [
        ("proverka-na-hidrantite", dt.date(2026, 11, 29)),
        ("sesiya-na-saveta", dt.date(2026, 11, 26)),
        ("bezplaten-preglet", dt.date(2026, 11, 23)),
        ("shkolna-olimpiada", dt.date(2026, 11, 20)),
    ]


def _list(filed: str) -> str:
    cards = "".join(
        f'<article class="post"><h2><a href="/novini/{slug}">{title}</a></h2><div class="meta">'
        f'<span>{day}.11.2026</span> <a href="{filed}">Култура</a></div></article>'
        for slug, title, day in (
            ("koncert", "Концерт на площада в неделя", 28),
            ("izlozhba", "Изложба на младите художници", 25),
            ("sabor", "Съборът на селото събра стотици гости", 21),
        )
    )
    return (
        '<html><body><main><h1>Новини</h1><section class="list">'
        f"{cards}</section></main></body></html>"
    )


@pytest.mark.parametrize(
    ("filed", "dated"),
    [
        ("/novini?category=kultura", True),
        ("/novini?tag=kultura", True),
        ("/novini?author=ivanova", True),
        ("/novini?category=kultura&page=2", False),  # another page of the list: another list
        ("/kultura?category=kultura", False),  # another path: another list
    ],
)
def test_only_a_filter_of_the_listing_being_read_is_a_link_back_to_it(
    filed: str, dated: bool
) -> None:
    got = article_links(_list(filed), "https://www.selo.bg/novini", PROFILE, today=FETCHED)
    days = {c.url.rsplit("/", 1)[-1]: c.listed_date for c in got if "/novini/" in c.url}
    assert (days.get("koncert") == dt.date(2026, 11, 28)) is dated
