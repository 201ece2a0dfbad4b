"""A static HTTP server for offline site mirrors: what the tests and ``make demo`` crawl.

A request for ``/a/b?q`` is served from the first file among ``a/b@q``, ``a/b@q.html``,
``a/b@q.xml``, ``a/b@q.json``, ``a/b/index@q.html``, ``a/b/index@q.xml`` (``@q`` only when
there is a query), so one directory can hold listing pages with ``?p=N`` and their
articles. HTML is sent without a charset, as many real sites do, so decoding is exercised
for real; a mirror of a site that states its charset only in the HTTP header (an old CMS
configured for windows-1251, with no ``<meta charset>``) says so in ``_mirror.json`` at its root:
``{"content_types": {".html": "text/html; charset=windows-1251"}}``. A mirror of a site
whose server sends ``http://`` and ``www.`` to one origin says ``{"origin":
"https://x.bg"}``: a request whose ``X-Forwarded-Proto``/``X-Forwarded-Host`` (what
``--base-url``'s transport says it asked for, as a reverse proxy would) name another
scheme or host is answered ``301`` to the same path on that origin (``302`` with
``"origin_status": 302``: a ``www.`` sending every visitor to its mobile ``m.``). A mirror
of a server that sends headers of its own with some answers (WordPress's ``X-WP-TotalPages`` beside
its REST list of posts) names them per request path and query:
``{"headers": {"/wp-json/wp/v2/posts?per_page=100": {"X-WP-TotalPages": "2"}}}``; an
``ETag`` or ``Last-Modified`` named there is the one conditional requests are answered by
(a server sending constants answers 304 however the file changed). A
mirror of a site that sends its links through a click-counting redirector names the
redirector's path and the parameter holding the address: ``{"redirectors":
{"/redirect.php": "url"}}`` answers ``/redirect.php?url=/rss.xml`` with ``302`` to
``/rss.xml`` (whatever the address, as such scripts do). One whose server sends a page
elsewhere for good names it: ``{"moved": {"/a": "https://portal.bg/a"}}`` answers ``/a``
with ``301`` there; one whose script sends a page elsewhere for now (PHP's
``header("Location: …")``) names it under ``found``, answered ``302``. A mirror of a
site whose news section lives on a host of its own (``https://novini.x.bg/`` beside
``https://www.x.bg/``) serves that host from a folder of its own: ``{"host_roots":
{"novini.x.bg": "novini"}}`` answers a request whose ``X-Forwarded-Host`` names it from
``novini/`` (robots.txt and ``/`` included, and no ``origin`` redirect), and no other
host from there. ``hosts`` records the host each request asked for (its
``X-Forwarded-Host``, "" without one), beside ``requests``.
A mirror of a server that answers a page number past the list's end with its first page
(an old CMS clamping the number it is given) names the path and the file it falls back
to: ``{"fallbacks": {"/novini.php": "novini.php"}}`` serves ``/novini.php?str=99`` as
``/novini.php`` when no file answers it. A mirror of an ASP.NET site with cookieless
sessions says ``{"path_sessions": true}``: a request for ``/`` or an ``.aspx`` page with
no ``/(S(<id>))`` at the start of its path is answered ``302`` to the same path under a
fresh session id (another on every such request, as the server starts a session for
every visitor without one), and one with it is served as if it were not there. A mirror
of a server that rate-limits names the paths it turns away once and the seconds it asks
for: ``{"throttled": {"/novini?page=2": 1}}`` answers the first request for
``/novini?page=2`` with ``429`` and ``Retry-After: 1``, and serves the file after that.
A mirror of a site behind a cookie wall names its consent page, the address its "accept"
link leads to, and the cookie that earns: ``{"consent": {"page": "/consent", "accept":
"/consent/accept", "cookie": "consent=1"}}`` answers every request without that cookie
(but robots.txt and those two) ``302`` to ``/consent?next=<the path asked>``, and the
accept address ``302`` to its ``next`` with ``Set-Cookie`` naming the cookie; with it,
pages are served. One whose server guards paths with HTTP basic authentication names
them and its realm: ``{"basic_auth": {"/admin/": "Администрация"}}`` answers ``401`` with
``WWW-Authenticate: Basic realm="…"`` to every request under ``/admin/``. One whose CMS
writes a cache-buster into every link it prints names the parameter and the placeholder
its files hold for the value: ``{"cache_buster": {"parameter": "t", "placeholder":
"{{cache_buster}}"}}`` serves ``/novini?t=…`` as ``/novini`` and writes another number of
milliseconds for the placeholder into every answer (its ETag changing with it); with
``"value": "hex"`` thirty-two hex digits (a session id or token, ``&sid=9f3a…``); with
``"value": "fraction"`` the value is what PHP's ``mt_rand() / mt_getrandmax()`` or
JavaScript's ``Math.random()`` prints (``?rnd=0.48213765213123``), and a server stamping
each answer without writing it into links (a form's CSRF token) names no parameter. One
whose server now and then answers a page that exists with ``200`` and nothing (a PHP
worker out of memory after its headers went out) says how often: ``{"empty_every": 4}``
answers every fourth request for an HTML page (robots.txt aside) so. One whose server
answers an address it has no page for with ``200`` and its "page not found" page (a soft
404: a CMS's catch-all route) names that page's file: ``{"soft_404": "nenamerena.html"}``
serves it for every request no file answers, where the others answer ``404``. One whose
server turns away every so many requests however slowly they come (a shared host's limit
of requests a window, met by any visitor's) says how often and the seconds it asks for:
``{"throttle_every": 4, "retry_after": 1}`` answers every fourth request (robots.txt
aside) ``429`` with ``Retry-After: 1`` (``"throttle_status": 503``: a server saying
it is overloaded, ``503``, with the same header). One whose server drops the connection
now and then in the middle of a page (a worker recycled, a proxy's timeout) says how often:
``{"cut_every": 4}`` sends every fourth page (an HTML file answered ``200``) with its whole
``Content-Length`` and half of its bytes, and closes the connection. A fallback file
holding ``{{next}}`` gets the number after the one the request's query asked for there
(a pager past its end answering an empty page and a "next" to the number after, for
ever). One whose site keeps a day page for every day, each answered ``200`` whether it
holds news or not (a calendar widget's archive), names the prefix, the file for a day
with no file of its own and the first day: ``{"day_pages": {"prefix": "/arhiv/", "file":
"arhiv-den.html", "first": "1990-01-01"}}`` serves ``/arhiv/2026/11/27/`` from that file
when no file answers it, ``{{day}}`` in it the day asked (``27.11.2026``) and
``{{prev}}`` the address of the day before (``#`` before the first). One whose router
answers a path that repeats a folder as the path without the repeat (a lenient rewrite
rule: ``/novini/novini/5`` is ``/novini/5``, as a theme linking ``novini/5`` from
``/novini/`` makes) says ``{"repeated_segments": true}``.

Every file is sent with a strong ``ETag`` (a hash of its bytes) and ``Last-Modified`` (its
mtime); a matching ``If-None-Match`` (or, without one, a ``If-Modified-Since`` not older
than the file) gets ``304 Not Modified``, so nightly incremental crawls can be tested.

A mirror of a site as it is the next night (new articles, one edited, one deleted, the
whole site moved) keeps that night's files in ``_night2/`` (``_night3/``…): after
``next_night()`` they are served over the root's, the night's ``_mirror.json`` over the
root's key by key, and its ``{"gone": {"/novini/x": 410}}`` answers those paths so.
A busy site publishing or unpublishing while a crawl reads its list names the address
after whose answer the change lands: ``{"next_night_after": "/novini"}`` goes on to the
next night by itself once it has answered that path ``200`` (so page 2, asked after page
1, is the changed list's), once a night (the next night's ``_mirror.json`` may name
another).

A server having a bad night (busy, slow, a section down) is the same mirror with an
``intercept``: asked first with each request's path, it may sleep (latency) and may name
a status to answer instead of the file (``Outage``: some paths answer 503 for a while),
or an ``Answer``: a status with its own body and headers (a ``503`` with ``Retry-After``,
a maintenance page sent ``200``), or the file itself cut mid-body (``cut=True``: what
``cut_every`` does, on one path). ``PathFaults`` is such an intercept per path: each path's
``Fault`` (its answer, a sleep past the client's timeout, for how many requests), removed
when the fault heals (``heal``).
"""

