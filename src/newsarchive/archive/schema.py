"""Create and migrate the archive schema (``PRAGMA user_version`` counts migrations).

Plain SQLite only (built-in ``unicode61`` tokenizer, no extensions) so the file opens in
the sqlite3 shell and in Datasette. Search is one external-content FTS5 table,
``articles_fts`` (the ``<table>_fts`` name Datasette looks for), over four columns of
``articles``: the original ``title`` and ``text``, and ``title_lemmas``/``text_lemmas``,
the dictionary forms of the words whose form differs (filled by ``Store.upsert_article``).
``lemma_vocab`` keeps the archive's own form → lemma map so queries never need the
lemmatizer's dictionary.

v1 → v2: the sqlite-utils made two-column index and its triggers are replaced by the
four-column one; existing articles get their lemma columns and the index is rebuilt.

v2 → v3: ``articles.date_source`` (which rule gave ``published``: jsonld, meta, time,
text, url, feed, listing, none), so an analyst can filter out weakly dated articles.
Rows archived before v3 keep NULL there: their source was never recorded.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 3
FTS_TOKENIZE = "unicode61 remove_diacritics 0"

_TABLES = """
CREATE TABLE IF NOT EXISTS captures (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    final_url TEXT NOT NULL,
    status INTEGER NOT NULL,
    headers TEXT NOT NULL DEFAULT '{}',
    encoding TEXT,
    content BLOB,
    fetched_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS captures_url ON captures(url);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '',
    published TEXT,
    published_date TEXT,
    date_source TEXT,
    author TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL DEFAULT '',
    title_lemmas TEXT NOT NULL DEFAULT '',
    text_lemmas TEXT NOT NULL DEFAULT '',
    fetched_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    source_url TEXT,
    capture_id INTEGER REFERENCES captures(id)
);
CREATE INDEX IF NOT EXISTS articles_site_date ON articles(site, published_date);
CREATE INDEX IF NOT EXISTS articles_date ON articles(published_date);
CREATE INDEX IF NOT EXISTS articles_source_url ON articles(source_url);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    site TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    requests INTEGER NOT NULL DEFAULT 0,
    pages INTEGER NOT NULL DEFAULT 0,
    new INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0,
    status INTEGER,
    unchanged INTEGER NOT NULL DEFAULT 0,
    gone INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS fetch_state (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    status INTEGER,
    checked_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS frontier (
    url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    source TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued',
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    added_at TEXT NOT NULL,
    listed_date TEXT
);
CREATE INDEX IF NOT EXISTS frontier_state ON frontier(site, state);
CREATE TABLE IF NOT EXISTS listing_walks (
    start_url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    resume_url TEXT NOT NULL,
    resume_page INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
"""
# Run counts added after version 1 (``CREATE TABLE IF NOT EXISTS`` cannot add them).
_RUN_COLUMNS_V2 = ("unchanged", "gone", "skipped")


_FTS = f"""
CREATE TABLE IF NOT EXISTS lemma_vocab (
    form TEXT PRIMARY KEY,
    lemma TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS lemma_vocab_lemma ON lemma_vocab(lemma);
CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5(
    title, text, title_lemmas, text_lemmas,
    content=[articles], content_rowid=[id], tokenize='{FTS_TOKENIZE}'
);
"""
_FTS_TRIGGERS = """
CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts (rowid, title, text, title_lemmas, text_lemmas)
  VALUES (new.id, new.title, new.text, new.title_lemmas, new.text_lemmas);
END;
CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text, title_lemmas, text_lemmas)
  VALUES ('delete', old.id, old.title, old.text, old.title_lemmas, old.text_lemmas);
END;
CREATE TRIGGER IF NOT EXISTS articles_au AFTER UPDATE ON articles BEGIN
  INSERT INTO articles_fts (articles_fts, rowid, title, text, title_lemmas, text_lemmas)
  VALUES ('delete', old.id, old.title, old.text, old.title_lemmas, old.text_lemmas);
  INSERT INTO articles_fts (rowid, title, text, title_lemmas, text_lemmas)
  VALUES (new.id, new.title, new.text, new.title_lemmas, new.text_lemmas);
END;
"""


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create what is missing and migrate older archives; a no-op when up to date."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    with conn:
        conn.executescript(_TABLES)
    if version < 2:
        _migrate_search_v2(conn)
    if version < 3:
        with conn:
            _migrate_date_source_v3(conn)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.commit()


def _migrate_search_v2(conn: sqlite3.Connection) -> None:
    """Lemma columns, the form → lemma vocabulary and the four-column FTS index."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    run_columns = {r[1] for r in conn.execute("PRAGMA table_info(runs)")}
    fts_sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    with conn:
        for column in ("title_lemmas", "text_lemmas"):
            if column not in columns:
                conn.execute(f"ALTER TABLE articles ADD COLUMN {column} TEXT NOT NULL DEFAULT ''")
        for column in _RUN_COLUMNS_V2:
            if column not in run_columns:
                conn.execute(f"ALTER TABLE runs ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")
        if fts_sql is not None and "text_lemmas" not in fts_sql[0]:
            for trigger in ("articles_ai", "articles_ad", "articles_au"):
                conn.execute(f"DROP TRIGGER IF EXISTS {trigger}")
            conn.execute("DROP TABLE articles_fts")
        conn.executescript(_FTS)
        backfill_lemmas(conn)  # before the triggers: the rebuild indexes every row once
        conn.executescript(_FTS_TRIGGERS)


def _migrate_date_source_v3(conn: sqlite3.Connection) -> None:
    """Add ``articles.date_source``; fresh archives already have it from ``_TABLES``.

    Runs inside the caller's transaction, so it fits any migration runner."""
    columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    if "date_source" not in columns:
        conn.execute("ALTER TABLE articles ADD COLUMN date_source TEXT")


def backfill_lemmas(conn: sqlite3.Connection) -> int:
    """Fill the lemma columns of every article, then rebuild the index; returns the count."""
    from newsarchive.archive.lemmas import Lemmatizer

    lemmatizer = Lemmatizer()
    rows = conn.execute("SELECT id, title, text FROM articles").fetchall()
    for article_id, title, text in rows:
        conn.execute(
            "UPDATE articles SET title_lemmas = ?, text_lemmas = ? WHERE id = ?",
            (lemmatizer.lemma_text(title), lemmatizer.lemma_text(text), article_id),
        )
    lemmatizer.flush(conn)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    return len(rows)
