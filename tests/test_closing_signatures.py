"""How municipal press releases sign their text on its last line: a person or the office
with the day ("Мария Колева, 12 март 2026 г.", "Пресцентър на Община Русе | 12.03.2026"),
a labelled byline with the agency after a dash, or the office's name alone. None of them
is the text's; each names who speaks for it."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.extraction import bylines, extract

TEXT = (
    "Община Русе обявява прием на заявления за участие в програмата за лятна заетост на"
    " младежи до 29 години.\nДокументите се подават в деловодството на общината до края на"
    " месеца, всеки работен ден от 8:30 до 17 часа."
)


def _page(closing: str) -> str:
    body = "".join(f"<p>{line}</p>" for line in TEXT.split("\n"))
    return (
        "<html><head><title>Лятна заетост за младежи | Община Русе</title></head><body>"
        '<header><nav><a href="/">Начало</a> <a href="/novini">Новини</a></nav></header>'
        '<main><article><h1>Лятна заетост за младежи</h1><div class="entry-content">'
        f"{body}{closing}</div></article></main>"
        "<footer><p>© Община Русе, пл. „Свобода“ 6</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Пресцентър на Община Русе | 12.03.2026", "Пресцентър на Община Русе"),
        ("Мария Колева, 12 март 2026 г.", "Мария Колева"),
        ("Иван Петров – 12.03.2026", "Иван Петров"),
        ("Мария Стоянова-Колева, 12 март 2026 г.", "Мария Стоянова-Колева"),
        ("МАРИЯ КОЛЕВА, 12 март 2026 г.", "Мария Колева"),
        ("Автор: Мария Колева, 12 март 2026 г.", "Мария Колева"),
        ("Отдел „Връзки с обществеността“ | 12.03.2026", "Отдел „Връзки с обществеността“"),
        ("Мария Колева<br>12.03.2026", "Мария Колева"),  # the day under the name
    ],
)
def test_a_signature_with_the_day_closing_the_text_leaves_it_and_names_the_author(
    line: str, author: str
) -> None:
    article = extract(_page(f"<p>{line}</p>"))
    assert article.text == TEXT
    assert article.author == author
    assert article.published == dt.date(2026, 3, 12)


def test_a_place_dating_the_closing_line_is_no_signature() -> None:
    """ "Велико Търново, 12 март 2026 г." dates a letter the text quotes: its last word is
    no surname, so the line stays and names no one."""
    line = "Велико Търново, 12 март 2026 г."
    article = extract(_page(f"<p>{line}</p>"))
    assert article.text == f"{TEXT}\n{line}"
    assert article.author is None
    article = extract(_page("<p>Велико Търново</p><p>12 март 2026 г.</p>"))
    assert article.text == f"{TEXT}\nВелико Търново"
    assert article.author is None


def test_a_labelled_byline_with_the_agency_after_a_dash_leaves_the_text() -> None:
    article = extract(_page("<p>Автор: Мария Колева – БТА</p>"))
    assert (article.text, article.author) == (TEXT, "Мария Колева")


@pytest.mark.parametrize(
    "office", ["Дирекция „Култура“", "Регионална здравна инспекция – Русе", "Община Русе"]
)
def test_an_office_alone_on_the_last_line_signs_the_text(office: str) -> None:
    article = extract(_page(f"<p>{office}</p>"))
    assert (article.text, article.author) == (TEXT, office)
    assert article.rules["author"] == "generic:office-line"


@pytest.mark.parametrize(
    "line",
    [
        "Общината ще информира гражданите.",
        "Дирекция „Култура“ ще обяви резултатите.",
        "Повече информация: Дирекция „Култура“",
    ],
)
def test_a_last_line_that_says_more_than_an_office_stays_text(line: str) -> None:
    article = extract(_page(f"<p>{line}</p>"))
    assert article.text == f"{TEXT}\n{line}"
    assert article.author is None


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("ПРЕСЦЕНТЪР НА ОБЩИНА РУСЕ", "Пресцентър на Община Русе"),
        ("РЕГИОНАЛНА ЗДРАВНА ИНСПЕКЦИЯ – РУСЕ", "Регионална здравна инспекция – Русе"),
        ("ДИРЕКЦИЯ „КУЛТУРА И ТУРИЗЪМ“", "Дирекция „Култура и туризъм“"),
        ("МИНИСТЕРСТВО НА ЗДРАВЕОПАЗВАНЕТО", "Министерство на здравеопазването"),
        ("АГЕНЦИЯ ЗА СОЦИАЛНО ПОДПОМАГАНЕ", "Агенция за социално подпомагане"),
        ("ЕКИП НА НСОРБ", "Екип на НСОРБ"),
        ("МАРИЯ-ЕЛЕНА ПЕТРОВА И ИВАН КОЛЕВ", "Мария-Елена Петрова и Иван Колев"),
        ("БТА", "БТА"),
        ("Пресцентър На Община Русе", "Пресцентър На Община Русе"),  # not capitals: as printed
    ],
)
def test_a_name_in_capitals_is_stored_as_a_person_writes_it(printed: str, written: str) -> None:
    assert bylines.as_written(printed) == written


@pytest.mark.parametrize(
    "closing",
    [
        '<p class="author">Автор: ПРЕСЦЕНТЪР НА ОБЩИНА РУСЕ</p>',
        "<p>ПРЕСЦЕНТЪР НА ОБЩИНА РУСЕ</p>",
        "<p>ПРЕСЦЕНТЪР НА ОБЩИНА РУСЕ | 12.03.2026</p>",
    ],
)
def test_an_office_signing_in_capitals_is_archived_as_written(closing: str) -> None:
    article = extract(_page(closing))
    assert (article.text, article.author) == (TEXT, "Пресцентър на Община Русе")


@pytest.mark.parametrize(
    "line",
    [
        "Дата на публикуването: 12.03.2026",
        "Добавено: 12.03.2026 г.",
        "Последно обновление: 12.03.2026, 10:30",
        "Последна промяна: 12.03.2026",
        "Дата: 12.03.2026",
        "в 10:30 ч. на 12.03.2026",  # the time said first, "на" joining the date
    ],
)
def test_a_closing_date_under_any_label_the_date_rules_know_leaves_the_text(line: str) -> None:
    """One vocabulary (``date_words.DATE_LINE_LABEL``) labels a date for the date rules and a
    closing date line for the text's end: a label either knows, the other does too."""
    article = extract(_page(f"<p>{line}</p>"))
    assert article.text == TEXT
    assert bylines.is_bare_date(line)


