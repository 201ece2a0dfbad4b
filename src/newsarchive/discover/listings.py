"""Listing pages: the news links a person sees on one.

With a profile article pattern, the links that match it. Without one, the page's
own structure decides (``news_items``): runs of alike cards holding a headline and
usually a date, outside menus and other furniture, with the article URL shape learned from
those cards. Script-opened URLs (``onclick="ShowWindow('/news?id=1')"``, ASP.NET postback
options) count as links (``anchors.link_target``), and so do rows and cards made
clickable by script or ``data-href`` (``anchors.link_nodes``). Every step is linear in
the page size.

The page to walk after this one is another job, ``next_pages``: it reads the same page
and takes from here what both ask (``Listing``, ``card_date``, a page's number in its path,
``PATH_PAGE``), so the links never need the pager and the pager's rules sit in one place.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator, Sequence
from urllib.parse import urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.date_stamps import Published, local_date, parse_iso
from newsarchive.dates import parse_text_date, slashes_month_first
from newsarchive.discover import pager_words
from newsarchive.discover.anchors import (
    link_nodes,
    link_reader,
    link_target,
    says_comment_count,
    says_print,
    script_calls,
)
from newsarchive.discover.cards import Card, Link, find_cards, signatures, text_words
from newsarchive.discover.embedded import EmbeddedItem, embedded_items, listed_items
from newsarchive.discover.explore import MAX_NEWS_HOSTS, MIN_ITEMS, site_name
from newsarchive.discover.furniture import Furniture, headline_boxes
from newsarchive.discover.items import DateOf, Items, group_runs, pick_items
from newsarchive.discover.shape import (
    Shape,
    is_file_path,
    is_list_path,
    is_not_article_path,
    learn_shape,
    looks_like_article_path,
    split_normal,
    split_url,
)
from newsarchive.discover.urls import (
    in_home_folder,
    is_article_url,
    news_subdomain,
    normalize_url,
    on_site,
    site_hosts,
    slashless_key,
    url_key,
    with_hosts,
)
from newsarchive.discover.walk import Place
from newsarchive.documents import is_document
from newsarchive.markup import parse_html
from newsarchive.models import Candidate, Profile
from newsarchive.relative_dates import is_relative_date, may_hold_relative_date

# (``pager_words.PAGER_PATH_WORDS``: "page"'s spellings in a path, and "p")
PAGER_PATH_WORDS = pager_words.PAGER_PATH_WORDS
# A later page of a list named at the end of its path: a pager word and the number, the
# number its own segment or joined by a hyphen: ``/page/3/``, ``/strana/3``, ``/p/3``,
# ``/str/3``, ``/strana-3``. Not any short word: ``/novini/covid-19`` is a section (or an
# article) of its own, not page 19 of ``/novini/covid``. Only below a first segment:
# ``/strana-2`` names no first page but the home page.
PATH_PAGE = re.compile(
    rf"(?<=[^/])/(?:{'|'.join(PAGER_PATH_WORDS)})[/-]\d{{1,6}}/?$", re.IGNORECASE
)
# A root-relative link with no dot segments, backslashes or scheme-relative "//": joining it
# to the base is plain concatenation (urljoin costs 4 µs a link, a third of a 30k listing).
_PLAIN_ROOT_PATH = re.compile(r"^/(?!/)(?![^?#]*(?:/\.\.?(?:/|$|[?#])|\\))")
# Something a date could be made of (12.10., 2024-11-20, 12.X., "26 юли 2026", "29-ти
# ноември 2026", "Nov 10, 2026", "днес"): a card without it skips the date parser, which
# is most of a card's cost.
_WRITTEN_DATE = (
    r"\d\s?[./-]\s?[\dIVX]|\d(?:-?(?:ви|ри|ти|ми)|st|nd|rd|th)?\s+[^\W\d_]{3,}\.?,?\s+\d{4}"
    r"|[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
)
_DATE_HINT = re.compile(rf"{_WRITTEN_DATE}|днес|вчера|today|yesterday", re.IGNORECASE)
# A date written out in full (digits of a day and a month, or a month's name and a year),
# as against words counted from the day the page was rendered ("вчера", "преди 3 дни").
_WRITTEN = re.compile(_WRITTEN_DATE)


Listing = str | LexborHTMLParser  # HTML, or a tree already parsed (the crawler parses once)


def listing_tree(html: Listing) -> LexborHTMLParser:
    """The page's tree: the crawler hands one it parsed once, a test or a tool the HTML."""
    return html if isinstance(html, LexborHTMLParser) else parse_html(html)


# The ``slashless_key`` of each URL as read in one call (``article_links``): its links
# keyed once each, where ``_respelled`` and the listing's one-item-per-page both ask.
# A dict of the call, never kept past it.
Keys = dict[str, str]


def _key(url: str, keys: Keys) -> str:
    key = keys.get(url)
    if key is None:
        key = keys[url] = slashless_key(url)
    return key


def page_links(
    tree: LexborHTMLParser, page_url: str, profile: Profile, keys: Keys | None = None
) -> list[Link]:
    """Every link on the page to a page of the site (or of the host serving this page),
    resolved, canonical, in document order; files and off-site links are left out.
    ``keys``: the caller's ``Keys``, filled here."""
    return _spelled_links(tree, page_url, profile, {} if keys is None else keys)[0]


