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
    archived so for good (an unchanged page is not read again)."""
    if coding not in UNDONE:
        yield from raw
        return
    # deflate is meant zlib-wrapped; some servers send it raw: tried as zlib first (httpx)
    inflater = zlib.decompressobj(_GZIP if coding != "deflate" else zlib.MAX_WBITS)
    first = coding == "deflate"
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
                    piece = inflater.decompress(data, step)
                first = False
                if piece:
                    yield piece
                data = inflater.unconsumed_tail
                # a full step may leave output pending with all input consumed
                while not data and len(piece) == step and not inflater.eof:
                    piece = inflater.decompress(b"", step)
                    if piece:
                        yield piece
            if inflater.eof:
                return
        rest = inflater.flush()
        if rest:
            yield rest
        if fed:
            raise StreamCut
    except zlib.error as exc:
        raise httpx.DecodingError(str(exc)) from None
