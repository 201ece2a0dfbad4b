"""``date_source`` goes from extraction into the archive, out through export and ``show``,
and back in through ``import-jsonl``; archives from schema v2 gain the column."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

from newsarchive.archive.connection import connect
from newsarchive.archive.schema import SCHEMA_VERSION
from newsarchive.archive.store import Store
from newsarchive.extraction import extract

from .search_corpus import write_jsonl
from .support import Result

Cli = Callable[..., Result]

PAGE = (
    "<html><body><article><h1>Нов парк в центъра</h1><p>Публикувано: 14.03.2025</p>"
    "<p>" + "Общината откри нов парк с детска площадка и пейки за отдих. " * 4 + "</p>"
    "</article></body></html>"
)


def _store(db: Path, html: str, url: str) -> None:
    conn = connect(db, create=True)
    try:
        with conn:
            article = extract(html, url, today=dt.date(2025, 3, 20))
            Store(conn).upsert_article(article, site="bta", url=url)
    finally:
        conn.close()


def test_date_source_is_stored_exported_and_shown(run_cli: Cli, db: Path) -> None:
    _store(db, PAGE, "https://www.bta.bg/bg/news/1-park")
    _store(db, PAGE.replace("<p>Публикувано: 14.03.2025</p>", ""), "https://www.bta.bg/x/2")
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT date_source FROM articles ORDER BY id").fetchall() == [
        ("text",),
        ("none",),
    ]
    records = [json.loads(x) for x in run_cli("export", "--db", str(db)).stdout.splitlines()]
    assert [r["date_source"] for r in records] == ["text", "none"]
    csv_out = run_cli("export", "--format", "csv", "--db", str(db)).stdout
    assert "date_source" in csv_out.splitlines()[0] and ",text," in csv_out
    shown = run_cli("show", "1", "--db", str(db))
    assert "2025-03-14" in shown.stdout and "date source: text" in shown.stdout
    assert run_cli("show", "1", "--format", "json", "--db", str(db)).json()["date_source"] == (
        "text"
    )


def test_import_keeps_date_source_and_rejects_unknown_ones(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    record = {"site": "bta", "url": "https://www.bta.bg/a", "title": "Заглавие",
              "published": "2025-03-14", "date_source": "url", "text": "Текст."}  # fmt: skip
    result = run_cli(
        "import-jsonl", str(write_jsonl(tmp_path / "a.jsonl", [record])), "--db", str(db)
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(run_cli("export", "--db", str(db)).stdout)["date_source"] == "url"
    bad = write_jsonl(tmp_path / "b.jsonl", [dict(record, date_source="guess")])
    refused = run_cli("import-jsonl", str(bad), "--db", str(db))
    assert refused.exit_code == 2 and "date_source" in refused.stderr


def test_changed_date_source_alone_updates_the_article(db: Path) -> None:
    _store(db, PAGE, "https://www.bta.bg/bg/news/1-park")
    conn = connect(db, create=False)
    try:
        with conn:
            article = extract(PAGE, "https://www.bta.bg/bg/news/1-park", today=dt.date(2025, 3, 20))
            moved = type(article)(**{**article.__dict__, "date_source": "listing"})
            assert Store(conn).upsert_article(moved, site="bta", url=moved.url or "") == "updated"
    finally:
        conn.close()


def test_v2_archive_gains_the_column_with_unrecorded_sources(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute(
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, site TEXT NOT NULL, url TEXT NOT NULL"
        " UNIQUE, title TEXT NOT NULL DEFAULT '', published TEXT, published_date TEXT,"
        " author TEXT, tags TEXT NOT NULL DEFAULT '[]', text TEXT NOT NULL DEFAULT '',"
        " title_lemmas TEXT NOT NULL DEFAULT '', text_lemmas TEXT NOT NULL DEFAULT '',"
        " fetched_at TEXT NOT NULL, updated_at TEXT NOT NULL, source_url TEXT,"
        " capture_id INTEGER)"
    )
    conn.execute(
        "INSERT INTO articles (site, url, published, fetched_at, updated_at)"
        " VALUES ('bta', 'https://www.bta.bg/old', '2024-01-02', 'x', 'x')"
    )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()
    migrated = connect(db, create=False)
    try:
        assert migrated.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert migrated.execute("SELECT date_source FROM articles").fetchall() == [(None,)]
    finally:
        migrated.close()


def test_extract_command_reads_relative_dates_against_today(run_cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(PAGE.replace("Публикувано: 14.03.2025", "Публикувано вчера"), "utf-8")
    before = dt.date.today()
    result = run_cli("extract", str(page))
    assert result.exit_code == 0, result.stderr
    record = result.json()
    assert isinstance(record, dict) and record["date_source"] == "text"
    yesterday = {(d - dt.timedelta(days=1)).isoformat() for d in (before, dt.date.today())}
    assert record["published"] in yesterday
