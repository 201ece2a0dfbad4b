"""export --format parquet: a typed table (timestamps with offsets, dates, lists, stable
ids) that pyarrow reads back with every exported field."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from .search_corpus import ARTICLES, build
from .support import Result

Cli = Callable[..., Result]


def test_parquet_export_reads_back_typed(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    build(run_cli, db)
    jsonl = [json.loads(line) for line in run_cli("export", "--db", str(db)).stdout.splitlines()]
    out = tmp_path / "articles.parquet"
    result = run_cli("export", "--format", "parquet", "--out", str(out), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"exported {len(ARTICLES)} articles to {out}\n"

    table = pq.read_table(out)
    types = dict(zip(table.schema.names, table.schema.types, strict=True))
    assert types["id"] == pa.int64()
    assert pa.types.is_timestamp(types["published"]) and types["published"].tz == "UTC"
    assert types["published_date"] == pa.date32()
    assert types["tags"] == pa.list_(pa.string())
    rows = table.to_pylist()
    assert [r["id"] for r in rows] == [r["id"] for r in jsonl]  # the ids show/search use
    for row, record in zip(rows, jsonl, strict=True):
        for field in ("site", "url", "title", "author", "tags", "text", "date_source", "story"):
            assert row[field] == record[field], field
        published = record["published"]
        if published and "T" in published:
            moment = dt.datetime.fromisoformat(published)
            assert row["published"] == moment  # the same instant
            offset = moment.utcoffset()
            assert offset is not None
            assert row["published_offset_minutes"] == offset.total_seconds() // 60
        elif published:  # a bare date stays a day: no midnight UTC nobody stated
            assert row["published_date"] == dt.date.fromisoformat(published)
            assert row["published"] is None and row["published_offset_minutes"] is None
        assert row["revisions"] == 0


def test_parquet_export_filters_and_refuses_stdout(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    build(run_cli, db)
    site = str(ARTICLES[0]["site"])
    out = tmp_path / "one-site.parquet"
    result = run_cli(
        "export", "--format", "parquet", "--site", site, "--out", str(out), "--db", str(db)
    )
    assert result.exit_code == 0, result.stderr
    assert set(pq.read_table(out).column("site").to_pylist()) == {site}
    stdout = run_cli("export", "--format", "parquet", "--db", str(db))
    assert stdout.exit_code == 2 and stdout.stderr.count("\n") == 1


def test_parquet_without_pyarrow_is_one_line(
    run_cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    build(run_cli, db)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the extra were not installed
    out = tmp_path / "a.parquet"
    result = run_cli("export", "--format", "parquet", "--out", str(out), "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr == (
        "newsarchive: error: --format parquet needs pyarrow: pip install 'newsarchive[parquet]'\n"
    )
    assert not out.exists()


def test_a_stored_date_parquet_cannot_type_is_one_line_naming_the_article(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """An archive edited by hand (or imported before fetched_at was checked) holding a
    date that is no ISO date: the export was an internal error (70)."""
    import sqlite3

    build(run_cli, db, ARTICLES[:2])
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET fetched_at = 'вчера' WHERE id = 2")
    out = tmp_path / "a.parquet"
    result = run_cli("export", "--format", "parquet", "--out", str(out), "--db", str(db))
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    [line] = result.stderr.splitlines()
    assert line.startswith("newsarchive: error: article 2 holds a date that is no ISO date")
    assert not out.exists()


def test_every_exported_column_is_documented_in_the_readme_and_the_file(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A researcher had 21 Parquet columns and a README naming six of them: every column
    of every format is in the README's table, with what it means and where it is, in
    the words the Parquet file carries in each field's metadata (``columns.COLUMNS``)."""
    from newsarchive.archive.store import ARTICLE_COLUMNS
    from newsarchive.export.columns import COLUMNS

    build(run_cli, db)
    out = tmp_path / "articles.parquet"
    assert run_cli("export", "-f", "parquet", "--out", str(out), "--db", str(db)).exit_code == 0
    fields = list(pq.read_schema(out))
    assert set(ARTICLE_COLUMNS) <= {f.name for f in fields}  # Parquet holds JSONL's and more
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    table = re.findall(r"^\| `(\w+)` \| (all|Parquet) \| (.+) \|$", readme, re.MULTILINE)
    expected = []
    for field in fields:
        meaning = (field.metadata or {}).get(b"description", b"").decode()
        assert meaning and meaning == COLUMNS[field.name], field.name
        where = "all" if field.name in ARTICLE_COLUMNS else "Parquet"
        expected.append((field.name, where, meaning))
    assert table == expected


