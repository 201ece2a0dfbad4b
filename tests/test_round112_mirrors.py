"""A hundred-and-twelfth round of site shapes: THE DEMOCRATIC MACHINERY OF A MUNICIPALITY,
crawled from the origin alone (a profile of id, name and origin) through a real
``MirrorServer``, as ``test_round107_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round112.py``): a municipal council's old
custom PHP site, every page ``index.php?m=<module>``, whose "Новини" hold the chair's news
and each session's "Покана за заседание" beside sessions, decisions, minutes' PDFs,
committees, councillors and the live stream (obsstarogradets); a council on Joomla 3
whose news sit beside DOCman's tree of decisions (obsyablanitsa); a village mayoralty's
blog on WordPress.com under its sharing, likes, related posts and comment form
(kmetstvobrezovdol); a municipality whose "Обществени обсъждания" pages (a draft's
dates, its 30-day window, its PDFs) sit beside the news announcing them, and a local
referendum's page (drenopole). Each must archive exactly its articles with the true
title, date, author and body, once each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover import explore
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import bare_crawl_twice, check_bare_crawl
from .support import SITES, Result

ROUND112_SITES = {
    "obsstarogradets": ("Общински съвет – Староградец", "https://www.obs-starogradets.bg"),
    "obsyablanitsa": ("Общински съвет Ябланица", "https://obs.yablanitsa-obshtina.bg"),
    "kmetstvobrezovdol": ("Кметство Брезов дол", "https://kmetstvobrezovdol.wordpress.com"),
    "drenopole": ("Община Дренополе", "https://www.drenopole.bg"),
}


# obsstarogradets: the sidebar box "Следващо заседание" on every page links the next
# session's page (``index.php?m=session&id=12``) by its day and hour alone, "26.11.2026
# г., 9:30 ч.", built as the live stream's banner box below it; on the news list the two
# passed for a dated run whose one item was the session's page (its agenda, decisions and
# minutes, a record), archived as news. A run gives items only where two of its cards are
# items (``items.pick_items``; ``test_one_item_boxes``).
@pytest.mark.parametrize("site", sorted(ROUND112_SITES))
def test_a_round112_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND112_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND112_SITES))
def test_a_round112_crawl_asks_no_record_pdf_or_second_address(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """Decisions, minutes, DOCman's documents, a consultation's procedure page, a
    councillor's profile are records, never archived; their PDFs are never asked; a
    WordPress.com post's sharing buttons and reply links are the same article again."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND112_SITES[site])
    assert not [p for p in first if p.split("?")[0].endswith((".pdf", "/file", ".mp4"))], first
    assert not [p for p in first if "share=" in p or "replytocom=" in p], first


def test_current_drafts_in_a_sidebar_name_no_news_section() -> None:
    """drenopole: the sidebar's "Актуални проекти на нормативни актове" links the list
    of public consultations, a register of drafts with their dates. "Актуални" there is
    the adjective of "проекти", no news: the list was walked as a section and its three
    consultations archived as news. Alone or before a news noun it still names one."""
    page = (SITES / "drenopole/index.html").read_text(encoding="utf-8")
    profile = Profile(id="drenopole", name="Община Дренополе", origin="https://www.drenopole.bg")
    found = explore.section_links(parse_html(page), "https://www.drenopole.bg/", profile)
    assert "https://www.drenopole.bg/bg/novini" in found, found
    assert "https://www.drenopole.bg/bg/obshtestveni-obsazhdaniya" not in found, found
    names_news = explore.names_news
    assert not names_news("Актуални проекти на нормативни актове")
    assert not names_news("Актуални обществени поръчки")
    assert names_news("Актуално")
    assert names_news("Актуални новини")
    assert names_news("Актуална информация")
