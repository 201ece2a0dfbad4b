"""RSS, Atom and sitemaps as they arrive from real servers: odd encodings, gzip, broken XML."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.archive.frontier import listed_kind
from newsarchive.discover.feeds import (
    FeedEntry,
    feed_links,
    parse_feed,
    posts_children,
    read_feed,
)
from newsarchive.mirror import MirrorServer
from newsarchive.models import SOURCE_NEWS_SITEMAP, Profile

from .support import SITES, Result

EEST = dt.timezone(dt.timedelta(hours=3))
EET = dt.timezone(dt.timedelta(hours=2))


def test_bta_rss_fixture() -> None:
    entries = parse_feed((SITES / "bta" / "bg" / "news" / "bulgaria" / "rss.xml").read_bytes())
    assert entries[0] == FeedEntry(
        "https://www.bta.bg/bg/news/bulgaria/1180085-obshtina-ruse-nabira-60-domashni-pomoshtnitsi-za-uslugata-grizha-v-doma",
        dt.datetime(2026, 6, 21, 12, 14, 3, tzinfo=EEST),
    )
    assert all(not e.is_sitemap for e in entries)


def test_ruse24_rss_fixture() -> None:
    entries = parse_feed((SITES / "ruse24" / "rss.php@cat=1.xml").read_bytes())
    assert [e.url.rsplit("-", 1)[-1] for e in entries] == ["2822575", "2822514"]
    assert entries[0].published == dt.datetime(2025, 11, 22, 15, 40, tzinfo=EET)


def test_rss_item_link_after_an_atom_link_and_a_bom() -> None:
    feed = (
        b'\xef\xbb\xbf<?xml version="1.0"?>\n<rss xmlns:atom="http://www.w3.org/2005/Atom">'
        b'<channel><item><atom:link href="https://x.bg/self"/>'
        b"<link>https://x.bg/a-1</link><pubDate>Mon, 15 Dec 2025 10:00:00 +0200</pubDate>"
        b"</item></channel></rss>"
    )
    assert parse_feed(feed) == [
        FeedEntry("https://x.bg/a-1", dt.datetime(2025, 12, 15, 10, 0, tzinfo=EET))
    ]


def test_rss_guid_is_used_only_when_it_is_a_permalink() -> None:
    feed = (
        b"<rss><channel>"
        b'<item><guid isPermaLink="false">id-123</guid></item>'
        b"<item><guid>https://x.bg/b-2</guid></item>"
        b"</channel></rss>"
    )
    assert [e.url for e in parse_feed(feed)] == ["https://x.bg/b-2"]


def test_rss_in_windows_1251() -> None:
    feed = (
        '<?xml version="1.0" encoding="windows-1251"?><rss><channel><item>'
        "<title>Новина</title><link>https://x.bg/novina-1</link>"
        "</item></channel></rss>"
    ).encode("cp1251")
    assert [e.url for e in parse_feed(feed)] == ["https://x.bg/novina-1"]


def test_rss_1_rdf_and_dc_date() -> None:
    feed = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
        xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <item rdf:about="https://x.bg/c-3"><title>t</title><dc:date>2025-12-15T08:00:00+02:00</dc:date></item>
    </rdf:RDF>"""
    assert parse_feed(feed) == [
        FeedEntry("https://x.bg/c-3", dt.datetime(2025, 12, 15, 8, 0, tzinfo=EET))
    ]


def test_atom_prefers_the_alternate_link() -> None:
    feed = b"""<feed xmlns="http://www.w3.org/2005/Atom">
      <entry><link rel="self" href="https://x.bg/api/1"/>
        <link rel="alternate" href="https://x.bg/d-4"/><updated>2025-12-01T09:00:00Z</updated>
      </entry>
      <entry><link href="https://x.bg/e-5"/><published>2025-12-02</published></entry>
    </feed>"""
    assert parse_feed(feed) == [
        FeedEntry("https://x.bg/d-4", dt.datetime(2025, 12, 1, 9, 0, tzinfo=dt.UTC)),
        FeedEntry("https://x.bg/e-5", dt.date(2025, 12, 2)),
    ]