def _spelled_links(
    tree: LexborHTMLParser, page_url: str, profile: Profile, keys: Keys
) -> tuple[list[Link], frozenset[int]]:
    """``page_links``, and the indices of the links among them that ``_respelled`` made
    utility links: a news reader asks again where their own blocks date an item
    (``_respelled_days``)."""
    read = link_reader(tree, page_url)
    base = read.base
    base_parts = urlsplit(base)
    root = f"{base_parts.scheme}://{base_parts.netloc}"
    hosts = site_hosts(profile) | {urlsplit(page_url).netloc.lower()}
    folder = profile.home != "/"
    here = normalize_url(page_url)
    here_netloc, here_path, here_query = split_normal(here) if here else ("", "", "")
    here_params = set(here_query.split("&")) - {""}
    # the list's first page, when this one is a later page of it by its path (DataLife
    # Engine's and WordPress's ``/novini/page/3/``): an item's category link there leads
    # to it, as ``/novini`` does from ``/novini?page=3``
    first_path = PATH_PAGE.sub("", here_path).rstrip("/")
    links: list[Link] = []
    calls = script_calls(tree)
    forms: dict[int, str] = {}  # (each card's form's target, worked out once)
    for anchor in link_nodes(tree, forms):
        raw = link_target(anchor, calls, forms)
        if not raw:
            continue
        if _PLAIN_ROOT_PATH.match(raw):
            url = normalize_url(root + raw)  # what urljoin gives, without its cost
        else:
            url = read(raw)
        if url is None:
            continue
        netloc, path, query = split_normal(url)
        if netloc not in hosts or is_file_path(path):
            continue
        if folder and not in_home_folder(url, netloc, profile):
            # (a site in a folder of a host it shares: the host's other folders are
            # other sites, their cards in a side box "Новини от други ОДМВР" none of
            # its news, whatever their markup; fetched, each was a request for nothing)
            continue
        # back to the listing being read (this page, or its first: a category link)
        back = (
            netloc == here_netloc
            and (path == here_path or path.rstrip("/") == first_path)
            and all(
                field in here_params or _FILTER_FIELD.match(field)
                for field in query.split("&")
                if field
            )
        )
        attributes = anchor.attributes
        nofollow = "nofollow" in (attributes.get("rel") or "").lower().split()
        utility = bool(_UTILITY_PATH.search(path) or (query and _UTILITY_QUERY.search(query)))
        words = text_words(anchor)
        copy = says_print(anchor, attributes, words)
        # an item's "Публикувано в <category>, <category>" (RainLab.Blog's info line under
        # its headline, a tag cloud in a card): the lists it is filed under, not another
        # item, so the card grows past them to its date
        filed = is_list_path(path) or _category_link(anchor, attributes)
        bounds = not (back or nofollow or utility or copy or filed)
        links.append(Link(anchor=anchor, url=url, words=words, bounds=bounds, copy=copy))
    later = _later_spellings(links, keys)
    return _translations_apart(_comment_views(_respelled(links, later))), frozenset(later)


# How a card marks the link to the category its item is filed under, whatever that
# category's address: ``rel="category tag"`` (WordPress), ``itemprop="genre"`` (Joomla's
# "Категория: <a href="/izlozhbi">Изложби</a>"), the box holding it (Joomla's
# ``dd.category-name``, WordPress themes' ``span.cat-links``).
_CATEGORY_RELS = frozenset({"category", "tag"})
_CATEGORY_PROPS = frozenset({"genre", "articlesection"})
_CATEGORY_BOXES = frozenset({"category-name", "parent-category-name", "cat-links"})
# ... or the link's own class, a badge's: a word ending in the category's or rubric's name
# ("cat", "td-post-category", "post-cat", "badge-category", "rubric"), never one going on
# to name a part of it (Joomla's headline ``mod-articles-category-title``)
_CATEGORY_BADGE = re.compile(r"(?:^|[\s_-])(?:cat|category|rubric|rubrika)(?:$|\s)", re.I)


def _category_link(anchor: LexborNode, attributes: dict[str, str | None]) -> bool:
    """A card's link to the category its item is filed under, marked so by the markup,
    whose address no list path tells: Joomla's menu alias ``/izlozhbi`` is its category
    blog. On a page that is not that category's list (the home page's featured items,
    each "Категория: Новини" or "Категория: Изложби"), it was another item inside the
    card: it stopped the card at the headline, short of its date, the category links
    read as dated items (``/izlozhbi`` archived as an article), and the menu's "Новини",
    taken for an item the page lists, was never opened as the section it is (round
    108's bibliobelograd: 4 of 9 archived, and the category page). A newspaper's card
    badge ``<a class="rubric" href="/section/sport/na-zhivo">На живо</a>`` beside the
    headline stopped the card at its ``<h3>`` so: neither the card's date nor its
    badge was read, and the card of a live text was no card filed under "На живо"
    (``items.filed_under_no_news``), its page fetched (round 115's dolinavestnik)."""
    rels = set((attributes.get("rel") or "").lower().split())
    if rels & _CATEGORY_RELS:
        return True
    if (attributes.get("itemprop") or "").lower() in _CATEGORY_PROPS:
        return True
    if _CATEGORY_BADGE.search(attributes.get("class") or ""):
        return True
    parent = anchor.parent
    box = (parent.attributes.get("class") or "") if parent is not None else ""
    return bool(set(box.lower().split()) & _CATEGORY_BOXES)


