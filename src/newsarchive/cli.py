"""Thin Typer commands over ``api``: parse options, call, print. The only place that exits.

Every expected failure is a ``NewsarchiveError`` and becomes one line on stderr with its
exit code (2 usage/input, 75 lock held); scraped text is printed with rich markup off.
"""

from __future__ import annotations

import errno
import inspect
import io
import logging
import os
import re
import shlex
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import StrEnum
from os.path import realpath
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.core import TyperGroup

from newsarchive.archive import SEARCH_LIMIT
from newsarchive.errors import (
    DATE_FORMS,
    DISK_ERRNOS,
    EXIT_INTERNAL,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_SIGINT,
    EXIT_SIGTERM,
    EXIT_USAGE,
    NewsarchiveError,
    OutputError,
    UsageError,
    debugging,
    exits_help,
    internal_error,
)
from newsarchive.models import (
    CHECK_PAGES,
    DEFAULT_CONNECTIONS,
    DEFAULT_DELAY,
    DEFAULT_MAX_PAGES,
    DEFAULT_MAX_REQUESTS,
    DEFAULT_STOP_AFTER_KNOWN,
    MAX_CHECK_PAGES,
)


class _OneLineErrors(TyperGroup):
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
                _err(shown + where)
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


def _no_options_among_words(ctx: typer.Context, words: Sequence[str]) -> None:
    """Refuse a query holding one of the command's own options: after ``--`` (which a
    query opening with -word needs) every argument is a word, so ``search -- '-футбол
    детски' --db demo.db`` searched the default archive for "db" and "demo" too, or said
    there was none; the query language has no word written so (``--db`` reads as "-db"
    excluded)."""
    names = {
        name
        for param in ctx.command.params
        for name in (*getattr(param, "opts", ()), *getattr(param, "secondary_opts", ()))
        if name.startswith("--")
    }
    for position, word in enumerate(words):
        if word.split("=", 1)[0] in names:
            options = " ".join(shlex.quote(arg) for arg in words[position:])
            typed = shlex.quote(" ".join(words[:position]))
            raise UsageError(
                f"'{word}' comes after '--', where every argument is a word of the query:"
                f" put the options before it: newsarchive {ctx.command.name} {options} -- {typed}"
            )


app = typer.Typer(
    cls=_OneLineErrors,
    name="newsarchive",
    help="Build and search a local archive of Bulgarian municipal and regional news.\n\n"
    "The archive is one SQLite file: --db PATH, else $NEWSARCHIVE_DB, else ./newsarchive.db.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_Command = TypeVar("_Command", bound=Callable[..., Any])


def _exits(*codes: int, said: dict[int, str] | None = None) -> Callable[[_Command], _Command]:
    """Close a command's docstring (its --help) with the codes it exits with, worded
    where the codes are defined (``errors.exits_help``)."""

    def close(command: _Command) -> _Command:
        doc = inspect.cleandoc(command.__doc__ or "")
        command.__doc__ = f"{doc}\n\n{exits_help(*codes, said=said)}"
        return command

    return close


_DB_HELP = "Archive file (default: $NEWSARCHIVE_DB or ./newsarchive.db)."

# How a command that writes the archive says 74 (EXIT_SAID's is the output's)
# (an archive this user may not write is refused before anything starts, as bad input:
# 2, README's exit codes; the help said "74 ... (read-only, ...)" of it)
_ARCHIVE_UNWRITTEN = (
    "when the archive could not be written (disk full, deleted, or made read-only while in"
    " use; one read-only from the start is 2)"
)

# The commands that only read the archive meet a lock too: its one-time upgrade (an older
# release's archive) is a write, and a read waits out another program's commit; either
# one waiting past SQLite's wait is "try later", as it is for a writer (their help said
# nothing of 75)
_READ_BUSY = {
    EXIT_LOCKED: "when another program kept the archive locked for writing (a read or its"
    " one-time upgrade waited in vain): try later"
}


def _or_given_before(ctx: typer.Context, db: str | None) -> str | None:
    """A command's ``--db``, else the one written before the command ("newsarchive --db
    x.db search …", as git takes ``-C``). Two different ones are a usage error, not a
    guess at which archive the user meant. One archive spelled twice ("x.db" and
    "./x.db", or the same string: click hands the root's value over as a ``str``) is
    no conflict. Both are kept as typed (``str``; ``_db`` makes the path), so an empty
    one (``--db "$DB"``, the variable unset) is said so: as a ``Path`` it was ".",
    "cannot open archive .: it is a directory"."""
    before = ctx.find_root().params.get("db")
    if any(given is not None and not str(given).strip() for given in (db, before)):
        raise typer.BadParameter("is empty: name the archive's file, e.g. --db newsarchive.db")
    # (``os.path.realpath``, not ``Path.resolve``: a loop of symlinks is its RuntimeError,
    # "internal error", exit 70; the archive's own open says it in one line)
    if before is not None and db is not None and realpath(before) != realpath(db):
        raise typer.BadParameter(f"two archives given: {before} before the command, {db} after")
    return db if db is not None else (str(before) if before is not None else None)


# What Python makes of a byte the locale's codec cannot read in argv (``surrogateescape``)
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def _as_typed(value: Any) -> Any:
    """A word the user typed (a query, a site id, an address), as typed: in a locale
    that is not UTF-8 (``LC_ALL=C`` with Python's UTF-8 mode off) argv's Cyrillic comes
    as escaped bytes, which searched for nothing ("'\\udcd0…' holds no letters"), named
    sites no one could read, and made an ``author:`` filter an internal error (exit 70).
    The terminal typed UTF-8; files' paths are left as they came, which the file system
    reads back byte for byte. Bytes that are no UTF-8 either (a Latin-1 terminal) are
    refused here: passed on, they were an internal error or, their error line failing
    to print, a "cannot write output" telling a UTF-8 locale to become one, exit 74."""
    if isinstance(value, list):
        return [_as_typed(item) for item in value]
    if not isinstance(value, str) or not _ESCAPED_BYTE.search(value):
        return value
    typed = os.fsencode(value)
    try:
        return typed.decode("utf-8")
    except UnicodeError:
        from newsarchive.errors import not_utf8

        raise typer.BadParameter(not_utf8(typed)) from None


def _file_name(value: Any) -> Path:
    """A file's name as given: an empty one (``--out "$OUT"``, the variable unset) is
    said so. As a ``Path`` it was ".", the current folder: "cannot write .: Is a
    directory" (--out, --log-file, import-jsonl), "cannot read profile .: ..." (--profile),
    words about a folder nobody named. ``--db``'s own check says the same of the archive."""
    if isinstance(value, str) and not value.strip():
        raise typer.BadParameter("is empty: name a file")
    return Path(value)


_file_name.__name__ = "path"  # (the help's type column: "<path>", as before)


def _file_option(*names: str, help: str) -> Any:
    """An option naming a file, read by ``_file_name``: the one way to declare one, so
    none can forget the check (each passed ``parser=_file_name`` by hand)."""
    return typer.Option(*names, help=help, parser=_file_name)


def _file_argument(help: str) -> Any:
    """An argument naming a file (or files), read by ``_file_name`` as ``_file_option``."""
    return typer.Argument(help=help, parser=_file_name)


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help=_DB_HELP, show_default=False, metavar="<path>", callback=_or_given_before
    ),
]
RootDbOption = Annotated[
    str | None, typer.Option("--db", help=_DB_HELP, show_default=False, metavar="<path>")
]
SiteOption = Annotated[
    list[str] | None,
    typer.Option("--site", help="Only this site id (repeatable).", callback=_as_typed),
]
SinceOption = Annotated[
    str | None, typer.Option("--since", help=f"From this date, inclusive ({DATE_FORMS}).")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help=f"Up to this date, inclusive ({DATE_FORMS}).")
]
FreeOnlyOption = Annotated[
    bool,
    typer.Option(
        "--free-only",
        help="Leave out articles whose page says they are for subscribers (access 'paid': the"
        " text may be the lead alone).",
    ),
]
ProfileOption = Annotated[
    list[Path] | None, _file_option("--profile", help="Extra site profile TOML file (repeatable).")
]


