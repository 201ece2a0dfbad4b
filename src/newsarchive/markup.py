"""Parse HTML from the outside world into a tree in time linear in its size.

lexbor builds the tree the way the HTML standard says, and two of its steps walk the
stack of open elements: a block start tag (``<div>``, ``<section>``, ``<ul>``...) looks for
an open ``<p>`` to close, and an end tag matching nothing looks for its element. On a
page nested thousands deep each tag walks thousands of elements: 100,000 nested
``<div>``s (1 MB) took 13 s to parse, and a 10 MB page could take hours, so one page
would stall a crawl. Browsers cap the tree's depth (Blink at 512) for the same reason.

``parse_html`` does the same before lexbor sees the page: a quick scan keeps an
approximate stack of open elements (void elements, raw text, implied end tags, the
adoption of a second ``<a>`` and end tags matching nothing are accounted for), and a
start tag that would nest deeper than ``MAX_DEPTH`` first closes the element at the cap,
as Blink does: the new element becomes its sibling. Every tag and every word stays; only
the nesting past the cap changes. Pages with too few tags to nest that deep are not
scanned at all.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.php_notices import without_leading_notices
from newsarchive.streamed import place_streamed
from newsarchive.tag_attributes import comment_end

MAX_DEPTH = 256  # real pages nest 20-60 deep; lexbor's cost per tag grows with the depth
# Fewer tags than this cannot cost lexbor much however they nest (10,000 nested <div>s:
# 0.1 s), and the scan would cost the many ordinary pages a few milliseconds each.
_SCAN_ABOVE = 10_000

_TAG = re.compile(rb"<(!--|/?[A-Za-z][^\t\n\f\r /<>]*)")
_VOID = frozenset(
    b"area base basefont bgsound br col embed frame hr image img input keygen link meta "
    b"param source track wbr html head body".split()  # (html/head/body: never nested)
)
_RAW = frozenset(b"script style textarea title xmp iframe noembed noframes plaintext".split())
_RAW_END = {name: re.compile(rb"</" + name + rb"[\t\n\f\r />]", re.IGNORECASE) for name in _RAW}
_CLOSES_P = frozenset(
    b"address article aside blockquote center details dialog dir div dl fieldset "
    b"figcaption figure footer header hgroup main menu nav ol p search section summary ul "
    b"h1 h2 h3 h4 h5 h6 pre listing form table hr li dd dt".split()
)
_HEADINGS = frozenset(b"h1 h2 h3 h4 h5 h6".split())
_P = frozenset((b"p",))
_BUTTON_SCOPE = frozenset(
    b"applet caption html table td th marquee object template button svg math".split()
)
_TABLE_SCOPE = frozenset(b"html table template".split())
# Special elements that end the search for an open <li>, <dd> or <dt> to close.
_LIST_STOP = frozenset(
    b"applet article aside blockquote body button caption center col colgroup details dir "
    b"dl embed fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup html "
    b"iframe main marquee menu nav object ol pre section select summary table tbody td "
    b"template textarea tfoot th thead tr ul".split()
)
_SPECIAL = _LIST_STOP | {b"address", b"div", b"p", b"li", b"dd", b"dt", b"select"}
_ADOPTED = frozenset((b"a", b"nobr"))
_OPTIONS = frozenset((b"option", b"optgroup"))
_SELECT = frozenset((b"select",))
_SELECT_SCOPE = frozenset((b"html", b"template"))
# A start tag closing an open element of the same family first: (family, search stops at).
_IMPLIED: dict[bytes, tuple[frozenset[bytes], frozenset[bytes]]] = {
    b"li": (frozenset((b"li",)), _LIST_STOP),
    b"dd": (frozenset((b"dd", b"dt")), _LIST_STOP),
    b"dt": (frozenset((b"dd", b"dt")), _LIST_STOP),
    b"td": (frozenset((b"td", b"th")), _TABLE_SCOPE),
    b"th": (frozenset((b"td", b"th")), _TABLE_SCOPE),
    b"tr": (frozenset((b"tr",)), _TABLE_SCOPE),
    b"tbody": (frozenset((b"tbody", b"thead", b"tfoot")), _TABLE_SCOPE),
    b"thead": (frozenset((b"tbody", b"thead", b"tfoot")), _TABLE_SCOPE),
    b"tfoot": (frozenset((b"tbody", b"thead", b"tfoot")), _TABLE_SCOPE),
    b"button": (frozenset((b"button",)), _BUTTON_SCOPE - {b"button"}),
    b"table": (frozenset((b"table",)), frozenset((b"td", b"th", b"caption", b"html"))),
}


# HTML's elements (and lexbor's text and comment nodes), for ``TAG_NAMES``: read from a
# parse of them, as lexbor names them.
_KNOWN_ELEMENTS = (
    "<html><head><title></title><base><link><meta><style></style><script></script>"
    "<noscript></noscript></head><body><table><caption></caption><colgroup><col></colgroup>"
    "<thead><tr><th></th></tr></thead><tbody><tr><td></td></tr></tbody><tfoot></tfoot>"
    "</table><select><optgroup><option></option></optgroup></select><svg></svg><math></math>"
    "text<!--comment-->"
    + "".join(
        f"<{name}></{name}>"
        for name in (
            "a abbr address area article aside audio b bdi bdo blockquote br button canvas "
            "center cite code data datalist dd del details dfn dialog div dl dt em embed "
            "fieldset figcaption figure font footer form h1 h2 h3 h4 h5 h6 header hgroup hr "
            "i iframe img input ins kbd label legend li main map mark marquee menu meter nav "
            "object ol output p picture pre progress q rp rt ruby s samp search section "
            "small source span strike strong sub summary sup template textarea time tt u ul "
            "var video wbr nobr big"
        ).split()
    )
    + "</body></html>"
)


def _tag_names() -> dict[int, str]:
    tree = LexborHTMLParser(_KNOWN_ELEMENTS)
    names: dict[int, str] = {}
    for node in tree.root.traverse(include_text=True) if tree.root is not None else ():
        tag = node.tag
        if tag and node.tag_id < _STATIC_IDS:
            names[node.tag_id] = tag
    return names


# lexbor numbers the names it knows below this; a name it does not know gets a number
# of its tree's own (an address), which another tree may give another name.
_STATIC_IDS = 1 << 16
TAG_NAMES: dict[int, str] = _tag_names()
"""The name of each of HTML's elements by lexbor's number for it (``node.tag_id``), for
the walks that read every node's tag: ``node.tag`` builds a new str at each read, a third
more instructions than the number, and each set it is looked up in hashes the new str
again; these are built and hashed once. Not another namespace's elements, which SVG
spells in camelCase ("foreignObject") under the number of the lower-case name: a node
whose number is not here is asked its ``tag``."""


def parse_html(html: str | bytes) -> LexborHTMLParser:
    """The tree of ``html``, nested at most ``MAX_DEPTH`` deep (see the module's doc).

    A str is handed over as the UTF-8 bytes selectolax would make of it (its
    ``errors="ignore"`` drops lone surrogates). PHP's notices before the root are dropped
    here, where every page's HTML is parsed (an article, its later pages, a listing, a
    site's check), so that none of its readers takes them for the page's first line.
    """
    data = utf8(html) if isinstance(html, str) else html
    return LexborHTMLParser(cap_depth(without_leading_notices(data)))


def page_tree(html: str) -> LexborHTMLParser:
    """The tree ``extract`` reads of a page's ``html`` (its NULs dropped, the parts React
    streamed after the footer put in their places): the crawl parses a page once, into
    this, for extraction and the readers beside it."""
    # Handed over as the UTF-8 bytes selectolax would make of the str itself (its
    # errors="ignore" drops lone surrogates), so that NULs are looked for in bytes: for a
    # zero byte CPython cannot use memchr on a 2- or 4-byte str, and that per-character
    # scan of every page cost 3% of extraction.
    data = utf8(html)
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    tree = parse_html(data)
    place_streamed(tree, data)
    open_word_islands(tree)
    if data.find(b"modal", 0, _FRAGMENT_HEAD) >= 0:
        shown_as_page(tree)
    return tree


def _of_word(node: LexborNode) -> bool:
    """One of Word's own elements: a prefixed name (``w:view``, ``o:p``)."""
    return ":" in (node.tag or "")


