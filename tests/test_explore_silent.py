"""A menu entry whose NAME says no news but whose PAGE is a publisher's own list of news
(``explorer.Explorer.silent_sections``): a school's "Из живота на училището" or a
municipality's "Хроника" kept as a blog in a folder of its own, dated posts and a feed
of its own, reached by nothing but that entry beside "Новини"; and a register of dated
records under a name as silent ("Процедури"), which stays no section."""

from __future__ import annotations

from newsarchive.discover import explore as rules
from newsarchive.discover.sub_sites import featured_news, own_feed
from newsarchive.explorer import explore
from newsarchive.fetch.client import FetchOptions
from newsarchive.models import Profile

from .pageserver import pages_fetcher
from .test_explore_rules import tree

SITE = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
ORIGIN = "https://www.t.bg"
OPTIONS = FetchOptions(delay=0, respect_robots=False)


def _page(menu: str, content: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{menu}<div id='main'>{content}</div></body></html>"


def _news(ids: list[int]) -> str:
    """The school's own news, one line each: a date and a headline."""
    return "".join(
        f'<div class="novina"><b>{n % 28 + 1:02d}.11.2026</b> '
        f'<a href="/novini/{n}">Учениците ни спечелиха състезание номер {n}</a></div>'
        for n in ids
    )


def _posts(folder: str, days: list[int]) -> str:
    """A blog's posts in WordPress's markup, English dates as its theme prints them."""
    return "".join(
        f'<article class="post"><h2 class="entry-title"><a href="{folder}2026/11/{d:02d}/'
        f'razhodka-{d}/">Разходка до язовира с петокласниците, ден {d}</a></h2>'
        f'<time class="entry-date published" datetime="2026-11-{d:02d}T09:00:00+02:00">'
        f"November {d}, 2026</time><p>Децата наблюдаваха птиците край брега.</p></article>"
        for d in days
    )


def _feed_link(href: str) -> str:
    return f'<link rel="alternate" type="application/rss+xml" title="Feed" href="{href}">'


def _feed(folder: str, days: list[int]) -> str:
    items = "".join(
        f"<item><title>Разходка, ден {d}</title>"
        f"<link>{ORIGIN}{folder}2026/11/{d:02d}/razhodka-{d}/</link>"
        f"<pubDate>{d:02d} Nov 2026 09:00:00 +0200</pubDate></item>"
        for d in days
    )
    head = '<?xml version="1.0"?><rss version="2.0"><channel><title>Блог</title>'
    return f"{head}{items}</channel></rss>"


def test_a_blog_under_a_menu_entry_naming_no_news_is_found_beside_the_news() -> None:
    """A menu of plain links between bars (no list), "Из живота на училището" leading to
    ``/zhivot/``, a blog with its own feed: before, only ``/novini`` was found (the entry
    names no news and no news item of the home page leads into the folder); now the
    blog's page or its feed is read too, "Училището" and "Прием" opened and dropped."""
    menu = (
        '<div id="menu"><a href="/">Начало</a> | <a href="/novini">Новини</a> | '
        '<a href="/uchilishteto">Училището</a> | <a href="/zhivot/">Из живота на училището</a>'
        ' | <a href="/priem">Прием</a> | <a href="/kontakti">Контакти</a></div>'
    )
    days = [27, 22, 16, 9]
    pages = {
        "/": _page(menu, _news([40, 39, 38])),
        "/novini": _page(menu, _news([40, 39, 38, 37, 36])),
        "/uchilishteto": _page(menu, "<h1>Училището</h1><p>Основано е през 1884 година.</p>"),
        "/zhivot/": _page(menu, _posts("/zhivot/", days), _feed_link(f"{ORIGIN}/zhivot/feed/")),
        "/zhivot/feed/": _feed("/zhivot/", days),
        "/priem": _page(menu, "<h1>Прием</h1><p>Документи се подават до 30 юни.</p>"),
    }
    with pages_fetcher(pages, SITE.hosts, OPTIONS) as fetcher:
        found = explore(fetcher, SITE)
    sources = (*found.listings, *found.rested, *found.feeds)
    assert f"{ORIGIN}/novini" in sources
    assert f"{ORIGIN}/zhivot/" in sources or f"{ORIGIN}/zhivot/feed/" in sources, sources
    assert not {f"{ORIGIN}/uchilishteto", f"{ORIGIN}/priem"} & set(sources)


def test_a_register_of_dated_records_under_a_silent_name_stays_no_section() -> None:
    """ "Процедури" lists dated rows, each a procurement's page of its own, and its page
    announces only the site's feed (as every WordPress page does): a register of records,
    no news (README: a procurement file is no news). It is opened as a guess and dropped,
    nothing it taught kept; the blog beside it in the same ``<ul>`` menu is found."""
    menu = (
        '<ul class="menu"><li><a href="/">Начало</a></li><li><a href="/novini/">Новини</a></li>'
        '<li><a href="/protseduri/">Процедури</a></li><li><a href="/hronika/">Хроника</a></li>'
        "</ul>"
    )
    rows = "".join(
        f'<tr><td>{n % 28 + 1:02d}.11.2026</td><td><a href="/protseduri/{n}/">Доставка на'
        f" хранителни продукти за детските градини, обособена позиция {n}</a></td></tr>"
        for n in (14, 13, 12, 11)
    )
    days = [25, 18, 11]
    site_feed = _feed_link(f"{ORIGIN}/feed/")
    pages = {
        "/": _page(menu, _news([40, 39, 38]), site_feed),
        "/novini/": _page(menu, _news([40, 39, 38, 37]), site_feed),
        "/feed/": _feed("/novini/", []),
        "/protseduri/": _page(menu, f"<h1>Процедури</h1><table>{rows}</table>", site_feed),
        "/hronika/": _page(
            menu, _posts("/hronika/", days), site_feed + _feed_link(f"{ORIGIN}/hronika/feed/")
        ),
        "/hronika/feed/": _feed("/hronika/", days),
    }
    with pages_fetcher(pages, SITE.hosts, OPTIONS) as fetcher:
        found = explore(fetcher, SITE)
    sources = (*found.listings, *found.rested, *found.feeds)
    assert not [url for url in sources if "protseduri" in url], sources
    assert not [p for p in found.article_patterns if "protseduri" in p], found.article_patterns
    assert f"{ORIGIN}/hronika/" in sources or f"{ORIGIN}/hronika/feed/" in sources, sources


def test_the_silent_entries_are_the_news_entrys_menu_less_news_and_the_sites_own_pages() -> None:
    """The menu is the one holding the news entry (a footer's links are not it); "Начало",
    the news entries, "Контакти" and "Документи" are no silent entries, nor a file."""
    body = (
        '<ul><li><a href="/">Начало</a></li><li><a href="/novini/">Новини</a></li>'
        '<li><a href="/proekti/">Проекти</a></li><li><a href="/sabitiya/">Събития</a></li>'
        '<li><a href="/dokumenti/">Документи</a></li><li><a href="/blog/">Летопис</a></li>'
        '<li><a href="/plan.pdf">План</a></li><li><a href="/kontakti/">Контакти</a></li></ul>'
        '<div id="footer"><a href="/karieri/">Кариери</a> <a href="/novini/">Новини</a></div>'
    )
    named = [f"{ORIGIN}/novini/", f"{ORIGIN}/sabitiya/"]
    got = rules.silent_entries(tree(body), f"{ORIGIN}/", SITE, named)
    assert got == [f"{ORIGIN}/proekti/", f"{ORIGIN}/blog/"]


def test_the_sites_root_by_another_spelling_is_no_silent_entry() -> None:
    """A page at ``www.`` whose menu's first entry is the bare host's root
    ("https://x.bg/", the logo's words), or a language's folder holding the news: each
    holds the news section, every feed of the site lies inside it, so it passed for a
    publisher's own list and the home page was handed to the crawl as a section (the
    primer mirror's log showed a page kept that no request had fetched under its name)."""
    bare = ORIGIN.replace("://www.", "://")
    body = (
        f'<ul><li><a href="{bare}/">Примерово</a></li><li><a href="/bg/novini/">Новини</a></li>'
        '<li><a href="/bg/">Български</a></li><li><a href="/bg/hronika/">Хроника</a></li></ul>'
    )
    got = rules.silent_entries(tree(body), f"{ORIGIN}/bg/", SITE, [f"{ORIGIN}/bg/novini/"])
    assert got == [f"{ORIGIN}/bg/hronika/"]


def test_a_sites_offer_and_its_own_pages_are_no_silent_entries() -> None:
    """A paper's "Абонамент" (round 46's vechernivesti must never be asked it), a
    municipality's "Общината" and "Административни услуги", a party's "Дарения" are pages
    about the site: none is opened to look for news (each was a request a month)."""
    body = (
        '<nav><a href="/novini">Новини</a> <a href="/abonament">Абонамент</a>'
        ' <a href="/obshtina.php">Общината</a> <a href="/uslugi/">Административни услуги</a>'
        ' <a href="/daritel">Дарения</a> <a href="/support-us/">Subscribe</a>'
        ' <a href="/hronika/">Хроника</a></nav>'
    )
    got = rules.silent_entries(tree(body), f"{ORIGIN}/", SITE, [f"{ORIGIN}/novini"])
    assert got == [f"{ORIGIN}/hronika/"]


def test_what_a_broadcaster_airs_is_no_silent_entry() -> None:
    """A TV's menu beside "Новини": its live stream, shows, bulletins and video copies of
    its stories are no news (README, round 105), so none is opened to look for some; its
    "Репортажи" may be."""
    body = (
        '<nav><a href="/news">Новини</a> <a href="/video">Видео</a> <a href="/emisii">Емисии</a>'
        ' <a href="/predavaniya">Предавания</a> <a class="btn-live" href="/na-zhivo">● На живо</a>'
        ' <a href="/podcasts">Подкасти</a> <a href="/reportazhi">Репортажи</a></nav>'
    )
    got = rules.silent_entries(tree(body), f"{ORIGIN}/", SITE, [f"{ORIGIN}/news"])
    assert got == [f"{ORIGIN}/reportazhi"]


def _joomla(folder: str, ids: list[int], what: str) -> str:
    """Joomla's blog layout of a category: dated cards, ``/<folder>/<id>-<alias>``."""
    return "".join(
        f'<div class="blog-item"><h2 itemprop="name"><a href="/{folder}/{n}-zapis-{n}">'
        f'{what} номер {n} в читалнята</a></h2><time datetime="2026-11-{n % 28 + 1:02d}'
        f'T10:00:00+02:00">{n % 28 + 1:02d} ноември 2026</time><p>Очакваме ви.</p></div>'
        for n in ids
    )


_LIBRARY_MENU = (
    '<ul class="mod-menu"><li><a href="/">Начало</a></li><li><a href="/za-nas">За нас</a></li>'
    '<li><a href="/novini">Новини</a></li><li><a href="/izlozhbi">Изложби</a></li>'
    '<li><a href="/resheniya">Решения</a></li><li><a href="/kontakti">Контакти</a></li></ul>'
)


def test_a_silent_entry_whose_news_the_home_page_features_is_a_section() -> None:
    """A library's "Изложби" (``/izlozhbi``, Joomla, no feed anywhere) lists three dated
    openings, and the home page's own news cards show the newest of them beside the
    "Новини" ones, card for card alike: the site calls it news. Before, a silent entry
    was kept only beside a feed of its own, so the two openings not on the home page
    were never found; now ``/izlozhbi`` is a section. "Решения", a register of dated
    records no home card leads into, stays none."""
    home = _joomla("novini", [50, 49], "Среща") + _joomla("izlozhbi", [70], "Изложба")
    pages = {
        "/": _page(_LIBRARY_MENU, home),
        "/novini": _page(_LIBRARY_MENU, _joomla("novini", [50, 49, 48, 47], "Среща")),
        "/izlozhbi": _page(_LIBRARY_MENU, _joomla("izlozhbi", [70, 69, 68], "Изложба")),
        "/resheniya": _page(_LIBRARY_MENU, _joomla("resheniya", [30, 29, 28], "Решение")),
    }
    with pages_fetcher(pages, SITE.hosts, OPTIONS) as fetcher:
        found = explore(fetcher, SITE)
    sources = (*found.listings, *found.rested, *found.feeds)
    assert f"{ORIGIN}/novini" in sources, sources
    assert f"{ORIGIN}/izlozhbi" in sources, sources
    assert not [url for url in sources if "resheniya" in url], sources
    assert "the home page shows as its own" in found.notes[f"{ORIGIN}/izlozhbi"]


def test_a_register_of_records_the_home_page_links_but_not_as_news_stays_no_section() -> None:
    """The home page's sidebar links the newest council decision (``/resheniya/30-…``,
    undated, in a box of its own, as bibliobelograd's "Нови книги" box), its news cards
    lead only into ``/novini``; "Решения" lists three dated decisions, no feed. A link
    is no news card: the register stays no section, nothing it taught is kept, so a
    crawl archives none of it (the mirror's ``/novi-knigi``, tests/test_round108_mirrors)."""
    side = '<div class="sidebar"><h3>Последно решение</h3><ul><li><a href="/resheniya/30-zapis-30">'
    side += "Решение номер 30 на съвета</a></li></ul></div>"
    pages = {
        "/": _page(_LIBRARY_MENU, _joomla("novini", [50, 49, 48], "Среща") + side),
        "/novini": _page(_LIBRARY_MENU, _joomla("novini", [50, 49, 48, 47], "Среща")),
        "/resheniya": _page(_LIBRARY_MENU, _joomla("resheniya", [30, 29, 28], "Решение")),
    }
    with pages_fetcher(pages, SITE.hosts, OPTIONS) as fetcher:
        found = explore(fetcher, SITE)
    sources = (*found.listings, *found.rested, *found.feeds)
    assert f"{ORIGIN}/novini" in sources, sources
    assert not [url for url in sources if "resheniya" in url], sources
    assert not [p for p in found.article_patterns if "resheniya" in p], found.article_patterns


def test_a_feed_at_a_folders_page_address_with_a_query_is_its_own() -> None:
    """Joomla announces a category's feed on its slashless page (``/hronika?format=feed
    &type=rss``), WordPress can at ``?feed=rss2``: the folder ``/hronika/``'s own feed,
    as one inside it is; the host's ``/feed/`` or another folder's is not."""
    folder = f"{ORIGIN}/hronika/"
    assert own_feed(folder, f"{ORIGIN}/hronika?format=feed&type=rss")
    assert own_feed(folder, f"{ORIGIN}/hronika?feed=rss2")
    assert own_feed(folder, f"{ORIGIN}/hronika/feed/")
    assert not own_feed(folder, f"{ORIGIN}/feed/")
    assert not own_feed(folder, f"{ORIGIN}/hronika")
    assert not own_feed(folder, f"{ORIGIN}/hronika-stara?format=feed")
    assert not own_feed(folder, f"{ORIGIN}/?feed=rss2")


def test_a_silent_entry_announcing_its_feed_on_its_slashless_page_is_a_section() -> None:
    """ "Хроника" (``/hronika``, Joomla) lists dated posts of its own and announces its
    feed as ``/hronika?format=feed&type=rss``; no home news card leads into it. Before,
    that feed was not counted as the folder's own (it is not inside ``/hronika/``) and
    the chronicle was dropped; now it is found."""
    feed_link = _feed_link(f"{ORIGIN}/hronika?format=feed&amp;type=rss")
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Хроника</title>'
        + "".join(
            f"<item><title>Хроника {n}</title><link>{ORIGIN}/hronika/{n}-zapis-{n}</link>"
            f"<pubDate>{n % 28 + 1:02d} Nov 2026 10:00:00 +0200</pubDate></item>"
            for n in (20, 19, 18)
        )
        + "</channel></rss>"
    )
    menu = _LIBRARY_MENU.replace("/izlozhbi", "/hronika").replace("Изложби", "Хроника")
    pages = {
        "/": _page(menu, _joomla("novini", [50, 49, 48], "Среща")),
        "/novini": _page(menu, _joomla("novini", [50, 49, 48, 47], "Среща")),
        "/hronika": _page(menu, _joomla("hronika", [20, 19, 18], "Хроника"), feed_link),
        "/hronika?format=feed&type=rss": rss,
    }
    with pages_fetcher(pages, SITE.hosts, OPTIONS) as fetcher:
        found = explore(fetcher, SITE)
    sources = (*found.listings, *found.rested, *found.feeds)
    assert [url for url in sources if "hronika" in url], sources


def test_a_folder_holding_the_news_folder_is_no_featured_section() -> None:
    """The menu's "Начало" at ``/bg/`` (the home page is ``/``) holds every card of
    ``/bg/novini/``: the home's news live deeper, not in it, so it is no section of its
    own (before this check, seven bench mirrors read a second copy of their news list
    nightly, a rerun of 3 where 2); ``/izlozhbi/``'s own card makes it one."""
    cards = [f"{ORIGIN}/bg/novini/905", f"{ORIGIN}/bg/novini/904", f"{ORIGIN}/izlozhbi/7-a"]
    assert not featured_news(f"{ORIGIN}/bg/", cards, cards[:2] + [f"{ORIGIN}/bg/novini/903"])
    listed = [f"{ORIGIN}/izlozhbi/7-a", f"{ORIGIN}/izlozhbi/6-b", f"{ORIGIN}/izlozhbi/5-c"]
    assert featured_news(f"{ORIGIN}/izlozhbi/", cards, listed)
