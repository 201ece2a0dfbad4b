"""A URL's password (``http://user:secret@…``) is never printed, logged, archived or shown:
``safe_text.redacted`` masks it (``user:***@``) wherever a URL is said, and a page's
address, as archived, holds no userinfo at all (``urls.without_userinfo``)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.urls import without_userinfo
from newsarchive.errors import FetchError
from newsarchive.fetch.client import FetchOptions
from newsarchive.mirror import MirrorServer
from newsarchive.safe_text import redacted

from .pageserver import pages_fetcher
from .support import Result

Cli = Callable[..., Result]
SECRET = "s3cret-pass"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("http://user:s3cret@127.0.0.1:9/", "http://user:***@127.0.0.1:9/"),
        ("x (fetched from https://u:p@ss@h.bg/a) y", "x (fetched from https://u:***@h.bg/a) y"),
        ("'HTTP://U:P@H.BG'", "'HTTP://U:***@H.BG'"),
        # no password, or no userinfo: left as it is
        ("https://token@h.bg/a", "https://token@h.bg/a"),
        ("http://h.bg:8080/a mailto a:b@c.bg", "http://h.bg:8080/a mailto a:b@c.bg"),
        ("https://h.bg/a?next=u:p@x", "https://h.bg/a?next=u:p@x"),
    ],
)
def test_a_password_in_any_text_is_masked_and_nothing_else(text: str, said: str) -> None:
    assert redacted(text) == said
    assert redacted(said) == said  # (said twice, as a line that quotes a line is)


def test_an_address_as_archived_has_no_userinfo() -> None:
    assert without_userinfo("https://u:p@www.x.bg/a?b=1#c") == "https://www.x.bg/a?b=1#c"
    assert without_userinfo("https://www.x.bg/a@b") == "https://www.x.bg/a@b"
    assert without_userinfo("http://[::1") == "http://[::1"


def _no_secret(*texts: str) -> None:
    for text in texts:
        assert SECRET not in text, text


def test_crawl_from_a_mirror_behind_a_login_says_no_password(
    run_cli: Cli, mirror: Callable[[str], MirrorServer], db: Path, tmp_path: Path
) -> None:
    """``--base-url http://user:pass@host/`` was quoted whole in every ``--log-file`` line
    ("start bta … from mirror http://user:pass@…", each request's "fetched from")."""
    server = mirror("bta")
    base = server.url.replace("http://", f"http://reader:{SECRET}@")
    log = tmp_path / "crawl.log"
    args = ("--base-url", base, "--delay", "0", "--log-file", str(log), "--db", str(db))
    result = run_cli("crawl", "bta", *args)
    assert result.exit_code == 0, result.stderr
    logged = log.read_text(encoding="utf-8")
    assert "from mirror http://reader:***@127.0.0.1:" in logged
    assert "(fetched from http://reader:***@127.0.0.1:" in logged
    _no_secret(result.stdout, result.stderr, logged)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] > 0
    conn.close()
    _no_secret(db.read_bytes().decode("utf-8", "replace"))


