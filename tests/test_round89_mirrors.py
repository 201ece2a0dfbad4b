"""An eighty-ninth round of site shapes, four small sites on the uniform templates Bulgarian
public bodies share across dozens of sites, crawled from the origin alone (a profile of
id, name and origin) through a real ``MirrorServer``, as ``test_round88_mirrors`` does
its four.

The mirrors (``tests/fixtures/make_mirrors_round89.py``): a police directorate's press
centre, one section of the ministry's one host, every page linking the ministry's and a
neighbouring directorate's dated news in the same markup (odmvr: only its own section
is archived); a governor's office on the old government e-cms in windows-1251, every
page one script told apart by its query (oblast); a district court's news, every other
item a press release labelled "Прессъобщение" whose rest is an attached PDF
(rajonensad); a health inspectorate on a ready-made ``index.php?p=novini&id=`` template
(rzi). Each must archive exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.listings import article_links
from newsarchive.models import Profile

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND89_SITES = {
    "odmvr": ("ОДМВР Каменград", "https://mvr-portal.bg/odmvr-kamengrad/"),
    "oblast": ("Областна администрация Зорница", "https://oblast-zornitsa.bg"),
    "rajonensad": ("Районен съд – Тихоречие", "https://rs-tihorechie.bg"),
    "rzi": ("РЗИ Зорница", "https://rzi-zornitsa.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND89_SITES))
def test_a_round89_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND89_SITES[site])


def test_a_section_of_a_shared_host_asks_nothing_of_the_hosts_other_sections(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """odmvr: every page's side boxes list the ministry's news and Bregovitsa's, dated
    cards in the list's own markup, and the host's root answers ``/rss``. Before, the
    first crawl fetched the six side-box articles (archived none: not the site's) and
    tried the feeds at the host's root, 23 requests; now only the section's, 17."""
    first, _ = check_bare_crawl(run_cli, db, tmp_path, "odmvr", *ROUND89_SITES["odmvr"])
    outside = [path for path in first if not path.startswith("/odmvr-kamengrad/")]
    assert outside == ["/robots.txt"]
    assert len(first) == 17


FOLDER = Profile(
    id="odmvr", name="ОДМВР", origin="https://mvr.bg", hosts=("mvr.bg",), home="/odmvr-r/"
)
LISTING = (
    "<html><body><ul id='menu'><li><a href='/odmvr-r/'>Начало</a></li>"
    "<li><a href='/odmvr-v/'>ОДМВР В</a></li></ul><div id='main'><h1>Новини</h1>{own}</div>"
    "<div id='side'><h3>Новини от други ОДМВР</h3>{other}</div></body></html>"
)


def _cards(folder: str, first: int) -> str:
    return "".join(
        f'<div class="news-item"><span class="date">{20 - k}.11.2026</span> '
        f'<a href="{folder}/novini/view/{first - k}">Задържан е водач номер {first - k} '
        "след гонка по булеварда</a></div>"
        for k in range(4)
    )


@pytest.mark.parametrize("other", ["/odmvr-v", "", "/ODMVR-V"])
def test_a_listing_in_a_folder_leaves_out_the_hosts_other_folders_cards(other: str) -> None:
    """The same cards of another folder of the host (a neighbour's section, the
    ministry's own at the root) are no candidates of the folder's site."""
    html = LISTING.format(own=_cards("/odmvr-r", 120), other=_cards(other, 80))
    found = article_links(html, "https://mvr.bg/odmvr-r/novini", FOLDER)
    assert [c.url for c in found] == [
        f"https://mvr.bg/odmvr-r/novini/view/{120 - k}" for k in range(4)
    ]
