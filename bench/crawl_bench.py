"""Crawl benchmark: a synthetic BTA-shaped mirror of 2,000 articles, crawled end to end.

Reports pages/s end to end, CPU time per page by stage (fetch, decode, extract, store),
the no-op nightly rerun (requests, CPU seconds), and a fetch-only peer measured in the same
run: a plain ``httpx.get`` loop over the same URLs. The mirror is served by ``MirrorServer``
in a separate process so the crawler's CPU numbers are its own.

Targets: >= 100 pages/s end to end on 2 cores; the no-op rerun <= 3 requests per site and
< 2 s CPU.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

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


def _listing(page: int, pages: int) -> str:
    first = (page - 1) * PER_PAGE
    items = "\n".join(
        f'<div class="news-card"><a href="{_article_path(n)}">Новина {n}</a></div>'
        for n in range(first, min(first + PER_PAGE, ARTICLES))
    )
    nav = f'<a class="next" href="/{SECTION}?p={page + 1}">Следваща</a>' if page < pages else ""
    return (
        f"<!DOCTYPE html><html lang=bg><head><meta charset=utf-8><title>БТА</title></head>"
        f"<body>{_CHROME_TOP}<main>{items}</main>{nav}{_CHROME_BOTTOM}</body></html>"
    )


def build_mirror(root: Path) -> list[str]:
    """Write the mirror; returns every article path (for the fetch-only peer)."""
    section = root / SECTION
    section.mkdir(parents=True)
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /bg/search\n", encoding="utf-8")
    pages = -(-ARTICLES // PER_PAGE)
    for page in range(1, pages + 1):
        html = _listing(page, pages)
        if page == 1:
            (section / "index.html").write_text(html, encoding="utf-8")
        (section / f"index@p={page}.html").write_text(html, encoding="utf-8")
    items = "".join(
        f"<item><title>Новина {n}</title><link>https://www.bta.bg{_article_path(n)}</link></item>"
        for n in range(20)
    )
    (section / "rss.xml").write_text(
        f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>{items}'
        "</channel></rss>",
        encoding="utf-8",
    )
    paths = []
    for n in range(ARTICLES):
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=2)
    args = parser.parse_args()

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
