"""Orchestrate extraction: metadata first, then the profile's rules, then generic fallbacks.

Each field records which rule produced it (``Article.rules``) so ``check-site`` can show a
user when a profile selector has drifted and the generic rule took over.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extraction import blocks, bylines, clean, content, dates
from newsarchive.extraction.metadata import Metadata, read_metadata, read_script_dates
from newsarchive.fetch.charset import decode_html
from newsarchive.models import Article, Profile, Published

_GENERIC = Profile(id="generic", name="generic", origin="http://localhost")
_MIN_BODY_CHARS = 80
_MAX_LINK_DENSITY = 0.5
_AFTER_TITLE = 300  # characters after the headline searched for its date
_BEFORE_TITLE = 120
_SEPARATORS = (" :: ", " | ", " - ", " — ", " – ", " « ", " » ")
# Where a date or title must never come from: related lists, sidebars, footers, menus.
_FURNITURE = frozenset({"footer", "aside", "nav", "menu", "dialog"})
# Related-article lists under names the generic boilerplate rules do not know, and the
# headings that introduce them: their dates belong to other articles.
_RELATED_ATTR = re.compile(
    r"(?:^|[\s_-])(?:see-?also|latest|last-?news|recent|prev-?next|neighbou?rs?|"
    r"similar|teasers?|news-?list|top-?news|most-?viewed)(?:$|[\s_-])",
    re.IGNORECASE,
)
# A short heading ("Виж още:", "Още от Русе", "Related") that opens such a list, not a
# sentence that merely starts with one of those words.
_RELATED_HEADING = re.compile(
    rf"^(?:{clean.RELATED_HEADINGS}|more)(?:\s+\S+){{0,2}}\s*:?$", re.IGNORECASE
)
_HEADING_TAGS = ("h2", "h3", "h4", "h5", "strong", "b", "span", "div", "p")


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

    title = _pick_title(tree, meta, profile, url or "")
    rules["title"] = title.rule
    near = _NearTitle(tree)
    published, modified = _pick_dates(tree, near, meta, profile, today, url or "")
    rules["published"] = published.rule if published else "none"
    if modified is not None:
        rules["modified"] = modified.rule
    author = _pick_author(tree, near, meta, profile)
    rules["author"] = author.rule
    tags = _pick_tags(tree, meta, profile)

    extra = _compiled(profile.drop_patterns)
    paragraphs, rules["text"] = _pick_body(tree, profile)
    paragraphs = [p for p in paragraphs if not clean.is_boilerplate_line(p, extra)]
    paragraphs = _trim_head(paragraphs, title.value)
    drift = [
        name
        for name in ("title", "published", "text")  # an author is often simply absent
        if _drifted(profile, name, rules[name])
    ]
    if drift:
        rules["drift"] = ",".join(drift)

    canonical = meta.canonical or meta.og_url
    if canonical and url:
        canonical = urljoin(url, canonical)
    return Article(
        title=title.value,
        text="\n".join(paragraphs),
        published=published.value if published else None,
        date_source=published.source if published else "none",
        modified=modified.value if modified else None,
        author=author.value or None,
        url=url,
        canonical_url=canonical if canonical.startswith(("http://", "https://")) else None,
        tags=tags,
        site=None if profile is _GENERIC else profile.id,
        rules=rules,
    )


@lru_cache(maxsize=64)
def _compiled(patterns: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """A profile's drop patterns, compiled once per profile rather than once per page."""
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


_FIELD_SELECTORS = {
    "title": "title_selectors",
    "published": "date_selectors",
    "author": "author_selectors",
    "text": "body_selectors",
}


def _drifted(profile: Profile, name: str, rule: str) -> bool:
    """The profile names selectors for this field, yet another rule had to supply it.

    A date found in structured data before the profile's selector was tried is not drift.
    """
    if not getattr(profile, _FIELD_SELECTORS[name]):
        return False
    if name == "published" and rule.startswith(("jsonld:", "meta:")):
        return False
    if name == "author" and rule.startswith("jsonld:"):
        return False
    return not rule.startswith("profile:")


def _trim_head(paragraphs: list[str], title: str) -> list[str]:
    """Drop a repeated headline and a bare date line from the start of the body."""
    while paragraphs:
        first = paragraphs[0]
        if title and first == title:
            paragraphs = paragraphs[1:]
        elif len(first) <= 60 and dates.parse_text_date(first) is not None:
            paragraphs = paragraphs[1:]
        else:
            break
    return paragraphs


@lru_cache(maxsize=20_000)
def _related_marker(marker: str) -> bool:
    """Memoised: themes repeat the same class strings on every card of a list."""
    return bool(_RELATED_ATTR.search(marker))


