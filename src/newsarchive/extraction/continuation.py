"""An article split over pages: where its next page is, and its whole text, once.

Newspapers cut long articles into pages ("Страници: 1 2 3 Следваща страница »"): page 2
at ``?page=2`` (Drupal's 0-based ``?page=1``, Joomla's ``?start=1`` or ``?limitstart=1``)
or, with WordPress's ``<!--nextpage-->``, at ``/slug/2/``. A research archive keeps one
article under its first page's URL holding the whole text: page 1 alone is a fragment,
and page 2 alone is no article (the first page's headline over a text that starts
mid-way).

A next page is known by its address, not by its link's words: this page's path with the
page number one up, in a page parameter or a last path segment, nothing else changed (but
the host's ``www.``, which a theme's hard-coded links may spell and the server sends on,
as an article's identity ignores it: ``url_key``). A
"next article" link, another article's address or a listing's pager never is one. A page
met on its own is a later page only when its link back says so too (a pager's number,
"страница"): articles numbered ``?page=3`` link ``?page=2`` as well. A "next page" that
opens with the first page's text again is the same article once more (a comments page, a
print copy), not a continuation: nothing of it is added. Pure: HTML and URL in, URL out;
articles in, article out.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.discover import pager_words
from newsarchive.discover.anchors import link_reader
from newsarchive.discover.urls import normalize_url, url_key
from newsarchive.extraction.text_language import article_language
from newsarchive.hosts import www_twins
from newsarchive.markup import page_tree, parse_html
from newsarchive.models import TEXT_PAGE, TEXT_PAGES, Article

MAX_PARTS = 10  # pages of one article read, the first included
T = TypeVar("T")
# The parameters sites number an article's pages by. Not ``p``: WordPress's ``?p=N`` is
# a post's id, and the next post's id is one up too.
# Besides the pager's spellings of "page": Joomla's ``start`` and ``limitstart``, "part".
_PAGE_PARAM_NAMES = (*pager_words.PAGE_IN_ADDRESSES, "part", "start", "limitstart")
_PAGE_PARAMS = frozenset(_PAGE_PARAM_NAMES)
# Something a next page's address could be made of; a page without it is not parsed.
# (``/slug/2/``, or ``2/`` alone: WordPress's page 2 linked relative to the page's folder)
_HINT = re.compile(
    rf"[?&;](?:{'|'.join(_PAGE_PARAM_NAMES)})=\d|/\d{{1,2}}/?[\"'#]|[\"']\d{{1,2}}/[\"'#]",
    re.IGNORECASE,
)
# A next page's number is a parameter's whole value or a path segment's (``_one_up``): a
# link with no digit opening either is not one, whatever its normal form.
_NUMBER_OPENS = re.compile(r"(?:^|[=/])\d")
_NUMBER_SEGMENT = re.compile(r"^(.*?)/(\d{1,2})/?$")
# A numbered page's path is an article's slug and its number (WordPress's /slug/2/): the
# slug has words joined by hyphens; "/news" + "/7" is an article's id under a section.
_SLUG = re.compile(r"[^\W\d_][-_.]|[-_.][^\W\d_]")
# A post's id as the last segment (WordPress's numeric permalinks, ``/archives/540/``):
# three digits or more, never a page number (``MAX_PARTS``) itself.
_POST_ID = re.compile(r"/\d{3,}$")
# What a later page may add to its headline: "(2)", "- страница 2", "стр. 2", "част 2" (a
# bare number is the headline's own: "Сесия 12" and "Сесия 13" are two articles): any name
# of the pager's for a page, its abbreviation's dot or none.
_NOUNS = "|".join(pager_words.PAGE_NOUNS)
_PAGE_MARK = re.compile(
    rf"\s*(?:[-–—|:,]\s*)?(?:\((?:(?:{_NOUNS})\.?\s*)?\d{{1,2}}\)|(?:{_NOUNS})\.?\s*\d{{1,2}})\s*$",
    re.IGNORECASE,
)

# What a pager's link to a page may say besides the number: the page, and which way.
# (only the ways back: the link leads to the page before; and the words around them, "Към
# предишната страница", "Go to page 1")
_PAGE_WORDS = frozenset(pager_words.PAGE_NOUNS)
_PAGER_WORDS = _PAGE_WORDS | frozenset(
    (*pager_words.TO_FIRST, *pager_words.BACK, "към", "на", "go", "to")
)
_WORDS = re.compile(r"[^\W_]+")


def next_part(
    html: str, page_url: str, *, later: bool = False, tree: LexborHTMLParser | None = None
) -> str | None:
    """The address of this article's next page (``rel=next`` first, then the page's
    links in order), or None when the article ends here. Unless ``later`` (a page after
    the first), the page is the article's first, so its own address carries no page
    number past 1: ``/news/7`` linking ``/news/8`` is one article linking the next.
    ``tree``: the page's, when the caller has parsed it (it is not parsed again)."""
    if not _HINT.search(html):
        return None
    if tree is None:
        tree = parse_html(html)
    here = normalize_url(page_url)
    if here is None:
        return None
    read = link_reader(tree, page_url)
    links = [
        node.attributes.get("href") or ""
        for node in tree.css("link[rel][href], a[rel][href]")
        if "next" in (node.attributes.get("rel") or "").lower().split()
    ]
    links += [node.attributes.get("href") or "" for node in tree.css("a[href]")]
    for href in links:
        if not _NUMBER_OPENS.search(href):
            continue  # (most links need no normal form: see ``_NUMBER_OPENS``)
        url = read(href)
        if url and _follows(here, url, later=later):
            return url
    return None


