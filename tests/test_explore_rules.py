"""Exploration's decisions on HTML alone: feeds, feed pages, section pages, URL shapes."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import fields, replace

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.add_site import site_id_for
from newsarchive.discover import listings, next_pages
from newsarchive.discover.explore import (
    Discovery,
    declared_feeds,
    feed_pages,
    language_home,
    newest_order_link,
    newest_period,
    news_hosts,
    news_menu_children,
    pagination_template,
    section_links,
    shape_pattern,
    site_name,
    template_contents,
    wall_before,
)
from newsarchive.discover.shape import Shape
from newsarchive.explorer import REEXPLORE_DAYS, explore, missed_again, stale
from newsarchive.fetch.client import Fetcher, FetchOptions
from newsarchive.models import Profile

from .pageserver import pages_fetcher

SITE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))
HOME = "https://www.x.bg/"


def tree(body: str, head: str = "") -> LexborHTMLParser:
    return LexborHTMLParser(f"<html><head>{head}</head><body>{body}</body></html>")


def test_declared_feeds_are_the_sites_own() -> None:
    head = (
        '<link rel="alternate" type="application/rss+xml" href="/novini/rss">'
        '<link rel="alternate" type="application/atom+xml" href="https://x.bg/atom.xml">'
        '<link rel="alternate" type="application/rss+xml" href="https://feeds.other.com/x">'
        '<link rel="alternate" hreflang="en" href="/en">'
    )
    assert declared_feeds(tree("", head), HOME, SITE) == [
        "https://www.x.bg/novini/rss",
        "https://x.bg/atom.xml",
    ]


def test_a_json_feed_is_a_feed_and_the_same_posts_in_rss_are_not_read_twice() -> None:
    """JSON Feed's ``application/feed+json`` (a static site generator's only feed); one
    announced beside an RSS feed of the same title but its format's name is that feed."""
    head = '<link rel="alternate" type="application/feed+json" title="Новини" href="/feed.json">'
    assert declared_feeds(tree("", head), HOME, SITE) == ["https://www.x.bg/feed.json"]
    twins = (
        '<link rel="alternate" type="application/rss+xml" title="Новини – RSS" href="/rss.xml">'
        '<link rel="alternate" type="application/feed+json" title="Новини – JSON Feed"'
        ' href="/feed.json">'
    )
    assert declared_feeds(tree("", twins), HOME, SITE) == ["https://www.x.bg/rss.xml"]
    # JSON Feed 1.0 said application/json: a feed by its title or address, and not
    # WordPress's REST route of the page itself, titled "JSON"
    older = (
        '<link rel="alternate" type="application/json" title="JSON" href="/wp-json/wp/v2/pages/5">'
        '<link rel="alternate" type="application/json" title="JSON Feed" href="/novini/feed.json">'
    )
    assert declared_feeds(tree("", older), HOME, SITE) == ["https://www.x.bg/novini/feed.json"]


def test_a_comments_feed_is_no_news_source() -> None:
    """WordPress announces its comments feed on every page beside the posts' one."""
    head = (
        '<link rel="alternate" type="application/rss+xml" title="Община X &raquo; Поток"'
        ' href="https://www.x.bg/feed/">'
        '<link rel="alternate" type="application/rss+xml"'
        ' title="Община X &raquo; Поток за коментари" href="https://www.x.bg/comments/feed/">'
        '<link rel="alternate" type="application/rss+xml" title="Comments Feed"'
        ' href="https://www.x.bg/2026/11/27/post/feed/">'
    )
    assert declared_feeds(tree("", head), HOME, SITE) == ["https://www.x.bg/feed/"]


def test_a_malformed_feed_link_is_skipped_not_fatal() -> None:
    """urlsplit raises on "http://[x": one such <link> used to end the exploration."""
    head = (
        '<link rel="alternate" type="application/rss+xml" href="http://[x/feed">'
        '<link rel="alternate" type="application/rss+xml" href="/feed/">'
    )
    assert declared_feeds(tree("", head), HOME, SITE) == ["https://www.x.bg/feed/"]


def test_a_site_named_for_its_commentary_keeps_its_posts_feed() -> None:
    """ "коментари" in the site's own name (every feed title carries it) is no comments feed."""
    head = (
        '<link rel="alternate" type="application/rss+xml"'
        ' title="Новини и коментари от Русе &raquo; Поток" href="https://www.x.bg/feed/">'
        '<link rel="alternate" type="application/rss+xml"'
        ' title="Новини и коментари от Русе &raquo; Поток за коментари"'
        ' href="https://www.x.bg/comments/feed/">'
    )
    assert declared_feeds(tree("", head), HOME, SITE) == ["https://www.x.bg/feed/"]


def test_feed_pages_are_links_that_say_rss_or_feed_as_a_word() -> None:
    body = (
        '<a href="/novini/rss.html">RSS</a><a href="/feedback">Обратна връзка</a>'
        '<a href="/emisii">RSS емисии</a><a href="/feed/">Абонамент</a>'
        '<a href="https://other.bg/rss">RSS</a>'
    )
    assert feed_pages(tree(body), HOME, SITE) == [
        "https://www.x.bg/novini/rss.html",
        "https://www.x.bg/emisii",
        "https://www.x.bg/feed/",
    ]


def test_a_newsfeed_or_rss2_address_is_a_feed_page_too() -> None:
    body = (
        '<a href="/newsfeed.xml">Абонамент</a><a href="/rss2.xml">Емисия</a>'
        '<a href="/rssfeed">Новини</a><a href="/feedback">Пишете ни</a>'
        '<a href="/termsfeed">TermsFeed</a>'
    )
    assert feed_pages(tree(body), HOME, SITE) == [
        "https://www.x.bg/newsfeed.xml",
        "https://www.x.bg/rss2.xml",
        "https://www.x.bg/rssfeed",
    ]


def test_a_link_showing_only_the_rss_icon_is_a_feed_page() -> None:
    """detelina (and a real ASP.NET municipal CMS among bg-pages): its one feed is linked
    only by an ``<img alt="RSS">``. An icon's "feed" alone is a brand's logo ("Data Feed
    Watch"), and a link with text goes by its text."""
    body = (
        '<a href="/sitefeed.aspx?feedid=12"><img src="/i/rss.gif" alt="RSS Feed"></a>'
        '<a href="/emisiya"><i class="fa fa-rss"></i></a>'
        '<a href="/abonament" aria-label="RSS"><svg></svg></a>'
        '<a href="/partner"><img src="/i/dfw.png" alt="Data Feed Watch"></a>'
        '<a href="/galeriya/5"><img src="/i/5.jpg" alt="" class="feed-thumb"></a>'
        '<a href="/za-nas" class="rss-like">За нас</a>'
    )
    assert feed_pages(tree(body), HOME, SITE) == [
        "https://www.x.bg/sitefeed.aspx?feedid=12",
        "https://www.x.bg/emisiya",
        "https://www.x.bg/abonament",
    ]


def test_section_links_rank_news_words_in_the_text_first() -> None:
    body = (
        '<nav><a href="/">Начало</a><a href="/bg/news/economy">Икономика</a>'
        '<a href="/za-nas">За нас</a><a href="/obyavleniya">Обяви</a>'
        '<a href="/bg/news/all">Всички новини</a>'
        '<a href="/bg/news/obshtinata-remontira-shest-ulitsi-v-tsentara">Общината ремонтира шест'
        " улици</a></nav>"
    )
    assert section_links(tree(body), HOME, SITE) == [
        "https://www.x.bg/bg/news/all",  # a news word in its text and in its address
        "https://www.x.bg/obyavleniya",  # a news word in its text
        "https://www.x.bg/bg/news/economy",  # a news word in its address only
    ]  # never the home page, an article or a page with neither


