# ruff: noqa: E501  (HTML snippets read better on one line)
"""A sidebar's box of the day is no news card.

Many small sites keep, on every page, a box about today: the Church's calendar ("Неделя,
29 ноември" over the day's saints and "Виж целия ден"), today's name days, the weather,
the exchange rates, a "Днес е …" of the day's anniversaries. Its text is as long as an
excerpt, it is built as the box beside it, and its link leads to the day's page
(``?den=2026-11-29``, ``/vremeto/2026/11/29/``). Read as a run of two cards, the box was
a news item of every listing and the day's page was archived as an article (round 110's
mitropoliyaostrets). A calendar's day page is never an article: the page's own news
cards are its items, the day's box none (``items._never_an_item``).
"""

from __future__ import annotations

import pytest

from newsarchive.discover.listings import news_items
from newsarchive.models import Profile

SITE = Profile(
    id="x", name="Храм и община", origin="https://www.primer.bg", hosts=("www.primer.bg",)
)

# The page's own list of news: three cards, each a headline, a date and an excerpt.
NEWS = "".join(
    f'<div class="statia"><h2><a href="/statia.php?id={n}">{title}</a></h2>'
    f'<p class="koga">{day} ноември 2026 г.</p><p>{lead}</p>'
    f'<a href="/statia.php?id={n}">Прочети още</a></div>'
    for n, title, day, lead in [
        (
            "41",
            "Дарители обновиха камбанарията на стария храм",
            "27",
            "Местни майстори смениха гредите и покрива, а камбаната отново бие за празник.",
        ),
        (
            "40",
            "Неделното училище започва нова учебна година",
            "24",
            "Децата ще учат църковно пеене и ще рисуват икони под грижата на двама учители.",
        ),
        (
            "39",
            "Благотворителен обяд за самотните възрастни хора",
            "20",
            "Доброволци от енорията приготвиха топла храна за над шейсет души от селата.",
        ),
    ]
)

# Each shape: the sidebar's boxes, built alike, one or both linking a day's page.
BOXES = {
    "church calendar": (
        '<div class="kutiya"><h3>Църковен календар</h3><p class="den">Неделя, 29 ноември (16 ноември ст. ст.) 2026 г.</p>'
        "<p>Св. апостол и евангелист Матей. Преподобни Акакий. Свети мъченици от Севастия.</p>"
        '<a href="/kalendar.php?den=2026-11-29">Виж целия ден</a></div>'
        '<div class="kutiya"><h3>Предстоящо</h3><p><a href="/grafik.php">График на службите</a></p></div>',
        "https://www.primer.bg/kalendar.php?den=2026-11-29",
    ),
    "name days and weather": (
        '<div class="vidzhet"><h4>Имен ден</h4><p>Днес, 29 ноември, имен ден празнуват Матей, Матея и Матьо. Честито!</p>'
        '<a href="/imenni-dni/?date=2026-11-29">Всички имена</a></div>'
        '<div class="vidzhet"><h4>Времето</h4><p>Днес, 29 ноември: облачно, следобед превалява дъжд, между 3 и 9 градуса.</p>'
        '<a href="/vremeto/2026/11/29/">Прогноза за деня</a></div>',
        "https://www.primer.bg/imenni-dni/?date=2026-11-29",
    ),
    "exchange rates and today in history": (
        '<div class="kare"><b>Курсове на валутите</b><p>Към 29.11.2026 г.: щатски долар 1,68 лв., британска лира 2,21 лв., швейцарски франк 2,09 лв.</p>'
        '<a href="/kursove.php?day=2026-11-29">Всички курсове</a></div>'
        '<div class="kare"><b>Днес е 29 ноември</b><p>На тази дата през 1913 г. е открито първото читалище в селото, а през 1944 г. училището.</p>'
        '<a href="/den/2026-11-29">Още за деня</a></div>',
        "https://www.primer.bg/den/2026-11-29",
    ),
}


def _page(main: str, side: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Новини</title></head><body>"
        '<table class="osnova" width="960"><tr>'
        f'<td class="sredata" valign="top">{main}</td>'
        f'<td class="dyasno" valign="top" width="250">{side}</td>'
        "</tr></table></body></html>"
    )


@pytest.mark.parametrize("shape", sorted(BOXES))
def test_a_listings_items_are_its_news_not_the_sidebars_box_of_the_day(shape: str) -> None:
    """The listing's three news cards are its items, in order; no box of the day's."""
    side, _day_page = BOXES[shape]
    html = _page("<h1>Новини</h1>" + NEWS, side)
    items = news_items(html, "https://www.primer.bg/novini.php", SITE)
    assert [card.url for card in items.cards] == [
        f"https://www.primer.bg/statia.php?id={n}" for n in ("41", "40", "39")
    ]


@pytest.mark.parametrize("shape", sorted(BOXES))
def test_an_article_beside_the_box_of_the_day_lists_no_news(shape: str) -> None:
    """An article's page (or a contacts page) with the same sidebar has no news item:
    before, the box of the day was one, and the day's page was queued as an article."""
    side, day_page = BOXES[shape]
    main = (
        "<h1>Контакти</h1><p>Канцелария: ул. „Църковна“ 3. Работно време: всеки делник"
        " от 9 до 17 часа, в събота от 9 до 12 часа.</p>"
    )
    items = news_items(_page(main, side), "https://www.primer.bg/kontakti.php", SITE)
    assert day_page not in [card.url for card in items.cards]
    assert not items.cards, [card.url for card in items.cards]