LONG = "".join(
    f"<p>{line}</p>"
    for line in (
        "Консултациите за кандидатите ще започнат на 20.03.2026 г. в центъра за услуги.",
        *["Служителите ще отговарят на въпроси за документите, сроковете и условията на"
          " програмата, както и за начина на подаване на заявленията." for _ in range(8)],
    )
)  # fmt: skip


@pytest.mark.parametrize(
    "closing",
    [
        "<p>Мария Колева, 12 март 2026 г.</p>",
        "<p>Пресцентър на Община Русе | 12.03.2026</p>",
        "<p>Мария Колева</p><p>12.03.2026</p>",
    ],
)
def test_the_signatures_day_dates_the_article_over_a_day_the_text_tells(closing: str) -> None:
    """Far from the headline the date rules would take the day of the event the text
    tells (a guess); the signature's day is the release's."""
    article = extract(_page(LONG + closing))
    assert article.published == dt.date(2026, 3, 12)
    assert article.rules["published"] == "generic:closing-signature"
    assert article.date_note is None


@pytest.mark.parametrize(
    "closing",
    [
        "<p>В проекта участват:</p><ul><li>Община Русе</li><li>Община Бяла</li>"
        "<li>Община Ветово</li></ul>",
        "<p>Организатори:</p><p>Община Русе</p><p>Областна администрация Русе</p>",
        "<p>За информация и записване:</p><p>Отдел „Образование“</p>",
    ],
)
def test_offices_a_list_ends_on_stay_text(closing: str) -> None:
    """An office's name alone signs the text only where nothing before calls for it: a
    list of offices ending the text (each item an office, or the line before it ending
    with a colon) is what the text says, not who issued it."""
    article = extract(_page(closing))
    lines = [line for line in article.text.split("\n") if line not in TEXT.split("\n")]
    assert len(lines) == closing.count("<li>") + closing.count("<p>")
    assert article.author is None


def test_an_office_under_a_label_alone_still_signs_the_text() -> None:
    """ "Източник:" over the office's name is a byline's label on a line of its own, not a
    line calling for a list."""
    assert extract(_page("<p>Източник:</p><p>Община Русе</p>")).author == "Община Русе"


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("ДИРЕКЦИЯ „КУЛТУРА“ – ОБЩИНА РУСЕ", "Дирекция „Култура“ – Община Русе"),
        ("ВИК – РУСЕ", "ВиК – Русе"),
        ("ИВАН MCDONALD", "Иван MCDONALD"),
        ("Д-Р МАРИЯ СТОЯНОВА-КОЛЕВА", "Д-р Мария Стоянова-Колева"),
    ],
)
def test_capitals_as_written_past_dashes_abbreviations_latin_and_titles(
    printed: str, written: str
) -> None:
    """A dash opens another name (the body's office after its department's); "ВиК" is
    written with a small letter inside, which the capitals hid; a Latin word beside
    Cyrillic ones is no Bulgarian name to respell; a shortened title ("д-р") has one
    capital, where each part of a double name has its own."""
    assert bylines.as_written(printed) == written


