"""A sixth round of site shapes, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round3_mirrors`` does its three.

The mirrors (``tests/fixtures/make_mirrors_round6.py``): a regional weekly whose longer
articles are split over pages (``?page=2``, the listing paged by the same parameter),
archived once, whole, under the first page's URL (bistrets); a municipality whose older
news come only through "Зареди още" buttons that load HTML fragments from a ``data-``
address, and in a second stream JSON (vedritsa); a WordPress site whose home page is
drawn by script from its REST API, with a four-post feed and no sitemap (ostrovche).
Each must archive exactly its articles with the true title, date and body, and a rerun
right after must cost at most three requests.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsarchive.archive.frontier import Frontier
from newsarchive.crawl_run import Outcome
from newsarchive.discover.walk import WalkState
from newsarchive.harvest import judge
from newsarchive.mirror import MirrorServer, Outage
from newsarchive.models import Page, Profile

from .mirror_sites import (
    article_rows,
    bare_crawl_twice,
    bare_profile,
    check_bare_crawl,
    crawl_twice,
    site_json,
)
from .support import SITES, Result

ROUND6_SITES = {
    # articles over two or three pages (?page=N, rel=next/prev, "Следваща страница »")
    "bistrets": ("Вестник „Бистрец“", "https://vestnik-bistrets.bg"),
    # no pager, no feed, no sitemap: "Зареди още" with data-url / data-next answering HTML
    # fragments, and a second stream whose "Покажи още" answers JSON {"html", "next"}
    "vedritsa": ("Община Ведрица", "https://vedritsa.bg"),
    # WordPress: home page filled by script from /wp-json/, a short feed, no sitemap
    "ostrovche": ("Община Островче", "https://ostrovche.bg"),
}


def _crawl_twice(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> tuple[list[str], list[str]]:
    return bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND6_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND6_SITES))
def test_a_round6_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND6_SITES[site])


def test_a_load_more_chain_is_walked_to_its_end_and_not_again_on_a_rerun(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """vedritsa: every fragment the buttons chain to, HTML or JSON, is read once, on the
    first crawl; the rerun finds nothing new on either stream's page and stops there."""
    first, nightly = _crawl_twice(run_cli, db, tmp_path, "vedritsa")
    fragments = [path for path in first if path.startswith(("/novini/zaredi", "/api/"))]
    assert sorted(fragments) == sorted(set(fragments)) == [
        "/api/saobshteniya?ot=3", "/api/saobshteniya?ot=6",
        "/novini/zaredi?ot=4", "/novini/zaredi?ot=8",
    ]  # fmt: skip
    assert not [path for path in nightly if path.startswith(("/novini/zaredi", "/api/"))]


