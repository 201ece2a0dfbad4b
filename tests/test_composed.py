"""lemmas.composed: the one spelling of stored text and queries (pure, no archive)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.archive.lemmas import _MIXED, composed, mixes_scripts
from newsarchive.archive.query import cyrillic_guess


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
        # an invisible character inside a word goes, one beside a space or a mark stays
        ("Об\u00adщи\u00adна", "Община"),
        ("кмет\u200b\u2060ства \ufeffи\u00ad ", "кметства \ufeffи\u00ad "),
        ("Ру\u0301\u00adсе", "Русе"),
        # a control character inside a word goes too; whitespace ones part words
        ("Общи\x01на\x7fта\x00", "Общината\x00"),
        ("кмет\x08\x1bства\tи\nне\x1fда \x01", "кметства\tи\nне\x1fда \x01"),
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
        list("аеиоуйгкъяАЕИКaeopcxyAEOPCHKMTBXlsz -.")
        + list("\u0300\u0301\u0306\u0308\u0327\u00ad\u200b")
    ),
    max_size=12,
)


@settings(max_examples=500, deadline=None)
@given(_TYPED)
def test_composing_composed_text_changes_nothing(text: str) -> None:
    once = composed(text)
    assert composed(once) == once


@settings(max_examples=500, deadline=None)
@given(_TYPED)
def test_the_mixed_script_test_finds_what_the_pair_pattern_found(text: str) -> None:
    # ``_MIXED`` opens with the Latin letter so the engine can skip to it: it must say
    # what the plain pattern of a Cyrillic and a Latin letter side by side says.
    pair = re.compile("[\u0400-\u04ff][A-Za-z]|[A-Za-z][\u0400-\u04ff]")
    assert (_MIXED.search(text) is None) == (pair.search(text) is None)


def test_stress_marks_and_look_alikes_are_still_composed_in_long_text() -> None:
    # the writer's fast paths (marks looked for in C, the pattern skipping to Latin
    # letters) must still find one mark or one look-alike far into an article's text
    filler = "Общината обяви нов проект за ремонт на улиците. " * 40
    assert composed(filler + "Ру\u0301се") == filler + "Русе"
    assert composed(filler + "Mинистерски") == filler + "Министерски"
    assert composed(filler) == filler


@pytest.mark.parametrize(
    ("typed", "mixed"),
    [
        ("Рuсе", True),  # one Latin letter inside a Cyrillic word
        ("Obshtinata", False),  # Latin alone
        ("Русе Ruse", False),  # two scripts, each its own word
        ("Café", False),  # an accented Latin letter is Latin, not another script
        ("Αθήνα Athina", False),
    ],
)
def test_mixes_scripts_is_a_latin_letter_beside_a_cyrillic_one(typed: str, mixed: bool) -> None:
    """The search hint's "has Latin letters in a Cyrillic word" reads the rule ``composed``
    respells by: its own copy called "Café" a Cyrillic word (any non-ASCII letter counted
    as another script)."""
    assert mixes_scripts(typed) is mixed


@pytest.mark.parametrize(
    ("typed", "guess"),
    [
        ("Рuсе", "Русе"),  # inside a Cyrillic word: its look-alike letters' twins
        ("Moé", "моé"),  # beside an accented Latin letter: a Latin word, spelled by the law
    ],
)
def test_the_guess_reads_a_word_as_cyrillic_by_the_hints_rule(typed: str, guess: str) -> None:
    """``cyrillic_guess`` and the hint's wording ("has Latin letters in a Cyrillic word")
    tell a Latin run inside a Cyrillic word by one rule, ``mixes_scripts``: the guess's own
    test took any other letter beside it ("é") for a Cyrillic word's."""
    assert cyrillic_guess(typed) == guess


def test_tokens_alphanumeric_is_exactly_the_token_class() -> None:
    """``tokens`` takes a white-space-separated piece that ``str.isalnum`` accepts as a
    token whole, and splits at white space first: both are ``TOKEN``'s rule only while
    every code point agrees with it, and no white space is alphanumeric."""
    import sys

    from newsarchive.archive.lemmas import TOKEN

    letter = re.compile(TOKEN.pattern.removesuffix("+"))
    for point in range(sys.maxunicode + 1):
        char = chr(point)
        assert bool(letter.fullmatch(char)) == char.isalnum(), hex(point)
        assert not (char.isspace() and char.isalnum()), hex(point)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("аБв Ё_1²,.-\u00a0\u2028\t\n\u0301\u00adXyz№‿")))
def test_tokens_are_the_token_patterns_matches(text: str) -> None:
    """The white-space split of ``tokens`` gives what the regular expression gives."""
    from newsarchive.archive.lemmas import TOKEN, tokens

    assert tokens(text) == TOKEN.findall(text.lower())
    assert tokens("Кметът, на 2-ри_май: „Русе“.") == ["кметът", "на", "2", "ри", "май", "русе"]
