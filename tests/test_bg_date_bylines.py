"""The date and byline forms Bulgarian municipal and regional pages print, each in a page
written for this test (``tests/fixtures/bg_dates``) in the markup such sites use: "в 10:32"
after "Публикувано на", "10:32 ч." after the day in words, an abbreviated weekday before
it, "Обновена:" printed before "Публикувана:", a Roman month, "преди 2 дни", a credits
box ("Текст: …; Снимки: …") after the date line, an agency after the writer's name
("Мария Петрова, БТА"), and a date line under the text, where old templates print it.
Beside them, where the author a page states for machines and the byline it prints part,
and the lines shaped as a date or a signature that are neither: "Днес в 10:00 ч. кметът
…" (an event's hour), "Иван Петров (ГЕРБ)" (a politician quoted), "Кметът Иван Колев,
БТА" (a source, not a writer).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import (
    agency_signature,
    byline_in_text,
    clean_byline,
    labelled_line,
    two_line_byline,
)

PAGES = Path(__file__).parent / "fixtures" / "bg_dates"
# The fetch moment, on Sofia's clock: "преди 2 дни" counts back from it.
FETCHED = dt.datetime(2025, 3, 20, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))


@dataclass(frozen=True)
class Form:
    published: str  # ``str(article.published)``
    rule: str  # the rule that dated it
    author: str = ""
    modified: str = ""
    last: str = ""  # how the text's last line begins: the date or byline line is not text


FORMS = {
    "published_at_time": Form("2025-03-14 10:32:00", "generic:text-near-title"),
    "date_with_hours_mark": Form(
        "2025-03-14 10:32:00", "generic:text-near-title", author="Мария Петрова"
    ),
    "weekday_and_agency": Form(
        "2025-03-14", "generic:text-near-title", author="Мария Петрова", last="Кметовете"
    ),
    "updated_before_published": Form(
        "2025-03-12 09:15:00", "generic:text-near-title", modified="2025-03-18 16:40:00"
    ),
    "roman_month": Form("2025-03-14", "generic:text-near-title"),
    "two_days_ago": Form("2025-03-18", "generic:text-near-title"),
    # "Днес, 10:00" on a line of its own under the headline: the page's date line
    "today_date_line": Form("2025-03-20 10:00:00", "generic:text-near-title"),
    "closing_roman_date": Form("2025-03-14", "generic:closing-signature", last="Списъкът"),
    "closing_date_with_hours": Form(
        "2025-03-14 10:32:00", "generic:closing-signature", last="Цената"
    ),
}


@pytest.mark.parametrize("name", sorted(FORMS))
def test_a_bulgarian_date_or_byline_form_gives_the_pages_fields(name: str) -> None:
    form = FORMS[name]
    article = extract(
        (PAGES / f"{name}.html").read_bytes(), f"https://obshtina.bg/{name}", today=FETCHED
    )
    assert str(article.published) == form.published
    assert article.rules["published"] == form.rule
    assert str(article.modified or "") == form.modified
    assert (article.author or "") == form.author
    if form.last:
        assert article.text.split("\n")[-1].startswith(form.last)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Мария Петрова, БТА", "Мария Петрова"),
        ("Автор: Мария Петрова, БТА", "Мария Петрова"),
        ("Мария Петрова, БНР, 14.03.2025", "Мария Петрова"),
        # Latin capitals after a comma are a degree, as cited ("Jane Doe, MD")
        ("Matthew Frankel, CFP", "Matthew Frankel, CFP"),
        # co-authors in capitals: a first name and a surname after the comma
        ("МАРИЯ ПЕТРОВА, ИВАН КОЛЕВ", "МАРИЯ ПЕТРОВА, ИВАН КОЛЕВ"),
    ],
)
def test_an_agency_after_the_writers_name_is_not_part_of_it(text: str, expected: str) -> None:
    assert clean_byline(text) == expected


def test_today_with_an_events_hour_in_a_sentence_is_no_date() -> None:
    """The page's only date is "Днес в 10:00 ч. кметът … ще открие …": the hour of the
    event the text announces, earlier on the fetch's day, not when the page was
    published; the page is left undated (a crawl takes its listing's date) and the
    sentence stays its text."""
    article = extract(
        (PAGES / "event_today_in_text.html").read_bytes(),
        "https://obshtina.bg/event_today_in_text",
        today=FETCHED,
    )
    assert article.published is None
    assert article.rules["published"] == "none"
    assert article.text.startswith("Днес в 10:00 ч. кметът на общината Иван Колев ще открие")


@pytest.mark.parametrize(
    ("name", "last"),
    [
        # a councillor quoted, with their party after the name: no agency, no writer
        ("party_after_quote", "Иван Петров (ГЕРБ)"),
        # the mayor with his role and the agency the picture or quote came from
        ("role_with_agency", "Кметът Иван Колев, БТА"),
    ],
)
def test_a_source_named_on_the_closing_line_is_no_writer(name: str, last: str) -> None:
    article = extract((PAGES / f"{name}.html").read_bytes(), f"https://obshtina.bg/{name}")
    assert article.author is None
    assert article.rules["author"] == "none"
    assert article.text.split("\n")[-1] == last
    assert str(article.published) == "2025-03-14"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Мария Петрова, БТА", "Мария Петрова"),
        ("Иван Колев – БНР", "Иван Колев"),
        ("Мария Петрова (Русе)", "Мария Петрова"),
        ("Рената Колева, БТА", "Рената Колева"),  # a first name ending "-та": no role
        # the site the writer files for, by its address
        ("Силвия Ненова, plevennews.bg", "Силвия Ненова"),
        ("Силвия Ненова - www.pleven-dnes.com", "Силвия Ненова"),
        ("Кметът Иван Колев, plevennews.bg", ""),
        # a party or a group after the name: a politician's
        ("Иван Петров (ГЕРБ)", ""),
        ("Иван Петров, БСП", ""),
        ("Иван Петров – ДПС", ""),
        ("Иван Петров (ПП – ДБ)", ""),
        ("Иван Петров (БСП за България)", ""),
        ("Иван Петров (Възраждане)", ""),
        ("Иван Петров (МК „Заедно за Русе“)", ""),
        # a role with its article before the name: whom the text is about
        ("Кметът Иван Колев, БТА", ""),
        ("Зам.-кметът Иван Колев, БТА", ""),
        ("Председателят Колев (Русе)", ""),
        ("Директорката Мария Колева, БНР", ""),
    ],
)
def test_an_agency_signature_names_a_writer_not_a_source(line: str, expected: str) -> None:
    assert agency_signature(line) == expected


def test_a_closing_byline_with_its_agency_is_a_byline_line() -> None:
    assert labelled_line("Автор: Мария Петрова, БТА") == "Мария Петрова"
    assert labelled_line("Автор: Мария Петрова, кмет на общината") == ""


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Текст и снимки – Мария Петрова", "Мария Петрова"),  # an en dash, as papers print
        ("Текст и снимки — Мария Петрова", "Мария Петрова"),
        ("Текст и снимка - Мария Петрова", "Мария Петрова"),
        ("Автор – Мария Петрова", "Мария Петрова"),
        ("Текст и снимки – Мария Петрова, кмет на общината", ""),  # more than a name
        ("Текст и снимки-Мария Петрова", ""),  # a dash not set apart: a compound word
        ("Текст – виж по-долу", ""),  # names no one
    ],
)
def test_a_closing_byline_whose_label_ends_in_a_dash_is_a_byline_line(line: str, name: str) -> None:
    """A newspaper's "Текст и снимки – Мария Петрова" under the text: the dash says what
    the colon does, on a line of the label and a name alone (before: no author, and the
    line archived as the text's last paragraph)."""
    assert labelled_line(line) == name


def test_an_article_closing_with_a_dashed_byline_names_its_writer_and_not_in_its_text() -> None:
    page = (
        '<html lang="bg"><head><meta charset="utf-8"><title>Нова пързалка</title></head><body>'
        "<article><h1>Нова пързалка в парка</h1><p>28.11.2026</p>"
        "<p>Общината постави нова пързалка в градския парк до езерото.</p>"
        "<p>Площадката е оградена и има пейки за родителите на децата.</p>"
        "<p>Текст и снимки – Мария Петрова</p></article></body></html>"
    )
    article = extract(page, "https://x.bg/novini/1", today=dt.date(2026, 12, 1))
    assert article.author == "Мария Петрова"
    assert "Текст и снимки" not in article.text and "Петрова" not in article.text


@pytest.mark.parametrize(
    "label",
    ["Текст и снимки:", "Текст и снимка:", "Текст и фото:", "Автор и фотограф:", "Автор и снимки:"],
)
def test_a_writer_and_pictures_label_over_the_name_leaves_the_text_with_it(label: str) -> None:
    """ "Текст и снимки:" in bold, a line break, the name: the label was dropped as a
    picture's credit ("… Снимки:"), which left "Мария Петрова" alone as the text's last
    line; kept, it is read with the name under it as the byline, and both leave."""
    page = (
        '<html lang="bg"><head><meta charset="utf-8"><title>Нова пързалка</title></head><body>'
        "<article><h1>Нова пързалка в парка</h1><p>28.11.2026</p>"
        "<p>Общината постави нова пързалка в градския парк до езерото.</p>"
        "<p>Площадката е оградена и има пейки за родителите на децата.</p>"
        f"<p><strong>{label}</strong><br>Мария Петрова</p></article></body></html>"
    )
    article = extract(page, "https://x.bg/novini/1", today=dt.date(2026, 12, 1))
    assert article.author == "Мария Петрова"
    assert article.text.splitlines()[-1].startswith("Площадката"), article.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reviewed By: Owen Hale, PhD", ""),
        ("Photo by Owen Hale", ""),
        ("Photo By Owen Hale", ""),  # (a lower-case "by" mid-line is no byline anyway)
        # a credit's words in Bulgarian as in English (``bylines._CREDIT``)
        ("Снимки ОТ Иван Колев", ""),
        ("Фото От Иван Колев · От Мария Петрова", "Мария Петрова"),
        ("Medically reviewed by Owen Hale", ""),
        ("By Laura Finch\nReviewed By: Owen Hale", "Laura Finch"),
        ("Edited by Owen Hale · By Laura Finch", "Laura Finch"),
    ],
)
def test_a_reviewers_or_photographers_by_is_no_writers_byline(text: str, expected: str) -> None:
    assert byline_in_text(text) == expected