def test_a_menus_news_entry_is_a_section_whatever_its_address_looks_like() -> None:
    """TYPO3 names every page ``index.php?id=<page>``, a numeric id as a home-made CMS's
    article has: the menu's "Новини" there is the section all the same (round 55's
    zhitnitsa: never opened, its three newest on the home page archived of nine), as no
    headline is the news word alone; a headline of that address stays an article."""
    body = (
        '<ul id="menu"><li><a href="/">Начало</a></li>'
        '<li><a href="/index.php?id=12">Новини</a></li>'
        '<li><a href="/index.php?id=5">Общината</a></li></ul>'
        '<p><a href="/index.php?id=905">Новини от сесията на общинския съвет</a></p>'
    )
    assert section_links(tree(body), HOME, SITE) == ["https://www.x.bg/index.php?id=12"]


def test_a_media_centre_and_a_hyphened_press_centre_are_news_sections() -> None:
    """ "Медиен център" and "Прес-център" are what many municipalities call their news:
    round 60's zlatolist (``/mediyna-zona/``) and kremikovo (``index.php?page=14``), whose
    home pages show no news, were "found no listing" (0 of 9, 0 of 8) while their menus'
    entries were no section; a service's name is still none."""
    body = (
        '<ul id="menu"><li><a href="/">Начало</a></li>'
        '<li><a href="/mediyna-zona/">Медиен център</a></li>'
        '<li><a href="/index.php?page=14">Прес-център</a></li>'
        '<li><a href="/index.php?page=15">Медия център</a></li>'
        '<li><a href="/index.php?page=16">Медиацентър</a></li>'
        '<li><a href="/uslugi/">Център за административно обслужване</a></li></ul>'
    )
    assert section_links(tree(body), HOME, SITE) == [
        "https://www.x.bg/mediyna-zona/",
        "https://www.x.bg/index.php?page=14",
        "https://www.x.bg/index.php?page=15",
        "https://www.x.bg/index.php?page=16",
    ]


def test_a_menu_of_icons_is_read_by_its_links_aria_labels() -> None:
    """A menu of icons, each entry an empty ``<i class="icon-…">`` in a link named only
    by ``aria-label`` (or ``title``): round 63's ikonyane, "Медиен център" at
    ``/media-center/``, its home page showing no news, was "found no listing" (0 of 9)
    while the entry read as no words; a link with words of its own is read by them."""
    body = (
        '<ul id="menu"><li><a href="/" aria-label="Начало"><i class="icon-home"></i></a></li>'
        '<li><a href="/obshtina/" aria-label="Общината"><i class="icon-building"></i></a></li>'
        '<li><a href="/media-center/" aria-label="Медиен център"><i class="icon-news"></i></a></li>'
        '<li><a href="/obyavi/" title="Обяви"><i class="icon-pin"></i></a></li>'
        '<li><a href="/kontakti/" aria-label="Новини">Контакти</a></li></ul>'
    )
    assert section_links(tree(body), HOME, SITE) == [
        "https://www.x.bg/media-center/",
        "https://www.x.bg/obyavi/",
    ]


def test_a_mega_menu_kept_in_a_template_is_read_for_sections() -> None:
    """An Alpine.js theme's mega-menu is a ``<template x-if>``'s content (lexbor keeps it
    out of the tree, ``css`` never sees it), drawn on a click of "☰ Меню": its "Новини"
    is a section (it was not: the site's news were out of reach), ranked as the page's
    own links are;
    a template nested in it is read too."""
    body = (
        '<nav><a href="/">Начало</a><a href="/obyavi">Обяви</a></nav>'
        '<div x-data="{ open: false }"><button @click="open = !open">☰ Меню</button>'
        '<template x-if="open"><div class="mega"><ul><li><a href="/kmet">Кмет</a></li>'
        '<li><a href="/novini">Новини</a></li></ul>'
        '<template x-if="more"><a href="/saobshteniya">Съобщения</a></template>'
        "</div></template></div>"
    )
    assert section_links(tree(body), HOME, SITE) == [
        "https://www.x.bg/novini",  # (news words in their text and their address)
        "https://www.x.bg/saobshteniya",
        "https://www.x.bg/obyavi",  # (the page's own, a news word in its text only)
    ]
    assert [len(t.css("a")) for t in template_contents(tree(body))] == [2, 1]  # (each its own)


def test_a_lists_newest_first_tab_is_the_same_list_in_another_order() -> None:
    """ "Най-нови" beside the default "Най-четени" leads to the list's own path in another
    order; a "Последни новини" box of another page, the pager's "Последна" and the tab of
    the page itself are not it."""
    page = "https://www.x.bg/novini?page=2"
    body = (
        '<a href="/">Последни</a><ul class="tabs"><li><a href="/novini">Най-четени</a></li>'
        '<li><a href="/novini?page=2">Най-нови</a></li>'
        '<li><a href="/novini?red=nai-novi">Най-нови</a></li></ul>'
        '<p><a href="/novini?page=3">Последна »</a></p>'
    )
    assert newest_order_link(tree(body), page, SITE) == "https://www.x.bg/novini?red=nai-novi"
    assert newest_order_link(tree(body.replace("red=nai-novi", "page=2")), page, SITE) is None
    assert newest_order_link(tree('<a href="/arhiv?red=1">Най-нови</a>'), page, SITE) is None


def test_a_calendars_days_are_no_sections() -> None:
    """A sidebar's calendar of news on every page (``/novini/arhiv/2026/11/28/`` under
    "28", its address under the news): a day's page is walked from the news page's
    calendar, each once, never opened as a section of its own (nor a pager's "2")."""
    body = (
        '<nav><a href="/novini/">Новини</a></nav><table class="calendar"><tr>'
        '<td><a href="/novini/arhiv/2026/11/3/">3</a></td>'
        '<td><a href="/novini/arhiv/2026/11/28/">28</a></td></tr></table>'
        '<p><a href="/novini/?page=2">2</a></p>'
    )
    assert section_links(tree(body), HOME, SITE) == ["https://www.x.bg/novini/"]


def test_a_language_switch_to_another_languages_news_is_no_section() -> None:
    """ "ENG" leading to the English service's "/en/news" (its address says news): its
    news are not the Bulgarian site's, whatever the switch is drawn as."""
    body = (
        '<nav><a href="/novini">Новини</a><a href="/en/news">ENG</a>'
        '<a href="/en/news/"><img src="/img/gb.png" alt="English"></a>'
        '<a href="/de/aktuelles/news">Deutsch</a><a href="/bg/news/all">BG</a>'
        '<a href="/news/english-club">English Club</a>'
        '<a href="/novini/angliyski-ezik">Английски език</a></nav>'
    )
    assert section_links(tree(body), HOME, SITE) == [
        "https://www.x.bg/novini",
        "https://www.x.bg/bg/news/all",  # (Bulgarian, by its address)
        # a section named after a language, not a switch to it: the label says more
        "https://www.x.bg/news/english-club",
        "https://www.x.bg/novini/angliyski-ezik",
    ]


def test_aktualna_in_an_address_names_a_news_section_as_in_a_menus_text() -> None:
    """ "Актуална информация" names a news section in a menu's text, and so does
    ``/aktualna-informatsiya`` in an address: a menu entry a picture draws without an
    ``alt`` (or a theme's other label) is still found by where it leads."""
    body = (
        '<nav><a href="/">Начало</a><a href="/aktualna-informatsiya"><img src="/m1.gif"></a>'
        '<a href="/za-nas"><img src="/m2.gif"></a></nav>'
    )
    assert section_links(tree(body), HOME, SITE) == ["https://www.x.bg/aktualna-informatsiya"]


