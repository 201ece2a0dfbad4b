"""An INDEX page: a page that lists no articles, only list pages of one shape, each an
issue of a paper ("Брой 23 (587), 1 декември 2026", a K2 category per issue), a day of
an archive calendar (a month's grid linking the days an issue came out), or a month of a
news archive ("Архив на новините": "Ноември 2026", "Октомври 2026", each month's page
listing that month's news, the list itself only the newest few and no pager). A weekly filed
by issue reaches its older articles only so: each issue's page lists that issue's
articles and links no other issue, each day's page shows no grid, so a walk going from
page to page by "next" links stops at the newest. The walk reads such a page as a list
of lists instead (``walk.ListingWalk``: its entries newest first, each read as a page of
the listing, then the index before it, the calendar's month before).

Pure: the page's parsed tree and address in, its entries out. A module of its own
because the crawl's walk, ``check-site``'s and exploring (a menu's "Архив", "Броеве")
all ask it (``listing_index``), and it stands below ``next_pages`` (which walks) and
beside ``archive_pages``/``day_pages`` (whose addresses it reads).

An entry's own later pages (an issue holding more articles than its page shows: K2's
``?start=10``, WordPress's ``/broy/47-1236/page/2/``) are read before the next entry:
``later_page`` tells such a page from another issue's or day's, by the address alone.

Not an index: a page of fewer than ``MIN_ENTRIES`` issue links (a "Последен брой" box,
a "Целият брой" link), links labelled a day alone (a blog's date links to its posts:
"11 декември 2026" is no issue), links labelled a year ("2025": a municipality's archive of
decisions, PDFs by year), a file's link (an issue's PDF), a day's link outside a grid
of a month's days (a sidebar's "28 ноември" headline).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.discover.anchors import link_reader
from newsarchive.discover.archive_pages import archive_month
from newsarchive.discover.day_pages import PAGE_FIELDS, calendar_day
from newsarchive.discover.listings import PATH_PAGE
from newsarchive.discover.pager_words import ISSUE_NAMED, issue_option
from newsarchive.discover.shape import is_file_path, split_normal
from newsarchive.discover.urls import url_key

# The issue links of one shape a page holds at least to be an index of issues: fewer are
# a box of the current issue, or a "see also" beside an article.
MIN_ENTRIES = 3
# The month pages of one shape a page links at least to be an index of months: a news
# archive begun last month links two (a month's own page linking its neighbours is none:
# ``_months_index``).
MIN_MONTHS = 2
# The day numbers a calendar's grid prints (linked or not) at least: a month's grid
# prints every day of its month, 28 at least.
GRID_DAYS = 28
_GRID_LOOK = 4  # how many levels above a day's link its grid is looked for
# The query fields numbering a list's later pages (``day_pages.PAGE_FIELDS``: ``?start=10``,
# ``&page=2``) but ``p``, a query's post id (WordPress's ``?p=4321``, the next post one up).
_PAGE_QUERY = PAGE_FIELDS - {"p"}


@dataclass(frozen=True)
class Index:
    """An index page's entries, newest first, and the index page before it (the older
    month of a calendar the page links: "« Ноември"; None where it links none)."""

    entries: tuple[str, ...]
    older: str | None = None


def index_of(tree: LexborHTMLParser, page_url: str, latest: dt.date | None = None) -> Index | None:
    """The page as an index (module docstring), or None: an index of issues (links of one
    shape labelled each an issue, ``issue_option``, ``MIN_ENTRIES`` at least) or a
    calendar's month (a grid of its days, those linked leading to a day's page,
    ``calendar_day``). Asked of every page a listing walk reads: one whose news cards
    are more than the index's entries (a list beside a sidebar's calendar widget) stays
    a listing (``lists_only``).

    ``latest``: the last day a calendar's day or month may be of to be an entry
    (``next_pages.latest_day``), None for no bound. A grid links every day of its month,
    those ahead too, and "януари »" the month after: an empty day's page read as an index
    of its month's days went on to 31 December first, on 7 December, and back through
    every empty day to the page cap."""
    read = link_reader(tree, page_url)
    host = _bare(urlsplit(page_url).netloc)
    here = split_normal(page_url)
    issues: dict[tuple[str, str], dict[str, int]] = {}
    days: dict[str, dt.date] = {}
    months: dict[str, tuple[int, int]] = {}
    for anchor in tree.css("a[href]"):
        url = read(anchor.attributes.get("href") or "")
        if url is None:
            continue
        # (the host's ``www.`` twin is the same site: an archive linking one month so;
        # ``url`` in normal form, its host is the split's)
        netloc, path, query = parts = split_normal(url)
        if _bare(netloc) != host or parts == here:
            continue
        if is_file_path(path):
            continue
        text = " ".join(anchor.text(separator=" ").split())
        if (day := calendar_day(url)) is not None:
            ahead = latest is not None and day > latest
            if text.isdigit() and int(text) == day.day and _in_grid(anchor) and not ahead:
                days.setdefault(url, day)
            continue
        if (month := archive_month(url, anywhere=True)) is not None:
            if latest is None or month <= (latest.year, latest.month):
                months.setdefault(url, month)
        # (an issue by its word: a day alone, "11 декември 2026", is a post's date link)
        if ISSUE_NAMED.match(text) and (value := issue_option(text)) is not None:
            fields = "&".join(sorted(p.partition("=")[0] for p in query.split("&") if p))
            shape = (path.rsplit("/", 1)[0], fields)
            issues.setdefault(shape, {}).setdefault(url, value)
    if days:
        newest = max(days.values())
        older = [(m, u) for u, m in months.items() if m < (newest.year, newest.month)]
        ordered = sorted(days, key=days.__getitem__, reverse=True)
        return Index(tuple(ordered), max(older)[1] if older else None)
    best = max(issues.values(), key=len, default={})
    if len(best) < MIN_ENTRIES:
        return _months_index(months, page_url)
    return Index(tuple(sorted(best, key=best.__getitem__, reverse=True)))


def _months_index(months: dict[str, tuple[int, int]], page_url: str) -> Index | None:
    """The page as an index of a news archive's months (``MIN_MONTHS`` at least of one
    shape: ``/novini/arhiv/2026-11``, ``/2026/11/``, ``?month=2026-11``, each the month's
    first page, ``archive_month``), newest first, or None. Never a month's or a day's own
    page: one linking the months beside it (a box of them, "« Октомври") is a list of
    its month, walked back by its links or its address (``next_pages``)."""
    if archive_month(page_url, anywhere=True) is not None or calendar_day(page_url) is not None:
        return None
    shapes: dict[str, dict[str, tuple[int, int]]] = {}
    for url, month in months.items():
        if archive_month(url) is None:
            continue  # (a month's later page, ``/2026/11/page/2/``: no entry of its own)
        _netloc, path, query = split_normal(url)
        shapes.setdefault(_DIGITS.sub("#", f"{path}?{query}"), {})[url] = month
    best = max(shapes.values(), key=len, default={})
    if len(best) < MIN_MONTHS:
        return None
    return Index(tuple(sorted(best, key=best.__getitem__, reverse=True)))


# (the numbers of a month's address, which its months' addresses alone differ in)
_DIGITS = re.compile(r"\d+")


def listing_index(
    tree: LexborHTMLParser, page_url: str, cards: Sequence[str], latest: dt.date | None = None
) -> Index | None:
    """The page a listing walk read as an index (``index_of``, its entries up to
    ``latest``) whose news cards (``cards``, as ``listings`` read them) are none but its
    entries (``lists_only``), else None: the one reading of a page the crawl's walk,
    ``check-site``'s and exploring take. (``check-site`` took none, and read "Броеве" as
    a start page of no article links where the crawl walked its issues.)"""
    index = index_of(tree, page_url, latest)
    return index if index is not None and lists_only(index, cards) else None


def lists_only(index: Index, cards: Sequence[str]) -> bool:
    """Whether a page's news cards (``cards``, as ``listings`` read them) are none but the
    index's entries: an issue's address may read as an article's (``/broy/12-2026``), its
    label never as a headline. A page listing news of its own beside them is a listing."""
    entries = {url_key(entry) for entry in index.entries}
    return all(url_key(card) in entries for card in cards)


def later_page(url: str, of: str) -> bool:
    """Whether ``url`` is a later page of the list at ``of`` (an index's entry, or a later
    page of one): the same host, path and query but for the pager's number, a query field
    numbering pages (``?start=10``, ``&page=2``) or a pager's segment ending the path
    (``/page/2/``, ``/strana-2``), which ``url`` spells otherwise than ``of`` does. Never
    another issue's page (``/broy/46-1235/``, ``broi.php?broi=1234``) nor another day's
    (``/arhiv/2026/11/20/``): an issue's "next" link may lead there (``next_pages``: the
    issue before), and that one the index's walk reads in its turn. The host's ``www.``
    twin is the same list: a template linking page 3 as ``https://www.x.bg/?start=6``
    from ``x.bg/?start=3`` (composed seed 228: the walk ended on page 2)."""
    there, pages_there = _list_and_page(url)
    here, pages_here = _list_and_page(of)
    return there == here and bool(pages_there) and pages_there != pages_here


def _list_and_page(url: str) -> tuple[tuple[str, str, tuple[str, ...]], tuple[str, ...]]:
    """An address as the list it is a page of (host, path, other query fields) and the
    marks of its page's number (``later_page``)."""
    netloc, path, query = split_normal(url)
    netloc = netloc.removeprefix("www.")
    marks: list[str] = []
    if (pager := PATH_PAGE.search(path)) is not None:
        marks.append(path[pager.start() :].strip("/").lower())
        path = path[: pager.start()]
    fields: list[str] = []
    for field in filter(None, query.split("&")):
        name, _, value = field.partition("=")
        (marks if name.lower() in _PAGE_QUERY and value.isdigit() else fields).append(field)
    return (netloc, path.rstrip("/"), tuple(sorted(fields))), tuple(sorted(marks))


def _bare(netloc: str) -> str:
    return netloc.lower().removeprefix("www.")


def _in_grid(anchor: LexborNode) -> bool:
    """Whether a day's link stands in a grid of a month's days: a block above it (a
    table, a list) printing ``GRID_DAYS`` different day numbers at least."""
    node = anchor.parent
    for _ in range(_GRID_LOOK):
        if node is None:
            return False
        numbers = {
            text
            for cell in node.css("td, th, li, span, a, div")
            if (text := cell.text(deep=True).strip()).isdigit() and 1 <= int(text) <= 31
        }
        if len(numbers) >= GRID_DAYS:
            return True
        node = node.parent
    return False
