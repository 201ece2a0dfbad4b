"""What a nightly crawl of a site nobody profiled meets, night after night: two AMP copies
of one article, an AMP copy whose original a bot check answers alone, an address sent on
to an older page, a later listing page that loops. On the fault site (``faultserver``),
its listing linking only the copies, as a tag page or a "most read" block does."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .faultserver import ORIGIN, PROFILE, FaultServer, article_html
from .support import Result

Cli = Callable[..., Result]
ORIGINAL = "/news/5000-story-5000"
COPIES = (f"{ORIGINAL}?amp=1", f"{ORIGINAL}?amp")
CHALLENGE = (
    b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
    b"<p>Verifying you are human. This may take a few seconds.</p><script>"
    b"window._cf_chl_opt={cType:'managed'};</script></body></html>"
)


def _site(server: FaultServer) -> None:
    """The listing links the two copies of article 5000, never the original; each copy
    names it as canonical, and drops its byline, as an AMP template does."""
    server.listing_extra = "".join(f'<a href="{copy}">Копие</a>' for copy in COPIES)
    amp = article_html(5000, canonical=f"{ORIGIN}{ORIGINAL}")
    server.answers.update({copy: (200, {}, amp) for copy in COPIES})
    server.answers[ORIGINAL] = (
        200, {}, article_html(5000).replace(b"</h1>", "</h1><p>Автор: Мария Петрова</p>".encode())
    )  # fmt: skip


def _crawl(run_cli: Cli, server: FaultServer, db: Path, *extra: str) -> Result:
    path = db.parent / "fault.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return run_cli(
        "crawl", "fault", "--profile", str(path), "--base-url", server.url, "--delay", "0",
        "--db", str(db), "--quiet", *extra,
    )  # fmt: skip


def _rows(db: Path) -> list[tuple[str, str | None]]:
    with sqlite3.connect(db) as conn:
        return sorted(conn.execute("SELECT url, author FROM articles"))


def test_two_amp_copies_of_one_article_fetch_its_original_once(run_cli: Cli, db: Path) -> None:
    """The second copy's original was read in this run: it is one of that article's
    addresses, no request made. Each copy fetched the original again (four requests
    for one article, one at a time; three with two in flight)."""
    with FaultServer(articles=2, faults=False) as server:
        _site(server)
        result = _crawl(run_cli, server, db, "--connections", "1")
        assert result.exit_code == 0, result.stderr
        assert server.hits[ORIGINAL] == 1
        assert sum(server.hits.get(copy, 0) for copy in COPIES) == 1
    assert (f"{ORIGIN}{ORIGINAL}", "Мария Петрова") in _rows(db)
    with sqlite3.connect(db) as conn:
        ids = {
            row[0]
            for row in conn.execute(
                "SELECT article_id FROM article_urls WHERE url_key LIKE ?", (f"%{ORIGINAL}%",)
            )
        }
        named = conn.execute(
            "SELECT count(*) FROM article_urls WHERE url_key LIKE ?", (f"%{ORIGINAL}%",)
        ).fetchone()[0]
        states = {row[0] for row in conn.execute("SELECT state FROM frontier")}
    assert len(ids) == 1 and named == 3  # the original and both copies: one article
    assert states == {"done"}


def test_two_amp_copies_in_flight_together_fetch_the_original_once(run_cli: Cli, db: Path) -> None:
    """With the copies asked at once, the one answered second finds the original read."""
    with FaultServer(articles=0, faults=False) as server:
        _site(server)
        result = _crawl(run_cli, server, db, "--connections", "4")
        assert result.exit_code == 0, result.stderr
        assert server.hits[ORIGINAL] == 1
    assert _rows(db) == [(f"{ORIGIN}{ORIGINAL}", "Мария Петрова")]


def test_a_bot_check_on_an_amp_original_alone_keeps_the_copy_and_the_night(
    run_cli: Cli, db: Path
) -> None:
    """A WAF rule on the original's path: the copy stands, archived under the original's
    address, and the listing's other news are archived. The wall rested the whole
    site at the original, the copy left queued, asked first the next night and walled
    again: the site's news never archived again. The original is retried on the nights
    after, after the news, as a failed page is (its wall said then); once it answers,
    the article the copy made is updated in place with the byline the copy dropped.
    It was never asked again: the copy's text stood for good."""
    with FaultServer(articles=3, faults=False) as server:
        _site(server)
        byline = server.answers[ORIGINAL]
        server.answers[ORIGINAL] = (403, {"cf-mitigated": "challenge"}, CHALLENGE)
        server.listing_extra = f'<a href="{COPIES[0]}">Копие</a>'
        first = _crawl(run_cli, server, db, "--connections", "1")
        assert first.exit_code == 0, first.stderr
        server.articles = 4  # the next night's news
        second = _crawl(run_cli, server, db, "--connections", "1")
        assert second.exit_code == 1
        assert second.stderr.splitlines() == [
            "newsarchive: fault: a bot check answered this page alone (HTTP 403, cf-mitigated:"
            f" challenge); retried later: {ORIGIN}{ORIGINAL}"
        ]
        assert server.hits[ORIGINAL] == 2 and server.hits[COPIES[0]] == 1
        server.answers[ORIGINAL] = byline  # the rule lifted
        third = _crawl(run_cli, server, db, "--connections", "1")
        assert third.exit_code == 0, third.stderr
        assert server.hits[ORIGINAL] == 3 and server.hits[COPIES[0]] == 1
        fourth = _crawl(run_cli, server, db, "--connections", "1")
        assert (fourth.exit_code, server.hits[ORIGINAL]) == (0, 3)  # done with
    assert _rows(db) == [
        *((f"{ORIGIN}/news/{n}-story-{n}", None) for n in range(1000, 1004)),
        (f"{ORIGIN}{ORIGINAL}", "Мария Петрова"),
    ]
    with sqlite3.connect(db) as conn:
        (revisions,) = conn.execute(
            "SELECT count(*) FROM revisions JOIN articles a ON a.id = article_id WHERE a.url = ?",
            (f"{ORIGIN}{ORIGINAL}",),
        ).fetchone()
    assert revisions == 1  # the copy's version, kept beside the original's


