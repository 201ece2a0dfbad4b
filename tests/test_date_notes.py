"""A date that is only a "last updated" stamp or a guess says so in the archive
(``articles.date_note``), with the modified date kept apart (``articles.modified``):
set by a real crawl, cleared when a listing's date replaces a guess, recorded in place
without counting the article as changed, exported, imported back and shown."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsarchive.mirror import MirrorServer

from .search_corpus import write_jsonl
from .support import Result

Cli = Callable[..., Result]

PAGE = (
    "<html><body><article><h1>Новина номер {n} за града</h1><p>{byline}</p><p>Общината"
    " обяви ремонт на улица номер {n} и нов парк в квартала до края на годината,"
    " съобщиха от пресцентъра на кмета.</p></article></body></html>"
)
BYLINES = {
    1: "Обновена: 12.03.2026",  # only when it last changed
    2: "Мария Петрова | 28 ноември",  # a day without its year: a guess
    3: "Публикувано: 14.11.2025 · Обновена: 20.11.2025",  # both, apart
    4: "Мария Петрова | 27 ноември",  # a guess its listing card dates in full
}
LISTED = {4: "10.11.2025"}


def _site(tmp_path: Path) -> Path:
    """A site of the ``BYLINES`` pages at /news/N and a listing /novini of them (with the
    ``LISTED`` dates); its profile's path."""
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    for n, byline in BYLINES.items():
        (root / "news" / f"{n}.html").write_text(PAGE.format(n=n, byline=byline), "utf-8")
    items = "".join(
        f'<li><a href="/news/{n}">Новина номер {n} за града</a> {LISTED.get(n, "")}</li>'
        for n in BYLINES
    )
    (root / "novini.html").write_text(f"<html><body><ul>{items}</ul></body></html>", "utf-8")
    profile = tmp_path / "noted.toml"
    profile.write_text(
        'id = "noted"\nname = "Noted"\norigin = "https://noted.example"\n[discovery]\n'
        'start_urls = ["/novini"]\narticle_pattern = "^/news/\\\\d+$"\n',
        encoding="utf-8",
    )
    return profile


def _crawl(run_cli: Cli, profile: Path, db: Path, *options: str) -> str:
    with MirrorServer(profile.parent / "site") as server:
        result = run_cli(
            "crawl", "noted", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db), *options,
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return result.stdout + result.stderr


def _notes(db: Path) -> dict[str, tuple[str | None, str | None, str | None]]:
    """Each article's number -> (date_source, date_note, modified)."""
    with sqlite3.connect(db) as conn:
        return {
            url.rsplit("/", 1)[1]: (source, note, modified)
            for url, source, note, modified in conn.execute(
                "SELECT url, date_source, date_note, modified FROM articles"
            )
        }


EXPECTED = {
    "1": ("text", "modified-only", "2026-03-12"),
    "2": ("text", "guessed", None),
    "3": ("text", None, "2025-11-20"),
    "4": ("listing", None, None),  # the listing's date replaced the guess
}


