"""Furniture by role and position: what is around a block decides, not a class word alone."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.furniture import Furniture


def _around(body: str) -> tuple[bool, bool]:
    """(furniture around the element with id=x, named like furniture around it)."""
    node = LexborHTMLParser(f"<html><body>{body}</body></html>").css_first("#x")
    assert node is not None
    furniture = Furniture()
    return furniture.around(node), furniture.hinted(node)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<nav><ul><li id=x>a</li></ul></nav>", (True, False)),
        ("<div role='navigation'><p id=x>a</p></div>", (True, False)),
        ("<aside><p id=x>a</p></aside>", (True, False)),
        ("<header><p id=x>a</p></header>", (True, False)),  # the page's banner
        ("<footer><p id=x>a</p></footer>", (True, False)),
        ("<article><header><h2 id=x>a</h2></header></article>", (False, False)),  # a card's own
        ("<main><section><footer><p id=x>a</p></footer></section></main>", (False, False)),
        ("<ul><li><a>a</a><ul><li id=x>b</li></ul></li></ul>", (True, False)),  # drop-down
        ("<div class='AspNet-TreeView'><ul><li id=x>a</li></ul></div>", (False, True)),
        ("<div class='main-menu'><p id=x>a</p></div>", (False, True)),
        ("<div class='list'><ul><li id=x>a</li><li>b</li></ul></div>", (False, False)),
        ("<nav id=x><a>a</a></nav>", (False, False)),  # the block itself is not "around"
    ],
)
def test_furniture_around_a_block(body: str, expected: tuple[bool, bool]) -> None:
    assert _around(body) == expected


def test_a_one_link_menu_holds_its_own_card() -> None:
    node = LexborHTMLParser("<body><div class='top-nav' id=x><a>a</a></div></body>").css_first("#x")
    assert node is not None
    assert Furniture().holds(node)
