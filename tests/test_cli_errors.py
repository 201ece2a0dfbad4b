"""Every bad input gets one line on stderr, exit code 2, no traceback, and no data lost."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from .search_corpus import ARTICLES, build
from .support import Result


def _one_error_line(result: Result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("newsarchive: error: ")
    return lines[0]


@pytest.fixture
def archive(run_cli: Callable[..., Result], tmp_path: Path) -> Path:
    """A small archive made through the public import path."""
    db = tmp_path / "small.db"
    record = {
        "site": "bta",
        "url": "https://www.bta.bg/bg/news/bulgaria/1-test",
        "title": "Общината обяви нов бюджет",
        "published": "2025-03-01",
        "author": None,
        "text": "Общинският съвет прие бюджета.\nСесията продължи три часа.",
    }
    source = tmp_path / "one.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    return db


@pytest.mark.parametrize(
    ("args", "typed"),
    [
        (("search", "бюджет", "--site", "www.bta.bg"), "www.bta.bg"),
        (("search", "бюджет site:bta.bg"), "bta.bg"),
        (("export", "--site", "https://www.bta.bg/"), "https://www.bta.bg/"),
        (("stats", "--stories", "--site", "WWW.BTA.BG"), "www.bta.bg"),
    ],
    ids=["search", "query", "export", "stats"],
)
def test_a_site_s_address_where_its_id_belongs_is_told_the_id(
    run_cli: Callable[..., Result], archive: Path, args: tuple[str, ...], typed: str
) -> None:
    """`crawl www.bta.bg` says "that is the address of the site 'bta'"; `search --site
    www.bta.bg` said only "unknown site" and listed the ids, leaving the analyst to guess
    which one the address was."""
    result = run_cli(*args, "--db", str(archive))
    assert result.exit_code == 2 and result.stdout == ""
    assert _one_error_line(result) == (
        f"newsarchive: error: unknown site '{typed}' (sites in this archive: bta); that is"
        " the address of the site 'bta': name it 'bta'"
    )


def test_a_dotless_host_s_address_where_its_id_belongs_is_told_the_id_by_search_as_crawl(
    run_cli: Callable[..., Result],
    archive: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An address is told by a "." or a "/" (``loader.is_address``): ``crawl`` said of
    "http://intranet/news" that it is the address of the site 'intranet-news', and
    ``search --site`` (which looked for a "." alone) only "unknown site"."""
    profiles = tmp_path / "profiles"
    profiles.mkdir()
    (profiles / "intranet-news.toml").write_text(
        'id = "intranet-news"\norigin = "http://intranet"\n', encoding="utf-8"
    )
    monkeypatch.setenv("NEWSARCHIVE_PROFILES", str(profiles))
    said = "that is the address of the site 'intranet-news': name it 'intranet-news'"
    crawled = run_cli("crawl", "http://intranet/news", "--db", str(tmp_path / "new.db"))
    assert crawled.exit_code == 2 and said in _one_error_line(crawled)
    searched = run_cli("search", "бюджет", "--site", "http://intranet/news", "--db", str(archive))
    assert searched.exit_code == 2 and said in _one_error_line(searched), searched.stderr


@pytest.mark.parametrize("typed", ["http://[::1", "https://[zz]/news"])
@pytest.mark.parametrize(
    "command",
    [
        ("crawl", "{site}"),
        ("check-site", "{site}"),
        ("search", "бюджет", "--site", "{site}"),
        ("export", "--site", "{site}"),
        ("stats", "--stories", "--site", "{site}"),
    ],
    ids=["crawl", "check-site", "search", "export", "stats"],
)
def test_an_address_too_malformed_to_split_where_a_site_belongs_is_an_unknown_site(
    run_cli: Callable[..., Result], archive: Path, command: tuple[str, ...], typed: str
) -> None:
    """A site typed as an address is matched to a profile by its host (``loader.site_at``);
    one ``urlsplit`` refuses (an unclosed or non-IP bracketed host) was "internal error:
    ValueError: Invalid IPv6 URL", exit 70, in all five commands."""
    before = _rows(archive)
    result = run_cli(*(arg.format(site=typed) for arg in command), "--db", str(archive))
    assert result.exit_code == 2, result.stderr
    assert _one_error_line(result).startswith(f"newsarchive: error: unknown site '{typed}' (")
    assert _rows(archive) == before


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        ('origin = "http://[::1"\n', "'origin' names no server: not a valid URL (Invalid IPv6"),
        ('origin = "http://x.bg:99999"\n', "'origin' names no server: not a valid URL (Port"),
        (
            'origin = "http://x.bg"\n[discovery]\nstart_urls = ["http://[zz]/news"]\n',
            "'discovery.start_urls' entry 'http://[zz]/news' names no page: not a valid URL (",
        ),
        (
            'origin = "http://x.bg"\n[discovery]\nfeeds = ["https://[::1/rss"]\n',
            "'discovery.feeds' entry 'https://[::1/rss' names no page: not a valid URL (",
        ),
        (
            'origin = "http://x.bg"\n[discovery]\nsitemaps = ["http://"]\n',
            "'discovery.sitemaps' entry 'http://' names no page: no host",
        ),
    ],
    ids=["origin-bracket", "origin-port", "start-url", "feed", "no-host"],
)
def test_a_profile_url_too_malformed_to_split_is_one_line_exit_2(
    run_cli: Callable[..., Result], archive: Path, tmp_path: Path, toml: str, said: str
) -> None:
    """A profile's origin or a discovery URL that ``urlsplit`` refuses passed the profile's
    checks and raised ValueError when the crawl first split it: "internal error", exit
    70 (a bracketed host), or a crawl asking a port past 65535 or an address without a
    host. It is the user's file: its line names the file, the key and the entry."""
    profile = tmp_path / "mine.toml"
    profile.write_text('id = "mine"\n' + toml, encoding="utf-8")
    before = _rows(archive)
    result = run_cli("crawl", "mine", "--profile", str(profile), "--db", str(archive))
    assert result.exit_code == 2, result.stderr
    assert _one_error_line(result).startswith(f"newsarchive: error: {profile}: {said}")
    assert _rows(archive) == before


def test_a_site_id_pasted_with_spaces_around_it_is_read(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """' bta ', copied from a spreadsheet's cell, was "unknown site 'bta '", as a date so
    pasted once was refused."""
    result = run_cli("search", "бюджет", "--site", " bta\t", "-f", "json", "--db", str(archive))
    assert result.exit_code == 0, result.stderr
    assert len(result.json()) == 1  # type: ignore[arg-type]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_crawl_unknown_site_is_one_line_exit_2(run_cli: Callable[..., Result], db: Path) -> None:
    result = run_cli("crawl", "no-such-site", "--db", str(db))
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "unknown site 'no-such-site'" in line and "bta" in line
    assert not db.exists()


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("https://www.bta.bg/bg/news", "that is the address of the site 'bta': name it 'bta'"),
        ("bta.bg", "that is the address of the site 'bta'"),
        ("https://www.obshtina-x.bg", "newsarchive add-site https://www.obshtina-x.bg --write"),
    ],
)
def test_crawl_given_an_address_names_the_site_or_add_site(
    run_cli: Callable[..., Result], db: Path, typed: str, said: str
) -> None:
    """A site's address where its id belongs (as `add-site` takes one) was only "unknown
    site", the reader left to guess which id the address is, or how to add it."""
    result = run_cli("crawl", typed, "--db", str(db))
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert f"unknown site '{typed}'" in line and said in line, line
    assert not db.exists()


IDN_HOST = "община-пример.бг"
IDN_ASCII = IDN_HOST.encode("idna").decode("ascii")  # "xn--...": DNS's spelling


@pytest.mark.parametrize(
    ("origin", "typed"),
    [
        (f"https://www.{IDN_ASCII}", f"{IDN_HOST}"),
        (f"https://www.{IDN_ASCII}", f"https://{IDN_HOST.upper()}/новини"),
        (f"https://{IDN_HOST}", f"https://www.{IDN_ASCII}/novini"),
    ],
    ids=["cyrillic-typed", "cyrillic-url-typed", "punycode-typed"],
)
def test_crawl_given_an_idn_address_names_the_site_in_either_spelling(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, origin: str, typed: str
) -> None:
    """A ``.бг`` site's address is written both ways (a browser's bar shows the Cyrillic,
    the CMS and DNS the punycode): the profile naming one spelling is the site a user
    typing the other meant, as it is for discovery and the fetcher's redirects."""
    profile = tmp_path / "primer.toml"
    profile.write_text(f'id = "primer"\norigin = "{origin}"\n', encoding="utf-8")
    result = run_cli("crawl", typed, "--profile", str(profile), "--db", str(db))
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "that is the address of the site 'primer': name it 'primer'" in line, line


def test_search_on_missing_archive_is_one_line_exit_2(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    missing = tmp_path / "nothing-here.db"
    result = run_cli("search", "община", "--db", str(missing))
    assert result.exit_code == 2
    assert "no archive at" in _one_error_line(result)
    assert not missing.exists()


@pytest.mark.parametrize("kind", ["garbage", "directory", "no-folder"])
def test_unreadable_db_is_one_line_exit_2(
    run_cli: Callable[..., Result], tmp_path: Path, kind: str
) -> None:
    if kind == "garbage":
        bad = tmp_path / "garbage.db"
        bad.write_bytes(b"this is not a database at all" * 100)
    elif kind == "directory":
        bad = tmp_path / "adir"
        bad.mkdir()
    else:
        bad = tmp_path / "missing-folder" / "x.db"
    for args in (
        ("stats",),
        ("search", "община"),
        ("crawl", "bta", "--base-url", "http://127.0.0.1:9"),
    ):
        result = run_cli(*args, "--db", str(bad))
        assert result.exit_code == 2, (args, result.stderr)
        assert "archive" in _one_error_line(result)
    if kind == "garbage":
        assert bad.read_bytes() == b"this is not a database at all" * 100


@pytest.mark.parametrize("query", ['"(', "AND", "*", "OR", "община OR", '"незатворени кавички'])
def test_malformed_query_is_one_line_exit_2_and_archive_untouched(
    run_cli: Callable[..., Result], archive: Path, query: str
) -> None:
    before = _digest(archive)
    result = run_cli("search", query, "--db", str(archive))
    assert result.exit_code == 2, result.stdout
    _one_error_line(result)
    assert result.stdout == ""
    assert _digest(archive) == before


def test_search_without_hits_prints_empty_json_array(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    result = run_cli("search", "несъществуващадума", "--format", "json", "--db", str(archive))
    assert result.exit_code == 0
    assert result.json() == []


@pytest.mark.parametrize("content", [b"\x89PNG\r\n\x1a\n\x00\x00binary", b"just some words"])
def test_extract_non_html_file_is_one_line_exit_2(
    run_cli: Callable[..., Result], tmp_path: Path, content: bytes
) -> None:
    path = tmp_path / "thing.bin"
    path.write_bytes(content)
    result = run_cli("extract", str(path))
    assert result.exit_code == 2
    assert "does not look like an HTML page" in _one_error_line(result)


_RSS = """<?xml version="1.0" encoding="UTF-8"?>
<?xml-stylesheet type="text/xsl" href="/rss.xsl"?>
<rss version="2.0"><channel><title>Община Липа</title>
<item><title>Нова детска площадка</title><link>https://lipa.bg/novini/12</link>
<pubDate>Mon, 30 Nov 2026 09:00:00 +0200</pubDate>
<description><![CDATA[<p>Площадката в парка е готова.</p>]]></description></item>
</channel></rss>"""
_ATOM = """<?xml version="1.0" encoding="utf-8"?><!-- generator -->
<feed xmlns="http://www.w3.org/2005/Atom"><title>Община Липа</title>
<entry><title>Нова детска площадка</title><published>2026-11-30T09:00:00+02:00</published>
<content type="html">&lt;div&gt;&lt;p&gt;Готова е.&lt;/p&gt;&lt;/div&gt;</content></entry>
</feed>"""
_SITEMAP = """\ufeff<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>
<loc>https://lipa.bg/novini/12</loc><lastmod>2026-11-30</lastmod></url></urlset>"""


@pytest.mark.parametrize(
    ("content", "kind"),
    [(_RSS, "an RSS feed"), (_ATOM, "an Atom feed"), (_SITEMAP, "a sitemap")],
    ids=["rss", "atom", "sitemap"],
)
def test_extract_of_a_feed_or_a_sitemap_says_so_in_one_line_exit_2(
    run_cli: Callable[..., Result], tmp_path: Path, content: str, kind: str
) -> None:
    """An RSS feed's "<pubDate>" began with "<p", which the page sniff took for a
    paragraph: its titles and dates were printed as one article's text, exit 0."""
    path = tmp_path / "feed.xml"
    path.write_text(content, encoding="utf-8")
    result = run_cli("extract", str(path))
    assert result.exit_code == 2, result.stdout
    assert _one_error_line(result) == f"newsarchive: error: {path} is {kind}, not an HTML page"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("", "stdin is empty"),
        ("\x01\x02 no markup at all", "stdin does not look like an HTML page"),
        ('<?xml version="1.0"?><rss><channel></channel></rss>', "stdin is an RSS feed"),
    ],
    ids=["empty", "no-html", "feed"],
)
def test_extract_of_stdin_names_stdin_not_a_dash(
    run_cli: Callable[..., Result], given: str, said: str
) -> None:
    """``extract -`` said "- is empty" of an empty pipe."""
    result = run_cli("extract", "-", input=given)
    assert result.exit_code == 2
    assert _one_error_line(result).startswith(f"newsarchive: error: {said}")


