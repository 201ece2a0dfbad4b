"""Reading a news site's own pages for where its articles are: pure decisions.

Given the home page (and the section pages it leads to), which links are feeds, which
menu entries are worth opening as section pages, and whether a page is a listing of
news items. The fetching is ``newsarchive.explorer``'s; every rule is here, so it is
tested on HTML alone and shared by ``crawl``, ``check-site`` and ``add-site``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import MISSING, Field, asdict, dataclass, field, fields, replace
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.discover import pager_words
from newsarchive.discover.anchors import (
    LinkReader,
    link_reader,
    link_says,
    link_target,
    script_calls,
)
from newsarchive.discover.items import Items
from newsarchive.discover.not_news import names_no_news
from newsarchive.discover.refresh import refresh_targets, script_redirect_targets
from newsarchive.discover.shape import (
    MONTH_FOLDER,
    YEAR,
    YEAR_FOLDER,
    Shape,
    is_file_path,
    looks_like_article_path,
    split_normal,
)
from newsarchive.discover.site_pages import is_site_page
from newsarchive.discover.stand_ins import stand_in_links
from newsarchive.discover.urls import (
    RETURN_FIELD,
    escaped_fragment,
    feed_scheme_target,
    followed_href,
    from_site_root,
    news_subdomain,
    normalize_url,
    on_site,
    url_key,
)
from newsarchive.language_tags import BULGARIAN_LABEL
from newsarchive.markup import parse_html
from newsarchive.models import Profile
from newsarchive.safe_text import one_line

# (JSON Feed's own type last: a static site generator may announce no other feed)
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
)
PLAIN_XML_TYPES = ("text/xml", "application/xml")  # what a feed script may say it sends
# JSON Feed 1.0's type (1.1 named its own): a feed when its title or address says so,
# "JSON Feed", ``/feed.json``; WordPress's ``/wp-json/wp/v2/posts/5``, "JSON", is no feed
PLAIN_JSON_TYPE = "application/json"
# Tried, in order, only when no page names a feed: the paths CMSs use most.
CONVENTIONAL_FEEDS = ("/rss", "/feed", "/rss.xml")
CONVENTIONAL_SITEMAPS = ("/sitemap.xml",)
MIN_ITEMS = 3  # news items a page needs to count as a listing
MAX_SECTIONS = 4  # section pages opened per exploration
MAX_FRAMES = 3  # frames of one page read as its content (a frameset's top, menu and main)
MAX_LISTINGS = 2  # listings kept (one beside a feed): a nightly run stays at three requests
# Sections of their own beyond those (a portal's "Обяви" beside "Новини" and "Съобщения"):
# walked in full once, then read only every few days (``crawl_sources.LISTING_REST_DAYS``),
# or every night where no feed, sitemap or list of all news shows what they post
# (``crawl_sources.SECTIONS_PER_NIGHT``)
MAX_RESTED = 2
MAX_NEWS_HOSTS = 2  # news sections on hosts of their own adopted per exploration

# What a menu calls its news section, in the languages Bulgarian public sites use: the
# news proper, and sections that hold news beside other things (what is on, notices, a
# category), kept as a section when they list news items. A press office is spelt three
# ways ("Пресцентър", "Прес център", "Прес-център"), and many a municipality calls its
# news a media centre ("Медиен център", "Медия център", "Медиацентър"): a menu's entry
# of those words was no section, and a site whose home page shows no news had none. A
# regional paper's online edition lists its news as "Статии" (articles): beside the news
# proper, as a section that may hold other things (round 64's tarnovlak: only the home
# page's three of eight were found before).
_NEWS_PROPER = (
    r"новини|новина|актуално|актуални|актуална|съобщения|прессъобщения|прес[- ]?център|"
    r"медиен център|меди[яа][- ]?център|"
    r"news|latest|press|announcements"
)
_NEWS_BESIDE = r"събития|общество|обяви|обявления|бюлетин|статии|events"
NEWS_WORDS = re.compile(rf"\b(?:{_NEWS_PROPER}|{_NEWS_BESIDE})\b", re.IGNORECASE)
# "Актуални"/"Актуална" before a noun naming no news is that noun's adjective, "current":
# a municipality's "Актуални проекти на нормативни актове" (its public consultations, a
# register of drafts), "Актуални обществени поръчки". Such a link named a news section,
# and a list of consultations was walked and archived as news (round 112's drenopole:
# 3 records archived). Before a news noun ("Актуални новини", "Актуална информация") or
# alone, it still names one.
_CURRENT_OTHER = re.compile(
    r"\bактуал(?:ни|на)(?=\s+(?!(?:новини|новина|съобщения|събития|информация|обяви"
    r"|обявления|теми)\b)[^\W\d_])",
    re.IGNORECASE,
)


def names_news(label: str) -> bool:
    """Whether a link's ``label`` names a news section (``NEWS_WORDS``), "Актуални" but
    as the adjective of a noun naming none ("Актуални проекти": ``_CURRENT_OTHER``), and
    never one naming a portal's pages of no news ("Малки обяви", "Некролози":
    ``not_news.names_no_news``)."""
    return not names_no_news(label) and bool(NEWS_WORDS.search(_CURRENT_OTHER.sub(" ", label)))


# Only the news proper sends a host of its own to be adopted (``news_hosts``): a sibling
# host for "Събития" is a calendar of what is on, dated when it happens, and one for
# "Обяви" a notice board; adopted, either is crawled whole as this site.
NEWS_HOST_WORDS = re.compile(rf"\b(?:{_NEWS_PROPER})\b", re.IGNORECASE)
# A menu entry that is the news section's name and nothing else ("Новини", "Актуално"):
# no headline is that, so its address is a section's however it looks (TYPO3 names every
# page ``index.php?id=<page>``, a numeric id as a home-made CMS's article has)
_NEWS_ENTRY = re.compile(rf"\s*(?:{_NEWS_PROPER})\s*", re.IGNORECASE)
# The same in an address, transliterated. A media centre's too, spelt as one word or two
# ("/mediacentar/", "/media-center/", "/medien-tsentar/"): a menu of pictures that name
# nothing (no ``alt``, ``aria-label`` or ``title``) leaves its address the only word of
# it, and a site whose home page shows no news had no section. Not "media" alone: a
# folder of uploads and galleries ("/media/", "/mediateka/").
NEWS_PATH = re.compile(
    r"(?:^|[/_-])(?:novini|news|aktualno|aktualni|aktualna|sabitiya|saobshteniya|pres|presscenter|"
    r"press|obshtestvo|category|rubrika|blog|medi(?:a|en|ya|yn)?[_-]?(?:cent[ae]r|tsentar))"
    r"(?:$|[/_-])",
    re.IGNORECASE,
)
# "rss", "atom", "feed(s)" as a word of a link's text or address: /rss.php, /feed/,
# ?format=rss, "RSS емисии"; not "/feedback" or "Обратна връзка (feedback)"-like pages.
# How a comments feed's title names it (WordPress in Bulgarian and English, Blogger):
# the words alone would also match a site named "Новини и коментари", whose posts' feed
# ("Новини и коментари » Поток") is the one to read.
_COMMENTS = re.compile(
    r"(?<!\w)(?:поток(?:а)? (?:за|на) коментари|емисия(?:та)? (?:на|за) коментари"
    r"|коментари(?:те)? (?:за|към|по)(?!\w)|comments? (?:feed|for|on)(?!\w))",
    re.IGNORECASE,
)
# A podcast's feed, by its title or address: "Подкасти", "podcast", "podkast" (a word's
# stem, so "Подкастът на предаването", ``/podcasts/``, ``/podkasti/rss`` are too).
_PODCAST = re.compile(r"(?<![^\W_])(?:подкаст|podcast|podkast)", re.IGNORECASE)
_COMMENTS_PATH = re.compile(r"(?:^|/)comments?(?:/|$)", re.IGNORECASE)
# "newsfeed.xml", "rssfeed", "rss2.xml" are feeds too; a free prefix before "feed" would
# take brands ("TermsFeed") and "podcastsfeed" players for them (WCXB dev: 214 -> 216).
_FEED_HINT = re.compile(r"(?<![^\W_])(?:rss\d*|atom|(?:news|rss)?feeds?)(?![^\W_])", re.IGNORECASE)


# why a source exploring found is no longer read (``Discovery.without``)
BARREN_NOTE = "held no news: not read again"
GONE_NOTE = "gone (404/410) though the site names it: not read again until explored again"
CHILD_NOTE = "a child of a sitemap index the site names: read as that index's child"
# How a note (``Discovery.notes``) begins for a source the site itself names: a robots.txt
# ``Sitemap:`` line, a page's ``<link rel>``, an "RSS" link or the feed page it leads to
# (not a conventional path that answered, nor a listing a menu leads to). One of them gone
# (404/410) is the site's lasting fault, judged apart (``crawl_sources._dead_named``).
ROBOTS_NOTE = "a Sitemap: line in robots.txt"
ALTERNATE_NOTE = '<link rel="alternate"> on '
SITEMAP_LINK_NOTE = '<link rel="sitemap"> on '
RSS_LINK_NOTE = 'an "RSS" link on '
FEED_PAGE_NOTE = "listed on the feed page "
NAMED_NOTES = (ROBOTS_NOTE, ALTERNATE_NOTE, SITEMAP_LINK_NOTE, RSS_LINK_NOTE, FEED_PAGE_NOTE)


@dataclass(frozen=True)
class Discovery:
    """Where a site's articles are, as found by exploring it, with how each was found."""

    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    # more listings, of streams of their own: read every few days, or every night where
    # nothing else shows what they post (``crawl_sources.SourceReader.rested_due``)
    rested: tuple[str, ...] = ()
    # the listing exploring saw show a section's news (the section dropped for it,
    # ``explorer.one_listing_per_stream``): a list of all news, which shows a nightly run
    # what is new, so ``rested`` may rest (``crawl_sources.SourceReader.rested_due``)
    all_news: str = ""
    notes: dict[str, str] = field(default_factory=dict)  # URL -> how it was found
    article_patterns: tuple[str, ...] = ()  # regexes on ``urls.article_path``, learned
    samples: tuple[str, ...] = ()  # a few article URLs seen (for add-site's field check)
    site_name: str = ""  # what the home page calls the site (og:site_name, <title>)
    pagination: dict[str, str] = field(default_factory=dict)  # listing -> its page 2
    # listing -> the template of its pages (``?str={page}``) where no page of it links the
    # next and the site names its later pages elsewhere (its sitemap): walked as a
    # profile's ``pagination`` is (``explorer.pages_a_sitemap_names``)
    page_templates: dict[str, str] = field(default_factory=dict)
    # the query fields the site's own links to a copy of a page add to its address, or
    # the path segment they put before its path, kept after a "/" (``anchors.copy_marks``:
    # "Версия за слабовиждащи" to ``?v=sv`` is ``v=sv``, to ``/sv/novini/5`` ``/sv``): a
    # feed's, a sitemap's or a list's link carrying one is read as the page it is a copy
    # of (``urls.without_copy_marks``). A version before path marks read each as a field
    # no address carries, and ignores it
    copy_marks: tuple[str, ...] = ()
    # why the home page gave nothing (unreachable, 404, not HTML, a script's empty shell)
    home_problem: str = ""
    # the home page or menu sections that could not be read this time (no answer, a 5xx):
    # what they hold is unknown, so the next run explores again (URL -> why)
    unread: dict[str, str] = field(default_factory=dict)
    # how many explorations in a row each of ``unread`` did not answer, this one included
    # (one missing here, as an older version wrote it, is its first): spaces the next
    # exploration out (``explorer.stale``) for a section that is down for good
    unread_runs: dict[str, int] = field(default_factory=dict)
    requests: int = 0
    explored_at: str = ""
    # a site that moved to another domain as a whole: its old origin -> the new one
    # (``Fetcher.site_move``), so later runs ask the new one at once; the one record of
    # the move (``Store.moves`` is a crawl's index of it, for finding old articles)
    moved: dict[str, str] = field(default_factory=dict)
    # hosts under the site's own domain its menu's news section lives on (``news_hosts``),
    # holding a source found: the site's hosts too, so later runs read them at once
    hosts: tuple[str, ...] = ()
    # the home page's own news items, where the home page is a listing read and their
    # addresses lead into no sub-site's folder (``/statia/9120``): where they live is
    # known once the crawl has archived them (``explorer.resolved_sub_sites``). Saved
    # until they are judged, then emptied (``Discoverer._sub_sites_resolved``): a first
    # crawl cut between saving what exploring found and judging them has the next run
    # judge them, where before it read the saved discovery and never did (podbalkanets
    # 3 of 9 for good); emptied, no nightly run opens the sub-sites' folders again
    home_items: tuple[str, ...] = field(default=(), compare=False)

    @property
    def urls(self) -> tuple[str, ...]:
        """Every source, feeds first."""
        return (*self.feeds, *self.sitemaps, *self.listings, *self.rested)

    @property
    def empty(self) -> bool:
        return not (self.feeds or self.sitemaps or self.listings)

    def readdressed(self, where: Callable[[str], str]) -> Discovery:
        """Each source under the address ``where`` gives it (its server's answer for the
        spelling the site linked: ``http://x.bg/sitemap.xml`` moved to
        ``https://www.x.bg/sitemap.xml``), so a nightly run asks there at once instead of
        paying the redirects, and robots.txt on the old host, again every night."""

        def each(urls: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(dict.fromkeys(where(url) for url in urls))

        def keyed(values: dict[str, Any]) -> dict[str, Any]:
            return {where(url): value for url, value in values.items()}

        return replace(
            self,
            feeds=each(self.feeds),
            sitemaps=each(self.sitemaps),
            listings=each(self.listings),
            rested=each(self.rested),
            all_news=where(self.all_news) if self.all_news else "",
            notes=keyed(self.notes),
            pagination={where(k): where(v) for k, v in self.pagination.items()},
            page_templates=keyed(self.page_templates),
            unread=keyed(self.unread),
            unread_runs=keyed(self.unread_runs),
        )

    def without(self, dropped: list[str], note: str = BARREN_NOTE) -> Discovery:
        """The feeds and sitemaps but ``dropped``, each noted why (``note``)."""
        if not dropped:
            return self
        notes = {**self.notes, **dict.fromkeys(dropped, note)}
        return replace(
            self,
            feeds=tuple(url for url in self.feeds if url not in dropped),
            sitemaps=tuple(url for url in self.sitemaps if url not in dropped),
            notes=notes,
        )

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Discovery:
        """Every field read back, so one added later cannot be forgotten here: each is
        made the type of its default (JSON has lists, not tuples). A field an older
        version did not write keeps its default; a key no field has any more is ignored."""
        data = json.loads(text)
        return cls(
            **{f.name: _like_default(f, data[f.name]) for f in fields(cls) if f.name in data}
        )


def _like_default(spec: Field[Any], value: object) -> Any:
    """``value`` as the type of the field's default (tuple, dict, int, str)."""
    if callable(spec.default_factory):
        return type(spec.default_factory())(value)
    if spec.default is MISSING:
        return value  # no default to go by: as JSON has it
    return type(spec.default)(value)


def _text(node: LexborNode) -> str:
    return " ".join((node.text(deep=True) or "").split())


def declared_feeds(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """Feeds a page announces in ``<link rel="alternate" type="application/rss+xml">``;
    of one feed in two formats, the first announced. An old CMS may announce its feed
    with the type its script sends it as, ``text/xml`` or ``application/xml`` (a JSON
    Feed 1.0, ``application/json``): such a link is a feed when its title or address
    says so ("RSS", ``/rss.php``, "JSON Feed").

    A feed the site's own pages announce is the site's feed wherever on its hosts it
    lives: a site kept in a folder (``Profile.home``) may be served its feed from
    outside it (Medium's ``/@user`` announcing ``/feed/@user``, the only list of its
    older posts). The feed's address is bounded by the site's hosts alone; its items
    still by ``on_site`` (``feeds.feed_links``), and the explorer keeps such a feed only
    where it lists any (``explorer._Explorer.add_announced``): a host's main feed a
    sub-site's pages name costs one read and gives none of the other folders' news."""
    found: list[str] = []
    twins: list[tuple[str, str, str]] = []  # the found feeds' titles, without format
    read = link_reader(tree, page_url)
    hosts_own = replace(profile, home="/") if profile.home != "/" else profile
    for node in tree.css("link[rel][href]"):
        rels = (node.attributes.get("rel") or "").lower().split()
        kind = (node.attributes.get("type") or "").lower().split(";")[0].strip()
        if kind in PLAIN_XML_TYPES or kind == PLAIN_JSON_TYPE:
            said = f"{node.attributes.get('title') or ''} {node.attributes.get('href') or ''}"
            kind = FEED_TYPES[0] if _FEED_HINT.search(said) else kind
        if "alternate" in rels and kind in FEED_TYPES:
            url = read(feed_scheme_target(node.attributes.get("href") or ""))
            if (
                url
                and on_site(url, hosts_own)
                and url not in found
                and not _comments_feed(node, url)
                and not _podcast_feed(node, url)
            ):
                twin = _without_format(node.attributes.get("title") or "", url)
                if not any(_same_feed(twin, seen) for seen in twins):
                    found.append(url)
                    twins.append(twin)
    return found


def wall_before(asked: str, landed: str, profile: Profile) -> str | None:
    """The page of the site's own a request for ``asked`` was sent to that names
    ``asked`` as where to go back to (``/consent?next=%2F``, ``/login?ReturnUrl=%2F``):
    a wall (cookie consent, a login) in front of every page, which only a cookie its
    form sets lets a visitor past. ``landed`` is the address as the server sent it, not
    its normal form, which drops the very field the wall is known by
    (``urls.RETURN_FIELD``). Its address without the query; None when ``landed``
    is ``asked`` or any other page (a move, a language's home page)."""
    there, here = urlsplit(landed), urlsplit(asked)
    if there.path == here.path or not on_site(landed, profile):
        return None
    for name, value in parse_qsl(there.query):
        # (the value as the site means it, ``from_site_root``: ``obshtina/`` naming
        # ``/obshtina/``, a wall printing the path asked without its slash)
        if RETURN_FIELD.fullmatch(name) and (
            back := normalize_url(from_site_root(value, asked), asked)
        ):
            if url_key(back) == url_key(asked):
                return there._replace(query="", fragment="").geturl()
    return None


def declared_sitemaps(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """Sitemaps a page names in ``<link rel="sitemap">`` (a convention of themes and
    site builders, not of robots.txt): the one place a sitemap at a path of the site's
    own choosing (``/karta-na-sayta.xml``) may be named, where robots.txt has no
    ``Sitemap:`` line and ``/sitemap.xml`` is not found."""
    found: list[str] = []
    read = link_reader(tree, page_url)
    for node in tree.css("link[rel][href]"):
        if "sitemap" in (node.attributes.get("rel") or "").lower().split():
            url = read(node.attributes.get("href") or "")
            if url and on_site(url, profile) and url not in found:
                found.append(url)
    return found


def rest_api_links(tree: LexborHTMLParser) -> list[LexborNode]:
    """The ``<link rel="https://api.w.org/">`` of a page: WordPress announces its REST
    API on every page it renders, so one says both where the API is and that WordPress
    rendered the page (``listings``' paging of a list whose pager is "Load more")."""
    return [
        node
        for node in tree.css("link[rel]")
        if "https://api.w.org/" in (node.attributes.get("rel") or "").lower().split()
    ]


def rest_api_root(tree: LexborHTMLParser, page_url: str, profile: Profile) -> str | None:
    """The WordPress REST API root a page announces (``rest_api_links``), when it is on
    the site."""
    read = link_reader(tree, page_url)
    for node in rest_api_links(tree):
        url = read(node.attributes.get("href") or "")
        if url and on_site(url, profile):
            return url
    return None


# A feed's format, as its title or address names it ("Блог - Atom" beside "Блог - RSS",
# "Блог - JSON Feed"; Blogger's ``/feeds/posts/default`` beside ``?alt=rss``).
_FORMAT_WORD = re.compile(
    r"(?<![^\W_])(?:rss\s*2?(?:\.0)?|atom|json(?:\s*feed)?)(?![^\W_])", re.IGNORECASE
)
_FORMAT_QUERY = re.compile(
    r"(?:^|&)(?:alt|format|type|feed)=(?:rss2?|atom|json)(?=&|$)", re.IGNORECASE
)


def _without_format(title: str, url: str) -> tuple[str, str, str]:
    """The title as given, the title and the address without the format's name."""
    folded = " ".join(_FORMAT_WORD.sub(" ", title).split()).strip(" -–—|:»·").casefold()
    parts = urlsplit(url)
    return title, folded, parts._replace(query=_FORMAT_QUERY.sub("", parts.query)).geturl()


def _same_feed(one: tuple[str, str, str], other: tuple[str, str, str]) -> bool:
    """The same posts in another format (Atom and RSS): announced under one title but for
    the format's name, or at one address but for a format parameter. Reading both every
    night costs a request and finds nothing the other did not."""
    if one[2] == other[2]:
        return True
    return bool(one[1]) and one[1] == other[1] and one[0] != other[0]


def _comments_feed(link: LexborNode, url: str) -> bool:
    """WordPress (and Drupal, Blogger) announce a feed of readers' comments beside the
    posts' one, on every page: it links articles already in the posts' feed, so reading
    it every night costs a request and finds nothing new. ``url``: the link's, normalized
    (a malformed href, which ``urlsplit`` raises on, never gets here)."""
    title = link.attributes.get("title") or ""
    return bool(_COMMENTS.search(title) or _COMMENTS_PATH.search(urlsplit(url).path))


def _podcast_feed(link: LexborNode, url: str) -> bool:
    """A radio or TV station announces its podcasts' feed beside its news' on every page
    ("Подкасти на Радио …", ``/podkasti/feed.xml``): episodes of its shows, each an mp3
    (an ``<enclosure type="audio/mpeg">``, often no ``<link>`` at all), never news.
    Reading it every night costs a request and archives nothing, so it is no source.
    ``url``: the link's, normalized."""
    title = link.attributes.get("title") or ""
    return bool(_PODCAST.search(title) or _PODCAST.search(urlsplit(url).path))


def feed_pages(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """Links whose text or address says RSS/feed: a feed, or a page listing the feeds
    (one written ``feed://x.bg/rss.php`` is the feed at ``http://``: ``feed_scheme_target``)."""
    found: list[str] = []
    read = link_reader(tree, page_url)
    for anchor in tree.css("a[href]"):
        url = read(feed_scheme_target(anchor.attributes.get("href") or ""))
        if url is None or not on_site(url, profile) or url in found:
            continue
        text = _text(anchor)
        label = text or (anchor.attributes.get("title") or "")
        if (
            _FEED_HINT.search(label)
            or _FEED_HINT.search(urlsplit(url).path + urlsplit(url).query)
            or (not text and _is_rss_icon(anchor))
        ):
            found.append(url)
    return found


# "RSS" as a word of an icon's alternative text or class ("RSS Feed", "XML RSS", "fa
# fa-rss", "rss-icon"): "feed" alone would take a brand's logo ("Data Feed Watch", WCXB
# dev) and news-feed widgets' cards for feeds.
_RSS_WORD = re.compile(r"(?<![^\W_])rss\d*(?![^\W_])", re.IGNORECASE)


def _is_rss_icon(anchor: LexborNode) -> bool:
    """A link of no text that shows the RSS icon: its picture's ``alt`` or its
    ``aria-label`` says RSS (``<a href="/sitefeed.aspx?feedid=121"><img alt="RSS Feed">
    </a>``, the orange icon in a footer, as an old ASP.NET municipal CMS links its only
    feed), or an icon's class names it (``<i class="fa fa-rss">``)."""
    said = [anchor.attributes.get("aria-label") or ""]
    said += [img.attributes.get("alt") or "" for img in anchor.css("img[alt]")]
    said += [n.attributes.get("class") or "" for n in (anchor, *anchor.css("[class]"))]
    return any(_RSS_WORD.search(value) for value in said)


def snapshot_targets(tree: LexborHTMLParser, page_url: str) -> list[str]:
    """The HTML snapshot of a page that says it has one (``<meta name="fragment"
    content="!">``: the AJAX crawling scheme's word for "ask me with
    ``?_escaped_fragment_=``"), which an AngularJS site's ``/`` (an empty shell its script
    fills) offers a crawler in its place; the snapshot's hash-bang links are addresses
    of the same kind (``urls.escaped_fragment``)."""
    for node in tree.css("meta[name]"):
        name = (node.attributes.get("name") or "").strip().lower()
        if name == "fragment" and (node.attributes.get("content") or "").strip() == "!":
            if "_escaped_fragment_=" not in page_url:
                return [escaped_fragment(page_url.split("#")[0] + "#!")]
    return []


# The types an ``<object>`` or ``<embed>`` shows as a page of its own, as a frame does.
_PAGE_TYPES = ("text/html", "application/xhtml+xml")


def embedded_documents(tree: LexborHTMLParser) -> list[str]:
    """The pages an ``<object type="text/html" data="novini_spisak.php">`` or an
    ``<embed type="text/html" src="…">`` shows: the pre-``<iframe>`` way of setting one
    page inside another, which an old "Новини" page may use for its whole list. Only
    where the element says it holds HTML, or is an ``<object>`` that says nothing and
    whose address is no file (``frame_sources`` leaves files out): an ``<object>`` of a
    Flash banner or a PDF, one typed as a video, or an untyped ``<embed>`` (a plugin's)
    is no page of the site."""
    found: list[str] = []
    for node in tree.css("object[data], embed[src]"):
        kind = (node.attributes.get("type") or "").strip().lower()
        if (kind or node.tag == "embed") and not kind.startswith(_PAGE_TYPES):
            continue
        found.append(node.attributes.get("data" if node.tag == "object" else "src") or "")
    return found


def frame_sources(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """The site's own documents a page shows in its frames: a ``<frameset>`` home page
    whose menu and news are ``<frame src="menu.html">`` and ``<frame src="main.php">``, or
    a "Новини" page whose list is an ``<iframe src="novini_list.php">`` (or an ``<object
    type="text/html" data="novini_spisak.php">``). A person sees
    them as the page's content, though the page itself holds no link to them. Other
    sites' frames (maps, videos), files and the page itself are left out.

    A page that sends the browser on with ``<meta http-equiv="refresh">`` (an old site's
    ``/`` holding only "0; URL=bg/nachalo.html" over its coat of arms) shows its target
    in its place just as well, with no link to it either, so the target is one of them;
    so is the page a script sends the browser to from a page that links nowhere (an
    ``index.html`` of nothing but ``window.location.replace("bg/index.php")``, as cheap
    hosting's "move the site to a folder" advice has it)."""
    found: list[str] = []
    here = normalize_url(page_url)
    read = link_reader(tree, page_url)
    targets = [node.attributes.get("src") or "" for node in tree.css("frame[src], iframe[src]")]
    targets += embedded_documents(tree)
    targets += refresh_targets(tree)
    targets += snapshot_targets(tree, page_url)
    if not tree.css_first("a[href]"):
        targets += script_redirect_targets(tree)
    seen: set[str] = set()  # (``found`` as a set: 10,000 <object>s asked a list each)
    for target in targets:
        url = read(target)
        if url is None or url == here or url in seen or not on_site(url, profile):
            continue
        if not is_file_path(urlsplit(url).path):
            found.append(url)
            seen.add(url)
    return found


def noscript_pages(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """The site's own pages a page's ``<noscript>`` links: what a reader without
    JavaScript is sent to in place of what the script draws. A "Новини" page whose list a
    script fetches (``fetch('/api/novini?page=1')``) and shows no card in its HTML says
    "Без JavaScript вижте всички новини като обикновен списък" there, and that plain
    list is the news page as the crawl can read it. Other sites' pages (a tag manager's
    ``<noscript><iframe>``), files and the page itself are left out."""
    found: list[str] = []
    here = normalize_url(page_url)
    read = link_reader(tree, page_url)
    for anchor in tree.css("noscript a[href]"):
        url = read(anchor.attributes.get("href") or "")
        if url is None or url == here or url in found or not on_site(url, profile):
            continue
        if not is_file_path(urlsplit(url).path):
            found.append(url)
    return found


# How a language switch names another language than Bulgarian: the link's text, or its
# one flag's alt (the label ``section_links`` reads; not a title, as ``language_home``
# also reads for Bulgarian): "EN", "ENG", "English", "English version", "Deutsch", "RU".
_OTHER_LANGUAGE = re.compile(
    r"^(?:(?:in\s+)?english(?:\s+version)?|en|eng|de|deu|deutsch|ru|rus|русский|fr|français"
    r"|ro|română|tr|türkçe|el|gr|ελληνικά)$",
    re.IGNORECASE,
)


def _another_language(label: str) -> bool:
    """A language switch's link to the site in another language, by its label: the
    English service's "/en/news" reads as a news section by its address, but its news
    are not the Bulgarian site's. Not by ``hreflang``: a theme may write the page's own
    language on every link."""
    return bool(_OTHER_LANGUAGE.match(label.strip()))


def language_home(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """The Bulgarian site a bare home page offers among its languages (``/`` holding only
    a coat of arms, "Български" and "English"), as a one-item list, or none. A person
    choosing Bulgarian sees it as the site's home page, so it is read in its place, as a
    frame's or a refresh's target is. Only a link on the site that names Bulgarian by
    its text, its flag's alt or title, or its hreflang: "English" or a flag alone is no
    way in to the Bulgarian news."""
    read = link_reader(tree, page_url)
    here = normalize_url(page_url)
    for anchor in tree.css("a[href]"):
        labels = [_text(anchor), *(anchor.attributes.get(k) or "" for k in ("title", "hreflang"))]
        labels += [
            img.attributes.get(k) or "" for img in anchor.css("img") for k in ("alt", "title")
        ]
        if not any(BULGARIAN_LABEL.match(label.strip()) for label in labels):
            continue
        url = read(anchor.attributes.get("href") or "")
        if url and url != here and on_site(url, profile) and not is_file_path(urlsplit(url).path):
            return [url]
    return []


# A link reading a number of one or two digits alone.
_DAY_NUMBER = re.compile(r"\d{1,2}")
# A clock time in a menu entry: a broadcaster's bulletin of that hour ("Новини в 18:00",
# "Емисия новини 19:00", "Новините в 12.30 ч."), its news word the programme's name. Its
# pages are that day's broadcast, each listing the stories it carried, which the news
# section lists as stories: opened as a section, every bulletin was archived as a story
# (round 105's radiokamenitsa: 9 stories and 9 bulletins).
# (Not a day, "12.11" of "12.11.2026".)
_CLOCK_TIME = re.compile(r"(?<![\d.])(?:[01]?\d|2[0-3])[:.][0-5]\d(?!\.?\d)")

# A ``<template>`` element's own tags around its content, as lexbor writes it out.
_TEMPLATE_TAGS = re.compile(r"^<template\b[^>]*>|</template>$", re.IGNORECASE)
_TEMPLATES_READ = 20  # (a page's templates parsed at most: a menu's are a few)


def template_contents(tree: LexborHTMLParser) -> list[LexborHTMLParser]:
    """The content of each of the page's ``<template>`` elements, parsed on its own.

    The HTML standard keeps a template's content out of the page (a fragment a script
    copies in), so lexbor's tree never shows it to ``css``. A theme built with Alpine.js
    or Vue keeps its mega-menu there (``<template x-if="menuOpen">``), drawn on a click of
    "☰ Меню", and the menu's "Новини" may be the only link to a site's news. A nested
    template's content is read in its turn."""
    found: list[LexborHTMLParser] = []
    waiting = list(tree.css("template"))
    while waiting and len(found) < _TEMPLATES_READ:
        content = _TEMPLATE_TAGS.sub("", (waiting.pop(0).html or "").strip())
        if content.strip():
            found.append(parse_html(content))
            waiting += found[-1].css("template")
    return found


def section_links(
    tree: LexborHTMLParser,
    page_url: str,
    profile: Profile,
    articles: Collection[str] = (),
    *,
    stand_in: bool = False,
) -> list[str]:
    """Menu entries worth opening as section pages, most promising first.

    A news word in the link text ("Новини", "Актуално", "Съобщения", or the ``alt`` of
    the one picture an old site's menu button is, or of its image map's area, or the
    ``aria-label`` or ``title`` of a link of no text, an icon's) beats a
    news word in the address (``/bg/news/bulgaria``); articles, files and feeds are not
    sections.
    ``articles``: keys (``url_key``) of links the page itself shows to be articles (news
    items it lists with a date): a short headline under ``/novini/`` reads like a menu
    entry, and opening it as a section spent one of exploring's few requests.
    Where no link names a section, the menu a script draws is read as links
    (``stand_ins``: a navigation drop-down, a menu written from the page's data);
    ``stand_in``: ``tree`` is those links.
    """
    scored: dict[str, int] = {}
    home = normalize_url("/", page_url)
    read = link_reader(tree, page_url)
    calls = script_calls(tree)
    contents = template_contents(tree)  # (kept while their anchors are read)
    anchors = [*tree.css("a, area[href]"), *(a for c in contents for a in c.css("a, area[href]"))]
    for order, anchor in enumerate(anchors):  # (an image map's areas too)
        raw = link_target(anchor, calls)
        url = read(raw) if raw else None
        if url is None or url == home or not on_site(url, profile):
            continue
        path = urlsplit(url).path
        if is_file_path(path) or _FEED_HINT.search(path) or url_key(url) in articles:
            continue
        # (a menu of picture buttons, or of icons named only by aria-label or title)
        label = link_says(anchor, _text(anchor))
        if looks_like_article_path(url) and not _NEWS_ENTRY.fullmatch(label):
            continue
        if _another_language(label) or _DAY_NUMBER.fullmatch(label):
            continue  # (a calendar's day "28", a pager's "2": no section of the site)
        if _CLOCK_TIME.search(label):
            continue  # (a bulletin of that hour: ``_CLOCK_TIME``)
        if names_no_news(label):
            continue  # (a portal's obituaries, ads, weather: ``not_news``, whatever its path)
        score = (2 if names_news(label) else 0) + (1 if NEWS_PATH.search(path) else 0)
        if score and len(label) <= 40:
            scored.setdefault(url, score * 10_000 - order)
    if not scored and not stand_in and (drawn := stand_in_links(tree)) is not None:
        # no link names a section: the menu a script draws (a drop-down, its data)
        return section_links(drawn, page_url, profile, articles, stand_in=True)
    return sorted(scored, key=lambda url: -scored[url])


def news_menu_children(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """The entries of a menu's "Новини" that opens a submenu and leads nowhere itself
    (``href="#"``, no ``href``: "Новини ▾ Общество | Култура | Спорт"): the site's news are
    in these categories, each holding some, none all of them; no page lists every post.
    Each is a section, kept beside the others although they share posts."""
    read = link_reader(tree, page_url)
    here = normalize_url(page_url)
    found: list[str] = []
    for anchor in tree.css("li > a"):
        if followed_href(anchor.attributes.get("href")):
            continue  # (a page of its own, a hash-bang view too)
        if not NEWS_HOST_WORDS.search(_text(anchor)) or len(_text(anchor)) > 40:
            continue
        item = anchor.parent
        for child in item.css("ul a, ol a") if item is not None else ():
            url = _section_url(child.attributes.get("href"), read, here, profile, found)
            if url is not None:
                found.append(url)
    return found


MIN_MENU = 3  # entries a list of links needs to be read as the page's menu


def menu_entries(
    tree: LexborHTMLParser, page_url: str, profile: Profile, articles: Collection[str] = ()
) -> list[str]:
    """The entries of the page's menu, in its order: the first list (``<ul>``, ``<ol>``)
    holding at least ``MIN_MENU`` links of its own items (``li > a``) to pages of the site
    that are no file, feed, article or the page itself. A regional paper's menu names
    its TOPICS only ("Русе", "Регион", "Спорт"), never the news, and a town's name is in
    no vocabulary: the explorer opens these, where no entry names the news and the home
    page lists dated news, and keeps those that turn out to list its kind of news
    (``Explorer.topic_sections``). An entry leading to a page about the site itself
    ("За нас", "Контакти", "Администрация": ``site_pages``) counts as one of the menu's
    but is none of these: it took a slot a topic needed. ``articles``: keys
    (``url_key``) of the page's news cards, never a menu entry."""
    read = link_reader(tree, page_url)
    here, home = normalize_url(page_url), normalize_url("/", page_url)
    for menu in tree.css("ul, ol"):
        found: list[str] = []
        # ("Начало" and "Контакти" count as entries of the menu, and are no sections)
        homeward = about = 0
        for item in menu.iter():
            anchor = item.css_first("a") if item.tag == "li" else None
            label = _text(anchor) if anchor is not None else ""
            if anchor is None or not label or len(label) > 40 or _DAY_NUMBER.fullmatch(label):
                continue
            if _another_language(label):
                continue
            if read(anchor.attributes.get("href") or "") == home:
                homeward = 1
                continue
            url = _section_url(anchor.attributes.get("href"), read, here, profile, found)
            if url is not None and (is_site_page(label, url) or names_no_news(label)):
                about = 1
            elif url is not None and url_key(url) not in articles:
                found.append(url)
        if len(found) + homeward + about >= MIN_MENU:
            return found
    return []


MAX_SILENT = 3  # menu entries naming no news opened per exploration (``silent_entries``)
# What a broadcaster airs rather than writes, by a menu entry's label or its address's
# last segment: a live stream, its shows, its bulletins, its video and audio pages ("На
# живо", "Предавания", "Емисии", "Видео"; ``/na-zhivo``, ``/live``), and its podcasts
# (``_PODCAST``, the one vocabulary of them). README (round 105) decides they are no news:
# a silent entry naming one is never opened (a TV's ``/video/<id>`` copies of its stories
# were walked as a section every night).
_AIRED = re.compile(
    r"(?<![^\W_])(?:на\s+живо|live|na-zhivo|предавани[яе]|predavaniya|програма(?:та)?"
    r"|programa|емисии|emisii|видео|videos?|аудио|audio)(?![^\W_])",
    re.IGNORECASE,
)


def _aired(label: str, url: str) -> bool:
    """Whether a menu entry leads to what a broadcaster airs (``_AIRED``, ``_PODCAST``)."""
    last = urlsplit(url).path.rstrip("/").rpartition("/")[2]
    return bool(
        _AIRED.search(label) or _AIRED.fullmatch(last) or _PODCAST.search(f"{label} {last}")
    )


def silent_entries(
    tree: LexborHTMLParser,
    page_url: str,
    profile: Profile,
    named: Collection[str],
    articles: Collection[str] = (),
) -> list[str]:
    """The entries beside the menu's news entry that name no news, in the menu's order:
    a school's "Еразъм+", a municipality's "Проекти", "Хроника", "Блог", whose page may
    be a blog of its own in a folder (``/erasmus/``, dated posts, its own feed) that the
    home page's news never lead into. The menu is the list holding the first link to a
    ``named`` section (``section_links``): its ``<ul>``'s items, or the links of the block
    holding it (``<div id="menu"><a>…</a> | <a>…</a></div>``). An entry naming news is
    a section already; one about the site itself (``site_pages``: "Контакти", "Документи",
    "Галерия") is none; ``articles``: keys (``url_key``) of the page's news cards.
    Exploring opens at most ``MAX_SILENT`` of them and keeps one only where its page is a
    publisher's own list (``Explorer.silent_sections``)."""
    read = link_reader(tree, page_url)
    here, home = normalize_url(page_url), normalize_url("/", page_url)
    wanted = set(named)
    # the home, here and the named sections by identity (``url_key``): an entry holding
    # one of them is the site's own root, by another spelling ("https://x.bg/" on the
    # page of "https://www.x.bg/", whose every feed lies "inside" it) or a language's
    roots = {url_key(url) for url in (here, home, *named) if url}
    news = next((a for a in tree.css("a") if read(a.attributes.get("href") or "") in wanted), None)
    if news is None or news.parent is None:
        return []
    item = news.parent
    if item.tag == "li" and item.parent is not None:
        anchors = [
            first
            for li in item.parent.iter()
            if li.tag == "li" and (first := li.css_first("a")) is not None
        ]
    else:
        anchors = [a for a in item.iter() if a.tag == "a"]
    found: list[str] = []
    for anchor in anchors:
        label = _text(anchor)
        if not label or len(label) > 40 or names_news(label) or _another_language(label):
            continue
        href = anchor.attributes.get("href")
        if read(href or "") == home:
            continue
        url = _section_url(href, read, here, profile, found)
        if url is None or url in wanted or url_key(url) in articles:
            continue
        key = url_key(url)
        if any(root == key or root.startswith(key.rstrip("/") + "/") for root in roots):
            continue  # (the home by another spelling, a language's /bg/: it holds the news)
        if not (is_site_page(label, url) or _aired(label, url) or names_no_news(label)):
            found.append(url)
    return found


def under_cards_first(entries: list[str], cards: Collection[str]) -> list[str]:
    """``entries`` (``menu_entries``) with those the home page's own cards live under
    first, in their order, then the rest: a card at ``/region/2026/11/most`` speaks for
    the entry ``/region/``, a topic of the news whatever its name, where an entry no card
    lives under may be any page of the site. Only an entry of a path of its own, no
    query, counts (``/index.php`` is under every ``?id=N``)."""
    paths = [_segments(urlsplit(card).path) for card in cards]

    def holds_cards(entry: str) -> bool:
        parts = urlsplit(entry)
        mine = _segments(parts.path)
        if parts.query or not mine:
            return False
        return any(len(path) > len(mine) and path[: len(mine)] == mine for path in paths)

    return sorted(entries, key=lambda entry: not holds_cards(entry))


def _segments(path: str) -> list[str]:
    return [part for part in path.split("/") if part]


def _section_url(
    href: str | None, read: LinkReader, here: str | None, profile: Profile, found: list[str]
) -> str | None:
    """A link's address as a section page to open: on the site, neither the page itself
    nor one ``found`` already, and no file, feed or article."""
    url = read(href or "")
    if url is None or url == here or not on_site(url, profile) or url in found:
        return None
    path = urlsplit(url).path
    if is_file_path(path) or _FEED_HINT.search(path) or looks_like_article_path(url):
        return None
    return url


# A box of the site's categories, each link followed by how many posts it holds:
# "Категории: Образование (12) | Култура (8)", WordPress's Categories widget with counts
# (``<li class="cat-item"><a>Култура</a> (8)</li>``). Its name: a heading or lead of the
# box, or its class.
_CATEGORY_BOX = re.compile(r"^\W*(?:категории|рубрики|теми|categories|topics)\b", re.IGNORECASE)
_CATEGORY_CLASS = re.compile(r"categor|kategor|rubri", re.IGNORECASE)
_POST_COUNT = re.compile(r"^\s*\(\d{1,5}\)")
_COUNTED_LABEL = re.compile(r"^(.*\S)\s*\(\d{1,5}\)$")
_BOX_LEVELS = 4  # (a link's <li>, the <ul>, the box, a wrapper)


def _counted(anchor: LexborNode) -> bool:
    """Whether a link is followed by a count of posts, "(12)", after it or at its end."""
    after = anchor.next
    if (
        after is not None
        and after.tag == "-text"
        and _POST_COUNT.match(after.text(deep=False) or "")
    ):
        return True
    return bool(_COUNTED_LABEL.match(_text(anchor)))


def _category_box(anchor: LexborNode) -> bool:
    """Whether a counted link stands in a box named for categories (its heading or lead
    text, "Категории", or its class, ``widget_categories``): a list of months with
    counts, "Ноември 2026 (5)", is an archive, and a shop's "Продукти (40)" no news."""
    node = anchor.parent
    for _ in range(_BOX_LEVELS):
        if node is None or node.tag in ("body", "html"):
            return False
        if _CATEGORY_CLASS.search(node.attributes.get("class") or "") or _CATEGORY_BOX.match(
            _text(node)
        ):
            return True
        node = node.parent
    return False


def category_links(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """The entries of a box of the site's categories whose links carry counts of posts
    ("Категории: Образование (12) | Култура (8)"), at least two, on the site. A site
    whose menu names no news section and whose home page shows none is read through them:
    its news are in these categories, each holding some, none all of them, as the
    submenu of a "Новини" that leads nowhere (``news_menu_children``)."""
    read = link_reader(tree, page_url)
    here = normalize_url(page_url)
    found: list[str] = []
    for anchor in tree.css("a[href]"):
        if not _counted(anchor) or not _category_box(anchor):
            continue
        url = _section_url(anchor.attributes.get("href"), read, here, profile, found)
        if url is not None:
            found.append(url)
    return found if len(found) > 1 else []


# A news page's link to the archive of all its news, the newest few shown above it and
# no pager: "Архив на новините", "Архив новини", "Всички новини", "Към архива »".
_NEWS_ARCHIVE = re.compile(
    r"^(?:(?:към )?архив(?:а|ът)?(?: (?:на )?(?:новините|новини|съобщенията))?"
    rf"|всички новини|(?:вижте|виж) (?:архива|всички новини))\s*[{pager_words.ARROWS_ON}]?$",
    re.IGNORECASE,
)


def news_archive_link(
    tree: LexborHTMLParser, page_url: str, profile: Profile, *, archive_only: bool = False
) -> str | None:
    """Where a news page's "Архив на новините" leads, on the site (not the page itself,
    nor the home page): the explorer reads it as the listing it stands for when the page
    shows the newest few and no pager, and the archive lists them too. ``archive_only``:
    a label naming the archive, not "Всички новини" (a walk's way to an index of months,
    ``next_pages``: all the news is often the list itself, or another)."""
    besides = (normalize_url(page_url), normalize_url("/", page_url))

    def says(anchor: LexborNode) -> bool:
        text = _text(anchor)
        return bool(_NEWS_ARCHIVE.match(text)) and (not archive_only or "архив" in text.lower())

    return first_link_saying(tree, page_url, profile, says, besides)


# A menu's entry for a paper's past issues: "Архив", "Броеве", "Стари броеве", "Архив на
# броевете", "Всички броеве" (``issue_archive_links``).
_ISSUE_ARCHIVE = re.compile(
    r"^(?:архив(?:ът)?(?: (?:на )?(?:броевете|вестника|изданието))?"
    r"|(?:стари(?:те)? |всички |минали(?:те)? )?броеве(?:те)?|archive|back issues)$",
    re.IGNORECASE,
)
MAX_ISSUE_ARCHIVES = 1  # such entries opened per exploration (a request a month)


def issue_archive_links(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """Where the page's links saying "Архив", "Броеве", "Стари броеве" lead, in any of
    its menus (or anywhere: the words are a whole label), on the site and not to the
    page itself nor the home page: a weekly's past issues, or its archive calendar,
    which the explorer takes for the listing where the page is an index of issues or of
    days (``index_pages``) and the home page lists too few news to be one or the site
    has neither feed nor sitemap (``Explorer.issue_index``)."""
    besides = {normalize_url(page_url), normalize_url("/", page_url)}
    read = link_reader(tree, page_url)
    found: list[str] = []
    for anchor in tree.css("a[href]"):
        if not _ISSUE_ARCHIVE.match(_text(anchor)):
            continue
        url = read(anchor.attributes.get("href") or "")
        if url is not None and url not in besides and on_site(url, profile) and url not in found:
            found.append(url)
    return found


# A list's tab or link to its newest-first order beside another it shows by default
# ("Най-четени", "Най-коментирани"): "Най-нови", "Най-новите", "Последни", "По дата".
_NEWEST_ORDER = re.compile(
    r"^(?:най[- ]?нови(?:те)?|последни(?:те)?|(?:подреди )?по дата|най-скорошни)"
    rf"(?: новини)?\s*[{pager_words.ARROWS_ON}]?$",
    re.IGNORECASE,
)


def newest_order_link(tree: LexborHTMLParser, page_url: str, profile: Profile) -> str | None:
    """Where a list's "Най-нови" tab leads: the same list (its path) in another order, by
    its query (``/novini?podredba=nai-novi`` beside ``/novini`` ordered by reads), not
    the page itself. The explorer walks it in place of a list whose dates do not run
    newest first: a new article, read by nobody yet, is on the last page of "Най-четени"
    and first on "Най-нови"."""
    here = normalize_url(page_url) or page_url
    path = split_normal(here)[1]
    read = link_reader(tree, page_url)

    def says(anchor: LexborNode) -> bool:
        if not _NEWEST_ORDER.match(_text(anchor)):
            return False
        url = read(anchor.attributes.get("href") or "")
        return url is not None and split_normal(url)[1] == path

    return first_link_saying(tree, page_url, profile, says, (here,))


def newest_period(tree: LexborHTMLParser, page_url: str, profile: Profile) -> str | None:
    """The newest period a page of an archive's tree links beneath itself: its latest
    year (``/novini/2026/`` under ``/novini/``) or, on a year's page, its latest month
    (``/novini/2026/11/`` under ``/novini/2026/``). A news section that is only such a
    tree ("Архив": years, each a list of months, each month its news, no pager) lists no
    news until two levels down; its newest month is the listing a walk starts from (each
    month links the one before). None when the page links no such folder of its own."""
    here = split_normal(normalize_url(page_url) or page_url)[1]
    folder = here if here.endswith("/") else here + "/"
    segments = [segment for segment in folder.split("/") if segment]
    in_year = bool(segments) and YEAR_FOLDER.fullmatch(segments[-1]) is not None
    kind = MONTH_FOLDER if in_year else YEAR_FOLDER
    read = link_reader(tree, page_url)
    best: tuple[int, str] | None = None
    for anchor in tree.css("a[href]"):
        url = read(anchor.attributes.get("href") or "")
        if url is None or not on_site(url, profile):
            continue
        _netloc, path, query = split_normal(url)
        rest = path.removeprefix(folder).rstrip("/") if path.startswith(folder) else ""
        if query or not kind.fullmatch(rest):
            continue
        if best is None or int(rest) > best[0]:
            best = (int(rest), url)
    return best[1] if best else None


def first_link_saying(
    tree: LexborHTMLParser, page_url: str, profile: Profile,
    says: Callable[[LexborNode], bool], besides: Collection[str | None],
) -> str | None:  # fmt: skip
    """Where the page's first link that ``says`` so leads, on the site and not to one of
    ``besides`` (the page itself): one reading for the single links the crawl follows by
    their words (the news archive's, the article before this one's)."""
    read = link_reader(tree, page_url)
    for anchor in tree.css("a[href]"):
        if not says(anchor):
            continue
        url = read(anchor.attributes.get("href") or "")
        if url is not None and url not in besides and on_site(url, profile):
            return url
    return None


def news_hosts(tree: LexborHTMLParser, page_url: str, profile: Profile) -> list[str]:
    """Hosts the site's news section lives on apart from the site (a municipality's
    "Новини" linking ``https://novini.x.bg/`` from ``https://www.x.bg``): a menu link
    whose text names the news proper (``NEWS_HOST_WORDS``: not "Събития", a calendar's
    host) to a host under the site's own domain (``urls.news_subdomain``). Both together:
    a link's text alone would adopt any organisation's news ("Новини от областта" on
    another domain), the domain alone every sibling (the council's ``obs.x.bg``,
    ``mail.``, ``cdn.``), which are other sites of the same owner, not this one's news."""
    found: list[str] = []
    read = link_reader(tree, page_url)
    calls = script_calls(tree)
    for anchor in tree.css("a"):
        raw = link_target(anchor, calls)
        url = read(raw) if raw else None
        if url is None:
            continue
        host, label = urlsplit(url).netloc, _text(anchor)
        if host in found or len(label) > 40 or not NEWS_HOST_WORDS.search(label):
            continue
        if news_subdomain(host, profile) and not is_file_path(urlsplit(url).path):
            found.append(host)
    return found[:MAX_NEWS_HOSTS]


def shape_pattern(shape: Shape) -> str:
    """A learned URL shape as a regex on ``urls.article_path`` (any host of the site):
    the constant path segments and query values, anything where items differ."""
    path = "/".join(
        "(?:19|20)\\d{2}" if s == YEAR else re.escape(s) if s is not None else "[^/]+"
        for s in shape.segments
    )
    query = "".join(
        f"(?=(?:.*&)?{re.escape(name)}={re.escape(value) if value is not None else '[^&]+'}(?:&|$))"
        for name, value in shape.params
    )
    return f"^/{path}/?$" if not query else f"^/{path}/?\\?{query}"


# A home page's <title> often names the page too: "Начало :: Община X", "Home | X".
_TITLE_PARTS = re.compile(r"\s+(?:\||::|-|–|—|»|·)\s+")
_HOME_WORDS = re.compile(
    r"^(?:начало|начална страница|главна(?: страница)?|home(?: ?page)?|welcome|"
    r"добре дошли)$",
    re.IGNORECASE,
)


def site_name(tree: LexborHTMLParser, page_url: str = "") -> str:
    """What a home page calls its site: ``og:site_name``, else its ``<title>`` without
    the part naming the page itself ("Начало", "Home"); a title of nothing else, what
    its link to itself says (``_logo_name``: ``page_url``'s host tells an absolute one),
    else ""."""
    node = tree.css_first('meta[property="og:site_name"][content]')
    if node is not None and (node.attributes.get("content") or "").strip():
        return " ".join((node.attributes.get("content") or "").split())
    title = tree.css_first("title")
    text = "" if title is None else one_line(title.text() or "", 80, ellipsis="")
    joints = list(_TITLE_PARTS.finditer(text))
    if joints and _HOME_WORDS.match(text[: joints[0].start()]):
        return text[joints[0].end() :]
    if joints and _HOME_WORDS.match(text[joints[-1].end() :]):
        return text[: joints[-1].start()]
    return _logo_name(tree, page_url) if not text or _HOME_WORDS.match(text) else text


# The home page's own addresses a logo links, less a leading "/" (``_logo_name``).
_HOME_PATHS = frozenset({"", "index.php", "index.html", "index.htm"})
_LOGO_LOOK = 40  # the links a page's header holds, at most, before its logo is given up


def _logo_name(tree: LexborHTMLParser, page_url: str) -> str:
    """What the first of a page's links to its home page says that is more than a home
    word: a header's logo, its text or its image's ``alt`` ("Община Кресна"). A Joomla
    front page's ``<title>`` is "Начало" alone, and add-site proposed it as the site's
    ``name``. "" when none says more (the caller falls back on the host)."""
    own = urlsplit(page_url).netloc.lower().removeprefix("www.")
    for anchor in tree.css("a[href]")[:_LOGO_LOOK]:
        parts = urlsplit(anchor.attributes.get("href") or "")
        host = parts.netloc.lower().removeprefix("www.")
        if parts.query or parts.path.strip("/") not in _HOME_PATHS:
            continue
        if parts.scheme not in ("", "http", "https") or (host and host != own):
            continue
        if not (parts.path or host):  # ("#", "?", "": no address of the home page)
            continue
        image = anchor.css_first("img[alt]")
        said = " ".join((anchor.text(deep=True) or "").split())
        said = said or (" ".join((image.attributes.get("alt") or "").split()) if image else "")
        if said and len(said) <= 80 and not _HOME_WORDS.match(said):
            return said
    return ""


_IN_A_NUMBER = re.compile(r"\d2|2\d")
# A value that is a digest of the address's other fields: TYPO3 signs every link's
# plugin arguments with ``&cHash=<md5>`` and refuses (or ignores) any other page number
# with page 2's hash, so no page but 2 can be made of page 2's address.
_DIGEST = re.compile(r"=[0-9A-Fa-f]{16,}(?=&|$)")


def pagination_template(listing: str, next_page: str | None) -> str:
    """``?page={page}`` or ``/page/{page}/`` when page 2's URL is the listing's plus a
    number; "" when the next page is found some other way (the walk follows it anyway).
    A listing with a query of its own (``novini.php?kat=1``) pages with one field more
    (``&str=2``): that is ``?str={page}``, as ``next_pages.page_url`` joins a ``?`` template
    to the query there is; ``&str={page}`` is no template the profile loader takes.
    The 2 must be a number of its own: Squarespace's older posts are at
    ``?offset=<the last shown post's time in milliseconds>``, a number that may hold one
    2 and counts no pages. Nor may anything else in it be made for page 2 alone
    (``_DIGEST``)."""
    if not next_page or not next_page.startswith(listing.rstrip("/")):
        return ""
    rest = next_page[len(listing.rstrip("/")) :]
    if rest.startswith("&") and "?" in listing:
        rest = "?" + rest[1:]
    if rest.count("2") != 1 or _IN_A_NUMBER.search(rest) or _DIGEST.search(rest):
        return ""
    return rest.replace("2", "{page}")


def is_listing(items: Items) -> bool:
    """Enough news items of one shape to walk the page as a listing: a notice board's
    dated rows linking documents count toward the size (``Items.files``), never alone."""
    return len(items.cards) + items.files >= MIN_ITEMS