def _is_furniture(node: LexborNode) -> bool:
    """This element itself is a footer, sidebar, menu or related-article list."""
    tag = node.tag or ""
    if tag in _FURNITURE:
        return True
    attrs = node.attributes
    if clean.is_furniture_attrs(tag, attrs):
        return True
    if tag in ("article", "main", "h1"):
        return False
    cls, ident = attrs.get("class"), attrs.get("id")
    if (cls or ident) and _related_marker(f"{cls or ''} {ident or ''}"):
        return True
    first = node.child
    while first is not None and first.tag == "-text" and not (first.text_content or "").strip():
        first = first.next
    if first is not None and first.tag in _HEADING_TAGS:
        heading = " ".join((first.text(deep=True) or "").split())
        return len(heading) <= 40 and bool(_RELATED_HEADING.match(heading))
    return False


def in_furniture(node: LexborNode) -> bool:
    """True inside a footer, sidebar, menu, related list or any element named as furniture."""
    current: LexborNode | None = node
    while current is not None and current.tag not in ("body", "html", None):
        if _is_furniture(current):
            return True
        current = current.parent
    return False


def _first_text(
    tree: LexborHTMLParser, selectors: tuple[str, ...], *, skip_furniture: bool = False
) -> tuple[str, str]:
    for selector in selectors:
        try:
            nodes = tree.css(selector)
        except Exception:
            continue
        for node in nodes:
            if skip_furniture and in_furniture(node):
                continue
            text = " ".join((node.text(deep=True) or "").split())
            if text:
                return text, selector
    return "", ""


def strip_site_affixes(
    title: str, affixes: tuple[str, ...], site_name: str | tuple[str, ...] = ""
) -> str:
    """Remove "БТА :: " style prefixes and " | Община Русе" style suffixes."""
    title = " ".join(title.split())
    for affix in affixes:
        if title.startswith(affix):
            title = title[len(affix) :]
        if title.endswith(affix):
            title = title[: -len(affix)]
    names = (site_name,) if isinstance(site_name, str) else site_name
    for name in (n.strip() for n in names if n and n.strip()):
        for sep in _SEPARATORS:
            if title.endswith(sep + name):
                title = title[: -len(sep + name)]
            if title.startswith(name + sep):
                title = title[len(name + sep) :]
    return title.strip()


def _split_by_heading(title: str, heading: str) -> str:
    """ "Headline | Any Site" -> "Headline" when the page's own heading says so."""
    if heading and heading != title and heading in title:
        for sep in _SEPARATORS:
            if title.startswith(heading + sep) or title.endswith(sep + heading):
                return heading
    return title


def _pick_title(tree: LexborHTMLParser, meta: Metadata, profile: Profile, url: str) -> _Field:
    """The headline the reader sees: the page's own ``<h1>`` when it is one, else what the
    page says its title is (og:title, JSON-LD, ``<title>``) without the site's affixes.

    Why the h1 first: og:title and ``<title>`` are written for search and social cards and
    are often reworded ("Best X in 2025 – Top 10 Picks | Site"); the h1 is what a person
    reads. It is passed over when it is the site's name (a logo in an h1) or shares no
    word with any title the page states about itself (a section name).
    """
    text, selector = _first_text(tree, profile.title_selectors, skip_furniture=True)
    if text:
        return _Field(strip_site_affixes(text, profile.title_affixes), f"profile:{selector}")
    names: tuple[str, ...] = (meta.og_site_name,)
    if profile is not _GENERIC:
        names += (profile.name,)
    h1, _ = _first_text(tree, ("article h1", "main h1", "h1"), skip_furniture=True)
    stated = [v for v in (meta.og_title, meta.jsonld_headline, meta.html_title) if v]
    names += (
        *_host_named_segments(meta.og_title, url),
        *_host_named_segments(meta.html_title, url),
    )
    if h1 and _is_headline(h1, stated, names):
        return _Field(strip_site_affixes(h1, profile.title_affixes, names), "generic:h1")
    for value, rule in (
        (meta.og_title, "generic:og:title"),
        (meta.jsonld_headline, "generic:jsonld:headline"),
        (h1, "generic:h1"),
        (meta.html_title, "generic:title"),
    ):
        if value:
            value = strip_site_affixes(value, profile.title_affixes, names)
            return _Field(_split_by_heading(value, h1), rule)
    return _Field("", "none")


_WORD = re.compile(r"\w+")
_SEGMENTS = re.compile(r"\s+(?:\||-|—|–|::|«|»)\s+")


