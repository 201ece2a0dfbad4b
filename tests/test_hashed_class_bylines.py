"""A byline under the headline on a page whose build hashes its class names: the writer's
element and the date's set side by side, no label, no class word that says "author" or
"date", no structured data. Every page is written for the test, in Bulgarian and English,
with classes shaped as a CSS-modules build names them."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import name_then_date

PROSE_BG = "<p>" + "Общинският съвет прие бюджета след дълго обсъждане в залата. " * 5 + "</p>"
PROSE_EN = "<p>" + "The council passed the budget after a long debate in the chamber. " * 5 + "</p>"


def _hashed_page(headline: str, writer: str, day: str, prose: str) -> str:
    """A headline, then the writer's and the date's spans in one row, then the text: the
    classes say nothing ("c3f9a1b"), as a build that hashes them leaves them."""
    return (
        '<html><body><main class="c91be2a"><article class="c0d4e7f">'
        f'<h1 class="c5a02bb">{headline}</h1>'
        f'<div class="c7e1f30">\n  <span class="c2b9d41">{writer}</span>\n'
        f'  <span class="c8a3c17">{day}</span>\n</div>'
        f'<div class="c44f0de">{prose * 6}</div></article></main></body></html>'
    )


@pytest.mark.parametrize(
    ("writer", "day", "prose", "expected"),
    [
        ("Jane Roe", "March 3, 2026", PROSE_EN, "Jane Roe"),
        ("Niamh O'Connor", "3 March 2026", PROSE_EN, "Niamh O'Connor"),
        ("Pieter van Dijk", "2026-03-03", PROSE_EN, "Pieter van Dijk"),
        ("Zoltán Szabó", "03-03-2026", PROSE_EN, "Zoltán Szabó"),
        ("Мария Петрова", "3 март 2026 г.", PROSE_BG, "Мария Петрова"),
    ],
)
def test_a_name_set_beside_the_date_under_the_headline_is_the_author(
    writer: str, day: str, prose: str, expected: str
) -> None:
    """The reader sees the writer's name and the date side by side under the headline;
    the page's text runs them together with only a space between, and the class names
    are hashes, so no byline element and no mark between the two are left to go by."""
    article = extract(_hashed_page("Общината ремонтира моста", writer, day, prose))
    assert article.author == expected
    assert article.rules["author"] == "generic:text-near-title"


@pytest.mark.parametrize(
    ("writer", "day", "prose"),
    [
        # a dateline: a place and the date
        ("New York", "March 3, 2026", PROSE_EN),
        ("Стара Загора", "3 март 2026 г.", PROSE_BG),
        # a label in lower case after the name: a sentence's verb, not the date's label
        ("Jane Roe", "updated on March 3, 2026", PROSE_EN),
        # a role before the name; a mark after a place's name
        ("Кметът Иван Колев", "3 март 2026 г.", PROSE_BG),
        ("New York |", "March 3, 2026", PROSE_EN),
        # a sentence, not a name
        ("the council met on", "March 3, 2026", PROSE_EN),
    ],
)
def test_a_place_or_a_phrase_beside_the_date_names_nobody(
    writer: str, day: str, prose: str
) -> None:
    article = extract(_hashed_page("Общината ремонтира моста", writer, day, prose))
    assert article.author in (None, "")


def test_name_then_date_reads_the_line_alone() -> None:
    """The line's split: the shortest name whose rest is a bare date."""
    assert name_then_date("Luke Kim December 17, 2025") == "Luke Kim"
    assert name_then_date("Craig McCarthy updated on 17 December 2025") == ""
    assert name_then_date("Luke Kim December 17, 2025 Choosing a builder is hard") == ""
    assert name_then_date("Luke Kim") == ""
