"""A hundred-and-first round of site shapes: ONE HOST, MANY PUBLISHERS. Four networks of
sub-sites in folders of one host (``tests/fixtures/make_mirrors_round101.py``), each
sub-site with its own news, feed and sitemap, the host's home aggregating the newest of
all: a municipality on WordPress Multisite, its mayoralties and school at
``/kmetstvo-<x>/`` and ``/ou-<y>/`` (mnogoselo); a regional administration on Joomla, its
municipalities under ``/obshtini/<name>/`` (oblastzagore); a newspaper group's town
editions at ``/<town>/`` (podbalkanets); an NGO platform's ``/members/<slug>/blog/``
(zaedno).

What is decided (README, "one host, many publishers"): a bare crawl of the ROOT archives
the main site's news AND every sub-site's (a researcher adding the municipality expects
its mayoralties' news; the root's bounds are the whole host), each article once, under its
sub-site's address however the aggregating home or the CMS's short links name it; a crawl
rooted at one sub-site archives that sub-site's news alone.

The root crawl took the first news listing it found as the site's news and never looked
for the sub-sites' own (mnogoselo 3 of 9, oblastzagore 3 of 9, podbalkanets 6 of 9, zaedno
5 of 8). Mended where the home page's cards lead into the sub-sites' folders
(``discover.sub_sites``: each folder's page listing its own news beside its own feed is a
rested listing): mnogoselo 9 of 9, zaedno 8 of 8, no-op reruns 3. Mended where the
home page is the site's list of news and its cards' addresses name no folder
(podbalkanets' ``/statia/N``, a 301 to the edition's ``/<town>/<slug>``): once the crawl
archived them, the folders they were archived in are judged the same way
(``explorer.resolved_sub_sites``, read from the archive, no request of its own): 6 of 9
-> 9 of 9, 20 -> 29 requests, a rerun 2; its bar of edition links is still no evidence.
Not mended (strict xfail): oblastzagore, whose home's "От общините" sidebar links
``/component/content/article/N`` beside the menu's ``/novini`` (the site's listing), so
the crawl never fetches them and where they live (``/obshtini/<name>/novini/<id>-...``,
by their canonicals) is never known; the municipality's own page ``/obshtini/<name>``
lists no news, only links its ``novini``, whose feed ``novini?format=feed`` is outside the
folder ``novini/`` as the own-feed test reads it.
Mended: a member's folder on zaedno, its blog two posts of two-word names
(``/members/x/blog/ekskurziya-muzei/``), too few cards to teach a shape and too short a
name for the generic guess, had its own feed's two items dropped (0 of 2; now 2 of 2, and
the platform's root crawl 3 of 8 -> 5 of 8, its own ``/novini/feed/`` read so too).
"""

from __future__ import annotations

import json
import sqlite3
import tomllib
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from newsarchive.discover.explore import Discovery
from newsarchive.discover.feeds import feed_links
from newsarchive.discover.sub_sites import (
    candidate_folders,
    card_folder,
    own_news,
    resolved_cards,
    stream_folder,
)
from newsarchive.mirror import MirrorServer
from newsarchive.models import SOURCE_FEED, SOURCE_SITEMAP, Profile

from .mirror_sites import (
    SITES,
    MirrorCrawls,
    article_rows,
    assert_archived_whole_and_right,
    bare_crawl_twice,
    bare_profile,
    check_bare_crawl,
    crawl_twice,
    explored_again,
    mirror_crawls,
    site_json,
)
from .support import Result

ROUND101_SITES = {
    "mnogoselo": ("Община Многосело", "https://www.mnogoselo.bg"),
    "oblastzagore": ("Областна администрация Загоре", "https://www.oblast-zagore.bg"),
    "podbalkanets": ("Подбалканец", "https://www.podbalkanets.bg"),
    "zaedno": ("Мрежа „Заедно“", "https://www.zaedno-mreja.bg"),
}
ROOT_GAP = (
    "the home page's items leading into the municipalities are a sidebar module's"
    " (/component/content/article/N), not its news list (the menu's /novini is the site's"
    " listing): the crawl never fetches them, so where they live is never known (the"
    " folder they live in, /obshtini/<name>/novini/, announces its feed on its slashless"
    " page, novini?format=feed, which the own-feed test now counts: sub_sites.own_feed;"
    " but no rule ever opens that folder)"
)


@pytest.mark.parametrize(
    "site",
    [
        "mnogoselo",
        pytest.param("oblastzagore", marks=pytest.mark.xfail(reason=ROOT_GAP, strict=True)),
        "podbalkanets",
        "zaedno",
    ],
)
def test_a_round101_hosts_root_is_archived_with_every_sub_sites_news(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND101_SITES[site])


