"""Composed sites behind a failing server (``composed_sites.py --faults``):
``newsarchive.mirror``'s ``PathFaults``. Three seeded faults a seed (``plant``) on its own
paths: listing page 2 answering 503 with ``Retry-After``, the feed 429, an article 500 or
a maintenance page sent 200 ("Сайтът е в профилактика"), an article or a sitemap cut
mid-body (once, or for the whole first run), the news list hanging past the timeout once,
an article gone for good (404). Run 1 meets them, run 2 the lasting one only, run 3 is a
no-op; judged by ``fault_seed`` (exit codes, a stderr line naming each fault that
outlasted its retries, no traceback, every article but the gone one archived whole and
right, none twice, no error page's text, run 3 quiet and within the rerun bound).
"""

from __future__ import annotations

import argparse
import functools
import random
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

import torture_bench as tb
from composed_axes import Axes
from composed_clock import with_clock
from composed_judge import details, rows_of, verdict_of
from composed_writer import Site, compose
from discovery_bench import archived
from newsarchive.discover.urls import url_key
from newsarchive.mirror import NOT_FOUND_PAGE, Answer, Fault, MirrorServer, PathFaults

# ``newsarchive.mirror``'s fault machinery (``PathFaults``: per path an ``Answer`` or a
# sleep, for some requests or until healed), on sites nobody wrote: seeded faults on a
# seed's own sources and articles, the site crawled three times (``newsarchive crawl``
# processes, one connection: the faults meet one order of requests).

TIMEOUT = 1.5  # the crawls' $NEWSARCHIVE_TIMEOUT: a page that hangs costs this, not 20 s
HANG = TIMEOUT + 1.0  # what a hanging page sleeps before answering
MAINTENANCE = "Сайтът е в профилактика"
# what an error or maintenance page says: no archived text may hold it
ERROR_TEXTS = ("busy", "404 Not Found", MAINTENANCE, "Моля, опитайте отново по-късно")
# the no-op run's requests for an article gone for good: none (README, "Exit codes": a
# 404 is recorded, not retried, and not a failure; a source listing it again queues
# nothing already settled)
GONE_COST = 0
# the faults a night's new article may meet (``composed_nights.night_fault``), the whole
# night: a 503 and a 429 asking ``Retry-After: 1``, the connection cut mid-body
NIGHT_FAULTS = ("busy-article", "throttled-article", "cut-article")


def maintenance_page(name: str) -> bytes:
    """A CMS's maintenance mode answering ``200`` with its notice (in our own words)."""
    return (
        '<!DOCTYPE html>\n<html lang="bg"><head><meta charset="utf-8">'
        f"<title>{escape(name)}</title></head>\n<body>\n<h1>{MAINTENANCE}</h1>\n"
        "<p>В момента обновяваме сайта. Моля, опитайте отново по-късно."
        "</p>\n</body></html>\n"
    ).encode()


@dataclass
class Planted:
    """One fault: its ``kind``, the ``path`` it answers (as sent), how long it lasts:
    "once" (its first request, so a retry heals it), "run1" (the whole first run),
    "always" (gone for good); ``met``: requests it answered in run 1."""

    kind: str
    path: str
    lasts: str
    met: int = 0

    def fault(self, name: str) -> Fault:
        busy = {"Retry-After": "1"}
        answer: int | Answer | None = {
            "busy-page": Answer(503, headers=busy),
            "busy-article": Answer(503, headers=busy),
            "throttled-feed": Answer(429, headers=busy),
            "throttled-article": Answer(429, headers=busy),
            "error-article": 500,
            "cut-article": Answer(cut=True),
            "cut-sitemap": Answer(cut=True),
            "hang-list": None,
            "maintenance": Answer(200, maintenance_page(name)),
            "gone": Answer(404, NOT_FOUND_PAGE),
        }[self.kind]
        return Fault(
            answer,
            sleep=HANG if self.kind == "hang-list" else 0.0,
            times=1 if self.lasts == "once" else 0,
        )

    def cell(self) -> str:
        return f"{self.kind}{'' if self.lasts == 'run1' else '/' + self.lasts}:{self.met}"


def plant(seed: int, site: Site, count: int = 3) -> list[Planted]:
    """``count`` faults (seeded, of those the site has sources for), each on a path of
    its own: a busy listing page 2, a throttled feed, an article answering 500, cut
    mid-body or a maintenance page for the first run, a sitemap cut, the list hanging
    once, an article gone for good."""
    rng = random.Random(seed * 7919 + 290)
    roles = site.roles
    articles = [url_key_path(str(row["url"]), site.origin) for row in site.expected]
    rng.shuffle(articles)
    kinds = ["error-article", "cut-article", "maintenance", "gone", "hang-list"]
    kinds += ["busy-page"] if "page2" in roles else []
    kinds += ["throttled-feed"] if "feed" in roles else []
    kinds += ["cut-sitemap"] if "sitemap" in roles else []
    planted = []
    for kind in sorted(rng.sample(kinds, min(count, len(kinds)))):
        lasts = {"gone": "always", "hang-list": "once"}.get(kind, "run1")
        if kind.startswith("cut"):
            lasts = rng.choice(("once", "run1"))
        if kind.endswith("article") or kind in ("maintenance", "gone"):
            path = articles.pop()
        elif kind == "hang-list":  # (page 2 unless busy already: one fault a path)
            pages = {roles["list"], roles.get("page2", roles["list"])}
            path = rng.choice(sorted(pages - {p.path for p in planted}))
        else:
            path = rng.choice(roles[kind.partition("-")[2].replace("page", "page2")].split())
        planted.append(Planted(kind, path, lasts))
    return planted


