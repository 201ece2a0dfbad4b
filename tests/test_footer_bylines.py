"""A byline in a box its class calls a footer, inside the article's own box (TYPO3's news
"Detail" template), is the article's; a site footer's credit is still nobody's byline.

Pages written for this test in the shape of TYPO3's news extension: the headline in
``<div class="header">``, the date and author in ``<div class="footer">`` with the list
template's field classes ("news-list-date", "news-list-author"), no ``<article>`` element.
"""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract

PROSE = "Общинският съвет прие бюджета за следващата година след дълго обсъждане. " * 4
LINKS = '<ul><li><a href="/">Начало</a></li><li><a href="/news">Новини</a></li></ul>'
MENU = f'<div id="nav">{LINKS}</div>'


def page(byline: str = "", site_footer: str = "", microdata: bool = False, menu: str = MENU) -> str:
    item = ' itemscope itemtype="http://schema.org/Article"' if microdata else ""
    return (
        '<!DOCTYPE html><html lang="bg"><head><title>Бюджетът е приет - Община Пример</title>'
        f'</head><body><div id="page">{menu}<div id="main"><div class="news news-single">'
        f'<div class="article"{item}><div class="header"><h1>Бюджетът е приет</h1></div>'
        '<div class="footer"><p><span class="news-list-date">'
        f'<time datetime="2025-03-18">18.03.2025</time></span> {byline}</p></div>'
        f'<div class="news-text-wrap"><p>{PROSE}</p><p>Следват инвестициите.</p></div>'
        f'</div></div></div><div id="footer"><p>{site_footer}</p></div></div></body></html>'
    )


@pytest.mark.parametrize("microdata", [False, True])
@pytest.mark.parametrize(
    "byline",
    [
        '<span class="news-list-author">Мария Петрова</span>',
        '<span class="news-list-author">Автор: Мария Петрова</span>',
        '<div class="news-list-author">Мария Петрова</div>',
    ],
)
def test_byline_in_the_articles_own_footer_box(byline: str, microdata: bool) -> None:
    article = extract(page(byline, microdata=microdata), "http://primer.example/news/budget")
    assert article.author == "Мария Петрова"


@pytest.mark.parametrize(
    "credit",
    [
        "Уебсайт: Студио Уеб. Автор: Иван Иванов",
        '<span class="author">Уебсайт: Студио Уеб. Автор: Иван Иванов</span>',
        'Уебсайт: Студио Уеб. Автор: <span class="author">Иван Иванов</span>',
    ],
)
@pytest.mark.parametrize("menu", [MENU, LINKS])  # (a wrapper whose menu no name tells)
def test_a_site_footers_credit_is_not_the_byline(credit: str, menu: str) -> None:
    plain = page(site_footer=credit, menu=menu)
    assert extract(plain, "http://primer.example/news/budget").author is None
    byline = '<span class="news-list-author">Мария Петрова</span>'
    signed = page(byline, site_footer=credit, menu=menu)
    assert extract(signed, "http://primer.example/news/budget").author == "Мария Петрова"


def test_a_news_list_on_the_page_is_still_furniture() -> None:
    """The field's class is no longer a list's by itself; the list's own box still is."""
    others = (
        '<div class="news-list-view"><div class="news-list-item"><h3>Друга новина</h3>'
        '<span class="news-list-author">Петър Колев</span></div></div>'
    )
    html = page(site_footer="").replace('<div id="footer">', others + '<div id="footer">')
    assert extract(html, "http://primer.example/news/budget").author is None


@pytest.mark.parametrize(
    "extra",
    [
        '<p class="photo-unavailable">Снимката не е налична.</p>',
        '<p class="text-navy">Следват инвестициите.</p>',
        '<p id="canavan-note">Следват инвестициите.</p>',
        '<p class="menuitemprice">Следват инвестициите.</p>',
    ],
)
def test_words_that_merely_hold_nav_or_menu_are_no_frame(extra: str) -> None:
    """The frame's class words are words ("main-nav", "menu_top"), not any string that
    holds their letters: "unavailable" and "navy" name no menu of the page."""
    byline = '<span class="news-list-author">Мария Петрова</span>'
    html = page(byline).replace(
        '<div class="news-text-wrap">', f'{extra}<div class="news-text-wrap">'
    )
    assert extract(html, "http://primer.example/news/budget").author == "Мария Петрова"


@pytest.mark.parametrize(
    "frame",
    [
        '<div class="main-nav">{links}</div>',
        '<div id="menu_top">{links}</div>',
        '<div class="navbar">{links}</div>',
        '<div class="mainMenu">{links}</div>',
    ],
)
def test_a_box_with_the_menu_is_the_pages_wrapper(frame: str) -> None:
    """A box that holds the headline and a menu named by a class word is the page's
    wrapper: its footer's credit stays furniture."""
    credit = 'Уебсайт: Студио Уеб. Автор: <span class="author">Иван Иванов</span>'
    html = page(site_footer=credit, menu=frame.format(links=LINKS))
    assert extract(html, "http://primer.example/news/budget").author is None
