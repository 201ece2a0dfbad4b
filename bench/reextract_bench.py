"""Benchmark ``reextract``: stored captures re-extracted per second, one process vs all cores.

An archive of N captures is built from the article pages of the test mirrors (each page
stored under N/len(pages) distinct URLs), every article starting with a stale text, so
the first run rewrites them all (the worst case: every row changed, every old version
kept as a revision) and the second changes nothing (the usual case after an upgrade).
Each worker count runs on its own copy of the archive. The main process writes while the
workers extract: writing is about a third of the work, so two cores give at most ~2x, and
only when no one else is using them.

Usage: python bench/reextract_bench.py [--captures N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from newsarchive.archive.connection import connect
from newsarchive.archive.store import Store
from newsarchive.mirror import resolve
from newsarchive.models import Article, Page
from newsarchive.profiles.loader import list_profiles
from newsarchive.reextract import reextract_archive

SITES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sites"


def pages() -> list[tuple[str, str, bytes]]:
    """(site, url, html) of every fixture article page. A mirror of a site no bundled
    profile names is archived under its host, as a crawl of a site without a profile
    archives it (``loader.is_generic_site``): under the mirror's folder name, as this
    bench stored them before, ``reextract`` left all but the bundled sites' 15 rows as
    rows of an unknown site, and timed nothing."""
    bundled = list_profiles(())
    found = []
    for site_dir in sorted(SITES.iterdir()):
        expected = json.loads((site_dir / "expected.json").read_text(encoding="utf-8"))
        for entry in expected:
            url = entry["url"]
            path = resolve(site_dir, "/" + url.split("/", 3)[3])
            if path is not None:
                site = site_dir.name if site_dir.name in bundled else urlsplit(url).hostname
                found.append((site or site_dir.name, url, path.read_bytes()))
    return found


def build(db: Path, captures: int) -> int:
    conn = connect(db, create=True)
    store = Store(conn)
    sources = pages()
    when = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    with conn:
        for i in range(captures):
            site, url, html = sources[i % len(sources)]
            copy = f"{url}?copy={i}"
            capture = store.save_capture(Page(copy, copy, 200, {}, html, "", "utf-8", when))
            store.upsert_article(
                Article(title=f"stale {i}", text="stale"), site=site, url=copy,
                fetched_at=when.isoformat(), capture_id=capture, extractor="bench",
            )  # fmt: skip
    conn.close()
    return len(sources)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--captures", type=int, default=3000)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "base.db"
        distinct = build(base, args.captures)
        print(f"{args.captures} captures ({distinct} distinct pages), {cores} cores")
        print(f"{'workers':>8} {'seconds':>8} {'pages/s':>8}  changed/unchanged/failed")
        for workers in sorted({1, cores}):
            db = Path(tmp) / f"w{workers}.db"
            shutil.copy(base, db)
            conn = sqlite3.connect(db)
            for _ in ("every row changed", "nothing changed"):
                start = time.perf_counter()
                report = reextract_archive(conn, workers=workers)
                spent = time.perf_counter() - start
                print(
                    f"{workers:>8} {spent:>8.1f} {args.captures / spent:>8.0f}  "
                    f"{report.changed}/{report.unchanged}/{report.failed}"
                )
                read = report.changed + report.unchanged + report.failed
                if read != args.captures:  # (a rate over rows never read times nothing)
                    print(f"only {read} of {args.captures} captures were re-extracted")
                    return 1
            conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
