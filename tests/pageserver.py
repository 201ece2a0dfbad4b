"""Pages written in a test, served by a real HTTP server on 127.0.0.1: for a test of a
few pages of its own, where a mirror directory would be a detour. The site's addresses
(``https://www.t.bg/…``) reach it through ``MirrorTransport``, as ``--base-url`` does."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from newsarchive.fetch.client import Fetcher, FetchOptions
from newsarchive.fetch.mirror import MirrorTransport


@contextmanager
def pages_fetcher(
    pages: Mapping[str, str],
    hosts: Iterable[str],
    options: FetchOptions,
    redirects: Mapping[str, str] | None = None,
) -> Iterator[Fetcher]:
    """A fetcher whose requests for ``hosts`` are answered from ``pages`` (path -> body:
    XML as RSS, anything else as HTML; 404 for any other path), or sent on by a 301 from
    a path of ``redirects`` to the address it names."""

    class Site(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            moved = (redirects or {}).get(self.path)
            if moved is not None:
                self.send_response(301)
                self.send_header("Location", moved)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body = pages.get(self.path.partition("?")[0])
            if body is None:
                self.send_error(404)
                return
            data = body.encode()
            xml = body.startswith("<?xml")
            kind = "application/rss+xml" if xml else "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        transport = MirrorTransport(f"http://127.0.0.1:{server.server_address[1]}", hosts)
        with Fetcher(options, transport=transport) as fetcher:
            yield fetcher
    finally:
        server.shutdown()
        server.server_close()
