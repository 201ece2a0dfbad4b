"""A page that names no canonical and is linked under two unrelated addresses (an old
CMS's friendly "/novini/12/" beside its "detail.php?ID=12") is one archived article."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.archive.connection import connect
from newsarchive.archive.store import Store
from newsarchive.discover.urls import front_controller_twins, id_slug_prefix
from newsarchive.mirror import MirrorServer
from newsarchive.models import Article, Page

from .support import Result

PAGE = (
    "<html><body><h1>{title}</h1><p>Публикувано на {day}.11.2025</p><p>Общината обяви"
    " ремонт на улица номер {n} и нов парк в квартала до края на годината, съобщиха от"
    " пресцентъра на кмета днес сутринта.</p></body></html>"
)


def test_one_page_under_two_addresses_is_one_article(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "site"
    (root / "novini").mkdir(parents=True)
    pages = {12: ("Ремонт на улица номер 12", 12), 13: ("Ремонт на улица номер 13", 12)}
    for n, (title, day) in pages.items():
        html = PAGE.format(title=title, day=day, n=n)
        (root / "novini" / f"{n}.html").write_text(html, encoding="utf-8")
        (root / f"detail.php@ID={n}.html").write_text(html, encoding="utf-8")
    (root / "index.html").write_text(
        "<html><body><h2>Новини</h2><ul>"
        + "".join(
            f'<li><a href="/novini/{n}">{t}</a> 12.11.2025</li>' for n, (t, _) in pages.items()
        )
        + "</ul></body></html>",
        encoding="utf-8",
    )
    (root / "arhiv.html").write_text(
        "<html><body><h2>Архив</h2><ul>"
        + "".join(
            f'<li><a href="/detail.php?ID={n}">{t}</a> 12.11.2025</li>'
            for n, (t, _) in pages.items()
        )
        + "</ul></body></html>",
        encoding="utf-8",
    )
    profile = tmp_path / "twice.toml"
    profile.write_text(
        'id = "twice"\nname = "Twice"\norigin = "https://twice.example"\n[discovery]\n'
        'start_urls = ["/", "/arhiv"]\n'
        'article_pattern = "^/(novini/\\\\d+|detail\\\\.php\\\\?ID=\\\\d+)$"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "twice", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        titles = sorted(r[0] for r in conn.execute("SELECT title FROM articles"))
        keys = conn.execute("SELECT count(*) FROM article_urls").fetchone()[0]
    assert titles == ["Ремонт на улица номер 12", "Ремонт на улица номер 13"]
    assert keys == 4  # both addresses of each lead to its one row
    with MirrorServer(root) as server:
        again = run_cli(
            "crawl", "twice", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert again.exit_code == 0, again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        urls = {r[0].rsplit("/", 1)[1] for r in conn.execute("SELECT url FROM articles")}
    assert urls == {"12", "13"}  # the address archived first stays the article's


def test_only_the_same_page_is_taken_for_a_copy(tmp_path: Path) -> None:
    """Same title on the same day with other words is an article of its own: notices a
    municipality posts under one title each week stay apart. An undated page with the
    words of one dated article is that article (a second category's copy, its card's
    date on the other list: ``Store._same_content``); with the words of two, it is
    neither for sure, and stays apart. Only a fetched page (one with a capture) is
    looked for so: an import's records are one per article already."""
    day = dt.datetime(2025, 11, 12, 9, 0)
    text = "Общината обяви ремонт на улица номер 12 и нов парк в квартала."
    conn = connect(tmp_path / "a.db", create=True)
    try:
        with conn:
            store = Store(conn)

            def put(article: Article, site: str, url: str) -> str:
                page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", day)
                capture = store.save_capture(page)
                return store.upsert_article(article, site=site, url=url, capture_id=capture)

            assert put(
                Article(title="Ремонт", text=text, published=day), "s", "https://s.bg/n/1"
            ) == ("new")
            same = Article(title="Ремонт", text=text, published=day)
            assert put(same, "s", "https://s.bg/d.php?ID=1") == "unchanged"
            other = Article(title="Ремонт", text=text + " Второ съобщение.", published=day)
            assert put(other, "s", "https://s.bg/n/2") == "new"
            assert put(same, "t", "https://t.bg/1") == "new"  # another site
            undated = Article(title="Ремонт", text=text)
            assert put(undated, "s", "https://s.bg/n/3") == "unchanged"  # /n/1's copy
            assert store.find("https://s.bg/n/3") == store.find("https://s.bg/n/1")
            week = Article(title="Ремонт", text=text, published=day + dt.timedelta(days=7))
            assert put(week, "s", "https://s.bg/n/4") == "new"  # posted again a week on
            assert put(undated, "s", "https://s.bg/n/6") == "new"  # /n/1's or /n/4's?
            imported = store.upsert_article(same, site="s", url="https://s.bg/n/5")
            assert imported == "new"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 6
    finally:
        conn.close()


