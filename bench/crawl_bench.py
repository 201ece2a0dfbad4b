"""Crawl benchmark: a synthetic BTA-shaped mirror of 2,000 articles, crawled end to end.

Reports pages/s end to end, CPU time per page by stage (fetch, decode, extract, store),
the no-op nightly rerun (requests, CPU seconds), and a fetch-only peer measured in the same
run: a plain ``httpx.get`` loop over the same URLs. The mirror is served by ``MirrorServer``
in a separate process so the crawler's CPU numbers are its own.

Targets: >= 100 pages/s end to end on 2 cores; the no-op rerun <= 3 requests per site and
< 2 s CPU.

``--archive-rows 0,20000,200000`` asks instead whether a nightly run's local work grows with
the archive: for each N it pre-fills a fresh archive with N synthetic articles of the same
site (a year of BTA is ~55,000; ``import-jsonl``, the archive's bulk path, then a stored
page and a frontier row per article, as a crawl leaves them), and measures (a) the first
crawl of the mirror's 2,000 articles beside them, (b) the no-op nightly rerun, (c) a night
that finds 20 new articles; ``--profile`` prints cProfile's top functions of (b) at the
largest N. Not in ``make bench``: 200,000 rows take minutes to write.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ARTICLES = 2000
PER_PAGE = 20
SECTION = "bg/news/bulgaria"

WORDS = (
    "общината съвет бюджет ремонт улици кмет проект училище детска градина транспорт "
    "читалище площад парк осветление инвестиция пътища социални услуги граждани решение"
).split()


def _article_path(n: int) -> str:
    return f"/{SECTION}/{1_200_000 + n}-sintetichna-novina-nomer-{n}"


def _paragraphs(n: int) -> str:
    parts = []
    for p in range(8):
        words = [WORDS[(n * 7 + p * 3 + k) % len(WORDS)] for k in range(40)]
        parts.append(f"<p>{' '.join(words).capitalize()}.</p>")
    return "\n".join(parts)


# Real BTA pages are ~30 KB, most of it menus, scripts and related-news cards; so are these.
_CHROME_TOP = (
    "<script>"
    + "window.__STATE__ = {" + ",".join(f'"k{i}": "{"v" * 40}"' for i in range(120)) + "};"
    + "</script><header class=\"site-header\"><nav>"
    + "".join(f'<a href="/bg/news/section-{i}">Раздел {i}</a>' for i in range(150))
    + "</nav></header>"
)  # fmt: skip
_CHROME_BOTTOM = (
    "<footer><ul>"
    + "".join(f'<li><a href="/bg/page-{i}">Страница на сайта {i}</a></li>' for i in range(80))
    + "</ul><p>© БТА</p></footer>"
)  # fmt: skip


def _article(n: int) -> str:
    when = dt.datetime(2026, 6, 21, 12, 0) - dt.timedelta(hours=n)
    title = f"Синтетична новина номер {n} за общинския бюджет"
    return f"""<!DOCTYPE html>
<html lang="bg"><head><meta charset="utf-8"><title>БТА :: {title}</title>
<link rel="canonical" href="https://www.bta.bg{_article_path(n)}">
<meta property="og:title" content="{title}"></head>
<body>{_CHROME_TOP}
<main><section class="post a11y-content"><h1 class="post__title">{title}</h1>
<div class="post__meta"><span class="post__post">{when:%d.%m.%Y %H:%M}</span>
<span class="post__author">Автор {n % 17}</span></div>
<div class="post__content">{_paragraphs(n)}</div>
<div class="post__footer">Споделете</div></section>
<aside>{
        "".join(
            f'<div class="news-card"><a href="{_article_path(m)}">Свързана {m}</a></div>'
            for m in range(n + 1, n + 6)
        )
    }</aside></main>
