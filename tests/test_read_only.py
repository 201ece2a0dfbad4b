"""Read commands work on an archive the user cannot write (a shared folder, a read-only
copy); writers fail with one line. As root, permissions deny nothing, so the archive is
made immutable with ``chattr +i``; as another user, ``chmod`` does it."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import pytest

from .search_corpus import ARTICLES, build, ids, write_jsonl
from .support import Result, small_disk
from .web_support import serving

Cli = Callable[..., Result]


def _lock(paths: list[Path]) -> Callable[[], None]:
    """Make ``paths`` unwritable for this user; returns the undo."""
    if os.geteuid() != 0:
        modes = {p: p.stat().st_mode for p in paths}
        for p in paths:
            p.chmod(0o555 if p.is_dir() else 0o444)
        return lambda: [p.chmod(m) for p, m in modes.items()] and None
    chattr = shutil.which("chattr")
    if chattr is None:
        pytest.skip("running as root without chattr: cannot make a file unwritable for root")
    done = subprocess.run([chattr, "+i", *map(str, paths)], capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip(f"chattr +i is not supported here: {done.stderr.decode().strip()}")
    return lambda: subprocess.run([chattr, "-i", *map(str, paths)], check=True) and None


@pytest.fixture(params=["folder-and-file", "file-only"])
def locked(request: pytest.FixtureRequest, run_cli: Cli, tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "shared"
    folder.mkdir()
    db = build(run_cli, folder / "archive.db")
    db.with_suffix(".jsonl").unlink()
    Path(f"{db}.lock").unlink()  # the import's writer lock: an analyst's copy has none
    assert sorted(p.name for p in folder.iterdir()) == ["archive.db"]  # no -wal/-shm left
    targets = [folder, db] if request.param == "folder-and-file" else [db]
    undo = _lock(targets)
    try:
        with pytest.raises(OSError):
            db.open("ab").close()
        if request.param == "folder-and-file":
            with pytest.raises(OSError):
                (folder / "probe").touch()
        yield db
    finally:
        undo()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_commands_work_on_an_unwritable_archive(run_cli: Cli, locked: Path) -> None:
    before = _digest(locked)
    db = ("--db", str(locked))
    assert set(ids(run_cli("search", "община", "--format", "json", *db))) == {1, 2, 3, 5}
    counted = run_cli("search", "община", "--count", "--format", "json", *db)
    assert counted.exit_code == 0 and sum(r["count"] for r in counted.json()) == 4  # type: ignore[union-attr]
    shown = run_cli("show", "1", *db)
    assert shown.exit_code == 0 and ARTICLES[0]["title"] in shown.stdout
    stats = run_cli("stats", "--format", "json", *db)
    assert stats.exit_code == 0 and stats.json()["articles"] == len(ARTICLES)  # type: ignore[index]
    export = run_cli("export", *db)
    assert export.exit_code == 0 and len(export.stdout.splitlines()) == len(ARTICLES)
    assert all(r.stderr == "" for r in (counted, shown, stats, export))
    assert _digest(locked) == before


def test_writers_fail_with_one_line(run_cli: Cli, locked: Path, tmp_path: Path) -> None:
    source = write_jsonl(tmp_path / "more.jsonl", [{**ARTICLES[0], "url": "https://x.bg/9"}])
    for args in (
        ("import-jsonl", str(source)),
        ("crawl", "bta", "--base-url", "http://127.0.0.1:9"),
        ("reextract",),
    ):
        result = run_cli(*args, "--db", str(locked))
        assert result.exit_code == 2, (args, result.stdout, result.stderr)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("newsarchive: error:"), result.stderr
        assert "read-only" in lines[0] or "Operation not permitted" in lines[0], lines[0]


def test_writers_help_says_which_exit_a_read_only_archive_gets(run_cli: Cli) -> None:
    """Their --help said "74 when the archive could not be written (read-only, disk full,
    deleted)", and a read-only archive is refused with 2 (``test_writers_fail_with_one_line``):
    a cron wrapper told apart by the help waited for a disk to empty."""
    for command in ("crawl", "import-jsonl", "import-warc", "reextract"):
        shown = " ".join(run_cli(command, "--help").stdout.replace("│", " ").split())
        assert "made read-only while in use; one read-only from the start is 2)" in shown, command


def _labelled(db: Path, version: int) -> None:
    """The archive as a release of schema ``version`` left it: v11's tables and columns
    are today's but for ``articles.access`` (v31; v12 only re-keyed stored addresses),
    so only its version and that column differ."""
    import sqlite3
    from contextlib import closing

    from newsarchive.archive.schema import ACCESS_SINCE

    with closing(sqlite3.connect(db)) as conn:
        if version < ACCESS_SINCE:
            conn.execute("ALTER TABLE articles DROP COLUMN access")
        conn.execute(f"PRAGMA user_version = {version}")
        conn.commit()


@contextmanager
def _locked_at(run_cli: Cli, tmp_path: Path, version: int) -> Iterator[Path]:
    """An archive of schema ``version`` in a folder, neither of which this user can write."""
    folder = tmp_path / "shared"
    folder.mkdir()
    db = build(run_cli, folder / "archive.db")
    db.with_suffix(".jsonl").unlink()
    Path(f"{db}.lock").unlink()
    _labelled(db, version)
    undo = _lock([folder, db])
    try:
        yield db
    finally:
        undo()


@pytest.fixture
def locked_v11(run_cli: Cli, tmp_path: Path) -> Iterator[Path]:
    with _locked_at(run_cli, tmp_path, 11) as db:
        yield db


def test_an_unwritable_archive_of_the_previous_schema_is_read_as_it_is(
    run_cli: Cli, locked_v11: Path
) -> None:
    """The v12 upgrade must write, which this user cannot: search, show, stats and
    export read the v11 archive as it is, each with one warning line saying so and how
    it gets upgraded, and the file is untouched (still v11)."""
    before = _digest(locked_v11)
    db = ("--db", str(locked_v11))
    found = run_cli("search", "община", "--format", "json", *db)
    assert found.exit_code == 0, found.stderr
    assert set(ids(found)) == {1, 2, 3, 5}
    shown = run_cli("show", "1", *db)
    assert shown.exit_code == 0 and ARTICLES[0]["title"] in shown.stdout
    stats = run_cli("stats", "--format", "json", *db)
    assert stats.exit_code == 0 and stats.json()["articles"] == len(ARTICLES)  # type: ignore[index]
    export = run_cli("export", *db)
    assert export.exit_code == 0 and len(export.stdout.splitlines()) == len(ARTICLES)
    for result in (found, shown, stats, export):
        lines = result.stderr.splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith(f"newsarchive: archive {locked_v11} is schema v11, not upgraded")
        assert "read-only for this user" in lines[0] and "write access" in lines[0]
    assert _digest(locked_v11) == before


def test_an_archive_on_a_read_only_mount_is_said_to_be_there_not_read_only_for_the_user(
    run_cli: Cli, tmp_path: Path
) -> None:
    """A file system mounted read-only (a snapshot, a DVD, a share mounted so): the errors
    said the archive was "read-only for this user" and to upgrade it "as a user who can
    write it", and no user can; they now say where it is, and what to do (a copy)."""
    with small_disk(tmp_path / "mount", "4m") as folder:
        current = build(run_cli, folder / "archive.db")
        old = folder / "old.db"
        shutil.copy(current, old)
        _labelled(old, 10)
        remount = ["mount", "-o", "remount,ro", str(folder)]
        if subprocess.run(remount, check=False, capture_output=True).returncode:
            pytest.skip("cannot remount the tmpfs read-only")
        written = run_cli("reextract", "--db", str(current))
        assert written.exit_code == 2, written.stderr
        assert written.stderr == (
            f"newsarchive: error: cannot write archive {current}: the archive is on a file"
            " system mounted read-only\n"
        )
        read = run_cli("search", "община", "--db", str(old))
        assert read.exit_code == 2, read.stderr
        lines = read.stderr.splitlines()
        assert len(lines) == 1 and "schema v10" in lines[0], read.stderr
        assert "on a file system mounted read-only" in lines[0], lines[0]
        assert "as a user who can write" not in lines[0] and "on a copy" in lines[0], lines[0]