def test_atom_relative_links_resolve_against_xml_base_then_the_feed() -> None:
    """RFC 4287 lets an entry's link be relative; a hand-written CMS feed often is."""
    feed = b"""<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.x.bg/novini/">
      <link rel="self" href="atom.xml"/>
      <entry><link rel="alternate" href="statiya/12"/><published>2026-11-29</published></entry>
      <entry xml:base="/arhiv/"><link href="13"/></entry>
    </feed>"""
    assert [e.url for e in parse_feed(feed)] == [
        "https://www.x.bg/novini/statiya/12",
        "https://www.x.bg/arhiv/13",
    ]
    bare = b"""<feed xmlns="http://www.w3.org/2005/Atom">
      <entry><link href="statiya/1214"/></entry></feed>"""
    profile = Profile(id="x", name="x", origin="https://www.x.bg")
    links = feed_links(bare, profile, "feed", base="https://www.x.bg/novini/atom.xml")
    assert [c.url for c in links.articles] == ["https://www.x.bg/novini/statiya/1214"]


def test_a_malformed_xml_base_or_link_loses_only_itself() -> None:
    """urljoin raises on "http://[x": that used to end the parse, so one bad entry (or a
    bad xml:base) cost every entry after it."""
    feed = b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.x.bg/novini/">
      <entry><link href="http://[x/novini/obshtina-prie-drug-byudzhet"/></entry>
      <entry xml:base="http://[bad/"><link href="obshtina-prie-byudzhet-2"/></entry>
      <entry><link href="obshtina-prie-byudzhet-3"/></entry>
    </feed>"""
    profile = Profile(id="x", name="x", origin="https://www.x.bg")
    links = feed_links(feed, profile, "feed", base="https://www.x.bg/novini/atom.xml")
    assert [c.url for c in links.articles] == [
        "https://www.x.bg/novini/obshtina-prie-byudzhet-2",
        "https://www.x.bg/novini/obshtina-prie-byudzhet-3",
    ]


def test_an_xml_base_ends_with_its_element() -> None:
    """xml:base on the header's <author> applies inside it only, not to the entries."""
    feed = b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.x.bg/novini/">
      <author xml:base="https://people.example.com/"><name>X</name></author>
      <entry><link href="statiya/12"/></entry>
    </feed>"""
    assert [e.url for e in parse_feed(feed)] == ["https://www.x.bg/novini/statiya/12"]


def test_sitemap_urlset_with_lastmod_and_news_dates() -> None:
    sitemap = b"""<?xml version="1.0" encoding="UTF-8"?>
    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://x.bg/f-6</loc><lastmod>2025-11-30</lastmod></url>
      <url><loc>https://x.bg/g-7</loc><news:news>
        <news:publication_date>2025-11-29T10:00:00+02:00</news:publication_date></news:news></url>
      <url><loc>https://x.bg/f-6</loc></url>
    </urlset>"""
    assert parse_feed(sitemap) == [
        FeedEntry("https://x.bg/f-6", dt.date(2025, 11, 30)),
        FeedEntry(
            "https://x.bg/g-7",
            dt.datetime(2025, 11, 29, 10, 0, tzinfo=EET),
            news=True,
            first_published=True,
        ),
    ]


def test_a_news_sitemaps_publication_date_dates_its_entry_as_a_feeds_does() -> None:
    """bistrilitsa: a Google News entry's ``<news:publication_date>`` is when the story
    came out, before a ``<lastmod>`` beside it (when the page last changed), and its
    candidate's source says so (``SOURCE_NEWS_SITEMAP``), so the frontier takes that
    moment for a publication date (``listed_kind`` "feed") and the page printing that
    day alone is dated to the minute; a plain ``<lastmod>`` entry is a sitemap's still."""
    sitemap = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://www.x.bg/statii/nov-park-otvori.html</loc><lastmod>2026-11-30</lastmod>
        <news:news><news:publication><news:name>X</news:name><news:language>bg</news:language>
        </news:publication><news:publication_date>2026-11-28T08:17:00+02:00</news:publication_date>
        <news:title>T</news:title></news:news></url>
      <url><loc>https://www.x.bg/statii/staroto-kino-zatvori.html</loc><lastmod>2026-11-27</lastmod></url>
    </urlset>"""
    site = Profile(id="x", name="X", origin="https://www.x.bg", hosts=("www.x.bg",))
    read = feed_links(sitemap, site, "sitemap", base="https://www.x.bg/news.xml.gz")
    news, plain = read.articles
    assert news.listed_date == dt.datetime(2026, 11, 28, 8, 17, tzinfo=EET)
    assert news.source == SOURCE_NEWS_SITEMAP
    assert listed_kind(news.source) == "feed"
    assert (plain.listed_date, plain.source) == (dt.date(2026, 11, 27), "sitemap")
    assert listed_kind(plain.source) is None


@pytest.mark.parametrize(
    ("lastmod", "date"),
    [
        ("28.11.2026 14:05", dt.datetime(2026, 11, 28, 14, 5)),
        ("28/11/2026", dt.date(2026, 11, 28)),
        ("2026-11-28 14:05:00", dt.datetime(2026, 11, 28, 14, 5)),
        ("вчера", None),
        ("nope", None),
    ],
)
def test_a_lastmod_a_cms_printed_in_its_own_format_is_read_day_first(
    lastmod: str, date: dt.date | None
) -> None:
    """kesten: "28.11.2026 14:05" is the day the page changed, as much as the W3C's form
    is; unread, ``--since`` would ask for every old page again. "вчера" says no day."""
    sitemap = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
        f"<loc>https://x.bg/novini/5-park</loc><lastmod>{lastmod}</lastmod></url></urlset>"
    ).encode()
    assert parse_feed(sitemap) == [FeedEntry("https://x.bg/novini/5-park", date)]


@pytest.mark.parametrize(
    ("pub_date", "date"),
    [
        ("28.11.2026 10:30", dt.datetime(2026, 11, 28, 10, 30)),
        ("Sat, 28 Nov 2026 10:30:00 +0200", dt.datetime(2026, 11, 28, 10, 30, tzinfo=EET)),
        ("1970-01-01T00:00:00Z", None),  # a zero Unix time says "none", read either way
        ("вчера", None),
    ],
)
def test_a_pub_date_a_cms_printed_in_its_own_format_dates_the_item(
    pub_date: str, date: dt.datetime | None
) -> None:
    """lavar: its articles print no date; the feed's "28.11.2026 10:30" is their date."""
    feed = (
        '<rss version="2.0"><channel><item><link>https://x.bg/novina.php?id=5</link>'
        f"<pubDate>{pub_date}</pubDate></item></channel></rss>"
    ).encode()
    assert parse_feed(feed) == [FeedEntry("https://x.bg/novina.php?id=5", date)]


