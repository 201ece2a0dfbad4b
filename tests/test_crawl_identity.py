"""One URL identity: the page's own canonical URL names the article, every spelling of a
URL finds it, and an archive from before is merged on upgrade."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .faultserver import FaultServer, article_url, write_profile
from .support import Result

Cli = Callable[..., Result]


def crawl(run_cli: Cli, server: FaultServer, db: Path, *extra: str) -> Result:
    profile = write_profile(db.parent)
    return run_cli(
        "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
        "--delay", "0", "--db", str(db), *extra,
    )  # fmt: skip


def test_the_canonical_url_on_another_host_variant_names_the_article(
    run_cli: Cli, db: Path
) -> None:
    with FaultServer(
        articles=4, faults=False, canonical_origin="https://www.fault.example"
    ) as server:
        first = crawl(run_cli, server, db)
        assert first.exit_code == 0, first.stderr
        with sqlite3.connect(db) as conn:
            urls = {r[0] for r in conn.execute("SELECT url FROM articles")}
        www = {u.replace("https://fault.example", "https://www.fault.example") for u in
               server.archivable_urls()}  # fmt: skip
        assert urls == www  # the page's word, tracking parameter dropped
        again = crawl(run_cli, server, db, "--refresh")
        assert again.exit_code == 0, again.stderr
        assert "0 new, 0 updated, 4 unchanged" in again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    listed = article_url(1003)  # the URL the listing gave, in other spellings
    for variant in (
        listed,
        listed.replace("https://", "http://") + "?utm_medium=x#comments",
        listed.replace("fault.example", "WWW.Fault.Example:443"),
        listed.replace("/news/", "/news/./"),
    ):
        shown = run_cli("show", variant, "--format", "json", "--db", str(db))
        assert shown.exit_code == 0, (variant, shown.stderr)
        assert shown.json()["url"] == "https://www.fault.example/news/1003-story-1003"  # type: ignore[index]


OLD_FRONTIER = """
DROP TABLE frontier;
CREATE TABLE frontier (url TEXT PRIMARY KEY, site TEXT NOT NULL, source TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued', attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT, added_at TEXT NOT NULL, listed_date TEXT);
DROP TABLE listing_walks;
CREATE TABLE listing_walks (start_url TEXT PRIMARY KEY, site TEXT NOT NULL,
    resume_url TEXT NOT NULL, resume_page INTEGER NOT NULL, updated_at TEXT NOT NULL);
DROP TABLE article_urls;
PRAGMA user_version = 2;
"""


def make_v2_archive_with_duplicates(run_cli: Cli, db: Path) -> None:
    """What version 2 stored for one article reached by three spellings of its URL."""
    assert run_cli("import-jsonl", "-", "--db", str(db), input="").exit_code == 0
    conn = sqlite3.connect(db)
    conn.executescript(OLD_FRONTIER)
    rows = [
        ("https://www.x.bg/news/1", "Старо заглавие", "стар текст", "2026-01-01T00:00:00"),
        ("https://x.bg/news/1?utm_source=fb", "Ново заглавие", "нов текст", "2026-03-01T00:00:00"),
        ("http://www.x.bg/news/1", "Средно заглавие", "среден текст", "2026-02-01T00:00:00"),
        ("https://x.bg/news/2", "Друга новина", "друг текст", "2026-02-01T00:00:00"),
    ]
    for number, (url, title, text, when) in enumerate(rows, 1):
        conn.execute(
            "INSERT INTO captures (id, url, final_url, status, fetched_at)"
            " VALUES (?, ?, ?, 200, ?)",
            (number, url, url, when),
        )
        conn.execute(
            "INSERT INTO articles (site, url, title, text, fetched_at, updated_at, capture_id)"
            " VALUES ('x', ?, ?, ?, ?, ?, ?)",
            (url, title, text, when, when, number),
        )
        conn.execute(
            "INSERT INTO frontier (url, site, source, state, added_at) VALUES (?, 'x', 'l', ?, ?)",
            (url, "done" if number != 3 else "failed", when),
        )
    conn.commit()
    conn.close()


def test_an_older_archive_is_merged_to_one_article_per_identity(run_cli: Cli, db: Path) -> None:
    make_v2_archive_with_duplicates(run_cli, db)
    result = run_cli("show", "http://x.bg/news/1", "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "2 duplicate article row(s) merged" in result.stderr
    assert result.json()["title"] == "Ново заглавие"  # type: ignore[index]  # newest text kept
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    kept = conn.execute("SELECT id FROM articles WHERE title = 'Ново заглавие'").fetchone()[0]
    linked = conn.execute("SELECT id FROM captures WHERE article_id = ? ORDER BY id", (kept,))
    assert [r[0] for r in linked] == [1, 2, 3]  # the merged rows' captures stay linked
    states = dict(conn.execute("SELECT url_key, state FROM frontier"))
    assert states == {"x.bg/news/1": "done", "x.bg/news/2": "done"}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    search = run_cli("search", "заглавие", "--format", "json", "--db", str(db))
    assert [hit["title"] for hit in search.json()] == ["Ново заглавие"]  # type: ignore[union-attr,index]
    again = run_cli("show", "1", "--db", str(db))
    assert "merged" not in again.stderr  # once
