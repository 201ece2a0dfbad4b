"""What a reader of a Bulgarian page sees first and last in its text (bg28), each in a
page written for this test in the markup such sites use: a relative date line ("вчера,
10:32") at the top of the text's box, an agency's unlabelled closing byline ("Мария
Петрова, БТА"), an editor's line by the headline ("Редактирано от …", "Редактор: …"),
and a municipal template's reading tools and counters under the text ("Снимка 1 от 12",
"Размер на шрифта", "Четено 312 пъти"). None of them is the article's text; the
closing byline is its writer where nothing else names one, an editor never is.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import editor_line
from newsarchive.profiles import get_profile

DATES = Path(__file__).parent / "fixtures" / "bg_dates"
SHAPES = Path(__file__).parent / "fixtures" / "bg_shapes"
# The fetch moment, on Sofia's clock: "вчера" and "преди 3 часа" count back from it.
FETCHED = dt.datetime(2026, 3, 12, 16, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("вчера, 10:32", "2026-03-11 10:32:00"),
        ("днес, 09:15", "2026-03-12 09:15:00"),
        ("Днес в 09:15 ч.", "2026-03-12 09:15:00"),
        ("преди 3 часа", "2026-03-12"),
    ],
)
def test_a_relative_date_line_that_dates_the_page_leaves_its_text(
    line: str, published: str
) -> None:
    """The date line the extractor read as the page's date, relative to the fetch: the
    text starts with the article's first sentence, as it does under an absolute date."""
    html = (DATES / "relative_date_in_text.html").read_text(encoding="utf-8")
    article = extract(
        html.replace("вчера, 10:32", line),
        "https://vesti-ruse.example/ruse/ploshtadka",
        today=FETCHED,
    )
    assert str(article.published).startswith(published)
    lines = article.text.split("\n")
    assert lines[0].startswith("Нова детска площадка с люлки")
    assert len(lines) == 3


@pytest.mark.parametrize(
    "sentence",
    [
        "Днес в 10:00 ч. започва сесията на Общинския съвет",
        "Преди 3 часа пожарът в склада беше потушен.",
        "На 11 март 2026 г. се проведе среща с родителите.",
        "On March 11, 2026, the council opened the playground.",
    ],
)
def test_a_short_first_sentence_holding_a_date_stays_text(sentence: str) -> None:
    """A first line short enough for a date line and holding a date, but the article's
    first sentence: dropped as a date line, the text lost its opening ("Днес в 10:00 ч.
    …" since relative date lines leave the text; "На 11 март …" before)."""
    html = (DATES / "relative_date_in_text.html").read_text(encoding="utf-8")
    article = extract(
        html.replace("вчера, 10:32", sentence),
        "https://vesti-ruse.example/ruse/ploshtadka",
        today=FETCHED,
    )
    lines = article.text.split("\n")
    assert lines[0] == sentence, lines[:2]
    assert len(lines) == 4


def test_a_sentence_opening_with_yesterday_stays_text() -> None:
    html = (DATES / "relative_date_in_text.html").read_text(encoding="utf-8")
    sentence = "Вчера, 10 минути след откриването, площадката вече беше пълна с деца."
    article = extract(
        html.replace("вчера, 10:32", sentence),
        "https://vesti-ruse.example/ruse/ploshtadka",
        today=FETCHED,
    )
    assert article.text.split("\n")[0] == sentence


_BTA_URL = "https://www.bta.bg/bg/news/bulgaria/1190005-pristanishte"


@pytest.mark.parametrize("profile", [None, "bta"])
def test_an_agencys_closing_byline_is_the_writer_not_text(profile: str | None) -> None:
    html = (DATES / "agency_closing_byline.html").read_bytes()
    article = extract(html, _BTA_URL, profile=get_profile(profile) if profile else None)
    assert article.author == "Мария Петрова"
    assert article.rules["author"] == "generic:closing-line"
    assert article.text.split("\n")[-1].startswith("До края на октомври")
    assert "БТА" not in article.text


