"""Torture harness: interrupted and overlapping crawls of the offline mirrors.

Each trial crawls one mirror (a bare profile: id, name, origin, hosts) into a fresh
archive through real ``newsarchive crawl`` processes, against a ``MirrorServer`` that
adds a random latency to every request, and:

* ``kill``: interrupts the crawl 1-3 times in a row at a random moment (SIGKILL mostly,
  SIGTERM or SIGINT in some trials; by elapsed time or by request count), checking the
  archive after each interruption, then runs it to completion and once more (a no-op);
* ``overlap``: starts two crawls of the same archive at once (one must exit 75, or
  wait its turn), then completes it;
* ``readers``: runs ``search``, ``export`` and ``stats`` in a loop while a crawl writes.

After each trial: the archived URL set is ``expected.json``'s exactly, one row each;
every article has its capture; ``articles_fts`` passes ``integrity-check``; ``PRAGMA
integrity_check`` is ok; no frontier entry is left queued or failed; no lock is held;
the no-op rerun makes at most 3 requests; exit codes are README's (130/143 on
SIGINT/SIGTERM, 75 for an overlapping run, 0 after completion); no traceback anywhere.

    PYTHONPATH=src python bench/torture_bench.py --trials 120 [--seed 1] [--sites zornitsa,...]

Prints one line per failed invariant and a summary; exits 1 when any trial failed.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.mirror import MirrorServer

ROOT = Path(__file__).resolve().parents[1]
SITES = ROOT / "tests" / "fixtures" / "sites"

# id -> (name, origin, hosts): shapes as unlike as the mirrors have
BARE = {
    "zornitsa": ("Община Зорница", "https://zornitsa.bg", []),  # WordPress, AMP, wp-sitemap
    "kalinovo": ("Община Калиново", "https://kalinovo.bg", []),  # session ids, redirects
    "belorechie": ("Община Белоречие", "https://belorechie.bg", []),  # 3 sections, PDFs
    "iskra-vedrovo": ("НЧ „Искра 1911“ – с. Ведрово", "https://iskra-vedrovo.blogspot.com", []),
    "primer": ("Община Примерна", "https://www.primer-obshtina.bg", ["www.primer-obshtina.bg"]),
    "dabravino": ("Община Дъбравино", "https://www.dabravino.bg", []),  # Joomla
    "bregovitsa": ("Глас на Бреговица", "https://glasbregovitsa.bg", []),  # Next.js, gz index
    "drenavo": ("Община Дренаво", "http://www.drenavo.bg", []),  # archive by month, /en/
    "rechitsa": ("Община Речица", "https://www.rechitsa.bg", []),  # clickable rows, Atom
    "tihorechie": ("Община Тихоречие", "http://www.tihorechie.org", []),  # one layout table
}
SETTLED = ("done", "gone", "disallowed", "old", "not-a-page", "translation")


class SlowMirror(MirrorServer):
    """A ``MirrorServer`` sleeping a random ``0..latency`` seconds before each answer, and
    answering a share ``fail_rate`` of them (robots.txt aside) 503."""

    def __init__(self, root: Path, latency: float, rng: random.Random) -> None:
        self.latency = latency
        self.fail_rate = 0.0
        self._rng = rng
        super().__init__(root, intercept=self._busy, quiet=True)

    def _busy(self, path: str) -> int | None:
        time.sleep(self._rng.uniform(0, self.latency))
        return 503 if path != "/robots.txt" and self._rng.random() < self.fail_rate else None


@dataclass
class Trial:
    number: int
    kind: str
    site: str
    detail: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def check(self, ok: bool, what: str) -> None:
        if not ok:
            self.failures.append(what)


SRC = ROOT / "src"  # --src: another checkout's, to count failures before a fix
UPGRADE = ROOT / "tests" / "fixtures" / "archives" / "v8-session-ids.db"  # kalinovo, schema v8


def env(tmp: Path) -> dict[str, str]:
    src = str(SRC)
    path = os.environ.get("PYTHONPATH")
    return {
        **os.environ,
        "PYTHONPATH": f"{src}{os.pathsep}{path}" if path else src,
        "NEWSARCHIVE_PROFILES": str(tmp / "no-user-profiles"),
        "NEWSARCHIVE_BACKOFF": "0.01",
    }


def profile(tmp: Path, site: str) -> Path:
    name, origin, hosts = BARE[site]
    path = tmp / f"{site}.toml"
    text = f'id = "{site}"\nname = "{name}"\norigin = "{origin}"\n'
    if hosts:
        text += f"hosts = {json.dumps(hosts)}\n"
    path.write_text(text, encoding="utf-8")
    return path


def crawl(
    tmp: Path,
    site: str,
    server: MirrorServer,
    db: Path,
    delay: float,
    connections: int = 2,
    retries: int | None = None,
) -> subprocess.Popen[str]:
    command = [
        sys.executable, "-m", "newsarchive", "crawl", site, "--profile", str(profile(tmp, site)),
        "--base-url", server.url, "--delay", str(delay), "--db", str(db),
        "--connections", str(connections),
    ]  # fmt: skip
    environment = env(tmp)
    if retries is not None:
        environment["NEWSARCHIVE_RETRIES"] = str(retries)
    return subprocess.Popen(
        command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def cli(tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsarchive", *args],
        env=env(tmp),
        capture_output=True,
        text=True,
        timeout=120,
    )


def wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.005)
    return False


def lock_free(db: Path) -> bool:
    lock = db.with_name(db.name + ".lock")
    if not lock.exists():
        return True
    fd = os.open(lock, os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


def check_archive(trial: Trial, db: Path, when: str, expected: set[str] | None) -> None:
    """The invariants that hold after any run, finished or not (``expected``: finished)."""
    trial.check(lock_free(db), f"{when}: the lock is still held")
    if not db.exists():
        trial.check(expected is None, f"{when}: no archive")
        return
    conn = sqlite3.connect(db, timeout=30)
    try:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "articles" not in tables:
            trial.check(expected is None, f"{when}: no articles table")
            return
        check = conn.execute("PRAGMA integrity_check").fetchone()[0]
        trial.check(check == "ok", f"{when}: integrity_check: {check}")
        try:
            conn.execute(
                "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)"
            )
        except sqlite3.DatabaseError as exc:
            trial.check(False, f"{when}: FTS integrity-check: {exc}")
        urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
        dupes = [u for u, n in Counter(urls).items() if n > 1]
        trial.check(not dupes, f"{when}: duplicate articles {dupes}")
        fts = conn.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        trial.check(fts == len(urls), f"{when}: {fts} FTS rows for {len(urls)} articles")
        orphans = conn.execute(
            "SELECT count(*) FROM articles a WHERE capture_id IS NULL OR NOT EXISTS"
            " (SELECT 1 FROM captures c WHERE c.id = a.capture_id AND c.article_id = a.id)"
        ).fetchone()[0]
        trial.check(orphans == 0, f"{when}: {orphans} articles without their capture")
        keyless = conn.execute(
            "SELECT count(*) FROM articles a WHERE NOT EXISTS"
            " (SELECT 1 FROM article_urls u WHERE u.article_id = a.id)"
        ).fetchone()[0]
        trial.check(keyless == 0, f"{when}: {keyless} articles no URL key leads to")
        done_missing = conn.execute(
            "SELECT f.url FROM frontier f WHERE f.state = 'done' AND NOT EXISTS"
            " (SELECT 1 FROM article_urls u WHERE u.url_key = f.url_key)"
        ).fetchall()
        trial.check(not done_missing, f"{when}: done but not archived: {done_missing[:3]}")
        if expected is not None:
            missing, extra = expected - set(urls), set(urls) - expected
            trial.check(not missing, f"{when}: missing {sorted(missing)}")
            trial.check(not extra, f"{when}: extra {sorted(extra)}")
            stuck = conn.execute(
                "SELECT url, state, attempts FROM frontier WHERE state NOT IN"
                f" ({','.join('?' * len(SETTLED))})",
                SETTLED,
            ).fetchall()
            trial.check(not stuck, f"{when}: frontier entries not settled: {stuck[:4]}")
            unfinished = conn.execute(
                "SELECT count(*) FROM runs WHERE finished_at IS NULL AND id ="
                " (SELECT max(id) FROM runs)"
            ).fetchone()[0]
            trial.check(unfinished == 0, f"{when}: the last run is not recorded as finished")
    finally:
        conn.close()


def no_traceback(trial: Trial, what: str, err: str) -> None:
    trial.check("Traceback" not in err, f"{what}: traceback: {err[-600:]}")
    trial.check("database is locked" not in err, f"{what}: database is locked: {err[-300:]}")


INTERRUPTED = {
    signal.SIGKILL: {-signal.SIGKILL},
    signal.SIGTERM: {143, -signal.SIGTERM},  # -15: killed before the handler was installed
    signal.SIGINT: {130, -signal.SIGINT},
}


def finish(trial: Trial, tmp: Path, server: SlowMirror, db: Path, expected: set[str]) -> None:
    """Run to completion, check, then a no-op rerun of at most 3 requests."""
    done = crawl(tmp, trial.site, server, db, 0)
    out, err = done.communicate(timeout=300)
    trial.check(done.returncode == 0, f"completing run exit {done.returncode}: {err[-400:]}")
    no_traceback(trial, "completing run", err)
    check_archive(trial, db, "after completion", expected)
    server.latency = 0
    before = len(server.requests)
    rerun = crawl(tmp, trial.site, server, db, 0)
    out, err = rerun.communicate(timeout=300)
    spent = server.requests[before:]
    trial.check(rerun.returncode == 0, f"no-op rerun exit {rerun.returncode}: {err[-400:]}")
    trial.check(len(spent) <= 3, f"no-op rerun made {len(spent)} requests: {spent[:8]}")
    trial.check(" 0 new" in out, f"no-op rerun archived something: {out.strip()}")
    no_traceback(trial, "no-op rerun", err)
    check_archive(trial, db, "after the no-op rerun", expected)


def kill_trial(
    trial: Trial, tmp: Path, rng: random.Random, span: float, span_requests: int
) -> None:
    expected = expected_urls(trial.site)
    db = tmp / "archive.db"
    latency = rng.choice([0.0, 0.01, 0.03])
    with SlowMirror(SITES / trial.site, latency, rng) as server:
        for round_ in range(rng.choice([1, 1, 2, 3])):
            signum = rng.choices(
                [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], weights=[6, 2, 2]
            )[0]
            delay = rng.choice([0, 0, 0.02, 0.05])
            connections = rng.choice([1, 2, 4])
            server.fail_rate = rng.choice([0, 0, 0.1])  # transient 503s, some not retried
            retries = rng.choice([None, 0]) if server.fail_rate else None
            process = crawl(tmp, trial.site, server, db, delay, connections, retries)
            before = len(server.requests)
            if rng.random() < 0.5:
                at = rng.uniform(0.2, span * (1 + latency * 20 + delay * 10))
                how = f"{at:.2f}s"
                wait_until(lambda: process.poll() is not None, at)  # noqa: B023
            else:
                n = rng.randint(1, max(1, span_requests))
                how = f"request {n}"
                wait_until(
                    lambda: len(server.requests) - before >= n or process.poll() is not None,  # noqa: B023
                    60,
                )
            finished = process.poll() is not None
            if not finished:
                process.send_signal(signum)
            try:
                out, err = process.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                _, err = process.communicate()
                trial.check(False, f"round {round_}: {signum.name} did not end the crawl in 60 s")
            trial.detail.append(
                f"{signum.name}@{how}/d{delay}/l{latency}/c{connections}/f{server.fail_rate}"
                f"/r{retries}->{process.returncode}" + (" (finished first)" if finished else "")
            )
            allowed = {0, 1} if finished else INTERRUPTED[signum] | {0, 1}
            if not finished and process.returncode == 0:  # it ended as the signal was sent?
                trial.detail.append(f"exit 0 after the signal: {out.strip()!r} {err.strip()!r}")
            trial.check(
                process.returncode in allowed,
                f"round {round_}: {signum.name} exit {process.returncode}: {err[-400:]}",
            )
            if signum is not signal.SIGKILL or finished:
                no_traceback(trial, f"round {round_} ({signum.name})", err)
            check_archive(trial, db, f"after round {round_} ({signum.name})", None)
        server.fail_rate = 0
        finish(trial, tmp, server, db, expected)


def overlap_trial(trial: Trial, tmp: Path, rng: random.Random) -> None:
    expected = expected_urls(trial.site)
    db = tmp / "archive.db"
    latency = rng.choice([0.0, 0.01, 0.02])
    with SlowMirror(SITES / trial.site, latency, rng) as server:
        if rng.random() < 0.3:  # an archive a first (killed) run created already
            first = crawl(tmp, trial.site, server, db, 0)
            wait_until(lambda: len(server.requests) >= 3 or first.poll() is not None, 60)
            first.kill()
            first.communicate()
        gap = rng.choice([0, 0, 0.01, 0.05, 0.2])
        a = crawl(tmp, trial.site, server, db, 0.01)
        time.sleep(gap)
        b = crawl(tmp, trial.site, server, db, 0.01)
        _, err_a = a.communicate(timeout=300)
        _, err_b = b.communicate(timeout=300)
        codes = sorted([a.returncode, b.returncode])
        trial.detail.append(f"gap {gap} latency {latency}: exits {a.returncode}, {b.returncode}")
        trial.check(codes in ([0, 75], [0, 0]), f"overlapping exits {codes}: {err_a} | {err_b}")
        for name, err, code in (("first", err_a, a.returncode), ("second", err_b, b.returncode)):
            no_traceback(trial, f"{name} of two", err)
            if code == 75:
                trial.check(err.count("\n") == 1, f"{name} exit 75 said: {err!r}")
        check_archive(trial, db, "after two at once", None)
        finish(trial, tmp, server, db, expected)


def readers_trial(trial: Trial, tmp: Path, rng: random.Random) -> None:
    expected = expected_urls(trial.site)
    db = tmp / "archive.db"
    with SlowMirror(SITES / trial.site, 0.02, rng) as server:
        writer = crawl(tmp, trial.site, server, db, 0.02)
        # from the first article on: before it, "no archive" is the documented answer
        wait_until(lambda: _has_articles(db) or writer.poll() is not None, 60)
        reads = 0
        while writer.poll() is None:
            args = rng.choice([
                ("search", "общината", "--format", "json"),
                ("export",),
                ("export", "--format", "csv"),
                ("stats", "--format", "json"),
                ("search", "--site", trial.site),
            ])  # fmt: skip
            got = cli(tmp, *args, "--db", str(db))
            reads += 1
            trial.check(
                got.returncode in (0, 1) and "error" not in got.stderr,
                f"{' '.join(args)} while crawling: exit {got.returncode}: {got.stderr[-400:]}",
            )
            no_traceback(trial, f"{args[0]} while crawling", got.stderr)
        _, err = writer.communicate(timeout=300)
        trial.detail.append(f"{reads} reads during the crawl")
        trial.check(writer.returncode == 0, f"crawl beside readers exit {writer.returncode}: {err}")
        no_traceback(trial, "crawl beside readers", err)
        check_archive(trial, db, "after the crawl beside readers", expected)
        finish(trial, tmp, server, db, expected)


def upgrade_trial(trial: Trial, tmp: Path, rng: random.Random) -> None:
    """An archive an older release wrote, opened by a crawl and two searches at once: each
    upgrades it first, and none may fail ("database is locked") or upgrade it twice."""
    db = tmp / "archive.db"
    db.write_bytes(UPGRADE.read_bytes())
    with SlowMirror(SITES / "kalinovo", 0.0, rng) as server:
        order = ["crawl", "search", "search"]
        rng.shuffle(order)
        started: list[tuple[str, subprocess.Popen[str]]] = []
        for what in order:
            if what == "crawl":
                process = crawl(tmp, "kalinovo", server, db, 0)
            else:
                process = subprocess.Popen(
                    [sys.executable, "-m", "newsarchive", "search", "общината", "--db", str(db)],
                    env=env(tmp), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                )  # fmt: skip
            started.append((what, process))
            time.sleep(rng.choice([0, 0.01, 0.05]))
        if rng.random() < 0.5:  # the crawl killed while it upgrades (or reads, or writes)
            time.sleep(rng.uniform(0, 0.8))
            next(p for w, p in started if w == "crawl").kill()
        for what, process in started:
            _, err = process.communicate(timeout=300)
            killed = process.returncode == -signal.SIGKILL
            trial.check(
                process.returncode in (0, 1) or killed, f"{what} exit {process.returncode}: {err}"
            )
            if not killed:
                no_traceback(trial, what, err)
        trial.detail.append(" ".join(f"{w} {p.returncode}" for w, p in started))
        check_archive(trial, db, "after the upgrade", None)
        again = crawl(tmp, "kalinovo", server, db, 0)
        _, err = again.communicate(timeout=300)
        trial.check(
            again.returncode == 0, f"crawl after the upgrade exit {again.returncode}: {err}"
        )
        with sqlite3.connect(db) as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            merged = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        trial.check(version >= 10, f"archive left at schema v{version}")
        trial.check(merged >= 8, f"{merged} articles after the upgrade, 8 before it")


def _has_articles(db: Path) -> bool:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return bool(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def expected_urls(site: str) -> set[str]:
    rows = json.loads((SITES / site / "expected.json").read_text(encoding="utf-8"))
    return {row["url"] for row in rows}


def baseline(site: str) -> tuple[float, int]:
    """Seconds and requests an uninterrupted crawl of ``site`` takes (where to aim)."""
    with tempfile.TemporaryDirectory() as folder, MirrorServer(SITES / site) as server:
        tmp = Path(folder)
        started = time.monotonic()
        process = crawl(tmp, site, server, tmp / "a.db", 0)
        _, err = process.communicate(timeout=300)
        if process.returncode != 0:
            raise SystemExit(f"{site}: a plain crawl fails: {err}")
        return time.monotonic() - started, len(server.requests)


def main() -> int:
    global SRC  # noqa: PLW0603
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    # 40 in `make bench` (a few minutes); 120+ for a real hunt, as the docstring says
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sites", default=",".join(BARE))
    parser.add_argument("--kinds", default="kill,kill,kill,kill,overlap,readers,upgrade")
    parser.add_argument("--src", type=Path, default=SRC, help="the newsarchive sources to run")
    args = parser.parse_args()
    SRC = args.src.resolve()
    # a background job starts with SIGINT ignored, and its children inherit that: the
    # crawls must start with the default disposition, as from a terminal or cron
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sites = args.sites.split(",")
    kinds = args.kinds.split(",")
    rng = random.Random(args.seed)
    spans = {site: baseline(site) for site in sites}
    print(
        "baseline: " + ", ".join(f"{s} {t:.2f} s {n} requests" for s, (t, n) in spans.items()),
        flush=True,
    )
    failed: list[Trial] = []
    counts: Counter[str] = Counter()
    started = time.monotonic()
    for number in range(args.trials):
        trial = Trial(
            number, kinds[number % len(kinds)], sites[(number // len(kinds)) % len(sites)]
        )
        trial_rng = random.Random(rng.random())
        counts[trial.kind] += 1
        with tempfile.TemporaryDirectory() as folder:
            tmp = Path(folder)
            try:
                if trial.kind == "kill":
                    kill_trial(trial, tmp, trial_rng, *spans[trial.site])
                elif trial.kind == "upgrade":
                    upgrade_trial(trial, tmp, trial_rng)
                elif trial.kind == "overlap":
                    overlap_trial(trial, tmp, trial_rng)
                else:
                    readers_trial(trial, tmp, trial_rng)
            except Exception as exc:  # the harness's own trouble is a failure too
                trial.failures.append(f"harness: {type(exc).__name__}: {exc}")
        state = "FAIL" if trial.failures else "ok"
        print(f"#{number} {trial.kind} {trial.site} {state} {'; '.join(trial.detail)}", flush=True)
        for failure in trial.failures:
            print(f"    {failure}", flush=True)
        if trial.failures:
            failed.append(trial)
    print(
        f"{args.trials} trials ({', '.join(f'{k} {n}' for k, n in counts.items())}) in"
        f" {time.monotonic() - started:.0f} s: {len(failed)} failed"
        + (f" (#{', #'.join(str(t.number) for t in failed)})" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
