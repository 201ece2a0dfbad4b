"""``check-site`` against the mirrors: which rule found each field, and drift as exit 1."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .support import SITES, Result


# The first two articles each mirror lists are in the markup its profile expects.
@pytest.mark.parametrize("site", ["bta", "ruse-bg", "ruse24"])
def test_profile_fits_its_own_mirror(
    site: str, run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer]
) -> None:
    server = mirror(site)
    result = run_cli("check-site", site, "--base-url", server.url, "--delay", "0", "-n", "2")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert f"check-site {site}" in result.stdout
    assert "profile:" in result.stdout
    last = result.stdout.splitlines()[-1]
    assert last.startswith("OK: ") and "the profile's selectors" in last, last
    assert "DRIFT" not in result.stdout


def test_a_profile_of_no_selectors_is_not_said_to_have_matched_them(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    """add-site's proposal names no selector: its check said "OK: the profile's
    selectors matched every field checked", of fields the generic rules found."""
    server = mirror("kalina")
    base = ("--base-url", server.url, "--delay", "0")
    proposed = run_cli("add-site", "https://www.kalina.bg", *base)
    assert proposed.exit_code == 0, proposed.stderr
    profile = tmp_path / "kalina.toml"
    profile.write_text(proposed.stdout, encoding="utf-8")
    result = run_cli("check-site", "kalina", "--profile", str(profile), *base)
    assert result.exit_code == 0, result.stdout + result.stderr
    last = result.stdout.splitlines()[-1]
    assert last == (
        "OK: no selector of the profile drifted; of 12 fields checked:"
        " 9 found by the generic rules, 3 empty (no rule found a value)"
    )


@pytest.mark.parametrize("site", ["ruse-bg", "ruse24", "nsorb"])
def test_drift_page_is_reported_with_exit_1(
    site: str, run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer]
) -> None:
    server = mirror(site)
    result = run_cli(
        "check-site", site, "--base-url", server.url, "--delay", "0", "-n", "10", "-f", "json"
    )
    assert result.exit_code == 1
    data = result.json()
    assert isinstance(data, dict)
    assert data["failures"] == []
    drifted = {item.split(": ")[-1] for item in data["drift"]}
    assert "text" in drifted
    texts = [a["fields"]["text"] for a in data["articles"]]
    assert any(t["rule"] == "generic:drift" and t["drift"] for t in texts)
    assert any(t["origin"] == "profile" for t in texts)


def test_a_selector_hidden_by_a_json_ld_date_is_still_reported(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer]
) -> None:
    server = mirror("nsorb")
    result = run_cli(
        "check-site", "nsorb", "--base-url", server.url, "--delay", "0", "-n", "2", "-f", "json"
    )
    articles = json.loads(result.stdout)["articles"]
    dated_by_jsonld = next(a for a in articles if a["url"].endswith("-5130"))
    assert dated_by_jsonld["fields"]["published"]["origin"] == "structured"
    assert not dated_by_jsonld["fields"]["published"]["drift"]
    assert dated_by_jsonld["unmatched"] == ["date: .news-date"]