def _finite(value: float | None) -> float | None:
    """click's FloatRange lets NaN through (it compares false to every bound)."""
    if value is not None and value != value:
        raise typer.BadParameter("must be a number, not nan")
    return value


# Every number a user gives has an upper bound as well as a lower one: past int64 SQLite
# overflowed (--limit, --recheck) and time_t too (--delay inf), each an internal error.
DelayOption = Annotated[
    float | None,
    typer.Option(
        "--delay",
        min=0,
        max=3600,
        callback=_finite,
        help="Seconds between requests per host (default: the profile's delay, else"
        f" {DEFAULT_DELAY:g}; a longer robots.txt Crawl-delay wins).",
    ),
]
# crawl's, and add-site's and check-site's: the first request a new site gets is theirs
UserAgentOption = Annotated[
    str | None,
    typer.Option(
        "--user-agent",
        help="User-Agent with a contact URL (default: $NEWSARCHIVE_USER_AGENT or built-in).",
    ),
]
# add-site's and check-site's, which read one site (crawl's names "the one SITE" of many)
BaseUrlOption = Annotated[
    str | None, typer.Option("--base-url", help="Fetch from a mirror serving the site's paths.")
]
RawOption = Annotated[
    bool,
    typer.Option("--raw", help="CSV: cells as archived, without the ' that stops a spreadsheet"
                 " running a cell starting with = + - @ (a terminal still gets no control"
                 " characters)."),
]  # fmt: skip


def _raw_for_csv(raw: bool, chosen: str) -> None:
    """``--raw`` changes CSV alone (the other formats hold the text as archived): given
    with another, it was taken and did nothing, and the user believed it had."""
    if raw and chosen != "csv":
        raise UsageError(
            f"--raw changes CSV only; {chosen} holds the text as archived already: drop --raw"
        )


# The choices of each option (Typer shows them in --help and rejects anything else).
SearchFormat = StrEnum("SearchFormat", [("table", "table"), ("json", "json"), ("csv", "csv")])
ExportFormat = StrEnum(
    "ExportFormat",
    [("jsonl", "jsonl"), ("csv", "csv"), ("warc", "warc"), ("parquet", "parquet")],
)
BINARY_FORMATS = ("warc", "parquet")
ShowFormat = StrEnum("ShowFormat", [("text", "text"), ("json", "json")])
StatsFormat = StrEnum("StatsFormat", [("text", "text"), ("json", "json"), ("csv", "csv")])
Period = StrEnum("Period", [("month", "month"), ("week", "week")])
MetadataFormat = StrEnum("MetadataFormat", [("yaml", "yaml"), ("json", "json")])
SortOrder = StrEnum(
    "SortOrder", [("relevance", "relevance"), ("newest", "newest"), ("oldest", "oldest")]
)


class _StderrHandler(logging.Handler):
    """What the library reports on the way (an archive upgraded, say) as one stderr line."""

    def emit(self, record: logging.LogRecord) -> None:
        from newsarchive.safe_text import as_one_line

        said = "error: " if record.levelno >= logging.ERROR else ""
        sys.stderr.write(f"newsarchive: {said}{as_one_line(record.getMessage())}\n")


def _print_version(asked: bool) -> None:
    if asked:
        from newsarchive.extractor_version import EXTRACTOR_VERSION

        sys.stdout.write(f"{EXTRACTOR_VERSION}\n")  # the version and the extractor's revision
        raise typer.Exit()


@app.callback()
def _report_library_warnings(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            callback=_print_version,
            is_eager=True,
            help="Print the version (and the extractor's revision) and exit.",
        ),
    ] = False,
    db: RootDbOption = None,  # read by each command's own --db (``_or_given_before``)
) -> None:
    if db is not None and not _takes_db(ctx):
        # (else the command would drop it without a word, as if it had used that archive)
        raise typer.BadParameter(f"{ctx.invoked_subcommand} opens no archive", param_hint="--db")
    logger = logging.getLogger("newsarchive")
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        logger.addHandler(_StderrHandler(logging.WARNING))


