"""A first crawl under ``--since``, then the nightly crawl without it (a researcher's first
day): the articles the first passed over as older must be archived by the second, from
whichever source named them. The sources that named them answer 304 the second time (a
sitemap, a listing walked to its end), so nothing names them again: what the frontier
kept of them is all the second run has.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import SITES, article_rows, mirror_crawls
from .support import Result

SITES_SINCE = {
    # news only in the sitemap, its lastmods "28.11.2026 14:05": four skipped unfetched
    "kesten": ("Община Кестен", "https://kesten.bg", "2026-11-20"),
    # WordPress: two posts found in the sitemap first, fetched and found older
    "zornitsa": ("Община Зорница", "https://zornitsa.bg", "2026-11-01"),
}


@pytest.mark.parametrize("site", sorted(SITES_SINCE))
def test_a_crawl_without_since_archives_what_a_first_one_with_it_passed_over(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    name, origin, since = SITES_SINCE[site]
    expected = {a["url"] for a in json.loads((SITES / site / "expected.json").read_text())}
    with mirror_crawls(run_cli, db, tmp_path, site, name, origin) as crawls:
        crawls.crawl("--since", since)
        first = set(article_rows(db))
        assert first and first < expected, first  # the mirror has older news to leave
        crawls.crawl("--since", since)
        assert "0 new" in crawls.stdout, crawls.stdout  # the same bound asks none again
        crawls.crawl()
        assert f"{len(expected - first)} new" in crawls.stdout, crawls.stdout
        assert set(article_rows(db)) == expected
        nightly = crawls.crawl()
    assert "0 new" in crawls.stdout and len(nightly) <= 3, (crawls.stdout, nightly)
