"""How a command's failure reaches the user: one line on stderr and an exit code, never a
traceback, nor Typer's boxed usage.

Apart from ``cli`` so that the commands read as the command-line contract: this is the one
place that turns what went wrong (our errors, SQLite's, a failed write of stdout, click's
usage errors, a Ctrl-C) into that line and that code, for every command alike.
"""

from __future__ import annotations

import errno
import logging
import os
import shlex
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import typer
from typer.core import TyperGroup

from newsarchive.errors import (
    DISK_ERRNOS,
    EXIT_SIGINT,
    NewsarchiveError,
    OutputError,
)


class OneLineErrors(TyperGroup):
    """Usage errors (an unknown option or command, a value of the wrong kind) as one line
    on stderr and exit 2, like every other bad input; Typer draws them as a six-line box
    with the usage above it, which cron mails and log greps then have to parse."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except typer.Abort:  # Ctrl-C outside a command's own handling
            sys.stderr.write("newsarchive: interrupted\n")
            sys.exit(EXIT_SIGINT)
        except typer.TyperException as exc:  # Typer's own click: UsageError, BadParameter…
            status = getattr(exc, "exit_code", 1)
            format_message = getattr(exc, "format_message", None)
            shown = str(format_message() if format_message else exc).rstrip(".")
            ctx = getattr(exc, "ctx", None)
            where = f" (see '{ctx.command_path} -h')" if status == 2 and ctx is not None else ""
            where = _excluded_word_hint(exc, sys.argv[1:] if args is None else args) or where
            where = _site_option_hint(exc, ctx) or where
            if shown:  # no words at all: the help, printed already, was the answer
                err(shown + where)
            sys.exit(status)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx: Any) -> Any:
        """A Ctrl-C while a command runs, before any handler of its own stands (the crawl
        reading its profiles, taking the archive's lock), is said like any other: Typer
        turns KeyboardInterrupt into a silent exit 130, so the user saw nothing at all."""
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            sys.stderr.write("newsarchive: interrupted\n")
            raise typer.Exit(EXIT_SIGINT) from None
        except SystemExit as exc:  # a command's --help read by `head` or a pager quit early
            _help_cut_short(exc)
            raise

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)
        except SystemExit as exc:  # `newsarchive --help | head`
            _help_cut_short(exc)
            raise
        except BrokenPipeError:  # `newsarchive --version | head -0`: an eager option's
            # output, written while the arguments are read, before any command's guard
            # stands (click made it exit 1, saying nothing)
            _drop_stdout()
            raise typer.Exit(0) from None


def _help_cut_short(exc: SystemExit) -> None:
    """``newsarchive --help | head`` is exit 0, as every command's output cut short by its
    reader is: rich, which draws Typer's help, exits 1 on a broken pipe (having pointed
    stdout at /dev/null already)."""
    if exc.code == 1 and isinstance(exc.__context__, BrokenPipeError):
        raise typer.Exit(0) from None


# Characters of the query language that no option of ours is spelled with.
_QUERY_MARKS = ' :"*()'


def _site_option_hint(exc: Exception, ctx: Any) -> str:
    """``crawl --site bta``, as search, export and reextract spell a site: crawl names
    its sites as arguments, which Typer's "No such option: --site" did not say."""
    if type(exc).__name__ != "NoSuchOption" or getattr(exc, "option_name", "") != "--site":
        return ""
    if ctx is None or getattr(ctx.command, "name", "") != "crawl":
        return ""
    return ": crawl names its sites as arguments (newsarchive crawl bta ruse24)"


