"""``export --format warc``: every capture of the chosen articles as a standard WARC file.

Per capture three records (WARC 1.1 via warcio, gzip per record): a ``request`` (the
archive keeps no request headers, so a minimal GET), the ``response`` with the original
status line, headers and body bytes, and a ``metadata`` record (JSON) that ties the
response to the article extracted from it. The body is stored as fetched after HTTP
decoding (the fetcher undoes gzip and deflate, httpx chunking), so ``Content-Encoding``/
``Transfer-Encoding`` are dropped and ``Content-Length`` is set to the bytes written: a
reader that honoured them would otherwise try to decode plain bytes again.
"""

from __future__ import annotations

import datetime as dt
import http
import io
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any
from urllib.parse import urlsplit

from newsarchive import __version__
from newsarchive.archive.store import (
    DamagedCapture,
    Filters,
    fetch_moment,
    stored_body,
    stored_moment,
)

METADATA_TYPE = "application/json; profile=newsarchive-article"
_HOP_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass(frozen=True)
class Capture:
    id: int
    url: str
    final_url: str
    status: int
    headers: dict[str, str]
    content: bytes
    fetched_at: str
    article: dict[str, Any]


def captures(conn: sqlite3.Connection, filters: Filters) -> Iterator[Capture]:
    """The captures behind the articles ``filters`` selects, oldest first (``conn`` is a
    reader: the archive is at the current schema, ``date_source`` and all)."""
    where, params = filters.sql("a")
    rows = conn.execute(
        "SELECT c.id, c.url, c.final_url, c.status, c.headers, c.content, c.fetched_at,"
        " a.id, a.site, a.url, a.title, a.published, a.date_source, a.extractor,"
        " a.capture_id FROM captures c JOIN articles a ON a.id = c.article_id"
        f" WHERE c.content IS NOT NULL AND {where} ORDER BY c.id",
        params,
    )
    for row in rows:
        article = dict(
            zip(
                ("id", "site", "url", "title", "published", "date_source", "extractor"),
                row[7:14],
                strict=True,
            )
        )
        # An older capture of an edited article is not where the current text came from.
        article["extracted_from_this_capture"] = row[14] == row[0]
        stored_moment(row[6], row[0], row[1])  # (its WARC-Date: a time, or damaged)
        try:
            urlsplit(row[2])  # (its WARC-Target-URI, and the request's Host and path)
        except (ValueError, TypeError) as exc:
            raise DamagedCapture(row[0], row[1], f"its address {row[2]!r}: {exc}") from None
        yield Capture(
            row[0], row[1], row[2], row[3], _headers(row[4], row[0], row[1]),
            stored_body(row[5], row[0], row[1]), row[6], article,
        )  # fmt: skip


def _headers(stored: str | None, capture_id: int, url: str) -> dict[str, str]:
    """A capture's stored response headers (a JSON object of strings), or
    ``DamagedCapture``."""
    try:
        headers = json.loads(stored or "{}")
    except ValueError as exc:
        raise DamagedCapture(capture_id, url, f"its headers: {exc}") from None
    if not isinstance(headers, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in headers.items()
    ):
        raise DamagedCapture(capture_id, url, "its headers are no JSON object of strings")
    return headers


def write_warc(conn: sqlite3.Connection, filters: Filters, out: IO[bytes]) -> int:
    """Write the WARC to ``out``; returns how many captures it holds."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(out, gzip=True, warc_version="WARC/1.1")
    info = {"software": f"newsarchive {__version__}", "format": "WARC File Format 1.1"}
    writer.write_record(writer.create_warcinfo_record("newsarchive-export.warc.gz", info))
    count = 0
    for capture in captures(conn, filters):
        when = _warc_date(capture.fetched_at)
        target = capture.final_url
        parts = urlsplit(target)
        path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        request = writer.create_warc_record(
            target, "request", payload=io.BytesIO(b""), length=0,
            warc_headers_dict={"WARC-Date": when},
            http_headers=StatusAndHeaders(
                f"GET {path} HTTP/1.1", [("Host", parts.netloc)], is_http_request=True
            ),
        )  # fmt: skip
        headers = [(k, v) for k, v in capture.headers.items() if k.lower() not in _HOP_HEADERS]
        headers.append(("Content-Length", str(len(capture.content))))
        response = writer.create_warc_record(
            target, "response", payload=io.BytesIO(capture.content),
            length=len(capture.content), warc_headers_dict={"WARC-Date": when},
            http_headers=StatusAndHeaders(_status_line(capture.status), headers,
                                          protocol="HTTP/1.1"),
        )  # fmt: skip
        response_id = response.rec_headers.get_header("WARC-Record-ID")
        request.rec_headers.add_header("WARC-Concurrent-To", response_id)
        metadata = json.dumps(
            {**capture.article, "capture_id": capture.id, "requested_url": capture.url},
            ensure_ascii=False,
        ).encode("utf-8")
        meta = writer.create_warc_record(
            target, "metadata", payload=io.BytesIO(metadata), length=len(metadata),
            warc_content_type=METADATA_TYPE,
            warc_headers_dict={"WARC-Date": when, "WARC-Refers-To": response_id},
        )  # fmt: skip
        for record in (response, request, meta):
            writer.write_record(record)
        count += 1
    return count


def _status_line(status: int) -> str:
    try:
        reason = http.HTTPStatus(status).phrase
    except ValueError:
        reason = "Unknown"
    return f"{status} {reason}"


def _warc_date(fetched_at: str) -> str:
    """WARC-Date: UTC, ISO 8601 with a Z (what every WARC reader expects)."""
    return fetch_moment(fetched_at).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
