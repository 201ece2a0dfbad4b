"""RSS 2.0/1.0, Atom and XML sitemaps (plain or gzip, including sitemap indexes).

Untrusted input: gzip is decompressed with a size cap, documents declaring entities are
refused, and broken XML still yields the URLs a regex can see in ``<link>``/``<loc>``.
"""

from __future__ import annotations

import codecs
import gzip
import html
import io
import re
import xml.etree.ElementTree as ET
import zlib
from dataclasses import dataclass

from newsarchive.discover.urls import is_article_url, normalize_url, on_site
from newsarchive.extraction.dates import Published, local_date, parse_feed_date, parse_iso
from newsarchive.models import Candidate, Profile

_MAX_XML_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class FeedEntry:
    """One URL found in a feed or sitemap; ``is_sitemap`` marks a child sitemap to read."""

    url: str
    published: Published | None = None
    is_sitemap: bool = False


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


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


def _gunzip(content: bytes) -> bytes | None:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(content)) as handle:
            return handle.read(_MAX_XML_BYTES)
    except (OSError, EOFError, zlib.error):
        return None


def parse_feed(content: bytes) -> list[FeedEntry]:
    """Entries of an RSS/Atom feed or a sitemap; an unparseable document yields ``[]``."""
    if content[:2] == b"\x1f\x8b":
        unzipped = _gunzip(content)
        if unzipped is None:
            return []
        content = unzipped
    content = content[:_MAX_XML_BYTES]
    if content.startswith(codecs.BOM_UTF8):
        content = content[len(codecs.BOM_UTF8) :]
    content = content.lstrip()
    if b"<!ENTITY" in content:
        return []  # no entity expansion from untrusted XML
    try:
        root = ET.fromstring(content)
    except ET.ParseError:
        return _links_by_regex(content)
    kind = _local(root.tag)
    entries: list[FeedEntry] = []
    for node in root.iter():
        name = _local(node.tag)
        if kind in ("urlset", "sitemapindex"):
            if name in ("url", "sitemap"):
                entry = _sitemap_entry(node, is_sitemap=name == "sitemap")
                if entry:
                    entries.append(entry)
        elif name == "item":
            entry = _rss_item(node)
            if entry:
                entries.append(entry)
        elif name == "entry":
            entry = _atom_entry(node)
            if entry:
                entries.append(entry)
    unique: dict[str, FeedEntry] = {}
    for entry in entries:
        unique.setdefault(entry.url, entry)
    return list(unique.values())


def _sitemap_entry(node: ET.Element, *, is_sitemap: bool) -> FeedEntry | None:
    loc = _child_text(node, "loc")
    if not loc:
        return None
    date = _child_text(node, "lastmod")
    if not date:  # Google News sitemaps: <news:news><news:publication_date>
        for news in _children(node, "news"):
            date = _child_text(news, "publication_date")
    return FeedEntry(loc, parse_iso(date) if date else None, is_sitemap)


def _rss_item(node: ET.Element) -> FeedEntry | None:
    link = next(
        (
            (child.text or "").strip()
            for child in _children(node, "link")
            if _is_url((child.text or "").strip())
        ),
        "",
    )
    if not link:
        for guid in _children(node, "guid"):
            value = (guid.text or "").strip()
            if _is_url(value) and guid.get("isPermaLink", "true").lower() != "false":
                link = value
                break
    if not link:  # RSS 1.0 (RDF) puts the URL in rdf:about
        about = next((v for k, v in node.attrib.items() if _local(k) == "about"), "")
        link = about if _is_url(about) else ""
    if not link:
        return None
    date = _child_text(node, "pubdate", "date", "published", "updated")
    return FeedEntry(link, parse_feed_date(date) if date else None)


def _atom_entry(node: ET.Element) -> FeedEntry | None:
    links = [child for child in _children(node, "link") if child.get("href")]
    preferred = [c for c in links if c.get("rel", "alternate") == "alternate"]
    candidates = preferred or links
    if not candidates:
        return None
    chosen = candidates[0]
    date = _child_text(node, "published", "updated")
    return FeedEntry(chosen.get("href", ""), parse_iso(date) if date else None)


_LINK_RE = re.compile(
    r"<(?:link|loc)>\s*(?:<!\[CDATA\[)?\s*(https?://[^<\s\]]+)\s*(?:\]\]>)?\s*</(?:link|loc)>"
)


def _links_by_regex(content: bytes) -> list[FeedEntry]:
    """Broken XML still often has usable <link> or <loc> elements."""
    text = content.decode("utf-8", "replace")
    found = [html.unescape(url) for url in _LINK_RE.findall(text)]
    return [FeedEntry(url) for url in dict.fromkeys(found)]


def feed_links(
    content: bytes, profile: Profile, source: str
) -> tuple[list[Candidate], list[FeedEntry]]:
    """A feed's or sitemap's article URLs, and the child sitemaps on the site to read next.

    The entry's date (``pubDate``, ``lastmod``, ``news:publication_date``) travels as the
    candidate's listed date, so ``--since`` skips old entries without fetching them; a
    child sitemap keeps its ``lastmod`` so an unchanged one is not fetched again.
    """
    articles: list[Candidate] = []
    children: list[FeedEntry] = []
    for entry in parse_feed(content):
        url = normalize_url(entry.url)
        if url is None:
            continue
        if entry.is_sitemap:
            if on_site(url, profile):
                children.append(FeedEntry(url, entry.published, True))
        elif is_article_url(url, profile):
            listed = local_date(entry.published) if entry.published else None
            articles.append(Candidate(url, profile.id, source, listed))
    return articles, children
