"""A bare site (a profile of id, name and origin only, as a user's first one is) crawled
while one of its pages, or its robots.txt or sitemaps, is hostile: a real server on
127.0.0.1 (``hostileserver``) answering what no proper server would. Each crawl must end
by the crawl's own caps (its deadline, its size cap, its redirect limit, its page cap),
say each failure in one line, exit as README says, and archive every other article.

The site: a home page, an RSS feed of five articles, the articles. The hostile answer
replaces one article (``FIRST``) or one of the site's other files.
"""

from __future__ import annotations

import codecs
import gzip
import random
import sqlite3
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .faultserver import article_html
from .hostileserver import HostileServer, Reply, drip, html, raw, redirect, response, trickle
from .support import Result

Cli = Callable[..., Result]
SLUGS = [f"/novini/{n}-obshtinskiyat-savet-obsadi-byudzheta" for n in range(101, 106)]
FIRST = SLUGS[0]
ROBOTS = response(body=b"User-agent: *\nAllow: /\n", content_type="text/plain")
XML = "application/xml"


def _article(number: int) -> bytes:
    """``article_html`` dated this week's kind of day: a feed's news, not an old page."""
    return article_html(number).replace(b"2026-06-", b"2025-06-")


class Site(dict[str, Reply]):
    """The routes, the feed's links written against the server's own address."""

    def __init__(self, extra: dict[str, Reply] | None = None) -> None:
        links = "".join(f'<li><a href="{s}">Новина {i}</a></li>' for i, s in enumerate(SLUGS))
        super().__init__(
            {
                "/robots.txt": ROBOTS,
                "/": html(f"<!doctype html><meta charset=utf-8><title>Община</title>{links}"),
                "/rss": Reply(self._feed),
            }
        )
        self.update({slug: html(_article(101 + i)) for i, slug in enumerate(SLUGS)})
        self.update(extra or {})
        self.origin = ""
        self.requests: list[str] = []  # what the server was asked, once the crawls end
        self.turns: dict[int, dict[str, Reply]] = {}  # answers changed before a run
        self.archived: list[list[str]] = []  # the archive's paths after each run

    def _feed(self, send: Callable[[bytes], bool]) -> None:
        items = "".join(
            f"<item><title>Новина {i}</title><link>{self.origin}{slug}</link>"
            f"<pubDate>0{i + 1} Jun 2025 10:00:00 +0300</pubDate></item>"
            for i, slug in enumerate(SLUGS)
        )
        rss = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
        response(body=rss.encode(), content_type="application/rss+xml").run(send)


