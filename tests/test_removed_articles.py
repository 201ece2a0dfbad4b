"""The news list standing in for an article: a removed article sent on to it, or one
article's canonical link naming it (a post whose theme's setting was left wrong); and a
removed article answered 200 with the site's own "no such news item" page. Crawled from
a bare profile (id, name, origin), as a user adds a site nobody profiled: the crawl knows
the list only by exploring it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from newsarchive import harvest
from newsarchive.discover.urls import stands_in
from newsarchive.mirror import MirrorServer

from .mirror_sites import bare_profile
from .support import Result

ORIGIN = "https://obshtina-primer.bg"
KEPT = {
    "101-novi-detski-ploshtadki": "Общината откри три нови детски площадки в квартал Юг",
    "102-remont-na-ulitsi": "Започва ремонтът на улиците в централната градска част",
    "103-byudzhet-2027": "Общинският съвет прие проектобюджета за следващата година",
    "104-konkurs-chitalishta": "Обявен е конкурс за проекти на читалищата в общината",
}
MOVED_ON = "105-premahnata-novina"  # sent on to the news list (302), as a CMS does
SAID_GONE = "106-iztrita-novina"  # 200: the theme's "no such news item" page
HEAD = '<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>{}</title></head>'
MENU = '<header><a href="/">Начало</a> <a href="/novini">Новини</a></header>'


NAMES_THE_LIST = "104-konkurs-chitalishta"  # its canonical link: the news list


def _article(number: int, title: str, canonical: str = "") -> str:
    paragraphs = "".join(
        f"<p>{title}. Кметът представи плана пред жителите на {number}-ия квартал и"
        " отговори на въпросите им за сроковете и за парите от бюджета.</p>"
        for _ in range(3)
    )
    return (
        HEAD.format(f"{title} | Община Пример").replace("</head>", canonical + "</head>")
        + f"<body>{MENU}<article><h1>{title}</h1>"
        f'<time datetime="2026-11-{number - 80}">{number - 80}.11.2026</time>'
        f"{paragraphs}</article></body></html>"
    )


def _site(root: Path) -> Path:
    """The site in our own words: a home page, the news list, its articles."""
    (root / "novini").mkdir(parents=True)
    (root / "index.html").write_text(
        HEAD.format("Община Пример") + f"<body>{MENU}<h1>Община Пример</h1></body></html>",
        encoding="utf-8",
    )
    slugs = [*KEPT, MOVED_ON, SAID_GONE]
    cards = "".join(
        f'<li><h3><a href="/novini/{slug}">{KEPT.get(slug, "Новина, която вече я няма")}'
        f"</a></h3><span>{int(slug[:3]) - 80}.11.2026</span></li>"
        for slug in slugs
    )
    (root / "novini.html").write_text(
        HEAD.format("Новини | Община Пример")
        + f'<body>{MENU}<h1>Новини</h1><ul class="news">{cards}</ul></body></html>',
        encoding="utf-8",
    )
    for slug, title in KEPT.items():
        (root / "novini" / f"{slug}.html").write_text(
            _article(
                int(slug[:3]),
                title,
                f'<link rel="canonical" href="{ORIGIN}/novini">' if slug == NAMES_THE_LIST else "",
            ),
            encoding="utf-8",
        )
    (root / "novini" / f"{SAID_GONE}.html").write_text(
        HEAD.format("Няма такава новина | Община Пример")
        + f"<body>{MENU}<h1>Няма такава новина</h1><p>Върнете се към новините.</p></body></html>",
        encoding="utf-8",
    )
    (root / "_mirror.json").write_text(
        json.dumps({"found": {f"/novini/{MOVED_ON}": "/novini"}}), encoding="utf-8"
    )
    return root


def test_the_news_list_is_no_article_s_address_and_a_removed_article_is_no_row(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Taken at its word, the redirect made the news list an article of the archive
    (its row titled by the list), and the "Няма такава новина" page one more; both are
    the site saying the article is gone. The article naming the list as its canonical
    was archived under the list's address; it keeps its own. The redirect to the list is
    not followed: the list was read once, by exploring, and the redirect alone says the
    article is gone (following it read the list a second time, for each such article)."""
    profile = bare_profile(tmp_path, "primer", "Община Пример", ORIGIN)
    with MirrorServer(_site(tmp_path / "site")) as server:
        args = ("crawl", "primer", "--profile", str(profile), "--base-url", server.url)
        first = run_cli(*args, "--delay", "0", "--db", str(db))
        assert first.exit_code == 0, first.stderr
        assert f"/novini/{MOVED_ON}" in server.requests  # asked, and read as gone
        assert server.requests.count("/novini") == 1, server.requests
        assert f"/novini/{SAID_GONE}" in server.requests
        assert "2 gone" in first.stdout
        asked = len(server.requests)
        again = run_cli(*args, "--delay", "0", "--db", str(db))
        assert again.exit_code == 0, again.stderr
        assert len(server.requests) - asked <= 3  # the gone ones are not asked again
    with closing(sqlite3.connect(db)) as conn:
        urls = {url for (url,) in conn.execute("SELECT url FROM articles")}
    assert urls == {f"{ORIGIN}/novini/{slug}" for slug in KEPT}


def test_whether_the_list_stands_in_for_the_removed_article_is_asked_once(
    run_cli: Callable[..., Result],
    db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The redirect to the list is judged where it is met, in the fetching thread, and
    the answer travels with the unfollowed redirect (``Elsewhere.why``): the main
    thread's ``archive`` and ``judge`` read it. They each asked ``stands_in`` again, three
    askings of one question for one removed article."""
    asked: list[tuple[str, str]] = []

    def counted(url: str, page: str, *args: Any, **kwargs: Any) -> bool:
        asked.append((url, page))
        return stands_in(url, page, *args, **kwargs)

    monkeypatch.setattr(harvest, "stands_in", counted)
    profile = bare_profile(tmp_path, "primer", "Община Пример", ORIGIN)
    with MirrorServer(_site(tmp_path / "site")) as server:
        args = ("crawl", "primer", "--profile", str(profile), "--base-url", server.url)
        result = run_cli(*args, "--delay", "0", "--db", str(db))
        assert result.exit_code == 0, result.stderr
        assert "2 gone" in result.stdout
        removed = [url for url, page in asked if page.endswith(f"/novini/{MOVED_ON}")]
    assert removed == [f"{ORIGIN}/novini"]