def test_a_crawl_stores_which_dates_are_an_update_stamp_or_a_guess(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    profile = _site(tmp_path)
    _crawl(run_cli, profile, db)
    assert _notes(db) == EXPECTED
    with sqlite3.connect(db) as conn:
        published = dict(conn.execute("SELECT url, published FROM articles"))
    assert published[next(u for u in published if u.endswith("/1"))] == "2026-03-12"
    assert published[next(u for u in published if u.endswith("/3"))] == "2025-11-14"
    assert published[next(u for u in published if u.endswith("/4"))] == "2025-11-10"
    again = _crawl(run_cli, profile, db, "--refresh")
    assert "0 new, 0 updated, 4 unchanged" in again, again


def test_notes_never_recorded_are_filled_without_counting_the_articles_changed(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """An archive migrated to v11 holds NULL in both columns: the next crawl (or
    ``reextract``) records them in place, and no article counts as updated for it."""
    profile = _site(tmp_path)
    _crawl(run_cli, profile, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET date_note = NULL, modified = NULL")
        revisions = conn.execute("SELECT count(*) FROM revisions").fetchone()[0]
    again = _crawl(run_cli, profile, db, "--refresh")
    assert "0 new, 0 updated, 4 unchanged" in again, again
    assert _notes(db) == EXPECTED
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET date_note = NULL, modified = NULL")
        assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == revisions
    result = run_cli("reextract", "--profile", str(profile), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("re-extracted: 0 changed, 4 unchanged, "), result.stdout
    assert _notes(db) == EXPECTED


def test_notes_are_exported_imported_back_and_shown(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    _crawl(run_cli, _site(tmp_path), db)
    exported = run_cli("export", "--db", str(db)).stdout.splitlines()
    records = [json.loads(line) for line in exported]
    by_number = {r["url"].rsplit("/", 1)[1]: r for r in records}
    assert {n: (r["date_source"], r["date_note"], r["modified"]) for n, r in by_number.items()} == (
        EXPECTED
    )
    copy = tmp_path / "copy.db"
    imported = run_cli("import-jsonl", str(write_jsonl(tmp_path / "a.jsonl", records)),
                       "--db", str(copy))  # fmt: skip
    assert imported.exit_code == 0, imported.stderr
    assert _notes(copy) == EXPECTED
    assert run_cli("export", "--db", str(copy)).stdout.splitlines() == exported

    csv_out = run_cli("export", "--format", "csv", "--db", str(db)).stdout.splitlines()
    header = csv_out[0].split(",")
    assert "date_note" in header and "modified" in header
    assert any(",modified-only,2026-03-12," in line for line in csv_out[1:]), csv_out

    out = tmp_path / "a.parquet"
    assert (
        run_cli("export", "--format", "parquet", "--out", str(out), "--db", str(db)).exit_code == 0
    )
    table = pq.read_table(out)
    types = dict(zip(table.schema.names, table.schema.types, strict=True))
    assert types["date_note"] == pa.string()
    assert pa.types.is_timestamp(types["modified"]) and types["modified"].tz == "UTC"
    notes = {r["url"].rsplit("/", 1)[1]: r["date_note"] for r in table.to_pylist()}
    assert notes == {n: note for n, (_, note, _) in EXPECTED.items()}

    first = str(by_number["1"]["id"])
    shown = run_cli("show", first, "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert "date source: text, the page shows only when it was last modified" in shown.stdout
    record = run_cli("show", first, "--format", "json", "--db", str(db)).json()
    assert isinstance(record, dict)
    assert (record["date_note"], record["modified"]) == ("modified-only", "2026-03-12")
    third = run_cli("show", str(by_number["3"]["id"]), "--db", str(db)).stdout
    assert "2025-11-14" in third and "modified 2025-11-20" in third
    guessed = run_cli("show", str(by_number["2"]["id"]), "--db", str(db)).stdout
    assert "date source: text, a guess: the page gives no year" in guessed


def test_an_export_without_the_fields_imports_as_unrecorded_and_a_bad_note_is_refused(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    record = {"site": "bta", "url": "https://www.bta.bg/a", "title": "Заглавие",
              "published": "2025-03-14", "date_source": "text", "text": "Текст."}  # fmt: skip
    old = run_cli("import-jsonl", str(write_jsonl(tmp_path / "a.jsonl", [record])),
                  "--db", str(db))  # fmt: skip
    assert old.exit_code == 0, old.stderr
    (row,) = [json.loads(line) for line in run_cli("export", "--db", str(db)).stdout.splitlines()]
    assert (row["date_note"], row["modified"]) == (None, None)
    for bad in ({"date_note": "maybe"}, {"modified": "last week"}):
        source = write_jsonl(tmp_path / "b.jsonl", [dict(record, **bad)])
        refused = run_cli("import-jsonl", str(source), "--db", str(db))
        assert refused.exit_code == 2, refused.stderr
        assert refused.stderr.startswith("newsarchive: error: line 1: '" + next(iter(bad)))
        assert refused.stderr.count("\n") == 1


def test_import_warc_records_the_notes_the_crawl_did(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """``import-warc`` extracts the pages again: the same notes and modified dates."""
    profile = _site(tmp_path)
    _crawl(run_cli, profile, db)
    warc = tmp_path / "a.warc.gz"
    exported = run_cli("export", "--format", "warc", "--out", str(warc), "--db", str(db))
    assert exported.exit_code == 0, exported.stderr
    copy = tmp_path / "copy.db"
    imported = run_cli("import-warc", str(warc), "--profile", str(profile), "--db", str(copy))
    assert imported.exit_code == 0, imported.stderr
    # (page 4's date is its listing's, which the WARC's metadata record gives back: the
    # page itself shows only a guess)
    assert _notes(copy) == EXPECTED
