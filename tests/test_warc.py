"""WARC out and in: an export that standard tools read back byte for byte, the WARCs of
other tools (wget, Browsertrix, Common Crawl style) imported, damaged files imported up
to the damage, and crawl → export warc → import-warc giving the same articles."""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsarchive.mirror import MirrorServer

from .support import SITES, Result

Cli = Callable[..., Result]
RUSE24 = SITES / "ruse24"


def _crawl(run_cli: Cli, mirror: Callable[[str], MirrorServer], db: Path, site: str) -> None:
    server = mirror(site)
    result = run_cli("crawl", site, "--base-url", server.url, "--delay", "0", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    server.stop()


def _articles(run_cli: Cli, db: Path) -> dict[str, tuple[object, ...]]:
    result = run_cli("export", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    return {r["url"]: (r["site"], r["title"], r["published"], r["author"], r["text"]) for r in rows}


def test_crawl_export_warc_import_gives_the_same_articles(
    run_cli: Cli, mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    db, copy, warc = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "out.warc.gz"
    _crawl(run_cli, mirror, db, "bta")
    exported = run_cli("export", "--format", "warc", "--out", str(warc), "--db", str(db))
    assert exported.exit_code == 0, exported.stderr

    conn = sqlite3.connect(db)
    stored = {
        row[0]: zlib.decompress(row[1])
        for row in conn.execute(
            "SELECT final_url, content FROM captures WHERE article_id IS NOT NULL"
        )
    }
    articles = dict(conn.execute("SELECT capture_id, id FROM articles").fetchall())
    conn.close()
    assert f"exported {len(stored)} captures" in exported.stderr
    types: list[str] = []
    with warc.open("rb") as handle:
        for record in ArchiveIterator(handle, check_digests="raise"):
            types.append(record.rec_type)
            uri = record.rec_headers.get_header("WARC-Target-URI")
            if record.rec_type == "response":
                assert record.http_headers.get_statuscode() == "200"
                assert record.content_stream().read() == stored[uri]  # bytes identical
            elif record.rec_type == "metadata":
                meta = json.loads(record.content_stream().read())
                assert meta["url"] and meta["title"] and "date_source" in meta
                assert articles[meta["capture_id"]] == meta["id"]
    assert types[0] == "warcinfo"
    assert types.count("response") == types.count("request") == types.count("metadata")
    assert types.count("response") == len(stored)

    imported = run_cli("import-warc", str(warc), "--db", str(copy))
    assert imported.exit_code == 0, imported.stderr
    assert imported.stdout.startswith(f"imported {len(articles)} new, 0 updated")
    assert _articles(run_cli, copy) == _articles(run_cli, db)
    again = run_cli("import-warc", str(warc), "--db", str(copy))
    assert f"skipped {len(stored)} already archived" in again.stdout


def _write(path: Path, records: list[tuple[str, str, bytes, list[tuple[str, str]]]], *,
           gzip_records: bool, version: str = "WARC/1.0") -> None:  # fmt: skip
    """A WARC the way other tools write it: (type, uri, body, http headers) per record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip_records, warc_version=version)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "Wget/1.21"}))
        for kind, uri, body, headers in records:
            if kind == "response":
                status = headers[0][1]
                http = StatusAndHeaders(status, headers[1:], protocol="HTTP/1.1")
                record = writer.create_warc_record(
                    uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http
                )
            elif kind == "request":
                http = StatusAndHeaders(
                    f"GET {uri} HTTP/1.1", [("Host", "x")], is_http_request=True
                )
                record = writer.create_warc_record(
                    uri, "request", payload=io.BytesIO(b""), length=0, http_headers=http
                )
            else:
                record = writer.create_warc_record(
                    uri, kind, payload=io.BytesIO(body), length=len(body),
                    warc_content_type="text/plain",
                )  # fmt: skip
            writer.write_record(record)


ARTICLE = "https://www.ruse24.bg/novini/ruse/Podmenyat-vodoprovoda-v-selo-Nikolovo-2822575"
OTHER = "https://example.org/news/ruse-kej"


def _other_tools_records(chunked_gzip: bool) -> list[tuple[str, str, bytes, list[tuple[str, str]]]]:
    page = next(p for p in RUSE24.rglob("*") if p.is_file() and b"Nikolovo" in p.name.encode())
    body = page.read_bytes()
    headers = [("status", "200 OK"), ("Content-Type", "text/html; charset=utf-8")]
    if chunked_gzip:  # wget keeps the bytes as they came over the wire
        packed = gzip.compress(body)
        body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(packed), packed)
        headers += [("Content-Encoding", "gzip"), ("Transfer-Encoding", "chunked")]
    generic = (
        "<html><head><title>Нов кей в Русе</title>"
        '<meta property="article:published_time" content="2025-11-21T10:00:00+02:00"></head>'
        "<body><article><h1>Нов кей в Русе</h1>"
        + "<p>Пристанището на Русе получи нов кей за туристически кораби по Дунав.</p>" * 3
        + "</article></body></html>"
    ).encode()
    return [
        ("request", ARTICLE, b"", []),
        ("response", ARTICLE, body, headers),
        ("metadata", ARTICLE, b"outlinks: none", []),
        ("response", "https://www.ruse24.bg/logo.png", b"\x89PNG\r\n",
         [("status", "200 OK"), ("Content-Type", "image/png")]),
        ("response", "https://www.ruse24.bg/missing", b"<html>404</html>",
         [("status", "404 Not Found"), ("Content-Type", "text/html")]),
        ("response", OTHER, generic, [("status", "200 OK"), ("Content-Type", "text/html")]),
        ("resource", "urn:pageinfo:" + OTHER, b"{}", []),
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("style", "gzip_records", "chunked_gzip"),
    [("wget", False, True), ("common-crawl", True, False), ("browsertrix", True, False)],
)
def test_import_warc_of_other_tools(
    run_cli: Cli, tmp_path: Path, db: Path, style: str, gzip_records: bool, chunked_gzip: bool
) -> None:
    warc = tmp_path / f"{style}.warc{'.gz' if gzip_records else ''}"
    version = "WARC/1.1" if style == "browsertrix" else "WARC/1.0"
    _write(warc, _other_tools_records(chunked_gzip), gzip_records=gzip_records, version=version)
    result = run_cli("import-warc", str(warc), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "imported 2 new, 0 updated, 0 unchanged; skipped 1 not HTML, 1 not HTTP 200\n"
    )
    shown = run_cli("show", ARTICLE, "--format", "json", "--db", str(db)).json()
    assert isinstance(shown, dict)
    assert shown["site"] == "ruse24"  # the profile that claims the host
    assert shown["title"] == "Подменят водопровода в село Николово"
    other = run_cli("show", OTHER, "--format", "json", "--db", str(db)).json()
    assert isinstance(other, dict)
    assert other["site"] == "example.org"  # no profile: generic rules, site id = host
    assert other["title"] == "Нов кей в Русе" and "туристически кораби" in other["text"]
    assert other["published"] == "2025-11-21T10:00:00+02:00"
    # generic articles re-extract too (their site id says: no profile)
    again = run_cli("reextract", "--workers", "1", "--db", str(db))
    assert again.stdout.startswith("re-extracted: 0 changed, 2 unchanged, 0 failed")


@pytest.mark.parametrize("gzip_records", [True, False])
def test_truncated_warc_keeps_what_came_before_and_names_the_offset(
    run_cli: Cli, tmp_path: Path, db: Path, gzip_records: bool
) -> None:
    whole = tmp_path / "whole.warc"
    _write(whole, _other_tools_records(False), gzip_records=gzip_records)
    data = whole.read_bytes()
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[: int(len(data) * 0.9)])  # inside the generic page's response
    result = run_cli("import-warc", str(cut), "--db", str(db))
    assert result.exit_code == 1
    assert result.stdout.startswith("imported 1 new")  # the ruse24 article, before the cut
    [line] = result.stderr.splitlines()
    assert line.startswith(f"newsarchive: error: {cut}: unreadable from byte ")
    offset = int(line.split("from byte ")[1].split()[0])
    assert 0 < offset < len(data) * 0.9
    assert run_cli("show", ARTICLE, "--db", str(db)).exit_code == 0
    assert run_cli("show", OTHER, "--db", str(db)).exit_code == 2  # never half a page


def test_import_warc_bad_files_are_one_line(run_cli: Cli, tmp_path: Path, db: Path) -> None:
    missing = run_cli("import-warc", str(tmp_path / "none.warc"), "--db", str(db))
    assert missing.exit_code == 2
    assert (
        missing.stderr
        == f"newsarchive: error: cannot read {tmp_path / 'none.warc'}: no such file\n"
    )
    assert not db.exists()
    loop = tmp_path / "loop.warc"  # (was "no such file")
    loop.symlink_to(loop)
    looped = run_cli("import-warc", str(loop), "--db", str(db))
    assert looped.exit_code == 2 and looped.stderr == (
        f"newsarchive: error: cannot read {loop}: Too many levels of symbolic links\n"
    )
    # '-' is stdin to import-jsonl and extract; here it was "cannot read -: no such file"
    dash = run_cli("import-warc", "-", "--db", str(db))
    assert dash.exit_code == 2 and dash.stderr == (
        "newsarchive: error: import-warc reads WARC files, not stdin ('-'): save it to a file"
        " first\n"
    )
    assert not db.exists()
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"\x00\x01 not a warc at all " * 50)
    result = run_cli("import-warc", str(junk), "--db", str(db))
    assert result.exit_code == 2  # a wrong file, like a missing one: nothing was read
    assert result.stderr == (
        f"newsarchive: error: {junk} is not a WARC file (it starts with neither 'WARC/'"
        " nor gzip); nothing imported\n"
    )
    assert not db.exists()
    bad_length = tmp_path / "bad-length.warc"
    bad_length.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: abc\r\n\r\n")
    result = run_cli("import-warc", str(bad_length), "--db", str(db))
    assert result.exit_code == 1
    assert "from byte 0 on (a record without a valid Content-Length)" in result.stderr


def test_export_warc_needs_out_and_a_known_site(run_cli: Cli, tmp_path: Path, db: Path) -> None:
    record = {"site": "nsorb", "url": "https://namrb.org/bg/a-1", "title": "Т", "text": "А"}
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps(record) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    no_out = run_cli("export", "--format", "warc", "--db", str(db))
    assert no_out.exit_code == 2 and "give --out FILE" in no_out.stderr
    out = tmp_path / "x.warc.gz"
    bad = run_cli(
        "export", "--format", "warc", "--site", "nope", "--out", str(out), "--db", str(db)
    )
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1 and not out.exists()
    # an imported article has no stored page: a valid WARC with the warcinfo record only
    empty = run_cli("export", "--format", "warc", "--out", str(out), "--db", str(db))
    assert empty.exit_code == 0 and "exported 0 captures" in empty.stderr
    with out.open("rb") as handle:
        assert [r.rec_type for r in ArchiveIterator(handle)] == ["warcinfo"]
    unwritable = run_cli(
        "export", "--format", "warc", "--out", str(tmp_path / "no" / "x.warc.gz"), "--db", str(db)
    )
    assert unwritable.exit_code == 2 and unwritable.stderr.startswith(
        "newsarchive: error: cannot write"
    )


def _dated_response(writer: WARCWriter, uri: str, body: bytes, date: str) -> None:
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(
        writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=http,
            warc_headers_dict={"WARC-Date": date},
        )
    )  # fmt: skip


def test_captures_of_one_page_over_time_become_its_history(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    def page(amount: str) -> bytes:
        return (
            "<html><head><title>Бюджетът на Русе</title></head><body><article>"
            "<h1>Бюджетът на Русе</h1>"
            + f"<p>Общинският съвет прие бюджет от {amount} милиона лева за годината.</p>" * 3
            + "</article></body></html>"
        ).encode()

    march, january = tmp_path / "march.warc.gz", tmp_path / "january.warc.gz"
    with march.open("wb") as out:
        _dated_response(WARCWriter(out, gzip=True), OTHER, page("120"), "2026-03-01T08:00:00Z")
    with january.open("wb") as out:
        _dated_response(WARCWriter(out, gzip=True), OTHER, page("100"), "2026-01-10T08:00:00Z")
    assert run_cli("import-warc", str(march), "--db", str(db)).exit_code == 0
    older = run_cli("import-warc", str(january), "--db", str(db))  # history arrives late
    assert older.exit_code == 0 and older.stdout.startswith("imported 0 new, 0 updated, 1 unch")
    shown = run_cli("show", OTHER, "--format", "json", "--db", str(db)).json()
    assert isinstance(shown, dict)
    assert "120 милиона" in shown["text"]  # the newest capture stays the current version
    [earlier] = shown["revisions"]
    assert "100 милиона" in earlier["text"] and earlier["seen_at"].startswith("2026-01-10")
    diff = run_cli("show", OTHER, "--diff", "--db", str(db))
    assert "[-100-]{+120+}" in diff.stdout
    again = run_cli("import-warc", str(january), str(march), "--db", str(db))
    assert "skipped 2 already archived" in again.stdout
    assert len(run_cli("show", OTHER, "--format", "json", "--db", str(db)).json()["revisions"]) == 1  # type: ignore[index]


def test_a_response_record_without_a_target_uri_is_damage_not_a_crash(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    """warcio raised AttributeError reading a response record with no WARC-Target-URI."""
    warc = tmp_path / "no-uri.warc"
    _write(warc, _other_tools_records(False), gzip_records=False, version="WARC/1.0")
    data = warc.read_bytes()
    assert data.count(b"WARC-Target-URI:") > 1
    warc.write_bytes(data.replace(b"WARC-Target-URI:", b"X-Nothing-Here-:"))
    result = run_cli("import-warc", str(warc), "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert (
        " on (an unreadable record (a required WARC header missing or malformed)); the records"
        " before it were imported\n"
    ) in result.stderr
    assert "NoneType" not in result.stderr  # (Python's words, read as the tool's bug)


@pytest.mark.parametrize(
    ("site", "name", "origin"),
    [
        ("gorsko-pole", "Кметство Горско поле", "https://kmetstvo-gorskopole.bg"),
        ("bistrets", "Вестник „Бистрец“", "https://vestnik-bistrets.bg"),
    ],
)
def test_an_imported_warc_is_read_as_the_crawl_read_its_pages(
    run_cli: Cli, tmp_path: Path, site: str, name: str, origin: str
) -> None:
    """The crawl archives a page of items in full as its items (gorsko-pole) and an
    article over pages once, whole, under its first page (bistrets); its own WARC read
    back must give those rows, not one article holding every item or a later page as a
    headless article of its own."""
    db, copy, warc = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "out.warc.gz"
    profile = tmp_path / f"{site}.toml"
    profile.write_text(f'id = "{site}"\nname = "{name}"\norigin = "{origin}"\n', encoding="utf-8")
    with MirrorServer(SITES / site) as server:
        crawled = run_cli("crawl", site, "--profile", str(profile), "--base-url", server.url,
                          "--delay", "0", "--db", str(db))  # fmt: skip
        assert crawled.exit_code == 0, crawled.stderr
    exported = run_cli("export", "--format", "warc", "--out", str(warc), "--db", str(db))
    assert exported.exit_code == 0, exported.stderr
    imported = run_cli("import-warc", str(warc), "--profile", str(profile), "--db", str(copy))
    assert imported.exit_code == 0, imported.stderr
    assert _articles(run_cli, copy) == _articles(run_cli, db)
    again = run_cli("import-warc", str(warc), "--profile", str(profile), "--db", str(copy))
    assert again.exit_code == 0 and again.stdout.startswith("imported 0 new, 0 updated")


def test_a_response_under_a_malformed_address_is_skipped_not_a_crash(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    """A record whose WARC-Target-URI urlsplit refuses ('http://[::1') was an internal
    error (70), and nothing of the file was archived."""
    body = (
        "<html><head><title>Бюджетът на Русе</title></head><body><article><h1>Бюджетът на"
        " Русе</h1>" + "<p>Общинският съвет прие бюджета за годината.</p>" * 3 + "</article>"
        "</body></html>"
    ).encode()
    warc = tmp_path / "odd.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        _dated_response(writer, "http://[::1/novini/1", body, "2026-03-01T08:00:00Z")
        _dated_response(writer, OTHER, body, "2026-03-01T08:00:00Z")
    result = run_cli("import-warc", str(warc), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("imported 1 new")
    assert "skipped 1 under no http(s) address" in result.stdout


def test_import_warc_says_records_kept_under_another_site_as_import_jsonl_does(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    """The archive holds the article under ``ruse-old`` (renamed since), the WARC's
    record is ``ruse24``'s by its host: it stays where it is, counted unchanged, and the
    import says so in the line import-jsonl says it with, where it said nothing."""
    first, later = tmp_path / "first.warc", tmp_path / "later.warc"
    records = _other_tools_records(False)
    _write(first, records, gzip_records=False)
    # the same pages fetched again later (a capture of other bytes, the same article)
    _write(later, [(kind, uri, body + b"<!-- later -->", headers)
                   for kind, uri, body, headers in records if kind == "response"],
           gzip_records=False)  # fmt: skip
    assert run_cli("import-warc", str(first), "--db", str(db)).exit_code == 0
    assert run_cli("rename-site", "ruse24", "ruse-old", "--db", str(db)).exit_code == 0
    again = run_cli("import-warc", str(later), "--db", str(db))
    assert again.exit_code == 0, again.stderr
    assert again.stdout.startswith("imported 0 new, 0 updated, 2 unchanged"), again.stdout
    assert again.stderr == (
        "newsarchive: 1 imported record(s) belong to a site other than the one the"
        f" archive holds their address under, and stay there (first: {ARTICLE} is"
        " ruse-old's here, ruse24's in the file); rename-site moves a whole site\n"
    )
    shown = run_cli("show", ARTICLE, "--format", "json", "--db", str(db)).json()
    assert isinstance(shown, dict) and shown["site"] == "ruse-old"


def test_a_record_that_inflates_past_the_page_cap_is_skipped_and_the_rest_imported(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    """A .warc.gz of a few hundred KB whose one record inflates to 32 MiB of zeros (a
    gzip bomb: 1 GB of them held 3 GB of memory) was read whole into memory; it is read
    up to what a crawl reads of a page, skipped as larger than that, and the page after
    it is imported."""
    size = 32 * 1024 * 1024
    http = f"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {size}\r\n\r\n"
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://www.bomb.bg/a\r\n"
        "WARC-Date: 2026-06-01T10:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:0a1b2c3d-0000-4000-8000-0000000000b1>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http) + size}\r\n\r\n"
    )
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # one gzip member, as a .warc.gz record
    bomb = packer.compress((head + http).encode())
    for _ in range(size // (1 << 20)):
        bomb += packer.compress(b"\0" * (1 << 20))
    bomb += packer.compress(b"\r\n\r\n") + packer.flush()
    page = (
        "<html><head><title>Общината ремонтира моста</title></head><body><article>"
        "<h1>Общината ремонтира моста</h1><p>"
        + "Общината започва ремонт на моста над реката през април. " * 8
        + "</p></article></body></html>"
    ).encode()
    after = tmp_path / "after.warc.gz"
    header = [("status", "200 OK"), ("Content-Type", "text/html; charset=utf-8")]
    _write(after, [("response", "https://www.bomb.bg/b", page, header)], gzip_records=True)
    warc = tmp_path / "bomb.warc.gz"
    warc.write_bytes(bomb + after.read_bytes())
    assert len(warc.read_bytes()) < 1024 * 1024
    result = run_cli("import-warc", str(warc), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == (
        "imported 1 new, 0 updated, 0 unchanged; skipped 1 larger than 10,485,760 bytes"
        " (the most a crawl reads of a page)\n"
    )
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT url, title FROM articles").fetchall() == [
            ("https://www.bomb.bg/b", "Общината ремонтира моста")
        ]


def test_a_response_at_a_host_no_server_can_have_is_kept_as_import_jsonl_keeps_it(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    """import-warc skipped records whose host no server can have ("a..bg", a dotted number
    no IPv4 address is, a 64-letter label), where import-jsonl keeps such records with one
    warning: the same page was lost or kept by the format it came in. Nothing is fetched
    from a record, so both keep it, and its export imports again."""
    hosts = ["https://a..bg/novini/1", "http://256.1.1.1/novini/2", f"https://{'b' * 64}.bg/n/3"]
    warc = tmp_path / "odd-hosts.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, uri in enumerate([*hosts, OTHER]):
            body = (
                f"<html><head><title>Бюджетът на Русе {number}</title></head><body><article>"
                f"<h1>Бюджетът на Русе {number}</h1>"
                + f"<p>Общинският съвет прие бюджет номер {number} за годината.</p>" * 3
                + "</article></body></html>"
            ).encode()
            _dated_response(writer, uri, body, "2026-03-01T08:00:00Z")
    result = run_cli("import-warc", str(warc), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("imported 4 new"), result.stdout
    assert "under no http(s) address" not in result.stdout
    warned = [line for line in result.stderr.splitlines() if "no server can have" in line]
    assert len(warned) == 1 and "3 imported record(s)" in warned[0], result.stderr
    assert sorted(_articles(run_cli, db)) == sorted([*hosts, OTHER])
    source = tmp_path / "out.jsonl"
    assert run_cli("export", "--out", str(source), "--db", str(db)).exit_code == 0
    copy = tmp_path / "copy.db"
    again = run_cli("import-jsonl", str(source), "--db", str(copy))
    assert again.exit_code == 0, again.stderr
    assert _articles(run_cli, copy) == _articles(run_cli, db)


def test_a_record_at_a_sites_cyrillic_host_is_read_by_its_profile(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    """A ``.бг`` site's pages are addressed both ways (its CMS writes the punycode, a
    browser's bar the Cyrillic), and the crawl takes both for the site (``on_site``,
    ``hosts.ascii_host``); import-warc matched a record's host as spelled, so one at the
    Cyrillic spelling missed the profile naming the punycode one and was archived under a
    generic site of its own."""
    profile = tmp_path / "primer.toml"
    profile.write_text(
        'id = "primer"\nname = "Община Пример"\norigin = "https://xn--80abnkbyefnkd3h.xn--90ae"\n',
        encoding="utf-8",
    )
    warc = tmp_path / "cyrillic.warc.gz"
    uris = ["https://общинапример.бг/novini/1", "https://xn--80abnkbyefnkd3h.xn--90ae/novini/2"]
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, uri in enumerate(uris, 1):
            body = (
                f"<html><head><title>Ремонт на улица {number}</title></head><body><article>"
                f"<h1>Ремонт на улица {number}</h1>"
                + f"<p>Общината започна ремонта на улица номер {number} този месец.</p>" * 3
                + "</article></body></html>"
            ).encode()
            _dated_response(writer, uri, body, "2026-03-01T08:00:00Z")
    result = run_cli("import-warc", str(warc), "--profile", str(profile), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert {row[0] for row in _articles(run_cli, db).values()} == {"primer"}


def test_a_record_whose_address_carries_a_port_or_a_login_is_filed_under_its_site(
    run_cli: Cli, tmp_path: Path, db: Path
) -> None:
    """A WARC tool may write the default port (``https://www.ruse24.bg:443/…``) or a
    login (``http://user@ruse24.bg/…``) into the address; the crawl's spelling has
    neither. Matched as written, the record missed its site's profile and was archived
    under a generic site of that spelling, beside the crawl's copy of the same page."""
    uris = [
        "https://www.ruse24.bg:443/novini/ruse/remont-na-ulitsa-1",
        "http://reader@ruse24.bg/novini/ruse/remont-na-ulitsa-2",
        "http://reader:secret@www.ruse24.bg:80/novini/ruse/remont-na-ulitsa-3",
    ]
    warc = tmp_path / "ports.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, uri in enumerate(uris, 1):
            body = (
                f"<html><head><title>Ремонт на улица {number}</title></head><body><article>"
                f"<h1>Ремонт на улица {number}</h1>"
                + f"<p>Общината започна ремонта на улица номер {number} този месец.</p>" * 3
                + "</article></body></html>"
            ).encode()
            _dated_response(writer, uri, body, "2026-03-01T08:00:00Z")
    result = run_cli("import-warc", str(warc), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("imported 3 new"), result.stdout
    articles = _articles(run_cli, db)
    assert {row[0] for row in articles.values()} == {"ruse24"}, articles
    assert sorted(articles) == [
        "http://ruse24.bg/novini/ruse/remont-na-ulitsa-2",
        "http://www.ruse24.bg/novini/ruse/remont-na-ulitsa-3",
        "https://www.ruse24.bg/novini/ruse/remont-na-ulitsa-1",
    ]
    assert not any("secret" in url or "reader" in url for url in articles)


@pytest.mark.parametrize(
    ("sites", "filed_as"),
    [
        (
            (("obshtina", "obshtina/"), ("chitalishte", "chitalishte/")),
            {
                "https://spodeleno.bg/obshtina/novini/1": "obshtina",
                "https://spodeleno.bg/chitalishte/novini/2": "chitalishte",
            },
        ),
        # the host's own site read first: its root is on_site for every path of the host
        (
            (("spodeleno", ""), ("obshtina", "obshtina/")),
            {
                "https://spodeleno.bg/novini/1": "spodeleno",
                "https://spodeleno.bg/obshtina/novini/2": "obshtina",
            },
        ),
    ],
)
def test_records_of_two_sites_in_folders_of_one_host_are_filed_by_folder(
    run_cli: Cli,
    tmp_path: Path,
    db: Path,
    sites: tuple[tuple[str, str], ...],
    filed_as: dict[str, str],
) -> None:
    """Two profiles in folders of one host (``https://x.bg/obshtina/``, ``.../chitalishte/``),
    or one of the host's root and one of a folder: import-warc filed a record by its host
    alone, so the last profile read took both sites' pages; each is its folder's
    (``on_site``), the deepest folder's first."""
    profiles = []
    for site, folder in sites:
        profile = tmp_path / f"{site}.toml"
        profile.write_text(
            f'id = "{site}"\nname = "{site}"\norigin = "https://spodeleno.bg/{folder}"\n',
            encoding="utf-8",
        )
        profiles += ["--profile", str(profile)]
    warc = tmp_path / "shared.warc.gz"
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for number, (_, folder) in enumerate(sites, 1):
            body = (
                f"<html><head><title>Ремонт на улица {number}</title></head><body><article>"
                f"<h1>Ремонт на улица {number}</h1>"
                + f"<p>Започна ремонтът на улица номер {number} в града този месец.</p>" * 3
                + "</article></body></html>"
            ).encode()
            uri = f"https://spodeleno.bg/{folder}novini/{number}"
            _dated_response(writer, uri, body, "2026-03-01T08:00:00Z")
    result = run_cli("import-warc", str(warc), *profiles, "--db", str(db))
    assert result.exit_code == 0, result.stderr
    filed = {url: row[0] for url, row in _articles(run_cli, db).items()}
    assert filed == filed_as
