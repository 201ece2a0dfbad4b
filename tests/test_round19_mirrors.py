"""A nineteenth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round18_mirrors`` does its thirteen;
and the oldest-first listings round 18 left: one printing no dates, a first crawl under
``--since``, an archive whose walks an older release completed.

The mirrors (``tests/fixtures/make_mirrors_round19.py``): a listing oldest first that
prints no dates, only its articles do (yasen); a pager of two pictures, ``<img
alt="Следваща страница">`` (bor); a pager saying "Следващите 3 новини »", its pages named
by offsets, ``?ot=3`` (buk); a "Новини" page of the newest three, its older news only in
the paged archive it links as "Архив на новините" (oreh); a pager of "« 1 2 3 4 »" whose
arrows are its first and last pages (smokinya); headlines linked ``javascript:void(0)``,
their address in ``data-href`` (maslina); a menu's "Новини" leading nowhere, its news in
three categories sharing posts (bozhur). Each must archive exactly its
articles with the true title, date and body, and a rerun right after must cost at most
three requests.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer, Outage

from .mirror_sites import (
    FirstCrawl,
    Proposes,
    article_rows,
    bare_crawl_twice,
    bare_profile,
    check_bare_crawl,
    mirror_crawls,
    proposed,
)
from .support import SITES, Result
from .test_round18_mirrors import ROUND18_SITES

ROUND19_SITES = {
    # /novini oldest first, no date beside a link: only the articles are dated
    "yasen": ("Община Ясен", "https://yasen.bg"),
    # <a href="/novini.php?pg=2"><img alt="Следваща страница"></a>, no word, no number
    "bor": ("Община Бор", "http://www.bor.bg"),
    # "Следващите 3 новини »" to ?ot=3, no page numbers
    "buk": ("Община Бук", "https://buk.bg"),
    # /novini the newest three, no pager; "Архив на новините" to the paged /novini/arhiv
    "oreh": ("Община Орех", "https://www.oreh.bg"),
    # "« 1 2 3 4 »": the arrows the first and last pages, no next link but the number
    "smokinya": ("Община Смокиня", "https://smokinya.bg"),
    # <a href="javascript:void(0)" data-href="/novini/77-…">: no real href to an article
    "maslina": ("Община Маслина", "https://maslina.bg"),
    # "Новини" href="#" opening Общество, Култура, Спорт: categories sharing posts
    "bozhur": ("Община Божур", "https://bozhur.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND19_SITES))
def test_a_round19_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND19_SITES[site])


FIRST_CRAWLS = [
    # the picture pager's next page, each asked once, to its end
    FirstCrawl("bor", once=("/novini.php?pg=2", "/novini.php?pg=3"), rows=8),
    FirstCrawl("buk", once=("/novini?ot=3", "/novini?ot=6"), rows=8),
    # every page in turn, not "»" to the last page first
    # each category walked to its end, each post asked for once
    FirstCrawl(
        "bozhur", once=("/kategoriya/sport?page=2",), distinct_under={"/novini/": 10}, rows=10
    ),
    FirstCrawl("smokinya", once=("/novini?p=2", "/novini?p=3", "/novini?p=4"), rows=11),
    # the archive walked in the news page's place: its pages once each
    FirstCrawl(
        "oreh",
        once=("/novini", "/novini/arhiv", "/novini/arhiv?str=2", "/novini/arhiv?str=3"),
        distinct_under={"/novini/2": 8},
        rows=8,
    ),  # fmt: skip
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round19_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND19_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("oreh", "start_urls", equals=["/novini/arhiv"]),
    Proposes("bor", "start_urls", equals=["/novini.php"]),
    Proposes("buk", "start_urls", equals=["/novini"]),
    # two categories read every night, the third every few days: each kept, though they share
    Proposes("bozhur", "start_urls", equals=["/kategoriya/obshtestvo", "/kategoriya/kultura"]),
    Proposes("bozhur", "rested_urls", equals=["/kategoriya/sport"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: e.site)
def test_add_site_proposes_a_round19_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND19_SITES[expected.site][1]))


def _post_at_the_end(root: Path) -> None:
    """Two new posts on yasen's oldest-first listing, no date beside them: the first
    fills its last page (3), the second opens page 4, which page 3 now links to."""
    posts = [
        (413, "Коледен базар на площада", ("Училищата ще продават свои изработки.",
                                           "Парите отиват за детското отделение.")),
        (414, "Нова улична светлина в Горна махала", ("Общината смени тридесет лампи.",
                                                      "Улиците светят цялата нощ.")),
    ]  # fmt: skip
    cards = [
        f'<div class="news"><h3><a href="/novini/{n}-n">{title}</a></h3><p>{lines[0]}</p></div>'
        for n, title, lines in posts
    ]
    last = root / "novini@page=3.html"
    more = '<p class="pager"><a href="/novini?page=4">Следваща »</a></p>'
    text = last.read_text(encoding="utf-8").replace(
        '\n\n</div>\n<div id="foot">', f'\n{cards[0]}\n{more}\n</div>\n<div id="foot">'
    )
    assert more in text
    last.write_text(text, encoding="utf-8")
    page = text.split('<div class="news">')[0] + cards[1] + "\n</div>\n</body></html>"
    (root / "novini@page=4.html").write_text(page, encoding="utf-8")
    for n, title, lines in posts:
        (root / "novini" / f"{n}-n.html").write_text(
            f'<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>{title}</title>'
            f'</head><body><div id="content"><h1>{title}</h1><p class="date">Публикувано:'
            f" 30.11.2026</p><p>{lines[0]}</p><p>{lines[1]}</p></div></body></html>",
            encoding="utf-8",
        )


def test_an_oldest_first_listing_printing_no_dates_is_told_by_its_articles_dates(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """yasen lists its news oldest first and prints no date beside a link: the first
    crawl tells the order by the days its articles state (page 1's newest before the last
    page's oldest). Two news posted at the end are then found by the nightly run, which
    begins at the last page it read and never asks page 1 again."""
    site = "yasen"
    with mirror_crawls(run_cli, db, tmp_path, site, *ROUND19_SITES[site], editable=True) as crawls:
        crawls.crawl()
        assert len(article_rows(db)) == 8
        _post_at_the_end(crawls.root)
        nightly = crawls.crawl()
        after = crawls.crawl()
    rows = article_rows(db)
    assert {"https://yasen.bg/novini/413-n", "https://yasen.bg/novini/414-n"} <= set(rows)
    assert len(rows) == 10
    assert "/novini?page=3" in nightly and "/novini?page=4" in nightly, nightly
    assert "/novini" not in nightly and "/novini?page=2" not in nightly, nightly
    assert len(after) <= 3 and "/novini?page=4" in after, after


@pytest.mark.parametrize(
    ("site", "newest"),
    [
        # the listing's dates run oldest first on page 1 already
        ("murgash", ["/novini/185-sesiya-na-saveta", "/novini/186-proverka-na-hidrantite",
                     "/novini/187-nov-detski-kat", "/novini/184-bezplaten-preglet"]),
        # no date on the listing: the articles' own, read as each page is
        ("yasen", ["/novini/bezplaten-preglet", "/novini/sesiya-na-saveta",
                   "/novini/shkolna-olimpiada"]),
    ],
)  # fmt: skip
def test_a_first_crawl_since_a_day_reads_an_oldest_first_listing_to_its_newest_page(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str, newest: list[str]
) -> None:
    """Under ``--since`` page 1 of an oldest-first listing holds only older news; the walk
    does not stop there (its dates run forward) but reads on to the newest page, archives
    what is recent and learns the order: a rerun under the same ``--since`` costs what a
    no-op rerun does, and one without it walks from page 1 again for the older news the
    first run passed over."""
    name, origin = {**ROUND18_SITES, **ROUND19_SITES}[site]
    with mirror_crawls(run_cli, db, tmp_path, site, name, origin) as crawls:
        crawls.crawl("--since", "2026-11-20")
        recent = sorted(url.removeprefix(origin) for url in article_rows(db))
        again = crawls.crawl("--since", "2026-11-20")
        wider = crawls.crawl()
        nightly = crawls.crawl()
    assert recent == sorted(newest), recent
    assert len(again) <= 3, again
    assert "/novini" in wider, wider
    assert len(article_rows(db)) == 8
    assert len(nightly) <= 3 and "/novini" not in nightly, nightly


def _as_an_older_release_left_it(db: Path) -> None:
    """The archive's completed walks as a release before walks told the order wrote
    them: no resume point, page 1, not judged (as the v15 upgrade reads them)."""
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "UPDATE listing_walks SET resume_url = NULL, resume_page = 1, judged = 0"
            " WHERE completed = 1"
        )


def test_an_archive_from_before_oldest_first_listings_were_told_learns_the_order(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """An archive of yasen whose walk an older release completed, read newest first: the
    next run asks page 1 whole (not its 304), finds its dates running forward and walks on
    to the end, archiving the two news posted there since; the run after begins at the
    newest page."""
    site = "yasen"
    with mirror_crawls(run_cli, db, tmp_path, site, *ROUND19_SITES[site], editable=True) as crawls:
        crawls.crawl()
        _as_an_older_release_left_it(db)
        _post_at_the_end(crawls.root)
        upgraded = crawls.crawl()
        after = crawls.crawl()
    assert len(article_rows(db)) == 10
    assert ["/novini", "/novini?page=2", "/novini?page=3"] == [
        path for path in upgraded if path.startswith("/novini?") or path == "/novini"
    ][:3], upgraded
    assert len(after) <= 3 and "/novini" not in after, after


def test_an_archive_from_before_is_judged_newest_first_once_at_the_same_cost(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """buk's listing runs newest first: after the upgrade its page 1 is asked whole once
    (one request, as the 304 was), judged, and from then on asked with its validators."""
    site = "buk"
    with mirror_crawls(run_cli, db, tmp_path, site, *ROUND19_SITES[site]) as crawls:
        crawls.crawl()
        nightly = crawls.crawl()
        _as_an_older_release_left_it(db)
        upgraded = crawls.crawl()
        after = crawls.crawl()
    assert nightly == upgraded == after == ["/robots.txt", "/novini"], (nightly, upgraded)
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT resume_page, judged FROM listing_walks").fetchall() == [(1, 1)]


def test_a_later_listing_page_that_fails_keeps_what_was_read_and_costs_no_exploration(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """smokinya, no profile, its only source /novini four pages long, page 4 answering 500
    for two nights. The articles of pages 1-3 are archived the first night; the second,
    the walk resumes at page 4 and fails there again: that failed the listing, the
    site's only source, and the site was explored again (8 requests where 3 do: home
    page, /novini again, /rss, /feed, /rss.xml). Once page 4 answers, the walk goes on
    from it and the listing is read whole."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    profile = bare_profile(tmp_path, "smokinya", *ROUND19_SITES["smokinya"])
    outage = Outage({"/novini?p=4"}, status=500)
    with MirrorServer(SITES / "smokinya", intercept=outage) as server:
        args = ("crawl", "smokinya", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip

        def run() -> tuple[Result, list[str]]:
            before = len(server.requests)
            result = run_cli(*args)
            return result, server.requests[before:]

        first, asked = run()
        assert first.exit_code == 1 and "/novini?p=4" in first.stderr
        assert len(article_rows(db)) == 9 and asked[-1] == "/novini?p=4"
        second, asked = run()  # page 4 still down
        assert second.exit_code == 1
        (line,) = second.stderr.strip().splitlines()
        assert "next listing page failed" in line and "/novini?p=4" in line
        assert asked == ["/robots.txt", "/novini", "/novini?p=4"]
        assert "exploring" not in second.stdout
        outage.down.clear()
        third, asked = run()
        assert third.exit_code == 0, third.stderr
        assert asked[:3] == ["/robots.txt", "/novini", "/novini?p=4"] and len(asked) == 5
    assert len(article_rows(db)) == 11
