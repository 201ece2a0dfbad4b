"""A hundred-and-thirteenth round of site shapes: A REGIONAL NEWS PORTAL'S DATED NON-NEWS,
crawled from the origin alone (a profile of id, name and origin) through a real
``MirrorServer``, as ``test_round112_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round113.py``): a regional portal on WordPress
whose one feed carries every post, obituaries and classified ads beside the news, a
labelled paid article and readers' letters among them (svetlitsainfo); an old custom PHP
portal of a script for each kind of page, ``news.php``, ``obituary.php``,
``obiavi.php?cat=``, the day's weather, horoscope, duty pharmacies, cinema and a poll
(maglenitsadnes); a Drupal portal whose front page and feed promote the day's weather and
horoscope as articles (vestikamenovrah); a portal whose obituaries share the news'
address ``/news/<id>-<slug>`` and list, told apart only by their category
(yasengradnews). Each must archive exactly its news, no obituary, ad or service page of
the day, with the true title, date, author and body, once each.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover import explore, feeds, listings
from newsarchive.discover.not_news import names_no_news, no_news_path
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import article_rows, bare_crawl_twice, check_bare_crawl
from .support import SITES, Result

ROUND113_SITES = {
    "svetlitsainfo": ("Светлица Инфо", "https://svetlitsa.info"),
    "maglenitsadnes": ("Мъгленица днес", "https://www.maglenitsa-dnes.com"),
    "vestikamenovrah": ("Вести от Каменовръх", "https://www.vesti-kamenovrah.bg"),
    "yasengradnews": ("Ясенград Нюз", "https://yasengrad-news.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND113_SITES))
def test_a_round113_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND113_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND113_SITES))
def test_a_round113_crawl_archives_no_obituary_ad_or_service_page(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """An obituary, a memorial, a classified ad, the day's weather, horoscope, duty
    pharmacies or cinema programme and a poll are never archived, and none of their
    pages is asked twice."""
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND113_SITES[site])
    words = ("nekrolo", "obituary", "vazpomenanie", "pomen-", "tazhna-vest", "obiav", "obyavi",
             "vremeto", "horoskop", "apteki", "kino", "anketa", "poll")  # fmt: skip
    assert not [url for url in article_rows(db) if any(w in url for w in words)]
    asked = [p for p in first if p != "/robots.txt"]
    assert len(asked) == len(set(asked)), first


def _profile(site: str) -> Profile:
    name, origin = ROUND113_SITES[site]
    return Profile(id=site, name=name, origin=origin)


def test_what_a_portal_files_its_non_news_under() -> None:
    """The one vocabulary of a portal's pages of no news, by label and by address: what
    such a portal files them under, never a headline's words nor a municipality's
    "Обяви" (its notices, news)."""
    for label in ("Некролози", "Последни некролози", "Тъжни вести", "Възпоменания", "Помен",
                  "Малки обяви", "Времето", "Хороскоп", "Дежурни аптеки", "Кино програма",
                  "ТВ програма", "Анкета"):  # fmt: skip
        assert names_no_news(label), label
    for label in ("Новини", "Обяви", "Обяви и съобщения", "Култура", "Спомени от миналото",
                  "Анкета: липсата на работници е най-голямата грижа на фирмите",
                  "Времето се затопля чак до неделя, казват синоптиците"):  # fmt: skip
        assert not names_no_news(label), label
    for path in ("/nekrolozi/tazhna-vest-ivan-kolev/", "/obituary.php", "/vremeto/x",
                 "/horoskop/horoskop-za-sabota", "/poll/6", "/anketa.php"):  # fmt: skip
        assert no_news_path(path), path
    for path in ("/obyavi/557-targ-za-pasishta/", "/novini/2026/anketa-rabotna-sila/",
                 "/novini/vremeto-se-zatoplya/", "/news/20401-nekrolog-mariya-genova"):  # fmt: skip
        assert not no_news_path(path), path


def test_a_feed_item_filed_only_under_non_news_is_no_article() -> None:
    """svetlitsainfo: WordPress's one feed carries every post, the obituaries
    ("Некролози") and ads ("Малки обяви") beside the news, each item naming its
    category: those are no articles; an item of a news category too stays."""
    content = (SITES / "svetlitsainfo/feed/index.xml").read_bytes()
    urls = [entry.url for entry in feeds.parse_feed(content)]
    assert "https://svetlitsa.info/novini/katastrofa-na-prohoda/" in urls, urls
    assert "https://svetlitsa.info/pisma/koga-shte-svetne-ulitsata/" in urls, urls
    assert not [url for url in urls if "/nekrolozi/" in url or "/obyavi/" in url], urls
    both = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>'
        "<item><title>a</title><link>https://x.bg/a-b-c/</link>"
        "<category>Новини</category><category>Времето</category></item>"
        "<item><title>b</title><link>https://x.bg/d-e-f/</link>"
        "<category>Времето</category></item></channel></rss>"
    ).encode()
    assert [entry.url for entry in feeds.parse_feed(both)] == ["https://x.bg/a-b-c/"]


def test_menu_entries_of_non_news_are_no_sections() -> None:
    """svetlitsainfo: "Некролози" and "Малки обяви" lead to WordPress categories,
    ``/category/<name>/``, an address that names a section: never opened as one, nor
    "Обяви" read as the news word it is for a municipality's notices."""
    page = (SITES / "svetlitsainfo/index.html").read_text(encoding="utf-8")
    found = explore.section_links(
        parse_html(page), "https://svetlitsa.info/", _profile("svetlitsainfo")
    )
    assert "https://svetlitsa.info/category/novini/" in found, found
    assert "https://svetlitsa.info/category/nekrolozi/" not in found, found
    assert "https://svetlitsa.info/category/obyavi/" not in found, found
    assert not explore.names_news("Малки обяви")
    assert explore.names_news("Обяви")


