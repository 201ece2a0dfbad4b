"""An eighty-fourth round of site shapes, four small sites whose ARTICLE PAGES print the
date, the byline and the text in shapes no round had, crawled from the origin alone (a
profile of id, name and origin) through a real ``MirrorServer``, as
``test_round81_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round84.py``): the year cut to two digits
after an apostrophe, "27.11.'26 08:17" (apostrof); ad slots between the paragraphs and
"Продължава след рекламата" after one (prekasvane); "Източник: БТА" as the text's first
line, under a lead picture credited "Снимка: архив" (izvornik); two editors' names set
apart at the close, "Иван Петров и Мария Илиева" in bold or "…, …" aligned right
(dvoyka). Each must archive exactly its articles with the true title, date, author and
body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND84_SITES = {
    "apostrof": ("Община Апостроф", "https://apostrof.bg"),
    "prekasvane": ("Община Прекъсване", "https://prekasvane.bg"),
    "izvornik": ("Извор Нюз", "https://izvornik.bg"),
    "dvoyka": ("Община Двойка", "https://dvoyka.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND84_SITES))
def test_a_round84_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND84_SITES[site])


PARK = [
    "Общината откри нов парк в квартал Изток с алеи, пейки и детски кът.",
    "Паркът е засаден с над двеста дървета и храсти от местни видове.",
    "Жителите могат да предлагат имена за парка до края на месеца.",
]
FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
URL = "https://p.bg/novini/5.html"


def _page(date: str, paras: str = "", head: str = "", tail: str = "") -> str:
    paras = paras or "".join(f"<p>{p}</p>" for p in PARK)
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Нов парк | '
        "Община Тест</title></head><body><ul id='menu'><li><a href='/'>Начало</a></li><li>"
        "<a href='/novini/'>Новини</a></li></ul><div id='main'><div class='novina'>"
        f"<h1>Нов парк</h1><div class='data'>{date}</div>"
        f"<div class='tekst'>{head}{paras}{tail}</div></div></div>"
        "<div id='footer'><p>© 2026 Община Тест.</p></div></body></html>"
    )


@pytest.mark.parametrize("line", ["27.11.'26 08:17", "27.11.’26, 08:17 ч.", "27.11.‘26 г. 08:17"])
def test_a_year_cut_short_after_an_apostrophe_keeps_the_year_and_the_minute(line: str) -> None:
    """apostrof: "27.11.'26 08:17" was read as "27.11." with no year (the fetch year's
    day), the time lost: the apostrophe marks the two digits as the year."""
    got = extract(_page(line), URL, today=FETCHED)
    assert got.published == dt.datetime(2026, 11, 27, 8, 17)
    assert got.text == "\n".join(PARK)


@pytest.mark.parametrize(
    "note",
    [
        "Продължава след рекламата",
        "Статията продължава под рекламата",
        "- Продължава след рекламата -",
        "Story continues below advertisement",
    ],
)
def test_a_note_that_the_text_goes_on_past_an_ad_is_no_text(note: str) -> None:
    """prekasvane: "Продължава след рекламата" between two paragraphs was archived as a
    line of the article."""
    paras = f"<p>{PARK[0]}</p><p>{note}</p><p>{PARK[1]}</p><p>{PARK[2]}</p>"
    got = extract(_page("27.11.2026 08:17", paras), URL, today=FETCHED)
    assert got.text == "\n".join(PARK)


def test_a_sentence_about_an_ad_stays_text() -> None:
    line = "Кампанията продължава след рекламата по телевизията през октомври."
    paras = f"<p>{PARK[0]}</p><p>{line}</p><p>{PARK[1]}</p><p>{PARK[2]}</p>"
    got = extract(_page("27.11.2026 08:17", paras), URL, today=FETCHED)
    assert line in got.text.splitlines()


@pytest.mark.parametrize("credit", ["Източник: БТА", "Източник: dariknews.bg"])
def test_a_source_credit_opening_the_text_is_no_text(credit: str) -> None:
    """izvornik: "Източник: БТА" as the text's first line was archived with it; under the
    text the same line was dropped already."""
    got = extract(_page("27.11.2026 08:17", head=f"<p>{credit}</p>"), URL, today=FETCHED)
    assert got.text == "\n".join(PARK)
    assert got.author is None


def test_a_first_line_that_says_more_than_its_source_stays_text() -> None:
    line = "Източник: общината съобщи, че паркът ще бъде открит в събота."
    got = extract(_page("27.11.2026 08:17", head=f"<p>{line}</p>"), URL, today=FETCHED)
    assert got.text.splitlines()[0] == line


@pytest.mark.parametrize(
    ("tail", "who"),
    [
        ("<p><strong>Иван Петров и Мария Илиева</strong></p>", "Иван Петров и Мария Илиева"),
        (
            '<p style="text-align: right;">Калина Ботева, Здравко Нейков</p>',
            "Калина Ботева, Здравко Нейков",
        ),
    ],
)
def test_two_names_set_apart_closing_the_text_sign_it(tail: str, who: str) -> None:
    """dvoyka: two editors' names set apart at the close were archived as the text's last
    line, the page naming nobody; one name so set apart signed it already."""
    got = extract(_page("27.11.2026 08:17", tail=tail), URL, today=FETCHED)
    assert got.author == who
    assert got.text == "\n".join(PARK)


@pytest.mark.parametrize(
    "tail",
    [
        "<p>Иван Петров и Мария Илиева</p>",  # plain: nothing sets it apart
        "<p><strong>Русе и Горна Оряховица</strong></p>",  # places
        "<p><strong>Иван Петров, Мария Илиева и Петя Колева</strong></p>",  # three: a list
    ],
)
def test_two_names_not_set_apart_or_not_persons_stay_text(tail: str) -> None:
    got = extract(_page("27.11.2026 08:17", tail=tail), URL, today=FETCHED)
    assert got.author is None
    assert len(got.text.splitlines()) == 4
