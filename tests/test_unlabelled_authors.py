"""Writers named where the earlier author rules did not look: a field in a sidebar of the
article's facts, a writer's box a page builder calls a widget, a name beside the date with
no label, an author meta broken over lines. Every page is written for the test, in
Bulgarian and English."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract

PROSE_BG = "<p>" + "Общинският съвет прие бюджета след дълго обсъждане в залата. " * 5 + "</p>"
PROSE_EN = "<p>" + "The council passed the budget after a long debate in the chamber. " * 5 + "</p>"


def _page(headline: str, after_headline: str, prose: str, tail: str = "") -> str:
    return (
        f"<html><body><article><h1>{headline}</h1>{after_headline}"
        f'<div class="entry-content">{prose * 6}</div>{tail}</article></body></html>'
    )


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Jane Roe\n\t\t\n\t and John Doe", "Jane Roe and John Doe"),
        ("Мария Петрова\n\t\t и Иван Колев", "Мария Петрова и Иван Колев"),
    ],
)
def test_an_author_meta_broken_over_lines_names_every_writer(content: str, expected: str) -> None:
    """A template indents the author meta's value over lines: its line breaks are no
    lines a reader sees, and the second writer after "and" is named too."""
    html = (
        f'<html><head><meta name="author" content="{content}"></head><body><article>'
        f"<h1>The bridge reopens</h1>{PROSE_EN}</article></body></html>"
    )
    assert extract(html).author == expected
