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

Usage: python bench/title_misses.py [--data DIR] [--list]
"""

from __future__ import annotations

import argparse
import dataclasses
import re
from collections import Counter
from pathlib import Path

from newsarchive.extraction import extract
from newsarchive.extraction.metadata import read_page
from newsarchive.extraction.titles import clean_title, generic_title
from newsarchive.markup import page_tree
from newsarchive.models import Profile
from wcxb_bench import FETCHED, SHARED, load

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="WCXB dev directory")
    parser.add_argument("--list", action="store_true", help="print each miss and candidates")
    args = parser.parse_args(argv)
    root = args.data.resolve()
    if not (root / "ground-truth").is_dir():
        print(f"title misses skipped: data not found at {root}")
        return 0
    html, truth = load(root, 1)
    found: Counter[tuple[str, str]] = Counter()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for key in sorted(html):
        half = "odd" if int(re.sub(r"\D", "", key) or 0) % 2 else "even"
        expected = truth[key].title
        if not expected:
            continue
        total[half] += 1
        ours = extract(html[key], truth[key].url, today=FETCHED).title
        if _fold(ours) == _fold(expected):
            right[half] += 1
            continue
        h1, stated = candidates(html[key], truth[key].url)
        why = cause(ours, expected, h1, stated)
        found[why, half] += 1
        if args.list:
            print(f"== {key} {truth[key].url}\n   cause  {why}")
            print(f"   truth  {expected!r}\n   ours   {ours!r}")
            for text in h1[:4]:
                print(f"   h1     {text[:150]!r}")
            for text in stated:
                print(f"   stated {text[:150]!r}")
    for half in ("even", "odd"):
        print(f"title exact {half}: {right[half]}/{total[half]}")
    print(f"{'even':>5} {'odd':>5}  cause")
    for why in CAUSES:
        if found[why, "even"] or found[why, "odd"]:
            print(f"{found[why, 'even']:>5} {found[why, 'odd']:>5}  {why}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
