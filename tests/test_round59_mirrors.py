"""A fifty-ninth round of site shapes, four small sites whose ARTICLE PAGES print the
headline, the date, the byline and the text in shapes no round had, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round57_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round59.py``): a regional news site dated only
"преди 3 часа" on the page, the moment in the span's ``title="27.11.2026 08:17"``, ad
slots ("Реклама", ``<ins class="adsbygoogle">``) and "Последвайте ни в Google News и
Telegram" between the paragraphs, "Автори: Мария Петрова, Иван Колев" (rosopad); Drupal 7
in Bulgarian, the body a ``field-name-body`` ``field-item`` with a share bar and a
newsletter box between its paragraphs, the minute only in "Изпратено от <user> на Пет,
27.11.2026 - 08:17" (dabnik); press releases dated "27-11-2026", "Текст: … / Снимки: …"
on one line, "За контакти: Пресцентър …" closing each, no text (ostritsa); an ``<h1>`` of
a kicker ``<span>`` run on into the headline, "Прочетете още:" lines in the text
(koprivets). Each must archive exactly its articles with the true title, date, author
and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND59_SITES = {
    # "преди 3 часа", the moment in title="…"; ad slots and "Последвайте ни" in the text
    "rosopad": ("Росопад Днес", "https://rosopad-dnes.bg"),
    # Drupal 7 in Bulgarian: field-name-body, "Изпратено от … на Пет, 27.11.2026 - 08:17"
    "dabnik": ("Община Дъбник", "https://www.dabnik.bg"),
    # "27-11-2026", "Текст: A / Снимки: B", "За контакти: Пресцентър …"
    "ostritsa": ("Община Острица", "https://ostritsa.bg"),
    # <h1><span class="kicker">ВИДЕО</span>Headline</h1>, "Прочетете още:" lines
    "koprivets": ("Копривец Инфо", "https://koprivets.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND59_SITES))
def test_a_round59_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND59_SITES[site])


# Fetched a week after the pages were rendered: every relative date on them is stale.
FETCHED = dt.datetime(2026, 12, 4, 13, 0, tzinfo=dt.UTC)
STORY = (
    "<p>Общината ремонтира покрива на читалището в село Росопад с пари от бюджета си.</p>"
    "<p>Ремонтът ще завърши преди зимата, казаха от общинската администрация днес.</p>"
)


def _page(title: str, head: str, article: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><nav><a href='/'>Начало</a></nav><main><article>{head}"
        f"<div class='text'>{article}</div></article></main></body></html>"
    )


@pytest.mark.parametrize("shown", ["преди 3 часа", "вчера", "преди 5 дни", "преди месец"])
def test_a_relative_date_yields_to_the_moment_its_tooltip_states(shown: str) -> None:
    """rosopad: "преди 3 часа" was counted when the page was rendered; read a week later
    it named the fetch's day (or a coarse guess a month back), while the span's
    ``title="27.11.2026 08:17"`` is the CMS's own moment."""
    head = (
        "<h1>Ремонт на читалището</h1>"
        f'<div class="meta"><span class="date" title="27.11.2026 08:17">{shown}</span></div>'
    )
    article = extract(_page("Ремонт на читалището", head, STORY), "https://r.bg/a", today=FETCHED)
    assert article.published == dt.datetime(2026, 11, 27, 8, 17)


def test_a_kicker_run_on_into_the_headline_is_no_part_of_it() -> None:
    """koprivets: ``<span class="kicker">ВИДЕО</span>Headline``, read "ВИДЕОHeadline";
    the ``<title>`` confirms the rest as the headline. A first word set apart that the
    title keeps ("<em>Нов</em> мост …") stays the headline's."""
    head = '<h1><span class="kicker">ВИДЕО</span>Ремонт на читалището</h1><p>27.11.2026 | 08:17</p>'
    article = extract(_page("Ремонт на читалището | Копривец", head, STORY), "https://k.bg/a")
    assert article.title == "Ремонт на читалището"
    head = "<h1><em>Нов</em> мост над реката</h1><p>27.11.2026 | 08:17</p>"
    article = extract(_page("Нов мост над реката | Копривец", head, STORY), "https://k.bg/b")
    assert article.title == "Нов мост над реката"


