"""Composed sites cut and resumed (``composed_sites.py --cut``): crawls cut and resumed,
as ``bench/cut_sweep.py`` cuts its mirrors (its ``CutMirror`` and crawl processes): each
seed's site crawled uncut (one connection: R requests in one order) and once more, the
reference verdict; then, for ``--cuts`` points k (seeded: one while exploring, before the
articles are read one after another, one as an article is asked, the rest anywhere;
``--at K,K`` with ``--seed`` to reproduce), a fresh archive's crawl SIGKILLed as its k-th
request arrives, run to the end and once more, and judged as the uncut one was (every
article with its title, day and text, nothing else, the no-op rerun within
``Verdict.rerun_bound``), beside ``torture_bench``'s invariants (the uncut crawl's URLs,
none twice, captures, index, frontier settled), no article twice by ``url_key`` or
title, and the requests beyond R within ``resume_bound``. Each cut is served by a server
of its own, so a news landing mid-walk (``Axes.shift``) lands in every trial as it did
in the uncut crawl (``CutPoint.landed``), not once for the whole seed.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import math
import random
import re
import signal
import tempfile
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import cut_sweep
import torture_bench as tb
from composed_axes import Axes
from composed_faults import sent_on_to, url_key_path
from composed_judge import Verdict, details, rows_of, verdict_of
from composed_writer import Site, compose
from discovery_bench import archived
from newsarchive.discover.urls import url_key
from newsarchive.models import DEFAULT_STOP_AFTER_KNOWN

# ``bench/cut_sweep.py``'s machinery, on sites nobody wrote: its crawls (a ``newsarchive
# crawl`` process, one connection, no delay: one order of requests, ``cut_sweep.run``) and
# its server (``CutMirror``: SIGKILLs the crawl as its k-th request arrives).

CUTS = 3  # cut points a seed: one while exploring, one reading an article, one anywhere


@dataclass
class CutPoint:
    """The crawl killed as its ``k``-th request (``path``) arrived, then run to the end
    and once more (a no-op)."""

    k: int
    phase: str  # "explore" (``exploring_end``), "article" (one asked after), "other"
    path: str
    extra: int = 0  # the cut crawl's and its completion's requests beyond the uncut one's
    bound: int = 0  # ``resume_bound``
    reasked: list[str] = field(default_factory=list)  # ``cut_sweep.asked_again``
    landed: bool = False  # a news landing mid-walk (``Axes.shift``) landed in this trial
    failures: list[str] = field(default_factory=list)

    def cell(self) -> str:
        return f"{self.k}{self.phase[0]}+{self.extra}{'!' if self.failures else ''}"


@dataclass
class CutVerdict:
    """A seed crawled uncut (the reference, its own verdict) and cut at ``cuts``."""

    reference: Verdict
    total: int  # the uncut crawl's requests (R)
    explored: int  # of them, those before its first article
    cuts: list[CutPoint]

    @property
    def ok(self) -> bool:
        return self.reference.ok and not any(c.failures for c in self.cuts)

    def row(self) -> str:
        cells = " ".join(c.cell() for c in self.cuts) or "-"
        verdict = "ok" if self.ok else ("FAIL" if self.reference.ok else "UNCUT")
        return (
            f"{self.reference.seed:>5} {self.total:>4} {self.explored:>4}  {cells:<24} "
            f"{verdict:<5}  {self.reference.axes.short()}"
        )


def resume_bound(
    k: int,
    explored: int,
    kept: int,
    robots: int,
    site: Site,
    via: bool = False,
    grown: bool = False,
    split: bool = False,
    between: int = 0,
) -> int:
    """The requests a crawl cut at its ``k``-th and run to the end may make beyond the
    uncut crawl's. Cut while exploring (``k <= explored``): exploring is done again, so
    the ``k`` asked before and at the cut at most; and, ``grown`` (a news landing
    mid-walk, ``Axes.shift``, landed before the cut: the completing run explores the site
    with it, where the uncut crawl had read the list without it), the new card's address
    on the list and the list's page its oldest card was pushed onto (cut seed 123 at 8:
    cards linking ``/?p=N``, the new one ``/?p=500``, and "Зареди още"'s page 2, which the
    list had not had). Cut after: the killed request (``split``: a split article's
    page 2, the article's page 1 too, as the frontier holds the article, not its page 2;
    cut seed 145 at 28) (and,
    ``via``, the address sent on to it, 301, asked just before: the frontier holds the
    address the card linked, whose answer the killed crawl never kept, so the completing
    run asks both again; cut seed 71's ``/node/498`` then its article) and
    robots.txt (``robots``: each host's the uncut crawl asked, the ``www.`` twin's too);
    each source a run reads to find what is new: the feed, every sitemap
    file (an index and its maps: a first crawl cut settled none of them, so all are read
    again), the news list's first page, "Обяви"'s; the page the cut walk was reading;
    and the ``kept`` articles exploring read and kept for the crawl (``explorer.
    article_site_map``'s sample: in memory until its turn, so lost with the process);
    and the list's pages ``between`` its first and the one the cut walk was reading
    (``walked_between``)."""
    if k <= explored:
        return k + (1 + (site.axes.pager != "none") if grown else 0)
    axes = site.axes
    sitemaps = sum(1 for name in site.files if "sitemap" in name)
    sources = axes.feed + sitemaps + 1 + ("notices" in axes.non_news)
    return 1 + split + via + robots + sources + (axes.pager != "none") + kept + between


def walked_between(asked: list[str], k: int, site: Site) -> int:
    """The list's pages between its first and the one the walk cut at request ``k`` was
    reading, which the completing run reads again: an unfinished walk goes on from its
    first page until ``stop_after_known`` archived articles in a row
    (``DEFAULT_STOP_AFTER_KNOWN``) before it jumps to where the cut left it, so as many
    pages as that takes at the site's ``per_page`` (cut seed 333: 4 cards a page, cut in
    page 3's articles; pages 1, 2 and 3 read again, the bound counting 1 and 3). Cut at
    a page's own request, the walk was reading that page (its resume point saved once
    the page before's articles were)."""
    pages = site.roles.get("pages", "").split()  # (page 2 on: a page's index, those before it)
    read = [path for path in asked[:k] if path in pages]
    if not read:
        return 0
    return min(pages.index(read[-1]), math.ceil(DEFAULT_STOP_AFTER_KNOWN / site.axes.per_page) - 1)


def split_first_page(path: str, site: Site) -> str | None:
    """The article ``path`` is the page 2 of (``Axes.split``: ``?page=2``, WordPress's
    ``/slug/2/``), by its page 1's path; None for any other request."""
    for suffix, keep in (("&page=2", ""), ("?page=2", ""), ("/2/", "/")):
        if path.endswith(suffix):
            first = path.removesuffix(suffix) + keep
            articles = {url_key_path(str(row["url"]), site.origin) for row in site.expected}
            return first if first in articles else None
    return None


def article_requests(asked: list[str], site: Site) -> list[int]:
    """Which of the requests ``asked`` (1-based) asked an article (a notice too): the
    rest are exploring, listings, feeds, sitemaps."""
    news = {url_key(str(row["url"])) for row in site.expected}
    return [k for k, path in enumerate(asked, 1) if url_key(site.origin + path) in news]


def exploring_end(asked: list[str], site: Site, said: int = 0) -> int:
    """The requests exploring made: those before the articles are read one after
    another (an article exploring reads alone, a sample it keeps for the crawl, comes
    before its end). An article's requests in a row are one read (``article_of``): its
    address sent on to it (``Axes.moved``'s ``/x/`` to ``/x``) and its page 2
    (``Axes.split``) beside it. Counted one request an article, the site of cut seed 325
    (both axes) had no two in a row: its exploring was judged over before its sample
    article, and the cut at the ``/sitemap.xml`` exploring asked after that sample a cut
    past exploring, its bound 3 where exploring again asked 10.

    ``said``: the requests the crawl's summary counts as exploring ("(5 exploring the
    site)": those after the robots.txt read before it), where exploring reads several
    articles in a row: a home list of undated cards, each probed and kept for the crawl
    (cut seed 409: four). Read by their order alone, they were the crawl's first
    articles, and a cut at the fourth was judged past exploring: its bound 4 where
    exploring again asked 6."""
    lead = next((k for k, path in enumerate(asked) if path != "/robots.txt"), len(asked))
    stated = min(lead + said, len(asked)) if said else 0
    runs: list[tuple[int, int, str]] = []  # (first, last, article): one read in a row
    for k, path in enumerate(asked, 1):
        article = article_of(path, site)
        if article is None:
            continue
        if runs and runs[-1][1] == k - 1 and runs[-1][2] == article:
            runs[-1] = (runs[-1][0], k, article)
        else:
            runs.append((k, k, article))
    return max(
        stated,
        next(
            (
                first - 1
                for (first, last, _), after in itertools.pairwise(runs)
                if after[0] == last + 1
            ),
            runs[0][0] - 1 if runs else len(asked),
        ),
    )


# The crawl's summary line's count of requests spent exploring the site.
_EXPLORING = re.compile(r"\((\d+) exploring the site\)")


def exploring_said(out: str) -> int:
    """The requests ``out``, a crawl's stdout, says exploring the site made (0: none said)."""
    found = _EXPLORING.search(out)
    return int(found.group(1)) if found else 0


def article_of(path: str, site: Site) -> str | None:
    """The article (its ``url_key``) the request ``path`` asked for: its own address,
    one the server sends on to it (``sent_on_to``), or its page 2 (``split_first_page``);
    None for any other request."""
    news = {url_key(str(row["url"])) for row in site.expected}
    moves = site.mirror.get("moved", {})
    assert isinstance(moves, dict)
    first = split_first_page(path, site)
    urls = [site.origin + path, str(moves.get(path, ""))]
    urls += [site.origin + first] if first is not None else []
    return next((url_key(url) for url in urls if url and url_key(url) in news), None)


def phase(k: int, explored: int, articles: list[int]) -> str:
    return "explore" if k <= explored else "article" if k in articles else "other"


def cut_points(
    seed: int, total: int, explored: int, articles: list[int], cuts: int = CUTS
) -> list[int]:
    """Seeded cut points over the uncut crawl's ``total`` requests: one while exploring
    (robots.txt aside), one as an article is asked after it, the rest anywhere."""
    rng = random.Random(seed * 7907 + 286)
    chosen: set[int] = set()
    for pool in (list(range(2, explored + 1)), [k for k in articles if k > explored]):
        if pool and len(chosen) < cuts:
            chosen.add(rng.choice(pool))
    rest = [k for k in range(1, total + 1) if k not in chosen]
    chosen.update(rng.sample(rest, max(0, min(len(rest), cuts - len(chosen)))))
    return sorted(chosen)


def cut_trial(
    seed: int,
    site: Site,
    tmp: Path,
    server: cut_sweep.CutMirror,
    uncut: tuple[list[str], set[str], int, int],
    point: CutPoint,
) -> None:
    """Cut a fresh archive's crawl at ``point.k``, run it to the end and once more, and
    judge it as the uncut crawl was judged, beside ``torture_bench``'s invariants."""
    asked, urls, explored, kept = uncut
    name, k = f"composed{seed}", point.k
    trial = tb.Trial(k, "cut", name)
    night = server.night
    db = tmp / f"cut-{k}.db"
    code, err, first = cut_sweep.run(tmp, name, server, db, cut=k)
    grown = server.night > night  # (the news landed before the completing run)
    trial.check(code == -signal.SIGKILL, f"the cut crawl exit {code} after {len(first)} requests")
    tb.check_archive(trial, db, "after the cut", None)
    code, err, rest = cut_sweep.run(tmp, name, server, db)
    trial.check(code == 0, f"completing run exit {code}: {err[-400:]}")
    tb.no_traceback(trial, "completing run", err)
    tb.check_archive(trial, db, "after completion", urls)  # the uncut crawl's, spelt so
    keys = Counter(url_key(url) for url in archived(db))
    twice = sorted(key for key, n in keys.items() if n > 1)
    trial.check(not twice, f"archived twice: {twice[:3]}")
    titles = Counter(row[0] for row in rows_of(db).values())
    trial.check(all(n == 1 for n in titles.values()), f"a title twice: {titles.most_common(1)}")
    code, err, again = cut_sweep.run(tmp, name, server, db)
    trial.check(code == 0, f"no-op rerun exit {code}: {err[-400:]}")
    tb.no_traceback(trial, "no-op rerun", err)
    verdict = verdict_of(seed, site, db, len(first) + len(rest), len(again), again)
    for line in details(verdict):
        trial.check(False, line.strip())
    point.extra = len(first) + len(rest) - len(asked)
    # (the article cut: the address asked just before it, or before its page 1 where
    # the cut came at its page 2, that the server sent on to it)
    page_one = split_first_page(asked[k - 1], site)
    split = page_one is not None and k > 2 and asked[k - 2] == page_one
    at = k - 1 - split
    via = at > 0 and asked[at - 1] in sent_on_to(asked[at], site)
    robots = asked.count("/robots.txt")
    between = walked_between(asked, k, site) if k > explored else 0
    point.bound = resume_bound(k, explored, kept, robots, site, via, grown, split, between)
    trial.check(
        point.extra <= point.bound,
        f"resumed: {point.extra} requests beyond the uncut {len(asked)}, bound {point.bound}:"
        f" {' '.join(rest)}",
    )
    point.reasked = cut_sweep.asked_again(first, rest, k)
    point.landed = server.night > night
    trial.check(
        point.landed or not site.axes.shift,
        "the news landing mid-walk (shift) had landed before this crawl: no cut met it",
    )
    point.failures = trial.failures


def cut_seed(
    seed: int, cuts: int = CUTS, at: tuple[int, ...] = (), axes: Axes | None = None
) -> CutVerdict:
    """Crawl seed ``seed``'s site uncut (and once more: the reference verdict), then cut
    at ``at``, or at ``cut_points``; each cut a fresh archive's (``axes``: other
    variants than the seed's, as ``compose`` takes)."""
    site = compose(seed, axes=axes)
    name = f"composed{seed}"
    tb.BARE[name] = (site.name, site.origin, [site.origin.partition("://")[2]])
    with tempfile.TemporaryDirectory(prefix=f"composed-cut-{seed}-") as folder:
        tmp = Path(folder)
        site.write(tmp / "site")
        with cut_sweep.CutMirror(tmp / "site") as server:
            db = tmp / "uncut.db"
            said: list[str] = []
            code, err, asked = cut_sweep.run(tmp, name, server, db, said=said)
            _, _, again = cut_sweep.run(tmp, name, server, db)
            reference = verdict_of(seed, site, db, len(asked), len(again), again)
            if code != 0:
                reference.wrong.append(f"the uncut crawl exit {code}: {err[-300:]}")
            articles = article_requests(asked, site)
            explored = exploring_end(asked, site, exploring_said(said[0]))
            ks = at or cut_points(seed, len(asked), explored, articles, cuts)
            points = [
                CutPoint(k, phase(k, explored, articles), asked[k - 1])
                for k in ks
                if 1 <= k <= len(asked)
            ]
            kept = sum(1 for k in articles if k <= explored)
            uncut = (asked, set(archived(db)), explored, kept)
        for point in points if reference.ok else []:
            # (a server of its own a cut: the site as the uncut crawl first met it, a news
            # landing mid-walk, ``Axes.shift``, not landed yet; the uncut crawl's server
            # had gone on to that news for good)
            with cut_sweep.CutMirror(tmp / "site") as server:
                cut_trial(seed, site, tmp, server, uncut, point)
    return CutVerdict(reference, len(asked), explored, points)


CUT_HEADER = f"{'seed':>5} {'R':>4} {'expl':>4}  {'cuts (k, phase, +extra)':<24} verdict axes"


def cut_main(args: argparse.Namespace, out: Callable[[str], object]) -> int:
    """``--cut``: per seed one row (its cuts as ``k``, phase initial, requests beyond the
    uncut crawl's, ``!`` failed) and each failure; a summary."""
    out(CUT_HEADER)
    at = tuple(int(k) for k in args.at.split(",")) if args.at else ()
    seeds = [args.seed] if args.seed is not None else range(args.start, args.start + args.seeds)
    run = functools.partial(cut_seed, cuts=args.cuts, at=at)
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        verdicts = []
        for verdict in pool.map(run, seeds):
            verdicts.append(verdict)
            out(verdict.row())
            for line in details(verdict.reference) if not verdict.reference.ok else []:
                out(line)
            for point in verdict.cuts:
                for failure in point.failures:
                    out(f"  k={point.k} {point.phase} {point.path}: {failure[:300]}")
    points = [p for v in verdicts for p in v.cuts]
    extra = [p.extra for p in points] or [0]
    failed = [v.reference.seed for v in verdicts if not v.ok]
    reasks = dict(sorted(Counter(len(p.reasked) for p in points).items()))
    out(
        f"{len(verdicts)} seeds, {len(points)} cut points"
        f" ({', '.join(f'{n} {p}' for p, n in sorted(Counter(p.phase for p in points).items()))}),"
        f" {sum(1 for p in points if p.failures)} failed; requests beyond the uncut crawl's:"
        f" min {min(extra)} max {max(extra)} mean {sum(extra) / len(extra):.1f};"
        f" paths asked again by cut: {reasks}"
        + (f"; failed seeds: {' '.join(map(str, failed))}" if failed else "")
    )
    return 2 if failed else 0
