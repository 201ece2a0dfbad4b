"""A hundred-and-fifth round of site shapes, four regional BROADCASTERS' news sites,
crawled from the origin alone (a profile of id, name and origin) through a real
``MirrorServer``, as ``test_round97_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round105.py``): a regional station of the
national radio, ``/news/<id>`` dated "публикувано на 29.11.26 в 18:05", a player over a
short text, the day's "Новини в 18:00" bulletin pages, the programme by day
``/programa/2026-11-29`` and podcast episodes (radiokamenitsa); a regional TV, every story
at ``/news/<id>-<slug>`` and at ``/video/<id>``, a YouTube or HLS player over two
paragraphs, "Емисия новини 19:00" pages and "На живо" (tvbregovitsa); a municipal cable
TV on WordPress in its English UI, "November 29, 2026", Seriously Simple Podcasting's
episodes (ktvslavyanovo); a TV's Next.js front over Strapi, six cards and
``/api/news?page=2`` behind a button, next-sitemap's index (podbalkantv). Each must
archive exactly its articles (no bulletin, programme, episode or stream page) with the
true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.explore import section_links
from newsarchive.extraction import extract
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import check_bare_crawl
from .support import SITES, Result

ROUND105_SITES = {
    "radiokamenitsa": ("Радио Каменица", "https://www.radiokamenitsa.bg"),
    "tvbregovitsa": ("ТВ Бреговица", "https://tvbregovitsa.bg"),
    "ktvslavyanovo": ("КТВ Славяново", "https://ktv-slavyanovo.bg"),
    "podbalkantv": ("Подбалкан ТВ", "https://www.podbalkan.tv"),
}


@pytest.mark.parametrize("site", sorted(ROUND105_SITES))
def test_a_round105_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    first, _ = check_bare_crawl(run_cli, db, tmp_path, site, *ROUND105_SITES[site])
    assert not [p for p in first if p.startswith(NO_NEWS[site])], first


# What each site holds that is no news, never asked: bulletins, the programme, podcasts,
# the live stream, the video section's copies of the stories, the headless front's API.
NO_NEWS = {
    "radiokamenitsa": ("/bulletin", "/programa", "/podcasts", "/live", "/files/"),
    "tvbregovitsa": ("/video", "/emisii", "/na-zhivo"),
    "ktvslavyanovo": ("/podcast", "/series/", "/na-zhivo/", "/wp-content/"),
    "podbalkantv": ("/api/", "/na-zhivo", "/predavaniya"),
}
FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
RADIO = "https://www.radiokamenitsa.bg"


def _site_page(site: str, rel: str) -> str:
    return (SITES / site / rel).read_text(encoding="utf-8")


def test_a_menu_entry_naming_a_bulletins_hour_is_no_section() -> None:
    """radiokamenitsa: the menu's "Новини в 18:00" leads to the day's bulletins, each
    listing the stories it carried; opened as a section beside "Новини", every bulletin
    was archived as a story (before: 9 stories and 9 bulletins, 27 requests)."""
    profile = Profile(id="r", name="Радио Каменица", origin=RADIO)
    tree = parse_html(_site_page("radiokamenitsa", "index.html"))
    assert section_links(tree, RADIO + "/", profile) == [RADIO + "/news"]


@pytest.mark.parametrize(
    ("label", "section"),
    [
        ("Новини в 18:00", False),
        ("Емисия новини 19:00", False),
        ("Новините в 12.30 ч.", False),
        ("Новини", True),
        ("Новини 2026", True),
        ("Новини от 12.11.2026", True),  # a day, no hour
    ],
)
def test_a_clock_time_makes_a_news_word_a_bulletin(label: str, section: bool) -> None:
    page = (
        f'<html><body><nav><a href="/x">{label}</a><a href="/za-nas">За нас</a></nav></body></html>'
    )
    got = section_links(parse_html(page), RADIO + "/", Profile(id="r", name="Р", origin=RADIO))
    assert got == ([RADIO + "/x"] if section else [])


TV_STORY = "https://tvbregovitsa.bg/news/7389-sesiya-na-saveta"


def test_a_broadcast_storys_credits_name_its_reporter() -> None:
    """tvbregovitsa: "<p class="credits">Репортер: Десислава Пенева<br>Оператор: Стоян
    Колев</p>" under the text: the credits box was furniture to the writer's field, read
    whole its two names ran together, and "репортер" was no field label the page was
    searched for (before: no author on any of the 8 stories)."""
    page = _site_page("tvbregovitsa", "news/7389-sesiya-na-saveta.html")
    article = extract(page, TV_STORY, today=FETCHED)
    assert article.author == "Десислава Пенева"
    assert "Оператор" not in article.text
    bare = page.replace('<p class="credits">', "<p>")  # (as it was read before, unclassed)
    assert extract(bare, TV_STORY, today=FETCHED).author == "Десислава Пенева"


def test_a_pictures_credit_box_names_no_writer() -> None:
    page = _site_page("tvbregovitsa", "news/7389-sesiya-na-saveta.html").replace(
        "Репортер: Десислава Пенева<br>Оператор: Стоян Колев", "Снимки: Стоян Колев"
    )
    assert extract(page, TV_STORY, today=FETCHED).author is None