_PROSE = "<p>" + "The council voted to extend the bus lanes along the river road. " * 8 + "</p>"


def _stated_and_printed(byline: str, stated: str = "kate.editor", link: bool = True) -> str:
    author_link = (
        '<a class="author-link" href="/author/laura-finch">Laura Finch</a>' if link else ""
    )
    return (
        f'<html lang="en"><head><title>Bus lanes extended</title>'
        f'<meta name="author" content="{stated}"></head><body>'
        f"<article><h1>Bus lanes extended</h1><p>{byline}</p>{_PROSE}"
        f'<div class="author-box">{author_link}</div></article></body></html>'
    )


def test_the_byline_printed_twice_wins_over_another_stated_author() -> None:
    """The metadata names the account that saved the post; the page prints its writer by
    the headline and links the writer's page: the reader is told who wrote it."""
    page = _stated_and_printed("By Laura Finch · March 3, 2025", stated="Kate Moss")
    article = extract(page, "https://news.example/bus-lanes")
    assert (article.author, article.rules["author"]) == ("Laura Finch", "generic:text-near-title")


@pytest.mark.parametrize(
    ("byline", "stated", "link"),
    [
        ("By Laura Finch · March 3, 2025", "Kate Moss", False),  # printed once only
        ("By Laura Finch · March 3, 2025", "Laura Finch, MD", True),  # the same writer
        ("March 3, 2025", "Kate Moss", True),  # no byline by the headline
    ],
)
def test_the_stated_author_stays_unless_the_page_prints_another_twice(
    byline: str, stated: str, link: bool
) -> None:
    article = extract(_stated_and_printed(byline, stated, link), "https://news.example/bus-lanes")
    assert article.author == stated


