"""A ninety-seventh round of site shapes, four bodies whose news live on a CONTENT
MANAGEMENT SYSTEM no earlier round named, its markup as that CMS prints it, crawled from
the origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round95_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round97.py``): a regional administration on
Plone, ``/news?b_start:int=4`` and cards whose ``documentByLine`` gives only the day of
the last edit (oblastdolina); a university on Sitefinity, ``/novini/page/2`` and
``/novini/2026/11/27/<slug>`` dated "8.11.2026 г." (ddu); a football club on
OctoberCMS's RainLab.Blog, ``/blog/category/<slug>?page=N`` and "на Nov 27, 2026" after
the text (fcstrela); a regional library on Grav, ``/novini/page:2`` and
``/novini/tag:деца`` (bibliodolina). Each must archive exactly its articles with the
true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.furniture import Furniture
from newsarchive.discover.listings import article_links
from newsarchive.discover.shape import Shape
from newsarchive.extraction import extract
from newsarchive.extraction.bylines import reads_as_name
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import check_bare_crawl
from .support import SITES, Result

ROUND97_SITES = {
    "oblastdolina": ("Областна администрация Долина", "https://www.oblastdolina.bg"),
    "ddu": ("Долнодунавски университет", "https://www.ddu.bg"),
    "fcstrela": ("ФК „Стрела“ Долина", "https://www.fcstrela.bg"),
    "bibliodolina": ("Регионална библиотека „Петко Росен“", "https://www.biblioteka-dolina.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND97_SITES))
def test_a_round97_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND97_SITES[site])


FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
GRAV = "https://www.biblioteka-dolina.bg"


def _site_page(site: str, rel: str) -> str:
    return (SITES / site / rel).read_text(encoding="utf-8")


def test_a_spectre_cards_header_is_the_cards_own_on_a_walks_last_page() -> None:
    """bibliodolina: Grav Quark's card holds its headline in ``div.card-header`` and its
    "Прочети още" in ``div.card-footer``; the listing's last page, ``/novini/page:3``, its
    one card outside any run, lost it as furniture (before: 8 of 9 archived)."""
    profile = Profile(id="b", name="Библиотека", origin=GRAV)
    learned: list[Shape] = []
    for rel, path in [("novini.html", "/novini"), ("novini/page:2.html", "/novini/page:2")]:
        article_links(_site_page("bibliodolina", rel), GRAV + path, profile, learned, FETCHED)
    got = article_links(
        _site_page("bibliodolina", "novini/page:3.html"), f"{GRAV}/novini/page:3", profile,
        learned, FETCHED,
    )  # fmt: skip
    assert [c.url for c in got] == [f"{GRAV}/novini/obyava-za-kmetstvata"]


@pytest.mark.parametrize(
    ("marker", "furniture"),
    [
        ("card-header", False),  # inside <section>: the card's own
        ("entry-footer", False),
        ("site-header", True),  # outside it: the page's band
    ],
)
def test_a_header_class_inside_sectioning_content_is_no_furniture(
    marker: str, furniture: bool
) -> None:
    section = "" if furniture else "<section>"
    page = f'<html><body>{section}<div class="{marker}"><a href="/x">x</a></div></body></html>'
    tree = parse_html(page)
    link = tree.css_first("a")
    assert link is not None
    assert Furniture().holds(link) is furniture


def test_an_items_category_links_do_not_cut_its_card_short() -> None:
    """fcstrela: RainLab.Blog's "Публикувано в <a>Първи отбор</a> на Nov 25, 2026" under
    each headline. The category links cut each card at its headline, the info line's
    date went to the category's card, and /blog's page taught no item shape: the crawl
    walked the categories instead and lost a post (before: 2 of /blog's 3 posts, 7 of 8
    archived)."""
    origin = "https://www.fcstrela.bg"
    profile = Profile(id="f", name="Стрела", origin=origin)
    got = article_links(_site_page("fcstrela", "blog.html"), f"{origin}/blog", profile, [], FETCHED)
    assert [c.url for c in got] == [
        f"{origin}/blog/post/{slug}"
        for slug in ("obyava-za-kmetstvata", "folklorna-sreshta", "nova-sportna-zala")
    ]


PLONE_ITEM = "https://www.oblastdolina.bg/news/shkolna-olimpiada"


def test_a_plone_items_byline_names_its_writer_and_its_description_leads_the_text() -> None:
    """oblastdolina: Plone's ``div.documentByLine`` ("от <a href=/author/vnikolova>Весела
    Николова</a> — публикувано 19.11.2026 11:50, последна промяна 21.11.2026 10:05") was
    furniture ("byline" inside a camelCase class), so the ``DC.creator`` login
    "vnikolova" was the author; and that byline, 84 characters, weighed as prose in the
    headline's box and kept the ``documentDescription`` standfirst out of the text."""
    article = extract(
        _site_page("oblastdolina", "news/shkolna-olimpiada.html"), PLONE_ITEM, today=FETCHED
    )
    assert article.author == "Весела Николова"
    assert article.text.split("\n")[0].startswith("Областната администрация информира")


def test_a_university_writers_title_before_the_name_is_the_names() -> None:
    """ddu: "Публикувано на 9.11.2026 г. от доц. Милена Тодорова" (before: no author)."""
    url = "https://www.ddu.bg/novini/2026/11/09/remont-na-ulitsite"
    article = extract(
        _site_page("ddu", "novini/2026/11/09/remont-na-ulitsite.html"), url, today=FETCHED
    )
    assert article.author == "доц. Милена Тодорова"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("доц. Милена Тодорова", True),
        ("проф. д-р Иван Колев", True),
        ("гл. ас. Петя Илиева", True),
        # a clergyman's, as a diocese's news signs: "Текст: свещ. Георги Иванов, снимки: …"
        ("свещ. Георги Иванов", True),
        ("о. Павел Стоянов", True),
        ("протойерей Иван Петров", True),
        ("йеромонах Серафим", True),
        ("о Павел", False),
        ("доц.", False),
        ("jr Smith", False),
    ],
)
def test_a_lower_case_title_before_a_name(text: str, name: bool) -> None:
    assert reads_as_name(text) is name
