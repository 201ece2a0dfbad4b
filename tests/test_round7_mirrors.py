"""A seventh round of site shapes, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round6_mirrors`` does its three.

The mirrors (``tests/fixtures/make_mirrors_round7.py``): a static site whose ``/`` is only
a ``<meta http-equiv="Refresh">`` and whose pages link each other with ``../`` (studenets);
Joomla 1.5 without friendly URLs, paged with ``limitstart``, with print and e-mail views
of every article, "Най-четени" around it, and the date only in words under the text,
followed on some by a later "Последно обновяване" (slaveyno); WordPress with Cyrillic
slugs linked in three spellings (pastrogor); a news list whose later pages open only from
a drop-down of page numbers in a GET form (yavorets); PHP-Fusion, its headlines plain text
over a "Прочети цялата новина" link, the poster and a two-digit-year date only in the
footer under the text (topolnik); a community centre's uCoz site paged with ``?page2``
(lipnitsa). Each must archive exactly its articles with
the true title, date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import bare_crawl_twice, check_bare_crawl
from .support import Result

ROUND7_SITES = {
    # "/" is a meta refresh and nothing else; every link relative, with "../"
    "studenets": ("Община Студенец", "http://www.studenets.org"),
    # Joomla 1.5 non-SEF: limitstart, print/e-mail views, the date in words under the text
    "slaveyno": ("Община Славейно", "https://www.slaveyno.bg"),
    # WordPress with Cyrillic slugs: lower-case escapes, upper-case escapes and raw UTF-8
    "pastrogor": ("Община Пъстрогор", "https://pastrogor.bg"),
    # "Страница: [1 ▼] от 3": a <select> submitting a GET form is the only pager
    "yavorets": ("Община Яворец", "https://www.yavorets.bg"),
    # PHP-Fusion: "Публикувано от <poster> на 28.11.26 14:05" under the text, ?rowstart=N
    "topolnik": ("Община Тополник", "http://www.topolnik.org"),
    # uCoz: /news/slug/2026-11-28-57 articles, /news/?page2 paging, a four-item RSS feed
    "lipnitsa": ("НЧ „Пробуда 1927“ – с. Липница", "https://lipnitsa.ucoz.net"),
}


def _crawl_twice(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> tuple[list[str], list[str]]:
    return bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND7_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND7_SITES))
def test_a_round7_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND7_SITES[site])


def test_a_home_page_that_only_refreshes_is_read_through_its_target(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """studenets: "/" names no link, only a meta refresh; its target is read once, as the
    home page, and the rerun reads the news list it led to, not the two pages before it."""
    first, nightly = _crawl_twice(run_cli, db, tmp_path, "studenets")
    assert first[:4] == ["/robots.txt", "/", "/bg/nachalo.html", "/bg/novini/index.html"]
    assert nightly == ["/robots.txt", "/bg/novini/index.html"]


def test_a_drop_down_pager_is_walked_once_to_its_last_page(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """yavorets: each page the drop-down offers is read once, as its GET form asks for it
    (the hidden "kat" kept), and not again on the rerun."""
    first, nightly = _crawl_twice(run_cli, db, tmp_path, "yavorets")
    pages = [path for path in first if path.startswith("/novini.php")]
    assert pages == ["/novini.php?kat=1", "/novini.php?kat=1&str=2", "/novini.php?kat=1&str=3"]
    assert nightly == ["/robots.txt", "/novini.php?kat=1"]


def test_print_and_e_mail_views_are_never_fetched(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """slaveyno: every blog item and article links Joomla's print view and its e-mail
    form; neither is news, and neither costs a request."""
    first, _ = _crawl_twice(run_cli, db, tmp_path, "slaveyno")
    assert not [path for path in first if "print=1" in path or "com_mailto" in path]
