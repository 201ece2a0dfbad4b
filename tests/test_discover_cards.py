"""Cards: the largest block around a link whose links all lead to that one URL."""

from __future__ import annotations

import datetime as dt

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.cards import Link, _classes, find_cards, teased, text_words
from newsarchive.discover.items import group_runs
from newsarchive.discover.listings import card_date


def _cards(body: str) -> list[tuple[str, str, str]]:
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    links = [Link(a, a.attributes.get("href") or "", text_words(a)) for a in tree.css("a[href]")]
    return [(card.url, card.node.tag, card.rest) for card in find_cards(links)]


def test_a_card_holds_its_title_and_more_link_and_stops_at_its_neighbour() -> None:
    body = (
        "<ul><li><h3><a href='1'>Първа новина</a></h3><p>01.11.2025</p><a href='1'>още</a></li>"
        "<li><h3><a href='2'>Втора новина</a></h3><p>02.11.2025</p></li></ul>"
    )
    assert _cards(body) == [("1", "li", "01.11.2025"), ("2", "li", "02.11.2025")]


def test_a_link_shown_twice_gets_a_card_in_each_place() -> None:
    body = (
        "<div><p><a href='1'>Новина</a> 01.11.2025</p><p><a href='2'>Друга</a></p></div>"
        "<aside><p><a href='1'>Новина</a></p><p><a href='3'>Трета</a></p></aside>"
    )
    assert [(url, tag) for url, tag, _ in _cards(body)] == [
        ("1", "p"),
        ("2", "p"),
        ("1", "p"),
        ("3", "p"),
    ]


def test_one_link_alone_on_a_page_grows_up_to_below_the_body() -> None:
    assert _cards("<main><div><a href='1'>Новина</a></div></main>") == [("1", "main", "")]


def _runs(body: str) -> list[list[str]]:
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    links = [Link(a, a.attributes.get("href") or "", text_words(a)) for a in tree.css("a[href]")]
    return [[card.url for card in run.cards] for run in group_runs(find_cards(links))]


def _teasers(classes: list[str]) -> str:
    return "".join(
        f"<div class='{c}'><h2><a href='{k}'>Новина номер {k} от общината</a></h2>"
        "<p>Текст.</p></div>"
        for k, c in enumerate(classes, 1)
    )


CONTAO = [
    "layout_latest block first even",
    "layout_latest block odd",
    "layout_latest block last even",
]
DRUPAL = [
    "views-row views-row-1 views-row-odd views-row-first",
    "views-row views-row-2 views-row-even",
    "views-row views-row-3 views-row-odd views-row-last",
]
CHILD = ["news-item first-child", "news-item", "news-item last-child"]
ITEM = ["teaser first_item", "teaser", "teaser last-item"]
MENU = "<ul class='menu'><li class='first'><a href='/a'>А</a></li><li><a href='/b'>Б</a></li></ul>"


@pytest.mark.parametrize(
    "classes", [CONTAO, DRUPAL, CHILD, ITEM], ids=["contao", "drupal", "child", "item"]
)
def test_the_words_of_an_items_place_in_its_list_do_not_make_it_unlike_the_others(
    classes: list[str],
) -> None:
    """Contao's teasers say first, odd, even and last; Drupal's views the same after a
    prefix, other themes with "-child" or "-item" after it: one list all the same, and a
    menu's items beside it still another."""
    assert _runs(MENU + f"<main>{_teasers(classes)}</main>") == [["/a", "/b"], ["1", "2", "3"]]


@pytest.mark.parametrize("word", ["breakfast", "item-child", "first-children"])
def test_a_class_word_only_ending_like_a_place_word_is_what_the_item_is(word: str) -> None:
    """(Beside siblings of one item each, any word not all of them carry is the item's own,
    ``_item_words``; here the place rule alone is read, on a lone block.)"""
    node = LexborHTMLParser(f"<div class='card {word}'></div>").css_first("div")
    assert node is not None
    assert _classes(node) == " ".join(sorted(["card", word]))


