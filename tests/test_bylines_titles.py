"""Bylines in Bulgarian and English, and the headline a reader sees, on pages written for
these tests."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import (
    SAYS_POSTED_BY,
    byline_in_text,
    clean_byline,
    posted_by,
    posted_by_at,
)
from newsarchive.markup import parse_html

PROSE = "<p>" + "Общинският съвет прие бюджета след дълго обсъждане в залата. " * 5 + "</p>"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Автор: Иван Петров", "Иван Петров"),
        ("Автори: Мария Иванова и Петър Колев", "Мария Иванова и Петър Колев"),
        ("От Мария Иванова | 14.03.2025", "Мария Иванова"),
        ("By Jane Doe", "Jane Doe"),
        ("Written by Jane Doe on March 3, 2025", "Jane Doe"),
        ("By\nJane Doe\nSenior Editor", "Jane Doe"),
        ("Jane Doe March 3, 2025", "Jane Doe"),
        ('"Jane Doe"', "Jane Doe"),
        ("undefined", ""),
        ("https://example.org/people/jane", ""),
        ("@janedoe", ""),  # a handle, not a name
        ("Written By", ""),
        ("This article was checked by our editors before it went live today", ""),
        ("The council checked the plan today.", ""),  # a sentence, however short
    ],
)
def test_clean_byline(text: str, expected: str) -> None:
    assert clean_byline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14.03.2025 Автор: Георги Димитров Общината съобщи", "Георги Димитров"),
        ("От Анна Стоянова, Русе, 14 март 2025", "Анна Стоянова"),  # the comma ends the name
        ("Posted by Sam Lee in News", "Sam Lee"),
        ("От Община Русе съобщиха, че улицата се затваря", ""),  # a preposition, not a byline
    ],
)
def test_byline_in_text(text: str, expected: str) -> None:
    assert byline_in_text(text) == expected


def test_byline_element_gives_the_author() -> None:
    html = (
        "<html><body><article><h1>Бюджетът е приет</h1>"
        '<div class="post-author"><span>Автор:</span> <a href="/a/1">Иван Петров</a></div>'
        f"{PROSE}</article></body></html>"
    )
    article = extract(html)
    assert article.author == "Иван Петров"
    assert article.rules["author"].startswith("generic:")


def test_byline_text_after_the_headline() -> None:
    html = (
        "<html><body><article><h1>Budget approved</h1><p>By Jane Doe | 3 March 2025</p>"
        f"{PROSE}</article></body></html>"
    )
    assert extract(html).author == "Jane Doe"


def test_organisation_in_jsonld_yields_to_a_named_person() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle",'
        ' "author": {"@type": "Organization", "name": "Вестник Русе"}}</script></head>'
        '<body><article><h1>Бюджетът е приет</h1><p class="byline">Автор: Иван Петров</p>'
        f"{PROSE}</article></body></html>"
    )
    assert extract(html).author == "Иван Петров"
    without_person = html.replace('<p class="byline">Автор: Иван Петров</p>', "")
    assert extract(without_person).author == "Вестник Русе"


def test_title_is_the_visible_headline_not_the_social_card() -> None:
    html = (
        '<html><head><meta property="og:title" content="Бюджет 2025: какво трябва да знаете">'
        "<title>Бюджет 2025: какво трябва да знаете | Вестник</title></head><body><article>"
        f"<h1>Общинският съвет прие бюджета за 2025 година</h1>{PROSE}</article></body></html>"
    )
    article = extract(html)
    assert article.title == "Общинският съвет прие бюджета за 2025 година"
    assert article.rules["title"] == "generic:h1"


def test_logo_h1_is_not_the_title() -> None:
    html = (
        '<html><head><meta property="og:site_name" content="Вестник">'
        '<meta property="og:title" content="Бюджетът е приет"></head><body>'
        f"<h1>Вестник</h1><article>{PROSE}</article></body></html>"
    )
    assert extract(html).title == "Бюджетът е приет"


def test_title_segment_spelling_the_host_is_dropped() -> None:
    html = (
        "<html><head><title>Бюджетът е приет | Ruse News</title></head><body><article>"
        f"{PROSE}</article></body></html>"
    )
    assert extract(html, "https://www.rusenews.bg/a/1").title == "Бюджетът е приет"


def test_headline_broken_by_a_line_break_keeps_its_words_apart() -> None:
    html = (
        "<html><head><title>Нов парк в центъра • Вестник Русе</title></head><body><article>"
        f"<h1>Нов парк<br>в центъра</h1>{PROSE}</article></body></html>"
    )
    assert extract(html).title == "Нов парк в центъра"


def test_a_headline_typed_in_capitals_takes_the_casing_the_page_states() -> None:
    from newsarchive.extraction.pipeline import extract

    page = (
        "<html><head><title>Търг за ремонта на улиците | Община Примерна</title>"
        '<meta property="og:site_name" content="Община Примерна"></head><body><article>'
        "<h1>ТЪРГ ЗА РЕМОНТА НА УЛИЦИТЕ</h1><p>Общината обяви търг за ремонта на шест улици"
        " в центъра, като офертите се приемат до края на месеца.</p></article></body></html>"
    )
    assert extract(page).title == "Търг за ремонта на улиците"
    shouting = page.replace("<title>Търг за ремонта на улиците", "<title>Друго заглавие")
    assert extract(shouting).title == "ТЪРГ ЗА РЕМОНТА НА УЛИЦИТЕ"  # no other casing known


def test_posted_by_is_found_after_its_stem_opening_the_text() -> None:
    """The search for "Posted by" skips to each place a stem of its words stands; a text
    opening with a stem ("osted …", a word cut at a page's edge) ended the search at
    once, so the label after it was never found and the page's one byline was lost."""
    assert posted_by_at("osted, then: Posted by Jane Doe") == [13]
    assert posted_by_at("убликувано: Публикувано от Мария") == [12]


@pytest.mark.parametrize(
    "label",
    ["Публикувано от", "Публикувана от", "Написано от", "Написана от", "ПУБЛИКУВАНО ОТ",
     "НАПИСАНА ОТ", "Posted by", "posted by", "Written by", "WRITTEN BY"],
)  # fmt: skip
def test_the_elements_saying_posted_by_are_found_in_every_form_the_label_is(label: str) -> None:
    """One vocabulary: the selector for the elements holding the label is made from the
    words ``POSTED_BY`` reads, and the line is read in either order by one reader."""
    tree = parse_html(
        f"<html><body><div><p>{label} Мария Кирова на 10.11.2026</p></div></body></html>"
    )
    assert posted_by_at(f"x {label} Мария") == [2]
    assert [node.tag for node in tree.css(SAYS_POSTED_BY)][-1:] == ["p"]
    assert posted_by(f"{label} Мария Кирова на 10.11.2026") == ("Мария Кирова", "10.11.2026")
    assert posted_by("Публикувано на 10.11.2026 от Мария Кирова") == (
        "Мария Кирова",
        "Публикувано на 10.11.2026",
    )


@pytest.mark.parametrize(
    ("first", "kept"),
    [
        ("От Мария Кирова", False),  # the byline the author is read from
        ("By Мария Кирова", False),
        ("От Иван Петров", True),  # someone else: a line of the text
        ("Мария Кирова", True),  # a name alone: an interview's speaker, say
    ],
)
def test_a_byline_of_the_author_opening_the_text_is_not_text(first: str, kept: bool) -> None:
    html = (
        '<html><head><meta name="author" content="Мария Кирова"></head><body>'
        f"<article><h1>Бюджетът е приет</h1><p>{first}</p>{PROSE}</article></body></html>"
    )
    article = extract(html)
    assert article.author == "Мария Кирова"
    assert article.text.startswith(first) is kept
    assert "Общинският съвет прие бюджета" in article.text
