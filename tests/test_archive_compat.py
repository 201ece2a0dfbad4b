"""The archive is plain SQLite that other tools understand: sqlite-utils (installed with
newsarchive, for ad-hoc queries) finds its FTS index and searches it, word forms included."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
import sqlite_utils

from newsarchive.archive.schema import SCHEMA_VERSION
from newsarchive.discover.urls import url_key
from newsarchive.mirror import MirrorServer

from .support import FIXTURES, SITES, Result


def test_archive_sqlite_utils_detects_fts_and_searches_word_forms(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    db = tmp_path / "compat.db"
    source = tmp_path / "in.jsonl"
    records = [
        {"site": "nsorb", "url": "https://namrb.org/bg/aktualno/a-1", "title": "Среща",
         "published": "2025-02-01", "text": "Общините обсъдиха бюджета за пътищата."},
        {"site": "nsorb", "url": "https://namrb.org/bg/aktualno/b-2", "title": "Спорт",
         "published": "2025-02-02", "text": "Футболният турнир завърши."},
    ]  # fmt: skip
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0

    database = sqlite_utils.Database(db)
    articles = database["articles"]
    assert isinstance(articles, sqlite_utils.db.Table)
    assert articles.detect_fts() == "articles_fts"
    found = [row["url"] for row in articles.search("община")]
    assert found == ["https://namrb.org/bg/aktualno/a-1"]


SESSION_IDS = FIXTURES / "archives" / "v8-session-ids.db"  # tests/fixtures/make_archive_sessions.py
EDITED = "http://www.kalinovo.bg/bg/news.php?id=390"


def test_an_archive_keyed_with_session_ids_is_rekeyed_merging_rows_and_keeping_versions(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Written while session ids were part of a URL: kalinovo's articles under
    "PHPSESSID=…" URLs and keys, and one article under two session ids with an edit
    between (two rows). The upgrade finds each by the URL links use now, makes the two
    rows one with the newest text and both earlier versions as revisions, and loses no
    capture, revision or frontier state."""
    db = tmp_path / "old.db"
    shutil.copy(SESSION_IDS, db)
    with closing(sqlite3.connect(db)) as before:
        assert before.execute("PRAGMA user_version").fetchone()[0] == 8
        captures = before.execute("SELECT id FROM captures ORDER BY id").fetchall()
        assert before.execute("SELECT count(*) FROM articles").fetchone()[0] == 9
        assert before.execute("SELECT count(*) FROM revisions").fetchone()[0] == 1
    shown = run_cli("show", EDITED, "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    article = shown.json()
    assert isinstance(article, dict)
    assert article["url"] == EDITED and article["title"] == "Ремонтът на читалището започна"
    assert [(v["text"], v["seen_at"][:10], v["replaced_at"][:10])
            for v in article["revisions"]] == [
        ("Общината започва ремонт на читалището през декември.", "2026-11-02", "2026-11-04"),
        ("Общината започва ремонт на читалището през януари.", "2026-11-04", "2026-11-09"),
    ]  # fmt: skip
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        urls = [u for (u,) in after.execute("SELECT url FROM articles ORDER BY id")]
        assert len(urls) == 8
        assert not [u for u in urls if "sessid" in u.lower() or "sid=" in u.lower()], urls
        assert "https://kalinovo.bg/portal/novina.jsp?id=7" in urls
        keys = [k for (k,) in after.execute("SELECT url_key FROM article_urls")]
        assert sorted(keys) == sorted({url_key(f"http://{k}") for k in keys})
        assert after.execute("SELECT id FROM captures ORDER BY id").fetchall() == captures
        orphans = after.execute(
            "SELECT count(*) FROM captures WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        (edited,) = after.execute("SELECT id FROM articles WHERE url = ?", (EDITED,)).fetchone()
        assert after.execute(
            "SELECT count(*) FROM captures WHERE article_id = ?", (edited,)
        ).fetchone()[0] == 3  # fmt: skip
        assert after.execute(
            "SELECT count(*) FROM story_keys WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0] == 0  # fmt: skip
        frontier = after.execute("SELECT url_key, url, state FROM frontier").fetchall()
        assert len(frontier) == 6 and {state for _, _, state in frontier} == {"done"}
        assert all(key == url_key(url) and "sessid" not in url.lower() for key, url, _ in frontier)
    found = run_cli("search", "читалището", "--format", "json", "--db", str(db))
    assert found.exit_code == 0, found.stderr
    hits = [hit["url"] for hit in found.json()]  # type: ignore[attr-defined]
    assert hits.count(EDITED) == 1  # one row, indexed once


V10 = FIXTURES / "archives" / "v10.db"  # tests/fixtures/make_archive.py at commit 82d71c0


def test_an_archive_of_schema_v10_gains_modified_and_date_note_unrecorded(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Every row and capture is kept; the two new columns are NULL on every row (what the
    extractor knew was never recorded), and ``show`` and export carry them as null."""
    db = tmp_path / "old.db"
    shutil.copy(V10, db)
    read = "SELECT id, site, url, title, published, date_source, author, tags, text FROM articles"
    with closing(sqlite3.connect(db)) as before:
        assert before.execute("PRAGMA user_version").fetchone()[0] == 10
        articles = before.execute(read).fetchall()
        captures = before.execute("SELECT count(*) FROM captures").fetchone()[0]
    assert len(articles) == 6
    shown = run_cli("show", str(articles[0][0]), "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    record = shown.json()
    assert isinstance(record, dict) and (record["date_note"], record["modified"]) == (None, None)
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert after.execute(read).fetchall() == articles
        assert after.execute("SELECT count(*) FROM captures").fetchone()[0] == captures
        assert after.execute(
            "SELECT count(*) FROM articles WHERE date_note IS NULL AND modified IS NULL"
        ).fetchone()[0] == len(articles)  # fmt: skip
    exported = run_cli("export", "--db", str(db))
    assert exported.exit_code == 0, exported.stderr
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [(r["date_note"], r["modified"]) for r in rows] == [(None, None)] * len(articles)


UNCOMPOSED = FIXTURES / "archives" / "v12-uncomposed.db"  # make_archive_uncomposed.py


def test_an_archive_stored_uncomposed_is_composed_once_its_old_spelling_kept(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Rows written before words were stored composed (an "й" as "и" and a breve, "Ру́се",
    a Latin "M" in "Mинистерски") were indexed as no query spells them: "район" found
    nothing, and an imported row no ``reextract`` can rewrite stayed so for ever. The
    upgrade composes them, re-indexes them and keeps what was stored as a revision; a
    row already spelled plainly is left alone."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.store import Store

    db = tmp_path / "old.db"
    shutil.copy(UNCOMPOSED, db)
    read = "SELECT id, title, author, tags, text, updated_at FROM articles ORDER BY id"
    with closing(sqlite3.connect(db)) as before:
        assert before.execute("PRAGMA user_version").fetchone()[0] == 12
        old, plain = before.execute(read).fetchall()
    assert "\u0306" in old[4]  # (the file an old release wrote)

    found = run_cli("search", "район министерски", "--format", "json", "--db", str(db))
    assert found.exit_code == 0, found.stderr
    assert [hit["id"] for hit in found.json()] == [old[0]]  # type: ignore[attr-defined]
    said = found.stderr.splitlines()
    assert len(said) == 2 and "upgrading it to" in said[0] and "1 article" in said[1]
    for query in ("Русе", "инфраструктура", "author:николай"):
        hits = run_cli("search", query, "--format", "json", "--db", str(db)).json()
        assert [hit["id"] for hit in hits] == [old[0]], query  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        new, same = after.execute(read).fetchall()
        assert new[1:5] == (
            "Ремонт в района на Русе", "Николай Петров", '["Русе", "ремонт"]',
            "Министерски съвет одобри средства за ремонт в района.\n"
            "Общината ще обнови ИНФРАСТРУКТУРА на квартала до края на годината.",
        )  # fmt: skip
        assert same == plain  # not rewritten, not re-dated
        kept = after.execute(
            "SELECT article_id, title, author, tags, text, seen_at FROM revisions"
        ).fetchall()
        assert kept == [old[:5] + (old[5],)]  # the stored spelling, byte for byte
        plain_sqlite = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?"
        assert after.execute(plain_sqlite, ("район",)).fetchall() == [(old[0],), (plain[0],)]
    conn = connect(db, create=False)
    try:
        with conn:
            assert Store(conn).compose_stored() == 0  # idempotent: nothing left to compose
    finally:
        conn.close()


def test_the_upgrade_of_an_older_archive_is_said_by_the_command_that_makes_it(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """Any command upgrades an archive an older release wrote, a search too: it did so
    without a word, a search on a large archive busy for minutes, and the file afterwards
    refused by the release that wrote it. One line says so, once: the next command, the
    archive current, says nothing."""
    db = tmp_path / "old.db"
    shutil.copy(UNCOMPOSED, db)
    first = run_cli("stats", "--db", str(db))
    assert first.exit_code == 0, first.stderr
    said = first.stderr.splitlines()[0]
    assert said == (
        f"newsarchive: archive {db} was written by an older release (schema v12): upgrading"
        f" it to v{SCHEMA_VERSION}, once (a large archive takes minutes; older releases"
        " cannot open it afterwards)"
    )
    again = run_cli("stats", "--db", str(db))
    assert again.exit_code == 0 and again.stderr == "", again.stderr


def test_diff_of_a_row_the_upgrade_composed_says_so_not_one_time_twice(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """The upgrade respells a row and keeps its ``updated_at`` (it fetched nothing): the
    diff's header names the fetch once and says the new side is its words composed,
    not the same moment on both lines as if the site had edited it then."""
    db = tmp_path / "old.db"
    shutil.copy(UNCOMPOSED, db)
    with closing(sqlite3.connect(db)) as before:
        url, fetched = before.execute(
            "SELECT url, updated_at FROM articles ORDER BY id LIMIT 1"
        ).fetchone()
    diff = run_cli("show", url, "--diff", "--db", str(db))
    assert diff.exit_code == 0, diff.stderr
    old, new = diff.stdout.splitlines()[:2]
    assert old == f"--- {fetched}"
    assert new.startswith("+++ the same, its words composed for search on 20"), new
    assert fetched not in new


def test_composing_an_old_row_leaves_when_it_was_fetched(tmp_path: Path) -> None:
    """The upgrade respells a row; it fetches nothing. A capture fetched after the row's
    version but before the upgrade (a WARC imported later) is newer than what the row
    holds and replaces it; dated by the upgrade, the row read as newer than that capture
    and kept it as history only, the older text staying current."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.store import Store
    from newsarchive.models import Article

    db = tmp_path / "old.db"
    shutil.copy(UNCOMPOSED, db)
    with closing(sqlite3.connect(db)) as before:
        url, site, fetched = before.execute(
            "SELECT url, site, updated_at FROM articles ORDER BY id LIMIT 1"
        ).fetchone()
    conn = connect(db, create=False)  # (upgraded here: v13 composes the row)
    try:
        assert conn.execute("SELECT updated_at FROM articles WHERE url = ?", (url,)).fetchone() == (
            fetched,
        )
        later = "2026-12-01T08:31:30+00:00"  # after the row's version, before any upgrade
        with conn:
            capture = conn.execute(
                "INSERT INTO captures (url, final_url, status, headers, encoding, content,"
                " fetched_at) VALUES (?, ?, 200, '{}', 'utf-8', x'', ?)",
                (url, url, later),
            ).lastrowid
            outcome = Store(conn).upsert_article(
                Article(title="Ремонтът в Русе завърши", text="Ремонтът завърши."),
                site=site, url=url, fetched_at=later, capture_id=capture,
            )  # fmt: skip
        assert outcome == "updated"
        assert conn.execute("SELECT title FROM articles WHERE url = ?", (url,)).fetchone() == (
            "Ремонтът в Русе завърши",
        )
    finally:
        conn.close()


WALK_CUT = FIXTURES / "archives" / "v13-walk-cut.db"  # make_archive_walk_cut.py


def test_a_v13_archive_gains_walk_cuts_and_its_nightly_run_comes_down_to_three_requests(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """v13 kept no record of the bound that cut a walk: the upgrade adds the columns (no
    cut known for the walk stored), the first run keeping ``--since`` walks on as before
    and records it, and from then on that run stops at page 1's 304."""
    from .faultserver import FaultServer, write_profile

    db = tmp_path / "old.db"
    shutil.copy(WALK_CUT, db)
    walk = "SELECT resume_page, completed FROM listing_walks WHERE start_url LIKE '%/news'"
    with closing(sqlite3.connect(db)) as before:
        assert before.execute("PRAGMA user_version").fetchone()[0] == 13
        assert before.execute(walk).fetchall() == [(2, 0)]
        articles = before.execute("SELECT id, url, text FROM articles ORDER BY id").fetchall()
    profile = write_profile(tmp_path, feed=True)
    with FaultServer(articles=8, per_page=3, faults=False) as site:
        args = ("crawl", "fault", "--profile", str(profile), "--base-url", site.url)
        args += ("--delay", "0", "--connections", "1", "--since", "2026-06-25", "--db", str(db))
        upgraded = run_cli(*args)
        assert upgraded.exit_code == 0 and "0 new" in upgraded.stdout, upgraded.stderr
        assert site.requests == ["/robots.txt", "/rss", "/news", "/news?p=2"]
        asked = len(site.requests)
        nightly = run_cli(*args)
        assert nightly.exit_code == 0 and "0 new" in nightly.stdout, nightly.stderr
        assert site.requests[asked:] == ["/robots.txt", "/rss", "/news"]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        cut = "SELECT resume_page, completed, cut_since, cut_pages FROM listing_walks"
        assert after.execute(cut + " WHERE start_url LIKE '%/news'").fetchall() == [
            (2, 0, "2026-06-25", 0)
        ]
        assert after.execute("SELECT id, url, text FROM articles ORDER BY id").fetchall() == (
            articles
        )


JUDGED = FIXTURES / "archives" / "v14-judged.db"  # make_archive_judged.py
WALKS = "SELECT site, resume_url, resume_page, completed, judged FROM listing_walks ORDER BY site"


def test_a_v14_archive_keeps_its_judged_walks_judged_in_a_column_of_their_own(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """v14 kept a judged listing's completed walk as ``resume_page`` 0: the upgrade makes
    it page 1 and judged, so its nightly run asks page 1 with its validators (a 304, not
    the whole page a walk still to be judged asks), and keeps an oldest-first walk's
    resume point, where its nightly run begins."""
    from .mirror_sites import bare_profile

    db = tmp_path / "old.db"
    shutil.copy(JUDGED, db)
    with closing(sqlite3.connect(db)) as before:
        assert before.execute("PRAGMA user_version").fetchone()[0] == 14
        assert before.execute(WALKS.replace(", judged", "")).fetchall() == [
            ("buk", None, 0, 1),
            ("yasen", "https://yasen.bg/novini?page=3", 3, 1),
        ]
    log = tmp_path / "crawl.log"
    for site, name, origin in (("buk", "Община Бук", "https://buk.bg"),
                               ("yasen", "Община Ясен", "https://yasen.bg")):  # fmt: skip
        profile = bare_profile(tmp_path, site, name, origin)
        with MirrorServer(SITES / site) as server:
            args = ("crawl", site, "--profile", str(profile), "--base-url", server.url)
            done = run_cli(*args, "--delay", "0", "--db", str(db), "--log-file", str(log))
            assert done.exit_code == 0 and "0 new" in done.stdout, done.stderr
            assert server.requests == ["/robots.txt", f"/novini{'?page=3' * (site == 'yasen')}"]
    assert " 304 0 " in next(
        line for line in log.read_text().splitlines() if "buk.bg/novini" in line
    )
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert after.execute(WALKS).fetchall() == [
            ("buk", None, 1, 1, 1),
            ("yasen", "https://yasen.bg/novini?page=3", 3, 1, 1),
        ]


def test_a_walk_an_older_release_completed_is_still_to_be_judged_after_the_upgrade(
    tmp_path: Path,
) -> None:
    """A completed walk at page 1 with no resume point, as releases before walks told a
    listing's order kept it (v10's ruse24), is upgraded not judged: its next run tells."""
    from newsarchive.archive.connection import connect

    db = tmp_path / "old.db"
    shutil.copy(FIXTURES / "archives" / "v10.db", db)
    with closing(connect(db, create=False)) as conn:
        assert conn.execute(WALKS).fetchall() == [("ruse24", None, 1, 1, 0)]


def _index_rows(conn: sqlite3.Connection) -> int:
    """The FTS index's stored segments and pages: a row re-indexed adds to them."""
    return int(conn.execute("SELECT count(*) FROM articles_fts_data").fetchone()[0])


def test_an_upgraded_archive_reindexes_a_row_only_when_its_text_changes(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """v20: moving a site's articles (``rename-site``), or mending an address, leaves the
    index alone; a title or text updated is still searchable by its new words."""
    db = tmp_path / "old.db"
    shutil.copy(V10, db)
    assert run_cli("stats", "--db", str(db)).exit_code == 0  # upgrades it
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (site,) = conn.execute("SELECT site FROM articles LIMIT 1").fetchone()
        before = _index_rows(conn)
        with conn:
            conn.execute("UPDATE articles SET site = 'renamed' WHERE site = ?", (site,))
            conn.execute("UPDATE articles SET url = url || '?moved=1'")
        assert _index_rows(conn) == before
        with conn:
            conn.execute(
                "UPDATE articles SET title = 'Зебрите на площада', title_lemmas = 'зебра'"
                " WHERE id = (SELECT min(id) FROM articles)"
            )
        assert _index_rows(conn) > before
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    found = run_cli("search", "зебрите", "--format", "json", "--db", str(db))
    assert found.exit_code == 0, found.stderr
    assert [row["title"] for row in found.json()] == ["Зебрите на площада"]


@pytest.mark.parametrize(
    ("version", "stored", "spelled", "said_of_it"),
    [
        (  # a soft hyphen, a zero-width space (from a site that hyphenates)
            20,
            "Об\u00adщи\u00adна\u00adта обяви конкурс за кмет\u200bствата.",
            "Общината обяви конкурс за кметствата.",
            "1 article(s) stored with an invisible character",
        ),
        (  # a stray U+0001 or DEL from a CMS; a line break between words stays
            22,
            "Общи\x01ната обяви конкурс\nза кмет\x7fствата.",
            "Общината обяви конкурс\nза кметствата.",
            "1 article(s) stored with a control character inside a word",
        ),
    ],
    ids=["v21-invisible", "v23-control"],
)
def test_an_archive_storing_a_hidden_character_inside_a_word_is_respelled_once(
    run_cli: Callable[..., Result], tmp_path: Path, version: int, stored: str, spelled: str,
    said_of_it: str,
) -> None:  # fmt: skip
    """v21 and v23: a row an older release stored with a character no reader sees inside
    a word (v21: a soft hyphen or a zero-width space; v23: a control character, which
    ``show`` printed whole as a terminal gets none) was indexed as pieces of the word,
    which no search found. The upgrade respells and re-indexes it, says so in one line
    and keeps what it stored as a revision; a plain row is left alone."""
    db = tmp_path / f"v{version}.db"
    source = tmp_path / "in.jsonl"
    records = [
        {"site": "nsorb", "url": "https://namrb.org/bg/aktualno/hidden-1", "title": "Конкурс",
         "published": "2025-02-01", "text": "Общината обяви конкурс за кметствата."},
        {"site": "nsorb", "url": "https://namrb.org/bg/aktualno/plain-2", "title": "Спорт",
         "published": "2025-02-02", "text": "Футболният турнир завърши."},
    ]  # fmt: skip
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE articles SET text = ? WHERE title = 'Конкурс'", (stored,))
        conn.execute(f"PRAGMA user_version = {version}")  # as that release stored it
        plain = conn.execute("SELECT * FROM articles WHERE title = 'Спорт'").fetchone()

    found = run_cli("search", "общината кметство", "--format", "json", "--db", str(db))
    assert found.exit_code == 0, found.stderr
    assert [hit["title"] for hit in found.json()] == ["Конкурс"]  # type: ignore[index]
    said = found.stderr.splitlines()
    assert len(said) == 2 and f"upgrading it to v{SCHEMA_VERSION}" in said[0], said
    assert said_of_it in said[1], said
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert after.execute("SELECT text FROM articles WHERE title = 'Конкурс'").fetchone() == (
            spelled,
        )
        assert after.execute("SELECT * FROM articles WHERE title = 'Спорт'").fetchone() == plain
        assert after.execute("SELECT text FROM revisions").fetchall() == [(stored,)]
    again = run_cli("search", "общината", "--format", "json", "--db", str(db))
    assert again.exit_code == 0 and again.stderr == "", again.stderr


def test_an_upgraded_archive_keeps_its_sources_failures_and_a_read_only_one_lists_none(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """v22: an older archive gets ``source_failures``, empty (no source rests after the
    upgrade: its failures in a row were never counted), and ``stats`` lists no rested
    source; one that cannot be written is read as it is, without the table."""
    from newsarchive.archive.frontier import Frontier
    from newsarchive.archive_health import _rested_sources

    with closing(sqlite3.connect(f"file:{V10}?mode=ro", uri=True)) as frozen:
        assert _rested_sources(frozen) == []
    db = tmp_path / "old.db"
    shutil.copy(V10, db)
    assert run_cli("stats", "--db", str(db)).exit_code == 0  # upgrades it
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 22
        assert conn.execute("SELECT count(*) FROM source_failures").fetchone() == (0,)
        frontier = Frontier(conn, "ruse24")
        for _ in range(5):
            frontier.source_failed("https://ruse24.bg/rss", "feed failed: HTTP 403")
        frontier.rest_source("https://ruse24.bg/rss", 2)
    listed = run_cli("stats", "--format", "json", "--db", str(db)).json()["rested_sources"]
    assert listed == [
        {"site": "ruse24", "url": "https://ruse24.bg/rss", "failures": 5, "rest_left": 2,
         "error": "feed failed: HTTP 403", "asked_again": "after 2 more runs"}
    ]  # fmt: skip


def test_a_v28_archive_gains_gone_answers_its_gone_children_at_one(tmp_path: Path) -> None:
    """v29: ``fetch_state.gone_answers``, the 404/410 answers in a row of a child sitemap
    recorded gone (``Frontier.sitemap_gone``): one for a child a v28 archive kept gone,
    none for a sitemap read in full; the migration is made once."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.frontier import SITEMAP_GONE_STATUS

    db = tmp_path / "v28.db"
    with closing(connect(db, create=True)) as conn:  # today's, made as v28 wrote it
        conn.execute("ALTER TABLE fetch_state DROP COLUMN gone_answers")
        rows = [("https://x.bg/sitemap-2025.xml", SITEMAP_GONE_STATUS),
                ("https://x.bg/sitemap-2026.xml", 200)]  # fmt: skip
        conn.executemany(
            "INSERT INTO fetch_state (url, status, checked_at, lastmod) VALUES (?, ?, ?, '')",
            [(url, status, "2026-11-01T03:00:00+00:00") for url, status in rows],
        )
        conn.execute("PRAGMA user_version = 28")
        conn.commit()
    read = "SELECT url, gone_answers FROM fetch_state ORDER BY url"
    for _ in range(2):
        with closing(connect(db, create=False)) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 29
            assert conn.execute(read).fetchall() == [
                ("https://x.bg/sitemap-2025.xml", 1),
                ("https://x.bg/sitemap-2026.xml", 0),
            ]


def test_a_v34_archive_gains_walk_passes_none_unended(tmp_path: Path) -> None:
    """v35: ``listing_walks.pass_url`` and ``pass_page``, where a settled walk's nightly
    pass goes on after a cut: none for a walk a v34 archive kept (no pass of theirs is
    unended), every other column as it was; the migration is made once."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.frontier import Frontier
    from newsarchive.discover.walk import WalkState

    db = tmp_path / "v34.db"
    with closing(connect(db, create=True)) as conn:  # today's, made as v34 wrote it
        conn.execute("ALTER TABLE listing_walks DROP COLUMN pass_url")
        conn.execute("ALTER TABLE listing_walks DROP COLUMN pass_page")
        conn.execute(
            "INSERT INTO listing_walks (start_url, site, resume_url, resume_page, completed,"
            " updated_at, failures) VALUES ('https://x.bg/novini', 'x', NULL, 1, 1,"
            " '2026-11-01T03:00:00+00:00', 2)"
        )
        conn.execute("PRAGMA user_version = 34")
        conn.commit()
    for _ in range(2):
        with closing(connect(db, create=False)) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 35
            state = Frontier(conn, "x").walk("https://x.bg/novini")
            assert state == WalkState(completed=True, failures=2)
            assert conn.execute("SELECT pass_url, pass_page FROM listing_walks").fetchall() == [
                (None, 0)
            ]


def test_a_v37_archive_gains_no_page_past_an_oldest_first_walks_newest(tmp_path: Path) -> None:
    """v38: ``listing_walks.past_url``, the page past an oldest-first listing's newest
    page asked after its 304: none for a walk a v37 archive kept (it resumes as before),
    every other column as it was; one saved is read back; the migration is made once."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.frontier import Frontier
    from newsarchive.discover.walk import WalkState

    db = tmp_path / "v37.db"
    with closing(connect(db, create=True)) as conn:  # today's, made as v37 wrote it
        conn.execute("ALTER TABLE listing_walks DROP COLUMN past_url")
        conn.execute(
            "INSERT INTO listing_walks (start_url, site, resume_url, resume_page, completed,"
            " updated_at) VALUES ('https://x.bg/novini', 'x', 'https://x.bg/novini?page=2',"
            " 2, 1, '2026-11-01T03:00:00+00:00')"
        )
        conn.execute("PRAGMA user_version = 37")
        conn.commit()
    for _ in range(2):
        with closing(connect(db, create=False)) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 38
            frontier = Frontier(conn, "x")
            kept = frontier.walk("https://x.bg/novini")
            assert kept == WalkState("https://x.bg/novini?page=2", 2, completed=True)
    past = WalkState("https://x.bg/novini?page=2", 2, True, past_url="https://x.bg/novini?page=3")
    with closing(connect(db, create=False)) as conn:
        Frontier(conn, "x").save_walk("https://x.bg/novini", past)
    with closing(connect(db, create=False)) as conn:
        assert Frontier(conn, "x").walk("https://x.bg/novini") == past


def test_a_v35_archive_gains_the_title_lookup_and_an_undated_copy_reads_it(
    tmp_path: Path,
) -> None:
    """v36: ``articles_site_title``, the index ``Store._same_content`` looks an undated
    copy of an article up by (one article under two categories' addresses): made once,
    no row rewritten, and the lookup reads it rather than every row of the site."""
    from newsarchive.archive.connection import connect

    db = tmp_path / "v35.db"
    with closing(connect(db, create=True)) as conn:  # today's, made as v35 wrote it
        conn.execute("DROP INDEX articles_site_title")
        conn.execute(
            "INSERT INTO articles (site, url, title, published, published_date, text,"
            " fetched_at, updated_at) VALUES ('x', 'https://x.bg/novini/a', 'Заглавие',"
            " '2026-12-04', '2026-12-04', 'Текст.', '2026-12-05', '2026-12-05')"
        )
        conn.execute("PRAGMA user_version = 35")
        conn.commit()
    for _ in range(2):
        with closing(connect(db, create=False)) as conn:
            assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 36
            plan = " ".join(
                str(row[-1])
                for row in conn.execute(
                    "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE site = ?"
                    " AND published_date IS NOT NULL AND title = ? AND author IS ?"
                    " AND tags = ? AND text = ?",
                    ("x", "Заглавие", None, "[]", "Текст."),
                )
            )
            assert "articles_site_title (site=? AND title=?)" in plan, plan
            assert conn.execute("SELECT count(*), min(url) FROM articles").fetchone() == (
                1, "https://x.bg/novini/a",
            )  # fmt: skip


def test_a_v30_archive_gains_access_unrecorded_and_reextract_fills_it(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """v31: ``articles.access``. A v30 archive (vechernivesti's crawl, four paid leads
    and four free articles, made as v30 wrote it: no column) is upgraded by the first
    command: every row kept and NULL there, ``show`` saying nothing of access and export
    carrying null; ``reextract`` then fills it from the captures (4 paid, 4 free) without
    counting a row as changed, and ``show`` says so of a paid one."""
    from .mirror_sites import bare_crawl_twice, bare_profile

    db = tmp_path / "v30.db"
    site = ("vechernivesti", "Вечерни вести", "https://vechernivesti.bg")
    bare_crawl_twice(run_cli, db, tmp_path, *site)
    read = "SELECT id, url, title, published, author, tags, text, updated_at FROM articles"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("ALTER TABLE articles DROP COLUMN access")
        conn.execute("PRAGMA user_version = 30")
        conn.commit()
        before = conn.execute(read).fetchall()
    paid = "https://vechernivesti.bg/novini/6649-remont-na-ulitsite"
    shown = run_cli("show", paid, "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert "Access:" not in shown.stdout and f"upgrading it to v{SCHEMA_VERSION}" in shown.stderr
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute(read).fetchall() == before
        assert conn.execute("SELECT DISTINCT access FROM articles").fetchall() == [(None,)]
    exported = run_cli("export", "--db", str(db))
    assert [json.loads(line)["access"] for line in exported.stdout.splitlines()] == [None] * 8
    profile = bare_profile(tmp_path, *site)
    done = run_cli("reextract", "--profile", str(profile), "--db", str(db))
    assert done.exit_code == 0, done.stderr
    assert done.stdout.startswith("re-extracted: 0 changed, 8 unchanged"), done.stdout
    with closing(sqlite3.connect(db)) as conn:
        counts = dict(conn.execute("SELECT access, count(*) FROM articles GROUP BY access"))
        assert counts == {"paid": 4, "free": 4}
        assert conn.execute(read).fetchall() == before  # (no row rewritten, no re-dating)
    shown = run_cli("show", paid, "--db", str(db))
    assert "Access: paid — " in shown.stdout


def test_a_v32_archive_gains_text_source_unrecorded_read_as_a_pages(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """v33: ``articles.text_source``. A v32 archive (tsyalostna's crawl, its eight texts
    its feed's, made as v32 wrote it: no column) is upgraded by the first command: every
    row kept and NULL there (never recorded: not "page", which would be false of these),
    ``show`` saying nothing of it and export carrying null. ``reextract`` reads NULL as a
    page's text: the stored shells are reported (8 failed, exit 1), every text kept."""
    from .mirror_sites import bare_crawl_twice, bare_profile

    db = tmp_path / "v32.db"
    site = ("tsyalostna", "Община Цялостна", "https://tsyalostna.bg")
    bare_crawl_twice(run_cli, db, tmp_path, *site)
    read = "SELECT id, url, title, published, author, tags, text, updated_at FROM articles"
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("ALTER TABLE articles DROP COLUMN text_source")
        conn.execute("PRAGMA user_version = 32")
        conn.commit()
        before = conn.execute(read).fetchall()
    shown = run_cli("show", "1", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert "Text from:" not in shown.stdout and f"upgrading it to v{SCHEMA_VERSION}" in shown.stderr
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 33
        assert conn.execute(read).fetchall() == before
        assert conn.execute("SELECT DISTINCT text_source FROM articles").fetchall() == [(None,)]
    exported = run_cli("export", "--db", str(db))
    assert [json.loads(line)["text_source"] for line in exported.stdout.splitlines()] == [None] * 8
    done = run_cli("reextract", "--profile", str(bare_profile(tmp_path, *site)), "--db", str(db))
    assert done.exit_code == 1, done.stderr
    assert done.stdout.startswith("re-extracted: 0 changed, 0 unchanged, 8 failed"), done.stdout
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute(read).fetchall() == before
