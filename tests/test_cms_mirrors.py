"""Sites in CMS shapes the heuristics were not written against, crawled from the origin
alone (a profile of id, name, origin and hosts) through a real ``MirrorServer``.

The mirrors (``tests/fixtures/make_mirrors_cms.py``) imitate what Joomla 3, an old
Bitrix-style PHP CMS and Drupal 7 print by default on Bulgarian municipal sites: blog
categories walked with ``?start=N``, ``?PAGEN_1=N`` and 0-based ``?page=N``; one article
under two URLs with a canonical link (Joomla's SEF and non-SEF addresses, Drupal's alias,
relative); windows-1251 stated only in the HTTP header; dates only as visible text, or
as RDFa beside Drupal's month-first default. Each must archive exactly its articles,
under their canonical URLs, with the true title, date and body, and the nightly rerun
must cost at most three requests. (Authors too: "Написано от" names a person; Drupal's
"Публикувано от redaktor" names a login, which is no author.)

Three more (``tests/fixtures/make_mirrors_shapes.py``) are shapes of a site rather than of
a CMS: a modern WordPress theme (page 2 linked only in ``<noscript>``, tag, category, date
and author archives repeating the posts, ``?amp=1`` and ``/amp/`` copies, core's
``wp-sitemap.xml``), an old PHP portal (session ids in every link, print views, no
canonical, ``<base href>``, http and www redirected to one origin) and a site of clickable
rows and cards with relative dates and a five-entry Atom feed with ``xml:base``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .mirror_sites import (
    bare_profile,
    check_bare_crawl,
    site_json,
)
from .support import SITES, Result

CMS_SITES = {
    # Joomla 3: blog category, <h2 itemprop="headline">, SEF + non-SEF URLs, print views
    "dabravino": ("Община Дъбравино", "https://www.dabravino.bg"),
    # Bitrix-style PHP: ?PAGEN_1=N, detail.php?ID=N, cp1251 in the header, text dates, <br>
    "kremena": ("Община Кремена", "https://kremena.bg"),
    # Drupal 7: views ?page=N with a sticky item, RDFa dates, m/d/Y shown, sitemap index
    "yasenkovo": ("Община Ясенково", "https://www.yasenkovo.bg"),
    # WordPress: <noscript> paging, archives repeating posts, AMP copies, wp-sitemap.xml
    "zornitsa": ("Община Зорница", "https://zornitsa.bg"),
    # PHP trans-sid: PHPSESSID/sid in links, print views, <base href>, www/http redirects
    "kalinovo": ("Община Калиново", "https://kalinovo.bg"),
    # <tr onclick> rows and <div data-href> cards, "преди 2 дни", Atom with xml:base, ?p=N
    "rechitsa": ("Община Речица", "https://www.rechitsa.bg"),
}


@pytest.mark.parametrize("site", sorted(CMS_SITES))
def test_a_cms_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *CMS_SITES[site])


def test_amp_copies_of_articles_known_already_are_not_fetched(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """zornitsa's "most read" block under every listing links the ``?amp=1`` copies of
    posts the listing (or the feed, or the sitemap) already gave: fetching them found
    nothing new, three requests of 28 on a first crawl (which walks the month archives
    too). Every article is still there."""
    profile = bare_profile(tmp_path, "zornitsa", *CMS_SITES["zornitsa"])
    with MirrorServer(SITES / "zornitsa") as server:
        result = run_cli(
            "crawl", "zornitsa", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
    assert [path for path in server.requests if "amp" in path] == []
    assert len(server.requests) <= 25, server.requests  # 28 when the copies were fetched
    with sqlite3.connect(db) as conn:
        urls = {url for (url,) in conn.execute("SELECT url FROM articles")}
    assert urls == {row["url"] for row in site_json("zornitsa", "expected.json")}
