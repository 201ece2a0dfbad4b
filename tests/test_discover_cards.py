"""Cards: the largest block around a link whose links all lead to that one URL."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.cards import Link, find_cards, text_words
from newsarchive.discover.items import group_runs


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
    assert len(_runs(_teasers([f"card {word}", "card", "card"]))) == 2