def _respelled(links: list[Link], later: dict[int, str]) -> list[Link]:
    """The links with a later spelling of an earlier link's page (``_later_spellings``)
    made a utility link, each naming that page's first spelling (``Link.of``)."""
    for i, first in later.items():
        link = links[i]
        links[i] = Link(anchor=link.anchor, url=link.url, words=link.words, bounds=False, of=first)
    return links


def _later_spellings(links: list[Link], keys: Keys) -> dict[int, str]:
    """The indices of the bounding links spelling an earlier bounding link's page
    another way, each with that earlier spelling, to be made a utility link:
    a CMS serving an article at ``/novini/5`` whatever follows links it so in a headline
    and as ``/novini/5/`` or ``/novini/5/index.html`` (``urls.folder_path``) in the
    comment count beside it
    (``/novini/5#comments``, its fragment dropped); another URL inside the item's block,
    it stopped the card at the headline, short of its date, and the undated headlines
    were opened as sections by exploring. The first spelling in the page stays the
    card's. One page is what ``urls.slashless_key`` says is one: identity's
    (``url_key``), so a script's query stays the script's (``/index.php?id=5`` and
    ``/?id=5`` are two addresses to the archive, and two links here).

    Page-wide, not the item's stretch of links alone: a Joomla "Най-четени" module below
    the blog linking its articles under another ``Itemid``, or a side box's
    ``/kontakti`` below the menu's ``/kontakti/``, made bounding links, was a list of
    items of its own, and an article archived under the module's spelling or a contact
    page as an article (round 13's galabets, round 86's temite). Where such a link's own
    block is the only one printing its item's day, ``_respelled_days`` reads it."""
    first: dict[str, str] = {}
    later: dict[int, str] = {}
    for i, link in enumerate(links):
        if not link.bounds:
            continue
        seen = first.setdefault(_key(link.url, keys), link.url)
        if seen != link.url:
            later[i] = seen
    return later


def _respelled_days(
    links: list[Link], later: frozenset[int], items: Items, date_of: DateOf, keys: Keys
) -> dict[int, Card]:
    """``Items.day_cards`` for items whose every card states no day where a block
    linking them by a later spelling does, by the node of the item's first card: a
    "Най-четени" ``<section>`` above the list linking ``новини/x`` and the list's cards
    ``новини/x/``, the list's cards alone print the day. The later spelling is no item
    of its own (``_respelled``), so its card was never built and the articles were
    archived undated (composed seed 12941). Its block is the card its link bounds when
    it bounds (the links made bounding again), read only for the day."""
    if not later:
        return {}
    undated: dict[str, list[Card]] = {}
    for card in items.cards:
        if card.node.mem_id not in items.day_cards and date_of(card) is None:
            undated.setdefault(_key(card.url, keys), []).append(card)
    if not undated:
        return {}
    bounding = [
        dataclasses.replace(link, bounds=True) if i in later else link
        for i, link in enumerate(links)
    ]
    days: dict[int, Card] = {}
    for card in find_cards(bounding):
        key = _key(card.url, keys)
        if card.order in later and key in undated and date_of(card) is not None:
            days.update((first.node.mem_id, card) for first in undated.pop(key))
    return days


def _comment_views(links: list[Link]) -> list[Link]:
    """The links with a comment count ("Коментари (0)") made a utility link where they
    lead to an earlier link's page with more fields in its query: PHP-Nuke's comment
    view of an article, ``…&sid=187&mode=&order=0&thold=0`` beside the card's "Още..."
    to ``…&sid=187``. Another URL inside the item's block, it stopped the card at
    "Още...", short of its headline and day (the headline no link), and no card of the
    page was an item. Only the same script, every field of the earlier link's query
    kept: ``/?id=5`` beside ``/index.php?id=5`` is another address."""
    bounding: dict[str, list[frozenset[str]]] = {}
    for i, link in enumerate(links):
        if not link.bounds:
            continue
        netloc, path, query = split_normal(link.url)
        script = f"{netloc}{path}"
        fields = frozenset(query.split("&")) - {""}
        if fields and says_comment_count(link.words):
            if any(earlier < fields for earlier in bounding.get(script, ())):
                links[i] = Link(anchor=link.anchor, url=link.url, words=link.words, bounds=False)
                continue
        bounding.setdefault(script, []).append(fields)
    return links


# How a bilingual site names another language than Bulgarian in an address: a query
# field, ``?id=5&lang=en`` (not a first path segment: ``/ai/``, ``/db/``, ``/dl/`` beside
# ``/`` are sections of WCXB's sites, not languages)
_LANGUAGE_FIELD = re.compile(r"(?:lang|language|lng|hl)=(?!bg)[a-z]{2}(?:[-_][a-z]{2})?", re.I)
_LANGUAGE_HINT = re.compile(r"[?&](?:lang|language|lng|hl)=(?!bg)", re.I)


