"""The addresses one site gives one article, learned in a run from the pages it read, so
that a further address of an article the run archived is not fetched again.

The identity rule (``urls.url_key``) leaves out of an address what every site of a kind
adds to it; a site may link one article more ways of its own: a module's link beside the
blog's (``?task=view&id=182`` beside ``?view=article&id=182``), a second category's path
(``/kultura/remont-12/`` beside ``/obshtestvo/remont-12/``). Its page tells after the
fetch (its canonical, or the store finding the same page: ``Store._same_content``), and
that pair of addresses shows what told the two apart: a few parameters (the shape) the
article's number shared by both; or a path segment, the slug ending both. A third
address of that form whose number or slug is an article's the run archived is that
article: no request.

Conservative by construction: a form is learned only from two addresses the run found
one article; an address matches it only whole (the same parameters, no other, the same
depth and slug); a form two of the run's articles share a family in (two addresses of it
found two articles) is dropped, and never learned again in the run; the article it leads
to was archived in this run. Nothing is kept between runs: what a site's links mean is
learned again from its pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# At most so many forms a run learns: a site links an article a few ways, not dozens
MAX_FAMILIES = 16
# A last path segment that names an article (its slug): words joined by "-" or "_", or
# a word with a number; not a number alone ("/sport/5/" may be another section's 5th),
# nor a page's word ("/novini/page/")
_SLUG = re.compile(r"(?=.*[^\W\d_])(?=.*[-_\d])[\w.%-]{5,}")
# a value that can number an article: it holds a digit
_NUMBERED = re.compile(r"\d")

Params = frozenset[tuple[str, str]]


def _split(key: str) -> tuple[str, str, Params | None]:
    """A URL key (``url_key``) as host, path and its query's parameters (None: no query,
    or a parameter named twice, which no shape can say)."""
    address, mark, query = key.partition("?")
    host, _, path = address.partition("/")
    if not mark:
        return host, "/" + path, None
    pairs = [part.partition("=")[::2] for part in query.split("&") if part]
    params = frozenset(pairs)
    if len({name for name, _ in pairs}) != len(pairs):
        return host, "/" + path, None
    return host, "/" + path, params


@dataclass(frozen=True)
class QueryFamily:
    """Addresses of one script (``host``, ``path``) whose parameters are one of two
    ``shapes`` (names with their values) and the ``identity`` parameters (names), the
    values of those naming the article."""

    host: str
    path: str
    shapes: tuple[Params, Params]
    identity: frozenset[str]

    def member(self, key: str) -> tuple[str, ...] | None:
        host, path, params = _split(key)
        if params is None or (host, path) != (self.host, self.path):
            return None
        names = {name for name, _ in params}
        for shape in self.shapes:
            if shape <= params and names == {name for name, _ in shape} | self.identity:
                return tuple(sorted(f"{n}={v}" for n, v in params if n in self.identity))
        return None


@dataclass(frozen=True)
class PathFamily:
    """Addresses of ``depth`` path segments on ``host`` (ending in "/" or not, as
    ``slash`` says) whose segments at ``varying`` (a category's word, never a number: a
    date's segments may tell two articles of one slug apart) say nothing of the article:
    the others, its slug last, name it."""

    host: str
    depth: int
    slash: bool
    varying: frozenset[int]

    def member(self, key: str) -> tuple[str, ...] | None:
        host, path, params = _split(key)
        if params is not None or "?" in key or host != self.host:
            return None
        segments = path.strip("/").split("/")
        if len(segments) != self.depth or path.endswith("/") != self.slash:
            return None
        if not _SLUG.fullmatch(segments[-1]) or any(segments[n].isdigit() for n in self.varying):
            return None
        return tuple(s for n, s in enumerate(segments) if n not in self.varying)


Family = QueryFamily | PathFamily


def family_of(one: str, other: str) -> Family | None:
    """The form two keys of one article teach (``QueryFamily``, ``PathFamily``), or None
    where they teach none: another host or script, no shared number, a slug that is
    none, or segments that differ in number."""
    host, path, params = _split(one)
    other_host, other_path, other_params = _split(other)
    if host != other_host or one == other:
        return None
    if params is not None and other_params is not None:
        if path != other_path:
            return None
        values, others = dict(params), dict(other_params)
        identity = frozenset(n for n, v in values.items() if others.get(n) == v)
        if not any(_NUMBERED.search(values[n]) for n in identity):
            return None
        shapes = (
            frozenset((n, v) for n, v in params if n not in identity),
            frozenset((n, v) for n, v in other_params if n not in identity),
        )
        return QueryFamily(host, path, shapes, identity)
    if "?" in one or "?" in other:
        return None
    segments, other_segments = path.strip("/").split("/"), other_path.strip("/").split("/")
    if len(segments) != len(other_segments) or len(segments) < 2:
        return None
    if path.endswith("/") != other_path.endswith("/"):
        return None
    if segments[-1] != other_segments[-1] or not _SLUG.fullmatch(segments[-1]):
        return None
    varying = frozenset(
        n for n, (a, b) in enumerate(zip(segments, other_segments, strict=True)) if a != b
    )
    if any(segments[n].isdigit() or other_segments[n].isdigit() for n in varying):
        return None  # (a date's or a number's segment: two such may be two articles)
    return PathFamily(host, len(segments), path.endswith("/"), varying)


@dataclass
class AddressFamilies:
    """One run's learned forms and the addresses it archived in them. ``read`` each
    article's addresses as it is archived; ``known`` says of an address about to be
    fetched which archived address leads to its article, if a learned form says so."""

    # every key the run archived: its article (the store's id) and the URL it was
    # found by (``Harvester.archived``'s)
    _articles: dict[str, tuple[int, str]] = field(default_factory=dict)
    _keys_of: dict[int, list[str]] = field(default_factory=dict)
    _families: list[Family] = field(default_factory=list)
    _refuted: set[Family] = field(default_factory=set)
    # (form, what names the article in it) -> (article, found by)
    _index: dict[tuple[Family, tuple[str, ...]], tuple[int, str]] = field(default_factory=dict)

    def read(self, article: int, keys: list[str], found_by: str) -> None:
        """``keys`` are addresses of the archived ``article``, found by ``found_by``:
        each a member of the forms learned, and with each other address of it the run
        archived, a form learned (unless a pair of the run's addresses refutes it)."""
        for key in dict.fromkeys(keys):
            if key in self._articles:
                continue
            for other in self._keys_of.get(article, []):
                if (family := family_of(key, other)) is not None:
                    self._learn(family)
            self._articles[key] = (article, found_by)
            self._keys_of.setdefault(article, []).append(key)
            for family in list(self._families):
                if family in self._families:  # (not refuted by this key's last)
                    self._index_key(family, key)

    def known(self, key: str) -> str | None:
        """The URL an article archived in this run is found by, when ``key`` is that
        article's address by a learned form; else None (fetch it)."""
        for family in tuple(self._families):
            member = family.member(key)
            if member is not None and (found := self._index.get((family, member))):
                return found[1]
        return None

    def _learn(self, family: Family) -> None:
        if family in self._families or family in self._refuted:
            return
        if len(self._families) >= MAX_FAMILIES:
            return
        self._families.append(family)
        for key in self._articles:
            if not self._index_key(family, key):
                return

    def _index_key(self, family: Family, key: str) -> bool:
        """``key`` indexed in ``family`` if a member; False where that refutes the form
        (another article of the run is that member), which is then dropped."""
        member = family.member(key)
        if member is None:
            return True
        article = self._articles[key]
        held = self._index.setdefault((family, member), article)
        if held[0] == article[0]:
            return True
        self._families.remove(family)
        self._refuted.add(family)
        for entry in [e for e in self._index if e[0] == family]:
            del self._index[entry]
        return False
