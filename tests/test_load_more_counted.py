"""A "Зареди още" whose endpoint answers a bare fragment of cards, no button of its own:
the theme's script raises the button's ``data-page`` itself on each click (a Bootstrap
municipal theme's jQuery), so only the list's page names the endpoint, with page 2. The
walk read ``/ajax/novini.php?page=2`` and ended there, its answer naming no next page: 8
of 13 archived. It counts the pages on as the script does until an answer lists nothing
(``next_pages.ListingPages._counted_on``). An endpoint whose answers carry their next
button is walked by those, its last answer (no button) the end, no page past it asked.

The site is written here in the shape of the tester's Гоце Делчев theme, in our words.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from .mirror_sites import bare_profile
from .pageserver import answering
from .support import Result

ORIGIN = "https://www.obshtina-belitsa.bg"
NAME = "Община Белица"
PER = 4  # cards a page shows
# 13 news, newest first, every three days back from 4 December 2026
DAYS = [dt.date(2026, 12, 4) - dt.timedelta(days=3 * k) for k in range(13)]
GONE = "<html><body><h1>404 Страницата не е намерена</h1></body></html>"
HTML = {"Content-Type": "text/html; charset=utf-8"}


def _title(k: int) -> str:
    return f"Кметът откри обновения площад в квартал номер {k + 1}"


def _cards(numbers: range) -> str:
    return "".join(
        f'<div class="col-md-6 news-card"><a href="/novini/{k + 1}-ploshtad"><img'
        f' src="/uploads/{k}.jpg" alt=""></a><div class="card-body"><span class="date">'
        f'{DAYS[k]:%d.%m.%Y}</span><h3><a href="/novini/{k + 1}-ploshtad">{_title(k)}</a>'
        "</h3></div></div>"
        for k in numbers
    )


def _button(number: int) -> str:
    return (
        '<button class="btn btn-primary load-more" data-url="/ajax/novini.php"'
        f' data-page="{number}">Зареди още</button>'
    )


def _page(title: str, main: str) -> str:
    return (
        f'<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>{title} | {NAME}'
        f'</title></head><body><nav class="navbar"><a class="navbar-brand" href="/">{NAME}</a>'
        '<ul class="nav"><li><a href="/">Начало</a></li><li><a href="/novini">Новини</a></li>'
        '<li><a href="/kontakti">Контакти</a></li></ul></nav>'
        f'<div class="container">{main}</div><script>$(".load-more").on("click",function(){{'
        'var b=$(this);$.get(b.data("url"),{page:b.data("page")},function(h){'
        '$("#news-list").append(h);b.data("page",b.data("page")+1);});});</script>'
        "</body></html>"
    )


# a year's older news, on a page of its own that the list's page 1 alone links
YEAR_DAYS = [dt.date(2025, 12, 20) - dt.timedelta(days=20 * k) for k in range(3)]


def _year_page() -> str:
    cards = "".join(
        f'<div class="col-md-6 news-card"><div class="card-body"><span class="date">'
        f'{day:%d.%m.%Y}</span><h3><a href="/novini/{20 + k}-ploshtad">{_title(19 + k)}</a>'
        "</h3></div></div>"
        for k, day in enumerate(YEAR_DAYS)
    )
    return _page("Новини 2025", f'<h1>Новини 2025</h1><div class="row">{cards}</div>')


def _site(
    *, answers_button: bool, year: bool = False
) -> Callable[[str], tuple[int, dict[str, str], str]]:
    def answer(url: str) -> tuple[int, dict[str, str], str]:
        parts = urlsplit(url)
        path = parts.path
        if path == "/":
            return 200, HTML, _page("Начало", "<h2>Новини</h2>" + _cards(range(2)))
        if path == "/novini":
            main = (
                f'<h1>Новини</h1><div class="row" id="news-list">{_cards(range(PER))}</div>'
                f'<div class="text-center">{_button(2)}</div>'
            )
            if year:
                main += '<div class="archive"><a href="/novini/2025">Новини 2025</a></div>'
            return 200, HTML, _page("Новини", main)
        if year and path == "/novini/2025":
            return 200, HTML, _year_page()
        if path == "/ajax/novini.php":
            number = int(parse_qs(parts.query).get("page", ["1"])[0])
            shown = range((number - 1) * PER, min(number * PER, len(DAYS)))
            fragment = _cards(shown)
            if answers_button and number * PER < len(DAYS):
                fragment += _button(number + 1)
            return 200, HTML, fragment
        if path.startswith("/novini/") and path.endswith("-ploshtad"):
            k = int(path.removeprefix("/novini/").split("-")[0]) - 1
            if year and 19 <= k < 19 + len(YEAR_DAYS):
                day = YEAR_DAYS[k - 19]
                main = (
                    f"<article><h1>{_title(k)}</h1><p class='date'>{day:%d.%m.%Y}</p>"
                    f"<p>Площад {k + 1} беше обновен още миналата година; сега общината"
                    " отчита как се поддържа и колко души го посещават всеки ден.</p>"
                    "<p>Жителите предлагат да се добавят още пейки и чешма с питейна"
                    " вода до детския кът.</p></article>"
                )
                return 200, HTML, _page(_title(k), main)
            if 0 <= k < len(DAYS):
                text = "".join(
                    f"<p>Обновеният площад {k + 1} има нови пейки, осветление и детски кът;"
                    f" работите по точка {n} от проекта приключиха в срок, съобщиха от"
                    " общинската администрация.</p>"
                    for n in range(1, 5)
                )
                main = (
                    f"<article><h1>{_title(k)}</h1><p class='date'>{DAYS[k]:%d.%m.%Y}</p>"
                    f"{text}</article>"
                )
                return 200, HTML, _page(_title(k), main)
        return 404, HTML, GONE

    return answer


def _archived(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])


@pytest.mark.parametrize("answers_button", [False, True], ids=["bare-fragment", "with-button"])
def test_a_load_more_endpoint_is_counted_on_while_its_answers_bring_cards(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, answers_button: bool
) -> None:
    """All 13 archived either way: counted on to ``?page=5`` (empty, the end) where the
    answers name no next; walked by their buttons to ``?page=4`` where they do, no page
    past the last asked. A second run reads the list and stops at its known news."""
    profile = bare_profile(tmp_path, "belitsa", NAME, ORIGIN)
    with answering(_site(answers_button=answers_button)) as (url, asked):
        args = ("crawl", "belitsa", "--profile", str(profile), "--base-url", url, "--delay", "0")
        first = run_cli(*args, "--db", str(db))
        assert first.exit_code == 0, first.stderr
        assert _archived(db) == len(DAYS)
        endpoint = [u.partition("?")[2] for u in asked if "/ajax/" in u]
        last = 4 if answers_button else 5
        assert endpoint == [f"page={n}" for n in range(2, last + 1)]
        before = len(asked)
        again = run_cli(*args, "--db", str(db))
    assert again.exit_code == 0, again.stderr
    assert len(asked) - before <= 3, asked[before:]


def test_a_year_page_one_links_is_read_after_the_counted_answers_run_out(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Page 1 links "Новини 2025" beside the button, the endpoint's bare answers never: the
    walk counted on to ``?page=5``, which lists nothing, and ended there, the year's three
    news never asked. The empty answer is the endpoint's end, where the list goes on to
    the year page 1 linked, as a list whose answers name their last does."""
    profile = bare_profile(tmp_path, "belitsa", NAME, ORIGIN)
    with answering(_site(answers_button=False, year=True)) as (url, asked):
        args = ("crawl", "belitsa", "--profile", str(profile), "--base-url", url, "--delay", "0")
        first = run_cli(*args, "--db", str(db))
        assert first.exit_code == 0, first.stderr
        with closing(sqlite3.connect(db)) as conn:
            urls = {row[0] for row in conn.execute("SELECT url FROM articles")}
        older = {f"{ORIGIN}/novini/{20 + k}-ploshtad" for k in range(len(YEAR_DAYS))}
        assert older <= urls, sorted(urls)
        assert len(urls) == len(DAYS) + len(YEAR_DAYS)
        endpoint = [u.partition("?")[2] for u in asked if "/ajax/" in u]
        assert endpoint == [f"page={n}" for n in range(2, 6)]
        before = len(asked)
        again = run_cli(*args, "--db", str(db))
    assert again.exit_code == 0, again.stderr
    assert len(asked) - before <= 3, asked[before:]
