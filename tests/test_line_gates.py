"""The string tests in front of three boilerplate-line rules (``clean.is_boilerplate_line``)
must be exact: every line a rule matches passes its test. The opening characters are
written out in the source; here they are found again by trying every code point."""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parser

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


def _first_characters(items: list[tuple[object, object]]) -> set[str] | None:
    """The characters a parsed pattern's match can open with, as written (before
    IGNORECASE adds its equivalents), or None where that is not plain from the parse."""
    found: set[str] = set()
    for op, arg in items:
        if op is sre.AT:
            continue  # "^"
        if op is sre.LITERAL:
            return found | {chr(arg)}  # type: ignore[arg-type]
        if op is sre.IN:
            for kind, value in arg:  # type: ignore[attr-defined]
                if kind is sre.LITERAL:
                    found.add(chr(value))
                elif kind is sre.RANGE:
                    found.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None
            return found
        if op is sre.SUBPATTERN:
            inner = _first_characters(arg[3].data)  # type: ignore[index]
            return None if inner is None else found | inner
        if op is sre.BRANCH:
            for branch in arg[1]:  # type: ignore[index]
                inner = _first_characters(branch.data)
                if inner is None:
                    return None
                found |= inner
            return found
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            least, _, repeated = arg  # type: ignore[misc]
            inner = _first_characters(repeated.data)
            if inner is None:
                return None
            found |= inner
            if least == 0:
                continue  # optional: what follows it may open the line too
            return found
        return None
    return None  # (a pattern that can match the empty line: none of the rules)


def test_a_line_rule_opens_only_with_the_characters_written_out() -> None:
    letters: set[str] = set()
    for rule in clean._LINE_RULES:
        first = _first_characters(sre_parser.parse(rule, re.IGNORECASE).data)
        assert first, rule  # each rule's first characters are plain from its parse
        letters |= first
    assert clean.LINE_RULE_OPENERS == _openers(f"[{re.escape(''.join(sorted(letters)))}]")


@given(st.sampled_from(clean._LINE_RULES), st.data())
def test_each_line_rule_s_lines_pass_the_opening_test(rule: str, data: st.DataObject) -> None:
    line = data.draw(st.from_regex(re.compile(rule, re.IGNORECASE), fullmatch=True))
    assert line[:1] in clean.LINE_RULE_OPENERS, line
    assert clean.is_boilerplate_line(line), line


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
