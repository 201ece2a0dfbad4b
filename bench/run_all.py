"""``make bench``: run every ``bench/*_bench.py`` in turn; each prints its own table."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent


def main() -> int:
    scripts = sorted(HERE.glob("*_bench.py"))
    if not scripts:
        print("no benchmarks yet")
        return 0
    worst = 0
    for script in scripts:
        print(f"\n=== {script.name} ===", flush=True)
        worst = max(worst, subprocess.run([sys.executable, str(script)], check=False).returncode)
    return worst


if __name__ == "__main__":
    sys.exit(main())