def test_a_script_drawn_wordpress_site_is_read_through_its_rest_api(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ostrovche: the feed holds the newest four posts and nothing links the rest; the
    REST API the home page announces lists them all, read once on the first crawl (the
    exploration's answer reused) and once, beside the feed, on the rerun."""
    first, nightly = _crawl_twice(run_cli, db, tmp_path, "ostrovche")
    api = [path for path in first if path.startswith("/wp-json/")]
    assert api == ["/wp-json/wp/v2/posts?per_page=100&_fields=link,date"]
    assert "/comments/feed/" not in first
    assert sorted(nightly) == sorted(["/robots.txt", "/feed/", *api])


def test_the_rest_api_is_read_to_its_last_page_on_the_exploring_run_only(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ostrovche with more posts than one page of the REST list holds: WordPress says
    so in ``X-WP-TotalPages``, and the older post is only on ``page=2``. The exploring
    run reads that page once; the nightly rerun costs what it did (robots.txt, the feed,
    the list's first page)."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / "ostrovche", root)
    first_page = "/wp-json/wp/v2/posts?per_page=100&_fields=link,date"
    (root / "_mirror.json").write_text(
        json.dumps({"headers": {first_page: {"X-WP-TotalPages": "2"}}}), encoding="utf-8"
    )
    origin = ROUND6_SITES["ostrovche"][1]
    slug = "/lyatno-kino-na-ploshtada/"
    (root / "wp-json/wp/v2/posts@per_page=100&_fields=link,date&page=2.json").write_text(
        json.dumps([{"link": f"{origin}{slug}", "date": "2026-08-14T20:30:00"}]),
        encoding="utf-8",
    )
    model = (root / "konkurs-za-koledna-ukrasa/index.html").read_text(encoding="utf-8")
    title = "Лятно кино на площада всеки петък"
    text = [
        "Всеки петък през август на площада ще бъдат прожектирани български филми.",
        "Прожекциите започват в девет вечерта, а столовете осигурява читалището.",
    ]
    body = model.split('<div class="entry-content">')[1].split("</div>")[0]
    post = (
        model.replace("Община Островче обявява конкурс за коледна украса", title)
        .replace("/konkurs-za-koledna-ukrasa/", slug)
        .replace("2026-11-29T10:12:00", "2026-08-14T20:30:00")
        .replace("29.11.2026", "14.08.2026")
        .replace(body, "\n" + "\n".join(f"<p>{p}</p>" for p in text) + "\n")
    )
    (root / slug.strip("/")).mkdir()
    (root / slug.strip("/") / "index.html").write_text(post, encoding="utf-8")
    profile = bare_profile(tmp_path, "ostrovche", *ROUND6_SITES["ostrovche"])
    first, nightly = crawl_twice(run_cli, db, profile, "ostrovche", root)
    assert [path for path in first if path.startswith("/wp-json/")] == [
        first_page, f"{first_page}&page=2",
    ]  # fmt: skip
    assert sorted(nightly) == sorted(["/robots.txt", "/feed/", first_page])
    row = article_rows(db)[f"{origin}{slug}"]
    assert (row[0], row[1][:10], row[3]) == (title, "2026-08-14", "\n".join(text))


def test_an_article_over_pages_is_archived_whole_under_its_first_page(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """bistrets: each later page is read once, with its article (not queued as one of its
    own), kept as a capture beside the first page's, and never read again on a rerun."""
    first, nightly = _crawl_twice(run_cli, db, tmp_path, "bistrets")
    parts = [path for path in first if path.startswith("/statii/") and "?page=" in path]
    assert (
        sorted(parts)
        == sorted(set(parts))
        == [
            "/statii/istoriyata-na-staria-most-nad-reka-bistritsa?page=2",
            "/statii/noviyat-byudzhet-na-obshtinata-pod-lupa?page=2",
            "/statii/noviyat-byudzhet-na-obshtinata-pod-lupa?page=3",
            "/statii/uchenitsi-ot-bistrets-s-medali-ot-olimpiadata-po-himiya?page=2",
        ]
    )
    assert not [path for path in nightly if path.startswith("/statii/")]
    with sqlite3.connect(db) as conn:
        captured = {url for (url,) in conn.execute("SELECT final_url FROM captures")}
    later = {urlsplit(url) for url in captured if "?page=" in url}
    assert {f"{url.path}?{url.query}" for url in later} == set(parts)


def test_reextracting_an_article_over_pages_joins_its_captured_pages_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """bistrets: re-extraction, with no network, reads the later pages from the captures
    kept with the article, so it rebuilds the whole text, not the first page's part."""
    _crawl_twice(run_cli, db, tmp_path, "bistrets")
    expected = {row["url"]: row["text"] for row in site_json("bistrets", "expected.json")}
    with sqlite3.connect(db) as conn:  # as an older extractor might have left them
        conn.execute("UPDATE articles SET text = substr(text, 1, 40)")
    profile = tmp_path / "bistrets.toml"
    result = run_cli("reextract", "--profile", str(profile), "--workers", "1", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert {url: row[3] for url, row in article_rows(db).items()} == expected


def test_a_later_page_reached_on_its_own_is_no_article_of_its_own() -> None:
    """bistrets: page 2 met as a URL of its own (a sitemap, a stray link) is settled as
    a later page of the page before it, not archived as a second, headless article."""
    name, origin = ROUND6_SITES["bistrets"]
    profile = Profile(id="bistrets", name=name, origin=origin, hosts=(origin.split("//")[1],))
    slug = "/statii/noviyat-byudzhet-na-obshtinata-pod-lupa"
    for number, before in ((2, slug), (3, f"{slug}?page=2")):
        content = (SITES / "bistrets" / f"{slug.lstrip('/')}@page={number}.html").read_bytes()
        url = f"{origin}{slug}?page={number}"
        page = Page(
            url=url, final_url=url, status=200, headers={"content-type": "text/html"},
            content=content, text=content.decode("utf-8"), encoding="utf-8",
            fetched_at=dt.datetime.now(dt.UTC),
        )  # fmt: skip
        verdict = judge(url, page, profile, None)
        assert verdict.outcome is Outcome.LATER_PAGE, verdict
        assert f"a later page of {origin}{before}," in verdict.message


def test_a_later_page_that_cannot_be_read_leaves_the_text_before_it_and_a_warning(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """bistrets with page 3 of the budget article gone (404): the article is archived
    with its first two pages, and the run says which article lacks the rest."""
    site = tmp_path / "site"
    shutil.copytree(SITES / "bistrets", site)
    slug = "statii/noviyat-byudzhet-na-obshtinata-pod-lupa"
    (site / f"{slug}@page=3.html").unlink()
    profile = bare_profile(tmp_path, "bistrets", *ROUND6_SITES["bistrets"])
    with MirrorServer(site) as server:
        result = run_cli(
            "crawl", "bistrets", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    origin = ROUND6_SITES["bistrets"][1]
    assert f"a later page of {origin}/{slug} could not be read (HTTP 404)" in result.stderr
    row = next(row for row in site_json("bistrets", "expected.json") if row["url"].endswith(slug))
    text = article_rows(db)[row["url"]][3]
    assert text.startswith(row["text"][:200]) and len(text.split("\n")) == 6  # pages 1 and 2


def test_a_recheck_whose_later_page_is_down_for_now_leaves_the_archived_article_whole(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bistrets rechecked while page 2 of the budget article answers 503: the archived
    article, read whole before, is not cut back to its first page (a passing outage is
    no edit); the page fails, to be read again, and the run says so."""
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")  # the 503 is retried, not waited out
    profile = bare_profile(tmp_path, "bistrets", *ROUND6_SITES["bistrets"])
    slug = "/statii/noviyat-byudzhet-na-obshtinata-pod-lupa"
    outage = Outage(set())
    with MirrorServer(SITES / "bistrets", intercept=outage) as server:
        args = ("crawl", "bistrets", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip
        assert run_cli(*args).exit_code == 0
        before = article_rows(db)
        outage.down.add(f"{slug}?page=2")
        again = run_cli(*args, "--recheck", "100000")
        assert f"{slug}?page=2" in server.requests
    origin = ROUND6_SITES["bistrets"][1]
    assert f"a later page of {origin}{slug} could not be read" in again.stderr
    assert article_rows(db) == before
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 0


def test_the_rest_api_is_read_back_no_further_than_since(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """An exploring ``crawl --since``: the list's first page already reaches a post
    older than ``--since`` (it lists the newest first), so its older pages hold nothing
    the run keeps. They were all read all the same, up to fifty requests for nothing."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / "ostrovche", root)
    first_page = "/wp-json/wp/v2/posts?per_page=100&_fields=link,date"
    (root / "_mirror.json").write_text(
        json.dumps({"headers": {first_page: {"X-WP-TotalPages": "2"}}}), encoding="utf-8"
    )
    origin = ROUND6_SITES["ostrovche"][1]
    (root / "wp-json/wp/v2/posts@per_page=100&_fields=link,date&page=2.json").write_text(
        json.dumps([{"link": f"{origin}/staro/", "date": "2026-08-14T20:30:00"}]),
        encoding="utf-8",
    )
    profile = bare_profile(tmp_path, "ostrovche", *ROUND6_SITES["ostrovche"])
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "ostrovche", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--since", "2026-11-01", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert [path for path in server.requests if path.startswith("/wp-json/")] == [first_page]
    assert f"{origin}/remontirat-patya-ostrovche-pesachnik/" in article_rows(db)


def test_the_rest_apis_failed_page_is_resumed_whatever_the_runs_page_cap(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ostrovche's list of posts over three pages, its page 3 answering 500 on the
    exploring run: the next run, given ``--max-pages 2``, goes on from page 3, as a run
    with no cap does. WordPress's list has its own cap (``MAX_WP_PAGES``), not the
    run's. Measured before: the run's cap below the failed page's number dropped the
    resume, and page 2 was asked again on the way."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    root = tmp_path / "mirror"
    shutil.copytree(SITES / "ostrovche", root)
    first_page = "/wp-json/wp/v2/posts?per_page=100&_fields=link,date"
    pages = [first_page, f"{first_page}&page=2", f"{first_page}&page=3"]
    (root / "_mirror.json").write_text(
        json.dumps({"headers": {p: {"X-WP-TotalPages": "3"} for p in pages}}), encoding="utf-8"
    )
    origin = ROUND6_SITES["ostrovche"][1]
    for number, slug in (
        (2, "/den-na-narodnite-buditeli-v-uchilishtata/"),
        (3, "/esenna-aktsiya-za-edrogabaritni-otpadatsi/"),
    ):
        (
            root / f"wp-json/wp/v2/posts@per_page=100&_fields=link,date&page={number}.json"
        ).write_text(
            json.dumps([{"link": f"{origin}{slug}", "date": "2026-08-14T20:30:00"}]),
            encoding="utf-8",
        )
    profile = bare_profile(tmp_path, "ostrovche", *ROUND6_SITES["ostrovche"])
    outage = Outage({pages[2]}, status=500)
    asked: list[list[str]] = []
    with MirrorServer(root, intercept=outage) as server:
        for extra in ((), ("--max-pages", "2"), ()):
            before = len(server.requests)
            run_cli(
                "crawl", "ostrovche", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db), *extra,
            )  # fmt: skip
            asked.append([p for p in server.requests[before:] if p.startswith("/wp-json/")])
            outage.down.clear()
    assert asked == [pages, [pages[0], pages[2]], [pages[0]]], asked


def test_the_rest_apis_failed_page_past_a_nightly_cap_is_resumed_by_the_capped_run(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ostrovche's list of posts over three pages, read before (its validators kept),
    its page 3 failed once (as a re-exploring run's may): the nightly run capped at 2
    pages reads the list whole and goes on from page 3, WordPress's list having its
    own cap (``MAX_WP_PAGES``); a feed's page past the cap waits for a run reaching it
    (``test_round15``'s). Measured with that rule applied to WordPress's list too: the
    capped run asked page 1 alone, conditionally (a 304), and page 3 waited a month."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / "ostrovche", root)
    first_page = "/wp-json/wp/v2/posts?per_page=100&_fields=link,date"
    pages = [first_page, f"{first_page}&page=2", f"{first_page}&page=3"]
    (root / "_mirror.json").write_text(
        json.dumps({"headers": {p: {"X-WP-TotalPages": "3"} for p in pages}}), encoding="utf-8"
    )
    origin = ROUND6_SITES["ostrovche"][1]
    for number in (2, 3):
        (
            root / f"wp-json/wp/v2/posts@per_page=100&_fields=link,date&page={number}.json"
        ).write_text(
            json.dumps([{"link": f"{origin}/staro-{number}/", "date": "2026-08-14T20:30:00"}]),
            encoding="utf-8",
        )
    profile = bare_profile(tmp_path, "ostrovche", *ROUND6_SITES["ostrovche"])
    asked: list[list[str]] = []
    with MirrorServer(root) as server:
        for extra in ((), ("--max-pages", "2")):
            before = len(server.requests)
            run_cli(
                "crawl", "ostrovche", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db), *extra,
            )  # fmt: skip
            asked.append([p for p in server.requests[before:] if p.startswith("/wp-json/")])
            with sqlite3.connect(db) as conn:
                feed = f"{origin}{first_page}"
                Frontier(conn, "ostrovche").save_walk(
                    feed, WalkState(f"{feed}&page=3", 3, failures=1)
                )
    assert asked[1] == [pages[0], pages[2]], asked
