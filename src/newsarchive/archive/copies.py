"""Reading stories: the other copies of an article, and how many outlets carried each story.

Read-only and light (plain SQL) so ``show``, ``search`` and ``stats`` stay quick; the
stories themselves are assigned at write time by ``archive.stories``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from newsarchive.archive.connection import PARAMETERS_PER_QUERY
from newsarchive.archive.store import Filters, story_of

STORY_OF = story_of("a")  # the story of the article aliased ``a``


def copies(conn: sqlite3.Connection, stories: Iterable[int]) -> dict[int, list[dict[str, Any]]]:
    """Every archived copy of each story, earliest first: story → [{id, site, url,
    published}]. A story nobody copied has only its own article."""
    wanted = sorted(set(stories))
    found: dict[int, list[dict[str, Any]]] = {s: [] for s in wanted}
    for start in range(0, len(wanted), PARAMETERS_PER_QUERY):
        chunk = wanted[start : start + PARAMETERS_PER_QUERY]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            "SELECT s.story, a.id, a.site, a.url, a.published FROM article_stories s"
            f" JOIN articles a ON a.id = s.article_id WHERE s.story IN ({marks})"
            " ORDER BY a.published_date IS NULL, a.published, a.id",
            chunk,
        )
        for story, article_id, site, url, published in rows:
            found[story].append({"id": article_id, "site": site, "url": url,
                                 "published": published})  # fmt: skip
    return found


def also(conn: sqlite3.Connection, article_id: int, story: int) -> list[dict[str, Any]]:
    """The other copies of ``article_id``'s story: {site, url, published, id}."""
    return [c for c in copies(conn, [story])[story] if c["id"] != article_id]


def outlets(conn: sqlite3.Connection, filters: Filters) -> list[dict[str, Any]]:
    """Per site: how many of its stories were carried by one, two, or three or more
    outlets (sites) in the archive; the last row, site "all", counts each story once.

    The filters choose the articles whose stories count; the outlets of a story are
    counted over the whole archive (a story is not "only here" because a filter hid
    the other copies).
    """
    where, params = filters.sql("a")
    rows = conn.execute(
        f"WITH st AS (SELECT a.site, {STORY_OF} AS story FROM articles a),"
        " wide AS (SELECT story, count(DISTINCT site) AS n FROM st GROUP BY story),"
        f" chosen AS (SELECT DISTINCT a.site, {STORY_OF} AS story FROM articles a"
        f" WHERE {where})"
        " SELECT c.site, min(w.n, 3) AS outlets, count(*) FROM chosen c"
        " JOIN wide w ON w.story = c.story GROUP BY c.site, outlets"
        " UNION ALL SELECT '', min(w.n, 3) AS outlets, count(DISTINCT c.story) FROM chosen c"
        " JOIN wide w ON w.story = c.story GROUP BY outlets",
        params,
    ).fetchall()
    table: dict[str, dict[str, Any]] = {}
    for site, n, count in rows:
        row = table.setdefault(site, {"site": site or "all", "stories": 0, "one": 0, "two": 0,
                                      "three_or_more": 0})  # fmt: skip
        row[("one", "two", "three_or_more")[n - 1]] += count
        row["stories"] += count
    return [table[s] for s in sorted(table, key=lambda s: (s == "", s))]
