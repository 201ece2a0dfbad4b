"""A related list's heading must stand alone as one ("Други статии", "Още от Русе"): a
section's heading that only opens with the same words ("Други статии от наредбата се
отменят", in a municipality's published ordinance) is the text's, and so is what
follows it."""

from __future__ import annotations

from newsarchive.extraction import extract
from newsarchive.extraction.clean import STANDS_AS_RELATED

INTRO = (
    "Общинският съвет прие изменения в Наредбата за опазване на обществения ред на"
    " територията на общината, които влизат в сила от първи април."
)
SECTION = (
    "Отменят се членове 12 и 14 от наредбата, както и цялата глава пета за търговията на"
    " открито, тъй като въпросите се уреждат с новата наредба за пазарите."
)
LAST = (
    "Пълният текст на наредбата е публикуван на интернет страницата на общината и е"
    " достъпен в центъра за услуги и информация на гражданите."
)


def _page(heading: str) -> str:
    return (
        "<html><head><title>Изменения в наредбата за обществения ред</title></head><body>"
        '<header><nav><a href="/">Начало</a> <a href="/novini">Новини</a></nav></header>'
        "<main><article><h1>Изменения в наредбата за обществения ред</h1>"
        f'<div class="article-body"><p>{INTRO}</p><h3>{heading}</h3><p>{SECTION}</p>'
        f"<p>{LAST}</p></div>"
        '<div class="more"><h3>Други статии</h3><ul>'
        '<li><a href="/novini/1">Ремонт на улица „Борисова“</a></li>'
        '<li><a href="/novini/2">Нови часове на градския транспорт</a></li>'
        '<li><a href="/novini/3">Коледен базар на площада</a></li></ul></div>'
        "</article></main><footer><p>© Община Русе</p></footer></body></html>"
    )


def test_a_heading_that_opens_with_a_related_lists_words_keeps_its_section() -> None:
    heading = "Други статии от наредбата се отменят"
    text = extract(_page(heading)).text
    assert text.split("\n") == [INTRO, heading, SECTION, LAST]


def test_the_related_lists_own_heading_still_ends_the_text() -> None:
    text = extract(_page("Какво се променя")).text
    assert "Други статии" not in text and "Коледен базар" not in text
    assert text.split("\n")[-1] == LAST


def test_a_stems_heading_stands_alone_with_its_words_ending() -> None:
    """The vocabulary's "препоръч" is a stem ("Препоръчано", "Препоръчани статии"): the
    heading standing alone goes on to the end of its word before the words after it are
    counted, or no heading of it ever stood alone."""
    for heading in ("Препоръчано", "Препоръчани статии", "Препоръчано за вас"):
        assert STANDS_AS_RELATED.match(heading), heading
    assert not STANDS_AS_RELATED.match("Препоръчваме на родителите да четат с децата")
