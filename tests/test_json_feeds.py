"""JSON lists of posts read as feeds: WordPress's REST API and JSON Feed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.explore import rest_api_root
from newsarchive.discover.feeds import feed_links, read_feed
from newsarchive.discover.json_feeds import (
    MAX_WP_PAGES,
    is_wp_posts,
    json_entries,
    wp_posts_endpoint,
    wp_posts_next,
)
from newsarchive.fetch.sources import unexpected_kind
from newsarchive.models import Page, Profile

SITE = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg",))


@pytest.mark.parametrize(
    ("root", "endpoint"),
    [
        ("https://x.bg/wp-json/", "https://x.bg/wp-json/wp/v2/posts?per_page=100&_fields=link,date"),
        ("https://x.bg/blog/wp-json", "https://x.bg/blog/wp-json/wp/v2/posts?per_page=100&_fields=link,date"),
        # plain permalinks: the route travels in ``rest_route``
        ("https://x.bg/?rest_route=/", "https://x.bg/?rest_route=/wp/v2/posts&per_page=100&_fields=link,date"),
    ],
)  # fmt: skip
def test_the_posts_endpoint_under_either_spelling_of_the_api_root(root: str, endpoint: str) -> None:
    assert wp_posts_endpoint(root) == endpoint


def test_wordpress_posts_and_a_json_feed_give_their_links_and_dates() -> None:
    posts = [
        {"link": "https://x.bg/nov-avtobus-za-uchenitsite/", "date": "2026-11-26T15:40:00"},
        {"link": "https://x.bg/remont-na-patya-do-selo-pesachnik/", "date": "2026-11-12T08:45:00"},
        {"id": 7},  # no address: skipped
    ]
    entries = read_feed(json.dumps(posts).encode()).entries
    assert [(e.url, e.published) for e in entries] == [
        ("https://x.bg/nov-avtobus-za-uchenitsite/", dt.datetime(2026, 11, 26, 15, 40)),
        ("https://x.bg/remont-na-patya-do-selo-pesachnik/", dt.datetime(2026, 11, 12, 8, 45)),
    ]
    feed = {"version": "https://jsonfeed.org/version/1.1", "items": [
        {"id": "1", "url": "https://x.bg/a/", "date_published": "2026-11-20T10:00:00+02:00"},
    ]}  # fmt: skip
    (entry,) = read_feed(b"\xef\xbb\xbf" + json.dumps(feed).encode()).entries
    assert entry.url == "https://x.bg/a/" and entry.published is not None
    links = feed_links(json.dumps(posts).encode(), SITE, "feed").articles
    # (each with its moment: a page printing that day alone takes the time)
    assert [(c.url, c.listed_date) for c in links] == [
        ("https://x.bg/nov-avtobus-za-uchenitsite/", dt.datetime(2026, 11, 26, 15, 40)),
        ("https://x.bg/remont-na-patya-do-selo-pesachnik/", dt.datetime(2026, 11, 12, 8, 45)),
    ]


def test_a_json_feeds_next_url_is_its_next_page() -> None:
    """JSON Feed pages itself by ``next_url``, read as an Atom feed's ``rel="next"``; a
    relative one against the feed, as a feed's links are; a list of posts has none."""
    feed = {"version": "https://jsonfeed.org/version/1", "next_url": "feed.json?page=2",
            "items": [{"id": "1", "url": "https://x.bg/a/"}]}  # fmt: skip
    content = json.dumps(feed).encode()
    assert read_feed(content).next == "feed.json?page=2"
    assert feed_links(content, SITE, "https://x.bg/novini/feed.json").next == (
        "https://x.bg/novini/feed.json?page=2"
    )
    # one repeating the feed's folder without its slash, as the feed's entries are read
    # (``urls.from_site_root``): not /novini/novini/feed.json?page=2
    feed["next_url"] = "novini/feed.json?page=2"
    assert feed_links(json.dumps(feed).encode(), SITE, "https://x.bg/novini/feed.json").next == (
        "https://x.bg/novini/feed.json?page=2"
    )
    last = {"version": "https://jsonfeed.org/version/1", "next_url": " ", "items": feed["items"]}
    assert read_feed(json.dumps(last).encode()).next is None
    assert read_feed(b'[{"link": "https://x.bg/a/"}]').next is None


@pytest.mark.parametrize(
    "content",
    [b"<rss><channel></channel></rss>", b"[1, 2, 3]", b'{"code": "rest_forbidden"}', b"[{"],
)
def test_what_is_no_json_list_of_posts_is_not_one(content: bytes) -> None:
    assert json_entries(content, max_bytes=1000, max_entries=10) is None


