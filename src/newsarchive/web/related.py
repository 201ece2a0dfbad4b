"""What the article page shows beside the text: the hook for later features.

Issues 14 and 15 add the other outlets that carried the same story and the earlier
versions of an article; each becomes one function here returning a ``Section``, and the
article page already renders whatever sections this returns.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Link:
    href: str
    label: str
    note: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    links: list[Link] = field(default_factory=list)


def related_sections(conn: sqlite3.Connection, article: dict[str, Any]) -> list[Section]:
    """Sections for the article page: its earlier versions (issue 14); the same story
    elsewhere comes with issue 15."""
    return [s for s in (earlier_versions(conn, article),) if s.links]


def earlier_versions(conn: sqlite3.Connection, article: dict[str, Any]) -> Section:
    """What the article said before a silent edit, newest first, each a link to its row
    in Datasette's ``revisions`` table (named after the archive file, as Datasette does)."""
    try:
        rows = conn.execute(
            "SELECT id, title, seen_at, replaced_at FROM revisions WHERE article_id = ?"
            " ORDER BY seen_at DESC, id DESC",
            (article["id"],),
        ).fetchall()
    except sqlite3.OperationalError:  # an archive older than revisions
        return Section("Earlier versions")
    database = _database_name(conn)
    return Section(
        "Earlier versions",
        [
            Link(f"/{database}/revisions/{rev_id}", f"{seen_at[:10]}: {title}",
                 f"replaced {replaced_at[:16].replace('T', ' ')}")
            for rev_id, title, seen_at, replaced_at in rows
        ],
    )  # fmt: skip


def _database_name(conn: sqlite3.Connection) -> str:
    from pathlib import Path
    from urllib.parse import quote

    file = next((row[2] for row in conn.execute("PRAGMA database_list") if row[1] == "main"), "")
    return quote(Path(file).stem) if file else "newsarchive"
