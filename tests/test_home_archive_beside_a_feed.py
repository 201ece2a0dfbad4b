"""A home page listing the newest five news, no pager, its "Архив на новините »" an index
of months, beside "Обяви" and a feed carrying the newest ten news. The feed carries every
news the home page shows, so the home list was dropped beside it
(``explorer.one_listing_beside_a_feed``), and with it the walk's one way to the archive:
a first crawl archived the feed's ten and never the older ones. Now the home list is kept,
rested, where it goes on to the archive it links (``_Explorer.goes_on``, ``archives``).

Composed seed 14129 (bare headlines, no day on the cards; the same with days): the oldest
of eleven news, in September's page of the archive alone, never read.

One local server answers for the site (``pageserver.answering``), its pages written here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from .mirror_sites import bare_profile
from .pageserver import Answer, answering, municipal_article, municipal_notices, municipal_page
from .support import Result

ORIGIN = "https://obshtina-varbitsa.bg"
NAME = "Община Върбица"
GONE = "<html><body><h1>Страницата не е намерена</h1></body></html>"
# number -> (month, day, headline), newest first: the feed carries the first ten
NEWS = {
    512: ("2026-11", 27, "Коледният базар отваря врати на площада"),
    511: ("2026-11", 24, "Кметът награди най-добрите спортисти"),
    510: ("2026-11", 19, "Нов автобус ще вози децата до училище"),
    509: ("2026-11", 12, "Започна ремонтът на моста над реката"),
    508: ("2026-11", 5, "Учениците засадиха дръвчета в парка"),
    507: ("2026-10", 28, "Общината обнови площада пред читалището"),
    506: ("2026-10", 21, "Библиотеката събра над хиляда книги"),
    505: ("2026-10", 14, "Реставрирани са стенописите в църквата"),
    504: ("2026-10", 7, "Пожарникари проведоха учение в общината"),
    503: ("2026-09", 30, "Спортната зала ще бъде обновена"),
    502: ("2026-09", 22, "Започва записването за курсовете"),
    501: ("2026-09", 15, "Фестивалът на песента събра триста участници"),
}
FED = 10
SHOWN = 5
MONTHS = {"2026-11": "Ноември 2026", "2026-10": "Октомври 2026", "2026-09": "Септември 2026"}
# day of November 2026 -> notice, listed by "Обяви"
NOTICES = {22: "Прекъсване на водата", 15: "Търг за общински имот", 8: "Заседание на комисия"}


class Site:
    """The municipality: its cards print their day (``dated``) or only the headline."""

    def __init__(self, dated: bool) -> None:
        self.dated = dated

    def _cards(self, numbers: list[int]) -> str:
        rows = []
        for n in numbers:
            month, day, title = NEWS[n]
            shown = f'<span class="date">{day:02d}.{month[5:]}.{month[:4]}</span> '
            rows.append(f'<li>{shown if self.dated else ""}<a href="/novini/{n}">{title}</a></li>')
        return f'<ul class="news-list">{"".join(rows)}</ul>'

    def answer(self, url: str) -> Answer:
        path = url.removeprefix(ORIGIN)
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, "User-agent: *\nDisallow:\n"
        if path == "/":
            newest = sorted(NEWS, reverse=True)[:SHOWN]
            more = '<p class="archive-link"><a href="/arhiv">Архив на новините »</a></p>'
            main = f"<h1>{NAME}</h1>{self._cards(newest)}{more}"
            return 200, {}, municipal_page(NAME, NAME, main)
        if path == "/arhiv":
            rows = "".join(
                f'<li><a href="/arhiv/{month}">{name}</a></li>' for month, name in MONTHS.items()
            )
            main = f'<h1>Архив на новините</h1><ul class="archive-months">{rows}</ul>'
            return 200, {}, municipal_page(NAME, "Архив на новините", main)
        if path.removeprefix("/arhiv/") in MONTHS:
            month = path.removeprefix("/arhiv/")
            numbers = [n for n in sorted(NEWS, reverse=True) if NEWS[n][0] == month]
            main = f"<h1>{NAME} – {MONTHS[month]}</h1>{self._cards(numbers)}"
            return 200, {}, municipal_page(NAME, MONTHS[month], main)
        if path == "/rss.xml":
            return 200, {"Content-Type": "application/rss+xml"}, _feed()
        if (notice := municipal_notices(path, NAME, NOTICES)) is not None:
            return notice
        number = path.removeprefix("/novini/")
        if number.isdigit() and int(number) in NEWS:
            month, day, title = NEWS[int(number)]
            page = municipal_article(title, day, "Новината", month)
            return 200, {}, municipal_page(NAME, title, page)
        return 404, {}, GONE


def _feed() -> str:
    """The newest ``FED`` news: all the home page shows, and five it does not."""
    abbr = {"11": "Nov", "10": "Oct", "09": "Sep"}
    rows = "".join(
        f"<item><title>{title}</title><link>{ORIGIN}/novini/{n}</link>"
        f"<pubDate>{day:02d} {abbr[month[5:]]} 2026 09:00:00 +0200</pubDate></item>"
        for n, (month, day, title) in sorted(NEWS.items(), reverse=True)[:FED]
    )
    channel = f"<channel><title>{NAME}</title>{rows}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def crawled_twice(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, answer: Callable[[str], Answer]
) -> tuple[list[str], list[str]]:
    """The site ``answer`` gives crawled bare and then again, each run exiting 0: the
    paths the first asked, and the no-op rerun's."""
    profile = bare_profile(tmp_path, "varbitsa", NAME, ORIGIN)
    with answering(answer) as (url, asked):
        args = ("crawl", "varbitsa", "--profile", str(profile), "--base-url", url, "--delay", "0",
                "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        assert first.exit_code == 0, first.stderr
        walked = [u.removeprefix(ORIGIN) for u in asked]
        before = len(asked)
        again = run_cli(*args)
        assert again.exit_code == 0, again.stderr
        nightly = [u.removeprefix(ORIGIN) for u in asked[before:]]
    return walked, nightly


def _archived(db: Path) -> dict[str, str | None]:
    with closing(sqlite3.connect(db)) as conn:
        return dict(conn.execute("SELECT url, published_date FROM articles"))


@pytest.mark.parametrize("dated", [True, False], ids=["dated-cards", "bare-headlines"])
def test_a_home_list_the_feed_carries_whole_still_walks_on_to_its_archive(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, dated: bool
) -> None:
    """Crawled bare: every news is archived, with its day, the two past the feed's ten
    too (read from September's page of the archive); the no-op rerun reads robots.txt, the
    feed and "Обяви", not the home page, which rests (the feed shows what is new)."""
    walked, nightly = crawled_twice(run_cli, db, tmp_path, Site(dated).answer)
    news = {f"{ORIGIN}/novini/{n}": f"{month}-{day:02d}" for n, (month, day, _) in NEWS.items()}
    archived = _archived(db)
    assert news.items() <= archived.items(), sorted(set(news) - set(archived))
    assert "/arhiv/2026-09" in walked, walked
    assert nightly == ["/robots.txt", "/rss.xml", "/obyavi"], nightly
