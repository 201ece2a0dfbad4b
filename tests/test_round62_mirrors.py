"""A sixty-second round of site shapes, four small sites whose ARTICLE PAGES print the
headline, the date, the byline and the text in shapes no round had, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round61_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round62.py``): council decisions whose only
date is their headline's "Решение № 412 от 27.11.2026 г.", and short "Съболезнования"
notices signed by nobody (sredorek); a text folded into ``<details><summary>`` accordions
(zhitarka); a data table with "Източник: НСИ" under it (medovets); ``<h3>`` interview
questions, "— Въпрос? Отговор." run on in one paragraph, and "Още по темата" with the next
article's teaser inside the text's own block (orlitsa). Each must archive exactly its
articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND62_SITES = {
    # council decisions dated only by "Решение № 412 от 27.11.2026 г."; condolences
    "sredorek": ("Община Средорек", "https://sredorek.bg"),
    # the text folded into <details><summary> accordions
    "zhitarka": ("Житарка Нюз", "https://zhitarka-news.bg"),
    # a data table with "Източник: НСИ" under it
    "medovets": ("Медовец Вести", "https://medovets-vesti.bg"),
    # <h3> questions, "— Q? A" in one <p>, "Още по темата" inside the text's block
    "orlitsa": ("Вестник Орлица", "https://orlitsa.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND62_SITES))
def test_a_round62_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND62_SITES[site])


def _decision(title: str, meta: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>{title}</title>'
        "</head><body><nav><a href='/'>Начало</a></nav><main><div class='news-full'>"
        f"<h1>{title}</h1>{meta}<div class='text'>"
        "<p>Относно: отпускане на средства за ремонт на покрива на читалището.</p>"
        "<p>1. Общинският съвет отпуска 18 000 лева от резерва на бюджета.</p>"
        "<p>2. Възлага на кмета да сключи договор с изпълнител до края на годината.</p>"
        "</div></div></main></body></html>"
    )


def test_a_decision_is_dated_by_its_headline_where_nothing_else_dates_it() -> None:
    """sredorek: "Решение № 412 от 27.11.2026 г." is the page's headline and its only
    date; the page was archived undated. A headline that tells of a decision, or a page
    that prints its own date, takes nothing from it."""
    page = extract(_decision("Решение № 412 от 27.11.2026 г."), "https://s.bg/novini/1/")
    assert page.published == dt.date(2026, 11, 27)
    order = extract(_decision("Заповед № РД-09-15/20.11.2026"), "https://s.bg/novini/2/")
    assert order.published == dt.date(2026, 11, 20)
    told = extract(_decision("Кметът обжалва Решение № 41 от 2.10.2026"), "https://s.bg/novini/3/")
    assert told.published is None
    dated = _decision("Решение № 412 от 27.11.2026 г.", "<p class='date'>30.11.2026 09:15</p>")
    assert extract(dated, "https://s.bg/novini/4/").published == dt.datetime(2026, 11, 30, 9, 15)


TEASER_INSIDE = (
    '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Разговор с кмета'
    "</title></head><body><div class='article'><h1>Разговор с кмета</h1>"
    "<div class='info'>27.11.2026, 08:17 ч. | Автор: Емилия Чанева</div>"
    "<div class='entry-content'>"
    "<p>Кметът отговори на въпросите ни за ремонта на улиците в центъра.</p>"
    "<h3>Кога ще започнат работите?</h3><p>Още в началото на пролетта, ако времето позволи.</p>"
    "<h3>Откъде идват парите?</h3><p>Половината са от държавата, останалото дава общината.</p>"
    "<div class='more-on'><h3>Още по темата</h3>"
    "<h2><a href='/statia/2'>Нова спортна зала в квартала</a></h2><p>26.11.2026, 10:39 ч.</p>"
    "<p>Залата ще бъде готова за новата учебна година и ще носи името на треньора.</p>"
    "<p><a href='/statia/2'>Цялата статия »</a></p></div></div></div></body></html>"
)


def test_a_teaser_under_more_on_the_subject_inside_the_text_is_no_text() -> None:
    """orlitsa: "Още по темата" (an ``<h3>``) with the next article's ``<h2>`` and
    paragraph, in the text's own block after ``<h3>`` questions: the box's ``<h2>``, ranked
    above its heading, was read as the text's next section, and the teaser's headline and
    paragraph were archived as the interview's end."""
    article = extract(TEASER_INSIDE, "https://o.bg/statia/1")
    assert article.text.splitlines()[-1] == "Половината са от държавата, останалото дава общината."
    assert "Залата" not in article.text
