"""A twenty-sixth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round25_mirrors`` does its seven.

The mirrors (``tests/fixtures/make_mirrors_round26.py``) print the lists and pagers of
CMSes no earlier round copied: e107 (every address a nameless query, articles
``news.php?extend.128``, the list's pages ``news.php?3``: piren); CakePHP's paginator
(``/novini/index/page:2``, sort links beside: dryan); a Weebly blog ("<<Предишна" the
older page ``/blog/previous/2``, "Следваща>>" the newer: kiselets); Webflow's collection
list (a query-only ``?a3f1c9e2_page=2``: lapad); Umbraco's ``/novini/?p=2``, the name
WordPress gives a post's id (salviya); CMS Made Simple's News module, its pages and
articles ``index.php?mact=News,cntnt01,…`` queries (elsha); a municipality's one
"Актуално" list of news, notices and procurement, each kind a path of its own
(pchelin). Each must archive exactly its
articles with the true title, date and body, and a rerun right after must cost at most
three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.next_pages import find_next_link
from newsarchive.discover.shape import learn_shape, looks_like_article_path, split_url
from newsarchive.extraction.clean import is_boilerplate_marker
from newsarchive.models import Profile

from .mirror_sites import FirstCrawl, Proposes, bare_crawl_twice, check_bare_crawl, proposed
from .support import Result

ROUND26_SITES = {
    # e107: news.php?extend.128, pages news.php?3
    "piren": ("Община Пирен", "http://www.piren.bg"),
    # CakePHP 2: /novini/index/page:2, /novini/view/<id>
    "dryan": ("Община Дрян", "https://dryan.bg"),
    # Weebly: /blog/previous/2 by "<<Предишна"
    "kiselets": ("НЧ „Киселец 1926“", "https://www.kiselets.bg"),
    # Webflow: ?a3f1c9e2_page=2
    "lapad": ("Община Лапад", "https://www.lapad.bg"),
    # Umbraco: /novini/?p=2
    "salviya": ("Община Салвия", "https://salviya.bg"),
    # CMS Made Simple: index.php?mact=News,cntnt01,detail,0&cntnt01articleid=64&…
    "elsha": ("Община Елша", "http://www.elsha.bg"),
    # one "Актуално" list: /novini/<slug>, /obyavi/<id>, /porachki/<id>
    "pchelin": ("Община Пчелин", "https://www.pchelin.bg"),
}
CMSMS_PAGE = "/index.php?mact=News,cntnt01,default,0&cntnt01number=3&cntnt01pagenumber="


@pytest.mark.parametrize("site", sorted(ROUND26_SITES))
def test_a_round26_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND26_SITES[site])


FIRST_CRAWLS = [
    # the offsets' pages once each; the print views, mail forms and comments never
    FirstCrawl(
        "piren",
        once=("/news.php?3", "/news.php?6"),
        unasked=("/print.php?news.128", "/email.php?news.128", "/comment.php?comment.news.128"),
        distinct_under={"/news.php?extend.": 8},
        rows=8,
    ),
    # the list's own order walked; a column header's other order never
    FirstCrawl(
        "dryan",
        once=("/novini/index/page:2", "/novini/index/page:3"),
        unasked=("/novini/index/sort:title/direction:asc",),
        distinct_under={"/novini/view/": 8},
        rows=8,
    ),
    FirstCrawl(
        "kiselets",
        once=("/blog/previous/2", "/blog/previous/3"),
        distinct_under={"/blog/": 10},
        rows=8,
    ),
    FirstCrawl(
        "lapad",
        once=("/novini?a3f1c9e2_page=2", "/novini?a3f1c9e2_page=3"),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
    FirstCrawl("salviya", once=("/novini/?p=2", "/novini/?p=3"), rows=8),
    FirstCrawl(
        "elsha",
        once=(
            f"{CMSMS_PAGE}2&cntnt01returnid=15",
            f"{CMSMS_PAGE}3&cntnt01returnid=15",
        ),
        rows=8,
    ),
    # every kind of item the one list shows; its filters by kind never read
    FirstCrawl(
        "pchelin",
        once=("/aktualno?stranitsa=2", "/aktualno?stranitsa=3"),
        unasked=("/aktualno?vid=obyavi",),
        distinct_under={"/obyavi/": 2, "/porachki/": 2, "/novini/": 5},
        rows=9,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round26_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND26_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("piren", "start_urls", equals=["/news.php"]),
    Proposes("dryan", "start_urls", equals=["/novini"]),
    Proposes("kiselets", "start_urls", equals=["/blog"]),
    Proposes("lapad", "start_urls", equals=["/novini"]),
    Proposes("salviya", "start_urls", equals=["/novini/"]),
    Proposes("pchelin", "start_urls", equals=["/aktualno"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: f"{e.site}-{e.key}")
def test_add_site_proposes_a_round26_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND26_SITES[expected.site][1]))


SITE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))


def _weebly(previous: str, following: str, icon: str = "") -> str:
    """A Weebly list page's pager; ``icon``: an older page linked after it by an icon."""
    nav = f'<a href="{previous}" class="blog-link">&lt;&lt;Предишна</a>' if previous else ""
    back = f'<a href="{following}" class="blog-link">Следваща&gt;&gt;</a>' if following else ""
    after = f'<a href="{icon}" title="Previous"></a>' if icon else ""
    return (
        '<html><body><div class="blog-post"><a href="/blog/edna">Една</a></div>'
        f'<div class="blog-page-nav"><div class="blog-page-nav-previous">{nav}</div>'
        f'<div class="blog-page-nav-next">{back}</div></div>{after}</body></html>'
    )


