"""The archive is plain SQLite that other tools understand: sqlite-utils (installed with
newsarchive, for ad-hoc queries) finds its FTS index and searches it, word forms included."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from .support import Result


def test_archive_sqlite_utils_detects_fts_and_searches_word_forms(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    db = tmp_path / "compat.db"
    source = tmp_path / "in.jsonl"
    records = [
        {"site": "nsorb", "url": "https://namrb.org/bg/aktualno/a-1", "title": "Среща",
         "published": "2025-02-01", "text": "Общините обсъдиха бюджета за пътищата."},
        {"site": "nsorb", "url": "https://namrb.org/bg/aktualno/b-2", "title": "Спорт",
         "published": "2025-02-02", "text": "Футболният турнир завърши."},
    ]  # fmt: skip
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0

    database = sqlite_utils.Database(db)
    articles = database["articles"]
    assert isinstance(articles, sqlite_utils.db.Table)
    assert articles.detect_fts() == "articles_fts"
    found = [row["url"] for row in articles.search("община")]
    assert found == ["https://namrb.org/bg/aktualno/a-1"]