@pytest.mark.parametrize(
    ("version", "said"),
    [(13, ["twice", "control character"]), (24, ["twice"]), (25, ["folder's index page"])],
)
def test_an_unwritable_archive_still_to_be_rekeyed_is_read_with_one_line_saying_so(
    run_cli: Cli, tmp_path: Path, version: int, said: list[str]
) -> None:
    """An archive of a schema whose re-keying (v16-v18, v24-v26) or respelling (v21, v23)
    is still to come, read as it is: a v24 one was read without a word, while ``show``
    did not find an article at the very address it was archived under
    (``/novini/5/index.html``, keyed so before v26) and a search listed an article
    archived under two spellings twice. One warning line says so; the file is untouched."""
    with _locked_at(run_cli, tmp_path, version) as db:
        before = _digest(db)
        found = run_cli("search", "община", "--format", "json", "--db", str(db))
        assert found.exit_code == 0 and set(ids(found)) == {1, 2, 3, 5}, found.stderr
        lines = found.stderr.splitlines()
        assert len(lines) == 1, found.stderr
        assert lines[0].startswith(f"newsarchive: archive {db} is schema v{version}, not upgraded")
        assert all(words in lines[0] for words in said), lines[0]
        assert _digest(db) == before


def test_an_unwritable_archive_of_an_older_schema_is_refused_with_one_line(
    run_cli: Cli, tmp_path: Path
) -> None:
    """Before v11 the columns differ (``modified``, ``date_note``): reading it as it is
    would fail half-way, so the command says, in one line and exit 2, what to run once."""
    with _locked_at(run_cli, tmp_path, 10) as db:
        before = _digest(db)
        result = run_cli("search", "община", "--db", str(db))
        assert _digest(db) == before
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsarchive: error:"), result.stderr
    assert "schema v10" in lines[0] and f"'newsarchive stats --db {db}' once" in lines[0]


