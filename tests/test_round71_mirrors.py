"""A seventy-first round of site shapes, two whole small sites whose news lists file each
card under classes of its own, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round66_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round71.py``): a custom theme's list whose
cards name their rubric and its colour, ``novina rubrika-kultura bg-zeleno``, the newest
``is-new``, the menu naming each rubric's page (rubrikovo); Drupal-like teasers carrying
the node's type and flags, ``node--type-page``, ``node--promoted``, ``node--sticky``, the
menu's "Култура" a taxonomy term's page (nodovo). Each must archive exactly its articles
with the true title, date and body, and a rerun right after must cost at most three
requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND71_SITES = {
    # <div class="novina rubrika-kultura bg-zeleno is-new">; /rubrika/kultura/ in the menu
    "rubrikovo": ("Община Рубриково", "https://rubrikovo.bg"),
    # <article class="node node--type-page node--promoted …">; /taxonomy/term/12 in the menu
    "nodovo": ("Община Нодово", "https://nodovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND71_SITES))
def test_a_round71_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND71_SITES[site])
