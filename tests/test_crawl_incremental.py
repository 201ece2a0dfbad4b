"""Nightly reruns against the BTA mirror: robots.txt + feed + first listing page, nothing more."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from newsarchive.mirror import MirrorServer

from .mirror_sites import explored_again
from .support import Result


def test_rerun_after_full_crawl_is_three_conditional_requests(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], db: Path
) -> None:
    server = mirror("bta")
    args = ("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    first = run_cli(*args)
    assert first.exit_code == 0, first.stderr
    # (the first run's 304s not counted: it asks page 1 again, with its validators, once
    # page 3 opens with the card page 2 ended with, a list grown while read: walk.grown)
    before, answered_304 = len(server.requests), server.not_modified
    second = run_cli(*args)
    assert second.exit_code == 0, second.stderr
    assert server.requests[before:] == ["/robots.txt", "/bg/news/bulgaria/rss", "/bg/news/bulgaria"]
    # feed and listing answered 304 to If-None-Match
    assert server.not_modified - answered_304 == 2
    assert "0 new" in second.stdout and "3 requests" in second.stdout
    stats = run_cli("stats", "--format", "json", "--db", str(db)).json()
    assert isinstance(stats, dict)
    assert stats["last_runs"][0]["requests"] == 3


def test_refresh_refetches_archived_articles_without_duplicates(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], db: Path
) -> None:
    server = mirror("bta")
    args = ("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    run_cli(*args)
    count = run_cli("export", "--db", str(db)).stdout.count("\n")
    before, answered_304 = len(server.requests), server.not_modified  # (the first run's)
    again = run_cli(*args, "--refresh")
    assert again.exit_code == 0
    assert f"{count} unchanged" in again.stdout
    assert server.not_modified - answered_304 == 0 and len(server.requests) - before > count
    assert run_cli("export", "--db", str(db)).stdout.count("\n") == count


def _feed_and_sitemap_site(root: Path, feed: list[int], sitemap: list[int]) -> None:
    """A site with an RSS feed and a robots.txt sitemap, articles ``/novini/<slug>-<n>``."""
    origin = "https://www.feedmap.bg"
    path = "/novini/obshtinata-obyavi-novina-nomer-{n}"
    root.mkdir(exist_ok=True)
    (root / "novini").mkdir(exist_ok=True)
    (root / "robots.txt").write_text(f"User-agent: *\nSitemap: {origin}/sitemap.xml\n")
    (root / "index.html").write_text(
        '<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        "</head><body><h1>Община</h1></body></html>",
        encoding="utf-8",
    )
    items = "".join(f"<item><title>Н {n}</title><link>{origin}{path.format(n=n)}</link></item>"
                    for n in feed)  # fmt: skip
    (root / "rss.xml").write_text(f"<rss><channel>{items}</channel></rss>", encoding="utf-8")
    urls = "".join(f"<url><loc>{origin}{path.format(n=n)}</loc></url>" for n in sitemap)
    (root / "sitemap.xml").write_text(
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    )
    for n in sitemap:
        body = f"<p>Общината обяви новина номер {n} на заседание на общинския съвет днес.</p>"
        (root / f"{path.format(n=n).lstrip('/')}.html").write_text(
            f"<html><body><h1>Общината обяви новина номер {n}</h1>"
            f"<p>Публикувано: 0{n % 9 + 1}.11.2026</p>{body * 4}</body></html>",
            encoding="utf-8",
        )


def test_a_sitemap_rests_while_the_feed_shows_nothing_slipped_past_it(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Nightly: robots.txt and the feed, not the sitemap, while the feed is unchanged or
    reaches back to an archived article; once it holds only new ones (a gap: more may
    have come than it shows) the sitemap is read again."""
    root = tmp_path / "site"
    _feed_and_sitemap_site(root, feed=[2, 1], sitemap=[1, 2, 3])
    profile = tmp_path / "feedmap.toml"
    profile.write_text('id = "feedmap"\nname = "Ф"\norigin = "https://www.feedmap.bg"\n')
    args = ("crawl", "feedmap", "--profile", str(profile), "--delay", "0", "--db", str(db))

    def crawl() -> list[str]:
        with MirrorServer(root) as server:
            result = run_cli(*args, "--base-url", server.url)
            assert result.exit_code == 0, result.stderr
            return [path for path in server.requests if not path.startswith("/novini/")]

    def archived() -> int:
        return run_cli("export", "--db", str(db)).stdout.count("\n")

    assert "/sitemap.xml" in crawl() and archived() == 3
    assert crawl() == ["/robots.txt", "/rss.xml"]  # unchanged feed: the sitemap rests
    _feed_and_sitemap_site(root, feed=[4, 2], sitemap=[1, 2, 3, 4, 5])
    assert crawl() == ["/robots.txt", "/rss.xml"]  # it reaches back to 2: no gap
    assert archived() == 4  # 5, only in the sitemap, waits
    _feed_and_sitemap_site(root, feed=[7, 6], sitemap=[1, 2, 3, 4, 5, 6, 7])
    assert crawl() == ["/robots.txt", "/rss.xml", "/sitemap.xml"]  # a gap: read it
    assert archived() == 7


