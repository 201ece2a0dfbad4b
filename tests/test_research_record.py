"""The archive as a research record: an archive of the previous release migrates, a newer
one is refused; a silent edit keeps the earlier version (``show`` JSON and ``--diff``)
while search sees only the current one; provenance is recorded; ``reextract`` rewrites
only what changed, on several processes."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.archive.schema import SCHEMA_VERSION
from newsarchive.extractor_version import EXTRACTOR_VERSION
from newsarchive.mirror import MirrorServer

from .support import FIXTURES, Result

Cli = Callable[..., Result]
# written by the last release (schema v2, commit 30167d9) with tests/fixtures/make_archive.py
PREVIOUS = FIXTURES / "archives" / "v2.db"
RECORD = {
    "site": "nsorb",
    "url": "https://namrb.org/bg/aktualno/redakciya-1",
    "title": "Общината ремонтира улица",
    "published": "2025-03-01",
    "text": "Общината започна ремонт на улица Борисова.\nРемонтът ще струва 200 000 лева.",
}


def _import(run_cli: Cli, db: Path, *records: dict[str, str]) -> Result:
    source = db.with_name("in.jsonl")
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return result


def test_archive_of_the_previous_release_migrates_keeping_everything(
    run_cli: Cli, tmp_path: Path
) -> None:
    db = tmp_path / "old.db"
    shutil.copy(PREVIOUS, db)
    before = sqlite3.connect(db)
    articles = before.execute("SELECT id, url, title, text, capture_id FROM articles").fetchall()
    captures = before.execute("SELECT count(*) FROM captures").fetchone()[0]
    assert before.execute("PRAGMA user_version").fetchone()[0] == 2
    before.close()

    shown = run_cli("show", str(articles[0][0]), "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["revisions"] == []  # type: ignore[index]
    after = sqlite3.connect(db)
    assert after.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert (
        after.execute("SELECT id, url, title, text, capture_id FROM articles").fetchall()
        == articles
    )
    assert after.execute("SELECT count(*) FROM captures").fetchone()[0] == captures
    assert (
        after.execute("SELECT count(*) FROM articles WHERE extractor IS NOT NULL").fetchone()[0]
        == 0
    )  # made before provenance: unknown, not guessed
    after.close()
    search = run_cli("search", "Русе", "--format", "json", "--db", str(db))
    assert search.exit_code == 0 and json.loads(search.stdout)
    # the stored pages of the old archive re-extract: today's extractor also records
    # which rule dated each article, which the old release never stored
    again = run_cli("reextract", "--workers", "1", "--db", str(db))
    assert again.exit_code == 0, again.stderr
    assert ", 0 failed" in again.stdout
    after = sqlite3.connect(db)
    dated = after.execute(
        "SELECT count(*) FROM articles WHERE capture_id IS NOT NULL AND date_source IS NOT NULL"
    ).fetchone()[0]
    titles = dict(after.execute("SELECT id, title FROM articles"))
    # the same texts, newly dated by rule: no "earlier version" of identical text is kept
    kept = after.execute("SELECT count(*) FROM revisions").fetchone()[0]
    after.close()
    assert kept == 0
    assert dated == len(articles) - 1  # all but the imported one, which has no page
    assert titles == {row[0]: row[2] for row in articles}


def test_archive_of_a_newer_release_is_refused_in_one_line(run_cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    shutil.copy(PREVIOUS, db)
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    for args in (("search", "Русе"), ("show", "1"), ("reextract",), ("stats",)):
        result = run_cli(*args, "--db", str(db))
        assert result.exit_code == 2, args
        assert result.stderr.count("\n") == 1
        assert "newer newsarchive" in result.stderr and "upgrade newsarchive" in result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    conn.close()


def test_silent_edit_keeps_the_earlier_version(run_cli: Cli, db: Path) -> None:
    _import(run_cli, db, RECORD)
    edited = dict(RECORD, text=RECORD["text"].replace("200 000", "350 000"))
    assert "0 new, 1 updated" in _import(run_cli, db, edited).stdout
    assert "1 unchanged" in _import(run_cli, db, edited).stdout  # no revision for nothing

    shown = run_cli("show", RECORD["url"], "--format", "json", "--db", str(db)).json()
    assert isinstance(shown, dict)
    assert shown["text"] == edited["text"]
    [old] = shown["revisions"]
    assert old["text"] == RECORD["text"] and old["title"] == RECORD["title"]
    assert old["seen_at"] and old["replaced_at"] >= old["seen_at"]

    text = run_cli("show", RECORD["url"], "--db", str(db))
    assert "Edited: 1 earlier version kept (--diff)" in text.stdout
    diff = run_cli("show", RECORD["url"], "--diff", "--db", str(db))
    assert diff.exit_code == 0
    assert "[-200-]{+350+}" in diff.stdout.replace(" ", "")
    assert "Общината започна ремонт" in diff.stdout  # the words around the change
    # --format json was ignored: the text diff came out where a script expected JSON
    as_json = run_cli("show", RECORD["url"], "--diff", "--format", "json", "--db", str(db))
    assert as_json.exit_code == 0 and as_json.json() == {
        "id": shown["id"], "url": RECORD["url"], "diff": diff.stdout
    }  # fmt: skip

    old_words = run_cli("search", '"200 000"', "--format", "json", "--db", str(db))
    new_words = run_cli("search", '"350 000"', "--format", "json", "--db", str(db))
    assert json.loads(old_words.stdout) == []  # search indexes the current version only
    assert len(json.loads(new_words.stdout)) == 1


def test_diff_without_an_earlier_version_is_one_line_and_no_error(run_cli: Cli, db: Path) -> None:
    """An article never edited has nothing to diff: an answer, as a search with no hits
    is (exit 0), not a usage error (exit 2), which stopped a script diffing each hit."""
    _import(run_cli, db, RECORD)
    result = run_cli("show", "1", "--diff", "--db", str(db))
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "no earlier version of article 1: nothing to diff\n"
    as_json = run_cli("show", "1", "--diff", "--format", "json", "--db", str(db))
    assert as_json.exit_code == 0 and as_json.json() == {
        "id": 1,
        "url": RECORD["url"],
        "diff": None,
    }
    missing = run_cli("show", "2", "--diff", "--db", str(db))  # no article 2: still an error
    assert missing.exit_code == 2 and missing.stderr.startswith("newsarchive: error:")


def test_reextract_rewrites_only_changed_rows_on_several_processes(
    run_cli: Cli, mirror: Callable[[str], MirrorServer], db: Path
) -> None:
    server = mirror("ruse24")
    crawl = run_cli("crawl", "ruse24", "--base-url", server.url, "--delay", "0", "--db", str(db))
    assert crawl.exit_code == 0, crawl.stderr
    server.stop()
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, extractor, capture_id FROM articles ORDER BY id").fetchall()
    assert rows and all(r[1] == EXTRACTOR_VERSION and r[2] for r in rows)  # provenance
    # A row whose text an older extractor got wrong: reextract must notice and fix it.
    target = rows[0][0]
    right = conn.execute("SELECT text FROM articles WHERE id = ?", (target,)).fetchone()[0]
    conn.execute(
        "UPDATE articles SET text = 'стар текст', extractor = 'old' WHERE id = ?", (target,)
    )
    conn.commit()

    result = run_cli("reextract", "--workers", "2", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"re-extracted: 1 changed, {len(rows) - 1} unchanged, 0 failed")
    assert conn.execute(
        "SELECT text, extractor FROM articles WHERE id = ?", (target,)
    ).fetchone() == (
        right,
        EXTRACTOR_VERSION,
    )
    revision = conn.execute("SELECT article_id, text, extractor FROM revisions").fetchall()
    assert revision == [(target, "стар текст", "old")]
    conn.close()


def test_reextract_since_and_site_filter(run_cli: Cli, db: Path) -> None:
    _import(run_cli, db, RECORD)
    result = run_cli("reextract", "--since", "2030-01-01", "--db", str(db))
    assert result.stdout.startswith("re-extracted: 0 changed, 0 unchanged, 0 failed")
    assert "0 without a stored page" in result.stdout
    bad = run_cli("reextract", "--site", "nosuchsite", "--db", str(db))
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1
    worse = run_cli("reextract", "--since", "yesterday", "--db", str(db))
    assert worse.exit_code == 2 and "--since must be a date" in worse.stderr


def test_an_interrupted_upgrade_changes_nothing_and_resumes(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsarchive.archive import schema

    db = tmp_path / "old.db"
    shutil.copy(PREVIOUS, db)
    before = sqlite3.connect(db)
    columns = [r[1] for r in before.execute("PRAGMA table_info(articles)")]
    before.close()
    # the first step after v2 fails after doing its work: its transaction is undone
    index = next(i for i, (target, _) in enumerate(schema.MIGRATIONS) if target > 2)
    target, migrate = schema.MIGRATIONS[index]

    def fails_half_way(conn: sqlite3.Connection) -> None:
        migrate(conn)
        raise sqlite3.OperationalError("disk I/O error")

    broken = list(schema.MIGRATIONS)
    broken[index] = (target, fails_half_way)
    monkeypatch.setattr(schema, "MIGRATIONS", tuple(broken))
    failed = run_cli("stats", "--db", str(db))
    assert failed.exit_code == 2 and "disk I/O error" in failed.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    assert [r[1] for r in conn.execute("PRAGMA table_info(articles)")] == columns
    conn.close()
    monkeypatch.undo()
    assert run_cli("stats", "--db", str(db)).exit_code == 0
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_import_warc_finds_an_archived_capture_by_index(tmp_path: Path) -> None:
    """The lookup import-warc makes for every record uses an index, not a table scan."""
    from newsarchive.archive.connection import connect

    old = tmp_path / "old.db"  # written by the last release, upgraded on opening
    shutil.copy(Path(__file__).parent / "fixtures" / "archives" / "v2.db", old)
    for db, create in ((tmp_path / "a.db", True), (old, False)):
        conn = connect(db, create=create)
        try:
            plan = " ".join(
                str(row[-1])
                for row in conn.execute(
                    "EXPLAIN QUERY PLAN SELECT content FROM captures"
                    " WHERE final_url = ? AND fetched_at = ?",
                    ("https://x.bg/a", "2025-03-14T10:00:00"),
                )
            )
        finally:
            conn.close()
        assert "captures_final_url" in plan and "SCAN" not in plan, db.name
