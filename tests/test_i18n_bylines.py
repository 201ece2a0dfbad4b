"""Bylines as pages in other languages print them: names whose capitals are no ASCII
or basic Cyrillic letters ("Małgorzata Żak", "Tomáš Šimek"), written for the test."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import byline_in_text, name_then_date

URL = "https://gazeta.example/wiadomosci/most-otwarty"
PROSE = "<p>" + "Radni przyjęli budżet na remont mostu po długiej i burzliwej dyskusji. " * 6
PROSE += "</p>"


def _page(byline: str) -> str:
    return (
        '<html lang="pl"><head><title>Most znowu otwarty</title></head><body><article>'
        f"<h1>Most znowu otwarty</h1><p class='meta'>{byline}</p>{PROSE * 4}"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "writer"),
    [
        ("Dodano: 04.12.2026, 12:40 | Autor: Halina Ćwik", "Halina Ćwik"),
        ("Publikováno 3. prosince 2026 · Autor: Ondřej Šťastný", "Ondřej Šťastný"),
        ("07.12.2026 | Yazar: Ayşe Öztürk", "Ayşe Öztürk"),
        ("1. Dezember 2026 | Autor: Lena Örtel", "Lena Örtel"),
    ],
)
def test_a_labelled_name_keeps_its_words_with_accented_capitals(byline: str, writer: str) -> None:
    assert extract(_page(byline), URL).author == writer


@pytest.mark.parametrize(
    ("text", "writer"),
    [
        ("Autor: Łucja Żurawska", "Łucja Żurawska"),
        ("Autor:Żaneta Ćwik", "Żaneta Ćwik"),  # the label's element glued to the name's
        ("Von Jürgen Österreicher", "Jürgen Österreicher"),
    ],
)
def test_byline_in_text_reads_accented_capitals(text: str, writer: str) -> None:
    assert byline_in_text(text) == writer


def test_a_name_then_its_date_with_accented_capitals() -> None:
    assert name_then_date("Şule Ünal 12.03.2026") == "Şule Ünal"


@pytest.mark.parametrize(
    ("byline", "writer"),
    [
        # Greek's label for the writer
        ('<span class="author">Συντάκτρια: Ελένη Παππά</span>', "Ελένη Παππά"),
        # Polish's and Czech's label for a woman writer
        ('<span class="author">Autorka: Zofia Wrona</span>', "Zofia Wrona"),
        # Romanian, Spanish, Polish, Czech and Portuguese templates name the class so
        (
            '<span class="autor">Sorin Dumitrescu</span>, <span class="rol">profesor</span>',
            "Sorin Dumitrescu",
        ),
        # the wire the writer files for after a slash
        ('<span class="autor">Por Lucía Ferrer / EFE</span>', "Lucía Ferrer"),
    ],
    ids=["greek-label", "autorka", "autor-class", "autor-class-wire"],
)
def test_labels_and_classes_of_other_languages_name_the_writer(byline: str, writer: str) -> None:
    assert extract(_page(byline), URL).author == writer


def test_dutch_door_opens_a_byline_and_a_sentence() -> None:
    """ "Door" is "By" in Dutch, and opens sentences as "Von" does ("Door de regen …")."""
    assert byline_in_text("Door Sanne de Vries") == "Sanne de Vries"
    assert byline_in_text("Door de regen bleef de brug dicht.") == ""
