"""A seventy-fifth round of site shapes, four small sites whose ARTICLE PAGES print the
headline, the date, the byline and the text in shapes no round had, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round73_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round75.py``): a weekday line with no year,
"Публикувано: петък, 27 ноември, 08:17 ч.", and an interview as a ``<dl>`` of questions
and answers (sedmichno); press releases opening "ПРЕССЪОБЩЕНИЕ" and closing "За повече
информация: Пресцентър …", signed in ``<address class="author">`` (presa); an
"Актуализация, 28.11.2026, 14:30 ч.: …" or "Поправка: …" note above the text, a lead
split from the body by an ``<hr>`` (obnoveno); AMP-only article pages (ampsait). Each
must archive exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.published import with_listed

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND75_SITES = {
    # "Публикувано: петък, 27 ноември, 08:17 ч." with no year; a <dl> interview
    "sedmichno": ("Община Седмично", "https://sedmichno.bg"),
    # "ПРЕССЪОБЩЕНИЕ" first, "За повече информация: Пресцентър …" last; <address>
    "presa": ("Община Преса", "https://presa.bg"),
    # "Актуализация, 28.11.2026, 14:30 ч.: …" above the text; a lead, an <hr>, the body
    "obnoveno": ("Община Обновено", "https://obnoveno.bg"),
    # AMP-only article pages: <html ⚡>, amp-wp-article-content, an amp-carousel
    "ampsait": ("Ампсайт – новините на региона", "https://ampsait.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND75_SITES))
def test_a_round75_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND75_SITES[site])


def _page(content: str, name: str = "Община Седмично") -> str:
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Нов парк | '
        f"{name}</title></head><body><ul id='menu'><li><a href='/'>Начало</a></li><li>"
        "<a href='/novini/'>Новини</a></li></ul><div id='main'><div class='novina'>"
        f"<h1>Нов парк</h1>{content}</div></div><div id='footer'><p>© 2026 {name}.</p></div>"
        "</body></html>"
    )


PARK = [
    "Общината откри нов парк в квартал Изток с алеи, пейки и детски кът.",
    "Паркът е засаден с над двеста дървета и храсти от местни видове.",
    "Жителите могат да предлагат имена за парка до края на месеца.",
]
FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)


def _weekday_page(line: str) -> str:
    return _page(f"<div class='publ'>{line}</div><div class='tekst'>{_paras(PARK)}</div>")


def _paras(lines: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in lines)


@pytest.mark.parametrize(
    "line",
    [
        "Публикувано: събота, 28 ноември, 08:17 ч.",
        "събота, 28 ноември",
        "28 ноември, 08:17",
    ],
)
def test_a_date_line_without_a_year_is_no_line_of_the_text(line: str) -> None:
    """sedmichno: a date line printing no year ("Публикувано: петък, 27 ноември, 08:17
    ч.") was read only as the yearless guess and left on top of the text: a date line
    reads as one whether or not it prints its year."""
    got = extract(_weekday_page(line), "https://s.bg/novini/5/", today=FETCHED)
    assert got.text == "\n".join(PARK)
    got = extract(_weekday_page(line), "https://s.bg/novini/5/")
    assert got.text == "\n".join(PARK)


@pytest.mark.parametrize(
    "first",
    ["На 28 ноември ще има сесия на съвета.", "Сесията е на 28 ноември в читалището"],
)
def test_a_yearless_day_inside_a_sentence_stays_the_text(first: str) -> None:
    html = _page(f"<div class='tekst'>{_paras([first, *PARK])}</div>")
    got = extract(html, "https://s.bg/novini/5/", today=FETCHED)
    assert got.text.split("\n")[0] == first


def test_the_listing_gives_a_yearless_page_its_year_and_the_page_its_minute() -> None:
    """sedmichno: the page dated "събота, 28 ноември, 08:17 ч." (a guess: no year), its
    card "28.11.2026": the crawl took the card's day for the guess and lost the minute
    the page printed. The card says the year, the page the time."""
    html = _weekday_page("Публикувано: събота, 28 ноември, 08:17 ч.")
    page = extract(html, "https://s.bg/n/5/", today=FETCHED)
    assert page.published_guessed
    got = with_listed(page, (dt.date(2026, 11, 28), "listing"), FETCHED)
    assert got.published == dt.datetime(2026, 11, 28, 8, 17)
    assert got.date_note is None
    # a year back: the card's year, the page's minute
    got = with_listed(page, (dt.date(2025, 11, 28), "listing"), FETCHED)
    assert got.published == dt.datetime(2025, 11, 28, 8, 17)
    # another day on the card: the card's, as before
    got = with_listed(page, (dt.date(2026, 11, 27), "listing"), FETCHED)
    assert got.published == dt.date(2026, 11, 27)


CONTACT = "За повече информация: Пресцентър на Община Преса, тел. 0601 2 34 56"


def test_a_press_releases_label_and_press_office_line_are_no_text() -> None:
    """presa: "ПРЕССЪОБЩЕНИЕ" over the text and "За повече информация: Пресцентър …, тел.
    …" under it were archived as its first and last lines: the genre's label and the
    press office's address, as "За контакти: Пресцентър …" is."""
    html = _page(
        f"<div class='t'><p><strong>ПРЕССЪОБЩЕНИЕ</strong></p>{_paras(PARK)}<p>{CONTACT}</p></div>"
    )
    assert extract(html, "https://p.bg/pr/5.html").text == "\n".join(PARK)


@pytest.mark.parametrize(
    "line",
    [
        "За повече информация: Иван Петров, тел. 0888 123 456",
        "Прессъобщението е изпратено до всички медии в областта.",
    ],
)
def test_a_contact_the_story_gives_stays(line: str) -> None:
    html = _page(f"<div class='t'>{_paras([*PARK, line])}</div>")
    assert extract(html, "https://p.bg/pr/5.html").text == "\n".join([*PARK, line])
