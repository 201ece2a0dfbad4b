"""One URL identity: the page's own canonical URL names the article, every spelling of a
URL finds it, and an archive from before is merged on upgrade."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from .faultserver import FaultServer, article_url, write_profile
from .support import Result

Cli = Callable[..., Result]


def crawl(run_cli: Cli, server: FaultServer, db: Path, *extra: str) -> Result:
    profile = write_profile(db.parent)
    return run_cli(
        "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
        "--delay", "0", "--db", str(db), *extra,
    )  # fmt: skip


def test_the_canonical_url_on_another_host_variant_names_the_article(
    run_cli: Cli, db: Path
) -> None:
    with FaultServer(
        articles=4, faults=False, canonical_origin="https://www.fault.example"
    ) as server:
        first = crawl(run_cli, server, db)
        assert first.exit_code == 0, first.stderr
        with sqlite3.connect(db) as conn:
            urls = {r[0] for r in conn.execute("SELECT url FROM articles")}
        www = {u.replace("https://fault.example", "https://www.fault.example") for u in
               server.archivable_urls()}  # fmt: skip
        assert urls == www  # the page's word, tracking parameter dropped
        again = crawl(run_cli, server, db, "--refresh")
        assert again.exit_code == 0, again.stderr
        assert "0 new, 0 updated, 4 unchanged" in again.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 4
    listed = article_url(1003)  # the URL the listing gave, in other spellings
    for variant in (
        listed,
        listed.replace("https://", "http://") + "?utm_medium=x#comments",
        listed.replace("fault.example", "WWW.Fault.Example:443"),
        listed.replace("/news/", "/news/./"),
    ):
        shown = run_cli("show", variant, "--format", "json", "--db", str(db))
        assert shown.exit_code == 0, (variant, shown.stderr)
        assert shown.json()["url"] == "https://www.fault.example/news/1003-story-1003"  # type: ignore[index]


OLD_FRONTIER = """
DROP TABLE frontier;
CREATE TABLE frontier (url TEXT PRIMARY KEY, site TEXT NOT NULL, source TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued', attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT, added_at TEXT NOT NULL, listed_date TEXT);
DROP TABLE listing_walks;
CREATE TABLE listing_walks (start_url TEXT PRIMARY KEY, site TEXT NOT NULL,
    resume_url TEXT NOT NULL, resume_page INTEGER NOT NULL, updated_at TEXT NOT NULL);
DROP TABLE article_urls;
PRAGMA user_version = 2;
"""


def make_v2_archive_with_duplicates(run_cli: Cli, db: Path) -> None:
    """What version 2 stored for one article reached by three spellings of its URL."""
    assert run_cli("import-jsonl", "-", "--db", str(db), input="").exit_code == 0
    conn = sqlite3.connect(db)
    conn.executescript(OLD_FRONTIER)
    rows = [
        ("https://www.x.bg/news/1", "Старо заглавие", "стар текст", "2026-01-01T00:00:00"),
        ("https://x.bg/news/1?utm_source=fb", "Ново заглавие", "нов текст", "2026-03-01T00:00:00"),
        ("http://www.x.bg/news/1", "Средно заглавие", "среден текст", "2026-02-01T00:00:00"),
        ("https://x.bg/news/2", "Друга новина", "друг текст", "2026-02-01T00:00:00"),
    ]
    for number, (url, title, text, when) in enumerate(rows, 1):
        conn.execute(
            "INSERT INTO captures (id, url, final_url, status, fetched_at)"
            " VALUES (?, ?, ?, 200, ?)",
            (number, url, url, when),
        )
        conn.execute(
            "INSERT INTO articles (site, url, title, text, fetched_at, updated_at, capture_id)"
            " VALUES ('x', ?, ?, ?, ?, ?, ?)",
            (url, title, text, when, when, number),
        )
        conn.execute(
            "INSERT INTO frontier (url, site, source, state, added_at) VALUES (?, 'x', 'l', ?, ?)",
            (url, "done" if number != 3 else "failed", when),
        )
    conn.commit()
    conn.close()


def test_an_older_archive_is_merged_to_one_article_per_identity(run_cli: Cli, db: Path) -> None:
    make_v2_archive_with_duplicates(run_cli, db)
    result = run_cli("show", "http://x.bg/news/1", "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "2 duplicate article row(s) merged" in result.stderr
    assert result.json()["title"] == "Ново заглавие"  # type: ignore[index]  # newest text kept
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    kept = conn.execute("SELECT id FROM articles WHERE title = 'Ново заглавие'").fetchone()[0]
    linked = conn.execute("SELECT id FROM captures WHERE article_id = ? ORDER BY id", (kept,))
    assert [r[0] for r in linked] == [1, 2, 3]  # the merged rows' captures stay linked
    states = dict(conn.execute("SELECT url_key, state FROM frontier"))
    assert states == {"x.bg/news/1": "done", "x.bg/news/2": "done"}
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    search = run_cli("search", "заглавие", "--format", "json", "--db", str(db))
    assert [hit["title"] for hit in search.json()] == ["Ново заглавие"]  # type: ignore[union-attr,index]
    again = run_cli("show", "1", "--db", str(db))
    assert "merged" not in again.stderr  # once


def test_links_under_a_new_jsessionid_on_every_page_are_one_article_each(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A Java portal that rewrites URLs for visitors without cookies puts another
    ``;jsessionid=`` into every link of every page it renders: the listing's two pages and
    each article's "more news" links name the same articles under new ids. Each is
    fetched once and archived once, under its URL without the id."""
    import threading
    import uuid
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    titles = {n: f"Общината обяви обществена поръчка номер {n}" for n in range(1, 6)}
    pages = {1: (1, 2, 3), 2: (3, 4, 5)}  # the third article is on both pages
    fetched: list[str] = []

    def link(path: str, session: str, query: str) -> str:
        return f"{path};jsessionid={session}?{query}"

    def listing(number: int, session: str) -> str:
        items = "".join(
            f"<li><a href='{link('novina.jsp', session, f'id={n}')}'>{titles[n]}</a>"
            f" <span>0{n}.11.2026</span></li>"
            for n in pages[number]
        )
        more = f"<a href='{link('novini', session, 'page=2')}'>Следваща</a>" if number == 1 else ""
        return f"<html><body><h1>Новини</h1><ul class='news'>{items}</ul>{more}</body></html>"

    def article(n: int, session: str) -> str:
        others = "".join(
            f"<li><a href='{link('novina.jsp', session, f'id={m}')}'>{titles[m]}</a></li>"
            for m in titles
            if m != n
        )
        text = "".join(
            f"<p>Община Проба обяви поръчка {n} за ремонт на улица и тротоари, съобщиха"
            f" от общинската администрация ({part}).</p>"
            for part in range(4)
        )
        return (
            f"<html><head><title>{titles[n]}</title></head><body><article><h1>{titles[n]}"
            f"</h1><p class='date'>0{n}.11.2026</p>{text}</article>"
            f"<aside><h3>Още новини</h3><ul>{others}</ul></aside></body></html>"
        )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            path, _, query = self.path.partition("?")
            path = path.split(";", 1)[0]  # the server reads its id from there, and ignores it
            session = uuid.uuid4().hex.upper()  # no cookie came back: a new session
            body = ""
            if path == "/portal/novini":
                body = listing(2 if query == "page=2" else 1, session)
            elif path == "/portal/novina.jsp" and query.removeprefix("id=").isdigit():
                fetched.append(self.path)
                body = article(int(query.removeprefix("id=")), session)
            data = body.encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host = f"127.0.0.1:{server.server_port}"
        profile = tmp_path / "portal.toml"
        profile.write_text(
            f'id = "portal"\nname = "Община Проба"\norigin = "http://{host}"\n'
            f'hosts = ["{host}"]\n[discovery]\nstart_urls = ["/portal/novini"]\n',
            encoding="utf-8",
        )
        result = run_cli(
            "crawl", "portal", "--profile", str(profile), "--delay", "0", "--db", str(db)
        )
    finally:
        server.shutdown()
        server.server_close()
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        rows = sorted(conn.execute("SELECT url, title FROM articles"))
    assert rows == [(f"http://{host}/portal/novina.jsp?id={n}", titles[n]) for n in sorted(titles)]
    assert len(fetched) == len(titles), fetched  # each article fetched once


@pytest.mark.parametrize("step", [1, -1], ids=["the-next", "the-one-before"])
def test_articles_each_naming_another_article_as_canonical_stay_one_row_each(
    run_cli: Cli, db: Path, step: int
) -> None:
    """A CMS bug: each article's canonical names another article (the one listed after
    it, or before it; each a headline and text of its own). Naming the next, each page's
    own address was taken first by the page before, which named it: the page read there
    updated that row, and four articles chained into one, the last one's. Naming the one
    before, the last page read overwrote the first (three rows). Each keeps its own row,
    under the address it was read at, and a second reading changes nothing."""
    from .faultserver import ORIGIN, article_html

    ids = [1003, 1002, 1001, 1000]
    with FaultServer(articles=4, faults=False) as server:
        for n, named in zip(ids, ids[step:] + ids[:step], strict=True):
            canonical = f"{ORIGIN}/news/{named}-story-{named}"
            server.answers[f"/news/{n}-story-{n}"] = (200, {}, article_html(n, canonical=canonical))
        first = crawl(run_cli, server, db, "--connections", "1")
        assert first.exit_code == 0, first.stderr
        again = crawl(run_cli, server, db, "--connections", "1", "--refresh")
        assert again.exit_code == 0, again.stderr
        assert "0 new, 0 updated, 4 unchanged" in again.stdout
    with sqlite3.connect(db) as conn:
        rows = sorted(conn.execute("SELECT url, title FROM articles"))
    assert rows == [(article_url(n), f"Новина номер {n} от общината") for n in sorted(ids)]
    for n in ids:
        shown = run_cli("show", article_url(n), "--format", "json", "--db", str(db))
        assert shown.json()["title"] == f"Новина номер {n} от общината"  # type: ignore[index]