@pytest.mark.parametrize("via_link", [False, True])
def test_a_read_only_copy_whose_wal_holds_articles_says_they_are_not_read(
    run_cli: Cli, tmp_path: Path, via_link: bool
) -> None:
    """A crawl killed before its end leaves its last articles in the ``-wal`` file beside
    the archive. A copy of both in a folder the analyst cannot write is opened immutable,
    which reads no ``-wal``: ``stats`` counted fewer articles than the archive holds, and
    said nothing. It now says so, in one line; the articles shown are still the file's.
    Named through a symlink, the ``-wal`` looked for is the one beside the file opened
    (beside the link there is none, and the warning was lost)."""
    folder = tmp_path / "shared"
    folder.mkdir()
    db = build(run_cli, folder / "archive.db")
    db.with_suffix(".jsonl").unlink()
    Path(f"{db}.lock").unlink()
    # a writer that ends before it checkpoints (as a kill -9 does): the change in -wal only
    code = (
        "import os, sqlite3, sys; conn = sqlite3.connect(sys.argv[1]);"
        "conn.execute('PRAGMA wal_autocheckpoint = 0');"
        "conn.execute('DELETE FROM articles WHERE id = 1'); conn.commit(); os._exit(0)"
    )
    subprocess.run([sys.executable, "-c", code, str(db)], check=True)
    wal = Path(f"{db}-wal")
    assert wal.stat().st_size > 0
    Path(f"{db}-shm").unlink()
    undo = _lock([folder, db, wal])
    try:
        named = tmp_path / "link.db"
        if via_link:
            named.symlink_to(db)
        stats = run_cli("stats", "--format", "json", "--db", str(named if via_link else db))
    finally:
        undo()
    assert stats.exit_code == 0
    assert stats.json()["articles"] == len(ARTICLES)  # type: ignore[index]
    said = stats.stderr.splitlines()
    assert len(said) == 1 and f"{wal} holds changes not yet in the archive" in said[0], said


