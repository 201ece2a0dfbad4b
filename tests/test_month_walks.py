"""A news list of the newest three, no pager, whose older news are reached only through
its months' pages ("Декември 2026", "Ноември 2026", each listing that month's news;
composed sites' sixth axes, ``Axes.archive``), in the two shapes municipal themes ship:

- **a box of months** beside the list on every page (WordPress's archives widget; seed
  964). The newest month's page lists the two news the list's page 1 showed already: the
  walk read it as a page run out (every link on an earlier page of the walk) and ended
  there, 3 of 8 archived. A month's page listing its month's news goes on to the month
  before (``ListingWalk._to_an_earlier_month``): 8 of 8.
- **an index page of months** the list links as "Архив на новините »" (seeds 60, 201, 217,
  350, 367, 401, 416, 636, 802, 941). The walk read month links on the page it stood on
  alone (``next_pages._older_month``): the list links no month, so it ended at page 1,
  3 of 8. The list's archive link is its next page (``next_pages._archive_index``), read
  as an index of months (``index_pages._months_index``), its months the walk's next pages
  newest first: 8 of 8. A nightly run after one more news asks the list, the index and
  the current month only: no month walked whole before is read again.

A night's walk stops at a month's page listing a news archived before, new ones beside it
or not (it asked the month before too); at a month's turn, the current month listing only
this night's news, it reads the month before, which may hold one pushed off page 1, though
a "Най-четени" box of known older news stands beside the month's own list.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from .mirror_sites import MirrorCrawls, MirrorServer, article_rows, bare_profile
from .support import Result

MONTHS = {12: "декември", 11: "ноември", 10: "октомври", 9: "септември"}
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
MONTH_PAGES = ["/novini/arhiv/2026-12", "/novini/arhiv/2026-11", "/novini/arhiv/2026-10"]


def _month_links(months: list[int]) -> str:
    return "\n".join(
        f'<li><a href="/novini/arhiv/2026-{m:02d}">{MONTHS[m].capitalize()} 2026</a></li>'
        for m in months
    )


def _frame(town: str, title: str, main: str, *, box: bool, months: list[int]) -> str:
    """A page of the site: its menu, ``main``, and (``box``) the widget of ``months``."""
    links = _month_links(months)
    aside = (
        f'<aside class="widget widget_archive"><h3>Архив</h3><ul>\n{links}\n</ul></aside>\n'
        if box
        else ""
    )
    return (
        f'<!DOCTYPE html>\n<html lang="bg"><head><meta charset="utf-8"><title>{title}</title>'
        '</head><body><nav><a href="/">Начало</a> <a href="/novini">Новини</a> '
        '<a href="/kontakti">Контакти</a></nav>\n'
        f"<main>{main}</main>\n{aside}<footer>{town}</footer></body></html>\n"
    )


def _cards(news: list[tuple[dt.date, str, str]], *, dated: bool = True) -> str:
    return "\n".join(
        '<div class="news-item">'
        + (f'<span class="news-date">{day:%d.%m.%Y}</span>' if dated else "")
        + f'<h3><a href="/novini/{slug}">{title}</a></h3></div>'
        for day, slug, title in news
    )


def _popular_box(news: Sequence[tuple[dt.date, str, str]], *, days: bool = True) -> str:
    """The "Най-четени" box of ``news`` ("" for none), each news's count of views and
    (``days``) its day: a section of the page's column, under the list (not an
    ``<aside>``, which ``furniture`` passes over, its links never the page's)."""
    if not news:
        return ""
    items = "\n".join(
        f'<li><a href="/novini/{slug}">{title}</a> '
        + (f'<span class="date">{day:%d.%m.%Y}</span> ' if days else "")
        + f'<span class="views">{300 - 40 * k} прегледа</span></li>'
        for k, (day, slug, title) in enumerate(news)
    )
    return f'\n<section class="most-read"><h2>Най-четени</h2>\n<ol>\n{items}\n</ol></section>'


