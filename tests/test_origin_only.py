"""An origin is enough: each mirror crawled with a profile holding only id, name, origin
and hosts archives every article and nothing else, as the full profile does, and the next
(nightly) run spends at most three requests."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsarchive.mirror import MirrorServer
from newsarchive.profiles import get_profile

from .support import SITES, Result

BARE = {
    site: (get_profile(site).name, get_profile(site).origin, list(get_profile(site).hosts))
    for site in ("bta", "nsorb", "ruse-bg", "ruse24")
}
# built unlike the four: feed only in <link rel=alternate>, news only through a section
# page and its pagination, a sitemap index of pages in robots.txt, links on the bare host
BARE["primer"] = ("Община Примерна", "https://www.primer-obshtina.bg", ["www.primer-obshtina.bg"])


def bare_profile(folder: Path, site: str) -> Path:
    name, origin, hosts = BARE[site]
    path = folder / f"{site}.toml"
    path.write_text(
        f'id = "{site}"\nname = "{name}"\norigin = "{origin}"\nhosts = {json.dumps(hosts)}\n',
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize("site", sorted(BARE))
def test_a_profile_with_only_the_origin_archives_every_article_and_nothing_else(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    profile = bare_profile(tmp_path, site)
    expected = {row["url"]: row for row in json.loads((SITES / site / "expected.json").read_text())}
    with MirrorServer(SITES / site) as server:
        args = ("crawl", site, "--profile", str(profile), "--base-url", server.url, "--delay", "0")
        first = run_cli(*args, "--db", str(db))
        assert first.exit_code == 0, first.stderr
        assert "exploring the site" in first.stdout
        before = len(server.requests)
        # what exploring read, the crawl reads from it, not from the site again (robots.txt
        # is read once per host: primer's links name the bare host beside www)
        asked = [path for path in server.requests if path != "/robots.txt"]
        assert _asked_once(asked, expected), asked
        nightly = run_cli(*args, "--db", str(db))
        assert nightly.exit_code == 0, nightly.stderr
        assert len(server.requests) - before <= 3, server.requests[before:]
        with sqlite3.connect(db) as conn:  # 30 days on: explored again, sources validated
            conn.execute("UPDATE site_discovery SET found = json_set(found, '$.explored_at', ?)",
                         ("2000-01-01T00:00:00+00:00",))  # fmt: skip
        before = len(server.requests)
        again = run_cli(*args, "--db", str(db))
        assert again.exit_code == 0 and "exploring the site" in again.stdout, again.stderr
        asked = [path for path in server.requests[before:] if path != "/robots.txt"]
        assert _asked_once(asked, expected), asked
    with sqlite3.connect(db) as conn:
        rows = {r[0]: r for r in conn.execute("SELECT url, title, published, text FROM articles")}
    assert set(rows) == set(expected)  # every article, and no page that is not one
    for url, row in expected.items():
        assert rows[url][1] == row["title"], url
        assert rows[url][2] == row["published"], url
        if "text" in row:
            assert rows[url][3] == row["text"], url
        for snippet in row.get("must_contain", []):
            assert snippet in rows[url][3], url


def test_the_log_names_each_page_exploring_handed_to_the_crawl(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A page exploring read and the crawl then read again from memory (its section, its
    feed) left no line in ``--log-file``: the log showed the crawl using pages it never
    asked for. Each is logged as ``kept``, after the line of the request that fetched it,
    and is the only line of a page the server was asked for once."""
    log = tmp_path / "fetch.log"
    with MirrorServer(SITES / "primer") as server:
        args = ("crawl", "primer", "--profile", str(bare_profile(tmp_path, "primer")),
                "--base-url", server.url, "--delay", "0", "--db", str(db))  # fmt: skip
        assert run_cli(*args, "--log-file", str(log)).exit_code == 0
    lines = [line.split(" ", 4) for line in log.read_text("utf-8").splitlines()]
    fetched = [(n, url) for n, (_, outcome, *_, url) in enumerate(lines) if outcome == "200"]
    kept = [(n, url) for n, (_, outcome, *_, url) in enumerate(lines) if outcome == "kept"]
    assert kept, log.read_text("utf-8")
    for n, url in kept:
        assert any(m < n and earlier == url for m, earlier in fetched), url
        path = "/" + url.split("(fetched from http://", 1)[1].split("/", 1)[1].rstrip(")")
        assert server.requests.count(path) == 1, path  # served from memory, not fetched again


def _asked_once(asked: list[str], expected: dict[str, dict[str, str]]) -> bool:
    """Each page asked once, but a list's page 1 asked a second time at its walk's end,
    where a later page opened with the cards the page before it ended with (the list grew
    while it was read: bta's page 3 opens with page 2's last, ``ListingWalk.grown``): one
    such page at most, and no article among them."""
    articles = {urlsplit(url).path for url in expected}
    twice = {path for path in asked if asked.count(path) > 1}
    return len(twice) <= 1 and all(asked.count(p) == 2 and p not in articles for p in twice)
