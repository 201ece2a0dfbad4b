"""Which cards on a page are the news items a person sees, without any site rule.

The signal is the page's own structure: news items come as a run of cards built alike
(same tag and class path, see ``cards.signatures``) that each carry a headline, usually a
date, often an excerpt. A run of short link-only cards is a menu; a run inside furniture
(``furniture.Furniture``) is navigation whatever its text. The URLs of the accepted cards
teach the page's article URL shape (``shape.learn_shape``), which then finds a lone lead
story of the same shape outside the runs, and makes a sidebar's second link to the same
item (parameters reordered or a ``lang=`` added) one item. A card in a news run is never
dropped for its URL alone: a list mixes ``/news/<id>`` and ``/news/region/<town>/<id>``.

Everything here is a pure function of the cards; ``listings.news_items`` wires it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from statistics import median

from selectolax.lexbor import LexborNode

from newsarchive.discover import pager_words
from newsarchive.discover.cards import Card, signatures
from newsarchive.discover.day_pages import calendar_day
from newsarchive.discover.furniture import Furniture
from newsarchive.discover.not_news import names_no_news
from newsarchive.discover.shape import (
    Shape,
    is_not_article_path,
    learn_shape,
    looks_like_article_path,
)

DateOf = Callable[[Card], dt.date | None]

MIN_HEADLINE_WORDS = 4  # "Кратко" is a label; "Общината ремонтира три училища" a headline
_TEACHERS = 200  # cards of the largest run the URL shape is learned from
_SAMPLE = 12  # cards per run read when judging the run: enough, and linear in any case
_RUN_ITEMS = 2  # items a run must give to be a list of them (``pick_items``)


@dataclass(frozen=True)
class Run:
    """Cards built alike, in page order."""

    cards: tuple[Card, ...]

    @property
    def urls(self) -> set[str]:
        return {card.url for card in self.cards}


def group_runs(cards: list[Card]) -> list[Run]:
    """Cards grouped by how they are built, each run in page order, runs by first card."""
    runs: dict[tuple[str, ...], list[Card]] = {}
    for card, built in zip(cards, signatures(cards), strict=True):
        runs.setdefault(built, []).append(card)
    return [Run(tuple(group)) for group in runs.values()]


def _majority(flags: list[bool]) -> bool:
    return sum(flags) * 2 > len(flags)


def is_news_run(run: Run, furniture: Furniture, date_of: DateOf) -> bool:
    """A run of at least two items that reads like news: dated cards, headline-long links,
    or cards with text beyond their link (an excerpt); never inside furniture."""
    if len(run.urls) < 2:
        return False
    sample = run.cards[:_SAMPLE]
    if _majority([furniture.around(card.node) for card in sample]):
        return False
    dated = sum(_dated(card, date_of) for card in sample) * 2 >= len(sample)
    if _majority([furniture.hinted(card.node) for card in sample]) and not dated:
        return False  # named like a menu or sidebar and carrying no dates
    link_words = median(card.link_words for card in sample)
    card_words = median(card.words for card in sample)
    excerpt = card_words >= 8 and card_words >= link_words + 5
    return dated or link_words >= MIN_HEADLINE_WORDS + 1 or excerpt


def _dated(card: Card, date_of: DateOf) -> bool:
    """A card showing a date, or standing beside an element that shows only one: a page
    builder's "zero block" (Tilda's) places each text in a positioned box of its own, the
    headline link in one and its day in the next, no box holding both. Which side the day
    belongs to is not known (a day box may head the next item), so it only says the run
    is dated, never which day a card is."""
    if date_of(card) is not None:
        return True
    return any(date_of(box) is not None for box in _date_boxes_beside(card))


_DATE_BOX_WORDS = 6  # "28.11.2026", "пет, 28 ное. 2026 г., 14:05"


def _date_boxes_beside(card: Card) -> list[Card]:
    """The card's element siblings, before and after it, that hold no link and a few
    words at most, as link-less cards to read a date from."""
    boxes: list[Card] = []
    for step in ("prev", "next"):
        node = getattr(card.node, step)
        while node is not None and node.tag in ("-text", "-comment"):
            node = getattr(node, step)
        if node is None or node.css_first("a") is not None:
            continue
        box = Card(node=node, url=card.url, order=card.order, link_texts=(), link_words=0)
        if 0 < box.words <= _DATE_BOX_WORDS:
            boxes.append(box)
    return boxes


# What a pager's links say: a page's number, or a word or arrow stepping through the pages
# ("Начало", "« Предишна", "Следваща", "Край", "»"). On a later page of a list whose pager
# leads to one address onward (K2's and Joomla's "3", "Следваща", "Край" to ``?start=6``),
# that pager is a card of its own, and its words ("Начало Предишна 1 2 3 Следваща Край
# Страница 2 от 3") as many as a headline's.
_PAGER_LABEL = re.compile(
    rf"^(?:\d{{1,5}}|[{pager_words.ARROWS_BACK}{pager_words.ARROWS_ON}]{{1,3}}"
    rf"|(?:[{pager_words.ARROWS_BACK}]{{1,2}}\s*)?(?:{'|'.join(pager_words.EVERY_WAY)})"
    rf"(?: (?:{'|'.join(pager_words.PAGE_NOUNS)}))?(?:\s*[{pager_words.ARROWS_ON}]{{1,2}})?)$",
    re.IGNORECASE,
)


def _is_pager(card: Card) -> bool:
    """A card whose every link says a pager's label: a pager, never a news item. A
    bulletin's issue ("Брой 43 / 20-11-2026г.", ``pager_words.issue_number``) is one: a
    page of its list, dated as a story is, listing a week's news."""
    return bool(card.link_texts) and all(
        _PAGER_LABEL.match(said := " ".join(text.split())) or pager_words.issue_number(said)
        for text in card.link_texts
    )


