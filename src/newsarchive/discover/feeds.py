"""RSS 2.0/1.0, Atom and XML sitemaps (plain or gzip, including sitemap indexes), and
the JSON lists of posts ``json_feeds`` reads (WordPress's REST API, JSON Feed).

Every byte is untrusted, so a document is read as a stream and never held whole (expat
itself buffers one unfinished token, e.g. a huge comment, which the byte cap bounds):

* gzip is inflated chunk by chunk (``gzip_file``), and at most ``max_bytes`` of XML are read after
  inflation: the same ``models.MAX_BODY_BYTES`` that caps every response body, so a
  2 MB ``.gz`` that inflates to 200 MB costs what a 10 MB page costs;
* only the entry being read is kept as elements; everything else is dropped as it
  streams past, and at most ``max_entries`` distinct entries are kept (50,000, the
  sitemap protocol's limit per file, applied to feeds too);
* the parser is defusedxml's: an entity declaration (billion laughs, external entities)
  stops the parse whatever the encoding, and nothing is ever fetched for a DTD.

A cap hit or a refusal is said in ``Feed.cut``, one line the crawl can print.
Broken XML still yields the URLs a regex can see in ``<link>``/``<loc>`` (no declared
entity is expanded there either: only HTML's character references are decoded).
"""

from __future__ import annotations

import codecs
import datetime as dt
import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import chain
from typing import NamedTuple
from urllib.parse import urljoin, urlsplit

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from newsarchive.date_stamps import (
    Published,
    date_field,
    is_null_date,
    parse_feed_date,
    parse_iso,
    parse_us_stamp,
)
from newsarchive.dates import find_text_dates
from newsarchive.discover.explore import NEWS_PATH, shape_pattern
from newsarchive.discover.headlines import printed_title
from newsarchive.discover.json_feeds import json_entries, json_next_page
from newsarchive.discover.listings import dated_shapes
from newsarchive.discover.not_news import names_no_news
from newsarchive.discover.shape import LIST_WORDS, is_not_article_path, query_fields
from newsarchive.discover.site_map import is_html, site_map_urls
from newsarchive.discover.urls import (
    article_path,
    from_site_root,
    is_article_url,
    is_home_page,
    normalize_url,
    on_site,
)
from newsarchive.gzip_file import MAGIC as GZIP_MAGIC
from newsarchive.gzip_file import Gunzipped
from newsarchive.language_tags import ARCHIVE_LANGUAGE, primary_language
from newsarchive.markup import parse_html
from newsarchive.models import (
    MAX_BODY_BYTES,
    SOURCE_NEWS_SITEMAP,
    SOURCE_SITEMAP,
    Candidate,
    Page,
    Profile,
)
from newsarchive.utf8_strays import LEGACY_CHARSET, stray_bytes_only

MAX_ENTRIES = 50_000  # the sitemap protocol's limit per file (sitemaps.org); feeds too
MAX_BYTES = MAX_BODY_BYTES  # the fetcher's body cap by default, not a second setting
_CHUNK = 256 * 1024  # bigger chunks: expat rescans an unfinished token on every feed
_ENTRY_ELEMENTS = 256  # elements kept inside one entry: plenty for a real one
_ENTRY_DEPTH = 3  # <url><news:news><news:publication_date> is the deepest we read
# Elements outside the entries (a channel's title, link, image...) past which a document
# is read no further: each element costs the parse's callbacks a microsecond or more, and
# 10 MiB of <loc>s outside any <url> took 0.4 s to read (3.7 s on a loaded machine) for
# no entry. The most in the 146 feeds and sitemaps of the test sites: 39. (Inside one
# entry they are read on, though not kept: the entries after a huge one are read.)
_MAX_OUTSIDE = 10_000
_URL_SPAN = 8 * 1024  # the regex fallback's overlap between chunks: longer URLs are lost
_KEEP = 1024 * 1024  # what the parser read, kept for the regex fallback: a real feed is less
_XML_BASE = "{http://www.w3.org/XML/1998/namespace}base"


@dataclass(frozen=True)
class FeedEntry:
    """One URL found in a feed or sitemap; ``is_sitemap`` marks a child sitemap to read."""

    url: str
    published: Published | None = None
    is_sitemap: bool = False
    news: bool = False  # a Google News sitemap's <news:news> entry: the site says it is news
    # ``published`` is the entry's <news:publication_date>: when the story came out, as a
    # feed's pubDate says, not a <lastmod> (when the page last changed)
    first_published: bool = False
    # a feed item WordPress's guid names a post (``is_post_guid``): the site says it is one
    post: bool = False
    # a feed item's ``<title>`` (RSS, Atom, JSON Feed) as text
    # (``headlines.printed_title``): its headline, which tells an archived article
    # retitled since (``headlines.retitled``); no part of what the entry is (where and
    # when), so not compared
    title: str | None = field(default=None, compare=False)
    # the item's whole text as HTML, where the feed carries it (RSS ``<content:encoded>``,
    # Atom ``<content type="html">``, JSON Feed ``content_html``): what an article page
    # that is a script's shell never shows (``extraction.feed_text``); no part of what
    # the entry is, so not compared
    content: str | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Feed:
    """A document's entries; ``cut`` says why it was not read in full (None: it was)."""

    entries: list[FeedEntry]
    cut: str | None = None
    next: str | None = None  # the document's next page (``_Collector.next_page``)


class FeedLinks(NamedTuple):
    """What ``feed_links`` found; ``cut`` as in ``Feed`` (one warning line, or None)."""

    articles: list[Candidate]
    sitemaps: list[FeedEntry]  # child sitemaps, with their lastmod
    cut: str | None
    next: str | None = None  # the feed's next (older) page on the site, if it names one
    news: frozenset[str] = frozenset()  # articles a Google News sitemap names as news

    @property
    def empty(self) -> bool:
        """The document held nothing at all (``EMPTY``): no proof that it lists no news,
        as an empty list of entries would be."""
        return self.cut == EMPTY


def _local(tag: object) -> str:
    return _local_name(tag) if isinstance(tag, str) else ""


