"""One article linked as its folder (``/novini/5/``) by the feed and as the folder's own
page (``/novini/5/index.html``) by the listing: one page to the web server, which answers
the folder's address with its index file; one article, fetched once."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.urls import url_key
from newsarchive.mirror import MirrorServer

from .support import Result

TITLES = {
    5: "Ремонт на улица „Дунав“ започва през декември",
    6: "Нов парк в квартал „Възраждане“ отваря врати",
    7: "Общинският съвет прие бюджета за следващата година",
}


def _site(root: Path, index: str) -> None:
    """A site whose listing links each article as ``/novini/N/<index>`` and whose feed
    links it as ``/novini/N/``."""
    cards = "".join(
        f'<li><a href="/novini/{n}/{index}">{title}</a> <span>0{n}.11.2026</span></li>'
        for n, title in TITLES.items()
    )
    (root / "novini").mkdir(parents=True)
    (root / "novini.html").write_text(
        f"<html><body><h1>Новини</h1><ul>{cards}</ul></body></html>", encoding="utf-8"
    )
    items = "".join(
        f"<item><title>{title}</title><link>https://papur.bg/novini/{n}/</link>"
        f"<pubDate>Thu, 0{n} Nov 2026 10:00:00 +0200</pubDate></item>"
        for n, title in TITLES.items()
    )
    (root / "rss.xml").write_text(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>П</title>{items}</channel></rss>',
        encoding="utf-8",
    )
    for n, title in TITLES.items():
        (root / "novini" / str(n)).mkdir()
        body = "".join(
            f"<p>Абзац {k} за {title.lower()}: общината съобщи подробности за жителите.</p>"
            for k in range(3)
        )
        article = f"<article><h1>{title}</h1><p>0{n}.11.2026</p>{body}</article>"
        page = f"<html><body>{article}</body></html>"
        (root / "novini" / str(n) / "index.html").write_text(page, encoding="utf-8")
        if index not in ("index.html", ""):  # the server's other name for the folder's page
            (root / "novini" / str(n) / index).write_text(page, encoding="utf-8")


def _crawl(run_cli: Callable[..., Result], root: Path, tmp_path: Path, db: Path) -> MirrorServer:
    """Crawl ``root``'s site once by a profile naming its feed and its listing; the
    stopped server, whose ``requests`` say what was asked."""
    profile = tmp_path / "papur.toml"
    profile.write_text(
        'id = "papur"\nname = "П"\norigin = "https://papur.bg"\n[discovery]\n'
        'feeds = ["/rss.xml"]\nstart_urls = ["/novini"]\narticle_pattern = "^/novini/\\\\d+/"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "papur", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return server


@pytest.mark.parametrize("index", ["index.html", "index.php", "default.aspx", "index.htm"])
def test_a_folder_and_its_index_page_are_one_article_fetched_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, index: str
) -> None:
    root = tmp_path / "site"
    _site(root, index)
    server = _crawl(run_cli, root, tmp_path, db)
    articles = [p for p in server.requests if p.startswith("/novini/")]
    assert len(articles) == 3, articles
    with sqlite3.connect(db) as conn:
        rows = [r[0] for r in conn.execute("SELECT title FROM articles")]
    assert sorted(rows) == sorted(TITLES.values())


@pytest.mark.parametrize(
    "spelling",
    [
        "/novini/5/index.html",
        "/novini/5/index.php",
        "/novini/5/default.aspx",
        "/novini/5/INDEX.HTM",
    ],
)
def test_a_folders_index_page_is_the_folder_to_identity(spelling: str) -> None:
    assert url_key(f"https://x.bg{spelling}") == url_key("https://x.bg/novini/5/")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        # a trailing slash is another resource to a server: kept apart by identity (the
        # crawl joins them only where the site shows they are one: a redirect, a canonical)
        ("/novini/5", "/novini/5/"),
        # an index page's query is the script's: /index.php?id=5 stays as it is
        ("/novini/index.php?id=5", "/novini/?id=5"),
        # a file merely named so inside a path, or another name
        ("/novini/5/index.html/print", "/novini/5/"),
        ("/novini/5/main.html", "/novini/5/"),
    ],
)
def test_what_may_be_another_resource_stays_another_key(one: str, other: str) -> None:
    assert url_key(f"https://x.bg{one}") != url_key(f"https://x.bg{other}")


def test_a_section_linked_as_its_folder_and_its_index_page_is_explored_and_walked_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """No profile; the menu's "Новини" leads to ``/novini/`` and its "Актуално" to
    ``/novini/index.html``, one page: exploring read it twice and kept both as listings,
    so every run walked the one list twice."""
    root = tmp_path / "site"
    root.mkdir()
    menu = '<nav><a href="/novini/">Новини</a> <a href="/novini/index.html">Актуално</a></nav>'
    (root / "index.html").write_text(
        f"<html><body>{menu}<h1>Община Папур</h1><p>Добре дошли.</p></body></html>",
        encoding="utf-8",
    )
    cards = "".join(
        f'<li><a href="/novini/{n}-{slug}">{title}</a> <span>0{n}.11.2026</span></li>'
        for (n, title), slug in zip(TITLES.items(), ("remont", "park", "byudzhet"), strict=True)
    )
    (root / "novini").mkdir()
    (root / "novini" / "index.html").write_text(
        f"<html><body>{menu}<h1>Новини</h1><ul>{cards}</ul></body></html>", encoding="utf-8"
    )
    for (n, title), slug in zip(TITLES.items(), ("remont", "park", "byudzhet"), strict=True):
        body = "".join(
            f"<p>Абзац {k} за {title.lower()}: общината съобщи подробности за жителите.</p>"
            for k in range(3)
        )
        (root / "novini" / f"{n}-{slug}.html").write_text(
            f"<html><body>{menu}<article><h1>{title}</h1><p>0{n}.11.2026</p>{body}"
            "</article></body></html>",
            encoding="utf-8",
        )
    profile = tmp_path / "papur.toml"
    profile.write_text('id = "papur"\nname = "П"\norigin = "https://papur.bg"\n', encoding="utf-8")
    with MirrorServer(root) as server:
        args = ("crawl", "papur", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        asked = list(server.requests)
        nightly = run_cli(*args)
        again = server.requests[len(asked) :]
    assert first.exit_code == 0, first.stderr
    assert nightly.exit_code == 0, nightly.stderr
    listing = [p for p in asked if p in ("/novini/", "/novini/index.html")]
    assert len(listing) == 1, asked
    assert [p for p in again if p.startswith("/novini")] == [listing[0]], again
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3


def test_an_article_linked_with_its_way_back_is_fetched_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The listing links each article with the list as its way back
    (``/novini/5/?next=%2Fnovini``, as a consent or login plugin writes it into every
    link), the feed plainly: one vocabulary with the cookie wall's (``urls.RETURN_FIELD``),
    so one address. It was two, each article fetched twice."""
    root = tmp_path / "site"
    _site(root, "")
    listing = (root / "novini.html").read_text(encoding="utf-8")
    (root / "novini.html").write_text(
        listing.replace('/">', '/?next=%2Fnovini">'), encoding="utf-8"
    )
    fallbacks = {f"/novini/{n}/": f"novini/{n}/index.html" for n in TITLES}  # (any query)
    (root / "_mirror.json").write_text(json.dumps({"fallbacks": fallbacks}), encoding="utf-8")
    server = _crawl(run_cli, root, tmp_path, db)
    assert "?next=%2Fnovini" in (root / "novini.html").read_text(encoding="utf-8")
    assert sorted(p for p in server.requests if p.startswith("/novini/")) == [
        f"/novini/{n}/" for n in TITLES
    ]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 3
