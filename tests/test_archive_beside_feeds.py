"""The municipality of ``test_home_archive_beside_a_feed``, its news moved off the home
page to "Новини" (the newest five, no pager, "Архив на новините »" to an index of
months) and its feed split in two: a footer's "RSS емисии" page names "Новини", the
newest ten news, and "Култура". Beside several feeds, a first listing every item of
which they carry was dropped unless it had a page 2 (``explorer.one_listing_beside_a_feed``):
its archive was not counted as its way on, and a first crawl never read the two oldest,
in September's page of the archive alone. Now a list goes on by its archive as by its
pager (``_Explorer.goes_on``), and is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from . import test_home_archive_beside_a_feed as varbitsa
from .mirror_sites import bare_profile
from .pageserver import Answer, answering, municipal_article
from .support import Result

ORIGIN, NAME = varbitsa.ORIGIN, varbitsa.NAME
# number -> (day of November 2026, headline): "Култура"'s feed, none of them news
CULTURE = {601: (20, "Концерт на духовия оркестър"), 602: (18, "Изложба на млади художници")}
# what ``pageserver.municipal_page`` names in its head: this site names no feed there
NAMED_FEED = f'<link rel="alternate" type="application/rss+xml" title="{NAME}" href="/rss.xml">'


def _page(title: str, main: str) -> str:
    return (
        f'<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>{title}</title>'
        '</head><body><header><nav><ul><li><a href="/">Начало</a></li><li><a href="/novini">'
        'Новини</a></li><li><a href="/kontakti">Контакти</a></li></ul></nav></header>'
        f'<main>{main}</main><footer>© {NAME} <a href="/rss">RSS емисии</a></footer>'
        "</body></html>"
    )


def _culture_feed() -> str:
    rows = "".join(
        f"<item><title>{title}</title><link>{ORIGIN}/kultura/{n}</link>"
        f"<pubDate>{day:02d} Nov 2026 10:00:00 +0200</pubDate></item>"
        for n, (day, title) in CULTURE.items()
    )
    channel = f"<channel><title>Култура</title>{rows}</channel>"
    return f'<?xml version="1.0"?><rss version="2.0">{channel}</rss>'


class Site(varbitsa.Site):
    """Its news under "Новини", its two feeds named on "RSS емисии" alone."""

    def answer(self, url: str) -> Answer:
        path = url.removeprefix(ORIGIN)
        if path == "/":
            return 200, {}, _page(NAME, f"<h1>{NAME}</h1><p>Добре дошли в общината.</p>")
        if path == "/novini":
            newest = sorted(varbitsa.NEWS, reverse=True)[: varbitsa.SHOWN]
            more = '<p class="archive-link"><a href="/arhiv">Архив на новините »</a></p>'
            return 200, {}, _page("Новини", f"<h1>Новини</h1>{self._cards(newest)}{more}")
        if path == "/rss":
            feeds = '<li><a href="/rss/novini.xml">Новини</a></li>'
            feeds += '<li><a href="/rss/kultura.xml">Култура</a></li>'
            return 200, {}, _page("RSS емисии", f"<h1>RSS емисии</h1><ul>{feeds}</ul>")
        if path == "/rss/novini.xml":
            return 200, {"Content-Type": "application/rss+xml"}, varbitsa._feed()
        if path == "/rss/kultura.xml":
            return 200, {"Content-Type": "application/rss+xml"}, _culture_feed()
        if path == "/rss.xml":
            return 404, {}, varbitsa.GONE
        number = path.removeprefix("/kultura/")
        if number.isdigit() and int(number) in CULTURE:
            day, title = CULTURE[int(number)]
            return 200, {}, _page(title, municipal_article(title, day, "Културата"))
        status, headers, body = super().answer(url)  # the archive, the news, "Обяви"
        if isinstance(body, str):
            body = body.replace(NAMED_FEED, "").replace(
                "</footer>", ' <a href="/rss">RSS емисии</a></footer>'
            )
        return status, headers, body


@pytest.mark.parametrize("dated", [True, False], ids=["dated-cards", "bare-headlines"])
def test_a_list_beside_several_feeds_carrying_it_whole_still_walks_on_to_its_archive(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, dated: bool
) -> None:
    """Crawled bare: every news is archived with its day, the two past the news feed's
    ten too (read from September's page of the archive), and the culture feed's; the
    no-op rerun reads robots.txt, the two feeds and "Новини"'s first page, as beside a
    list with a page 2."""
    walked, nightly = varbitsa.crawled_twice(run_cli, db, tmp_path, Site(dated).answer)
    news = {f"{ORIGIN}/novini/{n}": f"{m}-{d:02d}" for n, (m, d, _) in varbitsa.NEWS.items()}
    news |= {f"{ORIGIN}/kultura/{n}": f"2026-11-{day:02d}" for n, (day, _) in CULTURE.items()}
    archived = varbitsa._archived(db)
    assert news.items() <= archived.items(), sorted(set(news) - set(archived))
    assert "/rss" in walked and "/arhiv/2026-09" in walked, walked
    assert nightly == ["/robots.txt", "/rss/novini.xml", "/rss/kultura.xml", "/novini"], nightly


@dataclass
class Throttled:
    """The site, its news feed answering 429 while ``busy``."""

    site: Site
    busy: bool = True

    def answer(self, url: str) -> Answer:
        if self.busy and url == f"{ORIGIN}/rss/novini.xml":
            return 429, {"Retry-After": "1"}, "Too Many Requests"
        return self.site.answer(url)


def test_a_feed_a_page_of_feeds_names_that_does_not_answer_is_said_and_explored_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The news feed answers 429 while the first crawl explores: a feed the page of
    feeds names is read to tell it one, and one that did not answer was taken for none,
    said nothing of, and the site was not explored again for a month, its news feed
    unread every night till then. Now it is a page exploring missed, as a menu's section
    is: said in one warning, the run's exit 0 (its news archived from the list), and the
    next run explores again and reads the feed."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    profile = bare_profile(tmp_path, "varbitsa", NAME, ORIGIN)
    site = Throttled(Site(dated=True))
    with answering(site.answer) as (url, asked):
        args = ("crawl", "varbitsa", "--profile", str(profile), "--base-url", url, "--delay", "0",
                "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        site.busy = False
        before = len(asked)
        second = run_cli(*args)
        explored = [u.removeprefix(ORIGIN) for u in asked[before:]]
        before = len(asked)
        third = run_cli(*args)
        nightly = [u.removeprefix(ORIGIN) for u in asked[before:]]
    assert first.exit_code == 0, first.stderr
    (line,) = first.stderr.splitlines()
    assert "while exploring the site: HTTP 429" in line
    assert f"{ORIGIN}/rss/novini.xml" in line and "explored again next run" in line
    assert (second.exit_code, second.stderr, third.exit_code, third.stderr) == (0, "", 0, "")
    assert "/rss" in explored and "/rss/novini.xml" in explored, explored
    assert nightly == ["/robots.txt", "/rss/novini.xml", "/rss/kultura.xml", "/novini"], nightly
    news = {f"{ORIGIN}/novini/{n}" for n in varbitsa.NEWS}
    assert news <= set(varbitsa._archived(db)), sorted(news - set(varbitsa._archived(db)))