def open_word_islands(tree: LexborHTMLParser) -> None:
    """Word's ``<xml>`` of document settings (``<w:WordDocument><w:View>Normal</w:View>``),
    pasted bare, is junk (``extraction.clean.JUNK_TAGS``): every element in it is one of
    Word's own, their names prefixed (``w:``, ``o:``, ``m:``). One a malformed paste left
    open holds the rest of the article too, as lexbor nests what follows an unclosed
    element in it: there Word's elements that hold nothing else go, those the article's
    paragraphs fell into (an unclosed ``<w:WordDocument>``) and the ``<xml>`` itself are
    unwrapped, their contents kept where they stood.

    Found by ``tags``, not by searching the page's bytes for "<xml": lexbor answers at
    once for a tag name the document never used (a search of both spellings of it was
    4% of extracting an AEB page, where no page holds one)."""
    for island in tree.tags("xml"):
        inside = island.css("*")
        if all(_of_word(node) for node in inside):
            continue  # Word's settings alone
        # Whether each of Word's elements holds only Word's, told before any is moved:
        # asking each its descendants (a query of its own) cost the depth times the
        # island's size, 100,000 nested ``<w:a><span>`` 4-11 s with the depth capped.
        # What one holds when its turn comes is what it held, less Word's elements (gone
        # before it, descendants first): holding only those is holding nothing else.
        # (A child that is no element, a comment, is in no answer: it counts as Word's.)
        word_only: dict[int, bool] = {}
        for node in reversed(inside):  # (each one's descendants before it)
            children = node.iter()
            word_only[node.mem_id] = _of_word(node) and all(
                word_only.get(child.mem_id, True) for child in children
            )
        for node in reversed(inside):
            if not _of_word(node):
                continue
            if word_only[node.mem_id]:
                node.decompose()
            else:
                node.unwrap()
        island.unwrap()


