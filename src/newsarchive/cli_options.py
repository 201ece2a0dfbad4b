"""What the commands declare alike: the shared options (--db, --site, --since, the file
names, --delay, --raw), the reading of what was typed, the option choices, and the exit
codes each command's help closes with.

Apart from ``cli`` so that each command there reads as its own contract. Declared once
here, every command makes the same checks (an empty file name, NaN, bytes that are no
UTF-8, two archives named) and none can forget one its neighbours make.
"""

from __future__ import annotations

import inspect
import os
import re
import shlex
import sys
from collections.abc import Callable, Sequence
from enum import StrEnum
from os.path import realpath
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from newsarchive.errors import DATE_FORMS, EXIT_LOCKED, UsageError, exits_help
from newsarchive.models import DEFAULT_DELAY


def no_options_among_words(ctx: typer.Context, words: Sequence[str]) -> None:
    """Refuse a query holding one of the command's own options: after ``--`` (which a
    query opening with -word needs) every argument is a word, so ``search -- '-футбол
    детски' --db demo.db`` searched the default archive for "db" and "demo" too, or said
    there was none; the query language has no word written so (``--db`` reads as "-db"
    excluded). Its short forms too (``-n 2``, ``-o FILE``, ``-f json``: the search was
    for "2" without "n", exit 0): the names are the command's declared options, so a new
    one is refused with the rest."""
    names = _option_names(ctx.command)
    for position, word in enumerate(words):
        if word in names or (word.startswith("--") and word.split("=", 1)[0] in names):
            options = " ".join(shlex.quote(arg) for arg in words[position:])
            typed = shlex.quote(" ".join(words[:position]))
            raise UsageError(
                f"'{word}' comes after '--', where every argument is a word of the query:"
                f" put the options before it: newsarchive {ctx.command.name} {options} -- {typed}"
            )


def _option_names(command: Any) -> set[str]:
    """Every name of ``command``'s options, long and short (``--limit``, ``-n``), as it
    declares them (an argument's "names" are its metavar's, no option's)."""
    return {
        name
        for param in command.params
        if getattr(param, "param_type_name", None) == "option"
        for name in (*param.opts, *param.secondary_opts)
    }


_Command = TypeVar("_Command", bound=Callable[..., Any])


def exits(*codes: int, said: dict[int, str] | None = None) -> Callable[[_Command], _Command]:
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
ARCHIVE_UNWRITTEN = (
    "when the archive could not be written (disk full, deleted, or made read-only while in"
    " use; one read-only from the start is 2)"
)

# The commands that only read the archive meet a lock too: its one-time upgrade (an older
# release's archive) is a write, and a read waits out another program's commit; either
# one waiting past SQLite's wait is "try later", as it is for a writer (their help said
# nothing of 75)
READ_BUSY = {
    EXIT_LOCKED: "when another program kept the archive locked for writing (a read or its"
    " one-time upgrade waited in vain): try later"
}


