"""The string tests in front of three boilerplate-line rules (``clean.is_boilerplate_line``)
must be exact: every line a rule matches passes its test. The opening characters are
written out in the source; here they are found again by trying every code point."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.extraction import clean, content, openers
from newsarchive.extraction.blocks import Block


def _openers(first: str) -> frozenset[str]:
    """Every character IGNORECASE lets ``first`` (a one-character pattern) match."""
    pattern = re.compile(first, re.IGNORECASE)
    return frozenset(c for c in map(chr, range(0x110000)) if pattern.fullmatch(c))


def test_a_bar_line_opens_only_with_the_characters_written_out() -> None:
    letters = "".join(sorted({label[0] for label in clean._BAR_LABELS.split("|")}))
    gap = clean._BAR_GAP.removesuffix("*")  # the separators' class
    assert clean.BAR_OPENERS == _openers(f"{gap}|[{letters}]")


def test_a_read_more_line_without_a_bar_is_one_of_the_gated_line_rules() -> None:
    """Its phrases, in every language, are one vocabulary (``clean._MORE_PHRASES``): the
    line alone is a line rule, gated by its first character with the others; after a
    bar, ``_MORE_LINE`` reads the same phrases."""
    assert f"^{clean._MORE_PHRASES}" in clean._LINE_RULES
    assert clean._MORE_LINE.pattern.endswith(clean._MORE_PHRASES)
    for line in ("Прочети още", "ſee more »", "Weiterlesen →", "Lire la suite", "Leer más",
                 "Leggi tutto »", "Leia mais", "Citește mai mult", "Devamını oku",
                 "Czytaj dalej", "Титла | Weiterlesen"):  # fmt: skip
        assert clean.is_boilerplate_line(line), line
    assert not clean.is_boilerplate_line("Weiterlesen lohnt sich, sagt der Bürgermeister.")


def test_a_line_rule_opens_only_with_the_characters_written_out() -> None:
    letters: set[str] = set()
    for rule in clean._LINE_RULES:
        first = openers.first_characters(rule)
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
    "İn this article", "ınfo", "Ᲊнимка: БТА", "ᲃподели", "Table of contents", "(c) 2024",
    "©", "/ИК/", "×", "x", "Advert", "Виж още", "Коментари (3)", "Тази страница",
]  # fmt: skip


def _decided_by_the_one_alternation(line: str) -> bool:
    """The old decision, and the same of the line without the icons opening it where
    no rule opens with its first sign ("📱 Participe do canal…", ``clean._without_signs``)."""
    bare = clean._without_signs(line)
    return bool(
        _OLD.search(line)
        or clean._ends_in_photo_credit(line)
        or clean.reserves_rights(line)
        or clean._BARRED_HEADLINE.match(line)
        or clean.labels_and_copyright(line)
    ) or (
        bare != line
        and bool(bare)
        and line[:1] > "\u2000"
        and line[:1] not in clean.LINE_RULE_OPENERS
        and _decided_by_the_one_alternation(bare)
    )


@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=8))
def test_the_gated_rules_decide_as_the_one_alternation_did(pieces: list[str]) -> None:
    line = "".join(pieces)
    assert clean.is_boilerplate_line(line) == _decided_by_the_one_alternation(line), line


def test_a_line_opening_with_an_icon_is_decided_without_it_too() -> None:
    """(the pieces' draw that found the oracle above short of the icons' rule)"""
    assert clean.is_boilerplate_line("→site.bta")
    assert clean.is_boilerplate_line("📱 Participe do canal do g1 PR no WhatsApp")
    assert not clean.is_boilerplate_line("→ Общината ремонтира улицата до края на месеца.")


def test_each_gated_rule_still_takes_its_lines() -> None:
    for line in ("site.bta", "| ||||||", "| | RSS", "Print | Email", "", "ſee more »",
                 "Нов парк | към новината →", "Прочети още"):  # fmt: skip
        assert clean.is_boilerplate_line(line), line
    for line in ("site. bta", "Printer", "Заглавие към новината, каза той"):
        assert not clean.is_boilerplate_line(line), line


@given(st.sampled_from(sorted(clean.LINE_RULE_OPENERS)), st.text(max_size=40))
def test_a_line_s_group_of_rules_decides_as_all_rules_do(opener: str, rest: str) -> None:
    """The rules split by a line's first character (``clean._LINE_RULES_BY_OPENER``): a
    line opening with any character the rules can open with, widened by IGNORECASE
    ("ſ", "ı", "ᲃ"), is matched by its group exactly when by one of the rules."""
    line = opener + rest
    every_rule = re.compile("|".join(f"(?:{rule})" for rule in clean._LINE_RULES), re.I)
    grouped = clean._LINE_RULES_BY_OPENER[opener]
    assert bool(grouped.search(line)) == bool(every_rule.search(line)), line


def test_each_rule_s_own_lines_open_its_group() -> None:
    """Lines only IGNORECASE's equivalents open: a group built from the written letters
    alone would leave them untried."""
    for line in ("ſhare", "ᲃподели", "İn this article", "ıN THIS POST", "СНИМКА: БТА", "×"):
        grouped = clean._LINE_RULES_BY_OPENER[line[0]]
        assert grouped.search(line), line
        assert clean.is_boilerplate_line(line), line


def test_a_rule_whose_openers_are_not_plain_goes_into_every_group() -> None:
    assert openers.first_characters(r"^\w+ ок$") is None
    assert openers.first_characters(r"^.+ ок$") is None
    assert openers.first_characters(r"^(?:a)?") is None  # can match the empty line
    table = clean._rules_by_opener((r"^Виж\b", r"^.+ ок$"))
    assert set(table) == clean.LINE_RULE_OPENERS
    for opener in clean.LINE_RULE_OPENERS:
        assert table[opener].search(opener + "ab ок"), opener
    assert table["В"].search("Виж")
    assert not table["T"].search("Tиж")  # a Latin T: not the rule's Cyrillic letter


@given(st.from_regex(re.compile(clean._LIST_HEADING, re.IGNORECASE), fullmatch=True))
def test_a_related_list_s_heading_line_is_one_of_the_related_headings(line: str) -> None:
    """One vocabulary: the heading a line rule drops is a heading the body's cut reads."""
    assert clean.is_boilerplate_line(line), line
    assert clean.STANDS_AS_RELATED.match(line), line


