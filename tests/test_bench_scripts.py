"""The benchmarks run: a bench script that breaks shows only in ``make bench``, which no
test ran (``listing_bench.py``'s stand-in for ``card_date`` fell behind its signature and
the bench died with a TypeError). Sizes tiny; what the numbers are is the bench's job."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_listing_bench_runs_and_finds_every_link() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "listing_bench.py"), "--sizes", "20"],
        capture_output=True, text=True, env=env, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = [line.split() for line in done.stdout.splitlines()[1:4]]
    assert [(row[0], row[1], row[2]) for row in rows] == [
        ("bare", "20", "20"),
        ("cards", "20", "20"),
        ("nested", "20", "20"),
    ]