def _excluded_word_hint(exc: Exception, args: Sequence[str]) -> str:
    """Why a query opening with an excluded word ("-футбол детски", "-title:мач", as the
    search syntax writes -word) was read as short options -ф -у -т …, and how to pass it:
    no option of ours is spelled with a letter outside ASCII, a space or a mark of the
    query language (``-title:x``), so such a token was meant as the query. "" for every
    other unknown option (a mistyped --limt gets no hint)."""
    # (by name: Typer 0.28 raises its own vendored click's class, older Typers click's)
    if type(exc).__name__ != "NoSuchOption":
        return ""
    query = next(
        (
            arg
            for arg in args
            if arg.startswith("-")
            and not arg.startswith("--")
            and (not arg.isascii() or any(mark in arg for mark in _QUERY_MARKS))
        ),
        None,
    )
    if query is None:
        return ""
    others = " ".join(shlex.quote(arg) for arg in args if arg is not query)
    return (
        f": a query starting with -word goes after --: newsarchive {others} -- {shlex.quote(query)}"
    )


class StderrHandler(logging.Handler):
    """What the library reports on the way (an archive upgraded, say) as one stderr line."""

    def emit(self, record: logging.LogRecord) -> None:
        from newsarchive.safe_text import as_one_line

        said = "error: " if record.levelno >= logging.ERROR else ""
        sys.stderr.write(f"newsarchive: {said}{as_one_line(record.getMessage())}\n")


def err(message: str) -> None:
    from newsarchive.safe_text import as_one_line

    sys.stderr.write(f"newsarchive: error: {as_one_line(message)}\n")


# Errors of writing output (not of reading input): the disk or device is full or failing,
# or the caller closed stdout (``std_streams.ClosedOutput``) or opened it for reading only
# (EBADF). stderr's never reach here (``std_streams.DeafTolerant``), nor an ``--out``
# file's (``export.outfile.written_whole`` names the file): what is left is stdout's.
_OUTPUT_ERRNOS = DISK_ERRNOS | {errno.EBADF}


def _drop_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail again."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # a captured stream (tests) has no descriptor
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def output_failure(exc: Exception) -> OutputError | None:
    """The error a failed write of stdout is, or None when ``exc`` is not one.

    A full or failing device drops stdout, so the exit's flush cannot fail again. An
    encoding without Cyrillic (PYTHONIOENCODING=ascii, a Latin-1 terminal) cannot hold
    the archive's text: that was "internal error: UnicodeEncodeError", exit 70, for a
    setting the user can change; what was written before it stays written.
    """
    if isinstance(exc, UnicodeEncodeError):
        encoding = getattr(sys.stdout, "encoding", None) or ""
        if _codecs_name(exc.encoding) != _codecs_name(encoding):
            return None
        return OutputError(
            f"cannot write output: its encoding ({encoding}) has no {exc.object[exc.start]!r};"
            " set PYTHONIOENCODING=utf-8 or a UTF-8 locale (LC_ALL=C.UTF-8)"
        )
    if not isinstance(exc, OSError) or exc.errno not in _OUTPUT_ERRNOS:
        return None
    _drop_stdout()
    return OutputError(f"cannot write output: {exc.strerror}")


def _codecs_name(encoding: str) -> str:
    """``encoding``'s canonical name ("ANSI_X3.4-1968" and "ascii" are one), or itself."""
    import codecs

    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return encoding


@contextmanager
def handled() -> Iterator[None]:
    """Turn our errors into one line and an exit code; never a traceback.

    stdout is flushed here, inside the guard, so a full disk (``export > /dev/full``) is
    reported as one line with exit 74 instead of failing later at interpreter exit.
    """
    try:
        try:
            yield
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except (OSError, UnicodeEncodeError) as exc:
            written = output_failure(exc)
            if written is None:
                raise
            raise written from None
    except NewsarchiveError as exc:
        err(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except BrokenPipeError:
        _drop_stdout()
        raise typer.Exit(0) from None
    except Exception as exc:
        failure = _archive_failure(exc)
        if failure is None:
            raise
        err(str(failure))
        raise typer.Exit(failure.exit_code) from None


def _archive_failure(exc: Exception) -> NewsarchiveError | None:
    """What SQLite's error means when a command's own code did not say, or None (a bug):
    ``connection.archive_failure``, which ``serve``'s pages say too."""
    import sqlite3  # (loaded already: the archive was being read)

    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    from newsarchive.archive.connection import archive_failure

    return archive_failure(exc)
