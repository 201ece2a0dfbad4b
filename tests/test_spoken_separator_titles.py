"""A headline's kicker and its words set apart by a separator written for screen readers
alone ("<span class="visually-hidden">: </span>"): the separator is read, so the kicker
is not glued to the headline's first word. Pages written for the test."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract

URL = "https://stadtblatt.example/verkehr/neue-bruecke"
PROSE = "<p>" + "Die neue Brücke verbindet die beiden Ufer und entlastet die Innenstadt. " * 6
PROSE += "</p>"


def _page(h1: str, title: str) -> str:
    return (
        f"<html lang='de'><head><title>{title}</title></head><body><article>{h1}"
        f"{PROSE * 4}</article></body></html>"
    )


def _h1(kicker_class: str, hidden_class: str, separator: str) -> str:
    return (
        f'<h1><span class="{kicker_class}">Verkehr</span>'
        f'<span class="{hidden_class}">{separator}</span>'
        '<span class="headline">Neue Mainbrücke für Radler eröffnet</span>'
        f'<span class="{hidden_class}"> (Artikel lesen)</span></h1>'
    )


@pytest.mark.parametrize("hidden_class", ["visually-hidden", "sr-only"])
def test_a_screen_readers_separator_keeps_the_kicker_apart(hidden_class: str) -> None:
    """Read as the page's own title writes it; words for screen readers alone ("(Artikel
    lesen)") stay unread, and a kicker a class names a label goes with its separator."""
    alone = _page(_h1("head-top", hidden_class, ": "), "Stadtblatt")  # no stated headline
    assert extract(alone, URL).title == "Verkehr: Neue Mainbrücke für Radler eröffnet"
    stated = "Verkehr – Neue Mainbrücke für Radler eröffnet | Stadtblatt"
    dashed = _page(_h1("head-top", hidden_class, " – "), stated)
    assert extract(dashed, URL).title == "Verkehr – Neue Mainbrücke für Radler eröffnet"
    labelled = _page(_h1("kicker", hidden_class, ": "), "Stadtblatt")
    assert extract(labelled, URL).title == "Neue Mainbrücke für Radler eröffnet"
