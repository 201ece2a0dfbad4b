"""import-jsonl prepares records in a worker process (``prepare_ahead``) once a file is
long: the archive it writes is the one an import preparing every record itself writes,
row for row, index term for index term, story for story."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import newsarchive.prepare_ahead as prepare_ahead

from .search_corpus import ARTICLES, write_jsonl
from .support import Result
from .test_stories import PARAGRAPHS, REPUBLISHED

Cli = Callable[..., Result]


def _records() -> list[dict[str, Any]]:
    """Records that exercise every part of a prepared article: stories (a copy in
    another outlet), records left unchanged whose words are met first there (the lemma
    vocabulary), an update, tags, an author, words written decomposed
    (``lemmas.composed``)."""
    copies = [
        {"site": "bta", "url": "https://bta.example/1", "title": "Алея край Дунав",
         "published": "2026-03-10", "text": "\n".join(PARAGRAPHS), "tags": ["Русе"]},
        {"site": "ruse24", "url": "https://ruse24.example/2", "title": "Нова алея",
         "published": "2026-03-11", "text": "\n".join(REPUBLISHED), "author": "Мария Петрова"},
    ]  # fmt: skip
    decomposed = dict(ARTICLES[2], url="https://bta.example/3", text="Раи\u0306онът и паркът.")
    again = dict(ARTICLES[3], url="https://bta.example/4")  # the words of an unchanged one
    updated = dict(ARTICLES[1], text="Общините обявиха нови проекти за училищата.")
    return [ARTICLES[0], ARTICLES[3], *copies, decomposed, again, updated, ARTICLES[4]]


def _archive(db: Path) -> dict[str, Any]:
    """Everything an archive holds but the moment of the import (``fetched_at``)."""
    conn = sqlite3.connect(db)
    columns = [r[1] for r in conn.execute("PRAGMA table_info(articles)").fetchall()]
    kept = ", ".join(c for c in columns if c not in ("fetched_at", "updated_at"))
    held: dict[str, Any] = {"articles": conn.execute(f"SELECT {kept} FROM articles").fetchall()}
    for table in ("article_urls", "article_stories", "story_keys", "lemma_vocab"):
        held[table] = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
    held["revisions"] = conn.execute(
        "SELECT article_id, title, published, author, tags, text FROM revisions ORDER BY id"
    ).fetchall()
    conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, instance)")
    held["index"] = conn.execute("SELECT * FROM temp.vocab ORDER BY 1, 2, 3, 4").fetchall()
    conn.close()
    return held


def test_records_prepared_in_a_worker_make_the_same_archive(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = write_jsonl(tmp_path / "first.jsonl", ARTICLES[:4])
    source = write_jsonl(tmp_path / "records.jsonl", _records())
    monkeypatch.setattr(prepare_ahead, "CHUNK", 2)
    archives = []
    for inline in (100, 0):  # every record prepared here; then every one there
        db = tmp_path / f"inline{inline}.db"
        monkeypatch.setattr(prepare_ahead, "INLINE", 100)
        assert run_cli("import-jsonl", str(first), "--db", str(db)).exit_code == 0
        with sqlite3.connect(db) as conn:  # (an archive whose vocabulary lacks its words)
            conn.execute("DELETE FROM lemma_vocab")
        monkeypatch.setattr(prepare_ahead, "INLINE", inline)
        result = run_cli("import-jsonl", str(source), "--db", str(db))
        assert "imported 5 new, 1 updated, 2 unchanged" in result.stdout, result.stderr
        archives.append(_archive(db))
    here, there = archives
    assert here == there
    assert ("футболният", "футболен") in here["lemma_vocab"]  # (first met unchanged)
    assert ("районът", 7, "text", 0) in here["index"]  # (composed: one word)
    assert here["article_stories"] == [(5, 5), (6, 5)]  # the copy: one story


def test_an_import_whose_worker_dies_prepares_the_rest_itself(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker killed after its first chunk (SIGKILL) stopped ``import-jsonl`` with exit
    70, "internal error": the import goes on preparing here, with one warning line, and
    writes the archive an import with no worker writes; run again, it changes nothing."""
    from .test_prepare_ahead import DIES_AFTER_ONE

    source = write_jsonl(tmp_path / "records.jsonl", _records())
    monkeypatch.setattr(prepare_ahead, "CHUNK", 2)
    monkeypatch.setattr(prepare_ahead, "INLINE", 100)
    whole = tmp_path / "here.db"
    assert run_cli("import-jsonl", str(source), "--db", str(whole)).exit_code == 0
    monkeypatch.setattr(prepare_ahead, "INLINE", 1)
    monkeypatch.setattr(prepare_ahead, "_WORKER", DIES_AFTER_ONE)
    db = tmp_path / "killed.db"
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "imported 8 new, 0 updated, 0 unchanged" in result.stdout, result.stdout
    assert result.stderr.count("\n") == 1 and "exit code -9" in result.stderr, result.stderr
    assert _archive(db) == _archive(whole)
    again = run_cli("import-jsonl", str(source), "--db", str(db))
    assert "imported 0 new, 0 updated, 8 unchanged" in again.stdout, again.stdout + again.stderr
    assert _archive(db) == _archive(whole)
