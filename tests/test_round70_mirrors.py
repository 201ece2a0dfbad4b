"""A seventieth round of site shapes, four small sites whose shape would trap, loop or
mislead a crawler nobody tuned, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round66_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round70.py``): links written without the
leading slash, a folder longer on every page under ``/novini/`` and every such address
answered 200 (povtorno); a cloud of 500 tags on every page, each to ``/tarsene?q=<tag>``
(etiketno); cards linking the old script's ``/statia.php?id=…``, each answering 200
"Страницата е преместена" and a script's ``location = "…"`` (premesteno); a pager
answering every number past the end with an empty list and a "Следваща »" to the next,
for ever (bezkraino). Each must archive exactly its articles with the true title, date
and body, in a bounded number of requests, and a rerun right after must cost at most
three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.refresh import stand_in_target

from .mirror_sites import bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND70_SITES = {
    # <a href="novini/1480-…"> on /novini/ -> /novini/novini/1480-…, answered 200
    "povtorno": ("Община Повторно", "https://povtorno.bg"),
    # 500 tags on every page, <a href="/tarsene?q=ремонт+Етикетно">
    "etiketno": ("Община Етикетно", "https://etiketno.bg"),
    # /statia.php?id=5123: 200 "Страницата е преместена", location = "/novini/5123-…"
    "premesteno": ("Община Преместено", "https://premesteno.bg"),
    # /novini?page=4, 5, …: 200 "Няма повече новини." and "Следваща »"
    "bezkraino": ("Община Безкрайно", "https://bezkraino.bg"),
}

# What the first crawl may cost at most (the bare crawl's count, measured: a loop or a
# walk of the tags would cost hundreds).
ROUND70_REQUESTS = {"povtorno": 20, "etiketno": 20, "premesteno": 26, "bezkraino": 20}


@pytest.mark.parametrize("site", sorted(ROUND70_SITES))
def test_a_round70_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND70_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND70_SITES))
def test_a_round70_trap_costs_a_bounded_crawl(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """No tag's search page, no page past the list's end but the first, no grown
    address of a page already asked (povtorno's ``/novini/novini/…``, each of its pages
    fetched there before): the first crawl stays within its measured count."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND70_SITES[site])
    assert len(first) <= ROUND70_REQUESTS[site], first
    assert not any(path.startswith("/tarsene") for path in first)
    assert "/novini?page=5" not in first
    assert not any("/novini/novini" in path for path in first), first


_TEMPLATE = (
    "<html><head><title>Страницата е преместена | Община X</title></head><body>"
    '<div id="top"><a href="/">Община X</a></div><ul id="menu"><li><a href="/">Начало</a></li>'
    '<li><a href="/novini">Новини</a></li></ul><div id="main"><h1>Страницата е преместена</h1>'
    "<p>Моля, изчакайте…</p>{script}</div>"
    '<div id="side"><h3>Полезни връзки</h3><p>{side}</p></div>'
    '<div id="footer"><p>© 2026 Община X. Всички права запазени.</p></div></body></html>'
)


def test_a_moved_notice_sending_the_reader_on_by_script_stands_in_for_its_target() -> None:
    """premesteno's old addresses: "Страницата е преместена" in the site's whole template
    (menus, a sidebar of links, a footer: far more text than a stand-in of a few words)
    and ``location = "…"`` in a script. Before, the notice itself was archived, eight
    rows titled "Страницата е преместена" and none of the articles."""
    side = "Портал за електронно управление, приемно време на кмета. " * 6
    for script in (
        "<script>window.location.href = '/novini/5123-koleden-bazar';</script>",
        '<script>setTimeout(function () { location = "/novini/5123-koleden-bazar"; }, 3000);'
        "</script>",
    ):
        page = _TEMPLATE.format(script=script, side=side).encode()
        assert stand_in_target(page, "https://x.bg/statia.php?id=5123", "text/html") == (
            "https://x.bg/novini/5123-koleden-bazar"
        )


def test_a_page_of_its_own_with_a_script_location_is_no_stand_in() -> None:
    """An article whose page carries a script sending phones to a mobile address, or a
    news story headlined "Пренасочване на движението…", is a page of its own."""
    text = "<p>" + "Движението по главната улица ще бъде пренасочено през съседните. " * 8 + "</p>"
    for title in ("Пренасочване на движението по ул. „Раковски“", "Нов парк в центъра"):
        page = (
            f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{text}"
            "<script>if (screen.width < 600) { location = '/m/novini/5'; }</script></body></html>"
        ).encode()
        assert stand_in_target(page, "https://x.bg/novini/5", "text/html") is None