def _never_an_item(card: Card) -> bool:
    """A card leading to a page that never holds one article: a tag's, a file's, or a
    calendar's day (``day_pages.calendar_day``: ``/kalendar.php?den=2026-11-29``,
    ``/vremeto/2026-11-29/``, ``?date=`` of a name-day or currency box). A sidebar's box
    of the day (a church calendar's "Неделя, 29 ноември" over the day's saints and "Виж
    целия ден", a "Имен ден" or "Днес е …" box) shows on every page, its text as long as
    an excerpt, built as the box beside it ("Предстоящо"): read as a run of two cards, it
    was a news item of every listing and the day's page was archived as an article
    (round 110's mitropoliyaostrets: 8 of 8 and 1 more). A day's page is the day's (its
    saints, its weather, its news), a reference or a list, whatever links it."""
    return is_not_article_path(card.path) or calendar_day(card.url) is not None


# How far up from a card its box's heading is looked for: the card's own container (a
# ``<ul>`` of ``<li>``), the box around it, one more.
_HEADING_LEVELS = 3
_HEADING_WORDS = 6  # "Последни некролози", "Малки обяви от днес"
_HEADING_CLASS = re.compile(r"(?:^|[\s_-])(?:title|heading|caption)(?:$|[\s_-])", re.IGNORECASE)
Headings = dict[int, dict[int, str]]  # a container's ``mem_id`` -> its children's headings


def _heading(node: LexborNode) -> str | None:
    """The text of ``node`` where it is a box's heading: an ``<h1>``…``<h6>``, or an
    element classed as a title ("box_title", "widget-title"), of a few words and no link."""
    named = node.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
    if not named and not _HEADING_CLASS.search(node.attributes.get("class") or ""):
        return None
    if node.tag == "a" or node.css_first("a") is not None:
        return None
    text = " ".join((node.text(separator=" ") or "").split())
    return text if 0 < len(text.split()) <= _HEADING_WORDS else None


def _children_headings(parent: LexborNode) -> dict[int, str]:
    """Each child of ``parent`` after a heading (``_heading``), by ``mem_id``: the last
    heading before it. Read in one pass over the children."""
    found: dict[int, str] = {}
    current = ""
    child = parent.child
    while child is not None:
        if child.tag not in ("-text", "-comment"):
            said = _heading(child)
            if said is not None:
                current = said
            elif current:
                found[child.mem_id] = current
        child = child.next
    return found


