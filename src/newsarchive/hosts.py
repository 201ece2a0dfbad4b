"""One spelling of a host, so every stage compares hosts alike. Below every stage since
the lowest needs it too: a site profile names the hosts a typed address is matched
against (``profiles.loader``), as discovery and fetching match links and redirects."""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable

# A host httpx takes for an IPv4 address (and refuses, InvalidURL, when it is none)
_DOTTED = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}")
# What no host name holds, whatever its script (an IDN is typed in its letters): a space,
# a percent-escape, a character a URL reserves
_NO_HOST_CHARACTER = re.compile(r"[\s%/?#@\\<>\"'`{}|^\[\]]")


def ascii_host(netloc: str) -> str:
    """A host (with its port, if any) as DNS and HTTP spell it: lower case, and an
    internationalized name in its punycode form ("община-х.бг" is
    "xn----8sbb...xn--90ae"). A ``.бг`` site is linked both ways: its CMS writes the
    punycode, the address a reader pastes from a browser's bar the Cyrillic, the user's
    profile names either, and every response's URL is the punycode one; one spelling
    makes them one host. A name the codec refuses stays as it is, in lower case."""
    netloc = netloc.lower()
    if netloc.isascii():
        return netloc
    host, colon, port = netloc.rpartition(":")
    if not (colon and port.isdigit()):
        host, colon, port = netloc, "", ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return netloc
    return host + colon + port


def www_twins(one: str, other: str) -> bool:
    """The same host, or one the other with ``www.`` before it: one site's two spellings,
    which an article's identity (``url_key``), the shape of a list's items and the next
    page of an article all read as one."""
    return one.removeprefix("www.") == other.removeprefix("www.")


def host_variants(hosts: Iterable[str]) -> frozenset[str]:
    """Hosts with their www/bare twins, lower-cased: one site answers on both."""
    found: set[str] = set()
    for host in hosts:
        bare = ascii_host(host).removeprefix("www.")
        found.update({bare, f"www.{bare}"})
    return frozenset(found)


def site_host_variants(hosts: Iterable[str]) -> frozenset[str]:
    """``host_variants`` and each host's mobile copy, ``m.``: the hosts a site's pages
    may be served from. A municipality's ``www.`` sending phones (or every client) to
    ``m.x.bg``, a copy in markup of its own naming ``www.`` canonical, is the same site:
    a redirect there is followed and its links are the site's, where a host of another
    name under the domain (``en.``, ``novini.``) is one only when a profile or exploring
    says so. Not a twin for moves: ``m.`` may answer for one page, not every path."""
    found = set(host_variants(hosts))
    found.update({"m." + host.removeprefix("www.") for host in found})
    return frozenset(found)


def host_problem(host: str) -> str:
    """Why a URL's host (``urlsplit``'s hostname: no port) can name no server, or "".
    Each was found only when a request was made, and was an internal error there (exit
    70): a dotted number that is no IPv4 address ("256.1.1.1": httpx's InvalidURL) and an
    empty label or one over 63 characters ("a..bg": the resolver's UnicodeError, as the
    address typed, a profile's origin or a redirect's target). A name IDNA 2008 refuses
    ("😀.bg", which IDNA 2003 and a WARC's record may hold) is the fetcher's to refuse:
    such a page may be imported."""
    name = host.strip("[]").rstrip(".")
    if ":" in name:  # an IPv6 literal: ``urlsplit`` checked it
        return ""
    if odd := _NO_HOST_CHARACTER.search(name):  # ("a b.bg" was asked of the DNS as a%20b.bg)
        return f"the host '{host}' holds {odd.group()!r}, which no host name has"
    if _DOTTED.fullmatch(name):
        try:
            ipaddress.IPv4Address(name)
        except ValueError:
            return f"'{host}' is no IPv4 address"
        return ""
    if not name.isascii():  # (a label's length is its punycode's: the fetcher judges it)
        empty = ".." in name or name.startswith(".")
        return f"the host '{host}' has an empty label" if empty else ""
    try:
        name.encode("idna")
    except UnicodeError:
        return f"the host '{host}' has an empty label or one over 63 characters"
    return ""
