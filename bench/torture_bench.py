"""Torture harness: interrupted and overlapping crawls of the offline mirrors.

Each trial crawls one mirror (a bare profile: id, name, origin, hosts) into a fresh
archive through real ``newsarchive crawl`` processes, against a ``MirrorServer`` that
adds a random latency to every request, and:

* ``kill``: interrupts the crawl 1-3 times in a row at a random moment (SIGKILL mostly,
  SIGTERM or SIGINT in some trials; by elapsed time or by request count), checking the
  archive after each interruption, then runs it to completion and once more (a no-op);
* ``overlap``: starts two crawls of the same archive at once (one must exit 75, or
  wait its turn), then completes it;
* ``readers``: runs ``search``, ``export`` and ``stats`` in a loop while a crawl writes;
* ``upgrade``: an older release's archive opened by a crawl and two searches at once.

The other writers (``--kinds reextract,import-jsonl,import-warc,migrate,writers``), on a
generated corpus of ``CORPUS`` articles at one generic host (a JSON Lines file, a WARC
of its pages, and an archive of the WARC: each article with its capture):

* ``reextract``: half the titles made stale, a reextract (1 or 2 workers) interrupted
  1-2 times, then completed and run again (a no-op): no article, capture or key lost or
  doubled, each stale title kept as exactly one revision, none left in the index;
* ``import-jsonl``, ``import-warc``: an import interrupted 1-2 times (sometimes into an
  archive holding 40 of the records), then completed and run again: every archived
  article is a record whole, all are there once, the second run imports nothing;
* ``migrate``: an archive at schema v1 (sqlite-utils' two-column index) or v12 (some
  words stored with a soft hyphen inside) opened by a reader, a reextract or an import
  interrupted 1-3 times, then by a reader: at today's version, every article kept and
  indexed as in a new archive, each respelled row with one revision;
* ``writers``: two writers at once (a crawl of a mirror and a reextract either way
  round, two JSON Lines imports, a WARC import and a reextract): each exits 0 or 75 with
  one line, at least one finishes.

After each trial: the archived URL set is ``expected.json``'s exactly, one row each;
every article has its capture; ``articles_fts`` passes ``integrity-check``; ``PRAGMA
integrity_check`` is ok; no frontier entry is left queued or failed; no lock is held;
the no-op rerun makes at most 3 requests; exit codes are README's (130/143 on
SIGINT/SIGTERM, 75 for an overlapping run, 0 after completion); no traceback anywhere.

    PYTHONPATH=src python bench/torture_bench.py --trials 120 [--seed 1] [--sites zornitsa,...]
        [--kinds kill,overlap,readers,upgrade,reextract,import-jsonl,import-warc,migrate,writers]

Prints one line per failed invariant and a summary; exits 1 when any trial failed.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import gzip
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from newsarchive.archive.schema import SCHEMA_VERSION
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


def check_archive(
    trial: Trial, db: Path, when: str, expected: set[str] | None, *, captured: bool = True
) -> None:
    """The invariants that hold after any run, finished or not (``expected``: finished;
    ``captured``: every article has its capture, as a crawl's or a WARC's have)."""
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
        if captured:
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
            trial.check(not missing, f"{when}: {len(missing)} missing {sorted(missing)[:5]}")
            trial.check(not extra, f"{when}: {len(extra)} extra {sorted(extra)[:5]}")
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


# ---- the other writers: reextract, import-jsonl, import-warc, a migration, overlaps ----

# Words of the generated corpus (the bench's own, no page of any site): each article a
# title, a date, a byline and paragraphs of these, at one generic host.
_WORDS = (
    "общината кметът съветници бюджет улици ремонт училище детска градина читалище"
    " площад парк вода канализация транспорт автобус жители събрание проект средства"
    " europe програма конкурс решение заседание читалището библиотека празник концерт"
    " спорт стадион пътища осветление сметосъбиране данъци такси заявление срок"
).split()
HOST = "novini-izmislen.bg"
CORPUS = 300  # articles of each trial's archive: "a few hundred"


def corpus(n: int = CORPUS) -> list[dict[str, str]]:
    """``n`` articles, the same every run (a fixed seed): export's JSON Lines fields."""
    rng = random.Random(7)
    out = []
    for i in range(n):
        title = f"{rng.choice(_WORDS).capitalize()} {' '.join(rng.sample(_WORDS, 4))} {i}"
        paragraphs = [
            " ".join(rng.choices(_WORDS, k=rng.randint(25, 60))).capitalize() + "."
            for _ in range(rng.randint(3, 7))
        ]
        day = dt.date(2025, 1, 1) + dt.timedelta(days=i % 300)
        out.append({
            "site": HOST, "url": f"https://{HOST}/novini/{i + 1}-statia",
            "title": title, "published": day.isoformat(), "author": f"Автор {i % 9}",
            "text": "\n\n".join(paragraphs),
        })  # fmt: skip
    return out


