"""Main text: turn a subtree into paragraphs, and find the article subtree when no profile can.

The page is first cut into blocks (``extract.blocks``). Each block gets a weight: long,
sentence-like, non-link text is positive; link lists and short labels are negative. Then:

* the *core* is the element whose child blocks hold the most prose, crediting a block's
  parent fully and its grandparent by half (the readability idea), so a list of teaser
  cards, each excerpt in its own card, spreads its credit thin;
* the core widens to each ancestor that adds dense prose around it (the rest of an article
  split across wrappers, with ad slots between), but not to one that adds as much
  furniture as prose (a sidebar, a "most read" list, a footer);
* furniture-marked elements count as furniture, unless honouring the marks would leave
  only a sliver of what sparing the wrappers among them finds (a theme calling its article
  column ``penci_sidebar``);
* the text starts after the heading that repeats the page title when there is one, and
  "Most read"/"Related" sections, link-dense lines and edge labels are cut out (not
  the lines of links a line of the text announces, with its prose going on after them).
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.dates import is_date_line
from newsarchive.documents import is_document
from newsarchive.extraction import bylines, set_apart
from newsarchive.extraction.blocks import (
    Block,
    Kind,
    Mark,
    Skipped,
    Walker,
    lines,
    splice,
    squash,
    walk_blocks,
)
from newsarchive.extraction.clean import (
    BOX_RELATED_HEADINGS,
    COMMENTS_CLOSED,
    COMMENTS_CLOSED_OPENERS,
    HEADINGS,
    LABEL_END,
    SOURCES_HEADING,
    STANDS_AS_RELATED,
    STARTS_RELATED,
    is_boilerplate_line,
    is_cookie_notice,
    is_copyright_line,
    is_label_row,
)
from newsarchive.extraction.disclosure import is_affiliate_note, is_paid_disclosure
from newsarchive.extraction.live_blog import entry_stamp
from newsarchive.extraction.pull_quotes import RepeatedPullQuotes

# How much more prose than furniture an ancestor must add to be taken into the article.
DENSITY = 2.0
# A teaser card's excerpt is a sentence or two; a section of a listicle under a linked
# product name (a numbered heading linking to a shop) runs to paragraphs.
TEASER_MAX = 250
_CELLS = frozenset(("td", "th"))
_SENTENCE_END = frozenset('.!?。！？…:;"”’»)')


# A footnote call after a sentence's end, "… от самите тях.[1]": a regional paper's or an
# essay's text calls its notes so, and read by its last character that sentence was a
# label (tarnovlak, round 64: every paragraph with a call weighed as furniture, and the
# notes list alone was chosen as the text). Asked only of a block ending in "]".
_CALLED = re.compile(r"[.!?…\"”»)]\[\d{1,3}\]$")


def _ends_sentence(text: str) -> bool:
    # (blocks are squashed: no trailing space)
    return text[-1:] in _SENTENCE_END or (text[-1:] == "]" and _CALLED.search(text) is not None)


def node_paragraphs(node: LexborNode) -> list[str]:
    """Paragraph texts of a subtree in document order; blocks and ``<br>`` split paragraphs,
    a data table's row is one line (``blocks.lines``)."""
    walker = walk_blocks(node)
    return lines(walker.blocks, walker.data_cells)


# A link to an attached document as a notice lists it: its file's name and type, or its
# size ("Заявление_патронажна_грижа.docx (24 KB)", "Становище (PDF, 412 KB)"). Weighed as a
# menu's link, the list cost the article's box its text after it (a deadline under
# the attachments), which the text's first part could not outweigh.
_ATTACHMENT = re.compile(
    r"\.(?:pdf|docx?|xlsx?|odt|ods|rtf|zip|rar|pptx?)\b"
    r"|\(\s*(?:(?:pdf|docx?|xlsx?)\s*,?\s*)?\d+(?:[.,]\d+)?\s*(?:kb|mb|кб|мб)\s*\)",
    re.IGNORECASE,
)
_ATTACHMENT_CHARS = 200


def block_weight(block: Block) -> float:
    """How much a block looks like article prose (>0) or like page furniture (<0).

    Link-heavy text is navigation whatever its length; long or sentence-ending text is
    prose; short labels ("Advertisement", "Share", a date) cost a little, so a container is
    not widened just to take in a menu of them, yet prose on both sides outweighs them.
    A short table cell is data, neither: a schedule of street names and hours is what the
    article is about, and as labels it stopped the article from reaching its own table.
    A row of bar-separated labels (``clean.is_label_row``: a post's "Категория: … |
    Прегледи: 31 | Дата: … | Коментари (0)", up to 200 characters) is labels however
    long, not prose: as prose it drew the article's range out past its text to the
    comment box under it.
    A date line is a label too, though it may end as a sentence does ("Публикувано на
    3.11.2026 г.", "г." for the year; ``bylines.is_bare_date``): as prose it drew a short
    post's range out from its two paragraphs to its column, share label and side box
    included (ddu, round 97), where the same line with "от <name>" after it weighed as
    the label it is.
    """
    size = block.size
    last = block.text[-1:]
    prose = size >= 25 and (  # ``_ends_sentence``, inlined
        last in _SENTENCE_END or (last == "]" and _CALLED.search(block.text) is not None)
    )
    # ``is_navigation`` written out (its thresholds shared): asked of every block, often
    # several times; ``prose`` with ``NAV_PROSE_SIZE`` is its prose (25 < 50)
    link_share = block.link_share
    if link_share > (NAV_PROSE_SHARE if size >= NAV_PROSE_SIZE and prose else NAV_SHARE):
        if size < _ATTACHMENT_CHARS and _ATTACHMENT.search(block.text):
            return 0.0  # an attached document, as a table's datum is: neither
        return -size * link_share
    if block.tag in HEADINGS or (block.tag in _CELLS and not prose and size < 80):
        return 0.0
    text = block.text
    if prose and size < 80 and bylines.may_be_dated(text) and bylines.is_bare_date(text):
        return -0.5 * size  # a date line, "г." or "ч." its last word's dot
    if size >= 80 or prose:
        # (a line closing a sentence is no row of labels, and most prose is one: asked of
        # every block, many times over, the call cost more than all else the weight does)
        if block.text[-1] in LABEL_END or not is_label_row(block.text):
            return size * (1.0 - block.link_share)
        return 0.0 if block.tag in _CELLS else -0.5 * size  # fields, as a short cell's
    return -0.5 * size


def _cookie_notice_unweighed(blocks: list[Block], weights: list[float]) -> None:
    """A cookie notice's sentence (``clean.is_cookie_notice``: "Този уебсайт използва
    бисквитки…") is no prose where the page has prose of its own: the line is dropped from
    the text anyway, and as prose it drew the body to itself where a builder's hashed
    class names do not name the notice (a Wix post of two short paragraphs: the text
    chosen was the notice, then dropped, the article archived empty)."""
    notices = [i for i, w in enumerate(weights) if w > 0 and is_cookie_notice(blocks[i].text)]
    if notices and len(notices) < sum(1 for w in weights if w > 0):  # (other prose is left)
        for i in notices:
            weights[i] = -weights[i]


def _core(walker: Walker, weights: list[float]) -> tuple[int, int] | None:
    """Range of the element whose child blocks hold the most prose (the readability idea).

    Crediting only a block's parent (fully) and grandparent (half) finds the element that
    directly holds the article's paragraphs; a teaser list, whose excerpts each sit in their
    own card, spreads its credit thin.
    """
    credit: dict[int, float] = {}
    for block, weight in zip(walker.blocks, weights, strict=True):
        if weight > 0:
            credit[block.parent] = credit.get(block.parent, 0.0) + weight
            credit[block.grandparent] = credit.get(block.grandparent, 0.0) + weight / 2
    # (only the credited elements' ranges: a page has a range for every block element)
    spans = {serial: (start, end) for serial, start, end in walker.ranges if serial in credit}
    scored = [(value, serial) for serial, value in credit.items() if serial in spans]
    if not scored:
        return None
    return spans[max(scored)[1]]


def weighed(blocks: list[Block], title: str = "") -> tuple[list[float], int]:
    """Block weights, adjusted by two signals of what is not the article, and the page's
    headline among the blocks (``_headline_index``), returned too: the body's start reads
    it again, and finding it costs a pass over the page's blocks.

    Teaser excerpts (short prose right after a linked headline) are negated: a list of
    "headline link + summary" cards is the usual neighbour of an article, and in an article
    a heading that is itself a link is rare, except above a long section of a listicle.
    A longer excerpt is negated when its card shows a date and others like it do too
    (``_dated_card``): with no class name to mark them, that is what tells a blog's "more
    posts" cards from a listicle's sections. Prose before the page's own headline is
    negated too: a ticker or a lead story of another article, since the text follows the
    headline. A short linked cell naming a row of a data table (``_linked_datum``) weighs
    nothing, as its row's other cells do: it is the table's data, not a menu.
    """
    weights = [block_weight(b) for b in blocks]
    dated: list[int] = []  # longer excerpts of dated cards
    for i in range(1, len(blocks)):
        before = blocks[i - 1]
        if weights[i] < 0 and blocks[i].tag in _CELLS and _linked_datum(blocks, i):
            weights[i] = 0.0
            continue
        if weights[i] > 0 and before.tag in HEADINGS and before.link_share > 0.5:
            if blocks[i].size < TEASER_MAX:
                weights[i] = -weights[i]
            elif _dated_card(blocks, weights, i):
                dated.append(i)
    if len(dated) >= _DATED_CARDS:
        for i in dated:
            weights[i] = -weights[i]
    headline = _headline_index(blocks, title)
    if headline > 0:
        prose_before = sum(w for w in weights[:headline] if w > 0)
        prose_after = sum(w for w in weights[headline:] if w > 0)
        if prose_after >= 0.5 * prose_before:  # a title repeated in a footer must not void the page
            for i in range(headline):
                weights[i] = -abs(weights[i])
    for i in _site_footer(blocks, weights, headline):
        weights[i] = -abs(weights[i])
    _cookie_notice_unweighed(blocks, weights)
    return weights, headline


def _dated_under_linked_heading(blocks: list[Block], excerpt: int) -> bool:
    """The excerpt follows its card's date line, under the card's linked heading, all in
    one element ("<h3><a>Headline</a></h3><span>06.12.2026 | 10:30</span><p>…"): a dated
    card whose date stands between heading and excerpt (``_dated_card`` reads it beside
    the excerpt)."""
    if excerpt < 2:
        return False
    date, heading = blocks[excerpt - 1], blocks[excerpt - 2]
    parent = blocks[excerpt].parent
    return (
        _is_card_date(date)  # (an inline date's block may be counted to the box around)
        and heading.tag in HEADINGS
        and heading.link_share > 0.5
        and heading.parent == parent
    )


