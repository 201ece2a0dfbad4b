"""An old table layout's article in one cell: the site's name, the headline in
``<b><font size=4>``, the date in ``<font size=1>`` and the text, all in one ``<td>``
(FrontPage, Lotus Domino and early PHP municipal sites). The text starts at its first
sentence, not at the site's name, the headline or the date."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.extraction import extract

SITE = "Община Белица"
HEADLINE = "Ремонт на покрива на читалището"
LINES = [
    "Общинският съвет на село Белица реши на заседанието си във вторник да ремонтира "
    "покрива на читалището до края на лятото.",
    "Средствата ще дойдат от бюджета на общината и от дарения на жителите, които вече "
    "събраха близо половината от нужната сума.",
    "Кметът благодари на всички, които помогнаха, и покани хората на откриването през септември.",
]
BODIES = {
    "p": "".join(f"<p>{line}</p>\n" for line in LINES),
    "br": "<br>\n" + "<br><br>\n".join(LINES) + "<br>\n",
    "div": '<div align="justify">' + "".join(f"<p>{line}</p>" for line in LINES) + "</div>",
    "div-br": "<div align=justify>" + "<br><br>\n".join(LINES) + "</div>",
}


def _page(body: str, *, title: str, site_line: bool, break_after: str) -> str:
    menu = " | ".join(
        f'<a href="/obshtina.nsf/{slug}?OpenPage">{label}</a>'
        for slug, label in [("home", "Начало"), ("novini", "Новини"), ("kontakti", "Контакти")]
    )
    name = f'<font size="2" color="#003366">{SITE}</font><br>\n' if site_line else ""
    cell = (
        f'{name}<b><font size="4">{HEADLINE}</font></b>{break_after}\n'
        f'<font size="1">12.03.2008 10:17</font>\n{body}'
    )
    return (
        f"<html><head><title>{title}</title></head><body><form action=''>"
        f'<table width="100%"><tr><td class="glava">{SITE}</td></tr>\n'
        f'<tr><td class="menu">{menu}</td></tr>\n<tr><td valign="top">{cell}</td></tr>\n'
        f'<tr><td><font size="1">© 2026 {SITE}. Всички права запазени.</font></td></tr>'
        "</table></form></body></html>"
    )


@pytest.mark.parametrize("body", sorted(BODIES))
# (the site's name alone: what the page prints over the layout and in its © line)
@pytest.mark.parametrize("title", [HEADLINE, f"{SITE} - {HEADLINE}", SITE])
@pytest.mark.parametrize("site_line", [True, False])
@pytest.mark.parametrize("break_after", ["<br>", ""])
def test_one_cell_article_text_starts_at_its_first_sentence(
    body: str, title: str, site_line: bool, break_after: str
) -> None:
    html = _page(BODIES[body], title=title, site_line=site_line, break_after=break_after)
    article = extract(
        html, "https://www.belica.bg/obshtina.nsf/0/4F1A?OpenDocument", today=dt.date(2026, 12, 1)
    )
    assert article.text.split("\n") == LINES
    assert article.title == HEADLINE
    assert article.published == dt.datetime(2008, 3, 12, 10, 17)
    assert article.date_source == "text"


@pytest.mark.parametrize(
    "lines",
    [
        # a short first line over the headline that ends a sentence is the text's
        ["Започна ремонтът.", HEADLINE, LINES[0]],
        # three lines over it: not a masthead
        ["Новини", "Култура", "Белица", HEADLINE, LINES[0]],
    ],
)
def test_lines_over_the_headline_kept_unless_a_masthead(lines: list[str]) -> None:
    from newsarchive.extraction.pipeline import _trim_head

    assert _trim_head(lines, HEADLINE) == lines


def test_masthead_and_headline_with_its_date_run_on_dropped() -> None:
    from newsarchive.extraction.pipeline import _trim_head

    head = [SITE, f"{HEADLINE} 12.03.2008 10:17", *LINES]
    assert _trim_head(head, HEADLINE) == LINES
    # the headline's words followed by more words is the text, not the headline
    assert _trim_head([f"{HEADLINE} започна в понеделник.", *LINES], HEADLINE)[0].startswith(
        HEADLINE
    )


def test_copyright_holder_is_the_sites_name() -> None:
    from newsarchive.extraction.titles import _holds_copyright

    assert _holds_copyright(f"Начало © 2006-2026 {SITE}. Всички права запазени.", SITE)
    assert _holds_copyright(f"Copyright 2026 г. {SITE}", SITE)
    # the name printed elsewhere, or a longer name that starts with it, is not the holder
    assert not _holds_copyright(f"{SITE} прие бюджета. © 2026 Вестник Струма", SITE)
    assert not _holds_copyright(f"© 2026 {SITE}та", SITE)


@pytest.mark.parametrize("body", ["br", "div-br"])
def test_date_run_on_into_the_first_sentence(body: str) -> None:
    # the menu in the row's left cell; no break between the date and the text
    text = BODIES[body].removeprefix("<br>\n")
    html = (
        f"<html><head><title>{SITE} - Новини</title></head><body><table width=760><tr>"
        '<td width=160 valign=top><a href="/">Начало</a><br><a href="/news">Новини</a><br>'
        '<a href="/contacts">Контакти</a></td>'
        f"<td valign=top><font size=2>{SITE}</font><br><b><font size=4>{HEADLINE}</font></b>"
        f"<br>\n<font size=1>12.03.2008</font>\n{text}</td></tr></table></body></html>"
    )
    article = extract(html, "http://belica.example/news/remont.nsf", today=dt.date(2026, 12, 1))
    assert article.text.split("\n") == LINES
    assert article.title == HEADLINE
    assert article.published == dt.date(2008, 3, 12)


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        ("12.03.2008 10:17 Общинският съвет прие бюджета.", "Общинският съвет прие бюджета."),
        ("14.03.2026 г. се проведе среща.", "14.03.2026 г. се проведе среща."),
    ],
)
def test_run_on_date_cut_only_before_a_capital(line: str, kept: str) -> None:
    from newsarchive.extraction.pipeline import _trim_head

    assert _trim_head([line, *LINES], HEADLINE)[0] == kept


DATED_LIST = [
    "12.03.2024 Заседание на Общинския съвет за бюджета на общината.",
    "19.03.2024 Заседание на комисията по устройство на територията.",
    "26.03.2024 Заседание на комисията по образование и култура.",
]


def test_a_dated_list_keeps_its_first_items_date() -> None:
    """A text that is a dated list ("12.03.2024 Заседание …", "19.03.2024 Заседание …")
    keeps every item's date, the first's too: no run-on date to cut before it."""
    from newsarchive.extraction.pipeline import _trim_head

    assert _trim_head(DATED_LIST, "График на заседанията") == DATED_LIST
    html = (
        "<html><head><title>График на заседанията | Община Белица</title></head><body>"
        "<article><h1>График на заседанията</h1>"
        + "".join(f"<p>{line}</p>" for line in DATED_LIST)
        + "</article></body></html>"
    )
    article = extract(html, "https://www.belica.bg/novini/grafik", today=dt.date(2026, 12, 1))
    assert article.text.split("\n") == DATED_LIST
