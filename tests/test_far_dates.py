"""The dates read away from the headline (``extraction.far_dates``)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from newsarchive.extraction import far_dates

_TODAY = dt.date(2026, 3, 13)


def test_beside_byline_reads_the_date_in_the_bylines_box() -> None:
    html = (
        "<html><body><div class='hero'><h2>Нова пешеходна зона</h2>"
        "<p><span class='author'>Мария Петрова</span> · 8 март 2026</p></div>"
        "<div><p>Общината откри зоната пред читалището.</p></div></body></html>"
    )
    found = far_dates.beside_byline(LexborHTMLParser(html), _TODAY, False)
    assert found == dt.date(2026, 3, 8)


def test_beside_byline_reads_a_shared_box_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Twenty author links in one long container: its text is read once, not per link
    (a whole page's text per link made an undated author list seven times slower)."""
    links = "".join(f'<a href="/author/a{i}">Автор Номер{i}</a> ' for i in range(20))
    filler = "<p>" + "Текст без никаква дата в него. " * 20 + "</p>"
    html = f"<html><body><div><div>{links}{filler * 5}</div></div></body></html>"
    reads: list[int] = []
    real = far_dates._box_text

    def counting(box: LexborNode) -> str:
        reads.append(box.mem_id)
        return real(box)

    monkeypatch.setattr(far_dates, "_box_text", counting)
    assert far_dates.beside_byline(LexborHTMLParser(html), _TODAY, False) is None
    assert len(reads) == len(set(reads)) == 1


_ASIDE_DATED = (
    "<html><body><header><a href='/'>Бележник</a></header><main><a href='/'>Към всички</a>"
    "<article><aside><time datetime='2025-10-02'>2 октомври 2025</time></aside>"
    "<h2>Как подреждам градинските инструменти</h2>"
    "<p>Всяка есен събирам мотиките и лопатите в навеса и ги почиствам.</p></article>"
    "</main><footer>© 2026</footer></body></html>"
)


def test_time_in_article_reads_the_date_set_apart_in_an_aside_of_the_one_article() -> None:
    assert far_dates.time_in_article(LexborHTMLParser(_ASIDE_DATED), _TODAY) == dt.date(2025, 10, 2)


def test_time_in_article_says_nothing_on_a_page_of_several_articles() -> None:
    teaser = "<article><time datetime='2025-09-01'>1 септември</time><h3>Друго</h3></article>"
    page = _ASIDE_DATED.replace("</main>", teaser + "</main>")
    assert far_dates.time_in_article(LexborHTMLParser(page), _TODAY) is None


def test_time_in_article_dates_the_page_when_nothing_nearer_does() -> None:
    from newsarchive.extraction import extract

    article = extract(_ASIDE_DATED, "https://belezhnik.example/instrumenti", today=_TODAY)
    assert article.published == dt.date(2025, 10, 2)
    assert article.rules["published"] == "generic:time-in-article"
    assert article.date_source == "time"


def test_first_published_reads_the_day_right_after_the_words() -> None:
    text = "Notes. First posted March 3, 2021; revised since. Then 4 May 2022."
    assert far_dates.first_published(text, _TODAY, False) == dt.date(2021, 3, 3)


def test_first_published_dates_nothing_without_a_day_right_after_the_words() -> None:
    text = "The first published reference to paper cranes is a book of 1797 (12 May 1797)."
    assert far_dates.first_published(text, _TODAY, False) is None


@pytest.mark.parametrize(
    "text",
    [
        "ORIGINALLY PUBLISHED ON 26 SEP 2019. Updated often since.",
        "Статията е Публикувана първоначално на 26.09.2019 г. в седмичника.",
        "СТАТИЯТА Е ПУБЛИКУВАНА ЗА ПЪРВИ ПЪТ НА 26.09.2019 г.",
    ],
)
def test_first_published_reads_the_words_in_any_of_a_readers_cases(text: str) -> None:
    """The stems looked for before the pattern (``_FIRST_STEMS``) let every case a reader
    writes through: a title-cased or a capitalised line as well as a lower-case one."""
    assert far_dates.first_published(text, _TODAY, False) == dt.date(2019, 9, 26)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        # the word before the stem's, across a run of spaces and line breaks
        ("Notes.  Originally \n\n      published on 26 Sep 2019.", dt.date(2019, 9, 26)),
        ("Статията е първоначално\n   публикувана на 26.09.2019 г.", dt.date(2019, 9, 26)),
        # a stem inside another word, and a phrase whose first word is part of another
        ("Reposted 4 June 2020 by the desk.", None),
        ("The xfirst posted 4 June 2020.", None),
        ("The unfirst published 4 June 2020.", None),
        # a no-break space between the words, a bracket before the first
        ("Originally\u00a0published 3 May 2020", dt.date(2020, 5, 3)),
        ("(Originally published 3 May 2020)", dt.date(2020, 5, 3)),
        # the second of two phrases, where only it has its day right after it
        ("First posted, as said. Originally published 3 May 2020.", dt.date(2020, 5, 3)),
    ],
)
def test_first_published_is_looked_for_where_its_stems_stand(
    text: str, first: dt.date | None
) -> None:
    """Phrases across runs of spaces and line breaks, inside other words, and the second
    of two: what a scan of the whole text finds."""
    assert far_dates.first_published(text, _TODAY, False) == first


# The words as the pattern read them before it opened with a class of their first letters
# (``far_dates._FIRST_PUBLISHED``): any case, after no word character.
_FIRST_PUBLISHED_PLAIN = re.compile(
    r"(?<!\w)(?:(?:originally|first)\s+(?:published|posted)(?:\s+on)?"
    r"|(?:първоначално\s+публикуван[аои]?|публикуван[аои]?\s+(?:първоначално|за\s+първи\s+път))"
    r"(?:\s+на)?)\s+",
    re.IGNORECASE,
)


@pytest.mark.parametrize(
    "text",
    [
        "Originally published on 26 Sep 2019",
        "FIRST POSTED 26 Sep 2019, first\tposted\non 27 Sep",
        "unoriginally published 26 Sep; firstly posted 26 Sep; _first posted 1 May",
        "friginally published 26 Sep; oirst posted 26 Sep",  # one word's letter, another's rest
        "публикувана първоначално на 26.09.2019 и Първоначално публикувано 27.09.2019",
        "ПУБЛИКУВАНИ ЗА ПЪРВИ ПЪТ НА 26.09.2019; ппубликувана първоначално 1.1.2020",
        "first published",  # no space after: no match
    ],
)
def test_the_first_published_words_match_where_the_plain_pattern_does(text: str) -> None:
    def spans(pattern: re.Pattern[str]) -> list[tuple[int, int]]:
        return [match.span() for match in pattern.finditer(text)]

    assert spans(far_dates._FIRST_PUBLISHED) == spans(_FIRST_PUBLISHED_PLAIN)
