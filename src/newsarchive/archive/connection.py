"""Open the archive file with the settings every command needs, or fail with one line.

Writers (crawl, import, reextract) use ``connect``; readers (search, show, stats, export,
serve) use ``connect_reader``, which never writes, so an analyst can read an archive in a
shared folder or a read-only copy that a researcher's cron job fills.
"""

from __future__ import annotations

import errno
import logging
import os
import re
import shlex
import sqlite3
import stat
import time
from collections.abc import Callable
from pathlib import Path

from newsarchive.archive.schema import (
    ARCHIVE_TABLES,
    REKEYED_AT,
    RESPELLED_AT,
    SAME_COLUMNS_SINCE,
    SCHEMA_VERSION,
    UNRECORDED_UNTIL,
    NewerSchema,
    check_version,
    ensure_schema,
)
from newsarchive.errors import ArchiveBusy, ArchiveError, ArchiveGone, ArchiveWriteError
from newsarchive.site_clock import page_instant

DEFAULT_DB = "newsarchive.db"

# Values one ``IN (?, …)`` query binds: under the parameter limit of SQLite before 3.32
# (999), which an older system's Python still links against.
PARAMETERS_PER_QUERY = 500

log = logging.getLogger(__name__)


def resolve_db_path(db: str | os.PathLike[str] | None) -> Path:
    """``--db``, else ``$NEWSARCHIVE_DB``, else ``./newsarchive.db``. A leading ``~`` is the
    home folder: cron does not expand it in a crontab's ``NEWSARCHIVE_DB=~/news.db``, and
    the nightly crawl failed on a folder named "~"."""
    return Path(db or os.environ.get("NEWSARCHIVE_DB") or DEFAULT_DB).expanduser()


def add_functions(conn: sqlite3.Connection) -> None:
    """The SQL functions archive queries use, on every connection that runs them (ours,
    and Datasette's through the plugin): ``newsarchive_fold`` folds case the way Python
    does, Cyrillic included, which SQLite's ``lower()`` and ``LIKE`` do only for ASCII;
    ``newsarchive_instant`` is the moment a page's date gives (``site_clock.page_instant``:
    a time printed without a zone is Sofia's, where ``julianday`` reads UTC)."""
    conn.create_function("newsarchive_fold", 1, _fold, deterministic=True)
    conn.create_function("newsarchive_instant", 1, page_instant, deterministic=True)


def _fold(text: str | None) -> str:
    return " ".join(text.casefold().split()) if text else ""


def connect(path: Path, *, create: bool) -> sqlite3.Connection:
    """A WAL connection for writers, with a busy timeout so readers work while a crawl writes.

    ``create=False`` (reextract; the one-time upgrade readers ask for) refuses a missing
    file or a foreign database.
    """
    if create:
        check_creatable(path)
    else:
        check_path(path)
    _remember(path)
    # Said before SQLite is asked: it opens an unwritable file read-only without a word
    # and fails at the first write, deep inside a crawl or an import.
    if why := unwritable(path):
        raise ArchiveError(f"cannot write archive {path}: {why}")
    try:
        conn = sqlite3.connect(path, timeout=BUSY_WAIT_S)  # its busy_timeout (``BUSY_WAIT_S``)
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        foreign = _foreign(conn, path, tables, create=create)  # before WAL changes the file
        if foreign is not None:
            conn.close()
            raise foreign
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        if create and mode != "wal":
            _switch_to_wal(conn)
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        add_functions(conn)
    except sqlite3.DatabaseError as exc:
        if is_busy(exc):  # (another command wrote all the while: "try later", exit 75)
            raise write_failure(exc, f"cannot open archive {path}") from None
        raise _open_failure(exc, f"cannot open archive {path}", path) from None
    # Every command, readers too, upgrades an archive an older version wrote; on a current
    # archive this costs one PRAGMA read.
    try:
        version = check_version(conn)
    except NewerSchema as exc:
        conn.close()
        raise ArchiveError(f"cannot open archive {path}: {exc}") from None
    except sqlite3.DatabaseError as exc:  # (the WAL's 32 KiB -shm: no room, or past a limit)
        conn.close()
        raise _open_failure(exc, f"cannot open archive {path}", path) from None
    if create or version < SCHEMA_VERSION:
        doing = f"cannot prepare archive {path}"
        if "articles" in tables and version < SCHEMA_VERSION:
            doing = _upgrading(path, version)
        try:
            _ensure_while_moving(conn, version)
        except _UpgradeBusy as busy:
            conn.close()
            raise _upgrade_busy(busy, doing) from None
        except sqlite3.DatabaseError as exc:
            conn.close()
            if is_busy(exc):
                raise write_failure(exc, doing) from None
            raise _open_failure(exc, doing, path) from None
    return conn