@lru_cache(maxsize=1024)  # a document uses a handful of tags, called for every element
def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _children(node: ET.Element, name: str) -> list[ET.Element]:
    return [child for child in node if _local(child.tag) == name]


def _child_text(node: ET.Element, *names: str) -> str:
    for name in names:
        for child in _children(node, name):
            text = (child.text or "").strip()
            if text:
                return text
    return ""


def _is_url(value: str) -> bool:
    return value.startswith(("http://", "https://", "/"))


# An RSS ``<link>`` a home-made CMS writes without a scheme: its configured address
# ("www.x.bg/news.php?id=5") or a path relative to the feed ("news.php?id=5"). One word of
# URL characters holding a dot, slash or query, with no scheme of another kind (mailto:).
_BARE_LINK = re.compile(r"(?![a-z][a-z0-9+.-]*:)[^\s<>\"']*[./?][^\s<>\"']*", re.IGNORECASE)
# A host: "www.x.bg", or without the "www." ("x.bg", "obshtina-x.bg") where its last label
# is no script's or file's extension ("news.php?id=5", "index.php/novini/7" are paths).
_SCHEMELESS_HOST = re.compile(
    r"(?:www\d?\.[^/\s]+\.|(?:[a-z0-9-]+\.)+"
    r"(?!(?:php\d?|s?html?|aspx?|jspx?|cgi|pl|py|do|action|cfm|xml|rss|txt|pdf)(?=[/?#]|$)))"
    r"[a-z]{2,24}(?=[/?#]|$)",
    re.IGNORECASE,
)


def _rss_link(value: str) -> str:
    """An RSS item's ``<link>`` as a URL ``feed_links`` can resolve: as written, or, for a
    host written without a scheme, ``//`` before it (the feed's own scheme then fills it
    in); empty when it is none of these."""
    if _is_url(value):
        return value
    if len(value) > 2000 or not _BARE_LINK.fullmatch(value):
        return ""
    return f"//{value}" if _SCHEMELESS_HOST.match(value) else value


class _Body:
    """The document's bytes in chunks: inflated if gzipped, never more than ``max_bytes``.

    Iterated once, by the parser; ``again()`` gives the regex fallback the same chunks
    from the start: those the parser read, kept while they total at most ``_KEEP``, then
    the rest of the same stream, so a broken feed is inflated and sliced once. A bigger
    document is read anew instead, as it is never held whole. ``truncated`` is set when
    there was more; ``cut_short`` when a gzip stream breaks off, ``corrupt`` why one is
    broken (what came before is read either way).
    """

    def __init__(self, content: bytes, max_bytes: int) -> None:
        self.content, self.max_bytes, self.truncated = content, max_bytes, False
        self.cut_short = False  # a gzip stream that ended before its end (``Gunzipped``)
        self.corrupt = ""  # why a gzip stream is broken, when it is
        self._stream = self._capped()
        self._kept: list[bytes] | None = []  # None: past _KEEP, no longer kept
        self._kept_bytes = 0

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            if self._kept is not None:
                self._kept_bytes += len(chunk)
                if self._kept_bytes <= _KEEP:
                    self._kept.append(chunk)
                else:
                    self._kept = None
            yield chunk

    def again(self) -> Iterator[bytes]:
        """The document from its start once more, where the parser gave up or not."""
        if self._kept is None:
            return self._capped()
        return chain(self._kept, self._stream)

    def _raw(self) -> Iterator[bytes]:
        if not self.content.startswith(GZIP_MAGIC):
            for start in range(0, len(self.content), _CHUNK):
                yield self.content[start : start + _CHUNK]
            return
        gunzipped = Gunzipped(self.content, _CHUNK)
        yield from gunzipped
        self.cut_short = self.cut_short or gunzipped.cut_short
        self.corrupt = self.corrupt or gunzipped.corrupt

    def _capped(self) -> Iterator[bytes]:
        left, started = self.max_bytes, False
        for raw in self._raw():
            chunk = raw
            if not started:  # expat wants "<?xml" first: drop a UTF-8 BOM and blank lines
                chunk = _before_declaration(chunk.removeprefix(codecs.BOM_UTF8).lstrip())
                started = bool(chunk)
            if len(chunk) > left:
                self.truncated = True
                chunk = chunk[:left]
            if chunk:
                left -= len(chunk)
                yield chunk
            if self.truncated:
                return


_CUT_SHORT = "its gzip stream ends before its end (the file is cut short): read what it holds"
_CORRUPT = "its gzip stream is corrupt ({}): read what came before the damage"


# How far into a document a server's own output before the XML declaration is looked for.
_PREAMBLE = 2048


def _before_declaration(first: bytes) -> bytes:
    """The first chunk from its ``<?xml`` declaration on, when something came before it:
    PHP prints its notices (``<br />\\n<b>Deprecated</b>: …``) ahead of what a sitemap or
    feed script writes, where ``display_errors`` is on. A declaration is allowed only at
    the very start, so what precedes it is never the document; expat stopped there and
    the fallback's regex read the addresses without their dates, and a sitemap index's
    children as no sitemaps. Only a short preamble with no markup of the document in it
    (a ``<![CDATA[`` quoting a declaration further on) is dropped."""
    if first.startswith(b"<?xml"):
        return first
    at = first.find(b"<?xml", 0, _PREAMBLE)
    if at <= 0 or b"<![CDATA[" in first[:at]:
        return first
    return first[at:]


def declared_late(content: bytes) -> bool:
    """Whether ``content`` is XML whose declaration follows a server's own output
    (``_before_declaration``): what a fetch asked for as a feed or sitemap is one, though
    PHP, having printed its notice, could no longer send the script's XML type."""
    first = content[: _PREAMBLE + 5].removeprefix(codecs.BOM_UTF8).lstrip()
    rest = _before_declaration(first)
    # (an HTML page, a soft 404, holding an inline SVG's declaration is no document)
    return rest != first and not _PAGE_START.search(first[: len(first) - len(rest)])