def _host_named_segments(title: str, url: str) -> tuple[str, ...]:
    """The first or last " | "-separated segment of a stated title when it spells the
    site's host name ("… | The Software Report" on thesoftwarereport.com): a site name
    the page did not declare in og:site_name."""
    host = url.split("://", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
    label = host.rsplit(".", 2)[-2] if host.count(".") >= 1 else host
    parts = _SEGMENTS.split(title)
    if len(parts) < 2 or len(label) < 3:
        return ()
    found = []
    for part in (parts[0], parts[-1]):
        squashed = "".join(_WORD.findall(part.lower()))
        if len(squashed) >= 3 and (squashed in host.replace(".", "") or label in squashed):
            found.append(part.strip())
    return tuple(found)


def _is_headline(h1: str, stated: list[str], names: tuple[str, ...]) -> bool:
    """The h1 reads as this page's headline: not the site name, and (when the page states
    a title at all) sharing at least half of its words with one of the stated titles."""
    words = {w.lower() for w in _WORD.findall(h1)}
    if not words or len(h1) > 300:
        return False
    folded = h1.casefold()
    if any(n and n.strip().casefold() == folded for n in names):
        return False
    if not stated or len(words) >= 5:
        return True
    for title in stated:
        other = {w.lower() for w in _WORD.findall(title)}
        if len(words & other) * 2 >= len(words):
            return True
    return False


@dataclass(frozen=True)
class _Date:
    value: Published
    rule: str
    source: str  # one of models.DATE_SOURCES


def _structured(value: str, month_first: bool, today: dt.date | None) -> Published | None:
    """A date stated in JSON-LD or a meta tag: ISO mostly, sometimes words or "09/25/2025"."""
    parsed = dates.parse_iso(value) or dates.parse_text_date(value, month_first=month_first)
    if parsed is None or dates.after(parsed, today):
        return None
    return parsed


def _pick_dates(
    tree: LexborHTMLParser,
    near: _NearTitle,
    meta: Metadata,
    profile: Profile,
    today: dt.date | None,
    url: str,
) -> tuple[_Date | None, _Date | None]:
    """The published and the modified date, each from the most trustworthy rule that has one.

    Order and why: JSON-LD and meta tags are what the CMS states about the page itself;
    then the profile's selector (someone looked at the site); then a ``<time>`` element and
    the visible text near the headline, which is where a reader looks; then elements named
    as dates anywhere in the article; last the URL, which gives the day but no time. A
    visible date labelled "Updated"/"Обновена" is the modified date, never the published
    one. Nothing after the fetch time is accepted from any rule.
    """
    published = next(
        (c for c in _published_candidates(tree, near, meta, profile, today, url) if c),
        None,
    )
    # Visible dates labelled "Updated" are searched for only where they can matter: when
    # no published date was found, or it came from the same visible text.
    further = published is None or published.source in ("time", "text", "url")
    modified = _pick_modified(tree, near, meta, today, look_further=further)
    if published is not None:
        return published, modified
    if modified is not None:
        # The page shows only when it last changed: that is the date a reader takes for
        # it, and the rule name still says it was a modified date.
        return _Date(modified.value, f"{modified.rule}:modified-only", modified.source), modified
    return None, modified


def _published_candidates(
    tree: LexborHTMLParser,
    near: _NearTitle,
    meta: Metadata,
    profile: Profile,
    today: dt.date | None,
    url: str,
) -> Iterator[_Date | None]:
    """Lazily, in trust order, so the costly text rules run only on pages that need them."""
    month_first = dates.month_first_language(meta.lang)
    if meta.jsonld_published:
        parsed = _structured(meta.jsonld_published, month_first, today)
        yield _Date(parsed, "jsonld:datePublished", "jsonld") if parsed else None
    for key, value in meta.meta_published:
        parsed = _structured(value, month_first, today)
        if parsed:
            yield _Date(parsed, f"meta:{key}", "meta")
            break
    for selector in profile.date_selectors:
        stated = _profile_date(tree, selector, profile, today)
        if stated:
            yield _Date(stated[0], f"profile:{selector}", stated[1])
            break
    yield _time_element(tree, today)
    for window in near:
        found = _first_published(window, today, month_first)
        if found is not None:
            yield _Date(found, "generic:text-near-title", "text")
            break
    yield _dated_element(tree, today, month_first)
    script_published = read_script_dates(tree)[0]
    if script_published:
        parsed = _structured(script_published, month_first, today)
        yield _Date(parsed, "meta:script", "meta") if parsed else None
    from_url = dates.parse_url_date(url, today=today)
    yield _Date(from_url, "generic:url", "url") if from_url else None


def _first_published(text: str, today: dt.date | None, month_first: bool) -> Published | None:
    for found in dates.find_text_dates(text, today=today, month_first=month_first):
        if not found.modified:
            return found.value
    return None


_MODIFIED_ATTR = re.compile(r"updat|modif|edited|revised", re.IGNORECASE)


def _time_element(tree: LexborHTMLParser, today: dt.date | None) -> _Date | None:
    """The first ``<time>`` outside furniture that is not marked as an update: its
    ``datetime`` attribute, else its text ("<time>Feb 6, 2025</time>")."""
    for node in tree.css("time"):
        marker = f"{node.attributes.get('class') or ''} {node.attributes.get('itemprop') or ''}"
        parent = node.parent
        if parent is not None:
            marker += f" {parent.attributes.get('class') or ''}"
        if _MODIFIED_ATTR.search(marker) or in_furniture(node):
            continue
        stamp = node.attributes.get("datetime")
        if stamp:
            parsed = dates.parse_iso(stamp)
        else:
            parsed = dates.parse_text_date(node.text(deep=True) or "", today=today)
        if parsed and not dates.after(parsed, today):
            return _Date(parsed, "generic:time[datetime]" if stamp else "generic:time", "time")
    return None


# Elements a theme names after the date it prints ("post-date", "entry-meta", "byline").
_DATED_SELECTOR = (
    '[class*="date"], [class*="Date"], [class*="time"], [class*="posted"], '
    '[class*="publish"], [class*="meta"], [class*="byline"], [id*="date"]'
)


def _dated_element(
    tree: LexborHTMLParser, today: dt.date | None, month_first: bool, *, modified: bool = False
) -> _Date | None:
    """The first published (or, with ``modified``, last-changed) date printed in an
    element named as a date, outside furniture."""
    scope = tree.body
    if scope is None:
        return None
    for node in scope.css(_DATED_SELECTOR)[:300]:
        text = " ".join((node.text(deep=True, separator=" ") or "").split())
        if not text or len(text) > 200 or in_furniture(node):
            continue
        for found in dates.find_text_dates(text, today=today, month_first=month_first):
            if found.modified == modified:
                return _Date(found.value, "generic:date-element", "text")
    return None


def _pick_modified(
    tree: LexborHTMLParser,
    near: _NearTitle,
    meta: Metadata,
    today: dt.date | None,
    *,
    look_further: bool,
) -> _Date | None:
    month_first = dates.month_first_language(meta.lang)
    if meta.jsonld_modified:
        parsed = _structured(meta.jsonld_modified, month_first, today)
        if parsed:
            return _Date(parsed, "jsonld:dateModified", "jsonld")
    for key, value in meta.meta_modified:
        parsed = _structured(value, month_first, today)
        if parsed:
            return _Date(parsed, f"meta:{key}", "meta")
    if not look_further:
        return None
    for window in near:
        for found in dates.find_text_dates(window, today=today, month_first=month_first):
            if found.modified:
                return _Date(found.value, "generic:text-near-title", "text")
    element = _dated_element(tree, today, month_first, modified=True)
    script_modified = read_script_dates(tree)[1] if element is None else ""
    if script_modified:
        parsed = _structured(script_modified, month_first, today)
        return _Date(parsed, "meta:script", "meta") if parsed else None
    return element


_NO_TEXT_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "title"})


