"""One host, many publishers: the sub-sites in folders of a host whose home page shows
their newest posts (WordPress Multisite's mayoralties at ``/kmetstvo-<x>/``, an NGO
platform's ``/members/<slug>/blog/``).

Such a home page's cards lead into several folders, one a publisher each, and each
folder's own page lists that publisher's news and announces that publisher's own feed:
the home shows only the newest one of each, so a crawl of the root that read the first
news list it found (the main site's) archived none of the rest. A folder is taken for a
sub-site only on the evidence of its own page (``own_news``), never for being a folder:
a municipality's ``/en/``, ``/documents/`` or a paper's ``/sport/`` category is no
publisher of its own. The decisions are pure; ``explorer`` fetches.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from newsarchive.discover.urls import url_key

MIN_SUB_SITES = 2  # distinct folders the home's cards lead into: one is a section, not a network
MIN_OWN_ITEMS = 2  # a sub-site's page lists at least this many of its own posts
# sub-sites' pages opened per exploration, in the home page's order, within the
# exploring budget: each costs one request, and the first folder that proves no
# publisher of its own ends the search (a site that is no network pays one request)
MAX_SUB_SITES = 6
# the home page's news items whose archived addresses are read for the folders they live
# in (``resolved_cards``), in the page's order: what its first screen shows
MAX_RESOLVED = 12


def card_folder(url: str) -> str:
    """The folder a card's article lives in, as a path ending in ``/``: WordPress
    Multisite's short link ``/kmetstvo-x/?p=43`` is the sub-site's own folder; a post's
    ``/members/x/blog/sabor/`` is in ``/members/x/blog/``; a sub-site's dated permalink,
    ``/kmetstvo-x/2026/11/29/sabor/``, is in the folder before its date. ``""`` for an
    address in no folder of its own (the host's root), or whose folder opens with a
    number (the main site's date archive, ``/2026/11/29/``): that is a stream's, not a
    publisher's."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if not (parts.query and path.endswith("/")):
        path = path.rstrip("/").rsplit("/", 1)[0] + "/"
    segments = [s for s in path.split("/") if s]
    dated = next((at for at, s in enumerate(segments) if s.isdigit()), len(segments))
    if not dated:
        return ""
    return "/" + "/".join(segments[:dated]) + "/"


def stream_folder(url: str) -> str:
    """``card_folder``, but an address it leaves in no folder has one too: the script
    serving it where it takes the item from its query (``/novina.php`` of
    ``/novina.php?id=493``, beside the ``/obyava.php`` of a hand-written PHP site's
    notices), else the root, ``/`` (a WordPress site's ``/2026/11/29/x/``, a
    ``/?p=43``). No publisher's folder (``card_folder`` keeps ``""`` for them): what
    tells one stream's items from another's (``explorer.home_news_list``)."""
    if folder := card_folder(url):
        return folder
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if parts.query and len(segments) == 1 and not parts.path.endswith("/"):
        return "/" + segments[0]
    return "/"


def candidate_folders(
    cards: Iterable[str], home: str, covered: Iterable[str], *, limit: int
) -> list[str]:
    """The folders (full URLs) the home page's ``cards`` lead into, in the page's order,
    at most ``limit``: on the home's host, under its folder and not it, none holding or
    held by a source already found or an item of one (``covered``: the main site's
    "Новини" list and feed, the posts they hold). Fewer than ``MIN_SUB_SITES`` of them
    is no network: nothing."""
    root = urlsplit(home)
    home_path = root.path if root.path.endswith("/") else root.path.rsplit("/", 1)[0] + "/"
    known = [
        folder
        for url in covered
        if _host(url) == _host(home)
        for folder in [urlsplit(url).path.rstrip("/") + "/"]
        if folder != home_path
    ]
    found: list[str] = []
    for url in cards:
        parts = urlsplit(url)
        folder = card_folder(url)
        if (
            not folder
            or parts.netloc != root.netloc
            or folder == home_path
            or not folder.startswith(home_path)
            or any(folder.startswith(k) or k.startswith(folder) for k in known)
        ):
            continue
        full = f"{parts.scheme}://{parts.netloc}{folder}"
        if full not in found:
            found.append(full)
    return found[:limit] if len(found) >= MIN_SUB_SITES else []


def resolved_cards(cards: Iterable[str], resolved: Mapping[str, str]) -> list[str]:
    """Where the home page's ``cards`` live, once the crawl archived them
    (``resolved``: the address each was archived under, by the key of the one linked,
    its final URL after redirects or the canonical it states), in the page's order, at
    most ``MAX_RESOLVED`` cards read: only those that live in a folder other than the one
    their link is in. A newspaper group's home links ``/statia/9120``, which moves to
    the edition's ``/kamengrad/9120-novo-osvetlenie``: where the card points says
    nothing of its publisher, where it lives does. A card not archived, or archived
    where it was linked, adds nothing (its address was read already)."""
    found: list[str] = []
    for card in list(cards)[:MAX_RESOLVED]:
        lives = resolved.get(url_key(card))
        if lives is not None and card_folder(lives) not in ("", card_folder(card)):
            found.append(lives)
    return found


def own_news(folder: str, feeds: Iterable[str], cards: Iterable[str]) -> bool:
    """Whether the page at ``folder`` is a publisher's own: it announces a feed of the
    folder's own (``own_feed``, not the host's ``/feed/``) and lists at least
    ``MIN_OWN_ITEMS`` news items inside it. A category page of the main site
    announces the host's feed, or lists posts living elsewhere."""
    return any(own_feed(folder, url) for url in feeds) and _inside(folder, cards)


def own_feed(folder: str, feed: str) -> bool:
    """Whether ``feed`` is the folder's own: inside it (``/hronika/feed/``), or at the
    folder's page address with a query (``/novini?format=feed&type=rss``, Joomla's
    default; ``/novini?feed=rss2``): the feed the folder's page announces of itself,
    where it has no address inside the folder. The host's ``/feed/`` is neither."""
    if feed.startswith(folder):
        return True
    parts = urlsplit(feed)
    return bool(parts.query) and f"{parts.scheme}://{parts.netloc}{parts.path}/" == folder


def featured_news(folder: str, home_cards: Iterable[str], cards: Iterable[str]) -> bool:
    """Whether the page at ``folder`` lists news the home page features as its own: at
    least one of the home page's dated news items (``home_cards``) lives in the folder,
    and the page lists at least ``MIN_OWN_ITEMS`` news items inside it. A library's
    "Изложби" (``/izlozhbi``, no feed) names no news, but the home's news show its
    newest exhibition beside the "Новини" ones: the site saying its items are news. A
    register of records (procurement, a council's decisions) is rarely among them. The
    card must live in the folder itself (``card_folder``), not deeper: a language's
    ``/bg/`` holds every news item of ``/bg/novini/`` and is no section of its own."""
    path = urlsplit(folder).path
    featured = any(card.startswith(folder) and card_folder(card) == path for card in home_cards)
    return featured and _inside(folder, cards)


def _inside(folder: str, cards: Iterable[str]) -> bool:
    """Whether at least ``MIN_OWN_ITEMS`` of ``cards`` live inside ``folder`` (not it)."""
    return len([url for url in cards if url.startswith(folder) and url != folder]) >= MIN_OWN_ITEMS


def _host(url: str) -> str:
    """A URL's host without ``www.``: an item's key (``urls.url_key``) drops it."""
    return urlsplit(url).netloc.removeprefix("www.")
