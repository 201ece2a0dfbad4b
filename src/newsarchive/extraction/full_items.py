"""A page that holds its news items in full, split into its items.

A village mayoralty, a school or a chitalishte often keeps its news as one page: each item
a headline (a heading or a bold line), a date and a few paragraphs, one after another,
with no page of its own to link to. Read as one article, such a page would bury every
item under the newest one; read as a listing, it lists nothing. Here the page's own
structure decides: at least ``MIN_ITEMS`` blocks side by side, built alike (one wrapper
each, or a heading of one kind opening each), every one with a headline of words, a date
and prose, and none linking to a page of the site (that is a listing of teasers). A page
that says it is one article (``og:type``, JSON-LD), or whose headline stands above the
blocks, is an article with dated sections, not a page of items.

Pure: HTML in, items out; the crawl archives them, ``extract`` prints them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.date_stamps import local_date
from newsarchive.date_words import MONTH_WORD
from newsarchive.dates import date_line_dates, find_text_dates
from newsarchive.discover.explore import NEWS_WORDS
from newsarchive.discover.items import MIN_HEADLINE_WORDS
from newsarchive.discover.shape import is_file_path
from newsarchive.discover.urls import item_url, normalize_url
from newsarchive.extraction.blocks import squash, walk_blocks
from newsarchive.extraction.text_language import article_language
from newsarchive.extraction.titles import SECTION_WORDS
from newsarchive.markup import holds, parse_html, within
from newsarchive.models import Article, Published
from newsarchive.transliteration import LATIN

MIN_ITEMS = 3  # as a listing needs: two dated blocks are a page and its update
MIN_TITLE_WORDS = 2  # besides the date: "Съобщение" alone labels, it does not tell
MIN_PROSE_WORDS = 12  # an item says something: more than a caption or a "see the file"
_SLUG_WORDS = 6

_HEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
_LINES = frozenset({"p", "div"})
_ARTICLE_TYPE = re.compile(r'"@type"\s*:\s*"(?:News|Blog|Report)?(?:Article|Posting)"')
_EDGE = " \t-–—|:,;()[]/·•"
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class FullItem:
    """One news item of the page: ``anchor`` names it within the page (its own ``id`` or
    ``<a name>``, else a slug of its date and headline), so page URL + "#" + anchor is its
    address."""

    title: str
    published: Published
    text: str  # paragraphs separated by "\n", as ``Article.text``
    anchor: str
    slugged: bool = False  # the page named no anchor: it is a slug of date and headline

    def url(self, page_url: str) -> str:
        """The item's address on the page at ``page_url``: what it is archived under."""
        return item_url(page_url, self.anchor)

    def article(self, page_url: str, site: str | None) -> Article:
        """The article the item is archived (and ``extract`` prints it) as: under the
        page's URL and its anchor, dated by the date printed with it."""
        url = self.url(page_url)
        # (dated by its text, always: an import tells an item's record so,
        # ``jsonl_import._import_url``)
        return Article(
            title=self.title, text=self.text, published=self.published, url=url,
            canonical_url=url, site=site, date_source="text",
            language=article_language(self.text, (), self.title),
        )  # fmt: skip


def full_items(
    tree: LexborHTMLParser, page_url: str, today: dt.date | None = None
) -> list[FullItem]:
    """The page's items in page order, or [] when it is no page of full items."""
    body = tree.body
    if body is None or _declares_article(tree):
        return []
    best: list[FullItem] = []
    best_run: list[list[LexborNode]] = []
    for parent in body.traverse(include_text=False):
        children = _elements(parent)
        if len(children) < MIN_ITEMS:
            continue
        for run in (*_wrapped_runs(children), *_headed_runs(children, page_url)):
            if len(run) < MIN_ITEMS or len(run) <= len(best):
                continue
            items = _read_run(run, page_url, today)
            if items is not None:
                best, best_run = items, run
    if best and _headline_above(tree, best_run[0][0]):
        return []
    return best


# Dates a page states as its own in its markup (JSON-LD, meta tags, <time>): an article's
# page. Only a page dated otherwise, or not at all, is worth reading for items in full.
_STATED = frozenset({"jsonld", "meta", "time"})


