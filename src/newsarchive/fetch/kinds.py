"""Is a response the kind of document we asked for? A moved site often answers every URL
with its home page or an error page: a feed that comes back as HTML is a broken source,
not an empty one."""

from __future__ import annotations

from newsarchive.models import Page

_XML_TYPES = ("xml", "rss", "atom", "gzip", "octet-stream", "text/plain")
_XML_STARTS = (b"<?xml", b"<rss", b"<feed", b"<urlset", b"<sitemapindex", b"<rdf", b"\x1f\x8b")


def unexpected_kind(page: Page, kind: str) -> str | None:
    """Why ``page`` is not a ``kind`` ("feed", "sitemap" or a listing), or None when it is."""
    content_type = page.headers.get("content-type", "").lower()
    head = page.content[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if kind in ("feed", "sitemap"):
        if head.startswith(_XML_STARTS) or any(t in content_type for t in _XML_TYPES):
            return None
        return f"not XML ({content_type or 'no content type'})"
    if "html" in content_type or (not content_type and b"<" in head[:64]):
        return None
    if not content_type and not head:
        return "empty response"
    return f"not HTML ({content_type or 'no content type'})"
