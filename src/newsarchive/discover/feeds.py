"""RSS 2.0, Atom and XML sitemaps (plain or gzip, including sitemap indexes)."""

from __future__ import annotations

import gzip
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from newsarchive.extract.dates import Published, parse_feed_date, parse_iso

_MAX_XML_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class FeedEntry:
    """One URL found in a feed or sitemap; ``is_sitemap`` marks a child sitemap to read."""

    url: str
    published: Published | None = None
    is_sitemap: bool = False


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(node: ET.Element, name: str) -> str:
    for child in node:
        if _local(child.tag) == name:
            return (child.text or "").strip()
    return ""


def parse_feed(content: bytes) -> list[FeedEntry]:
    """Entries of an RSS/Atom feed or a sitemap; an unparseable document yields ``[]``."""
    if content[:2] == b"\x1f\x8b":
        try:
            content = gzip.decompress(content)[:_MAX_XML_BYTES]
        except (OSError, EOFError):
            return []
    if b"<!ENTITY" in content[:4096]:
        return []  # no entity expansion from untrusted XML
    try:
        root = ET.fromstring(content.lstrip())
    except ET.ParseError:
        return _links_by_regex(content)
    kind = _local(root.tag)
    entries: list[FeedEntry] = []
    for node in root.iter():
        name = _local(node.tag)
        if kind in ("urlset", "sitemapindex") and name in ("url", "sitemap"):
            loc = _child_text(node, "loc")
            if loc:
                date = _child_text(node, "lastmod")
                entries.append(FeedEntry(loc, parse_iso(date) if date else None, name == "sitemap"))
        elif name == "item":
            link = _child_text(node, "link") or _child_text(node, "guid")
            if link:
                date = _child_text(node, "pubdate") or _child_text(node, "date")
                entries.append(FeedEntry(link, parse_feed_date(date) if date else None))
        elif name == "entry":
            href = ""
            for child in node:
                if _local(child.tag) == "link" and child.get("rel", "alternate") == "alternate":
                    href = child.get("href", "")
                    break
            if href:
                date = _child_text(node, "published") or _child_text(node, "updated")
                entries.append(FeedEntry(href, parse_iso(date) if date else None))
    return entries


def _links_by_regex(content: bytes) -> list[FeedEntry]:
    """Broken XML still often has usable <link> or <loc> elements."""
    text = content.decode("utf-8", "replace")
    found = re.findall(r"<(?:link|loc)>\s*(https?://[^<\s]+)\s*</(?:link|loc)>", text)
    return [FeedEntry(url) for url in dict.fromkeys(found)]
