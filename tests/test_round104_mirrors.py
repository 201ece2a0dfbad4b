"""A hundred-and-fourth round of site shapes: the CMSs and publishing platforms rounds
102 and 103 left, each in its default markup, URLs and UI words, crawled from the origin
alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round103_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round104.py``): a municipality on ProcessWire,
``/novini/<slug>/`` paged by MarkupPagerNav's ``/novini/page2/`` (stranevo); a community
centre's Mobirise site, every page a flat ``pageN.html``, a post's paragraphs one
``<p>`` parted by ``<br><br>`` (svetlina); a journalist's Medium profile,
``/@byalavoda/<cyrillic-slug>-<hash>``, every link a ``?source=`` copy, the older posts
only in ``/feed/@byalavoda`` (byalavoda); a кметство's Telegram channel
``t.me/s/<channel>``, paged ``?before=``, linking Telegraph pages on ``telegra.ph``
(dolnoselo). Each must archive exactly its articles, each once, with the true title,
date, author and body.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.feeds import feed_links
from newsarchive.discover.shape import is_list_path, looks_like_article_path
from newsarchive.extraction import extract
from newsarchive.extraction.bylines import signed_line
from newsarchive.models import SOURCE_FEED, Article, Profile

from .mirror_sites import article_rows, bare_profile, check_bare_crawl, crawl_twice, site_json
from .support import Result

ROUND104_SITES = {
    "stranevo": ("Община Странево", "https://www.stranevo.bg"),
    "svetlina": ("Читалище „Светлина 1926“ – с. Равногор", "https://www.chitalishte-ravnogor.bg"),
    "byalavoda": ("Бяла вода днес", "https://medium.com/@byalavoda"),
    "dolnoselo": ("Кметство Долно село", "https://t.me/s/kmetstvo_dolnoselo"),
}


# The gaps this round found and left (README): each site's test fails until mended.
# (Mended: ProcessWire's "Публикувано на … от <name> в <category>", the category after
# the name, ``test_a_posted_on_line_*``; its ``/kategorii/<name>/`` category pages, whose
# links in each card's meta line were taken for the cards' own and the pages archived,
# now lists by their path; Medium's clap count opening the text,
# ``test_a_count_alone_*``; Medium's older posts, only in ``/feed/@byalavoda``, which
# the head names outside the site's folder ``/@byalavoda``: the feed a site's own pages
# announce is its own anywhere on its hosts, ``test_a_feed_the_pages_announce_*``.)
GAPS: dict[str, str] = {
    "dolnoselo": (
        "every article is a Telegraph page on telegra.ph, another host than the channel "
        "t.me/s/<channel> that alone links them; links off the site's hosts are never "
        "followed, so the crawl finds no news (exit 1, 0 of 9)"
    ),
}


@pytest.mark.parametrize(
    "site",
    [
        pytest.param(site, marks=pytest.mark.xfail(reason=GAPS[site], strict=True))
        if site in GAPS
        else site
        for site in sorted(ROUND104_SITES)
    ],
)
def test_a_round104_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    first, nightly = check_bare_crawl(run_cli, db, tmp_path, site, *ROUND104_SITES[site])
    print(site, len(first), "requests, rerun", len(nightly))


FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
SITES = Path(__file__).parent / "fixtures/sites"


def _extract(site: str, file: str, url: str) -> Article:
    return extract((SITES / site / file).read_text(encoding="utf-8"), url, today=FETCHED)


def test_a_posted_on_line_filing_the_post_after_the_name_names_the_writer() -> None:
    """stranevo: ProcessWire's blog template prints "Публикувано на 11.11.2026, 12:59 ч.
    от Мария Стоянова в Община", the category after the name; it named nobody (the
    category read as part of the name), as "Posted on … by Jane Doe in News" did."""
    article = _extract(
        "stranevo",
        "novini/remont-na-ulitsite/index.html",
        "https://www.stranevo.bg/novini/remont-na-ulitsite/",
    )
    assert article.author == "Мария Стоянова"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Публикувано на 11.11.2026 от Мария Стоянова в Община", "Мария Стоянова"),
        ("Posted on March 3, 2026 by Jane Doe in Local News", "Jane Doe"),
    ],
)
def test_a_posted_on_line_reads_past_a_filing_after_the_name(line: str, name: str) -> None:
    assert signed_line(line) == name


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Публикувано на 11.11.2026 от Петър Колев в 10:15 ч.", "Петър Колев"),
        ("Публикувано на 11.11.2026 г. от Петър Колев в 9.05", "Петър Колев"),
        ("Публикувано на 11.11.2026 от Петър Колев в Община в 10:15 ч.", "Петър Колев"),
        ("Публикувано на 11.11.2026 от Петър Колев в 10:15 ч. в Община", "Петър Колев"),
        ("Posted on November 11, 2026 by Jane Doe at 10:15", "Jane Doe"),
        ("Posted on November 11, 2026 by Jane Doe at 10:15 a.m.", "Jane Doe"),
        # (a place after the name is read past as a filing is, as before: the writer)
        ("Публикувано на 11.11.2026 от Петър Колев в Русе", "Петър Колев"),
        # (no clock, "в 10 ч.", nor an hour past 23: not a time, and the line no name's)
        ("Публикувано на 11.11.2026 от Петър Колев в 10 ч.", ""),
        ("Публикувано на 11.11.2026 от Петър Колев в 25:15 ч.", ""),
    ],
)
def test_a_posted_on_line_reads_past_a_time_after_the_name(line: str, name: str) -> None:
    """A template printing the post's hour after its writer ("… от Петър Колев в 10:15
    ч.", "… by Jane Doe at 10:15"): the time was read as the name's end and the line
    named nobody; it is read past as a category after the name is
    (``date_words.TIMED_AFTER``)."""
    assert signed_line(line) == name


HOST_FEED = (
    '<link rel="alternate" type="application/rss+xml" title="Община Многосело » Емисия" '
    'href="https://www.mnogoselo.bg/feed/">'
)


@pytest.mark.parametrize("own_feed", [True, False])
def test_a_host_feed_a_sub_sites_pages_announce_is_read_once_and_gives_nothing(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, own_feed: bool
) -> None:
    """A sub-site in a folder of its municipality's host (mnogoselo's
    ``/kmetstvo-dabnik/``) whose every page announces the host's main feed ``/feed/``
    (beside its own, or in its place), every item of which lives outside the folder:
    a feed the site's pages announce is its own anywhere on its host
    (``declared_feeds``), but this one lists none of the folder's news, so it is read
    once while exploring and never again, none of its items archived, and the
    sub-site's own news all archived. (With the address accepted but not that bound,
    the one announcing the host's feed alone archived nothing and read it nightly.)"""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / "mnogoselo", root)
    own = re.compile(r'<link rel="alternate" type="application/rss\+xml"[^>]*dabnik/feed/">')
    for page in (root / "kmetstvo-dabnik").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        link = own.search(html)
        assert link is not None, page
        announced = f"{HOST_FEED}{link[0]}" if own_feed else HOST_FEED
        page.write_text(html.replace(link[0], announced), encoding="utf-8")
    origin = "https://www.mnogoselo.bg/kmetstvo-dabnik/"
    profile = bare_profile(tmp_path, "dabnik", "Кметство Дъбник", origin)
    first, nightly = crawl_twice(run_cli, db, profile, "dabnik", root)
    assert first.count("/feed/") == 1, first
    assert "/feed/" not in nightly and len(nightly) <= 2, nightly
    expected = {row["url"] for row in site_json("mnogoselo", "expected.json")}
    assert sorted(article_rows(db)) == sorted(u for u in expected if u.startswith(origin))