ENGLISH = (
    "The town council opened applications for its summer jobs scheme for residents under"
    " thirty.\nForms can be handed in at the registry office on any working day until the"
    " end of the month."
)


def _english_page(closing: str, meta_author: str = "") -> str:
    body = "".join(f"<p>{line}</p>" for line in ENGLISH.split("\n"))
    meta = f'<meta name="author" content="{meta_author}">' if meta_author else ""
    return (
        f"<html lang='en'><head><title>Summer jobs for young people | Town Hall</title>{meta}"
        '</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'
        '<main><article><h1>Summer jobs for young people</h1><div class="entry-content">'
        f"{body}{closing}</div></article></main>"
        "<footer><p>© Town Hall, 6 Freedom Square</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("— John Smith, 3 March 2026", "John Smith"),
        ("By Jane Doe | 03/03/2026", "Jane Doe"),
        ("– Mary J. Watson, March 3, 2026", "Mary J. Watson"),
        ("— Мария Колева, 3 март 2026 г.", "Мария Колева"),  # the signing dash in Bulgarian
    ],
)
def test_a_latin_signature_after_the_signing_dash_or_by_names_the_author(
    line: str, author: str
) -> None:
    article = extract(_english_page(f"<p>{line}</p>"))
    assert article.text == ENGLISH
    assert article.author == author
    assert article.published == dt.date(2026, 3, 3)


@pytest.mark.parametrize(
    ("closing", "writer"),
    [
        ("<p>Jane Doe, March 3, 2026</p>", "Jane Doe"),
        ("<p>Jane Doe – March 3, 2026</p>", "Jane Doe"),
        ("<p>Jane Doe</p><p>March 3, 2026</p>", "Jane Doe"),  # the day under the name
        # surnames a place's or an outlet's name also ends with: the page names the writer
        ("<p>Michael Bay, March 3, 2026</p>", "Michael Bay"),
        ("<p>— Michael Bay, March 3, 2026</p>", "Michael Bay"),
        ("<p>By Emily Post | March 3, 2026</p>", "Emily Post"),
    ],
)
def test_a_bare_latin_signature_of_the_writer_the_page_names_leaves_the_text(
    closing: str, writer: str
) -> None:
    """A Latin name alone before the day is shaped as a title-case phrase is; it signs
    the text when the page names the same writer elsewhere (here its meta author)."""
    article = extract(_english_page(closing, meta_author=writer))
    assert article.text == ENGLISH
    assert article.author == writer
    assert article.published == dt.date(2026, 3, 3)


@pytest.mark.parametrize(
    "line",
    [
        "Sofia, March 3, 2026",  # a letter's place and day
        "New York, March 3, 2026",
        "SOFIA, March 3, 2026",  # a dateline's capitals
        "Press Release, March 3, 2026",  # a title-case phrase, no name
        "Image Credit | March 3, 2026",
        "Jane Doe, March 3, 2026",  # a name the page does not confirm: may be a caption's
        "The mayor at the opening, March 3, 2026",  # a caption
        # a dateline's place or a wire's outlet after the signing dash or "By", title
        # case as a name is
        "— New York, March 3, 2026",
        "– San Francisco, March 3, 2026",
        "— Kansas City | March 3, 2026",
        "— Associated Press, March 3, 2026",
        "— Thomson Reuters | March 3, 2026",
        "— Los Angeles Times, March 3, 2026",
        "— Agence France-Presse, March 3, 2026",
    ],
)
def test_a_place_or_a_phrase_dating_the_closing_line_is_no_latin_signature(line: str) -> None:
    article = extract(_english_page(f"<p>{line}</p>"))
    assert article.text == f"{ENGLISH}\n{line}"
    assert article.author is None


