"""`reextract` rebuilds articles from stored raw pages: no network, nothing duplicated."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from newsarchive.mirror import MirrorServer
from newsarchive.profiles.loader import _BUILTIN_DIR

from .support import SITES, Result

EXPECTED = json.loads((SITES / "bta" / "expected.json").read_text(encoding="utf-8"))


def _export(run_cli: Callable[..., Result], db: Path) -> dict[str, dict[str, str]]:
    rows = [json.loads(line) for line in run_cli("export", "--db", str(db)).stdout.splitlines()]
    return {row["url"]: row for row in rows}


def test_reextract_applies_a_corrected_profile_without_the_network(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], db: Path, tmp_path: Path
) -> None:
    target = EXPECTED[0]
    phrase = target["must_contain"][0]
    # A user's profile that wrongly drops one paragraph of one article.
    wrong = (
        (_BUILTIN_DIR / "bta.toml")
        .read_text(encoding="utf-8")
        .replace("drop_patterns = [", f"drop_patterns = [\n  '{re.escape(phrase)}',", 1)
    )
    profile = tmp_path / "bta-wrong.toml"
    profile.write_text(wrong, encoding="utf-8")
    server = mirror("bta")
    crawl = run_cli(
        "crawl", "bta", "--profile", str(profile), "--base-url", server.url,
        "--delay", "0", "--db", str(db),
    )  # fmt: skip
    assert crawl.exit_code == 0, crawl.stderr
    before = _export(run_cli, db)
    assert phrase not in before[target["url"]]["text"]
    server.stop()  # from here on nothing can be fetched

    result = run_cli("reextract", "--db", str(db))  # the built-in (correct) profile again
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("re-extracted: 1 changed, ")
    after = _export(run_cli, db)
    assert sorted(after) == sorted(before)  # same articles, none added
    assert phrase in after[target["url"]]["text"]
    assert all(after[u]["text"] == before[u]["text"] for u in after if u != target["url"])
    again = run_cli("reextract", "--db", str(db))
    assert again.stdout.startswith("re-extracted: 0 changed, ")


def test_reextract_leaves_imported_articles_alone(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    record = {"site": "bta", "url": "https://www.bta.bg/bg/news/1-x", "title": "Т", "text": "А"}
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    result = run_cli("reextract", "--db", str(db))
    assert result.exit_code == 0
    assert "0 changed, 0 unchanged, 0 failed" in result.stdout
    assert "1 without a stored page" in result.stdout
    assert _export(run_cli, db)[record["url"]]["text"] == "А"


def test_reextract_missing_archive_is_one_line_exit_2(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    result = run_cli("reextract", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert result.stderr.startswith("newsarchive: error: no archive at")
    assert not (tmp_path / "none.db").exists()


def _paged(title: str, body: str, pager: str) -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"{body}{pager}</article></body></html>"
    ).encode()


def test_reextract_joins_a_later_page_the_crawl_fetched_through_a_redirect(
    tmp_path: Path,
) -> None:
    """The crawl asked for the address the pager gives (``/statia?page=2``) and kept the
    capture under both it and the address it was redirected to: re-extraction looks the
    page up by the address the pager gives, so it finds it under either."""
    import datetime as dt

    from newsarchive.archive.connection import connect
    from newsarchive.archive.store import Store
    from newsarchive.extraction.continuation import joined
    from newsarchive.extraction.pipeline import extract
    from newsarchive.models import Page
    from newsarchive.reextract import reextract_archive

    one, two = "https://x.bg/statia", "https://x.bg/statia?page=2"
    moved = "https://x.bg/statia/?page=2"  # (a server adding the slash)
    para = "Общинският съвет прие бюджета на общината за следващата година след дълъг дебат."
    first = _paged("Бюджетът", f"<p>{para}</p>", '<a href="/statia?page=2">2</a>')
    more = "Кметът благодари на съветниците и на гражданите за предложенията по проекта."
    second = _paged("Бюджетът", f"<p>{more}</p>", '<a href="/statia">1</a>')
    when = dt.datetime(2026, 3, 12, tzinfo=dt.UTC)
    conn = connect(tmp_path / "a.db", create=True)
    try:
        store = Store(conn)
        pages = [Page(one, one, 200, {}, first, "", "utf-8", when),
                 Page(two, moved, 200, {}, second, "", "utf-8", when)]  # fmt: skip
        whole, taken = joined(extract(first, one), [extract(second, moved)])
        assert taken == 1 and more in whole.text
        with conn:
            capture = store.save_capture(pages[0])
            later = [store.save_capture(pages[1])]
            store.upsert_article(whole, site="x.bg", url=one, capture_id=capture,
                                 fetched_at=when.isoformat())  # fmt: skip
            store.attach_captures(capture, later)
        report = reextract_archive(conn, workers=1)
        assert report.failed == 0
        (text,) = conn.execute("SELECT text FROM articles").fetchone()
        assert more in text  # not cut back to its first page
    finally:
        conn.close()


def test_reextract_decodes_a_page_as_the_crawl_did_by_its_header_charset(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A server saying windows-1251 only in its Content-Type header (no ``<meta>``): the
    crawl read the page by the header, and the capture keeps the encoding it used. The
    bytes alone sniff as another Cyrillic code page here (Р and Ш are other letters in
    mac-cyrillic), so a re-extraction that sniffed again would rewrite the title."""
    from newsarchive.fetch.charset import decode_html

    title = "Шествие в Русе"
    body = (
        "<p>Шофьорите от Русе и Разград минават през Шумен.</p><p>Работите приключват в петък.</p>"
    )
    page = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<time>12.03.2026</time>{body}</article></body></html>"
    ).encode("cp1251")
    assert decode_html(page)[1] != "cp1251"  # the bytes alone mislead (a short page)
    root = tmp_path / "site"
    (root / "novini").mkdir(parents=True)
    (root / "_mirror.json").write_text(
        '{"content_types": {".html": "text/html; charset=windows-1251"}}', encoding="utf-8"
    )
    (root / "robots.txt").write_text("User-agent: *\n", encoding="utf-8")
    (root / "index.html").write_bytes(
        '<html><body><a href="/novini/shestvie.html">Шествие</a></body></html>'.encode("cp1251")
    )
    (root / "novini" / "shestvie.html").write_bytes(page)
    profile = tmp_path / "zdravets.toml"
    profile.write_text(
        'id = "zdravets"\nname = "Община Здравец"\norigin = "https://zdravets.bg"\n\n'
        "[discovery]\nstart_urls = [\"/\"]\narticle_pattern = '^/novini/[^/]+$'\n",
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        crawl = run_cli(
            "crawl", "zdravets", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert crawl.exit_code == 0, crawl.stderr
    before = _export(run_cli, db)
    url = "https://zdravets.bg/novini/shestvie.html"
    assert before[url]["title"] == title  # read by the header, as a browser reads it

    result = run_cli("reextract", "--profile", str(profile), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("re-extracted: 0 changed, 1 unchanged")
    after = _export(run_cli, db)
    assert (after[url]["title"], after[url]["text"]) == (title, before[url]["text"])
    assert after[url]["text"].startswith("Шофьорите от Русе")


def test_a_stored_capture_reads_by_its_stored_encoding_and_its_bom_first() -> None:
    """``capture_text`` gives what the crawl's ``decode_html`` gave: the BOM left out."""
    from newsarchive.archive.store import capture_text
    from newsarchive.fetch.charset import decode_html

    page = "<p>Шествие в Русе</p>"
    assert capture_text(page.encode("cp1251"), "cp1251") == page
    for bom, name in ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le")):
        content = bom + page.encode(name)
        assert capture_text(content, decode_html(content)[1]) == page
    assert capture_text(page.encode("utf-8"), None) == page  # stored without one: sniffed
    assert capture_text(page.encode("utf-8"), "no-such-codec") == page
    # a cell edited by hand in Datasette: Python's codec that refuses every byte
    assert capture_text(page.encode("utf-8"), "undefined") == page


def test_reextract_names_a_site_whose_profile_it_was_not_given(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A site crawled with `--profile FILE` and reextracted without it was counted with
    the imported articles, "8 without a stored page or profile", exit 0: the user, who
    meant to apply an upgrade, learned neither which site nor what to do."""
    profile = tmp_path / "kalina.toml"
    profile.write_text('id = "kalina"\nname = "Община Калина"\norigin = "https://www.kalina.bg"\n')
    with MirrorServer(SITES / "kalina") as server:
        crawl = ("crawl", "kalina", "--profile", str(profile), "--base-url", server.url)
        assert run_cli(*crawl, "--delay", "0", "--db", str(db)).exit_code == 0
    archived = len(_export(run_cli, db))
    result = run_cli("reextract", "--db", str(db))
    assert result.exit_code == 0
    assert result.stdout.endswith(f"0 without a stored page, {archived} without a profile\n")
    assert result.stderr.splitlines() == [
        f"newsarchive: {archived} articles of site 'kalina' left as archived: no profile"
        " 'kalina' here; pass the one it was crawled with (--profile FILE)"
    ]
    given = run_cli("reextract", "--profile", str(profile), "--db", str(db))
    assert f"{archived} unchanged" in given.stdout and not given.stderr


def test_a_damaged_stored_page_is_named_and_the_rest_rebuilt_or_exported_whole(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], db: Path, tmp_path: Path
) -> None:
    """A byte flipped in one stored page (SQLite checks its own pages, not what a blob
    holds), or its stored fetch time or headers no longer what the archive writes:
    ``reextract`` said "internal error" (exit 70) and stopped, ``export --format warc``
    too. Now reextract names the page, rebuilds the rest and exits 1; the WARC export,
    all or nothing, says which page in one line and exits 2, its file not written; the
    articles are as archived."""
    import sqlite3

    crawl = run_cli(
        "crawl", "bta", "--base-url", mirror("bta").url, "--delay", "0", "--db", str(db)
    )
    assert crawl.exit_code == 0, crawl.stderr
    before = _export(run_cli, db)
    with sqlite3.connect(db) as conn:
        capture_id, url, content = conn.execute(
            "SELECT id, url, content FROM captures WHERE article_id IS NOT NULL ORDER BY id"
        ).fetchone()
        flipped = bytearray(content)
        flipped[len(flipped) // 2] ^= 0xFF
        conn.execute("UPDATE captures SET content = ? WHERE id = ?", (bytes(flipped), capture_id))
    said = f"the archive is damaged: the stored page of {url} (capture {capture_id}) cannot be read"
    result = run_cli("reextract", "--db", str(db))
    assert result.exit_code == 1, result.stderr
    assert f"0 changed, {len(before) - 1} unchanged, 1 failed" in result.stdout
    assert result.stderr.startswith(f"newsarchive: {said} (zlib: ")
    assert "internal error" not in result.stderr
    out = tmp_path / "all.warc.gz"
    export = run_cli("export", "--db", str(db), "--out", str(out))
    assert (export.exit_code, export.stderr.count("\n")) == (2, 1), export.stderr
    assert export.stderr.startswith(f"newsarchive: error: {said}")
    assert not out.exists()
    for column, value in (("fetched_at", "garbage"), ("headers", "[1, 2]")):
        with sqlite3.connect(db) as conn:
            conn.execute(
                f"UPDATE captures SET content = ?, {column} = ? WHERE id = ?",
                (content, value, capture_id),
            )
        export = run_cli("export", "--db", str(db), "--out", str(out))
        assert export.exit_code == 2 and said in export.stderr, (column, export.stderr)
    assert _export(run_cli, db) == before
