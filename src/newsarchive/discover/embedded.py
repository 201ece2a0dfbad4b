"""News items a page holds only in its embedded page data, not as links.

A site built with a JS framework (Next.js, Gatsby, Astro, a Nuxt 2 payload in JSON, Nuxt
3's in devalue's flat form: ``discover.devalue``) server-renders the first few cards of a
listing as ``<a>`` and ships the whole page's items in a ``<script
type="application/json">`` blob (``__NEXT_DATA__``, ``__NUXT_DATA__``; Angular Universal's
transfer state, escaped its own way), in a script of JavaScript literals (Nuxt 2's
``window.__NUXT__``, Next.js's App Router ``self.__next_f`` pushes, a literal assigned to a
global or a constant: Remix's ``window.__remixContext = {…}``, SvelteKit's ``const data =
[…]``; ``discover.jsvalue``) or in an Astro island's ``props`` (``discover.astro``), a
JSON string inside any of them read too (SvelteKit's ``data-sveltekit-fetched`` response
keeps the API's answer as text). The browser turns them into the rest of the cards
(lazy-loaded, "Зареди още"). A person scrolling sees every one of them; a crawler reading
only ``<a>`` sees the first few, and the rest of each page is never archived.

A page may also state its list outright: a schema.org ``ItemList`` in its JSON-LD
(``itemListElement`` of ``ListItem``, each with a ``position`` and a ``url``, or an
``item`` naming one), which a site's script turns into the cards a person sees while the
body holds none (``listed_items``). Those entries need no headline: the list says what
they are.

An item here is a JSON object with a URL on the site (``url``, ``href``, ``link``,
``path``, ``permalink``...) and a headline-long title (``title``, ``headline``,
``name``; two words will do for an object stating its publication date), optionally a
publication date. Which of them are the listing's news is for the caller to decide
(``listings.article_links`` keeps those whose URL has the shape of the page's visible news
items). Bounded: a blob larger than ``MAX_BLOB`` characters is
not parsed, and at most ``MAX_NODES`` JSON values are visited per page.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from newsarchive.devalue import is_flat, unflatten
from newsarchive.discover.anchors import LinkReader, link_reader
from newsarchive.discover.astro import astro_props
from newsarchive.discover.headlines import printed_title
from newsarchive.discover.urls import normalize_url
from newsarchive.jsvalue import (
    ASSIGNED,
    angular_state,
    assigned_literals,
    next_flight,
    nuxt_payload,
)
from newsarchive.memo import memoised

MAX_BLOB = 2_000_000  # characters of one JSON script (Next.js warns at 128 kB)
MAX_NODES = 50_000  # JSON values visited per page
MIN_TITLE_WORDS = 4  # as ``items.MIN_HEADLINE_WORDS``: a label is not a headline
# ... unless the object states its publication: a menu entry has no date, and a news item
# may be titled in three words ("Пожарникарите проверяват хидрантите"). Not a creation
# date: a headless CMS stamps every object with one (its tags, its authors: 329 of them
# on one WCXB page), and a tag titled "tech advice" is no news item.
MIN_DATED_TITLE_WORDS = 2

# (``_path``: Nuxt Content's address of a document, ``/novini/<slug>``)
_URL_KEYS = (
    "url", "href", "link", "permalink", "canonical", "canonicalUrl", "path", "_path", "uri",
)  # fmt: skip
_TITLE_KEYS = ("title", "headline", "name")
_SLUG_KEY = "slug"  # an item's path, or its slug alone (``resolve_slugs``)
# what ``MIN_DATED_TITLE_WORDS`` counts: a publication, no creation
_PUBLISHED_KEYS = (
    "datePublished", "publishedAt", "published_at", "publishDate", "publish_date",
    "pubDate", "published", "date",
)  # fmt: skip
_DATE_KEYS = (*_PUBLISHED_KEYS, "createdAt", "created_at")


@dataclass(frozen=True)
class EmbeddedItem:
    """One item of a page's data: its URL (absolute, normal form), title and date."""

    url: str
    title: str
    published: dt.date | None = None
    slug: str = ""  # an item named by its slug alone (``url`` ""), until it is resolved


# A page's inline scripts that hold its data as JavaScript (``discover.jsvalue``)
_NUXT_MARK = "__NUXT__"
_NEXT_MARK = "__next_f.push("


