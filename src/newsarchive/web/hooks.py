"""Datasette hook implementations: SQL functions, metadata for every archive whatever its
file name, a readable articles table, and the analyst pages.

Which attached files are archives is decided once per file by looking at its tables,
and remembered on the Datasette instance (not in this module), so one process can hold
several Datasette instances.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from datasette import hookimpl as _hookimpl
from markupsafe import Markup, escape

from newsarchive.archive.datasette import LEMMA_COLUMNS, database_metadata
from newsarchive.web import sql

F = TypeVar("F", bound=Callable[..., Any])
EXCERPT_CHARS = 180


def hookimpl(**options: Any) -> Callable[[F], F]:
    """Datasette's hook marker, typed for mypy."""
    return cast(Callable[[F], F], _hookimpl(**options))


CSS_URL = "/-/newsarchive.css"


# How long the look at an attached file's tables waits out another program's write lock
# (a rollback-journal archive mid-commit): a page waits on it, where a command waits
# ``BUSY_WAIT_S``; a file found locked is looked at again at the next request.
CHECK_WAIT_S = 2.0


def archive_names(datasette: Any) -> list[str]:
    """Names of the attached databases that are newsarchive archives, in order."""
    known = _known(datasette)
    names = []
    for name, database in datasette.databases.items():
        if database.path not in known:
            verdict = _is_archive_file(database.path)
            if verdict is None:  # locked: not remembered as no archive
                continue
            known[database.path] = verdict
        if known[database.path]:
            names.append(name)
    return names


def mark_archive(datasette: Any, path: Path) -> None:
    """Record that the file at ``path`` is an archive, for a caller that has just checked
    it (``serve``), so the hooks do not open it again to find out. Works on an instance
    whose ``__init__`` has not run yet: Datasette asks the hooks while it is constructed."""
    _known(datasette)[str(path)] = True


def _known(datasette: Any) -> dict[str | None, bool]:
    """Whether each attached file (by path; None for in-memory databases) is an archive."""
    known: dict[str | None, bool] = datasette.__dict__.setdefault("_newsarchive_archives", {})
    return known


def _is_archive_file(path: str | None) -> bool | None:
    """Whether the file at ``path`` is an archive; None while another program holds its
    write lock, which says nothing of what it is: remembered as no archive, a plain
    ``datasette`` found it so for as long as it ran after a request met a crawl's
    commit."""
    if not path:
        return False
    from newsarchive.archive.connection import is_busy, open_read_only
    from newsarchive.errors import ArchiveBusy, ArchiveError

    try:
        conn, _ = open_read_only(Path(path), wait=CHECK_WAIT_S)
    except ArchiveBusy:
        return None
    except (ArchiveError, sqlite3.Error):
        return False
    try:
        return sql.is_archive(conn)
    except sqlite3.DatabaseError as exc:  # (a writer locked it between the open and here)
        return None if is_busy(exc) else False
    except sqlite3.Error:
        return False
    finally:
        conn.close()


@hookimpl(trylast=True)  # after Datasette's own escape_fts, which this one replaces
def prepare_connection(conn: sqlite3.Connection, database: str, datasette: Any) -> None:
    if sql.is_archive(conn):
        from newsarchive.archive.connection import read_access_unrecorded

        sql.register_functions(conn)
        read_access_unrecorded(conn)  # (serve never upgrades an older archive)


@hookimpl()
def get_metadata(datasette: Any, key: str, database: str, table: str) -> dict[str, Any]:
    names = archive_names(datasette)
    return {"databases": {name: database_metadata(plugin=True) for name in names}}


@hookimpl()
def render_cell(
    row: Any, value: Any, column: str, table: str, database: str, datasette: Any
) -> Markup | None:
    """In the articles table, the text as a short excerpt with a link to the article
    page (a full text made each row ~1,000 px tall); lemma columns left blank."""
    if table != "articles" or database not in archive_names(datasette):
        return None
    if column in LEMMA_COLUMNS:
        return Markup("&nbsp;")
    if column != "text" or not isinstance(value, str):
        return None
    short = value[:EXCERPT_CHARS].replace("\n", " ")
    more = "…" if len(value) > EXCERPT_CHARS else ""
    link = ""
    if "id" in row.keys():
        link = f' <a href="/article/{int(row["id"])}">read</a>'
    return Markup(f'<span class="na-excerpt">{escape(short)}{more}</span>{link}')


@hookimpl()
def extra_css_urls(database: str | None, datasette: Any) -> list[str]:
    """The stylesheet that hides the lemma columns of archive tables."""
    return [CSS_URL] if database and database in archive_names(datasette) else []


@hookimpl()
def register_routes(datasette: Any) -> list[tuple[str, Any]]:
    """The analyst pages, only when an archive is attached (``/`` is taken over)."""
    if not archive_names(datasette):
        return []
    from newsarchive.web import pages

    return [
        (r"^/$", pages.index),
        (r"^/search$", pages.search),
        # (any segment: "/article/abc" was Datasette's "Database not found", 404 of a
        # database nobody asked for; the page says what an article's address holds)
        (r"^/article/(?P<id>[^/]+)$", pages.article),
        (r"^/chart\.csv$", pages.chart_csv),
        (r"^/-/newsarchive\.css$", pages.stylesheet),
    ]
