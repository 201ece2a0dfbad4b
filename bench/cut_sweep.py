"""Cut sweep: a crawl killed after EXACTLY k requests, for every k, not at random ones.

``torture_bench.py`` interrupts crawls at random moments; a narrow window (a first crawl
cut inside a calendar index's month, resumed and ended *completed* with older days never
read) is rarely hit so. For each mirror here this first crawls it uncut (one connection,
no delay: one order of requests) and counts its requests R; then, for every k in 1..R
(or ``--cuts`` of them spread evenly), a fresh archive's crawl whose k-th request the
server answers by SIGKILLing the crawl before it is answered; then the crawl run to
completion, then once more. After each: ``torture_bench.check_archive``'s invariants
(``expected.json``'s URLs exactly, one row each, every article with its capture and
index entry, nothing left queued, the last run finished), each row's title, date,
author and text ``expected.json``'s, every listing walk the uncut crawl completed
completed, the no-op rerun at most 3 requests. Counted: the requests the cut crawl and
its completion made beyond the uncut crawl's R (the killed request and robots.txt are
asked again by any resume: 2 is the floor), and the paths answered before the cut and
asked again after it (robots.txt aside): re-asks.

A mirror of several nights (``NIGHTS``) is swept on its SECOND night instead: each
trial's archive holds the first night's uncut crawl, the server is moved to the next
night, and that nightly crawl is cut (``_night2/expected.json`` expected).

    PYTHONPATH=src python bench/cut_sweep.py [--sites hvoynetsvesti,...] [--cuts 12]
        [--all] [--jobs 2] [--src OTHER/src]

``--all`` cuts at every k (R crawls of 3 processes each per mirror: minutes a mirror);
``--cuts N`` at N points spread over 1..R, always 1, 2 and R among them. Prints one
line per mirror (cut points tried, failures, re-asks) and one per failed cut; exits 1
when any cut failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import sqlite3
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

import torture_bench as tb
from discovery_bench import BARE as PROFILES
from newsarchive.mirror import MirrorServer

# Mirrors of unlike discovery shapes (the round modules' docstrings):
SWEEP = (
    # issue index / archive calendar walks (round 111; _may_jump's bug was cut here)
    "hvoynetsvesti", "zornitsasedmitsa", "pelinovohorizont",
    # a calendar of day pages only, month by month (round 39)
    "kozinets", "bukovets",
    # a paged list shifting while it is read (round 85: next_night_after /novini)
    "dopalneno", "zaredeno",
    # the sitemap the only way to older news; an Atom feed (round 44)
    "lavrovo", "dafinovo",
    # a feed of guid-only items; a Yoast-like sitemap index (round 94)
    "postoyanna", "kartovo",
    # a Next.js cursor pager; a list oldest first reached back from its last (round 37)
    "kavak", "breza",
    # news changing overnight, the nightly run cut (rounds 58, 79)
    "kalinovets", "naicheteno", "arhivirano",
    # sub-sites in folders of one host (round 101)
    "mnogoselo", "podbalkanets",
    # a WordPress news theme, admin-ajax "Зареди още" and a category pager (round 99)
    "strumaplus",
    # WordPress with AMP and wp-sitemap; an old site's month archive (torture's own)
    "zornitsa", "drenavo",
)  # fmt: skip
FIELDS = ("title", "published", "author", "text")
NIGHTS = {"kalinovets", "naicheteno", "arhivirano"}  # swept on their second night


class CutMirror(MirrorServer):
    """A ``MirrorServer`` that SIGKILLs ``pid`` as its ``at``-th request since ``arm``
    arrives, before answering it (the crawl dies waiting for that answer)."""

    def __init__(self, root: Path) -> None:
        self.pid: int | None = None
        self.at = 0
        self.count = 0
        self.cut_lock = threading.Lock()
        super().__init__(root, intercept=self._cut, quiet=True)

    def arm(self, pid: int | None, at: int) -> None:
        with self.cut_lock:
            self.pid, self.at, self.count = pid, at, 0

    def _cut(self, path: str) -> int | None:
        with self.cut_lock:
            self.count += 1
            if self.pid is None or self.count != self.at:
                return None
            os.kill(self.pid, signal.SIGKILL)
            self.pid = None
        time.sleep(0.05)  # (the answer goes to a dead process)
        return 503


def register(site: str) -> None:
    """``torture_bench``'s crawl writes its bare profile from its ``BARE``: the
    discovery bench's profile of ``site`` there (an origin at a sub-path as written)."""
    p = PROFILES[site]
    home = "" if p.home in ("", "/") else p.home
    tb.BARE[site] = (p.name, p.origin + home, list(p.hosts))