# How far into a document the first of a modal fragment's parts stands (its first tag):
# a page that is no fragment is not read further for one.
_FRAGMENT_HEAD = 512
# Bootstrap's names for a modal dialog and its parts ("modal fade", "modal-header",
# "modal-title", "modal-body", "modal-footer"), as a class word
_MODAL_WORD = re.compile(r"(?:^|(?<=\s))modal(?:-(?=\w)|(?=\s|$))")


def shown_as_page(tree: LexborHTMLParser) -> None:
    """A document that is only the parts of a modal dialog (Bootstrap's ``modal-header``
    with the headline in ``<h4 class="modal-title">``, ``modal-body``, ``modal-footer``:
    what a site's "Новини" list loads into the dialog it opens over the list, each
    article an HTML fragment with no ``<title>``) is the page a reader sees: the class
    words that name a dialog, furniture on a page (a cookie notice, a login box), are
    taken off, each part keeping its own name ("header", "title", "body", "footer": the
    dialog's close button and footer stay furniture). Any other document is left as it
    is."""
    body = tree.body
    if body is None or tree.css_first("title") is not None:
        return
    parts = list(body.iter())
    if not parts or not all(_MODAL_WORD.match(p.attributes.get("class") or "") for p in parts):
        return
    for node in body.css("[class*=modal]"):
        node.attrs["class"] = _MODAL_WORD.sub("", node.attributes.get("class") or "").strip()


# How much of a page ``utf8`` encodes at a time: long enough that the calls cost little
# beside the characters, short enough that most slices of a mostly-ASCII page hold none
# of its few other characters (callgrind on AEB: 2,048-4,096 encode at 58% of the whole).
UTF8_SLICE = 4096


def utf8(text: str, size: int = UTF8_SLICE) -> bytes:
    """``text.encode("utf-8", errors="ignore")``, the bytes selectolax would make of a str
    (``errors="ignore"`` drops lone surrogates), at about 60% of its instructions on the
    pages of English sites, where the encoding was 9% of extracting one's instructions.
    In wall time the gain is smaller, the per-character loop running fast: 22.0 → 19.0 ms
    for AEB's 181 pages, about 0.5% of extracting them.

    CPython encodes a str holding one character past U+007F (a curly quote, a dash in
    the text) a character at a time, some 10 instructions each, and copies an ASCII
    str's bytes whole. A slice of a str is stored as narrow as its own characters allow,
    so the page cut into slices encodes its ASCII stretches (the markup, the scripts and
    styles, most of its text) at the speed of a copy. Safe because UTF-8 encodes each
    code point alone (a lone surrogate, which is dropped, is one code point too): the
    slices' bytes joined are the whole's, wherever the cuts fall. Bulgarian pages gain
    too (a tenth less on ../shared/bg-pages: their markup and scripts are ASCII); a
    slice holding any other character costs the copy of it more.
    """
    if text.isascii():  # (a flag CPython keeps: nothing to gain by cutting)
        return text.encode()
    return b"".join(
        [text[at : at + size].encode("utf-8", errors="ignore") for at in range(0, len(text), size)]
    )


