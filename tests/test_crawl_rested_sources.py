"""What a nightly crawl does with faults that come back every night: the pages that
failed on earlier nights retried within the budget however much news there is, and (on
the fault site, ``faultserver``) a source that fails night after night rested while the
site's others give their news."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from .faultserver import ORIGIN, FaultServer, article_html, write_profile
from .support import Result

Cli = Callable[..., Result]
LATE = "/news/5000-story-5000"  # an article linked beside the listing's own


def _crawl(run_cli: Cli, server: FaultServer, db: Path, *extra: str) -> Result:
    profile = write_profile(db.parent)
    return run_cli(
        "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
        "--delay", "0", "--db", str(db), "--connections", "1", *extra,
    )  # fmt: skip


def _urls(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0] for row in conn.execute("SELECT url FROM articles")}


def test_a_page_that_failed_is_retried_on_a_night_the_news_take_the_budget(
    run_cli: Cli, db: Path
) -> None:
    """A site with more news than one night's budget reads: the page that failed on the
    first night was retried after the news, which took the whole budget every night, so
    it never was. It is now asked the next night, within a share of the budget, and
    archived; the news go on with the rest."""
    with FaultServer(articles=200, per_page=20, faults=False) as server:
        server.listing_extra = f'<a href="{LATE}">Късна новина</a>'
        server.answers[LATE] = (302, {"Location": LATE}, b"")  # a loop, that night
        first = _crawl(run_cli, server, db, "--max-requests", "30")
        assert first.exit_code == 1 and f"{ORIGIN}{LATE}" in first.stderr, first.stderr
        asked, news = server.hits[LATE], len(_urls(db))
        server.answers[LATE] = (200, {}, article_html(5000))
        second = _crawl(run_cli, server, db, "--max-requests", "30")
        assert second.exit_code == 0, second.stderr
        assert "request budget of 30 spent; the next run resumes" in second.stdout
        assert server.hits[LATE] == asked + 1
    assert f"{ORIGIN}{LATE}" in _urls(db)
    assert len(_urls(db)) - news >= 20  # (the news kept the rest of the budget)


def _nights(
    run_cli: Cli, server: FaultServer, db: Path, count: int, *extra: str
) -> list[tuple[Result, int]]:
    """``count`` nightly runs of the site with its feed, each with the requests its
    feed was asked in that night."""
    profile = write_profile(db.parent, feed=True)
    nights = []
    for _ in range(count):
        before = server.hits.get("/rss", 0)
        result = run_cli(
            "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db), *extra,
        )  # fmt: skip
        nights.append((result, server.hits.get("/rss", 0) - before))
    return nights


def test_a_feed_failing_night_after_night_rests_while_the_listing_gives_the_news(
    run_cli: Cli, db: Path
) -> None:
    """The feed loops (a redirect to itself) while the listing answers: each night's run
    failed on it, for ever. After five nights in a row it rests: said once, the run's
    failure that night; the next two nights it is not asked and the run exits 0, its
    summary naming it; asked again and failing, it rests four nights, quietly; once it
    answers again it is read as before, and the news are archived all along."""
    with FaultServer(articles=3, faults=False) as server:
        server.answers["/rss"] = (302, {"Location": "/rss"}, b"")
        nights = _nights(run_cli, server, db, 8)
        codes = [result.exit_code for result, _ in nights]
        asked = [requests > 0 for _, requests in nights]
        assert codes == [1, 1, 1, 1, 1, 0, 0, 0], [r.stderr for r, _ in nights]
        assert asked == [True] * 5 + [False, False, True]
        fifth, sixth, eighth = nights[4][0], nights[5][0], nights[7][0]
        assert f"{ORIGIN}/rss (fetched from {server.url}/rss) failed in 5 runs in a row" in (
            fifth.stderr
        )
        assert "rested, asked again after 2 runs" in fifth.stderr
        assert sixth.stderr == "" and eighth.stderr == ""
        rss = f"{ORIGIN}/rss (fetched from {server.url}/rss)"
        assert f"; 1 failing source(s) rested: {rss} (asked again after 1 more run)" in (
            sixth.stdout
        )
        assert f"{rss} (failed again: asked again after 4 runs)" in eighth.stdout
        stats = run_cli("stats", "--db", str(db))
        assert f"rested: fault: feed failed: more than 5 redirects: {rss} (6 runs in a row;" in (
            stats.stdout
        )
        listed = run_cli("stats", "--format", "json", "--db", str(db)).json()
        assert [(s["url"], s["failures"], s["rest_left"]) for s in listed["rested_sources"]] == [
            (f"{ORIGIN}/rss", 6, 4)
        ]
        with sqlite3.connect(db) as conn:
            assert conn.execute(
                "SELECT url, failures, rest_left FROM source_failures"
            ).fetchall() == [(f"{ORIGIN}/rss", 6, 4)]
        del server.answers["/rss"]  # the feed is mended
        server.articles = 5
        later = _nights(run_cli, server, db, 5)
        assert [r.exit_code for r, _ in later] == [0] * 5
        assert [n > 0 for _, n in later] == [False] * 4 + [True]
        assert f"{rss} answers again: no longer rested" in later[-1][0].stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM source_failures").fetchone() == (0,)
    assert len(_urls(db)) == 5


def test_a_site_whose_sources_all_fail_stays_loud_every_night(run_cli: Cli, db: Path) -> None:
    """The feed and the listing both fail: nothing of the site answers, and no source
    rests however many nights it goes on: each run fails, asking both."""
    with FaultServer(articles=3, faults=False) as server:
        server.answers["/rss"] = (302, {"Location": "/rss"}, b"")
        server.answers["/news"] = (403, {}, b"<p>Forbidden</p>")
        nights = _nights(run_cli, server, db, 7, "--quiet")
        assert [r.exit_code for r, _ in nights] == [1] * 7
        assert all(requests > 0 for _, requests in nights)
        assert server.hits["/news"] == 7
        assert all("rested" not in r.stderr for r, _ in nights)


def test_nights_the_whole_site_failed_do_not_rest_a_source_without_a_word(
    run_cli: Cli, db: Path
) -> None:
    """The feed and the listing fail for five nights, then the listing answers and the
    feed still loops. Those five nights counted toward the feed's rest: on the sixth it
    came to rest at once, its failure taken back (exit 0), and the warning said the
    night a source comes to rest was never said. Only nights another source answered
    count: five such nights, the fifth said as a rest, as for any source."""
    with FaultServer(articles=3, faults=False) as server:
        server.answers["/rss"] = (302, {"Location": "/rss"}, b"")
        server.answers["/news"] = (403, {}, b"<p>Forbidden</p>")
        down = _nights(run_cli, server, db, 5, "--quiet")
        assert [r.exit_code for r, _ in down] == [1] * 5
        del server.answers["/news"]  # the listing answers again; the feed still loops
        nights = _nights(run_cli, server, db, 6, "--quiet")
    codes = [result.exit_code for result, _ in nights]
    assert codes == [1, 1, 1, 1, 1, 0], [r.stderr for r, _ in nights]
    assert all("feed failed: more than 5 redirects" in r.stderr for r, _ in nights[:5])
    said = [r for r, _ in nights if "rested, asked again after 2 runs" in r.stderr]
    assert said == [nights[4][0]], [r.stderr for r, _ in nights]
    assert [asked > 0 for _, asked in nights] == [True] * 5 + [False]


def test_a_source_rests_twice_as_long_each_time_it_fails_again_up_to_a_cap() -> None:
    from newsarchive.crawl_rests import MAX_REST_RUNS, rest_runs

    assert [rest_runs(n) for n in range(1, 10)] == [0, 0, 0, 0, 2, 4, 8, 16, 32]
    assert rest_runs(40) == MAX_REST_RUNS


def test_the_retries_share_of_the_budget_is_those_due_up_to_a_tenth() -> None:
    from newsarchive.crawl_run import retry_share

    assert retry_share(0, 5000) == 0  # none due: the news have it all
    assert retry_share(3, 5000) == 3
    assert retry_share(900, 5000) == 500
    assert retry_share(4, 8) == 1  # one at least
    assert retry_share(4, 1) == 0  # no room for news and a retry


def _failures(db: Path) -> list[tuple[str, int, int]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT url, failures, rest_left FROM source_failures").fetchall()


def test_a_rested_feed_taken_out_of_the_profile_is_forgotten(run_cli: Cli, db: Path) -> None:
    """The feed loops until it rests; then the profile drops it. Its row stayed for ever
    (``stats`` listing it as rested, its rest counted down by runs that never ask it):
    the first run without it forgets it, saying so in its summary, and exits 0."""
    with FaultServer(articles=3, faults=False) as server:
        server.answers["/rss"] = (302, {"Location": "/rss"}, b"")
        _nights(run_cli, server, db, 5)
        assert _failures(db) == [(f"{ORIGIN}/rss", 5, 2)]
        night = _crawl(run_cli, server, db)  # (the profile without the feed)
        assert night.exit_code == 0, night.stderr
        rss = f"{ORIGIN}/rss (fetched from {server.url}/rss)"
        assert f"; 1 failing source(s) no longer read, forgotten: {rss}" in night.stdout
        assert _failures(db) == []
        assert "rested" not in run_cli("stats", "--db", str(db)).stdout
        again = _crawl(run_cli, server, db)
    assert "forgotten" not in again.stdout


def test_a_run_cut_short_forgets_no_source(run_cli: Cli, db: Path) -> None:
    """A run the request budget stops before it reaches every source cannot tell a
    source dropped from one it did not reach: the feed's failure stays until a run that
    reads the site's sources to the end."""
    with FaultServer(articles=30, faults=False) as server:
        server.answers["/rss"] = (302, {"Location": "/rss"}, b"")
        _nights(run_cli, server, db, 1)
        assert _failures(db) == [(f"{ORIGIN}/rss", 1, 0)]
        server.articles = 60
        cut = _crawl(run_cli, server, db, "--max-requests", "5")
        assert "request budget of 5 spent" in cut.stdout, cut.stdout
        assert _failures(db) == [(f"{ORIGIN}/rss", 1, 0)]
        whole = _crawl(run_cli, server, db)
        assert whole.exit_code == 0, whole.stderr
    assert _failures(db) == []


