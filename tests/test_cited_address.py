"""One page found at several addresses that states none of them canonical (triadres: the
list's ``/novini/3310-x``, a side box's ``/novini/3310``, the feed's
``/index.php?id=3310``) is one row under the address a reader would cite, whichever was
read first, and stays there when another is read again."""

from __future__ import annotations

import datetime as dt
from itertools import permutations
from pathlib import Path

import pytest

from newsarchive.archive.connection import connect
from newsarchive.archive.store import Store
from newsarchive.discover.urls import cited_first, url_key
from newsarchive.models import Article, Page

LIST = "https://triadres.bg/novini/3310-zalesyavane-na-halma"
BOX = "https://triadres.bg/novini/3310"
FEED = "https://triadres.bg/index.php?id=3310"


@pytest.mark.parametrize(
    ("kept", "found", "cited"),
    [
        (FEED, LIST, LIST),  # a path over a script's query
        (LIST, FEED, LIST),
        (BOX, LIST, LIST),  # words over an id alone
        (LIST, BOX, LIST),
        (FEED, BOX, BOX),
        (BOX, FEED, BOX),
        (
            "https://x.bg/novini/3310.html",
            "https://x.bg/novini/3310-park.html",
            "https://x.bg/novini/3310-park.html",
        ),  # fmt: skip
        # neither is: the row keeps the one it has
        ("https://x.bg/novini/12/", "https://x.bg/detail/12/", None),
        ("https://x.bg/a.php?id=1", "https://x.bg/b.php?n=1", None),
        ("https://x.bg/novini/park", "https://x.bg/index.php/novini/park", None),
        # spellings of one address, and another host (a move, not an alias)
        ("http://www.x.bg/novini/3310", "https://x.bg/novini/3310", None),
        ("https://old.bg/index.php?id=5", "https://new.bg/novini/5-park", None),
    ],
)
def test_the_address_a_reader_would_cite_is_kept(kept: str, found: str, cited: str | None) -> None:
    assert cited_first(kept, found) == cited


DAY = dt.datetime(2026, 11, 28, 9, 30)
TEXT = "Доброволци и ученици засадиха двеста фиданки по хълма над града в събота сутринта."


def _rows(tmp_path: Path, order: tuple[str, ...], name: str) -> tuple[list[str], ...]:
    conn = connect(tmp_path / f"{name}.db", create=True)
    try:
        outcomes = []
        with conn:
            store = Store(conn)
            for url in order:
                page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", DAY)
                capture = store.save_capture(page)
                article = Article(title="Залесяване на хълма", text=TEXT, published=DAY)
                outcome = store.upsert_article(article, site="t", url=url, capture_id=capture)
                outcomes.append(outcome)
        urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
        keys = sorted(r[0] for r in conn.execute("SELECT url_key FROM article_urls"))
    finally:
        conn.close()
    return urls, keys, outcomes


@pytest.mark.parametrize("order", list(permutations([FEED, BOX, LIST])))
def test_one_page_at_three_addresses_is_kept_under_the_lists_whatever_came_first(
    tmp_path: Path, order: tuple[str, ...]
) -> None:
    """The row was the first-read address's (the feed's, read before the list): now the
    list's in every order, the others kept as its keys so none is fetched as new again;
    each address read again (a second night, ``--refresh``) moves it nowhere."""
    urls, keys, outcomes = _rows(tmp_path, (*order, *order, FEED, BOX), "a")
    assert urls == [LIST]
    assert keys == sorted(url_key(u) for u in (FEED, BOX, LIST))
    assert outcomes == ["new"] + ["unchanged"] * 7


def test_a_page_stating_its_canonical_keeps_it(tmp_path: Path) -> None:
    """A page that names its canonical is archived there, as before: the order is only
    for pages that state none."""
    conn = connect(tmp_path / "c.db", create=True)
    try:
        with conn:
            store = Store(conn)
            article = Article(title="Залесяване на хълма", text=TEXT, published=DAY)
            for url in (LIST, BOX):
                page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", DAY)
                capture = store.save_capture(page)
                store.upsert_article(
                    article, site="t", url=FEED, source_url=url, capture_id=capture
                )
        assert [r[0] for r in conn.execute("SELECT url FROM articles")] == [FEED]
    finally:
        conn.close()
