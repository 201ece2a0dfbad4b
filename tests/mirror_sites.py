"""Crawling an offline mirror site from a bare profile, and checking what it archived.

Every round of mirrors (CMS shapes, old sites, ancient ones, today's) is judged the same
way: a profile of id, name and origin only, a first crawl and a no-op rerun through the
real CLI against a ``MirrorServer``, then every archived row against the mirror's
``expected.json`` and none holding a line of its ``boilerplate.json``. One copy of that
here, so a round's test module says only what is particular to its sites.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

from newsarchive.mirror import MirrorServer

from .support import SITES, Result

Rows = dict[str, tuple[str, str, str | None, str]]


def site_json(site: str, name: str) -> Any:
    """A mirror's ``expected.json`` or ``boilerplate.json``."""
    return json.loads((SITES / site / name).read_text(encoding="utf-8"))


def bare_profile(tmp_path: Path, site: str, name: str, origin: str) -> Path:
    """A profile file saying no more than a user adding a site would: id, name, origin."""
    profile = tmp_path / f"{site}.toml"
    profile.write_text(f'id = "{site}"\nname = "{name}"\norigin = "{origin}"\n', encoding="utf-8")
    return profile


def crawl_twice(
    run_cli: Callable[..., Result], db: Path, profile: Path, site: str, root: Path
) -> tuple[list[str], list[str]]:
    """The requests of a first crawl of the mirror at ``root`` and of the no-op rerun
    right after it; both must exit 0."""
    with MirrorServer(root) as server:
        args = ("crawl", site, "--profile", str(profile), "--base-url", server.url, "--delay", "0")
        first = run_cli(*args, "--db", str(db))
        assert first.exit_code == 0, first.stderr
        before = len(server.requests)
        nightly = run_cli(*args, "--db", str(db))
        assert nightly.exit_code == 0, nightly.stderr
        return server.requests[:before], server.requests[before:]


def article_rows(db: Path) -> Rows:
    """Every archived article: URL -> (title, published, author, text)."""
    with closing(sqlite3.connect(db)) as conn:
        return {
            url: (title, published, author, text)
            for url, title, published, author, text in conn.execute(
                "SELECT url, title, published, author, text FROM articles"
            )
        }


def assert_archived_whole_and_right(db: Path, site: str) -> None:
    """Every expected article once, under its URL (no listing, print view, static page,
    frame or copy besides), each with its title, date, author and text (its paragraphs,
    whatever markup split them), and none with a line of the site's furniture."""
    expected = {row["url"]: row for row in site_json(site, "expected.json")}
    boilerplate: list[str] = site_json(site, "boilerplate.json")
    rows = article_rows(db)
    assert sorted(rows) == sorted(expected)
    for url, row in expected.items():
        title, published, author, text = rows[url]
        assert title == row["title"], url
        assert published == row["published"], url
        assert author == row["author"], url
        assert text == row["text"], url
        for junk in boilerplate:
            assert junk not in text, (url, junk)


def check_bare_crawl(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str, name: str, origin: str
) -> tuple[list[str], list[str]]:
    """A mirror crawled from a bare profile is archived whole and right, and the no-op
    rerun costs at most three requests (robots.txt, the listing or feed, maybe a 304)."""
    profile = bare_profile(tmp_path, site, name, origin)
    first, nightly = crawl_twice(run_cli, db, profile, site, SITES / site)
    assert len(nightly) <= 3, nightly
    assert_archived_whole_and_right(db, site)
    return first, nightly