def _visible_text(root: LexborNode) -> str:
    """Text of a subtree without furniture (menus, sidebars, related lists, footers).

    Iterative, so a page nested thousands of levels deep cannot exhaust the stack.
    """
    parts: list[str] = []
    stack: list[LexborNode | str | None] = [root.child]
    while stack:
        node = stack.pop()
        if node is None:
            continue
        if isinstance(node, str):
            parts.append(node)
            continue
        stack.append(node.next)
        tag = node.tag
        if tag == "-text":
            parts.append(node.text_content or "")
        elif tag and tag not in _NO_TEXT_TAGS and not tag.startswith(("_", "!")):
            if not _is_furniture(node):
                if tag in blocks.BLOCK_TAGS or tag == "br":
                    parts.append(" ")
                    stack.append(" ")  # after a block: two cells' texts stay apart
                stack.append(node.child)
    return " ".join("".join(parts).split())


def _profile_date(
    tree: LexborHTMLParser, selector: str, profile: Profile, today: dt.date | None
) -> tuple[Published, str] | None:
    """The first date the selector yields outside furniture: a datetime attribute, then text."""
    try:
        nodes = tree.css(selector)
    except Exception:
        return None
    for node in nodes:
        if in_furniture(node):
            continue
        stamp = node.attributes.get("datetime") or ""
        inner = node.css_first("time[datetime]") if not stamp else None
        if inner is not None:
            stamp = inner.attributes.get("datetime") or ""
        parsed = dates.parse_iso(stamp) if stamp else None
        if parsed and not dates.after(parsed, today):
            return parsed, "time"
        text = " ".join((node.text(deep=True) or "").split())
        if not text:
            continue
        parsed = dates.parse_with_formats(text, profile.date_formats) or dates.parse_text_date(
            text, today=today
        )
        if parsed and not dates.after(parsed, today):
            return parsed, "text"
    return None


