"""A seventy-second round of site shapes, four whole small sites whose news a crawler
must find in a way no round had, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round66_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round72.py``): a news table whose rows are
clickable only by ``onclick="location='/novini/5'"``, no ``<a>`` (redovo); a list a
script draws from ``fetch('/api/novini?page=1')``, its ``<noscript>`` linking the plain
list (skriptovo); ``/novini.php`` on ``www.`` linking each article on
``news.poddomeyn.bg/novina.php?id=N`` (poddomeyn); undated articles whose list dates each
card only by ``<time datetime>``, its text "вчера" (vcherashno). Each must archive
exactly its articles with the true title, date and body, and a rerun right after must
cost at most three requests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover import explore, listings
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import article_rows, check_bare_crawl, mirror_crawls
from .support import Result

ROUND72_SITES = {
    # <tr onclick="location='/novini/5120'">, no <a>; pager /novini/?str=2
    "redovo": ("Община Редово", "https://redovo.bg"),
    # fetch('/api/novini?page=1'); <noscript><a href="/novini/spisak.html">
    "skriptovo": ("Община Скриптово", "https://skriptovo.bg"),
    # www.poddomeyn.bg/novini.php -> https://news.poddomeyn.bg/novina.php?id=664
    "poddomeyn": ("Община Поддомейн", "https://www.poddomeyn.bg"),
    # <time datetime="2026-11-27T09:28:00+02:00">вчера</time>; articles undated
    "vcherashno": ("Община Вчерашно", "https://vcherashno.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND72_SITES))
def test_a_round72_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND72_SITES[site])


def test_a_cards_time_stamp_dates_it_where_its_text_says_only_yesterday() -> None:
    """vcherashno's cards print "вчера", "преди 3 дни" beside the headline, words the list
    wrote the day it was rendered, and the moment only in ``<time datetime>``: the cards
    were dated by the words counted back from the fetch (2026-12-03 for every "вчера"),
    and that date went to its undated article."""
    stamps = ["2026-11-29T08:17:00+02:00", "2026-11-27T09:28:00+02:00", "2026-11-25T10:39:00+02:00"]
    words = ["днес", "вчера", "преди 3 дни"]
    page = "<html><body><main><h1>Новини</h1>" + "".join(
        f'<article class="karta"><h2><a href="/novini/n-{k}/">Заглавие на новина номер {k}</a>'
        f'</h2><time datetime="{stamp}">{said}</time><p>Кратко начало на новината.</p></article>'
        for k, (stamp, said) in enumerate(zip(stamps, words, strict=True))
    )
    page += "</main></body></html>"
    site = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg",))
    today = dt.date(2026, 12, 4)
    items = listings.news_items(parse_html(page), "https://x.bg/novini/", site, today=today)
    assert [listings.card_moment(card, today=today) for card in items.cards] == [
        dt.datetime.fromisoformat(stamp) for stamp in stamps
    ]


def test_a_script_drawn_news_page_is_read_through_its_noscript_link() -> None:
    """skriptovo's "Новини" holds no card: a script fills it from
    ``fetch('/api/novini?page=1')``, and its ``<noscript>`` links the plain list. The
    crawl found no news at all ("not a news site"); the link is the page a reader
    without JavaScript gets, on the site; a tag manager's frame and a file are not."""
    page = (
        "<html><head><title>Новини</title></head><body><h1>Новини</h1><div id='novini'></div>"
        '<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-X"></iframe>'
        "</noscript><noscript><p>Без JavaScript: "
        '<a href="/novini/spisak.html">всички новини</a>, <a href="/files/novini.pdf">PDF</a>'
        ', <a href="https://drug.bg/novini">другаде</a></p></noscript>'
        "<script>fetch('/api/novini?page=1')</script></body></html>"
    )
    site = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg",))
    assert explore.noscript_pages(parse_html(page), "https://x.bg/novini/", site) == [
        "https://x.bg/novini/spisak.html"
    ]


def _news_page(cards: list[tuple[str, str]], side: str = "") -> str:
    """A list of news: each card a headline linking ``url``, a date under it."""
    body = "".join(
        f'<div class="novina"><h2><a href="{url}">Новина за града номер {k}</a></h2>'
        f'<p class="data">{day}</p><p>Кратко начало на новината.</p></div>'
        for k, (url, day) in enumerate(cards)
    )
    return f"<html><body><h1>Новини</h1><div id='main'>{body}</div>{side}</body></html>"


_DAYS = ("29.11.2026", "26.11.2026", "23.11.2026")


