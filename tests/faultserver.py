"""A fault-injecting news site on 127.0.0.1 for crawler tests.

Listing pages ``/news`` and ``/news?p=N`` link to articles ``/news/<id>-<slug>``, newest
first. Normal articles are generated; with ``faults=True`` page 1 also links to one article
per failure mode (see ``FAULTS``). Every request is recorded (path, headers) and the
server tracks how many requests were in flight at once.
"""

from __future__ import annotations

import email.utils
import hashlib
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

ORIGIN = "https://fault.example"
ROBOTS = "User-agent: *\nDisallow: /news/900-private\n"

# article id -> what the server does with it
FAULTS = {
    101: "ok",
    102: "retry-after",  # 503 + Retry-After once, then 200
    103: "flaky",  # 500 twice, then 200
    104: "slow",  # always slower than the client timeout
    105: "reset",  # connection dropped mid-body once, then 200
    106: "gone",  # 404
    107: "loop",  # redirect loop
    108: "huge",  # bigger than the size cap (no Content-Length)
    109: "cp1251",  # windows-1251, charset only in <meta>
    900: "private",  # disallowed by robots.txt
}
ARCHIVABLE_FAULTS = {101, 102, 103, 105, 109}
FAILING_FAULTS = {104, 107, 108}

PROFILE = """\
id = "fault"
name = "Fault test site"
origin = "https://fault.example"

[discovery]
start_urls = ["/news"]
article_pattern = '^/news/\\d{3,}-[^/]*$'
pagination = "?p={page}"
max_pages = 0

[extract]
title = ["h1"]
body = ["article .body"]
"""

CP1251_TITLE = "Община Русе обяви нов конкурс за читалищата"


def write_profile(folder: Path, *, feed: bool = False) -> Path:
    """The fault site's profile; ``feed`` adds the RSS feed (``FaultServer.feed_items``)."""
    path = folder / "fault.toml"
    text = PROFILE.replace('start_urls = ["/news"]', 'start_urls = ["/news"]\nfeeds = ["/rss"]')
    path.write_text(text if feed else PROFILE, encoding="utf-8")
    return path


def article_url(article_id: int) -> str:
    return f"{ORIGIN}/news/{article_id}-{_slug(article_id)}"


def _slug(article_id: int) -> str:
    return FAULTS.get(article_id, "story") + f"-{article_id}"


def _published(article_id: int) -> str:
    """``article_html``'s date, as an RSS ``pubDate``."""
    return f"{1 + article_id % 28:02d} Jun 2026 10:00:00 +0300"


def article_html(
    article_id: int, title: str | None = None, charset: str = "utf-8", canonical: str = ""
) -> bytes:
    title = title or f"Новина номер {article_id} от общината"
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    day = 1 + article_id % 28
    head = f'<meta charset="{charset}">' if charset == "utf-8" else (
        f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">'
    )  # fmt: skip
    body = "".join(
        f"<p>Абзац {n} на статия {article_id}: общинският съвет обсъди бюджета, "
        f"ремонта на улиците и новите детски градини в града.</p>"
        for n in range(1, 4)
    )
    html = (
        f"<!doctype html><html lang=bg><head>{head}<title>{title}</title>{link}"
        f'<meta property="article:published_time" content="2026-06-{day:02d}T10:00:00+03:00">'
        f"</head><body><nav><a href='/news'>Новини</a></nav><article><h1>{title}</h1>"
        f'<div class="body">{body}</div></article><footer>© Fault</footer></body></html>'
    )
    return html.encode(charset)


