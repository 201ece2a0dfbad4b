"""Decode HTML bytes the way a browser would, because Bulgarian sites still serve windows-1251.

Order: BOM, the HTTP header's UTF-16, UTF-16 told by its zero bytes (``undeclared_utf16``),
the HTTP header charset, ``<meta charset>`` / ``http-equiv``, the XML declaration's
``encoding`` (``xml_encoding``), strict UTF-8, a detector over the whole body, and
windows-1251 last. httpx alone ignores ``<meta>``.

The XML declaration is read where a browser reads it. A page served as text/html (or
with no type: ``extract``'s file, a WARC record without one) by the HTML Standard: the
byte order mark, the header, a ``<meta>``, and the XML declaration only when no
``<meta>`` names one ("get an XML encoding", WebKit's and Blink's rule, specified in
2021). A page served as XML (``application/xhtml+xml``, ``…+xml``) by the XML parser a
browser reads it with, which obeys the declaration and never reads a ``<meta>``: the
byte order mark, the header (RFC 7303: a ``charset`` there overrides the declaration),
the XML declaration, then a ``<meta>``. Old XHTML 1.0 sites name their windows-1251 in
the declaration alone; left to the detector, a page's charset hung on its guess, which
takes the declaration as a hint for the labels it knows and guesses otherwise (under
``x-cp1251``, the HTML Standard's own label for windows-1251, a short page's "Новини"
read as Big5), and believed a Western template's ``<meta>`` left beside it.

One exception to believing a declaration: a page whose bytes are valid UTF-8 with
non-ASCII in them is UTF-8, whatever legacy charset the header or the markup names. A
server left saying ``charset=windows-1251`` (an ``AddDefaultCharset`` from the site's
old days) over a UTF-8 CMS is common on shared hosting, and believed it turns every
letter into two ("РћР±С‰РёРЅР°"). The reverse cannot happen by accident: in windows-1251
(or KOI8-R, ISO-8859-5) a Cyrillic letter is one byte of 0xC0-0xFF, and two of them in a
row, as in any word, are never valid UTF-8.
"""

from __future__ import annotations

import codecs
import math
import re
from functools import lru_cache

from newsarchive.fetch.gzipped import undeclared_gzip
from newsarchive.utf8_strays import LEGACY_CHARSET, stray_bytes_only

_META_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_ALIASES = {"win-1251": "windows-1251", "cp-1251": "windows-1251", "x-cp1251": "windows-1251"}


def _normalise(label: str | None) -> str | None:
    """A Python codec name for a charset label, or None when Python does not know it."""
    if not label:
        return None
    label = label.strip().strip("\"'").lower()
    label = _ALIASES.get(label, label)
    try:
        info = codecs.lookup(label)
        b"a".decode(info.name)  # refuses bytes-to-bytes codecs (base64, zlib, rot13...)
    except (LookupError, UnicodeError):  # (and "undefined", which refuses everything)
        return None
    name = info.name
    # WHATWG: iso-8859-1 and ascii labels mean windows-1252 in browsers.
    if name in ("latin-1", "iso8859-1", "ascii"):
        return "cp1252"
    return name


_ASCII = bytes([9, 10, 13, *range(32, 127)])


@lru_cache(maxsize=64)
def _ascii_compatible(codec: str) -> bool:
    """Whether ``codec`` reads ASCII bytes as ASCII (the markup of the page itself)."""
    try:
        return _ASCII.decode(codec) == _ASCII.decode("ascii")
    except (UnicodeError, LookupError):
        return False


