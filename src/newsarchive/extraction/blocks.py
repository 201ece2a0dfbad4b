"""Blocks: one pass over the DOM turning text into paragraph-like runs in document order.

A block is a paragraph, a list item, a heading, a table cell or a ``<br>``-separated line,
with the share of its text inside links and the serials of the block elements above it.
A data table's cells stay blocks of their own for the weighing, and are written a row to
a line only when the text is put together (``lines``).
Every block element's blocks form a contiguous range, which is what the content finder
scores. Furniture-marked subtrees (by tag, class, id or role) are recorded as ranges; in
the fast mode they are not walked at all but stand in as one text-less block of their
size, and can be walked later and spliced in if one turns out to matter.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from newsarchive.extraction.appended_posts import appended_posts
from newsarchive.extraction.clean import (
    CODE_TAGS,
    FORM_CAPTION,
    FURNITURE_TAGS,
    JUNK_TAGS,
    LINK_GLYPHS,
    OPENS_WITH_TAG_LABEL,
    TAG_LABEL_OPENERS,
    is_boilerplate_attrs,
    is_boilerplate_line,
    is_furniture_tag,
    is_hidden_attrs,
    is_table_of_contents,
)
from newsarchive.extraction.page_toc import page_tocs
from newsarchive.extraction.pull_quotes import RepeatedPullQuotes
from newsarchive.extraction.signup_boxes import signup_boxes
from newsarchive.markup import TAG_NAMES

BLOCK_TAGS = frozenset(
    "address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th thead "
    "tr ul body html center caption legend fieldset menu dialog".split()
)
_SKIP_TAGS = frozenset(JUNK_TAGS) | {"head", "title", "-comment", "_comment", "img", "picture"}
# Asked about before ``_enter``: the junk, and a label, which is junk inside a form only.
_SKIP_OR_CAPTION = _SKIP_TAGS | {FORM_CAPTION}
_FURNITURE = frozenset(FURNITURE_TAGS)
_LEAVE_TAGS = BLOCK_TAGS | {"a"}
_TABLE_PARTS = frozenset(("tr", "td", "th"))
_CELL_TAGS = frozenset(("td", "th"))
# The elements a data table's cells are told by, on the way down (``Walker._table``).
_TABLE_TAGS = frozenset(("table", "thead", "tbody", "tfoot", "tr", "td", "th"))
_ROW_GROUPS = frozenset(("thead", "tbody", "tfoot"))
# Any of these inside a cell makes its table a layout's: a paragraph, a list, a box, a
# table. (``br`` is not one: a cell's lines are still one datum's.) Not the cell tags: the
# query matches the cell itself; a nested table's cells are inside its ``table``.
_CELL_BLOCKS = frozenset(BLOCK_TAGS - _CELL_TAGS)
# Elements a datum's cell holds at most: more (a page set in a layout's cell, a menu) is
# a layout's, told without walking the rest of it.
_CELL_ELEMENTS = 100
# A cell longer than this is prose, not a datum: the page's text set in a layout's cell.
DATA_CELL_MAX = 300
# A data cell (or a paragraph in one), for ``lines``: the serials of its table, row and
# cell, and the cell's place in its row.
Cell = tuple[int, int, int, int]
# A line of a cell of several paragraphs longer than this is a sentence of prose, not a
# datum's line (a street, a name): the cell is a layout's (``_paragraphs_only``).
DATA_LINE_MAX = 80
# A cell of this many links is a menu (an old layout's left column), not a datum.
DATA_CELL_LINKS = 3
# The separators a data table's row is written with: between its cells, and between the
# ``<br>`` lines of one cell (not " | ", which would read as a cell of its own).
CELL_SEPARATOR = " | "
CELL_LINE_SEPARATOR = " / "
# Formatting tags whose attributes never decide anything: entered without reading them.
_PLAIN_INLINE = frozenset("b i em strong u s small sup sub abbr cite q time mark font".split())
# A blank line in preformatted text: where a paragraph typed into one ``<pre>`` ends (an
# old municipality's notice pasted from a typewriter's file shows as typed). Its lone
# line breaks join, but for rows and verses (``typed_lines``): a typed paragraph is
# wrapped at its margin.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")
# A gap that sets a typed line's columns apart ("с. Речица      - 10.12.2026 г."): three
# blanks or a tab between words, where a typed sentence has one (two after a full stop).
_COLUMN_GAP = re.compile(r"\S(?: {3,}|\t)\s*\S")
# How short a typed line (not a paragraph's last) may be, against the paragraph's
# longest, and still be one its margin wrapped: a wrapped line ends near the margin,
# and no typist's margin is narrower than ``_NARROWEST_MARGIN`` characters (a verse's is).
_WRAPPED_SHARE = 0.5
_NARROWEST_MARGIN = 45
# The fewest lines read as verses: two may be a sentence broken once by hand.
_VERSES = 3


def typed_lines(part: str) -> list[str]:
    """A paragraph of preformatted text as the lines a reader reads apart: its lines
    where they are rows (a schedule's columns set apart by blanks) or verses (three
    lines or more, all short or two of them ending well short of the paragraph's
    margin), else the paragraph whole, its margin wrapping one text (a line broken once
    by hand still joins the next). A schedule typed as "с. Долна Каменица     -
    08.12.2026 г." line by line was read as one run-on sentence, and a poem's lines as
    prose (a program's listing is ragged too, and its lines are its reader's). A line
    of no letter or digit (a rule drawn "-----") frames a screen's print or a table's:
    its paragraph stays whole, as it was."""
    if "\n" not in part.strip():
        return [part]
    lines = [line for line in part.split("\n") if line and not line.isspace()]
    if len(lines) < 2:
        return [part]
    if not all(any(c.isalnum() for c in line) for line in lines):
        return [part]
    if any(_COLUMN_GAP.search(line.strip()) for line in lines):
        return lines
    if len(lines) < _VERSES:
        return [part]
    widths = [len(line.strip()) for line in lines]
    margin = max(widths)
    short = sum(width < margin * _WRAPPED_SHARE for width in widths[:-1])
    return lines if margin < _NARROWEST_MARGIN or short >= 2 else [part]


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows: in its row groups or right in it, not a nested table's."""
    rows: list[LexborNode] = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in _ROW_GROUPS:
            rows += [row for row in child.iter() if row.tag == "tr"]
    return rows


