"""A card linking an article archived on an earlier night by another spelling the server
sends on to it (``/novini/x/``, ``301`` to ``/novini/x``) costs one request, not two: the
redirect is not followed, the address joins the archived article (``Harvester._joined``,
``NotFollowed.ARCHIVED``), and no later night asks it again. Before, the fetching threads
knew only this run's pages: a resumed crawl (composed seeds 20, 33, 36, 43 under
``--cut``) fetched each article archived before the cut again, its page 2 with it, and
a nightly run did the first night a card showed such a spelling. ``--refresh`` still
follows it: it means every page asked again."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from newsarchive.mirror import MirrorServer

from .support import Result

ORIGIN = "https://www.gorno-pole.bg"
OLD = "/novini/remont-na-uchilishteto"
NEW = "/novini/nov-park-v-tsentara"
TITLES = {
    OLD: "Ремонтът на училището започва",
    NEW: "Нов парк в центъра на селото",
    "/novini/sesiya-na-saveta": "Сесия на общинския съвет в петък",
    "/novini/izlozhba-v-chitalishteto": "Изложба на местни художници в читалището",
    "/novini/grafik-na-avtobusite": "Нов график на автобусите до селата",
}
STEADY = list(TITLES)[2:]  # listed every night
MENU = (
    '<nav><ul class="menu"><li><a href="/">Начало</a></li>'
    '<li><a href="/novini/">Новини</a></li></ul></nav>'
)


def _article(root: Path, path: str, n: int, title: str) -> None:
    body = (
        f"<p>{title}: общината съобщи в четвъртък, че работите ще приключат до края на "
        "месеца, след като кметът обсъди плана с жителите на селото.</p>"
    )
    (root / f"{path.strip('/')}.html").write_text(
        f"<html><head><title>{title}</title></head><body>{MENU}<article>"
        f'<h1>{title}</h1><time datetime="2026-11-0{n}">0{n}.11.2026</time>{body * 4}'
        "</article></body></html>",
        encoding="utf-8",
    )


def _site(root: Path, links: list[str]) -> None:
    """ "Новини" links ``links``; the server sends ``OLD + "/"`` on to ``OLD`` (301)."""
    (root / "novini").mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text("User-agent: *\nDisallow:\n")
    (root / "_mirror.json").write_text(json.dumps({"moved": {OLD + "/": ORIGIN + OLD}}))
    (root / "index.html").write_text(
        f"<html><head><title>Община Горно поле</title></head><body>{MENU}"
        "<p>Добре дошли на сайта на общината.</p></body></html>",
        encoding="utf-8",
    )
    cards = "".join(
        f'<li><a href="{link}">{TITLES[link.rstrip("/")]}</a>'
        f' <span class="date">0{n}.11.2026</span></li>'
        for n, link in enumerate(links, 1)
    )
    (root / "novini" / "index.html").write_text(
        f"<html><head><title>Новини</title></head><body>{MENU}<h1>Новини</h1>"
        f'<ul class="news">{cards}</ul></body></html>',
        encoding="utf-8",
    )
    for n, (path, title) in enumerate(TITLES.items(), 1):
        _article(root, path, n, title)


def _crawl(
    run_cli: Callable[..., Result], root: Path, db: Path, profile: Path, *more: str
) -> list[str]:
    """The paths a crawl of the site at ``root`` asked; it must exit 0."""
    args = ("crawl", "gorno-pole", "--profile", str(profile), "--delay", "0", "--db", str(db))
    with MirrorServer(root, quiet=True) as server:
        result = run_cli(*args, "--base-url", server.url, *more)
        assert result.exit_code == 0, result.stderr
        return server.requests


def _rows(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return sorted(row[0] for row in conn.execute("SELECT url FROM articles"))


def _archived(*paths: str) -> list[str]:
    return sorted(ORIGIN + path for path in (*STEADY, *paths))


def _first_night(run_cli: Callable[..., Result], db: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The site crawled once, its card linking ``OLD`` as archived; then moved on to
    the next night's list: a new card, the old one spelled with a slash (301 to ``OLD``).
    The site's folder and profile."""
    root = tmp_path / "site"
    profile = tmp_path / "gorno-pole.toml"
    profile.write_text(f'id = "gorno-pole"\nname = "Г"\norigin = "{ORIGIN}"\n')
    _site(root, [*STEADY, OLD])
    asked = _crawl(run_cli, root, db, profile)
    assert OLD in asked, asked
    assert _rows(db) == _archived(OLD)
    _site(root, [NEW, *STEADY, OLD + "/"])
    return root, profile


def test_a_card_spelling_an_archived_article_otherwise_is_not_followed(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root, profile = _first_night(run_cli, db, tmp_path)
    asked = _crawl(run_cli, root, db, profile)
    assert asked.count(OLD + "/") == 1 and OLD not in asked, asked
    assert NEW in asked
    assert _rows(db) == _archived(NEW, OLD)
    with closing(sqlite3.connect(db)) as conn:
        state = conn.execute(
            "SELECT state FROM frontier WHERE url = ?", (ORIGIN + OLD + "/",)
        ).fetchone()
    assert state == ("done",)

    asked = _crawl(run_cli, root, db, profile)  # the night after: neither asked
    assert not [p for p in asked if p.startswith(OLD)], asked
    assert _rows(db) == _archived(NEW, OLD)


def test_refresh_follows_the_redirect(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root, profile = _first_night(run_cli, db, tmp_path)
    asked = _crawl(run_cli, root, db, profile, "--refresh")
    assert OLD + "/" in asked and OLD in asked, asked
    assert _rows(db) == _archived(NEW, OLD)
