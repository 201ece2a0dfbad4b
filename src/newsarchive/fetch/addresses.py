"""Which redirects the fetcher may follow: the site's hosts, and never an internal address.

A page on a site we do not control can answer with ``Location: http://169.254.169.254/``
(a cloud metadata service) or ``http://127.0.0.1:8080/admin``; following it would archive
a page from the machine running the crawl, or from its network, under the site's name.
So a redirect target must be

- on one of the site's hosts (the profile's, www twins included, and the domain the
  whole site moved to, ``add_hosts``) when the fetcher was given them: a crawl never
  wanders off the site through a redirect; and
- on a public address, unless the site itself is on a non-public one (the offline mirrors
  and the tests are on 127.0.0.1). The site is judged by the real URL the request started
  from, never by a ``--base-url`` mirror, and without DNS: its host counts as non-public
  only when it is an IP literal that is, or ``localhost``.

IP literals are judged as written (in every spelling ``ipaddress`` knows, IPv4-mapped IPv6
included). A host name is resolved here, only for a redirect target off the site's hosts,
and refused if any of its addresses is non-public; a name that does not resolve is let
through, so the connection fails as usual and the host is marked unreachable. The resolver
runs again when httpx connects: a DNS answer that changes in between (rebinding) is not
caught, which is the price of keeping httpx's own connection handling.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable
from urllib.parse import urlsplit

from newsarchive.hosts import site_host_variants

Resolve = Callable[[str], list[str]]
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_public(address: str) -> bool:
    """True for an address a public web site may live on (not private, loopback, link-local,
    multicast, reserved, unspecified or shared)."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def kind_of(address: str) -> str:
    """A word for why ``address`` is refused, for the one-line message."""
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for name in ("loopback", "link-local", "multicast", "unspecified", "private", "reserved"):
        if getattr(ip, f"is_{name.replace('-', '_')}"):
            return name
    return "non-public"


def resolve(host: str) -> list[str]:
    """Every address ``host`` resolves to; [] when it does not resolve."""
    try:
        infos = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError):
        return []
    return [str(info[4][0]) for info in infos]


def _literal(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


def host_key(scheme: str, host: str, port: int | None) -> str:
    """``host[:port]`` lower-cased, the default port left out: how site hosts are spelled."""
    host = host.lower()
    if ":" in host:  # an IPv6 literal
        host = f"[{host}]"
    return host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"


class RedirectPolicy:
    """``site_hosts`` (None: any host) and the address rule, as one question per redirect."""

    def __init__(self, site_hosts: Iterable[str] | None, *, resolve: Resolve = resolve) -> None:
        self._hosts = None if site_hosts is None else site_host_variants(site_hosts)
        self._resolve = resolve

    def add_hosts(self, hosts: Iterable[str]) -> None:
        """More hosts of the site (where it moved, ``Fetcher.accept_move``)."""
        if self._hosts is not None:
            self._hosts = self._hosts | site_host_variants(hosts)

    def refusal(self, start: str, target: str, *, any_host: bool = False) -> str | None:
        """Why the request that started at ``start`` may not follow a redirect to ``target``
        (a short phrase), or None when it may. ``target`` must already be a valid URL.
        ``any_host``: the site's hosts do not bound it, the address rule still does (a
        robots.txt, whose rules RFC 9309 says to follow to another host: what comes from
        there is rules, never a page archived under the site's name)."""
        begin, to = urlsplit(start), urlsplit(target)
        host = to.hostname or ""
        key = host_key(to.scheme, host, to.port)
        same_host = key == host_key(begin.scheme, begin.hostname or "", begin.port)
        off_site = self._hosts is not None and not same_host and key not in self._hosts
        if off_site and not any_host:
            return "off the site's hosts"
        if _site_is_internal(begin.hostname or ""):
            return None
        literal = _literal(host)
        if literal is not None:
            return None if is_public(literal) else f"to a {kind_of(literal)} address"
        if same_host or (self._hosts is not None and not off_site) or not host:
            return None  # the site's own hosts are not redirect-chosen: no lookup
        for address in self._resolve(host):
            if not is_public(address):
                return f"{host} resolves to a {kind_of(address)} address"
        return None


def _site_is_internal(host: str) -> bool:
    host = host.lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    literal = _literal(host)
    return literal is not None and not is_public(literal)
