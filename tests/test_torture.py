"""What the torture harness (``bench/torture_bench.py``) and its probes found, each
failure recreated at the moment it happens.

The harness kills crawls at random moments (some of them meeting a passing 503), starts
two at once, reads while one writes and opens an old archive from three processes at
once; each test here holds the archive, the server or a second process exactly where a
trial failed, so it fails every time without its fix and passes in seconds with it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from newsarchive.archive.schema import SCHEMA_VERSION, ensure_schema
from newsarchive.mirror import MirrorServer, Outage

from .support import FIXTURES, SITES, Result


@pytest.mark.parametrize("command", [("search", "бюджет"), ("export",), ("stats",)])
def test_a_read_while_the_first_crawl_creates_the_archive_says_it_is_not_there_yet(
    run_cli: Callable[..., Result], db: Path, command: tuple[str, ...]
) -> None:
    """A first crawl creates the file (WAL) a moment before it commits the schema; a
    search in that moment was told the file "is not a newsarchive archive", as if it
    were some other program's database."""
    creating = sqlite3.connect(db, isolation_level=None)
    try:
        creating.execute("PRAGMA journal_mode = WAL")
        creating.execute("BEGIN IMMEDIATE")
        creating.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY)")  # not committed
        result = run_cli(*command, "--db", str(db))
    finally:
        creating.close()
    assert result.exit_code != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "not a newsarchive archive" not in result.stderr
    assert f"no archive at {db} yet" in result.stderr


def _no_tables(db: Path, kind: str) -> None:
    """``db`` as another process has only just created it: a 0-byte file (the first
    crawl's open), or a SQLite file whose first page is written and holds no table."""
    db.write_bytes(b"")
    if kind == "sqlite":
        with closing(sqlite3.connect(db)) as conn:
            conn.execute("CREATE TABLE scratch (x)")
            conn.execute("DROP TABLE scratch")
            conn.commit()
        assert db.stat().st_size > 0


@pytest.mark.parametrize("kind", ["zero-bytes", "sqlite"])
@pytest.mark.parametrize(
    "command",
    [
        ("search", "бюджет"),
        ("show", "https://www.bta.bg/a"),
        ("stats",),
        ("export",),
        ("datasette-metadata",),
    ],
    ids=["search", "show", "stats", "export", "datasette-metadata"],
)
def test_an_archive_file_holding_no_tables_is_one_line_and_exit_2(
    run_cli: Callable[..., Result], db: Path, kind: str, command: tuple[str, ...]
) -> None:
    """A file with no tables is an archive not there yet, whatever its size: one line
    saying so (not "the file is empty" of a file holding SQLite's first page, nor some
    other program's database), exit 2, and the file left as it was."""
    _no_tables(db, kind)
    before = db.read_bytes()
    result = run_cli(*command, "--db", str(db))
    assert result.exit_code == 2, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    said = f"no archive at {db} yet: it holds no tables (a first crawl may be creating it"
    assert said in result.stderr
    assert db.read_bytes() == before


@pytest.mark.parametrize("kind", ["zero-bytes", "sqlite"])
def test_serve_refuses_an_archive_file_holding_no_tables_before_it_listens(
    db: Path, kind: str
) -> None:
    """``serve`` checks the file once, at its start, and then serves it as an archive for
    as long as it runs: one with no tables yet is the same one line and exit 2 as the
    other read commands, before any port is bound (run as a process: a serve that
    started would answer pages until the timeout, saying nothing)."""
    _no_tables(db, kind)
    before = db.read_bytes()
    env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "newsarchive", "serve", "--db", str(db), "--port", "0"],
            capture_output=True, text=True, env=env, timeout=60, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired as running:
        pytest.fail(f"serve started on a file with no tables: {running.stderr!r}")
    assert done.returncode == 2, done.stderr
    said = done.stderr.splitlines()
    assert len(said) == 1 and "serving" not in said[0], said
    assert said[0] == (
        f"newsarchive: error: no archive at {db} yet: it holds no tables (a first crawl may"
        " be creating it; try again in a moment, or run 'newsarchive crawl')"
    )
    assert db.read_bytes() == before


def test_datasette_metadata_for_an_archive_not_made_yet_is_still_printed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """The metadata is keyed to the file's name alone: with no file there at all it is
    printed (made before a first crawl), and nothing is created."""
    made = run_cli("datasette-metadata", "--format", "json", "--db", str(tmp_path / "x.db"))
    assert made.exit_code == 0, made.stderr
    assert "x" in made.json()["databases"]  # type: ignore[index]
    assert list(tmp_path.iterdir()) == []


SESSION_IDS = FIXTURES / "archives" / "v8-session-ids.db"  # an archive to upgrade


