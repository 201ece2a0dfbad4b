"""An eightieth round of site shapes, one small site whose ARTICLE PAGES close the text
with the writer's name alone, unlabelled, set apart, crawled from the origin alone (a
profile of id, name and origin) through a real ``MirrorServer``, as
``test_round78_mirrors`` does its four.

The mirror (``tests/fixtures/make_mirrors_round80.py``): "Димитрина Начева" in
``<p><strong>`` or a paragraph aligned right under the text, and texts ending on a list
of villages or people in bold (podpis). It must archive exactly its articles with the
true title, date, author and body.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract

from .mirror_sites import check_bare_crawl
from .support import Result


def test_a_site_signing_with_the_name_set_apart_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, "podpis", "Община Подпис", "https://podpis.bg")


PARK = [
    "Общината откри нов парк в квартал Изток с алеи, пейки и детски кът.",
    "Паркът е засаден с над двеста дървета и храсти от местни видове.",
    "Жителите могат да предлагат имена за парка до края на месеца.",
]
URL = "https://p.bg/novini/5.html"


def _page(tail: str, byline: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARK)
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Нов парк | '
        "Община Тест</title></head><body><ul id='menu'><li><a href='/'>Начало</a></li><li>"
        "<a href='/novini/'>Новини</a></li></ul><div id='main'><div class='novina'>"
        f"<h1>Нов парк</h1><div class='data'>27.11.2026</div>{byline}"
        f"<div class='tekst'>{paras}{tail}</div></div></div>"
        "<div id='footer'><p>© 2026 Община Тест.</p></div></body></html>"
    )


@pytest.mark.parametrize(
    ("tail", "name"),
    [
        ("<p><strong>Димитрина Начева</strong></p>", "Димитрина Начева"),
        ("<p><b>Любомир Стаменов</b></p>", "Любомир Стаменов"),
        ('<p style="text-align: right;">Ралица Пеева</p>', "Ралица Пеева"),
        ('<p align="right"><b>Ралица Пеева</b></p>', "Ралица Пеева"),
        ('<p style="text-align:right"><strong>Jane Doe</strong></p>', "Jane Doe"),
    ],
)
def test_a_name_alone_set_apart_closing_the_text_signs_it(tail: str, name: str) -> None:
    """podpis: the writer's name alone in bold, or aligned right, as the text's last
    paragraph was kept as its last line and the article named nobody: it is the
    signature, out of the text and the author."""
    got = extract(_page(tail), URL)
    assert got.author == name
    assert got.text.splitlines()[-1] == PARK[-1]


@pytest.mark.parametrize(
    "tail",
    [
        "<p>Димитрина Начева</p>",  # plain: a list's last name may be one (round 73)
        "<ul><li><strong>Иван Колев</strong></li></ul>",  # a list's item
        "<p><strong>Мария Петрова</strong></p><p><strong>Иван Колев</strong></p>",
        "<p>Наградени са:</p><p><strong>Иван Колев</strong></p>",  # under a list's lead
        "<p><strong>Горно Брестово</strong></p>",  # a village, not a person
        "<p><strong>Очакваме ви всички</strong></p>",  # a shout
        "<p><strong>Иван Колев</strong></p><p>кмет на Община Тест</p>",  # a letter's
    ],
)
def test_a_bold_line_that_is_no_signature_stays_text(tail: str) -> None:
    """A name in bold among others, under a list's lead, a place, a phrase, or a name over
    a role line (a quoted letter's or an appeal's signature block, whose signer is
    whom the text quotes): the text's, naming nobody."""
    got = extract(_page(tail), URL)
    assert got.author is None
    last = tail.rsplit("<p>", 1)[-1].replace("<strong>", "").split("<", 1)[0]
    if "<li>" in tail:
        last = "Иван Колев"
    assert got.text.splitlines()[-1] == last


def test_a_byline_elsewhere_wins_and_its_name_set_apart_leaves_the_text() -> None:
    """A page naming its writer by the headline ("Автор: Мария Колева") and closing the
    text with the same name in bold: one writer, the closing line no text. A different
    name in bold there stays text: whom the text concerns, the byline the writer."""
    byline = "<div class='avtor'>Автор: Мария Колева</div>"
    same = extract(_page("<p><strong>Мария Колева</strong></p>", byline), URL)
    assert same.author == "Мария Колева"
    assert same.text.splitlines()[-1] == PARK[-1]
    other = extract(_page("<p><strong>Иван Колев</strong></p>", byline), URL)
    assert other.author == "Мария Колева"
    assert other.text.splitlines()[-1] == "Иван Колев"
