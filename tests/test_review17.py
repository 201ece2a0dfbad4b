"""Found in review: an edited article re-read at its canonical address stays one row; a
short news item whose headline opens with an idiom that error pages also use is news; a
long robots.txt whose lines end in CR keeps its first rules."""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from pathlib import Path

from protego import Protego

from newsarchive.archive.connection import connect
from newsarchive.archive.store import Store
from newsarchive.extraction.page_kind import page_kind
from newsarchive.fetch.client import _robots_cut
from newsarchive.models import Article

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
    kept = _robots_cut(body, 200)
    assert kept.startswith(b"User-agent: *\rDisallow: /private\r") and len(kept) <= 200
    assert not Protego.parse(kept.decode()).can_fetch("http://e.x/private/a", "newsarchive")
