"""``--base-url``: fetch a site's real URLs from a mirror that serves the same paths.

The mirror is only a transport. Requests keep the real site's URL (so ``response.url``,
redirects, robots.txt, politeness and every URL the crawler sees stay the site's own);
just before the bytes go out the host is swapped for the mirror's, and a redirect the
mirror answers with an absolute URL on itself is swapped back. Nothing outside
``fetch/`` needs to know that a mirror exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

import httpx

from newsarchive.discover.urls import web_url_problem
from newsarchive.hosts import ascii_host, site_host_variants


def base_url_problem(base_url: str) -> str:
    """Why ``base_url`` can be no mirror's address, or "": the one check of ``--base-url``
    for every command that takes it (``http://`` alone, or a port past 65535, reached the
    transport and was an internal error)."""
    if problem := web_url_problem(base_url):
        return f"--base-url {problem}: '{base_url}'"
    try:  # what httpx alone refuses ("😀.bg": no IDNA 2008 name), as it would at a fetch
        httpx.URL(base_url)
    except httpx.InvalidURL as exc:
        return f"--base-url is not a valid URL ({exc}): '{base_url}'"
    parts = urlsplit(base_url)
    if parts.query or parts.fragment:
        return f"--base-url takes no query or fragment: '{base_url}'"
    return ""


class MirrorTransport(httpx.BaseTransport):
    """Send requests for ``hosts`` to ``base_url`` (path prefix kept), others untouched."""

    def __init__(
        self, base_url: str, hosts: Iterable[str], inner: httpx.BaseTransport | None = None
    ) -> None:
        if problem := base_url_problem(base_url):
            raise ValueError(problem)
        base = urlsplit(base_url.rstrip("/"))
        self._scheme = base.scheme
        self._netloc = base.netloc
        self._prefix = base.path.rstrip("/")
        self._hosts = site_host_variants(hosts)
        self._inner = inner or httpx.HTTPTransport()

    def add_hosts(self, hosts: Iterable[str]) -> None:
        """More hosts the mirrored site answers on: where the site moved, which a mirror
        of the site serves too (``Fetcher.accept_move``)."""
        self._hosts = self._hosts | site_host_variants(hosts)

    def contacted(self, url: str) -> str:
        """The URL actually requested for the site URL ``url`` (for logs and errors)."""
        parts = urlsplit(url)
        if ascii_host(parts.hostname or "") not in self._hosts:
            return url
        path = self._prefix + (parts.path or "/")
        query = f"?{parts.query}" if parts.query else ""
        return f"{self._scheme}://{self._netloc}{path}{query}"

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        real = request.url
        if real.raw_host.decode("ascii").lower() not in self._hosts:
            return self._inner.handle_request(request)
        target = httpx.URL(self.contacted(str(real)))
        request.url = target
        request.headers["Host"] = target.netloc.decode("ascii")
        # what a reverse proxy tells the server behind it: the scheme and host asked for
        # (a mirror of a site that redirects http:// or www. to one origin needs them)
        request.headers["X-Forwarded-Proto"] = real.scheme
        request.headers["X-Forwarded-Host"] = real.netloc.decode("ascii")
        try:
            response = self._inner.handle_request(request)
        finally:
            request.url = real
        location = response.headers.get("location")
        if location:
            response.headers["location"] = self._unmirror(location, real)
        return response

    def _unmirror(self, location: str, real: httpx.URL) -> str:
        """A redirect to the mirror itself means the same path on the real site; one that
        is no URL ("http://[zz::1]/") is passed on as it came, for the fetcher to refuse
        (it was an internal error here)."""
        try:
            parts = urlsplit(location)
        except ValueError:
            return location
        if parts.netloc.lower() != self._netloc.lower():
            return location
        path = parts.path
        if self._prefix and path.startswith(self._prefix):
            path = path[len(self._prefix) :] or "/"
        query = f"?{parts.query}" if parts.query else ""
        return f"{real.scheme}://{real.netloc.decode('ascii')}{path}{query}"

    def close(self) -> None:
        self._inner.close()