def test_wrong_user_selector_shows_which_generic_rule_took_over(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    profile = tmp_path / "nsorb.toml"
    profile.write_text(
        'id = "nsorb"\norigin = "https://www.namrb.org"\n'
        '[discovery]\nstart_urls = ["/bg/aktualno"]\n'
        "article_pattern = '^/bg/aktualno/[a-z0-9-]+-\\d+$'\n"
        '[extract]\ntitle = ["h1.renamed"]\ndate = [".renamed-date"]\nbody = [".renamed-body"]\n',
        encoding="utf-8",
    )
    server = mirror("nsorb")
    result = run_cli("check-site", "nsorb", "--profile", str(profile), "--base-url", server.url,
                     "--delay", "0", "-n", "1", "-f", "json")  # fmt: skip
    assert result.exit_code == 1
    fields = json.loads(result.stdout)["articles"][0]["fields"]
    assert fields["title"]["origin"] == "generic" and fields["title"]["drift"]
    assert fields["published"]["rule"] == "generic:text-near-title"
    assert fields["text"]["rule"] == "generic:drift"
    assert "Начало на националната среща на кметовете" in fields["title"]["value"]


def test_unreachable_site_is_a_failure_not_a_traceback(run_cli: Callable[..., Result]) -> None:
    result = run_cli("check-site", "ruse24", "--base-url", "http://127.0.0.1:9", "--delay", "0")
    assert result.exit_code == 1
    assert "FAILED" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_a_site_down_is_one_failure_in_crawls_words(
    run_cli: Callable[..., Result], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each source and the home page failed alike, each line ending in the raw
    "ConnectError: ... (reading .../robots.txt): URL": one line says the site cannot be
    reached, naming the mirror contacted, as crawl and add-site say it."""
    monkeypatch.setenv("NEWSARCHIVE_BACKOFF", "0.01")  # (its retries' waits: 2.9 s)
    args = ("check-site", "ruse24", "--base-url", "http://127.0.0.1:9", "--delay", "0")
    result = run_cli(*args)
    assert result.exit_code == 1
    failed = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
    said = "https://www.ruse24.bg (fetched from http://127.0.0.1:9/) cannot be reached ("
    assert len(failed) == 1 and failed[0].startswith(f"FAILED {said}"), result.stdout
    data = json.loads(run_cli(*args, "-f", "json").stdout)
    assert data["failures"] == [failed[0].removeprefix("FAILED ")]


def test_unknown_site_and_bad_base_url_exit_2(run_cli: Callable[..., Result]) -> None:
    assert run_cli("check-site", "nope").exit_code == 2
    bad = run_cli("check-site", "bta", "--base-url", "ftp://x")
    assert bad.exit_code == 2 and bad.stderr.count("\n") == 1


def test_a_redirected_start_pages_relative_links_resolve_where_it_was_found() -> None:
    """/novini answers 301 to /novini/, whose links "statiya-1" are relative: the crawl
    reads them against /novini/ (the final URL), and so must check-site, or it counts
    none of the links the crawl will follow."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from newsarchive.check_site import check_site
    from newsarchive.fetch.client import FetchOptions
    from newsarchive.models import Profile

    listing = "".join(f'<p><a href="statiya-{i}">Новина {i}</a></p>' for i in (1, 2, 3))
    feed = "".join(f"<entry><link href='statiya-{i}'/></entry>" for i in (4, 5))
    pages = {
        "/novini/": ("text/html", f"<html><body>{listing}</body></html>"),
        "/novini/atom.xml": (
            "application/atom+xml",
            f"<feed xmlns='http://www.w3.org/2005/Atom'>{feed}</feed>",
        ),
    }
    moved = {"/novini": "/novini/", "/rss": "/novini/atom.xml"}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            if self.path in moved:
                self.send_response(301)
                self.send_header("Location", moved[self.path])
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            kind, text = pages.get(self.path, ("text/plain", ""))
            body = text.encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        host = f"127.0.0.1:{server.server_port}"
        profile = Profile(
            id="x", name="x", origin=f"http://{host}", hosts=(host,), start_urls=("/novini",),
            feeds=("/rss",), article_pattern=r"^/novini/statiya-\d+$",
        )  # fmt: skip
        report = check_site(profile, articles=0, options=FetchOptions(delay=0, retries=0))
    finally:
        server.shutdown()
        server.server_close()
    assert {(s.kind, s.articles) for s in report.sources} == {("feed", 2), ("start", 3)}


def test_a_site_that_moved_domain_is_checked_there_and_the_move_is_a_failure(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A profile naming the domain the site left (its robots.txt and home page redirect
    for good to the same paths elsewhere) no longer fits: the move is reported as the
    failure to fix, with the address to put in the profile, and the articles are still
    checked where the site lives now, not reported as refused redirects."""
    profile = tmp_path / "vetrino.toml"
    profile.write_text(
        'id = "vetrino"\nname = "Община Ветрино"\norigin = "https://vetrino-bg.eu"\n',
        encoding="utf-8",
    )
    with MirrorServer(SITES / "vetrino") as server:
        result = run_cli(
            "check-site", "vetrino", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "-n", "2", "-f", "json",
        )  # fmt: skip
    assert result.exit_code == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["failures"] == [
        "https://vetrino-bg.eu moved to https://obshtinavetrino.bg (its robots.txt and home"
        " page redirect there for good): update the profile's origin"
    ]
    assert (data["moved_from"], data["moved_to"]) == (
        "https://vetrino-bg.eu",
        "https://obshtinavetrino.bg",
    )
    assert len(data["articles"]) == 2
    assert all(a["url"].startswith("https://obshtinavetrino.bg/") for a in data["articles"])
    assert all(a["fields"]["title"]["value"] for a in data["articles"])


def test_a_bare_profile_whose_news_live_on_a_subdomain_is_checked_there(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """``https://www.orehovitsa.bg``'s "Новини" is ``novini.orehovitsa.bg``: check-site
    explores as the crawl does and checks the articles on that host, exit 0."""
    profile = tmp_path / "orehovitsa.toml"
    profile.write_text(
        'id = "orehovitsa"\nname = "Община Ореховица"\norigin = "https://www.orehovitsa.bg"\n',
        encoding="utf-8",
    )
    with MirrorServer(SITES / "orehovitsa") as server:
        result = run_cli(
            "check-site", "orehovitsa", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "-n", "2", "-f", "json",
        )  # fmt: skip
    assert result.exit_code == 0, result.stdout
    data = json.loads(result.stdout)
    assert len(data["articles"]) == 2
    assert all(
        a["url"].startswith("https://novini.orehovitsa.bg/statia/") for a in data["articles"]
    )


def test_a_sitemap_index_is_reported_as_one_with_its_children(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    # zornitsa's robots.txt names WordPress's wp-sitemap.xml, an index of five sitemaps:
    # "feed … 0 article links" read as a broken feed, though nothing was wrong with it.
    profile = tmp_path / "zornitsa.toml"
    profile.write_text(
        'id = "zornitsa"\nname = "Община Зорница"\norigin = "https://zornitsa.bg"\n',
        encoding="utf-8",
    )
    server = mirror("zornitsa")
    args = ("check-site", "zornitsa", "--profile", str(profile), "--base-url", server.url)
    text = run_cli(*args, "--delay", "0")
    assert text.exit_code == 0, text.stdout + text.stderr
    lines = [line.split() for line in text.stdout.splitlines()]
    index = next(line for line in lines if "https://zornitsa.bg/wp-sitemap.xml" in line)
    assert index[0] == "sitemap"
    assert "5 child sitemaps" in " ".join(index)
    feed = next(line for line in lines if "https://zornitsa.bg/feed/" in line)
    assert feed[0] == "feed"
    data = run_cli(*args, "--delay", "0", "-f", "json").json()
    assert isinstance(data, dict)
    kinds = {s["url"]: (s["kind"], s["sitemaps"]) for s in data["sources"]}
    assert kinds["https://zornitsa.bg/wp-sitemap.xml"] == ("sitemap", 5)
    assert kinds["https://zornitsa.bg/feed/"] == ("feed", 0)


@pytest.mark.parametrize(
    ("pages", "asked", "unasked"),
    [
        ((), ["/novini", "/novini?page=2"], ["/novini?page=3"]),  # (two by default)
        (("--pages", "3"), ["/novini", "/novini?page=2", "/novini?page=3"], []),
        (("--pages", "1"), ["/novini"], ["/novini?page=2", "/novini?page=3"]),
    ],
)
def test_pages_sets_how_many_listing_pages_check_site_reads(
    run_cli: Callable[..., Result],
    tmp_path: Path,
    pages: tuple[str, ...],
    asked: list[str],
    unasked: list[str],
) -> None:
    """gornitsa's news list holds three articles a page over three pages: with ten
    articles to check, ``--pages 3`` reads its third page and ``--pages 1`` its first
    alone (it read two, whatever was asked)."""
    from .mirror_sites import bare_profile

    profile = bare_profile(tmp_path, "gornitsa", "Община Горница", "https://gornitsa.bg")
    with MirrorServer(SITES / "gornitsa") as server:
        result = run_cli(
            "check-site", "gornitsa", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "-n", "10", *pages,
        )  # fmt: skip
    assert result.exit_code == 0, result.stdout + result.stderr
    listing = [path for path in server.requests if path.startswith("/novini?")]
    assert [path for path in asked if path in server.requests] == asked, server.requests
    assert [path for path in unasked if path in listing] == [], server.requests


@pytest.mark.parametrize(
    ("value", "said"),
    [
        ("0", "Invalid value for '--pages': 0 is not in the range 1<=x<=20"),
        ("21", "Invalid value for '--pages': 21 is not in the range 1<=x<=20"),
        ("two", "Invalid value for '--pages': 'two' is not a valid int range"),
    ],
)
def test_a_pages_count_out_of_range_is_one_line_exit_2(
    run_cli: Callable[..., Result], value: str, said: str
) -> None:
    result = run_cli("check-site", "bta", "--base-url", "http://127.0.0.1:9", "--pages", value)
    assert result.exit_code == 2 and result.stdout == ""
    [line] = [line for line in result.stderr.splitlines() if line.strip()]
    assert line.startswith("newsarchive: error: ") and said in line, line
