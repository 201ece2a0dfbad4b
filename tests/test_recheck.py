"""crawl --recheck DAYS: archived articles of the last DAYS days are fetched again
(conditionally, with the validators of their capture); a
silent edit of the text becomes a revision, a change of the page around it (a clock in
the top bar) does not."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from newsarchive.mirror import MirrorServer

from .support import SITES, Result

Cli = Callable[..., Result]
EDITED = "novini/ruse/Podmenyat-vodoprovoda-v-selo-Nikolovo-2822575.html"
CHROME = "novini/ruse/Nov-kej-za-turisticheski-korabi-na-Dunav-2822530.html"


def _crawl(run_cli: Cli, root: Path, db: Path, *extra: str) -> Result:
    server = MirrorServer(root).start()
    try:
        return run_cli(
            "crawl", "ruse24", "--base-url", server.url, "--delay", "0", "--db", str(db), *extra
        )
    finally:
        server.stop()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_recheck_keeps_a_silent_edit_and_ignores_chrome(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    root = tmp_path / "ruse24"
    shutil.copytree(SITES / "ruse24", root)
    first = _crawl(run_cli, root, db)
    assert first.exit_code == 0, first.stderr
    _edit(root / EDITED, "3,2 километра", "4,1 километра")
    _edit(root / CHROME, "Към 03:24", "Към 09:15")

    plain = _crawl(run_cli, root, db)  # without --recheck nothing archived is refetched
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 0
    assert plain.exit_code == 0

    again = _crawl(run_cli, root, db, "--recheck", "100000")
    assert again.exit_code == 0, again.stderr
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    run = conn.execute(
        "SELECT new, updated, unchanged FROM runs ORDER BY id DESC LIMIT 1"
    ).fetchone()
    assert run == (0, 1, articles - 1)
    url = "https://www.ruse24.bg/" + EDITED.removesuffix(".html")
    shown = run_cli("show", url, "--format", "json", "--db", str(db)).json()
    assert isinstance(shown, dict)
    assert "4,1 километра" in shown["text"]
    [earlier] = shown["revisions"]
    assert "3,2 километра" in earlier["text"]
    assert earlier["capture_id"] != shown["capture_id"]  # each version names its capture
    diff = run_cli("show", url, "--diff", "--db", str(db))
    assert "[-3,2-]{+4,1+}" in diff.stdout
    assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 1  # chrome: none

    log = tmp_path / "crawl.log"
    quiet = _crawl(run_cli, root, db, "--recheck", "100000", "--log-file", str(log))
    assert quiet.exit_code == 0, quiet.stderr
    fetched = [
        line for line in log.read_text(encoding="utf-8").splitlines() if "/novini/ruse/" in line
    ]
    assert len(fetched) == articles and all(" 304 " in line for line in fetched), [
        line.split()[1] for line in fetched
    ]
    assert conn.execute(
        "SELECT updated, unchanged FROM runs ORDER BY id DESC LIMIT 1"
    ).fetchone() == (0, articles)  # asked conditionally: nothing changed, nothing fetched

    recent = _crawl(run_cli, root, db, "--recheck", "1")  # the fixtures are older than a day
    assert recent.exit_code == 0
    assert conn.execute(
        "SELECT updated, unchanged FROM runs ORDER BY id DESC LIMIT 1"
    ).fetchone() == (0, 0)
    conn.close()


def test_an_edited_article_keeps_its_history_through_a_warc(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    root = tmp_path / "ruse24"
    shutil.copytree(SITES / "ruse24", root)
    assert _crawl(run_cli, root, db).exit_code == 0
    _edit(root / EDITED, "3,2 километра", "4,1 километра")
    assert _crawl(run_cli, root, db, "--recheck", "100000").exit_code == 0
    warc, copy = tmp_path / "all.warc.gz", tmp_path / "copy.db"
    assert run_cli("export", "--format", "warc", "--out", str(warc), "--db", str(db)).exit_code == 0
    imported = run_cli("import-warc", str(warc), "--db", str(copy))
    assert imported.exit_code == 0, imported.stderr
    url = "https://www.ruse24.bg/" + EDITED.removesuffix(".html")
    shown = run_cli("show", url, "--format", "json", "--db", str(copy)).json()
    assert isinstance(shown, dict)
    assert "4,1 километра" in shown["text"]
    assert ["3,2 километра" in r["text"] for r in shown["revisions"]] == [True]


def test_an_article_the_site_removed_is_counted_gone_by_stats_and_listed(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    """A research user asks what vanished: an archived article whose page answers 404 on
    the recheck is kept, and ``stats`` says the site removed one (a gone page never
    archived, or one not asked again, counts for nothing); the Datasette query lists it."""
    from newsarchive.archive.gone import GONE_SQL

    root = tmp_path / "ruse24"
    shutil.copytree(SITES / "ruse24", root)
    assert _crawl(run_cli, root, db).exit_code == 0
    (root / EDITED).unlink()
    plain = run_cli("stats", "--format", "json", "--db", str(db)).json()
    assert isinstance(plain, dict)
    assert [site["gone"] for site in plain["sites"]] == [0]
    again = _crawl(run_cli, root, db, "--recheck", "100000")
    assert again.exit_code == 0, again.stderr
    data = run_cli("stats", "--format", "json", "--db", str(db)).json()
    assert isinstance(data, dict)
    [site] = data["sites"]
    assert site["gone"] == 1 and site["articles"] == plain["sites"][0]["articles"]
    table = run_cli("stats", "--db", str(db))  # (a column, or a line per site when narrow)
    assert "gone" in table.stdout
    conn = sqlite3.connect(db)
    [(site_id, title, url, why)] = [row[1:2] + row[3:] for row in conn.execute(GONE_SQL)]
    assert (site_id, why) == ("ruse24", "HTTP 404")
    assert url == "https://www.ruse24.bg/" + EDITED.removesuffix(".html") and title
