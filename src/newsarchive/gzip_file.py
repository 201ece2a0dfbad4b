"""A gzip file inflated as ``gzip`` reads one, bounded, and saying how it broke.

One reader for the gzip files a site hands over as they are (a ``sitemap.xml.gz``, a
page body compressed without a ``Content-Encoding``), so a broken one is read by one
rule wherever it comes: what inflated before the damage stands, and the damage is said,
as a file cut short (``cut_short``) or as a corrupt one (``corrupt``, zlib's reason).
A response's own ``Content-Encoding`` is another matter (``fetch.inflate``): a stream the
server broke there is a malformed response, tried once, as HTTP says.

Not ``gzip.GzipFile``: a stream cut short raised ``EOFError`` from the read that held
everything inflated so far, and zlib checks a member's CRC and length in the same call
that inflates its last bytes, so a checksum that failed lost every byte of that call (a
whole small sitemap). The block that breaks is read again a byte at a time from the
inflater's state before it, to give what came before the damage.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator

# gzip's ID1 and ID2, read by every test of "is this gzip" (a sitemap.xml.gz, a page
# compressed undeclared, a .warc.gz, a file given to import-jsonl): one spelling of them
MAGIC = b"\x1f\x8b"
CHUNK = 256 * 1024  # bytes inflated per step: what a bomb costs at a time
_BLOCK = 64 * 1024  # compressed bytes fed per step
_GZIP = zlib.MAX_WBITS | 16


class Gunzipped:
    """A gzip document inflated in chunks of at most ``chunk`` bytes, member after member
    as ``gzip`` reads them (what follows the last member is passed over). Once iterated,
    ``cut_short`` says a member ended before its end, ``corrupt`` why one is broken
    (empty when none is)."""

    def __init__(self, content: bytes, chunk: int = CHUNK) -> None:
        self.content, self.chunk = content, chunk
        self.cut_short = False
        self.corrupt = ""

    def __iter__(self) -> Iterator[bytes]:
        # (fed a block at a time: the compressed rest, copied as each call's unconsumed
        # tail, doubled what a small bomb holds in memory)
        view, at = memoryview(self.content), 0
        while self.content.startswith(MAGIC, at):
            inflater = zlib.decompressobj(_GZIP)
            while not inflater.eof and at < len(view):
                block = view[at : at + _BLOCK]
                at += len(block)
                before, given = inflater.copy(), 0
                try:
                    for piece in self._inflate(inflater, block):
                        given += len(piece)
                        yield piece
                except zlib.error as exc:
                    yield from self._before_damage(before, block, given)
                    self.corrupt = _reason(exc)
                    return
            if not inflater.eof:
                self.cut_short = True
                return
            at -= len(inflater.unused_data)  # (the next member's start, in the last block)

    def _inflate(self, inflater: zlib._Decompress, data: bytes | memoryview) -> Iterator[bytes]:
        while data and not inflater.eof:
            piece = inflater.decompress(data, self.chunk)  # (a bomb: a chunk a time)
            data = inflater.unconsumed_tail
            if piece:
                yield piece

    def _before_damage(
        self, inflater: zlib._Decompress, block: memoryview, given: int
    ) -> Iterator[bytes]:
        """What ``block`` inflates to before the byte zlib refuses, past the ``given``
        bytes of it already handed on."""
        try:
            for at in range(len(block)):
                for piece in self._inflate(inflater, block[at : at + 1]):
                    skip, given = min(given, len(piece)), given - min(given, len(piece))
                    if piece[skip:]:
                        yield piece[skip:]
        except zlib.error:
            return


def _reason(exc: zlib.error) -> str:
    """zlib's words for the damage ("incorrect data check"), without its error code."""
    said = str(exc)
    return said.rpartition(": ")[2] or said


def gunzip(content: bytes, limit: int) -> bytes:
    """``content`` inflated, at most ``limit`` bytes of it; what came before any damage.

    Why: a page body sent compressed without saying so (``fetch.gzipped``) is wanted
    whole, as bytes to decode, and read as far as it goes, as a browser shows a page cut
    short, so the damage is not asked about. Inflated a chunk no larger than ``limit``
    at a time, so a bomb costs at most about twice ``limit``; at least one byte, as zlib
    takes a ``max_length`` of 0 for no limit at all."""
    out: list[bytes] = []
    size = 0
    for piece in Gunzipped(content, min(CHUNK, max(limit, 1))):
        out.append(piece[: limit - size])
        size += len(out[-1])
        if size >= limit:
            break
    return b"".join(out)
