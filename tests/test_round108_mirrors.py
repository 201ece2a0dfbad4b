"""A hundred-and-eighth round of site shapes: EDUCATION, HEALTH AND CULTURE INSTITUTIONS
whose news share the site with other kinds of dated pages, crawled from the origin alone
(a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round107_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round108.py``): a university on WordPress with
The Events Calendar, whose "Събития" (still to come), "Конкурси" for academic posts and
"Защити" (a PhD defence's day, jury and PDFs) are records or calendar entries beside its
news (unimramoren); a hospital's custom PHP site whose procurement files, vacancies and
ward pages stand beside ``novina.php?id=<n>`` and its ``&print=1`` copy (mbalchernovodie);
a library on Joomla 4 whose exhibitions' openings are news in a category of their own
beside "Нови книги" lists and digitised collections (bibliobelograd); a football club on
SportsPress whose match reports are news and whose events, league table and players are
not (fkrechitsa). Each must archive exactly its articles with the true title, date,
author and body, once each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover import listings
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import bare_crawl_twice, check_bare_crawl
from .support import SITES, Result

ROUND108_SITES = {
    "unimramoren": ("Университет „Проф. Асен Славов“ – Мраморен", "https://www.uni-mramoren.bg"),
    "mbalchernovodie": ("МБАЛ „Св. Пантелеймон“ – Черноводие", "https://www.mbal-chernovodie.bg"),
    "bibliobelograd": (
        "Регионална библиотека „Петър Берон“ – Белоград",
        "https://www.biblioteka-belograd.bg",
    ),
    "fkrechitsa": ("ФК „Речица“", "https://fk-rechitsa.bg"),
}

RECORDS = (
    "/sabitie",
    "/konkursi",
    "/zashtiti",
    "/porachka",
    "/kariera",
    "/otdelenie",
    "/novi-knigi/",
    "/digitalna-biblioteka/",
    "/event/",
    "/player/",
    "/team/",
)


@pytest.mark.parametrize("site", sorted(ROUND108_SITES))
def test_a_round108_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND108_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND108_SITES))
def test_a_round108_crawl_asks_no_record_pdf_or_print_copy(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """Events, competitions, defences, procurement files, vacancies, wards, book lists,
    collections, matches, players and teams are records: never archived. PDFs and the
    hospital's ``&print=1`` copies are never asked."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND108_SITES[site])
    assert not [p for p in first if p.split("?")[0].endswith(".pdf")], first
    assert not [p for p in first if "print=1" in p], first


def test_a_calendar_of_events_still_to_come_is_no_news_section(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """unimramoren: the menu's "Събития" (a word naming news beside other things) leads
    to The Events Calendar's list of four events, each dated by the day it happens, all
    after the fetch. No news is published on a day yet to come: the list is a calendar,
    no section, and no event's page is asked (before: all four archived, undated, beside
    the 8 news, 20 requests)."""
    first, _ = bare_crawl_twice(
        run_cli, db, tmp_path, "unimramoren", *ROUND108_SITES["unimramoren"]
    )
    assert not [p for p in first if p.startswith("/sabitie/")], first


def test_a_cards_category_link_is_no_item_of_its_own() -> None:
    """bibliobelograd: Joomla's featured items on the home page, each with "Категория:
    <a itemprop="genre" href="/novini">Новини</a>" (or "/izlozhbi") beside its date. The
    category link was another item inside the card: the card stopped at the headline,
    undated, and the category links were read as dated items (before: 6 cards, two of
    them ``/novini`` and ``/izlozhbi``, so the menu's "Новини" was taken for an item the
    page lists and never opened as a section: 4 of 9 archived, and ``/izlozhbi`` as an
    article)."""
    origin = ROUND108_SITES["bibliobelograd"][1]
    page = (SITES / "bibliobelograd/index.html").read_text(encoding="utf-8")
    profile = Profile(id="b", name="b", origin=origin, hosts=("www.biblioteka-belograd.bg",))
    items = listings.news_items(parse_html(page), f"{origin}/", profile)
    assert [c.url.removeprefix(origin) for c in items.cards] == [
        "/novini/150-sreshta-s-avtor",
        "/izlozhbi/160-izlozhba-stari-kartichki",
        "/novini/149-chitalnya-detsa-remont",
        "/novini/148-natsionalen-konkurs-stihove",
    ]
    assert all(listings.card_date(c) is not None for c in items.cards)