def _translations_apart(links: list[Link]) -> list[Link]:
    """The links with an item's link to its copy in another language (a card's "EN" flag
    beside its headline: ``?id=5&lang=en`` where the headline links ``?id=5``) made a
    utility link: another URL inside the item's block, it stopped the card at the
    headline, short of its date, as a print view's did. Only a link whose address without
    its language field is another link's of the page: a language's own listing links its
    items in that language alone."""
    named = [i for i, link in enumerate(links) if link.bounds and _LANGUAGE_HINT.search(link.url)]
    if not named:
        return links
    urls = {link.url for link in links}
    for i in named:
        parts = urlsplit(links[i].url)
        fields = [f for f in parts.query.split("&") if not _LANGUAGE_FIELD.fullmatch(f)]
        if urlunsplit(parts._replace(query="&".join(fields))) in urls:
            link = links[i]
            links[i] = Link(anchor=link.anchor, url=link.url, words=link.words, bounds=False)
    return links


# Article pages of its own a site's home page links, at the least, to be taken for the
# site's home (``is_site_home``): three cards of the front page's news, in a few bytes.
_HOME_ARTICLES = 3


def is_site_home(html: Listing, page_url: str, profile: Profile) -> bool:
    """Whether a home page is the site's and not something else on its domain: a domain
    the site moved away from, lapsed and parked by a reseller, answers 200 with a page
    of ads and "for sale", and taking that for the site come back would crawl the
    parked page for good. The site's says its name (the profile's, in what the page calls
    its site: ``explore.site_name``, og:site_name else the ``<title>``) or links
    ``_HOME_ARTICLES`` article pages below the root on its own host; a parking page's
    related searches are root-path queries (``/?q=hotels&id=5``), and the site's name a
    host (a bare profile's) proves nothing, a parked page saying
    its domain."""
    tree = listing_tree(html)
    name = " ".join(profile.name.casefold().split())
    if name and "." not in name and name in " ".join(site_name(tree).casefold().split()):
        return True
    own = urlsplit(page_url).netloc.lower()
    found: set[str] = set()
    for link in page_links(tree, page_url, profile):
        netloc, path, _query = split_normal(link.url)
        if netloc == own and path.strip("/") and is_article_url(link.url, profile):
            found.add(link.url)
    return len(found) >= _HOME_ARTICLES


# An item's own utility links, as sites print them without ``rel=nofollow``: its print
# view, "send by e-mail", the poster's profile (PHP-Fusion's "Публикувано от <a
# href="profile.php?lookup=3">" beside "print.php?type=N&item_id=233", WordPress's
# ``/author/x/``). Each is another URL inside the item's block, and stopped its card at
# the "Прочети още" link, short of the headline and date above it. Read on normalised
# URLs: an article's print copy (``?print=1``, ``?pechat=1``) is its article's address
# there already (``urls.normalize_url``), the same page as the headline's, no other link.
_UTILITY_PATH = re.compile(
    r"(?:^|/)(?:print|printview|profile|viewprofile|author|user|member|sendfriend|tellafriend)"
    r"(?:\.\w+)?/?$|(?:^|/)(?:author|profile|user|member)s?/[^/]+/?$",
    re.IGNORECASE,
)
# The listing being read, filtered to what one item is filed under: Squarespace's
# ``/blog?category=Изложби``, ``/blog?tag=…``, ``/blog?author=5f3a`` in each card's meta
# line beside its date. A link back to the listing, as Joomla's "Категория: Новини" is;
# taken for another item inside the card, it stopped the card at the headline, short of
# its date, and the meta line (the date and the category link) was read as a dated item
# of its own, so a blog page listed one undated post of four.
_FILTER_FIELD = re.compile(r"(?:category|tag|author)=[^&]+$", re.IGNORECASE)
# PHP-Nuke's are its module's files: ``file=friend&op=FriendSend&sid=187`` ("Изпрати на
# приятел") and ``file=print&sid=187`` beside each card's "Още...".
_UTILITY_QUERY = re.compile(
    r"(?:^|&)(?:option=com_mailto|task=(?:print|emailform)|file=(?:print|friend)|op=friendsend)"
    r"(?:&|$)",
    re.IGNORECASE,
)


DateMemo = dict[tuple[str, bool], dt.date | None]  # (a card's text, month first): its day


def card_date(
    card: Card,
    memo: DateMemo | None = None,
    today: dt.date | None = None,
    month_first: bool = False,
) -> dt.date | None:
    """The date printed on a card ("DD.MM.YYYY" under a headline), if any: beside the
    headline first (``Card.beside``: on a card that is one big link, beside its
    heading), then in it. ``memo`` keeps what one
    page's texts gave: many cards of a listing carry the same day's date and nothing else.

    ``today``: the listing page's fetch moment (``Page.fetched_at``), which a card's
    "преди 3 часа" or "вчера" is counted back from, on the site's clock, as the extractor
    counts an article's (``dates.find_text_dates``); without it such a card is undated.
    One ``memo`` serves one page, so one fetch moment. ``month_first``: the page's slash
    dates are written so (``dates.slashes_month_first``)."""
    dated = _dated_text(card, {} if memo is None else memo, today, month_first)
    return dated[1] if dated is not None else None


