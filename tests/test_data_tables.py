"""A data table's row is one line of the text, its cells joined by " | " (header row
too); a layout table's cells, and the blocks in them, stay a line each
(``blocks.is_data_table``, ``blocks.lines``). Pages in our own words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

from newsarchive.archive.query import parse_query
from newsarchive.archive.search import Lemmas, Marker
from newsarchive.extraction import extract
from newsarchive.extraction.blocks import is_data_table

from .mirror_sites import bare_profile
from .pageserver import answering
from .support import Result
from .test_search_snippets import vocab

TODAY = dt.date(2026, 12, 1)
LEAD = (
    "Поради авария на главния водопровод в квартал Изток водоподаването ще бъде спряно "
    "в четвъртък по улиците и в часовете, дадени по-долу."
)
CLOSING = "Молим живеещите в района да си осигурят вода и благодарим за разбирането им."


def _page(body: str, headline: str = "Спиране на водата в квартал Изток") -> str:
    return (
        f"<html><head><title>{headline}</title></head><body>"
        '<header><nav><a href="/">Начало</a> <a href="/novini">Новини</a> '
        '<a href="/kontakti">Контакти</a></nav></header>'
        f"<main><article><h1>{headline}</h1>\n{body}\n</article></main>"
        "<footer><p>© 2026 Община Изток. Всички права запазени.</p></footer></body></html>"
    )


def _text(html: str) -> list[str]:
    return extract(html, "https://www.iztok.bg/novini/spirane", today=TODAY).text.split("\n")


OUTAGE = (
    f"<p>{LEAD}</p>\n<table><thead><tr><th>Улица</th><th>Часове</th></tr></thead><tbody>"
    "<tr><td>ул. Борисова</td><td>09:00 – 16:00</td></tr>"
    "<tr><td>ул. Добруджа</td><td>10:00 – 12:30</td></tr>"
    "<tr><td>бул. Мадара<br>ул. Рила</td><td>08:00 – 11:00</td></tr>"
    f"</tbody></table>\n<p>{CLOSING}</p>"
)


def test_outage_schedule_row_is_one_line() -> None:
    assert _text(_page(OUTAGE)) == [
        LEAD,
        "Улица | Часове",
        "ул. Борисова | 09:00 – 16:00",
        "ул. Добруджа | 10:00 – 12:30",
        "бул. Мадара / ул. Рила | 08:00 – 11:00",  # a cell's <br> lines: one cell still
        CLOSING,
    ]


def test_council_decisions_with_header_row_and_an_empty_cell() -> None:
    body = (
        "<p>На редовното си заседание в сряда общинският съвет прие следните решения "
        "по точките от дневния ред, обявен миналата седмица.</p>"
        '<table border="1"><tr><th>№</th><th>Решение</th><th>Гласували</th></tr>'
        "<tr><td>412</td><td>Приема отчета за бюджета на общината за 2025 г.</td>"
        "<td>21 за, 3 против</td></tr>"
        "<tr><td>413</td><td></td><td>оттеглено</td></tr>"
        "<tr><td>414</td><td>Дава съгласие за ремонт на читалището в село Липа</td>"
        "<td></td></tr></table>"
        "<p>Пълните протоколи от заседанието ще бъдат публикувани в срок от седем дни.</p>"
    )
    lines = _text(_page(body, "Решения на общинския съвет от 25 ноември"))
    assert lines[1:5] == [
        "№ | Решение | Гласували",
        "412 | Приема отчета за бюджета на общината за 2025 г. | 21 за, 3 против",
        "413 | | оттеглено",  # an empty cell before text: kept, the vote in its column
        "414 | Дава съгласие за ремонт на читалището в село Липа",  # empty last: not written
    ]


def test_a_table_of_fields_opening_the_text_keeps_its_date_row() -> None:
    """A table of the meeting's fields opens the text, its date first: the date's row
    was cut from the top of the text as the page's date line, and the table opened with
    its second row. A row over another of as many cells is the table's."""
    body = (
        "<table><tr><td>Дата:</td><td>27.11.2026</td></tr>"
        "<tr><td>Час:</td><td>17:30 ч.</td></tr>"
        "<tr><td>Място:</td><td>Читалище „Светлина“, малкия салон</td></tr></table>"
        "<p>Кметът кани жителите на квартала на обществено обсъждане на проекта за "
        "новата детска площадка до училището.</p>"
    )
    lines = _text(_page(body, "Обществено обсъждане на детската площадка"))
    assert lines[:3] == [
        "Дата: | 27.11.2026",
        "Час: | 17:30 ч.",
        "Място: | Читалище „Светлина“, малкия салон",
    ]


