"""A sixty-first round of site shapes, four small sites whose ARTICLE PAGES print the
headline, the date, the byline and the text in shapes no round had, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round59_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round61.py``): live blogs dated by the day
alone, their timestamped updates ("12:40 Кметът …") newest first, the story's minute its
first entry's (gorunovo); interviews of bold questions and their answers (bryastovo); an
article whose ``<article>`` ends in "Още по темата" with the next article's whole teaser,
its own ``<h2>``, date and paragraphs (mechkovo); the headline and date in a
``<header>`` band outside the ``<article>`` of the text, every third article a YouTube
``<iframe>`` and two lines (lazurno). Each must archive exactly its articles with the true
title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.published import with_listed

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND61_SITES = {
    # live blogs: the day alone, "<strong>12:40</strong> …" updates newest first
    "gorunovo": ("Горуново Днес", "https://gorunovo-dnes.bg"),
    # interviews: bold questions, then their answers
    "bryastovo": ("Вестник Брястово", "https://bryastovo.bg"),
    # "Още по темата": the next article's h2, date and two paragraphs in the <article>
    "mechkovo": ("Мечково Инфо", "https://mechkovo.info"),
    # the h1 and date in a <header> band outside the <article>; video articles
    "lazurno": ("Община Лазурно", "https://www.lazurno.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND61_SITES))
def test_a_round61_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND61_SITES[site])


def _page(head: str, text: str) -> str:
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Сесия на съвета'
        "</title></head><body><nav><a href='/'>Начало</a></nav><main><article>"
        f"<h1>Сесия на съвета</h1>{head}<div class='feed'>{text}</div>"
        "</article></main></body></html>"
    )


LIVE = (
    "<p><strong>10:45</strong> Заседанието приключи, решенията ще бъдат публикувани утре.</p>"
    "<p><strong>09:50</strong> Започна обсъждането на бюджета за догодина.</p>"
    "<p><strong>09:05</strong> Съветниците приеха първите три точки без спор.</p>"
    "<p><strong>08:17</strong> Кметът откри заседанието и прочете дневния ред.</p>"
)


@pytest.mark.parametrize(
    "head",
    ['<p class="meta">НА ЖИВО 21.11.2026 <span>Автор: Иван Колев</span></p>', "<p>21.11.2026</p>"],
)
def test_a_live_blog_began_at_its_oldest_update(head: str) -> None:
    """gorunovo: the day alone by the headline, then "10:45 …" updates newest first. The
    date was the day alone (under a byline) or the newest update's minute (its stamp read
    on with the day); the story began at the oldest, the last printed. The updates, with
    their stamps, are the text."""
    article = extract(_page(head, LIVE), "https://g.bg/novini/1")
    assert article.published == dt.datetime(2026, 11, 21, 8, 17)
    assert article.text.splitlines()[0].startswith("10:45 Заседанието")
    assert len(article.text.splitlines()) == 4


def test_a_live_blogs_newest_entry_keeps_its_time_over_it() -> None:
    """Each entry's time in an element of its own over its update ("<time>19:10</time>"
    then the paragraph): the newest entry's, opening the text, was cut as a label at its
    edge while every older entry kept its time."""
    entries = (
        ("19:10", "Пътят през прохода отново е отворен за леки автомобили."),
        ("16:35", "Снегорините почистват последния завой преди хижата."),
        ("13:20", "Полицията връща колите от разклона за прохода."),
        ("10:05", "Снегът затвори пътя през прохода рано сутринта."),
    )
    feed = "".join(
        f"<div class='entry'><time>{at}</time><p>{line}</p></div>" for at, line in entries
    )
    article = extract(_page("<p>21.11.2026</p>", feed), "https://g.bg/novini/3")
    assert article.text.splitlines() == [part for entry in entries for part in entry]


def test_an_events_programme_is_no_live_blog() -> None:
    """Times going up are a programme's (the event's hours), not updates: the day stays."""
    programme = (
        "<p>Общината кани всички на празника на селото в неделя.</p>"
        "<p>10:00 Откриване на площада пред читалището.</p>"
        "<p>11:30 Концерт на певческите групи от селата.</p>"
        "<p>14:00 Турнир по тенис на маса за деца.</p>"
    )
    article = extract(_page("<p>21.11.2026</p>", programme), "https://g.bg/novini/2")
    assert article.published == dt.date(2026, 11, 21)


UPDATED_ONLY = (
    '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Нов площад</title>'
    '</head><body><header class="page-band"><h1>Нов площад</h1><div class="band-meta">'
    '<span class="updated">Обновена: 21.11.2026 10:05</span></div></header><main><article>'
    "<p>Общината откри обновения площад пред читалището в неделя сутринта.</p>"
    "<p>Новите пейки и осветлението бяха платени от бюджета на общината.</p>"
    "</article></main></body></html>"
)


def test_a_change_alone_on_the_page_yields_the_publication_to_the_listing_card() -> None:
    """lazurno: the page shows only "Обновена: 21.11.2026 10:05", its card on the listing
    "20.11.2026 10:39". The change was taken for the publication (the listing's date
    ignored, as the page stated one); now the card's date is the publication and the
    change stays ``modified``. A card dated after the change is of something else."""
    page = extract(UPDATED_ONLY, "https://l.bg/bg/novini/868")
    assert page.published == dt.datetime(2026, 11, 21, 10, 5)  # the page's alone
    card = dt.datetime(2026, 11, 20, 10, 39)
    dated = with_listed(page, (card, "listing"), dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC))
    assert (dated.published, dated.date_source, dated.date_note) == (card, "listing", None)
    assert dated.modified == dt.datetime(2026, 11, 21, 10, 5)
    later = (dt.datetime(2026, 11, 22, 9, 0), "listing")
    kept = with_listed(page, later, dt.datetime(2026, 12, 4, 12, 0, tzinfo=dt.UTC))
    assert kept.published == dt.datetime(2026, 11, 21, 10, 5)