@pytest.mark.parametrize("signature", ["Мария Петрова (БТА)", "Мария Петрова – БНР"])
def test_the_agency_in_brackets_or_after_a_dash_signs_as_well(signature: str) -> None:
    html = (DATES / "agency_closing_byline.html").read_text(encoding="utf-8")
    article = extract(html.replace("Мария Петрова, БТА", signature), _BTA_URL)
    assert article.author == "Мария Петрова"
    assert article.text.split("\n")[-1].startswith("До края на октомври")


def test_the_closing_byline_leaves_the_text_under_another_writers_byline() -> None:
    html = (DATES / "agency_closing_byline.html").read_text(encoding="utf-8")
    html = html.replace(
        '<div class="post__post">',
        '<div class="post__author">Иван Димитров</div><div class="post__post">',
    )
    article = extract(html, _BTA_URL, profile=get_profile("bta"))
    assert article.author == "Иван Димитров"
    assert article.text.split("\n")[-1].startswith("До края на октомври")


@pytest.mark.parametrize(
    "closing",
    [
        "Това съобщи пред кореспондента на агенцията директорът Иван Колев, БТА",
        "Първите туристи слязоха на брега малко след девет часа, БТА",
    ],
)
def test_a_last_paragraph_that_merely_ends_with_the_agency_stays_text(closing: str) -> None:
    html = (DATES / "agency_closing_byline.html").read_text(encoding="utf-8")
    article = extract(html.replace("Мария Петрова, БТА", closing), _BTA_URL)
    assert article.text.split("\n")[-1] == closing
    assert article.author is None


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Редактирано от Иван Колев", None),
        ("Редактирано От Иван Колев", None),
        ("Редактор: Иван Колев", None),
        ("Автор: Мария Петрова | Редактирано От Иван Колев", "Мария Петрова"),
    ],
)
def test_an_editor_by_the_headline_is_not_the_writer(byline: str, author: str | None) -> None:
    html = (DATES / "editor_byline.html").read_text(encoding="utf-8")
    article = extract(
        html.replace("Редактирано от Иван Колев", byline), "https://vesti-ruse.example/most"
    )
    assert article.author == author
    assert article.text.startswith("Ремонтът на моста")


@pytest.mark.parametrize(
    "line",
    [
        "Снимка 1 от 12",
        "Снимка 3/12",
        "Размер на шрифта",
        "Размер на шрифта: A+ A-",
        "Четено 312 пъти",
        "Посещения 1204",
        "Коментари",
        # calls to follow the site, a comment form's notice and labels, an English
        # version's picture credit and cookie banner
        "Следете ни във Facebook!",
        "Харесайте страницата ни във Фейсбук",
        "Follow us on Facebook",
        "Трябва да сте влезли в системата, за да коментирате.",
        "Име:",
        "Коментар: *",
        "Photos: Petar Georgiev",
        "This website uses cookies to improve your experience.",
        # a notice's attachments' label, its links gone as a list of links
        "Приложения:",
        # an old template's widgets written as paragraphs under the text (s33's probe):
        # a counter without "пъти", the way back, the print and send buttons in a row,
        # an empty comment box, a rating box, a banner slot's label, a related list's
        # heading with its colon, calls to follow, subscribe and share, a comment form
        "Прочетена: 123",
        "« Назад",
        "Обратно към новините",
        "Принтирай | Изпрати на приятел",
        "Свали като PDF",
        "Няма коментари",
        "Оцени статията: 1 2 3 4 5",
        "Рейтинг: 4.5/5 (12 гласа)",
        "БАНЕР",
        "Свързани новини:",
        "Още по темата:",
        "Още от категорията:",
        "Харесайте ни във Фейсбук: facebook.com/nikolovo",
        "Абонирайте се за нашия бюлетин!",
        "Споделете тази новина с приятелите си!",
        "Трябва да влезете, за да коментирате.",
        # a Facebook post's embed before its script runs: who posted it and when
        "Публикувано от Община Николово в Сряда, 2 декември 2026 г.",
        "Posted by Nikolovo Municipality on Wednesday, December 2, 2026",
    ],
)
def test_a_templates_tools_and_counters_under_the_text_are_not_text(line: str) -> None:
    """A gallery's counter, the font-size tool's label, a counter without its colon and
    the comments box's bare heading, each a paragraph of its own where an old template
    prints it among or under the text's blocks."""
    html = (SHAPES / "reading_tools.html").read_text(encoding="utf-8")
    last = "<p>Читалището пази"
    html = html.replace(last, f"<p>{line}</p>{last}").replace(
        "в областта.</p>", f"в областта.</p><p>{line}</p>"
    )
    lines = extract(html, "https://nikolovo.example/novini/chitalishte").text.split("\n")
    assert lines[0].startswith("С тържествен концерт")
    assert lines[-1].startswith("Читалището пази")
    assert line not in lines
    assert len(lines) == 3