def items_of_article(
    html: str,
    page_url: str,
    article: Article,
    today: dt.date | None = None,
    tree: LexborHTMLParser | None = None,
) -> list[FullItem]:
    """The news items a page met as an article (``article``, as extraction read it)
    holds in full (a sitemap lists a village's "Новини" page beside its articles):
    archived each, not the page as one; [] for an article's page. The crawl asks this of
    every page queued as an article, and ``extract`` of the page it is given.

    Only when the page states no date of its own and has no headline of its own: its
    title is a section's name ("Новини", "Новини 2025", a few words) or its first item's.
    A page that has one ("Празниците на града започват в петък") is an article whose
    sections are dated ("15 май – Концерт на духовата музика"), however they are set.

    Most article pages are ruled out before the page is parsed again (a crawl asks this
    of every page, and the parse and the walk cost as much as the extraction did): one
    that states its date in markup, or where its site profile says the site prints it,
    is an article's; and the items' dates stand in the text extraction read from such a
    page (all but the first, which trimming the headline may take), so a text with
    fewer is no page of items. ``tree``: the page's as fetched, when the caller has it
    (extraction left it as it was: ``pipeline.changes_tree``).
    """
    if article.date_source in _STATED or article.rules.get("published", "").startswith("profile:"):
        return []
    if len(find_text_dates(article.text, today=today)) < MIN_ITEMS - 1:
        return []
    title = article.title
    items = full_items(parse_html(html) if tree is None else tree, page_url, today)
    if items and (
        not title
        or NEWS_WORDS.search(title)
        or len(title.split()) <= SECTION_WORDS
        or any(item.title in title for item in items)
    ):
        return items
    return []


def _elements(node: LexborNode) -> list[LexborNode]:
    out: list[LexborNode] = []
    child = node.child
    while child is not None:
        if child.tag and not child.tag.startswith(("-", "_")):
            out.append(child)
        child = child.next
    return out


def _signature(node: LexborNode) -> tuple[str, str]:
    return node.tag or "", " ".join(sorted((node.attributes.get("class") or "").split()))


def _wrapped_runs(children: list[LexborNode]) -> list[list[list[LexborNode]]]:
    """Items each in a wrapper of their own (``<div class="news">`` side by side)."""
    groups: dict[tuple[str, str], list[list[LexborNode]]] = {}
    for child in children:
        if child.tag in _HEADINGS or child.tag == "p":
            continue  # (a heading or a paragraph opens or carries an item: ``_headed_runs``)
        groups.setdefault(_signature(child), []).append([child])
    return [group for group in groups.values() if len(group) >= MIN_ITEMS]


def _headed_runs(children: list[LexborNode], page_url: str) -> list[list[list[LexborNode]]]:
    """Items laid flat, each opened by a heading (or bold line) built like the others:
    ``<h3>`` title, ``<p>`` date, ``<p>`` paragraphs, the next ``<h3>``..."""
    heads: dict[tuple[str, str], list[int]] = {}
    for index, child in enumerate(children):
        if _is_title_node(child):
            heads.setdefault(_signature(child), []).append(index)
    runs: list[list[list[LexborNode]]] = []
    for starts in heads.values():
        if len(starts) < MIN_ITEMS:
            continue
        ends = [*starts[1:], len(children)]
        run = [_trim_links(children[a:b]) for a, b in zip(starts, ends, strict=True)]
        run[-1] = _trim_links(run[-1], page_url)
        runs.append(run)
    return runs


def _trim_links(nodes: list[LexborNode], page_url: str = "") -> list[LexborNode]:
    """The item without the lines of links after it: a pager, "Към Новини 2025", "Нагоре"
    close the page, not its last item. With ``page_url`` (after the last item), any line
    linking another page of the site ("По-старите новини: Новини 2025") is such a line."""
    while len(nodes) > 1 and (
        _mostly_links(nodes[-1]) or (page_url and _links_a_page(nodes[-1:], page_url))
    ):
        nodes = nodes[:-1]
    return nodes


def _mostly_links(node: LexborNode) -> bool:
    text = squash(node.text(deep=True) or "")
    linked = sum(len(squash(a.text(deep=True) or "")) for a in node.css("a[href]"))
    return not text or linked * 2 >= len(text)


