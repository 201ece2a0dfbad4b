"""The two "is this an HTML page" sniffs ask different questions, so they hold different
tags: ``feeds._PAGE_START`` asks whether what came before a late ``<?xml`` declaration is
a page's start (a soft 404 with an inline SVG) or a server's error output, which a
framework wraps in fragments of markup (``<div>``, ``<p>``, ``<h4>``); ``documents.
_PAGE_TAG`` asks whether bytes are markup at all, where a fragment is (a saved
``<p>…</p>``) and any doctype but HTML's is not."""

from __future__ import annotations

from newsarchive.discover.feeds import declared_late, read_feed
from newsarchive.fetch.documents import looks_like_html

SITEMAP = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset'
    b' xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
    b"<loc>https://x.bg/novini/1</loc><lastmod>2026-11-28</lastmod></url></urlset>"
)
# How CodeIgniter prints a PHP notice with display_errors on: a box of markup fragments.
FRAMEWORK_NOTICE = (
    b'<div style="border:1px solid #990000;padding-left:20px;margin:0 0 10px 0;">\n'
    b"<h4>A PHP Error was encountered</h4>\n<p>Severity: Notice</p>\n"
    b"<p>Message:  Undefined variable: lang</p>\n<p>Filename: controllers/Sitemap.php</p>"
    b"\n<p>Line Number: 21</p>\n</div>"
)


def test_a_frameworks_error_box_before_the_declaration_is_no_page() -> None:
    content = FRAMEWORK_NOTICE + SITEMAP
    assert declared_late(content)
    assert [e.url for e in read_feed(content).entries] == ["https://x.bg/novini/1"]


def test_a_page_holding_an_inline_svgs_declaration_is_no_document() -> None:
    page = (
        b"<!DOCTYPE html><html><head><title>Not found</title></head><body>"
        b'<?xml version="1.0"?><svg width="10"></svg><p>No such page.</p></body></html>'
    )
    assert not declared_late(page)


def test_a_fragment_of_markup_is_html_and_another_doctype_is_not() -> None:
    assert looks_like_html("<p>Общината ремонтира улиците.</p>".encode())
    assert looks_like_html(b"<div class='news'>text</div>")
    assert not looks_like_html(b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"><svg></svg>')
    assert not looks_like_html(b"<pubDate>today</pubDate><param>")