@pytest.mark.parametrize(
    ("printed", "date"),
    [
        ("4/3/2026 2:35:00 PM", dt.datetime(2026, 4, 3, 14, 35)),
        ("11/28/2026 9:05 AM", dt.datetime(2026, 11, 28, 9, 5)),
        ("12/1/2026 12:10:00 AM", dt.datetime(2026, 12, 1, 0, 10)),
    ],
)
def test_a_date_printed_with_am_or_pm_is_month_first(printed: str, date: dt.datetime) -> None:
    """.NET's default date on a server set to English ("4/3/2026 2:35:00 PM", an ASP.NET
    CMS's feed or sitemap) is month-first: read day-first as every Bulgarian date, April's
    3rd was the 4th of March (an article then older than a --since it is not), and the
    afternoon was the night."""
    feed = (
        '<rss version="2.0"><channel><item><link>https://x.bg/novina.aspx?id=5</link>'
        f"<pubDate>{printed}</pubDate></item></channel></rss>"
    ).encode()
    assert parse_feed(feed) == [FeedEntry("https://x.bg/novina.aspx?id=5", date)]
    sitemap = (
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url>'
        f"<loc>https://x.bg/novina.aspx?id=5</loc><lastmod>{printed}</lastmod></url></urlset>"
    ).encode()
    assert parse_feed(sitemap) == [FeedEntry("https://x.bg/novina.aspx?id=5", date)]


@pytest.mark.parametrize(
    "declaration", ['<?xml version="1.0"?>', '<?xml version="1.0" encoding="utf-8"?>', ""]
)
def test_a_feed_in_windows_1251_declaring_no_such_thing_is_read_whole(declaration: str) -> None:
    """treva: an old CMS's RSS in windows-1251 under a bare (or a UTF-8) declaration broke
    at its first Cyrillic letter, and only its links were read, undated."""
    feed = (
        f'{declaration}<rss version="2.0"><channel><title>Община Трева</title><item>'
        "<title>Нов парк</title><link>https://x.bg/novina.php?id=5</link>"
        "<pubDate>Sat, 28 Nov 2026 09:00:00 +0200</pubDate></item></channel></rss>"
    ).encode("cp1251")
    moment = dt.datetime(2026, 11, 28, 9, 0, tzinfo=EET)
    assert parse_feed(feed) == [FeedEntry("https://x.bg/novina.php?id=5", moment)]
    assert parse_feed(gzip.compress(feed)) == [FeedEntry("https://x.bg/novina.php?id=5", moment)]