def test_the_see_also_words_are_a_line_rule_and_a_heading() -> None:
    for words in ("Виж още", "Вижте също", "Прочетете още", "Четете също", "ВИЖ ОЩЕ"):
        assert clean.is_boilerplate_line(f"{words}: Нов парк в центъра"), words
        assert clean.STANDS_AS_RELATED.match(f"{words}:"), words
        assert clean.STARTS_RELATED.match(f"{words} за Русе"), words
    assert not clean.is_boilerplate_line("Вижда се още отдалеч")


def test_every_footer_label_separator_passes_both_gates() -> None:
    """``labels_and_copyright`` and ``is_boilerplate_line`` each test the separators as
    chained literals before the rule (a call per paragraph costs more): a separator added
    to ``_LABEL_SEPARATORS`` alone would split a row no gate lets through."""
    for sep in clean._LABEL_SEPARATORS:
        line = f"Карта на сайта {sep} Контакти {sep} © 2026 Община Тест"
        assert clean.labels_and_copyright(line), sep
        assert clean.is_boilerplate_line(line), sep


def test_a_related_lists_class_words_name_furniture_to_the_body_and_the_dates_alike() -> None:
    """``clean.RELATED_LIST_WORDS``, one spelling for both: a "see-also" box is cut from
    the body and never gives the article its date."""
    from newsarchive.extraction.furniture import _related_marker

    for marker in ("news-teaser", "see-also box", "post_prev-next"):
        assert clean.is_boilerplate_marker(marker), marker
        assert _related_marker(marker), marker
    assert not clean.is_boilerplate_marker("teaserish") and not _related_marker("teaserish")


def test_the_comments_word_makes_both_its_line_and_its_heading() -> None:
    """The comments box's word is spelled once (``clean._COMMENT``): the heading left as a
    line takes its count after a colon too, the heading over the box a count before it."""
    for line in ("Коментари", "Коментари (3)", "Коментари: 3"):
        assert clean.is_boilerplate_line(line), line
    for heading in ("Коментари", "Коментари (3)", "3 коментара", "Коментарите"):
        assert clean.STANDS_AS_RELATED.match(heading), heading
    assert not clean.is_boilerplate_line("3 коментара")  # a count alone: a heading's, not a line's
    assert not clean.STANDS_AS_RELATED.match("Коментари: 3")


def test_a_comment_forms_notice_opens_only_with_the_characters_written_out() -> None:
    # matched IGNORECASE as a line of its own (``_LINE_RULES``) and as the head of the
    # comments (``content``): its openers are those IGNORECASE takes, as for every rule here
    written = openers.first_characters(clean.COMMENTS_CLOSED)
    assert written
    assert clean.COMMENTS_CLOSED_OPENERS == _openers(f"[{''.join(sorted(written))}]")


@pytest.mark.parametrize("case", [str, str.upper, str.lower])
def test_a_comment_forms_notice_heads_the_comments_in_any_case(case: Callable[[str], str]) -> None:
    notice = case("Само регистрирани потребители могат да добавят коментари.")
    assert clean.is_boilerplate_line(notice)
    block = Block(text=notice, link_share=0.0, tag="div", size=len(notice))
    assert content._heads_related(block)  # (so are the other headings: "КОМЕНТАРИ (3)")


def test_a_rule_opening_with_a_group_is_split_at_its_own_bars_only() -> None:
    """``clean._branches``: a bar inside a nested group, a class or after a backslash is
    no branch's end; each branch keeps the rule's tail; any other rule stays whole."""
    assert clean._branches(r"^(?:a|b(?:c|d)|[|x]|\|)\s*:") == [
        r"^(?:a)\s*:", r"^(?:b(?:c|d))\s*:", r"^(?:[|x])\s*:", r"^(?:\|)\s*:"
    ]  # fmt: skip
    assert clean._branches(r"^Виж\b") == [r"^Виж\b"]
    for rule in clean._LINE_RULES:
        whole = re.compile(rule, re.IGNORECASE)
        parts = [re.compile(branch, re.IGNORECASE) for branch in clean._branches(rule)]
        for line in ("Diese Website verwendet Cookies", "Tags: a, b", "Снимка: БТА", "Sommaire"):
            assert bool(whole.search(line)) == any(p.search(line) for p in parts), (rule, line)
