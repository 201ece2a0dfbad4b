"""What old templates print under an article's text: the date in words and who posted it
("Публикувано на 3 март 2026 г. от Мария Кирова"), then Joomla's "Последно обновяване
( … )". Neither line is the article's text; the first names its writer (slaveyno)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.extraction import extract

BODY = (
    "<p>Общинската служба по земеделие организира консултации за кандидатстване по новите"
    " мерки за млади фермери в региона.</p><p>Срещите ще се провеждат всяка сряда от 10 часа"
    " в заседателната зала на общината.</p>"
)
TEXT = (
    "Общинската служба по земеделие организира консултации за кандидатстване по новите"
    " мерки за млади фермери в региона.\nСрещите ще се провеждат всяка сряда от 10 часа"
    " в заседателната зала на общината."
)


def _page(after: str) -> str:
    return (
        "<html><head><title>Консултации за земеделци</title></head><body>"
        '<table class="contentpaneopen"><tr><td class="contentheading">Консултации за'
        f' земеделци</td></tr></table><table class="contentpaneopen"><tr><td>{BODY}{after}'
        "</td></tr></table></body></html>"
    )


def test_a_closing_dated_and_signed_line_names_the_writer_and_leaves_the_text() -> None:
    article = extract(
        _page(
            '<p class="small">Публикувано на 10 ноември 2026 г. от Мария Кирова</p>'
            '</td></tr><tr><td class="modifydate">Последно обновяване ( Петък, 20 Ноември'
            " 2026 09:05 )"
        )
    )
    assert article.text == TEXT
    assert article.author == "Мария Кирова"
    assert article.published == dt.date(2026, 11, 10)
    assert article.rules["author"] == "generic:closing-line"


def test_posted_on_a_date_by_a_name_in_english_too() -> None:
    article = extract(_page("<p>Posted on March 3, 2026 by Jane Doe</p>"))
    assert (article.text, article.author) == (TEXT, "Jane Doe")


def test_a_closing_line_that_names_no_one_stays_text() -> None:
    """ "от общинската администрация": no name, so the line may be the text's own."""
    line = "Публикувано на 10 ноември 2026 г. от общинската администрация"
    article = extract(_page(f"<p>{line}</p>"))
    assert article.text == f"{TEXT}\n{line}"
    assert article.author is None


def test_a_closing_line_naming_who_posted_it_before_the_date_reads_as_the_other_order() -> None:
    """ "Публикувано от Мария Кирова на 10 ноември 2026 г." is the same line with the name
    first (``bylines.posted_by`` reads both orders): it leaves the text and names the
    writer, as "Публикувано на 10 ноември 2026 г. от Мария Кирова" does."""
    for line in (
        "Публикувано от Мария Кирова на 10 ноември 2026 г.",
        "Написана от Мария Кирова на 10.11.2026",
    ):
        article = extract(_page(f'<p class="small">{line}</p>'))
        assert (article.text, article.author) == (TEXT, "Мария Кирова"), line
    article = extract(_page("<p>Written by Jane Doe on March 3, 2026</p>"))
    assert (article.text, article.author) == (TEXT, "Jane Doe")


def test_a_line_naming_who_posted_it_and_more_than_the_date_stays_text() -> None:
    line = "Публикувано от Мария Кирова на 10 ноември 2026 г. в раздел Земеделие"
    article = extract(_page(f"<p>{line}</p>"))
    assert article.text == f"{TEXT}\n{line}"


def test_a_closing_labelled_byline_names_the_writer_and_leaves_the_text() -> None:
    """A template printing "Автор: <name>" as the text's last paragraph (kozarevo): who
    wrote it, not what they wrote; a label followed by more than a name stays text."""
    for line, name in (
        ("Автор: Милена Стоянова", "Милена Стоянова"),
        ("Текст и снимки: Иван Колев.", "Иван Колев"),
        ("Автори: Мария Петрова и Иван Колев", "Мария Петрова и Иван Колев"),
    ):
        article = extract(_page(f"<p>{line}</p>"))
        assert (article.text, article.author) == (TEXT, name), line
    for line in ("Автор: Иван Петров, кмет на общината", "Текст: виж приложения документ"):
        assert extract(_page(f"<p>{line}</p>")).text == f"{TEXT}\n{line}"


@pytest.mark.parametrize(
    ("opens", "between", "closes"), [("<p>", "</p><p>", "</p>"), ("<p>", "<br>", "</p>")]
)
def test_a_poems_attribution_closing_an_article_stays_its_text(
    opens: str, between: str, closes: str
) -> None:
    """An article about a school reading that ends with the verse the pupils read, then
    the poet: "Автор: Христо Ботев" closes the quoted poem, not the article's byline. The
    lines before it are verse (short, unpunctuated at their ends, several in a row), so
    the line stays the text's and the poet is not the article's writer."""
    verse = [
        "Тих бял Дунав се вълнува,",
        "весело шуми",
        "и Радецки гордо плува",
        "над златни вълни.",
    ]
    intro = (
        "<p>Учениците от читалищната група прочетоха пред гостите на празника любимите"
        " си стихове, а най-малките изпяха песен.</p><p>Вечерта завърши с откъс, който"
        " всички знаят наизуст:</p>"
    )
    lines = opens + between.join(verse) + closes  # a paragraph a line, or lines in one
    article = extract(_page(f"{intro}{lines}<p>Автор: Христо Ботев</p>"))
    assert article.text.endswith("над златни вълни.\nАвтор: Христо Ботев"), article.text
    assert article.author != "Христо Ботев"


