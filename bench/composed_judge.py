"""Composed sites' judge: a seed's site served (``MirrorServer``), crawled from a bare
profile as ``discovery_bench.py`` does, then again, and checked: exactly the expected
articles archived (by ``url_key``), each with its title, its date to the day and every
paragraph of its text (no line of the furniture), nothing else archived, the no-op rerun
at most 3 requests (and one more for each other section of news, ``Verdict.rerun_bound``),
no address robots.txt disallows asked.
"""

from __future__ import annotations

import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from composed_axes import Axes
from composed_texts import BOILERPLATE
from composed_writer import Site, compose
from discovery_bench import archived
from newsarchive.api import crawl
from newsarchive.crawl_run import CrawlOptions
from newsarchive.discover.urls import url_key
from newsarchive.fetch.client import FetchOptions
from newsarchive.mirror import MirrorServer
from newsarchive.models import Profile


@dataclass
class Verdict:
    seed: int
    axes: Axes
    found: int
    expected: int
    extra: list[str]
    missed: list[str]
    wrong: list[str]  # "url: what differs"
    requests: int
    rerun: int
    rerun_paths: list[str] = field(default_factory=list)
    # the page past the list's end its last page links (``Site.roles["past_end"]``)
    past_end: str = ""

    @property
    def rerun_bound(self) -> int:
        """The no-op rerun's requests at most: robots.txt and two sources (the feed or a
        sitemap, and the news list), and one more for each other section of news the
        site keeps, which a nightly run reads too (a municipality's "Обяви": none of
        the others shows what it posts); and where a news was published while the first
        crawl walked the list (``Axes.shift``), which that crawl could not see (it read
        the list's first page before the news landed), that news (its page 2 too, and
        the redirect of a card's address sent on to it) and the list's page 2, which a
        walk finding a new news on page 1 reads to see where the new ones end. An
        oldest-first list's walk begins at its last page and goes on to the page past
        the end its "next" link names, where the next news will land (the last page
        asked whole: full, it is unchanged when a news opens that page;
        ``WalkState.past_url``; composed seeds 19972 and, ``--nights``, 2897)."""
        axes = self.axes
        sent_on = axes.moved == "old-all" or axes.spelling == "slash"
        late = (2 + axes.split + sent_on) if axes.shift else 0
        unended = axes.order == "oldest" and bool(self.past_end)
        return 3 + ("notices" in axes.non_news) + late + unended

    @property
    def ok(self) -> bool:
        return not (self.extra or self.missed or self.wrong) and self.rerun <= self.rerun_bound

    def row(self) -> str:
        return (
            f"{self.seed:>5} {self.found:>3}/{self.expected:<3} {len(self.extra):>5} "
            f"{self.requests:>8} {self.rerun:>5}  {'ok' if self.ok else 'FAIL':<4}  "
            f"{self.axes.short()}"
        )


def rows_of(db: Path) -> dict[str, tuple[str, str | None, str, str | None]]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(db)) as conn:
        return {
            url: (title, published, text, author)
            for url, title, published, text, author in conn.execute(
                "SELECT url, title, published, text, author FROM articles"
            )
        }


def judge(seed: int, root: Path, site: Site) -> Verdict:
    """Crawl the site written at ``root`` twice from a bare profile; what came of it."""
    host = site.origin.partition("://")[2]
    profile = Profile(id=f"composed{seed}", name=site.name, origin=site.origin, hosts=(host,))
    with MirrorServer(root) as server:
        db = root.parent / f"composed-{seed}.db"
        options = CrawlOptions(base_url=server.url, fetch=FetchOptions(delay=0))
        began = time.monotonic()
        (first,) = crawl(db, [profile], options)
        took = time.monotonic() - began
        asked = len(server.requests)
        (again,) = crawl(db, [profile], options)
        rerun_paths = server.requests[asked:]
        every = list(server.requests)
    verdict = verdict_of(seed, site, db, first.requests, again.requests, rerun_paths)
    verdict.wrong += [
        f"asked {path}, which robots.txt disallows" for path in disallowed(site, every)
    ]
    if site.axes.crawl_delay and took < slowest(site.axes.crawl_delay, asked):
        verdict.wrong.append(
            f"{asked} requests in {took:.1f} s under Crawl-delay: {site.axes.crawl_delay}"
        )
    return verdict


