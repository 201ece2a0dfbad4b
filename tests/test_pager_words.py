"""One pager vocabulary (``discover.pager_words``), each reader taking its part: a
list's pager row (``items``), a list's later page by its path (``listings``), an
article's later page by its query and its link back (``continuation``)."""

from __future__ import annotations

import pytest

from newsarchive.discover import pager_words
from newsarchive.discover.items import _PAGER_LABEL
from newsarchive.discover.listings import _PATH_PAGE
from newsarchive.extraction.continuation import first_of, next_part


@pytest.mark.parametrize("way", pager_words.EVERY_WAY)
def test_every_way_a_pager_says_labels_a_pager_row(way: str) -> None:
    for label in (way, f"« {way.title()}", f"{way} {pager_words.PAGE_NOUNS[0]} »"):
        assert _PAGER_LABEL.match(label), label
    assert not _PAGER_LABEL.match(f"{way} ремонт на моста")  # a headline opening with it


@pytest.mark.parametrize("word", pager_words.PAGE_IN_ADDRESSES)
def test_a_lists_later_page_is_named_by_every_spelling_of_page(word: str) -> None:
    assert _PATH_PAGE.search(f"/novini/{word}/3")
    assert _PATH_PAGE.search(f"/novini/{word}-3/")
    assert not _PATH_PAGE.search(f"/novini/{word}s-3")  # another word


@pytest.mark.parametrize("word", pager_words.PAGE_IN_ADDRESSES)
def test_an_articles_later_page_is_numbered_by_every_spelling_of_page(word: str) -> None:
    html = (
        "<html><body><article><h1>Бюджетът</h1>"
        f'<a href="/statii/byudzhet?{word}=1">« Предишна страница</a>'
        f'<a href="/statii/byudzhet?{word}=3">3</a></article></body></html>'
    )
    here = f"https://x.bg/statii/byudzhet?{word}=2"
    assert first_of(html, here) == f"https://x.bg/statii/byudzhet?{word}=1"
    assert next_part(html, here, later=True) == f"https://x.bg/statii/byudzhet?{word}=3"


@pytest.mark.parametrize("way", pager_words.FORWARD)
def test_a_link_forward_is_no_link_back_to_an_articles_page_before(way: str) -> None:
    # (a link to ?page=1 saying "Следваща страница" is no pager's way back)
    html = f'<html><body><h1>Бюджетът</h1><a href="/a?page=1">{way} страница</a></body></html>'
    assert first_of(html, "https://x.bg/a?page=2") is None