def test_a_menu_of_picture_buttons_is_read_by_their_alt() -> None:
    """An old site's menu drawn as images (``menu_novini.gif``): the words a person reads
    are the picture's ``alt``. Two pictures in one link say nothing: a gallery's strip."""
    body = (
        '<ul><li><a href="/"><img src="/img/menu_nachalo.gif" alt="Начало"></a></li>'
        '<li><a href="/kmet.php"><img src="/img/menu_kmet.gif" alt="Кмет"></a></li>'
        '<li><a href="/novini.php"><img src="/img/menu_novini.gif" alt="Новини"></a></li>'
        '<li><a href="/galeria.php"><img src="/a.jpg" alt="Новини"><img src="/b.jpg" alt="Обяви">'
        "</a></li></ul>"
    )
    assert section_links(tree(body), HOME, SITE) == ["https://www.x.bg/novini.php"]


def test_an_image_maps_areas_are_menu_links_read_by_their_alt() -> None:
    """The early web's menu: one picture, its areas the links (``<map><area href alt>``)."""
    body = (
        '<img src="/img/nav.gif" usemap="#nav" alt=""><map name="nav">'
        '<area shape="rect" coords="0,0,99,29" href="/index.html" alt="Начало">'
        '<area shape="rect" coords="100,0,199,29" href="/novini.html" alt="Новини">'
        '<area shape="rect" coords="200,0,299,29" href="/kontakti.html" alt="Контакти"></map>'
    )
    assert section_links(tree(body), HOME, SITE) == ["https://www.x.bg/novini.html"]


@pytest.mark.parametrize(
    ("href", "children"),
    [
        ('href="#"', True),
        ("", True),
        ("href=\"javascript:toggleMenu('#!news')\"", True),
        ('href="#!/novini"', False),
        ('href="/novini"', False),
    ],
)
def test_a_news_menu_entry_leading_nowhere_opens_its_categories(href: str, children: bool) -> None:
    """A "Новини" that leads nowhere (no ``href``, "#", a script) opens a submenu whose
    categories are the news; one a click follows (a page, a hash-bang view) is a page of
    its own. A script naming a hash-bang in its code is still a script
    (``urls.followed_href``): it was read as a view, and the categories were lost."""
    body = (
        f'<ul><li><a {href}>Новини</a><ul><li><a href="/kategoriya/obshtestvo">Общество</a>'
        '</li><li><a href="/kategoriya/sport">Спорт</a></li></ul></li></ul>'
    )
    expected = ["https://www.x.bg/kategoriya/obshtestvo", "https://www.x.bg/kategoriya/sport"]
    assert news_menu_children(tree(body), HOME, SITE) == (expected if children else [])


def test_a_news_word_linking_a_host_under_the_sites_domain_adopts_that_host() -> None:
    """The menu's "Новини" on ``novini.x.bg`` is the site's news; the council's site, mail,
    the English copy, another domain whose name ends the same, another organisation's
    news, a file and a port are not, whatever their text."""
    body = (
        '<a href="https://obs.x.bg/">Общински съвет</a>'
        '<a href="https://mail.x.bg/">Поща</a>'
        '<a href="https://en.x.bg/news/">News in English</a>'
        '<a href="https://novini.otherx.bg/">Новини</a>'
        '<a href="https://www.oblast.bg/novini/">Новини от областта</a>'
        '<a href="https://docs.x.bg/novini.pdf">Новини (PDF)</a>'
        '<a href="https://press.x.bg:8080/">Прессъобщения</a>'
        '<a href="https://x.bg/novini/">Новини</a>'
        '<a href="https://novini.x.bg/">Новини</a>'
        '<a href="https://novini.x.bg/arhiv">Архив на новините</a>'
        '<a href="https://press.x.bg/">Прессъобщения</a>'
    )
    assert news_hosts(tree(body), HOME, SITE) == ["novini.x.bg", "press.x.bg"]


def test_a_sibling_host_for_events_or_notices_is_not_adopted_as_the_news() -> None:
    """A menu's "Събития" on ``sabitiya.x.bg`` is a calendar of what is on (dated by when it
    happens, not when it was written), "Обяви" a board of notices: read as the site's
    news, a host of their own would be crawled whole as this site. Their words still
    name a section on the site's own host (``section_links``), kept when it lists news."""
    body = (
        '<a href="https://sabitiya.x.bg/">Събития</a>'
        '<a href="https://events.x.bg/">Events</a>'
        '<a href="https://obiavi.x.bg/">Обяви</a>'
        '<a href="https://www.x.bg/sabitiya/">Събития</a>'
        '<a href="https://novini.x.bg/">Актуално</a>'
    )
    assert news_hosts(tree(body), HOME, SITE) == ["novini.x.bg"]
    assert "https://www.x.bg/sabitiya/" in section_links(tree(body), HOME, SITE)


def test_a_news_host_is_under_the_origins_own_name_not_a_shared_suffix() -> None:
    """No list of public suffixes: the origin's own host decides, so a ``.co.uk`` site's
    ``news.`` host is its own and one blog host's neighbour is not."""
    link = '<a href="https://{}/">News</a>'
    uk = Profile(id="c", name="c", origin="https://www.council.co.uk", hosts=())
    assert news_hosts(tree(link.format("news.council.co.uk")), uk.origin, uk) == [
        "news.council.co.uk"
    ]
    assert news_hosts(tree(link.format("news.co.uk")), uk.origin, uk) == []
    blog = Profile(id="b", name="b", origin="https://a.blogspot.com", hosts=())
    assert news_hosts(tree(link.format("b.blogspot.com")), blog.origin, blog) == []
    assert news_hosts(tree(link.format("news.a.blogspot.com")), blog.origin, blog) == [
        "news.a.blogspot.com"
    ]
    local = Profile(id="l", name="l", origin="http://127.0.0.1:8000", hosts=())
    assert news_hosts(tree(link.format("news.127.0.0.1")), local.origin, local) == []


def test_a_learned_shape_becomes_a_pattern_on_the_decoded_path() -> None:
    path = re.compile(shape_pattern(Shape("x.bg", ("novini", None), ())))
    assert path.search("/novini/remont-na-mosta-4100")
    assert not path.search("/uslugi/mestni-danaci-i-taksi")
    query = re.compile(shape_pattern(Shape("x.bg", ("news",), (("id", None), ("lang", "bg")))))
    assert query.search("/news?lang=bg&id=7") and query.search("/news?id=7&lang=bg")
    assert not query.search("/news?id=7&lang=en")


def test_pagination_template_from_page_two() -> None:
    assert (
        pagination_template("https://x.bg/novini", "https://x.bg/novini?page=2") == "?page={page}"
    )
    assert pagination_template("https://x.bg/novini/", "https://x.bg/novini/page/2/") == (
        "/page/{page}/"
    )
    assert pagination_template("https://x.bg/novini", "https://x.bg/arhiv/2025") == ""
    assert pagination_template("https://x.bg/novini", None) == ""


def test_a_2_inside_a_larger_number_is_no_page_number() -> None:
    """Squarespace pages by the last shown post's time in milliseconds: its one 2 is not
    page 2, and a template of it (``?offset=17954{page}1700000``) would name pages that
    do not exist."""
    older = "https://x.bg/novini?offset=1795421700000"
    assert pagination_template("https://x.bg/novini", older) == ""
    assert pagination_template("https://x.bg/novini", "https://x.bg/novini?page=12") == ""
    assert pagination_template("https://x.bg/novini", "https://x.bg/novini?cat=5&page=2") == (
        "?cat=5&page={page}"
    )


def test_a_page_two_signed_for_itself_gives_no_template() -> None:
    """TYPO3 signs a link's plugin fields with ``&cHash=<md5>``: page 2's hash made into a
    template would go with every other page number, which the server refuses."""
    signed = (
        "https://x.bg/novini?tx_news_pi1%5B%40widget_0%5D%5BcurrentPage%5D=2"
        "&cHash=0b1ac140fd0cb816040576ed8f5668cc"
    )
    assert pagination_template("https://x.bg/novini", signed) == ""
    assert pagination_template("https://x.bg/novini", "https://x.bg/novini?kat=abc&page=2") == (
        "?kat=abc&page={page}"
    )