def test_extract_missing_file_is_one_line_exit_2(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    result = run_cli("extract", str(tmp_path / "absent.html"))
    assert result.exit_code == 2
    assert "cannot read" in _one_error_line(result)


@pytest.mark.parametrize(
    "args",
    [
        ("http://[::1",),  # an internal error (70) from the fetcher
        ("http://",),  # "robots.txt of http:// unreadable (UnsupportedProtocol …)"
        ("HTTP://",),  # read as a file's name
        ("page.html", "--url", "http://[::1"),  # an internal error from the link reader
        ("page.html", "--url", "news/1"),  # links read against nothing
    ],
    ids=["bad-ipv6", "no-host", "upper-case-no-host", "url-bad-ipv6", "url-relative"],
)
def test_extract_of_an_address_no_page_can_have_is_one_line_exit_2(
    run_cli: Callable[..., Result], tmp_path: Path, args: tuple[str, ...]
) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Заглавие</h1><p>Текст.</p></body></html>", "utf-8")
    args = tuple(str(page) if a == "page.html" else a for a in args)
    result = run_cli("extract", *args)
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    said = "is not a valid URL" if "[" in args[-1] else "is no http(s) URL with a host"
    assert said in _one_error_line(result)


@pytest.mark.parametrize(
    ("address", "said"),
    [
        # asked of the DNS as "a%20b.bg", then "robots.txt … unreadable: disallowed"
        ("http://a b.bg/x", "the address is not a valid URL (the host 'a b.bg' holds ' ',"),
        ("https://a%20b.bg/", "the address is not a valid URL (the host 'a%20b.bg' holds '%',"),
        # a user name kept the host unmarked: "robots.txt … unreadable: disallowed"
        ("http://user@news.nowhere.invalid/x", "http://user@news.nowhere.invalid cannot be"),
    ],
    ids=["space", "percent", "user-name"],
)
def test_extract_of_an_address_no_server_answers_says_why_in_one_line(
    run_cli: Callable[..., Result], address: str, said: str
) -> None:
    result = run_cli("extract", address)
    assert result.exit_code == 2, result.stderr
    line = _one_error_line(result)
    assert line.startswith(f"newsarchive: error: {said}"), line
    assert "robots.txt" not in line


def test_bad_date_option_is_one_line_exit_2(run_cli: Callable[..., Result], archive: Path) -> None:
    result = run_cli("export", "--since", "12/31/2024", "--db", str(archive))
    assert result.exit_code == 2
    assert "--since must be a date" in _one_error_line(result)


def test_import_bad_line_imports_nothing(
    run_cli: Callable[..., Result], archive: Path, tmp_path: Path
) -> None:
    good = {"site": "bta", "url": "https://www.bta.bg/bg/news/bulgaria/2-x", "title": "Т"}
    source = tmp_path / "mixed.jsonl"
    source.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    result = run_cli("import-jsonl", str(source), "--db", str(archive))
    assert result.exit_code == 2
    assert "line 2" in _one_error_line(result)
    exported = run_cli("export", "--db", str(archive))
    assert len(exported.stdout.splitlines()) == 1


def test_show_unknown_id_is_one_line_exit_2(run_cli: Callable[..., Result], archive: Path) -> None:
    result = run_cli("show", "999", "--db", str(archive))
    assert result.exit_code == 2
    assert "no article with id or URL '999'" in _one_error_line(result)


@pytest.mark.parametrize(
    "command",
    [
        "crawl",
        "search",
        "show",
        "extract",
        "export",
        "import-jsonl",
        "sites",
        "stats",
        "reextract",
        "check-site",
        "datasette-metadata",
    ],
)
def test_every_command_explains_itself(run_cli: Callable[..., Result], command: str) -> None:
    result = run_cli(command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.stdout and len(result.stdout.splitlines()) > 5


def test_every_commands_help_names_its_exit_codes(run_cli: Callable[..., Result]) -> None:
    """search, export, show, stats, import-jsonl and serve named no exit code in --help
    (trial22): every command does, with codes errors.py defines (or a signal's)."""
    import re

    import typer

    from newsarchive import errors
    from newsarchive.cli import app

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    known = {str(code) for code in errors.EXIT_SAID}
    for name in commands:
        text = " ".join(run_cli(name, "--help").stdout.replace("│", " ").split())
        said = re.search(r"Exit (\d+)[^.]*\.", text)
        assert said, name
        codes = set(re.findall(r"\b(\d+)(?:/\d+)? (?:on|when)\b", said.group(0)))
        assert codes and codes <= known, (name, said.group(0))
    serve = " ".join(run_cli("serve", "--help").stdout.split())
    assert "(install newsarchive[web])" in serve  # (rich took "[web]" for markup)
    text = " ".join(run_cli("import-jsonl", "--help").stdout.replace("│", " ").split())
    assert errors.exits_help(
        errors.EXIT_LOCKED, errors.EXIT_OK, said={errors.EXIT_OK: "when all went well"}
    ) == ("Exit 0 when all went well, 75 when another crawl or import (or program) holds"
          " the archive: try later.")  # fmt: skip
    assert "75 when another crawl or import (or program) holds the archive" in text


def test_every_option_of_every_command_says_what_it_does() -> None:
    """--format of search, show, extract and export and serve's --port had no line in
    --help (a bare choice list: which one writes a file, which one reads back?)."""
    import typer

    from newsarchive.cli import app

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    assert len(commands) > 10
    bare = [
        f"{name} {param.opts[0]}"
        for name, command in commands.items()
        for param in command.params
        if param.param_type_name == "option" and not (param.help or "").strip()
    ]
    assert bare == []


@pytest.mark.parametrize("command", ["crawl", "search", "export", "stats", "reextract"])
def test_every_date_option_names_the_forms_it_reads(
    run_cli: Callable[..., Result], command: str, db: Path
) -> None:
    """--since's help said (YYYY-MM-DD) while 31.05.2024 is read too (trial19): the
    forms are named once, for the help and the error alike, and the day-first one works."""
    text = " ".join(run_cli(command, "--help").stdout.replace("│", " ").split())
    assert "From this date, inclusive (2024-05-31 or 31.05.2024)." in text
    refused = run_cli(command, "--since", "31/05/2024", "--db", str(db))
    assert refused.exit_code == 2
    assert "must be a date like 2024-05-31 or 31.05.2024" in refused.stderr


def test_crawl_help_says_quiet_still_prints_warnings(run_cli: Callable[..., Result]) -> None:
    """--quiet's help said "Print only errors", while a quiet crawl also prints its
    warnings (profile drift, a cut feed), as the README says: cron mails them."""
    text = " ".join(run_cli("crawl", "--help").stdout.replace("│", " ").split())
    assert "Print only errors and warnings: nothing when all went well." in text


def test_crawl_help_says_the_defaults_the_crawl_takes() -> None:
    """The help once wrote each default out by hand beside the value the crawl took."""
    import typer

    from newsarchive.cli import app
    from newsarchive.crawl_run import CrawlOptions
    from newsarchive.models import Profile

    group = typer.main.get_command(app)
    crawl = group.commands["crawl"]  # type: ignore[attr-defined]
    helps = {param.name: getattr(param, "help", "") for param in crawl.params}
    options, profile = CrawlOptions(), Profile(id="x", name="X", origin="https://x.bg")
    assert f"the profile's max_pages, {profile.max_pages};" in helps["max_pages"]
    assert f"(default {options.fetch.max_connections})" in helps["connections"]
    assert f"in a row ({options.stop_after_known})" in helps["stop_after_known"]
    assert f"per run ({options.max_requests})" in helps["max_requests"]
    assert f"else {options.fetch.delay:g};" in helps["delay"]


def test_top_level_help_lists_commands(run_cli: Callable[..., Result]) -> None:
    result = run_cli("--help")
    assert result.exit_code == 0
    for command in ("crawl", "search", "show", "extract", "export", "import-jsonl", "stats"):
        assert command in result.stdout


def test_help_paragraphs_are_one_line_each() -> None:
    """Typer's panels keep a paragraph's source line breaks, so each must be one line."""
    from newsarchive.cli import app

    infos = [info for info in app.registered_commands if info.callback]
    assert len(infos) > 10
    for info in infos:
        assert info.short_help and "\n" not in info.short_help, info.short_help
        assert info.help and all("\n" not in part for part in info.help.split("\n\n"))


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("search", "x", "--qwerty"), "No such option: --qwerty (see 'newsarchive search -h')"),
        (("bogus",), "No such command 'bogus' (see 'newsarchive -h')"),
        (("search", "--limit", "abc", "x"), "'abc' is not a valid int range"),
        (("show",), "Missing argument"),
    ],
)
def test_usage_errors_are_one_line_too(
    run_cli: Callable[..., Result], args: tuple[str, ...], said: str
) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("newsarchive: error: ") and said in line, line
    assert "╭" not in result.stderr and "Usage:" not in result.stderr