def _write(
    root: Path,
    town: str,
    news: list[tuple[dt.date, str, str]],
    *,
    box: bool,
    popular: Sequence[tuple[dt.date, str, str]] = (),
    popular_days: bool = True,
    shown: int = 3,
    dated: bool = True,
) -> None:
    """The site of ``news`` (newest first): the list of the newest ``shown``, each month's
    page (of the months with news), each article's, and the months reached by a box on
    every page (``box``) or by the list's "Архив на новините »" to an index page of them.
    ``popular``: news a "Най-четени" box beside the list and each month's list shows
    (composed sites' ``Axes.popular``), by a count of views (``popular_days``: and
    their days). ``dated``: the lists' cards print their days."""
    more = "" if box else f"\n{ARCHIVE_LINK}"
    more += _popular_box(popular, days=popular_days)
    months = [m for m in MONTHS if any(day.month == m for day, _s, _t in news)]
    page = functools.partial(_frame, town, box=box, months=months)
    pages = {
        "index.html": page(town, f"<h1>{town}</h1><p>Добре дошли.</p>"),
        "kontakti.html": page("Контакти", "<h1>Контакти</h1><p>пл. „Свобода“ 1</p>"),
        "novini.html": page(
            "Новини", f"<h1>Новини</h1>\n{_cards(news[:shown], dated=dated)}{more}"
        ),
    }
    if not box:
        index = f'<h1>Архив на новините</h1>\n<ul class="months">\n{_month_links(months)}\n</ul>'
        pages["arhiv.html"] = page("Архив", index)
    for month in months:
        heading = f"Новини – {MONTHS[month]} 2026"
        listed = _cards([n for n in news if n[0].month == month], dated=dated)
        pages[f"novini/arhiv/2026-{month:02d}.html"] = page(
            heading, f"<h1>{heading}</h1>\n{listed}{more}"
        )
    for day, slug, title in news:
        body = (
            f'<article><h1>{title}</h1><p class="date">Публикувано на {day:%d.%m.%Y} г.</p>'
            f"<p>{title}: общината съобщава подробности за събитието и сроковете.</p>"
            "<p>Гражданите могат да се обърнат към центъра за услуги в работно време.</p>"
            "</article>"
        )
        pages[f"novini/{slug}.html"] = page(title, body)
    pages["robots.txt"] = "User-agent: *\nDisallow: /admin/\n"
    for name, text in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")