def item_date(
    items: Items, card: Card, memo: DateMemo | None = None, today: dt.date | None = None
) -> dt.date | None:
    """The day of ``card``'s item: its own card's (``card_date``), else that of the
    item's later card stating one (``Items.day_cards``). A "Най-четени" box of bare
    headlines above the list holds each item's first card, so by its cards alone a home
    page's list of nine dated news read as one dated item and eight undated ones, and
    was never read as the site's news (composed seed 14183: 3 of 12 archived). Not for
    the order of a page's days (``explorer.newest_first``, ``walk``): the box's order
    is by views, the list's by date."""
    return card_date(items.day_cards.get(card.node.mem_id, card), memo, today)


def _dated_text(
    card: Card, memo: DateMemo, today: dt.date | None, month_first: bool = False
) -> tuple[str, dt.date, Published | None] | None:
    """The text of the card its date is read from (``card_date``), that date, and the
    card's ``<time datetime>`` stamp where that is what dates it (``_card_stamp``)."""
    for text in _texts_dated_in(card, today):
        if (text, month_first) not in memo:
            hinted = _DATE_HINT.search(text) or (today is not None and may_hold_relative_date(text))
            found = parse_text_date(text, today=today, month_first=month_first) if hinted else None
            memo[text, month_first] = local_date(found) if found else None
        if (day := memo[text, month_first]) is not None:
            if (stamp := _card_stamp(card.node)) is not None and (
                not _WRITTEN.search(text) or _moment_of(stamp, day)
            ):  # (words counted back, or the day written out, its moment in the stamp)
                return text, local_date(stamp), stamp
            return text, day, None
    if _DATE_HINT.search(card.text) is None and (stamp := _card_stamp(card.node)) is not None:
        return card.text, local_date(stamp), stamp
    return None


def _texts_dated_in(card: Card, today: dt.date | None) -> Iterator[str]:
    """Where a card's date is read, in turn: beside its headline, in its whole text, and
    last a day counted back that the card prints apart (``_day_printed_apart``), asked
    only when the two before gave none."""
    yield card.beside
    yield card.text
    if today is not None and card.node.child is not None and may_hold_relative_date(card.text):
        if (apart := _day_printed_apart(card.node)) is not None:
            yield apart


def _day_printed_apart(node: LexborNode) -> str | None:
    """The one day counted back ("вчера", "преди 3 часа") that a text of its own in the
    card prints and nothing else (``<span class="date">вчера</span>``): a date however
    the card's text runs around it. The last item of a list's last page, alone there,
    is a card as large as the list's block, its text "Актуално вчера Заглавие Страница
    1 2 3 от 3": "вчера" runs on from the block's heading as prose does
    (``relative_dates.stands_as_date``) and the newest news stayed undated, where its
    element printed the day apart (composed seed 1656). Two such days in one card name
    none."""
    found = {
        said
        for part in node.traverse(include_text=True)
        if part.tag == "-text"
        and may_hold_relative_date(said := " ".join((part.text_content or "").split()))
        and is_relative_date(said)
    }
    return next(iter(found)) if len(found) == 1 else None


def _moment_of(stamp: Published, day: dt.date) -> bool:
    """Whether a card's stamp gives the moment of the ``day`` its text writes out: that
    day at a time of day (a midnight's stamp is a theme's way of writing the day alone)."""
    return (
        isinstance(stamp, dt.datetime)
        and local_date(stamp) == day
        and (stamp.hour, stamp.minute, stamp.second) != (0, 0, 0)
    )


def _card_stamp(node: LexborNode) -> Published | None:
    """The moment the card's one ``<time datetime="…">`` states, where its text shows no
    date written out: "вчера", "преди 3 дни" beside the headline are words the list
    wrote the day it was rendered, wrong on any later day (a cached page, a crawl past
    midnight), and an icon's or an empty ``<time>`` none at all; the attribute says when.
    Or where the day written out is the stamp's ("November 26, 2026" in a ``<time>`` of
    that day's 08:00): the same day, to the minute (``_moment_of``).
    Two different stamps in one card (published and updated) name no one date: none."""
    if node.tag == "time":
        times = [node]
    elif node.child is None:
        return None
    else:
        times = node.css("time[datetime]")
    found = {parse_iso(t.attributes.get("datetime") or "") for t in times}
    if len(found) != 1:
        return None
    return next(iter(found))


def card_moment(
    card: Card,
    memo: DateMemo | None = None,
    today: dt.date | None = None,
    month_first: bool = False,
) -> dt.date | dt.datetime | None:
    """The card's date (``card_date``) at the time of day the card prints beside it
    ("27.11.2026, 08:17 ч.", "08:17 | 27.11.2026"), else the day alone: what a listing
    queues as its article's ``listed_date``.

    Why: an article whose page gives only a day (its address's ``/2026/11/27/``, or a
    day printed alone) takes the listed moment of that very day
    (``published.with_listed``), as it takes a feed's; the card is the only place
    such a site says when. Only a date written out in full: a relative "преди 3 часа"
    or "Днес, 08:17" counted from the fetch stays the day it names, no moment made up;
    a card whose ``<time datetime>`` stamp dates it (``_card_stamp``) gives the stamp.
    ``month_first``: as ``card_date``'s."""
    dated = _dated_text(card, {} if memo is None else memo, today, month_first)
    if dated is None:
        return None
    text, day, stamp = dated
    if stamp is not None:
        return stamp
    if _DATE_HINT.search(text):
        found = parse_text_date(text, month_first=month_first)
        if isinstance(found, dt.datetime) and local_date(found) == day:
            return found
    return day


