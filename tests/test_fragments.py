# ruff: noqa: E501  (HTML snippets read better on one line)
"""A "load more" endpoint's JSON answer read as the listing page it stands for."""

from __future__ import annotations

import json

from newsarchive.discover.embedded import json_items
from newsarchive.discover.feeds import read_feed
from newsarchive.discover.fragments import as_listing
from newsarchive.discover.listings import article_links
from newsarchive.discover.next_pages import next_page_url
from newsarchive.models import Profile

SITE = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg",))
PAGE = "https://x.bg/api/saobshteniya?ot=3"


def _cards(numbers: range) -> str:
    return "".join(
        f'<div class="card"><a href="/saobshteniya/{n}-slug"><h3>Съобщение на общината за ремонта номер {n}</h3></a>'
        f'<span class="date">{n:02d}.11.2026</span></div>'
        for n in numbers
    )


def test_cards_markup_and_the_next_address_make_a_listing_page() -> None:
    answer = json.dumps({"html": _cards(range(14, 11, -1)), "next": "/api/saobshteniya?ot=6"})
    html = as_listing(answer, PAGE)
    assert html is not None
    links = article_links(html, PAGE, SITE)
    assert [c.url for c in links] == [f"https://x.bg/saobshteniya/{n}-slug" for n in (14, 13, 12)]
    assert next_page_url(html, PAGE, SITE, 2) == "https://x.bg/api/saobshteniya?ot=6"


def test_the_last_answer_has_no_next_page() -> None:
    html = as_listing(json.dumps({"html": _cards(range(3, 1, -1)), "next": None}), PAGE)
    assert html is not None and next_page_url(html, PAGE, SITE, 3) is None


def test_items_without_markup_and_a_nested_next_link() -> None:
    """JSON:API-style ``links.next`` beside a list of items with URL, title and date."""
    answer = {
        "data": [
            {"url": f"/saobshteniya/{n}-slug", "title": f"Съобщение на общината за ремонта номер {n}",
             "date": f"2026-11-{n:02d}"}
            for n in (20, 19, 18)
        ],
        "links": {"next": "https://x.bg/api/saobshteniya?page=3"},
    }  # fmt: skip
    html = as_listing(json.dumps(answer), PAGE)
    assert html is not None
    links = article_links(html, PAGE, SITE)
    assert [(c.url, c.listed_date and c.listed_date.day) for c in links] == [
        (f"https://x.bg/saobshteniya/{n}-slug", n) for n in (20, 19, 18)
    ]
    assert next_page_url(html, PAGE, SITE, 2) == "https://x.bg/api/saobshteniya?page=3"


def test_what_is_no_json_is_left_alone() -> None:
    assert as_listing("<html><body><p>{}</p></body></html>", PAGE) is None
    assert as_listing("{not json", PAGE) is None


def test_wordpress_rest_posts_are_read_with_their_rendered_titles() -> None:
    """WordPress's REST API (``/wp-json/wp/v2/posts``, a theme's "Зареди още" reads it)
    answers each post's title as ``{"rendered": "…"}``, HTML-escaped as the page prints
    it: the posts are items, titled as a person sees them."""
    answer = [
        {
            "id": n,
            "date": f"2026-11-{n:02d}T09:15:00",
            "link": f"https://x.bg/{n}-obyava/",
            "title": {
                "rendered": f"Обява &#8211; ремонт на улица &#8222;Васил Левски&#8220; № {n}"
            },
            "content": {"rendered": "<p>Текст на обявата.</p>", "protected": False},
            "excerpt": {"rendered": "<p>Текст</p>"},
        }
        for n in (20, 19, 18)
    ]
    html = as_listing(json.dumps(answer), "https://x.bg/wp-json/wp/v2/posts?page=2")
    assert html is not None
    links = article_links(html, PAGE, SITE)
    assert [(c.url, c.listed_date and c.listed_date.day) for c in links] == [
        (f"https://x.bg/{n}-obyava/", n) for n in (20, 19, 18)
    ]
    assert "ремонт на улица „Васил Левски“ № 20</a>" in html


