"""What of a response sent past its Content-Length is kept: a whole document only."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest

from newsarchive.fetch.surplus import Overlong, kept_body, whole_document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
PAGE = "<!doctype html><html lang=bg><body><p>Общината обяви конкурс.</p></body></html>"


@pytest.mark.parametrize(
    ("content", "whole"),
    [
        (PAGE, True),
        (PAGE + "\n<!-- cached in 0.02 s -->\n", True),
        ("\n<?xml version='1.0'?><rss><channel></channel></rss>", True),
        (f"<!DOCTYPE html>\n<!--[if IE]><div><![endif]-->{PAGE.upper()[15:]}", True),
        (PAGE.removesuffix("</html>"), False),  # cut before its end
        (PAGE + "<div>proxy</div>", False),  # more after the end
        (PAGE + PAGE, False),  # the root closed before the end
        ("<p>едно</p><p>две</p>", False),  # a fragment, no document
        ("<html><script>document.write('</html>')</script></html>", False),  # in doubt
        (PAGE + "<!-- a comment never closed", False),
        ("", False),
    ],
    ids=[
        "page", "comment-after", "rss", "conditional-comment", "cut", "junk-after",
        "two-pages", "fragment", "root-closed-in-script", "open-comment", "empty",
    ],
)  # fmt: skip
def test_a_whole_document_closes_its_first_element_at_its_end(content: str, whole: bool) -> None:
    assert whole_document(content.encode()) is whole
    assert whole_document(codecs.BOM_UTF8 + content.encode()) is whole


def test_the_declared_bytes_are_kept_when_whole_else_the_whole_body_when_sent_so_twice() -> None:
    body = PAGE.encode()
    letters = len(PAGE)  # (the CMS's count: fewer than its bytes)
    cms = Overlong(body[:letters], body[letters:], coded=False)
    assert kept_body(cms, cms) == body
    assert kept_body(None, cms) is None  # once is no habit
    other = Overlong(body[:letters], body[letters:] + b" ", coded=False)
    assert kept_body(cms, other) is None  # nor two different surpluses
    compressed = Overlong(body[:letters], body[letters:], coded=True)
    assert kept_body(compressed, compressed) is None  # (it would continue the raw stream)
    proxy = Overlong(body, b"<div>proxy</div>", coded=True)
    assert kept_body(proxy, proxy) == body
    # (a surplus after a whole document is read only as far as it had come: no habit)
    assert kept_body(proxy, Overlong(body, b"<div>pro", coded=True)) == body
    assert kept_body(proxy, Overlong(body + b" ", b"<div>proxy</div>", coded=True)) is None
    torn = Overlong(body[:letters], body[letters:-7], coded=False)
    assert kept_body(torn, torn) is None


@pytest.mark.skipif(not (SHARED / "wcxb-dev" / "html").is_dir(), reason="no ../shared")
def test_no_cut_page_reads_as_whole_and_nearly_every_page_does() -> None:
    """WCXB dev's and bg-pages' pages: cut anywhere, none is taken for whole; whole, all
    but a few are (a script after ``</html>``, no ``<html>`` at all: refused, as before)."""
    pages = [gzip.decompress(p.read_bytes()) for p in (SHARED / "wcxb-dev" / "html").glob("*.gz")]
    pages += [p.read_bytes() for p in (SHARED / "bg-pages").rglob("*.html") if p.is_file()]
    assert len(pages) > 700
    assert sum(whole_document(page) for page in pages) > 0.95 * len(pages)
    cut = [page[: len(page) * tenth // 10] for page in pages for tenth in range(1, 10)]
    assert not any(whole_document(part) for part in cut)
