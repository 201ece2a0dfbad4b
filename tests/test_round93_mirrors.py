"""A ninety-third round of site shapes: the newsrooms of four regional radio and TV
stations, crawled from the origin alone (a profile of id, name and origin) through a real
``MirrorServer``, as ``test_round88_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round93.py``): a radio's reports, "Слушайте
репортажа:" over an ``<audio>`` player and the whole text under it, beside "Програма",
"Предавания" and "На живо" pages (radiobryag); a local TV's video items of two lines, an
``<iframe>`` of a video host's player or a ``<video>`` with ``<track>`` subtitles, each
card's picture a "▶" link to the item (tvdolina: before, the "▶" of page 1's first card
was taken for the pager's next link, 3 of 8 archived); a radio announcing its podcasts'
feed before its news' (radiovalna: before, the podcast feed was asked every night, a
no-op rerun of 4 requests); a TV whose every page has a "Програма за днес" box dated
after every story (tvsever). Each must archive exactly its articles with the true title,
date, author and body, and never ask a stream, an mp3, a video or its subtitles.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.explore import declared_feeds
from newsarchive.discover.next_pages import find_next_link
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND93_SITES = {
    "radiobryag": ("Радио Бряг", "https://radiobryag.bg"),
    "tvdolina": ("ТВ Долина", "https://tvdolina.bg"),
    "radiovalna": ("Радио Вълна", "https://radiovalna.bg"),
    "tvsever": ("ТВ Север", "https://tvsever.bg"),
}

# What a station's site holds besides its news: none of it is ever asked.
NEVER_ASKED = (
    *(".mp3", ".mp4", ".vtt", ".m3u8"),
    *("/programa/", "/na-zhivo/", "/predavaniya/", "/podkasti/"),
)


@pytest.mark.parametrize("site", sorted(ROUND93_SITES))
def test_a_round93_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    first, _nightly = check_bare_crawl(run_cli, db, tmp_path, site, *ROUND93_SITES[site])
    assert [r for r in first if any(part in r for part in NEVER_ASKED)] == []


PROFILE = Profile(id="tv", name="ТВ Тест", origin="https://tv.bg", hosts=("tv.bg",), home="/")


def _video_cards(arrow: str, pager: str) -> str:
    cards = "".join(
        f'<div class="video-card"><a href="/novini/{n}/"><img src="/t/{n}.jpg" alt="">'
        f'<span class="play">{arrow}</span></a><h3><a href="/novini/{n}/">Репортаж номер {n} '
        "от нашия екип</a></h3><span>27.11.2026</span></div>"
        for n in (30, 29, 28)
    )
    return f"<html><body><h1>Новини</h1>{cards}<div class='pagination'>{pager}</div></body></html>"


@pytest.mark.parametrize("arrow", ["▶", "►", "»"])
def test_a_cards_arrow_to_its_own_item_is_no_next_page(arrow: str) -> None:
    """tvdolina: every card's picture a link with a "▶" play button to the video item:
    the first card's was taken for the list's next page, and the walk ended there."""
    pager = '<span>1</span> <a href="/novini/page/2/">2</a> <a href="/novini/page/3/">3</a>'
    html = _video_cards(arrow, pager)
    assert (
        find_next_link(html, "https://tv.bg/novini/", PROFILE, 1) == "https://tv.bg/novini/page/2/"
    )


def test_the_pagers_own_arrow_still_leads_on() -> None:
    html = _video_cards("▶", '<a href="/novini/page/2/">»</a>')
    assert (
        find_next_link(html, "https://tv.bg/novini/", PROFILE, 1) == "https://tv.bg/novini/page/2/"
    )


def _head(*links: tuple[str, str]) -> str:
    tags = "".join(
        f'<link rel="alternate" type="application/rss+xml" title="{t}" href="{h}">'
        for t, h in links
    )
    return f"<html><head>{tags}</head><body></body></html>"


@pytest.mark.parametrize(
    ("podcasts", "news"),
    [
        (("Подкасти на Радио Тест", "/podkasti/feed.xml"), ("Новини", "/novini/feed.xml")),
        (("Радио Тест", "/podcast/rss"), ("Радио Тест – новини", "/rss")),
        (("Подкастът на предаването", "/feeds/show-7.xml"), ("Новини", "/feeds/news.xml")),
    ],
)  # fmt: skip
def test_a_podcast_feed_announced_beside_the_news_feed_is_no_source(
    podcasts: tuple[str, str], news: tuple[str, str]
) -> None:
    """radiovalna: its podcasts' feed (mp3 enclosures, half of its items with no
    ``<link>``) announced first on every page was read every night beside the news'."""
    tree = parse_html(_head(podcasts, news))
    assert declared_feeds(tree, "https://tv.bg/", PROFILE) == [f"https://tv.bg{news[1]}"]
