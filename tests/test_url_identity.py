"""One row per article, keyed by what the page's own address says it is: a Joomla
article is one whatever menu (``Itemid``), category or slug a module's link gave it, and
an archive keyed before that rule (or before a redirector's link was the address it
names) is re-keyed once, its duplicate rows merged with the newest version kept."""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from newsarchive.archive.connection import connect
from newsarchive.archive.rekey import rekey
from newsarchive.archive.schema import SCHEMA_VERSION
from newsarchive.archive.store import Store
from newsarchive.discover.urls import normalize_url, url_key
from newsarchive.mirror import MirrorServer
from newsarchive.models import Article, Page

from .support import Result, small_disk

ARTICLE = "index.php?option=com_content&view=article"


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # the blog's link, the home module's (no slug), the "most read" module's
        (f"{ARTICLE}&id=57:slug&catid=8&Itemid=105", f"{ARTICLE}&id=57&catid=8&Itemid=101"),
        (f"{ARTICLE}&id=57:slug&catid=8&Itemid=105", f"{ARTICLE}&id=57:slug&catid=8&Itemid=118"),
        (f"{ARTICLE}&id=57:slug&Itemid=105", f"{ARTICLE}&id=57%3Aslug"),
        # K2's item view reads its id so too
        ("index.php?option=com_k2&view=item&id=5:a&Itemid=3",
         "index.php?view=item&option=com_k2&id=5"),
        # a slug after a "-", as friendly URLs write one: getInt reads the number alone
        (f"{ARTICLE}&id=57-remont&catid=34:novini&Itemid=54", f"{ARTICLE}&id=57&Itemid=1"),
        # Joomla 1.0's article view, ``task=view``, one whatever module linked it
        ("index.php?option=com_content&task=view&id=57&Itemid=54",
         "index.php?option=com_content&task=view&id=57:remont&Itemid=1"),
    ],
)  # fmt: skip
def test_a_joomla_article_is_one_whatever_menu_linked_it(one: str, other: str) -> None:
    assert url_key(f"https://www.g.bg/{one}") == url_key(f"https://g.bg/{other}")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        (f"{ARTICLE}&id=57&Itemid=105", f"{ARTICLE}&id=58&Itemid=105"),  # another article
        # a category's menu item may choose its layout: its Itemid stays
        ("index.php?option=com_content&view=category&id=8&Itemid=105",
         "index.php?option=com_content&view=category&id=8&Itemid=118"),
        # a single-article menu item names its article by Itemid alone
        ("index.php?Itemid=110", "index.php?Itemid=111"),
        # the bare template alone (a popup of its own); its print view is the article now
        (f"{ARTICLE}&id=57&tmpl=component", f"{ARTICLE}&id=57"),
        ("news.php?id=57:x&Itemid=1", "news.php?id=57&Itemid=2"),  # no Joomla article view
        # no article number: the menu item is all that can name the article
        (f"{ARTICLE}&Itemid=110", f"{ARTICLE}&Itemid=111"),
        (f"{ARTICLE}&id=&Itemid=110", f"{ARTICLE}&id=&Itemid=111"),
        (f"{ARTICLE}&id=abc&Itemid=110", f"{ARTICLE}&id=abc&Itemid=111"),
        # two numbers: which one Joomla reads is not for identity to guess
        (f"{ARTICLE}&id=57&id=58&Itemid=110", f"{ARTICLE}&id=57&id=58&Itemid=111"),
    ],
)  # fmt: skip
def test_what_may_change_the_page_stays_part_of_its_identity(one: str, other: str) -> None:
    assert url_key(f"https://g.bg/{one}") != url_key(f"https://g.bg/{other}")


TEXT = "Общината обяви ремонт на улица номер 12 и нов парк в квартала до края на годината."
DAY = dt.datetime(2026, 11, 28, 9, 0)


def _put(store: Store, article: Article, url: str) -> str:
    page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", DAY)
    return store.upsert_article(article, site="g", url=url, capture_id=store.save_capture(page))


def _write_as_keyed(
    db: Path,
    version: int,
    versions: list[tuple[str, str, str, str]],
    stale: dict[str, str],
    landed: dict[str, str] | None = None,
) -> None:
    """An archive of schema ``version`` as that release wrote it: each of ``versions``
    (url, title, text, fetched) a row of its own under the key ``stale`` gives its URL
    (today's key else), its capture's fetch ended where ``landed`` says (its URL else)."""
    landed = landed or {}
    conn = connect(db, create=True)
    try:
        with conn:
            store = Store(conn, stories=False)
            for n, (url, title, text, when) in enumerate(versions):
                placeholder = f"https://g.bg/placeholder/{n}"  # (today's key would find a row)
                _put(store, Article(title=title, text=text, published=DAY), placeholder)
                conn.execute(
                    "UPDATE captures SET url = ?, final_url = ?"
                    " WHERE id = (SELECT capture_id FROM articles WHERE url = ?)",
                    (url, landed.get(url, url), placeholder),
                )
                conn.execute(
                    "UPDATE articles SET url = ?, updated_at = ?, fetched_at = ? WHERE url = ?",
                    (url, when, when, placeholder),
                )
                conn.execute(
                    "UPDATE article_urls SET url_key = ? WHERE url_key = ?",
                    (stale.get(url, url_key(url)), url_key(placeholder)),
                )
        conn.execute(f"PRAGMA user_version = {version}")
    finally:
        conn.close()


def test_an_article_edited_before_another_module_linked_it_stays_one_row(tmp_path: Path) -> None:
    """The blog's address archived first; the "most read" module's (another ``Itemid``)
    met after an edit: the same article, updated, its first text a revision. (By its
    content alone it was a second row: the text had changed.)"""
    conn = connect(tmp_path / "a.db", create=True)
    try:
        with conn:
            store = Store(conn)
            blog = f"https://www.g.bg/{ARTICLE}&id=57:remont&catid=8&Itemid=105"
            assert _put(store, Article(title="Ремонт", text=TEXT, published=DAY), blog) == "new"
            edited = Article(title="Ремонт", text=TEXT + " Допълнено.", published=DAY)
            popular = f"https://www.g.bg/{ARTICLE}&id=57&catid=8&Itemid=118"
            assert _put(store, edited, popular) == "updated"
            other = Article(title="Концерт", text="Концерт на площада в събота.", published=DAY)
            assert _put(store, other, f"https://www.g.bg/{ARTICLE}&id=58&Itemid=118") == "new"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM revisions").fetchone()[0] == 1
    finally:
        conn.close()


def _joomla(body: str, canonical: str) -> str:
    popular = f'<a href="/{ARTICLE}&amp;id=1:remont&amp;catid=8&amp;Itemid=118">Ремонт</a>'
    return (
        f'<html><head><link rel="canonical" href="{canonical}"></head><body>'
        f'<div class="main">{body}</div><div class="moduletable"><h3>Най-четени</h3>'
        f"{popular}</div></body></html>"
    )