def test_a_json_list_cut_at_the_byte_cap_is_not_read() -> None:
    posts = json.dumps([{"link": f"https://x.bg/p{n}/"} for n in range(50)]).encode()
    assert json_entries(posts, max_bytes=100, max_entries=10) is None


def test_entries_past_the_cap_are_cut_and_said() -> None:
    posts = [{"link": f"https://x.bg/p{n}/", "date": "2026-11-01"} for n in range(5)]
    feed = read_feed(json.dumps(posts).encode(), max_entries=3)
    assert [e.url for e in feed.entries] == [f"https://x.bg/p{n}/" for n in range(3)]
    assert feed.cut is not None


def test_the_api_root_a_page_announces_on_the_site() -> None:
    head = '<link rel="https://api.w.org/" href="https://x.bg/wp-json/">'
    tree = LexborHTMLParser(f"<html><head>{head}</head><body></body></html>")
    assert rest_api_root(tree, "https://x.bg/", SITE) == "https://x.bg/wp-json/"
    other = LexborHTMLParser('<link rel="https://api.w.org/" href="https://cdn.other.bg/wp-json/">')
    assert rest_api_root(other, "https://x.bg/", SITE) is None


def test_a_json_answer_is_a_feed_but_no_sitemap() -> None:
    page = Page(
        url="https://x.bg/wp-json/wp/v2/posts", final_url="https://x.bg/wp-json/wp/v2/posts",
        status=200, headers={"content-type": "application/json; charset=UTF-8"},
        content=b'[{"link": "https://x.bg/a/"}]', text="", encoding="utf-8",
        fetched_at=dt.datetime.now(dt.UTC),
    )  # fmt: skip
    assert unexpected_kind(page, "feed") is None
    assert unexpected_kind(page, "sitemap") is not None


def test_an_empty_answer_is_read_as_a_feed_or_sitemap_to_be_said_empty() -> None:
    """Nothing in it and no content type: "not XML" sent the reader to the wrong fault;
    read, it is said empty (``feeds.EMPTY``). A listing so answered is still refused."""
    page = Page(
        url="https://x.bg/sitemap.xml", final_url="https://x.bg/sitemap.xml", status=200,
        headers={}, content=b"\n", text="", encoding="utf-8",
        fetched_at=dt.datetime.now(dt.UTC),
    )  # fmt: skip
    assert unexpected_kind(page, "sitemap") is None
    assert unexpected_kind(page, "feed") is None
    assert unexpected_kind(page, "listing") == "empty response"


_POSTS = "https://x.bg/wp-json/wp/v2/posts?per_page=100&_fields=link,date"


@pytest.mark.parametrize(
    ("url", "total", "entries", "after"),
    [
        (_POSTS, "3", 100, f"{_POSTS}&page=2"),
        (f"{_POSTS}&page=2", "3", 100, f"{_POSTS}&page=3"),
        (f"{_POSTS}&page=3", "3", 100, None),  # the last page WordPress names
        (_POSTS, "1", 100, None),
        (_POSTS, None, 100, f"{_POSTS}&page=2"),  # no header: a full page goes on
        (_POSTS, None, 37, None),  # ... and one not full ends the list
        (f"{_POSTS}&page={MAX_WP_PAGES}", "900", 100, None),
        (
            "https://x.bg/?rest_route=/wp/v2/posts&per_page=100&_fields=link,date",
            "2",
            100,
            "https://x.bg/?rest_route=/wp/v2/posts&per_page=100&_fields=link,date&page=2",
        ),
        ("https://x.bg/feed/", "5", 100, None),  # no list of posts
        ("https://x.bg/wp-json/wp/v2/comments?per_page=100", "5", 100, None),
    ],
)
def test_the_next_page_of_the_list_of_posts_until_its_end(
    url: str, total: str | None, entries: int, after: str | None
) -> None:
    assert wp_posts_next(url, total, entries) == after


@pytest.mark.parametrize(
    ("url", "wordpress"),
    [
        (f"{_POSTS}&page=30", True),
        ("https://x.bg/?rest_route=/wp/v2/posts&page=30", True),
        ("https://x.bg/feed/?paged=30", False),
        ("https://x.bg/atom.xml?str=30", False),
    ],
)
def test_wordpress_list_of_posts_is_told_by_its_route(url: str, wordpress: bool) -> None:
    """WordPress's list of posts is paged to ``MAX_WP_PAGES``, not to a run's page cap:
    a failed page 30 of it is resumed by a nightly run capped at 25
    (``crawl_sources._reaches``), a feed's page 30 is not."""
    assert is_wp_posts(url) is wordpress
