"""A fortieth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round38_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round40.py``): every article's canonical and
``og:url`` naming the news list (sinap); ``&rnd=<a random fraction>`` on every link,
another on every answer (rapitsa); an ETag new on every answer (a CSRF token in every
page) and ``Last-Modified`` in 2030 (lenets); article links carrying the word of the box
they stand in, ``?from=nachalo``/``novini``/``oshte``, and no canonical (kapinovo).
Each must archive exactly its articles with the true title, date and body, and a rerun
right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.check_site import check_site
from newsarchive.fetch.client import FetchOptions
from newsarchive.mirror import MirrorServer
from newsarchive.models import Profile

from .mirror_sites import (
    FirstCrawl,
    article_rows,
    bare_crawl_twice,
    check_bare_crawl,
    mirror_crawls,
)
from .support import SITES, Result

ROUND40_SITES = {
    # every article's canonical and og:url naming the news list, /novini
    "sinap": ("Община Синап", "https://sinap.bg"),
    # &rnd=<a random fraction> on every link, another on every answer
    "rapitsa": ("Община Рапица", "https://www.rapitsa.bg"),
    # an ETag new on every answer, Last-Modified in 2030
    "lenets": ("Община Ленец", "https://lenets.bg"),
    # ?from=<the box's word> on every article link, no canonical
    "kapinovo": ("Община Капиново", "https://kapinovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND40_SITES))
def test_a_round40_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND40_SITES[site])


FIRST_CRAWLS = [
    # each article once under its own address, the list (every article's canonical) read
    # once, as a list
    FirstCrawl(
        "sinap",
        once=("/novini", "/novini?page=3", "/novini/905-nov-detski-kat"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # each list page and article once, without the cache-buster: page 1's own "1" no
    # second walk of the list
    FirstCrawl(
        "rapitsa",
        once=("/novini.php", "/novini.php?page=3", "/statia.php?id=905"),
        unasked=("/novini.php?page=1",),
        distinct_under={"/statia.php": 8, "/novini.php": 3},
        rows=8,
    ),
    # each page once: no answer ever 304, none asked again for it
    FirstCrawl(
        "lenets",
        once=("/novini", "/novini?page=2", "/novini?page=3", "/novini/905"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # each article once under its bare address, whichever box linked it ("Най-четени"
    # beside every list page names the oldest three again)
    FirstCrawl(
        "kapinovo",
        once=("/novini/899-zalesyavane-na-halma", "/novini?page=3"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round40_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND40_SITES[site])
    expected.check(first, db)


@pytest.mark.parametrize(("site", "field"), [("rapitsa", "rnd="), ("kapinovo", "from=")])
def test_no_address_asked_or_archived_keeps_a_field_that_names_no_page(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str, field: str
) -> None:
    """A random cache-buster, another on every answer, and the word of the box a link
    stood in: neither in a request (nightly runs too) nor in an archived address."""
    first, nightly = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND40_SITES[site])
    assert [path for path in first + nightly if field in path] == []
    assert [url for url in article_rows(db) if field in url] == []


def test_a_server_whose_etag_never_repeats_and_whose_last_modified_is_in_2030_is_crawled_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """lenets answers no conditional request with 304 (its ETag is new every time) and
    dates every page 2030: the rerun still reads the list alone, and once the list shows
    a new article the next run archives it, dated by its page, not by the header."""
    name, origin = ROUND40_SITES["lenets"]
    with mirror_crawls(run_cli, db, tmp_path, "lenets", name, origin, editable=True) as crawls:
        crawls.crawl()
        assert crawls.crawl() == ["/robots.txt", "/novini"]
        old = (crawls.root / "novini" / "905.html").read_text(encoding="utf-8")
        new = old.replace("Доброволци засадиха хиляда дръвчета", "Нова пързалка на площада")
        new = new.replace("28.11.2026 г., 08:17", "30.11.2026 г., 09:05")
        new = new.replace(
            "Над сто доброволци засадиха борове и липи на хълма над града.",
            "На централния площад беше открита ледена пързалка.",
        )
        (crawls.root / "novini" / "906.html").write_text(new, encoding="utf-8")
        listing = crawls.root / "novini.html"
        card = (
            '<div class="novina"><span class="data">30.11.2026</span>'
            ' <a href="/novini/906">Нова пързалка на площада</a></div>\n'
        )
        first = '<div class="novina">'
        text = listing.read_text(encoding="utf-8").replace(first, card + first, 1)
        listing.write_text(text, encoding="utf-8")
        asked = crawls.crawl()
        assert crawls.server.not_modified == 0
    assert asked.count("/novini/906") == 1 and len(asked) <= 4, asked
    rows = article_rows(db)
    assert len(rows) == 9
    title, published, _, text = rows["https://lenets.bg/novini/906"]
    assert (title, published) == ("Нова пързалка на площада", "2026-11-30T09:05:00")
    assert text.startswith("На централния площад")


def test_check_site_reads_no_page_2_when_page_1_listed_enough_articles() -> None:
    """sinap's news page lists three articles; check-site asked for three reads it alone.
    Measured before: whether page 2 was wanted was decided before page 1's links were
    counted, so page 1 always led on to ``/novini?page=2`` (11 requests → 10)."""
    name, origin = ROUND40_SITES["sinap"]
    with MirrorServer(SITES / "sinap") as server:
        report = check_site(
            Profile(id="sinap", name=name, origin=origin), base_url=server.url,
            articles=3, options=FetchOptions(delay=0, retries=0),
        )  # fmt: skip
        asked = list(server.requests)
    assert "/novini?page=2" not in asked, asked
    assert [s.articles for s in report.sources if s.kind == "start"] == [3]
    assert len(report.articles) == 3
