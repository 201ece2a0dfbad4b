"""Where an article page files itself (``discover.filed_under``): read from the page's own
breadcrumb, ``article:section``, JSON-LD ``articleSection`` and category links, never its
menu's or sidebar's, and no news only where every section it states names none."""

from __future__ import annotations

from newsarchive.discover.filed_under import filed_as_no_news, stated_sections
from newsarchive.markup import parse_html

URL = "https://portal.bg/news/20401-nekrolog-mariya-genova"
MENU = (
    '<nav class="navbar"><ul><li><a href="/">Начало</a></li><li><a href="/news">Новини</a>'
    '</li><li><a href="/category/nekrolozi">Некролози</a></li><li><a href="/category/vremeto">'
    "Времето</a></li></ul></nav>"
)
SIDEBAR = (
    '<aside class="sidebar"><div class="widget"><h4>Последни некролози</h4><ul>'
    '<li><a href="/news/20394-pomen">Помен: година без Станка Маркова</a>'
    '<a href="/category/nekrolozi" rel="category tag">Некролози</a></li></ul></div></aside>'
)


def page(head: str = "", crumbs: str = "", meta: str = "", body_class: str = "") -> str:
    """An article page of a portal: its menu, its own parts, a sidebar of obituaries."""
    trail = (
        '<nav aria-label="breadcrumb"><ol class="breadcrumb"><li class="breadcrumb-item">'
        '<a href="/">Начало</a></li>'
        + "".join(f'<li class="breadcrumb-item"><a href="{h}">{t}</a></li>' for h, t in crumbs)
        + '<li class="breadcrumb-item active">Заглавието на страницата</li></ol></nav>'
        if crumbs
        else ""
    )
    return (
        f"<html><head>{head}</head><body class='{body_class}'>{MENU}<main>{trail}<article>"
        f"<h1>Заглавието на страницата</h1><div class='post-meta'>{meta}</div>"
        "<p>Текстът на страницата, едно изречение.</p></article></main>"
        f"{SIDEBAR}</body></html>"
    )


def filed(html: str) -> str:
    return filed_as_no_news(parse_html(html), URL)


def test_an_obituary_files_itself_by_its_breadcrumb() -> None:
    html = page(crumbs=[("/category/nekrolozi", "Некролози")])
    assert filed(html) == "Некролози"
    yoast = page().replace(
        "<article>",
        '<p id="breadcrumbs"><span><span><a href="https://portal.bg/">Начало</a></span> » '
        '<span><a href="https://portal.bg/tazhni-vesti/">Тъжни вести</a></span> » '
        '<span class="breadcrumb_last">Тъжна вест: Николай Дончев</span></span></p><article>',
    )
    assert filed(yoast) == "Тъжни вести"


def test_an_obituary_files_itself_by_its_meta_jsonld_or_category_link() -> None:
    meta = '<meta property="article:section" content="Некролози">'
    assert filed(page(head=meta)) == "Некролози"
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"WebSite","name":"Портал"},{"@type":"NewsArticle","headline":"Продавам",'
        '"articleSection":["Малки обяви"]},{"@type":"NewsArticle","articleSection":"Новини"}'
        "]}</script>"
    )
    assert filed(page(head=ld)) == "Малки обяви"
    tagged = page(meta='<a href="/category/nekrolozi/" rel="category tag">Некролози</a>')
    assert filed(tagged) == "Некролози"


def crumbs_ld(*items: str) -> str:
    """A JSON-LD graph as Yoast writes it on a post: its breadcrumb's items, in order."""
    listed = ",".join(
        f'{{"@type":"ListItem","position":{n},{item}}}' for n, item in enumerate(items, 1)
    )
    return (
        '<script type="application/ld+json">{"@context":"https://schema.org","@graph":['
        '{"@type":"WebPage","@id":"' + URL + '","breadcrumb":{"@id":"#crumbs"}},'
        '{"@type":"BreadcrumbList","@id":"#crumbs","itemListElement":[' + listed + "]}]}</script>"
    )


def test_an_obituary_files_itself_by_its_jsonld_breadcrumb() -> None:
    """The trail a page states in its JSON-LD alone (its markup prints none): its deepest
    item addressed neither home nor at the page itself, however the item is written."""
    home = '"name":"Начало","item":"https://portal.bg/"'
    own = '"name":"Некролог: Мария Генова"'
    section = '"name":"Тъжни вести","item":"https://portal.bg/category/tazhni-vesti/"'
    assert filed(page(head=crumbs_ld(home, section, own))) == "Тъжни вести"
    # (an item as a node of its own, and the page's own item at its canonical address:
    # the page was asked at another, here without the trailing slash)
    node = '"item":{"@id":"/category/nekrolozi/","name":"Некролози"}'
    at_page = f'"name":"Некролог","item":"{URL.replace("portal", "www.portal")}/"'
    assert filed(page(head=crumbs_ld(home, node, at_page))) == "Некролози"
    # (listed out of order: the position tells the deepest)
    news = '"name":"Новини","item":"https://portal.bg/category/novini/"'
    shuffled = crumbs_ld(home, section, news).replace('"position":2', '"position":7', 1)
    assert stated_sections(parse_html(page(head=shuffled)), URL) == ["Тъжни вести"]
    # a news page's trail, or one of home and the page alone, files it under no news
    assert filed(page(head=crumbs_ld(home, news, own))) == ""
    sport = crumbs_ld(home, news.replace("Новини", "Спорт &#038; Култура"))
    assert stated_sections(parse_html(page(head=sport)), URL) == ["Спорт & Култура"]
    # (only whole references: a bare "&para" in a name is its text, not a pilcrow)
    bare = crumbs_ld(home, news.replace("Новини", "Спорт &paragraph"))
    assert stated_sections(parse_html(page(head=bare)), URL) == ["Спорт &paragraph"]
    assert stated_sections(parse_html(page(head=crumbs_ld(home, own))), URL) == []


def test_a_news_article_linking_the_obituaries_is_news() -> None:
    """A menu entry and a sidebar's widget of obituaries (its own ``rel="category tag"``
    links) are no section of the page; nor is a page stating none filed anywhere."""
    assert stated_sections(parse_html(page()), URL) == []
    assert filed(page()) == ""
    news = page(crumbs=[("/news", "Новини"), ("/category/obshtestvo", "Общество")])
    assert stated_sections(parse_html(news), URL) == ["Общество"]
    assert filed(news) == ""
    # (a body "named" a breadcrumb is no trail: its last link is the sidebar's)
    assert filed(page(body_class="has-breadcrumbs")) == ""


def test_letters_paid_articles_and_a_news_section_too_are_news() -> None:
    for section in ("Писма от читатели", "Платена публикация", "Регион", "Общество"):
        assert filed(page(crumbs=[("/category/x", section)])) == "", section
    both = page(
        meta='<a href="/category/novini/" rel="category tag">Новини</a>, '
        '<a href="/category/nekrolozi/" rel="category tag">Некролози</a>'
    )
    assert filed(both) == ""


def test_the_weather_section_is_no_news_a_weather_story_in_the_news_is() -> None:
    """README (round 113): "Времето", the day's forecast, is no news, and a page filed
    there (a storm warning among the forecasts) goes with it; a story of the weather
    filed under the news is news."""
    assert filed(page(crumbs=[("/category/vremeto", "Времето")])) == "Времето"
    story = page(crumbs=[("/category/region", "Регион")])
    headline = "Времето се разваля: жълт код за силен вятър"
    assert filed(story.replace("Заглавието на страницата", headline)) == ""
