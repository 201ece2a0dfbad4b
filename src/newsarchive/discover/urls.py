"""URL helpers shared by discovery, crawling and the archive: one normal form, one identity.

Every URL the crawler meets goes through ``normalize_url`` (a fetchable URL in one spelling)
and is compared by ``url_key`` (what makes two spellings the same article: www or bare
host, http or https, parameter order). ``identify`` picks the URL an article is archived
under: the canonical URL the page declares when it is on the site, else the fetched one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import lru_cache
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from newsarchive.discover.pager_words import PAGE_IN_ADDRESSES
from newsarchive.discover.shape import is_list_path, is_not_article_path, looks_like_article_path
from newsarchive.hosts import (
    ascii_host,
    host_problem,
    host_variants,
    site_host_variants,
    www_twins,
)
from newsarchive.memo import MEMO_CHARS
from newsarchive.models import Profile

# Click ids and campaign tags an ad network, a search engine or a share button appends to
# a link (Google's ``srsltid`` on search results and its cross-domain linkers, ``_gl`` and
# the older ``_ga=2.…`` a portal's links to its news host carry; Microsoft's ``msclkid``,
# Instagram's ``igshid``, HubSpot's and Marketo's e-mail tags, Facebook's share tags...):
# the page is the same without them, and a site that copies the address it was reached by
# into its canonical link or its sitemap hands them on there.
TRACKING_PARAMS = re.compile(
    r"^(?:utm_[a-z_]+|fbclid|gclid|yclid|mc_cid|mc_eid|srsltid|_gl|_ga|msclkid|dclid|gbraid"
    r"|wbraid|gad_source|igshid|twclid|ttclid|ref_src|ref_url|_hsenc|_hsmi|mkt_tok"
    r"|fb_action_ids|fb_action_types|fb_source|fb_ref)$",
    re.IGNORECASE,
)
# ``ref`` says where a link was: Ghost appends the site's host to its portal's and its
# newsletters' links (``?ref=gradets.bg``), a newsletter its own name, a feed ``?ref=rss``,
# a theme ``?ref=home`` (Twitter's embeds ``ref_src``/``ref_url``, above). Some CMSs name a
# page by a reference in it (``obyava.php?ref=1204``, ``?ref=OB-2026-17``), so ``ref``
# is dropped only as a referrer writes it: a host name or a word, no digit outside a
# host's name, and only where the rest of the address names the page
# (``_where_from_dropped``). Asking a page both ways to see whether ``ref`` changes it
# would cost every such link a request.
_REF = re.compile(r"^ref(?:=(?:[a-z_-]*|(?:[a-z0-9-]+\.)+[a-z]{2,}))?$", re.IGNORECASE)
# ``from`` is the same referrer under another name, a CMS writing into each article link
# the word of the box it stands in (``?from=nachalo`` on the home page, ``?from=novini``
# on the list, ``?from=oshte`` under an article): a word only, since ``?from=2026-01-01``
# opens a range of dates, and only where the rest of the address names an article
# (``_names_an_article``): on a list, a search or a filter ``from`` is as often the
# page's own field (``novini?from=week``, ``search.php?q=x&from=news``), and dropping it
# there merged those pages into one.
_FROM_WORD = re.compile(r"^from=[a-z][a-z_-]*$", re.IGNORECASE)
# The other end of a route or a range beside ``from`` (``?from=sofia&to=plovdiv``;
# Bulgarian ``do``, "to"; ``until``): then ``from`` is the page's own field, wherever.
_ROUTE_END = re.compile(r"^(?:to|do|until|till)=", re.IGNORECASE)
# A short id that names an article where ``shape.looks_like_article_path`` wants a longer
# one: a path's last segment opening with its number (``/novini/5-remont``). In the query
# only an ``id``/``<word>_id`` field names one (``novini.php?id=5``, ``news_id=7``), never
# a list's: a category's, a page's, a tag's, an author's id (``news.php?cat_id=3``) names
# a list, where ``from`` may be its own filter (``&from=week``).
_SHORT_ID_SEGMENT = re.compile(r"^\d+[-_][^\W\d_]")
_ID_FIELD = re.compile(
    r"^(?!(?:cat|cats|categ|category|categories|kat|kategoriya|kategoria|rubric|rubrika|"
    r"section|sektsiya|page|tag|tags|author|avtor|user|menu|parent|list|group|type)_)"
    r"(?:[a-z]+_)?id=\d+$",
    re.IGNORECASE,
)
# Session ids a server writes into links for visitors without cookies (PHP's
# use_trans_sid, Java's URL rewriting, ASP, osCommerce, Zen Cart, ColdFusion's
# ``URLSessionFormat()``: ``&CFID=4817237&CFTOKEN=58922315``): another one on every page
# it renders, so one article would be queued and archived under as many URLs as there
# are pages linking to it; the page itself never depends on it.
SESSION_PARAMS = re.compile(
    r"^(?:phpsessid|jsessionid|aspsessionid[a-z]*|sessionid|session_id|oscsid|zenid|cfid|cftoken)$",
    re.IGNORECASE,
)
# ``sid`` is a session id in phpBB-style software, but a story or section id elsewhere
# (PHP-Nuke's "sid=123"): dropped only when its value is what PHP makes a session id (26
# to 40 letters and digits, both present: 32 hex in phpBB), not "sid=3" or a short hash.
_SID = re.compile(r"^sid=(?=[^&]*\d)(?=[^&]*[a-z])[0-9a-z]{26,40}$", re.IGNORECASE)
_PATH_SESSION = re.compile(r";jsessionid=[^/?#;]*", re.IGNORECASE)  # its own value only
# A cache-buster a CMS or a script writes into the links it prints so that no cache
# serves the page again: the moment of printing, in seconds or milliseconds since 1970
# (``?t=1764400000123``, jQuery's ``&_=1764400000123``, ExtJS's ``_dc=``), another on
# every page it renders, so each visit (each nightly run) finds every article, and every
# next page of a list, under new addresses; the page never depends on it. Only a value
# that is such a moment (2001 to 2033, ten or thirteen digits) under a name that says
# so: ``?t=3`` is phpBB's topic. A name saying it is random may hold a random fraction
# instead, as PHP's ``mt_rand() / mt_getrandmax()`` and JavaScript's ``Math.random()``
# print one (``?rnd=0.48213765213123``, six digits or more after the point): ``?r=0.5``
# may be a zoom or a rating.
_CACHE_BUSTER = re.compile(
    r"^(?:(?:_|_dc|t|ts|time|timestamp|nocache|nc|cb|cachebuster|cache|rnd|rand|random|v)"
    r"=1\d{9}(?:\d{3})?|(?:nocache|nc|cb|cachebuster|rnd|rand|random)=0\.\d{6,20})$",
    re.IGNORECASE,
)
# ASP.NET's cookieless state, a path segment of its own after the application's folder:
# "/(S(x3mnb1ffgvxkkn55bfwxxk45))/Novini/Default.aspx" (the session), "(A(...))" (an
# anonymous user), "(F(...))" (a forms ticket), "(X(1)S(...))" together. The server
# sends a visitor without one to a fresh id and serves the page under any, so every
# visit (every nightly run) would find every article under new addresses; the page
# never depends on it, and the address without it is the one the server hands out.
_PATH_STATE = re.compile(r"/\((?:[A-Z]\([\w-]{1,512}\))+\)(?=/|$)", re.IGNORECASE)
# The pages an ASP.NET application serves under its cookieless state (its own pages and
# handlers, or an address with no file name): a static file may not be served there.
_APPLICATION_PAGE = (".aspx", ".asp", ".ashx")


def path_state_given(asked: str, sent_to: str) -> tuple[str, str] | None:
    """When a redirect from ``asked`` to ``sent_to`` is an ASP.NET server handing a
    visitor without one its cookieless state (``sent_to`` is ``asked`` with
    ``/(S(<id>))`` in its path), where in the path it goes and the segment:
    ``("", "/(S(x3mn…))")`` for one at the start. None for any other redirect. ``asked``
    may hold a session the server has forgotten (one handed earlier in the run, expired):
    the new one it hands in its place is the one to keep."""
    old, new = urlsplit(asked), urlsplit(sent_to)
    if (old.scheme, old.netloc.lower(), old.query) != (new.scheme, new.netloc.lower(), new.query):
        return None
    found = _PATH_STATE.search(new.path)
    if found is None or (old.path or "/") == new.path:
        return None
    if new.path[: found.start()] + new.path[found.end() :] != (_state_free(old.path) or "/"):
        return None
    return new.path[: found.start()], found.group()


def _state_free(path: str) -> str:
    """``path`` without its cookieless state (``_PATH_STATE``)."""
    return _PATH_STATE.sub("", path)


def in_path_state(url: str, where: str, segment: str) -> str:
    """``url`` with the cookieless state ``segment`` its server handed out placed after
    ``where`` in its path (``path_state_given``), as the server would redirect it there;
    ``url`` itself when its path is not under ``where``, holds a state already, or names
    a file that is no page of the application (a PDF, an image)."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if _PATH_STATE.search(path) or not (path == where or path.startswith(f"{where}/")):
        return url
    name = path.rpartition("/")[2]
    if "." in name and not name.lower().endswith(_APPLICATION_PAGE):
        return url
    return parts._replace(path=where + segment + path[len(where) :]).geturl()


