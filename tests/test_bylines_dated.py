"""A byline that prints its date with the name: the date before the name in one byline
element, and a one-word name after a posting label followed by the date's word and the
date. Pages written for these tests, in Bulgarian and English."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import byline_in_text, clean_byline, signed_line

TEXT = "<p>" + "Кметът откри обновения парк в центъра на града пред много жители. " * 5 + "</p>"


def _page(byline: str) -> str:
    return (
        "<html><body><article><h1>Паркът в центъра е обновен</h1>"
        f'{byline}<div class="entry">{TEXT}</div></article></body></html>'
    )


@pytest.mark.parametrize(
    "byline",
    [
        '<p class="by">27.11.2026<br>Мария Илиева</p>',
        '<p class="byline">27.11.2026 г.<br>Мария Илиева</p>',
        '<div class="author">27 ноември 2026, 08:17 ч.<br>Мария Илиева</div>',
        '<div class="byline">27.11.2026 08:17 | Мария Илиева</div>',
    ],
)
def test_a_date_before_the_name_in_one_byline_element_leaves_the_name(byline: str) -> None:
    """The date rules read the date; the name after it is the author all the same."""
    article = extract(_page(byline))
    assert article.author == "Мария Илиева"
    assert article.published is not None
    assert article.published.year == 2026


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("03.12.2026\nГеорги Стаматов", "Георги Стаматов"),
        ("3 декември 2026 г. • Георги Стаматов", "Георги Стаматов"),
        ("03.12.2026", ""),  # a date alone still names nobody
        ("03.12.2026 | 4 мин. четене", ""),  # nor does a reading time after it
        ("Георги Стаматов\n03.12.2026", "Георги Стаматов"),
    ],
)
def test_a_byline_elements_text_without_its_date(text: str, expected: str) -> None:
    assert clean_byline(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Публикувано от Иван в 10:15", "Иван"),
        ("Posted by David at 11:15 AM", "David"),
        ("Posted by David on March 3, 2026", "David"),
        ("От Иван на 27.11.2026", "Иван"),
        ("By David on March 3, 2026", "David"),
        # sentences: the word after "От"/"By" is a place or a day, the line goes on
        ("От Русе в 10:00 ч. тръгва първият автобус към морето", ""),
        ("От Иван на 27.11.2026 научихме за ремонта", ""),
        ("By Friday the council must vote", ""),
        ("By Friday at 10:00 the council must vote", ""),
    ],
)
def test_a_one_word_name_before_the_posting_date(text: str, expected: str) -> None:
    assert byline_in_text(text) == expected


def test_a_posting_line_under_the_text_names_the_one_word_poster() -> None:
    """A hand-made blog theme prints "Публикувано от <first name> в <time>" under the
    post, in an element no class names a byline."""
    html = (
        '<html><body><div class="post"><h2>Пролетен базар в читалището</h2>'
        f'<div class="post-body">{TEXT}</div>'
        '<div class="post-footer">Публикувано от Петя в 10:15 ч.</div></div></body></html>'
    )
    assert extract(html).author == "Петя"


_FETCHED = dt.datetime(2026, 11, 27, 15, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))


@pytest.mark.parametrize(
    ("byline", "name", "published"),
    [
        (
            "Публикувано преди 5 часа от Мария Илиева",
            "Мария Илиева",
            dt.datetime(2026, 11, 27, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))),
        ),
        (
            "Публикувано вчера, 18:40 от Мария Илиева",
            "Мария Илиева",
            dt.datetime(2026, 11, 26, 18, 40),
        ),
        ("Posted 2 days ago by Jane Roe", "Jane Roe", dt.date(2026, 11, 25)),
        ("Posted yesterday by Jane Roe", "Jane Roe", dt.date(2026, 11, 26)),
    ],
)
def test_a_posted_by_line_dated_by_a_relative_date_names_the_writer(
    byline: str, name: str, published: dt.date
) -> None:
    """A theme prints its newest posts' byline counted back from now ("Публикувано преди 5
    часа от …"), as it prints an older one's "Публикувано на 27.11.2026 от …": the name
    after the agent's word is the writer's all the same, and the line no paragraph."""
    article = extract(_page(f'<div class="meta">{byline}</div>'), today=_FETCHED)
    assert article.author == name
    assert article.published == published
    assert byline not in article.text


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Публикувано на 07.12.2026 от Веселина Гочева, директор", "Веселина Гочева"),
        ("Posted on March 3, 2025 by Jane Doe, staff writer", "Jane Doe"),
        ("Публикувано на 07.12.2026 от Веселина Гочева, главен счетоводител", "Веселина Гочева"),
        ("Публикувано на 07.12.2026 от Веселина Гочева, гр. Русе", ""),  # a place, maybe
    ],
)
def test_a_posters_role_after_the_name_is_not_part_of_it(line: str, name: str) -> None:
    """A kindergarten's "Публикувано на 07.12.2026 от Веселина Гочева, директор" under the
    text named nobody: the role in lower case after a comma says what the poster is."""
    assert signed_line(line) == name


@pytest.mark.parametrize(
    "line",
    [
        "Публикувано преди около месец от Мария Илиева",  # no day: no date line
        "Публикувано вчера от кмета на общината",  # no name
    ],
)
def test_a_posted_by_line_with_no_day_or_no_name_names_nobody(line: str) -> None:
    assert signed_line(line) == ""


@pytest.mark.parametrize(
    ("byline", "name", "published"),
    [
        # a portal's "Добавено от" (added by), the poster named before the day
        ("Добавено от Мария Илиева на 27.11.2026", "Мария Илиева", dt.date(2026, 11, 27)),
        ("Добавена от: Мария Илиева | 27.11.2026", "Мария Илиева", dt.date(2026, 11, 27)),
        ("Added by Jane Roe on November 26, 2026", "Jane Roe", dt.date(2026, 11, 26)),
    ],
)
def test_an_added_by_line_names_the_poster(byline: str, name: str, published: dt.date) -> None:
    """ "Добавено от", "Added by": the label a portal or a forum theme prints where
    WordPress prints "Публикувано от", and the name after it the poster's all the same."""
    article = extract(_page(f'<div class="meta">{byline}</div>'), today=_FETCHED)
    assert article.author == name
    assert article.published == published
    assert "Добавен" not in article.text and "Added by" not in article.text
