"""A ninety-first round of site shapes, four small sites each in the markup of a CMS or
theme common on Bulgarian municipal and regional sites that no round printed, crawled
from the origin alone (a profile of id, name and origin) through a real
``MirrorServer``, as ``test_round88_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round91.py``): Joomla 5 with Helix Ultimate
and SP Page Builder (bilyana); WordPress with YOOtheme Pro, its category's cards
``uk-article`` elements in a ``uk-grid`` (glogino); WordPress with Avada's Fusion
Builder, the headline a ``fusion-title`` inside the content and the date only in the
``fusion-meta-info`` line after it, beside a hidden stamp of the last edit (drenovets);
an OpenCart 3 shop's blog module, every address ``index.php?route=…`` (smilyan). Each
must archive exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.listings import article_links
from newsarchive.discover.shape import Shape
from newsarchive.extraction import extract
from newsarchive.models import Profile

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND91_SITES = {
    "bilyana": ("Община Биляна", "https://www.bilyana.bg"),
    "glogino": ("Община Глогино", "https://glogino.bg"),
    "drenovets": ("Община Дреновец", "https://drenovets.bg"),
    "smilyan": ("Туристически център Смилян", "https://smilyan-tour.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND91_SITES))
def test_a_round91_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND91_SITES[site])


FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
POST = "https://d.bg/nova-sportna-zala/"
TEXT = [
    "Залата има нов под, осветление и съблекални за двата отбора на града.",
    "Ремонтът струва двеста хиляди лева и е платен от общинския бюджет.",
]


def _avada_post(stamp: str) -> str:
    """An Avada post as the theme prints it: the headline a fusion-title inside the
    content, the date only in the meta line after the text, beside the hidden stamp."""
    paragraphs = "".join(f"<p>{p}</p>" for p in TEXT)
    return (
        '<!DOCTYPE html><html lang="bg-BG"><head><meta charset="utf-8"><title>Откриха '
        "обновената спортна зала – Община Д</title></head><body><main id='main'>"
        "<section id='content'><article id='post-7' class='post type-post hentry'>"
        "<span class='entry-title' style='display: none;'>Откриха обновената спортна зала"
        "</span><div class='post-content'><div class='fusion-fullwidth fullwidth-box'>"
        "<div class='fusion-title title fusion-title-1'><h1 class='title-heading-left'>"
        "Откриха обновената спортна зала</h1></div><div class='fusion-text fusion-text-1'>"
        f"{paragraphs}</div></div></div><div class='fusion-meta-info'><div "
        "class='fusion-meta-info-wrapper'>От <span class='vcard'><span class='fn'><a "
        "href='/author/k/' rel='author'>Кирил Дочев</a></span></span><span "
        f"class='fusion-inline-sep'>|</span>{stamp}<span>23.11.2026</span><span "
        "class='fusion-inline-sep'>|</span></div></div></article></section></main>"
        "<div class='fusion-footer'><p>© 2026 Община Д.</p></div></body></html>"
    )


@pytest.mark.parametrize(
    "stamp",
    [
        '<span class="updated rich-snippet-hidden">2026-11-27T12:42:12+02:00</span>',
        '<span class="updated" style="display: none">2026-11-27T12:42:12+02:00</span>',
        '<span class="updated" hidden>2026-11-27T12:42:12+02:00</span>',
    ],
)
def test_a_stamp_hidden_from_readers_beside_the_shown_date_does_not_date_the_post(
    stamp: str,
) -> None:
    """drenovets: Avada's hidden "updated" stamp, the post's last change four days after
    it was published, stood first on the date line and dated the post by the edit."""
    got = extract(_avada_post(stamp), POST, today=FETCHED)
    assert got.published == dt.date(2026, 11, 23)
    assert got.text == "\n".join(TEXT)


def _grid_page(cards: list[tuple[str, str, str]], stamped: bool = True) -> str:
    """An Avada category page: its grid's cards (slug, headline, shown date) under the
    hidden stamp of each post's last change, the sidebar's undated latest posts, a menu."""

    def card(slug: str, title: str, day: str) -> str:
        stamp = (
            '<span class="updated rich-snippet-hidden">2026-11-26T11:41:12+02:00</span>'
            if stamped
            else ""
        )
        return (
            f"<article class='fusion-post-grid post'><div class='fusion-post-wrapper'>"
            f"<div class='fusion-post-content post-content'><h2 class='entry-title "
            f"fusion-post-title'><a href='/{slug}/'>{title}</a></h2><p "
            f"class='fusion-single-line-meta'>{stamp}<span>{day}</span></p><div "
            "class='fusion-post-content-container'><p>Кратко описание на новината […]</p>"
            f"</div><a href='/{slug}/' class='fusion-read-more'>Прочети повече</a></div>"
            "</div></article>"
        )

    return (
        "<html><body><nav class='fusion-main-menu'><ul><li><a href='/'>Начало</a></li><li>"
        "<a href='/category/novini/'>Новини</a></li><li><a href='/kontakti/'>Контакти</a>"
        "</li><li><a href='/obshtinski-savet/'>Общински съвет</a></li></ul></nav><main>"
        "<section id='content'><div class='fusion-posts-container fusion-blog-layout-grid'>"
        + "".join(card(*c) for c in cards)
        + "</div><div class='pagination'><a href='/category/novini/page/2/'>2</a></div>"
        "</section><aside id='sidebar'><section class='widget widget_recent_entries'><h4>"
        "Последни новини</h4><ul><li><a href='/obyava-za-kmetstvata/'>Прием на заявления "
        "за социални обеди</a></li><li><a href='/folklorna-sreshta/'>Фолклорна среща на "
        "селата днес</a></li></ul></section></aside></main></body></html>"
    )


PROFILE = Profile(id="d", name="Община Д", origin="https://d.bg", hosts=("d.bg",))


def test_a_cards_hidden_stamp_of_the_last_change_does_not_date_the_card() -> None:
    """drenovets: the grid card's hidden stamp, the post's last edit, stood before the
    shown day: the card was dated by the edit (to its minute, which a post whose page
    prints only its day then took as its own)."""
    cards = [
        ("folklorna-sreshta", "Фолклорна среща на селата в Дреновец", "26.11.2026"),
        ("remont-na-ulitsite", "Започва ремонтът на три централни улици", "20.11.2026"),
        ("koleden-bazar", "Коледен базар в двора на читалището", "17.11.2026"),
    ]
    page = _grid_page(cards)
    got = article_links(page, "https://d.bg/category/novini/", PROFILE, today=FETCHED.date())
    assert [(c.url, c.listed_date) for c in got] == [
        ("https://d.bg/folklorna-sreshta/", dt.date(2026, 11, 26)),
        ("https://d.bg/remont-na-ulitsite/", dt.date(2026, 11, 20)),
        ("https://d.bg/koleden-bazar/", dt.date(2026, 11, 17)),
    ]


@pytest.mark.parametrize("stamped", [True, False])
def test_a_last_pages_one_dated_card_of_a_shape_that_fixes_nothing_is_an_item(
    stamped: bool,
) -> None:
    """drenovets: the category's last page holds one post, "/bezplaten-preglet/" (a slug
    too short to look like an article's) under its date, beside the menu's and the
    sidebar's undated one-segment links; the walk's shape, ``/<slug>/``, fixes nothing,
    and the card was lost. The undated links stay out."""
    learned = [Shape(netloc="d.bg", segments=(None,), params=())]
    page = _grid_page(
        [("bezplaten-preglet", "Безплатни прегледи за диабет", "05.11.2026")], stamped
    )
    got = article_links(page, "https://d.bg/category/novini/page/3/", PROFILE, learned)
    assert [c.url for c in got] == ["https://d.bg/bezplaten-preglet/"]
