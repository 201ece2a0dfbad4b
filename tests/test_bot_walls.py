"""A bot wall's interstitial (a challenge page a browser would run) is told from the page
asked for, by its shape, and rests the site's host for the run: never archived, never
asked again and again. The pages here are written for these tests, in the shapes the
walls use (a vendor's marker or a challenge's sentence on a page that says little, or no
text and a script that reloads)."""

from __future__ import annotations

import gzip
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsarchive.fetch.bot_check import bot_check
from newsarchive.fetch.client import REST_AFTER, Fetcher, FetchOptions

from .faultserver import PROFILE, FaultServer, article_html
from .support import Result

Cli = Callable[..., Result]
SHARED = Path(__file__).resolve().parents[1].parent / "shared"

MOMENT = (
    b"<!DOCTYPE html><html><head><title>Just a moment...</title>"
    b'<meta http-equiv="refresh" content="360"></head><body><div class="main">'
    b"<h1>www.t.bg</h1><p>Verifying you are human. This may take a few seconds.</p>"
    b"<noscript>Enable JavaScript and cookies to continue</noscript></div>"
    b"<script>(function(){window._cf_chl_opt={cRay:'8a1b',cType:'managed'};"
    b"var s=document.createElement('script');"
    b"s.src='/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8a1b';"
    b"document.head.appendChild(s);})();</script></body></html>"
)
GUARD = (
    b"<html><head><title>DDoS-Guard</title></head><body><h2>Checking your browser before"
    b" accessing www.t.bg</h2><p>This is automatic; you will be sent on shortly.</p>"
    b'<script src="/.well-known/ddos-guard/check?context=free_splash"></script></body></html>'
)
ENABLE = (
    b"<html><head><title></title></head><body><noscript><p>Please enable JavaScript to"
    b" view the page content.</p></noscript><script>var t='a1b2';"
    b"fetch('/verify?t='+t).then(function(){location.reload()})</script></body></html>"
)
COOKIE = (
    b"<html><head><title>You are being redirected...</title></head><body>"
    b"<script>var S='x9q';document.cookie='proxy_js_'+S+'=1; path=/; max-age=86400';"
    b"location.reload();</script></body></html>"
)

# the same address rebuilt from its path and query (its #fragment dropped): a reload too
REBUILT = (
    b"<html><body><script>document.cookie='sh_chk=7f1; path=/';"
    b"window.location.href = window.location.pathname + window.location.search;</script>"
    b"</body></html>"
)


@pytest.mark.parametrize(
    ("status", "headers", "body", "evidence"),
    [
        (403, {}, MOMENT, "'just a moment...'"),
        (200, {}, MOMENT, "'just a moment...'"),
        (503, {}, GUARD, "ddos-guard"),
        (202, {}, ENABLE, "please enable javascript"),
        (200, {}, COOKIE, "no text, a script that reloads the page"),
        (503, {}, REBUILT, "no text, a script that reloads the page"),
        (403, {"cf-mitigated": "challenge"}, b"", "cf-mitigated: challenge"),
        (202, {"x-amzn-waf-action": "challenge"}, b"", "x-amzn-waf-action: challenge"),
    ],
    ids=[
        "403-moment",
        "200-moment",
        "503-guard",
        "202-enable",
        "200-cookie",
        "503-rebuilt",
        "header",
        "waf",
    ],
)
def test_a_challenge_is_told_by_its_shape(
    status: int, headers: dict[str, str], body: bytes, evidence: str
) -> None:
    said = bot_check(status, headers, body)
    assert said is not None and evidence in said


ARTICLE = article_html(1001).replace(
    b"</div></article>",
    b"<p>" + "Кметът отговори на въпросите на гражданите. ".encode() * 8 + b"</p></div></article>",
)
WITH_NOSCRIPT = ARTICLE.replace(
    b"</article>", b"</article><noscript>Please enable JavaScript for the comments.</noscript>"
)
RELOADING = ARTICLE.replace(b"</body>", b"<script>setTimeout(()=>location.reload(),300000)")