@pytest.mark.parametrize("site", sorted(ROUND101_SITES))
def test_a_root_crawl_archives_each_article_once_under_its_sub_sites_address(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    """The aggregating home links a sub-site's post by another address (WordPress's
    ``/<folder>/?p=N``, Joomla's ``/component/content/article/N?catid=9``, the group's
    ``/statia/N`` 301): what the root crawl archives is each under its sub-site's own
    address, once, with its title, date and writer, and nothing else; its rerun <= 3."""
    _, nightly = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND101_SITES[site])
    assert len(nightly) <= 3, nightly
    expected = {row["url"]: row for row in site_json(site, "expected.json")}
    rows = article_rows(db)
    assert rows, site
    assert set(rows) <= set(expected), sorted(set(rows) - set(expected))
    for url, (title, published, author, _text) in rows.items():
        row = expected[url]
        assert (title, published, author) == (row["title"], row["published"], row["author"])


SUB_SITES = [
    ("mnogoselo", "ou-paisiy/"),
    ("oblastzagore", "obshtini/brodets/"),
    ("podbalkanets", "bukovo/"),
    ("zaedno", "members/fondatsia-iskra/"),
]


@pytest.mark.parametrize(("site", "folder"), SUB_SITES)
def test_a_crawl_rooted_at_one_sub_site_archives_its_news_alone(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str, folder: str
) -> None:
    """The origin a sub-site's folder: its news, every one, and none of the host's other
    folders' (the main site's, the other mayoralties', editions', members')."""
    name, origin = ROUND101_SITES[site]
    profile = bare_profile(tmp_path, site, name, f"{origin}/{folder}")
    _, nightly = crawl_twice(
        run_cli, db, profile, site, Path(__file__).parent / "fixtures" / "sites" / site
    )
    assert len(nightly) <= 3, nightly
    own = {
        row["url"] for row in site_json(site, "expected.json")
        if row["url"].startswith(f"{origin}/{folder}")
    }  # fmt: skip
    assert len(own) >= 2
    assert sorted(article_rows(db)) == sorted(own)


ZAEDNO = "https://www.zaedno-mreja.bg"
MEMBER = Profile(id="iskra", name="Фондация „Искра“", origin=ZAEDNO, home="/members/iskra/")


def _rss(*links: str) -> bytes:
    items = "".join(
        f"<item><title>Новина {k}</title><link>{ZAEDNO}{link}</link>"
        f"<pubDate>Fri, 27 Nov 2026 14:23:00 +0200</pubDate></item>"
        for k, link in enumerate(links)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()


def test_a_sections_feed_gives_its_posts_of_two_word_names() -> None:
    """zaedno's member blog: two posts, ``/members/iskra/blog/ekskurziya-muzei/``, its feed
    at ``/members/iskra/blog/feed/``. Before, neither item was taken (the generic guess wants
    three words; two cards teach no shape): the member's crawl archived nothing."""
    content = _rss("/members/iskra/blog/ekskurziya-muzei/", "/members/iskra/blog/muzei.html")
    got = feed_links(content, MEMBER, SOURCE_FEED, base=f"{ZAEDNO}/members/iskra/blog/feed/")
    assert [c.url for c in got.articles] == [f"{ZAEDNO}/members/iskra/blog/ekskurziya-muzei/"]


@pytest.mark.parametrize(
    ("feed", "link"),
    [
        ("/feed/", "/za-nas/"),  # the root's feed: its folder is the whole site
        ("/novini/feed/", "/novini/stari-broeve/za-nas/"),  # deeper than one segment
        ("/novini/feed/", "/novini/za-nas/?razdel=2"),  # a query
        ("/novini/feed/", "/kmetstvo/za-nas/"),  # not under the feed's folder
        ("/novini/feed/", "/novini/category/sport/"),
    ],
)
def test_a_feeds_item_outside_its_sections_posts_is_left_to_the_usual_rules(
    feed: str, link: str
) -> None:
    profile = Profile(id="z", name="З", origin=ZAEDNO)
    assert feed_links(_rss(link), profile, SOURCE_FEED, base=ZAEDNO + feed).articles == []


def test_a_sitemaps_entries_in_a_folder_are_not_taken_for_its_posts() -> None:
    """A sitemap's ``<url>`` has no title: its static pages stay out."""
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{ZAEDNO}/novini/za-nas/</loc></url></urlset>"
    ).encode()
    profile = Profile(id="z", name="З", origin=ZAEDNO)
    got = feed_links(sitemap, profile, SOURCE_SITEMAP, base=f"{ZAEDNO}/novini/sitemap.xml")
    assert got.articles == []