def _page(record: dict[str, str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in record["text"].split("\n\n"))
    return (
        '<!doctype html><html lang="bg"><head><meta charset="utf-8">'
        f"<title>{record['title']} | Новини</title>"
        f'<meta property="article:published_time" content="{record["published"]}T09:00:00+02:00">'
        '</head><body><header><nav><a href="/">Начало</a> <a href="/novini">Новини</a></nav>'
        f"</header><main><article><h1>{record['title']}</h1>"
        f'<time datetime="{record["published"]}">{record["published"]}</time>'
        f'<p class="byline">Автор: {record["author"]}</p>{body}</article></main>'
        "<footer>Община Измислена</footer></body></html>"
    ).encode()


def write_jsonl(path: Path, records: list[dict[str, str]]) -> None:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )


def write_warc(path: Path, records: list[dict[str, str]]) -> None:
    """One gzip member a record, as wget and this tool's export write them."""
    with path.open("wb") as out:
        for number, record in enumerate(records):
            page = _page(record)
            http = (
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + f"Content-Length: {len(page)}\r\n\r\n".encode()
                + page
            )
            head = (
                "WARC/1.0\r\nWARC-Type: response\r\n"
                f"WARC-Target-URI: {record['url']}\r\nWARC-Date: 2026-06-01T10:00:00Z\r\n"
                f"WARC-Record-ID: <urn:uuid:0a1b2c3d-0000-4000-8000-{number:012d}>\r\n"
                "Content-Type: application/http; msgtype=response\r\n"
                f"Content-Length: {len(http)}\r\n\r\n"
            ).encode()
            out.write(gzip.compress(head + http + b"\r\n\r\n"))


@dataclass
class Sources:
    """Files every writer trial starts from, made once a bench run."""

    folder: Path
    records: list[dict[str, str]]
    jsonl: Path
    warc: Path
    archive: Path  # the WARC imported: CORPUS articles, each with its capture
    spans: dict[str, float] = field(default_factory=dict)  # kind -> seconds uninterrupted
    found: int = 0  # articles a search of 'общината' finds in an archive of the corpus

    @property
    def urls(self) -> set[str]:
        return {r["url"] for r in self.records}


def sources(folder: Path) -> Sources:
    records = corpus()
    made = Sources(folder, records, folder / "in.jsonl", folder / "in.warc.gz", folder / "a.db")
    write_jsonl(made.jsonl, records)
    write_warc(made.warc, records)
    for kind, args in (
        ("import-warc", ("import-warc", str(made.warc), "--db", str(made.archive))),
        ("import-jsonl", ("import-jsonl", str(made.jsonl), "--db", str(folder / "j.db"))),
        ("reextract", ("reextract", "--db", str(made.archive))),
    ):
        if kind == "reextract":  # (on a copy: the trials start from the imported one)
            shutil.copy(made.archive, folder / "r.db")
            _stale(folder / "r.db")
            args = (*args[:-1], str(folder / "r.db"))
        started = time.monotonic()
        done = cli(folder, *args)
        if done.returncode != 0:
            raise SystemExit(f"{kind} of the corpus fails: {done.stderr}")
        made.spans[kind] = time.monotonic() - started
    with closing(sqlite3.connect(folder / "j.db")) as conn:
        made.found = conn.execute(FOUND).fetchone()[0]
    for start in (1, 12):
        db = folder / f"v{start}.db"
        old_archive(folder, db, start)
        started = time.monotonic()
        done = cli(folder, "stats", "--db", str(db))
        if done.returncode != 0:
            raise SystemExit(f"the upgrade from v{start} fails: {done.stderr}")
        made.spans[f"migrate-v{start}"] = time.monotonic() - started
    return made


