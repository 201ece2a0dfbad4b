"""Earlier versions of an article: kept when its extracted fields change, never lost.

A site that silently edits a story (or a better extractor that reads it differently)
changes the current row of ``articles``; the version it replaces is copied here first,
with when it was first seen and the capture it was extracted from. Only the extracted
fields are compared (``Store.upsert_article``), so a page whose view counter or "related"
list changed makes no revision. Search indexes ``articles`` only: the current version.
"""

from __future__ import annotations

import difflib
import re
import sqlite3
from typing import Any

# (the fields are the store's: it compares them to tell an update)
from newsarchive.archive.store import REVISION_FIELDS as REVISION_FIELDS
from newsarchive.archive.store import stored_tags

_WORD = re.compile(r"\S+|\s+")


def keep(conn: sqlite3.Connection, article_id: int, replaced_at: str) -> None:
    """Copy the article's current version into ``revisions`` before it is overwritten."""
    conn.execute(
        "INSERT INTO revisions (article_id, title, published, author, tags, text, seen_at,"
        " replaced_at, capture_id, extractor) SELECT id, title, published, author, tags, text,"
        " updated_at, ?, capture_id, extractor FROM articles WHERE id = ?",
        (replaced_at, article_id),
    )


def keep_older(
    conn: sqlite3.Connection,
    article_id: int,
    values: tuple[object, ...],
    *,
    seen_at: str,
    replaced_at: str,
    capture_id: int | None,
    extractor: str | None,
) -> None:
    """Record a version older than the current one (``REVISION_FIELDS`` order), unless
    the same version seen at the same time is already kept (a WARC imported twice)."""
    known = conn.execute(
        "SELECT 1 FROM revisions WHERE article_id = ? AND seen_at = ? AND title IS ?"
        " AND published IS ? AND author IS ? AND tags IS ? AND text IS ?",
        (article_id, seen_at, *values),
    ).fetchone()
    if known is None:
        conn.execute(
            "INSERT INTO revisions (article_id, title, published, author, tags, text, seen_at,"
            " replaced_at, capture_id, extractor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article_id, *values, seen_at, replaced_at, capture_id, extractor),
        )


def history(conn: sqlite3.Connection, article_id: int) -> list[dict[str, Any]]:
    """The article's earlier versions, oldest first, as ``show --format json`` prints them."""
    rows = conn.execute(
        "SELECT title, published, author, tags, text, seen_at, replaced_at, capture_id,"
        " extractor FROM revisions WHERE article_id = ? ORDER BY seen_at, id",
        (article_id,),
    ).fetchall()
    names = (*REVISION_FIELDS, "seen_at", "replaced_at", "capture_id", "extractor")
    versions = [dict(zip(names, row, strict=True)) for row in rows]
    for version in versions:
        version["tags"] = stored_tags(version["tags"])
    return versions


def diff_header(before: dict[str, Any], current: dict[str, Any]) -> list[str]:
    """``show --diff``'s two header lines: when each side was seen. A revision seen when
    the current version was (``seen_at`` is its ``updated_at``) was not replaced by a
    later fetch but rewritten in place: the upgrade to v13 composed its words for search
    (``Store.compose_stored`` keeps the row's ``updated_at``), so the new side is named by
    what happened and when, not by the same moment twice."""
    seen = before["seen_at"]
    if seen == current["updated_at"]:
        return [
            f"--- {seen}",
            f"+++ the same, its words composed for search on {before['replaced_at']}",
        ]
    return [f"--- {seen}", f"+++ {current['updated_at']}"]


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """(op, text) runs: op is "=" kept, "-" removed, "+" added; whitespace kept as is.

    Words, not characters or lines: an edited sentence reads as the words that changed.
    """
    before, after = _WORD.findall(old), _WORD.findall(new)
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            runs.append(("=", "".join(before[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("-", "".join(before[i1:i2])))
        if j2 > j1:
            runs.append(("+", "".join(after[j1:j2])))
    return runs


def render_diff(runs: list[tuple[str, str]]) -> str:
    """Plain text anyone can read in a terminal or a mail: [-removed-] {+added+}."""
    marks = {"=": ("", ""), "-": ("[-", "-]"), "+": ("{+", "+}")}
    return "".join(f"{marks[op][0]}{text}{marks[op][1]}" for op, text in runs)