def _linked_datum(blocks: list[Block], i: int) -> bool:
    """The short linked cell at ``i`` names a row of a data table: a cell of its row
    beside it holds a short datum with no link (a company linked to its site, then its
    revenue).

    Weighed as furniture, such a table's links stopped the article from widening past
    it to its second half. A row of a list of news (a date, then the linked headline)
    is not data, nor is a pager's (the current page's number, then the next's link).
    Nor is a line of prose beside the link: an old site's article is a cell of lines
    split by ``<br>``, each a block of that cell, and its "« Назад към новините" link
    under the last line is the site's, not a table's.
    """
    cell = blocks[i]
    if cell.size >= 80 or not any(c.isalpha() for c in cell.text):
        return False
    return any(
        0 <= j < len(blocks)
        and blocks[j].parent == cell.parent
        and blocks[j].tag in _CELLS
        and blocks[j].link_share == 0.0
        and block_weight(blocks[j]) == 0.0
        and not is_date_line(blocks[j].text)
        for j in (i - 1, i + 1)
    )


# How near the page's end a copyright line must be to close the site's footer (in blocks).
_FOOTER_REACH = 8
_COPYRIGHT_CHARS = 200


def _box_start(blocks: list[Block], end: int, box: int, floor: int) -> int:
    """The first block of the run ending at ``end`` that ``box`` holds (as their parent or
    their grandparent), none at or before ``floor``: a footer's box, from its copyright
    line back (``_site_footer``)."""
    start = end
    while start - 1 > floor and box in (blocks[start - 1].parent, blocks[start - 1].grandparent):
        start -= 1
    return start


def _site_footer(blocks: list[Block], weights: list[float], headline: int) -> list[int]:
    """The blocks of the element that ends the page with its copyright line, when that
    element is not the article's: not in the headline's own element, not the one holding
    the first prose under the headline, and not right after the article's prose (a post's
    body box closed by "© БТА", below its header box or its lead's box) unless none of
    its own lines is prose.

    A footer's notice (a customer service desk's hours, the publisher's address) can be
    longer than a short article, and with no ``<footer>`` or class name to mark it, it
    won. The copyright line says where the footer is in any markup; an article closing
    with its agency's "© Reuters" sits in the headline's element or its body's, or is not
    the page's end. A site's footer follows furniture (a list of other news, a sidebar's
    links, the address lines), not the article's last paragraph; or it holds no prose at
    all (an old site's ``<div id="foot">`` in the article's column, right after the text:
    its address, its telephone, a row of links "Карта на сайта | Контакти | © 2026 Община
    …"), where an article's own "© БТА" shares its last paragraph's element. Prose is
    read from the blocks, not from ``weights``, which this footer's blocks are negated
    in. Which blocks to leave out of the text is asked after the choice, of the box that
    closes the text, not the page (``_closing_footer``).

    The box runs on past its copyright line to its last line (``_box_end``): e107's
    "Сайтът работи с e107, …" under "© 2006-2026. Всички права запазени." in the same
    ``<font>`` outweighed a two-sentence article. A page whose headline is no heading
    (an old portal's ``<font class="title">``, its ``<title>`` the site's name alone) has
    its footer found too, behind any prose of the page: PHP-Nuke's "Всички лога и
    търговски марки …" and its "Copyright © … by PHP-Nuke" outweighed a short article, and
    the text ran from it to the page's end, poll and most-read box included.
    """
    found = _copyright_box(blocks, len(blocks) - 1, headline)
    if found is None:
        return []
    start, end = found
    if headline >= 0 and blocks[end].parent in (
        blocks[headline].parent,
        blocks[headline].grandparent,
    ):
        return []
    end = _box_end(blocks, end, blocks[end].parent)
    if not any(w > 0 for w in weights[headline + 1 : start]):
        return []  # holding the article's first prose: the article's
    if weights[start - 1] > 0 and not _prose_free(blocks[start : end + 1]):
        return []  # prose right after the article's prose: the article's closing lines
    return list(range(start, end + 1))


def _box_end(blocks: list[Block], line: int, box: int) -> int:
    """The last block of the run from ``line`` on that ``box`` holds (as their parent or
    their grandparent): a footer's lines after its copyright line, e107's "Сайтът работи с
    e107, …" under "© 2006-2026. Всички права запазени." in the same ``<font>``."""
    end = line
    while end + 1 < len(blocks) and box in (blocks[end + 1].parent, blocks[end + 1].grandparent):
        end += 1
    return end


def _copyright_box(blocks: list[Block], last: int, floor: int) -> tuple[int, int] | None:
    """The first block and the line of the box closed by the copyright line nearest
    ``last`` among the ``_FOOTER_REACH`` blocks up to it, the box reaching back to
    ``floor`` at most (``_box_start``); None when those blocks hold no copyright line."""
    for end in range(last, max(floor, last - _FOOTER_REACH), -1):
        line = blocks[end]
        if line.size <= _COPYRIGHT_CHARS and is_copyright_line(line.text):
            return _box_start(blocks, end, line.parent, floor), end
    return None


def _closing_footer(blocks: list[Block], start: int, end: int) -> range:
    """The site's footer box that closes the text chosen, ``blocks[start:end]``, when
    none of its lines is prose (an old site's ``<div id="foot">`` in the article's
    column: its address, its telephone, "Карта на сайта | Контакти | © 2026 Община …"):
    no line of the text, wherever the page goes on after it (a second column of links)
    and whether or not the headline was found. A box that is the whole text is kept."""
    found = _copyright_box(blocks, end - 1, start - 1)
    if found is None or found[0] <= start or not _prose_free(blocks[found[0] : found[1] + 1]):
        return range(0)
    return range(found[0], found[1] + 1)


def _prose_free(blocks: list[Block]) -> bool:
    """No line of ``blocks`` is prose: a footer box of them is left out of the text, not
    only weighed against it (a box with prose may yet be the article's: its weights say)."""
    return not any(block_weight(b) > 0 for b in blocks)


# Cards of other articles that show a date: from this many on they are a list of them.
_DATED_CARDS = 2
# A card's date line: a date and perhaps a label or a time ("Dec 17, 2025", "12.03.2026 г.").
_CARD_DATE_CHARS = 40


def _dated_card(blocks: list[Block], weights: list[float], excerpt: int) -> bool:
    """The excerpt under a linked heading is a card's one paragraph beside a date line.

    A card of another article shows its date, and its excerpt may run past ``TEASER_MAX``
    (a blog's "more posts" cards of 270 characters); a listicle's linked product name
    heads paragraphs with no date between them. Only blocks of the excerpt's own element
    count, so the article's date above its text does not make a card of its first section.
    """
    parent = blocks[excerpt].parent
    after = excerpt + 1
    if after < len(blocks) and blocks[after].parent == parent and weights[after] > 0:
        return False  # a second paragraph: a section, not an excerpt
    return any(
        0 <= i < len(blocks) and blocks[i].parent == parent and _is_card_date(blocks[i])
        for i in (excerpt - 2, after)
    )


_WORDS = re.compile(r"\w+")


def _headline_index(blocks: list[Block], title: str) -> int:
    """Index of the heading that opens the article, or -1: the first one repeating the
    page title, unless an h1 sharing most of the title's words came before it.

    A title written for search ("5 best X trends for 2026-2030") may repeat a section
    heading word for word ("5 best X trends for 2026") while the h1 above the intro
    rewords it ("Top 5 X trends to watch"): the h1 is the headline, and taking the
    section heading for it cut the intro off as if it were a ticker.

    A heading of lower rank than one with prose under it is a subsection, not the
    headline: an FAQ's "What is mesh WiFi?" (h6) after the article's h2 sections, or an
    h2 after a reworded h1 and its intro, repeats the title's words, and starting the
    text after it cut everything above. Only headings that could be a headline count
    (15+ characters, not a link): a short h1 over a ticker is the site's name. A heading
    holding the title and more ("FAQs About the History of Coffee") is a section even at
    the rank of the sections before it. So is one below h1 right after a paragraph of
    prose in its own element: the body repeating the title as its first section heading
    after the intro (the h1 above in a box read as furniture), where starting the text
    after it cut the intro; a ticker or a lead story sits in an element of its own. And
    so is one at the rank of sections that had prose under them naming only part of the
    title: a recipe card's "Brown Butter Pumpkin Bread" after the post's "Tips" under
    "Brown Butter Pumpkin Bread (Extra Moist!)", taken for the headline, left the post
    its card's steps alone.
    """
    if not title:
        return -1
    said = set(_WORDS.findall(title))
    h1 = -1
    outline = "h7"  # the highest rank of a section heading that already had prose under it
    under = ""  # the section heading the blocks since the last heading sit under
    for i, block in enumerate(blocks):
        if block.tag not in HEADINGS:
            if under and under < outline and block_weight(block) > 0:
                outline = under
            continue
        plausible = _may_be_headline(block)
        under = block.tag if plausible else ""
        if plausible:
            text = block.text.lower()
            if (text in title and block.tag <= outline) or (title in text and block.tag < outline):
                # A heading saying more than the title ("FAQs about <title>") after sections
                # of its own rank is one more of them.
                if h1 >= 0 and block.tag != "h1":
                    return h1
                if block.tag != "h1" and _follows_prose_of_its_box(blocks, i):
                    continue
                if block.tag == outline and text != title:
                    continue  # (one more section, naming part of the title: a recipe's card)
                return i
            if h1 < 0 and block.tag == "h1":
                words = _WORDS.findall(text)
                if 2 * sum(w in said for w in words) >= len(words):
                    h1 = i
    return -1


def _may_be_headline(block: Block) -> bool:
    """A heading that could be a headline: 15 characters or more (a short h1 over a
    ticker is the site's name) and not a link (a logo's, a teaser's)."""
    return block.size >= 15 and block.link_share < 0.5


def _follows_prose_of_its_box(blocks: list[Block], at: int) -> bool:
    """The heading at ``at`` comes right after a paragraph of prose in its own element
    (one look back, not a walk: this runs for every heading repeating the title)."""
    before = blocks[at - 1] if at else None
    return before is not None and before.parent == blocks[at].parent and block_weight(before) > 0


def page_title(tree: LexborHTMLParser) -> str:
    """The page's own idea of its headline (og:title, else <title>), lower-cased.

    A scan of ``<head>``'s children: cheaper than a CSS query on every page. It stops
    once it holds both: a head runs to a hundred metas, links and scripts after them.
    """
    head = tree.head
    if head is None:
        return ""
    og = plain = ""
    node = head.first_child
    while node is not None and not (og and plain):
        tag = node.tag
        if tag == "meta" and not og:
            attrs = node.attributes
            if attrs.get("property") == "og:title":
                og = attrs.get("content") or ""
        elif tag == "title" and not plain:
            plain = node.text_lexbor()
        node = node.next
    return squash(og or plain).lower()


