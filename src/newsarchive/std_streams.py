"""Standard streams the caller closed (``newsarchive search … >&-``, a daemon's job).

Python then sets ``sys.stdout`` (or ``sys.stderr``, ``sys.stdin``) to None, and the first
``print`` was "internal error: AttributeError: 'NoneType' object has no attribute
'isatty'", exit 70, as if it were a bug; with stderr closed even a bad query's exit 2 became
1, the error line having nowhere to go. The descriptor left free is also the next file
opened (the crawl's lock file could become fd 2, where any C-level message would land).

So each closed descriptor is opened on ``/dev/null``, and: stdout becomes a stream whose
writes fail as a closed stdout does (``EBADF``), so a command with output ends with its
one line and exit 74 (``cannot write output``) while one that prints nothing (``crawl
--quiet``) works; stderr becomes ``/dev/null`` (the caller chose not to hear), keeping each
exit code; stdin reads as empty.

A stderr that is open but takes nothing (a full disk, ``2>/dev/full``; a descriptor open
for reading only, ``2</dev/null``: ``EBADF``) is as deaf as a closed one, but its first
failed write raised inside a command: an error line failing was taken for the output
failing ("cannot write output"), whose own line failed in turn, and the exit was 1
whatever the command's (a bad query's 2, a full stdout's 74). So stderr is wrapped
(``DeafTolerant``): a write it refuses points it at ``/dev/null`` and the command goes
on, keeping its exit code; every ``OSError`` of writing that a command then meets is
its output's.
"""

from __future__ import annotations

import errno
import io
import os
import sys
from typing import Any, TextIO

CLOSED_STDOUT = "standard output is closed"


class ClosedOutput(io.TextIOBase):
    """stdout the caller closed: every write fails with ``EBADF``."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, CLOSED_STDOUT)

    def isatty(self) -> bool:
        return False


def reopen_closed() -> None:
    """Fill the standard descriptors the caller closed (see the module's docstring)."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is not None:
            continue
        devnull = os.open(os.devnull, os.O_RDWR)
        if devnull != fd:
            os.dup2(devnull, fd)
            os.close(devnull)
        if name == "stdin":
            sys.stdin = open(fd, encoding="utf-8", closefd=False)  # noqa: SIM115
        elif name == "stdout":
            sys.stdout = ClosedOutput()
        else:
            sys.stderr = open(fd, "w", encoding="utf-8", closefd=False)  # noqa: SIM115


class DeafTolerant(io.TextIOBase):
    """stderr whose writes never fail (see the module's docstring): once one does, the
    rest go to ``/dev/null``, and so does its descriptor, so the interpreter's last
    flush of what the failed write left buffered cannot fail again."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return self._stream.encoding

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return self._stream.errors

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError:
            self._deafen()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError:
            self._deafen()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def fileno(self) -> int:
        return self._stream.fileno()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)

    def _deafen(self) -> None:
        try:
            fd = self._stream.fileno()
        except (OSError, ValueError):
            fd = -1
        devnull = os.open(os.devnull, os.O_WRONLY)
        if fd >= 0:
            os.dup2(devnull, fd)
        os.close(devnull)
        self._stream = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115


def tolerate_deaf_stderr() -> None:
    """Wrap ``sys.stderr`` in ``DeafTolerant`` (the console command's stderr only)."""
    if not isinstance(sys.stderr, DeafTolerant):
        sys.stderr = DeafTolerant(sys.stderr)


def forget_unusable_width() -> None:
    """Drop a ``$COLUMNS`` that is no width (``0``, as a console nobody sized says).

    rich and Typer's help take any digits there as the terminal's width, and at 0 they
    drew every table, list and help page zero columns wide: stdout empty, exit 0, as if
    the archive held nothing. Without it the width is the terminal's own (a pipe's 120,
    ``render._console``), as for a ``$COLUMNS`` of letters, which rich ignores already."""
    columns = os.environ.get("COLUMNS")
    if columns is not None and not (columns.strip().isdigit() and int(columns) > 0):
        del os.environ["COLUMNS"]