def test_drupals_submitted_line_in_bulgarian_names_the_writer_and_the_minute() -> None:
    """dabnik: "Изпратено от Мария Петрова на Пет, 27.11.2026 - 08:17" with no line
    break before the text: its "на" read as a sentence's, the minute was lost to the
    day-only date field under it, and the name was not read."""
    head = (
        "<h1>Ремонт на читалището</h1>"
        '<div class="submitted">Изпратено от <span class="username">Мария Петрова</span>'
        " на Пет, 27.11.2026 - 08:17</div>"
        '<div class="field field-name-field-post-date"><div class="field-item">Дата на'
        " публикуване: 27.11.2026</div></div>"
    )
    article = extract(_page("Ремонт на читалището", head, STORY), "https://d.bg/node/1")
    assert article.published == dt.datetime(2026, 11, 27, 8, 17)
    assert article.author == "Мария Петрова"


def test_follow_us_and_a_press_offices_contacts_are_no_text() -> None:
    """rosopad's "Последвайте ни в Google News и Telegram" between the paragraphs and
    ostritsa's closing "За контакти: Пресцентър на Община …, тел. …" go; a contact the
    story gives itself (no press office) stays."""
    text = (
        "<p>Общината ремонтира покрива на читалището в село Росопад с пари от бюджета си.</p>"
        "<p><strong>Последвайте ни в Google News и Telegram</strong></p>"
        "<p>Ремонтът ще завърши преди зимата, казаха от общинската администрация днес.</p>"
        "<p>За контакти: Иван Петров, тел. 0888 123 456</p>"
        "<p><strong>За контакти:</strong> Пресцентър на Община Острица, тел. 0936 2 11 22</p>"
    )
    head = "<h1>Ремонт на читалището</h1><p>27.11.2026</p>"
    article = extract(_page("Ремонт на читалището", head, text), "https://o.bg/a")
    assert article.text.splitlines() == [
        "Общината ремонтира покрива на читалището в село Росопад с пари от бюджета си.",
        "Ремонтът ще завърши преди зимата, казаха от общинската администрация днес.",
        "За контакти: Иван Петров, тел. 0888 123 456",
    ]


@pytest.mark.parametrize(
    "contact",
    [
        # the label alone over the office, its telephone and e-mail, each a line
        "<p><strong>За контакти:</strong><br>Пресцентър на Община Острица<br>"
        "тел.: 0936 2 11 22<br>e-mail: press@ostritsa.bg</p>",
        # the label and the office on one line, the telephone and e-mail under it
        "<p>За контакти: Пресцентър на Община Острица<br>тел.: 0936 2 11 22<br>"
        "e-mail: press@ostritsa.bg</p>",
        # a press officer under "За повече информация:", in paragraphs
        "<p>За повече информация:</p><p>Мария Иванова, старши експерт „Връзки с "
        "обществеността“</p><p>тел.: 0936 2 11 22, e-mail: press@ostritsa.bg</p>",
    ],
)
def test_a_press_offices_contact_set_out_over_lines_is_no_text(contact: str) -> None:
    """The press office's contact closing a release over several lines: the one-line
    rule took the label's line and left the office's name, telephone and e-mail closing
    the story."""
    text = (
        "<p>Общината ремонтира покрива на читалището в село Росопад с пари от бюджета си.</p>"
        "<p>Ремонтът ще завърши преди зимата, казаха от общинската администрация днес.</p>"
        f"{contact}"
    )
    head = "<h1>Ремонт на читалището</h1><p>27.11.2026</p>"
    article = extract(_page("Ремонт на читалището", head, text), "https://o.bg/a")
    assert article.text.splitlines() == [
        "Общината ремонтира покрива на читалището в село Росопад с пари от бюджета си.",
        "Ремонтът ще завърши преди зимата, казаха от общинската администрация днес.",
    ]


def test_a_contact_a_notice_gives_over_lines_stays() -> None:
    """No press office: the person a notice names to call is the notice's."""
    text = (
        "<p>Общината приема заявления за социални обеди до края на месеца в деловодството.</p>"
        "<p>За контакти:<br>Иван Петров, социален работник<br>тел.: 0888 123 456</p>"
    )
    head = "<h1>Социални обеди</h1><p>27.11.2026</p>"
    article = extract(_page("Социални обеди", head, text), "https://o.bg/b")
    assert "Иван Петров, социален работник" in article.text
    assert "тел.: 0888 123 456" in article.text