MNOGO = "https://www.mnogoselo.bg"


@pytest.mark.parametrize(
    ("card", "folder"),
    [
        (f"{MNOGO}/kmetstvo-gornik/?p=43", "/kmetstvo-gornik/"),  # Multisite's short link
        (f"{ZAEDNO}/members/zora/blog/sabor/", "/members/zora/blog/"),
        (f"{MNOGO}/2026/11/29/zimna-podgotovka/", ""),  # a date archive: the main stream's
        (f"{MNOGO}/kmetstvo-gornik/2026/11/29/sabor/", "/kmetstvo-gornik/"),  # its permalink
        (f"{MNOGO}/statia/9120", "/statia/"),
        (f"{MNOGO}/novina.php?id=5", ""),  # the host's root
    ],
)
def test_a_cards_folder_is_where_its_publisher_keeps_it(card: str, folder: str) -> None:
    assert card_folder(card) == folder


@pytest.mark.parametrize(
    ("card", "folder"),
    [
        (f"{MNOGO}/novini/505-sabor", "/novini/"),  # a folder: ``card_folder``'s
        (f"{MNOGO}/2026/11/29/zimna-podgotovka/", "/"),  # the root's date archive
        (f"{MNOGO}/?p=43", "/"),
        (f"{MNOGO}/novina.php?id=5", "/novina.php"),  # a root script's items
        (f"{MNOGO}/obyava.php?id=5", "/obyava.php"),  # another's
        (f"{MNOGO}/novina-5.html", "/"),  # a page at the root, its own
    ],
)
def test_a_cards_stream_folder_names_the_roots_and_a_root_scripts(card: str, folder: str) -> None:
    """``explorer.home_news_list`` compares the home's news with a section's items by it:
    with ``card_folder``'s ``""`` for the root, a WordPress home's ``/2026/11/29/x/``
    news beside an "Обяви" section were never read (composed seeds 224, 408, 641)."""
    assert stream_folder(card) == folder


def test_the_home_cards_folders_are_sub_sites_only_when_several_and_not_the_main_ones() -> None:
    """mnogoselo's home: its own three posts by date, then the mayoralties' and the
    school's newest by short link; ``/novini/`` (its list, found already) is no sub-site."""
    cards = [
        f"{MNOGO}/2026/11/29/zimna-podgotovka/", f"{MNOGO}/kmetstvo-gornik/?p=43",
        f"{MNOGO}/kmetstvo-dabnik/?p=45", f"{MNOGO}/novini/drugo/", f"{MNOGO}/ou-paisiy/?p=47",
        f"{MNOGO}/kmetstvo-gornik/?p=41", "https://other.bg/kmetstvo-x/?p=1",
    ]  # fmt: skip
    covered = [f"{MNOGO}/feed/", f"{MNOGO}/novini/"]
    assert candidate_folders(cards, f"{MNOGO}/", covered, limit=6) == [
        f"{MNOGO}/kmetstvo-gornik/", f"{MNOGO}/kmetstvo-dabnik/", f"{MNOGO}/ou-paisiy/",
    ]  # fmt: skip
    assert candidate_folders(cards, f"{MNOGO}/", covered, limit=2) == [
        f"{MNOGO}/kmetstvo-gornik/", f"{MNOGO}/kmetstvo-dabnik/",
    ]  # fmt: skip
    # one folder is a section of the site, not a network
    assert candidate_folders(cards[:3:2], f"{MNOGO}/", covered, limit=6) == []
    # a crawl rooted at a sub-site: its own folder is its home
    assert candidate_folders(cards, f"{MNOGO}/ou-paisiy/", covered, limit=6) == []


@pytest.mark.parametrize(
    ("feeds", "cards", "own"),
    [
        ([f"{MNOGO}/kmetstvo-x/feed/"], [f"{MNOGO}/kmetstvo-x/a/", f"{MNOGO}/kmetstvo-x/b/"], True),
        ([f"{MNOGO}/feed/"], [f"{MNOGO}/kmetstvo-x/a/", f"{MNOGO}/kmetstvo-x/b/"], False),
        ([f"{MNOGO}/kmetstvo-x/feed/"], [f"{MNOGO}/kmetstvo-x/a/"], False),
        ([f"{MNOGO}/kmetstvo-x/feed/"], [f"{MNOGO}/novini/a/", f"{MNOGO}/novini/b/"], False),
    ],
)
def test_a_folder_is_a_publisher_with_its_own_feed_and_news(
    feeds: list[str], cards: list[str], own: bool
) -> None:
    """A category page of the main site announces the host's feed, or lists posts
    living elsewhere: no sub-site."""
    assert own_news(f"{MNOGO}/kmetstvo-x/", feeds, cards) is own