@pytest.mark.parametrize(
    ("origin", "links", "hosts"),
    [
        # poddomeyn: www.'s list, every article on news. under the same domain
        ("https://www.poddomeyn.bg", "https://news.poddomeyn.bg/novina.php?id={k}",
         ["news.poddomeyn.bg"]),
        # a domain under a two-level suffix: news.x.com.bg is x.com.bg's...
        ("https://www.grad.com.bg", "https://novini.grad.com.bg/n/{k}", ["novini.grad.com.bg"]),
        # ...another name beside it under .com.bg is another site
        ("https://www.grad.com.bg", "https://drug.com.bg/n/{k}", []),
        ("https://www.poddomeyn.bg", "https://other.bg/novina.php?id={k}", []),
        ("https://www.poddomeyn.bg", "https://www.facebook.com/poddomeyn/posts/{k}", []),
        # the site's own host: nothing to adopt
        ("https://www.poddomeyn.bg", "https://poddomeyn.bg/novina.php?id={k}", []),
        # a language's copy is never the site's news host
        ("https://www.poddomeyn.bg", "https://en.poddomeyn.bg/news.php?id={k}", []),
    ],
)  # fmt: skip
def test_a_lists_cards_on_a_host_under_the_sites_own_domain_make_it_the_sites(
    origin: str, links: str, hosts: list[str]
) -> None:
    """poddomeyn's ``www.`` lists news whose cards lead to ``news.poddomeyn.bg``, a host no
    menu names: the cards were off the site, the page listed nothing and the crawl said
    "not a news site". A host under the site's own domain (``urls.news_subdomain``) that
    a list's dated cards lead to is the site's; another domain, however alike, is not."""
    host = origin.split("//", 1)[1]
    site = Profile(id="x", name="x", origin=origin, hosts=(host,))
    page = _news_page([(links.format(k=660 + k), day) for k, day in enumerate(_DAYS)])
    assert listings.card_hosts(parse_html(page), origin + "/novini.php", site) == hosts


def test_an_outbound_link_or_undated_links_to_a_sibling_host_adopt_nothing() -> None:
    """Only a list of dated news items counts: the site's own list with one link to the
    council's ``obs.x.bg`` beside it, or a box of undated links to a sibling's pages,
    are links out, not the site's news (the council's host is another site of the same
    owner)."""
    site = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))
    own = [(f"https://www.x.bg/novina.php?id={k}", day) for k, day in enumerate(_DAYS)]
    side = '<div id="side"><a href="https://obs.x.bg/reshenia/12">Решение на съвета</a></div>'
    assert listings.card_hosts(parse_html(_news_page(own, side)), "https://www.x.bg/", site) == []
    # the partners' box: cards like news, a headline and a line each, but no date
    undated = _news_page([(f"https://uchilishte.x.bg/stranitsa-{k}", "") for k in range(4)])
    assert listings.card_hosts(parse_html(undated), "https://www.x.bg/vrazki", site) == []


def test_at_most_two_hosts_are_adopted_from_a_lists_cards() -> None:
    """The bound on news hosts (``explore.MAX_NEWS_HOSTS``) holds for a list's cards as for
    a menu's links: a list spread over three sibling hosts adopts the first two."""
    site = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))
    cards = [
        (f"https://{label}.x.bg/novina/{k}", day)
        for label in ("novini", "kmetstvo", "kultura")
        for k, day in enumerate(_DAYS)
    ]
    assert listings.card_hosts(parse_html(_news_page(cards)), "https://www.x.bg/", site) == [
        "novini.x.bg",
        "kmetstvo.x.bg",
    ]


def test_poddomeyns_news_host_is_read_by_its_own_robots_txt(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The adopted host's robots.txt is asked and obeyed: with ``news.poddomeyn.bg``
    forbidding ``/novina.php``, the list on ``www.`` is read but no article is asked for
    or archived; with it allowing them, all nine are (``test_a_round72_site…``)."""
    with mirror_crawls(
        run_cli, db, tmp_path, "poddomeyn", *ROUND72_SITES["poddomeyn"], editable=True
    ) as crawls:
        (crawls.root / "news" / "robots.txt").write_text(
            "User-agent: *\nDisallow: /novina.php\n", encoding="utf-8"
        )
        run_cli(*crawls.args)
        asked = list(zip(crawls.server.hosts, crawls.server.requests, strict=True))
    assert ("news.poddomeyn.bg", "/robots.txt") in asked
    assert "/novini.php" in crawls.server.requests
    assert [path for host, path in asked if host == "news.poddomeyn.bg"] == ["/robots.txt"]
    assert article_rows(db) == {}
