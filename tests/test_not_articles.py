"""Pages answered with 200 that hold no article: a site's own "not found" page (a soft
404), a redirect of a deleted article to the home page, a bot wall's challenge. None is
archived, and an archived article whose URL turns into one keeps its text."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from newsarchive.discover.urls import is_home_page
from newsarchive.extraction import extract
from newsarchive.extraction.page_kind import (
    BOT_CHALLENGE,
    CONSENT_WALL,
    ERROR_PAGE,
    MAINTENANCE,
    SERVER_ERROR,
    of_listing,
    page_kind,
    says_closed,
    says_consent,
    says_not_found,
)

from .faultserver import FaultServer, _send, article_url, write_profile
from .support import Result

TODAY = dt.date(2026, 11, 30)

SOFT_404 = """<!doctype html><html lang="bg"><head><meta charset="utf-8">
<title>Страницата не е намерена – Община Тестово</title></head><body>
<header><nav><a href="/">Начало</a> <a href="/novini">Новини</a></nav></header>
<main><h1>Грешка 404</h1><p>Страницата, която търсите, е преместена или вече не
съществува. Използвайте търсачката или се върнете към началната страница.</p>
<form action="/search"><input name="q"></form></main>
<footer>© Община Тестово</footer></body></html>"""

CHALLENGE = """<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
</head><body><div class="main-content"><h1>news.example.bg</h1>
<h2>Checking if the site connection is secure</h2><p>news.example.bg needs to review the
security of your connection before proceeding.</p></div>
<script>window._cf_chl_opt={cType: 'managed'};</script></body></html>"""

CLOSED = """<!doctype html><html lang="bg"><head><meta charset="utf-8">
<title>Сайтът е в процес на поддръжка</title></head><body><h1>Сайтът е в процес на
поддръжка</h1><p>Моля, посетете ни отново след няколко минути.</p></body></html>"""

BROKEN = """<!doctype html><html lang="bg"><head><meta charset="utf-8">
<title>Грешка</title></head><body><h1>Възникна грешка</h1><p>Моля, опитайте отново
по-късно.</p></body></html>"""

CONSENT = """<!doctype html><html lang="bg"><head><meta charset="utf-8">
<title>Бисквитки | Община Тестово</title></head><body><div class="consent"><h1>Този сайт
използва бисквитки</h1><p>Натиснете „Приемам“, за да продължите към сайта.</p>
<form method="post" action="/accept"><button>Приемам</button></form></div></body></html>"""

SHORT_NEWS = """<!doctype html><html lang="bg"><head><meta charset="utf-8">
<title>Автобусна линия 404 тръгва отново от понеделник | Община Тестово</title></head>
<body><article><h1>Автобусна линия 404 тръгва отново от понеделник</h1>
<p>От понеделник автобусна линия 404 отново ще обслужва квартал „Изток“. Първият курс
тръгва в 5:40 ч. от спирка „Пазара“, последният – в 22:10 ч.</p></article></body></html>"""


@pytest.mark.parametrize(
    "title",
    [
        "Страницата не е намерена – Община Тестово",
        "404",
        "Грешка 404 | Община Тестово",
        "Oops! That page can’t be found.",
        "Page not found - Example News",
        "404 Not Found",
        "Нищо не е намерено",
        "Страница не найдена",
        "404 - Статията не е намерена",  # Joomla's own wording for a missing article
        "Категорията не е намерена",
        "Article not found",
        # a withdrawn article's notice at its address (round 79's otteglyano)
        "Публикацията е оттеглена",
        "Тази новина е премахната от сайта | Община Тестово",
        "Материалът е изтрит",
        "This article has been removed",
    ],
)
def test_not_found_titles(title: str) -> None:
    assert says_not_found(title)


def test_a_title_of_endless_line_breaks_is_judged_in_one_pass() -> None:
    """A stated title of 100,000 line breaks between its words and its marks: the same
    kinds as of one space. Its separators were tried from every one of those breaks, each
    reading the run's rest: 20,000 took 41 s to judge, these 100,000 a quarter of an hour."""
    breaks = "\n" * 100_000
    headline = f"Нов парк в квартала{breaks}- Община Пример{breaks}| Сайт{breaks}"
    missing = f"Страницата не е намерена{breaks}|{breaks}Община Пример"
    assert page_kind("<html></html>", [headline], "Кратък текст.") == ""
    assert page_kind("<html></html>", [missing], "Кратък текст.") == ERROR_PAGE
    assert says_consent([f"Бисквитки{breaks}-{breaks}Община Пример"])


