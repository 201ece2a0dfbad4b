"""import-jsonl and export are inverses; a bad file leaves the archive as it was; archives
written by schema v1 are migrated and get word-form search."""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.archive.schema import SCHEMA_VERSION

from .search_corpus import ARTICLES, build, ids, write_jsonl
from .support import Result, small_disk

Cli = Callable[..., Result]


def exported(run_cli: Cli, db: Path) -> list[dict[str, object]]:
    result = run_cli("export", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_export_import_round_trip(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    build(run_cli, db)
    first = exported(run_cli, db)
    assert [r["url"] for r in first] == [a["url"] for a in ARTICLES]
    assert set(first[0]) == {"id", "site", "url", "title", "published", "date_source",
                             "date_note", "modified", "access", "text_source", "language",
                             "author", "tags", "text", "fetched_at", "story"}  # fmt: skip
    copy = tmp_path / "copy.db"
    source = write_jsonl(tmp_path / "export.jsonl", first)
    result = run_cli("import-jsonl", str(source), "--db", str(copy))
    assert result.exit_code == 0
    assert "imported 5 new" in result.stdout
    assert exported(run_cli, copy) == first
    again = run_cli("import-jsonl", str(source), "--db", str(copy))
    assert "0 new, 0 updated, 5 unchanged" in again.stdout


def test_import_updates_changed_articles_and_reindexes(run_cli: Cli, db: Path) -> None:
    build(run_cli, db)
    changed = dict(ARTICLES[3], text="Отборът благодари на общините за подкрепата.")
    source = write_jsonl(db.with_name("changed.jsonl"), [changed])
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert "0 new, 1 updated" in result.stdout
    search = run_cli("search", "община", "--format", "json", "--db", str(db))
    assert 4 in ids(search)
    assert 4 not in ids(run_cli("search", "мача", "--format", "json", "--db", str(db)))


def test_a_record_naming_another_site_than_its_address_is_archived_under_is_said(
    run_cli: Cli, db: Path
) -> None:
    """An address is one article, archived under the site that first brought it: a file
    whose records name another site id (exported before a profile's id changed) was
    "unchanged" without a word, and ``search --site`` for the file's id found nothing."""
    build(run_cli, db)
    named = [dict(a, site="ruse-old") for a in ARTICLES[:2]]
    source = write_jsonl(db.with_name("renamed.jsonl"), named)
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "0 new, 0 updated, 2 unchanged" in result.stdout
    [line] = result.stderr.splitlines()
    site = ARTICLES[0]["site"]
    assert line.startswith("newsarchive: 2 imported record(s) belong to a site other than"), line
    assert f"{ARTICLES[0]['url']} is {site}'s here, ruse-old's in the file" in line, line
    assert "rename-site" in line
    kept = [r["site"] for r in exported(run_cli, db)[:2]]
    assert kept == [a["site"] for a in ARTICLES[:2]]  # kept where they were
    same = run_cli("import-jsonl", str(write_jsonl(db.with_name("same.jsonl"), ARTICLES[:2])),
                   "--db", str(db))  # fmt: skip
    assert same.exit_code == 0 and same.stderr == "", same.stderr


def test_import_from_stdin(run_cli: Cli, db: Path) -> None:
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES[:2])
    result = run_cli("import-jsonl", "-", "--db", str(db), input=lines)
    assert result.exit_code == 0 and "imported 2 new" in result.stdout


@pytest.mark.parametrize(
    "bad_line",
    [
        "{not json",
        '["a list"]',
        # (a record without its url is skipped alone: ``test_a_line_without_its_url_...``)
        '{"site": "bta", "url": 5}',
        '{"site": "bta", "url": "u", "published": "x"}',
        # the article page links the URL: javascript: would run when clicked
        '{"site": "bta", "url": "javascript:alert(1)", "title": "t"}',
        '{"site": "bta", "url": "ftp://www.bta.bg/1", "title": "t"}',
        # archived as it stood, the NUL or line break and all (a CSV export carried it)
        '{"site": "bta", "url": "https://www.bta.bg/1\\u0000", "title": "t"}',
        '{"site": "bta", "url": "https://www.bta.bg/1\\nx", "title": "t"}',
        # a site no --site could name (ids are lowercase, hosts have no slash)
        '{"site": "../../x", "url": "https://www.bta.bg/1", "title": "t"}',
        '{"site": "BTA", "url": "https://www.bta.bg/1", "title": "t"}',
        '{"site": "bta ", "url": "https://www.bta.bg/1", "title": "t"}',
        # stored as given, then an internal error in export --format parquet
        '{"site": "bta", "url": "https://www.bta.bg/1", "title": "t", "fetched_at": "вчера"}',
        # archived as Python's "['a paragraph']" and "{'x': 1}"
        '{"site": "bta", "url": "https://www.bta.bg/1", "title": "t", "text": ["a paragraph"]}',
        '{"site": "bta", "url": "https://www.bta.bg/1", "title": {"x": 1}}',
        # dropped without a word, or archived as "1"
        '{"site": "bta", "url": "https://www.bta.bg/1", "title": "t", "tags": "a, b"}',
        '{"site": "bta", "url": "https://www.bta.bg/1", "title": "t", "tags": [1]}',
        # RecursionError: "internal error", exit 70
        '{"site": "bta", "url": "https://www.bta.bg/1", "x": '
        + "[" * 100_000
        + "]" * 100_000
        + "}",
        # a number past Python's 4,300 digits (ValueError): "internal error", exit 70
        '{"site": "bta", "url": "https://www.bta.bg/1", "x": ' + "9" * 5_000 + "}",
    ],
)
def test_a_bad_line_imports_nothing(run_cli: Cli, db: Path, bad_line: str) -> None:
    build(run_cli, db, ARTICLES[:2])
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    good = [json.dumps(a, ensure_ascii=False) for a in ARTICLES[2:]]
    source = db.with_name("bad.jsonl")
    source.write_text("\n".join([good[0], bad_line, good[1]]) + "\n", encoding="utf-8")
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr.startswith("newsarchive: error: line 2:")
    assert len(exported(run_cli, db)) == 2
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("published", "1970-01-01T00:00:00Z"),
        ("published", "0001-01-01"),
        ("published", "0000-00-00"),
        ("modified", "1899-12-31"),
        ("modified", "0000-00-00 00:00:00"),
        ("fetched_at", "1970-01-01T00:00:00"),
        ("fetched_at", "0000-00-00"),
    ],
)
def test_a_placeholder_date_drops_the_field_not_the_file(
    run_cli: Cli, db: Path, tmp_path: Path, key: str, value: str
) -> None:
    """A CMS's or a database's "no date" (the Unix epoch, .NET's year 1, MySQL's
    0000-00-00), which another tool's export holds, refused the whole file: a research
    import of a thousand good records stopped at one. The crawl takes such a date as
    none, and so does the import: the field is dropped, the records kept, and one line
    counts them and names the first."""
    rows = [
        {"site": "bta", "url": f"https://www.bta.bg/{n}", "title": f"Новина {n}",
         "text": "Общината обяви новина.", "published": "2026-03-01T10:00:00+02:00",
         "fetched_at": "2026-03-02T10:00:00+00:00"}
        for n in range(3)
    ]  # fmt: skip
    rows[1][key] = value
    rows[2][key] = value
    result = run_cli("import-jsonl", str(write_jsonl(tmp_path / "p.jsonl", rows)), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "imported 3 new" in result.stdout
    warned = result.stderr.splitlines()
    assert len(warned) == 1 and "Traceback" not in result.stderr, result.stderr
    assert f"2 imported record(s) have a '{key}' that is how a CMS" in warned[0]
    assert "https://www.bta.bg/1" in warned[0]
    kept = {row["url"]: row for row in exported(run_cli, db)}
    assert len(kept) == 3
    assert kept["https://www.bta.bg/0"][key] == rows[0].get(key)
    if key == "fetched_at":  # (stored as fetched at the import: now, not the epoch)
        assert kept["https://www.bta.bg/1"][key] > "2026-"
    else:
        assert kept["https://www.bta.bg/1"][key] is None


def test_a_placeholder_published_drops_its_date_source_and_note_too(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A dropped placeholder date takes with it what the record said of it: a
    ``date_source`` and ``date_note`` kept made ``show`` print "date source: jsonld, a
    guess" beside no date. An item's address still keeps its fragment by the record's
    own ``date_source`` (read before the drop); a real date keeps both."""
    rows = [
        {"site": "bta", "url": "https://www.bta.bg/p1", "title": "Без дата",
         "text": "Текст.", "published": "1970-01-01T00:00:00+00:00",
         "date_source": "jsonld", "date_note": "guessed"},
        {"site": "bta", "url": "https://www.bta.bg/list#item-2", "title": "Точка 2",
         "text": "Текст.", "published": "0000-00-00", "date_source": "text"},
        {"site": "bta", "url": "https://www.bta.bg/p3", "title": "С дата",
         "text": "Текст.", "published": "2026-03-01", "date_source": "meta",
         "date_note": "modified-only"},
    ]  # fmt: skip
    path = write_jsonl(tmp_path / "n.jsonl", rows)
    result = run_cli("import-jsonl", str(path), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    kept = {row["url"]: row for row in exported(run_cli, db)}
    assert set(kept) == {"https://www.bta.bg/p1", "https://www.bta.bg/list#item-2",
                         "https://www.bta.bg/p3"}  # fmt: skip
    for url in ("https://www.bta.bg/p1", "https://www.bta.bg/list#item-2"):
        dating = [kept[url][key] for key in ("published", "date_source", "date_note")]
        assert dating == [None, None, None], url
    dated = kept["https://www.bta.bg/p3"]
    assert (dated["date_source"], dated["date_note"]) == ("meta", "modified-only")
    shown = run_cli("show", "https://www.bta.bg/p1", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert "date source" not in shown.stdout


def test_a_modified_or_fetched_at_in_the_future_is_dropped_as_published_is(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """The rule for a ``published`` after the fetch holds for ``modified`` too. A
    ``fetched_at`` after now is said (a wrong clock), and kept: the import's time in its
    place would count the record as news today (``--warn-idle``). One counted line for
    each."""
    rows = [
        {"site": "bta", "url": "https://www.bta.bg/m1", "title": "Поправена",
         "published": "2026-03-01", "modified": "2999-01-01T00:00:00+00:00",
         "fetched_at": "2026-03-02T10:00:00+00:00", "text": "Текст."},
        {"site": "bta", "url": "https://www.bta.bg/f1", "title": "Изтеглена утре",
         "published": "2026-03-01", "fetched_at": "2999-01-01T00:00:00+00:00",
         "text": "Текст."},
        {"site": "bta", "url": "https://www.bta.bg/f2", "title": "Дата след изтеглянето",
         "published": "2999-02-01", "fetched_at": "2999-01-01T00:00:00+00:00",
         "text": "Текст."},
        {"site": "bta", "url": "https://www.bta.bg/ok", "title": "Обикновена",
         "published": "2026-03-01", "modified": "2026-03-02T09:00:00+00:00",
         "fetched_at": "2026-03-02T10:00:00+00:00", "text": "Текст."},
    ]  # fmt: skip
    result = run_cli("import-jsonl", str(write_jsonl(tmp_path / "f.jsonl", rows)), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "imported 4 new" in result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 3, result.stderr
    assert any("1 imported record(s) have a 'modified' date after their fetch" in x for x in lines)
    assert any("2 imported record(s) have a 'fetched_at' in the future" in x for x in lines)
    assert any("1 imported record(s) have a 'published' date after their fetch" in x for x in lines)
    kept = {row["url"]: row for row in exported(run_cli, db)}
    assert kept["https://www.bta.bg/m1"]["modified"] is None
    assert kept["https://www.bta.bg/m1"]["published"] == "2026-03-01"
    assert kept["https://www.bta.bg/f1"]["published"] == "2026-03-01"
    assert kept["https://www.bta.bg/f1"]["fetched_at"].startswith("2999-01-01")
    assert kept["https://www.bta.bg/f2"]["published"] is None  # (after its fetch)
    assert kept["https://www.bta.bg/ok"]["modified"] == "2026-03-02T09:00:00+00:00"


def test_a_fetched_at_on_the_calendars_last_day_is_imported(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A ``fetched_at`` of 9999-12-31 has no day after it to judge the record's dates
    by: the import stopped there as an internal error (exit 70, OverflowError). It is a
    future fetch time like any other: said, kept, and the dates before it kept."""
    rows = [
        {"site": "bta", "url": f"https://www.bta.bg/end{n}", "title": "Последният ден",
         "published": "2026-03-01", "fetched_at": fetched, "text": "Текст."}
        for n, fetched in enumerate(("9999-12-31T00:00:00", "9999-12-31T23:59:59+00:00"))
    ]  # fmt: skip
    result = run_cli("import-jsonl", str(write_jsonl(tmp_path / "e.jsonl", rows)), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "imported 2 new" in result.stdout
    assert "2 imported record(s) have a 'fetched_at' in the future" in result.stderr
    kept = exported(run_cli, db)
    assert [row["published"] for row in kept] == ["2026-03-01", "2026-03-01"]


def test_a_bad_file_creates_no_archive(run_cli: Cli, tmp_path: Path) -> None:
    source = tmp_path / "bad.jsonl"
    source.write_text(json.dumps(ARTICLES[0], ensure_ascii=False) + "\n{oops\n")
    target = tmp_path / "new.db"
    result = run_cli("import-jsonl", str(source), "--db", str(target))
    assert result.exit_code == 2
    assert not target.exists()


def test_import_fills_the_lemma_vocabulary(run_cli: Cli, db: Path) -> None:
    build(run_cli, db)
    conn = sqlite3.connect(db)
    vocab = dict(conn.execute("SELECT form, lemma FROM lemma_vocab"))
    assert vocab["общината"] == "община"
    assert vocab["общините"] == "община"
    assert vocab["улиците"] == "улица"
    title_lemmas, text_lemmas = conn.execute(
        "SELECT title_lemmas, text_lemmas FROM articles WHERE id = 1"
    ).fetchone()
    assert "община" in title_lemmas.split() and "улица" in title_lemmas.split()
    assert "общината" not in text_lemmas  # only lemmas, never the original forms
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


V1_ARTICLES = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, site TEXT NOT NULL, url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '', published TEXT, published_date TEXT, author TEXT,
    tags TEXT NOT NULL DEFAULT '[]', text TEXT NOT NULL DEFAULT '', fetched_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, source_url TEXT, capture_id INTEGER
);
"""


def make_v1_archive(path: Path) -> None:
    """An archive as schema v1 wrote it: two-column FTS made by sqlite-utils."""
    import sqlite_utils

    conn = sqlite3.connect(path)
    conn.executescript(V1_ARTICLES)
    sqlite_utils.Database(conn)["articles"].enable_fts(
        ["title", "text"], fts_version="FTS5", create_triggers=True,
        tokenize="unicode61 remove_diacritics 0",
    )  # fmt: skip
    conn.execute(
        "INSERT INTO articles (site, url, title, published, published_date, text, fetched_at,"
        " updated_at) VALUES ('bta', 'https://www.bta.bg/old', 'Стара новина', '2019-05-05',"
        " '2019-05-05', 'Общината обяви търг за улиците.', '2019-05-05', '2019-05-05')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_v1_archive_is_migrated_on_search(run_cli: Cli, db: Path) -> None:
    make_v1_archive(db)
    result = run_cli("search", "улица", "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    hits = result.json()
    assert isinstance(hits, list) and len(hits) == 1
    assert "**улиците**" in hits[0]["snippet"]
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert conn.execute("SELECT lemma FROM lemma_vocab WHERE form = 'общината'").fetchone() == (
        "община",
    )


def test_v1_archive_is_migrated_on_import(run_cli: Cli, db: Path) -> None:
    make_v1_archive(db)
    build(run_cli, db)
    hits = ids(run_cli("search", "община", "--format", "json", "--db", str(db)))
    assert sorted(hits) == [1, 2, 3, 4, 6]  # the v1 article (id 1) and the new ones
    conn = sqlite3.connect(db)
    assert conn.execute(
        "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'община'"
    ).fetchone() == (5,)
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")


def test_a_foreign_records_link_fragment_is_dropped_so_a_crawl_finds_its_article(
    run_cli: Cli, db: Path
) -> None:
    """Another tool's record of ``.../news/1001-story-1001#comments``: the fragment was
    part of the row's key, so the crawl of the article's page archived a second row."""
    from .faultserver import FaultServer, article_url, write_profile

    record = {
        "site": "fault", "url": article_url(1001) + "#comments", "title": "Новина 1001",
        "text": "Общинският съвет обсъди бюджета.", "published": "2026-06-02",
    }  # fmt: skip
    imported = run_cli("import-jsonl", "-", "--db", str(db), input=json.dumps(record) + "\n")
    assert imported.exit_code == 0, imported.stderr
    with FaultServer(articles=3, faults=False) as server:
        crawled = run_cli(
            "crawl", "fault", "--profile", str(write_profile(db.parent)),
            "--base-url", server.url, "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert crawled.exit_code == 0, crawled.stderr
    with sqlite3.connect(db) as conn:
        urls = sorted(r[0] for r in conn.execute("SELECT url FROM articles"))
    assert urls == sorted(article_url(n) for n in (1000, 1001, 1002))  # 4 rows before
    shown = run_cli("show", article_url(1001), "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["url"] == article_url(1001)


def test_an_import_indexes_every_row_it_writes_and_leaves_the_trigger_for_crawls(
    run_cli: Cli, db: Path
) -> None:
    """import-jsonl indexes its inserts itself (``Store.indexing_inserts``, for speed):
    a record updating a row the same import inserted is re-indexed, not indexed twice,
    and the insert trigger and FTS5's settings are back for a crawl afterwards, as the
    archive held them."""
    from newsarchive.archive.connection import connect

    from .faultserver import FaultServer, write_profile

    connect(db, create=True).close()  # a new archive, as every writer makes it
    conn = sqlite3.connect(db, isolation_level=None)  # its checks hold no write lock
    trigger = "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'articles_ai'"
    before = conn.execute(trigger).fetchone()
    config = conn.execute("SELECT k, v FROM articles_fts_config ORDER BY k").fetchall()
    build(run_cli, db, ARTICLES[:1])
    changed = dict(ARTICLES[1], text="Читалището в Русе получи ново пиано.")
    build(run_cli, db, [*ARTICLES[1:], changed])  # ARTICLES[1] inserted, then updated
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    assert ids(run_cli("search", "пиано", "--format", "json", "--db", str(db))) == [2]
    assert 2 not in ids(run_cli("search", "политика", "--format", "json", "--db", str(db)))
    assert sorted(ids(run_cli("search", "община", "--format", "json", "--db", str(db)))) == [
        1, 3, 5,
    ]  # fmt: skip
    assert conn.execute(trigger).fetchone() == before
    assert conn.execute("SELECT k, v FROM articles_fts_config ORDER BY k").fetchall() == config
    with FaultServer(articles=1, faults=False) as server:
        crawled = run_cli(
            "crawl", "fault", "--profile", str(write_profile(db.parent)),
            "--base-url", server.url, "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert crawled.exit_code == 0, crawled.stderr
    hits = run_cli("search", "бюджета", "--site", "fault", "--format", "json", "--db", str(db))
    assert len(ids(hits)) == 1
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")


def test_a_byte_order_mark_before_the_first_line_is_no_error(run_cli: Cli, db: Path) -> None:
    """Notepad and PowerShell write UTF-8 with a BOM: it was "line 1: not valid JSON
    (Unexpected UTF-8 BOM)", from a file and from stdin."""
    lines = "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES[:2])
    source = db.with_name("bom.jsonl")
    source.write_bytes(b"\xef\xbb\xbf" + lines.encode("utf-8"))
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 0 and "imported 2 new" in result.stdout, result.stderr
    again = run_cli("import-jsonl", "-", "--db", str(db), input="\ufeff" + lines)
    assert again.exit_code == 0 and "2 unchanged" in again.stdout, again.stderr
    assert [a["url"] for a in exported(run_cli, db)] == [a["url"] for a in ARTICLES[:2]]


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_a_file_that_is_no_json_lines_is_named_so(run_cli: Cli, db: Path, fmt: str) -> None:
    """The CSV export or one JSON array given to import-jsonl: say what it reads."""
    build(run_cli, db, ARTICLES[:2])
    if fmt == "csv":
        out = db.with_name("x.csv")
        assert (
            run_cli("export", "--format", "csv", "--out", str(out), "--db", str(db)).exit_code == 0
        )
    else:
        out = db.with_name("x.json")
        out.write_text(json.dumps(exported(run_cli, db), ensure_ascii=False), encoding="utf-8")
    result = run_cli("import-jsonl", str(out), "--db", str(db))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("newsarchive: error: line 1:") and "reads JSON Lines" in line


@pytest.mark.parametrize(
    ("fmt", "said"),
    [
        ("parquet", "is a Parquet file: import-jsonl reads JSON Lines (export --format jsonl)"),
        ("warc", "is gzip-compressed: import-jsonl reads plain JSON Lines (import-warc reads"),
    ],
)
def test_another_export_format_given_to_import_jsonl_is_named(
    run_cli: Cli, db: Path, fmt: str, said: str
) -> None:
    """export's Parquet or WARC file given to import-jsonl was "not UTF-8 text"."""
    build(run_cli, db, ARTICLES[:2])
    out = db.with_name(f"x.{fmt}")
    assert run_cli("export", "-f", fmt, "--out", str(out), "--db", str(db)).exit_code == 0
    result = run_cli("import-jsonl", str(out), "--db", str(db))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"newsarchive: error: {out} {said}"), line


@pytest.mark.parametrize("how", ["file", "stdin"])
def test_an_archive_given_to_import_jsonl_is_named(run_cli: Cli, db: Path, how: str) -> None:
    """An archive (here the one imported into) as the file to import was "line 1: not
    UTF-8 text (byte 0xfb …); convert the file first, e.g. iconv -f windows-1251"."""
    build(run_cli, db, ARTICLES[:2])
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    if how == "file":
        result = run_cli("import-jsonl", str(db), "--db", str(db))
        said = f"{db} is"
    else:
        result = run_cli("import-jsonl", "-", "--db", str(db), input=db.read_bytes())
        said = "stdin is"
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"newsarchive: error: {said} an SQLite database, not JSON Lines: an archive is read"
        " with --db ARCHIVE, and its articles moved with export, then import-jsonl"
    ]
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("name", "starts"),
    [
        ("articles.parquet", b"PAR1"),
        ("pages.warc.gz", b"\x1f\x8b"),
        ("Articles.CSV", b"\xef\xbb\xbfid,site,url,"),  # (the BOM spreadsheets read UTF-8 by)
        ("articles.jsonl", b'{"id": '),
        ("articles.txt", b'{"id": '),  # no format's name: the default, JSON Lines
    ],
)
def test_export_without_format_writes_what_the_out_files_name_says(
    run_cli: Cli, db: Path, name: str, starts: bytes
) -> None:
    """`export --out articles.parquet` wrote JSON Lines (the default format) under a
    Parquet name, exit 0: pandas, not the export, said it was no Parquet file."""
    build(run_cli, db, ARTICLES[:2])
    out = db.with_name(name)
    result = run_cli("export", "--out", str(out), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(starts)


def test_export_refuses_a_format_its_out_files_name_contradicts(run_cli: Cli, db: Path) -> None:
    build(run_cli, db, ARTICLES[:2])
    out = db.with_name("articles.jsonl")
    result = run_cli("export", "-f", "csv", "--out", str(out), "--db", str(db))
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.splitlines() == [
        f"newsarchive: error: --format csv, but --out {out} is named as a jsonl file:"
        " drop --format, or end the name in .csv"
    ]


@pytest.mark.parametrize(
    ("name", "given", "plain"),
    [("articles.jsonl.gz", None, "articles.jsonl"), ("articles.csv.gz", None, "articles.csv"),
     ("articles.gz", "jsonl", "articles"), ("Articles.CSV.GZ", "csv", "Articles.CSV")],
)  # fmt: skip
def test_export_refuses_a_compressed_name_for_rows_it_writes_as_text(
    run_cli: Cli, db: Path, name: str, given: str | None, plain: str
) -> None:
    """`export --out articles.jsonl.gz` wrote plain JSON Lines under a gzip name, exit 0:
    zcat, pandas and import-jsonl then refused the file as no gzip."""
    build(run_cli, db, ARTICLES[:2])
    out = db.with_name(name)
    chosen = given or ("csv" if ".csv" in name.lower() else "jsonl")
    result = run_cli(
        "export", *(["-f", given] if given else []), "--out", str(out), "--db", str(db)
    )
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.splitlines() == [
        f"newsarchive: error: --out {out}: {chosen} is written uncompressed; name it {plain},"
        f" or compress it on the way: newsarchive export -f {chosen} | gzip > {name}"
    ]


def test_export_refuses_a_gzip_name_for_parquet(run_cli: Cli, db: Path) -> None:
    """A Parquet file compresses its own columns and is no gzip: the default JSON Lines
    was written under `articles.parquet.gz`, exit 0."""
    build(run_cli, db, ARTICLES[:2])
    out = db.with_name("articles.parquet.gz")
    result = run_cli("export", "--out", str(out), "--db", str(db))
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.splitlines() == [
        f"newsarchive: error: --out {out}: parquet is no gzip file (it compresses its own"
        " columns); name it articles.parquet"
    ]


@pytest.mark.parametrize(
    ("name", "args", "said"),
    [
        ("articles.xlsx", (), "names a spreadsheet, which export does not write: name it"
         " articles.csv (spreadsheets open CSV)"),
        ("Articles.ODS", ("-f", "csv"), "names a spreadsheet, which export does not write:"
         " name it Articles.csv (spreadsheets open CSV)"),
        # (JSON Lines under a tab-separated name: a spreadsheet showed one column of JSON)
        ("articles.tsv", (), "names tab-separated values, which export does not write: name"
         " it articles.csv (spreadsheets open CSV)"),
    ],
)  # fmt: skip
def test_export_refuses_a_name_of_a_format_it_does_not_write(
    run_cli: Cli, db: Path, name: str, args: tuple[str, ...], said: str
) -> None:
    """`export --out articles.xlsx` wrote JSON Lines under a spreadsheet's name and said
    "exported 2 articles", exit 0: Excel then refused the file. (`.json` is one JSON
    array now: ``test_export_to_a_json_name_writes_one_array_of_the_json_lines_objects``.)"""
    build(run_cli, db, ARTICLES[:2])
    out = db.with_name(name)
    result = run_cli("export", *args, "--out", str(out), "--db", str(db))
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.splitlines() == [f"newsarchive: error: --out {out} {said}"]


def test_export_to_a_json_name_writes_one_array_of_the_json_lines_objects(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """`export --out articles.json` wrote JSON Lines, which pandas' read_json refused
    ("Trailing data"), then was refused: whoever names a .json file wants one document.
    It is one array of the objects JSON Lines writes (a record's NEL and line separator
    escaped as there), an article a line, valid for no article too (`[]`); `-f json`
    writes it to stdout."""
    records = [*ARTICLES[:3], {**ARTICLES[3], "text": "Ред\u2028ред\x85, „кавички“ и \\."}]
    build(run_cli, db, records)
    lines = exported(run_cli, db)
    out = tmp_path / "articles.json"
    result = run_cli("export", "--out", str(out), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"exported 4 articles to {out}\n"
    written = out.read_text(encoding="utf-8")
    assert json.loads(written) == lines and len(lines) == 4
    assert written.startswith("[\n{") and written.endswith("}\n]\n")
    assert len(written.splitlines()) == 4 + 2  # (an article a line, as JSON Lines)
    assert "\u2028" not in written and "\\u2028" in written
    piped = run_cli("export", "-f", "json", "--site", "bta", "--db", str(db))
    assert piped.exit_code == 0, piped.stderr
    assert json.loads(piped.stdout) == [r for r in lines if r["site"] == "bta"]
    # (a format against the name's is refused, as the others are)
    contradicted = run_cli(
        "export", "-f", "json", "--out", str(tmp_path / "x.csv"), "--db", str(db)
    )
    assert contradicted.exit_code == 2 and "end the name in .json" in contradicted.stderr
    none = run_cli("export", "--site", "ruse24", "--since", "2030-01-01", "--out", str(out),
                   "--db", str(db))  # fmt: skip
    assert none.exit_code == 0, none.stderr
    assert out.read_text(encoding="utf-8") == "[]\n" and json.loads(out.read_text()) == []
    empty = tmp_path / "empty.db"
    build(run_cli, empty, [])
    nothing = run_cli("export", "-f", "json", "--db", str(empty))
    assert nothing.exit_code == 0 and json.loads(nothing.stdout) == []
    assert nothing.stderr == "exported 0 articles: the archive holds none\n"


def test_json_lines_through_a_pipe_are_imported_whole(run_cli: Cli, db: Path) -> None:
    """import-jsonl <(zcat x.jsonl.gz): looking at a file's first bytes for another format
    must not take them from a pipe, which is read once."""
    fifo = db.with_name("pipe.jsonl")
    os.mkfifo(fifo)
    text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ARTICLES[:3])

    def feed() -> None:
        with fifo.open("w", encoding="utf-8") as pipe:
            pipe.write(text)

    writer = threading.Thread(target=feed)
    writer.start()
    try:
        result = run_cli("import-jsonl", str(fifo), "--db", str(db))
    finally:
        writer.join()
    assert result.exit_code == 0, result.stderr
    assert result.stdout == "imported 3 new, 0 updated, 0 unchanged\n"


# An uncompressed WARC record as wget writes one (written for this test): text, so it
# read as JSON Lines and failed as "line 1: not valid JSON"
_PLAIN_WARC = (
    "WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
    "Content-Length: 0\r\n\r\n\r\n\r\n"
)


def test_an_uncompressed_warc_given_to_import_jsonl_is_named(run_cli: Cli, db: Path) -> None:
    warc = db.with_name("site.warc")
    warc.write_text(_PLAIN_WARC, encoding="utf-8")
    result = run_cli("import-jsonl", str(warc), "--db", str(db))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (f"newsarchive: error: {warc} is a WARC file: import-warc reads it\n")
    piped = run_cli("import-jsonl", "-", "--db", str(db), input=_PLAIN_WARC)
    assert piped.exit_code == 2 and piped.stdout == ""
    assert piped.stderr == "newsarchive: error: stdin is a WARC file: import-warc reads it\n"
    assert not db.exists()


def test_an_import_indexes_its_rows_in_batches_each_once_with_its_latest_text(
    run_cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """import-jsonl indexes the rows it inserts a batch at a time (``Store._index``): a
    record updating a row of a batch not yet indexed (the update trigger takes the row's
    old terms out of the index) finds it indexed first, and every row ends up indexed
    once, with the text it holds: the index is what FTS5 rebuilds from the rows."""
    import newsarchive.archive.store as store

    monkeypatch.setattr(store, "_INDEX_BATCH", 3)
    records = [
        {"site": "bta", "url": f"https://www.bta.bg/n/{n}", "title": f"Новина {n}",
         "text": f"Общината ремонтира улица номер {n}.", "published": "2026-06-02"}
        for n in range(1, 9)
    ]  # fmt: skip
    renamed = dict(records[4], text="Читалището в Русе получи ново пиано.")  # 5: unindexed
    redated = dict(records[6], date_source="meta")  # 7: an UPDATE that keeps the text
    lines = [*records[:6], renamed, records[6], redated, records[7], records[0]]
    source = write_jsonl(db.with_name("batches.jsonl"), lines)
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert "imported 8 new, 2 updated, 1 unchanged" in result.stdout, result.stderr
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
    vocab = "CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, articles_fts, 'instance')"
    conn.execute(vocab)
    terms = "SELECT term, doc, col, offset FROM temp.vocab ORDER BY term, doc, col, offset"
    indexed = conn.execute(terms).fetchall()
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    assert indexed == conn.execute(terms).fetchall()
    assert ("пиано", 5, "text", 5) in indexed
    assert not [t for t in indexed if t[1] == 5 and t[0] == "улица"]
    conn.close()
    assert ids(run_cli("search", "пиано", "--format", "json", "--db", str(db))) == [5]


@pytest.mark.parametrize(
    ("bad", "said"),
    [
        (b'{"site": "bta", "url": "ftp://www.bta.bg/9"}\n', "line 6: 'url'"),
        (b'{"site": "bta", "url": "https://www.bta.bg/9", "title": "\xff"}\n', "not UTF-8"),
    ],
)
@pytest.mark.parametrize("inline", [100, 2])
def test_a_bad_line_read_ahead_while_a_batch_is_indexed_imports_nothing(
    run_cli: Cli,
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
    bad: bytes,
    said: str,
    inline: int,
) -> None:
    """The records after a batch are received while its index statement runs
    (``readahead``), and those after the first ``inline`` are prepared in a worker
    process (``prepare_ahead``): a bad one met there is the same one-line error, on the
    line it is, and nothing is imported, as when it is met in turn."""
    import threading

    import newsarchive.archive.store as store
    import newsarchive.prepare_ahead as prepare_ahead
    from newsarchive.readahead import ReadAhead

    monkeypatch.setattr(store, "_INDEX_BATCH", 2)
    monkeypatch.setattr(prepare_ahead, "INLINE", inline)
    monkeypatch.setattr(prepare_ahead, "CHUNK", 2)
    unstopped = ReadAhead.read_ahead  # (a statement this short ends before any is read)
    monkeypatch.setattr(ReadAhead, "read_ahead", lambda s, _: unstopped(s, threading.Event()))
    build(run_cli, db, ARTICLES[:1])
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    records = [
        {"site": "bta", "url": f"https://www.bta.bg/n/{n}", "title": f"Новина {n}",
         "text": f"Общината ремонтира улица номер {n}.", "published": "2026-06-02"}
        for n in range(1, 9)
    ]  # fmt: skip
    good = [json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records]
    source = db.with_name("late.jsonl")
    source.write_bytes(b"".join([*good[:5], bad, *good[5:]]))
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert said in line, line
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    fresh = db.with_name("fresh.db")
    result = run_cli("import-jsonl", str(source), "--db", str(fresh))
    assert result.exit_code == 2 and not fresh.exists()
    source.write_bytes(b"".join(good))  # and without it, every record in order
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert "imported 8 new" in result.stdout, result.stderr
    assert [a["url"] for a in exported(run_cli, db)][1:] == [r["url"] for r in records]


def test_an_import_on_a_full_disk_is_exit_74_and_keeps_the_archive(
    run_cli: Cli, tmp_path: Path
) -> None:
    """A full disk is no bad input: it was exit 2, where a crawl says 74 (EX_IOERR)."""

    with small_disk(tmp_path / "small", "400k") as mount:
        db = build(run_cli, mount / "archive.db", ARTICLES[:2])
        big = [
            {**ARTICLES[0], "url": f"{ARTICLES[0]['url']}/{n}", "text": f"{n} " * 4000}
            for n in range(200)
        ]
        source = write_jsonl(tmp_path / "big.jsonl", big)
        result = run_cli("import-jsonl", str(source), "--db", str(db))
        assert result.exit_code == 74, result.stderr
        assert result.stderr.startswith("newsarchive: error: import failed, nothing imported:")
        assert result.stderr.count("\n") == 1
        assert len(exported(run_cli, db)) == 2


def test_export_out_dash_is_stdout_as_import_reads_dash_as_stdin(
    run_cli: Cli, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`export --out -` wrote (or replaced) a file called '-' in the current folder, where
    import-jsonl's '-' is stdin: `export --out - | import-jsonl -` moved nothing."""
    build(run_cli, db)
    monkeypatch.chdir(tmp_path)
    for fmt in ("jsonl", "csv"):
        result = run_cli("export", "-f", fmt, "--out", "-", "--db", str(db))
        assert result.exit_code == 0, result.stderr
        assert result.stderr == ""  # no "exported N articles to -"
        rows = (
            list(csv.DictReader(io.StringIO(result.stdout)))
            if fmt == "csv"
            else [json.loads(line) for line in result.stdout.splitlines()]
        )
        assert [r["url"] for r in rows] == [a["url"] for a in ARTICLES]
    assert result.stdout.startswith("id,site,url")  # no byte-order mark on stdout
    for fmt in ("parquet", "warc"):
        binary = run_cli("export", "-f", fmt, "--out", "-", "--db", str(db))
        assert binary.exit_code == 2
        assert (
            binary.stderr == f"newsarchive: error: --format {fmt} writes a file: give --out FILE\n"
        )
    assert not (tmp_path / "-").exists()


def test_csv_tags_split_back_as_they_were(run_cli: Cli, db: Path) -> None:
    """CSV joined tags by ", ": a tag holding a comma came back as two."""
    tags = ["Русе", "пътища, ремонт", 'кмет "Иванов"']
    record = {"site": "bta", "url": "https://www.bta.bg/t", "title": "Т", "tags": tags}
    assert run_cli("import-jsonl", "-", "--db", str(db), input=json.dumps(record)).exit_code == 0
    bare = {"site": "bta", "url": "https://www.bta.bg/u", "title": "У"}
    assert run_cli("import-jsonl", "-", "--db", str(db), input=json.dumps(bare)).exit_code == 0
    result = run_cli("export", "-f", "csv", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    rows = {row["url"]: row for row in csv.DictReader(io.StringIO(result.stdout))}
    assert json.loads(rows["https://www.bta.bg/t"]["tags"]) == tags
    assert rows["https://www.bta.bg/t"]["tags"].startswith('["Русе", "пътища, ремонт"')
    assert json.loads(rows["https://www.bta.bg/u"]["tags"]) == []


def test_an_export_of_nothing_to_stdout_is_an_empty_document_and_says_why(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A filter matching nothing printed nothing at all, exit 0: no word of why, and a
    CSV without even its header, which a reader takes for a file of no columns. Now the
    document stays valid and empty (no lines; the header alone) with one line on stderr,
    exit 0 as a search with no hits."""
    build(run_cli, db)
    for fmt in ("jsonl", "csv"):
        result = run_cli("export", "-f", fmt, "--since", "2099-01-01", "--db", str(db))
        assert result.exit_code == 0, result.stderr
        assert result.stderr == "exported 0 articles: none matches the filters\n"
        if fmt == "csv":
            reader = csv.DictReader(io.StringIO(result.stdout))
            assert (list(reader), reader.fieldnames) == ([], list(exported(run_cli, db)[0]))
        else:
            assert result.stdout == ""
    out = tmp_path / "none.csv"
    to_file = run_cli("export", "-f", "csv", "--site", "bta", "--until", "1990-01-01",
                      "--out", str(out), "--db", str(db))  # fmt: skip
    assert (to_file.exit_code, to_file.stderr) == (0, f"exported 0 articles to {out}\n")
    assert out.read_text(encoding="utf-8-sig").startswith("id,site,url,")
    empty = tmp_path / "empty.db"
    assert run_cli("import-jsonl", "-", "--db", str(empty), input="").exit_code == 0
    nothing = run_cli("export", "--db", str(empty))
    assert (nothing.exit_code, nothing.stdout) == (0, "")
    assert nothing.stderr == "exported 0 articles: the archive holds none\n"


def test_a_gzip_file_on_stdin_is_named_whatever_stdin_is_decoded_with(
    run_cli: Cli, db: Path
) -> None:
    """``import-jsonl - < x.jsonl.gz``: a strict stdin (the test runner's, or
    PYTHONIOENCODING=utf-8:strict) failed to decode it, an internal error (exit 70); one
    read with surrogateescape (a C or UTF-8 locale's) was "line 1: not valid JSON". Its
    bytes are read now, whatever decoding stdin has, and it is named as a file is."""
    packed = gzip.compress(b'{"title": "x"}\n')
    strict = run_cli("import-jsonl", "-", "--db", str(db), input=packed)
    assert strict.exit_code == 2, strict.stderr
    assert strict.stderr.startswith("newsarchive: error: stdin is gzip-compressed:"), strict.stderr
    process = subprocess.run(
        [sys.executable, "-m", "newsarchive", "import-jsonl", "-", "--db", str(db)],
        input=packed, capture_output=True, timeout=60, check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8:surrogateescape"},
    )  # fmt: skip
    assert process.returncode == 2, process.stderr
    assert process.stderr.decode() == strict.stderr
    assert not db.exists()


def test_every_ending_the_readme_names_chooses_its_format() -> None:
    """README's list of the ``--out`` endings that choose a format without ``--format``."""
    from newsarchive.export.named import export_format

    chosen = {name: export_format(None, Path(name)) for name in (
        "a.jsonl", "a.ndjson", "a.csv", "a.parquet", "a.pq", "a.warc", "a.warc.gz",
        "A.NDJSON", "A.PQ", "a.txt",
    )}  # fmt: skip
    assert chosen == {
        "a.jsonl": "jsonl", "a.ndjson": "jsonl", "a.csv": "csv", "a.parquet": "parquet",
        "a.pq": "parquet", "a.warc": "warc", "a.warc.gz": "warc", "A.NDJSON": "jsonl",
        "A.PQ": "parquet", "a.txt": "jsonl",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("given", "name", "named"),
    [("jsonl", "articles.csv.gz", "csv"), ("parquet", "articles.jsonl.gz", "jsonl"),
     ("warc", "articles.jsonl.gz", "jsonl")],
)  # fmt: skip
def test_a_format_a_gzip_names_plain_part_contradicts_is_refused_as_such(
    run_cli: Cli, db: Path, given: str, name: str, named: str
) -> None:
    """`-f jsonl --out articles.csv.gz` was told "name it articles.csv", which the next
    run refused as a csv name for jsonl; `-f warc --out articles.jsonl.gz` wrote WARC
    under a JSON Lines name, exit 0."""
    endings = {"jsonl": ".jsonl", "parquet": ".parquet", "warc": ".warc.gz"}
    build(run_cli, db, ARTICLES[:2])
    out = db.with_name(name)
    result = run_cli("export", "-f", given, "--out", str(out), "--db", str(db))
    assert result.exit_code == 2 and not out.exists()
    assert result.stderr.splitlines() == [
        f"newsarchive: error: --format {given}, but --out {out} is named as a {named} file:"
        f" drop --format, or end the name in {endings[given]}"
    ]


def _cp1251_source(db: Path) -> tuple[Path, str]:
    """A file of a UTF-8 line and a windows-1251 one, and the error that names the
    second line, its first such byte and how to convert the file."""
    good = json.dumps(ARTICLES[0], ensure_ascii=False)
    bad = json.dumps(ARTICLES[1], ensure_ascii=False).encode("cp1251")
    source = db.with_name("cp1251.jsonl")
    source.write_bytes(good.encode() + b"\n" + bad + b"\n")
    first = bad.index(next(b for b in bad if b > 0x7F).to_bytes(1, "big")) + 1
    return source, (
        f"newsarchive: error: line 2: not UTF-8 text (byte 0x{bad[first - 1]:02x} at character"
        f" {first}); convert the file first, e.g. iconv -f windows-1251 -t utf-8\n"
    )


@pytest.mark.parametrize("encoding", ["utf-8:strict", "utf-8:surrogateescape"])
def test_a_windows_1251_line_is_named_by_its_number_from_stdin(db: Path, encoding: str) -> None:
    """The same bytes on a stdin read with surrogateescape (a C or UTF-8 locale's) were
    "'title' holds a lone surrogate", as if the JSON had escaped one; now stdin's line
    is named as a file's is (the next test), whichever way stdin decodes. A process of
    its own: ``PYTHONIOENCODING`` sets how stdin decodes when Python starts."""
    source, expected = _cp1251_source(db)
    process = subprocess.run(
        [sys.executable, "-m", "newsarchive", "import-jsonl", "-", "--db", str(db)],
        input=source.read_bytes(), capture_output=True, timeout=60, check=False,
        env={**os.environ, "PYTHONIOENCODING": encoding},
    )  # fmt: skip
    assert process.returncode == 2, process.stderr
    assert process.stderr.decode() == expected
    assert not db.exists()


def test_a_windows_1251_line_is_named_by_its_number_from_a_file(run_cli: Cli, db: Path) -> None:
    """The same bytes from a file were "FILE is not UTF-8 text" (no line named); now the
    line, the byte and how to convert the file are named, as from stdin (the test
    before). A UTF-16 file (Windows PowerShell's ``>``) is named as one. (In this
    process: a file is read the same whatever stdin's encoding.)"""
    source, expected = _cp1251_source(db)
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert (result.exit_code, result.stderr) == (2, expected)
    assert not db.exists()
    good = json.dumps(ARTICLES[0], ensure_ascii=False)
    wide = db.with_name("utf16.jsonl")
    wide.write_text(good + "\n", encoding="utf-16")
    result = run_cli("import-jsonl", str(wide), "--db", str(db))
    assert result.exit_code == 2
    assert result.stderr == (
        f"newsarchive: error: {wide} is UTF-16 text: import-jsonl reads UTF-8"
        " (iconv -f utf-16 -t utf-8)\n"
    )


def test_a_line_that_never_ends_is_refused_at_the_cap(
    run_cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``import-jsonl /dev/zero`` read its one line until memory ran out (MemoryError, an
    internal error, under a memory limit; swap without one). A line is read up to
    ``MAX_LINE_BYTES`` (here made small), then refused by its number; nothing imported."""
    import newsarchive.jsonl_import as jsonl_import

    monkeypatch.setattr(jsonl_import, "MAX_LINE_BYTES", 4096)
    good = json.dumps(ARTICLES[0], ensure_ascii=False)
    assert len(good.encode()) < 4096
    source = db.with_name("long.jsonl")
    source.write_bytes(good.encode() + b"\n" + b"\0" * 10_000)
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 2, result.stderr
    assert result.stderr == (
        "newsarchive: error: line 2 is longer than 4,096 bytes, which no record is"
        " (export writes one article a line)\n"
    )
    assert not db.exists()


IMPOSSIBLE_HOSTS = ["https://a..bg/x", "http://256.1.1.1/news/1", "https://" + "b" * 64 + ".bg/n"]


def test_an_archived_address_no_server_can_have_round_trips(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """An older import-warc stored pages at hosts no server can have ("a..bg", a dotted
    number no IPv4 address is, a 64-letter label); once such hosts were refused as
    addresses, the archive's own export of them refused the whole file on import (exit 2,
    nothing imported). Nothing is fetched from a record: it is imported as it was, and
    one warning says how many a recrawl cannot reach."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.store import Store
    from newsarchive.models import Article

    build(run_cli, db)
    conn = connect(db, create=False)
    with conn:
        store = Store(conn)
        for number, url in enumerate(IMPOSSIBLE_HOSTS):
            article = Article(title=f"Заглавие {number}", text=f"Текст номер {number}.")
            store.upsert_article(article, site="x.bg", url=url, fetched_at="2024-05-01T10:00:00")
    conn.close()
    first = exported(run_cli, db)
    assert len(first) == len(ARTICLES) + len(IMPOSSIBLE_HOSTS)
    source = write_jsonl(tmp_path / "export.jsonl", first)
    copy = tmp_path / "copy.db"
    result = run_cli("import-jsonl", str(source), "--db", str(copy))
    assert result.exit_code == 0, result.stderr
    assert f"imported {len(first)} new" in result.stdout
    assert exported(run_cli, copy) == first
    warned = [line for line in result.stderr.splitlines() if "no server can have" in line]
    assert len(warned) == 1 and "3 imported record(s)" in warned[0], result.stderr


@pytest.mark.parametrize("ending", ["\r", "\r\n"], ids=["cr", "crlf"])
def test_lines_ending_in_a_carriage_return_are_lines(run_cli: Cli, db: Path, ending: str) -> None:
    """An old Mac editor ends lines with a bare CR, Windows with CR LF (which JSON Lines
    allows): split on LF alone, a bare-CR file was one long line, "line 1: not valid
    JSON (Extra data)"."""
    lines = "".join(json.dumps(a, ensure_ascii=False) + ending for a in ARTICLES[:3])
    source = db.with_name("cr.jsonl")
    source.write_bytes(lines.encode("utf-8"))
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 0 and "imported 3 new" in result.stdout, result.stderr
    again = run_cli("import-jsonl", "-", "--db", str(db), input=lines)
    assert again.exit_code == 0 and "3 unchanged" in again.stdout, again.stderr
    assert [a["url"] for a in exported(run_cli, db)] == [a["url"] for a in ARTICLES[:3]]


def test_a_bad_line_among_carriage_returns_is_named_by_its_number(run_cli: Cli, db: Path) -> None:
    """Lines split on a bare CR are counted as lines: an error names the one it is in."""
    good = [json.dumps(a, ensure_ascii=False) for a in ARTICLES[:2]]
    source = db.with_name("cr-bad.jsonl")
    source.write_bytes("\r".join([*good, "{not json"]).encode("utf-8") + b"\r")
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 2
    assert "line 3: not valid JSON" in result.stderr, result.stderr
    assert not db.exists()


def test_a_published_date_after_the_fetch_is_dropped_as_a_crawl_drops_it(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A record dated 9999 was archived as dated (sorted first, charted to 9999) where a
    crawl refuses a date after its fetch time (``date_stamps.after``): the record is kept, its
    date dropped, and one line says how many."""
    rows = [
        {"site": "bta", "url": "https://www.bta.bg/a1", "title": "Далечно бъдеще",
         "published": "9999-12-31", "text": "Общината обяви далечна дата."},
        {"site": "bta", "url": "https://www.bta.bg/a2", "title": "След изтеглянето",
         "published": "2026-06-10T09:00:00+03:00", "fetched_at": "2026-06-01T10:00:00+00:00",
         "text": "Дата след изтеглянето на страницата."},
        {"site": "bta", "url": "https://www.bta.bg/a3", "title": "Обикновена",
         "published": "2026-06-02", "fetched_at": "2026-06-01T23:30:00+00:00",
         "text": "Датата на сайта е ден напред: приета."},
    ]  # fmt: skip
    source = write_jsonl(tmp_path / "future.jsonl", rows)
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "imported 3 new" in result.stdout
    warned = [line for line in result.stderr.splitlines() if "after their fetch time" in line]
    assert len(warned) == 1 and "2 imported record(s)" in warned[0], result.stderr
    assert "https://www.bta.bg/a1" in warned[0]
    dates = {row["url"]: row["published"] for row in exported(run_cli, db)}
    assert dates == {
        "https://www.bta.bg/a1": None,
        "https://www.bta.bg/a2": None,
        "https://www.bta.bg/a3": "2026-06-02",
    }


def test_an_items_record_dated_after_its_fetch_keeps_its_items_address(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A page's items in full are archived under the page's address with a fragment, and
    a record dated by its text ("date_source": "text") keeps that fragment. Dropping a
    date after the fetch dropped the record's date_source before its address was read,
    so the item lost its fragment and overwrote the page's own row."""
    rows = [
        {"site": "bta", "url": "https://www.bta.bg/novini", "title": "Новини",
         "published": "2026-06-01", "fetched_at": "2026-06-02T10:00:00+00:00",
         "text": "Страницата с новините на общината."},
        {"site": "bta", "url": "https://www.bta.bg/novini#n3", "title": "Третата новина",
         "published": "9999-12-31", "date_source": "text",
         "fetched_at": "2026-06-02T10:00:00+00:00", "text": "Общината обяви далечна дата."},
    ]  # fmt: skip
    source = write_jsonl(tmp_path / "items.jsonl", rows)
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "imported 2 new" in result.stdout, result.stdout
    titles = {row["url"]: (row["title"], row["published"]) for row in exported(run_cli, db)}
    assert titles == {
        "https://www.bta.bg/novini": ("Новини", "2026-06-01"),
        "https://www.bta.bg/novini#n3": ("Третата новина", None),
    }


def test_items_of_one_page_dated_after_the_fetch_keep_their_own_addresses(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """An item of a page of items in full keeps its ``#fragment`` because its record says
    it was dated by its text; that was read after the future date was dropped, so every
    such item of a page lost its fragment and all of them became one row."""
    rows = [
        {"site": "bta", "url": f"https://www.bta.bg/novini#item-{number}",
         "title": f"Съобщение {number}", "published": "9999-12-31", "date_source": "text",
         "fetched_at": "2026-06-01T10:00:00+00:00", "text": f"Общината съобщи {number}."}
        for number in (1, 2)
    ]  # fmt: skip
    source = write_jsonl(tmp_path / "items.jsonl", rows)
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "imported 2 new" in result.stdout, result.stdout
    urls = sorted(str(row["url"]) for row in exported(run_cli, db))
    assert urls == ["https://www.bta.bg/novini#item-1", "https://www.bta.bg/novini#item-2"]


def test_access_is_imported_back_as_exported_absent_as_unrecorded_and_a_bad_one_refused(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """``access`` (schema v31) goes through import-jsonl as it was exported: "paid" stays
    paid (``show`` says so), an export from before the column imports as unrecorded
    (null), and a word that is not one of its values is one line, exit 2."""
    record = {"site": "bta", "url": "https://www.bta.bg/a", "title": "Заглавие",
              "published": "2025-03-14", "text": "Само началото на статията."}  # fmt: skip
    paid = dict(record, access="paid")
    older = dict(record, url="https://www.bta.bg/b")
    done = run_cli("import-jsonl", str(write_jsonl(tmp_path / "a.jsonl", [paid, older])),
                   "--db", str(db))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    rows = [json.loads(line) for line in run_cli("export", "--db", str(db)).stdout.splitlines()]
    assert [row["access"] for row in rows] == ["paid", None]
    assert "Access: paid — " in run_cli("show", "1", "--db", str(db)).stdout
    refused = run_cli("import-jsonl", str(write_jsonl(tmp_path / "b.jsonl",
                      [dict(record, access="maybe")])), "--db", str(db))  # fmt: skip
    assert refused.exit_code == 2, refused.stderr
    assert refused.stderr == (
        "newsarchive: error: line 1: 'access' must be null or one of paid, free\n"
    )


def test_an_imported_text_source_is_kept_shown_and_checked(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """``text_source`` (v33) comes back from an export: "feed" is shown by ``show``, an
    export from before the column imports as unrecorded (null), and a word that is not
    one of its values is one line, exit 2."""
    record = {"site": "bta", "url": "https://www.bta.bg/a", "title": "Заглавие",
              "published": "2025-03-14", "text": "Целият текст от емисията."}  # fmt: skip
    fed = dict(record, text_source="feed")
    older = dict(record, url="https://www.bta.bg/b")
    done = run_cli("import-jsonl", str(write_jsonl(tmp_path / "a.jsonl", [fed, older])),
                   "--db", str(db))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    rows = [json.loads(line) for line in run_cli("export", "--db", str(db)).stdout.splitlines()]
    assert [row["text_source"] for row in rows] == ["feed", None]
    assert "Text from: feed — " in run_cli("show", "1", "--db", str(db)).stdout
    assert "Text from:" not in run_cli("show", "2", "--db", str(db)).stdout
    refused = run_cli("import-jsonl", str(write_jsonl(tmp_path / "b.jsonl",
                      [dict(record, text_source="rss")])), "--db", str(db))  # fmt: skip
    assert refused.exit_code == 2, refused.stderr
    assert refused.stderr == (
        "newsarchive: error: line 1: 'text_source' must be null or one of page, pages, feed\n"
    )


@pytest.mark.parametrize(
    "text", ["Само началото на статията.", "Началото, поправено."], ids=["same", "edited"]
)
def test_an_older_export_imported_over_a_paid_row_leaves_it_paid(
    run_cli: Cli, db: Path, tmp_path: Path, text: str
) -> None:
    """A record without ``access`` (an export from before v31) says nothing of it: imported
    over the same article, unchanged or with a new text, the row stays "paid" and
    ``export --free-only`` still leaves it out (it set the column to NULL, which
    --free-only keeps)."""
    record = {"site": "bta", "url": "https://www.bta.bg/a", "title": "Заглавие",
              "published": "2025-03-14", "text": "Само началото на статията."}  # fmt: skip
    first = run_cli("import-jsonl", str(write_jsonl(tmp_path / "new.jsonl",
                    [dict(record, access="paid")])), "--db", str(db))  # fmt: skip
    assert first.exit_code == 0, first.stderr
    older = run_cli("import-jsonl", str(write_jsonl(tmp_path / "old.jsonl",
                    [dict(record, text=text)])), "--db", str(db))  # fmt: skip
    assert older.exit_code == 0, older.stderr
    assert [row["access"] for row in exported(run_cli, db)] == ["paid"]
    assert run_cli("export", "--free-only", "--db", str(db)).stdout == ""


# The keys an export held, release by release (``archive.store.ARTICLE_COLUMNS`` in the
# history of the code): the first release's; ``date_source`` from schema v3; ``story``
# from v6; ``date_note`` and ``modified`` from v11; ``access`` from v31 (today's).
EXPORT_KEYS = {
    "v1": ("id", "site", "url", "title", "published", "author", "tags", "text", "fetched_at"),
    "v3": ("id", "site", "url", "title", "published", "date_source", "author", "tags", "text",
           "fetched_at"),
    "v6": ("id", "site", "url", "title", "published", "date_source", "author", "tags", "text",
           "fetched_at", "story"),
    "v11": ("id", "site", "url", "title", "published", "date_source", "date_note", "modified",
            "author", "tags", "text", "fetched_at", "story"),
}  # fmt: skip
BESIDE = ("date_source", "date_note", "modified", "access", "text_source", "language")
_DATED = {"site": "bta", "url": "https://www.bta.bg/a", "title": "Заглавие",
          "published": "2025-03-14", "date_source": "jsonld", "date_note": "guessed",
          "modified": "2025-03-20T09:00:00+02:00", "access": "paid", "text_source": "feed",
          "language": "en", "author": "Ива Петрова",
          "tags": ["Русе"], "text": "Само началото на статията."}  # fmt: skip


def _archived_dated(run_cli: Cli, db: Path, tmp_path: Path) -> dict[str, object]:
    """An archive holding one article with every column an older export lacks set."""
    done = run_cli("import-jsonl", str(write_jsonl(tmp_path / "new.jsonl", [_DATED])),
                   "--db", str(db))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    (row,) = exported(run_cli, db)
    assert [row[key] for key in BESIDE] == [_DATED[key] for key in BESIDE]
    return row


def test_the_columns_an_import_keeps_are_those_later_releases_added() -> None:
    """What a record may leave out and the row keeps (``RECORDED_BESIDE``, derived from
    the export's columns) is what every release after the first added to the export
    but ``story`` (written, never read back): no hand-kept list to fall behind."""
    from newsarchive.archive.store import ARTICLE_COLUMNS, RECORDED_BESIDE

    added = [key for key in ARTICLE_COLUMNS if key not in EXPORT_KEYS["v1"]]
    assert RECORDED_BESIDE == tuple(key for key in added if key != "story") == BESIDE


@pytest.mark.parametrize("text", [_DATED["text"], "Началото, поправено."], ids=["same", "edited"])
@pytest.mark.parametrize("release", sorted(EXPORT_KEYS))
def test_an_older_export_keeps_every_column_it_lacks(
    run_cli: Cli, db: Path, tmp_path: Path, release: str, text: str
) -> None:
    """An export written by an older release has no key for what later ones added: it
    says nothing of them, and importing it over the same article, unchanged or with a
    new text, keeps the row's ``date_source``, ``date_note``, ``modified`` and
    ``access`` (``modified`` and ``date_note`` were set NULL, and ``date_source``,
    counting the article "updated")."""
    row = _archived_dated(run_cli, db, tmp_path)
    older = {key: row[key] for key in EXPORT_KEYS[release]} | {"text": text}
    done = run_cli("import-jsonl", str(write_jsonl(tmp_path / "old.jsonl", [older])),
                   "--db", str(db))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    outcome = "0 updated, 1 unchanged" if text == _DATED["text"] else "1 updated, 0 unchanged"
    assert outcome in done.stdout, done.stdout
    (after,) = exported(run_cli, db)
    assert {key: after[key] for key in BESIDE} == {key: _DATED[key] for key in BESIDE}
    assert after["text"] == text


def test_a_key_present_with_null_clears_the_column(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    """A newer export's null is a statement ("the page gave no modified date"): it is
    stored over the row's value, as before; only an absent key keeps it. But for
    ``access``, whose null is "not recorded" (a row archived before v31, exported), never
    "free": it keeps the row's "paid", which ``export --free-only`` leaves out."""
    row = _archived_dated(run_cli, db, tmp_path)
    stated = dict(row, **dict.fromkeys(BESIDE))
    done = run_cli("import-jsonl", str(write_jsonl(tmp_path / "null.jsonl", [stated])),
                   "--db", str(db))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    (after,) = exported(run_cli, db)
    assert {key: after[key] for key in BESIDE} == dict.fromkeys(BESIDE) | {
        "access": "paid",
        "language": "en",  # (as ``access``: a null is "not recorded", --lang reads it)
    }
    assert run_cli("export", "--free-only", "--db", str(db)).stdout == ""


@pytest.mark.parametrize("published", ["2025-03-15", None, "0000-00-00"])
def test_an_older_export_of_another_date_keeps_no_note_of_the_old_one(
    run_cli: Cli, db: Path, tmp_path: Path, published: str | None
) -> None:
    """What describes the date (``date_source``, ``date_note``) goes with it: an older
    export giving another date (or none, or a placeholder) takes the row's date, and the
    rule and note of the old one are not kept beside it (``show`` would say "a guess"
    of a date nobody guessed); ``modified``, ``access`` and ``text_source`` are."""
    row = _archived_dated(run_cli, db, tmp_path)
    older = {key: row[key] for key in EXPORT_KEYS["v1"]} | {"published": published}
    done = run_cli("import-jsonl", str(write_jsonl(tmp_path / "old.jsonl", [older])),
                   "--db", str(db))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    (after,) = exported(run_cli, db)
    kept = None if published == "0000-00-00" else published
    assert [after[key] for key in ("published", *BESIDE)] == [
        kept,
        None,
        None,
        _DATED["modified"],
        "paid",
        "feed",
        "en",
    ]


@pytest.mark.parametrize(
    "lacks", [("title",), ("text",), ("author",), ("tags",), ("published",),
              ("title", "text", "author", "tags", "published")],
    ids="-".join,
)  # fmt: skip
def test_a_record_not_saying_a_field_keeps_the_row_s(
    run_cli: Cli, db: Path, tmp_path: Path, lacks: tuple[str, ...]
) -> None:
    """A hand-made record without ``title``, ``text``, ``author``, ``tags`` (or
    ``published``) says nothing of them: the row keeps its own, as it keeps the columns
    ``RECORDED_BESIDE`` (an export never lacks them). Each was set empty on the row, the
    article's words gone from search: "0 new, 1 updated" and a title of ''."""
    row = _archived_dated(run_cli, db, tmp_path)
    partial = {key: value for key, value in _DATED.items() if key not in lacks}
    done = run_cli("import-jsonl", str(write_jsonl(tmp_path / "partial.jsonl", [partial])),
                   "--db", str(db))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    assert "0 new, 0 updated, 1 unchanged" in done.stdout, done.stdout
    (after,) = exported(run_cli, db)
    assert after == row
    found = run_cli("search", "Заглавие", "--format", "json", "--db", str(db))
    assert ids(found) == [row["id"]]


def test_a_record_saying_one_field_changes_that_one_alone(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A record of its address and a new text: the text is updated (the old one kept as
    a revision), the title, author, tags and date stay; a new address with nothing but
    its url is a new row of empty fields, as before."""
    row = _archived_dated(run_cli, db, tmp_path)
    records = [{"site": "bta", "url": _DATED["url"], "text": "Поправеният текст на статията."},
               {"site": "bta", "url": "https://www.bta.bg/b"}]  # fmt: skip
    done = run_cli("import-jsonl", str(write_jsonl(tmp_path / "text.jsonl", records)),
                   "--db", str(db))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    assert "1 new, 1 updated, 0 unchanged" in done.stdout, done.stdout
    first, second = exported(run_cli, db)
    assert first == dict(row, text="Поправеният текст на статията.", fetched_at=first["fetched_at"])
    assert {key: second[key] for key in ("title", "text", "author", "tags", "published")} == {
        "title": "", "text": "", "author": None, "tags": [], "published": None}  # fmt: skip
    shown = run_cli("show", str(row["id"]), "--diff", "--db", str(db))
    assert "[-Само-]{+Поправеният+}" in shown.stdout  # (the old text kept)


def test_a_line_without_its_url_is_skipped_alone_and_said_by_its_number(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A record without its identity (``url``, or its ``site``) matches no row and can hurt
    none: its line is refused in one line naming it, the rest imported, exit 1. It
    refused the whole file ("line 2: missing 'url'", exit 2, nothing imported)."""
    good = [json.dumps(a, ensure_ascii=False) for a in ARTICLES[:2]]
    lines = [good[0], '{"site": "bta", "title": "Без адрес"}', '{"url": "https://www.bta.bg/x"}',
             '{"site": "bta", "url": null}', good[1]]  # fmt: skip
    source = tmp_path / "unkeyed.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 1
    assert result.stdout == "imported 2 new, 0 updated, 0 unchanged, 3 skipped\n"
    assert result.stderr.splitlines() == [
        "newsarchive: error: line 2: missing 'url': skipped, the rest imported",
        "newsarchive: error: line 3: missing 'site': skipped, the rest imported",
        "newsarchive: error: line 4: missing 'url': skipped, the rest imported",
    ]
    assert [r["url"] for r in exported(run_cli, db)] == [a["url"] for a in ARTICLES[:2]]


def test_many_lines_without_a_url_are_said_up_to_twenty(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    source = tmp_path / "many.jsonl"
    source.write_text('{"site": "bta", "title": "т"}\n' * 25, encoding="utf-8")
    result = run_cli("import-jsonl", str(source), "--db", str(db))
    assert result.exit_code == 1 and "25 skipped" in result.stdout
    said = result.stderr.splitlines()
    assert len(said) == 21 and said[-1] == "newsarchive: error: ... and 5 more lines skipped so"


def test_blank_and_repeated_tags_are_kept_as_a_crawl_keeps_them(run_cli: Cli, db: Path) -> None:
    """A hand-made record's ``"tags": ["", " ", "Русе", "Русе"]`` was archived as it
    stood: ``show`` printed "Tags: " with nothing after it, and "Русе" twice; a crawl keeps
    neither a blank tag nor one twice."""
    record = dict(ARTICLES[0], tags=["", " ", "Русе", "Русе"])
    done = run_cli("import-jsonl", str(write_jsonl(db.with_name("tags.jsonl"), [record])),
                   "--db", str(db))  # fmt: skip
    assert done.exit_code == 0, done.stderr
    (row,) = exported(run_cli, db)
    assert row["tags"] == ["Русе"]
    shown = run_cli("show", str(row["id"]), "--db", str(db))
    assert "Tags: Русе\n" in shown.stdout