STALE = " (стара версия)"
FOUND = "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'общината'"


def _stale(db: Path) -> int:
    """Every other article's title as an older extractor wrote it: what a reextract
    rewrites (each keeping the stale one as a revision). How many."""
    with closing(sqlite3.connect(db)) as conn, conn:
        return conn.execute(
            f"UPDATE articles SET title = title || '{STALE}' WHERE id % 2 = 0"
        ).rowcount


def _counts(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db)) as conn:
        return {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("articles", "captures", "revisions", "article_urls")
        }


def kill_at(
    process: subprocess.Popen[str], at: float, signum: signal.Signals, group: bool = False
) -> bool:
    """Send ``signum`` after ``at`` seconds unless it ended first (``group``: to its
    process group, as a terminal's Ctrl-C or systemd's stop reaches every process of
    it, workers too); whether it was sent."""
    wait_until(lambda: process.poll() is not None, at)
    if process.poll() is not None:
        return False
    if group:
        os.killpg(process.pid, signum)
    else:
        process.send_signal(signum)
    return True


def _pick_signal(rng: random.Random) -> signal.Signals:
    return rng.choices([signal.SIGKILL, signal.SIGTERM, signal.SIGINT], weights=[6, 2, 2])[0]


def _run(tmp: Path, *args: str) -> subprocess.Popen[str]:
    """A command in a session of its own: ``_ended`` can end whatever it left running."""
    return subprocess.Popen(
        [sys.executable, "-m", "newsarchive", *args], env=env(tmp), stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True, start_new_session=True,
    )  # fmt: skip


def _ended(trial: Trial, process: subprocess.Popen[str], what: str) -> str:
    """Its stderr once it and every process it started have ended (a child left running
    holds the pipes open); one left after 60 s is a failure, and is killed."""
    try:
        _, err = process.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        trial.check(False, f"{what}: still running, or its children, 60 s on")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        _, err = process.communicate()
    return err


def interrupted(
    trial: Trial, tmp: Path, rng: random.Random, span: float, *args: str
) -> tuple[bool, int]:
    """Run ``args`` and interrupt it at a random moment; whether the signal was sent."""
    signum = _pick_signal(rng)
    process = _run(tmp, *args)
    at = rng.uniform(0.1, span * 1.1)
    group = signum is not signal.SIGKILL and rng.random() < 0.5
    sent = kill_at(process, at, signum, group)
    err = _ended(trial, process, f"{args[0]} after {signum.name}")
    code = process.returncode
    trial.detail.append(
        f"{signum.name}{' (group)' if group else ''}@{at:.2f}s->{code}"
        + ("" if sent else " (finished)")
    )
    allowed = {0} | (INTERRUPTED[signum] if sent else set())
    trial.check(code in allowed, f"{args[0]} {signum.name} exit {code}: {err[-400:]}")
    if signum is not signal.SIGKILL or not sent:
        no_traceback(trial, f"{args[0]} ({signum.name})", err)
    return sent, code


def _completes(trial: Trial, tmp: Path, what: str, *args: str) -> str:
    done = cli(tmp, *args)
    trial.check(done.returncode == 0, f"{what} exit {done.returncode}: {done.stderr[-400:]}")
    no_traceback(trial, what, done.stderr)
    return done.stdout