def slowest(delay: int, asked: int) -> float:
    """The least time ``asked`` requests take a crawl obeying ``Crawl-delay: delay``
    (robots.txt and the first page at once, the others a delay apart; half of that,
    as a redirect's other host keeps a delay of its own)."""
    return max(asked - 2, 0) * delay / 2


def disallowed(site: Site, asked: list[str]) -> list[str]:
    """Of the paths ``asked``, those the site's robots.txt disallows."""
    robots = str(site.files.get("robots.txt", ""))
    rules = [
        line.split(":", 1)[1].strip()
        for line in robots.splitlines()
        if line.startswith("Disallow:")
    ]
    return sorted({path for path in asked if any(rule and path.startswith(rule) for rule in rules)})


def verdict_of(
    seed: int,
    site: Site,
    db: Path,
    requests: int,
    rerun: int,
    rerun_paths: list[str],
) -> Verdict:
    """What the archive ``db`` holds of ``site``, its crawl having made ``requests``
    and its no-op rerun ``rerun`` (asking ``rerun_paths``)."""
    want = {url_key(str(row["url"])): row for row in site.expected}
    # an article under a second address too (``Axes.twin``): either address is it, once
    alias = {
        url_key(str(other)): key
        for key, row in want.items()
        for other in row.get("aliases", []) or []  # type: ignore[attr-defined]
    }
    got: dict[str, str] = {}
    twice = []
    for url in sorted(archived(db)):
        key = alias.get(url_key(url), url_key(url))
        if key in got:
            twice.append(url)
        else:
            got[key] = url
    rows = rows_of(db)
    wrong = []
    for key in sorted(set(got) & set(want)):
        row, (title, published, text, author) = want[key], rows[got[key]]
        if title != row["title"]:
            wrong.append(f"{got[key]}: title {title!r}")
        if row["author"] and author != row["author"]:  # where the page states a byline
            wrong.append(f"{got[key]}: author {author!r} not {row['author']}")
        if (published or "")[:10] != row["published"]:
            wrong.append(f"{got[key]}: published {published!r} not {row['published']}")
        lines = row["must_contain"]
        assert isinstance(lines, list)
        for line in lines:
            if line not in text:
                wrong.append(f"{got[key]}: text lacks {line[:40]!r}")
        for junk in BOILERPLATE:
            if junk in text:
                wrong.append(f"{got[key]}: text holds {junk!r}")
    return Verdict(
        seed, site.axes, len(set(got) & set(want)), len(want),
        extra=sorted([got[k] for k in set(got) - set(want)] + twice),
        missed=sorted(str(want[k]["url"]) for k in set(want) - set(got)),
        wrong=wrong, requests=requests, rerun=rerun, rerun_paths=rerun_paths,
        past_end=site.roles.get("past_end", ""),
    )  # fmt: skip


def run_seed(seed: int, keep: Path | None = None, axes: Axes | None = None) -> Verdict:
    """Compose, write (to ``keep``, or a folder removed after), crawl and judge a seed."""
    site = compose(seed, axes=axes)
    with tempfile.TemporaryDirectory(prefix=f"composed-{seed}-") as tmp:
        root = keep or Path(tmp) / "site"
        site.write(root)
        return judge(seed, root, site)


HEADER = f"{'seed':>5} {'found':>7} {'extra':>5} {'requests':>8} {'rerun':>5}  verdict  axes"


def details(verdict: Verdict) -> list[str]:
    return (
        [f"  missed {url}" for url in verdict.missed]
        + [f"  extra  {url}" for url in verdict.extra]
        + [f"  wrong  {line}" for line in verdict.wrong]
        + (
            [f"  rerun  {' '.join(verdict.rerun_paths)}"]
            if verdict.rerun > verdict.rerun_bound
            else []
        )
    )
