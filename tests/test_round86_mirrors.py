"""An eighty-sixth round of site shapes: a regional paper whose menu names TOPICS only
("Русе", "Регион", "България", "Спорт"), never "Новини", crawled from the origin alone (a
profile of id, name and origin) through a real ``MirrorServer``, as
``test_round84_mirrors`` does its four.

The mirror (``tests/fixtures/make_mirrors_round86.py``): temite, four topics each a paged
list of dated article cards, some articles in two of them, the home page the newest five
across topics. Before, a bare crawl archived the home page's five of eleven.
porechie, the same paper's shape whose menu opens "Начало | За нас | Контакти |
Администрация" before its four topics: before, the menu's first four entries were three
pages about the paper and "Русе", and a bare crawl archived 7 of 10.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import (
    a_night_later,
    article_rows,
    card_first,
    check_bare_crawl,
    mirror_crawls,
    post_article,
)
from .support import Result

ROUND86_SITES = {
    "temite": ("Дунавски вестник", "https://temite.bg"),
    "porechie": ("Поречки глас", "https://porechie.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND86_SITES))
def test_a_round86_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND86_SITES[site])


TE_TOPICS = ("ruse", "region", "bulgaria", "sport")


def test_a_topic_papers_articles_are_asked_once_and_a_new_one_in_any_topic_the_next_night(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """temite: an article filed under two topics ("Русе" and "България") is asked once;
    a quiet night asks robots.txt and each topic's first page (no feed, no list of all
    news shows what is new: five requests, three before, when the home page's five were
    all it read); a new article in the fourth topic, "Спорт", is archived the next night."""
    name, origin = ROUND86_SITES["temite"]
    slug = "8621-nov-basketbolen-klub"
    with mirror_crawls(run_cli, db, tmp_path, "temite", name, origin, editable=True) as crawls:
        first = crawls.crawl()
        articles = [path for path in first if path.startswith("/statia/")]
        assert len(articles) == len(set(articles)) == 11, articles
        assert len(crawls.crawl()) <= 3  # a retry the same day
        a_night_later(db)
        quiet = crawls.crawl()
        assert len(quiet) <= 1 + len(TE_TOPICS), quiet
        post_article(crawls.root, "statia", "8620-*.html", slug, "30.11.2026", "01.12.2026")
        card = (
            f'<div class="card"><a class="title" href="/statia/{slug}">Нов баскетболен клуб</a>'
            '<span class="date">01.12.2026 10:00</span><p class="lead">Ново.</p></div>'
        )
        card_first(crawls.root / "sport" / "index.html", card, '<div class="card">')
        a_night_later(db)
        nightly = crawls.crawl()
    assert nightly.count(f"/statia/{slug}") == 1, nightly
    assert len(article_rows(db)) == 12


def test_a_topic_papers_pages_about_itself_take_no_slot_of_its_topics(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """porechie: "За нас", "Контакти" and "Администрация" stand before the topics in its
    menu; none is asked, and every topic's articles are archived (before: 7 of 10, the
    three about-pages asked and "Регион", "България", "Спорт" never)."""
    name, origin = ROUND86_SITES["porechie"]
    with mirror_crawls(run_cli, db, tmp_path, "porechie", name, origin) as crawls:
        first = crawls.crawl()
    assert not {"/za-nas/", "/kontakti/", "/administratsiya/"} & set(first), first
    for topic in TE_TOPICS:
        assert f"/{topic}/" in first, first
    articles = [path for path in first if "/2026/11/" in path]
    assert len(articles) == len(set(articles)) == 10, articles
    assert len(article_rows(db)) == 10
