"""Would a signal the page gives pick its stated title over the h1 we took? Per half of
WCXB dev, how many pages each signal fixes and how many it breaks.

Why a tool of its own: half the title misses are pages where the reference follows a
stated title (og:title, ``<title>``, JSON-LD) and we took a reworded h1, yet every blanket
switch loses, since on about three pages in four where the two differ the h1 is the
reference. A rule is worth writing only for a signal that tells those pages apart and
gains on both halves (even ids tune, odd ids check); this prints that count for each
signal tried, so the next one is measured the same way, not rebuilt by hand.

Only pages whose title came from an h1 (rule ``generic:h1``) and whose stated title, read
alone by the generic rules (og:title first, the site's affixes cut), words something
else are judged. A fix: the stated title is the reference; a break: the h1 was.

Signals (each says "take the stated title" or nothing):
  slug         the stated title shares more of the URL slug's words than the h1 (the slug:
               the last path segment of two words or more, transliterated, numbers and
               English stop words aside; a CMS makes it from the headline as first written)
  number       the stated title is the h1's words and a number ("8 Recent Trends", "in 2025")
  og=title     og:title and ``<title>`` agree, word for word, against the h1
  og=jsonld    og:title and the JSON-LD headline agree against the h1
  several-h1   the page has more than one h1
  h1-outside   the h1 is outside any <article> and <main>

Usage: python bench/title_signals.py [--data DIR] [--list SIGNAL]
"""

from __future__ import annotations

import argparse
import dataclasses
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extraction import extract
from newsarchive.extraction.metadata import Metadata, read_page
from newsarchive.extraction.titles import clean_title, generic_title
from newsarchive.markup import page_tree
from newsarchive.models import Profile
from newsarchive.transliteration import LATIN
from wcxb_bench import FETCHED, SHARED, half, load, same_title

_GENERIC = Profile(id="generic", name="generic", origin="http://localhost")
_STOP = frozenset(
    "a an the of to in on for and or with is are by at from how what why your you our we it"
    " its this that be as do does".split()
)
_TOKEN = re.compile(r"[^\W_]+")
_WORD = re.compile(r"\w+")
_EXTENSION = re.compile(r"\.(?:html?|php|aspx?)$")
_GLUE = frozenset({"in", "of", "for"})  # what joins a year to a headline ("… in 2025")
_STATED = ("og_title", "jsonld_headline", "microdata_headline", "html_title")


def slug_words(text: str) -> set[str]:
    """Lower-cased words in Latin letters, numbers and stop words aside: how a slug and a
    headline are compared ("obshtina-ruse" and "Община Русе" share both words)."""
    latin = unicodedata.normalize("NFKD", text.casefold().translate(LATIN))
    words = _TOKEN.findall(latin.encode("ascii", "ignore").decode())
    return {w for w in words if not w.isdigit() and w not in _STOP}


def slug(url: str) -> str:
    """The last path segment of two words or more ("" when none: a numeric id, a root)."""
    for segment in reversed([s for s in unquote(urlsplit(url).path).split("/") if s]):
        segment = _EXTENSION.sub("", segment)
        if len(slug_words(segment)) >= 2:
            return segment
    return ""


def slug_share(title: str, url: str) -> str:
    """How many of the slug's words the title has, as "3/4" ("" without a slug)."""
    words = slug_words(slug(url))
    return f"{len(slug_words(title) & words)}/{len(words)}" if words else ""


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


@dataclasses.dataclass(frozen=True)
class Case:
    """A page where we took an h1 and the page states another title."""

    key: str
    url: str
    truth: str
    h1: str  # our title
    stated: str  # the stated title read alone, og:title first
    alone: dict[str, str]  # each stated field read alone, by field name
    h1_count: int
    h1_inside: bool  # our h1 sits in an <article> or <main>


def _read(tree: LexborHTMLParser, meta: Metadata, url: str) -> str:
    """The stated title as the generic rules read it on a page without an h1."""
    return generic_title(tree, meta, _GENERIC, url, h1s=[], generic=True)[0]


def _alone(tree: LexborHTMLParser, meta: Metadata, url: str, name: str) -> str:
    """One stated field read alone, the others blanked."""
    blank: dict[str, Any] = {field: "" for field in _STATED if field != name}
    return _read(tree, dataclasses.replace(meta, **blank), url)


