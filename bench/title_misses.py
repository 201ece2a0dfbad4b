"""Where the title goes wrong on WCXB dev: every miss, the page's candidate headlines, a cause.

Why a tool of its own: the title's exact score stalls on pages where the reference follows
one of the page's own candidates (og:title, ``<title>``, JSON-LD) and ours another, or
differs from the page in typography alone. Whether a rule can help is decided by which
candidate matches the reference, per half (even ids tune, odd ids check), so the listing
and the count by cause are printed the same way each time instead of rebuilt by hand.

Causes, the first that fits: typography only (quotes, dashes, ellipsis, full-width
marks), letter case only, an h1 we did not take, a stated title (og:title, ``<title>``,
JSON-LD or microdata headline, twitter:title; as stated or without the site's affixes),
one segment of a candidate (a subtitle or the site's name cut), longer than ours, and
worded as no candidate.

Usage: python bench/title_misses.py [--data DIR] [--list] [--half even|odd] [--hashed]
"""

from __future__ import annotations

import dataclasses
import re

import misses_by_cause
from misses_by_cause import Diagnosis
from newsarchive.extraction import extract
from newsarchive.extraction.metadata import read_page
from newsarchive.extraction.titles import clean_title, generic_title
from newsarchive.markup import page_tree
from newsarchive.models import Profile
from title_signals import slug, slug_share
from wcxb_bench import FETCHED, Truth, same_title

_GENERIC = Profile(id="generic", name="generic", origin="http://localhost")
_TYPOGRAPHY = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "—": "-", "–": "-"})
_SEGMENT = re.compile(r"\s+(?:-|–|—|\||::|·|•|«|»|:)\s+")
CAUSES = (
    "typography only (quotes, dashes, ellipsis, full-width marks)",
    "letter case only",
    "an h1 we did not take",
    "a stated title (og, <title>, JSON-LD, twitter) where we took the reworded h1",
    "one segment of a candidate (a subtitle or the site's name cut)",
    "longer than ours (keeps a site name or a subtitle)",
    "worded as no candidate",
)


def _fold(text: str) -> str:
    return " ".join(text.split())


def _typography(text: str) -> str:
    folded = _fold(text).translate(_TYPOGRAPHY).replace("…", "...").replace("？", "?")
    return folded.replace("--", "-")


def candidates(html: str, url: str) -> tuple[list[str], list[str]]:
    """The page's h1s, and its stated titles as stated and without the site's affixes
    (each read alone by the generic rules, the others blanked)."""
    tree = page_tree(html)
    meta, h1s, _ = read_page(tree)
    h1 = [clean_title(node.text(deep=True) or "") for node in h1s]
    fields = ("og_title", "jsonld_headline", "microdata_headline", "html_title")
    stated = [clean_title(getattr(meta, name)) for name in fields]
    for name in fields:
        if getattr(meta, name):
            alone = dataclasses.replace(meta, **{f: "" for f in fields if f != name})
            stated.append(generic_title(tree, alone, _GENERIC, url, h1s=[], generic=True)[0])
    twitter = tree.css_first('meta[name="twitter:title"]')
    stated.append(clean_title((twitter.attributes.get("content") or "") if twitter else ""))
    return [t for t in h1 if t], [t for t in dict.fromkeys(stated) if t]


def cause(ours: str, truth: str, h1: list[str], stated: list[str]) -> str:
    ours, truth = _fold(ours), _fold(truth)
    if _typography(ours) == _typography(truth):
        return CAUSES[0]
    if ours.casefold() == truth.casefold():
        return CAUSES[1]
    if truth in h1:
        return CAUSES[2]
    if _typography(truth) in {_typography(t) for t in stated}:
        return CAUSES[3]
    segments = {p for t in (*h1, *stated, ours) for p in _SEGMENT.split(t)}
    if truth in segments or ours.startswith(truth):
        return CAUSES[4]
    if ours and ours in truth:
        return CAUSES[5]
    return CAUSES[6]


def diagnose(page: str, truth: Truth) -> Diagnosis | None:
    """None when our title is the reference, else its cause and the page's candidates."""
    ours = extract(page, truth.url, today=FETCHED).title
    if same_title(truth.title, ours):
        return None
    h1, stated = candidates(page, truth.url)
    lines = [f"   truth  {truth.title!r}\n   ours   {ours!r}"]
    lines += [f"   h1     {text[:150]!r}" for text in h1[:4]]
    lines += [f"   stated {text[:150]!r}" for text in stated]
    if share := slug_share(truth.title, truth.url):  # what title_signals.py's "slug" reads
        shares = f"words: truth {share}, ours {slug_share(ours, truth.url)}"
        lines.append(f"   slug   {slug(truth.url)!r} {shares}")
    return cause(ours, truth.title, h1, stated), lines


def main(argv: list[str] | None = None) -> int:
    return misses_by_cause.main(
        argv, doc=__doc__ or "", field="title", causes=CAUSES,
        reference=lambda truth: truth.title, diagnose=diagnose,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