# --- as other users: real permission bits, which root's own runs ignore ---------------


# user -> why they cannot run the installed newsarchive ("": they can), probed once a
# process: the same for every test, and two processes started a test (0.6 s alone).
_CANNOT_RUN: dict[str, str] = {}


class _Users:
    """The CLI run as another user (``setpriv``), for permission bits that root, as the
    tests run, ignores: ``analyst`` is ``nobody``, ``researcher`` another system user
    (``daemon``), both in nobody's group. Skips when not root, or when either cannot
    run the installed newsarchive (a checkout in a folder only root can read)."""

    def __init__(self, home: Path) -> None:
        import pwd

        setpriv = shutil.which("setpriv")
        if os.geteuid() != 0 or setpriv is None:
            pytest.skip("needs root and setpriv to run the CLI as another user")
        try:
            self.ids = {
                "analyst": pwd.getpwnam("nobody").pw_uid,
                "researcher": pwd.getpwnam("daemon").pw_uid,
            }
            self.gid = pwd.getpwnam("nobody").pw_gid
        except KeyError as missing:
            pytest.skip(f"no user {missing} here")
        self.setpriv, self.home = setpriv, home
        for user in self.ids:
            if user not in _CANNOT_RUN:
                probe = self.run(user, "--version")
                _CANNOT_RUN[user] = "" if probe.exit_code == 0 else probe.stderr.strip()
            if _CANNOT_RUN[user]:
                pytest.skip(f"the {user} cannot run newsarchive here: {_CANNOT_RUN[user]}")

    def as_user(self, user: str) -> list[str]:
        """The command prefix that runs what follows as ``user``."""
        return [
            self.setpriv, f"--reuid={self.ids[user]}", f"--regid={self.gid}", "--clear-groups"
        ]  # fmt: skip

    def env(self) -> dict[str, str]:
        return {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"} | {
            "HOME": str(self.home),
            "NEWSARCHIVE_PROFILES": str(self.home / "no-user-profiles"),
        }

    def run(self, user: str, *args: str) -> Result:
        done = subprocess.run(
            [*self.as_user(user), sys.executable, "-m", "newsarchive", *args],
            capture_output=True, text=True, env=self.env(), cwd=self.home, timeout=120,
            check=False,
        )  # fmt: skip
        return Result(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def users() -> Iterator[_Users]:
    """A folder every user can reach (pytest's own is root's alone), holding ``home``."""
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="newsarchive-users-"))
    try:
        top.chmod(0o755)
        (top / "home").mkdir()
        yield _Users(top / "home")
    finally:
        shutil.rmtree(top)


def _refused_writes(users: _Users, db: Path) -> None:
    source = write_jsonl(users.home / "more.jsonl", [{**ARTICLES[0], "url": "https://x.bg/9"}])
    source.chmod(0o644)
    for args in (
        ("import-jsonl", str(source)),
        ("crawl", "bta", "--base-url", "http://127.0.0.1:9"),
        ("reextract",),
    ):
        result = users.run("analyst", *args, "--db", str(db))
        assert result.exit_code == 2, (args, result.stdout, result.stderr)
        lines = result.stderr.splitlines()
        assert len(lines) == 1 and lines[0].startswith("newsarchive: error:"), result.stderr
        assert "read-only for this user" in lines[0], lines[0]


def _reads(users: _Users, db: Path) -> None:
    found = users.run("analyst", "search", "община", "--format", "json", "--db", str(db))
    assert set(ids(found)) == {1, 2, 3, 5} and found.stderr == "", found.stderr
    shown = users.run("analyst", "show", "1", "--db", str(db))
    assert shown.exit_code == 0 and ARTICLES[0]["title"] in shown.stdout, shown.stderr
    assert shown.stderr == ""


