"""What a fetcher learns in a run of where a site's addresses went: a server moving every
path to another scheme or to its www twin (or back), an ASP.NET server's cookieless
session, a whole site gone to another domain (its robots.txt and home page sent to the
same path there), and a move found on an earlier run, accepted for this one.

Apart from the fetcher (``client.Fetcher``, which tells it each redirect and asks it
where to send each request) because this is state of its own with rules of its own:
which redirect teaches a move and which is one page's, kept for the run, read and
written only here. The fetcher's requests are no part of it: where a rule needs the
home page asked for, the fetcher hands it the asking (``site_move``'s ``ask_home``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

from newsarchive.discover.urls import in_path_state, path_state_given, without_userinfo
from newsarchive.hosts import host_variants


class SiteMoves:
    """One fetcher's moves, learnt in its run (``learn_move``, ``learn_session``,
    ``note_offsite``) or accepted (``accept``), and where they send an address
    (``moved``, ``in_session``, ``site_move``). Thread-safe: the fetcher's pool shares it."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        # (scheme, netloc) -> (scheme, netloc): a server that moved every path there
        self._moves: dict[tuple[str, str], tuple[str, str]] = {}
        # (scheme, netloc) -> (where in the path, segment): the cookieless session an
        # ASP.NET server handed this run (``in_session``)
        self._sessions: dict[tuple[str, str], tuple[str, str]] = {}
        # (scheme, netloc, path) -> (scheme, netloc): a permanent redirect of that path to
        # the same path on another domain, refused; ``site_move`` weighs them
        self._offsite: dict[tuple[str, str, str], tuple[str, str]] = {}

    def learn_move(self, current: str, following: str, status: int) -> None:
        """A permanent redirect to the same path and query on another scheme, or between
        the www and the bare host (``http://www.x.bg/a`` to ``https://x.bg/a``), is the
        server moving every path: the site's pages still link the old spelling, and
        asking there first would cost each page two requests. A move to another
        subdomain (``m.``, ``en.``) may be one page's, so it teaches nothing."""
        if status not in (301, 308):
            return
        old, new = urlsplit(current), urlsplit(following)
        if (old.path, old.query) != (new.path, new.query):
            return
        if (new.hostname or "") not in host_variants([old.hostname or ""]):
            return
        if (old.scheme, old.netloc.lower()) != (new.scheme, new.netloc.lower()):
            with self._lock:
                self._moves[(old.scheme, old.netloc.lower())] = (new.scheme, new.netloc)

    def learn_session(self, current: str, following: str) -> None:
        """A redirect handing a cookieless ASP.NET session (``/(S(<id>))/`` in the path,
        ``urls.path_state_given``): kept for the host, so its later pages are asked for
        under it at once (``in_session``) instead of each paying the redirect to a
        session of its own, two requests a page. The server serves a page under any
        session it knows; one it has forgotten redirects again, and that one is kept."""
        given = path_state_given(current, following)
        if given is not None:
            parts = urlsplit(current)
            with self._lock:
                self._sessions[(parts.scheme, parts.netloc.lower())] = given

    def in_session(self, url: str) -> str:
        """``url`` under the session its host handed this run (``learn_session``), if any."""
        if not self._sessions:
            return url
        parts = urlsplit(url)
        given = self._sessions.get((parts.scheme, parts.netloc.lower()))
        return url if given is None else in_path_state(url, *given)

    def note_offsite(self, current: str, location: str, status: int) -> None:
        """Remember a permanent redirect to the same path and query on another domain
        (whether or not it may be followed): one such answer is one page's, but the home
        page's and robots.txt's together are the whole site's move (``site_move``)."""
        if status not in (301, 308):
            return
        try:
            # (a login in the target is no part of where the site went:
            # ``client.Fetcher._follow``)
            old, new = urlsplit(current), urlsplit(without_userinfo(urljoin(current, location)))
        except ValueError:
            return
        if (old.path or "/", old.query) != (new.path or "/", new.query):
            return
        if new.scheme not in ("http", "https") or not new.hostname:
            return
        if (new.hostname or "").lower() in host_variants([old.hostname or ""]):
            return  # (a www or scheme move: ``learn_move``'s)
        with self._lock:
            key = (old.scheme, old.netloc.lower(), old.path or "/")
            self._offsite[key] = (new.scheme, new.netloc.lower())

    def site_move(self, origin: str, ask_home: Callable[[str], object]) -> str | None:
        """The origin the site at ``origin`` moved to as a whole, or None: its robots.txt
        and its home page both answered a permanent redirect to the same path on one
        other domain (one host's ``Redirect permanent / https://new.bg/``). A single
        page sent off the site (an article to a news portal) is never one: its redirect
        stays refused. Asks for the home page (``ask_home``, which notes where it
        redirects) only when robots.txt said so already, so a site that did not move pays
        nothing; call it after robots.txt was read."""
        parts = urlsplit(origin)
        start = (parts.scheme, parts.netloc.lower())
        robots = self._offsite.get((*start, "/robots.txt"))
        if robots is None:
            return None
        if (*start, "/") not in self._offsite:
            ask_home(f"{parts.scheme}://{parts.netloc}/")
        if self._offsite.get((*start, "/")) != robots:
            return None
        return f"{robots[0]}://{robots[1]}"

    def robots_sent_away(self, origin: str) -> bool:
        """Whether the robots.txt of ``origin`` answered a permanent redirect to another
        domain (``note_offsite``)."""
        parts = urlsplit(origin)
        return (parts.scheme, parts.netloc.lower(), "/robots.txt") in self._offsite

    def accept(self, origin: str, moved_to: str) -> None:
        """Every address on ``origin`` (its other spellings too) asked for at ``moved_to``
        from now on (``client.Fetcher.accept_move``)."""
        old, new = urlsplit(origin), urlsplit(moved_to)
        where = (new.scheme, new.netloc.lower())
        with self._lock:
            self._moves[(old.scheme, old.netloc.lower())] = where
            for scheme in ("http", "https"):  # the old domain's other spellings too
                for netloc in host_variants([old.netloc]):
                    self._moves.setdefault((scheme, netloc), where)

    def moved(self, url: str) -> str:
        """``url`` where the server said it moved every path (a few hops at most)."""
        if not self._moves:
            return url
        parts = urlsplit(url)
        for _ in range(3):
            where = self._moves.get((parts.scheme, parts.netloc.lower()))
            if where is None:
                break
            parts = parts._replace(scheme=where[0], netloc=where[1])
        return parts.geturl()
