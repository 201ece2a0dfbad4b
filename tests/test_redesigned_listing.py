"""A site crawled from a bare profile whose saved listing stops answering, its feed still
read: a redesign (``/novini`` is ``/bg/news`` now) is found that same run, not failed
every night until the site is next explored (up to ``REEXPLORE_DAYS`` later); a listing
explored lately, or a server down, fails as before.

One local server answers for the site (``pageserver.answering``), its pages written here.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from newsarchive.discover.explore import Discovery
from newsarchive.explorer import explored_lately

from .mirror_sites import bare_profile
from .pageserver import answering
from .support import Result

ORIGIN = "https://obshtina-bryast.bg"
NAME = "Община Бряст"
GONE = "<html><body><h1>Няма такава страница</h1></body></html>"


class Site:
    """The site as a test changes it: where its news list is, what its old one answers."""

    def __init__(self) -> None:
        self.news = "/novini"  # the listing's path (the home page's menu links it)
        self.old: tuple[int, str] | None = None  # what /novini answers once it moved

    def page(self, title: str, main: str) -> str:
        return (
            f'<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>{title}'
            f'</title><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
            f'</head><body><header><a href="/">Начало</a> <a href="{self.news}">Новини</a>'
            f' <a href="/kontakti">Контакти</a></header><main>{main}</main>'
            f"<footer>© {NAME}</footer></body></html>"
        )

    def answer(self, url: str) -> tuple[int, dict[str, str], str]:
        path = url.removeprefix(ORIGIN)
        numbers = range(501, 504)
        if path == "/":
            return 200, {}, self.page(NAME, "<h1>Добре дошли</h1>")
        if path == "/rss.xml":
            items = "".join(
                f"<item><title>Сесия {n} на общинския съвет</title><link>{ORIGIN}"
                f"/novini/{n}-sesiya</link><pubDate>{n - 480} Nov 2026 09:00:00 +0200"
                "</pubDate></item>"
                for n in reversed(numbers)
            )
            feed = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            feed += f"<title>{NAME}</title><link>{ORIGIN}/</link>{items}</channel></rss>"
            return 200, {"Content-Type": "application/rss+xml"}, feed
        if path == "/novini" and self.old is not None:
            status, body = self.old
            return status, {}, body
        if path == self.news:
            items = "".join(
                f'<li><h3><a href="/novini/{n}-sesiya">Сесия {n} на общинския съвет</a>'
                f"</h3><span>{n - 480}.11.2026</span></li>"
                for n in reversed(numbers)
            )
            return 200, {}, self.page("Новини", f'<h1>Новини</h1><ul class="news">{items}</ul>')
        number = path.removeprefix("/novini/").partition("-")[0]
        if path.startswith("/novini/") and number.isdigit() and int(number) in numbers:
            n = int(number)
            text = "".join(
                f"<p>Общинският съвет на Бряст прие решение {k} по точка {n}: ремонт на"
                " улиците, бюджет за читалищата и нови детски площадки.</p>"
                for k in range(1, 5)
            )
            body = (
                f"<article><h1>Сесия {n} на общинския съвет</h1><time datetime="
                f'"2026-11-{n - 480:02d}">{n - 480}.11.2026</time><div>{text}</div></article>'
            )
            return 200, {}, self.page(f"Сесия {n} на общинския съвет", body)
        return 404, {}, GONE

    def redesign(self, old: tuple[int, str] = (404, GONE)) -> None:
        """The news list moved to ``/bg/news`` (the menu links it there), ``/novini``
        answering ``old``; the feed is where it was."""
        self.news, self.old = "/bg/news", old


@contextmanager
def _crawling(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: Site
) -> Iterator[tuple[Callable[[], Result], list[str]]]:
    """The site crawled once, clean, its listing and feed saved; then a crawl to call."""
    profile = bare_profile(tmp_path, "bryast", NAME, ORIGIN)
    with answering(site.answer) as (url, asked):
        args = ("crawl", "bryast", "--profile", str(profile), "--base-url", url)
        args += ("--delay", "0", "--db", str(db), "--quiet")
        first = run_cli(*args)
        assert first.exit_code == 0, first.stderr
        assert _saved(db) >= {f"{ORIGIN}/novini", f"{ORIGIN}/rss.xml"}
        yield (lambda: run_cli(*args)), asked


def _saved(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        (found,) = conn.execute("SELECT found FROM site_discovery").fetchone()
    saved = json.loads(found)
    return {*saved.get("feeds", ()), *saved.get("sitemaps", ()), *saved.get("listings", ())}


def _explored_days_ago(db: Path, days: int) -> None:
    """What exploring found, as if found ``days`` ago (fresh still: not due again)."""
    when = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).replace(microsecond=0)
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "UPDATE site_discovery SET found = json_set(found, '$.explored_at', ?)",
            (when.isoformat(),),
        )


def test_a_saved_listing_moved_by_a_redesign_is_found_again_that_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Explored three days ago; now ``/novini`` answers 404 while the feed still works:
    the run explores the site again, finds ``/bg/news``, reads it and saves it in the
    old one's place, and is clean (it failed with "listing failed" every night until the
    site was next explored, up to a month later). The next run is clean too."""
    site = Site()
    with _crawling(run_cli, db, tmp_path, site) as (crawl, asked):
        _explored_days_ago(db, 3)
        site.redesign()
        before = len(asked)
        moved = crawl()
        assert moved.exit_code == 0, moved.stderr
        assert "listing failed" not in moved.stderr
        assert f"{ORIGIN}/bg/news" in asked[before:]
        assert asked[before:].count(f"{ORIGIN}/") == 1  # explored once
        assert f"{ORIGIN}/bg/news" in _saved(db)
        assert f"{ORIGIN}/novini" not in _saved(db)
        nightly = crawl()
        assert nightly.exit_code == 0, nightly.stderr


