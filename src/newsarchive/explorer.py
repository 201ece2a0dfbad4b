"""Find a news site's feeds, sitemaps and listing pages from its origin alone.

Profiles are hints; for a site nobody wrote one for (or one of whose sources fails),
this reads what the site says about itself, in the order that costs fewest requests:
the ``Sitemap:`` lines of robots.txt, the home page (its ``<link rel=alternate>`` feeds,
its news items, its menu), the section pages the menu names ("Новини", "Актуално", ...,
kept when they list news items), the first few entries beside those that name no news
(kept only where a page lists its own dated news beside its own feed: a school's
"Еразъм+" blog), a page its "RSS" link leads to, then a few
conventional feed paths, and only then, for a site of listings with no pager and no feed
or sitemap, the HTML "Карта на сайта" a listing links. No request starts once
``EXPLORE_BUDGET`` are spent (a redirected one may add its hops); what is found is kept
in the archive and reused for ``REEXPLORE_DAYS`` days, so a nightly run does not explore
again. The decisions are
``discover.explore``'s; this only fetches.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from newsarchive.date_stamps import parse_url_date
from newsarchive.discover import archive_pages, feeds, listings, next_pages
from newsarchive.discover.anchors import copy_marks
from newsarchive.discover.cards import Card, card_blocks, teased
from newsarchive.discover.day_pages import calendar_day
from newsarchive.discover.explore import (
    ALTERNATE_NOTE,
    CONVENTIONAL_FEEDS,
    CONVENTIONAL_SITEMAPS,
    FEED_PAGE_NOTE,
    MAX_FRAMES,
    MAX_ISSUE_ARCHIVES,
    MAX_LISTINGS,
    MAX_NEWS_HOSTS,
    MAX_RESTED,
    MAX_SECTIONS,
    MAX_SILENT,
    MIN_ITEMS,
    ROBOTS_NOTE,
    RSS_LINK_NOTE,
    SITEMAP_LINK_NOTE,
    Discovery,
    category_links,
    declared_feeds,
    declared_sitemaps,
    feed_pages,
    frame_sources,
    is_listing,
    issue_archive_links,
    language_home,
    menu_entries,
    newest_order_link,
    newest_period,
    news_archive_link,
    news_hosts,
    news_menu_children,
    noscript_pages,
    pagination_template,
    rest_api_root,
    section_links,
    shape_pattern,
    silent_entries,
    site_name,
    under_cards_first,
    wall_before,
)
from newsarchive.discover.headlines import (
    card_shows,
    normal_headline,
    read_as_headlines,
    same_headline,
)
from newsarchive.discover.index_pages import listing_index
from newsarchive.discover.items import Items
from newsarchive.discover.json_feeds import wp_posts_endpoint
from newsarchive.discover.pager_words import PAGE_IN_ADDRESSES
from newsarchive.discover.shape import Shape, learn_shape, split_url
from newsarchive.discover.shell import script_shell, shell_problem
from newsarchive.discover.site_map import site_map_link
from newsarchive.discover.sub_sites import (
    MAX_RESOLVED,
    MAX_SUB_SITES,
    candidate_folders,
    featured_news,
    own_news,
    resolved_cards,
    stream_folder,
)
from newsarchive.discover.urls import (
    absolute,
    archive_key,
    extension_twins,
    front_controller_twins,
    leaf_token,
    news_subdomain,
    normalize_url,
    off_site_hosts,
    on_site,
    url_key,
    with_hosts,
)
from newsarchive.extraction.full_items import full_items
from newsarchive.extraction.pipeline import extract
from newsarchive.fetch.client import Fetcher, HostResting
from newsarchive.fetch.documents import document_kind
from newsarchive.fetch.sources import Miss, fetch_source
from newsarchive.markup import parse_html
from newsarchive.models import SOURCE_SITEMAP, Page, Profile

EXPLORE_BUDGET = 12  # requests per exploration of one site, robots.txt included
# the home page's undated news items opened to tell its list of news from a box of
# other links (``home_news_list``): a request each, once per exploration
PROBED_HOME_ITEMS = 2
SITEMAPS_READ = 2  # and the sitemap documents read to tell whether they name those items
MAX_PAGE_FEEDS = 3  # feeds read of those a page of feeds names
# A template that says "page" (``?str={page}``, ``/page/{page}/``, ``/strana-{page}``): a
# sitemap's ``/novini?id=2`` beside the list ``/novini`` is an article, not its page 2
_NAMES_A_PAGE = re.compile(
    r"(?:^|[?&/])(?:" + "|".join(PAGE_IN_ADDRESSES) + r")[=/_-]?\{page\}", re.IGNORECASE
)
REEXPLORE_DAYS = 30
# how the exploration's notes name a section found by ``silent_sections``
_SILENT_WHERE = "a menu entry naming no news whose page lists its own news beside its own feed"
_FEATURED_WHERE = "a menu entry naming no news whose news the home page shows as its own"


def stale(found: Discovery, today: dt.date) -> bool:
    """Explored too long ago to trust (sites are redesigned; URLs move), or while the
    home page or a section did not answer (``unread_wait``): what they list is unknown,
    and a section a passing 503 hid would otherwise stay unread for ``REEXPLORE_DAYS``.
    Or in a month after the exploration, when a listing is a month's archive page."""
    try:
        when = dt.date.fromisoformat(found.explored_at[:10])
    except ValueError:
        return True
    if (today.year, today.month) > (when.year, when.month) and any(
        archive_pages.archive_month(url) is not None for url in found.listings
    ):
        # a listing that is a month's page of an archive tree (``newest_period``) holds
        # that month alone: once the month turns, the new month's page is the listing
        return True
    return (today - when).days >= unread_wait(found)


# A saved source gone (404/410) beside others that still work has the site explored again
# at once, as a redesign moves a listing; not within this of the last exploration, or a
# dead menu link that exploring keeps finding would have the site explored every night.
REEXPLORE_GONE_AFTER = dt.timedelta(days=1)


def explored_lately(found: Discovery, now: dt.datetime) -> bool:
    """Explored less than ``REEXPLORE_GONE_AFTER`` before ``now`` (an aware UTC time);
    a time not given (an older version's, a date alone) counts from that day's start."""
    try:
        when = dt.datetime.fromisoformat(found.explored_at)
    except ValueError:
        return False
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return now - when < REEXPLORE_GONE_AFTER


def unread_wait(found: Discovery) -> int:
    """Days until the next exploration. A page that did not answer once is asked again
    the next run (a passing 503); one that stays down, after 2, 4, 8... days, up to
    ``REEXPLORE_DAYS``: exploring again every night cost a site whose section is gone for
    good a dozen requests and a warning each night. The page missed the fewest times in
    a row decides, so a passing failure beside a lasting one is still retried soon."""
    if not found.unread:
        return REEXPLORE_DAYS
    runs = min(found.unread_runs.get(url, 1) for url in found.unread)
    return 0 if runs <= 1 else doubling_days(runs - 1)


def doubling_days(times: int) -> int:
    """Days before a page that missed ``times`` times in a row is asked again: 2, 4, 8,
    16, then ``REEXPLORE_DAYS``. One rule for the pages exploring could not read
    (``unread_wait``, which asks again the next run after a first miss: a passing 503)
    and a child sitemap its index names that answered 404/410 (``crawl_sources``): one
    back soon is found within days, one gone for good costs a request a month."""
    return min(1 << max(times, 1), REEXPLORE_DAYS)


def missed_again(found: Discovery, before: Discovery | None) -> Discovery:
    """``found`` counting, for each page it could not read, the explorations in a row
    that could not (``before``'s count, plus this one); a page that answered is
    forgotten, so it starts again at one when it next fails."""
    earlier = before.unread_runs if before is not None else {}
    missed = before.unread if before is not None else {}
    runs = {url: (earlier.get(url, 1) + 1 if url in missed else 1) for url in found.unread}
    return replace(found, unread_runs=runs)


def sitemap_hosts(sitemaps: list[str] | tuple[str, ...], profile: Profile) -> list[str]:
    """The hosts off the site's own that hold its sitemaps: only robots.txt's ``Sitemap:``
    lines name one there (``Explorer.run``), the hosting company's CDN
    (``https://cdn.host.net/sites/x/sitemap.xml``). The fetcher is to ask there as it asks
    the site (a ``--base-url`` mirror serves it too), each run that reads the sitemap:
    before, such a line was dropped, and a site whose news list a script draws, its sitemap
    on the CDN its only index, was "no news found". The sitemap's entries stay filtered by
    the site's own hosts: the CDN is not made the site's."""
    return off_site_hosts([url for url in sitemaps if vouched_sitemap(url, profile)], profile)


def vouched_sitemap(url: str, profile: Profile) -> bool:
    """A sitemap off the site that its robots.txt's ``Sitemap:`` line still makes the
    site's: on another host, and robots.txt the site's own, the site its host's whole.
    A site kept in a folder of a host it shares (``Profile.home``, "/kmetstva/rakita/")
    reads the host's robots.txt, whose sitemap at the host's root is its other sites'
    (the municipality's beside its mayoralty's): that stays dropped, as before."""
    return profile.home == "/" and not on_site(url, profile)


def newest_first(
    items: Items, today: dt.date | None, memo: listings.DateMemo | None = None
) -> bool:
    """The days a list's cards print run newest first, or too few print one to tell.
    ``memo``: the dates ``news_items`` read of the page's cards, not read again."""
    days = [day for card in items.cards if (day := listings.card_date(card, memo, today))]
    return len(days) < 2 or all(a >= b for a, b in pairwise(days))


@dataclass(frozen=True)
class HomeHeadlines:
    """A home page's bare headlines (no day, teaser or picture), unlisted, where nothing
    told them news while it was weighed (``_Explorer.home_news_list``): the home page
    (or its frame), its boxes of them (each ``MIN_ITEMS`` at least, in one folder, in
    the page's order), its cards' keys and each headline's link texts."""

    url: str
    boxes: tuple[tuple[str, ...], ...]
    shown: set[str]
    texts: dict[str, tuple[str, ...]]