# A tag's page, not a category's: ``/tag/<name>/``, ``/etiket/<name>``, ``?tag=``
_TAG_LINK = re.compile(r"(?:/(?:tags?|etiket\w*)/|[?&]tags?=)", re.IGNORECASE)


def filed_under_no_news(card: Card) -> bool:
    """Whether ``card`` links a category naming pages of no news (``not_news``), its
    badge or "Публикувано в" line: a portal listing the family's obituaries among its
    news, each at the news' own address (``/news/<id>-<slug>``) and told apart only by
    its category, "Некролози" (round 113's yasengradnews). The card's own links (its
    headline) are not read: "Анкета: …" is a story's headline."""
    for anchor in card.node.css("a"):
        if _TAG_LINK.search(anchor.attributes.get("href") or "") or (
            (anchor.attributes.get("rel") or "").lower().split() == ["tag"]
        ):
            continue  # (a story's tag, "времето" on a storm's report, files it nowhere)
        said = " ".join((anchor.text(separator=" ") or "").split())
        if said and said not in card.link_texts and names_no_news(said):
            return True
    return False


def under_no_news_heading(card: Card, memo: Headings) -> bool:
    """Whether the nearest heading over ``card``'s box names pages of no news
    (``not_news.names_no_news``): a sidebar's "Последни некролози" on every page, its
    cards a name, a photo and the day, and the home page's "Малки обяви", each ad a
    dated line, read as news runs; the home page, its items in no section of the menu,
    was walked as the list of every post, and the obituaries and ads were archived
    (round 113's maglenitsadnes). The first heading found above the card decides: a
    news list's own "Последни новини" keeps it. ``memo``: the page's containers read."""
    node = card.node
    for _ in range(_HEADING_LEVELS):
        parent = node.parent
        if parent is None or parent.tag in ("body", "html"):
            return False
        if parent.mem_id not in memo:
            memo[parent.mem_id] = _children_headings(parent)
        said = memo[parent.mem_id].get(node.mem_id)
        if said:
            return names_no_news(said)
        node = parent
    return False


def _is_item(card: Card, date_of: DateOf) -> bool:
    """One card of a news run: not a page that never holds one article
    (``_never_an_item``), and a headline or a date to show."""
    if _never_an_item(card):
        return False
    return (
        card.link_words >= MIN_HEADLINE_WORDS
        or card.words >= MIN_HEADLINE_WORDS + 2
        or date_of(card) is not None
    )


def _without_strays(items: list[Card], shape: Shape, date_of: DateOf) -> list[Card]:
    """A run's items less a stray built as they are: a card of another address than the
    run's shape, showing no date, where the run's cards of that shape each show their own.
    An old table template builds its left menu's rows as it builds the news list's
    (``<tr><td><a>``), and a menu entry long enough to read as a headline ("Услуги за
    търсещи работа", ``uslugi.asp`` beside ``news.asp?id=418``) was taken as the list's
    fifth news item, its one-sentence page archived (round 106's bturavnets). A dated
    card of another shape stays (a news list may lead to two kinds of page), and so
    does every card of a run whose items are not all dated."""
    fitting = [card for card in items if shape.matches(card.parts)]
    if len(fitting) < 2 or len(fitting) == len(items):
        return items
    if any(date_of(card) is None for card in fitting):
        return items
    return [card for card in items if shape.matches(card.parts) or date_of(card) is not None]


def _short_headline(card: Card, shape: Shape) -> bool:
    """A card of a news run whose headline is short ("Седянка в читалището", "Нов парк")
    and shows no date of its own (a blog prints the day above a group of posts): the run's
    other items vouch for it when its URL has their shape, which fixes something."""
    return (
        card.link_words >= _SHORT_HEADLINE_WORDS
        and not _never_an_item(card)
        and shape.matches(card.parts)
    )


_SHORT_HEADLINE_WORDS = 2