# How a source of page data is read (``_data_sources``)
_JSON, _ASTRO, _NUXT, _ASSIGNED, _NEXT = "json", "astro", "nuxt", "assigned", "next"


def _data_sources(tree: LexborHTMLParser) -> Iterator[tuple[str, list[str]]]:
    """The page's data that may hold items, each with how it is read, in the order
    ``embedded_items`` reads it: its JSON scripts, Astro islands' props, inline scripts of
    Nuxt 2's page data or assigning a literal, and Next.js's RSC payload (its scripts
    together: an object may begin in one push and end in the next). Only data naming both
    a title and an address (``_may_hold_items``): nothing else can hold an item. The page
    is walked once for all of them (a walk of the tree costs as much as reading most
    pages' scripts)."""
    json_scripts: list[str] = []
    islands: list[str] = []
    inline: list[str] = []
    for node in tree.css("script, astro-island[props]"):
        if node.tag != "script":
            islands.append(node.attributes.get("props") or "")
            continue
        kind = node.attributes.get("type")
        if kind is not None and kind.lower() == "application/json":
            json_scripts.append(node.text(deep=True) or "")
        elif "src" not in node.attributes and _inline_kind(kind):
            inline.append(node.text(deep=True) or "")
    yield from ((_JSON, [text]) for text in json_scripts if _may_hold_items(text))
    yield from ((_ASTRO, [text]) for text in islands if _may_hold_items(text))
    flight = []
    for text in inline:
        if _NUXT_MARK in text:
            if _may_hold_items(text):
                yield _NUXT, [text]
        elif _NEXT_MARK in text:
            flight.append(text)
        elif _may_hold_items(text) and ASSIGNED.search(text) is not None:
            yield _ASSIGNED, [text]
    if flight and _may_hold_items("".join(flight)):
        yield _NEXT, flight


def _inline_kind(kind: str | None) -> bool:
    """A script's ``type`` that makes it JavaScript the page runs (none, or one naming it)."""
    return (kind or "").strip().lower() in (
        "",
        "text/javascript",
        "application/javascript",
        "module",
    )


def _may_hold_items(text: str) -> bool:
    """The text names both a key ``_item`` reads a title from and one it reads an
    address from: what any item has. A page's other data (a theme's settings, a
    consent banner's texts, an analytics queue) is seldom both, and is left unparsed."""
    return _names_key(text, _TITLE_KEYS) and _names_key(text, _ITEM_URL_KEYS)


_ITEM_URL_KEYS = (*_URL_KEYS, _SLUG_KEY)
# What follows a key however page data spells one: JSON's ``"title":``, JavaScript's
# ``title:`` or ``'title':``, JSON inside a string's ``\"title\":`` (escaped once or
# more, or ``\u0022``), Angular's ``&q;title&q;:``; and a member set, ``a.title=`` or
# ``a["title"]=`` (Nuxt 2's function filling an object it was passed: ``jsvalue`` reads both)
_KEY_END = re.compile(r"(?:\\*[\"']|&q;|\\u0022)?\s*:|[\"']\s*\]\s*=(?!=)")
_MEMBER_SET = re.compile(r"\s*=(?!=)")


def _names_key(text: str, names: tuple[str, ...]) -> bool:
    """Any of ``names`` stands in ``text`` as a key (``_KEY_END``), not inside a longer
    name (``filename:``). Found by ``str.find``, not a regular expression: this runs on
    every inline script of every listing page, megabytes on some, and a pattern that
    must look behind each character reads them ten times slower."""
    for name in names:
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            before = text[at - 1] if at else " "
            if before == "." and _MEMBER_SET.match(text, end):
                return True
            free = not (before.isalnum() or before in "_$") or text.endswith("\\u0022", 0, at)
            if free and _KEY_END.match(text, end):
                return True
            at = text.find(name, end)
    return False


def _page_values(tree: LexborHTMLParser) -> list[object]:
    """Every data value of the page's sources (``_data_sources``): its JSON scripts (Nuxt
    3's unflattened, an Angular transfer state unescaped), Astro's props, Nuxt 2's
    ``window.__NUXT__``, the literals scripts assign, Next.js's RSC payload."""
    values: list[object] = []
    for kind, texts in _data_sources(tree):
        if kind == _JSON:
            values.extend(_json_script(texts[0]))
        elif kind == _ASTRO:
            if (props := astro_props(texts[0])) is not None:
                values.append(props)
        elif kind == _NUXT:
            if (payload := nuxt_payload(texts[0])) is not None:
                values.append(payload)
        elif kind == _ASSIGNED:
            values.extend(
                value for name, value in assigned_literals(texts[0]) if not _navigation(name)
            )
        else:
            values.extend(next_flight(texts))
    return values


