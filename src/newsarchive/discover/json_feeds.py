"""Feeds in JSON: WordPress's REST API list of posts, and JSON Feed.

A WordPress site whose pages are drawn by script (a home page filled from
``/wp-json/wp/v2/posts``), and with no sitemap, shows a crawler its newest ten posts in the
RSS feed and nothing older; the REST API it announces in every page's ``<head>``
(``<link rel="https://api.w.org/">``) lists the newest hundred in one request, each with
its address and date, and the older ones a hundred a page (``wp_posts_next``). JSON Feed
(``{"items": [{"url", "date_published"}]}``) is the same thing in another spelling. Both
are read here as entries of (URL, date), so the crawl treats them as it treats any feed.

Pure and bounded: the caller passes at most ``max_bytes`` of the response, at most
``max_entries`` entries are kept, and anything that is not such JSON yields None (not a
JSON feed), so an XML feed or a page is never mistaken for one.
"""

from __future__ import annotations

import codecs
import json
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsarchive.date_stamps import Published, date_field, parse_iso

# The WordPress REST route of the posts, and what is asked of it: a hundred (the API's
# largest page), the address and the date only (``_fields``, WordPress 4.9.8+), so the
# answer is a few kilobytes, not every post's full text.
WP_POSTS_ROUTE = "wp/v2/posts"
WP_POSTS_QUERY = {"per_page": "100", "_fields": "link,date"}
# Pages of that list read on one exploring run at most (five thousand posts): the crawl's
# request budget stops it sooner when the posts' own fetches spend it.
MAX_WP_PAGES = 50
_URL_KEYS = ("link", "url", "permalink")
# WordPress's ``date`` is the site's own time (what its pages show); JSON Feed's is ISO
_DATE_KEYS = ("date_published", "date", "date_gmt")


def wp_posts_endpoint(api_root: str) -> str:
    """The posts' list under a WordPress REST API root, as ``<link rel="https://api.w.org/">``
    gives it: ``https://x.bg/wp-json/`` with pretty permalinks, ``https://x.bg/?rest_route=/``
    without (the route then travels in that parameter)."""
    parts = urlsplit(api_root)
    params = parse_qsl(parts.query, keep_blank_values=True)
    if any(name == "rest_route" for name, _ in params):
        params = [
            (name, value.rstrip("/") + "/" + WP_POSTS_ROUTE if name == "rest_route" else value)
            for name, value in params
        ]
        query = urlencode([*params, *WP_POSTS_QUERY.items()], safe="/,")
        return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    path = parts.path.rstrip("/") + "/" + WP_POSTS_ROUTE
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(WP_POSTS_QUERY, safe=","), ""))


def is_wp_posts(url: str) -> bool:
    """Whether ``url`` is WordPress's list of posts (its REST route, in the path or in a
    ``?rest_route=``): paged by ``wp_posts_next`` to ``MAX_WP_PAGES``, not by a run's
    page cap."""
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    route = next((v for k, v in params if k == "rest_route"), parts.path)
    return route.rstrip("/").endswith(WP_POSTS_ROUTE)


def wp_posts_next(url: str, total_pages: str | None, entries: int) -> str | None:
    """The next page of WordPress's list of posts read at ``url`` (a hundred posts a
    page: older ones are only on ``page=2`` and on), or None at its end. The end is the
    ``X-WP-TotalPages`` WordPress sends beside the list (``total_pages``) or, when a proxy
    dropped it, a page with fewer than a hundred ``entries``; never past ``MAX_WP_PAGES``.
    None for any other feed."""
    if not is_wp_posts(url):
        return None
    parts = urlsplit(url)
    params = parse_qsl(parts.query, keep_blank_values=True)
    here = next((int(v) for k, v in params if k == "page" and v.isdigit()), 1)
    total = (total_pages or "").strip()
    more = here < int(total) if total.isdigit() else entries >= int(WP_POSTS_QUERY["per_page"])
    if not more or here >= MAX_WP_PAGES:
        return None
    params = [(k, v) for k, v in params if k != "page"] + [("page", str(here + 1))]
    return urlunsplit((*parts[:3], urlencode(params, safe="/,"), ""))


def json_entries(
    content: bytes, *, max_bytes: int, max_entries: int
) -> tuple[list[tuple[str, Published | None, str | None, str | None]], bool] | None:
    """The (URL, date, title as written, whole text as HTML: JSON Feed's ``content_html``,
    the WordPress REST API's ``content.rendered``) of each item, in order, and whether
    there were more than ``max_entries``; None when ``content`` is not a JSON list of
    posts or a JSON Feed (nor one cut at ``max_bytes``, which JSON cannot be read past)."""
    # (the first bytes looked at first: every XML feed and sitemap passes through here)
    if not content[:512].removeprefix(codecs.BOM_UTF8).lstrip().startswith((b"[", b"{")):
        return None
    try:
        data = json.loads(content[:max_bytes].removeprefix(codecs.BOM_UTF8))
    except (ValueError, RecursionError):
        return None
    items = data.get("items") if isinstance(data, dict) else data
    if not isinstance(items, list):
        return None
    found: list[tuple[str, Published | None, str | None, str | None]] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        url = next((v for k in _URL_KEYS if isinstance(v := item.get(k), str) and v), None)
        if url is None:
            continue
        if len(found) >= max_entries:
            return found, True
        date = next((v for k in _DATE_KEYS if isinstance(v := item.get(k), str) and v), "")
        date = date_field(date)
        published = parse_iso(date) if date else None
        whole = _title(item.get("content_html") or item.get("content"))
        found.append((url, published, _title(item.get("title")), whole))
    if items and not found:
        return None  # a list of something else (comments' ids, numbers)
    return found, False


def _title(value: object) -> str | None:
    """An item's title as written: JSON Feed's string, the WordPress REST API's
    ``{"rendered": "..."}`` (HTML, its entities read by ``headlines.printed_title``)."""
    if isinstance(value, dict):
        value = value.get("rendered")
    return value if isinstance(value, str) and value.strip() else None


def json_next_page(content: bytes, *, max_bytes: int) -> str | None:
    """A JSON Feed's ``next_url``: its next (older) page, which the feed names as an Atom
    feed names its ``<link rel="next">`` (RFC 5005); None for anything else (a WordPress
    list of posts pages by its ``X-WP-TotalPages`` header, ``wp_posts_next``)."""
    if not content[:512].removeprefix(codecs.BOM_UTF8).lstrip().startswith(b"{"):
        return None
    try:
        data = json.loads(content[:max_bytes].removeprefix(codecs.BOM_UTF8))
    except (ValueError, RecursionError):
        return None
    following = data.get("next_url") if isinstance(data, dict) else None
    return following.strip() or None if isinstance(following, str) else None
