"""The newsarchive Datasette plugin and ``serve``: metadata whatever the file is called,
word forms in Datasette's own search box, a readable articles table, and the analyst
pages (search with "N of M", article, chart + CSV), with scraped text escaped and the
archive never written."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import sqlite3
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote, quote_plus

import pytest

from newsarchive.errors import QueryError

from .search_corpus import ARTICLES, build, ids
from .support import Result, invoke_cli
from .test_read_only import _lock
from .web_support import Serving, fetch, served, serving

Cli = Callable[..., Result]


def datasette(db: Path, metadata: dict[str, Any] | None = None) -> Any:
    from newsarchive.web.server import make_datasette

    ds = make_datasette(db)
    if metadata is not None:
        from datasette.app import Datasette

        ds = Datasette(files=[str(db)], metadata=metadata)
    return ds


def text_of(response: Any) -> str:
    assert response.status_code == 200, response.text
    return str(response.text)


@pytest.fixture
def demo(run_cli: Cli, tmp_path: Path) -> Path:
    """A small archive whose file is not called newsarchive.db."""
    return build(run_cli, tmp_path / "demo.db")


@pytest.fixture(scope="module")
def one_serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Serving]:
    """One ``serve`` of a ``demo`` archive for the tests that only ask it things, most
    looking at what it printed meanwhile (``Serving.watch``), where each started its own
    (about 1.3 s of start-up, 3-4 times that on a loaded host). Stopped as systemd stops it,
    it says so, last, and no traceback was printed, late ones too (a refused
    ``newsarchive_match`` query logs an "ERROR:" line, which its test allows)."""
    folder = tmp_path_factory.mktemp("one-serve")
    with pytest.MonkeyPatch.context() as env:  # as run_cli: no $NEWSARCHIVE_DB, no profiles
        env.delenv("NEWSARCHIVE_DB", raising=False)
        env.setenv("NEWSARCHIVE_PROFILES", str(folder / "no-user-profiles"))
        db = build(invoke_cli, folder / "demo.db")
    with serving(db, log=folder / "terminal.txt") as run:
        yield run
    assert "Traceback" not in run.rest and "Exception ignored" not in run.rest, run.rest[:800]
    assert f"\n{run.rest}".endswith("\nnewsarchive: stopped by SIGTERM\n"), run.rest[-800:]


# --- Datasette itself -----------------------------------------------------------------


def test_metadata_file_applies_whatever_the_archive_is_called(run_cli: Cli, demo: Path) -> None:
    made = run_cli("datasette-metadata", "--format", "json")  # keyed to "newsarchive"
    assert made.exit_code == 0
    ds = datasette(demo, metadata=made.json())  # type: ignore[arg-type]
    tables, rows = fetch(ds, "/demo.json", "/demo/articles.json?_shape=array")
    hidden = {t["name"] for t in tables.json()["tables"] if t["hidden"]}
    assert {"captures", "frontier", "fetch_state", "runs", "lemma_vocab"} <= hidden
    assert {"article_urls", "site_discovery", "story_keys"} <= hidden
    dates = [r["published_date"] for r in rows.json()]
    assert dates == sorted(dates, reverse=True)


@pytest.mark.parametrize("query", ["община", "общината", "общини", "ОБЩИНИТЕ", "общин*", "улица"])
def test_datasette_search_box_finds_what_the_cli_finds(
    run_cli: Cli, demo: Path, query: str
) -> None:
    cli = set(ids(run_cli("search", query, "--format", "json", "--db", str(demo))))
    (rows,) = fetch(datasette(demo), f"/demo/articles.json?_search={quote(query)}&_shape=array")
    assert {r["id"] for r in rows.json()} == cli and cli


def test_datasette_canned_search_takes_the_query_language(demo: Path) -> None:
    (rows,) = fetch(datasette(demo), f"/demo/search.json?q={quote('Общината -парк')}&_shape=array")
    assert {r["id"] for r in rows.json()} == {1, 2, 5}


def test_articles_table_is_readable(run_cli: Cli, tmp_path: Path) -> None:
    long = {**ARTICLES[0], "text": "Общината реши. " + "Дълъг текст за бюджета. " * 200}
    db = build(run_cli, tmp_path / "demo.db", [long, *ARTICLES[1:]])
    page, css = fetch(datasette(db), "/demo/articles", "/-/newsarchive.css")
    html = text_of(page)
    assert "/-/newsarchive.css" in html
    assert ".col-title_lemmas, .col-text_lemmas { display: none; }" in text_of(css)
    assert "column-descriptions" not in html
    excerpts = re.findall(r'<span class="na-excerpt">(.*?)</span>', html)
    assert len(excerpts) == len(ARTICLES) and max(len(e) for e in excerpts) <= 200
    assert "Дълъг текст за бюджета. " * 20 not in html
    assert '<a href="/article/1">read</a>' in html


# --- the analyst pages ----------------------------------------------------------------


def test_index_has_a_search_form(demo: Path) -> None:
    (page,) = fetch(datasette(demo), "/")
    html = text_of(page)
    assert '<form class="na-form" action="/search"' in html and 'name="q"' in html
    assert '<option value="ruse-bg">' in html


def test_search_page_shows_n_of_m_and_pages(run_cli: Cli, db: Path) -> None:
    records = [
        {"site": "bta" if i % 2 else "nsorb", "url": f"https://www.bta.bg/p{i}",
         "title": f"Новина {i}", "published": f"2024-0{1 + i % 3}-10",
         "text": "Общините обсъдиха бюджета."}
        for i in range(25)
    ]  # fmt: skip
    build(run_cli, db, records)
    ds = datasette(db)
    first, second = fetch(ds, "/search?q=община", "/search?q=община&page=2")
    assert "1–20 of 25 articles" in text_of(first)
    assert text_of(first).count('class="na-title"') == 20
    next_link = f'href="/search?q={quote("община")}&amp;sort=relevance&amp;page=2"'
    assert next_link in text_of(first)
    assert "21–25 of 25 articles" in text_of(second)
    assert text_of(second).count('class="na-title"') == 5
    (beyond,) = fetch(ds, "/search?q=община&page=9")
    assert beyond.status_code == 404  # as an article that is not there
    assert "No articles on page 9: 25 in all, on pages 1 to 2." in beyond.text
    last_link = f'href="/search?q={quote("община")}&amp;sort=relevance&amp;page=2"'
    assert f'<a {last_link} rel="last">' in beyond.text


def test_a_page_past_the_last_or_no_page_number_says_so(demo: Path) -> None:
    """A page number too large for SQLite, or for ``int``, is past the last page like any
    other, not page 1; one that is no whole number from 1 is a bad parameter, answered as
    a bad sort or date is (400 and one line)."""
    ds = datasette(demo)
    words = quote("община")
    for page in ("9" * 5000, "99999999999999999999", "1234567890", "5"):
        (beyond,) = fetch(ds, f"/search?q={words}&page={page}")
        assert beyond.status_code == 404, page
        assert "4 in all, on page 1." in beyond.text, page
        assert f'<a href="/search?q={words}&amp;sort=relevance" rel="last">' in beyond.text
        assert 'class="na-title"' not in beyond.text
    for page in ("²", "0", "-1", "2.5", "две"):
        (bad,) = fetch(ds, f"/search?q={words}&page={quote(page)}")
        assert bad.status_code == 400, page
        assert "page: a whole number from 1" in bad.text, page
    (first,) = fetch(ds, f"/search?q={words}&page=1")
    assert first.status_code == 200 and "1–4 of 4 articles" in text_of(first)


@pytest.mark.parametrize("typed", ["9999999999999999", "1000000000000001", "9" * 17])
def test_a_page_number_past_any_archive_is_held_at_one_past_all(typed: str) -> None:
    """Any page past ``_PAST_ANY`` is that page, whatever its digits: its offset fits
    SQLite's int64, and it is shown as "a page that far"."""
    from datasette.utils import MultiParams

    from newsarchive.web import pages

    form = pages.Form.from_args(MultiParams({"q": ["x"], "page": [typed]}))
    assert form.page == pages._PAST_ANY and not form.page_error
    assert form.offset() == (pages._PAST_ANY - 1) * pages.PAGE_SIZE < 2**63