# Commands a --db before them is no mistake for: `sites` lists the profiles, which no
# archive holds, so nobody takes the listing for one archive's; and a wrapper or alias
# that puts --db before every command (``newsarchive --db ~/news.db``) lists them too.
# `extract` stays refused: its article could be taken for one archived there.
_DB_NEEDLESS = frozenset({"sites"})


def _takes_db(ctx: typer.Context) -> bool:
    """The command named after the top-level options has a ``--db`` of its own, or
    is one a --db before it is no mistake for (``_DB_NEEDLESS``)."""
    group = ctx.command
    name = ctx.invoked_subcommand
    if name in _DB_NEEDLESS:
        return True
    command = group.get_command(ctx, name) if name and hasattr(group, "get_command") else None
    return command is None or any(param.name == "db" for param in command.params)


def _err(message: str) -> None:
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


def _output_failure(exc: Exception) -> OutputError | None:
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
def _handled() -> Iterator[None]:
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
            written = _output_failure(exc)
            if written is None:
                raise
            raise written from None
    except NewsarchiveError as exc:
        _err(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except BrokenPipeError:
        _drop_stdout()
        raise typer.Exit(0) from None
    except Exception as exc:
        failure = _archive_failure(exc)
        if failure is None:
            raise
        _err(str(failure))
        raise typer.Exit(failure.exit_code) from None


def _archive_failure(exc: Exception) -> NewsarchiveError | None:
    """What SQLite's error means when a command's own code did not say, or None (a bug):
    ``connection.archive_failure``, which ``serve``'s pages say too."""
    import sqlite3  # (loaded already: the archive was being read)

    if not isinstance(exc, sqlite3.DatabaseError):
        return None
    from newsarchive.archive.connection import archive_failure

    return archive_failure(exc)


def _db(db: str | None) -> Path:
    from newsarchive.archive.connection import resolve_db_path

    return resolve_db_path(db)


def _filters(
    site: list[str] | None, since: str | None, until: str | None, free_only: bool = False
) -> Any:
    from newsarchive.api import parse_cli_date
    from newsarchive.archive.store import Filters
    from newsarchive.profiles.loader import typed_site

    first, last = parse_cli_date(since, "--since"), parse_cli_date(until, "--until")
    return Filters(
        sites=tuple(typed_site(s) for s in site or ()),
        since=first,
        until=last,
        free_only=free_only,
    ).check_dates()


def _stdout_if_dash(out: Path | None) -> Path | None:
    """``--out``'s '-' as stdout (None), as import-jsonl's '-' is stdin: taken as a name,
    it wrote, or replaced, a file called '-' in the current folder."""
    return None if out is not None and str(out) == "-" else out


def _print_json(data: Any) -> None:
    from newsarchive.render import json_out

    json_out(data)


@app.command()
@_exits(
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    EXIT_INTERNAL,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_SIGINT,
    EXIT_SIGTERM,
    said={
        EXIT_PARTIAL: "when some pages, feeds or listings failed (the rest is archived) or a"
        " site archived nothing new in --warn-idle DAYS",
        EXIT_INTERNAL: "on a bug in one site's crawl (the others go on)",
        EXIT_IO: _ARCHIVE_UNWRITTEN,
        EXIT_SIGINT: "when stopped by SIGINT (the next run resumes)",
        EXIT_SIGTERM: "when stopped by SIGTERM (the next run resumes)",
    },
)
def crawl(
    sites: Annotated[
        list[str] | None,
        typer.Argument(
            help="Site ids (default: every site `sites` lists: built-in, user, --profile).",
            callback=_as_typed,
        ),
    ] = None,
    since: SinceOption = None,
    max_pages: Annotated[
        int | None,
        typer.Option(
            "--max-pages",
            min=0,
            max=1_000_000,
            help="Listing pages per start URL (default: the profile's max_pages,"
            f" {DEFAULT_MAX_PAGES}; 0 = no cap).",
        ),
    ] = None,
    base_url: Annotated[
        str | None,
        typer.Option("--base-url", help="Fetch the one SITE from a mirror serving its paths."),
    ] = None,
    delay: DelayOption = None,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Re-fetch articles already archived.")
    ] = False,
    connections: Annotated[
        int | None,
        typer.Option(
            "--connections",
            min=1,
            max=64,
            help=f"Requests in flight per host (default {DEFAULT_CONNECTIONS}).",
        ),
    ] = None,
    user_agent: UserAgentOption = None,
    stop_after_known: Annotated[
        int | None,
        typer.Option(
            "--stop-after-known",
            min=1,
            max=1_000_000,
            help="Stop walking a listing after this many archived articles in a row"
            f" ({DEFAULT_STOP_AFTER_KNOWN}).",
        ),
    ] = None,
    max_requests: Annotated[
        int | None,
        typer.Option(
            "--max-requests",
            min=1,
            max=1_000_000_000,
            help=f"Requests per site per run ({DEFAULT_MAX_REQUESTS}); a larger site resumes on"
            " the next run.",
        ),
    ] = None,
    recheck: Annotated[
        int | None,
        typer.Option(
            "--recheck",
            min=0,
            max=1_000_000,
            metavar="DAYS",
            help="Re-fetch archived articles published in the last DAYS days; an edited one"
            " keeps its earlier version (show --diff).",
        ),
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Print only errors and warnings: nothing when all went well."
        ),
    ] = False,
    log_file: Annotated[
        Path | None,
        _file_option(
            "--log-file", help="Append a line per HTTP fetch and per site run here (- is stderr)."
        ),
    ] = None,
    warn_idle: Annotated[
        int | None,
        typer.Option(
            "--warn-idle",
            min=1,
            max=100_000,
            metavar="DAYS",
            help="Warn (stderr, exit 1) about a site of which no new article was archived"
            " (crawled, or imported as first fetched then) in DAYS days.",
        ),
    ] = None,
    profile: ProfileOption = None,
    db: DbOption = None,
) -> None:
    """Fetch new articles from the sites into the archive (politely: robots.txt, delays)."""
    from newsarchive.crawl_command import CrawlRequest, run_crawl

    request = CrawlRequest(
        sites=tuple(sites or ()),
        since=since,
        max_pages=max_pages,
        base_url=base_url,
        delay=delay,
        refresh=refresh,
        quiet=quiet,
        log_file=log_file,
        profile_files=tuple(profile or ()),
        user_agent=user_agent,
        connections=connections,
        stop_after_known=stop_after_known,
        max_requests=max_requests,
        recheck=recheck,
        warn_idle=warn_idle,
    )
    with _handled():
        code = run_crawl(_db(db), request)
    raise typer.Exit(code)


