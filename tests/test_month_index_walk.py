"""A news list of the newest three, no pager, whose "Архив на новините »" leads to an
index page of months ("Декември 2026", "Ноември 2026", each month's page listing that
month's news): the older news are reached only through that page (composed sites'
sixth axes, ``Axes.archive`` "index", seeds 60, 201, 217, 350, 367, 401, 416, 636, 802,
941).

The walk read month links on the page it stood on alone (``next_pages._older_month``):
the list links no month, so it ended at page 1, 3 of 8 archived. The list's archive link
is its next page (``next_pages._archive_index``), read as an index of months
(``index_pages._months_index``), its months the walk's next pages newest first: 8 of 8.
A nightly run after one more news asks the list, the index and the current month only:
no month walked whole before is read again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from .mirror_sites import MirrorCrawls, MirrorServer, article_rows, bare_profile
from .support import Result

ORIGIN = "https://arhivets.bg"
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
LATER = (dt.date(2026, 12, 5), "snezhen-den", "Общината почиства снега от улиците")
ARCHIVE_LINK = '<p class="more"><a href="/arhiv">Архив на новините »</a></p>'


def _frame(title: str, main: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="bg"><head><meta charset="utf-8"><title>{title}</title>'
        '</head><body><nav><a href="/">Начало</a> <a href="/novini">Новини</a> '
        '<a href="/kontakti">Контакти</a></nav>\n'
        f"<main>{main}</main>\n<footer>Община Архивец</footer></body></html>\n"
    )


def _cards(news: list[tuple[dt.date, str, str]]) -> str:
    return "\n".join(
        f'<div class="news-item"><span class="news-date">{day:%d.%m.%Y}</span>'
        f'<h3><a href="/novini/{slug}">{title}</a></h3></div>'
        for day, slug, title in news
    )


def _write(root: Path, news: list[tuple[dt.date, str, str]]) -> None:
    """The site of ``news`` (newest first): the list, the index, each month's page and
    each article's."""
    index = "\n".join(
        f'<li><a href="/novini/arhiv/2026-{m:02d}">{name.capitalize()} 2026</a></li>'
        for m, name in MONTHS.items()
    )
    pages = {
        "index.html": _frame("Община Архивец", "<h1>Община Архивец</h1><p>Добре дошли.</p>"),
        "kontakti.html": _frame("Контакти", "<h1>Контакти</h1><p>пл. „Свобода“ 1</p>"),
        "novini.html": _frame("Новини", f"<h1>Новини</h1>\n{_cards(news[:3])}\n{ARCHIVE_LINK}"),
        "arhiv.html": _frame(
            "Архив", f'<h1>Архив на новините</h1>\n<ul class="months">\n{index}\n</ul>'
        ),
    }
    for month, name in MONTHS.items():
        listed = [n for n in news if n[0].month == month]
        heading = f"Новини – {name} 2026"
        pages[f"novini/arhiv/2026-{month:02d}.html"] = _frame(
            heading, f"<h1>{heading}</h1>\n{_cards(listed)}\n{ARCHIVE_LINK}"
        )
    for day, slug, title in news:
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


def test_a_list_linking_an_index_of_months_is_walked_back_through_every_month(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "arhivets"
    _write(root, NEWS)
    profile = bare_profile(tmp_path, "arhivets", "Община Архивец", ORIGIN)
    with MirrorServer(root) as server:
        args = ("crawl", "arhivets", "--profile", str(profile), "--base-url", server.url)
        crawls = MirrorCrawls(run_cli, server, root, (*args, "--delay", "0", "--db", str(db)))
        first = crawls.crawl()
        rows = article_rows(db)
        assert sorted(rows) == sorted(f"{ORIGIN}/novini/{slug}" for _d, slug, _t in NEWS), first
        assert {url: row[1][:10] for url, row in rows.items()} == {
            f"{ORIGIN}/novini/{slug}": f"{day:%Y-%m-%d}" for day, slug, _t in NEWS
        }
        months = [path for path in first if path.startswith("/novini/arhiv/")]
        assert months == ["/novini/arhiv/2026-12", "/novini/arhiv/2026-11", "/novini/arhiv/2026-10"]
        assert first.count("/arhiv") == 1, first

        _write(root, [LATER, *NEWS])  # one more news this month
        nightly = crawls.crawl()
    assert f"{ORIGIN}/novini/{LATER[1]}" in article_rows(db), nightly
    # the list, the index and the current month at most: no month walked whole is read
    # again (robots.txt, the list, the index, December, the new article)
    assert [p for p in nightly if p.startswith("/novini/arhiv/")] == ["/novini/arhiv/2026-12"]
    assert len(nightly) <= 5, nightly