def test_search_page_marks_matches_and_filters(demo: Path) -> None:
    ds = datasette(demo)
    hits, filtered, bad = fetch(
        ds,
        f"/search?q={quote('община')}&site=bta&since=2023-01-01",
        f"/search?q={quote('община site:bta')}&since=2023-01-01&sort=newest",
        f"/search?q={quote('община OR')}",
    )
    html = text_of(hits)
    assert "1–1 of 1 article<" in html and "<mark>Общината</mark>" in html
    assert "1–1 of 1 article<" in text_of(filtered)
    assert bad.status_code == 400 and "needs a word on each side" in bad.text


def test_a_site_typed_with_spaces_or_capitals_is_the_site_as_in_the_cli(demo: Path) -> None:
    """``site= BTA `` (an address edited by hand, a link from a sheet) is bta, as
    ``search --site " BTA "`` reads it; the page said "unknown site ' BTA '", 400."""
    words = quote("община")
    plain, typed = fetch(
        datasette(demo), f"/search?q={words}&site=bta", f"/search?q={words}&site=%20BTA%20"
    )
    assert plain.status_code == typed.status_code == 200, typed.text
    titles = [re.findall(r'class="na-title"[^>]*>(.*?)</a>', text_of(r)) for r in (plain, typed)]
    assert titles[0] and titles[0] == titles[1]


def test_an_error_quoting_a_control_or_bidi_character_shows_it_escaped(demo: Path) -> None:
    # The CLI writes what it quotes of a query inert ('\x01'); the page wrote it raw: a
    # control character no browser shows ("'' holds no letters"), a bidi override that
    # turned the rest of the line around. The chart's CSV answers the same words.
    page, chart = fetch(
        datasette(demo), f"/search?q={quote(chr(1))}", f"/chart.csv?q={quote(chr(0x202E) + '!')}"
    )
    assert page.status_code == 400
    (said,) = re.findall(r'<p class="na-error" role="alert">(.*?)</p>', page.text)
    assert said.startswith("&#39;\\x01&#39; holds no letters"), said
    assert chart.status_code == 400
    assert (
        chart.text
        == "'\\u202e!' holds no letters or digits to search for (only words are indexed)\n"
    )


def test_a_query_in_bytes_that_are_no_utf8_is_said_so_as_the_cli_says_it(
    run_cli: Cli, demo: Path
) -> None:
    """A link a windows-1251 page wrote ("община" as %EE%E1%F9%E8%ED%E0): read with
    "\ufffd" for each byte, the page said "'������' holds no letters or digits to search
    for", of six letters typed. It says what the CLI says of such an argument, naming
    the parameter; the chart's CSV too; a U+FFFD sent as UTF-8 is still a character."""
    cp1251 = "%EE%E1%F9%E8%ED%E0"
    page, chart, site, sent = fetch(
        datasette(demo),
        f"/search?q={cp1251}",
        f"/chart.csv?q={cp1251}",
        "/search?q=&site=%FF",
        f"/search?q={quote(chr(0xFFFD))}",
    )
    said = r"&#39;\xee\xe1\xf9\xe8\xed\xe0&#39; holds bytes that are no UTF-8 text"
    assert page.status_code == 400
    assert re.findall(r'<p class="na-error" role="alert">(.*?)</p>', page.text) == [f"q: {said}"]
    assert chart.status_code == 400
    assert chart.text == "q: '\\xee\\xe1\\xf9\\xe8\\xed\\xe0' holds bytes that are no UTF-8 text\n"
    assert site.status_code == 400 and "site: &#39;\\xff&#39; holds bytes" in site.text
    assert sent.status_code == 400 and "holds no letters or digits" in sent.text
    cli = run_cli("search", "--site", "\udcff", "--db", str(demo))
    assert cli.exit_code == 2 and "'\\xff' holds bytes that are no UTF-8 text" in cli.stderr