def test_an_address_redirected_to_an_older_page_keeps_that_pages_day(
    run_cli: Cli, db: Path
) -> None:
    """A second address of an article (``/news/1001-old`` sent on to it by a 301),
    both linked, the article older than ``--since``: the address shares its page's fate
    and the day that page states, as the page keeps it. Kept with the run's ``--since``
    instead, a run reaching a little further back (still after that day) asked the
    address again, and the page it leads to, to drop both again."""
    alias = "/news/1001-old"
    with FaultServer(articles=3, faults=False) as server:  # (June 21 to 23, 2026)
        server.listing_extra = f'<a href="{alias}">Стар адрес</a>'
        server.answers[alias] = (301, {"Location": "/news/1001-story-1001"}, b"")
        first = _crawl(run_cli, server, db, "--connections", "1", "--since", "2026-06-25")
        assert first.exit_code == 0, first.stderr
        assert server.hits[alias] == 1
        asked = dict(server.hits)
        wider = _crawl(run_cli, server, db, "--connections", "1", "--since", "2026-06-24")
        assert wider.exit_code == 0, wider.stderr
        again = {path: n - asked.get(path, 0) for path, n in server.hits.items()}
    assert again[alias] == 0 and again["/news/1001-story-1001"] == 0
    assert _rows(db) == []


def test_a_later_listing_page_that_loops_is_the_listings_end_after_its_tries(
    run_cli: Cli, db: Path
) -> None:
    """``?p=2`` redirects round for ever (two addresses sending to each other): the walk
    failed there, kept it as its resume point, and each nightly run jumped there from
    its known page 1, spent six requests and failed, for ever. After ``MAX_ATTEMPTS``
    runs in a row it is the listing's end, said once; the nights after are clean."""
    from newsarchive.archive.frontier import MAX_ATTEMPTS

    looping = ("/news?p=2", "/news?p=2&x=1")
    with FaultServer(articles=10, per_page=5, faults=False) as server:
        server.answers[looping[0]] = (302, {"Location": looping[1]}, b"")
        server.answers[looping[1]] = (302, {"Location": looping[0]}, b"")
        results = [_crawl(run_cli, server, db) for _ in range(MAX_ATTEMPTS + 2)]
        assert server.hits[looping[0]] == 3 * MAX_ATTEMPTS  # (three times each run)
    assert [r.exit_code for r in results] == [1] * MAX_ATTEMPTS + [0, 0]
    assert "failed in 5 runs in a row: taken for the end of its listing" in results[-3].stderr
    # each line naming the page names the mirror it was fetched from, as the others do
    named = [line for line in results[-3].stderr.splitlines() if f"{ORIGIN}/news?p=2" in line]
    assert len(named) == 2 and all(
        f"?p=2 (fetched from {server.url}/news?p=2" in line for line in named
    ), named
    assert results[-1].stderr == ""
