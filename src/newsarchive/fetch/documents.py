"""Responses that are documents, not web pages: a PDF or an office file a listing shows
as a news item. One rule for every stage that would otherwise read one as a page (the
crawl archiving an article, ``add-site`` sampling one); and bytes with no type at all
that are no page (``looks_like_html``)."""

from __future__ import annotations

import re

from newsarchive.fetch.charset import undeclared_utf16
from newsarchive.fetch.gzipped import undeclared_gzip
from newsarchive.models import Page

_SNIFF = 4096  # bytes of a page's start sniffed for markup

# A 200 with nothing in it (a PHP fatal error after the headers went out), as the crawl
# and ``extract URL`` both say it: read as a page, it was "no article found" or "does
# not look like an HTML page", sending the reader to the profile or the address.
EMPTY_PAGE = "an empty page (HTTP 200 with no body)"


def empty_answer(content: bytes) -> bool:
    """A ``200`` with nothing in it (``EMPTY_PAGE``): no byte but blanks. (Not
    ``strip()``: that copies every page.)"""
    return not content or content.isspace()


# A 200 whose text is no text: a JPEG, an archive or a compressed body served as
# text/html with no Content-Encoding, or a cache's corrupt entry. Decoded as windows-1251
# (which has a letter for nearly every byte), one was archived as a 157,000-character
# article of noise, exit 0. Told by C0 controls (tab, line and form feed, carriage return
# aside) in the decoded text's start: a page holds none, or a stray one; random bytes one
# character in nine. Failed, not settled as a document: a server that broke for a night
# serves the page again, and the next run reads it.
BINARY_PAGE = "binary data, not text (HTTP 200)"
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f]")
_CONTROL_SHARE = 0.05


def binary_answer(text: str) -> bool:
    """A page whose decoded ``text`` is no text (``BINARY_PAGE``)."""
    start = text[:_SNIFF]
    return len(_CONTROLS.findall(start)) > _CONTROL_SHARE * len(start)


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


def no_page(page: Page) -> str | None:
    """What a ``200``'s body is when it is no page to extract: ``EMPTY_PAGE``, the
    document it is (``document_kind``), ``BINARY_PAGE``; None for a page. One order for
    the crawl (``harvest.judge``) and ``check-site``, which copied it by hand and, without
    the document check, called a PDF (its compressed streams) binary data the crawl
    settles as a document. A document is told before binary bytes, by its magic bytes or
    type: a failure is fetched again next run, a document is not."""
    if empty_answer(page.content):
        return EMPTY_PAGE
    if document := document_kind(page):
        return document
    return BINARY_PAGE if binary_answer(page.text) else None


# The XML a site serves beside its pages, by its root element (lower-cased), after an
# XML declaration, a stylesheet line, comments. Each holds what the page sniff looks for:
# a feed's "<pubDate>" began with "<p", and its descriptions carry "<p>" and "<div>" as
# text. ``fetch.sources`` checks a feed's or a sitemap's answer by the same names.
XML_KINDS = {
    b"rss": "an RSS feed",
    b"feed": "an Atom feed",
    b"rdf:rdf": "an RSS 1.0 feed",
    b"urlset": "a sitemap",
    b"sitemapindex": "a sitemap index",
}
_XML_ROOT = re.compile(
    rb"\A(?:\xef\xbb\xbf)?(?:\s|<\?[^>]*>|<!--.*?-->)*<(" + b"|".join(XML_KINDS) + rb")[\s>/]",
    re.IGNORECASE | re.DOTALL,
)
# A page's own tags, each a whole name: "<p" alone was "<pubDate", "<param", "<path".
# Markup at all, so a fragment's "<p>" or "<div>" counts, and only HTML's doctype (an
# SVG's is none). Not ``feeds._PAGE_START``, which asks whether text before a late XML
# declaration starts a page, where such fragments are a server's error box
# (tests/test_page_sniffs.py).
_PAGE_TAG = re.compile(rb"<(?:html|body|head|p|div)[\s>/]|<!doctype\s+html", re.IGNORECASE)


def xml_kind(content: bytes) -> str | None:
    """What ``content`` is when it is a feed or a sitemap, not a page ("an RSS feed")."""
    found = _XML_ROOT.match(content[:4096])
    return XML_KINDS[found[1].lower()] if found else None


def looks_like_html(content: bytes) -> bool:
    """Whether bytes handed in as a page (``extract``'s file or URL, a WARC record with no
    Content-Type) are markup at all. A cheap sniff, since it only keeps a binary or empty
    file, a feed or a sitemap from being extracted as an article: a page's tag near the
    start and no zero byte before it (UTF-16 aside). A zero byte after it is a stray in a
    page (a CMS's broken string, a database field), which said "not an HTML page" of a
    page that a crawl, trusting its Content-Type, reads. A page gzip-compressed without
    saying so is sniffed as the page it wraps (``gzipped``), as it is read. UTF-16 is
    sniffed as the text it reads as: by its byte order mark, or without one by what the
    crawl reads it by (``charset.undeclared_utf16``), which this refused as "not an HTML
    page", a zero byte before every tag."""
    content = undeclared_gzip(content, _SNIFF)
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        content = content.decode("utf-16", "replace").encode("utf-8")
    elif wide := undeclared_utf16(content):
        content = content[: 2 * _SNIFF].decode(wide, "replace").encode("utf-8")
    head = content[:_SNIFF]
    if not head.strip() or xml_kind(head):
        return False
    tag = _PAGE_TAG.search(head)
    return tag is not None and b"\x00" not in head[: tag.start()]
