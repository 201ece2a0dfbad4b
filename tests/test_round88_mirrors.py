"""An eighty-eighth round of site shapes, four small sites whose ARTICLE PAGES hold shapes
of Bulgarian municipal templates no round had, crawled from the origin alone (a profile
of id, name and origin) through a real ``MirrorServer``, as ``test_round84_mirrors`` does
its four.

The mirrors (``tests/fixtures/make_mirrors_round88.py``): a water company's outage
notices whose content is a fifteen-row table of streets and hours (spirane); council
decisions with "Решение № 412 от 26.11.2026 г." in an ``<h2>`` above the headline and
their points in an ``<ol>`` (reshenie); article pages with no headline element, the
headline only the breadcrumb's last item and the ``<title>`` (trohi); mayor's orders
whose content is a list of attached "Заповед №…" PDF links (zapovedi). Each must archive
exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND88_SITES = {
    "spirane": ("ВиК Спиране", "https://spirane.bg"),
    "reshenie": ("Общински съвет Решение", "https://reshenie.bg"),
    "trohi": ("Община Трохи", "https://trohi.bg"),
    "zapovedi": ("Община Заповеди", "https://zapovedi.bg"),
}


# zapovedi: the two notices whose list of "Заповед №…" links stands under a line ending on a
# full stop lose the list (its links are weighed as a menu; a list is the text's own only
# when a line ending on a colon introduces it, ``content._introduced_links``): not mended.
GAPS = {"zapovedi"}


@pytest.mark.parametrize(
    "site",
    [
        pytest.param(s, marks=pytest.mark.xfail(strict=True, reason="gap, not mended"))
        if s in GAPS
        else s
        for s in sorted(ROUND88_SITES)
    ],
)
def test_a_round88_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND88_SITES[site])
