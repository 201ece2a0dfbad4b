"""Found in review: an edited article re-read at its canonical address stays one row; a
short news item whose headline opens with an idiom that error pages also use is news; a
long robots.txt whose lines end in CR keeps its first rules; no streamed part is lost."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from protego import Protego
from selectolax.lexbor import LexborHTMLParser

from newsarchive.archive.connection import connect
from newsarchive.archive.store import Store
from newsarchive.extraction.page_kind import page_kind
from newsarchive.fetch.robots import robots_cut
from newsarchive.models import Article
from newsarchive.streamed import place_streamed

SITE = "http://127.0.0.1:9/news"
DAY = dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.UTC)


def test_an_article_edited_then_read_at_its_canonical_stays_one_row(tmp_path: Path) -> None:
    """Read first at ``/12`` (naming ``/12-pozhar`` its canonical), then, rewritten as the
    story developed (new headline, new lead), at ``/12-pozhar`` itself: one article,
    updated, never split into two rows and its canonical marked as shared."""
    db = tmp_path / "a.db"
    first = Article(
        title="Пожар в склад в Промишлената зона",
        text="Голям пожар избухна тази сутрин в склад в Промишлената зона. " * 5,
        published=DAY,
    )
    later = Article(
        title="Пожарът в склада в Промишлената зона е овладян",
        text="Огнеборците овладяха пожара в склада след четиричасова борба. " * 5,
        published=DAY,
    )
    with closing(connect(db, create=True)) as conn:
        store = Store(conn)
        with conn:
            assert (
                store.upsert_article(
                    first, site="s", url=f"{SITE}/12-pozhar", source_url=f"{SITE}/12"
                )
                == "new"
            )
        with conn:
            outcome = store.upsert_article(later, site="s", url=f"{SITE}/12-pozhar")
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT url, title FROM articles").fetchall()
        shared = conn.execute("SELECT count(*) FROM shared_canonicals").fetchone()[0]
    assert outcome == "updated"
    assert rows == [(f"{SITE}/12-pozhar", later.title)]
    assert shared == 0


SHORT = (
    "Кметът обясни какво се е случило с водопровода в квартал Изток и кога ще бъде"
    " отстранена аварията. Ремонтът ще продължи до петък."
)


def test_a_colon_headline_opening_with_an_error_idiom_is_news() -> None:
    for title in (
        "Нещо се обърка: водата в Изток спря за трети път",
        "Грешка в базата данни: 3000 души без адресна регистрация",
    ):
        assert page_kind("", [title], SHORT) == "", title


def test_a_server_error_title_is_still_one() -> None:
    for title in ("Възникна грешка | Община Пример", "Database Error: Too many connections"):
        assert page_kind("", [title], "") == "server error page", title


def test_a_long_robots_txt_of_cr_ended_lines_keeps_the_rules_before_the_cut() -> None:
    """RFC 9309 ends a line at CR as at LF (Protego reads both): cut at its last LF, a
    robots.txt over the limit whose lines end in CR alone became empty, allowing all."""
    body = b"User-agent: *\rDisallow: /private\r" + b"Disallow: /x\r" * 100
    kept = robots_cut(body, 200)
    assert kept.startswith(b"User-agent: *\rDisallow: /private\r") and len(kept) <= 200
    assert not Protego.parse(kept.decode()).can_fetch("http://e.x/private/a", "newsarchive")


def test_a_placeholder_two_streamed_parts_name_gets_one_and_loses_neither() -> None:
    """``S:1`` is moved to ``B:0`` by the page's script; ``S:0``, named by no script,
    went there too by its number: ``B:0`` was replaced twice, the second part's text
    moved into a node already gone, and lost."""
    page = (
        '<html><body><h1>T</h1><!--$?--><template id="B:0"></template><p>Loading...</p>'
        '<!--/$--><footer>f</footer><div hidden id="S:0"><p>Part zero text.</p></div>'
        '<div hidden id="S:1"><p>Part one text.</p></div>'
        '<script>$RC("B:0","S:1")</script></body></html>'
    )
    tree = LexborHTMLParser(page)
    place_streamed(tree, page.encode())
    text = tree.body.text(separator=" ") if tree.body is not None else ""
    assert "Part one text." in text and "Part zero text." in text and "Loading" not in text
    assert text.index("Part one text.") < text.index("f")  # (in its place, before the footer)