def test_a_bare_date_stays_a_day_in_parquet(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    """A page giving a day and no time was written as midnight UTC: 02:00 or 03:00 in
    Sofia, an hour no page stated, piled up in any reading of the times of day (and the
    day before for a reader west of Greenwich). JSON Lines and CSV write the day alone;
    Parquet keeps it in the ``_date`` columns and leaves the timestamps null."""
    records = [
        {**ARTICLES[0], "published": "2026-11-30", "modified": "2026-12-01"},
        {**ARTICLES[1], "published": "2026-06-21T00:30:00+03:00",
         "modified": "2026-06-22T01:15:00+03:00"},
    ]  # fmt: skip
    build(run_cli, db, records)
    out = tmp_path / "articles.parquet"
    assert run_cli("export", "-f", "parquet", "--out", str(out), "--db", str(db)).exit_code == 0
    day, timed = pq.read_table(out).to_pylist()
    assert (day["published"], day["published_offset_minutes"]) == (None, None)
    assert day["published_date"] == dt.date(2026, 11, 30)
    assert (day["modified"], day["modified_date"]) == (None, dt.date(2026, 12, 1))
    # a time is the instant it names, its day the one where it was written (not UTC's)
    assert timed["published"] == dt.datetime(2026, 6, 20, 21, 30, tzinfo=dt.UTC)
    assert (timed["published_date"], timed["published_offset_minutes"]) == (
        dt.date(2026, 6, 21),
        180,
    )
    assert timed["modified"] == dt.datetime(2026, 6, 21, 22, 15, tzinfo=dt.UTC)
    assert timed["modified_date"] == dt.date(2026, 6, 22)
    exported = [json.loads(line) for line in run_cli("export", "--db", str(db)).stdout.splitlines()]
    assert exported[0]["published"] == "2026-11-30"  # as JSON Lines writes it


def test_a_time_printed_without_a_zone_is_sofia_s_clock_in_parquet(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A page printing "09:15" and no zone is archived as "2026-06-20T09:15:00", a time on
    Sofia's clock (``dates``). Parquet wrote it as 09:15 UTC, three hours after the page
    meant, with no offset beside it: in summer 06:15 UTC (+180), in winter 07:15 (+120)."""
    records = [
        {**ARTICLES[0], "published": "2026-06-20T09:15:00", "modified": "2026-06-21T23:30:00"},
        {**ARTICLES[1], "published": "2025-11-21T09:45:00", "modified": None},
    ]
    build(run_cli, db, records)
    out = tmp_path / "articles.parquet"
    assert run_cli("export", "-f", "parquet", "--out", str(out), "--db", str(db)).exit_code == 0
    summer, winter = pq.read_table(out).to_pylist()
    assert summer["published"] == dt.datetime(2026, 6, 20, 6, 15, tzinfo=dt.UTC)
    assert summer["published_offset_minutes"] == 180
    assert summer["published_date"] == dt.date(2026, 6, 20)
    assert summer["modified"] == dt.datetime(2026, 6, 21, 20, 30, tzinfo=dt.UTC)
    assert summer["modified_date"] == dt.date(2026, 6, 21)
    assert winter["published"] == dt.datetime(2025, 11, 21, 7, 45, tzinfo=dt.UTC)
    assert winter["published_offset_minutes"] == 120