def test_rowspan_cell_is_written_once() -> None:
    body = (
        f"<p>{LEAD}</p><table><tr><th>Улица</th><th>Часове</th></tr>"
        '<tr><td rowspan="2">ул. Добруджа</td><td>10:00 – 12:00</td></tr>'
        "<tr><td>14:00 – 15:30</td></tr>"
        '<tr><td colspan="2">Район Север</td></tr>'
        f"<tr><td>ул. Липа</td><td>09:00 – 10:00</td></tr></table><p>{CLOSING}</p>"
    )
    assert _text(_page(body))[1:6] == [
        "Улица | Часове",
        "ул. Добруджа | 10:00 – 12:00",
        "14:00 – 15:30",
        "Район Север",
        "ул. Липа | 09:00 – 10:00",
    ]


PARAGRAPHS = [
    "Кметът на общината откри новата детска площадка в парка зад читалището в събота сутринта.",
    "На откриването дойдоха десетки семейства с деца, а читалищният хор изпя три песни.",
    "Площадката е построена със средства от общинския бюджет и с дарения на местни фирми.",
]


def _layout_page(article_cell: str) -> str:
    menu = "<br>".join(
        f'<a href="/{slug}.php">{label}</a>'
        for slug, label in [("index", "Начало"), ("novini", "Новини"), ("kontakti", "Контакти")]
    )
    return (
        "<html><head><title>Нова детска площадка</title></head><body>"
        '<table width="100%"><tr><td colspan="2"><h2>Община Липа</h2></td></tr>'
        f'<tr><td width="20%">{menu}</td><td><h1>Нова детска площадка</h1>{article_cell}</td></tr>'
        '<tr><td colspan="2"><p>© 2026 Община Липа</p></td></tr></table></body></html>'
    )


def test_layout_table_page_keeps_a_paragraph_a_line() -> None:
    cell = "".join(f"<p>{line}</p>" for line in PARAGRAPHS)
    html = _layout_page(cell)
    assert not is_data_table(LexborHTMLParser(html).css_first("table"))
    assert _text(html) == PARAGRAPHS


def test_data_table_inside_a_layout_table() -> None:
    cell = (
        "".join(f"<p>{line}</p>" for line in PARAGRAPHS[:2])
        + "<table><tr><td>Пясъчник</td><td>2 броя</td></tr>"
        "<tr><td>Люлки</td><td>4 броя</td></tr></table>" + f"<p>{PARAGRAPHS[2]}</p>"
    )
    html = _layout_page(cell)
    outer, inner = LexborHTMLParser(html).css("table")
    assert not is_data_table(outer) and is_data_table(inner)
    assert _text(html) == [*PARAGRAPHS[:2], "Пясъчник | 2 броя", "Люлки | 4 броя", PARAGRAPHS[2]]


def test_layout_shapes_are_not_data() -> None:
    def table(html: str) -> bool:
        return is_data_table(LexborHTMLParser(html).css_first("table"))

    assert table("<table><tr><td>а</td><td>б</td></tr></table>")
    assert not table("<table><tr><td>а</td></tr><tr><td>б</td></tr></table>")  # one-cell rows
    assert table("<table><tr><td><p>а</p></td><td>б</td></tr></table>")  # Word's paragraph
    assert not table("<table><tr><td><h3>а</h3></td><td>б</td></tr></table>")  # a heading
    assert not table("<table><tr><td><p>а</p><div>в</div></td><td>б</td></tr></table>")
    assert not table("<table><tr><td><div>а</div></td><td>б</td></tr></table>")  # a box
    assert not table("<table><tr><td><ul><li>а</li></ul></td><td>б</td></tr></table>")
    assert not table(f"<table><tr><td>{'дума ' * 80}</td><td>б</td></tr></table>")  # prose
    assert not table(  # an old layout: a menu cell beside a short text's cell
        "<table><tr><td><a href='/'>Начало</a><br><a href='/n'>Новини</a><br>"
        "<a href='/k'>Контакти</a></td><td>12.11.2026<br><b>Ремонт</b><br><br>Текст.</td></tr>"
        "</table>"
    )
    assert not table("<table><tr><td>а<br><br>б</td><td>в</td></tr></table>")  # paragraphs
    assert not table(  # a table around a table
        "<table><tr><td><table><tr><td>а</td><td>б</td></tr></table></td><td>в</td></tr></table>"
    )


