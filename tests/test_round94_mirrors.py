"""A ninety-fourth round of site shapes, four small sites whose feed or sitemap is their
best index, written as real CMS plugins write them, crawled from the origin alone (a
profile of id, name and origin) through a real ``MirrorServer``, as
``test_round88_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round94.py``): RSS items naming their post
only in a permalink ``<guid>`` (no ``<link>``, or one to the home page), an
``<atom:updated>`` days after the ``<pubDate>``, pictures only as ``<media:content>`` or
``<enclosure>`` (postoyanna); a feed whose ``<content:encoded>`` holds the whole text of
article pages that are a script's shell (tsyalostna); a Yoast-like index with image and
video sitemaps and ``post-sitemap2.xml`` of the oldest posts, every ``<lastmod>`` a year
ahead, robots.txt naming a dead sitemap and one on ``http://`` (kartovo); a Google News
sitemap over pages printing no date, its ``<lastmod>`` a year ahead (lesovnik). Each must
archive exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from .mirror_sites import (
    assert_archived_whole_and_right,
    bare_crawl_twice,
    bare_profile,
    check_bare_crawl,
    crawl_twice,
    mirror_crawls,
)
from .support import SITES, Result

ROUND94_SITES = {
    "postoyanna": ("Община Постоянна", "https://postoyanna.bg"),
    "tsyalostna": ("Община Цялостна", "https://tsyalostna.bg"),
    "kartovo": ("Община Картово", "https://kartovo.bg"),
    "lesovnik": ("Лесовник", "https://lesovnik.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND94_SITES))
def test_a_round94_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND94_SITES[site])


def test_a_sitemap_robots_txt_names_beside_the_index_naming_it_is_that_indexs_child(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """kartovo: robots.txt names the Yoast index and, over ``http://``, its video
    sitemap. Read as a source of its own, the child was asked again every night beside
    its index (a 304: 4 requests a night), and twice on the first run (once through the
    ``http://`` line's 301); now it is the index's child, judged by its ``<lastmod>``
    there, and the index's children are read once each: those of posts; beside them, its
    maps of pages, categories, images and videos hold none and are not read at all
    (``feeds.posts_children``), nor is robots.txt's line for one of them."""
    first, nightly = check_bare_crawl(run_cli, db, tmp_path, "kartovo", *ROUND94_SITES["kartovo"])
    assert nightly == ["/robots.txt", "/sitemap_index.xml", "/"]
    assert first.count("/video-sitemap.xml") == first.count("/page-sitemap.xml") == 0
    assert first.count("/post-sitemap.xml") == first.count("/post-sitemap2.xml") == 1


def test_a_child_sitemap_robots_txt_names_before_its_index_is_not_read_again_nightly(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """kartovo with robots.txt naming the video sitemap (over ``http://``) and the dead
    one BEFORE the index: the child is read as a source of its own before any index has
    named it, but exploring keeps it as the index's child, so the nightly run asks for
    the index alone (before: the child again, a 304, 4 requests)."""
    root = tmp_path / "kartovo"
    shutil.copytree(SITES / "kartovo", root)
    (root / "robots.txt").write_text(
        "User-agent: *\nDisallow: /admin/\n\n"
        "Sitemap: http://kartovo.bg/video-sitemap.xml\n"
        "Sitemap: https://kartovo.bg/stari-novini-sitemap.xml\n"
        "Sitemap: https://kartovo.bg/sitemap_index.xml\n",
        encoding="utf-8",
    )
    profile = bare_profile(tmp_path, "kartovo", *ROUND94_SITES["kartovo"])
    _first, nightly = crawl_twice(run_cli, db, profile, "kartovo", root)
    assert nightly == ["/robots.txt", "/sitemap_index.xml", "/"]
    assert_archived_whole_and_right(db, "kartovo")


def test_a_feeds_text_is_recorded_shown_exported_and_kept_by_reextract(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """tsyalostna's pages are a script's shell; its eight texts are its feed's. The rows
    say so (``text_source`` "feed"), ``show`` says it in one line over the text, JSON
    Lines, CSV and Parquet carry it and ``import-jsonl`` takes it back. ``reextract``,
    reading the stored shells again, keeps the eight texts and says so, exit 0 (before:
    "8 failed", exit 1); a page-text row over a page that now reads as a shell is still
    reported, exit 1."""
    site = ("tsyalostna", *ROUND94_SITES["tsyalostna"])
    bare_crawl_twice(run_cli, db, tmp_path, *site)
    read = "SELECT url, text_source, text, updated_at FROM articles ORDER BY url"
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute(read).fetchall()
    assert len(rows) == 8 and {row[1] for row in rows} == {"feed"}
    url = rows[0][0]
    shown = run_cli("show", url, "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    said = [line for line in shown.stdout.splitlines() if line.startswith("Text from:")]
    assert said == ["Text from: feed — the site's feed carried the whole text; the"
                    " article's page is a script's shell or shows a small part of it"]  # fmt: skip
    exported = run_cli("export", "--db", str(db))
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [r["text_source"] for r in records] == ["feed"] * 8
    table = run_cli("export", "--format", "csv", "--db", str(db))
    assert {row["text_source"] for row in csv.DictReader(io.StringIO(table.stdout))} == {"feed"}
    parquet = tmp_path / "out.parquet"
    made = run_cli("export", "--format", "parquet", "--out", str(parquet), "--db", str(db))
    assert made.exit_code == 0, made.stderr
    import pyarrow.parquet as pq

    assert pq.read_table(parquet).column("text_source").to_pylist() == ["feed"] * 8
    again = tmp_path / "again.db"
    dump = tmp_path / "dump.jsonl"
    dump.write_text(exported.stdout, encoding="utf-8")
    assert run_cli("import-jsonl", str(dump), "--db", str(again)).exit_code == 0
    with closing(sqlite3.connect(again)) as conn:
        assert conn.execute("SELECT DISTINCT text_source FROM articles").fetchall() == [("feed",)]

    profile = bare_profile(tmp_path, *site)
    done = run_cli("reextract", "--profile", str(profile), "--db", str(db))
    assert done.exit_code == 0, done.stdout + done.stderr
    assert done.stdout == (
        "re-extracted: 0 changed, 0 unchanged, 0 failed (archived version kept), 0 without a"
        " stored page, 0 without a profile; kept 8 texts from feeds\n"
    )
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute(read).fetchall() == rows  # (no row rewritten)
        # a row whose text was its page's (as an older crawl archived a shell's footer
        # line): its page reads as a shell, which is the archived junk found
        conn.execute("UPDATE articles SET text_source = 'page' WHERE url = ?", (url,))
        conn.commit()
    done = run_cli("reextract", "--profile", str(profile), "--db", str(db))
    assert done.exit_code == 1, done.stdout + done.stderr
    assert done.stdout.startswith("re-extracted: 0 changed, 0 unchanged, 1 failed"), done.stdout
    assert done.stdout.endswith("; kept 7 texts from feeds\n"), done.stdout


def test_a_shell_page_a_listing_names_before_the_feed_carrying_its_text_takes_it(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """tsyalostna by add-site's profile (its home page and its feed, no article shape):
    the listing is walked first, to learn the shape, so three article pages are fetched
    and found a script's shell before the feed carrying their text is read. Before: they
    failed (5 of 8 archived), and were fetched again, and failed, each night (a rerun of
    6 requests). Now each is archived from the page at hand when the feed's item comes:
    8 of 8 with the feed's text, each page asked once, the run without failures, and the
    rerun reads the robots.txt, the home page and the feed."""
    site = ("tsyalostna", *ROUND94_SITES["tsyalostna"])
    with mirror_crawls(run_cli, db, tmp_path, *site, proposed=True) as crawls:
        first = crawls.crawl()
        assert "failed" not in crawls.stdout.replace("0 failed", ""), crawls.stdout
        nightly = crawls.crawl()
    articles = [path for path in first if path.startswith("/novini/")]
    assert len(articles) == 8 and len(set(articles)) == 8, first
    assert len(nightly) <= 3, nightly
    with closing(sqlite3.connect(db)) as conn:
        sources = conn.execute("SELECT text_source FROM articles").fetchall()
    assert sources == [("feed",)] * 8
    assert_archived_whole_and_right(db, "tsyalostna")
