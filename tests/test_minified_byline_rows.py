"""A byline row of inline items with no space between them, as minified markup leaves
it: the page's style sets the items apart, so the writer and the day are read apart
too. Pages in our own words."""

from __future__ import annotations

import datetime as dt

from newsarchive.extraction import extract

_TODAY = dt.date(2026, 12, 7)


def _page(lang: str, title: str, row: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (
        f'<html lang="{lang}"><head><title>{title} | Diario Regional</title></head><body>'
        '<nav><a href="/">Inicio</a><a href="/region/">Región</a></nav>'
        f'<main><article><h1>{title}</h1><div class="autor-fecha">{row}</div>'
        f'<div class="cuerpo">{body}</div></article></main>'
        "<footer>© 2026 Diario Regional</footer></body></html>"
    )


_SPANISH = [
    "Más de tres mil vecinos de cinco veredas tendrán agua potable en sus casas desde"
    " el mes próximo, cuando entre en servicio el nuevo acueducto rural.",
    "La obra costó cuatro mil millones de pesos y tardó dos años; la gobernación y el"
    " municipio la pagaron a partes iguales, según la secretaría de infraestructura.",
    "El próximo año comenzará una obra parecida en el municipio vecino.",
]

_BULGARIAN = [
    "Общината ремонтира покрива на читалището в село Примерово след есенните бури, които"
    " отнесоха част от керемидите и повредиха улуците.",
    "Ремонтът струва 48 000 лева и ще завърши до края на месеца, каза кметът на селото;"
    " дотогава репетициите на самодейците са в училището.",
    "Читалището е построено през 1927 година и е паметник на културата.",
]


def test_a_minified_byline_row_gives_the_writer_and_the_day_apart() -> None:
    """Read glued, the name ran into the desk ("Andrés Camilo RojasRedacción") and the
    day into a word ("Regionales26 de noviembre"), which no date pattern takes. The row
    is the windows' reading only: the story's drop cap stays glued to its word."""
    opening = '<span class="dropcap">M</span>' + _SPANISH[0][1:]
    row = (
        "<span>Por: Andrés Camilo Rojas</span><span>Redacción Regionales</span>"
        "<span>26 de noviembre de 2025</span>"
    )
    html = _page("es", "Inauguran un acueducto", row, [opening, *_SPANISH[1:]])
    article = extract(html, "https://diario.example/region/acueducto-veredas", today=_TODAY)
    assert article.author == "Andrés Camilo Rojas"
    assert article.published is not None
    assert str(article.published)[:10] == "2025-11-26"
    assert article.text.startswith("Más de tres mil vecinos")


def test_a_minified_bulgarian_byline_row_gives_its_day() -> None:
    row = "<span>Автор: Мария Петрова</span><span>Култура</span><span>26 ноември 2026</span>"
    html = _page("bg", "Ремонтират покрива на читалището", row, _BULGARIAN)
    article = extract(html, "https://vesti.example/kultura/chitalishte-pokriv", today=_TODAY)
    assert article.published is not None
    assert str(article.published)[:10] == "2026-11-26"
    assert article.author == "Мария Петрова"