def or_given_before(ctx: typer.Context, db: str | None) -> str | None:
    """A command's ``--db``, else the one written before the command ("newsarchive --db
    x.db search …", as git takes ``-C``). Two different ones are a usage error, not a
    guess at which archive the user meant. One archive spelled twice ("x.db" and
    "./x.db", or the same string: click hands the root's value over as a ``str``) is
    no conflict. Both are kept as typed (``str``; ``db_path`` makes the path), so an empty
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


def as_typed(value: Any) -> Any:
    """A word the user typed (a query, a site id, an address), as typed: in a locale
    that is not UTF-8 (``LC_ALL=C`` with Python's UTF-8 mode off) argv's Cyrillic comes
    as escaped bytes, which searched for nothing ("'\\udcd0…' holds no letters"), named
    sites no one could read, and made an ``author:`` filter an internal error (exit 70).
    The terminal typed UTF-8; files' paths are left as they came, which the file system
    reads back byte for byte. Bytes that are no UTF-8 either (a Latin-1 terminal) are
    refused here: passed on, they were an internal error or, their error line failing
    to print, a "cannot write output" telling a UTF-8 locale to become one, exit 74."""
    if isinstance(value, list):
        return [as_typed(item) for item in value]
    if not isinstance(value, str) or not _ESCAPED_BYTE.search(value):
        return value
    typed = os.fsencode(value)
    try:
        return typed.decode("utf-8")
    except UnicodeError:
        from newsarchive.errors import not_utf8

        raise typer.BadParameter(not_utf8(typed)) from None


def file_name(value: Any) -> Path:
    """A file's name as given: an empty one (``--out "$OUT"``, the variable unset) is
    said so. As a ``Path`` it was ".", the current folder: "cannot write .: Is a
    directory" (--out, --log-file, import-jsonl), "cannot read profile .: ..." (--profile),
    words about a folder nobody named. ``--db``'s own check says the same of the archive."""
    if isinstance(value, str) and not value.strip():
        raise typer.BadParameter("is empty: name a file")
    return Path(value)


file_name.__name__ = "path"  # (the help's type column: "<path>", as before)


def file_option(*names: str, help: str) -> Any:
    """An option naming a file, read by ``file_name``: the one way to declare one, so
    none can forget the check (each passed ``parser=file_name`` by hand)."""
    return typer.Option(*names, help=help, parser=file_name)


def file_argument(help: str) -> Any:
    """An argument naming a file (or files), read by ``file_name`` as ``file_option``."""
    return typer.Argument(help=help, parser=file_name)


DbOption = Annotated[
    str | None,
    typer.Option(
        "--db", help=_DB_HELP, show_default=False, metavar="<path>", callback=or_given_before
    ),
]
RootDbOption = Annotated[
    str | None, typer.Option("--db", help=_DB_HELP, show_default=False, metavar="<path>")
]
SiteOption = Annotated[
    list[str] | None,
    typer.Option("--site", help="Only this site id (repeatable).", callback=as_typed),
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
LangOption = Annotated[
    list[str] | None,
    typer.Option(
        "--lang",
        help="Only articles in this language, a BCP 47 tag: bg, en, tr… ('unknown': those"
        " archived before their language was recorded; repeatable).",
    ),
]
ProfileOption = Annotated[
    list[Path] | None, file_option("--profile", help="Extra site profile TOML file (repeatable).")
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


def raw_for_csv(raw: bool, chosen: str) -> None:
    """``--raw`` changes CSV alone (the other formats hold the text as archived): given
    with another, it was taken and did nothing, and the user believed it had."""
    if raw and chosen != "csv":
        raise UsageError(
            f"--raw changes CSV only; {chosen} holds the text as archived already: drop --raw"
        )


# The choices of each option (Typer shows them in --help and rejects anything else).
SearchFormat = StrEnum(
    "SearchFormat", [("table", "table"), ("json", "json"), ("jsonl", "jsonl"), ("csv", "csv")]
)
ExportFormat = StrEnum(
    "ExportFormat",
    [
        ("jsonl", "jsonl"),
        ("json", "json"),
        ("csv", "csv"),
        ("warc", "warc"),
        ("parquet", "parquet"),
    ],
)
BINARY_FORMATS = ("warc", "parquet")
ShowFormat = StrEnum("ShowFormat", [("text", "text"), ("json", "json")])
StatsFormat = StrEnum("StatsFormat", [("text", "text"), ("json", "json"), ("csv", "csv")])
Period = StrEnum("Period", [("month", "month"), ("week", "week")])
MetadataFormat = StrEnum("MetadataFormat", [("yaml", "yaml"), ("json", "json")])
SortOrder = StrEnum(
    "SortOrder", [("relevance", "relevance"), ("newest", "newest"), ("oldest", "oldest")]
)


def print_version(asked: bool) -> None:
    if asked:
        from newsarchive.extractor_version import EXTRACTOR_VERSION

        sys.stdout.write(f"{EXTRACTOR_VERSION}\n")  # the version and the extractor's revision
        raise typer.Exit()


# Commands a --db before them is no mistake for: `sites` lists the profiles, which no
# archive holds, so nobody takes the listing for one archive's; and a wrapper or alias
# that puts --db before every command (``newsarchive --db ~/news.db``) lists them too.
# `extract` stays refused: its article could be taken for one archived there.
_DB_NEEDLESS = frozenset({"sites"})


def takes_db(ctx: typer.Context) -> bool:
    """The command named after the top-level options has a ``--db`` of its own, or
    is one a --db before it is no mistake for (``_DB_NEEDLESS``)."""
    group = ctx.command
    name = ctx.invoked_subcommand
    if name in _DB_NEEDLESS:
        return True
    command = group.get_command(ctx, name) if name and hasattr(group, "get_command") else None
    return command is None or any(param.name == "db" for param in command.params)


def db_path(db: str | None) -> Path:
    from newsarchive.archive.connection import resolve_db_path

    return resolve_db_path(db)


def parse_filters(
    site: list[str] | None,
    since: str | None,
    until: str | None,
    free_only: bool = False,
    lang: list[str] | None = None,
) -> Any:
    from newsarchive.api import parse_cli_date
    from newsarchive.archive.query import parse_language
    from newsarchive.archive.store import Filters
    from newsarchive.errors import QueryError
    from newsarchive.profiles.loader import typed_site

    first, last = parse_cli_date(since, "--since"), parse_cli_date(until, "--until")
    try:
        languages = tuple(dict.fromkeys(parse_language(tag, "--lang") for tag in lang or ()))
    except QueryError as exc:
        raise UsageError(str(exc)) from None
    return Filters(
        sites=tuple(typed_site(s) for s in site or ()),
        since=first,
        until=last,
        free_only=free_only,
        languages=languages,
    ).check_dates()


def stdout_if_dash(out: Path | None) -> Path | None:
    """``--out``'s '-' as stdout (None), as import-jsonl's '-' is stdin: taken as a name,
    it wrote, or replaced, a file called '-' in the current folder."""
    return None if out is not None and str(out) == "-" else out
