"""End to end for ruse-bg, ruse24 and nsorb: crawl each mirror over real HTTP, check the archive.

Each mirror holds pages in the markup its profile expects and one page whose markup does
not match the profile at all ("drift"), so these tests also prove the generic fallback.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from newsarchive.extraction.pipeline import extract
from newsarchive.mirror import MirrorServer
from newsarchive.profiles import get_profile

from .support import SITES, Result, invoke_cli, on_snapshot_day

SITE_IDS = ("ruse-bg", "ruse24", "nsorb")


def _expected(site: str) -> list[dict[str, Any]]:
    return json.loads((SITES / site / "expected.json").read_text(encoding="utf-8"))


def _boilerplate(site: str) -> list[str]:
    return json.loads((SITES / site / "boilerplate.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=SITE_IDS)
def crawled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, dict[str, dict[str, Any]], MirrorServer, Result, Path]]:
    """One crawl of each mirror for the whole module: its tests read the export taken
    here, the crawl's output and the mirror's request log, and the one that crawls again
    only adds a run (it reads the requests made after its own start)."""
    site: str = request.param
    db = tmp_path_factory.mktemp(f"crawled-{site}") / "archive.db"
    with on_snapshot_day(), MirrorServer(SITES / site) as server:  # (as a test's clock)
        with (
            pytest.MonkeyPatch.context() as env
        ):  # as run_cli: no $NEWSARCHIVE_DB, no user profiles
            env.delenv("NEWSARCHIVE_DB", raising=False)
            env.setenv("NEWSARCHIVE_PROFILES", str(db.parent / "no-user-profiles"))
            result = invoke_cli(
                "crawl", site, "--base-url", server.url, "--delay", "0", "--db", str(db)
            )
            exported = invoke_cli("export", "--db", str(db))
        assert exported.exit_code == 0, exported.stderr
        rows = [json.loads(line) for line in exported.stdout.splitlines()]
        yield site, {r["url"]: r for r in rows}, server, result, db


def test_crawl_archives_every_article_once(crawled: tuple) -> None:
    site, rows, _, result, _ = crawled
    assert result.exit_code == 0, result.stderr
    assert sorted(rows) == sorted(e["url"] for e in _expected(site))
    assert all(r["site"] == site for r in rows.values())


def test_crawl_exact_titles_dates_authors(crawled: tuple) -> None:
    site, rows, _, _, _ = crawled
    for expected in _expected(site):
        row = rows[expected["url"]]
        assert row["title"] == expected["title"], expected["file"]
        assert row["published"] == expected["published"], expected["file"]
        assert row["author"] == expected["author"], expected["file"]


def test_crawl_bodies_are_exactly_the_article(crawled: tuple) -> None:
    site, rows, _, _, _ = crawled
    for expected in _expected(site):
        text = rows[expected["url"]]["text"]
        assert text == expected["text"], expected["file"]
        for junk in _boilerplate(site):
            assert junk not in text, (expected["file"], junk)


def test_second_crawl_fetches_no_archived_article(
    crawled: tuple, run_cli: Callable[..., Result]
) -> None:
    site, rows, server, _, db = crawled
    before = len(server.requests)
    again = run_cli("crawl", site, "--base-url", server.url, "--delay", "0", "--db", str(db))
    assert again.exit_code == 0, again.stderr
    assert f"{site}: 0 new" in again.stdout
    article_paths = {e["url"].split("/", 3)[3] for e in _expected(site)}
    refetched = [p for p in server.requests[before:] if p.lstrip("/") in article_paths]
    assert refetched == []


@pytest.mark.parametrize("site", SITE_IDS)
def test_extract_command_prints_the_fields_of_every_fixture_page(
    site: str, run_cli: Callable[..., Result]
) -> None:
    for expected in _expected(site):
        path = SITES / site / expected["file"]
        result = run_cli("extract", str(path), "--url", expected["url"])
        assert result.exit_code == 0, result.stderr
        data = result.json()
        assert isinstance(data, dict)
        assert data["site"] == site
        assert data["url"] == expected["url"]
        assert data["title"] == expected["title"]
        assert data["published"] == expected["published"]
        assert data["author"] == expected["author"]
        assert data["text"] == expected["text"]


@pytest.mark.parametrize("site", SITE_IDS)
def test_drift_page_falls_back_to_generic_rules_and_records_it(site: str) -> None:
    profile = get_profile(site)
    drifted = [e for e in _expected(site) if e["variant"] in ("drift", "table")]
    assert drifted, "every mirror keeps one page whose markup the profile does not match"
    for expected in drifted:
        article = extract((SITES / site / expected["file"]).read_bytes(), expected["url"],
                          profile=profile)  # fmt: skip
        assert article.rules["text"] == "generic:drift"
        assert "text" in article.rules["drift"].split(",")
        assert not article.rules["title"].startswith("profile:")
        assert article.title == expected["title"]
        assert article.text == expected["text"]


@pytest.mark.parametrize("site", SITE_IDS)
def test_pages_in_profile_markup_use_the_profile(site: str) -> None:
    profile = get_profile(site)
    for expected in _expected(site):
        if expected["variant"] in ("drift", "table"):
            continue
        article = extract((SITES / site / expected["file"]).read_bytes(), expected["url"],
                          profile=profile)  # fmt: skip
        assert article.rules["text"].startswith("profile:"), expected["file"]
        assert article.rules["title"].startswith("profile:"), expected["file"]
        assert "drift" not in article.rules, expected["file"]


def test_ruse24_windows_1251_page_with_charset_only_in_meta() -> None:
    expected = next(e for e in _expected("ruse24") if e["variant"] == "cp1251")
    raw = (SITES / "ruse24" / expected["file"]).read_bytes()
    assert b"charset=windows-1251" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    article = extract(raw, expected["url"], profile=get_profile("ruse24"))
    assert article.title == expected["title"]
    assert article.text == expected["text"]


@pytest.mark.parametrize("site", ["ruse-bg", "nsorb"])
def test_date_only_in_json_ld(site: str) -> None:
    expected = next(e for e in _expected(site) if e["variant"] == "jsonld-only")
    article = extract((SITES / site / expected["file"]).read_bytes(), expected["url"],
                      profile=get_profile(site))  # fmt: skip
    assert article.rules["published"] == "jsonld:datePublished"
    assert article.published is not None
    assert article.published.isoformat() == expected["published"]


def test_ruse24_feed_only_article_comes_from_the_feed(crawled: tuple) -> None:
    site, rows, server, _, _ = crawled
    for expected in _expected(site):
        if expected["sources"] == ["feed"]:
            assert expected["url"] in rows
    if site == "ruse24":
        assert "/rss.php?cat=1" in server.requests


@pytest.mark.parametrize("site", SITE_IDS)
def test_boilerplate_strings_really_are_in_the_mirror(site: str) -> None:
    """Otherwise "no boilerplate in the body" would prove nothing."""
    pages = [
        path.read_bytes().decode("cp1251" if b"windows-1251" in path.read_bytes() else "utf-8")
        for path in (SITES / site).rglob("*.html")
    ]
    for junk in _boilerplate(site):
        assert any(junk in text for text in pages), junk


def test_a_bare_user_profile_crawls_by_generic_rules_alone(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], tmp_path: Path
) -> None:
    """No pattern, no paging template, no selectors: links, pages and fields are all generic."""
    profile = tmp_path / "nsorb.toml"
    profile.write_text(
        'id = "nsorb"\norigin = "https://www.namrb.org"\nhosts = ["www.namrb.org", "namrb.org"]\n'
        '[discovery]\nstart_urls = ["/bg/aktualno"]\n',
        encoding="utf-8",
    )
    server = mirror("nsorb")
    db = tmp_path / "generic.db"
    result = run_cli("crawl", "nsorb", "--profile", str(profile), "--base-url", server.url,
                     "--delay", "0", "--db", str(db))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "/bg/aktualno?page=2" in server.requests
    rows = {
        json.loads(line)["url"]: json.loads(line)
        for line in run_cli("export", "--db", str(db)).stdout.splitlines()
    }
    expected = _expected("nsorb")
    assert sorted(rows) == sorted(e["url"] for e in expected)
    for e in expected:
        row = rows[e["url"]]
        assert (row["title"], row["published"]) == (e["title"], e["published"]), e["file"]
        assert row["text"] == e["text"], e["file"]


def test_crawl_warns_of_profile_drift_on_stderr(crawled: tuple) -> None:
    site, _, _, result, _ = crawled
    warning = next(line for line in result.stderr.splitlines() if "did not fit" in line)
    assert warning.startswith(f"newsarchive: {site}: warning: profile did not fit (")
    assert f"check-site {site}" in warning
    assert "text on 1" in warning  # exactly one page per mirror is in unmatched markup
    assert result.exit_code == 0  # drift is a warning, not a failure


def test_crawl_summary_of_bta_mirror_reports_no_drift(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], db: Path
) -> None:
    server = mirror("bta")
    result = run_cli("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    assert result.exit_code == 0
    assert "profile did not fit" not in result.stdout + result.stderr