def expected_rows(site: str, night: int) -> dict[str, dict[str, object]]:
    folder = "" if night == 1 else f"_night{night}/"
    rows = json.loads((tb.SITES / site / f"{folder}expected.json").read_text(encoding="utf-8"))
    return {row["url"]: row for row in rows}


def completed_walks(db: Path, site: str) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        return {
            r[0]
            for r in conn.execute(
                "SELECT start_url FROM listing_walks WHERE site = ? AND completed", (site,)
            )
        }


def run(
    tmp: Path, site: str, server: CutMirror, db: Path, cut: int = 0, said: list[str] | None = None
) -> tuple[int, str, list[str]]:
    """One crawl (one connection, no delay), cut at its ``cut``-th request if given: its
    exit status, stderr and the paths it asked; ``said``, where given, takes its stdout
    (the run's summary line)."""
    before = len(server.requests)
    process = tb.crawl(tmp, site, server, db, 0, connections=1)
    server.arm(process.pid if cut else None, cut)
    out, err = process.communicate(timeout=300)
    server.arm(None, 0)
    if said is not None:
        said.append(out)
    return process.returncode, err, server.requests[before:]


def asked_again(first: list[str], rest: list[str], k: int) -> list[str]:
    """The paths the cut crawl had answered (its first ``k - 1`` requests) that the
    runs after it asked again, robots.txt aside (asked by every run)."""
    answered = Counter(p for p in first[: k - 1] if p != "/robots.txt")
    again = Counter(p for p in rest if p in answered)
    return sorted((again & answered).elements())


@dataclass
class Baseline:
    requests: list[str]
    walks: set[str]
    night1: Path | None  # the first night's archive, for a mirror swept on its second


@dataclass
class Cut:
    site: str
    k: int
    extra: int = 0
    reasked: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def baseline(site: str, keep: Path) -> Baseline:
    night = 2 if site in NIGHTS else 1
    with tempfile.TemporaryDirectory() as folder, CutMirror(tb.SITES / site) as server:
        tmp = Path(folder)
        db = tmp / "a.db"
        night1 = None
        if night == 2:
            code, err, _ = run(tmp, site, server, db)
            if code != 0:
                raise SystemExit(f"{site}: the first night's crawl fails: {err}")
            night1 = keep / f"{site}-night1.db"
            copy_db(db, night1)
            server.next_night()
        code, err, asked = run(tmp, site, server, db)
        if code != 0:
            raise SystemExit(f"{site}: an uncut crawl fails: {err}")
        return Baseline(asked, completed_walks(db, site), night1)