PODB = "https://www.podbalkanets.bg"


def test_the_home_items_live_where_they_were_archived() -> None:
    """podbalkanets' home links ``/statia/N``, which moves to the edition's own address:
    the folders are read from where each item was archived, in the page's order; an item
    archived where it was linked, or not archived, or moved into no folder, adds nothing."""
    cards = [f"{PODB}/statia/9120", f"{PODB}/statia/8810", f"{PODB}/statia/1",
             f"{PODB}/novini/5-x", f"{PODB}/statia/2"]  # fmt: skip
    resolved = {
        "podbalkanets.bg/statia/9120": f"{PODB}/kamengrad/9120-novo-osvetlenie",
        "podbalkanets.bg/statia/8810": f"{PODB}/bukovo/8810-sabor-na-kartofa",
        "podbalkanets.bg/novini/5-x": f"{PODB}/novini/5-x",
        "podbalkanets.bg/statia/2": f"{PODB}/statia.php?id=2",
    }
    assert resolved_cards(cards, resolved) == [
        f"{PODB}/kamengrad/9120-novo-osvetlenie", f"{PODB}/bukovo/8810-sabor-na-kartofa",
    ]  # fmt: skip
    assert resolved_cards(cards[:1], {}) == []


def test_the_home_items_are_saved_until_judged_then_emptied(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Saved with what exploring found, so a run cut before judging them leaves them to
    the next (``test_cut_points``); emptied once judged, or every nightly run would
    open the sub-sites' folders again."""
    found = Discovery(listings=(f"{PODB}/",), home_items=(f"{PODB}/statia/9120",))
    assert Discovery.from_json(found.to_json()).home_items == (f"{PODB}/statia/9120",)
    name, origin = ROUND101_SITES["podbalkanets"]
    profile = bare_profile(tmp_path, "podbalkanets", name, origin)
    with MirrorServer(SITES / "podbalkanets") as server:
        args = ("crawl", "podbalkanets", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip
        crawls = MirrorCrawls(run_cli, server, SITES / "podbalkanets", args)
        crawls.crawl()
        assert _saved(db)["home_items"] == []
        again = crawls.crawl()
    assert not any(f"/{town}/" in path for path in again for town in ("kamengrad", "bukovo"))


def test_an_exploration_a_month_on_keeps_the_editions_its_archive_places_the_items_in(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A nightly run does not fetch again the home page's items it archived, so an
    exploration repeated a month on learns where they live from the archive: the
    editions stay the site's rested listings, not dropped until new items come."""
    name, origin = ROUND101_SITES["podbalkanets"]
    profile = bare_profile(tmp_path, "podbalkanets", name, origin)
    editions = [f"{PODB}/kamengrad/", f"{PODB}/bukovo/", f"{PODB}/ravnishte/"]
    with MirrorServer(SITES / "podbalkanets") as server:
        args = ("crawl", "podbalkanets", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip
        crawls = MirrorCrawls(run_cli, server, SITES / "podbalkanets", args)
        crawls.crawl()
        assert _rested(db) == editions
        explored_again(db)
        again = crawls.crawl()
    assert _rested(db) == editions
    # each edition's page opened once, judged and walked from the one answer
    assert [again.count(f"/{town}/") for town in ("kamengrad", "bukovo", "ravnishte")] == [1] * 3


def _rested(db: Path) -> list[str]:
    return list(_saved(db)["rested"])


def _saved(db: Path) -> dict[str, Any]:
    with closing(sqlite3.connect(db)) as conn:
        (found,) = conn.execute("SELECT found FROM site_discovery").fetchone()
    return dict(json.loads(found))


def test_add_sites_profile_names_the_editions_its_home_items_live_in(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """add-site archives nothing, so it fetches the home page's items to learn where they
    live: its profile names the editions as rested listings, and a crawl of it, reading
    those hints in place of exploring, archives every edition's news as a bare one does."""
    name, origin = ROUND101_SITES["podbalkanets"]
    with mirror_crawls(run_cli, db, tmp_path, "podbalkanets", name, origin, proposed=True) as c:
        profile = tomllib.loads((tmp_path / "podbalkanets.toml").read_text(encoding="utf-8"))
        assert profile["discovery"]["rested_urls"] == ["/kamengrad/", "/bukovo/", "/ravnishte/"]
        c.crawl()
        assert len(c.crawl()) <= 3
    assert_archived_whole_and_right(db, "podbalkanets")