@pytest.mark.parametrize(
    "canonical",
    [
        "https://joomla.example/",  # the template's default: the home page
        "https://joomla.example/index.php?option=com_content&view=category&id=8&Itemid=105",
    ],
)
def test_joomla_menus_make_no_second_row_and_a_broken_canonical_merges_nothing(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, canonical: str
) -> None:
    """Three articles, each linked by the blog with ``Itemid=105``, the first also by
    the home module without its slug (``Itemid=101``) and by the "most read" module
    beside every page (``Itemid=118``), whose copy was edited since (the crawl meets it
    there after the blog's): one row each. Every page names the home page or the blog
    as its canonical, which must make none of them one."""
    root = tmp_path / "site"
    root.mkdir()
    titles = {1: "Ремонт на улица Борисова", 2: "Нов парк във Възраждане", 3: "Бюджетът е приет"}
    slugs = {1: "remont", 2: "park", 3: "byudzhet"}

    def article(n: int, extra: str = "") -> str:
        text = f"<p>Публикувано на {20 + n}.11.2026</p><p>{TEXT} Новина номер {n}.{extra}</p>"
        return _joomla(f"<h1>{titles[n]}</h1>{text}", canonical)

    for n in titles:
        (
            root / f"{ARTICLE}&id={n}:{slugs[n]}&catid=8&Itemid=105.html".replace("?", "@")
        ).write_text(article(n), encoding="utf-8")
    (root / f"{ARTICLE}&id=1&catid=8&Itemid=101.html".replace("?", "@")).write_text(
        article(1), encoding="utf-8"
    )
    (root / f"{ARTICLE}&id=1:remont&catid=8&Itemid=118.html".replace("?", "@")).write_text(
        article(1, " Допълнено след срещата."), encoding="utf-8"
    )
    blog = "".join(
        f'<h2><a href="/{ARTICLE}&amp;id={n}:{slugs[n]}&amp;catid=8&amp;Itemid=105">{t}</a></h2>'
        for n, t in titles.items()
    )
    (root / "index.php@option=com_content&view=category&id=8&Itemid=105.html").write_text(
        _joomla(blog, canonical), encoding="utf-8"
    )
    home = f'<a href="/{ARTICLE}&amp;id=1&amp;catid=8&amp;Itemid=101">{titles[1]}</a>'
    (root / "index.html").write_text(_joomla(home, canonical), encoding="utf-8")
    profile = tmp_path / "joomla.toml"
    profile.write_text(
        'id = "joomla"\nname = "Joomla"\norigin = "https://joomla.example"\n[discovery]\n'
        'start_urls = ["/index.php?option=com_content&view=category&id=8&Itemid=105", "/"]\n'
        'article_pattern = "view=article"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "joomla", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with closing(sqlite3.connect(db)) as conn:
        rows = sorted(conn.execute("SELECT title, url FROM articles"))
    assert sorted(title for title, _ in rows) == sorted(titles.values())
    for title, url in rows:  # each under its blog address, the first met
        n = next(n for n, t in titles.items() if t == title)
        assert url == f"https://joomla.example/{ARTICLE}&id={n}:{slugs[n]}&catid=8&Itemid=105"


def test_an_archive_keyed_before_todays_identity_is_rekeyed_once(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v11, written by this test as that release keyed it: one
    Joomla article under two rows (the blog's ``Itemid`` and the sidebar's, edited
    between), one article under two rows (the page, and a link through the site's
    redirector to it, archived first), one archived first under the address the server
    redirected (``/go?id=7`` to ``/novini/7``) and again under its own, and articles of
    their own: two whose old addresses were both sent to one archive page, archived too.
    Opened, it has one row each, the newest version current and the other a revision,
    every capture kept, and each found by every address it had."""
    db = tmp_path / "v11.db"
    blog = f"https://g.bg/{ARTICLE}&id=57:remont&catid=8&Itemid=105"
    sidebar = f"https://g.bg/{ARTICLE}&id=57&catid=8&Itemid=118"
    page, redirector = "https://g.bg/novini/5", "https://g.bg/go.php?url=/novini/5"
    by_id, seven, other = "https://g.bg/go?id=7", "https://g.bg/novini/7", "https://g.bg/novini/6"
    archive, gone = "https://g.bg/arhiv", ["https://g.bg/stara/1", "https://g.bg/stara/2"]
    stale = {  # the keys that release gave them
        blog: "g.bg/index.php?Itemid=105&catid=8&id=57:remont&option=com_content&view=article",
        sidebar: "g.bg/index.php?Itemid=118&catid=8&id=57&option=com_content&view=article",
        redirector: "g.bg/go.php?url=/novini/5",
    }
    landed = {by_id: seven, gone[0]: archive, gone[1]: archive}  # where their fetch ended
    concert, fair = "Концерт на площада в събота.", "Панаирът започва в петък."
    versions = [
        (blog, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (sidebar, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
        (redirector, "Концерт", concert, "2026-11-21T10:00:00+00:00"),
        (page, "Концерт", concert[:-1] + " вечер.", "2026-11-22T10:00:00+00:00"),
        (by_id, "Панаир", fair, "2026-11-20T10:00:00+00:00"),
        (seven, "Панаир", fair + " Вход свободен.", "2026-11-22T10:00:00+00:00"),
        (other, "Пазар", "Пазарът се връща на площада.", "2026-11-22T10:00:00+00:00"),
        (gone[0], "Стара", "Стара новина първа.", "2026-11-20T10:00:00+00:00"),
        (gone[1], "Стара", "Стара новина втора.", "2026-11-20T10:00:00+00:00"),
        (archive, "Архив", "Архив на новините.", "2026-11-20T10:00:00+00:00"),
    ]
    _write_as_keyed(db, 11, versions, stale, landed)
    with closing(sqlite3.connect(db)) as before:
        assert before.execute("SELECT count(*) FROM articles").fetchone()[0] == len(versions)
    shown = run_cli("show", sidebar, "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    record = shown.json()
    assert isinstance(record, dict) and record["text"] == TEXT + " Допълнено."
    with closing(sqlite3.connect(db)) as after:
        rows = dict(after.execute("SELECT url, text FROM articles"))
        assert after.execute("SELECT count(*) FROM captures").fetchone()[0] == len(versions)
        revisions = sorted(r[0] for r in after.execute("SELECT text FROM revisions"))
    assert rows == {
        sidebar: TEXT + " Допълнено.",
        page: "Концерт на площада в събота вечер.",
        seven: fair + " Вход свободен.",
        other: "Пазарът се връща на площада.",
        gone[0]: "Стара новина първа.",
        gone[1]: "Стара новина втора.",
        archive: "Архив на новините.",
    }
    assert revisions == sorted([concert, TEXT, fair])
    for url in (blog, sidebar, page, redirector, by_id, seven):
        found = run_cli("show", url, "--format", "json", "--db", str(db))
        assert found.exit_code == 0, (url, found.stderr)
        assert found.json()["title"] in ("Ремонт", "Концерт", "Панаир")  # type: ignore[index]


def test_rekeying_reads_the_story_index_once_however_many_rows_merge(tmp_path: Path) -> None:
    """Each merged row's story keys went by a scan of the whole ``story_keys`` table (it
    is keyed by key, not by article): an archive of 100k articles with a fifth of them to
    merge took hours to open once. The keys of merged rows now go in one pass; here,
    six articles each under two menus' keys, and every key but the kept rows' gone."""
    conn = connect(tmp_path / "a.db", create=True)
    words = "община ремонт улица парк бюджет съвет кмет площад училище детска градина".split()
    try:
        with conn:
            store = Store(conn)
            for n in range(1, 7):
                text = " ".join(words[(n + i * n) % len(words)] for i in range(60)) + f" {n}"
                for itemid in (105, 118):
                    url = f"https://g.bg/{ARTICLE}&id={n}&Itemid={itemid}"
                    placeholder = f"https://g.bg/placeholder/{n}/{itemid}"
                    _put(store, Article(title=f"Новина {n}", text=f"{text} {itemid}"), placeholder)
                    conn.execute("UPDATE articles SET url = ? WHERE url = ?", (url, placeholder))
                    conn.execute(  # the key the release before gave it
                        "UPDATE article_urls SET url_key = ? WHERE url_key = ?",
                        (f"g.bg/index.php?Itemid={itemid}&id={n}&option=com_content"
                         "&view=article", url_key(placeholder)),
                    )  # fmt: skip
        statements: list[str] = []
        conn.set_trace_callback(statements.append)
        with conn:
            assert rekey(conn, redirects=True).merged == 6
        conn.set_trace_callback(None)
        scans = [
            sql for sql in statements if "story_keys" in sql and any(
                "SCAN" in step[3] and "story_keys" in step[3]
                for step in conn.execute(f"EXPLAIN QUERY PLAN {sql}")
            )
        ]  # fmt: skip
        assert len(scans) <= 1, scans
        kept = {row[0] for row in conn.execute("SELECT id FROM articles")}
        assert len(kept) == 6
        held = {row[0] for row in conn.execute("SELECT DISTINCT article_id FROM story_keys")}
        assert held and held <= kept
    finally:
        conn.close()


def test_rekeying_passes_over_rows_an_odd_archive_holds(tmp_path: Path) -> None:
    """Rows a hand-made or damaged archive may hold: an article without a capture, one
    whose capture says it ended at no URL at all ("http://[::1", which ``urlsplit``
    refuses), an item of a page. The upgrade passes over them, merging nothing; it must
    not stop, since an archive whose upgrade fails opens for no command at all."""
    conn = connect(tmp_path / "a.db", create=True)
    try:
        with conn:
            store = Store(conn, stories=False)
            for n in range(3):
                _put(store, Article(title=f"Новина {n}", text=f"{TEXT} {n}"), f"https://g.bg/{n}")
            conn.execute("UPDATE articles SET capture_id = NULL WHERE url = 'https://g.bg/0'")
            conn.execute(
                "UPDATE captures SET final_url = 'http://[::1' WHERE id ="
                " (SELECT capture_id FROM articles WHERE url = 'https://g.bg/1')"
            )
            conn.execute(
                "UPDATE articles SET url = 'https://g.bg/p#2' WHERE url = 'https://g.bg/2'"
            )
        with conn:
            assert rekey(conn, redirects=True).merged == 0
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
    finally:
        conn.close()


def test_an_archive_keyed_with_a_twice_escaped_ampersand_is_rekeyed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v15, written by this test as that release keyed a link whose
    ``&`` the CMS escaped twice (``?id=5&amp;amp;kat=1``, read as the field ``amp;kat``,
    the key's fields sorted: ``?amp;kat=1&id=5``), and the same article archived again
    under the address its feed names (``?id=5&kat=1``), edited between. Opened, it is
    one article, the newer text current and the older a revision, found by either
    spelling; an AMP flag (``?amp=1``) is no escaped ``&`` and keeps its own key."""
    db = tmp_path / "v15.db"
    escaped, plain = "https://g.bg/news.php?id=5&amp;kat=1", "https://g.bg/news.php?id=5&kat=1"
    amp = "https://g.bg/news.php?amp=1&id=6"
    stale = {escaped: "g.bg/news.php?amp;kat=1&id=5"}
    versions = [
        (escaped, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (plain, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
        (amp, "Пазар", "Пазарът се връща на площада.", "2026-11-21T10:00:00+00:00"),
    ]
    _write_as_keyed(db, 15, versions, stale)
    for url in (escaped, plain):
        shown = run_cli("show", url, "--format", "json", "--db", str(db))
        assert shown.exit_code == 0, (url, shown.stderr)
        assert shown.json()["text"] == TEXT + " Допълнено."  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] >= 16
        rows = dict(after.execute("SELECT url, title FROM articles"))
        assert [r[0] for r in after.execute("SELECT text FROM revisions")] == [TEXT]
        keys = {r[0] for r in after.execute("SELECT url_key FROM article_urls")}
    assert rows == {plain: "Ремонт", amp: "Пазар"}
    assert "g.bg/news.php?id=5&kat=1" in keys and "g.bg/news.php?amp=1&id=6" in keys
    assert not any("amp;" in key for key in keys)


def test_the_readme_names_every_schema_version_that_rekeys_the_archive() -> None:
    """A user reading why an upgraded archive said "re-keyed" finds each rule's version
    in the README (v10, v12): v16's twice-escaped ``&`` was left out of it."""
    from newsarchive.archive.schema import REKEYED_AT

    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    said = " ".join(readme.split("re-keyed once", 1)[1].split("An AMP copy", 1)[0].split())
    assert 16 in REKEYED_AT, REKEYED_AT
    assert [v for v in REKEYED_AT if f"schema v{v})" not in said] == []


@pytest.mark.parametrize(
    ("linked", "plain"),
    [
        # Ghost's portal and newsletters: the site's host, the newsletter's or the feed's name
        ("https://gradets.bg/p/remont/?ref=gradets.bg", "https://gradets.bg/p/remont/"),
        ("https://gradets.bg/p/remont/?ref=sedmichen-byuletin", "https://gradets.bg/p/remont/"),
        ("https://gradets.bg/p/remont/?ref=rss", "https://gradets.bg/p/remont/"),
        ("https://gradets.bg/novini.php?id=5&ref=home", "https://gradets.bg/novini.php?id=5"),
        # a Twitter embed's link back
        ("https://gradets.bg/p/remont/?ref_src=twsrc%5Etfw", "https://gradets.bg/p/remont/"),
        ("https://gradets.bg/p/remont/?ref_src=twsrc%5Etfw&ref_url=https%3A%2F%2Fx.bg%2F",
         "https://gradets.bg/p/remont/"),
        # the word of the box a link stood in, under ``from``
        ("https://gradets.bg/novini/5-remont?from=nachalo", "https://gradets.bg/novini/5-remont"),
        ("https://gradets.bg/novini.php?id=5&from=naj-cheteni", "https://gradets.bg/novini.php?id=5"),
        # a range of dates, or a script's one field, under ``from`` names the page
        ("https://gradets.bg/arhiv?from=2026-01-01", "https://gradets.bg/arhiv?from=2026-01-01"),
        ("https://gradets.bg/page.php?from=kontakti", "https://gradets.bg/page.php?from=kontakti"),
        ("https://gradets.bg/razpisanie?from=sofia&to=plovdiv",
         "https://gradets.bg/razpisanie?from=sofia&to=plovdiv"),  # one end of a route
        # (the other end in Bulgarian, or a range's, beside an article's address too)
        ("https://gradets.bg/linii/12-avtobus?from=sofia&do=plovdiv",
         "https://gradets.bg/linii/12-avtobus?from=sofia&do=plovdiv"),
        ("https://gradets.bg/sabitiya/2026-zimni-praznitsi?from=monday&until=friday",
         "https://gradets.bg/sabitiya/2026-zimni-praznitsi?from=monday&until=friday"),
        # a list's, a search's, a filter's own field: only beside an article is it a box's word
        ("https://gradets.bg/search.php?q=remont&from=news",
         "https://gradets.bg/search.php?q=remont&from=news"),
        ("https://gradets.bg/novini?from=week", "https://gradets.bg/novini?from=week"),
        ("https://gradets.bg/novini/?kat=obshtina&from=month",
         "https://gradets.bg/novini/?kat=obshtina&from=month"),
        ("https://gradets.bg/tag/remont-na-ulitsi?from=novini",
         "https://gradets.bg/tag/remont-na-ulitsi?from=novini"),
        # a number in a list's query is no article's id: a page, a limit, a year, a category
        ("https://gradets.bg/novini?page=12&from=week", "https://gradets.bg/novini?page=12&from=week"),
        ("https://gradets.bg/novini?page=12&from=month",
         "https://gradets.bg/novini?page=12&from=month"),
        ("https://gradets.bg/search.php?q=x&limit=20&from=news",
         "https://gradets.bg/search.php?q=x&limit=20&from=news"),
        ("https://gradets.bg/arhiv?year=2024&from=sport", "https://gradets.bg/arhiv?year=2024&from=sport"),
        ("https://gradets.bg/news.php?cat_id=3&from=week", "https://gradets.bg/news.php?cat_id=3&from=week"),
        # an article's slug, long id, short id in the path or an id field: a box's word
        ("https://gradets.bg/novini/remont-na-ulitsa-vazrazhdane?from=oshte",
         "https://gradets.bg/novini/remont-na-ulitsa-vazrazhdane"),
        ("https://gradets.bg/index.php?option=news&news_id=7&from=nachalo",
         "https://gradets.bg/index.php?option=news&news_id=7"),
        # a CMS's own reference number or code is the page's address
        ("https://gradets.bg/obyava.php?ref=1204", "https://gradets.bg/obyava.php?ref=1204"),
        ("https://gradets.bg/obyava.php?ref=OB-2026-17", "https://gradets.bg/obyava.php?ref=OB-2026-17"),
    ],
)  # fmt: skip
def test_a_referrer_tag_is_no_part_of_an_address(linked: str, plain: str) -> None:
    """``?ref=<where from>`` says where the link was, not which page: Ghost appends the
    site's host or a newsletter's name, feeds ``?ref=rss``, a CMS ``?from=<its box>``; an
    id in ``ref`` (digits, a code with digits), a date in ``from``, names the page and
    stays."""
    assert normalize_url(linked) == plain
    assert url_key(linked) == url_key(plain)


@pytest.mark.parametrize(
    ("linked", "plain"),
    [
        ("https://osenitsa.bg/novini/905-proverka?pechat=1", "https://osenitsa.bg/novini/905-proverka"),
        ("https://x.bg/novini/5-remont/?print=1", "https://x.bg/novini/5-remont/"),
        ("https://x.bg/novini.php?id=5&print=1", "https://x.bg/novini.php?id=5"),
        ("https://x.bg/novini.php?print=true&id=5", "https://x.bg/novini.php?id=5"),
        ("https://x.bg/novini/5?print", "https://x.bg/novini/5"),
        ("https://x.bg/novini/5?Pechat=da", "https://x.bg/novini/5"),
        ("https://x.bg/novini/5?printable=yes", "https://x.bg/novini/5"),
        # Joomla's print icon: the bare template, the flag, the default layout, the page
        ("https://x.bg/index.php?option=com_content&view=article&id=57:remont&catid=8"
         "&Itemid=101&tmpl=component&print=1&layout=default&page=",
         "https://x.bg/index.php?option=com_content&view=article&id=57:remont&catid=8"
         "&Itemid=101"),
        ("https://x.bg/novini/57-remont?tmpl=component&print=1", "https://x.bg/novini/57-remont"),
        # a print edition, a flag turned off, the bare template alone: another page
        ("https://x.bg/vestnik?print=2024-05", "https://x.bg/vestnik?print=2024-05"),
        ("https://x.bg/vestnik.php?print=12", "https://x.bg/vestnik.php?print=12"),
        ("https://x.bg/novini/5?print=0", "https://x.bg/novini/5?print=0"),
        ("https://x.bg/novini/5?tmpl=component", "https://x.bg/novini/5?tmpl=component"),
        ("https://x.bg/novini/5?layout=default&page=", "https://x.bg/novini/5?layout=default&page="),
        # the root's or a bare script's one field: nothing else would name the page
        ("https://x.bg/?print=1", "https://x.bg/?print=1"),
        ("https://x.bg/pechat.php?pechat=1", "https://x.bg/pechat.php?pechat=1"),
        # a field merely named so
        ("https://x.bg/novini/5?printer=1", "https://x.bg/novini/5?printer=1"),
    ],
)  # fmt: skip
def test_a_print_copys_flag_is_no_part_of_an_address(linked: str, plain: str) -> None:
    """A print copy (``?pechat=1``, ``&print=1``, Joomla's ``&tmpl=component&print=1``) is
    its article in a bare layout: one article, asked at the original's address. Only a
    flag's value: ``?print=2024-05`` names an edition and stays."""
    assert normalize_url(linked) == plain
    assert url_key(linked) == url_key(plain)


def test_an_article_linked_with_referrer_tags_is_fetched_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A Ghost-style home page linking its posts with ``?ref=`` (the portal's, a
    newsletter's, the feed's) and a tweet's ``?ref_src=`` beside the plain links: each
    post is asked for once, under its plain address, and archived under it."""
    root = tmp_path / "site"
    titles = {"remont": "Ремонт на улица Борисова", "park": "Нов парк във Възраждане",
              "byudzhet": "Бюджетът е приет"}  # fmt: skip
    for slug, title in titles.items():
        (root / "p" / slug).mkdir(parents=True)
        (root / "p" / slug / "index.html").write_text(
            f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            f"<p>Публикувано на 28.11.2026</p><p>{TEXT} {title}.</p></article></body></html>",
            encoding="utf-8",
        )
    links = [
        "/p/remont/?ref=gradets.bg", "/p/remont/", "/p/park/?ref=sedmichen-byuletin",
        "/p/byudzhet/?ref_src=twsrc%5Etfw", "/p/park/?ref=rss",
    ]  # fmt: skip
    (root / "index.html").write_text(
        "<html><body><main>"
        + "".join(f'<h2><a href="{href}">{titles[href.split("/")[2]]}</a></h2>' for href in links)
        + "</main></body></html>",
        encoding="utf-8",
    )
    profile = tmp_path / "gradets.toml"
    profile.write_text(
        'id = "gradets"\nname = "Градец"\norigin = "https://gradets.bg"\n[discovery]\n'
        'start_urls = ["/"]\narticle_pattern = "/p/[a-z]+/"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "gradets", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
        asked = [path for path in server.requests if path.startswith("/p/")]
    assert result.exit_code == 0, result.stderr
    assert sorted(asked) == sorted(f"/p/{slug}/" for slug in titles)
    with closing(sqlite3.connect(db)) as conn:
        urls = sorted(url for (url,) in conn.execute("SELECT url FROM articles"))
    assert urls == sorted(f"https://gradets.bg/p/{slug}/" for slug in titles)


def test_an_archive_keyed_with_referrer_tags_is_rekeyed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v16, written by this test as that release keyed a post
    linked from the feed (``?ref=rss``) and then from the home page (its plain address),
    edited between: two rows. Opened, it is one article, the newer text current and the
    older a revision, found by either spelling; an announcement named by its reference
    number (``?ref=1204``) keeps its own key."""
    db = tmp_path / "v16.db"
    tagged, plain = "https://g.bg/p/remont/?ref=rss", "https://g.bg/p/remont/"
    numbered = "https://g.bg/obyava.php?ref=1204"
    # a portal's return address (Liferay's ?redirect=<the list page>), keyed so until then too
    returned, bare = (
        "https://g.bg/web/content/sesia?redirect=/novini",
        "https://g.bg/web/content/sesia",
    )
    stale = {tagged: "g.bg/p/remont/?ref=rss", returned: "g.bg/web/content/sesia?redirect=/novini"}
    session = "Сесия на общинския съвет."
    versions = [
        (tagged, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (plain, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
        (numbered, "Обява", "Обява за търг на общински имот.", "2026-11-21T10:00:00+00:00"),
        (returned, "Сесия", session, "2026-11-20T10:00:00+00:00"),
        (bare, "Сесия", session + " Допълнено.", "2026-11-21T10:00:00+00:00"),
    ]  # fmt: skip
    _write_as_keyed(db, 16, versions, stale)
    for url in (tagged, plain):
        shown = run_cli("show", url, "--format", "json", "--db", str(db))
        assert shown.exit_code == 0, (url, shown.stderr)
        assert shown.json()["text"] == TEXT + " Допълнено."  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] >= 17
        rows = dict(after.execute("SELECT url, title FROM articles"))
        revised = sorted(r[0] for r in after.execute("SELECT text FROM revisions"))
        keys = {r[0] for r in after.execute("SELECT url_key FROM article_urls")}
    assert revised == sorted([TEXT, session])
    assert rows == {plain: "Ремонт", numbered: "Обява", bare: "Сесия"}
    assert "g.bg/web/content/sesia?redirect=/novini" not in keys
    assert "g.bg/obyava.php?ref=1204" in keys and "g.bg/p/remont/?ref=rss" not in keys


@pytest.mark.parametrize(
    "tagged",
    [
        "https://g.bg/novini/5-park?_ga=2.148221.1926553.1700000000-1577.1700000000",
        "https://g.bg/novini/5-park?_hsenc=p2ANqtz-9xB&_hsmi=28764",
        "https://g.bg/novini/5-park?mkt_tok=eyJpIjoiT1dN",
        "https://g.bg/novini/5-park?fb_action_ids=1021&fb_action_types=og.likes&fb_source=feed",
    ],
)
def test_an_analytics_linker_or_mail_tag_is_no_part_of_an_address(tagged: str) -> None:
    """Google Analytics' older cross-domain linker (a portal's links to its news host), an
    e-mail platform's tags and Facebook's share tags say who followed the link, not which
    page: a sitemap or feed written from visited addresses hands them on."""
    assert normalize_url(tagged) == "https://g.bg/novini/5-park"


def test_an_archive_keyed_with_an_analytics_linker_is_rekeyed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v17, written as that release keyed a post its sitemap gave
    with a ``_ga`` linker and its listing plainly: two rows, one article once opened."""
    db = tmp_path / "v17.db"
    tagged = "https://g.bg/p/remont/?_ga=2.148221.1926553.1700000000-1577.1700000000"
    plain = "https://g.bg/p/remont/"
    stale = {tagged: "g.bg/p/remont/?_ga=2.148221.1926553.1700000000-1577.1700000000"}
    versions = [
        (tagged, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (plain, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
    ]
    _write_as_keyed(db, 17, versions, stale)
    shown = run_cli("show", tagged, "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["text"] == TEXT + " Допълнено."  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] >= 18
        rows = dict(after.execute("SELECT url, title FROM articles"))
    assert rows == {plain: "Ремонт"}


def test_an_archive_keyed_with_a_cache_buster_is_rekeyed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v23, written by this test as that release keyed a link whose
    CMS wrote the moment into it (``?t=1764400000123``), and the same article archived
    again under the next night's spelling. Opened, it is one article under the address
    without it, the newer text current and the older a revision."""
    db = tmp_path / "v23.db"
    first, second = "https://s.bg/novini/5?t=1764400000123", "https://s.bg/novini/5?t=1764486400456"
    stale = {first: "s.bg/novini/5?t=1764400000123", second: "s.bg/novini/5?t=1764486400456"}
    versions = [
        (first, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (second, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
    ]
    _write_as_keyed(db, 23, versions, stale)
    shown = run_cli("show", "https://s.bg/novini/5", "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["text"] == TEXT + " Допълнено."  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] >= 24
        rows = dict(after.execute("SELECT url, title FROM articles"))
        assert [r[0] for r in after.execute("SELECT text FROM revisions")] == [TEXT]
    assert rows == {"https://s.bg/novini/5": "Ремонт"}


def test_an_archive_keyed_with_a_walls_way_back_is_rekeyed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v24, written by this test as that release keyed an article a
    list linked with its own address as the way back (``?next=%2Fnovini``), and the same
    article its feed linked plainly: two rows, one article once opened (schema v25)."""
    db = tmp_path / "v24.db"
    back, plain = "https://s.bg/novini/5?next=%2Fnovini", "https://s.bg/novini/5"
    stale = {back: "s.bg/novini/5?next=%2Fnovini"}
    versions = [
        (back, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (plain, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
    ]
    _write_as_keyed(db, 24, versions, stale)
    shown = run_cli("show", back, "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["text"] == TEXT + " Допълнено."  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] >= 25
        rows = dict(after.execute("SELECT url, title FROM articles"))
    assert rows == {plain: "Ремонт"}


def test_an_archive_keyed_with_a_folders_index_page_is_rekeyed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v25, written by this test as that release keyed an article
    its listing linked as ``/novini/5/index.html`` and its feed as ``/novini/5/``: two
    rows, one article once opened (schema v26), the newer text current."""
    db = tmp_path / "v25.db"
    indexed, folder = "https://s.bg/novini/5/index.html", "https://s.bg/novini/5/"
    stale = {indexed: "s.bg/novini/5/index.html"}
    versions = [
        (indexed, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (folder, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
    ]
    _write_as_keyed(db, 25, versions, stale)
    shown = run_cli("show", indexed, "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["text"] == TEXT + " Допълнено."  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] >= 26
        rows = dict(after.execute("SELECT url, title FROM articles"))
        keys = {r[0] for r in after.execute("SELECT url_key FROM article_urls")}
    assert len(rows) == 1 and keys == {"s.bg/novini/5/"}


def test_an_archive_keyed_with_a_random_cache_buster_is_rekeyed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v26, written by this test as that release keyed a link whose
    CMS wrote a random fraction into it (``&rnd=0.48213765213123``), and the same article
    archived again under the next night's: one article once opened (schema v27), under
    the address without it, the newer text current."""
    db = tmp_path / "v26.db"
    first = "https://s.bg/statia.php?id=5&rnd=0.48213765213123"
    second = "https://s.bg/statia.php?id=5&rnd=0.97295160791370"
    stale = {first: "s.bg/statia.php?id=5&rnd=0.48213765213123",
             second: "s.bg/statia.php?id=5&rnd=0.97295160791370"}  # fmt: skip
    versions = [
        (first, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (second, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
    ]
    _write_as_keyed(db, 26, versions, stale)
    shown = run_cli("show", "https://s.bg/statia.php?id=5", "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["text"] == TEXT + " Допълнено."  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] >= 27
        rows = dict(after.execute("SELECT url, title FROM articles"))
    assert rows == {"https://s.bg/statia.php?id=5": "Ремонт"}


def test_an_archive_holding_an_article_and_its_print_copy_is_rekeyed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v27, written by this test as that release archived an article
    and its print copy a sitemap listed beside it (``?pechat=1``) as two rows: one
    article once opened (schema v28), under the original's address."""
    db = tmp_path / "v27.db"
    original = "https://s.bg/novini/5-remont"
    copy = f"{original}?pechat=1"
    versions = [
        (original, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (copy, "Ремонт", TEXT, "2026-11-20T10:00:05+00:00"),
    ]
    _write_as_keyed(db, 27, versions, {copy: "s.bg/novini/5-remont?pechat=1"})
    shown = run_cli("show", copy, "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] >= 28
        rows = dict(after.execute("SELECT url, title FROM articles"))
        keys = {key for (key,) in after.execute("SELECT url_key FROM article_urls")}
    assert rows == {original: "Ремонт"} and keys == {"s.bg/novini/5-remont"}


def test_an_archive_keyed_with_coldfusion_session_fields_is_rekeyed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v29, written by this test as that release archived a
    ColdFusion site's article under two visits' ``CFID``/``CFTOKEN`` (two rows): one
    article once opened (schema v30), under its address without them."""
    db = tmp_path / "v29.db"
    plain = "https://m.bg/index.cfm?fuseaction=news.view&newsid=5"
    first, second = f"{plain}&CFID=1201&CFTOKEN=88213", f"{plain}&CFID=1207&CFTOKEN=10934"
    versions = [
        (first, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (second, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
    ]
    stale = {
        first: "m.bg/index.cfm?CFID=1201&CFTOKEN=88213&fuseaction=news.view&newsid=5",
        second: "m.bg/index.cfm?CFID=1207&CFTOKEN=10934&fuseaction=news.view&newsid=5",
    }
    _write_as_keyed(db, 29, versions, stale)
    shown = run_cli("show", second, "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["text"] == TEXT + " Допълнено."  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] >= 30
        rows = after.execute("SELECT url FROM articles").fetchall()
        keys = {key for (key,) in after.execute("SELECT url_key FROM article_urls")}
    assert len(rows) == 1 and "CFID" not in rows[0][0], rows
    assert not any("cfid" in key.lower() for key in keys), keys


def test_an_archive_keyed_with_a_joomla_modules_menu_item_is_rekeyed(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """An archive of schema v38, written by this test as that release archived a Joomla
    article its blog linked with a "-" slug and a module with another menu item (two
    rows): one article once opened (schema v39), found by either address."""
    db = tmp_path / "v38.db"
    blog = "https://j.bg/index.php?option=com_content&view=article&id=57-remont&Itemid=54"
    module = "https://j.bg/index.php?option=com_content&view=article&id=57&Itemid=1"
    versions = [
        (blog, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (module, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
    ]
    stale = {blog: "j.bg/index.php?Itemid=54&id=57-remont&option=com_content&view=article"}
    _write_as_keyed(db, 38, versions, stale)
    shown = run_cli("show", blog, "--format", "json", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert shown.json()["text"] == TEXT + " Допълнено."  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] >= 39
        rows = after.execute("SELECT url FROM articles").fetchall()
        keys = {key for (key,) in after.execute("SELECT url_key FROM article_urls")}
    assert len(rows) == 1, rows
    assert keys == {"j.bg/index.php?id=57&option=com_content&view=article"}, keys


@pytest.mark.parametrize("deleted", ["stale", "today's"])
def test_a_key_whose_article_was_deleted_by_hand_neither_stops_the_upgrade_nor_takes_a_key(
    run_cli: Callable[..., Result], tmp_path: Path, deleted: str
) -> None:
    """An archive of schema v25 holding an article under ``/novini/5/index.html`` and
    ``/novini/5/`` (two rows), one of them then deleted by hand (``DELETE FROM articles``
    in a sqlite3 shell or Datasette), its key left in ``article_urls``. The upgrade read
    the gone row to merge it and stopped (exit 70, every command, every night, the
    archive never upgraded); a gone row holding today's key took it from the live one.
    Now the key of a gone row is dropped: the live row is found by both addresses."""
    db = tmp_path / "v25.db"
    indexed, folder = "https://s.bg/novini/5/index.html", "https://s.bg/novini/5/"
    versions = [
        (indexed, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (folder, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
    ]
    _write_as_keyed(db, 25, versions, {indexed: "s.bg/novini/5/index.html"})
    gone, kept = (indexed, folder) if deleted == "stale" else (folder, indexed)
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("DELETE FROM articles WHERE url = ?", (gone,))
    for url in (indexed, folder):
        shown = run_cli("show", url, "--format", "json", "--db", str(db))
        assert shown.exit_code == 0, shown.stderr
        assert shown.json()["url"] == kept  # type: ignore[index]
    with closing(sqlite3.connect(db)) as after:
        assert after.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        keys = after.execute("SELECT url_key, a.url FROM article_urls JOIN articles a"
                             " ON a.id = article_id").fetchall()  # fmt: skip
        assert after.execute("SELECT count(*) FROM article_urls").fetchone()[0] == 1
    assert keys == [("s.bg/novini/5/", kept)]  # (the live row's, whichever went)


def test_an_upgrade_a_full_disk_stops_says_no_merge_and_the_next_run_makes_it(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """A v24 archive holding one article under ``?next=%2Fnovini`` and plainly, on a disk
    with room to open it but not to write the re-keying step: the search exits 74 in one
    error line, the archive left v24 with both rows. Its log said "2 URL key(s)
    rewritten, 1 duplicate article row(s) merged" in the line before, of a step rolled
    back; now only what was committed is said, by the run that commits it."""
    import os
    import shutil

    old = tmp_path / "v24.db"
    back, plain = "https://s.bg/novini/5?next=%2Fnovini", "https://s.bg/novini/5"
    versions = [
        (back, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (plain, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
    ]
    _write_as_keyed(old, 24, versions, {back: "s.bg/novini/5?next=%2Fnovini"})
    with small_disk(tmp_path / "disk", "1m") as disk:
        db = disk / "v24.db"
        shutil.copy(old, db)
        room = os.statvfs(disk)
        with (disk / "filler").open("wb") as filler:  # room for the -shm, not for the step
            filler.write(b"\0" * (room.f_bavail * room.f_frsize - 40 * 1024))
        full = run_cli("search", "ремонт", "--db", str(db))
        assert full.exit_code == 74, full.stderr
        errors = [line for line in full.stderr.splitlines() if "error:" in line]
        assert len(errors) == 1 and "disk is full" in errors[0], full.stderr
        assert "merged" not in full.stderr, full.stderr
        with closing(sqlite3.connect(db)) as kept:
            assert kept.execute("PRAGMA user_version").fetchone()[0] == 24
            assert kept.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        (disk / "filler").unlink()
        freed = run_cli("search", "ремонт", "--format", "json", "--db", str(db))
        assert freed.exit_code == 0, freed.stderr
        assert "1 duplicate article row(s) merged" in freed.stderr, freed.stderr
        assert [hit["url"] for hit in freed.json()] == [plain]  # type: ignore[attr-defined]


def test_an_article_v26_makes_one_is_searched_exported_and_indexed_once(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """The two rows a v25 archive held for ``/novini/5/index.html`` (fetched first) and
    ``/novini/5/`` (edited since), once upgraded: the lowest id kept, with the newer text,
    tags and address and the first fetch's time; the older version a revision; both
    captures its own; the full-text index consistent, so a search finds it once by a
    word of either version's current text, and an export holds it once."""
    db = tmp_path / "v25.db"
    indexed, folder = "https://s.bg/novini/5/index.html", "https://s.bg/novini/5/"
    first, edited = "2026-11-20T10:00:00+00:00", "2026-11-21T10:00:00+00:00"
    versions = [
        (indexed, "Ремонт", TEXT, first),
        (folder, "Ремонт на улицата", TEXT + " Допълнено с беседки.", edited),
    ]
    _write_as_keyed(db, 25, versions, {indexed: "s.bg/novini/5/index.html"})
    with closing(sqlite3.connect(db)) as before:
        ids = dict(before.execute("SELECT url, id FROM articles"))
    for word in ("беседки", "ремонт"):
        found = run_cli("search", word, "--format", "json", "--db", str(db))
        assert found.exit_code == 0, found.stderr
        assert [hit["id"] for hit in found.json()] == [ids[indexed]], word  # type: ignore[attr-defined]
    export = run_cli("export", "--db", str(db))
    assert export.exit_code == 0 and len(export.stdout.splitlines()) == 1, export.stderr
    shown = run_cli("show", indexed, "--format", "json", "--db", str(db)).json()
    assert isinstance(shown, dict)
    assert (shown["id"], shown["url"], shown["title"]) == (
        ids[indexed],
        folder,
        "Ремонт на улицата",
    )
    assert (shown["fetched_at"], shown["updated_at"]) == (first, edited)
    assert [(r["text"], r["seen_at"], r["replaced_at"]) for r in shown["revisions"]] == [
        (TEXT, first, edited)
    ]
    with closing(sqlite3.connect(db)) as after:
        after.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        assert after.execute("SELECT DISTINCT article_id FROM captures").fetchall() == [
            (ids[indexed],)
        ]
        for table in ("story_keys", "article_stories", "article_urls"):
            assert after.execute(
                f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"
            ).fetchone() == (0,), table


def test_an_article_is_found_at_the_address_it_is_stored_under_before_its_rekeying(
    tmp_path: Path,
) -> None:
    """A v25 archive read as it is (one this user cannot write is never upgraded): its
    article under ``/novini/5/index.html`` is keyed so, not by today's key (the folder),
    and ``show`` said "no article" at the very address its row holds. An address no key
    leads to is looked up as the URL an article is stored under."""
    from newsarchive.archive.store import get_article

    db = tmp_path / "v25.db"
    indexed = "https://s.bg/novini/5/index.html"
    versions = [(indexed, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00")]
    _write_as_keyed(db, 25, versions, {indexed: "s.bg/novini/5/index.html"})
    with closing(sqlite3.connect(f"file:{db}?mode=ro", uri=True)) as conn:
        found = get_article(conn, indexed, provenance=True)
        assert found is not None and found["url"] == indexed and found["text"] == TEXT
        assert get_article(conn, "https://s.bg/novini/5/") is None  # (no key, no row there)
        assert get_article(conn, "99") is None


def _older(db: Path, version: int) -> None:
    """An archive of schema ``version`` holding what each pass of an upgrade mends: one
    article archived under the address its fetch was redirected from (``/go?id=7``) and
    under its own (v12's re-keying with redirects), one under a cache-buster's spelling
    and plainly (v24's), one under its folder's index page and the folder (v26's), and a
    row stored with a soft hyphen and a control character inside words (v21's and v23's
    respelling)."""
    by_id, seven = "https://g.bg/go?id=7", "https://g.bg/novini/7"
    buster, eight = "https://g.bg/novini/8?t=1764400000123", "https://g.bg/novini/8"
    indexed, folder = "https://g.bg/novini/9/index.html", "https://g.bg/novini/9/"
    spelled = "https://g.bg/novini/10"
    versions = [
        (by_id, "Панаир", "Панаирът започва в петък.", "2026-11-20T10:00:00+00:00"),
        (seven, "Панаир", "Панаирът започва в петък. Вход свободен.", "2026-11-22T10:00:00+00:00"),
        (buster, "Концерт", "Концерт на площада.", "2026-11-20T10:00:00+00:00"),
        (eight, "Концерт", "Концерт на площада в събота.", "2026-11-21T10:00:00+00:00"),
        (indexed, "Ремонт", TEXT, "2026-11-20T10:00:00+00:00"),
        (folder, "Ремонт", TEXT + " Допълнено.", "2026-11-21T10:00:00+00:00"),
        (spelled, "Конкурс", "Общината обяви конкурс.", "2026-11-20T10:00:00+00:00"),
    ]  # fmt: skip
    stale = {buster: "g.bg/novini/8?t=1764400000123", indexed: "g.bg/novini/9/index.html"}
    _write_as_keyed(db, version, versions, stale, {by_id: seven})
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute(
            "UPDATE articles SET text = ? WHERE url = ?",
            ("Об\u00adщината обяви кон\x01курс.", spelled),  # as releases before v21 stored it
        )


def _upgraded(db: Path, conn_class: type[sqlite3.Connection] = sqlite3.Connection) -> list[str]:
    """``ensure_schema`` run on ``db`` as every command runs it; the SQL it ran."""
    from newsarchive.archive.connection import add_functions
    from newsarchive.archive.schema import ensure_schema

    ran: list[str] = []
    conn = sqlite3.connect(db, factory=conn_class)
    try:
        add_functions(conn)
        conn.set_trace_callback(ran.append)
        ensure_schema(conn)
    finally:
        conn.close()  # (a transaction left open is rolled back, as by a kill)
    return ran


def _passes(ran: list[str]) -> tuple[int, int]:
    """Re-keying passes (each drops the keys of gone articles first) and respelling passes
    (each reads the articles from the first id on) among the statements ``ran``."""
    rekeyed = ran.count(
        "DELETE FROM article_urls WHERE article_id NOT IN (SELECT id FROM articles)"
    )
    respelled = sum(
        s.startswith("SELECT id, site, title, author, tags, text FROM articles WHERE id > 0 ")
        for s in ran
    )
    return rekeyed, respelled


def _state(db: Path) -> tuple[object, ...]:
    """What an upgrade leaves: version, rows, keys, revisions, what a search finds."""
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
        return (
            conn.execute("PRAGMA user_version").fetchone()[0],
            sorted(conn.execute("SELECT id, url, title, text FROM articles")),
            sorted(conn.execute("SELECT url_key, article_id FROM article_urls")),
            sorted(conn.execute("SELECT article_id, title, text FROM revisions")),
            sorted(
                conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'конкурс'")
            ),
        )


@pytest.mark.parametrize(("version", "passes"), [(9, (1, 1)), (20, (1, 1)), (23, (1, 0))])
def test_an_upgrade_rekeys_and_respells_once_however_many_steps_it_crosses(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, version: int, passes: tuple[int, int]
) -> None:
    """Each re-keying step (v10, v12, v16-v18, v24-v28) recomputed every stored key under
    today's identity, and each respelling step (v13, v21, v23) respelled every row by
    today's composition: an archive upgraded from v23 was re-keyed three times, one from v20
    respelled twice too (a 50,000-article one took 32.6 s from v20, 24.0 s now). Each is
    one pass now, with v12's redirects when v12 is to come, and says what it did in one
    line each."""
    db = tmp_path / f"v{version}.db"
    _older(db, version)
    with caplog.at_level(logging.WARNING, logger="newsarchive"):
        assert _passes(_upgraded(db)) == passes
    said = [r.getMessage() for r in caplog.records]
    assert len(said) == 1 + passes[1], said
    [rekeyed] = [line for line in said if "re-keyed" in line]
    merged = 3 if version < 12 else 2  # (before v12: the article a fetch was redirected to)
    assert rekeyed.endswith(f"URL key(s) rewritten, {merged} duplicate article row(s) merged")
    if passes[1]:
        [respelled] = [line for line in said if "re-keyed" not in line]
        assert respelled.startswith("archive upgraded: 1 article(s) stored with "), said
        assert ("a stress mark" in respelled) is (version < 13), said
        assert respelled.endswith(
            "an invisible character inside a word (a soft hyphen, a zero-width space) or a"
            " control character inside a word spelled and indexed as searches read them;"
            " what they stored is kept as a revision"
        ), said
    _, rows, *_ = _state(db)
    urls = {row[1] for row in rows}  # type: ignore[attr-defined]
    one = {"https://g.bg/novini/7", "https://g.bg/novini/8", "https://g.bg/novini/9/"}
    assert urls == one | {"https://g.bg/novini/10"} | (
        {"https://g.bg/go?id=7"} if version >= 12 else set()
    )


class _Killed(Exception):
    """The process upgrading the archive killed (SIGKILL, a power cut)."""


@pytest.mark.parametrize(
    ("version", "killed_at"),
    [(9, 10), (9, 11), (9, 12), (9, 13), (9, 16), (9, 17)]
    + [(20, 21), (20, 22), (20, 23), (20, 24), (20, 25), (20, 26)],
)
def test_an_upgrade_killed_between_its_steps_ends_as_one_never_killed(
    tmp_path: Path, version: int, killed_at: int
) -> None:
    """An upgrade makes each pass (re-keying, respelling) at one step and commits the
    other steps of its kind with their versions alone. Killed before the step to
    ``killed_at`` commits (that step undone, those before kept), the next upgrade ends
    exactly where an upgrade never killed does: a step passed over before the pass left
    its work to a step still pending (v10's to v12's, which keys redirects too), one after
    it had its work done by the pass committed before it."""

    class KilledAt(sqlite3.Connection):
        def commit(self) -> None:
            if self.execute("PRAGMA user_version").fetchone()[0] == killed_at:
                raise _Killed
            super().commit()

    whole, killed = tmp_path / "whole.db", tmp_path / "killed.db"
    _older(whole, version)
    shutil.copy(whole, killed)
    _upgraded(whole)
    with pytest.raises(_Killed):
        _upgraded(killed, KilledAt)
    with closing(sqlite3.connect(killed)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == killed_at - 1
    _upgraded(killed)
    assert _state(killed) == _state(whole)
