"""Cards: the block around each link that holds that link and nothing else.

A listing shows each news item as a card (an ``<li>``, a table row, a ``<div class=…>``,
an ``<article>``): a headline link, often a "more" link to the same URL, a date, an excerpt.
The card of a link is the largest ancestor whose links all lead to that one URL; a
neighbouring card's link stops it, so a neighbour's date is never taken. Links that do not
lead to a page (files, other sites, ``javascript:`` with no URL) are left out before this,
so an attached PDF does not split a card.

All of it runs in time linear in the page: each node changes owner at most twice (nobody →
one URL → several), and the card walk stops at nodes already answered.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from newsarchive.class_names import SNIPPET_SELECTOR
from newsarchive.discover.shape import UrlParts, split_normal, split_url

_MANY = ""  # owner of a node holding links to more than one URL
_STOP = frozenset({"body", "html", None})
_TEXT_LIMIT = 500  # a card's date and headline sit at its start; excerpts can be long


@dataclass(frozen=True)
class Link:
    """A link on the page that leads to a page on the site, in document order.

    ``bounds`` is False for a link that never tells one item from the next, so that a
    card grows past it to its date: an item's own utility links marked ``rel=nofollow``
    (print view, "send by e-mail", as Joomla and Drupal print them) and its link back to
    the listing being read (Joomla's "Категория: Новини").

    ``words``: its text, its words joined by single spaces (``text_words``), read once
    for both that tells a print link (``anchors.says_print``) and the card's link texts.

    ``copy`` is True for a link to an item's print copy (``anchors.says_print``), which
    bounds nothing either; ``find_cards`` leaves it out where its item links its article
    otherwise.

    ``of``: for a link made a utility link as a later spelling of an earlier link's page
    (``listings._respelled``), that earlier spelling. It bounds no card of its own, yet
    the block holding it holds that page's link as the earlier spelling would: another
    item's (a "Най-четени" box's headline repeated in the list below, without the box's
    tracking query) ends a card at it, its own item's (the comment count's ``/novini/5/``
    beside the headline's ``/novini/5``) does not."""

    anchor: LexborNode
    url: str
    words: str
    bounds: bool = True
    copy: bool = False
    of: str = ""


@dataclass(eq=False)
class Card:
    """One item block: its node, the URL it leads to and the texts of its links to it.

    ``text`` (the card's text, cut at ``_TEXT_LIMIT``), ``rest`` (that text without the
    card's own link texts, where a date beside the headline is found before a date the
    headline mentions: "… в сила от 01.01.2015 г."), ``beside`` (``rest``, or the text
    beside the heading of a card that is all one link: ``beside_heading``) and ``parts``
    (the URL split for shape matching) are worked out when first asked for, then kept:
    most cards of a page are never asked. (Plain memo fields, not
    ``functools.cached_property``: that takes a lock per read on Python 3.11, a tenth of
    the time of a 30,000-link page.)
    """

    node: LexborNode
    url: str
    order: int
    link_texts: tuple[str, ...]
    link_words: int
    _text: str | None = field(default=None, repr=False)
    _rest: str | None = field(default=None, repr=False)
    _beside: str | None = field(default=None, repr=False)
    _parts: UrlParts | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        if self._text is None:
            if self.node.tag == "a" and len(self.link_texts) == 1:
                self._text = self.link_texts[0][:_TEXT_LIMIT]  # the link is the whole card
            else:
                self._text = _shown_words(self.node)[:_TEXT_LIMIT]
        return self._text

    @property
    def rest(self) -> str:
        if self._rest is None:
            rest = self.text
            for said in self.link_texts:
                if said:
                    rest = rest.replace(said, " ", 1)
            self._rest = " ".join(rest.split())
        return self._rest

    @property
    def beside(self) -> str:
        """The text a date beside the headline is read in (``listings.card_date``):
        ``rest``, or where that is empty, the card being all its link's text,
        ``beside_heading``."""
        if self._beside is None:
            self._beside = self.rest or beside_heading(self)
        return self._beside

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def parts(self) -> UrlParts:
        if self._parts is None:
            self._parts = split_url(self.url)
        return self._parts

    @property
    def path(self) -> str:
        """The URL's path, raw (``normalize_url`` output: "scheme://host/path?query")."""
        return split_normal(self.url)[1]


