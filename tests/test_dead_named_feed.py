"""A feed the site's own pages name (``<link rel="alternate" href="/rss.xml">`` in every
page's head) that answers 404 while its news list works: the site's lasting fault, one
warning on the night exploring finds it, not a failing exit every night as long as the
theme keeps the dead link (the treatment a dead ``Sitemap:`` line of robots.txt gets).
With no other source of the site answering, it stays a failure.

One local server answers for the site (``pageserver.answering``), its pages written here.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from newsarchive.discover.explore import GONE_NOTE
from newsarchive.explorer import REEXPLORE_DAYS

from .mirror_sites import bare_profile
from .pageserver import answering
from .support import Result

ORIGIN = "https://obshtina-glog.bg"
NAME = "Община Глог"
GONE = "<html><body><h1>Страницата не е намерена</h1></body></html>"
NUMBERS = range(601, 604)


class Site:
    """Its head names ``/rss.xml``, which is not there; ``listed``: its news list works."""

    def __init__(self, *, listed: bool = True) -> None:
        self.listed = listed

    def page(self, title: str, main: str) -> str:
        return (
            f'<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>{title}'
            f'</title><link rel="alternate" type="application/rss+xml" title="{NAME}"'
            ' href="/rss.xml"></head><body><header><a href="/">Начало</a>'
            ' <a href="/novini">Новини</a> <a href="/kontakti">Контакти</a></header>'
            f"<main>{main}</main><footer>© {NAME}</footer></body></html>"
        )

    def answer(self, url: str) -> tuple[int, dict[str, str], str]:
        path = url.removeprefix(ORIGIN)
        if path == "/":
            return 200, {}, self.page(NAME, "<h1>Добре дошли в Глог</h1>")
        if path == "/novini" and self.listed:
            items = "".join(
                f'<li><h3><a href="/novini/{n}-remont">Ремонт на улица {n} в Глог</a>'
                f"</h3><span>{n - 590}.11.2026</span></li>"
                for n in reversed(NUMBERS)
            )
            return 200, {}, self.page("Новини", f'<h1>Новини</h1><ul class="news">{items}</ul>')
        number = path.removeprefix("/novini/").partition("-")[0]
        if self.listed and number.isdigit() and int(number) in NUMBERS:
            n = int(number)
            text = "".join(
                f"<p>Общината започна ремонт {k} на улица {n}: нова настилка, тротоари и"
                " осветление, с пари от общинския бюджет за годината.</p>"
                for k in range(1, 5)
            )
            body = (
                f"<article><h1>Ремонт на улица {n} в Глог</h1><time datetime="
                f'"2026-11-{n - 590:02d}">{n - 590}.11.2026</time><div>{text}</div></article>'
            )
            return 200, {}, self.page(f"Ремонт на улица {n} в Глог", body)
        return 404, {}, GONE


def _saved(db: Path) -> dict[str, object]:
    with closing(sqlite3.connect(db)) as conn:
        (found,) = conn.execute("SELECT found FROM site_discovery").fetchone()
    saved: dict[str, object] = json.loads(found)
    return saved


def _archived(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        (count,) = conn.execute("SELECT count(*) FROM articles").fetchone()
    return int(count)


def test_a_dead_feed_the_site_names_beside_a_working_list_is_one_warning(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The first night warns once (the feed, its 404, where the site names it) and
    archives the list's articles, exit 0; the second night does not ask the feed again
    (until the site is explored again) and is clean too. It failed both ("feed failed:
    HTTP 404"), and every night after."""
    profile = bare_profile(tmp_path, "glog", NAME, ORIGIN)
    with answering(Site().answer) as (url, asked):
        args = ("crawl", "glog", "--profile", str(profile), "--base-url", url, "--delay", "0",
                "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        assert first.exit_code == 0, first.stderr
        assert "failed" not in first.stderr
        said = [line for line in first.stderr.splitlines() if "rss.xml" in line]
        assert len(said) == 1 and "warning" in said[0] and "404" in said[0], first.stderr
        assert '<link rel="alternate"> on the home page' in said[0]
        assert _archived(db) == len(NUMBERS)
        saved = _saved(db)
        assert saved["feeds"] == [] and saved["listings"] == [f"{ORIGIN}/novini"]
        assert saved["notes"][f"{ORIGIN}/rss.xml"] == GONE_NOTE  # type: ignore[index]
        before = len(asked)
        second = run_cli(*args)
        assert second.exit_code == 0, second.stderr
        assert "rss.xml" not in second.stderr
        assert f"{ORIGIN}/rss.xml" not in asked[before:]
        assert f"{ORIGIN}/novini" in asked[before:]


def test_a_dead_feed_the_site_names_is_a_failure_when_nothing_else_answers(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The news list gone too: the named feed is all exploring found, and nothing of the
    site could be read: the run fails (exit 1), saying so."""
    profile = bare_profile(tmp_path, "glog", NAME, ORIGIN)
    with answering(Site(listed=False).answer) as (url, _):
        result = run_cli(
            "crawl", "glog", "--profile", str(profile), "--base-url", url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    assert "feed failed: HTTP 404" in result.stderr and "rss.xml" in result.stderr


SITEMAPS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


class Indexed(Site):
    """robots.txt names a sitemap index of two children: ``/sitemap-2026.xml``, the
    articles, and ``/sitemap-2025.xml``, deleted (404) though the index names it still,
    with the ``<lastmod>`` ``dead_lastmod`` (a new one: the index was written again; "":
    none, as WordPress core's wp-sitemap.xml gives)."""

    def __init__(self) -> None:
        super().__init__(listed=True)
        self.dead_lastmod = "2025-12-31"

    def answer(self, url: str) -> tuple[int, dict[str, str], str]:
        path = url.removeprefix(ORIGIN)
        xml = {"Content-Type": "application/xml"}
        if path == "/robots.txt":
            robots = f"User-agent: *\nSitemap: {ORIGIN}/sitemap-index.xml\n"
            return 200, {"Content-Type": "text/plain"}, robots
        if path == "/sitemap-index.xml":
            children = (("sitemap-2026.xml", "2026-11-13"), ("sitemap-2025.xml", self.dead_lastmod))
            entries = "".join(
                f"<sitemap><loc>{ORIGIN}/{child}</loc>"
                + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")  # ("": none given)
                + "</sitemap>"
                for child, lastmod in children
            )
            index = f"<sitemapindex {SITEMAPS}>{entries}</sitemapindex>"
            return 200, xml, f"<?xml version='1.0'?>{index}"
        if path == "/sitemap-2026.xml":
            urls = "".join(
                f"<url><loc>{ORIGIN}/novini/{n}-remont-na-ulitsata</loc>"
                f"<lastmod>2026-11-{n - 590:02d}</lastmod></url>"
                for n in NUMBERS
            )
            return 200, xml, f"<?xml version='1.0'?><urlset {SITEMAPS}>{urls}</urlset>"
        if path in ("/rss.xml", "/novini"):
            return 404, {}, GONE
        return super().answer(url)


def test_a_dead_child_of_the_sites_sitemap_index_is_one_warning_until_the_index_changes(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A child sitemap the site's index names that answers 404 while the index's other
    child answered: one warning naming the index, exit 0, and not asked again while the
    index gives it the same ``<lastmod>``; a new one there has it asked again. It failed
    every night ("sitemap failed: HTTP 404"), asked again each time."""
    profile = bare_profile(tmp_path, "glog", NAME, ORIGIN)
    site = Indexed()
    dead = f"{ORIGIN}/sitemap-2025.xml"
    with answering(site.answer) as (url, asked):
        args = ("crawl", "glog", "--profile", str(profile), "--base-url", url, "--delay", "0",
                "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        assert first.exit_code == 0, first.stderr
        said = [line for line in first.stderr.splitlines() if "sitemap-2025.xml" in line]
        assert len(said) == 1 and "warning" in said[0] and "404" in said[0], first.stderr
        assert "sitemap index names it" in said[0] and "sitemap-index.xml" in said[0]
        assert asked.count(dead) == 1 and _archived(db) == len(NUMBERS)
        before = len(asked)
        second = run_cli(*args)
        assert second.exit_code == 0, second.stderr
        assert dead not in asked[before:] and "sitemap-2025.xml" not in second.stderr
        site.dead_lastmod = "2026-11-30"
        before = len(asked)
        third = run_cli(*args)
        assert third.exit_code == 0, third.stderr
        assert asked[before:].count(dead) == 1


def test_a_dead_child_of_an_index_the_profile_names_is_the_sites_to_mend(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A profile naming the index (what add-site writes), not robots.txt: its dead child
    is still the site's fault, which no edit of the profile mends. One warning, exit 0,
    and the second run asks it no more. It failed every run (exit 1), asked again each
    time, where the same index named by robots.txt gave one warning."""
    profile = tmp_path / "glog.toml"
    profile.write_text(
        f'id = "glog"\nname = "{NAME}"\norigin = "{ORIGIN}"\n'
        '[discovery]\nsitemaps = ["/sitemap-index.xml"]\n',
        encoding="utf-8",
    )
    dead = f"{ORIGIN}/sitemap-2025.xml"
    with answering(Indexed().answer) as (url, asked):
        args = ("crawl", "glog", "--profile", str(profile), "--base-url", url, "--delay", "0",
                "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        assert first.exit_code == 0, first.stderr
        said = [line for line in first.stderr.splitlines() if "sitemap-2025.xml" in line]
        assert len(said) == 1 and "warning" in said[0] and "sitemap index names it" in said[0]
        assert asked.count(dead) == 1 and _archived(db) == len(NUMBERS)
        before = len(asked)
        second = run_cli(*args)
        assert second.exit_code == 0, second.stderr
        assert dead not in asked[before:] and "sitemap-2025.xml" not in second.stderr


BACK = range(501, 503)  # the articles the dead child lists once it answers again


class Redeployed(Indexed):
    """Its index gives ``/sitemap-2025.xml`` no ``<lastmod>``; the child answers 404
    (a deploy, a purged cache) until ``back``, then lists two articles of its own."""

    def __init__(self) -> None:
        super().__init__()
        self.dead_lastmod = ""
        self.back = False

    def answer(self, url: str) -> tuple[int, dict[str, str], str]:
        path = url.removeprefix(ORIGIN)
        if path == "/sitemap-2025.xml" and self.back:
            urls = "".join(
                f"<url><loc>{ORIGIN}/novini/{n}-remont-na-ulitsata</loc>"
                f"<lastmod>2026-10-{n - 490}</lastmod></url>"
                for n in BACK
            )
            body = f"<?xml version='1.0'?><urlset {SITEMAPS}>{urls}</urlset>"
            return 200, {"Content-Type": "application/xml"}, body
        if path in (f"/novini/{n}-remont-na-ulitsata" for n in BACK) and self.back:
            n = int(path.removeprefix("/novini/").partition("-")[0])
            text = "".join(
                f"<p>Общинският съвет прие на сесия {k} решение за улица {n}: ремонт на"
                " настилката и нови пейки в парка до училището, с пари от бюджета.</p>"
                for k in range(1, 5)
            )
            body = (
                f"<article><h1>Сесия на общинския съвет за улица {n}</h1><time datetime="
                f'"2026-10-{n - 490}">{n - 490}.10.2026</time><div>{text}</div></article>'
            )
            return 200, {}, self.page(f"Сесия на общинския съвет за улица {n}", body)
        return super().answer(url)


def _gone_since(db: Path, url: str, days: int) -> None:
    """The clock moved on: the child was recorded gone ``days`` days ago."""
    when = dt.datetime.now(dt.UTC) - dt.timedelta(days=days, minutes=1)
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE fetch_state SET checked_at = ? WHERE url = ?", (when.isoformat(), url))


def test_a_dead_child_under_an_index_giving_no_lastmod_is_asked_again_after_days(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """An index giving the dead child no ``<lastmod>`` (stamp "") never gives it a new
    one: recorded gone, it is not asked the next day, but ``REEXPLORE_DAYS`` later it is,
    and once it answers again its articles are archived. It was skipped for good: a
    404 answered for an hour lost the year's articles it lists."""
    profile = bare_profile(tmp_path, "glog", NAME, ORIGIN)
    site = Redeployed()
    dead = f"{ORIGIN}/sitemap-2025.xml"
    with answering(site.answer) as (url, asked):
        args = ("crawl", "glog", "--profile", str(profile), "--base-url", url, "--delay", "0",
                "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        assert first.exit_code == 0, first.stderr
        assert asked.count(dead) == 1 and _archived(db) == len(NUMBERS)
        site.back = True
        _gone_since(db, dead, 1)
        before = len(asked)
        second = run_cli(*args)
        assert second.exit_code == 0, second.stderr
        assert dead not in asked[before:] and _archived(db) == len(NUMBERS)
        _gone_since(db, dead, REEXPLORE_DAYS)
        before = len(asked)
        third = run_cli(*args)
        assert third.exit_code == 0, third.stderr
        assert asked[before:].count(dead) == 1, third.stderr
        assert _archived(db) == len(NUMBERS) + len(BACK), (third.stderr, asked[before:])
        before = len(asked)
        fourth = run_cli(*args)  # (read in full now: skipped as any unchanged child)
        assert fourth.exit_code == 0, fourth.stderr
        assert dead not in asked[before:]


def _gone_answers(db: Path, url: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        (answers,) = conn.execute(
            "SELECT gone_answers FROM fetch_state WHERE url = ?", (url,)
        ).fetchone()
    return int(answers)


def test_a_dead_child_waits_longer_each_time_it_answers_404_and_answering_ends_the_count(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Under an index giving it no ``<lastmod>``, a child recorded gone is asked again 2
    days on (not the next day), gone again then 4 days on (not 2), and once it answers
    its articles are archived and its count is over: gone again under a new
    ``<lastmod>``, it waits 2 days, not 16. Each waited ``REEXPLORE_DAYS`` (measured
    before: not asked 2 days on), a child back after an hour's 404 read a month late."""
    profile = bare_profile(tmp_path, "glog", NAME, ORIGIN)
    site = Redeployed()
    dead = f"{ORIGIN}/sitemap-2025.xml"
    with answering(site.answer) as (url, asked):
        args = ("crawl", "glog", "--profile", str(profile), "--base-url", url, "--delay", "0",
                "--db", str(db))  # fmt: skip

        def asks_after(days: int) -> bool:
            """Whether a run ``days`` days after the child's last answer asks it."""
            _gone_since(db, dead, days)
            before = len(asked)
            result = run_cli(*args)
            assert result.exit_code == 0, result.stderr
            return dead in asked[before:]

        first = run_cli(*args)
        assert first.exit_code == 0 and asked.count(dead) == 1, first.stderr
        assert _gone_answers(db, dead) == 1
        assert not asks_after(1)
        assert asks_after(2) and _gone_answers(db, dead) == 2
        assert not asks_after(2)
        assert not asks_after(3)
        assert asks_after(4) and _gone_answers(db, dead) == 3
        assert not asks_after(7)
        site.back = True
        assert asks_after(8) and _gone_answers(db, dead) == 0
        assert _archived(db) == len(NUMBERS) + len(BACK)
        site.back, site.dead_lastmod = False, "2026-12-01"  # (gone again: the index anew)
        assert asks_after(0) and _gone_answers(db, dead) == 1
        assert asks_after(2)


def test_a_gone_childs_wait_doubles_from_two_days_up_to_the_reexploration() -> None:
    """The gone child's wait and an unread page's are one rule."""
    from newsarchive.explorer import doubling_days

    assert [doubling_days(n) for n in range(1, 8)] == [2, 4, 8, 16, 30, 30, 30]
    assert doubling_days(0) == 2  # (no count kept: as the first)