def _is_lone_item(
    card: Card, furniture: Furniture, shape: Shape | None = None, date_of: DateOf | None = None
) -> bool:
    """A headline outside the runs: its link reads like a headline, nothing around it is,
    or is named like, furniture, and its URL fits. Where the headline is the card's text
    and its one link a "Прочети повече" (a clickable row or card), a shape that fixes
    something lets the card's own words stand for the headline. With ``date_of``, a
    short headline ("Пожарникарите проверяват хидрантите", three words) whose card shows
    its own date is one too where the shape fixes something, as ``_short_headline``
    keeps it in a run: the listing's last page holding that one card, its shape taught
    by the walk's earlier pages, lost it (round 76's edinichno: 8 of 9 archived). So
    where the shape fixes nothing (WordPress's ``/<slug>/``) and the card's own date
    vouches for it (``_dated_in_shape``): round 99's rodopiekspres, "Пожарникарите
    проверяват хидрантите" alone on its last page, 8 of 9 archived.

    With the ``shape`` the page's news runs taught (a lead story beside them), the URL must
    have that shape; a shape that fixes nothing (``/<anything>``) needs the URL to look
    like an article's too, or every one-segment menu link would fit. Without one (a page
    with no run of news cards: the last page of a listing holds one item), the URL must
    look like an article's.
    """
    if _never_an_item(card):
        return False
    fixed = shape is not None and shape.fixes_something
    if card.link_words < MIN_HEADLINE_WORDS and not (
        (fixed and _said_words(card.text) >= MIN_HEADLINE_WORDS + 2)
        or (
            shape is not None
            and date_of is not None
            and card.link_words >= _SHORT_HEADLINE_WORDS
            and date_of(card) is not None
        )
    ):
        return False
    if shape is not None and not shape.matches(card.parts):
        return False
    if not (fixed or looks_like_article_path(card.url) or _dated_in_shape(card, shape, date_of)):
        return False
    return not furniture.holds(card.node)


def _dated_in_shape(card: Card, shape: Shape | None, date_of: DateOf | None) -> bool:
    """A card of the shape the page's or the walk's news runs taught that shows its own
    date: an item, though the shape fixes nothing and its slug is too short to look like
    an article's. WordPress's ``/<slug>/`` posts: the listing's last page holds one card,
    "/koleden-bazar/" under its date, the sidebar's undated "Последни новини" and the
    menu's "/kontakti/" beside it, and the card was lost (drenovets: 8 of 9 archived);
    the menu's and the sidebar's links, undated, still are no items."""
    return shape is not None and date_of is not None and date_of(card) is not None


def _said_words(text: str) -> int:
    """The words of ``text`` that hold a letter: a pager's "« Предишна 1 2 3 Следваща »"
    is seven words and two of them, its numbers and arrows none of a headline's (a pager
    whose addresses have the items' shape, ``/novini/strana-3`` beside ``/novini/<slug>``,
    would read as a card whose own words stand for its headline)."""
    return sum(1 for word in text.split() if any(char.isalpha() for char in word))


@dataclass(frozen=True)
class Items:
    """The news items of a page and the article URL shape learned from them; ``shapes``
    holds the shape of every news run on the page (the largest one's is ``shape``)."""

    cards: tuple[Card, ...]
    shape: Shape | None
    shapes: tuple[Shape, ...] = ()
    # dated rows beside the cards, built alike in their container, that link a document
    # (``listings.file_rows``): never items, but evidence the container is a list
    files: int = 0
    # an item's card that states its day, by the node of its first card, which does not
    # (``_one_per_item``: a "Най-четени" strip of bare headlines above the dated list)
    day_cards: Mapping[int, Card] = field(default_factory=dict, compare=False, hash=False)
    # an item's every card past its first, each with that first card: where the item
    # stands besides (``listings.article_links`` places an item at each of its cards)
    later_cards: tuple[tuple[Card, Card], ...] = field(default=(), compare=False, hash=False)