def news_items(
    html: Listing,
    page_url: str,
    profile: Profile,
    today: dt.date | None = None,
    memo: DateMemo | None = None,
) -> Items:
    """The news item cards a person sees on a page, by its structure alone (the profile's
    article pattern is not used), and the article URL shape they teach: what a listing
    walk queues, and what "An origin is enough" reads off a section page it has found.
    ``today``: the page's fetch moment (``card_date``); ``memo``: the page's card dates
    as read (``card_date``), for a caller that reads them again."""
    tree = listing_tree(html)
    return _news_items(tree, page_url, profile, {} if memo is None else memo, today=today)


# Days a card may stand after the fetch's day and still be news: a card dated tomorrow
# is today's on a clock east of the crawl's (a site at +02:00 fetched at 23:30 UTC).
TO_COME_SLACK = dt.timedelta(days=1)


def all_to_come(items: Items, today: dt.date | None) -> bool:
    """Every dated card of ``items`` is dated after the fetch (``today``, the page's fetch
    moment) by more than ``TO_COME_SLACK``, two at least and none earlier: a calendar of
    what is on (a university's "Събития", The Events Calendar's list of concerts and
    defences still to come), each card dated by the day it happens. No news is
    published on a day yet to come, so such a page lists none: read as a section (its
    menu's "Събития" names news beside other things), each event's page was archived
    as an undated article (round 108's unimramoren: 4 beside its 8 news). A list of
    news under a box of upcoming events has cards of past days too, and stays one. The
    cards' dates are read as written, not counted from the fetch (``card_date`` without
    ``today``, in a memo of its own): a day yet to come is none of the page's news."""
    if today is None:
        return False
    day = today.date() if isinstance(today, dt.datetime) else today
    memo: DateMemo = {}
    days = [d for card in items.cards if (d := card_date(card, memo)) is not None]
    return len(days) >= 2 and all(d > day + TO_COME_SLACK for d in days)


def published_cards(items: Items, today: dt.date | None) -> list[str]:
    """The URLs of ``items``' cards dated (``card_date``, counted from ``today``, the
    page's fetch moment) on a day already come, within ``TO_COME_SLACK``: what a page
    shows as its news, not a box of events to come beside them (``all_to_come``)."""
    if today is None:
        return []
    day = today.date() if isinstance(today, dt.datetime) else today
    return [
        card.url
        for card in items.cards
        if (d := item_date(items, card, today=today)) is not None and d <= day + TO_COME_SLACK
    ]


def card_hosts(
    html: Listing, page_url: str, profile: Profile, today: dt.date | None = None
) -> list[str]:
    """Hosts under the site's own domain (``urls.news_subdomain``, the one rule of whose
    a host is) on which a page's list of news keeps its articles: ``www.x.bg/novini.php``
    whose cards lead to ``news.x.bg/novina.php?id=N``, a host no menu names. Such cards
    were off the site, so the page listed nothing and the site had no news. A host counts
    only when at least ``MIN_ITEMS`` *dated* cards of the page's one list of news lead
    there: a list's link to the council's ``obs.x.bg`` or a partner's page is one
    outbound link, not a news stream; another domain (``other.bg``, ``facebook.com``,
    ``other.com.bg`` beside ``x.com.bg``) is never under the site's. At most
    ``MAX_NEWS_HOSTS``, as a menu's news hosts."""
    tree = listing_tree(html)
    read = link_reader(tree, page_url)
    hosts: list[str] = []
    for anchor in tree.css("a[href]"):
        url = read(anchor.attributes.get("href") or "")
        if url is None or on_site(url, profile):
            continue
        parts = urlsplit(url)
        if parts.netloc not in hosts and not is_file_path(parts.path):
            if news_subdomain(parts.netloc, profile):
                hosts.append(parts.netloc)
    if not hosts:
        return []
    memo: DateMemo = {}
    items = _news_items(tree, page_url, with_hosts(profile, hosts), memo, today=today)
    if len(items.cards) < MIN_ITEMS:
        return []
    dated = [
        urlsplit(card.url).netloc
        for card in items.cards
        if card_date(card, memo, today) is not None
    ]
    return [host for host in hosts if dated.count(host) >= MIN_ITEMS][:MAX_NEWS_HOSTS]


def _news_items(
    tree: LexborHTMLParser,
    page_url: str,
    profile: Profile,
    memo: DateMemo,
    known: tuple[Shape, ...] = (),
    today: dt.date | None = None,
    keys: Keys | None = None,
) -> Items:
    keys = {} if keys is None else keys
    links, later = _spelled_links(tree, page_url, profile, keys)
    cards = find_cards(links)
    furniture = Furniture(headline_boxes(tree))

    def date_of(card: Card) -> dt.date | None:
        return card_date(card, memo, today)

    items = pick_items(cards, furniture, date_of, known)
    days = _respelled_days(links, later, items, date_of, keys)
    if days:
        items = dataclasses.replace(items, day_cards={**items.day_cards, **days})
    if _FILE_ROWS_NEED <= len(items.cards) < MIN_ITEMS:
        files = file_rows(items.cards, memo, today)
        if files:
            return dataclasses.replace(items, files=files)
    return items


