"""Where a link leads: its ``href``, or the URL a script behind it would open.

Old CMSs hide headline links behind scripts: ``href="javascript:void(0)"`` with
``onclick="ShowWindow('/news?id=1925', …)"``, or ASP.NET's
``javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions("…", "", false, "",
"/News.aspx?pageid=401&newsid=4457", false, true))``. A person clicking either lands on that
URL, so it is as good as an ``href``; whether it is on the site is decided by the caller.
Others pass only the item's id to a function of the page's own script:
``href="javascript:openNews(84)"`` beside ``function openNews(id) { window.open('news.php?id='
+ id, …) }``; the function's URL with the id put in is where the click leads
(``script_calls``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.discover import pager_words
from newsarchive.discover.urls import copy_mark, followed_href, from_site_root, normalize_url

# A quoted string that reads as a URL: absolute, root-relative, or a server page with its
# query ("Default.aspx?lang=bg-BG"). Control names ("ctl00$…") and window names do not.
_SCRIPT_URL = re.compile(
    r"""["']((?:https?://|/)[^"'\s<>]*|[\w.-]+\.(?:aspx?|php\d?|html?|jsp|pl|cgi)"""
    r"""(?:\?[^"'\s<>]*)?)["']""",
    re.IGNORECASE,
)


_SCRIPT_LOOK = 2000  # an onclick that opens a page says so early; a hostile one may not end


def script_url(script: str) -> str | None:
    """The first URL a piece of inline script would open, if any."""
    found = _SCRIPT_URL.search(script[:_SCRIPT_LOOK])
    return found.group(1) if found else None


# A function of the page's script that opens a URL built from one of its parameters:
# ``function openNews(id) { window.open('news.php?id=' + id, 'w', '…') }`` (or ``openNews =
# function(id) {…}``), its body read as far as ``_BODY_LOOK``.
# An assigned function's name is tried once per run of name characters ([\w$]), from the
# run's start: its name begins at the run's first letter, "_" or "$" where a word starts
# (``\b``), as a name tried from every such place would (each reaches the same run end,
# so the first is the one found). Tried from every such place, each tries the rest of
# the run again: a script of "a$a$…" (200,000 characters read) took time quadratic in
# its length, 26 s for 20,000.
_FUNCTION = re.compile(
    r"(?:\bfunction\s+([A-Za-z_$][\w$]*)"
    r"|(?<![\w$])(?:[^\W_A-Za-z]|(?<=\w)[A-Za-z_]|(?<!\w)\$)*+([A-Za-z_$][\w$]*+)\s*=\s*function)"
    r"\s*\(([\w$\s,]{0,200})\)\s*\{"
)
_BODY_LOOK = 600
_NEXT_FUNCTION = re.compile(r"\bfunction\b")  # where the next one starts, its body ends
_SCRIPTS_LOOK = 200_000  # a page's inline script read for such functions, at most
_CALL = re.compile(r"^\s*(?:javascript:\s*)?(?:return\s+)?([A-Za-z_$][\w$]*)\s*\(([^()]{0,200})\)")
_ARG = re.compile(r"""^\s*(?:(\d{1,12})|(["'])([\w.-]{1,200})\2)\s*$""")


@dataclass(frozen=True)
class ScriptCall:
    """``prefix + <argument number index> + suffix`` is the URL a function opens."""

    prefix: str
    index: int
    suffix: str = ""


