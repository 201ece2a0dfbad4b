"""URL shape: what an article address looks like, by a generic rule or as learned from a page.

The generic rule (``looks_like_article_path``) is the fallback for feeds and sitemaps of a
profile without an article pattern. A listing page can do better: the links in its
repeated cards share one shape (``/news/Post/<id>/<slug>``, ``/?controller=articles&id=<n>``,
``/default.aspx/<slug>/bg``), and ``learn_shape`` reads that shape from the page itself, so
no fixed slug rule has to guess what this site's article URLs look like.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import parse_qsl, unquote, urlsplit

from newsarchive.discover.not_news import no_news_path
from newsarchive.hosts import www_twins

# Unicode word characters, so Cyrillic slugs ("/news/Post/888/Честване-на-50-години") count.
_SLUG = re.compile(r"[^\W_]+(?:[-_][^\W_]+){2,}|\d{4,}")
_SLUG_LOOK = 200
# WordPress's "day and name" and "month and name" permalinks, and the like: a name after
# the year, the month and maybe the day (/2026/11/23/zimna-podgotovka/): an article
# however short its slug, where the date alone (/2026/11/23/) is the day's archive.
_DATED_NAME = re.compile(
    r"/(?:19|20)\d{2}/(?:0?[1-9]|1[0-2])/(?:(?:0?[1-9]|[12]\d|3[01])/)?"
    r"[^/]{0,200}?[^\W\d_][^/]{0,200}/?$"
)
# a numeric id, or Joomla's "id:alias" ("57:zimno-pochistvane")
_ID_VALUE = re.compile(r"^\d{2,}(?::[^\W_][\w-]*)?$")
# Joomla's menu item: which menu entry a link was made from, on listings and articles
# alike (Joomla 3's home page is Itemid=101), so it tells no article from a list
_MENU_ITEM = "itemid"
# A field of a query without a name: e107's ``news.php?extend.128`` (its pages
# ``news.php?3``), an old script's ``?item.5``; its dotted words named by their place. The
# first word is the script's action, or alone an offset (e107's ``?10``): never an id.
_BARE_FIELD = re.compile(r"^[\w.-]+$")
_PLACE = "\x00"
_NO_ID_NAMES = frozenset({_MENU_ITEM, f"{_PLACE}0"})
_FILE = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z|mp[34]|avi|"
    r"xml|gz|css|js|txt|rtf)$",
    re.IGNORECASE,
)
# the lists of articles a CMS files its articles under: a category's, a tag's, an author's
# (in English or transliterated: "kategoriya", and the plural "kategorii" a Bulgarian
# editor names the categories' parent page, ProcessWire's ``/kategorii/obshtina/``; so
# "kategoria" and its plural, as other transliterations spell them)
_TAXONOMIES = r"tag|tags|category|categories|kategoriya|kategorii|kategoria"
_LISTS = rf"{_TAXONOMIES}|author|avtor"
LIST_WORDS = frozenset(_LISTS.split("|"))
_LIST_SEGMENT = re.compile(rf"/(?:{_LISTS})(?:/|$)", re.IGNORECASE)
# What a post is filed under by its subject: a CMS's taxonomies, and the topics and
# sections a site names in its own folders ("/topics/hiring/", "/section/sport/").
_FILED_UNDER_SEGMENT = re.compile(rf"/(?:{_TAXONOMIES}|topics?|sections?)(?:/|$)", re.IGNORECASE)
_NOT_ARTICLE_SEGMENT = re.compile(
    rf"/(?:{_LISTS}|page|search|login|register|"
    r"rss|feed|wp-admin|wp-content|print|comments)(?:/|$)",
    re.IGNORECASE,
)


def is_file_path(path: str) -> bool:
    """A document, image or asset rather than a page (an attachment beside a headline)."""
    return bool(_FILE.search(path))


def is_list_path(path: str) -> bool:
    """A category's, tag's or author's page: a list of articles, never one."""
    return bool(_LIST_SEGMENT.search(path))


