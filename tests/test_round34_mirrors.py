"""A thirty-fourth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round33_mirrors`` does its
eight.

The mirrors (``tests/fixtures/make_mirrors_round34.py``) spell one article's address in
several ways, or misstate what they send: ``/novini/5``, ``/novini/5/``,
``/novini/5/index.html``, ``/novini/5?print=0`` and ``/novini/5#comments`` one page, no
canonical (glitsiniya); an IIS site naming an article's fields in any order and case,
``?id=5&cat=2``, ``?cat=2&id=5``, ``?ID=5&cat=2`` (zhasmin); ``charset=windows-1251`` in
the header over UTF-8 bytes and a right ``<meta charset>`` (nartsis); a "Следваща »" on
the last page, the page past the end ``200`` and empty (rezeda); a cache-buster
``?t=<milliseconds>`` in every link, another on every request (slanchogled); a server
answering every fifth page ``200`` with nothing (kameliya). Each must
archive exactly its articles with the true title, date and body, and a rerun right after
must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .mirror_sites import (
    FirstCrawl,
    article_rows,
    assert_archived_whole_and_right,
    bare_crawl_twice,
    bare_profile,
    check_bare_crawl,
)
from .support import SITES, Result

ROUND34_SITES = {
    # /novini/5, /novini/5/, /novini/5/index.html, ?print=0 and #comments, no canonical
    "glitsiniya": ("Община Глициния", "https://glitsiniya.bg"),
    # IIS: ?id=5&cat=2, ?cat=2&id=5 and ?ID=5&cat=2 one article
    "zhasmin": ("Община Жасмин", "http://www.zhasmin.bg"),
    # the header's charset=windows-1251 over UTF-8 bytes, <meta charset="utf-8"> right
    "nartsis": ("Община Нарцис", "https://nartsis.bg"),
    # "Следваща »" on the last page too, the page past the end 200 and empty
    "rezeda": ("Община Резеда", "https://rezeda.bg"),
    # ?t=<milliseconds> in every link, another on every request
    "slanchogled": ("Община Слънчоглед", "https://slanchogled.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND34_SITES))
def test_a_round34_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND34_SITES[site])


FIRST_CRAWLS = [
    # the list's pages each once, however many cache-busters their links carried
    FirstCrawl("slanchogled", once=("/novini", "/novini?page=2", "/novini?page=3"), rows=8),
    # the empty page past the end read once, as the list's end, and nothing after it
    FirstCrawl("rezeda", once=("/novini.php?page=4",), unasked=("/novini.php?page=5",), rows=8),
    # one article in every spelling asked for once: the home page's cards, headline
    # /novini/905/ beside a comment count /novini/905#comments, read whole (they were cut
    # at the headline, undated, and exploring opened each as a section)
    FirstCrawl("glitsiniya", distinct_under={"/novini/": 8}, rows=8),
    # each spelling of an article's fields asked for one article, once
    FirstCrawl("zhasmin", distinct_under={"/Novini.asp": 8}, rows=8),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round34_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND34_SITES[site])
    expected.check(first, db)
    assert not [path for path in first if "t=17" in path], first


def test_a_site_answering_now_and_then_with_an_empty_page_is_archived_whole_over_runs(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """kameliya's server answers every fifth page ``200`` with an empty body. An empty
    article failed the run and was fetched again the next (so it was); an empty later
    page of the list was read as a page listing nothing, its walk's end: the news after
    it were never archived, and the run said nothing (6 of 8, for good). Each empty
    answer fails its run, saying so, and the walk resumes there the next: nothing is
    archived empty, and the three runs a person would see archive all eight."""
    profile = bare_profile(tmp_path, "kameliya", "Община Камелия", "https://kameliya.bg")
    said: list[str] = []
    with MirrorServer(SITES / "kameliya") as server:
        args = ("crawl", "kameliya", "--profile", str(profile), "--base-url", server.url)
        for _ in range(3):
            result = run_cli(*args, "--delay", "0", "--db", str(db))
            assert result.exit_code in (0, 1), result.stderr
            said += result.stderr.strip().splitlines()
            assert all(text.strip() for *_, text in article_rows(db).values())
    assert said and all("an empty page (HTTP 200 with no body)" in line for line in said), said
    assert any("/novini?page=3" in line for line in said), said
    assert_archived_whole_and_right(db, "kameliya")


def _all_news_on_one_page(root: Path, count: int, written: int) -> None:
    """A municipality whose "Новини" is one page of every item it ever published (an
    "all news" archive of ``count`` cards, each with a long lead: megabytes), newest
    first, each article at ``/novini/<n>``. Written at test time: too big to commit.
    Only the newest ``written`` articles' pages are written (writing all 3,000 took
    3 s); an older one asked answers 404, not archived, which the test's count of
    rows against articles asked catches."""
    lead = "Общината съобщава, че работата по проекта продължава по график. " * 13
    shell = (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>{}</title></head>'
        '<body><header><a href="/">Община Бук</a><nav><a href="/">Начало</a> '
        '<a href="/vsichki-novini">Новини</a></nav></header><main>{}</main>'
        "<footer>© 2026 Община Бук. Всички права запазени.</footer></body></html>"
    )
    (root / "novini").mkdir(parents=True)
    cards = []
    for n in range(count, 0, -1):
        day = f"{1 + n % 28:02d}.{1 + (n // 28) % 12:02d}.{2000 + n // 336}"
        title = f"Ремонт на улица номер {n} в квартал Изгрев"
        cards.append(
            f'<div class="novina"><h3><a href="/novini/{n}">{title}</a></h3>'
            f'<span class="date">{day}</span><p>{lead}</p></div>'
        )
        if n > count - written:
            article = f'<h1>{title}</h1><p class="date">{day}</p><p>Текст {n}. {lead}</p>'
            (root / "novini" / f"{n}.html").write_text(shell.format(title, article), "utf-8")
    listing = shell.format("Всички новини", "<h1>Всички новини</h1>" + "\n".join(cards))
    (root / "vsichki-novini.html").write_text(listing, encoding="utf-8")
    (root / "index.html").write_text(shell.format("Община Бук", "\n".join(cards[:3])), "utf-8")
    (root / "robots.txt").write_text("User-agent: *\nDisallow:\n", encoding="utf-8")


def test_a_listing_of_three_thousand_news_on_one_page_is_archived_in_bounded_runs(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """An "all news" page of 3,000 links, 5 MB: each run keeps to its request budget,
    archives what the budget allows, newest first, and the next resumes where it
    stopped: no article asked twice, none archived twice or empty. (A budget of 50 a
    run, not 150: the same bound, a third of the fetching.)"""
    root = tmp_path / "buk"
    _all_news_on_one_page(root, 3000, written=300)
    assert (root / "vsichki-novini.html").stat().st_size > 5_000_000
    profile = bare_profile(tmp_path, "buk", "Община Бук", "https://buk-obshtina.bg")
    with MirrorServer(root) as server:
        args = ("crawl", "buk", "--profile", str(profile), "--base-url", server.url)
        for _ in range(2):
            result = run_cli(*args, "--delay", "0", "--max-requests", "50", "--db", str(db))
            assert result.exit_code == 0, result.stderr
        asked = list(server.requests)
    assert len(asked) <= 100
    articles = [path for path in asked if path.startswith("/novini/")]
    assert len(articles) == len(set(articles)) > 80
    rows = article_rows(db)
    assert len(rows) == len(articles)
    assert "https://buk-obshtina.bg/novini/3000" in rows
    assert all(text.strip() for *_, text in rows.values())