def _is_title_node(node: LexborNode) -> bool:
    """A heading, or a line whose every word is bold (``<p><strong>Заглавие</strong></p>``)."""
    if node.tag in _HEADINGS:
        return True
    if node.tag not in _LINES or len(_elements(node)) > 2:
        return False  # (a box of many parts is no line: not worth reading its text)
    text = squash(node.text(deep=True) or "")
    if not text or len(text) > 200:
        return False
    bold = "".join(squash(b.text(deep=True) or "") for b in node.css("strong, b"))
    return bold.replace(" ", "") == text.replace(" ", "")


def _title_node(nodes: list[LexborNode]) -> LexborNode | None:
    """The item's headline: the run's opening heading, or the first in its wrapper."""
    first = nodes[0]
    if len(nodes) > 1 or _is_title_node(first):
        return first if _is_title_node(first) else None
    for node in first.traverse(include_text=False):
        if node is not first and _is_title_node(node):
            return node
    return None


def _read_run(
    run: list[list[LexborNode]], page_url: str, today: dt.date | None
) -> list[FullItem] | None:
    """Every block of the run read as an item, or None when one of them is not one."""
    if sum(_links_a_page(nodes, page_url) for nodes in run) * 2 >= len(run):
        return None  # teasers, each linking the page it has of its own
    read: list[tuple[str, Published, str, str]] = []
    for nodes in run:
        item = _read_item(nodes, today)
        if item is None:
            return None
        read.append(item)
    # An id the page gives two items names neither: a template printing one id on every
    # headline gave it to the first, and a new item at the top took it over on the next
    # read (the old item's row became the new one's revision).
    given = Counter(anchor for *_, anchor in read if anchor)
    items: list[FullItem] = []
    slugs: set[str] = set()
    for title, published, text, anchor in read:
        slugged = not anchor or given[anchor] > 1 or anchor in slugs
        if slugged:
            anchor = _unique(_slug(published, title), slugs)
        slugs.add(anchor)
        items.append(FullItem(title, published, text, anchor, slugged))
    if len({item.title for item in items}) < MIN_ITEMS:
        return None  # one label repeated ("Съобщение") over the blocks of one text
    return items


def _read_item(
    nodes: list[LexborNode], today: dt.date | None
) -> tuple[str, Published, str, str] | None:
    head = _title_node(nodes)
    if head is None or head.css_first("a[href]") is not None or _in_link(head):
        return None  # a linked headline: a teaser
    heading = [block.text for block in walk_blocks(head).blocks]
    lines = [
        block.text for node in nodes for block in walk_blocks(node).blocks if block.link_share < 0.5
    ]
    at = next((i for i in range(len(lines)) if lines[i : i + len(heading)] == heading), None)
    if not heading or at is None:
        return None
    above, below = lines[:at], lines[at + len(heading) :]
    title = " ".join(heading)
    published = _date_of(title, today)
    if published is not None:
        title = _without_date(title)
    for line in above:  # only the item's date may stand above its headline
        dated = _date_line(line, today)
        if dated is None:
            return None
        published = published or dated
    body: list[str] = []
    for line in below:
        if published is None and not body and (dated := _date_line(line, today)):
            published = dated
            continue
        body.append(line)
    if published is None or len(_WORD.findall(title)) < MIN_TITLE_WORDS:
        return None
    if sum(len(line.split()) for line in body) < MIN_PROSE_WORDS:
        return None
    return title, published, "\n".join(body), _own_anchor(nodes, head)


def _date_of(text: str, today: dt.date | None) -> Published | None:
    found = find_text_dates(text, today=today)
    return found[0].value if found else None


def _date_line(line: str, today: dt.date | None) -> Published | None:
    """The date of a line that is little more than one ("12.03.2026 г.", "Публикувано на
    12 март 2026": ``dates.date_line_dates``), the first it prints, as ``_date_of`` reads
    a headline's."""
    found = date_line_dates(line, today=today)
    return found[0].value if found else None


def _without_date(heading: str) -> str:
    """The headline without the date it opens or closes with ("12.03.2026 г. – Събрание",
    "Събрание (12 март 2026)"); one with the date inside keeps it. A heading that is only
    a date ("19.11.2014 г.") leaves no headline: the day's section of a text, not an item."""
    words = heading.split()

    def datish(word: str) -> bool:
        bare = word.strip(_EDGE)
        return not bare or bare.isdigit() or _DATE_WORD.fullmatch(bare) is not None

    while words and datish(words[0]):
        words.pop(0)
    while words and datish(words[-1]):
        words.pop()
    return " ".join(words).strip(_EDGE)  # ("" for a heading that is only a date)