def script_calls(tree: LexborHTMLParser) -> dict[str, ScriptCall]:
    """The page's inline script functions that open a URL made of a quoted address and
    one of their parameters, by name; empty for nearly every page."""
    found: dict[str, ScriptCall] = {}
    budget = _SCRIPTS_LOOK
    for node in tree.css("script"):
        if budget <= 0:
            break
        if node.attributes.get("src"):
            continue
        code = (node.text(deep=True) or "")[:budget]
        budget -= len(code)
        if "function" not in code:
            continue
        for match in _FUNCTION.finditer(code):
            name = match.group(1) or match.group(2)
            params = [p.strip() for p in match.group(3).split(",")]
            body = code[match.end() : match.end() + _BODY_LOOK]
            body = body[: m.start()] if (m := _NEXT_FUNCTION.search(body)) else body
            for index, param in enumerate(params):
                if not re.fullmatch(r"[A-Za-z_$][\w$]*", param):
                    continue
                if (built := _built_url(body, param)) is not None:
                    found.setdefault(name, ScriptCall(built[0], index, built[1]))
                    break
    return found


def _built_url(body: str, param: str) -> tuple[str, str] | None:
    """The quoted address before (and the quoted rest after) ``param`` in a function's
    body, when the two and the parameter are the whole expression: ``'news.php?id=' +
    id``, ``"/novini/" + id + ".html"``; not a part of a longer one (``'?cat=' + cat +
    '&id=' + id``), which this one parameter does not make."""
    pattern = re.compile(
        r"""(["'])([^"'\s<>]{1,300})\1\s*\+\s*"""
        + re.escape(param)
        + r"""(?![\w$])(?:\s*\+\s*(["'])([^"'\s<>]{0,300})\3)?(?!\s*\+)"""
    )
    for built in pattern.finditer(body):
        if body[: built.start()].rstrip().endswith("+"):
            continue
        prefix, suffix = built.group(2), built.group(4) or ""
        if script_url(f'"{prefix}1{suffix}"') == f"{prefix}1{suffix}":
            return prefix, suffix
    return None


def _called_url(script: str, calls: Mapping[str, ScriptCall]) -> str | None:
    """The URL a call of one of the page's functions opens: ``openNews(84)``."""
    call = _CALL.match(script[:_SCRIPT_LOOK])
    if call is None or (known := calls.get(call.group(1))) is None:
        return None
    args = call.group(2).split(",")
    if known.index >= len(args) or (arg := _ARG.match(args[known.index])) is None:
        return None
    return known.prefix + (arg.group(1) or arg.group(3)) + known.suffix


def link_target(
    anchor: LexborNode,
    calls: Mapping[str, ScriptCall] | None = None,
    forms: Mapping[int, str] | None = None,
) -> str | None:
    """The raw (unresolved) URL an ``<a>`` (or a clickable row or card, ``clickables``)
    leads to: a real ``href`` (``data-href``) first, then a URL in a ``javascript:`` href
    or in ``onclick``, or one a call there of the page's own functions opens (``calls``,
    from ``script_calls``), last the ``hx-get`` htmx asks on a click. A card's form leads
    where ``form_link`` says, read from ``forms`` (``link_nodes`` worked them out) when
    given."""
    if anchor.tag == "form":
        return forms.get(anchor.mem_id) if forms is not None else form_link(anchor)
    attrs = anchor.attributes
    href = (attrs.get("href") or _data_link(attrs)).strip()
    if followed_href(href):
        return href
    scripted = href.lower().startswith("javascript:")
    for script in (href if scripted else "", attrs.get("onclick") or ""):
        if script and (
            url := script_url(script) or (_called_url(script, calls) if calls else None)
        ):
            return url
    # a link going nowhere ("#", "javascript:void(0)") that the page's script sends to
    # its ``data-href``, as a lazy card's headline is (a web address: not "sms:", "#tab")
    data = _data_link(attrs)  # (read again only here: most links have returned above)
    if data and href != data and not data.startswith("#") and _WEB_SCHEME.match(data):
        return data
    # a link or button htmx fetches on a click (``<a hx-get="/novini?page=2">2</a>``, no
    # ``href``): the address a plain GET of which answers what the click shows
    if anchor.tag in ("a", "button"):
        htmx = (attrs.get("hx-get") or attrs.get("data-hx-get") or "").strip()
        if htmx and not htmx.startswith("#") and _WEB_SCHEME.match(htmx):
            return htmx
    return None