def best_range(
    walker: Walker, weights: list[float], core: tuple[int, int] | None = None
) -> tuple[int, int] | None:
    """The core element's range, widened to each ancestor that adds dense prose.

    An ancestor is taken when what it adds around the current range is mostly prose (the
    rest of an article split across wrappers, with ad slots between); a sidebar, a teaser
    list or a footer adds as much furniture as prose and stops nothing further up from
    being considered, but is not itself taken.
    """
    core = core or _core(walker, weights)  # (``core``: the caller's, from these weights)
    if core is None:
        return None
    start, end = core
    ancestors = sorted(
        (e - s, s, e)
        for _, s, e in walker.ranges
        if s <= start and e >= end and e - s > end - start
    )
    # Prose and furniture up to each block: what an ancestor adds is two subtractions,
    # not a sum over its blocks (5,000 nested <div>s summed 12.5M weights, 4 s).
    gains = [0.0, *itertools.accumulate(w if w > 0 else 0.0 for w in weights)]
    costs = [0.0, *itertools.accumulate(-w if w < 0 else 0.0 for w in weights)]
    for _, wider_start, wider_end in ancestors:
        if wider_start >= start and wider_end <= end:
            continue
        gain = gains[start] - gains[wider_start] + gains[wider_end] - gains[end]
        cost = costs[start] - costs[wider_start] + costs[wider_end] - costs[end]
        if gain > 0 and gain >= DENSITY * cost:
            start, end = wider_start, wider_end
    return start, end


def furniture_mask(walker: Walker, weights: list[float], *, lenient: bool) -> list[bool]:
    """Blocks inside furniture-marked elements; ``lenient`` spares marks holding most prose.

    Marks holding over half the prose necessarily nest, so sparing them spares one chain of
    wrappers, which is what a theme calling its article column ``penci_sidebar`` or
    ``entry-content-read-more`` needs. Sibling boxes of one kind that hold most of the
    prose between them are spared too (``_article_boxes``). A ``<footer>`` element is
    never spared: it is the page's footer (an article's own byline footer holds no prose
    worth sparing), and a funding notice there ("Проектът се изпълнява с финансовата
    подкрепа на Европейския съюз…", on every page of a project's site) outweighs a short
    article of two short paragraphs, which it must not replace.
    """
    dropped = [False] * len(walker.blocks)
    if not lenient:
        for start, end, _ in walker.marked_ranges:
            dropped[start:end] = [True] * (end - start)
        return dropped
    # Prose up to each block: every mark's prose in one subtraction, not one sum per mark.
    upto = [0.0, *itertools.accumulate(w if w > 0 else 0.0 for w in weights)]
    total = upto[-1] or 1.0
    boxes = _article_boxes(walker.marked_ranges, upto, total)
    carded: list[float] | None = None  # (read once, if a mark is to be spared at all)
    for start, end, kind in walker.marked_ranges:
        spared = (start, end) in boxes or upto[end] - upto[start] > 0.5 * total
        if spared and not kind[1].startswith("footer."):  # (the page's footer: never)
            if carded is None:
                carded = _carded_prose(walker.blocks, weights)
            if carded[-1] == 0.0 or 2 * (carded[end] - carded[start]) <= upto[end] - upto[start]:
                continue
        dropped[start:end] = [True] * (end - start)
    return dropped


def _carded_prose(blocks: list[Block], weights: list[float]) -> list[float]:
    """The prose of cards' excerpts up to each block (as ``upto`` counts all prose): an
    excerpt after its date under its linked heading (``_dated_under_linked_heading``),
    where the page shows two such cards or more. A marked box whose prose is mostly
    theirs is a side column's "Акценти", no article's wrapper to spare: two teasers of
    250 characters there held most of a page's prose beside an article of two short
    paragraphs; spared, the box was chosen, and its cards, dropped as cards, left the
    text empty."""
    excerpts = [
        w if w > 0 and _dated_under_linked_heading(blocks, i) else 0.0
        for i, w in enumerate(weights)
    ]
    if sum(1 for w in excerpts if w) < _DATED_CARDS:
        return [0.0] * (len(blocks) + 1)
    return [0.0, *itertools.accumulate(excerpts)]


# A gallery's pictures ("figure.gal", a bare "figure"): a run of them captioned with
# sentences holds more prose than a short article beside it, but a caption is a picture's
# credit (README's figure rule), never the article's box.
_PICTURES = ("figure.", "figcaption.")


def _article_boxes(marks: list[Mark], upto: list[float], total: float) -> set[tuple[int, int]]:
    """Marked sibling boxes of one kind holding most of the page's prose between them, with
    the wrappers inside each that hold most of its prose.

    A review puts each product in a "c-product-widget" beside the article's own intro:
    no box holds most of the text, so sparing single marks kept only the intro. A sidebar's
    widgets sit inside the sidebar, which is one mark; teaser cards hold little prose
    (their excerpts are negated). ``upto`` is the prose before each block.
    """

    def prose(start: int, end: int) -> float:
        return upto[end] - upto[start]

    # Marks are recorded as their elements close, so of wrappers spanning the same blocks
    # the outermost, the one beside its siblings, comes last and is the one kept.
    kinds = {(start, end): kind for start, end, kind in marks if not kind[1].startswith(_PICTURES)}
    if len(set(kinds.values())) == len(kinds):
        return set()  # no two marks of one kind
    outer: dict[Kind, list[tuple[int, int]]] = {}
    reach = -1
    for (start, end), kind in sorted(kinds.items(), key=lambda m: (m[0][0], -m[0][1])):
        if start >= reach:  # not inside an earlier mark
            outer.setdefault(kind, []).append((start, end))
            reach = end
    boxes = [
        box
        for members in outer.values()
        if len(members) > 1 and sum(prose(*box) for box in members) > 0.5 * total
        for box in members
    ]
    if not boxes:
        return set()
    boxes.sort()
    spared = set(boxes)
    starts = [start for start, _ in boxes]
    for start, end, _ in marks:
        at = bisect.bisect_right(starts, start) - 1
        if at >= 0 and end <= boxes[at][1] and 2 * prose(start, end) > prose(*boxes[at]):
            spared.add((start, end))
    return spared


def _choose(
    walker: Walker, raw: list[float]
) -> tuple[tuple[int, int] | None, list[bool], float, float]:
    """Best range with every furniture mark honoured, unless sparing wrappers finds far more.

    Honouring marks wins when it still finds at least half the prose weight: a long footer
    notice marked ``footer`` must not beat a short article, and a lost article column is
    recognised by the strict choice collapsing to a sliver. Also returns the prose weight
    of the strict choice and of the one returned.
    """
    strict_drop = furniture_mask(walker, raw, lenient=False)
    loose_drop = furniture_mask(walker, raw, lenient=True)
    strict, strict_score, strict_side = _choose_with(walker, raw, strict_drop)
    if loose_drop == strict_drop:  # no mark holds most of the prose: nothing to reconsider
        return strict, _leaving_out(strict_drop, strict_side), strict_score, strict_score
    loose, lenient_score, loose_side = _choose_with(walker, raw, loose_drop)
    if strict is not None and strict_score >= 0.5 * lenient_score:
        return strict, _leaving_out(strict_drop, strict_side), strict_score, strict_score
    return loose, _leaving_out(loose_drop, loose_side), strict_score, lenient_score


def _side_columns(walker: Walker, weights: list[float], core: tuple[int, int]) -> list[int]:
    """The blocks of the other cells of the layout-table row whose cell holds the
    article, when they hold less than half its prose: the columns beside it.

    An old site laid out as one table keeps its menu in the left cell and "Работно
    време" or a counter in the right one, unmarked. A line of prose there ("Понеделник –
    петък, 8:30 – 17:00 ч.") made the row look like more of the article, and the row took
    them into the text, with a label of the article's own cell that should have been
    trimmed at its edge. An article does not go on in the column beside it; a cell of
    one paragraph is a table's data, not a layout's column, so it is left alone.
    """
    parts = walker.table_parts
    if not parts:
        return []
    start, end = core
    around = sorted(
        (e - s, s, e, parts[serial])
        for serial, s, e in walker.ranges
        if serial in parts and s <= start and e >= end
    )
    cell = next(((s, e) for _, s, e, tag in around if tag != "tr"), None)
    if cell is None or sum(1 for w in weights[cell[0] : cell[1]] if w > 0) < 2:
        return []
    row = next(
        ((s, e) for _, s, e, tag in around if tag == "tr" and e - s > cell[1] - cell[0]), None
    )
    if row is None:
        return []
    side = [i for i in range(row[0], row[1]) if not cell[0] <= i < cell[1]]
    beside = sum(max(weights[i], 0.0) for i in side)
    if beside >= 0.5 * sum(max(w, 0.0) for w in weights[cell[0] : cell[1]]):
        return []
    return side


def _choose_with(
    walker: Walker, raw: list[float], dropped: list[bool]
) -> tuple[tuple[int, int] | None, float, list[int]]:
    """Best range when the ``dropped`` blocks count as furniture, its prose weight, and
    the blocks of the columns beside the article's layout-table cell (``_side_columns``),
    counted as furniture too: what was left out is ``_leaving_out(dropped, side)``."""
    weights = [
        -b.size if gone else w for w, gone, b in zip(raw, dropped, walker.blocks, strict=True)
    ]
    core = _core(walker, weights)
    side = _side_columns(walker, weights, core) if core is not None else []
    for i in side:
        weights[i] = -walker.blocks[i].size
    chosen = best_range(walker, weights, None if side else core)
    score = sum(w for w in weights[chosen[0] : chosen[1]] if w > 0) if chosen else 0.0
    return chosen, score, side


def _leaving_out(dropped: list[bool], side: list[int]) -> list[bool]:
    """The mask ``dropped`` with the ``side`` blocks left out too (``dropped`` itself is
    left as it was)."""
    if not side:
        return dropped
    out = list(dropped)
    for i in side:
        out[i] = True
    return out


def _is_spelled_out_url(text: str) -> bool:
    """A link whose text is its address: written by the author, never site navigation."""
    return text.startswith(("http://", "https://", "www.")) and " " not in text


# What ``is_navigation`` asks, in one place: ``block_weight`` asks it written out (it
# weighs every block, several times), and must ask the same.
NAV_SHARE = 0.5  # of a block's text in links
NAV_PROSE_SHARE = 0.75  # of long prose's: a sentence of links is still text
NAV_PROSE_SIZE = 50


def is_navigation(block: Block) -> bool:
    """Mostly link text: a menu, tag cloud or "related" line, unless it is long prose."""
    prose = block.size >= NAV_PROSE_SIZE and _ends_sentence(block.text)
    return block.link_share > (NAV_PROSE_SHARE if prose else NAV_SHARE)


# A list's or a table's lines: the article's own when they are not links
_LIST_LINES = frozenset("li td th dd dt".split())
_KEPT_AT_EDGES = _LIST_LINES | {"p"}