def _span(cell: LexborNode, name: str) -> int:
    value = (cell.attributes.get(name) or "").strip()
    return max(int(value), 1) if value.isdigit() and len(value) < 4 else 1


def _blank_line(breaks: list[LexborNode]) -> bool:
    """Two ``<br>`` (of a cell's ``breaks``) with nothing but blanks between: a
    paragraph's end, as an old layout's text cell parts its paragraphs."""
    for br in breaks:
        following = br.next
        while following is not None and following.tag == "-text" and following.text().isspace():
            following = following.next
        if following is not None and following.tag == "br":
            return True
    return False


def _holds_a_datum(cell: LexborNode) -> bool:
    """The cell's content is a datum's: inline text, or paragraphs of it
    (``_paragraphs_only``), fewer than ``DATA_CELL_LINKS`` links (more: a menu), no blank
    line of two ``<br>`` (``_blank_line``: paragraphs), at most ``_CELL_ELEMENTS``
    elements. One walk of the cell, left at the first element that settles it: three
    lexbor queries a cell, each with its fixed cost, doubled the time a 20,000-row
    table took to extract."""
    paragraphs: list[LexborNode] = []
    breaks: list[LexborNode] = []
    links = 0
    for count, node in enumerate(cell.traverse()):
        tag = node.tag
        if not count:
            continue  # (the cell itself)
        if count > _CELL_ELEMENTS:
            return False
        if tag in _CELL_BLOCKS:
            if tag != "p":
                return False
            paragraphs.append(node)
        elif tag == "a":
            links += 1
            if links >= DATA_CELL_LINKS:
                return False
        elif tag == "br":
            breaks.append(node)
    return _paragraphs_only(paragraphs) and not _blank_line(breaks)


def _paragraphs_only(paragraphs: list[LexborNode]) -> bool:
    """A cell's ``paragraphs`` (its only block elements: each holds inline text only, as
    a ``<p>`` cannot hold a block, the parser closing it first): where two or more hold
    text, none is longer than ``DATA_LINE_MAX``.

    Word pasted into a CMS's editor sets each cell's text in ``<p class=MsoNormal>``
    (TinyMCE and WordPress's classic editor keep it), a list of streets a paragraph a
    street, and an outage schedule or a council's decisions pasted so is still a table
    of data; a heading, a list or a box in a cell is a layout's, and so are paragraphs
    of sentences in one cell (the page's text set in a layout's column), as two ``<br>``
    parting them are (``_blank_line``)."""
    texts = 0
    long = False
    for block in paragraphs:
        size = len(block.text(deep=True).strip())
        texts += size > 0
        long = long or size > DATA_LINE_MAX
    return texts < 2 or not long