# The inputs a person leaves alone in a form: what it sends without asking.
UNASKED_INPUTS = frozenset({"hidden", "submit", "button", "image", "reset"})


def input_kind(field: LexborNode) -> str:
    """A form field's ``type`` as the browser reads it (a ``<button>`` submits)."""
    kind = field.attributes.get("type") or ("submit" if field.tag == "button" else "text")
    return kind.strip().lower()


def gets_form(form: LexborNode) -> bool:
    """A GET form: a post asks for no address a link could."""
    return (form.attributes.get("method") or "get").strip().lower() == "get"


def hidden_fields(form: LexborNode) -> list[tuple[str, str]]:
    return [
        (name, field.attributes.get("value") or "")
        for field in form.css("input")
        if input_kind(field) == "hidden" and (name := field.attributes.get("name"))
    ]


# What a card's button says when a click on it opens the card's article ("Прочети повече
# »", "Виж още", "Read more"): ``pager_words``' vocabulary, with an arrow or "…" after it.
_READ_MORE = re.compile(
    rf"^(?:(?:{'|'.join(pager_words.READ)})(?:\s+(?:{'|'.join(pager_words.MORE)}))?"
    rf"|{'|'.join(pager_words.MORE + pager_words.TO_ITEM)})"
    rf"\s*(?:[{pager_words.ARROWS_ON}…]|\.\.\.)?$",
    re.IGNORECASE,
)
# A form that signs a reader in or out, switches the site's language, searches or
# subscribes, by its action's or its fields' words: never a way to an article, whatever
# its button says (``/logout?token=…``, ``/?lang=en``, ``/search?tag=…``).
_NOT_AN_ITEM = re.compile(
    r"(?:^|[^a-z])(?:log_?in|log_?out|sign_?(?:in|out|up)|auth|lang|language|locale|search"
    r"|subscribe|unsubscribe|newsletter|tarsene|tarsi|vhod|izhod)(?:$|[^a-z])",
    re.IGNORECASE,
)
# A card's headline beside its form: a heading, or an element a theme names a title.
_HEADLINES = "h1, h2, h3, h4, h5, h6, [class*='title'], [class*='zaglavie']"
# How far above its form a card's box may be (the form in a ``<p>`` in a card's body).
_CARD_DEPTH = 3
_NOT_CARDS = frozenset({"body", "html", "header", "nav", "footer", "form"})


def _in_card(form: LexborNode) -> bool:
    """The form sits in a listing's card: the nearest box above it (up to
    ``_CARD_DEPTH``) holding a headline holds no other form. A site's header or a list of
    forms under one heading is no card."""
    node = form.parent
    for _ in range(_CARD_DEPTH):
        if node is None or node.tag in _NOT_CARDS:
            return False
        if node.css_first(_HEADLINES) is not None:
            return len(node.css("form")) == 1
        node = node.parent
    return False


def asked_fields(form: LexborNode) -> list[LexborNode]:
    """The fields of a form a reader fills in or picks (a search's word, a date's
    drop-downs): any but hidden ones and buttons."""
    return [
        field
        for field in form.css("input, button, select, textarea")
        if field.tag in ("select", "textarea") or input_kind(field) not in UNASKED_INPUTS
    ]


def plain_form(form: LexborNode) -> tuple[list[tuple[str, str]], list[LexborNode]] | None:
    """A GET form asking nothing of the reader, as a card's link or a pager of form
    buttons is: its hidden fields and its submit buttons, a click on one of which asks
    for ``form_address`` of them. ``None`` for a POST or a form with a field to fill."""
    if not gets_form(form) or asked_fields(form):
        return None
    buttons = [f for f in form.css("input, button") if input_kind(f) in ("submit", "image")]
    return hidden_fields(form), buttons