def drop_related_sections(blocks: list[Block]) -> list[Block]:
    """Cut a "Most read" / "Related" section out of the article, wherever it sits.

    The section starts at such a heading and ends where the text returns to an element
    that held the article's paragraphs before it, so an embedded box mid-article costs
    only itself and a box at the end takes nothing of the article with it. It also ends,
    as any section of an outline does, at a heading of higher rank: a listicle whose
    every item sits in its own element ("More on X:" under each item's h2) would
    otherwise lose every item after the first box. But not at a higher heading in the
    box's own element: that is an item of the box (the next article's ``<h2>`` under an
    ``<h3>`` "Още по темата" inside the text's block), not the text's next section.
    """
    out: list[Block] = []
    article_parents: set[int] = set()
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if article_parents and _heads_related(block):
            rank = block.tag
            i += 1
            while i < len(blocks) and blocks[i].parent not in article_parents:
                if (
                    blocks[i].tag in HEADINGS
                    and blocks[i].tag < rank
                    and blocks[i].parent != block.parent
                ):
                    break
                i += 1
            continue
        out.append(block)
        # (weighed only where it may add an element: most of the text's blocks share
        # theirs, and weighing reads a long block for a row of labels)
        if block.parent not in article_parents and block_weight(block) > 0:
            article_parents.add(block.parent)
        i += 1
    return out


# The most blocks a closing sources box holds after its heading (its citations, a policy
# note, a credit line, the feedback prompt under it), and the most characters of each:
# a section the text goes on in says more.
_SOURCES_TAIL = 12
_SOURCES_LINE_CHARS = 300


def drop_closing_sources(blocks: list[Block]) -> list[Block]:
    """The blocks without the sources box a guide closes on: a heading of it
    (``SOURCES_HEADING``: "References", "3 Sources", "How we reviewed this article:") and
    what follows it to the end, the citations and the lines the site sets beside them
    (its policy note, "Medically Reviewed By …", "Was this page helpful?"). A health or
    finance site's template, under class names no furniture rule knows; its citations
    closed the text as if its last paragraphs. Only a heading (a ``<p>`` saying
    "Sources:" may introduce the story's own last lines), only near the end, and only
    over short lines: a section the text goes on in is the text's."""
    start = max(0, len(blocks) - _SOURCES_TAIL - 1)
    for at in range(start, len(blocks)):
        block = blocks[at]
        if (
            block.tag in HEADINGS
            and block.size <= _HEADING_CHARS
            and SOURCES_HEADING.fullmatch(" ".join(block.text.split()))
            and all(b.size <= _SOURCES_LINE_CHARS for b in blocks[at + 1 :])
        ):
            return blocks[:at]
    return blocks


# A card's headline: a line, not a paragraph.
_CARD_TITLE_CHARS = 150
# A "read more" link under a card's excerpt ("Прочети повече", "Виж повече →").
_CARD_MORE_CHARS = 40
# Cards of other news after the text: from this many on they are a grid of them.
_CARDS = 2
# At most this many blocks between two cards of one list (a date, an empty link's box).
_CARD_GAP = 3

# A card found among the blocks: its first block, the one past its last, the element
# holding it and the one holding that (the grid).
_Card = tuple[int, int, int, int]


def drop_trailing_cards(blocks: list[Block]) -> list[Block]:
    """The blocks without a grid of other news's cards ending the article.

    A card is a headline, a one-line excerpt and perhaps a date in an element of its own,
    linked to its story: by its headline, or by a "read more" link under the excerpt (a
    grid of ``<div>``s whose image and title are one ``<a>``, or a bold unlinked title
    over the excerpt). With no "more news" heading or class name over the grid, nothing
    else tells it from the article's closing lines, and each excerpt reads as prose.
    Only a run of them ending the text counts, each card in its own element and all of
    them in one: an article's paragraphs share their element, and a list of documents
    the text goes on after (a linked name over a line of what it is) is the text's own.
    One card alone counts under a heading all link (``_lone_teaser``).

    Read from the end, card by card: the last card's excerpt is the text's last prose,
    and each card before it ends where the prose before the next one is. (Most pages'
    last paragraph is no card's, and nothing more is read.)
    """
    cards: list[_Card] = []
    last = _prose_before(blocks, len(blocks))
    while last > 0:
        card = _card_ending_at(blocks, last)
        if card is None:
            break
        cards.append(card)
        last = _prose_before(blocks, card[0])
    if not cards:
        return blocks
    cards.reverse()  # in document order; the run is the last ones of one grid
    first = len(cards) - 1
    while first > 0 and cards[first - 1][3] == cards[first][3]:
        first -= 1
    run = cards[first:]
    if len({card[2] for card in run}) < len(run):
        return blocks  # two in one element: the text's lines, not cards
    if len(run) < _CARDS and not _lone_teaser(blocks, cards, first):
        return blocks
    if any(_prose_in(blocks, card[2]) > 1 for card in run):
        return blocks  # more prose in a card's element: sections of the text
    return blocks[: run[0][0]] + blocks[run[-1][1] :]


def _prose_before(blocks: list[Block], at: int) -> int:
    """The index of the last prose block before ``at``, or -1."""
    at -= 1
    while at >= 0 and block_weight(blocks[at]) <= 0:
        at -= 1
    return at


def _card_ending_at(blocks: list[Block], last: int) -> _Card | None:
    """The card whose excerpt is the prose block at ``last``, or None."""
    excerpt = blocks[last]
    if not _card_excerpt(excerpt, block_weight(excerpt)):
        return None
    at = last - 1
    while at > 0 and _is_card_date(blocks[at]):
        at -= 1
    title = blocks[at]
    if title.size > _CARD_TITLE_CHARS or not title.text or block_weight(title) > 0:
        return None
    card = _card_of(title, excerpt)
    if card is None:
        return None
    after = last + 1
    while after < len(blocks) and _is_card_date(blocks[after]):
        after += 1
    more = after < len(blocks) and _more_link(blocks[after])
    if title.link_share <= NAV_SHARE and not more:
        return None
    return at, after + 1 if more else after, *card


def _card_of(title: Block, excerpt: Block) -> tuple[int, int] | None:
    """The element holding a headline and the excerpt under it, and the one holding that
    (the grid): their common parent (``<div><h3>…</h3><p>…</p></div>``), the headline's
    own element holding the excerpt's (``<div><a>…</a><p>…</p></div>``), or the one
    element a ``<br>`` splits into both (``<li><a>…</a><br>…</li>``); None for none."""
    if title.owner == excerpt.owner:
        return title.owner, title.parent
    if title.parent == excerpt.parent:
        return title.parent, title.grandparent
    if title.owner == excerpt.parent:
        return title.owner, title.parent
    return None


def _prose_in(blocks: list[Block], element: int) -> int:
    """How many prose blocks the element holds directly (as their parent or their own)."""
    return sum(
        1 for b in blocks if (b.owner == element or b.parent == element) and block_weight(b) > 0
    )


def _lone_teaser(blocks: list[Block], cards: list[_Card], at: int) -> bool:
    """The card ``cards[at]`` is another story's teaser on its own: under a heading all
    link, and not the last of a list of such cards each in a box of its own (a page of
    webcams, each a linked name, a line and a "View" link), which the text may be."""
    title = blocks[cards[at][0]]
    if title.tag not in HEADINGS or title.link_share < 0.99:
        return False
    return at == 0 or cards[at][0] - cards[at - 1][1] > _CARD_GAP


def _is_card_date(block: Block) -> bool:
    """A card's date line, in its own element or loose in the card's (a ``<span>``
    between its headline and excerpt); ``_dated_card``'s too. (Its size first: most
    blocks are longer than a date, and that test costs no call.)"""
    return block.size <= _CARD_DATE_CHARS and is_date_line(block.text, _CARD_DATE_CHARS)


def _more_link(block: Block) -> bool:
    """A card's "read more" link: a short line all link, not an item of a list of links."""
    return block.link_share >= 0.99 and block.size <= _CARD_MORE_CHARS and block.tag != "li"


def _card_excerpt(block: Block, weight: float) -> bool:
    """A card's excerpt: a short paragraph, mostly not links."""
    return weight > 0 and block.size < TEASER_MAX and block.link_share < NAV_SHARE


# Elements that hold a line of text, never a section's title.
_TEXT_LINES = frozenset("p li td th dd dt blockquote pre".split())
_HEADING_CHARS = 60
# A quoted title closing a heading: from its opening mark on (``STANDS_AS_RELATED``'s tail).
_QUOTED_TAIL = re.compile(r"\s*[„“”\"«].*", re.DOTALL)


def _heads_related(block: Block) -> bool:
    """A "Още новини" / "Коментари (2)" heading of a related or comment section: a short
    ``<h2>``, or, on a site whose toolchain draws every heading as a ``<div>`` with hashed
    classes, a short box holding those words and nothing else but a count."""
    if block.tag in HEADINGS:
        # (the post's title quoted after it, "15 Replies to “…”", is no length of its own)
        if (
            block.size > _HEADING_CHARS
            and len(_QUOTED_TAIL.sub("", block.text, 1)) > _HEADING_CHARS
        ):
            return False
        return bool(STANDS_AS_RELATED.match(" ".join(block.text.split())))
    if (
        block.text[:1] in COMMENTS_CLOSED_OPENERS
        and block.size <= _CLOSED_MAX
        and _COMMENTS_CLOSED.match(block.text)
    ):
        return True  # the comment form's stand-in for a guest: the comments begin here
    return (
        block.tag not in _TEXT_LINES
        and block.size <= 30
        and bool(_RELATED_LABEL.fullmatch(" ".join(block.text.split())))
    )


_RELATED_LABEL = re.compile(f"(?:{BOX_RELATED_HEADINGS})\\s*(?:\\(\\d+\\))?", re.IGNORECASE)
_COMMENTS_CLOSED = re.compile(f"(?:{COMMENTS_CLOSED})", re.IGNORECASE)  # (as ``clean``'s lines)
_CLOSED_MAX = 160  # the notice and its links ("[ Регистрация | Вход ]"), not a paragraph


def trim_edges(blocks: list[Block], signs: Callable[[str, str], bool] | None = None) -> list[Block]:
    """Drop short labels before the first and after the last prose block.

    Kickers ("Key Points"), bylines, "Advert" and "Related Tags" sit at the edges of an
    article container. Headings before the text and list items or table cells anywhere
    (a tour-date list, a results table ending the article) and paragraph lines are kept.
    A ``<div>`` closing the text that ``signs`` it (the line and the one above: a name
    alone set apart, ``_signs``) is kept too, for the closing-line rule to take as the
    writer: ``<div style="text-align:right"><strong>Ралица Пеева</strong></div>`` was cut
    here as a label, and the page named nobody. So are a ``<pre>``'s lines at either edge
    (``_typed_lines``). A site's affiliate-links note goes at either edge, however it is
    written (``disclosure.is_affiliate_note``). A live blog's newest entry's time alone
    opening the text is kept, as its older entries' are (``live_blog.entry_stamp``).
    """
    start, end = 0, len(blocks)
    while start < end and _trimmable(blocks[start]) and blocks[start].tag not in HEADINGS:
        if end - start > 1 and _opens_the_text(blocks[start], blocks[start + 1]):
            break
        if _typed_lines(blocks, start, start + 1):
            break
        if entry_stamp(
            blocks[start].text, (b.text for b in itertools.islice(blocks, start + 1, end))
        ):
            break  # the newest entry's "17:45", over its update as the older ones' are
        start += 1
    listed = _ends_in_a_list(blocks, start, end)
    while not listed and end > start and _trimmable(blocks[end - 1]):
        last = blocks[end - 1]
        if end - start > 1 and _closes_the_text(last, blocks[end - 2]):
            if not is_affiliate_note(last.text):  # (a sentence, and the site's still)
                break
        if end - start > 1 and _typed_lines(blocks, end - 2, end - 1):
            break
        if signs is not None and last.tag == "div" and end - start > 1:
            if signs(last.text, blocks[end - 2].text):
                break
        end -= 1
    return blocks[start:end]