def test_rows_each_one_cell_spanning_the_table_are_a_layout() -> None:
    """Mambo's and Joomla 1.0's ``contentpaneopen``: the date, the text's short
    paragraphs and the last change each a row of one ``colspan="2"`` cell. Two columns
    wide by its spans, but no row sets two texts side by side: the paragraphs stay
    lines of their own, not "… / …" (round 45's rakitnik was archived so)."""
    first = "Над сто доброволци засадиха борове и липи на хълма над града."
    second = "Фиданките бяха дарени от държавното горско стопанство."
    pane = (
        '<table class="contentpaneopen"><tr><td colspan="2">Събота, 28 Ноември 2026 08:17'
        f'</td></tr><tr><td colspan="2"><p>{first}</p><p>{second}</p></td></tr>'
        '<tr><td colspan="2">Последно обновяване ( Събота, 28 Ноември 2026 08:17 )</td></tr>'
        "</table>"
    )
    assert not is_data_table(LexborHTMLParser(pane).css_first("table"))
    text = _text(_page(pane, "Доброволци засадиха хиляда дръвчета"))
    assert first in text
    assert second in text


def test_every_cell_word_is_searchable_and_the_snippet_keeps_the_row() -> None:
    text = "\n".join(_text(_page(OUTAGE)))
    parsed = parse_query("Добруджа")
    cut = Marker(vocab({}), parsed, Lemmas({})).snippet(text, ("**", "**"))
    assert "ул. **Добруджа** | 10:00 – 12:30" in cut
    for word in ("Борисова", "Мадара", "Рила", "Часове"):
        assert f"**{word}**" in Marker(vocab({}), parse_query(word), Lemmas({})).snippet(
            text, ("**", "**")
        )


def _word_cell(*paragraphs: str, head: bool = False) -> str:
    """A cell as Word pasted into a CMS's editor writes it: each line a ``MsoNormal``
    paragraph of spans, an empty one as ``&nbsp;``."""
    inner = "".join(
        f'<p class="MsoNormal" style="margin-bottom:0cm;line-height:normal">'
        f'{"<b>" if head else ""}<span lang="BG" style="font-size:12.0pt;'
        f'font-family:&quot;Times New Roman&quot;,serif">{line}</span>'
        f"{'</b>' if head else ''}<o:p></o:p></p>"
        for line in paragraphs
    )
    return f'<td width="240" valign="top" style="width:180pt;padding:0cm 5.4pt">{inner}</td>'


WORD_OUTAGE = (
    f"<p>{LEAD}</p>\n"
    '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" '
    'style="border-collapse:collapse;border:none"><tbody>'
    f"<tr>{_word_cell('Улица', head=True)}{_word_cell('Часове', head=True)}</tr>"
    f"<tr>{_word_cell('ул.&nbsp;Борисова')}{_word_cell('09:00 – 16:00')}</tr>"
    f"<tr>{_word_cell('ул. Добруджа', '&nbsp;')}{_word_cell('10:00 – 12:30')}</tr>"
    f"<tr>{_word_cell('бул. Мадара', 'ул. Рила')}{_word_cell('08:00 – 11:00')}</tr>"
    f"</tbody></table>\n<p>{CLOSING}</p>"
)
WORD_ROWS = [
    "Улица | Часове",
    "ул. Борисова | 09:00 – 16:00",
    "ул. Добруджа | 10:00 – 12:30",  # its "&nbsp;" paragraph: no line
    "бул. Мадара / ул. Рила | 08:00 – 11:00",  # two paragraphs: one cell, as <br> lines
]


def test_word_pasted_outage_table_row_is_one_line() -> None:
    """Word's cells are ``<p class=MsoNormal>``s: the table was a layout's, a cell a line
    ("Улица", "Часове", "ул. Борисова", ...), the street parted from its hours."""
    assert is_data_table(LexborHTMLParser(WORD_OUTAGE).css_first("table"))
    assert _text(_page(WORD_OUTAGE)) == [LEAD, *WORD_ROWS, CLOSING]