def test_relative_links_resolve_against_the_pages_base_as_listings_do() -> None:
    page = "https://www.x.bg/portal/Default.aspx"
    head = (
        '<base href="https://www.x.bg/bg/">'
        '<link rel="alternate" type="application/rss+xml" href="rss.aspx">'
    )
    body = "<a href='novini/'>Новини</a><a href='feed.aspx'>RSS</a>"
    assert declared_feeds(tree(body, head), page, SITE) == ["https://www.x.bg/bg/rss.aspx"]
    assert feed_pages(tree(body, head), page, SITE) == ["https://www.x.bg/bg/feed.aspx"]
    assert section_links(tree(body, head), page, SITE) == ["https://www.x.bg/bg/novini/"]


def test_every_field_of_a_discovery_survives_the_archive() -> None:
    """Set every field to something other than its default, whatever fields there are, so
    a field added later and forgotten by ``from_json`` fails here."""
    examples = {
        tuple: ("https://www.x.bg/a",), dict: {"https://www.x.bg/a": "menu"}, int: 7, str: "s"
    }  # fmt: skip
    values = {f.name: examples[type(getattr(Discovery(), f.name))] for f in fields(Discovery)}
    found = Discovery(**values)  # type: ignore[arg-type]
    assert Discovery.from_json(found.to_json()) == found


def test_a_discovery_an_older_version_stored_is_still_read() -> None:
    """The first stored form had six fields; a key no field has any more is ignored."""
    stored = json.dumps(
        {
            "feeds": ["https://www.x.bg/rss"],
            "sitemaps": [],
            "listings": ["https://www.x.bg/news"],
            "notes": {"https://www.x.bg/rss": "declared on the home page"},
            "requests": 4,
            "explored_at": "2026-01-02T03:04:05+00:00",
            "retired_field": [1, 2],
        }
    )
    assert Discovery.from_json(stored) == Discovery(
        feeds=("https://www.x.bg/rss",),
        listings=("https://www.x.bg/news",),
        notes={"https://www.x.bg/rss": "declared on the home page"},
        requests=4,
        explored_at="2026-01-02T03:04:05+00:00",
    )


def test_exploring_learns_the_shape_of_every_news_run_not_only_the_largest() -> None:
    """A Joomla section page: a blog of three items at SEF addresses beside a five-link
    "latest news" module at non-SEF ones. The sitemap's articles are later kept by the
    learned shapes; learning only the larger run's would turn every SEF article away."""
    blog = "".join(
        f'<div class="item"><h2><a href="/novini/{n}-slug-{n}">Общината обяви новина номер {n}'
        f" за града</a></h2><p>Публикувано: {n} ноември 2025</p></div>"
        for n in (23, 22, 21)
    )
    latest = "".join(
        f'<li><a href="/index.php?option=com_content&amp;view=article&amp;id={n}&amp;catid=9">'
        f"Последна новина номер {n} от общината</a></li>"
        for n in range(23, 18, -1)
    )
    pages = {
        "/": '<html><body><ul class="menu"><li><a href="/novini">Новини</a></li></ul></body>',
        "/novini": f'<html><body><div class="blog">{blog}</div>'
        f'<div class="moduletable"><ul class="latestnews">{latest}</ul></div></body></html>',
    }

    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    patterns = [re.compile(p) for p in found.article_patterns]
    for path in ("/novini/20-slug-20", "/index.php?option=com_content&view=article&id=5&catid=9"):
        assert any(p.search(path) for p in patterns), (path, found.article_patterns)


def _explore_two_sections(feed_items: range | None) -> tuple[str, ...]:
    """Two menu sections list news and the home page names a feed carrying
    ``feed_items`` (None: the feed cannot be read); the listings exploring keeps."""

    def section(first: int) -> str:
        items = "".join(
            f'<div class="item"><h2><a href="/novini/{n}-slug-{n}">Общината обяви новина'
            f" номер {n} за града</a></h2><p>Публикувано: {n} ноември 2025</p></div>"
            for n in range(first, first - 3, -1)
        )
        return f"<html><body>{items}</body></html>"

    pages = {
        "/": '<html><head><link rel="alternate" type="application/rss+xml" href="/feed/">'
        '</head><body><ul class="menu"><li><a href="/novini">Новини</a></li>'
        '<li><a href="/sabitiya">Събития</a></li></ul></body></html>',
        "/novini": section(23),
        "/sabitiya": section(13),
    }
    if feed_items is not None:
        pages["/feed/"] = (
            '<?xml version="1.0"?><rss version="2.0"><channel>'
            + "".join(
                f"<item><title>{n}</title><link>https://www.t.bg/novini/{n}-slug-{n}</link></item>"
                for n in feed_items
            )
            + "</channel></rss>"
        )

    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert found.feeds == ("https://www.t.bg/feed/",)
    assert set(found.notes) == {*found.feeds, *found.listings}
    return found.listings


def test_beside_a_feed_a_listing_the_feed_carries_is_dropped() -> None:
    """The feed carries both sections' news: the feed and the first section are what a
    nightly run reads (robots.txt, feed, listing: three requests)."""
    both = _explore_two_sections(range(11, 24))
    assert both == ("https://www.t.bg/novini",)


def test_beside_a_feed_a_section_it_leaves_out_is_kept() -> None:
    """The feed carries none of the second section's items: it would never be read again.
    One of them in the feed is enough to drop it (a site-wide feed's window)."""
    assert _explore_two_sections(range(13, 24)) == ("https://www.t.bg/novini",)
    first_only = _explore_two_sections(range(21, 24))
    assert first_only == ("https://www.t.bg/novini", "https://www.t.bg/sabitiya")
    unread = _explore_two_sections(None)  # a feed that cannot be read proves nothing
    assert unread == ("https://www.t.bg/novini", "https://www.t.bg/sabitiya")


def _explore_sections_without_feed(
    second: list[int], where: str = "novini", data: tuple[int, ...] = ()
) -> tuple[str, ...]:
    """The news section lists items 23..21 and 99 (and ``data`` only in its page data, as
    a JS framework's listing does), a second section the items ``second``, under
    ``/<where>/`` (99 under ``/novini/`` wherever it is listed); no feed."""

    def section(numbers: list[int], where: str = "novini") -> str:
        items = "".join(
            f'<div class="item"><h2><a href="/{"novini" if n == 99 else where}/{n}-slug-{n}">'
            f"Общината обяви новина номер {n} за града</a></h2><p>Публикувано: {n % 30 + 1}"
            " ноември 2025</p></div>"
            for n in numbers
        )
        return f"<html><body>{items}</body></html>"

    blob = json.dumps(
        [
            {"title": f"Общината обяви новина номер {n} за града", "url": f"/novini/{n}-slug-{n}"}
            for n in data
        ]  # fmt: skip
    )
    script = f'<script type="application/json">{blob}</script></body>'
    pages = {
        "/": '<html><body><ul class="menu"><li><a href="/novini">Новини</a></li>'
        '<li><a href="/rubrika/obshtestvo">Общество</a></li></ul></body></html>',
        "/novini": section([23, 22, 21, 99]).replace("</body>", script),
        "/rubrika/obshtestvo": section(second, where),
    }

    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert set(found.notes) == set(found.listings)
    return found.listings


def test_a_category_sharing_items_with_the_news_section_is_not_walked_beside_it() -> None:
    """No feed: a second section listing some of the first one's items is a category of
    the same stream, whose new posts the first shows too; walking it would make a
    nightly run four requests. One with nothing in common is another stream and stays."""
    assert _explore_sections_without_feed([23, 19, 17]) == ("https://www.t.bg/novini",)
    apart = _explore_sections_without_feed([13, 12, 11])
    assert apart == ("https://www.t.bg/novini", "https://www.t.bg/rubrika/obshtestvo")
    # another stream (its items under /saobshteniya/) listing one item of the news too
    # (one order posted in both) is no category of it
    other = _explore_sections_without_feed([13, 12, 11, 99], where="saobshteniya")
    assert other == ("https://www.t.bg/novini", "https://www.t.bg/rubrika/obshtestvo")
    # the item in common is one the news page holds only in its page data: still in common
    hidden = _explore_sections_without_feed([20, 12, 11], data=(20, 19))
    assert hidden == ("https://www.t.bg/novini",)


