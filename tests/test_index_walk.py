"""An INDEX page walked as a list of lists (``discover.index_pages``, ``ListingWalk``): a
paper's list of its issues, or an archive calendar's month grid of the days an issue came
out, lists no article itself; each entry's page lists that issue's articles and links no
other. The walk reads the entries newest first, then the index before (the calendar's
month before), and a nightly run stops at the first entry it knows whole. A municipality's
"Архив" of decisions by year (PDFs) is no such index and stays unread.

Small sites written here (our own words), served from a folder by ``MirrorServer``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.archive.connection import connect
from newsarchive.archive.frontier import Frontier
from newsarchive.discover.index_pages import index_of
from newsarchive.discover.next_pages import listing_walk
from newsarchive.discover.pager_words import issue_option
from newsarchive.discover.walk import Listed, ListingWalk, Seen, Stop, WalkState

from .mirror_sites import mirror_crawls
from .support import Result

MONTHS = {11: "ноември", 12: "декември", 10: "октомври"}


def _page(title: str, main: str, menu: str) -> str:
    return (
        '<!DOCTYPE html>\n<html lang="bg"><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body>"
        f'<header><a class="logo" href="/">Речен бряг</a><nav><ul class="menu">{menu}</ul>'
        f'</nav></header><main class="content">{main}</main>'
        "<footer><p>© 2026 Вестник „Речен бряг“. Всички права запазени.</p></footer>"
        "</body></html>\n"
    )


def _article(slug: str, day: int, month: int, issue: str, menu: str) -> str:
    title = f"Читалището в село {slug.capitalize()} събра средства за нова сцена"
    body = "".join(
        f"<p>{text}</p>"
        for text in (
            f"Жителите на село {slug.capitalize()} събраха през есента пари за новата сцена"
            " на читалището, а общината добави останалата част от сумата.",
            "Майсторите започват работа след празниците и обещават сцената да е готова"
            " за пролетния концерт на самодейците.",
            "Председателят на читалището благодари на всички дарители и покани хората на"
            " откриването в края на март.",
        )
    )
    main = (
        f'<article><p class="issue">{issue}, <time datetime="2026-{month:02d}-{day:02d}">'
        f"{day} {MONTHS[month]} 2026</time></p><h1>{title}</h1>"
        f'<div class="text">{body}</div></article>'
    )
    return _page(title, main, menu)


def _at(slug: str) -> str:
    """An article's address."""
    return f"/statia/{slug}-nova-stsena"


def _write(root: Path, pages: dict[str, str]) -> None:
    """Each page where ``MirrorServer`` serves its path from: a folder's ``index.html``."""
    for path, html in pages.items():
        name = path.strip("/")
        target = root / name / "index.html" if path.endswith("/") else root / f"{name}.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


ISSUES_MENU = (
    '<li><a href="/">Начало</a></li><li><a href="/stari-broeve">Стари броеве</a></li>'
    '<li><a href="/abonament">Абонамент</a></li><li><a href="/kontakti">Контакти</a></li>'
)
# issue number, day, month, its two articles' slugs
ISSUES = [
    (12, 4, 12, ("brezovo", "lyaskovo")),
    (11, 20, 11, ("orehovo", "kamenets")),
    (10, 6, 11, ("dabovo", "yasen")),
    (9, 23, 10, ("topola", "vrabevo")),
]


def _issue_site(root: Path, issues: list[tuple[int, int, int, tuple[str, ...]]]) -> None:
    """A monthly filed by issue: ``/stari-broeve`` lists the issues ("Брой 12 – 4
    декември 2026"), each issue's page its articles and no other issue."""
    pages: dict[str, str] = {}
    links = []
    for number, day, month, slugs in issues:
        label = f"Брой {number} – {day} {MONTHS[month]} 2026"
        links.append(f'<li><a href="/broy/{number}-2026">{label}</a></li>')
        cards = "".join(
            f'<li><a href="{_at(slug)}">Новата сцена в село {slug.capitalize()}</a></li>'
            for slug in slugs
        )
        pages[f"/broy/{number}-2026"] = _page(
            label, f'<h1>{label}</h1><ul class="statii">{cards}</ul>', ISSUES_MENU
        )
        for slug in slugs:
            pages[_at(slug)] = _article(slug, day, month, f"Брой {number}", ISSUES_MENU)
    pages["/stari-broeve"] = _page(
        "Стари броеве", f'<h1>Стари броеве</h1><ul class="broeve">{"".join(links)}</ul>',
        ISSUES_MENU,
    )  # fmt: skip
    pages["/"] = _page("Речен бряг", "<p>Добре дошли.</p>", ISSUES_MENU)
    _write(root, pages)


