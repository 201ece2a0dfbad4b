"""A date printed inside the headline's h1 ("03.03.2026 Заглавие", "Заглавие (12.03.2026)"),
as municipal themes do: the title is the headline without it, and the date, where the page
gives no other, is the article's."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.titles import without_date

HEADLINE = "Нов график на градския транспорт"


def _page(h1: str, stated: str = "Община Бяла") -> str:
    return (
        f"<html><head><title>{stated}</title></head><body>"
        '<header><nav><a href="/">Начало</a> <a href="/novini">Новини</a></nav></header>'
        f'<main><div class="news-item"><h1>{h1}</h1><div class="news-text">'
        "<p>От понеделник автобусите по линии 12 и 14 ще тръгват на всеки двадесет минути,"
        " съобщиха от общинската транспортна фирма.</p><p>Промяната е направена след"
        " проучване сред пътниците през зимата.</p></div></div></main>"
        "<footer><p>© Община Бяла</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("h1", "day"),
    [
        (f"03.03.2026 {HEADLINE}", dt.date(2026, 3, 3)),
        (f"12 март 2026 г. {HEADLINE}", dt.date(2026, 3, 12)),
        (f"{HEADLINE} (12.03.2026)", dt.date(2026, 3, 12)),
        (f"{HEADLINE} – 12.03.2026", dt.date(2026, 3, 12)),
    ],
)
def test_a_date_inside_the_h1_leaves_the_title_and_dates_the_article(h1: str, day: dt.date) -> None:
    article = extract(_page(h1))
    assert article.title == HEADLINE
    assert article.published == day
    assert article.rules["published"] == "generic:headline-date"


@pytest.mark.parametrize(
    "title",
    [
        "Бюджетът ще бъде приет до 15.03.2026",  # the sentence's own date
        "12 март 2026 г. ще остане в историята на града",  # a sentence opens with it
        "Концерт на 12.03.2026 (четвъртък)",
    ],
)
def test_a_date_that_is_part_of_the_headlines_sentence_stays(title: str) -> None:
    assert without_date(title) == (title, "")


def test_a_date_the_stated_title_holds_too_names_the_piece_and_stays() -> None:
    """A newsletter's issue named by its day: the page's <title> says so too."""
    h1 = f"{HEADLINE} (12.03.2026)"
    assert extract(_page(h1, stated=h1)).title == h1


def test_a_headline_opening_with_a_quoted_name_after_the_date_is_one_too() -> None:
    """ "03.03.2026 „Зелена Бяла“ стартира": the capital is inside the quote; the
    headline after the date is as capitalised as one without. A quoted small word after
    a date is still a sentence's."""
    headline = "„Зелена Бяла“ стартира през април"
    article = extract(_page(f"03.03.2026 {headline}"))
    assert (article.title, article.published) == (headline, dt.date(2026, 3, 3))
    sentence = "12 март 2026 г. „ще“ остане в историята"
    assert without_date(sentence) == (sentence, "")


@pytest.mark.parametrize(
    "h1",
    [
        "Концерт на 12.03.2026 в читалището",
        "Среща с жителите на 5 април",
        "Концерт в читалището 12.03.2026",  # at the end, but no separator sets it apart
        "Концерт в читалището на 12 март 2026 г.",
    ],
)
@pytest.mark.parametrize("repeated", [False, True])
def test_an_events_date_inside_the_headlines_sentence_neither_leaves_it_nor_dates_it(
    h1: str, repeated: bool
) -> None:
    """The day of the event the headline announces is not the day of the page, on a page
    that gives no other: not from the h1, nor from its copy a theme prints again over the
    text (which the windows by the headline read as a byline's date before)."""
    page = _page(h1)
    if repeated:
        page = page.replace('<div class="news-text">', f'<div class="news-text"><p><b>{h1}</b></p>')
    article = extract(page)
    assert article.title == h1
    assert article.published is None
    assert article.rules["published"] == "none"