def test_a_dead_listing_explored_lately_fails_and_is_explored_again_a_day_later(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """``/novini`` gone just after the site was explored (a dead menu link, say): the
    run does not explore again, and the listing fails, as before; a run explored a
    moment ago must not explore every night. Past a day, the run explores again; here the
    menu still links the dead page and exploring finds nothing new, so the failure stands
    that run (exit 1) and the dead listing is no longer saved."""
    site = Site()
    with _crawling(run_cli, db, tmp_path, site) as (crawl, asked):
        site.old = (404, GONE)  # the menu links it still
        before = len(asked)
        lately = crawl()
        assert lately.exit_code == 1
        assert "listing failed: HTTP 404" in lately.stderr
        assert f"{ORIGIN}/" not in asked[before:]  # not explored again
        _explored_days_ago(db, 2)
        before = len(asked)
        later = crawl()
        assert later.exit_code == 1
        assert "listing failed: HTTP 404" in later.stderr
        assert asked[before:].count(f"{ORIGIN}/") == 1
        # the dead listing asked once: exploring, led to it again by the menu, is
        # answered with the 404 the saved listing's read got moments before
        assert asked[before:].count(f"{ORIGIN}/novini") == 1
        assert _saved(db) == {f"{ORIGIN}/rss.xml"}


def test_a_saved_listing_of_a_server_down_is_no_redesign(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``/novini`` answers 503 (the server's trouble, not a redesign): the run fails and
    does not explore again; the same listing answering 410 later is a redesign, explored
    again and clean. (Its retries hold off 0.01 s, not the 1 s doubling of a night's: 7 s
    and more waited out.)"""
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")
    site = Site()
    with _crawling(run_cli, db, tmp_path, site) as (crawl, asked):
        _explored_days_ago(db, 3)
        site.redesign(old=(503, "<html><body><h1>Service Unavailable</h1></body></html>"))
        before = len(asked)
        down = crawl()
        assert down.exit_code == 1
        assert "503" in down.stderr
        assert f"{ORIGIN}/" not in asked[before:]
        assert f"{ORIGIN}/novini" in _saved(db)
        site.redesign(old=(410, GONE))
        before = len(asked)
        gone = crawl()
        assert gone.exit_code == 0, gone.stderr
        assert asked[before:].count(f"{ORIGIN}/novini") == 1
        assert f"{ORIGIN}/bg/news" in _saved(db)


def test_explored_lately_reads_the_times_older_versions_wrote() -> None:
    """``explorer.explored_lately``: an aware time, one without a zone (UTC), a date alone
    (that day's start), and none (never lately: a gone source explores again)."""
    now = dt.datetime(2026, 3, 13, 22, 0, tzinfo=dt.UTC)
    for explored_at, lately in (
        ("2026-03-13T20:00:00+00:00", True),
        ("2026-03-13T23:00:00+02:00", True),  # 21:00 UTC
        ("2026-03-12T21:00:00+00:00", False),  # a day and an hour before
        ("2026-03-13T20:00:00", True),
        ("2026-03-12T23:00:00", True),
        ("2026-03-12T21:00:00", False),
        ("2026-03-13", True),
        ("2026-03-12", False),  # its start: 22 hours and a day before
        ("", False),
        ("not a time", False),
    ):
        assert explored_lately(Discovery(explored_at=explored_at), now) is lately, explored_at