_HEADINGS = "h1, h2, h3, h4, h5, h6"


def beside_heading(card: Card) -> str:
    """A card's text without its heading's, for a card whose link text is all its text:
    a card clickable as a whole (``<article data-href>``, a row's ``onclick``) or an
    ``<a>`` around a heading and a date. Its ``rest`` is empty, and its date was read in
    its whole text, where "вчера" after the title ("Заглавие вчера …") runs on from a
    word as prose does (``relative_dates.stands_as_date``) and the card was undated,
    though its own element printed the day apart. Without the heading the day word
    stands first, as beside a headline link. "" for a card with no heading (its whole
    text is its headline, as a bare link's). ``rest`` stays what the card shows beside
    its links; ``beside`` is read for its date and its teaser (``teased``)."""
    if card.node.child is None:
        return ""
    heading = card.node.css_first(_HEADINGS)
    said = text_words(heading) if heading is not None else ""
    if not said or said not in card.text:
        return ""
    return " ".join(card.text.replace(said, " ", 1).split())


# words a card shows beside its links' texts for them to be a teaser, not a label
TEASER_WORDS = 5


def teased(card: Card) -> bool:
    """Whether a card shows more than its link: a teaser of ``TEASER_WORDS`` words
    at least beside its headline, or a picture, as a list of news shows each item, where
    a box of services or documents is a column of bare links. The teaser is read in
    ``Card.beside``: a card clickable as a whole (``<article data-href>``, composed seed
    6546) has its heading and teaser both in its one link's text, its ``rest`` empty,
    and was taken for a bare headline (eleven undated home cards into Drupal's old
    ``/node/N`` never probed, none archived)."""
    return len(card.beside.split()) >= TEASER_WORDS or card.node.css_first("img") is not None


def text_words(node: LexborNode) -> str:
    """A node's text, its words joined by single spaces: words in separate tags (a
    headline's ``<br>``, a date's ``<span>``) stay apart."""
    return " ".join((node.text(deep=True, separator=" ") or "").split())


def _shown_words(node: LexborNode) -> str:
    """``text_words`` of a card without a theme's stamps for machines that its stylesheet
    hides (``class_names.SNIPPET_CLASSES``): Avada's grid card prints the post's last
    change, "<span class="updated rich-snippet-hidden">2026-11-26T11:41:12+02:00</span>",
    before the "26.11.2026" it shows, and the card was dated, to the minute, by the edit
    (its article's day, printed alone, then took the edit's time)."""
    text = text_words(node)
    for hidden in node.css(SNIPPET_SELECTOR):
        said = text_words(hidden)
        if said:
            text = text.replace(said, " ", 1)
    return " ".join(text.split())


def _owners(links: list[Link]) -> dict[int, str]:
    """Each node holding links: the one URL they all lead to, or ``_MANY``. A later
    spelling of a page (``Link.of``) leads to its first spelling's URL."""
    owner: dict[int, str] = {}
    for link in links:
        url = link.url if link.bounds else link.of
        if not url:
            continue
        node: LexborNode | None = link.anchor
        while node is not None and node.tag not in _STOP:
            key = node.mem_id
            have = owner.get(key)
            if have is None:
                owner[key] = url
            elif have == url or have == _MANY:
                break  # this URL (or a mix) already marked everything above
            else:
                owner[key] = _MANY
            node = node.parent
    return owner


def _linked_otherwise(link: Link, owner: dict[int, str]) -> bool:
    """Whether the item a print copy's link stands in links one other page: the nearest
    block around the link that holds a bounding link holds links to one URL alone (its
    headline's, its "Прочети още"'s). A block of several items' links (a page's wrapper
    around its menu and its list) says nothing of which item the copy is of, and a
    copy nothing else links (an item whose headline is no link) is the article's only
    way in: both keep the link."""
    node = link.anchor.parent
    while node is not None and node.tag not in _STOP:
        have = owner.get(node.mem_id)
        if have is not None:
            return have not in (_MANY, link.url)
        node = node.parent
    return False


