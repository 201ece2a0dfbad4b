"""Pick the article's author: structured data, the profile, meta names, then the byline a
reader sees on the page.

Kept apart from the pipeline because the author has many sources of its own, and each
needs its reasons written down; the text rules for reading a byline live in ``bylines``.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from newsarchive.extraction import bylines
from newsarchive.extraction.furniture import NearTitle, in_furniture
from newsarchive.extraction.metadata import Metadata


def pick_author(
    tree: LexborHTMLParser,
    near: NearTitle,
    meta: Metadata,
    profile_text: str,
    profile_selector: str,
    url: str,
) -> tuple[str, str]:
    """(name, rule): structured data, the profile's selector text, meta names, then the
    byline a reader sees; ("", "none") when the page names nobody.

    A JSON-LD author that is an Organization is the publisher more often than the writer:
    it is used only when no person is named anywhere on the page. A link to the site's
    author page comes after the elements themes name as bylines (those hold the whole
    byline, co-authors included) and before a "By" in the text (a link says who it is).
    """
    if meta.jsonld_author and (name := bylines.clean_byline(meta.jsonld_author)):
        return name, "jsonld:author"
    if name := bylines.clean_byline(profile_text):
        return name, f"profile:{profile_selector}"
    if meta.meta_author and (name := bylines.clean_byline(meta.meta_author)):
        return name, "meta:author"
    found = _byline_element(tree) or _author_link(tree, url)
    if found:
        return found
    for window in near:
        name = bylines.byline_in_text(window)
        if name:
            return name, "generic:text-near-title"
        break  # only the nearest window: further out, "By" starts other sentences
    if meta.jsonld_org_author:
        return meta.jsonld_org_author, "jsonld:author-organization"
    return "", "none"


def _byline_element(tree: LexborHTMLParser) -> tuple[str, str] | None:
    """The first element named as a byline, outside furniture, whose text reads as names.

    Searched in the whole body, not in the first ``<article>`` or ``<main>``: that is a
    related-news card on some pages, and others print the byline in a header block above
    ``<main>``, beside the headline. Furniture (footers, sidebars, related lists) is
    still passed over, so other articles' bylines do not count.
    """
    if tree.body is None:
        return None
    for selector in bylines.BYLINE_SELECTORS:
        for node in tree.body.css(selector)[:20]:
            if node.tag in ("meta", "link", "script") or in_furniture(node):
                continue
            name = bylines.clean_byline(node.text(deep=True, separator="\n") or "")
            if name:
                return name, f"generic:{selector.split(',')[0]}"
    return None


# Path segments of a site's page about one of its writers ("/author/ivan-petrov/",
# "/avtor/ivan-petrov"): the link to it, named with the writer's name, is the byline.
_AUTHOR_PATHS = frozenset(
    {"author", "authors", "contributor", "contributors", "avtor", "avtori", "autor", "autori"}
)
_AUTHOR_LINKS = ", ".join(f'a[href*="{p}"]' for p in ("author", "contributor", "avtor", "autor"))


def _host(url: str) -> str:
    return urlsplit(url).netloc.lower().removeprefix("www.")


def _author_link(tree: LexborHTMLParser, url: str) -> tuple[str, str] | None:
    """A link to this site's own page about a writer, whose text is a name.

    Same site only: an article that links to another site's author page is citing
    someone (a study's author, a quoted expert), not naming its own writer. The text must
    read as a name, not as "Articles by Jane" or "All posts".
    """
    if tree.body is None:
        return None
    host = _host(url)
    for node in tree.body.css(_AUTHOR_LINKS)[:30]:
        href = node.attributes.get("href") or ""
        parts = urlsplit(href)
        if parts.netloc and host and _host(href) != host:
            continue
        if not _AUTHOR_PATHS.intersection(parts.path.lower().split("/")):
            continue
        if in_furniture(node):
            continue
        name = bylines.clean_byline(node.text(deep=True, separator="\n") or "")
        if bylines.reads_as_name(name):
            return name, "generic:author-link"
    return None
