"""An archived article read again keeps the date its listing gave it when its page
prints none: ``--recheck``, or the nightly run for a card retitled, queues it under a
source whose date is no publication date, and the re-read, its page undated, left the
row undated (the date lost, only its revision holding it). On round 58's dragomirtsi
(``make_mirrors_round58``), served from an editable copy whose one article prints no
date."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from .mirror_sites import a_night_later, mirror_crawls
from .support import Result
from .test_round58_mirrors import ROUND58_SITES

SLUG = "315-proverka-na-hidrantite"
TITLE = "Пожарникарите проверяват хидрантите – Светлен"
EDITED = "Пожарникарите провериха хидрантите – Светлен"


def _row(db: Path) -> tuple[str, str | None, str | None]:
    with closing(sqlite3.connect(db)) as conn:
        query = "SELECT title, published, date_source FROM articles WHERE url LIKE ?"
        return conn.execute(query, (f"%/{SLUG}",)).fetchone()


def test_an_article_dated_by_its_card_and_read_again_keeps_that_date(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    site = ROUND58_SITES["dragomirtsi"]
    with mirror_crawls(run_cli, db, tmp_path, "dragomirtsi", *site, editable=True) as crawls:
        page = crawls.root / "novini" / f"{SLUG}.html"
        html = page.read_text(encoding="utf-8")
        dated = '<p class="data">Публикувано: 24.11.2026 11:50 ч.</p>'
        assert dated in html and TITLE in html
        page.write_text(html.replace(dated, ""), encoding="utf-8")
        crawls.crawl()
        assert _row(db) == (TITLE, "2026-11-24", "listing")
        # edited overnight: a title fixed and a paragraph added, read again by --recheck
        added = "</h1><p>Проверени са всички хидранти в квартал Светлен и в центъра.</p>"
        page.write_text(
            html.replace(dated, "").replace(TITLE, EDITED).replace("</h1>", added, 1),
            encoding="utf-8",
        )
        a_night_later(db)
        assert f"/novini/{SLUG}" in crawls.crawl("--recheck", "30")
        assert _row(db) == (EDITED, "2026-11-24", "listing")


def test_an_article_dated_by_its_card_and_retitled_keeps_that_date_on_the_nightly_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The same re-read, by the nightly run (no options), which reads the article again
    because its card's headline changed (``Frontier.relisted``)."""
    site = ROUND58_SITES["dragomirtsi"]
    with mirror_crawls(run_cli, db, tmp_path, "dragomirtsi", *site, editable=True) as crawls:
        page, listing = crawls.root / "novini" / f"{SLUG}.html", crawls.root / "novini.html"
        html = page.read_text(encoding="utf-8")
        dated = '<p class="data">Публикувано: 24.11.2026 11:50 ч.</p>'
        page.write_text(html.replace(dated, ""), encoding="utf-8")
        crawls.crawl()
        assert _row(db) == (TITLE, "2026-11-24", "listing")
        page.write_text(html.replace(dated, "").replace(TITLE, EDITED), encoding="utf-8")
        listing.write_text(
            listing.read_text(encoding="utf-8").replace(TITLE, EDITED), encoding="utf-8"
        )
        a_night_later(db)
        assert f"/novini/{SLUG}" in crawls.crawl()
        assert _row(db) == (EDITED, "2026-11-24", "listing")