_DEFAULT_PORTS = {"http": "80", "https": "443"}
_UNRESERVED = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")


def _requote(part: str, safe: str) -> str:
    """One percent-encoding: unreserved characters plain, everything else escaped, hex upper.

    ``safe`` characters (delimiters of this URL part) are kept as they are, so ``/`` in a
    path and ``&=`` in a query keep their meaning.
    """
    if _plain(safe).fullmatch(part):
        return part  # the common case, without the character loop
    out: list[str] = []
    i = 0
    while i < len(part):
        char = part[i]
        if char == "%" and _ESCAPE.fullmatch(part, i, i + 3):
            byte = int(part[i + 1 : i + 3], 16)
            out.append(chr(byte) if byte in _UNRESERVED else part[i : i + 3].upper())
            i += 3
            continue
        if char.isascii() and (ord(char) in _UNRESERVED or char in safe):
            out.append(char)
        else:
            # (surrogatepass: a lone surrogate, from a command line's undecodable bytes
            # say, is escaped like any other character instead of raising)
            out.append("".join(f"%{b:02X}" for b in char.encode("utf-8", "surrogatepass")))
        i += 1
    return "".join(out)


@lru_cache(maxsize=8)
def _plain(safe: str) -> re.Pattern[str]:
    """Parts made only of unreserved and ``safe`` characters need no re-encoding."""
    return re.compile(f"[A-Za-z0-9._~{re.escape(safe)}-]*")


def _remove_dot_segments(path: str) -> str:
    """RFC 3986 5.2.4: ``/a/./b/../c`` is ``/a/c``."""
    if "." not in path:
        return path
    output: list[str] = []
    for segment in path.split("/")[1:]:
        if segment == "..":
            if output:
                output.pop()
        elif segment != ".":
            output.append(segment)
    trailing = "/" if path.endswith(("/.", "/..")) else ""
    return "/" + "/".join(output) + trailing


# A site's menus, footer and sidebars repeat on every page a crawl reads: the same few
# hundred links, each normalized again per page (most of a listing page's reading), so
# addresses are memoized; not a long one (``memo.MEMO_CHARS``): an editor's image linked
# to itself is an ``href`` of a ``data:`` URI, hundreds of kilobytes a page, which 8,192
# entries would keep for the rest of a crawl (gigabytes). (Asked inline here, not through
# ``memo.memoised``: these are read for every link of every page.)
_MEMO_SIZE = 8192


def feed_scheme_target(href: str) -> str:
    """The web address a ``feed:`` link names: ``feed://x.bg/rss.php`` is
    ``http://x.bg/rss.php`` and ``feed:https://x.bg/rss`` is ``https://x.bg/rss``. An old
    site's "RSS" link may be written so, the scheme browsers once handed to the reader's
    feed reader, and it may be the only way to its feed (and to its older news). Read
    only where a feed is looked for: anywhere else such a link is no page. Any other
    ``href`` is returned as it is."""
    stripped = href.strip()
    if stripped[:5].lower() != "feed:":
        return href
    rest = stripped[5:]
    if rest.lower().startswith(("http://", "https://")):
        return rest
    return "http:" + rest if rest.startswith("//") else href


# A path-relative address: no scheme, no leading "/", "./", "../", "?" or "#".
_SCHEME = r"[a-z][a-z0-9+.-]*:"  # https:, mailto:, javascript:
_PATH_RELATIVE = re.compile(rf"\s*(?!{_SCHEME})[^/.?#\s]", re.IGNORECASE)
# read against the page's own address: ``../09/``, ``./28/``, ``?month=9`` too
_PAGE_RELATIVE = re.compile(rf"\s*(?!{_SCHEME})[^/#\s]", re.IGNORECASE)