def test_a_utf8_feed_with_a_letter_cut_in_half_keeps_its_cyrillic_links() -> None:
    """A PHP ``substr()`` cutting a description inside a Cyrillic letter breaks the parser
    on a UTF-8 feed: read again as windows-1251, its links' raw Cyrillic paths came out as
    mojibake ("/РЅРѕРІРёРЅРё/", an address of no page). Read again as the UTF-8 it is, the
    broken letter replaced, the items keep their links and their dates."""
    cut = "Общинският съвет прие бюджета".encode()[:-1]
    feed = (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Община'
        "</title><item><title>Нов парк</title><link>https://x.bg/новини/нов-парк</link>"
        "<description>".encode()
        + cut
        + b"</description><pubDate>Sat, 28 Nov 2026 09:00:00 +0200</pubDate></item>"
        + b"</channel></rss>"
    )
    moment = dt.datetime(2026, 11, 28, 9, 0, tzinfo=EET)
    assert parse_feed(feed) == [FeedEntry("https://x.bg/новини/нов-парк", moment)]


def test_an_items_link_to_the_front_page_gives_way_to_its_permalink_guid() -> None:
    """A CMS writing the channel's link into every item (``<link>https://x.bg/</link>``)
    names each post only in its guid; an item with nothing else keeps the front page
    (no article either way), and a real link still wins over the guid."""
    rss = b"""<rss version="2.0"><channel><link>https://www.x.bg/</link>
      <item><link>https://www.x.bg/</link><guid>https://www.x.bg/novina/88</guid></item>
      <item><link>https://www.x.bg/index.php</link><guid isPermaLink="false">88-b</guid></item>
      <item><link>https://www.x.bg/novina/86</link><guid>https://www.x.bg/novina/9</guid></item>
    </channel></rss>"""
    assert [e.url for e in parse_feed(rss)] == [
        "https://www.x.bg/novina/88",
        "https://www.x.bg/index.php",
        "https://www.x.bg/novina/86",
    ]


def test_a_news_sitemaps_entries_are_articles_whatever_their_shape() -> None:
    """``<news:news>`` says the entry is news (Google News sitemaps list nothing else):
    ``/a/318``, which the generic guess takes for a section, is an article; a plain
    entry of that shape, a file, or one a profile's article pattern refuses is not."""
    sitemap = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
      <url><loc>https://www.x.bg/a/318</loc><news:news><news:title>T</news:title></news:news></url>
      <url><loc>https://www.x.bg/a/317</loc></url>
      <url><loc>https://www.x.bg/a/plan.pdf</loc><news:news><news:title>T</news:title></news:news></url>
      <url><loc>https://other.bg/a/316</loc><news:news><news:title>T</news:title></news:news></url>
    </urlset>"""
    site = Profile(id="x", name="X", origin="https://www.x.bg", hosts=("www.x.bg",))
    read = feed_links(sitemap, site, "sitemap")
    assert [c.url for c in read.articles] == ["https://www.x.bg/a/318"]
    assert read.news == {"https://www.x.bg/a/318"}
    patterned = Profile(id="x", name="X", origin="https://www.x.bg", article_pattern=r"^/novini/")
    assert feed_links(sitemap, patterned, "sitemap").articles == []


def test_a_sitemaps_copy_of_a_bulgarian_page_in_another_language_is_no_entry() -> None:
    """A ``<url>`` whose own ``xhtml:link hreflang`` names another language, beside a
    Bulgarian alternate at another address, is that page's translation; a page in
    English with no Bulgarian alternate (an English service), or one whose own
    language is Bulgarian, stays, and so does one naming languages only as x-default."""
    sitemap = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
            xmlns:xhtml="http://www.w3.org/1999/xhtml">
      <url><loc>https://www.x.bg/novini/koleden-bazar/</loc>
        <xhtml:link rel="alternate" hreflang="bg" href="https://www.x.bg/novini/koleden-bazar/"/>
        <xhtml:link rel="alternate" hreflang="en" href="https://www.x.bg/novini/christmas-bazaar/"/>
      </url>
      <url><loc>https://www.x.bg/novini/christmas-bazaar/</loc>
        <xhtml:link rel="alternate" hreflang="bg-BG" href="https://www.x.bg/novini/koleden-bazar/"/>
        <xhtml:link rel="alternate" hreflang="en-GB" href="https://www.x.bg/novini/christmas-bazaar/"/>
      </url>
      <url><loc>https://www.x.bg/novini/english-service-news/</loc>
        <xhtml:link rel="alternate" hreflang="en" href="https://www.x.bg/novini/english-service-news/"/>
      </url>
      <url><loc>https://www.x.bg/novini/nova-sportna-zala/</loc>
        <xhtml:link rel="alternate" hreflang="x-default" href="https://www.x.bg/novini/nova-sportna-zala/"/>
        <xhtml:link rel="alternate" hreflang="bg" href="https://www.x.bg/novini/sportna-zala/"/>
      </url>
    </urlset>"""
    assert [e.url for e in read_feed(sitemap).entries] == [
        "https://www.x.bg/novini/koleden-bazar/",
        "https://www.x.bg/novini/english-service-news/",
        "https://www.x.bg/novini/nova-sportna-zala/",
    ]


