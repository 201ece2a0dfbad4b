"""Crawling an offline mirror site from a bare profile, and checking what it archived.

Every round of mirrors (CMS shapes, old sites, ancient ones, today's) is judged the same
way: a profile of id, name and origin only, a first crawl and a no-op rerun through the
real CLI against a ``MirrorServer``, then every archived row against the mirror's
``expected.json`` and none holding a line of its ``boilerplate.json``. One copy of that
here, so a round's test module says only what is particular to its sites: what a first
crawl must ask for (``FirstCrawl``) and add-site propose (``Proposes``), as tables; and
for the few tests of their own, the crawls of one served mirror (``mirror_crawls``:
bare or add-site's profile, a copy to edit between runs, each run's requests) and a
month passing (``explored_again``).
"""

from __future__ import annotations

import atexit
import datetime as dt
import json
import shutil
import sqlite3
import tempfile
import tomllib
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
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


@dataclass
class MirrorCrawls:
    """One site's mirror, served for a test's crawls of it, one after another."""

    run_cli: Callable[..., Result]
    server: MirrorServer
    root: Path  # the mirror's files (a copy of its own the test may edit, when asked)
    args: tuple[str, ...]  # crawl SITE --profile … --base-url … --delay 0 --db …
    result: Result | None = field(default=None, init=False)  # the last crawl's

    def crawl(self, *extra: str) -> list[str]:
        """One crawl, which must exit 0; the requests it made (paths)."""
        before = len(self.server.requests)
        self.result = self.run_cli(*self.args, *extra)
        assert self.result.exit_code == 0, self.result.stderr
        return self.server.requests[before:]

    @property
    def stdout(self) -> str:
        assert self.result is not None
        return self.result.stdout


@contextmanager
def mirror_crawls(
    run_cli: Callable[..., Result],
    db: Path,
    tmp_path: Path,
    site: str,
    name: str,
    origin: str,
    *,
    root: Path | None = None,
    editable: bool = False,
    proposed: bool = False,
) -> Iterator[MirrorCrawls]:
    """The mirror of ``site`` (or the one at ``root``) served; crawled by a bare profile
    or, with ``proposed``, by the profile add-site proposes for it there. ``editable``:
    served from a copy in ``tmp_path`` (``MirrorCrawls.root``) a test may change."""
    root = root or SITES / site
    if editable:
        shutil.copytree(root, tmp_path / site)
        root = tmp_path / site
    with MirrorServer(root) as server:
        if proposed:
            profile = tmp_path / f"{site}.toml"
            profile.write_text(propose(run_cli, origin, server).text, encoding="utf-8")
        else:
            profile = bare_profile(tmp_path, site, name, origin)
        args = ("crawl", site, "--profile", str(profile), "--base-url", server.url)
        yield MirrorCrawls(run_cli, server, root, (*args, "--delay", "0", "--db", str(db)))


def crawl_twice(
    run_cli: Callable[..., Result], db: Path, profile: Path, site: str, root: Path
) -> tuple[list[str], list[str]]:
    """The requests of a first crawl of the mirror at ``root`` and of the no-op rerun
    right after it; both must exit 0."""
    with MirrorServer(root) as server:
        args = ("crawl", site, "--profile", str(profile), "--base-url", server.url, "--delay", "0")
        crawls = MirrorCrawls(run_cli, server, root, (*args, "--db", str(db)))
        return crawls.crawl(), crawls.crawl()


# Each test process's bare crawls so far: (site, name, origin) -> the requests of both
# runs and a copy of the archive they left, in a folder removed when the process ends.
_BARE_CRAWLS: dict[tuple[str, str, str], tuple[list[str], list[str], Path]] = {}
_BARE_CRAWLS_DIR = Path(tempfile.mkdtemp(prefix="bare-crawls-"))
atexit.register(shutil.rmtree, _BARE_CRAWLS_DIR, ignore_errors=True)


def bare_crawl_twice(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str, name: str, origin: str
) -> tuple[list[str], list[str]]:
    """``crawl_twice`` of the site's own mirror by a bare profile, into the fresh
    archive ``db``. A site's two crawls are the same whichever test asks (its own
    mirror, unchanged; a bare profile; an empty archive), and a round's tests check
    several things of one site's (its rows, its first crawl's requests): they run once
    per test process, and a later test gets the requests and a copy of the archive."""
    profile = bare_profile(tmp_path, site, name, origin)
    key = (site, name, origin)
    if key not in _BARE_CRAWLS:
        first, nightly = crawl_twice(run_cli, db, profile, site, SITES / site)
        kept = _BARE_CRAWLS_DIR / f"{len(_BARE_CRAWLS)}.db"
        _copy_archive(db, kept)
        _BARE_CRAWLS[key] = (first, nightly, kept)
    else:
        first, nightly, kept = _BARE_CRAWLS[key]
        _copy_archive(kept, db)
    return list(first), list(nightly)


