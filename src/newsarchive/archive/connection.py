"""Open the archive file with the settings every command needs, or fail with one line."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from newsarchive.archive.schema import SCHEMA_VERSION, ensure_schema
from newsarchive.errors import ArchiveError, ArchiveWriteError

DEFAULT_DB = "newsarchive.db"


def resolve_db_path(db: str | os.PathLike[str] | None) -> Path:
    """``--db``, else ``$NEWSARCHIVE_DB``, else ``./newsarchive.db``."""
    return Path(db or os.environ.get("NEWSARCHIVE_DB") or DEFAULT_DB)


def connect(path: Path, *, create: bool) -> sqlite3.Connection:
    """A WAL connection with a busy timeout, so readers work while a crawl writes.

    ``create=False`` (readers, reextract) refuses a missing file or a foreign database.
    """
    if not create and not path.exists():
        raise ArchiveError(f"no archive at {path} (run 'newsarchive crawl' or pass --db)")
    if path.is_dir():
        raise ArchiveError(f"cannot open archive {path}: it is a directory")
    if create and not path.parent.exists():
        raise ArchiveError(f"cannot create archive {path}: folder {path.parent} does not exist")
    try:
        conn = sqlite3.connect(path, timeout=30)
        conn.execute("PRAGMA busy_timeout = 30000")
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if create and mode != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"cannot open archive {path}: {exc}") from None
    if not create:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "articles" not in tables:
            conn.close()
            raise ArchiveError(f"{path} is not a newsarchive archive (no articles table)")
    # Every command, readers too, upgrades an archive an older version wrote; on a current
    # archive this costs one PRAGMA read.
    if create or conn.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
        try:
            ensure_schema(conn)
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise ArchiveError(f"cannot prepare archive {path}: {exc}") from None
    return conn


class ArchiveFile:
    """Notices when the archive file is deleted or replaced under a running crawl.

    SQLite keeps writing to an unlinked file without complaint; without this check a
    crawl would report "60 new" into a file nobody can open again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._identity = self._stat()

    def _stat(self) -> tuple[int, int] | None:
        try:
            found = self.path.stat()
        except OSError:
            return None
        return found.st_dev, found.st_ino

    def check(self) -> None:
        if self._stat() != self._identity:
            raise ArchiveWriteError(
                f"archive {self.path} was deleted or replaced during the crawl;"
                " what this run fetched since then is lost"
            )
