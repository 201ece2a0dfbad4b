"""Where a page's ``<meta http-equiv="refresh">`` or inline script sends a browser, and
whether the page is only a stand-in for that address.

One reading for the explorer (a bare home page's refresh names the site's real start)
and the fetcher (a listed short address whose page is nothing but a refresh to the
article is followed as a redirect would be).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.discover.anchors import link_reader
from newsarchive.discover.urls import normalize_url
from newsarchive.markup import page_tree

# "0; URL=bg/index.html", "0;url='/bg/'", "3; URL = \"novini.php\"" (a bare delay reloads
# the page itself and names nothing). The parts before the address are possessive (``*+``):
# given back one character at a time, a page's long run of digits before a stray quote
# was split every way over delay and address, each tried to the quote (quadratic).
_REFRESH = re.compile(
    r"""^\s*+(?P<delay>\d*+(?:\.\d*+)?+)\s*+[;,]?+\s*+(?:url\s*+=\s*+)?+(?P<q>['"]?+)"""
    r"""(?P<url>[^'"\s][^'"]*?)(?P=q)\s*$""",
    re.IGNORECASE,
)

# A stand-in page is a few hundred bytes of markup and one line ("If you are not sent on,
# click here"); a page larger than this, or saying more, is a page of its own that also
# reloads (a news portal's front page refreshing itself every few minutes).
_STAND_IN_BYTES = 8 * 1024
_STAND_IN_TEXT = 200
# A stand-in sends the reader on at once, or after a notice's few seconds ("you will be
# taken there in 5 seconds"); a refresh minutes away is a page of its own that sends an
# idle reader home (a municipality's "Общината" page, ``content="600; url=/"``): asked
# as a section, it was followed to the home page, which was then asked a second time.
_STAND_IN_DELAY = 10.0  # seconds


# A script sending the browser on: "window.location.href = 'bg/'", "location =
# "/bg/index.php"", "document.location.replace('bg/')", "top.location.assign(...)"; the
# address a quoted literal, the whole of it (one built by the script names nothing to
# follow, and a literal followed by "+" is only its start: '/login?next=' + path).
_SCRIPT_REDIRECT = re.compile(
    r"""(?<![\w.$])(?:(?:window|document|top|self|parent)\.)?location"""
    r"""(?:(?:\.href)?\s*=(?!=)\s*|\.(?:replace|assign)\(\s*)(['"])([^'"\s<>]{1,500})\1"""
    r"""(?!\s*\+)"""
)
_SCRIPT_LOOK = 20_000  # characters of a redirect page's inline script read, at most


def script_redirect_targets(tree: LexborHTMLParser) -> list[str]:
    """Where the page's inline scripts send the browser by a literal address, as written."""
    found: list[str] = []
    for node in tree.css("script"):
        if node.attributes.get("src"):
            continue
        code = (node.text(deep=True) or "")[:_SCRIPT_LOOK]
        found += [m[2] for m in _SCRIPT_REDIRECT.finditer(code) if m[2] not in found]
    return found


def refresh_targets(tree: LexborHTMLParser, within: float | None = None) -> list[str]:
    """Where the page's ``<meta http-equiv="refresh">`` sends a browser, as written;
    only those sending it within ``within`` seconds, if given."""
    found: list[str] = []
    for node in tree.css("meta[http-equiv]"):
        if (node.attributes.get("http-equiv") or "").strip().lower() != "refresh":
            continue
        if said := _refresh_url(node.attributes.get("content") or "", within):
            found.append(said)
    return found


def _refresh_url(value: str, within: float | None = None) -> str:
    """The address a refresh's value (the ``<meta>``'s ``content``, or the ``Refresh``
    header) names, as written; "" for none (a bare delay reloads the page itself), and
    for one further off than ``within`` seconds, if given."""
    match = _REFRESH.match(value)
    said = match["url"].strip() if match else ""
    if within is not None and match and match["delay"].strip("."):
        if float(match["delay"]) > within:
            return ""
    return "" if said.replace(".", "").isdigit() else said


def stand_in_target(
    content: bytes, url: str, content_type: str | None = None, refresh: str | None = None
) -> str | None:
    """The address a page stands in for: a tiny page that says almost nothing and sends
    the browser elsewhere by ``<meta http-equiv="refresh">`` (a CMS's short link,
    ``/n/2291``, answering 200 with a refresh to ``/novini/2291/<slug>.html``) or by an
    inline script's literal ``location = "…"`` (a moved article's old address, its
    script sending the reader on after a few seconds). A reader lands on the target, so
    the page is that address's, as a redirect's would be; a page with text of its own,
    or refreshing itself, is none. A page whose ``<h1>`` says it is only a notice of the
    move ("Страницата е преместена") may be printed in the site's whole template of
    menus, sidebar and footer, far more text and bytes than a stand-in of a few words:
    then the headline's box alone must say almost nothing. So is an
    answer its server calls no HTML (``content_type``): a short feed whose item quotes a
    page's markup in CDATA parses, as HTML, into a refresh and no text, but no browser
    shows it as a page. The server may say the refresh itself, in the answer's
    ``Refresh`` header (PHP's ``header("Refresh: 0; url=/bg/")`` over an empty page: a
    home page moved to a folder), which browsers obey as the ``<meta>`` (``refresh``:
    its value)."""
    if content_type and "html" not in content_type.lower():
        return None
    said = _refresh_url(refresh or "", _STAND_IN_DELAY)
    lowered = content[:_MOVED_BYTES].lower()
    if len(content) > _MOVED_BYTES or not (said or b"refresh" in lowered or b"location" in lowered):
        return None
    if len(content) > _STAND_IN_BYTES and not _MOVED_WORDS.search(content):
        return None  # (a page of its own, not parsed a second time on every fetch)
    tree = page_tree(content.decode("utf-8", "replace"))
    targets = (
        refresh_targets(tree, _STAND_IN_DELAY)
        or ([said] if said else [])
        or script_redirect_targets(tree)
    )
    if not targets:
        return None
    for node in tree.css("script, style, noscript"):
        node.decompose()
    notice = _moved_notice(tree)
    if notice is None and len(content) > _STAND_IN_BYTES:
        return None
    box = notice or tree.body
    if box is not None and len(" ".join(box.text(separator=" ").split())) > _STAND_IN_TEXT:
        return None
    target = link_reader(tree, url)(targets[0])
    if target is None or asked_as(target) == asked_as(url):
        return None
    return target


def asked_as(url: str) -> str:
    """The address a refresh's hop is told by, for "this page itself" and "met on this
    fetch's way": its normal spelling (``urls.normalize_url``), not its identity
    (``urls.url_key``). Identity folds a folder's index file into the folder, right
    for the archive (``/novini/5/index.html`` is ``/novini/5/``), but an old IIS or ASP
    site's ``/`` answering only ``<meta http-equiv="refresh" content="0;URL=default.asp">``
    is one page and ``default.asp`` another: the home's menu and news are only there.
    Read by identity, the refresh named the page itself and was never followed; the
    explorer found no news on a site any browser shows at once."""
    return normalize_url(url) or url


# A headline or title saying the page is only a notice that it moved: "Страницата е
# преместена", "Статията беше преместена на нов адрес", "Пренасочване…" alone, "Page moved",
# "This page has moved", "Redirecting…".
_MOVED = re.compile(
    r"^\s*(?:(?:страницата|статията|новината|публикацията)\s+(?:е|беше|бе)\s+премест"
    r"|(?:this\s+)?page\s+(?:has\s+)?moved"
    # (alone: "Пренасочване на движението по ул. …" is a municipality's news)
    r"|(?:пренасочване|redirecting)\s*(?:\.{3}|…)?\s*(?:[|–—-]|$))",
    re.IGNORECASE,
)
# (its words in the bytes, before a large page is parsed to read its headline)
_MOVED_WORDS = re.compile(
    rb"(?i:moved|redirecting)|"
    + b"|".join(w.encode() for w in ("реместен", "ренасочване", "РЕМЕСТЕН", "РЕНАСОЧВАНЕ"))
)
_MOVED_BYTES = 256 * 1024  # a moved notice in the site's whole template, at most


def _moved_notice(tree: LexborHTMLParser) -> LexborNode | None:
    """The box of the page's ``<h1>`` when that headline says the page is a notice of a
    move: what the page says of its own beside the site's template."""
    headline = tree.css_first("h1")
    if headline is None or not _MOVED.match(headline.text(deep=True) or ""):
        return None
    return headline.parent or headline
