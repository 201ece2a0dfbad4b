"""A slash date that reads two ways ("03/02/2025": 3 February or 2 March) read the way
the page itself writes: the article's URL filing it under one reading's day or month, else
the page's other slash dates reading one way only (a card's "1/31/2025"). The page's
language decides only where the page says nothing (``published._in_the_pages_order``).

The pages are written here, in the shapes of a US agency's topic page (a bare
``lang="en"``, "Updated: 6/2/2025" and cards of "1/31/2025"), a Bulgarian Drupal site
printing "m/d/Y", and a WordPress blog filing posts under ``/YYYY/MM/DD/``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive import dates
from newsarchive.date_stamps import url_month
from newsarchive.extraction import extract
from newsarchive.models import Article

TODAY = dt.date(2026, 12, 7)
_TEXT = (
    "<p>The county board adopted the budget for next year after a long debate in the hall"
    " of the community centre, and thanked the staff for the months of work behind it.</p>"
    "<p>Money is set aside for three streets, the kindergarten and the school buses; the"
    " report on how it was spent will be presented in the spring, as every year.</p>"
)
_BG_TEXT = (
    "<p>Общинският съвет прие бюджета за следващата година след дълго обсъждане в залата"
    " на читалището и благодари на служителите за месеците работа по него.</p>"
    "<p>Предвидени са средства за три улици, детската градина и училищния транспорт, а"
    " отчетът за изпълнението ще бъде представен през пролетта, както всяка година.</p>"
)


def _page(lang: str, byline: str, cards: tuple[str, ...] = (), text: str = _TEXT) -> str:
    listed = "".join(
        f'<li class="card"><h3><a href="/news/{n}">Another notice {n}</a></h3><p>{day}</p></li>'
        for n, day in enumerate(cards)
    )
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        "<title>Budget adopted | County Board</title></head><body>"
        '<nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f'<main><article><h1>Budget adopted</h1><div class="meta">{byline}</div>{text}'
        f'</article><aside class="related"><ul>{listed}</ul></aside></main>'
        "<footer>County Board</footer></body></html>"
    )


def _dates(html: str, url: str) -> Article:
    return extract(html, url, today=TODAY)


@pytest.mark.parametrize(
    "url",
    [
        "https://board.example.org/2025/03/02/budget-adopted",
        "https://board.example.org/news/2025/03/budget",
    ],
)
def test_the_articles_url_says_which_reading_of_its_slash_date_is_meant(url: str) -> None:
    """A bare "en" reads "03/02/2025" day first (3 February); the URL files the post
    under 2 March (its day, or its month alone): 2 March, and the listing or feed has
    nothing left to settle."""
    article = _dates(_page("en", "Published 03/02/2025"), url)
    assert article.published == dt.date(2025, 3, 2)
    assert article.published_other is None
    assert article.rules["published"].endswith(":url-order")
    assert article.date_source == "text"


def test_a_url_filed_under_the_reading_taken_confirms_it() -> None:
    article = _dates(
        _page("en", "Published 03/02/2025"), "https://board.example.org/2025/02/03/budget"
    )
    assert article.published == dt.date(2025, 2, 3)
    assert article.published_other is None  # (settled: no listing reads it again)
    assert not article.rules["published"].endswith("-order")


def test_a_url_filed_under_neither_reading_leaves_the_language_to_decide() -> None:
    article = _dates(
        _page("en", "Published 03/02/2025"), "https://board.example.org/2024/11/budget"
    )
    assert article.published == dt.date(2025, 2, 3)
    assert article.published_other == dt.date(2025, 3, 2)


def test_the_pages_cards_written_month_first_read_its_own_date_so() -> None:
    """The US agency's topic page: "Updated: 6/2/2025" under a bare "en", its cards
    "1/31/2025" and "12/17/2024", which read month first only: 2 June, not 6 February."""
    html = _page(
        "en",
        "<strong>Updated:</strong> 6/2/2025",
        ("3/13/2026", "1/31/2025", "12/17/2024"),
    )
    article = _dates(html, "https://agency.example.gov/topics/climate")
    assert article.published == dt.date(2025, 6, 2)
    assert article.rules["published"].endswith(":page-order:modified-only")


def test_both_dates_of_a_page_are_read_its_way() -> None:
    """ "Updated 03/14/2025 · Published 03/02/2025": the change reads one way only, so the
    page writes month first, and its publication is 2 March."""
    article = _dates(
        _page("en", "Updated 03/14/2025 · Published 03/02/2025"),
        "https://board.example.org/news/budget",
    )
    assert article.published == dt.date(2025, 3, 2)
    assert article.modified == dt.date(2025, 3, 14)


def test_a_bulgarian_drupal_page_printing_month_first_is_read_so() -> None:
    """``lang="bg"`` reads day first; the site's Drupal writes "m/d/Y", which its cards'
    "11/29/2026" shows: "Публикувано на 11/09/2026" is 9 November."""
    html = _page(
        "bg", "Публикувано на 11/09/2026 от Мария Петрова", ("11/29/2026", "11/18/2026"), _BG_TEXT
    )
    article = _dates(html, "https://www.obshtina-primer.bg/node/77")
    assert article.published == dt.date(2026, 11, 9)
    assert article.author == "Мария Петрова"


def test_a_page_mixing_both_orders_says_nothing_of_either() -> None:
    html = _page("bg", "Публикувано на 11/09/2026", ("11/29/2026", "29/11/2026"), _BG_TEXT)
    article = _dates(html, "https://www.obshtina-primer.bg/node/78")
    assert article.published == dt.date(2026, 9, 11)  # the language's reading
    assert article.published_other == dt.date(2026, 11, 9)


def test_an_american_page_writing_day_first_is_read_so() -> None:
    """``lang="en-US"`` reads month first; cards of "29/11/2026" say this page does not."""
    html = _page("en-US", "Posted 05/11/2026", ("29/11/2026", "17/10/2026"))
    article = _dates(html, "https://board.example.org/news/budget")
    assert article.published == dt.date(2026, 11, 5)


def test_the_other_reading_is_never_taken_after_the_fetch() -> None:
    """ "12/11/2026" fetched 7 December: 12 November is past, 11 December is not, so the
    date reads one way only (``TextDate.other`` holds no future day) and the URL asking for
    December changes nothing. A guard: it passes on the code before the rule too."""
    article = _dates(
        _page("en", "Published 12/11/2026"), "https://board.example.org/2026/12/budget"
    )
    assert article.published == dt.date(2026, 11, 12)


@pytest.mark.parametrize(
    ("texts", "order"),
    [
        (["1/31/2025", "6/2/2025"], True),
        (["31/1/2025"], False),
        (["6/2/2025", "03/04/2026"], None),  # nothing tells
        (["31/1/2025 and 1/31/2025"], None),  # both tell
        (["31.01.2025", "6/2/2025"], None),  # a dotted date is not a slash date
    ],
)
def test_slash_order(texts: list[str], order: bool | None) -> None:
    assert dates.slash_order(texts) is order
    assert dates.slashes_month_first(texts) is (order is True)


@pytest.mark.parametrize(
    ("url", "month"),
    [
        ("https://a.example/2025/03/budget", (2025, 3)),
        ("https://a.example/news/2025/3/", (2025, 3)),
        ("https://a.example/2025/03/02/budget", (2025, 3)),
        ("https://a.example/2025/13/budget", None),
        ("https://a.example/id/12025/03/budget", None),
        ("https://a.example/list?from=/2025/03/", None),
    ],
)
def test_url_month(url: str, month: tuple[int, int] | None) -> None:
    assert url_month(url) == month


@pytest.mark.parametrize(
    ("text", "month_first", "day"),
    [
        # a forum's "m-d-Y, h:i A": the second number over 12 says month first anywhere
        ("Posted 10-27-2026, 09:41 PM", False, dt.datetime(2026, 10, 27, 21, 41)),
        ("10-27-2026, 09:41 AM", True, dt.datetime(2026, 10, 27, 9, 41)),
        # both readings days: the page's language decides, as for a slash date
        ("05-06-2026", True, dt.date(2026, 5, 6)),
        ("05-06-2026", False, dt.date(2026, 6, 5)),
        ("27-10-2026 21:41", True, dt.datetime(2026, 10, 27, 21, 41)),
    ],
)
def test_a_hyphen_date_is_read_month_first_where_it_can_only_be_or_the_page_says(
    text: str, month_first: bool, day: dt.date
) -> None:
    """vBulletin's default "10-27-2026, 09:41 PM" was no date at all: the hyphen date was
    read day first only (no 27th month), and month first only with slashes."""
    assert dates.parse_text_date(text, today=TODAY, month_first=month_first) == day


@pytest.mark.parametrize(
    "text", ["11/02/2026 07:05 PM", "Nov 2, 2026 7:05 P.M.", "02-11-2026 7:05 Pm"]
)
def test_pm_in_capitals_is_afternoon_on_every_date_form(text: str) -> None:
    """ "11/02/2026 07:05 PM" was 07:05: the slash date's pattern was the one date pattern
    that did not ignore case, and took "pm" alone."""
    value = dates.parse_text_date(text, today=TODAY, month_first="/" in text)
    assert value == dt.datetime(2026, 11, 2, 19, 5)