# A page's start before a late declaration: its document tags only, any doctype. Not
# ``documents._PAGE_TAG``, whose "<p" and "<div" a server's error output holds too (a
# framework boxes PHP's notice in ``<div><h4>…</h4><p>Severity: Notice</p>``): read as a
# page's, the sitemap behind it was lost (tests/test_page_sniffs.py).
_PAGE_START = re.compile(rb"<(?:!doctype|html|head|body)[\s>]", re.IGNORECASE)


class _Collector:
    """A parser target that builds elements only for the entry being read.

    Entries are ``<url>``/``<sitemap>`` in a sitemap, ``<item>``/``<entry>`` elsewhere.
    Inside an entry only the first few levels and elements are kept; outside, nothing.
    """

    def __init__(self, max_entries: int) -> None:
        self.kind = ""  # the root element's local name
        self.entries: dict[str, FeedEntry] = {}
        self.max_entries = max_entries
        self.more = False  # a distinct entry beyond max_entries was seen, or any past them
        # Entries the parse read, repeats included: a file lists at most ``max_entries``
        # (the protocol counts its <url>s, not their distinct addresses), and a sitemap
        # repeating one address for its 10 MB (400,000 times) took 1-1.5 s to read, each
        # entry built and dropped as a repeat. (The regex fallback reads anew what the
        # parse read before it broke: there only distinct entries count, ``keep``.)
        self.read = 0
        self._builder: ET.TreeBuilder | None = None
        self._open: list[bool] = []  # per open element inside the entry: kept?
        self._kept = 0
        self._outside = 0  # elements read outside the entries
        self.overgrown = ""  # why the document was read no further (``_MAX_OUTSIDE``)
        # xml:base of each open element around the entries (Atom's <feed>): one on a
        # closed element (an <author> in the feed's header) no longer applies
        self._bases: list[str] = []
        # A feed paged as RFC 5005 says (Atom's <link rel="next">, an RSS channel's
        # <atom:link rel="next">): where its older entries are, as written (resolved
        # against the xml:base around it)
        self.next_page = ""

    def _entry_names(self) -> tuple[str, ...]:
        return ("url", "sitemap") if self.kind in ("urlset", "sitemapindex") else ("item", "entry")

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self._builder is not None:  # (inside an entry: its name is not needed)
            self._inside(tag, attrib)
            return
        name = _local(tag)
        self.kind = self.kind or name
        if self._builder is None:
            if name not in self._entry_names():
                self._outside += 1
                if self._outside == _MAX_OUTSIDE + 1:  # (read on to the chunk's end)
                    self.overgrown = _OVERGROWN
                base = self.base
                if _XML_BASE in attrib:
                    base = _join(base, attrib[_XML_BASE]) or base
                self._bases.append(base)
                rels = (attrib.get("rel") or "").lower().split()
                if name == "link" and "next" in rels and not self.next_page:
                    self.next_page = _join(base, attrib.get("href") or "") or ""
                return
            self._builder, self._kept = ET.TreeBuilder(), 0
        self._inside(tag, attrib)

    def _inside(self, tag: str, attrib: dict[str, str]) -> None:
        """An element opened inside the entry being read: built while within its first
        few levels and elements, else only counted (its end then pops nothing built)."""
        assert self._builder is not None
        keep = len(self._open) < _ENTRY_DEPTH and self._kept < _ENTRY_ELEMENTS
        keep = keep and (not self._open or self._open[-1])
        self._open.append(keep)
        if keep:
            self._kept += 1
            self._builder.start(tag, attrib)

    def data(self, text: str) -> None:
        if self._builder is not None and self._open and self._open[-1]:
            self._builder.data(text)

    @property
    def base(self) -> str:
        return self._bases[-1] if self._bases else ""

    def end(self, tag: str) -> None:
        if self._builder is None:
            if self._bases:
                self._bases.pop()
            return
        if self._open.pop():
            self._builder.end(tag)
        if not self._open:
            node = self._builder.close()
            self._builder = None
            self._add(node)

    def close(self) -> None:
        return None

    def _add(self, node: ET.Element) -> None:
        self.read += 1
        if self.read > self.max_entries:
            self.more = True
            return
        name = _local(node.tag)
        if self.kind in ("urlset", "sitemapindex"):
            entry = _sitemap_entry(node, is_sitemap=name == "sitemap")
        else:
            entry = _rss_item(node) if name == "item" else _atom_entry(node, self.base)
        if entry is not None:
            self.keep(entry)

    def keep(self, entry: FeedEntry) -> None:
        """``entry`` among the entries, unless one of its URL is already or the cap is
        reached (``more`` then says so)."""
        if entry.url in self.entries:
            return
        if len(self.entries) >= self.max_entries:
            self.more = True
        else:
            self.entries[entry.url] = entry


_REFUSED = "declares XML entities or external references: refused, nothing read"
# A document of nothing but white space (0 bytes; a gzip inflating to none): a generator
# that failed, a file cut to nothing on upload. Read as a document of no entries, it was
# said nowhere, and a sitemap so read was dropped as one of no news.
EMPTY = "empty (nothing in it but white space): no entry read"


_OVERGROWN = (
    f"more than {_MAX_OUTSIDE:,} elements outside its entries: read the entries before them"
)


def _too_many(max_entries: int) -> str:
    return f"more than {max_entries:,} entries: read the first {max_entries:,}"