@pytest.mark.parametrize(
    "sentence",
    [
        "Размер на шрифта от 14 точки е задължителен за всички документи.",
        # sentences opening with a widget's words
        "Назад към миналото поглежда изложбата в галерията.",
        "Няма коментари от кмета по темата до момента.",
        "Печат на документи се извършва в сградата на общината.",
        "Рейтинг на общините показва напредък в образованието.",
        # a call to share written as a sentence: the notice's own (a mirror's guard)
        "Споделете новината с приятелите си в социалните мрежи.",
        "Оценка на въздействието върху околната среда ще бъде изготвена.",
    ],
)
def test_a_sentence_opening_with_a_tools_words_stays_text(sentence: str) -> None:
    html = (SHAPES / "reading_tools.html").read_text(encoding="utf-8")
    html = html.replace("в областта.</p>", f"в областта.</p><p>{sentence}</p>")
    text = extract(html, "https://nikolovo.example/novini/chitalishte").text
    assert text.split("\n")[-1] == sentence


@pytest.mark.parametrize(
    "closing",
    [
        "Редактор: Иван Колев",
        "Редактирано от Иван Колев",
        "Редактирано От Иван Колев.",
        "(Редактор: Иван Колев)",  # in brackets, as BTA sets it
    ],
)
def test_an_editors_line_under_the_text_leaves_it_and_names_no_writer(closing: str) -> None:
    html = (DATES / "editor_byline.html").read_text(encoding="utf-8")
    html = html.replace("Редактирано от Иван Колев", "").replace(
        "общинския бюджет.</p>", f"общинския бюджет.</p><p>{closing}</p>"
    )
    article = extract(html, "https://vesti-ruse.example/most")
    assert article.author is None
    assert article.text.split("\n")[-1].startswith("Стойността на работите")


@pytest.mark.parametrize(
    "closing",
    [
        "Редактор: Иван Колев, който подготви и снимките за материала.",
        "Редакцията: вестник Дунав",
    ],
)
def test_a_line_about_the_editor_that_says_more_stays_text(closing: str) -> None:
    html = (DATES / "editor_byline.html").read_text(encoding="utf-8")
    html = html.replace("общинския бюджет.</p>", f"общинския бюджет.</p><p>{closing}</p>")
    assert extract(html, "https://vesti-ruse.example/most").text.split("\n")[-1] == closing


@pytest.mark.parametrize(
    ("line", "editor"),
    [
        ("Редактор: Иван Колев", "Иван Колев"),
        ("Редактирано от: Мария Петрова", "Мария Петрова"),
        ("Edited by Jane Doe", "Jane Doe"),
        ("Редактор на броя е Иван Колев", ""),  # a sentence
        ("Автор: Иван Колев", ""),  # the writer's label
    ],
)
def test_an_editors_line_names_the_editor_only(line: str, editor: str) -> None:
    assert editor_line(line) == editor