def test_chart_and_its_csv(demo: Path) -> None:
    page, data = fetch(datasette(demo), f"/search?q={quote('община')}", "/chart.csv?q=община")
    html = text_of(page)
    assert "<svg" in html and "2024-05 · bta: 1" in html
    assert 'href="/chart.csv?q=%D0%BE%D0%B1%D1%89%D0%B8%D0%BD%D0%B0&amp;sort=relevance"' in html
    assert data.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(data.text)))
    assert rows == [
        {"month": "2020-11", "site": "nsorb", "count": "1"},
        {"month": "2022-01", "site": "bta", "count": "1"},
        {"month": "2023-03", "site": "ruse-bg", "count": "1"},
        {"month": "2024-05", "site": "bta", "count": "1"},
    ]


def _plant(db: Path, column: str, value: str) -> None:
    """A value no writer of ours stores, as an archive edited by hand (or by another
    tool) may hold it: the pages must still be safe."""
    with sqlite3.connect(db) as conn:
        conn.execute(f"UPDATE articles SET {column} = ?", (value,))


def test_chart_csv_quotes_a_site_id_a_spreadsheet_would_run(run_cli: Cli, db: Path) -> None:
    build(run_cli, db, [ARTICLES[0]])
    _plant(db, "site", "=HYPERLINK(1)")  # (import refuses such a site id)
    (data,) = fetch(datasette(db), f"/chart.csv?q={quote('община')}")
    rows = list(csv.DictReader(io.StringIO(text_of(data))))
    assert [row["site"] for row in rows] == ["'=HYPERLINK(1)"]


def test_article_page(run_cli: Cli, db: Path) -> None:
    record = {**ARTICLES[0], "author": "Иван Петров", "tags": ["Русе", "улици"]}
    build(run_cli, db, [record])
    page, missing = fetch(datasette(db), "/article/1?back=/search%3Fq%3Dx", "/article/99")
    html = text_of(page)
    assert "<h1>Общината ремонтира улиците</h1>" in html
    assert "Иван Петров" in html and "Tags: Русе, улици" in html
    assert f'<a href="{ARTICLES[0]["url"]}" rel="noopener noreferrer">' in html
    assert "<p>Кметът обеща нови тротоари до есента.</p>" in html
    assert '<a href="/search?q=x">← back to the results</a>' in html
    assert missing.status_code == 404


def test_scraped_text_is_escaped_everywhere(run_cli: Cli, db: Path) -> None:
    evil = {
        "site": "bta",
        "url": "https://www.bta.bg/evil",
        "title": "<script>alert('t')</script> Община",
        "author": '"><img src=x onerror=alert(1)>',
        "published": "2024-01-01",
        "text": "Общината <b>реши</b> <script>alert('x')</script>.",
    }
    build(run_cli, db, [evil])
    _plant(db, "url", "javascript:alert(1)")  # (import refuses it: an archive edited by hand)
    pages = fetch(
        datasette(db),
        "/search?q=община",
        "/article/1",
        "/archive/articles",
        "/article/1?back=javascript:alert(1)",
    )
    for page in pages:
        html = text_of(page)
        assert "<script>alert" not in html and "<img src=x" not in html and "<b>реши" not in html
        assert 'href="javascript:' not in html
    assert "&lt;script&gt;alert" in pages[0].text and "&lt;b&gt;реши&lt;/b&gt;" in pages[1].text


# --- serve ----------------------------------------------------------------------------


def test_serve_never_writes_and_reads_an_unwritable_folder(demo: Path) -> None:
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    undo = _lock([demo.parent, demo])
    try:
        with served(demo) as url:
            assert url.startswith("http://127.0.0.1:")
            with urllib.request.urlopen(f"{url}/search?q={quote('община')}") as response:
                html = response.read().decode()
            assert "1–4 of 4 articles" in html
            with urllib.request.urlopen(f"{url}/demo/articles.json?_shape=array") as response:
                assert len(json.load(response)) == len(ARTICLES)
    finally:
        undo()
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before