def _json_script(text: str) -> list[object]:
    """The values of one JSON script: none when it is malformed or too large."""
    if not text.strip() or len(text) > MAX_BLOB:
        return []
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):  # malformed, or nested past the parser's stack
        unescaped = angular_state(text)
        if unescaped is None:
            return []
        try:
            data = json.loads(unescaped)
        except (ValueError, RecursionError):
            return []
    # Nuxt 3's payload: indexes standing for the values. Read as it is too: a plain
    # list of records led by one of small numbers only ([{"page": 1}, {…}]) has that
    # shape, and its records are none of the values the unflattened root reaches.
    return [unflatten(data), data] if is_flat(data) else [data]


def embedded_items(tree: LexborHTMLParser, page_url: str) -> list[EmbeddedItem]:
    """Every object with a URL and a headline in the page's JSON data scripts, in the
    order the data holds them, each URL once. Never raises on malformed data."""
    values = _page_values(tree)
    if not values:
        return []  # (nearly every page: asked of every listing page read)
    read = link_reader(tree, page_url)
    found: dict[str, EmbeddedItem] = {}
    named: list[EmbeddedItem] = []  # items of a slug alone
    budget = [MAX_NODES]
    for root in values:
        # (a data URL is taken only root-relative or absolute (``_item``), which the
        # page's reader reads as its base does: the base alone, as ``json_items`` has)
        for item in _walk(root, read.base, budget):
            if item.url:
                found.setdefault(item.url, item)
            else:
                named.append(item)
    if named:  # (the page's links read only for items named by a slug alone)
        hrefs = [a.attributes.get("href") or "" for a in tree.css("a[href]")]
        for item in resolve_slugs(named, hrefs, read):
            found.setdefault(item.url, item)
    return list(found.values())


def resolve_slugs(
    items: list[EmbeddedItem], hrefs: list[str], read: LinkReader
) -> list[EmbeddedItem]:
    """Items the data names by their slug alone (a headless CMS's ``slug``, the page's
    script joining it to the section's path), given addresses: the page's links to some
    of them (its server-rendered cards) show where the slugs go, ``/novini/`` + slug,
    and the others are put there too. Nothing when no link ends in an item's slug, or
    links put them in more than one place (no one place to guess). The links are read
    as the page's are (``read``: ``novini/slug`` on ``/novini/`` puts them in ``/novini/``)."""
    if not items:
        return []
    slugs = {item.slug for item in items}
    places: set[tuple[str, str]] = set()
    for href in hrefs:
        url = read(href)
        if url is None:
            continue
        path_end = len(url.split("?", 1)[0].split("#", 1)[0])
        head, rest = url[:path_end], url[path_end:]
        trail = "/" if head.endswith("/") else ""
        stem = head.removesuffix("/")
        slug = stem.rsplit("/", 1)[-1]
        if slug in slugs and not rest:
            places.add((stem[: len(stem) - len(slug)], trail))
    if len(places) != 1:
        return []
    ((prefix, trail),) = places
    resolved = []
    for item in items:
        url = normalize_url(prefix + item.slug + trail)  # (prefix: an absolute URL)
        if url is not None:
            resolved.append(EmbeddedItem(url, item.title, item.published))
    return resolved


def json_items(data: object, base: str) -> list[EmbeddedItem]:
    """The items of one parsed JSON value (a "load more" endpoint's answer, a page's
    preloaded data: Nuxt 3's ``_payload.json`` in devalue's flat form), as
    ``embedded_items`` finds them in a page's scripts, each URL once."""
    found: dict[str, EmbeddedItem] = {}
    budget = [MAX_NODES]
    for root in (unflatten(data), data) if isinstance(data, list) and is_flat(data) else (data,):
        for item in _walk(root, base, budget):
            if item.url:
                found.setdefault(item.url, item)
    return list(found.values())


