"""An older release's archive, in rollback mode, opened by a writer while another command
holds its write lock (a search upgrading it as it opens it): the switch to WAL waits for
the lock as every statement does, where SQLite refused it at once ("database is locked",
exit 2: a crawl beside two searches, 1 of 40 torture trials)."""

from __future__ import annotations

import shutil
import sqlite3
import threading
from pathlib import Path

from newsarchive.archive.connection import connect

OLD = Path(__file__).parent / "fixtures" / "archives" / "v8-session-ids.db"


def test_a_writer_opening_a_rollback_archive_another_writes_waits_and_turns_it_to_wal(
    tmp_path: Path,
) -> None:
    db = tmp_path / "archive.db"
    shutil.copy(OLD, db)
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    assert holder.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    holder.execute("BEGIN IMMEDIATE")  # another command's write, as an upgrade's
    holder.execute("CREATE TABLE other_write (x)")
    done = threading.Timer(0.5, lambda: holder.execute("COMMIT"))
    done.start()
    try:
        conn = connect(db, create=True)
    finally:
        done.join()
        holder.close()
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert {"articles", "other_write"} <= tables  # the other write kept, nothing lost
    finally:
        conn.close()
