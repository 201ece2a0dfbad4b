"""A response's ``Content-Encoding`` undone in bounded steps, so the size cap can stop it.

httpx inflates each network chunk whole before its caller sees a byte: one 64 KiB chunk
of a gzip bomb is 64 MiB of zeros, and a 1 MB bomb held about 140 MiB at its peak in
every fetch, however small ``FetchOptions.max_bytes``. Inflating the raw stream here, at
most ``STEP`` bytes per call, the cap stops it within one step. Only the codings asked
for (``ACCEPT_ENCODING``) are undone; any other a server sends anyway passes through as
it came, as it did with httpx (which lacked brotli and zstandard here). Stacked codings
are refused before this (``client._codings``).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Iterator

import httpx

STEP = 64 * 1024  # bytes inflated per call: what the size cap may overshoot by
ACCEPT_ENCODING = "gzip, deflate"
_GZIP = zlib.MAX_WBITS | 16
# how the cap's failure names what was undone
UNDONE = {"gzip": "gunzip", "x-gzip": "gunzip", "deflate": "inflating"}


class StreamCut(Exception):
    """The body ended before its compressed stream did."""


def inflated(raw: Iterable[bytes], coding: str, *, step: int = STEP) -> Iterator[bytes]:
    """The body behind ``coding`` (one, lower case; "" or "identity" for none) in pieces
    of at most ``step`` bytes, raw chunks of other codings unchanged. A broken stream
    raises ``httpx.DecodingError``, as httpx did: a malformed response. What follows the
    end of the compressed stream is ignored (and not read on), as httpx ignored it.

    A body that ends before its stream does raises ``StreamCut``: a server that lost its
    connection to the back end between two flushed blocks ends the response there (the
    last chunk, or as many bytes as it declared), every byte that came inflates, and
    httpx, which never asked whether the stream had ended, gave the half page as whole,
    archived so for good (an unchanged page is not read again). A stream whose final block
    came and only its trailer (or the end of it) did not is whole, as a browser shows it
    (``_ends_but_its_trailer``)."""
    if coding not in UNDONE:
        yield from raw
        return
    # deflate is meant zlib-wrapped; some servers send it raw: tried as zlib first (httpx)
    inflater = zlib.decompressobj(_GZIP if coding != "deflate" else zlib.MAX_WBITS)
    first = coding == "deflate"
    trailer = _Trailer("gzip" if coding != "deflate" else "zlib")
    fed = False  # (an empty body, as of a 204 or 304, is no stream cut short)
    try:
        for chunk in raw:
            fed = fed or bool(chunk)
            data = chunk
            while data:
                try:
                    piece = inflater.decompress(data, step)
                except zlib.error:
                    if not first:
                        raise
                    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
                    trailer = _Trailer("")
                    piece = inflater.decompress(data, step)
                first = False
                if piece:
                    trailer.add(piece)
                    yield piece
                data = inflater.unconsumed_tail
                # a full step may leave output pending with all input consumed
                while not data and len(piece) == step and not inflater.eof:
                    piece = inflater.decompress(b"", step)
                    if piece:
                        trailer.add(piece)
                        yield piece
            if inflater.eof:
                return
        ending = inflater.copy()  # (``flush`` ends what it is called on)
        rest = inflater.flush()
        if rest:
            trailer.add(rest)
            yield rest
        if fed and not _ends_but_its_trailer(ending, trailer):
            raise StreamCut
    except zlib.error as exc:
        raise httpx.DecodingError(str(exc)) from None


class _Trailer:
    """The trailer a stream would end with, over what was inflated so far: gzip's CRC-32
    and length, zlib's Adler-32; raw deflate ("") has none."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.check = zlib.crc32(b"") if kind == "gzip" else zlib.adler32(b"")
        self.size = 0

    def add(self, piece: bytes) -> None:
        if self.kind == "gzip":
            self.check = zlib.crc32(piece, self.check)
            self.size += len(piece)
        elif self.kind == "zlib":
            self.check = zlib.adler32(piece, self.check)

    def ending(self) -> bytes:
        if self.kind == "gzip":
            return self.check.to_bytes(4, "little") + (self.size & 0xFFFFFFFF).to_bytes(4, "little")
        if self.kind == "zlib":
            return self.check.to_bytes(4, "big")
        return b""


def _ends_but_its_trailer(inflater: zlib._Decompress, trailer: _Trailer) -> bool:
    """Whether the deflate stream in ``inflater`` ended (its final block decoded) and only
    its trailer, or the end of it, never came: a browser shows such a body, whole, where
    a stream cut mid-block is half a page. zlib tells neither apart (its ``eof`` waits for
    the trailer), so the trailer the stream would end with (its check value and length of
    what was inflated) is given to copies of ``inflater``, all of it and then less by one
    byte at a time, as if some of it had come: only a stream that reached its final block
    ends on it. A stream cut mid-block needs at least one byte more before its 8-byte
    (gzip) or 4-byte (zlib) trailer, so no copy ends."""
    ending = trailer.ending()
    if not ending:  # raw deflate: its end is the final block's, ``eof`` said no
        return False
    for came in range(len(ending)):
        probe = inflater.copy()
        try:
            probe.decompress(ending[came:])
        except zlib.error:
            continue
        if probe.eof:
            return True
    return False