@pytest.mark.parametrize(
    "councillors",
    [
        ["Иван Колев (ГЕРБ)", "Мария Петрова (БСП)", "Стефан Димов, ДПС"],
        # groups no vocabulary knows, or their towns: the list alone tells
        ["Иван Колев (Бяла)", "Мария Петрова (Русе)", "Стефан Димов (Ценово)"],
    ],
)
def test_a_closing_list_of_names_with_their_parties_stays_text(councillors: list[str]) -> None:
    """A municipal report ending on the councillors elected, one a paragraph with their
    party ("Иван Колев (ГЕРБ)", no agency: ``bylines.agency_signature``) or their town:
    each line has an agency signature's shape, but names over names are a list, none of
    them the writer, and all of them the text."""
    html = (DATES / "agency_closing_byline.html").read_text(encoding="utf-8")
    listed = "</p><p>".join(councillors)
    article = extract(html.replace("Мария Петрова, БТА", listed), _BTA_URL)
    assert article.text.split("\n")[-3:] == councillors
    assert article.author is None


def test_a_closing_byline_in_capitals_leaves_the_text() -> None:
    """ "АВТОР: МАРИЯ ИВАНОВА" under the text names the writer, as "Автор: Мария Иванова"
    does, and leaves the text as it does (``bylines.labelled_line``: the name read in
    sentence case did not end the line as printed)."""
    html = (SHAPES / "reading_tools.html").read_text(encoding="utf-8")
    html = html.replace("в областта.</p>", "в областта.</p><p>АВТОР: МАРИЯ ИВАНОВА</p>")
    article = extract(html, "https://nikolovo.example/novini/chitalishte")
    assert article.author == "Мария Иванова"
    assert article.text.split("\n")[-1].endswith("в областта.")


def test_the_words_a_br_sets_apart_in_the_headline_do_not_open_the_text() -> None:
    """ "<h1>Ремонт на улици<br>в центъра</h1>": the headline's second line opened the
    text ("в центъра"); a word alone stays (it may be the text's first heading)."""
    prose = "".join(
        f"<p>Работите по улица номер {n} ще продължат около два месеца.</p>" for n in range(3)
    )
    html = (
        "<html lang='bg'><head><title>Ремонт на улици в центъра</title></head><body>"
        f"<main><h1>Ремонт на улици<br>в центъра</h1>{prose}</main></body></html>"
    )
    article = extract(html, "https://nikolovo.example/novini/remont")
    assert article.title == "Ремонт на улици в центъра"
    assert article.text.split("\n")[0].startswith("Работите по улица номер 0")


@pytest.mark.parametrize("details", ["Подробности", "Детайли", "Details"])
def test_joomlas_details_box_dates_and_signs_the_article_and_is_no_text(details: str) -> None:
    """Joomla's "<dl class="article-info">" under the headline: its heading ("Подробности",
    Joomla 3's "Детайли"), its created and modified days and "Написано от …" opened the
    text where no ``articleBody`` wraps it. The box is no text (``clean``: "article-info"),
    and still where the date and writer rules read them."""
    html = (
        "<html lang='bg'><head><title>Пролетно почистване</title></head><body>"
        "<div id='menu'><a href='/'>Начало</a> <a href='/novini'>Новини</a></div>"
        "<div class='item-page'><h2>Започна пролетното почистване</h2>"
        f"<dl class='article-info'><dt class='article-info-term'>{details}</dt>"
        "<dd class='category-name'>Категория: <a href='/novini'>Новини</a></dd>"
        "<dd class='create'>Създадено на петък, 13 март 2026 10:15</dd>"
        "<dd class='modified'>Последна промяна на петък, 13 март 2026 11:02</dd>"
        "<dd class='createdby'>Написано от Мария Петрова</dd>"
        "<dd class='hits'>Посещения: 342</dd></dl>"
        "<p>От понеделник в Примерово започва пролетното почистване на улиците и парковете.</p>"
        "<p>Кампанията ще продължи две седмици и ще обхване всички квартали.</p></div>"
        "<div id='footer'>© 2026 Община Примерово</div></body></html>"
    )
    # (fetched the day after the box's day: the fetch the file's others share is the day
    # before it, and a time past every clock at the fetch is refused, ``date_stamps.after``)
    fetched = FETCHED + dt.timedelta(days=1)
    article = extract(html, "https://primerovo.example/novini/540", today=fetched)
    assert article.text.split("\n") == [
        "От понеделник в Примерово започва пролетното почистване на улиците и парковете.",
        "Кампанията ще продължи две седмици и ще обхване всички квартали.",
    ]
    assert article.author == "Мария Петрова"
    assert article.published is not None and article.published.date() == dt.date(2026, 3, 13)


