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


# Not mended this round (the mirrors stay honest): glasuvano's "Автор: …" under a text with
# no heading at all is not read (4 of 8 name nobody); dvuezichno's English translation
# under "English version" is archived with the Bulgarian text (8 of 8).
UNMENDED = {"glasuvano", "dvuezichno"}


@pytest.mark.parametrize(
    "site",
    [
        pytest.param(s, marks=pytest.mark.xfail(strict=True, reason="not mended"))
        if s in UNMENDED
        else s
        for s in sorted(ROUND73_SITES)
    ],
)
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