@app.command()
@_exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    said={EXIT_OK: "when the search ran (with hits or none)", **_READ_BUSY},
)
def search(
    ctx: typer.Context,
    words: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[query]...",
            help='Words (any form: община finds общината), "exact phrase", OR, -word, prefix*,'
            " (groups), title:word (headline only), site:ID, author:NAME, since:DATE,"
            " until:DATE; unquoted words are one query too. Filters alone (author:NAME, or no"
            " QUERY with --site/--since/--until) list every article they choose, newest first.",
            show_default=False,
            callback=_as_typed,
        ),
    ] = None,
    site: SiteOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    free_only: FreeOnlyOption = False,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            min=1,
            max=1_000_000,
            help="Most hits to show.",
            show_default=str(SEARCH_LIMIT),
        ),
    ] = None,
    offset: Annotated[
        int | None,
        typer.Option(
            "--offset",
            min=0,
            max=1_000_000_000,
            help="Skip this many hits first (the next page).",
            show_default="0",
        ),
    ] = None,
    sort: Annotated[
        SortOrder,
        typer.Option(
            "--sort",
            help="relevance (bm25, title first; newest when there are no words), newest or oldest.",
        ),
    ] = SortOrder.relevance,
    exact: Annotated[
        bool, typer.Option("--exact", help="Match words only in the form typed (no word forms).")
    ] = False,
    count: Annotated[
        bool,
        typer.Option(
            "--count",
            help="Print how many articles match, per site and year: every match (--limit and"
            " --offset page the hits, not the count).",
        ),
    ] = False,
    collapse: Annotated[
        bool,
        typer.Option(
            "--collapse",
            help="One hit per story: the copy ranked first in --sort stands for it, the"
            " other outlets' copies are listed under it (JSON: also).",
        ),
    ] = False,
    fmt: Annotated[
        SearchFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="table to read, json (one array) or csv. Not given: --out's name's (.csv,"
            " .json), else table.",
            show_default="table",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        _file_option(
            "--out",
            "-o",
            help="Write the hits (or --count's rows) to this file, as csv or json: a CSV"
            " file opens with the byte-order mark Excel needs for Cyrillic (not with --raw;"
            " '-': stdout).",
        ),
    ] = None,
    raw: RawOption = False,
    db: DbOption = None,
) -> None:
    """Full-text search of the archive, best matches first, with marked snippets; filters
    alone list the articles they choose, newest first, each with its lead."""
    from newsarchive import api, render
    from newsarchive.archive.search import undated_note
    from newsarchive.export.named import search_format
    from newsarchive.safe_text import as_one_line

    # `search общината бюджет` as typed, unquoted: the words are one query (the shell has
    # already taken any quotes of a phrase; write '"a phrase"' to keep them)
    query = " ".join(words or ())
    out = _stdout_if_dash(out)
    with _handled():
        _no_options_among_words(ctx, words or [])
        chosen = search_format(fmt.value if fmt is not None else None, out)
        _raw_for_csv(raw, chosen)
        filters = _filters(site, since, until, free_only)
        if out is not None:
            from newsarchive.archive.connection import check_not_archive

            check_not_archive(out, _db(db), "--out")
        if count and collapse:
            raise UsageError("--count counts articles; for stories: stats --timeline --stories")
        if count and (limit is not None or offset is not None):
            # (--count --offset 20 counted every match, and looked like the count of a page)
            paging = "--limit" if offset is None else "--offset"
            raise UsageError(
                f"--count counts every match, not a page of them: drop {paging} (it pages"
                " the hits search lists)"
            )
        limit, offset = limit or SEARCH_LIMIT, offset or 0
        if count:
            totals = api.search_totals(
                _db(db), query, filters=filters, exact=exact, undated=True, hint=True
            )
            with render.text_out(out, chosen, raw) as handle:
                render.search_counts(totals.rows, chosen, raw, handle)
            if out is not None:
                rows = len(totals.rows)
                sys.stderr.write(
                    f"wrote {rows} {'row' if rows == 1 else 'rows'} (site and year) to {out}\n"
                )
            for read_as in totals.notes:
                sys.stderr.write(as_one_line(read_as) + "\n")
            if totals.undated:
                sys.stderr.write(undated_note(totals.undated) + "\n")
            if totals.hint:  # (it quotes what was typed: one inert line)
                sys.stderr.write(as_one_line(totals.hint) + "\n")
            return
        marks = render.TABLE_MARKS if chosen == "table" else render.TEXT_MARKS
        page = api.search_page(
            _db(db), query, filters=filters, limit=limit, offset=offset, sort=sort.value,
            exact=exact, highlight=marks, collapse=collapse, undated=True, hint=True,
        )  # fmt: skip
        with render.text_out(out, chosen, raw) as handle:
            render.search_results(page.hits, chosen, raw, handle)
        if out is not None:
            hits = len(page.hits)
            sys.stderr.write(f"wrote {hits} {'hit' if hits == 1 else 'hits'} to {out}\n")
        for read_as in page.notes:  # (they quote what was typed: one inert line each)
            sys.stderr.write(as_one_line(read_as) + "\n")
        note = render.search_page_note(len(page.hits), page.total, offset)
        if not page.total:  # (it quotes what was typed: one inert line)
            note = as_one_line(page.hint or "")
        if note:
            sys.stderr.write(note + "\n")
        if page.undated:
            sys.stderr.write(undated_note(page.undated) + "\n")


