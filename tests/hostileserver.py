"""A deliberately hostile web server on 127.0.0.1 for fetcher and crawl tests.

Written on raw sockets, because the point is to send what a proper server never would:
broken status lines, garbage, conflicting ``Content-Length`` headers, bodies that trickle
a byte at a time. Each path is answered by a ``Reply``; every connection is handled by a
daemon thread that ends by itself: sockets time out, and no reply streams for longer than
``stream_limit`` seconds or after ``stop()``. One response per connection, then close.
"""

from __future__ import annotations

import select
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

# False once the reply must end (stopped, time up, peer gone); send(b"") only asks
Send = Callable[[bytes], bool]


@dataclass(frozen=True)
class Reply:
    """What the server does for one path: ``run(send)`` writes the whole response."""

    run: Callable[[Send], None]


def response(
    status: int = 200,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
    content_type: str = "text/html; charset=utf-8",
) -> Reply:
    """A well-formed response."""
    head = {"Content-Type": content_type, **(headers or {}), "Content-Length": str(len(body))}
    head["Connection"] = "close"  # one response per connection: say so, or httpx reuses it
    return raw(_head(status, head) + body)


def html(body: bytes | str) -> Reply:
    return response(body=body.encode() if isinstance(body, str) else body)


def redirect(location: str, status: int = 302) -> Reply:
    return response(status, headers={"Location": location})


def raw(data: bytes) -> Reply:
    """Exactly these bytes, then close: for broken status lines and garbage."""

    def run(send: Send) -> None:
        send(data)

    return Reply(run)


def trickle(
    body: bytes,
    interval: float,
    *,
    chunked: bool = False,
    declare: int | None = None,
    started: threading.Event | None = None,
) -> Reply:
    """Send ``body`` one byte per ``interval`` (one chunk per byte when ``chunked``);
    ``declare`` overrides the Content-Length; ``started`` is set once the head is out."""

    def run(send: Send) -> None:
        headers = {"Content-Type": "text/html; charset=utf-8", "Connection": "close"}
        if chunked:
            headers["Transfer-Encoding"] = "chunked"
        else:
            headers["Content-Length"] = str(len(body) if declare is None else declare)
        if not send(_head(200, headers)):
            return
        if started is not None:
            started.set()
        for byte in body:
            piece = bytes([byte])
            if not send(b"1\r\n" + piece + b"\r\n" if chunked else piece):
                return
            time.sleep(interval)
        if chunked:
            send(b"0\r\n\r\n")

    return Reply(run)


def drip(
    prefix: bytes, rest: bytes, interval: float, *, started: threading.Event | None = None
) -> Reply:
    """``prefix`` at once, then ``rest`` one byte per ``interval`` (in the headers, say);
    with nothing left, silence until the stream limit (a server that stalls)."""

    def run(send: Send) -> None:
        if not send(prefix):
            return
        if started is not None:
            started.set()
        for byte in rest:
            if not send(bytes([byte])):
                return
            time.sleep(interval)
        while send(b""):
            time.sleep(0.02)

    return Reply(run)


def _head(status: int, headers: dict[str, str]) -> bytes:
    lines = [f"HTTP/1.1 {status} Whatever"] + [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


NOT_FOUND = response(404, b"<h1>Not found</h1>")


@dataclass
class HostileServer:
    """Serve ``routes`` (path with query -> Reply) on 127.0.0.1; anything else is a 404."""

    routes: dict[str, Reply] = field(default_factory=dict)
    stream_limit: float = 8.0
    requests: list[str] = field(default_factory=list)
    hits: dict[str, int] = field(default_factory=dict)
    cut: list[str] = field(default_factory=list)  # replies ended by stream_limit, not the client

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.05)
        host, port = self._socket.getsockname()[:2]
        self.url = f"http://{host}:{port}"
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def netloc(self) -> str:
        return urlsplit(self.url).netloc

    def start(self) -> HostileServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopped.set()
        self._thread.join(timeout=5)
        self._socket.close()

    def __enter__(self) -> HostileServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                conn, _addr = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(2.0)
        deadline = time.monotonic() + self.stream_limit
        with conn:
            path = _read_request_path(conn)
            if path is None:
                return
            with self._lock:
                self.requests.append(path)
                self.hits[path] = self.hits.get(path, 0) + 1

            def send(data: bytes) -> bool:
                if self._stopped.is_set():
                    return False
                if time.monotonic() > deadline:
                    with self._lock:
                        self.cut.append(path)
                    return False
                try:
                    if not data:
                        return not _peer_closed(conn)
                    conn.sendall(data)
                except OSError:
                    return False
                return True

            self.routes.get(path, NOT_FOUND).run(send)


def _peer_closed(conn: socket.socket) -> bool:
    """True once the client has hung up (a readable socket with nothing to read)."""
    readable, _, _ = select.select([conn], [], [], 0)
    return bool(readable) and conn.recv(1, socket.MSG_PEEK) == b""


def _read_request_path(conn: socket.socket) -> str | None:
    """The request target of the first request on ``conn`` (its head is at most 64 KiB)."""
    data = b""
    try:
        while b"\r\n\r\n" not in data and len(data) < 65536:
            chunk = conn.recv(4096)
            if not chunk:
                return None
            data += chunk
    except OSError:
        return None
    parts = data.split(b"\r\n", 1)[0].split(b" ")
    return parts[1].decode("latin-1") if len(parts) == 3 else None


# Sockets kept bound, never listening, for the test process's life (``dead_port``).
_HELD: list[socket.socket] = []


def dead_port() -> int:
    """A port on 127.0.0.1 where nothing listens, and nothing can start to: the socket
    stays bound without listening, so a connection is refused. A port bound and then
    released could be handed to a server another test (or another test worker) starts
    the next moment, and a redirect meant for a dead host then reached a live one."""
    held = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    held.bind(("127.0.0.1", 0))
    _HELD.append(held)
    return int(held.getsockname()[1])


class LoopbackOnly(httpx.BaseTransport):
    """A real transport that refuses to send anything off 127.0.0.1: the guard that a
    refused redirect target (169.254.169.254, ...) is never contacted, even by mistake."""

    def __init__(self) -> None:
        self.contacted: list[str] = []
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.contacted.append(str(request.url))
        if request.url.host != "127.0.0.1":
            raise AssertionError(f"the test tried to contact {request.url}")
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()
