"""A thirty-eighth round of site shapes, crawled from the origin alone (a profile of
id, name and origin) through a real ``MirrorServer``, as ``test_round37_mirrors`` does
its four.

The mirrors (``tests/fixtures/make_mirrors_round38.py``): a listed article the CMS
deleted, its address answering ``302`` to the list (ela); articles split over pages
numbered in the path, ``/novini/<id>-<slug>/2``, with a pager of numbers alone and no
``rel="next"`` or canonical (smarch); cards clickable only by ``onclick="window.location=
'statia.php?id=905'"``, no ``<a>`` to an article (mura); English copies of every article
(``/en/news/905``) whose layout says ``<html lang="bg">``, only each page's own
``hreflang`` telling the language (trepetlika). Each must archive exactly its articles
with the true title, date and body, and a rerun right after must cost at most three
requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import FirstCrawl, bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND38_SITES = {
    # a listed article deleted, its address answering 302 to the list
    "ela": ("Община Ела", "https://ela.bg"),
    # articles split over /novini/<id>-<slug>/2 and /3, a pager of numbers alone
    "smarch": ("Вестник „Смърч“", "https://smarch-novini.bg"),
    # cards clickable by onclick="window.location='statia.php?id=N'" alone
    "mura": ("Община Мура", "https://www.mura.bg"),
    # English copies under <html lang="bg">, only their own hreflang saying "en"
    "trepetlika": ("Община Трепетлика", "https://trepetlika.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND38_SITES))
def test_a_round38_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND38_SITES[site])


FIRST_CRAWLS = [
    # the deleted article asked once, its redirect to the list no second walk of it
    FirstCrawl(
        "ela",
        once=("/novini", "/novini?page=2", "/novini?page=3", "/novini/statia.php?id=904"),
        rows=8,
    ),
    # each later page of a long article read once, as its continuation
    FirstCrawl(
        "smarch",
        once=("/novini/905-shkolna-olimpiada/2", "/novini/905-shkolna-olimpiada/3"),
        rows=8,
    ),
    # every card's article once, resolved against the list's folder
    FirstCrawl("mura", once=("/novini/index.php?str=3", "/novini/statia.php?id=898"), rows=8),
    # each Bulgarian article once, from the list or the sitemap; no English copy asked
    FirstCrawl(
        "trepetlika",
        once=("/sitemap.xml", "/novini?page=3", "/novini/905"),
        unasked=("/en/news", "/en/news/905"),
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round38_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND38_SITES[site])
    expected.check(first, db)
