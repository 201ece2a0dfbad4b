"""Responses that are documents, not web pages: a PDF or an office file a listing shows
as a news item. One rule for every stage that would otherwise read one as a page (the
crawl archiving an article, ``add-site`` sampling one)."""

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