def is_data_table(table: LexborNode) -> bool:
    """A table of data, whose rows are written a row to a line (``lines``), not a layout.

    The rule: every cell holds inline text only, or paragraphs of it (no heading, list,
    box or table in it: ``_CELL_BLOCKS``, ``_paragraphs_only``: Word's cells are
    ``<p>``s), none longer than ``DATA_CELL_MAX`` characters, nor holding
    ``DATA_CELL_LINKS`` links (a menu) or a blank line of two ``<br>`` (paragraphs), and every row
    is at least two columns wide, counting a cell's ``colspan`` and the cells above
    reaching down into it by ``rowspan``, and some row sets two cells of text side by
    side (a table whose rows are each one cell spanning it, as Mambo's and Joomla 1.0's
    ``contentpaneopen`` sets its date, its text's paragraphs and its last change, is a
    layout however wide its ``colspan``). An outage schedule "Улица | Часове", a
    council's "№ | Решение | Гласували", an НСИ table all are. A table holding the page
    (cells of paragraphs and boxes), a cell holding a block, one-cell rows and a table
    around a table are a layout's: their cells stay a line each, as the blocks they hold
    are; so is an old site's table of a menu cell beside a short text's cell (its
    headline, date and paragraphs parted by ``<br>``), whose lines the title and date
    rules read one by one. Why by its cells and not its markup's names: a municipal
    CMS's data table is as often a bare ``<table border=1>`` as a classed one, and
    layouts are bare too.
    """
    rows = _rows(table)
    if not rows:
        return False
    below: list[int] = []  # for each column reached by a rowspan: rows it still covers
    side_by_side = False  # a row with two cells of text
    for row in rows:
        width = sum(1 for left in below if left > 0)
        below = [left - 1 for left in below if left > 1]
        texts = 0
        for cell in row.iter():
            if cell.tag not in _CELL_TAGS:
                continue
            if not _holds_a_datum(cell):
                return False
            size = len(cell.text(deep=True).strip())
            if size > DATA_CELL_MAX:
                return False
            texts += size > 0
            columns = _span(cell, "colspan")
            width += columns
            down = _span(cell, "rowspan")
            if down > 1:
                below += [down - 1] * columns
        if width < 2:
            return False
        side_by_side = side_by_side or texts >= 2
    return side_by_side


def _places(blocks: list[Block], cells: dict[int, Cell]) -> dict[tuple[int, int], int]:
    """Each data table's places (a cell's index in its row) that hold a line in some row,
    and the place each is written at: a place empty in every row is left out, or each
    line would open with "| " for a column of pictures, of corner cells, or of in-page
    links the walk skips (``page_toc``). Told by the blocks, not the markup: a column is
    empty for the reader when nothing of it is written."""
    filled: dict[int, set[int]] = {}
    for block in blocks:
        found = cells.get(block.owner)
        if found is not None:
            filled.setdefault(found[0], set()).add(found[3])
    return {
        (table, place): written
        for table, places in filled.items()
        for written, place in enumerate(sorted(places))
    }


def lines(blocks: list[Block], cells: dict[int, Cell]) -> list[str]:
    """The blocks' texts, a line each, but a data table's row on one line, its cells in
    the order the reader sees them joined by ``CELL_SEPARATOR`` (header row too).

    ``cells``: each data cell's serial, and each paragraph's in one, with its table's,
    row's and cell's serials and the cell's place among its row's cells (``Walker.data_cells``;
    by the cell, not the block's owner: a ``<p>`` in a cell is its own owner, and a
    cell's paragraphs are its lines). A place empty in every row is left out
    (``_places``). A merged cell is written once, in the row it starts in. An
    empty cell is written as an empty place between separators when a cell with text
    follows it in the row ("1 | | 21 за": the vote stays in its column); empty cells
    ending a row are not written. A cell's ``<br>`` lines are joined by
    ``CELL_LINE_SEPARATOR``, as are its paragraphs. Why a row a line: a reader of the
    archive (a search hit, ``show``, an export) saw "ул. Борисова" on one line and
    "09:00 – 16:00" on the next, the pairing lost; and the row's words are all still in
    the text for the index to find.
    """
    if not cells:
        return [block.text for block in blocks]
    written = _places(blocks, cells)
    out: list[str] = []
    i, n = 0, len(blocks)
    while i < n:
        block = blocks[i]
        found = cells.get(block.owner)
        if found is None:
            out.append(block.text)
            i += 1
            continue
        table, row, cell, _ = found
        place = written[table, found[3]]
        parts = [""] * place + [block.text]
        i += 1
        while i < n and (found := cells.get(blocks[i].owner)) is not None and found[1] == row:
            if found[2] == cell:
                parts[-1] += CELL_LINE_SEPARATOR + blocks[i].text
            else:
                cell, next_place = found[2], written[table, found[3]]
                parts += [""] * max(next_place - place - 1, 0) + [blocks[i].text]
                place = next_place
            i += 1
        out.append(squash(CELL_SEPARATOR.join(parts)))
    return out