def first_of(html: str, page_url: str, tree: LexborHTMLParser | None = None) -> str | None:
    """The page before this one when this is a later page of an article split over pages (its
    address numbered past the first page, at most ``MAX_PARTS``, and the page linking
    the address it follows as a pager does: ``_pager_link``), else None. Page 2 reached
    on its own (a sitemap, a stray link) is no article: it is read with its first page.
    A number past ``MAX_PARTS`` is never reached from a first page (``later_pages``), so
    settling its page as a later one would lose it: ``?page=123`` linking ``?page=122``
    is an article whose id is the parameter, linking the one before. Only an address
    with a page number is parsed (unless the caller gives its ``tree``)."""
    here = normalize_url(page_url)
    if here is None or not _numbered_address(here):
        return None
    if tree is None:
        tree = parse_html(html)
    read = link_reader(tree, page_url)
    for node in tree.css("link[rel][href], a[href]"):
        url = read(node.attributes.get("href") or "")
        if url and url != here and _follows(url, here, later=True) and _pager_link(node):
            return url
    return None


def _pager_link(node: LexborNode) -> bool:
    """The link says it leads to a page of this article, not to another article: a
    pager's number ("2"), words naming a page ("« Предишна страница"), an icon (no
    words), or a ``<link rel="prev">`` naming no headline. An article whose id is a page
    parameter (``?page=3``) links the one before it ("« Предишна", "Предишна новина",
    or its headline, as WordPress's and Joomla's previous-post links do): ``?page=2`` is
    another article there, and settling ``?page=3`` as its later page would lose it."""
    said = (node.attributes.get("title") or "") if node.tag == "link" else node.text(deep=True)
    if not said and node.tag == "a":
        said = node.attributes.get("title") or node.attributes.get("aria-label") or ""
    words = _WORDS.findall(said.casefold())
    if not words:
        return True
    return all(w.isdigit() or w in _PAGER_WORDS for w in words) and any(
        w.isdigit() or w in _PAGE_WORDS for w in words
    )


def _numbered_address(url: str) -> bool:
    """The address carries a page number a reading from the first page reaches."""
    parts = urlsplit(url)
    numbers = [v for k, v in parse_qsl(parts.query) if k.lower() in _PAGE_PARAMS and v.isdigit()]
    base, number = _numbered(parts.path)
    if number is not None and _paged_base(base, parts.path):
        numbers.append(number)
    return any(int(n) <= MAX_PARTS for n in numbers)


def later_pages(
    following: str | None, page_url: str, page: Callable[[str], tuple[T, str | None] | None]
) -> Iterator[T]:
    """The article's later pages in order from the first's next page (``following``: its
    ``next_part``), each as ``page(url)`` reads it: what the caller makes of the page and
    the page's own next page (``next_part`` with ``later``), both read from one parse of
    it, the next page before extraction changes the tree; None: it could not be had, and
    the reading ends there. At most ``MAX_PARTS`` pages in all, none twice. The crawl's
    ``page`` fetches; a re-extraction's looks the page up among the article's captures."""
    seen = {url_key(page_url)}
    url = following
    while url is not None and url_key(url) not in seen and len(seen) < MAX_PARTS:
        seen.add(url_key(url))
        got = page(url)
        if got is None:
            return
        yield got[0]
        url = got[1]


def read_part(
    html: str, url: str, extracting: Callable[[str, str, LexborHTMLParser], T]
) -> tuple[T, str | None]:
    """A later page of an article parsed once (``markup.page_tree``), as ``later_pages``
    asks: what ``extracting`` (HTML, URL, tree) makes of it, and its own next page, read
    first, before extraction may change the tree (``pipeline.changes_tree``)."""
    tree = page_tree(html)
    following = next_part(html, url, later=True, tree=tree)
    return extracting(html, url, tree), following


