"""Ignore-case alternations of words in a form Python's regex engine can skip ahead in.

The engine finds where a search can start only from a pattern's leading literal or its
leading class of case-sensitive characters: an ignore-case word, a look-ahead or ``\\b``
in front leaves it trying the whole pattern at every character of the text, a hundred
instructions and more each. ``led_words`` writes an alternation so that it opens with a
case-sensitive class of every character that can start one of its words, the engine
jumping from one to the next; after it a one-character look-behind checks each word's
first letter ignoring case, as the plain alternation's first letter did, in the same
order, so the same text matches the same word.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

# The characters besides a letter's two cases that ignore-case matching takes for it (its
# case tables tie the long "ſ" to "s", the Kelvin sign to "k", the old Cyrillic letter
# forms to "в", "д", "о", "с", "т", "ъ"): for the Latin and the Bulgarian alphabets,
# checked over all of Unicode in tests/test_regex_equivalence.py.
_OTHER_FORMS = {
    "i": "İı", "k": "\u212a", "s": "ſ", "в": "ᲀ", "д": "ᲁ", "о": "ᲂ", "с": "ᲃ", "т": "ᲄᲅ",
    "ъ": "ᲆ",
}  # fmt: skip
_ALPHABETS = "abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъьюя"


def case_forms(letter: str) -> str:
    """Every character ignore-case matching takes for ``letter`` (a small letter of the
    Latin or Bulgarian alphabet, or a letter of a script with no case, a Han character:
    only itself; any other is refused: its forms are not on record)."""
    if len(letter) == 1 and unicodedata.category(letter) == "Lo":
        return letter
    if len(letter) != 1 or letter not in _ALPHABETS:
        raise ValueError(f"no case forms on record for {letter!r}")
    return letter + letter.upper() + _OTHER_FORMS.get(letter, "")


def led_words(words: Sequence[str], *, word_start: bool = False) -> str:
    """``(?:word|word|…)`` for an ignore-case pattern, led by the class of its words'
    first characters in every case (each word opens with a small letter, then any
    regex); with ``word_start``, ``\\b(?:word|word|…)``: the class consumes the first
    character, so the boundary before it is read as no word character before that one
    (``(?<!\\w.)``; the first character is a letter, a word character itself)."""
    lead = "".join(dict.fromkeys(form for word in words for form in case_forms(word[:1])))
    rest = "|".join(f"(?<={word[0]}){word[1:]}" for word in words)
    boundary = r"(?<!\w.)" if word_start else ""
    return f"(?-i:[{lead}]){boundary}(?:{rest})"
