"""Sockets that give up at the response deadline, and notice the stop flag while waiting.

httpx's timeouts are per operation: a server sending one byte every few seconds (in its
headers as well as its body) never trips them. The fetcher checks its deadline between
body chunks, but the status line and headers are read inside httpcore, out of its reach.
So the connections themselves are bounded: every read waits at most until the deadline of
the response in progress in that thread, and in slices of ``slice`` seconds, so a crawl
asked to stop (SIGTERM) is not held by a read that has seen nothing for a while.

This sits below httpx as an httpcore network backend (httpcore is what httpx's own
transport is built on); ``bounded_transport`` installs it in an ``httpx.HTTPTransport``.
"""

from __future__ import annotations

import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import httpcore
import httpx

from newsarchive.fetch.tls import (
    CertificateRefused,
    TlsPolicy,
    explain,
    peer_chain,
    verify_failure,
)

SocketOption = Any  # httpcore's socket option tuples, passed through untouched
_HEAD_LIMIT = 256 * 1024  # (h11 refuses a head past 64 KiB: the count gives up well after)
_GLANCE = 0.05  # how long ``read_on`` waits for bytes a readable socket holds (a TLS record)


class Interrupted(httpcore.ReadError):
    """The stop flag was set while a read waited."""


class BoundedBackend(httpcore.NetworkBackend):
    """``httpcore.SyncBackend`` whose streams obey ``until(deadline)`` and ``stop``."""

    def __init__(
        self,
        stop: threading.Event | None = None,
        slice: float = 0.5,
        tls: TlsPolicy | None = None,
    ) -> None:
        self._inner = httpcore.SyncBackend()
        self.tls = tls or TlsPolicy()
        self._local = threading.local()  # the deadline of the response this thread awaits
        self._stop = stop
        self._slice = slice

    @contextmanager
    def until(self, deadline: float) -> Iterator[None]:
        """Reads in this thread end by ``deadline`` (``time.monotonic()``) meanwhile; nests
        (robots.txt is fetched in the middle of a redirect)."""
        outer = getattr(self._local, "deadline", None)
        self._local.deadline = deadline
        try:
            yield
        finally:
            self._local.deadline = outer

    def remaining(self) -> float | None:
        deadline: float | None = getattr(self._local, "deadline", None)
        return None if deadline is None else deadline - time.monotonic()

    def capped(self, timeout: float | None) -> float | None:
        """``timeout``, shortened to what is left before the deadline (at least a tick)."""
        left = self.remaining()
        if left is None:
            return timeout
        left = max(left, 0.001)
        return left if timeout is None else min(timeout, left)

    def stopping(self) -> bool:
        return self._stop is not None and self._stop.is_set()

    def read(self, stream: httpcore.NetworkStream, max_bytes: int, timeout: float | None) -> bytes:
        """``stream.read`` in slices: the stop flag is looked at between them, and the
        caller's timeout and the deadline both still hold as a whole."""
        started = time.monotonic()
        while True:
            left = None if timeout is None else timeout - (time.monotonic() - started)
            wait = self.capped(left)
            if wait is not None and wait <= 0:
                raise httpcore.ReadTimeout("timed out")
            try:
                return stream.read(max_bytes, min(self._slice, wait or self._slice))
            except httpcore.ReadTimeout:
                if self.stopping():
                    raise Interrupted("crawl interrupted") from None
                now_left = self.remaining()
                spent = time.monotonic() - started
                if (now_left is not None and now_left <= 0) or (
                    timeout is not None and spent >= timeout
                ):
                    raise

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:
        inner = self._inner.connect_tcp(
            host, port, self.capped(timeout), local_address, socket_options
        )
        return BoundedStream(inner, self)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[SocketOption] | None = None,
    ) -> httpcore.NetworkStream:  # pragma: no cover - never used by the fetcher
        return BoundedStream(
            self._inner.connect_unix_socket(path, self.capped(timeout), socket_options), self
        )

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class BoundedStream(httpcore.NetworkStream):
    """A connection whose reads and writes end by the deadline of ``backend``."""

    def __init__(self, inner: httpcore.NetworkStream, backend: BoundedBackend) -> None:
        self._inner = inner
        self._backend = backend
        self._received = 0  # bytes read since the request was sent
        self._last = b""  # the last read's bytes
        self._head = b""  # the response's first bytes, until its head is whole
        self._head_size: int | None = None

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data = self._backend.read(self._inner, max_bytes, timeout)
        self._received += len(data)
        self._last = data
        if self._head_size is None and len(self._head) < _HEAD_LIMIT:
            self._head += data
            self._find_head()
        return data

    def _find_head(self) -> None:
        """Where the final response's head ends; an interim one (``103 Early Hints``,
        ``100 Continue``) is the head's too."""
        start = 0
        while (end := self._head.find(b"\r\n\r\n", start)) >= 0:
            if self._head[start + 9 : start + 10] != b"1":  # ("HTTP/1.1 1xx")
                self._head_size, self._head = end + 4, b""
                return
            start = end + 4

    def body_received(self) -> int | None:
        """How many bytes past the response's head this connection has read (more than
        its body when the server sent more than its ``Content-Length``: httpcore reads
        in blocks and drops what is past the declared end without a word), or None
        before the head is whole."""
        return None if self._head_size is None else self._received - self._head_size

    def tail(self, size: int) -> bytes | None:
        """The last ``size`` bytes read, when the last read holds them all."""
        return self._last[-size:] if 0 < size <= len(self._last) else None

    def read_on(self, limit: int, wait: float) -> bytes:
        """What the server sends after the bytes httpcore read (it stops at the declared
        end of a body), up to ``limit`` bytes: until it closes the connection, or for as
        long as bytes keep coming within ``wait`` seconds of each other; with ``wait``
        0, only what has come already. The deadline and the stop flag bound it as any
        read. A surplus arriving after the body's last read went unseen, and its page
        was taken for whole, cut at the declared end."""
        more = bytearray()
        while len(more) < limit:
            if wait <= 0 and not self._inner.get_extra_info("is_readable"):
                break
            try:
                data = self._backend.read(
                    self._inner, min(limit - len(more), 64 * 1024), max(wait, _GLANCE)
                )
            except (httpcore.ReadTimeout, httpcore.ReadError):
                break  # (nothing more in time, or a reset: what came is what there is)
            if not data:
                break  # closed
            more += data
        self._received += len(more)
        return bytes(more)

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._received, self._head, self._head_size = 0, b"", None  # (a new request)
        self._inner.write(buffer, self._backend.capped(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        """The handshake, with the context the backend's ``TlsPolicy`` gives the host (the
        pool's one context cannot differ by host); a certificate refused is said why."""
        policy = self._backend.tls
        context = policy.context(server_hostname)
        try:
            peer = self._inner.get_extra_info("socket").getpeername()[:2]
        except (AttributeError, OSError):
            peer = None
        wait = self._backend.capped(timeout)
        try:
            inner = self._inner.start_tls(context, server_hostname, wait)
        except httpcore.ConnectError as exc:
            failure = verify_failure(exc)
            if failure is None or server_hostname is None:
                raise
            chain = [] if peer is None else peer_chain(peer, server_hostname, wait or 10.0)
            reason, missing = explain(
                failure.verify_code, failure.verify_message, server_hostname, chain
            )
            raise CertificateRefused(server_hostname, reason, missing) from None
        return BoundedStream(inner, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


def bounded_transport(backend: BoundedBackend, limits: httpx.Limits) -> httpx.HTTPTransport:
    """httpx's own transport (TLS, keep-alive, exception mapping) over ``backend``.

    httpx takes no network backend, so its connection pool is replaced by an equal one
    that has it; were that attribute ever gone, the plain transport is returned and only
    the fetcher's check between body chunks bounds a response.

    The pool's context is never a handshake's: ``BoundedStream.start_tls`` takes the
    backend's ``TlsPolicy``'s, built when a host first needs it. So the pool gets one
    trusting no authority (a handshake with it would fail, not pass unverified), not a
    default context each: certifi's authorities read twice, some 45 ms of CPU each, at
    the start of every command that fetches (a crawl of http:// sites needs none).
    """
    unused = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)  # (verifies; knows no authority)
    transport = httpx.HTTPTransport(verify=unused, limits=limits)
    if not hasattr(transport, "_pool"):
        return httpx.HTTPTransport(verify=backend.tls.context(None), limits=limits)
    transport._pool = httpcore.ConnectionPool(
        ssl_context=unused,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=backend,
    )
    return transport