@app.command("datasette-metadata")
@_exits(EXIT_OK, EXIT_USAGE, EXIT_IO, EXIT_INTERNAL, EXIT_LOCKED, said=_READ_BUSY)
def datasette_metadata(
    fmt: Annotated[
        MetadataFormat, typer.Option("--format", "-f", help="yaml or json.")
    ] = MetadataFormat.yaml,
    db: DbOption = None,
) -> None:
    """Print Datasette metadata for the archive: search, labels, sort, hidden tables.

    Keyed to the --db file's name: newsarchive datasette-metadata --db demo.db > m.yml;
    datasette demo.db -m m.yml. Not needed with newsarchive[web] installed beside
    Datasette (or with 'newsarchive serve'): the plugin fits any archive file. A --db
    file that is there must be an archive; none there yet is fine.
    """
    from newsarchive.api import check_named_archive
    from newsarchive.archive.datasette import metadata, to_yaml

    with _handled():
        check_named_archive(_db(db))
        data = metadata(_db(db).stem)
        if fmt is MetadataFormat.json:
            _print_json(data)
        else:
            sys.stdout.write(to_yaml(data))


@app.command()
@_exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    said={EXIT_USAGE: "on bad usage or an article not in the archive", **_READ_BUSY},
)
def show(
    id_or_url: Annotated[
        str, typer.Argument(help="Article id (from search) or its URL.", callback=_as_typed)
    ],
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text, or json with earlier versions.")
    ] = ShowFormat.text,
    diff: Annotated[
        bool,
        typer.Option(
            "--diff",
            help="Print the words the latest edit changed: [-removed-] {+added+} (JSON:"
            " {id, url, diff}, diff null for an article never edited).",
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Print one archived article in full (JSON: with its earlier versions)."""
    from newsarchive import api, render

    with _handled():
        article = api.show(_db(db), id_or_url)
        if diff:
            change = api.latest_change(article)
            if fmt is ShowFormat.json:  # (a script asked: null where nothing changed)
                _print_json({"id": article["id"], "url": article["url"], "diff": change})
            elif change is None:  # (stdout stays empty: there is no change to print)
                sys.stderr.write(
                    f"no earlier version of article {article['id']}: nothing to diff\n"
                )
            else:
                sys.stdout.write(render.clean_text(change))
        elif fmt is ShowFormat.json:
            _print_json(article)
        else:
            render.article_text(article)


@app.command()
@_exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    said={EXIT_USAGE: "on bad usage or a page that cannot be read"},
)
def extract(
    source: Annotated[str, typer.Argument(help="An HTML file, '-' for stdin, or an http(s) URL.")],
    url: Annotated[str | None, typer.Option("--url", help="The page's URL (for links).")] = None,
    site: Annotated[str | None, typer.Option("--site", help="Use this site's profile.")] = None,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="json (the fields and rules) or text.")
    ] = ShowFormat.json,
    profile: ProfileOption = None,
) -> None:
    """Extract one page without touching any archive (to test a profile or a page)."""
    from newsarchive import api, render

    with _handled():
        article, items = api.extract_source(source, url=url, site=site, profile_files=profile or [])
        if items:
            sys.stderr.write(
                f"newsarchive: this page holds {len(items)} news items in full;"
                " a crawl archives each as an article of its own\n"
            )
            if fmt is ShowFormat.json:
                _print_json([item.as_dict() for item in items])
            else:
                for number, item in enumerate(items):
                    sys.stdout.write("\n" if number else "")
                    render.article_text(item.as_dict())
            return
        if kind := article.rules.get("kind"):
            sys.stderr.write(
                f"newsarchive: this page reads as a {kind}, not an article;"
                " a crawl would archive nothing from it\n"
            )
        if fmt is ShowFormat.json:
            _print_json(article.as_dict())
        else:
            render.article_text(article.as_dict())


@app.command()
@_exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    said={EXIT_IO: "when the output (file or stdout) could not be written", **_READ_BUSY},
)
def export(
    fmt: Annotated[
        ExportFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="jsonl (import-jsonl reads it back), csv, parquet (typed columns) or warc"
            " (the stored pages); parquet and warc need --out. Not given: the one --out's"
            " name ends in (.jsonl, .csv, .parquet, .warc, .warc.gz).",
            show_default="--out's ending, else jsonl",
        ),
    ] = None,
    site: SiteOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    free_only: FreeOnlyOption = False,
    out: Annotated[
        Path | None,
        _file_option("--out", "-o", help="File (default, or '-': stdout)."),
    ] = None,
    raw: RawOption = False,
    db: DbOption = None,
) -> None:
    """Write archived articles as JSON Lines or CSV; or as Parquet (typed columns, for
    pandas/DuckDB), or their stored pages as a WARC file (with --out)."""
    from newsarchive import api, render

    out = _stdout_if_dash(out)
    with _handled():
        from newsarchive.export.named import export_format

        chosen = export_format(fmt.value if fmt is not None else None, out)
        _raw_for_csv(raw, chosen)
        if out is not None:
            from newsarchive.archive.connection import check_not_archive

            check_not_archive(out, _db(db), "--out")
        if chosen in BINARY_FORMATS:
            if out is None:
                raise UsageError(f"--format {chosen} writes a file: give --out FILE")
            filters = _filters(site, since, until, free_only)
            count = api.export_file(_db(db), filters, chosen, out)
            what = "captures" if chosen == "warc" else "articles"
            sys.stderr.write(f"exported {count} {what} to {out}\n")
            return
        filters = _filters(site, since, until, free_only)
        count = render.export_rows(api.export(_db(db), filters), chosen, out, raw)
        if out is not None:
            sys.stderr.write(f"exported {count} articles to {out}\n")
        elif not count:  # (else silence: an empty stdout, exit 0, said nothing of why)
            why = "none matches the filters" if filters.active() else "the archive holds none"
            sys.stderr.write(f"exported 0 articles: {why}\n")


@app.command("import-jsonl")
@_exits(
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_INTERNAL,
    said={
        EXIT_PARTIAL: "when lines without a 'site' or 'url' were skipped, each said with its"
        " number (the rest is imported)",
        EXIT_USAGE: "on bad usage or a bad line (nothing is imported)",
        EXIT_IO: f"{_ARCHIVE_UNWRITTEN}: nothing is imported",
    },
)
def import_jsonl(
    file: Annotated[
        Path,
        _file_argument("A JSON Lines file as written by export ('-' = stdin)."),
    ],
    db: DbOption = None,
) -> None:
    """Load articles from JSON Lines (the inverse of export); all or nothing (a line
    without its site or url is skipped, said by its number)."""
    from newsarchive import api

    with _handled():
        if str(file) == "-":
            stdin = sys.stdin.buffer
            if not isinstance(stdin, io.BufferedReader):  # (a test runner's BytesIO)
                stdin = io.BufferedReader(stdin)
            if (kind := api.foreign_file(stdin.peek(api.FOREIGN_HEAD))) is not None:
                raise UsageError(f"stdin is {kind}")
            counts = api.import_jsonl(_db(db), api.jsonl_lines(stdin))
        else:
            try:
                raw = file.open("rb")
            except OSError as exc:
                raise UsageError(f"cannot read {file}: {exc.strerror}") from None
            with raw:
                # (peeked, not read: a pipe, ``<(zcat x.gz)``, is read once)
                if (kind := api.foreign_file(raw.peek(api.FOREIGN_HEAD))) is not None:
                    raise UsageError(f"{file} is {kind}")
                counts = api.import_jsonl(_db(db), api.jsonl_lines(raw))
        skipped = f", {counts['skipped']} skipped" if counts["skipped"] else ""
        sys.stdout.write(
            f"imported {counts['new']} new, {counts['updated']} updated, "
            f"{counts['unchanged']} unchanged{skipped}\n"
        )
    if counts["skipped"]:
        raise typer.Exit(EXIT_PARTIAL)


@app.command("import-warc")
@_exits(
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_INTERNAL,
    said={
        EXIT_PARTIAL: "when a file is truncated or corrupt: what came before the damage is"
        " archived",
        EXIT_IO: _ARCHIVE_UNWRITTEN,
    },
)
def import_warc(
    files: Annotated[
        list[Path],
        _file_argument("WARC files (.warc or .warc.gz)."),
    ],
    profile: ProfileOption = None,
    db: DbOption = None,
) -> None:
    """Archive and extract the HTML pages of WARC files (this tool's, wget, Browsertrix,
    Common Crawl), matched to site profiles by host, else the generic rules (site = host).
    """
    from newsarchive import api

    with _handled():
        result = api.import_warc(_db(db), files, profile_files=profile or [])
        skipped = ", ".join(f"{n} {what}" for what, n in result["skipped"].items())
        sys.stdout.write(
            f"imported {result['new']} new, {result['updated']} updated, "
            f"{result['unchanged']} unchanged" + (f"; skipped {skipped}" if skipped else "") + "\n"
        )
        for line in result["damaged"]:
            _err(line)
    raise typer.Exit(EXIT_PARTIAL if result["damaged"] else EXIT_OK)


@app.command()
@_exits(
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_INTERNAL,
    said={
        EXIT_PARTIAL: "when some pages no longer yield an article (their archived version is kept)",
        EXIT_IO: _ARCHIVE_UNWRITTEN,
    },
)
def reextract(
    site: SiteOption = None,
    since: SinceOption = None,
    workers: Annotated[
        int | None,
        typer.Option("--workers", "-j", min=1, max=256, help="Processes (default: one per core)."),
    ] = None,
    profile: ProfileOption = None,
    db: DbOption = None,
) -> None:
    """Rebuild archived articles from their stored raw pages, without the network.

    Run after upgrading newsarchive or correcting a site profile. Only articles whose
    extracted fields change are rewritten; the version they replace is kept as a
    revision. Articles imported from JSON Lines have no stored page and are left as
    they are.
    """
    from newsarchive import api

    with _handled():
        result = api.reextract(
            _db(db), filters=_filters(site, since, None), profile_files=profile or [],
            workers=workers,
        )  # fmt: skip
        unknown: dict[str, int] = result["unknown_sites"]
        sys.stdout.write(
            f"re-extracted: {result['changed']} changed, {result['unchanged']} unchanged, "
            f"{result['failed']} failed (archived version kept), "
            f"{result['skipped']} without a stored page, {sum(unknown.values())} without a"
            " profile\n"
        )
        for name, count in unknown.items():  # (crawled with --profile FILE, asked without)
            sys.stderr.write(
                f"newsarchive: {count} {'article' if count == 1 else 'articles'} of site"
                f" '{name}' left as archived: no profile '{name}' here; pass the one it was"
                " crawled with (--profile FILE)\n"
            )
    raise typer.Exit(EXIT_PARTIAL if result["failed"] else EXIT_OK)


@app.command("rename-site")
@_exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_LOCKED,
    EXIT_INTERNAL,
    said={EXIT_IO: f"{_ARCHIVE_UNWRITTEN}: nothing is renamed"},
)
def rename_site(
    old: Annotated[
        str,
        typer.Argument(metavar="OLD", help="The site id the archive keeps.", callback=_as_typed),
    ],
    new: Annotated[
        str, typer.Argument(metavar="NEW", help="The id its profile has now.", callback=_as_typed)
    ],
    merge: Annotated[
        bool,
        typer.Option(
            "--merge", help="NEW holds articles already (crawled before the rename): make both one."
        ),
    ] = False,
    db: DbOption = None,
) -> None:
    """Move a site's articles, runs and crawl state to its profile's new id; all or nothing.

    Without it a profile renamed from bta to bta-bg finds its articles archived under bta
    already: its crawl says 0 new, and search --site bta-bg misses them. A NEW that holds
    articles already (a crawl under it before the rename) needs --merge: the two become one site.
    """
    from newsarchive import api

    with _handled():
        moved = api.rename_site(_db(db), old, new, merge=merge)
        counts = ", ".join(f"{what} {count}" for what, count in moved.items())
        sys.stdout.write(f"renamed site '{old}' to '{new}'; moved: {counts}\n")
        _note_no_profile(new, old)


def _note_no_profile(new: str, old: str) -> None:
    """A slip (``rename-site bta bta-gb``) moved the site's articles to an id no profile
    has, without a word: ``crawl bta`` then fetched them all again as new, and
    ``reextract`` passed them by. Said, not refused: the renamed profile may be saved
    after the rename, and a host's id (``x.bg``) is crawled by the generic rules."""
    from newsarchive.profiles.loader import list_profiles, user_profile_dir

    if "." in new or new in list_profiles():
        return
    sys.stderr.write(
        f"newsarchive: note: no profile has the id '{new}' yet (built-in, or a file in"
        f" {user_profile_dir()}): crawl and reextract leave its articles alone until one"
        f" does; a slip is undone with: newsarchive rename-site {new} {old}\n"
    )


@app.command()
@_exits(EXIT_OK, EXIT_USAGE, EXIT_IO, EXIT_INTERNAL)
def sites(profile: ProfileOption = None) -> None:
    """List the site profiles: built-in, user (config dir) and --profile files."""
    from newsarchive import render
    from newsarchive.profiles import list_profiles
    from newsarchive.profiles.loader import missing_user_dir, missing_user_dir_warning

    with _handled():
        render.sites_table(list(list_profiles(profile or []).values()))
        if (folder := missing_user_dir()) is not None:
            sys.stderr.write(f"newsarchive: warning: {missing_user_dir_warning(folder)}\n")


@app.command("add-site")
@_exits(
    EXIT_OK,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    said={
        EXIT_OK: "with a proposal",
        EXIT_USAGE: "when the address is not a news site or cannot be reached (one line saying so)",
        EXIT_IO: "when the proposal (stdout, or the --write file: none is left) could not be"
        " written",
    },
)
def add_site(
    url: Annotated[str, typer.Argument(help="The site's address, e.g. https://www.obshtina.bg")],
    site_id: Annotated[
        str | None, typer.Option("--id", help="Site id (default: from the host name).")
    ] = None,
    write: Annotated[
        bool, typer.Option("--write", help="Save the proposal where user profiles live.")
    ] = False,
    base_url: BaseUrlOption = None,
    delay: DelayOption = None,
    user_agent: UserAgentOption = None,
) -> None:
    """Explore a new site politely and print a proposed profile (TOML) saying how each
    line was found; --write saves it, then `newsarchive crawl ID` works.
    """
    from newsarchive.add_site import check_unclaimed, propose, render, write_profile
    from newsarchive.api import check_base_url
    from newsarchive.fetch.client import FetchOptions
    from newsarchive.profiles.loader import list_profiles, user_profile_dir

    with _handled():
        check_base_url(base_url)
        options = FetchOptions.from_env(retries=1, user_agent=user_agent).with_delay(delay, None)
        proposal = propose(url, site_id=site_id, base_url=base_url, options=options)
        text = render(proposal)
        # saved before it is printed: a refusal (a site profiled already, a file there)
        # left the proposal on stdout beside its exit 2, a TOML file for `> x.toml`
        saved, note = None, ""
        if write:
            note = check_unclaimed(url, proposal.profile, site_id, list_profiles().values())
            saved = write_profile(text, user_profile_dir(), proposal.profile.id)
        sys.stdout.write(text)
        if saved is not None:
            if note:
                sys.stderr.write(f"newsarchive: {note}\n")
            sys.stderr.write(
                f"newsarchive: saved {saved}; now run: newsarchive crawl {proposal.profile.id}\n"
            )


@app.command("check-site")
@_exits(
    EXIT_OK,
    EXIT_PARTIAL,
    EXIT_USAGE,
    EXIT_IO,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    said={
        EXIT_OK: "when the profile fits",
        EXIT_PARTIAL: "on drift or failed fetches",
        **_READ_BUSY,
    },
)
def check_site(
    site: Annotated[str, typer.Argument(help="Site id, e.g. ruse24.", callback=_as_typed)],
    base_url: BaseUrlOption = None,
    articles: Annotated[
        int, typer.Option("--articles", "-n", min=1, max=1000, help="How many articles to extract.")
    ] = 3,
    pages: Annotated[
        int,
        typer.Option(
            "--pages",
            min=1,
            max=MAX_CHECK_PAGES,
            help="Listing pages read per start page, the later ones only while fewer"
            " article links than --articles were found.",
        ),
    ] = CHECK_PAGES,
    delay: DelayOption = None,
    fmt: Annotated[
        ShowFormat, typer.Option("--format", "-f", help="text or json")
    ] = ShowFormat.text,
    profile: ProfileOption = None,
    user_agent: UserAgentOption = None,
    db: DbOption = None,
) -> None:
    """Check a site's profile against the live site (or a mirror): which rule found each field.

    Fetches the feeds and the start pages, then a few articles, and reports per
    field whether the profile's selector matched or a generic rule stepped in (drift),
    and the site's sources the crawl rests, failing run after run (from the archive).
    """
    from newsarchive.api import check_base_url, site_rests
    from newsarchive.check_site import RestedSource, format_json, format_text
    from newsarchive.check_site import check_site as run_check
    from newsarchive.fetch.client import FetchOptions
    from newsarchive.profiles import get_profile

    with _handled():
        check_base_url(base_url)
        chosen = get_profile(site, profile or [])
        options = FetchOptions.from_env(retries=1, user_agent=user_agent)
        options = options.with_delay(delay, chosen.delay)
        rested = [  # (read first: an archive that cannot be read is said before fetching)
            RestedSource(r["url"], r["failures"], r["asked_again"], r["error"] or "")
            for r in site_rests(_db(db), chosen.id)
        ]
        report = run_check(
            chosen, base_url=base_url, articles=articles, options=options, pages=pages
        )
        report.rested = rested
        sys.stdout.write(format_json(report) if fmt is ShowFormat.json else format_text(report))
    raise typer.Exit(report.exit_code)


@app.command()
@_exits(EXIT_OK, EXIT_USAGE, EXIT_IO, EXIT_INTERNAL, EXIT_LOCKED, said=_READ_BUSY)
def stats(
    query: Annotated[
        str | None,
        typer.Argument(
            help="With --timeline: count only the articles this search finds.",
            callback=_as_typed,
        ),
    ] = None,
    stories: Annotated[
        bool,
        typer.Option(
            "--stories",
            help="How many stories one, two, three or more outlets carried, per site;"
            " with --timeline, count distinct stories instead of articles.",
        ),
    ] = False,
    timeline: Annotated[
        bool, typer.Option("--timeline", help="Articles per period and site, as a chart.")
    ] = False,
    by: Annotated[Period, typer.Option("--by", help="Period of --timeline.")] = Period.month,
    site: SiteOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    fmt: Annotated[
        StatsFormat,
        typer.Option("--format", "-f", help="text, json, or csv (with --timeline/--stories)"),
    ] = StatsFormat.text,
    db: DbOption = None,
) -> None:
    """Articles per site (and how many of them the site has since removed, found so by
    crawl --recheck), their date range, and each site's last crawl; or stories per
    number of outlets (--stories); or attention over time (--timeline [QUERY])."""
    from newsarchive import api, render
    from newsarchive.safe_text import as_one_line

    with _handled():
        if query is not None and not timeline:
            raise UsageError("a search query needs --timeline (stats --timeline QUERY)")
        if by is not Period.month and not timeline:
            raise UsageError("--by needs --timeline")
        if fmt is StatsFormat.csv and not (timeline or stories):
            raise UsageError("--format csv needs --timeline or --stories")
        filters = _filters(site, since, until)
        if timeline:
            data = api.timeline(
                _db(db), query, filters=filters, by=by.value, stories=stories, hint=True
            )
            said = data.pop("hint", None)
            render.timeline(data, fmt.value)
            if said is not None:  # (it quotes what was typed: one inert line)
                sys.stderr.write(as_one_line(said) + "\n")
            return
        if stories:
            render.outlets(api.stats_stories(_db(db), filters), fmt.value)
            return
        if filters != _filters(None, None, None):
            raise UsageError("--site, --since and --until need --timeline or --stories")
        data = api.stats(_db(db))
        if fmt is StatsFormat.json:
            _print_json(data)
        else:
            render.stats_table(data)


@app.command()
@_exits(
    EXIT_USAGE,
    EXIT_INTERNAL,
    EXIT_LOCKED,
    EXIT_SIGINT,
    EXIT_SIGTERM,
    said={
        EXIT_USAGE: "on bad usage, no archive, a port in use or the web extra missing",
        EXIT_LOCKED: "when another program kept the archive locked for writing while serve"
        " read it to start: try later",
        EXIT_SIGINT: "when stopped by Ctrl-C, as it is meant to stop",
        EXIT_SIGTERM: "when stopped by SIGTERM (by the signal itself, a clean stop to systemd)",
    },
)
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (others cannot connect).")
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", "-p", min=0, max=65535, help="Port to listen on (0: any free).")
    ] = 8001,
    db: DbOption = None,
) -> None:
    """Search the archive in a web browser: a search page, articles, a chart per month.

    Datasette with the newsarchive plugin (install newsarchive[web]); the archive is
    opened read-only and never written. Stop with Ctrl-C.
    """
    with _handled():
        try:
            from newsarchive.web.server import serve as run_server
        except ImportError as exc:
            raise UsageError(
                f"serve needs the web extra: pip install 'newsarchive[web]' ({exc.name} missing)"
            ) from None

        def ready(url: str) -> None:
            sys.stderr.write(f"newsarchive: serving {_db(db)} at {url} (Ctrl-C stops)\n")
            if host not in ("127.0.0.1", "localhost", "::1"):
                sys.stderr.write(f"newsarchive: listening on {host}: others can read the archive\n")
            sys.stderr.flush()

        run_server(_db(db), host=host, port=port, ready=ready)