# what a date is written with, besides its numbers: "12.03.2026", "март", "г."
_DATE_WORD = re.compile(rf"[\d./-]+|г\.?|год\.?|{MONTH_WORD.pattern}", re.IGNORECASE)


def _links_a_page(nodes: list[LexborNode], page_url: str) -> bool:
    """A link from the block to another page of the site: the block is a teaser of an
    item that has a page of its own (files, other sites and anchors in the page are not)."""
    here = normalize_url(page_url)
    host = urlsplit(here or page_url).netloc
    for node in nodes:
        anchors = [node] if node.tag == "a" else []
        for anchor in [*anchors, *node.css("a[href]")]:
            url = normalize_url(anchor.attributes.get("href") or "", page_url)
            if url is None or url == here or urlsplit(url).netloc != host:
                continue
            if not is_file_path(urlsplit(url).path):
                return True
    return False


def _in_link(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag == "a" and parent.attributes.get("href"):
            return True
        parent = parent.parent
    return False


def _own_anchor(nodes: list[LexborNode], head: LexborNode) -> str:
    """The name the page gives the item: an ``id`` on its wrapper or headline, or an
    ``<a name>``/``<a id>`` in the headline or just above it."""
    candidates = [nodes[0], head, *head.css("a[name], a[id], [id]")]
    previous = nodes[0].prev
    while previous is not None and not (previous.tag or "").isalnum():
        previous = previous.prev
    if previous is not None and previous.tag == "a" and not squash(previous.text() or ""):
        candidates.append(previous)
    for node in candidates:
        for name in ("id", "name"):
            value = (node.attributes.get(name) or "").strip()
            if value and (name == "id" or node.tag == "a"):
                return value
    return ""


def _slug(published: Published, title: str) -> str:
    """``2026-03-12-sabranie-na-zhitelite``: stable while the item's date and headline are."""
    words = _WORD.findall(title.lower().translate(LATIN))[:_SLUG_WORDS]
    return "-".join([local_date(published).isoformat(), *words])


def _unique(slug: str, taken: set[str]) -> str:
    candidate, number = slug, 2
    while candidate in taken:
        candidate, number = f"{slug}-{number}", number + 1
    return candidate


def _declares_article(tree: LexborHTMLParser) -> bool:
    """The page says it is one article (``og:type``, JSON-LD): its dated sections are
    parts of it."""
    og = tree.css_first('meta[property="og:type"]')
    if og is not None and (og.attributes.get("content") or "").strip().lower() == "article":
        return True
    return any(
        _ARTICLE_TYPE.search(script.text() or "")
        for script in tree.css('script[type="application/ld+json"]')
    )


def _headline_above(tree: LexborHTMLParser, first: LexborNode) -> bool:
    """A heading above the blocks that reads as a headline (words enough, none of them a
    news section's name, not a logo linking home): an article whose sections are dated,
    not a page of items under a "Новини" heading. Any heading ranked above the items'
    own counts (an old theme's article headline is an h2 over h3 sections), the nearest
    one: a section heading ("Новини") sits between a page's logo and its items."""
    own = _title_node([first])
    rank = own.tag if own is not None and own.tag in _HEADINGS else "h7"
    headline: LexborNode | None = None
    for node in tree.css("h1, h2, h3, h4, h5, h6"):
        if (node.tag or "h7") < rank and _before(node, first):
            headline = node
    if headline is None or headline.css_first("a[href]") is not None:
        return False
    if within(headline, ("header", "a", "nav")):
        return False
    text = squash(headline.text(deep=True) or "")
    return len(_WORD.findall(text)) >= MIN_HEADLINE_WORDS and not NEWS_WORDS.search(text)


def _before(node: LexborNode, other: LexborNode) -> bool:
    """``node`` comes before ``other`` in the document (and does not hold it)."""
    return _position(node) < _position(other) and not holds(node, other)


def _position(node: LexborNode) -> list[int]:
    """Where a node sits: its index among its siblings, from the root down."""
    path: list[int] = []
    while node.parent is not None:
        index, sibling = 0, node.prev
        while sibling is not None:
            index, sibling = index + 1, sibling.prev
        path.append(index)
        node = node.parent
    return path[::-1]
