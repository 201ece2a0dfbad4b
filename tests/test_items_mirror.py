"""A village mayoralty whose news are one page of items in full, crawled from its origin
alone (a profile of id, name and origin) through a real ``MirrorServer``.

The mirror (``tests/fixtures/make_mirrors_items.py``): ``gorsko-pole``, whose "Новини"
holds eight items in full (headline, date line, paragraphs; no page of their own; some
with an ``id``, some after an ``<a name>``, some with neither) and links "Новини 2025",
four older ones, each in a box. Each item must be archived as an article of its own under
the page's URL and its anchor, with its own title, date and text only; a rerun right after
must add nothing in at most three requests; an edited item becomes a revision, and an
item added at the top a new row.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from newsarchive.mirror import MirrorServer

from .support import SITES, Result

SITE = "gorsko-pole"
ORIGIN = "https://kmetstvo-gorskopole.bg"


def _json(name: str) -> Any:
    return json.loads((SITES / SITE / name).read_text(encoding="utf-8"))


def _args(tmp_path: Path, server: MirrorServer, db: Path) -> tuple[str, ...]:
    profile = tmp_path / f"{SITE}.toml"
    profile.write_text(
        f'id = "{SITE}"\nname = "Кметство Горско поле"\norigin = "{ORIGIN}"\n', encoding="utf-8"
    )
    return ("crawl", SITE, "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db))  # fmt: skip


def _rows(db: Path) -> dict[str, tuple[str, str, str | None, str, str]]:
    with closing(sqlite3.connect(db)) as conn:
        return {
            url: (title, published, author, text, source)
            for url, title, published, author, text, source in conn.execute(
                "SELECT url, title, published, author, text, date_source FROM articles"
            )
        }


def _count(db: Path, table: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_each_item_of_a_page_of_items_is_an_article_of_its_own(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    expected = {row["url"]: row for row in _json("expected.json")}
    boilerplate: list[str] = _json("boilerplate.json")
    with MirrorServer(SITES / SITE) as server:
        first = run_cli(*_args(tmp_path, server, db))
        assert first.exit_code == 0, first.stderr
        assert "holds no article links" not in first.stderr
        assert "/novini-2025.html" in server.requests  # the older items' page, walked
        articles, captures = _count(db, "articles"), _count(db, "captures")
        before = len(server.requests)
        nightly = run_cli(*_args(tmp_path, server, db))
        assert nightly.exit_code == 0, nightly.stderr
        assert len(server.requests) - before <= 3, server.requests[before:]
    assert (_count(db, "articles"), _count(db, "captures")) == (articles, captures)
    rows = _rows(db)
    assert sorted(rows) == sorted(expected)
    # the anchors: the page's own (an id, an <a name>), else a slug of date and headline
    assert f"{ORIGIN}/novini.html#vodoprovod-lipa" in rows  # <h2 id>
    assert f"{ORIGIN}/novini.html#priemen-den" in rows  # <a name> above the <h2>
    assert f"{ORIGIN}/novini.html#2026-11-02-esenno-zalesyavane-kray-yazovira" in rows
    titles = [row["title"] for row in expected.values()]
    for url, row in expected.items():
        title, published, author, text, source = rows[url]
        assert (title, published, author, text) == (
            row["title"], row["published"], row["author"], row["text"],
        ), url  # fmt: skip
        assert source == "text", url
        for junk in boilerplate:
            assert junk not in text, (url, junk)
        for other in titles:  # no other item's headline (nor its text) in this one
            assert other == title or other not in text, (url, other)


def test_an_export_of_items_imports_under_their_anchors(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """An import drops a link's fragment (``jsonl_import._import_url``), never an item's: our own
    export of a page of items comes back as its items, each under its anchor."""
    with MirrorServer(SITES / SITE) as server:
        assert run_cli(*_args(tmp_path, server, db)).exit_code == 0
    out = tmp_path / "items.jsonl"
    exported = run_cli("export", "--format", "jsonl", "--out", str(out), "--db", str(db))
    assert exported.exit_code == 0, exported.stderr
    copy = tmp_path / "copy.db"
    imported = run_cli("import-jsonl", str(out), "--db", str(copy))
    assert imported.exit_code == 0, imported.stderr
    assert sorted(_rows(copy)) == sorted(_rows(db))
    assert f"{ORIGIN}/novini.html#vodoprovod-lipa" in _rows(copy)


def test_an_edited_item_is_a_revision_and_a_new_one_at_the_top_a_new_row(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "mirror"
    shutil.copytree(SITES / SITE, root)
    page = root / "novini.html"
    with MirrorServer(root) as server:
        assert run_cli(*_args(tmp_path, server, db)).exit_code == 0
        html = page.read_text(encoding="utf-8")
        edited = html.replace("засадиха двеста фиданки", "засадиха триста фиданки")
        added = (
            '<h1>Новини</h1>\n<h2 id="izbori">Изборна комисия заседава в кметството</h2>\n'
            '<p class="data">27.11.2026 г.</p>\n<p>Секционната избирателна комисия ще заседава в'
            " малкия салон на кметството в понеделник от пет часа следобед.</p>\n<hr>"
        )
        page.write_text(edited.replace("<h1>Новини</h1>", added, 1), encoding="utf-8")
        again = run_cli(*_args(tmp_path, server, db))
        assert again.exit_code == 0, again.stderr
        assert "1 new, 1 updated" in again.stdout + again.stderr
    rows = _rows(db)
    assert rows[f"{ORIGIN}/novini.html#izbori"][:2] == (
        "Изборна комисия заседава в кметството", "2026-11-27",
    )  # fmt: skip
    url = f"{ORIGIN}/novini.html#2026-11-02-esenno-zalesyavane-kray-yazovira"
    assert "засадиха триста фиданки" in rows[url][3]
    with closing(sqlite3.connect(db)) as conn:
        kept = conn.execute(
            "SELECT r.text FROM revisions r JOIN articles a ON a.id = r.article_id WHERE a.url = ?",
            (url,),
        ).fetchall()
    assert len(kept) == 1 and "засадиха двеста фиданки" in kept[0][0]
    assert _count(db, "revisions") == 1  # the other items did not change


def test_extract_says_a_page_holds_items_and_prints_each(run_cli: Callable[..., Result]) -> None:
    page = str(SITES / SITE / "novini.html")
    expected = [row for row in _json("expected.json") if row["file"] == "novini.html"]
    result = run_cli("extract", page, "--url", f"{ORIGIN}/novini.html")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("\n") == 1
    assert "holds 8 news items in full" in result.stderr
    printed = result.json()
    assert [
        (a["url"], a["title"], a["published"], a["text"], a["date_source"]) for a in printed
    ] == [(row["url"], row["title"], row["published"], row["text"], "text") for row in expected]
    text = run_cli("extract", page, "--url", f"{ORIGIN}/novini.html", "-f", "text")
    assert text.exit_code == 0, text.stderr
    lines = text.stdout.splitlines()
    assert lines[0] == expected[0]["title"] and expected[-1]["url"] in lines
    # an ordinary page prints one article, as before, and says nothing of items
    home = run_cli("extract", str(SITES / SITE / "index.html"), "--url", f"{ORIGIN}/")
    assert home.exit_code == 0 and "items" not in home.stderr
    assert isinstance(home.json(), dict)


def test_older_items_on_a_numbered_page_are_walked_like_a_listings(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The same site with a pager ("Страници: 1 2") instead of the year's page."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / SITE, root)
    page = root / "novini.html"
    html = page.read_text(encoding="utf-8")
    older = '<p class="older">По-старите новини: <a href="/novini-2025.html">Новини 2025</a></p>'
    assert older in html
    pager = '<p class="pager">Страници: <b>1</b> <a href="/novini.html?page=2">2</a></p>'
    page.write_text(html.replace(older, pager), encoding="utf-8")
    (root / "novini-2025.html").rename(root / "novini.html@page=2")
    with MirrorServer(root) as server:
        assert run_cli(*_args(tmp_path, server, db)).exit_code == 0
        before = len(server.requests)
        assert run_cli(*_args(tmp_path, server, db)).exit_code == 0
        assert len(server.requests) - before <= 3, server.requests[before:]
    expected = {
        row["url"].replace("/novini-2025.html#", "/novini.html?page=2#"): row
        for row in _json("expected.json")
    }
    rows = _rows(db)
    assert sorted(rows) == sorted(expected)
    assert all(rows[url][3] == row["text"] for url, row in expected.items())


def test_reextract_reads_each_item_again_from_its_page_not_the_whole_page(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    with MirrorServer(SITES / SITE) as server:
        args = _args(tmp_path, server, db)
        assert run_cli(*args).exit_code == 0
    before = _rows(db)
    with closing(sqlite3.connect(db)) as conn:  # as an older extractor might have read one
        conn.execute("UPDATE articles SET text = 'стар текст' WHERE url LIKE '%#baba-marta'")
        conn.commit()
    profile = str(tmp_path / f"{SITE}.toml")
    result = run_cli("reextract", "--site", SITE, "--profile", profile, "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert _rows(db) == before
    assert _count(db, "revisions") == 1  # the one changed row, its old text kept


def test_a_recheck_fetches_no_item_address(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """``--recheck`` asks again for recent articles' pages; an item has none of its own
    (its page is read by the walk), so asking for it would archive the whole page."""
    with MirrorServer(SITES / SITE) as server:
        args = _args(tmp_path, server, db)
        assert run_cli(*args).exit_code == 0
        rows = _rows(db)
        before = len(server.requests)
        again = run_cli(*args, "--recheck", "400")
        assert again.exit_code == 0, again.stderr
        assert server.requests[before:].count("/novini.html") <= 1
    assert _rows(db) == rows


def test_a_home_page_that_holds_the_items_is_the_listing(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The same site with its news on the home page and no "Новини" page."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / SITE, root)
    (root / "novini.html").replace(root / "index.html")
    with MirrorServer(root) as server:
        first = run_cli(*_args(tmp_path, server, db))
        assert first.exit_code == 0, first.stderr
    expected = {row["url"].replace("/novini.html#", "/#") for row in _json("expected.json")}
    assert sorted(_rows(db)) == sorted(expected)


def test_a_page_of_items_queued_as_an_article_is_archived_as_its_items(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The same site with a sitemap naming its two news pages: fetched as articles, each
    is archived as its items, not as one article holding all of them."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / SITE, root)
    (root / "robots.txt").write_text(
        f"User-agent: *\nDisallow:\nSitemap: {ORIGIN}/sitemap.xml\n", encoding="utf-8"
    )
    entries = "".join(
        f"<url><loc>{ORIGIN}/{page}</loc></url>" for page in ("novini.html", "novini-2025.html")
    )
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        first = run_cli(*_args(tmp_path, server, db))
        assert first.exit_code == 0, first.stderr
        before = len(server.requests)
        assert run_cli(*_args(tmp_path, server, db)).exit_code == 0
        assert len(server.requests) - before <= 3, server.requests[before:]
    assert sorted(_rows(db)) == sorted(row["url"] for row in _json("expected.json"))


def test_a_refresh_reads_every_page_of_items_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """``--refresh`` re-reads what is archived: an unchanged item counts as new work to
    the walk then, as an article link does, so the older items' page is read again too
    (not left behind by an incremental stop at the first page)."""
    with MirrorServer(SITES / SITE) as server:
        args = _args(tmp_path, server, db)
        assert run_cli(*args).exit_code == 0
        before = len(server.requests)
        again = run_cli(*args, "--refresh")
        assert again.exit_code == 0, again.stderr
        assert "/novini-2025.html" in server.requests[before:]


def _sitemap(root: Path, *pages: str) -> None:
    """A robots.txt naming a sitemap of ``pages`` (paths under the origin)."""
    (root / "robots.txt").write_text(
        f"User-agent: *\nDisallow:\nSitemap: {ORIGIN}/sitemap.xml\n", encoding="utf-8"
    )
    entries = "".join(f"<url><loc>{ORIGIN}/{page}</loc></url>" for page in pages)
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n',
        encoding="utf-8",
    )


def _sitemap_args(tmp_path: Path, server: MirrorServer, db: Path) -> tuple[str, ...]:
    """``_args`` with a profile naming the site's sitemap: what it lists is queued as
    articles, none of it judged by shapes a listing taught (nothing is explored)."""
    args = _args(tmp_path, server, db)
    profile = tmp_path / f"{SITE}.toml"
    with profile.open("a", encoding="utf-8") as out:
        out.write(f'[discovery]\nsitemaps = ["{ORIGIN}/sitemap.xml"]\n')
    return args


def _paged_year_items(root: Path) -> None:
    """A second page of the year's items at ``/novini-2025.html?page=2`` (the newer
    page's items, under the year's headline, with a pager back to page 1), and a sitemap
    naming both pages of the year: only the sitemap names page 2."""
    html = (root / "novini.html").read_text(encoding="utf-8")
    pager = '<p class="pager">Страници: <a href="/novini-2025.html">1</a> <b>2</b></p>'
    assert html.count("<h1>Новини</h1>") == 1
    html = html.replace("<h1>Новини</h1>", f"<h1>Новини 2025</h1>\n{pager}")
    (root / "novini-2025.html@page=2").write_text(html, encoding="utf-8")
    _sitemap(root, "novini-2025.html", "novini-2025.html?page=2")


def test_a_numbered_page_of_items_only_a_sitemap_names_is_split_into_its_items(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """``?page=2`` linking its first page with the pager's "1" reads, by its address,
    like a later page of an article; holding items in full, it is a page of items."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / SITE, root)
    _paged_year_items(root)
    with MirrorServer(root) as server:
        first = run_cli(*_sitemap_args(tmp_path, server, db))
        assert first.exit_code == 0, first.stderr
        assert "/novini-2025.html?page=2" in server.requests
    expected = {
        row["url"].replace("/novini.html#", "/novini-2025.html?page=2#"): row
        for row in _json("expected.json")
    }
    rows = _rows(db)
    assert sorted(rows) == sorted(expected)
    assert all(rows[url][3] == row["text"] for url, row in expected.items())