SHELL = (
    b'<html><head><title>Vesti</title></head><body><div id="root"></div><noscript>Please'
    b' enable JavaScript to run this app.</noscript><script src="/app.js"></script></body></html>'
)

SENDING = b"<html><body><script>document.cookie='lang=bg';location.href='/bg/'</script></body>"
# An old site's page sending the browser to its https:// or www. address from a script:
# another address built from this one, no reload (it rested the whole site for the run)
UPGRADING = (
    b'<html><head><script>if (location.protocol != "https:") {'
    b' location.href = location.href.replace("http:", "https:"); }</script></head></html>'
)
TO_WWW = (
    b"<html><body><script>window.location = location.protocol + '//www.t.bg'"
    b" + location.pathname;</script></body></html>"
)


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (200, WITH_NOSCRIPT),  # a page asking for JavaScript beside its article
        (403, WITH_NOSCRIPT),  # its text is the article's, whatever the status
        (200, RELOADING),  # a front page reloading itself every few minutes
        (200, SHELL),  # an app's shell asks for JavaScript too: a wall only under its status
        (404, MOMENT),  # a wall answers 202, 403, 429 or 503 (or 200)
        (202, b""),  # a 202 saying nothing is no challenge
        (200, SENDING),  # a home page's script sending the browser on: no reload
        (200, UPGRADING),  # to this address under https: another address, no reload
        (200, TO_WWW),  # to this path under www.: another address, no reload
    ],
    ids=[
        "noscript",
        "403-article",
        "reloading",
        "200-shell",
        "404",
        "202-empty",
        "sending",
        "https",
        "www",
    ],
)
def test_a_page_of_its_own_is_no_bot_check(status: int, body: bytes) -> None:
    assert bot_check(status, {}, body) is None


# A maintenance page that reloads itself in a minute and says when to come back
MAINTENANCE = (
    b"<html><head><title></title></head><body><p>Profilaktika</p>"
    b"<script>setTimeout(function(){location.reload()},60000)</script></body></html>"
)


def test_a_reloading_page_that_says_when_to_come_back_is_no_bot_check() -> None:
    """Under Retry-After the server asks for time (retried), no wall resting the host."""
    assert bot_check(503, {"retry-after": "120"}, MAINTENANCE) is None
    assert bot_check(503, {}, MAINTENANCE) == "no text, a script that reloads the page"


@pytest.mark.skipif(not (SHARED / "wcxb-dev" / "html").is_dir(), reason="no ../shared")
def test_no_shared_page_reads_as_a_bot_check() -> None:
    """WCXB dev's and bg-pages' real pages, as if under a wall's status too (58 of
    WCXB's carry Cloudflare's bot-detection script, 6 say 'please enable javascript',
    21 reload themselves from a script: each says far more than a challenge)."""
    pages = [*(SHARED / "wcxb-dev" / "html").glob("*.html.gz")]
    pages += [p for p in (SHARED / "bg-pages").rglob("*.html") if p.is_file()]
    assert len(pages) > 700
    flagged = []
    for path in pages:
        data = path.read_bytes()
        data = gzip.decompress(data) if path.suffix == ".gz" else data
        if bot_check(403, {}, data) or bot_check(200, {}, data):
            flagged.append(path.name)
    assert flagged == []


@pytest.fixture
def site() -> Iterator[FaultServer]:
    with FaultServer(articles=3, faults=False) as server:
        yield server


def _crawl(run_cli: Cli, server: FaultServer, db: Path, *extra: str) -> Result:
    path = db.parent / "fault.toml"
    path.write_text(PROFILE, encoding="utf-8")
    return run_cli(
        "crawl", "fault", "--profile", str(path), "--base-url", server.url, "--delay", "0",
        "--connections", "1", "--db", str(db), *extra,
    )  # fmt: skip


