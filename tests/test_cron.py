"""The README's cron line as a cron admin lives with it: what a night leaves in the log and
on stderr (which cron mails), and its exit code, when the run overlaps the one before."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.archive.lock import CrawlLock
from newsarchive.mirror import MirrorServer

from .faultserver import FaultServer, write_profile
from .support import Result, small_disk
from .test_crawl_process import count_articles, start_crawl, wait_for

# what a full disk's line adds to SQLite's words: the remedy, and that nothing is lost
_FREE_SPACE = ": free space on its disk and run again; what was archived is kept"


def test_a_night_refused_by_the_lock_says_so_in_its_log_and_since_when(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """The second of two overlapping runs exits 75 with one line on stderr, but left no
    trace in ``--log-file``: the log read the next morning showed one run and no word of
    the night that crawled nothing. The line also says since when the other run holds
    the archive (a run still going the next night is something to look at)."""
    db, log = tmp_path / "a.db", tmp_path / "crawl.log"
    log.write_text("an earlier night's line\n", encoding="utf-8")
    with CrawlLock(db):
        result = run_cli(
            "crawl", "bta", "--base-url", "http://127.0.0.1:9", "--quiet",
            "--log-file", str(log), "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 75, result.stderr
    assert result.stdout == ""
    said = result.stderr.splitlines()
    assert len(said) == 1 and f"another crawl (pid {os.getpid()}, since 20" in said[0], said
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "an earlier night's line" and len(lines) == 2, lines
    assert " refused: another crawl (pid " in lines[1], lines
    assert lines[1].endswith("; try later (exit status 75)"), lines


def _crawl(run_cli: Callable[..., Result], url: str, db: Path, *extra: str) -> Result:
    return run_cli(
        "crawl", "bta", "--base-url", url, "--delay", "0", "--quiet", *extra, "--db", str(db)
    )


def _age_runs(db: Path, days: int) -> None:
    """The runs so far, and the fetches of the articles they archived, as if they had been
    made ``days`` days ago (a clock in a test cannot wait a week)."""
    then = (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="seconds")
    with contextlib.closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE runs SET started_at = ?, finished_at = ?", (then, then))
        conn.execute("UPDATE articles SET fetched_at = ?, updated_at = ?", (then, then))


def test_a_site_that_archives_nothing_new_for_days_is_loud_only_when_asked(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    """A site that changed its addresses so no link is recognised, or stopped publishing,
    answers 200 and 304 every night: nothing failed, the quiet cron run said nothing, and
    nobody noticed the archive had stopped growing. ``--warn-idle DAYS`` says so on
    stderr and in the log, and exits 1; a night with nothing new is still silent."""
    server = mirror("bta")
    db, log = tmp_path / "cron.db", tmp_path / "crawl.log"
    first = _crawl(run_cli, server.url, db)
    assert (first.exit_code, first.stdout, first.stderr) == (0, "", "")
    quiet = _crawl(run_cli, server.url, db, "--warn-idle", "7")  # nothing new, yet not idle
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    _age_runs(db, 10)
    day = (dt.datetime.now(dt.UTC) - dt.timedelta(days=10)).date().isoformat()
    idle = _crawl(run_cli, server.url, db, "--warn-idle", "7", "--log-file", str(log))
    assert idle.exit_code == 1 and idle.stdout == "", idle.stderr
    assert idle.stderr == (
        f"newsarchive: bta: warning: no new article archived in 7 days (the last on {day}):"
        " the site may have stopped publishing, or changed so its news are no longer found:"
        " run 'newsarchive check-site bta'\n"
    )
    logged = log.read_text(encoding="utf-8").splitlines()
    assert logged[-1].endswith(idle.stderr.removeprefix("newsarchive:").rstrip("\n")), logged
    assert logged[-2].split(" ", 1)[1].startswith("summary bta: 0 new"), logged
    # not asked, or asked for a longer silence than there was: as quiet as before
    for extra in ((), ("--warn-idle", "30")):
        again = _crawl(run_cli, server.url, db, *extra)
        assert (again.exit_code, again.stdout, again.stderr) == (0, "", ""), extra


def test_why_a_site_failed_is_in_the_log_not_only_in_crons_mail(
    run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The log held each request's status and the summary's "1 failed", but the reason
    ("cannot be reached") went to stderr alone: lost with the mail."""
    monkeypatch.setenv("NEWSARCHIVE_RETRIES", "0")
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0")
    db, log = tmp_path / "cron.db", tmp_path / "crawl.log"
    failed = _crawl(run_cli, "http://127.0.0.1:9", db, "--log-file", str(log))
    assert failed.exit_code == 1 and failed.stdout == ""
    said = failed.stderr.splitlines()
    assert len(said) == 1 and "cannot be reached" in said[0], said
    logged = log.read_text(encoding="utf-8").splitlines()
    assert logged[-1].split(" ", 1)[1] == said[0].removeprefix("newsarchive: "), logged