def dated_news(
    html: Listing,
    page_url: str,
    profile: Profile,
    today: dt.date | None = None,
    *,
    asked: str = "",
) -> list[str]:
    """The texts of a page's dated news cards (``news_items`` dated by ``card_date``),
    one a card, each spaced as one line: what tells a page fetched as an article that
    has no headline of its own for a list of news (``harvest.judge``). A card linking
    the page itself, by the address it was ``asked`` at or the one it was served at, is
    not counted: an article's "Последни новини" beside it shows its own card, its lead
    as the excerpt, and that card made a short-headlined article ("Покана") a list."""
    items = news_items(html, page_url, profile, today)
    memo: DateMemo = {}
    own = {url_key(page_url), url_key(asked or page_url)}
    texts = {
        card.url: " ".join(card.text.split())
        for card in items.cards
        if url_key(card.url) not in own and card_date(card, memo, today) is not None
    }
    return list(texts.values())


# HTML items a page needs before its file rows count: one page link among documents is a
# downloads page's "how to apply" or a footer's link; two dated notices in the table are
# the board's own items, as a listing's last page's two are
_FILE_ROWS_NEED = 2


def file_rows(items: Sequence[Card], memo: DateMemo, today: dt.date | None = None) -> int:
    """How many rows beside the news ``items`` link a document, each dated, in the same
    container as the items and built as they are (same tag and class): a municipality's
    "Обяви и съобщения" table mixing orders in ``.pdf`` with HTML notices. They are never
    fetched; they show the container is a list of dated items, so a page of two notices
    among four rows is a listing."""
    count = 0
    seen: set[int] = set()
    for card in items:
        parent = card.node.parent
        if parent is None or parent.mem_id in seen:
            continue
        seen.add(parent.mem_id)
        built = (card.node.tag, card.node.attributes.get("class"))
        for child in parent.iter():
            if (child.tag, child.attributes.get("class")) != built:
                continue
            links = [a.attributes.get("href") or "" for a in child.css("a[href]")]
            if not links or not all(is_document(href) for href in links):
                continue
            row = Card(node=child, url=links[0], order=-1, link_texts=(), link_words=0)
            if card_date(row, memo, today) is not None:
                count += 1
    return count


def article_links(
    html: Listing,
    page_url: str,
    profile: Profile,
    learned: list[Shape] | None = None,
    today: dt.date | None = None,
    places: list[Place] | None = None,
    orders: list[bool] | None = None,
) -> list[Candidate]:
    """Article candidates on a listing page, in page order, each once.

    ``learned`` carries a listing walk's knowledge from page to page: the item shapes
    its earlier pages taught (used here), to which this page's are added. ``today``: the
    page's fetch moment, which its cards' "преди 3 часа" count from (``card_date``).
    ``places``: the caller's list, filled with where each candidate's cards stood
    (``walk.Place``: the block, as ``cards.signatures`` tells how a card is built), for
    the walk to tell a page's own list from a side column repeating an earlier page's.
    ``orders``: a listing walk's pages so far, whether each proved its slash dates
    written month first (``dates.slashes_month_first``), to which this page's answer is
    added: a page whose dates prove nothing reads them as an earlier page proved (a
    Weebly blog's last page, its one card "11/5/2026", is 5 November as its first
    page's "11/29/2026" says, not 11 May)."""
    memo: DateMemo = {}
    keys: Keys = {}
    tree = listing_tree(html)
    shapes: tuple[Shape, ...] = ()
    day_cards: dict[int, Card] = {}  # (``Items.day_cards``)
    later_cards: tuple[tuple[Card, Card], ...] = ()  # (``Items.later_cards``)
    if profile.article_pattern:
        cards = find_cards(page_links(tree, page_url, profile, keys))
        chosen = [card for card in cards if is_article_url(card.url, profile)]
    else:
        known = tuple(learned) if learned else ()
        items = _news_items(tree, page_url, profile, memo, known, today, keys)
        chosen = list(items.cards)
        day_cards = dict(items.day_cards)
        later_cards = items.later_cards
        shapes = (*items.shapes, *(learned or ()))
        if learned is not None:
            learned.extend(shape for shape in items.shapes if shape not in learned)
    # One listing item however the page spells its link (host twins, parameter order, a
    # trailing slash). Only within one page: two links of one listing to ``/novini/x``
    # and ``/novini/x/`` (a framework's components writing the path two ways) are one
    # item, not two fetches of one article.
    seen: dict[str, Candidate] = {}
    month_first = slashes_month_first(card.text for card in chosen)
    if orders is not None:
        orders.append(month_first)
        month_first = any(orders)
    for card in chosen:
        key = _key(card.url, keys)
        if key not in seen:
            seen[key] = Candidate(
                url=card.url,
                site=profile.id,
                source=page_url,
                listed_date=card_moment(
                    day_cards.get(card.node.mem_id, card), memo, today, month_first
                ),
                headline=max(card.link_texts, key=len, default=None) or None,
            )
    if places is not None:
        # an item stands at each of its cards (``Items.later_cards``), and at the card
        # stating its day (``Items.day_cards``): read at its first card alone, in a
        # "Най-четени" box repeated on every page, page 2's own list stood in the box
        # page 1 had, a page all repeated, and the walk ended there, the later pages'
        # cards, their items' only days, never read. Undated, a home page's box of seven
        # above its list of four, three of them in the box, left the list one card: its
        # order was the box's, by views, and every night's walk read the list to its end
        # (composed seed 18775).
        at = sorted(
            [(card, card) for card in chosen]
            + list(later_cards)
            + [(day_cards[c.node.mem_id], c) for c in chosen if c.node.mem_id in day_cards],
            key=lambda pair: pair[0].order,
        )
        # (one node stands once for one item: a day card is a later card of its item too,
        # or, built apart (``_respelled_days``), the day card of two of its cards)
        stood: set[tuple[int, str]] = set()
        for (where, card), built in zip(at, signatures([s for s, _ in at]), strict=True):
            url = seen[_key(card.url, keys)].url
            if (where.node.mem_id, url) not in stood:
                stood.add((where.node.mem_id, url))
                places.append(("/".join(built), url))
    for item in _data_items(tree, page_url, profile, shapes):
        key = slashless_key(item.url)
        if key not in seen:
            seen[key] = Candidate(
                url=item.url, site=profile.id, source=page_url, listed_date=item.published
            )
            if places is not None:
                places.append((_DATA_BLOCK, item.url))
    return list(seen.values())