def _same_articles(trial: Trial, db: Path, when: str, records: list[dict[str, str]]) -> None:
    """Each archived article is one of ``records`` whole (its title and text as given,
    searchable by its title's words)."""
    by_url = {r["url"]: r for r in records}
    with closing(sqlite3.connect(db)) as conn:
        for url, title, text in conn.execute("SELECT url, title, text FROM articles"):
            record = by_url.get(url)
            if record is None:
                trial.check(False, f"{when}: an article not in the file: {url}")
                continue
            trial.check(
                title.startswith(record["title"]) and bool(text),
                f"{when}: {url} half-written: {title!r} {text[:60]!r}",
            )


def reextract_trial(trial: Trial, tmp: Path, rng: random.Random, made: Sources) -> None:
    db = tmp / "archive.db"
    shutil.copy(made.archive, db)
    stale = _stale(db)
    before = _counts(db)
    workers = rng.choice(["1", "2"])
    for round_ in range(rng.choice([1, 1, 2])):
        interrupted(
            trial, tmp, rng, made.spans["reextract"], "reextract", "-j", workers, "--db", str(db)
        )
        check_archive(trial, db, f"after round {round_}", None)
        counts = _counts(db)
        for table in ("articles", "captures", "article_urls"):
            trial.check(
                counts[table] == before[table],
                f"round {round_}: {table} {before[table]} -> {counts[table]}",
            )
    _completes(trial, tmp, "completing reextract", "reextract", "--db", str(db))
    check_archive(trial, db, "after completion", made.urls)
    out = _completes(trial, tmp, "a second reextract", "reextract", "--db", str(db))
    trial.check(" 0 changed" in out, f"a second reextract changed rows: {out.strip()}")
    with closing(sqlite3.connect(db)) as conn:
        left = conn.execute(
            f"SELECT count(*) FROM articles WHERE title LIKE '%{STALE}'"
        ).fetchone()[0]
        revised = conn.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM revisions WHERE title LIKE ?",
            (f"%{STALE}",),
        ).fetchone()
        found = conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'title:стара'"
        ).fetchone()[0]
    trial.check(left == 0, f"{left} stale titles left after completion")
    trial.check(
        revised == (stale, stale), f"revisions of the stale titles: {revised}, {stale} expected"
    )
    trial.check(found == 0, f"the index still finds {found} stale titles")


def import_trial(trial: Trial, tmp: Path, rng: random.Random, made: Sources) -> None:
    db = tmp / "archive.db"
    kind = trial.kind  # import-jsonl or import-warc
    source = made.jsonl if kind == "import-jsonl" else made.warc
    if rng.random() < 0.3:  # into an archive holding some of them already
        part = tmp / ("part.jsonl" if kind == "import-jsonl" else "part.warc.gz")
        (write_jsonl if kind == "import-jsonl" else write_warc)(part, made.records[:40])
        _completes(trial, tmp, "a first import", kind, str(part), "--db", str(db))
        trial.detail.append("40 first")
    for round_ in range(rng.choice([1, 1, 2])):
        interrupted(trial, tmp, rng, made.spans[kind], kind, str(source), "--db", str(db))
        check_archive(trial, db, f"after round {round_}", None, captured=kind == "import-warc")
        if db.exists() and _has_articles(db):
            _same_articles(trial, db, f"after round {round_}", made.records)
    _completes(trial, tmp, "completing import", kind, str(source), "--db", str(db))
    check_archive(trial, db, "after completion", made.urls, captured=kind == "import-warc")
    _same_articles(trial, db, "after completion", made.records)
    out = _completes(trial, tmp, "a second import", kind, str(source), "--db", str(db))
    trial.check("imported 0 new, 0 updated" in out, f"a second import: {out.strip()}")
    counts = _counts(db)
    if kind == "import-warc":
        trial.check(
            counts["captures"] == CORPUS, f"{counts['captures']} captures of {CORPUS} pages"
        )
    trial.check(counts["revisions"] == 0, f"{counts['revisions']} revisions of unchanged records")


