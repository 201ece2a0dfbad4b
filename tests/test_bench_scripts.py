"""The benchmarks run: a bench script that breaks shows only in ``make bench``, which no
test ran (``listing_bench.py``'s stand-in for ``card_date`` fell behind its signature and
the bench died with a TypeError). Sizes tiny; what the numbers are is the bench's job."""

from __future__ import annotations

import gzip
import json
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


def test_the_reextract_bench_re_extracts_every_capture_it_times() -> None:
    """Its archive stored every mirror under the mirror's folder name, which no profile
    names: ``reextract`` left all but the bundled sites' rows as an unknown site's, and
    the bench printed tens of thousands of pages/s for re-extracting none of them."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "reextract_bench.py"), "--captures", "40"],
        capture_output=True, text=True, env=env, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    counts = [line.split()[-1] for line in done.stdout.splitlines()[2:]]
    assert counts[:2] == ["40/0/0", "0/40/0"]


def _wcxb_page(root: Path, key: str, html: str, title: str, url: str = "", **fields: str) -> None:
    """One page in WCXB dev's layout: gzipped HTML beside its ground truth (its ``title``
    and any other ``fields``: "author", "publish_date"), at ``url`` or one of its key."""
    (root / "html").mkdir(exist_ok=True)
    (root / "ground-truth").mkdir(exist_ok=True)
    (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(html.encode()))
    truth = {"url": url or f"https://example.org/{key}", "ground_truth": {"title": title, **fields}}
    (root / "ground-truth" / f"{key}.json").write_text(json.dumps(truth), encoding="utf-8")


def _misses_listing(script: str, root: Path) -> list[str]:
    """The lines ``bench/<script> --data root --list`` prints, once it exits 0."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), "--data", str(root), "--list"],
        capture_output=True, text=True, env=env, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def _budget_page(head: str, body: str) -> str:
    """A page headed "Budget passed" with ``head`` in its head and ``body`` under the
    headline, above a paragraph of prose."""
    prose = "The council passed the budget after a long debate in the chamber. " * 8
    return (
        f"<html><head>{head}</head><body><article><h1>Budget passed</h1>{body}<p>{prose}</p>"
        "</article></body></html>"
    )


def _article(h1: str, og: str = "") -> str:
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    prose = "Жителите на квартала чакат ремонта на улицата от години. " * 8
    body = f"<article><h1>{h1}</h1><p>{prose}</p></article>"
    return f"<html><head>{meta}</head><body>{body}</body></html>"


def test_the_title_miss_listing_names_each_miss_by_its_cause(tmp_path: Path) -> None:
    _wcxb_page(tmp_path, "0002", _article("Нов парк в квартал Изток"), "Нов парк в квартал Изток")
    _wcxb_page(tmp_path, "0004", _article("Parkin’ on the river bank"), "Parkin' on the river bank")
    reworded = _article(
        "Everything you should know about the new bridge", og="The Bridge Opens in May"
    )
    _wcxb_page(tmp_path, "0005", reworded, "The Bridge Opens in May")
    lines = _misses_listing("title_misses.py", tmp_path)
    assert "title exact even: 1/2" in lines
    assert "title exact odd: 0/1" in lines
    assert "    1     0  typography only (quotes, dashes, ellipsis, full-width marks)" in lines
    stated = "a stated title (og, <title>, JSON-LD, twitter) where we took the reworded h1"
    assert f"    0     1  {stated}" in lines
    assert "   stated 'The Bridge Opens in May'" in lines


