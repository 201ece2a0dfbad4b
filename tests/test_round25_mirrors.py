"""A twenty-fifth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round24_mirrors`` does its six.

The mirrors (``tests/fixtures/make_mirrors_round25.py``) print what CMSes no earlier round
copied print: TYPO3's news extension without route enhancers (the list paged and every
article named by bracketed ``tx_news_pi1[…]`` fields, each address signed with a
``cHash``: kantarion); Liferay 6.2's asset publisher (the pager's long ``p_p_id`` queries,
a page-size drop-down beside it, every article linked with ``?redirect=<the page it was
shown on>`` and declaring the list page its canonical: ravnets); Plone's classic folder
(``?b_start:int=3``, a published and a later modified stamp: shafran); a Wix blog
(``/blog/page/2`` by ``data-hook`` links, a sitemap index of typed sitemaps: kopar); DNN's
EasyDNNnews (Cyrillic page names raw in every link, ``/Новини/PgrID/543/PageID/2``:
magdanoz); Jekyll's Minima (``/page2/`` by a pager of numbers, a feed of the newest ten
of twelve: kimion); an old PHP site whose sitemap index and its children come after a
PHP "Deprecated" notice, the only place its older news are named (sminduh). Each must
archive exactly its articles with the true title, date and body, and a rerun right after
must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest

from .mirror_sites import FirstCrawl, Proposes, bare_crawl_twice, check_bare_crawl, proposed
from .support import Result

ROUND25_SITES = {
    # TYPO3 news: ?tx_news_pi1%5B%40widget_0%5D%5BcurrentPage%5D=2&cHash=…
    "kantarion": ("Община Кантарион", "https://www.kantarion.bg"),
    # Liferay 6.2: …/content/<slug>?redirect=<the list page>, canonical the list
    "ravnets": ("Община Равнец", "https://www.ravnets.bg"),
    # Plone classic: ?b_start:int=3
    "shafran": ("Община Шафран", "https://shafran.bg"),
    # Wix blog: /blog/page/2, /post/<slug>, a sitemap index of typed sitemaps
    "kopar": ("Община Копър", "https://www.kopar.bg"),
    # DNN EasyDNNnews: /Новини/ArtMID/543/ArticleID/412/<Cyrillic slug>
    "magdanoz": ("Община Магданоз", "https://www.magdanoz.bg"),
    # Jekyll Minima: /page2/, /feed.xml of the newest ten of twelve
    "kimion": ("Община Кимион", "https://kimion.bg"),
    # old PHP: the newest five on /news.php, the rest in a sitemap after a PHP notice
    "sminduh": ("Община Сминдух", "http://www.sminduh.bg"),
}
NEWS = quote("/Новини")
TYPO3_PAGE = "/novini?tx_news_pi1%5B%40widget_0%5D%5BcurrentPage%5D="
LIFERAY_PAGE = (
    "/web/guest/novini?p_p_id=101_INSTANCE_mAq2&p_p_lifecycle=0&p_p_state=normal"
    "&p_p_mode=view&p_p_col_id=column-1&p_p_col_count=1&_101_INSTANCE_mAq2_delta=3"
    "&p_r_p_564233524_resetCur=false&_101_INSTANCE_mAq2_cur="
)


@pytest.mark.parametrize("site", sorted(ROUND25_SITES))
def test_a_round25_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND25_SITES[site])


FIRST_CRAWLS = [
    # the widget's pages 2 and 3, each once, with the hash each link carries
    FirstCrawl(
        "kantarion",
        once=(
            f"{TYPO3_PAGE}2&cHash=0b1ac140fd0cb816040576ed8f5668cc",
            f"{TYPO3_PAGE}3&cHash=8f3ee598bdc1edaaed7f981c033ce93b",
        ),
        distinct_under={"/novini/detail": 8},
        rows=8,
    ),
    # every article asked once, without the list page it was linked from; the page-size
    # drop-down's other lists never read
    FirstCrawl(
        "ravnets",
        once=(f"{LIFERAY_PAGE}2", f"{LIFERAY_PAGE}3"),
        unasked=(LIFERAY_PAGE.replace("delta=3", "delta=5") + "1",),
        distinct_under={"/web/guest/novini/-/": 8},
        rows=8,
    ),
    FirstCrawl(
        "shafran",
        once=("/novini?b_start:int=3", "/novini?b_start:int=6"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    # the posts' sitemap read; the categories' lists never
    FirstCrawl(
        "kopar",
        once=("/blog-posts-sitemap.xml",),
        unasked=("/blog/categories/obshtina", "/blog/categories/kultura"),
        distinct_under={"/post/": 8},
        rows=8,
    ),
    # the author's and the category's lists never read
    FirstCrawl(
        "magdanoz",
        once=(f"{NEWS}/PgrID/543/PageID/2", f"{NEWS}/PgrID/543/PageID/3"),
        unasked=(f"{NEWS}/ArtMID/543/UserID/2/{quote('Мария-Колева')}",),
        distinct_under={f"{NEWS}/ArtMID/543/ArticleID/": 8},
        rows=8,
    ),
    # the feed has ten; the two older posts are on /page3/ alone
    FirstCrawl("kimion", once=("/feed.xml", "/page3/"), distinct_under={"/2026/": 12}, rows=12),
    # the index's news child read once, the seven older articles from it
    FirstCrawl(
        "sminduh",
        once=("/sitemap.php", "/sitemap.php?part=news"),
        distinct_under={"/news.php?id=": 12},
        rows=12,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round25_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND25_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("kantarion", "start_urls", equals=["/novini"]),
    Proposes("ravnets", "start_urls", equals=["/web/guest/novini"]),
    Proposes("shafran", "start_urls", equals=["/novini"]),
    Proposes("kopar", "start_urls", equals=["/blog"]),
    Proposes("kopar", "sitemaps", equals=["/sitemap.xml"]),
    Proposes("magdanoz", "start_urls", equals=[NEWS]),
    Proposes("kimion", "feeds", equals=["/feed.xml"]),
    Proposes("kimion", "start_urls", equals=["/"]),
    Proposes("sminduh", "start_urls", equals=["/news.php"]),
    Proposes("sminduh", "sitemaps", equals=["/sitemap.php"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: f"{e.site}-{e.key}")
def test_add_site_proposes_a_round25_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND25_SITES[expected.site][1]))


def test_a_typo3_chash_is_no_page_number_template(run_cli: Callable[..., Result]) -> None:
    """kantarion's page 2 is ``?tx_news_pi1[@widget_0][currentPage]=2&cHash=<md5>``, a
    hash TYPO3 made of page 2's fields alone: no ``pagination`` template is proposed of it
    (one carrying page 2's hash to every other page was)."""
    found = proposed(run_cli, "kantarion", ROUND25_SITES["kantarion"][1]).discovery
    assert "pagination" not in found, found