def test_a_sitemap_robots_txt_names_but_the_site_lacks_is_a_warning_not_a_failing_night(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """robots.txt names ``/missing.xml``, which answers 404, and the feed finds the
    articles: a dead address the site itself names is its fault and lasts, so it is one
    warning, not exit 1 every night (an alarm that always rings is not read). A night
    on which no source of the site answers stays a failure."""
    root = tmp_path / "site"
    _feed_and_sitemap_site(root, feed=[2, 1], sitemap=[1, 2])
    origin = "https://www.feedmap.bg"
    (root / "robots.txt").write_text(f"User-agent: *\nSitemap: {origin}/missing.xml\n")
    profile = tmp_path / "feedmap.toml"
    profile.write_text('id = "feedmap"\nname = "Ф"\norigin = "https://www.feedmap.bg"\n')
    args = ("crawl", "feedmap", "--profile", str(profile), "--delay", "0", "--db", str(db))

    asked: list[str] = []

    def crawl() -> Result:
        with MirrorServer(root) as server:
            result = run_cli(*args, "--base-url", server.url)
            asked[:] = server.requests
            return result

    for night in (1, 2):
        result = crawl()
        assert result.exit_code == 0, (night, result.stderr)
        named = [line for line in result.stderr.splitlines() if "missing.xml" in line]
        assert all("warning" in line for line in named), result.stderr
        if night == 1:
            assert len(named) == 1 and "404" in named[0], result.stderr
            assert "2 new" in result.stdout
        else:  # not asked again (nor said) until the site is explored again
            assert named == [] and "/missing.xml" not in asked, asked
    (root / "rss.xml").unlink()  # now no source answers: a real failure, still loud
    for page in (root / "novini").iterdir():
        page.unlink()
    (root / "index.html").unlink()
    result = crawl()
    assert result.exit_code == 1, result.stderr
    # a first night whose one source is that sitemap: nothing of the site is reachable
    with MirrorServer(root) as server:
        result = run_cli(*args[:-1], str(tmp_path / "fresh.db"), "--base-url", server.url)
    assert result.exit_code == 1, result.stderr
    assert "sitemap failed: HTTP 404" in result.stderr and "missing.xml" in result.stderr


def test_a_sitemap_dropped_as_gone_comes_back_when_the_site_is_explored_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A sitemap robots.txt names that answered 404 is dropped from the saved sources
    (one warning, not asked every night) only until the site is explored again: the
    site may mend it, and exploring again (a month on) reads robots.txt's line anew,
    so the sitemap is read again and its articles archived."""
    root = tmp_path / "site"
    _feed_and_sitemap_site(root, feed=[2, 1], sitemap=[1, 2, 3])
    origin = "https://www.feedmap.bg"
    (root / "robots.txt").write_text(f"User-agent: *\nSitemap: {origin}/missing.xml\n")
    mended = (root / "sitemap.xml").read_text()
    (root / "sitemap.xml").unlink()  # (its one address is the one robots.txt names)
    profile = tmp_path / "feedmap.toml"
    profile.write_text('id = "feedmap"\nname = "Ф"\norigin = "https://www.feedmap.bg"\n')
    args = ("crawl", "feedmap", "--profile", str(profile), "--delay", "0", "--db", str(db))

    def crawl() -> tuple[Result, list[str]]:
        with MirrorServer(root) as server:
            result = run_cli(*args, "--base-url", server.url)
            assert result.exit_code == 0, result.stderr
            return result, server.requests

    def saved_sitemaps() -> list[str]:
        with closing(sqlite3.connect(db)) as conn:
            (found,) = conn.execute("SELECT found FROM site_discovery").fetchone()
        return list(json.loads(found).get("sitemaps", ()))

    def archived() -> int:
        return run_cli("export", "--db", str(db)).stdout.count("\n")

    first, asked = crawl()
    assert "/missing.xml" in asked and "warning" in first.stderr and "404" in first.stderr
    assert f"{origin}/missing.xml" not in saved_sitemaps() and archived() == 2
    (root / "missing.xml").write_text(mended)  # the site mends it
    _, asked = crawl()
    assert "/missing.xml" not in asked and archived() == 2  # dropped: not asked yet
    explored_again(db)
    again, asked = crawl()
    assert "/missing.xml" in asked, asked
    assert "missing.xml" not in again.stderr, again.stderr
    assert f"{origin}/missing.xml" in saved_sitemaps()
    assert archived() == 3  # the article only the sitemap lists


def test_an_empty_sitemap_is_said_and_fails_only_a_night_nothing_else_answered(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A sitemap robots.txt names that answers 200 with nothing in it (a generator that
    failed, a file truncated on upload) read as no entries, said nowhere. Now one
    warning naming it, exit 0 while the feed answers; it is not dropped as holding no
    news (asked again, whole, next run); with no other source it fails the night."""
    root = tmp_path / "site"
    _feed_and_sitemap_site(root, feed=[2, 1], sitemap=[1, 2])
    (root / "sitemap.xml").write_bytes(b"")
    profile = tmp_path / "feedmap.toml"
    profile.write_text('id = "feedmap"\nname = "Ф"\norigin = "https://www.feedmap.bg"\n')
    args = ("crawl", "feedmap", "--profile", str(profile), "--delay", "0", "--db", str(db))

    def crawl() -> tuple[Result, list[str]]:
        with MirrorServer(root) as server:
            return run_cli(*args, "--base-url", server.url), server.requests

    for night in (1, 2):
        result, asked = crawl()
        assert result.exit_code == 0, (night, result.stderr)
        named = [line for line in result.stderr.splitlines() if "sitemap.xml" in line]
        assert len(named) == 1 and "warning" in named[0] and "empty" in named[0], result.stderr
        assert "/sitemap.xml" in asked
    (root / "rss.xml").unlink()  # the empty sitemap alone: nothing of the site answered
    (root / "index.html").unlink()
    result, _ = crawl()
    assert result.exit_code == 1, result.stderr
    failed = [line for line in result.stderr.splitlines() if "sitemap.xml" in line]
    assert len(failed) == 1 and "sitemap failed: empty" in failed[0], result.stderr
