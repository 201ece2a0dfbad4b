"""A site's id changed in its profile: move everything the archive keeps under the old id
to the new one.

Everything a crawl keeps is keyed by URL across sites (``frontier``, ``article_urls``),
so a profile renamed from ``bta`` to ``bta-bg`` found every article it had archived
already "done" under ``bta``: its crawl said "0 new", the site's articles stayed under
an id no profile has (``search --site bta-bg`` missed them, ``reextract`` had no
profile for them), and only its new articles went under the new id. Renaming moves the
articles, their runs, the frontier, the listing walks, what exploring the site found,
the canonical URLs it shared and its sources failing run after run (or resting), in one
transaction: all of it or none.
"""

from __future__ import annotations

import sqlite3

# Each table keeping a site's id, with what it counts in the rename's report.
_MOVED = (
    ("articles", "articles"),
    ("runs", "runs"),
    ("frontier", "queued or seen URLs"),
    ("listing_walks", "listing walks"),
    ("shared_canonicals", "shared canonical URLs"),
    ("source_failures", "failing sources"),
)


def rename_site(conn: sqlite3.Connection, old: str, new: str) -> dict[str, int]:
    """Move ``old``'s rows to ``new`` (which may hold rows already: a crawl under the new
    id before the rename; the two become one site) and return how many rows of each kind
    moved. What exploring the site found (``site_discovery``, one row a site) is the
    newer exploration's when both ids have one."""
    moved: dict[str, int] = {}
    conn.execute("BEGIN IMMEDIATE")
    try:
        for table, said in _MOVED:
            cursor = conn.execute(f"UPDATE {table} SET site = ? WHERE site = ?", (new, old))
            moved[said] = cursor.rowcount
        kept = conn.execute(  # (the newer exploration; the new id's on a tie)
            "SELECT site FROM site_discovery WHERE site IN (?1, ?2)"
            " ORDER BY explored_at DESC, site = ?2 DESC LIMIT 1",
            (old, new),
        ).fetchone()
        if kept is not None:
            conn.execute(
                "DELETE FROM site_discovery WHERE site IN (?, ?) AND site != ?", (old, new, kept[0])
            )
            conn.execute("UPDATE site_discovery SET site = ? WHERE site = ?", (new, old))
    except BaseException:
        conn.rollback()
        raise
    conn.commit()
    return moved


def site_ids(conn: sqlite3.Connection) -> set[str]:
    """Every site id the archive keeps anything under (articles or a crawl's run)."""
    return {row[0] for row in conn.execute("SELECT site FROM articles UNION SELECT site FROM runs")}
