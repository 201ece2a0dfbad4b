"""Benchmark the generic extractor against trafilatura on WCXB dev (article pages).

Why a second set: AEB is what the extractor was tuned on; WCXB dev is 711 pages from as
many sites and CMSs, with title, author and publish-date ground truth besides the body.
Body uses WCXB's own metric (per-page precision/recall/F1 of the bag of lower-cased
``\\w+`` tokens, then the mean over pages). Title is exact after folding whitespace,
author is exact after folding case and whitespace, the date is right to the day.

Pages are split by id parity: even ids are where rules may be tuned, odd ids are the
check; both halves are printed, and a rule that only helps one half is suspect.

The pages carry no fetch time. Every page is extracted with ``today`` = FETCHED, a day
after the newest publish date in the set, so relative dates resolve and the
never-after-fetch rule is exercised; a date later than FETCHED counts as "future".

Last, body F1 is measured again on the same pages with every class name replaced by a
hash of itself (``hashed_classes``): a site whose build hashes its CSS names, or an old
one with none, shows no vocabulary, and what is left is what the rules make of the
structure. The drop says how much of the score leans on class names; title, date and
author are scored the same way for each half, beside their scores as served.

Usage: python bench/wcxb_bench.py [--every N] [--worst N] [--no-trafilatura] [--htmldate]
       [--no-hashed]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "wcxb-dev"
FETCHED = dt.date(2026, 3, 13)
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Output:
    """What one tool returned for one page, reduced to the fields that are scored."""

    text: str
    title: str
    date: str  # YYYY-MM-DD or ""
    author: str


@dataclass(frozen=True)
class Truth:
    url: str
    text: str
    title: str
    date: str
    author: str


Tool = Callable[[str, str], Output]


def load(root: Path, every: int) -> tuple[dict[str, str], dict[str, Truth]]:
    """HTML and ground truth by page id (every N-th id only), all read before timing."""
    html: dict[str, str] = {}
    truth: dict[str, Truth] = {}
    for index, path in enumerate(sorted((root / "ground-truth").glob("*.json"))):
        if index % every:
            continue
        key = path.stem
        data = json.loads(path.read_text(encoding="utf-8"))
        gt = data["ground_truth"]
        raw = gzip.decompress((root / "html" / f"{key}.html.gz").read_bytes())
        html[key] = raw.decode("utf-8", errors="replace")
        date = gt.get("publish_date") or ""
        truth[key] = Truth(
            url=data.get("url", ""),
            text=gt.get("main_content") or "",
            title=gt.get("title") or "",
            date=date if re.fullmatch(r"\d{4}-\d\d-\d\d", date) else "",
            author=gt.get("author") or "",
        )
    return html, truth


def ours(html: str, url: str) -> Output:
    from newsarchive.extraction import extract

    article = extract(html, url, today=FETCHED)
    date = article.published.isoformat()[:10] if article.published else ""
    return Output(article.text, article.title, date, article.author or "")


def trafilatura_tool() -> Tool | None:
    try:
        import trafilatura
    except ImportError:
        return None
    print(
        f"trafilatura {trafilatura.__version__}: bare_extraction(html, url=url, "
        "with_metadata=True, include_comments=False, include_tables=True)"
    )

    def run(html: str, url: str) -> Output:
        doc = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=True
        )
        if doc is None:
            return Output("", "", "", "")
        return Output(doc.text or "", doc.title or "", (doc.date or "")[:10], doc.author or "")

    return run


def htmldate_tool() -> Tool | None:
    """htmldate alone (dates only), for the README's comparison."""
    try:
        from htmldate import find_date
    except ImportError:
        return None

    def run(html: str, url: str) -> Output:
        found = find_date(html, url=url, original_date=True, max_date=FETCHED.isoformat())
        return Output("", "", found or "", "")

    return run


_CLASS = re.compile(r"""(\sclass\s*=\s*)("[^"]*"|'[^']*'|[^\s>]+)""", re.IGNORECASE)


def _hashed(match: re.Match[str]) -> str:
    names = match.group(2).strip("\"'").split()
    hashes = ("c" + hashlib.md5(name.encode()).hexdigest()[:6] for name in names)
    return f'{match.group(1)}"{" ".join(hashes)}"'


def hashed_classes(html: str) -> str:
    """``html`` with each class name replaced by a hash of itself: the same structure, and
    names that still tie elements of one kind together, but say nothing. (Ids are kept:
    they carry mechanisms, such as React's streamed ``S:N`` roots, not only names.)"""
    return _CLASS.sub(_hashed, html)