def form_address(
    form: LexborNode, fields: list[tuple[str, str]], read: LinkReader | None = None
) -> str | None:
    """The address a GET form asks for when sent with ``fields``: its action (the page's
    own address without one) with them as the query. Raw, as a link's ``href`` is, without
    ``read``; read by it (the page's ``LinkReader``, as its links are: ``action="novini/
    arhiv.php"`` on ``/novini/`` is ``/novini/arhiv.php``) with it, ``None`` where that
    fails. The one way a card's form, a drop-down's and a pager of form buttons become an
    address."""
    if read is None:
        action: str | None = (form.attributes.get("action") or "").strip()
    else:
        action = read(form.attributes.get("action") or read.base)
    if action is None:
        return None
    return urlunsplit(urlsplit(action)._replace(query=urlencode(fields)))


def form_link(form: LexborNode) -> str | None:
    """The raw address a card's GET form asks for, as a link's ``href`` would: a form of
    hidden fields and one button, no link inside, whose click is how a reader opens the
    item (``<form action="novina.php"><input type="hidden" name="id" value="57"><input
    type="submit" value="Прочети повече »">``): its action (the page itself without one)
    with those fields as the query, and the button's own ``name=value`` where it has one.
    Only a card's form (``_in_card``, beside its headline) whose button says "read more"
    (``_READ_MORE``): any other GET form of hidden fields (a sign-out's token, a language
    switch's ``lang=en``, a login's return address) is no link a crawler should follow,
    and nor is one whose action or fields say so (``_NOT_AN_ITEM``). A form asking
    anything of the reader (a search's word, a date) leads nowhere by itself; nor does one
    of no hidden field."""
    if form.css_first("a") is not None or (plain := plain_form(form)) is None:
        return None
    fields, buttons = plain
    if len(buttons) != 1 or not fields or not _READ_MORE.match(button_label(buttons[0])):
        return None
    action = (form.attributes.get("action") or "").strip()
    said = " ".join([action, *(f"{name} {value}" for name, value in fields)])
    if _NOT_AN_ITEM.search(said) or not _in_card(form):
        return None
    button = buttons[0]
    pressed = (
        [(name, button.attributes.get("value") or "")]
        if (name := button.attributes.get("name"))
        else []
    )
    return form_address(form, [*fields, *pressed])


def button_label(field: LexborNode) -> str:
    """What a form's button says: a ``<button>``'s words, else its ``value``, else the
    ``alt`` of an image button."""
    label = " ".join((field.text(deep=True) or "").split()) if field.tag == "button" else ""
    return label or field.attributes.get("value") or field.attributes.get("alt") or ""


def _data_link(attrs: Mapping[str, str | None]) -> str:
    """The address a theme's script sends a click on the element to (``_DATA_LINKS``)."""
    return next(filter(None, map(attrs.get, _DATA_LINKS)), "").strip()


_NOT_CLICKABLE = frozenset(
    {"a", "button", "input", "select", "option", "form", "img", "body"}
    | {"script", "style", "link", "meta", "template", "iframe"}  # (no box to click)
)
# The attributes a card made clickable by the page's script keeps its address in: a click
# handler the theme binds to every ``[data-url]`` (or ``[data-href]``, ``[data-link]``)
# sends the browser to it, as an ``href`` would.
_DATA_LINKS = ("data-href", "data-url", "data-link")
_WEB_SCHEME = re.compile(r"(?:https?:|[^:]*$|[^:]*[/?#])", re.IGNORECASE)
_CLICKABLE = ", ".join(f"[{name}]" for name in (*_DATA_LINKS, "onclick"))


# Links a page is read for, at most: the most on 4,050 pages (the dev pages, bg-pages
# and the test mirrors) is 1,208. Each costs a listing's reading 30-90 us (resolved,
# normalised, keyed, its words read): a page of 100,000 links took 7-9 s, 30,000 dated
# cards 1.8 s (``bench/listing_bench.py``). Past the cap a page is no listing a person
# reads; its first links are read all the same.
MAX_LINKS = 10_000