def header_charset(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of a Content-Type header, if any."""
    if not content_type:
        return None
    match = re.search(r"charset\s*=\s*[\"']?([^;\"'\s]+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def meta_charset(content: bytes) -> str | None:
    """The charset a page declares in its first 4 KB of markup."""
    match = _META_RE.search(content[:4096])
    return match.group(1).decode("ascii", "replace") if match else None


# An XML declaration opens the document (a byte order mark is read before); read as
# ASCII, as a <meta> is. Also after blank lines a PHP include printed first, where a
# browser no longer reads it (and guesses): the site's word on its bytes all the same,
# which a detector over a short page is not. Quoted later in a page, it names nothing.
_XML_DECLARATION_RE = re.compile(
    rb"""\A[\t\n\r ]*<\?xml\s[^>]*?\bencoding\s*=\s*["']\s*([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)


def xml_encoding(content: bytes) -> str | None:
    """The label an XML declaration at the start of ``content`` names
    (``<?xml version="1.0" encoding="windows-1251"?>``), if any."""
    match = _XML_DECLARATION_RE.match(content[:1024])
    return match.group(1).decode("ascii") if match else None


def _served_as_xml(content_type: str | None) -> bool:
    """Whether a browser reads a response of ``content_type`` with its XML parser."""
    kind = (content_type or "").split(";")[0].strip().lower()
    return kind.endswith("+xml") or kind in ("application/xml", "text/xml")


def has_bom(content: bytes) -> bool:
    """Whether ``content`` starts with a byte order mark, which ``decode_html`` reads
    before anything else and leaves out of the text."""
    return content.startswith(tuple(bom for bom, _ in _BOMS))


def decode_html(content: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Return ``(text, encoding used)``; never raises, at worst replaces bad bytes. A
    body gzip-compressed without saying so is read as the page it wraps."""
    content = undeclared_gzip(content)
    for bom, name in _BOMS:
        if content.startswith(bom):
            return content[len(bom) :].decode(name, "replace"), name
    header = header_charset(content_type)
    if header and (wide := _header_utf16(header, content)):
        return content.decode(wide, "replace"), wide
    if wide := undeclared_utf16(content):
        # Before a label: any label ``decode_html`` believes is one that reads ASCII as
        # ASCII (UTF-8, windows-1251, iso-8859-1: a server's default), whose every reading
        # of such a page succeeds with a NUL beside each character, failed as binary.
        return content.decode(wide, "replace"), wide
    meta, xml = meta_charset(content), xml_encoding(content)
    in_markup = (xml, meta) if _served_as_xml(content_type) else (meta, xml)
    for label in (header, *in_markup):
        declared = _normalise(label)
        if declared and declared != "utf-8" and _ascii_compatible(declared):
            as_utf8 = _multibyte_utf8(content)
            if as_utf8 is not None:
                return as_utf8, "utf-8"
        if declared and not _ascii_compatible(declared):
            # WHATWG: a <meta> was read as ASCII, so it cannot mean UTF-16 or EBCDIC
            # (cp037, cp500...): taken at its word, it turned the whole page to noise. Nor
            # does a browser know a header's EBCDIC, UTF-32 or UTF-7: it reads such a page
            # as if nothing were declared. (A header's UTF-16 is ``_header_utf16``'s.)
            continue
        if declared:
            try:
                return content.decode(declared), declared
            except UnicodeError:  # a decode error, or punycode's plain UnicodeError
                continue
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    as_utf8 = _multibyte_utf8(content)
    if as_utf8 is not None:
        return as_utf8, "utf-8"
    detected = _detect(content)
    if detected:
        try:
            return content.decode(detected), detected
        except (UnicodeError, LookupError):
            pass
    return content.decode(LEGACY_CHARSET, "replace"), LEGACY_CHARSET


_UTF16 = ("utf-16", "utf-16-le", "utf-16-be")


def _header_utf16(label: str, content: bytes) -> str | None:
    """The UTF-16 codec a header's UTF-16 label means for ``content`` (no byte order mark:
    ``decode_html`` read that first), or None.

    A header's UTF-16 is a label browsers know (WHATWG), unlike a ``<meta>``'s. One byte is
    no UTF-16, so ``_normalise`` knows no such codec, and such a page read as UTF-8 with a
    NUL in every other character. Its markup is ASCII, a zero byte beside each character:
    a page with few is no UTF-16 (the header is the server's mistake), and the side the
    zeros are on says which end comes first, whatever the label claims. Few is under one
    character in 16 (Cyrillic prose has a space in about every 8): a stray NUL in a UTF-8
    page, believed as enough, turned the whole page to noise."""
    try:
        if codecs.lookup(label.strip().strip("\"'")).name not in _UTF16:
            return None
    except LookupError:
        return None
    return _utf16_by_zeros(content, len(content[:4096]) // 32 or 1)


def read_as_utf8_but_utf16(content: bytes) -> str | None:
    """The UTF-16 codec of a page an older release stored as read as UTF-8, its header's
    UTF-16 unbelieved (``_header_utf16``), or None. Without the header, only what no UTF-8
    page is: a zero byte in at least every other position of its markup's one parity."""
    return _utf16_by_zeros(content, len(content[:4096]) // 4 or 1)


# A page's start sniffed for UTF-16 no label names (``undeclared_utf16``): its markup.
_UTF16_SNIFF = 512
_UTF16_ZEROS = 1 / 8  # of one side's bytes, at least (a space in Cyrillic prose's 8)
_UTF16_PLAUSIBLE = 0.9  # of the characters read, at least
_PLAUSIBLE = re.compile("[\t\n\r\x20-\x7e\xa0-\xff\u0400-\u04ff\u2000-\u206f\u2116]")


def undeclared_utf16(content: bytes) -> str | None:
    """The UTF-16 codec of a page with no byte order mark and no UTF-16 label that is
    UTF-16 all the same, told by its bytes; else None. One rule for reading a page
    (``decode_html``, over any one-byte label too: a server's default ``charset=utf-8``,
    a windows-1251 left in the header) and for sniffing bytes handed in as one
    (``documents.looks_like_html``: ``extract``'s file, a WARC record with no type).

    Such a page read as UTF-8 without a fault (a Cyrillic letter is 0x04 and a byte under
    0x80 in UTF-16, ASCII both), a NUL beside every character, and failed as binary data
    (``documents.binary_answer``). Its start is markup and words: a zero byte beside each
    ASCII character (a tag, a space), on one side, and read as UTF-16 it is letters
    (ASCII, Cyrillic, Latin-1, punctuation). Not zeros in 40% of one side: a head whose
    title is a Cyrillic line has 30% in its first 512 bytes. Noise is neither: random
    bytes are a zero one in 256, and bytes that are zeros on one side with noise on the
    other (16-bit samples, a table of numbers) read as control characters and letters of
    any script, a UTF-8 page's stray NULs as CJK."""
    head = content[:_UTF16_SNIFF]
    head = head[: len(head) - len(head) % 2]
    wide = _utf16_by_zeros(head, max(1, math.ceil(_UTF16_ZEROS * len(head) / 2)))
    if wide is None:
        return None
    text = head.decode(wide, "replace")
    plausible = len(_PLAUSIBLE.findall(text))
    return wide if plausible >= _UTF16_PLAUSIBLE * len(text) else None


def _utf16_by_zeros(content: bytes, least: int) -> str | None:
    """UTF-16's byte order by the side of its ASCII characters' zero bytes, when at least
    ``least`` of them are on one side in the first 4 KB; else None."""
    head = content[:4096]
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if max(even, odd) < least:
        return None
    return "utf-16-be" if even > odd else "utf-16-le"


def _multibyte_utf8(content: bytes) -> str | None:
    """``content`` read as UTF-8 when it is UTF-8 (but for a few stray bytes:
    ``stray_bytes_only``) and not ASCII alone, else None (ASCII is valid in every declared
    charset alike: nothing to overrule then)."""
    if content.isascii():
        return None
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = content.decode("utf-8", "replace")
    return text if stray_bytes_only(text) else None


def _detect(content: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(content).best()
    if best is None:
        return None
    return _normalise(best.encoding)
