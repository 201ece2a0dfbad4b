"""A site whose articles are numbered by a ``page`` parameter (``/novina.php?page=3``),
crawled through a real ``MirrorServer``.

Such an address reads, by itself, like page 3 of an article split over pages, and each
article links the one before it ("« Предишна" to ``?page=2``) as a later page links the
page before. Only a page whose link says it leads to a page of the same article (a
pager's number, "страница") is settled as a later page; these are articles of their
own, each archived under its address with its own headline and text.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from newsarchive.mirror import MirrorServer

from .support import Result

ORIGIN = "https://chitalishte-zora.bg"
# (number, headline, date, paragraphs), all written for this test
NEWS = [
    (2, "Нов сезон на танцовия състав", "2026-10-02",
     ["Танцовият състав на читалището започва репетициите си в първия вторник на октомври.",
      "Поканени са деца и възрастни, които искат да научат народни хора от региона."]),
    (3, "Ремонт на салона на читалището", "2026-10-09",
     ["Голямият салон на читалището ще бъде затворен три седмици заради смяна на седалките.",
      "Репетициите на хора се преместват в малката зала на втория етаж до края на месеца."]),
    (4, "Литературна вечер с местни автори", "2026-10-16",
     ["Трима автори от селото ще четат свои разкази и стихове в четвъртък вечерта.",
      "Входът е свободен, а след четенето библиотеката подарява книги на най-малките гости."]),
]  # fmt: skip


def _page(number: int, title: str, day: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    nav = f'<a href="/novina.php?page={number - 1}">« Предишна</a>' if number > 2 else ""
    if number < NEWS[-1][0]:
        nav += f' <a href="/novina.php?page={number + 1}">Следваща »</a>'
    return (
        f'<!DOCTYPE html>\n<html lang="bg"><head><meta charset="utf-8"><title>{title}</title>'
        f'</head><body><div id="menu"><a href="/">Начало</a></div><article><h1>{title}</h1>'
        f'<time datetime="{day}">{day}</time>{body}<nav class="posts">{nav}</nav>'
        "</article></body></html>\n"
    )


def _mirror(root: Path) -> None:
    root.mkdir()
    (root / "robots.txt").write_text("User-agent: *\nDisallow:\n", encoding="utf-8")
    entries = "".join(
        f"<url><loc>{ORIGIN}/novina.php?page={number}</loc></url>" for number, *_ in NEWS
    )
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>\n',
        encoding="utf-8",
    )
    for number, title, day, paragraphs in NEWS:
        (root / f"novina.php@page={number}").write_text(
            _page(number, title, day, paragraphs), encoding="utf-8"
        )


def test_articles_numbered_by_a_page_parameter_are_articles_not_later_pages(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = tmp_path / "mirror"
    _mirror(root)
    profile = tmp_path / "zora.toml"
    profile.write_text(
        f'id = "zora"\nname = "Читалище Зора"\norigin = "{ORIGIN}"\n[discovery]\n'
        f'sitemaps = ["{ORIGIN}/sitemap.xml"]\n'
        'article_pattern = "novina\\\\.php\\\\?page=\\\\d+"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli("crawl", "zora", "--profile", str(profile), "--base-url", server.url,
                         "--delay", "0", "--db", str(db))  # fmt: skip
        assert result.exit_code == 0, result.stderr
    assert "later page" not in result.stdout + result.stderr
    with closing(sqlite3.connect(db)) as conn:
        rows = {
            url: (title, published, text)
            for url, title, published, text in conn.execute(
                "SELECT url, title, published, text FROM articles"
            )
        }
    assert rows == {
        f"{ORIGIN}/novina.php?page={number}": (title, day, "\n".join(paragraphs))
        for number, title, day, paragraphs in NEWS
    }
