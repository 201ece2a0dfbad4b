"""A home box of bare headlines (no day, teaser or picture) beside a feed that carries
none of them: a feed of the notices ("Обяви") alone, or one left from an old section,
its items years old. The box is the only way to the news, each article dated on its
page; the feed proves nothing of it, so the box is probed as where no feed was found
(``explorer.home_headlines_probed``). A feed carrying the box's news still stops the
probe (``explorer.feed_carrying``).

One local server answers for the site (``pageserver.answering``), its pages written here.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import NamedTuple

import pytest

from newsarchive.explorer import explore
from newsarchive.fetch.client import Fetcher, FetchOptions
from newsarchive.fetch.mirror import MirrorTransport
from newsarchive.models import Profile

from .mirror_sites import bare_profile
from .pageserver import answering, municipal_article, municipal_page
from .support import Result

ORIGIN = "https://obshtina-vrabtsa.bg"
NAME = "Община Врабца"
GONE = "<html><body><h1>Страницата не е намерена</h1></body></html>"
HEADLINES = {
    611: "Кметът откри обновената детска площадка в центъра",
    612: "Общинският съвет прие бюджета за следващата година",
    613: "Започна подмяната на уличното осветление в селата",
    614: "Читалището събира дарения за нови народни носии",
    615: "Доброволци почистиха брега на реката край моста",
    616: "Приключи ремонтът на пътя към съседното село",
}
NOTICES = {24: "Прекъсване на водата", 20: "Търг за общински имот", 12: "Заседание на комисия"}
# what the feed carries: the notices (the site's feed of "Обяви"), items of an old
# section years past, the news itself (the box's own addresses), or the news at the
# addresses the box's are sent on to (301), titled otherwise
FEEDS = ("notices", "old", "news", "moved")


def _feed(items: list[tuple[str, str, str]]) -> str:
    rows = "".join(
        f"<item><title>{title}</title><link>{ORIGIN}{path}</link><pubDate>{day}</pubDate></item>"
        for path, title, day in items
    )
    channel = f"<channel><title>{NAME}</title>{rows}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


class Site:
    """A municipality's home page: a menu of "Обяви" and "Контакти", and a box of the six
    newest news, each a bare ``<li><a>`` into ``/novini/N-x`` (no section lists them, no
    sitemap names them); every page's head names ``/rss.xml``, carrying ``feed``."""

    def __init__(self, feed: str) -> None:
        self.feed = feed

    def page(self, title: str, main: str) -> str:
        return municipal_page(NAME, title, main)

    def answer(self, url: str) -> tuple[int, dict[str, str], str]:
        path = url.removeprefix(ORIGIN)
        xml = {"Content-Type": "application/rss+xml"}
        if path == "/":
            box = "".join(
                f'<li><a href="/novini/{n}-x">{title}</a></li>'
                for n, title in sorted(HEADLINES.items(), reverse=True)
            )
            box = f'<section><h2>Актуално</h2><ul class="links">{box}</ul></section>'
            main = f"<h1>Добре дошли</h1>{box}"
            return 200, {}, self.page(NAME, main)
        if path == "/obyavi":
            cards = "".join(
                f'<li><span class="date">{day:02d}.11.2026</span> <a href="/obyavi/o{day}">'
                f"{title} номер {day}</a></li>"
                for day, title in NOTICES.items()
            )
            return 200, {}, self.page("Обяви", f"<h1>Обяви</h1><ul>{cards}</ul>")
        if path == "/rss.xml":
            if self.feed == "notices":
                items = [
                    (f"/obyavi/o{day}", f"{title} номер {day}", f"{day} Nov 2026 09:00:00 +0200")
                    for day, title in NOTICES.items()
                ]
            elif self.feed == "old":
                items = [
                    (
                        f"/arhiv/s{k}",
                        f"Стара новина от архива номер {k}",
                        f"0{k} Mar 2019 09:00:00 +0200",
                    )
                    for k in (3, 2, 1)
                ]
            else:
                moved = self.feed == "moved"
                items = [
                    (
                        f"/statii/{n}-novina" if moved else f"/novini/{n}-x",
                        f"Новина {n} от общината" if moved else title,
                        f"{n - 590} Nov 2026 09:00:00 +0200",
                    )
                    for n, title in sorted(HEADLINES.items(), reverse=True)
                ]
            return 200, xml, _feed(items)
        if path.startswith("/obyavi/o") and int(day := path.removeprefix("/obyavi/o")) in NOTICES:
            title = f"{NOTICES[int(day)]} номер {day}"
            return 200, {}, self.page(title, _article(title, int(day), "Обявата"))
        if path.startswith("/arhiv/s"):
            k = int(path.removeprefix("/arhiv/s"))
            title = f"Стара новина от архива номер {k}"
            return 200, {}, self.page(title, _article(title, k, "Старата новина", "2019-03"))
        number = path.removeprefix("/novini/").removesuffix("-x") if "/novini/" in path else ""
        if self.feed == "moved":  # (the box's addresses sent on to the feed's)
            if number.isdigit() and int(number) in HEADLINES:
                return 301, {"Location": f"{ORIGIN}/statii/{number}-novina"}, ""
            number = path.removeprefix("/statii/").removesuffix("-novina")
        if number.isdigit() and int(number) in HEADLINES:
            n = int(number)
            return 200, {}, self.page(HEADLINES[n], _article(HEADLINES[n], n - 590, "Новината"))
        return 404, {}, GONE