def _walk(data: object, base: str, budget: list[int]) -> list[EmbeddedItem]:
    """Objects that read as items, depth first in document order, without recursion. Each
    object or array once: a Nuxt 2 payload may hold one in two places, or in itself
    (devalue's ``a.self=a``), which would otherwise be walked until the budget ran out."""
    items: list[EmbeddedItem] = []
    stack: list[object] = [data]
    seen: dict[int, object] = {}  # (each kept alive: a freed one's id may be reused)
    while stack and budget[0] > 0:
        value = stack.pop()
        budget[0] -= 1
        if isinstance(value, dict | list):
            if id(value) in seen:
                continue
            seen[id(value)] = value
        if isinstance(value, dict):
            item = _item(value, base)
            if item is not None:
                items.append(item)
            stack.extend(reversed([v for k, v in value.items() if not _navigation(k)]))
        elif isinstance(value, list):
            stack.extend(reversed(value))
        elif isinstance(value, str) and (nested := _json_text(value)) is not None:
            stack.append(nested)
    return items


# The words that name a site's navigation in its data: a key or a variable (``menu``,
# ``mainMenu``, ``navigationMap``, ``footer_links``, ``breadcrumbs``) holding the theme's
# menu entries, each a URL and a title of a few words ("Find Forms and Documents") as a
# news item has, which would read as the items of a section page no visible news run
# shapes. Narrower than ``furniture``'s class words: ``tags``, ``header`` and ``sidebar``
# are fields of a CMS's own items (an article's tags, a page's header with its title).
_NAVIGATION_WORDS = frozenset(
    {"nav", "navs", "navbar", "navigation", "navigations", "menu", "menus", "submenu",
     "megamenu", "breadcrumb", "breadcrumbs", "footer"}
)  # fmt: skip
_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _names_navigation(name: str) -> bool:
    """A key or name of navigation data: one of its words, camelCase or snake_case split."""
    return any(word.lower() in _NAVIGATION_WORDS for word in _WORD.findall(name))


# (a page's data repeats a few hundred keys thousands of times; a key may be long: a
# GraphQL cache's holds its query's arguments)
_navigation = memoised(_names_navigation, 4096)


def _json_text(text: str) -> object:
    """The object or array a string holds as JSON text, else None: a response cached for
    the browser to replay keeps the API's answer as it came, a string (SvelteKit's
    ``data-sveltekit-fetched`` scripts, ``{"status":200,…,"body":"{\\"news\\":[…]}"}``)."""
    text = text.strip()
    if len(text) < 2 or len(text) > MAX_BLOB or (text[0], text[-1]) not in _JSON_ENDS:
        return None
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return None
    return value if isinstance(value, dict | list) else None


_JSON_ENDS = {("{", "}"), ("[", "]")}


def _title(obj: dict[str, object]) -> str | None:
    """The object's title: a string, or WordPress's REST API's ``{"rendered": "…"}``,
    which holds it as the page prints it (``&#8222;…&#8220;``, now and then a tag), read
    as a person sees it by the rule a feed's title is (``headlines.printed_title``).
    None when it has none."""
    for key in _TITLE_KEYS:
        value = obj.get(key)
        if isinstance(value, str):
            return value
        if isinstance(value, dict) and isinstance(rendered := value.get("rendered"), str):
            return printed_title(rendered)
    return None


def _item(obj: dict[str, object], base: str) -> EmbeddedItem | None:
    obj = _with_parts(obj)
    title = _title(obj) or ""
    words = len(title.split())
    if words < MIN_DATED_TITLE_WORDS:
        return None
    if words < MIN_TITLE_WORDS and _date(obj, _PUBLISHED_KEYS) is None:
        return None
    published = _date(obj)
    for key in _URL_KEYS:
        raw = obj.get(key)
        if isinstance(raw, str) and raw.strip().startswith(("/", "http://", "https://")):
            url = normalize_url(raw, base)
            if url is not None:
                return EmbeddedItem(url, " ".join(title.split()), published)
    slug = obj.get(_SLUG_KEY)
    if isinstance(slug, str) and slug.startswith("/"):  # a slug that is the item's path
        url = normalize_url(slug.strip(), base)
        if url is not None:
            return EmbeddedItem(url, " ".join(title.split()), published)
    if isinstance(slug, str) and _SLUG.fullmatch(slug):
        return EmbeddedItem("", " ".join(title.split()), published, slug)
    return None


