"""A thirty-sixth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round35_mirrors`` does its
nine.

The mirrors (``tests/fixtures/make_mirrors_round36.py``): a pager linking a page past
the list's end, which answers ``404`` (hvoyna); a list paged only by a GET form asking
for the page's number, "Страница [1] от 3 [Отиди]" (tintyava); an AngularJS site routed
by hash-bangs whose server answers every address with the same empty shell, no
``_escaped_fragment_`` snapshot (edelvays); news reached only from the footer's "Архив",
a tree of years and months with no pager (mayoran). Each site with articles must archive
exactly them with the true title, date and body, and a rerun right after must cost at
most three requests; the shell must end the crawl with a one-line reason.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from newsarchive.discover.shell import script_shell
from newsarchive.markup import parse_html
from newsarchive.mirror import MirrorServer

from .mirror_sites import (
    FirstCrawl,
    article_rows,
    bare_crawl_twice,
    bare_profile,
    check_bare_crawl,
)
from .support import SITES, Result

ROUND36_SITES = {
    # "Следваща »" on the last page too, to ?page=4, which answers 404
    "hvoyna": ("Община Хвойна", "https://hvoyna.bg"),
    # "Страница [1] от 3 [Отиди]": a GET form's number input, no page links
    "tintyava": ("Община Тинтява", "https://tintyava.bg"),
    # news only behind the footer's "Архив": /novini/ years, /novini/2026/ months
    "mayoran": ("Община Майоран", "https://www.mayoran.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND36_SITES))
def test_a_round36_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND36_SITES[site])


FIRST_CRAWLS = [
    # the page past the end asked once, its 404 the list's end (not an error, not a retry)
    FirstCrawl(
        "hvoyna",
        once=("/novini?page=2", "/novini?page=3", "/novini?page=4"),
        unasked=("/novini?page=5",),
        rows=8,
    ),
    # each page the form's number names, once
    FirstCrawl("tintyava", once=("/novini?stranitsa=2", "/novini?stranitsa=3"), rows=8),
    # every month of every year walked, once
    FirstCrawl(
        "mayoran",
        once=("/novini/", "/novini/2026/11/", "/novini/2026/10/", "/novini/2025/12/"),
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round36_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND36_SITES[site])
    expected.check(first, db)


def test_a_hash_bang_site_serving_no_snapshot_ends_its_crawl_saying_why(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """edelvays answers every address, ``?_escaped_fragment_=`` too, with one AngularJS
    shell. The crawl failed "found no feed, sitemap or listing of news …: not a news
    site, or one that needs a profile", sending a person to write a profile that cannot
    help; it says the site is drawn by JavaScript, in one line, and archives nothing.
    The view asked as its snapshot answered the shell: no /rss, /feed, /rss.xml or
    /sitemap.xml guessed (7 requests every run, as a failed exploration is tried again
    each run; now 3). add-site refuses it for the same reason."""
    profile = bare_profile(tmp_path, "edelvays", "Община Еделвайс", "https://edelvays.bg")
    with MirrorServer(SITES / "edelvays") as server:
        args = ("--base-url", server.url, "--delay", "0")
        crawl = ("crawl", "edelvays", "--profile", str(profile), *args, "--db", str(db))
        done = run_cli(*crawl)
        first = list(server.requests)
        again = run_cli(*crawl)
        refused = run_cli("add-site", "https://edelvays.bg", *args)
    assert first == ["/robots.txt", "/", "/?_escaped_fragment_=/novini"], first
    assert again.exit_code == 1 and again.stderr == done.stderr
    assert done.exit_code == 1, done.stderr
    (line,) = done.stderr.splitlines()
    assert "drawn by JavaScript" in line and "no HTML snapshot" in line, line
    assert "needs a profile" not in line and "Traceback" not in done.stderr
    assert article_rows(db) == {}
    assert refused.exit_code == 2 and "drawn by JavaScript" in refused.stderr, refused.stderr
    assert len(refused.stderr.splitlines()) == 1, refused.stderr


@pytest.mark.parametrize(
    ("body", "shell"),
    [
        ('<div ng-app="a"><div ng-view><p>Зареждане…</p></div></div>', True),
        ("<app-root></app-root><noscript>Моля, включете JavaScript.</noscript>", True),
        ('<div id="app"></div><script>window.__DATA__ = {"a": 1}</script>', True),
        # a server-drawn page mounting a script beside its news: no shell
        ('<div id="app"><h1>Новини</h1>' + "<p>Обявен е нов конкурс.</p>" * 12 + "</div>", False),
        # a page of few words and no framework's mount: a short page, not a shell
        ("<h1>Община</h1><p>Добре дошли.</p>", False),
    ],
)  # fmt: skip
def test_a_script_shell_is_a_mount_point_and_few_words(body: str, shell: bool) -> None:
    tree = parse_html(f"<html><head><title>Община</title></head><body>{body}</body></html>")
    assert bool(script_shell(tree)) is shell


def _mayoran_of_months(tmp_path: Path, december_at: str, *, empty: Iterable[str] = ()) -> Path:
    """A copy of mayoran whose month pages link no month before them (their "« Октомври
    2026" taken out), its December 2025 served as the month ``december_at`` (``2026/08``,
    ``2026/9``: a gap before it, or months spelled in one digit), and each month of
    ``empty`` a page of its own saying it holds no news."""
    root = tmp_path / "mayoran"
    shutil.copytree(SITES / "mayoran", root)
    for page in (root / "novini").glob("*/*/index.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r'<p class="month-nav">.*?</p>', "", text), encoding="utf-8")
    (root / "novini" / december_at).mkdir(parents=True, exist_ok=True)
    (root / "novini" / "2025" / "12" / "index.html").rename(
        root / "novini" / december_at / "index.html"
    )
    for month in empty:  # (after December moved: its own folder may be one of them)
        year, number = month.split("/")
        (root / "novini" / month).mkdir(parents=True, exist_ok=True)
        (root / "novini" / month / "index.html").write_text(
            _NO_NEWS.format(month=f"{int(number):02d}.{year}"), encoding="utf-8"
        )
    return root


def _crawl_mayoran(
    run_cli: Callable[..., Result], root: Path, db: Path, tmp_path: Path
) -> list[str]:
    """The paths a crawl of the copy ``root`` asked, in order, by a profile starting at
    its newest month (so that only the walk by the months' addresses reaches the rest)."""
    _, origin = ROUND36_SITES["mayoran"]
    profile = tmp_path / "mayoran.toml"
    profile.write_text(
        f'id = "mayoran"\nname = "М"\norigin = "{origin}"\n[discovery]\n'
        'start_urls = ["/novini/2026/11/"]\n'
        'article_pattern = "^/novini/\\\\d{4}/\\\\d{2}/\\\\d+-"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "mayoran", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return list(server.requests)


def test_an_archive_month_linking_no_month_before_it_is_walked_on_by_its_address(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """mayoran with its months' "« Октомври 2026" links taken out, and its December 2025
    moved to August 2026 (a gap of September): the walk stopped at the listing, the
    newest month, which linked no month before it (5 of 8 articles). By the address it
    goes on to the month before, past the missing September, and ends after
    ``MISSED_MONTHS`` missing ones in a row: the archive's first month is its end."""
    root = _mayoran_of_months(tmp_path, "2026/08")
    requests = _crawl_mayoran(run_cli, root, db, tmp_path)
    months = [p for p in requests if re.fullmatch(r"/novini/\d{4}/\d{2}/", p)]
    assert months == [f"/novini/2026/{m:02d}/" for m in range(11, 4, -1)]
    assert len(article_rows(db)) == 8


_NO_NEWS = """<!DOCTYPE html>
<html lang="bg">
<head><meta charset="utf-8"><title>Архив {month} – Община Майоран</title></head>
<body>
<div id="header"><a class="logo" href="/">Община Майоран</a></div>
<div id="content"><p class="crumbs"><a href="/">Начало</a> › <a href="/novini/">Архив</a>
› {month}</p><h1>{month}</h1><p>През този месец не са публикувани новини.</p></div>
<div id="footer"><p>© 2026 Община Майоран.</p></div>
</body>
</html>
"""


def test_an_archive_month_answering_200_with_no_news_is_stepped_over_and_the_walk_ends(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """As above, but September answers ``200`` with a page of its own saying it holds no
    news (not 404), and so does every month before August, back to 2020, as a CMS
    answering any month does: the empty September is a gap, stepped over to August,
    whose two articles are archived; the empty months before it end the walk after
    ``MISSED_MONTHS`` in a row (July, June, May), not one request per month to 2020."""
    empty = [
        f"{year}/{month:02d}"
        for year in range(2020, 2027)
        for month in range(1, 13)
        if (year, month) < (2026, 10) and (year, month) != (2026, 8)
    ]
    root = _mayoran_of_months(tmp_path, "2026/08", empty=empty)
    requests = _crawl_mayoran(run_cli, root, db, tmp_path)
    months = [p for p in requests if re.fullmatch(r"/novini/\d{4}/\d{2}/", p)]
    assert months == [f"/novini/2026/{m:02d}/" for m in range(11, 4, -1)]
    assert len(article_rows(db)) == 8
    # robots.txt, the months, the articles: no /2026/9/, a /09/ that answered (holding
    # nothing) being the site's spelling (``MonthSteps`` respells a gone one only)
    assert len(requests) == 1 + 7 + 8, requests
    assert "/novini/2026/9/" not in requests


def test_an_archive_of_months_in_one_digit_is_walked_past_october_in_its_spelling(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """mayoran with its months' links taken out, its December 2025 moved to September
    2026 and spelled as the site spells its months, in one digit (``/novini/2026/9/``,
    no ``/09/``): from October the walk guessed ``/09/`` (how most archives spell it),
    met a 404, and went on to ``/08/``, ``/07/`` and its end, September's two articles
    never archived. Its ``/09/`` missing, it asks ``/9/``, and goes on in one digit."""
    root = _mayoran_of_months(tmp_path, "2026/9")
    requests = _crawl_mayoran(run_cli, root, db, tmp_path)
    months = [p for p in requests if re.fullmatch(r"/novini/\d{4}/\d{1,2}/", p)]
    assert months == [
        "/novini/2026/11/", "/novini/2026/10/", "/novini/2026/09/", "/novini/2026/9/",
        "/novini/2026/8/", "/novini/2026/7/", "/novini/2026/6/",
    ]  # fmt: skip
    assert len(article_rows(db)) == 8


def test_september_asked_in_both_spellings_is_one_missed_month_not_two(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """mayoran with its months' links taken out and its December 2025 moved to July 2026,
    in two digits as the site spells its months: September and August missing, a gap of
    two months. The walk asks September as ``/09/`` and ``/9/`` (``MonthSteps``), one
    month (``walk.Respelled``); counted as two, the walk ended at August, three missing,
    July's two articles never asked (measured: 6 of 8 archived, the months asked 11, 10,
    09, 9, 08). Now it goes on to July and ends after June, May and April."""
    root = _mayoran_of_months(tmp_path, "2026/07")
    requests = _crawl_mayoran(run_cli, root, db, tmp_path)
    months = [p for p in requests if re.fullmatch(r"/novini/\d{4}/\d{1,2}/", p)]
    assert months == [
        "/novini/2026/11/", "/novini/2026/10/", "/novini/2026/09/", "/novini/2026/9/",
        "/novini/2026/08/", "/novini/2026/07/", "/novini/2026/06/", "/novini/2026/05/",
        "/novini/2026/04/",
    ]  # fmt: skip
    assert len(article_rows(db)) == 8


def test_a_september_in_one_digit_that_answered_with_no_news_keeps_the_walk_in_one_digit(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """mayoran with its months' links taken out, its months spelled in one digit: an
    empty ``/novini/2026/9/`` (a page of no news) and its December 2025 moved to
    ``/novini/2026/8/``. ``/09/`` missing, the walk asks ``/9/``, which answers: the
    site spells its months in one digit, so on to ``/8/``. Measured before: on to
    ``/08/`` as if ``/9/`` were missing too, a 404, then ``/07/``, the end, August's two
    articles never archived (6 of 8)."""
    root = _mayoran_of_months(tmp_path, "2026/8", empty=["2026/9"])
    requests = _crawl_mayoran(run_cli, root, db, tmp_path)
    months = [p for p in requests if re.fullmatch(r"/novini/\d{4}/\d{1,2}/", p)]
    assert months == [
        "/novini/2026/11/", "/novini/2026/10/", "/novini/2026/09/", "/novini/2026/9/",
        "/novini/2026/8/", "/novini/2026/7/", "/novini/2026/6/", "/novini/2026/5/",
    ]  # fmt: skip
    assert len(article_rows(db)) == 8
