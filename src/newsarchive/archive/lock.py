"""An advisory lock so two crawls never write one archive at once (cron overlap).

``flock`` on ``<archive>.lock`` is released by the kernel when the holder dies, even by
SIGKILL, so a stale lock file never blocks the next night's run.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from newsarchive.errors import ArchiveError, LockHeld


class CrawlLock:
    """Hold for the duration of a crawl: ``with CrawlLock(db_path): ...``."""

    def __init__(self, db: Path) -> None:
        self.path = db.with_name(db.name + ".lock")
        self._fd: int | None = None

    def __enter__(self) -> CrawlLock:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise ArchiveError(f"cannot create lock file {self.path}: {exc.strerror}") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise LockHeld(
                f"another crawl (pid {holder}) is writing {self.path.with_suffix('')}; try later"
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        self._fd = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
