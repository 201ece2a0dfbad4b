"""An eighth round of site shapes, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round7_mirrors`` does its six.

The mirrors (``tests/fixtures/make_mirrors_round8.py``): a regional administration on a
SharePoint template whose news list is a bare table of dates and links, dated with Roman
numerals set apart by spaces ("28 XI 2026 г."), articles at ``Novina.aspx?ID=N``
(kamenets); a library whose server answers on four spellings of its host and redirects
three, whose pages mix them and whose robots.txt names its sitemap on the bare ``http://``
one, dated with abbreviated months ("пет, 28 ное. 2026") (zelenika); a police
directorate whose articles declare ``http://`` canonicals on an ``https://`` site, sign
with a name and a role, and answer 200 with a database error on a bad night (mladenovo);
a school on Drupal 10, its view paged 0-based and its home page linking ``/node/N``
beside the aliases the articles declare canonical (yabalkovo).
Each must archive
exactly its articles with the true title, date and body, and a rerun right after must
cost at most three requests.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .mirror_sites import (
    article_rows,
    bare_crawl_twice,
    bare_profile,
    check_bare_crawl,
    crawl_twice,
)
from .support import SITES, Result

ROUND8_SITES = {
    # SharePoint: a table of "28 XI 2026 г." cells and links, Novini.aspx?Page=N, ?ID=N
    "kamenets": ("Областна администрация Каменец", "https://kamenets.government.bg"),
    # four spellings of the host, three of them 301; the sitemap on the bare http one
    "zelenika": (
        "Регионална библиотека „Христо Смирненски“ – Зеленика",
        "https://www.biblioteka-zelenika.bg",
    ),
    # a police directorate: "28 ное 2026", http:// canonicals on an https:// site
    "mladenovo": ("ОДМВР – Младеново", "https://mladenovo.mvr.bg"),
    # Drupal 10: 0-based ?page=N (page 1 linked as ?page=0 too), /node/N beside aliases
    "yabalkovo": ("СУ „Васил Левски“ – Ябълково", "https://su-yabalkovo.bg"),
}
# what its PHP CMS answers, with 200, when its database is down
DB_ERROR = """<html>
<head><title>ОДМВР – Младеново</title></head>
<body>
<b>Грешка при връзка с базата данни!</b>
</body>
</html>
"""


def _crawl_twice(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> tuple[list[str], list[str]]:
    """The requests of a first crawl and of the no-op rerun after it."""
    return bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND8_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND8_SITES))
def test_a_round8_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND8_SITES[site])


def test_sources_found_on_a_moved_host_are_read_where_it_moved(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """zelenika: robots.txt names the sitemap on ``http://`` and the bare host, the menu
    links the news there too, and the server sends both to ``https://www.``; the rerun
    asks the new place at once: no redirect, no robots.txt of the old host."""
    _, nightly = _crawl_twice(run_cli, db, tmp_path, "zelenika")
    assert nightly == ["/robots.txt", "/sitemap.xml", "/novini/"]


def test_a_night_the_database_is_down_leaves_the_archive_as_it_was(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """mladenovo: on a recheck night two articles answer 200 with nothing of theirs, one
    with the CMS's "Грешка при връзка с базата данни!" alone, one with an empty body.
    Neither is a new version of its article (the archived text stays, no revision), both
    fail, to be asked again next run, and once the database is back nothing changed."""
    root = tmp_path / "mladenovo"
    shutil.copytree(SITES / "mladenovo", root)
    profile = bare_profile(tmp_path, "mladenovo", *ROUND8_SITES["mladenovo"])
    crawl_twice(run_cli, db, profile, "mladenovo", root)
    before = article_rows(db)
    broken = {"press/novina.php@id=1482": DB_ERROR, "press/novina.php@id=1479": ""}
    kept = {name: (root / name).read_text(encoding="utf-8") for name in broken}
    for name, text in broken.items():
        (root / name).write_text(text, encoding="utf-8")
    args = ("crawl", "mladenovo", "--profile", str(profile), "--delay", "0", "--db", str(db))
    with MirrorServer(root) as server:
        down = run_cli(*args, "--base-url", server.url, "--recheck", "100000")
    assert down.exit_code == 1, down.stderr
    assert "novina.php?id=1482" in down.stderr and "novina.php?id=1479" in down.stderr
    assert article_rows(db) == before
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT count(*) FROM revisions").fetchone() == (0,)
    for name, text in kept.items():
        (root / name).write_text(text, encoding="utf-8")
    with MirrorServer(root) as server:
        back = run_cli(*args, "--base-url", server.url)
    assert back.exit_code == 0, back.stderr
    assert article_rows(db) == before


def test_a_zero_based_pager_reads_each_page_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """yabalkovo: Drupal's pager links page 1 as ``?page=0`` on every later page; it is
    the listing's first page under another address, not a page to read again, and the
    home page's ``/node/N`` links are the articles the listing names by their aliases."""
    first, _ = _crawl_twice(run_cli, db, tmp_path, "yabalkovo")
    assert [p for p in first if p.startswith("/novini?") or p == "/novini"] == [
        "/novini",
        "/novini?page=1",
        "/novini?page=2",
    ]
    assert not [p for p in first if p.startswith("/node/")]


def test_a_sitemap_of_no_news_found_on_a_moved_host_is_not_read_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """zelenika with a second sitemap, of its static pages, named on the old host too: the
    first run finds it holds no news and drops it, and keeping the sources at the host
    they moved to must not bring it back for every night after."""
    root = tmp_path / "zelenika"
    shutil.copytree(SITES / "zelenika", root)
    with (root / "robots.txt").open("a") as robots:
        robots.write("Sitemap: http://biblioteka-zelenika.bg/sitemap-pages.xml\n")
    (root / "sitemap-pages.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
        "<url><loc>http://biblioteka-zelenika.bg/za-nas.html</loc></url>\n"
        "</urlset>\n"
    )
    profile = bare_profile(tmp_path, "zelenika", *ROUND8_SITES["zelenika"])
    first, nightly = crawl_twice(run_cli, db, profile, "zelenika", root)
    assert "/sitemap-pages.xml" in first
    assert nightly == ["/robots.txt", "/sitemap.xml", "/novini/"]