def read_feed(
    content: bytes, *, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES
) -> Feed:
    """Entries of an RSS/Atom feed or a sitemap, read as a stream within the two caps.

    Past ``max_entries`` the first ones are kept; past ``max_bytes`` (after inflating)
    what came before is kept; either way ``cut`` says so. A document that declares
    entities yields nothing; one that is not XML yields what the regex fallback sees.
    """
    as_json = json_entries(content, max_bytes=max_bytes, max_entries=max_entries)
    if as_json is not None:
        items, more = as_json
        entries: dict[str, FeedEntry] = {}
        for url, published, title, whole in items:
            headline = title and printed_title(title)
            entries.setdefault(url, FeedEntry(url, published, title=headline, content=whole))
        following = json_next_page(content, max_bytes=max_bytes)
        return Feed(list(entries.values()), _too_many(max_entries) if more else None, following)
    body = _Body(content, max_bytes)
    collector = _Collector(max_entries)
    try:
        _parse(body, collector)
    except DefusedXmlException:
        return Feed([], _REFUSED)
    except (ET.ParseError, ValueError, LookupError):  # broken, or in an encoding expat lacks
        first = next(iter(body.again()), b"")
        if not first and not (body.corrupt or body.cut_short or body.truncated):
            return Feed([], EMPTY)
        # (read anew: ``again`` is the fallback's, whose unread rest one reading uses up)
        if (charset := _read_again_as(first)) is not None:
            legacy, anew = _Collector(max_entries), _Body(content, max_bytes)
            try:
                _parse(_in_utf8(anew, charset), legacy)
                return _read(legacy, anew)
            except DefusedXmlException:
                return Feed([], _REFUSED)
            except (ET.ParseError, ValueError, LookupError):
                pass
        plain = first.startswith((b"http://", b"https://"))
        for entry in _links_by_line(body) if plain else _links_by_regex(body):
            collector.keep(entry)
            if collector.more:
                break
        return _read(collector, body, whole=False)
    return _read(collector, body)


def _read(collector: _Collector, body: _Body, *, whole: bool = True) -> Feed:
    """The feed a parse collected, and whether the caps cut it; ``whole``: the XML parsed
    to its end (a gzip stream missing only its trailer, or its last bytes, cut no entry)."""
    cut = None
    if collector.more:
        cut = _too_many(collector.max_entries)
    elif collector.overgrown:
        cut = collector.overgrown
    elif body.truncated:
        cap = body.max_bytes
        cut = f"larger than {cap:,} bytes (after gunzip): read the first {cap:,}"
    elif body.corrupt:  # (said even when the XML parsed whole: a checksum failed)
        cut = _CORRUPT.format(body.corrupt)
    elif body.cut_short and not whole:
        cut = _CUT_SHORT
    return Feed(list(collector.entries.values()), cut, collector.next_page or None)


def _parse(chunks: Iterable[bytes], collector: _Collector) -> None:
    """The document parsed into ``collector`` as a stream, up to its cap of entries."""
    parser = DefusedXMLParser(target=collector, forbid_entities=True, forbid_external=True)
    for chunk in chunks:
        parser.feed(chunk)
        if collector.more or collector.overgrown:
            return
    parser.close()