<footer><p>© БТА</p></footer></body></html>
"""


def _listing(page: int, pages: int, newer: int = 0) -> str:
    """Listing page ``page``, newest first; ``newer`` articles published since the first
    night (numbered -1 .. -newer) head it."""
    ids = range(-newer, ARTICLES)[(page - 1) * PER_PAGE : page * PER_PAGE]
    items = "\n".join(
        f'<div class="news-card"><a href="{_article_path(n)}">Новина {n}</a></div>' for n in ids
    )
    nav = f'<a class="next" href="/{SECTION}?p={page + 1}">Следваща</a>' if page < pages else ""
    return (
        f"<!DOCTYPE html><html lang=bg><head><meta charset=utf-8><title>БТА</title></head>"
        f"<body>{_CHROME_TOP}<main>{items}</main>{nav}{_CHROME_BOTTOM}</body></html>"
    )


def build_mirror(root: Path, newer: int = 0) -> list[str]:
    """Write the mirror; returns every article path (for the fetch-only peer). Called
    again with ``newer`` on a built mirror it adds that many new articles: the listings
    and the feed are written again, the old articles left as they are."""
    section = root / SECTION
    section.mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /bg/search\n", encoding="utf-8")
    pages = -(-(ARTICLES + newer) // PER_PAGE)
    for page in range(1, pages + 1):
        html = _listing(page, pages, newer)
        if page == 1:
            (section / "index.html").write_text(html, encoding="utf-8")
        (section / f"index@p={page}.html").write_text(html, encoding="utf-8")
    items = "".join(
        f"<item><title>Новина {n}</title><link>https://www.bta.bg{_article_path(n)}</link></item>"
        for n in range(-newer, 20 - newer)
    )
    (section / "rss.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>{items}'
        "</channel></rss>",
        encoding="utf-8",
    )
    paths = []
    for n in range(-newer, 0) if newer else range(ARTICLES):
        path = _article_path(n)
        (root / (path.lstrip("/") + ".html")).write_text(_article(n), encoding="utf-8")
        paths.append(path)
    return paths


def start_server(root: Path) -> tuple[subprocess.Popen[str], str]:
    code = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from newsarchive.mirror import MirrorServer\n"
        f"server = MirrorServer(Path({str(root)!r})).start()\n"
        "print(server.url, flush=True)\n"
        "time.sleep(3600)\n"
    )
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    return process, process.stdout.readline().strip()


_SYLLABLES = (
    "ба ве ги да ел жи за ин ко ла ми но пе ра са ти ул фе хо це чи ша ще юн яв бъ дъ "
    "къ лъ мъ нъ пъ ръ съ тъ ст пр тр кр гр др бр вл пл сл зн"
).split()


def _vocabulary(size: int, rng: random.Random) -> list[str]:
    """Made-up words of two to four syllables: an archive's vocabulary is wide (FTS5's
    index grows with it), so a year's texts must not repeat the mirror's twenty words."""
    words: set[str] = set()
    while len(words) < size:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _records(rows: int, seed: int = 210) -> list[str]:
    """``rows`` export records of the mirror's site, a year's news before its articles:
    text 2-4 KB drawn Zipf-like from a 30,000-word vocabulary, one date each."""
    rng = random.Random(seed)
    vocab = _vocabulary(30_000, rng)
    cumulative, total = [], 0.0
    for rank in range(1, len(vocab) + 1):
        total += 1 / rank
        cumulative.append(total)
    start = dt.datetime(2025, 6, 1, 8, 0)
    step = dt.timedelta(days=365) / max(rows, 1)
    lines = []
    for i in range(rows):
        words = rng.choices(vocab, cum_weights=cumulative, k=rng.randint(170, 340))
        sentences = [
            " ".join(words[k : k + 12]).capitalize() + "." for k in range(0, len(words), 12)
        ]
        when = start + step * i
        lines.append(
            json.dumps(
                {
                    "site": "bta",
                    "url": f"https://www.bta.bg/bg/news/archive/{1_000_000 + i}-zapis-{i}",
                    "title": f"Архивна новина {i} " + " ".join(words[:6]),
                    "text": "\n\n".join(sentences),
                    "published": when.isoformat(),
                    "date_source": "text",
                    "author": f"Автор {i % 23}",
                    "fetched_at": (when + dt.timedelta(hours=2)).isoformat() + "+00:00",
                },
                ensure_ascii=False,
            )
        )
    return lines


def prefill(db: Path, rows: int) -> float:
    """Fill ``db`` with ``rows`` synthetic articles of the bench's site as a year of nightly
    crawls would have left them: each with its row, FTS5 entries and URL key (by
    ``import-jsonl``), a stored page (a capture of the bench's page size) and a frontier
    row marked done. Returns the seconds it took."""
    from newsarchive.api import import_jsonl

    began = time.perf_counter()
    if rows:
        import_jsonl(db, _records(rows))
        pages = [zlib.compress(_article(n).encode(), 6) for n in range(64)]
        conn = sqlite3.connect(db)
        with conn:
            keyed = conn.execute(
                "SELECT a.id, a.url, k.url_key, a.fetched_at FROM articles a"
                " JOIN article_urls k ON k.article_id = a.id ORDER BY a.id"
            ).fetchall()
            headers = json.dumps({"content-type": "text/html; charset=utf-8"})
            conn.executemany(
                "INSERT INTO captures (url, final_url, status, headers, encoding, content,"
                " fetched_at, article_id) VALUES (?, ?, 200, ?, 'utf-8', ?, ?, ?)",
                ((url, url, headers, pages[i % 64], at, i) for i, url, _, at in keyed),
            )
            conn.execute(
                "UPDATE articles SET capture_id = (SELECT max(c.id) FROM captures c"
                " WHERE c.article_id = articles.id)"
            )
            conn.executemany(
                "INSERT OR IGNORE INTO frontier (url_key, url, site, source, state, attempts,"
                " added_at) VALUES (?, ?, 'bta', ?, 'done', 1, ?)",
                (
                    (key, url, f"https://www.bta.bg/{SECTION}?p={2 + i % 2700}", at)
                    for i, url, key, at in keyed
                ),
            )
        conn.close()
    return time.perf_counter() - began


def _archive_size(db: Path) -> float:
    """The archive's size on disk in MB, its write-ahead log included."""
    files = (Path(f"{db}{suffix}") for suffix in ("", "-wal"))
    return sum(f.stat().st_size for f in files if f.exists()) / 1e6


@contextlib.contextmanager
def _profiling(profiler: Any) -> Iterator[None]:
    """Profile each site's crawl on the thread that runs it (``crawl_sites`` runs sites on
    a pool; a profiler enabled on this thread saw only the wait)."""
    if profiler is None:
        yield
        return
    from newsarchive import crawl_sites

    original = crawl_sites.crawl_site

    def profiled(*args: Any, **kwargs: Any) -> Any:
        return profiler.runcall(original, *args, **kwargs)

    crawl_sites.crawl_site = profiled
    try:
        yield
    finally:
        crawl_sites.crawl_site = original


def scale(sizes: list[int], connections: int, profile_top: int) -> int:
    """The nightly runs beside archives of each size in ``sizes`` (module docstring)."""
    import cProfile
    import pstats

    from newsarchive.api import crawl
    from newsarchive.crawl_run import CrawlOptions, Outcome
    from newsarchive.fetch.client import FetchOptions
    from newsarchive.profiles.loader import get_profile

    profile = get_profile("bta", [])
    print(f"cores available: {os.cpu_count()}; connections per host: {connections}")
    print(f"{'rows':>8} {'fill s':>7} {'MB':>7}  run          requests  new   CPU s  wall s")
    for rows in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp) / "mirror"
            build_mirror(root)
            server, url = start_server(root)
            try:
                db = Path(tmp) / "bench.db"
                fill = prefill(db, rows)
                options = CrawlOptions(
                    max_pages=0,
                    base_url=url,
                    delay=0.0,
                    fetch=FetchOptions(delay=0, max_connections=connections),
                )
                runs = [("(a) first", None), ("(b) no-op", rows == max(sizes)), ("(c) +20", None)]
                for label, profiled in runs:
                    if label == "(c) +20":
                        build_mirror(root, newer=20)
                    profiler = cProfile.Profile() if profiled and profile_top else None
                    wall, cpu = time.perf_counter(), time.process_time()
                    with _profiling(profiler):
                        (report,) = crawl(db, [profile], options)
                    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
                    print(
                        f"{rows:>8} {fill:>7.1f} {_archive_size(db):>7.1f}  {label:<12}"
                        f" {report.requests:>8} {report.count(Outcome.NEW):>4}"
                        f" {cpu:>7.2f} {wall:>7.2f}",
                        flush=True,
                    )
                    if profiler is not None:
                        stats = pstats.Stats(profiler, stream=sys.stdout)
                        stats.sort_stats("cumulative").print_stats(profile_top)
            finally:
                server.terminate()
                server.communicate()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=2)
    parser.add_argument(
        "--archive-rows",
        help="comma-separated archive sizes (e.g. 0,20000,200000): measure the nightly runs"
        " beside that many archived articles instead",
    )
    parser.add_argument(
        "--profile", type=int, default=0, metavar="TOP",
        help="with --archive-rows: cProfile's TOP functions of the no-op rerun at the largest size",
    )  # fmt: skip
    args = parser.parse_args()
    if args.archive_rows:
        sizes = [int(size) for size in args.archive_rows.split(",")]
        return scale(sizes, args.connections, args.profile)

    from newsarchive.api import crawl
    from newsarchive.crawl_run import CrawlOptions, Outcome
    from newsarchive.fetch.client import FetchOptions
    from newsarchive.profiles.loader import get_profile

    profile = get_profile("bta", [])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "mirror"
        paths = build_mirror(root)
        server, url = start_server(root)
        try:
            db = Path(tmp) / "bench.db"
            options = CrawlOptions(
                max_pages=0,
                base_url=url,
                delay=0.0,
                fetch=FetchOptions(delay=0, max_connections=args.connections),
            )
            wall, cpu = time.perf_counter(), time.process_time()
            (report,) = crawl(db, [profile], options)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu

            again_wall, again_cpu = time.perf_counter(), time.process_time()
            (again,) = crawl(db, [profile], options)
            again_wall = time.perf_counter() - again_wall
            again_cpu = time.process_time() - again_cpu

            import httpx

            peer_wall = time.perf_counter()
            with httpx.Client() as client:
                for path in paths:
                    client.get(url + path).raise_for_status()
            peer_wall = time.perf_counter() - peer_wall
        finally:
            server.terminate()
            server.communicate()

    pages = report.pages
    rate = pages / wall
    peer_rate = len(paths) / peer_wall
    print(f"cores available: {os.cpu_count()}; connections per host: {args.connections}")
    size = len(_article(0).encode()) / 1024
    new = report.count(Outcome.NEW)
    print(f"articles archived: {new} new ({size:.0f} KB each), {report.errors} errors")
    print(f"crawl:  {pages} pages in {wall:.2f} s = {rate:.0f} pages/s end to end")
    print(f"        process CPU {cpu:.2f} s = {cpu / pages * 1000:.2f} ms/page")
    print("        CPU per page by stage:")
    for stage, seconds in report.cpu.items():
        print(f"          {stage:<8} {seconds / pages * 1000:6.2f} ms")
    print(
        f"peer:   plain httpx.get loop (fetch only): {peer_rate:.0f} pages/s; "
        f"crawl/peer = {rate / peer_rate:.2f}"
    )
    print(
        f"no-op rerun: {again.requests} requests, {again.count(Outcome.NEW)} new, "
        f"{again_cpu:.2f} s CPU, {again_wall:.2f} s wall"
    )
    ok = new == ARTICLES and rate >= 100 and again.requests <= 3 and again_cpu < 2
    print("targets (>= 100 pages/s, rerun <= 3 requests and < 2 s CPU):", "met" if ok else "MISSED")
    return 0


if __name__ == "__main__":
    sys.exit(main())
