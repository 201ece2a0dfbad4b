"""A page body gzip-compressed with no ``Content-Encoding`` saying so is the page it wraps
(``fetch.gzipped``): crawled, extracted from a file, imported from a WARC. Each was read
as HTML before, and archived as an untitled article of noise."""

from __future__ import annotations

import gzip
import random
import sqlite3
import zlib
from collections.abc import Callable
from pathlib import Path

from newsarchive.archive.store import capture_text
from newsarchive.fetch.charset import decode_html
from newsarchive.fetch.documents import looks_like_html
from newsarchive.fetch.gzipped import undeclared_gzip

from .faultserver import article_html
from .hostileserver import HostileServer, response
from .support import Result
from .test_two_spellings import SITE, _crawl, _site

Cli = Callable[..., Result]


def _rows(db: Path) -> list[tuple[str, str, str]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT url, title, substr(text, 1, 22) FROM articles"))


def test_a_crawled_page_gzipped_without_its_header_is_archived_as_its_article(
    run_cli: Cli, db: Path
) -> None:
    """Two articles served as ``text/html``, one of them gzip bytes with no
    ``Content-Encoding``: both archived with their titles and text, and ``reextract``
    of the stored pages (kept as sent) finds the same."""
    pages = {
        "/news/101-a": response(body=article_html(101)),
        "/news/102-b": response(body=gzip.compress(article_html(102))),
    }
    with HostileServer(_site(list(pages), pages)) as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    expected = [
        (f"{SITE}/news/101-a", "Новина номер 101 от общината", "Абзац 1 на статия 101:"),
        (f"{SITE}/news/102-b", "Новина номер 102 от общината", "Абзац 1 на статия 102:"),
    ]
    assert _rows(db) == expected
    again = run_cli("reextract", "--profile", str(db.parent / "fault.toml"), "--db", str(db))
    assert again.exit_code == 0, again.stderr
    assert "0 changed, 2 unchanged" in again.stdout
    assert _rows(db) == expected


def test_extract_reads_a_gzipped_page_file_and_a_page_with_a_stray_zero_byte(
    run_cli: Cli, tmp_path: Path
) -> None:
    """``extract page.html.gz`` said "does not look like an HTML page", and so did a page
    with a zero byte in a paragraph (a CMS's broken string), which a crawl reads."""
    zipped = tmp_path / "page.html.gz"
    zipped.write_bytes(gzip.compress(article_html(7)))
    stray = tmp_path / "stray.html"
    stray.write_bytes(article_html(8).replace(b"<p>", b"<p>\x00", 1))
    for path, number in ((zipped, 7), (stray, 8)):
        result = run_cli("extract", str(path), "--format", "text")
        assert result.exit_code == 0, result.stderr
        assert f"Новина номер {number} от общината" in result.stdout


def _warc_record(url: str, body: bytes, content_type: str) -> bytes:
    typed = f"Content-Type: {content_type}\r\n" if content_type else ""
    http = f"HTTP/1.1 200 OK\r\n{typed}Content-Length: {len(body)}\r\n\r\n".encode() + body
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {url}\r\nWARC-Date: 2026-06-01T10:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:0a1b2c3d-0000-4000-8000-000000000001>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http)}\r\n\r\n"
    ).encode()
    return head + http + b"\r\n\r\n"


