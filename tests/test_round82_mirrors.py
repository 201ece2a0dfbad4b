"""An eighty-second round of site shapes, four whole small sites whose news a crawler
must find in a way no round had, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round77_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round82.py``): a site builder's "Блог" at
``/blog``, posts at ``/post/<slug>``, a JSON state blob on every page (konstruktorovo);
uCoz's news module paged ``/news/?page2``, a calendar of day archives ``/news/2026-11-27``
listing the same entries again (ukovo); the news index the search's first page,
``/search?q=&type=news``, linked "Всички новини" (tarseno); a news list its script draws,
the only index of the news the sitemap robots.txt names on the hosting company's CDN,
``https://cdn.oblakhost.net/sites/oblakovo/sitemap.xml`` (oblakovo). Each must
archive exactly its articles with the true title, date and body, and a rerun right after
must cost at most three requests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.explorer import sitemap_hosts, vouched_sitemap
from newsarchive.mirror import MirrorServer
from newsarchive.models import Profile

from .mirror_sites import SITES, article_rows, check_bare_crawl, mirror_crawls
from .support import Result

ROUND82_SITES = {
    # a builder's /blog, /blog/page/2, /post/<slug>; the menu says "Блог"
    "konstruktorovo": ("Община Конструкторово", "https://konstruktorovo.bg"),
    # uCoz: /news/?page2, entries /news/<slug>/2026-11-29-214, day archives /news/2026-11-29
    "ukovo": ("Община Уково", "https://ukovo.bg"),
    # "Всички новини" to /search?q=&type=news, paged &page=2
    "tarseno": ("Община Търсено", "https://tarseno.bg"),
    # a list its script draws; robots.txt's Sitemap: on cdn.oblakhost.net, another host
    "oblakovo": ("Община Облаково", "https://oblakovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND82_SITES))
def test_a_round82_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND82_SITES[site])


def test_oblakovos_sitemap_on_its_hosting_companys_cdn_is_read_every_night(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """oblakovo's list of news is drawn by a script, and the only index of its articles
    is the sitemap its robots.txt names on another host, ``Sitemap:
    https://cdn.oblakhost.net/sites/oblakovo/sitemap.xml``. That line was dropped as off
    the site: no source, 0 of 9, "no news found". The site's own robots.txt vouches for
    it (sitemaps.org's cross-submission): it is read there on the first night and on
    every night after, its entries on the site's host alone archived."""
    site = ROUND82_SITES["oblakovo"]
    with mirror_crawls(run_cli, db, tmp_path, "oblakovo", *site, editable=True) as crawls:
        first = crawls.crawl()
        assert "/sites/oblakovo/sitemap.xml" in first
        assert len(article_rows(db)) == 9
        # the next night one more article, in the CDN's sitemap alone
        root = crawls.root
        source = next((root / "novini").glob("*.html"))
        page = source.read_text(encoding="utf-8")
        title = page.split("<h1>", 1)[1].split("</h1>", 1)[0]
        (root / "novini" / "novo-nastilka-3121.html").write_text(
            page.replace(title, "Нова настилка на пазара"), encoding="utf-8"
        )
        sitemap = root / "cdn" / "sites" / "oblakovo" / "sitemap.xml"
        sitemap.write_text(
            sitemap.read_text(encoding="utf-8").replace(
                "<url>",
                "<url><loc>https://oblakovo.bg/novini/novo-nastilka-3121</loc>"
                "<lastmod>2026-11-30</lastmod></url>\n<url>",
                1,
            ),
            encoding="utf-8",
        )
        nightly = crawls.crawl()
    assert "/sites/oblakovo/sitemap.xml" in nightly
    assert "/novini/novo-nastilka-3121" in nightly
    assert len(article_rows(db)) == 10
    assert all(url.startswith("https://oblakovo.bg/novini/") for url in article_rows(db))


@pytest.mark.parametrize(
    ("sitemap", "origin", "home", "vouched"),
    [
        # oblakovo: the site its host's whole, its robots.txt naming the CDN's copy
        ("https://cdn.oblakhost.net/sites/oblakovo/sitemap.xml", "https://oblakovo.bg", "/", True),
        # the site's own host: on the site, nothing to vouch for
        ("https://www.oblakovo.bg/sitemap.xml", "https://oblakovo.bg", "/", False),
        # a mayoralty in a folder of the municipality's host reads the host's robots.txt:
        # the sitemap at its root, or on another host, is the host's, not the mayoralty's
        ("https://trastenik.bg/sitemap.xml", "https://trastenik.bg", "/kmetstva/rakita/", False),
        ("https://cdn.host.net/trastenik.xml", "https://trastenik.bg", "/kmetstva/rakita/", False),
    ],
)  # fmt: skip
def test_a_sitemap_off_the_site_is_its_own_only_where_robots_txt_is_the_sites(
    sitemap: str, origin: str, home: str, vouched: bool
) -> None:
    """Keeping every off-site ``Sitemap:`` line read two mirrors of sites kept in a
    folder of a shared host (rakita, gardeniya) the host's root sitemap, one request more
    every night; only a site that is its host's whole owns its robots.txt's word."""
    host = origin.split("://", 1)[1]
    profile = Profile(id="x", name="x", origin=origin, hosts=(host,), home=home)
    assert vouched_sitemap(sitemap, profile) is vouched
    assert sitemap_hosts([sitemap], profile) == ([sitemap.split("/")[2]] if vouched else [])


def test_a_profile_naming_a_sitemap_on_its_cdn_is_crawled_there(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The profile ``add-site`` writes for oblakovo names the sitemap robots.txt named,
    on the hosting company's CDN, and nothing else (the news list a script draws): its
    crawl asked nothing there, the CDN no host of the site's, and archived 0 of 9 (the
    discovery bench's add-site column). A source a profile names is the user's word:
    its host is asked as the site's (``urls.source_hosts``), its entries still the
    site's own only."""
    name, origin = ROUND82_SITES["oblakovo"]
    cdn = "https://cdn.oblakhost.net/sites/oblakovo/sitemap.xml"
    profile = tmp_path / "oblakovo.toml"
    profile.write_text(
        f'id = "oblakovo"\nname = "{name}"\norigin = "{origin}"\n'
        f'[discovery]\nsitemaps = ["{cdn}"]\n',
        encoding="utf-8",
    )
    expected = json.loads((SITES / "oblakovo" / "expected.json").read_text(encoding="utf-8"))
    with MirrorServer(SITES / "oblakovo") as server:
        done = run_cli(
            "crawl", "oblakovo", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
        assert done.exit_code == 0, done.stderr
        assert "/sites/oblakovo/sitemap.xml" in server.requests
    assert set(article_rows(db)) == {row["url"] for row in expected}
