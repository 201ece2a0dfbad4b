"""The cheap tests in front of costly searches must be exact: whatever the search would
find, the test lets through. Here the words and the characters ignore-case equates with
their letters ("ſ" for "s", "K" the Kelvin sign for "k", Cyrillic's tall and narrow
letters) are mixed into texts the searches are run on, with and without the test."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from newsarchive import date_stamps, relative_dates
from newsarchive.extraction import far_dates

_LOOKALIKES = ["ſ", "\u212a", "\u0130", "\u0131", "\u1c80", "\u1c81", "\u1c82", "\u1c83", "\u1c84"]
_DATE_PIECES = [
    "преди 3 часа", "ПРЕДИ ЧАС", "пре\u1c81и 2 дни", "преди няколко минути", "днес", "Днес в 10:30",
    "вчера", "\u1c80чера", "онзи ден", "today", "Yesterday at 9:15", "2 hours ago", "an hour AGO",
    "a few minutes ago", "5 mins ago", "one day ago", "около", " ", "\n", "-", ".", ",", "3",
    "12.03.2026", "March 4, 2026", "word", "Публикувано на", "Chicago",
]  # fmt: skip


def _ungated(text: str, today: dt.date) -> list[tuple[int, date_stamps.Published]]:
    """``_relative_dates`` as it read every text, with no gate in front of its searches."""
    hold = relative_dates._MAY_HOLD_RELATIVE
    try:
        relative_dates._MAY_HOLD_RELATIVE = _Always()  # type: ignore[assignment]
        return relative_dates.relative_dates(text, today)
    finally:
        relative_dates._MAY_HOLD_RELATIVE = hold


class _Always:
    def search(self, text: str) -> bool:
        return True


@given(
    st.lists(st.sampled_from(_DATE_PIECES + _LOOKALIKES) | st.text(max_size=3), max_size=8),
    st.sampled_from([dt.date(2026, 3, 13), dt.datetime(2026, 3, 13, 15, 0)]),
)
def test_relative_dates_are_found_as_without_the_word_test(
    pieces: list[str], today: dt.date
) -> None:
    text = "".join(pieces)
    assert relative_dates.relative_dates(text, today) == _ungated(text, today), text


def test_relative_dates_still_found_behind_the_word_test() -> None:
    today = dt.date(2026, 3, 13)
    for text in ("преди 3 часа", "2 hours ago", "Днес, 10:30", "онзи ден", "a few minutes ago"):
        assert relative_dates.relative_dates(text, today), text
    assert relative_dates.relative_dates("12.03.2026, 10:30", today) == []


class _Node:
    """What ``_is_comments`` reads of an element: its attributes."""

    def __init__(self, cls: str, ident: str) -> None:
        self.attributes = {"class": cls, "id": ident}


_CLASS_PIECES = [
    "comment", "Comments", "COMMENTLIST", "disqus_thread", "respond", "reply", "replies",
    "komentari", "коментари", "Коментар", "has-comments", "no-comments", "category-komentari",
    "tag-commentary", "post", "entry-meta", "-", "_", " ", "ſ", "\u212a", "\u0130", "\u1c82",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_CLASS_PIECES) | st.text(max_size=3), max_size=6),
    st.lists(st.sampled_from(_CLASS_PIECES) | st.text(max_size=2), max_size=3),
)
def test_comment_names_are_told_as_by_the_search_alone(cls: list[str], ident: list[str]) -> None:
    node = _Node("".join(cls), "".join(ident))
    named = f"{node.attributes['class']} {node.attributes['id']}"
    expected = far_dates._COMMENTS.search(named) is not None and (
        far_dates._COMMENTS.search(
            far_dates.without_states(far_dates._TAXONOMY.sub("", named.lower()))
        )
        is not None
    )
    assert far_dates._is_comments(node) == expected, named  # type: ignore[arg-type]