def test_a_third_stream_of_news_is_kept_to_be_read_every_few_days() -> None:
    """A portal's "Новини", "Съобщения" and "Обяви", no item in common: the first two are
    what a nightly run reads (three requests with robots.txt); the third is not lost but
    rested (walked in full once, then every few days)."""

    def section(where: str, first: int) -> str:
        items = "".join(
            f'<div class="item"><h2><a href="/{where}/{n}-slug-{n}">Общината обяви новина'
            f" номер {n} за града</a></h2><p>Публикувано: {n % 28 + 1} ноември 2025</p></div>"
            for n in range(first, first - 3, -1)
        )
        return f"<html><body>{items}</body></html>"

    pages = {
        "/": '<html><body><ul class="menu"><li><a href="/novini">Новини</a></li>'
        '<li><a href="/saobshteniya">Съобщения</a></li><li><a href="/obyavi">Обяви</a></li>'
        "</ul></body></html>",
        "/novini": section("novini", 30),
        "/saobshteniya": section("saobshteniya", 20),
        "/obyavi": section("obyavi", 10),
    }

    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert found.listings == ("https://www.t.bg/novini", "https://www.t.bg/saobshteniya")
    assert found.rested == ("https://www.t.bg/obyavi",)
    assert "every few days" in found.notes["https://www.t.bg/obyavi"]
    assert found.urls[-1] == "https://www.t.bg/obyavi"
    assert found.all_news == ""  # (none lists the others' news: the rested one is read nightly)


def test_a_section_dropped_for_the_news_it_shares_marks_the_first_a_list_of_all_news() -> None:
    """ "Общество" listing two of "Новини"'s posts is a category of it, dropped: "Новини"
    shows the site's news as a whole (``Discovery.all_news``), and so what the rested
    third stream beside it posts need not be asked every night."""

    def section(where: str, numbers: list[int]) -> str:
        items = "".join(
            f'<div class="item"><h2><a href="/{where}/{n}-slug-{n}">Общината обяви новина'
            f" номер {n} за града</a></h2><p>Публикувано: {n % 28 + 1} ноември 2025</p></div>"
            for n in numbers
        )
        return f"<html><body>{items}</body></html>"

    pages = {
        "/": '<html><body><ul class="menu"><li><a href="/novini">Новини</a></li>'
        '<li><a href="/obshtestvo">Общество</a></li><li><a href="/saobshteniya">Съобщения</a>'
        '</li><li><a href="/obyavi">Обяви</a></li></ul></body></html>',
        "/novini": section("novini", [30, 29, 28]),
        "/obshtestvo": section("novini", [30, 28, 25]),
        "/saobshteniya": section("saobshteniya", [20, 19, 18]),
        "/obyavi": section("obyavi", [10, 9, 8]),
    }
    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert found.listings == ("https://www.t.bg/novini", "https://www.t.bg/saobshteniya")
    assert found.rested == ("https://www.t.bg/obyavi",)
    assert found.all_news == "https://www.t.bg/novini"
    assert Discovery.from_json(found.to_json()).all_news == found.all_news


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Начало :: Община Калиново", "Община Калиново"),
        ("Община Речица | Начало", "Община Речица"),
        ("Home - Sofia Municipality", "Sofia Municipality"),
        ("Община Русе - Новини и събития", "Община Русе - Новини и събития"),
        ("Начало", ""),  # (nothing but the page's name: the caller says the host)
    ],
)
def test_the_site_name_is_the_home_pages_title_without_its_page_name(
    title: str, expected: str
) -> None:
    """add-site proposes the name: not "Начало :: Община X", the home page's own name."""
    assert site_name(tree("", f"<title>{title}</title>")) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('<a href="/index.php">Община Кресна</a> <a href="/">Начало</a>', "Община Кресна"),
        (
            '<a href="/">Начало</a> <a href="https://www.kresna.bg/">Община Кресна</a>',
            "Община Кресна",
        ),
        ('<a href="/"><img src="/logo.png" alt="Община Кресна"></a>', "Община Кресна"),
        # another site's home, a link to a section, an anchor: no name of this site's
        ('<a href="https://www.facebook.com/">Facebook</a> <a href="/novini">Новини</a>', ""),
        ('<a href="#">Община Кресна</a>', ""),
    ],
)
def test_a_home_page_titled_only_home_is_named_by_its_logo(header: str, expected: str) -> None:
    """A Joomla front page's ``<title>`` is "Начало" alone: add-site proposed ``name =
    "Начало"``. Its link to itself names the site (a header's logo, its text or its
    image's alt), or nothing does and the proposal says the host."""
    page = tree(header, "<title>Начало</title>")
    assert site_name(page, "http://www.kresna.bg/") == expected


@pytest.mark.parametrize(
    ("host", "expected"),
    [
        ("www.obshtinaruse.bg", "obshtinaruse"),
        ("127.0.0.1:8831", "127-0-0-1-8831"),
        ("10.0.0.7", "10-0-0-7"),
        ("localhost:8080", "localhost-8080"),
    ],
)
def test_a_site_at_an_ip_address_gets_all_of_it_as_its_id(host: str, expected: str) -> None:
    """add-site took an IP address's first number for the id: ``127`` for every site
    served on 127.0.0.1, whatever its port."""
    assert site_id_for(host) == expected