class _Explorer:
    def __init__(self, fetcher: Fetcher, profile: Profile, budget: int) -> None:
        self.fetcher, self.profile, self.budget = fetcher, profile, budget
        self.start = fetcher.requests
        self.feeds: list[str] = []
        self.sitemaps: list[str] = []
        self.listings: list[str] = []
        self.notes: dict[str, str] = {}
        self.problems: dict[str, str] = {}  # URL -> why it gave nothing
        self.shell = ""  # what the home page is when a script's empty shell (``script_shell``)
        # a hash-bang view asked as its snapshot (``escaped_fragment``) answered the shell
        # again: the server draws nothing in HTML (``drawn_only_by_script``)
        self.no_snapshot = False
        self.patterns: list[str] = []  # article URL shapes the news items taught
        self.samples: list[str] = []
        self.adopted: list[str] = []  # news hosts under the site's domain (``adopt``)
        # a listing's page -> the hosts its cards' articles live on (``adopt_card_hosts``)
        self.card_hosts: dict[str, list[str]] = {}
        self.name = ""
        self.pagination: dict[str, str] = {}
        self.page_templates: dict[str, str] = {}  # (``Discovery.page_templates``)
        self.listed: dict[str, set[str]] = {}  # listing URL -> keys of its items' URLs
        # the headlines the menu's sections' cards show (``normal_headline``), of every
        # listing found there (``home_headlines_probed``)
        self.section_headlines: set[str] = set()
        self.shapes: dict[str, Shape | None] = {}  # listing URL -> its items' URL shape
        # listing URL -> each card's block there (``cards.card_blocks``)
        self.blocks: dict[str, dict[str, frozenset[str]]] = {}
        # the categories a menu's "Новини" opens (``news_menu_children``): streams of
        # their own, though they share posts
        self.categories: set[str] = set()
        # the first listing, once a section it shows the news of was dropped for it
        # (``one_listing_per_stream``): a list of all news (``Discovery.all_news``)
        self.all_news = ""
        self.fed: set[str] | None = None  # keys of the feed entries' URLs, once read
        # every feed entry's key -> its title, of each feed read (``home_headlines_fed``)
        self.feed_titles: dict[str, str] = {}
        # feeds announced outside the site's folder -> whether they list its news
        # (``add_announced``)
        self.outside_feeds: dict[str, bool] = {}
        # the home page's own news items, where it is a listing read and their addresses
        # led into no sub-site (``Discovery.home_items``)
        self.home_items: tuple[str, ...] = ()
        # the home page read as the list of news no section lists (``home_news_list``)
        self.home_news = ""
        # its bare headlines, unlisted, where no more told them news (``home_headlines_fed``)
        self.home_headlines: HomeHeadlines | None = None
        # where a list read, no pager beneath, goes on: the archive it links ("Архив на
        # новините »", ``next_pages.archive_index``), by the list's page; its walk's way
        # to the news older than a feed's newest (``goes_on``)
        self.archives: dict[str, str] = {}
        # listings walked once and then every few days, not every night: the home news
        # list beside a feed carrying its newest (``one_listing_beside_a_feed``)
        self.resting: list[str] = []
        self.unread: dict[str, str] = {}  # the home page, sections: no answer this time
        self.site_map: str | None = None  # the "Карта на сайта" a listing page links
        self.home_site_map: str | None = None  # the one the home page links
        # "RSS" links of the menu's sections, each with the page linking it (a Joomla
        # category's feed icon, ``?format=feed&type=rss``, with no ``<link rel>`` beside)
        self.section_feeds: dict[str, str] = {}
        # the query fields the home page's and the sections' links to a copy of their
        # page add (``Discovery.copy_marks``)
        self.copy_marks: list[str] = []

    def spent(self) -> bool:
        return self.fetcher.requests - self.start >= self.budget

    def get(self, url: str, kind: str, *, telling: bool = False) -> Page | None:
        """``fetched``'s page, known by its address in normal form: one a server
        redirected to with a session id in it (ASP.NET's ``/(S(<id>))/``) is saved
        without, as its links are read, or a profile would ask for that visit's session
        for ever (a section, a home page's frame, a feed page)."""
        got = self.fetched(url, kind, telling=telling)
        if got is None:
            return None
        return replace(got, final_url=normalize_url(got.final_url) or got.final_url)

    def fetched(self, url: str, kind: str, *, telling: bool = False) -> Page | None:
        """The page at ``url``, its final address as the server sent it (``get`` gives
        its normal form). ``telling``: a page whose news the exploration would keep (the
        home page, a menu's section); one that could not be read this time (no answer, a
        5xx after the retries) is noted in ``unread``, so the exploration is not trusted
        later.

        A bot check that answered this page alone (``Fetcher.forgive_wall``: the first
        in the run, or the first since another page answered) is this page's miss, as
        no answer is: a WAF rule on one section's path rested the whole site, its other
        sections and its feed unexplored and its news unread that night. A second in a
        row is the site walled: the rest stands (``HostResting`` ends the run)."""
        if self.spent():
            return None
        try:
            got = fetch_source(self.fetcher, url, kind, keep=True)  # the crawl reads it next
        except HostResting as exc:
            if not self.fetcher.forgive_wall(exc):
                raise
            alone = f"a bot check answered this page alone ({exc.evidence})"
            got = Miss.DOWN, f"{kind} failed: {alone}: {self.fetcher.describe(url)}"
        if isinstance(got, Page):
            return got
        why = got[1].split(" failed: ", 1)[-1]
        self.problems.setdefault(url, why)
        if telling and got[0] is Miss.DOWN:
            self.unread[url] = why
        return None

    def add(self, found: list[str], url: str, how: str) -> None:
        if url not in found:
            found.append(url)
            self.notes.setdefault(url, how)

    def add_announced(self, url: str, how: str) -> None:
        """A feed a page of the site announces (``declared_feeds``), kept when it is the
        site's: one in the site's bounds (``on_site``), or one outside its folder on its
        host that lists something in them (Medium's ``/feed/@user`` for ``/@user``,
        the only list of its older posts). A host's main feed a sub-site's pages name
        (``/feed/`` above ``/kmetstvo-x/``, every item another folder's) lists none: it
        is read once, here, and never again, nor its items taken."""
        if not on_site(url, self.profile):
            if url not in self.outside_feeds:
                page = self.get(url, "feed")
                entries = self.parse_feed(page.content) if page is not None else []
                where = page.final_url if page is not None else url
                self.outside_feeds[url] = any(
                    on_site(link, self.profile)
                    for entry in entries
                    if not entry.is_sitemap
                    if (link := normalize_url(entry.url, where))
                )
            if not self.outside_feeds[url]:
                return
        self.add(self.feeds, url, how)

    def parse_feed(self, content: bytes) -> list[feeds.FeedEntry]:
        """Within the fetcher's body cap, as the crawl reads the same feed later."""
        return feeds.parse_feed(content, max_bytes=self.fetcher.options.max_bytes)

    def is_feed(self, url: str, *, telling: bool = False) -> bool:
        return self.feed_at(url, telling=telling) is not None

    def feed_at(self, url: str, *, telling: bool = False) -> str | None:
        """Where the feed or sitemap asked at ``url`` is, or None when there is none: the
        address a redirect on the site led to (WordPress answers ``/feed`` with a ``301``
        to ``/feed/``, Yoast ``/sitemap.xml`` to ``/sitemap_index.xml``), so a nightly
        run asks there at once, not through the redirect every night."""
        return self.feed_holding(url, telling=telling)[0]

    def feed_holding(self, url: str, *, telling: bool = False) -> tuple[str | None, set[str]]:
        """``feed_at``'s answer, and the keys (``url_key``) of the entries' URLs."""
        page = self.get(url, "feed", telling=telling)
        entries = self.parse_feed(page.content) if page is not None else []
        # a relative link resolves against where the feed was found, as the crawl reads it
        where = page.final_url if page is not None else url
        titled = [
            (u, e.title) for e in entries if not e.is_sitemap if (u := normalize_url(e.url, where))
        ]
        links = [u for u, _ in titled]
        keys = {url_key(u) for u in links}
        for u, title in titled:
            if title:
                self.feed_titles.setdefault(url_key(u), title)
        self.samples += [u for u in links if on_site(u, self.profile)][:3]
        if entries and self.fed is None:
            self.fed = set(keys)  # (its own: the caller keeps the one returned)
        if not entries:
            return None, set()
        return (where if on_site(where, self.profile) else url), keys

    def run(self) -> Discovery:
        home = absolute(self.profile, self.profile.home)
        for url in self.fetcher.robots_sitemaps(home):
            normal = normalize_url(url)
            if normal is None:
                continue
            # (robots.txt may keep the sitemap on a host of the site's own domain, a static
            # files host, ``static.x.bg``: the site says so itself, which no link could)
            if news_subdomain(host := urlsplit(normal).netloc, self.profile):
                self.adopt(host)
            # (or on a host not the site's at all, its hosting company's CDN: robots.txt is
            # the site's own word, which sitemaps.org's cross-submission takes as proof the
            # sitemap speaks for the site; only its entries on the site's hosts are read)
            if on_site(normal, self.profile) or vouched_sitemap(normal, self.profile):
                self.fetcher.add_site_hosts(sitemap_hosts([normal], self.profile))
                self.add(self.sitemaps, normal, ROBOTS_NOTE)
        # (the wall is read from where the server sent the visitor, whose return field
        # the normal form drops: ``urls.RETURN_FIELD``)
        page = self.fetched(home, "listing", telling=True)
        if page is not None and (wall := wall_before(home, page.final_url, self.profile)):
            # every other page would be sent there too: nothing to explore past it
            self.problems[home] = (
                f"it is sent to {wall} first, a page of the site's own asking to be sent back"
                " (a cookie-consent or login wall, passed only with the cookie its form"
                " sets): newsarchive reads public pages and does not accept on anyone's behalf"
            )
            return self.found(())
        if page is not None:
            page = replace(page, final_url=normalize_url(page.final_url) or page.final_url)
        sections: list[str] = []
        feed_links: list[str] = []
        home_items, home_listing = 0, home
        home_listed: set[str] = set()  # its cards' keys (``url_key``)
        home_news: list[str] = []  # those of them dated, none to come (``home_news_list``)
        home_undated: list[Card] = []  # those of them undated, each a headline and more
        home_tree: LexborHTMLParser | None = None  # the page those cards are on
        home_full = 0  # news items the home page holds in full
        home_next = ""  # the home page's own next page, where it is a paged list of news
        home_shape: Shape | None = None
        # where no menu entry names the news and the home page lists dated news: the
        # menu's entries (a paper's topics, ``topic_sections``) and the home cards' shape
        topics: list[str] = []
        # the entries beside the menu's news entry that name no news (``silent_sections``)
        silent: list[str] = []
        home_card_shape: Shape | None = None
        home_cards: list[str] = []  # the home page's own news items (``sub_sites``)
        home_dated: list[str] = []  # those of them dated (``silent_sections``)
        # A home page that is a <frameset> (or shows all it has in frames) holds neither
        # news nor a menu: its frames are read as the home page, in its place; so is the
        # Bulgarian site a bare choice of language ("Български | English") leads to.
        framed: list[str] | None = None
        api: str | None = None  # WordPress's REST API root, as the home page names it
        archives: list[str] = []  # its links to a paper's past issues (``issue_index``)
        while page is not None:
            tree = parse_html(page.text)
            self.name = self.name or site_name(tree, page.final_url)
            self.note_copies(tree, page.final_url)
            if framed is None:
                self.shell = script_shell(tree)
            api = api or rest_api_root(tree, page.final_url, self.profile)
            self.home_site_map = self.home_site_map or site_map_link(
                tree, page.final_url, self.profile
            )
            for url in declared_feeds(tree, page.final_url, self.profile):
                self.add_announced(url, f"{ALTERNATE_NOTE}the home page")
            for url in declared_sitemaps(tree, page.final_url, self.profile):
                self.add(self.sitemaps, url, f"{SITEMAP_LINK_NOTE}the home page")
            self.adopt_card_hosts(tree, page.final_url, page.fetched_at)
            items = listings.news_items(tree, page.final_url, self.profile, page.fetched_at)
            shown = len(items.cards) or len(
                listings.stated_news(tree, page.final_url, self.profile)
            )
            if framed is None:
                home_cards = [card.url for card in items.cards]
            if shown > home_items:
                home_items = shown
                home_listing = home if framed is None else page.final_url
                home_listed = {url_key(card.url) for card in items.cards}
                home_news = listings.published_cards(items, page.fetched_at)
                home_undated = [
                    card
                    for card in items.cards
                    if listings.item_date(items, card, today=page.fetched_at) is None
                ]
                home_tree = tree
            if is_listing(items):
                self.learn(items.shape, *items.shapes)
                self.samples += [card.url for card in items.cards[:3]]
            for host in news_hosts(tree, page.final_url, self.profile):
                self.adopt(host)
            card_days = {
                card.url: day
                for card in items.cards
                if (day := listings.item_date(items, card, today=page.fetched_at)) is not None
            }
            dated_cards = list(card_days)
            dated = {url_key(url) for url in dated_cards}
            if framed is None:
                home_dated = dated_cards
            menu = section_links(tree, page.final_url, self.profile, dated)
            if is_listing(items) and (
                own := next_pages.find_next_link(
                    tree,
                    page.final_url,
                    self.profile,
                    1,
                    latest=next_pages.latest_day(page.fetched_at, card_days.values()),
                )  # fmt: skip
            ):  # a list's own next page is no section of it ("news_list.php?str=2"); but
                # a "Още новини" leading to the menu's own "Новини", no page number in its
                # address, is: a category whose first page repeats the home's newest few,
                # walked as the home's page 2, ended the walk there, nothing new on it
                if next_pages.names_page(own, 2) or own not in menu:
                    menu = [url for url in menu if url != own]
                if framed is None:
                    home_next, home_shape = own, items.shape
            children = news_menu_children(tree, page.final_url, self.profile)
            if not (menu or children or is_listing(items)):
                # (no menu names news, the home page shows none: its box of categories)
                children = category_links(tree, page.final_url, self.profile)
            self.categories.update(children)
            sections += [url for url in [*children, *menu] if url not in sections]
            silent += [
                url
                for url in silent_entries(tree, page.final_url, self.profile, menu, dated)
                if url not in silent
            ]
            if framed is None and not (menu or children) and is_listing(items):
                # (a home page with a pager of its own lists all news: ``home_stream``)
                if len(dated) >= MIN_ITEMS and not home_next:
                    topics = under_cards_first(
                        menu_entries(tree, page.final_url, self.profile, dated),
                        [card.url for card in items.cards],
                    )
                    home_card_shape = items.shape
            feed_links += [url for url in feed_pages(tree, page.final_url, self.profile)
                           if url not in feed_links]  # fmt: skip
            if framed is None and not is_listing(items):
                home_full = len(full_items(tree, page.final_url))
            archives += [url for url in issue_archive_links(tree, page.final_url, self.profile)
                         if url not in archives]  # fmt: skip
            if framed is None:
                bare = not (menu or is_listing(items))
                framed = (
                    frame_sources(tree, page.final_url, self.profile)
                    or language_home(tree, page.final_url, self.profile)
                    if bare
                    else []
                )
                framed = framed[:MAX_FRAMES]
            page = self.get(framed.pop(0), "listing") if framed else None
        for url in sections[:MAX_SECTIONS]:
            self.section(url)
            if len(self.listings) >= MAX_LISTINGS + MAX_RESTED:
                break
        if not sections and topics:
            self.topic_sections(topics, home_listed, home_card_shape)
        if home_next and home_listing == home:
            self.home_stream(home, home_listed, home_next, home_shape)
        if home_tree is not None and not home_next:
            self.note_archive(home_tree, home_listing)
        if not self.listings and home_items >= MIN_ITEMS:
            where = (
                "the home page" if home_listing == home else f"the home page's frame {home_listing}"
            )
            self.add(self.listings, home_listing, f"{where} lists {home_items} news items")
            self.listed.setdefault(home_listing, home_listed)
            if not home_next and home_tree is not None:
                # its block of the newest few, "Архив »" beneath: the archive walked instead
                self.archive_instead(home_tree, home_listing)
        elif home_items >= MIN_ITEMS and self.home_news_list(
            home_listing, home_news, home_listed, home_undated
        ):
            if not home_next and home_tree is not None:
                self.archive_instead(home_tree, home_listing)
        if not self.listings and home_full:
            self.add(self.listings, home, f"the home page holds {home_full} news items in full")
        if api and not (self.listings or self.sitemaps):
            self.rest_posts(api)
        if not self.feeds:
            self.follow_feed_links(dict.fromkeys(feed_links, "the home page"))
        if not (self.feeds or self.listings):
            # no section lists its news where a crawler sees it (its cards drawn by
            # script), but one links its own feed: what a nightly run reads instead
            self.follow_feed_links(
                {url: page for url, page in self.section_feeds.items() if url not in feed_links}
            )
        for path in CONVENTIONAL_FEEDS if not (self.feeds or self.drawn_only_by_script()) else ():
            # (in the site's folder where it keeps one of a shared host: the host's
            # own ``/rss`` is another site's, its items none of ours)
            path = self.profile.home.rstrip("/") + path
            if found := self.feed_at(absolute(self.profile, path)):
                self.add(self.feeds, found, f"{path} answered with a feed")
                break
        if sections and (self.feeds or self.listings or self.sitemaps):
            # (found something: kept for ``REEXPLORE_DAYS``, so these are asked monthly)
            self.silent_sections([url for url in silent if url not in sections], home_dated)
        if home_items < MIN_ITEMS or not (self.feeds or self.sitemaps):
            self.issue_index(archives)
        self.home_headlines_fed()
        self.home_headlines_probed()
        self.one_listing_per_stream()
        self.one_listing_beside_a_feed()
        rested = tuple(self.listings[MAX_LISTINGS:])
        del self.listings[MAX_LISTINGS:]
        for url in rested:
            self.notes[url] += (
                ": a stream of its own beyond the two read every night, read every few days"
                " (every night where no feed, sitemap or list of all news shows its news)"
            )
        for url in self.resting:
            self.notes[url] += (
                ": walked once, then read every few days: the feed shows a nightly run what is new"
            )
        rested += tuple(self.resting)
        rested += self.sub_sites(home, home_cards)
        if home in self.listings and not rested:
            # where they live is known once the crawl archived them (``resolved_sub_sites``)
            self.home_items = tuple(home_cards[:MAX_RESOLVED])
        self.pages_a_sitemap_names()
        self.site_map_instead()
        self.sitemap_instead()
        if not (self.feeds or self.listings or self.sitemaps):
            self.site_map_alone()
        if not (self.feeds or self.listings or self.sitemaps or self.drawn_only_by_script()):
            for path in CONVENTIONAL_SITEMAPS:
                if found := self.feed_at(absolute(self.profile, path)):
                    self.add(self.sitemaps, found, f"{path} is a sitemap")
        return self.found(rested)

    def home_news_list(
        self, url: str, news: list[str], shown: set[str], undated: Sequence[Card] = ()
    ) -> bool:
        """A small municipality's home page is its list of news (seven dated cards into
        ``/novini/``, no pager, no menu entry naming them) beside a section its menu
        names, "Обяви" (notices, news too: ``not_news``), listing only its own: the home
        page was read as a listing only where no section was found, and its news were
        never asked. Where at least ``MIN_ITEMS`` of the home's dated news (``news``, none
        dated to come) are listed by no listing kept, live in one folder
        (``stream_folder``: the root's or a root script's too, a WordPress site's
        ``/2026/11/29/x/``, a PHP site's ``/novina.php?id=493``, composed seeds 224, 408,
        641) no listing's items live in, and are named as no listed item is (``leaf_token``: a
        site's old ``/novini/505-x`` beside its ``/bg/novini/505-x``, a TV's ``/video/7385``
        copy of its ``/news/7385-x``), the home page (or its frame, ``url``) is read as a
        listing too, second, after the menu's most news-like section. A box of the newest
        few a section lists, or of notices or events read from their own section, is
        listed already; news in a folder a section lists are reached by its pager; a
        network's front, leading into several folders, is ``sub_sites``' to judge; and
        beside a feed carrying every one of them it is dropped
        (``one_listing_beside_a_feed``): the feed shows them, dated; one showing news
        past the feed's newest ten stays, rested (``home_news``). A sitemap naming them all does
        not stand in for it:
        its ``<lastmod>`` is no publication date, and the home's cards may be the only
        place their days are printed (composed seed 87: archived undated when the home
        was left for the sitemap). ``shown``: its cards' keys. True when it was added.

        Its cards may print no date (composed seeds 745, 1429: five cards, each an image,
        a headline and a teaser, into ``/novini/496-x``), where a home page's boxes of
        undated links (services, documents, sections, banners) are no news, and reading
        one nightly would cost a request and might archive them. ``undated``: the home
        cards that print no date; they stand for its news only where at least
        ``MIN_ITEMS`` of them, listed nowhere as above and in one folder, each show more
        than a headline (``teased``: a teaser or a picture beside it), and the first
        ``PROBED_HOME_ITEMS`` of them, opened (a request each, kept for the crawl's
        reading), are dated articles (``dated_article``): a services box's pages are
        forms and offices, no day printed, and it stays unread. Where the site's sitemap
        names them all (``in_sitemap``) they are found there, and the list, printing no
        day, adds nothing a night."""
        if url in self.listings:
            return False
        outside = self.unlisted()

        def unlisted(cards: list[str]) -> list[str]:
            return [card for card in cards if outside(card)]

        found = unlisted(news)
        held = {stream_folder(card) for card in found}
        how = f"{len(news)} dated news items, {len(found)} of them"
        if len(found) < MIN_ITEMS or len(held) != 1:
            bare = unlisted([card.url for card in undated])
            told = {card.url for card in undated if teased(card) or parse_url_date(card.url)}
            found = [card for card in bare if card in told]
            held = {stream_folder(card) for card in found}
            if len(found) < MIN_ITEMS or len(held) != 1:
                boxes = headline_boxes(bare)
                if boxes:  # (the feed may tell: found later)
                    texts = {card.url: card.link_texts for card in undated}
                    self.home_headlines = HomeHeadlines(url, boxes, shown, texts)
                return False
            if self.in_sitemap(found):
                return False
            probed = found[:PROBED_HOME_ITEMS]
            if not all(self.dated_article(card) for card in probed):
                return False
            how = (
                f"{len(found)} undated news items, each a headline with a teaser, a picture or"
                f" its day in its address, and the first {len(probed)} dated articles,"
            )
        self.read_home(url, f"{how} in {held.pop()}", shown)
        return True

    def unlisted(self) -> Callable[[str], bool]:
        """Whether an address is none a listing kept lists: not its key (``url_key``),
        nor in a folder its items live in (``stream_folder``: its pager reaches the
        rest), nor named as one of them is (``leaf_token``: the same news at the CMS's
        other address)."""
        listed: set[str] = set().union(*(self.listed.get(one, set()) for one in self.listings))
        folders = {stream_folder(f"https://{key}") for key in listed}
        leaves = {leaf_token(key) for key in listed}

        def outside(url: str) -> bool:
            key = url_key(url)
            return (
                key not in listed
                and stream_folder(url) not in folders
                and leaf_token(key) not in leaves
            )

        return outside

    def read_home(self, url: str, how: str, shown: set[str]) -> None:
        """The home page (or its frame, ``url``) read as a listing, second, after the
        menu's most news-like section (``home_news_list``); ``shown``: its cards' keys."""
        self.listings.insert(1, url)
        self.home_news = url
        self.notes.setdefault(url, f"the home page lists {how}, which no section lists")
        self.listed[url] = shown

    def home_headlines_fed(self) -> None:
        """A home page whose news list is bare headlines (no day, teaser or picture on
        the card, composed seed 3102: twelve into ``/novina.php?id=N``) beside "Обяви",
        and a feed carrying the newest ten: the two oldest were in no list. A box of bare
        links is most often news a section lists under another address (Drupal's
        ``/node/231`` for ``/novini/slug``, Joomla's ``component/content/article/620``),
        whose pages would pass ``dated_article``; but a feed, found after the home page
        was weighed (``home_news_list``), carrying most of them proves them the site's
        news, dated there. The home page is then read as its list, beside the feed,
        rested (``one_listing_beside_a_feed``): walked once, then every few days. Not
        where every headline is in the feed (it shows them all, and the list would be
        dropped), unless the list goes on (``goes_on``: the archive it links, the only way
        to the news older than the feed's ten); nor where the sitemap names them
        all (``in_sitemap``).

        The feed carries a headline under the box's own address, or under another the
        feed alone names (``feed_carrying``): a site that moved its news keeps its old
        addresses on the home page, sent on (301) to the new ones the feed names
        (composed seed 618: eleven into ``index.php?mod=news&id=N``, the feed's ten
        ``/novini/2026-11-30-slug``, none of them "carried" by address, and the oldest
        never reached). Their keys join the home's (``listed``), so the feed is seen
        to carry its news and the list rests. Each folder's box of them is weighed apart
        (``headline_boxes``), the first the feed carries so read: 618's "Култура" box
        beside the list copies four into ``/kultura/``."""
        home = self.home_headlines
        if home is None or not self.feeds or not self.listings or home.url in self.listings:
            return
        if self.fed is None:
            self.is_feed(self.feeds[0], telling=True)  # (read by the crawl next)
        for box in home.boxes:
            bare = list(box)
            carriers = self.feed_carrying(bare, home.texts)
            carried = [card for card in bare if card in carriers]
            if len(carried) < MIN_ITEMS or 2 * len(carried) <= len(bare):
                continue
            if carried == bare and not self.goes_on(home.url):
                continue
            break
        else:
            return
        if self.in_sitemap(bare):
            return
        moved = sum(url_key(card) != carriers[card] for card in carried)
        how = (
            f"{len(bare)} bare headlines, {len(carried)} of them in the feed"
            + (f" ({moved} by their headline, at the address they are sent on to)" if moved else "")
            + f", in {stream_folder(bare[0])}"
        )
        self.read_home(home.url, how, home.shown | set(carriers.values()))

    def home_headlines_probed(self) -> None:
        """A home page whose news list is bare headlines (no day, teaser or picture on
        the card) and no feed telling them news (``home_headlines_fed``): composed
        seed 7147's eight ``<li><a>`` into the old ``/index.php?id=N``, each sent on
        (301) to ``/novini/2026/10/01/slug``, beside "Обяви", no pager, feed or sitemap:
        none of the eight was ever read. Each box of them (``headline_boxes``) whose
        texts read as headlines (``headlines.read_as_headlines``: sentences, not a
        services box's labels) is opened at its first ``PROBED_HOME_ITEMS`` (a request
        each, the first that fails the last; kept for the crawl's reading); where each
        lands (after a redirect too) on a dated article (``dated_article``) that no
        listing kept lists, by its address or its canonical (``unlisted``: a box of the
        news a section lists under another address, Drupal's ``/node/231`` sent on to
        ``/novini/slug``, is that section's), the home page is read as their list. Only
        the first box reading as headlines is probed: one request where it is no news;
        none where a headline of it is one a menu's section shows (``section_headlines``:
        round 8's yabalkovo, whose home box of the newest three at ``/node/N`` its
        ``/novini`` lists by their aliases). Not where a listing kept has a page 2
        (``pagination``): exploring read its first page alone, and the box may repeat
        what its later pages list (composed seed 597's "Култура" box of copies at
        ``/kultura/x`` of the news "Новини" lists on its pages 2 and 3, read as a home
        list by this rule's first version: a request more each night), nor where the
        sitemap names them all (``in_sitemap``).

        A feed stops it only where it carries the box's news: a headline of the box among
        its items, by address or title (``feed_carrying``, the items as exploring read
        them: no request; ``home_headlines_fed`` weighs such a box), or a headline opened
        landing on an item, by address or canonical (the probe ends there). A feed of the
        notices ("Обяви") alone, or an old section's left behind, carries none of them and
        proves nothing (tests/test_headlines_beside_a_feed.py: before, any feed left the
        box unopened and its news never asked). A feed that could not be read leaves the
        box unopened, as before."""
        home = self.home_headlines
        if home is None or not self.listings or home.url in self.listings:
            return
        if self.feeds and self.fed is None:
            return  # (a feed that could not be read tells nothing: the box left, as before)
        if any(url in self.pagination for url in self.listings):
            return  # (its later pages, unread, may list them: a box of copies of those)
        shown = {
            card: max(home.texts.get(card, ("",)), key=len) for box in home.boxes for card in box
        }
        box = next(
            (box for box in home.boxes if read_as_headlines([shown[card] for card in box])),
            None,
        )
        if box is None or any(self.section_shows(shown[card]) for card in box):
            return  # (or a section's news again, at other addresses: yabalkovo's /node/N)
        if self.feeds and self.feed_carrying(list(box), home.texts):
            return  # (the feed shows its news, dated: ``home_headlines_fed``'s to weigh)
        if self.in_sitemap(list(box)):
            return
        outside, fed = self.unlisted(), (self.fed or set()) if self.feeds else set()
        probed = box[:PROBED_HOME_ITEMS]
        for card in probed:
            landed = self.dated_article_at(card)
            if not landed or not all(outside(url) and url_key(url) not in fed for url in landed):
                return
        how = (
            f"{len(box)} bare headlines, the first {len(probed)} dated articles no listing"
            f" lists, in {stream_folder(box[0])}"
        )
        self.read_home(home.url, how, home.shown)

    def section_shows(self, headline: str) -> bool:
        """Whether a card of a menu's section shows ``headline`` (``section_headlines``):
        as its link's whole text, or within it, a card linked as a whole running the
        day and the teaser on around it (``card_shows``: composed seed 79's
        ``<article>`` cards, whose news a "Култура" box copies into ``/kultura/``;
        composed seeds 13312, 13408's rows clickable by ``onclick``, the day first)."""
        head = normal_headline(headline)
        return bool(head) and any(card_shows(text, head) for text in self.section_headlines)

    def feed_carrying(self, cards: list[str], texts: dict[str, tuple[str, ...]]) -> dict[str, str]:
        """Each of ``cards`` the feed carries -> the key (``url_key``) of its item: the
        card's own address, or else the one item whose title is the card's headline (a
        link text of it, ``headlines.same_headline``) at an address no listing kept
        lists, nor in a folder one lists (``unlisted``): an item a section lists is that
        section's news, which the box repeats under other addresses (round 119's
        kamenyak; composed seed 114's "Култура" box of copies at ``/kultura/x`` of the
        news "Новини" lists on its later pages), no proof of a list of its own.
        Titles are in hand, so this asks nothing; a headline two items share tells none."""
        fed = self.fed or set()
        outside = self.unlisted()
        titled = [
            (key, title)
            for key, title in self.feed_titles.items()
            if key in fed and outside(f"https://{key}")
        ]
        found: dict[str, str] = {}
        for card in cards:
            if (key := url_key(card)) in fed:
                found[card] = key
                continue
            named = {
                item
                for item, title in titled
                for text in texts.get(card, ())
                if same_headline(text, title)
            }
            if len(named) == 1:
                found[card] = named.pop()
        return found

    def in_sitemap(self, urls: list[str]) -> bool:
        """Whether the site's sitemap (the first found) names every one of ``urls``: an
        undated home list beside it shows nothing it does not, not even a day, and read
        each night it would cost a fourth request (composed seeds 791, 1245, 1380, 1442,
        1774, 2014); an index's children read in turn, ``SITEMAPS_READ`` in all. Each
        kept for the crawl, which reads them next (``fetch_source``'s ``keep``).

        Not beside a feed carrying none of them (``feed_carrying``: a feed of the notices
        alone): quiet each night the news come out, it leaves the sitemap resting a week
        (``SITEMAP_REST_DAYS``), and the news with it (composed ``--nights`` seed 8: a
        week's news a week late, the last night's never)."""
        if self.feeds:
            if self.fed is None:
                self.is_feed(self.feeds[0], telling=True)  # (read by the crawl next)
            if not self.feed_carrying(urls, {}):
                return False

        def path(url: str) -> str:  # (the site's ``www.`` twin or not: one site)
            return url_key(url).partition("/")[2]

        queue, named = self.sitemaps[:1], set()
        for read in range(SITEMAPS_READ):
            if read >= len(queue):
                break
            page = self.get(queue[read], "sitemap")
            if page is None:
                return False
            for entry in self.parse_feed(page.content):
                if (url := normalize_url(entry.url, page.final_url)) and entry.is_sitemap:
                    queue.append(url)  # (an index's children: WordPress's posts first)
                elif url:
                    named.add(path(url))
            if all(path(url) in named for url in urls):
                return True
        return False

    def dated_article(self, url: str) -> bool:
        """Whether the page at ``url`` is an article printing its day (``extract``'s
        ``published``; no "not found" page or bot wall, ``rules["kind"]``). Kept for the
        crawl, which reads it next where its list is kept (``fetch_source``'s ``keep``)."""
        return bool(self.dated_article_at(url))

    def dated_article_at(self, url: str) -> tuple[str, ...]:
        """Where the page at ``url`` is when it is a dated article (``dated_article``):
        the address it was answered at (normal form, after any redirect) and its
        canonical, if it names one; () when it is none."""
        page = self.get(url, "page")
        if page is None or document_kind(page):
            return ()
        article = extract(page.content, page.final_url, profile=self.profile, today=page.fetched_at)
        if article.published is None or article.rules.get("kind"):
            return ()
        canonical = article.canonical_url and normalize_url(article.canonical_url)
        return (page.final_url, canonical) if canonical else (page.final_url,)

    def topic_sections(self, entries: list[str], shown: set[str], shape: Shape | None) -> None:
        """A regional paper's menu names its topics, never the news ("Русе", "Регион",
        "Спорт", each a paged list of dated articles, an article in one or two of them),
        and its home page shows the newest few across them, no pager: only those few
        were found. Where no entry names the news and the home page lists dated news,
        its menu's first ``MAX_SECTIONS`` entries (``menu_entries``) are opened, and those
        listing news of the home cards' address shape, or any news the home page shows,
        are its sections: categories of one stream, kept beside each other though they
        share articles (``one_listing_per_stream``), up to ``MAX_LISTINGS`` read every
        night and ``MAX_RESTED`` more. A page that lists no dated news, or news of
        another shape (a municipality's "Туризъм", "Документи", "Контакти"), is dropped
        with what it taught. ``shown``: the home cards' keys; ``shape``: their shape."""
        for url in entries[:MAX_SECTIONS]:
            before = list(self.listings)
            taught = (list(self.patterns), list(self.samples))
            self.section(url, where="a topic in the home page's menu, which names no news")
            added = [listing for listing in self.listings if listing not in before]
            for listing in added:
                listed = self.listed.get(listing, set())
                if (shape is not None and self.shapes.get(listing) == shape) or listed & shown:
                    self.categories.add(listing)
                    continue
                self.listings.remove(listing)
                self._forget(listing)
                self.listed.pop(listing, None)
                self.shapes.pop(listing, None)
                self.patterns[:], self.samples[:] = taught
            if len(self.listings) >= MAX_LISTINGS + MAX_RESTED:
                break

    def silent_sections(self, entries: list[str], featured: list[str]) -> None:
        """A school's Erasmus+ blog in ``/erasmus/`` (dated posts, its own feed), reached
        only by the menu's "Еразъм+" beside "Новини", was never opened: its name says no
        news and the home page's news never lead into it. Beside the sections the menu
        names, its first ``MAX_SILENT`` entries that name no news (``silent_entries``) are
        opened, once per exploration (never nightly: what is found is kept for
        ``REEXPLORE_DAYS``), and one is a section only where its page is a publisher's
        own list, the evidence a sub-site's page gives (``sub_sites.own_news``): it lists
        at least ``MIN_ITEMS`` dated news items and announces a feed of its own inside its
        folder (``own_feed``: inside it, or at its page's address with a query, Joomla's
        ``/novini?format=feed``); or where the home page's own dated news (``featured``)
        lead into its folder, at least one, and it lists ``MIN_ITEMS`` dated news items
        (``sub_sites.featured_news``: a library's "Изложби", no feed, whose newest opening
        the home shows beside the "Новини" ones). A register of dated records ("Обществени
        поръчки", a council's decisions, a list of projects) announces no feed and is
        rarely among the home's news, and is dropped unread with what it taught; so is
        every page that lists no news ("Училището", "Прием"). Three: a small site's menu
        keeps its own pages ("За училището", "История") before such a blog, and each
        guess costs a request a month."""
        for url in entries[:MAX_SILENT]:
            page = self.get(url, "listing")  # (kept: ``section`` reads it again unasked)
            if page is None:
                continue
            tree = parse_html(page.text)
            items = listings.news_items(tree, page.final_url, self.profile, page.fetched_at)
            dated = [
                card.url
                for card in items.cards
                if listings.item_date(items, card, today=page.fetched_at) is not None
            ]
            folder = page.final_url if page.final_url.endswith("/") else f"{page.final_url}/"
            mine = declared_feeds(tree, page.final_url, self.profile)
            if len(dated) < MIN_ITEMS:
                continue
            if own_news(folder, mine, dated):
                self.section(url, where=_SILENT_WHERE)
            elif featured_news(folder, featured, dated):
                self.section(url, where=_FEATURED_WHERE)
            else:
                continue
            if len(self.listings) >= MAX_LISTINGS + MAX_RESTED:
                break

    def issue_index(self, archives: list[str]) -> None:
        """A weekly filed by issue: its home shows the current issue's few articles, each
        issue's page lists its own and links no other, and the past ones are reached only
        through the menu's "Броеве" (a list of issues) or "Архив" (a calendar of the days
        an issue came out). Where the home lists too few news to be a listing or the site
        has neither feed nor sitemap, the first such entry (``issue_archive_links``,
        ``MAX_ISSUE_ARCHIVES``: a request a month) is opened, and taken for the listing
        when its page is an index (``index_pages.listing_index``): the walk reads its
        entries newest first, where no listing was found but its entries (the home's
        "Целият брой", the current issue, dropped: the index's walk reads it first). A
        site with a listing of its own (a municipality's news, its "Архив" by month
        beside them) keeps it. A page listing news of its own is no index (``section``
        has read it, or will); nor is a municipality's "Архив" of decisions by year,
        PDFs."""
        for url in archives[:MAX_ISSUE_ARCHIVES]:
            if url in self.listings:
                continue
            page = self.get(url, "listing")
            if page is None:
                continue
            tree = parse_html(page.text)
            items = listings.news_items(tree, page.final_url, self.profile, page.fetched_at)
            index = listing_index(
                tree, page.final_url, [card.url for card in items.cards],
                next_pages.latest_day(page.fetched_at),
            )  # fmt: skip
            if index is None:
                continue
            entries = {url_key(entry) for entry in index.entries}
            if any(url_key(listing) not in entries for listing in self.listings):
                continue  # (a listing of its own reaches the news: the index is not needed)
            for listing in list(self.listings):
                self.listings.remove(listing)
                self._forget(listing)
            kind = "days of a calendar" if calendar_day(index.entries[0]) else "issues"
            said = f"an index of {len(index.entries)} {kind} the menu links, each a list of"
            self.add(self.listings, url, f"{said} articles, walked newest first")

    def home_stream(self, home: str, shown: set[str], next_page: str, shape: Shape | None) -> None:
        """A home page listing news with a pager of its own (a blog's front page: ``/``,
        ``/page/2/``, ``/page/3/``) is the site's list of every post, where the menu's
        "Новини" may be one category of some of them (``/category/obshtina/``): walking
        the sections alone missed the posts of no section with news enough to be a
        listing. Where the home page shows a news item no section lists, it is walked
        first; ``one_listing_per_stream`` then drops the sections it lists as well.
        ``shown``: its cards' keys; a home page whose every item a section lists adds
        nothing (a municipality's "Новини" paged as its home page is), and neither does
        one whose next page is a section kept ("Още новини »" to the menu's "Новини",
        ``novini.php``): its newest few are that section's, the one past the section's
        first page on its second. Walked as the home's page 2, the section's own pager
        ("1 2 3", its "2" to ``?page=2``) led nowhere further, and its last page's news
        were never archived (round 113's maglenitsadnes: 7 of 9)."""
        listed: set[str] = set().union(*(self.listed.get(url, set()) for url in self.listings))
        if home in self.listings or not shown - listed or next_page in self.listings:
            return
        self.listings.insert(0, home)
        self.notes.setdefault(
            home, f"the home page lists {len(shown)} news items, paged ({next_page}),"
            " some in no section of its menu",
        )  # fmt: skip
        self.listed[home] = shown
        self.shapes[home] = shape
        self.pagination[home] = next_page

    def sub_sites(
        self, home: str, cards: list[str], shown: str = "the home page shows its news"
    ) -> tuple[str, ...]:
        """One host, many publishers (``discover.sub_sites``): the folders the home
        page's news items lead into, each page opened in turn, and those listing their
        own news beside their own feed kept as listings of their own, rested: walked
        whole on the first run, then read every few days where the main site's feed,
        sitemap or list of all news shows a nightly run what is new (its three requests
        stay three). At most ``MAX_SUB_SITES``, within the exploring budget; the first
        folder that is no publisher's ends the search, so a site that is no network
        pays one request. ``shown``: what tells the home page shows the folder's news
        (its cards lead into it, or live in it once archived: ``resolved_sub_sites``)."""
        # the main site's sources, and the items its lists (not the home page's own,
        # which shows the sub-sites' too) and its feed hold: their folders are its own
        listed = [key for url in self.listings if url != home for key in self.listed.get(url, ())]
        held = [f"https://{key}" for key in (*listed, *(self.fed or ()))]
        covered = [*self.feeds, *self.listings, *held]
        found: list[str] = []
        for folder in candidate_folders(cards, home, covered, limit=MAX_SUB_SITES):
            page = self.get(folder, "listing")
            if page is None:
                break
            tree = parse_html(page.text)
            items = listings.news_items(tree, page.final_url, self.profile, page.fetched_at)
            feeds = declared_feeds(tree, page.final_url, self.profile)
            if not own_news(folder, feeds, [card.url for card in items.cards]):
                break
            self.learn(items.shape, *items.shapes)
            self.add(
                found, page.final_url,
                f"a sub-site of the host: {shown}, and its page lists"
                f" {len(items.cards)} of its own beside its own feed; read every few days",
            )  # fmt: skip
        return tuple(found)

    def drawn_only_by_script(self) -> bool:
        """Nothing found, the home page a script's shell, and a view asked as its
        snapshot the shell again: a site a crawler reading HTML cannot read. Its feeds
        and sitemaps, if any, were declared (robots.txt, the head) and read; guessing
        ``/rss`` and ``/sitemap.xml`` besides cost four requests more every run (an
        exploration that finds nothing is tried again each run), for a site whose
        every address answers the same shell."""
        return (
            self.no_snapshot
            and bool(self.shell)
            and not (self.feeds or self.listings or self.sitemaps)
        )

    def found(self, rested: tuple[str, ...]) -> Discovery:
        """What exploring found so far (``rested``: the listings read every few days)."""
        return Discovery(
            feeds=tuple(self.feeds), sitemaps=tuple(self.sitemaps),
            listings=tuple(self.listings), rested=rested, notes=self.notes,
            all_news=self.all_news if self.all_news in self.listings else "",
            article_patterns=tuple(self.patterns),
            samples=tuple(dict.fromkeys(self.samples))[:5], site_name=self.name,
            home_problem=self.problems.get(absolute(self.profile, self.profile.home), "")
            or (
                shell_problem(self.shell, no_snapshot=self.no_snapshot)
                if self.shell and not (self.feeds or self.sitemaps or self.listings)
                else ""
            ),
            unread=self.unread_sections(),
            pagination=self.pagination,
            page_templates=self.page_templates,
            copy_marks=tuple(self.copy_marks),
            requests=self.fetcher.requests - self.start,
            explored_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
            hosts=self.kept_hosts(rested),
            home_items=self.home_items,
        )  # fmt: skip

    def unread_sections(self) -> dict[str, str]:
        """The pages of ``unread`` that may have been sections: not those addressed as
        the site's articles are (``patterns``, which its lists taught). A menu that links
        its newest story among its sections ("Прессъобщения" opening on the latest
        release) has the exploration read it as it reads any section; that one did not
        answer tonight is the article's miss, which the crawl asks again as it asks any
        article, and no sign that a listing went unread. Counted unread, it had the site
        explored again the next night (``unread_wait``): a dozen requests for one
        article's passing failure (``--nights`` seed 1102)."""
        if not self.patterns:
            return self.unread
        shapes = [re.compile(pattern) for pattern in self.patterns]
        return {url: why for url, why in self.unread.items() if not feeds.fits_shapes(url, shapes)}

    def note_copies(self, tree: LexborHTMLParser, url: str) -> None:
        """The copy marks a page's links to its own copies carry (``anchors.copy_marks``)."""
        self.copy_marks += [m for m in copy_marks(tree, url) if m not in self.copy_marks]

    def adopt(self, host: str) -> None:
        """The home page's menu sends its news to ``host`` (``news_hosts``): one of the
        site's hosts from now on, so its section is opened as the site's own, its links
        are on the site, and its robots.txt and politeness are its own (the fetcher
        asks each host's robots.txt and keeps each host's pace)."""
        if host not in self.adopted:
            self.adopted.append(host)
            self.profile = with_hosts(self.profile, [host])
            self.fetcher.add_site_hosts([host])

    def adopt_card_hosts(
        self, tree: LexborHTMLParser, page_url: str, today: dt.date | None
    ) -> None:
        """A page's list of news whose dated cards lead to a host under the site's own
        domain (``listings.card_hosts``: ``www.x.bg/novini.php`` listing
        ``news.x.bg/novina.php?id=N``) makes that host the site's, as a menu naming it
        would (``adopt``: its robots.txt and pace its own), within ``MAX_NEWS_HOSTS`` for
        the whole exploration; it is kept only when that page is kept as a listing."""
        if len(self.adopted) >= MAX_NEWS_HOSTS:
            return
        hosts = listings.card_hosts(tree, page_url, self.profile, today)
        for host in hosts[: MAX_NEWS_HOSTS - len(self.adopted)]:
            self.adopt(host)
            self.card_hosts.setdefault(page_url, []).append(host)

    def kept_hosts(self, rested: tuple[str, ...]) -> tuple[str, ...]:
        """The adopted hosts a source kept lies on (``rested``: the listings read every
        few days), or that a kept listing's cards lead to (``adopt_card_hosts``): one
        whose section listed nothing is not remembered as the site's."""
        sources = (*self.feeds, *self.sitemaps, *self.listings, *rested)
        on = {urlsplit(url).netloc for url in sources}
        on.update(host for url in sources for host in self.card_hosts.get(url, ()))
        return tuple(host for host in self.adopted if host in on)

    def one_listing_per_stream(self) -> None:
        """A second section whose first page shares news items with the first one's, its
        items' URLs of the same shape (a category, "Общество", beside the site's
        "Новини" that lists every post), shows nothing new a nightly run would miss: its
        new posts are on the first listing's first page too. Walking both would make
        every night four requests where three do, so it is dropped. Sections with no
        item in common, or whose items have another shape (a municipality's "Новини"
        beside its "Съобщения", one order posted in both), are different streams and
        both stay; so are a portal's rubrics whose pages share only the links of a strip
        or box every page shows alike ("Новини от последните 24 часа", "Най-четени":
        ``shared``)."""
        if len(self.listings) < 2:
            return
        first = self.listings[0]
        shape = self.shapes.get(first)
        kept = [first]
        for listing in self.listings[1:]:
            if any(self.same_page(one, listing) for one in kept):
                self._forget(listing)  # (one page under two spellings, each read once)
                continue
            if {first, listing} <= self.categories:
                kept.append(listing)  # (two of the news menu's categories: none lists all)
                continue
            if (
                shape is not None
                and self.shapes.get(listing) == shape
                and self.shared(first, listing)
            ):
                self._forget(listing)
                self.all_news = first
                continue
            kept.append(listing)
        self.listings[:] = kept

    def same_page(self, one: str, other: str) -> bool:
        """Whether ``other`` is ``one`` under the other address its CMS routes it at
        (``.aspx`` or ``index.php/`` put in or taken out: Kentico's menu "/Novini" beside
        the home's legacy "Всички новини" at "/Novini.aspx"), listing the same items: one
        list, which walked under both made every night four requests where three do.
        ``shared`` cannot tell so: it reads the same links in the same block as a strip
        every page shows, and keeps both."""
        key = url_key(one)
        twins = {*extension_twins(key), *front_controller_twins(key)}
        listed = self.listed.get(one)
        return url_key(other) in twins and bool(listed) and listed == self.listed.get(other)

    def shared(self, first: str, listing: str) -> bool:
        """Whether ``listing`` shows news ``first`` lists, some of them in a block of
        other links than ``first`` shows it in: a portal's strip "Новини от последните 24
        часа" or "Най-четени" box, the same links in the same block on every page, is no
        evidence that one section page lists the other's news (``cards.card_blocks``)."""
        mine, theirs = self.blocks.get(listing, {}), self.blocks.get(first, {})
        both = self.listed.get(listing, set()) & self.listed.get(first, set())
        return any(key not in mine or mine[key] != theirs.get(key) for key in both)

    def one_listing_beside_a_feed(self) -> None:
        """A feed tells a nightly run what is new; a listing's first page adds the
        sections it leaves out. Beside a feed, a second listing whose posts the feed
        also carries (any of them: a site-wide feed holds each section's newest) would
        make every night four requests (robots.txt, feed, two listings) where three do,
        so it is dropped; one none of whose items is in the feed (a municipality's feed
        of "Новини" beside its "Съобщения") is a section the nightly run would otherwise
        never see, and is kept; so is the home page read as the list of news no section
        lists (``home_news_list``) where it shows news the feed does not carry: the feed
        holds the newest ten, and the home's older news are in no other list (composed
        seed 618: the oldest of eleven never read), or where it shows only what the feed
        carries but goes on (``goes_on``: the archive it links, its walk's way to the
        months past the feed's ten, composed seed 14129, the oldest of eleven never read,
        the home's five all fed, dropped). That one is rested (``resting``):
        walked whole once, then read every few days, since the feed shows a nightly run
        what is new, and three requests stay three. The first listing, the menu's most
        news-like, stays,
        but beside several feeds (a page of feeds' categories, ``feeds_of_a_page``) that
        carry its every item when it has no page 2 (a home page of the newest three):
        robots.txt and two feeds are a nightly run's three requests. One with a page 2
        stays: the feeds hold the newest ten or twenty, and its later pages are the only
        way to the older news; so does one whose archive is that way (``goes_on``: a
        "Новини" page of the newest five, "Архив на новините »" to its months, beside a
        page of two category feeds: the oldest two never read). A feed that cannot be
        read proves nothing, and then every listing stays."""
        several = len(self.feeds) > 1  # (a page of feeds: ``feeds_of_a_page``)
        if not self.feeds or len(self.listings) < (1 if several else 2):
            return
        if self.fed is None:
            self.is_feed(self.feeds[0], telling=True)  # (unread: every listing stays, once)
        fed = self.fed or set()
        lead = self.listings[0]
        first = self.listed.get(lead, set())
        carried = several and bool(first) and first <= fed and not self.goes_on(lead)
        if carried:
            self._forget(lead)
        kept = [] if carried else self.listings[:1]
        for listing in self.listings[1:]:
            items = self.listed.get(listing, set())
            if not fed or not items & fed:
                kept.append(listing)
            elif listing == self.home_news and (items - fed or self.goes_on(listing)):
                self.resting.append(listing)
            else:
                self._forget(listing)
        self.listings[:] = kept

    def section(
        self, url: str, *, framed_by: str = "", instead_of: str = "", where: str = ""
    ) -> None:
        """A menu's section page; one that lists no news itself but shows a frame (its
        list in an ``<iframe src="novini_list.php">``) is read through its frames
        (``framed_by``: the page showing this one, whose frames' frames are not read).
        ``instead_of``: the listing this page may be walked in place of (``_walk_instead``:
        its archive, its newest-first order, an archive's newest period), for which no
        archive or other order is looked for in turn; ``where``: how its note names it."""
        page = self.get(url, "listing", telling=True)
        if page is None:
            return
        tree = parse_html(page.text)
        self.note_copies(tree, page.final_url)
        if "_escaped_fragment_=" in url and script_shell(tree):
            self.no_snapshot = True
        dates: listings.DateMemo = {}
        self.adopt_card_hosts(tree, page.final_url, page.fetched_at)
        items = listings.news_items(tree, page.final_url, self.profile, page.fetched_at, dates)
        link = page.headers.get("link", "")
        lists = (
            is_listing(items)
            or next_pages.paged_pair(
                items, tree, page.final_url, self.profile, dates, page.fetched_at, link
            )  # (a mayoralty's two news a page, paged)
        ) and not listings.all_to_come(items, page.fetched_at)  # (a calendar's)
        if not lists and not framed_by:
            for frame in frame_sources(tree, page.final_url, self.profile)[:MAX_FRAMES]:
                self.section(frame, framed_by=page.final_url)
            # a list a script draws, its plain copy linked for readers without JavaScript
            for plain in noscript_pages(tree, page.final_url, self.profile)[:MAX_FRAMES]:
                self.section(
                    plain,
                    framed_by=page.final_url,
                    where=f"the <noscript> link of {page.final_url}",
                )
        if not lists and (held := full_items(tree, page.final_url)):
            self.add(
                self.listings, page.final_url,
                f"a section page in the home page's menu, holding {len(held)} news items in full",
            )  # fmt: skip
            self.listed[page.final_url] = {archive_key(item.url(page.final_url)) for item in held}
        if lists:
            where = where or (
                f"a frame of {framed_by}" if framed_by else "a section page in the home page's menu"
            )
            how = f"{where}, listing {len(items.cards)} news items"
            self.add(self.listings, page.final_url, how)
            # what a walk of it queues: its cards, and the items only its page data holds
            # (without a profile pattern, ``article_links`` would find ``items`` again)
            listed = (
                [
                    c.url
                    for c in listings.article_links(
                        tree, page.final_url, self.profile, today=page.fetched_at
                    )
                ]
                if self.profile.article_pattern
                else listings.embedded_links(tree, page.final_url, self.profile, items.shapes)
            )
            urls = [card.url for card in items.cards] + listed
            self.listed[page.final_url] = {url_key(url) for url in urls}
            self.section_headlines.update(
                normal_headline(text) for card in items.cards for text in card.link_texts
            )
            self.blocks[page.final_url] = card_blocks(items.cards, url_key)
            self.shapes[page.final_url] = items.shape
            self.learn(items.shape, *items.shapes)
            self.samples = [card.url for card in items.cards[:3]] + self.samples
            self.note_page_two(tree, page, page.headers.get("link", ""))
            self.note_archive(tree, page.final_url)
            if page.final_url not in self.pagination and not instead_of:
                self.archive_instead(tree, page.final_url)
            elif not instead_of and not newest_first(items, page.fetched_at, dates):
                self.newest_order_instead(tree, page.final_url)
            self.site_map = self.site_map or site_map_link(tree, page.final_url, self.profile)
        elif len(stated := listings.stated_news(tree, page.final_url, self.profile)) >= MIN_ITEMS:
            # no card in the body: its script draws them from the list its data states
            self.add(
                self.listings, page.final_url,
                f"a section page in the home page's menu, whose page data (a JSON-LD"
                f" ItemList, a JSON script) names {len(stated)} news items",
            )  # fmt: skip
            self.listed[page.final_url] = {url_key(url) for url in stated}
            shape = learn_shape(split_url(url) for url in stated)
            self.shapes[page.final_url] = shape
            self.learn(shape)
            self.samples = stated[:3] + self.samples
            self.note_page_two(tree, page, page.headers.get("link", ""))
        if not self.home_feeds():
            for feed in declared_feeds(tree, page.final_url, self.profile):
                self.add_announced(feed, f"{ALTERNATE_NOTE}{page.final_url}")
        for link in feed_pages(tree, page.final_url, self.profile):
            self.section_feeds.setdefault(link, page.final_url)
        if page.final_url not in self.listings and not framed_by:
            # an archive's tree, listing no news until its months: its newest is the
            # listing (a year's page leads to its months, each to the month before)
            period = newest_period(tree, page.final_url, self.profile)
            if period is not None and period not in self.listings:
                self.section(
                    period,
                    instead_of=instead_of or page.final_url,
                    where=where or f"the archive {page.final_url} links",
                )

    def home_feeds(self) -> list[str]:
        """The feeds the home page announces, kept: the site's own. Beside them, a feed
        a section page announces is one category's share of what they carry (WordPress
        announces ``/category/<name>/feed/`` on every category's page, Drupal
        ``/taxonomy/term/<n>/feed`` on every term's): read every night, each cost a
        request and showed nothing the home page's feed and the section's own list do
        not (round 113's svetlitsainfo: a rerun of 5 requests, robots.txt, three feeds
        and the list, once its obituaries' and ads' categories were no sections). Where
        the home page announces none, a section's is read."""
        home = f"{ALTERNATE_NOTE}the home page"
        return [url for url in self.feeds if self.notes.get(url, "").startswith(home)]

    def archive_instead(self, tree: LexborHTMLParser, url: str) -> None:
        """A news page of the newest few with no pager beneath, whose older news are only
        in the archive it links ("Архив на новините", ``news_archive_link``): the
        archive, when it lists news and this page's among them, is the listing walked in
        its place (its first page shows what is new as well, and its pager reaches the
        rest). One that lists none of them is another stream, and is not taken."""
        archive = news_archive_link(tree, url, self.profile)
        if archive is not None:
            self._walk_instead(url, archive, f"the archive {url} links", sharing=True)

    def newest_order_instead(self, tree: LexborHTMLParser, url: str) -> None:
        """A list whose cards' dates do not run newest first (ordered by their reads,
        "Най-четени", by default) that links its own newest-first order ("Най-нови",
        ``newest_order_link``): that order, when it lists news, is the listing walked in
        its place. Walked in the default order, the next night read page 1, found it
        known and stopped, and a new article (read by nobody yet, on its last page) was
        never found."""
        newest = newest_order_link(tree, url, self.profile)
        if newest is not None:
            where = f'the newest-first order ("Най-нови") of {url}, whose own is not by date'
            self._walk_instead(url, newest, where)

    def _walk_instead(self, url: str, other: str, where: str, *, sharing: bool = False) -> None:
        """The listing ``other`` (a news page's archive, a list's newest-first order),
        read as a section and, when it lists news, walked in the place of the listing
        ``url``, whose note and page 2 are forgotten; ``where``: how its note names it.
        ``sharing``: only when it lists one of ``url``'s items (an archive that lists none
        is another stream, and is not taken)."""
        if other in self.listings:
            return
        before = list(self.listings)
        self.section(other, instead_of=url, where=where)
        added = [listing for listing in self.listings if listing not in before]
        if not added:
            return
        if sharing and not self.listed.get(added[0], set()) & self.listed.get(url, set()):
            for listing in added:
                self.listings.remove(listing)
                self._forget(listing)
            return
        self.listings[:] = [added[0] if listing == url else listing for listing in before]
        self._forget(url)

    def site_map_instead(self) -> None:
        """A site whose listings show the newest few and no pager (a script posts for
        the rest), with no archive, no feed and no sitemap, may link every article from
        its HTML site map alone ("Карта на сайта", ``discover.site_map``): read as the
        site's sitemap, its links of the listings' article shapes, when it holds every
        item a listing shows and more (a site map of the sections alone is no index of
        the news). The link is a listing page's, else its newest article's
        (``article_site_map``)."""
        if (
            self.feeds
            or self.sitemaps
            or not self.patterns
            or any(listing in self.pagination for listing in self.listings)
        ):
            return
        site_map = self.site_map or self.article_site_map()
        if site_map is None:
            return
        page = self.get(site_map, "sitemap")
        if page is None:
            return
        shapes = [re.compile(pattern) for pattern in self.patterns]
        read = feeds.page_links(
            page, self.profile, SOURCE_SITEMAP, max_bytes=self.fetcher.options.max_bytes,
            shapes=shapes,
        )  # fmt: skip
        held = {url_key(candidate.url) for candidate in read.articles}
        shown = set().union(*(self.listed.get(listing, set()) for listing in self.listings))
        if shown and shown <= held and held - shown:
            self.add(
                self.sitemaps, page.final_url,
                f'the HTML site map a listing links ("Карта на сайта"), naming {len(held)}'
                " articles of the listings' shapes",
            )  # fmt: skip

    def pages_a_sitemap_names(self) -> None:
        """A listing whose pager is drawn by script (``onclick="pokazhi(2)"``, no address
        a crawler can follow) may still have its later pages named in the site's sitemap,
        as a CMS's sitemap module set to list its menu items and their pages writes it
        (``/novini?str=2``, ``/novini?str=3``, and no article): the template those give
        (``pagination_template``) is the listing's (``Discovery.page_templates``), which
        its walk follows where a page links no next one, as a profile's ``pagination``
        is. Before, such a site's news past the list's first page were never archived.
        One request (the sitemap, kept for the crawl to read next), only for a site with
        a sitemap and a listing with no next page."""
        unpaged = [listing for listing in self.listings if listing not in self.pagination]
        if not unpaged or not self.sitemaps:
            return
        page = self.get(self.sitemaps[0], "sitemap")
        if page is None:
            return
        named = [
            url
            for entry in self.parse_feed(page.content)
            if not entry.is_sitemap
            if (url := normalize_url(entry.url, page.final_url))
        ]
        for listing in unpaged:
            for url in named:
                template = pagination_template(listing, url)
                if (
                    _NAMES_A_PAGE.search(template)
                    and next_pages.page_url(listing, template, 2) == url
                ):
                    self.page_templates[listing] = template
                    self.pagination[listing] = url
                    self.notes[listing] += f"; its page 2 named by the sitemap: {url}"
                    break

    def sitemap_instead(self) -> None:
        """A site whose lists show the newest few and no pager, with no feed and no
        sitemap named anywhere, may still have the XML sitemap its CMS writes at the
        conventional path (WordPress's SEO plugins: Yoast answers ``/sitemap.xml`` with a
        ``301`` to its ``sitemap_index.xml``, which robots.txt names only while the plugin
        writes robots.txt): the only index of the older news. One request, and only for
        a site left with no feed, no sitemap and no pager."""
        if (
            self.feeds
            or self.sitemaps
            or not self.listings
            or any(listing in self.pagination for listing in self.listings)
        ):
            return
        for path in CONVENTIONAL_SITEMAPS:
            if found := self.feed_at(absolute(self.profile, path)):
                self.add(
                    self.sitemaps, found,
                    f"{path} is a sitemap, where no list shows more than its newest news",
                )  # fmt: skip

    def article_site_map(self) -> str | None:
        """The site map the footer of the listings' newest article links, where the
        listings' own footer does not (a template of its own for the article pages):
        its only index of the older news was never found. One request, and only for a
        site left with no feed, no sitemap and no pager; kept (``get``), so the crawl
        reading the article next takes it from memory, not from the site again."""
        sample = next((url for url in self.samples if on_site(url, self.profile)), None)
        if sample is None or not self.listings:
            return None
        page = self.get(sample, "article")
        if page is None:
            return None
        return site_map_link(parse_html(page.text), page.final_url, self.profile)

    def site_map_alone(self) -> None:
        """A site with no feed, no sitemap and no listing a crawler reads (its news page
        an empty shell its script fills) may still date its articles in the HTML site map
        the home page links: its dated links teach their shape (``listings.
        dated_shapes``), and it is read as the site's sitemap, its links of that shape."""
        if self.home_site_map is None:
            return
        page = self.get(self.home_site_map, "sitemap")
        if page is None:
            return
        taught = listings.dated_shapes(page.text, page.final_url, self.profile)
        if not taught:
            return
        shapes = [re.compile(shape_pattern(shape)) for shape in taught]
        read = feeds.page_links(
            page, self.profile, SOURCE_SITEMAP, max_bytes=self.fetcher.options.max_bytes,
            shapes=shapes,
        )  # fmt: skip
        if len(read.articles) < MIN_ITEMS:
            return
        self.learn(*taught)
        self.samples = [candidate.url for candidate in read.articles[:3]] + self.samples
        self.add(
            self.sitemaps, page.final_url,
            f'the HTML site map the home page links ("Карта на сайта"), dating'
            f" {len(read.articles)} articles: the site's only index of its news",
        )  # fmt: skip

    def _forget(self, listing: str) -> None:
        """What was noted of a listing dropped from ``listings``: note, page 2, archive."""
        self.notes.pop(listing, None)
        self.pagination.pop(listing, None)
        self.page_templates.pop(listing, None)
        self.archives.pop(listing, None)

    def goes_on(self, listing: str) -> bool:
        """Whether a walk of ``listing`` reads past its first page: to its page 2 (its
        pager, its page template) or to the archive it links (``archives``). Such a list
        reaches news older than a feed's newest, so the feed carrying its first page
        whole does not make it one request too many (``one_listing_beside_a_feed``)."""
        return (
            listing in self.pagination or listing in self.page_templates or listing in self.archives
        )

    def note_archive(self, tree: LexborHTMLParser, url: str) -> None:
        """The archive a list with no pager goes on to (``archives``), if it links one."""
        if url not in self.pagination and (
            archive := next_pages.archive_index(tree, url, self.profile)
        ):
            self.archives[url] = archive

    def note_page_two(self, tree: listings.Listing, page: Page, link: str = "") -> None:
        """The listing's page 2 (``Discovery.pagination``), as its walk would go there
        from page 1 but for a year's page (``newest`` None): add-site reads the listing's
        page template from this address, and a year's page is no page 2."""
        url, latest = page.final_url, next_pages.latest_day(page.fetched_at)
        if next_page := next_pages.next_page_url(
            tree, url, self.profile, 1, link=link, latest=latest
        ):
            self.pagination[url] = next_page

    def learn(self, *shapes: Shape | None) -> None:
        """The article URL shapes of every news run, the largest first: a page's own list
        may be the smaller one beside a "latest news" sidebar whose links take another
        form (Joomla's non-SEF module links beside its SEF blog), and a sitemap's
        articles are kept by these shapes."""
        for shape in shapes:
            if shape is not None and shape.fixes_something:
                pattern = shape_pattern(shape)
                if pattern not in self.patterns:
                    self.patterns.append(pattern)

    def rest_posts(self, api: str) -> None:
        """A WordPress site with no listing a crawler can walk (its home page drawn by
        script) and no sitemap: its feed holds the newest ten posts, and nothing else
        reaches the older ones. The REST API it announces lists the newest hundred, and
        reading it each night beside the feed keeps a nightly run at three requests. Kept
        only when it answers with posts: security plugins often close it."""
        endpoint = normalize_url(wp_posts_endpoint(api))
        if endpoint and on_site(endpoint, self.profile) and self.is_feed(endpoint):
            self.add(
                self.feeds, endpoint,
                '<link rel="https://api.w.org/"> on the home page: WordPress\'s list of posts',
            )  # fmt: skip

    def follow_feed_links(self, links: dict[str, str]) -> None:
        """An "RSS" link: a feed itself, or a page that lists the site's feeds. ``links``:
        each with the page that links it; the first two are followed."""
        for url, where in list(links.items())[:2]:
            page = self.get(url, "page")
            if page is None:
                continue
            if self.parse_feed(page.content):
                self.add(self.feeds, url, f"{RSS_LINK_NOTE}{where}")
                return
            tree = parse_html(page.text)
            listed = [c for c in feed_pages(tree, page.final_url, self.profile) if c != url]
            if self.feeds_of_a_page(listed[:MAX_PAGE_FEEDS], url):
                return

    def feeds_of_a_page(self, candidates: list[str], page: str) -> bool:
        """The feeds a page of feeds ("RSS емисии": "Новини от общината", "Култура и
        спорт", "Най-четени") names, each of the site's streams once: every feed that
        holds an article the others do not is kept, so a municipality splitting its news
        over two category feeds has both read (before: the first alone, and the other's
        older news never archived); one whose every item another carries ("Най-четени")
        adds a request a night and nothing new, and is left out. One that does not answer
        (a 429, a 5xx after the retries) is a page exploring missed (``unread``), said,
        and the site is explored again next run: taken for no feed, it went unread and
        unsaid for ``REEXPLORE_DAYS``. Whether any was kept."""
        held: dict[str, set[str]] = {}
        for candidate in candidates:
            found, links = self.feed_holding(candidate, telling=True)
            if (
                found is not None
                and found not in held
                and (not held or links - set().union(*held.values()))
            ):
                held[found] = links
        kept = dict(held)
        for found, links in held.items():  # (a later one may hold all one taken before)
            others = set().union(*(v for k, v in kept.items() if k != found))
            if len(kept) > 1 and links <= others:
                del kept[found]
        for found in kept:
            self.add(self.feeds, found, f"{FEED_PAGE_NOTE}{page}")
        if kept:
            self.fed = set().union(*kept.values())
        return bool(kept)


