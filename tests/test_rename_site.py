"""A site's profile renamed (its id changed): ``rename-site`` moves what the archive keeps
under the old id, so the renamed profile's crawls, searches and re-extraction find the
site's articles, not only those archived after the rename."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .support import Result

Cli = Callable[..., Result]
BTA_PROFILE = Path(__file__).resolve().parents[1] / "src/newsarchive/profiles/sites/bta.toml"
TABLES = ("articles", "runs", "frontier", "listing_walks", "site_discovery")


def _renamed_profile(folder: Path) -> Path:
    """BTA's built-in profile under the id a user gave it, as a file of its own."""
    folder.mkdir(exist_ok=True)
    text = BTA_PROFILE.read_text(encoding="utf-8")
    assert '\nid = "bta"\n' in text
    path = folder / "bta-bg.toml"
    path.write_text(text.replace('\nid = "bta"\n', '\nid = "bta-bg"\n'), encoding="utf-8")
    return path


def _per_site(db: Path) -> dict[str, dict[str, int]]:
    with closing(sqlite3.connect(db)) as conn:
        return {
            table: dict(conn.execute(f"SELECT site, count(*) FROM {table} GROUP BY site"))
            for table in TABLES
        }


def test_a_renamed_site_keeps_its_articles_searches_and_crawl_state(
    run_cli: Cli, mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    db = tmp_path / "archive.db"
    server = mirror("bta")
    crawl = ("--base-url", server.url, "--delay", "0", "--db", str(db))
    first = run_cli("crawl", "bta", *crawl)
    assert first.exit_code == 0 and "bta: 10 new" in first.stdout, first.stderr
    before = _per_site(db)
    assert all(set(counts) <= {"bta"} for counts in before.values()), before

    profile = _renamed_profile(tmp_path / "profiles")
    renamed = run_cli("rename-site", "bta", "bta-bg", "--db", str(db))
    assert renamed.exit_code == 0, renamed.stderr
    assert renamed.stdout.startswith("renamed site 'bta' to 'bta-bg'; moved: articles 10, runs 1")
    after = _per_site(db)
    assert after == {table: {"bta-bg": n["bta"]} if n else {} for table, n in before.items()}

    found = run_cli("search", "--site", "bta-bg", "--format", "json", "--limit", "50", *crawl[-2:])
    assert found.exit_code == 0, found.stderr
    assert len(json.loads(found.stdout)) == 10
    server.requests.clear()
    again = run_cli("crawl", "bta-bg", "--profile", str(profile), *crawl)
    assert again.exit_code == 0, again.stderr
    # what the old id's crawl settled stays settled: nothing is fetched again, and the
    # site's articles are its own, not "0 new" beside ten under an id no profile has
    assert "bta-bg: 0 new" in again.stdout and "0 updated, 10 unchanged" not in again.stdout
    assert not [r for r in server.requests if "/bg/news/bulgaria/1" in r], server.requests
    assert set(_per_site(db)["articles"]) == {"bta-bg"}


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("nsorb", "x", "no site 'nsorb' in this archive (its sites: bta)"),
        ("bta", "bta", "the site is 'bta' already"),
        ("bta", "BTA", "'BTA' is no site id"),
        ("bta", "../x", "'../x' is no site id"),
    ],
)
def test_a_rename_that_cannot_be_done_says_why_and_changes_nothing(
    run_cli: Cli, mirror: Callable[[str], MirrorServer], tmp_path: Path, old: str, new: str,
    said: str,
) -> None:  # fmt: skip
    db = tmp_path / "archive.db"
    server = mirror("bta")
    assert run_cli("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    before = _per_site(db)
    result = run_cli("rename-site", old, new, "--db", str(db))
    assert result.exit_code == 2 and result.stdout == "", result.stdout
    [line] = result.stderr.splitlines()
    assert line.startswith(f"newsarchive: error: {said}"), line
    assert _per_site(db) == before


def test_a_new_id_holding_articles_already_is_merged_only_when_asked(
    run_cli: Cli, mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    """A slip naming another site (bta for nsorb) would make two sites one for good."""
    db = tmp_path / "archive.db"
    server = mirror("bta")
    assert run_cli("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    record = {"site": "bta-bg", "url": "https://www.bta.bg/bg/news/x/1-a", "title": "А",
              "text": "Общината прие бюджета."}  # fmt: skip
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    before = _per_site(db)
    refused = run_cli("rename-site", "bta", "bta-bg", "--db", str(db))
    assert refused.exit_code == 2 and _per_site(db) == before
    assert refused.stderr == (
        "newsarchive: error: site 'bta-bg' holds 1 article already: pass --merge to make"
        " 'bta' and 'bta-bg' one site (renaming back would move both)\n"
    )
    merged = run_cli("rename-site", "bta", "bta-bg", "--merge", "--db", str(db))
    assert merged.exit_code == 0, merged.stderr
    assert _per_site(db)["articles"] == {"bta-bg": 11}


@pytest.mark.parametrize(("old_at", "new_at", "kept"), [("2026-02", "2026-01", "old"),
                                                        ("2026-01", "2026-02", "new")])  # fmt: skip
def test_what_exploring_found_is_the_newer_explorations_when_both_ids_have_one(
    tmp_path: Path, old_at: str, new_at: str, kept: str
) -> None:
    """One row a site: a crawl under the new id before the rename explored the site too."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.rename import rename_site

    conn = connect(tmp_path / "a.db", create=True)
    try:
        with conn:
            conn.executemany(
                "INSERT INTO site_discovery (site, found, explored_at) VALUES (?, ?, ?)",
                [("x", "old", old_at), ("y", "new", new_at), ("z", "other", "2026-03")],
            )
        rename_site(conn, "x", "y")
        rows = conn.execute("SELECT site, found FROM site_discovery ORDER BY site").fetchall()
    finally:
        conn.close()
    assert rows == [("y", kept), ("z", "other")]


def test_a_rename_beside_a_running_crawl_is_refused_and_moves_nothing(
    run_cli: Cli, mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    """The README's "under the crawl lock (exit 75 while a crawl runs)": a crawl going on
    would write the old id after the rename."""
    from newsarchive.archive.lock import CrawlLock

    db = tmp_path / "archive.db"
    server = mirror("bta")
    assert run_cli("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    before = _per_site(db)
    with CrawlLock(db):  # a crawl is writing now
        result = run_cli("rename-site", "bta", "bta-bg", "--db", str(db))
    assert result.exit_code == 75, (result.exit_code, result.stderr)
    assert result.stdout == "" and len(result.stderr.splitlines()) == 1, result.stderr
    assert _per_site(db) == before


def test_a_resting_source_rests_under_the_new_id(tmp_path: Path) -> None:
    """A source failing run after run (``crawl_rests``) is the renamed site's: left
    under the old id, its rest was the old id's, and the new id's next run asked it."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.frontier import Frontier
    from newsarchive.archive.rename import rename_site

    conn = connect(tmp_path / "a.db", create=True)
    try:
        for _ in range(5):
            Frontier(conn, "x").source_failed("https://x.bg/rss", "feed failed: HTTP 403")
        Frontier(conn, "x").rest_source("https://x.bg/rss", 2)
        moved = rename_site(conn, "x", "y")
        rested = Frontier(conn, "y").rested_sources()
    finally:
        conn.close()
    assert moved["failing sources"] == 1 and rested == {"https://x.bg/rss": 2}


def test_a_source_failing_under_an_old_id_rests_under_the_id_that_asks_it(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A profile's id changed without ``rename-site``: its feed's failures were counted
    on under the old id (one row per address), and rested there, where the runs of the
    new id never found it resting: asked and failing every run, for ever. The row is the
    site's that asks it now: it rests, and ``stats`` names the new id."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.frontier import Frontier
    from newsarchive.crawl_rests import rest_runs

    db = tmp_path / "a.db"
    conn = connect(db, create=True)
    try:
        for site in ("x", "x", "x", "y", "y"):  # three runs under x, then two under y
            failures = Frontier(conn, site).source_failed("https://x.bg/rss", "feed failed")
        Frontier(conn, "y").rest_source("https://x.bg/rss", rest_runs(failures))
        rested = Frontier(conn, "y").rested_sources()
    finally:
        conn.close()
    assert rested == {"https://x.bg/rss": 2}
    stats = run_cli("stats", "--format", "json", "--db", str(db)).json()["rested_sources"]
    assert [(s["site"], s["failures"]) for s in stats] == [("y", 5)]


def _one_article(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    record = {
        "site": "bta",
        "url": "https://www.bta.bg/bg/news/bulgaria/1-test",
        "title": "Общината обяви нов бюджет",
        "published": "2025-03-01",
        "text": "Общинският съвет прие бюджета.",
    }
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0


def test_a_rename_to_an_id_no_profile_has_says_so(run_cli: Cli, tmp_path: Path) -> None:
    """`rename-site bta bta-gb` (a slip) moved the articles where no crawl or reextract
    finds their profile, and said nothing: the next `crawl bta` fetched them all anew."""
    db = tmp_path / "archive.db"
    _one_article(run_cli, db, tmp_path)
    result = run_cli("rename-site", "bta", "bta-gb", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("newsarchive: note: no profile has the id 'bta-gb' yet"), line
    assert line.endswith("a slip is undone with: newsarchive rename-site bta-gb bta"), line


@pytest.mark.parametrize("new", ["bta-bg", "bta.bg"])
def test_a_rename_to_a_profile_or_a_host_says_nothing_more(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new: str
) -> None:
    db = tmp_path / "archive.db"
    _one_article(run_cli, db, tmp_path)
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(_renamed_profile(tmp_path / "mine").parent))
    result = run_cli("rename-site", "bta", new, "--db", str(db))
    assert result.exit_code == 0 and result.stderr == "", result.stderr