@pytest.mark.parametrize(
    ("sitemap_url", "posts"),
    [
        ("https://www.x.bg/post-sitemap.xml", True),  # Yoast, Rank Math, All in One SEO
        ("https://www.x.bg/post-sitemap3.xml", True),
        ("https://www.x.bg/wp-sitemap-posts-post-1.xml", True),  # WordPress's own
        ("https://www.x.bg/sitemap-pt-post-2026-11.xml", True),  # Google XML Sitemaps
        ("https://www.x.bg/page-sitemap.xml", False),
        ("https://www.x.bg/wp-sitemap-posts-page-1.xml", False),
        ("https://www.x.bg/sitemap.xml", False),
    ],
)
def test_a_wordpress_posts_sitemaps_entries_are_articles_whatever_their_shape(
    sitemap_url: str, posts: bool
) -> None:
    """WordPress's sitemap of posts, by the name its plugin gives it, says every entry is
    a post: ``/koleden-bazar/``, two words at the root, which the generic guess takes for
    a page, is an article there and not in a sitemap of pages; files are never."""
    sitemap = b"""<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <url><loc>https://www.x.bg/koleden-bazar/</loc></url>
      <url><loc>https://www.x.bg/wp-content/uploads/plan.pdf</loc></url>
    </urlset>"""
    site = Profile(id="x", name="X", origin="https://www.x.bg", hosts=("www.x.bg",))
    read = feed_links(sitemap, site, "sitemap", base=sitemap_url)
    assert [c.url for c in read.articles] == (["https://www.x.bg/koleden-bazar/"] if posts else [])
    assert read.news == ({"https://www.x.bg/koleden-bazar/"} if posts else set())


@pytest.mark.parametrize(
    ("guid", "post"),
    [
        ("https://www.x.bg/?p=5400", True),  # WordPress's guid of a post
        ("http://old.x.bg/blog/?p=12", True),  # in a folder, the host of its day
        ("https://www.x.bg/?page_id=12", False),  # a page's
        ("https://www.x.bg/?post_type=sp_event&p=77", False),  # another post type's
        ("https://www.x.bg/?p=5400&lang=en", False),
        ("5400", False),
    ],
)
def test_a_wordpress_feeds_item_its_guid_names_a_post_is_an_article_whatever_its_shape(
    guid: str, post: bool
) -> None:
    """WordPress's guid ``/?p=<id>`` says the item is a post: ``/voleybol/turnir-vav-varna/``
    (two words, a category of one post: no guess, no shape) is an article then, in RSS
    and in Atom alike; a live text filed under "На живо" stays out by its category, and
    an address of no article (a tag's page) is none whatever its guid."""
    rss = f"""<?xml version="1.0"?><rss version="2.0"><channel>
      <item><title>Турнир</title><link>https://www.x.bg/voleybol/turnir-varna/</link>
        <guid isPermaLink="false">{guid}</guid><category>Волейбол</category></item>
      <item><title>Живо</title><link>https://www.x.bg/na-zhivo/derbito/</link>
        <guid isPermaLink="false">https://www.x.bg/?p=5401</guid><category>На живо</category></item>
      <item><title>Етикет</title><link>https://www.x.bg/tag/voleybol/</link>
        <guid isPermaLink="false">https://www.x.bg/?p=5402</guid></item>
    </channel></rss>""".encode()
    atom = f"""<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">
      <entry><title>Турнир</title><link href="https://www.x.bg/voleybol/turnir-varna/"/>
        <id>{guid}</id></entry></feed>""".encode()
    site = Profile(id="x", name="X", origin="https://www.x.bg", hosts=("www.x.bg",))
    want = ["https://www.x.bg/voleybol/turnir-varna/"] if post else []
    for content in (rss, atom):
        read = feed_links(content, site, "feed", base="https://www.x.bg/feed/")
        assert [c.url for c in read.articles] == want