def headline_boxes(bare: list[str]) -> tuple[tuple[str, ...], ...]:
    """A home page's bare headlines (``bare``, in the page's order) by the folder each
    leads into (``stream_folder``), the folders of ``MIN_ITEMS`` or more: the news list
    lives in one, where a box beside it may copy a few of them into another (a
    "Култура" box's ``/kultura/x``, composed seed 618) and services or documents lead
    into several, a few each."""
    folders: dict[str, list[str]] = {}
    for card in bare:
        folders.setdefault(stream_folder(card), []).append(card)
    return tuple(tuple(box) for box in folders.values() if len(box) >= MIN_ITEMS)


class ExploredUntilRested(HostResting):
    """The site's host rested (a ``Retry-After`` past the cap, six busy answers in a
    row) while exploring, after pages listing its news had answered: ``found`` is what
    exploring found until then, the page it was turned away at unread (so the site is
    explored again the next run). The crawl reads those sources (their pages kept: no
    request) and queues their articles before the run ends, so the next run resumes
    them. Before, nothing of what was read was kept: a server turning away every third
    request met every rerun at the same step of exploring, and never had an article
    archived however many nights it was crawled."""

    def __init__(self, found: Discovery, rest: HostResting) -> None:
        super().__init__(rest.why, url=rest.url)
        self.found = found


