"""The string tests in front of three boilerplate-line rules (``clean.is_boilerplate_line``)
must be exact: every line a rule matches passes its test. The opening characters are
written out in the source; here they are found again by trying every code point."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsarchive.extraction import clean


def _openers(first: str) -> frozenset[str]:
    """Every character IGNORECASE lets ``first`` (a one-character pattern) match."""
    pattern = re.compile(first, re.IGNORECASE)
    return frozenset(c for c in map(chr, range(0x110000)) if pattern.fullmatch(c))


def test_a_bar_line_opens_only_with_the_characters_written_out() -> None:
    letters = "".join(sorted({label[0] for label in clean._BAR_LABELS.split("|")}))
    gap = clean._BAR_GAP.removesuffix("*")  # the separators' class
    assert clean.BAR_OPENERS == _openers(f"{gap}|[{letters}]")


def test_a_read_more_line_without_a_bar_opens_with_the_characters_written_out() -> None:
    # its phrases: "към новината", "see more", "прочети(те) …"
    assert "(?:към новината|see more|прочети(?:те)? (?:" in clean._MORE_LINE.pattern
    assert clean.MORE_OPENERS == _openers("[кsп]")


_OLD = re.compile(
    "|".join(
        f"(?:{rule.pattern if isinstance(rule, re.Pattern) else rule})"
        for rule in (*clean._LINE_RULES, clean._I18N_KEY, clean._BAR_LINE, clean._MORE_LINE)
    ),
    re.IGNORECASE,
)
_PIECES = [
    "site.bta", "news.modal.text", "| ", "¦", "•", "RSS", "Print", "ſhare", "ᲃподели",
    "Facebook", "X", "към новината", "→", "»", "see more", "ſee more", "прочети още",
    "Прочетете повече", " | ", "Заглавие", "\u00a0", "\n", "Kелвин", "word", ".", "_1",
]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=8))
def test_the_gated_rules_decide_as_the_one_alternation_did(pieces: list[str]) -> None:
    line = "".join(pieces)
    assert clean.is_boilerplate_line(line) == bool(
        _OLD.search(line) or clean._ends_in_photo_credit(line) or clean.reserves_rights(line)
    ), line


def test_each_gated_rule_still_takes_its_lines() -> None:
    for line in ("site.bta", "| ||||||", "| | RSS", "Print | Email", "", "ſee more »",
                 "Нов парк | към новината →", "Прочети още"):  # fmt: skip
        assert clean.is_boilerplate_line(line), line
    for line in ("site. bta", "Printer", "Заглавие към новината, каза той"):
        assert not clean.is_boilerplate_line(line), line