@pytest.mark.parametrize(
    ("children", "read"),
    [
        # WordPress's own index: the posts' map, not the pages', a custom post type's (a
        # tourist centre's sights), a taxonomy's or the users'; a type named news is read
        (
            ["wp-sitemap-posts-post-1.xml", "wp-sitemap-posts-page-1.xml",
             "wp-sitemap-posts-zabelezhitelnost-1.xml", "wp-sitemap-posts-novini-1.xml",
             "wp-sitemap-taxonomies-category-1.xml", "wp-sitemap-users-1.xml"],
            ["wp-sitemap-posts-post-1.xml", "wp-sitemap-posts-novini-1.xml"],
        ),
        # a news type named by one item, as a type is named: read, whatever the plugin
        (
            ["wp-sitemap-posts-post-1.xml", "wp-sitemap-posts-novina-1.xml",
             "wp-sitemap-posts-zabelezhitelnost-1.xml"],
            ["wp-sitemap-posts-post-1.xml", "wp-sitemap-posts-novina-1.xml"],
        ),
        (
            ["post-sitemap.xml", "news-item-sitemap.xml", "news_item-sitemap2.xml",
             "newsitem-sitemap.xml", "marshrut-sitemap.xml"],
            ["post-sitemap.xml", "news-item-sitemap.xml", "news_item-sitemap2.xml",
             "newsitem-sitemap.xml"],
        ),
        (
            ["sitemap-pt-post-2026-11.xml", "sitemap-pt-novina-2026-11.xml",
             "sitemap-pt-hotel-2026-11.xml"],
            ["sitemap-pt-post-2026-11.xml", "sitemap-pt-novina-2026-11.xml"],
        ),
        # Yoast's: its pages', categories' and authors' maps hold no posts, its news' does
        (
            ["post-sitemap.xml", "post-sitemap2.xml", "page-sitemap.xml",
             "category-sitemap.xml", "author-sitemap.xml", "news-sitemap.xml"],
            ["post-sitemap.xml", "post-sitemap2.xml", "news-sitemap.xml"],
        ),
        # no map of posts: the news may be a custom type of any name, every child is read
        (
            ["wp-sitemap-posts-page-1.xml", "wp-sitemap-posts-obyava-1.xml"],
            ["wp-sitemap-posts-page-1.xml", "wp-sitemap-posts-obyava-1.xml"],
        ),
        # not WordPress's names: read
        (["post-sitemap.xml", "sitemap-misc.xml", "sitemap-2026-11.xml"],
         ["post-sitemap.xml", "sitemap-misc.xml", "sitemap-2026-11.xml"]),
    ],
)  # fmt: skip
def test_a_wordpress_index_beside_its_posts_map_reads_no_map_holding_no_posts(
    children: list[str], read: list[str]
) -> None:
    """Where WordPress's index lists the map of posts, the posts are there: a map of
    pages, of another post type (round 114's ticbelovir: its sights, pages of history
    archived as articles by the shape its home page's grid taught), of terms or of users
    holds none, and is not read; a post type named as news is."""
    index = "".join(f"<sitemap><loc>https://www.x.bg/{name}</loc></sitemap>" for name in children)
    body = (
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>'
    )
    site = Profile(id="x", name="X", origin="https://www.x.bg", hosts=("www.x.bg",))
    got = feed_links(body.encode(), site, "sitemap", base="https://www.x.bg/wp-sitemap.xml")
    # every child named (robots.txt's line for one is not read on its own), not every read
    assert len(got.sitemaps) == len(children)
    kept = posts_children(got.sitemaps)
    assert [child.url.removeprefix("https://www.x.bg/") for child in kept] == read


@pytest.mark.parametrize(
    ("stamps", "kind", "listed"),
    [
        # one stamp on every page: when the file was written, no page's date
        (["2025-03-14T08:00:00+02:00"] * 3, "sitemap", [None] * 3),
        (["2025-03-14"] * 3, "sitemap", [None] * 3),  # a day alone, as the README says
        # each page its own day, or two pages only: each page's
        (
            ["2026-11-28", "2026-11-25", "2026-11-25"],
            "sitemap",
            ["2026-11-28", "2026-11-25", "2026-11-25"],
        ),
        (["2026-11-28"] * 2, "sitemap", ["2026-11-28"] * 2),
        # a feed's one midnight for the items of one day is their publication day
        (["Sat, 28 Nov 2026 00:00:00 +0200"] * 3, "feed", ["2026-11-28"] * 3),
    ],
)
def test_a_sitemap_giving_every_page_one_lastmod_dates_none_of_them(
    stamps: list[str], kind: str, listed: list[str | None]
) -> None:
    site = Profile(id="x", name="X", origin="https://www.x.bg", hosts=("www.x.bg",))
    slugs = ["nov-park-v-tsentara", "remont-na-ulitsite-v-kvartala", "koleden-bazar-na-ploshtada"]
    if kind == "sitemap":
        rows = "".join(
            f"<url><loc>https://www.x.bg/novini/{slug}</loc><lastmod>{stamp}</lastmod></url>"
            for slug, stamp in zip(slugs, stamps, strict=False)
        )
        document = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{rows}</urlset>'
    else:
        rows = "".join(
            f"<item><title>T</title><link>https://www.x.bg/novini/{slug}</link>"
            f"<pubDate>{stamp}</pubDate></item>"
            for slug, stamp in zip(slugs, stamps, strict=False)
        )
        document = f'<rss version="2.0"><channel><title>X</title>{rows}</channel></rss>'
    read = feed_links(document.encode(), site, kind)
    found = [c.listed_date.isoformat() if c.listed_date else None for c in read.articles]
    assert found == listed