def resolved_sub_sites(
    fetcher: Fetcher, profile: Profile, found: Discovery, resolved: Mapping[str, str]
) -> Discovery:
    """``found`` with the sub-sites its home page's news items live in, read after the
    crawl archived them (``resolved``: the address each is archived under, by the key
    of the one linked): a newspaper group's home linking ``/statia/9120`` into its
    editions' folders shows nothing of them by address, but the items archived live at
    ``/kamengrad/9120-...``. The evidence is what the crawl fetched anyway (or an
    earlier run did), no request of its own; each folder is then judged as
    ``Explorer.sub_sites`` judges one the cards point into (its page opened, a request
    each, within what is left of the exploring budget), and those that are publishers
    join ``rested``. ``found`` unchanged where its home page's items were none
    (``Discovery.home_items``) or lead into no folder of their own."""
    cards = resolved_cards(found.home_items, resolved)
    if not cards:
        return found
    explorer = _Explorer(fetcher, profile, max(EXPLORE_BUDGET - found.requests, 0))
    explorer.feeds, explorer.listings = list(found.feeds), list(found.listings)
    shown = "the home page's news items were archived in it"
    more = explorer.sub_sites(absolute(profile, profile.home), cards, shown)
    return replace(
        found,
        rested=(*found.rested, *(url for url in more if url not in found.urls)),
        notes={**found.notes, **{url: explorer.notes[url] for url in more}},
        article_patterns=tuple(dict.fromkeys((*found.article_patterns, *explorer.patterns))),
        requests=found.requests + fetcher.requests - explorer.start,
        home_items=(),
    )


def explore(fetcher: Fetcher, profile: Profile, *, budget: int = EXPLORE_BUDGET) -> Discovery:
    """Explore the site (at most ``budget`` requests); an empty Discovery when nothing
    that lists articles was found (a single page, a file listing, a login wall).
    ``ExploredUntilRested`` when the host rested after something was found."""
    explorer = _Explorer(fetcher, profile, budget)
    try:
        return explorer.run()
    except HostResting as exc:
        if exc.walled:  # (a bot check: the site walled, nothing of it read)
            raise
        rested = tuple(explorer.listings[MAX_LISTINGS:])
        del explorer.listings[MAX_LISTINGS:]
        explorer.unread.setdefault(exc.url, exc.why)
        found = explorer.found(rested)
        if not (found.feeds or found.listings or found.sitemaps):
            raise
        raise ExploredUntilRested(found, exc) from None
