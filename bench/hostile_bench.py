"""Pathological pages against ordinary ones of as many tags: the time each costs, parsed
(``markup.parse_html``) and extracted, at two sizes. Linear work shows as a ratio to the
flat page that stays put as the size grows; a quadratic path shows as a ratio that grows
with it (40,000 nested <div>s took 2 s to parse, 1,500 skipped author boxes 7 s to
extract, before the nesting cap and the batched splicing). Timings live here, not in the
tests (``tests/test_extract_hostile.py`` checks the mechanisms: the depth cap, how often
the body finder weighs the page; ``tests/test_hostile_sites.py`` crawls some shapes).

The last table (``--shapes`` alone) times hostile shapes whole, extracted, a listing read
or a sitemap read, beside what each took before it was bounded."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from newsarchive.discover.feeds import read_feed  # noqa: E402
from newsarchive.discover.listings import article_links  # noqa: E402
from newsarchive.extraction import extract  # noqa: E402
from newsarchive.markup import parse_html  # noqa: E402
from newsarchive.models import Profile  # noqa: E402
from newsarchive.tag_attributes import MAX_ATTRIBUTES, cap_attributes  # noqa: E402

TODAY = dt.date(2025, 3, 14)
SIZES = (10_000, 40_000)


def seconds(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def _names(n: int) -> str:
    return " ".join(f"a{i}" for i in range(n))


_SHORT = "abcdefghijklmnopqrstuvwxyz0123456789_-.:"


def _short_names(n: int) -> list[str]:
    """``n`` distinct names of one to three bytes: the fewest bytes a name can cost."""
    names = list(_SHORT)
    names += [a + b for a in _SHORT for b in _SHORT]
    names += [a + b + c for a in _SHORT for b in _SHORT for c in _SHORT]
    return names[:n]


# Shapes lexbor parses in time quadratic in attributes: one tag's (its duplicate check),
# and a second <html>'s added to the first's. ``tag_attributes`` caps them; not yet
# called by ``parse_html`` (see its doc), so both columns are shown.
ATTRIBUTES: dict[str, Callable[[int], str]] = {
    "one-tag": lambda n: f"<div {_names(n)}>x</div>",
    "one-tag-quoted-gt": lambda n: "<div " + "".join(f"a{i}='>'" for i in range(n)) + ">",
    "end-tag": lambda n: f"<div>x</div {_names(n)}>",
    "html-tags-merged": lambda n: "".join(f"<html a{i}>" for i in range(n)),
    "one-tag-short-names": lambda n: f"<div {' '.join(_short_names(n))}>x</div>",
}
# Many new names in a page, whatever the tags: lexbor files each in one table of the
# document's (``tag_attributes.MAX_NAMES``), seconds at 100,000; as many values of one
# name are the page without that cost. The last lines: the tag cap is no bound per byte.
NAMES: dict[str, Callable[[int], str]] = {
    "names-one-a-div": lambda n: "".join(f"<div a{i}></div>" for i in range(n)),
    "names-1000-a-tag": lambda n: "".join(
        f"<b {' '.join(f'a{j}' for j in range(i, min(i + 1000, n)))}>x</b>"
        for i in range(0, n, 1000)
    ),
    "values-not-names": lambda n: "".join(f'<div a="{i}"></div>' for i in range(n)),
}


def _capped_cells(make: Callable[[int], str], sizes: tuple[int, ...]) -> list[str]:
    cells = []
    for n in sizes:
        page = f"<html><body>{make(n)}<p>x</p></body></html>".encode()
        capped = cap_attributes(page)
        raw = seconds(lambda page=page: parse_html(page))
        cells.append(f"{raw:>10.3f}s {seconds(lambda capped=capped: parse_html(capped)):>6.3f}s")
    return cells


def attributes_table() -> None:
    """The best of three (the slow cells take seconds each): parse_html as it is, and
    after the cap (the cap's own scan not counted)."""
    sizes = (10_000, 20_000)
    print(f"\n{'parse: attributes':<24} " + " ".join(f"{n:>8,} attrs  capped" for n in sizes))
    for shape, make in ATTRIBUTES.items():
        print(f"{shape:<24} " + " ".join(_capped_cells(make, sizes)))
    sizes = (40_000, 100_000)
    print(f"\n{'parse: names in a page':<24} " + " ".join(f"{n:>8,} names  capped" for n in sizes))
    for shape, make in NAMES.items():
        print(f"{shape:<24} " + " ".join(_capped_cells(make, sizes)))
    for count in (64, 256, MAX_ATTRIBUTES):
        tag = f"<b {' '.join(_short_names(count))}>"
        page = f"<html><body>{tag * (10**6 // len(tag))}</body></html>".encode()
        capped = cap_attributes(page)  # (itself: no tag is past the cap)
        took = seconds(lambda capped=capped: parse_html(capped))
        print(f"1 MB of tags of {count:,} attributes, capped: {took:.3f} s")


# Other shapes a hostile 10 MB page may take, against flat <div>s of as many bytes: on a
# loaded machine (make test and six helpers), 10 MB of flat <div>s took 6.0 s, 1M <p>
# siblings 13.0 s, one text node 0.08 s, misnested tables 5.4 s, text in a table 6.8 s,
# one <script> 0.12 s: none grew past linear.
SHAPES: dict[str, Callable[[int], str]] = {
    "flat-divs": lambda size: "<div>x</div>" * (size // 12),
    "p-siblings": lambda size: "<p>x" * (size // 4),
    "one-text-node": lambda size: "<p>" + "слово " * (size // 11),
    "table-misnest": lambda size: "<table>" + "<tr><td>x<div>y</table><table>" * (size // 30),
    "text-in-table": lambda size: "<table>" + "x<b>y</b>" * (size // 9),
    "one-script": lambda size: "<script>" + "var a = 1 < 2;\n" * (size // 15) + "</script>",
    "b-one-attribute-each": lambda size: "<p>" + "".join(f"<b a{i}>" for i in range(size // 10)),
}


def shapes_table() -> None:
    """Seconds per MB at two sizes: a cell that grows with the size is a quadratic path."""
    sizes = (1_000_000, 4_000_000)
    print(f"\n{'parse: shape':<24} " + " ".join(f"{n // 10**6:>5} MB s/MB" for n in sizes))
    for shape, make in SHAPES.items():
        cells = []
        for size in sizes:
            page = f"<html><body>{make(size)}</body></html>".encode()
            start = time.perf_counter()
            parse_html(page)
            cells.append(f"{(time.perf_counter() - start) * 10**6 / len(page):>11.3f}")
        print(f"{shape:<24} " + " ".join(cells))


PROSE = "Общинският съвет прие бюджета за следващата година след дълго обсъждане. " * 4
MB = 10**6
WORD = "Бюджет "  # 13 bytes in UTF-8
# an element opening with a "posted on … by" line and holding the next: nested, each is read
POSTED_ON = "<div>Публикувано на 27.11.2026 от Мария Петрова"


def _article(head: str = "", body: str = "", title: str = "Бюджет") -> str:
    return (
        f"<html><head><meta charset=utf-8><title>{title}</title>{head}</head><body><article>"
        f"<h1>Бюджет 2025</h1><p>{PROSE}</p>{body}<p>{PROSE}</p></article></body></html>"
    )


def _short_page(body: str) -> str:
    """An article of one line over ``body``: short enough to be asked whether it is a
    script's shell (``extraction.shell``)."""
    return (
        "<html><head><meta charset=utf-8><title>Бюджет</title></head><body><article>"
        f"<h1>Бюджет 2025</h1><p>Общинският съвет прие бюджета.</p>{body}</article></body></html>"
    )


def _json_ld(value: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(value, ensure_ascii=False)}</script>'


_NEWS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
# Each shape: what it is (a page, extracted; a listing, read for links; a sitemap), how it
# is made, and what it took before this release bounded it ("" where it never was slow),
# measured on the same loaded machine, best of three: times vary twofold with the load.
HOSTILE: dict[str, tuple[str, Callable[[], str | bytes], str]] = {
    # a title longer than any (``metadata.MAX_TITLE_CHARS``) is no title
    "og:title of 1 MB": (
        "page",
        lambda: _article(f'<meta property="og:title" content="{WORD * (MB // 13)}">'),
        "1.0-2.5",
    ),
    "og:title of 1 MB, ASCII": (
        "page",
        lambda: _article(f'<meta property="og:title" content="{"a" * MB}">'),
        "1.6-3.8",
    ),
    "<title> of 1 MB": ("page", lambda: _article(title=WORD * (MB // 13)), "0.9-1.6"),
    "h1 of 1 MB": (
        "page",
        lambda: _article().replace("Бюджет 2025", WORD * (MB // 13)),
        "1.0-1.7",
    ),
    "JSON-LD headline of 1 MB": (
        "page",
        lambda: _article(_json_ld({"@type": "NewsArticle", "headline": WORD * (MB // 13)})),
        "0.09-0.28",
    ),
    # the depth cap leaves a level of siblings; a related list's heading read whole at
    # each of 256 levels (``furniture._HEADING_NODES``)
    "2 MB of nested <span>": ("page", lambda: _article(body="<span>" * (2 * MB // 6)), "3.0-8.3"),
    "2 MB of nested <b>": ("page", lambda: _article(body="<b>" * (2 * MB // 3)), "9.6-14"),
    "2 MB of nested <div>": ("page", lambda: _article(body="<div>" * (2 * MB // 5)), ""),
    "40,000 attributes on one tag (parse: not bounded)": (
        "page",
        lambda: _article(body=f"<div {' '.join(_short_names(40_000))}>x</div>"),
        "",
    ),
    # Word's elements asked for their descendants one by one (``open_word_islands``)
    "<xml>, 50,000 <w:a><p>": ("page", lambda: _article(body="<xml>" + "<w:a><p>" * 50_000), ""),
    "<xml>, 50,000 <w:a><div>": (
        "page",
        lambda: _article(body="<xml>" + "<w:a><div>" * 50_000),
        "1.3-2.3",
    ),
    "<xml>, 100,000 <w:a><span>": (
        "page",
        lambda: _article(body="<xml>" + "<w:a><span>" * 100_000),
        "4.3-10.6",
    ),
    # tried, never slow
    "text node of 5 MB, no space": ("page", lambda: _article(body=f"<p>{'а' * (5 * MB // 2)}"), ""),
    "100,000 <br>": ("page", lambda: _article(body="<p>" + "ред<br>" * 100_000), ""),
    "10,000 <time>": (
        "page",
        lambda: _article(
            body="".join(
                f'<time datetime="2025-03-{1 + i % 28:02d}">{i}</time>' for i in range(10_000)
            )
        ),
        "",
    ),
    "JSON-LD of 5 MB": (
        "page",
        lambda: _article(_json_ld({"@type": "NewsArticle", "articleBody": WORD * (5 * MB // 13)})),
        "",
    ),
    "JSON-LD nested 10,000 deep": (
        "page",
        lambda: _article(
            '<script type="application/ld+json">'
            + '{"a":' * 10_000
            + "1"
            + "}" * 10_000
            + "</script>"
        ),
        "",
    ),
    "10,000 <meta>": (
        "page",
        lambda: _article(
            "".join(f'<meta property="article:tag" content="таг {i}">' for i in range(10_000))
        ),
        "",
    ),
    "class of 1 MB": (
        "page",
        lambda: _article(body=f'<div class="{"a " * (MB // 2)}">x</div>'),
        "",
    ),
    # this session's rules (hostile149): a table of contents' lists and boxes read once
    # each (``page_toc._Reads``); a "posted on … by" line read from an element's
    # opening (``authors._short_line``); the rest never slow
    "toc: 12,500 in-page links in nested lists": (
        "page",
        lambda: _article(
            body='<div class="toc"><p>Съдържание</p><ul>'
            + "".join(
                f'<li><a href="#s{i}">Раздел {i}</a><ul>'
                + "".join(f'<li><a href="#s{j}">Раздел {j}</a></li>' for j in range(i + 1, i + 50))
                + "</ul></li>"
                for i in range(0, 12_500, 50)
            )
            + "</ul></div>"
            + "".join(f'<h2 id="s{i}">Раздел {i}</h2><p>текст</p>' for i in range(12_500))
        ),
        "5.97",
    ),
    "toc: 6,250 two-link lists in one box": (
        "page",
        lambda: _article(
            body='<div class="toc">'
            + "".join(
                f'<ul><li><a href="#s{2 * i}">а</a></li><li><a href="#s{2 * i + 1}">б</a></li></ul>'
                for i in range(6_250)
            )
            + "</div>"
            + "".join(f'<h2 id="s{i}">Р</h2>' for i in range(12_500))
        ),
        "4.43",
    ),
    # each of 256 levels' lists read whole, 1.2-4.6 s; now those in six lists at most
    "toc: lists nested 1,000 deep": (
        "page",
        lambda: _article(
            body='<div class="toc">'
            + '<ul><li><a href="#s0">а</a><a href="#s1">б</a>' * 1_000
            + '</div><h2 id="s0">a</h2><h2 id="s1">b</h2>'
        ),
        "4.6",
    ),
    "posted-on-by: 5,000 nested <div>": (
        "page",
        lambda: _article(body=POSTED_ON * 5_000),
        "7.37 (1.8-3.6 before hostile156)",
    ),
    # (hostile156) ancestors of an element longer than a line not read; a line read once
    "posted-on-by: 1 MB, depth capped": (
        "page",
        lambda: _article(body=POSTED_ON * 14_000),
        "1.5-3.1",
    ),
    # a page of a line or two is asked whether it is a script's shell: each element's
    # words are gathered once from its children's (``shell._short_texts``), not each
    # element's text read whole
    "short page: 5,000 nested <div> lines": (
        "page",
        lambda: _short_page(POSTED_ON * 5_000),
        "8.1",
    ),
    "short page: 5,000 nested 'Зареждане…'": (
        "page",
        lambda: _short_page("<div>Зареждане на новината… още ред" * 5_000),
        "6.2",
    ),
    # past ``blocks._MARKS_NESTED_MAX`` furniture marks open, a box is not asked again
    # whether it is furniture (each asking read its subtree's text)
    "9,000 nested 'comments' boxes": (
        "page",
        lambda: _article(body='<div class="comments">Коментари (3)' * 9_000),
        "16.2",
    ),
    "9,000 nested 'post-meta' boxes": (
        "page",
        lambda: _article(body='<div class="post-meta">Публикувано: 12.03.2025' * 9_000),
        "14.9",
    ),
    # (hostile156) the first ``published._TOOLTIPS_READ`` tooltips read by each rule
    "tooltip: 25,000 relative spans": (
        "page",
        lambda: _article(
            body='<span title="27.11.2030 08:17">преди 3 часа</span>' * 25_000
        ).replace("<h1>Бюджет 2025</h1>", "<h1>Бюджет 2025</h1><div>преди 3 часа</div>"),
        "2.2",
    ),
    # every line a date line, each dropped from the text's head in turn: each drop copied
    # the lines left (``pipeline._trim_head``), quadratic: 200,000 such lines took 212 s
    "40,000 date lines opening the text": (
        "page",
        lambda: f"<html><body>{'<p>Община Русе 12.03.2025 г.</p>' * 40_000}</body></html>",
        "6.9",
    ),
    "live blog: 25,000 stamped paragraphs": (
        "page",
        lambda: _article(
            body="".join(
                f"<p>{(25_000 - i) // 60 % 24:02d}:{(25_000 - i) % 60:02d} Кметът откри.</p>"
                for i in range(25_000)
            )
        ).replace("<h1>Бюджет 2025</h1>", "<h1>Бюджет 2025</h1><p>27.11.2026</p>"),
        "",
    ),
    "Nuxt 2 payload of 0.8 MB": (
        "page",
        lambda: (
            "<html><head><meta charset=utf-8><title>Бюджет</title></head><body>"
            f'<div id="__nuxt"><article><h1>Бюджет</h1><p>{PROSE.strip()}</p></article></div>'
            '<script>window.__NUXT__=(function(a,b){return {data:[{title:"Бюджет",body:"'
            + PROSE.strip()
            + '"},'
            + ",".join(f'{{t:"заглавие {i}",b:"текст {i}",c:[a,b,{i}]}}' for i in range(12_500))
            + "]}}(1,2));</script></body></html>"
        ),
        "",
    ),
    "listing: 2,500 cards, 1,250 signatures": (
        "listing",
        lambda: (
            "<html><body>"
            + "".join(
                f'<div class="c{i // 2}"><div class="card"><a href="/news/{i}">Новина номер'
                f" {i} за общината</a><span>27.11.2026</span></div></div>"
                for i in range(2_500)
            )
            + "</body></html>"
        ),
        "",
    ),
    # a page's links past ``anchors.MAX_LINKS`` are not read
    "listing of 100,000 links": (
        "listing",
        lambda: _article(body="".join(f'<a href="/t/{i}">т{i}</a>' for i in range(100_000))),
        "3.9-9",
    ),
    # repeats count toward a sitemap's 50,000 entries
    "sitemap: 1 URL 400,000 times": (
        "sitemap",
        lambda: (
            f"<urlset {_NEWS}>".encode()
            + b"<url><loc>https://x.bg/a</loc></url>" * 400_000
            + b"</urlset>"
        ),
        "1.0-3.0",
    ),
    # elements outside the entries past ``feeds._MAX_OUTSIDE`` end the read
    "sitemap: 10 MB of <loc>, no <url>": (
        "sitemap",
        lambda: f"<urlset {_NEWS}>".encode() + b"<loc>https://x.bg/a</loc>" * 420_000,
        "0.44-3.7",
    ),
    "sitemap: 10 MB of <loc> in one <url>": (
        "sitemap",
        lambda: f"<urlset {_NEWS}><url>".encode() + b"<loc>https://x.bg/a</loc>" * 420_000,
        "",
    ),
}


def _hostile_work(kind: str, data: str | bytes) -> Callable[[], object]:
    if kind == "sitemap":
        assert isinstance(data, bytes)
        return lambda: read_feed(data)
    assert isinstance(data, str)
    if kind == "listing":
        profile = Profile(id="x", name="X", origin="https://x.bg", article_pattern=r"^/news/\d+$")
        return lambda: article_links(data, "https://x.bg/", profile)
    return lambda: extract(data, "https://x.bg/news/1", today=TODAY)


def hostile_table() -> None:
    """Each shape whole: seconds now (best of three) beside those before it was bounded."""
    print(f"\n{'hostile shape':<36} {'kind':<8} {'MB':>5} {'seconds':>8}  before")
    for shape, (kind, make, before) in HOSTILE.items():
        data = make()
        took = seconds(_hostile_work(kind, data))
        size = len(data if isinstance(data, bytes) else data.encode()) / MB
        print(f"{shape:<36} {kind:<8} {size:>5.1f} {took:>8.3f}  {before or '-'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", action="store_true", help="the hostile shapes' table alone")
    if parser.parse_args().shapes:
        hostile_table()
        return 0
    from tests.test_extract_hostile import FURNITURE, NESTED

    print(f"{'parse: nested shape':<24} " + " ".join(f"{n:>8,} deep  ratio" for n in SIZES))
    worst = 0.0
    for shape, make in NESTED.items():
        cells = []
        for n in SIZES:
            page = f"<html><body><h1>Бюджет</h1>{make(n)}</body></html>"
            flat = "<div></div>" * (page.count("<") // 2)
            took = seconds(lambda page=page: parse_html(page))
            ratio = took / max(seconds(lambda flat=flat: parse_html(flat)), 1e-6)
            cells.append(f"{took:>10.3f}s {ratio:>5.1f}")
            worst = max(worst, ratio)
        print(f"{shape:<24} " + " ".join(cells))
    counts = (300, 1500)
    print(f"\n{'extract: furniture boxes':<24} " + " ".join(f"{n:>8,} boxes  /box" for n in counts))
    for shape, (box, article) in FURNITURE.items():
        cells = []
        for n in counts:
            page = f"<html><body>{''.join(box(i) for i in range(n))}{article}</body></html>"
            took = seconds(lambda page=page: extract(page, "https://x.bg/news/1", today=TODAY))
            cells.append(f"{took:>10.3f}s {1000 * took / n:>5.2f}ms")
        print(f"{shape:<24} " + " ".join(cells))
    attributes_table()
    shapes_table()
    hostile_table()
    verdict = "met" if worst < 10 else "MISSED"
    print(f"\ntarget (every nested page parses within 10x a flat page of as many tags): {verdict}")
    return 0 if worst < 10 else 1


if __name__ == "__main__":
    sys.exit(main())
