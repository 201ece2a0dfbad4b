"""A writer's label alone on its line and the name on the next ("Автор:" over "Мария
Колева", "By" over "Jane Doe"): themes print the two in elements of their own. The pair is
one byline, over the text or closing it: it names the author and is none of the text."""

from __future__ import annotations

import pytest

from newsarchive.extraction import bylines, extract

BG = (
    "Читалището в село Николово кани жителите на пролетен базар в събота от десет часа.",
    "Приходите ще бъдат дарени за ремонта на покрива на сградата, съобщиха от настоятелството.",
)
EN = (
    "The village library invites residents to a spring fair on Saturday from ten o'clock.",
    "All takings will go towards repairing the roof of the building, the trustees said.",
)


def _page(head: str, lines: tuple[str, ...], tail: str, h1: str) -> str:
    body = "".join(f"<p>{line}</p>" for line in lines)
    return (
        f"<html><head><title>{h1} | Николово</title></head><body>"
        '<nav><a href="/">Начало</a> <a href="/news">Новини</a></nav>'
        f"<main><article><h1>{h1}</h1><div class='post-body'>{head}{body}{tail}</div>"
        "</article></main><footer><p>© Кметство Николово</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ("<p>Автор:</p><p>Мария Колева</p>", ""),
        ("<p>Автор:<br>Мария Колева</p>", ""),  # one paragraph, its lines broken
        ("", "<p>Автор:</p><p>Мария Колева</p>"),
        ("", "<p>Автор:<br>Мария Колева</p>"),
        ("", "<p><strong>Текст:</strong></p><p>МАРИЯ КОЛЕВА</p>"),
    ],
)
def test_a_bulgarian_label_over_the_name_names_the_author_and_leaves_the_text(
    head: str, tail: str
) -> None:
    article = extract(_page(head, BG, tail, "Пролетен базар в читалището"))
    assert article.text == "\n".join(BG)
    assert article.author == "Мария Колева"


@pytest.mark.parametrize(
    ("head", "tail"),
    [
        ("<p>By</p><p>Jane Doe</p>", ""),
        ("<p>Author:</p><p>Jane Doe</p>", ""),
        ("", "<p>Written by</p><p>Jane Doe</p>"),
        ("", "<p>By</p><p>Jane Doe</p>"),
    ],
)
def test_an_english_label_over_the_name_names_the_author_and_leaves_the_text(
    head: str, tail: str
) -> None:
    article = extract(_page(head, EN, tail, "Spring fair at the library"))
    assert article.text == "\n".join(EN)
    assert article.author == "Jane Doe"


@pytest.mark.parametrize(
    ("lines", "tail", "author"),
    [
        (BG, "<p>Автор:</p><p>Мария Колева</p><p>12.03.2026</p>", "Мария Колева"),
        (BG, "<p>Автор:</p><p>Мария Колева, 12.03.2026</p>", "Мария Колева"),
        (BG, "<p>Източник:</p><p>Община Русе</p>", "Община Русе"),
        (EN, "<p>Author:</p><p>Jane Doe | March 3, 2026</p>", "Jane Doe"),
        (EN, "<p>By</p><p>Jane Doe</p><p>March 3, 2026</p>", "Jane Doe"),
    ],
)
def test_a_label_alone_over_a_closing_signature_leaves_the_text_with_it(
    lines: tuple[str, ...], tail: str, author: str
) -> None:
    """The signature and its day are dropped as who and when; the label over them is
    part of the same byline, not a line of the text."""
    article = extract(_page("", lines, tail, "Пролетен базар в читалището"))
    assert article.text == "\n".join(lines)
    assert article.author == author


def test_a_poets_name_under_a_label_after_verse_stays_text() -> None:
    """A poem the text quotes, then "Автор:" over the poet's name: the two lines are the
    text's, as a labelled line under verse is (``bylines.after_verse``)."""
    verse = ("Тих бял Дунав се вълнува,", "весело шуми,", "и Радецки гордо плува")
    article = extract(
        _page("", BG + verse, "<p>Автор:</p><p>Христо Ботев</p>", "Пролетен базар в читалището")
    )
    assert article.text.endswith("Автор:\nХристо Ботев")


@pytest.mark.parametrize(
    ("label", "line", "name"),
    [
        ("Автор:", "Мария Колева", "Мария Колева"),
        ("Автори:", "Мария Колева и Иван Петров", "Мария Колева и Иван Петров"),
        ("Posted by", "Jane Doe.", "Jane Doe"),
        ("Автор:", "Мария Колева разказва за базара", ""),  # more than a name
        ("Организатори:", "Мария Колева", ""),  # no writer's label
        ("By the river", "Jane Doe", ""),
    ],
)
def test_two_line_byline(label: str, line: str, name: str) -> None:
    assert bylines.two_line_byline(label, line) == name