def _typed_lines(blocks: list[Block], one: int, other: int) -> bool:
    """Whether two blocks are lines of one ``<pre>`` (``blocks.typed_lines``: a poem's
    verses opening or closing a story), its text as typed, not labels at its edge."""
    return blocks[one].tag == "pre" == blocks[other].tag and (
        blocks[one].owner == blocks[other].owner
    )


# The most characters a line of a list set out line by line holds ("ул. „Васил Левски“
# № 12-24", "бул. „България“ от № 5 до № 31"), and the fewest lines such a list has.
_ITEM_CHARS = 80
_FEWEST_ITEMS = 2
# How a line that is no such item ends: a sentence's mark (a closing line of the text, a
# box's "What to read next..."), or the colon of the line introducing the items.
_NO_ITEM_END = frozenset(".!?…:")


def _ends_in_a_list(blocks: list[Block], start: int, end: int) -> bool:
    """Whether the short lines closing the text are the list a line ending in ":"
    introduces, set out line by line with ``<br>``s rather than in a ``<ul>``: "…ще бъде
    спряно водоподаването в следните улици:" or "Засегнати улици:", then "ул. „Шипка“",
    "ул. „Раковски“" (a municipality's notice of an outage, its streets the point of it).
    Read as labels at the text's edge, they were cut, and the notice kept only its first
    sentence. So when ``_FEWEST_ITEMS`` lines or more of no link, at most ``_ITEM_CHARS``
    each and no sentence (``_NO_ITEM_END``), close the text right after a line
    introducing them that is prose or follows it, and opens no related list ("Виж
    още:", ``STARTS_RELATED``; an introduced list of links, "Related reads:", is a
    box's)."""
    at = end
    while (
        at > start
        and blocks[at - 1].link_share == 0
        and len(blocks[at - 1].text) <= _ITEM_CHARS
        and blocks[at - 1].text[-1:] not in _NO_ITEM_END
    ):
        at -= 1
    intro = at - 1
    if end - at < _FEWEST_ITEMS or intro < start or not blocks[intro].text.endswith(":"):
        return False
    if STARTS_RELATED.match(blocks[intro].text) or blocks[intro].link_share:
        return False
    prose = intro if block_weight(blocks[intro]) > 0 else intro - 1
    return prose >= start and block_weight(blocks[prose]) > 0


def _closes_the_text(line: Block, above: Block) -> bool:
    """Whether a short last line is the text's own closing sentence, written as its
    paragraphs are: a sentence with no link, after a line of prose that is the same kind
    of element in the same place (a ``<br>``-split line of the same element, as
    LiveJournal's editor writes every paragraph; or a sibling ``<div>`` of the same
    parent, as Blogger's does). As a ``<p>`` such a line was kept; written so, "Продължението
    — скоро." or "Благодаря!" was cut as a label (kamenishte, brezovitsa, round 103). A
    line ending in ":" or "..." introduces what follows ("Related reads:", "You may also
    like..."): a label still."""
    return (
        line.tag == above.tag
        and (line.owner == above.owner or line.parent == above.parent)
        and line.link_share == 0
        and line.text[-1:] in ".!?"
        and not line.text.endswith("..")
        and block_weight(above) > 0
    )


def _opens_the_text(line: Block, below: Block) -> bool:
    """Whether a short first line is the text's own address to its readers, written as
    its paragraphs are (``_closes_the_text``'s rule, at the other edge): "Уважаеми
    съселяни," over a mayor's notice whose lines ``<br>``s split in one ``<div>``, ending
    in the comma or the "!" of an address. As a ``<p>`` it was kept; as a line of that
    ``<div>`` it was cut as a label."""
    return (
        line.tag == below.tag
        and (line.owner == below.owner or line.parent == below.parent)
        and line.link_share == 0
        and line.text[-1:] in ",!"
        and block_weight(below) > 0
    )


def _signs(tree: LexborHTMLParser) -> Callable[[str, str], bool]:
    """Whether a line under another reads as a name alone signing the text
    (``bylines.set_apart_signature``) and the page sets it apart (``set_apart.whole_block``);
    the tree is asked only about a line that reads so."""
    return lambda line, above: bool(
        bylines.set_apart_signature(line, above) and set_apart.whole_block(tree, line)
    )


# A number alone, as counters print it: "18", "1.2K", "3,4 хил." is no count of this kind.
_COUNT_ALONE = re.compile(r"\d{1,7}(?:[.,]\d)?[KM]?")


def _trimmable(block: Block) -> bool:
    """A label at an edge, not a paragraph line; but a paragraph that only names a box of
    links ("Още от новините" in a ``<p class="karetka">``, an old site's heading, its
    links gone as navigation) is a label too: no article ends on those words. So is a
    count alone ("18", "1.2K": Medium's claps in a ``<p>`` of their own between the byline
    and the text, the counters beside them in buttons): no text opens or ends on one. Nor
    on the site's affiliate-links note, sentence though it is."""
    if _COUNT_ALONE.fullmatch(block.text) or is_affiliate_note(block.text):
        return True
    if block_weight(block) > 0 or is_paid_disclosure(block.text):
        return False  # (a paid article's disclosure, "Рекламен материал", is its own line)
    if block.tag not in _KEPT_AT_EDGES or (block.size >= 25 and is_label_row(block.text)):
        return True  # (a cell of one post's fields, "Категория: … | Прегледи: 31 | …", too)
    return block.tag == "p" and block.size <= 60 and bool(STARTS_RELATED.match(block.text))


def _candidates(
    skipped: list[Skipped], bound: float
) -> tuple[list[tuple[float, Skipped, bool]], dict[int, list[LexborNode]]]:
    """Skipped furniture worth walking, most prose first: (prose bound, entry, walk whole);
    and the links found in each subtree measured, by the ``id`` of its entry.

    A subtree counts alone when its text exceeds ``bound``; siblings of one kind count
    together (``_article_boxes``), and are then walked whole, since each box's own
    wrappers are as small as the box. The links are handed on to ``_read_prose_bound``,
    which measures them again its own way: one search of a subtree for them, not two.
    """
    links: dict[int, list[LexborNode]] = {}
    sizes: dict[int, int] = {}

    def prose(entry: Skipped) -> float:
        if id(entry) not in sizes:
            found = links[id(entry)] = entry[1].css("a")
            sizes[id(entry)] = sum(len(a.text_lexbor().strip()) for a in found)
        return entry[0] - sizes[id(entry)]

    best = {id(entry): (prose(entry), entry, False) for entry in skipped if entry[0] > bound}
    groups: dict[Kind, list[Skipped]] = {}
    for entry in skipped:
        groups.setdefault(entry[3], []).append(entry)
    for members in groups.values():
        if len(members) < 2 or sum(entry[0] for entry in members) <= bound:
            continue
        together = sum(prose(entry) for entry in members)
        for entry in members:
            if together > best.get(id(entry), (0.0,))[0]:
                best[id(entry)] = (together, entry, True)
    return sorted(best.values(), key=lambda item: item[0], reverse=True), links


def _read_prose_bound(node: LexborNode, links: list[LexborNode] | None = None) -> int:
    """At most the prose weight a walk of ``node`` can give its blocks: the characters of
    the text nodes it reads outside links, and one space between any two.

    ``_candidates`` ranks subtrees on their whole text, which counts the indentation
    between tags and the code of scripts and style sheets: a header or footer of a few
    hundred words in tens of kilobytes of those was walked on most pages that have one,
    to be found empty. Counted here in lexbor's passes over the subtree, where a walk is
    one in Python: its text without whitespace-only nodes (which a walk reads as one
    space, never more than one between two others: the separator's), less the text of
    links (a block's prose weight is its text outside them at most) and of scripts and
    style sheets outside links (a walk skips them; one inside a link is taken off with
    its link). What a walk also skips (hidden elements, forms, the furniture inside that
    it stands in) only leaves it less than that. ``links``: the subtree's ``<a>``
    elements when a search already found them. A link inside another (lexbor nests a
    copy of an unclosed one in the blocks after it) has its text in that one's already:
    counted twice, the bound fell below the prose, below nothing at all (-63).
    """
    text = len(node.text(deep=True, separator=" ", skip_empty=True))
    if links is None:
        links = node.css("a")
    linked = sum(len(a.text(deep=True, skip_empty=True)) for a in links)
    if len(links) > 1:
        linked -= sum(len(a.text(deep=True, skip_empty=True)) for a in node.css("a a"))
    code = sum(len(element.text_lexbor()) for element in node.css("script, style"))
    if not code:  # (the linked ones are some of those: no second search of the subtree)
        return text - linked
    linked_code = sum(len(element.text_lexbor()) for element in node.css("a script, a style"))
    return text - linked - (code - linked_code)


def _leads(blocks: list[Block], weights: list[float], start: int, headline: int, end: int) -> bool:
    """The heading repeating the title opens the article rather than closing it.

    It closes it (a listicle ending with its title as a summary heading) when more
    prose precedes it than follows it in the same elements; prose before it elsewhere (a
    ticker, a lead story) does not count: the headline opens the article after those.
    """
    after_blocks = zip(blocks[headline:end], weights[headline:end], strict=True)
    parents = {b.parent for b, w in after_blocks if w > 0}
    before = sum(
        w
        for b, w in zip(blocks[start:headline], weights[start:headline], strict=True)
        if w > 0 and b.parent in parents
    )
    after = sum(w for w in weights[headline:end] if w > 0)
    return before <= after


# When the chosen element holds less than this share of the page's prose (outside
# furniture), the article was probably split into cards (a listicle whose items are each
# an <article>, a page builder's columns) and only one was taken.
_SLIVER = 0.35
_ENOUGH = 0.7


def _recall_retry(
    walker: Walker,
    weights: list[float],
    dropped: list[bool],
    chosen: tuple[int, int],
    lead: list[int],
) -> tuple[int, int]:
    """The chosen range, or the smallest ancestor holding most of the page's prose when
    the chosen one holds only a sliver of it (with ``lead``, the blocks of the headline's
    column that the text will open with: ``_headline_column``)."""
    prose = [0.0 if gone else max(w, 0.0) for w, gone in zip(weights, dropped, strict=True)]
    total = sum(prose)
    start, end = chosen
    if not total or sum(prose[start:end]) + sum(prose[i] for i in lead) >= _SLIVER * total:
        return chosen
    for _, s, e in sorted((e - s, s, e) for _, s, e in walker.ranges if s <= start and e >= end):
        if sum(prose[s:e]) >= _ENOUGH * total:
            return s, e
    return chosen


