"""Pages a CMS double-encoded: UTF-8 bytes printed as Windows-1252/Latin-1 characters."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract, mojibake
from newsarchive.extraction.mojibake import repair

TITLE = "Ремонтът на моста в Русе започва през март"
PROSE = "Общината обяви, че ремонтът на стария мост над реката ще продължи до есента. " * 5
AUTHOR = "Мария Петрова"


def _double_encoded(text: str, codec: str = "latin-1") -> str:
    return text.encode("utf-8").decode(codec)


def _page(title: str, prose: str, author: str) -> str:
    return (
        f'<html lang="bg"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<article><h1>{title}</h1><p class="byline">Автор: {author}</p><p>{prose}</p>'
        "</article></body></html>"
    )


def test_a_double_encoded_page_is_archived_readable_and_says_so() -> None:
    html = _page(*(_double_encoded(v) for v in (TITLE, PROSE, AUTHOR)))
    article = extract(html)
    assert article.title == TITLE
    assert "ремонтът на стария мост" in article.text
    assert "Ð" not in article.text
    assert article.author == AUTHOR
    assert article.rules["encoding"] == "repaired"


def test_a_clean_page_is_left_as_printed() -> None:
    html = _page(TITLE, PROSE + " Цена: 5 € «чисто» — ½.", AUTHOR)
    article = extract(html)
    assert article.title == TITLE and "Цена: 5 € «чисто» — ½." in article.text
    assert "encoding" not in article.rules


@pytest.mark.parametrize("codec", ["latin-1", "cp1252"])
def test_windows_punctuation_read_as_either_codec_is_repaired(codec: str) -> None:
    assert repair(_double_encoded("Investor’s guide — 2025", codec)) == "Investor’s guide — 2025"


@pytest.mark.parametrize(
    "text", ["Café «déjà vu»", "Öl, Ärger, Übermut", "ĐĐ", "Ивайло Ñ", "naïve — ½ ©"]
)
def test_text_that_only_looks_foreign_is_unchanged(text: str) -> None:
    assert repair(text) == text


def test_double_encoded_tags_are_repaired_too() -> None:
    head = "".join(
        f'<meta property="article:tag" content="{_double_encoded(tag)}">'
        for tag in ("Русе", "ремонт")
    )
    html = _page(*(_double_encoded(v) for v in (TITLE, PROSE, AUTHOR))).replace(
        "</head>", f"{head}</head>"
    )
    assert extract(html).tags == ("Русе", "ремонт")


@pytest.mark.parametrize(
    ("lead", "suspect"), [("Á", False), ("Â", True), ("Ã", True), ("ï", True), ("ð", False)]
)
def test_a_suspect_pair_opens_with_a_letter_from_a_circumflex_to_i_diaeresis(
    lead: str, suspect: bool
) -> None:
    # (UTF-8's lead bytes C2-EF read as Latin-1: the letters looked for one by one first)
    assert mojibake._suspect(f"Цена: 5 лв. {lead}\u00a9 2026") is suspect
