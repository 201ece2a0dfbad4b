"""Where the author goes wrong on WCXB dev: every miss, the page's candidate bylines, a cause.

Why a tool of its own: the author's score is decided by which of a page's many sources
(JSON-LD, the author meta, byline elements, author links, a labelled field, a "By"/"От"
in the text) holds the reference, and by how the name is trimmed; whether a rule can help
is seen only in the listing of misses with their candidates, per half (even ids tune, odd
ids check), printed the same way each time instead of rebuilt by hand.

The comparison is the benchmark's own (``wcxb_bench``: case and whitespace folded). A
cause is the first that fits: a newsroom signature the rules leave out on purpose
("Staff", "News Desk"), a name holding a digit cut at it, none found (the name printed
in the page's text, or not printed at all), only punctuation or spacing differs, several
authors joined otherwise, one of several authors, a prefix or role kept before the name,
something run on after it (a date, a role, a place), part of the name, the site's or an
organisation's name taken, the reference is the site or an organisation, another
candidate holds the reference (a wrong person taken: an editor, a photographer, a quoted
author), the reference printed in the text but no rule proposes it, and the reference
not on the page at all.

Usage: python bench/author_misses.py [--data DIR] [--list] [--half even|odd] [--hashed]
"""

from __future__ import annotations

import re

import misses_by_cause
from misses_by_cause import Diagnosis
from newsarchive.extraction import extract
from newsarchive.extraction.authors import Sources, _candidates
from newsarchive.extraction.bylines import _NOT_NAMES
from newsarchive.extraction.furniture import NearTitle
from newsarchive.extraction.metadata import read_page
from newsarchive.extraction.titles import title_forms
from newsarchive.markup import page_tree
from wcxb_bench import FETCHED, Truth, same_author

SIGNATURE = "a newsroom signature left out on purpose (Staff, News Desk, Anonymous)"
DIGIT = "a name holding a digit, cut at it (Rapid7, 98 Buck Social)"
NONE_PRINTED = "none found, the name printed on the page"
NONE_ABSENT = "none found, the name not printed on the page"
SPACING = "punctuation or spacing only"
JOINED = "several authors joined otherwise"
SOME = "one of several authors (or more than the reference)"
PREFIX = "a prefix or role kept before the name"
RUN_ON = "a date, role or place run on after the name"
PART = "part of the name"
ORG_TAKEN = "the site's or an organisation's name taken"
ORG_TRUTH = "the reference is the site or an organisation"
OTHER = "another candidate holds the reference (wrong person taken)"
UNPROPOSED = "the reference printed on the page, no rule proposes it"
ABSENT = "the reference is not on the page"
CAUSES = (
    SIGNATURE, DIGIT, NONE_PRINTED, NONE_ABSENT, SPACING, JOINED, SOME, PREFIX, RUN_ON,
    PART, ORG_TAKEN, ORG_TRUTH, OTHER, UNPROPOSED, ABSENT,
)  # fmt: skip
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bи\b|\|)\s*", re.IGNORECASE)
_LOOSE = re.compile(r"[^\w]+")
# "By Jane Doe", "От Мария Петрова", "Автор: Иван Петров", "Written by …" anywhere in the
# text: what a reader sees, for the listing (the rules read it only near the headline).
_BYLINE_TEXT = re.compile(
    r"(?:\b(?:written|posted)\s+by|\bby|(?<!\w)(?:от|автор|автори|текст)\s*:?)\s*:?\s+"
    r"([^\n|•·]{2,60})",
    re.IGNORECASE,
)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _loose(text: str) -> str:
    return " ".join(_LOOSE.sub(" ", text.casefold()).split())


def _names(text: str) -> list[str]:
    return [_loose(part) for part in _SPLIT.split(text) if _loose(part)]


def candidates(html: str, url: str, title: str) -> tuple[list[tuple[str, str]], dict[str, str]]:
    """What each author rule proposes, in the order the picker reads them, and the raw
    texts a reader sees as bylines (meta, JSON-LD, rel=author, byline-like text)."""
    tree = page_tree(html)
    meta, h1s, _ = read_page(tree)
    near = NearTitle(tree, h1s, title_forms(title))
    proposed = list(_candidates(Sources(tree, near, meta, url)))
    raw: dict[str, str] = {}
    for name in ("jsonld_author", "jsonld_org_author", "meta_author", "labelled_author"):
        if value := getattr(meta, name):
            raw[name] = value
    raw["og_site_name"] = meta.og_site_name
    rel = [" ".join((a.text() or "").split()) for a in tree.css('a[rel="author"]')][:3]
    if any(rel):
        raw["rel=author"] = " | ".join(rel)
    if tree.body is not None:
        text = tree.body.text(separator="\n")
        found = [" ".join(m.group(0).split()) for m in _BYLINE_TEXT.finditer(text)]
        if found:
            raw["text"] = " | ".join(found[:4])
    return proposed, raw


def cause(
    ours: str, truth: str, proposed: list[tuple[str, str]], raw: dict[str, str], page: str
) -> str:
    o, t = _loose(ours), _loose(truth)
    printed = t in _loose(page)
    site = _loose(raw.get("og_site_name", ""))
    orgs = {_loose(raw.get("jsonld_org_author", "")), site} - {""}
    if _fold(truth) in _NOT_NAMES:
        return SIGNATURE
    if re.search(r"\d", truth) and (not o or t.startswith(o)):
        return DIGIT
    if not o:
        return NONE_PRINTED if printed else NONE_ABSENT
    if o == t:
        return SPACING
    ours_names, truth_names = _names(ours), _names(truth)
    if len(truth_names) > 1 and sorted(ours_names) == sorted(truth_names):
        return JOINED
    if set(ours_names) & set(truth_names) and (len(truth_names) > 1 or len(ours_names) > 1):
        return SOME
    if o.endswith(t):
        return PREFIX
    if o.startswith(t):
        return RUN_ON
    if t in o or o in t:
        return PART
    if o in orgs or any(o in org or org in o for org in orgs):
        return ORG_TAKEN
    if t in orgs:
        return ORG_TRUTH
    if any(_loose(name) == t for name, _ in proposed):
        return OTHER
    return UNPROPOSED if printed else ABSENT


def diagnose(page: str, truth: Truth) -> Diagnosis | None:
    """None when our author is the reference, else its cause and the page's candidates."""
    article = extract(page, truth.url, today=FETCHED)
    ours = article.author or ""
    if same_author(truth.author, ours):
        return None
    proposed, raw = candidates(page, truth.url, article.title)
    tree = page_tree(page)
    text = tree.body.text(separator=" ") if tree.body is not None else ""
    lines = [f"   truth  {truth.author!r}\n   ours   {ours!r} ({article.rules.get('author')})"]
    lines += [f"   rule   {name[:100]!r} ({rule})" for name, rule in proposed[:8]]
    lines += [f"   {source:<6} {value[:200]!r}" for source, value in raw.items()]
    return cause(ours, truth.author, proposed, raw, text), lines


def main(argv: list[str] | None = None) -> int:
    return misses_by_cause.main(
        argv, doc=__doc__ or "", field="author", causes=CAUSES,
        reference=lambda truth: truth.author, diagnose=diagnose,
    )  # fmt: skip


if __name__ == "__main__":
    raise SystemExit(main())
