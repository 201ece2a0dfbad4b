"""A "load more" endpoint that answers JSON, read as the listing page it stands for.

A "Зареди още" button (``next_pages.find_next_link``) fetches the next cards from its
``data-`` address; many sites answer that with JSON instead of an HTML fragment: the
cards' markup in one field and the next address in another (``{"html": "<div
class=card>…", "next": "/api/news?ot=6"}``, Laravel's ``next_page_url``), or the items
themselves (``{"items": [{"url", "title", "date"}]}``). A person clicking sees those
cards; here the answer becomes the HTML a person would see, with its next address as
``<link rel="next">``, so the listing's own rules read it as any page. Pure and bounded:
a text that is no JSON object or list is None, and the walk over its items is
``embedded``'s, with its budget.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from html import escape
from urllib.parse import urlsplit, urlunsplit

from newsarchive.discover.embedded import json_items
from newsarchive.discover.pager_words import PAGE_IN_ADDRESSES
from newsarchive.discover.urls import from_site_root

# Where such answers put the cards' markup, and the next address (first found wins).
_HTML_KEYS = ("html", "content", "markup", "items_html", "view", "rendered", "data")
_NEXT_KEYS = (
    "next", "next_url", "nextUrl", "next_page_url", "nextPageUrl", "next_page", "nextPage",
    "more_url", "load_more_url", "url_next",
)  # fmt: skip


def as_listing(text: str, page_url: str) -> str | None:
    """The HTML a JSON answer stands for, or None when ``text`` is not JSON."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if not stripped.startswith(("{", "[")):
        return None
    try:
        data = json.loads(stripped)
    except (ValueError, RecursionError):
        return None
    markup = _field(data, _HTML_KEYS, lambda v: "<" in v and ">" in v)
    if markup is None:
        items = json_items(data, page_url)
        markup = "\n".join(
            f'<div class="item"><a href="{escape(i.url)}">{escape(i.title)}</a>'
            + (f' <time datetime="{i.published}">{i.published}</time>' if i.published else "")
            + "</div>"
            for i in items
        )
    following = _field(data, _NEXT_KEYS, lambda v: _address(v, page_url))
    following = following or _numbered_next(data, page_url)
    if isinstance(data, list) and markup and not following:
        # a bare list names no next page: its script asks the next number until an
        # answer is empty (``[]``), and so does the walk (composed seed 972: the oldest
        # four of twelve behind such a button, no link, feed or sitemap beside it)
        following = _in_page_field(page_url, None)
    head = f'<link rel="next" href="{escape(following)}">' if following else ""
    return f"<!DOCTYPE html><html><head>{head}</head><body>{markup}</body></html>"


# the query field a script sends the page's number in (``?page=2``, ``?strana=2``,
# WordPress's ``paged``): the pager's words (``pager_words``), not ``p``, a post's id
_PAGE_FIELD = re.compile(
    rf"(?:^|&)({'|'.join((*PAGE_IN_ADDRESSES, 'paged'))})=(\d{{1,6}})(?=&|$)", re.IGNORECASE
)


def _numbered_next(data: object, page_url: str) -> str | None:
    """The next page where the answer names it by its number (``{"html": …, "next":
    3}``, ``"next_page": "3"``), which the script sends back in the field this page was
    asked by (``/api/novini?page=2``): this address with that field's number the next.
    Read as no address (``_address``), the walk ended at the endpoint's second page,
    the older cards never read (composed sites' JSON "Зареди още"). Only a number above
    this page's own, in a page-number field the address carries: a cursor, an offset
    or a number no field of the address holds is the script's own business."""
    values = [data.get(key) for key in _NEXT_KEYS] if isinstance(data, dict) else []
    number = next(
        (
            int(value)
            for value in values
            if (isinstance(value, int) and not isinstance(value, bool))
            or (isinstance(value, str) and value.strip().isdigit())
        ),
        None,
    )
    return None if number is None else _in_page_field(page_url, number)


def _in_page_field(page_url: str, number: int | None) -> str | None:
    """``page_url`` with ``number`` (None: its own page's next) in the page-number field
    it carries, where it carries one and the number is above its own."""
    parts = urlsplit(page_url)
    found = _PAGE_FIELD.search(parts.query)
    if found is None:
        return None
    number = int(found[2]) + 1 if number is None else number
    if number <= int(found[2]):
        return None
    query = parts.query[: found.start(2)] + str(number) + parts.query[found.end(2) :]
    return urlunsplit(parts._replace(query=query))


def _address(value: str, page_url: str) -> bool:
    """Whether a next field's ``value`` is an address, not a cursor or a page number
    (``"eyJpZCI6NX0"``, ``"2"``, which the site's script sends back in a query it
    builds): one from the site's root or absolute, a query, or a path-relative one
    repeating the folders the endpoint is in (``api/news?ot=6`` from ``/api/news?ot=3``,
    read from the site's root as the listing reads its ``<link rel="next">``: by
    ``urls.from_site_root``, the one rule for a page's links)."""
    return value.startswith(("/", "http", "?")) or from_site_root(value, page_url) != value


def _field(data: object, keys: tuple[str, ...], fits: Callable[[str], bool]) -> str | None:
    """The first of ``keys`` holding a string that ``fits``, at the top level or one
    level down (``{"data": {"html": …}}``, ``{"links": {"next": …}}``)."""
    levels = [data] if isinstance(data, dict) else []
    levels += [v for v in (data.values() if isinstance(data, dict) else ()) if isinstance(v, dict)]
    for level in levels:
        for key in keys:
            value = level.get(key)
            if isinstance(value, str) and value.strip() and fits(value.strip()):
                return value.strip()
    return None