def test_a_redirected_feeds_relative_links_resolve_where_it_was_found() -> None:
    """/rss answered 301 to /novini/atom.xml, whose entries link "statiya-…" relatively:
    the crawl reads them against /novini/ (the final URL), so exploration's samples and
    the feed's keys must be the same URLs, not /statiya-… at the root."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    atom = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>'
        b'<entry><link href="statiya-obshtinata-prie-byudzheta"/></entry></feed>'
    )

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            if self.path == "/rss":
                self.send_response(301)
                self.send_header("Location", "/novini/atom.xml")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, kind = (
                (atom, "application/atom+xml")
                if self.path == "/novini/atom.xml"
                else (b"", "text/plain")
            )
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        origin = f"http://127.0.0.1:{server.server_port}"
        profile = Profile(
            id="x", name="x", origin=origin, hosts=(f"127.0.0.1:{server.server_port}",)
        )
        from newsarchive.explorer import _Explorer

        with Fetcher(FetchOptions(delay=0, retries=0)) as fetcher:
            explorer = _Explorer(fetcher, profile, 10)
            assert explorer.is_feed(f"{origin}/rss")
        assert explorer.samples == [f"{origin}/novini/statiya-obshtinata-prie-byudzheta"]
    finally:
        server.shutdown()
        server.server_close()


def test_a_page_that_stays_unread_is_explored_again_ever_less_often() -> None:
    """The next run, then 2, 4, 8, 16 days on, then every ``REEXPLORE_DAYS``; the page
    missed the fewest times decides; one that answered starts again; and an exploration
    saved by an older version (``unread`` without counts) counts as the first miss."""
    home, section = "https://x.bg/", "https://x.bg/novini"
    old = Discovery.from_json(
        json.dumps({"unread": {section: "HTTP 500"}, "explored_at": "2026-01-01T03:00:00"})
    )
    assert old.unread_runs == {} and stale(old, dt.date(2026, 1, 1))
    found, waits = old, []
    for _ in range(7):
        found = missed_again(Discovery(unread={section: "HTTP 500"}), found)
        day = dt.date(2026, 1, 1)
        explored = replace(found, explored_at=day.isoformat())
        waits.append(next(n for n in range(40) if stale(explored, day + dt.timedelta(days=n))))
    assert waits == [2, 4, 8, 16, REEXPLORE_DAYS, REEXPLORE_DAYS, REEXPLORE_DAYS]
    passing = missed_again(Discovery(unread={section: "x", home: "y"}), found)
    assert passing.unread_runs == {section: 9, home: 1}
    assert stale(replace(passing, explored_at="2026-01-01"), dt.date(2026, 1, 1))
    back = missed_again(Discovery(), passing)
    assert back.unread_runs == {}
    assert missed_again(Discovery(unread={section: "x"}), back).unread_runs == {section: 1}


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ('<a href="bg/index.php"><img src="bg.gif" alt=""><br>Български</a>', "bg/index.php"),
        ('<a href="/bg/"><img src="bg.gif" alt="Български"></a>', "bg/"),  # a flag alone
        ('<a href="/?lang=bg" hreflang="bg">БГ</a>', "?lang=bg"),
        ('<a href="/bg/" title="Bulgarian"><img src="bg.gif" alt=""></a>', "bg/"),
        ('<a href="/bg/">На български</a>', "bg/"),  # said as a sentence
        ('<a href="/bg/"><img src="bg.gif" alt="Версия на български"></a>', "bg/"),
        ('<a href="/bg/">Bulgarian version</a>', "bg/"),
        ('<a href="/bg/">In Bulgarian</a>', "bg/"),
        ('<a href="/bg/">Новини на български</a>', None),  # a section, not a language
        ('<a href="/en/">English</a>', None),  # no Bulgarian choice: no way in
        ('<a href="/bg/"><img src="flag.gif" alt=""></a>', None),  # a flag naming nothing
        ('<a href="https://www.other.bg/bg/">Български</a>', None),  # another site
        ('<a href="/docs/bg.pdf">Български</a>', None),  # a file
    ],
)
def test_a_choice_of_language_leads_to_the_bulgarian_site(link: str, expected: str | None) -> None:
    html = f'<html><body><h1>Община Х</h1>{link} <a href="/en/">English</a></body></html>'
    found = language_home(LexborHTMLParser(html), HOME, SITE)
    assert found == ([HOME + expected] if expected else [])


def _explore_joomla_category(cards: bool) -> Discovery:
    """A Joomla site whose home page names no feed and whose "Новини" category links its
    own with the feed icon only (``?format=feed&type=rss``, no ``<link rel>`` in its
    head): its items as cards, or drawn by script into an empty ``<div>``."""
    items = "".join(
        f'<div class="item"><h2><a href="/novini/{n}-slug-{n}">Общината обяви новина номер {n}'
        f" за града</a></h2><p>Публикувано: {n} ноември 2025</p></div>"
        for n in (23, 22, 21)
    )
    icon = (
        '<a href="/novini?format=feed&amp;type=rss" class="syndicate-module">'
        '<img src="/media/system/images/livemarks.png" alt="feed-image"> <span>Абонамент</span></a>'
    )
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        + "".join(
            f"<item><title>{n}</title><link>https://www.t.bg/novini/{n}-slug-{n}</link></item>"
            for n in (23, 22, 21)
        )
        + "</channel></rss>"
    )
    menu = '<ul class="menu"><li><a href="/novini">Новини</a></li></ul>'
    pages = {
        "/": f"<html><body>{menu}</body></html>",
        "/novini": f'<html><body><div class="blog">{items if cards else ""}</div>{icon}</body>',
        "/novini?format=feed&type=rss": feed,
    }
    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        return explore(fetcher, profile)


def test_a_section_that_lists_nothing_visible_is_read_through_its_feed_icon() -> None:
    """Its list drawn by script, the category shows a crawler no news: its feed icon is
    the one source a nightly run can read, found without guessing conventional paths."""
    found = _explore_joomla_category(cards=False)
    assert found.feeds == ("https://www.t.bg/novini?format=feed&type=rss",)
    assert found.notes[found.feeds[0]] == 'an "RSS" link on https://www.t.bg/novini'
    assert found.requests == 3  # the home page, the category, its feed


def test_a_section_that_lists_its_news_is_not_joined_by_its_feed() -> None:
    """The category's cards are read every night already: its feed would add a request
    to each run and nothing the listing does not show."""
    found = _explore_joomla_category(cards=True)
    assert (found.feeds, found.listings) == ((), ("https://www.t.bg/novini",))


@pytest.mark.parametrize(
    ("landed", "wall"),
    [
        ("https://www.x.bg/consent?next=%2F", "https://www.x.bg/consent"),
        ("https://www.x.bg/Account/Login?ReturnUrl=%2f", "https://www.x.bg/Account/Login"),
        (
            "https://www.x.bg/wp-login.php?redirect_to=https%3A%2F%2Fwww.x.bg%2F",
            "https://www.x.bg/wp-login.php",
        ),
        # the names identity drops too (``urls.RETURN_FIELD``): one vocabulary
        ("https://www.x.bg/login?redirect_url=%2F", "https://www.x.bg/login"),
        ("https://www.x.bg/user/login?_portal_WAR_x_backURL=%2F", "https://www.x.bg/user/login"),
        ("https://www.x.bg/", None),  # not sent anywhere
        ("https://www.x.bg/bg/", None),  # the Bulgarian home page: no wall
        ("https://www.x.bg/consent?next=%2Fnovini", None),  # back to another page
        ("https://other.bg/consent?next=https%3A%2F%2Fwww.x.bg%2F", None),  # not the site's
    ],
)
def test_a_wall_is_a_page_of_the_sites_own_asking_to_send_the_visitor_back(
    landed: str, wall: str | None
) -> None:
    assert wall_before(HOME, landed, SITE) == wall


@pytest.mark.parametrize(
    ("landed", "wall"),
    [
        # the path asked, printed without its slash: the home page in its folder
        ("https://www.x.bg/consent?next=obshtina%2F", "https://www.x.bg/consent"),
        ("https://www.x.bg/Account/Login?ReturnUrl=obshtina/", "https://www.x.bg/Account/Login"),
        ("https://www.x.bg/consent?next=%2Fobshtina%2F", "https://www.x.bg/consent"),
        # one repeating no folder is read against the page asked: another page
        ("https://www.x.bg/consent?next=novini%2F", None),
    ],
)
def test_a_walls_return_field_repeating_the_home_pages_folder_is_read_from_the_root(
    landed: str, wall: str | None
) -> None:
    """A wall's way back is read as the site's links are (``urls.from_site_root``):
    ``next=obshtina/`` in front of ``/obshtina/`` names that page, not
    ``/obshtina/obshtina/``; read as written, the wall went unrecognised and the site
    was explored through its consent page."""
    assert wall_before("https://www.x.bg/obshtina/", landed, SITE) == wall


@pytest.mark.parametrize(
    ("page", "links", "expected"),
    [
        # the archive's page: its years, the newest first or not
        ("/novini/", ["/novini/2025/", "/novini/2026/", "/novini/2024/"], "/novini/2026/"),
        # a year's page: its months (no zero before one digit: 9 before 11)
        ("/n/2026/", ["/n/2026/9/", "/n/2026/11/", "/n/2026/3/"], "/n/2026/11/"),
        ("/arhiv", ["/arhiv/2025", "/arhiv/2026"], "/arhiv/2026"),
        # not beneath the page: another section's years, the site's own
        ("/novini/", ["/galeriya/2026/", "/2026/"], None),
        # a month's page: no deeper period, its articles no folder of a number
        ("/novini/2026/11/", ["/novini/2026/11/905-sesiya.html", "/novini/2026/11/28/"], None),
        # numbers that are no year or month: a year's page of "13", a page "?godina=2026"
        ("/novini/2026/", ["/novini/2026/13/", "/novini/?godina=2026"], None),
        ("/novini/", ["/novini/5/", "/novini/2026?page=2"], None),
    ],
)  # fmt: skip
def test_the_newest_period_an_archive_tree_links_beneath_itself(
    page: str, links: list[str], expected: str | None
) -> None:
    """mayoran's "Архив" in the footer: ``/novini/`` lists years, each year its months,
    each month its news; no page above a month lists any (the site was "not a news
    site"). The newest period beneath the page is where exploring goes on."""
    body = "".join(f'<a href="{href}">{href}</a>' for href in links)
    found = newest_period(tree(body), "https://www.x.bg" + page, SITE)
    assert found == (None if expected is None else "https://www.x.bg" + expected)


def test_a_listing_that_is_a_months_archive_page_is_explored_again_when_the_month_turns() -> None:
    """mayoran's listing is its archive's newest month, ``/novini/2026/11/``, which links
    the month before but never the next: December's news would wait ``REEXPLORE_DAYS``
    for an exploration to find ``/novini/2026/12/``. It comes with December instead."""
    month = Discovery(listings=("https://x.bg/novini/2026/11/",), explored_at="2026-11-20T03:00:00")
    assert not stale(month, dt.date(2026, 11, 30))
    assert stale(month, dt.date(2026, 12, 1))
    plain = replace(month, listings=("https://x.bg/novini/",))
    assert not stale(plain, dt.date(2026, 12, 1))  # (a plain list: every 30 days)


def _cards(numbers: range) -> str:
    return "".join(
        f'<div class="item"><h2><a href="/novini/{n}-slug-{n}">Общината обяви новина номер {n}'
        f" за града</a></h2><p>Публикувано: {n} ноември 2025</p></div>"
        for n in numbers
    )


def _rss(numbers: list[int]) -> str:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        + "".join(
            f"<item><title>{n}</title><link>https://www.t.bg/novini/{n}-slug-{n}</link></item>"
            for n in numbers
        )
        + "</channel></rss>"
    )


