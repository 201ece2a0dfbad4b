"""Feeds and sitemaps: time and peak memory of ``read_feed`` on hostile and huge documents.

Each case runs in a fresh process (peak RSS is VmHWM, the high-water mark of that process
alone), against the way sitemaps were read before issue 10: inflate up to 50 MB,
``ElementTree.fromstring``, walk the tree, and on a parse error (a cut document) find
``<loc>`` by regex over the whole text. Run: ``.venv/bin/python bench/feeds_bench.py``.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _sitemap_856k() -> bytes:
    """A real-shaped sitemap with 856,000 URLs and lastmod dates, gzipped."""
    rows = (
        f"<url><loc>https://www.example.bg/novini/obshtinata-reshi-{i}</loc>"
        f"<lastmod>2025-{1 + i % 12:02d}-{1 + i % 28:02d}</lastmod></url>"
        for i in range(856_000)
    )
    xml = '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">' + "".join(rows)
    return gzip.compress((xml + "</urlset>").encode(), compresslevel=9)


def _members(first: bytes, middle: bytes, last: bytes, repeat: int) -> bytes:
    parts = [gzip.compress(p, compresslevel=9) for p in (first, middle, last)]
    return parts[0] + parts[1] * repeat + parts[2]


CASES = {
    "856k URLs (.gz)": _sitemap_856k,
    "bomb: one 200 MiB comment": lambda: _members(
        b"<urlset><!--", b"x" * 2**20, b"--></urlset>", 200
    ),
    "bomb: 200 MiB of one <url>": lambda: _members(
        b"<urlset>", b"<url><loc>https://x.bg/a-1</loc></url>" * 27_000, b"</urlset>", 200
    ),
}


def _peak_rss_kb() -> int:
    """VmHWM: unlike ru_maxrss, not inherited from the parent across fork."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def _child(path: str, way: str) -> None:
    import io
    import re
    import xml.etree.ElementTree as ET

    from newsarchive.discover.feeds import read_feed

    data = Path(path).read_bytes()
    before = _peak_rss_kb()
    start = time.perf_counter()
    if way == "new":
        feed = read_feed(data)
        found, cut = len(feed.entries), feed.cut or "-"
    else:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as handle:
            xml = handle.read(50 * 1024 * 1024)
        try:
            found = len({n.text for n in ET.fromstring(xml).iter() if n.tag.endswith("loc")})
        except ET.ParseError:
            found = len(set(re.findall(r"<loc>\s*(https?://[^<\s]+)\s*</loc>", xml.decode())))
        cut = "-"
    elapsed = time.perf_counter() - start
    peak = _peak_rss_kb() - before
    print(f"{elapsed:.2f}\t{peak / 1024:.0f}\t{found}\t{cut}")


def main() -> int:
    print(f"{'case':<28} {'way':<7} {'gz size':>9} {'seconds':>8} {'+RSS MB':>8} {'URLs':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in CASES.items():
            path = Path(tmp) / "doc.gz"
            path.write_bytes(make())
            size = path.stat().st_size
            for way in ("before", "new"):
                out = subprocess.run(
                    [sys.executable, __file__, "--child", str(path), way],
                    capture_output=True, text=True, check=True,
                ).stdout.strip()  # fmt: skip
                seconds, rss, found, cut = out.split("\t")
                print(f"{name:<28} {way:<7} {size / 1e6:>7.2f}MB {seconds:>8} {rss:>8} "
                      f"{found:>8}  {cut if cut != '-' else ''}")  # fmt: skip
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2], sys.argv[3])
        sys.exit(0)
    sys.exit(main())
