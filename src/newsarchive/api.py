"""The Python API behind every command: crawl, search, show, export, import, stats.

The CLI only parses options, calls these and prints; nothing here prints or exits.
Heavy imports (httpx, selectolax) happen inside ``crawl`` so ``search`` stays quick.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import logging
import sqlite3
import sys
from collections.abc import Iterable, Iterator
from functools import partial
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple, TypeVar

from newsarchive.archive import HIGHLIGHT, SEARCH_LIMIT
from newsarchive.archive.connection import (
    check_path,
    check_reader,
    connect,
    connect_reader,
    damaged,
    is_damaged,
    open_read_only,
    write_failure,
)
from newsarchive.archive.gone import gone_counts
from newsarchive.archive.lock import held_since
from newsarchive.archive.store import (
    Filters,
    Prepared,
    Preparer,
    Store,
    as_pasted,
    fetch_moment,
    get_article,
    iter_articles,
    now_iso,
)
from newsarchive.discover.walk import MAX_ATTEMPTS
from newsarchive.errors import ArchiveError, QueryError, UsageError
from newsarchive.gzip_file import MAGIC as GZIP_MAGIC

T = TypeVar("T")
log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from newsarchive.crawl_run import CrawlOptions, Progress, SiteReport
    from newsarchive.models import Article, Profile


def crawl(
    db: Path,
    profiles: Iterable[Profile],
    options: CrawlOptions,
    *,
    progress: Progress | None = None,
) -> list[SiteReport]:
    """Crawl the sites into the archive at ``db``, up to ``options.sites_at_once`` at a time.

    Sites run side by side (each with its own connection and fetcher) so a huge or slow
    site never starves the others; a bug in one site's crawl is that site's failure, not
    the run's. An archive that cannot be written ends everything: ``CrawlHalted``, with
    the sites' reports up to it (or ``ArchiveError`` when it could not be opened at all).
    """
    from newsarchive.crawl_sites import crawl_sites

    reports = crawl_sites(db, list(profiles), options, progress)
    return reports


def search(
    db: Path,
    query: str,
    *,
    filters: Filters | None = None,
    limit: int = SEARCH_LIMIT,
    offset: int = 0,
    sort: str = "relevance",
    exact: bool = False,
    highlight: tuple[str, str] = HIGHLIGHT,
    collapse: bool = False,
) -> list[dict[str, Any]]:
    """Parse the user's query and return ranked hits with marked snippets; ``collapse``
    gives one hit per story, the other copies under ``also``. A query of filters alone
    (or an empty one with ``filters``) lists the articles they choose, unranked."""
    return search_page(
        db, query, filters=filters, limit=limit, offset=offset, sort=sort, exact=exact,
        highlight=highlight, collapse=collapse,
    )[0]  # fmt: skip


class Page(NamedTuple):
    """One page of search hits, how many match in all, and how many the dates leave out
    for having none (counted only when asked: ``search_page``'s ``undated``)."""

    hits: list[dict[str, Any]]
    total: int
    undated: int = 0
    hint: str | None = None  # ``_no_match_hint``'s, when asked and nothing matched
    notes: tuple[str, ...] = ()  # how the query was read (``ParsedQuery.notes``)


def search_page(
    db: Path,
    query: str,
    *,
    filters: Filters | None = None,
    limit: int = SEARCH_LIMIT,
    offset: int = 0,
    sort: str = "relevance",
    exact: bool = False,
    highlight: tuple[str, str] = HIGHLIGHT,
    collapse: bool = False,
    undated: bool = False,
    hint: bool = False,
) -> Page:
    """``search`` skipping ``offset`` hits, and how many match in all: a page past the
    last hit is empty, and only the total says how many there were. ``undated``: also
    count the undated articles the query's dates leave out (``Prepared.undated``);
    ``hint``: when nothing matched, ``_no_match_hint``'s line; both on the same
    connection (one archive opened, one warning about its schema)."""
    from newsarchive.archive.query import parse_query
    from newsarchive.archive.search import SearchOptions, prepare
    from newsarchive.archive.search import search_page as run_search

    filters = filters or Filters()
    parsed = parse_query(query, exact=exact, filtered=filters.active())
    conn = connect_reader(db)
    try:
        options = SearchOptions(
            filters=filters, limit=limit, offset=offset, sort=sort, highlight=highlight,
            collapse=collapse,
        )  # fmt: skip
        prepared = prepare(conn, parsed, options)
        hits, total = run_search(conn, parsed, options, prepared)
        said = _no_match_hint(conn, query, filters, exact) if hint and not total else None
        return Page(hits, total, prepared.undated() if undated else 0, said, tuple(parsed.notes))
    finally:
        conn.close()


def _no_match_hint(
    conn: sqlite3.Connection, query: str, filters: Filters, exact: bool = False
) -> str | None:
    """For a query that matched nothing, the line that says what was meant, or None:
    ``archive.search.no_match``'s hint (the web page's too, in its words), with the
    command that lists what it names."""
    from newsarchive.archive.lemmas import mixes_scripts
    from newsarchive.archive.search import ADDRESS, AUTHOR, CYRILLIC, DAY, no_match

    hint = no_match(conn, query, filters, exact=exact)
    if hint is None:
        return None
    typed = query.strip()
    if hint.kind == ADDRESS:
        return (
            f"addresses are not searched; the article archived at '{typed}' is"
            f" {hint.article}: newsarchive show {hint.article}"
        )
    if hint.kind == DAY:
        articles = "1 article is" if hint.total == 1 else f"{hint.total} articles are"
        # (counted under the same --site: the command told must list as many)
        sites = "".join(f" --site {site}" for site in filters.sites)
        return (
            f"'{typed}' is a date, which no article's text holds as typed; {articles} of"
            f" that day: newsarchive search{sites} --since {hint.day} --until {hint.day}"
        )
    # (counted under the search's --site/--since/--until: the command told keeps them, or
    # it listed every site's and date's matches, not the number said)
    options = "".join(f" --site {site}" for site in filters.sites)
    options += f" --since {filters.since}" if filters.since else ""
    options += f" --until {filters.until}" if filters.until else ""
    matches = "1 article" if hint.total == 1 else f"{hint.total} articles"
    if hint.kind == CYRILLIC:
        # ("Рuсе": a letter typed on the other layout, inside a Cyrillic word)
        latin = (
            "has Latin letters in a Cyrillic word"
            if mixes_scripts(query)
            else "is in Latin letters"
        )
        return (
            f"'{query}' {latin}; in Cyrillic, '{hint.words}' matches {matches}:"
            f" newsarchive search '{hint.words}'{options}"
        )
    if hint.kind == AUTHOR:
        return (
            f"'{query}' matched nothing: author: takes one word, the words after it were"
            f" searched in the texts; as one name, '{hint.words}' matches {matches}:"
            f" newsarchive search '{hint.words}'{options}"
        )
    how = (  # (FORMS: quoted words, or --exact, that match in other forms)
        "with --exact its words match only as typed"
        if hint.words == typed
        else "quoted words match only as typed, side by side"
    )
    return (
        f"'{query}' matched nothing: {how}; in any form, '{hint.words}' matches"
        f" {matches}: newsarchive search '{hint.words}'{options}"
    )


class Totals(NamedTuple):
    """How many articles match, per site and year, and how many the dates leave out for
    having none (counted only when asked: ``search_totals``'s ``undated``)."""

    rows: list[dict[str, Any]]
    undated: int = 0
    hint: str | None = None  # ``_no_match_hint``'s, when asked and nothing matched
    notes: tuple[str, ...] = ()  # how the query was read (``ParsedQuery.notes``)


def search_totals(
    db: Path,
    query: str,
    *,
    filters: Filters | None = None,
    exact: bool = False,
    undated: bool = False,
    hint: bool = False,
) -> Totals:
    """How many articles match ``query``, per site and year; with ``undated`` also the
    matches its dates leave out for having none (``search --count`` says so as the list
    does), on the same preparation; with ``hint``, when nothing matched, the line saying
    what was meant, as ``search_page`` finds it: one archive opened, not two."""
    from newsarchive.archive.query import parse_query
    from newsarchive.archive.search import Prepared, per_site_year

    filters = filters or Filters()
    parsed = parse_query(query, exact=exact, filtered=filters.active())
    conn = connect_reader(db)
    try:
        prepared = Prepared(conn, parsed, filters)
        rows = per_site_year(prepared)
        said = _no_match_hint(conn, query, filters, exact) if hint and not rows else None
        undated_count = prepared.undated() if undated else 0
        return Totals(rows, undated_count, said, tuple(parsed.notes))
    finally:
        conn.close()


def show(db: Path, id_or_url: str) -> dict[str, Any]:
    """One archived article with its provenance (``extractor``, ``capture_id``), its
    earlier versions (``revisions``, oldest first) and the other copies of its story
    (``also``: site, URL, date), or a ``UsageError`` naming what was not found."""
    from newsarchive.archive import revisions
    from newsarchive.archive.copies import also

    conn = connect_reader(db)
    try:
        found = None
        for typed in as_pasted(id_or_url):
            found = get_article(conn, typed, provenance=True)
            if found is not None:
                break
        if found is not None:
            found["revisions"] = revisions.history(conn, found["id"])
            found["also"] = also(conn, found["id"], found["story"])
    finally:
        conn.close()
    if found is None:
        raise UsageError(f"no article with id or URL '{id_or_url}' in {db}")
    return found


def latest_change(article: dict[str, Any]) -> str | None:
    """``show --diff``: the words the latest change removed and added, title then text;
    None for an article never edited. That is no mistake of the user's (exit 2): it is
    an answer, as a search with no hits is, and a script diffing every article it found
    stopped at the first unedited one."""
    from newsarchive.archive.revisions import diff_header, render_diff, word_diff

    if not article["revisions"]:
        return None
    before = article["revisions"][-1]
    lines = diff_header(before, article)
    if before["title"] != article["title"]:
        lines.append("title: " + render_diff(word_diff(before["title"], article["title"])))
    lines.append(render_diff(word_diff(before["text"], article["text"])))
    return "\n".join(lines) + "\n"


def export(db: Path, filters: Filters | None = None) -> Iterator[dict[str, Any]]:
    """Every matching article as an export record.

    The archive is opened and the sites checked before this returns, so a bad ``--db`` or
    ``--site`` fails before ``--out`` is created; the rows then stream.
    """
    from newsarchive.archive.search import check_sites

    filters = filters or Filters()
    conn = connect_reader(db)
    try:
        check_sites(conn, filters.sites)
    except BaseException:
        conn.close()
        raise
    return _stream(conn, filters)


def export_file(db: Path, filters: Filters, fmt: str, out: Path) -> int:
    """``export --format warc|parquet`` to ``out``; returns how many records were written.

    Written whole or not at all (``export.outfile``), so a failure (a full disk, a missing
    library) never leaves a half file that looks like an export.
    """
    from newsarchive.archive.search import check_sites
    from newsarchive.export.outfile import written_whole

    writer = _binary_writer(fmt)
    conn = connect_reader(db)
    try:
        check_sites(conn, filters.sites)
        with written_whole(out, "wb") as handle:
            count: int = writer(conn, filters, handle)
    finally:
        conn.close()
    return count


# The library each binary format needs, and how to get it.
_BINARY_NEEDS = {
    "warc": ("warcio", "pip install warcio (a dependency of newsarchive: reinstall it)"),
    "parquet": ("pyarrow", "pip install 'newsarchive[parquet]'"),
}


def _binary_writer(fmt: str) -> Any:
    """The writer of a binary format, or one line saying which library is missing."""
    import importlib

    module, remedy = _BINARY_NEEDS[fmt]
    try:
        importlib.import_module(module)
    except ImportError:
        raise UsageError(f"--format {fmt} needs {module}: {remedy}") from None
    if fmt == "warc":
        from newsarchive.export.warc import write_warc

        return write_warc
    from newsarchive.export.parquet import write_parquet

    return write_parquet


def _stream(conn: sqlite3.Connection, filters: Filters) -> Iterator[dict[str, Any]]:
    try:
        yield from iter_articles(conn, filters)
    finally:
        conn.close()


def _published(value: Any, line: int, key: str, dropped: list[str]) -> Any:
    """An export's ``published`` (or, by ``key``, ``modified``) date; absent stays None,
    and so does a CMS's or a database's "no date" (``date_stamps.is_placeholder_date``: the
    Unix epoch, a year before 1900, ``0000-00-00``), which the crawl takes as none: the
    field is dropped (its key added to ``dropped``, said once for the file:
    ``_say_dropped``), the record kept. Refused, one such date refused the whole file."""
    if value in (None, ""):
        return None
    from newsarchive.date_stamps import is_placeholder_date, parse_iso

    parsed = parse_iso(str(value)) if isinstance(value, str) else None
    if parsed is None and isinstance(value, str) and is_placeholder_date(value):
        dropped.append(f"{key}:placeholder")
        return None
    if parsed is None:
        raise UsageError(f"line {line}: '{key}' must be an ISO date or date-time")
    return parsed


def _recorded(value: Any, line: int, key: str, allowed: Iterable[str]) -> str | None:
    """An export's ``date_source``, ``date_note`` or ``access``: one of ``allowed``, else a
    one-line error; absent (an export from before the column: v3, v11, v31) stays
    unrecorded."""
    if value in (None, ""):
        return None
    if value not in allowed:
        raise UsageError(f"line {line}: '{key}' must be null or one of {', '.join(allowed)}")
    return str(value)


# What a file given to import-jsonl is, by its first bytes: export's other formats (a
# Parquet or WARC file exported beside the JSON Lines was "not UTF-8 text", and an
# uncompressed WARC, text, "line 1: not valid JSON")
FOREIGN_FILES = (
    (b"PAR1", "a Parquet file: import-jsonl reads JSON Lines (export --format jsonl)"),
    (b"WARC/", "a WARC file: import-warc reads it"),
    (GZIP_MAGIC, "gzip-compressed: import-jsonl reads plain JSON Lines (import-warc reads"
     " a .warc.gz)"),
    # (Windows PowerShell's ``>`` writes UTF-16: a line of it was "not UTF-8 text")
    (b"\xff\xfe", "UTF-16 text: import-jsonl reads UTF-8 (iconv -f utf-16 -t utf-8)"),
    (b"\xfe\xff", "UTF-16 text: import-jsonl reads UTF-8 (iconv -f utf-16 -t utf-8)"),
    # (an archive given as the file to import was "not UTF-8 text … iconv -f windows-1251")
    (b"SQLite format 3\x00", "an SQLite database, not JSON Lines: an archive is read with"
     " --db ARCHIVE, and its articles moved with export, then import-jsonl"),
)  # fmt: skip
# How many of a file's first bytes ``foreign_file`` needs to see (SQLite's header is 16)
FOREIGN_HEAD = 16


def foreign_file(head: bytes) -> str | None:
    """What a file beginning with ``head`` is, when it is one of the formats above."""
    return next((kind for magic, kind in FOREIGN_FILES if head.startswith(magic)), None)


# What a first line that is CSV, or one JSON array, is told.
_NOT_JSON_LINES = (
    ": import-jsonl reads JSON Lines, one object a line, as export --format jsonl writes"
)


def _import_record(
    line: str, number: int
) -> tuple[Article, str, str, str | None, tuple[str, ...], bool, tuple[str, ...]] | None:
    """One JSON Lines record as (Article, site, url, fetched_at, the dates dropped from it
    as ``key:why``: a placeholder, or one after its fetch, ``_without_future``; whether
    its host is one no server can have, ``_check_url``; the columns recorded beside the
    article it holds no key for, which the archived row keeps: ``Store.upsert_article``'s
    ``unsaid``); None for a blank line."""
    from newsarchive.archive.store import RECORD_KEYS, RECORDED_BESIDE, REVISION_FIELDS
    from newsarchive.models import ACCESS_WORDS, DATE_NOTES, DATE_SOURCES, Article
    from newsarchive.profiles.loader import is_site_id

    if number == 1:  # a byte-order mark, as Notepad and PowerShell write UTF-8
        line = line.removeprefix("\ufeff")
        # (a stdin read with surrogateescape, as under a C or UTF-8 locale, gives the
        # bytes back: gzip's 0x8b is no UTF-8)
        if (
            kind := foreign_file(line[:FOREIGN_HEAD].encode("utf-8", "surrogateescape"))
        ) is not None:
            raise UsageError(f"line 1: not JSON Lines but {kind}")  # (on stdin)
    if not line.strip():
        return None
    if not line.isascii():
        _check_utf8(line, number)
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        if line.lstrip().startswith("{") and (
            exc.msg.startswith("Unterminated string") or exc.pos >= len(line.rstrip())
        ):
            raise _cut_short(number) from None
        hint = "" if line.lstrip().startswith("{") else _NOT_JSON_LINES
        # ("Unterminated string starting at", "Invalid control character at": where)
        where = f" character {exc.pos + 1}" if exc.msg.endswith(" at") else ""
        raise UsageError(f"line {number}: not valid JSON ({exc.msg}{where}){hint}") from None
    except RecursionError:  # ('[' * 100000: "internal error", exit 70)
        raise UsageError(f"line {number}: not valid JSON (nested too deeply)") from None
    except ValueError:  # (a number of 5,000 digits: Python's int limit, "internal error")
        raise UsageError(
            f"line {number}: not valid JSON (a number longer than"
            f" {sys.get_int_max_str_digits():,} digits, which no field holds)"
        ) from None
    if not isinstance(data, dict):
        hint = _NOT_JSON_LINES if isinstance(data, list) else ""
        raise UsageError(f"line {number}: expected a JSON object{hint}")
    for key in RECORD_KEYS:
        if data.get(key) in (None, ""):
            raise Unkeyed(f"line {number}: missing '{key}'")
        if not isinstance(data[key], str):
            raise UsageError(f"line {number}: '{key}' must be a string")
    if not is_site_id(data["site"]):
        raise UsageError(
            f"line {number}: 'site' must be a site id (a profile's, as bta, or a host's, as"
            f" x.bg), not {data['site']!r}"
        )
    unreachable = _check_url(data["url"], number)
    dropped: list[str] = []
    title, text, author = (_text_field(data, key, number) for key in ("title", "text", "author"))
    tags = data.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
        raise UsageError(f"line {number}: 'tags' must be a list of strings or null")
    article = Article(
        title=title or "",
        text=text or "",
        published=_published(data.get("published"), number, "published", dropped),
        date_source=_recorded(data.get("date_source"), number, "date_source", DATE_SOURCES),
        date_note=_recorded(data.get("date_note"), number, "date_note", DATE_NOTES),
        access=_recorded(data.get("access"), number, "access", ACCESS_WORDS),
        modified=_published(data.get("modified"), number, "modified", dropped),
        author=author,
        # (as a crawl keeps a page's tags, ``pipeline._pick_tags``: a blank one, which
        # ``show`` printed as "Tags: " and nothing, dropped; one given twice, once)
        tags=tuple(dict.fromkeys(tag for tag in tags if tag.strip())),
    )
    fetched_at = data.get("fetched_at")
    fetched = _fetched_at(str(fetched_at), number, dropped) if fetched_at else None
    # (the address by the record's own date_source, which names an item's fragment:
    # read after the date was dropped, an item lost it and overwrote its page's row)
    url = _import_url(data["url"], article.date_source)
    if "published:placeholder" in dropped:
        article = _undated(article)
    article = _without_future(article, fetched, dropped)
    # (only a JSON escape can make one: the line itself was UTF-8 (``_check_utf8``), or
    # ASCII; a record with no "\\u" in it, nearly every one, is not encoded again field
    # by field: 3 µs of an import's article)
    texts = {"site": data["site"], "url": data["url"], "title": article.title,
             "text": article.text, "author": author or "", "tags": "".join(article.tags),
             "fetched_at": fetched or ""} if "\\u" in line else {}  # fmt: skip
    for key, value in texts.items():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # JSON may escape a lone surrogate ("\ud800")
            raise UsageError(
                f"line {number}: '{key}' holds a lone surrogate, which UTF-8 cannot store"
            ) from None
    unsaid = tuple(c for c in (*REVISION_FIELDS, *RECORDED_BESIDE) if c not in data)
    return article, data["site"], url, fetched, tuple(dropped), unreachable, unsaid


def _fetched_at(value: str, number: int, dropped: list[str]) -> str | None:
    """A record's ``fetched_at``; None (the import's time is stored, as for a record
    without one) when it is a placeholder (``0000-00-00``, the Unix epoch): every date
    judged against the epoch was dropped as after it. One after now is noted in
    ``dropped`` (said once) and kept as given: the import's time in its place would
    count the record as news today (``_last_fetched`` takes a future stamp for none),
    and its dates are the record's own clock's, judged against it."""
    from newsarchive.date_stamps import after, is_placeholder_date

    if is_placeholder_date(value):
        dropped.append("fetched_at:placeholder")
        return None
    try:  # (a Parquet export of 'garbage' was an internal error)
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(f"line {number}: 'fetched_at' must be an ISO date-time") from None
    if after(moment, dt.datetime.now(dt.UTC)):
        dropped.append("fetched_at:future")
    return value


def _undated(article: Article) -> Article:
    """``article`` without its ``published`` date and what the record said of it: a
    ``date_source`` or ``date_note`` left behind described a date no longer there
    (``show`` printed "date source: jsonld, a guess: ..." beside none); unrecorded, as in
    an export from before those columns. Read after the URL is (``_import_url`` asks
    the record's own ``date_source``)."""
    from dataclasses import replace

    from newsarchive.models import OF_PUBLISHED

    unstated: dict[str, Any] = dict.fromkeys(OF_PUBLISHED)
    return replace(article, published=None, **unstated)


def _without_future(article: Article, fetched: str | None, dropped: list[str]) -> Article:
    """``article`` without its ``published`` or ``modified`` date when that lies after
    its fetch time (``fetched``; none recorded: now), by the rule
    a crawl refuses such a date with (``date_stamps.after``): a record dated 9999 was kept as
    dated, and charted and sorted first; the record is kept without it, as a crawl of
    its page would have stored it (each key dropped added to ``dropped``)."""
    from dataclasses import replace

    from newsarchive.date_stamps import after

    moment = dt.datetime.fromisoformat(fetched) if fetched else dt.datetime.now(dt.UTC)
    if article.published is not None and after(article.published, moment):
        article = _undated(article)
        dropped.append("published:future")
    if article.modified is not None and after(article.modified, moment):
        article = replace(article, modified=None)
        dropped.append("modified:future")
    return article


_NO_DATE = (
    'that is how a CMS or a database writes "no date" (the Unix epoch, a year before 1900,'
    " 0000-00-00)"
)
# what a warning says of the records an import kept without a date, or judged by another
# (``_say_dropped``), by "key:why"
_DROPPED = {
    "published:future": (
        "a 'published' date after their fetch time",
        "kept without it, as a crawl refuses such a date",
    ),
    "modified:future": (
        "a 'modified' date after their fetch time",
        "kept without it, as a crawl refuses such a date",
    ),
    "published:placeholder": (
        f"a 'published' {_NO_DATE}",
        "kept without it, as a crawl takes such a date as none",
    ),
    "modified:placeholder": (
        f"a 'modified' {_NO_DATE}",
        "kept without it, as a crawl takes such a date as none",
    ),
    "fetched_at:placeholder": (
        f"a 'fetched_at' {_NO_DATE}",
        "kept as fetched at the import's time, as a record without one is",
    ),
    "fetched_at:future": (
        "a 'fetched_at' in the future",
        "kept as given, a wrong clock's (--warn-idle takes it for no news), and their"
        " dates judged against it",
    ),
}


def _say_dropped(dropped: dict[str, tuple[int, str]]) -> None:
    """One warning per date field and reason for an import's records kept without it
    (a ``fetched_at`` in the future: with it, said): how many, and the first record's
    address."""
    for kind, (count, first) in dropped.items():
        what, kept = _DROPPED[kind]
        log.warning("%d imported record(s) have %s (first: %r): %s", count, what, first, kept)


# The longest line a record takes: the text of the largest page a crawl reads (10 MiB),
# every letter escaped as \uXXXX (6 bytes), with room for the other fields
MAX_LINE_BYTES = 128 * 1024 * 1024


def jsonl_lines(handle: IO[bytes]) -> Iterator[str]:
    """The lines of a JSON Lines file or stdin, each decoded on its own, undecodable bytes
    kept as surrogates for ``_check_utf8`` to name by their line. Decoded by a text
    stream instead, a file in windows-1251 was "FILE is not UTF-8 text", naming no line,
    and the same bytes on stdin (read with surrogateescape under a C or UTF-8 locale)
    "'title' holds a lone surrogate", as if the JSON had escaped one. A line is read up
    to ``MAX_LINE_BYTES``: ``import-jsonl /dev/zero``, one line never ending, was read
    until memory ran out (an internal error, MemoryError, or the machine's swap).

    A bare CR ends a line too (an old Mac editor's ending; CR LF, which JSON Lines
    allows, is one ending): split on LF alone, such a file was one line, "line 1: not
    valid JSON (Extra data)". JSON holds no raw CR but as whitespace between tokens, so
    no record is cut by it."""
    number = 0
    for chunk in iter(partial(handle.readline, MAX_LINE_BYTES + 1), b""):
        if len(chunk) > MAX_LINE_BYTES:
            cr = "; its lines end in a bare CR: tr '\\r' '\\n' first" if b"\r" in chunk else ""
            raise UsageError(
                f"line {number + 1} is longer than {MAX_LINE_BYTES:,} bytes, which no record"
                f" is (export writes one article a line){cr}"
            )
        body = chunk.removesuffix(b"\n").removesuffix(b"\r")
        for line in body.split(b"\r") if b"\r" in body else (chunk,):
            number += 1
            yield line.decode("utf-8", "surrogateescape")


def _cut_short(number: int) -> UsageError:
    """A line that ends inside its record, a character or a JSON value begun and not
    finished: a file cut short (an export killed, a copy or download that stopped). It
    was "not UTF-8 text ... convert the file first, e.g. iconv -f windows-1251", advice
    that garbles a UTF-8 file, or "not valid JSON (Unterminated string starting at)"."""
    return UsageError(
        f"line {number} ends inside its record: the file is cut short (an export, copy or"
        " download that did not finish?); nothing imported"
    )


def _check_utf8(line: str, number: int) -> None:
    """Refuse a line read from bytes that are not UTF-8 (``jsonl_lines``): its first such
    byte, and how to convert the file (export writes UTF-8); or, when those bytes are a
    character begun at the line's very end, the file cut short (``_cut_short``)."""
    try:
        line.encode("utf-8")
    except UnicodeEncodeError as exc:
        tail = line[exc.start :].encode("utf-8", "surrogateescape")
        if len(tail) < 4 and _utf8_begun(tail):
            raise _cut_short(number) from None
        byte = line[exc.start].encode("utf-8", "surrogateescape")
        raise UsageError(
            f"line {number}: not UTF-8 text (byte 0x{byte.hex()} at character"
            f" {exc.start + 1}); convert the file first, e.g. iconv -f windows-1251 -t"
            " utf-8"
        ) from None


def _utf8_begun(tail: bytes) -> bool:
    """Whether ``tail`` is the start of one UTF-8 character, its last bytes missing."""
    try:
        return codecs.getincrementaldecoder("utf-8")().decode(tail, final=False) == ""
    except UnicodeDecodeError:
        return False


class Unkeyed(UsageError):
    """A JSON Lines record without a key it is archived by (``RECORD_KEYS``: its ``site``
    or ``url``): a hand-made file's. Nothing can be matched to it or hurt by it, so its
    line alone is refused, said with its number, and the rest imported (exit 1), where
    one such line refused the whole file."""


class Skipped(NamedTuple):
    """What the writer is handed for an ``Unkeyed`` line: why (its one line)."""

    said: str


def _ready_record(
    numbered: tuple[int, str], preparer: Preparer
) -> tuple[Prepared, str, str, str | None, bool, tuple[str, ...], tuple[str, ...]] | Skipped | None:
    """A numbered line's record (``_import_record``) with its article ``Prepared`` for
    the writer, whether its host is one no server can have (``_say_unfetchable``), the
    dates dropped from it (``_say_dropped``) and the columns it does not say: all of an
    import's work that needs no archive, so it can be done ahead. A record without its
    site or address is ``Skipped``."""
    try:
        record = _import_record(numbered[1], numbered[0])
    except Unkeyed as exc:
        return Skipped(str(exc))
    if record is None:
        return None
    article, site, url, fetched_at, dropped, unreachable, unsaid = record
    # (``url`` differs from the record's at most by its fragment: the host is the one
    # ``_check_url`` judged)
    return preparer(article, url), site, url, fetched_at, unreachable, dropped, unsaid


def _as_it_is(item: T) -> T:
    return item


def _text_field(data: dict[str, Any], key: str, number: int) -> str | None:
    """A record's ``title``, ``text`` or ``author``: a string, or None when absent or empty.

    Anything else is refused: ``"text": ["…"]`` was archived as Python's "['…']", and a
    string of tags ("a,b") was dropped without a word."""
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise UsageError(f"line {number}: '{key}' must be a string or null")
    return value or None


def _import_url(url: str, date_source: str | None) -> str:
    """The URL a record is archived under: without its fragment, unless it names an item
    of a page of items in full (``urls.item_url``), the only archived URLs with one.

    A fragment is a key's part (``archive_key``), so a foreign record of
    ``.../news/1#comments`` became a row no crawl of ``.../news/1`` found, and the first
    one duplicated it. An anchor's own spelling cannot tell an item's (the page's ``id``
    of it, say) from a link's; the record can: every item the crawl archives is dated
    by its text (``FullItem.article``), so our own export's items, and only records
    saying so, keep theirs."""
    from newsarchive.discover.urls import without_userinfo

    url = without_userinfo(url)  # (a password a hand-made record wrote: never archived)
    page, mark, fragment = url.partition("#")
    if not mark or (fragment and date_source == "text"):
        return url
    return page


def _check_url(url: str, line: int) -> bool:
    """A URL the archive can key and the article page can link (``urls.web_url_problem``);
    its host may be one no server can have: nothing is fetched from a record, and the
    archive's own export holds such rows (``_say_unfetchable``). Returns whether it has
    such a host. A fetchable URL, nearly every record's, is judged once: judged twice
    (``fetched=False``, then again with its host) it cost 15 µs instead of 9, of a
    record's 250 µs of preparing."""
    from newsarchive.discover.urls import web_url_problem

    if not web_url_problem(url):
        return False
    if problem := web_url_problem(url, fetched=False):
        raise UsageError(f"line {line}: 'url' {problem}: {url!r}")
    return True


def _say_unfetchable(count: int, first: str) -> None:
    """One warning for imported records whose host no server can have ("a..bg"), JSON
    Lines' and WARC's alike: kept as they were (nothing is fetched from a record, and
    dropping them lost pages a file held), but no crawl can reach them."""
    if count:
        log.warning(
            "%d imported record(s) have an address no server can have (first: %r): kept as"
            " they were; no crawl can fetch them",
            count,
            first,
        )


def _moved_store(conn: sqlite3.Connection, moves: dict[str, dict[str, str]] | None = None) -> Store:
    """The archive's writer for an import, following every move to another domain the
    archive records (``moves``: ``recorded_moves``, read here when not given) as a crawl
    follows its site's: a record at the new domain updates the article archived under the
    old one."""
    from newsarchive.archive.frontier import recorded_moves

    store = Store(conn)
    for moved in (recorded_moves(conn) if moves is None else moves).values():
        for origin, moved_to in moved.items():
            store.take_move(origin, moved_to)
    return store


def _moved_profiles(moves: dict[str, dict[str, str]], profiles: Iterable[Profile]) -> list[Profile]:
    """``profiles``, each at the domain its site moved to from the profile's origin, as
    the archive records it (``moves``; the move a crawl takes up at its start:
    ``_stored_move``): a WARC record at the new domain is the site's, not a generic site's
    of that host."""
    from newsarchive.crawl_discovery import site_origin
    from newsarchive.discover.urls import moved_profile, moves_from

    out = []
    for profile in profiles:
        for origin, moved_to in moves_from(site_origin(profile.origin), moves.get(profile.id, {})):
            profile = moved_profile(profile, origin, moved_to)  # (each step: a -> b -> c)
        out.append(profile)
    return out


def import_jsonl(db: Path, lines: Iterable[str]) -> dict[str, int]:
    """Load export records; all-or-nothing, so a bad line leaves the archive untouched.

    Records stream into one transaction (a large file is never held in memory); any
    error rolls it back, and an archive file this import created is removed again.
    """
    from newsarchive.archive.connection import check_creatable
    from newsarchive.archive.lock import CrawlLock

    check_creatable(db)  # (first: ``exists`` raised on a name too long, exit 70)
    with CrawlLock(db, "import-jsonl") as lock:  # a writer like crawl: never two at once (exit 75)
        # asked under the lock: asked before it, an import that took the lock from one
        # finishing a new archive (two cron imports at once) took that archive for its
        # own, and deleted it, records and all, when its own file had a bad line
        existed = db.exists()
        try:
            return _import_locked(db, lines, existed)
        except BaseException:
            if not existed:
                lock.path.unlink(missing_ok=True)
            raise


def _import_locked(db: Path, lines: Iterable[str], existed: bool) -> dict[str, int]:
    from newsarchive.prepare_ahead import prepared_ahead
    from newsarchive.readahead import ReadAhead

    conn = connect(db, create=True)
    # One long transaction: with SQLite's 2 MB default cache the index pages it touches
    # (FTS, URL keys, story keys) are spilled to the WAL again and again; up to 512 MB
    # keeps them (200k articles: 91 s instead of 100 s). Only what is used is allocated.
    conn.execute("PRAGMA cache_size = -524288")
    counts = {"new": 0, "updated": 0, "unchanged": 0, "skipped": 0}
    unfetchable = (0, "")
    dropped: dict[str, tuple[int, str]] = {}  # "key:why" -> (records, the first's URL)
    skipped: list[str] = []  # the first ``SKIPPED_SAID`` lines' ``Skipped.said``
    ok = False
    try:
        store = _moved_store(conn)
        with conn:
            conn.execute("BEGIN IMMEDIATE")  # open before indexing_inserts' DDL
            # (prepared in a worker process; received and unpickled by a thread of this
            # one while the writer waits in its index batches)
            records = ReadAhead(
                prepared_ahead(enumerate(lines, 1), partial(_ready_record, preparer=Preparer())),
                _as_it_is,
            )
            with store.indexing_inserts(alongside=records.read_ahead):
                for record in records:
                    if record is None:
                        continue
                    if isinstance(record, Skipped):
                        counts["skipped"] += 1
                        skipped.append(record.said)
                        continue
                    article, site, url, fetched_at, unreachable, dates_dropped, unsaid = record
                    outcome = store.upsert_article(
                        article,
                        site=site,
                        url=url,
                        fetched_at=fetched_at or now_iso(),
                        unsaid=unsaid,
                    )
                    counts[outcome] += 1
                    if unreachable:  # (counted, and the first named: not each kept)
                        unfetchable = (unfetchable[0] + 1, unfetchable[1] or url)
                    for kind in dates_dropped:
                        count, first = dropped.get(kind, (0, url))
                        dropped[kind] = (count + 1, first)
        ok = True
        _say_elsewhere(store)
        _say_unfetchable(*unfetchable)
        _say_dropped(dropped)
        _say_skipped(skipped, counts["skipped"])
    except sqlite3.DatabaseError as exc:
        if is_damaged(exc):
            raise UsageError(f"import failed, nothing imported: {damaged(exc)}") from None
        # (a full disk was exit 2, "bad usage or input", where a crawl says 74)
        raise write_failure(exc, "import failed, nothing imported") from None
    finally:
        conn.close()
        if not ok and not existed:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{db}{suffix}").unlink(missing_ok=True)
    return counts


# How many skipped lines an import names one by one; the rest are counted
SKIPPED_SAID = 20


def _say_skipped(said: list[str], count: int) -> None:
    """A line per record skipped for lacking its site or address (``Unkeyed``), its
    number in it, up to ``SKIPPED_SAID``; then how many more."""
    for line in said[:SKIPPED_SAID]:
        log.error("%s: skipped, the rest imported", line)
    if count > SKIPPED_SAID:
        log.error("... and %d more lines skipped so", count - SKIPPED_SAID)


def _say_elsewhere(store: Store) -> None:
    """One warning for an import's records whose address the archive holds under another
    site than they belong to (``Store.elsewhere``), JSON Lines' and WARC's alike: counted
    "unchanged" (or "updated") and kept under that site."""
    if line := store.elsewhere.said("imported record(s)", "in the file"):
        log.warning("%s", line)


def import_warc(
    db: Path, files: Iterable[Path], *, profile_files: Iterable[Path] = ()
) -> dict[str, Any]:
    """Archive the HTML responses of WARC files, under the crawl lock (a writer)."""
    import os

    from newsarchive.archive.frontier import recorded_moves
    from newsarchive.archive.lock import CrawlLock
    from newsarchive.profiles.loader import list_profiles
    from newsarchive.warc_import import SKIPS, import_files, starts_as_warc

    paths = list(files)
    for path in paths:  # every file readable, and a WARC, before anything is written
        if str(path) == "-" and not path.exists():  # (import-jsonl's and extract's '-' is)
            raise UsageError(
                "import-warc reads WARC files, not stdin ('-'): save it to a file first"
            )
        try:
            if not path.is_file() or not os.access(path, os.R_OK):
                try:  # (a loop of symbolic links was "no such file": ``exists`` is False)
                    path.stat()
                except FileNotFoundError:
                    why = "no such file"
                except OSError as exc:
                    why = exc.strerror or str(exc)
                else:
                    why = "not a readable file"
                raise UsageError(f"cannot read {path}: {why}")
            with path.open("rb") as handle:
                if not starts_as_warc(handle):
                    raise UsageError(
                        f"{path} is not a WARC file (it starts with neither 'WARC/' nor"
                        " gzip); nothing imported"
                    )
        except OSError as exc:  # (a name too long: ``is_file`` raises it)
            raise UsageError(f"cannot read {path}: {exc.strerror}") from None
    profiles = list_profiles(profile_files).values()
    connect(db, create=True).close()
    with CrawlLock(db, "import-warc"):
        conn = connect(db, create=True)
        try:
            moves = recorded_moves(conn)  # (read once: the profiles and the writer follow it)
            moved = _moved_profiles(moves, profiles)
            store = _moved_store(conn, moves)
            report = import_files(store, paths, moved)
            _say_elsewhere(store)
            _say_unfetchable(*report.unfetchable)
        except sqlite3.DatabaseError as exc:
            raise write_failure(exc) from None
        finally:
            conn.close()
    return {
        **{k: report.outcomes[k] for k in ("new", "updated", "unchanged")},
        "skipped": {SKIPS[k]: n for k, n in report.skipped.items() if n},
        "damaged": report.damaged,
    }


def reextract(
    db: Path,
    *,
    filters: Filters | None = None,
    profile_files: Iterable[Path] = (),
    workers: int | None = None,
) -> dict[str, Any]:
    """Rebuild articles from their stored captures (no network), under the crawl lock."""
    from newsarchive.archive.lock import CrawlLock
    from newsarchive.archive.search import check_sites
    from newsarchive.reextract import reextract_archive

    connect(db, create=False).close()  # the usual one-line error before taking the lock
    with CrawlLock(db, "reextract"):
        conn = connect(db, create=False)
        try:
            check_sites(conn, (filters or Filters()).sites)
            report = reextract_archive(
                conn, filters=filters, profile_files=profile_files, workers=workers
            )
        finally:
            conn.close()
    return {
        "changed": report.changed,
        "unchanged": report.unchanged,
        "failed": report.failed,
        "skipped": report.skipped,
        "unknown_sites": dict(sorted(report.unknown_sites.items())),
    }


def rename_site(db: Path, old: str, new: str, *, merge: bool = False) -> dict[str, int]:
    """Move what the archive keeps under site ``old`` to ``new`` (``archive.rename``), under
    the crawl lock (a writer: never beside a crawl, which would go on writing the old id);
    how many rows of each kind moved. A ``new`` that holds articles already is refused
    unless ``merge``: a slip naming another site would make two sites one for good
    (renaming back moves both)."""
    from newsarchive.archive.lock import CrawlLock
    from newsarchive.archive.rename import rename_site as rename
    from newsarchive.archive.rename import site_ids
    from newsarchive.profiles.loader import is_site_id, meant_site, named_sites

    if not is_site_id(new):
        raise UsageError(f"'{new}' is no site id (a profile's, as bta, or a host's, as x.bg)")
    if new == old:
        raise UsageError(f"the site is '{old}' already")
    connect(db, create=False).close()  # the usual one-line error before taking the lock
    with CrawlLock(db, "rename-site"):
        conn = connect(db, create=False)
        try:
            known = site_ids(conn)
            if old not in known:
                raise UsageError(
                    f"no site '{old}' in this archive (its sites: {named_sites(known)})"
                    + meant_site(old, known)
                )
            held = conn.execute("SELECT count(*) FROM articles WHERE site = ?", (new,))
            if (count := held.fetchone()[0]) and not merge:
                raise UsageError(
                    f"site '{new}' holds {count} article{'s' * (count != 1)} already: pass"
                    f" --merge to make '{old}' and '{new}' one site (renaming back would move"
                    " both)"
                )
            return rename(conn, old, new)
        except sqlite3.DatabaseError as exc:
            raise write_failure(exc, "cannot rename the site, nothing renamed") from None
        finally:
            conn.close()


def stats(db: Path) -> dict[str, Any]:
    """Counts per site, date range, and the last run per site; ``gone``: the site's
    archived articles a later fetch found removed (``archive.gone``)."""
    conn = connect_reader(db)
    try:
        gone = gone_counts(conn)
        sites = [
            {"site": r[0], "articles": r[1], "first": r[2], "last": r[3], "gone": gone.get(r[0], 0)}
            for r in conn.execute(
                "SELECT site, count(*), min(published_date), max(published_date)"
                " FROM articles GROUP BY site ORDER BY site"
            )
        ]
        cursor = conn.execute(
            "SELECT * FROM runs WHERE id IN (SELECT max(id) FROM runs GROUP BY site) ORDER BY site"
        )
        names = [d[0] for d in cursor.description]  # older archives lack newer run columns
        runs = [dict(zip(names, r, strict=True)) for r in cursor]
        total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        rested = _rested_sources(conn)
    finally:
        conn.close()
    holder, known = None, True
    if any(run.get("finished_at") is None for run in runs):
        try:
            holder = held_since(db)
        except ArchiveError:
            known = False
    for run in runs:
        run["state"] = _run_state(run, holder, known=known)
    return {"articles": total, "sites": sites, "last_runs": runs, "rested_sources": rested}


def _rested_sources(conn: sqlite3.Connection, site: str | None = None) -> list[dict[str, Any]]:
    """The sources a crawl rests, failing run after run while their site's others
    answer (``crawl_rests``): what failed, how often, in how many runs of the site it is
    asked again, and that said (``asked_again``: "after 2 more runs", as ``stats`` and
    ``check-site`` print it); ``site``'s alone when given. None in an archive older than
    v22 (read as it is)."""
    try:
        cursor = conn.execute(
            "SELECT site, url, failures, rest_left, last_error FROM source_failures"
            " WHERE failures >= ? AND (? IS NULL OR site = ?) ORDER BY site, url",
            (MAX_ATTEMPTS, site, site),
        )
    except sqlite3.OperationalError:  # (no such table)
        return []
    names = ("site", "url", "failures", "rest_left", "error")
    rows = [dict(zip(names, row, strict=True)) for row in cursor]
    if rows:  # (imported only then: ``stats`` of an archive resting none loads no frontier)
        from newsarchive.archive.frontier import asked_again

        for row in rows:
            row["asked_again"] = asked_again(row["rest_left"])
    return rows


def site_rests(db: Path, site: str) -> list[dict[str, Any]]:
    """``site``'s rested sources (``_rested_sources``) in the archive at ``db``, for
    ``check-site``, which fetches and archives nothing: none when there is no archive
    there yet (a profile checked before its first crawl). A path that can be no archive
    is said first (``check_path``): a name too long raised from ``exists``, exit 70.

    Read as it is, never upgraded (``connect_reader`` upgrades an older archive the user
    can write): checking a profile ran a migration over every stored article, waited on a
    crawl's lock for it, or refused an old read-only archive, for a list its table
    (v22's, unchanged since) holds as it is or, in an archive older still, does not."""
    conn = _read_if_there(db)
    if conn is None:
        return []
    try:
        return _rested_sources(conn, site)
    finally:
        conn.close()


def check_named_archive(db: Path) -> None:
    """For ``datasette-metadata``, which reads only the archive's name: the file at ``db``,
    when there is one, must be an archive, as every read command says (a 0-byte file or
    one with no tables is "no archive at X yet", another program's database is named so,
    exit 2). Metadata for a 0-byte file was printed, exit 0, and Datasette then showed a
    database with no tables under it. No file there at all is no error: the metadata is
    keyed to the name alone, and may be made before the first crawl creates the file."""
    conn = _read_if_there(db)
    if conn is not None:
        conn.close()


def _read_if_there(db: Path) -> sqlite3.Connection | None:
    """A read-only connection to the archive at ``db``, never upgraded, or None when there
    is no file there; a path that can be no archive, or a file that is none, is one line
    (``check_path``, ``check_reader``)."""
    check_path(db, missing_ok=True)
    if not db.exists():
        return None
    conn, _ = open_read_only(db)
    check_reader(conn, db)  # (not an archive, or a newer release's: closes it, one line)
    return conn


def idle_sites(db: Path, sites: Iterable[str], days: int) -> dict[str, str | None]:
    """The sites of which no new article was archived in the last ``days`` days though
    they were crawled before them (a site first crawled since is not idle yet), each with
    the day the last one was (None: never). A site that changed its addresses or markup
    so no link is recognised answers 200 or 304 and fails nothing: only this silence
    tells a nightly job it stopped archiving.

    An article an import added counts as of when it was first fetched (its
    ``fetched_at``: a WARC record's date, a JSON Lines record's, else the import's
    time): a site whose news another tool's crawl brings in (``import-warc``) grows, and
    its own crawl, finding them archived already, is not broken; an old export imported
    again (``import-jsonl``) is no news and hides no crawl that stopped finding any."""
    now = dt.datetime.now(dt.UTC)
    cutoff = (now - dt.timedelta(days=days)).isoformat(timespec="seconds")
    conn = connect_reader(db)
    try:  # (one reading of the runs for every site, not a query per site)
        runs = {
            site: (first, last_new)
            for site, first, last_new in conn.execute(
                "SELECT site, min(started_at), max(CASE WHEN new > 0 THEN started_at END)"
                " FROM runs GROUP BY site"
            )
        }
        idle: dict[str, str | None] = {}
        for site in sites:
            first, last_new = runs.get(site, (None, None))
            if first is None or first >= cutoff or (last_new or "") >= cutoff:
                continue
            # (only for a site its runs call idle: rare, and a read of each of its rows)
            fetched = _last_fetched(conn, site, now)
            stamp = fetched.isoformat(timespec="seconds") if fetched else None
            if (stamp or "") < cutoff:
                last = max((t for t in (last_new, stamp) if t), default=None)
                idle[site] = last[:10] if last else None
    finally:
        conn.close()
    return idle


def _last_fetched(conn: sqlite3.Connection, site: str, now: dt.datetime) -> dt.datetime | None:
    """When the newest of ``site``'s articles was first fetched, in UTC. An import stores
    ``fetched_at`` as its record gave it (another zone, a bare day), so the stamps are
    read as moments, not compared as text; one after ``now`` (a wrong clock, a typing
    slip) is no evidence of news and would keep a stopped site quiet until that day."""
    latest = None
    for (stamp,) in conn.execute("SELECT fetched_at FROM articles WHERE site = ?", (site,)):
        try:
            moment = fetch_moment(str(stamp)).astimezone(dt.UTC)
        except ValueError:
            continue
        if moment <= now and (latest is None or moment > latest):
            latest = moment
    return latest


def _run_state(run: dict[str, Any], holder: dt.datetime | None, *, known: bool = True) -> str:
    """ "finished"; "running" while the crawl that holds the lock (``holder``: since when,
    as ``lock.held_since`` says) took it before this run began; "interrupted" for a run
    with no finish time that no crawl holding the lock now can finish (killed by
    SIGKILL: shown so, the row itself left as it is); "unfinished" when that cannot be
    told (``known`` false)."""
    if run.get("finished_at") is not None:
        return "finished"
    if not known:
        return "unfinished"
    if holder is None:
        return "interrupted"
    try:
        started = dt.datetime.fromisoformat(str(run.get("started_at")))
    except ValueError:
        return "unfinished"
    if started.tzinfo is None:
        started = started.replace(tzinfo=dt.UTC)
    return "running" if started >= holder.replace(microsecond=0) else "interrupted"


def stats_stories(db: Path, filters: Filters | None = None) -> list[dict[str, Any]]:
    """Per site, how many of its stories one, two, or three or more outlets carried."""
    from newsarchive.archive.copies import outlets
    from newsarchive.archive.search import check_sites

    filters = filters or Filters()
    conn = connect_reader(db)
    try:
        check_sites(conn, filters.sites)
        return outlets(conn, filters)
    finally:
        conn.close()


def timeline(
    db: Path,
    query: str | None = None,
    *,
    filters: Filters | None = None,
    by: str = "month",
    stories: bool = False,
    exact: bool = False,
    hint: bool = False,
) -> dict[str, Any]:
    """Articles (or distinct stories) per period and site, optionally only those matching
    a search query. ``hint``: when the query matched nothing, ``_no_match_hint``'s line
    under the key ``hint`` (absent otherwise), as ``search`` says it ("Ruse" is in Latin
    letters; a date typed as words)."""
    from newsarchive.archive.query import parse_query
    from newsarchive.archive.timeline import timeline as run_timeline

    filters = filters or Filters()
    parsed = parse_query(query, exact=exact, filtered=filters.active()) if query else None
    conn = connect_reader(db)
    try:
        data = run_timeline(conn, parsed, filters, by=by, stories=stories)
        matched = data["rows"] or data["undated"] or data["unreadable"]
        if hint and query and not matched:
            said = _no_match_hint(conn, query, filters, exact)
            if said is not None:
                data["hint"] = said
        return data
    finally:
        conn.close()


def _check_page_url(url: str, what: str) -> None:
    """One line for an address no page can have (``urls.web_url_problem``)."""
    from newsarchive.discover.urls import web_url_problem

    if problem := web_url_problem(url):
        raise UsageError(f"{what} {problem}: '{url}'")


def _address_scheme(source: str) -> str | None:
    """The scheme of ``source`` when it is an address, not a file ("HTTPS://…" typed in
    capitals, "ftp://…"), lower-cased; None for a path. Each was "cannot read …: No such
    file or directory", as if a file had been meant."""
    import re

    found = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", source)
    if found is None or Path(source).exists():
        return None
    return found.group(1).lower()


def extract_source(
    source: str, *, url: str | None, site: str | None, profile_files: Iterable[Path] = ()
) -> tuple[Any, list[Any]]:
    """Extract one page from a file, stdin ('-') or a URL, with a profile when one fits:
    the article, and the news items the page holds in full (each an article of its own to
    a crawl; [] for most pages).

    Relative dates ("вчера", "преди 3 часа") resolve against the fetch moment for a URL; a
    file or stdin has no fetch time, so today's date stands in for it (``dates``: the hour
    of "преди 3 часа" then names no day but today's).
    """
    import datetime as dt
    import sys

    from newsarchive.extraction.pipeline import extract

    fetched: dt.date = dt.date.today()
    files = list(profile_files)
    header: list[str] = []  # the canonical of the HTTP Link header of a page fetched
    content: str | bytes  # a page fetched, as its text; a file's or stdin's bytes
    if url is not None:
        _check_page_url(url, "--url")
    if not source.strip():  # ("$PAGE" unset: as a path "" is ".", "cannot read : Is a directory")
        raise UsageError("extract needs an HTML file, '-' or an http(s) URL, not an empty name")
    scheme = _address_scheme(source)
    if scheme is not None and scheme not in ("http", "https"):
        raise UsageError(f"extract reads an HTML file, '-' or an http(s) URL, not '{source}'")
    if scheme is not None:
        from newsarchive.errors import FetchError

        _check_page_url(source, "the address")
        from newsarchive.fetch.client import Fetcher, FetchOptions

        # (the profile first, for its TLS settings: a site ``crawl`` reads with its
        # ``tls_verify = false`` is read so here too, ``FetchOptions.for_site``)
        chosen = _chosen_profile(site, files, url or source)
        options = FetchOptions.from_env(delay=0, retries=1)
        with Fetcher(options if chosen is None else options.for_site(chosen)) as fetcher:
            page = fetcher.fetch(source)
        if page.status != 200:
            raise FetchError(f"HTTP {page.status} for {source}", url=source, status=page.status)
        # (a redirected page's relative links and canonical are read against where it
        # was found, as the crawl reads them, not against the address typed)
        # (read as the crawl reads it, by its header's charset too: handed over as bytes,
        # a charset only the header named was guessed, a UTF-16 one refused as no page)
        content, url = page.text, url or page.final_url
        fetched = page.fetched_at
        from newsarchive.link_header import linked

        header = linked(page.headers.get("link"), "canonical")
    else:
        from newsarchive.models import MAX_BODY_BYTES

        # At most what a crawl reads of a page: "-" may be a pipe that never ends, and
        # a path /dev/zero or a multi-gigabyte file, each read whole into memory before.
        try:
            if source == "-":
                content = sys.stdin.buffer.read(MAX_BODY_BYTES + 1)
            else:
                with Path(source).open("rb") as handle:
                    content = handle.read(MAX_BODY_BYTES + 1)
        except OSError as exc:
            raise UsageError(f"cannot read {source}: {exc.strerror}") from None
        if len(content) > MAX_BODY_BYTES:
            raise UsageError(
                f"{'stdin' if source == '-' else source} is larger than {MAX_BODY_BYTES:,}"
                " bytes, the most a crawl reads of a page"
            )
    from newsarchive.discover.urls import without_userinfo
    from newsarchive.fetch.documents import EMPTY_PAGE, looks_like_html, xml_kind

    url = None if url is None else without_userinfo(url)  # (the article's, as archived)
    sniffed = content.encode("utf-8") if isinstance(content, str) else content
    shown = "stdin" if source == "-" else source  # ("- is empty" said nothing of a pipe)
    if not sniffed.strip():  # (not "no HTML page": the address is right, its page empty)
        raise UsageError(f"{EMPTY_PAGE}: {source}" if scheme else f"{shown} is empty")
    if not looks_like_html(sniffed):
        kind = xml_kind(sniffed)
        raise UsageError(f"{shown} is {kind}, not an HTML page" if kind else
                         f"{shown} does not look like an HTML page")  # fmt: skip
    profile = _chosen_profile(site, files, url)
    article = extract(content, url, profile=profile, today=fetched)
    if header:
        from dataclasses import replace

        from newsarchive.discover.urls import stated_canonical

        stated = stated_canonical(article.canonical_url, header, url or "")
        article = replace(article, canonical_url=stated)
    return article, _full_items(content, url, article, fetched)


def _chosen_profile(site: str | None, files: list[Path], url: str | None) -> Any:
    """The profile ``extract`` reads a page with: ``--site``'s, the one ``--profile`` file
    being tested, or the one whose site ``url`` lies on (None: the generic rules)."""
    from newsarchive.profiles.loader import get_profile, list_profiles, load_profile_file

    if site:
        return get_profile(site, files)
    if len(files) == 1:  # the profile being tested ("extract page.html --profile x.toml")
        return load_profile_file(files[0])
    if url or files:  # (every file read, and checked: a bad one was ignored without --url)
        from newsarchive.discover.urls import on_site

        known = list_profiles(files).values()
        return next((p for p in known if url and on_site(url, p)), None)
    return None


def _full_items(content: str | bytes, url: str | None, article: Any, today: Any) -> list[Any]:
    """The news items the page holds in full, each as the article a crawl archives it as
    (by the crawl's rule for a page met as an article: ``items_of_article``); [] for any
    other page."""
    from newsarchive.extraction.full_items import items_of_article
    from newsarchive.fetch.charset import decode_html

    text = content if isinstance(content, str) else decode_html(content)[0]
    items = items_of_article(text, url or "", article, today)
    return [item.article(url or "", article.site) for item in items]


def check_base_url(base_url: str | None) -> None:
    """``--base-url``'s one-line error for every command that takes it
    (``fetch.mirror.base_url_problem``), before anything is fetched or opened."""
    from newsarchive.fetch.mirror import base_url_problem

    if base_url is not None and (problem := base_url_problem(base_url)):
        raise UsageError(problem)


def parse_cli_date(value: str | None, option: str) -> dt.date | None:
    """``--since``/``--until`` values, inclusive, read as the query's ``since:`` is
    (``query.parse_date``: one rule for the forms a date may be typed in)."""
    from newsarchive.archive.query import parse_date

    if value is None:
        return None
    try:
        return parse_date(value, option)
    except QueryError as exc:
        raise UsageError(str(exc)) from None
