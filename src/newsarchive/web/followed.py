"""The archive as ``serve`` reads it: opened again, per worker thread, once its files
changed on disk.

Where the analyst cannot write the archive (a group's shared folder, a read-only copy)
it is opened immutable (``open_read_only``), and SQLite's URI documentation says what
that means: the file is assumed never to change, locking and change detection are off,
and a file that does change may give wrong results or SQLITE_CORRUPT ("database disk
image is malformed"). For a one-shot ``search`` that is fine; ``serve`` runs for weeks
while the researcher's cron job crawls into the file every night, and its worker
threads' connections, made at their first request, never saw an article added after
that (a thread first used after the crawl did: the same search gave two answers).

So each thread's connection is kept with ``files_state`` as it was just before it was
opened, and a request that finds the files changed (three ``stat`` calls, 11 µs a
request against 11 ms for a search page of a 2,000-article archive) closes it and opens
the archive again (0.3 ms), the way a command would open it now. While a crawl runs
its ``-shm`` is there, so that open is ``mode=ro`` on the writer's ``-shm`` (read-only
for the analyst: SQLite 3.22+ reads a WAL archive so, and follows the writer's
commits); when the crawl has ended and its ``-wal`` and ``-shm`` are gone, immutable
again, on a file nobody is changing. An immutable connection is used only while the
files are as they were when it opened, so what it reads is what the file held then.
The gaps: a writer that starts and
checkpoints into the main file while one query of a page is running (its first
checkpoint comes after ~1,000 pages of the ``-wal``, seconds of a crawl); and an open
in the instant a writer's last close has deleted its ``-wal`` but not yet its ``-shm``,
which ``_would_leave_shm`` takes for a writer still there, as any command's open would.

Not chosen: keeping the writer's ``-wal`` and ``-shm`` (SQLITE_FCNTL_PERSIST_WAL), which
would let every reader open ``mode=ro`` always, changes what every crawl leaves beside
the archive, and an archive an older release or the sqlite3 shell wrote has none; a
reopen per request whatever the files, a new connection and a cold page cache for every
page of an archive nobody is writing.
"""

from __future__ import annotations

import asyncio
import sqlite3
import sys
import threading
from pathlib import Path
from typing import Any

from datasette.database import Database
from datasette.views.base import DatasetteError

from newsarchive.archive.connection import (
    FilesState,
    archive_failure,
    check_reader,
    files_state,
    open_read_only,
)
from newsarchive.errors import NewsarchiveError
from newsarchive.safe_text import as_one_line
from newsarchive.web.hooks import CHECK_WAIT_S


class FollowedArchive(Database):  # type: ignore[misc]  # (Datasette is untyped)
    """A Datasette database whose read connections are ``open_read_only``'s, each opened
    again once the archive's files changed (see the module)."""

    def __init__(self, datasette: Any, path: Path) -> None:
        super().__init__(datasette, path=str(path), is_mutable=True)
        self._archive = path
        self._held = threading.local()
        # the files as the last open saw them, which said what it had to (a -wal unread)
        self._said: FilesState = files_state(path)
        # the archive's failures said on serve's terminal while its files are as they are
        # (``_tell``): (the files' state, the lines said)
        self._told: tuple[FilesState, set[str]] = (self._said, set())
        self._told_lock = threading.Lock()

    def connect(self, write: bool = False) -> sqlite3.Connection:
        if write:  # (nothing ``serve`` serves writes: ``read_only_methods``)
            raise DatasetteError("newsarchive serve never writes the archive", status=405)
        return self._open(files_state(self._archive))

    async def execute(
        self,
        sql: str,
        params: Any = None,
        truncate: bool = False,
        custom_time_limit: int | None = None,
        page_size: int | None = None,
        log_sql_errors: bool = True,
    ) -> Any:
        """Datasette's ``execute``, which wrote "ERROR: conn=<sqlite3.Connection …>, sql =
        …: …" on serve's terminal for every query that failed: a damaged archive (a
        table missing, a bad page) gave one such line per query of every page, beside
        the page's 503. What the failure means of the archive is said by ``_run``, once;
        any other failing query (an analyst's SQL, a bug) keeps Datasette's line."""
        try:
            return await super().execute(
                sql, params, truncate=truncate, custom_time_limit=custom_time_limit,
                page_size=page_size, log_sql_errors=False,
            )  # fmt: skip
        except sqlite3.DatabaseError as exc:  # (the archive's own failures are a 503 here)
            if log_sql_errors:
                sys.stderr.write(f"ERROR: sql = {sql!r}, params = {params}: {exc}\n")
                sys.stderr.flush()
            raise

    async def execute_fn(self, fn: Any) -> Any:
        if self.ds.executor is None:  # (Datasette's num_sql_threads 0: in the loop's thread)
            return self._run(fn)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.ds.executor, lambda: self._run(fn))

    def _run(self, fn: Any) -> Any:
        """``fn`` run on this thread's connection; what SQLite's error means of the archive
        (damaged, a table missing, a writer's lock past the wait) a 503 with the one line
        a command says (``archive_failure``), as an archive that cannot be opened is: every
        page of a damaged archive was a bare "Error 500", and a traceback on the terminal
        serve runs in. Any other error (a bug, an analyst's own SQL) is Datasette's."""
        try:
            return fn(self._connection())
        except sqlite3.DatabaseError as exc:
            failure = archive_failure(exc)
            if failure is None:
                raise
            said = as_one_line(str(failure))
            self._tell(said)
            raise DatasetteError(said, status=503) from None

    def _tell(self, said: str) -> None:
        """``said`` (what a query's failure means of the archive) on serve's terminal, as
        a command says it, once while the archive's files stay as they are: every page
        of a damaged archive meets it, and each of its queries did, one Datasette line
        apiece. Changed files (the archive mended, or replaced) may say it again."""
        now = files_state(self._archive)
        with self._told_lock:
            if self._told[0] != now:
                self._told = (now, set())
            if said in self._told[1]:
                return
            self._told[1].add(said)
        sys.stderr.write(f"newsarchive: error: {said}\n")
        sys.stderr.flush()

    def _connection(self) -> sqlite3.Connection:
        """This thread's connection, opened again when the files changed since it was."""
        now = files_state(self._archive)
        held: tuple[sqlite3.Connection, FilesState] | None = getattr(self._held, "conn", None)
        if held is not None:
            if held[1] == now:
                return held[0]
            self._held.conn = None
            held[0].close()
        conn = self._open(now)
        self._held.conn = (conn, now)
        return conn

    def _open(self, state: FilesState) -> sqlite3.Connection:
        """The archive opened as a command opens it; what keeps it from being read (a
        writer's lock past the wait, a file deleted or replaced by something else) is a
        503 with the command's one line, and the next request tries again."""
        warn, self._said = state != self._said, state
        try:
            conn, _ = open_read_only(self._archive, wait=CHECK_WAIT_S, warn=warn)
            check_reader(conn, self._archive)  # (a newer release's, now: one line)
        except NewsarchiveError as exc:
            raise DatasetteError(as_one_line(str(exc)), status=503) from None
        self.ds._prepare_connection(conn, self.name)
        return conn
