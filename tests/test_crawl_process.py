"""Real processes: kill -9 mid-crawl and resume, SIGTERM, overlapping runs, reads during a crawl."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsarchive.archive.lock import CrawlLock
from newsarchive.archive.schema import ensure_schema
from newsarchive.errors import LockHeld

from .faultserver import FaultServer, write_profile
from .support import Result


@pytest.fixture
def slow_site() -> Iterator[FaultServer]:
    with FaultServer(articles=40, per_page=10, faults=False, article_delay=0.04) as server:
        yield server


@pytest.fixture
def held_site() -> Iterator[Callable[[int], FaultServer]]:
    """A site of 40 articles whose article after the first ``after`` is answered only
    when the test sets its ``release``: the crawl is still running, whatever the
    machine's load, when the test signals, kills or overlaps it. A crawl of a set
    length (``slow_site``'s 1.6 s, then one of 20 s) was a race against the test's own
    pace and the second process's start."""
    with contextlib.ExitStack() as stack:

        def serve(after: int) -> FaultServer:
            site = FaultServer(articles=40, per_page=10, faults=False, hold_after=after)
            return stack.enter_context(site)

        yield serve


def start_crawl(server: FaultServer, db: Path, *extra: str) -> subprocess.Popen[str]:
    profile = write_profile(db.parent)
    env = {
        **os.environ,
        "NEWSARCHIVE_PROFILES": str(db.parent / "no-user-profiles"),
        "NEWSARCHIVE_BACKOFF": "0.01",
    }
    command = [
        sys.executable, "-m", "newsarchive", "crawl", "fault", "--profile", str(profile),
        "--base-url", server.url, "--delay", "0", "--connections", "1", "--db", str(db), *extra,
    ]  # fmt: skip
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def crawl_in_process(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, server: FaultServer, db: Path
) -> Result:
    """``start_crawl``'s command run by the CLI in this process: for the run after an
    interrupted one, which reads only what that one left in the archive."""
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")
    profile = write_profile(db.parent)
    return run_cli(
        "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
        "--delay", "0", "--connections", "1", "--db", str(db),
    )  # fmt: skip


def count_articles(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:
        return 0  # schema not created yet


def wait_for(predicate: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        time.sleep(0.02)


def test_kill_9_mid_crawl_then_rerun_archives_everything_once(
    run_cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    held_site: Callable[[int], FaultServer],
    db: Path,
) -> None:
    site = held_site(14)  # past the first listing page
    process = start_crawl(site, db)
    try:
        wait_for(lambda: count_articles(db) >= 14)
    finally:
        process.kill()
        process.communicate()
        site.release.set()
    assert process.returncode == -signal.SIGKILL
    partial = count_articles(db)
    assert partial < 40
    rerun = crawl_in_process(run_cli, monkeypatch, site, db)
    assert rerun.exit_code == 0, rerun.stderr
    out = rerun.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        urls = [r[0] for r in conn.execute("SELECT url FROM articles")]
        walks = conn.execute(
            "SELECT count(*) FROM listing_walks WHERE resume_url IS NOT NULL OR NOT completed"
        ).fetchone()[0]
    assert sorted(urls) == sorted(site.archivable_urls())
    assert walks == 0  # the deep walk reached its end: no resume point left
    assert f"{40 - partial} new" in out
    # a killed night said nothing (cron mails nothing for a SIGKILL, the log stops
    # mid-line): the next run's one line says so; the run after it, nothing
    assert rerun.stderr == (
        f"newsarchive: warning: the last crawl of this archive (pid {process.pid}) ended"
        " without releasing it (killed, or the machine stopped): this run resumed its work\n"
    )
    assert crawl_in_process(run_cli, monkeypatch, site, db).stderr == ""


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_sigterm_sigint_finish_page_in_hand_save_state_and_exit_143_130(
    run_cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    held_site: Callable[[int], FaultServer],
    db: Path,
    signum: signal.Signals,
) -> None:
    site = held_site(3)
    process = start_crawl(site, db)
    wait_for(lambda: count_articles(db) >= 3)
    process.send_signal(signum)
    site.release.set()  # the page in hand, finished
    out, err = process.communicate(timeout=20)
    assert process.returncode == 128 + signum, err
    assert "interrupted" in out
    assert "Traceback" not in err
    with sqlite3.connect(db) as conn:
        status = conn.execute("SELECT status, finished_at FROM runs").fetchone()
        queued = conn.execute("SELECT count(*) FROM frontier WHERE state = 'queued'").fetchone()
    assert status[0] == 128 + signum and status[1]
    assert queued[0] > 0  # what was queued stays queued for the next run
    rerun = crawl_in_process(run_cli, monkeypatch, site, db)
    assert rerun.exit_code == 0, rerun.stderr
    assert count_articles(db) == 40


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_quiet_crawl_stopped_by_a_signal_says_so_in_one_line(
    held_site: Callable[[int], FaultServer], db: Path, signum: signal.Signals
) -> None:
    """A nightly `crawl --quiet` stopped by a wrapper's `timeout` (SIGTERM) printed nothing:
    cron mails only output, so nobody learnt the run had not done its work."""
    site = held_site(3)
    log = db.parent / "crawl.log"
    process = start_crawl(site, db, "--quiet", "--log-file", str(log))
    wait_for(lambda: count_articles(db) >= 3)
    process.send_signal(signum)
    site.release.set()  # the page in hand, finished
    out, err = process.communicate(timeout=20)
    assert process.returncode == 128 + signum, err
    assert out == ""
    assert err.splitlines() == [
        f"newsarchive: stopped by {signum.name} (exit {128 + signum}): what was fetched is"
        " archived; the next run resumes"
    ]
    said = f"stopped by {signum.name}: what was fetched is archived; the next run resumes"
    # the log kept by the night: its sites' lines said "interrupted", not the run's end
    assert (
        log.read_text(encoding="utf-8")
        .splitlines()[-1]
        .endswith(f" {said} (exit status {128 + signum})")
    )


# The console command, after an audit hook that sends the process a real SIGINT the first
# time it opens a file whose name ends with the given one: a moment of the crawl's own
# start, the same on every machine (no sleep).
_INTERRUPTED_AT_OPEN = """
import os, signal, sys
name, sent = sys.argv.pop(1), []
def hook(event, args):
    if event == "open" and str(args[0]).endswith(name) and not sent:
        sent.append(name)
        os.kill(os.getpid(), signal.SIGINT)
sys.addaudithook(hook)
from newsarchive.entry import main
sys.exit(main())
"""


@pytest.mark.parametrize("opened", ["fault.toml", ".db.lock"])
def test_ctrl_c_before_the_first_fetch_is_said_and_exits_130(
    slow_site: FaultServer, db: Path, opened: str
) -> None:
    """A Ctrl-C while the crawl reads its profiles or takes the archive's lock (before its
    own handler stands) exited 130 without a word: Typer turns KeyboardInterrupt into a
    silent exit. It is said as a Ctrl-C anywhere else is, and nothing is fetched."""
    profile = write_profile(db.parent)
    env = {**os.environ, "NEWSARCHIVE_PROFILES": str(db.parent / "no-user-profiles")}
    command = [
        sys.executable, "-c", _INTERRUPTED_AT_OPEN, opened, "crawl", "fault",
        "--profile", str(profile), "--base-url", slow_site.url, "--delay", "0", "--db", str(db),
    ]  # fmt: skip
    process = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=60,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    assert process.returncode == 130, process.stderr
    assert process.stderr == "newsarchive: interrupted\n", process.stderr
    assert slow_site.requests == []


# The console command, with an audit hook that sends the process a real signal: at the
# first open of a file whose name ends with the given one (before the crawl's handlers
# stand), or, with "twice", at a site's first connection (the crawl under way), then
# again once the crawl's handler ran (it puts back the one before it): a second Ctrl-C.
_SIGNALLED = """
import os, signal, sys, threading, time
when, number, sent = sys.argv.pop(1), signal.Signals[sys.argv.pop(1)], []
def hook(event, args):
    if sent:
        return
    if when == "twice" and event == "socket.connect":
        if threading.current_thread() is threading.main_thread():
            return
        sent.append(event)
        crawls = signal.getsignal(number)
        os.kill(os.getpid(), number)
        while signal.getsignal(number) is crawls:
            time.sleep(0.01)
        os.kill(os.getpid(), number)
    elif event == "open" and str(args[0]).endswith(when):
        sent.append(event)
        os.kill(os.getpid(), number)
sys.addaudithook(hook)
from newsarchive.entry import main
sys.exit(main())
"""


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
@pytest.mark.parametrize("when", ["fault.toml", ".db.lock", "twice"])
def test_every_ending_by_a_signal_is_the_last_line_of_the_log(
    slow_site: FaultServer, db: Path, when: str, signum: signal.Signals
) -> None:
    """A signal while the crawl read its profiles or took the lock (its own handlers not
    yet standing), or a second one, which ends the crawl at once, left the --log-file
    without a word of the run's end: a cron admin reading it saw a night that stopped
    at its start, or at a site's "interrupted", and no why."""
    profile = write_profile(db.parent)
    log = db.parent / "crawl.log"
    env = {
        **os.environ,
        "NEWSARCHIVE_PROFILES": str(db.parent / "no-user-profiles"),
        "NEWSARCHIVE_BACKOFF": "0.01",
    }
    command = [
        sys.executable, "-c", _SIGNALLED, when, signum.name, "crawl", "fault", "--quiet",
        "--profile", str(profile), "--base-url", slow_site.url, "--delay", "0",
        "--connections", "1", "--db", str(db), "--log-file", str(log),
    ]  # fmt: skip
    process = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=60,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    # (SIGTERM ends the console command by the signal itself: ``entry.Terminated``)
    assert process.returncode in (128 + signum, -signum), process.stderr
    assert "Traceback" not in process.stderr
    lines = log.read_text(encoding="utf-8").splitlines()
    code = 128 + signum
    if when == "twice":
        assert any(" start fault https://fault.example" in line for line in lines)
        said = f"stopped by {signum.name} at once: what was archived stays; the next run resumes"
    else:
        assert len(lines) == 1 and slow_site.requests == []
        said = f"stopped by {signum.name} before the crawl began: nothing was fetched"
    assert lines[-1].endswith(f" {said} (exit status {code})"), lines[-1]


# The console command, with an audit hook in a site's thread (its first connection): a
# Ctrl-C, a second once the crawl's handler ran (it ends the crawl at once), a third once
# the main thread, unwinding, waits for the sites' threads, while this one is still held
# here: its page in hand as slow as a slow server makes it.
_THIRD_SIGNAL = """
import os, signal, sys, threading, time
number, sent = signal.Signals[sys.argv.pop(1)], []
def waiting_for_the_sites():
    frame = sys._current_frames().get(threading.main_thread().ident)
    while frame is not None and frame.f_code.co_name != "shutdown":
        frame = frame.f_back
    return frame is not None
def hook(event, args):
    if sent or event != "socket.connect" or threading.current_thread() is threading.main_thread():
        return
    sent.append(event)
    crawls = signal.getsignal(number)
    os.kill(os.getpid(), number)
    while signal.getsignal(number) is crawls:
        time.sleep(0.01)
    os.kill(os.getpid(), number)
    while not waiting_for_the_sites():
        time.sleep(0.01)
    os.kill(os.getpid(), number)
    time.sleep(0.5)  # (the main thread takes it meanwhile; the site's thread goes on after)
sys.addaudithook(hook)
from newsarchive.entry import main
sys.exit(main())
"""


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_third_signal_while_the_crawl_ends_at_once_loses_nothing(
    run_cli: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    slow_site: FaultServer,
    db: Path,
    signum: signal.Signals,
) -> None:
    """A third Ctrl-C while the crawl ended at once broke its wait for the sites' threads:
    the process ended with them cut off mid-run, their runs left as ``kill -9`` leaves
    them (no status, no counts: "interrupted" only by guess) and the lock released while
    they still wrote. It is said in one line; the site records its run, then the exit."""
    profile = write_profile(db.parent)
    log = db.parent / "crawl.log"
    env = {
        **os.environ,
        "NEWSARCHIVE_PROFILES": str(db.parent / "no-user-profiles"),
        "NEWSARCHIVE_BACKOFF": "0.01",
    }
    command = [
        sys.executable, "-c", _THIRD_SIGNAL, signum.name, "crawl", "fault", "--profile",
        str(profile), "--base-url", slow_site.url, "--delay", "0", "--connections", "1",
        "--db", str(db), "--log-file", str(log),
    ]  # fmt: skip
    process = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=60,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    # (SIGTERM ends the console command by the signal itself: ``entry.Terminated``)
    assert process.returncode in (128 + signum, -signum), process.stderr
    with sqlite3.connect(db) as conn:
        runs = conn.execute("SELECT site, status, finished_at FROM runs").fetchall()
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert [(site, status) for site, status, _ in runs] == [("fault", 128 + signum)]
    assert runs[0][2] is not None  # recorded by the site, not left as a kill leaves it
    ending = "interrupted" if signum == signal.SIGINT else "stopped by SIGTERM"
    assert process.stderr.splitlines() == [
        "newsarchive: already stopping: each site records where it stopped first"
        " (kill -9 would lose that)",
        f"newsarchive: {ending}",
    ]
    lines = log.read_text(encoding="utf-8").splitlines()
    assert " summary fault: " in lines[-2] and lines[-1].endswith(
        f" stopped by {signum.name} at once: what was archived stays; the next run resumes"
        f" (exit status {128 + signum})"
    )
    rerun = crawl_in_process(run_cli, monkeypatch, slow_site, db)  # the lock is free
    assert rerun.exit_code == 0, rerun.stderr
    assert count_articles(db) == 40


def test_overlapping_crawl_exits_75_naming_the_holder_while_reads_work(
    held_site: Callable[[int], FaultServer], db: Path, run_cli: Callable[..., Result]
) -> None:
    site = held_site(2)
    process = start_crawl(site, db)
    try:
        wait_for(lambda: count_articles(db) >= 2)
        second = start_crawl(site, db)
        _, err = second.communicate(timeout=60)
        assert second.returncode == 75, err
        assert err.count("\n") == 1 and f"pid {process.pid}" in err
        # search and export keep working while the crawl writes (WAL)
        found = run_cli("search", "бюджета", "--format", "json", "--db", str(db))
        assert found.exit_code == 0, found.stderr
        exported = run_cli("export", "--db", str(db))
        assert exported.exit_code == 0 and exported.stdout.count("\n") >= 2
        assert process.poll() is None  # it held the lock all along
    finally:
        process.terminate()
        site.release.set()
        process.communicate(timeout=20)


def test_lock_is_released_when_the_holder_dies(db: Path) -> None:
    db.touch()
    code = (
        "import time; from pathlib import Path; from newsarchive.archive.lock import CrawlLock;"
        f"lock = CrawlLock(Path({str(db)!r})).__enter__(); print('held', flush=True);"
        "time.sleep(60)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld, match=f"pid {holder.pid}"), CrawlLock(db):
            pass
    finally:
        holder.kill()
        holder.communicate()
    with CrawlLock(db):  # SIGKILL released it: no stale lock
        pass
    with CrawlLock(db), pytest.raises(LockHeld), CrawlLock(db):
        pass


def _unfinished_run(db: Path, site: str, started: dt.datetime) -> None:
    """A run row as a crawl writes it when it starts, and leaves when killed."""
    with sqlite3.connect(db) as conn:
        ensure_schema(conn)
        conn.execute(
            "INSERT INTO runs (site, started_at) VALUES (?, ?)",
            (site, started.replace(microsecond=0).isoformat()),
        )
    conn.close()


def _exits(run_cli: Callable[..., Result], db: Path) -> dict[str, str]:
    """``stats``' exit column, by site, and its JSON's state (they must agree)."""
    table = run_cli("stats", "--db", str(db))
    assert table.exit_code == 0, table.stderr
    data = run_cli("stats", "--format", "json", "--db", str(db)).json()
    assert isinstance(data, dict)
    states = {run["site"]: run["state"] for run in data["last_runs"]}
    for site, state in states.items():
        row = next(line for line in table.stdout.splitlines() if f" {site} " in line)
        assert row.split("│")[-2].strip() == state, table.stdout
    return states


@pytest.mark.real_clock  # its run is a subprocess's, told from the lock file's time
def test_a_run_killed_by_sigkill_shows_as_interrupted_not_running_forever(
    run_cli: Callable[..., Result], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A crawl killed by SIGKILL leaves its run without a finish time, and ``stats``
    showed it "unfinished" for good, as if it might still be going. With no process
    holding the archive's crawl lock, it is "interrupted"; one that began before the
    crawl holding the lock now took it, too; only a run of that crawl is "running". The
    row itself stays as the crawl left it."""
    monkeypatch.setenv("COLUMNS", "120")
    _unfinished_run(db, "killed", dt.datetime.now(dt.UTC) - dt.timedelta(hours=3))
    assert _exits(run_cli, db) == {"killed": "interrupted"}
    with CrawlLock(db):  # a crawl is writing now
        _unfinished_run(db, "current", dt.datetime.now(dt.UTC))
        assert _exits(run_cli, db) == {"current": "running", "killed": "interrupted"}
    assert _exits(run_cli, db) == {"current": "interrupted", "killed": "interrupted"}
    with sqlite3.connect(db) as conn:
        assert (
            conn.execute("SELECT count(*) FROM runs WHERE finished_at IS NULL").fetchone()[0] == 2
        )
    conn.close()


def test_a_lock_file_deleted_under_a_running_crawl_is_taken_again(db: Path) -> None:
    """After a ``kill -9`` the lock file stays, naming a dead pid: an admin "clearing the
    stale lock" (or a cleanup script) may as well delete it while the next night's crawl
    runs. The next crawl then made a new lock file, locked it, and the two crawled one
    archive at once (measured: 428 requests where one run makes 222). The running crawl
    now takes its lock again at its next page, and a crawl started after is refused."""
    with FaultServer(
        articles=40, per_page=10, faults=False, article_delay=0.02, hold_after=20
    ) as site:  # fmt: skip
        first = start_crawl(site, db)
        try:
            wait_for(lambda: count_articles(db) >= 3)
            lock = Path(f"{db}.lock")
            lock.unlink()
            wait_for(lock.exists)  # (taken again between two pages)
            second = start_crawl(site, db)
            out, err = second.communicate(timeout=60)
            assert second.returncode == 75, err
            assert f"another crawl (pid {first.pid}, since " in err, err
        finally:
            site.release.set()
            out, err = first.communicate(timeout=60)
    assert first.returncode == 0, err
    assert count_articles(db) == 40


def test_a_lock_file_left_naming_its_holder_says_it_died_holding_it(db: Path) -> None:
    """What ``crawl`` warns of after a ``kill -9``: a holder that ended released the lock and
    emptied the file; one that was killed left its pid and command there. Bytes of
    another shape (a file something else wrote) name nobody."""
    lock = Path(f"{db}.lock")
    for left, abandoned in (
        ("", None),
        ("4242 reextract\n", ("4242", "reextract")),
        ("4242\n", ("4242", "crawl")),  # (a pid alone: no command named)
        ("999999 2020-01-01\n", ("999999", "crawl")),  # (no command's name after it)
        ("\x00\xff garbage", None),
    ):
        lock.write_text(left, encoding="latin-1")
        with CrawlLock(db) as held:
            assert held.abandoned == abandoned, left
        assert lock.read_text(encoding="ascii") == ""  # (released: nobody named)


def test_a_lock_file_deleted_and_taken_by_a_second_crawl_stops_the_first(db: Path) -> None:
    """The race in ``CrawlLock.keep``: the file deleted, a second crawl makes and locks a new
    one before the first's next page. The first then stops (exit 75) rather than lock a
    third file or write over the second's name in the new one; the second goes on."""
    from newsarchive.errors import ArchiveBusy

    hold = (
        "import sys; from pathlib import Path; from newsarchive.archive.lock import CrawlLock\n"
        "with CrawlLock(Path(sys.argv[1])):\n    print('held', flush=True); sys.stdin.read()"
    )
    lock = Path(f"{db}.lock")
    with CrawlLock(db) as first:
        lock.unlink()
        second = subprocess.Popen(
            [sys.executable, "-c", hold, str(db)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        try:
            assert second.stdout is not None and second.stdout.readline() == "held\n"
            with pytest.raises(
                ArchiveBusy,
                match=rf"deleted during the crawl, and another crawl \(pid {second.pid},",
            ):
                first.keep()
            assert lock.read_text(encoding="ascii") == f"{second.pid} crawl\n"
        finally:
            second.communicate("", timeout=30)
    assert second.returncode == 0


def test_a_lock_taken_again_keeps_the_time_it_was_first_taken(db: Path) -> None:
    """``held_since`` reads when the crawl took its lock from the lock file's time: a file
    deleted and taken again (``CrawlLock.keep``) said the crawl took it then, and ``stats``
    showed the crawl's runs, begun before, as interrupted while they ran."""
    from newsarchive.archive.lock import held_since

    lock = Path(f"{db}.lock")
    with CrawlLock(db) as held:
        an_hour_ago = time.time() - 3600
        os.utime(lock, (an_hour_ago, an_hour_ago))  # (the crawl began an hour ago)
        taken = held_since(db)
        assert taken is not None and taken.timestamp() == pytest.approx(an_hour_ago)
        lock.unlink()
        held.keep()
        assert lock.read_text(encoding="ascii") == f"{os.getpid()} crawl\n"
        assert held_since(db) == taken