def _inside(nodes: list[LexborNode], title: str) -> bool:
    for node in nodes:
        if _words(clean_title(node.text(deep=True) or "")) == _words(title):
            parent = node.parent
            while parent is not None:
                if parent.tag in ("article", "main"):
                    return True
                parent = parent.parent
            return False
    return False


def case(key: str, html: str, url: str, truth: str) -> Case | None:
    """The page as a case, None when we took no h1 or the stated title says the same."""
    article = extract(html, url, today=FETCHED)
    if article.rules.get("title") != "generic:h1":
        return None
    tree = page_tree(html)
    meta, h1s, _ = read_page(tree)
    stated = _read(tree, meta, url)
    if not stated or _words(stated) == _words(article.title):
        return None
    alone = {name: _alone(tree, meta, url, name) for name in _STATED if getattr(meta, name)}
    inside = _inside(h1s, article.title)
    return Case(key, url, truth, article.title, stated, alone, len(h1s), inside)


def _by_slug(c: Case) -> bool:
    words = slug_words(slug(c.url))
    return bool(words) and len(slug_words(c.stated) & words) > len(slug_words(c.h1) & words)


def _adds_number(c: Case) -> bool:
    extra = _words(c.stated)
    for word in _words(c.h1):
        if word not in extra:
            return False
        extra.remove(word)
    return any(w.isdigit() for w in extra) and all(w.isdigit() or w in _GLUE for w in extra)


def _agree(first: str, second: str) -> Callable[[Case], bool]:
    def signal(c: Case) -> bool:
        one, two = c.alone.get(first, ""), c.alone.get(second, "")
        return bool(one) and _words(one) == _words(two) and _words(one) == _words(c.stated)

    return signal


SIGNALS: dict[str, Callable[[Case], bool]] = {
    "slug": _by_slug,
    "number": _adds_number,
    "og=title": _agree("og_title", "html_title"),
    "og=jsonld": _agree("og_title", "jsonld_headline"),
    "several-h1": lambda c: c.h1_count > 1,
    "h1-outside": lambda c: not c.h1_inside,
}


def _reference(c: Case) -> str:
    """Which candidate the reference is: "stated", "h1" or "neither"."""
    if same_title(c.truth, c.stated):
        return "stated"
    return "h1" if same_title(c.truth, c.h1) else "neither"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="WCXB dev directory")
    parser.add_argument("--list", choices=sorted(SIGNALS), help="print the pages it changes")
    args = parser.parse_args(argv)
    root = args.data.resolve()
    if not (root / "ground-truth").is_dir():
        print(f"title signals skipped: data not found at {root}")
        return 0
    html, truth = load(root, 1)
    cases = [
        c
        for key in sorted(html)
        if truth[key].title
        and (c := case(key, html[key], truth[key].url, truth[key].title)) is not None
    ]
    judged: Counter[tuple[str, str]] = Counter()
    for c in cases:
        judged[_reference(c), half(c.key)] += 1
    print(f"pages where we took an h1 and the page states another title: {len(cases)}")
    for which in ("stated", "h1", "neither"):
        even, odd = judged[which, "even"], judged[which, "odd"]
        print(f"  the reference is {which}: even {even}, odd {odd}")
    print(f"{'signal':<12} {'even fix/break':>15} {'odd fix/break':>15}")
    for name, signal in SIGNALS.items():
        counts: Counter[tuple[str, str]] = Counter()
        for c in filter(signal, cases):
            fixed, broke = same_title(c.truth, c.stated), same_title(c.truth, c.h1)
            counts["fix", half(c.key)] += fixed
            counts["break", half(c.key)] += broke
            if args.list == name:
                mark = "fix" if fixed else "break" if broke else "-"
                print(f"== {c.key} {mark} {c.url}\n   truth  {c.truth!r}")
                print(f"   h1     {c.h1!r} {slug_share(c.h1, c.url)}")
                print(f"   stated {c.stated!r} {slug_share(c.stated, c.url)}")
        tuned = f"{counts['fix', 'even']}/{counts['break', 'even']}"
        checked = f"{counts['fix', 'odd']}/{counts['break', 'odd']}"
        print(f"{name:<12} {tuned:>15} {checked:>15}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