def _bag(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def body_score(truth: str, predicted: str) -> tuple[float, float, float]:
    """WCXB's per-page precision, recall, F1 over lower-cased token bags."""
    t, p = _bag(truth), _bag(predicted)
    if not t and not p:
        return 1.0, 1.0, 1.0
    common = sum((t & p).values())
    precision = common / sum(p.values()) if p else 0.0
    recall = common / sum(t.values()) if t else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _fold(text: str) -> str:
    return " ".join(text.split())


def same_title(truth: str, ours: str) -> bool:
    """The benchmark's title comparison: exact, whitespace folded."""
    return _fold(truth) == _fold(ours)


def same_author(truth: str, ours: str) -> bool:
    """The benchmark's author comparison: whitespace and letter case folded."""
    return _fold(truth).lower() == _fold(ours).lower()


def half(key: str) -> str:
    """A page's half: "even" ids are where rules are tuned, "odd" where they are checked."""
    return "odd" if int(re.sub(r"\D", "", key) or 0) % 2 else "even"


@dataclass
class Tally:
    pages: int = 0
    p: float = 0.0
    r: float = 0.0
    f1: float = 0.0
    titled: int = 0
    title_ok: int = 0
    dated: int = 0
    date_ok: int = 0
    date_missing: int = 0
    date_wrong: int = 0
    future: int = 0
    authored: int = 0
    author_ok: int = 0

    def add(self, truth: Truth, out: Output) -> None:
        self.pages += 1
        p, r, f1 = body_score(truth.text, out.text)
        self.p, self.r, self.f1 = self.p + p, self.r + r, self.f1 + f1
        if truth.title:
            self.titled += 1
            self.title_ok += same_title(truth.title, out.title)
        if out.date and out.date > FETCHED.isoformat():
            self.future += 1
        if truth.date:
            self.dated += 1
            if out.date == truth.date:
                self.date_ok += 1
            elif not out.date:
                self.date_missing += 1
            else:
                self.date_wrong += 1
        if truth.author:
            self.authored += 1
            self.author_ok += same_author(truth.author, out.author)

    def row(self, name: str, speed: float) -> str:
        n = max(self.pages, 1)
        return (
            f"{name:<12} {self.p / n:>6.3f} {self.r / n:>6.3f} {self.f1 / n:>6.3f} "
            f"{self.title_ok / max(self.titled, 1):>6.3f} "
            f"{self.date_ok / max(self.dated, 1):>6.3f} {self.date_missing:>5} "
            f"{self.date_wrong:>5} {self.future:>4} "
            f"{self.author_ok / max(self.authored, 1):>7.3f} {speed:>8.1f}"
        )


HEADER = (
    f"{'tool':<12} {'P':>6} {'R':>6} {'F1':>6} {'title':>6} {'date':>6} {'miss':>5} "
    f"{'wrong':>5} {'fut':>4} {'author':>7} {'pages/s':>8}"
)


def run(
    tools: dict[str, Tool], html: dict[str, str], truth: dict[str, Truth]
) -> tuple[dict[str, dict[str, Output]], dict[str, float]]:
    """Every tool on every page, alternating order per page; pages/s from summed time."""
    outputs: dict[str, dict[str, Output]] = {name: {} for name in tools}
    spent = dict.fromkeys(tools, 0.0)
    names = list(tools)
    for index, (key, page) in enumerate(html.items()):
        for name in names if index % 2 == 0 else names[::-1]:
            start = time.perf_counter()
            outputs[name][key] = tools[name](page, truth[key].url)
            spent[name] += time.perf_counter() - start
    speed = {n: len(html) / spent[n] if spent[n] else float("inf") for n in names}
    return outputs, speed


def report(
    outputs: dict[str, dict[str, Output]], speed: dict[str, float], truth: dict[str, Truth]
) -> None:
    for label, keep in (
        ("all", lambda k: True),
        ("even ids (tuning half)", lambda k: half(k) == "even"),
        ("odd ids (check half)", lambda k: half(k) == "odd"),
    ):
        keys = [k for k in truth if keep(k)]
        print(f"\n{label}: {len(keys)} pages, {sum(1 for k in keys if truth[k].date)} dated")
        print(HEADER)
        for name, out in outputs.items():
            tally = Tally()
            for key in keys:
                tally.add(truth[key], out[key])
            print(tally.row(name, speed[name]))


def print_worst(count: int, truth: dict[str, Truth], out: dict[str, Output]) -> None:
    scored = sorted(truth, key=lambda k: body_score(truth[k].text, out[k].text)[2])
    print(f"\nworst {count} pages (ours, body F1):")
    for key in scored[:count]:
        p, r, f1 = body_score(truth[key].text, out[key].text)
        print(f"- {key} F1={f1:.3f} P={p:.3f} R={r:.3f} {truth[key].url}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every", type=int, default=1, help="only every N-th page (iterating)")
    parser.add_argument("--worst", type=int, default=0, help="list the N lowest-F1 pages")
    parser.add_argument("--no-trafilatura", action="store_true", help="our extractor only")
    parser.add_argument("--htmldate", action="store_true", help="also run htmldate (dates)")
    parser.add_argument("--data", type=Path, default=SHARED, help="WCXB dev directory")
    parser.add_argument("--no-hashed", action="store_true", help="skip the hashed-class pass")
    args = parser.parse_args(argv)

    root = args.data.resolve()
    if not (root / "ground-truth").is_dir():
        print(f"wcxb bench skipped: data not found at {root}")
        return 0
    html, truth = load(root, max(args.every, 1))
    print(f"newsarchive: extract(html, url, today={FETCHED}), generic rules (no site profile)")
    tools: dict[str, Tool] = {"newsarchive": ours}
    traf = None if args.no_trafilatura else trafilatura_tool()
    if traf is not None:
        tools["trafilatura"] = traf
    if args.htmldate and (hd := htmldate_tool()) is not None:
        tools["htmldate"] = hd
    outputs, speed = run(tools, html, truth)
    print("\nbody: WCXB metric (mean per-page token-bag P/R/F1); title exact; date to the day")
    print("(miss/wrong counted over dated pages; fut = dates after the fetch time, any page)")
    report(outputs, speed, truth)
    if "trafilatura" in speed:
        ratio = speed["newsarchive"] / speed["trafilatura"]
        print(f"\nspeed ratio newsarchive/trafilatura: {ratio:.2f}x")
    if args.worst:
        print_worst(args.worst, truth, outputs["newsarchive"])
    if not args.no_hashed:
        report_hashed(tools, html, truth, outputs)
    return 0


def report_hashed(
    tools: dict[str, Tool],
    html: dict[str, str],
    truth: dict[str, Truth],
    outputs: dict[str, dict[str, Output]],
) -> None:
    """Body F1, title, date and author on the pages with their class names hashed, beside
    the scores as served, for each half: a byline or a date box found by its class word
    alone is lost where a build hashes the names, and only this says how often."""
    body = {name: tool for name, tool in tools.items() if name != "htmldate"}
    hashed, _ = run(body, {key: hashed_classes(page) for key, page in html.items()}, truth)
    keys = list(truth)  # every page, as the table above scores them
    print("\nbody F1 with class names hashed (structure only), against the pages as served:")
    for name in body:
        served = sum(body_score(truth[k].text, outputs[name][k].text)[2] for k in keys)
        blind = sum(body_score(truth[k].text, hashed[name][k].text)[2] for k in keys)
        print(
            f"{name:<14} {blind / len(keys):.3f} (as served {served / len(keys):.3f}, "
            f"{(blind - served) / len(keys):+.3f})"
        )
    print("\ntitle, date and author with class names hashed (as served → hashed):")
    for label, want in (("even", "even"), ("odd", "odd")):
        part = [k for k in keys if half(k) == want]
        for name in body:
            cells = []
            for field in ("title", "date", "author"):
                served_ok, blind_ok, scored = _field_scores(
                    field, part, truth, outputs[name], hashed[name]
                )
                cells.append(
                    f"{field} {served_ok / max(scored, 1):.3f} → {blind_ok / max(scored, 1):.3f}"
                )
            print(f"{label:<5} {name:<14} " + ", ".join(cells))


def _field_scores(
    field: str,
    keys: list[str],
    truth: dict[str, Truth],
    served: dict[str, Output],
    blind: dict[str, Output],
) -> tuple[int, int, int]:
    """Right as served, right hashed, and pages scored, for one field (the bench's rules:
    title exact, date to the day, author case-folded), over the pages that state it."""
    same = {"title": same_title, "date": str.__eq__, "author": same_author}[field]
    scored = [k for k in keys if getattr(truth[k], field)]
    served_ok = sum(bool(same(getattr(truth[k], field), getattr(served[k], field))) for k in scored)
    blind_ok = sum(bool(same(getattr(truth[k], field), getattr(blind[k], field))) for k in scored)
    return served_ok, blind_ok, len(scored)


if __name__ == "__main__":
    raise SystemExit(main())
