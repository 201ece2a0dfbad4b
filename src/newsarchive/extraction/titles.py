"""The headline a reader sees, when no profile selector names it.

Sources, in the order they are trusted: the page's own ``<h1>``, then what the page states
its title is (og:title, JSON-LD headline, ``<title>``) without the site's affixes. The
stated titles are also the evidence used to judge an h1 (is it the headline or the logo?)
and to find which segments of a stated title are the site's name.
"""

from __future__ import annotations

import html
import re

from selectolax.lexbor import LexborHTMLParser

from newsarchive.extraction.furniture import in_furniture, visible_text
from newsarchive.extraction.metadata import Metadata
from newsarchive.models import Profile

SEPARATORS = (" :: ", " | ", " - ", " — ", " – ", " « ", " » ", " • ", " · ")
_WORD = re.compile(r"\w+")
_SEGMENTS = re.compile(r"\s+(?:\||-|—|–|::|«|»|•|·)\s+")
# Only complete references ("&amp;", "&#8211;", "&#x26;"): html.unescape alone would also
# read "&para" in "&paragraph" as a pilcrow.
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def clean_title(text: str) -> str:
    """Whitespace folded and character references decoded once more.

    Why decode again: CMSs escape a title twice ("&amp;quot;", "&#x26;" in an h1, "&#8211;"
    in JSON-LD, which is not HTML and is never decoded by the parser), and a reader never
    sees the reference, only the character.
    """
    if "&" in text:
        text = _ENTITY.sub(lambda m: html.unescape(m[0]), text)
    return " ".join(text.split())


def strip_site_affixes(
    title: str, affixes: tuple[str, ...], site_name: str | tuple[str, ...] = ""
) -> str:
    """Remove "БТА :: " style prefixes and " | Община Русе" style suffixes."""
    title = clean_title(title)
    for affix in affixes:
        if title.startswith(affix):
            title = title[len(affix) :]
        if title.endswith(affix):
            title = title[: -len(affix)]
    names = (site_name,) if isinstance(site_name, str) else site_name
    for name in (n.strip() for n in names if n and n.strip()):
        for sep in SEPARATORS:
            if title.endswith(sep + name):
                title = title[: -len(sep + name)]
            if title.startswith(name + sep):
                title = title[len(name + sep) :]
    return title.strip()


def generic_title(
    tree: LexborHTMLParser, meta: Metadata, profile: Profile, url: str, *, generic: bool
) -> tuple[str, str]:
    """The headline and the rule that gave it, from the page's own markup.

    Why the h1 first: og:title and ``<title>`` are written for search and social cards and
    are often reworded ("Best X in 2025 – Top 10 Picks | Site"); the h1 is what a person
    reads. It is passed over when it is the site's name (a logo in an h1) or shares no
    word with any title the page states about itself (a section name).
    ``generic`` is False under a site profile, whose name then also counts as a site name.
    """
    names: tuple[str, ...] = (clean_title(meta.og_site_name),)
    if not generic:
        names += (profile.name,)
    h1 = clean_title(_first_h1(tree))
    og, ld, tt = (clean_title(v) for v in (meta.og_title, meta.jsonld_headline, meta.html_title))
    stated = [v for v in (og, ld, tt) if v]
    names += (
        *_host_named_segments(og, url),
        *_host_named_segments(tt, url),
    )
    if h1 and _is_headline(h1, stated, names):
        headline = strip_site_affixes(h1, profile.title_affixes, names)
        return _stated_casing(headline, stated, profile, names), "generic:h1"
    for value, rule in (
        (og, "generic:og:title"),
        (ld, "generic:jsonld:headline"),
        (h1, "generic:h1"),
        (tt, "generic:title"),
    ):
        if value:
            value = strip_site_affixes(value, profile.title_affixes, names)
            return _split_by_heading(value, h1), rule
    return "", "none"


def _first_h1(tree: LexborHTMLParser) -> str:
    for selector in ("article h1", "main h1", "h1"):
        for node in tree.css(selector):
            if in_furniture(node):
                continue
            text = visible_text(node)  # "Weekend<br>Coding" reads as two words
            if text:
                return text
    return ""


def _split_by_heading(title: str, heading: str) -> str:
    """ "Headline | Any Site" -> "Headline" when the page's own heading says so."""
    if heading and heading != title and heading in title:
        for sep in SEPARATORS:
            if title.startswith(heading + sep) or title.endswith(sep + heading):
                return heading
    return title


def _stated_casing(
    headline: str, stated: list[str], profile: Profile, names: tuple[str, ...]
) -> str:
    """An h1 typed in capitals ("ТЪРГ ЗА УЛИЦИТЕ") is shown as the page states its title
    elsewhere, when that is the same words: the capitals are styling, not the title."""
    if not headline.isupper():
        return headline
    folded = " ".join(headline.split()).casefold()
    for value in stated:
        candidate = " ".join(strip_site_affixes(value, profile.title_affixes, names).split())
        if candidate.casefold() == folded and not candidate.isupper():
            return candidate
    return headline


def _host_named_segments(title: str, url: str) -> tuple[str, ...]:
    """The first or last " | "-separated segment of a stated title when it spells the
    site's host name ("… | The Software Report" on thesoftwarereport.com): a site name
    the page did not declare in og:site_name. A segment that merely contains the host's
    label is a name only when no other segment is shorter: "Corti introduces GIM: … |
    Corti" on corti.ai opens with the headline, the longest part of a stated title."""
    host = url.split("://", 1)[-1].split("/", 1)[0].lower().removeprefix("www.")
    label = host.rsplit(".", 2)[-2] if host.count(".") >= 1 else host
    parts = _SEGMENTS.split(title)
    if len(parts) < 2 or len(label) < 3:
        return ()
    found = []
    for index in (0, len(parts) - 1):
        words = _WORD.findall(parts[index].lower())
        squashed = "".join(words)
        if len(squashed) < 3:
            continue
        others = max(len(_WORD.findall(p)) for i, p in enumerate(parts) if i != index)
        if squashed in host.replace(".", "") or (label in squashed and len(words) <= others):
            found.append(parts[index].strip())
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