def test_an_events_when_line_opening_the_text_stays_text() -> None:
    """ "Кога: 10 март 2026 г., 11:00 ч." over "Къде: Градски парк", under the page's own
    date: what the notice announces, not a date line over the text (dropped as one, the
    notice lost its "when")."""
    html = (
        "<html lang='bg'><head><title>Община Примерово</title></head><body>"
        "<div id='menu'><a href='/'>Начало</a> <a href='/novini'>Новини</a></div>"
        "<div class='news-item'><h1>Празник на лалето в Примерово</h1>"
        "<p class='date'>02.03.2026</p>"
        "<p><strong>Кога:</strong> 10 март 2026 г., 11:00 ч.<br>"
        "<strong>Къде:</strong> Градски парк</p>"
        "<p>Община Примерово и читалище „Просвета“ канят всички жители и гости на Празника"
        " на лалето. Ще има концерт и изложба на цветя.</p></div>"
        "<div id='footer'>© 2026 Община Примерово</div></body></html>"
    )
    article = extract(html, "https://primerovo.example/novini/541", today=FETCHED)
    assert article.text.split("\n")[:2] == [
        "Кога: 10 март 2026 г., 11:00 ч.",
        "Къде: Градски парк",
    ]
    assert article.published == dt.date(2026, 3, 2)


def _dateline_page(dateline: str) -> str:
    """An agency's item, ``dateline`` opening its first paragraph (closing it, with
    "</p><p>", sets it as a paragraph of its own)."""
    return (
        "<html lang='bg'><head><title>Доброволци засадиха 500 дръвчета</title></head><body>"
        "<div class='news-item'><h1>Доброволци засадиха 500 дръвчета</h1>"
        "<p class='date'>11.03.2026 12:40</p>"
        f"<p>{dateline}Над 100 доброволци засадиха днес 500 фиданки, съобщиха организаторите.</p>"
        "<p>Инициативата е част от кампанията „Зелена община“ и ще продължи и догодина.</p>"
        "</div></body></html>"
    )


@pytest.mark.parametrize(
    ("dateline", "author"),
    [
        ("Примерово, 21 март /Кореспондент на БТА Мария Петрова/ - ", "Мария Петрова"),
        ("Примерово, 21 март /Мария Петрова, БТА/ – ", "Мария Петрова"),
        ("Примерово, 21 март /БТА/ - ", None),  # the agency alone names no one
        ("Примерово, 21 март /Стара Загора, БТА/ - ", None),  # nor a place
        # the story's first sentence right after it, no dash between
        ("ПРИМЕРОВО, 21 март /Кореспондент на БТА Мария Петрова/ ", "Мария Петрова"),
        ("Примерово, 21 март /Мария Петрова, БТА/. ", "Мария Петрова"),
        ("Примерово, 21 март /Стара Загора, БТА/ ", None),
    ],
)
def test_an_agencys_dateline_names_its_correspondent(dateline: str, author: str | None) -> None:
    """BTA's regional items name their correspondent in the dateline opening the text,
    between slashes; where no byline names the writer, that is who wrote it
    (``bylines.dateline_byline``, ``generic:dateline``). The dateline stays text."""
    article = extract(
        _dateline_page(dateline), "https://primerovo.example/novini/542", today=FETCHED
    )
    assert article.author == author
    assert article.text.startswith(dateline.strip())


