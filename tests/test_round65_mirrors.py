"""A sixty-fifth round of site shapes, four whole small sites whose news a crawler must
find in a way no round had, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round63_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round65.py``): a village mayoralty's sub-site
two folders deep in its municipality's site, ``/kmetstva/rakita/``, the host's one
sitemap listing the municipality's news and both mayoralties' (rakita); news reached only
through a category tree, "Категории: Образование (3) | Култура (3)" (kategorino); a
plain link dressed as a button, ``<a href="?page=2" class="load-more">Още новини</a>``,
to a whole page 2 (oshtenovini); a menu of unnamed pictures, the news at
``/mediacentar/`` (mediyno). Each must archive exactly its articles with the true title,
date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.add_site import typed_folder
from newsarchive.discover.explore import NEWS_PATH, category_links
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import check_bare_crawl, proposed
from .support import Result

ROUND65_SITES = {
    # the origin /kmetstva/rakita/ under the municipality's own site and sitemap
    "rakita": ("Кметство Ракита", "https://trastenik-obshtina.bg/kmetstva/rakita/"),
    # <h3>Категории</h3><ul><li><a href="/kategoria/obrazovanie/">Образование</a> (3)
    "kategorino": ("Община Категорино", "https://kategorino.bg"),
    # <a href="?page=2" class="load-more btn btn-primary">Още новини</a>
    "oshtenovini": ("Община Оштеново", "https://oshtenovini.bg"),
    # <a href="/mediacentar/"><img src="/img/menu/megafon.png"></a>, no name at all
    "mediyno": ("Община Медийно", "https://mediyno.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND65_SITES))
def test_a_round65_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND65_SITES[site])


def test_add_site_given_a_mayoraltys_folder_proposes_that_mayoralty_alone(
    run_cli: Callable[..., Result],
) -> None:
    """``add-site https://trastenik-obshtina.bg/kmetstva/rakita/``: the address's first
    folder, "/kmetstva/", was taken as the site, and its crawl archived the other
    mayoralty's two news beside Ракита's eight. A municipality's folder of mayoralties
    holds a site in each of its folders: the one typed is proposed."""
    _, origin = ROUND65_SITES["rakita"]
    proposal = proposed(run_cli, "rakita", origin + "novini/1480-proverka-na-hidrantite/")
    assert proposal.profile["origin"] == origin
    assert all("brestnitsa" not in url for url in proposal.discovery.get("start_urls", []))


@pytest.mark.parametrize(
    ("typed", "folder"),
    [
        ("https://x.bg/kmetstva/rakita/novini/5.html", "/kmetstva/rakita/"),
        ("https://x.bg/naseleni-mesta/rakita", "/naseleni-mesta/rakita/"),
        ("https://x.bg/kmetstva/", "/kmetstva/"),
        ("https://x.bg/obshtina/novini/5.html", "/obshtina/"),
    ],
)
def test_a_folder_of_mayoralties_keeps_the_one_typed(typed: str, folder: str) -> None:
    assert typed_folder(typed) == folder


_CATEGORY_HOME = """<html><body><ul id="menu"><li><a href="/za-nas/">За нас</a></li></ul>
<div class="blok"><h3>Категории</h3><ul>
<li><a href="/kategoria/obrazovanie/">Образование</a> (12)</li>
<li><a href="/kategoria/kultura/">Култура</a> (8)</li></ul></div>
<div class="blok"><h3>Архив</h3><ul>
<li><a href="/2026/11/">Ноември 2026</a> (5)</li><li><a href="/2026/10/">Октомври 2026</a> (7)</li>
</ul></div><p>Продукти: <a href="/p/1/">Мед</a> (4) | <a href="/p/2/">Сирене</a> (2)</p>
</body></html>"""


def test_a_box_of_categories_with_counts_names_the_sites_news_sections() -> None:
    """kategorino's home page shows no news and its menu names none; its news are only
    in the categories its side box lists with counts. Months with counts are an archive,
    and counted links in a box not named for categories are no news section."""
    tree = parse_html(_CATEGORY_HOME)
    site = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg",))
    assert category_links(tree, "https://x.bg/", site) == [
        "https://x.bg/kategoria/obrazovanie/",
        "https://x.bg/kategoria/kultura/",
    ]


def test_a_media_centres_address_names_a_news_section() -> None:
    """mediyno's menu is of pictures naming nothing: "/mediacentar/" is its only word."""
    for path in ("/mediacentar/", "/media-center/", "/medien-tsentar/", "/bg/mediacenter"):
        assert NEWS_PATH.search(path), path
    for path in ("/media/", "/mediateka/", "/media/2026/11/snimka.jpg"):
        assert not NEWS_PATH.search(path), path