class _QuietServer(ThreadingHTTPServer):
    """A crawl that gave up on a slow page (its timeout) closes the socket, and the
    handler's reading or flushing fails: the fault under test, not a server error to print
    into the stderr the test reads (under load it printed a traceback there)."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handle_error(request, client_address)


@dataclass
class FaultServer:
    """Serve the fault site; ``articles`` normal articles, ``per_page`` per listing page."""

    articles: int = 0
    per_page: int = 10
    faults: bool = True
    article_delay: float = 0.0
    slow_seconds: float = 1.0
    # what article 102's 503 asks for: "1" makes its host rest a second, whole, which a
    # test that does not look at that wait can spare ("0": retried at once)
    retry_after: str = "1"
    robots: str = ROBOTS
    robots_status: int = 200
    robots_delay: float = 0.0
    huge_bytes: int = 11 * 1024 * 1024
    broken_pages: set[int] = field(default_factory=set)  # listing pages answering 500
    feed_items: int = 5  # the newest articles in /rss
    # >0: /rss is paged as RFC 5005 says (/rss?page=N, each naming the next by
    # <atom:link rel="next">, this many pages), every page with an ETag it answers 304 to
    feed_pages: int = 0
    canonical_origin: str = ""  # articles declare <link rel=canonical> on this origin
    listing_extra: str = ""  # raw HTML added to every listing page
    # path -> (status, headers, body): answered so instead of the site's own page
    answers: dict[str, tuple[int, dict[str, str], bytes]] = field(default_factory=dict)
    # articles whose Content-Length counts their letters, not their bytes (half the body)
    miscounted: set[int] = field(default_factory=set)
    # sent as ``miscounted`` ones, their last tags missing too: no reading is a whole page
    torn: set[int] = field(default_factory=set)
    times: list[float] = field(default_factory=list)  # monotonic time of each request
    requests: list[str] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    max_in_flight: int = 0
    # articles answered before every later one waits for ``release`` (0: none waits): a
    # crawl that holds its lock until the test lets it go, however slow the machine
    hold_after: int = 0
    release: threading.Event = field(default_factory=threading.Event)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._in_flight = 0
        self._articles_asked = 0
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def do_GET(self) -> None:  # noqa: N802
                with server._lock:
                    server.requests.append(self.path)
                    server.times.append(time.monotonic())
                    server.headers.append({k.lower(): v for k, v in self.headers.items()})
                    server.hits[self.path] = server.hits.get(self.path, 0) + 1
                    count = server.hits[self.path]
                    server._in_flight += 1
                    server.max_in_flight = max(server.max_in_flight, server._in_flight)
                try:
                    server._route(self, count)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                finally:
                    with server._lock:
                        server._in_flight -= 1

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

        self._httpd = _QuietServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    # lifecycle -------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> FaultServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.release.set()  # (server_close joins the handlers: none may wait on)
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # content ---------------------------------------------------------------------
    def all_ids(self) -> list[int]:
        """Every linked article id, in listing order (newest first)."""
        ids = [1000 + self.articles - n for n in range(1, self.articles + 1)]
        if self.faults:
            ids = sorted(FAULTS, reverse=True) + ids
        return ids

    def archivable_urls(self) -> set[str]:
        ids = set(self.all_ids())
        if self.faults:
            ids -= set(FAULTS) - ARCHIVABLE_FAULTS
        return {article_url(i) for i in ids}

    def article_requests(self) -> list[str]:
        return [p for p in self.requests if p.startswith("/news/")]

    def _listing(self, page: int) -> bytes:
        ids = self.all_ids()
        chunk = ids[(page - 1) * self.per_page : page * self.per_page]
        links = "".join(f'<li><a href="/news/{i}-{_slug(i)}">Статия {i}</a></li>' for i in chunk)
        return (
            f"<!doctype html><html><head><meta charset=utf-8><title>Новини {page}</title>"
            f"</head><body><ul>{links}</ul>{self.listing_extra}</body></html>"
        ).encode()

    def _feed(self, page: int = 1) -> bytes:
        ids = self.all_ids()[(page - 1) * self.feed_items : page * self.feed_items]
        items = "".join(
            f"<item><title>Статия {i}</title><link>{article_url(i)}</link>"
            + (f"<pubDate>{_published(i)}</pubDate>" if self.feed_pages else "")
            + "</item>"
            for i in ids
        )
        following = ""
        if page < self.feed_pages:
            following = f'<atom:link rel="next" href="{ORIGIN}/rss?page={page + 1}"/>'
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"'
            ' xmlns:atom="http://www.w3.org/2005/Atom"><channel>'
            f"<title>Fault</title>{following}{items}</channel></rss>"
        ).encode()

    # routing ---------------------------------------------------------------------
    def _route(self, handler: BaseHTTPRequestHandler, count: int) -> None:
        parts = urlsplit(handler.path)
        if handler.path in self.answers:
            status, extra, body = self.answers[handler.path]
            _send(handler, status, body, "text/html; charset=utf-8", extra)
            return
        if parts.path == "/robots.txt":
            time.sleep(self.robots_delay)
            if self.robots_status != 200:
                _send(handler, self.robots_status, b"unavailable", "text/plain")
            else:
                _send(handler, 200, self.robots.encode(), "text/plain")
            return
        if parts.path == "/rss" and self.feed_pages:
            body = self._feed(int(parse_qs(parts.query).get("page", ["1"])[0]))
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if handler.headers.get("If-None-Match") == etag:
                _send(handler, 304, b"", "application/rss+xml", {"ETag": etag})
            else:
                _send(handler, 200, body, "application/rss+xml", {"ETag": etag})
            return
        if parts.path == "/rss":
            _send(handler, 200, self._feed(), "application/rss+xml")
            return
        if parts.path == "/news":
            page = int(parse_qs(parts.query).get("p", ["1"])[0])
            if page in self.broken_pages:
                _send(handler, 500, b"oops", "text/plain")
                return
            body = self._listing(page)
            etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if handler.headers.get("If-None-Match") == etag:
                _send(handler, 304, b"", "text/html", {"ETag": etag})
                return
            modified = email.utils.formatdate(1_750_000_000, usegmt=True)
            _send(handler, 200, body, "text/html", {"ETag": etag, "Last-Modified": modified})
            return
        if parts.path.startswith("/news/"):
            slug = parts.path.removeprefix("/news/")
            article_id = int(slug.split("-", 1)[0]) if slug[:1].isdigit() else -1
            if article_id not in self.all_ids() or slug != f"{article_id}-{_slug(article_id)}":
                _send(handler, 404, b"<h1>Not found</h1>", "text/html")
                return
            self._article(handler, article_id, count)
            return
        _send(handler, 404, b"<h1>Not found</h1>", "text/html")

    def _article(self, handler: BaseHTTPRequestHandler, article_id: int, count: int) -> None:
        kind = FAULTS.get(article_id, "ok") if self.faults else "ok"
        if self.hold_after:
            with self._lock:
                self._articles_asked += 1
                held = self._articles_asked > self.hold_after
            if held:
                self.release.wait(120)
        if self.article_delay:
            time.sleep(self.article_delay)
        if kind == "retry-after" and count == 1:
            _send(handler, 503, b"busy", "text/plain", {"Retry-After": self.retry_after})
        elif kind == "flaky" and count <= 2:
            _send(handler, 500, b"oops", "text/plain")
        elif kind == "slow":
            time.sleep(self.slow_seconds)
            _send(handler, 200, article_html(article_id), "text/html")
        elif kind == "reset" and count == 1:
            body = article_html(article_id)
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Content-Length", str(len(body)))
            handler.end_headers()
            handler.wfile.write(body[: len(body) // 3])
            handler.wfile.flush()
            handler.connection.setsockopt(
                socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
            )
            handler.close_connection = True
            handler.connection.close()
        elif kind == "gone":
            _send(handler, 404, b"<h1>Gone</h1>", "text/html")
        elif kind == "loop":
            target = "/news/107-loop-107" if "x" in handler.path else "/news/107-loop-107?x"
            _send(handler, 302, b"", "text/html", {"Location": target})
        elif kind == "huge":
            handler.send_response(200)
            handler.send_header("Content-Type", "text/html")
            handler.send_header("Connection", "close")
            handler.end_headers()
            block = b"<p>" + b"x" * 65530 + b"</p>"
            sent = 0
            while sent < self.huge_bytes:
                handler.wfile.write(block)
                sent += len(block)
            handler.close_connection = True
        elif kind == "cp1251":
            body = article_html(article_id, CP1251_TITLE, charset="windows-1251")
            _send(handler, 200, body, "text/html")
        else:
            canonical = ""
            if self.canonical_origin:
                slug = f"{article_id}-{_slug(article_id)}"
                canonical = f"{self.canonical_origin}/news/{slug}?utm_source=feed"
            body = article_html(article_id, canonical=canonical)
            if article_id in self.miscounted | self.torn:
                if article_id in self.torn:
                    body = body.removesuffix(b"</body></html>")
                letters = str(len(body.decode())).encode()
                handler.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
                handler.wfile.write(b"Content-Length: " + letters + b"\r\n\r\n" + body)
                return
            _send(handler, 200, body, "text/html")


def _send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    kind: str,
    extra: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", kind)
    for name, value in (extra or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    if body:
        handler.wfile.write(body)