def _follows(here: str, there: str, *, later: bool) -> bool:
    """``there`` is ``here`` with the page number one up (an absent one counting as the
    first page, numbered 0 or 1), and nothing else changed; ``here`` numbered past the
    first page only when ``later``."""
    one, other = urlsplit(here), urlsplit(there)
    if one.scheme != other.scheme or not www_twins(one.netloc.lower(), other.netloc.lower()):
        return False
    if one.path == other.path:
        mine = dict(parse_qsl(one.query, keep_blank_values=True))
        theirs = dict(parse_qsl(other.query, keep_blank_values=True))
        changed = {k for k in mine.keys() | theirs.keys() if mine.get(k) != theirs.get(k)}
        if len(changed) != 1:
            return False
        (name,) = changed
        return name.lower() in _PAGE_PARAMS and _one_up(mine.get(name), theirs.get(name), later)
    if one.query != other.query:
        return False
    mine_path, theirs_path = _numbered(one.path), _numbered(other.path)
    if mine_path[0] != theirs_path[0] or not _paged_base(mine_path[0], one.path, other.path):
        return False  # /news/7 and /news/8 are two articles, /node/12/2 no page of 12
    return _one_up(mine_path[1], theirs_path[1], later)


def _paged_base(base: str, *paths: str) -> bool:
    """``base`` (a path without its page number) is an article's whose pages are numbered
    after it: a slug (``/slug/2/``), or a post's id of three digits or more where every
    path is written with WordPress's closing slash (its numeric permalinks,
    ``/archives/540/`` and page 2 ``/archives/540/2/``). Drupal's ``/node/12/2`` and an
    id's ``/novini/540/2`` without it stay no page of the id."""
    if _slug(base):
        return True
    return bool(_POST_ID.search(base)) and all(path.endswith("/") for path in paths)


def _slug(path: str) -> bool:
    """The path's last segment is a slug, read as its words (a Cyrillic slug is
    percent-encoded in a normal address: ``%D0%B0-%D0%B1`` has no letter by a hyphen)."""
    return bool(_SLUG.search(unquote(path.rsplit("/", 1)[-1])))


def _headline(title: str) -> str:
    """A headline as pages of one article share it: no page mark, case or spacing."""
    return " ".join(_PAGE_MARK.sub("", title).split()).casefold()


def _numbered(path: str) -> tuple[str, str | None]:
    """A path without its last segment's page number (``/slug/2/`` -> ``/slug``, "2")."""
    found = _NUMBER_SEGMENT.match(path)
    return (found[1], found[2]) if found else (path.rstrip("/"), None)


def _one_up(mine: str | None, theirs: str | None, later: bool) -> bool:
    if theirs is None or not theirs.isdigit():
        return False
    if mine is None:
        return theirs in ("1", "2")  # from the first page: 0-based or 1-based numbering
    if not mine.isdigit() or (not later and int(mine) > 1):
        return False
    return int(theirs) == int(mine) + 1


def joined(first: Article, parts: Iterable[Article]) -> tuple[Article, int]:
    """``first`` with the paragraphs of its later pages after its own, each once, and
    how many of ``parts`` it took; its author, where its own page names none, the first
    a later page names (a byline closing the text, "Автор: …", is printed on the last
    page alone, under the text's end, while the headline and the date stand over every
    page). A page under another headline (``/news/7`` linking
    the next article, ``/news/8``, reads like a page number one up) or opening with a
    paragraph already read (the article again: a comments page) ends the reading, and
    ``parts`` is read no further: given lazily, nothing past it is fetched. Its
    ``text_source`` says "pages" when a page was taken (``articles.text_source``)."""
    paragraphs = [p for p in first.text.split("\n") if p]
    seen = set(paragraphs)
    headline = _headline(first.title)
    taken = 0
    author = first.author
    for part in parts:
        more = [p for p in part.text.split("\n") if p]
        if not more or more[0] in seen or _headline(part.title) != headline:
            break
        paragraphs += [p for p in more if p not in seen]
        seen.update(more)
        taken += 1
        author = author or part.author
    if not taken:
        return first, 0
    source = TEXT_PAGES if first.text_source == TEXT_PAGE else first.text_source
    text = "\n".join(paragraphs)
    # (the whole text's language, the first page's decision where it tells nothing more)
    language = article_language(text, (first.language,), first.title)
    return replace(first, text=text, author=author, text_source=source, language=language), taken