PAGE_2 = "https://www.x.bg/blog/previous/2"


@pytest.mark.parametrize(
    ("page", "url", "html", "older"),
    [
        (1, "https://www.x.bg/blog", _weebly("/blog/previous/2", ""), "/blog/previous/2"),
        # "Следваща>>" leads back to the newer page: the older is still "<<Предишна"'s,
        # before it or after it
        (2, PAGE_2, _weebly("/blog/previous/3", "/blog"), "/blog/previous/3"),
        (2, PAGE_2, _weebly("", "/blog", icon="/blog/previous/3"), "/blog/previous/3"),
        # the older page's arrow drawn as a picture, after the newer link: its alt says it
        (
            2,
            PAGE_2,
            _weebly("", "/blog").replace(
                "</body>",
                '<a href="/blog/previous/3"><img src="/strelka.gif" alt="« Предишна"></a></body>',
            ),
            "/blog/previous/3",
        ),
    ],
)
def test_a_blogs_previous_page_naming_page_n_plus_1_is_the_older_one(
    page: int, url: str, html: str, older: str
) -> None:
    """Weebly says "<<Предишна" ("<<Previous") of the older posts, "Следваща>>" of the
    newer, where a numbered pager's "« Предишна" is page N-1: the address naming page
    N+1 tells which it is."""
    assert find_next_link(html, url, SITE, page) == f"https://www.x.bg{older}"


def test_a_numbered_pagers_previous_page_is_never_taken_for_the_next() -> None:
    html = (
        '<html><body><div class="pager"><a href="/novini?page=2">« Предишна</a> '
        '<a href="/novini?page=1">1</a> <a href="/novini?page=2">2</a> <span>3</span>'
        "</div></body></html>"
    )
    assert find_next_link(html, "https://www.x.bg/novini?page=3", SITE, 3) is None


def test_a_nameless_querys_number_is_an_articles_and_its_offset_a_pages() -> None:
    """e107 names its articles ``news.php?extend.128`` and its list's pages by the offset
    alone, ``news.php?3``: the number after a word is an article's, and the two are of
    different shapes."""
    assert looks_like_article_path("http://www.x.bg/news.php?extend.128")
    assert looks_like_article_path("http://www.x.bg/news.php?item.128.2")
    assert not looks_like_article_path("http://www.x.bg/news.php?10")
    articles = [split_url(f"http://www.x.bg/news.php?extend.{n}") for n in (126, 127, 128)]
    shape = learn_shape([*articles, split_url("http://www.x.bg/news.php?3")])
    assert shape is not None
    assert [shape.item_key(a) for a in articles] == [
        ("\x001=126",),
        ("\x001=127",),
        ("\x001=128",),
    ]
    assert shape.item_key(split_url("http://www.x.bg/news.php?3")) is None


@pytest.mark.parametrize(
    "marker", ["wsite-elements wsite-not-footer", "content-area without-sidebar"]
)
def test_a_class_negating_a_furniture_word_is_no_furniture(marker: str) -> None:
    """Weebly's content column is "wsite-not-footer", as another theme's column beside no
    sidebar is "without-sidebar": the headline in it was hidden as a footer's, and the
    site's name above it taken for the title."""
    assert not is_boilerplate_marker(marker)
    assert is_boilerplate_marker(f"{marker} site-footer")


def test_an_offset_pagers_previous_page_naming_page_n_plus_1_is_still_the_previous() -> None:
    """Four a page: page 3 (``?start=8``) has "« Предишна" ``?start=4``, the number of
    page N+1 by chance, and "Следваща »" ``?start=12``: a next link naming a number other
    than page N-1's leads on."""
    html = (
        '<html><body><div class="pager"><a href="/novini?start=4">« Предишна</a> '
        '<a href="/novini?start=12">Следваща »</a></div></body></html>'
    )
    assert find_next_link(html, "https://www.x.bg/novini?start=8", SITE, 3) == (
        "https://www.x.bg/novini?start=12"
    )


def test_a_pager_of_many_numbers_naming_both_pages_is_read_as_it_says() -> None:
    """Liferay's pages are ``…p_p_col_count=1…_delta=3…_cur=N``: on page 2 its
    "Следваща →" names 1 and 3, and so does its "← Предишна"; the next link is the next."""
    query = "?p_p_col_count=1&_delta=3&_cur="
    html = (
        f'<html><body><ul class="pager"><li><a href="/novini{query}1">&larr; Предишна</a></li>'
        f'<li><a href="/novini{query}3">Следваща &rarr;</a></li></ul></body></html>'
    )
    assert find_next_link(html, f"https://www.x.bg/novini{query}2", SITE, 2) == (
        f"https://www.x.bg/novini{query}3"
    )