def _card_nodes(links: list[Link], owner: dict[int, str]) -> list[LexborNode]:
    """For each link, the largest ancestor-or-self whose links all lead to its URL
    (``owner``: ``_owners`` of ``links``)."""
    top: dict[int, LexborNode] = {}
    found: list[LexborNode] = []
    for link in links:
        walked: list[int] = []
        node = link.anchor
        while node.mem_id not in top:
            walked.append(node.mem_id)
            parent = node.parent
            if parent is None or parent.tag in _STOP or owner.get(parent.mem_id) != link.url:
                break
            node = parent
        card_node = top.get(node.mem_id, node)
        for key in walked:
            top[key] = card_node
        found.append(card_node)
    return found


def find_cards(links: list[Link]) -> list[Card]:
    """One card per item block, in document order; a URL shown twice (main list and a
    sidebar) gets a card in each place. A print copy's link (``Link.copy``) gets none
    where its item links another page (``_linked_otherwise``): the item's headline leads
    to the article, and the copy, at an address that may name no original
    (``/print/1234``), would be archived as a second article."""
    first: dict[int, int] = {}
    link_texts: dict[int, list[str]] = {}
    nodes: dict[int, LexborNode] = {}
    owner = _owners(links)
    for order, (link, node) in enumerate(zip(links, _card_nodes(links, owner), strict=True)):
        if link.copy and _linked_otherwise(link, owner):
            continue
        key = node.mem_id
        first.setdefault(key, order)
        nodes[key] = node
        link_texts.setdefault(key, []).append(link.words)
    cards: list[Card] = []
    for key, order in first.items():
        said = tuple(link_texts[key])
        url = links[order].url
        cards.append(
            Card(
                node=nodes[key],
                url=url,
                order=order,
                link_texts=said,
                link_words=max(len(text.split()) for text in said),
            )
        )
    return cards


# Class words a template adds to say where an item stands in its list, not what it is:
# Contao's teasers are "layout_latest block first even", "… odd", "… last even", so that
# read as what each card is, no two of a list's three cards were built alike; Drupal's
# views print the same with a prefix ("views-row views-row-1 views-row-first"), and other
# themes after it, as CSS names the place ("first-child", "last-item").
_PLACE_WORD = re.compile(r"(?:^|.*[-_])(?:first|last|odd|even)(?:[-_](?:child|item))?$")

# Class words WordPress's ``post_class()`` prints to say what one post is filed under
# (``category-kultura``, ``tag-remont``, ``format-video``) or carries (``has-post-thumbnail``,
# ``sticky``). Among a list's posts ``_item_words`` tells these apart by structure; the
# list names them still where no sibling can: a listing walk's last page of one post, or
# a page whose posts all share one category, must describe its block as page 1 did.
_TERM_WORD = re.compile(r"(?:category|tag|format)-.+|has-post-thumbnail|sticky")

# Cards one block may hold and still be one item's: its headline, its "Прочети още" and
# the category it is filed under (WordPress's ``<article>``). A widget, a menu, a list
# holds more, and its class words name what it is, however its siblings are named.
_ITEM_CARDS = 3


def _words(node: LexborNode) -> frozenset[str]:
    """The class words that may say what a block is; words with digits name one item
    (WordPress's ``post-1234``) and would split a list into single cards, as the words of
    its place in the list (``_PLACE_WORD``) and of what each post is filed under
    (``_TERM_WORD``) would."""
    words = (node.attributes.get("class") or "").split()
    return frozenset(
        word
        for word in words
        if not any(c.isdigit() for c in word)
        and not _PLACE_WORD.match(word)
        and not _TERM_WORD.fullmatch(word)
    )


def _classes(node: LexborNode) -> str:
    """``_words`` of a node, as one string."""
    return " ".join(sorted(_words(node)))


def _stem(word: str) -> str:
    """A class word's stem: its start through the first ``-`` or ``_`` ("rubrika-",
    "bg-", "node-"); "" for a word of one part."""
    cut = min((at for at in (word.find("-"), word.find("_")) if at >= 2), default=-1)
    return word[: cut + 1] if cut > 0 else ""


