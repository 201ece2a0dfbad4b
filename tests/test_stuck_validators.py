"""A server whose ETag and Last-Modified never change while its feed and news page do
(a cache or a CMS sending constants) answers every nightly conditional request with 304;
re-exploring the site, about monthly, fetches those pages whole, and reads them, whatever
their validators say. Served on 127.0.0.1 from a copy of the kalina mirror, its news only
on the home page and in its feed."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from newsarchive.mirror import MirrorServer

from .support import Result

SITES = Path(__file__).parent / "fixtures" / "sites"
STUCK = {"ETag": '"v1"', "Last-Modified": "Sun, 01 Nov 2026 08:00:00 GMT"}


def test_a_page_exploring_fetched_whole_is_read_though_its_validators_never_change(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "kalina"
    shutil.copytree(SITES / "kalina", root)
    (root / "_mirror.json").write_text(json.dumps({"headers": {"/": STUCK, "/rss.xml": STUCK}}))
    profile = tmp_path / "kalina.toml"
    profile.write_text(
        'id = "kalina"\nname = "Община Калина"\norigin = "https://www.kalina.bg"\n'
        'hosts = ["www.kalina.bg"]\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        args = ("crawl", "kalina", "--profile", str(profile), "--base-url", server.url,
                "--delay", "0", "--db", str(db))  # fmt: skip
        assert run_cli(*args).exit_code == 0
        # the site posts: a card on the home page, an item in the feed, bytes but no
        # validators changed
        article = (root / "novina" / "88.html").read_text(encoding="utf-8")
        (root / "novina" / "89.html").write_text(
            article.replace("Доброволци засадиха хиляда дръвчета", "Нова детска площадка"),
            encoding="utf-8",
        )
        home = (root / "index.html").read_text(encoding="utf-8")
        card = '<div class="news"><h3><a href="/novina/88">'
        new_card = '<div class="news"><h3><a href="/novina/89">Нова детска площадка</a></h3>'
        (root / "index.html").write_text(
            home.replace(card, new_card + "<span>01.12.2026</span></div>" + card, 1),
            encoding="utf-8",
        )
        feed = (root / "rss.xml").read_text(encoding="utf-8")
        item = (
            '<item><title>Нова детска площадка</title><guid isPermaLink="true">'
            "https://www.kalina.bg/novina/89</guid><pubDate>Tue, 01 Dec 2026 09:00:00 +0200"
            "</pubDate></item>"
        )
        (root / "rss.xml").write_text(feed.replace("<item>", item + "<item>", 1), encoding="utf-8")
        with sqlite3.connect(db) as conn:  # 30 days on: explored again
            conn.execute(
                "UPDATE site_discovery SET found = json_set(found, '$.explored_at', ?)",
                ("2000-01-01T00:00:00+00:00",),
            )
        result = run_cli(*args)
        assert result.exit_code == 0, result.stderr
        assert "exploring the site" in result.stdout
    with sqlite3.connect(db) as conn:
        urls = {row[0] for row in conn.execute("SELECT url FROM articles")}
    assert "https://www.kalina.bg/novina/89" in urls
