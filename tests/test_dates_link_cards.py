"""Teaser cards of other pages (a link holding a headline of its own) never date the page.

Each page below prints its own day where only a late rule finds it (a column styled as a
sidebar, labelled), and under its text a row of cards, each one link to another story
with that story's day: before, the first card's day dated the page by whichever rule
met it first (its ``<time>``, its day in the text after the headline, its date box, its
byline's box).
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.date_words import says_published_word
from newsarchive.extraction import extract

_TODAY = dt.date(2026, 12, 1)
_URL = "https://obshtina.example/novini/remont-na-uchilishteto"


def _page(cards: str, side: str = "Публикувано: 12 ноември 2026") -> str:
    return (
        "<html lang='bg'><head><title>Ремонт на училището</title></head><body>"
        "<header><a href='/'>Община Примерно</a></header><main>"
        "<div class='layout-sidebar-left'><div class='meta-box'>" + side + "</div></div>"
        "<div class='content'><h1>Ремонт на училището</h1>"
        "<p>Общината започна ремонт на покрива и на физкултурния салон на основното "
        "училище. Работата ще продължи до края на зимната ваканция, съобщиха от "
        "общинската администрация.</p>"
        "<p>Учениците ще учат в сградата на читалището, докато трае ремонтът.</p>"
        "<div class='cards'>" + cards + "</div></div></main>"
        "<footer>© 2026 Община Примерно</footer></body></html>"
    )


_TIME_CARD = (
    "<a href='/novini/novi-pejki'><div><h3>Нови пейки в парка</h3>"
    "<p>Поставени са двадесет пейки.</p><time datetime='2026-11-20'>20 ноември 2026</time>"
    "</div></a>"
)
_TEXT_CARD = (
    "<a href='/novini/novi-pejki'><div><h3>Нови пейки в парка</h3>"
    "<p>Поставени са двадесет пейки.</p><span>20 ноември 2026</span></div></a>"
)
_BYLINE_CARD = (
    "<a href='/novini/novi-pejki'><div><h3>Нови пейки в парка</h3>"
    "<p><span class='author'>Мария Петрова</span> · 20 ноември 2026</p></div></a>"
)


@pytest.mark.parametrize("card", [_TIME_CARD, _TEXT_CARD], ids=["time", "text"])
def test_a_teaser_cards_day_does_not_date_the_page(card: str) -> None:
    article = extract(_page(card * 3), _URL, today=_TODAY)
    assert article.published is not None
    assert article.published == dt.date(2026, 11, 12)
    assert article.rules["published"] == "generic:labelled-anywhere"


def test_a_teaser_cards_date_box_does_not_date_the_page() -> None:
    card = _TIME_CARD.replace("<time datetime='2026-11-20'>", "<span class='card-date'>")
    card = card.replace("</time>", "</span>")
    article = extract(_page(card), _URL, today=_TODAY)
    assert article.published == dt.date(2026, 11, 12)


def test_a_teaser_cards_byline_does_not_date_an_otherwise_undated_page() -> None:
    """The card's writer and day are its story's: an undated page stays undated."""
    article = extract(_page(_BYLINE_CARD, side="Рубрика: Образование"), _URL, today=_TODAY)
    assert article.published is None


def test_the_labels_in_every_card_leave_the_pages_own_label_the_one() -> None:
    """Each card says "Дата на публикуване" over its day too: only the page's counts."""
    card = _TIME_CARD.replace("<time", "<span>Дата на публикуване</span> <time")
    article = extract(_page(card * 2), _URL, today=_TODAY)
    assert article.published == dt.date(2026, 11, 12)


def test_a_date_linked_to_its_post_still_dates_the_page() -> None:
    """A link that holds the date alone (a theme's permalink on the day) is no card."""
    page = _page("", side="Рубрика: Образование").replace(
        "<p>Общината",
        "<p><a href='/novini/remont'><time datetime='2026-11-12'>"
        "12.11.2026</time></a></p><p>Общината",
    )
    assert extract(page, _URL, today=_TODAY).published == dt.date(2026, 11, 12)


@pytest.mark.parametrize("label", ["Publish date", "Publication date"])
def test_an_english_column_heading_labels_its_day_published(label: str) -> None:
    assert says_published_word(f"{label} 15 November 2025")
    page = _page("", side=f"<h4>{label}</h4> <span>15 November 2025</span>")
    page = page.replace("lang='bg'", "lang='en'")
    assert extract(page, _URL, today=_TODAY).published == dt.date(2025, 11, 15)
