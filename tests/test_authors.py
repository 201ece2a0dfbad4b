"""Where the generic author rule finds a byline on pages nobody tuned for; every page here is
written for the test, in Bulgarian and English."""

from __future__ import annotations

from newsarchive.extraction import extract

PROSE_BG = "<p>" + "Общинският съвет прие бюджета след дълго обсъждане в залата. " * 5 + "</p>"
PROSE_EN = "<p>" + "The council passed the budget after a long debate in the chamber. " * 5 + "</p>"


def test_byline_outside_the_first_article_element() -> None:
    """The first ``<article>`` on the page is a related-news card; the byline sits in the
    headline's own block, which is no ``<article>`` at all."""
    html = (
        '<html><body><main><div class="post"><h1>Бюджетът е приет</h1>'
        '<div class="post__author">Мария Петрова</div>'
        f'<div class="post__content">{PROSE_BG}</div>'
        '<div class="related"><article class="card"><h3>Друга новина</h3></article></div>'
        "</div></main></body></html>"
    )
    assert extract(html).author == "Мария Петрова"


def test_byline_above_the_main_element() -> None:
    html = (
        '<html><body><div class="hero"><h1>Budget approved</h1><div class="author-info">'
        '<span class="author-name">Jane Doe</span> <span>3 March 2025</span></div></div>'
        f"<main>{PROSE_EN}</main></body></html>"
    )
    assert extract(html).author == "Jane Doe"
