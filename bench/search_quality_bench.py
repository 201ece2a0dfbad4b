"""Search quality: an analyst's queries against a small Bulgarian archive with judged answers.

    python bench/search_quality_bench.py [--list] [--json FILE]

The archive is ``tests/fixtures/search_quality/articles.jsonl`` (45 articles written for
this check, four sites); ``queries.json`` beside it holds the queries an analyst would
type (word forms, names, numbers, phrases, OR, exclusions, prefixes, headline scope,
date bounds, one story in two outlets, words together or apart), each with the articles
that answer it and, for
some, the ones that should rank first. The queries marked ``held_out`` were written
after the fixes the others led to, and never tuned on: their numbers say whether those
fixes generalise. For each query: precision of the first 10 hits,
recall over every hit, and whether the first hit is one it should be. A hit of a
``--collapse`` query stands for its story: the copies listed under it count as found.

Relevance is judged by reading, not by what the search returns: a query the search
cannot answer by design (a word of another lemma) shows as lost recall, so the numbers
say what an analyst gets. ``tests/test_search_quality.py`` runs the same check.

Exit status 1 when a query's first hit is wrong or the means fall below the floors.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "search_quality"
AT = 10
# The floors the means must keep (this release's numbers, rounded down): a change that
# loses quality fails the check.
MIN_PRECISION, MIN_RECALL = 0.95, 0.95


@dataclass(frozen=True)
class Score:
    query: str
    precision: float  # of the first AT hits (1.0 when there are none and none are wanted)
    recall: float  # over every hit
    first_ok: bool | None  # None: the query names no first hit
    held_out: bool
    hits: tuple[str, ...]  # slugs, in rank order
    missed: tuple[str, ...]
    wrong: tuple[str, ...]  # hits in the first AT that are not relevant


def slug(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[1]


def build(db: Path) -> None:
    from newsarchive.api import import_jsonl

    with (DATA / "articles.jsonl").open(encoding="utf-8") as lines:
        import_jsonl(db, lines)


def run_query(db: Path, spec: dict[str, Any]) -> list[set[str]]:
    """The hits of one query, each as the set of slugs it stands for (itself, and under
    ``--collapse`` the copies of its story)."""
    from newsarchive.api import search
    from newsarchive.archive.store import Filters

    args = list(spec.get("args", ()))
    since = until = None
    collapse = "--collapse" in args
    if "--since" in args:
        since = dt.date.fromisoformat(args[args.index("--since") + 1])
    if "--until" in args:
        until = dt.date.fromisoformat(args[args.index("--until") + 1])
    hits = search(
        db, spec["query"], filters=Filters(since=since, until=until), limit=1000,
        collapse=collapse,
    )  # fmt: skip
    return [{slug(h["url"]), *(slug(c["url"]) for c in h.get("also", ()))} for h in hits]


def score(spec: dict[str, Any], hits: list[set[str]]) -> Score:
    relevant = set(spec["relevant"])
    top = hits[:AT]
    good = [h for h in top if h & relevant]
    found = set().union(*hits) & relevant if hits else set()
    precision = len(good) / len(top) if top else float(not relevant)
    first = spec.get("first")
    return Score(
        query=spec["query"] + "".join(f" {a}" for a in spec.get("args", ())),
        precision=precision,
        recall=len(found) / len(relevant) if relevant else 1.0,
        first_ok=None if not first else bool(hits and hits[0] & set(first)),
        held_out=bool(spec.get("held_out")),
        hits=tuple(min(h) for h in hits),
        missed=tuple(sorted(relevant - found)),
        wrong=tuple(sorted(min(h) for h in top if not h & relevant)),
    )


def evaluate(db: Path) -> list[Score]:
    """Build the archive at ``db`` (a path that does not exist yet) and score every query."""
    build(db)
    specs = json.loads((DATA / "queries.json").read_text(encoding="utf-8"))
    return [score(spec, run_query(db, spec)) for spec in specs]


def means(scores: list[Score]) -> tuple[float, float, int, int]:
    firsts = [s.first_ok for s in scores if s.first_ok is not None]
    return (
        sum(s.precision for s in scores) / len(scores),
        sum(s.recall for s in scores) / len(scores),
        sum(firsts),
        len(firsts),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--list", action="store_true", help="every query, with misses")
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scores = evaluate(Path(tmp) / "quality.db")
    print(f"\n{'query':<44} {'P@10':>5} {'recall':>6} first")
    for s in scores:
        first = "" if s.first_ok is None else ("ok" if s.first_ok else "WRONG")
        print(f"{s.query[:44]:<44} {s.precision:>5.2f} {s.recall:>6.2f} {first}")
        if args.list and (s.missed or s.wrong):
            print(
                f"    missed: {' '.join(s.missed) or '-'}; not relevant: {' '.join(s.wrong) or '-'}"
            )
    for label, chosen in (
        ("tuned on", [s for s in scores if not s.held_out]),
        ("held out", [s for s in scores if s.held_out]),
        ("all", scores),
    ):
        if chosen:
            p, r, f, n = means(chosen)
            print(f"{label:>9}: {len(chosen)} queries, mean P@{AT} {p:.3f}, mean recall {r:.3f},"
                  f" first hit right {f}/{n}")  # fmt: skip
    precision, recall, firsts, named = means(scores)
    if args.json:
        args.json.write_text(
            json.dumps([s.__dict__ for s in scores], ensure_ascii=False, indent=1), "utf-8"
        )
    failed = precision < MIN_PRECISION or recall < MIN_RECALL or firsts < named
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
