"""An eighty-first round of site shapes, four small sites whose ARTICLE PAGES print the
date, the byline and the text in shapes no round had, crawled from the origin alone (a
profile of id, name and origin) through a real ``MirrorServer``, as
``test_round78_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round81.py``): the weekday in brackets between
the day and the time, "27.11.2026 г. (петък) 08:17 ч.", and a "Сподели:" row under the
lead (skobi); the writer's name alone in a ``<div>`` aligned right closing the text
(vdyasno); ``<font>`` runs split by ``<br><br>`` and a mayor's appeal signed "Иван
Петров,<br>кмет на Община …", text (vazvanie); the headline only in ``<p
class="title"><strong>`` under a section's ``<title>``, "27/11/2026 08:17" beside an
English archive widget, related cards nested in the article (zaglavie). Each must archive
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

ROUND81_SITES = {
    "skobi": ("Община Скоби", "https://skobi.bg"),
    "vdyasno": ("Община Вдясно", "https://vdyasno.bg"),
    "vazvanie": ("Община Възвание", "https://vazvanie.bg"),
    "zaglavie": ("Община Заглавие", "https://zaglavie.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND81_SITES))
def test_a_round81_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND81_SITES[site])


PARK = [
    "Общината откри нов парк в квартал Изток с алеи, пейки и детски кът.",
    "Паркът е засаден с над двеста дървета и храсти от местни видове.",
    "Жителите могат да предлагат имена за парка до края на месеца.",
]
FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
URL = "https://p.bg/novini/5.html"


def _page(date: str, tail: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARK)
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Нов парк | '
        "Община Тест</title></head><body><ul id='menu'><li><a href='/'>Начало</a></li><li>"
        "<a href='/novini/'>Новини</a></li></ul><div id='main'><div class='novina'>"
        f"<h1>Нов парк</h1><div class='data'>{date}</div>"
        f"<div class='tekst'>{paras}{tail}</div></div></div>"
        "<div id='footer'><p>© 2026 Община Тест.</p></div></body></html>"
    )


@pytest.mark.parametrize(
    "line",
    [
        "27.11.2026 г. (петък) 08:17 ч.",
        "27 ноември 2026 (петък), 08:17",
        "27.11.2026 (пет.) 08:17",
    ],
)
def test_a_weekday_in_brackets_between_the_day_and_the_time_keeps_the_minute(
    line: str,
) -> None:
    """skobi: "27.11.2026 г. (петък) 08:17 ч." was dated the day alone: a weekday in
    brackets joins a date to its time as one with its comma does."""
    got = extract(_page(line), URL, today=FETCHED)
    assert got.published == dt.datetime(2026, 11, 27, 8, 17)
    assert got.text == "\n".join(PARK)


def test_a_bracketed_aside_that_is_no_weekday_joins_no_time() -> None:
    got = extract(_page("27.11.2026 г. (обновена) 08:17 ч."), URL, today=FETCHED)
    assert got.published == dt.date(2026, 11, 27)


@pytest.mark.parametrize(
    "tail",
    [
        '<div style="text-align:right"><strong>Ралица Пеева</strong></div>',
        '<div align="right"><b>Ралица Пеева</b></div>',
        '<div style="text-align: right;">Ралица Пеева</div>',
        "<div><strong>Ралица Пеева</strong></div>",
    ],
)
def test_a_name_alone_set_apart_in_a_div_closing_the_text_signs_it(tail: str) -> None:
    """vdyasno: a ``<div>`` closing the text is no paragraph to the walk, and a short one
    at the text's edge was cut as a label before the closing-line rule saw it: the page
    named nobody. A name alone set apart there is kept for that rule, which signs it."""
    got = extract(_page("27.11.2026", tail), URL, today=FETCHED)
    assert got.author == "Ралица Пеева"
    assert got.text == "\n".join(PARK)


@pytest.mark.parametrize(
    "tail",
    [
        "<div>Ралица Пеева</div>",  # plain: nothing sets it apart
        '<div style="text-align:right">Сподели във Facebook</div>',  # no name
        '<div style="text-align:right"><strong>Горно Брестово</strong></div>',  # a place
    ],
)
def test_a_closing_div_that_signs_nothing_is_still_cut(tail: str) -> None:
    got = extract(_page("27.11.2026", tail), URL, today=FETCHED)
    assert got.author is None
    assert got.text == "\n".join(PARK)


def test_a_mayors_appeal_signed_with_a_role_line_is_text() -> None:
    """vazvanie: "Иван Петров,<br>кмет на Община Тест" closing an appeal is the signature
    of whom the text quotes, not the writer's byline: the two lines stay text, no author
    (as a name over a role line does in round 80)."""
    tail = "<p>Иван Петров,<br>кмет на Община Тест</p>"
    got = extract(_page("27.11.2026", tail), URL, today=FETCHED)
    assert got.author is None
    assert got.text.splitlines()[-2:] == ["Иван Петров,", "кмет на Община Тест"]
