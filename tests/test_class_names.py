"""A class or id is read for its words by one rule (``class_names``), and its readings are
memoised for the strings themes repeat, never for a long one a page wrote once."""

from __future__ import annotations

import tracemalloc

import pytest

from newsarchive.class_names import class_words
from newsarchive.extraction import clean, extract, furniture
from newsarchive.memo import MEMO_CHARS


@pytest.mark.parametrize(
    ("marker", "named"),
    [("news-teaser", True), ("box_Teaser", True), ("TEASER", True), ("teasers-x", False),
     ("preteaser", False), ("", False)],
)  # fmt: skip
def test_a_class_word_stands_between_separators_in_any_case(marker: str, named: bool) -> None:
    assert bool(class_words(("teaser",)).search(marker)) is named


def _page(n: int) -> str:
    # a class string no theme repeats: a generated list of thousands of classes
    generated = " ".join(f"u{n:04d}-{i}" for i in range(2_000))
    return (
        f"<html><body><div class='{generated} sidebar'><p>Меню</p></div>"
        f"<div id='{generated}'><p>Общината обяви конкурс за детски площадки.</p></div>"
        "<article><h1>Нов парк</h1><p>Кметът откри обновения парк в центъра на града днес."
        "</p></article></body></html>"
    )


def test_long_class_strings_are_not_kept_from_page_to_page() -> None:
    assert len(_page(0)) > 10 * MEMO_CHARS

    def pages(first: int) -> None:
        for n in range(first, first + 40):
            assert "Кметът откри" in extract(_page(n), "https://x.bg/novini/1").text

    tracemalloc.start()
    try:
        pages(0)
        before = tracemalloc.get_traced_memory()[0]
        pages(40)
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 2_000_000  # (each page's strings kept: 40 pages, 4 MB and more)
    # (short ones still are: the readings themes repeat on every card)
    assert clean.is_boilerplate_marker("site-footer") and "site-footer" in clean._MARKER_CACHE
    assert furniture._related_marker("box see-also") and furniture._related_marker("box see-also")