def test_sitemap_index_gzip() -> None:
    index = b"""<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://x.bg/sitemap-1.xml.gz</loc><lastmod>2025-12-01</lastmod></sitemap>
      <sitemap><loc>https://x.bg/sitemap-2.xml</loc></sitemap>
    </sitemapindex>"""
    entries = parse_feed(gzip.compress(index))
    assert [(e.url, e.is_sitemap) for e in entries] == [
        ("https://x.bg/sitemap-1.xml.gz", True),
        ("https://x.bg/sitemap-2.xml", True),
    ]


def test_truncated_gzip_and_html_and_garbage_give_nothing() -> None:
    assert parse_feed(gzip.compress(b"<urlset><url><loc>https://x.bg/a</loc></url>")[:20]) == []
    assert parse_feed(b"<!DOCTYPE html><html><head><link rel='x' href='/y'></head></html>") == []
    assert parse_feed(b"") == []
    assert parse_feed(b"\x00\x01\x02") == []


def test_entities_are_refused() -> None:
    bomb = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]>
    <rss><channel><item><link>https://x.bg/&b;</link></item></channel></rss>"""
    assert parse_feed(bomb) == []


def test_broken_xml_falls_back_to_links_by_regex() -> None:
    broken = (
        b"<rss><channel><item><title>A & B</title><link>https://x.bg/h-8?a=1&amp;b=2</link>"
        b"</item><item><link><![CDATA[https://x.bg/i-9]]></link></item>"
    )
    assert [e.url for e in parse_feed(broken)] == ["https://x.bg/h-8?a=1&b=2", "https://x.bg/i-9"]


def test_a_text_sitemap_is_one_url_a_line() -> None:
    """The sitemaps protocol's plain-text form (``sitemap.txt``, gzipped or not, CRLF or
    LF): every line that is an absolute URL, blank lines and a stray note skipped."""
    text = (
        b"\xef\xbb\xbf\nhttps://x.bg/novina.php?id=41\r\n\r\nhttps://x.bg/novina.php?id=40\n"
        b"# generated nightly\n" + b"https://x.bg/" + b"a" * 9000 + b"\nhttps://x.bg/kontakti.php"
    )
    expected = [
        "https://x.bg/novina.php?id=41",
        "https://x.bg/novina.php?id=40",
        "https://x.bg/kontakti.php",
    ]
    assert [e.url for e in parse_feed(text)] == expected
    assert [e.url for e in parse_feed(gzip.compress(text))] == expected


def test_only_a_document_beginning_with_a_url_is_a_text_sitemap() -> None:
    """An error page or a note that merely holds URLs is no list of them: nothing read."""
    assert parse_feed(b"Not Found\nhttps://x.bg/novini/1\n") == []
    assert parse_feed(b"<html><body>\nhttps://x.bg/novini/1\n</body></html>") == []


def test_crawl_follows_a_sitemap_index_to_a_gzip_sitemap(
    tmp_path: Path, run_cli: Callable[..., Result]
) -> None:
    site = tmp_path / "mirror"
    (site / "news").mkdir(parents=True)
    (site / "sitemap.xml").write_text(
        "<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        "<sitemap><loc>https://www.example.bg/sitemap-news.xml.gz</loc></sitemap>"
        "</sitemapindex>",
        encoding="utf-8",
    )
    urlset = (
        "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
        "<url><loc>https://www.example.bg/news/parkat-e-otvoren-101</loc></url>"
        "<url><loc>https://www.example.bg/za-nas</loc></url>"
        "</urlset>"
    )
    (site / "sitemap-news.xml.gz").write_bytes(gzip.compress(urlset.encode()))
    (site / "news" / "parkat-e-otvoren-101.html").write_text(
        "<html><head><title>Паркът е отворен | Пример</title></head><body><h1>Паркът е отворен</h1>"
        "<p>15.12.2025</p><div class='text'><p>Градският парк отново е отворен за посетители след"
        " ремонта на алеите и осветлението, съобщиха от общината.</p></div></body></html>",
        encoding="utf-8",
    )
    profile = tmp_path / "example.toml"
    profile.write_text(
        'id = "example"\norigin = "https://www.example.bg"\n'
        '[discovery]\nsitemaps = ["/sitemap.xml"]\n'
        "article_pattern = '^/news/[a-z-]+-\\d+$'\n",
        encoding="utf-8",
    )
    db = tmp_path / "a.db"
    with MirrorServer(site) as server:
        result = run_cli("crawl", "example", "--profile", str(profile), "--base-url",
                         server.url, "--delay", "0", "--db", str(db))  # fmt: skip
        assert result.exit_code == 0, result.stderr
        assert "/sitemap-news.xml.gz" in server.requests
    rows = [json.loads(line) for line in run_cli("export", "--db", str(db)).stdout.splitlines()]
    assert [(r["url"], r["title"], r["published"]) for r in rows] == [
        ("https://www.example.bg/news/parkat-e-otvoren-101", "Паркът е отворен", "2025-12-15")
    ]


