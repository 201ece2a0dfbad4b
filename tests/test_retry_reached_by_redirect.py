"""A page that failed on one night and was archived on the next through another address
sent on to it (a card's old link, ``301``) is settled with it: its failed frontier entry
is not asked again on the night after (``Harvester._fetch_batch``; composed site 174
under faults: a sitemap's entry cut mid-body, the list's old ``/?p=N`` read the next
night, the entry retried on the third). The entry is retried after the night's news,
whose fetch of the old address archived it already."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from newsarchive.mirror import Fault, MirrorServer, PathFaults

from .support import Result

ORIGIN = "https://www.staroselo.bg"
PATHS = [f"/novini/obshtinata-reshi-{n}/" for n in (1, 2, 3)]


def _site(root: Path, *, old_link: bool) -> None:
    """ "Новини" lists three articles by their addresses or, with ``old_link``, the third
    by its old ``/?p=3``, which the server sends on (301) to its address."""
    (root / "novini").mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    (root / "_mirror.json").write_text(json.dumps({"moved": {"/?p=3": ORIGIN + PATHS[2]}}))
    menu = '<nav><ul class="menu"><li><a href="/">Начало</a></li><li><a href="/novini/">Новини</a></li></ul></nav>'  # noqa: E501
    (root / "index.html").write_text(
        f"<html><head><title>Община Староселo</title></head><body>{menu}"
        "<p>Добре дошли на сайта на общината.</p></body></html>",
        encoding="utf-8",
    )
    links = [*PATHS[:2], "/?p=3"] if old_link else PATHS
    cards = "".join(
        f'<li><a href="{link}">Общинският съвет реши въпрос номер {n} за селата</a>'
        f' <span class="date">0{n}.12.2026</span></li>'
        for n, link in enumerate(links, 1)
    )
    (root / "novini" / "index.html").write_text(
        f"<html><head><title>Новини</title></head><body>{menu}<h1>Новини</h1>"
        f'<ul class="news">{cards}</ul></body></html>',
        encoding="utf-8",
    )
    for n, path in enumerate(PATHS, 1):
        folder = root / path.strip("/")
        folder.mkdir(parents=True, exist_ok=True)
        body = (
            f"<p>Общинският съвет реши въпрос номер {n} на заседанието си в сряда, след "
            "като изслуша кметовете на селата и представителите на читалищата.</p>"
        )
        (folder / "index.html").write_text(
            f"<html><head><title>Въпрос {n}</title></head><body>{menu}<article>"
            f"<h1>Общинският съвет реши въпрос номер {n} за селата</h1>"
            f'<time datetime="2026-12-0{n}">0{n}.12.2026</time>{body * 4}'
            "</article></body></html>",
            encoding="utf-8",
        )


def test_a_failed_page_archived_through_an_old_address_is_not_asked_again(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "site"
    profile = tmp_path / "staroselo.toml"
    profile.write_text(f'id = "staroselo"\nname = "С"\norigin = "{ORIGIN}"\n')
    args = ("crawl", "staroselo", "--profile", str(profile), "--delay", "0", "--db", str(db))
    faults = PathFaults({PATHS[2]: Fault(500)})  # the third article down the first night

    def crawl() -> tuple[int, list[str]]:
        with MirrorServer(root, intercept=faults, quiet=True) as server:
            result = run_cli(*args, "--base-url", server.url)
            return result.exit_code, server.requests

    _site(root, old_link=False)
    code, asked = crawl()
    assert code == 1 and PATHS[2] in asked
    faults.heal()
    _site(root, old_link=True)  # the next night: the list links it by its old address
    code, asked = crawl()
    assert code == 0 and "/?p=3" in asked, asked
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT url FROM articles ORDER BY url").fetchall()
        states = dict(conn.execute("SELECT url, state FROM frontier").fetchall())
    assert sorted(r[0] for r in rows) == sorted(ORIGIN + p for p in PATHS)
    assert states[ORIGIN + PATHS[2]] == "done", states
    code, asked = crawl()  # the night after: nothing new, the article not asked again
    assert code == 0
    assert not [p for p in asked if p in PATHS or p == "/?p=3"], asked