# What stands between a box's inline fields ("<span class="pub-date">Publié le …</span>,
# <span class="maj-date">mis à jour le …</span>", "Автор · Дата"): where the walk skips
# the fields as furniture, the separators between them were left a line of their own
# (","), never one of the text. Not the signs a text's own line may be: a scene break's
# ("* * *", "—", "---"), a code listing's closing brackets ("])", "):"), a table cell's
# dash for none ("–"): on the dev pages each was a line of the text (WCXB 0382, 4130).
_STRAY_SEPARATORS = ",;·•|/ "
_STRAY_MAX = 8


def squash(text: str) -> str:
    """``text`` on one line, single-spaced, without zero-width spaces and BOMs.

    ``isascii`` is a flag CPython keeps on every str: an ASCII text cannot hold either
    character, and is not scanned twice for them. Most paragraphs are single-spaced
    already (two in three on AEB), and are returned as they are: a text is when it has
    no whitespace but single spaces inside it. Every other whitespace character (a tab, a
    newline, a no-break space, U+2028...) is unprintable to ``isprintable``, as are both
    characters dropped, so one scan of it tells; ``split`` and ``join`` cost a new str per
    word.
    """
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text
    if not text.isascii() and ("\u200b" in text or "\ufeff" in text):
        text = text.replace("\u200b", "").replace("\ufeff", "")
    return " ".join(text.split())


@dataclass(slots=True)
class Block:
    """One paragraph-like run of text and what kind of element produced it."""

    text: str
    link_share: float
    tag: str
    parent: int = -1
    grandparent: int = -1
    size: int = 0
    # The element the text is in (``parent`` holds it): lines a ``<br>`` splits share it.
    owner: int = -1


# What a furniture mark is, for telling siblings of one kind apart: the serial of the
# block element holding it, and its tag with its first class word ("div.c-product-box").
Kind = tuple[int, str]
# A marked range of blocks: start, end, and the kind of element that was marked.
Mark = tuple[int, int, Kind]
# A furniture subtree not walked: its text size, the node, its stand-in block, and its kind
# (whose serial is the stand-in's parent).
Skipped = tuple[int, LexborNode, Block, Kind]


# Below this a box's scripts cannot outweigh a paragraph of prose: not worth a search.
_SCRIPT_WORTH_CHECKING = 200
# Furniture marks open at once past which an element is not asked whether it is marked:
# it is in furniture already, and the marks enclosing it range over it. Real pages nest
# at most 14 (AEB, WCXB dev, ../shared/bg-pages); each mark reads its subtree's text
# (``_skip``) and searches it for an article's body (``clean``), so a page of thousands
# of nested marked boxes cost its size times its depth (9,000 nested "comments" boxes:
# 16 s, ``bench/hostile_bench.py``) while under ``markup.MAX_DEPTH``'s scan.
_MARKS_NESTED_MAX = 32


def _shown_size(node: LexborNode, size: int) -> int:
    """What a furniture subtree of ``size`` characters shows, for the weight of its stand-in:
    its text without the scripts inlined in it.

    A "related" box whose links each carry an analytics script counted as several times
    its text, and standing in as that much furniture it kept the article around it from
    being taken whole. (Whether to walk a subtree is still judged on its whole text.)
    """
    if size < _SCRIPT_WORTH_CHECKING:
        return size
    return max(size - sum(len(script.text_lexbor()) for script in node.css("script")), 0)