def test_two_processes_upgrading_one_archive_at_once_both_succeed(tmp_path: Path) -> None:
    """A search run while the nightly crawl upgrades the archive (or two searches, or a
    crawl started while a search upgrades): the second upgrader read the old version,
    then found the first had written meanwhile, and failed with "database is locked"
    (a crawl: exit 74). Here the second is held just after its migration read the
    archive, while the first upgrades it whole; then it goes on. Both must succeed, and
    the archive is upgraded once."""
    db = tmp_path / "old.db"
    shutil.copy(SESSION_IDS, db)
    first_done, second_read = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def upgrade(hold: bool) -> None:
        conn = sqlite3.connect(db, timeout=30)
        held: list[str] = []

        def trace(statement: str) -> None:
            if second_read.is_set() and not held:  # the statement after the read waits
                held.append(statement)
                first_done.wait(timeout=1)  # (the fixed first waits for our lock meanwhile)
            if statement.startswith("SELECT url_key, article_id FROM article_urls"):
                second_read.set()  # the v10 migration has read the archive

        try:
            if hold:
                conn.set_trace_callback(trace)
            ensure_schema(conn)
        except BaseException as exc:
            errors.append(exc)
        finally:
            conn.close()

    second = threading.Thread(target=upgrade, args=(True,))
    second.start()
    assert second_read.wait(timeout=10)
    upgrade(False)  # the first, whole, while the second waits inside its migration
    first_done.set()
    second.join(timeout=30)
    assert errors == []
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 8
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_section_that_did_not_answer_while_exploring_is_explored_again_next_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """belorechie's menu names three sections; the first run met a 503 on "Съобщения"
    (no retry here, to be quick). The exploration was saved as if the section held no
    news and trusted for 30 days: its four articles were never archived, every run
    exited 0 and said nothing. Now the run warns, and the next one explores again."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    profile = tmp_path / "belorechie.toml"
    profile.write_text('id = "belorechie"\nname = "Б"\norigin = "https://belorechie.bg"\n')
    expected = {
        row["url"]
        for row in json.loads((SITES / "belorechie" / "expected.json").read_text("utf-8"))
    }
    outage = Outage({"/bg/saobshteniya"})
    with MirrorServer(SITES / "belorechie", intercept=outage) as server:
        args = ("crawl", "belorechie", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        assert "while exploring the site: HTTP 503" in first.stderr
        outage.down.clear()  # the server is answering again
        second = run_cli(*args)
        assert second.exit_code == 0, second.stderr
        with closing(sqlite3.connect(db)) as conn:
            archived = {url for (url,) in conn.execute("SELECT url FROM articles")}
        assert archived == expected
        before = len(server.requests)
        assert run_cli(*args).exit_code == 0
        assert len(server.requests) - before <= 3, server.requests[before:]


def _explored_days_ago(db: Path, days: int) -> None:
    """Move the site's last exploration ``days`` back, as if the nights between had
    passed."""
    when = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).replace(microsecond=0)
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "UPDATE site_discovery SET found = json_set(found, '$.explored_at', ?)",
            (when.isoformat(),),
        )


def test_a_section_down_for_good_is_explored_again_ever_less_often_until_it_answers(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """belorechie's "Съобщения" answering 500 on every run: each nightly run explored the
    site again (a dozen requests) and warned. Now a section that did not answer is tried
    the next run, then after 2, 4, 8... days (warning each time it fails), and one that
    answers again ends the backoff: the nightly run is back to its few requests."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    profile = tmp_path / "belorechie.toml"
    profile.write_text('id = "belorechie"\nname = "Б"\norigin = "https://belorechie.bg"\n')
    section = "/bg/saobshteniya"
    outage = Outage({section}, status=500)
    with MirrorServer(SITES / "belorechie", intercept=outage) as server:
        args = ("crawl", "belorechie", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip

        def run() -> tuple[Result, list[str]]:
            before = len(server.requests)
            result = run_cli(*args)
            assert result.exit_code == 0, result.stderr
            return result, server.requests[before:]

        def explored(result: Result, asked: list[str], warning: str | None) -> bool:
            said = [line for line in result.stderr.splitlines() if "while exploring" in line]
            if warning is None:
                assert said == [], result.stderr
            else:
                assert len(said) == 1 and "HTTP 500" in said[0], result.stderr
                assert said[0].endswith(f"explored again {warning}"), said[0]
            return "exploring the site" in result.stdout and section in asked

        assert explored(*run(), "next run")  # the first failure: a passing one, perhaps
        assert explored(*run(), "in 2 days")  # the second in a row
        result, asked = run()  # the same night again, or the next: not explored
        assert not explored(result, asked, None) and len(asked) <= 3, asked
        _explored_days_ago(db, 1)
        assert not explored(*run(), None)
        _explored_days_ago(db, 2)
        assert explored(*run(), "in 4 days")
        _explored_days_ago(db, 3)
        assert not explored(*run(), None)
        _explored_days_ago(db, 4)
        assert explored(*run(), "in 8 days")
        outage.down.clear()  # the section is back
        _explored_days_ago(db, 8)
        assert explored(*run(), None)
        result, asked = run()  # the backoff is over, and so is exploring every night
        assert not explored(result, asked, None) and len(asked) <= 3, asked
    with closing(sqlite3.connect(db)) as conn:
        archived = {url for (url,) in conn.execute("SELECT url FROM articles")}
    expected = json.loads((SITES / "belorechie" / "expected.json").read_text("utf-8"))
    assert archived == {row["url"] for row in expected}


def _sitemap_site(root: Path) -> set[str]:
    """A site whose articles only its sitemap index's child lists; their URLs."""
    origin, path = "https://www.kartovo.bg", "/novini/obshtinata-obyavi-novina-{n}"
    (root / "novini").mkdir(parents=True)
    (root / "robots.txt").write_text(f"User-agent: *\nSitemap: {origin}/sitemap_index.xml\n")
    (root / "index.html").write_text("<html><body><h1>Община Картово</h1></body></html>")
    (root / "sitemap_index.xml").write_text(
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
        f"<loc>{origin}/sitemap-news.xml</loc><lastmod>2026-11-20</lastmod></sitemap>"
        "</sitemapindex>"
    )
    urls = {f"{origin}{path.format(n=n)}" for n in (1, 2, 3)}
    (root / "sitemap-news.xml").write_text(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(f"<url><loc>{url}</loc></url>" for url in sorted(urls))
        + "</urlset>"
    )
    for n in (1, 2, 3):
        body = f"<p>Общината обяви новина номер {n} на заседание на общинския съвет днес.</p>"
        (root / f"{path.format(n=n).lstrip('/')}.html").write_text(
            f"<html><body><h1>Общината обяви новина номер {n}</h1>"
            f"<p>Публикувано: 0{n}.11.2026</p>{body * 4}</body></html>",
            encoding="utf-8",
        )
    return urls


def test_a_child_sitemap_that_did_not_answer_is_read_next_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sitemap index read, its one child answering 503: the index counted as holding
    no news (dropped from the site's sources as "a sitemap of pages") and marked read, so
    the next run got a 304 for it and never asked for the child again."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    urls = _sitemap_site(tmp_path / "site")
    profile = tmp_path / "kartovo.toml"
    profile.write_text('id = "kartovo"\nname = "К"\norigin = "https://www.kartovo.bg"\n')
    outage = Outage({"/sitemap-news.xml"})
    with MirrorServer(tmp_path / "site", intercept=outage) as server:
        args = ("crawl", "kartovo", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip
        assert run_cli(*args).exit_code == 1  # the sitemap failed: said, exit 1
        outage.down.clear()
        again = run_cli(*args)
        assert again.exit_code == 0, again.stderr
    with closing(sqlite3.connect(db)) as conn:
        assert {url for (url,) in conn.execute("SELECT url FROM articles")} == urls


def test_sitemaps_are_read_again_in_full_when_exploring_learns_other_article_shapes(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """dabravino's "Новини" answered 503 while the first run explored: its home page's
    items (Joomla's non-SEF ``index.php?...`` links) taught the article shapes, so the
    sitemap's SEF ``/novini/N-...`` entries were all kept out, and the sitemap marked
    read. The next run explored again and learned the SEF shape, but the sitemap
    answered 304: the article only it lists (198, older than every listing page) was
    never archived."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    profile = tmp_path / "dabravino.toml"
    profile.write_text('id = "dabravino"\nname = "Д"\norigin = "https://www.dabravino.bg"\n')
    expected = {
        row["url"] for row in json.loads((SITES / "dabravino" / "expected.json").read_text())
    }
    outage = Outage({"/novini"})
    with MirrorServer(SITES / "dabravino", intercept=outage) as server:
        args = ("crawl", "dabravino", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip
        run_cli(*args)
        outage.down.clear()
        again = run_cli(*args)
        assert again.exit_code == 0, again.stderr
    with closing(sqlite3.connect(db)) as conn:
        assert {url for (url,) in conn.execute("SELECT url FROM articles")} == expected


@pytest.mark.parametrize(
    ("site", "origin", "down"),
    [
        # the home page and "Новини" teach the article shapes; without them its sitemap
        # of pages was read unfiltered and a services page archived as an article
        ("primer", "https://www.primer-obshtina.bg", "/"),
        # the feed decides which listing a nightly run needs; unread, both stayed for 30
        # days: four requests a night instead of three
        ("zornitsa", "https://zornitsa.bg", "/feed/"),
    ],
)
def test_a_page_exploring_needed_that_did_not_answer_costs_nothing_for_the_month(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    site: str, origin: str, down: str,
) -> None:  # fmt: skip
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    profile = tmp_path / f"{site}.toml"
    profile.write_text(f'id = "{site}"\nname = "О"\norigin = "{origin}"\n')
    expected = {row["url"] for row in json.loads((SITES / site / "expected.json").read_text())}
    outage = Outage({down})
    with MirrorServer(SITES / site, intercept=outage) as server:
        args = ("crawl", site, "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip
        run_cli(*args)
        outage.down.clear()
        assert run_cli(*args).exit_code == 0
        before = len(server.requests)
        assert run_cli(*args).exit_code == 0
        assert len(server.requests) - before <= 3, server.requests[before:]
    with closing(sqlite3.connect(db)) as conn:
        assert {url for (url,) in conn.execute("SELECT url FROM articles")} == expected