# Blocks weighed over the steps of ``find_main_paragraphs`` before every candidate left is
# walked at once: ordinary pages stay far below it (the most on AEB and WCXB dev: 4,015).
_STEP_BUDGET = 100_000


def find_main_paragraphs(
    tree: LexborHTMLParser,
    in_page_links: list[LexborNode] | None = None,
    tag_label_boxes: list[LexborNode] | None = None,
) -> list[str]:
    """Generic article text for a page no profile describes (or whose profile drifted).
    ``in_page_links``: the page's, where the metadata's reading listed them
    (``Metadata.in_page_links``), else the walk asks the tree. Pull quotes repeating the
    text are not walked (``RepeatedPullQuotes``, asked by the walk). ``tag_label_boxes``,
    if given, gets the furniture boxes the walk found opening with a tag label
    (``Walker.tag_label_boxes``), for the tags: the walk's by-product, no search."""
    body = tree.body
    if body is None:
        return []
    # Fast path: furniture subtrees are measured, not walked. A skipped subtree matters only
    # if it could be a spared wrapper: its prose (at most its non-link text) must exceed
    # twice what honouring the marks finds, and what the current choice holds. Candidates
    # are walked biggest first, raising that bound as they are spliced in. Nor is one
    # walked when no choice could hold more than the bound even with all of its prose:
    # what the rest of the page holds at most and what the walk can read
    # (``_read_prose_bound``) together do not exceed it.
    title = page_title(tree)
    walker = walk_blocks(
        body,
        mark=True,
        skip_below=math.inf,
        in_page_links=in_page_links,
        quotes=RepeatedPullQuotes(body),
    )
    weights, headline = weighed(walker.blocks, title)  # kept in step with walker.blocks below
    chosen, dropped, found, score = _choose(walker, weights)
    bound = 2 * found
    candidates, links = _candidates(walker.skipped, bound)
    next_one = 0
    work = 0  # blocks weighed and chosen among so far
    page_prose: float | None = None  # the most any choice of the blocks as they are can hold
    while next_one < len(candidates) and candidates[next_one][0] > bound:
        # Boxes of one kind, walked whole, are taken together: a page of a thousand
        # "author" boxes must cost one choice, not one choice per box. Past a budget,
        # every candidate left that could matter is walked at once: a thousand sidebars
        # of short labels, each walked and then found to hold no prose, cost a choice
        # over the whole page each, which made extraction quadratic.
        prose_bound, first, whole = candidates[next_one]
        batch = [(first, 0.0 if whole else bound)]
        next_one += 1
        while next_one < len(candidates):
            same_bound, entry, same_whole = candidates[next_one]
            if work > _STEP_BUDGET:
                if same_bound <= bound:
                    break
            elif not whole or not same_whole or same_bound != prose_bound or entry[3] != first[3]:
                break
            batch.append((entry, 0.0 if same_whole else bound))
            next_one += 1
        if page_prose is None:
            page_prose = sum(max(block_weight(b), 0.0) for b in walker.blocks)
        if (
            page_prose
            + sum(_read_prose_bound(entry[1], links.get(id(entry))) for entry, _ in batch)
            <= bound
        ):
            continue  # no choice their blocks could join would hold more than ``bound``
        splice(walker, batch)
        page_prose = None
        work += len(walker.blocks)
        weights, headline = weighed(walker.blocks, title)
        chosen, dropped, found, score = _choose(walker, weights)
        bound = max(2 * found, score)
    if tag_label_boxes is not None:
        tag_label_boxes += walker.tag_label_boxes
    if chosen is None:
        # Every bit of prose is inside furniture marks, none holding most of it (an article
        # split over a page builder's "widget" boxes): choose as if nothing were marked,
        # rather than keep every sentence of the page, sidebars included.
        none = [False] * len(walker.blocks)
        chosen, _, side = _choose_with(walker, weights, none)
        dropped = _leaving_out(none, side)
    if chosen is None:
        return _prose_free_page(walker, weights, headline, tree)
    # the article's first paragraphs in the headline's column, when the text chosen goes
    # on below the column beside it: with them it may be no sliver of the page's prose
    lead = (
        _headline_column(walker, weights, dropped, headline, chosen[0])
        if 0 <= headline < chosen[0]
        else []
    )
    start, end = _recall_retry(walker, weights, dropped, chosen, lead)
    # The text starts after the headline: the title is Article.title, not body text.
    # (``headline``: found by the last weighing, of these blocks)
    if start <= headline < end and _leads(walker.blocks, weights, start, headline, end):
        start = headline + 1
    # Related sections are found before link lines go: a linked item heading ("2. Name")
    # is what ends the "More on 1:" box before it.
    # The site's footer box with no prose is no line of the text; one with prose was only
    # weighed against the article (``_site_footer``).
    footer = _closing_footer(walker.blocks, start, end)
    inside = [i for i in range(start, end) if not dropped[i] and i not in footer]
    if 0 <= headline < start:
        inside[:0] = _lead_box(walker.blocks, weights, dropped, headline, start) or (
            lead if (start, end) == chosen else []
        )
    titled = _headings_over_prose(walker.blocks, weights, inside)
    blocks = drop_closing_sources(
        drop_trailing_cards(drop_related_sections([walker.blocks[i] for i in inside]))
    )
    listed = (
        _in_lists_of_text(blocks)
        | _introduced_links(blocks, lambda: _document_links(tree))
        | _linked_data(blocks)
    )
    blocks = _before_links_after_text(blocks, listed)
    kept = _without_link_lines(blocks, titled | listed)
    return drop_repeated_runs(lines(trim_edges(kept, _signs(tree)), walker.data_cells))


def _without_link_lines(blocks: list[Block], spared: set[int]) -> list[Block]:
    """The blocks but the lines of links (``is_navigation``; not those ``spared``, by
    ``id``, nor an address written out), and a related heading's label over lines that go
    ("Lesen Sie auch", "Leggi anche", "LEIA TAMBÉM:" in a ``<span>``, ``<p>`` or
    ``<strong>`` of its own, ``STANDS_AS_RELATED``): left behind, it was a line of the
    text announcing nothing. (A heading's element took its box with it already,
    ``drop_related_sections``; a label in a ``<p>`` or a ``<span>`` is no section's.)
    Over links the text keeps, even one of them (the lines with links in the first
    one's element: "Related Resources:" over three, the last more text than link), the
    label stays with them: an Italian page of AEB keeps "Leggi anche" over a link in a
    sentence, and its truth keeps both. A heading opening a box set into the text goes
    with the box's links when they all go (``_emptied_box_headings``)."""
    gone = [
        is_navigation(b) and not _is_spelled_out_url(b.text) and id(b) not in spared for b in blocks
    ]
    for at in range(len(blocks) - 1):
        if not gone[at + 1] or gone[at] or not _labels_related(blocks[at]):
            continue
        box, end = blocks[at + 1].parent, at + 2
        while end < len(blocks) and blocks[end].parent == box and blocks[end].link_share > 0:
            end += 1
        gone[at] = all(gone[at + 1 : end])
    emptied = _emptied_box_headings(blocks, gone)
    return [b for at, b in enumerate(blocks) if not gone[at] and at not in emptied]


def _labels_related(block: Block) -> bool:
    """A short line standing as a related list's heading (``STANDS_AS_RELATED``)."""
    return block.size <= _HEADING_CHARS and bool(
        STANDS_AS_RELATED.match(" ".join(block.text.split()))
    )


def _emptied_box_headings(blocks: list[Block], gone: list[bool]) -> set[int]:
    """The headings of the boxes whose every other line went as links: a shop's or a
    gear list's box set into a guide ("Shop Sleeping Bags", "Our favorite gear for
    Patagonia" over a list of product links). Its links dropped, the heading stood alone
    between the guide's sections, over nothing. Only a heading opening its element
    (the block before it is none of that element's), with two link lines or more in
    it (``_BOX_LINKS``), each gone, and set between the text's paragraphs (a paragraph
    before or after it is a child of the element holding the box): a section of the
    text goes on in its element with what it says, and a box of headings over links
    elsewhere (a page's index, a checklist whose links its truth keeps) is no box set
    into the text."""
    emptied: set[int] = set()
    for at, block in enumerate(blocks):
        if block.tag not in HEADINGS or gone[at]:
            continue
        box = block.parent
        if at and _in_box(blocks[at - 1], box):
            continue
        end = at + 1
        while end < len(blocks) and _in_box(blocks[end], box):
            end += 1
        if end - at <= _BOX_LINKS or not all(gone[at + 1 : end]):
            continue
        among = [blocks[i] for i in (at - 1, end) if 0 <= i < len(blocks)]
        if any(o.tag == "p" and o.parent == block.grandparent for o in among):
            emptied.add(at)
    return emptied


# The fewest link lines a shop's box under its heading holds (one is a link the text
# points to under its section's heading).
_BOX_LINKS = 2


def _in_box(block: Block, box: int) -> bool:
    """``block`` is a line of the element ``box``, or of a list in it."""
    return block.parent == box or block.grandparent == box


def _prose_free_page(
    walker: Walker, weights: list[float], headline: int, tree: LexborHTMLParser
) -> list[str]:
    """The text of a page with no prose at all: what its headline stands over.

    A municipality's notice is often a headline over a list and nothing else: "Прикачени
    файлове:" over the order and its annexes, each a link to a PDF, or "Документи:" over
    the names of the candidates admitted. With no sentence to weigh, no range is chosen,
    and only lines of 40 characters or more were kept: the headline, which is the title,
    so the notice was archived with no text, its documents' names unsearchable. Under a
    headline, the lines outside the page's furniture are the notice's, up to the site's
    footer; a line all link is a menu's unless its link is to a document. With no
    headline found, the long lines that are not links are the best guess left.
    """
    blocks = walker.blocks
    if headline < 0:
        headline = _lone_h1(blocks)
    if headline < 0:
        return lines(
            [b for b in blocks if len(b.text) > 40 and b.link_share <= 0.5], walker.data_cells
        )
    dropped = furniture_mask(walker, weights, lenient=False)
    footer = set(_site_footer(blocks, weights, headline))
    files: set[str] | None = None
    kept: list[Block] = []
    for i in range(headline + 1, len(blocks)):
        if dropped[i] or i in footer:
            continue
        block = blocks[i]
        if is_navigation(block):
            if files is None:
                files = _document_links(tree)
            if not _whole_link_in(block, files):
                continue
        kept.append(block)
    return drop_repeated_runs(lines(trim_edges(kept, _signs(tree)), walker.data_cells))


def _lone_h1(blocks: list[Block]) -> int:
    """Index of the page's one ``<h1>`` that could be a headline (``_may_be_headline``),
    or -1 where there are none or several.
    A notice's headline says more than its ``<title>`` ("Заповед № РД-01-1234 от
    02.12.2026 г. за …" under "Заповед № РД-01-1234 - Община …"), so the title's words
    do not find it; a page's only h1 is its headline all the same."""
    found = -1
    for i, block in enumerate(blocks):
        if block.tag == "h1" and _may_be_headline(block):
            if found >= 0:
                return -1
            found = i
    return found


