# ruff: noqa: E501  (HTML snippets read better on one line)
"""Listing pages: article links with and without a profile pattern, and generic paging."""

from __future__ import annotations

import dataclasses

import pytest

from newsarchive.discover.listings import article_links, next_page_url, page_url
from newsarchive.models import Profile
from newsarchive.profiles import get_profile

from .support import SITES

BARE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg", "x.bg"))


def _html(body: str) -> str:
    return f"<!DOCTYPE html><html><head></head><body>{body}</body></html>"


def test_bta_listing_by_pattern() -> None:
    html = (SITES / "bta" / "bg" / "news" / "bulgaria" / "index.html").read_text("utf-8")
    links = article_links(html, "https://www.bta.bg/bg/news/bulgaria", get_profile("bta"))
    assert links and all("/bg/news/" in c.url and c.url[-1] != "/" for c in links)
    assert len({c.url for c in links}) == len(links)
    assert all(c.source == "https://www.bta.bg/bg/news/bulgaria" for c in links)


def test_nsorb_listing_title_twice_and_more_link_give_one_candidate_each() -> None:
    html = (SITES / "nsorb" / "bg" / "aktualno" / "index.html").read_text("utf-8")
    links = article_links(html, "https://www.namrb.org/bg/aktualno", get_profile("nsorb"))
    assert [c.url.rsplit("-", 1)[-1] for c in links] == ["5133", "5130", "5126", "5121"]


def test_ruse24_pattern_skips_topics_videos_sport_and_sister_sites() -> None:
    html = (SITES / "ruse24" / "index.html").read_text("utf-8")
    urls = [c.url for c in article_links(html, "https://www.ruse24.bg/", get_profile("ruse24"))]
    assert all(u.startswith("https://www.ruse24.bg/novini/ruse/") for u in urls)
    assert not any("topics" in u or "videos" in u or "burgas24" in u for u in urls)


def test_alias_host_tracking_parameters_and_parameter_order_make_one_link() -> None:
    profile = dataclasses.replace(BARE, article_pattern=r"^/n/\d+")
    html = _html(
        '<a href="https://x.bg/n/1?utm_source=fb#top">a</a><a href="/n/1">b</a>'
        '<a href="/n/2?lang=bg&id=4">c</a><a href="/n/2?id=4&lang=bg">d</a>'
    )
    assert [c.url for c in article_links(html, "https://www.x.bg/", profile)] == [
        "https://x.bg/n/1",
        "https://www.x.bg/n/2?lang=bg&id=4",
    ]


def test_base_href_is_honoured() -> None:
    profile = dataclasses.replace(BARE, article_pattern=r"^/news/\d+$")
    html = '<html><head><base href="https://www.x.bg/news/"></head><body><a href="12">t</a>'
    assert [c.url for c in article_links(html, "https://www.x.bg/", profile)] == [
        "https://www.x.bg/news/12"
    ]


def test_generic_links_without_a_pattern() -> None:
    html = _html(
        """
        <nav class="main-menu"><a href="/za-obshtinata-i-neyniya-kmet">За общината и нейния кмет днес</a></nav>
        <div class="list">
          <div class="card"><a href="/obshtinata-remontira-tri-uchilishta">Общината ремонтира три училища през лятото</a></div>
          <div class="card"><a href="/novini/12345">Нова спирка на автобус 12 в квартал Дружба</a></div>
          <div class="card"><a href="/kratko">Кратко</a></div>
          <div class="card"><a href="/tag/remonti-i-stroitelstvo">Всички новини за ремонти и строителство</a></div>
          <div class="card"><a href="/files/otchet-za-2025-godina.pdf">Отчет за дейността през 2025 година</a></div>
          <div class="card"><a href="https://other.bg/chuzhda-novina-za-grada">Чужда новина за нашия град днес</a></div>
        </div>
        <footer><a href="/politika-za-poveritelnost-na-danni">Политика за поверителност на данните</a></footer>
        """
    )
    urls = [c.url for c in article_links(html, "https://www.x.bg/", BARE)]
    assert urls == [
        "https://www.x.bg/obshtinata-remontira-tri-uchilishta",
        "https://www.x.bg/novini/12345",
    ]


# --- paging --------------------------------------------------------------------------


