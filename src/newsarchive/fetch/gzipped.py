"""A page body gzip-compressed without a ``Content-Encoding`` saying so.

A server that compresses twice (a CMS's own output buffer under the web server's gzip,
one layer declared), one serving a stored ``page.html.gz`` as ``text/html``, or a WARC
tool that kept a body compressed but dropped its header all hand over gzip bytes as the
page. Read as HTML they decode to noise, which was archived as an article: an empty
title and a text of mojibake, on every crawl and every re-extraction of the stored page.
No page of markup starts with gzip's magic (0x1f is a control character), so a body that
does is the page it wraps. Undone where bytes become a page's text (``charset``), so the
stored capture stays what the server sent and pages archived before are read right by
``reextract``; bounded, since such a body is not counted by the fetch's size cap.
"""

from __future__ import annotations

from newsarchive.gzip_file import MAGIC, gunzip
from newsarchive.models import MAX_BODY_BYTES

# the magic (ID1, ID2) and CM=8 (deflate): the only method gzip defines
_DEFLATED = MAGIC + b"\x08"


def undeclared_gzip(content: bytes, limit: int = MAX_BODY_BYTES) -> bytes:
    """``content`` unwrapped when it is gzip (at most ``limit`` bytes of it, the cap a
    crawl reads a page up to: a bomb inflates no further), else ``content`` unchanged.
    A stream cut short or broken gives what came before (``gzip_file``, the rule a
    sitemap's gzip is read by); one that is no gzip after its magic gives b"" (no
    page), never its compressed bytes as text."""
    if not content.startswith(_DEFLATED):
        return content
    return gunzip(content, limit)