def is_filed_under_path(path: str) -> bool:
    """A category's, tag's, topic's or section's page: what a post is filed under, never
    a writer (an author's page is a list too, ``is_list_path``, but a person's)."""
    return bool(_FILED_UNDER_SEGMENT.search(path))


def is_not_article_path(path: str) -> bool:
    """Files and the paths that never hold one article: tags, categories, authors, search,
    and a portal's pages of no news filed under a folder or script of their own
    (``not_news.no_news_path``: ``/nekrolozi/<slug>/``, ``obituary.php``, ``/vremeto/…``)."""
    return is_file_path(path) or bool(_NOT_ARTICLE_SEGMENT.search(path)) or no_news_path(path)


def looks_like_article_path(url: str) -> bool:
    """Without a profile pattern: a slug or long id in one of the last two path segments
    (``/default.aspx/<slug>/bg`` ends in a language), or a numeric id in the query, even on
    the root path (``/?controller=articles&id=6001``); never a file, tag, category or
    author page, in the path or, for a query-named page, by a query value (Joomla's
    ``view=category``; a slug's ``?from=rss`` is a referrer's, no list's).
    Joomla's ``Itemid`` is no article's id: the category blog a menu's "Новини" opens,
    ``index.php?option=com_content&view=category&id=8&Itemid=105``, is a list."""
    parts = urlsplit(url)
    if is_not_article_path(parts.path):
        return False
    segments = [s for s in unquote(parts.path).split("/") if s]
    # a slug shows in its first words; a longer look is quadratic in a hostile segment
    if any(_SLUG.search(segment[:_SLUG_LOOK]) for segment in segments[-2:]):
        return True
    if _DATED_NAME.search(parts.path):
        return True
    # judged only where the query names the page: a slug's "?from=rss" is a referrer's
    query = query_fields(parts.query, blank=False)
    if any(_NOT_ARTICLE_SEGMENT.fullmatch(f"/{value}") for _, value in query):
        return False
    return any(_ID_VALUE.match(value) for name, value in query if name.lower() not in _NO_ID_NAMES)


@dataclass(frozen=True)
class UrlParts:
    """A URL split once into what shapes compare: host, path segments, query values."""

    netloc: str
    segments: tuple[str, ...]
    query: dict[str, str]

    @property
    def layout(self) -> tuple[str, int, tuple[str, ...]]:
        return (self.netloc, len(self.segments), tuple(sorted(self.query)))


def split_normal(url: str) -> tuple[str, str, str]:
    """A normalised URL (``urls.normalize_url``: "scheme://netloc/path?query", no fragment)
    split into netloc, raw path (with its leading "/") and query.

    Plain string splitting rather than ``urlsplit``: a listing can hold 30,000 links and
    this runs once per link.
    """
    head, _, query = url.partition("://")[2].partition("?")
    netloc, _, path = head.partition("/")
    return netloc, "/" + path, query


def split_url(url: str) -> UrlParts:
    """A normalised URL split for shape matching (``split_normal``), percent-escapes
    decoded so Cyrillic slugs compare as written."""
    netloc, path, query = split_normal(url)
    path = unquote(path).strip("/")
    return UrlParts(
        netloc=netloc,
        segments=tuple(path.split("/")) if path else (),
        query=dict(query_fields(query)) if query else {},
    )


def query_fields(query: str, *, blank: bool = True) -> list[tuple[str, str]]:
    """The query's (name, value) pairs as ``parse_qsl`` reads them, and each nameless
    field's dotted words as values of their places (``extend.128``: ``extend`` first,
    ``128`` second), which ``parse_qsl`` takes for a name with no value or drops: the
    article's number is in them, and a pager's ``?3`` differs from ``?extend.128`` by its
    count of words. ``blank``: keep a named field with an empty value."""
    fields = parse_qsl(query, keep_blank_values=blank)
    for field in query.split("&"):
        if field and "=" not in field and _BARE_FIELD.match(field):
            if blank:  # (parse_qsl read it as a name with an empty value)
                fields.remove((unquote(field), ""))
            fields += [(f"{_PLACE}{at}", word) for at, word in enumerate(field.split("."))]
    return fields