def sent_on_to(path: str, site: Site) -> list[str]:
    """The addresses the site's server sends on (301) to ``path``: an old CMS's
    (``/index.php?id=N``, ``Axes.moved``) or another spelling (``Axes.spelling``). A
    crawl that asked one of them, its answer failing, names the address it asked."""
    moves = site.mirror.get("moved", {})
    assert isinstance(moves, dict)
    return [old for old, new in moves.items() if url_key_path(str(new), site.origin) == path]


def still_served(
    expected: list[dict[str, object]], gone: set[str], origin: str
) -> list[dict[str, object]]:
    """``expected`` without the articles ``gone`` for good, but for one the site still
    serves at a second address (``Axes.twin``'s copy in another category, linked from
    the home page's box): a crawl that reads it there archives that article, as the
    archive keeps what a site still serves (``archive.gone``), and it is judged whole
    and right as any; not read there (the box on no page the crawl reads), it is not
    missed (``fault_seed`` leaves gone addresses out of ``missed``)."""
    return [
        row
        for row in expected
        if url_key_path(str(row["url"]), origin) not in gone or row.get("aliases")
    ]


def url_key_path(url: str, origin: str) -> str:
    """An expected row's ``url`` as its request's path (percent-encoded as written)."""
    return url.removeprefix(origin) or "/"


@dataclass
class FaultVerdict:
    """A seed's site crawled three times under ``planted`` faults: run 1 with every
    fault, run 2 with the lasting ones ("always"), run 3 a no-op."""

    seed: int
    axes: Axes
    planted: list[Planted]
    codes: tuple[int, int, int]
    requests: tuple[int, int, int]
    failures: list[str] = field(default_factory=list)
    stderr: str = ""  # run 1's

    @property
    def ok(self) -> bool:
        return not self.failures

    def row(self) -> str:
        faults = " ".join(p.cell() for p in self.planted)
        return (
            f"{self.seed:>5} {'/'.join(map(str, self.codes)):>7} "
            f"{'/'.join(map(str, self.requests)):>10}  {'ok' if self.ok else 'FAIL':<4}  "
            f"{faults}  | {self.axes.short()}"
        )


FAULT_HEADER = f"{'seed':>5} {'exits':>7} {'requests':>10}  verdict  faults (kind:met)  | axes"


def fault_crawl(
    tmp: Path, name: str, server: MirrorServer, db: Path, clock: dict[str, str] | None = None
) -> tuple[int, str, int]:
    """One ``newsarchive crawl`` (one connection, no delay, short timeout and backoff):
    its exit status, stderr and requests. ``clock``: environment that moves its clock
    (``composed_clock.moved_env``)."""
    import subprocess

    before = len(server.requests)
    command = [
        sys.executable, "-m", "newsarchive", "crawl", name, "--profile",
        str(tb.profile(tmp, name)), "--base-url", server.url, "--delay", "0", "--db", str(db),
        "--connections", "1",
    ]  # fmt: skip
    env = with_clock({**tb.env(tmp), "NEWSARCHIVE_TIMEOUT": str(TIMEOUT)}, clock)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    return done.returncode, done.stderr, len(server.requests) - before