from __future__ import annotations

import datetime
import email.utils
import hashlib
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlencode, urlsplit

CONTENT_TYPES = {
    ".html": "text/html",
    ".xml": "application/xml",
    ".txt": "text/plain",
    ".gz": "application/gzip",
    ".json": "application/json",
}


def resolve(root: Path, raw_path: str) -> Path | None:
    """The file serving ``raw_path`` (path plus query), or None; never escapes ``root``."""
    parts = urlsplit(raw_path)
    path = unquote(parts.path).lstrip("/")
    suffix = f"@{unquote(parts.query)}" if parts.query else ""
    base = root / path if path else root
    candidates = [
        Path(f"{base}{suffix}"),
        Path(f"{base}{suffix}.html"),
        Path(f"{base}{suffix}.xml"),
        Path(f"{base}{suffix}.json"),
        base / f"index{suffix}.html",
        base / f"index{suffix}.xml",
    ]
    top = root.resolve()
    for candidate in candidates:
        try:
            found = candidate.is_file() and top in candidate.resolve().parents
        except OSError:  # a name longer than the file system allows (a portal's query)
            found = False
        if found:
            return candidate
    return None


def not_modified(
    if_none_match: str | None, if_modified_since: str | None, etag: str, mtime: int
) -> bool:
    """RFC 9110 precedence: ``If-None-Match`` when present, else ``If-Modified-Since``."""
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or etag in tags
    if if_modified_since:
        try:
            since = email.utils.parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError, IndexError):
            return False
        return since is not None and mtime <= since.timestamp()
    return False


