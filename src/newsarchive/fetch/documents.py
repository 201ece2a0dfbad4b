"""Responses that are documents, not web pages: a PDF or an office file a listing shows
as a news item. One rule for every stage that would otherwise read one as a page (the
crawl archiving an article, ``add-site`` sampling one); and bytes with no type at all
that are no page (``looks_like_html``)."""

from __future__ import annotations

from newsarchive.models import Page

# How documents begin: PDF, ZIP (docx, xlsx, odt), OLE (doc, xls), RTF, images.
_DOCUMENT_MAGIC = (
    b"%PDF",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"{\\rtf",
    b"\x89PNG",
    b"GIF8",
    b"\xff\xd8\xff",
)
_DOCUMENT_TYPES = ("application/", "image/", "audio/", "video/", "font/")


def document_kind(page: Page) -> str | None:
    """Why a response is a document rather than a web page (a PDF behind an address like
    ``dokument.php?id=90`` that a listing shows as a news item), or None: a document's
    bytes begin so, or its Content-Type says it and its body is no markup. Extracting
    one would archive a PDF's bytes as an article's text."""
    kind = page.headers.get("content-type", "").split(";")[0].strip().lower()
    head = page.content[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(_DOCUMENT_MAGIC):
        return f"a document ({kind or 'no content type'}), not a web page"
    if kind.startswith(_DOCUMENT_TYPES) and "html" not in kind and "xml" not in kind:
        if not head.startswith(b"<"):
            return f"a document ({kind}), not a web page"
    return None


def looks_like_html(content: bytes) -> bool:
    """Whether bytes handed in as a page (``extract``'s file or URL, a WARC record with no
    Content-Type) are markup at all. A cheap sniff, since it only keeps a binary or empty
    file from being extracted as an article: markup near the start and no zero byte (UTF-16
    aside)."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        content = content.decode("utf-16", "replace").encode("utf-8")
    head = content[:4096]
    if b"\x00" in head or not head.strip():
        return False
    lowered = head.lower()
    return any(
        tag in lowered for tag in (b"<html", b"<!doctype", b"<body", b"<p", b"<div", b"<head")
    )