# The block of the news items a page's embedded data holds (``_data_items``)
_DATA_BLOCK = "data"


def embedded_links(
    tree: LexborHTMLParser, page_url: str, profile: Profile, shapes: tuple[Shape, ...]
) -> list[str]:
    """The URLs of the news items only the page's embedded data holds (``_data_items``):
    what ``article_links`` adds to the news items of a page whose items are known."""
    return [item.url for item in _data_items(tree, page_url, profile, shapes)]


def _data_items(
    tree: LexborHTMLParser, page_url: str, profile: Profile, shapes: tuple[Shape, ...]
) -> list[EmbeddedItem]:
    """The page's news items that only its embedded data holds (``discover.embedded``: a
    JS framework's listing renders a few cards as links and the rest from its data): with
    a profile pattern, those it matches; otherwise those of the shape the page's (or the
    walk's) visible news items have, or, with no such shape, those that look like an
    article's URL. Data items of no visible shape (a menu's, an author's page) stay out."""
    stated = tree.css_first("script[type]") is not None and "ItemList" in _ld_json(tree)
    # (``embedded_items`` reads a page of no data for nothing: nearly every page)
    found = embedded_items(tree, page_url) + (listed_items(tree, page_url) if stated else [])
    if not found:
        return []
    fixed = [shape for shape in shapes if shape.fixes_something]
    kept: list[EmbeddedItem] = []
    for item in found:
        if not on_site(item.url, profile) or is_not_article_path(split_normal(item.url)[1]):
            continue
        if profile.article_pattern:
            fits = is_article_url(item.url, profile)
        elif fixed:
            fits = any(shape.matches(split_url(item.url)) for shape in fixed)
        else:
            fits = looks_like_article_path(item.url)
        if fits:
            kept.append(item)
    return kept


# A run of dated links a site map must hold to teach an article shape (``dated_shapes``)
_DATED_RUN = 3


def dated_shapes(html: Listing, page_url: str, profile: Profile) -> tuple[Shape, ...]:
    """The URL shapes of the page's runs of dated links, wherever they stand: what an
    HTML site map ("Карта на сайта", ``discover.site_map``) teaches of a site whose
    listings taught nothing (its news page an empty shell its script fills). A site map
    is furniture to ``news_items`` (a footer's is), and most of its links are static
    pages; the ones it dates, "Заглавие (28.11.2026)", are its news."""
    tree = listing_tree(html)
    memo: DateMemo = {}
    shapes: list[Shape] = []
    for run in group_runs(find_cards(page_links(tree, page_url, profile))):
        dated = [card for card in run.cards if card_date(card, memo) is not None]
        if len(set(card.url for card in dated)) < _DATED_RUN or len(dated) * 2 < len(run.cards):
            continue
        shape = learn_shape(card.parts for card in dated)
        if shape is not None and shape.fixes_something and shape not in shapes:
            shapes.append(shape)
    return tuple(shapes)


def _ld_json(tree: LexborHTMLParser) -> str:
    """The text of the page's JSON-LD scripts, to tell at a glance whether any is a list."""
    return "".join(
        script.text(deep=True) or ""
        for script in tree.css("script[type]")
        if (script.attributes.get("type") or "").strip().lower() == "application/ld+json"
    )


def stated_news(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """The news a page lists only in its data: its JSON-LD ``ItemList`` (``embedded.
    listed_items``) or a JSON script its own script draws the cards from (``embedded.
    embedded_items``: an empty ``<ul>`` beside ``<script type="application/json">`` of
    titles and addresses), those that look like an article's URL on the site: what makes
    a section page with no visible cards a listing."""
    found = (
        [item.url for item in listed_items(tree, page_url)] if "ItemList" in _ld_json(tree) else []
    )
    found += [item.url for item in embedded_items(tree, page_url) if item.url not in found]
    return [
        url
        for url in found
        if on_site(url, profile)
        and not is_not_article_path(split_normal(url)[1])
        and (is_article_url(url, profile) if profile.article_pattern
             else looks_like_article_path(url))
    ]  # fmt: skip
