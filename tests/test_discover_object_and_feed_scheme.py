"""Two ways an old site's page leads to its news that exploring did not read: a "Новини"
page embedding its list as ``<object type="text/html" data="novini_spisak.php">`` (the
way before ``<iframe>``; brezovets: no news found at all), and an "RSS" link written
with the ``feed:`` scheme, ``feed://lozitsa.bg/rss.php``, the only way to a feed holding
the news older than the newest three the site shows (lozitsa: 3 of 9 archived)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.explore import declared_feeds, feed_pages, frame_sources
from newsarchive.discover.urls import feed_scheme_target
from newsarchive.models import Profile

SITE = Profile(id="x", name="x", origin="http://www.x.bg", hosts=("www.x.bg",))


def _body(html: str) -> LexborHTMLParser:
    return LexborHTMLParser(f"<html><head></head><body>{html}</body></html>")


def test_an_object_or_embed_of_a_page_is_read_as_a_frame() -> None:
    for html in (
        '<object type="text/html" data="novini_spisak.php" width="100%"><p>Няма</p></object>',
        '<object data="/novini_spisak.php"></object>',  # no type, no file: a page
        '<object type="text/html; charset=utf-8" data="novini_spisak.php"></object>',
        '<embed type="text/html" src="novini_spisak.php">',
    ):
        found = frame_sources(_body(html), "http://www.x.bg/novini.php", SITE)
        assert found == ["http://www.x.bg/novini_spisak.php"], html


def test_an_object_of_a_file_a_video_or_another_site_is_no_page() -> None:
    for html in (
        '<object type="application/x-shockwave-flash" data="/banner.swf"></object>',
        '<object data="/files/byudzhet.pdf"></object>',
        '<object type="video/mp4" data="/video/praznik"></object>',
        '<object type="text/html" data="https://other.bg/widget"></object>',
        '<embed src="/reklama">',  # no type: a plugin's, not said to be a page
    ):
        assert frame_sources(_body(html), "http://www.x.bg/novini.php", SITE) == [], html


def test_a_feed_scheme_names_the_web_address() -> None:
    assert feed_scheme_target("feed://www.x.bg/rss.php") == "http://www.x.bg/rss.php"
    assert feed_scheme_target("FEED:https://www.x.bg/rss") == "https://www.x.bg/rss"
    assert feed_scheme_target(" feed:http://www.x.bg/rss ") == "http://www.x.bg/rss"
    assert feed_scheme_target("/rss.php") == "/rss.php"
    assert feed_scheme_target("feedback.php") == "feedback.php"
    assert feed_scheme_target("feed:rss.php") == "feed:rss.php"  # no address: left alone


def test_an_rss_link_written_with_the_feed_scheme_is_a_feed() -> None:
    page = _body('<p><a class="rss" href="feed://www.x.bg/rss.php"><img alt=""> RSS</a></p>')
    assert feed_pages(page, "http://www.x.bg/", SITE) == ["http://www.x.bg/rss.php"]
    head = LexborHTMLParser(
        '<html><head><link rel="alternate" type="application/rss+xml" title="Новини"'
        ' href="feed:https://www.x.bg/rss"></head><body></body></html>'
    )
    assert declared_feeds(head, "http://www.x.bg/", SITE) == ["https://www.x.bg/rss"]
