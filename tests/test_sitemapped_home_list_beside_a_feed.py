"""A home list of the news that the sitemap names in full, beside a feed of the notices
alone. The list was dropped for the sitemap (``explorer.in_sitemap``: its cards print no
day, so it shows a nightly run nothing the sitemap does not), but the feed, quiet each
night (its items known, or unchanged) while the news come out, left the sitemap resting
a week (``SourceReader._covered``, ``SITEMAP_REST_DAYS``), and the news with it. Now the
sitemap stands in for the list only beside no feed or one carrying some of its news.

Composed ``--nights`` seed 8: a Joomla home list of bare links with a picture, every
one in the sitemap, a feed of "Обяви": a week's news archived a week late, the last
night's never.

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

ORIGIN = "https://obshtina-kamenitsa.bg"
NAME = "Община Каменица"
GONE = "<html><body><h1>Страницата не е намерена</h1></body></html>"
XML = {"Content-Type": "application/xml"}
# number -> (day of November 2026, headline): the news the home list and the sitemap name
NEWS = {
    701: (10, "Общината обнови площада пред читалището"),
    702: (12, "Започна ремонтът на моста над реката"),
    703: (14, "Учениците засадиха дръвчета в парка"),
    704: (17, "Кметът награди най-добрите спортисти"),
    705: (19, "Нов автобус ще вози децата до училище"),
}
LATE = 706, (27, "Коледният базар отваря врати на площада")
# day of November 2026 -> notice: "Обяви" and its feed, dated around the news
NOTICES = {22: "Прекъсване на водата", 15: "Търг за общински имот", 8: "Заседание на комисия"}


class Site:
    """A municipality whose home page lists its news as bare links with a picture (no
    day), whose sitemap (named in robots.txt) names each news, and whose one feed,
    named on every page, carries ``feed``: the notices, the news, or the two latest
    news (the sitemap alone names the older ones)."""

    def __init__(self, feed: str) -> None:
        self.feed = feed
        self.news = dict(NEWS)

    def answer(self, url: str) -> Answer:
        path = url.removeprefix(ORIGIN)
        if path == "/robots.txt":
            text = f"User-agent: *\nDisallow:\nSitemap: {ORIGIN}/sitemap.xml\n"
            return 200, {"Content-Type": "text/plain"}, text
        if path == "/":
            cards = "".join(
                f'<li><a href="/novini/{n}-novina"><img src="/img/{n}.jpg" alt="">{title}</a></li>'
                for n, (_, title) in sorted(self.news.items(), reverse=True)
            )
            main = f'<h1>{NAME}</h1><ul class="news-list">{cards}</ul>'
            return 200, {}, municipal_page(NAME, NAME, main)
        if path == "/sitemap.xml":
            rows = "".join(
                f"<url><loc>{ORIGIN}/novini/{n}-novina</loc><lastmod>2026-11-{day:02d}</lastmod></url>"
                for n, (day, _) in sorted(self.news.items(), reverse=True)
            )
            urlset = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            return 200, XML, f'<?xml version="1.0"?>{urlset}{rows}</urlset>'
        if path == "/rss.xml":
            return 200, {"Content-Type": "application/rss+xml"}, self._feed()
        if (notice := municipal_notices(path, NAME, NOTICES)) is not None:
            return notice
        number = path.removeprefix("/novini/").removesuffix("-novina")
        if number.isdigit() and int(number) in self.news:
            day, title = self.news[int(number)]
            return 200, {}, municipal_page(NAME, title, municipal_article(title, day, "Новината"))
        return 404, {}, GONE

    def _feed(self) -> str:
        if self.feed == "notices":
            items = [
                (f"/obyavi/o{day}", f"{title} номер {day}", day) for day, title in NOTICES.items()
            ]
        else:  # (the news, all of them or the two latest)
            items = [
                (f"/novini/{n}-novina", title, day)
                for n, (day, title) in sorted(self.news.items(), reverse=True)
            ][: 2 if self.feed == "latest" else None]
        rows = "".join(
            f"<item><title>{title}</title><link>{ORIGIN}{path}</link>"
            f"<pubDate>{day:02d} Nov 2026 09:00:00 +0200</pubDate></item>"
            for path, title, day in items
        )
        channel = f"<channel><title>{NAME}</title>{rows}</channel>"
        return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


def _archived(db: Path) -> dict[str, str | None]:
    with closing(sqlite3.connect(db)) as conn:
        return dict(conn.execute("SELECT url, published_date FROM articles"))


@pytest.mark.parametrize("feed", ["notices", "news", "latest"])
def test_a_news_out_the_night_after_is_archived_that_night_whatever_the_feed_carries(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, feed: str
) -> None:
    """Crawled bare, then again once a news came out. Beside a feed of the notices the
    home page is read as the news list each night (before, the sitemap rested, the feed
    quiet, and the news was not archived); beside a feed of the news, or of the latest
    two (the older ones named by the sitemap alone), the feed brings it, and neither the
    home page nor the sitemap is asked."""
    site = Site(feed)
    profile = bare_profile(tmp_path, "kamenitsa", NAME, ORIGIN)
    with answering(site.answer) as (url, asked):
        args = ("crawl", "kamenitsa", "--profile", str(profile), "--base-url", url, "--delay", "0",
                "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        assert first.exit_code == 0, first.stderr
        news = {f"{ORIGIN}/novini/{n}-novina": f"2026-11-{day:02d}" for n, (day, _) in NEWS.items()}
        assert news.items() <= _archived(db).items(), _archived(db)
        number, (day, title) = LATE
        site.news[number] = (day, title)
        before = len(asked)
        second = run_cli(*args)
        assert second.exit_code == 0, second.stderr
        nightly = [u.removeprefix(ORIGIN) for u in asked[before:]]
    assert _archived(db).get(f"{ORIGIN}/novini/{number}-novina") == f"2026-11-{day:02d}"
    sources = [path for path in nightly if not path.startswith("/novini/")]
    home = ["/"] if feed == "notices" else []
    assert sources == ["/robots.txt", "/rss.xml", "/obyavi", *home], nightly
