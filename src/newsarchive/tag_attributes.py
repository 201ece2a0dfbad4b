"""Keep a tag's attributes few enough that lexbor parses them in linear time.

lexbor looks up each attribute of a tag among those already on it, one by one, to drop
duplicates (end tags included), and a second ``<html>`` or ``<body>`` tag adds its
attributes to the element the same way: a tag with 40,000 attributes took 2.2 s to parse,
80,000 on an end tag 1.1 s, 40,000 ``<html aN>`` tags 10 s (a loaded machine).
``cap_attributes`` drops the attributes past ``MAX_ATTRIBUTES`` (on ``<html>`` and
``<body>`` tags, counted together), reading attributes as the HTML tokenizer does:
however quoted, with ``<`` or ``>`` in quoted values, unquoted or without values,
separated by ``/`` or newlines, in any case, with duplicate names (each is looked up all
the same).

The exact scan reads every tag, a cost no ordinary page should pay, so ``may_hold_long_tag``
first looks at a few bytes every ``MAX_ATTRIBUTES`` bytes; a tag of ``2 * MAX_ATTRIBUTES``
bytes or more (which any tag past the cap is) always shows at one of them (see ``_looked_at``).

A page's attribute names cost lexbor too: it files each new name (in lower case) in one
table of the document's, each insert walking those before it, so ``cap_attributes`` also
drops each attribute whose name would be new past ``MAX_NAMES`` in the page (no real
page has 200). The attributes go, never a tag or a word.

Not yet called by ``markup.parse_html``: on AEB's 181 pages the look costs 0.6% of
extraction's instructions and names 2,336 of its 7,700 places on 107 pages (a script or a
JSON blob without a ``>`` for 4 KB, mostly), and the match after it 8.4% more, where the
budget is 0.3% in all. Gating by size does not rescue it (measured December 2026): names
of one to three bytes put 20,000 attributes in one 78 KB tag (0.7 s to parse; 40,000 in
158 KB: 3.7 s) and 100,000 new names in 430 KB (3.6 s), while 138 of AEB's 181 pages are
over 64 KiB and 74 over 128 KiB, so a gate low enough to matter spares few pages; and no scan
that reads every byte of a big page fits the budget (``past_cap`` 3-5% of extraction,
a set of the page's words 60-90%). Nor is the tag cap alone a bound per byte: 1 MB of
tags each at ``MAX_ATTRIBUTES`` took 8.1 s, of 256 attributes 1.0 s, of 64 0.4 s (flat
``<div>``s 0.2 s).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

MAX_ATTRIBUTES = 4096  # real tags carry a few dozen at most
# Distinct attribute names in a page: lexbor files each new one in one table of the
# document's, each insert walking the names before it. The most on 906 real pages
# (WCXB dev, AEB, bg-pages) is 154; 4,096 cost lexbor nothing, 40,000 packed 1,000 to a
# tag 0.2-0.3 s, 100,000 3.6 s.
MAX_NAMES = 4096
_WS = b"\t\n\f\r "

# One attribute as the tokenizer reads it: separators, a name, maybe "=" and a value.
_SEPARATORS = rb"[\t\n\f\r /]*+"
_NAME = rb"[^\t\n\f\r />][^\t\n\f\r /=>]*+"
_VALUE = rb"(?:[\t\n\f\r ]*+=[\t\n\f\r ]*+(?:\"[^\"]*+\"?|'[^']*+'?|[^\t\n\f\r >]*+))?"
# Atomic: backtracking into one would read its value as another attribute's name (a name
# may start with "="), and tries would double.
_ATTRIBUTE = rb"(?>" + _SEPARATORS + _NAME + _VALUE + rb")"
# The same, its name a group: read one after another from where the tag's name ends.
_NAMED = re.compile(_SEPARATORS + rb"(" + _NAME + rb")" + _VALUE)
_REST = re.compile(rb"(?:" + _ATTRIBUTE + rb")*+[\t\n\f\r /]*+")
_MORE = re.compile(rb"[\t\n\f\r /]*+[^\t\n\f\r />]")
_OPEN = re.compile(rb"<(?:(!--)|(/?)([A-Za-z][^\t\n\f\r />]*+)|[!?]|/[^>A-Za-z])")
_COMMENT_END = re.compile(rb"--!?>")


def comment_end(data: bytes, pos: int) -> int:
    """Where the comment whose ``<!--`` ends at ``pos`` closes, as the tokenizer reads it
    ("<!-->" and "<!--->" close at once), or -1 when it runs to the page's end. One rule
    for both scans that step over comments (this one and ``markup.cap_depth``)."""
    if data.startswith((b">", b"->"), pos):
        return pos
    end = _COMMENT_END.search(data, pos)
    return -1 if end is None else end.end()


_RAW = frozenset(b"script style textarea title xmp iframe noembed noframes".split())
_RAW_END = {name: re.compile(rb"</" + name + rb"[\t\n\f\r />]", re.IGNORECASE) for name in _RAW}
_FOREIGN = frozenset((b"svg", b"math"))
# Start tags that end foreign content: the HTML standard's list for "in foreign content".
_BREAKOUT = frozenset(
    b"b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr "
    b"i img li listing menu meta nobr ol p pre ruby s small span strong strike sub sup "
    b"table tt u ul var".split()
)
_MERGED = frozenset((b"html", b"body"))  # a second one adds its attributes to the first's


def _attributes_upto(limit: int) -> re.Pattern[bytes]:
    return re.compile(rb"(?:" + _ATTRIBUTE + rb"){0,%d}+" % limit)


_UPTO = {MAX_ATTRIBUTES: _attributes_upto(MAX_ATTRIBUTES)}
# A start or end tag past the cap, wherever one starts: read from its "<", a tag's
# attributes are what they are whatever comes before, so a page without a match has no
# such tag (a match may be in a script or a comment: the exact scan tells).
_PAST_CAP = re.compile(
    rb"</?[A-Za-z][^\t\n\f\r />]*+(?:" + _ATTRIBUTE + rb"){%d}" % (MAX_ATTRIBUTES + 1)
)


_EQUALS = ord("=")
_WS_BYTES = frozenset(_WS)


def _opens_value(data: bytes, quote_at: int) -> bool:
    """Whether the quote at ``quote_at`` may open an attribute's value: the tokenizer
    enters a quoted value only after ``=`` and whitespace. (Whitespace longer than the
    look-back counts as may.)"""
    before = data[quote_at - 1] if quote_at else 0
    if before == _EQUALS or before not in _WS_BYTES:  # (the common cases, answered first)
        return before == _EQUALS
    kept = data[max(0, quote_at - 64) : quote_at].rstrip(_WS)
    return kept.endswith(b"=") or (not kept and quote_at > 64)


def _looked_at(data: bytes, stride: int) -> Iterator[int]:
    """The multiples of ``stride`` in ``data`` where a tag of ``2 * stride`` bytes or more
    may be: each such tag shows at one within ``stride`` of its start.

    Looked at from each multiple ``p``: the next ``>`` (``r``) and the last quote of
    each kind before it, back to ``p - stride``. A tag that long holds a ``p`` within
    ``stride`` of its start, with ``stride`` bytes of the tag after it. If ``p`` is
    outside a quoted value, ``r`` is either the tag's end (``stride`` or more away) or
    inside a quoted value that opened between ``p`` and ``r``; if ``p`` is inside a quoted
    value, it opened after the tag's start, so less than ``stride`` before ``p``, and
    ``r`` is inside it, or past it as in the other case. A value's opening quote is the
    last of its kind before any ``>`` within it, and follows ``=``: so each case shows.
    """
    size = len(data)
    if size < 2 * stride:
        return
    find, rfind = data.find, data.rfind
    for at in range(stride, size, stride):
        end = find(b">", at, at + stride)
        if end < 0:
            yield at
            continue
        opened = rfind(b'"', at - stride, end)
        if opened >= 0 and _opens_value(data, opened):
            yield at
            continue
        opened = rfind(b"'", at - stride, end)
        if opened >= 0 and _opens_value(data, opened):
            yield at


def may_hold_long_tag(data: bytes, stride: int = MAX_ATTRIBUTES) -> bool:
    """False only when no tag in ``data`` spans ``2 * stride`` bytes or more."""
    return next(_looked_at(data, stride), None) is not None


def past_cap(data: bytes) -> bool:
    """Whether a start or end tag could have more than ``MAX_ATTRIBUTES`` attributes:
    a ``<`` within ``MAX_ATTRIBUTES`` before a place ``_looked_at`` names starts one
    read as such (the tag holding a script's or a comment's text does not count there:
    ``cap_attributes`` tells)."""
    match, find = _PAST_CAP.match, data.find
    for at in _looked_at(data, MAX_ATTRIBUTES):
        start = find(b"<", at - MAX_ATTRIBUTES, at + 1)
        while start >= 0:
            if match(data, start):
                return True
            start = find(b"<", start + 1, at + 1)
    return False


def cap_attributes(data: bytes, limit: int = MAX_ATTRIBUTES, max_names: int = MAX_NAMES) -> bytes:
    """``data`` with each tag's attributes past the ``limit``-th dropped (those of all
    ``<html>`` and ``<body>`` start tags counted together), and each attribute whose name
    (in lower case, as lexbor files it) is new after ``max_names`` others in the page;
    ``data`` itself when nothing is past either cap. Comments, doctypes and the text of
    raw-text elements (``<script>``, ``<style>``, ``<textarea>``...) are skipped as the
    tokenizer skips them; inside ``<svg>`` or ``<math>`` those elements hold markup, and
    are read as such. Only attributes go: every tag and every word of text stays."""
    upto = _UPTO.get(limit) or _attributes_upto(limit)
    cuts: list[tuple[int, int, bytes]] = []  # (from, to, put there)
    names: set[bytes] = set()  # the page's attribute names so far, lexbor's table of them
    merged = 0  # attributes on <html> and <body> tags so far
    foreign = 0  # open <svg> and <math> elements
    search = _OPEN.search
    pos = 0
    size = len(data)
    while (match := search(data, pos)) is not None:
        pos = match.end()
        if match.group(1):  # a comment, to its end or the page's
            pos = comment_end(data, pos)
            if pos < 0:
                break
            continue
        name = match.group(3)
        if name is None:  # a doctype, "<?...>" or another bogus comment, to its ">"
            pos = data.find(b">", pos)
            if pos < 0:
                break
            continue
        name = name.lower()
        closing = bool(match.group(2))
        rest = _REST.match(data, pos)
        assert rest is not None
        if name in _MERGED and not closing:
            ends = [found.end() for found in re.finditer(_ATTRIBUTE, data[pos : rest.end()])]
            keep = max(limit - merged, 0)
            merged += len(ends)
            kept = pos + (ends[keep - 1] if keep else 0) if len(ends) > keep else rest.end()
        else:
            head = upto.match(data, pos)
            assert head is not None  # (zero attributes always match)
            kept = head.end() if _MORE.match(data, head.end()) else rest.end()
        if kept > pos:
            cuts.extend(_new_names_past(data, pos, kept, names, max_names))
        if kept < rest.end():
            cuts.append((kept, rest.end(), b""))
        pos = rest.end()
        self_closing = data[pos - 1 : pos] == b"/"
        pos += 1  # the ">"
        if closing:
            if name in _FOREIGN and foreign:
                foreign -= 1
            continue
        if name in _FOREIGN:
            foreign += not self_closing
        elif foreign and name in _BREAKOUT:
            foreign = 0
        elif not foreign and name in _RAW and pos <= size:
            end_tag = _RAW_END[name].search(data, pos)
            if end_tag is None:
                break
            pos = end_tag.start()
        elif not foreign and name == b"plaintext":
            break
    if not cuts:
        return data
    pieces: list[bytes] = []
    start = 0
    for cut_from, cut_to, put in cuts:
        pieces.extend((data[start:cut_from], put))
        start = cut_to
    pieces.append(data[start:])
    return b"".join(pieces)


def _new_names_past(
    data: bytes, start: int, end: int, names: set[bytes], max_names: int
) -> Iterator[tuple[int, int, bytes]]:
    """The cuts of the attributes between ``start`` and ``end`` whose names would be new
    past ``max_names`` (``names`` takes the others in): each name from its first byte to
    its value's end, as a space, so that the separators before it stay and a ``/``
    before it does not come to close the tag (``<svg x/a>`` is not ``<svg x/>``)."""
    for found in _NAMED.finditer(data, start, end):
        name = found.group(1).lower()
        if name in names:
            continue
        if len(names) < max_names:
            names.add(name)
        else:
            yield found.start(1), found.end(), b" "


def capped_attributes(data: bytes) -> bytes:
    """``cap_attributes(data)`` where a tag could be past the cap, ``data`` elsewhere.

    Three steps, each ruling out what the next would cost more to: the look every
    ``MAX_ATTRIBUTES`` bytes, a match for such a tag in C at each ``<`` before a place
    it names, without regard to what holds it, and the exact scan. A second ``<html>``
    or ``<body>`` merging its attributes into the first's is only capped once some tag
    is long enough to be looked at."""
    if past_cap(data):
        return cap_attributes(data)
    return data
