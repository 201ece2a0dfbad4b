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
    """Sections for the article page; none yet (same story elsewhere: issue 14; earlier
    versions: issue 15)."""
    return []
