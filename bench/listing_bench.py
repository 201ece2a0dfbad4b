"""Listing benchmark: link detection on hostile and real listing pages.

Issue 10, row 4: a listing with N links inside one ``<div>`` took N² time (N=2,000: 57 s).
This times ``article_links`` (no article pattern: the generic card detection) on such a
page for N = 2,000 / 10,000 / 30,000, in three shapes: bare links in one div, dated cards
in one div, and N tables nested one inside the next (the deepest tree a page can make).
It also reports how much of the time goes to the card dates (``Candidate.listed_date``),
measured by running once with the date parser short-circuited.

Target: 30,000 links well under a second. Times are CPU seconds (process time, so other
work on a shared machine counts less), best of three.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from unittest import mock

from newsarchive.discover import listings
from newsarchive.models import Profile

PROFILE = Profile(id="x", name="x", origin="https://www.x.bg", hosts=("www.x.bg",))
PAGE = "https://www.x.bg/novini"


def bare(n: int) -> str:
    links = "".join(f'<a href="/novini/{i}">Новина номер {i} за общината</a>' for i in range(n))
    return f"<html><body><div>{links}</div></body></html>"


def cards(n: int) -> str:
    items = "".join(
        f'<div class="item"><a href="/novini/{i}">Общината ремонтира улица номер {i}</a>'
        f"<span>{1 + i % 28:02d}.11.2025</span></div>"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2000,10000,30000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'page':<8}{'links':>8}{'found':>8}{'seconds':>10}{'no dates':>10}{'dates %':>9}")
    for name, build in (("bare", bare), ("cards", cards), ("nested", nested)):
        for n in sizes:
            html = build(n)
            found = len(listings.article_links(html, PAGE, PROFILE))
            seconds = best(lambda html=html: listings.article_links(html, PAGE, PROFILE))
            with mock.patch.object(listings, "card_date", lambda card: None):
                undated = best(lambda html=html: listings.article_links(html, PAGE, PROFILE))
            share = 100 * (seconds - undated) / seconds if seconds else 0.0
            print(f"{name:<8}{n:>8}{found:>8}{seconds:>10.3f}{undated:>10.3f}{share:>8.0f}%")


if __name__ == "__main__":
    main()