# A segment of a date in the path (WordPress's /2026/11/27/<slug>/) is no constant, even
# when every item of a page shares it: next month's articles, and the sitemap's older
# ones, have another. The shape keeps it as "a year" rather than as anything at all.
YEAR = "\x00year"
# A year's and a month's folder of an archive's tree ("/novini/2026/11/"), matched whole
# against a path segment (a year searched for in an address too): one rule for exploring
# (``explore.newest_period``) and the listings (``archive_pages.archive_month``).
YEAR_FOLDER = re.compile(r"(?:19|20)\d{2}")
MONTH_FOLDER = re.compile(r"0?[1-9]|1[0-2]")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")


@dataclass(frozen=True)
class Shape:
    """The shared shape of a set of URLs: what stays the same, and where items differ.

    ``segments`` and ``params`` hold the constant value, or None where the URLs vary
    (the id or slug that tells one item from the next).
    """

    netloc: str
    segments: tuple[str | None, ...]
    params: tuple[tuple[str, str | None], ...]

    @property
    def fixes_something(self) -> bool:
        """Whether any part is constant: ``/<anything>`` alone tells articles from nothing."""
        return any(s is not None for s in self.segments) or any(
            v is not None for _, v in self.params
        )

    def matches(self, url: UrlParts) -> bool:
        """Same host, same path layout, the same constants; extra query parameters (a
        ``lang=bg-BG`` added by a sidebar) do not matter."""
        return self.item_key(url) is not None

    def item_key(self, url: UrlParts) -> tuple[str, ...] | None:
        """The varying parts of ``url`` (which item it is), or None when it does not match.

        Two links to one item with their parameters in another order, or with an extra
        parameter, get the same key; so do its two hosts, with ``www.`` and without (one
        item, one archived article, ``url_key``): a site linking its news as
        ``https://www.x.bg/novini/a`` and ``/novini/b`` alike taught the ``www.`` one's
        shape, and page 2's relative links were none of it (composed seeds 4264, 4361:
        the lone item of page 2 never read). The shape is still learned of one host's
        links (``learn_shape``): a menu on one spelling is told from news on the other
        (tso.bg's real listing).
        """
        if len(url.segments) != len(self.segments) or (
            url.netloc != self.netloc and not www_twins(url.netloc, self.netloc)
        ):
            return None
        key: list[str] = []
        for have, want in zip(url.segments, self.segments, strict=True):
            if want is None or (want == YEAR and _YEAR.match(have)):
                key.append(have)
            elif have != want:
                return None
        for name, value in self.params:
            if name not in url.query:
                return None
            if value is None:
                key.append(f"{name}={url.query[name]}")
            elif url.query[name] != value:
                return None
        return tuple(key) if key else None


def learn_shape(urls: Iterable[UrlParts]) -> Shape | None:
    """The shape most of ``urls`` share, or None when fewer than two share one.

    The layout (host, number of path segments, query parameter names) that most URLs
    have wins; within it, a position is constant when every URL has the same value there.
    """
    parsed = [(url, url.layout) for url in urls]
    layouts = Counter(layout for _, layout in parsed)
    if not layouts:
        return None
    layout, count = layouts.most_common(1)[0]
    if count < 2:
        return None
    members = [url for url, its in parsed if its == layout]
    netloc, length, names = layout
    columns = list(zip(*(url.segments for url in members), strict=True)) if length else []
    # below the first varying segment the path belongs to the item (/Post/<id>/<slug>:
    # two items titled "Съобщение" share a slug, a third will not)
    segments: tuple[str | None, ...] = ()
    for col in columns:
        varies = None in segments or YEAR in segments or len(set(col)) > 1
        if not varies and _YEAR.match(col[0]):
            segments += (YEAR,)
            continue
        segments += (None if varies else col[0],)
    params = tuple(
        (name, values.pop() if len(values := {url.query[name] for url in members}) == 1 else None)
        for name in names
    )
    if None not in segments and all(value is not None for _, value in params):
        return None  # one URL repeated: nothing tells items apart (a year alone does not)
    return Shape(netloc=netloc, segments=segments, params=params)