def test_usage_error_from_the_installed_command_is_one_line() -> None:
    import subprocess

    done = subprocess.run(
        [str(Path(sys.executable).with_name("newsarchive")), "crawl", "--no-such-flag"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "newsarchive: error: No such option: --no-such-flag (see 'newsarchive crawl -h')"
    ]


def test_version(run_cli: Callable[..., Result]) -> None:
    from newsarchive.extractor_version import EXTRACTOR_VERSION

    result = run_cli("--version")
    assert result.exit_code == 0 and result.stdout.strip() == EXTRACTOR_VERSION


@pytest.fixture
def damaged(run_cli: Callable[..., Result], tmp_path: Path) -> Path:
    """An archive whose middle third was zeroed (a disk fault, a bad copy): its first pages
    open fine, the damage shows only when a query reaches it."""
    db = tmp_path / "damaged.db"
    source = tmp_path / "many.jsonl"
    records = (
        {
            "site": "bta",
            "url": f"https://www.bta.bg/bg/news/{i}-x",
            "title": f"Общината обяви бюджет {i}",
            "published": "2025-03-01",
            "text": f"Общинският съвет прие бюджета номер {i}. " * 40,
        }
        for i in range(300)
    )
    source.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    for leftover in (Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}.lock")):
        leftover.unlink(missing_ok=True)
    data = db.read_bytes()
    third = len(data) // 3
    db.write_bytes(data[:third] + b"\0" * third + data[2 * third :])
    return db


@pytest.mark.parametrize(
    "args",
    [("stats",), ("search", "бюджета"), ("export",), ("show", "150")],
    ids=lambda args: args[0],
)
def test_a_damaged_archive_is_one_line_exit_2_and_untouched(
    run_cli: Callable[..., Result], damaged: Path, args: tuple[str, ...]
) -> None:
    before = _digest(damaged)
    result = run_cli(*args, "--db", str(damaged))
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert "the archive is damaged: database disk image is malformed" in _one_error_line(result)
    assert _digest(damaged) == before


def test_an_archive_whose_articles_root_page_is_overwritten_is_damaged_to_stats_too(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """The articles table's root page overwritten: search, show and export said it
    damaged, exit 2, while stats counted from the indexes, whole, and exited 0. And every
    line's way out said "sqlite3 ARCHIVE .recover", a word to replace: the archive's own
    name now, quoted for a shell."""
    db = build(run_cli, tmp_path / "an archive.db", ARTICLES)
    for leftover in (Path(f"{db}-wal"), Path(f"{db}-shm"), Path(f"{db}.lock")):
        leftover.unlink(missing_ok=True)
    with closing(sqlite3.connect(db)) as conn:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'articles'"
        ).fetchone()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * size)
        handle.write(b"\xa5" * size)
    for args in (("stats",), ("search", "общината"), ("export",), ("show", "1")):
        result = run_cli(*args, "--db", str(db))
        assert result.exit_code == 2, (args, result.stderr)
        line = _one_error_line(result)
        assert line.startswith("newsarchive: error: the archive is damaged: "), (args, line)
        assert f"(sqlite3 '{db}' .recover | sqlite3 NEW.db" in line, (args, line)


@pytest.mark.parametrize(
    ("table", "args"),
    [
        ("runs", ("stats",)),  # internal error: OperationalError, exit 70
        ("lemma_vocab", ("search", "бюджет")),  # the same
        ("revisions", ("show", "1")),  # the same
        ("articles_fts", ("search", "бюджет")),  # exit 2, but "could not run this query"
        ("articles_fts", ("import-jsonl", "{again}")),  # exit 74, a disk to free
        ("frontier", ("crawl", "bta", "--base-url", "{mirror}", "--delay", "0")),  # 74 too
    ],
    ids=lambda value: value if isinstance(value, str) else value[0],
)
def test_an_archive_missing_a_table_of_its_schema_is_said_damaged_and_keeps_its_articles(
    run_cli: Callable[..., Result],
    archive: Path,
    mirror: Callable[[str], Any],
    table: str,
    args: tuple[str, ...],
) -> None:
    """A table dropped by hand (a sqlite3 shell, another program) was met only by the
    statement reading it, and each command said it its own way, none "damaged"."""
    with sqlite3.connect(archive) as conn:
        conn.execute(f"DROP TABLE {table}")
    conn.close()
    again = archive.with_name("again.jsonl")
    again.write_text(run_cli("export", "--db", str(archive)).stdout, encoding="utf-8")
    url = mirror("bta").url if "{mirror}" in args else ""
    typed = [arg.format(again=again, mirror=url) for arg in args]
    result = run_cli(*typed, "--db", str(archive))
    assert result.exit_code == 2, result.stderr
    line = _one_error_line(result)
    assert f"the archive is damaged: its table {table} is missing" in line, line
    assert f"export --db {archive} --out all.jsonl, then import-jsonl all.jsonl" in line
    kept = run_cli("export", "--db", str(archive))
    assert kept.exit_code == 0 and kept.stdout == again.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("wanted", "said"),
    [
        ("²", "no article with id or URL"),
        ("9" * 5000, "no article with id or URL"),
        ("99999999999999999999", "no article with id or URL"),
        ("http://[::1", "no article with id or URL"),
        ("https://x.bg/\udcff\udcfe", "'https://x.bg/\\xff\\xfe' holds bytes that are no UTF-8"),
    ],
)
def test_show_an_id_or_url_nothing_can_take_is_one_line_exit_2(
    run_cli: Callable[..., Result], archive: Path, wanted: str, said: str
) -> None:
    """``str.isdigit`` takes "²", which ``int`` refuses; 5,000 digits pass the check and
    exceed ``int``'s; 20 digits overflow SQLite's int64; urlsplit refuses "http://[::1";
    bytes of a command line that are no UTF-8 arrive as lone surrogates, which UTF-8
    cannot encode: each was an internal error (the last is now refused as input, its
    bytes shown, as every typed word is: test_locale_args)."""
    result = run_cli("show", wanted, "--db", str(archive))
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert said in _one_error_line(result)


@pytest.mark.parametrize(
    ("record", "said"),
    [
        ('"title": "Заглавие \\ud800"', "'title' holds a lone surrogate"),
        ('"author": "Иван \\udc80"', "'author' holds a lone surrogate"),
        ('"tags": ["\\udfff"]', "'tags' holds a lone surrogate"),
        ('"author": ["Иван", "Петър"]', "'author' must be a string or null"),
        ('"author": {"name": "Иван"}', "'author' must be a string or null"),
    ],
    ids=["title-surrogate", "author-surrogate", "tag-surrogate", "author-list", "author-object"],
)
@pytest.mark.parametrize("url", ["https://www.bta.bg/bg/news/2-x", "https://[::1/x"])
def test_import_a_record_sqlite_cannot_hold_is_one_line_exit_2(
    run_cli: Callable[..., Result], archive: Path, tmp_path: Path, record: str, said: str, url: str
) -> None:
    """JSON may escape a lone surrogate, which SQLite's UTF-8 encoder refuses; a list is
    no author; urlsplit refuses "http://[::1": each was an internal error (exit 70)."""
    before = _digest(archive)
    source = tmp_path / "bad.jsonl"
    source.write_text(f'{{"site": "bta", "url": "{url}", {record}}}\n', encoding="utf-8")
    result = run_cli("import-jsonl", str(source), "--db", str(archive))
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    line = _one_error_line(result)
    assert "line 1: " in line
    assert ("'url' is not a valid URL" if "[" in url else said) in line
    assert _digest(archive) == before


def test_extract_reads_no_more_of_a_file_than_a_crawl_would(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A path may be /dev/zero or a pipe that never ends: it was read whole into memory."""
    from newsarchive.models import MAX_BODY_BYTES

    page = ("<html><body><h1>Заглавие</h1><p>" + "Текст на статията. " * 10).encode()
    just = tmp_path / "just.html"
    just.write_bytes(page + b" " * (MAX_BODY_BYTES - len(page)))
    assert run_cli("extract", str(just)).exit_code == 0
    big = tmp_path / "big.html"
    big.write_bytes(just.read_bytes() + b" ")
    result = run_cli("extract", str(big))
    assert result.exit_code == 2
    assert "is larger than 10,485,760 bytes" in _one_error_line(result)


@pytest.mark.parametrize(
    "args",
    [
        ("crawl", "bta", "--delay", "inf"),
        ("crawl", "bta", "--delay", "nan"),
        ("crawl", "bta", "--recheck", "99999999999"),
        ("crawl", "bta", "--max-requests", "99999999999999999999"),
        ("search", "община", "--limit", "99999999999999999999"),
    ],
    ids=["delay-inf", "delay-nan", "recheck-huge", "max-requests-huge", "limit-huge"],
)
def test_a_number_past_any_sensible_bound_is_a_usage_error(
    run_cli: Callable[..., Result], archive: Path, args: tuple[str, ...]
) -> None:
    """Options had lower bounds only: --delay inf overflowed time_t, --recheck and --limit
    SQLite's int64 (internal errors), and --delay nan passed every bound."""
    before = _digest(archive)
    extra = ("--base-url", "http://127.0.0.1:9") if args[0] == "crawl" else ()
    result = run_cli(*args, *extra, "--db", str(archive))
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert "Invalid value for" in result.stderr and "Traceback" not in result.stderr
    assert _digest(archive) == before


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("NEWSARCHIVE_TIMEOUT", "nan"),
        ("NEWSARCHIVE_TIMEOUT", "-1"),
        ("NEWSARCHIVE_BACKOFF", "inf"),
        ("NEWSARCHIVE_RETRIES", "99999999999999999999"),
        ("NEWSARCHIVE_MAX_HOST_WAIT", "-5"),
    ],
)
def test_a_setting_out_of_range_is_one_line_exit_2(
    run_cli: Callable[..., Result],
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    value: str,
) -> None:
    """A nan or negative timeout was an internal error from httpx; an infinite backoff
    or retry count, a crawl that never ends."""
    monkeypatch.setenv(name, value)
    result = run_cli("crawl", "bta", "--base-url", "http://127.0.0.1:9", "--db", str(db))
    assert result.exit_code == 2
    assert f"${name} must be a number from" in _one_error_line(result)


