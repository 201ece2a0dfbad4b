"""What a robots.txt says, read for this crawler: which group it obeys, what that group
allows, how much of an overlong file counts, how old a kept copy may be.

Apart from the fetcher (``client.Fetcher``, which asks for robots.txt, follows its
redirects and keeps what each origin said for the run) because this is the reading of
one file's text, no request in it: pure functions over the text and the User-Agent,
tested on strings, and the one place the rules of RFC 9309 and Protego's quirks are
spelled out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import SplitResult

from protego import Protego

# How old a robots.txt read on an earlier run may be and still be obeyed while robots.txt
# is unreachable (``Fetcher.keep_robots``): RFC 9309 (2.4) lets a crawler use a cached
# copy past 24 hours only then, and Google does so for 30 days.
KEPT_ROBOTS_DAYS = 30


def own_robots(parts: SplitResult) -> bool:
    """Whether an address a robots.txt was redirected to is its host's own robots.txt.
    Not with a query: a hosting company's generator (``/robots.txt?site=a``) answers for
    the site it names, and that site's rules are neither its host's nor another site's
    sent to ``?site=b``."""
    return parts.path == "/robots.txt" and not parts.query


def product_token(user_agent: str) -> str:
    """The name robots.txt groups are matched against: the User-Agent's first product,
    lower-cased (``newsarchive`` of ``newsarchive/0.4 (+https://…; research archive)``),
    as RFC 9309 (2.2.1) asks, not the whole header with its comment's words."""
    return re.split(r"[/\s]", user_agent.strip(), maxsplit=1)[0].lower()


# The spellings of the User-agent field Protego reads (its words joined by one space).
_USER_AGENT_FIELDS = frozenset({"user-agent", "useragent", "user agent"})


def _user_agent_named(line: str) -> str:
    """The agent a robots.txt line names, lower-cased ("" for another line or none),
    read as leniently as Protego reads it and no more (a name Protego keeps no group
    under would have it asked with a name only a prefix group matches): the field
    before a colon (``User-agent : x``, ``Useragent:x``), or, with no colon or one not
    followed by a space, its first words (``User agent x``, ``User-agent x:y``); a
    ``#`` comment cut off first."""
    line = line.split("#", 1)[0].strip()
    field, colon, value = line.partition(":")
    if colon and field.strip().lower() in _USER_AGENT_FIELDS:
        return value.strip().lower()
    if colon and (not value or value[0].isspace()):
        return ""  # (another field to Protego: ``Foo: bar``, ``User  agent: x`` too)
    words = line.split()
    for count in (1, 2):
        if " ".join(words[:count]).lower() in _USER_AGENT_FIELDS:
            return " ".join(words[count:]).strip().lower()
    return ""


def robots_agents(text: str) -> frozenset[str]:
    """The agent names a robots.txt's ``User-agent`` lines give, whole and lower-cased
    (``User-agent: NewsArchive # us`` names ``newsarchive``). A name with a ``*`` in it
    also names itself without (``newsarchive*`` names ``newsarchive``), as Protego
    groups it: a name is here exactly when Protego keeps a group under it, so asking
    Protego with it selects that group."""
    names: set[str] = set()
    for line in text.splitlines():
        name = _user_agent_named(line)
        names.update(n for n in (name, name.replace("*", "")) if n)
    return frozenset(names)


def robots_agent(text: str, token: str) -> str:
    """The name Protego is asked with for a crawler whose product token is ``token``:
    the token when a ``User-agent`` line names it whole (RFC 9309 2.2.1:
    "case-insensitive matching to find the group that matches the product token"),
    else ``*``. Protego scores a group by the length of its name when the name it is
    asked with contains it at a word's start (``*``: 1), so asked with ``newsarchive``
    it takes a ``News`` group (4) over ``*`` when there is no ``newsarchive`` one, but
    asked with ``*`` it takes only the ``*`` group: no other name occurs in ``*``. With a
    ``newsarchive`` group, that one (11) outscores ``News`` (4) and ``*`` (1): no
    other name in the token is as long as it."""
    return token if token in robots_agents(text) else "*"


@dataclass(frozen=True)
class RobotsRules:
    """A robots.txt's rules for this crawler: Protego's reading of the file, asked with
    ``agent`` (``robots_agent``), so that only its ``*`` group and a group naming the
    product token whole apply. Protego asked with the token alone also takes a group
    whose name the token starts with or a word of the header's comment is:
    ``User-agent: News`` or ``User-agent: archive`` (a template's group against other
    agents, ``Disallow: /``) closed the whole site to ``newsarchive/… (…; research
    archive)``. Only Protego's published methods are used: the choice of group is made
    by the name asked, not by editing the groups it keeps. Read for one crawler, the
    fetcher's (``robots_rules``): nothing asks them for another."""

    parsed: Protego
    agent: str  # the name Protego is asked with: the product token or ``*``

    def can_fetch(self, url: str) -> bool:
        """Whether the group this crawler obeys lets it fetch ``url``."""
        return bool(self.parsed.can_fetch(url, self.agent))

    def crawl_delay(self) -> float | None:
        """The ``Crawl-delay`` of the group this crawler obeys, if it sets one."""
        return self.parsed.crawl_delay(self.agent)

    @property
    def sitemaps(self) -> Iterator[str]:
        """The file's ``Sitemap:`` lines (they belong to no group)."""
        return self.parsed.sitemaps


def robots_rules(text: str, user_agent: str) -> RobotsRules:
    """A robots.txt's rules for the crawler sending ``user_agent``: its ``*`` group and
    a group named by its product token, whole (``RobotsRules``)."""
    return RobotsRules(Protego.parse(text), robots_agent(text, product_token(user_agent)))


def robots_cut(content: bytes, limit: int) -> bytes:
    """A robots.txt past ``limit`` bytes read to its last whole line before it, the rest
    ignored, as RFC 9309 (2.5) lets a crawler and Google does. Refused whole, a site whose
    robots.txt lists every bad bot of the web (or a server answering /robots.txt with a
    big page) was disallowed for good, every night, one line after another."""
    if len(content) <= limit:
        return content
    cut = content[:limit]
    # (a line ends at CR, LF or both, RFC 9309 2.2: a file of CR-ended lines cut at
    # its last LF was cut to nothing, every rule gone)
    return cut[: max(cut.rfind(b"\n"), cut.rfind(b"\r")) + 1]
