"""How many sitemaps one run reads, and in which order: a site listing thousands of
child sitemaps (a daily archive's ``sitemap-1.xml`` … ``sitemap-5000.xml``) costs a run
at most ``SITEMAPS_PER_RUN`` of them, newest first, said once in its output, the rest
read on later runs; an index listing its children in no order (Joomla's JMap, a plugin's
hash order) is read newest first, by ``<lastmod>`` or by the number in a child's name.
Served on 127.0.0.1 by ``MirrorServer``."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive import crawl_sources
from newsarchive.discover.feeds import FeedEntry
from newsarchive.discover.sitemap_children import newest_first
from newsarchive.mirror import MirrorServer

from .support import Result
from .test_sitemap_freshness import (
    ORIGIN,
    PROFILE,
    a_night_later,
    archived,
    crawler,
    news,
    sitemaps_asked,
    write_child,
    write_index,
)

Cli = Callable[..., Result]


def test_a_run_reads_at_most_so_many_sitemaps_newest_first_and_says_so_once(
    run_cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twelve children, a day's posts each, no ``<lastmod>``; five sitemaps a run (the
    setting lowered for the test): the index and the four newest, then, a night later,
    the index, the newest again (where new posts go) and the next three older."""
    monkeypatch.setattr(crawl_sources, "SITEMAPS_PER_RUN", 5)
    root = tmp_path / "site"
    root.mkdir()
    write_index(root, "sitemap.xml", {f"sitemap-{n}.xml": None for n in range(1, 13)})
    for n in range(1, 13):
        write_child(root, f"sitemap-{n}.xml", [n])
    run = crawler(run_cli, db, root, "sitemap.xml")
    with MirrorServer(root) as server:
        first = run(server)
        assert sitemaps_asked(server, 0) == [
            "/sitemap.xml", "/sitemap-12.xml", "/sitemap-11.xml", "/sitemap-10.xml",
            "/sitemap-9.xml",
        ]  # fmt: skip
        assert archived(db) == {news(n) for n in (9, 10, 11, 12)}
        said = f"{crawl_sources.SITEMAPS_PER_RUN} sitemaps read"
        assert first.stdout.count(said) == 1 and said not in first.stderr, first.stderr
        before = len(server.requests)
        a_night_later(db)
        run(server)
        assert sitemaps_asked(server, before) == [
            "/sitemap.xml", "/sitemap-12.xml", "/sitemap-8.xml", "/sitemap-7.xml",
            "/sitemap-6.xml",
        ]  # fmt: skip
        assert archived(db) == {news(n) for n in range(6, 13)}


def test_children_all_stamped_with_the_index_s_time_are_read_in_turn(
    run_cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A generator stamping every child with the time it wrote the index (a new one each
    night) says no child changed: read as changes, the same newest four were read again
    every night within the cap, and the older eight never."""
    monkeypatch.setattr(crawl_sources, "SITEMAPS_PER_RUN", 5)
    root = tmp_path / "site"
    root.mkdir()
    for n in range(1, 13):
        write_child(root, f"sitemap-{n}.xml", [n])

    def generated(day: int) -> None:
        stamp = f"2026-11-{day:02d}T03:00:00+02:00"
        write_index(root, "sitemap.xml", {f"sitemap-{n}.xml": stamp for n in range(1, 13)})

    generated(25)
    run = crawler(run_cli, db, root, "sitemap.xml")
    with MirrorServer(root) as server:
        run(server)
        assert archived(db) == {news(n) for n in (9, 10, 11, 12)}
        for night in (26, 27, 28):
            generated(night)
            a_night_later(db)
            run(server)
    assert archived(db) == {news(n) for n in range(1, 13)}


def _nights_pass(db: Path) -> None:
    """A night later, each sitemap's last reading as much earlier as it was (where
    ``a_night_later`` makes them all one time): which was read least recently shows."""
    with sqlite3.connect(db) as conn:
        for url, checked in conn.execute("SELECT url, checked_at FROM fetch_state").fetchall():
            when = dt.datetime.fromisoformat(checked) - dt.timedelta(days=1)
            conn.execute(
                "UPDATE fetch_state SET checked_at = ? WHERE url = ?", (when.isoformat(), url)
            )


def test_children_each_stamped_anew_every_night_are_read_in_turn(
    run_cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A generator stamping every child with its own write time, a new one each night:
    all stamps differ, and all move. Every child looks changed each night; newest first,
    the cap read the same newest four every night, and never the older eight. In turn:
    the newest (where posts go), then those never read, then the least recently read."""
    monkeypatch.setattr(crawl_sources, "SITEMAPS_PER_RUN", 5)
    root = tmp_path / "site"
    root.mkdir()
    for n in range(1, 13):
        write_child(root, f"sitemap-{n}.xml", [n])

    def generated(day: int) -> None:
        stamps = {
            f"sitemap-{n}.xml": f"2026-11-{day:02d}T03:{n:02d}:00+02:00" for n in range(1, 13)
        }
        write_index(root, "sitemap.xml", stamps)

    run = crawler(run_cli, db, root, "sitemap.xml")
    asked: list[list[str]] = []
    with MirrorServer(root) as server:
        for night in range(20, 25):
            generated(night)
            before = len(server.requests)
            run(server)
            asked.append(sitemaps_asked(server, before))
            _nights_pass(db)
            if night == 20:
                assert archived(db) == {news(n) for n in (9, 10, 11, 12)}
    assert archived(db) == {news(n) for n in range(1, 13)}, asked  # in four nights
    assert asked[3] == ["/sitemap.xml", "/sitemap-12.xml", "/sitemap-2.xml",
                        "/sitemap-1.xml", "/sitemap-11.xml"]  # fmt: skip
    assert asked[4] == ["/sitemap.xml", "/sitemap-12.xml", "/sitemap-10.xml",
                        "/sitemap-9.xml", "/sitemap-8.xml"]  # fmt: skip


