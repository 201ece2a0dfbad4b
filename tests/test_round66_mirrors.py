"""A sixty-sixth round of site shapes, four whole small sites whose news a crawler must
find in a way no round had, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round65_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round66.py``): a WordPress-like blog whose home
page is its paged list of all posts, ``/page/2/``, ``/page/3/``, its menu's "Новини" one
category of four posts (blogovo); cards linked through a click counter by id,
``/go.php?id=4417``, answered 302 to the article (prenasochvane); a news page of three and
robots.txt's one gzipped sitemap, ``/sitemap.xml.gz``, of all nine (kompresno); a list
paged ``?limit=3&start=3``, its cards linked ``../statii/<id>.html`` (nagore). Each must
archive exactly its articles with the true title, date and body, and a rerun right after
must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover import listings
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND66_SITES = {
    # / is the blog's list of every post, paged /page/2/; the menu's "Новини" a category
    "blogovo": ("Блогът на Дъбово", "https://blogovo.bg"),
    # <a href="/go.php?id=4417"> -> 302 /novini/4417-nova-sportna-zala.html
    "prenasochvane": ("Община Пренасочване", "https://prenasochvane.bg"),
    # robots.txt: Sitemap: https://kompresno.bg/sitemap.xml.gz; the news page shows three
    "kompresno": ("Община Компресно", "https://kompresno.bg"),
    # /novini/spisak/?limit=3&start=3, <a href="../statii/7705.html">
    "nagore": ("Община Нагоре", "https://nagore.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND66_SITES))
def test_a_round66_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND66_SITES[site])


def _post(n: int, category: str, extra: str = "") -> str:
    return (
        f'<article id="post-{n}" class="post-{n} post type-post status-publish format-standard'
        f' hentry category-{category}{extra}"><h2 class="entry-title">'
        f'<a href="/2026/11/{n:02d}/post-{n}/">Заглавие на публикация номер {n}</a></h2>'
        f'<time datetime="2026-11-{n:02d}">{n:02d}.11.2026</time>'
        f' в <a href="/category/{category}/" rel="category tag">{category}</a></article>'
    )


def test_a_blogs_posts_filed_under_different_categories_are_one_list() -> None:
    """WordPress's ``post_class()`` names each post's category, tags and format in its
    ``<article>``'s classes: blogovo's front page, three posts of three categories, read
    as three single cards and no list, so only its menu's category page was walked."""
    page = "<html><body><main>" + "".join(
        [
            _post(29, "obshtina"),
            _post(26, "kultura", " has-post-thumbnail tag-remont"),
            _post(23, "bez-kategoriya", " sticky"),
        ]
    )
    page += '<a class="next" href="/page/2/">« По-стари публикации</a></main></body></html>'
    site = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg",))
    items = listings.news_items(parse_html(page), "https://x.bg/", site)
    assert [card.url for card in items.cards] == [
        "https://x.bg/2026/11/29/post-29/",
        "https://x.bg/2026/11/26/post-26/",
        "https://x.bg/2026/11/23/post-23/",
    ]
