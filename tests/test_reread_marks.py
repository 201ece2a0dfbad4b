"""What had an archived article read again is remembered whatever else queues it again,
and a feed item's title says "retitled" as a listing card's headline does.

The nightly run reads an archived article again, once, when its card's headline or its
feed entry says it changed since (``Frontier.relisted``), and keeps a mark of that card
or entry so the same one never costs a request again. The marks were kept in the row's
source, which anything queueing the row again (``crawl --recheck``, ``--refresh``)
replaced: the next night the same card cost a request again. And a feed item's
``<title>`` was never compared at all, only its date. On round 58's dragomirtsi
(``make_mirrors_round58``), served from an editable copy, crawled night after night.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from .mirror_sites import MirrorCrawls, a_night_later, article_rows, mirror_crawls
from .support import Result
from .test_round58_mirrors import ROUND58_SITES

SLUG = "315-proverka-na-hidrantite"
URL = f"https://dragomirtsi.bg/novini/{SLUG}"
TITLE = "Пожарникарите проверяват хидрантите – Светлен"


def _revisions(db: Path) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT count(*) FROM revisions").fetchone()[0])


def _touch_list(crawls: MirrorCrawls, night: int) -> None:
    """The list changed elsewhere (as a list does each night: a new card, a banner), so
    it is read whole (a 200), the card of ``SLUG`` as it was."""
    listing = crawls.root / "novini.html"
    page = listing.read_text(encoding="utf-8")
    listing.write_text(page.replace("</h1>", f"</h1><!-- {night} -->", 1), encoding="utf-8")


def test_a_card_headline_its_page_never_shows_costs_one_request_though_a_recheck_requeued_it(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Night 2 the card shows a headline the page never does: one 304. Night 3 ``crawl
    --recheck 30`` asks every article again. Night 4 (the nightly run, the list read
    whole, that card as it was) and night 6 after a ``--refresh`` on night 5: the list
    alone. The mark survived both re-queues (it was lost with the row's source, and
    each of nights 4 and 6 asked the article once more)."""
    site = ROUND58_SITES["dragomirtsi"]
    with mirror_crawls(run_cli, db, tmp_path, "dragomirtsi", *site, editable=True) as crawls:
        crawls.crawl()
        listing = crawls.root / "novini.html"
        page = listing.read_text(encoding="utf-8")
        listing.write_text(page.replace(TITLE, TITLE.replace(" – ", " в ")), encoding="utf-8")
        nights: list[list[str]] = []
        a_night_later(db)
        nights.append(crawls.crawl())
        a_night_later(db)
        _touch_list(crawls, 3)
        nights.append(crawls.crawl("--recheck", "30"))
        a_night_later(db)
        _touch_list(crawls, 4)
        nights.append(crawls.crawl())
        a_night_later(db)
        _touch_list(crawls, 5)
        nights.append(crawls.crawl("--refresh"))
        a_night_later(db)
        _touch_list(crawls, 6)
        nights.append(crawls.crawl())
        assert nights[0] == ["/robots.txt", "/novini", f"/novini/{SLUG}"]
        assert f"/novini/{SLUG}" in nights[1] and len(nights[1]) == 9
        assert nights[2] == ["/robots.txt", "/novini"]
        assert f"/novini/{SLUG}" in nights[3]
        assert nights[4] == ["/robots.txt", "/novini"]
        assert crawls.result is not None and crawls.result.stderr == ""
        assert _revisions(db) == 0 and article_rows(db)[URL][0] == TITLE


def test_an_archive_whose_sources_held_the_marks_keeps_them_in_their_column(
    tmp_path: Path,
) -> None:
    """v32 moves the marks a v31 row held in its source ("relisted:MARK,MARK") into
    ``frontier.relisted``, the source "relisted"; other rows keep theirs."""
    from newsarchive.archive.connection import connect

    path = tmp_path / "a.db"
    with closing(connect(path, create=True)) as conn:
        conn.execute("ALTER TABLE frontier DROP COLUMN relisted")
        conn.executemany(
            "INSERT INTO frontier (url_key, url, site, source, state, added_at)"
            " VALUES (?, ?, 't', ?, 'done', '2026-11-20T10:00:00+00:00')",
            [("t/1", "https://t.bg/1", "relisted:aa11,bb22"), ("t/2", "https://t.bg/2", "feed")],
        )
        conn.execute("PRAGMA user_version = 31")
        conn.commit()
    with closing(connect(path, create=False)) as conn:
        rows = conn.execute("SELECT url, source, relisted FROM frontier ORDER BY url").fetchall()
    assert rows == [("https://t.bg/1", "relisted", "aa11,bb22"), ("https://t.bg/2", "feed", None)]
