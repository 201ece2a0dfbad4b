# ruff: noqa: E501
"""A pager whose one way forward is its last page ("Последна »"), as a list running
oldest first draws it (breza): page N+1 is the last page's address with the number
N+1, where the address spells a page's number, never an offset."""

from __future__ import annotations

import pytest

from newsarchive.discover.next_pages import find_next_link
from newsarchive.models import Profile

SITE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))


def _page(pager: str) -> str:
    return f'<html><body><h1>Новини</h1><div class="strani">{pager}</div></body></html>'


@pytest.mark.parametrize(
    ("url", "page", "pager", "wanted"),
    [
        # page 1: only "Последна »"
        ("/novini", 1, '<a href="/novini?str=4">Последна »</a>', "/novini?str=2"),
        # a middle page: back links beside it
        ("/novini?str=2", 2, '<a href="/novini">« Първа</a> <a href="/novini">‹ Предишна</a> <a href="/novini?str=4">Последна »</a>', "/novini?str=3"),
        # the last page one ahead: itself
        ("/novini?str=3", 3, '<a href="/novini?str=4">Последна »</a>', "/novini?str=4"),
        # the number at the end of the path, and other fields kept
        ("/arhiv/", 1, '<a href="/arhiv/page/9/">Последна страница</a>', "/arhiv/page/2/"),
        ("/novini.php?kat=2", 1, '<a href="/novini.php?kat=2&amp;page=5">Край</a>', "/novini.php?kat=2&page=2"),
        # the last page: no way forward
        ("/novini?str=4", 4, '<a href="/novini">« Първа</a> <a href="/novini?str=3">‹ Предишна</a>', None),
        # an offset is no page's number: ?start=30 is not "page 30"
        ("/novini", 1, '<a href="/novini?start=30">Последна</a>', None),
    ],
)  # fmt: skip
def test_the_next_page_of_a_pager_leading_only_to_its_last(
    url: str, page: int, pager: str, wanted: str | None
) -> None:
    found = find_next_link(_page(pager), "https://www.x.bg" + url, SITE, page)
    assert found == (wanted and "https://www.x.bg" + wanted)


def test_a_next_link_beside_the_last_page_wins() -> None:
    pager = '<a href="/novini?str=2">Следваща ›</a> <a href="/novini?str=4">Последна »</a>'
    assert find_next_link(_page(pager), "https://www.x.bg/novini", SITE, 1) == (
        "https://www.x.bg/novini?str=2"
    )
