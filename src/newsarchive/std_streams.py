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
"""

from __future__ import annotations

import errno
import io
import os
import sys

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
