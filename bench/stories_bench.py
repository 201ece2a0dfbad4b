"""Stories benchmark: planted republished copies and near-misses, imported through the CLI.

    python bench/stories_bench.py [--articles 20000] [--keep DIR] [--speed FILE.jsonl]

1. Generates a deterministic corpus (4 sites, each with its own footer boilerplate on
   every article) in which some stories are republished by one to three other outlets
   with the edits real republishers make: a new title, an added lead or attribution, the
   last paragraph dropped, a "/БТА/" trailer, a word changed here and there. It also
   plants near-misses: instalments of a recurring event series written from one
   template, sharing a third of their sentences, which are different stories.
2. Imports it with ``newsarchive import-jsonl`` twice, with story detection on and off
   (off only here, by turning it off inside the same command), and reports articles/s.
3. Reports pair precision and recall of ``story`` (a pair = two articles given one story)
   against the planted truth, and how many near-miss pairs were wrongly joined.
   Targets: precision ≥ 0.95, recall ≥ 0.90, no near-miss pair joined.

``--speed FILE`` only times the two imports of FILE (the search bench's 200k corpus,
say: ``search_bench.py --keep DIR`` leaves it in DIR/corpus.jsonl), one after the other.

Exit status 1 when a target fails.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from search_bench import ADJECTIVES, NOUNS, PLACES, SMALL, SYLLABLES, VERBS, cli

SEED = 20261130
SITES = ("bta", "ruse-bg", "ruse24", "nsorb")
FOOTERS = {
    "bta": "Българската телеграфна агенция е национална информационна агенция на страната.",
    "ruse-bg": "Община Русе напомня, че приемното време на кмета е всеки вторник от десет часа.",
    "ruse24": "Следете Ruse24 във Фейсбук и Инстаграм за още новини от Русе и региона всеки ден.",
    "nsorb": "Националното сдружение на общините обединява всички общини в Република България.",
}
LEADS = (
    "Както съобщи пресцентърът на общината, новината беше потвърдена днес.",
    "Информацията беше разпространена от Българската телеграфна агенция.",
    "Ето какво съобщиха от местната администрация в официално съобщение.",
)
ORDINALS = "Първата Втората Третата Четвъртата Петата Шестата Седмата Осмата Деветата".split()
OFF = """
import sys
from pathlib import Path
from newsarchive.archive import store
from newsarchive.cli import main
store.Store.__init__.__kwdefaults__["stories"] = False
sys.argv = ["newsarchive", "import-jsonl", sys.argv[1], "--db", sys.argv[2]]
main()
"""


class Writer:
    """Sentences from the search bench's vocabulary plus a long tail of made-up names."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.nouns = [v.split() for v in NOUNS.values()]
        self.adjectives = [v.split() for v in ADJECTIVES.values()]
        tail = {"".join(rng.choices(SYLLABLES, k=rng.randint(2, 4))) for _ in range(20_000)}
        self.tail = sorted(tail)

    def sentence(self) -> str:
        r = self.rng
        words = [
            f"{r.choice(r.choice(self.adjectives))} {r.choice(r.choice(self.nouns))}".capitalize(),
            r.choice(VERBS),
            r.choice(self.tail),
            r.choice(SMALL),
            r.choice(r.choice(self.nouns)),
            r.choice(SMALL),
            r.choice(PLACES),
            r.choice(self.tail),
        ]
        if r.random() < 0.6:
            words += [r.choice(SMALL), r.choice(r.choice(self.nouns)), r.choice(self.tail)]
        return " ".join(words) + "."

    def paragraphs(self) -> list[list[str]]:
        return [
            [self.sentence() for _ in range(self.rng.randint(2, 4))]
            for _ in range(self.rng.randint(3, 6))
        ]

    def title(self) -> str:
        return f"{self.sentence()[:-1]}"


def republish(rng: random.Random, paragraphs: list[list[str]], writer: Writer) -> str:
    """A copy as another outlet would run it."""
    copy = [list(p) for p in paragraphs]
    if len(copy) >= 3 and rng.random() < 0.6:
        copy.pop()  # the last paragraph dropped
    for paragraph in copy:
        if rng.random() < 0.3:  # a word changed in one sentence
            i = rng.randrange(len(paragraph))
            words = paragraph[i].split()
            words[rng.randrange(len(words))] = rng.choice(writer.tail)
            paragraph[i] = " ".join(words)
    text = [" ".join(p) for p in copy]
    if rng.random() < 0.7:
        text.insert(0, rng.choice(LEADS) + " " + writer.sentence())  # an added lead
    if rng.random() < 0.5:
        text[-1] += " /БТА/"
    return "\n".join(text)