def test_a_canonical_url_every_article_declares_names_none_of_them(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A CMS that gives every article its category page as canonical URL must not make
    the crawl store each article over the one before (the earlier ones only as history)."""
    root = tmp_path / "site"
    (root / "novini").mkdir(parents=True)
    titles = {1: "Ремонт на улица Борисова", 2: "Нов парк във Възраждане", 3: "Бюджетът е приет"}
    canonical = '<link rel="canonical" href="https://canon.example/novini">'
    for n, title in titles.items():
        html = PAGE.format(title=title, day=10 + n, n=n)
        (root / "novini" / f"{n}.html").write_text(
            html.replace("<html>", f"<html><head>{canonical}</head>"), encoding="utf-8"
        )
    (root / "novini.html").write_text(
        f"<html><head>{canonical}</head><body><ul>"
        + "".join(f'<li><a href="/novini/{n}">{t}</a> 1{n}.11.2025</li>' for n, t in titles.items())
        + "</ul></body></html>",
        encoding="utf-8",
    )
    (root / "index.html").write_text(
        '<html><body><a href="/novini">Новини</a></body></html>', encoding="utf-8"
    )
    profile = tmp_path / "canon.toml"
    profile.write_text(
        'id = "canon"\nname = "Canon"\norigin = "https://canon.example"\n', encoding="utf-8"
    )
    for _ in range(2):  # the second run finds each article again under its own URL
        with MirrorServer(root) as server:
            result = run_cli(
                "crawl", "canon", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--refresh", "--db", str(db),
            )  # fmt: skip
        assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        rows = sorted(conn.execute("SELECT url, title FROM articles"))
        assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 0
    assert rows == [(f"https://canon.example/novini/{n}", t) for n, t in titles.items()]


def test_a_print_view_declaring_its_articles_canonical_is_still_that_article(
    tmp_path: Path,
) -> None:
    day = dt.datetime(2025, 11, 12, 9, 0)
    text = "Общината обяви ремонт на улица номер 12 и нов парк в квартала."
    conn = connect(tmp_path / "a.db", create=True)
    try:
        with conn:
            store = Store(conn)
            article = Article(title="Ремонт", text=text, published=day)
            store.upsert_article(article, site="s", url="https://s.bg/novini/1")
            edited = Article(title="Ремонт на улицата", text=text, published=day)
            outcome = store.upsert_article(
                edited, site="s", url="https://s.bg/novini/1", source_url="https://s.bg/p/1"
            )
            assert outcome == "updated"  # a new headline over the same opening: an edit
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert conn.execute("SELECT count(*) FROM shared_canonicals").fetchone()[0] == 0
    finally:
        conn.close()


def test_a_page_naming_another_articles_address_leaves_that_article_in_place(
    tmp_path: Path,
) -> None:
    day = dt.datetime(2025, 11, 12, 9, 0)
    lead = "Общината обяви ремонт на улица номер 12 и нов парк в квартала."
    conn = connect(tmp_path / "a.db", create=True)
    try:
        with conn:
            store = Store(conn)
            home = "https://s.bg/novini/1"
            first = Article(title="Ремонт", text=lead, published=day)
            assert store.upsert_article(first, site="s", url=home) == "new"
            other = Article(title="Концерт", text="Концерт на площада в събота.", published=day)
            assert (
                store.upsert_article(other, site="s", url=home, source_url="https://s.bg/novini/2")
                == "new"
            )
            edited = Article(title="Ремонт на улицата", text=lead + " Допълнено.", published=day)
            assert store.upsert_article(edited, site="s", url=home) == "updated"
        rows = sorted(conn.execute("SELECT url, title FROM articles"))
        assert rows == [(home, "Ремонт на улицата"), ("https://s.bg/novini/2", "Концерт")]
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("key", "twins"),
    [
        ("x.bg/index.php/novini/12", ["x.bg/novini/12"]),
        ("x.bg/index.php/bg/news?id=3", ["x.bg/bg/news?id=3"]),
        ("x.bg/bg/index.php/novini/12", ["x.bg/bg/novini/12"]),  # a CMS in a folder
        ("x.bg/Index.php/novini/12", ["x.bg/novini/12"]),  # spelled as on Windows
        (
            "x.bg/novini/12?lang=bg",
            [
                "x.bg/index.php/novini/12?lang=bg",
                "x.bg/Index.php/novini/12?lang=bg",
                "x.bg/novini/index.php/12?lang=bg",
                "x.bg/novini/Index.php/12?lang=bg",
            ],
        ),
        ("x.bg/12", ["x.bg/index.php/12", "x.bg/Index.php/12"]),
        ("x.bg/", []),  # the front page
        ("x.bg/index.php", []),
        ("x.bg/index.php/", []),
        ("x.bg/bg/index.php/", []),
        ("x.bg/index.php?id=7", []),  # a query alone
        ("x.bg/?p=7", []),
        ("x.bg/index.php5/a", []),
    ],
)
def test_a_path_through_the_front_controller_has_its_twins(key: str, twins: list[str]) -> None:
    assert front_controller_twins(key) == twins


@pytest.mark.parametrize(
    ("key", "prefix"),
    [
        ("x.bg/novini/3310-nov-park", "x.bg/novini/3310-"),
        ("x.bg/novini/3310-nov-park/", "x.bg/novini/3310-"),  # WordPress's last slash
        ("x.bg/3310-нов-парк", "x.bg/3310-"),
        ("x.bg/novini/10-minute-meditation", None),  # a listicle's number, no id
        ("x.bg/novini/2026-11-28-nov-park", None),  # led by its date
        ("x.bg/novini/3310-2026", None),  # no word
        ("x.bg/obyavi/2026-obyava-za-targ", None),  # a year leading the headline
        ("x.bg/novini/19876-nov-park", "x.bg/novini/19876-"),  # no year: five digits
        ("x.bg/novini/3310", None),
        ("x.bg/novini/3310-nov-park?id=2", None),
        ("x.bg/novini/3310-nov-park#2026-11-28-x", None),  # an item of a page
    ],
)
def test_an_address_led_by_an_id_shares_its_start_with_its_other_slugs(
    key: str, prefix: str | None
) -> None:
    assert id_slug_prefix(key) == prefix


def test_a_slug_led_by_a_year_is_no_id_but_one_led_by_an_id_is(tmp_path: Path) -> None:
    """Notices typed from one template on one day under slugs led by the year stay one
    row each; an article whose address changes with its edited headline, led by its id,
    stays one row with the new address."""
    day = dt.datetime(2026, 3, 12, 9, 0)
    notice = (
        "Община Враца обявява публичен търг с тайно наддаване за отдаване под наем на"
        " поземлен имот с идентификатор {n} в землището на село Згориград, с площ {n}0"
        " кв. м, за срок от пет години. Документи се подават в деловодството до 17:00 ч."
    )
    conn = connect(tmp_path / "a.db", create=True)
    try:
        with conn:
            store = Store(conn)

            def put(title: str, text: str, url: str) -> str:
                page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", day)
                capture = store.save_capture(page)
                article = Article(title=title, text=text, published=day)
                return store.upsert_article(article, site="s", url=url, capture_id=capture)

            for n in (412, 413, 414):
                url = f"https://s.bg/obyavi/2026-obyava-za-targ-imot-{n}"
                assert put(f"2026: обява за търг, имот {n}", notice.format(n=n), url) == "new"
            text = notice.format(n=500)
            assert put("Търг за имот", text, "https://s.bg/novini/3310-targ") == "new"
            edited = put("Търг за имот 500", text, "https://s.bg/novini/3310-targ-500")
            assert edited == "updated"
        rows = conn.execute("SELECT url FROM articles ORDER BY id").fetchall()
        assert [url for (url,) in rows] == [
            "https://s.bg/obyavi/2026-obyava-za-targ-imot-412",
            "https://s.bg/obyavi/2026-obyava-za-targ-imot-413",
            "https://s.bg/obyavi/2026-obyava-za-targ-imot-414",
            "https://s.bg/novini/3310-targ-500",
        ]
    finally:
        conn.close()


def test_an_undated_page_linked_through_index_php_and_not_is_one_article(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A CMS routed through index.php serves "/index.php/novini/12" and "/novini/12" as
    one page, one module linking each: undated, with no canonical, each was an article
    of its own (one title under two addresses with no day to tell them one). The same
    page read at both is one; an undated copy at an address of another shape stays
    apart, as a notice posted again does, and a changed page at the twin is its own."""
    root = tmp_path / "site"
    for folder in ("novini", "index.php/novini", "obiavi"):
        (root / folder).mkdir(parents=True)
    undated = (
        "<html><body><h1>{title}</h1><p>Общината обяви ремонт на улица номер {n} и нов"
        " парк в квартала до края на годината, съобщиха от пресцентъра.</p></body></html>"
    )
    for n in (12, 13):
        html = undated.format(title=f"Ремонт на улица номер {n}", n=n)
        (root / "novini" / f"{n}.html").write_text(html, encoding="utf-8")
        (root / "index.php" / "novini" / f"{n}.html").write_text(html, encoding="utf-8")
        (root / "obiavi" / f"{n}.html").write_text(html, encoding="utf-8")
    changed = undated.format(title="Ремонт на улица номер 14", n=14)
    (root / "novini" / "14.html").write_text(changed, encoding="utf-8")
    changed = changed.replace("до края на годината", "до пролетта")
    (root / "index.php" / "novini" / "14.html").write_text(changed, encoding="utf-8")
    links = {
        "index.html": [f"/novini/{n}" for n in (12, 13, 14)],
        "arhiv.html": [f"/index.php/novini/{n}" for n in (12, 13, 14)] + ["/obiavi/12"],
    }
    for name, hrefs in links.items():
        items = "".join(f'<li><a href="{h}">Ремонт на улица</a></li>' for h in hrefs)
        (root / name).write_text(f"<html><body><ul>{items}</ul></body></html>", encoding="utf-8")
    profile = tmp_path / "routed.toml"
    profile.write_text(
        'id = "routed"\nname = "Routed"\norigin = "https://routed.example"\n[discovery]\n'
        'start_urls = ["/", "/arhiv"]\n'
        'article_pattern = "^/(index\\\\.php/)?(novini|obiavi)/\\\\d+$"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "routed", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT url_key, article_id FROM article_urls"))
        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    row = {path: rows[f"routed.example{path}"] for path in [
        *(f"{via}/novini/{n}" for via in ("", "/index.php") for n in (12, 13, 14)), "/obiavi/12"
    ]}  # fmt: skip
    assert row["/novini/12"] == row["/index.php/novini/12"] != row["/obiavi/12"]
    assert row["/novini/13"] == row["/index.php/novini/13"]
    assert row["/novini/14"] != row["/index.php/novini/14"]
    assert count == 5 and len(set(row.values())) == 5
