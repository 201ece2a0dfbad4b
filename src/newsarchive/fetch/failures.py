"""What a response that failed shows, said in one line: a body cut short or sent past its
``Content-Length`` (``CutShort``), a response malformed past any retry's mending, a host
name that did not resolve, a ``Retry-After`` asking for a wait.

Apart from the fetcher (``client.Fetcher``, which decides what each failure costs: a
retry, the page, the host's rest) because these read one response or one httpx error
and judge nothing of the run: what httpx's and h11's words mean, and what a server's
surplus bytes are, kept in one place the fetcher, its retries and its tests read.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
import socket
from dataclasses import dataclass

import httpx

from newsarchive.fetch.deadline import BoundedStream
from newsarchive.fetch.resolver import lookup_failure
from newsarchive.fetch.surplus import Overlong, whole_document
from newsarchive.safe_text import one_line

# httpx raises RemoteProtocolError both for a malformed response and for a connection that
# closed early; only the latter is worth another try.
_CLOSED_EARLY = ("peer closed connection", "server disconnected")
_BODY_CUT = "peer closed connection without sending complete message body"
_BODY_COUNTS = re.compile(r"received (\d+) bytes, expected (\d+)")


@dataclass(frozen=True)
class Sent:
    """A response that came with more than its ``Content-Length``, as it came."""

    status: int
    headers: dict[str, str]  # (names in lower case)
    final: str
    body: Overlong


class CutShort(Exception):
    """The body that came is not the whole of it: the connection closed before its
    ``Content-Length`` arrived, or the server sent more than it declared (httpcore stops
    at the declared length and drops the rest without a word, so a CMS counting its
    Cyrillic page in letters, not bytes, had every article archived cut in half). Tried
    once more, as a dropped connection may not drop again, then the page's failure: a
    cut page archived as whole would stay so, as an unchanged page is not read again.
    A surplus (``sent``) the server sends the same way on the second try is its habit,
    and what of it is a whole document is kept (``surplus.kept_body``)."""

    def __init__(self, reason: str, sent: Sent | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.sent = sent


def cut_short(exc: httpx.HTTPError) -> CutShort | None:
    """The connection closed in the middle of the body, said in one line; None for any
    other error."""
    said = str(exc)
    if not isinstance(exc, httpx.RemoteProtocolError) or not said.startswith(_BODY_CUT):
        return None
    counts = _BODY_COUNTS.search(said)
    part = f": {counts[1]} of {counts[2]} bytes received" if counts else ""
    return CutShort(f"response cut short (the connection closed mid-body{part})")


# How long the bytes after a body may take to come, or the close to, from a server that
# said it closes the connection after the response: it sends them at once, and then its
# close, which ends the wait at once. Not waited after a whole document (``sent_overlong``).
_CLOSE_WAIT = 0.5


def _closes(response: httpx.Response) -> bool:
    """Whether the server closes the connection after ``response`` (``Connection:
    close``, or HTTP/1.0 without keep-alive): anything it sends before is the body's."""
    said = response.headers.get("connection", "").lower()
    if response.http_version == "HTTP/1.0":
        return "keep-alive" not in said
    return "close" in said


def sent_overlong(
    response: httpx.Response, body: list[bytes], coding: str, room: int
) -> CutShort | None:
    """A response whose server sent more bytes than its ``Content-Length`` (``body``, read
    whole already, being the declared part), with the surplus read to its end
    (``BoundedStream.read_on``: at most ``room`` bytes, and on a connection kept alive
    only what has come already). httpcore reads a block at a time and drops what is past
    the declared end; one sent in a later block than the body's end went unseen."""
    declared = response.headers.get("content-length", "")
    stream = response.extensions.get("network_stream")
    chunked = "transfer-encoding" in response.headers  # (its length is the chunks')
    if not declared.isdigit() or chunked or not isinstance(stream, BoundedStream):
        return None
    length, received = int(declared), stream.body_received()
    if received is None or received < length:
        return None  # (not read to its end: a compressed stream's end came first)
    seen = stream.tail(received - length) if received > length else b""
    if seen is None:
        stream.close()
        return CutShort(_sent_past(length, received))
    # After a whole document no wait: a surplus would change nothing kept (``kept_body``
    # keeps the declared bytes), and a server that said it closes but lingers (its close
    # waiting for the client's, as a lingering close may) cost the whole wait a page.
    sent = b"".join(body)
    wait = _CLOSE_WAIT if _closes(response) and not whole_document(sent) else 0.0
    surplus = seen + stream.read_on(max(0, room - len(seen)), wait)
    if not surplus.strip():
        return None  # a stray line end after the body (old servers send one): no more text
    stream.close()  # (kept alive, its bytes past the body were read as the next response)
    return CutShort(
        _sent_past(length, length + len(surplus)),
        Sent(
            response.status_code,
            lowered(response.headers),
            str(response.url),
            Overlong(sent, surplus, bool(coding)),
        ),
    )


def _sent_past(declared: int, sent: int) -> str:
    return f"response cut short (Content-Length {declared} bytes, but {sent} or more sent)"


def lowered(headers: httpx.Headers) -> dict[str, str]:
    """A response's headers as a ``Page`` keeps them, names in lower case: one spelling
    for a response read whole and one kept from its surplus (``Sent``)."""
    return {k.lower(): v for k, v in headers.items()}


# h11's words for a response whose head (status line and headers) ran past what httpcore
# buffers of it (HTTP11Connection.MAX_INCOMPLETE_EVENT_SIZE, 100 KiB) without ending:
# "malformed response (Receive buffer too long)"
# told a reader nothing of a server sending headers without end
_HEAD_UNENDING = "Receive buffer too long"


def malformed(exc: httpx.HTTPError) -> str | None:
    """What is wrong with a response no retry can fix, or None for a transient error."""
    if isinstance(exc, httpx.DecodingError) or (
        isinstance(exc, httpx.ProtocolError) and not str(exc).lower().startswith(_CLOSED_EARLY)
    ):
        if str(exc) == _HEAD_UNENDING:
            return "its headers ran on without an end"
        return one_line(str(exc), 120, ellipsis="...") or type(exc).__name__
    return None


def unresolved(exc: httpx.HTTPError) -> str | None:
    """Why the request's host name did not resolve (one line), or None for any other
    failure. Not worth a retry with backoff: the resolver has tried its servers already
    (resolv.conf's attempts), and a machine with no network spent 1 + 2 + 4 s of our
    backoff on each site's robots.txt (about 12 s a site) before saying it cannot be
    reached. Not a resolver that gave no answer ``EAI_AGAIN``, "Temporary failure in
    name resolution": a passing outage, retried as any failed connection is, since
    giving up at once gives up the whole site for the run (unless the run's resolver is
    down: ``resolver.NameWatch``)."""
    cause = lookup_failure(exc)
    if cause is None or cause.errno == socket.EAI_AGAIN:
        return None
    said = cause.strerror or str(cause)
    return f"name {exc.request.url.host} not resolved: {said}"


def retry_after_seconds(value: str | None, now: dt.datetime | None = None) -> float | None:
    """``Retry-After`` as seconds: delta-seconds or an HTTP-date.

    Digits are ASCII digits: ``str.isdigit`` also takes "²" (a Latin-1 byte a server may
    send), which ``float`` refuses, and the ValueError ended the crawl.
    """
    if not value:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - (now or dt.datetime.now(dt.UTC))).total_seconds())