def test_ctrl_c_while_the_cli_loads_is_an_exit_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Loading the CLI takes tens of milliseconds; a Ctrl-C then printed
    KeyboardInterrupt's traceback (the console command starts at ``entry.main``)."""
    import builtins

    from newsarchive import entry

    real = builtins.__import__

    def interrupted(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == "newsarchive.cli":
            raise KeyboardInterrupt
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(SystemExit) as stopped:
        entry.main()
    assert stopped.value.code == 130
    assert capsys.readouterr().err == "newsarchive: interrupted\n"
    with pytest.raises(SystemExit) as terminated:  # SIGTERM while loading
        entry._terminated(15, None)
    assert terminated.value.code == 143


def test_the_signals_exit_codes_are_named_once() -> None:
    """130 and 143 were literals in five modules where every other code is named in
    errors.py: only ``entry`` (which may import nothing of ours) keeps copies, equal."""
    import tokenize

    import newsarchive
    from newsarchive import entry, errors

    assert (entry.EXIT_SIGINT, entry.EXIT_SIGTERM) == (errors.EXIT_SIGINT, errors.EXIT_SIGTERM)
    assert (errors.EXIT_SIGINT, errors.EXIT_SIGTERM) == (128 + 2, 128 + 15)
    package = Path(newsarchive.__file__).parent
    literals = []
    for path in sorted(package.rglob("*.py")):
        if path.name in ("errors.py", "entry.py"):
            continue
        with path.open("rb") as source:
            for token in tokenize.tokenize(source.readline):
                if token.type == tokenize.NUMBER and token.string in ("130", "143"):
                    literals.append(f"{path.relative_to(package)}:{token.start[0]}")
    assert literals == []


# The console script's own code (pip writes it), after an audit hook that sends the
# process a real SIGINT as the ``nth`` module after the package's own two starts loading.
_INTERRUPTED_AT_IMPORT = """
import os, signal, sys
nth, count = int(sys.argv.pop(1)), 0
def hook(event, args):
    global count
    if event != "import" or "newsarchive" not in sys.modules:
        return
    if args[0] in ("newsarchive", "newsarchive.entry"):
        return
    count += 1
    if count == nth:
        os.kill(os.getpid(), signal.SIGINT)
sys.addaudithook(hook)
from newsarchive.entry import main
sys.exit(main())
"""


@pytest.mark.parametrize("nth", [1, 2, 3, 5, 10, 30])
def test_ctrl_c_at_any_import_after_the_package_is_an_exit_not_a_traceback(
    tmp_path: Path, nth: int
) -> None:
    """A Ctrl-C in the interpreter's first ~20 ms printed KeyboardInterrupt's traceback:
    the package's ``__init__`` imported ``typing`` (some 10 ms) before ``entry.main``'s
    guard stood. Sent at a module's import rather than after a sleep, so the moment is
    the same on every machine: the 1st module loaded after the package's own two (once
    ``typing``, now ``signal`` in the guard), then a few of the CLI's own."""
    import signal
    import subprocess

    import newsarchive

    src = str(Path(newsarchive.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": src}
    process = subprocess.run(
        [sys.executable, "-c", _INTERRUPTED_AT_IMPORT, str(nth), "--help"],
        capture_output=True, env=env, cwd=tmp_path, timeout=60,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    assert b"Traceback" not in process.stderr, process.stderr.decode()
    assert process.stderr == b"newsarchive: interrupted\n", process.stderr
    assert process.returncode == 130


def _reading_its_stdin(process: subprocess.Popen[bytes]) -> bool | None:
    """Whether ``process`` is blocked reading its stdin, as Linux's /proc says (``read``
    is call 0 on x86-64, 63 on arm64; its first argument the file, 0), None where that
    is not to be read."""
    try:
        call = Path(f"/proc/{process.pid}/syscall").read_text().split()
    except OSError:
        return None
    return call[:2] in (["0", "0x0"], ["63", "0x0"]) or process.poll() is not None


@pytest.mark.parametrize(("signum", "status"), [(2, 130), (15, 143)])
def test_a_signal_to_a_running_command_is_an_exit_not_a_traceback(
    tmp_path: Path, signum: int, status: int
) -> None:
    """The installed command, waiting on stdin (any running command): the signal is sent
    once it reads its stdin, where /proc tells (else after 1.5 s, as it was, a start-up
    slower than that then ended by the signal itself: the -signum case)."""
    import signal
    import time

    command = [str(Path(sys.executable).with_name("newsarchive")), "import-jsonl", "-"]
    process = subprocess.Popen(
        [*command, "--db", str(tmp_path / "a.db")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )  # fmt: skip
    deadline = time.monotonic() + 60  # only a bound: it reads in about half a second
    while (reading := _reading_its_stdin(process)) is False and time.monotonic() < deadline:
        time.sleep(0.02)
    if reading is None:
        time.sleep(1.5)
    process.send_signal(signum)
    _, err = process.communicate(timeout=60)
    assert process.returncode in (status, -signum), (process.returncode, err)
    assert b"Traceback" not in err, err


# The console script's code, after an audit hook that sends the process a real SIGTERM
# the moment the export opens its side file: deterministic, where a sleep is a race.
_TERMINATED_AT_PARTIAL = """
import os, signal, sys
def hook(event, args):
    if event == "open" and str(args[0]).endswith(".partial"):
        os.kill(os.getpid(), signal.SIGTERM)
sys.addaudithook(hook)
from newsarchive.entry import main
sys.exit(main())
"""


def test_sigterm_mid_export_removes_its_side_file_says_so_and_ends_by_the_signal(
    archive: Path, tmp_path: Path
) -> None:
    """SIGTERM (``timeout 1h newsarchive export ...`` in a cron job) killed the export on
    the spot: its side file, as large as the export, stayed behind, and nothing was said.
    The file it was to replace is kept, and the process still ends by the signal (a
    systemd unit stopped so is not a failed one)."""
    import signal
    import subprocess

    import newsarchive

    out = tmp_path / "all.jsonl"
    out.write_text("the export of yesterday\n", encoding="utf-8")
    src = str(Path(newsarchive.__file__).parents[1])
    env = {**os.environ, "PYTHONPATH": src}
    env.pop("NEWSARCHIVE_DB", None)
    process = subprocess.run(
        [sys.executable, "-c", _TERMINATED_AT_PARTIAL, "export", "--out", str(out),
         "--db", str(archive)],
        capture_output=True, env=env, cwd=tmp_path, timeout=60, check=False,
    )  # fmt: skip
    assert process.returncode == -signal.SIGTERM, process.stderr
    assert process.stderr == b"newsarchive: stopped by SIGTERM\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".partial")] == []
    assert out.read_text(encoding="utf-8") == "the export of yesterday\n"


def test_a_signal_right_after_the_side_file_is_made_leaves_no_side_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM's handler raises at whatever bytecode runs next: here the first one after
    the side file exists (its ``open`` returning), which was before the ``try`` that
    removes it: ``.NAME.partial`` stayed behind. Raised there on purpose, not timed."""
    from newsarchive.entry import Terminated
    from newsarchive.export.outfile import written_whole

    real_open = Path.open

    def made_then_stopped(self: Path, *args: Any, **kwargs: Any) -> Any:
        handle = real_open(self, *args, **kwargs)
        if self.name.endswith(".partial"):
            handle.close()
            raise Terminated(143)
        return handle

    out = tmp_path / "all.jsonl"
    out.write_text("the export of yesterday\n", encoding="utf-8")
    monkeypatch.setattr(Path, "open", made_then_stopped)
    with pytest.raises(Terminated), written_whole(out, "w", encoding="utf-8") as handle:
        handle.write("never written\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.jsonl"]
    assert out.read_text(encoding="utf-8") == "the export of yesterday\n"


def test_db_before_the_command_names_the_archive_as_after_it(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    # The top-level help says "The archive is one SQLite file: --db PATH", and users write
    # it where git takes -C: before the command.
    before = run_cli("--db", str(archive), "search", "бюджет", "--format", "json")
    after = run_cli("search", "бюджет", "--format", "json", "--db", str(archive))
    assert before.exit_code == 0, before.stderr
    assert json.loads(before.stdout) == json.loads(after.stdout)
    assert [hit["title"] for hit in json.loads(before.stdout)] == ["Общината обяви нов бюджет"]


def test_two_different_db_options_are_one_line_exit_2(
    run_cli: Callable[..., Result], archive: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    result = run_cli("--db", str(other), "search", "бюджет", "--db", str(archive))
    assert result.exit_code == 2
    assert "--db" in _one_error_line(result)
    assert not other.exists()


def test_db_before_and_after_the_command_naming_one_archive_is_no_conflict(
    run_cli: Callable[..., Result], archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A cron line or a shell alias adds "--db x.db" before the command while the user also
    # types it after: one archive, however spelled, is no "two archives given".
    monkeypatch.chdir(archive.parent)
    for before, after in ((str(archive), str(archive)), (archive.name, f"./{archive.name}")):
        result = run_cli("--db", before, "search", "бюджет", "--format", "json", "--db", after)
        assert result.exit_code == 0, result.stderr
        assert [hit["title"] for hit in json.loads(result.stdout)] == ["Общината обяви нов бюджет"]


@pytest.mark.parametrize("query", ["-футбол детски", "-футбол"])
def test_query_starting_with_an_excluded_word_says_to_put_it_after_dashes(
    run_cli: Callable[..., Result], archive: Path, query: str
) -> None:
    # The README's -word excludes; typed first, click reads it as the short options
    # -ф -у -т …: "No such option: -ф" says nothing of why.
    result = run_cli("search", query, "--db", str(archive))
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert line.endswith(f"newsarchive search --db {archive} -- '{query}'"), line
    # … and that way it is a query, not an option.
    fixed = run_cli("search", "--format", "json", "--db", str(archive), "--", "бюджет -футбол")
    assert fixed.exit_code == 0, fixed.stderr
    assert [hit["title"] for hit in json.loads(fixed.stdout)] == ["Общината обяви нов бюджет"]


def test_a_mistyped_option_gets_no_query_hint(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    line = _one_error_line(run_cli("search", "бюджет", "--limt", "5", "--db", str(archive)))
    assert "--limt" in line and " -- " not in line


def test_crawl_given_site_as_an_option_says_sites_are_its_arguments(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """search, export and reextract take --site; crawl names its sites as arguments, and
    Typer's "No such option: --site" did not say so."""
    result = run_cli("crawl", "--site", "bta", "--db", str(db))
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "No such option: --site" in line and "crawl names its sites as arguments" in line
    assert not db.exists()
    other = _one_error_line(run_cli("crawl", "--sitex", "bta", "--db", str(db)))
    assert "arguments" not in other  # only --site is that mistake


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_output_cut_short_by_its_reader_is_exit_0_in_every_format(
    run_cli: Callable[..., Result], tmp_path: Path, fmt: str
) -> None:
    # `newsarchive search … | head` is how a researcher glances at hits: the reader
    # leaving early is no failure, whatever the format (rich's table console exited 1).
    import subprocess

    db = tmp_path / "many.db"
    source = tmp_path / "many.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(300):
            record = {
                "site": "bta",
                "url": f"https://www.bta.bg/bg/news/bulgaria/{n}-budget",
                "title": f"Общината обяви бюджет номер {n}",
                "published": "2025-03-01",
                "text": "Общинският съвет прие бюджета. " * 40,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    command = [sys.executable, "-m", "newsarchive", "search", "бюджет", "-n", "300"]
    process = subprocess.Popen(
        [*command, "--format", fmt, "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.readline()
    process.stdout.close()  # as `head -1` does, long before 300 hits are written
    with process.stderr:
        err = process.stderr.read()
    assert process.wait(timeout=60) == 0, err
    assert err == b"", err


@pytest.mark.parametrize(
    "args",
    [
        ("export",),
        ("export", "-f", "csv"),
        ("export", "-f", "parquet"),
        ("search", "бюджет", "-n", "300", "-f", "csv"),
    ],
)
def test_out_dev_stdout_cut_short_by_its_reader_is_exit_0(
    run_cli: Callable[..., Result], tmp_path: Path, args: tuple[str, ...]
) -> None:
    """`export --out /dev/stdout | head -1` (the README's way to a pipe with --out) said
    "cannot write /dev/stdout: Broken pipe", exit 74, where stdout itself says nothing."""
    import subprocess

    db = tmp_path / "many.db"
    source = tmp_path / "many.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for n in range(300):
            record = {
                "site": "bta",
                "url": f"https://www.bta.bg/bg/news/bulgaria/{n}-budget",
                "title": f"Общината обяви бюджет номер {n}",
                "published": "2025-03-01",
                # (text no compression shrinks: Parquet's 300 rows outgrow the pipe too)
                "text": f"Общинският съвет прие бюджета {random.Random(n).randbytes(2000).hex()}",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    process = subprocess.Popen(
        [sys.executable, "-m", "newsarchive", *args, "--out", "/dev/stdout", "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(4)
    process.stdout.close()  # as `head -c 4` does, long before 300 articles are written
    with process.stderr:
        err = process.stderr.read()
    assert process.wait(timeout=60) == 0, err
    assert err == b"", err


@pytest.mark.parametrize(
    "typed",
    [
        " 1 ",  # copied from a table with the spaces around it
        "https://www.bta.bg/bg/news/bulgaria/1-test/",  # the slash a browser's bar added
        "  www.bta.bg/bg/news/bulgaria/1-test/\n",
    ],
)
def test_show_finds_an_article_as_a_researcher_pastes_it(
    run_cli: Callable[..., Result], archive: Path, typed: str
) -> None:
    result = run_cli("show", typed, "--format", "json", "--db", str(archive))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["url"] == "https://www.bta.bg/bg/news/bulgaria/1-test"


def test_show_of_another_article_under_the_other_slash_is_still_that_one(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    # A site may serve two pages at /x and /x/: where both are archived, each is itself.
    db = tmp_path / "two.db"
    source = tmp_path / "two.jsonl"
    rows = [
        {"site": "bta", "url": "https://www.bta.bg/a", "title": "Без черта", "text": "Първи."},
        {"site": "bta", "url": "https://www.bta.bg/a/", "title": "С черта", "text": "Втори."},
    ]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    for row in rows:
        shown = run_cli("show", row["url"], "--format", "json", "--db", str(db))
        assert json.loads(shown.stdout)["title"] == row["title"]
    missing = run_cli("show", "https://www.bta.bg/b/", "--db", str(db))
    assert missing.exit_code == 2
    assert "no article with id or URL 'https://www.bta.bg/b/'" in _one_error_line(missing)


def test_db_before_a_command_that_opens_no_archive_is_one_line_exit_2(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    # `extract` reads one page and touches no archive: a --db before it was dropped
    # without a word, as if the page had been archived there.
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Заглавие</h1><p>Текст.</p></body></html>", "utf-8")
    result = run_cli("--db", str(tmp_path / "x.db"), "extract", str(page))
    assert result.exit_code == 2
    assert "extract opens no archive" in _one_error_line(result)
    assert not (tmp_path / "x.db").exists()


def test_db_before_sites_lists_the_profiles(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    """`sites` lists profiles, which no archive holds: a --db before it (an alias that
    puts one before every command) is no mistake to refuse. After it, it is an option
    `sites` does not have."""
    listed = run_cli("--db", str(tmp_path / "x.db"), "sites")
    assert listed.exit_code == 0, listed.stderr
    assert "bta" in listed.stdout and "ruse24" in listed.stdout
    assert not (tmp_path / "x.db").exists()
    after = run_cli("sites", "--db", str(tmp_path / "x.db"))
    assert after.exit_code == 2 and "--db" in _one_error_line(after)


@pytest.mark.parametrize(
    "args",
    [
        ("search", "бюджет", "--since", "2026-01-01", "--until", "2025-01-01"),
        ("search", "бюджет since:2026-01-01 until:2025-01-01"),
        ("search", "бюджет until:2025-01-01", "--since", "2026-01-01"),
        ("export", "--since", "2026-01-01", "--until", "2025-01-01"),
        ("stats", "--timeline", "бюджет", "--since", "2026-01-01", "--until", "2025-01-01"),
    ],
    ids=["options", "query", "both", "export", "timeline"],
)
def test_dates_written_backwards_are_one_line_exit_2(
    run_cli: Callable[..., Result], archive: Path, args: tuple[str, ...]
) -> None:
    """A range whose since is after its until chooses nothing: it was "No matches", exit
    0, which reads as "nothing was written then" rather than "you swapped the dates"."""
    result = run_cli(*args, "--db", str(archive))
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert "2026-01-01 is after" in _one_error_line(result)
    assert result.stdout == ""


def test_search_words_typed_without_quotes_are_one_query(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """`search общината бюджет` was "Got unexpected extra argument(s) (бюджет)"."""
    result = run_cli("search", "общината", "бюджет", "--format", "json", "--db", str(archive))
    assert result.exit_code == 0, result.stderr
    [hit] = result.json()
    assert hit["title"] == "Общината обяви нов бюджет"
    missing = run_cli("search", "общината", "футбол", "--format", "json", "--db", str(archive))
    assert missing.exit_code == 0 and missing.json() == []


def test_an_excluded_filter_first_gets_the_dashes_hint(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """'-title:мач' has nothing but ASCII after its dash when written '-title:x': it was
    "No such option: -t" and nothing more."""
    line = _one_error_line(run_cli("search", "-title:x", "--db", str(archive)))
    assert "goes after --" in line
    result = run_cli("search", "--format", "json", "--db", str(archive), "--", "-title:x", "бюджет")
    assert result.exit_code == 0 and len(result.json()) == 1


@pytest.mark.parametrize(
    ("after", "said"),
    [
        (("--db", "{db}"), "'--db' comes after '--'"),
        (("--site=bta",), "'--site=bta' comes after '--'"),
        (("--limit", "1", "--format", "json"), "'--limit' comes after '--'"),
        (("-n", "2"), "'-n' comes after '--'"),
        (("-o", "hits.json"), "'-o' comes after '--'"),
        (("-f", "json"), "'-f' comes after '--'"),
    ],
    ids=["db", "site", "two", "short-limit", "short-out", "short-format"],
)
def test_an_option_after_the_dashes_is_refused_not_searched_for(
    run_cli: Callable[..., Result], archive: Path, after: tuple[str, ...], said: str
) -> None:
    """After `--`, which a query opening with -word needs, every argument is a word of the
    query: `search -- '-футбол бюджет' --db X` searched the default archive (none here:
    "no archive at newsarchive.db") or searched X for the words "db" and the path too.
    A short option likewise: `-- '-мост кмет' -n 2` searched for "2" without "n", exit 0."""
    args = tuple(arg.format(db=archive) for arg in after)
    result = run_cli("search", "--db", str(archive), "--", "-футбол бюджет", *args)
    assert result.exit_code == 2 and result.stdout == ""
    line = _one_error_line(result)
    assert said in line and "put the options before it" in line
    assert line.endswith(f"newsarchive search {' '.join(args)} -- '-футбол бюджет'")
    words = run_cli("search", "--db", str(archive), "-f", "json", "--", "-футбол", "бюджет")
    assert words.exit_code == 0 and len(words.json()) == 1  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "wanted", ["x\ny", "x\x1b]0;owned\x07", "x\u202egnp.db"], ids=["newline", "osc", "bidi"]
)
def test_an_error_quoting_control_characters_stays_one_inert_line(
    run_cli: Callable[..., Result], archive: Path, wanted: str
) -> None:
    """An id pasted with its newline, or a name carrying escapes, was quoted raw in the
    error: two lines for cron's mail, or a terminal retitled."""
    result = run_cli("show", wanted, "--db", str(archive))
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "\x1b" not in line and "\u202e" not in line
    assert repr(wanted)[1:-1] in line


@pytest.mark.parametrize(
    ("query", "quoted"),
    [
        ("\u200b", "'\\u200b' holds no letters or digits"),
        ("\ufeff\u200d", "'\\ufeff\\u200d' holds no letters or digits"),
        ("since:2026\u200b-01-01 бюджет", "not '2026\\u200b-01-01'"),
    ],
    ids=["zero-width-space", "bom-and-joiner", "in-a-date"],
)
def test_an_error_quoting_an_invisible_character_spells_it(
    run_cli: Callable[..., Result], archive: Path, query: str, quoted: str
) -> None:
    """A query of a pasted zero-width space alone was refused as "'' holds no letters or
    digits": the terminal printed the character as nothing, so the quotes read empty and
    the user could not see what was typed; in a date it made "2026-01-01" look refused."""
    result = run_cli("search", query, "--db", str(archive))
    assert result.exit_code == 2 and result.stdout == ""
    line = _one_error_line(result)
    assert quoted in line
    assert not any(ch in line for ch in "\u200b\u200d\ufeff")


@pytest.mark.parametrize(
    "args",
    [
        ("search", "x", "--db", "/nowhere/\udce1\udcfe.db"),
        ("search", "x", "--since", "\udce1\udcfe"),
        ("sites", "--profile", "/nowhere/\udce1\udcfe.toml"),
    ],
    ids=["db", "since", "profile"],
)
def test_a_name_holding_bytes_no_utf8_has_is_quoted_as_those_bytes(
    run_cli: Callable[..., Result], args: tuple[str, ...]
) -> None:
    """A name typed in a Latin-1 locale (Python reads argv's bytes as lone surrogates)
    was quoted '\\udce1\\udcfe' (stderr's own escapes), where an argument refused for
    it is quoted '\\xe1\\xfe' (``errors.not_utf8``): the same bytes spelled two ways."""
    result = run_cli(*args)
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "\\xe1\\xfe" in line and "udc" not in line, line


def _foreign_database(path: Path, schema: str) -> Path:
    import sqlite3

    conn = sqlite3.connect(path)
    conn.executescript(schema)
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    ("schema", "said"),
    [
        (
            "CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT);"
            " INSERT INTO moz_places VALUES (1, 'https://x.bg/');",
            "no articles table; its tables: moz_places",
        ),
        (
            "CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT);"
            " INSERT INTO articles VALUES (1, 'Заглавие');",
            "its articles table has no site column",
        ),
    ],
    ids=["other-tables", "other-articles"],
)
@pytest.mark.parametrize(
    "args",
    [
        ("search", "бюджет"),
        ("stats",),
        ("import-jsonl", "-"),
        ("reextract",),
        ("crawl", "bta"),
        ("serve", "--port", "0"),  # said "written by an older newsarchive: run stats …"
    ],
    ids=lambda args: args[0],
)
def test_another_programs_database_is_refused_untouched(
    run_cli: Callable[..., Result],
    tmp_path: Path,
    schema: str,
    said: str,
    args: tuple[str, ...],
) -> None:
    """A --db naming another program's SQLite file: a crawl added its tables beside that
    program's, and a search "upgraded" a foreign articles table half-way (its other
    tables created, then "cannot prepare archive: no such column: title")."""
    db = _foreign_database(tmp_path / "other.sqlite", schema)
    before = _digest(db)
    result = run_cli(
        *args, "--db", str(db), "--base-url", "http://127.0.0.1:9", input=""
    ) if args[0] == "crawl" else run_cli(*args, "--db", str(db), input="")  # fmt: skip
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    line = _one_error_line(result)
    assert "is not a newsarchive archive" in line and said in line
    assert _digest(db) == before
    assert not Path(f"{db}-wal").exists()


@pytest.mark.parametrize(
    ("args", "target"),
    [
        (("export", "--format", "jsonl", "--out"), ""),
        (("export", "--format", "csv", "--out"), ""),
        (("export", "--format", "parquet", "--out"), ""),
        (("export", "--format", "warc", "--out"), ""),
        (("export", "--format", "jsonl", "--out"), "-wal"),
        (("crawl", "bta", "--base-url", "http://127.0.0.1:9", "--log-file"), ""),
    ],
    ids=["jsonl", "csv", "parquet", "warc", "wal", "log-file"],
)
def test_an_output_file_that_is_the_archive_is_refused_and_the_archive_kept(
    run_cli: Callable[..., Result], archive: Path, args: tuple[str, ...], target: str
) -> None:
    """`export --out` naming the archive truncated it (JSONL, CSV) or renamed the export
    over it (Parquet, WARC), and `--log-file` appended to it: every article lost."""
    before = _digest(archive)
    out = Path(f"{archive}{target}")
    result = run_cli(*args, str(out), "--db", str(archive))
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert "writing there would destroy it" in _one_error_line(result)
    assert _digest(archive) == before
    shown = run_cli("search", "бюджет", "--format", "json", "--db", str(archive))
    assert [hit["title"] for hit in shown.json()] == ["Общината обяви нов бюджет"]


def test_the_archive_under_another_name_is_still_the_archive(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    link = archive.parent / "link.db"
    link.symlink_to(archive)
    before = _digest(archive)
    result = run_cli("export", "--out", str(link), "--db", str(archive))
    assert result.exit_code == 2 and "is the archive" in _one_error_line(result)
    assert _digest(archive) == before


@pytest.mark.parametrize(
    "args", [("--help",), ("search", "--help"), ("crawl", "-h"), ("--version",)]
)
def test_help_cut_short_by_its_reader_is_exit_0(args: tuple[str, ...]) -> None:
    """`newsarchive --help | head` exited 1 (rich's console on a broken pipe), while any
    command's output cut short so is exit 0; `--version | head -0` too (click's own exit
    on a broken pipe, the version written as the arguments are read). The pipe has no
    reader from the start."""
    import subprocess

    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        process = subprocess.run(
            [sys.executable, "-m", "newsarchive", *args],
            stdout=write_end, stderr=subprocess.PIPE, timeout=60, check=False,
        )  # fmt: skip
    finally:
        os.close(write_end)
    assert process.returncode == 0, process.stderr
    assert process.stderr == b""


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("crawl", "bta", "--base-url", "http://"), "--base-url is no http(s) URL with a host"),
        (("crawl", "bta", "--base-url", "http://127.0.0.1:99999"), "--base-url is not a valid URL"),
        (("check-site", "bta", "--base-url", "http://:80"), "is no http(s) URL with a host"),
        (("crawl", "bta", "--user-agent", "bot\r\nX-Evil: 1"), "must be one line of printable"),
        (("crawl", "bta", "--since", "2999-01-01"), "--since 2999-01-01 is in the future"),
        (("crawl", "bta", "--user-agent", "бот/1.0"), "must be one line of printable ASCII"),
        (("crawl", "bta", "--base-url", "http://256.1.1.1"), "'256.1.1.1' is no IPv4 address"),
        (("check-site", "bta", "--base-url", "http://a..bg"), "'a..bg' has an empty label"),
        (("add-site", "http://999.1.1.1"), "'999.1.1.1' is no IPv4 address"),
        (("extract", "http://x..bg/a"), "the address is not a valid URL (the host 'x..bg'"),
    ],
    ids=[
        "no-host", "bad-port", "check-site", "agent-crlf", "future-since", "agent-cyrillic",
        "no-ipv4", "empty-label", "add-site-no-ipv4", "extract-empty-label",
    ],
)  # fmt: skip
def test_crawl_settings_that_cannot_work_are_one_line_exit_2(
    run_cli: Callable[..., Result], db: Path, args: tuple[str, ...], said: str
) -> None:
    """`--base-url http://` was an internal error (70) from the transport; a user agent
    with CR/LF a malformed request counted as the site's failure (exit 1); a crawl
    --since a future date ran, fetched, and archived nothing, exit 0. A Cyrillic user
    agent (no HTTP header carries it), a dotted number no IPv4 address is (httpx's
    InvalidURL) and a host with an empty label (the resolver's UnicodeError) were
    internal errors, exit 70, at the first request."""
    result = run_cli(*args, *(("--db", str(db)) if args[0] == "crawl" else ()))
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert said in _one_error_line(result)
    assert not db.exists()


def test_a_user_agent_from_the_environment_is_checked_too(
    run_cli: Callable[..., Result], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSARCHIVE_USER_AGENT", "bot\nX-Evil: 1")
    result = run_cli("crawl", "bta", "--base-url", "http://127.0.0.1:9", "--db", str(db))
    assert result.exit_code == 2
    assert "$NEWSARCHIVE_USER_AGENT" in _one_error_line(result)
    # extract takes the variable alone: its error named an option it has not
    fetched = run_cli("extract", "http://127.0.0.1:9/a")
    assert fetched.exit_code == 2
    assert "($NEWSARCHIVE_USER_AGENT)" in _one_error_line(fetched), fetched.stderr
    assert "--user-agent" not in fetched.stderr
    given = run_cli("crawl", "bta", "--user-agent", "bot\rX", "--db", str(db))
    assert "(--user-agent)" in _one_error_line(given), given.stderr


def test_a_site_named_twice_is_crawled_once(
    run_cli: Callable[..., Result], mirror: Callable[[str], Any], db: Path
) -> None:
    """`crawl bta BTA` ran two crawls of one site side by side, on one frontier (and
    with --base-url was refused as naming more than one site)."""
    server = mirror("bta")
    twice = run_cli(
        "crawl", "bta", "BTA", "--base-url", server.url, "--delay", "0", "--db", str(db)
    )  # fmt: skip
    assert twice.exit_code == 0, twice.stderr
    assert twice.stdout.count("bta:") == 1, twice.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM runs").fetchone()[0] == 1


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_an_export_that_fails_half_way_keeps_the_file_it_would_replace(
    run_cli: Callable[..., Result], damaged: Path, fmt: str
) -> None:
    """An export to an existing file truncated it first: a damaged archive (or a full
    disk, a Ctrl-C) left it empty or half written, yesterday's good export gone."""
    out = damaged.parent / f"articles.{fmt}"
    out.write_bytes(b"yesterday's export\n")
    result = run_cli("export", "--format", fmt, "--out", str(out), "--db", str(damaged))
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert "the archive is damaged" in _one_error_line(result)
    assert out.read_bytes() == b"yesterday's export\n"
    assert sorted(p.name for p in damaged.parent.iterdir() if "partial" in p.name) == []


def test_an_export_through_a_symlink_replaces_the_file_not_the_link(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    target = archive.parent / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = archive.parent / "link.jsonl"
    link.symlink_to(target)
    result = run_cli("export", "--out", str(link), "--db", str(archive))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink()
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "Общината обяви нов бюджет"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a full disk)")
def test_a_log_file_on_a_full_disk_stops_the_log_not_the_crawl(
    run_cli: Callable[..., Result], mirror: Callable[[str], Any], db: Path
) -> None:
    """The log's first line failing ended the run ("cannot write output: No space left on
    device", exit 74) before a page was archived; a failure mid-run crashed the site."""
    server = mirror("bta")
    result = run_cli(
        "crawl", "bta", "--base-url", server.url, "--delay", "0", "--log-file", "/dev/full",
        "--db", str(db),
    )  # fmt: skip
    assert result.exit_code == 74, result.stderr
    assert _one_error_line(result) == (
        "newsarchive: error: cannot write log file /dev/full: No space left on device;"
        " the crawl went on without it"
    )
    assert "10 new" in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 10


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a full disk)")
@pytest.mark.parametrize(
    "command",
    [("--version",), ("--help",), ("search", "--help"), ("datasette-metadata", "--db", "x.db")],
)
def test_help_version_and_metadata_on_a_full_disk_are_exit_74(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    """These print outside the commands' guard: a full disk was "internal error", exit 70."""
    import newsarchive

    src = str(Path(newsarchive.__file__).parents[1])  # (run in tmp_path: not PYTHONPATH=src)
    env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"} | {"PYTHONPATH": src}
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "newsarchive", *command],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            cwd=tmp_path,
            check=False,
        )
    assert done.returncode == 74, done.stderr
    assert done.stderr == "newsarchive: error: cannot write output: No space left on device\n"


def test_a_crawl_through_a_symlink_meets_the_lock_of_the_archive_it_names(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """`--db link.db` took link.db.lock while a crawl of the real file held a.db.lock:
    two crawls of one archive ran at once."""
    from newsarchive.archive.lock import CrawlLock

    link = archive.parent / "link.db"
    link.symlink_to(archive)
    with CrawlLock(archive):
        result = run_cli("crawl", "bta", "--base-url", "http://127.0.0.1:9", "--db", str(link))
    assert result.exit_code == 75, (result.exit_code, result.stderr)
    assert "another crawl" in _one_error_line(result)
    assert not Path(f"{link}.lock").exists()


@pytest.mark.parametrize("kind", ["fifo", "folder", "no-folder", "root"])
@pytest.mark.parametrize("command", ["crawl", "import-jsonl", "search"])
def test_an_archive_path_that_is_no_file_is_one_line_and_makes_no_lock(
    run_cli: Callable[..., Result], tmp_path: Path, kind: str, command: str
) -> None:
    """A device read as "the file is empty" (/dev/zero) or failed with "disk I/O error"
    (/dev/null); a crawl made a lock file beside it first (/dev/null.lock, as root), or
    said "cannot create lock file" for a folder that does not exist. ``--db /``, a path
    with no name to put ".lock" after, was an internal error (exit 70) for the writers."""
    db = tmp_path / "x.db"
    if kind == "fifo":
        os.mkfifo(db)
    elif kind in ("folder", "root"):
        db = Path("/") if kind == "root" else db
        db.mkdir(exist_ok=True)
    else:
        db = tmp_path / "absent" / "x.db"
    args = {
        "crawl": ("crawl", "bta", "--base-url", "http://127.0.0.1:9"),
        "import-jsonl": ("import-jsonl", "-"),
        "search": ("search", "бюджет"),
    }[command]
    result = run_cli(*args, "--db", str(db), input="")
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    line = _one_error_line(result)
    said = {
        "fifo": "it is no file (a device or a pipe)",
        "folder": "it is a directory",
        "root": "it is a directory",
        "no-folder": "does not exist" if command != "search" else "no archive at",
    }[kind]
    assert said in line, line
    assert not Path(f"{db}.lock").exists()


@pytest.mark.skipif(not Path("/proc/version").is_file(), reason="needs Linux's /proc")
@pytest.mark.parametrize(
    "args",
    [("search", "бюджет"), ("stats",), ("export",), ("reextract",), ("show", "1"),
     ("import-jsonl", "-"), ("crawl", "bta", "--base-url", "http://127.0.0.1:9")],
    ids=lambda args: args[0],
)  # fmt: skip
def test_a_kernel_s_file_as_the_archive_is_said_so(
    run_cli: Callable[..., Result], args: tuple[str, ...]
) -> None:
    """/proc/version is sized 0 and reads as text: SQLite took it for an empty database,
    and every reader said "no archive at /proc/version yet: it holds no tables (a first
    crawl may be creating it; try again in a moment …)", a wait for nothing."""
    result = run_cli(*args, "--db", "/proc/version", input="")
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert _one_error_line(result) == (
        "newsarchive: error: cannot open archive /proc/version: it is no file SQLite can"
        " read (a kernel's, as in /proc or /sys: sized 0, it reads as text)"
    )


def test_a_tilde_in_newsarchive_db_is_the_home_folder(
    run_cli: Callable[..., Result], archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """cron leaves `NEWSARCHIVE_DB=~/news.db` unexpanded: the crawl looked for a folder
    named "~"."""
    monkeypatch.setenv("HOME", str(archive.parent))
    monkeypatch.setenv("NEWSARCHIVE_DB", f"~/{archive.name}")
    result = run_cli("search", "бюджет", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(result.json()) == 1


@pytest.mark.parametrize(
    "args",
    [
        ("add-site", "https://www.x.bg", "--base-url", "http://127.0.0.1:9"),
        ("check-site", "bta", "--base-url", "http://127.0.0.1:9"),
        ("extract", "http://127.0.0.1:9/novini/1"),
    ],
    ids=lambda args: args[0],
)
def test_every_command_that_fetches_reads_the_user_agent_from_the_environment(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...]
) -> None:
    """add-site, check-site and extract asked the site with the built-in user agent (and
    the built-in timeouts) whatever $NEWSARCHIVE_USER_AGENT said: only crawl read it. A
    value with a line break is refused, which shows that it was read."""
    monkeypatch.setenv("NEWSARCHIVE_USER_AGENT", "bot\nX-Evil: 1")
    result = run_cli(*args)
    assert result.exit_code == 2, (result.exit_code, result.stderr)
    assert "$NEWSARCHIVE_USER_AGENT" in _one_error_line(result)


def test_an_export_over_a_file_keeps_its_permissions(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """The side file renamed over the export was made 0644: a 0600 export of private
    notes became readable by every user of the machine."""
    out = archive.parent / "private.jsonl"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o600)
    result = run_cli("export", "--out", str(out), "--db", str(archive))
    assert result.exit_code == 0, result.stderr
    assert out.stat().st_mode & 0o777 == 0o600
    assert "Общината обяви нов бюджет" in out.read_text(encoding="utf-8")


def test_an_export_whose_side_file_cannot_be_made_writes_the_file_itself(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """A name at the length limit has no room for '.NAME.partial' (as a folder the user
    may not write has none): the export was refused where it had always worked."""
    out = archive.parent / ("x" * 245 + ".jsonl")
    result = run_cli("export", "--out", str(out), "--db", str(archive))
    assert result.exit_code == 0, result.stderr
    assert "Общината обяви нов бюджет" in out.read_text(encoding="utf-8")


def test_an_export_to_dev_stdout_in_a_pipe_or_appended_to_is_written(
    archive: Path, tmp_path: Path
) -> None:
    """--out /dev/stdout into a pipe was 'cannot write /dev/stdout' (exit 2): the side file
    was sought beside 'pipe:[…]'; '>> all.jsonl' lost what the file held before."""
    import subprocess

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[1] / "src")}
    command = [sys.executable, "-m", "newsarchive", "export", "--out", "/dev/stdout",
               "--db", str(archive)]  # fmt: skip
    piped = subprocess.run(command, capture_output=True, env=env, check=False)
    assert piped.returncode == 0, piped.stderr
    assert "Общината обяви нов бюджет" in piped.stdout.decode()
    kept = tmp_path / "all.jsonl"
    kept.write_text("earlier\n", encoding="utf-8")
    with kept.open("a") as handle:
        appended = subprocess.run(command, stdout=handle, env=env, check=False)
    assert appended.returncode == 0
    lines = kept.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier" and "Общината обяви нов бюджет" in lines[1]


@pytest.mark.parametrize(
    ("cell", "tags"),
    [
        ("съвет, бюджет", ["съвет, бюджет"]),
        ('{"a": 1}', ['{"a": 1}']),
        ('[1, "x"]', ["1", "x"]),
        ('"съвет"', ["съвет"]),  # a JSON string: one tag, without its quotes
    ],
)
def test_tags_written_by_hand_in_sqlite3_are_exported_not_a_crash(
    run_cli: Callable[..., Result], archive: Path, tmp_path: Path, cell: str, tags: list[str]
) -> None:
    """The archive opens in sqlite3 and Datasette: one tags cell a researcher typed by
    hand ("съвет, бюджет") made every export and ``show`` "internal error: JSONDecodeError"
    (exit 70). It is kept as written, as one tag, and imports back."""
    with sqlite3.connect(archive) as conn:
        conn.execute("UPDATE articles SET tags = ?", (cell,))
    conn.close()
    exported = run_cli("export", "--db", str(archive))
    assert exported.exit_code == 0, exported.stderr
    assert json.loads(exported.stdout)["tags"] == tags
    shown = run_cli("show", "1", "--format", "json", "--db", str(archive))
    assert shown.exit_code == 0, shown.stderr
    assert json.loads(shown.stdout)["tags"] == tags
    text = run_cli("show", "1", "--db", str(archive))
    assert text.exit_code == 0 and f"Tags: {', '.join(tags)}" in text.stdout
    again = tmp_path / "again.jsonl"
    again.write_text(exported.stdout, encoding="utf-8")
    assert run_cli("import-jsonl", str(again), "--db", str(tmp_path / "b.db")).exit_code == 0


def _run_closed(
    tmp_path: Path, close: tuple[int, ...], *args: str
) -> subprocess.CompletedProcess[str]:
    """``python -m newsarchive ARGS`` with the descriptors ``close`` closed, as a shell's
    ``>&-`` or ``2>&-`` leaves them; the streams kept open are captured."""
    import newsarchive

    src = str(Path(newsarchive.__file__).parents[1])
    env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"} | {"PYTHONPATH": src}

    def closing() -> None:
        for fd in close:
            os.close(fd)

    return subprocess.run(
        [sys.executable, "-m", "newsarchive", *args],
        stdin=subprocess.DEVNULL, capture_output=True, text=True,
        env=env, cwd=tmp_path, check=False, preexec_fn=closing,
    )  # fmt: skip


def test_a_closed_stdout_or_stderr_keeps_each_exit_code(archive: Path, tmp_path: Path) -> None:
    """`search … >&-` was "internal error: AttributeError: 'NoneType' object has no
    attribute 'isatty'", exit 70; with stderr closed a bad query's exit 2 was 1."""
    listed = _run_closed(tmp_path, (1,), "search", "общината", "--db", str(archive))
    assert listed.returncode == 74
    assert listed.stderr == "newsarchive: error: cannot write output: standard output is closed\n"
    exported = _run_closed(tmp_path, (1,), "export", "--db", str(archive))
    assert exported.returncode == 74 and "standard output is closed" in exported.stderr
    bad = _run_closed(tmp_path, (2,), "search", '"общината', "--db", str(archive))
    assert bad.returncode == 2 and bad.stdout == ""
    found = _run_closed(tmp_path, (2,), "search", "общината", "--db", str(archive), "-f", "json")
    assert found.returncode == 0 and json.loads(found.stdout)[0]["title"]
    quiet = _run_closed(tmp_path, (0, 1, 2), "stats", "--db", str(archive), "-f", "json")
    assert quiet.returncode == 74  # (its output had nowhere to go)
    assert _run_closed(tmp_path, (0,), "import-jsonl", "-", "--db", str(archive)).returncode == 0


def _run_onto(
    tmp_path: Path, stdout: Any, stderr: Any, *args: str
) -> subprocess.CompletedProcess[str]:
    """``python -m newsarchive ARGS`` with stdout and stderr on the files given (a file
    object, or ``subprocess.PIPE`` to capture one)."""
    import newsarchive

    src = str(Path(newsarchive.__file__).parents[1])
    env = {k: v for k, v in os.environ.items() if k != "NEWSARCHIVE_DB"} | {"PYTHONPATH": src}
    return subprocess.run(
        [sys.executable, "-m", "newsarchive", *args],
        stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr, text=True,
        env=env, cwd=tmp_path, check=False,
    )  # fmt: skip


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a full disk)")
def test_a_stderr_that_cannot_be_written_keeps_each_exit_code(
    archive: Path, tmp_path: Path
) -> None:
    """stderr on a full disk (ENOSPC) or on a descriptor open for reading only (EBADF):
    the error line failing was taken for the output failing ("cannot write output"),
    whose line failed too, and a bad query's exit 2 (or stdout's 74) became 1."""
    db = ("--db", str(archive))
    with open("/dev/full", "w") as full, open(os.devnull) as read_only:
        for deaf in (full, read_only):
            bad = _run_onto(tmp_path, subprocess.PIPE, deaf, "search", '"общината', *db)
            assert (bad.returncode, bad.stdout) == (2, ""), deaf
            found = _run_onto(
                tmp_path, subprocess.PIPE, deaf, "search", "общината", "-f", "json", *db
            )
            assert found.returncode == 0 and json.loads(found.stdout)[0]["title"], deaf
        nowhere = _run_onto(tmp_path, read_only, full, "search", "общината", *db)
        assert nowhere.returncode == 74
        unreadable = _run_onto(tmp_path, read_only, subprocess.PIPE, "search", "общината", *db)
        assert unreadable.returncode == 74
        assert unreadable.stderr == "newsarchive: error: cannot write output: Bad file descriptor\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a full disk)")
@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "warc"])
def test_an_export_out_to_a_full_device_names_it_and_the_full_disk(
    run_cli: Callable[..., Result], archive: Path, fmt: str
) -> None:
    result = run_cli("export", "--format", fmt, "--out", "/dev/full", "--db", str(archive))
    assert result.exit_code == 74, result.stderr
    assert _one_error_line(result) == (
        "newsarchive: error: cannot write /dev/full: No space left on device"
    )


def test_a_log_file_named_dash_is_stderr_not_a_file_called_dash(
    run_cli: Callable[..., Result],
    mirror: Callable[[str], Any],
    db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``--log-file -`` created a file named ``-`` where the crawl ran, though ``export
    --out -`` is stdout: the log's lines go to stderr, and stdout keeps the summary only."""
    monkeypatch.chdir(db.parent)
    server = mirror("bta")
    result = run_cli(
        "crawl", "bta", "--base-url", server.url, "--delay", "0", "--log-file", "-",
        "--db", str(db),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert not (db.parent / "-").exists()
    logged = [line for line in result.stderr.splitlines() if " 200 " in line]
    assert len(logged) >= 10, result.stderr  # (a line per request: listings and articles)
    assert " 200 " not in result.stdout and "10 new" in result.stdout


def test_an_os_error_no_command_expected_is_a_bugs_one_line_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The last guard let every OSError but a failed write of the output through: a
    traceback and exit 1 (a FIFO where the crawl's lock file goes did it), where any
    other bug is one line and exit 70."""
    import errno

    from newsarchive import cli

    def broken() -> None:
        raise OSError(errno.EINVAL, "Invalid argument")

    monkeypatch.delenv("NEWSARCHIVE_DEBUG", raising=False)
    monkeypatch.setattr(cli, "app", broken)
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code == 70
    assert capsys.readouterr().err == (
        "newsarchive: error: internal error: OSError: [Errno 22] Invalid argument"
        " (set NEWSARCHIVE_DEBUG=1 for details)\n"
    )


@pytest.mark.parametrize(
    "command",
    [
        ("search", "x"), ("stats",), ("reextract",), ("import-jsonl", "{jsonl}"),
        ("crawl", "bta", "--base-url", "http://127.0.0.1:9"), ("import-warc", "{long}.warc"),
    ],
    ids=["search", "stats", "reextract", "import-jsonl", "crawl", "import-warc"],
)  # fmt: skip
def test_a_path_that_cannot_be_looked_at_is_one_line_exit_2(
    run_cli: Callable[..., Result], tmp_path: Path, command: tuple[str, ...]
) -> None:
    """A file name over the system's 255 bytes made ``Path.exists`` raise (ENAMETOOLONG):
    an internal error, exit 70, in every command given it as --db (and import-warc's
    file); a loop of symbolic links read as "no archive", or, to a writer, "the archive or
    its folder is read-only". Each is said as the system says it."""
    long = str(tmp_path / ("a" * 300))
    jsonl = tmp_path / "one.jsonl"
    jsonl.write_text("", encoding="utf-8")
    args = [part.format(long=long, jsonl=jsonl) for part in command]
    result = run_cli(*args, "--db", f"{long}.db")
    assert result.exit_code == 2, result.stderr
    assert "File name too long" in _one_error_line(result)
    if command[0] == "import-warc":
        return
    (tmp_path / "one.db").symlink_to(tmp_path / "two.db")
    (tmp_path / "two.db").symlink_to(tmp_path / "one.db")
    looped = run_cli(*args, "--db", str(tmp_path / "one.db"))
    assert looped.exit_code == 2, looped.stderr
    assert "Too many levels of symbolic links" in _one_error_line(looped)


@pytest.mark.parametrize(
    "command",
    [
        ("export", "--out", "{loop}"),
        ("export", "--format", "parquet", "--out", "{loop}"),
        ("search", "бюджет", "--format", "csv", "--out", "{loop}"),
        ("crawl", "bta", "--base-url", "http://127.0.0.1:9", "--log-file", "{loop}"),
        ("--db", "{loop}", "search", "бюджет"),
    ],
    ids=["export", "parquet", "search-out", "log-file", "db-twice"],
)
def test_an_output_or_db_named_by_a_loop_of_symlinks_is_one_line_exit_2_and_the_links_kept(
    run_cli: Callable[..., Result], archive: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    """``Path.resolve`` raises RuntimeError on a loop of symbolic links: checking that an
    --out, --log-file or a --db given twice is not the archive was "internal error:
    RuntimeError: Symlink loop", exit 70; and where the check passed, an export renamed
    its side file over the loop's link."""
    loop = tmp_path / "loop1"
    loop.symlink_to(tmp_path / "loop2")
    (tmp_path / "loop2").symlink_to(loop)
    args = [part.format(loop=loop) for part in command]
    result = run_cli(*args, "--db", str(loop if command[0] == "--db" else archive))
    assert result.exit_code == 2, result.stderr
    assert _one_error_line(result).endswith(": Too many levels of symbolic links")
    assert os.readlink(loop) == str(tmp_path / "loop2") and loop.is_symlink()


def test_a_bug_stopping_one_site_shows_its_traceback_under_newsarchive_debug(
    run_cli: Callable[..., Result], db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """README's exit 70: "a bug: one line (set NEWSARCHIVE_DEBUG=1 for the traceback)";
    a bug in one site's crawl (the site stops, the run goes on) gave its line alone
    whatever the variable said, so the place it was raised could not be found without
    editing the code."""
    from newsarchive import crawl_sites

    def broken(self: object) -> None:
        raise RuntimeError("a bug in the crawl")

    monkeypatch.setattr(crawl_sites.SiteCrawl, "run", broken)
    args = ("crawl", "bta", "--base-url", "http://127.0.0.1:9", "--db", str(db))
    monkeypatch.delenv("NEWSARCHIVE_DEBUG", raising=False)
    quiet = run_cli(*args)
    assert quiet.exit_code == 70
    assert "Traceback" not in quiet.stderr
    assert "internal error: RuntimeError: a bug in the crawl" in quiet.stderr
    monkeypatch.setenv("NEWSARCHIVE_DEBUG", "1")
    told = run_cli(*args)
    assert told.exit_code == 70
    assert "Traceback (most recent call last)" in told.stderr
    assert "RuntimeError: a bug in the crawl" in told.stderr


def test_a_host_httpx_cannot_spell_fails_its_fetch_not_the_command(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The name "😀.bg" IDNA 2003 (and a WARC's record, or an export) holds, IDNA 2008,
    httpx's, refuses: ``extract`` of it, ``add-site`` (whose typed address became
    "xn--e28h.bg") and ``--base-url`` were internal errors, exit 70. A fetch of it fails
    now (the page's failure, one line), ``--base-url`` is refused before anything runs,
    and an import of a record at such an address, which fetches nothing, still works."""
    fetched = run_cli("extract", "http://😀.bg/a")
    assert fetched.exit_code == 2, fetched.stderr
    assert "not a valid URL (Invalid IDNA hostname" in _one_error_line(fetched)
    proposed = run_cli("add-site", "http://😀.bg", "--delay", "0")
    assert proposed.exit_code == 2, proposed.stderr
    assert "not a valid URL" in _one_error_line(proposed)
    mirrored = run_cli("crawl", "bta", "--base-url", "http://😀.bg", "--db", str(db))
    assert mirrored.exit_code == 2, mirrored.stderr
    assert "--base-url is not a valid URL (Invalid IDNA" in _one_error_line(mirrored)
    record = '{"site": "x.bg", "url": "http://😀.bg/a", "title": "Т", "text": "Текст"}\n'
    imported = run_cli("import-jsonl", "-", "--db", str(db), input=record)
    assert imported.exit_code == 0, imported.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("search", "бюджет", "--db", ""),
        ("show", "1", "--db", ""),
        ("export", "--db", " "),
        ("crawl", "bta", "--db", ""),
        ("import-jsonl", "-", "--db", ""),
        ("--db", "", "stats"),
    ],
)
def test_an_empty_db_is_said_so(run_cli: Callable[..., Result], args: tuple[str, ...]) -> None:
    """`--db "$ARCHIVE"` with the variable unset: as a path "" is ".", and the line was
    "cannot open archive .: it is a directory"."""
    result = run_cli(*args)
    assert result.exit_code == 2
    line = _one_error_line(result)
    assert "Invalid value for '--db': is empty: name the archive's file" in line, line


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (("export", "--out", ""), "'--out' / '-o'"),
        (("search", "бюджет", "--out", " "), "'--out' / '-o'"),
        (("crawl", "bta", "--log-file", ""), "'--log-file'"),
        (("crawl", "bta", "--profile", ""), "'--profile'"),
        (("sites", "--profile", ""), "'--profile'"),
        (("extract", "page.html", "--profile", ""), "'--profile'"),
        (("import-jsonl", ""), "'file'"),
        (("import-warc", "a.warc.gz", ""), "'files'"),
    ],
)
def test_an_empty_file_name_is_said_so(
    run_cli: Callable[..., Result], archive: Path, args: tuple[str, ...], named: str
) -> None:
    """`--out "$OUT"` with the variable unset, as `--db ""` is: as a path "" is ".", and
    the line spoke of a folder nobody named ("cannot write .: Is a directory", "cannot
    read profile .: Is a directory", import-warc's "cannot read .: not a readable file").
    Refused before anything is read or written."""
    db = [] if args[0] in ("sites", "extract") else ["--db", str(archive)]
    before = _digest(archive)
    result = run_cli(*args, *db)
    assert result.exit_code == 2, result.stderr
    line = _one_error_line(result)
    assert f"Invalid value for {named}: is empty: name a file" in line, line
    assert _digest(archive) == before


def test_every_file_name_the_cli_takes_is_read_by_the_empty_name_check() -> None:
    """The table above lists the file options of today; one added with a bare
    ``typer.Option`` (a click ``Path``) would read "" as the current folder again: every
    parameter typed ``Path`` goes through ``cli_options.file_option``/``file_argument``."""
    import typer.main

    from newsarchive.cli import app
    from newsarchive.cli_options import file_name

    def params(command: Any, name: str) -> list[tuple[str, Any]]:
        found = [(f"{name} {p.name}", p) for p in command.params]
        for sub, child in getattr(command, "commands", {}).items():
            found += params(child, sub)
        return found

    every = params(typer.main.get_command(app), "newsarchive")
    # (what typer makes of a bare ``Path``: its TyperPath, or click's Path)
    bare = [name for name, param in every if type(param.type).__name__.endswith("Path")]
    assert bare == []
    checked = [name for name, param in every if getattr(param.type, "func", None) is file_name]
    assert len(checked) >= 11, checked  # (today's: --profile of 5 commands, 6 more)


def test_a_site_typed_with_spaces_or_capitals_is_the_site_in_every_command(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """search, export, stats and reextract read ``--site " BTA "`` as bta; extract,
    check-site and crawl said "unknown site ' bta '" of it (exit 2)."""
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Заглавие</h1><p>Текст на статията.</p></body></html>")
    result = run_cli("extract", str(page), "--site", " BTA ")
    assert result.exit_code == 0, result.stderr
    assert result.json()["site"] == "bta"


def test_extract_of_an_empty_name_is_said_so(run_cli: Callable[..., Result]) -> None:
    result = run_cli("extract", "")
    assert result.exit_code == 2
    assert _one_error_line(result) == (
        "newsarchive: error: extract needs an HTML file, '-' or an http(s) URL, not an empty name"
    )


def _rows(db: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT site, url, title, text FROM articles ORDER BY id").fetchall()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("search", "бюджет", "--site", "rusebg"),
            "unknown site 'rusebg' (sites in this archive: bta); did you mean 'ruse-bg'?",
        ),
        (
            ("search", "бюджет site:bat"),
            "unknown site 'bat' (sites in this archive: bta); did you mean 'bta'?",
        ),
        (
            ("export", "--site", "bta1"),
            "unknown site 'bta1' (sites in this archive: bta); did you mean 'bta'?",
        ),
        (
            ("crawl", "nsrob"),
            "unknown site 'nsrob' (known sites: bta, nsorb, ruse-bg, ruse24); did you mean"
            " 'nsorb'?",
        ),
        (
            ("rename-site", "bat", "x"),
            "no site 'bat' in this archive (its sites: bta); did you mean 'bta'?",
        ),
        (
            ("search", "бюджет", "--site", "nosuch"),
            "unknown site 'nosuch' (sites in this archive: bta)",
        ),
    ],
    ids=["search", "query", "export", "crawl", "rename-site", "nothing-close"],
)
def test_a_mistyped_site_is_told_the_id_it_is_closest_to(
    run_cli: Callable[..., Result], archive: Path, args: tuple[str, ...], said: str
) -> None:
    """`--site rusebg` listed every id and left the reader to spot 'ruse-bg' among them
    (among hundreds, in an archive of imported WARCs); now the closest id is named, by
    every command that takes one (``loader.meant_site``), and nothing is touched."""
    before = _rows(archive)
    result = run_cli(*args, "--db", str(archive))
    assert result.exit_code == 2 and result.stdout == ""
    assert _one_error_line(result) == f"newsarchive: error: {said}"
    assert _rows(archive) == before


def test_an_unknown_site_s_line_names_at_most_twenty_ids(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of pages imported from elsewhere holds a site per host: its unknown
    site's line named all of them, one "line" of thousands of characters."""
    db = tmp_path / "hosts.db"
    source = tmp_path / "hosts.jsonl"
    records = [
        {"site": f"obshtina{n:02}.bg", "url": f"https://obshtina{n:02}.bg/news/{n}",
         "title": f"Новина {n}", "text": "Общинският съвет заседава днес."}
        for n in range(25)
    ]  # fmt: skip
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    result = run_cli("search", "съвет", "--site", "nosuch", "--db", str(db))
    assert result.exit_code == 2
    listed = ", ".join(f"obshtina{n:02}.bg" for n in range(20))
    assert _one_error_line(result) == (
        f"newsarchive: error: unknown site 'nosuch' (sites in this archive: {listed}, and 5"
        " more ('newsarchive sites' lists them))"
    )


@pytest.mark.parametrize("cut", ["mid-character", "mid-string", "mid-value"])
def test_an_import_of_a_file_cut_short_says_so_and_imports_nothing(
    run_cli: Callable[..., Result], archive: Path, tmp_path: Path, cut: str
) -> None:
    """A JSON Lines file whose copy or export stopped part way: cut inside a Cyrillic
    letter it was "not UTF-8 text ... convert the file first, e.g. iconv -f
    windows-1251", advice that garbles a UTF-8 file; cut inside a string, "not valid JSON
    (Unterminated string starting at)". Now the line says the file is cut short."""
    record = {
        "site": "bta",
        "url": "https://www.bta.bg/bg/news/bulgaria/2-test",
        "title": "Кметът откри ремонтирания мост",
        "text": "Мостът над реката е отворен за движение.",
    }
    whole = json.dumps(record, ensure_ascii=False).encode()
    letter = whole.index("мост".encode())
    ends = {
        "mid-character": whole[: letter + 1],  # the first byte of a two-byte letter
        "mid-string": whole[:letter],
        "mid-value": whole[: whole.index(b'"text"') + len(b'"text": ')],
    }
    first = json.dumps({**record, "url": record["url"] + "-a"}, ensure_ascii=False)
    source = tmp_path / "cut.jsonl"
    source.write_bytes(first.encode() + b"\n" + ends[cut])
    before = _rows(archive)
    result = run_cli("import-jsonl", str(source), "--db", str(archive))
    assert result.exit_code == 2 and result.stdout == ""
    assert _one_error_line(result) == (
        "newsarchive: error: line 2 ends inside its record: the file is cut short (an"
        " export, copy or download that did not finish?); nothing imported"
    )
    assert _rows(archive) == before