@pytest.mark.parametrize(
    ("dateline", "author"),
    [
        ("Примерово, 21 март /Мария Петрова, БТА/", "Мария Петрова"),
        ("Примерово, 21 март /Кореспондент на БТА Мария Петрова/", "Мария Петрова"),
        ("Примерово, 21 март /Стара Загора, БТА/", None),  # a place names no one
    ],
)
def test_an_agencys_dateline_as_a_paragraph_of_its_own_names_its_correspondent(
    dateline: str, author: str | None
) -> None:
    """The dateline set as the text's first paragraph, no dash after it: it leaves the
    text as a date line, and names the writer all the same."""
    page = _dateline_page(f"{dateline}</p><p>")
    article = extract(page, "https://primerovo.example/novini/542", today=FETCHED)
    assert article.author == author
    assert article.text.startswith("Над 100 доброволци")


# A fetch after the kindergarten's December posts
_DECEMBER = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)


def _kindergarten_page(first: str, last: str = "") -> str:
    return (
        "<html lang='bg'><head><title>Седмица на четенето</title></head><body>"
        "<div class='post'><h1>Седмица на четенето в ДГ „Слънце“</h1>"
        f"<p>{first}</p>"
        "<p>През тази седмица децата от група „Пчелички“ се включиха в инициативата.</p>"
        "<p>Родители и баби идваха в градината и четяха любимите си приказки на децата.</p>"
        f"{f'<p>{last}</p>' if last else ''}</div></body></html>"
    )


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("02.12.2026г.", "2026-12-02"),
        ("2 декември 2026г.", "2026-12-02"),
        ("02.12.2026г., 10:30ч.", "2026-12-02 10:30:00"),
    ],
)
def test_a_date_line_with_its_year_mark_run_into_the_number_leaves_the_text(
    line: str, published: str
) -> None:
    """ "02.12.2026г.", the mark typed without its space: the "г." read as a sentence's
    last word and full stop, and the date line opened the text."""
    article = extract(
        _kindergarten_page(line), "https://dg-slance.example/novini/7", today=_DECEMBER
    )
    assert str(article.published) == published
    assert article.text.startswith("През тази седмица")


@pytest.mark.parametrize(
    "line", ["Подготви: Мария Колева", "Подготвила: Мария Колева", "Подготвил: Мария Колева"]
)
def test_who_prepared_the_piece_is_its_writer(line: str) -> None:
    """A school's, a library's or a chitalishte's site signs a piece "Подготви: …"."""
    article = extract(
        _kindergarten_page("02.12.2026", line),
        "https://dg-slance.example/novini/7",
        today=_DECEMBER,
    )
    assert article.author == "Мария Колева"
    assert line not in article.text


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("Публикувано: 01.12.2026 | Обновено: 03.12.2026", "2026-12-01"),
        ("Публикувано на 01.12.2026, последна промяна: 03.12.2026", "2026-12-01"),
        # the first day's time after a comma: split where the change's label follows
        ("Публикувано на 01.12.2026, 10:30, последна промяна: 03.12.2026", "2026-12-01 10:30:00"),
    ],
)
def test_a_closing_line_of_the_published_and_the_changed_day_is_no_text(
    line: str, published: str
) -> None:
    article = extract(
        _kindergarten_page("Малките читатели", line), "https://dg-slance.example/novini/7",
        today=_DECEMBER,
    )  # fmt: skip
    assert article.text.splitlines()[-1].startswith("Родители и баби")
    assert str(article.published) == published


