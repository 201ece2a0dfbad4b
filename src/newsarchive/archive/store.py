"""Write and read archived articles, raw captures, runs and per-URL HTTP state.

Articles are unique by canonical URL; re-fetching one updates it in place only when the
extracted content changed, so nightly runs never archive anything twice.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsarchive.models import Article, Page

if TYPE_CHECKING:
    from newsarchive.archive.lemmas import Lemmatizer

ARTICLE_COLUMNS = (
    "id", "site", "url", "title", "published", "date_source", "author", "tags", "text",
    "fetched_at",
)  # fmt: skip


def now_iso() -> str:
    """UTC timestamp used for every bookkeeping column."""
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Filters:
    """The site/date filters shared by search and export (dates inclusive, local)."""

    sites: tuple[str, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None

    def sql(self, alias: str = "articles") -> tuple[str, list[Any]]:
        """A WHERE fragment (always valid, possibly "1") and its parameters."""
        clauses: list[str] = []
        params: list[Any] = []
        if self.sites:
            clauses.append(f"{alias}.site IN ({','.join('?' * len(self.sites))})")
            params += list(self.sites)
        if self.since:
            clauses.append(f"{alias}.published_date >= ?")
            params.append(self.since.isoformat())
        if self.until:
            clauses.append(f"{alias}.published_date <= ?")
            params.append(self.until.isoformat())
        return (" AND ".join(clauses) or "1"), params


class Store:
    """All writes to the archive go through here."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._lemmatizer: Lemmatizer | None = None

    def _lemmas(self, title: str, text: str) -> tuple[str, str]:
        """The lemma columns for a title and text; records new forms in ``lemma_vocab``."""
        if self._lemmatizer is None:
            from newsarchive.archive.lemmas import Lemmatizer

            self._lemmatizer = Lemmatizer()
        lemmas = (self._lemmatizer.lemma_text(title), self._lemmatizer.lemma_text(text))
        self._lemmatizer.flush(self.conn)
        return lemmas

    def save_capture(self, page: Page) -> int:
        cur = self.conn.execute(
            "INSERT INTO captures (url, final_url, status, headers, encoding, content, fetched_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                page.url,
                page.final_url,
                page.status,
                json.dumps(page.headers, ensure_ascii=False),
                page.encoding,
                zlib.compress(page.content, 6),
                page.fetched_at.isoformat(),
            ),
        )
        return int(cur.lastrowid or 0)

    def has_article(self, url: str) -> bool:
        row = self.conn.execute(
            "SELECT 1 FROM articles WHERE url = ? OR source_url = ? LIMIT 1", (url, url)
        ).fetchone()
        return row is not None

    def upsert_article(
        self,
        article: Article,
        *,
        site: str,
        url: str,
        source_url: str | None = None,
        fetched_at: str | None = None,
        capture_id: int | None = None,
    ) -> str:
        """Insert or update by URL; returns "new", "updated" or "unchanged".

        The lemma columns the search index reads are filled here, at write time.
        """
        from newsarchive.extraction.dates import local_date

        fetched = fetched_at or now_iso()
        published = article.published.isoformat() if article.published else None
        pdate = local_date(article.published).isoformat() if article.published else None
        tags = json.dumps(list(article.tags), ensure_ascii=False)
        row = self.conn.execute(
            "SELECT id, title, published, author, tags, text, date_source FROM articles"
            " WHERE url = ?",
            (url,),
        ).fetchone()
        values = (article.title, published, article.author, tags, article.text)
        source = article.date_source
        if row is not None and tuple(row[1:]) == (*values, source):
            return "unchanged"
        lemmas = self._lemmas(article.title, article.text)
        if row is None:
            self.conn.execute(
                "INSERT INTO articles (site, url, title, published, published_date, author, tags,"
                " text, title_lemmas, text_lemmas, fetched_at, updated_at, source_url, capture_id,"
                " date_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (site, url, *values[:2], pdate, *values[2:], *lemmas, fetched, fetched,
                 source_url, capture_id, source),
            )  # fmt: skip
            return "new"
        self.conn.execute(
            "UPDATE articles SET title = ?, published = ?, published_date = ?, author = ?,"
            " tags = ?, text = ?, title_lemmas = ?, text_lemmas = ?, updated_at = ?,"
            " capture_id = COALESCE(?, capture_id), date_source = ? WHERE id = ?",
            (*values[:2], pdate, *values[2:], *lemmas, fetched, capture_id, source, row[0]),
        )
        return "updated"

    def start_run(self, site: str) -> int:
        cur = self.conn.execute(
            "INSERT INTO runs (site, started_at) VALUES (?, ?)", (site, now_iso())
        )
        self.conn.commit()
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, counts: dict[str, int], status: int) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at = ?, requests = ?, pages = ?, new = ?, updated = ?,"
            " errors = ?, status = ?, unchanged = ?, gone = ?, skipped = ? WHERE id = ?",
            (
                now_iso(),
                counts.get("requests", 0),
                counts.get("pages", 0),
                counts.get("new", 0),
                counts.get("updated", 0),
                counts.get("errors", 0),
                status,
                counts.get("unchanged", 0),
                counts.get("gone", 0),
                counts.get("skipped", 0),
                run_id,
            ),
        )
        self.conn.commit()

    # the frontier: URLs queued for fetching, with where they were found ------------
    def frontier_state(self, url: str) -> tuple[str, int] | None:
        row = self.conn.execute(
            "SELECT state, attempts FROM frontier WHERE url = ?", (url,)
        ).fetchone()
        return (str(row[0]), int(row[1])) if row else None

    def queue(self, url: str, site: str, source: str) -> None:
        """Queue ``url`` (insert, or put a finished row back in the queue)."""
        self.conn.execute(
            "INSERT INTO frontier (url, site, source, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT(url) DO UPDATE SET state = 'queued', source = excluded.source"
            " WHERE frontier.state NOT IN ('queued', 'failed')",
            (url, site, source, now_iso()),
        )

    def pending(self, site: str, max_attempts: int) -> list[str]:
        """Queued URLs, then failed ones still worth retrying, oldest first."""
        rows = self.conn.execute(
            "SELECT url FROM frontier WHERE site = ? AND (state = 'queued'"
            " OR (state = 'failed' AND attempts < ?)) ORDER BY rowid",
            (site, max_attempts),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def mark(self, url: str, state: str, error: str | None) -> None:
        self.conn.execute(
            "UPDATE frontier SET state = ?, last_error = ?, attempts = attempts + 1 WHERE url = ?",
            (state, error, url),
        )

    # listing walks: where an unfinished deep walk of a listing resumes ------------
    def walk_resume(self, start_url: str) -> tuple[str, int] | None:
        row = self.conn.execute(
            "SELECT resume_url, resume_page FROM listing_walks WHERE start_url = ?", (start_url,)
        ).fetchone()
        return (str(row[0]), int(row[1])) if row else None

    def save_walk(self, site: str, start_url: str, resume_url: str, resume_page: int) -> None:
        self.conn.execute(
            "INSERT INTO listing_walks (start_url, site, resume_url, resume_page, updated_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(start_url) DO UPDATE SET"
            " resume_url = excluded.resume_url, resume_page = excluded.resume_page,"
            " updated_at = excluded.updated_at",
            (start_url, site, resume_url, resume_page, now_iso()),
        )

    def clear_walk(self, start_url: str) -> None:
        self.conn.execute("DELETE FROM listing_walks WHERE start_url = ?", (start_url,))

    def http_state(self, url: str) -> tuple[str | None, str | None]:
        row = self.conn.execute(
            "SELECT etag, last_modified FROM fetch_state WHERE url = ?", (url,)
        ).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def save_http_state(self, url: str, page: Page) -> None:
        self.conn.execute(
            "INSERT INTO fetch_state (url, etag, last_modified, status, checked_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT(url) DO UPDATE SET"
            " etag = COALESCE(excluded.etag, etag),"
            " last_modified = COALESCE(excluded.last_modified, last_modified),"
            " status = excluded.status, checked_at = excluded.checked_at",
            (
                url,
                page.headers.get("etag"),
                page.headers.get("last-modified"),
                page.status,
                now_iso(),
            ),
        )


def article_row(row: sqlite3.Row | tuple[Any, ...]) -> dict[str, Any]:
    """An ``ARTICLE_COLUMNS`` row as the JSON object export and ``show`` print."""
    record = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    record["tags"] = json.loads(record["tags"] or "[]")
    return record


def iter_articles(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    """Articles in archive order (oldest first by id) for export."""
    where, params = filters.sql()
    cols = ", ".join(ARTICLE_COLUMNS)
    for row in conn.execute(f"SELECT {cols} FROM articles WHERE {where} ORDER BY id", params):
        yield article_row(row)


def get_article(conn: sqlite3.Connection, id_or_url: str) -> dict[str, Any] | None:
    """One article by numeric id or by URL."""
    cols = ", ".join(ARTICLE_COLUMNS)
    if id_or_url.isdigit():
        row = conn.execute(f"SELECT {cols} FROM articles WHERE id = ?", (int(id_or_url),))
    else:
        row = conn.execute(
            f"SELECT {cols} FROM articles WHERE url = ? OR source_url = ?", (id_or_url, id_or_url)
        )
    found = row.fetchone()
    return article_row(found) if found else None