@lru_cache(maxsize=256)
def _page_folders(page: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The folders ``page`` sits in, as written and unescaped (``/a/b/page`` -> a, b)."""
    try:
        path = urlsplit(page).path
    except ValueError:
        return (), ()
    folders = tuple(path.split("/")[1:-1])
    return folders, tuple(unquote(f) for f in folders)


def path_relative(href: str) -> bool:
    """``href`` is read against the folder its page is in: no scheme, no leading "/",
    "./", "../", "?" or "#" (the only links ``from_site_root`` may read otherwise)."""
    return _PATH_RELATIVE.match(href) is not None


def page_relative(href: str) -> bool:
    """``href`` is read against its page's address (its folder, or the page itself for
    a query): no scheme, no leading "/" or "#"; ``path_relative``'s links, and "./",
    "../" and "?" ones."""
    return _PAGE_RELATIVE.match(href) is not None


def from_site_root(href: str, page: str) -> str:
    """``href`` as the site means it, found on ``page`` (its URL; "" where the page sets
    a ``<base href>``, which a browser reads every link against, and so does this): a
    path-relative one that begins with the folders the page is in (``novini/1480-x`` on
    ``/novini/`` or ``/novini/1479-y``) is the site's root-relative ``/novini/1480-x``
    (after the folder the CMS is installed in, what precedes those folders on the page:
    ``/obshtina/novini/1480-x`` on ``/obshtina/novini/5``). A theme printing the path its
    CMS stores without the leading slash, tested on the home page alone, where the two
    readings agree: read as written, every page under ``/novini/`` names a folder longer
    (``/novini/novini/1480-x``, then ``/novini/novini/novini/?page=3``), addresses a
    lenient router answers 200 with the same page, and every article was archived under
    one such address, every list page fetched again under each. Any other ``href``
    (``5-kat``, ``../statii/7``, ``?page=2``, ``/novini/5``, one repeating no folder) is
    returned as it is, read against the page as a browser reads it. So is one whose
    folders before those it repeats hold a number alone, a date's, never the folder a CMS
    is installed in: ``10/obshtinata-podpisa/`` on October's page ``/2026/10/`` is the
    10th's ``/2026/10/10/obshtinata-podpisa/`` (read from the root it was ``/2026/10/…``,
    no page: the news was never archived). The one rule for a page's links (discovery)
    and its canonical link (extraction)."""
    if not page or not _PATH_RELATIVE.match(href):
        return href
    folders, names = _page_folders(page)
    if not folders:
        return href
    written = href.strip()
    path = re.split(r"[?#]", written, maxsplit=1)[0]
    segments = [unquote(s) for s in path.split("/")[: len(folders) + 1]]
    for k in range(len(folders), 0, -1):
        if len(segments) > k and tuple(segments[:k]) == names[-k:]:
            if any(name.isdigit() for name in names[:-k]):
                continue  # (a year's or a month's folder before: a date's path)
            return "/" + "".join(f"{f}/" for f in folders[:-k]) + written
    return href


def normalize_url(url: str, base: str | None = None) -> str | None:
    """An absolute http(s) URL in one spelling; None for mailto:, javascript: and the like.

    Lower-case host without a default port, dot segments resolved, one percent-encoding
    (so a Cyrillic slug typed raw or escaped is one URL), no fragment, no tracking
    parameters or session ids. Parameter order is kept: servers may care; ``url_key`` does not.
    A link through the site's own redirector to an address on the same host is that
    address (``unwrap_redirector``).
    """
    if base is not None and _OF_ORIGIN.match(url):
        base = _origin(base)
    if len(url) + len(base or "") > MEMO_CHARS:
        return _normalize_url(url, base)
    return _memo_normalize_url(url, base)


# An address read against its page's scheme and host alone (``urljoin``): one rooted at
# the host (``/novini/5``, ``//host/x``) or absolute (``https://…``). Memoized under that
# origin (``_origin``), not the page's address: else a menu's links, the same on every
# page, were normalized afresh on each (a listing page's 250 links, 6% of a crawl's CPU).
# Not one holding a backslash, a tab or a line break: read as a "/" or dropped, they may
# make a rooted address ``//`` (``/\x``, ``/\t/``), an empty host, the page itself.
_OF_ORIGIN = re.compile(
    rf"(?![^\\\t\r\n]*[\\\t\r\n])\s*(?:/(?!/)|(?:{_SCHEME})?//[^/?#\s])", re.IGNORECASE
)


def _origin(base: str) -> str:
    """``base``'s scheme and host (its ``netloc``, ended as ``urlsplit`` ends it: at the
    first "/", "?" or "#"), all a rooted or absolute address is joined to it by."""
    scheme, sep, rest = base.partition("://")
    if not sep:
        return base
    ends = [k for k in (rest.find("/"), rest.find("?"), rest.find("#")) if k >= 0]
    return f"{scheme}://{rest[: min(ends)] if ends else rest}/"


def _normalize_url(url: str, base: str | None) -> str | None:
    normal = _normal(url, base)
    # (most URLs: no query, or a path no redirector has; read without splitting the URL)
    if normal is None or "=" not in normal or not _REDIRECTOR_PATH.search(normal.split("?")[0]):
        return normal
    for _ in range(3):  # a redirector naming a redirector: a few hops at most
        target = unwrap_redirector(normal)
        if target is None:
            break
        normal = target
    return normal


_memo_normalize_url = lru_cache(maxsize=_MEMO_SIZE)(_normalize_url)


# A click-counting or "leaving the site" script of the site's own: "/redirect.php?url=…",
# "/go.php?link=…", "/out?to=…". The parameter names the address it sends the reader to.
_REDIRECTOR_PATH = re.compile(
    r"/(?:redirect|redir|go|goto|out|away|link|click|jump|exit|r)(?:\.(?:php|aspx?|cgi|jsp))?/?$",
    re.IGNORECASE,
)
_TARGET_PARAMS = frozenset(
    {"url", "u", "link", "to", "goto", "target", "dest", "destination", "redirect", "href"}
)
# What a redirector script itself is told besides the address: a signature against open
# redirects, a click counter's or banner's id, where the click came from. Never the
# target's, even after an address written raw (``_raw_target``).
_REDIRECTOR_OWN = _TARGET_PARAMS | frozenset(
    {
        "sig", "signature", "hash", "token", "key", "ts", "timestamp", "expires",
        "ref", "referer", "referrer", "click", "clickid", "counter", "bid", "banner", "banner_id",
    }
)  # fmt: skip


def unwrap_redirector(url: str) -> str | None:
    """The address a link through the site's redirector names (``/redirect.php?url=/rss.xml``
    is ``/rss.xml``), when it is on the redirector's own host (or its ``www.`` twin), in
    normal form; None for any other URL. Reading the address itself costs the site no
    redirect, and a redirector pointing off the site is never unwrapped: it stays a link
    to the redirector, whose off-site redirect the fetcher refuses."""
    parts = urlsplit(url)
    if not parts.query or not _REDIRECTOR_PATH.search(parts.path):
        return None
    params = parts.query.split("&")
    for at, param in enumerate(params):
        name, _, value = param.partition("=")
        if name.lower() not in _TARGET_PARAMS or not value:
            continue
        target = unquote(_raw_target(value, params[at + 1 :]).replace("+", " ")).strip()
        if target.startswith("/") and not target.startswith("//"):
            return _normal(target, url)
        if not target.lower().startswith(("http://", "https://")):
            return None
        normal = _normal(target)
        there = urlsplit(normal) if normal else None
        if (
            there is not None
            and there.hostname
            and there.hostname in host_variants([parts.hostname or ""])
            and there.port == parts.port  # (another port is another server)
        ):
            return normal
        return None
    return None


def _raw_target(value: str, after: list[str]) -> str:
    """The address a redirector's parameter holds, given the parameters after it.

    An address percent-encoded (``url=https%3A%2F%2Fx.bg%2Fn.php%3Fid%3D5``) is the value
    alone: its ``&``s were encoded too, so any that follow separate the redirector's own
    parameters. One written raw whose own query has begun (a ``?`` in the value:
    ``url=https://x.bg/n.php?id=5&lang=bg``) was not encoded, so neither were the ``&``s
    of that query: the parameters after it are its own, but for those only a redirector
    is told (``_REDIRECTOR_OWN``: a signature, a click counter) and for a name the
    target's query has already (``&id=77`` after ``?id=5``: the banner's id, and PHP,
    reading the last, would serve another article). A raw value without a
    ``?`` has no query to continue: what follows is the redirector's (``&id=7``, the
    banner clicked). (A PHP script reading ``$_GET['url']`` would cut the address at the
    first ``&``; the page's author meant the whole of it, and the site serves that one.)
    """
    if "?" not in value:
        return value
    names = {p.partition("=")[0].lower() for p in value.split("?", 1)[1].split("&")}
    kept = [value]
    for param in after:
        name = param.partition("=")[0].lower()
        if name not in _REDIRECTOR_OWN and name not in names:
            kept.append(param)
            names.add(name)
    return "&".join(kept)


# ``web_url_problem``'s word for a well-formed address of no web page ("file:///etc/passwd"),
# which a redirect's check tells from a malformed one.
NO_WEB_URL = "is no http(s) URL with a host"


# What no address holds, written as it stands: C0 controls and DEL
_URL_CONTROL = re.compile("[\x00-\x1f\x7f]")


def without_userinfo(url: str) -> str:
    """``url`` without a ``user:password@`` before its host: a page's address as it is
    archived, keyed and followed. A link a page writes so is already one without it
    (``normalize_url`` keeps the host alone); a redirect's target, an imported record's
    ``url`` and ``extract --url`` were kept whole, so a password a site or a hand-made
    file put there was archived, exported and shown by ``serve``, and a crawler sends
    none a site's redirect names. The same article either way (``url_key`` drops it)."""
    if "@" not in url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:  # (no URL: left as it is, for its own check to refuse)
        return url
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def web_url_problem(url: str, *, fetched: bool = True) -> str:
    """Why ``url`` can be no web page's address, or "": the one test of an address a
    user or a record gives (``--url``, ``--base-url``, an import's ``url``, a WARC
    record's target) before anything fetches, links or keys it. A malformed one
    ("http://[::1", a port past 65535) raised deep inside the fetcher or the link reader,
    ``http://`` alone reached robots.txt, and a ``javascript:`` one would have become an
    article's link. The scheme's case is no matter: ``urlsplit`` lower-cases it.

    ``fetched=False`` asks only whether the archive can key and link it, as a JSON Lines
    record's: a host no server can have (``host_problem``: "a..bg") matters to a
    request alone, and an archive an older import-warc filled holds such rows, whose
    export was refused whole on import.

    A control character (a NUL, a line break, a tab) is in no address: a record's was
    archived as it stood ("https://x.bg/a" and a NUL), its CSV export carrying the NUL, and
    ``extract --url`` took one; ``--base-url``'s was refused by httpx's own words."""
    if control := _URL_CONTROL.search(url):
        return f"holds a control character ({control.group()!r} at position {control.start()})"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (urlsplit checks the port only when asked)
    except ValueError as exc:
        return f"is not a valid URL ({exc})"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return NO_WEB_URL
    if fetched and (problem := host_problem(parts.hostname)):
        return f"is not a valid URL ({problem})"
    return ""


# A character Google's AJAX crawling scheme escapes in an ``_escaped_fragment_`` value
# (control characters and space, ``#``, ``%``, ``&``, ``+``, and every byte past ASCII);
# everything else, ``/`` and ``?`` included, is written as it stands.
_FRAGMENT_ESCAPED = re.compile(r"[\x00-\x20#%&+\x7f-\U0010ffff]")


def hash_bang_route(href: str) -> bool:
    """``href`` (as written) names a view by a hash-bang, ``#!/novini/5`` or
    ``/#!/novini/5``: an address (``escaped_fragment``). A bare ``#!`` is none: themes
    (Materialize's dropdowns and pagers) write it for a link that goes nowhere."""
    _, bang, route = href.strip().partition("#!")
    return bool(bang and route)


def followed_href(href: str | None) -> bool:
    """An ``href`` (as written) a click follows to another page: not absent, "#" or
    "#tab" (a place in this page), nor "javascript:" (a script, whatever address its
    code names); a hash-bang, ``#!/novini``, is a view's address (``escaped_fragment``).
    The one answer for a link's target (``anchors.link_target``), a button's own
    address (listings) and a menu entry that leads nowhere but opens a submenu
    (``explore.news_menu_children``)."""
    value = (href or "").strip()
    if value.startswith("#"):
        return hash_bang_route(value)
    return bool(value) and not value.lower().startswith("javascript:")


def escaped_fragment(url: str) -> str:
    """The address a hash-bang link (``/#!/novini/5``: an AngularJS or Backbone site
    routing its views in the fragment, which no request carries) is served at for a
    crawler, as the AJAX crawling scheme those sites' servers answer says:
    ``/?_escaped_fragment_=/novini/5`` holds the view's HTML snapshot, where the
    hash-bang address serves every view the same empty shell. One spelling for both,
    as a page's links, its pager's and its menu's all name views so; ``url`` unchanged
    when it has no hash-bang."""
    head, bang, route = url.partition("#!")
    if not bang:
        return url
    value = _FRAGMENT_ESCAPED.sub(
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), route
    )
    return f"{head}{'&' if '?' in head else '?'}_escaped_fragment_={value}"