def generate(n: int, path: Path) -> tuple[dict[str, str], set[frozenset[str]]]:
    """Write about ``n`` articles; returns url → true story, and the near-miss pairs."""
    rng = random.Random(SEED)
    writer = Writer(rng)
    truth: dict[str, str] = {}
    near: set[frozenset[str]] = set()
    records = []
    serial = itertools.count(1)
    series_count = 0

    def add(site: str, story: str, title: str, text: str, day: int) -> str:
        i = next(serial)
        url = f"https://example.bg/{site}/{i}"
        truth[url] = story
        body = f"{text}\n{FOOTERS[site]}"
        month, mday = 1 + day // 28 % 12, 1 + day % 28
        records.append({"site": site, "url": url, "title": title, "text": body,
                        "published": f"{2020 + day // 336}-{month:02d}-{mday:02d}"})  # fmt: skip
        return url

    while len(records) < n:
        day = rng.randrange(336 * 5)
        roll = rng.random()
        if roll < 0.06:  # a recurring event series: 3-5 instalments from one template
            series_count += 1
            template = [writer.sentence() for _ in range(6)]
            urls = []
            for k in range(rng.randint(3, 5)):
                own = [writer.sentence() for _ in range(4)]
                lead = f"{ORDINALS[k]} национална среща на социалните експерти от {PLACES[k]}."
                shared = template[:2]  # a third of the sentences come from the template
                text = "\n".join([" ".join([lead, *shared[:1]]), " ".join(own[:2]),
                                  " ".join([shared[1], *own[2:]])])  # fmt: skip
                site = rng.choice(SITES)
                urls.append(add(site, f"series{series_count}-{k}", lead, text, day + 30 * k))
            near.update(frozenset(p) for p in itertools.combinations(urls, 2))
            continue
        story = f"story{len(records)}"
        paragraphs = writer.paragraphs()
        first = rng.choice(SITES)
        add(first, story, writer.title(), "\n".join(" ".join(p) for p in paragraphs), day)
        if roll < 0.36:  # republished by one to three other outlets
            others = rng.sample([s for s in SITES if s != first], rng.randint(1, 3))
            for site in others:
                text = republish(rng, paragraphs, writer)
                add(site, story, writer.title(), text, day + rng.randint(0, 2))
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return truth, near


def pairs(groups: dict[str, list[str]]) -> set[frozenset[str]]:
    return {frozenset(p) for g in groups.values() for p in itertools.combinations(g, 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the archives")
    parser.add_argument("--speed", type=Path, help="only time importing this JSONL file")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="stories-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    source, db, db_off = work / "corpus.jsonl", work / "stories.db", work / "no-stories.db"
    for path in (db, db_off):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    if args.speed:
        with args.speed.open(encoding="utf-8") as lines:
            count = sum(1 for _ in lines)
        ok = import_rates(args.speed, db, db_off, count)
        if not args.keep:
            shutil.rmtree(work)
        return 0 if ok else 1
    truth, near = generate(args.articles, source)
    n = len(truth)
    copies = sum(1 for g in pairs_by(truth).values() if len(g) > 1)
    print(f"corpus: {n:,} articles, {copies:,} stories carried by 2+ outlets,"
          f" {len(near):,} near-miss pairs (event series), footers on every article")  # fmt: skip

    if not import_rates(source, db, db_off, n):
        return 1

    done = subprocess.run([*cli(), "export", "--db", str(db)], capture_output=True, text=True,
                          check=True)  # fmt: skip
    found: dict[str, list[str]] = defaultdict(list)
    for line in done.stdout.splitlines():
        row = json.loads(line)
        found[str(row["story"])].append(row["url"])
    predicted, actual = pairs(found), pairs(pairs_by(truth))
    right = len(predicted & actual)
    precision = right / len(predicted) if predicted else 1.0
    recall = right / len(actual) if actual else 1.0
    joined = len(predicted & near)
    print(f"pairs: {len(actual):,} true, {len(predicted):,} found, {right:,} right")
    print(f"pair precision {precision:.3f} (target ≥ 0.95), recall {recall:.3f} (≥ 0.90)")
    print(f"near-miss pairs joined: {joined} of {len(near):,}")
    failures = []
    if precision < 0.95:
        failures.append("precision")
    if recall < 0.90:
        failures.append("recall")
    if joined:
        failures.append("near-misses")
    if failures:
        print("\nFAILED: " + "; ".join(failures))
        return 1
    if not args.keep:
        shutil.rmtree(work)
    return 0


def import_rates(source: Path, db: Path, db_off: Path, n: int) -> bool:
    """Time ``import-jsonl`` of ``source`` with story detection off, then on."""
    for label, args_ in (
        ("off", [sys.executable, "-c", OFF, str(source), str(db_off)]),
        ("on", [*cli(), "import-jsonl", str(source), "--db", str(db)]),
    ):
        started = time.perf_counter()
        done = subprocess.run(args_, capture_output=True, text=True, check=False)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            print(done.stderr)
            return False
        print(f"import, story detection {label}: {seconds:.1f}s = {n / seconds:,.0f} articles/s")
    return True


def pairs_by(truth: dict[str, str]) -> dict[str, list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for url, story in truth.items():
        groups[story].append(url)
    return groups


if __name__ == "__main__":
    sys.exit(main())
