"""Create and migrate the archive schema.

Plain SQLite only (built-in ``unicode61`` tokenizer, no extensions) so the file opens in
the sqlite3 shell and in Datasette. The FTS table and its sync triggers are made by
sqlite-utils' ``enable_fts``: the trigger trio for external-content FTS5 is easy to get
subtly wrong by hand, and its ``<table>_fts`` naming is what Datasette looks for.
"""

from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 1
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
    author TEXT,
    tags TEXT NOT NULL DEFAULT '[]',
    text TEXT NOT NULL DEFAULT '',
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
    status INTEGER
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
"""


# Crawl bookkeeping added after version 1; created idempotently (no version bump, so it
# cannot collide with other schema changes): where a deep listing walk stopped, and the
# extra per-run counts.
_CRAWL_TABLES = """
CREATE TABLE IF NOT EXISTS listing_walks (
    start_url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    resume_url TEXT NOT NULL,
    resume_page INTEGER NOT NULL,
    updated_at TEXT NOT NULL
);
"""
_RUN_COLUMNS = ("unchanged", "gone", "skipped")


def ensure_crawl_schema(conn: sqlite3.Connection) -> None:
    """The crawl's own tables and run columns; cheap and safe to call on every crawl."""
    with conn:
        conn.executescript(_CRAWL_TABLES)
        have = {row[1] for row in conn.execute("PRAGMA table_info(runs)")}
        for column in _RUN_COLUMNS:
            if column not in have:
                conn.execute(f"ALTER TABLE runs ADD COLUMN {column} INTEGER NOT NULL DEFAULT 0")


def ensure_schema(conn: sqlite3.Connection) -> None:
    """Create what is missing; a no-op on an archive already at ``SCHEMA_VERSION``."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        ensure_crawl_schema(conn)
        return
    import sqlite_utils

    with conn:
        conn.executescript(_TABLES)
    db = sqlite_utils.Database(conn)
    if "articles_fts" not in db.table_names():
        db["articles"].enable_fts(  # type: ignore[union-attr]
            ["title", "text"], fts_version="FTS5", create_triggers=True, tokenize=FTS_TOKENIZE
        )
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.commit()
    ensure_crawl_schema(conn)