def test_an_rss_link_written_without_a_scheme_is_the_sites_address() -> None:
    """A home-made CMS writes its configured address into ``<link>`` without a scheme
    ("www.x.bg/news.php?id=123"), or a path relative to the feed: each is the article on
    the site, with the feed's scheme; what is no address (a word, a mailto:) is not, nor
    is another site's page written so."""
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<link>www.x.bg</link>
<item><title>a</title><link>www.x.bg/news.php?id=123</link></item>
<item><title>b</title><link>news.php?id=124</link></item>
<item><title>c</title><link>WWW.X.BG/novini/zapochva-remont-na-ulitsa</link></item>
<item><title>d</title><link>mailto:press@x.bg</link></item>
<item><title>e</title><link>Новини</link></item>
<item><title>f</title><link>www.facebook.com/x/posts/123456</link></item>
</channel></rss>""".encode()
    profile = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))
    found = feed_links(rss, profile, "https://www.x.bg/rss.php").articles
    assert [c.url for c in found] == [
        "https://www.x.bg/news.php?id=123",
        "https://www.x.bg/news.php?id=124",
        "https://www.x.bg/novini/zapochva-remont-na-ulitsa",
    ]


def test_an_rss_link_written_without_a_scheme_or_www_is_the_sites_address() -> None:
    """The configured address may lack the "www." ("x.bg/news.php?id=125"): its first
    segment is still a host, not a folder under the feed ("https://www.x.bg/x.bg/…",
    a 404 for every item); a script's name ("news.php?id=126", "index.php/novini/…") stays
    a path relative to the feed."""
    rss = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>x</title>
<item><title>a</title><link>x.bg/news.php?id=125</link></item>
<item><title>b</title><link>news.php?id=126</link></item>
<item><title>c</title><link>index.php/novini/127-remont-na-ulitsa</link></item>
<item><title>d</title><link>obshtina-x.bg/novini/zapochva-remont-na-ulitsa</link></item>
</channel></rss>"""
    profile = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg", "obshtina-x.bg"))
    found = feed_links(rss, profile, "https://x.bg/rss.php").articles
    assert [c.url for c in found] == [
        "https://x.bg/news.php?id=125",
        "https://x.bg/news.php?id=126",
        "https://x.bg/index.php/novini/127-remont-na-ulitsa",
        "https://obshtina-x.bg/novini/zapochva-remont-na-ulitsa",
    ]


def test_a_feed_link_repeating_the_feeds_folder_is_read_from_the_root() -> None:
    """povtorno's theme prints its feed's links as it prints its pages' (``novini/1480-…``
    in ``/novini/rss.xml``): read as the pages' links are (``urls.from_site_root``), not
    a folder longer; one repeating no folder, and one under an ``xml:base``, as written."""
    feed = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
      <item><title>Сесия</title><link>novini/1480-sesiya</link></item>
      <item><title>Ремонт</title><link>statiya/1214</link></item>
    </channel></rss>""".encode()
    profile = Profile(id="x", name="x", origin="https://www.x.bg")
    links = feed_links(feed, profile, "feed", base="https://www.x.bg/novini/rss.xml")
    assert [c.url for c in links.articles] == [
        "https://www.x.bg/novini/1480-sesiya",
        "https://www.x.bg/novini/statiya/1214",
    ]
    based = b"""<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://www.x.bg/bg/">
      <entry><link href="novini/1480-sesiya"/></entry></feed>"""
    links = feed_links(based, profile, "feed", base="https://www.x.bg/novini/atom.xml")
    assert [c.url for c in links.articles] == ["https://www.x.bg/bg/novini/1480-sesiya"]