def test_a_page_of_feeds_gives_each_feed_holding_news_the_others_do_not() -> None:
    """A home page of the newest three, its footer's "RSS емисии" a page naming three
    feeds: two categories' (the even news, the odd ones) and "Най-четени" (some of both).
    Both categories are read (before: the first alone, the odd news never archived);
    "Най-четени" adds nothing and is left out, and so is the home page, every item of which
    the feeds carry: a nightly run is robots.txt and the two feeds."""
    pages = {
        "/": f"<html><body>{_cards(range(23, 20, -1))}"
        '<footer><a href="/rss.html">RSS емисии</a></footer></body></html>',
        "/rss.html": '<html><body><h1>RSS емисии</h1><ul><li><a href="/rss.php?op=top">Най-'
        'четени</a></li><li><a href="/rss.php?cat=1">Новини</a></li><li><a href="/rss.php?'
        'cat=2">Култура</a></li></ul></body></html>',
        "/rss.php?cat=1": _rss(list(range(22, 10, -2))),
        "/rss.php?cat=2": _rss(list(range(23, 10, -2))),
        "/rss.php?op=top": _rss([23, 22, 17, 14]),
    }
    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert found.feeds == ("https://www.t.bg/rss.php?cat=1", "https://www.t.bg/rss.php?cat=2")
    assert found.listings == ()


def test_a_page_of_feeds_whose_last_feed_holds_both_others_keeps_some_feed() -> None:
    """A page of feeds naming two categories' (the even news, the odd ones) and then
    "Всички новини", holding every item of both: each feed's items are all in the others'
    union, so a rule keeping "each feed not covered by all the others" would keep none.
    The categories, taken first, are kept; the feed of both adds nothing and is left out,
    and so is the home page, every item of which they carry."""
    pages = {
        "/": f"<html><body>{_cards(range(23, 20, -1))}"
        '<footer><a href="/rss.html">RSS емисии</a></footer></body></html>',
        "/rss.html": '<html><body><h1>RSS емисии</h1><ul><li><a href="/rss.php?cat=1">Новини'
        '</a></li><li><a href="/rss.php?cat=2">Култура</a></li><li><a href="/rss.php?all=1">'
        "Всички новини</a></li></ul></body></html>",
        "/rss.php?cat=1": _rss(list(range(22, 14, -2))),
        "/rss.php?cat=2": _rss(list(range(23, 14, -2))),
        "/rss.php?all=1": _rss(list(range(23, 14, -1))),
    }
    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert found.feeds == ("https://www.t.bg/rss.php?cat=1", "https://www.t.bg/rss.php?cat=2")
    assert found.listings == ()


def test_a_paged_list_beside_a_page_of_feeds_carrying_its_first_page_stays() -> None:
    """The menu's "Новини", ten a page and a page 2, beside a page of two feeds (the even
    news, the odd ones) that carry every item of its first page: the feeds hold the
    newest twenty, and the list's later pages are the only way to the older news, so it
    stays with its page 2 (before: dropped, the site's older news never archived). The
    same list with no pager adds nothing the feeds do not, and is left out."""
    pager = '<a href="/novini?page=2">Следваща</a>'
    pages = {
        "/": '<html><body><ul class="menu"><li><a href="/novini">Новини</a></li></ul>'
        '<footer><a href="/rss.html">RSS емисии</a></footer></body></html>',
        "/novini": f"<html><body>{_cards(range(28, 18, -1))}{pager}</body></html>",
        "/novini?page=2": f"<html><body>{_cards(range(18, 8, -1))}</body></html>",
        "/rss.html": '<html><body><h1>RSS емисии</h1><ul><li><a href="/rss.php?cat=1">Новини'
        '</a></li><li><a href="/rss.php?cat=2">Култура</a></li></ul></body></html>',
        "/rss.php?cat=1": _rss(list(range(28, 8, -2))),
        "/rss.php?cat=2": _rss(list(range(27, 8, -2))),
    }
    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert found.feeds == ("https://www.t.bg/rss.php?cat=1", "https://www.t.bg/rss.php?cat=2")
    assert found.listings == ("https://www.t.bg/novini",)
    assert found.pagination == {"https://www.t.bg/novini": "https://www.t.bg/novini?page=2"}
    pages["/novini"] = pages["/novini"].replace(pager, "")
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert found.listings == () and found.pagination == {}


