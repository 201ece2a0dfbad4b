"""A fifty-seventh round of site shapes, four small sites whose ARTICLE PAGES print the
headline, the date, the byline and the text in shapes no round had, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round55_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round57.py``): an old CMS of layout tables
whose ``<h1>`` is the municipality's name and whose headline is a ``<td class="title">``,
dated "27.XI.2026 г.", its text ``<br><br>``-separated lines in one cell (topolitsa); a
blog theme whose headline is an ``<h2 class="entry-title">`` under a logo ``<h1>``, the
date, minute and author only in a "Публикувано на … от …" line after the text, a "Виж
още:" line of links in the text and "Източник: БТА" at its end (kupinovo); three-line
announcements with a PDF attached, dated "27 ное. 2026 | 08:17", three a page beside a
column of the newest six, all that pages 1 and 2 list (yasenitsa: its page 3 was never
read, the walk taking page 2 for a repeat of page 1: 6 of 8 archived); gallery
posts with captions, "Снимки: …" credits and "Етикети: …" tags (bilkarovo). Each must
archive exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from .mirror_sites import bare_crawl_twice, check_bare_crawl, site_json
from .support import Result

ROUND57_SITES = {
    # layout tables, <td class="title">, "27.XI.2026 г.", <br><br> lines in one <td>
    "topolitsa": ("Община Тополица", "http://topolitsa.bg"),
    # <h2 class="entry-title">, "Публикувано на 27.11.2026 г. в 08:17 ч. от …" after the text
    "kupinovo": ("Община Купиново", "https://kupinovo.bg"),
    # three-line announcements with a PDF, "27 ное. 2026 | 08:17", a column of the newest six
    "yasenitsa": ("Община Ясеница", "https://yasenitsa.bg"),
    # gallery posts, "Снимки: <name>" credits, "Етикети: a, b, c"
    "bilkarovo": ("Община Билкарово", "https://bilkarovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND57_SITES))
def test_a_round57_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND57_SITES[site])


def test_a_last_change_printed_under_the_byline_is_the_modified_date_not_the_published(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """kupinovo's "Последна промяна: 28.11.2026 г. в 10:17 ч." under "Публикувано на
    27.11.2026 г. в 08:17 ч.": the modified date, to the minute, kept apart."""
    bare_crawl_twice(run_cli, db, tmp_path, "kupinovo", *ROUND57_SITES["kupinovo"])
    with closing(sqlite3.connect(db)) as conn:
        archived = dict(conn.execute("SELECT url, modified FROM articles"))
    expected = {row["url"]: row["modified"] for row in site_json("kupinovo", "expected.json")}
    assert archived == expected