def body_after_description(
    tree: LexborHTMLParser, paragraphs: list[str], bodies: list[LexborNode] | None = None
) -> list[str]:
    """``paragraphs``, the generic text, with the item's ``articleBody`` after it where it
    is only the item's schema.org ``description``, the lead, and the page marks one
    article body in that item.

    Why: TYPO3's news prints the lead (``<div class="teaser-text"
    itemprop="description">``) and the text (``itemprop="articleBody"``) in two sibling
    boxes; a municipality's short notice, a lead and one shorter paragraph, had the lead
    outweigh the text, so the lead alone was taken and the text lost. The page names
    both for what they are: where the choice is the description to the letter, the body
    it describes follows it. Nothing else changes: a choice holding more than the lead
    already weighed the body. ``bodies``: the page's ``articleBody`` elements where the
    metadata's reading listed them (``Metadata.bodies``), else the tree is asked."""
    if not paragraphs:
        return paragraphs
    if bodies is None:
        bodies = tree.css('[itemprop~="articleBody"]')
    if len(bodies) != 1:
        return paragraphs
    scope = _item_scope(bodies[0])
    if scope is None:
        return paragraphs
    leads = [
        node
        for node in scope.css('[itemprop~="description"]')
        if _item_scope(node) is not None and _item_scope(node) == scope
    ]
    if len(leads) != 1 or node_paragraphs(leads[0]) != paragraphs:
        return paragraphs
    text = [line for line in node_paragraphs(bodies[0]) if line not in paragraphs]
    return [*paragraphs, *text] if text else paragraphs


def _item_scope(node: LexborNode) -> LexborNode | None:
    """The nearest ``itemscope`` element above ``node``: the item its property belongs to."""
    scope = node.parent
    while scope is not None and "itemscope" not in scope.attributes:
        scope = scope.parent
    return scope


def _lead_box(
    blocks: list[Block], weights: list[float], dropped: list[bool], headline: int, start: int
) -> list[int]:
    """The standfirst ("резюме") printed in a box of its own beside the box the text was
    chosen from, both under one parent with the headline, where a list of other news
    in that parent kept the text from widening to it: [its block], or [] when there is
    none.

    Narrow on purpose: WCXB's and AEB's truths leave most standfirsts out (a dek under an
    English headline, an excerpt in a hero box), so only the one prose block between the
    headline and the text counts, right after the headline (nothing but date lines and
    furniture between them) and right before the text's first block (but for a picture
    and its caption in furniture: TYPO3's news sets its images between them), its box a
    sibling of the text's; a sentence with no link, outside furniture, not already the text's
    first line (a page printing its first paragraph twice)."""
    between = [i for i in range(headline + 1, start) if weights[i] > 0]
    if len(between) != 1:
        return []
    at = between[0]
    if not all(dropped[i] or not blocks[i].text for i in range(at + 1, start)):
        return []
    lead, first = blocks[at], blocks[start]
    if dropped[at] or lead.link_share > 0 or not _ends_sentence(lead.text):
        return []
    if first.grandparent not in (lead.parent, lead.grandparent) or lead.text == first.text:
        return []
    if not all(
        dropped[i] or not blocks[i].text or is_date_line(blocks[i].text)
        for i in range(headline + 1, at)
    ):
        return []
    return between


def _headline_column(
    walker: Walker, weights: list[float], dropped: list[bool], headline: int, start: int
) -> list[int]:
    """The article's first paragraphs, in the headline's own column, when the text was
    chosen from below a column beside it: [their blocks], or [].

    A page builder lays a post out in rows of columns (Divi's ``et_pb_row`` >
    ``et_pb_column_3_4`` and ``_1_4``): the headline and the first paragraphs in the wide
    column, the sidebar's "Работно време" and list of latest news in the narrow one, the
    text going on in a row below both. The sidebar's links between them kept the text
    from widening upwards, and only its last part was kept. The column is the widest
    element around the headline that ends before the text chosen and is itself dense
    prose after the headline (what widening asks of an ancestor, ``DENSITY``); the
    element holding it (the row) must end where the text chosen begins, so that what
    stands between them is the row's other column; the column must hold two paragraphs
    or more (a standfirst alone is ``_lead_box``'s, and most truths leave it out) and
    more prose than that column beside it. (Without the row: five of WCXB's dev pages
    gained a box between headline and text, three of them a methodology, a disclaimer
    or key takeaways their truths leave out.)"""
    blocks = walker.blocks
    column: tuple[int, int] | None = None
    for _, s, e in walker.ranges:
        if not s <= headline < e <= start or (column and e - s <= column[1] - column[0]):
            continue
        # (furniture costs its size, as in ``_choose_with``: a sidebar marked so is no
        # more of the column than one whose links say so)
        after = [-blocks[i].size if dropped[i] else weights[i] for i in range(headline + 1, e)]
        gain = sum(w for w in after if w > 0)
        if gain > 0 and gain >= DENSITY * -sum(w for w in after if w < 0):
            column = (s, e)
    if column is None:
        return []
    width = column[1] - column[0]
    row = min(
        (
            (e - s, e)
            for _, s, e in walker.ranges
            if s <= column[0] and e >= column[1] and e - s > width
        ),
        default=None,
    )
    if row is None or row[1] != start:
        return []
    prose = [i for i in range(headline + 1, column[1]) if weights[i] > 0 and not dropped[i]]
    gain = sum(weights[i] for i in prose)
    between = sum(weights[i] for i in range(column[1], start) if weights[i] > 0 and not dropped[i])
    if len(prose) < 2 or between >= gain:
        return []
    return prose


# The headline's box holds the headline, its standfirst and at most this much more (a
# date, a byline, a kicker); a box holding more is the article's or the page's.
_HEADLINE_BOX_REST = 150
_HEADLINE_BOX_CHARS = 2000
_LIST_ITEMS = frozenset(("li", "td", "th", "dd", "dt"))
# A standfirst is a sentence or two; a shorter line ending in a full stop is the box's
# date or byline ("Публикувано на 3 март 2026 г. от Мария Кирова.").
_STANDFIRST_CHARS = 80


def standfirst_by_headline(h1: LexborNode, paragraphs: list[str]) -> str:
    """The standfirst printed in the headline's own box, when the text was taken from
    the box after it: "" when there is none, or the box holds the text.

    ``<div class="title"><h1>…</h1><p class="lead">…</p></div>`` and then the text's box:
    the standfirst is the text's first paragraph to a reader, yet the choice of the text
    never reached it, for the headline's box reads as furniture (a ``<header>``, a class
    naming "meta"), stands apart from the text's box behind a date line, or is kept out
    by a list of other news in the parent both share. The headline names the box as the
    article's whatever it is called (``furniture.is_furniture`` spares a box holding the
    h1 for the title and date rules too), so this is read apart from furniture marks, and
    narrowly: one sentence-ending prose block with no link after the headline, and
    nothing else in the box but short lines (a date, a byline, a kicker)."""
    box = h1.parent
    if box is None or box.tag in ("body", "html") or not paragraphs:
        return ""
    shown = box.text(deep=True) or ""
    if len(shown) > _HEADLINE_BOX_CHARS or any(p[:80] in shown for p in paragraphs[1:3]):
        return ""  # (the box holds the text, as on most pages: no need to walk it)
    found = walk_blocks(box).blocks
    heading = next((i for i, b in enumerate(found) if b.tag == "h1"), -1)
    # (a subtitle printed as a heading, ``<h2 class="subtitle">``, weighs nothing as prose;
    # a byline of two dates, Plone's "от Весела Николова — публикувано 19.11.2026 11:50,
    # последна промяна 21.11.2026 10:05", is long enough to weigh as prose, yet is the
    # box's date line, and as a second prose block it kept the standfirst out; so is a
    # byline closing on a full stop, "Ouest-Beispiel Yann Le Goff.")
    prose = [
        i
        for i, b in enumerate(found)
        if (
            block_weight(b) > 0
            and not is_date_line(b.text, _HEADLINE_BOX_REST)
            and not _reads_as_byline(b)
        )
        or (b.tag in HEADINGS and b.tag != "h1" and reads_as_standfirst(b))
    ]
    if heading < 0 or len(prose) != 1 or prose[0] < heading:
        return ""
    lead = found[prose[0]]
    rest = sum(b.size for i, b in enumerate(found) if i not in (heading, prose[0]))
    if lead.link_share > 0 or not _ends_sentence(lead.text) or rest > _HEADLINE_BOX_REST:
        return ""
    if is_label_row(lead.text):
        return ""  # the post's fields, "Водещ: … · Продължителност: 18:40 мин.": no sentence
    if lead.tag in _LIST_ITEMS or lead.size < _STANDFIRST_CHARS:
        return ""  # an item of a list or a table the box holds; a date's or byline's line
    if any(b.text in paragraphs for i, b in enumerate(found) if i not in (heading, prose[0])):
        return ""  # the box holds the text
    return lead.text


def _reads_as_byline(block: Block) -> bool:
    """A line shorter than a standfirst whose words, the byline's label and full stop
    taken off (``bylines.clean_byline``, ``bylines.without_full_stop``), are names
    (``bylines.reads_as_name``): "Von Jonas Klein.", "Ouest-Beispiel Yann Le Goff."."""
    if block.size >= _STANDFIRST_CHARS:
        return False
    return bylines.reads_as_name(
        bylines.without_full_stop(bylines.clean_byline(block.text) or block.text)
    )


# A heading that is a standfirst closes a sentence as a paragraph does; a section's
# heading asking a question or naming a list ("Какво предвижда проектът:") ends
# otherwise, or is short.
_FULL_STOP = frozenset(".!…")
_CLOSING_QUOTES = '"”“’»'
# The elements a standfirst standing beside its headline is printed as.
_STANDFIRST_TAGS = frozenset(("p", "div", "h2", "h3", "h4", "h5", "h6"))
# How many elements after the headline are read for the standfirst and the text's box:
# a kicker's, a date's and a byline's lines, the standfirst, and the box.
_BESIDE_REACH = 6


def reads_as_standfirst(block: Block) -> bool:
    """A block that can be a standfirst: a sentence or two with no link (a shorter line
    ending in a full stop is a date's or a byline's), a heading (``<h2
    class="subtitle">``, as CMSs print the subtitle) only when it closes a sentence."""
    text = block.text
    if block.link_share > 0 or block.size < _STANDFIRST_CHARS or not _ends_sentence(text):
        return False
    if is_label_row(text):
        return False  # (fields set apart by dots, the last closing on "мин.")
    return block.tag not in HEADINGS or text.rstrip(_CLOSING_QUOTES)[-1:] in _FULL_STOP