def test_a_sitemap_naming_a_listings_later_pages_gives_the_listing_its_template() -> None:
    """A list whose pager is drawn by script (``onclick="pokazhi(2)"``), and a sitemap
    (named by robots.txt) of the site's sections and the list's pages, ``/novini?str=2``
    and ``?str=3``: the walk pages the list by ``?str={page}``, as a profile's template.
    A sitemap naming no page of the list gives none."""
    pager = '<a href="javascript:void(0)" onclick="pokazhi(2)">2</a>'
    pages = {
        "/robots.txt": "User-agent: *\nDisallow: /admin/\nSitemap: https://www.t.bg/sitemap.xml\n",
        "/": '<html><body><ul class="menu"><li><a href="/novini">Новини</a></li></ul></body>',
        "/novini": f"<html><body>{_cards(range(23, 20, -1))}{pager}</body></html>",
        "/sitemap.xml": '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9"><url><loc>https://www.t.bg/</loc></url><url><loc>https://www.t.bg/'
        "novini</loc></url><url><loc>https://www.t.bg/novini?str=2</loc></url><url><loc>"
        "https://www.t.bg/novini?str=3</loc></url></urlset>",
    }
    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0)
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert found.listings == ("https://www.t.bg/novini",)
    assert found.page_templates == {"https://www.t.bg/novini": "?str={page}"}
    pages["/sitemap.xml"] = pages["/sitemap.xml"].replace("?str=", "?id=")
    with pages_fetcher(pages, profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert found.page_templates == {}


def test_a_weekly_bulletin_in_the_menu_is_a_section_it_may_list_news_in() -> None:
    """erma: the menu's "Бюлетин" is the weekly bulletin, each issue a week's news; a
    section kept when it lists news items, as "Обяви" is."""
    body = (
        '<nav><a href="/">Начало</a><a href="/byuletin">Бюлетин</a>'
        '<a href="/kontakti">Контакти</a></nav>'
    )
    assert section_links(tree(body), HOME, SITE) == ["https://www.x.bg/byuletin"]


def _pair_page(pager: str, cards: int = 2, dated: bool = True) -> str:
    return (
        "<h1>Новини</h1>"
        + "".join(
            f'<div class="novina"><h2><a href="/novini/{318 - k}-sabitie-{k}/">Събитие номер {k}'
            f" в селото през есента</a></h2>"
            + (f'<p class="data">{28 - 3 * k}.11.2026</p>' if dated else "")
            + "<p>Кратко описание на събитието в селото.</p></div>"
            for k in range(cards)
        )
        + pager
    )


def test_two_dated_news_over_their_pages_pager_are_a_list() -> None:
    """A village mayoralty shows two news a page, "Страници: 1 2 3 4 5" under them
    (round 63's dvoynitsa: "found no listing", 0 of 9, as a list needs three): two dated
    cards over a pager to this page's own address plus a number are a list; two dated
    cards alone (an article's two related news), two undated ones, or two over a pager
    to some other page are not."""
    url = "https://www.x.bg/novini/"
    numbers = (
        '<div>Страници: <span>1</span> <a href="/novini/?str=2">2</a>'
        ' <a href="/novini/?str=3">3</a></div>'
    )

    def pair(body: str, at: str = url) -> bool:
        html = f"<html><body>{body}</body></html>"
        dates: listings.DateMemo = {}
        items = listings.news_items(html, at, SITE, dt.date(2026, 12, 1), dates)
        return next_pages.paged_pair(items, tree(body), at, SITE, dates, dt.date(2026, 12, 1))

    assert pair(_pair_page(numbers))
    assert not pair(_pair_page(""))  # two related news, no pager
    assert not pair(_pair_page(numbers, dated=False))
    assert not pair(_pair_page(numbers, cards=1))
    # a page elsewhere (an article) whose pager leads to the list's pages: not its own
    assert not pair(_pair_page(numbers), "https://www.x.bg/novini/319-drugo/")


_HEADLINES = [
    "Общината ремонтира покрива на читалището в село Ябълково",
    "Започна записването за безплатни курсове по английски",
    "Кметът посади дъб пред новото кметство",
    "Децата от ДГ „Слънце“ рисуваха есента",
    "Нова линия на автобуса до гарата от понеделник",
    "Съветниците приеха наредбата за зелените площи",
    "Читалището кани на вечер на поезията в петък",
    "Почистиха коритото на реката преди зимата",
    "Раздадоха помощи за отопление на сто семейства",
    "Ремонтът на улица „Васил Левски“ приключи",
    "Библиотеката получи дарение от двеста книги",
    "Събор на народните занаяти в неделя на площада",
]


def _bare_home(fed: int, *, listed_news: int = 0) -> dict[str, str]:
    """A small municipality's home page listing twelve bare headlines (no day, teaser
    or picture) at its old addresses, ``/index.php?mod=news&id=N`` (sent on, 301, to
    ``/novini/N-slug``), a "Култура" box copying three of them into ``/kultura/``, the
    menu's "Обяви" (three dated notices) and a feed naming the newest ``fed`` at their
    new addresses; its titles as a feed writes them (plain quotes and spaces, where the
    home page has „…“ and ``&nbsp;``), one headline cut short with "…" on the page.
    ``listed_news``: the menu's "Новини" lists the newest so many at the feed's
    addresses, dated, and links its page 2."""
    shown = [t.replace(" в ", " в&nbsp;") for t in _HEADLINES]
    shown[1] = "Започна записването за безплатни курсове…"
    rows = "".join(
        f'<div class="news-item"><h3><a href="/index.php?mod=news&amp;id={500 - i}">{t}</a>'
        "</h3></div>"
        for i, t in enumerate(shown)
    )
    box = "".join(f'<li><a href="/kultura/k{i}.php">{_HEADLINES[i]}</a></li>' for i in (0, 4, 8))
    menu = '<li><a href="/obyavi.php">Обяви</a></li><li><a href="/kontakti.php">Контакти</a></li>'
    if listed_news:
        menu = '<li><a href="/novini.php">Новини</a></li>' + menu
    head = '<link rel="alternate" type="application/rss+xml" title="Новини" href="/rss.xml">'
    items = "".join(
        f"<item><title>{t.replace('„', '&quot;').replace('“', '&quot;')}</title>"
        f"<link>https://www.t.bg/novini/{500 - i}-n</link></item>"
        for i, t in enumerate(_HEADLINES[:fed])
    )
    notices = "".join(
        f'<li><span class="date">{d:02d}.11.2026</span> <a href="/obyavi/o{d}.php">Обява за'
        f" прекъсване на водата номер {d}</a></li>"
        for d in (24, 20, 12)
    )
    pages = {
        "/": f'<html><head>{head}</head><body><nav><ul class="menu"><li><a href="/">Начало'
        f'</a></li>{menu}</ul></nav><main><h1>Община</h1><div class="news-list">{rows}'
        f"</div><section><h2>Култура</h2><ul>{box}</ul></section></main></body></html>",
        "/obyavi.php": f"<html><body><h1>Обяви</h1><ul>{notices}</ul></body></html>",
        "/rss.xml": f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>',
    }
    if listed_news:
        cards = "".join(
            f'<div class="item"><span class="date">{28 - i}.11.2026</span><h3><a href="/novini/'
            f'{500 - i}-n">{t}</a></h3></div>'
            for i, t in enumerate(_HEADLINES[:listed_news])
        )
        pager = '<a href="/novini.php?page=2">Следваща</a>' if listed_news < len(_HEADLINES) else ""
        pages["/novini.php"] = f"<html><body><h1>Новини</h1>{cards}{pager}</body></html>"
    return pages


@pytest.mark.parametrize(
    ("fed", "read"),
    [(10, True), (7, True), (12, False), (6, False), (3, False)],
)
def test_a_home_list_of_bare_headlines_is_read_where_the_feed_titles_most_not_all(
    fed: int, read: bool
) -> None:
    """Composed seed 618: the home page's bare headlines link the old addresses, sent on
    (301) to the new ones the feed names, so the feed carried none of them by address,
    and a "Култура" box beside them led into a second folder: the home page was never
    read as its list, and the oldest headline, past the feed's newest ten, never asked.
    A headline is in the feed where an item's title is it (``headlines.same_headline``),
    and the box of them in one folder is weighed apart from the others
    (``explorer.headline_boxes``): read where the feed carries more than half, not all
    (then the feed shows them all), and rested beside the feed."""
    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(_bare_home(fed), profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert found.feeds == ("https://www.t.bg/rss.xml",), found
    assert ("https://www.t.bg/" in found.rested) is read, found
    assert "https://www.t.bg/" not in found.listings, found


@pytest.mark.parametrize("listed", [12, 3])
def test_bare_headlines_titled_as_a_sections_news_in_the_feed_are_no_list(listed: int) -> None:
    """The same home page, but the menu's "Новини" lists the feed's addresses (all, or
    the newest three and a page 2, composed seed 114: the older in its folder, reached
    by its pager): the headlines are that section's news under the CMS's other
    addresses (round 119's kamenyak), and a feed titling them proves no list of the
    home's own."""
    profile = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
    options = FetchOptions(delay=0, respect_robots=False)
    with pages_fetcher(_bare_home(10, listed_news=listed), profile.hosts, options) as fetcher:
        found = explore(fetcher, profile)
    assert "https://www.t.bg/" not in (*found.listings, *found.rested), found
    assert "https://www.t.bg/novini.php" in found.listings, found
