"""A board of notices whose rows are mostly files is still a list of news.

round 51's ``veleka`` lists six rows a page, three of them HTML notices: enough for a
list. Real boards are often mostly files: here the same board is rebuilt four rows a
page, two HTML notices among two files (``.pdf``/``.doc``/...), dated alike, paged
``?str=N``. The rows linking files are evidence the table is a list of dated items; the
notices must be read, and no file asked. A "Документи" page of files alone (no HTML
row) must not be taken for news: nothing of it is archived or asked.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

from newsarchive.discover.explore import is_listing
from newsarchive.discover.listings import news_items
from newsarchive.models import Profile

from .mirror_sites import article_rows, mirror_crawls, site_json
from .support import SITES, Result

_ROW = re.compile(r"<tr><td class=\"data\">.*?</tr>")
_TBODY = re.compile(r"<tbody>\n.*?\n</tbody>", re.S)
_PAGER = re.compile(r'<div class="pagination">.*?</div>')
_MENU = '<a href="/kontakti">Контакти</a>'
_EXTRA_FILES = [
    '<tr><td class="data">{day}</td><td><a href="/files/pravilnik-{n}.pdf">'
    "Правилник за реда в селото, част {n}</a></td><td>Документ (PDF)</td></tr>",
]


def _at(k: int) -> str:
    return "/obyavi" if k == 1 else f"/obyavi?str={k}"


def _pager(n: int, count: int) -> str:
    numbers = " ".join(
        f'<span class="current">{k}</span>' if k == n else f'<a href="{_at(k)}">{k}</a>'
        for k in range(1, count + 1)
    )
    nxt = f' <a href="{_at(n + 1)}">Следваща »</a>' if n < count else ""
    return f'<div class="pagination">{numbers}{nxt}</div>'


def _day(row: str) -> str:
    found = re.search(r'class="data">([^<]+)<', row)
    assert found
    return found[1]


def _mostly_files(root: Path) -> None:
    """veleka's board rebuilt four rows a page, "notice, file, file, notice", and a
    "Документи" page of files alone linked from every page's menu."""
    originals = [root / "obyavi.html", root / "obyavi@str=2.html", root / "obyavi@str=3.html"]
    rows = [row for page in originals for row in _ROW.findall(page.read_text(encoding="utf-8"))]
    notices = [row for row in rows if 'href="/obyavi/' in row]
    files = [row for row in rows if 'href="/files/' in row]
    template = originals[0].read_text(encoding="utf-8")
    for page in originals[1:]:
        page.unlink()
    pairs = [notices[i : i + 2] for i in range(0, len(notices), 2)]
    extra = 0
    pages: list[list[str]] = []
    for pair in pairs:
        shown: list[str] = []
        for _ in range(2):
            if files:
                shown.append(files.pop(0))
            else:
                extra += 1
                shown.append(_EXTRA_FILES[0].format(day=_day(pair[-1]), n=extra))
        pages.append([pair[0], *shown, *pair[1:]])
    for n, shown in enumerate(pages, 1):
        body, pager = "<tbody>\n" + "\n".join(shown) + "\n</tbody>", _pager(n, len(pages))
        html = _PAGER.sub(lambda _, p=pager: p, _TBODY.sub(lambda _, b=body: b, template))
        (root / ("obyavi.html" if n == 1 else f"obyavi@str={n}.html")).write_text(
            html, encoding="utf-8"
        )
    downloads = [_EXTRA_FILES[0].format(day=f"{10 + k}.11.2026", n=100 + k) for k in range(6)]
    html = _TBODY.sub(lambda _: "<tbody>\n" + "\n".join(downloads) + "\n</tbody>", template)
    html = _PAGER.sub("", html).replace("Обяви и съобщения</h1>", "Документи</h1>")
    (root / "dokumenti.html").write_text(html, encoding="utf-8")
    for page in root.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(
            text.replace(_MENU, f'{_MENU} <a href="/dokumenti">Документи</a>'), encoding="utf-8"
        )


def test_a_board_of_two_notices_among_four_rows_a_page_is_read_whole(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "veleka"
    shutil.copytree(SITES / "veleka", root)
    _mostly_files(root)
    assert len(list(root.glob("obyavi*.html"))) == 5
    (tmp_path / "crawl").mkdir()
    with mirror_crawls(
        run_cli, db, tmp_path / "crawl", "veleka", "Кметство Велека", "https://veleka.bg", root=root
    ) as crawls:
        first = crawls.crawl()
    expected = {row["url"] for row in site_json("veleka", "expected.json")}
    assert sorted(article_rows(db)) == sorted(expected), first
    assert not [path for path in first if path.startswith("/files/")], first
    assert "/dokumenti" not in {url.removeprefix("https://veleka.bg") for url in article_rows(db)}


def _board(rows: list[tuple[str, str]]) -> str:
    body = "".join(
        f'<tr><td class="data">1{k}.11.2026</td><td><a href="{href}">{title}</a></td></tr>'
        for k, (href, title) in enumerate(rows)
    )
    table = f'<table class="obyavi"><tbody>{body}</tbody></table>'
    return f"<html><body><main>{table}</main></body></html>"


def test_file_rows_make_two_notices_a_list_but_never_one_or_none() -> None:
    """Two dated HTML notices among dated document rows are a list; one HTML link among
    documents (a downloads page's "how to apply") or documents alone are not."""
    profile = Profile(id="x", name="X", origin="https://x.bg")
    files = [(f"/files/zapoved-{k}.pdf", f"Заповед номер {k} за реда в селото") for k in range(4)]
    notices = [(f"/obyavi/{k}-sabitie", f"Съобщение за събитие в селото номер {k}") for k in (1, 2)]
    two = news_items(_board([notices[0], *files[:2], notices[1]]), "https://x.bg/obyavi", profile)
    assert len(two.cards) == 2 and two.files == 2 and is_listing(two)
    one = news_items(_board([notices[0], *files]), "https://x.bg/dokumenti", profile)
    assert not is_listing(one)
    none = news_items(_board(files), "https://x.bg/dokumenti", profile)
    assert not none.cards and not is_listing(none)
