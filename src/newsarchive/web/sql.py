"""The lemma-aware query as SQL functions on Datasette's connections to an archive.

``newsarchive_match(q)`` turns the CLI's query language into the FTS5 expression the
CLI would run (word forms from the archive's ``lemma_vocab``), for canned queries and
the JSON API. ``escape_fts`` is Datasette's own function behind a table's search box;
replacing it on archive connections is what gives that box word forms, any letter case
and prefixes. Whatever the query language refuses falls back to Datasette's escaping,
so the box never turns into an error page.
"""

from __future__ import annotations

import sqlite3

from newsarchive.archive.connection import add_functions
from newsarchive.archive.query import parse_query
from newsarchive.archive.search import match_expression
from newsarchive.errors import QueryError

ARCHIVE_TABLES = ("articles", "lemma_vocab")


def is_archive(conn: sqlite3.Connection) -> bool:
    """Whether this connection is to a newsarchive archive (articles and lemma tables)."""
    marks = ",".join("?" * len(ARCHIVE_TABLES))
    row = conn.execute(
        f"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ({marks})",
        ARCHIVE_TABLES,
    ).fetchone()
    return bool(row[0] == len(ARCHIVE_TABLES))


def match(conn: sqlite3.Connection, text: str) -> str:
    """The FTS5 expression for ``text``; filters cannot be part of a MATCH, so refused."""
    parsed = parse_query(text, filtered=True)  # no words: said below, without a filter hint
    if parsed.has_filters():
        raise QueryError("site:, since:, until: and author: work on the search page, not in MATCH")
    if not parsed.has_words():
        raise QueryError("the query has no words to search for")
    return match_expression(conn, parsed)


def register_functions(conn: sqlite3.Connection) -> None:
    from datasette.utils import escape_fts

    def newsarchive_match(text: str | None) -> str:
        return match(conn, text or "")

    def lemma_escape_fts(text: str | None) -> str:
        try:
            return match(conn, text or "")
        except QueryError:
            return str(escape_fts(text or ""))

    add_functions(conn)
    conn.create_function("newsarchive_match", 1, newsarchive_match)
    conn.create_function("escape_fts", 1, lemma_escape_fts)