def link_nodes(tree: LexborHTMLParser, forms: dict[int, str] | None = None) -> list[LexborNode]:
    """The page's ``<a>`` elements and, in document order among them, the rows and cards a
    script makes clickable: ``<tr onclick="location.href='/novini/12'">``, ``<div
    data-href="/novini/12">`` or ``data-url`` (a listing whose only ``<a>`` may say
    "Прочети повече", or none); and a card's GET form of hidden fields and one button, its
    only way to the item (``form_link``). Buttons and form controls are not links,
    whatever their script opens. ``forms``, when given, gets each such form's target by
    its ``mem_id``, for ``link_target`` to read rather than work it out again. The first
    ``MAX_LINKS`` of them."""
    anchors = tree.css("a")
    clickable = [n for n in tree.css(_CLICKABLE) if n.tag not in _NOT_CLICKABLE]
    targets = {n.mem_id: target for n in tree.css("form") if (target := form_link(n))}
    if forms is not None:
        forms.update(targets)
    if not clickable and not targets:
        return anchors[:MAX_LINKS]  # nearly every page: no second pass
    seen: set[int] = set()
    nodes: list[LexborNode] = []
    for node in tree.css(f"a, form, {_CLICKABLE}"):
        if node.mem_id in seen or (
            node.tag != "a" and node.tag in _NOT_CLICKABLE and node.mem_id not in targets
        ):
            continue
        seen.add(node.mem_id)
        nodes.append(node)
        if len(nodes) == MAX_LINKS:
            break
    return nodes


def picture_says(anchor: LexborNode) -> str:
    """What a link drawn as one picture says, in the picture's ``alt``: an old site's
    pager of arrow images (``<img src="right.gif" alt="Следваща страница">``), its menu of
    buttons (``<img src="menu_novini.gif" alt="Новини">``) or the areas of an image map
    over one picture of a menu (``<area href="novini.html" alt="Новини">``)."""
    if anchor.tag == "area":
        return (anchor.attributes.get("alt") or "").strip()
    pictures = anchor.css("img")
    return (pictures[0].attributes.get("alt") or "").strip() if len(pictures) == 1 else ""


def link_says(anchor: LexborNode, text: str) -> str:
    """What a pager's or an article's navigation link says: its words (``text``, read
    already), else its ``aria-label`` or ``title``, else the ``alt`` of the one picture it
    is (an old site's arrow images). One reading for every such link: the next page's,
    the older page's, the article before this one's, so an arrow drawn as a picture or
    named only in an attribute is found whichever it is."""
    return text or (
        anchor.attributes.get("aria-label")
        or anchor.attributes.get("title")
        or picture_says(anchor)
    )


# A link to an item's print copy, by how the page presents it (never by its address:
# ``/novini/printirane-na-knigi`` is a story about a printing house). Its whole label:
# "Печат", "Версия за печат", "Принтирай", "Print", "Printer friendly", "Printable
# version"; or a class or id naming print as a word of its own (``icon-print``,
# ``fa-print``, ``btn_print``; not "sprint", "blueprint", an id made of a slug,
# ``post-printirane-na-knigi``, nor a menu's ``art-prints``), its own or an icon's inside
# a link of no words; or a click that prints the page (``onclick="window.print()"``).
_PRINT_LABEL = re.compile(
    r"(?:(?:версия|вариант|изглед)\s+(?:за|на)\s+печат|(?:за\s+)?печат|"
    r"(?:принтирай|разпечатай|отпечатай|печатай)(?:\s+(?:статията|новината|страницата))?|"
    r"printer[-\s]*friendly(?:\s+(?:version|page))?|"
    r"print(?:able)?(?:\s+(?:version|this|page|article))?)[\s:.!…]*",
    re.IGNORECASE,
)
_PRINT_NAME = re.compile(r"(?<![a-z])print(?:er|able)?(?![a-z])", re.IGNORECASE)
# A class that says how the page prints, not that the link prints: Bootstrap's
# ``d-print-none``, ``hidden-print``, ``visible-print-block``, a theme's ``no-print``,
# ``noprint``, Tailwind's ``print:hidden``; common on menus and "Прочети още" buttons.
_PRINT_STYLING = re.compile(
    r"(?:no|not|non|hidden|hide|d|visible|show|only)[-_]?print|print[-_:]?(?:none|hidden|hide|"
    r"only|block|inline|flex|grid|table)|^print:",
    re.IGNORECASE,
)
_PRINT_CALL = re.compile(r"\bprint\s*\(", re.IGNORECASE)
_WORD = re.compile(r"\w", re.UNICODE)
_PRINT_LOOK = 60  # a print label's words are few ("Версия за печат"); a headline's, more