def test_a_count_alone_before_the_text_is_no_line_of_it() -> None:
    """byalavoda: Medium prints the post's clap count, "18", in a ``<p>`` of its own
    between the byline and the text (the response count and "Listen", "Share" in
    buttons beside it): it opened the archived text as its first line."""
    post = next(
        (SITES / "byalavoda/@byalavoda").glob("безплатни-прегледи-за-диабет-*[0-9a-f].html")
    )
    text = extract(post.read_text(encoding="utf-8"), "https://medium.com/@byalavoda/x").text
    assert text.startswith("Лекари ще мерят кръвната захар")


@pytest.mark.parametrize("count", ["18", "1.2K"])
def test_a_count_alone_at_the_texts_edge_is_cut(count: str) -> None:
    body = (
        "<p>Лекари ще мерят кръвната захар на всички желаещи в събота сутрин.</p>"
        "<p>Прегледите ще бъдат в залата на пенсионерския клуб до обяд.</p>"
    )
    html = (
        "<html><head><title>Прегледи</title></head><body><h1>Прегледи</h1>"
        f"<article><p>{count}</p>{body}</article></body></html>"
    )
    assert extract(html, "https://x.bg/novini/pregledi").text.startswith("Лекари")


def test_a_kategorii_folder_is_a_categorys_list_not_an_article() -> None:
    """stranevo: ProcessWire's categories under ``/kategorii/<name>/`` (the Bulgarian
    plural): the link in each card's "Публикувано на 29.11.2026 в <a>Община</a>" was taken
    for the card's dated item, and the three category pages were archived."""
    assert is_list_path("/kategorii/obshtina/")
    assert not looks_like_article_path("https://www.stranevo.bg/kategorii/obshtina/")


def test_a_host_feeds_items_outside_the_sites_folder_are_never_its_posts() -> None:
    """A host's feed in a folder of its own (``/novini/rss.xml``) a sub-site announces,
    listing the host's ``/novini/<two-word-name>/`` beside the sub-site's post: read as
    the sub-site's feed, its item outside the folder is still not taken (``on_site``),
    though a section's feed's titled items of its folder are (before, it was: the one
    rule that took them asked the feed's folder alone)."""
    host = "https://www.mnogoselo.bg"
    own = f"{host}/kmetstvo-dabnik/2026/11/29/remont-na-ulitsa-glavna/"
    items = "".join(
        f"<item><title>Новина {k}</title><link>{link}</link></item>"
        for k, link in enumerate((f"{host}/novini/remont-pat/", own))
    )
    rss = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()
    folder = Profile(id="d", name="Д", origin=host, home="/kmetstvo-dabnik/")
    got = feed_links(rss, folder, SOURCE_FEED, base=f"{host}/novini/rss.xml")
    assert [candidate.url for candidate in got.articles] == [own]
