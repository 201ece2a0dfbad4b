"""A newsroom's desk or an administration's press office signing in other languages
("Redazione …", "La rédaction", "Пресс-служба …"): a team's signature or a generic one,
never a person, so that a writer the page names beats it. Every page is written for the
test."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import names_a_team, person_words

URL = "https://faro.example/noticias/puente-reparado"
PROSE = "<p>" + "El ayuntamiento aprobó el presupuesto para reparar el puente del río. " * 6
PROSE += "</p>"


def _page(byline: str, tail: str = "", head: str = "") -> str:
    return (
        f'<html lang="es"><head><meta property="og:site_name" content="El Faro">{head}</head>'
        f"<body><article><h1>El puente del río vuelve a abrirse</h1>"
        f'<div class="meta">{byline}</div>{PROSE * 4}{tail}</article></body></html>'
    )


@pytest.mark.parametrize(
    ("name", "lookalike"),
    [
        ("Redazione Gazzetta Alpina", "Marta Redondo"),
        ("Redacción El Faro", "Marta Redondo"),
        ("Redaktion Stadtanzeiger", "Hans Haberl"),
        ("Lokal-Redaktion", "Hans Haberl"),
        ("Kuzey Haber Merkezi", "Hans Haberl"),
        ("Redacţia Gazeta de Vest", "Joanna Redakowska"),
        ("Пресс-служба администрации района", "Joanna Redakowska"),
        ("Прес-служба міської ради", "Joanna Redakowska"),
    ],
)
def test_a_desk_with_its_outlets_name_is_a_team(name: str, lookalike: str) -> None:
    """The desk's word opens or closes the name; a person's name that merely starts
    with the same letters is still a person's."""
    assert names_a_team(name)
    assert person_words(name) == ""
    assert not names_a_team(lookalike)


def test_a_writers_label_under_the_text_wins_over_a_desks_byline() -> None:
    """With no person named the desk speaks for the site, as "Metro Desk" does; a
    writer's label under the text names who wrote it."""
    byline = '<span class="author">Redacción El Faro</span>'
    assert extract(_page(byline), URL).author == "Redacción El Faro"
    assert extract(_page(byline, "<p>Autora: Lucía Morales</p>"), URL).author == "Lucía Morales"


@pytest.mark.parametrize("desk", ["La rédaction", "Redazione", "Die Redaktion", "Redakcja"])
def test_a_bare_desk_word_in_the_author_meta_gives_way_to_the_printed_writer(desk: str) -> None:
    page = _page(
        '<span class="author">Lucía Morales</span>', head=f'<meta name="author" content="{desk}">'
    )
    assert extract(page, URL).author == "Lucía Morales"


@pytest.mark.parametrize("desk", ["La rédaction", "Haber Merkezi", "Редакція"])
def test_a_bare_desk_word_names_nobody(desk: str) -> None:
    assert extract(_page(f'<span class="author">{desk}</span>'), URL).author is None
