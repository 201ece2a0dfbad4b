"""A nightly run learns of new articles a sitemap index hides: two crawls of a site served
on 127.0.0.1 (``MirrorServer``: a strong ETag a hash of each file's bytes, 304 when it
matches), the site gaining an article between them in a child sitemap the index does not
say changed, as WordPress core (no ``<lastmod>``), Yoast and OSMap (a ``<lastmod>`` that
stays) write them."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

from newsarchive.mirror import MirrorServer

from .support import Result

Cli = Callable[..., Result]
ORIGIN = "https://karta.example"
PROFILE = f'id = "karta"\nname = "Karta"\norigin = "{ORIGIN}"\n[discovery]\n'


def write_index(root: Path, name: str, children: dict[str, str | None]) -> None:
    """An index of ``children`` (file name: its ``<lastmod>``, None for none)."""
    entries = "".join(
        f"<sitemap><loc>{ORIGIN}/{child}</loc>"
        + (f"<lastmod>{stamp}</lastmod>" if stamp else "")
        + "</sitemap>"
        for child, stamp in children.items()
    )
    (root / name).write_text(
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{entries}</sitemapindex>",
        encoding="utf-8",
    )


def news(number: int) -> str:
    return f"/novini/{number}-remont-na-ulitsata-v-grada"


def write_child(root: Path, name: str, numbers: list[int]) -> None:
    """A child sitemap listing the articles ``numbers``, each page written."""
    paths = [news(n) for n in numbers]
    urls = "".join(f"<url><loc>{ORIGIN}{path}</loc></url>" for path in paths)
    (root / name).write_text(
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"{urls}</urlset>",
        encoding="utf-8",
    )
    for path in paths:
        page = root / f"{path.lstrip('/')}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        number = path.split("/")[2].split("-")[0]
        page.write_text(
            f"<html><head><title>Новина {number}</title></head><body><article><h1>Новина"
            f" {number} за ремонта</h1><p>Общината обяви ремонт на улица номер {number} и нов"
            " парк в квартала до края на годината, съобщиха от кметството.</p>"
            "</article></body></html>",
            encoding="utf-8",
        )


def archived(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {row[0].removeprefix(ORIGIN) for row in conn.execute("SELECT url FROM articles")}


def crawler(run_cli: Cli, db: Path, root: Path, index: str) -> Callable[[MirrorServer], Result]:
    profile = db.parent / "karta.toml"
    profile.write_text(PROFILE + f'sitemaps = ["/{index}"]\n', encoding="utf-8")

    def run(server: MirrorServer) -> Result:
        result = run_cli(
            "crawl", "karta", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
        assert result.exit_code == 0, result.stderr
        return result

    return run


def a_night_later(db: Path) -> None:
    """The next night: what the last run read or confirmed was a day ago."""
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE fetch_state SET checked_at = '2026-01-01T03:00:00+00:00'")


def sitemaps_asked(server: MirrorServer, since: int) -> list[str]:
    return [r for r in server.requests[since:] if r.endswith(".xml")]


def test_an_index_without_lastmod_whose_bytes_stay_hides_no_new_post(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """WordPress core: wp-sitemap.xml names its children and no date, and its bytes only
    change when a child is added; a new post goes into the last page of posts."""
    root = tmp_path / "site"
    root.mkdir()
    children = ["wp-sitemap-posts-post-1.xml", "wp-sitemap-posts-post-2.xml"]
    write_index(root, "wp-sitemap.xml", dict.fromkeys([*children, "wp-sitemap-users-1.xml"]))
    write_child(root, children[0], [1, 2])
    write_child(root, children[1], [3])
    write_child(root, "wp-sitemap-users-1.xml", [])
    run = crawler(run_cli, db, root, "wp-sitemap.xml")
    with MirrorServer(root) as server:
        run(server)
        assert archived(db) == {news(1), news(2), news(3)}
        write_child(root, children[1], [3, 4])
        before = len(server.requests)
        a_night_later(db)
        run(server)
        assert news(4) in archived(db)
        asked = sitemaps_asked(server, before)
        assert asked == ["/wp-sitemap.xml", "/wp-sitemap-posts-post-2.xml"]
        before = len(server.requests)
        a_night_later(db)
        run(server)  # nothing new: the index, and its last page of posts (a 304)
        assert sitemaps_asked(server, before) == asked
        assert len(server.requests) - before == 3  # robots.txt too
        # a page of posts opens: the one before it took its last post meanwhile
        third = "wp-sitemap-posts-post-3.xml"
        write_index(root, "wp-sitemap.xml", dict.fromkeys([*children, third]))
        write_child(root, children[1], [3, 4, 5])
        write_child(root, third, [6])
        before = len(server.requests)
        a_night_later(db)
        run(server)
        assert {news(5), news(6)} <= archived(db)
        # (newest first: the new page, then the one before it)
        assert sitemaps_asked(server, before) == ["/wp-sitemap.xml", f"/{third}", f"/{children[1]}"]
        before = len(server.requests)
        run(server)  # again the same day (a retry): the newest page was confirmed just now
        assert sitemaps_asked(server, before) == ["/wp-sitemap.xml"]


def test_a_child_whose_lastmod_never_changes_is_read_again_when_it_is_the_newest(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """Yoast-like: the index's ``<lastmod>`` of the posts' last sitemap stays as it was
    while a post goes into it; the index changes for another child (a page edited)."""
    root = tmp_path / "site"
    root.mkdir()
    stamps: dict[str, str | None] = {
        "post-sitemap.xml": "2026-10-01T10:00:00+03:00",
        "post-sitemap2.xml": "2026-11-20T10:00:00+02:00",
        "page-sitemap.xml": "2026-01-05T09:00:00+02:00",
    }
    write_index(root, "sitemap_index.xml", stamps)
    write_child(root, "post-sitemap.xml", [1, 2])
    write_child(root, "post-sitemap2.xml", [3])
    write_child(root, "page-sitemap.xml", [])
    run = crawler(run_cli, db, root, "sitemap_index.xml")
    with MirrorServer(root) as server:
        run(server)
        assert len(archived(db)) == 3
        write_child(root, "post-sitemap2.xml", [3, 4])
        write_index(root, "sitemap_index.xml", stamps | {"page-sitemap.xml": "2026-12-01"})
        before = len(server.requests)
        a_night_later(db)
        run(server)
        assert news(4) in archived(db)
        # the first page of posts, its lastmod unchanged and not the newest, is not asked,
        # nor the map of pages beside the posts' (``feeds.posts_children``), changed or not
        assert sitemaps_asked(server, before) == ["/sitemap_index.xml", "/post-sitemap2.xml"]


def test_a_growing_child_older_by_lastmod_than_an_edited_one_is_still_asked(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """Yoast-like, a post of the first sitemap edited since the last sitemap's ``<lastmod>``
    stopped moving: by ``<lastmod>`` the first is the newest, and was the one asked again,
    while posts went into the last, its highest number, unread for good."""
    root = tmp_path / "site"
    root.mkdir()
    stamps: dict[str, str | None] = {
        "post-sitemap.xml": "2026-11-25T10:00:00+02:00",  # (an old post corrected)
        "post-sitemap2.xml": "2026-11-20T10:00:00+02:00",
    }
    write_index(root, "sitemap_index.xml", stamps)
    write_child(root, "post-sitemap.xml", [1, 2])
    write_child(root, "post-sitemap2.xml", [3])
    run = crawler(run_cli, db, root, "sitemap_index.xml")
    with MirrorServer(root) as server:
        run(server)
        assert len(archived(db)) == 3
        write_child(root, "post-sitemap2.xml", [3, 4])
        before = len(server.requests)
        a_night_later(db)
        run(server)
        assert news(4) in archived(db)
        assert sitemaps_asked(server, before) == [
            "/sitemap_index.xml", "/post-sitemap.xml", "/post-sitemap2.xml",
        ]  # fmt: skip


def test_the_newest_child_of_each_sequence_of_news_comes_first() -> None:
    import datetime as dt

    from newsarchive.discover.feeds import FeedEntry
    from newsarchive.discover.sitemap_children import sequences

    def urls(children: list[FeedEntry]) -> list[list[str]]:
        return [[c.url.removeprefix(ORIGIN + "/") for c in s] for s in sequences(children)]

    named = [FeedEntry(f"{ORIGIN}/{name}", None, True) for name in (
        "post-sitemap.xml", "post-sitemap2.xml", "page-sitemap.xml", "sitemap-2026-9.xml",
        "sitemap-2026-11.xml", "wp-sitemap-taxonomies-post_tag-1.xml", "author-sitemap.xml",
        "stranitsi.xml.gz", "sitemap-authors.xml", "sitemap-archives.xml",
        "sitemap-attachments.xml",
    )]  # fmt: skip
    assert urls(named) == [
        ["post-sitemap2.xml", "post-sitemap.xml"],
        ["sitemap-2026-11.xml", "sitemap-2026-9.xml"],
    ]
    # a Drupal index whose first page is its newest: the lastmods say so; its highest
    # number is asked too (a growing child's lastmod may stay while an old one's moves)
    paged = [
        FeedEntry(f"{ORIGIN}/sitemap.xml?page={n}", dt.date(2026, 12 - n, 1), True) for n in (1, 2)
    ]
    assert urls(paged) == [
        ["sitemap.xml?page=1", "sitemap.xml?page=2"],
        ["sitemap.xml?page=2", "sitemap.xml?page=1"],
    ]
    # a sequence is one path but for its numbers: one per language's folder, one for a
    # series filed in folders by date
    placed = [FeedEntry(f"{ORIGIN}/{name}", None, True) for name in (
        "bg/post-sitemap.xml", "en/post-sitemap.xml", "news/2026/9/sitemap.xml",
        "news/2026/11/sitemap.xml",
    )]  # fmt: skip
    assert urls(placed) == [
        ["bg/post-sitemap.xml"], ["en/post-sitemap.xml"],
        ["news/2026/11/sitemap.xml", "news/2026/9/sitemap.xml"],
    ]  # fmt: skip