def _normal(url: str, base: str | None = None) -> str | None:
    url = url.strip()
    if "#!" in url and hash_bang_route(url):
        url = escaped_fragment(urljoin(base, url) if base else url)
        base = None
    if not url or url.startswith(("#", "mailto:", "javascript:", "tel:", "data:")):
        return None
    if "\\" in url:
        url = _forward_slashes(url)
    try:
        parts = urlsplit(urljoin(base, url) if base else url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return None
    host = ascii_host(parts.hostname.rstrip("."))
    if ":" in host:
        host = f"[{host}]"
    if port is not None and str(port) != _DEFAULT_PORTS[parts.scheme]:
        host = f"{host}:{port}"
    raw_path = parts.path or "/"
    if ";" in raw_path:
        raw_path = _PATH_SESSION.sub("", raw_path)
    if "))" in raw_path:
        raw_path = _PATH_STATE.sub("", raw_path) or "/"
    path = _remove_dot_segments(_requote(raw_path, "/:@!$&'()*+,;="))
    query = parts.query
    if "amp;" in query:
        query = _ESCAPED_AMPERSAND.sub(r"\1", query)
    query = "&".join(_requote(q, "/?:@!$'()*+,;=&") for q in query.split("&") if q and _kept(q))
    if _WHERE_FROM.search(query):
        query = _where_from_dropped(path, query)
    if _PRINT_FLAG.search(query):
        query = _print_flag_dropped(path, query)
    return urlunsplit((parts.scheme, host, path, query, ""))


# A print copy's flag, one field of the query (matched whole): ``?print=1``, ``&print=1``,
# Joomla's ``?tmpl=component&print=1``, the Bulgarian ``?pechat=1``, a bare ``?print``.
# The copy is its article in a bare layout (no menus, ``window.print()`` on load), so a
# sitemap or a feed listing both archived each article twice; without the flag the
# address is the original's, which the crawl asks instead (its title, date and canonical
# whole). Only a flag's value (1, true, yes, da) or none: ``?print=2024-05`` names a
# print edition, ``?print=0`` is no copy, and both stay. ``/print/<id>`` and
# ``print.php?id=`` are left alone: their original's address is not in them.
_PRINT_FIELD = re.compile(r"(?:print|pechat|printable)(?:=(?:1|true|yes|da))?", re.IGNORECASE)
_PRINT_FLAG = re.compile(rf"(?:^|&){_PRINT_FIELD.pattern}(?:&|$)", re.IGNORECASE)  # the cheap test
# What Joomla's print icon writes beside its flag (``&tmpl=component&print=1&layout=default``,
# and ``&page=`` with the article's page, empty on its first, in 3.x): the bare template
# and the default layout, fields of the copy, not of the article; dropped with the flag
# only (alone, ``tmpl=component`` may be a popup's page of its own).
_PRINT_COMPANIONS = frozenset({"tmpl=component", "layout=default", "page="})


def _print_flag_dropped(path: str, query: str) -> str:
    """``query`` without a print copy's flag (``_PRINT_FIELD``) and, beside it, Joomla's
    companions (``_PRINT_COMPANIONS``), unless nothing would be left to name the page:
    the site's root or a bare script (``print.php?print=1``) may serve a page of its own
    so, and dropping the flag there would make it another page."""
    fields = query.split("&")
    kept = [q for q in fields if not _PRINT_FIELD.fullmatch(q)]
    if len(kept) == len(fields):
        return query
    kept = [q for q in kept if q.lower() not in _PRINT_COMPANIONS]
    if not kept and _BARE_SCRIPT.search(path):
        return query
    return "&".join(kept)


# A copy of a page a site marks in the query, as its own links to it say (``anchors.
# copy_marks``: "Версия за слабовиждащи" leading to ``?v=sv``, "Текстова версия" to
# ``?text=1``): the fields a link adds to the address of the page it is on, one or two (a
# Joomla copy's ``tmpl=component&…``). A field that may name a page of its own is never
# one, whatever the label: a page's number (``pager_words.PAGE_IN_ADDRESSES``), an id
# (``id``, ``news_id``), WordPress's post ``p``, a language's ``lang``.
_COPY_MARK_FIELDS = 2
_NOT_A_COPY_MARK = re.compile(r"^(?:p|lang|l|id|(?:[a-z]+_)?id)=", re.IGNORECASE)
# Or under a path prefix: the one segment a link puts before the path of the page it is
# on (``/sv/novini/5`` for ``/novini/5``, ``/print/…``, ``/text/…``, ``/m/…``), kept as
# that segment after a "/" (``/sv``), which no query field starts with: one list of marks
# (``Discovery.copy_marks``). A word, not a file's name or a number (``/2/novini/5``, a
# page's); not learned of the site's root, whose ``/sv/`` may be a section of its own.
_PATH_MARK = re.compile(r"[a-z][a-z0-9_-]{0,15}", re.IGNORECASE)


def copy_mark(page_url: str, link: str) -> str | None:
    """The query fields (``a=b&c=d``) the address ``link`` adds to ``page_url`` (both in
    normal form), when it is that page's own address and the page's own query fields
    with one or two more after them; or the path segment it puts before the page's path
    (``/sv``: ``_PATH_MARK``), its query the same: how a site marks a copy of the page,
    once the link's label says it is one (``anchors.copy_marks``). None for any other
    link, or where a field added may name a page of its own (``_NOT_A_COPY_MARK``, a
    page's number)."""
    page, other = urlsplit(page_url), urlsplit(link)
    if (page.scheme, page.netloc) != (other.scheme, other.netloc):
        return None
    if page.path != other.path:
        return _path_mark(page.path, other.path) if page.query == other.query else None
    own = [q for q in page.query.split("&") if q]
    fields = [q for q in other.query.split("&") if q]
    if fields[: len(own)] != own:
        return None
    added = fields[len(own) :]
    if not 0 < len(added) <= _COPY_MARK_FIELDS:
        return None
    for field in added:
        if _NOT_A_COPY_MARK.match(field) or field.partition("=")[0].lower() in PAGE_IN_ADDRESSES:
            return None
    return "&".join(added)


def _path_mark(path: str, copy: str) -> str | None:
    """``/sv`` when ``copy`` is ``/sv`` + ``path`` (``_PATH_MARK``), ``path`` not the root."""
    if path in ("", "/") or not copy.endswith(path):
        return None
    mark = copy[: -len(path)]
    return mark if mark[:1] == "/" and _PATH_MARK.fullmatch(mark[1:]) else None


def without_copy_marks(url: str, marks: Iterable[str]) -> str:
    """``url`` without the fields of each copy mark (``copy_mark``) it carries whole, and
    without the path prefix of each it opens with (``/sv/novini/5``: ``/novini/5``): the
    address of the page it is a copy of, which the crawl asks instead (a sitemap listing
    every page and its copy for the partially sighted archived each article twice, or
    fetched it twice to find the copy unchanged). A field left alone on a bare script or
    the site's root is kept, as ``_print_flag_dropped`` keeps it."""
    if not marks:
        return url
    parts = urlsplit(url)
    path = parts.path
    for mark in marks:
        if mark[:1] == "/" and path.startswith(mark + "/"):
            path = path[len(mark) :]
            break
    if path != parts.path:
        parts = parts._replace(path=path)
        url = urlunsplit(parts)
    if "?" not in url:
        return url
    fields = parts.query.split("&")
    for mark in marks:
        wanted = mark.split("&")
        if mark[:1] != "/" and all(q in fields for q in wanted):
            fields = [q for q in fields if q not in wanted]
    if len(fields) == parts.query.count("&") + 1 or (
        not fields and _BARE_SCRIPT.search(parts.path)
    ):
        return url
    return urlunsplit(parts._replace(query="&".join(fields)))


# An ASP or ASP.NET page: IIS reads its query's field names without regard to case
# (``Request.QueryString("id")`` is ``?ID=5`` as well as ``?id=5``), and an old site's
# templates, its feed and its "related" boxes spell one article's fields each their own
# way: one article under as many addresses, each fetched and archived. (Identity only:
# an address keeps the spelling the site gave it.)
_IIS_PAGE = re.compile(r"\.(?:asp|aspx|ashx)$", re.IGNORECASE)


def _names_lowered(query: str) -> str:
    """``query`` with its field names in lower case, their values as they are."""
    fields = []
    for field in query.split("&"):
        name, mark, value = field.partition("=")
        fields.append(name.lower() + mark + value)
    return "&".join(fields)


def _where_from_dropped(path: str, query: str) -> str:
    """``query`` without the fields that say where its link was (``_REF``; ``_FROM_WORD``
    beside an article's address) or where the page goes back to (``_RETURN_ADDRESS``),
    unless nothing would be left to name the page: a bare script (``page.php?ref=kontakti``,
    ``index.php?redirect=/novini/5``) or the site's root may be addressing its pages by
    that very field, and dropping it would make them all one URL, one article once
    ``archive.rekey`` merged their rows."""
    returns = not _REDIRECTOR_PATH.search(path)  # (a redirector's target is read there)
    fields = query.split("&")
    kept = [q for q in fields if not (_REF.match(q) or (returns and _RETURN_ADDRESS.fullmatch(q)))]
    if any(_FROM_WORD.match(q) for q in kept) and not any(_ROUTE_END.match(q) for q in kept):
        rest = [q for q in kept if not _FROM_WORD.match(q)]
        if _names_an_article(path, rest):
            kept = rest
    if len(kept) == len(fields) or (not kept and _BARE_SCRIPT.search(path)):
        return query
    return "&".join(kept)


def _names_an_article(path: str, fields: list[str]) -> bool:
    """Whether ``path`` with the query ``fields`` names one article, so a ``from=<word>``
    beside them says only where its link was (``_FROM_WORD``): the slug, long id or dated
    name ``shape.looks_like_article_path`` reads in the path alone, a short id in its last
    segment (``_SHORT_ID_SEGMENT``) or an article's id field (``_ID_FIELD``). Any other
    number in the query is a list's, a search's or a filter's (``novini?page=12``,
    ``search.php?q=x&limit=20``, ``arhiv?year=2024``, ``news.php?cat_id=3``), and
    ``from`` beside it as often that page's own field (``&from=week``)."""
    if looks_like_article_path(path):
        return True
    if is_not_article_path(path):
        return False
    last = next((s for s in reversed(unquote(path).split("/")) if s), "")
    return bool(_SHORT_ID_SEGMENT.match(last)) or any(_ID_FIELD.match(q) for q in fields)


# A query that may hold a field ``_where_from_dropped`` drops: the cheap test first.
_WHERE_FROM = re.compile(
    r"(?:^|&)(?:ref|from=|\w*(?:redirect|return|back|next|continue|destination|goto)\w*=(?:h|/|%2F))",
    re.I,
)
# A path that alone names no page: the site's root, or a script serving many by its query.
_BARE_SCRIPT = re.compile(r"(?:^/$|\.(?:php\d?|aspx?|jsp|cgi|pl|do|cfm)$)", re.IGNORECASE)
# The name of a query field saying where to send the visitor back to: the page's "Назад"
# link, which a portal writes into every link to an article (Liferay's asset publisher:
# ``…/content/<slug>?redirect=<the list page it was shown on>``, its portlet's own
# ``_101_INSTANCE_x_redirect=`` too; ASP.NET's ``ReturnUrl``), and a wall's way back once
# passed (Django's and many consent banners' ``next``, WordPress's ``redirect_to``,
# Drupal's ``destination``, ``continue``, ``goto``; ``explore.wall_before``). One
# vocabulary for both: a field identity drops is the very one a wall is read by, so the
# wall is read from the raw address the server sent the visitor to, before its normal
# form drops it.
RETURN_FIELD = re.compile(
    r"(?:_\w+_)?(?:(?:redirect|return|back)(?:_?(?:to|url|uri|link))?|next|continue|destination|goto)",
    re.IGNORECASE,
)
# One field of the query (matched whole: ``_where_from_dropped``) that is such a return:
# one article under as many addresses as pages list it, a new one each time the list
# moves on, and the page the same under every one. Only a value that is an address
# (``http…``, ``/…``, escaped or not) is such a return; a redirector's own parameter
# names where it sends the reader, and is read there (``unwrap_redirector``).
_RETURN_ADDRESS = re.compile(
    rf"(?:{RETURN_FIELD.pattern})=(?:https?(?::|%3A)|/|%2F)[^&]*", re.IGNORECASE
)


# An ampersand a CMS escaped twice (``href="?id=5&amp;amp;kat=1"``, an RSS ``<link>`` of
# ``?id=5&amp;amp;kat=1``): the browser asks for ``?id=5&amp;kat=1``, which the server
# reads as the field ``amp;kat``, and the site's other links (its feed, its sitemap) name
# ``?id=5&kat=1``: one article under two addresses, fetched twice. A raw ``&amp;`` is never
# data in a query (a value's own ``&`` is ``%26``), only the escaping gone wrong. Nor is
# an ``amp;`` opening the query: a key an older release stored sorted its fields
# (``?amp;kat=1&id=5``), and a re-keyed archive (schema v16) finds it so.
_ESCAPED_AMPERSAND = re.compile(r"(^|&)(?:amp;)+")


def _forward_slashes(url: str) -> str:
    """``novini\\2026\\n528.htm`` as a browser asks for it: a page written on Windows
    (FrontPage, an old CMS's editor) spells its paths with backslashes, and browsers read
    each one before the query as ``/`` (the WHATWG URL standard, for http and https), so
    the site works for people and its server knows only ``novini/2026/n528.htm``. In the
    query a backslash is data, and stays."""
    cut = min((i for i in (url.find("?"), url.find("#")) if i >= 0), default=len(url))
    return url[:cut].replace("\\", "/") + url[cut:]


def _kept(param: str) -> bool:
    """A query parameter that may change the page: not tracking, not a session id, not
    a cache-buster."""
    name = param.split("=", 1)[0]
    return not (
        TRACKING_PARAMS.match(name)
        or SESSION_PARAMS.match(name)
        or _SID.match(param)
        or _CACHE_BUSTER.match(param)
    )


# A URL already in ``normalize_url``'s form, for certain: http(s), a lower-case ASCII
# host (no trailing dot) and a port other than the scheme's, a path of dot-free segments
# whose characters ``_requote`` keeps as they are (escapes only of non-ASCII bytes, in
# upper case; no ";" of a session, "(" of ASP.NET's state, "=" or "\\"), no query, no
# fragment. Normalizing it again gives it back unchanged, so ``url_key`` skips that:
# every key of a listing's links was asked of ``normalize_url``'s own output, a second
# and third normalization of each link (most of a 50,000-link page's reading; the
# ``lru_cache`` holds 8,192). A URL with a query is normalized again, whatever it is.
_NORMAL_ALREADY = re.compile(
    r"(https?)://[a-z0-9-]+(?:\.[a-z0-9-]+)*(?::([1-9]\d{0,4}))?"
    r"(?!.*/\.\.?(?:/|$))(?:/(?:[A-Za-z0-9._~!$&'*+,:@-]|%[89A-F][0-9A-F])*)+"
)


def url_key(url: str) -> str:
    """What two URLs of one article share: normal form without scheme, ``www.`` or order.

    ``https://www.x.bg/a?b=2&a=1`` and ``http://x.bg/a?a=1&b=2`` have one key. The key is
    stored beside every archived URL and queued URL; identity questions ask only for it.
    Asked of every link of every page a walk reads, several times each (its listing
    reading, the walk's, the frontier's): memoized as ``normalize_url`` is.
    """
    return _memo_url_key(url) if len(url) <= MEMO_CHARS else _url_key(url)


def _url_key(url: str) -> str:
    plain = _NORMAL_ALREADY.fullmatch(url)
    if plain and plain[2] != _DEFAULT_PORTS[plain[1]]:
        normal = url
    else:
        normal = normalize_url(url) or url
    try:
        parts = urlsplit(normal)
    except ValueError:  # ("http://[::1": no URL at all, so only itself can match it)
        return url
    host = parts.netloc.removeprefix("www.")
    query = parts.query
    if query and _IIS_PAGE.search(parts.path) and not query.islower():
        query = _names_lowered(query)
    query = "&".join(sorted(_identity_params(query.split("&")))) if query else ""
    path = parts.path if query else folder_path(parts.path)
    return f"{host}{path}" + (f"?{query}" if query else "")


_memo_url_key = lru_cache(maxsize=_MEMO_SIZE)(_url_key)


# The file a web server answers a folder's address with (Apache's ``DirectoryIndex``,
# nginx's ``index``, IIS's default document), named: ``/novini/5/index.html``,
# ``index.php``, ``default.aspx``.
FOLDER_INDEX = re.compile(
    r"(?<=/)(?:index|default)\.(?:html?|shtml|php\d?|aspx?|jsp|cfm)$", re.IGNORECASE
)


def folder_path(path: str) -> str:
    """``path`` as its folder when it names the folder's index file (``FOLDER_INDEX``):
    ``/novini/5/index.html`` is ``/novini/5/``, which the server answers with that file.
    Identity's rule (``url_key``), only for an address with no query (a script's query,
    ``/index.php?id=5``, is the script's, as it is). Why one key and not the normal
    form's: the spelling a link gave is the one asked for (a folder's index may be
    ``index.php`` beside an old ``index.html``, and only the link knows which), while
    the site's links, its feed's and its listing's, name the one article both ways.
    ``/novini/5`` beside ``/novini/5/`` is not so: a server may answer the two with two
    resources (a file and a folder of one name), so the crawl takes them for one only
    where the site shows it (a redirect from one to the other, a canonical naming it)."""
    return (
        FOLDER_INDEX.sub("", path)
        if "/index." in path.lower() or "/default." in path.lower()
        else path
    )


# The article views of Joomla's components that read their article by its number alone
# (``$input->getInt('id')``: "57:slug" is 57), whatever menu item (``Itemid``) and
# category (``catid``) the link also names: those only choose the modules and breadcrumb
# around it. With friendly URLs off, every module links an article with its own menu's
# ``Itemid``, with or without the slug; so one article has as many addresses as menus
# show it. Only ``option`` + ``view`` pairs known to work so: ``Itemid`` elsewhere (a
# category's view) may choose the layout, and stays. Joomla 1.0 named its article view
# by ``task=view`` (``option=com_content&task=view&id=57&Itemid=54``), no ``view``: read
# so as well. The number is what ``getInt`` reads: the digits leading the value, a slug
# after them behind ":" (its own links) or "-" (as its friendly URLs spell one,
# ``id=57-remont``) alike.
_JOOMLA_ARTICLE_VIEWS = frozenset({("com_content", "article"), ("com_k2", "item")})
_JOOMLA_ARTICLE_TASKS = frozenset({("com_content", "view")})
_JOOMLA_ROUTING = frozenset({"itemid", "catid"})
_JOOMLA_ID = re.compile(r"id=(\d+)(?:(?::|%3A|-).*)?", re.IGNORECASE)


def _identity_params(params: list[str]) -> list[str]:
    """A query's parameters as identity sees them: a Joomla article's address without
    what says only how the reader got there (``_JOOMLA_ARTICLE_VIEWS``), its id without
    its slug; any other query as it is. Only when the address names its article by one
    number: without it (no ``id``, an empty or a word's, two of them) the menu item may
    be what names the article, and two such addresses are not known to be one."""
    if "option=com_" not in "&".join(params).lower():
        return params
    named = [(p.partition("=")[0].lower(), p) for p in params]
    values = {name: param.partition("=")[2] for name, param in named}
    option = values.get("option", "").lower()
    if (option, values.get("view", "").lower()) not in _JOOMLA_ARTICLE_VIEWS and (
        "view" in values or (option, values.get("task", "").lower()) not in _JOOMLA_ARTICLE_TASKS
    ):
        return params
    ids = [_JOOMLA_ID.fullmatch(param) for name, param in named if name == "id"]
    if len(ids) != 1 or (number := ids[0]) is None:
        return params
    return [
        f"id={number.group(1)}" if name == "id" else param
        for name, param in named
        if name not in _JOOMLA_ROUTING
    ]


def _moved_hosts(origin: str, moved_to: str) -> tuple[str, str]:
    """The hosts of a site's move from ``origin`` to ``moved_to`` (``Discovery.moved``'s
    pair), old and new, in the one spelling of a host (``ascii_host``: a ``.бг`` host in
    punycode, as a profile naming it in Cyrillic does not)."""
    return ascii_host(urlsplit(origin).netloc), ascii_host(urlsplit(moved_to).netloc)


def move_hosts(origin: str, moved_to: str) -> tuple[str, str]:
    """A site's move as ``moved_keys`` reads it: the new host and the old, spelled as keys
    spell them (``_moved_hosts``, without ``www.``)."""
    old, new = _moved_hosts(origin, moved_to)
    return new.removeprefix("www."), old.removeprefix("www.")


def moved_keys(key: str, moves: Mapping[str, str]) -> list[str]:
    """``key`` (``url_key``) on a host a site moved to, spelled on each host it moved
    from, latest first (``moves``: new host -> old, both as keys spell them, without
    ``www.``): the addresses its article had before the site changed its domain, one
    article with them. A site moved twice (a -> b -> c) archived its articles under a
    while it lived there, so c's address is followed back past b; a move back to a host
    passed already (a cycle the records may hold) ends the way back there."""
    host, mark, rest = key.partition("/")
    former: list[str] = []
    passed = {host}
    while (host := moves.get(host, "")) and host not in passed:
        passed.add(host)
        former.append(host + mark + rest)
    return former


# A PHP front controller's name in a path: "/index.php/novini/12" is the route
# "/novini/12" given to it as PATH_INFO, which a rewrite rule gives it from "/novini/12";
# a CMS installed in a folder has it there ("/bg/index.php/novini/12"), and a site
# copied from Windows may spell it "Index.php".
_FRONT_CONTROLLER = re.compile(r"index\.php", re.IGNORECASE)
_PUT_IN = ("index.php", "Index.php")
_DEPTH = 3  # the folders deep a CMS is installed in, counted from the site's root


def front_controller_twins(key: str) -> list[str]:
    """``key`` (``url_key``) with the front controller's name taken out of its path, or
    put in: the other addresses a CMS routed through ``index.php`` (Joomla, WordPress,
    CodeIgniter, Laravel...) serves the same page at, one module linking
    "/index.php/novini/12", another "/novini/12". A name in the path is taken out
    wherever it stands (a CMS in "/bg/"); where none is, it is put in before each of the
    first folders, as the page does not say which is the CMS's. Not keys of their own:
    two are one article only when the page read at both is the same
    (``Store.upsert_article``), so an archive keyed before is keyed as it was. None (an
    empty list) for a front page or a query alone."""
    host, _, rest = key.partition("/")
    path, mark, query = rest.partition("?")
    segments = path.split("/")
    for n, segment in enumerate(segments):
        if _FRONT_CONTROLLER.fullmatch(segment):
            route = "/".join(segments[n + 1 :])
            return [f"{host}/{'/'.join([*segments[:n], route])}{mark}{query}"] if route else []
        if segment.lower().startswith("index.php"):  # ("index.php5": another script)
            return []
    twins = []
    for n in range(min(len(segments) - 1, _DEPTH) + 1):
        if "/".join(segments[n:]):
            twins += [
                f"{host}/{'/'.join([*segments[:n], name, *segments[n:]])}{mark}{query}"
                for name in _PUT_IN
            ]
    return twins


# The extension an ASP.NET site's older links give a page that its extensionless routes
# (Kentico, Sitefinity, DotNetNuke's friendly URLs, Umbraco) serve without it.
_ASPX = ".aspx"


def extension_twins(key: str) -> list[str]:
    """``key`` (``url_key``) with ``.aspx`` taken off its last segment, or put on: the
    other address an ASP.NET CMS with extensionless routes answers the same page at
    (Kentico's ``/Novini/2026/Noemvri/Slug`` and the legacy ``Slug.aspx`` its feed and
    old repeaters still print; IIS serves both, naming no canonical). Not keys of their
    own, for a server may answer the two with two pages (a ``novini.aspx`` script beside
    a ``novini`` folder): one article only when the page read at both is the same
    (``Store.upsert_article``), as ``front_controller_twins``' are. None (an empty list)
    for a folder, a front page, or a last segment with another extension."""
    host, _, rest = key.partition("/")
    path, mark, query = rest.partition("?")
    last = path.rpartition("/")[2]
    if not last:
        return []
    if last.lower().endswith(_ASPX) and len(last) > len(_ASPX):
        return [f"{host}/{path[: -len(_ASPX)]}{mark}{query}"]
    if "." in last:
        return []
    return [f"{host}/{path}{_ASPX}{mark}{query}"]


# An article's address led by its id in the CMS's table ("/novini/3310-nov-park"): at
# least three digits (a listicle's "10-minute-..." is no id) and then a word, not a date
# ("2026-11-28-nov-park" is led by its year). Nor is a year that leads a headline's slug
# an id ("2026-obyava-za-targ-imot-12"): a series of notices typed from one template on
# one day would read as one notice edited, each taking the last one's place; an id that
# looks like a year only loses the edit's being found (a second row, as before).
_ID_SLUG = re.compile(r"(?!(?:19|20)\d\d-)(\d{3,})-(?!\d)[^/?#]*[^\W\d_][^/?#]*")


def id_slug_prefix(key: str) -> str | None:
    """The start ``key`` (``url_key``) shares with every address of its article's id
    under another slug, "x.bg/novini/3310-", when its last segment is an id and a slug
    (a slash after it or not) and it has no query; else None. A CMS that writes the
    headline into the address moves the article there when the headline is edited (the
    old one answering 301), and a crawl after it meets the new address as a link of its
    own."""
    path, _, last = key.removesuffix("/").rpartition("/")
    match = _ID_SLUG.fullmatch(last)
    return f"{path}/{match.group(1)}-" if path and match and "?" not in key else None


# The id leading an address's last segment ("505-folklorna-sreshta", "7385"), as
# ``_ID_SLUG`` reads one: three digits at least, not a year leading a slug.
_LEAF_ID = re.compile(r"(?!(?:19|20)\d\d-)(\d{3,})(?:-[^/?#]*)?")


def leaf_token(key: str) -> str:
    """The last segment of ``key``'s path (``url_key``), or the id leading it: what names
    one article under two spellings of its folder, a site's old ``/novini/505-x`` beside
    its ``/bg/novini/505-x``, a TV's ``/video/7385`` beside its ``/news/7385-novi-spirki``.
    Not an identity: evidence two links may be one item, where a rule must not take them
    for two (``explorer.home_news_list``)."""
    last = key.partition("?")[0].rstrip("/").rpartition("/")[2]
    match = _LEAF_ID.fullmatch(last)
    return match.group(1) if match else last


def moves_from(origin: str, moved: Mapping[str, str]) -> list[tuple[str, str]]:
    """The moves a site made from ``origin`` on, in order, as ``moved`` records them
    (``Discovery.moved``: old origin -> new): ``[(a, b), (b, c)]`` for a site that moved
    from a to b and from b to c, so a run goes to c at once, not to b to be sent on
    again. A move back to an origin passed already (a cycle) is not taken."""
    steps: list[tuple[str, str]] = []
    passed = {origin}
    while (moved_to := moved.get(origin)) is not None and moved_to not in passed:
        passed.add(moved_to)
        steps.append((origin, moved_to))
        origin = moved_to
    return steps


def slashless_key(url: str) -> str:
    """``url_key`` without the path's trailing slash: ``/x`` and ``/x/`` as one. Not an
    identity (a site may serve two pages there): what a listing's two links to them, or
    a page at one naming the other as canonical, say is one page."""
    key = url_key(url)
    path, mark, query = key.partition("?")
    return path.rstrip("/") + mark + query


def item_url(page_url: str, anchor: str) -> str:
    """The address of one news item of a page that holds its items in full
    (``extraction.full_items``): the page's URL in normal form, "#", the item's anchor.
    The only archived URLs with a fragment: every other one is ``normalize_url``'s."""
    page = normalize_url(page_url) or page_url
    return f"{page}#{_requote(anchor, '')}"


def is_item_url(url: str) -> bool:
    """An archived URL naming an item of a page of items in full (``item_url``), not a
    page of its own: the only archived URLs with a fragment."""
    return "#" in url


def archive_key(url: str) -> str:
    """The key an archived URL is stored and found under: ``url_key``, plus the fragment
    of an item's address (``item_url``), which alone tells the items of one page apart.
    A link's fragment never reaches the archive (``normalize_url`` drops it), so for every
    other URL this is ``url_key``."""
    _page, mark, fragment = url.partition("#")
    return url_key(url) + (f"#{fragment}" if mark and fragment else "")


def current_key(key: str) -> str:
    """The key ``url_key`` gives today to the URL an older release stored as ``key``
    (before session ids left the normal form, say): an archive re-keyed so finds its
    articles by the spellings links use now. The host part stays as it was: a key has no
    scheme, so whether its port was the default one cannot be told from it."""
    key, mark, fragment = key.partition("#")  # an item's (``archive_key``) stays its own
    host = key.split("/", 1)[0]
    now = url_key(f"http://{key}")
    return (now if now.split("/", 1)[0] == host else key) + mark + fragment


# How CMSs spell an article's AMP copy: ``?amp=1`` or ``?amp`` (the WordPress AMP plugin's
# query form, Drupal's AMP module) and a last path segment ``amp`` (the plugin's path
# form, ``/2024/05/slug/amp/``). ``amp.`` hosts and ``/amp/`` prefixes are left out: no
# CMS makes them by default, and a site's own section may be named so.
_AMP_VALUES = frozenset({"", "1"})


def amp_originals(url: str) -> tuple[str, ...]:
    """The spellings of the page ``url`` is the AMP copy of, most likely first; () when it
    is no AMP spelling. A copy fetched where its original is known costs a request and
    archives nothing new (its canonical names the original), but the copy alone is
    still worth fetching: only its canonical says for sure what the original is, so
    these are spellings to look up, never URLs to fetch instead."""
    parts = urlsplit(url)
    params = parts.query.split("&") if parts.query else []
    kept = [q for q in params if not _amp_param(q)]
    path = parts.path
    segments = path.rstrip("/").split("/")
    if len(segments) > 2 and segments[-1].lower() == "amp":
        path = "/".join(segments[:-1]) + ("/" if path.endswith("/") else "")
    if path == parts.path and len(kept) == len(params):
        return ()
    paths = [path]
    if path != parts.path:  # "slug/amp/" is the copy of "slug/" or of "slug"
        paths.append(path.rstrip("/") if path.endswith("/") else path + "/")
    query = "&".join(kept)
    return tuple(urlunsplit((parts.scheme, parts.netloc, p, query, "")) for p in paths)


def _amp_param(param: str) -> bool:
    name, _, value = param.partition("=")
    return name.lower() == "amp" and value in _AMP_VALUES


@lru_cache(maxsize=256)
def _site_hosts(hosts: tuple[str, ...], origin: str) -> frozenset[str]:
    return site_host_variants((*hosts, urlsplit(origin).netloc))


def site_hosts(profile: Profile) -> frozenset[str]:
    """Every host the site answers on: the profile's hosts, its origin, their www twins."""
    return _site_hosts(profile.hosts, profile.origin)


def off_site_hosts(urls: Iterable[str], profile: Profile) -> list[str]:
    """The hosts of ``urls`` that are none of the site's (``site_hosts``), each once: where
    a source the site vouches for lies off it (a sitemap on the hosting company's CDN),
    for the fetcher to ask as it asks the site (a ``--base-url`` mirror serves them too)."""
    own = site_hosts(profile)
    found = (urlsplit(url).netloc.lower() for url in urls)
    return list(dict.fromkeys(host for host in found if host and host not in own))


def source_hosts(profile: Profile) -> list[str]:
    """The hosts off the site's own that its profile names a source on (``add-site``
    proposing the CDN sitemap robots.txt's ``Sitemap:`` line said): the profile is the
    user's word. A crawl of the profile ``add-site`` wrote for a site whose sitemap lies
    on its CDN asked it nothing there: 0 of 9 archived."""
    return off_site_hosts((*profile.sitemaps, *profile.feeds), profile)


def with_hosts(profile: Profile, hosts: Iterable[str]) -> Profile:
    """``profile`` with ``hosts`` among its own (the news hosts an exploration adopted,
    ``Discovery.hosts``), those it answers on already left out: the one rule the crawl,
    the explorer, ``add-site`` and ``check-site`` adopt a host by. ``profile`` itself when
    none is new."""
    new = tuple(dict.fromkeys(host for host in hosts if host not in site_hosts(profile)))
    return replace(profile, hosts=(*profile.hosts, *new)) if new else profile


def moved_profile(profile: Profile, origin: str, moved_to: str) -> Profile:
    """``profile`` of a site that moved from ``origin`` to ``moved_to``: the new origin
    its own, its old hosts still its (a link or record naming them is the site's). The
    one rule the crawl (``SiteCrawl._move``) and ``import-warc`` take a move up by."""
    hosts = tuple(dict.fromkeys((*profile.hosts, *_moved_hosts(origin, moved_to))))
    return replace(profile, origin=moved_to, hosts=hosts)


def on_site(url: str, profile: Profile) -> bool:
    """True when the URL's host is one of the site's hosts (www or bare alike) and, for a
    site kept in a folder of a host it shares (``Profile.home``, "/obshtina/"), the URL
    is in that folder on the origin's host: the host's other folders are other sites
    (another customer's news in the host's one sitemap or its shared bar), whatever
    their addresses' shape. The one rule of a site's bounds: discovery, sitemaps, feeds,
    redirects and canonical trust all ask it."""
    host = _memo_host(url) if len(url) <= MEMO_CHARS else _host(url)
    if host not in site_hosts(profile):
        return False
    return profile.home == "/" or in_home_folder(url, host, profile)


def in_home_folder(url: str, host: str, profile: Profile) -> bool:
    """Whether ``url`` (on ``host``, one of the site's) is inside the site's folder: on
    the origin's host (or its www or m. twin), the folder itself with or without its last
    slash, or under it, in any letter case (IIS answers either); another host the
    site adopted (its news section's own) is the site's whole."""
    if host not in _site_hosts((), profile.origin):
        return True
    path = urlsplit(url).path.casefold() or "/"
    home = profile.home.casefold()
    return path.startswith(home) or path == home.rstrip("/")


def _host(url: str) -> str:
    return ascii_host(urlsplit(url).netloc)


# asked of every link of every listing page (``is_article_url``), as ``normalize_url``
_memo_host = lru_cache(maxsize=_MEMO_SIZE)(_host)


# A first label naming a language ("en.x.bg", "de.x.bg"): the site's copy in another
# language, not its news section, whatever the menu calls the link to it.
_LANGUAGE_LABEL = re.compile(r"[a-z]{2}")


def news_subdomain(netloc: str, profile: Profile) -> bool:
    """Whether ``netloc`` may be the host of the site's own news section living apart
    (``novini.x.bg`` beside ``www.x.bg``): a host under the site's own domain, the
    origin's host without ``www.`` (so under ``x.bg``, never beside it). Going by the
    origin's own name, not by a domain's last two labels, needs no list of public
    suffixes: ``x.co.uk``'s news may be ``news.x.co.uk``, and ``a.blogspot.com`` never
    adopts ``b.blogspot.com``, another person's blog. What a host is for is the menu's
    word (``discover.explore.news_hosts``); this only says whose it is. The origin's own
    host, a language's copy, a port or an address are not one; a host the profile names
    already is (the crawl adopts a saved one before exploring again, which must find it
    again to keep it)."""
    host = ascii_host(netloc)
    own = ascii_host(urlsplit(profile.origin).netloc).removeprefix("www.")
    if ":" in host or ":" in own or "." not in own or own.replace(".", "").isdigit():
        return False
    if host in host_variants([own]) or not host.endswith("." + own):
        return False
    label = host.removeprefix("www.").split(".", 1)[0]
    return not _LANGUAGE_LABEL.fullmatch(label)


_HOME_PATH = re.compile(r"/?(?:[a-z]{2}/?)?(?:index\.(?:php|html?|aspx?|jsp))?", re.IGNORECASE)


def is_home_page(url: str) -> bool:
    """A site's front page ("/", "/bg/", "/index.php"), with no query: where a site sends
    a deleted article's URL instead of answering 404, so a redirect from an article to it
    means the article is gone. A query keeps it an article ("/?p=123", "/index.php?id=7").
    No URL at all ("http://[::1") is no home page."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not parts.query and bool(_HOME_PATH.fullmatch(parts.path))


def stated_canonical(page: str | None, header: list[str], url: str) -> str | None:
    """The canonical address a page states: its own (``Article.canonical_url``, from its
    head) and its HTTP ``Link: <…>; rel="canonical"`` header's (``header``, read against
    ``url``), taken as one more of the head's canonical links: when they name one
    address (in any spelling) it is the page's, one alone is taken, and two that differ
    name none, as two of the head's links that disagree name none (a CDN's rule and the
    CMS's head each sure of another address: which is right, nothing on the page says).
    What is named is trusted as any canonical is (``identify``)."""
    named = [page] if page else []
    for href in header:
        try:
            # (as the head's is: ``novini/1480-x`` on ``/novini/1480`` from the site's
            # root, ``from_site_root``, a server's rule printing the stored path without
            # its slash as a theme does; RFC 8288 reads it against the address asked,
            # never a <base href>, so against ``url``)
            named.append(urljoin(url, from_site_root(href, url)))
        except ValueError:
            return None  # (a broken address among them: it names nothing we can weigh)
    if not named or any(url_key(other) != url_key(named[0]) for other in named[1:]):
        return None
    return named[0]


def identify(
    fetched_url: str,
    declared: str | None,
    profile: Profile,
    listings: Iterable[str] | StartPages = (),
) -> str:
    """The URL an article is archived under: the page's own canonical URL when it is on
    the site, else the URL it was fetched from (both in normal form).

    A declared canonical naming the home page or a start page (with or without its last
    slash) is a CMS default, not the article's address, and is ignored (else every
    article would become one). So is one naming a category's, tag's or author's page
    (``shape.is_list_path``) on a page that is none, which a theme names on every
    article (one article alone naming it would make the category its address until a
    second did), and one naming the page's own AMP copy
    (an AMP plugin misconfigured: the copy is made from the page, never the reverse).
    ``listings``: the site's listing pages a crawl found by exploring (``stands_in``).
    """
    fetched = normalize_url(fetched_url) or fetched_url
    claimed = normalize_url(declared) if declared else None
    if claimed is None or not on_site(claimed, profile):
        return fetched
    if stands_in(claimed, fetched, profile, listings) or url_key(fetched) in {
        url_key(original) for original in amp_originals(claimed)
    }:
        return fetched
    return _secure_as_fetched(claimed, fetched)


def stands_in(
    url: str, page: str, profile: Profile, listings: Iterable[str] | StartPages = ()
) -> bool:
    """Whether ``url`` is a page a site names or sends a reader to in place of ``page``,
    never ``page``'s own address: its home page, a start page (a listing the crawl walks)
    or a category's, tag's or author's page, when ``page`` is none of those itself. A
    theme's canonical link on every article says so (``identify``), and so does a
    redirect from a removed article to its section's listing (``harvest.judge``): either
    taken at its word, every article would become that one page's row. ``listings``:
    more start pages, the ones exploring found (a bare profile names none); a crawl
    passes its ``StartPages``, whose keys are made once, not on every page asked."""
    if url == page:  # (no redirect, or a page naming itself: none of the tests holds)
        return False
    if (is_home_page(url) and not is_home_page(page)) or (_list_page(url) and not _list_page(page)):
        return True
    # the start pages' keys last, only when asked: ``judge`` asks on every page fetched,
    # and a crawl's listings are many
    named, own = slashless_key(url), slashless_key(page)
    if named == own:
        return False
    starts = listings if isinstance(listings, StartPages) else StartPages(profile, listings)
    return starts.names(named) and not starts.names(own)


class StartPages:
    """A site's start pages, its profile's and the listings a crawl finds (``update``),
    by the key ``stands_in`` compares (``slashless_key``). Kept for a whole crawl of the
    site: ``harvest.judge`` asks on every page that redirected or names a canonical of
    its own, and making the keys of every listing again each time cost a crawl that
    explored hundreds of them a page's work per page."""

    __slots__ = ("_keys", "_profile", "_seen")

    def __init__(self, profile: Profile, listings: Iterable[str] = ()) -> None:
        self._profile = profile
        self._seen: set[str] = set()
        self._keys = {
            slashless_key(absolute(profile, start))
            for start in (*profile.start_urls, *profile.rested_urls)
        }
        self.update(listings)

    def update(self, listings: Iterable[str]) -> None:
        """More start pages: the listings exploring found."""
        for url in listings:
            if url not in self._seen:
                self._seen.add(url)
                self._keys.add(slashless_key(absolute(self._profile, url)))

    def names(self, key: str) -> bool:
        """Whether ``key`` (a ``slashless_key``) is a start page's."""
        return key in self._keys

    def lists(self, url: str) -> bool:
        """Whether ``url`` is a page the crawl knows as a list, never an article: the
        site's home page or one of these start pages (a listing it explored or walked,
        any page of it). A theme's post navigation linking the news list itself as
        "Предишна публикация" led the way back from the oldest article there, and the
        list was archived as one article more, its first card's text under no title."""
        return is_home_page(url) or slashless_key(absolute(self._profile, url)) in self._keys


