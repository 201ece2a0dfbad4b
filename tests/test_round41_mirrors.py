"""A forty-first round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round40_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round41.py``): a robots.txt saved by Notepad,
a byte order mark before ``User-Agent: *`` and CRLF line ends, closing the print copies
every card links (osenitsa); ``Disallow: /*?start=`` closing a Joomla category blog's
pager, the newest five in its feed the only other way (chervenitsa); a sitemap index
whose children are a gzipped one, a deleted one (404) and one answered with an HTML page
(yarebichna); an old notice pinned atop every page of the news list (gornitsa). Each must
archive exactly the articles within its reach with the true title, date and body, and a
rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import (
    FirstCrawl,
    article_rows,
    bare_crawl_twice,
    card_first,
    check_bare_crawl,
    mirror_crawls,
    post_article,
)
from .support import Result

ROUND41_SITES = {
    # robots.txt with a byte order mark and CRLF, closing the print copies, /*?pechat=
    "osenitsa": ("Община Осеница", "https://osenitsa.bg"),
    # Disallow: /*?start= closing the category blog's pager, the feed the newest five
    "chervenitsa": ("Община Червеница", "https://www.chervenitsa.bg"),
    # a sitemap index of a gzipped child, a 404 one and one answered with HTML
    "yarebichna": ("Община Яребична", "https://yarebichna.bg"),
    # an old notice pinned atop every page of the news list
    "gornitsa": ("Община Горница", "https://gornitsa.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND41_SITES))
def test_a_round41_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND41_SITES[site])


FIRST_CRAWLS = [
    # the sitemap robots.txt names read; no print copy asked, though the sitemap lists
    # them and every card links one: robots.txt (behind its byte order mark) closes them
    FirstCrawl(
        "osenitsa",
        once=("/robots.txt", "/sitemap.xml", "/novini/899-obyava-za-kmetstvata"),
        unasked=(
            "/novini/905-proverka-na-hidrantite?pechat=1",
            "/novini/899-obyava-za-kmetstvata?pechat=1",
        ),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # the list's first page and the feed; no ?start= page, robots.txt closes them
    FirstCrawl(
        "chervenitsa",
        once=("/novini", "/novini?format=feed&type=rss"),
        unasked=("/novini?start=3", "/novini?start=6"),
        distinct_under={"/novini/": 5},
        rows=5,
    ),
    # each child of the index once: the two gone asked once, and no more
    FirstCrawl(
        "yarebichna",
        once=(
            "/sitemap_index.xml",
            "/sitemap-novini-2026.xml.gz",
            "/sitemap-novini-2025.xml",
            "/sitemap-arhiv.xml.gz",
        ),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # every list page once, the notice pinned atop each of them asked once
    FirstCrawl(
        "gornitsa",
        once=("/novini", "/novini?page=2", "/novini?page=3", "/novini/850-priemno-vreme-na-kmeta"),
        distinct_under={"/novini/": 9},
        rows=9,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round41_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND41_SITES[site])
    expected.check(first, db)


def test_robots_txt_closing_the_pager_is_obeyed_on_every_run_and_said_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """chervenitsa's ``Disallow: /*?start=``: no run asks for a later page of the list,
    the first crawl nor the next; the feed's five are what is within reach, and the first
    crawl's summary says once where the list was cut (it said nothing: a list read so far
    looked whole)."""
    name, origin = ROUND41_SITES["chervenitsa"]
    with mirror_crawls(run_cli, db, tmp_path, "chervenitsa", name, origin) as crawls:
        first = crawls.crawl()
        said = crawls.stdout
        nightly = crawls.crawl()
        again = crawls.stdout
    assert [path for path in first + nightly if "start=" in path] == []
    assert len(article_rows(db)) == 5
    closed = f"{origin}/novini?start=3: not asked, robots.txt closes it"
    assert said.count(closed) == 1 and "start=6" not in said, said
    assert "robots.txt closes" not in again


def test_print_copies_robots_txt_leaves_open_are_their_articles_not_rows_of_their_own(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """osenitsa without its ``Disallow: /*?pechat=``: the sitemap lists every article and
    its print copy (``?pechat=1``), and every card links one. Each article is asked once
    at its own address and archived once (16 rows before: each print copy a row of its
    own, a bare page titled as its article)."""
    name, origin = ROUND41_SITES["osenitsa"]
    with mirror_crawls(run_cli, db, tmp_path, "osenitsa", name, origin, editable=True) as crawls:
        robots = crawls.root / "robots.txt"
        robots.write_bytes(robots.read_bytes().replace(b"Disallow: /*?pechat=\r\n", b""))
        assert b"pechat" not in robots.read_bytes()
        asked = crawls.crawl()
    assert [path for path in asked if "pechat" in path] == []
    rows = article_rows(db)
    assert len(rows) == 8, rows
    assert [url for url in rows if "pechat" in url] == [], rows


def test_an_index_whose_children_are_gone_is_the_sites_to_mend_not_a_failed_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """yarebichna's index names two children that answer 404 while its news sitemap
    answers: the crawl exits 0, each said once as a warning naming the index."""
    name, origin = ROUND41_SITES["yarebichna"]
    with mirror_crawls(run_cli, db, tmp_path, "yarebichna", name, origin) as crawls:
        crawls.crawl()
        said = crawls.stdout + (crawls.result.stderr if crawls.result else "")
    for gone in ("sitemap-novini-2025.xml", "sitemap-arhiv.xml.gz"):
        lines = [line for line in said.splitlines() if gone in line]
        assert len(lines) == 1 and "sitemap_index.xml" in lines[0], said
    assert len(article_rows(db)) == 8


def test_a_child_sitemap_answering_an_html_page_is_gone_for_this_run_only(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """yarebichna whose server answers its ``sitemap-novini-2025.xml`` with an HTML page
    and ``200`` (a soft 404, or a maintenance or login page), not ``404``: the crawl exits
    0 (it failed: "sitemap failed: not XML (text/html)"), the child said once as a
    warning naming the index, as the 404 one beside it is, and asked again the next
    night (measured before: never again while the index gave it the same ``<lastmod>``;
    yarebichna's children share one, so never), while the 404 one is not."""
    name, origin = ROUND41_SITES["yarebichna"]
    with mirror_crawls(run_cli, db, tmp_path, "yarebichna", name, origin, editable=True) as crawls:
        (crawls.root / "sitemap-novini-2025.xml.html").write_text(
            "<!DOCTYPE html><html><head><title>Страницата не е намерена</title></head>"
            "<body><h1>Грешка 404</h1><p>Търсената страница не съществува.</p></body></html>",
            encoding="utf-8",
        )
        first = crawls.crawl()
        said = crawls.stdout + (crawls.result.stderr if crawls.result else "")
        nightly = crawls.crawl()
    lines = [line for line in said.splitlines() if "sitemap-novini-2025.xml" in line]
    assert len(lines) == 1 and "sitemap_index.xml" in lines[0], said
    assert "answered an HTML page (text/html), not XML" in lines[0], lines
    assert first.count("/sitemap-novini-2025.xml") == 1
    assert nightly.count("/sitemap-novini-2025.xml") == 1, nightly
    assert first.count("/sitemap-arhiv.xml.gz") == 1
    assert "/sitemap-arhiv.xml.gz" not in nightly, nightly  # (a 404: lasting)
    assert len(article_rows(db)) == 8


def test_the_sitemap_robots_txt_names_answering_an_html_page_still_fails_the_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """yarebichna whose index itself (the ``Sitemap:`` line of robots.txt) answers an HTML
    page: no XML of the site that night tells a missing file from a wall or a maintenance
    page in front of it, so the run fails, as before (exit 1, "not XML")."""
    name, origin = ROUND41_SITES["yarebichna"]
    with mirror_crawls(run_cli, db, tmp_path, "yarebichna", name, origin, editable=True) as crawls:
        (crawls.root / "sitemap_index.xml").unlink()
        (crawls.root / "sitemap_index.xml.html").write_text(
            "<!DOCTYPE html><html><head><title>Профилактика</title></head>"
            "<body><p>Сайтът е в профилактика.</p></body></html>",
            encoding="utf-8",
        )
        result = crawls.run_cli(*crawls.args)
    assert result.exit_code == 1, result.stdout
    assert "sitemap failed: not XML (text/html)" in result.stderr, result.stderr


def test_a_pinned_notice_atop_every_list_page_hides_no_new_article(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """gornitsa pins an old notice above the newest-first cards of every list page: the
    rerun reads the list alone, and a new article below the notice is archived by the
    next run."""
    name, origin = ROUND41_SITES["gornitsa"]
    with mirror_crawls(run_cli, db, tmp_path, "gornitsa", name, origin, editable=True) as crawls:
        crawls.crawl()
        assert len(crawls.crawl()) <= 3
        slug = "906-nova-parzalka"
        post_article(crawls.root, "novini", "905-*.html", slug, "28.11.2026", "30.11.2026")
        card = (
            f'<div class="novina"><h3><a href="/novini/{slug}">Ново</a></h3>'
            '<span class="data">30.11.2026</span><p>Ново.</p></div>\n'
        )
        card_first(crawls.root / "novini.html", card, '<div class="novina"><h3>')
        asked = crawls.crawl()
    assert asked.count(f"/novini/{slug}") == 1 and len(asked) <= 4, asked
    assert len(article_rows(db)) == 10