# Per-item filing classes as themes nobody profiled print them, three cards each
FILED = {
    "drupal": [
        "node node--type-article node--promoted node--view-mode-teaser",
        "node node--type-article node--view-mode-teaser",
        "node node--type-page node--sticky node--view-mode-teaser",
    ],
    "joomla": ["items-row item-category-kultura", "items-row item-category-sport", "items-row"],
    "rubrika": ["novina rubrika-kultura", "novina rubrika-sport", "novina rubrika-obrazovanie"],
    "cat": ["news cat-obrazovanie", "news cat-kultura", "news cat-sport"],
    "featured": ["news-item news-item--featured", "news-item", "news-item"],
    "is-new": ["news-item is-new", "news-item is-new", "news-item"],
    "colour": ["news bg-blue", "news bg-red", "news bg-green"],
    "type": ["entry type-post", "entry type-page", "entry type-post"],
    "stem-only": ["rubrika-kultura", "rubrika-sport", "rubrika-kultura"],
    "mixed": ["card rubrika-kultura is-new", "card rubrika-sport", "card bg-red rubrika-kultura"],
}
POPULAR = (
    "<aside><h3>Най-четени</h3><ol class='popularni'>"
    + "".join(f"<li><a href='p{k}'>Прочетена новина номер {k} от общината</a></li>" for k in (1, 2))
    + "</ol></aside>"
)


@pytest.mark.parametrize("classes", list(FILED.values()), ids=list(FILED))
def test_cards_filed_under_classes_of_their_own_are_one_list(classes: list[str]) -> None:
    """Each card names its rubric, type, colour or flag in its classes: before, every
    combination was a list of its own (three single cards, no list); one list now, and
    the menu and a "Най-четени" column of another build beside it still apart."""
    body = MENU + f"<main>{_teasers(classes)}</main>" + POPULAR
    assert _runs(body) == [["/a", "/b"], ["1", "2", "3"], ["p1", "p2"]]


def test_sibling_blocks_of_many_links_stay_apart_though_their_classes_share_a_word() -> None:
    """Two sidebar widgets of one theme differ by a word, ``widget_recent_entries`` and
    ``widget_categories``, as filed items do: but each holds a list, no one item's."""
    widget = "<div class='widget widget_{}'><ul>{}</ul></div>"
    recent = "".join(f"<li><a href='n{k}'>Новина номер {k} от общината</a></li>" for k in range(4))
    rubrics = "".join(f"<li><a href='c{k}'>Рубрика {k}</a></li>" for k in range(4))
    body = widget.format("recent_entries", recent) + widget.format("categories", rubrics)
    assert [run[0] for run in _runs(body)] == ["n0", "c0"]


def test_single_item_blocks_named_unlike_with_no_stem_in_common_stay_apart() -> None:
    """``news`` and ``banner`` share no word and no stem: two kinds of block."""
    assert len(_runs(_teasers(["news", "banner", "news", "banner"]))) == 2


def test_the_parts_of_one_items_block_are_no_list_of_items() -> None:
    """DataLife Engine's story is three sibling blocks, ``shortstory-head``, ``-info`` and
    ``-more``, of one stem: the headline and its "Прочети още" lead to one URL, so the
    parts are one item's, and the headlines a list apart from the "more" links (read as
    filed items, headline and "more" were one run: malina 8/8 -> 3/8 archived)."""
    story = (
        "<div class='shortstory'><div class='shortstory-head'><h2><a href='{k}'>Новина номер"
        " {k} от общината</a></h2></div><div class='shortstory-info'>Днес | <a href='cat'>"
        "Новини</a></div><div class='shortstory-more'><a href='{k}'>Прочети още</a></div></div>"
    )
    runs = _runs("".join(story.format(k=k) for k in (1, 2, 3)))
    assert ["1", "2", "3"] in runs
    assert ["1", "1", "2", "2", "3", "3"] not in runs


def test_a_card_that_is_one_link_is_dated_beside_its_heading_not_in_its_rest() -> None:
    """A card clickable as a whole (``<article data-href>``) or an ``<a>`` around its
    heading and its day: "вчера" after the title is its date (``Card.beside``), while
    ``rest`` stays empty; "вчера" inside the heading is none. ``teased`` reads
    ``beside`` too: the clickable card's teaser is beside its heading (composed seed
    6546), the others show a day or nothing beside theirs."""
    body = (
        "<main><article data-href='/novini/1'><header><h2>Кметът откри залата</h2>"
        "<span class='posted-on'>вчера</span></header><p>Текст на новината тук.</p></article>"
        "<a href='/novini/2'><h3>Нов автобус</h3><span>вчера</span></a>"
        "<a href='/novini/3'><h3>Какво стана вчера</h3></a></main>"
    )
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    nodes = tree.css("[data-href], a[href]")
    links = [
        Link(n, n.attributes.get("href") or n.attributes.get("data-href") or "", text_words(n))
        for n in nodes
    ]
    cards = find_cards(links)
    today = dt.date(2026, 12, 5)
    assert [card_date(c, today=today) for c in cards] == [dt.date(2026, 12, 4)] * 2 + [None]
    assert [c.rest for c in cards] == ["", "", ""]
    assert [teased(c) for c in cards] == [True, False, False]