class Walker:
    """Single DOM pass collecting blocks, each block element's range, and furniture ranges.

    Iterative (``child``/``next``/``parent`` with a depth counter) rather than recursive, so
    a pathologically deep document cannot hit Python's recursion limit. Junk and hidden
    elements are skipped here instead of being decomposed first, and furniture marks are
    read from the attributes the walk fetches anyway: one pass over the tree in total.
    """

    def __init__(
        self,
        *,
        mark: bool,
        skip_below: float = 0.0,
        in_page_links: list[LexborNode] | None = None,
        skipped: set[int] | None = None,
        signups: set[int] | None = None,
        quotes: RepeatedPullQuotes | None = None,
    ) -> None:
        self.blocks: list[Block] = []
        self.ranges: list[tuple[int, int, int]] = []
        self.table_parts: dict[int, str] = {}  # serial of a range -> "tr", "td" or "th"
        # A data table's cells (``is_data_table``) and the paragraphs in them: serial ->
        # the serials of its table, row and cell and the cell's place in its row; the
        # serials of data tables and their row groups, each with its table's; each data
        # row's cells so far, and its table's serial.
        self.data_cells: dict[int, Cell] = {}
        self._data_parts: dict[int, int] = {}
        self._row_cells: dict[int, tuple[int, int]] = {}
        self.marked_ranges: list[Mark] = []
        self._mark = mark
        self._skip_below = skip_below
        self.skipped: list[Skipped] = []
        # The skipped furniture boxes whose text opens with a tag label ("Tags: Radweg,
        # Stadt", ``clean.OPENS_WITH_TAG_LABEL``): where a post's tag line may be, told
        # from the text ``_skip`` reads anyway (a search of the page for a Latin label
        # cost 3% of AEB's extraction; ``pipeline`` reads the tags).
        self.tag_label_boxes: list[LexborNode] = []
        self._buf: list[str] = []
        self._raw = 0
        self._link_raw = 0
        self._links = 0
        self._owners: list[tuple[str, int, int]] = []
        self._open_marks: list[tuple[int, int, Kind]] = []
        self._serial = 0
        self._code_depth = 0  # the depth of the <pre>/<code> being walked, 0 outside one
        # The boxes the walk skips (their ``mem_id``): the tables of contents of the root
        # walked (``page_toc.page_tocs``, from the in-page links listed, the metadata's of
        # the whole page, else a query of the root's own); given whole to a splice's walk.
        # And the pull quotes ``quotes`` tells repeat the text, asked of each element
        # entered with a class (a splice's walk asks the same).
        self._skipped = skipped
        # The sign-up boxes set in the page (``signup_boxes``), walked as furniture.
        self._signups = signups
        self._in_page_links = in_page_links
        self._quotes = quotes

    def flush(self) -> None:
        if not self._buf:
            return
        text = squash("".join(self._buf))
        if text and not (len(text) <= _STRAY_MAX and not text.strip(_STRAY_SEPARATORS)):
            owners = self._owners
            share = self._link_raw / self._raw if self._raw else 0.0
            self.blocks.append(
                Block(
                    text,
                    min(share, 1.0),
                    owners[-1][0] if owners else "body",
                    owners[-2][2] if len(owners) > 1 else -1,
                    owners[-3][2] if len(owners) > 2 else -1,
                    len(text),
                    owners[-1][2] if owners else -1,
                )
            )
        self._buf.clear()
        self._raw = self._link_raw = 0

    def _enter(self, node: LexborNode, tag: str, depth: int) -> bool:
        """Handle an element on the way down; False means skip its subtree. (``walk``
        leaves ``_SKIP_TAGS`` out before asking.)"""
        if tag == "br":
            if self._buf:
                self.flush()
            return False
        if self._skipped and node.mem_id in self._skipped:
            return False  # (skipped as ``is_table_of_contents``'s boxes are)
        attrs = node.attributes
        if (
            attrs
            and self._quotes is not None
            and (names := attrs.get("class"))
            and "pull" in names
            and self._quotes(node, names)
        ):
            return False  # (as the tables of contents, before a ``<pre>`` is entered)
        if self._code_depth and depth <= self._code_depth:
            self._code_depth = 0  # left the code element: a later sibling or above
        in_code = self._code_depth > 0
        if tag in CODE_TAGS and not in_code:
            self._code_depth = depth
        if attrs:
            if ("style" in attrs or "hidden" in attrs or "aria-hidden" in attrs) and (
                is_hidden_attrs(attrs)
            ):
                return False
            if is_table_of_contents(attrs):
                return False
            marked = (
                self._mark
                and not in_code
                and len(self._open_marks) < _MARKS_NESTED_MAX
                and (
                    (tag in _FURNITURE and is_furniture_tag(tag, node))
                    or is_boilerplate_attrs(tag, attrs, node)
                )
            )
        else:
            marked = (
                self._mark
                and len(self._open_marks) < _MARKS_NESTED_MAX
                and tag in _FURNITURE
                and is_furniture_tag(tag, node)
            )
        if self._signups and not marked and self._mark and node.mem_id in self._signups:
            marked = len(self._open_marks) < _MARKS_NESTED_MAX
        if marked:
            if self._buf:
                self.flush()
            classes = (attrs.get("class") or "").split() if attrs else []
            kind = (
                self._owners[-1][2] if self._owners else -1,
                f"{tag}.{classes[0] if classes else ''}",
            )
            if self._skip_below > 0 and self._skip(node, kind):
                return False
            self._open_marks.append((depth, len(self.blocks), kind))
        if tag in BLOCK_TAGS:
            if self._buf:
                self.flush()
            self._serial += 1
            if tag in _TABLE_TAGS:
                self._table(node, tag)
            elif tag == "p" and self.data_cells and self._owners:
                # a data cell's paragraph: its lines are the cell's (``lines``)
                cell = self.data_cells.get(self._owners[-1][2])
                if cell is not None:
                    self.data_cells[self._serial] = cell
            self._owners.append((tag, len(self.blocks), self._serial))
        return True

    def _table(self, node: LexborNode, tag: str) -> None:
        """Note a data table's parts as they are entered (``_serial`` is the element's):
        the table itself when ``is_data_table``, its row groups and rows, and each cell
        with its place in its row, for ``lines``."""
        serial, parts = self._serial, self._data_parts
        above = self._owners[-1][2] if self._owners else -1
        if tag == "table":
            if is_data_table(node):
                parts[serial] = serial
        elif tag in _ROW_GROUPS:
            if above in parts:
                parts[serial] = parts[above]
        elif tag == "tr":
            if above in parts:
                self._row_cells[serial] = (0, parts[above])
        elif above in self._row_cells:
            place, table = self._row_cells[above]
            self.data_cells[serial] = (table, above, serial, place)
            self._row_cells[above] = (place + 1, table)

    def _preformatted(self, text: str) -> None:
        """A text node inside ``<pre>``/``<code>``: its blank lines end the block, as they
        part paragraphs on screen, and so do the line breaks of rows and verses
        (``typed_lines``); the rest is read as any text is (squashed).

        A piece the line rules would drop as a paragraph ("(c) Copyright 1990-1994, …
        All rights reserved" in a machine's boot log) stays joined to the one before:
        preformatted text is printed verbatim, and no line of it was ever furniture. So
        a paragraph one of whose lines they would drop (a host name alone in a listing,
        read as a spelled-out link) keeps its lines joined."""
        parts = _BLANK_LINE.split(text) if "\n" in text else [text]
        for n, part in enumerate(parts):
            if n and not is_boilerplate_line(squash(part)):
                self.flush()
            if part and not part.isspace():
                lines = typed_lines(part)
                if len(lines) > 1 and any(is_boilerplate_line(squash(line)) for line in lines):
                    lines = [part]
                for m, line in enumerate(lines):
                    if m:
                        self.flush()
                    self._buf.append(line)
                    self._raw += len(line)
                    if self._links > 0:
                        self._link_raw += len(line)
            elif self._buf:
                self._buf.append(" ")

    def _skip(self, node: LexborNode, kind: Kind) -> bool:
        """Stand a furniture subtree in for one text-less block of its size, unwalked.

        A subtree with more text than ``skip_below`` is not skipped: it could be a
        mis-classed article wrapper, and is walked like any other marked element.
        """
        text = node.text_lexbor().strip()
        size = len(text)
        if size > self._skip_below:
            return False
        if text[:1] in TAG_LABEL_OPENERS and OPENS_WITH_TAG_LABEL.match(text):
            self.tag_label_boxes.append(node)
        if size:
            start = len(self.blocks)
            stand_in = Block("", 1.0, "div", kind[0], -1, _shown_size(node, size))
            self.blocks.append(stand_in)
            self.marked_ranges.append((start, start + 1, kind))
            self.skipped.append((size, node, stand_in, kind))
        return True

    def _form_caption(self, node: LexborNode, above: list[tuple[LexborNode, str]]) -> bool:
        """Stand a form's field caption in for a text-less all-link block of its size;
        False for a label outside any form (``above``: the elements it is in), which is
        text like any other and walked so.

        Its words are never output, but the form still weighs as the furniture it is: a
        sign-up form after the article is what ends it, and without its captions' weight
        the posts listed under the form were taken as the article going on. Asked in the
        walk's one test of the skipped tags, so that a junk tag is told from a caption
        once.
        """
        if not any(up == "form" for _, up in above):
            return False
        size = len(squash(node.text_lexbor()))
        if size:
            if self._buf:
                self.flush()
            owners = self._owners
            parent = owners[-1][2] if owners else -1
            self.blocks.append(Block("", 1.0, "div", parent, -1, size))
        return True

    def _leave(self, tag: str, depth: int) -> None:
        marks = self._open_marks
        if marks and marks[-1][0] == depth:
            self._close_mark()
        if tag in BLOCK_TAGS:
            self._close_block(tag)
        elif tag == "a":
            self._links -= 1

    def _close_mark(self) -> None:
        """Record the innermost open furniture mark's range (its element is being left)."""
        if self._buf:
            self.flush()
        _, start, kind = self._open_marks.pop()
        if len(self.blocks) > start:
            self.marked_ranges.append((start, len(self.blocks), kind))

    def _close_block(self, tag: str) -> None:
        """Record the range of the block element being left (``tag``)."""
        if self._buf:
            self.flush()
        if len(self._owners) > 1:
            _, start, serial = self._owners.pop()
            if len(self.blocks) > start:
                self.ranges.append((serial, start, len(self.blocks)))
                if tag in _TABLE_PARTS:
                    self.table_parts[serial] = tag

    def walk(self, root: LexborNode) -> None:
        """Visit ``root``'s descendants in document order; ``root`` is the outermost block.

        Text handling is inlined: this loop runs for every node of every page, and is most
        of the extractor's cost after parsing. The way back up is a stack of the elements
        entered and their tags: selectolax's ``parent`` and ``tag`` each build a new object
        per call, and climbing with them cost more than the stack's pushes and pops.
        ``first_child``, not its alias ``child``, which costs a second property look-up.
        A tag is read as its number, named by ``markup.TAG_NAMES``: ``tag`` builds its str.
        Two text nodes in three are indentation: lexbor's ``is_empty_text_node`` (ASCII
        whitespace) tells them without building their text as a str; only the others are
        read, and ``isspace`` still decides for those (a lone no-break space is blank).
        (It calls an empty text node blank too; the parser never makes one.)
        """
        if self._skipped is None:
            self._skipped = page_tocs(root, self._in_page_links) | appended_posts(root)
        if self._signups is None:
            self._signups = signup_boxes(root)
        self._serial += 1
        self._owners.append((root.tag or "body", 0, self._serial))
        buf, enter, leave, open_marks = self._buf, self._enter, self._leave, self._open_marks
        blocks, owners, ranges = self.blocks, self._owners, self.ranges  # (never rebound here)
        above: list[tuple[LexborNode, str]] = []  # the elements entered, innermost last
        names = TAG_NAMES
        node = root.first_child
        depth = 1
        while node is not None:
            tag = names.get(node.tag_id) or node.tag or ""
            if tag == "-text":
                if self._code_depth and depth > self._code_depth:
                    self._preformatted(node.text_content or "")
                elif node.is_empty_text_node:
                    if buf:
                        buf.append(" ")
                else:
                    text = node.text_content or ""
                    if text.isspace():
                        if buf:
                            buf.append(" ")
                    elif self._links > 0 and len(text) < 4 and text.strip() in LINK_GLYPHS:
                        pass  # a link printing a glyph alone (``LINK_GLYPHS``): no word
                    else:
                        buf.append(text)
                        self._raw += len(text)
                        if self._links > 0:
                            self._link_raw += len(text)
            elif tag in _PLAIN_INLINE:
                child = node.first_child
                if child is not None:
                    above.append((node, tag))
                    node, depth = child, depth + 1
                    continue
            elif tag == "a":
                child = node.first_child
                if child is not None:
                    self._links += 1
                    above.append((node, tag))
                    node, depth = child, depth + 1
                    continue
            elif tag in _SKIP_OR_CAPTION and (
                tag != FORM_CAPTION or self._form_caption(node, above)
            ):
                pass  # junk skipped here, so that ``_enter`` need not ask; a caption stood in
            elif enter(node, tag, depth):
                child = node.first_child
                if child is not None:
                    above.append((node, tag))
                    node, depth = child, depth + 1
                    continue
                if tag in _LEAVE_TAGS or open_marks:  # else ``_leave`` has nothing to do
                    leave(tag, depth)
            following = node.next
            while following is None and depth > 1:
                node, tag = above.pop()
                depth -= 1
                # ``_leave`` written out: this runs for every element walked
                if open_marks and open_marks[-1][0] == depth:
                    self._close_mark()
                if tag == "a":
                    self._links -= 1
                elif tag in BLOCK_TAGS:
                    if buf:
                        self.flush()
                    if len(owners) > 1:
                        _, start, serial = owners.pop()
                        end = len(blocks)
                        if end > start:
                            ranges.append((serial, start, end))
                            if tag in _TABLE_PARTS:
                                self.table_parts[serial] = tag
                following = node.next
            node = following
        self.flush()
        if self._owners and self.blocks:
            self.ranges.append((self._owners[0][2], 0, len(self.blocks)))