def _copy_archive(source: Path, target: Path) -> None:
    """A consistent copy, whatever is still in the source's write-ahead log."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


@dataclass(frozen=True)
class Proposal:
    """What add-site printed for a mirror: the profile as TOML text and as data, and
    the requests exploring made."""

    text: str
    profile: dict[str, Any]
    requests: list[str]

    @property
    def discovery(self) -> dict[str, Any]:
        found: dict[str, Any] = self.profile["discovery"]
        return found


def propose(run_cli: Callable[..., Result], origin: str, server: MirrorServer) -> Proposal:
    """``add-site ORIGIN`` against the mirror ``server`` serves; it must exit 0."""
    before = len(server.requests)
    done = run_cli("add-site", origin, "--base-url", server.url, "--delay", "0")
    assert done.exit_code == 0, done.stderr
    return Proposal(done.stdout, tomllib.loads(done.stdout), server.requests[before:])


def proposed(run_cli: Callable[..., Result], site: str, origin: str) -> Proposal:
    """add-site's proposal for the mirror of ``site``."""
    with MirrorServer(SITES / site) as server:
        return propose(run_cli, origin, server)


@dataclass(frozen=True)
class Proposes:
    """What add-site must propose for a site: ``discovery``'s ``key`` is ``equals`` (when
    given) and holds each of ``includes``."""

    site: str
    key: str
    equals: list[str] | None = None
    includes: tuple[str, ...] = ()

    def check(self, proposal: Proposal) -> None:
        found = proposal.discovery[self.key]
        if self.equals is not None:
            assert found == self.equals, (self.site, found)
        for value in self.includes:
            assert value in found, (self.site, value, found)


def explored_again(db: Path) -> None:
    """The archive as a month on: the next crawl explores each site again."""
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "UPDATE site_discovery SET found = json_set(found, '$.explored_at', ?)",
            ("2000-01-01T00:00:00+00:00",),
        )


@dataclass(frozen=True)
class FirstCrawl:
    """What a site's first crawl from a bare profile must ask for and archive: paths
    ``asked`` and ``unasked``; ``once``, asked exactly once; ``distinct_under``, the
    paths under each prefix, none asked twice, and how many; ``rows``, articles."""

    site: str
    asked: tuple[str, ...] = ()
    unasked: tuple[str, ...] = ()
    once: tuple[str, ...] = ()
    distinct_under: dict[str, int] = field(default_factory=dict)
    rows: int | None = None

    def check(self, first: list[str], db: Path) -> None:
        for path in self.asked:
            assert path in first, (self.site, path, first)
        for path in self.unasked:
            assert path not in first, (self.site, path, first)
        for path in self.once:
            assert first.count(path) == 1, (self.site, path, first)
        for prefix, count in self.distinct_under.items():
            under = [path for path in first if path.startswith(prefix)]
            assert len(under) == len(set(under)) == count, (self.site, prefix, first)
        if self.rows is not None:
            assert len(article_rows(db)) == self.rows, self.site


def post_article(root: Path, folder: str, newest: str, slug: str, day: str, new_day: str) -> None:
    """A site posting a new article: a copy of the page ``newest`` globs in ``folder``,
    its ``day`` moved to ``new_day``, served as ``folder/slug``."""
    old = next((root / folder).glob(newest))
    text = old.read_text(encoding="utf-8").replace(day, new_day)
    (root / folder / f"{slug}.html").write_text(text, encoding="utf-8")


def a_night_later(db: Path) -> None:
    """The next night: what the runs so far read or confirmed unchanged was read a day
    before (``fetch_state.checked_at``, by which a source's rest is counted)."""
    with closing(sqlite3.connect(db)) as conn, conn:
        rows = conn.execute("SELECT url, checked_at FROM fetch_state WHERE checked_at IS NOT NULL")
        for url, checked in rows.fetchall():
            earlier = dt.datetime.fromisoformat(checked) - dt.timedelta(days=1)
            conn.execute(
                "UPDATE fetch_state SET checked_at = ? WHERE url = ?", (earlier.isoformat(), url)
            )


def card_first(page: Path, card: str, first: str) -> None:
    """A list page showing ``card`` atop its cards (``first``: how each card opens)."""
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(first, card + first, 1), encoding="utf-8")


def article_rows(db: Path) -> Rows:
    """Every archived article: URL -> (title, published, author, text)."""
    with closing(sqlite3.connect(db)) as conn:
        return {
            url: (title, published, author, text)
            for url, title, published, author, text in conn.execute(
                "SELECT url, title, published, author, text FROM articles"
            )
        }


def assert_archived_whole_and_right(db: Path, site: str, night: int = 1) -> None:
    """Every expected article once, under its URL (no listing, print view, static page,
    frame or copy besides), each with its title, date, author and text (its paragraphs,
    whatever markup split them), and none with a line of the site's furniture. ``night``:
    as a mirror of several nights expects them after that night's crawl (its
    ``_night<N>/expected.json``)."""
    folder = "" if night == 1 else f"_night{night}/"
    expected = {row["url"]: row for row in site_json(site, f"{folder}expected.json")}
    boilerplate: list[str] = site_json(site, "boilerplate.json")
    rows = article_rows(db)
    assert sorted(rows) == sorted(expected)
    for url, row in expected.items():
        title, published, author, text = rows[url]
        assert title == row["title"], url
        assert published == row["published"], (url, published, row["published"])
        assert author == row["author"], url
        assert text == row["text"], url
        for junk in boilerplate:
            assert junk not in text, (url, junk)


def check_bare_crawl(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str, name: str, origin: str
) -> tuple[list[str], list[str]]:
    """A mirror crawled from a bare profile is archived whole and right, and the no-op
    rerun costs at most three requests (robots.txt, the listing or feed, maybe a 304)."""
    first, nightly = bare_crawl_twice(run_cli, db, tmp_path, site, name, origin)
    assert len(nightly) <= 3, nightly
    assert_archived_whole_and_right(db, site)
    return first, nightly