# How long the switch to WAL sleeps between tries while another connection writes
_WAL_RETRY_S = 0.05


def _switch_to_wal(conn: sqlite3.Connection) -> None:
    """Turn an archive an older release wrote in rollback mode to WAL, waiting as every
    other statement waits (``BUSY_WAIT_S``) while another command writes. SQLite does not
    wait here itself: where another connection holds the write lock (a search upgrading
    that archive as it opens it), the switch needs the whole file and is refused at once,
    "database is locked", no busy handler asked (it would deadlock); so a nightly crawl
    opening the archive beside two searches exited 2 ("cannot open archive"), 1 of 40
    torture trials. Tried again until the wait runs out, then busy as any wait is."""
    deadline = time.monotonic() + BUSY_WAIT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not is_busy(exc) or time.monotonic() >= deadline:
                raise
        time.sleep(_WAL_RETRY_S)


class _UpgradeBusy(Exception):
    """An upgrade's wait ran out: the versions it began at and found last tell who held
    the lock."""

    def __init__(self, exc: sqlite3.DatabaseError, start: int, now: int) -> None:
        super().__init__(str(exc))
        self.start, self.now = start, now


def _ensure_while_moving(conn: sqlite3.Connection, version: int) -> None:
    """``ensure_schema``, waiting again each time another process committed an upgrade
    step during the wait. Two commands started on an older release's archive (a search
    while the nightly crawl opens it) both upgrade it: the second waited
    ``BUSY_WAIT_S`` once and exited 75 blaming "a sqlite3 shell", while the first was
    still moving step by step (a 200,000-article archive takes minutes). A wait in which
    the version did not move still ends the command: a step that holds the lock that long,
    or a shell's open transaction, is "try later"."""
    start = version
    while True:
        try:
            ensure_schema(conn)
            return
        except sqlite3.DatabaseError as exc:
            if not is_busy(exc):
                raise
            now = check_version(conn)  # (a WAL read: the other's commits, not its step)
            if now <= version:
                raise _UpgradeBusy(exc, start, now) from None
            version = now


def _upgrade_busy(busy: _UpgradeBusy, doing: str) -> ArchiveBusy:
    """Exit 75 for an upgrade that waited in vain, naming the likelier holder: another
    newsarchive upgrading it when the version moved (or had still to), a sqlite3 shell's
    open transaction otherwise being as likely."""
    if busy.now > busy.start:
        who = (
            f"another newsarchive command is upgrading it (at schema v{busy.now} now) and"
            f" its step kept the write lock over {BUSY_WAIT_S} s"
        )
    else:
        who = (
            f"another program kept the archive locked for writing over {BUSY_WAIT_S} s"
            " (another newsarchive command upgrading it, or a transaction left open in a"
            " sqlite3 shell or a script)"
        )
    return ArchiveBusy(
        f"{doing}: {who}; what was archived before is intact, try again when it is done"
    )


def _upgrading(path: Path, version: int) -> str:
    """Say that the archive an older release wrote is being upgraded, and return what a
    failure of it says. Any command upgrades it, a search too: it ran silently, a search on
    a 200,000-article archive busy for minutes without a word, the file then refused by
    the release that wrote it; and a full disk mid-way said "cannot prepare archive", not
    that the steps done are kept and the next command resumes from them."""
    log.warning(
        "archive %s was written by an older release (schema v%d): upgrading it to v%d, once"
        " (a large archive takes minutes; older releases cannot open it afterwards)",
        path, version, SCHEMA_VERSION,
    )  # fmt: skip
    return (
        f"cannot upgrade archive {path} from schema v{version} to v{SCHEMA_VERSION} (the"
        " steps done are kept; any command resumes it)"
    )


