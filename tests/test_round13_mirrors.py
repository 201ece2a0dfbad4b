"""A thirteenth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round11_mirrors`` does its three.

The mirrors (``tests/fixtures/make_mirrors_round13.py``): a municipality whose UTF-8
pages (``<meta charset="utf-8">``) its server sends as ``charset=windows-1251``
(medovnitsa); a Joomla 3 site whose modules link one article under three ``Itemid``s,
with and without its slug, and no canonical (galabets); a municipality whose earlier
years of news open only from a drop-down of years in a GET form (zimnitsa); one whose
``/`` is only a choice of language, "Български" or "English" (chinarovo); one whose
pager's links are ``javascript:goPage(2)`` calls (srebrevo). Each must
archive exactly its articles with the true title, date and body (Cyrillic, never
mojibake), and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND13_SITES = {
    # UTF-8 pages, a server header saying windows-1251
    "medovnitsa": ("Община Медовница", "https://www.medovnitsa.bg"),
    # Joomla 3, friendly URLs off: the menu's "Новини" at ...&id=8&Itemid=105, an article
    # under three Itemids, no canonical
    "galabets": ("Община Гълъбец", "https://www.galabets.bg"),
    # this year's news paged; earlier years only through "Архив: [2026 ▼]", a GET form
    "zimnitsa": ("Община Зимница", "https://zimnitsa.bg"),
    # "/" only a choice of language: "Български" (bg/index.php) or "English"
    "chinarovo": ("Община Чинарово", "https://www.chinarovo.bg"),
    # a pager of javascript:goPage(N) links, the function in the page's head
    "srebrevo": ("Община Сребрево", "https://www.srebrevo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND13_SITES))
def test_a_round13_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND13_SITES[site])


def test_galabets_fetches_each_article_once_whatever_menu_linked_it(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The blog's, the home module's and the "Най-четени" module's links to one article
    are one address (``urls.url_key``): the crawl asks for each article once."""
    first, _ = check_bare_crawl(run_cli, db, tmp_path, "galabets", *ROUND13_SITES["galabets"])
    # (id=2: the static page "Общинска администрация", once, and no news)
    articles = [url for url in first if "view=article" in url and "&id=2&" not in url]
    ids = [url.split("&id=")[1].split(":")[0].split("&")[0] for url in articles]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 7, articles