# Where a document's XML declaration names its encoding.
_DECLARED_ENCODING = re.compile(r"""^(\s*<\?xml\b[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")


def _read_again_as(chunk: bytes) -> str | None:
    """The charset to read a feed the parser broke on again in, by its first chunk: None
    when that is UTF-8 (a character cut at its end aside) or UTF-16, whatever broke it;
    windows-1251 when it is no UTF-8 (an old CMS's windows-1251 shows in its channel's
    title already); UTF-8 still, its broken letters replaced, when they are a few stray
    bytes (``stray_bytes_only``): a PHP ``substr()`` cutting an excerpt inside a Cyrillic
    letter breaks a UTF-8 feed, and read as windows-1251 its links' Cyrillic paths were
    mojibake, addresses of no page."""
    if chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(chunk)
    if "\ufffd" not in text:
        return None
    return "utf-8" if stray_bytes_only(text) else LEGACY_CHARSET


def _in_utf8(chunks: Iterable[bytes], charset: str) -> Iterator[bytes]:
    """A feed read as ``charset`` (``_read_again_as``), in UTF-8 with its declaration saying
    no other encoding: an old Bulgarian CMS writes its RSS in windows-1251 under a bare
    ``<?xml version="1.0"?>`` (or one saying UTF-8, copied from a template), its server
    naming the charset in its header or nowhere. Parsed as the UTF-8 XML defaults to, it
    breaks at its first Cyrillic letter, and only its links were read, without a date."""
    decoder = codecs.getincrementaldecoder(charset)("replace")
    first = True
    for chunk in chunks:
        text = decoder.decode(chunk)
        if first and text:
            text, first = _DECLARED_ENCODING.sub(r"\1", text, count=1), False
        yield text.encode("utf-8")
    yield decoder.decode(b"", final=True).encode("utf-8")


def parse_feed(
    content: bytes, *, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES
) -> list[FeedEntry]:
    """``read_feed``'s entries, for callers that need not know whether it was cut."""
    return read_feed(content, max_bytes=max_bytes, max_entries=max_entries).entries


def _sitemap_entry(node: ET.Element, *, is_sitemap: bool) -> FeedEntry | None:
    loc = _child_text(node, "loc")
    if not loc or (not is_sitemap and _translation(loc, _children(node, "link"))):
        return None
    # Google News sitemaps: <news:news><news:publication_date>, the story's own moment,
    # before a <lastmod> beside it (when the page last changed)
    news = _children(node, "news")
    said = next(
        (d for block in news if (d := date_field(_child_text(block, "publication_date")))), None
    )
    date = said or date_field(_child_text(node, "lastmod"))
    published = _entry_date(date, parse_iso) if date else None
    return FeedEntry(loc, published, is_sitemap, bool(news), bool(said) and published is not None)


def _translation(loc: str, links: list[ET.Element]) -> bool:
    """Whether a sitemap's ``<url>`` says it is another language's copy of a Bulgarian
    page: among its ``<xhtml:link rel="alternate" hreflang>`` (Google's way of naming a
    page's languages in the sitemap alone), the one at its own address names another
    language, and one at another address Bulgarian. A translation plugin may keep both
    under one shape (``/novini/christmas-bazaar/`` beside ``/novini/koleden-bazar/``),
    the English page naming its original nowhere else: read, it was archived as
    Bulgarian news (``extraction.translations`` tells a copy only by its own head)."""
    own, original = "", False
    for link in links:
        if "alternate" not in (link.get("rel") or "").lower().split():
            continue
        language = primary_language(link.get("hreflang"))
        if not language or language == "x":  # (x-default: the page for any other)
            continue
        if normalize_url(link.get("href") or "") == normalize_url(loc):
            own = own or language
        elif language == ARCHIVE_LANGUAGE:
            original = True
    return bool(own) and own != ARCHIVE_LANGUAGE and original


def _entry_date(value: str, standard: Callable[[str], Published | None]) -> Published | None:
    """An entry's date as its format's ``standard`` reads it (a sitemap's ``<lastmod>``:
    W3C datetime; an RSS ``pubDate``: RFC 822), else as a home-made CMS printing its own
    dates wrote it there ("28.11.2026 14:05", "28/11/2026"): day-first, as every date in
    Bulgarian. Unread, an entry has no date: ``--since`` cannot leave a sitemap's old
    entries unasked, and an article only a feed dates has none. A relative date
    ("вчера") is none: nothing says when it was written."""
    if (found := standard(value)) is not None:
        return found
    if (stamp := parse_us_stamp(value)) is not None:  # ("4/3/2026 2:35:00 PM": April)
        return stamp
    printed = next((d.value for d in find_text_dates(value) if not d.relative), None)
    return None if printed is None or is_null_date(printed) else printed  # (1970-01-01)


def _rss_item(node: ET.Element) -> FeedEntry | None:
    """An item's ``<link>``, else its permalink ``<guid>``, else RDF's ``rdf:about``. A
    ``<link>`` to the site's front page (a CMS writing the channel's link into every item)
    is no item's address: the guid is taken over it, and it only when nothing else is."""
    links = [
        found
        for child in _children(node, "link")
        if (found := _rss_link((child.text or "").strip()))
    ]
    link = next((found for found in links if not is_home_page(found)), "")
    if not link:
        for guid in _children(node, "guid"):
            value = (guid.text or "").strip()
            if _is_url(value) and guid.get("isPermaLink", "true").lower() != "false":
                link = value
                break
    if not link:  # RSS 1.0 (RDF) puts the URL in rdf:about
        about = next((v for k, v in node.attrib.items() if _local(k) == "about"), "")
        link = about if _is_url(about) else ""
    if not link and links:
        link = links[0]  # (the front page: no article, as any such entry is)
    if not link or _filed_as_no_news(node):
        return None
    date = date_field(_child_text(node, "pubdate", "date", "published", "updated"))
    published = _entry_date(date, parse_feed_date) if date else None
    content = next((c.text for c in _children(node, "encoded") if (c.text or "").strip()), None)
    post = any(is_post_guid((guid.text or "").strip()) for guid in _children(node, "guid"))
    return FeedEntry(link, published, title=_entry_title(node), content=content, post=post)


# WordPress's guid of a post: ``https://x.bg/?p=5400`` (or ``/blog/?p=5400`` where it
# stands in a folder), written once when the post is made. A page's guid is
# ``?page_id=N``, another post type's ``?post_type=<type>&p=N``: neither is this.
_POST_GUID = re.compile(r"^https?://[^/?#\s]+(?:/[^?#\s]*)?/\?p=\d+$", re.IGNORECASE)


def is_post_guid(value: str) -> bool:
    """Whether a feed item's ``<guid>`` (Atom's ``<id>``) is WordPress's guid of a post
    (``_POST_GUID``): the site's word that the item is a post of its "post" type, its
    news, as its sitemap of posts says of each entry (``posts_sitemap``), whatever the
    post's address looks like. A sports portal's ``/%category%/%postname%/`` files a
    volleyball story at ``/voleybol/voleybolistkite-turnir/``: a slug of two words (no
    article to the generic guess) in a category of one post (no listing to teach its
    shape), it was dropped from the feed unread (round 115's sportdunavets: 8 of 9). The
    feed's live texts and results stay out by their ``<category>`` (``_filed_as_no_news``)."""
    return bool(_POST_GUID.match(value))


def _filed_as_no_news(node: ET.Element) -> bool:
    """An item or entry whose every category (RSS's ``<category>``, Atom's ``term`` or
    ``label``) names a kind of page that is no news (``not_news.names_no_news``): a
    WordPress feed carries every post, the family's obituary ("Некролози") and the
    classified ad ("Малки обяви") beside the news, Drupal's front page feed the day's
    weather ("Времето") and horoscope, each filed under its own category, and each was
    archived as an article (round 113). An item of no category, or filed under a news
    category too, stays."""
    names = [
        said
        for child in _children(node, "category")
        if (said := (child.text or child.get("label") or child.get("term") or "").strip())
    ]
    return bool(names) and all(names_no_news(name) for name in names)


def _entry_title(node: ET.Element) -> str | None:
    """An item's or entry's ``<title>`` as text (``headlines.printed_title``); Atom's
    ``type="xhtml"`` title, a ``<div>`` of markup, by its text throughout."""
    for child in _children(node, "title"):
        return printed_title("".join(child.itertext()))
    return None


def _atom_entry(node: ET.Element, base: str = "") -> FeedEntry | None:
    """An Atom entry's alternate link. Atom allows it relative (RFC 4287 section 4.2.7.1),
    resolved against ``xml:base`` on the feed, the entry or the link itself; what is still
    relative then is resolved against the feed's own URL by ``feed_links``."""
    links = [child for child in _children(node, "link") if child.get("href")]
    preferred = [c for c in links if c.get("rel", "alternate") == "alternate"]
    candidates = preferred or links
    if not candidates or _filed_as_no_news(node):
        return None
    chosen = candidates[0]
    for holder in (node, chosen):
        if _XML_BASE in holder.attrib:
            base = _join(base, holder.attrib[_XML_BASE]) or base
    href = chosen.get("href", "").strip()
    date = date_field(_child_text(node, "published", "updated"))
    url = (_join(base, href) or href) if base else href
    content = next(
        (
            c.text
            for c in _children(node, "content")
            if c.get("type", "").lower() in ("html", "text/html") and (c.text or "").strip()
        ),
        None,
    )
    published = parse_iso(date) if date else None
    post = is_post_guid(_child_text(node, "id"))
    return FeedEntry(url, published, title=_entry_title(node), content=content, post=post)


def _join(base: str, ref: str) -> str | None:
    """``ref`` resolved against ``base``, or None when either is malformed ("http://[x"):
    raising would end the parse and lose every entry after it. The caller keeps the outer
    base (a malformed ``xml:base``) or the raw link, which ``normalize_url`` drops."""
    try:
        return urljoin(base, ref.strip())
    except ValueError:
        return None


_LINK_RE = re.compile(
    r"<(?:link|loc)>\s*(?:<!\[CDATA\[)?\s*(https?://[^<\s\]]+)\s*(?:\]\]>)?\s*</(?:link|loc)>"
)


def _links_by_regex(body: _Body) -> Iterator[FeedEntry]:
    """Broken XML still often has usable <link> or <loc> elements; read chunk by chunk,
    decoded as UTF-16 when the first chunk starts with its BOM, else as UTF-8."""
    decoder: codecs.IncrementalDecoder | None = None
    carry = ""
    for chunk in body.again():
        if decoder is None:
            utf16 = chunk.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
            decoder = codecs.getincrementaldecoder("utf-16" if utf16 else "utf-8")("replace")
        text = carry + decoder.decode(chunk)
        last = 0
        for match in _LINK_RE.finditer(text):
            last = match.end()
            yield FeedEntry(html.unescape(match.group(1)))
        carry = text[max(last, len(text) - _URL_SPAN) :]


_TEXT_LINE = re.compile(rf"https?://[^\s<>\"']{{1,{_URL_SPAN}}}")


def _links_by_line(body: _Body) -> Iterator[FeedEntry]:
    """A text sitemap: the sitemaps protocol's plain form, UTF-8 with one absolute URL a
    line and nothing else, which robots.txt's ``Sitemap:`` may name (``sitemap.txt``, or
    gzipped) and Google reads. ``read_feed`` reads a document so only when it begins with
    such a URL, so an HTML error page or a broken feed is never taken for one; a line that
    is no URL (blank, a stray comment, longer than ``_URL_SPAN``) is skipped."""
    decoder = codecs.getincrementaldecoder("utf-8")("replace")
    carry = ""
    for chunk in body.again():
        lines = (carry + decoder.decode(chunk)).split("\n")
        carry = lines.pop()
        if len(carry) > _URL_SPAN:
            carry = "<"  # no URL: the rest of this overlong line is skipped with it
        for line in lines:
            if _TEXT_LINE.fullmatch(url := line.strip()):
                yield FeedEntry(url)
    if _TEXT_LINE.fullmatch(url := (carry + decoder.decode(b"", final=True)).strip()):
        yield FeedEntry(url)


def feed_links(
    content: bytes,
    profile: Profile,
    source: str,
    *,
    max_bytes: int = MAX_BYTES,
    base: str | None = None,
    shapes: Sequence[re.Pattern[str]] = (),
) -> FeedLinks:
    """A feed's or sitemap's article URLs, the child sitemaps on the site to read next,
    and ``cut``: why the document was not read in full (print it as a warning), or None.

    The entry's date (``pubDate``, ``lastmod``, ``news:publication_date``) travels as the
    candidate's listed date, so ``--since`` skips old entries without fetching them; a
    child sitemap keeps its ``lastmod`` so an unchanged one is not fetched again. A link
    still relative after ``xml:base`` resolves against ``base``, the feed's own URL
    (``source`` when that is one), as a feed reader would. ``shapes``: the article URL
    shapes the site's own listings taught (``explore.shape_pattern``); see ``_of_shape``.
    """
    feed = read_feed(content, max_bytes=max_bytes)
    feed_url = base or (source if source.startswith(("http://", "https://")) else None)
    if source == SOURCE_SITEMAP and not feed.entries and feed_url and is_html(content):
        # an HTML site map (``discover.site_map``): its links are its entries, those of
        # the profile's article pattern or of the shapes the site's listings taught (no
        # generic guess: every static page of the site is linked there too); with
        # neither, the shapes of the links it dates (a site whose only index it is)
        tree = parse_html(content[:max_bytes])
        if not (profile.article_pattern or shapes):
            shapes = [
                re.compile(shape_pattern(shape)) for shape in dated_shapes(tree, feed_url, profile)
            ]
        urls = [
            url for url in site_map_urls(tree, feed_url) if _site_map_article(url, profile, shapes)
        ]
        feed = Feed([FeedEntry(url) for url in urls[:MAX_ENTRIES]], feed.cut)
    articles: list[Candidate] = []
    children: list[FeedEntry] = []
    news: set[str] = set()
    posts = source == SOURCE_SITEMAP and feed_url is not None and posts_sitemap(feed_url)
    for entry in feed.entries:
        # a relative link: against the feed's URL, as the site means it (``from_site_root``:
        # ``novini/5`` in ``/novini/rss.xml`` from the root, as the pages' links are)
        url = normalize_url(from_site_root(entry.url, feed_url or ""), feed_url)
        if url is None:
            continue
        if entry.is_sitemap:
            if on_site(url, profile):
                children.append(FeedEntry(url, entry.published, True))
        elif (
            is_article_url(url, profile)
            or _of_shape(url, profile, shapes)
            or ((entry.news or entry.post or posts) and _said_news(url, profile))
            or (
                bool(entry.title)
                and source != SOURCE_SITEMAP
                and (_in_its_folder(url, feed_url, profile) or _item_by_id(url, profile))
            )
        ):
            # (a Google News entry's publication date is the story's, as a feed's is)
            said = SOURCE_NEWS_SITEMAP if entry.first_published else source
            articles.append(
                Candidate(
                    url, profile.id, said, _listed(entry.published), entry.title, entry.content
                )
            )
            if entry.news or posts:
                news.add(url)
    if source == SOURCE_SITEMAP and _one_stamp(feed.entries):
        articles = [replace(candidate, listed_date=None) for candidate in articles]
    # (its next page as its entries are read: ``from_site_root``)
    following = (
        normalize_url(from_site_root(feed.next, feed_url or ""), feed_url) if feed.next else None
    )
    if following is not None and not on_site(following, profile):
        following = None
    return FeedLinks(articles, children, feed.cut, following, frozenset(news))


def _listed(published: Published | None) -> Published | None:
    """An entry's date as the frontier keeps it: the moment with its offset, which dates
    a page printing that day alone (``published.with_listed``), or the day alone where
    the time is midnight exactly: a feed writing ``00:00:00`` knows the day, not when in
    it."""
    if isinstance(published, dt.datetime) and published.time() == dt.time():
        return published.date()
    return published


# How many pages of one sitemap, all with one ``<lastmod>``, show that it says when the
# file was written, not when each page changed (``_one_stamp``).
ONE_STAMP_PAGES = 3


def _one_stamp(entries: list[FeedEntry]) -> bool:
    """Whether a sitemap gives every page of it (at least ``ONE_STAMP_PAGES``) the same
    ``<lastmod>``, to the second (or the day, where only a day is written): a plugin
    writing the day it was set up, or the hour it wrote the file, into every entry. Such
    a date says nothing of any page, so it must not skip pages as older than ``--since``;
    without it, each page's own date decides. A sitemap of one day's posts dated by the
    day alone is taken so too: its pages cost a fetch each, once (an archived page is not
    asked again), and none is missed, where a wrong stamp skipped news unread. A feed's
    dates are its posts' and stay: items of one day may share a midnight."""
    stamps = [entry.published for entry in entries if not entry.is_sitemap]
    return len(stamps) >= ONE_STAMP_PAGES and stamps[0] is not None and len(set(stamps)) == 1


# The file names WordPress and its sitemap plugins give the sitemap of posts (of the
# "post" type: not pages, categories or tags): Yoast's, Rank Math's and All in One SEO's
# ``post-sitemap2.xml``, core's ``wp-sitemap-posts-post-1.xml``, Google XML Sitemaps'
# ``sitemap-pt-post-2026-11.xml``.
_POSTS_SITEMAP = re.compile(
    r"/(?:post-sitemap\d*|wp-sitemap-posts-post-\d+|sitemap-pt-post(?:-[\d-]+)?)\.xml$",
    re.IGNORECASE,
)


def posts_sitemap(url: str) -> bool:
    """Whether ``url`` is WordPress's sitemap of posts, by the name its plugin gives it:
    the site's word that every entry is a post, as a Google News sitemap's is that every
    entry is news (``_said_news``), whatever its address looks like. A post at
    ``/koleden-bazar/`` (a slug of two words, at the root beside the static pages) is no
    article to the generic guess, nor to a shape the home page's three posts teach."""
    return bool(_POSTS_SITEMAP.search(urlsplit(url).path))


# The names WordPress and its sitemap plugins give an index's other children: core's map
# of a post type (``wp-sitemap-posts-<type>-1.xml``), of a taxonomy's terms
# (``wp-sitemap-taxonomies-category-1.xml``) and of its users (``wp-sitemap-users-1.xml``);
# Yoast's, Rank Math's and All in One SEO's ``<type>-sitemap2.xml``; Google XML Sitemaps'
# ``sitemap-pt-<type>-2026-11.xml`` and ``sitemap-tax-<taxonomy>.xml``. ``type``: the post
# type's (or taxonomy's) name where the name is one.
_WORDPRESS_CHILD = re.compile(
    r"/(?:wp-sitemap-(?:posts-(?P<core>[\w-]+?)-\d+|taxonomies-[\w-]+?-\d+|users-\d+)"
    r"|(?P<plugin>[\w-]+?)-sitemap\d*|sitemap-pt-(?P<gxs>[a-z_]+?)(?:-[\d-]+)?"
    r"|sitemap-tax-[\w-]+?)\.xml$",
    re.IGNORECASE,
)
# A post type named by one news item, as a type is named (WordPress's own "post", not
# "posts"): ``novina`` (ед. ч. of "новини"), ``news-item``/``news_item``/``newsitem``,
# beside ``explore.NEWS_PATH``'s plural words of a section (``novini``, ``news``)
_NEWS_TYPE = re.compile(r"(?:^|[_-])(?:novin[ai]|news[_-]?items?)(?:$|[_-])", re.IGNORECASE)


def posts_children(children: list[FeedEntry]) -> list[FeedEntry]:
    """An index's children less WordPress's maps that hold no posts, where it lists the
    map of posts (``posts_sitemap``): the posts go there, so a map of pages, of a
    taxonomy's terms, of users, or of another post type (a tourist centre's sights,
    ``wp-sitemap-posts-zabelezhitelnost-1.xml``, its routes, a theme's portfolio) holds
    none, and is not read. Read, its pages of history were archived as articles wherever
    a shape or the generic guess fitted their addresses (round 114's ticbelovir: 5 sights,
    or a route and a static page), and each such map cost a request. A post type whose
    name names news (``explore.NEWS_PATH``: ``novini``, ``news``, ``aktualno``; or one
    news item, as a type is named: ``novina``, ``news-item``, ``_NEWS_TYPE``) is a site's
    second stream of news, and read; an index without the map of posts (the news
    a custom post type, the posts' map a plugin's other name) is read whole. Applied by
    the readers of an index (the crawl, add-site), not ``feed_links``: the index still
    names such a child, so robots.txt's line for it is that child, not a sitemap of its
    own read every night (round 94's kartovo's ``video-sitemap.xml``: a rerun of 4)."""
    if not any(posts_sitemap(child.url) for child in children):
        return children
    return [child for child in children if not _holds_no_posts(child.url)]


def _holds_no_posts(url: str) -> bool:
    """Whether ``url`` is named as WordPress names a child of its index that is not the
    map of posts nor of a post type named as news (``posts_children``): a taxonomy's or
    an author's map (``category-sitemap.xml``) never is."""
    path = urlsplit(url).path
    named = _WORDPRESS_CHILD.search(path)
    if named is None or posts_sitemap(url):
        return False
    kind = (named.group("core") or named.group("plugin") or named.group("gxs") or "").lower()
    # (``NEWS_PATH`` knows ``/category/novini/`` for a section: a map of categories is none)
    return kind in LIST_WORDS or not (NEWS_PATH.search(f"/{kind}/") or _NEWS_TYPE.search(kind))


def _said_news(url: str, profile: Profile) -> bool:
    """A Google News sitemap's entry (``<news:news>``) is an article whatever its
    address looks like: that sitemap lists news articles only (Google refuses others),
    so ``/a/318``, a short id the generic guess takes for a section, is news by the
    site's own word; so is a feed item WordPress's guid names a post (``is_post_guid``)
    and an entry of its sitemap of posts (``posts_sitemap``). A profile's own article
    pattern is still the rule where there is one; files, tags and categories are never
    articles."""
    if profile.article_pattern or not on_site(url, profile):
        return False
    return not is_not_article_path(urlsplit(url).path)


def _of_shape(url: str, profile: Profile, shapes: Sequence[re.Pattern[str]]) -> bool:
    """An address of a shape the site's listings taught is an article, where the generic
    guess (``shape.looks_like_article_path``: a slug of three words or a long id) would
    not say so: ``/novini/novi-lampi.html`` and ``/statia/540`` are what the home page's
    cards link, so the sitemap's and the feed's same-shaped entries are news too. A
    profile's own article pattern is the rule where there is one; files, tags and
    categories are never articles."""
    if not shapes or profile.article_pattern or not on_site(url, profile):
        return False
    if is_not_article_path(urlsplit(url).path):
        return False
    return fits_shapes(url, shapes)


# A post's own name: words of letters joined by hyphens ("ekskurziya-muzei"), maybe ".html"
_POST_NAME = re.compile(r"[^\W\d_]+(?:-[^\W_]+)+(?:\.html?)?/?", re.IGNORECASE)


def _in_its_folder(url: str, feed_url: str | None, profile: Profile) -> bool:
    """A titled item of a feed kept in a section's folder, named one segment under that
    folder: ``/members/x/blog/feed/`` (or ``/novini/rss.xml``) listing
    ``/members/x/blog/ekskurziya-muzei/`` is the section's own post, however short its
    name; the generic guess wants three words, and a blog of two posts teaches no shape
    (before, a small sub-site's feed gave nothing). Never at the host's root: ``/feed/``'s
    folder is the whole site, its pages too; never without a query-free name of words.
    Never outside the site's bounds (``on_site``): a host's feed a sub-site announces
    (``explore.declared_feeds``) lists the host's other folders' posts too."""
    if feed_url is None or not on_site(url, profile):
        return False
    feed, entry = urlsplit(feed_url), urlsplit(url)
    folder = feed.path.rstrip("/").rpartition("/")[0]
    if not folder or entry.query or entry.netloc != feed.netloc:
        return False
    if not entry.path.startswith(folder + "/") or is_not_article_path(entry.path):
        return False
    return bool(_POST_NAME.fullmatch(entry.path[len(folder) + 1 :]))


# A post's own id ending its address under a folder: ``/novini/540``, ``/statia/540/``,
# ``/novini/540.html``, or with its name after it, ``/statii/12-novina``
_ID_NAME = re.compile(r"\d+(?:-[^/]*)?(?:\.html?|\.php|\.aspx?)?/?", re.IGNORECASE)
# the query's fields naming a post by its id (``news.php?id=5``); never Joomla's
# ``Itemid`` (the menu entry a link was made from), WordPress's ``page_id`` (a page)
_ID_FIELDS = frozenset(
    {"id", "nid", "newsid", "news_id", "articleid", "article_id", "postid", "post_id"}
)


def _item_by_id(url: str, profile: Profile) -> bool:
    """A titled item of a feed filed under a folder by its own id, ``/novini/540``,
    ``/statii/12-novina``, or named by an id field, ``news.php?id=5``: the feed's post,
    wherever the feed is kept (the whole site's ``/rss.xml`` too) and however short the
    id. A feed lists the site's posts, so an item so named is one, where the generic
    guess wants three words or four digits and a small municipality's news reach 540; a
    site whose listings exploring did not find (or that has none) teaches no shape.
    Never a page's name of words (``/za-obshtinata/istoriya``: a root feed, Hugo's
    ``index.xml``, lists the static pages too, and a WordPress page or event guid names
    a short slug in a folder), an id at the root with no folder filing it (``/540``),
    a file, tag, category, page of a list, feed or page of no news
    (``is_not_article_path``), nor off the site; a profile's own article pattern is the
    rule where there is one. A sitemap's entry is never so read: it lists every page."""
    if profile.article_pattern or not on_site(url, profile):
        return False
    entry = urlsplit(url)
    if is_not_article_path(entry.path):
        return False
    if entry.query:
        # (Joomla's ``view=category&id=8`` is a list: a value naming one, as in a path)
        fields = query_fields(entry.query, blank=False)
        if any(is_not_article_path(f"/{value}") for _, value in fields):
            return False
        return any(name.lower() in _ID_FIELDS and value.isdigit() for name, value in fields)
    folder, _, last = entry.path.rstrip("/").rpartition("/")
    return bool(folder.strip("/")) and bool(_ID_NAME.fullmatch(last))


def _site_map_article(url: str, profile: Profile, shapes: Sequence[re.Pattern[str]]) -> bool:
    if profile.article_pattern:
        return is_article_url(url, profile)
    return _of_shape(url, profile, shapes)


def fits_shapes(url: str, shapes: Sequence[re.Pattern[str]]) -> bool:
    """``url``'s path (``article_path``) has one of the article URL shapes a site's
    listings taught: what lets a feed's entry in (``_of_shape``) and keeps a sitemap's
    static pages out (the crawl's reading of a sitemap)."""
    path = article_path(url)
    return any(shape.search(path) for shape in shapes)


def page_links(
    page: Page,
    profile: Profile,
    source: str,
    *,
    max_bytes: int,
    shapes: Sequence[re.Pattern[str]] = (),
) -> FeedLinks:
    """``feed_links`` of a fetched feed or sitemap, its relative links read against where
    it was found: the final URL after redirects, as a feed reader (and the browser a
    sitemap's author checked it in) reads them. Against the URL asked for, a moved
    sitemap's relative children and a moved feed's relative entries would be other,
    missing pages. The crawl, check-site and add-site all read fetched documents through
    this, so they find the same links."""
    return feed_links(
        page.content, profile, source, max_bytes=max_bytes, base=page.final_url, shapes=shapes
    )
