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


def related_sections(conn: sqlite3.Connection, article: dict[str, Any]) -> list[Section]:
    """Sections for the article page: the same story in other outlets (earlier versions
    of the article are issue 14's)."""
    return [s for s in (also_in(conn, article),) if s is not None]


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
