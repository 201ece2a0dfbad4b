"""Cards: the largest block around a link whose links all lead to that one URL."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.cards import Link, find_cards


def _cards(body: str) -> list[tuple[str, str, str]]:
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    links = [Link(a, a.attributes.get("href") or "") for a in tree.css("a[href]")]
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
