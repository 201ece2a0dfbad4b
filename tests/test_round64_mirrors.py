"""A sixty-fourth round of site shapes, four small sites whose ARTICLE PAGES print the
headline, the date, the byline and the text in shapes no round had, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round62_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round64.py``): hAtom microformats, the only
machine date an ``<abbr class="published" title="…">`` over "27 ноем.", and a pull quote
repeating a sentence of the text (lozarevo); headlines with "(ВИДЕО)", "(СНИМКИ)" or
"| ВИДЕО" after them and "Коментари (3)" under the text (chervenka); a weekly's print
issue "Брой 47 (1234), 24.11.2026" over the headline and footnotes closing the text
(tarnovlak); the section's ``<h1>Новини</h1>`` over an ``<h2>`` headline (kalchevo).
Each must archive exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.explore import NEWS_HOST_WORDS, NEWS_WORDS
from newsarchive.extraction import extract

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND64_SITES = {
    # hAtom: <abbr class="published" title="…">27 ноем.</abbr>; a pull quote
    "lozarevo": ("Лозарево Прес", "https://lozarevo-press.bg"),
    # "(ВИДЕО)" / "(СНИМКИ)" / "| ВИДЕО" headlines; "Коментари (3)" under the text
    "chervenka": ("Червенка Нюз", "https://chervenka.news"),
    # "Брой 47 (1234), 24.11.2026" over the headline; footnotes and "Бележки:"; "Статии"
    "tarnovlak": ("Вестник Търновлак", "https://tarnovlak-vestnik.bg"),
    # <h1>Новини</h1> over the article's <h2> headline
    "kalchevo": ("Община Калчево", "https://kalchevo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND64_SITES))
def test_a_round64_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND64_SITES[site])


def _page(inside: str) -> str:
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Нова спирка</title>'
        "</head><body><div id='menu'><a href='/'>Начало</a> <a href='/novini/'>Новини</a></div>"
        f"<div id='content'>{inside}</div><div id='footer'><p>© 2026 Лозарево Прес.</p></div>"
        "</body></html>"
    )


HATOM = _page(
    "<div class='hentry'><h1 class='entry-title'>Нова спирка до училището</h1>"
    "<div class='entry-meta'><span class='author vcard'>от <span class='fn'>Юлия Карова</span>"
    "</span> | <abbr class='published' title='2026-11-27T08:17:00+02:00'>27 ноем.</abbr> | "
    "Последна промяна: <abbr class='updated' title='2026-11-28T10:05:00+02:00'>28 ноем.</abbr>"
    "</div><div class='entry-content'>"
    "<p>Автобусите на линия 3 вече спират пред входа на основното училище.</p>"
    "<p>Децата вече знаят къде е новата спирка и чакат под навес.</p>"
    "<p>Общината ще постави и пешеходна пътека с мигаща светлина.</p></div></div>"
)


def test_an_hatom_abbr_dates_a_page_by_its_title() -> None:
    """lozarevo: hAtom's ``<abbr class="published" title="…">27 ноем.</abbr>`` was the
    page's only machine date, its text a day without the year, and the page was
    archived undated; the ``updated`` one beside it dates no publication."""
    article = extract(HATOM, "https://l.bg/archives/1")
    assert article.published == dt.datetime(
        2026, 11, 27, 8, 17, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    lone = HATOM.replace(
        "<abbr class='published' title='2026-11-27T08:17:00+02:00'>27 ноем.</abbr>", ""
    )
    assert extract(lone, "https://l.bg/archives/1").published != article.published


def test_a_pull_quote_repeating_a_sentence_is_read_once() -> None:
    """lozarevo: ``<blockquote class="pullquote">`` repeating a sentence of the text was
    walked as a quotation, and the archive held the sentence twice. A pull quote of
    words the text does not print stays."""
    quoted = HATOM.replace(
        "<p>Децата вече",
        "<blockquote class='pullquote'><p>Децата вече знаят къде е новата "
        "спирка и чакат под навес.</p></blockquote><p>Децата вече",
    )
    text = extract(quoted, "https://l.bg/archives/1").text
    assert text.count("Децата вече знаят") == 1
    assert len(text.splitlines()) == 3
    own = HATOM.replace(
        "<p>Общината",
        "<blockquote class='pull-quote'><p>Най-сетне имаме спирка, на която не се "
        "мокрим.</p></blockquote><p>Общината",
    )
    assert "Най-сетне имаме спирка" in extract(own, "https://l.bg/archives/1").text


NOTED = _page(
    "<div class='article'><h1>Коледен базар в читалището</h1>"
    "<div class='info'>Публикувано: 27.11.2026, 08:17 | Таня Дочева</div>"
    "<div class='article-text'>"
    "<p>Учениците ще продават картички, направени от самите тях."
    "<sup><a href='#fn1'>[1]</a></sup></p>"
    "<p>Парите идват от европейска програма за развитие на селските райони.</p>"
    "<p>Събраните пари ще отидат за лечението на болно дете.<sup><a href='#fn2'>[2]</a></sup></p>"
    "<div class='notes'><p><strong>Бележки:</strong></p><ol>"
    "<li id='fn1'>По данни на общинската служба по земеделие към края на октомври.</li>"
    "<li id='fn2'>Решението е обнародвано в местния вестник през 1998 г.</li></ol></div>"
    "</div></div>"
)


def test_a_footnote_call_after_a_sentence_still_ends_it() -> None:
    """tarnovlak: each paragraph ending in a footnote call, "… тях.[1]", was weighed as a
    label (its last character no sentence's end), and the notes list alone was archived
    as the text. The calls stay where they stand, the notes after "Бележки:" too."""
    lines = extract(NOTED, "https://t.bg/statii/1.html").text.splitlines()
    assert lines[0] == "Учениците ще продават картички, направени от самите тях.[1]"
    assert lines[3:] == [
        "Бележки:",
        "По данни на общинската служба по земеделие към края на октомври.",
        "Решението е обнародвано в местния вестник през 1998 г.",
    ]


def test_a_papers_articles_are_a_section_its_menu_names() -> None:
    """tarnovlak: the menu's "Статии" (a regional paper's name for its news) was no
    section, and only the home page's newest three of eight were found. A section that
    may hold other things too, as "Събития" is: never a news host of its own."""
    assert NEWS_WORDS.search("Статии")
    assert not NEWS_HOST_WORDS.search("Статии")