def pick_items(
    cards: list[Card], furniture: Furniture, date_of: DateOf, known: tuple[Shape, ...] = ()
) -> Items:
    """The cards a person reads as the page's news items, in page order, one per item.

    ``known``: the shapes the news runs of the listing's earlier pages taught. The last
    page of a listing may hold one item, no run, beside a sidebar's "latest news" that
    repeats on every page (Joomla's module, five links): that sidebar is then the largest
    run and its shape alone would turn the page's own item away.

    A news run gives its items only where at least ``_RUN_ITEMS`` of its cards (to as
    many addresses) are items: a list is of items, and a run whose other cards are no
    items is boxes built alike, one of which happens to hold a date. A council's sidebar
    holds "<div class=box>" after "<div class=box>": "Следващо заседание" over the next
    session's day and hour as its link, then the live stream's banner, an image link.
    Read as a dated run of two, its one item, the session's page (agenda, decisions,
    minutes: a record), was the list's fifth news item on every page and archived as an
    article (round 112's obsstarogradets: 8 of 8 and 1 more). A lone item still stands
    where it is one (``_is_lone_item``: a headline of the shape the page's list taught).
    """
    chosen: list[Card] = []
    largest = 0
    shape: Shape | None = None  # learned from the largest run: the page's own list
    shapes: list[Shape] = []
    cards = [card for card in cards if not _is_pager(card)]  # once: every use skips pagers
    headings: Headings = {}
    cards = [
        card
        for card in cards
        if not (filed_under_no_news(card) or under_no_news_heading(card, headings))
    ]
    for run in group_runs(cards):
        if not is_news_run(run, furniture, date_of):
            continue
        items = [card for card in run.cards if _is_item(card, date_of)]
        learned = learn_shape(card.parts for card in items[:_TEACHERS])
        if learned is not None and learned.fixes_something:
            kept = set(items)  # cards compare by identity: a set, not a list scan per card
            items = [c for c in run.cards if c in kept or _short_headline(c, learned)]
            items = _without_strays(items, learned, date_of)
        if len({card.url for card in items}) < _RUN_ITEMS:
            continue  # one item among boxes built alike is no list: see the docstring
        chosen.extend(items)
        if learned is not None and learned not in shapes:
            shapes.append(learned)
        if len(items) > largest:
            largest, shape = len(items), learned
    taken = {card.node.mem_id for card in chosen}
    if not chosen:
        chosen = [card for card in cards if _is_lone_item(card, furniture)]
        taken = {card.node.mem_id for card in chosen}
    # (a known shape that fixes nothing, ``/<slug>/``, takes only a dated card: ``_is_lone_item``)
    fits = [s for s in (shape, *known) if s is not None]
    if fits:
        chosen.extend(
            card
            for card in cards
            if card.node.mem_id not in taken
            and any(_is_lone_item(card, furniture, fit, date_of) for fit in fits)
        )
    unique, day_cards, later = _one_per_item(sorted(chosen, key=lambda c: c.order), shape, date_of)
    return Items(
        cards=tuple(unique),
        shape=shape,
        shapes=tuple(shapes),
        day_cards=day_cards,
        later_cards=tuple(later),
    )


def _one_per_item(
    cards: list[Card], shape: Shape | None, date_of: DateOf
) -> tuple[list[Card], dict[int, Card], list[tuple[Card, Card]]]:
    """One card per item, its first, in page order; and where that card states no day
    and a later one of the item does (a "Най-четени" strip of bare headlines above the
    list, the list's card below dating it), that later card by the first's node
    (``Items.day_cards``): the item's day is the card that states one, which would
    otherwise never date it. And every later card of an item, with its first
    (``Items.later_cards``): the item stands there too."""
    day_cards: dict[int, Card] = {}
    later: list[tuple[Card, Card]] = []
    seen: dict[object, Card] = {}
    unique: list[Card] = []
    # only a query can list one item under two URLs (another order, an added lang=)
    keyed = shape if any("?" in card.url for card in cards) else None
    for card in cards:
        key = (keyed.item_key(card.parts) if keyed else None) or card.url
        first = seen.get(key) or seen.get(card.url)
        if first is not None:
            undated = first.node.mem_id not in day_cards and date_of(first) is None
            if undated and date_of(card) is not None:
                day_cards[first.node.mem_id] = card
            later.append((card, first))
            continue
        seen.update({key: card, card.url: card})
        unique.append(card)
    return unique, day_cards, later