def test_check_site_lists_the_sources_the_crawl_rests(run_cli: Cli, db: Path) -> None:
    """The user mending a site runs check-site: it names the feed the crawl rests, with
    its last failure and the run that asks it again, beside its own fetch of it (which
    fails too); JSON holds the same. No archive yet: nothing to say, nothing created."""
    with FaultServer(articles=3, faults=False) as server:
        server.answers["/rss"] = (302, {"Location": "/rss"}, b"")
        profile = write_profile(db.parent, feed=True)
        check = (
            "check-site",
            "fault",
            "--profile",
            str(profile),
            "--base-url",
            server.url,
            "--delay",
            "0",
        )
        before = run_cli(*check, "--db", str(db))
        assert "rested" not in before.stdout and not db.exists()
        _nights(run_cli, server, db, 6)
        text = run_cli(*check, "--db", str(db))
        listed = run_cli(*check, "--db", str(db), "--format", "json").json()
    assert text.exit_code == 1  # (the feed fails here too: said as it was)
    assert (
        f"  rested {ORIGIN}/rss: failed in 5 crawls in a row (feed failed: more than 5"
        f" redirects: {ORIGIN}/rss (fetched from {server.url}/rss)); the crawl asks it again"
        " after 1 more run"
    ) in text.stdout, text.stdout
    assert [(r["url"], r["failures"], r["asked_again"]) for r in listed["rested"]] == [
        (f"{ORIGIN}/rss", 5, "after 1 more run")
    ]