def _article(title: str, day: int, what: str, month: str = "2026-11") -> str:
    return municipal_article(title, day, what, month)


def _archived(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        return {url for (url,) in conn.execute("SELECT url FROM articles")}


def _saved(db: Path) -> dict[str, object]:
    with closing(sqlite3.connect(db)) as conn:
        (found,) = conn.execute("SELECT found FROM site_discovery").fetchone()
    saved: dict[str, object] = json.loads(found)
    return saved


NEWS = {f"{ORIGIN}/novini/{n}-x" for n in HEADLINES}


class Nights(NamedTuple):
    first: list[str]  # what the first crawl asked
    archived: set[str]  # the archive's articles after it
    saved: dict[str, object]  # its exploration, as saved
    nightly: list[str]  # the paths the second crawl asked


def _two_nights(run_cli: Callable[..., Result], db: Path, tmp_path: Path, feed: str) -> Nights:
    """The site crawled bare twice, each run exiting 0."""
    profile = bare_profile(tmp_path, "vrabtsa", NAME, ORIGIN)
    with answering(Site(feed).answer) as (url, asked):
        args = ("crawl", "vrabtsa", "--profile", str(profile), "--base-url", url, "--delay", "0",
                "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        assert first.exit_code == 0, first.stderr
        archived, saved, before = _archived(db), _saved(db), len(asked)
        second = run_cli(*args)
        assert second.exit_code == 0, second.stderr
        nightly = [u.removeprefix(ORIGIN) for u in asked[before:]]
        return Nights(list(asked[:before]), archived, saved, nightly)


@pytest.mark.parametrize("feed", ["notices", "old"])
def test_a_box_of_bare_headlines_beside_a_feed_carrying_none_of_them_is_probed_and_read(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, feed: str
) -> None:
    """The feed carries the notices alone, or an old section's items of 2019: none of
    the box's links, by address or headline. Before, any feed stopped the probe, and the
    six news were never asked (the notices alone archived). Now the box is probed as
    where no feed was found: the home page is the news list, read second after "Обяви"
    (the menu's first listing, which stays beside one feed: ``one_listing_beside_a_feed``),
    and a nightly run asks robots.txt, the feed, "Обяви" and the home page, no article."""
    nights = _two_nights(run_cli, db, tmp_path, feed)
    assert NEWS <= nights.archived, nights.archived
    saved = nights.saved
    assert saved["feeds"] == [f"{ORIGIN}/rss.xml"], saved
    assert f"{ORIGIN}/" in saved["listings"], saved  # type: ignore[operator]
    assert nights.first.count(f"{ORIGIN}/novini/616-x") == 1  # (probed, kept for the crawl)
    assert nights.nightly == ["/robots.txt", "/rss.xml", "/obyavi", "/"]


@pytest.mark.parametrize(
    ("feed", "opened", "read"),
    [("notices", 2, True), ("old", 2, True), ("news", 0, False), ("moved", 1, False)],
)
def test_exploring_opens_the_box_only_where_the_feed_carries_none_of_its_news(
    feed: str, opened: int, read: bool
) -> None:
    """Exploring alone, its requests counted: beside a feed carrying none of the box's
    news the first two headlines are opened (``PROBED_HOME_ITEMS``) and the home page
    read as their list; beside one carrying them at the box's addresses none is opened
    (``feed_carrying``: no request); beside one naming the addresses the box's are sent
    on to (301), titled otherwise, the first opened lands on a feed's item, and the
    probe ends there: the feed shows that news."""
    profile = Profile(id="vrabtsa", name=NAME, origin=ORIGIN, hosts=("obshtina-vrabtsa.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with answering(Site(feed).answer) as (url, asked):
        transport = MirrorTransport(url, profile.hosts)
        with Fetcher(options, transport=transport) as fetcher:
            found = explore(fetcher, profile)
    assert found.feeds == (f"{ORIGIN}/rss.xml",), found
    assert len([u for u in asked if "/novini/" in u]) == opened, asked
    assert (f"{ORIGIN}/" in found.listings) is read, found
    assert f"{ORIGIN}/" not in found.rested, found


def test_a_box_of_bare_headlines_the_feed_carries_is_not_read_as_a_list(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The feed carries the box's news at the box's addresses: it shows them, dated,
    every one archived, and the home page is no list a nightly run reads."""
    nights = _two_nights(run_cli, db, tmp_path, "news")
    assert NEWS <= nights.archived, nights.archived
    saved = nights.saved
    assert f"{ORIGIN}/" not in (*saved["listings"], *saved["rested"]), saved  # type: ignore[misc]
    assert nights.nightly == ["/robots.txt", "/rss.xml", "/obyavi"]