class _NearTitle:
    """The windows of ``_text_near_title``, walked once per page and only as far as some
    rule asks: the date, the modified date and the byline all read them."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self._source = _text_near_title(tree)
        self._seen: list[str] = []

    def __iter__(self) -> Iterator[str]:
        index = 0
        while True:
            if index == len(self._seen):
                window = next(self._source, None)
                if window is None:
                    return
                self._seen.append(window)
            yield self._seen[index]
            index += 1


def _text_near_title(tree: LexborHTMLParser) -> Iterator[str]:
    """Text windows around the headline, where sites print the date (unlike related lists).

    Nearest first: what follows the headline inside ever larger ancestors, then what
    precedes it (a kicker date above the title). The window stops short of footers and
    related lists on any page with a real article body. A generator: each larger
    ancestor is walked only when the nearer windows held no date.
    """
    h1 = next((h for h in tree.css("h1") if not in_furniture(h)), None)
    if h1 is None:
        return
    heading = " ".join((h1.text(deep=True, separator=" ") or "").split())
    before: list[str] = []
    node: LexborNode | None = h1
    for _ in range(4):
        if node is None or node.parent is None or node.tag in ("body", "html"):
            break
        node = node.parent
        text = _visible_text(node)
        anchor = text.find(heading) if heading else -1
        if anchor < 0:
            continue
        after = text[anchor + len(heading) : anchor + len(heading) + _AFTER_TITLE]
        if after.strip():
            yield after
        before.append(text[max(anchor - _BEFORE_TITLE, 0) : anchor])
    yield from (w for w in before if w.strip())


def _pick_author(
    tree: LexborHTMLParser, near: _NearTitle, meta: Metadata, profile: Profile
) -> _Field:
    """Structured data, the profile, meta names, then the byline a reader sees.

    A JSON-LD author that is an Organization is the publisher more often than the writer:
    it is used only when no person is named anywhere on the page.
    """
    if meta.jsonld_author and (name := bylines.clean_byline(meta.jsonld_author)):
        return _Field(name, "jsonld:author")
    text, selector = _first_text(tree, profile.author_selectors, skip_furniture=True)
    text = bylines.clean_byline(text)
    if text:
        return _Field(text, f"profile:{selector}")
    if meta.meta_author and (name := bylines.clean_byline(meta.meta_author)):
        return _Field(name, "meta:author")
    found = _byline_element(tree)
    if found:
        return found
    for window in near:
        name = bylines.byline_in_text(window)
        if name:
            return _Field(name, "generic:text-near-title")
        break  # only the nearest window: further out, "By" starts other sentences
    if meta.jsonld_org_author:
        return _Field(meta.jsonld_org_author, "jsonld:author-organization")
    return _Field("", "none")


def _byline_element(tree: LexborHTMLParser) -> _Field | None:
    """The first element named as a byline, outside furniture, whose text reads as names."""
    scope = tree.css_first("article") or tree.css_first("main") or tree.body
    if scope is None:
        return None
    for selector in bylines.BYLINE_SELECTORS:
        for node in scope.css(selector)[:20]:
            if node.tag in ("meta", "link", "script") or in_furniture(node):
                continue
            name = bylines.clean_byline(node.text(deep=True, separator="\n") or "")
            if name:
                return _Field(name, f"generic:{selector.split(',')[0]}")
    return None


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
        if _plausible(node, paragraphs):
            return paragraphs, f"profile:{selector}"
    rule = "generic:drift" if profile.body_selectors else "generic"
    return content.find_main_paragraphs(tree), rule


def _plausible(node: LexborNode, paragraphs: list[str]) -> bool:
    """Enough text, and not mostly links (a selector that now matches a teaser list)."""
    total = sum(len(p) for p in paragraphs)
    if total < _MIN_BODY_CHARS:
        return False
    links = sum(len(a.text(deep=True) or "") for a in node.css("a"))
    return links / total <= _MAX_LINK_DENSITY