def test_sitemaps_named_without_an_index_are_read_in_turn_too(
    run_cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twelve sitemaps named one by one (robots.txt's ``Sitemap:`` lines, a profile), no
    index and no feed: each night asked the same newest five again (a 304 each) within
    the cap, and never the older seven. The newest of them still comes first."""
    monkeypatch.setattr(crawl_sources, "SITEMAPS_PER_RUN", 5)
    root = tmp_path / "site"
    root.mkdir()
    for n in range(1, 13):
        write_child(root, f"sitemap-{n}.xml", [n])
    profile = db.parent / "karta.toml"
    named = ", ".join(f'"/sitemap-{n}.xml"' for n in range(1, 13))
    profile.write_text(PROFILE + f"sitemaps = [{named}]\n", encoding="utf-8")
    with MirrorServer(root) as server:
        for _night in range(3):
            before = len(server.requests)
            result = run_cli(
                "crawl", "karta", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db),
            )  # fmt: skip
            assert result.exit_code == 0, result.stderr
            assert sitemaps_asked(server, before)[0] == "/sitemap-12.xml"
            a_night_later(db)
    assert archived(db) == {news(n) for n in range(1, 13)}


def test_a_sitemap_a_php_notice_sent_as_html_is_still_read(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """PHP printed a notice before the script's ``header()``, which then could not set
    the XML type: the sitemap comes as ``text/html``, a notice ahead of its declaration.
    The feed reader passes the notice over, but the fetch refused it as "not XML"."""
    root = tmp_path / "site"
    root.mkdir()
    write_child(root, "sitemap-1.xml", [1, 2])
    notice = (
        "<br />\n<b>Warning</b>:  Cannot modify header information - headers already sent<br />\n"
    )
    (root / "sitemap.php.html").write_text(notice + (root / "sitemap-1.xml").read_text("utf-8"))
    profile = db.parent / "karta.toml"
    profile.write_text(PROFILE + 'sitemaps = ["/sitemap.php"]\n', encoding="utf-8")
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "karta", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert archived(db) == {news(1), news(2)}


def test_an_index_in_no_order_is_read_newest_first(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    """An index listing its children shuffled, as JMap does: those with a ``<lastmod>``
    by it, then the others by the number in their name, the news before a CMS's pages."""
    root = tmp_path / "site"
    root.mkdir()
    stamps: dict[str, str | None] = {
        "sitemap-2.xml": None, "page-sitemap.xml": None, "sitemap-4.xml": None,
        "sitemap-1.xml": None, "sitemap-3.xml": None,
        "arhiv-2025.xml": "2025-12-31T10:00:00+02:00",
        "arhiv-2026.xml": "2026-11-20T10:00:00+02:00",
    }  # fmt: skip
    write_index(root, "sitemap.xml", stamps)
    for n in range(1, 5):
        write_child(root, f"sitemap-{n}.xml", [n])
    write_child(root, "page-sitemap.xml", [])
    write_child(root, "arhiv-2025.xml", [5])
    write_child(root, "arhiv-2026.xml", [6])
    run = crawler(run_cli, db, root, "sitemap.xml")
    with MirrorServer(root) as server:
        run(server)
        assert sitemaps_asked(server, 0) == [
            "/sitemap.xml", "/arhiv-2026.xml", "/arhiv-2025.xml", "/sitemap-4.xml",
            "/sitemap-3.xml", "/sitemap-2.xml", "/sitemap-1.xml", "/page-sitemap.xml",
        ]  # fmt: skip
    assert len(archived(db)) == 6


def test_newest_first_orders_by_lastmod_then_by_number() -> None:
    def names(entries: list[FeedEntry]) -> list[str]:
        return [e.url.removeprefix(ORIGIN + "/") for e in newest_first(entries)]

    jmap = [
        FeedEntry(f"{ORIGIN}/index.php?option=com_jmap&format=xml&dataset={n}", None, True)
        for n in (3, 10, 1, 2)
    ]
    assert names(jmap) == [
        f"index.php?option=com_jmap&format=xml&dataset={n}" for n in (10, 3, 2, 1)
    ]
    dated = [
        FeedEntry(f"{ORIGIN}/post-sitemap{n}.xml", dt.date(2026, m, 1), True)
        for n, m in ((1, 3), (3, 11), (2, 7))
    ]
    assert names(dated) == ["post-sitemap3.xml", "post-sitemap2.xml", "post-sitemap1.xml"]
