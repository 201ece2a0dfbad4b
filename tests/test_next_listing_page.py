"""The crawl and ``check-site`` go to the same next listing page (``next_pages.ListingPages``).

Each once decided it on its own: check-site took a profile's page template before the
year drop-down, so on zimnitsa (this year's news paged ``?str=2``, earlier years only in
"Архив: [2026 ▼]") it reported ``?str=3``, a 404, where the crawl went to 2025's page.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.check_site import check_site
from newsarchive.fetch.client import FetchOptions
from newsarchive.mirror import MirrorServer
from newsarchive.profiles import get_profile
from newsarchive.profiles.loader import load_profile_file

from .support import Result

PROFILES = {
    # as add-site proposes it: its listing, and the template its page 2 gives
    "zimnitsa": """\
id = "zimnitsa"
name = "Община Зимница"
origin = "https://zimnitsa.bg"
hosts = ["zimnitsa.bg"]

[discovery]
start_urls = ["/novini.php"]
pagination = "?str={page}"
""",
    # its "Съобщения", whose "Зареди още" loads the next cards as JSON
    "vedritsa": """\
id = "vedritsa"
name = "Община Ведрица"
origin = "https://vedritsa.bg"
hosts = ["vedritsa.bg"]

[discovery]
start_urls = ["/saobshteniya"]
""",
}


def _listing_fetches(log: Path, listing: tuple[str, ...]) -> list[str]:
    """The pages of ``listing`` (its addresses, without a query) the crawl asked for, in
    order (the URL after the status, size and time of each request's log line), its
    articles' pages left out."""
    urls = [line.split()[4] for line in log.read_text(encoding="utf-8").splitlines()]
    return [url for url in urls if url.split("?")[0] in listing]


@pytest.mark.parametrize(
    ("site", "listing", "rules_compete"),
    [
        # the page's own link, then (none left) the year drop-down beating the template
        (
            "zimnitsa",
            ("https://zimnitsa.bg/novini.php",),
            {"https://zimnitsa.bg/novini.php?str=2": "https://zimnitsa.bg/novini.php?godina=2025"},
        ),
        # the links, then (the last page links none, nor any year) the profile's template
        (
            "bta",
            ("https://www.bta.bg/bg/news/bulgaria",),
            {"https://www.bta.bg/bg/news/bulgaria?p=3": "https://www.bta.bg/bg/news/bulgaria?p=4"},
        ),
        # a "Зареди още" endpoint's JSON answers, read as the listing's cards and next page
        (
            "vedritsa",
            ("https://vedritsa.bg/saobshteniya", "https://vedritsa.bg/api/saobshteniya"),
            {
                "https://vedritsa.bg/api/saobshteniya?ot=3": (
                    "https://vedritsa.bg/api/saobshteniya?ot=6"
                )
            },
        ),
    ],
)
def test_the_crawl_and_check_site_walk_a_listing_to_the_same_next_pages(
    run_cli: Callable[..., Result],
    mirror: Callable[[str], MirrorServer],
    tmp_path: Path,
    site: str,
    listing: tuple[str, ...],
    rules_compete: dict[str, str],
) -> None:
    if site in PROFILES:
        path = tmp_path / f"{site}.toml"
        path.write_text(PROFILES[site], encoding="utf-8")
        profile, chosen = load_profile_file(path), ("--profile", str(path))
    else:
        profile, chosen = get_profile(site), ()
    server = mirror(site)
    log = tmp_path / "crawl.log"
    crawled = run_cli(
        "crawl", site, *chosen, "--base-url", server.url, "--delay", "0",
        "--db", str(tmp_path / "a.db"), "--log-file", str(log),
    )  # fmt: skip
    assert crawled.exit_code == 0, crawled.stderr
    walked = _listing_fetches(log, listing)

    checked = check_site(
        profile, base_url=server.url, articles=100, pages=10,
        options=FetchOptions(delay=0, retries=1),
    )  # fmt: skip
    starts = [s for s in checked.sources if s.kind == "start"]
    assert [s.url for s in starts] == walked
    # (page 1 asked once more after the last page, both ways, is no next page of it: a
    # list grown while read, ``ListingWalk.grown``, BTA's page 3 opening with the card
    # its page 2 ends with)
    chain = walked[:-1] if len(walked) > 1 and walked[-1] == walked[0] else walked
    assert [s.next_page for s in starts[: len(chain) - 1]] == chain[1:]
    assert all(s.articles for s in starts if s.status == 200)
    for page, next_page in rules_compete.items():
        assert next(s.next_page for s in starts if s.url == page) == next_page
