"""An eighty-eighth round of site shapes, four small sites whose ARTICLE PAGES hold shapes
of Bulgarian municipal templates no round had, crawled from the origin alone (a profile
of id, name and origin) through a real ``MirrorServer``, as ``test_round84_mirrors`` does
its four.

The mirrors (``tests/fixtures/make_mirrors_round88.py``): a water company's outage
notices whose content is a fifteen-row table of streets and hours (spirane); council
decisions with "Решение № 412 от 26.11.2026 г." in an ``<h2>`` above the headline and
their points in an ``<ol>`` (reshenie); article pages with no headline element, the
headline only the breadcrumb's last item and the ``<title>`` (trohi); mayor's orders
whose content is a list of attached "Заповед №…" PDF links (zapovedi: before, the two
whose list stands under a line ending on a full stop lost it). Each must archive exactly
its articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.documents import is_document
from newsarchive.extraction import extract

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND88_SITES = {
    "spirane": ("ВиК Спиране", "https://spirane.bg"),
    "reshenie": ("Общински съвет Решение", "https://reshenie.bg"),
    "trohi": ("Община Трохи", "https://trohi.bg"),
    "zapovedi": ("Община Заповеди", "https://zapovedi.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND88_SITES))
def test_a_round88_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND88_SITES[site])


FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
URL = "https://z.bg/novini/view/12"
ORDERS = [
    "Заповед № РД-09-300/27.11.2026 г. за временна забрана за движение на камиони",
    "Заповед № РД-09-299/27.11.2026 г. за местата за коледна украса",
    "Заповед № РД-09-298/27.11.2026 г. за зимното поддържане на пътищата",
]
CLOSING = "Заповедите могат да бъдат обжалвани в четиринадесетдневен срок."


def _orders_page(intro: str, hrefs: list[str]) -> str:
    items = "".join(f'<li><a href="{h}">{t}</a></li>' for h, t in zip(hrefs, ORDERS, strict=True))
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Заповеди | '
        "Община Тест</title></head><body><ul id='menu'><li><a href='/'>Начало</a></li><li>"
        "<a href='/novini/'>Новини</a></li></ul><div id='main'><div class='novina'>"
        "<h1>Заповеди на кмета от 27.11.2026 г.</h1><div class='date'>27.11.2026 08:17</div>"
        f"<div class='text'><p>{intro}</p><ul class='files'>{items}</ul><p>{CLOSING}</p>"
        "</div></div></div><div id='footer'><p>© 2026 Община Тест.</p></div></body></html>"
    )


@pytest.mark.parametrize(
    "intro",
    [
        "Публикуваме заповедите на кмета от последната седмица.",  # a full stop
        "Кметът на общината издаде следните заповеди:",  # a colon (kept before too)
    ],
)
@pytest.mark.parametrize("kind", [".pdf", ".docx", ".PDF?download=1"])
def test_a_list_of_links_to_documents_under_a_line_of_the_text_is_the_text(
    intro: str, kind: str
) -> None:
    """zapovedi: "Публикуваме заповедите на кмета…" over a list of "Заповед № …" PDF
    links, prose after it: the list, the notice's content, was lost as a menu (a list
    was the text's own only under a line ending on a colon)."""
    hrefs = [f"/files/zapoved-{300 - k}{kind}" for k in range(3)]
    got = extract(_orders_page(intro, hrefs), URL, today=FETCHED)
    assert got.text == "\n".join([intro, *ORDERS, CLOSING])


def test_a_list_of_links_to_pages_under_a_full_stop_still_goes() -> None:
    """After a full stop a list of links to pages may be a related box set in the text."""
    intro = "Публикуваме заповедите на кмета от последната седмица."
    hrefs = [f"/novini/view/{300 - k}" for k in range(3)]
    got = extract(_orders_page(intro, hrefs), URL, today=FETCHED)
    assert got.text == "\n".join([intro, CLOSING])


@pytest.mark.parametrize(
    ("href", "document"),
    [
        ("/files/zapoved-12.pdf", True),
        ("https://z.bg/docs/Reshenie.DOCX?v=2#p1", True),
        ("/files/arhiv.zip", True),
        ("/novini/zapoved-12", False),
        ("/img/snimka.jpg", False),
        ("/pdf/", False),
        ("http://[z.bg/x.pdf", False),  # cannot be split: no document, no traceback
    ],
)
def test_a_document_is_told_by_its_paths_extension(href: str, document: bool) -> None:
    assert is_document(href) is document