def _settings(root: Path) -> dict[str, object]:
    settings = root / "_mirror.json"
    if not settings.is_file():
        return {}
    data = json.loads(settings.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _declared(settings: dict[str, object], name: str) -> dict[str, str]:
    """One of ``_mirror.json``'s maps of strings (the module's docstring says each one's
    keys and values), as strings whatever JSON wrote."""
    found = settings.get(name, {})
    return {str(key): str(value) for key, value in dict(found).items()}  # type: ignore[call-overload]


def _declared_headers(settings: dict[str, object]) -> dict[str, dict[str, str]]:
    """The headers a mirror's server sends with the answer to a path (``_mirror.json``)."""
    headers = settings.get("headers", {})
    return {
        str(path): {str(k): str(v) for k, v in dict(sent).items()}
        for path, sent in dict(headers).items()  # type: ignore[call-overload]
    }


# ASP.NET's cookieless session state: "/(S(x3mnb1ffgvxkkn55bfwxxk45))/" opening the path
_PATH_SESSION = re.compile(r"^/\(S\([a-z0-5]{24}\)\)(?=/)")
# a servlet's path parameters: ";jsessionid=9F3A…" after a segment, up to the next "/" or "?"
_PATH_PARAMS = re.compile(r";[^/?#]*")
# a folder repeated right after itself, as a lenient router reads it once
_REPEATED = re.compile(r"/([^/?#]+)(?:/\1)+(?=[/?#]|$)")


def _session_id(number: int) -> str:
    """A session id in ASP.NET's shape (24 of a-z0-5), another for every ``number``."""
    digest = hashlib.sha256(str(number).encode()).digest()
    return "".join("abcdefghijklmnopqrstuvwxyz012345"[b % 32] for b in digest[:24])


def _without_param(raw_path: str, name: str) -> str:
    """``raw_path`` without the query parameter ``name``, as a server ignoring it reads it."""
    parts = urlsplit(raw_path)
    kept = [q for q in parts.query.split("&") if q and q.partition("=")[0] != name]
    return parts.path + (f"?{'&'.join(kept)}" if kept else "")


def _stamp(kind: str, number: int) -> str:
    """The cache-buster (or token) a server writes into its ``number``-th answer:
    milliseconds since 1970, or a random fraction's digits (``kind`` "fraction")."""
    if kind == "fraction":
        digest = hashlib.sha256(str(number).encode()).hexdigest()
        return f"0.{int(digest, 16) % 10**14:014d}"
    if kind == "hex":
        return hashlib.md5(str(number).encode()).hexdigest()
    return str(1764400000000 + 7919 * number)


_DAY_PAGE = re.compile(r"^(\d{4})/(\d{2})/(\d{2})/?$")


def _day_page(day_pages: dict[str, str], path: str) -> tuple[str, str] | None:
    """The day a calendar archive's address names (``27.11.2026``) and the address of
    the day before (``#`` before ``first``), or None when ``path`` is no day page."""
    prefix = day_pages.get("prefix")
    if not prefix or not path.startswith(prefix):
        return None
    found = _DAY_PAGE.match(path[len(prefix) :])
    if found is None:
        return None
    try:
        day = datetime.date(*(int(g) for g in found.groups()))
    except ValueError:
        return None
    first = datetime.date.fromisoformat(day_pages.get("first", "1990-01-01"))
    if day < first:
        return None
    before = day - datetime.timedelta(days=1)
    prev = "#" if before < first else f"{prefix}{before:%Y/%m/%d}/"
    return f"{day:%d.%m.%Y}", prev


def _redirector_target(redirectors: dict[str, str], raw_path: str) -> str | None:
    """Where a redirector script sends ``raw_path``, or None when it is no redirector's."""
    parts = urlsplit(raw_path)
    name = redirectors.get(parts.path)
    if name is None:
        return None
    values = parse_qs(parts.query).get(name)
    return values[0] if values else None


def _consent_answer(consent: dict[str, str], raw_path: str, cookies: str) -> dict[str, str] | None:
    """The headers of a cookie wall's ``302`` for ``raw_path`` (to the consent page, or
    from its accept address back, the cookie set), or None to serve the request."""
    if not consent:
        return None
    parts = urlsplit(raw_path)
    if parts.path == consent["accept"]:
        back = parse_qs(parts.query).get("next", ["/"])[0]
        return {"Location": back, "Set-Cookie": f"{consent['cookie']}; Path=/"}
    earned = consent["cookie"] in [c.strip() for c in cookies.split(";")]
    if earned or parts.path in (consent["page"], "/robots.txt"):
        return None
    return {"Location": f"{consent['page']}?{urlencode({'next': raw_path})}"}


def _redirect(origin: str, proto: str | None, host: str | None, path: str) -> str | None:
    """Where a server with one ``origin`` sends a request for another scheme or host."""
    if not origin or proto is None or host is None:
        return None
    want = urlsplit(origin)
    if proto.lower() == want.scheme and host.lower() == want.netloc.lower():
        return None
    return f"{want.scheme}://{want.netloc}{path}"


BUSY_PAGE = b"<html><body>busy</body></html>"
NOT_FOUND_PAGE = b"<html><body><h1>404 Not Found</h1></body></html>"


@dataclass(frozen=True)
class Answer:
    """What an ``intercept`` answers instead of the file: ``status`` with ``body`` and
    ``headers``; or, ``cut``, the file's own answer with half its body sent and the
    connection closed (a worker killed mid-answer, on this one request)."""

    status: int = 200
    body: bytes = BUSY_PAGE
    headers: dict[str, str] = field(default_factory=dict)
    cut: bool = False


# what a request's path gets instead of its file: a status, an ``Answer``, or None to
# serve the file
Intercept = Callable[[str], int | Answer | None]


class Outage:
    """An ``intercept``: the paths in ``down`` answer ``status`` until taken out of it
    (``down.clear()``: the server is back)."""

    def __init__(self, down: set[str], status: int = 503) -> None:
        self.down = set(down)
        self.status = status

    def __call__(self, path: str) -> int | None:
        return self.status if path in self.down else None


@dataclass
class Fault:
    """One path's bad answer: ``answer`` (None: the file, late), after ``sleep`` seconds
    (past a client's timeout: a page that hangs), for its next ``times`` requests (0: every
    one, until healed)."""

    answer: int | Answer | None = None
    sleep: float = 0.0
    times: int = 0


class PathFaults:
    """An ``intercept`` answering each path in ``faults`` (keyed by the path as sent,
    percent-encoding and all) with its ``Fault``; ``met`` counts the requests each
    fault answered, ``heal`` takes faults away (the server back after a bad night)."""

    def __init__(self, faults: dict[str, Fault]) -> None:
        self.faults = dict(faults)
        self.met: dict[str, int] = {}
        self._lock = threading.Lock()

    def heal(self, paths: set[str] | None = None) -> None:
        """Take the faults of ``paths`` (of every path: None) away."""
        with self._lock:
            for path in set(self.faults) if paths is None else paths:
                self.faults.pop(path, None)

    def __call__(self, path: str) -> int | Answer | None:
        with self._lock:
            fault = self.faults.get(path)
            if fault is None:
                return None
            self.met[path] = self.met.get(path, 0) + 1
            if fault.times:
                fault.times -= 1
                if not fault.times:
                    del self.faults[path]
        if fault.sleep:
            time.sleep(fault.sleep)
        return fault.answer


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        return  # a client gone mid-answer: a crawl killed on purpose, no error of ours


class MirrorServer:
    """Serve ``root`` on 127.0.0.1 in a background thread; records every request path.

    ``intercept`` (see the module's docstring) runs in the request's thread before the
    file is looked up; ``quiet`` drops the traceback ``http.server`` prints when a client
    goes away mid-answer (a crawl killed on purpose)."""

    def __init__(
        self,
        root: Path,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        intercept: Intercept | None = None,
        quiet: bool = False,
        night: int = 1,
    ) -> None:
        self.root = Path(root)
        self.intercept = intercept
        self.night = night
        self._configure()
        self._asked = 0
        self._pages_sent = 0
        self._pages_asked = 0
        self.requests: list[str] = []
        self.hosts: list[str] = []
        self.not_modified = 0
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                with server._lock:
                    server.requests.append(self.path)
                    server.hosts.append(self.headers.get("X-Forwarded-Host") or "")
                answer = server.intercept(self.path) if server.intercept is not None else None
                if isinstance(answer, int):
                    answer = Answer(answer)
                cut_here = answer is not None and answer.cut
                if answer is not None and not cut_here:
                    self._send(answer.status, "text/html", answer.body, answer.headers)
                    return
                with server._lock:
                    wait = server.throttled.pop(self.path, None)
                if wait is None and server.throttle_every and self.path != "/robots.txt":
                    with server._lock:
                        server._asked += 1
                        if server._asked % server.throttle_every == 0:
                            wait = server.retry_after
                if wait is not None:
                    busy = server.throttle_status
                    self._send(busy, "text/html", BUSY_PAGE, {"Retry-After": wait})
                    return
                asked = (self.headers.get("X-Forwarded-Host") or "").lower()
                folder = server.host_roots.get(asked)
                moved = (
                    None
                    if folder is not None
                    else _redirect(
                        server.origin,
                        self.headers.get("X-Forwarded-Proto"),
                        self.headers.get("X-Forwarded-Host"),
                        self.path,
                    )
                )
                if moved is not None:
                    self._send(server.origin_status, "text/html", b"", {"Location": moved})
                    return
                if self.path in server.moves:
                    self._send(301, "text/html", b"", {"Location": server.moves[self.path]})
                    return
                if self.path in server.found:
                    self._send(302, "text/html", b"", {"Location": server.found[self.path]})
                    return
                realm = next(
                    (r for p, r in server.basic_auth.items() if self.path.startswith(p)), None
                )
                if realm is not None:
                    challenge = {"WWW-Authenticate": f'Basic realm="{realm}", charset="UTF-8"'}
                    self._send(401, "text/html", BUSY_PAGE, challenge)
                    return
                wall = _consent_answer(server.consent, self.path, self.headers.get("Cookie") or "")
                if wall is not None:
                    self._send(302, "text/html", b"", wall)
                    return
                target = _redirector_target(server.redirectors, self.path)
                if target is not None:
                    self._send(302, "text/html", b"", {"Location": target})
                    return
                asked_path = self.path
                if server.path_sessions:
                    bare = _PATH_SESSION.sub("", asked_path)
                    page = urlsplit(bare).path
                    if bare == asked_path and (page == "/" or page.lower().endswith(".aspx")):
                        with server._lock:
                            fresh = _session_id(len(server.requests))
                        self._send(302, "text/html", b"", {"Location": f"/(S({fresh})){bare}"})
                        return
                    asked_path = bare
                if server.path_params:
                    parts = urlsplit(asked_path)
                    asked_path = _PATH_PARAMS.sub("", parts.path) + (
                        f"?{parts.query}" if parts.query else ""
                    )
                if server.cache_buster.get("parameter"):
                    asked_path = _without_param(asked_path, server.cache_buster["parameter"])
                if server.repeated_segments:
                    asked_path = _REPEATED.sub(r"/\1", asked_path)
                top = server.root / folder if folder else server.root
                if asked_path in server.gone:
                    self._send(server.gone[asked_path], "text/html", NOT_FOUND_PAGE)
                    return
                found = server.resolve_tonight(top, asked_path)
                fallback = server.fallbacks.get(urlsplit(asked_path).path)
                past_end = ""
                if found is None and fallback is not None:
                    found = resolve(top, "/" + fallback)
                    asked_number = re.search(r"=(\d+)", urlsplit(asked_path).query)
                    past_end = str(int(asked_number.group(1)) + 1) if asked_number else "2"
                day = _day_page(server.day_pages, urlsplit(asked_path).path)
                if found is None and day is not None:
                    found = resolve(top, "/" + server.day_pages["file"])
                    if found is not None:
                        filled = found.read_bytes()
                        filled = filled.replace(b"{{day}}", day[0].encode())
                        self._send(200, "text/html", filled.replace(b"{{prev}}", day[1].encode()))
                        return
                if found is None and server.soft_404:
                    found = resolve(top, "/" + server.soft_404)
                if (
                    found is not None
                    and folder is None
                    and any(
                        (server.root / other).resolve() in found.resolve().parents
                        for other in server.host_roots.values()
                    )
                ):
                    found = None  # another host's file: not this host's to serve
                if found is None:
                    self._send(404, "text/html", NOT_FOUND_PAGE)
                    return
                kind = server.content_types.get(found.suffix, "text/html")
                if server.empty_every and found.suffix == ".html":
                    with server._lock:
                        server._pages_asked += 1
                        empty = server._pages_asked % server.empty_every == 0
                    if empty:
                        self._send(200, kind, b"")
                        return
                body = found.read_bytes()
                if past_end:
                    body = body.replace(b"{{next}}", past_end.encode())
                if server.cache_buster:
                    with server._lock:
                        stamp = _stamp(server.cache_buster.get("value", ""), len(server.requests))
                    placeholder = server.cache_buster["placeholder"].encode()
                    body = body.replace(placeholder, stamp.encode())
                declared = server.extra_headers.get(self.path, {})
                etag = declared.get("ETag") or '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
                mtime = int(found.stat().st_mtime)
                if "Last-Modified" in declared:  # (a server's constant, answered by too)
                    mtime = int(
                        email.utils.parsedate_to_datetime(declared["Last-Modified"]).timestamp()
                    )
                validators = {
                    "ETag": etag,
                    "Last-Modified": email.utils.formatdate(mtime, usegmt=True),
                }
                if not_modified(
                    self.headers.get("If-None-Match"),
                    self.headers.get("If-Modified-Since"),
                    etag,
                    mtime,
                ):
                    with server._lock:
                        server.not_modified += 1
                    self._send(304, kind, b"", validators)
                    return
                if cut_here:
                    self._send_cut(kind, body)
                    return
                if server.cut_every and found.suffix == ".html":
                    with server._lock:
                        server._pages_sent += 1
                        cut = server._pages_sent % server.cut_every == 0
                    if cut:
                        self._send_cut(kind, body)
                        return
                if server.next_night_after and self.path == server.next_night_after:
                    # (the site changes while the crawl reads it: this answer, read
                    # already, is the night's; the next request's the next night's)
                    server.next_night()
                self._send(200, kind, body, {**validators, **declared})

            def _send_cut(self, kind: str, body: bytes) -> None:
                """A ``200`` declaring the whole body, half of it sent, the connection
                closed: what a client sees of a worker killed mid-answer."""
                self.send_response(200)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body[: len(body) // 2])
                self.wfile.flush()
                self.close_connection = True

            def _send(
                self, status: int, kind: str, body: bytes, extra: dict[str, str] | None = None
            ) -> None:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                for name, value in (extra or {}).items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

        self._httpd = (_QuietServer if quiet else ThreadingHTTPServer)((host, port), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    def _configure(self) -> None:
        """Read ``_mirror.json`` as the current night has it (its ``_nightN/_mirror.json``
        over the root's, key by key)."""
        settings = _settings(self.root)
        if self.night > 1:
            settings = {**settings, **_settings(self.root / f"_night{self.night}")}
        self.content_types = {**CONTENT_TYPES, **_declared(settings, "content_types")}
        self.origin = str(settings.get("origin", ""))
        self.origin_status = int(str(settings.get("origin_status", 301)))  # 302: for now
        self.extra_headers = _declared_headers(settings)
        self.redirectors = _declared(settings, "redirectors")  # path -> parameter naming where
        self.moves = _declared(settings, "moved")  # path -> where (301)
        self.found = _declared(settings, "found")  # path -> where (302)
        host_roots = _declared(settings, "host_roots")  # host -> folder
        self.host_roots = {host.lower(): folder for host, folder in host_roots.items()}
        self.fallbacks = _declared(settings, "fallbacks")  # path -> file for unknown queries
        self.throttled = _declared(settings, "throttled")  # path -> Retry-After (answered once)
        self.path_sessions = bool(settings.get("path_sessions", False))
        self.path_params = bool(settings.get("path_params", False))
        self.consent = _declared(settings, "consent")  # page, accept, cookie (a cookie wall)
        self.basic_auth = _declared(settings, "basic_auth")  # path prefix -> realm (401)
        self.cache_buster = _declared(settings, "cache_buster")  # parameter, placeholder
        self.empty_every = int(str(settings.get("empty_every", 0)))  # an empty 200 so often
        self.soft_404 = str(settings.get("soft_404", ""))  # file for every unknown address
        self.throttle_every = int(str(settings.get("throttle_every", 0)))  # a 429 so often
        self.retry_after = str(settings.get("retry_after", 1))  # its Retry-After
        self.throttle_status = int(str(settings.get("throttle_status", 429)))  # or 503
        self.day_pages = _declared(settings, "day_pages")  # prefix, file, first
        self.repeated_segments = bool(settings.get("repeated_segments", False))
        self.cut_every = int(str(settings.get("cut_every", 0)))  # a page cut short so often
        # the path whose answer the next night follows at once (a list changing mid-walk);
        # a night's own settings name it anew, so it fires once a night
        self.next_night_after = str(
            (_settings(self.root / f"_night{self.night}") if self.night > 1 else settings).get(
                "next_night_after", ""
            )
        )
        self.gone = {str(k): int(str(v)) for k, v in dict(settings.get("gone", {})).items()}  # type: ignore[call-overload]

    def resolve_tonight(self, top: Path, raw_path: str) -> Path | None:
        """``resolve`` as tonight's site has it: the latest night's file first, the
        root's after; never a night's folder asked for itself."""
        if urlsplit(raw_path).path.startswith("/_night"):
            return None
        for night in range(self.night, 1, -1):
            found = resolve(top / f"_night{night}", raw_path)
            if found is not None:
                return found
        return resolve(top, raw_path)

    def next_night(self) -> None:
        """The site as it is the next night: files of ``_night<N+1>/`` served over the
        root's, its ``_mirror.json`` over the root's, its ``gone`` paths answered so."""
        with self._lock:
            self.night += 1
            self._configure()

    @property
    def url(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> MirrorServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def __enter__(self) -> MirrorServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def main(argv: list[str] | None = None) -> int:
    """``python -m newsarchive.mirror DIR [--port N]``: serve a mirror until Ctrl-C."""
    import argparse
    import time

    parser = argparse.ArgumentParser(
        prog="python -m newsarchive.mirror", description="Serve an offline site mirror."
    )
    parser.add_argument("root", type=Path, help="mirror folder, e.g. tests/fixtures/sites/bta")
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0 = any)")
    args = parser.parse_args(argv)
    if not args.root.is_dir():
        parser.error(f"{args.root} is not a folder")
    try:
        server = MirrorServer(args.root, port=args.port).start()
    except OSError as exc:
        parser.error(f"cannot listen on port {args.port}: {exc.strerror}")
    print(f"serving {args.root} at {server.url} (Ctrl-C to stop)", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        server.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
