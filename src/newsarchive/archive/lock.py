"""An advisory lock so two crawls never write one archive at once (cron overlap).

``flock`` on ``<archive>.lock`` is released by the kernel when the holder dies, even by
SIGKILL, so a stale lock file never blocks the next night's run; and ``held_since`` can
tell a run that is still going from one whose process was killed before it could say so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import os
import re
import threading
import time
from pathlib import Path
from types import TracebackType

from newsarchive.archive.connection import check_creatable, unwritable
from newsarchive.errors import DISK_ERRNOS, ArchiveBusy, ArchiveError, ArchiveWriteError, LockHeld

# ``held_since`` holds a shared lock for an instant: a crawl starting in that instant
# tries again rather than exit 75 as if another crawl were writing
# A command's name as ``CrawlLock`` writes it after the pid ("crawl", "import-jsonl").
_COMMAND_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_TRIES = 3
_PAUSE = 0.05


def lock_path(db: Path) -> Path:
    """Beside the archive's real file: two crawls naming one archive through a symlink and
    its target took two locks (``link.db.lock``, ``a.db.lock``) and ran at once."""
    real = Path(os.path.realpath(db))
    return real.with_name(real.name + ".lock")


class CrawlLock:
    """Hold for the duration of a crawl: ``with CrawlLock(db_path): ...``."""

    def __init__(self, db: Path, command: str = "crawl") -> None:
        # a folder or a device named as the archive, or a missing folder, is said as the
        # archive's open says it, before a lock file is made beside it (a crawl --db
        # /dev/null created /dev/null.lock), or its name is taken (--db / has none: an
        # internal error)
        check_creatable(db)
        self.db = db
        self.command = command  # written beside the pid: who a run that meets it waits for
        self.path = lock_path(db)
        self._fd: int | None = None
        self._file: tuple[int, int] | None = None  # the locked file's (device, inode)
        self._keeping = threading.Lock()  # (the sites' threads all call ``keep``)
        # (pid, command) of a holder that died holding the lock: ``__exit__`` empties the
        # file, so one that still names a holder when the lock is taken was not released
        self.abandoned: tuple[str, str] | None = None

    def __enter__(self) -> CrawlLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            # (an archive this user cannot write is said as ``connect`` says it: its lock
            # file, met first, said "Permission denied" of a file it had not named)
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS) and (
                why := unwritable(self.db)
            ):
                raise ArchiveError(f"cannot write archive {self.db}: {why}") from None
            raise _lock_failure(f"cannot create lock file {self.path}", exc) from None
        try:
            left = self._take(fd)
        except BaseException as exc:
            os.close(fd)
            if not isinstance(exc, OSError):  # (LockHeld)
                raise
            # a FIFO or a device where the lock file should be, a file system without
            # locks: that was a traceback (exit 1), and no line in the crawl's log
            raise _lock_failure(f"cannot use lock file {self.path}", exc) from None
        self._fd = fd
        self._file = _identity(os.fstat(fd))
        died = bool(left) and left[0].isdecimal()  # (a file of other bytes names no holder)
        self.abandoned = (left[0], _command_named(left) or "crawl") if died else None
        _HELD[self.path] = self
        return self

    def keep(self) -> None:
        """Take the lock again when its file was deleted (or replaced) while held.

        After a ``kill -9`` the lock file stays, naming a dead pid, and looks stale: an
        admin or a cleanup script deleting it while the next run crawls let a crawl
        started then make a new file, lock it and write the archive beside this one.
        Called between pages: a crawl starting after that is refused again. ``ArchiveBusy``
        (exit 75) when one took the new file first: this run stops, the other goes on."""
        with self._keeping:
            if self._fd is None:
                return
            try:
                if _identity(os.stat(self.path)) == self._file:
                    return
            except FileNotFoundError:
                pass
            except OSError:
                return  # (cannot tell: the folder unreadable for a moment)
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            except OSError:
                return  # (the folder made read-only: nobody else can make it either)
            try:
                self._take(fd)
            except LockHeld as exc:
                os.close(fd)
                raise ArchiveBusy(
                    f"the lock file was deleted during the crawl, and {exc}".replace(
                        "; try later", ": this run stops; what it fetched is archived"
                    )
                ) from None
            except OSError:
                os.close(fd)
                return
            # the time the crawl took its lock, which ``held_since`` reads from the file:
            # the new file's own said the crawl's runs begun before were interrupted
            taken = os.fstat(self._fd).st_mtime_ns
            with contextlib.suppress(OSError):
                os.utime(fd, ns=(taken, taken))
            os.close(self._fd)
            self._fd, self._file = fd, _identity(os.fstat(fd))

    def _take(self, fd: int) -> list[str]:
        """Lock ``fd`` and write who holds it; what the file named before (a holder that
        died holding it); ``LockHeld`` naming the holder when another process holds it,
        OSError when the file cannot be locked or written."""
        for attempt in range(_TRIES):
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if attempt + 1 < _TRIES:
                    time.sleep(_PAUSE)
                    continue
                # "pid command" ("4242 reextract"): a nightly crawl that met a colleague's
                # reextract said "another crawl", and sent its admin to look for one
                said = os.pread(fd, 64, 0).decode("ascii", "replace").split()
                holder = said[0] if said else "unknown"
                command = _command_named(said) or "crawl or import"
                # a night's run still going the next night is a site or a disk to look
                # at, not a passing overlap
                since = _taken_at(fd)
                raise LockHeld(
                    f"another {command} (pid {holder}, since {since:%Y-%m-%d %H:%M} UTC) is"
                    f" writing {self.path.with_suffix('')}; try later"
                ) from None
        try:
            left = os.pread(fd, 64, 0).decode("ascii", "replace").split()
        except OSError:  # (a FIFO: ftruncate says why it is no lock file)
            left = []
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()} {self.command}\n".encode(), 0)
        return left

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        _HELD.pop(self.path, None)
        with self._keeping:
            if self._fd is not None:
                os.ftruncate(self._fd, 0)
                fcntl.flock(self._fd, fcntl.LOCK_UN)
                os.close(self._fd)
                self._fd = None


# The locks this process holds, by lock file: what ``keep_held`` asks between pages
_HELD: dict[Path, CrawlLock] = {}


def keep_held(db: Path) -> None:
    """``CrawlLock.keep`` for the lock this process holds on ``db``, if it holds one."""
    held = _HELD.get(lock_path(db))
    if held is not None:
        held.keep()


def forget_held() -> None:
    """In a process forked from a lock's holder: close its copies of the held locks' files,
    without unlocking them (``flock`` belongs to the open file, which the parent still
    holds). A forked child holding them kept the archive locked after its parent died:
    ``reextract``'s workers, orphaned by a ``kill -9``, made every later crawl exit 75
    naming the dead pid, until they were killed by hand."""
    for held in _HELD.values():
        if held._fd is not None:
            with contextlib.suppress(OSError):
                os.close(held._fd)
            held._fd = None
    _HELD.clear()


def _command_named(said: list[str]) -> str | None:
    """The command a lock file's words name after the pid ("4242 reextract"), or None
    when the second word is no command's name: a file written by hand or by another tool
    ("999999 2020-01-01") made the warning read "the last 2020-01-01 of this archive"."""
    word = said[1] if len(said) > 1 else ""
    return word if _COMMAND_WORD.fullmatch(word) else None


def _identity(found: os.stat_result) -> tuple[int, int]:
    return found.st_dev, found.st_ino


def _lock_failure(doing: str, exc: OSError) -> ArchiveError:
    """A lock file that cannot be made or written: exit 74 when the disk is full or failing,
    as the run that filled it exits (the next night said exit 2, "bad usage or input",
    and a wrapper telling a full disk by its code missed it); else a setup to fix (2)."""
    failure = ArchiveWriteError if exc.errno in DISK_ERRNOS else ArchiveError
    return failure(f"{doing}: {exc.strerror}")


def _taken_at(fd: int) -> dt.datetime:
    """When the lock open as ``fd`` was taken: its holder wrote its pid in it then."""
    return dt.datetime.fromtimestamp(os.fstat(fd).st_mtime, dt.UTC)


def held_since(db: Path) -> dt.datetime | None:
    """When the crawl holding ``db``'s lock now took it (the lock file's time: the holder
    writes its pid there), or None when no process holds it: a run with no finish time
    that began before then was killed (SIGKILL, a power cut) and will never finish.
    Nothing is created: a read-only copy of an archive has no lock file, and no crawl.
    ``ArchiveError`` when it cannot be told."""
    path = lock_path(db)
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ArchiveError(f"cannot read lock file {path}: {exc.strerror}") from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _taken_at(fd)
        except OSError as exc:
            raise ArchiveError(f"cannot test lock file {path}: {exc.strerror}") from None
        fcntl.flock(fd, fcntl.LOCK_UN)
        return None
    finally:
        os.close(fd)