def test_a_night_that_meets_a_reextract_names_it_not_another_crawl(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """import-jsonl, import-warc and reextract hold the same lock: the nightly crawl that
    met a colleague's reextract said "another crawl (pid …)"."""
    db = tmp_path / "a.db"
    with CrawlLock(db, "reextract"):
        result = run_cli("crawl", "bta", "--base-url", "http://127.0.0.1:9", "--db", str(db))
    assert result.exit_code == 75
    assert f"newsarchive: error: another reextract (pid {os.getpid()}, since " in result.stderr


def _logged_end(log: Path) -> str:
    """The log's last line without its time."""
    return log.read_text(encoding="utf-8").splitlines()[-1].split(" ", 1)[1]


def test_a_night_that_ends_before_any_site_starts_says_why_in_its_log(
    run_cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad profile file, a ``--since`` in the future or a lock file that cannot be used
    ended the run with one line on stderr and none in ``--log-file``: the log read the
    next morning did not say the night's run happened at all. (The lock file as a FIFO
    was a traceback, exit 1.)"""
    db, log = tmp_path / "a.db", tmp_path / "crawl.log"
    bad = tmp_path / "bad.toml"
    bad.write_text("id = \n", encoding="utf-8")
    fifo = tmp_path / "fifo.db"
    os.mkfifo(f"{fifo}.lock")
    for archive, extra, why in (
        (db, ("--profile", str(bad)), f"{bad}: not valid TOML"),
        (db, ("--since", "2099-01-01"), "--since 2099-01-01 is in the future"),
        (fifo, (), f"cannot use lock file {fifo}.lock: Invalid argument"),
    ):
        result = _crawl(run_cli, "http://127.0.0.1:9", archive, "--log-file", str(log), *extra)
        assert result.exit_code == 2 and result.stdout == "", (extra, result.stderr)
        said = result.stderr.splitlines()
        assert len(said) == 1 and said[0].startswith(f"newsarchive: error: {why}"), said
        ended = _logged_end(log)
        assert ended == f"refused: {said[0].removeprefix('newsarchive: error: ')} (exit status 2)"
    import newsarchive.crawl_command

    def broken(*args: object) -> None:
        raise RuntimeError("a bug")

    monkeypatch.setattr(newsarchive.crawl_command, "get_profile", broken)
    with pytest.raises(RuntimeError):  # (the CLI's last guard turns it into one line, 70)
        _crawl(run_cli, "http://127.0.0.1:9", db, "--log-file", str(log))
    assert _logged_end(log) == "refused: internal error: RuntimeError: a bug (exit status 70)"


def test_a_night_the_archive_stopped_half_way_is_no_refusal_in_its_log(tmp_path: Path) -> None:
    """An archive that could no longer be written mid-run (deleted here; a full disk or a
    read-only remount alike) was logged as ``refused:``, as if the lock had kept the night
    from crawling at all, though the log's lines above showed articles archived."""
    db, log = tmp_path / "a.db", tmp_path / "crawl.log"
    with FaultServer(articles=60, per_page=10, faults=False, article_delay=0.04) as server:
        process = start_crawl(server, db, "--quiet", "--log-file", str(log))
        wait_for(lambda: count_articles(db) >= 3)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        out, err = process.communicate(timeout=60)
    assert process.returncode == 74 and out == "", err  # the README's code for it
    said = err.splitlines()
    assert len(said) == 1 and "was deleted or replaced during the crawl" in said[0], said
    lines = log.read_text(encoding="utf-8").splitlines()
    assert " summary fault: " in lines[-2], lines[-2:]
    why = said[0].removeprefix("newsarchive: error: ")
    assert _logged_end(log) == f"stopped: {why} (exit status 74)"


def test_a_site_whose_news_an_import_brought_is_not_idle_but_an_old_export_changes_nothing(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    """``--warn-idle`` read the crawls' runs alone: a site whose recent pages another
    tool's crawl brought in (its WARC imported, or its JSON Lines) was "idle" every night,
    its own crawl finding them archived already. An article an import adds counts as of
    when it was first fetched, so an old export imported again is no news."""
    server = mirror("bta")
    db = tmp_path / "cron.db"
    assert _crawl(run_cli, server.url, db).exit_code == 0
    _age_runs(db, 10)
    now = dt.datetime.now(dt.UTC)

    def imported(url: str, fetched: dt.datetime) -> None:
        record = {"site": "bta", "url": url, "title": "Новина", "published": "2026-06-01",
                  "text": "Общината обяви конкурс.", "fetched_at": fetched.isoformat()}  # fmt: skip
        done = run_cli("import-jsonl", "-", "--db", str(db), input=json.dumps(record) + "\n")
        assert done.exit_code == 0 and "imported 1 new" in done.stdout, done.stderr

    imported("https://www.bta.bg/bg/news/old-1", now - dt.timedelta(days=400))
    idle = _crawl(run_cli, server.url, db, "--warn-idle", "7")
    assert idle.exit_code == 1 and "no new article archived in 7 days" in idle.stderr
    imported("https://www.bta.bg/bg/news/new-2", now - dt.timedelta(hours=3))
    fed = _crawl(run_cli, server.url, db, "--warn-idle", "7")
    assert (fed.exit_code, fed.stdout, fed.stderr) == (0, "", "")


@pytest.mark.parametrize(
    "fetched",
    [
        # eight days ago, written in UTC+05:00: as text it sorted after the 7-day cutoff
        lambda now: (
            (now - dt.timedelta(days=7, hours=2))
            .astimezone(dt.timezone(dt.timedelta(hours=5)))
            .isoformat()
        ),
        # a clock a year ahead: as text it was news for a year
        lambda now: (now + dt.timedelta(days=365)).isoformat(),
    ],
    ids=["other-zone", "future"],
)
def test_an_imported_fetch_time_in_another_zone_or_the_future_hides_no_idle_site(
    run_cli: Callable[..., Result],
    mirror: Callable[[str], MirrorServer],
    tmp_path: Path,
    fetched: Callable[[dt.datetime], str],
) -> None:
    """An import stores ``fetched_at`` as its record gave it; compared as text with a UTC
    cutoff, a stamp in another zone was read hours off, and one in the future kept a site
    that stopped archiving quiet until that day came."""
    server = mirror("bta")
    db = tmp_path / "cron.db"
    assert _crawl(run_cli, server.url, db).exit_code == 0
    _age_runs(db, 10)
    record = {"site": "bta", "url": "https://www.bta.bg/bg/news/odd-1", "title": "Новина",
              "published": "2026-06-01", "text": "Общината обяви конкурс.",
              "fetched_at": fetched(dt.datetime.now(dt.UTC))}  # fmt: skip
    done = run_cli("import-jsonl", "-", "--db", str(db), input=json.dumps(record) + "\n")
    assert done.exit_code == 0 and "imported 1 new" in done.stdout, done.stderr
    idle = _crawl(run_cli, server.url, db, "--warn-idle", "7")
    assert idle.exit_code == 1 and "no new article archived in 7 days" in idle.stderr


def _damage_a_middle_page(db: Path, *, days_ago: int = 8) -> None:
    """Bytes of no page's shape over one page in the middle of the file (a disk fault, a
    bad copy): every page is in use after the VACUUM, so the damage is one SQLite meets.
    The runs are moved ``days_ago`` back: 8, and the next run is the week's first, which
    reads the whole file for damage (``crawl_sites.check_due``)."""
    with contextlib.closing(sqlite3.connect(db)) as conn:
        back = f"-{days_ago} days"
        conn.execute("UPDATE runs SET started_at = datetime(started_at, ?)", (back,))
        conn.commit()
        conn.execute("VACUUM")
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
    with db.open("r+b") as handle:
        handle.seek(pages // 2 * size)
        handle.write(b"\xa5" * size)


def test_a_night_on_a_damaged_archive_is_loud_not_a_quiet_success(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    """A nightly run that finds nothing new touches a few pages: on an archive damaged
    elsewhere it exited 0 and said nothing, night after night, while the analyst's
    search, stats and export failed on it. It now refuses the file as they do, before
    writing into it; and a write that meets a bad page is said in the same words (it was
    "cannot write the archive", exit 74: a disk to free, where the file needs recovering)."""
    server = mirror("bta")
    db, log = tmp_path / "cron.db", tmp_path / "crawl.log"
    first = _crawl(run_cli, server.url, db)
    assert (first.exit_code, first.stderr) == (0, "")
    _damage_a_middle_page(db)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        # (a damaged leaf is reported, or met by the check itself: the layout decides)
        with contextlib.suppress(sqlite3.DatabaseError):
            assert conn.execute("PRAGMA quick_check").fetchone()[0] != "ok"
    night = _crawl(run_cli, server.url, db, "--log-file", str(log))
    assert night.exit_code == 2 and night.stdout == "", night.stderr
    said = night.stderr.splitlines()
    assert len(said) == 1 and said[0].startswith("newsarchive: error: the archive is damaged: ")
    assert ".recover" in said[0], said
    why = said[0].removeprefix("newsarchive: error: ")
    assert _logged_end(log) == f"refused: {why} (exit status 2)"


def _fill(folder: Path) -> None:
    """Every page of the file system taken (a file of its own may not even be made)."""
    with contextlib.suppress(OSError), (folder / "filler").open("wb") as filler:
        while True:
            filler.write(b"\0" * 4096)
            filler.flush()


def test_a_night_on_a_disk_already_full_exits_74_as_one_filled_mid_run(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A run whose disk fills up mid-run exits 74 (a disk to free); the next night, the
    disk still full, exited 2, "bad usage or input", as a typo in the cron line does:
    its empty lock file could not take the pid (``cannot use lock file``), or, the lock
    file written, the archive could not be opened. A wrapper paging on 74 missed it."""
    with small_disk(tmp_path / "small") as disk, FaultServer(
        articles=60, per_page=10, faults=False
    ) as server:  # fmt: skip
        db = disk / "archive.db"
        profile = write_profile(tmp_path)
        crawl = (
            "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--quiet", "--db",
        )  # fmt: skip
        fresh = disk / "fresh.db"  # (a new archive, its lock file written before)
        Path(f"{fresh}.lock").write_text("4242 crawl\n", encoding="ascii")
        filled = run_cli(*crawl, str(db))
        assert filled.exit_code == 74 and "full" in filled.stderr, filled.stderr
        _fill(disk)  # (the first run may have left a page free)
        night = run_cli(*crawl, str(db))
        assert night.exit_code == 74 and night.stdout == "", night.stderr
        said = night.stderr.splitlines()
        assert len(said) == 1 and "No space left on device" in said[0], said
        new = run_cli(*crawl, str(fresh))
        assert new.exit_code == 74 and new.stdout == "", new.stderr
        said = new.stderr.splitlines()
        assert len(said) == 1 and f"cannot open archive {fresh}: " in said[0], said
        assert "full" in said[0], said


@pytest.mark.parametrize("pages", [1, 10])
def test_a_night_on_a_disk_with_a_few_pages_free_is_one_line_and_exit_74(
    run_cli: Callable[..., Result], tmp_path: Path, pages: int
) -> None:
    """As the README says of the next night on a full disk: with room for the lock file
    but not for the 32 KiB ``-shm`` the archive's open makes, the run is refused before a
    site starts, the line saying the disk is full (it said "disk I/O error", a disk
    failing); with room to open the archive but not to write it, the first site's first
    write stops the run as a disk filled mid-run does, that site's summary line (without
    ``--quiet``) ending as such a site's does."""
    with small_disk(tmp_path / "small") as disk, FaultServer(
        articles=60, per_page=10, faults=False
    ) as server:  # fmt: skip
        db, log = disk / "archive.db", tmp_path / "crawl.log"
        crawl = (
            "crawl", "fault", "--profile", str(write_profile(tmp_path)), "--base-url",
            server.url, "--delay", "0", "--log-file", str(log), "--db", str(db),
        )  # fmt: skip
        assert run_cli(*crawl).exit_code == 74  # (the disk filled by this first run)
        _fill(disk)
        os.truncate(disk / "filler", (disk / "filler").stat().st_size - pages * 4096)
        night = run_cli(*crawl)
    assert night.exit_code == 74, night.stderr
    said = night.stderr.splitlines()
    assert len(said) == 1, said
    if pages == 1:
        assert night.stdout == ""
        assert f"cannot open archive {db}: disk I/O error: the disk is full (" in said[0], said
        return
    assert said[0] == (
        f"newsarchive: error: cannot write the archive: database or disk is full{_FREE_SPACE}"
    )
    assert night.stdout.splitlines() == [
        "fault: 0 new, 0 updated, 0 unchanged, 0 gone, 0 failed, 0 requests (ended: the"
        " archive could not be written; the articles counted are kept)"
    ]
    assert _logged_end(log) == (
        f"stopped: cannot write the archive: database or disk is full{_FREE_SPACE} (exit status 74)"
    )


def test_a_file_size_limit_met_mid_run_says_so_exit_74_and_keeps_what_was_archived(
    tmp_path: Path,
) -> None:
    """A crontab's or a unit's ``ulimit -f`` (RLIMIT_FSIZE) the archive outgrows: SQLite
    said only "disk I/O error" (the write refused with EFBIG), which sent a cron admin to
    a disk with room to spare. The line names the limit, the exit is a full disk's, and
    the articles committed before it stay readable. A first crawl under a limit below
    the 32 KiB of a WAL archive's ``-shm`` was exit 70, "internal error" (its first read
    of the new file failed outside the open's guard): said the same way now."""
    import resource

    limit = 200_000

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"}
    said = (
        f"the archive cannot grow: file size limit (ulimit -f) of {limit} bytes reached (SQLite: "
    )
    with FaultServer(articles=60, per_page=10, faults=False) as server:
        db, log = tmp_path / "archive.db", tmp_path / "crawl.log"
        crawl = [
            sys.executable, "-m", "newsarchive", "crawl", "fault", "--profile",
            str(write_profile(tmp_path)), "--base-url", server.url, "--delay", "0",
            "--quiet", "--db",
        ]  # fmt: skip
        night = subprocess.run(
            [*crawl, str(db), "--log-file", str(log)], capture_output=True, text=True, env=env,
            preexec_fn=limited, timeout=120, check=False,
        )  # fmt: skip
        small = tmp_path / "small.db"
        limit = 4096
        first = subprocess.run(
            [*crawl, str(small)], capture_output=True, text=True, env=env, preexec_fn=limited,
            timeout=120, check=False,
        )  # fmt: skip
    assert night.returncode == 74 and night.stdout == "", night.stderr
    lines = night.stderr.splitlines()
    assert len(lines) == 1 and "cannot write the archive: " + said in lines[0], lines
    assert said in _logged_end(log)
    kept = count_articles(db)
    assert 0 < kept < 60
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    assert first.returncode == 74, first.stderr
    lines = first.stderr.splitlines()
    assert len(lines) == 1 and f"cannot open archive {small}: " in lines[0], lines
    assert said.replace("200000", "4096") in lines[0], lines


def test_a_copy_cut_at_half_its_size_is_said_damaged_by_every_command(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    """A copy of the archive cut short (a full disk under ``cp``, an interrupted rsync)
    fails when it is opened, where a damage further in fails at the first bad page: the
    first said "cannot open archive …: database disk image is malformed", with none of
    the second's way out (``.recover``), though both are the same damaged file."""
    server = mirror("bta")
    db, cut = tmp_path / "cron.db", tmp_path / "copy.db"
    assert _crawl(run_cli, server.url, db).exit_code == 0
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("VACUUM")
    whole = db.read_bytes()
    cut.write_bytes(whole[: len(whole) // 2])
    for command in (("stats",), ("search", "община"), ("export", "--format", "jsonl")):
        result = run_cli(*command, "--db", str(cut))
        assert result.exit_code == 2 and result.stdout == "", (command, result.stderr)
        assert result.stderr.startswith("newsarchive: error: the archive is damaged: ")
        # (the archive's own name: "sqlite3 ARCHIVE .recover" was a word to replace)
        assert f"(sqlite3 {cut} .recover | sqlite3 NEW.db" in result.stderr, command
    night = _crawl(run_cli, server.url, cut)
    assert night.exit_code == 2 and "the archive is damaged: " in night.stderr, night.stderr


def test_a_damaged_archive_is_refused_after_a_run_killed_holding_the_lock(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    """A run the same week as the last reads the whole file for damage only when the last
    one was killed holding the lock (a power cut, where torn writes start): the lock file
    still names it. Then the damage is refused before anything is written."""
    server = mirror("bta")
    db = tmp_path / "cron.db"
    assert _crawl(run_cli, server.url, db).exit_code == 0
    _damage_a_middle_page(db, days_ago=0)
    Path(f"{db}.lock").write_text("4242 crawl\n", encoding="ascii")
    night = _crawl(run_cli, server.url, db)
    assert night.exit_code == 2 and night.stdout == "", night.stderr
    said = night.stderr.splitlines()
    assert len(said) == 1 and said[0].startswith("newsarchive: error: the archive is damaged: ")


def test_the_whole_archive_is_read_for_damage_on_the_weeks_first_run_only() -> None:
    """``check_due``: a nightly run read the whole archive each night (5.6 s for 1.4 GB from
    a cold disk); it does so on the week's first run, on an archive never crawled, and
    after a run killed holding the lock."""
    from newsarchive.archive.schema import ensure_schema
    from newsarchive.crawl_sites import check_due

    wednesday = dt.date(2026, 12, 2)
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        ensure_schema(conn)
        assert check_due(conn, today=wednesday)  # (no run yet)
        for started, due in (
            ("2026-11-30T00:00:00+00:00", False),  # Monday's run: this week's first
            ("2026-11-29T23:59:59+00:00", True),  # the last was on Sunday
            ("2026-12-01T03:00:00+00:00", False),
        ):
            conn.execute("DELETE FROM runs")
            conn.execute("INSERT INTO runs (site, started_at) VALUES ('x', ?)", (started,))
            assert check_due(conn, today=wednesday) is due, started
            assert check_due(conn, after_kill=True, today=wednesday)
        # a run a signal stopped (its check perhaps cut short) is not the week's check
        conn.execute("UPDATE runs SET status = 143")
        assert check_due(conn, today=wednesday)
        conn.execute("UPDATE runs SET status = 1")
        assert not check_due(conn, today=wednesday)