def test_import_warc_reads_a_gzipped_body_and_a_typeless_page_with_a_zero_byte(
    run_cli: Cli, tmp_path: Path
) -> None:
    """A record whose body a tool kept compressed without its header, and one with no
    Content-Type whose page holds a stray zero byte (it was skipped as "not HTML")."""
    warc = tmp_path / "two.warc"
    warc.write_bytes(
        _warc_record(f"{SITE}/news/201-a", gzip.compress(article_html(201)), "text/html")
        + _warc_record(f"{SITE}/news/202-b", article_html(202).replace(b"<p>", b"<p>\x00"), "")
    )
    db = tmp_path / "w.db"
    result = run_cli("import-warc", str(warc), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("imported 2 new"), result.stdout
    assert [title for _, title, _ in _rows(db)] == [
        "Новина номер 201 от общината",
        "Новина номер 202 от общината",
    ]


def test_import_warc_reads_a_utf16_page_without_a_bom_typeless_or_labelled_utf8(
    run_cli: Cli, tmp_path: Path
) -> None:
    """A record with no Content-Type whose page is UTF-16 with no byte order mark was
    skipped as "not HTML" (the sniff saw a zero byte before its first tag), and one
    labelled ``charset=utf-8`` (a server's default) was read with a NUL beside every
    letter and not archived: each is read as the crawl reads it (``undeclared_utf16``)."""
    warc = tmp_path / "wide.warc"
    warc.write_bytes(
        _warc_record(f"{SITE}/news/301-a", article_html(301).decode().encode("utf-16-le"), "")
        + _warc_record(
            f"{SITE}/news/302-b",
            article_html(302).decode().replace("©", "(c)").encode("utf-16-be"),  # (UTF-8 too)
            "text/html; charset=utf-8",
        )
    )
    db = tmp_path / "w.db"
    result = run_cli("import-warc", str(warc), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("imported 2 new"), result.stdout
    assert _rows(db) == [
        (f"{SITE}/news/301-a", "Новина номер 301 от общината", "Абзац 1 на статия 301:"),
        (f"{SITE}/news/302-b", "Новина номер 302 от общината", "Абзац 1 на статия 302:"),
    ]


def test_a_gzip_bomb_inflates_no_further_than_the_limit() -> None:
    bomb = gzip.compress(b"<p>" + b"\x00" * (64 * 1024 * 1024), 9)
    assert len(undeclared_gzip(bomb, 1000)) == 1000
    assert len(undeclared_gzip(bomb)) == 10 * 1024 * 1024


def test_what_is_no_gzip_passes_and_broken_gzip_is_no_page() -> None:
    page = article_html(3)
    assert undeclared_gzip(page) is page
    zipped = gzip.compress(page)
    half = undeclared_gzip(zipped[: len(zipped) // 2])  # what came of a stream cut short
    assert half and page.startswith(half)
    broken = zipped[:10] + b"\xff" * 40
    assert undeclared_gzip(broken) == b""
    assert decode_html(broken)[0] == ""


def test_the_sniff_still_refuses_binary_and_reads_utf16_without_a_bom_as_the_crawl_does() -> None:
    """UTF-16 with no byte order mark is markup by the crawl's one rule
    (``undeclared_utf16``); binary bytes, zeros on one side or not, are none."""
    assert not looks_like_html(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR<html>")
    for codec in ("utf-16-le", "utf-16-be"):
        assert looks_like_html("<html><body><p>текст</p>".encode(codec))
        assert looks_like_html(gzip.compress(article_html(4).decode().encode(codec)))
    noise = random.Random(5)
    assert not looks_like_html(bytes(b for _ in range(2000) for b in (noise.randrange(256), 0)))
    assert not looks_like_html(b"<html>".join(bytes((noise.randrange(256), 0)) for _ in range(999)))
    assert not looks_like_html(gzip.compress(b"\x00\x01 binary"))
    assert not looks_like_html(zlib.compress(article_html(4)))  # zlib, not gzip: no page
    assert looks_like_html(b"<html><body><p>a\x00b</p></body></html>")


def test_a_stored_capture_is_unwrapped_once_as_the_crawl_unwrapped_it() -> None:
    """``capture_text`` (reextract's reader) reads a stored gzipped capture as the crawl
    read it: once unwrapped, with or without the encoding the crawl stored, so a body
    gzipped twice reads alike in both (it was unwrapped twice without one)."""
    page = article_html(5)
    once, twice = gzip.compress(page), gzip.compress(gzip.compress(page))
    assert capture_text(once, None) == decode_html(once)[0] == page.decode()
    assert capture_text(once, "utf-8") == page.decode()
    assert capture_text(twice, None) == decode_html(twice)[0] != page.decode()


def test_a_page_whose_gzip_checksum_fails_is_read_as_a_sitemap_is() -> None:
    """One rule for a gzip file a server hands over (``gzip_file``): what inflated before
    the damage stands. A checksum that failed after the whole page gave no page at all."""
    page = ("<html><title>Новина</title><p>" + "Текст на новината. " * 200 + "</p>").encode()
    packed = gzip.compress(page)
    assert undeclared_gzip(packed[:-8] + bytes(4) + packed[-4:]) == page
    assert undeclared_gzip(packed[:-8] + bytes(4) + packed[-4:], 100) == page[:100]