def test_profile_template_pages() -> None:
    profile = get_profile("bta")
    start = "https://www.bta.bg/bg/news/bulgaria"
    assert next_page_url("", start, profile, 1) == start + "?p=2"
    assert next_page_url("", start + "?p=2", profile, 2) == start + "?p=3"
    assert page_url(start, "/page/{page}/", 3) == start + "/page/3/"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<a rel="next" href="/novini?page=2">2</a>', "/novini?page=2"),
        ('<a rel="prev nofollow next" href="/novini/2">›</a>', "/novini/2"),
        ('<div class="pages"><a href="/novini?page=2">Следваща »</a></div>', "/novini?page=2"),
        ('<a href="/novini?page=2">Следваща страница</a>', "/novini?page=2"),
        ('<a href="/novini?start=20">Напред</a>', "/novini?start=20"),
        ('<a href="/novini?page=2">»</a>', "/novini?page=2"),
        ('<a href="/novini?page=2">Next</a>', "/novini?page=2"),
        ('<a href="/novini?page=2" aria-label="Следваща"><svg></svg></a>', "/novini?page=2"),
        (
            "<ul><li>1</li><li><a href='/novini?page=2'>2</a></li>"
            "<li><a href='/novini?page=3'>3</a></li></ul>",
            "/novini?page=2",
        ),
    ],
)
def test_generic_next_link(body: str, expected: str) -> None:
    assert next_page_url(_html(body), "https://www.x.bg/novini", BARE, 1) == (
        "https://www.x.bg" + expected
    )


def test_rel_next_in_head() -> None:
    html = '<html><head><link rel="next" href="/n?page=3"></head><body></body></html>'
    assert next_page_url(html, "https://www.x.bg/n?page=2", BARE, 2) == "https://www.x.bg/n?page=3"


def test_page_number_is_the_one_after_the_current_page() -> None:
    html = _html("<a href='/n?page=1'>1</a><a href='/n?page=2'>2</a><a href='/n?page=3'>3</a>")
    assert next_page_url(html, "https://www.x.bg/n?page=2", BARE, 2) == "https://www.x.bg/n?page=3"


@pytest.mark.parametrize(
    "body",
    [
        "",
        "<a href='/n?page=1'>1</a><span>2</span>",  # last page
        "<a href='https://other.bg/n?page=2'>Следваща</a>",  # off-site
        "<a href='/n'>Следваща</a>",  # the page itself
        "<a href='/n?page=2'>Следваща новина за кмета</a>",  # a headline, not a pager
    ],
)
def test_no_next_page(body: str) -> None:
    assert next_page_url(_html(body), "https://www.x.bg/n", BARE, 1) is None


def test_a_next_link_to_an_article_is_not_a_page() -> None:
    profile = dataclasses.replace(BARE, article_pattern=r"^/n/[a-z-]+$")
    html = _html("<a href='/n/sledvashta-statiya'>»</a>")
    assert next_page_url(html, "https://www.x.bg/n", profile, 1) is None


def test_mirror_listings_page_generically() -> None:
    ruse = (SITES / "ruse-bg" / "novini" / "index.html").read_text("utf-8")
    assert next_page_url(ruse, "https://www.obshtinaruse.bg/novini", get_profile("ruse-bg"), 1) == (
        "https://www.obshtinaruse.bg/novini?page=2"
    )
    nsorb = SITES / "nsorb" / "bg" / "aktualno"
    first = (nsorb / "index.html").read_text("utf-8")
    last = (nsorb / "index@page=2.html").read_text("utf-8")
    url = "https://www.namrb.org/bg/aktualno"
    assert next_page_url(first, url, get_profile("nsorb"), 1) == url + "?page=2"
    assert next_page_url(last, url + "?page=2", get_profile("nsorb"), 2) is None


def test_listing_card_dates_become_listed_date() -> None:
    import datetime as dt

    html = (SITES / "nsorb" / "bg" / "aktualno" / "index.html").read_text("utf-8")
    links = article_links(html, "https://www.namrb.org/bg/aktualno", get_profile("nsorb"))
    assert [c.listed_date for c in links] == [
        dt.date(2025, 11, 24),
        dt.date(2025, 11, 20),
        dt.date(2025, 11, 18),
        dt.date(2025, 11, 14),
    ]


def test_a_neighbouring_cards_date_is_not_taken() -> None:
    import datetime as dt

    profile = dataclasses.replace(BARE, article_pattern=r"^/n/\d+$")
    html = _html(
        "<div class='list'>"
        "<div class='card'><a href='/n/1'>Първа новина</a></div>"
        "<div class='card'><a href='/n/2'>Втора новина</a><span>03.11.2025</span></div>"
        "</div>"
    )
    links = article_links(html, "https://www.x.bg/", profile)
    assert [(c.url[-1], c.listed_date) for c in links] == [("1", None), ("2", dt.date(2025, 11, 3))]


def test_a_lone_number_is_not_a_page_link() -> None:
    html = _html("<p>Коментари: <a href='/n/komentari'>2</a></p><p>Текст на статията тук.</p>")
    assert next_page_url(html, "https://www.x.bg/n", BARE, 1) is None
