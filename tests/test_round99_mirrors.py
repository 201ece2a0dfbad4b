"""A ninety-ninth round of site shapes, four Bulgarian regional news portals on the
commercial WordPress news themes they buy, their markup as those themes print it, crawled
from the origin alone (a profile of id, name and origin) through a real ``MirrorServer``,
as ``test_round95_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round99.py``): JNews, a home module of the
newest five over an ``admin-ajax`` "Зареди още" and a category paged by
``jeg_pagination`` (strumaplus); Jannah, a breaking-news ticker, posts dated "преди 2
часа" and "Прочетете също:" inside the text (yantrainfo); Soledad, ``data-url`` grid cards
and the next post appended whole under every post in ``penci-single-infinite``
(rodopiekspres); Bricks, a query loop paged ``?query-kdxqzu-page=2`` (dunavlive). Each
must archive exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.furniture import Furniture, headline_boxes
from newsarchive.discover.listings import article_links
from newsarchive.discover.shape import Shape
from newsarchive.explorer import explore
from newsarchive.extraction import extract
from newsarchive.extraction.appended_posts import appended_posts
from newsarchive.fetch.client import FetchOptions
from newsarchive.models import Profile

from .mirror_sites import check_bare_crawl
from .pageserver import pages_fetcher
from .support import Result

ROUND99_SITES = {
    "strumaplus": ("Струма Плюс", "https://strumaplus.bg"),
    "yantrainfo": ("Янтра Инфо", "https://yantra-info.bg"),
    "rodopiekspres": ("Родопи Експрес", "https://rodopi-ekspres.bg"),
    "dunavlive": ("Дунав Лайв", "https://dunav-live.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND99_SITES))
def test_a_round99_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND99_SITES[site])


FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
SOLEDAD = "https://rodopi-ekspres.bg"
SOLEDAD_PROFILE = Profile(id="re", name="Родопи", origin=SOLEDAD, hosts=("rodopi-ekspres.bg",))
OWN = [
    "Ремонтът на моста над реката започна в понеделник сутринта.",
    "Движението ще минава по обходния път до края на месеца.",
]
NEXT = [
    "Читалището в горния квартал отвори нова зала за репетиции на хора.",
    "В нея ще репетират и децата от школата по народни танци всяка събота.",
    "Залата беше ремонтирана с пари от дарения на жителите на квартала.",
]


def _post(tag: str, title: str, paragraphs: list[str]) -> str:
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<article class="post type-post hentry"><div class="header-standard">'
        f'<{tag} class="post-title single-post-title entry-title">{title}</{tag}>'
        '<div class="post-box-meta-single"><span>от Галина Рашева</span>'
        '<span><time class="entry-date published">27 ноември 2026</time></span></div></div>'
        f'<div class="post-entry"><div class="inner-post-entry entry-content">{text}</div></div>'
        "</article>"
    )


def test_the_next_post_appended_under_a_post_is_not_its_text() -> None:
    """rodopiekspres: Soledad's infinite scroll appends the next post whole under the
    page's own, its ``<h2>`` headline, date and text in an ``<article>`` of its own; the
    longer of the two was chosen as the text (before: the next post's three paragraphs)."""
    page = (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Ремонт на моста '
        '- Родопи Експрес</title><meta property="og:title" content="Ремонт на моста"></head>'
        '<body><header id="header"><a href="/">Родопи Експрес</a></header>'
        '<div class="container penci_sidebar right-sidebar"><div id="main">'
        f'<div class="post-wrapper">{_post("h1", "Ремонт на моста", OWN)}</div>'
        f'<div class="penci-single-infinite-wrap"><div class="penci-single-infinite" '
        f'data-url="{SOLEDAD}/nova-zala/">{_post("h2", "Нова зала в читалището", NEXT)}</div>'
        "</div></div></div></body></html>"
    )
    article = extract(page, f"{SOLEDAD}/remont-na-mosta/", today=FETCHED)
    assert article.text == "\n".join(OWN)


@pytest.mark.parametrize(
    ("appended", "told"),
    [
        (_post("h2", "Нова зала в читалището", NEXT), 1),  # a whole post of its own
        (_post("h3", "Нова зала в читалището", NEXT), 0),  # no headline of a post's rank
        (_post("h2", "Нова зала в читалището", NEXT[:1]), 0),  # a card's one excerpt
    ],
)
def test_a_post_after_the_headlines_is_told_only_whole(appended: str, told: int) -> None:
    tree = LexborHTMLParser(f"<body>{_post('h1', 'Ремонт на моста', OWN)}{appended}</body>")
    assert tree.body is not None
    assert len(appended_posts(tree.body)) == told


def test_wordpress_post_ids_in_the_class_do_not_make_posts_of_other_kinds() -> None:
    """WordPress's ``post_class()`` opens every post's class list with its id
    ("post-9950 post type-post …"): the page's post and the one appended under it are
    still of one kind."""
    own = _post("h1", "Ремонт на моста", OWN).replace('class="post ', 'class="post-9950 post ', 1)
    nxt = _post("h2", "Нова зала в читалището", NEXT)
    nxt = nxt.replace('class="post ', 'class="post-9949 post ', 1)
    tree = LexborHTMLParser(f"<body>{own}{nxt}</body>")
    assert tree.body is not None
    assert len(appended_posts(tree.body)) == 1


def test_no_post_is_told_where_the_headlines_article_holds_no_text() -> None:
    """A theme setting the headline in an ``<article>`` of its own over the text's."""
    head = '<article class="post-header"><h1>Ремонт на моста</h1></article>'
    tree = LexborHTMLParser(f"<body>{head}{_post('h2', 'Ремонт на моста', NEXT)}</body>")
    assert tree.body is not None
    assert appended_posts(tree.body) == set()


LAST_PAGE = Path(__file__).parent / "fixtures/sites/rodopiekspres/category/novini/page/3/index.html"


def test_a_last_pages_lone_short_dated_card_in_a_sticky_sidebar_layout_is_an_item() -> None:
    """rodopiekspres's last page holds one card, "Пожарникарите проверяват хидрантите"
    (three words), dated, of WordPress's ``/<slug>/`` shape the walk's first page taught,
    in Soledad's ``container penci_sidebar right-sidebar`` and
    ``div#main.penci-main-sticky-sidebar``: before, it was no item (a short headline
    needed a shape fixing something, and the column was a sidebar by its classes)."""
    learned: list[Shape] = []
    first = LAST_PAGE.parent.parent.parent / "index.html"
    article_links(
        first.read_text(), f"{SOLEDAD}/category/novini/", SOLEDAD_PROFILE, learned, FETCHED
    )
    got = article_links(
        LAST_PAGE.read_text(),
        f"{SOLEDAD}/category/novini/page/3/",
        SOLEDAD_PROFILE,
        learned,
        FETCHED,
    )
    # (its day written out, "5 ноември 2026", in a <time> stamping that day's 09:45: the
    # moment, as a stamp beside words counted back gives it, listings._moment_of)
    assert [(c.url, c.listed_date) for c in got] == [
        (
            f"{SOLEDAD}/proverka-na-hidrantite/",
            dt.datetime(2026, 11, 5, 9, 45, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        )
    ]


def test_a_sidebar_named_column_holding_the_headline_is_no_sidebar() -> None:
    tree = LexborHTMLParser(
        '<body><div class="penci_sidebar right-sidebar"><div id="main" class="theiaStickySidebar">'
        '<h1>Новини</h1><p id="card">x</p></div><div id="side" class="sidebar-right">'
        '<h1><a href="/">Лого</a></h1><p id="other">y</p></div></div></body>'
    )
    furniture = Furniture(headline_boxes(tree))
    card, other = tree.css_first("#card"), tree.css_first("#other")
    assert card is not None and other is not None
    assert not furniture.holds(card)
    assert furniture.holds(other)  # (a logo's <h1>, holding a link, is no headline)


MENU = (
    '<ul class="menu"><li><a href="/">Начало</a></li><li><a href="/category/novini/">Новини</a>'
    '</li><li><a href="/kontakti/">Контакти</a></li></ul>'
)


def _grid(first: int, count: int, more: str = "") -> str:
    cards = "".join(
        f'<li class="grid-style"><article class="item hentry"><h2 class="entry-title">'
        f'<a href="/novina-nomer-{n}/">Новина номер {n} от живота на града</a></h2>'
        f'<time class="entry-date published">{28 - n} ноември 2026</time></article></li>'
        for n in range(first, first + count)
    )
    return f'<ul class="penci-grid">{cards}</ul>{more}'


def test_more_news_to_the_menus_news_is_a_section_not_the_homes_page_two() -> None:
    """rodopiekspres: the home's "Още новини" leads to the menu's "Новини", a category
    whose first page repeats the home's newest four: before, it was the home's page 2,
    nothing new on it, and the walk ended there (4 of 9 archived); now the category is
    the listing, walked by its own pages."""
    button = (
        '<div class="penci-pagination penci-ajax-more"><a class="penci-ajax-more-button" '
        'data-offset="4"><span class="ajax-more-text">Зареди още</span></a></div>'
    )
    wp = '<link rel="stylesheet" href="/wp-content/themes/soledad/style.css">'
    pages = {
        "/": f'<html><head>{wp}</head><body class="home page">{MENU}{_grid(1, 4)}'
        '<a href="/category/novini/">Още новини</a></body></html>',
        "/category/novini/": f'<html><head>{wp}</head><body class="archive category">{MENU}'
        f"<h1>Новини</h1>{_grid(1, 4, button)}</body></html>",
        "/category/novini/page/2/": f'<html><head>{wp}</head><body class="archive category">'
        f"{MENU}<h1>Новини</h1>{_grid(5, 4)}</body></html>",
    }
    with pages_fetcher(pages, SOLEDAD_PROFILE.hosts, FetchOptions(delay=0)) as fetcher:
        found = explore(fetcher, SOLEDAD_PROFILE)
    assert found.listings == (f"{SOLEDAD}/category/novini/",)
    assert found.pagination[f"{SOLEDAD}/category/novini/"] == f"{SOLEDAD}/category/novini/page/2/"


def test_a_pages_own_parts_in_articles_of_other_names_are_not_told() -> None:
    """A recipe's intro under the ``<h1>`` in ``article.node``, its steps in
    ``article.recipe__instructions`` under an ``<h2>``: one page's text, not two posts."""
    intro = '<article class="node recipe"><h1>Хляб с квас</h1><p>' + OWN[0] + "</p></article>"
    steps = '<article class="recipe__instructions"><h2>Приготвяне</h2>' + "".join(
        f"<p>{p}</p>" for p in NEXT
    )
    tree = LexborHTMLParser(f"<body>{intro}{steps}</article></body>")
    assert tree.body is not None
    assert appended_posts(tree.body) == set()
