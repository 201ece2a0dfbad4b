"""Listing pages: article links by the profile's URL pattern, and the next page to walk."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.urls import canonical_host, is_article_url, normalize_url
from newsarchive.models import Candidate, Profile


def article_links(html: str, page_url: str, profile: Profile) -> list[Candidate]:
    """Article candidates on a listing page, in page order, each once."""
    tree = LexborHTMLParser(html)
    base_node = tree.css_first("base[href]")
    base = urlsplit(page_url)._replace(fragment="").geturl()
    if base_node is not None:
        base = normalize_url(base_node.attributes.get("href") or "", page_url) or base
    seen: dict[str, Candidate] = {}
    for anchor in tree.css("a[href]"):
        url = normalize_url(anchor.attributes.get("href") or "", base)
        if url is None:
            continue
        url = canonical_host(url, profile)
        if url in seen or not is_article_url(url, profile):
            continue
        seen[url] = Candidate(url=url, site=profile.id, source=page_url)
    return list(seen.values())


def next_page_url(html: str, page_url_now: str, profile: Profile, page: int) -> str | None:
    """The listing page after ``page`` (1-based), or None when the listing ends here.

    With a profile ``pagination`` template the next URL is computed from the start URL
    (``start_url`` is ``page_url_now`` for page 1); generic next-link detection belongs here.
    """
    del html  # used by generic next-link detection
    if not profile.pagination:
        return None
    start = _strip_page(page_url_now, profile.pagination, page)
    return page_url(start, profile.pagination, page + 1)


def _strip_page(url: str, pagination: str, page: int) -> str:
    """Undo ``page_url`` so page N's URL yields the start URL again."""
    if page <= 1:
        return url
    suffix = pagination.format(page=page)
    if suffix.startswith("?"):
        parts = urlsplit(url)
        query = "&".join(q for q in parts.query.split("&") if q and q != suffix[1:])
        return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    return url.replace(suffix.rstrip("/"), "", 1)


def page_url(start_url: str, pagination: str, page: int) -> str:
    """Listing page ``page`` (1-based) for a template like ``?p={page}`` or ``/page/{page}/``."""
    if page <= 1 or not pagination:
        return start_url
    suffix = pagination.format(page=page)
    parts = urlsplit(start_url)
    if suffix.startswith("?"):
        query = "&".join(q for q in (parts.query, suffix[1:]) if q)
        return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
    return urlunsplit(
        (parts.scheme, parts.netloc, parts.path.rstrip("/") + suffix, parts.query, "")
    )