def test_a_recheck_reads_again_a_page_of_items_only_a_sitemap_names(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A page of items fetched as an article (a sitemap's entry) is walked by nobody:
    ``--recheck`` asks for it again, once, and an edited item there becomes a revision."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / SITE, root)
    _sitemap(root, "novini-2025.html")
    page = root / "novini-2025.html"
    with MirrorServer(root) as server:
        args = _sitemap_args(tmp_path, server, db)
        assert run_cli(*args).exit_code == 0
        url = f"{ORIGIN}/novini-2025.html#koleden-bazar"
        assert url in _rows(db)
        html = page.read_text(encoding="utf-8")
        assert "коледен базар с курабийки" in html
        page.write_text(html.replace("с курабийки", "с меденки"), encoding="utf-8")
        before = len(server.requests)
        again = run_cli(*args, "--recheck", "400")
        assert again.exit_code == 0, again.stderr
        assert server.requests[before:].count("/novini-2025.html") == 1
    assert "коледен базар с меденки" in _rows(db)[url][3]
    with closing(sqlite3.connect(db)) as conn:
        kept = conn.execute(
            "SELECT r.text FROM revisions r JOIN articles a ON a.id = r.article_id WHERE a.url = ?",
            (url,),
        ).fetchall()
    assert len(kept) == 1 and "с курабийки" in kept[0][0]
    assert _count(db, "revisions") == 1


def test_an_item_that_cannot_be_stored_fails_alone(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One item whose values the archive cannot hold (as a lone surrogate once raised
    in a single article's store) fails with one line, its half-written rows rolled back;
    the page's other items and the rest of the site are archived."""
    from newsarchive.archive.store import Store

    marker = "Коледен базар"
    real_upsert = Store.upsert_article

    def upsert(self: Store, article: Any, **kwargs: Any) -> Any:
        outcome = real_upsert(self, article, **kwargs)  # (written, then it fails)
        if marker in article.title:
            raise UnicodeEncodeError("utf-8", "\udc80", 0, 1, "surrogates not allowed")
        return outcome

    monkeypatch.setattr(Store, "upsert_article", upsert)
    with MirrorServer(SITES / SITE) as server:
        result = run_cli(*_args(tmp_path, server, db))
    url = f"{ORIGIN}/novini-2025.html#koleden-bazar"
    assert result.exit_code == 1, result.stderr
    assert "cannot store the article (UnicodeEncodeError: " in result.stderr
    assert url in result.stderr
    expected = {row["url"] for row in _json("expected.json")} - {url}
    assert sorted(_rows(db)) == sorted(expected)
    with closing(sqlite3.connect(db)) as conn:
        keys = [key for (key,) in conn.execute("SELECT url_key FROM article_urls")]
    assert not [key for key in keys if key.endswith("#koleden-bazar")]


def test_an_item_without_an_anchor_whose_headline_is_edited_is_a_revision(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """An item the page names no anchor for is found by a slug of its date and headline:
    a typo fixed in the headline changes its address. Same page, same date, the old
    address gone from the page and mostly the same text: the item edited (a revision,
    under its new address), not a second row beside the first. One that could be the
    edit of two items of its day stays new."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / SITE, root)
    page = root / "novini.html"
    old = f"{ORIGIN}/novini.html#2026-11-02-esenno-zalesyavane-kray-yazovira"
    new = f"{ORIGIN}/novini.html#2026-11-02-esenno-zalesyavane-kray-yazovir-bistritsa"
    with MirrorServer(root) as server:
        args = _args(tmp_path, server, db)
        assert run_cli(*args).exit_code == 0
        rows = _rows(db)
        html = page.read_text(encoding="utf-8")
        edited = html.replace(
            "<h2>Есенно залесяване край язовира</h2>",
            "<h2>Есенно залесяване край язовир „Бистрица“</h2>",
        ).replace("засадиха двеста фиданки", "засадиха двеста и десет фиданки")
        assert edited.count("Бистрица") == 1 and "двеста и десет" in edited
        page.write_text(edited, encoding="utf-8")
        again = run_cli(*args)
        assert again.exit_code == 0, again.stderr
        assert "0 new, 1 updated" in again.stdout + again.stderr
    after = _rows(db)
    assert sorted(after) == sorted({*rows} - {old} | {new})
    assert after[new][0] == "Есенно залесяване край язовир „Бистрица“"
    assert "двеста и десет фиданки" in after[new][3]
    with closing(sqlite3.connect(db)) as conn:
        kept = conn.execute(
            "SELECT r.title FROM revisions r JOIN articles a ON a.id = r.article_id"
            " WHERE a.url = ?",
            (new,),
        ).fetchall()
    assert kept == [("Есенно залесяване край язовира",)]
    shown = run_cli("show", old, "--db", str(db))  # the old address still leads to it
    assert shown.exit_code == 0 and "„Бистрица“" in shown.stdout


def test_an_item_like_two_gone_items_of_its_day_is_new(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "mirror"
    shutil.copytree(SITES / SITE, root)
    page = root / "novini.html"
    html = page.read_text(encoding="utf-8")
    block = (
        '<h2>Есенно залесяване край язовира</h2>\n<p class="data">2 ноември 2026</p>\n'
        "<p>Доброволци от селото и учениците от основното училище засадиха двеста фиданки"
        " от дъб и явор по брега на язовира.</p>\n<hr>\n"
    )
    assert block in html
    twin = block.replace("край язовира</h2>", "край горския път</h2>")
    page.write_text(html.replace(block, block + twin), encoding="utf-8")
    with MirrorServer(root) as server:
        args = _args(tmp_path, server, db)
        assert run_cli(*args).exit_code == 0
        both = twin.replace(
            "<h2>Есенно залесяване край горския път</h2>", "<h2>Пролетно залесяване</h2>"
        )
        page.write_text(html.replace(block, both), encoding="utf-8")
        again = run_cli(*args)
        assert again.exit_code == 0, again.stderr
        assert "1 new, 0 updated" in again.stdout + again.stderr
    assert _count(db, "revisions") == 0


def test_a_headline_edit_is_a_revision_where_the_whole_page_was_archived_before(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The page of items itself archived as one article (by a version before items, or
    an import): an item's address not archived yet was looked up by the page's address
    too, which led to that article, so no edited item was ever "not archived" and each
    headline edit made a second row."""
    record = {
        "site": SITE, "url": f"{ORIGIN}/novini.html", "title": "Новини",
        "text": "Всички новини на кметството на едно място.", "published": None,
    }  # fmt: skip
    source = tmp_path / "old.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    root = tmp_path / "mirror"
    shutil.copytree(SITES / SITE, root)
    page = root / "novini.html"
    old = f"{ORIGIN}/novini.html#2026-11-02-esenno-zalesyavane-kray-yazovira"
    new = f"{ORIGIN}/novini.html#2026-11-02-esenno-zalesyavane-kray-yazovir-bistritsa"
    with MirrorServer(root) as server:
        args = _args(tmp_path, server, db)
        assert run_cli(*args).exit_code == 0
        assert old in _rows(db)
        page.write_text(
            page.read_text(encoding="utf-8").replace(
                "<h2>Есенно залесяване край язовира</h2>",
                "<h2>Есенно залесяване край язовир „Бистрица“</h2>",
            ),
            encoding="utf-8",
        )
        again = run_cli(*args)
        assert again.exit_code == 0, again.stderr
        assert "0 new, 1 updated" in again.stdout + again.stderr
    after = _rows(db)
    assert new in after and old not in after


def test_an_id_the_page_gives_two_items_names_neither(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A template printing one ``id`` on several headlines names no item: the first of
    them took it, so a new item at the top took that address from it on the next read,
    the old item's row became a revision of another item's, and the old item, slugged
    now, a new row beside it."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / SITE, root)
    page = root / "novini.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace('id="vodoprovod-lipa"', 'id="novina"').replace(
        'id="sabor-2026"', 'id="novina"'
    )
    page.write_text(html, encoding="utf-8")
    fresh = (
        '<h2 id="novina">Коледен базар в читалището</h2>\n<p class="data">25.11.2026 г.</p>\n'
        "<p>Читалището кани всички на коледен базар с ръчно изработени играчки и сладки.</p>\n"
        "<hr>\n"
    )
    with MirrorServer(root) as server:
        args = _args(tmp_path, server, db)
        assert run_cli(*args).exit_code == 0
        assert f"{ORIGIN}/novini.html#novina" not in _rows(db)
        page.write_text(html.replace("<h1>Новини</h1>\n", "<h1>Новини</h1>\n" + fresh), "utf-8")
        again = run_cli(*args)
        assert again.exit_code == 0, again.stderr
        assert "1 new, 0 updated" in again.stdout + again.stderr
    assert _count(db, "revisions") == 0