def test_a_next_address_repeating_the_endpoints_folder_without_its_slash_is_followed() -> None:
    """``"next": "api/saobshteniya?ot=6"`` from ``/api/saobshteniya?ot=3`` is the site's
    ``/api/saobshteniya?ot=6`` (``urls.from_site_root``, as the page's links are read);
    before, a next field not starting with "/", "http" or "?" was never taken, and the
    list ended at its second page. A cursor or a page number is still no address."""
    answer = json.dumps({"html": _cards(range(14, 11, -1)), "next": "api/saobshteniya?ot=6"})
    html = as_listing(answer, PAGE)
    assert html is not None
    assert next_page_url(html, PAGE, SITE, 2) == "https://x.bg/api/saobshteniya?ot=6"
    for token in ("eyJpZCI6MTF9", "6", "saobshteniya-6"):
        html = as_listing(json.dumps({"html": _cards(range(14, 11, -1)), "next": token}), PAGE)
        assert html is not None and 'rel="next"' not in html


def test_a_rendered_title_reads_alike_as_a_load_more_answer_and_as_a_feed() -> None:
    """A WordPress REST ``{"rendered": …}`` title is read by one rule wherever it comes
    (``headlines.printed_title``): a "load more" answer's items (``embedded``) and the
    same answer read as a feed (``json_feeds``), each compared with the archived headline.
    Before, ``embedded`` unescaped once and joined the words a ``<br>`` parted."""
    rendered = (
        "Ремонт на&amp;nbsp;улица &amp;#8222;Васил Левски&amp;#8220;<br>започва  в понеделник"
    )
    answer = [
        {"id": 9, "date": "2026-11-20T09:15:00", "link": "https://x.bg/9-remont/",
         "title": {"rendered": rendered}}
    ]  # fmt: skip
    as_feed = read_feed(json.dumps(answer).encode()).entries
    items = json_items(answer, "https://x.bg/wp-json/wp/v2/posts")
    said = "Ремонт на улица „Васил Левски“ започва в понеделник"
    assert [e.title for e in as_feed] == [i.title for i in items] == [said]


def test_a_next_page_named_by_its_number_is_the_same_endpoint_with_that_number() -> None:
    """A "Зареди още" whose endpoint answers ``{"html": …, "next": 3}``: the script sends
    the number back in the field it asked this page by, so page 3 is ``?page=3`` (read
    as no address, the walk ended on the endpoint's page 2, composed seed 216)."""
    page = "https://x.bg/api/novini?page=2&lang=bg"
    for following in (3, "3"):
        answer = json.dumps({"html": _cards(range(14, 11, -1)), "next": following})
        html = as_listing(answer, page)
        assert html is not None
        assert next_page_url(html, page, SITE, 2) == "https://x.bg/api/novini?page=3&lang=bg"
    # the last page's null, a number not above this page's, a cursor: no next page
    for following in (None, 2, "eyJpZCI6NX0", True):
        html = as_listing(json.dumps({"html": _cards(range(3, 1, -1)), "next": following}), page)
        assert html is not None and next_page_url(html, page, SITE, 2) is None
    # an address carrying no page-number field: the number is the script's business
    html = as_listing(json.dumps({"html": _cards(range(3, 1, -1)), "next": 3}), PAGE)
    assert html is not None and next_page_url(html, PAGE, SITE, 2) is None


def test_a_bare_list_of_items_leads_to_the_next_number_until_one_answers_empty() -> None:
    """A "Зареди още" asking ``/api/novini?page=2`` answered by a bare list of
    ``{"title", "url", "date"}``: no field names a next page, and the script asks the
    next number until an answer is ``[]`` (composed seed 972: the oldest four of twelve
    never read, no link, feed or sitemap beside the button). The walk asks it too."""
    page = "https://x.bg/api/novini?page=2"
    answer = [
        {"title": "Нов автобус ще обслужва селата", "url": "/novini/nov-avtobus/",
         "date": "2026-11-20"}
    ]  # fmt: skip
    html = as_listing(json.dumps(answer), page)
    assert html is not None and "/novini/nov-avtobus/" in html
    assert next_page_url(html, page, SITE, 2) == "https://x.bg/api/novini?page=3"
    # the empty answer ends it, as an address with no page-number field does
    html = as_listing("[]", "https://x.bg/api/novini?page=3")
    assert html is not None and next_page_url(html, page, SITE, 3) is None
    html = as_listing(json.dumps(answer), "https://x.bg/api/novini")
    assert html is not None and next_page_url(html, "https://x.bg/api/novini", SITE, 2) is None
    # ``p`` is a post's id where a pager's word is none (``pager_words``): no page field
    html = as_listing(json.dumps(answer), "https://x.bg/api/novini?p=2")
    assert html is not None and next_page_url(html, "https://x.bg/api/novini?p=2", SITE, 2) is None