def _open_failure(exc: sqlite3.DatabaseError, doing: str, path: Path | None = None) -> ArchiveError:
    """Why the archive could not be opened or prepared: a full or failing disk exits 74, as
    a run that fills it does (the next night's open said exit 2, "bad usage or input");
    a damaged file is said as every command says it; anything else is a setup to fix.
    A disk with no room for the 32 KiB ``-shm`` a WAL archive's open makes is said full:
    SQLite said "disk I/O error" of it, a disk failing, to a cron admin who had only to
    free some space."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR):
        if path is not None and _file_size_limit() is None and (free := _room(path)) is not None:
            return ArchiveWriteError(
                f"{doing}: {exc}: the disk is full ({free} bytes free where the archive is)"
            )
        return ArchiveWriteError(f"{doing}: {_disk_why(exc)}")
    if code == sqlite3.SQLITE_CORRUPT:
        return damaged(exc)
    return ArchiveError(f"{doing}: {_why(exc)}")


# Every schema version had these; an ``articles`` table without them is another program's.
_ARTICLE_COLUMNS = ("site", "url", "title", "text")


def _foreign(
    conn: sqlite3.Connection, path: Path, tables: set[str], *, create: bool
) -> ArchiveError | None:
    """Why the database is no archive to create or upgrade, checked before anything is
    written: a mistyped ``--db`` naming another program's SQLite file (a browser's
    history, an app's data) must not have a crawl add its tables beside that program's,
    nor a search "upgrade" a foreign ``articles`` table, half-way, into an error. Only a
    file with no tables at all becomes a new archive."""
    if "articles" not in tables:
        return not_an_archive(path, tables) if tables or not create else None
    columns = {r[1] for r in conn.execute("PRAGMA table_info(articles)")}
    missing = [c for c in _ARTICLE_COLUMNS if c not in columns]
    if missing:
        return ArchiveError(
            f"{path} is not a newsarchive archive (its articles table has no {missing[0]}"
            " column): another program's database?"
        )
    return None


# Every writer's busy timeout, and a command's reader's. Set by ``sqlite3.connect``'s
# ``timeout`` alone, the one place: it is SQLite's own busy_timeout for the connection's
# whole life (CPython calls ``sqlite3_busy_timeout`` with it), so the first read of an
# open and every later statement wait as long; a PRAGMA repeating it could only disagree.
BUSY_WAIT_S = 30


def is_busy(exc: sqlite3.DatabaseError) -> bool:
    """SQLite gave up waiting for another connection's write lock (SQLITE_BUSY/LOCKED)."""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    return code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or "database is locked" in str(exc)


_DAMAGE_WORDS = ("malformed", "not a database", "corrupt")