def splice(walker: Walker, entries: list[tuple[Skipped, float]]) -> None:
    """Walk skipped furniture subtrees and put their blocks in place of their stand-ins.

    Cheaper than walking the page again: only the subtrees are visited. Their serials
    start past the page's so block parents stay unique, and every range is shifted to
    match. Each entry is a subtree and the ``skip_below`` to walk it with; the page's
    blocks, ranges and marks are rebuilt once for all of them, so splicing the thousand
    boxes of one kind a page may hold costs one pass, not a thousand.
    """
    position = {id(block): i for i, block in enumerate(walker.blocks)}
    subs: list[tuple[int, Walker, Kind]] = []
    for (_, node, stand_in, kind), bound in entries:
        sub = Walker(
            mark=True,
            skip_below=bound,
            skipped=walker._skipped,
            signups=walker._signups,
            quotes=walker._quotes,
        )
        sub._serial = walker._serial + 1
        sub.walk(node)
        walker._serial = sub._serial + 1
        root = sub.ranges[-1][0] if sub.ranges else -1
        for block in sub.blocks:
            if block.parent == -1:
                block.parent, block.grandparent = kind[0], -1
            elif block.parent == root and block.grandparent == -1:
                block.grandparent = kind[0]
        subs.append((position[id(stand_in)], sub, kind))
        walker.tag_label_boxes += sub.tag_label_boxes
    in_place = sorted(subs, key=lambda item: item[0])
    # Where each old block index lands: past the blocks the splices before it added.
    at = [index for index, _, _ in in_place]
    added = [0]
    for _, sub, _ in in_place:
        added.append(added[-1] + len(sub.blocks) - 1)

    def moved(index: int) -> int:  # (an index of a stand-in stays where its blocks start)
        return index + added[bisect.bisect_left(at, index)]

    blocks: list[Block] = []
    start = 0
    for index, sub, _ in in_place:
        blocks += walker.blocks[start:index]
        blocks += sub.blocks
        start = index + 1
    blocks += walker.blocks[start:]
    walker.blocks = blocks
    stand_ins = {(index, index + 1) for index in at}
    ranges = [(serial, moved(a), moved(b)) for serial, a, b in walker.ranges]
    marks = [(moved(a), moved(b), k) for a, b, k in walker.marked_ranges if (a, b) not in stand_ins]
    for index, sub, kind in subs:  # in the order given, as one splice after another would
        new = moved(index)
        ranges += [(serial, a + new, b + new) for serial, a, b in sub.ranges]
        walker.table_parts.update(sub.table_parts)
        walker.data_cells.update(sub.data_cells)
        marks += [(a + new, b + new, k) for a, b, k in sub.marked_ranges]
        if sub.blocks:
            marks.append((new, new + len(sub.blocks), kind))
    walker.ranges = ranges
    walker.marked_ranges = marks


def walk_blocks(
    node: LexborNode,
    *,
    mark: bool = False,
    skip_below: float = 0.0,
    in_page_links: list[LexborNode] | None = None,
    quotes: RepeatedPullQuotes | None = None,
) -> Walker:
    walker = Walker(mark=mark, skip_below=skip_below, in_page_links=in_page_links, quotes=quotes)
    walker.walk(node)
    return walker