@pytest.fixture(autouse=True)
def _caps(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The crawl's own bounds made small (its deadline most of all), no proxy."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")
    monkeypatch.setenv("NEWSARCHIVE_TIMEOUT", "2")
    monkeypatch.setenv("NEWSARCHIVE_DEADLINE", "3")
    monkeypatch.setenv("NEWSARCHIVE_MAX_RETRY_AFTER", "0.05")
    yield


def crawl(run_cli: Cli, site: Site, db: Path, *, runs: int = 1) -> list[Result]:
    """``runs`` quiet crawls of ``site`` under a bare profile, its answers turned between
    them by ``site.turns`` (``hostileserver`` cuts any reply still streaming after 30 s:
    a sanity bound, never what ends a test)."""
    results = []
    with HostileServer(site, stream_limit=30.0) as server:
        site.origin = server.url
        profile = db.parent / "bare.toml"
        profile.write_text(f'id = "bare"\nname = "Община"\norigin = "{server.url}"\n')
        for run in range(runs):
            site.update(site.turns.get(run, {}))
            results.append(
                run_cli(
                    "crawl",
                    "bare",
                    "--profile",
                    str(profile),
                    "--delay",
                    "0",
                    "--quiet",
                    "--db",
                    str(db),
                )  # fmt: skip
            )
            site.archived.append(archived(db))
        site.requests = list(server.requests)
    return results


def archived(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT url FROM articles")
        return sorted("/" + url.split("/", 3)[3] for (url,) in rows)


def _bomb(inflated: int) -> bytes:
    """A gzip body of ``inflated`` zero bytes (some 1/1000 of it on the wire)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b"\0" * (1 << 20)
    return b"".join(packer.compress(block) for _ in range(inflated >> 20)) + packer.flush()


def _zeros_on_one_side(pairs: int) -> bytes:
    """Random bytes, a zero byte after each: UTF-16's zeros without its letters."""
    rng = random.Random(9)
    return b"".join(bytes((rng.randrange(256), 0)) for _ in range(pairs))


GZIP = {"Content-Encoding": "gzip"}
HEAD = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n"
CHAIN = {f"/hop{n}": redirect(f"/hop{n + 1}") for n in range(50)}
# one article answered by each: what its one failure line says
FAILING: dict[str, tuple[dict[str, Reply], str]] = {
    "drips-a-byte-a-second-forever": (
        {FIRST: drip(HEAD, b"<p>" * 100_000, 1.0)},
        "not complete within the deadline",
    ),
    "declares-2-gb-and-never-ends": (
        {FIRST: trickle(b"<p>" * 50_000, 0.0001, declare=2 * 10**9)},
        "response larger than",
    ),
    "gzip-bomb": (
        {FIRST: response(body=_bomb(64 << 20), headers=GZIP)},
        "(after gunzip)",
    ),
    "gzip-bomb-of-10000-members": (  # 10 MB on the wire, 10 GB inflated
        {FIRST: response(body=gzip.compress(bytes(1 << 20)) * 10_000, headers=GZIP)},
        "response larger than",
    ),
    "50-redirects": ({FIRST: redirect("/hop0"), **CHAIN}, "more than 5 redirects"),
    "redirect-to-file": ({FIRST: redirect("file:///etc/passwd")}, "no http(s) URL"),
    # (httpx built a next request from it, unasked: "not a valid URL (For absolute URLs,
    # path must be empty or begin with '/')", said of the article's own address)
    "redirect-to-javascript": (
        {FIRST: redirect("javascript:alert(1)")},
        "redirect to javascript:alert(1), which is no http(s) URL",
    ),
    "redirect-to-mailto": (
        {FIRST: redirect("mailto:kmet@obshtina.bg")},
        "redirect to mailto:kmet@obshtina.bg, which is no http(s) URL",
    ),
    "closes-mid-headers": (
        {FIRST: raw(b"HTTP/1.1 200 OK\r\nContent-Ty")},
        "Server disconnected without sending a response after 4 attempts",  # (no ". after")
    ),
    "429-retry-after-in-the-past": (
        {FIRST: response(429, b"x", headers={"Retry-After": "Wed, 21 Oct 2015 07:28:00 GMT"})},
        "HTTP 429",
    ),
    "304-unasked": ({FIRST: response(304)}, "sent no validators"),
    # (random bytes under text/html were a 157,000-character article of noise, exit 0)
    "binary-bytes-as-text-html": (
        {FIRST: response(body=random.Random(7).randbytes(200_000))},
        "binary data, not text (HTTP 200)",
    ),
    # (no charset to believe: the bytes are sniffed for UTF-16 without a byte order mark)
    "binary-bytes-with-no-charset": (
        {FIRST: response(body=random.Random(8).randbytes(200_000), content_type="text/html")},
        "binary data, not text (HTTP 200)",
    ),
    "zeros-on-one-side-with-no-charset": (  # (16-bit numbers, say)
        {FIRST: response(body=_zeros_on_one_side(100_000), content_type="text/html")},
        "binary data, not text (HTTP 200)",
    ),
}


@pytest.mark.parametrize("case", list(FAILING))
def test_one_hostile_article_fails_in_one_line_and_the_rest_are_archived(
    run_cli: Cli, db: Path, case: str
) -> None:
    routes, said = FAILING[case]
    [result] = crawl(run_cli, Site(routes), db)
    assert result.exit_code == 1, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("newsarchive: bare: ") and said in line and FIRST in line, line
    assert "Traceback" not in result.stderr + result.stdout
    assert archived(db) == SLUGS[1:]


NONASCII = "/новина/101".encode()
# answers the crawl takes in its stride: every article archived, nothing said
HARMLESS: dict[str, dict[str, Reply]] = {
    "location-with-a-space": {
        FIRST: redirect(FIRST.replace("101", "10 1")),
        FIRST.replace("101", "10%201"): html(_article(101)),
    },
    "location-not-ascii": {
        FIRST: raw(
            b"HTTP/1.1 301 Moved\r\nLocation: " + NONASCII + b"\r\nContent-Length: 0\r\n"
            b"Connection: close\r\n\r\n"
        ),
        "/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B0/101": html(_article(101)),
    },
    "robots-txt-of-50-mb": {
        "/robots.txt": response(
            body=b"# a comment\n" * ((50 << 20) // 12), content_type="text/plain"
        )
    },
    "sitemap-index-naming-itself": {
        "/robots.txt": response(body=b"Sitemap: /sm.xml\n", content_type="text/plain"),
        "/sm.xml": response(
            body=b"<sitemapindex><sitemap><loc>/sm.xml</loc></sitemap></sitemapindex>",
            content_type=XML,
        ),
    },
    "sitemap-indexes-a-b-a": {
        "/robots.txt": response(body=b"Sitemap: /a.xml\n", content_type="text/plain"),
        "/a.xml": response(
            body=b"<sitemapindex><sitemap><loc>/b.xml</loc></sitemap></sitemapindex>",
            content_type=XML,
        ),
        "/b.xml": response(
            body=b"<sitemapindex><sitemap><loc>/a.xml</loc></sitemap></sitemapindex>",
            content_type=XML,
        ),
    },
    "charset-unknown-xyz": {
        FIRST: response(body=_article(101), content_type="text/html; charset=unknown-xyz")
    },
    "100000-nested-divs": {
        FIRST: html(_article(101).replace(b'<div class="body">', b"<div>" * 100_000 + b"<div>"))
    },
}


MOVED = {
    "location-with-a-space": FIRST.replace("101", "10%201"),
    "location-not-ascii": "/%D0%BD%D0%BE%D0%B2%D0%B8%D0%BD%D0%B0/101",
}


@pytest.mark.parametrize("case", list(HARMLESS))
def test_an_odd_but_readable_answer_loses_nothing_and_says_nothing(
    run_cli: Cli, db: Path, case: str
) -> None:
    site = Site(HARMLESS[case])
    [result] = crawl(run_cli, site, db)
    assert (result.exit_code, result.stderr) == (0, "")
    moved = MOVED.get(case)  # (archived where the redirect led, as any moved article)
    assert archived(db) == sorted([*SLUGS[1:], moved] if moved else SLUGS)
    requests = site.requests
    assert len(requests) < 20, requests  # (each sitemap read once, however they loop)


def _shaped(old: bytes, new: bytes) -> Reply:
    page = _article(101)
    assert old in page
    return html(page.replace(old, new, 1))


_TITLE = "Новина номер 101 от общината".encode()
_BODY = b'<div class="body">'
# Shapes a page may take that cost their size many times over (``bench/hostile_bench.py``
# times each): the article is archived under its own title, the run says nothing.
SLOW_SHAPES: dict[str, Reply] = {
    # (no h1: the 1 MB og:title was the article's title, and took seconds to judge)
    "og-title-of-1-mb": _shaped(
        b"<h1>" + _TITLE + b"</h1>",
        b'<meta property="og:title" content="' + "Новина ".encode() * 75_000 + b'">',
    ),
    "h1-of-1-mb": _shaped(
        b"<h1>" + _TITLE + b"</h1>", b"<h1>" + "Новина ".encode() * 75_000 + b"</h1>"
    ),
    "2-mb-of-nested-b": _shaped(_BODY, b"<b>" * 600_000 + b"</b>" * 600_000 + _BODY),
    "word-island-nested-50000-deep": _shaped(_BODY, b"<xml>" + b"<w:a><span>" * 50_000 + _BODY),
    "100000-links": _shaped(
        b"</footer>", b"".join(b'<a href="/t/%d">t%d</a>' % (i, i) for i in range(100_000))
    ),
}


@pytest.mark.parametrize("case", list(SLOW_SHAPES))
def test_an_article_of_a_costly_shape_is_archived_under_its_title(
    run_cli: Cli, db: Path, case: str
) -> None:
    [result] = crawl(run_cli, Site({FIRST: SLOW_SHAPES[case]}), db)
    assert (result.exit_code, result.stderr) == (0, "")
    assert archived(db) == SLUGS
    with sqlite3.connect(db) as conn:
        [(title, text)] = conn.execute(
            "SELECT title, text FROM articles WHERE url LIKE ?", (f"%{FIRST}",)
        )
    assert title == _TITLE.decode()
    assert "Абзац 1 на статия 101" in text


def test_robots_rules_served_as_html_are_still_obeyed(run_cli: Cli, db: Path) -> None:
    rules = b"User-agent: *\nDisallow: " + FIRST.encode() + b"\n"
    site = Site({"/robots.txt": response(body=rules, content_type="text/html")})
    [result] = crawl(run_cli, site, db)
    assert (result.exit_code, result.stderr) == (0, "")
    assert archived(db) == SLUGS[1:]
    assert FIRST not in site.requests


def test_a_host_asking_for_a_retry_in_12_days_rests_and_keeps_its_queue(
    run_cli: Cli, db: Path
) -> None:
    site = Site({s: response(429, b"x", headers={"Retry-After": "999999"}) for s in SLUGS})
    [result] = crawl(run_cli, site, db)
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert "come back in 12 days" in line and "the next run resumes" in line, line
    with sqlite3.connect(db) as conn:
        states = dict(conn.execute("SELECT state, count(*) FROM frontier GROUP BY state"))
    assert sum(states.values()) == len(SLUGS) and "done" not in states, states


WALL = html(
    "<!doctype html><meta charset=utf-8><title>Бисквитки</title><body><div class=consent>"
    "<h1>Този сайт използва бисквитки</h1><p>Натиснете „Приемам“, за да продължите към"
    " сайта. Използваме бисквитки за анализ на посещенията.</p><form method=post"
    " action=/accept><button>Приемам</button></form></div></body>"
)


def test_a_consent_wall_answering_every_article_archives_none_and_says_so(
    run_cli: Cli, db: Path
) -> None:
    """A consent plugin answering every article with the same 200 "accept cookies" page:
    archived, it was five rows of that notice, each article done for good, and the run
    quiet (exit 0). Each is a failure, read again on the next run, and all are said in
    one line (a line each was as many as the site's news, where a bot wall's is one)."""
    site = Site({slug: WALL for slug in SLUGS})
    site.turns[1] = {slug: html(_article(101 + i)) for i, slug in enumerate(SLUGS)}  # lifted
    walled, lifted = crawl(run_cli, site, db, runs=2)
    assert walled.exit_code == 1
    _said_once(walled, site)
    assert (lifted.exit_code, lifted.stderr) == (0, ""), lifted.stderr
    assert site.archived == [[], SLUGS]


def _said_once(walled: Result, site: Site) -> None:
    """The wall said in one line: how many articles it answered, and one of them."""
    [line] = walled.stderr.splitlines()
    said = "newsarchive: bare: a cookie consent wall instead of 5 pages, such as "
    assert line.startswith(said) and line[len(said) :] in [site.origin + s for s in SLUGS], line


class Endless(dict[str, Reply]):
    """A news listing whose every page links ten new articles and a "next" page, forever
    (``?p=1, 2, 3, …``, each different): only the crawl's page cap ends its walk."""

    def __init__(self) -> None:
        super().__init__({"/robots.txt": ROBOTS})

    def get(self, path: str, default: Reply | None = None) -> Reply | None:  # type: ignore[override]
        if path in self:
            return self[path]
        if path == "/novini" or path.startswith("/novini?p="):
            number = int(path.partition("=")[2] or 1)
            links = "".join(
                f'<li><a href="/novini/{number * 10 + k}-obshtinskiyat-savet">Новина</a></li>'
                for k in range(10)
            )
            return html(
                f"<!doctype html><meta charset=utf-8><title>Новини</title><ul>{links}</ul>"
                f'<a href="/novini?p={number + 1}" rel="next">Следваща</a>'
            )
        if path.startswith("/novini/"):
            return html(_article(int(path.split("/")[2].partition("-")[0])))
        return default


def test_a_listing_with_a_fresh_next_page_forever_is_walked_to_the_page_cap(
    run_cli: Cli, db: Path
) -> None:
    site = Endless()
    with HostileServer(site) as server:
        profile = db.parent / "endless.toml"
        profile.write_text(
            f'id = "endless"\norigin = "{server.url}"\n[discovery]\nstart_urls = ["/novini"]\n'
            "article_pattern = '^/novini/\\d+-'\nmax_pages = 4\n"
        )
        args = ("crawl", "endless", "--profile", str(profile), "--delay", "0", "--quiet")
        first = run_cli(*args, "--db", str(db))
        asked = list(server.requests)
        second = run_cli(*args, "--db", str(db))
        again = server.requests[len(asked) :]
    assert (first.exit_code, first.stderr) == (0, ""), first.stderr
    listing = [p for p in asked if p.startswith("/novini") and "/novini/" not in p]
    assert listing == ["/novini", "/novini?p=2", "/novini?p=3", "/novini?p=4"]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone() == (40,)
    assert second.exit_code == 0, second.stderr
    assert len([p for p in again if "?p=" in p]) <= 4, again  # (the cap holds every run)


def test_articles_redirected_to_a_consent_page_are_failures_kept_for_the_next_run(
    run_cli: Cli, db: Path
) -> None:
    """The other way consent walls are built: every article answers 302 to one consent
    page (``/consent?back=<the article>``). No article is archived as that page, none is
    taken for gone (a redirect to one page for all could read as a removal): each fails,
    and the next run, the wall lifted, archives them all. Said in one line, those whose
    redirect shared another's fate ("redirected to …, failed in this run") too."""
    site = Site({slug: redirect(f"/consent?back={slug}") for slug in SLUGS})
    site.update({f"/consent?back={slug}": WALL for slug in SLUGS})
    site.turns[1] = {slug: html(_article(101 + i)) for i, slug in enumerate(SLUGS)}  # lifted
    walled, lifted = crawl(run_cli, site, db, runs=2)
    assert walled.exit_code == 1
    _said_once(walled, site)
    assert (lifted.exit_code, lifted.stderr) == (0, ""), lifted.stderr
    assert site.archived == [[], SLUGS]


# a page's bytes in one encoding, its headers (and meta) naming the other
MISLABELLED = {
    "windows-1251-said-utf-8": response(
        body=_article(101).decode().encode("cp1251"), content_type="text/html; charset=utf-8"
    ),
    "utf-8-said-windows-1251": response(
        body=_article(101).replace(b'charset="utf-8"', b'charset="windows-1251"'),
        content_type="text/html; charset=windows-1251",
    ),
}


@pytest.mark.parametrize("case", list(MISLABELLED))
def test_a_page_in_another_encoding_than_it_says_is_archived_readable(
    run_cli: Cli, db: Path, case: str
) -> None:
    [result] = crawl(run_cli, Site({FIRST: MISLABELLED[case]}), db)
    assert (result.exit_code, result.stderr) == (0, "")
    with sqlite3.connect(db) as conn:
        [(title, text)] = conn.execute(
            "SELECT title, text FROM articles WHERE url LIKE ?", (f"%{FIRST}",)
        )
    assert title == "Новина номер 101 от общината"
    assert text.startswith("Абзац 1 на статия 101: общинският съвет обсъди бюджета")


def _wide(codec: str, bom: bytes = b"") -> Reply:
    """Article 101 in UTF-16, no charset in its header nor in its markup."""
    page = _article(101).decode().replace('<meta charset="utf-8">', "")
    assert "charset" not in page
    return response(body=bom + page.encode(codec), content_type="text/html")


UTF16 = {
    "utf-16le-no-bom": _wide("utf-16-le"),
    "utf-16be-no-bom": _wide("utf-16-be"),
    "utf-16le-bom": _wide("utf-16-le", codecs.BOM_UTF16_LE),
    "utf-16be-bom": _wide("utf-16-be", codecs.BOM_UTF16_BE),
}


@pytest.mark.parametrize("case", list(UTF16))
def test_a_utf16_page_no_label_names_is_archived_readable(
    run_cli: Cli, db: Path, case: str
) -> None:
    """Without a byte order mark it read as UTF-8 without a fault, a NUL beside every
    character, and failed as "binary data, not text": its zero bytes tell it."""
    [result] = crawl(run_cli, Site({FIRST: UTF16[case]}), db)
    assert (result.exit_code, result.stderr) == (0, "")
    with sqlite3.connect(db) as conn:
        [(title, text)] = conn.execute(
            "SELECT title, text FROM articles WHERE url LIKE ?", (f"%{FIRST}",)
        )
    assert title == "Новина номер 101 от общината"
    assert text.startswith("Абзац 1 на статия 101: общинският съвет обсъди бюджета")


def _said(codec: str, charset: str) -> Reply:
    """Article 101 in UTF-16 with no byte order mark, its header naming a one-byte
    ``charset``. No "©" in it: its A9 00 is no UTF-8, and a page labelled UTF-8 that holds
    one failed that reading and was sniffed already. (A ``<meta>`` is no label here: a
    UTF-16 page's is no ASCII to find.)"""
    page = _article(101).decode().replace('<meta charset="utf-8">', "").replace("©", "(c)")
    return response(body=page.encode(codec), content_type=f"text/html; charset={charset}")


# UTF-16 with no byte order mark under a one-byte label: a server's default charset=utf-8,
# a windows-1251 or iso-8859-1 left in the header
WRONG_LABEL = {
    "utf-16le-said-utf-8": _said("utf-16-le", "utf-8"),
    "utf-16be-said-utf-8": _said("utf-16-be", "utf-8"),
    "utf-16le-said-windows-1251": _said("utf-16-le", "windows-1251"),
    "utf-16be-said-iso-8859-1": _said("utf-16-be", "iso-8859-1"),
}


@pytest.mark.parametrize("case", list(WRONG_LABEL))
def test_a_utf16_page_under_a_one_byte_label_is_archived_readable(
    run_cli: Cli, db: Path, case: str
) -> None:
    """Read by the label, every character decoded with a NUL beside it, without a fault,
    and the page failed as "binary data, not text": its zero bytes tell it before any
    label that reads ASCII as ASCII (``charset.undeclared_utf16``)."""
    [result] = crawl(run_cli, Site({FIRST: WRONG_LABEL[case]}), db)
    assert (result.exit_code, result.stderr) == (0, "")
    with sqlite3.connect(db) as conn:
        [(title, text, encoding)] = conn.execute(
            "SELECT title, text, encoding FROM articles JOIN captures"
            " ON captures.id = articles.capture_id WHERE articles.url LIKE ?",
            (f"%{FIRST}",),
        )
    assert title == "Новина номер 101 от общината"
    assert text.startswith("Абзац 1 на статия 101: общинският съвет обсъди бюджета")
    assert encoding == case[:6] + "-" + case[6:8]