@pytest.mark.parametrize(
    "title",
    [
        "Автобусна линия 404 тръгва отново",
        "Общината не е намерила изпълнител за ремонта",
        "Изгубено куче не е намерено три дни – стопаните молят за помощ",
        "Оттеглена е поръчката за ремонт на моста",
        "Общината оттегли обществената поръчка за сметоизвозване",
        "",
    ],
)
def test_headlines_that_only_mention_it(title: str) -> None:
    assert not says_not_found(title)


@pytest.mark.parametrize(
    ("title", "wall"),
    [
        ("Този сайт използва бисквитки", True),
        ("Сайтът използва „бисквитки“ – Община Тестово", True),
        ("Използваме бисквитки | Община Тестово", True),
        ("Бисквитки", True),
        ("We use cookies", True),
        ("Cookie consent", True),
        ("Бисквитки за благотворителния базар в читалището", False),  # news
        ("Общината използва бисквитки от местна пекарна за празника", False),
        ("Нов закон за бисквитките в сайтовете на институциите", False),
        # a headline led by the word: the other half is news, not the site's name
        ("Бисквитки - благотворителен базар в читалището | Община Белица", False),
        ("Cookies: what the new EU law means", False),
        ("Нашият сайт използва бисквитки: какво означава това", False),
    ],
)
def test_cookie_consent_titles(title: str, wall: bool) -> None:
    assert says_consent([title]) is wall


def test_a_consent_wall_is_named_only_on_a_short_page() -> None:
    """A consent wall says little besides its notice; an article of the municipality's
    cookie policy, or a page of news with the notice as its first line, has a body."""
    article = extract(CONSENT, "https://www.t.bg/novini/101-byudzhet")
    assert article.rules.get("kind") == CONSENT_WALL
    long_text = "Общинският съвет прие бюджета за следващата година. " * 20
    assert page_kind("<html></html>", ["Бисквитки"], long_text) == ""
    assert page_kind("<html></html>", ["Новини"], "Този сайт използва бисквитки\nПриемам") == (
        CONSENT_WALL
    )


@pytest.mark.parametrize(
    ("title", "closed"),
    [
        ("Сайтът е в процес на поддръжка", True),
        ("В момента сайтът е в профилактика | Община Тестово", True),
        ("Under Maintenance", True),
        ("Maintenance mode – Example News", True),
        ("Улица „Борисова“ – в ремонт", False),  # news of a street, not of the site
        ("Мостът е в ремонт до края на месеца", False),
        ("Coming soon: нови автобусни линии", False),
    ],
)
def test_closed_for_maintenance_titles(title: str, closed: bool) -> None:
    assert says_closed(title) is closed