def _with_parts(obj: dict[str, object]) -> dict[str, object]:
    """The object with the strings of the objects it holds that it lacks: an item whose
    title and address a static site generator keeps apart (Gatsby's Markdown nodes,
    ``{"fields": {"slug": "/novini/x/"}, "frontmatter": {"title": …, "date": …}}``).
    An object holding a title of its own is read as it is: an address one of its parts
    holds is that part's (a post's category, its author's page), not the post's."""
    if _title(obj) is not None:
        return obj
    parts = [part for part in obj.values() if isinstance(part, dict)]
    if not parts:
        return obj
    merged = dict(obj)
    for part in parts:
        for key, value in part.items():
            if isinstance(value, str) and not isinstance(merged.get(key), str):
                merged[key] = value
    return merged


# A slug as a CMS writes it: letters, digits and dashes (Latin or Cyrillic), no path
_SLUG = re.compile(r"[^\W_](?:[\w-]{0,200}[^\W_])?")


def _date(obj: dict[str, object], keys: tuple[str, ...] = _DATE_KEYS) -> dt.date | None:
    for key in keys:
        raw = obj.get(key)
        if isinstance(raw, str) and raw:
            try:
                return dt.datetime.fromisoformat(raw.strip()).date()
            except ValueError:
                continue
    return None


def listed_items(tree: LexborHTMLParser, page_url: str) -> list[EmbeddedItem]:
    """The entries of the page's JSON-LD ``ItemList``s, by ``position`` within each list
    (document order where none is given), each URL once; their title is the entry's
    ``name`` or empty. A ``BreadcrumbList`` is no list of items. Bounded as
    ``embedded_items``; never raises on malformed data."""
    read = link_reader(tree, page_url)
    found: dict[str, EmbeddedItem] = {}
    budget = [MAX_NODES]
    for script in tree.css("script[type]"):
        if (script.attributes.get("type") or "").strip().lower() != "application/ld+json":
            continue
        text = script.text(deep=True) or ""
        if not text.strip() or len(text) > MAX_BLOB:
            continue
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue
        for entries in _item_lists(data, budget):
            for item in _list_entries(entries, read):
                found.setdefault(item.url, item)
    return list(found.values())


def _item_lists(data: object, budget: list[int]) -> list[list[object]]:
    """The ``itemListElement`` of every object typed ``ItemList`` (alone or among its
    types), wherever it sits (a ``@graph``, a page's ``mainEntity``)."""
    lists: list[list[object]] = []
    stack: list[object] = [data]
    while stack and budget[0] > 0:
        value = stack.pop()
        budget[0] -= 1
        if isinstance(value, dict):
            kind = value.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            entries = value.get("itemListElement")
            if "ItemList" in kinds and isinstance(entries, list):
                lists.append(entries)
                continue
            stack.extend(reversed(list(value.values())))
        elif isinstance(value, list):
            stack.extend(reversed(value))
    return lists


def _list_entries(entries: list[object], read: LinkReader) -> list[EmbeddedItem]:
    ranked: list[tuple[float, int, EmbeddedItem]] = []
    for order, entry in enumerate(entries):
        if isinstance(entry, str):  # a bare list of URLs is allowed too
            entry = {"url": entry}
        if not isinstance(entry, dict):
            continue
        inner = entry.get("item")
        raw = entry.get("url")
        name = entry.get("name")
        if isinstance(inner, str) and raw is None:
            raw = inner
        elif isinstance(inner, dict):
            raw = raw if isinstance(raw, str) else inner.get("url") or inner.get("@id")
            name = name if isinstance(name, str) else inner.get("name") or inner.get("headline")
        if not isinstance(raw, str) or not raw.strip():
            continue
        url = read(raw.strip())
        if url is None:
            continue
        rank = _rank(entry.get("position"), order)
        title = " ".join(name.split()) if isinstance(name, str) else ""
        ranked.append((rank, order, EmbeddedItem(url, title)))
    return [item for _, _, item in sorted(ranked, key=lambda r: (r[0], r[1]))]


def _rank(position: object, order: int) -> float:
    """An entry's ``position`` as a number to sort by, else where it stands (``order``):
    an integer no float holds (``10**400``) or NaN, which would sort nowhere, rank so."""
    if not isinstance(position, int | float):
        return float(order)
    try:
        rank = float(position)
    except OverflowError:
        return float(order)
    return float(order) if math.isnan(rank) else rank
