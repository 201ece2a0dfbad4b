"""A site whose menu names TOPICS, never the news (``explorer.Explorer.topic_sections``):
a regional paper's "Русе", "Регион", "Спорт", each a list of dated articles, its home page
the newest few across them; and a municipality whose menu names no news either, whose
"Туризъм", "Документи", "Контакти" list no news of the home page's kind and stay pages."""

from __future__ import annotations

from newsarchive.discover import explore as rules
from newsarchive.explorer import explore
from newsarchive.fetch.client import FetchOptions
from newsarchive.models import Profile

from .pageserver import pages_fetcher
from .test_explore_rules import tree

SITE = Profile(id="t", name="t", origin="https://www.t.bg", hosts=("www.t.bg",))
ORIGIN = "https://www.t.bg"
OPTIONS = FetchOptions(delay=0, respect_robots=False)


def _menu(entries: list[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="{href}">{label}</a></li>' for href, label in entries)
    return f'<ul id="menu"><li><a href="/">Начало</a></li>{links}</ul>'


def _cards(ids: list[int], path: str = "/statia/{n}-novina") -> str:
    return "".join(
        f'<div class="card"><a href="{path.format(n=n)}">Новина номер {n} от региона днес</a>'
        f'<span class="date">{n % 28 + 1:02d}.11.2026</span></div>'
        for n in ids
    )


def _page(menu: str, content: str) -> str:
    return f"<html><body>{menu}<div id='main'>{content}</div></body></html>"


TOPICS = [("/ruse/", "Русе"), ("/region/", "Регион"), ("/sport/", "Спорт")]


def test_a_menu_of_topics_is_read_as_the_news_sections() -> None:
    """Before: no entry named news, and only the home page's newest three were a listing;
    now each topic listing dated cards of the home's shape is a section, the contacts page
    none, and two topics sharing an article are both kept (neither lists all)."""
    menu = _menu([*TOPICS, ("/kontakti/", "Контакти")])
    pages = {
        "/": _page(menu, _cards([90, 89, 88])),
        "/ruse/": _page(menu, _cards([90, 87, 84])),
        "/region/": _page(menu, _cards([89, 87, 83])),
        "/sport/": _page(menu, _cards([88, 86, 82])),
        "/kontakti/": _page(menu, "<p>Редакцията е на площада, телефон 082 000 000.</p>"),
    }
    with pages_fetcher(pages, SITE.hosts, OPTIONS) as fetcher:
        found = explore(fetcher, SITE)
    assert (*found.listings, *found.rested) == tuple(ORIGIN + href for href, _ in TOPICS)


def test_a_topic_listing_none_of_the_home_pages_news_counts_by_its_shape() -> None:
    menu = _menu(TOPICS[:2])
    pages = {
        "/": _page(menu, _cards([90, 89, 88])),
        "/ruse/": _page(menu, _cards([80, 79, 78])),
        "/region/": _page(menu, _cards([70, 69, 68])),
    }
    with pages_fetcher(pages, SITE.hosts, OPTIONS) as fetcher:
        found = explore(fetcher, SITE)
    assert found.listings == (f"{ORIGIN}/ruse/", f"{ORIGIN}/region/")


def test_a_municipality_whose_menu_names_no_news_keeps_its_home_page_alone() -> None:
    """ "Туризъм", "Документи" (dated decisions, at addresses of another shape),
    "Контакти", "Администрация" are opened once and are no sections: the home page's
    list of news stays the one listing, and none of them is walked."""
    entries = [
        ("/turizam/", "Туризъм"),
        ("/dokumenti/", "Документи"),
        ("/kontakti/", "Контакти"),
        ("/administratsiya/", "Администрация"),
    ]
    menu = _menu(entries)
    decisions = "".join(
        f'<div class="row"><a href="/dokumenti/reshenie-{n}">Решение № {n} на общинския съвет'
        f" за бюджета</a> <span>{n % 28 + 1:02d}.11.2026</span></div>"
        for n in (12, 11, 10)
    )
    pages = {
        "/": _page(menu, _cards([90, 89, 88], "/novina.php?id={n}")),
        "/turizam/": _page(menu, "<h1>Туризъм</h1><p>Край града има три екопътеки.</p>"),
        "/dokumenti/": _page(menu, f"<h1>Документи</h1>{decisions}"),
        "/kontakti/": _page(menu, "<h1>Контакти</h1><p>Площад Свобода 1.</p>"),
        "/administratsiya/": _page(
            menu,
            '<ul><li><a href="/administratsiya/kmet">Кмет</a></li>'
            '<li><a href="/administratsiya/zamestnik">Заместник-кмет</a></li></ul>',
        ),  # fmt: skip
    }
    with pages_fetcher(pages, SITE.hosts, OPTIONS) as fetcher:
        found = explore(fetcher, SITE)
    assert found.listings == (f"{ORIGIN}/",)
    assert found.rested == ()
    assert not found.pagination
    assert not any("reshenie" in p for p in found.article_patterns), found.article_patterns


def test_a_menus_entries_are_its_first_list_of_site_pages() -> None:
    """The home link, the page's own news cards, files and other sites' links are no
    entries; a list of two links (a footer's) is no menu."""
    body = (
        '<ul><li><a href="/">Начало</a></li><li><a href="/za-nas.pdf">PDF</a></li></ul>'
        + _menu([*TOPICS, ("https://egov.bg/", "еУправление")])
        + '<ul class="cards"><li><a href="/statia/5-a">Новина пета от региона</a></li></ul>'
    )
    got = rules.menu_entries(tree(body), f"{ORIGIN}/", SITE, {"www.t.bg/statia/5-a"})
    assert got == [ORIGIN + href for href, _ in TOPICS]


def test_a_menus_pages_about_the_site_take_no_slot() -> None:
    """ "За нас", "Контакти", "Администрация", a gallery by its address, a telephone's and
    an e-mail's link and a file are no topics: the topics after them are the entries
    (before, the first three took three of the four slots)."""
    about = [
        ("/za-nas/", "За нас"),
        ("/kontakti/", "Контакти"),
        ("/administratsiya/", "Общинска администрация"),
        ("/snimki/galeriya.php", "Снимки"),
        ("tel:+35982000000", "082 000 000"),
        ("mailto:redakciya@t.bg", "Пишете ни"),
        ("/dokumenti/pravilnik.pdf", "Правилник"),
        ("/how-to-get-here/", "How to get here"),
        ("/search/", "Търсене"),
    ]
    got = rules.menu_entries(tree(_menu([*about, *TOPICS])), f"{ORIGIN}/", SITE)
    assert got == [ORIGIN + href for href, _ in TOPICS]


def test_a_topic_whose_name_holds_such_a_word_stays_an_entry() -> None:
    """Only the whole label counts: "Контакти с побратимени градове" may be a topic."""
    entries = [("/pobratimi/", "Контакти с побратимени градове"), *TOPICS]
    got = rules.menu_entries(tree(_menu(entries)), f"{ORIGIN}/", SITE)
    assert got == [ORIGIN + href for href, _ in entries]


def test_the_entries_the_home_cards_live_under_come_first() -> None:
    """A card at /region/2026/11/... speaks for the entry /region/; entries no card lives
    under keep their order after them, and a query's page counts for none."""
    entries = [f"{ORIGIN}/reklama/", f"{ORIGIN}/index.php?cat=2", f"{ORIGIN}/region/"]
    cards = [f"{ORIGIN}/region/2026/11/5-most", f"{ORIGIN}/index.php?id=7"]
    assert rules.under_cards_first(entries, cards) == [
        f"{ORIGIN}/region/",
        f"{ORIGIN}/reklama/",
        f"{ORIGIN}/index.php?cat=2",
    ]
