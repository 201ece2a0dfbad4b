"""Ranked full-text search over the archive: bm25 with the title weighted above the body."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import Any

from newsarchive.archive.query import ParsedQuery
from newsarchive.archive.store import Filters
from newsarchive.errors import QueryError

HIGHLIGHT_OPEN = "**"
HIGHLIGHT_CLOSE = "**"
TITLE_WEIGHT = 5.0
SORTS = {
    "relevance": "score ASC, articles.published_date DESC, articles.id DESC",
    "newest": "articles.published_date DESC, articles.id DESC",
    "oldest": "articles.published_date ASC, articles.id ASC",
}


@dataclass(frozen=True)
class SearchOptions:
    """Everything beside the query text."""

    filters: Filters = Filters()
    limit: int = 20
    sort: str = "relevance"


def search(
    conn: sqlite3.Connection, query: ParsedQuery, options: SearchOptions
) -> list[dict[str, Any]]:
    """Run a parsed query; returns ``{id, site, url, title, published, snippet, score}`` rows."""
    filters = Filters(
        sites=options.filters.sites or tuple(query.sites),
        since=options.filters.since or query.since,
        until=options.filters.until or query.until,
    )
    where, params = filters.sql()
    order = SORTS.get(options.sort)
    if order is None:
        raise QueryError(f"unknown sort '{options.sort}' (use {', '.join(SORTS)})")
    sql = (
        "SELECT articles.id, articles.site, articles.url, articles.title, articles.published,"
        f" snippet(articles_fts, 1, '{HIGHLIGHT_OPEN}', '{HIGHLIGHT_CLOSE}', '…', 24),"
        f" bm25(articles_fts, {TITLE_WEIGHT}, 1.0) AS score"
        " FROM articles_fts JOIN articles ON articles.id = articles_fts.rowid"
        f" WHERE articles_fts MATCH ? AND {where} ORDER BY {order} LIMIT ?"
    )
    try:
        rows = conn.execute(sql, [query.fts(), *params, options.limit]).fetchall()
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search index could not run this query: {exc}") from None
    keys = ("id", "site", "url", "title", "published", "snippet", "score")
    results = []
    for row in rows:
        record = dict(zip(keys, row, strict=True))
        record["score"] = round(-float(record["score"]), 4)
        results.append(record)
    return results
