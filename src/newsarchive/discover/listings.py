"""Listing pages: the news links a person sees, and the next page to walk.

Links: with a profile article pattern, the links that match it. Without one, the page's
own structure decides (``news_items``): runs of alike cards holding a headline and
usually a date, outside menus and other furniture, with the article URL shape learned from
those cards. Script-opened URLs (``onclick="ShowWindow('/news?id=1')"``, ASP.NET postback
options) count as links (``anchors.link_target``), and so do rows and cards made
clickable by script or ``data-href`` (``anchors.link_nodes``). Every step is linear in
the page size.
Paging: with no ``pagination`` template, ``rel=next``, a "Следваща"/"Напред"/"»" link or the
link to page N+1 among the page numbers.
"""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.dates import local_date, parse_text_date
from newsarchive.discover.anchors import link_nodes, link_target, page_base
from newsarchive.discover.cards import Card, Link, find_cards
from newsarchive.discover.furniture import Furniture
from newsarchive.discover.items import Items, pick_items
from newsarchive.discover.shape import Shape, is_file_path, split_normal
from newsarchive.discover.urls import (
    is_article_url,
    normalize_url,
    on_site,
    site_hosts,
    url_key,
)
from newsarchive.markup import parse_html
from newsarchive.models import Candidate, Profile

# An icon-only link says it in its aria-label or title, often as "Към следващата страница"
# (Joomla 4 and Drupal pagers in Bulgarian): "към" and the article-bearing form allowed.
# WordPress says "← По-стари публикации" ("Older posts"), the arrow pointing back in time.
_NEXT_TEXT = re.compile(
    r"^(?:(?:(?:към )?следващ(?:а|и|ата)?(?: страница)?|напред|по-стари(?: новини)?|"
    r"още новини|next(?: page)?|older(?: posts)?)?\s*(?:[»›>→]{1,2})?"
    r"|(?:[«‹<←]{1,2}\s*)?(?:по-стари (?:публикации|статии|записи)|older entries))$",
    re.IGNORECASE,
)
# A root-relative link with no dot segments, backslashes or scheme-relative "//": joining it
# to the base is plain concatenation (urljoin costs 4 µs a link, a third of a 30k listing).
_PLAIN_ROOT_PATH = re.compile(r"^/(?!/)(?![^?#]*(?:/\.\.?(?:/|$|[?#])|\\))")
# Something a date could be made of (12.10., 2024-11-20, 12.X., "26 юли 2026", "днес"): a
# card without it skips the date parser, which is most of a card's cost.
_DATE_HINT = re.compile(
    r"\d\s?[./-]\s?[\dIVX]|\d\s+[^\W\d_]{3,}\.?,?\s+\d{4}|днес|вчера|today|yesterday",
    re.IGNORECASE,
)


Listing = str | LexborHTMLParser  # HTML, or a tree already parsed (the crawler parses once)


def _tree(html: Listing) -> LexborHTMLParser:
    return html if isinstance(html, LexborHTMLParser) else parse_html(html)


