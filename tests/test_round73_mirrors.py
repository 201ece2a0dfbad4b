"""A seventy-third round of site shapes, four small sites whose ARTICLE PAGES print the
headline, the date, the byline and the text in shapes no round had, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round69_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round73.py``): the site's name the ``<h1>`` of
every page and the headline an ``<h2 class="title">``, dated "ноември 27, 2026 в 08:17"
(logovo); "27 ноември, 2026 | 08:17", an embedded Facebook post's fallback
``<blockquote>`` between the paragraphs and the writer in capitals closing the text
(spodeleno); no heading at all, the headline in the ``<title>`` alone, and an "Анкета"
poll in the article's box (glasuvano); the Bulgarian text, then its English translation
under "English version", and an inline "Реклама" banner (dvuezichno). Each must archive
exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND73_SITES = {
    # <h1 class="logo"> on every page, the headline <h2 class="title">; "ноември 27, 2026"
    "logovo": ("Община Логово", "https://logovo.bg"),
    # "27 ноември, 2026 | 08:17"; a fb-post's <blockquote>; "МАРИЯ ПЕТРОВА" last
    "spodeleno": ("Община Споделено", "https://spodeleno.bg"),
    # no heading, the headline in the <title> alone; an "Анкета" poll in the box
    "glasuvano": ("Община Гласувано", "https://glasuvano.bg"),
    # the text, then "English version" and its translation; a "Реклама" banner
    "dvuezichno": ("Община Двуезично", "https://dvuezichno.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND73_SITES))
def test_a_round73_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND73_SITES[site])


def _page(text: str) -> str:
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Нов парк | Община'
        " Споделено</title></head><body><div id='menu'><a href='/'>Начало</a> <a href='/novini'>"
        "Новини</a></div><div id='content'><h1>Нов парк</h1><div class='date'>27 ноември, 2026"
        f" | 08:17</div><div class='body'>{text}</div></div><div id='footer'><p>© 2026 Община"
        " Споделено.</p></div></body></html>"
    )


PARK = [
    "Общината откри нов парк в квартал Изток с алеи, пейки и детски кът.",
    "Паркът е засаден с над двеста дървета и храсти от местни видове.",
    "Жителите могат да предлагат имена за парка до края на месеца.",
]


@pytest.mark.parametrize(
    ("sign", "author"),
    [("МАРИЯ ПЕТРОВА", "Мария Петрова"), ("ГЕОРГИ ДИМОВ-КОЛЕВ", "Георги Димов-Колев")],
)
def test_a_writer_in_capitals_alone_closing_the_text_is_the_author(sign: str, author: str) -> None:
    """spodeleno: the writer's name typed in capitals alone on the text's last line,
    undated and unlabelled, was archived as the text's last line and the article named
    nobody; it is the signature, written as in a sentence."""
    got = extract(_page("".join(f"<p>{p}</p>" for p in [*PARK, sign])), "https://s.bg/novini/5")
    assert got.author == author
    assert got.text == "\n".join(PARK)
    assert got.published == dt.datetime(2026, 11, 27, 8, 17)


@pytest.mark.parametrize(
    "last", ["ВЕЛИКО ТЪРНОВО", "ОЧАКВАМЕ ВИ!", "Мария Петрова", "КМЕТЪТ ПЕТРОВ"]
)
def test_capitals_that_name_no_writer_stay_the_text(last: str) -> None:
    """A place, a shout in capitals, a name in sentence case (a list's last winner may
    be one) and a role before a surname close the text as its own words."""
    got = extract(_page("".join(f"<p>{p}</p>" for p in [*PARK, last])), "https://s.bg/novini/5")
    assert got.author is None
    assert got.text == "\n".join([*PARK, last])


def _untitled(content: str, head: str = "") -> str:
    """A page that prints no heading at all: the headline in its ``<title>`` alone."""
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Нов парк | Община'
        f" Гласувано</title>{head}</head><body><ul id='menu'><li><a href='/'>Начало</a></li>"
        "<li><a href='/aktualno/'>Актуално</a></li></ul><div id='main'><div class='statia'>"
        "<div class='info'>Публикувано: 25.11.2026, 09:28 ч.</div>"
        f"{content}</div></div><div id='footer'><p>© 2026 Община Гласувано.</p></div>"
        "</body></html>"
    )


def _text(lines: list[str]) -> str:
    return "<div class='tekst'>" + "".join(f"<p>{p}</p>" for p in lines) + "</div>"


@pytest.mark.parametrize("heading", [False, True])
@pytest.mark.parametrize("paragraphs", [PARK, PARK * 4])
def test_a_labelled_byline_in_a_box_of_its_own_under_the_text_names_the_author(
    heading: bool, paragraphs: list[str]
) -> None:
    """glasuvano: "<div class="avtor">Автор: Петя Сандева</div>" under the text's box was
    read only by the windows after a heading, within their 400 characters: on a page that
    prints no heading (the headline in the ``<title>`` alone) and under a long text, the
    article named nobody. A box holding the label and the name and nothing else is a
    field naming the writer, wherever it stands."""
    title = "<h1>Нов парк</h1>" if heading else ""
    byline = "<div class='avtor'>Автор: Петя Сандева</div>"
    got = extract(_untitled(title + _text(paragraphs) + byline), "https://g.bg/aktualno/5/")
    assert got.author == "Петя Сандева"
    assert got.title == "Нов парк"
    assert got.text == "\n".join(paragraphs)


@pytest.mark.parametrize(
    "box",
    [
        # a sentence that names the project's author, not the text's writer
        "<div class='note'>Автор на проекта за парка е арх. Петя Сандева от София.</div>",
        # a box of blocks holding the words among more: not a line of its own
        "<div class='note'><p>Автор: неизвестен</p><p>Снимката е от архива.</p></div>",
    ],
)
def test_a_box_that_is_no_byline_names_nobody(box: str) -> None:
    got = extract(_untitled(_text(PARK) + box), "https://g.bg/aktualno/5/")
    assert got.author is None


ENGLISH = [
    "The municipality opened a new park in the eastern quarter of the town.",
    "More than two hundred trees and bushes of local species were planted.",
]


def _bilingual(heading: str, copy: list[str], byline: str = "Автор: Светла Ненова") -> str:
    by = f"<p><em>{byline}</em></p>" if byline else ""
    return _page(
        "".join(f"<p>{p}</p>" for p in PARK) + by + heading + "".join(f"<p>{p}</p>" for p in copy)
    )


@pytest.mark.parametrize(
    ("heading", "copy"),
    [
        ("<h3>English version</h3>", ENGLISH),
        ("<p><strong>In English:</strong></p>", ENGLISH),
        ("<h2>На английски език</h2>", ENGLISH),
        ("<h3>English</h3>", ENGLISH),
        (
            "<h3>Deutsche Version</h3>",
            [
                "Die Gemeinde hat im Osten der Stadt einen neuen Park eröffnet.",
                "Es wurden mehr als zweihundert Bäume gepflanzt.",
            ],
        ),
    ],
)
def test_a_translation_under_the_text_is_not_the_article(heading: str, copy: list[str]) -> None:
    """dvuezichno: the Bulgarian text, its byline, then the same story in English under
    "English version" in the same box: the translation was archived with the text and the
    byline left in it. A heading naming another language, after which the text turns from
    Cyrillic to Latin letters, ends the text (a translation is not archived, as a
    translation's page is not); the byline over it then closes the text and signs it."""
    got = extract(_bilingual(heading, copy), "https://s.bg/novini/5")
    assert got.text == "\n".join(PARK)
    assert got.author == "Светла Ненова"


def test_a_byline_under_the_translation_still_names_the_author() -> None:
    html = _bilingual("<h3>English version</h3>", [*ENGLISH, "Автор: Светла Ненова"], "")
    got = extract(html, "https://s.bg/novini/5")
    assert got.text == "\n".join(PARK)
    assert got.author == "Светла Ненова"


@pytest.mark.parametrize(
    "lines",
    [
        # an English text whose last part says where its English version is
        [*ENGLISH, "English version", "The park is open every day from eight to eight."],
        # a Bulgarian text quoting English, under a heading that names no language
        [*PARK, "Посланието на гостите", *ENGLISH],
        # an "English" heading over more Bulgarian text: a section of the article
        [*PARK, "English", "Курсовете по английски започват през октомври в читалището."],
        # an English quote under "In English", then the article goes on in Bulgarian
        [*PARK, "In English", *ENGLISH, *PARK],
    ],
)
def test_english_that_is_no_copy_of_the_text_stays(lines: list[str]) -> None:
    got = extract(_page("".join(f"<p>{p}</p>" for p in lines)), "https://s.bg/novini/5")
    assert got.text == "\n".join(lines)
