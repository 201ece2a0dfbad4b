"""transliteration: Latin spellings read back as Bulgarian (pure, no archive)."""

from __future__ import annotations

from newsarchive.transliteration import LATIN, from_latin, hard_sign_readings, with_final_ia


def test_a_word_the_law_writes_with_a_for_its_hard_sign_has_that_reading() -> None:
    # the law writes "ъ" and "а" alike: "savet" read back was only "сават"
    assert from_latin("savet") == "савет" and hard_sign_readings("савет") == ["съвет"]
    assert "кметът" in hard_sign_readings(from_latin("kmetat") or "")
    assert hard_sign_readings(from_latin("Balgaria") or "")[0] == "българия"


def test_readings_try_fewer_hard_signs_first_and_a_bounded_number() -> None:
    assert hard_sign_readings("ааа") == ["ъаа", "аъа", "ааъ", "ъъа", "ъаъ", "аъъ", "ъъъ"]
    assert len(hard_sign_readings("а" * 12)) == 2**4 - 1
    assert hard_sign_readings("русе") == []


def test_a_final_ia_is_spelled_and_read_back_by_one_rule() -> None:
    # the law's exception, written by the author-link rule and read by the search hint
    for word in ("мария", "история", "стоянова"):
        spelled = with_final_ia(word.translate(LATIN))
        assert from_latin(spelled) == word
    assert with_final_ia("mariya") == "maria" and with_final_ia("maria") == "maria"
    assert with_final_ia("iyana") == "iyana"  # only at a word's end
