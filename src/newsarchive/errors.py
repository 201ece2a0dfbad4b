"""One exception root, so the CLI can turn every expected failure into one line and an exit code.

Foreign exceptions (httpx, sqlite3, tomllib) are translated at the stage boundary that
raises them. The codes are named here, so a report that earns one (a site's crawl, a
``check-site``) names it too; only the CLI (``cli.py``, ``cli_errors.py``) ends the
process with it (and ``entry.py``, which must not import even this module, with its own
copies of the two signals' codes before the CLI is loaded; a test holds them equal).
"""

from __future__ import annotations

import errno
import os

EXIT_OK = 0
EXIT_PARTIAL = 1
EXIT_USAGE = 2
# sysexits' EX_IOERR: what we write could not be written (disk full, read-only, deleted):
# a command's output, or the archive during a crawl
EXIT_IO = 74
EXIT_LOCKED = 75
# What a write that failed for the disk's sake (full, over quota or a size limit, failing)
# sets errno to: exit 74 whoever meets it, stdout, an --out file or the archive's lock
DISK_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})
EXIT_INTERNAL = 70  # a bug: one line, never a traceback (EX_SOFTWARE)
# A signal's, as a shell reports a process it ended (128 + the signal's number): a crawl
# stopped so exits with them (the next run resumes), any other command stopped says so
EXIT_SIGINT = 130
EXIT_SIGTERM = 143


def not_utf8(raw: bytes) -> str:
    """What is said of typed bytes that are no UTF-8 text (a Latin-1 terminal's argv, a
    link a windows-1251 page wrote): the CLI and the web page in one wording."""
    return f"'{raw.decode('utf-8', 'backslashreplace')}' holds bytes that are no UTF-8 text"


# What each code means, as a command's --help says it (``exits_help``): written beside
# the codes, so the help and the code that exits cannot disagree (six commands' help
# named none, and a script could not tell "nothing found" from "could not write")
EXIT_SAID = {
    EXIT_OK: "when all went well",
    EXIT_PARTIAL: "when part of the work failed (the rest is done)",
    EXIT_USAGE: "on bad usage or input (one line saying so)",
    EXIT_INTERNAL: "on a bug (one line, never a traceback)",
    EXIT_IO: "when the output could not be written (disk full, I/O error)",
    EXIT_LOCKED: "when another crawl or import (or program) holds the archive: try later",
    EXIT_SIGINT: "when stopped by Ctrl-C (SIGINT)",
    EXIT_SIGTERM: "when stopped by SIGTERM",
}


def exits_help(*codes: int, said: dict[int, str] | None = None) -> str:
    """The paragraph of a command's --help naming the codes it exits with; ``said``
    words one the command's own way (what "partial" is for an import)."""
    meanings = {**EXIT_SAID, **(said or {})}
    return "Exit " + ", ".join(f"{code} {meanings[code]}" for code in sorted(codes)) + "."


# Set, a bug's traceback is printed too (after its one line): on every command's last
# guard (``cli.main``) and for a site a crawl's bug stopped (``crawl_sites``), whose
# traceback the one line had kept from anyone asked to fix it
DEBUG_ENV = "NEWSARCHIVE_DEBUG"


def debugging() -> bool:
    """Whether $NEWSARCHIVE_DEBUG asks for a bug's traceback."""
    return bool(os.environ.get(DEBUG_ENV))


def internal_error(exc: BaseException) -> str:
    """How a bug (an exception no stage expected) is said in one line: on stderr, in a
    site's failures and in a crawl's log alike."""
    return f"internal error: {type(exc).__name__}: {exc}"


class NewsarchiveError(Exception):
    """Root of every error newsarchive raises on purpose."""

    exit_code = EXIT_USAGE


class UsageError(NewsarchiveError):
    """The user asked for something that cannot be done as asked (bad option, bad file)."""


class ProfileError(NewsarchiveError):
    """A site profile is unknown or invalid."""


class QueryError(NewsarchiveError):
    """A search query cannot be parsed. Its message quotes what was typed, which may hold
    a newline (a query pasted across lines: "«*\n0»"), so it is made one line here
    (``safe_text.as_one_line``: the newline written ``\n``), for every caller of the
    API as the command line's error line is, whichever of the parser's many messages
    quotes it."""

    def __init__(self, message: str) -> None:
        from newsarchive.safe_text import as_one_line

        super().__init__(as_one_line(message))


# The forms a date typed by a user takes (``archive.query.parse_date``), named by its
# error and by every --since/--until's help: the help said YYYY-MM-DD alone, long after
# 31.05.2024 was read too.
DATE_FORMS = "2024-05-31 or 31.05.2024"


class ArchiveError(NewsarchiveError):
    """The archive file cannot be opened, read or written."""


class ArchiveWriteError(ArchiveError):
    """Writing the archive failed mid-run: read-only, disk full, or the file was deleted.

    What was committed before stays; the run ends, since nothing more can be kept.
    """

    exit_code = EXIT_IO


class ArchiveGone(ArchiveWriteError):
    """The archive file was deleted or replaced under a running crawl: what the run wrote
    since went into a file nobody can open again, so no count of it may be reported."""


class ArchiveBusy(ArchiveWriteError):
    """Another program (a sqlite3 shell, a script: not a crawl or import, which hold the
    lock file) kept a write transaction on the archive open past SQLite's wait. Nothing
    is wrong with the file or the disk: like a crawl holding the lock, it means "try
    later", and a nightly job told so by its exit code (75) retries instead of paging
    someone about a disk (74) or a bug (70). So is a crawl that took the lock while this
    run's lock file was deleted under it (``CrawlLock.keep``): this run stops for it."""

    exit_code = EXIT_LOCKED


class FetchError(NewsarchiveError):
    """A URL could not be fetched after all retries."""

    def __init__(self, message: str, *, url: str, status: int | None = None) -> None:
        super().__init__(message)
        self.url = url
        self.status = status


class OutputError(NewsarchiveError):
    """What a command printed or exported could not be written (disk full, I/O error)."""

    exit_code = EXIT_IO


class LockHeld(NewsarchiveError):
    """Another crawl holds the archive's lock."""

    exit_code = EXIT_LOCKED
