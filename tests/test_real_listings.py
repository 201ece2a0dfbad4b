"""Seven real listing pages of Bulgarian public bodies (../shared/bg-pages, issue 16).

Each page is read with a profile that knows only the site's origin, hosts and the listing
URL: no article pattern. For each page the test lists the news items a person sees there
(read off the page by hand, one key per item: the id or slug in its URL) and checks what
``article_links`` queues against them. Across the seven: at least 70 of the 76 items, and
at least 90 % of what is queued are news items of that listing.

government.bg shows 15 lead items with a summary, then 485 older headlines of the same
list further down; the 15 are the items counted as "seen", the 485 count as items of the
listing when queued. Its right column holds 20 items of another list ("Новини"), which
count against precision when queued.

The pages stay in ../shared (third-party content); the tests skip when it is absent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from newsarchive.discover.listings import article_links
from newsarchive.discover.next_pages import next_page_url
from newsarchive.fetch.charset import decode_html
from newsarchive.models import Profile

from .support import SHARED

PAGES = SHARED / "bg-pages" / "other-bg"
pytestmark = pytest.mark.skipif(not PAGES.is_dir(), reason="../shared/bg-pages is absent")


@dataclass(frozen=True)
class Listing:
    file: str
    url: str
    key: str  # regex whose group 1 names the item a queued URL leads to
    seen: tuple[str | None, ...]  # the items a person sees; None: an item with no link
    of_listing: str = ""  # regex for further items of this listing (older headlines)


def _ids(first: int, last: int) -> tuple[str, ...]:
    return tuple(str(n) for n in range(first, last - 1, -1))


LISTINGS = {
    "government.bg": Listing(
        "govalert_2014__government.bg_novini_listing__cp1251.html",
        "http://www.government.bg/cgi-bin/e-cms/vis/vis.pl?s=001&p=0213&g=",
        key=r"vis\.pl\?s=001&p=0213&n=(\d+)&g=$",
        seen=_ids(910, 896),
        of_listing=r"vis\.pl\?s=001&p=0213&n=(\d+)&g=$",
    ),
    "blagoevgrad.mvr.bg": Listing(
        "govalert_2014__blagoevgrad.mvr.bg_novini_listing.html",
        "http://www.blagoevgrad.mvr.bg/Prescentar/Novini/default.htm",
        key=r"/(?:Prescentar/Novini/[Nn]ews-(\d{8})|NR/exeres/(5AC5C2CD)[-\w]*)\.htm$",
        seen=(
            "20141218",
            "20141216",
            "20141215",
            "20141204",
            "20141117",
            "20141107",
            "20141103",
            "20141031",
            "20141027",
            "5AC5C2CD",
        ),
    ),  # fmt: skip
    "mh.government.bg": Listing(
        "govalert_2014__mh.government.bg_novini_listing__no-charset-meta.html",
        "http://www.mh.government.bg/News.aspx?pageid=401",
        key=r"/News\.aspx\?(?:lang=bg-BG&)?pageid=401&newsid=(\d+)$",
        seen=_ids(4457, 4450),  # postback links: WebForm_PostBackOptions(…, "/News.aspx?…")
    ),
    "nap.bg": Listing(
        "govalert_2014__nap.bg_aktualno_listing.html",
        "http://www.nap.bg/page?id=223",
        key=r"/news\?id=(\d+)$",
        seen=(
            "1925",
            "1923",
            "1922",
            "1921",
            "1914",
            "1913",
            "1903",
            "1904",
            "1902",
            "1898",
            "1896",
            "1860",
            "1895",
            "1894",
            "1887",
            "1884",
            "1874",
            "1872",
            "1864",
            "1862",
        ),  # every one opened by onclick="ShowWindow('/news?id=…', …)"
    ),  # fmt: skip
    "tso.bg": Listing(
        "govalert_2014__tso.bg_novini_listing.html",
        "http://www.tso.bg/default.aspx/novini/bg",
        key=r"/default\.aspx/(novini-[a-z-]+)/bg$",
        # the first item (about the repaired grid faults) has no link at all
        seen=(None, "novini-elektroenergien-sistemen", "novini-eso-ead-blagotvoritel"),
    ),
    "constcourt.bg": Listing(
        "govalert_2014__constcourt.bg_news_listing.html",
        "http://constcourt.bg/news",
        key=r"/news/Post/(\d+)/[^/]+$",
        seen=("890", "888", "886", "883", "874", "879", "866", "863", "844", "842"),
    ),
    "mrrb.government.bg": Listing(
        "govalert_2014__mrrb.government.bg_category39_listing.html",
        "http://www.mrrb.government.bg/?controller=category&catid=39",
        key=r"/\?controller=articles&id=(\d+)$",
        seen=(
            "6001",
            "5987",
            "5924",
            "5903",
            "5679",
            "5532",
            "5393",
            "5333",
            "4860",
            "5064",
        ),
    ),  # fmt: skip
}


@dataclass(frozen=True)
class Score:
    seen: int
    found: int  # seen items that were queued
    queued: int
    correct: int  # queued URLs that are news items of this listing


def _key(pattern: str, url: str) -> str | None:
    match = re.search(pattern, url)
    return next((group for group in match.groups() if group), None) if match else None


def _profile(listing: Listing) -> Profile:
    """What the issue allows: the site's origin, hosts and this listing's URL; no pattern."""
    host = listing.url.split("/")[2]
    bare = host.removeprefix("www.")
    return Profile(
        id=bare,
        name=bare,
        origin=f"http://{host}",
        hosts=tuple(dict.fromkeys((host, bare, f"www.{bare}"))),
        start_urls=(listing.url,),
    )


def _score(name: str) -> Score:
    listing = LISTINGS[name]
    text, _ = decode_html((PAGES / listing.file).read_bytes())
    urls = [c.url for c in article_links(text, listing.url, _profile(listing))]
    assert len(urls) == len(set(urls)), "a URL queued twice"
    keys = [_key(listing.key, url) for url in urls]
    assert len([k for k in keys if k]) == len({k for k in keys if k}), "an item queued twice"
    seen = {item for item in listing.seen if item}
    correct = sum(
        1
        for url, key in zip(urls, keys, strict=True)
        if key in seen or (listing.of_listing and _key(listing.of_listing, url))
    )
    return Score(len(listing.seen), len(seen & set(keys)), len(urls), correct)


@pytest.mark.parametrize("name", sorted(LISTINGS))
def test_real_listing_queues_the_items_a_person_sees(name: str) -> None:
    score = _score(name)
    linked = sum(1 for item in LISTINGS[name].seen if item)
    assert score.found == linked, f"{name}: {score}"
    assert score.correct >= 0.9 * score.queued, f"{name}: {score}"


def test_real_listings_together_reach_the_issue_targets() -> None:
    scores = [_score(name) for name in LISTINGS]
    seen = sum(s.seen for s in scores)
    assert seen == 76
    assert sum(s.found for s in scores) >= 70
    assert sum(s.correct for s in scores) >= 0.9 * sum(s.queued for s in scores)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "blagoevgrad.mvr.bg",
            "http://www.blagoevgrad.mvr.bg/Prescentar/Novini/default.htm?Category1Pg=1",
        ),
        ("nap.bg", "http://www.nap.bg/page?id=223&textMode=0&sId519cP=2&sId519nsA=2014"),
        ("constcourt.bg", "http://constcourt.bg/news?Page=2"),
        (
            "mrrb.government.bg",
            "http://www.mrrb.government.bg/?controller=category&catid=39&page=2",
        ),
        ("mh.government.bg", None),  # paged only by an ASP.NET postback (a POST)
        ("government.bg", None),  # one long page and an archive link
    ],
)
def test_real_listing_next_page(name: str, expected: str | None) -> None:
    listing = LISTINGS[name]
    text, _ = decode_html((PAGES / listing.file).read_bytes())
    assert next_page_url(text, listing.url, _profile(listing), 1) == expected