def old_archive(tmp: Path, db: Path, version: int) -> int:
    """The corpus in an archive at schema ``version`` (1: as v1 wrote it, a two-column
    index sqlite-utils made; else today's file said to be at ``version``, some words
    stored with a soft hyphen inside as releases before v13 stored them); how many rows
    the upgrade must respell."""
    db.unlink(missing_ok=True)
    if version == 1:
        import sqlite_utils

        with closing(sqlite3.connect(db)) as conn:
            conn.executescript(V1_ARTICLES)
            sqlite_utils.Database(conn)["articles"].enable_fts(
                ["title", "text"], fts_version="FTS5", create_triggers=True,
                tokenize="unicode61 remove_diacritics 0",
            )  # fmt: skip
            conn.executemany(
                "INSERT INTO articles (site, url, title, published, published_date, author,"
                " text, fetched_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (r["site"], r["url"], r["title"], r["published"], r["published"],
                     r["author"], r["text"], "2025-06-01T00:00:00", "2025-06-01T00:00:00")
                    for r in corpus()
                ],
            )  # fmt: skip
            conn.execute("PRAGMA user_version = 1")
            conn.commit()
        return 0
    source = tmp / "old.jsonl"
    write_jsonl(source, corpus())
    done = cli(tmp, "import-jsonl", str(source), "--db", str(db))
    if done.returncode != 0:
        raise RuntimeError(done.stderr)
    with closing(sqlite3.connect(db)) as conn, conn:
        hidden = conn.execute(
            "UPDATE articles SET text = replace(text, 'общината', 'об\u00adщи\u00adната')"
            " WHERE id % 3 = 0 AND text LIKE '%общината%'"
        ).rowcount
        conn.execute(f"PRAGMA user_version = {version}")
    return hidden