@pytest.mark.parametrize(
    ("site", "page", "url"),
    [
        ("maglenitsadnes", "index.html", "https://www.maglenitsa-dnes.com/"),
        ("yasengradnews", "news.html", "https://yasengrad-news.bg/news"),
        ("yasengradnews", "index.html", "https://yasengrad-news.bg/"),
        ("svetlitsainfo", "index.html", "https://svetlitsa.info/"),
        ("vestikamenovrah", "index.html", "https://www.vesti-kamenovrah.bg/"),
    ],
)
def test_no_obituary_ad_or_service_page_is_a_news_item(site: str, page: str, url: str) -> None:
    """A card under a box headed "Последни некролози" or "Малки обяви", one whose
    category link says "Некролози" (yasengradnews' obituaries at the news' own
    ``/news/<id>-<slug>``), and one filed under ``/vremeto/`` or ``obituary.php`` is no
    news item; the news cards beside them are."""
    html = (SITES / site / page).read_text(encoding="utf-8")
    items = listings.news_items(parse_html(html), url, _profile(site))
    urls = [card.url for card in items.cards]
    assert len(urls) >= 2, urls
    words = ("nekrolo", "obituary", "vazpomenanie", "pomen-", "tazhna-vest", "obiava", "obyavi",
             "vremeto", "horoskop")  # fmt: skip
    assert not [u for u in urls if any(w in u for w in words)], urls


def test_an_obituary_a_sitemap_lists_at_the_news_address_is_not_archived(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """yasengradnews: robots.txt names a sitemap of every post, the obituaries at the
    news' own address ``/news/<id>-<slug>`` among them, nothing in it telling them apart.
    Each obituary's page files itself, its breadcrumb "Начало › Некролози": fetched once,
    never archived, and not asked again by the nightly run."""
    first, nightly = bare_crawl_twice(run_cli, db, tmp_path, "yasengradnews",
                                      *ROUND113_SITES["yasengradnews"])  # fmt: skip
    assert "/sitemap.xml" in first, first
    obituaries = [p for p in first if p.startswith("/news/") and any(
        w in p for w in ("nekrolog", "vazpomenanie", "pomen-", "tazhna-vest"))]  # fmt: skip
    assert len(obituaries) == 4, first
    assert not [p for p in nightly if p in obituaries], nightly
    assert not [url for url in article_rows(db) if "/news/" in url and any(
        w in url for w in ("nekrolog", "vazpomenanie", "pomen-", "tazhna-vest"))]  # fmt: skip
    assert len(article_rows(db)) == 8
