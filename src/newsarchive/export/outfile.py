"""An export's ``--out`` file: written whole, or not at all.

The rows are written beside the file (``.NAME.partial``) and renamed over it only once
complete, so an export that fails half-way (a damaged archive page, a full disk, Ctrl-C)
neither leaves half a file that looks like an export nor destroys the good one it was
to replace. A device or a pipe (``--out /dev/stdout``, a FIFO) is written as it is:
renaming over it would replace the device, not write to it. The new file keeps the old
one's permissions (an export kept 0600 must not become world-readable), and where no
side file can be made (a folder the user may not write, a name at the length limit)
the file is written in place, as before there was a side file.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from newsarchive.errors import OutputError, UsageError


@contextmanager
def written_whole(out: Path, mode: str, **options: Any) -> Iterator[IO[Any]]:
    """``out`` opened for writing (``mode`` "w" or "wb", ``options`` as ``open`` takes
    them), replaced only when the block completes; one line when it cannot be written.

    The side file is made inside the ``try`` that removes it: a SIGTERM's exception
    (``entry.Terminated``) raised at the first bytecode after it exists is inside it too.
    """
    side = _side_file(out)
    if side is not None:
        partial, real, old = side
        unmade = False  # (a side file that could not be opened is not ours to remove)
        try:
            try:
                handle = partial.open(mode, **options)
            except OSError:  # no room for one here: written in place, below
                unmade = True
            else:
                with handle:  # (closed whatever fails, keeping the owner too)
                    if old is not None:
                        _keep_owner(handle.fileno(), old)
                    yield handle
                os.replace(partial, real)
                return
        except OSError as exc:
            raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from None
        finally:
            if not unmade:
                partial.unlink(missing_ok=True)
    handle = _in_place(out, mode, options)
    try:
        with handle:
            yield handle
    except BrokenPipeError:  # a reader that stopped early is no failure, as on stdout:
        raise  # (`--out /dev/stdout | head -1` was "cannot write …: Broken pipe", exit 74)
    except OSError as exc:  # (a device: ``--out /dev/full``)
        raise OutputError(f"cannot write {out}: {exc.strerror or exc}") from None


def _side_file(out: Path) -> tuple[Path, Path, os.stat_result | None] | None:
    """The side file ``out`` is written through, with where it goes (a symlink's file is
    replaced, not the link) and what is there now; None where ``out`` is written in
    place: a descriptor, a device or a pipe. Nothing is made yet (``written_whole``)."""
    if _descriptor(out):
        return None
    real = Path(os.path.realpath(out))
    try:
        old = os.stat(real)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # (the side file was renamed over the loop's link)
            raise UsageError(f"cannot write {out}: {exc.strerror}") from None
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        return None
    return real.with_name(f".{real.name}.partial"), real, old


def _in_place(out: Path, mode: str, options: dict[str, Any]) -> IO[Any]:
    """``out`` itself opened: /dev/stdout the shell's own file, '>>' appended to."""
    if _descriptor(out):
        return _opened(out, out, mode.replace("w", "a"), options)
    return _opened(Path(os.path.realpath(out)), out, mode, options)


# A path that names an open descriptor, not a file: renaming over the file it leads to
# would leave the descriptor's (the shell's redirection) an orphan, and lose a '>>'.
_FD_PATH = re.compile(r"^/(?:dev|proc/[^/]+)/fd/\d+$|^/dev/std(?:out|err)$")


def _descriptor(out: Path) -> bool:
    path = os.path.abspath(out)
    for _ in range(16):  # the links from /dev/stdout to /proc/self/fd/1
        if _FD_PATH.match(path):
            return True
        if not os.path.islink(path):
            return False
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    return False


def _keep_owner(fd: int, old: os.stat_result) -> None:
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    try:  # (only root may give a file away; another user's export stays theirs)
        os.fchown(fd, old.st_uid, old.st_gid)
    except OSError:
        pass


def _opened(path: Path, out: Path, mode: str, options: dict[str, Any]) -> IO[Any]:
    try:
        return path.open(mode, **options)
    except OSError as exc:
        raise UsageError(f"cannot write {out}: {exc.strerror}") from None