def _item_words(members: list[frozenset[str]]) -> list[frozenset[str]]:
    """The words of each sibling item block that say how the list is built, the rest
    being the item's own: what it is filed under and how it is flagged, as themes nobody
    profiled print them (``rubrika-kultura``, ``cat-sport``, ``bg-red``, Drupal's
    ``node--type-page node--promoted``, ``news-item--featured``, ``is-new``). Where the
    siblings share words, those are the build and every other word the item's own; where
    they share none, words of a stem each sibling has (``rubrika-kultura`` beside
    ``rubrika-sport``) are. Two blocks of different names and no stem in common stay
    apart, as do blocks holding more than one item (``_ITEM_CARDS``): two sidebar widgets
    ``widget widget_recent_entries`` and ``widget widget_categories`` are not one list."""
    shared = frozenset.intersection(*members)
    if shared:
        return [shared] * len(members)
    stems = frozenset.intersection(*(frozenset(map(_stem, words)) for words in members)) - {""}
    return [frozenset(w for w in words if _stem(w) not in stems) for words in members]


def _items_apart(urls: list[set[str]]) -> bool:
    """Whether sibling blocks lead to different items: parts of one item's block
    (DataLife Engine's ``shortstory-head``, ``shortstory-info``, ``shortstory-more``, a
    headline and its "Прочети още" to one URL) are no list of items, and read as one
    would merge a headline's card with its "more" link's."""
    return sum(map(len, urls)) == len(set().union(*urls))


def signatures(cards: list[Card]) -> list[tuple[str, ...]]:
    """How each card is built into the page: its tag and class and those of two ancestors.

    Cards of one list share it wherever the list nests (500 tables deep on one site),
    and a menu's items differ from the news items beside them. Ancestors are shared by
    the cards of a list, so each node is described once. Sibling blocks of one item each
    (same parent, same tag, ``_ITEM_CARDS`` cards at most, no URL in two of them:
    ``_items_apart``) are described by the words
    that say how they are built (``_item_words``), not by what each is filed under.
    """
    chains: list[list[LexborNode]] = []
    held: dict[int, int] = {}
    leads: dict[int, set[str]] = {}  # the URLs of the cards each node holds
    for card in cards:
        chain: list[LexborNode] = []
        node: LexborNode | None = card.node
        for _ in range(3):
            if node is None or node.tag in _STOP:
                break
            chain.append(node)
            held[node.mem_id] = held.get(node.mem_id, 0) + 1
            leads.setdefault(node.mem_id, set()).add(card.url)
            node = node.parent
        chains.append(chain)
    families: dict[tuple[int, str], dict[int, LexborNode]] = {}
    for chain in chains:
        for node in chain:
            parent = node.parent
            if parent is not None and held[node.mem_id] <= _ITEM_CARDS:
                families.setdefault((parent.mem_id, node.tag or ""), {})[node.mem_id] = node
    described: dict[int, str] = {}
    for family in families.values():
        keys = list(family)
        if len(keys) > 1 and _items_apart([leads[key] for key in keys]):
            built = _item_words([_words(family[key]) for key in keys])
            for key, words in zip(keys, built, strict=True):
                described[key] = f"{family[key].tag}.{' '.join(sorted(words))}"

    def describe(node: LexborNode) -> str:
        key = node.mem_id
        if key not in described:
            described[key] = f"{node.tag}.{_classes(node)}"
        return described[key]

    return [tuple(describe(node) for node in chain) for chain in chains]


_BLOCK_DEPTH = 8  # ancestors a card's block is looked for among


def card_blocks(cards: Sequence[Card], key: Callable[[str], str]) -> dict[str, frozenset[str]]:
    """Each card's block: the keys (``key`` of its URL) of all the cards under its nearest
    ancestor that holds another card too (a list's ``<ul>``, a column's ``<div>``). Two
    section pages of a portal both show the site's strip "Новини от последните 24 часа"
    or its "Най-четени" box, the same links in the same block on every page: a link the
    two share THERE says nothing of one listing the other's news, where one standing in
    a block of other links on each page (the newest "Общество" item in "Новини"'s list)
    does (``explorer.one_listing_per_stream``)."""
    chains: list[list[int]] = []
    under: dict[int, list[str]] = {}
    for card in cards:
        chain: list[int] = []
        node = card.node.parent
        while node is not None and len(chain) < _BLOCK_DEPTH:
            chain.append(node.mem_id)
            under.setdefault(node.mem_id, []).append(key(card.url))
            node = node.parent
        chains.append(chain)
    blocks: dict[str, frozenset[str]] = {}
    for card, chain in zip(cards, chains, strict=True):
        own = key(card.url)
        shared = next((under[m] for m in chain if any(k != own for k in under[m])), [own])
        blocks.setdefault(own, frozenset(shared))
    return blocks