def test_a_label_without_its_colon_over_a_name_is_a_byline_only_for_the_pages_writer() -> None:
    """ "Автор" in bold over "Мария Петрова": a bare label may be a word of the text, so
    it pairs with the line under it only where that is the writer the page names."""
    assert two_line_byline("Автор:", "Мария Петрова") == "Мария Петрова"
    assert two_line_byline("Автор", "Мария Петрова") == ""
    assert two_line_byline("Автор", "Мария Петрова", "Мария Петрова") == "Мария Петрова"
    assert two_line_byline("Текст и снимки", "Мария Петрова", "Мария Петрова") == "Мария Петрова"
    assert two_line_byline("Текст", "Иван Колев", "Мария Петрова") == ""
    assert two_line_byline("Решение", "Мария Петрова", "Мария Петрова") == ""


@pytest.mark.parametrize(
    "byline",
    [
        "<p><strong>Автор</strong><br>Мария Петрова</p>",
        "<p><strong>Текст и снимки</strong><br>Мария Петрова</p>",
        "<p>Текст и снимки</p><p>Мария Петрова</p>",
    ],
)
def test_an_article_closing_on_a_bare_label_over_its_writer_keeps_neither_in_its_text(
    byline: str,
) -> None:
    """The label without its colon over the name, under the text: the author field rules
    read "Автор" so (not "Текст и снимки", before: no author), and the two lines stayed
    as the text's last two (before: "…\nАвтор\nМария Петрова")."""
    page = (
        '<html lang="bg"><head><meta charset="utf-8"><title>Нова пързалка</title></head><body>'
        "<article><h1>Нова пързалка в парка</h1><p>28.11.2026</p>"
        "<p>Общината постави нова пързалка в градския парк до езерото.</p>"
        "<p>Площадката е оградена и има пейки за родителите на децата.</p>"
        f"{byline}</article></body></html>"
    )
    article = extract(page, "https://x.bg/novini/1", today=dt.date(2026, 12, 1))
    assert article.author == "Мария Петрова"
    assert article.text.splitlines()[-1].startswith("Площадката"), article.text