def _urls(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT url FROM articles"))


@pytest.mark.parametrize(
    ("status", "body"), [(202, ENABLE), (200, COOKIE), (503, MOMENT)], ids=["202", "200", "503"]
)
def test_a_bot_wall_is_said_once_rests_the_site_and_archives_nothing(
    run_cli: Cli, site: FaultServer, db: Path, status: int, body: bytes
) -> None:
    # (the whole site: a listing walled alone is forgiven once, as an article is, and
    # the site explored; its home page walled too is a wall in a row)
    walled = ["/", "/rss", "/news", *(f"/news/{n}-story-{n}" for n in (1000, 1001, 1002))]
    for path in walled:
        site.answers[path] = (status, {}, body)
    result = _crawl(run_cli, site, db, "--quiet")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "the site answered with a bot check at https://fault.example/ (" in lines[0]
    assert f"HTTP {status}" in lines[0]
    assert "HTTP 202:" not in lines[0] and "after 4 attempts" not in lines[0]
    assert site.hits["/news"] == site.hits["/"] == 1  # not retried, not hammered
    assert sorted(site.hits) == ["/", "/news", "/robots.txt"]  # nothing else asked
    assert _urls(db) == []
    # the wall gone, the next run archives what it turned away
    for path in walled:
        del site.answers[path]
    again = _crawl(run_cli, site, db, "--quiet")
    assert again.exit_code == 0, again.stderr
    assert _urls(db) == [f"https://fault.example/news/{n}-story-{n}" for n in (1000, 1001, 1002)]


@pytest.mark.parametrize(("status", "body"), [(503, MOMENT), (403, GUARD)], ids=["503", "403"])
def test_a_bot_wall_on_robots_txt_rests_the_site_at_once(
    run_cli: Cli, site: FaultServer, db: Path, status: int, body: bytes
) -> None:
    """The wall stands before robots.txt too: its 503 challenge there was a robots.txt
    that "keeps failing", asked four times with backoff, where one on a page is asked
    once and rests the host."""
    site.answers["/robots.txt"] = (status, {}, body)
    result = _crawl(run_cli, site, db, "--quiet")
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "the site answered with a bot check at https://fault.example/robots.txt" in lines[0]
    assert f"HTTP {status}" in lines[0] and "keeps failing" not in lines[0]
    assert site.hits["/robots.txt"] == 1  # not retried
    assert not any(path.startswith("/news") for path in site.hits)  # nothing else asked
    assert _urls(db) == []


def test_a_bot_check_on_one_article_never_starves_the_site(
    run_cli: Cli, site: FaultServer, db: Path
) -> None:
    """A WAF rule on one path: that article fails (retried on later runs, a bounded
    number of times), and the listing is read and its news archived, every night. It
    rested the site at the walled URL, asked first from the queue each night, and the
    news after it was never archived. A wall on the listing too is the site walled:
    said once, two requests spent."""
    walled = "/news/1001-story-1001"
    site.answers[walled] = (403, {"cf-mitigated": "challenge"}, MOMENT)
    first = _crawl(run_cli, site, db, "--quiet")
    assert first.exit_code == 1
    lines = first.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "a bot check answered this page alone (HTTP 403, " in lines[0]
    assert lines[0].endswith("https://fault.example/news/1001-story-1001")
    assert _urls(db) == [f"https://fault.example/news/{n}-story-{n}" for n in (1000, 1002)]
    site.articles = 5  # two new articles; the walled one is retried after them
    second = _crawl(run_cli, site, db, "--quiet")
    assert second.exit_code == 1
    assert len(second.stderr.splitlines()) == 1, second.stderr
    assert _urls(db) == [
        f"https://fault.example/news/{n}-story-{n}" for n in (1000, 1002, 1003, 1004)
    ]
    assert site.hits[walled] == 2  # once a run, never retried within one
    # the wall now on the whole site: the listing (forgiven once), then its home page
    # as the site is explored, and no more; the walled article is retried after the
    # news only (``Frontier.open_retries``), so not tonight
    for path in ("/", "/rss", "/news", *(f"/news/{n}-story-{n}" for n in range(1000, 1007))):
        site.answers[path] = (503, {}, GUARD)
    site.articles = 7
    asked = sum(site.hits.values())
    walled_too = _crawl(run_cli, site, db, "--quiet")
    assert walled_too.exit_code == 1
    lines = walled_too.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "the site answered with a bot check at https://fault.example/ (" in lines[0]
    assert site.hits[walled] == 2 and site.hits["/news"] == 3
    assert sum(site.hits.values()) - asked <= 3  # (robots.txt, the listing, the home page)
    # the wall gone: the article it turned away three times is archived
    site.answers.clear()
    assert _crawl(run_cli, site, db, "--quiet").exit_code == 0
    assert "https://fault.example/news/1001-story-1001" in _urls(db)


def test_a_bot_check_lifts_no_rest_of_another_cause() -> None:
    """``Fetcher.forgive_wall`` lifts the rest a wall set, once; a rest that a busy or
    silent host set first (a request in flight then meeting a wall) stands."""
    with Fetcher(FetchOptions(delay=0, respect_robots=False)) as fetcher:
        url = "https://walled.example/news/1"
        host = fetcher._host("walled.example")
        first = fetcher._walled(host, url, 403, "cf-mitigated", url, "walled.example")
        assert fetcher.rests(url)
        assert fetcher.forgive_wall(first) and not fetcher.rests(url)
        again = fetcher._walled(host, url, 403, "cf-mitigated", url, "walled.example")
        assert not fetcher.forgive_wall(again) and fetcher.rests(url)  # a second in a row

        url = "https://busy.example/news/1"
        host = fetcher._host("busy.example")
        for _ in range(REST_AFTER):
            fetcher._busy(host, "busy.example", "HTTP 503", 0)
        assert fetcher.rests(url)
        walled = fetcher._walled(host, url, 403, "cf-mitigated", url, "busy.example")
        assert not fetcher.forgive_wall(walled) and fetcher.rests(url)


SPORT = (
    "<!doctype html><html><head><meta charset=utf-8><title>Спорт</title></head><body><ul>"
    '<li><a href="/news/1002-story-1002">Статия 1002</a></li>'
    '<li><a href="/news/1001-story-1001">Статия 1001</a></li></ul></body></html>'
).encode()


def _two_listings(db: Path) -> Path:
    path = db.parent / "fault.toml"
    path.write_text(
        PROFILE.replace('start_urls = ["/news"]', 'start_urls = ["/news", "/sport"]'),
        encoding="utf-8",
    )
    return path


def test_a_bot_check_on_a_later_listing_page_fails_that_page_not_the_night(
    run_cli: Cli, db: Path
) -> None:
    """A WAF rule on ``?p=`` walls the listing's page 2 alone: that page fails (said,
    its walk resumed there next run), and the site's other listing is read and its news
    archived. The wall rested the whole site at page 2, the second listing never asked."""
    with FaultServer(articles=10, per_page=5, faults=False) as server:
        server.answers["/news?p=2"] = (403, {"cf-mitigated": "challenge"}, MOMENT)
        server.answers["/sport"] = (200, {}, SPORT)
        result = run_cli(
            "crawl", "fault", "--profile", str(_two_listings(db)), "--base-url", server.url,
            "--delay", "0", "--connections", "1", "--db", str(db), "--quiet",
        )  # fmt: skip
        assert server.hits["/news?p=2"] == 1 and server.hits["/sport"] == 1
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "next listing page failed: a bot check answered this page alone (HTTP 403," in lines[0]
    assert "not asked again" not in result.stderr
    assert _urls(db) == [
        f"https://fault.example/news/{n}-story-{n}" for n in (1001, 1002, *range(1005, 1010))
    ]


def test_a_bot_check_on_two_listings_in_a_row_is_the_site_walled_said_once(
    run_cli: Cli, db: Path
) -> None:
    """Page 2 forgiven, the next source walled too: the site rests, and the one line
    is the rest's (the page's failure taken back), one request more than before."""
    with FaultServer(articles=10, per_page=5, faults=False) as server:
        server.answers["/news?p=2"] = (403, {"cf-mitigated": "challenge"}, MOMENT)
        server.answers["/sport"] = (503, {}, GUARD)
        result = run_cli(
            "crawl", "fault", "--profile", str(_two_listings(db)), "--base-url", server.url,
            "--delay", "0", "--connections", "1", "--db", str(db), "--quiet",
        )  # fmt: skip
        assert server.hits["/sport"] == 1
        assert not [p for p in server.hits if p.startswith("/news/100") and p < "/news/1005"]
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "the site answered with a bot check at https://fault.example/sport (" in lines[0]


def test_walled_retries_come_after_the_news_and_their_tries_are_counted(
    run_cli: Cli, site: FaultServer, db: Path
) -> None:
    """Two articles a WAF rule walls, each forgiven in the night it was first met
    (another page answered between them): retried first the next night, the first
    forgiven and the second a wall in a row, they rested the site before its listing
    was read, every night, their tries never counted: no news archived again, ever.
    Retried after the news, the night's news is archived, and after ``MAX_ATTEMPTS``
    tries they are left alone."""
    from newsarchive.archive.frontier import MAX_ATTEMPTS

    walled = ("/news/1002-story-1002", "/news/1000-story-1000")
    for path in walled:
        site.answers[path] = (403, {"cf-mitigated": "challenge"}, MOMENT)
    first = _crawl(run_cli, site, db, "--quiet")
    assert first.exit_code == 1
    assert _urls(db) == ["https://fault.example/news/1001-story-1001"]
    for night in range(2, MAX_ATTEMPTS + 3):
        site.articles += 1  # a new article each night
        _crawl(run_cli, site, db, "--quiet")
        assert f"https://fault.example/news/{site.articles + 999}-story-{site.articles + 999}" in (
            _urls(db)
        ), f"night {night}"
    assert [site.hits[path] for path in walled] == [MAX_ATTEMPTS, MAX_ATTEMPTS]
    assert _crawl(run_cli, site, db, "--quiet").exit_code == 0  # left alone now


EXPLORED = """\
id = "fault"
name = "Fault test site"
origin = "https://fault.example"
"""
HOME = (
    "<!doctype html><html><head><meta charset=utf-8><title>Община Фолт</title></head><body>"
    '<nav><ul><li><a href="/sport">Съобщения</a></li><li><a href="/news">Новини</a></li>'
    "</ul></nav><p>Добре дошли на сайта на общината.</p></body></html>"
).encode()


def test_a_bot_check_on_one_section_met_exploring_is_forgiven_as_a_source_pages(
    run_cli: Cli, db: Path
) -> None:
    """A site nobody profiled, explored: a WAF rule walls one section alone. That
    section is not read (said, and explored again next run), and the news section and
    feed are found and their news archived, the run clean. The wall rested the whole
    site while exploring, nothing found, nothing archived, the run failed."""
    profile = db.parent / "fault.toml"
    profile.write_text(EXPLORED, encoding="utf-8")
    with FaultServer(articles=3, faults=False) as server:
        server.answers["/"] = (200, {}, HOME)
        server.answers["/sport"] = (403, {"cf-mitigated": "challenge"}, MOMENT)
        result = run_cli(
            "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--connections", "1", "--db", str(db), "--quiet",
        )  # fmt: skip
        assert server.hits["/sport"] == 1 and server.hits["/news"] >= 1
    assert result.exit_code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert "while exploring the site: a bot check answered this page alone (HTTP 403" in lines[0]
    assert f"https://fault.example/sport (fetched from {server.url}/sport)" in lines[0]
    assert "explored again next run" in lines[0]
    assert _urls(db) == [f"https://fault.example/news/{n}-story-{n}" for n in (1000, 1001, 1002)]