# A comment count's whole label: "Коментари (0)", "Коментари: 3", "3 коментара", "Comments
# (2)". A count is required: a menu's "Коментари" is a page of its own. (Also what closes
# a byline line after its name: ``extraction.bylines.signed_line``.)
COMMENT_COUNT = re.compile(
    r"(?:(?:коментари|мнения|comments?)\s*[:(]?\s*\d+\s*\)?"
    r"|\d+\s+(?:коментара?|мнения|comments?))[\s:.!…]*",
    re.IGNORECASE,
)


def says_comment_count(words: str) -> bool:
    """Whether a link's words are a comment count ("Коментари (0)", "3 коментара")."""
    return len(words) <= _PRINT_LOOK and bool(COMMENT_COUNT.fullmatch(words))


def says_print(anchor: LexborNode, attributes: Mapping[str, str | None], words: str) -> bool:
    """Whether a link leads to its item's print copy, as the page shows it (``_PRINT_LABEL``
    of its words, else of its ``aria-label``, ``title`` or picture; a print class or id,
    its own or, on a link of no words, an icon's inside it; a click that prints): the copy
    is its article in a bare layout, at an address that may name no original
    (``/print/1234``, ``print.php?id=1234``), so that following it would archive the
    article a second time. Only an ``<a>``: a row a script makes clickable is an item,
    whatever its words. ``attributes`` and ``words`` (its text, its words joined by single
    spaces: ``cards.text_words``): the link's, read already, as its card's link text is.
    Read for every link of every listing page, so the cheap tests come first and a link
    of many words (a headline) is let go at its length."""
    if anchor.tag != "a":
        return False
    if _PRINT_CALL.search(attributes.get("onclick") or ""):
        return True
    if _names_print(f"{attributes.get('class') or ''} {attributes.get('id') or ''}"):
        return True
    if len(words) > _PRINT_LOOK:
        return False
    if _WORD.search(words):  # a link of words: they say what it is, its icon is decoration
        return bool(_PRINT_LABEL.fullmatch(words))
    if _PRINT_LABEL.fullmatch(link_says(anchor, words)):
        return True
    return any(_names_print(icon.attributes.get("class") or "") for icon in anchor.css("[class]"))


def _names_print(names: str) -> bool:
    """Whether a class or id names a print button (``icon-print``, ``btn_print``), not
    how the page prints (``_PRINT_STYLING``)."""
    if not _PRINT_NAME.search(names):
        return False  # (nearly every link: no token read)
    return any(
        _PRINT_NAME.search(name) and not _PRINT_STYLING.search(name) for name in names.split()
    )


