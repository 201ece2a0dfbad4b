"""The dates read away from the headline (``extraction.far_dates``)."""

from __future__ import annotations

import datetime as dt

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