def page_links(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[Link]:
    """Every link on the page to a page of the site (or of the host serving this page),
    resolved, canonical, in document order; files and off-site links are left out."""
    base = page_base(tree, page_url)
    base_parts = urlsplit(base)
    root = f"{base_parts.scheme}://{base_parts.netloc}"
    hosts = site_hosts(profile) | {urlsplit(page_url).netloc.lower()}
    here = normalize_url(page_url)
    here_netloc, here_path, here_query = split_normal(here) if here else ("", "", "")
    here_params = set(here_query.split("&")) - {""}
    links: list[Link] = []
    for anchor in link_nodes(tree):
        raw = link_target(anchor)
        if not raw:
            continue
        if _PLAIN_ROOT_PATH.match(raw):
            url = normalize_url(root + raw)  # what urljoin gives, without its cost
        else:
            url = normalize_url(raw, base)
        if url is None:
            continue
        netloc, path, query = split_normal(url)
        if netloc not in hosts or is_file_path(path):
            continue
        # back to the listing being read (this page, or its first: a category link)
        back = (
            netloc == here_netloc
            and path == here_path
            and set(query.split("&")) - {""} <= here_params
        )
        nofollow = "nofollow" in (anchor.attributes.get("rel") or "").lower().split()
        links.append(Link(anchor=anchor, url=url, bounds=not (back or nofollow)))
    return links


DateMemo = dict[str, dt.date | None]


def card_date(card: Card, memo: DateMemo | None = None) -> dt.date | None:
    """The date printed on a card ("DD.MM.YYYY" under a headline), if any: beside the
    headline first, then in it (a card that is one big link). ``memo`` keeps what one
    page's texts gave: many cards of a listing carry the same day's date and nothing else."""
    memo = {} if memo is None else memo
    for text in (card.rest, card.text):
        if text not in memo:
            found = parse_text_date(text) if _DATE_HINT.search(text) else None
            memo[text] = local_date(found) if found else None
        if memo[text] is not None:
            return memo[text]
    return None


def news_items(html: Listing, page_url: str, profile: Profile) -> Items:
    """The news item cards a person sees on a page, by its structure alone (the profile's
    article pattern is not used), and the article URL shape they teach: what a listing
    walk queues, and what "An origin is enough" reads off a section page it has found."""
    return _news_items(_tree(html), page_url, profile, {})


def _news_items(
    tree: LexborHTMLParser,
    page_url: str,
    profile: Profile,
    memo: DateMemo,
    known: tuple[Shape, ...] = (),
) -> Items:
    cards = find_cards(page_links(tree, page_url, profile))
    return pick_items(cards, Furniture(), lambda card: card_date(card, memo), known)


def article_links(
    html: Listing, page_url: str, profile: Profile, learned: list[Shape] | None = None
) -> list[Candidate]:
    """Article candidates on a listing page, in page order, each once.

    ``learned`` carries a listing walk's knowledge from page to page: the item shapes
    its earlier pages taught (used here), to which this page's are added."""
    memo: DateMemo = {}
    if profile.article_pattern:
        cards = find_cards(page_links(_tree(html), page_url, profile))
        chosen = [card for card in cards if is_article_url(card.url, profile)]
    else:
        items = _news_items(_tree(html), page_url, profile, memo, tuple(learned) if learned else ())
        chosen = list(items.cards)
        if learned is not None:
            learned.extend(shape for shape in items.shapes if shape not in learned)
    seen: dict[str, Candidate] = {}
    for card in chosen:
        key = url_key(card.url)  # one article however its link is spelt
        if key not in seen:
            seen[key] = Candidate(
                url=card.url, site=profile.id, source=page_url, listed_date=card_date(card, memo)
            )
    return list(seen.values())


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
    base = page_base(tree, page_url_now)
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
    # each anchor's text read once: the "next" pass and the page-number pass share it
    anchors = [(a, " ".join((a.text(deep=True) or "").split())) for a in tree.css("a[href]")]
    for anchor, text in anchors:
        label = text or (
            anchor.attributes.get("aria-label") or anchor.attributes.get("title") or ""
        )
        if label and _NEXT_TEXT.match(label) and (url := usable(anchor.attributes.get("href"))):
            return url
    wanted = str(page + 1)
    pagers: dict[int, bool] = {}  # per parent: 30,000 "2" links in one div read it once
    for anchor, text in anchors:
        if (
            text == wanted
            and _in_pager(anchor, pagers)
            and (url := usable(anchor.attributes.get("href")))
        ):
            return url
    return None


_NUMBER = re.compile(r"(?<!\d)\d{1,4}(?!\d)")


def _in_pager(anchor: LexborNode, seen: dict[int, bool]) -> bool:
    """A page number sits among other page numbers ("1 2 3 … 10"), not alone in a text.
    ``seen`` remembers the answer per block, so many number links in one block cost one
    reading of it, not one each."""
    node = anchor.parent
    for _ in range(2):
        if node is None:
            return False
        key = node.mem_id
        if key not in seen:
            text = " ".join((node.text(deep=True, separator=" ") or "").split())
            seen[key] = len(text) <= 200 and len(set(_NUMBER.findall(text))) >= 2
        if seen[key]:
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
