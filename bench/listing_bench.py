"""Listing benchmark: link detection on hostile and real listing pages.

Issue 10, row 4: a listing with N links inside one ``<div>`` took N² time (N=2,000: 57 s).
This times ``article_links`` (no article pattern: the generic card detection) on such a
page for N = 2,000 / 10,000 / 30,000, in three shapes: bare links in one div, dated cards
in one div (each with its own excerpt, so no date text repeats), and N tables nested one
inside the next (the deepest tree a page can make).
It also reports how much of the time goes to the card dates (``Candidate.listed_date``),
measured by running once with the date parser short-circuited.

Target: 30,000 links well under a second. A page's links past the first 10,000
(``anchors.MAX_LINKS``) are not read: 30,000 find 10,000. Times are CPU seconds (process
time, so other work on a shared machine counts less), best of three.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from unittest import mock

from newsarchive.discover import listings
from newsarchive.fetch.charset import decode_html
from newsarchive.models import Profile

REAL = Path(__file__).resolve().parents[2] / "shared" / "bg-pages" / "other-bg"
REAL_PAGES = {  # issue 16's seven listings, read where they are kept (never copied here)
    "government.bg_novini_listing__cp1251": "http://www.government.bg/cgi-bin/e-cms/vis/vis.pl?s=001&p=0213&g=",
    "blagoevgrad.mvr.bg_novini_listing": "http://www.blagoevgrad.mvr.bg/Prescentar/Novini/default.htm",
    "mh.government.bg_novini_listing__no-charset-meta": "http://www.mh.government.bg/News.aspx?pageid=401",
    "nap.bg_aktualno_listing": "http://www.nap.bg/page?id=223",
    "tso.bg_novini_listing": "http://www.tso.bg/default.aspx/novini/bg",
    "constcourt.bg_news_listing": "http://constcourt.bg/news",
    "mrrb.government.bg_category39_listing": "http://www.mrrb.government.bg/?controller=category&catid=39",
}  # fmt: skip

PROFILE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))
PAGE = "https://www.x.bg/novini"


def bare(n: int) -> str:
    links = "".join(f'<a href="/novini/{i}">Новина номер {i} за общината</a>' for i in range(n))
    return f"<html><body><div>{links}</div></body></html>"


def cards(n: int) -> str:
    items = "".join(
        f'<div class="item"><a href="/novini/{i}">Общината ремонтира улица номер {i}</a>'
        f"<span>{1 + i % 28:02d}.11.2025</span><p>Работата по участък {i} започва утре.</p></div>"
        for i in range(n)
    )
    return f"<html><body><div class='list'>{items}</div></body></html>"


def nested(n: int) -> str:
    opening = "".join(
        f'<table><tr><td><a href="/novini/{i}">Новина номер {i} за общината</a>' for i in range(n)
    )
    return f"<html><body>{opening}</body></html>"


def best(run: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def _row(name: str, links: int, html: str, page: str, profile: Profile) -> None:
    found = len(listings.article_links(html, page, profile))
    seconds = best(lambda: listings.article_links(html, page, profile))
    with mock.patch.object(listings, "card_date", lambda card, memo=None, today=None: None):
        undated = best(lambda: listings.article_links(html, page, profile))
    share = 100 * (seconds - undated) / seconds if seconds else 0.0
    print(f"{name:<16}{links:>8}{found:>8}{seconds:>10.3f}{undated:>10.3f}{share:>8.0f}%")


def real_pages() -> None:
    """The seven real listings, when ../shared is there."""
    if not REAL.is_dir():
        print("(../shared/bg-pages absent: real pages skipped)")
        return
    for stem, page in REAL_PAGES.items():
        html, _ = decode_html((REAL / f"govalert_2014__{stem}.html").read_bytes())
        host = page.split("/")[2]
        bare = host.removeprefix("www.")
        hosts = (bare, f"www.{bare}")
        profile = Profile(id="x", name="x", origin=f"http://{host}", hosts=hosts)
        _row(
            host.removeprefix("www.")[:16],
            html.count("<a ") + html.count("<A "),
            html,
            page,
            profile,
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000,30000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'page':<16}{'links':>8}{'found':>8}{'seconds':>10}{'no dates':>10}{'dates %':>9}")
    for name, build in (("bare", bare), ("cards", cards), ("nested", nested)):
        for n in sizes:
            _row(name, n, build(n), PAGE, PROFILE)
    real_pages()


if __name__ == "__main__":
    main()
