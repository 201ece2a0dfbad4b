"""A hundred-and-first round of site shapes: ONE HOST, MANY PUBLISHERS. Four networks of
sub-sites in folders of one host (``tests/fixtures/make_mirrors_round101.py``), each
sub-site with its own news, feed and sitemap, the host's home aggregating the newest of
all: a municipality on WordPress Multisite, its mayoralties and school at
``/kmetstvo-<x>/`` and ``/ou-<y>/`` (mnogoselo); a regional administration on Joomla, its
municipalities under ``/obshtini/<name>/`` (oblastzagore); a newspaper group's town
editions at ``/<town>/`` (podbalkanets); an NGO platform's ``/members/<slug>/blog/``
(zaedno).

What is decided (README, "one host, many publishers"): a bare crawl of the ROOT archives
the main site's news AND every sub-site's (a researcher adding the municipality expects
its mayoralties' news; the root's bounds are the whole host), each article once, under its
sub-site's address however the aggregating home or the CMS's short links name it; a crawl
rooted at one sub-site archives that sub-site's news alone.

Not mended in this round (strict xfail, so the day it is mended the marks must go): the
root crawl takes the first news listing it finds as the site's news and never looks for the
sub-sites' own (mnogoselo 3 of 9, oblastzagore 3 of 9, podbalkanets 6 of 9, zaedno 3 of 8);
and a member's folder on zaedno, its blog two posts of two-word slugs, finds no article
(0 of 2: too few cards to teach a shape, too short a slug for the generic guess).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import (
    article_rows,
    bare_crawl_twice,
    bare_profile,
    check_bare_crawl,
    crawl_twice,
    site_json,
)
from .support import Result

ROUND101_SITES = {
    "mnogoselo": ("Община Многосело", "https://www.mnogoselo.bg"),
    "oblastzagore": ("Областна администрация Загоре", "https://www.oblast-zagore.bg"),
    "podbalkanets": ("Подбалканец", "https://www.podbalkanets.bg"),
    "zaedno": ("Мрежа „Заедно“", "https://www.zaedno-mreja.bg"),
}
ROOT_GAP = "a root crawl reads the first news listing it finds, not every sub-site's"
# its blog lists two posts of two-word slugs (/blog/ekskurziya-muzei/): too few cards to
# teach a shape and too short a slug for the generic guess, so its own feed's two entries
# are not taken either
SMALL_BLOG_GAP = "a blog of two posts with two-word slugs teaches no article shape"


@pytest.mark.xfail(reason=ROOT_GAP, strict=True)
@pytest.mark.parametrize("site", sorted(ROUND101_SITES))
def test_a_round101_hosts_root_is_archived_with_every_sub_sites_news(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND101_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND101_SITES))
def test_a_root_crawl_archives_each_article_once_under_its_sub_sites_address(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """The aggregating home links a sub-site's post by another address (WordPress's
    ``/<folder>/?p=N``, Joomla's ``/component/content/article/N?catid=9``, the group's
    ``/statia/N`` 301): what the root crawl archives is each under its sub-site's own
    address, once, with its title, date and writer, and nothing else; its rerun <= 3."""
    _, nightly = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND101_SITES[site])
    assert len(nightly) <= 3, nightly
    expected = {row["url"]: row for row in site_json(site, "expected.json")}
    rows = article_rows(db)
    assert rows, site
    assert set(rows) <= set(expected), sorted(set(rows) - set(expected))
    for url, (title, published, author, _text) in rows.items():
        row = expected[url]
        assert (title, published, author) == (row["title"], row["published"], row["author"])


SUB_SITES = [
    ("mnogoselo", "ou-paisiy/"),
    ("oblastzagore", "obshtini/brodets/"),
    ("podbalkanets", "bukovo/"),
    pytest.param(
        "zaedno",
        "members/fondatsia-iskra/",
        marks=pytest.mark.xfail(reason=SMALL_BLOG_GAP, strict=True),
    ),
]


@pytest.mark.parametrize(("site", "folder"), SUB_SITES)
def test_a_crawl_rooted_at_one_sub_site_archives_its_news_alone(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str, folder: str
) -> None:
    """The origin a sub-site's folder: its news, every one, and none of the host's other
    folders' (the main site's, the other mayoralties', editions', members')."""
    name, origin = ROUND101_SITES[site]
    profile = bare_profile(tmp_path, site, name, f"{origin}/{folder}")
    _, nightly = crawl_twice(
        run_cli, db, profile, site, Path(__file__).parent / "fixtures" / "sites" / site
    )
    assert len(nightly) <= 3, nightly
    own = {
        row["url"] for row in site_json(site, "expected.json")
        if row["url"].startswith(f"{origin}/{folder}")
    }  # fmt: skip
    assert len(own) >= 2
    assert sorted(article_rows(db)) == sorted(own)
