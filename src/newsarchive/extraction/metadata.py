"""Structured metadata a page states about itself: JSON-LD, OpenGraph, canonical, <title>.

These are the most reliable sources for title, date and author, so the pipeline consults
them before any profile selector or text heuristic.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.char_references import unescape_references

_ARTICLE_TYPES = {
    "article", "newsarticle", "reportagenewsarticle", "blogposting", "webpage",
    "analysisnewsarticle", "backgroundnewsarticle", "opinionnewsarticle", "report",
    "scholarlyarticle", "socialmediaposting", "liveblogposting", "techarticle",
}  # fmt: skip


# A title longer than this is no title: on the 892 dev pages and bg-pages the longest a
# page states is 300 characters (a JSON-LD headline; og:title and ``<title>`` 175, an h1
# 297). A longer one is a template's accident or a hostile page's, and its checks cost
# what its length does: a 1 MB og:title took 1-2.7 s to judge (``page_kind``'s sentences,
# the title rules' splits), for a title no reader could use.
MAX_TITLE_CHARS = 1000


def as_title(value: str) -> str:
    """``value``, or "" when it is too long to be a title (``MAX_TITLE_CHARS``)."""
    return value if len(value) <= MAX_TITLE_CHARS else ""


@dataclass
class Metadata:
    """Everything found, unvalidated; the pipeline picks and records which one it used."""

    jsonld_headline: str = ""
    microdata_headline: str = ""  # the page's one itemprop="headline" (Joomla's article h2)
    jsonld_published: str = ""
    jsonld_modified: str = ""
    jsonld_author: str = ""
    jsonld_org_author: str = ""  # an Organization as author: usually the publisher
    jsonld_keywords: list[str] = field(default_factory=list)
    # Each article node's headline and ``articleBody``, where it states one: the text of
    # a page whose markup is an empty shell a script fills (``page_data.text_in_jsonld``).
    jsonld_bodies: list[tuple[str, str]] = field(default_factory=list)
    og_title: str = ""
    og_url: str = ""
    og_site_name: str = ""
    meta_published: list[tuple[str, str]] = field(default_factory=list)  # (key, value)
    meta_modified: list[tuple[str, str]] = field(default_factory=list)
    lang: str = ""
    # The languages the page declares besides ``<html lang>``: ``og:locale`` ("en_GB") and
    # ``<meta http-equiv="Content-Language">``, each as stated (``text_language.
    # article_language`` reads their primary tag where the text is too short to tell).
    og_locale: str = ""
    content_language: str = ""
    meta_author: str = ""
    labelled_author: str = ""  # twitter:dataN under a twitter:labelN "Written by"
    meta_tags: list[str] = field(default_factory=list)
    canonicals: list[str] = field(default_factory=list)  # every <link rel=canonical>'s href
    html_title: str = ""
    twitter_title: str = ""  # read only to find which stated title the page prints
    time_datetime: str = ""
    # Each ``isAccessibleForFree`` the page states of its article, in page order: (rule,
    # free), the JSON-LD's (an article node's, a ``hasPart`` of it naming the paid part's
    # ``cssSelector``) then microdata's; and ``article:content_tier``, lower-cased. Read by
    # ``access.stated_access``.
    access_stated: list[tuple[str, bool]] = field(default_factory=list)
    content_tier: str = ""
    # The page's ``<time>`` elements in page order, listed as the metadata is read (the
    # first with a ``datetime`` is ``time_datetime``): the date rules that read them
    # (``published.page_times``) take them from here, not from a walk of the whole page of
    # their own (0.19 ms an AEB page, 2% of extracting it). None where no page was read (a
    # Metadata built by hand): those rules then ask the tree.
    times: list[LexborNode] | None = field(default=None, repr=False, compare=False)
    # The page's ``PAGE_DATA`` scripts and its ``itemprop="articleBody"`` elements,
    # listed likewise for ``page_data`` and ``content.body_after_description``: a query of
    # its own each, over the whole page, was 2% of extracting AEB's pages (callgrind), for
    # the few pages that hold one. None as ``times``.
    page_data: list[LexborNode] | None = field(default=None, repr=False, compare=False)
    bodies: list[LexborNode] | None = field(default=None, repr=False, compare=False)
    # The page's in-page links (``IN_PAGE_LINKS``), listed likewise for the tables of
    # contents the walk of its text skips (``page_toc``): a query of its own in each walk
    # was 0.9% of extracting AEB's pages; a selector more here costs about half that.
    in_page_links: list[LexborNode] | None = field(default=None, repr=False, compare=False)


# Meta names that state the publication date, most specific first: the Open Graph and
# news-site names, then Dublin Core and citation names, then the vague "date"/"timestamp"
# that some sites use for the last change. A page that has several is read in this order.
PUBLISHED_KEYS = (
    "article:published_time", "og:published_time", "og:article:published_time",
    "article:published", "datepublished", "published_time", "parsely-pub-date",
    "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date", "published",
    "published-date", "published_date", "publication_date", "publication-date",
    "date-pub", "dc.date.issued", "dcterms.issued", "dcterms.created", "dc.date.created",
    "citation_publication_date", "citation_date", "citation_online_date", "dc.date",
    "dcterms.date", "date", "timestamp",
)  # fmt: skip
AUTHOR_KEYS = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "citation_author", "citation_authors",
)  # fmt: skip
# Yoast SEO, on most WordPress sites, states the writer in a labelled pair of Twitter card
# tags (twitter:label1 "Written by", twitter:data1 "Jane Doe") and no author meta at all;
# the label as Yoast prints it in English and Bulgarian.
_AUTHOR_LABELS = frozenset({"written by", "author", "автор", "написано от"})
MODIFIED_KEYS = (
    "article:modified_time", "og:updated_time", "datemodified", "dcterms.modified",
    "last-modified", "modified",
)  # fmt: skip
# The same keys as sets, for the test every meta tag of a page takes (the tuples, which a
# page's values are sorted by, cost a comparison per key: 2.5 ms over 61 AEB pages).
_PUBLISHED_KEY_SET = frozenset(PUBLISHED_KEYS)
_MODIFIED_KEY_SET = frozenset(MODIFIED_KEYS)
_AUTHOR_KEY_SET = frozenset(AUTHOR_KEYS)


# Date keys a page's embedded application state (Next.js, Nuxt, headless CMS payloads)
# uses for the article it renders; only ISO values, and only the first of each kind. A
# key quoted inside a JSON string (\"datePublished\") is matched from its quote, not its
# backslash: a pattern that starts with a literal lets the engine jump from quote to
# quote through megabytes of scripts, six times faster, and finds the same keys and values.
_SCRIPT_DATE = re.compile(
    r'"(?P<key>datePublished|publishedAt|published_at|publishDate|publish_date|'
    r'first_publication_date|date_posted|dateModified|updatedAt|updated_at|modifiedAt)\\?"'
    r'\s*:\s*\\?"(?P<value>(?:19|20)\d\d-\d\d-\d\d(?:[T ][0-9:.+\-Z]{5,})?)'
)
_SCRIPT_MODIFIED = frozenset({"dateModified", "updatedAt", "updated_at", "modifiedAt"})


def read_script_dates(tree: LexborHTMLParser) -> tuple[str, str]:
    """Dates in inline scripts' JSON: the first occurrence is the page's own record in
    the payloads seen (lists come later). Weaker than anything visible, so the pipeline
    consults them after the text rules, and reads them only then (a regex over every
    script is not free). Returns (published, modified), "" where absent."""
    published = modified = ""
    for script in tree.css("script"):
        if (script.attributes.get("type") or "") == "application/ld+json":
            continue
        for m in _SCRIPT_DATE.finditer(script.text_lexbor()):
            if m["key"] in _SCRIPT_MODIFIED:
                modified = modified or m["value"]
            else:
                published = published or m["value"]
            if published and modified:
                break
    return published, modified


# RDFa date properties on page elements (not <meta>), as Drupal 7's RDF module prints a
# node's date by default: <span property="dc:date dc:created" content="2026-11-30T14:05:00+02:00">
# around a visible date in the site's own format, which is Drupal's US-ordered
# "пон, 11/30/2026 - 14:05" unless an admin changed it. Only the attribute is exact.
_RDFA_PUBLISHED = frozenset(
    {"dc:created", "dc:issued", "dc:date", "dcterms:created", "dcterms:issued", "dcterms:date"}
)
_RDFA_MODIFIED = frozenset({"dc:modified", "dcterms:modified"})


def _read_rdfa_dates(rdfa: list[_Read], meta: Metadata) -> None:
    """The first element whose RDFa ``property`` names a publication (or modification)
    date and states it in ``content``: the node comes before its comments, which carry
    the same properties."""
    for node, attrs in rdfa:
        if node.tag == "meta":
            continue  # read with the meta names
        names = set((attrs.get("property") or "").lower().split())
        value = " ".join((attrs.get("content") or "").split())
        if not value:
            continue
        for wanted, target in ((_RDFA_PUBLISHED, meta.meta_published),
                               (_RDFA_MODIFIED, meta.meta_modified)):  # fmt: skip
            if names & wanted and not any(key.startswith("rdfa:") for key, _ in target):
                target.append((f"rdfa:{sorted(names & wanted)[0]}", value))


def _read_itemprop_dates(dated: list[_Read], meta: Metadata) -> None:
    """``itemprop="datePublished"`` on any element (microdata), stated in an attribute or
    as its text; after the meta names, because the same value is usually there too. An
    ``<abbr>`` states it in its ``title`` and shows a short form (Blogger's footer: "в
    <abbr itemprop="datePublished" title="2026-11-28T14:05:00+02:00">14:05</abbr>")."""
    targets = {"datePublished": meta.meta_published, "dateModified": meta.meta_modified}
    for node, attrs in dated:
        if node.tag == "meta":
            continue  # already read with the meta names
        prop = attrs.get("itemprop") or ""
        target = targets.get(prop)
        if target is None:
            continue  # this property's first value was taken
        value = (
            attrs.get("datetime")
            or attrs.get("content")
            or (attrs.get("title") if node.tag == "abbr" else "")  # the abbr pattern
            or node.text(deep=True)
            or ""
        )
        if value.strip():
            target.append((f"itemprop:{prop}", " ".join(value.split())))
            del targets[prop]
            if not targets:
                break


# An element with the attributes it was read with (selectolax builds the dict anew at
# every read).
_Read = tuple[LexborNode, dict[str, str | None]]
# A post's tag link (the rel="tag" microformat): found with the metadata, read by the
# tag rule.
_TAG_LINK = 'a[rel~="tag"]'
# Every element ``read_page`` reads, and the page's tag links, in one query: each query
# walks the whole page. Its metas, h1s and times (read by their tag alone) too: lexbor
# tests each selector of a list on every element, which costs more instructions than
# ``tags``' compare of a tag (callgrind, an AEB pass: +41M in the query, -19M in the
# walks, of 4,100M), yet each ``tags`` is a walk of the whole tree of its own, and in
# time the three walks cost more than the three selectors: on each of AEB's 181 pages
# parsed afresh, 48.7 → 39.5 ms for all of them (6 passes, the two alternating).
# Any ``[itemprop]``, not the three values read: one attribute test in place of three cost
# a third less (on AEB); the few other microdata elements it finds fall in no list of
# ``_elements``, which tests the values itself.
# A JavaScript framework's page data, where it may ship an article's text alone
# (``page_data``): Next.js's script, and Nuxt's app root (``<div id="__nuxt">``, Nuxt 2's
# and 3's alike), whose payload is in a script without a mark a selector can read
NUXT_ROOT = "__nuxt"
PAGE_DATA = f'script#__NEXT_DATA__[type="application/json"], #{NUXT_ROOT}'
# hAtom's publication in an old theme's ``<abbr class="published" title="2026-11-27T08:17:00
# +02:00">27 ноем.</abbr>``: its machine date in the title, the text a short day without
# the year. Read as a ``<time datetime>`` is (``page_times``, ``far_dates.stated_time``):
# lozarevo (round 64) had no other machine date, and its pages went undated.
HATOM_PUBLISHED = "abbr.published"
# A link to a place on the page itself, where a table of contents may stand (``page_toc``)
IN_PAGE_LINKS = 'a[href^="#"]'
_READ = (
    f'script[type="application/ld+json"], [itemprop], [property][content], {_TAG_LINK}, '
    f"meta, h1, time, {HATOM_PUBLISHED}, {PAGE_DATA}, {IN_PAGE_LINKS}"
)


@dataclass
class _Elements:
    jsonld: list[LexborNode] = field(default_factory=list)
    metas: list[_Read] = field(default_factory=list)
    dated: list[_Read] = field(default_factory=list)  # itemprop datePublished/dateModified
    headlines: list[_Read] = field(default_factory=list)  # itemprop="headline"
    accessible: list[_Read] = field(default_factory=list)  # itemprop="isAccessibleForFree"
    rdfa: list[_Read] = field(default_factory=list)  # elements with property and content
    time: _Read | None = None  # the first <time datetime>
    h1s: list[LexborNode] = field(default_factory=list)
    times: list[LexborNode] = field(default_factory=list)
    tag_links: list[LexborNode] = field(default_factory=list)  # a[rel~="tag"]
    page_data: list[LexborNode] = field(default_factory=list)  # ``PAGE_DATA``
    in_page_links: list[LexborNode] = field(default_factory=list)  # ``IN_PAGE_LINKS``
    bodies: list[LexborNode] = field(default_factory=list)  # itemprop~="articleBody"


def _elements(tree: LexborHTMLParser) -> _Elements:
    """The elements of ``_READ``, sorted by the selector that found them, in page order,
    and the page's metas, h1s and first ``<time datetime>``.

    Lexbor lists an element once for each selector it matches, the copies one after the
    other (it tries every selector on an element before the next): each is taken once by
    passing over a copy of the element before it, no set of all kept. The
    tests repeat the selectors' own: lexbor matches ``type`` without ASCII case (HTML's
    rule for it); lower() equals that ASCII folding on "application/ld+json", whose
    letters no other character lower-cases to alone. The ``itemprop`` values read are
    picked here, exactly, from every ``[itemprop]`` found.
    """
    found = _Elements()
    metas, h1s, times = found.metas, found.h1s, found.times
    last = -1  # (mem_ids are never negative)
    for node in tree.css(_READ):
        key = node.mem_id  # (a property of selectolax's: read once)
        if key == last:
            continue
        last = key
        tag, attrs = node.tag, node.attributes
        if tag == "meta":
            metas.append((node, attrs))
        elif tag == "h1":
            h1s.append(node)
        elif tag == "time":
            times.append(node)
            if found.time is None and "datetime" in attrs:
                found.time = (node, attrs)
        elif tag == "abbr":  # (``HATOM_PUBLISHED``: listed with the <time>s, in page order)
            times.append(node)
        if tag == "script" and (attrs.get("type") or "").lower() == "application/ld+json":
            found.jsonld.append(node)
        elif (
            tag == "script"
            and attrs.get("id") == "__NEXT_DATA__"
            and (attrs.get("type") or "").lower() == "application/json"
        ) or attrs.get("id") == NUXT_ROOT:
            # (not an element another selector found alone: ``PAGE_DATA``'s own tests)
            found.page_data.append(node)
        itemprop = attrs.get("itemprop")
        if itemprop and "articleBody" in itemprop and "articleBody" in itemprop.split():
            found.bodies.append(node)
        if itemprop in ("datePublished", "dateModified"):
            found.dated.append((node, attrs))
        elif itemprop == "headline":
            found.headlines.append((node, attrs))
        elif itemprop == "isAccessibleForFree":
            found.accessible.append((node, attrs))
        if "property" in attrs and "content" in attrs:
            found.rdfa.append((node, attrs))
        if tag == "a":
            if "rel" in attrs and (_only_tag_link(attrs) or node.css_matches(_TAG_LINK)):
                found.tag_links.append(node)
            if (attrs.get("href") or "").startswith("#"):
                found.in_page_links.append(node)
    return found


def _only_tag_link(attrs: dict[str, str | None]) -> bool:
    """A link ``_READ`` found can match no selector of it but ``_TAG_LINK``: it is a tag
    link, without asking lexbor again (a query of its own for each, which parses the
    selector anew: a tenth of reading the page's metadata on AEB, whose tag links are
    many). One with microdata attributes may have been found through those, and an
    in-page link through ``IN_PAGE_LINKS``."""
    return (
        "itemprop" not in attrs
        and not ("property" in attrs and "content" in attrs)
        and not (attrs.get("href") or "").startswith("#")
    )


def _of_the_page(node: LexborNode) -> bool:
    """Whether a microdata statement speaks of the page's article: stated outside any
    item, or in the item (past a ``hasPart`` of it) that is the whole page or holds its
    h1 or ``articleBody``. A sidebar's or a related list's teaser card is an item of its
    own, of another article: its ``isAccessibleForFree`` false made a free page paid."""
    scope = node.parent
    while scope is not None:
        attrs = scope.attributes
        if "itemscope" in attrs and "hasPart" not in (attrs.get("itemprop") or "").split():
            break
        scope = scope.parent
    if scope is None or scope.tag in ("html", "body"):
        return True
    return scope.css_first('h1, [itemprop~="articleBody"]') is not None


def _read_microdata_headline(headlines: list[_Read], meta: Metadata) -> None:
    """The headline a page states in microdata: Joomla prints its article title as
    ``<h2 itemprop="headline">`` (no h1), while its template may make the site's name the
    h1 and its ``<title>`` "Site - Headline". Only when the page has exactly one: a page
    listing several posts marks each one's headline so, and none of them is the page's."""
    if len(headlines) != 1:
        return
    node, attrs = headlines[0]
    value = attrs.get("content") if node.tag == "meta" else node.text(deep=True)
    meta.microdata_headline = as_title(" ".join((value or "").split()))


# JSON may escape a lone UTF-16 surrogate ("\ud800"), which json.loads keeps: no UTF-8
# can hold it, and as an author or a tag it reached SQLite, whose encoder ended the crawl.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _drop_lone_surrogates(data: Any) -> None:
    """Remove lone surrogates from every string value in ``data``, in place (a pair json
    already joined into one character stays)."""
    todo = [data]
    while todo:
        node = todo.pop()
        if not isinstance(node, (dict, list)):
            continue
        for key, value in list(node.items() if isinstance(node, dict) else enumerate(node)):
            if isinstance(value, str):
                node[key] = value.encode("utf-8", "ignore").decode("utf-8")
            else:
                todo.append(value)


def _walk_jsonld(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, list):
        for item in node:
            yield from _walk_jsonld(item)
    elif isinstance(node, dict):
        yield node
        for key in ("@graph", "mainEntity", "hasPart"):
            if key in node:
                yield from _walk_jsonld(node[key])


def _types(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type", "")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        value = unescape_references(value.strip())
        return [value] if value else []
    if isinstance(value, dict):
        return _names(value.get("name", ""))
    if isinstance(value, list):
        return [name for item in value for name in _names(item)]
    return []


def _referenced(value: Any, by_id: dict[str, dict[str, Any]]) -> Any:
    """An author given as a reference (``{"@id": ".../#/schema/person/…"}``) replaced by
    the node it names: Yoast SEO, on most WordPress sites, states the Article's author
    only so, with the Person and its name elsewhere in the ``@graph``."""
    if isinstance(value, list):
        return [_referenced(item, by_id) for item in value]
    if isinstance(value, dict) and "name" not in value and isinstance(value.get("@id"), str):
        return by_id.get(value["@id"], value)
    return value


def _is_org(value: Any) -> bool:
    return isinstance(value, dict) and bool(
        _types(value) & {"organization", "newsmediaorganization"}
    )


def _people(value: Any) -> Any:
    """The author value without its Organization entries."""
    if isinstance(value, list):
        return [v for v in value if not _is_org(v)]
    return None if _is_org(value) else value


def _orgs(value: Any) -> Any:
    if isinstance(value, list):
        return [v for v in value if _is_org(v)]
    return value if _is_org(value) else None


def _jsonld_texts(elements: _Elements) -> Iterator[str]:
    """The JSON-LD blocks: in script elements, and in the ``<meta name="script:ld+json">``
    that Remix's ``meta`` export renders when a route states its structured data there."""
    for script in elements.jsonld:
        yield script.text_lexbor()
    for _, attrs in elements.metas:
        if (attrs.get("name") or "") == "script:ld+json":
            yield attrs.get("content") or ""


def _free_value(value: Any) -> bool | None:
    """An ``isAccessibleForFree`` as a boolean: JSON's ``true``/``false``, or the string
    schema.org's examples and many CMSs write ("False", "false", "True"); None for
    anything else (absent, a number, a word no reader can be sure of)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return {"true": True, "false": False}.get(value.strip().lower())
    return None


def _read_access(node: dict[str, Any]) -> list[tuple[str, bool]]:
    """An article node's ``isAccessibleForFree``, and that of each ``hasPart`` naming the
    part of the page it speaks of (``cssSelector``): Google's markup of a paid article
    states it of both, or of the part alone."""
    stated: list[tuple[str, bool]] = []
    free = _free_value(node.get("isAccessibleForFree"))
    if free is not None:
        stated.append(("jsonld:isAccessibleForFree", free))
    parts = node.get("hasPart")
    for part in parts if isinstance(parts, list) else [parts]:
        if isinstance(part, dict) and part.get("cssSelector"):
            free = _free_value(part.get("isAccessibleForFree"))
            if free is False:  # (a free part says nothing of the rest of the page)
                stated.append(("jsonld:hasPart", free))
    return stated


def _read_jsonld(elements: _Elements, meta: Metadata) -> None:
    best_rank = 99
    # Access is read of the page's own article node (the first, whose headline is read)
    # and of its WebPage nodes, decided after: a related article's node in the ``@graph``
    # stating it is paid spoke of that article, not this page's.
    article_access: list[tuple[str, bool]] = []
    page_access: list[tuple[str, bool]] = []
    for text in _jsonld_texts(elements):
        try:
            data = json.loads(text or "null", strict=False)
        except (ValueError, RecursionError):
            continue
        if _SURROGATE_ESCAPE.search(text):
            _drop_lone_surrogates(data)
        nodes = list(_walk_jsonld(data))
        by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
        for node in nodes:
            kinds = _types(node)
            if not kinds & _ARTICLE_TYPES:
                continue
            rank = 1 if "webpage" in kinds else 0
            if rank:
                page_access.extend(_read_access(node))
            elif best_rank:  # (the page's article node: no other read before it)
                article_access = _read_access(node)
            headline = node.get("headline") or node.get("name") or ""
            body = node.get("articleBody")
            if isinstance(body, str) and isinstance(headline, str) and body.strip():
                meta.jsonld_bodies.append((as_title(" ".join(headline.split())), body))
            if rank > best_rank:
                continue
            published = node.get("datePublished") or node.get("dateCreated") or ""
            modified = node.get("dateModified") or ""
            if isinstance(modified, str) and modified.strip():
                if rank < best_rank or not meta.jsonld_modified:
                    meta.jsonld_modified = modified.strip()
            if isinstance(headline, str) and headline.strip() and rank < best_rank:
                meta.jsonld_headline = as_title(" ".join(headline.split()))
            if isinstance(published, str) and published.strip():
                if rank < best_rank or not meta.jsonld_published:
                    meta.jsonld_published = published.strip()
            author = _referenced(node.get("author"), by_id)
            people, orgs = _names(_people(author)), _names(_orgs(author))
            if people and (rank < best_rank or not meta.jsonld_author):
                meta.jsonld_author = ", ".join(dict.fromkeys(people))
            if orgs and (rank < best_rank or not meta.jsonld_org_author):
                meta.jsonld_org_author = ", ".join(dict.fromkeys(orgs))
            keywords = node.get("keywords")
            if isinstance(keywords, str):
                meta.jsonld_keywords = [k.strip() for k in keywords.split(",") if k.strip()]
            elif isinstance(keywords, list):
                meta.jsonld_keywords = [str(k).strip() for k in keywords if str(k).strip()]
            best_rank = min(best_rank, rank)
    meta.access_stated.extend((*article_access, *page_access))


def _first_name_first(name: str) -> str:
    """ "Roy, Aniruddha" -> "Aniruddha Roy": Google Scholar's ``citation_author`` tags
    name one author each, surname first, which joined as co-authors ("Roy, Aniruddha,
    Patel, Jyoti") would read as four people. A single one stays as the page states it."""
    parts = [p.strip() for p in name.split(",")]
    if len(parts) == 2 and all(0 < len(p.split()) <= 3 for p in parts):
        return f"{parts[1]} {parts[0]}"
    return name


def _meta_authors(authors: dict[str, list[str]]) -> str:
    """The writers the first author meta name gives, one tag per co-author ("A, B"), or
    those of a later name that lists more people, the first writer among them: a page
    may state only its first author as ``DC.Creator`` and all of them as repeated
    ``citation_authors`` tags."""
    lists = [
        [_first_name_first(n) for n in names]
        if key.startswith("citation_author") and len(names) > 1
        else names
        for key, names in authors.items()
    ]
    if not lists:
        return ""
    chosen = lists[0]
    for other in lists[1:]:
        if len(other) > len(chosen) and chosen[0] in other:
            chosen = other
    return ", ".join(chosen)


def _canonical_links(tree: LexborHTMLParser) -> list[LexborNode]:
    """The page's canonical links: those of its head, when it has any, as the page's
    own; else any in the document, since a stray tag in a sloppy head makes the parser
    start the body early, the canonical after it then in the body (11 of 711 WCXB dev
    pages). A body's own copy of another page's head (an embedded card) is not asked."""
    selector = 'link[rel="canonical"]'
    head = tree.head
    return (head.css(selector) if head is not None else []) or tree.css(selector)


def _first_title(tree: LexborHTMLParser) -> LexborNode | None:
    """The page's first ``<title>``: the head's, when it has one, which comes before
    anything in the body; else the body's (an SVG's, or one a sloppy head let into the
    body). A query of the whole page, which ``css_first`` is too, cost about as much as
    reading the rest of the metadata."""
    head = tree.head
    title = head.css_first("title") if head is not None else None
    return title if title is not None else tree.css_first("title")


def read_page(tree: LexborHTMLParser) -> tuple[Metadata, list[LexborNode], list[LexborNode]]:
    """Metadata from the head and structured data (never raises on odd markup), and the
    page's h1s and tag links in page order: the title and tag rules read those, and the
    walks that find the metadata's elements find them (each walk is of the whole page)."""
    meta = Metadata()
    labelled: dict[str, str] = {}
    authors: dict[str, list[str]] = {}  # per meta name, in page order
    elements = _elements(tree)
    _read_jsonld(elements, meta)
    for _, attrs in elements.metas:
        key = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        content = (attrs.get("content") or "").strip()
        if not key and content and not meta.content_language:
            # (an http-equiv's own name is no meta name: "last-modified" there is a
            # server's header copied, never read as the page's modified date)
            if (attrs.get("http-equiv") or "").strip().lower() == "content-language":
                meta.content_language = content
        if not key or not content:
            continue
        if key == "og:title" and not meta.og_title:
            meta.og_title = as_title(content)
        elif key == "twitter:title" and not meta.twitter_title:
            meta.twitter_title = as_title(content)
        elif key == "og:url" and not meta.og_url:
            meta.og_url = content
        elif key == "og:site_name" and not meta.og_site_name:
            meta.og_site_name = content
        elif key == "og:locale" and not meta.og_locale:
            meta.og_locale = content
        elif key in _PUBLISHED_KEY_SET:
            meta.meta_published.append((key, content))
        elif key in _MODIFIED_KEY_SET:
            meta.meta_modified.append((key, content))
        elif key in _AUTHOR_KEY_SET and not content.startswith("http") and not content.isdigit():
            # An attribute's line breaks are its template's indentation, not lines a
            # reader sees: "Jane Doe\n\t\t and John Roe" names both (``clean_byline``
            # keeps a byline element's first line only).
            content = " ".join(content.split())
            authors.setdefault(key, [])
            if content not in authors[key]:
                authors[key].append(content)
        elif key == "article:tag":
            meta.meta_tags.append(content)
        elif key.startswith(("twitter:label", "twitter:data")):
            labelled[key] = content
        elif key == "article:content_tier" and not meta.content_tier:
            meta.content_tier = content.lower()
    meta.meta_author = _meta_authors(authors)
    meta.labelled_author = next(
        (
            labelled.get(key.replace("label", "data"), "")
            for key, label in sorted(labelled.items())
            if key.startswith("twitter:label") and label.strip().lower() in _AUTHOR_LABELS
        ),
        "",
    )
    meta.meta_published.sort(key=lambda kv: PUBLISHED_KEYS.index(kv[0]))
    meta.meta_modified.sort(key=lambda kv: MODIFIED_KEYS.index(kv[0]))
    _read_itemprop_dates(elements.dated, meta)
    _read_rdfa_dates(elements.rdfa, meta)
    _read_microdata_headline(elements.headlines, meta)
    for node, attrs in elements.accessible:
        if not _of_the_page(node):
            continue
        stated = attrs.get("content") if node.tag == "meta" else node.text(deep=True)
        free = _free_value(stated)
        if free is not None:
            meta.access_stated.append(("microdata:isAccessibleForFree", free))
    root = tree.root  # (the <html> element: a query for it walked the whole page)
    meta.lang = (root.attributes.get("lang") or "") if root is not None else ""
    for link in _canonical_links(tree):
        if href := (link.attributes.get("href") or "").strip():
            meta.canonicals.append(href)
    title = _first_title(tree)
    if title is not None:
        meta.html_title = as_title(" ".join(title.text_lexbor().split()))
    if elements.time is not None:
        meta.time_datetime = (elements.time[1].get("datetime") or "").strip()
    meta.times = elements.times
    meta.page_data = elements.page_data
    meta.bodies = elements.bodies
    meta.in_page_links = elements.in_page_links
    return meta, elements.h1s, elements.tag_links