def _list_page(url: str) -> bool:
    """``shape.is_list_path`` of ``url``'s path."""
    return is_list_path(urlsplit(url).path)


def _secure_as_fetched(claimed: str, fetched: str) -> str:
    """An ``http://`` canonical on a page its own host served over ``https://`` is the
    CMS's address from before the move (its configured base URL was never updated): the
    address a reader follows, and the one the old spelling redirects to, is ``https://``.
    So is one naming the ``www.``-less twin of the host that served it, or the reverse
    (``http://x.bg/novini/a/`` on ``https://www.x.bg``: the site installed under one
    spelling, moved to ``https://`` under the other): it keeps the serving host.
    (Which spelling is kept changes no identity: all are one article.)"""
    old, new = urlsplit(claimed), urlsplit(fetched)
    if old.scheme == "http" and new.scheme == "https" and www_twins(old.netloc, new.netloc):
        return old._replace(scheme="https", netloc=new.netloc).geturl()
    return claimed


def on_serving_host(url: str, page: str) -> str:
    """A link ``url`` found on ``page`` spelled on the host that served ``page`` where it
    names that host's ``www.`` twin (a theme's hard-coded ``https://x.bg/?page=3`` on
    ``https://www.x.bg/``): one site answers on one spelling, and a listing's next page
    asked at the other cost a request for that host's robots.txt, and an oldest-first
    listing's nightly run begins at it (composed seed 61: 5 requests where 4 do). Any
    other link as it is."""
    link, here = urlsplit(url), urlsplit(page)
    if link.netloc == here.netloc or not link.netloc or not here.netloc:
        return url
    if link.scheme != here.scheme or not www_twins(link.netloc.lower(), here.netloc.lower()):
        return url
    return link._replace(netloc=here.netloc).geturl()


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def is_article_url(url: str, profile: Profile) -> bool:
    """The profile's article pattern, matched against the decoded path (plus query).

    A profile without a pattern falls back to ``looks_like_article_path``, so its feeds
    and sitemaps still yield articles.
    """
    if not on_site(url, profile):
        return False
    if not profile.article_pattern:
        return looks_like_article_path(url)
    return bool(_compiled(profile.article_pattern).search(article_path(url)))