def copy_db(source: Path, target: Path) -> None:
    """A consistent copy, whatever is still in the source's write-ahead log."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def cut_trial(site: str, k: int, base: Baseline) -> Cut:
    cut = Cut(site, k)
    trial = tb.Trial(k, "cut", site)
    night = 2 if base.night1 else 1
    expected = expected_rows(site, night)
    with tempfile.TemporaryDirectory() as folder, CutMirror(tb.SITES / site) as server:
        tmp = Path(folder)
        db = tmp / "archive.db"
        if base.night1 is not None:
            copy_db(base.night1, db)
            server.next_night()
        code, err, first = run(tmp, site, server, db, cut=k)
        if code != -signal.SIGKILL:
            trial.check(False, f"the cut crawl exit {code} after {len(first)} requests")
        tb.check_archive(trial, db, "after the cut", None)
        code, err, rest = run(tmp, site, server, db)
        trial.check(code == 0, f"completing run exit {code}: {err[-400:]}")
        tb.no_traceback(trial, "completing run", err)
        tb.check_archive(trial, db, "after completion", set(expected))
        cut.extra = len(first) + len(rest) - len(base.requests)
        cut.reasked = asked_again(first, rest, k)
        with closing(sqlite3.connect(db)) as conn:
            rows = {
                url: (title, published, author, text)
                for url, title, published, author, text in conn.execute(
                    "SELECT url, title, published, author, text FROM articles"
                )
            }
        for url, row in expected.items():
            got = rows.get(url)
            want = tuple(row[name] for name in FIELDS)
            if got is not None and got != want:
                wrong = [n for n, a, b in zip(FIELDS, got, want, strict=True) if a != b]
                trial.check(False, f"{url}: {', '.join(wrong)} not expected.json's")
        left = base.walks - completed_walks(db, site)
        trial.check(not left, f"walks the uncut crawl completed left uncompleted: {sorted(left)}")
        code, err, rerun = run(tmp, site, server, db)
        trial.check(code == 0, f"no-op rerun exit {code}: {err[-400:]}")
        trial.check(len(rerun) <= 3, f"no-op rerun made {len(rerun)} requests: {rerun[:8]}")
        tb.no_traceback(trial, "no-op rerun", err)
    cut.failures = trial.failures
    return cut


def points(total: int, cuts: int | None) -> list[int]:
    """1..total, or ``cuts`` of them spread evenly (1, 2 and ``total`` always)."""
    if cuts is None or cuts >= total:
        return list(range(1, total + 1))
    spread = {1 + round(i * (total - 1) / (cuts - 1)) for i in range(cuts)}
    return sorted(spread | {1, min(2, total), total})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sites", default=",".join(SWEEP))
    parser.add_argument("--cuts", type=int, default=12, help="cut points a mirror (and k=2)")
    parser.add_argument("--all", action="store_true", help="every cut point, 1..R")
    parser.add_argument("--jobs", type=int, default=2, help="cut trials at once")
    parser.add_argument("--src", type=Path, default=tb.SRC, help="the newsarchive sources")
    args = parser.parse_args()
    tb.SRC = args.src.resolve()
    signal.signal(signal.SIGINT, signal.default_int_handler)
    started = time.monotonic()
    tried = failed = 0
    failing: Counter[str] = Counter()
    keep = Path(tempfile.mkdtemp(prefix="cut-sweep-"))
    try:
        for site in args.sites.split(","):
            register(site)
            base = baseline(site, keep)
            ks = points(len(base.requests), None if args.all else args.cuts)
            with ThreadPoolExecutor(args.jobs) as pool:
                cuts = list(pool.map(lambda k: cut_trial(site, k, base), ks))  # noqa: B023
            bad = [c for c in cuts if c.failures]
            tried += len(cuts)
            failed += len(bad)
            extra = [c.extra for c in cuts]
            reasks = Counter(len(c.reasked) for c in cuts)
            night = " (night 2)" if base.night1 else ""
            print(
                f"{site}{night}: R {len(base.requests)}, {len(cuts)} cuts, {len(bad)} failed;"
                f" requests beyond R: min {min(extra)} max {max(extra)}"
                f" mean {sum(extra) / len(extra):.1f}; re-asked paths by cut:"
                f" {dict(sorted(reasks.items()))}",
                flush=True,
            )
            worst = max(cuts, key=lambda c: len(c.reasked))
            if worst.reasked:
                print(f"    most re-asks at k={worst.k}: {worst.reasked[:6]}", flush=True)
            for c in bad:
                failing[site] += 1
                print(f"    FAIL k={c.k} ({base.requests[c.k - 1]}):", flush=True)
                for failure in c.failures:
                    print(f"        {failure}", flush=True)
    finally:
        shutil.rmtree(keep, ignore_errors=True)
    print(
        f"{tried} cut points over {len(args.sites.split(','))} mirrors in"
        f" {time.monotonic() - started:.0f} s: {failed} failed"
        + (f" ({', '.join(f'{s} {n}' for s, n in failing.items())})" if failing else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
