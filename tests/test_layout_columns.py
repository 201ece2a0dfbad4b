"""An old site laid out as one table: the menu in one cell, the article in the middle
one, office hours in the right one, none of them marked as furniture (studenets). The
columns beside the article are not its text, however sentence-like their one line."""

from __future__ import annotations

import math

from newsarchive.extraction import content, extract
from newsarchive.extraction.blocks import walk_blocks
from newsarchive.markup import parse_html

PARAGRAPHS = [
    "От 1 декември автобусите до селата от общината тръгват по нов зимен график.",
    "Първият курс до Горно Студенче тръгва в 6:30 часа, последният се връща в 18:45 часа.",
    "Графикът е поставен на автогарата и в кметствата.",
]


def _page(right: str, more: str = "") -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<html><head><title>Община Студенец</title></head><body><table>"
        '<tr><td colspan="3"><a href="n.html">Начало</a> | <a href="k.html">Контакти</a></td></tr>'
        '<tr><td width="150"><a href="a.html">Кмет</a><br><a href="b.html">Съвет</a></td>'
        '<td width="450"><h2>Нов график на автобусите до селата</h2><p>Дата: 13.11.2026</p>'
        f'{body}<p><a href="../novini/">« Към всички новини</a></p>{more}</td>'
        f'<td width="180">{right}</td></tr></table></body></html>'
    )


def test_a_column_beside_the_article_is_left_out() -> None:
    article = extract(
        _page(
            "<p>Работно време</p><p>Понеделник – петък, 8:30 – 17:00 ч.</p>",
            '<p class="karetka">Още от новините</p><p><a href="x.html">Събират старо'
            ' оборудване</a><br><a href="y.html">Почистват реката</a></p>',
        )
    )
    assert article.text == "\n".join(PARAGRAPHS)


def test_a_row_whose_cells_both_hold_the_article_keeps_both() -> None:
    """Two columns of prose, as a leaflet's text set side by side, are one article."""
    second = [
        "Разписанието за празничните дни ще бъде обявено допълнително от общината.",
        "Превозвачът осигурява и допълнителен курс в петък следобед за учениците.",
    ]
    article = extract(_page("".join(f"<p>{p}</p>" for p in second)))
    assert article.text == "\n".join(PARAGRAPHS + second)


def test_the_columns_beside_are_returned_and_the_callers_mask_is_left_as_it_was() -> None:
    """``_choose_with`` says which blocks it left out beside the article; the mask it
    was given stays the caller's (the strict and the lenient choice each keep their own)."""
    tree = parse_html(_page("<p>Работно време</p><p>Понеделник – петък, 8:30 – 17:00 ч.</p>"))
    assert tree.body is not None
    walker = walk_blocks(tree.body, mark=True, skip_below=math.inf)
    weights, _ = content.weighed(walker.blocks, content.page_title(tree))
    none = [False] * len(walker.blocks)
    chosen, _, side = content._choose_with(walker, weights, none)
    assert none == [False] * len(walker.blocks)
    assert chosen is not None and side
    beside = " ".join(walker.blocks[i].text for i in side)
    assert "Понеделник – петък" in beside and "Кмет" in beside