def article_path(url: str) -> str:
    """What article patterns are matched against: the decoded path, plus ``?query``."""
    return _memo_article_path(url) if len(url) <= MEMO_CHARS else _article_path(url)


def _article_path(url: str) -> str:
    parts = urlsplit(url)
    return unquote(parts.path) + (f"?{unquote(parts.query)}" if parts.query else "")


_memo_article_path = lru_cache(maxsize=_MEMO_SIZE)(_article_path)  # as ``_memo_host``


def absolute(profile: Profile, url: str) -> str:
    """A profile URL ("/bg/news") made absolute against the site's real origin."""
    return urljoin(profile.origin + "/", url)


# The last segment of a path that is the article's id alone ("/novini/3310", "3310.html",
# "3310/"): the address a side box or a short link prints, not the one the list does.
_BARE_ID = re.compile(r"\d+(?:\.[a-z]{2,5})?", re.IGNORECASE)


def _citable_rank(key: str) -> tuple[int, int, int]:
    """How far ``key`` (``url_key``) is from the address a reader would cite: (1 if a
    script's query names the page, 1 if its last segment is an id alone, 1 if it ends in
    the ``.aspx`` its extensionless route does without). Lower first."""
    path, mark, _query = key.partition("?")
    last = path.rstrip("/").rpartition("/")[2]
    legacy = last.lower().endswith(_ASPX) and len(last) > len(_ASPX)
    return (1 if mark else 0, 1 if _BARE_ID.fullmatch(last) else 0, 1 if legacy else 0)