def standfirst_beside_headline(h1: LexborNode, paragraphs: list[str]) -> str:
    """The standfirst printed right after the headline with no box of its own, beside
    the headline and the text's box in the article's element: "" when there is none.

    ``<article><p class="kicker">…</p><h1>…</h1><h2 class="subtitle">…</h2><p>в 14:23
    ч. на 09.11.2026</p><div class="text">…</div></article>``: the headline's box is the
    article's and holds the text (``standfirst_by_headline`` reads no further), so the
    choice of the text either stopped at the text's box and lost the subtitle (a heading
    weighs nothing as prose), or widened to the article and kept the date's line under
    the subtitle as the text's second line. Read narrowly, as that rule reads a box: the
    headline's following siblings, in the first ``_BESIDE_REACH``, are date lines, one
    standfirst (``reads_as_standfirst``, an element of no blocks of its own) and short
    lines after it (a byline), then the box that holds the text's first line other than
    the standfirst. A label between the headline and the standfirst makes it a dek under
    a kicker, which the benchmarks' truths leave out."""
    if not paragraphs:
        return ""
    lead, rest, seen = "", 0, 0
    node = h1.next
    while node is not None and seen < _BESIDE_REACH:
        tag = node.tag or ""
        if tag.startswith(("-", "_")) or tag in ("script", "style", "template"):
            if tag == "-text" and (node.text_content or "").strip():
                return ""  # (words of the headline's box's own: no such page)
            node = node.next
            continue
        seen += 1
        text = squash(node.text(deep=True) or "")
        if not text:
            node = node.next
            continue
        if lead:
            opening = next((p for p in paragraphs[:2] if p != lead), "")
            if opening and opening[:80] in text:
                return lead
        found = (
            walk_blocks(node).blocks
            if not lead and tag in _STANDFIRST_TAGS and len(text) <= _HEADLINE_BOX_CHARS
            else []
        )
        if len(found) == 1 and reads_as_standfirst(found[0]):
            lead = found[0].text
        elif is_date_line(text):
            pass
        elif lead and len(text) + rest <= _HEADLINE_BOX_REST:
            rest += len(text)  # a byline's
        else:
            return ""  # (a label before it: a dek under a hero's kicker, left out)
        node = node.next
    return ""


def _before_links_after_text(blocks: list[Block], listed: set[int]) -> list[Block]:
    """The blocks up to the first line of links after the article's last prose.

    An old site's column goes on past the article: links to the neighbouring articles,
    then the boxes of its side modules, each a heading and a line ("КМЕТ" over the
    mayor's name, "РАДИО РУСЕ" over a banner). Links go as navigation, and the short lines
    after them read like the article's closing lines (a signature is a name alone on its
    line too). A signature follows the text; the side boxes follow the links. A list or
    a table after a shop's link is the article's own (a review's pros and cons).
    """
    # Searched from the end: the last prose is what counts, and testing every block
    # before it against the boilerplate lines cost a regex search per paragraph.
    last = next((i for i in range(len(blocks) - 1, -1, -1) if _prose_of_article(blocks[i])), -1)
    if last < 0:
        return blocks
    for i in range(last + 1, len(blocks)):
        block = blocks[i]
        if is_navigation(block) and id(block) not in listed and not _is_spelled_out_url(block.text):
            tail = blocks[i + 1 :]
            if any(b.tag in _LIST_LINES and not is_navigation(b) for b in tail):
                return blocks
            return blocks[:i]
    return blocks


def _prose_of_article(block: Block) -> bool:
    """Prose that is not a known boilerplate sentence: a footer's copyright notice ("©2008
    - 2026 Медия груп 24 ООД. … Всички права запазени.") or "Все още няма коментари към
    статията…" under the comments' links reads as prose, and taken for the article's last
    paragraph it kept the links and the side boxes above it (a ruse24.bg page's "Виж
    още:" list with its times, "Абонамент", "ЗА НАС:", the telephone)."""
    return block_weight(block) > 0 and not is_boilerplate_line(block.text)


# A repeat this long is the page rendering the article twice (a desktop and a mobile
# copy, the same text behind two tabs); articles do repeat a line or a short list.
_RUN_LINES = 5
_RUN_CHARS = 1000
_RUN_ANCHOR = 40


def drop_repeated_runs(texts: list[str]) -> list[str]:
    """Drop a run of paragraphs that repeats, in order, a run read earlier.

    Only long runs count (``_RUN_LINES`` paragraphs and ``_RUN_CHARS`` characters): a
    repeated call to action, a refrain or a recipe step said twice stay. Runs start at a
    paragraph of some length seen before, so a list of repeated short labels costs no
    quadratic search.
    """
    first: dict[str, int] = {}
    dropped = [False] * len(texts)
    j = 0
    while j < len(texts):
        text = texts[j]
        i = first.get(text, -1) if len(text) >= _RUN_ANCHOR else -1
        if i < 0:
            first.setdefault(text, j)
            j += 1
            continue
        n = chars = 0
        while j + n < len(texts) and i + n < j and texts[i + n] == texts[j + n]:
            chars += len(texts[j + n])
            n += 1
        if n >= _RUN_LINES and chars >= _RUN_CHARS:
            dropped[j : j + n] = [True] * n
            j += n
        else:
            j += 1
    return [t for t, gone in zip(texts, dropped, strict=True) if not gone]


def _in_lists_of_text(blocks: list[Block]) -> set[int]:
    """Linked list items among a list's items that are mostly text: an article's list
    ("The tools tested: Gemini CLI, Qwen CLI, Crush CLI", two of them linked), not a menu,
    whose every item is a link."""
    items: dict[int, list[Block]] = {}
    for block in blocks:
        if block.tag == "li":
            items.setdefault(block.parent, []).append(block)
    found: set[int] = set()
    for members in items.values():
        linked = [b for b in members if is_navigation(b)]
        if linked and 2 * len(linked) < len(members):
            found.update(id(b) for b in linked)
    return found


def _linked_data(blocks: list[Block]) -> set[int]:
    """Linked cells that name a row of a data table (``_linked_datum``)."""
    return {
        id(block)
        for i, block in enumerate(blocks)
        if block.tag in _CELLS and is_navigation(block) and _linked_datum(blocks, i)
    }


def _introduced_links(blocks: list[Block], documents: Callable[[], set[str]]) -> set[int]:
    """Lines of links that a line of the text introduces ("Top Expert Recommendations:"
    over the products it names, each a link to a shop) with the article's prose going
    on after them: the text's own list, not a menu. A menu or a related box is not
    announced by a sentence of the article running into it, and one after the text's
    end has no prose after it; "Виж още:" is a box's label, not the text's. A table of
    contents ("In this article:") is announced too, but its lines are the headings
    again, which the text already holds.

    A sentence ending on a full stop introduces a list as well when every line of it is
    a link to a document (``documents``: the texts of the page's links to files, asked
    only then): a mayor's orders, "Публикуваме заповедите на кмета." over "Заповед №
    РД-09-300/27.11.2026 г. за …" each a PDF, were lost as a menu. After a full stop a
    list of links to pages may be a related box set in the text, so those still go."""
    # (colon and full-stop lines first: then nothing else is looked at)
    intros = [i for i, b in enumerate(blocks) if b.text[-1:] in _INTRO_ENDS]
    found: set[int] = set()
    if not intros:
        return found
    last = next((i for i in range(len(blocks) - 1, -1, -1) if block_weight(blocks[i]) > 0), -1)
    headings: set[str] | None = None
    files: set[str] | None = None
    for i in intros:
        intro = blocks[i]
        if i >= last or not is_navigation(blocks[i + 1]) or is_navigation(intro):
            continue
        if intro.size > _INTRO_CHARS or intro.text.count(" ") < _INTRO_WORDS - 1:
            continue
        if STARTS_RELATED.match(intro.text):
            continue
        run = i + 1
        while run < last and is_navigation(blocks[run]):
            run += 1
        if run < i + 1 + _RUN_ITEMS:
            continue
        if intro.text[-1] == ".":
            if files is None:
                files = documents()
            if not all(_whole_link_in(b, files) for b in blocks[i + 1 : run]):
                continue
        if headings is None:
            headings = {b.text for b in blocks if b.tag in HEADINGS}
        if any(b.text in headings for b in blocks[i + 1 : run] if b.tag not in HEADINGS):
            continue
        found.update(id(b) for b in blocks[i + 1 : run])
    return found


def _document_links(tree: LexborHTMLParser) -> set[str]:
    """The texts of the page's links to a document (``documents.is_document``), squashed
    as a block's text is."""
    return {
        squash(a.text(deep=True))
        for a in tree.css("a[href]")
        if is_document(a.attributes.get("href") or "")
    }


def _whole_link_in(block: Block, texts: set[str]) -> bool:
    """The block is one link, whose text is among ``texts``."""
    return block.link_share >= _WHOLE_LINK and block.text in texts


# A line all link (a list item's marker or a trailing space aside)
_WHOLE_LINK = 0.99
# How a line introducing a list ends: a colon, or a full stop over links to documents
_INTRO_ENDS = frozenset(":.")
# An introducing line is a heading or a sentence, not a paragraph, nor a box's one-word
# label ("More:" over a news agency's related headlines).
_INTRO_CHARS = 200
_INTRO_WORDS = 2
# What it introduces is a list: one link after a colon is a button ("Download it here:").
_RUN_ITEMS = 2


def _headings_over_prose(blocks: list[Block], weights: list[float], inside: list[int]) -> set[int]:
    """Linked headings that open a section of prose: a listicle's item names ("Fluke 117",
    linking to the product), not navigation. A teaser's excerpt is not prose here
    (``weighed`` negates it), so a card list's headlines still go.

    A roundup may name its items in a line that is one link instead of a heading
    (``_names_item``); those count from ``_NAMED_ITEMS`` of them on: one or two such
    lines between paragraphs are a call to action or a story linked mid-article."""
    found: set[int] = set()
    items: list[int] = []
    for here, following in zip(inside, inside[1:], strict=False):
        if weights[following] > 0:
            if blocks[here].tag in HEADINGS:
                found.add(id(blocks[here]))
            elif _names_item(blocks, here):
                items.append(id(blocks[here]))
    if len(items) >= _NAMED_ITEMS:
        found.update(items)
    return found


# Linked lines over prose that make a roundup's item names (fewer are promos).
_NAMED_ITEMS = 3


def _names_item(blocks: list[Block], at: int) -> bool:
    """A line that is one link, standing as a heading: a paragraph of nothing but the
    link, or a list of that one item. Not a sentence ("Here is what the owners
    said."), nor a headline in capitals (a news site's promo of another story), nor a
    "Related:" line: those are links to click, not names."""
    block = blocks[at]
    if block.tag not in ("p", "li") or block.link_share < 0.99 or block.size > 120:
        return False
    if _ends_sentence(block.text) or block.text.isupper():
        return False
    if STARTS_RELATED.match(block.text):
        return False
    if block.tag == "li":
        return not any(
            0 <= j < len(blocks) and blocks[j].parent == block.parent and blocks[j].tag == "li"
            for j in (at - 1, at + 1)
        )
    return True
