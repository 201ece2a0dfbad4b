"""``export --format parquet``: the articles as one typed table for pandas, DuckDB, polars.

Columns keep their types instead of CSV's strings: ``id`` a stable int64 (the archive's
row id, also what ``show`` takes), ``published`` a timestamp in UTC, with the page's own
UTC offset kept beside it in minutes (Arrow stores one time zone per column, a corpus
mixes +02:00 and +03:00), ``published_date`` the local calendar day as a date, ``tags``
a list of strings; ``date_source`` says which rule dated the article, ``date_note``
whether that date is only a "last updated" stamp or a guess (``models.DATE_NOTES``),
``modified`` (a timestamp in UTC like ``published``, its day in ``modified_date``) when
the page says it last changed, and ``story`` which story it belongs to (shared with its
copies in other outlets).

A bare date, with no time, stays that day alone: the timestamp null, the ``_date``
column the day, as JSON Lines and CSV write it (``2026-11-30``). It was midnight UTC, an
hour no page stated: 02:00 or 03:00 in Sofia, a pile at that hour in any reading of the
times of day, and the day before for a reader west of Greenwich.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from typing import IO, Any

from newsarchive.archive.store import Filters, fetch_moment, stored_tags, story_of
from newsarchive.errors import ArchiveError
from newsarchive.export.columns import COLUMNS
from newsarchive.site_clock import page_moment

_BATCH = 2000
_COLUMNS = (
    "id", "site", "url", "title", "published", "published_date", "author", "tags", "text",
    "fetched_at", "updated_at", "source_url", "capture_id", "extractor", "date_source",
    "date_note", "modified", "access", "text_source", "language",
)  # fmt: skip


def schema() -> Any:
    """The columns, typed, each with its meaning (``columns.COLUMNS``) as its metadata."""
    import pyarrow as pa

    typed = pa.schema(
        [
            ("id", pa.int64()),
            ("site", pa.string()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("published", pa.timestamp("s", tz="UTC")),
            ("published_offset_minutes", pa.int16()),
            ("published_date", pa.date32()),
            ("author", pa.string()),
            ("tags", pa.list_(pa.string())),
            ("text", pa.string()),
            ("fetched_at", pa.timestamp("s", tz="UTC")),
            ("updated_at", pa.timestamp("s", tz="UTC")),
            ("source_url", pa.string()),
            ("capture_id", pa.int64()),
            ("extractor", pa.string()),
            ("date_source", pa.string()),
            ("date_note", pa.string()),
            ("modified", pa.timestamp("s", tz="UTC")),
            ("modified_date", pa.date32()),
            ("access", pa.string()),
            ("text_source", pa.string()),
            ("language", pa.string()),
            ("revisions", pa.int32()),
            ("story", pa.int64()),
        ]
    )
    return pa.schema([f.with_metadata({"description": COLUMNS[f.name]}) for f in typed])


def write_parquet(conn: sqlite3.Connection, filters: Filters, out: IO[bytes]) -> int:
    """Write the matching articles to ``out`` in batches; returns how many."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    where, params = filters.sql("a")
    cols = ", ".join(f"a.{c}" for c in _COLUMNS)
    cursor = conn.execute(
        f"SELECT {cols}, (SELECT count(*) FROM revisions r WHERE r.article_id = a.id),"
        f" {story_of('a')} FROM articles a WHERE {where} ORDER BY a.id",
        params,
    )
    target = schema()
    count = 0
    with pq.ParquetWriter(out, target, compression="zstd") as writer:
        while rows := cursor.fetchmany(_BATCH):
            records = [_checked(row) for row in rows]
            writer.write_table(pa.Table.from_pylist(records, schema=target))
            count += len(records)
    return count


def _checked(row: tuple[Any, ...]) -> dict[str, Any]:
    """``_record``, or one line naming the article whose stored date is no ISO date (an
    archive edited by hand, or imported before import-jsonl checked ``fetched_at``): it
    was an internal error. JSON Lines and CSV export such values as they are."""
    try:
        return _record(row)
    except ValueError as exc:
        raise ArchiveError(
            f"article {row[0]} holds a date that is no ISO date ({exc}): Parquet needs one;"
            " export --format jsonl or csv writes it as it is"
        ) from None


def _record(row: tuple[Any, ...]) -> dict[str, Any]:
    record = dict(zip((*_COLUMNS, "revisions", "story"), row, strict=True))
    record["published"] = _timed(record["published"])
    # None: a bare date, no time (a time printed without a zone has Sofia's: ``_timed``)
    offset = record["published"].utcoffset() if record["published"] is not None else None
    record["published_offset_minutes"] = (
        int(offset.total_seconds() // 60) if offset is not None else None
    )
    record["published_date"] = (
        dt.date.fromisoformat(record["published_date"]) if record["published_date"] else None
    )
    record["tags"] = stored_tags(record["tags"])
    record["fetched_at"] = _moment(record["fetched_at"])
    record["updated_at"] = _moment(record["updated_at"])
    record["modified_date"] = _day(record["modified"])
    record["modified"] = _timed(record["modified"])
    return record


def _timed(value: str | None) -> dt.datetime | None:
    """A page's date as the moment it gives (``site_clock.page_moment``, as ``search``'s
    sort reads it), or None for a bare date: midnight UTC would state a time nobody gave
    (its day is in the ``_date`` column beside it), and a time without a zone is Sofia's
    clock, as the page printed it: it was read as UTC, two or three hours later than the
    page meant."""
    return page_moment(value)


def _day(value: str | None) -> dt.date | None:
    """The calendar day a page's date gives, where it was given (its offset's, not UTC's)."""
    return dt.date.fromisoformat(value[:10]) if value else None


def _moment(value: str | None) -> dt.datetime | None:
    """An ISO date or date-time as an aware datetime (``fetch_moment``: one without a zone
    is UTC; a bare date is midnight UTC)."""
    return fetch_moment(value) if value else None
