"""A fifty-fifth round of site shapes, four whole small sites of shapes no round had,
crawled from the origin alone (a profile of id, name and origin) through a real
``MirrorServer``, as ``test_round54_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round55.py``): TYPO3's news extension with no
speaking URLs, ``tx_news_pi1[...]`` and a ``cHash`` in every link (zhitnitsa); articles
whose only day is their address, ``/2026/11/27/<slug>.html``, and whose minute is the
list's card (srebrendol); a Next.js export whose article text past the lead is only in
``__NEXT_DATA__`` (orehovo); windows-1251 bytes with no charset anywhere, the news a
table of date and title (tsvetino). Each must archive exactly its articles with the true
title, date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND55_SITES = {
    # TYPO3 news, /index.php?id=13&tx_news_pi1%5Bnews%5D=905&...&cHash=<md5>
    "zhitnitsa": ("Община Житница", "https://zhitnitsa.bg"),
    # /2026/11/27/<slug>.html, no date on the page, "27.11.2026, 08:17 ч." on the card
    "srebrendol": ("Община Сребрендол", "https://srebrendol.bg"),
    # a Next.js export, the text past the lead only in __NEXT_DATA__'s post.content
    "orehovo": ("Община Орехово", "https://orehovo.bg"),
    # windows-1251 with no charset in the header or a <meta>, a table of date | title
    "tsvetino": ("Община Цветино", "http://tsvetino.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND55_SITES))
def test_a_round55_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND55_SITES[site])
