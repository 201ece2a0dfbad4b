"""End to end: crawl the BTA mirror over real HTTP, then check what was archived."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.mirror import MirrorServer

from .support import SITES, Result

EXPECTED = json.loads((SITES / "bta" / "expected.json").read_text(encoding="utf-8"))
BOILERPLATE = json.loads((SITES / "bta" / "boilerplate.json").read_text(encoding="utf-8"))


@pytest.fixture
def crawled(
    run_cli: Callable[..., Result], mirror: Callable[[str], MirrorServer], db: Path
) -> tuple[list[dict[str, object]], MirrorServer, Result]:
    server = mirror("bta")
    result = run_cli("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    exported = run_cli("export", "--db", str(db))
    assert exported.exit_code == 0, exported.stderr
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    return rows, server, result


def test_crawl_bta_archives_every_article_once(crawled: tuple) -> None:
    rows, _, result = crawled
    assert result.exit_code == 0, result.stderr
    urls = [r["url"] for r in rows]
    assert sorted(urls) == sorted(e["url"] for e in EXPECTED)
    assert len(urls) == len(set(urls))


def test_crawl_bta_exact_titles_dates_and_authors(crawled: tuple) -> None:
    rows, _, _ = crawled
    by_url = {r["url"]: r for r in rows}
    for expected in EXPECTED:
        row = by_url[expected["url"]]
        assert row["title"] == expected["title"]
        assert row["published"] == expected["published"]
        assert row["author"] == expected["author"]
        assert row["site"] == "bta"


def test_crawl_bta_bodies_keep_content_and_drop_boilerplate(crawled: tuple) -> None:
    rows, _, _ = crawled
    by_url = {r["url"]: r for r in rows}
    for expected in EXPECTED:
        text = by_url[expected["url"]]["text"]
        for phrase in expected["must_contain"]:
            assert phrase in text, (expected["url"], phrase)
        for junk in BOILERPLATE:
            assert junk.lower() not in text.lower(), (expected["url"], junk)
        assert "\n" in text  # paragraphs kept apart


def test_crawl_bta_second_run_archives_nothing_twice(
    crawled: tuple, run_cli: Callable[..., Result], db: Path
) -> None:
    rows, server, _ = crawled
    before = len(server.requests)
    again = run_cli("crawl", "bta", "--base-url", server.url, "--delay", "0", "--db", str(db))
    assert again.exit_code == 0
    assert "0 new" in again.stdout
    exported = run_cli("export", "--db", str(db))
    assert len(exported.stdout.splitlines()) == len(rows)
    article_hits = [p for p in server.requests[before:] if "-" in p.rsplit("/", 1)[-1]]
    assert article_hits == []  # no archived article is fetched again


def test_crawl_bta_search_finds_a_body_word(
    crawled: tuple, run_cli: Callable[..., Result], db: Path
) -> None:
    result = run_cli("search", "помощници", "--format", "json", "--db", str(db))
    assert result.exit_code == 0
    hits = result.json()
    assert isinstance(hits, list) and hits
    assert hits[0]["url"].endswith(
        "1180085-obshtina-ruse-nabira-60-domashni-pomoshtnitsi-za-uslugata-grizha-v-doma"
    )
    assert "**помощници**" in hits[0]["snippet"]
    assert set(hits[0]) == {"id", "site", "url", "title", "published", "snippet", "score", "total"}