def _one_line_summaries() -> None:
    """Typer's rich help keeps a docstring's source line breaks inside each paragraph,
    so text wrapped at 100 columns broke mid-sentence on screen (in the command list and
    in each command's --help); each paragraph is handed over as one line, which the
    panel wraps to the terminal itself."""
    from rich.markup import escape

    for info in app.registered_commands:
        doc = inspect.cleandoc(info.callback.__doc__ or "") if info.callback else ""
        if not doc:
            continue
        # (as plain text: rich read "newsarchive[web]" as markup and showed "newsarchive")
        paragraphs = [escape(" ".join(part.split())) for part in doc.split("\n\n")]
        info.help = info.help or "\n\n".join(paragraphs)
        info.short_help = info.short_help or paragraphs[0]


_one_line_summaries()


def main() -> None:
    """Console entry point: a last guard so even a bug prints one line, not a traceback."""
    try:
        app()
    except KeyboardInterrupt:
        sys.stderr.write("newsarchive: interrupted\n")
        sys.exit(EXIT_SIGINT)
    except Exception as exc:  # what no command prints (--help, --version), or a bug
        if debugging():
            raise
        # (any other OSError is a bug too: it was let through, a traceback and exit 1)
        failure = _output_failure(exc) if isinstance(exc, OSError | UnicodeEncodeError) else None
        if failure is not None:
            _err(str(failure))
            sys.exit(failure.exit_code)
        _err(f"{internal_error(exc)} (set NEWSARCHIVE_DEBUG=1 for details)")
        sys.exit(EXIT_INTERNAL)