def test_a_read_only_file_in_a_read_only_folder_as_another_user(
    run_cli: Cli, users: _Users
) -> None:
    """``chmod 444`` and a folder of ``555``, as they are for every user but root: search
    and show read it, the writers are one line and exit 2, and the file is untouched."""
    folder = users.home / "shared"
    folder.mkdir()
    db = build(run_cli, folder / "archive.db")
    for extra in (db.with_suffix(".jsonl"), Path(f"{db}.lock")):
        extra.unlink()
    db.chmod(0o444)
    folder.chmod(0o555)
    before = _digest(db)
    _reads(users, db)
    _refused_writes(users, db)
    assert _digest(db) == before
    assert sorted(p.name for p in folder.iterdir()) == ["archive.db"]


def test_an_analysts_search_in_a_shared_folder_leaves_the_researchers_crawl_working(
    users: _Users,
) -> None:
    """A group's shared folder (``2775``): the researcher's archive (``644``) is read-only
    for the analyst, the folder is not. SQLite's read-only open made the ``-shm`` and
    ``-wal`` there, owned by the analyst with the archive's ``644``, and left them: the
    researcher's next import or crawl, and every one after, failed, exit 74 ("attempt
    to write a readonly database"), until someone deleted them. The analyst reads it
    as one whose folder is read-only does (immutable, no writer being there) and leaves
    nothing beside it; the writers are refused as the archive's being read-only."""
    db = _shared_archive(users)
    folder = db.parent
    assert db.stat().st_mode & 0o777 == 0o644
    _reads(users, db)
    _refused_writes(users, db)
    assert sorted(p.name for p in folder.iterdir()) == ["archive.db", "archive.db.lock"]
    more = write_jsonl(users.home / "night.jsonl", [{**ARTICLES[0], "url": "https://x.bg/7"}])
    more.chmod(0o644)
    night = users.run("researcher", "import-jsonl", str(more), "--db", str(db))
    assert night.exit_code == 0, night.stderr
    assert "imported 1 new" in night.stdout


def test_an_archive_file_another_user_cannot_read_is_one_line_and_exit_2(
    run_cli: Cli, users: _Users
) -> None:
    """A researcher's ``600`` archive, read by an analyst: SQLite's "unable to open
    database file" came out of its connect, unsaid, and every read command was exit 70,
    "internal error", where an unreadable folder was "Permission denied", exit 2."""
    db = build(run_cli, users.home / "private.db")
    db.chmod(0o600)
    for args in (("search", "община"), ("show", "1"), ("export",), ("stats",)):
        result = users.run("analyst", *args, "--db", str(db))
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stderr == (
            f"newsarchive: error: cannot open archive {db}: Permission denied\n"
        ), args


def _shared_archive(users: _Users) -> Path:
    """The researcher's archive (``644``) of ``ARTICLES`` in a group's shared folder
    (``2775``): read-only for the analyst, the folder not."""
    folder = users.home / "shared"
    folder.mkdir()
    os.chown(folder, users.ids["researcher"], users.gid)
    folder.chmod(0o2775)
    records = users.home / "articles.jsonl"
    write_jsonl(records, ARTICLES).chmod(0o644)
    db = folder / "archive.db"
    made = users.run("researcher", "import-jsonl", str(records), "--db", str(db))
    assert made.exit_code == 0, made.stderr
    return db


def _get(url: str) -> str:
    import urllib.request

    with urllib.request.urlopen(url, timeout=30) as response:
        return str(response.read().decode("utf-8"))


def _titles(url: str) -> list[str]:
    import json

    rows = json.loads(_get(f"{url}/archive/articles.json?_shape=array&_col=title&_size=100"))
    return [row["title"] for row in rows]


