"""Listing pages: article links by the profile's URL pattern, and the next page to walk.

Both work without a profile rule too. Links: with no article pattern, a link counts as an
article when its text reads like a headline, its URL like an article slug, and it sits
outside menus, footers and sidebars (a link-density heuristic). Paging: with no
``pagination`` template, ``rel=next``, a "Следваща"/"Напред"/"»" link or the link to page
N+1 among the page numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.discover.urls import (
    is_article_url,
    looks_like_article_path,
    normalize_url,
    on_site,
    url_key,
)
from newsarchive.extraction.dates import local_date, parse_text_date
from newsarchive.models import Candidate, Profile

_NEXT_TEXT = re.compile(
    r"^(?:следващ[аи]?(?: страница)?|напред|по-стари(?: новини)?|още новини|next(?: page)?|"
    r"older(?: posts)?)?\s*(?:[»›>→]{1,2})?$",
    re.IGNORECASE,
)
_FURNITURE_TAGS = frozenset({"nav", "footer", "header", "aside", "menu"})
_FURNITURE_ATTR = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|footer|header|sidebar|breadcrumbs?|crumbs|topbar|"
    r"submenu|mainmenu|lang|social|share|cookie|banners?|partners?|tags?)(?:$|[\s_-])",
    re.IGNORECASE,
)


Listing = str | LexborHTMLParser  # HTML, or a tree already parsed (the crawler parses once)


def _tree(html: Listing) -> LexborHTMLParser:
    return html if isinstance(html, LexborHTMLParser) else LexborHTMLParser(html)


def _base_url(tree: LexborHTMLParser, page_url: str) -> str:
    base = urlsplit(page_url)._replace(fragment="").geturl()
    base_node = tree.css_first("base[href]")
    if base_node is not None:
        base = normalize_url(base_node.attributes.get("href") or "", page_url) or base
    return base


def article_links(html: Listing, page_url: str, profile: Profile) -> list[Candidate]:
    """Article candidates on a listing page, in page order, each once."""
    tree = _tree(html)
    base = _base_url(tree, page_url)
    seen: dict[str, Candidate] = {}
    for anchor in tree.css("a[href]"):
        url = normalize_url(anchor.attributes.get("href") or "", base)
        if url is None:
            continue
        key = url_key(url)
        if key in seen:
            continue
        if profile.article_pattern:
            if not is_article_url(url, profile):
                continue
        elif not _looks_like_article_link(anchor, url, page_url, profile):
            continue
        seen[key] = Candidate(
            url=url,
            site=profile.id,
            source=page_url,
            listed_date=_card_date(anchor, url, base, profile),
        )
    return list(seen.values())


def _card_date(anchor: LexborNode, url: str, base: str, profile: Profile) -> dt.date | None:
    """The date printed on the link's own card ("DD.MM.YYYY" under a headline), if any.

    The card is the largest ancestor (up to four levels) whose links all lead to this
    URL, so a date from a neighbouring card is never taken.
    """
    card: LexborNode | None = None
    node = anchor.parent
    for _ in range(4):
        if node is None or node.tag in ("body", "html", None):
            break
        targets = set()
        for link in node.css("a[href]"):
            target = normalize_url(link.attributes.get("href") or "", base)
            if target is not None:
                targets.add(target)
        if targets - {url}:
            break
        card = node
        node = node.parent
    if card is None:
        return None
    text = " ".join((card.text(deep=True, separator=" ") or "").split())
    found = parse_text_date(text[:500])
    return local_date(found) if found else None


def _in_furniture(node: LexborNode) -> bool:
    current: LexborNode | None = node.parent
    while current is not None and current.tag not in ("body", "html", None):
        if current.tag in _FURNITURE_TAGS:
            return True
        marker = f"{current.attributes.get('class') or ''} {current.attributes.get('id') or ''}"
        if marker.strip() and _FURNITURE_ATTR.search(marker):
            return True
        current = current.parent
    return False


def _looks_like_article_link(anchor: LexborNode, url: str, page_url: str, profile: Profile) -> bool:
    """The generic rule when a profile has no article pattern."""
    if not on_site(url, profile) and urlsplit(url).netloc != urlsplit(page_url).netloc:
        return False
    if not looks_like_article_path(url):
        return False
    text = " ".join((anchor.text(deep=True) or "").split())
    if len(text) < 20 or len(text.split()) < 4:
        return False
    return not _in_furniture(anchor)


def next_page_url(html: Listing, page_url_now: str, profile: Profile, page: int) -> str | None:
    """The listing page after ``page`` (1-based), or None when the listing ends here.

    With a profile ``pagination`` template the next URL is computed from the start URL
    (``start_url`` is ``page_url_now`` for page 1); otherwise the page's own links decide.
    """
    if profile.pagination:
        start = _strip_page(page_url_now, profile.pagination, page)
        return page_url(start, profile.pagination, page + 1)
    return find_next_link(html, page_url_now, profile, page)


def find_next_link(html: Listing, page_url_now: str, profile: Profile, page: int) -> str | None:
    """Generic paging: ``rel=next``, a "next" link by its text, or the link to page N+1."""
    tree = _tree(html)
    base = _base_url(tree, page_url_now)
    current = normalize_url(page_url_now) or page_url_now

    def usable(href: str | None) -> str | None:
        url = normalize_url(href or "", base)
        if url is None:
            return None
        if url == current or not on_site(url, profile):
            return None
        if profile.article_pattern and is_article_url(url, profile):
            return None  # a "next article" link, not a listing page
        return url

    for node in tree.css("link[rel], a[rel]"):
        rels = (node.attributes.get("rel") or "").lower().split()
        if "next" in rels and (url := usable(node.attributes.get("href"))):
            return url
    anchors = tree.css("a[href]")
    for anchor in anchors:
        text = " ".join((anchor.text(deep=True) or "").split())
        label = text or (
            anchor.attributes.get("aria-label") or anchor.attributes.get("title") or ""
        )
        if label and _NEXT_TEXT.match(label) and (url := usable(anchor.attributes.get("href"))):
            return url
    wanted = str(page + 1)
    for anchor in anchors:
        text = " ".join((anchor.text(deep=True) or "").split())
        if text == wanted and _in_pager(anchor) and (url := usable(anchor.attributes.get("href"))):
            return url
    return None


_NUMBER = re.compile(r"(?<!\d)\d{1,4}(?!\d)")


def _in_pager(anchor: LexborNode) -> bool:
    """A page number sits among other page numbers ("1 2 3 … 10"), not alone in a text."""
    node = anchor.parent
    for _ in range(2):
        if node is None:
            return False
        text = " ".join((node.text(deep=True, separator=" ") or "").split())
        if len(text) <= 200 and len(set(_NUMBER.findall(text))) >= 2:
            return True
        node = node.parent
    return False


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
