"""What the article page shows beside the text: the hook for later features.

Issue 15 adds the other outlets that carried the same story and the earlier
versions of an article (issue 14); each is one function here returning a ``Section``; the
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


def related_sections(
    conn: sqlite3.Connection, article: dict[str, Any], revisions_url: str
) -> list[Section]:
    """Sections for the article page: the same story in other outlets, and the article's
    earlier versions (``revisions_url``: Datasette's URL of the archive's revisions table)."""
    sections = (also_in(conn, article), earlier_versions(conn, article, revisions_url))
    return [s for s in sections if s is not None and s.links]


def earlier_versions(
    conn: sqlite3.Connection, article: dict[str, Any], revisions_url: str
) -> Section:
    """What the article said before a silent edit, newest first, each a link to its row
    in Datasette's ``revisions`` table at ``revisions_url``."""
    try:
        rows = conn.execute(
            "SELECT id, title, seen_at, replaced_at FROM revisions WHERE article_id = ?"
            " ORDER BY seen_at DESC, id DESC",
            (article["id"],),
        ).fetchall()
    except sqlite3.OperationalError:  # an archive older than revisions
        return Section("Earlier versions")
    return Section(
        "Earlier versions",
        [
            Link(f"{revisions_url}/{rev_id}", f"{seen_at[:10]}: {title}",
                 f"replaced {replaced_at[:16].replace('T', ' ')}")
            for rev_id, title, seen_at, replaced_at in rows
        ],
    )  # fmt: skip


def also_in(conn: sqlite3.Connection, article: dict[str, Any]) -> Section | None:
    """ "Also in": the other archived copies of the article's story, earliest first."""
    from newsarchive.archive.copies import also

    story = article.get("story")
    if story is None:
        return None
    copies = also(conn, int(article["id"]), int(story))
    if not copies:
        return None
    links = [
        Link(
            f"/article/{int(c['id'])}",
            f"{c['site']} · {(c['published'] or 'no date')[:10]}",
            c["url"],
        )  # fmt: skip
        for c in copies
    ]
    return Section("Also in", links)