@pytest.mark.parametrize(
    ("title", "broken"),
    [
        ("Възникна грешка", True),
        ("Грешка при връзката с базата данни | Община Тестово", True),
        ("Database Error", True),
        ("Error establishing a database connection", True),
        ("500 Internal Server Error", True),
        ("502 Bad Gateway", True),
        ("Oops! Something went wrong.", True),
        ("Възникна грешка при плащането на местни данъци онлайн", False),  # news of one
        ("Сървърът на общината даде грешка", False),
        ("Грешка в системата за записване в детските градини", False),
        # beside a dash: the site's name, or a headline's other half (news of a failure)
        ("Възникна грешка - Община Бяла", True),
        ("Възникна грешка – Община Бяла | Новини", True),
        ("Възникна грешка - НАП удължи срока", False),
        ("Възникна грешка - НАП удължи срока | Община Бяла", False),
        ("Сървърна грешка – системата на НАП отново работи", False),
    ],
)
def test_server_error_titles(title: str, broken: bool) -> None:
    """A CMS whose database is down, or a proxy whose backend is, may say so under a
    200: such a page was archived as the article (titled "Възникна грешка", no text)
    and its URL done for good, the article never read."""
    page = f"<html><head><title>{title}</title></head><body><h1>{title}</h1><p>Моля.</p>"
    kind = extract(page, "https://test.bg/novini/15", today=TODAY).rules.get("kind")
    assert (kind == SERVER_ERROR) is broken, kind


def test_a_server_error_beside_the_name_the_site_gives_itself_is_one() -> None:
    """A site's name with a word in lower case does not read as a name; the page's
    og:site_name says it is one. A headline's half the site does not give as its name
    is still news."""
    for title, broken in (
        ("Възникна грешка - Дунавски вести", True),
        ("Възникна грешка - водата спря", False),
    ):
        page = (
            f'<html><head><title>{title}</title><meta property="og:site_name" '
            'content="Дунавски вести"></head><body><p>Моля, опитайте отново.</p>'
        )
        kind = extract(page, "https://dunavski.example/n/15", today=TODAY).rules.get("kind")
        assert (kind == SERVER_ERROR) is broken, (title, kind)


def test_a_listing_is_a_server_error_beside_the_profiles_name_as_an_article_is() -> None:
    """An article's page knew the site's name from its profile as well as from its
    og:site_name; a listing's page knew only the latter, so the same server error in
    front of a listing left the night's run with no links and no word of why."""
    from selectolax.lexbor import LexborHTMLParser

    for title, broken in (
        ("Възникна грешка - Дунавски вести", True),
        ("Възникна грешка - водата спря", False),
    ):
        page = f"<html><head><title>{title}</title></head><body><p>Моля.</p></body></html>"
        kind = of_listing(LexborHTMLParser(page), page, "Дунавски вести")
        assert (kind == SERVER_ERROR) is broken, (title, kind)
        assert of_listing(LexborHTMLParser(page), page) == ""  # (no name given: news)


def test_soft_404_and_challenge_pages_are_named() -> None:
    soft = extract(SOFT_404, "https://test.bg/novini/12-staro", today=TODAY)
    wall = extract(CHALLENGE, "https://news.example.bg/a/1", today=TODAY)
    short = extract(SHORT_NEWS, "https://test.bg/novini/13-liniya", today=TODAY)
    assert soft.rules.get("kind") == ERROR_PAGE
    assert wall.rules.get("kind") == BOT_CHALLENGE
    assert "kind" not in short.rules and "404" in short.title
    closed = extract(CLOSED, "https://test.bg/novini/14", today=TODAY)
    assert closed.rules.get("kind") == MAINTENANCE


def test_a_page_larger_than_any_challenge_is_named_by_no_marker() -> None:
    """A challenge is a few KiB (``bot_check``'s bound): a short page padded past it with
    a script that names a vendor's marker is a page of its own."""
    marker = "<script>var _cf_chl_opt = {};</script>"
    small = f"<html><head><title>Проверка</title></head><body><p>Миг</p>{marker}</body></html>"
    padded = small.replace("</body>", "<!--" + "x" * 140_000 + "--></body>")
    assert page_kind(small, ["Проверка"], "Миг") == BOT_CHALLENGE
    assert page_kind(padded, ["Проверка"], "Миг") == ""


