"""The quicker forms of the patterns searched through long texts match where the plain
forms did: the edge cases where they could differ, and a brute-force check of the
ignore-case letter classes their look-aheads use."""

import re
import sys
from collections.abc import Iterable

import pytest

from newsarchive import led_words
from newsarchive.extraction import bylines

# Every code point but the surrogates, which a str can hold but no text decodes to.
_EVERY_CHARACTER = "".join(
    chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF
)


def _ignore_case_matches(pattern: str) -> set[str]:
    return set(re.findall(pattern, _EVERY_CHARACTER, re.IGNORECASE))


def test_an_ignore_case_class_takes_what_its_letters_take() -> None:
    """The look-ahead of ``_IN_TEXT`` lets through every character a label's first
    letter matches ignoring case (Kelvin's "K", the long "ſ", the old Cyrillic forms)."""
    initials = bylines._LABEL_INITIALS
    as_class = _ignore_case_matches(f"[{initials}]")
    as_letters = _ignore_case_matches("|".join(initials))
    assert as_class == as_letters
    assert "ſ" in as_class  # (the long s: "ſubmitted by")


def test_every_label_opens_with_a_letter() -> None:
    """``_LABEL_INITIALS`` reads a label's first character as its first letter."""
    assert all(label[:1].isalpha() for label in bylines._NAMING_LABEL.split("|"))
    assert all(agent[:1].isalpha() for agent in bylines._CAPITAL_AGENTS.split("|"))


# The plain pattern as it was: "^" alternatives tried at every character.
_PLAIN_IN_TEXT = re.compile(
    rf"(?:^\s*(?P<lead>by|от):?|(?:^|[\s|•·])(?P<prefix>(?i:{bylines._NAMING_LABEL})\s*:|"
    rf"(?i:{bylines._POSTED_BY}):?|(?:By|BY|От|ОТ):?))(?:\s+|(?=[A-ZА-ЯЁ][a-zа-яё]))"
)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "by Jane Doe",
        "  от Мария Петрова",
        "By Jane Doe",
        "Автор: Иван Петров",
        " Автор: Иван Петров",
        "|Автор:Иван Петров",
        "• By Jane Doe · Posted by John Roe",
        "Автор: Иван Петров Автор: Мария Петрова",
        "ByJane Doe and ByJohn",
        "АВТОР: МАРИЯ ПЕТРОВА\nТекст и снимки: Иван Колев",
        "ſubmitted by Jane Doe",
        "Новини от БТА. От Мария Петрова, Публикувано от Иван Колев",
        "authorship: none, nearby Jane",
        "xBy Jane Doe",
        "by",
    ],
)
def test_in_text_labels_are_the_plain_patterns_matches(text: str) -> None:
    def seen(
        matches: Iterable[re.Match[str]],
    ) -> list[tuple[tuple[int, int], str | None, str | None]]:
        return [(m.span(), m["prefix"], m.groupdict().get("lead")) for m in matches]

    assert seen(bylines._in_text_labels(text)) == seen(_PLAIN_IN_TEXT.finditer(text))


@pytest.mark.parametrize("letter", list(led_words._ALPHABETS))
def test_case_forms_are_what_ignore_case_takes(letter: str) -> None:
    assert set(led_words.case_forms(letter)) == _ignore_case_matches(letter)


@pytest.mark.parametrize("letter", ["é", "", "ab", "A"])
def test_a_letter_off_the_record_is_refused(letter: str) -> None:
    """(a word opening with a sign or a capital has no class led_words could write)"""
    with pytest.raises(ValueError, match="no case forms"):
        led_words.case_forms(letter)


_PLAIN_NOT_WRITERS = re.compile(bylines._NOT_WRITER, re.IGNORECASE)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "e",
        "edited",
        "Edited by Jane Doe",
        "Reviewed by: Jane Doe",
        "Текст: Мария Петрова. Редактор: Иван Колев",
        "РЕДАКТИРАНО ОТ ИВАН КОЛЕВ",
        "Fact-checked, FACT CHECKED and factchecked",
        "xedited, _edited, 9edited, edited9, reviewedx, нередактиран",
        "(edited)\nПроверила: Мария",
        "редактирана редакцията",
        "editorial desk, reviewer, free text",
    ],
)
def test_not_writers_matches_where_the_plain_pattern_does(text: str) -> None:
    def spans(*found: re.Match[str] | None) -> list[tuple[int, int] | None]:
        return [m.span() if m else None for m in found]

    quick, plain = bylines.NOT_WRITERS, _PLAIN_NOT_WRITERS
    assert spans(quick.search(text), quick.match(text)) == spans(
        plain.search(text), plain.match(text)
    )
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_han_letter_has_only_itself_for_case_forms() -> None:
    """A Chinese editor's label ("责任编辑", ``bylines._NOT_WRITER_WORDS``) opens with a
    letter of a script with no case: ignore-case takes it alone, and the quick pattern
    finds the label where the plain one does."""
    for letter in "责責编編":
        assert set(led_words.case_forms(letter)) == _ignore_case_matches(letter)
    text = "记者李明报道。\n责任编辑：刘洋 （责编：王伟） 编辑部 主编辑"
    quick, plain = bylines.NOT_WRITERS, _PLAIN_NOT_WRITERS
    assert [m.span() for m in quick.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert quick.search(text) is not None
