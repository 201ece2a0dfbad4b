"""The frame ``title_misses.py`` and ``author_misses.py`` share: read WCXB dev, judge
each page holding a reference with the benchmark's own comparison, sort every miss by a
cause per half (even ids tune, odd ids check), print the score and the counts, and with
``--list`` each miss with what the field's tool says of it; ``--hashed`` reads the pages
with every class name hashed (``wcxb_bench.hashed_classes``), what a site whose build
hashes its CSS names, or an old one with none, leaves the rules. Each tool says only what is
its own: which field, how a miss is diagnosed, which causes there are."""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from wcxb_bench import SHARED, Truth, half, hashed_classes, load

# A miss's cause and the lines ``--list`` prints under it; None for a page got right.
Diagnosis = tuple[str, list[str]]


def main(
    argv: list[str] | None,
    *,
    doc: str,
    field: str,
    causes: Sequence[str],
    reference: Callable[[Truth], str],
    diagnose: Callable[[str, Truth], Diagnosis | None],
) -> int:
    """``field``'s misses on WCXB dev by cause (``diagnose``: a page's HTML and truth ->
    None when right); 0 also when the data is absent (said on one line)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--data", type=Path, default=SHARED, help="WCXB dev directory")
    parser.add_argument("--list", action="store_true", help="print each miss and candidates")
    parser.add_argument("--half", choices=("even", "odd"), help="list one half's misses only")
    parser.add_argument(
        "--hashed", action="store_true", help="every class name hashed (as wcxb_bench's pass)"
    )
    args = parser.parse_args(argv)
    root = args.data.resolve()
    if not (root / "ground-truth").is_dir():
        print(f"{field} misses skipped: data not found at {root}")
        return 0
    html, truth = load(root, 1)
    if args.hashed:
        html = {key: hashed_classes(page) for key, page in html.items()}
    found: Counter[tuple[str, str]] = Counter()
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for key in sorted(html):
        if not reference(truth[key]):
            continue
        which = half(key)
        total[which] += 1
        miss = diagnose(html[key], truth[key])
        if miss is None:
            right[which] += 1
            continue
        why, lines = miss
        found[why, which] += 1
        if args.list and args.half in (None, which):
            print(f"== {key} {truth[key].url}\n   cause  {why}")
            for line in lines:
                print(line)
    for which in ("even", "odd"):
        print(f"{field} exact {which}: {right[which]}/{total[which]}")
    print(f"{'even':>5} {'odd':>5}  cause")
    for why in causes:
        if found[why, "even"] or found[why, "odd"]:
            print(f"{found[why, 'even']:>5} {found[why, 'odd']:>5}  {why}")
    return 0