@pytest.mark.parametrize(
    ("printed", "written"),
    [
        ("ЕКИП НА ОУ „ВАСИЛ ЛЕВСКИ“", "Екип на ОУ „Васил Левски“"),
        ("СУ „ХРИСТО БОТЕВ“ – РУСЕ", "СУ „Христо Ботев“ – Русе"),
        ("ДГ „СЛЪНЧИЦЕ“", "ДГ „Слънчице“"),
        ("ЦДГ „ЗДРАВЕЦ“ – БЯЛА", "ЦДГ „Здравец“ – Бяла"),
        ("ПРЕСЦЕНТЪР НА ОДМВР – РУСЕ", "Пресцентър на ОДМВР – Русе"),
        ("РУ – БЯЛА", "РУ – Бяла"),
        ("ПГ ПО ТРАНСПОРТ", "ПГ по транспорт"),
        ("ДКС – РУСЕ", "ДКС – Русе"),
        ("ПРЕСЦЕНТЪР НА ОБА РУСЕ", "Пресцентър на ОбА Русе"),
        ("МБАЛ „Д-Р ТОТА ВЕНКОВА“", "МБАЛ „Д-р Тота Венкова“"),
        ("ЯНА ИЛИЕВА И ИВО ПЕНЕВ", "Яна Илиева и Иво Пенев"),  # short names, no abbreviation
        ("ОДБХ – РУСЕ", "ОДБХ – Русе"),  # ending in three consonants
        # three consonants inside a word or at its start, "й", two letters: words
        ("ИСКРА ПЕТРОВА", "Искра Петрова"),
        ("ЯН ПЕТРОВ", "Ян Петров"),
        ("МАЙКЛ ДЖОНСЪН", "Майкл Джонсън"),
        ("ЧИТАЛИЩЕ „ИСКРА“", "Читалище „Искра“"),
        ("СТРОЙ ИНЖЕНЕРИНГ", "Строй Инженеринг"),
        ("ИЗ ПРЕСЦЕНТЪРА НА ОБЩИНА РУСЕ", "Из пресцентъра на Община Русе"),
        ("ДИРЕКЦИЯ „КУЛТУРА И ТУРИЗЪМ“", "Дирекция „Култура и туризъм“"),
    ],
)
def test_a_schools_or_a_bodys_abbreviation_keeps_its_capitals(printed: str, written: str) -> None:
    """A short word no Bulgarian word is shaped like (no vowel: "ПГ", "ЦДГ"; ending in
    three consonants: "ОДМВР"; two letters that are no word: "ОУ", "РУ") is an
    abbreviation, as the listed ones ("БТА", "ОбА") are; a quoted name whose last word is
    a surname is a person's, each word capitalised (a school named after a poet)."""
    assert bylines.as_written(printed) == written


def test_a_schools_team_signing_in_capitals_is_archived_as_written() -> None:
    page = _page("").replace(
        "<h1>", '<div class="author">Автор: ЕКИП НА ОУ „ВАСИЛ ЛЕВСКИ“</div><h1>'
    )
    assert extract(page).author == "Екип на ОУ „Васил Левски“"


HONG_KONG = (
    "The Hong Kong office of the trade council opened applications for its summer jobs"
    " scheme.\nForms can be handed in at the registry office on any working day until the"
    " end of the month."
)


def _hong_kong_page(closing: str, title: str = "Summer jobs for young people") -> str:
    body = "".join(f"<p>{line}</p>" for line in HONG_KONG.split("\n"))
    return (
        f"<html lang='en'><head><title>{title} | Trade Council</title></head><body><main>"
        f"<article><h1>{title}</h1><div class='entry-content'>{body}{closing}</div>"
        "</article></main></body></html>"
    )


@pytest.mark.parametrize("line", ["— Hong Kong, March 3, 2026", "– Hong Kong | March 3, 2026"])
def test_a_place_the_text_names_is_no_signature_after_the_dash(line: str) -> None:
    """Title-case words after the signing dash that the text itself names (its place:
    "The Hong Kong office…") are what it is about, where a writer's name is not: a
    place no word list holds, told by the page."""
    article = extract(_hong_kong_page(f"<p>{line}</p>"))
    assert article.author is None
    assert article.text == f"{HONG_KONG}\n{line}"


def test_a_place_the_headline_names_is_no_signature_after_the_dash() -> None:
    line = "— Buenos Aires, March 3, 2026"
    article = extract(
        _english_page(f"<p>{line}</p>").replace(
            "Summer jobs for young people", "Summer jobs for young people in Buenos Aires"
        )
    )
    assert article.author is None


def test_a_writer_the_text_does_not_name_still_signs_after_the_dash() -> None:
    article = extract(_hong_kong_page("<p>— John Smith, 3 March 2026</p>"))
    assert article.author == "John Smith"
    assert article.text == HONG_KONG


class _Copies(list[str]):
    """Lines that count how many of them slicing copies (a slice counting on)."""

    copied = 0

    def __getitem__(self, key):  # type: ignore[no-untyped-def,override]
        if isinstance(key, slice):
            _Copies.copied += len(range(*key.indices(len(self))))
            return _Copies(super().__getitem__(key))
        return super().__getitem__(key)


def test_the_trim_reads_the_lines_in_place_however_many_it_drops() -> None:
    """A text closing on a thousand dated lines (an archive's list of days, all of them
    dropped) is trimmed by reading its lines where they are: copied once, not once a
    line dropped, which cost a thousand times the page."""
    from newsarchive.extraction.pipeline import _trim_tail

    lines = [*TEXT.split("\n"), *(f"{day % 28 + 1}.03.2026 г." for day in range(1000))]
    _Copies.copied = 0
    kept, *_ = _trim_tail(_Copies(lines), "", "Лятна заетост за младежи")
    assert kept == TEXT.split("\n")
    assert _Copies.copied <= 2 * len(lines)
