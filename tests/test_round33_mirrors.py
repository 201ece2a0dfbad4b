"""A thirty-third round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round32_mirrors`` does its
eight.

The mirrors (``tests/fixtures/make_mirrors_round33.py``) name their news, their sitemap
or their dates in ways no earlier round does: a JSON Feed the only feed, the lists the
newest three (lyulyak); Yoast's ``sitemap_index.xml`` named nowhere, ``/sitemap.xml``
answering ``301`` to it, the home page the newest three (gorotsvet); a WPML sitemap
naming every post in Bulgarian and English, ``xhtml:link hreflang`` alternates
(kalinka); cards dated "Понеделник, 30 Ноември 2026", undated articles, a "Вход" and an
"Изход" (``/logout?return=/``) on every page (teminuga); WordPress's feed only at
``/feed/`` by convention, ``/feed`` answering ``301`` there (zvanche); a JSON Feed 1.0
announced ``application/json``, paged by ``next_url`` (liliya); English copies of the
Bulgarian posts' shape that only the sitemap's ``hreflang`` tells apart (vratika). Each
must archive
exactly its articles with the true title, date and body, and a rerun right after must
cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .mirror_sites import FirstCrawl, article_rows, bare_crawl_twice, bare_profile, check_bare_crawl
from .support import SITES, Result

ROUND33_SITES = {
    # a JSON Feed (application/feed+json) the only feed, the lists the newest three
    "lyulyak": ("Община Люляк", "https://lyulyak.bg"),
    # Yoast's sitemap_index.xml named nowhere, the home page the newest three, no feed
    "gorotsvet": ("Община Горцвет", "https://gorotsvet.bg"),
    # WPML: the sitemap names each post's English copy too, by xhtml:link hreflang
    "kalinka": ("Община Калинка", "https://kalinka.bg"),
    # "Понеделник, 30 Ноември 2026" on the cards, undated articles, /logout?return=/
    "teminuga": ("Община Теминуга", "https://www.teminuga.bg"),
    # WordPress's /feed/ by convention, no <link rel="alternate">, lists of three
    "zvanche": ("Община Звънче", "https://zvanche.bg"),
    # a JSON Feed 1.0, announced application/json, paged by next_url, lists of three
    "liliya": ("Община Лилия", "https://www.liliya.bg"),
    # English copies under the Bulgarian posts' shape, told apart by the sitemap alone
    "vratika": ("Община Вратика", "https://vratika.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND33_SITES))
def test_a_round33_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND33_SITES[site])


FIRST_CRAWLS = [
    FirstCrawl("lyulyak", once=("/feeds/novini.json",), rows=8),
    # the posts' sitemap read whole, two-word slugs at the root included
    FirstCrawl("gorotsvet", once=("/sitemap_index.xml", "/post-sitemap.xml"), rows=8),
    # the English copies the sitemap names are never asked for
    FirstCrawl("kalinka", unasked=tuple(f"/en/news/{s}/" for s in ("koleden-bazar",)), rows=8),
    # neither the login (a 401, open to robots) nor the logout link is followed
    FirstCrawl("teminuga", unasked=("/admin/", "/logout?return=/"), rows=8),
    FirstCrawl("zvanche", once=("/feed/",), rows=8),
    # the English copies the sitemap names (same shape, no hreflang in their head) unasked
    FirstCrawl(
        "vratika",
        unasked=("/novini/christmas-bazaar/", "/novini/new-playground-in-izgrev/"),
        rows=8,
    ),
    # each page of the feed once, by the next_url of the one before
    FirstCrawl(
        "liliya",
        once=("/novini/feed.json", "/novini/feed.json?page=2", "/novini/feed.json?page=3"),
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round33_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND33_SITES[site])
    expected.check(first, db)


def test_a_site_behind_a_cookie_wall_is_refused_in_one_line_and_nothing_archived(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """nezabravka answers every page without its cookie ``302`` to ``/consent?next=…``.
    Exploring used to ask /rss, /feed, /rss.xml and /sitemap.xml through the wall too and
    end in "not a news site"; the wall is said for what it is after the home page, and
    neither the crawl nor add-site accepts it (the accept address is never asked)."""
    profile = bare_profile(tmp_path, "nezabravka", "Община Незабравка", "https://nezabravka.bg")
    with MirrorServer(SITES / "nezabravka") as server:
        args = ("--base-url", server.url, "--delay", "0")
        crawled = run_cli("crawl", "nezabravka", "--profile", str(profile), *args, "--db", str(db))
        asked = list(server.requests)
        added = run_cli("add-site", "https://nezabravka.bg", *args)
    assert crawled.exit_code == 1
    (line,) = crawled.stderr.strip().splitlines()
    assert "https://nezabravka.bg/consent first" in line and "not a news site" not in line
    assert asked == ["/robots.txt", "/", "/consent?next=%2F"]
    assert not article_rows(db)
    assert added.exit_code == 2
    (line,) = added.stderr.strip().splitlines()
    assert "https://nezabravka.bg/consent first" in line
    assert not [path for path in server.requests if path.startswith("/consent/accept")]
