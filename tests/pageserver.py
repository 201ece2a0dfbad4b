"""Pages written in a test, served by a real HTTP server on 127.0.0.1: for a test of a
few pages of its own, where a mirror directory would be a detour. The site's addresses
(``https://www.t.bg/…``) reach it through ``MirrorTransport``, as ``--base-url`` does."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from newsarchive.fetch.client import Fetcher, FetchOptions
from newsarchive.fetch.mirror import MirrorTransport

# what a server says to one URL: status, headers, body
Answer = tuple[int, Mapping[str, str], str]


@contextmanager
def pages_fetcher(
    pages: Mapping[str, str],
    hosts: Iterable[str],
    options: FetchOptions,
    redirects: Mapping[str, str] | None = None,
    sleep: Callable[[float], object] | None = None,
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
            body = pages.get(self.path)  # a path with its query, where one is served apart
            body = pages.get(self.path.partition("?")[0]) if body is None else body
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

    with _serving(Site) as url:
        with Fetcher(options, transport=MirrorTransport(url, hosts), sleep=sleep) as fetcher:
            yield fetcher


@contextmanager
def hosts_server(
    answer: Callable[[str], Answer], hosts: Iterable[str]
) -> Iterator[tuple[MirrorTransport, list[str]]]:
    """One real server standing in for several hosts: ``answer`` is given the site URL
    each request was for (its scheme and host as ``MirrorTransport`` forwards them, the
    way a reverse proxy does), so a test can tell ``http://www.x.bg/a`` from
    ``https://x.bg/a``. Yields the transport reaching it for ``hosts`` and the URLs asked,
    in order."""
    with answering(answer) as (url, asked):
        yield MirrorTransport(url, hosts), asked


@contextmanager
def answering(answer: Callable[[str], Answer]) -> Iterator[tuple[str, list[str]]]:
    """``hosts_server``'s server alone: its address (a crawl's ``--base-url``) and the
    site URLs asked, in order."""
    asked: list[str] = []

    class Hosts(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            proto, host = self.headers["X-Forwarded-Proto"], self.headers["X-Forwarded-Host"]
            url = f"{proto}://{host}{self.path}"
            asked.append(url)
            status, headers, body = answer(url)
            data = body.encode()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: object) -> None:
            pass

    with _serving(Hosts) as url:
        yield url, asked


@contextmanager
def _serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def municipal_page(site: str, title: str, main: str) -> str:
    """A small municipality's page: its menu of "Обяви" and "Контакти", its feed
    ``/rss.xml`` named in the head, ``main`` between them."""
    return (
        f'<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>{title}'
        f'</title><link rel="alternate" type="application/rss+xml" title="{site}"'
        ' href="/rss.xml"></head><body><header><nav><ul><li><a href="/">Начало</a></li>'
        '<li><a href="/obyavi">Обяви</a></li><li><a href="/kontakti">Контакти</a></li>'
        f"</ul></nav></header><main>{main}</main><footer>© {site}</footer></body></html>"
    )


def municipal_article(title: str, day: int, what: str, month: str = "2026-11") -> str:
    """An article of ``municipal_page``'s: its headline, its day of ``month`` and four
    paragraphs saying ``what`` it is."""
    text = "".join(
        f"<p>{what} {k}: общината съобщава подробности за жителите на селата и града,"
        " с адреси, часове и телефони за връзка с общинската администрация.</p>"
        for k in range(1, 5)
    )
    return (
        f'<article><h1>{title}</h1><time datetime="{month}-{day:02d}">{day:02d}.'
        f"{month[5:]}.{month[:4]}</time><div>{text}</div></article>"
    )


def municipal_notices(path: str, site: str, notices: Mapping[int, str]) -> Answer | None:
    """``municipal_page``'s "Обяви" at ``path``: its list of ``notices`` (a day of
    November 2026 -> what is announced), each card dated, and each notice's page; None
    for any other path."""
    if path == "/obyavi":
        cards = "".join(
            f'<li><span class="date">{day:02d}.11.2026</span> <a href="/obyavi/o{day}">'
            f"{title} номер {day}</a></li>"
            for day, title in notices.items()
        )
        return 200, {}, municipal_page(site, "Обяви", f"<h1>Обяви</h1><ul>{cards}</ul>")
    day = path.removeprefix("/obyavi/o")
    if path.startswith("/obyavi/o") and day.isdigit() and int(day) in notices:
        title = f"{notices[int(day)]} номер {day}"
        return 200, {}, municipal_page(site, title, municipal_article(title, int(day), "Обявата"))
    return None