_FUNDED = (
    "<p>Община Примерово започна реконструкцията на централния площад по проект за 3,8 млн. лв."
    "</p><p>Предвижда се нова пешеходна зона, енергоспестяващо осветление и детски кът.</p>"
)
_NOTICE = (
    "Проектът се осъществява с финансовата подкрепа на Оперативна програма „Региони в растеж“"
    " 2014 – 2020, съфинансирана от Европейския съюз чрез Европейския фонд за регионално "
    "развитие. Цялата отговорност за съдържанието на публикацията се носи от Община Примерово"
    " и при никакви обстоятелства не може да се приема, че тази публикация отразява "
    "официалното становище на Европейския съюз и Управляващия орган."
)


@pytest.mark.parametrize(
    "notice",
    [
        f"<p><i>{_NOTICE}</i></p>",
        "<p>Цялата отговорност за съдържанието се носи от Община Примерово и при никакви "
        "обстоятелства не може да се счита, че документът отразява официалната позиция на ЕС.</p>",
    ],
)
def test_an_eu_funded_projects_notice_closing_the_text_leaves_it(notice: str) -> None:
    """The notice every publication of an EU-funded project must print, inside the
    text's own box: the programme's words, no news."""
    html = (
        "<html lang='bg'><head><title>Реконструкция на площада</title></head><body>"
        f"<div class='post'><h1>Започна реконструкцията на площада</h1>{_FUNDED}{notice}"
        "</div></body></html>"
    )
    article = extract(html, "https://primerovo.example/novini/ploshtad", today=FETCHED)
    assert article.text.splitlines() == [
        "Община Примерово започна реконструкцията на централния площад по проект за 3,8 млн. лв.",
        "Предвижда се нова пешеходна зона, енергоспестяващо осветление и детски кът.",
    ]


def test_a_story_quoting_the_funding_notice_keeps_its_paragraph() -> None:
    quoting = (
        "Одиторите установиха, че общината не е поставила на табелите задължителния текст, "
        f"който гласи: „{_NOTICE}“ Заради пропуска управляващият орган наложи финансова "
        "корекция от 5 на сто, която общината ще обжалва пред съда, съобщиха от пресцентъра."
    )
    html = (
        "<html lang='bg'><head><title>Финансова корекция</title></head><body>"
        f"<div class='post'><h1>Финансова корекция за общината</h1>{_FUNDED}<p>{quoting}</p>"
        "</div></body></html>"
    )
    article = extract(html, "https://primerovo.example/novini/korektsiya", today=FETCHED)
    assert article.text.splitlines()[-1] == quoting


@pytest.mark.parametrize("box", ["{}", "<div class='video-info'>{}</div>"])
def test_a_row_of_the_videos_fields_with_its_date_is_no_text(box: str) -> None:
    """A TV site's video page: under the headline a row of the video's fields, its
    programme, date, host and length set apart by dots, the last closing on "мин.": it
    opened the text, as a line of the text or as the standfirst by the headline."""
    fields = (
        "<span>Предаване: Добро утро</span> · <span>04.03.2026</span> · <span>Водещ: Ралица "
        "Минкова</span> · <span>Продължителност: 18:40 мин.</span>"
    )
    html = (
        "<html lang='bg'><head><title>Гост в студиото</title></head><body><main>"
        "<div class='player'><iframe src='https://www.youtube.com/embed/x'></iframe></div>"
        + box.format(
            "<h1>„Добро утро“: гост в студиото – директорът на музея</h1>"
            f"<div class='vinfo'>{fields}</div>"
        )
        + "<div class='vdesc'><p>Директорът на музея разказа за находките от тракийската "
        "гробница край селото и за новата експозиция.</p><p>Изложбата ще бъде открита през "
        "януари в залата на музея.</p></div></main></body></html>"
    )
    article = extract(html, "https://tv.example/video/gost", today=FETCHED)
    assert article.text.startswith("Директорът на музея"), article.text
