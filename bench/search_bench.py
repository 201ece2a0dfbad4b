"""Search benchmark: a deterministic Bulgarian corpus, imported and searched through the CLI.

    python bench/search_bench.py [--articles 200000] [--repeat 3] [--keep DIR] [--import-only]

1. Generates ``--articles`` news articles (4 sites, 10 years, inflected word forms) from
   a fixed seed, with planted articles that contain exactly one inflected form of a word
   that appears nowhere else ("читалище": only "читалищата", only "читалища", ...).
2. Imports them with ``newsarchive import-jsonl`` (timed: articles/s; target ≥ 2,000).
3. Runs 30 varied queries through the CLI (a new process each, ``--format json``) and the
   same queries as raw FTS5 SQL in-process; target: CLI median ≤ 3 × raw median + 150 ms.
4. Checks word forms at scale: "читалище" finds every planted article, and the count of
   "община" equals the number of generated articles containing any of its forms.
5. Reports the archive size against the raw text size, and cold start-up of
   ``newsarchive --help`` and of a one-hit search.

Exit status 1 when a target or a check fails, so ``make bench`` shows it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SEED = 20240531
SITES = ("bta", "ruse-bg", "ruse24", "nsorb")
YEARS = range(2015, 2025)

# lemma → inflected forms (all map back to the lemma with simplemma's Bulgarian model)
NOUNS = {
    "община": "община общината общини общините",
    "улица": "улица улицата улици улиците",
    "град": "град градът града градове градовете",
    "кмет": "кмет кметът кмета кметове кметовете",
    "съвет": "съвет съветът съвета съвети съветите",
    "решение": "решение решението решения решенията",
    "проект": "проект проектът проекта проекти проектите",
    "ремонт": "ремонт ремонтът ремонта ремонти ремонтите",
    "училище": "училище училището училища училищата",
    "болница": "болница болницата болници болниците",
    "път": "път пътят пътя пътища пътищата",
    "дете": "дете детето деца децата",
    "служба": "служба службата служби службите",
    "река": "река реката реки реките",
    "мост": "мост мостът моста мостове мостовете",
    "парк": "парк паркът парка паркове парковете",
    "закон": "закон законът закона закони законите",
    "министър": "министър министърът министъра министри министрите",
    "година": "година годината години годините",
    "инвестиция": "инвестиция инвестицията инвестиции инвестициите",
    "площад": "площад площадът площада площади площадите",
    "автобус": "автобус автобусът автобуса автобуси автобусите",
    "учител": "учител учителят учителя учители учителите",
    "празник": "празник празникът празника празници празниците",
    "фестивал": "фестивал фестивалът фестивала фестивали фестивалите",
    "бюджет": "бюджет бюджетът бюджета бюджети бюджетите",
}
ADJECTIVES = {
    "социален": "социален социална социалната социални социалните социалния",
    "общински": "общински общинска общинската общинските общинския",
    "нов": "нов нова новата нови новите новия",
    "голям": "голям голяма голямата големи големите",
    "местен": "местен местна местната местни местните",
    "обществен": "обществен обществена обществената обществени обществените",
}
VERBS = (
    "обяви обявиха започна започнаха одобри одобриха представи представиха реши решиха "
    "откри откриха подготвя подготвят обсъди обсъдиха финансира планира предложи предложиха"
).split()
SMALL = "в на за с от по до към при след пред като че и но също още вече".split()
PLACES = "Русе Варна Пловдив София Бургас Дунав Силистра Габрово Плевен Враца".split()
# A long tail of rarer words (names, terms), picked log-uniformly: most are rare, as in
# real news, so the index holds tens of thousands of terms, not only the words above.
SYLLABLES = "ра ко ми ден сто ла ва не бо ри ще ан ов ев ски ка те лю жи за ги му".split()
TAIL_SIZE = 30_000
PLANTED = "читалище"
PLANTED_FORMS = ("читалището", "читалища", "читалищата", "читалище")
UNIQUE = "зорбалинка"  # one article only: the one-hit search of the start-up timing

QUERIES = [
    "община",
    "общините",
    "улица",
    "ремонт улица",
    "кмет бюджет",
    '"общинския съвет"',
    '"ремонт на улиците"',
    "социал*",
    "инвест*",
    "училище OR болница",
    "мост -река",
    "парк site:bta",
    "фестивал since:2023-01-01",
    "министър until:2016-12-31",
    "площад site:ruse24 since:2020-01-01 until:2021-12-31",
    "дете училище учител",
    '"общината"',
    "автобус OR път OR мост",
    "закон -министър -бюджет",
    "празник Русе",
    "Пловдив фестивал",
    "голям проект",
    "местни служби",
    "читалище",
    "Габрово",
    "обществен* транспорт",
    "решение съвет община",
    "година бюджет инвестиция",
    "нова болница Варна",
    "река Дунав мост",
]

# A query of filters alone lists what they choose, newest first (schema v8's indexes);
# printed, with no target: it has no FTS5 query to compare against.
FILTERS_ALONE = ["site:bta", "site:ruse24 since:2020-01-01 until:2021-12-31", "since:2023-01-01"]


def forms(table: dict[str, str]) -> list[list[str]]:
    return [v.split() for v in table.values()]


def generate(n: int, path: Path) -> dict[str, object]:
    """Write ``n`` articles as JSON Lines; returns what the checks need to know."""
    rng = random.Random(SEED)
    nouns, adjectives = forms(NOUNS), forms(ADJECTIVES)
    tail_rng, tail_set = random.Random(SEED + 1), set()
    while len(tail_set) < TAIL_SIZE:
        tail_set.add("".join(tail_rng.choices(SYLLABLES, k=tail_rng.randint(2, 4))))
    tail = sorted(tail_set)
    tail_rng.shuffle(tail)
    community = set(NOUNS["община"].split())
    planted_every = max(1, n // max(5, n // 1000))
    planted: list[int] = []
    with_community = 0
    raw_bytes = 0
    start = dt.date(YEARS[0], 1, 1)
    span = (dt.date(YEARS[-1], 12, 31) - start).days
    with path.open("w", encoding="utf-8") as out:
        for i in range(1, n + 1):

            def phrase() -> str:
                adj = rng.choice(rng.choice(adjectives))
                return f"{adj} {rng.choice(rng.choice(nouns))}"

            def sentence() -> str:
                words = [
                    phrase().capitalize(),
                    rng.choice(VERBS),
                    rng.choice(SMALL),
                    rng.choice(rng.choice(nouns)),
                    rng.choice(SMALL),
                    rng.choice(PLACES),
                ]
                if rng.random() < 0.5:
                    words += [rng.choice(SMALL), phrase()]
                words.insert(3, tail[int(TAIL_SIZE ** rng.random()) - 1])
                return " ".join(words) + "."

            paragraphs = [
                " ".join(sentence() for _ in range(rng.randint(2, 5)))
                for _ in range(rng.randint(2, 5))
            ]
            if i % planted_every == 0:
                form = PLANTED_FORMS[len(planted) % len(PLANTED_FORMS)]
                paragraphs.insert(1, f"Старото {form} в {rng.choice(PLACES)} отвори врати.")
                planted.append(i)
            if i == 1:
                paragraphs.append(f"Само тук: {UNIQUE}.")
            title = " ".join([phrase().capitalize(), rng.choice(VERBS), rng.choice(PLACES)])
            text = "\n".join(paragraphs)
            lowered = f"{title} {text}".lower().replace(".", " ").split()
            if community & set(lowered):
                with_community += 1
            raw_bytes += len(title.encode()) + len(text.encode())
            day = start + dt.timedelta(days=rng.randint(0, span))
            record = {
                "site": SITES[i % len(SITES)],
                "url": f"https://example.bg/{SITES[i % len(SITES)]}/{i}",
                "title": title,
                "published": f"{day.isoformat()}T{rng.randint(6, 22):02d}:00:00+02:00",
                "text": text,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return {"planted": planted, "with_community": with_community, "raw_bytes": raw_bytes}


def cli() -> list[str]:
    script = Path(sys.executable).with_name("newsarchive")
    return [str(script)] if script.exists() else [sys.executable, "-m", "newsarchive"]


def timed(args: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    return time.perf_counter() - started, done


def cli_search(query: str, db: Path, repeat: int, failures: list[str]) -> tuple[list[float], int]:
    """The wall times of ``repeat`` CLI searches and their number of hits; a failing
    search is added to ``failures`` and ends the runs."""
    runs: list[float] = []
    hits = 0
    for _ in range(repeat):
        spent, done = timed([*cli(), "search", query, "--format", "json", "--db", str(db)])
        if done.returncode != 0:
            failures.append(f"query {query!r}: {done.stderr.strip()}")
            break
        runs.append(spent)
        hits = len(json.loads(done.stdout))
    return runs, hits


def raw_sql(conn: sqlite3.Connection, query: str) -> float:
    """The same query as raw FTS5 SQL: translated expression, bm25 ranking, filters, top 20."""
    from newsarchive.archive.query import parse_query
    from newsarchive.archive.search import WEIGHTS, match_expression, merged_filters
    from newsarchive.archive.store import Filters

    parsed = parse_query(query)
    expression = match_expression(conn, parsed)
    where, params = merged_filters(parsed, Filters()).sql("a")
    weights = ", ".join(str(w) for w in WEIGHTS)
    sql = (
        f"SELECT a.id, bm25(articles_fts, {weights}) AS s FROM articles_fts"
        " CROSS JOIN articles a ON a.id = articles_fts.rowid"
        f" WHERE articles_fts MATCH ? AND {where} ORDER BY s LIMIT 20"
    )
    started = time.perf_counter()
    conn.execute(sql, [expression, *params]).fetchall()
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per query (median taken)")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep the archive")
    parser.add_argument(
        "--import-only",
        action="store_true",
        help="stop after the import's timing (steps 1-2): A/B runs of the import alone",
    )
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="search-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    source, db = work / "corpus.jsonl", work / "newsarchive.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    env = {**os.environ, "NEWSARCHIVE_DB": str(db)}
    os.environ.update(env)
    failures: list[str] = []

    started = time.perf_counter()
    facts = generate(args.articles, source)
    print(f"corpus: {args.articles:,} articles generated in {time.perf_counter() - started:.1f}s")

    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds, done = timed([*cli(), "import-jsonl", str(source), "--db", str(db)])
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        print(done.stderr)
        return 1
    rate = args.articles / seconds
    print(f"import: {seconds:.1f}s = {rate:,.0f} articles/s (target ≥ 2,000)")
    # The wall-clock rate is the target; the CPU rate says how much of a miss is the
    # import's own work and how much waiting for a core on a shared machine (±6% here).
    cpu = sum(getattr(cpu_after, f) - getattr(cpu_before, f) for f in ("ru_utime", "ru_stime"))
    print(f"import CPU: {cpu:.1f}s = {args.articles / cpu:,.0f} articles per CPU second")
    if rate < 2000:
        failures.append("import rate")
    if args.import_only:
        if not args.keep:
            shutil.rmtree(work)
        return 1 if failures else 0

    conn = sqlite3.connect(db)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db_bytes = db.stat().st_size
    raw_bytes = int(str(facts["raw_bytes"]))
    print(
        f"size: archive {db_bytes / 1e6:,.1f} MB, raw title+text {raw_bytes / 1e6:,.1f} MB,"
        f" ratio {db_bytes / raw_bytes:.2f}"
    )
    lemma_bytes, vocab = conn.execute(
        "SELECT sum(length(CAST(title_lemmas AS BLOB)) + length(CAST(text_lemmas AS BLOB))),"
        " (SELECT count(*) FROM lemma_vocab) FROM articles"
    ).fetchone()
    print(
        f"  lemma columns: {lemma_bytes / 1e6:,.1f} MB ({lemma_bytes / raw_bytes:.0%} of raw"
        f" text); lemma_vocab: {vocab:,} forms"
    )
    for table in ("articles", "articles_fts_data", "lemma_vocab"):
        try:
            pages = conn.execute(
                "SELECT sum(pgsize) FROM dbstat WHERE name = ?", (table,)
            ).fetchone()[0]
            print(f"  {table}: {(pages or 0) / 1e6:,.1f} MB")
        except sqlite3.OperationalError:
            break

    print(f"\n{'query':<52} {'hits':>5} {'CLI ms':>8} {'raw ms':>8}")
    cli_times, raw_times = [], []
    for query in QUERIES:
        runs, hits = cli_search(query, db, args.repeat, failures)
        raw = statistics.median(raw_sql(conn, query) for _ in range(args.repeat))
        if runs:
            cli_times.append(statistics.median(runs))
            raw_times.append(raw)
            print(f"{query:<52} {hits:>5} {cli_times[-1] * 1000:>8.0f} {raw * 1000:>8.1f}")
    cli_median, raw_median = statistics.median(cli_times), statistics.median(raw_times)
    limit = 3 * raw_median + 0.150
    print(
        f"\nmedian: CLI {cli_median * 1000:.0f} ms, raw FTS5 {raw_median * 1000:.1f} ms;"
        f" target CLI ≤ 3×raw + 150 ms = {limit * 1000:.0f} ms"
        f" ({'met' if cli_median <= limit else 'MISSED'})"
    )
    print(f"slowest: CLI {max(cli_times) * 1000:.0f} ms, raw {max(raw_times) * 1000:.1f} ms")
    if cli_median > limit:
        failures.append("CLI search median")

    planted = facts["planted"]
    assert isinstance(planted, list)
    done = subprocess.run(
        [*cli(), "search", PLANTED, "--format", "json", "--limit", "100000", "--db", str(db)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    hits = json.loads(done.stdout) if done.returncode == 0 else []
    found = {int(h["url"].rsplit("/", 1)[1]) for h in hits}
    marked = all(f"**{PLANTED_FORMS[0][:6]}" in h["snippet"].lower() for h in hits)
    print(
        f"\nword forms: '{PLANTED}' found {len(found)} of {len(planted)} planted articles"
        f" (each has one form only); snippets mark the original form: {marked}"
    )
    if found != set(planted) or not marked:
        failures.append("planted word forms")
    done = subprocess.run(
        [*cli(), "search", "община", "--count", "--format", "json", "--db", str(db)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    total = sum(r["count"] for r in json.loads(done.stdout)) if done.returncode == 0 else -1
    print(
        f"word forms: 'община' counts {total:,} articles;"
        f" {facts['with_community']:,} contain one of its forms"
    )
    if total != facts["with_community"]:
        failures.append("community count")

    print(f"\n{'filters alone (no words; newest first)':<52} {'hits':>5} {'CLI ms':>8}")
    for query in FILTERS_ALONE:
        runs, hits = cli_search(query, db, args.repeat, failures)
        if runs:
            print(f"{query:<52} {hits:>5} {statistics.median(runs) * 1000:>8.0f}")

    one_hit = UNIQUE
    helps = [timed([*cli(), "--help"])[0] for _ in range(5)]
    searches = [timed([*cli(), "search", one_hit, "--db", str(db)])[0] for _ in range(5)]
    print(
        f"\ncold start (new process, median of 5): 'newsarchive --help'"
        f" {statistics.median(helps) * 1000:.0f} ms; one-hit search"
        f" {statistics.median(searches) * 1000:.0f} ms (table output)"
    )
    print(SCALING)
    if failures:
        print("\nFAILED: " + "; ".join(failures))
        return 1
    if not args.keep:
        shutil.rmtree(work)
    return 0


SCALING = """
scaling to 10 million articles (50x this run's 200,000): the FTS5 index, the text and the
lemma columns grow linearly (~50x the archive size above, tens of GB); lemma_vocab grows
with the vocabulary, not the article count. Rare words and phrases stay in milliseconds
(their posting lists are short). The cost is ranking very common words: bm25 is computed
for every match, so a word in half the archive (5 million rows) takes ~50x the raw time
above, i.e. 10-20 s. FTS5 'optimize' does not help (measured: no change at 200k); what
would: a date-bounded default (e.g. the last 2 years unless --since is given), ranking
only the newest N matches of a common word, or one archive per year searched newest
first. Import stays linear (one transaction, per-process form cache)."""


if __name__ == "__main__":
    sys.exit(main())