def test_an_error_page_saying_so_only_in_its_body_is_named() -> None:
    """A template's error page titled "Грешка – <site>", no ``<h1>``: the sentence is the
    first line of its short text (sinyo-bardo). A short notice whose first line merely
    mentions a missing page, or says it further down, is news."""
    titles = ("Грешка – Община Пример", "Грешка – Община Пример", "")
    gone = "Страницата не е намерена\nВърнете се към началото."
    assert page_kind("<html></html>", titles, gone) == ERROR_PAGE
    for text in (
        "Страницата на общината не е намерена от търсачките\nЕкспертите търсят причината.",
        "Кметът прие гражданите.\nСтраницата не е намерена",
    ):
        assert page_kind("<html></html>", titles, text) == "", text


def test_a_short_notice_opening_with_a_closed_sentence_is_news() -> None:
    """The first line is judged as a headline only for the not-found sentence and only
    whole: a municipality's short notice of planned maintenance, whose first line begins
    with the sentence a closed site says and goes on with when, is news."""
    titles = ("Профилактика на сайта – Община Пример", "Профилактика на сайта", "")
    for text in (
        "Сайтът е временно недостъпен – 15 ноември от 9 до 12 ч.\nПоради профилактика.",
        "Сайтът е в процес на поддръжка: 15 ноември\nПоради смяна на сървъра.",
    ):
        assert page_kind("<html></html>", titles, text) == "", text


def test_a_long_article_about_error_pages_is_an_article() -> None:
    body = "".join(
        f"<p>Абзац {n}: служителите обясниха защо старите адреси на сайта дават грешка "
        "и как жителите да намерят документите си в новия регистър на общината.</p>"
        for n in range(8)
    )
    page = f"<html><head><title>404</title></head><body><h1>404</h1>{body}</body></html>"
    assert "kind" not in extract(page, "https://test.bg/n/1", today=TODAY).rules


@pytest.mark.parametrize(
    ("url", "home"),
    [
        ("https://test.bg/", True),
        ("https://test.bg", True),
        ("https://test.bg/bg/", True),
        ("https://test.bg/index.php", True),
        ("https://test.bg/?p=123", False),
        ("https://test.bg/index.php?id=7", False),
        ("https://test.bg/novini/12", False),
    ],
)
def test_home_page(url: str, home: bool) -> None:
    assert is_home_page(url) is home


class _TurningSite(FaultServer):
    """The fault site with no faults, whose chosen articles turn into non-articles."""

    turned: dict[int, str]
    wall: str  # a page served for every path instead

    def _route(self, handler: BaseHTTPRequestHandler, count: int) -> None:
        wall = getattr(self, "wall", "")
        if wall and urlsplit(handler.path).path != "/robots.txt":  # in front of every page
            _send(handler, 200, wall.encode(), "text/html")
            return
        if urlsplit(handler.path).path == "/":
            _send(
                handler, 200, b"<html><body><h1>Home</h1><p>Welcome</p></body></html>", "text/html"
            )
            return
        super()._route(handler, count)

    def _article(self, handler: BaseHTTPRequestHandler, article_id: int, count: int) -> None:
        turned = getattr(self, "turned", {}).get(article_id)
        if turned == "soft-404":
            _send(handler, 200, SOFT_404.encode(), "text/html")
        elif turned == "home":
            _send(handler, 301, b"", "text/html", {"Location": "/"})
        elif turned == "challenge":
            _send(handler, 200, CHALLENGE.encode(), "text/html")
        elif turned == "closed":
            _send(handler, 200, CLOSED.encode(), "text/html")
        elif turned == "broken":
            _send(handler, 200, BROKEN.encode(), "text/html")
        else:
            super()._article(handler, article_id, count)


def _crawl(run_cli: Callable[..., Result], server: FaultServer, db: Path, *extra: str) -> Result:
    profile = write_profile(db.parent)
    return run_cli(
        "crawl", "fault", "--profile", str(profile), "--base-url", server.url,
        "--delay", "0", "--db", str(db), *extra,
    )  # fmt: skip