def is_damaged(exc: sqlite3.DatabaseError) -> bool:
    """SQLite met a page it cannot read, or the archive lacks a table of its schema
    (``missing_table``): the file is damaged (a bad input, not a write that failed).

    By SQLite's error code when it gave one (SQLITE_CORRUPT, its FTS5 index's too, and
    SQLITE_NOTADB), its words only when not: "malformed JSON", an SQL function's error
    of a cell (Datasette's facets ask it of every text column ``serve`` shows), is no
    damaged file."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        bad_page = code & 0xFF in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)
    else:
        bad_page = any(word in str(exc) for word in _DAMAGE_WORDS)
    return bad_page or missing_table(exc) is not None


# SQLite's words for a table the statement names and the database has not ("main.runs"
# when the statement named its schema)
_NO_SUCH_TABLE = re.compile(r"no such table: (?:\w+\.)?(\w+)")


def missing_table(exc: sqlite3.DatabaseError) -> str | None:
    """The table of the archive's schema that ``exc`` says the archive lacks, or None.

    An archive at today's version has every table (``ARCHIVE_TABLES``), so one missing
    was dropped after: by hand in a sqlite3 shell, by another program, or lost by a
    recovery. Each command met it only at the statement reading it, and said "internal
    error: OperationalError: no such table: runs" (exit 70, a bug), "the search index
    could not run this query" (the query's fault), or, importing, "disk full" (74).
    A table no archive has stays a bug."""
    match = _NO_SUCH_TABLE.search(str(exc))
    if match is None:
        return None
    name = match.group(1)
    # (a shadow table, ``articles_fts_config``, is named for the index it is part of)
    owner = name.split("_fts_")[0] + "_fts" if "_fts_" in name else name
    return owner if owner in ARCHIVE_TABLES else None


def archive_failure(exc: sqlite3.DatabaseError) -> ArchiveError | None:
    """What SQLite's error means where the code meeting it did not say, or None (a bug):
    in a command (``cli_errors.handled``) and in a page ``serve`` answers (``web.followed``).

    The archive damaged past its first pages (a truncated copy, a disk fault): opening it
    succeeds, and the query reaching a bad page fails, in any command. A damaged file is
    a bad input, not a bug (exit 2, not 70). Another program holding the write lock past
    the wait (a ``reextract`` meeting a sqlite3 shell's open transaction) is "try later"
    (exit 75), as it is for a crawl or an import."""
    if is_busy(exc):
        return write_failure(exc)
    if not is_damaged(exc):
        return None
    return damaged(exc)


# The archive this process opened last (``connect``, ``open_read_only``): what ``damaged``
# names in the commands it gives. A command opens one archive; so does ``serve``.
_opened: list[Path] = []


def _remember(path: Path) -> None:
    _opened[:] = [path]


def damaged(why: object) -> ArchiveError:
    """The one line for an archive SQLite found damaged, whichever command met it: a damaged
    file is a bad input (exit 2), not a bug, and not a disk to free (74). One lacking a
    table is told how its articles move to a new archive: a recovery cannot bring a
    dropped table back, and export reads the articles alone.

    The commands it gives name the archive opened (``_opened``), shell-quoted: they said
    "sqlite3 ARCHIVE .recover", a word to replace, which a cron mail's reader copied as
    it was."""
    archive = shlex.quote(str(_opened[0])) if _opened else "ARCHIVE"
    if isinstance(why, sqlite3.DatabaseError) and (table := missing_table(why)) is not None:
        return ArchiveError(
            f"the archive is damaged: its table {table} is missing (dropped by hand or by"
            " another program?); its articles move to a new archive with"
            f" export --db {archive} --out all.jsonl, then import-jsonl all.jsonl --db NEW.db"
        )
    return ArchiveError(
        f"the archive is damaged: {why} "
        f"(sqlite3 {archive} .recover | sqlite3 NEW.db saves what is readable)"
    )


def check_intact(conn: sqlite3.Connection, stopped: Callable[[], bool] = lambda: False) -> None:
    """``damaged`` when SQLite's quick check finds a bad page anywhere in the archive.

    A crawl that finds nothing new reads and writes a few pages only: a nightly run on a
    file damaged elsewhere (a disk fault, a copy cut short) exited 0 night after night,
    while search, stats and export failed on it. The check reads the whole file once
    (1.6 s for 1.4 GB in the page cache, 5.6 s from a cold disk: the week's first crawl
    asks it, ``crawl_sites.check_due``): ``stopped`` (a signal's) ends it unfinished, as
    a signal ends the crawl after it (an older SQLite asks only between tables)."""
    # (a signal's handler runs only between Python's steps: not in one long SQLite call)
    conn.set_progress_handler(lambda: int(stopped()), 100_000)
    try:
        found = [str(row[0]) for row in conn.execute("PRAGMA quick_check")]
    except sqlite3.DatabaseError as exc:
        if stopped():
            return
        if is_damaged(exc):
            raise damaged(exc) from None
        raise
    finally:
        conn.set_progress_handler(None, 0)
    # ("*** in database main ***" opens the first row, a line of its own)
    lines = [line for row in found for line in row.splitlines()]
    problems = [line for line in lines if line != "ok" and not line.startswith("***")]
    if problems:
        raise damaged(problems[0])


def write_failure(
    exc: sqlite3.DatabaseError, doing: str = "cannot write the archive"
) -> ArchiveError:
    """The error for a write that SQLite refused: ``ArchiveBusy`` (exit 75, try later) when
    another program held the archive's write lock past the wait, ``damaged`` (exit 2) when
    it met a bad page (a crawl said "cannot write the archive", exit 74: a disk to free,
    where the file needs recovering), else an I/O failure."""
    if is_damaged(exc):
        return damaged(exc)
    if is_busy(exc):
        return ArchiveBusy(
            f"{doing}: another program kept the archive locked for writing over"
            f" {BUSY_WAIT_S} s (a transaction left open in a sqlite3 shell or a script?);"
            " what was archived before is intact, try again later"
        )
    return ArchiveWriteError(f"{doing}: {_disk_why(exc)}")


def _disk_why(exc: sqlite3.DatabaseError) -> str:
    """Why a write SQLite refused as a full disk or an I/O error failed: a file size limit
    (``ulimit -f``, RLIMIT_FSIZE, set in a crontab or a service's unit) when this process
    has one. SQLite said only "disk I/O error" (a write the limit refused, EFBIG) or
    "database or disk is full" (one it cut short) of it, which sent the reader to a disk
    with room to spare. The errno that tells them apart is kept by SQLite, which Python
    does not ask for; under a finite limit a failing disk is the rarer cause, so
    SQLite's own words stay in the line. (Python ignores SIGXFSZ: the write fails instead
    of the process being killed.)"""
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    limit = _file_size_limit()
    if limit is None and code == sqlite3.SQLITE_FULL:
        # (SQLite's words alone named no remedy, and left a reader to wonder what the
        # write it refused had cost)
        return f"{exc}: free space on its disk and run again; what was archived is kept"
    if limit is None or code not in (sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR):
        return str(exc)
    return (
        f"the archive cannot grow: file size limit (ulimit -f) of {limit} bytes reached"
        f" (SQLite: {exc}); raise it ('ulimit -f unlimited') and run again"
    )


# Room an open of a WAL archive needs beside it: its -shm (32 KiB) and a first WAL frame
_OPEN_ROOM = 64 * 1024


def _room(path: Path) -> int | None:
    """The bytes free on the archive's file system when they are too few to open it, else
    None (a failure with room to spare is no full disk's)."""
    try:
        found = os.statvfs(path.parent)
    except OSError:
        return None
    free = found.f_bavail * found.f_frsize
    return free if free < _OPEN_ROOM else None


def _file_size_limit() -> int | None:
    """This process's file size limit in bytes (RLIMIT_FSIZE's soft one), None when there
    is none (or the system has no such limit)."""
    try:
        import resource
    except ImportError:  # (not on Windows)
        return None
    soft, _ = resource.getrlimit(resource.RLIMIT_FSIZE)
    return None if soft == resource.RLIM_INFINITY else soft


def _why(exc: sqlite3.DatabaseError) -> str:
    """SQLite's reason, with what it means when the file or its folder is not writable."""
    text = str(exc)
    if "readonly" in text or "unable to open" in text:
        return f"{text} (the archive or its folder is read-only for this user)"
    return text


def unwritable(path: Path) -> str:
    """What keeps this user from writing the archive at ``path`` (the file, or the folder
    SQLite makes its journal in), as an error says it; "" when nothing does. A file
    system mounted read-only (a snapshot, a DVD, a share mounted so) is said so: "read-only
    for this user" sent them looking for a user who could write it, and none can."""
    for target in (path, path.parent) if path.exists() else (path.parent,):
        if not os.access(target, os.W_OK):
            what = "archive" if target == path else f"archive's folder {target}"
            if _on_read_only_mount(target):
                return f"the {what} is on a file system mounted read-only"
            return f"the {what} is read-only for this user"
    return ""


def _on_read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:  # (not there: then it is no mount's doing)
        return False


def connect_reader(path: Path) -> sqlite3.Connection:
    """A read-only connection: ``mode=ro``, or ``immutable=1`` when even the ``-shm`` file
    of a WAL archive cannot be created (a folder the user cannot write).

    An archive an older version wrote is first upgraded through ``connect`` when the user
    can write it. One the user cannot write (an analyst's read-only copy, a shared
    folder) is read as it is, with a warning, when its columns are today's
    (``read_old_schema``), as refusing to read what is all there would help nobody;
    else the command fails with one line saying how to upgrade it.
    """
    check_path(path)
    conn, _ = open_read_only(path)
    version = check_reader(conn, path)
    if version < SCHEMA_VERSION:
        cannot = unwritable(path)
        if not cannot:
            conn.close()
            connect(path, create=False).close()  # the one-time upgrade
            conn, _ = open_read_only(path)
            return conn
        where = (
            "'newsarchive stats --db COPY' once on a copy of it on a writable disk, and"
            " read the copy"
            if _on_read_only_mount(path)
            else None
        )
        try:
            read_old_schema(path, version, cannot, where)
        except ArchiveError:
            conn.close()
            raise
        if version < max(UNRECORDED_UNTIL.values()):
            read_access_unrecorded(conn)
    return conn


def read_access_unrecorded(conn: sqlite3.Connection) -> None:
    """An archive older than ``articles.access`` (v31), ``articles.text_source`` (v33) or
    ``articles.language`` (v34),
    read as it is (this reader cannot upgrade it; ``serve`` never does): its rows as
    today's readers read them, each column it lacks NULL (``UNRECORDED_UNTIL``), as the
    upgrade would leave it. A temporary view, in the connection's own memory, shadows the
    table: the file is not written."""
    have = {row[1] for row in conn.execute("PRAGMA main.table_info(articles)")}
    missing = [column for column in UNRECORDED_UNTIL if column not in have]
    if have and missing:
        nulls = "".join(f", NULL AS {column}" for column in missing)
        conn.execute(
            f"CREATE TEMP VIEW IF NOT EXISTS articles AS SELECT *{nulls} FROM main.articles"
        )


def read_old_schema(path: Path, version: int, why: str, where: str | None = None) -> None:
    """An archive an older release wrote, read without its upgrade (``why``: what keeps
    it from being upgraded): a one-line warning when its tables and columns are today's
    (``SAME_COLUMNS_SINCE``: only its stored keys and spellings predate today's, so
    ``show`` may miss an article by an address the upgrade would have re-keyed, and a
    search a word it would have composed); otherwise an ``ArchiveError`` (exit 2) saying
    to run a command once with write access (``where``: how, when not as another user)."""
    if version >= SAME_COLUMNS_SINCE:
        # (said for every re-keying and respelling still to come: a v24 archive read so
        # was read without a word, its article under ``/novini/5/index.html`` not found
        # by ``show`` at that very address, and one under two spellings listed twice)
        misses = [
            "'show' may not find an article by an address an older release keyed otherwise"
            " (a redirector's, a menu's, a tracking or return field's, a folder's index"
            " page), and a search may list one article twice" * (version < max(REKEYED_AT)),
            "a search may miss a word stored with its accent apart from its letter, a"
            " stress mark, a Latin look-alike or an invisible or control character inside"
            " it" * (version < max(RESPELLED_AT)),
        ]
        if not any(misses):  # (the steps left add what only a crawl reads)
            return
        log.warning(
            "archive %s is schema v%d, not upgraded to v%d (%s): read as it is; %s until"
            " a command run with write access upgrades it",
            path, version, SCHEMA_VERSION, why, ", and ".join(filter(None, misses)),
        )  # fmt: skip
        return
    raise ArchiveError(
        f"cannot read archive {path}: it is schema v{version}, which this release must"
        f" upgrade to v{SCHEMA_VERSION} before reading, and {why}: run"
        f" {where or _AS_WRITER.format(path=path)}"
    )


_AS_WRITER = "'newsarchive stats --db {path}' once as a user who can write it and its folder"


def check_not_archive(path: Path, db: Path, option: str) -> None:
    """Refuse an output file that is the archive or one of SQLite's files beside it: an
    ``export --out`` naming the archive (a slip of the shell's completion) truncated it,
    or renamed the export over it, and a ``--log-file`` so named appended text to it;
    either way every article was lost. Compared as files, so another spelling, a symlink
    or a hard link of the archive is caught too."""
    real = os.path.realpath(db)  # (SQLite names its -wal beside the link's target too)
    for suffix in ("", "-wal", "-shm", "-journal", ".lock"):
        target = Path(f"{real}{suffix}")
        try:
            same = os.path.samefile(path, target)
        except OSError:  # one of them does not exist (yet): compare where they would be
            # (``realpath``: ``Path.resolve`` raised RuntimeError on a loop of symlinks,
            # "internal error", where the write then says "Too many levels of symbolic links")
            same = os.path.realpath(path) == os.path.realpath(target)
        if same:
            what = "the archive" if not suffix else f"the archive's {suffix.lstrip('-.')} file"
            raise ArchiveError(
                f"{option} {path} is {what} ({db}): writing there would destroy it;"
                " name another file"
            )


def check_path(path: Path, *, missing_ok: bool = False) -> None:
    """The one-line errors for a path that cannot be an archive to open (``missing_ok``:
    one that ``connect`` is about to create). A path that cannot be looked at is said as
    the system says it: a name too long (``Path.exists`` raised it, an internal error in
    every command), a loop of symbolic links (which read as "no archive")."""
    try:
        status = path.stat()
        mode = status.st_mode
    except OSError as exc:
        if exc.errno not in (errno.ENOENT, errno.ENOTDIR):
            raise ArchiveError(f"cannot open archive {path}: {exc.strerror}") from None
        if not missing_ok:
            raise ArchiveError(
                f"no archive at {path} (run 'newsarchive crawl' or pass --db)"
            ) from None
        return
    if stat.S_ISDIR(mode):
        raise ArchiveError(f"cannot open archive {path}: it is a directory")
    if not stat.S_ISREG(mode):  # /dev/zero read as "empty", /dev/null as I/O
        raise ArchiveError(f"cannot open archive {path}: it is no file (a device or a pipe)")
    if status.st_size == 0 and _reads_text(path):
        # (a kernel's file, /proc/version or /sys/…: sized 0, so SQLite read it as an empty
        # database, "no archive yet … a first crawl may be creating it")
        raise ArchiveError(
            f"cannot open archive {path}: it is no file SQLite can read (a kernel's, as in"
            " /proc or /sys: sized 0, it reads as text)"
        )


def _reads_text(path: Path) -> bool:
    """Whether a file whose size is 0 gives bytes when read: a pseudo-file of /proc or
    /sys, not an archive a first crawl has just created (which reads as empty)."""
    try:
        with path.open("rb") as handle:
            return bool(handle.read(1))
    except OSError:  # (unreadable: SQLite says so in its own words)
        return False


def check_creatable(path: Path) -> None:
    """``check_path`` for an archive a writer may create (``connect``, and the crawl's
    lock beside it, made first): its folder must be there too."""
    check_path(path, missing_ok=True)
    if not path.parent.is_dir():
        raise ArchiveError(f"cannot create archive {path}: folder {path.parent} does not exist")


def check_reader(conn: sqlite3.Connection, path: Path) -> int:
    """The schema version of a read-only connection to an archive; closes it and fails
    with one line when it is not an archive or a newer release wrote it."""
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        version: int = conn.execute("PRAGMA user_version").fetchone()[0]
        foreign = _foreign(conn, path, tables, create=False)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise ArchiveError(f"cannot open archive {path}: {exc}") from None
    if foreign is not None:  # ("written by an older newsarchive", serve said of one)
        conn.close()
        raise foreign
    if version > SCHEMA_VERSION:
        conn.close()
        raise ArchiveError(f"cannot open archive {path}: {NewerSchema(version)}")
    return version


def not_an_archive(path: Path, tables: set[str]) -> ArchiveError:
    """The error for a database without an articles table. One with no tables at all is
    an archive not yet created: a first crawl makes the file a moment before its schema
    is committed, and a search run in that moment must not be told the file is some other
    program's database. Said as "holds no tables", not "is empty": the file may hold a
    database's first page already (8 KB of SQLite header and nothing else)."""
    if not tables:
        return ArchiveError(
            f"no archive at {path} yet: it holds no tables (a first crawl may be creating"
            " it; try again in a moment, or run 'newsarchive crawl')"
        )
    names = ", ".join(sorted(tables)[:3]) + (", …" if len(tables) > 3 else "")
    return ArchiveError(
        f"{path} is not a newsarchive archive (no articles table; its tables: {names})"
    )


def open_read_only(
    path: Path, *, wait: float | None = None, warn: bool = True
) -> tuple[sqlite3.Connection, str]:
    """A connection that never writes, and the ``file:`` URI it was opened with: ``mode=ro``,
    plus ``immutable=1`` when a read-only open fails (a WAL archive whose ``-shm`` cannot
    be created). Immutable skips locking and the WAL file, so changes a crawl has not yet
    checkpointed into the main file are not seen; a finished crawl leaves none.

    A writer's lock is waited out (``wait``; none given, ``BUSY_WAIT_S``, as long as
    writers wait, for a command; a web page asks less) and then is ``ArchiveBusy`` (exit
    75), never a reason to open immutable: on a rollback-journal archive the lock means
    pages are being written into the main file, and an immutable read there could see
    half a transaction.

    The connection that proved the URI works is the one returned, so finding out how to
    open the archive costs no second open. ``warn``: say that an immutable open leaves a
    ``-wal``'s changes unread (False: the caller said it already for these files)."""
    _remember(path)
    base = path.resolve().as_uri() + "?mode=ro"
    error: sqlite3.DatabaseError | None = None
    wait = BUSY_WAIT_S if wait is None else wait
    uris = [base, base + "&immutable=1"]
    if _would_leave_shm(path.resolve()):
        uris = uris[1:]
    for uri in uris:
        try:  # (a file this user cannot read fails here: "unable to open database file")
            conn = sqlite3.connect(uri, uri=True, timeout=wait)
        except sqlite3.OperationalError as exc:
            error = exc
            continue
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.OperationalError as exc:  # cannot open: try immutable
            conn.close()
            if is_busy(exc):
                raise write_failure(exc, "cannot read the archive") from None
            error = exc
            continue
        except sqlite3.DatabaseError as exc:  # not a database, or damaged: no second try
            conn.close()
            raise _open_failure(exc, f"cannot open archive {path}") from None
        add_functions(conn)
        if uri != base and warn:
            _warn_unread_wal(path)
        return conn, uri
    raise ArchiveError(f"cannot open archive {path}: {_unreadable(path) or error}")


def _unreadable(path: Path) -> str | None:
    """Why the system will not let this user read ``path`` (its ``strerror``), or None.

    SQLite says only "unable to open database file" of an archive whose mode keeps this
    user out (``600``, another's), which was exit 70, "internal error", where an
    unreadable folder was "Permission denied", exit 2."""
    try:
        with path.open("rb"):
            return None
    except OSError as exc:
        return exc.strerror


def _would_leave_shm(real: Path) -> bool:
    """Whether a ``mode=ro`` open would make the ``-shm`` and ``-wal`` of a WAL archive
    that this user cannot write, in a folder this user can: SQLite makes them owned by
    the reader, with the archive's mode (``rw-r--r--``), and leaves them after the read.
    An analyst's search in a shared folder (group-writable, the archive the researcher's)
    so made the researcher's next crawl or import fail, and every one after it, exit 74
    ("attempt to write a readonly database"), until someone deleted the two files. Such
    a reader opens immutable instead (``open_read_only``), as one whose folder is
    read-only does, while no writer is there (none has its ``-shm`` beside the file); a
    writer's own ``-shm`` is read as it is. A rollback-journal archive makes no ``-shm``."""
    if os.access(real, os.W_OK) or not os.access(real.parent, os.W_OK):
        return False
    if Path(f"{real}-shm").exists():
        return False
    try:
        with real.open("rb") as file:
            header = file.read(20)
    except OSError:
        return False
    return len(header) == 20 and header[18] == 2  # (format versions 2: a WAL archive)


def _warn_unread_wal(path: Path) -> None:
    """An immutable open reads no ``-wal``: one beside the archive holding changes (a crawl
    killed before its end left its last articles there, or one still runs) made ``stats``
    count fewer articles than the archive holds, without a word. The ``-wal`` is beside
    the file opened (``path`` resolved, as the open's URI is), not beside a symlink."""
    wal = Path(f"{path.resolve()}-wal")
    try:
        size = wal.stat().st_size
    except OSError:
        return
    if size > _WAL_HEADER:
        log.warning(
            "%s holds changes not yet in the archive (a crawl killed before its end, or one"
            " still running), which a folder or an archive this user cannot write keeps"
            " from being read: what is shown may miss them (a copy of both files in a"
            " folder you can write reads them)",
            wal,
        )


_WAL_HEADER = 32  # bytes of a -wal file that holds no change

# The archive's file, and SQLite's -wal and -shm beside it, as they stand on disk.
FilesState = tuple[tuple[int, int, int] | None, ...]


def files_state(path: Path) -> FilesState:
    """The inode, size and modification time of the archive's file and its ``-wal``, and
    the inode of its ``-shm`` (None for one that is not there), beside the file opened
    (``path`` resolved). A reader that cannot follow a writer by itself (an immutable
    open, ``open_read_only``) compares two of them to know the files changed since it
    opened them. A WAL writer makes the ``-wal`` and ``-shm`` before it changes the main
    file, and changes the ``-wal``'s size with every commit, so its start and its work are
    seen though a file's time may not move within a clock tick; what is in the ``-shm``
    (written through memory, its time unreliable) is the writer's business."""
    real = path.resolve()
    found: list[tuple[int, int, int] | None] = []
    for suffix in ("", "-wal", "-shm"):
        try:
            got = os.stat(f"{real}{suffix}")
        except OSError:
            found.append(None)
            continue
        whole = suffix != "-shm"
        found.append((got.st_ino, got.st_size * whole, got.st_mtime_ns * whole))
    return tuple(found)


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
            raise ArchiveGone(
                f"archive {self.path} was deleted or replaced during the crawl;"
                " what this run fetched since then is lost"
            )