V1_ARTICLES = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY, site TEXT NOT NULL, url TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL DEFAULT '', published TEXT, published_date TEXT, author TEXT,
    tags TEXT NOT NULL DEFAULT '[]', text TEXT NOT NULL DEFAULT '', fetched_at TEXT NOT NULL,
    updated_at TEXT NOT NULL, source_url TEXT, capture_id INTEGER
);
"""
READERS = (("stats",), ("search", "общината"), ("export", "--format", "csv"))


def migrate_trial(trial: Trial, tmp: Path, rng: random.Random, made: Sources) -> None:
    db = tmp / "archive.db"
    start = rng.choice([1, 12])
    hidden = old_archive(tmp, db, start)
    trial.detail.append(f"v{start}")
    for round_ in range(rng.choice([1, 1, 2, 3])):
        empty = tmp / "none.jsonl"
        empty.write_text("", encoding="utf-8")
        command = rng.choice([*READERS, ("reextract",), ("import-jsonl", str(empty))])
        process = _run(tmp, *command, "--db", str(db))
        signum = _pick_signal(rng)
        at = rng.uniform(0.1, made.spans[f"migrate-v{start}"] * 1.1)
        sent = kill_at(process, at, signum, signum is signal.SIGINT and rng.random() < 0.5)
        err = _ended(trial, process, f"{command[0]} after {signum.name}")
        trial.detail.append(f"{command[0]} {signum.name}@{at:.2f}s->{process.returncode}")
        allowed = {0, 1} | (INTERRUPTED[signum] if sent else set())
        trial.check(
            process.returncode in allowed, f"{command[0]} exit {process.returncode}: {err[-400:]}"
        )
        if signum is not signal.SIGKILL or not sent:
            no_traceback(trial, f"{command[0]} ({signum.name})", err)
        with closing(sqlite3.connect(db)) as conn:
            check = conn.execute("PRAGMA integrity_check").fetchone()[0]
            count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        trial.check(check == "ok", f"round {round_}: integrity_check {check}")
        trial.check(count == CORPUS, f"round {round_}: {count} articles of {CORPUS}")
    _completes(trial, tmp, "the next command", *rng.choice(READERS), "--db", str(db))
    check_archive(trial, db, "after the upgrade", made.urls, captured=False)
    with closing(sqlite3.connect(db)) as conn:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        found = conn.execute(FOUND).fetchone()[0]
        revised = conn.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM revisions"
        ).fetchone()
        lemmas = conn.execute("SELECT count(*) FROM articles WHERE text_lemmas = ''").fetchone()[0]
    trial.check(version == SCHEMA_VERSION, f"left at v{version}")
    trial.check(found == made.found, f"'общината' finds {found}, {made.found} in a new archive")
    trial.check(revised == (hidden, hidden), f"revisions {revised}, {hidden} rows respelled")
    trial.check(lemmas == 0, f"{lemmas} articles without lemmas")


def writers_overlap_trial(trial: Trial, tmp: Path, rng: random.Random, made: Sources) -> None:
    """Two writers at once: the second exits 75 with one line (or runs after the first)."""
    db = tmp / "archive.db"
    pair = rng.choice(["crawl+reextract", "reextract+crawl", "import-jsonl+import-jsonl",
                       "import-warc+reextract", "reextract+import-jsonl", "import-jsonl+bad",
                       "bad+import-jsonl"])  # fmt: skip
    first, second = pair.split("+")
    bad = tmp / "bad.jsonl"  # a few good records, then one that is no JSON: nothing imported
    write_jsonl(bad, made.records[:3])
    with bad.open("a", encoding="utf-8") as out:
        out.write("{not json\n")
    if first not in ("import-jsonl", "bad"):
        shutil.copy(made.archive, db)
        _stale(db)
    site = rng.choice(list(BARE))
    with SlowMirror(SITES / site, 0.01, rng) as server:

        def start(what: str) -> subprocess.Popen[str]:
            if what == "crawl":
                return crawl(tmp, site, server, db, 0.01)
            if what == "reextract":
                return _run(tmp, "reextract", "--db", str(db))
            if what == "bad":
                return _run(tmp, "import-jsonl", str(bad), "--db", str(db))
            source = made.jsonl if what == "import-jsonl" else made.warc
            return _run(tmp, what, str(source), "--db", str(db))

        a = start(first)
        gap = rng.choice([0, 0.05, 0.2, 0.5, 1.0])
        time.sleep(gap)
        b = start(second)
        _, err_a = a.communicate(timeout=300)
        _, err_b = b.communicate(timeout=300)
    trial.detail.append(f"{pair} gap {gap}: {a.returncode}, {b.returncode}")
    for name, err, code in ((first, err_a, a.returncode), (second, err_b, b.returncode)):
        trial.check(
            code in ((2, 75) if name == "bad" else (0, 75)), f"{name} exit {code}: {err[-400:]}"
        )
        no_traceback(trial, name, err)
        if code in (2, 75):
            trial.check(err.count("\n") == 1, f"{name} exit {code} said: {err!r}")
    if "bad" in pair:  # the good import's records are all there, whatever the bad one did
        good = a if first == "import-jsonl" else b
        trial.check(good.returncode == 75 or (db.exists() and _counts(db)["articles"] == CORPUS),
                    "the good import's articles lost")  # fmt: skip
    else:
        trial.check(a.returncode == 0 or b.returncode == 0, "neither finished")
    if db.exists():  # (a JSON Lines record replacing an article's text leaves it no capture)
        check_archive(trial, db, "after two writers", None, captured="import-jsonl" not in pair)


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
    writers = {"reextract", "import-jsonl", "import-warc", "migrate", "writers"}
    made: Sources | None = None
    kept = tempfile.TemporaryDirectory(prefix="torture-sources-")
    if writers & set(kinds):
        made = sources(Path(kept.name))
        print("writers' spans: " + ", ".join(f"{k} {t:.2f} s" for k, t in made.spans.items()))
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
                elif trial.kind in writers:
                    assert made is not None
                    {
                        "reextract": reextract_trial, "import-jsonl": import_trial,
                        "import-warc": import_trial, "migrate": migrate_trial,
                        "writers": writers_overlap_trial,
                    }[trial.kind](trial, tmp, trial_rng, made)  # fmt: skip
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
    kept.cleanup()
    print(
        f"{args.trials} trials ({', '.join(f'{k} {n}' for k, n in counts.items())}) in"
        f" {time.monotonic() - started:.0f} s: {len(failed)} failed"
        + (f" (#{', #'.join(str(t.number) for t in failed)})" if failed else "")
    )
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
