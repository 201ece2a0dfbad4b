"""Orchestrate extraction: metadata first, then the profile's rules, then generic fallbacks.

Each field records which rule produced it (``Article.rules``) so ``check-site`` can show a
user when a profile selector has drifted and the generic rule took over.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extract import clean, content, dates
from newsarchive.extract.metadata import Metadata, read_metadata
from newsarchive.fetch.charset import decode_html
from newsarchive.models import Article, Profile, Published

_GENERIC = Profile(id="generic", name="generic", origin="http://localhost")
_MIN_BODY_CHARS = 80
_SEPARATORS = (" :: ", " | ", " - ", " — ", " – ", " « ", " » ")


@dataclass
class _Field:
    value: str
    rule: str


def extract(
    html: str | bytes,
    url: str | None = None,
    *,
    profile: Profile | None = None,
    today: dt.date | None = None,
) -> Article:
    """Extract one article. Never raises: at worst an Article with empty text."""
    try:
        return _extract(html, url, profile or _GENERIC, today)
    except Exception:  # the isolation point: one bad page must not stop a crawl
        return Article(url=url, site=profile.id if profile else None, rules={"error": "yes"})


def _extract(
    html: str | bytes, url: str | None, profile: Profile, today: dt.date | None
) -> Article:
    if isinstance(html, bytes):
        html, _ = decode_html(html)
    if "\x00" in html:
        html = html.replace("\x00", "")
    tree = LexborHTMLParser(html)
    meta = read_metadata(tree)
    rules: dict[str, str] = {}

    title = _pick_title(tree, meta, profile)
    rules["title"] = title.rule
    published, rules["published"] = _pick_date(tree, meta, profile, today)
    author = _pick_author(tree, meta, profile)
    rules["author"] = author.rule
    tags = _pick_tags(tree, meta, profile)

    extra = tuple(re.compile(p, re.IGNORECASE) for p in profile.drop_patterns)
    paragraphs, rules["text"] = _pick_body(tree, profile)
    paragraphs = [p for p in paragraphs if not clean.is_boilerplate_line(p, extra)]
    if paragraphs and title.value and paragraphs[0] == title.value:
        paragraphs = paragraphs[1:]

    canonical = meta.canonical or meta.og_url
    if canonical and url:
        canonical = urljoin(url, canonical)
    return Article(
        title=title.value,
        text="\n".join(paragraphs),
        published=published,
        author=author.value or None,
        url=url,
        canonical_url=canonical if canonical.startswith(("http://", "https://")) else None,
        tags=tags,
        site=None if profile is _GENERIC else profile.id,
        rules=rules,
    )


def _first_text(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> tuple[str, str]:
    for selector in selectors:
        try:
            node = tree.css_first(selector)
        except Exception:
            continue
        if node is not None:
            text = " ".join((node.text(deep=True) or "").split())
            if text:
                return text, selector
    return "", ""


def strip_site_affixes(title: str, affixes: tuple[str, ...], site_name: str = "") -> str:
    """Remove "БТА :: " style prefixes and " | Община Русе" style suffixes."""
    for affix in affixes:
        if title.startswith(affix):
            title = title[len(affix) :]
        if title.endswith(affix):
            title = title[: -len(affix)]
    if site_name:
        for sep in _SEPARATORS:
            if title.endswith(sep + site_name):
                title = title[: -len(sep + site_name)]
            if title.startswith(site_name + sep):
                title = title[len(site_name + sep) :]
    return title.strip()


def _pick_title(tree: LexborHTMLParser, meta: Metadata, profile: Profile) -> _Field:
    text, selector = _first_text(tree, profile.title_selectors)
    if text:
        return _Field(text, f"profile:{selector}")
    site = meta.og_site_name
    for value, rule in (
        (meta.jsonld_headline, "jsonld:headline"),
        (meta.og_title, "meta:og:title"),
    ):
        if value:
            return _Field(strip_site_affixes(value, profile.title_affixes, site), rule)
    h1, _ = _first_text(tree, ("article h1", "main h1", "h1"))
    if h1:
        return _Field(h1, "generic:h1")
    if meta.html_title:
        return _Field(strip_site_affixes(meta.html_title, profile.title_affixes, site), "title")
    return _Field("", "none")


def _pick_date(
    tree: LexborHTMLParser, meta: Metadata, profile: Profile, today: dt.date | None
) -> tuple[Published | None, str]:
    for value, rule in (
        (meta.jsonld_published, "jsonld:datePublished"),
        (meta.meta_published, "meta:article:published_time"),
    ):
        parsed = dates.parse_iso(value) if value else None
        if parsed:
            return parsed, rule
    text, selector = _first_text(tree, profile.date_selectors)
    if text:
        parsed = dates.parse_with_formats(text, profile.date_formats) or dates.parse_text_date(
            text, today=today
        )
        if parsed:
            return parsed, f"profile:{selector}"
    if meta.time_datetime:
        parsed = dates.parse_iso(meta.time_datetime)
        if parsed:
            return parsed, "generic:time[datetime]"
    near = _text_near_title(tree)
    parsed = dates.parse_text_date(near, today=today) if near else None
    if parsed:
        return parsed, "generic:text-near-title"
    return None, "none"


def _text_near_title(tree: LexborHTMLParser) -> str:
    """Text just around the headline: where sites print the date, unlike related lists."""
    h1 = tree.css_first("h1")
    if h1 is None:
        return ""
    parts: list[str] = []
    node: LexborNode | None = h1
    for _ in range(3):
        if node is None or node.parent is None:
            break
        node = node.parent
        text = " ".join((node.text(deep=True) or "").split())
        if len(text) > 600:
            anchor = text.find(" ".join((h1.text(deep=True) or "").split()))
            start = max(anchor, 0)
            parts.append(text[max(start - 200, 0) : start + 400])
            break
        parts.append(text)
    return parts[-1] if parts else ""


def _pick_author(tree: LexborHTMLParser, meta: Metadata, profile: Profile) -> _Field:
    if meta.jsonld_author:
        return _Field(meta.jsonld_author, "jsonld:author")
    text, selector = _first_text(tree, profile.author_selectors)
    if text:
        return _Field(text, f"profile:{selector}")
    if meta.meta_author:
        return _Field(meta.meta_author, "meta:author")
    return _Field("", "none")


def _pick_tags(tree: LexborHTMLParser, meta: Metadata, profile: Profile) -> tuple[str, ...]:
    found: list[str] = []
    for selector in profile.tag_selectors:
        try:
            found += [" ".join((n.text(deep=True) or "").split()) for n in tree.css(selector)]
        except Exception:
            continue
    found += meta.jsonld_keywords + meta.meta_tags
    return tuple(dict.fromkeys(t for t in found if t))


def _pick_body(tree: LexborHTMLParser, profile: Profile) -> tuple[list[str], str]:
    clean.drop_selectors(tree, profile.drop_selectors)
    for selector in profile.body_selectors:
        try:
            node = tree.css_first(selector)
        except Exception:
            continue
        if node is None:
            continue
        clean.remove_junk(node, furniture=False)
        clean.remove_boilerplate_elements(node)
        paragraphs = content.node_paragraphs(node)
        if sum(len(p) for p in paragraphs) >= _MIN_BODY_CHARS:
            return paragraphs, f"profile:{selector}"
    rule = "generic:drift" if profile.body_selectors else "generic"
    return content.find_main_paragraphs(tree), rule
