"""One page linked as ``/x`` and ``/x/``: fetched once where the run can know they are one
page (a redirect from one to the other, a canonical naming the other), twice where
nothing says so (a site may serve two pages there).

One listing page's two spellings are one item already (``urls.slashless_key``); a feed
or sitemap may hold both, and a listing may link the spelling the feed did not."""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .faultserver import article_html
from .hostileserver import HostileServer, Reply, html, redirect, response
from .support import Result

SITE = "https://fault.example"
PROFILE = """\
id = "fault"
name = "Fault test site"
origin = "https://fault.example"

[discovery]
start_urls = ["/news"]
feeds = ["/rss"]
article_pattern = '^/news/\\d{3,}-[^/]*/?$'
max_pages = 0

[extract]
title = ["h1"]
"""


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """httpx honours *_PROXY variables; these tests must talk to 127.0.0.1 directly."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    yield


def _site(
    feed: list[str], pages: dict[str, Reply], listed: tuple[str, ...] = ()
) -> dict[str, Reply]:
    """The feed (read first, its articles fetched), then the listing."""
    items = "".join(f"<item><title>Статия</title><link>{SITE}{link}</link></item>" for link in feed)
    links = "".join(f'<li><a href="{link}">Статия</a></li>' for link in listed)
    rss = (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>{items}</channel></rss>'
    )
    routes = {
        "/robots.txt": response(body=b"User-agent: *\nAllow: /\n", content_type="text/plain"),
        "/rss": response(body=rss.encode(), content_type="application/rss+xml"),
        "/news": html(f"<!doctype html><meta charset=utf-8><ul>{links}</ul>"),
    }
    return routes | pages


def _crawl(
    run_cli: Callable[..., Result], site: HostileServer, db: Path, connections: int = 1
) -> Result:
    profile = db.parent / "fault.toml"
    profile.write_text(PROFILE, encoding="utf-8")
    return run_cli(
        "crawl", "fault", "--profile", str(profile), "--base-url", site.url,
        "--delay", "0", "--connections", str(connections), "--db", str(db),
    )  # fmt: skip


def _rows(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(r[0] for r in conn.execute("SELECT url FROM articles"))


def _frontier(db: Path) -> dict[str, str]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT url, state FROM frontier").fetchall())


def _shown(run_cli: Callable[..., Result], db: Path, url: str) -> str:
    shown = run_cli("show", url, "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    return str(json.loads(shown.stdout)["url"])


@pytest.mark.parametrize("connections", [1, 2])
def test_a_redirect_to_the_other_spelling_costs_no_second_fetch_of_the_page(
    run_cli: Callable[..., Result], db: Path, connections: int
) -> None:
    """``/a`` redirects to ``/a/`` and the site links both: the redirect was followed and
    ``/a/`` fetched on its own too, three requests for one article. The redirect's
    target is fetched in this run (or was already: ``/c/`` from the feed, ``/c`` from
    the listing), so it is not followed: in either order, with one connection or two,
    each page is asked for once."""
    pages = {
        "/news/101-a": redirect("/news/101-a/", 301),
        "/news/101-a/": html(article_html(101)),
        "/news/102-b": redirect("/news/102-b/", 301),
        "/news/102-b/": html(article_html(102)),
        "/news/103-c": redirect("/news/103-c/", 301),
        "/news/103-c/": html(article_html(103)),
    }
    feed = ["/news/101-a", "/news/101-a/", "/news/102-b/", "/news/102-b", "/news/103-c/"]
    routes = _site(feed, pages, listed=("/news/103-c",))
    with HostileServer(routes) as site:
        result = _crawl(run_cli, site, db, connections)
    assert result.exit_code == 0, result.stderr
    assert {path: site.hits.get(path) for path in pages} == dict.fromkeys(pages, 1), site.hits
    assert _rows(db) == [f"{SITE}/news/{n}/" for n in ("101-a", "102-b", "103-c")]
    assert set(_frontier(db).values()) == {"done"}
    assert "3 new" in result.stdout
    for n in ("101-a", "102-b", "103-c"):  # the redirecting spelling is the article's too
        assert _shown(run_cli, db, f"{SITE}/news/{n}") == f"{SITE}/news/{n}/"
    with HostileServer(routes) as again:
        second = _crawl(run_cli, again, db, connections)
    assert second.exit_code == 0, second.stderr
    assert not [path for path in again.hits if path.startswith("/news/")], again.hits


def test_a_page_naming_its_other_spelling_as_canonical_is_not_fetched_there(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """``/d`` and ``/d/`` both answer the page, whose canonical is ``/d/``: archived from
    ``/d`` under ``/d/``, the queued ``/d/`` was fetched all the same, a request that
    archived nothing new."""
    canonical = f"{SITE}/news/104-d/"
    pages = {
        "/news/104-d": html(article_html(104, canonical=canonical)),
        "/news/104-d/": html(article_html(104, canonical=canonical)),
    }
    with HostileServer(_site(["/news/104-d", "/news/104-d/"], pages)) as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    assert site.hits["/news/104-d"] == 1 and "/news/104-d/" not in site.hits, site.hits
    assert _rows(db) == [canonical]
    assert set(_frontier(db).values()) == {"done"}
    assert _shown(run_cli, db, f"{SITE}/news/104-d") == canonical


def test_two_spellings_nothing_says_are_one_page_are_both_fetched(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """No redirect, no canonical: ``/e`` and ``/e/`` may be two pages (here they are), so
    both are fetched and archived; so is a page another one names as its canonical, when
    that is not its own other spelling (a CMS may name one article on every page)."""
    pages = {
        "/news/105-e": html(article_html(105)),
        "/news/105-e/": html(article_html(106)),
        "/news/107-f": html(article_html(107, canonical=f"{SITE}/news/108-g")),
        "/news/108-g": html(article_html(108)),
    }
    with HostileServer(_site(list(pages), pages)) as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 0, result.stderr
    assert {path: site.hits.get(path) for path in pages} == dict.fromkeys(pages, 1), site.hits
    assert {f"{SITE}/news/105-e", f"{SITE}/news/105-e/"} <= set(_rows(db))


def test_a_redirect_loop_between_two_listed_urls_still_fails(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """Each redirects to the other, queued beside it: neither may wait for the other's
    fate for ever (both would stay queued, unreported, every night)."""
    pages = {"/news/109-h": redirect("/news/109-h/"), "/news/109-h/": redirect("/news/109-h")}
    with HostileServer(_site(list(pages), pages)) as site:
        result = _crawl(run_cli, site, db)
    assert result.exit_code == 1, result.stdout
    assert set(_frontier(db).values()) == {"failed"}
    assert _rows(db) == []


def test_a_redirect_to_a_page_that_redirects_on_waits_for_the_last_page(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """``/k`` redirects to ``/j``, which redirects to ``/j/``, all three queued and two
    in flight at once: ``/k``'s answer came while ``/j`` was not yet known to redirect,
    and once it was, ``/k`` was failed as a loop ("redirects again"): a failure of the
    run (exit 1) for an article archived in it. It waits for ``/j/`` as ``/j`` does."""
    answered = threading.Event()
    onward = redirect("/news/110-j/", 301)

    def later(send: Callable[[bytes], bool]) -> None:  # /j answers after /k's answer is in
        answered.wait(5)
        time.sleep(0.3)
        onward.run(send)

    def first(send: Callable[[bytes], bool]) -> None:
        redirect("/news/110-j", 301).run(send)
        answered.set()

    pages = {
        "/news/110-j": Reply(later),
        "/news/111-k": Reply(first),
        "/news/110-j/": html(article_html(110)),
    }
    with HostileServer(_site(list(pages), pages)) as site:
        result = _crawl(run_cli, site, db, connections=2)
    assert result.exit_code == 0, result.stdout + result.stderr
    assert _rows(db) == [f"{SITE}/news/110-j/"]
    assert set(_frontier(db).values()) == {"done"}
    assert _shown(run_cli, db, f"{SITE}/news/111-k") == f"{SITE}/news/110-j/"