@pytest.mark.parametrize(
    "byline",
    [
        "<p><strong>Автор</strong><br>Мария Петрова</p>",
        "<p><b>Автор</b></p><p>Мария Петрова</p>",
    ],
)
def test_an_article_opening_on_a_bare_label_over_its_writer_starts_at_its_first_sentence(
    byline: str,
) -> None:
    """The same label without its colon over the name the page's meta names, over the
    text: it left as a byline under the text but stayed at its top (before: "Автор\\nМария
    Петрова\\nОбщината…")."""
    page = (
        '<html lang="bg"><head><meta charset="utf-8"><title>Нова пързалка</title>'
        '<meta name="author" content="Мария Петрова"></head><body>'
        f"<article><h1>Нова пързалка в парка</h1><p>28.11.2026</p>{byline}"
        "<p>Общината постави нова пързалка в градския парк до езерото.</p>"
        "<p>Площадката е оградена и има пейки за родителите на децата.</p>"
        "</article></body></html>"
    )
    article = extract(page, "https://x.bg/novini/1", today=dt.date(2026, 12, 1))
    assert article.author == "Мария Петрова"
    assert article.text.startswith("Общината постави"), article.text


_LABELLED_TIME_PAGE = """<html><head><meta charset="utf-8"><title>Ремонт на моста</title>
</head><body><div id="menu"><a href="/">Начало</a> <a href="/novini">Новини</a></div>
<div class="novina"><h1>Започва ремонтът на стария мост</h1>
<div class="info"><span>Дата: 27.11.2026</span> <span>Час: 08:17</span>
<span>Прочитания: 41</span></div>
<p>Общината започва ремонт на стария мост над реката, който свързва двете части на
селото. Работите ще продължат до края на месеца, когато мостът отново ще бъде отворен.</p>
<p>Движението ще минава по обходен път през съседното село, а за пешеходците ще има
временна пасарелка край моста.</p></div></body></html>"""


def test_a_news_template_printing_its_time_as_a_field_dates_the_article_to_the_minute() -> None:
    """A "Дата: 27.11.2026" and then "Час: 08:17" in a span of its own, as a municipality's
    news template prints them: the article's moment, not its day alone."""
    article = extract(
        _LABELLED_TIME_PAGE,
        "https://obshtina.example/novini/remont-most",
        today=dt.date(2026, 12, 1),
    )
    assert article.published == dt.datetime(2026, 11, 27, 8, 17)


def test_a_template_printing_its_time_before_its_date_dates_the_article_to_the_minute() -> None:
    """The same two fields the other way round, "Час: 08:17" and then "Дата: 27.11.2026",
    each in a span of its own: the article's moment too."""
    page = _LABELLED_TIME_PAGE.replace(
        "<span>Дата: 27.11.2026</span> <span>Час: 08:17</span>",
        "<span>Час: 08:17</span> <span>Дата: 27.11.2026</span>",
    )
    assert "<span>Час: 08:17</span> <span>Дата:" in page
    article = extract(
        page, "https://obshtina.example/novini/remont-most", today=dt.date(2026, 12, 1)
    )
    assert article.published == dt.datetime(2026, 11, 27, 8, 17)