def _archived(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        return {
            url.split("/statia/")[-1].removesuffix("-nova-stsena")
            for (url,) in conn.execute("SELECT url FROM articles")
        }


def _profile(tmp_path: Path, start: str) -> Path:
    profile = tmp_path / "rechenbryag.toml"
    profile.write_text(
        'id = "rechenbryag"\nname = "Речен бряг"\norigin = "https://rechenbryag.bg"\n'
        f'\n[discovery]\nstart_urls = ["{start}"]\n',
        encoding="utf-8",
    )
    return profile


def test_issue_option_reads_a_day_in_words() -> None:
    assert issue_option("Брой 23 (587), 1 декември 2026") == 20261201
    assert issue_option("Брой 12 – 4 декември 2026") == 20261204
    assert issue_option("Брой 46 (1235) – 26.11.2026") == 20261126  # (as before)
    assert issue_option("Решения 2025") is None
    assert issue_option("2025") is None


def test_an_index_of_issues_and_a_month_grid_are_told_from_other_pages(tmp_path: Path) -> None:
    _issue_site(tmp_path, ISSUES)
    index = (tmp_path / "stari-broeve.html").read_text(encoding="utf-8")
    found = index_of(LexborHTMLParser(index), "https://rechenbryag.bg/stari-broeve")
    assert found is not None
    assert [url.rsplit("/", 1)[1] for url in found.entries] == [
        "12-2026", "11-2026", "10-2026", "9-2026",
    ]  # fmt: skip
    # two issues are a box of the latest, no index
    two = index.replace('<li><a href="/broy/10-2026">', '<li><a href="/za-nas">')
    two = two.replace('<li><a href="/broy/9-2026">', '<li><a href="/kontakti">')
    assert index_of(LexborHTMLParser(two), "https://rechenbryag.bg/stari-broeve") is None
    grid = _month_grid(2026, 11, [6, 20], older="/arhiv/2026/10/")
    month = index_of(LexborHTMLParser(grid), "https://rechenbryag.bg/arhiv/2026/11/")
    assert month is not None
    assert month.entries == (
        "https://rechenbryag.bg/arhiv/2026/11/20/",
        "https://rechenbryag.bg/arhiv/2026/11/06/",
    )
    assert month.older == "https://rechenbryag.bg/arhiv/2026/10/"
    # a blog's posts, each with its date linked to it, are no issues
    posts = "".join(
        f'<article><h2><a href="/?p={n}">Концерт {n}</a></h2>'
        f'<a href="/?p={n}"><time>{n} декември 2026</time></a></article>'
        for n in (11, 9, 4)
    )
    blog = _page("Концерти", posts, ISSUES_MENU)
    assert index_of(LexborHTMLParser(blog), "https://rechenbryag.bg/?cat=3") is None
    # a day's link outside a grid of the month's days (a sidebar's) is none
    lone = _page("Х", '<p><a href="/arhiv/2026/11/20/">20</a></p>', ISSUES_MENU)
    assert index_of(LexborHTMLParser(lone), "https://rechenbryag.bg/") is None


def test_the_walk_reads_an_index_s_entries_newest_first_then_stops_at_a_known_one() -> None:
    entries = ["https://x.bg/b/3", "https://x.bg/b/2", "https://x.bg/b/1"]
    walk = ListingWalk("https://x.bg/b", WalkState())
    assert walk.page() == ("https://x.bg/b", 1)
    assert walk.listed(Listed(None, [], entries=entries)) is None
    read = []
    while (step := walk.page()) is not None:
        read.append(step)
        walk.listed(Listed("https://x.bg/elsewhere", [Seen.NEW], items=[f"{step[0]}/a"]))
    assert read == [(url, n) for n, url in enumerate(entries, start=2)]
    assert walk.stop is Stop.END and walk.state.completed
    # the next night: the newest entry known whole ends the walk there
    nightly = ListingWalk("https://x.bg/b", walk.state)
    nightly.listed(Listed(None, [], entries=entries))
    assert nightly.page() == ("https://x.bg/b/3", 2)
    assert nightly.listed(Listed(None, [Seen.KNOWN], items=["https://x.bg/b/3/a"])) is Stop.KNOWN
    assert nightly.page() is None


def _entries_walk(state: WalkState | None = None) -> tuple[ListingWalk, list[str]]:
    """The crawl's walk (``next_pages.listing_walk``) of a K2 list of three issues, the
    index read: the walk and the entries, newest first."""
    entries = [f"https://x.bg/broeve/itemlist/category/{n}-broy-{n}" for n in (23, 22, 21)]
    walk = listing_walk("https://x.bg/broeve", state or WalkState())
    assert walk.page() == ("https://x.bg/broeve", 1)
    assert walk.listed(Listed(None, [], entries=entries)) is None
    return walk, entries


def _read(walk: ListingWalk, pages: dict[str, tuple[str | None, list[str]]]) -> list[str]:
    """The walk on to its end, each page listing its articles (all new) and its "next"
    link as ``pages`` says; the pages read, in order."""
    read = []
    while (step := walk.page()) is not None:
        url = step[0]
        read.append(url)
        following, items = pages[url]
        walk.listed(Listed(following, [Seen.NEW] * len(items), items=items))
    return read


def test_an_issue_s_own_later_pages_are_read_before_the_next_issue() -> None:
    """An issue of twelve articles on K2's pages of ten: its "Следваща" leads to
    ``?start=10``, its last two. Read before the issue after it, then that one's (a
    later page listing only what the first did, a server answering any number alike,
    ends its issue, not the walk); an issue's "next" link to another issue (the one
    before, skipping none) is no pager of its own: the index's order is kept.
    Before: every entry's own "next" link was passed over, ``?start=10`` never read."""
    walk, (newest, middle, oldest) = _entries_walk()
    items = {url: [f"{url}/item-{k}" for k in range(3)] for url in (newest, middle, oldest)}
    pages = {
        newest: (f"{newest}?start=10", items[newest]),
        f"{newest}?start=10": (f"{newest}?start=20", [f"{newest}/item-10"]),
        f"{newest}?start=20": (f"{newest}?start=30", [f"{newest}/item-10"]),  # (again)
        middle: (oldest.replace("21", "20"), items[middle]),  # (the issue before's)
        oldest: (None, items[oldest]),
    }
    assert _read(walk, pages) == [
        newest, f"{newest}?start=10", f"{newest}?start=20", middle, oldest,
    ]  # fmt: skip
    assert walk.stop is Stop.END and walk.state.completed


def test_a_first_crawl_stopped_inside_an_issue_s_later_pages_resumes_there() -> None:
    """The run before stopped at the newest issue's ``?start=20`` (page 4 of the walk):
    this one, finding the issue's first page known, goes on from there, that page
    taken for the issue's own (its pager ending, the walk goes on to the issues after
    it, not to its end)."""
    _, (newest, middle, oldest) = _entries_walk()
    later = f"{newest}?start=20"
    walk, _ = _entries_walk(WalkState(resume_url=later, resume_page=4))
    assert walk.page() == (newest, 2)
    assert walk.listed(Listed(f"{newest}?start=10", [Seen.KNOWN], items=[f"{newest}/a"])) is None
    pages = {
        later: (None, [f"{newest}/c"]),
        middle: (None, [f"{middle}/a"]),
        oldest: (None, [f"{oldest}/a"]),
    }
    assert _read(walk, pages) == [later, middle, oldest]
    assert walk.stop is Stop.END and walk.state.completed


def test_a_first_crawl_stopped_in_the_month_before_reads_on_from_there() -> None:
    """A calendar's walk cut by the run's budget inside November, the month before the
    first grid: the next run goes entry by entry (a request each, known) to November's
    grid and jumps from there to where the cut was, then reads on into October.
    Before: it jumped from December's first day straight to November's day, read it as
    a page of no index, linking nothing, and ended there, completed: November's older
    days and October never read, by that run or any after it. Nor does it read
    November's newest day again on the way (``ListingWalk._heading``): the cut run read
    it, as it read every page a jump passes over."""
    x = "https://x.bg/arhiv/2026"
    months = {
        f"{x}/12/": ([f"{x}/12/04/", f"{x}/12/01/"], f"{x}/11/"),
        f"{x}/11/": ([f"{x}/11/27/", f"{x}/11/20/", f"{x}/11/13/"], f"{x}/10/"),
        f"{x}/10/": ([f"{x}/10/30/"], None),
    }
    known: set[str] = set()

    def crawl(state: WalkState, budget: int = 0) -> tuple[ListingWalk, list[str]]:
        walk = listing_walk(f"{x}/12/", state)
        read: list[str] = []
        while (step := walk.page()) is not None and not (budget and len(read) == budget):
            url = step[0]
            read.append(url.removeprefix(x))
            if url in months:
                walk.listed(Listed(months[url][1], [], entries=months[url][0]))
                continue
            walk.listed(Listed(None, [Seen.KNOWN if url in known else Seen.NEW], items=[url]))
            known.add(url)
        return walk, read

    cut, read = crawl(WalkState(), budget=6)
    assert read[-1] == "/11/20/" and cut.state.resume_url == f"{x}/11/13/"
    walk, read = crawl(cut.state)
    assert read == ["/12/", "/12/04/", "/12/01/", "/11/", "/11/13/", "/10/", "/10/30/"]
    assert walk.stop is Stop.END and walk.state.completed


def test_a_first_crawl_cut_in_its_index_s_oldest_month_reads_the_index_not_past_it() -> None:
    """A list of the newest few whose older news are on its archive's months' pages,
    linked from an index of three (``/arhiv``: December, November, October), the first
    crawl cut while reading October: the next run, page 1 known, reads the index again
    (one request) and jumps to October as its entry, the index's last, and ends there.
    Before: it jumped from page 1 straight to October, read it as a page of no index,
    and went on by its address to September (composed cut seed 60 at 19), August, July,
    404s, until ``MISSED_MONTHS`` ended it: four requests past the archive's start."""
    x = "https://x.bg"
    months = [f"{x}/arhiv/2026-{m}" for m in (12, 11, 10)]
    # (what the crawl reads as each month's next page: the month before by its address)
    before = {f"{x}/arhiv/2026-{m}": f"{x}/arhiv/2026-{m - 1:02d}" for m in (12, 11, 10)}
    known: set[str] = set()

    def crawl(state: WalkState, budget: int = 0) -> tuple[ListingWalk, list[str]]:
        walk = listing_walk(f"{x}/", state)
        read: list[str] = []
        while (step := walk.page()) is not None and not (budget and len(read) == budget):
            url = step[0]
            read.append(url.removeprefix(x))
            if url == f"{x}/arhiv":
                walk.listed(Listed(None, [], entries=months))
            elif url == f"{x}/" or url in months:
                item = f"{url.rstrip('/')}/novina"
                seen = Seen.KNOWN if item in known else Seen.NEW
                walk.listed(Listed(before.get(url, f"{x}/arhiv"), [seen], items=[item]))
                known.add(item)
            else:
                walk.gone()
        return walk, read

    cut, read = crawl(WalkState(), budget=4)  # (cut as October is asked)
    assert read == ["/", "/arhiv", "/arhiv/2026-12", "/arhiv/2026-11"]
    assert cut.state.resume_url == months[-1]
    walk, read = crawl(cut.state)
    assert read == ["/", "/arhiv", "/arhiv/2026-10"]
    assert walk.stop is Stop.END and walk.state.completed


def test_a_walk_s_resume_index_is_kept_between_runs(tmp_path: Path) -> None:
    """The index a cut walk's resume point was an entry of is saved with it, for the run
    that resumes it (another process: ``WalkState.resume_index``)."""
    state = WalkState("https://x.bg/arhiv/2026-10", 5, resume_index="https://x.bg/arhiv")
    with closing(connect(tmp_path / "a.db", create=True)) as conn:
        Frontier(conn, "x").save_walk("https://x.bg/", state)
    with closing(connect(tmp_path / "a.db", create=False)) as conn:
        assert Frontier(conn, "x").walk("https://x.bg/") == state


def test_a_paper_s_list_of_issues_is_walked_issue_by_issue(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Before: /stari-broeve listed no article and ended the walk at its page 1 (0 of 8,
    2 requests)."""
    root = tmp_path / "site"
    _issue_site(root, ISSUES)
    with mirror_crawls(run_cli, db, tmp_path, "rechenbryag", "Речен бряг",
                       "https://rechenbryag.bg", root=root) as crawls:  # fmt: skip
        crawls.args = (*crawls.args[:3], str(_profile(tmp_path, "/stari-broeve")), *crawls.args[4:])
        first = crawls.crawl()
        assert _archived(db) == {slug for *_, slugs in ISSUES for slug in slugs}
        assert [p for p in first if p.startswith("/broy/")] == [
            "/broy/12-2026", "/broy/11-2026", "/broy/10-2026", "/broy/9-2026",
        ]  # fmt: skip
        nightly = crawls.crawl()
        assert not [p for p in nightly if p.startswith(("/broy/11", "/broy/10", "/broy/9"))]
        # a new issue: read, and the walk stops at the one after it, known whole
        _issue_site(root, [(13, 18, 12, ("gorno-pole", "dolno-pole")), *ISSUES])
        after = crawls.crawl()
        assert {"gorno-pole", "dolno-pole"} <= _archived(db)
        assert [p for p in after if p.startswith("/broy/")] == ["/broy/13-2026", "/broy/12-2026"]


def _month_grid(year: int, month: int, days: list[int], older: str | None = None) -> str:
    cells = [
        f'<td><a href="/arhiv/{year}/{month:02d}/{day:02d}/">{day}</a></td>'
        if day in days
        else f"<td>{day}</td>"
        for day in range(1, 31)
    ]
    rows = "".join(f"<tr>{''.join(cells[i : i + 7])}</tr>" for i in range(0, len(cells), 7))
    nav = f'<p class="nav"><a href="{older}">« По-стар месец</a></p>' if older else ""
    return _page(
        "Архив", f'<h1>Архив</h1><table class="kalendar">{rows}</table>{nav}', CALENDAR_MENU
    )


CALENDAR_MENU = (
    '<li><a href="/">Последен брой</a></li><li><a href="/arhiv/">Архив</a></li>'
    '<li><a href="/reklama/">Реклама</a></li><li><a href="/za-nas/">За нас</a></li>'
)
# (year, month) -> its issue days, each with its articles' slugs
CALENDAR = {
    (2026, 12): {4: ("sopot", "rila")},
    (2026, 11): {20: ("pirin", "vitosha"), 6: ("strandzha",)},
    (2026, 10): {23: ("sakar", "ostritsa")},
}


def _calendar_site(root: Path) -> None:
    """A weekly on a static site: the home shows the current issue's one article, the
    menu's "Архив" a grid of the month, linking the days an issue came out and the month
    before; a day's page lists its articles and shows no grid."""
    pages: dict[str, str] = {}
    months = sorted(CALENDAR, reverse=True)
    for k, (year, month) in enumerate(months):
        older = months[k + 1] if k + 1 < len(months) else None
        link = f"/arhiv/{older[0]}/{older[1]:02d}/" if older else None
        grid = _month_grid(year, month, list(CALENDAR[(year, month)]), link)
        pages[f"/arhiv/{year}/{month:02d}/"] = grid
        if k == 0:
            pages["/arhiv/"] = grid
        for day, slugs in CALENDAR[(year, month)].items():
            cards = "".join(
                f'<li><a href="{_at(slug)}">Сцена в село {slug.capitalize()}</a></li>'
                for slug in slugs
            )
            pages[f"/arhiv/{year}/{month:02d}/{day:02d}/"] = _page(
                "Брой", f"<h1>Броят от {day} {MONTHS[month]}</h1><ul>{cards}</ul>", CALENDAR_MENU
            )
            for slug in slugs:
                pages[_at(slug)] = _article(slug, day, month, "Брой", CALENDAR_MENU)
    pages["/"] = _page(
        "Речен бряг",
        f'<h1>Последен брой</h1><ul><li><a href="{_at("sopot")}">Сцена в Сопот</a></li></ul>',
        CALENDAR_MENU,
    )
    _write(root, pages)


def test_an_archive_calendar_the_menu_links_is_walked_day_by_day_month_by_month(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Before: the home's one article was no listing and "Архив" was never opened: the
    crawl found no feed, sitemap or listing (0 of 6)."""
    root = tmp_path / "site"
    _calendar_site(root)
    with mirror_crawls(run_cli, db, tmp_path, "rechenbryag", "Речен бряг",
                       "https://rechenbryag.bg", root=root) as crawls:  # fmt: skip
        first = crawls.crawl()
        assert _archived(db) == {
            slug for days in CALENDAR.values() for slugs in days.values() for slug in slugs
        }
        assert "/arhiv/2026/10/23/" in first
        nightly = crawls.crawl()
        assert not [p for p in nightly if p.startswith(("/arhiv/2026/11", "/arhiv/2026/10"))]


@pytest.mark.parametrize("start", ["/arhiv", None])
def test_a_municipality_s_archive_of_decisions_by_year_is_no_index(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, start: str | None
) -> None:
    """ "Архив" of a council's decisions: a page per year, each of PDFs. No list of
    issues nor a calendar: never walked, nothing archived from it."""
    menu = (
        '<li><a href="/">Начало</a></li><li><a href="/arhiv">Архив</a></li>'
        '<li><a href="/kontakti">Контакти</a></li>'
    )
    years = "".join(
        f'<li><a href="/arhiv/{year}">Решения {year}</a></li>' for year in (2026, 2025, 2024)
    )
    pages = {
        "/": _page("Община Речица", "<p>Добре дошли на сайта на общината.</p>", menu),
        "/arhiv": _page("Архив", f"<h1>Архив</h1><ul>{years}</ul>", menu),
    }
    for year in (2026, 2025, 2024):
        files = "".join(
            f'<li><a href="/files/reshenie-{year}-{n}.pdf">Решение № {n} от 12.03.{year}</a></li>'
            for n in range(1, 6)
        )
        pages[f"/arhiv/{year}"] = _page(f"Решения {year}", f"<ul>{files}</ul>", menu)
    root = tmp_path / "site"
    _write(root, pages)
    with mirror_crawls(run_cli, db, tmp_path, "rechitsa", "Община Речица",
                       "https://rechitsa.bg", root=root) as crawls:  # fmt: skip
        if start:
            profile = tmp_path / "rechitsa-start.toml"
            profile.write_text(
                'id = "rechitsa"\nname = "Община Речица"\norigin = "https://rechitsa.bg"\n'
                f'\n[discovery]\nstart_urls = ["{start}"]\n',
                encoding="utf-8",
            )
            crawls.args = (*crawls.args[:3], str(profile), *crawls.args[4:])
        done = run_cli(*crawls.args)
        requests = crawls.server.requests
    if start:
        assert done.exit_code == 0, done.stderr
    else:  # (nothing else on the site is news either)
        assert "found no feed, sitemap or listing of news" in done.stderr
    assert not [p for p in requests if p.startswith(("/arhiv/20", "/files/"))]
    assert _archived(db) == set()