def test_a_list_beside_a_box_of_months_is_walked_back_through_every_month(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    _check_months(run_cli, db, tmp_path, "mesechnik", "Община Месечник", box=True)


def test_a_list_linking_an_index_of_months_is_walked_back_through_every_month(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    _check_months(run_cli, db, tmp_path, "arhivets", "Община Архивец", box=False)


def _check_months(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str, town: str, *, box: bool
) -> None:
    """A first crawl archives the eight news with their days, reading the months newest
    first (the index once); a no-op rerun asks three requests at most; a nightly run
    after one more news this month archives it, reading December alone of the months."""
    origin = f"https://{site}.bg"
    root = tmp_path / site
    _write(root, town, NEWS, box=box)
    profile = bare_profile(tmp_path, site, town, origin)
    with MirrorServer(root) as server:
        args = ("crawl", site, "--profile", str(profile), "--base-url", server.url)
        crawls = MirrorCrawls(run_cli, server, root, (*args, "--delay", "0", "--db", str(db)))
        first = crawls.crawl()
        rows = article_rows(db)
        assert sorted(rows) == sorted(f"{origin}/novini/{slug}" for _d, slug, _t in NEWS), first
        assert {url: row[1][:10] for url, row in rows.items()} == {
            f"{origin}/novini/{slug}": f"{day:%Y-%m-%d}" for day, slug, _t in NEWS
        }
        assert [path for path in first if path.startswith("/novini/arhiv/")] == MONTH_PAGES
        assert first.count("/arhiv") == (0 if box else 1), first
        rerun = crawls.crawl()
        assert len(rerun) <= 3, rerun  # (robots.txt, the list: nothing new on it)

        _write(root, town, [LATER, *NEWS], box=box)  # one more news this month
        nightly = crawls.crawl()
    assert f"{origin}/novini/{LATER[1]}" in article_rows(db), nightly
    # the list, the index and the current month at most: no month walked whole is read
    # again (robots.txt, the list, the index, December, the new article)
    months = [p for p in nightly if p.startswith("/novini/arhiv/")]
    assert months == MONTH_PAGES[:1], nightly
    assert len(nightly) <= (4 if box else 5), nightly


# Three months whole on the list's page 1 (its newest five), and September's one news
# on September's page alone
WHOLE_MONTHS = [
    NEWS[1], NEWS[2], NEWS[3], NEWS[5], NEWS[6],
    (dt.date(2026, 9, 24), "esenen-panair", "Есенният панаир на занаятите"),
]  # fmt: skip


@pytest.mark.parametrize("box", [False, True], ids=["index", "box"])
def test_months_of_undated_cards_each_on_the_list_before_are_walked_back(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, box: bool
) -> None:
    """Cards printing no days, the list's page 1 the newest five (December, November and
    October whole): each of those months' pages lists news the list showed before, its
    month's own by the days its articles state, so the walk goes on to September, whose
    news no other page lists (composed seed 12371). Read by printed days alone, each
    month's page listed none of its own, a gap: three in a row ended the walk as the
    archive's start, September never asked, 5 of 6 archived."""
    site, town, origin = "bezdati", "Община Бездати", "https://bezdati.bg"
    root = tmp_path / site
    _write(root, town, WHOLE_MONTHS, box=box, shown=5, dated=False)
    profile = bare_profile(tmp_path, site, town, origin)
    with MirrorServer(root) as server:
        args = ("crawl", site, "--profile", str(profile), "--base-url", server.url)
        crawls = MirrorCrawls(run_cli, server, root, (*args, "--delay", "0", "--db", str(db)))
        first = crawls.crawl()
        rerun = crawls.crawl()
    rows = article_rows(db)
    assert sorted(rows) == sorted(f"{origin}/novini/{n[1]}" for n in WHOLE_MONTHS), first
    assert {url: row[1][:10] for url, row in rows.items()} == {
        f"{origin}/novini/{slug}": f"{day:%Y-%m-%d}" for day, slug, _t in WHOLE_MONTHS
    }
    months = [path for path in first if path.startswith("/novini/arhiv/")]
    assert months == [*MONTH_PAGES, "/novini/arhiv/2026-09"], first
    assert len(rerun) <= 3, rerun


# A night of four news this month (``test_a_night_stops_at_a_month_listing_a_known_news``):
# the list shows the newest three, the fourth is pushed off it into December's page
BUSY_NIGHT = [
    (dt.date(2026, 12, 6), "zimno-pochistvane", "Зимното почистване започва в понеделник"),
    (dt.date(2026, 12, 6), "koncert-chitalishte", "Коледен концерт в читалището"),
    (dt.date(2026, 12, 5), "dvizhenie-tsentar", "Промени в движението в центъра"),
    LATER,
]
# A month's turn (``test_at_a_months_turn_the_month_before_is_read``): the site's newest
# news November's, then a night of one more in November and three in December, the
# November one pushed off the list's page 1
TURN = [
    (dt.date(2026, 12, 3), "zimno-pochistvane", "Зимното почистване започва в понеделник"),
    (dt.date(2026, 12, 2), "koncert-chitalishte", "Коледен концерт в читалището"),
    (dt.date(2026, 12, 1), "dvizhenie-tsentar", "Промени в движението в центъра"),
    (dt.date(2026, 11, 30), "sesiya-savet", "Последната сесия на съвета за годината"),
]


@pytest.mark.parametrize("box", [False, True], ids=["index", "box"])
def test_a_night_stops_at_a_month_listing_a_known_news(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, box: bool
) -> None:
    """A nightly run reaching the current month's page that lists a news archived before
    (two of December's) asks no month before it, though the page lists a new one too (the
    fourth of the night, pushed off the list's page 1): November was read whole before,
    and all of it is older than those. Before, the walk stopped at a month's page only
    when all its news were known, and asked November too."""
    nightly, rows = _night(run_cli, db, tmp_path, NEWS, [*BUSY_NIGHT, *NEWS], box=box)
    assert {f"https://kalendar.bg/novini/{n[1]}" for n in BUSY_NIGHT} <= set(rows), nightly
    assert [p for p in nightly if p.startswith("/novini/arhiv/")] == MONTH_PAGES[:1], nightly


@pytest.mark.parametrize("box", [False, True], ids=["index", "box"])
def test_at_a_months_turn_the_month_before_is_read(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, box: bool
) -> None:
    """At a month's turn the current month's page lists only news the list's page 1
    showed, none known: the month before is read (it holds November 30's news, published
    since the run before and pushed off page 1), and there, a known news listed beside
    it, the walk stops: October is not asked."""
    nightly, rows = _night(run_cli, db, tmp_path, NEWS[2:], [*TURN, *NEWS[2:]], box=box)
    assert {f"https://kalendar.bg/novini/{n[1]}" for n in TURN} <= set(rows), nightly
    assert [p for p in nightly if p.startswith("/novini/arhiv/")] == MONTH_PAGES[:2], nightly


@pytest.mark.parametrize("days", [True, False], ids=["dated", "undated"])
@pytest.mark.parametrize("night", [1, 2], ids=["page-one", "one-more"])
@pytest.mark.parametrize("box", [False, True], ids=["index", "box"])
def test_at_a_months_turn_a_side_box_of_known_news_does_not_stop_the_walk(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, box: bool, night: int, days: bool
) -> None:
    """At a month's turn the current month's own list holds only this night's news (the
    list's page 1's; ``one-more``: and a fourth, pushed off page 1 into December's page),
    and a "Най-четени" box under it links known older ones (November's and October's):
    the box says nothing of the month's news, so the month before is read all the same
    (its November 30 news, pushed off page 1, archived), and the walk stops there, at a
    known news in November's own list: October is not asked. Before, a known link
    anywhere on a month's page listing news of its own stopped the walk at December,
    November 30 never archived (``one-more``; ``page-one`` too where the box prints no
    days, the page then read as its month's own news: dated, the box's older days made
    December a page of no news of its own, stepped over as a gap)."""
    popular = [NEWS[3], NEWS[5], NEWS[6]]  # (known since the first crawl)
    tonight = TURN if night == 1 else [NEWS[0], *TURN]
    after = [*tonight, *NEWS[2:]]
    nightly, rows = _night(
        run_cli, db, tmp_path, NEWS[2:], after, box=box, popular=popular, popular_days=days
    )
    assert {f"https://kalendar.bg/novini/{n[1]}" for n in tonight} <= set(rows), nightly
    assert [p for p in nightly if p.startswith("/novini/arhiv/")] == MONTH_PAGES[:2], nightly


def _night(
    run_cli: Callable[..., Result],
    db: Path,
    tmp_path: Path,
    before: list[tuple[dt.date, str, str]],
    after: list[tuple[dt.date, str, str]],
    *,
    box: bool,
    popular: Sequence[tuple[dt.date, str, str]] = (),
    popular_days: bool = True,
) -> tuple[list[str], dict[str, object]]:
    """A first crawl of the site of ``before``, a no-op rerun, then a night's crawl of
    the site of ``after``: its requests and the archived rows. ``popular``: the news of
    a "Най-четени" box beside the list and each month's list, on both sites (printing
    their days: ``popular_days``)."""
    site, town = "kalendar", "Община Календар"
    root = tmp_path / site
    boxed = functools.partial(_write, box=box, popular=popular, popular_days=popular_days)
    boxed(root, town, before)
    profile = bare_profile(tmp_path, site, town, f"https://{site}.bg")
    with MirrorServer(root) as server:
        args = ("crawl", site, "--profile", str(profile), "--base-url", server.url)
        crawls = MirrorCrawls(run_cli, server, root, (*args, "--delay", "0", "--db", str(db)))
        crawls.crawl()
        assert len(article_rows(db)) == len(before)
        crawls.crawl()
        boxed(root, town, after)
        nightly = crawls.crawl()
    return nightly, dict(article_rows(db))
