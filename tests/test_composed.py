"""lemmas.composed: the one spelling of stored text and queries (pure, no archive)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.archive.lemmas import composed


@pytest.mark.parametrize(
    ("typed", "spelled"),
    [
        # a stress mark on a Latin look-alike: it is Cyrillic, and so stressed, only after
        # the look-alikes are read (was "Мерсс" + U+0300, and "Мерсс" a second time)
        ("Mеpcc\u0300", "Мерсс"),
        # two marks where only the second composes: dropping the stress lets it ("ё")
        ("е\u0301\u0308", "ё"),
        # a word joined by dropping a stress mark is a word of look-alikes again
        ("аX\u0301M", "аХМ"),
        ("еKy\u0306", "еКў"),
    ],
)
def test_composed_is_its_own_fixed_point(typed: str, spelled: str) -> None:
    # What is stored is composed, and so is a query copied from a stored article, and an
    # export imported again: a second pass that changed the text made that query find
    # nothing and the re-import an "updated" article with a revision of no change.
    assert composed(typed) == spelled
    assert composed(spelled) == spelled


@pytest.mark.parametrize(
    "text",
    [
        "https://example.bg/новини/2024?id=5 and iPhone",
        "Кметът каза „OK“ и SMSи, HTMLът, x = a.Count();",
        "ѝ Ѝ й ѐ ё",
    ],
)
def test_composed_leaves_latin_words_addresses_and_letters_be(text: str) -> None:
    assert composed(text) == text


# Letters of both scripts, the look-alikes among them, and the marks that compose or not.
_TYPED = st.text(
    st.sampled_from(
        list("аеиоуйгкъяАЕИКaeopcxyAEOPCHKMTBXlsz -.") + list("\u0300\u0301\u0306\u0308\u0327")
    ),
    max_size=12,
)


@settings(max_examples=500, deadline=None)
@given(_TYPED)
def test_composing_composed_text_changes_nothing(text: str) -> None:
    once = composed(text)
    assert composed(once) == once