def test_a_run_that_left_a_sitemap_unread_forgets_no_source(tmp_path: Path) -> None:
    """A sitemap child rests unseen while its index waits (the feeds covered the night,
    or the per-run cap): a run that left a sitemap unread keeps every failure; one that
    read them all forgets those of sources the site no longer has (a feed out of the
    profile), and keeps those it reached and those the profile names, another site's
    untouched."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.frontier import Frontier
    from newsarchive.crawl_rests import SourceTally, forget_unread
    from newsarchive.crawl_run import SiteReport

    conn = connect(tmp_path / "a.db", create=True)
    site, other = Frontier(conn, "t"), Frontier(conn, "u")
    child, dropped = "https://t.example/sitemap-7.xml", "https://t.example/old-rss"
    named, reached = "https://t.example/news", "https://t.example/sitemap-8.xml"
    for url in (child, dropped, named, reached):
        site.source_failed(url, "sitemap failed: HTTP 500")
    other.source_failed("https://u.example/rss", "feed failed: HTTP 500")

    def kept() -> list[str]:
        return [url for (url,) in conn.execute("SELECT url FROM source_failures ORDER BY url")]

    everything = sorted([child, dropped, named, reached, "https://u.example/rss"])
    report = SiteReport("t")
    waited = SourceTally(failed={reached: "sitemap failed: HTTP 500"}, sitemaps_left=True)
    forget_unread(site, waited, [named], report, str)
    assert kept() == everything and report.deferred == []
    read = SourceTally(failed={reached: "sitemap failed: HTTP 500"})
    forget_unread(site, read, [named], report, str)
    assert kept() == sorted([named, reached, "https://u.example/rss"])
    assert report.deferred == [f"2 failing source(s) no longer read, forgotten: {dropped}, {child}"]
    conn.close()


def test_check_site_says_an_archive_path_the_system_refuses(run_cli: Cli, tmp_path: Path) -> None:
    """check-site reads the archive's rested sources before it fetches: a --db whose name
    the system refuses (too long) is one line and exit 2, as every other command says it,
    not an internal error (exit 70), and nothing is fetched."""
    with FaultServer(articles=3, faults=False) as server:
        profile = write_profile(tmp_path, feed=True)
        db = tmp_path / ("a" * 300 + ".db")
        result = run_cli(
            "check-site", "fault", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
        assert not server.hits
    assert result.exit_code == 2, result.stderr
    assert "cannot open archive" in result.stderr and "File name too long" in result.stderr
    assert "internal error" not in result.stderr


def test_a_rested_source_with_no_error_kept_is_listed_without_empty_brackets() -> None:
    """``last_error`` may be NULL: check-site's line then names the source and its runs,
    not "()" where the failure would stand."""
    from newsarchive.check_site import RestedSource, SiteCheck, format_text

    report = SiteCheck("x", rested=[RestedSource("https://x.example/rss", 5, "next run", "")])
    assert (
        "  rested https://x.example/rss: failed in 5 crawls in a row; the crawl asks it again"
        " next run\n"
    ) in format_text(report)


def test_check_site_reads_an_older_archive_as_it_is_never_upgrading_it(
    run_cli: Cli, db: Path
) -> None:
    """check-site fetches and archives nothing: an archive an older release wrote (v22,
    whose table of failing sources is today's) is read as it is for its rested sources,
    not upgraded (a migration over every stored article, to check a profile)."""
    with FaultServer(articles=3, faults=False) as server:
        server.answers["/rss"] = (302, {"Location": "/rss"}, b"")
        profile = write_profile(db.parent, feed=True)
        _nights(run_cli, server, db, 6)
        with sqlite3.connect(db) as conn:
            conn.execute("PRAGMA user_version = 22")
        conn.close()
        result = run_cli(
            "check-site", "fault", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db), "--format", "json",
        )  # fmt: skip
    assert [r["url"] for r in result.json()["rested"]] == [f"{ORIGIN}/rss"], result.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 22
    conn.close()


def test_a_sitemap_index_that_fails_keeps_its_rested_childs_rest(run_cli: Cli, db: Path) -> None:
    """A child sitemap loops until it rests while its index answers; then the index fails
    one night. That night reaches no child, as a sitemap waiting by design reaches none:
    the child's rest stands (it was "no longer read, forgotten", its rest undone, and the
    nights after failed on it again), and the index's failure is the night's own."""
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{ORIGIN}/sitemap-1.xml</loc></sitemap></sitemapindex>"
    ).encode()
    profile = db.parent / "fault.toml"
    profile.write_text(
        write_profile(db.parent)
        .read_text(encoding="utf-8")
        .replace('start_urls = ["/news"]', 'start_urls = ["/news"]\nsitemaps = ["/sitemap.xml"]'),
        encoding="utf-8",
    )
    child = f"{ORIGIN}/sitemap-1.xml"

    def night() -> Result:
        return run_cli(
            "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip

    with FaultServer(articles=3, faults=False) as server:
        server.answers["/sitemap.xml"] = (200, {"Content-Type": "application/xml"}, index)
        server.answers["/sitemap-1.xml"] = (302, {"Location": "/sitemap-1.xml"}, b"")
        for _ in range(5):
            night()
        assert [(url, failures) for url, failures, _ in _failures(db)] == [(child, 5)]
        server.answers["/sitemap.xml"] = (302, {"Location": "/sitemap.xml"}, b"")
        failed = night()
        assert failed.exit_code == 1, failed.stderr
        assert "no longer read, forgotten" not in failed.stdout + failed.stderr
        assert child in [url for url, _, _ in _failures(db)]