def more_than(data: bytes, byte: bytes, limit: int) -> bool:
    """Whether ``byte`` occurs in ``data`` more than ``limit`` times.

    ``data.count(byte) > limit``, at a quarter of its cost: CPython counts one byte
    for ``count`` a byte at a time (5 instructions each, 4% of extracting a page),
    while ``replace`` with a count finds the occurrences with ``memchr`` and stops
    after ``limit + 1`` of them. Nothing reads the copy it makes."""
    return len(data) - len(data.replace(byte, b"", limit + 1)) > limit


def cap_depth(data: bytes, max_depth: int = MAX_DEPTH) -> bytes:
    """``data`` with an end tag inserted before each start tag that would nest past
    ``max_depth``, closing the innermost open element; ``data`` itself when none does."""
    if not more_than(data, b"<", _SCAN_ABOVE):
        return data
    stack: list[bytes] = []
    open_count: dict[bytes, int] = {}
    closes: list[tuple[int, bytes]] = []  # (where, end tag to insert there)

    def pop_to(name: bytes) -> None:
        while stack:
            top = stack.pop()
            open_count[top] -= 1
            if top == name:
                return

    def close_open(family: frozenset[bytes], stops: frozenset[bytes]) -> bool:
        """Close the innermost open ``family`` element unless a ``stops`` one comes first."""
        for name in family:
            if open_count.get(name):
                break
        else:
            return False
        for index in range(len(stack) - 1, -1, -1):
            name = stack[index]
            if name in family:
                while len(stack) > index:
                    open_count[stack.pop()] -= 1
                return True
            if name in stops:
                return False
        return False

    def adopt(name: bytes) -> None:
        """A second ``<a>`` (or ``<nobr>``) closes the open one: the adoption agency takes
        that one off the stack, and with it what it holds unless a block is among that."""
        for index in range(len(stack) - 1, -1, -1):
            if stack[index] == name:
                if any(above in _SPECIAL for above in stack[index + 1 :]):
                    del stack[index]
                    open_count[name] -= 1
                else:
                    while len(stack) > index:
                        open_count[stack.pop()] -= 1
                return
            if stack[index] in _BUTTON_SCOPE:
                return

    search = _TAG.search
    pos = 0
    while (match := search(data, pos)) is not None:
        token = match.group(1)
        pos = match.end()
        if token == b"!--":  # a comment, to its end or the page's
            pos = comment_end(data, pos)
            if pos < 0:
                break
            continue
        if token[0] == 47:  # "/": an end tag
            name = token[1:].lower()
            if open_count.get(name) and name not in _VOID:
                pop_to(name)
            continue
        name = token.lower()
        if name in _VOID:
            continue
        if name in _RAW:
            end = _RAW_END[name].search(data, pos)
            if end is None:
                break
            pos = end.start()
            continue
        if name in _CLOSES_P:
            close_open(_P, _BUTTON_SCOPE)
            if name in _HEADINGS and stack and stack[-1] in _HEADINGS:
                open_count[stack.pop()] -= 1
        if name == b"tr" and stack and stack[-1] == b"table":
            stack.append(b"tbody")  # the <tbody> a <tr> directly in a <table> gets
            open_count[b"tbody"] = open_count.get(b"tbody", 0) + 1
        implied = _IMPLIED.get(name)
        if implied is not None:
            close_open(*implied)
        elif name in _OPTIONS:
            while stack and stack[-1] in _OPTIONS and (name == b"optgroup" or stack[-1] == name):
                open_count[stack.pop()] -= 1
        elif name in _ADOPTED:
            if open_count.get(name):
                adopt(name)
        elif name == b"select" and close_open(_SELECT, _SELECT_SCOPE):
            continue  # a <select> in a <select> only closes it
        if len(stack) >= max_depth:
            top = stack.pop()  # closed first: the new element becomes its sibling
            open_count[top] -= 1
            closes.append((match.start(), b"</" + top + b">"))
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
    if not closes:
        return data
    pieces: list[bytes] = []
    start = 0
    for where, end_tag in closes:
        pieces += (data[start:where], end_tag)
        start = where
    pieces.append(data[start:])
    return b"".join(pieces)


def within(node: LexborNode, tags: Collection[str]) -> bool:
    """Whether one of ``node``'s ancestors is a ``tags`` element (code's ``<pre>``, a
    sidebar's ``<aside>``): walked up, as selectolax has no ``closest`` by tag name that
    stops at the first match without a selector's cost."""
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def holds(node: LexborNode, other: LexborNode) -> bool:
    """Whether ``other`` is inside ``node`` (a descendant of it): walked up from ``other``,
    as selectolax asks no such question of its nodes."""
    parent = other.parent
    while parent is not None:
        if parent.mem_id == node.mem_id:
            return True
        parent = parent.parent
    return False
