"""The one threshold both a page's charset and a broken feed's re-reading go by."""

from __future__ import annotations

from newsarchive.utf8_strays import GOOD_PER_BAD, stray_bytes_only


def test_a_few_stray_bytes_among_many_letters_leave_utf8() -> None:
    letters = "Община" * 10  # 60 Cyrillic letters
    assert stray_bytes_only(letters + "\ufffd" * (60 // GOOD_PER_BAD))
    assert not stray_bytes_only(letters + "\ufffd" * (60 // GOOD_PER_BAD + 1))
    assert not stray_bytes_only("ascii only \ufffd")  # ASCII counts for nothing
    assert stray_bytes_only("no broken byte at all")