def test_layout_table_of_prose_paragraphs_keeps_a_paragraph_a_line() -> None:
    """Cells of paragraphs only, but prose (over ``DATA_CELL_MAX`` a cell): a layout's
    two columns, each paragraph its own line as before."""
    left = "".join(f"<p>{line}</p>" for line in PARAGRAPHS[:2])
    right = "".join(f"<p>{line} {line}</p>" for line in PARAGRAPHS[2:])
    html = (
        "<html><head><title>Нова детска площадка</title></head><body>"
        "<h1>Нова детска площадка</h1>"
        f'<table width="100%"><tr><td width="50%">{left}</td><td>{right}</td></tr></table>'
        "</body></html>"
    )
    assert not is_data_table(LexborHTMLParser(html).css_first("table"))
    assert _text(html) == [*PARAGRAPHS[:2], f"{PARAGRAPHS[2]} {PARAGRAPHS[2]}"]


def test_a_column_empty_in_every_row_is_left_out() -> None:
    """A column of pictures (and its empty corner cell): every line began "| "."""
    body = (
        f"<p>{LEAD}</p><table><tr><th></th><th>Кандидат</th><th>Партия</th></tr>"
        '<tr><td><img src="/i/1.jpg" alt=""></td><td>Иван Петров</td><td>ПП Липа</td></tr>'
        '<tr><td>&nbsp;<img src="/i/2.jpg"></td><td>Мария Колева</td><td>ПП Дъб</td></tr>'
        f"</table><p>{CLOSING}</p>"
    )
    assert _text(_page(body))[1:4] == [
        "Кандидат | Партия",
        "Иван Петров | ПП Липа",
        "Мария Колева | ПП Дъб",
    ]


def test_a_column_empty_in_some_rows_keeps_its_place() -> None:
    """The empty first cell of one row only: still a place, its words in their columns;
    and a column empty in every row but the first column is left out too."""
    body = (
        f"<p>{LEAD}</p><table><tr><td>№</td><td></td><td>Улица</td><td>Часове</td></tr>"
        "<tr><td>1</td><td></td><td>ул. Липа</td><td>09:00 – 10:00</td></tr>"
        "<tr><td></td><td></td><td>ул. Дъб</td><td>10:00 – 11:00</td></tr>"
        f"</table><p>{CLOSING}</p>"
    )
    assert _text(_page(body))[1:4] == [
        "№ | Улица | Часове",
        "1 | ул. Липа | 09:00 – 10:00",
        "| ул. Дъб | 10:00 – 11:00",  # "№" empty in this row only: its place kept
    ]


ORIGIN = "https://www.iztok.bg"
OUTAGE_PATH = "/novini/spirane-na-vodata"


def _site(url: str) -> tuple[int, dict[str, str], str]:
    """A municipality's small site: a feed naming one notice, the notice with its
    Word-pasted table."""
    path = url.removeprefix(ORIGIN)
    if path == "/rss.xml":
        feed = (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Община Изток</title><link>{ORIGIN}/</link><item><title>Спиране на "
            f"водата в квартал Изток</title><link>{ORIGIN}{OUTAGE_PATH}</link>"
            "<pubDate>Tue, 24 Nov 2026 09:00:00 +0200</pubDate></item></channel></rss>"
        )
        return 200, {"Content-Type": "application/rss+xml; charset=utf-8"}, feed
    if path == "/":
        home = _page(f'<a href="{OUTAGE_PATH}">Спиране на водата</a>', "Община Изток")
        feed = f'<link rel="alternate" type="application/rss+xml" href="{ORIGIN}/rss.xml">'
        return (
            200,
            {"Content-Type": "text/html; charset=utf-8"},
            home.replace("<head>", f"<head>{feed}"),
        )
    if path == OUTAGE_PATH:
        body = f"<p>Публикувано на 24.11.2026 г.</p>{WORD_OUTAGE}"
        return 200, {"Content-Type": "text/html; charset=utf-8"}, _page(body)
    return 404, {}, "<html><body><h1>Няма такава страница</h1></body></html>"


def test_a_crawled_word_table_is_searched_and_the_snippet_shows_the_row(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Crawled from a local server, archived, searched: a street's word finds the notice,
    and the snippet shows the street with its hours (the row, not a cell a line)."""
    profile = bare_profile(tmp_path, "iztok", "Община Изток", ORIGIN)
    with answering(_site) as (url, _):
        crawled = run_cli(
            "crawl", "iztok", "--profile", str(profile), "--base-url", url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert crawled.exit_code == 0, crawled.stderr
    found = run_cli("search", "Добруджа", "--db", str(db))
    assert found.exit_code == 0, found.stderr
    shown = " ".join(found.stdout.split())
    assert "Спиране на водата" in shown
    assert "Добруджа | 10:00 – 12:30" in shown, shown