def test_a_plain_datasette_meeting_a_writers_lock_asks_again_later(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A plain ``datasette`` looks once at each file's tables to know an archive. On a
    rollback-journal archive whose writer held its lock past the look's wait, the file
    was remembered as no archive for as long as the server ran (no metadata, no word
    forms), after the page had waited 30 s: it is now looked at again once the lock is
    gone, and a page waits ``CHECK_WAIT_S`` for it."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    import newsarchive.web as plugin
    from newsarchive.web import hooks

    if not pm.is_registered(plugin):
        pm.register(plugin, name="newsarchive")
    monkeypatch.setattr(hooks, "CHECK_WAIT_S", 0.1, raising=False)
    with sqlite3.connect(demo) as conn:
        assert conn.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    other = sqlite3.connect(demo, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        ds = Datasette(files=[str(demo)])
        assert hooks.archive_names(ds) == []
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert hooks.archive_names(ds) == ["demo"]


def test_a_short_wait_for_the_look_holds_after_the_open(demo: Path) -> None:
    """``open_read_only``'s ``wait`` is the connection's busy timeout after the open too:
    it set 30 s there, so the look at an attached file (``CHECK_WAIT_S``) waited 30 s on
    a writer's lock met at its next read, and then took the file for no archive."""
    from newsarchive.archive.connection import open_read_only

    conn, _ = open_read_only(demo, wait=0.25)
    try:
        assert conn.execute("PRAGMA busy_timeout").fetchone() == (250,)
    finally:
        conn.close()


def test_a_lock_met_after_the_open_is_no_verdict_either(
    demo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer may lock the file between the look's open and its read of the tables:
    that read's "database is locked" says nothing of what the file is, as the open's
    does not (``archive_names`` asks again at the next request)."""
    from newsarchive.web import hooks

    def locked(conn: sqlite3.Connection) -> bool:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(hooks.sql, "is_archive", locked)
    assert hooks._is_archive_file(str(demo)) is None


def test_serve_errors_are_one_line(run_cli: Cli, demo: Path, tmp_path: Path) -> None:
    missing = run_cli("serve", "--db", str(tmp_path / "nothing.db"))
    assert missing.exit_code == 2 and missing.stderr.startswith("newsarchive: error: no archive")
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        taken = run_cli("serve", "--db", str(demo), "--port", str(port))
    assert taken.exit_code == 2
    assert taken.stderr.strip() == (
        f"newsarchive: error: cannot serve on 127.0.0.1:{port}: Address already in use:"
        " another program listens there; pick another --port (0: any free one)"
    )
    other = tmp_path / "other.db"  # some other program's SQLite file: not "older"
    sqlite3.connect(other).execute("CREATE TABLE notes (body TEXT)").connection.commit()
    foreign = run_cli("serve", "--db", str(other))
    assert foreign.exit_code != 0 and len(foreign.stderr.strip().splitlines()) == 1
    assert "is not a newsarchive archive" in foreign.stderr
    # a host no name lookup can spell (an empty label, one over 63 letters): bad usage,
    # not the bug (70) the resolver's UnicodeError was
    for host in ("a..b", "a" * 64):
        spelt = run_cli("serve", "--db", str(demo), "--host", host)
        assert (spelt.exit_code, spelt.stderr.strip()) == (
            2, f"newsarchive: error: cannot serve on host '{host}': not a valid host name",
        )  # fmt: skip


@pytest.mark.parametrize("signum", [2, 15])
def test_serve_ends_on_ctrl_c_and_sigterm_as_its_help_says(
    run_cli: Cli, demo: Path, signum: int
) -> None:
    """Ctrl-C is how serve is stopped, and its help named no code for it (nor for
    SIGTERM): it exits 130 saying "interrupted", and SIGTERM ends it by the signal
    itself (143 in a shell), saying so; the help now names both."""
    import os
    import signal

    said = " ".join(run_cli("serve", "--help").stdout.replace("│", " ").split())
    stopper = {2: "Ctrl-C", 15: "SIGTERM"}[signum]
    assert f" {128 + signum} when stopped by {stopper}" in said, said
    env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"}
    process = subprocess.Popen(
        [sys.executable, "-m", "newsarchive", "serve", "--db", str(demo), "--port", "0"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        assert " at http://127.0.0.1:" in line, line
        url = line.split(" at ", 1)[1].split()[0]
        with urllib.request.urlopen(f"{url}search?q={quote('община')}") as response:
            assert "1–4 of 4 articles" in response.read().decode()  # serving
        process.send_signal(signum)
        rest = process.stderr.read()
        process.wait(timeout=30)
    finally:
        process.kill()
        process.communicate()
    if signum == 2:
        assert (process.returncode, rest) == (130, "newsarchive: interrupted\n")
    else:
        assert (process.returncode, rest) == (-15, "newsarchive: stopped by SIGTERM\n")


SERVE_PROBE = """
import json, sys
from pathlib import Path
from newsarchive.cli import app  # what the console script imports
from newsarchive.web.server import check_archive, make_datasette
check_archive(Path(sys.argv[1]))
make_datasette(Path(sys.argv[1])).app()
print("MODULES" + json.dumps(sorted(sys.modules)))
"""


def test_serve_start_up_imports_nothing_heavy(demo: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SERVE_PROBE, str(demo)], capture_output=True, text=True, check=True
    )
    modules = set(json.loads(done.stdout.rsplit("MODULES", 1)[1]))
    assert "datasette.app" in modules
    heavy = ("selectolax", "sqlite_utils", "simplemma", "pydantic", "newsarchive.crawl")
    assert not {m for m in modules for h in heavy if m == h or m.startswith(h + ".")}


def test_article_page_lists_earlier_versions(run_cli: Cli, tmp_path: Path) -> None:
    db = build(run_cli, tmp_path / "demo.db", [ARTICLES[0]])
    edited = {**ARTICLES[0], "title": "Общината ремонтира още улици"}
    source = tmp_path / "edit.jsonl"
    source.write_text(json.dumps(edited, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    page, revision, table = fetch(
        datasette(db), "/article/1", "/demo/revisions/1.json?_shape=objects", "/demo/revisions"
    )
    assert "Search covers current versions only" in text_of(table)
    html = text_of(page)
    assert "<h2>Earlier versions</h2>" in html
    assert '<a href="/demo/revisions/1">' in html and "Общината ремонтира улиците" in html
    assert revision.status_code == 200
    assert revision.json()["rows"][0]["title"] == ARTICLES[0]["title"]


def test_earlier_versions_link_where_datasette_serves_the_archive(
    run_cli: Cli, tmp_path: Path
) -> None:
    """A file name Datasette must encode (a dot, a space) still links to the revision."""
    db = build(run_cli, tmp_path / "news 2025.v1.db", [ARTICLES[0]])
    edited = {**ARTICLES[0], "title": "Общината ремонтира още улици"}
    source = tmp_path / "edit.jsonl"
    source.write_text(json.dumps(edited, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    ds = datasette(db)
    (page,) = fetch(ds, "/article/1")
    links = re.findall(r'<a href="([^"]*/revisions/1)">', text_of(page))
    assert len(links) == 1
    (revision,) = fetch(ds, links[0] + ".json?_shape=objects")
    assert revision.json()["rows"][0]["title"] == ARTICLES[0]["title"]


def test_search_page_and_search_box_filter_by_author(run_cli: Cli, db: Path) -> None:
    """Datasette's own connections fold Cyrillic case too (the plugin adds the function)."""
    bylines = ["Мария Петрова", "Иван Колев", "МАРИЯ ИВАНОВА", None, None]
    build(run_cli, db, [dict(a, author=b) for a, b in zip(ARTICLES, bylines, strict=True)])
    ds = datasette(db)
    (page,) = fetch(ds, f"/search?q={quote('община author:мария')}")
    assert text_of(page).count('class="na-title"') == 2  # 1 and 3, not 2 and 5
    assert "Общината ремонтира улиците" in text_of(page)
    assert "Среща за Дунав мост" not in text_of(page)
    from newsarchive.web.sql import match

    with pytest.raises(QueryError, match="author: work on the search page"):
        match(sqlite3.connect(":memory:"), "община author:мария")  # a MATCH cannot filter
    # nor does an empty one suggest a filter, which a MATCH would then refuse
    with pytest.raises(QueryError) as empty:
        match(sqlite3.connect(":memory:"), "  ")
    assert str(empty.value) == "the query has no words to search for"


def test_a_name_after_author_typed_without_quotes_is_offered_in_quotes(
    run_cli: Cli, db: Path
) -> None:
    """ "author:иван колев" is the byline's "иван" and the word "колев" in the texts,
    which none holds: "No matches" and not a word why. The CLI (stderr) and the search
    page offer the name in quotes, with how many it matches; a surname no byline ends in
    is offered nothing."""
    bylines = ["Мария Петрова", "Иван Колев", "МАРИЯ ИВАНОВА", None, "Иван Колев"]
    build(run_cli, db, [dict(a, author=b) for a, b in zip(ARTICLES, bylines, strict=True)])
    result = run_cli("search", "author:иван колев", "--db", str(db))
    assert result.exit_code == 0 and result.stdout == "No matches.\n"
    assert result.stderr == (
        "'author:иван колев' matched nothing: author: takes one word, the words after it"
        " were searched in the texts; as one name, 'author:\"иван колев\"' matches 2"
        " articles: newsarchive search 'author:\"иван колев\"'\n"
    )
    told = run_cli("search", 'author:"иван колев"', "-f", "json", "--db", str(db))
    assert sorted(ids(told)) == [2, 5]
    within = run_cli("search", "author:мария петрова общината", "--db", str(db))
    assert "as one name, 'author:\"мария петрова\" общината' matches 1 article" in within.stderr
    assert run_cli("search", "author:иван петров", "--db", str(db)).stderr == ""
    (page,) = fetch(datasette(db), f"/search?q={quote('author:иван колев')}")
    html = text_of(page)
    assert 'id="author"' in html and "matches 2 articles" in html
    told_url = "/search?q=" + quote_plus('author:"иван колев"')
    assert f'href="{told_url}&amp;' in html


def test_numbers_in_addresses_that_int_or_sqlite_cannot_take(demo: Path) -> None:
    ds = datasette(demo)
    for wanted in ("9" * 5000, "99999999999999999999"):
        (missing,) = fetch(ds, f"/article/{wanted}")
        assert missing.status_code == 404, wanted


def test_an_article_address_that_is_no_number_is_our_not_found_page(demo: Path) -> None:
    """/article/abc was Datasette's 404 "Database not found" (a database nobody asked
    for): it is the article page's own "no such article", saying what the address
    takes, with the same status, the typed segment escaped."""
    ds = datasette(demo)
    pages = fetch(ds, "/article/abc", "/article/1.5", f"/article/{quote('<b>абв')}")
    for page in pages:
        assert page.status_code == 404
        assert "<h1>No such article</h1>" in page.text and "Database not found" not in page.text
    assert "“abc” is no article number" in pages[0].text
    assert "“&lt;b&gt;абв” is no article number" in pages[2].text
    (missing,) = fetch(ds, "/article/99")  # a number the archive lacks: as before
    assert missing.status_code == 404 and "<h1>No article 99</h1>" in missing.text


def test_article_page_says_where_its_date_came_from(run_cli: Cli, db: Path) -> None:
    # `show` prints "date source: url"; the analysts' page gave the same day with no word
    # that it was read off the address (day only, and an address can be reused).
    build(run_cli, db, [{**ARTICLES[0], "published": "2024-03-05", "date_source": "url"}])
    (page,) = fetch(datasette(db), "/article/1")
    assert '<p class="na-meta">bta · 2024-03-05 · date source: url</p>' in text_of(page)


def test_article_page_says_when_its_date_is_an_update_stamp_or_a_guess(
    run_cli: Cli, db: Path
) -> None:
    # `show` says "the page shows only when it was last modified"; the analysts' page gave
    # the date as a publication date with only "date source: text" beside it.
    records = [
        {**ARTICLES[0], "published": "2026-03-12", "date_source": "text",
         "date_note": "modified-only", "modified": "2026-03-12"},
        {**ARTICLES[1], "published": "2025-11-14", "date_source": "text",
         "modified": "2025-11-20"},
        {**ARTICLES[2], "published": "2025-11-28", "date_source": "text", "date_note": "guessed"},
    ]  # fmt: skip
    build(run_cli, db, records)
    only, both, guessed = (
        text_of(p) for p in fetch(datasette(db), *(f"/article/{n}" for n in (1, 2, 3)))
    )
    assert (
        "· 2026-03-12 · date source: text, the page shows only when it was last modified</p>"
        in only
    )
    assert "· 2025-11-14 · date source: text · modified 2025-11-20</p>" in both
    note = "a guess: the page gives no year, only how long ago, or only a day its story tells"
    assert f"date source: text, {note}</p>" in guessed


def test_serve_answers_a_mistyped_address_without_a_traceback(one_serve: Serving) -> None:
    """Every 404 (/nope, /article/abc) printed Datasette's rich traceback with its locals,
    ~160 lines, on the terminal serve runs in."""
    with one_serve.watch() as printed:
        url = one_serve.url
        for path in ("/nope", "/article/abc", "/demo/no_such_table"):
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(url + path)
            answer.value.close()
            assert answer.value.code == 404
        with urllib.request.urlopen(f"{url}/search?q={quote('община')}") as response:
            assert response.status == 200  # still serving
    rest = printed.text
    # (nothing; stopped as systemd stops it, that one line: one_serve's end asserts it)
    assert "Traceback" not in rest and rest == "", rest[:500]


def test_serve_answers_other_methods_than_get_and_head_with_405(one_serve: Serving) -> None:
    """Our pages answered POST, DELETE or FOO with the page itself (200), and Datasette's
    own table answered a POST, and any page a method it has no handler for, with a 500
    and a traceback on the terminal serve runs in: a client's mistake, not a bug."""
    with one_serve.watch() as printed:
        url = one_serve.url
        paths = ("/", f"/search?q={quote('община')}", "/article/1", "/chart.csv?q=x",
                 "/demo", "/demo/articles")  # fmt: skip
        for method in ("POST", "PUT", "DELETE", "TRACE", "FOO"):
            for path in paths:
                request = urllib.request.Request(url + path, data=b"x=1", method=method)
                with pytest.raises(urllib.error.HTTPError) as answer:
                    urllib.request.urlopen(request)
                body = answer.value.read().decode()
                answer.value.close()
                assert answer.value.code == 405, (method, path)
                assert answer.value.headers["Allow"] == "GET, HEAD"
                assert body == f"{method} is not allowed here: only GET, HEAD\n"
        head = urllib.request.Request(url + "/article/1", method="HEAD")
        with urllib.request.urlopen(head) as response:
            assert response.status == 200 and response.read() == b""
        with urllib.request.urlopen(f"{url}/search?q={quote('община')}") as response:
            assert response.status == 200  # still serving
    rest = printed.text
    assert "Traceback" not in rest and rest == "", rest[:500]


def test_a_query_newsarchive_match_refuses_prints_no_traceback_where_serve_runs(
    one_serve: Serving,
) -> None:
    """sqlite3's callback tracebacks (Datasette turns them on) printed a traceback on the
    terminal for each query newsarchive_match refused, a reader's mistake."""
    with one_serve.watch() as printed:
        url = one_serve.url
        for query in ("(((", '"', "site:bta"):
            sql = f"select newsarchive_match('{query}')"
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(f"{url}/demo?sql={quote(sql)}")
            answer.value.close()
            assert answer.value.code == 400
        sql = "select newsarchive_match('община')"
        with urllib.request.urlopen(f"{url}/demo?sql={quote(sql)}") as response:
            assert response.status == 200
    rest = printed.text
    assert "Traceback" not in rest and "Exception ignored" not in rest, rest[:800]
    # (the stop line: one_serve's end asserts it)


def test_serve_on_loopback_refuses_a_host_that_is_not_this_machine(
    demo: Path, one_serve: Serving
) -> None:
    """Any ``Host`` was answered, so a page on a name made to resolve to 127.0.0.1 (DNS
    rebinding) could read the local archive from the reader's browser."""
    import http.client

    def ask(url: str, host: str, path: str = "/article/1") -> tuple[int, str]:
        address, port = url.removeprefix("http://").rsplit(":", 1)
        conn = http.client.HTTPConnection(address, int(port), timeout=30)
        try:
            conn.putrequest("GET", path, skip_host=True)
            conn.putheader("Host", host)
            conn.endheaders()
            response = conn.getresponse()
            return response.status, response.read().decode()
        finally:
            conn.close()

    url = one_serve.url  # serve on its default host, 127.0.0.1
    port = url.rsplit(":", 1)[1]
    for host in ("evil.example", f"evil.example:{port}", "127.0.0.1.nip.io",
                 f"localhost.evil.example:{port}", "[::2]", "10.0.0.1"):  # fmt: skip
        status, body = ask(url, host)
        assert (status, body) == (400, "this server answers to localhost only"
                                  " (serve --host ADDRESS for others)\n"), host  # fmt: skip
    for host in ("localhost", f"localhost:{port}", "LOCALHOST", f"127.0.0.1:{port}",
                 "127.0.0.1", "[::1]", f"[::1]:{port}"):  # fmt: skip
        status, body = ask(url, host)
        assert status == 200 and "Общината" in body, host
    with served(demo, "--host", "::1") as url:  # (printed as http://::1:8001/, no URL)
        assert url.startswith("http://[::1]:")
        assert ask(url.replace("[::1]", "::1"), url.removeprefix("http://"))[0] == 200
        assert ask(url.replace("[::1]", "::1"), "evil.example")[0] == 400
    with served(demo, "--host", "0.0.0.0") as url:  # asked to serve others: any name
        status, body = ask(url.replace("0.0.0.0", "127.0.0.1"), "news.example")
        assert status == 200 and "Общината" in body


def test_serve_answers_a_malformed_table_filter_with_400_not_a_traceback(
    one_serve: Serving,
) -> None:
    """Datasette's table page answered ``?id__gt=<huge>`` (OverflowError) and ``?_through=x``
    (JSONDecodeError) with a 500 and a traceback on the terminal serve runs in; a
    ``_through`` naming a missing table, or one with no foreign key to the page's, with
    a 500 page ("Invalid _through")."""
    from markupsafe import escape

    number = "id__gt takes a number up to 9223372036854775807"
    through = '_through takes JSON: {"table": …, "column": …, "value": …}'
    missing = "_through names no table nosuch"
    unlinked = "_through names runs, which has no foreign key to articles"
    asked = {
        "/demo/articles?id__gt=99999999999999999999": number,
        f"/demo/articles?id__gt={'9' * 5000}": number,
        f"/demo/articles?id__gt={quote('²')}": number,
        "/demo/articles.json?id__gt=9223372036854775808": number,
        f"/demo/articles?_through={quote('x')}": through,
        f"/demo/articles?_through={quote('[]')}": through,
        "/demo/articles?_through=" + quote('{"table": "captures"}'): through,
        "/demo/articles.json?_through="
        + quote('{"table": "nosuch", "column": "id", "value": "1"}'): missing,
        "/demo/articles?_through="
        + quote('{"table": "runs", "column": "id", "value": "1"}'): unlinked,
    }
    with one_serve.watch() as printed:
        url = one_serve.url
        for path, message in asked.items():
            with pytest.raises(urllib.error.HTTPError) as answer:
                urllib.request.urlopen(url + path)
            body = answer.value.read().decode()
            answer.value.close()
            assert answer.value.code == 400, path
            if ".json" in path:
                assert json.loads(body)["error"] == message
            else:
                assert str(escape(message)) in body, path
        with urllib.request.urlopen(f"{url}/demo/articles.json?id__gt=9223372036854775806") as ok:
            assert ok.status == 200  # the largest number still filters
    rest = printed.text
    assert "Traceback" not in rest and rest == "", rest[:500]


def test_only_a_malformed_argument_makes_an_exception_a_client_error() -> None:
    from newsarchive.web.client_errors import client_error

    huge = {"id__gt": ["99999999999999999999"]}
    assert client_error(huge, OverflowError("x")) is not None
    assert client_error(huge, RuntimeError("x")) is None  # not what that argument raises
    fine = {"id__gt": ["5"], "_through": ['{"table": "a", "column": "b", "value": 1}']}
    for exception in (OverflowError("x"), ValueError("x"), KeyError("x"), TypeError("x")):
        assert client_error(fine, exception) is None  # a bug, still a 500 and a traceback
    assert client_error({"id__exact": ["9" * 30]}, OverflowError("x")) is None


def test_only_datasettes_invalid_through_on_well_formed_values_asks_for_the_tables() -> None:
    from datasette.views.base import DatasetteError

    from newsarchive.web.client_errors import through_error, through_tables

    named = {"_through": ['{"table": "nosuch", "column": "id", "value": "1"}']}
    invalid = DatasetteError("Invalid _through - could not find corresponding foreign key")
    assert through_tables(named, invalid) == ["nosuch"]
    assert through_tables(named, DatasetteError("something else")) == []
    assert through_tables({"_through": ["x"]}, invalid) == []  # client_error's case
    assert through_error({"nosuch": None}, "articles") == "_through names no table nosuch"
    assert through_error({"captures": True, "runs": False}, "articles") == (
        "_through names runs, which has no foreign key to articles"
    )
    assert through_error({"captures": True}, "articles") is None  # not the client's: a 500


def test_search_page_says_how_it_read_or_and_a_pasted_headline(demo: Path) -> None:
    """The CLI says on stderr that "or" was read as OR, or a pasted headline's site name
    left out; the page says it above the count, in the same words."""
    either, plain = fetch(
        datasette(demo), f"/search?q={quote('община or парк')}", f"/search?q={quote('община')}"
    )
    html = text_of(either)
    assert "&#39;or&#39; was read as OR" in html and 'class="na-count read-as"' in html
    assert "read-as" not in text_of(plain)


def test_an_archive_replaced_under_serve_by_another_database_is_a_503_with_one_line(
    demo: Path, tmp_path: Path
) -> None:
    """``serve`` opens the archive again once its files changed (``followed``): a file
    put in its place that is no archive is said as the commands say it, a 503 (the
    server cannot serve it now), not the old file's pages; the archive put back is
    served again at the next request."""
    import os
    import shutil

    ds = datasette(demo)
    kept = shutil.copy(demo, tmp_path / "kept.db")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    (first,) = fetch(ds, "/search?q=" + quote("община"))
    os.replace(other, demo)
    (gone,) = fetch(ds, "/search?q=" + quote("община"))
    os.replace(kept, demo)
    (back,) = fetch(ds, "/search?q=" + quote("община"))
    assert first.status_code == 200 and back.status_code == 200
    assert ARTICLES[0]["title"] in first.text and ARTICLES[0]["title"] in back.text
    assert gone.status_code == 503, gone.text
    said = f"{demo} is not a newsarchive archive (no articles table; its tables: notes)"
    assert said in gone.text


def _zero_middle_third(db: Path) -> None:
    """Damage ``db`` as a disk fault does: its first pages open, a query reaching the
    middle meets "database disk image is malformed"."""
    for leftover in (Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}.lock")):
        leftover.unlink(missing_ok=True)
    data = db.read_bytes()
    third = len(data) // 3
    db.write_bytes(data[:third] + b"\0" * third + data[2 * third :])


# An archive damaged in its middle third, or missing one of its tables, and what every
# command says of it
DAMAGES = pytest.mark.parametrize(
    ("damage", "said"),
    [
        # (the archive's name, not "ARCHIVE", a word to replace)
        ("middle", "the archive is damaged: database disk image is malformed (sqlite3 {db}"),
        ("lemma_vocab", "the archive is damaged: its table lemma_vocab is missing"),
    ],
)


def _damaged(run_cli: Cli, tmp_path: Path, damage: str) -> Path:
    """An archive of 300 articles, then damaged as ``damage`` says (``DAMAGES``)."""
    db = tmp_path / "damaged.db"
    records = [
        {**ARTICLES[0], "url": f"https://www.bta.bg/bg/news/{n}-x", "text": "община " * 400}
        for n in range(300)
    ]
    build(run_cli, db, records)
    if damage == "middle":
        _zero_middle_third(db)
    else:
        with sqlite3.connect(db) as conn:
            conn.execute(f"DROP TABLE {damage}")
        conn.close()
    return db


@DAMAGES
def test_serve_on_a_damaged_archive_answers_503_with_the_line_a_command_says(
    run_cli: Cli, tmp_path: Path, damage: str, said: str
) -> None:
    """A damaged archive opens, and fails at the first query reaching the damage: every
    such page was a bare "Error 500" (a traceback on serve's terminal), where a command
    says what is wrong and how to save what is readable."""
    db = _damaged(run_cli, tmp_path, damage)
    said = said.format(db=db)
    command = run_cli("search", "община", "--db", str(db))
    assert command.exit_code == 2 and said in command.stderr, command.stderr
    (page,) = fetch(datasette(db), "/search?q=" + quote("община"))
    assert page.status_code == 503, page.text[:300]
    assert said in page.text


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


@DAMAGES
def test_serve_on_a_damaged_archive_says_so_once_on_its_terminal(
    run_cli: Cli, tmp_path: Path, damage: str, said: str
) -> None:
    """Every page of a damaged archive is a 503 with one line; serve's terminal had
    Datasette's "ERROR: conn=<sqlite3.Connection …>, sql = …" for each failed query of
    each page (5 for the pages below) and three "coroutine … was never awaited" warnings
    of three lines a table page. Now the line a command says, once; an analyst's own
    SQL failing keeps Datasette's line."""
    db = _damaged(run_cli, tmp_path, damage)
    said = said.format(db=db)
    pages = ["/", "/damaged", "/damaged/articles", "/damaged/articles?_facet=site",
             "/search?q=" + quote("община"), "/search?q=" + quote("община")]  # fmt: skip
    sql = "/damaged.json?sql=" + quote("select * from lemma_vocab")
    with serving(db, log=tmp_path / "terminal.txt") as run, run.watch() as printed:
        statuses = {path: _status(run.url + path) for path in pages}
        mistyped = _status(run.url + "/damaged.json?sql=" + quote("select * from nosuch"))
        if damage == "lemma_vocab":
            statuses[sql] = _status(run.url + sql)
    assert 503 in statuses.values() and set(statuses.values()) <= {200, 503}, statuses
    assert mistyped == 400
    lines = printed.text.splitlines()
    assert lines[0].startswith("newsarchive: error: " + said), lines
    assert lines[1:] == [
        "ERROR: sql = 'select * from nosuch', params = {}: no such table: nosuch"
    ], printed.text


def test_the_analyst_pages_footer_names_datasette_s_version(demo: Path) -> None:
    """The search, article and 404 pages' footer read "Datasette v" on hover, its version
    missing: Datasette's own pages pass it to the footer, ours did not."""
    from datasette.version import __version__

    pages = fetch(datasette(demo), "/", "/search?q=%D0%BE%D0%B1%D1%89%D0%B8%D0%BD%D0%B0",
                  "/article/1", "/article/99999", "/demo")  # fmt: skip
    for page in pages:
        assert f'title="Datasette v{__version__}">Datasette</a>' in page.text, page.url
        assert 'title="Datasette v"' not in page.text


def test_the_article_page_says_a_paid_article_is_paid_and_reads_a_v30_archive_as_it_is(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """The article page says what ``show`` says of a paid article ("Access: paid — …"),
    nothing of a free one; and ``serve``, which never upgrades, reads an archive older
    than ``articles.access`` (v30) with every article's page there (it read the missing
    column: an error page)."""
    from newsarchive.models import ACCESS_WORDS

    build(run_cli, db)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET access = 'paid' WHERE id = 1")
        conn.execute("UPDATE articles SET access = 'free' WHERE id = 2")
    paid, free = fetch(datasette(db), "/article/1", "/article/2")
    assert f"Access: {ACCESS_WORDS['paid']}" in text_of(paid)
    assert "Access:" not in text_of(free)
    old = tmp_path / "v30.db"
    build(run_cli, old)
    conn = sqlite3.connect(old)
    try:
        conn.execute("ALTER TABLE articles DROP COLUMN access")
        conn.execute("PRAGMA user_version = 30")
        conn.commit()
    finally:
        conn.close()
    pages = fetch(datasette(old), "/article/1", f"/search?q={quote('община')}")
    assert ARTICLES[0]["title"] in text_of(pages[0]) and "Access:" not in text_of(pages[0])
    assert 'class="na-title"' in text_of(pages[1])
    with sqlite3.connect(old) as conn:  # not upgraded: serve never writes
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 30
