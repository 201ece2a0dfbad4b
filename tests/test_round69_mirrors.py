"""A sixty-ninth round of site shapes, four small sites whose ARTICLE PAGES print the
headline, the date, the byline and the text in shapes no round had, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round67_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round69.py``): addresses of the first draft's
day, ``/novini/2026/11/25/<slug>/``, the page dating the article "2026-11-27 08:17:03",
"Сподели: Facebook | Twitter | Viber | Имейл" above the text and the text ``<div>`` lines
parted by ``<div>&nbsp;</div>`` (chernovik); "27/11/2026 08:17" with no "ч.", a lead all
in ``<strong>`` and releases signed by "Пресцентър на Община Наклоново" (naklonovo); the
only date beside a calendar picture, "27 Ноем 2026", the ``<h1>`` in capitals and a
gallery of twenty captioned ``<figure>``s (kalendarsko); notices each one ``<pre>``
block, dated "27.XI.2026 г." (obyavleno). Each must archive exactly its articles with
the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND69_SITES = {
    # the address's day the draft's, "2026-11-27 08:17:03"; "Сподели:" above; <div> lines
    "chernovik": ("Община Черновик", "https://chernovik.bg"),
    # "27/11/2026 08:17"; a lead in <strong>; "Пресцентър на Община Наклоново"
    "naklonovo": ("Община Наклоново", "https://naklonovo.bg"),
    # <img src="/img/calendar.png"> 27 Ноем 2026; an h1 in capitals; twenty <figure>s
    "kalendarsko": ("Община Календарско", "https://kalendarsko.bg"),
    # notices each one <pre> block; "27.XI.2026 г."
    "obyavleno": ("Кметство Обявлено", "https://obyavleno.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND69_SITES))
def test_a_round69_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND69_SITES[site])


def _page(inside: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Обява</title>'
        f"{head}</head><body><div id='menu'><a href='/'>Начало</a> <a href='/obyavi'>Обяви</a>"
        f"</div><div id='content'>{inside}</div><div id='footer'><p>© 2026 Кметство Обявлено."
        "</p></div></body></html>"
    )


NOTICE = [
    "Кметството обявява търг за отдаване под наем на пасища в землището на селото.",
    "Документи се закупуват в кметството всеки работен ден от 9 до 12 часа.",
    "Търгът ще се проведе в залата на кметството в последния петък на месеца.",
]


@pytest.mark.parametrize("blank", ["\n\n", "\r\n\r\n", "\n   \n"])
def test_a_notice_typed_in_one_pre_block_keeps_its_paragraphs(blank: str) -> None:
    """obyavleno: a notice typed as one ``<pre>`` block, its paragraphs parted by blank
    lines, was archived as one run-on paragraph; a blank line in preformatted text now
    parts two paragraphs, as it shows, and a lone line break inside a paragraph still
    joins its lines."""
    typed = blank.join(NOTICE[:2]) + blank + NOTICE[2].replace(" в залата", "\nв залата")
    page = _page(
        f"<h1>Обява за търг</h1><p>Дата: 27.XI.2026 г.</p><pre class='tekst'>\n{typed}\n</pre>"
        "<p><a href='/obyavi'>« Всички обяви</a></p>"
    )
    got = extract(page, "https://o.bg/obyava.php?id=3")
    assert got.text == "\n".join(NOTICE)
    assert got.published == dt.date(2026, 11, 27)


def test_a_schedule_and_a_verse_typed_in_pre_keep_their_lines() -> None:
    """A notice's schedule typed line by line in a ``<pre>``, its columns set apart by
    blanks, was archived as one run-on sentence, and so was a poem's stanza: their
    lines stay lines, while a paragraph wrapped at its margin still joins."""
    wrapped = (
        "Служителите на отдел „Гражданска регистрация“ ще приемат документи\n"
        "в кметствата на селата по графика, обявен от общината днес:"
    )
    rows = [
        "с. Долна Каменица     - 08.12.2026 г., от 9:00 до 12:00 ч.",
        "с. Речица             - 10.12.2026 г., от 9:00 до 12:00 ч.",
    ]
    verse = ["Под леда реката мисли", "и не бърза за никъде,", "броди тихо покрай нас."]
    typed = wrapped + "\n\n" + "\n".join("  " + row for row in rows) + "\n\n" + "\n".join(verse)
    page = _page(
        f"<h1>Изнесени приемни дни</h1><p>Дата: 27.XI.2026 г.</p><pre>\n{typed}\n</pre>"
        "<p><a href='/obyavi'>« Всички обяви</a></p>"
    )
    lines = extract(page, "https://o.bg/obyava.php?id=4").text.split("\n")
    assert lines[0] == wrapped.replace("\n", " ")
    assert lines[1:3] == [" ".join(row.split()) for row in rows]
    assert lines[3:] == verse


def test_a_listings_line_the_line_rules_would_drop_stays() -> None:
    """A ``<pre>``'s ragged lines are read apart, a program's listing's too; but a line
    the line rules would drop as furniture (a host name alone, read as a spelled-out
    link: a checkpoint's "keyserver.example.org") was lost that way. Its paragraph
    stays joined, as it was."""
    listing = ["example.org/tlog-proof@v1", "index 1", "CJdjppwZSa2A=", "keyserver.example.org"]
    page = _page(
        "<h1>Прозрачен регистър на ключовете</h1><p>Дата: 27.XI.2026 г.</p>"
        f"<p>{NOTICE[0]}</p><pre><code>{chr(10).join(listing)}</code></pre><p>{NOTICE[1]}</p>"
    )
    assert extract(page, "https://o.bg/blog/5").text.split("\n")[1] == " ".join(listing)


CAPTIONS = [
    "Децата от детската градина пеят на сцената пред общината.",
    "Самодейците от читалището поднасят хляб и сол на гостите.",
    "Кметът и гостите прерязват лентата на новия площад в центъра.",
    "Учениците от трите села танцуват хоро около старата чешма.",
]


def test_a_gallery_of_twenty_captioned_figures_between_paragraphs_is_no_text() -> None:
    """kalendarsko: twenty ``<figure>``s between two paragraphs, each captioned with a
    sentence, held more prose between them than the article, and were spared as its
    boxes (a review's product boxes are): the captions were archived as the text. A
    gallery's figures are pictures with their credits, never the article's boxes."""
    gallery = "".join(
        f"<figure class='gal'><a href='/m/{i}.jpg'><img src='/m/{i}-m.jpg' alt=''></a>"
        f"<figcaption>{CAPTIONS[i % 4]}</figcaption></figure>"
        for i in range(20)
    )
    page = _page(
        "<div class='novina'><h1>ПРАЗНИК НА СЕЛОТО</h1><div class='info'>"
        "<img src='/img/calendar.png' alt=''> 27 Ноем 2026</div><div class='novina-text'>"
        f"<p>{NOTICE[0]}</p><p>{NOTICE[1]}</p><div class='galeria'>{gallery}</div>"
        f"<p>{NOTICE[2]}</p></div></div>",
        '<meta property="og:title" content="Празник на селото">',
    )
    got = extract(page, "https://k.bg/novina-5.html")
    assert got.text == "\n".join(NOTICE)
    assert got.title == "Празник на селото"
    assert got.published == dt.date(2026, 11, 27)