def test_a_byline_after_an_image_and_a_rule_is_still_the_writers() -> None:
    """Elements with no text between the prose and "Автор:" (a picture, a rule, a break)
    are no lines of verse."""
    page = _page('<p><img src="/a.jpg"></p><hr><p><br></p><p>Автор: Милена Стоянова</p>')
    article = extract(page)
    assert (article.text, article.author) == (TEXT, "Милена Стоянова")
    assert article.rules["author"] == "generic:labelled-field"  # the field, as without them
    # nor are a paragraph's bold word and link: only a <br> breaks a line
    linked = '<p>Прочетете <b>повече</b> в <a href="/d.pdf">документа</a>.</p>'
    article = extract(_page(f"{linked}<p>Автор: Милена Стоянова</p>"))
    assert article.rules["author"] == "generic:labelled-field"


@pytest.mark.parametrize(
    "details",
    [
        ["Място: читалище „Заря“", "Начало: 18 ч.", "Вход: свободен"],  # label lines
        ["Заповядайте.", "Вход свободен.", "Очакваме ви."],  # short sentences
    ],
)
def test_a_template_byline_under_short_closing_lines_is_still_the_writers(
    details: list[str],
) -> None:
    """An announcement ends in short lines (where, when, an invitation), then the
    template's "Автор:": short lines alone are no verse, and its writer is the article's.
    Verse runs on from line to line: a label on each line, or a full stop ending each,
    is a list or prose."""
    lines = "".join(f"<p>{line}</p>" for line in details)
    article = extract(_page(f"{lines}<p>Автор: Мария Петрова</p>"))
    assert article.author == "Мария Петрова"
    assert not article.text.endswith("Мария Петрова"), article.text


@pytest.mark.parametrize(
    "line",
    [
        "Последна актуализация: 20.11.2026",
        "Актуализирано: 20.11.2026 г. в 09:05 ч.",
        "Редактирано: 20.11.2026",
        "Дата на публикуване: 10.11.2026",
        "Етикети: земеделие, млади фермери",
        "Категория: Новини",
        "Публикувано в: Новини | Етикети: земеделие",
    ],
)
def test_a_closing_date_or_filing_line_under_another_label_leaves_the_text(line: str) -> None:
    """The labels templates print before the date under the text (an update's, an edit's,
    the publication's) and the lines saying what the post is filed under."""
    assert extract(_page(f"<p>{line}</p>")).text == TEXT


@pytest.mark.parametrize(
    ("after", "who"),
    [
        ("<p>ИВАН ПЕТРОВ И МАРИЯ ИЛИЕВА</p>", "Иван Петров и Мария Илиева"),
        ("<p>ИВАН ПЕТРОВ, МАРИЯ ИЛИЕВА</p>", "Иван Петров, Мария Илиева"),
        ("<p>МАРИЯ ИЛИЕВА</p>", "Мария Илиева"),  # one, as before
    ],
)
def test_two_names_in_capitals_closing_the_text_sign_it(after: str, who: str) -> None:
    """A name in capitals alone under the text signed it (``capitals_signature``), two
    joined by "И" or a comma stayed its last line with no author: now the one rule for a
    pair (``bylines._paired``) reads both, in capitals as in sentence case set apart."""
    got = extract(_page(after))
    assert got.author == who
    assert got.text == TEXT


@pytest.mark.parametrize(
    "after",
    [
        "<p>РУСЕ И ГОРНА ОРЯХОВИЦА</p>",  # places
        "<p>ИВАН ПЕТРОВ, МАРИЯ ИЛИЕВА И ПЕТЯ КОЛЕВА</p>",  # three: a list
        "<p>ОЧАКВАМЕ ВИ И БЛАГОДАРИМ</p>",  # a shout
    ],
)
def test_capitals_joined_that_are_not_two_persons_stay_text(after: str) -> None:
    got = extract(_page(after))
    assert got.author is None
    assert got.text.splitlines()[-1] == after[3:-4]


@pytest.mark.parametrize(
    ("closing", "author", "text"),
    [
        ("<p><strong>Мирела Христова</strong></p><p><em>Източник: Община Горно Поле</em></p>",
         "Мирела Христова", TEXT),
        # not set apart: a name in running type over the credit is no signature
        ("<p>Мирела Христова</p><p><em>Източник: Община Горно Поле</em></p>",
         "Община Горно Поле", TEXT + "\nМирела Христова"),
    ],
)  # fmt: skip
def test_a_name_set_apart_over_the_offices_credit_signs_the_text(
    closing: str, author: str, text: str
) -> None:
    """The writer's name in bold, then "Източник: Община Горно Поле" closing the text: the
    page was asked whether the name is set apart only of the text's last line, so the
    office's credit under it named the writer."""
    article = extract(_page(closing))
    assert (article.author, article.text) == (author, text)