def fault_seed(
    seed: int, count: int = 3, keep: Path | None = None, axes: Axes | None = None
) -> FaultVerdict:
    """Seed ``seed``'s site under ``plant``'s faults, crawled three times and judged:
    run 1 exits 1 naming each fault that outlasted its retries on a line of stderr (0
    when none did), no traceback; after run 2 (exit 0, stderr empty) every article but
    the gone one archived whole and right, none twice, no error page's text (the gone
    one may be, from a second address the site still serves it at: ``still_served``);
    run 3 quiet, within ``Verdict.rerun_bound`` and ``GONE_COST``. ``keep``: the folder
    to write the site and its archive to (one removed after, without); ``axes``: other
    variants than the seed's, as ``compose`` takes."""
    from urllib.parse import unquote

    site = compose(seed, axes=axes)
    planted = plant(seed, site, count)
    gone = {p.path for p in planted if p.lasts == "always"}
    site.expected = still_served(site.expected, gone, site.origin)
    name = f"composed{seed}"
    tb.BARE[name] = (site.name, site.origin, [site.origin.partition("://")[2]])
    faults = PathFaults({p.path: p.fault(site.name) for p in planted})
    failures: list[str] = []
    with tempfile.TemporaryDirectory(prefix=f"composed-faults-{seed}-") as folder:
        tmp = keep or Path(folder)
        site.write(tmp / "site")
        db = tmp / "archive.db"
        with MirrorServer(tmp / "site", intercept=faults, quiet=True) as server:
            code1, err1, asked1 = fault_crawl(tmp, name, server, db)
            for p in planted:
                p.met = faults.met.get(p.path, 0)
            faults.heal({p.path for p in planted if p.lasts != "always"})
            code2, err2, asked2 = fault_crawl(tmp, name, server, db)
            before = len(server.requests)
            code3, err3, asked3 = fault_crawl(tmp, name, server, db)
            rerun_paths = server.requests[before:]
        lasting = [p for p in planted if p.lasts == "run1" and p.met]
        # (a feed named on a page of feeds alone, ``Axes.feeds`` "page", is read while
        # exploring, to tell it a feed: failing, it is a page exploring missed, said as a
        # warning and explored again next run, the run's exit 0, as a section's)
        explored = [p for p in lasting if p.kind.endswith("-feed") and site.axes.feeds == "page"]
        failing = [p for p in lasting if p not in explored]
        for run, err in (("run 1", err1), ("run 2", err2), ("run 3", err3)):
            if "Traceback" in err:
                failures.append(f"{run}: a traceback: {err[-300:]}")
            stray = [line for line in err.splitlines() if not line.startswith("newsarchive: ")]
            if stray:  # (each failure one line of its own, named as the program's)
                failures.append(f"{run}: stderr line {stray[0][:200]!r}")
        if code1 != (1 if failing else 0):
            failures.append(f"run 1 exit {code1}, not {1 if failing else 0}: {err1[-300:]}")
        for p in explored:
            if "explored again next run" not in err1:
                failures.append(f"run 1's stderr says no exploring again for {p.kind}")
        said = unquote(err1)
        for p in lasting:
            names = [p.path] + sent_on_to(p.path, site)
            named = any(unquote(path) in said for path in names)
            if not named and "not asked again in this run" not in said:
                failures.append(f"run 1's stderr names no {p.kind} at {p.path}: {err1[-300:]}")
        if code2 != 0 or err2.strip():
            failures.append(f"run 2 exit {code2}, stderr {err2.strip()[-300:]!r}")
        if code3 != 0 or err3.strip():
            failures.append(f"run 3 exit {code3}, stderr {err3.strip()[-300:]!r}")
        verdict = verdict_of(seed, site, db, asked1 + asked2, asked3, rerun_paths)
        verdict.missed = [u for u in verdict.missed if url_key_path(u, site.origin) not in gone]
        failures += [line.strip() for line in details(verdict) if "rerun" not in line]
        if asked3 > verdict.rerun_bound + GONE_COST * len(gone):
            failures.append(
                f"run 3 asked {asked3} > {verdict.rerun_bound + GONE_COST * len(gone)}:"
                f" {' '.join(rerun_paths)}"
            )
        keys = Counter(url_key(url) for url in archived(db))
        twice = sorted(key for key, n in keys.items() if n > 1)
        if twice:
            failures.append(f"archived twice: {twice[:3]}")
        rows = rows_of(db)
        titles = Counter(row[0] for row in rows.values())
        if any(n > 1 for n in titles.values()):
            failures.append(f"a title twice: {titles.most_common(1)}")
        for url, (title, _, text, _) in sorted(rows.items()):
            junk = [t for t in ERROR_TEXTS if t in text or t in title]
            if junk:
                failures.append(f"{url} holds an error page's {junk[0]!r}")
    return FaultVerdict(
        seed, site.axes, planted, (code1, code2, code3), (asked1, asked2, asked3), failures, err1
    )


def faults_main(args: argparse.Namespace, out: Callable[[str], object]) -> int:
    """``--faults``: per seed one row (the three runs' exits and requests, each fault
    and the requests it answered in run 1) and each failure; a summary."""
    out(FAULT_HEADER)
    seeds = [args.seed] if args.seed is not None else range(args.start, args.start + args.seeds)
    with ProcessPoolExecutor(max(1, args.jobs)) as pool:
        verdicts = []
        run = functools.partial(fault_seed, keep=args.keep if args.seed is not None else None)
        for verdict in pool.map(run, seeds):
            verdicts.append(verdict)
            out(verdict.row())
            for failure in verdict.failures:
                out(f"  {failure[:400]}")
            if args.seed is not None:
                out(f"  faults at {' '.join(p.path for p in verdict.planted)}")
                out("  run 1's stderr:\n" + verdict.stderr.rstrip())
    failed = [v.seed for v in verdicts if not v.ok]
    kinds = Counter(p.kind for v in verdicts for p in v.planted if p.met)
    out(
        f"{len(verdicts)} seeds, {len(failed)} failed; faults met:"
        f" {', '.join(f'{n} {k}' for k, n in sorted(kinds.items()))}"
        + (f"; failed seeds: {' '.join(map(str, failed))}" if failed else "")
    )
    return 2 if failed else 0
