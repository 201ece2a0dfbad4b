"""``import-jsonl``: a JSON Lines file of articles (export's, or one made by hand) read
into the archive, checked line by line.

One job with its own vocabulary, apart from the API's other commands: what a record
must hold and how each bad line is said (by its number, in one line), the dates a record
is kept without and why, the lines skipped for lacking their site or address, the files
that are no JSON Lines at all. The sibling of ``warc_import``. The crawl lock is taken
by ``api.import_jsonl``, as for every writer the API runs; here is what runs under it:
each line read and checked (ahead, in a worker process: ``prepare_ahead``), then written
in one transaction, all or nothing. What both imports share (the writer that follows
the archive's moves, the warnings on records kept) is ``import_writer``'s.
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

from newsarchive.archive.connection import connect, damaged, is_damaged, write_failure
from newsarchive.archive.store import Prepared, Preparer, now_iso
from newsarchive.errors import UsageError
from newsarchive.gzip_file import MAGIC as GZIP_MAGIC
from newsarchive.import_writer import moved_store, say_elsewhere, say_unfetchable

T = TypeVar("T")
log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from newsarchive.models import Article


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
    """An export's ``date_source``, ``date_note``, ``access`` or ``text_source``: one of
    ``allowed``, else a one-line error; absent (an export from before the column: v3,
    v11, v31, v33) stays unrecorded."""
    if value in (None, ""):
        return None
    if value not in allowed:
        raise UsageError(f"line {line}: '{key}' must be null or one of {', '.join(allowed)}")
    return str(value)


def _language(value: Any, line: int) -> str | None:
    """An export's ``language``: a language tag, stored as its primary tag
    (``language_tags.language_tag``), else a one-line error; absent or null (an export from
    before v34) stays unrecorded."""
    from newsarchive.language_tags import language_tag

    if value in (None, ""):
        return None
    tag = language_tag(value) if isinstance(value, str) else None
    if tag is None:
        raise UsageError(f"line {line}: 'language' must be null or a language tag like bg, en")
    return tag


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
    from newsarchive.models import ACCESS_WORDS, DATE_NOTES, DATE_SOURCES, TEXT_SOURCES, Article
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
        text_source=_recorded(data.get("text_source"), number, "text_source", TEXT_SOURCES),
        language=_language(data.get("language"), number),
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
    count the record as news today (``archive_health._last_fetched`` takes a future
    stamp for none), and its dates are the record's own clock's, judged against it."""
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
    the writer, whether its host is one no server can have (``say_unfetchable``), the
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
    archive's own export holds such rows (``say_unfetchable``). Returns whether it has
    such a host. A fetchable URL, nearly every record's, is judged once: judged twice
    (``fetched=False``, then again with its host) it cost 15 µs instead of 9, of a
    record's 250 µs of preparing."""
    from newsarchive.discover.urls import web_url_problem

    if not web_url_problem(url):
        return False
    if problem := web_url_problem(url, fetched=False):
        raise UsageError(f"line {line}: 'url' {problem}: {url!r}")
    return True


def import_locked(db: Path, lines: Iterable[str], existed: bool) -> dict[str, int]:
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
        store = moved_store(conn)
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
        say_elsewhere(store)
        say_unfetchable(*unfetchable)
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