# A link to another copy of the page it is on, by its label: the print copy's words
# (``_PRINT_LABEL``); the copy for the partially sighted ("Версия за слабовиждащи", "За
# незрящи", "Версия за хора със зрителни увреждания", "Accessible version", "For the
# visually impaired"); a text-only or a mobile copy ("Текстова версия", "Text only",
# "Мобилна версия", "Mobile version"). One vocabulary, read whole, of the link's words,
# its ``aria-label`` or its ``title`` ("A+" titled "Версия за слабовиждащи").
_COPY_LABEL = re.compile(
    rf"(?:{_PRINT_LABEL.pattern})|(?:"
    r"(?:(?:версия|вариант|изглед|сайт)\s+)?(?:за\s+)?"
    r"(?:слабовиждащи|незрящи|хора\s+(?:със?\s+)?(?:зрителни\s+увреждания|увредено\s+зрение))|"
    r"(?:текстова|текстов|мобилна|достъпна)\s+(?:версия|вариант|изглед)|"
    r"(?:for\s+(?:the\s+)?)?(?:visually\s+impaired|partially\s+sighted|low[-\s]+vision|blind)"
    r"(?:\s+version)?|"
    r"(?:accessible|text[-\s]+only|text|mobile)\s+(?:version|page|site)|text[-\s]+only"
    r")[\s:.!…]*",
    re.IGNORECASE,
)


def names_a_copy(anchor: LexborNode) -> bool:
    """Whether a link's words, ``aria-label`` or ``title`` name a copy of the page it is
    on (``_COPY_LABEL``): its print copy, its copy for the partially sighted, a text-only
    or a mobile one. A long label is a headline's, let go at its length."""
    words = " ".join((anchor.text(deep=True, separator=" ") or "").split())
    for label in (words, anchor.attributes.get("aria-label"), anchor.attributes.get("title")):
        label = " ".join((label or "").split())
        if label and len(label) <= _PRINT_LOOK and _COPY_LABEL.fullmatch(label):
            return True
    return False


def copy_marks(tree: LexborHTMLParser, page_url: str) -> list[str]:
    """The query fields a page's own links add to its address to ask for a copy of it,
    or the path segment they put before its path (``urls.copy_mark``), read of each link
    its label names a copy by (``names_a_copy``): ``v=sv`` of "Версия за слабовиждащи"
    leading from ``/novini/5`` to ``/novini/5?v=sv``, ``/sv`` of one to ``/sv/novini/5``.
    A site that links such a copy from every page lists it in its sitemap too, beside the
    page; each was fetched as an article, to be found the same text (or archived twice,
    where the copy's layout differs). ``page_url``: the page's address in normal form."""
    read = link_reader(tree, page_url)
    marks: list[str] = []
    for anchor in tree.css("a[href]"):
        link = read(anchor.attributes.get("href") or "")
        if link is None or link == page_url:
            continue
        mark = copy_mark(page_url, link)
        if mark is not None and mark not in marks and names_a_copy(anchor):
            marks.append(mark)
    return marks


@dataclass(frozen=True)
class LinkReader:
    """How a page's links are read (``link_reader``): against ``base``, its ``<base
    href>`` else its URL, a path-relative one repeating the folders the page is in from
    the site's root (``urls.from_site_root``: ``novini/1480-x`` on ``/novini/``), except
    on a page that sets a ``<base href>`` (``rooted`` ""), which its links are read
    against as written: the theme that sets one has said what its relative links mean."""

    base: str
    rooted: str  # the page's URL, "" where it sets a <base href>
    # the <base href> as written (stripped), "" without one: what extraction's canonical
    # link is joined against (``urljoin``, its spelling kept), ``base`` being its normal form
    written: str = ""

    def __call__(self, href: str) -> str | None:
        """``href`` found on the page as an absolute URL in normal form (``normalize_url``),
        None where it names no web page (mailto:, javascript:)."""
        return normalize_url(from_site_root(href, self.rooted), self.base)


def link_reader(tree: LexborHTMLParser, page_url: str) -> LinkReader:
    """The one reading of a page's links (``LinkReader``), its ``<base href>`` looked up
    once."""
    base = urlsplit(page_url)._replace(fragment="").geturl()
    base_node = tree.css_first("base[href]")
    if base_node is None:
        return LinkReader(base, page_url)
    given = base_node.attributes.get("href") or ""
    written = given.strip()
    return LinkReader(normalize_url(given, page_url) or base, "" if written else page_url, written)