# The night's new article, and a word only it has.
NIGHT = {**ARTICLES[0], "url": "https://www.bta.bg/8", "title": "Пристанището получи кран",
         "text": "Пристанището в Русе получи нов кран."}  # fmt: skip


def test_serve_on_a_shared_folder_archive_sees_what_the_nightly_crawl_adds(
    users: _Users,
) -> None:
    """The analyst's ``serve`` of the researcher's archive in a shared folder opens it
    immutable (``_would_leave_shm``), which never looks at the file again: the article
    the researcher's next import added was not on the served pages until ``serve`` was
    restarted, and SQLite does not promise an immutable read of a changed file is right.
    It now opens it again once the files changed: the new article is found and listed,
    and the analyst still leaves no file in the folder for the researcher to trip on."""
    db = _shared_archive(users)
    with serving(db, run_as=users.as_user("analyst"), env=users.env(), cwd=users.home) as run:
        found = f"{run.url}/search?q={quote('Пристанището')}"
        for _ in range(6):  # (each worker thread opens its connection at its first request)
            assert NIGHT["title"] not in _titles(run.url) and NIGHT["title"] not in _get(found)
        night = write_jsonl(users.home / "night.jsonl", [NIGHT])
        night.chmod(0o644)
        added = users.run("researcher", "import-jsonl", str(night), "--db", str(db))
        assert added.exit_code == 0 and "imported 1 new" in added.stdout, added.stderr
        for _ in range(6):
            assert NIGHT["title"] in _titles(run.url) and NIGHT["title"] in _get(found)
    assert run.rest == "newsarchive: stopped by SIGTERM\n", run.rest
    assert all(p.stat().st_uid != users.ids["analyst"] for p in db.parent.iterdir())
    again = users.run("researcher", "import-jsonl", str(night), "--db", str(db))
    assert again.exit_code == 0, again.stderr


# A researcher's writer that commits a change and holds the archive open until told.
HOLDING = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("UPDATE articles SET title = ? WHERE id = 1", (sys.argv[2],))
conn.commit()
print("held", flush=True)
sys.stdin.readline()
conn.close()
"""


def test_serve_on_a_shared_folder_archive_follows_a_crawl_under_way_and_after(
    users: _Users,
) -> None:
    """While the researcher's crawl runs, its ``-wal`` and ``-shm`` (the researcher's,
    read-only for the analyst) are beside the archive and its commits are in the
    ``-wal``, which an immutable open never reads: ``serve`` opens it again through the
    writer's ``-shm`` and shows the commit; once the writer has gone, what it wrote is
    still shown, and no file of the analyst's is left for the researcher's next run."""
    db = _shared_archive(users)
    renamed = "Общината ремонтира площада"
    with serving(db, run_as=users.as_user("analyst"), env=users.env(), cwd=users.home) as run:
        assert _titles(run.url)[0] == ARTICLES[0]["title"]
        writer = subprocess.Popen(
            [*users.as_user("researcher"), sys.executable, "-c", HOLDING, str(db), renamed],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=users.env(),
            cwd=users.home,
        )  # fmt: skip
        try:
            assert writer.stdout is not None and writer.stdout.readline() == "held\n"
            assert Path(f"{db}-shm").exists() and Path(f"{db}-wal").stat().st_size > 0
            assert [_titles(run.url)[0] for _ in range(6)] == [renamed] * 6  # (every thread)
        finally:
            writer.communicate("\n", timeout=60)
        assert writer.returncode == 0
        assert [_titles(run.url)[0] for _ in range(6)] == [renamed] * 6
    assert run.rest == "newsarchive: stopped by SIGTERM\n", run.rest
    assert all(p.stat().st_uid != users.ids["analyst"] for p in db.parent.iterdir())
    night = write_jsonl(users.home / "night.jsonl", [NIGHT])
    night.chmod(0o644)
    added = users.run("researcher", "import-jsonl", str(night), "--db", str(db))
    assert added.exit_code == 0 and "imported 1 new" in added.stdout, added.stderr