def cited_first(kept: str, found: str) -> str | None:
    """Which of two addresses of one page, neither stated canonical by the page, its row
    keeps: the one a reader would cite, or None when neither is (then the row keeps the
    one it has: no flip between runs). The order, by what the address itself says, never
    by which was met first (a feed read before the list must not decide it):

    * a path over a script's query: ``/novini/3310-x`` over ``/index.php?id=3310``, the
      CMS's own script behind its friendly URLs, which its feed and old links print;
    * a path whose last segment carries words over one of an id alone:
      ``/novini/3310-x`` over ``/novini/3310``, a side box's or a short link's form;
    * an extensionless route over its ``.aspx`` (``extension_twins``): Kentico's
      ``/Novini/2026/Noemvri/Slug`` over the ``Slug.aspx`` its feed prints.

    That is the address the site's own article list links, as a CMS prints it; read from
    the address alone, the choice is the same whichever page a run met first, and a row
    once moved to the better address never moves back (a total order: ties keep). Only
    within one host: another host's address is a move (``moved_keys``), not an alias."""
    a, b = url_key(kept), url_key(found)
    if a == b or a.split("/", 1)[0] != b.split("/", 1)[0]:
        return None
    rank_a, rank_b = _citable_rank(a), _citable_rank(b)
    if rank_a == rank_b:
        return None
    return kept if rank_a < rank_b else found