@pytest.mark.parametrize("command", ["crawl", "check-site", "add-site"])
def test_a_mirror_nobody_answers_at_is_named_without_its_password(
    run_cli: Cli, db: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """ "… (fetched from http://user:secret@127.0.0.1:1/) cannot be reached (…)" on stderr
    and in check-site's report."""
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")
    site = "https://www.bta.bg" if command == "add-site" else "bta"
    base = ("--base-url", f"http://reader:{SECRET}@127.0.0.1:1/", "--delay", "0")
    args = (command, site, *base, *(("--db", str(db)) if command == "crawl" else ()))
    result = run_cli(*args)
    assert result.exit_code == (2 if command == "add-site" else 1)
    said = "(fetched from http://reader:***@127.0.0.1:1/) cannot be reached"
    assert said in result.stdout + result.stderr
    _no_secret(result.stdout, result.stderr)


def test_a_bad_base_url_is_refused_without_its_password(run_cli: Cli, db: Path) -> None:
    result = run_cli("crawl", "bta", "--base-url", f"http://u:{SECRET}@127.0.0.1:99999/")
    assert result.exit_code == 2
    assert result.stderr.startswith("newsarchive: error: --base-url is not a valid URL")
    assert "'http://u:***@127.0.0.1:99999/'" in result.stderr
    _no_secret(result.stderr)


@pytest.mark.parametrize("command", [("sites",), ("crawl", "login"), ("check-site", "login")])
def test_a_profile_logging_into_its_site_is_refused_without_its_password(
    run_cli: Cli, tmp_path: Path, db: Path, command: tuple[str, ...]
) -> None:
    """A profile's ``origin = "http://reader:pass@host"`` was listed by ``sites`` as it
    stood, its site's hosts were "reader:pass@host" (which no link names), and its crawl
    archived robots.txt under that address and wrote it in ``--log-file``'s start line."""
    profile = tmp_path / "login.toml"
    profile.write_text(
        f'id = "login"\nname = "Вход"\norigin = "http://reader:{SECRET}@127.0.0.1:1"\n',
        encoding="utf-8",
    )
    db_args = ("--db", str(db)) if command[0] == "crawl" else ()
    result = run_cli(*command, "--profile", str(profile), *db_args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"newsarchive: error: {profile}: 'origin' holds a login ('http://reader:***@127.0.0.1:1'):"
        " name the site's public address, as https://host; newsarchive crawls what anyone can"
        " read\n"
    )
    assert not db.exists()


def test_an_imported_address_is_archived_without_its_userinfo(run_cli: Cli, db: Path) -> None:
    """An article's address with a login in it (a hand-made record's) was archived,
    exported, searched and shown as it was, the password with it: the same article as
    without it (its key drops it), so the address is archived without it."""
    record = {"site": "bta", "url": f"https://reader:{SECRET}@www.bta.bg/bg/news/1",
              "title": "Общината ремонтира моста", "text": "Ремонтът започва днес."}  # fmt: skip
    source = db.with_name("login.jsonl")
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    exported = run_cli("export", "--db", str(db))
    assert json.loads(exported.stdout)["url"] == "https://www.bta.bg/bg/news/1"
    shown = run_cli("search", "моста", "--db", str(db))
    _no_secret(exported.stdout, shown.stdout, db.read_bytes().decode("utf-8", "replace"))


def test_extract_says_the_page_s_address_without_its_userinfo(run_cli: Cli, tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Нов парк</title></head><body><article><h1>Нов парк</h1>"
        "<p>Общината откри нов парк в квартала.</p></article></body></html>",
        encoding="utf-8",
    )
    result = run_cli("extract", str(page), "--url", f"https://u:{SECRET}@www.x.bg/novini/1")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["url"] == "https://www.x.bg/novini/1"


def test_a_redirect_to_an_address_with_a_login_is_followed_without_it() -> None:
    """A site's redirect naming ``user:password@`` kept it in the page's address, which the
    crawl archives (and its log quoted)."""
    pages = {"/a": "<html><body><p>Здравейте</p></body></html>"}
    lines: list[str] = []
    redirects = {"/r": f"https://reader:{SECRET}@www.t.bg/a"}
    with pages_fetcher(
        pages, ["www.t.bg"], FetchOptions(retries=0, delay=0), redirects=redirects
    ) as fetcher:
        fetcher._log = lines.append
        page = fetcher.fetch("https://www.t.bg/r")
    assert (page.status, page.final_url) == (200, "https://www.t.bg/a")
    _no_secret(*lines)


def test_a_site_s_move_to_an_address_with_a_login_is_a_move_to_its_host() -> None:
    """robots.txt and the home page answering 301 to ``https://u:pass@www.new.bg/…``:
    the site moved to ``https://u:pass@www.new.bg``, an origin the crawl records in the
    archive and names in its summary."""
    redirects = {"/robots.txt": f"https://u:{SECRET}@www.new.bg/robots.txt",
                 "/": f"https://u:{SECRET}@www.new.bg/"}  # fmt: skip
    with pages_fetcher(
        {}, ["www.t.bg", "www.new.bg"], FetchOptions(retries=0, delay=0), redirects=redirects
    ) as fetcher:
        with pytest.raises(FetchError):  # (one server answers both hosts: a loop)
            fetcher.fetch("https://www.t.bg/")
        assert fetcher.site_move("https://www.t.bg") == "https://www.new.bg"
