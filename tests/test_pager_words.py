"""One pager vocabulary (``discover.pager_words``), each reader taking its part: a
list's pager row (``items``), a list's later page by its path and its next or older
link's words, an article's older one by its link's (``listings``), an article's later
page by its query, its link back and its headline's mark (``continuation``)."""

from __future__ import annotations

import pytest

from newsarchive.discover import pager_words
from newsarchive.discover.items import _PAGER_LABEL
from newsarchive.discover.listings import PATH_PAGE
from newsarchive.discover.next_pages import (
    _MORE_TEXT,
    _NEXT_TEXT,
    _OLDER,
    _OLDER_ARTICLE,
    _OPTION_PAGE,
)
from newsarchive.extraction.continuation import _headline, first_of, next_part


@pytest.mark.parametrize("way", pager_words.EVERY_WAY)
def test_every_way_a_pager_says_labels_a_pager_row(way: str) -> None:
    for label in (way, f"« {way.title()}", f"{way} {pager_words.PAGE_NOUNS[0]} »"):
        assert _PAGER_LABEL.match(label), label
    assert not _PAGER_LABEL.match(f"{way} ремонт на моста")  # a headline opening with it


@pytest.mark.parametrize("word", pager_words.PAGE_IN_ADDRESSES)
def test_a_lists_later_page_is_named_by_every_spelling_of_page(word: str) -> None:
    assert PATH_PAGE.search(f"/novini/{word}/3")
    assert PATH_PAGE.search(f"/novini/{word}-3/")
    assert not PATH_PAGE.search(f"/novini/{word}s-3")  # another word


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


@pytest.mark.parametrize("way", pager_words.FORWARD)
def test_every_way_forward_says_a_lists_next_page(way: str) -> None:
    arrow = pager_words.ARROWS_ON[0]
    for label in (way, f"{way} {arrow}", f"Към {way} {pager_words.PAGE[0]}", f"{way}{arrow}"):
        assert _NEXT_TEXT.match(label), label
    assert not _NEXT_TEXT.match(f"{way} заседание на общинския съвет")


@pytest.mark.parametrize(("on", "back"), [("»", "«"), ("►", "◄"), ("▶", "◀")])
def test_a_pointer_arrow_says_a_lists_next_page_and_its_twin_a_pager_row(
    on: str, back: str
) -> None:
    # (dzhelovo's Domino view: "◄ Назад" and "Напред ►", no pager's words before)
    assert on in pager_words.ARROWS_ON and back in pager_words.ARROWS_BACK
    assert _NEXT_TEXT.match(f"Напред {on}") and _NEXT_TEXT.match(on)
    assert _PAGER_LABEL.match(f"Напред {on}") and _PAGER_LABEL.match(f"{back} Назад")
    assert not _NEXT_TEXT.match(f"{back} Назад")


@pytest.mark.parametrize("older", pager_words.OLDER)
@pytest.mark.parametrize("items", pager_words.ITEMS)
def test_older_news_says_a_lists_next_page_whichever_way_its_arrow_points(
    older: str, items: str
) -> None:
    for arrow in ("", f" {pager_words.ARROWS_ON[0]}"):
        assert _NEXT_TEXT.match(f"{older} {items}{arrow}")
    assert _NEXT_TEXT.match(f"{pager_words.ARROWS_BACK[-1]} {older} {items}")


@pytest.mark.parametrize("item", pager_words.ITEM)
def test_an_articles_link_to_the_one_before_it(item: str) -> None:
    for before in ("предишна", "Предходна", *pager_words.OLDER):
        assert _OLDER_ARTICLE.match(f"{pager_words.ARROWS_BACK[0]} {before} {item}")
    assert not _OLDER_ARTICLE.match(f"« Предишна {item} за бюджета")
    assert not _OLDER_ARTICLE.match(f"Следваща {item}")  # the newer one


def test_a_link_back_to_the_list_is_no_older_page_nor_article() -> None:
    for label in ("« Назад", "Назад към новините", "Back", "« Back to news"):
        assert not _OLDER.match(label) and not _OLDER_ARTICLE.match(label), label
    assert _OLDER.match("« Предишни публикации") and _OLDER.match("<<Previous")


@pytest.mark.parametrize("noun", pager_words.PAGE_NOUNS)
def test_a_later_pages_headline_mark_is_any_name_for_a_page(noun: str) -> None:
    for marked in (f"Бюджетът - {noun} 2", f"Бюджетът ({noun}. 2)", f"Бюджетът {noun.title()} 12"):
        assert _headline(marked) == "бюджетът", marked
    assert _headline("Сесия 12") == "сесия 12"  # a bare number is the headline's own


@pytest.mark.parametrize("items", pager_words.ITEMS)
def test_a_load_more_button_names_the_news_as_a_pager_does(items: str) -> None:
    for label in (f"Покажи още {items}", f"Load more {items} {pager_words.ARROWS_ON[0]}"):
        assert _MORE_TEXT.match(label), label
    assert not _MORE_TEXT.match(f"Още {items} за бюджета")


@pytest.mark.parametrize("noun", pager_words.PAGE)
def test_a_drop_down_pagers_option_names_its_page_as_a_pager_does(noun: str) -> None:
    for option in (f"{noun.title()} 3", f"{noun}. 3", "3"):
        found = _OPTION_PAGE.match(option)
        assert found and found[1] == "3", option
    assert not _OPTION_PAGE.match(f"{noun} 3 от 7") and not _OPTION_PAGE.match("част 3")


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("Брой 43 / 20-11-2026г.", 43),
        ("бр. 12", 12),
        ("Брой № 44 (27.11.2026)", 44),
        ("Issue 7", 7),
        ("Брой 5 на бюлетина излезе от печат", None),  # a headline naming an issue
        ("Бройка 3", None),
        ("43", None),
    ],
)
def test_a_periodicals_issue_is_named_by_its_word_number_and_day_alone(
    label: str, number: int | None
) -> None:
    assert pager_words.issue_number(label) == number


@pytest.mark.parametrize(
    ("label", "number"),
    [
        ("Брой 4" + ")" * 20_000 + "x", None),  # (2.8 s before: the marks split every way)
        ("Брой 4 (" + ")" * 20_000, 4),
        ("Брой 4 (27.11.2026" + ")" * 20_000, 4),
    ],
)
def test_an_issue_label_of_a_long_run_of_marks_is_read_once(label: str, number: int | None) -> None:
    """A hostile link's text of thousands of closing marks is answered as a short one
    is: the label's marks are one run, read once (``_ISSUE_LABEL``)."""
    assert pager_words.issue_number(label) == number
