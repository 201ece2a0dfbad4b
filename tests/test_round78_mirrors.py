"""A seventy-eighth round of site shapes, four small sites whose ARTICLE PAGES print the
headline, the date, the byline and the text in shapes no round had, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round75_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round78.py``): the weekday between the day and
the time, "Публикувано на 27 ноември 2026 г., петък, 08:17 ч." (petachno); a date line
typed by hand, the minutes after a comma, "27.11.2026 г., 8,17 ч." (zapetaya); Bootstrap's
``<h1>Headline <small>subtitle</small></h1>`` (podzaglavie); a drop cap run on into the
text's first word and a bulleted list of streets (bukvitsa). Each must archive exactly
its articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND78_SITES = {
    # "Публикувано на 27 ноември 2026 г., петък, 08:17 ч.": the weekday before the time
    "petachno": ("Община Петъчно", "https://petachno.bg"),
    # "27.11.2026 г., 8,17 ч." typed by hand; "от 8,30 до 17,00 ч." in the text
    "zapetaya": ("Община Запетая", "https://zapetaya.bg"),
    # Bootstrap 3's <h1>Headline <small>subtitle</small></h1>
    "podzaglavie": ("Община Подзаглавие", "https://podzaglavie.bg"),
    # <span class="dropcap">О</span>бщината …, a bulleted list of streets
    "bukvitsa": ("Община Буквица", "https://bukvitsa.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND78_SITES))
def test_a_round78_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND78_SITES[site])


PARK = [
    "Общината откри нов парк в квартал Изток с алеи, пейки и детски кът.",
    "Паркът е засаден с над двеста дървета и храсти от местни видове.",
    "Жителите могат да предлагат имена за парка до края на месеца.",
]
FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)


def _page(content: str, h1: str = "Нов парк", title: str = "Нов парк") -> str:
    return (
        f'<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>{title} | '
        "Община Тест</title></head><body><ul id='menu'><li><a href='/'>Начало</a></li><li>"
        "<a href='/novini/'>Новини</a></li></ul><div id='main'><div class='novina'>"
        f"<h1>{h1}</h1>{content}</div></div><div id='footer'><p>© 2026 Община Тест.</p></div>"
        "</body></html>"
    )


def _dated(line: str, text: list[str] = PARK) -> str:
    paras = "".join(f"<p>{p}</p>" for p in text)
    return _page(f"<div class='data'>{line}</div><div class='tekst'>{paras}</div>")


@pytest.mark.parametrize(
    "line",
    [
        "Публикувано на 27 ноември 2026 г., петък, 08:17 ч.",
        "27.11.2026, петък, 08:17",
        "27 ноември 2026, пет. 08:17",
    ],
)
def test_a_weekday_between_the_day_and_the_time_keeps_the_minute(line: str) -> None:
    """petachno: "27 ноември 2026 г., петък, 08:17 ч." (a CMS's "j F Y г., l, H:i ч.")
    was dated the day alone: a weekday joins a date to its time as a comma does."""
    got = extract(_dated(line), "https://p.bg/novini/5.html", today=FETCHED)
    assert got.published == dt.datetime(2026, 11, 27, 8, 17)
    assert got.text == "\n".join(PARK)


@pytest.mark.parametrize(
    "line", ["27.11.2026 г., 8,17 ч.", "27.11.2026 г. в 8,17 ч.", "27 ноември 2026 г., 08,17 часа"]
)
def test_a_time_whose_minutes_follow_a_comma_dates_to_the_minute(line: str) -> None:
    """zapetaya: a date line typed by hand, "27.11.2026 г., 8,17 ч.", the minutes after a
    comma as official prose writes hours, was dated the day alone."""
    got = extract(_dated(line), "https://z.bg/aktualno/5/", today=FETCHED)
    assert got.published == dt.datetime(2026, 11, 27, 8, 17)
    assert got.text == "\n".join(PARK)


@pytest.mark.parametrize("line", ["27.11.2026, 3,50 лв.", "27.11.2026 г., 12,30"])
def test_a_decimal_after_a_date_is_no_time(line: str) -> None:
    """Without the hours' mark a comma between two numbers is a decimal's."""
    got = extract(_dated(line), "https://z.bg/aktualno/5/", today=FETCHED)
    assert got.published == dt.date(2026, 11, 27)


def test_office_hours_in_the_text_date_nothing() -> None:
    hours = "Документи се приемат всеки работен ден от 8,30 до 17,00 ч. в центъра."
    got = extract(_dated("27.11.2026 г.", [*PARK, hours]), "https://z.bg/a/5/", today=FETCHED)
    assert got.published == dt.date(2026, 11, 27)
    assert got.text == "\n".join([*PARK, hours])


def test_a_subtitle_in_the_headlines_small_is_not_the_title() -> None:
    """podzaglavie: Bootstrap's "<h1>Нов парк <small>Работите започват днес</small></h1>"
    was archived as the title "Нов парк Работите започват днес": the page's own title
    confirms the headline without its closing element, the kicker's mirror."""
    h1 = "Нов парк в квартал Изток <small>Работите започват още днес</small>"
    text = "".join(f"<p>{p}</p>" for p in PARK)
    html = _page(f"<div class='tekst'>{text}</div>", h1, "Нов парк в квартал Изток")
    got = extract(html, "https://p.bg/novini/5", today=FETCHED)
    assert got.title == "Нов парк в квартал Изток"
    assert got.text == "\n".join(PARK)


@pytest.mark.parametrize(
    ("h1", "title"),
    [
        # the stated title has the closing element's words: the headline's own
        ("Нов мост над <em>Янтра</em>", "Нов мост над Янтра"),
        # no stated title names the rest alone: nothing says the element is no headline
        ("Нов мост над <em>Янтра</em>", "Новини"),
    ],
)
def test_an_element_closing_the_headline_stays_when_nothing_confirms_the_rest(
    h1: str, title: str
) -> None:
    html = _page(f"<div class='tekst'>{''.join(f'<p>{p}</p>' for p in PARK)}</div>", h1, title)
    got = extract(html, "https://p.bg/novini/5", today=FETCHED)
    assert got.title == "Нов мост над Янтра"
