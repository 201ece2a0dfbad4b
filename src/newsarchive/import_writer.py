"""What ``import-jsonl`` and ``import-warc`` share: the archive's writer for an import,
which follows the site moves the archive records, and the warnings said once of the
records an import kept (under another site; at an address no server can have).

Apart from both importers so that neither reaches into the other: the JSON Lines
import's preparing runs in a worker process that need not load the WARC reader, and the
WARC import is no JSON Lines reader's.
"""

from __future__ import annotations

import logging
import sqlite3

from newsarchive.archive.store import Store

log = logging.getLogger(__name__)


def say_unfetchable(count: int, first: str) -> None:
    """One warning for imported records whose host no server can have ("a..bg"), JSON
    Lines' and WARC's alike: kept as they were (nothing is fetched from a record, and
    dropping them lost pages a file held), but no crawl can reach them."""
    if count:
        log.warning(
            "%d imported record(s) have an address no server can have (first: %r): kept as"
            " they were; no crawl can fetch them",
            count,
            first,
        )


def moved_store(conn: sqlite3.Connection, moves: dict[str, dict[str, str]] | None = None) -> Store:
    """The archive's writer for an import, following every move to another domain the
    archive records (``moves``: ``recorded_moves``, read here when not given) as a crawl
    follows its site's: a record at the new domain updates the article archived under the
    old one."""
    from newsarchive.archive.frontier import recorded_moves

    store = Store(conn)
    for moved in (recorded_moves(conn) if moves is None else moves).values():
        for origin, moved_to in moved.items():
            store.take_move(origin, moved_to)
    return store


def say_elsewhere(store: Store) -> None:
    """One warning for an import's records whose address the archive holds under another
    site than they belong to (``Store.elsewhere``), JSON Lines' and WARC's alike: counted
    "unchanged" (or "updated") and kept under that site."""
    if line := store.elsewhere.said("imported record(s)", "in the file"):
        log.warning("%s", line)