def test_the_title_signals_count_what_each_would_fix_and_break(tmp_path: Path) -> None:
    # The slug has the stated title's words: the signal takes it, and it is the reference.
    fixed = _article("Everything about the new bridge", og="The New Bridge Opens in May")
    url = "https://example.org/news/new-bridge-opens-in-may"
    _wcxb_page(tmp_path, "0002", fixed, "The New Bridge Opens in May", url=url)
    # The slug again sides with the stated title, but the reference is the h1.
    broken = _article("Почистване на парка в неделя", og="Доброволци в парка")
    url = "https://example.org/novini/dobrovoltsi-v-parka"
    _wcxb_page(tmp_path, "0003", broken, "Почистване на парка в неделя", url=url)
    # The stated title adds a year to the h1's words.
    dated = _article("Best Parks for Children", og="Best Parks for Children in 2025")
    _wcxb_page(tmp_path, "0004", dated, "Best Parks for Children in 2025")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "title_signals.py"), "--data", str(tmp_path)],
        capture_output=True, text=True, env=env, check=False, cwd=ROOT,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    rows = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines()}
    assert rows["slug"] == ["1/0", "0/1"]
    assert rows["number"] == ["1/0", "0/0"]
    assert "  the reference is stated: even 2, odd 0" in done.stdout.splitlines()
    listing = _misses_listing("title_misses.py", tmp_path)
    assert "   slug   'new-bridge-opens-in-may' words: truth 4/4, ours 2/4" in listing


def _authored(key: str, root: Path, byline: str, author: str) -> None:
    """A WCXB-style page whose ground truth names ``author`` and whose text prints
    ``byline`` under the headline."""
    _wcxb_page(root, key, _budget_page("", byline), "Budget passed", author=author)


def test_the_author_miss_listing_names_each_miss_by_its_cause(tmp_path: Path) -> None:
    _authored("0002", tmp_path, "<p>By Jane Doe</p>", "Jane Doe")
    _authored("0004", tmp_path, "<p>Staff</p>", "Staff")
    _authored("0005", tmp_path, "<p>By Jane Doe and John Roe</p>", "Jane Doe")
    _authored("0007", tmp_path, "", "Jane Doe")
    lines = _misses_listing("author_misses.py", tmp_path)
    assert "author exact even: 1/2" in lines
    assert "author exact odd: 0/2" in lines
    signature = "a newsroom signature left out on purpose (Staff, News Desk, Anonymous)"
    assert f"    1     0  {signature}" in lines
    assert "    0     1  one of several authors (or more than the reference)" in lines
    assert "    0     1  none found, the name not printed on the page" in lines
    assert "   truth  'Jane Doe'" in lines


def _dated(key: str, root: Path, head: str, body: str, day: str) -> None:
    """A WCXB-style page whose ground truth dates it ``day``, with ``head`` in its head
    and ``body`` under its headline."""
    _wcxb_page(root, key, _budget_page(head, body), "Budget passed", publish_date=day)


def test_the_date_miss_listing_names_each_miss_by_its_cause(tmp_path: Path) -> None:
    _dated("0002", tmp_path, "", "<p>Published: 14.11.2025</p>", "2025-11-14")
    stated = (
        '<meta property="article:published_time" content="2025-06-23T18:44:33+00:00">'
        '<meta property="article:modified_time" content="2025-12-19T14:14:43+00:00">'
    )
    _dated("0004", tmp_path, stated, "", "2025-12-19")
    _dated("0005", tmp_path, "", "", "2020-08-30")
    _dated("0007", tmp_path, "", "<p>Published: 14.11.2025</p>", "2019-03-20")
    lines = _misses_listing("date_misses.py", tmp_path)
    assert "date exact even: 1/2" in lines
    assert "date exact odd: 0/2" in lines
    changed = "the reference is the stated last change, ours the publication"
    assert f"    1     0  {changed}" in lines
    assert "    0     1  none found, the reference's day nowhere on the page" in lines
    assert "    0     1  the reference's day nowhere on the page (text, metadata, URL)" in lines
    assert "   truth  2025-12-19" in lines


def test_the_cut_sweep_cuts_where_it_says_and_checks_each_cut() -> None:
    """Three cut points of a small mirror (``--cuts 2``: its first and last request, and
    its second always), each crawl killed there, completed and run again: every check
    passes and the summary counts them."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "cut_sweep.py"), "--sites", "zaredeno",
         "--cuts", "2", "--jobs", "1"],
        capture_output=True, text=True, env=env, check=False, cwd=ROOT, timeout=600,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("zaredeno: R 16, 3 cuts, 0 failed;"), lines
    assert lines[-1].startswith("3 cut points over 1 mirrors in"), lines
    assert lines[-1].endswith(": 0 failed"), lines