def _rows(db: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return list(conn.execute(sql))


def test_crawl_archives_none_of_them(run_cli: Callable[..., Result], db: Path) -> None:
    """(The bot check on one article, the site's other pages answering, fails that
    article alone: retried on later runs, as any failure; ``test_bot_walls``)"""
    with _TurningSite(articles=6, faults=False) as site:
        site.turned = {1005: "soft-404", 1004: "home", 1002: "closed", 1000: "challenge"}
        result = _crawl(run_cli, site, db, "--connections", "1")
    archived = {str(url) for (url,) in _rows(db, "SELECT url FROM articles")}
    assert archived == {article_url(i) for i in (1001, 1003)}
    state = {str(url): str(s) for url, s in _rows(db, "SELECT url, state FROM frontier")}
    assert state[article_url(1005)] == "gone" and state[article_url(1004)] == "gone"
    assert state[article_url(1000)] == "failed"  # asked again next run
    assert state[article_url(1002)] == "failed"
    assert "maintenance page" in result.stderr
    assert result.exit_code == 1  # the bot check is said, and fails the run
    assert "bot check answered this page alone" in result.stderr
    assert "https://fault.example/news/1000-" in result.stderr
    assert "1005" not in result.stderr  # a page gone is no failure


def test_recheck_keeps_an_article_whose_url_became_a_not_found_page(
    run_cli: Callable[..., Result], db: Path
) -> None:
    with _TurningSite(articles=3, faults=False) as site:
        assert _crawl(run_cli, site, db).exit_code == 0
        [(before,)] = _rows(db, f"SELECT text FROM articles WHERE url = '{article_url(1002)}'")
        site.turned = {1002: "soft-404"}
        again = _crawl(run_cli, site, db, "--recheck", "100000")
        assert again.exit_code == 0, again.stderr
        assert site.hits["/news/1002-story-1002"] == 2  # it was fetched again
    [(after,)] = _rows(db, f"SELECT text FROM articles WHERE url = '{article_url(1002)}'")
    assert after == before and "Абзац 1" in str(after)
    assert _rows(db, "SELECT count(*) FROM revisions") == [(0,)]
    assert _rows(db, "SELECT gone FROM runs ORDER BY id DESC LIMIT 1") == [(1,)]


def test_extract_command_says_so(run_cli: Callable[..., Result], tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(SOFT_404, encoding="utf-8")
    result = run_cli("extract", str(page), "--url", "https://test.bg/novini/12")
    assert result.exit_code == 0
    assert "error page" in result.stderr and "not an article" in result.stderr


def test_check_site_names_a_page_that_is_no_article(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    profile = write_profile(tmp_path)
    with _TurningSite(articles=3, faults=False) as site:
        site.turned = {1002: "challenge"}
        result = run_cli(
            "check-site", "fault", "--profile", str(profile), "--base-url", site.url,
            "--delay", "0", "-n", "5", "-f", "json",
        )  # fmt: skip
    assert result.exit_code == 1, result.stdout + result.stderr
    data = result.json()
    assert isinstance(data, dict)
    assert any("1002" in f and "bot check" in f for f in data["failures"]), data["failures"]


def test_reextract_keeps_an_article_whose_stored_page_now_reads_as_not_found(
    run_cli: Callable[..., Result], db: Path
) -> None:
    import zlib

    with _TurningSite(articles=2, faults=False) as site:
        assert _crawl(run_cli, site, db).exit_code == 0
    url = article_url(1001)
    [(before, capture)] = _rows(db, f"SELECT text, capture_id FROM articles WHERE url = '{url}'")
    with sqlite3.connect(db) as conn:  # as if the site had served its "not found" page
        conn.execute(
            "UPDATE captures SET content = ? WHERE id = ?",
            (zlib.compress(SOFT_404.encode()), capture),
        )
    profile = write_profile(db.parent)
    result = run_cli("reextract", "--profile", str(profile), "--db", str(db), "--workers", "1")
    assert result.exit_code == 1, result.stdout + result.stderr
    assert _rows(db, f"SELECT text FROM articles WHERE url = '{url}'") == [(before,)]


def test_an_article_answered_by_a_server_error_page_is_read_next_run(
    run_cli: Callable[..., Result], db: Path
) -> None:
    with _TurningSite(articles=3, faults=False) as site:
        site.turned = {1002: "broken"}
        first = _crawl(run_cli, site, db)
        assert first.exit_code == 1, first.stdout + first.stderr
        assert "server error page" in first.stderr and "1002" in first.stderr
        archived = {str(url) for (url,) in _rows(db, "SELECT url FROM articles")}
        assert archived == {article_url(1000), article_url(1001)}
        site.turned = {}
        second = _crawl(run_cli, site, db)
    assert second.exit_code == 0, second.stderr
    title = _rows(db, f"SELECT title FROM articles WHERE url = '{article_url(1002)}'")
    assert title == [("Новина номер 1002 от общината",)]


@pytest.mark.parametrize(
    "wall",
    [CHALLENGE, CLOSED, BROKEN, CONSENT],
    ids=["challenge", "maintenance", "server-error", "consent"],
)
def test_a_wall_in_front_of_the_listing_fails_the_nightly_run_loudly(
    run_cli: Callable[..., Result], db: Path, wall: str
) -> None:
    with _TurningSite(articles=4, faults=False) as site:
        assert _crawl(run_cli, site, db).exit_code == 0
        site.wall = wall
        nightly = _crawl(run_cli, site, db, "--quiet")
    assert nightly.exit_code == 1
    [line] = nightly.stderr.splitlines()
    if wall == CHALLENGE:  # the fetcher's to say: it rests the site at the wall
        assert "the site answered with a bot check at https://fault.example/" in line
    else:
        assert "listing failed" in line
        assert any(kind in line for kind in ("maintenance", "server error", "consent wall"))
    assert _rows(db, "SELECT count(*) FROM articles") == [(4,)]


@pytest.mark.parametrize(
    "wall", [CHALLENGE, CLOSED, BROKEN], ids=["challenge", "maintenance", "server-error"]
)
def test_a_wall_in_front_of_a_listings_page_2_fails_the_run_as_a_500_there_does(
    run_cli: Callable[..., Result], db: Path, wall: str
) -> None:
    """A bot check, a maintenance notice or an error page answered instead of the
    listing's page 2 is what a 500 there is (``test_crawl_faults``) and a feed's older
    page failing (``test_round15_mirrors``): the run fails, one line on stderr naming the
    page; page 1's articles are archived; the listing worked (read, its news kept), so
    the site is not explored for new sources; the next run resumes at page 2."""
    with _TurningSite(articles=30, faults=False) as site:
        site.answers = {"/news?p=2": (200, {}, wall.encode())}
        first = _crawl(run_cli, site, db, "--quiet")
        asked = list(site.requests)
        assert first.exit_code == 1, first.stdout + first.stderr
        [line] = first.stderr.splitlines()
        assert "https://fault.example/news?p=2" in line
        assert _rows(db, "SELECT count(*) FROM articles") == [(10,)]
        assert [p for p in asked if not p.startswith("/news/")] == [
            "/robots.txt", "/news", "/news?p=2"
        ]  # fmt: skip
        site.answers = {}
        before = len(site.requests)
        second = _crawl(run_cli, site, db, "--quiet")
        listing = [p for p in site.requests[before:] if not p.startswith("/news/")]
    assert second.exit_code == 0, second.stderr
    assert listing == ["/robots.txt", "/news", "/news?p=2", "/news?p=3", "/news?p=4"]
    assert _rows(db, "SELECT count(*) FROM articles") == [(30,)]
