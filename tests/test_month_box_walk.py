"""A news list of the newest three beside a box of months, no pager (WordPress's archives
widget on a municipality's theme; composed sites' sixth axes, ``Axes.archive`` "box",
seed 964): the older news are reached only through the months' pages.

The newest month's page lists the two news the list's page 1 showed already. The walk
read it as a page run out (every link on an earlier page of the walk) and ended there,
so no older month was ever asked: 3 of 8 archived. A month's page listing its month's
news goes on to the month before (``ListingWalk._to_an_earlier_month``): 8 of 8.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from .mirror_sites import article_rows, bare_profile, crawl_twice
from .support import Result

ORIGIN = "https://mesechnik.bg"
MONTHS = {12: "декември", 11: "ноември", 10: "октомври"}
# (day, slug, title): newest first
NEWS = [
    (dt.date(2026, 12, 4), "remont-na-ulitsa", "Започва ремонтът на улица „Витоша“"),
    (dt.date(2026, 12, 1), "koleden-bazar", "Коледният базар отваря на площада"),
    (dt.date(2026, 11, 26), "nova-detska-ploshtadka", "Нова детска площадка в квартал „Изток“"),
    (dt.date(2026, 11, 12), "byudzhet-obsazhdane", "Общественото обсъждане на бюджета"),
    (dt.date(2026, 11, 3), "uchenie-pozharnikari", "Учение на пожарникарите в училищата"),
    (dt.date(2026, 10, 21), "festival-pesen", "Фестивалът на народната песен събра хиляди"),
    (dt.date(2026, 10, 14), "avtobus-selata", "Нов автобус ще обслужва селата"),
    (dt.date(2026, 10, 2), "biblioteka-knigi", "Библиотеката получи хиляда дарени книги"),
]


def _frame(title: str, main: str) -> str:
    box = "\n".join(
        f'<li><a href="/novini/arhiv/2026-{m:02d}">{name.capitalize()} 2026</a></li>'
        for m, name in MONTHS.items()
    )
    return (
        f'<!DOCTYPE html>\n<html lang="bg"><head><meta charset="utf-8"><title>{title}</title>'
        '</head><body><nav><a href="/">Начало</a> <a href="/novini">Новини</a> '
        '<a href="/kontakti">Контакти</a></nav>\n'
        f'<main>{main}</main>\n<aside class="widget widget_archive"><h3>Архив</h3><ul>\n'
        f"{box}\n</ul></aside>\n<footer>Община Месечник</footer></body></html>\n"
    )


def _cards(news: list[tuple[dt.date, str, str]]) -> str:
    return "\n".join(
        f'<div class="news-item"><span class="news-date">{day:%d.%m.%Y}</span>'
        f'<h3><a href="/novini/{slug}">{title}</a></h3></div>'
        for day, slug, title in news
    )


def _site(root: Path) -> None:
    pages = {
        "index.html": _frame("Община Месечник", "<h1>Община Месечник</h1><p>Добре дошли.</p>"),
        "kontakti.html": _frame("Контакти", "<h1>Контакти</h1><p>пл. „Свобода“ 1</p>"),
        "novini.html": _frame("Новини", f"<h1>Новини</h1>\n{_cards(NEWS[:3])}"),
    }
    for month, name in MONTHS.items():
        listed = [n for n in NEWS if n[0].month == month]
        pages[f"novini/arhiv/2026-{month:02d}.html"] = _frame(
            f"Новини – {name} 2026", f"<h1>Новини – {name} 2026</h1>\n{_cards(listed)}"
        )
    for day, slug, title in NEWS:
        body = (
            f'<article><h1>{title}</h1><p class="date">Публикувано на {day:%d.%m.%Y} г.</p>'
            f"<p>{title}: общината съобщава подробности за събитието и сроковете.</p>"
            "<p>Гражданите могат да се обърнат към центъра за услуги в работно време.</p>"
            "</article>"
        )
        pages[f"novini/{slug}.html"] = _frame(title, body)
    pages["robots.txt"] = "User-agent: *\nDisallow: /admin/\n"
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_a_list_beside_a_box_of_months_is_walked_back_through_every_month(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "mesechnik"
    _site(root)
    profile = bare_profile(tmp_path, "mesechnik", "Община Месечник", ORIGIN)
    first, nightly = crawl_twice(run_cli, db, profile, "mesechnik", root)
    rows = article_rows(db)
    assert sorted(rows) == sorted(f"{ORIGIN}/novini/{slug}" for _d, slug, _t in NEWS), first
    assert {url: row[1][:10] for url, row in rows.items()} == {
        f"{ORIGIN}/novini/{slug}": f"{day:%Y-%m-%d}" for day, slug, _t in NEWS
    }
    months = [path for path in first if path.startswith("/novini/arhiv/")]
    assert months == ["/novini/arhiv/2026-12", "/novini/arhiv/2026-11", "/novini/arhiv/2026-10"]
    assert len(nightly) <= 3, nightly
