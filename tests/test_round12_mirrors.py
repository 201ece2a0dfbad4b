"""A twelfth round of site shapes, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round11_mirrors`` does its three.

The mirror (``tests/fixtures/make_mirrors_round12.py``): a municipality whose menu's
"Новини" leads to a host of its own, ``novini.orehovitsa.bg``, which lists and holds the
news; the same menu links the council's site (``obs.``), mail, an English copy (``en.``)
and the district's site under another domain. The news host is the site's (its
articles archived under their own URLs, its robots.txt obeyed); none of the others is
asked at all. A rerun right after costs at most three requests.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from newsarchive.discover.urls import site_hosts
from newsarchive.explorer import explore
from newsarchive.fetch.client import Fetcher, FetchOptions
from newsarchive.mirror import MirrorServer
from newsarchive.models import Profile

from .mirror_sites import assert_archived_whole_and_right, bare_profile
from .support import SITES, Result

SITE, NAME, ORIGIN = "orehovitsa", "Община Ореховица", "https://www.orehovitsa.bg"


def test_a_news_section_on_a_subdomain_of_the_site_is_archived_and_no_other_host_asked(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    profile = bare_profile(tmp_path, SITE, NAME, ORIGIN)
    with MirrorServer(SITES / SITE) as server:
        args = ("crawl", SITE, "--profile", str(profile), "--base-url", server.url, "--delay", "0")
        first = run_cli(*args, "--db", str(db))
        assert first.exit_code == 0, first.stderr
        asked = list(zip(server.hosts, server.requests, strict=True))
        nightly = run_cli(*args, "--db", str(db))
        assert nightly.exit_code == 0, nightly.stderr
        again = list(zip(server.hosts, server.requests, strict=True))[len(asked) :]
    assert_archived_whole_and_right(db, SITE)
    hosts = {host for host, _ in asked}
    assert hosts == {"www.orehovitsa.bg", "novini.orehovitsa.bg"}, asked
    # the news host's robots.txt read, and the article it closes never asked for
    assert ("novini.orehovitsa.bg", "/robots.txt") in asked
    assert ("novini.orehovitsa.bg", "/statia/15") not in asked
    # the nightly run knows the news host at once: no exploring again
    assert len(again) <= 3, again
    assert {host for host, _ in again} <= hosts, again


def test_exploring_again_keeps_the_news_host_the_crawl_already_adopted() -> None:
    """A nightly run adopts the saved news host into the profile before anything else; the
    exploration every 30 days starts from that profile, and must still remember the host,
    or the run after it reads the news host's listing as another site's."""
    profile = Profile(
        id=SITE, name=NAME, origin=ORIGIN, hosts=("www.orehovitsa.bg", "novini.orehovitsa.bg")
    )
    with (
        MirrorServer(SITES / SITE) as server,
        Fetcher(
            FetchOptions(delay=0), mirror=server.url, site_hosts=site_hosts(profile)
        ) as fetcher,
    ):
        found = explore(fetcher, profile)
    assert found.listings == ("https://novini.orehovitsa.bg/",)
    assert found.hosts == ("novini.orehovitsa.bg",)


def test_check_site_says_which_host_it_adopted_as_the_sites_news(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A user checking a bare profile sees why its news is read from another host: the
    host the menu's "Новини" led to, in the text and in ``--format json``; and the check
    reads that host as the crawl does, as the site's own."""
    profile = bare_profile(tmp_path, SITE, NAME, ORIGIN)
    with MirrorServer(SITES / SITE) as server:
        args = ("check-site", SITE, "--profile", str(profile), "--base-url", server.url)
        text = run_cli(*args, "--delay", "0")
        data = run_cli(*args, "--delay", "0", "--format", "json")
    assert text.exit_code == 0, text.stdout + text.stderr
    assert "novini.orehovitsa.bg: the site's news host (its menu's news link leads there)" in (
        text.stdout
    )
    assert json.loads(data.stdout)["hosts"] == ["novini.orehovitsa.bg"]
    # its listing read as the crawl reads it, on the site: its next page is the site's
    assert "next page: https://novini.orehovitsa.bg/?page=2" in text.stdout
