"""Bulgarian letters in Latin ones, as the official transliteration writes them (Закон за
транслитерацията, 2009), and back.

Forward, it is how Bulgarian sites spell their host names: "Дневник" is dnevnik.bg, "24
часа" 24chasa.bg, "Община Бургас" lives on burgas.bg. Back, it is a guess at what a
reader typing on a Latin keyboard meant ("Ruse" for "Русе", "Obshtina" for "Община"): the
table read backwards, the more common letter where two share a spelling ("a" is "а", not
"ъ"; "y" is "й", not "ь"), and the law's one exception, a final "ия" written "ia"
("Sofia"). A guess is only offered where it finds something.
"""

from __future__ import annotations

import re
from itertools import combinations

LATIN = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch",
        "ш": "sh", "щ": "sht", "ъ": "a", "ь": "y", "ю": "yu", "я": "ya",
    }
)  # fmt: skip

# The law's one exception to its table: a word's final "ия" is written "ia" ("София" is
# "Sofia"), not the table's "iya".
_FINAL_IA = "ия"
_FINAL_IA_LATIN = "ia"
_FINAL_IA_TABLE = _FINAL_IA.translate(LATIN)


def with_final_ia(spelled: str) -> str:
    """A word in Latin letters with the table's final "iya" written as the law's "ia":
    the spelling of a word that ``from_latin`` reads back, and the one most addresses
    use ("mariya" is "maria")."""
    if spelled.endswith(_FINAL_IA_TABLE):
        return spelled[: -len(_FINAL_IA_TABLE)] + _FINAL_IA_LATIN
    return spelled


# Latin spelling -> the letter it stands for, the first of the table's letters to use it
_BACK: dict[str, str] = {}
for _letter, _spelled in LATIN.items():
    _BACK.setdefault(str(_spelled), chr(_letter))
# the longest spelling first, so "sht" is "щ" and not "с" + "х" + "т"
_SPELLINGS = re.compile("|".join(sorted(map(re.escape, _BACK), key=len, reverse=True)))


def from_latin(word: str) -> str | None:
    """A word of Latin letters in Cyrillic as the law spells Bulgarian, or None when it
    is no such spelling (an English word: q, w, x, a lone c or j)."""
    word = word.lower()
    final = word.endswith(_FINAL_IA_LATIN)
    stem, ending = (word[: -len(_FINAL_IA_LATIN)], _FINAL_IA) if final else (word, "")
    out, pos = [], 0
    for match in _SPELLINGS.finditer(stem):
        if match.start() != pos:
            return None
        out.append(_BACK[match.group(0)])
        pos = match.end()
    if pos != len(stem) or not stem:
        return None
    return "".join(out) + ending


# Readings tried per word: the "а"s of a word turned "ъ" in every combination up to this
# many of them (a word holds one or two; each reading is one index lookup).
_MOST_HARD_SIGNS = 4


def hard_sign_readings(spelled: str) -> list[str]:
    """``from_latin``'s spelling read with "ъ" for its "а"s, fewer first: the law writes
    both as "a", so "savet" is "сават" to ``from_latin`` and "съвет" to a reader ("kmetat"
    is "кметът", "Balgaria" "България"). Without ``spelled`` itself; empty when it has no
    "а". Only its first ``_MOST_HARD_SIGNS`` "а"s are tried."""
    places = [i for i, letter in enumerate(spelled) if letter == "а"][:_MOST_HARD_SIGNS]
    readings: list[str] = []
    for count in range(1, len(places) + 1):
        for chosen in combinations(places, count):
            letters = list(spelled)
            for i in chosen:
                letters[i] = "ъ"
            readings.append("".join(letters))
    return readings
