"""A listing's news item that is a document (a PDF behind ``dokument.php?id=N``), not a
web page: settled, never archived, never a failure of the run."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.archive.frontier import Entry, seen
from newsarchive.archive.states import State
from newsarchive.crawl_run import Outcome
from newsarchive.harvest import SETTLED, judge
from newsarchive.models import Page, Profile

PROFILE = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg",))
_PDF = (
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\nBT (Zapoved 412 za dvizhenieto) Tj ET\n%%EOF\n"
)


def _page(content: bytes, content_type: str) -> Page:
    return Page(
        url="https://x.bg/bg/dokument.php?id=90",
        final_url="https://x.bg/bg/dokument.php?id=90",
        status=200,
        headers={"content-type": content_type} if content_type else {},
        content=content,
        text=content.decode("latin-1"),
        encoding="cp1252",
        fetched_at=dt.datetime(2026, 11, 30, tzinfo=dt.UTC),
    )


@pytest.mark.parametrize("content_type", ["application/pdf", "application/octet-stream", ""])
def test_a_document_where_an_article_was_listed_is_no_article(content_type: str) -> None:
    verdict = judge("https://x.bg/bg/dokument.php?id=90", _page(_PDF, content_type), PROFILE, None)
    assert verdict.outcome is Outcome.NOT_PAGE and verdict.article is None
    assert "dokument.php?id=90" in verdict.message
    entry = Entry(SETTLED[Outcome.NOT_PAGE], 1)
    assert entry.state is State.NOT_PAGE
    assert seen(entry, archived=False, refresh=False, since=False).value == "known"  # settled


def test_html_sent_with_a_wrong_content_type_is_still_read() -> None:
    html = (
        b"<!DOCTYPE html><html><body><h1>Kmetat otkri novata gradina</h1>"
        + (
            b"<p>"
            + b"Detskata gradina v kvartala priema parvite detsa ot ponedelnik. " * 5
            + b"</p>"
        )
        + b"</body></html>"
    )
    verdict = judge("https://x.bg/a", _page(html, "application/octet-stream"), PROFILE, None)
    assert verdict.outcome is Outcome.NEW
