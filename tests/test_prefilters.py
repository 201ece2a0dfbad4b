"""The cheap tests before a class-string regex (``clean.may_hold``) hold a stem by hand
for every word of the regex they guard: a word added to the regex without its stem
would never be searched for. Each word the regexes name, in either case, must pass both."""

from __future__ import annotations

import re

import pytest

from newsarchive.extraction import clean, furniture

_RELATED = (
    "see-also seealso latest last-news lastnews recent prev-next prevnext neighbour "
    "neighbours neighbor neighbors similar teaser teasers news-list newslist top-news "
    "topnews most-viewed mostviewed"
).split()
_METADATA = "byline bylines author authors timestamp dateline date published meta".split()
_STATES = ["has-sidebar", "with-rail", "without-rail", "no-thumb", "not-footer", "non-menu"]


@pytest.mark.parametrize(
    ("words", "pattern", "stems"),
    [
        (_RELATED, furniture._RELATED_ATTR, furniture._RELATED_STEMS),
        (_METADATA, clean._METADATA_WORDS, clean.METADATA_STEMS),
        ([f"news-list-{word}" for word in _METADATA], clean.FIELD_TOKEN, clean.METADATA_STEMS),
        (_STATES, clean._STATE_CLASS, clean._STATE_WORDS),
    ],
)
def test_every_word_a_class_regex_names_passes_its_cheap_test(
    words: list[str], pattern: re.Pattern[str], stems: tuple[str, ...]
) -> None:
    for word in words:
        marker = f"box {word} wide"
        assert pattern.search(marker), word
        assert clean.may_hold(marker.lower(), stems), word


def test_a_related_list_is_known_by_each_of_its_names_in_any_case() -> None:
    for word in _RELATED:
        assert furniture._related_marker(f"box {word.upper()}"), word
    assert not furniture._related_marker("box article-body")


def test_every_phrase_reserving_rights_holds_the_word_looked_for_first() -> None:
    for phrase in clean._RIGHTS_RESERVED:
        assert any(word in phrase for word in clean._RIGHTS_WORDS), phrase
    assert clean.reserves_rights("ВСИЧКИ  ПРАВА\nЗАПАЗЕНИ.")
    assert clean.reserves_rights("© 2026 Община Русе. All Rights Reserved")
    assert not clean.reserves_rights("Правата на децата в община Русе")


# Class strings where the word rules' edges matter: a word at the start, at the end,
# alone, behind each separator, inside a longer word, hyphenated or run together, and a
# string that ends in a newline (where ``$`` also matches).
_EDGES = [
    "share",
    "share-box",
    "box share",
    "box_share",
    "box-share",
    "box\tshare\n",
    "sharebox",
    "boxshare",
    "read-more",
    "readmore",
    "read_more",
    "you-may-like",
    "youmaylike",
    "up-next-rail",
    "imageembedcaption",
    "articlebyline",
    "entry-content",
    "post-title col-md-8",
    "",
    " ",
    "sociál",
    "ads",
    "adsense",
    "header",
]


def test_the_boilerplate_words_split_in_two_searches_find_what_one_alternation_did() -> None:
    one = re.compile(f"{clean._BOILERPLATE_ATTR.pattern}|{clean._BOILERPLATE_INFIX.pattern}")
    assert clean._SPACED_ATTR.pattern.startswith("[\\s_-](?:c(?:ookies?|")
    for marker in _EDGES:
        assert clean._names_boilerplate(marker) == bool(one.search(marker)), marker


def _forms(word: str) -> set[str]:
    """A word of ``clean._BOILERPLATE_WORDS`` as pages spell it: in full ("read-more",
    "recirculation") and short ("readmore", "recirc"), a group by its first choice."""
    full = re.sub(r"\(\?:([^|)]*)[^)]*\)\??", r"\1", word).replace("?", "")
    short = re.sub(r"\(\?:([^|)]*)[^)]*\)", r"\1", re.sub(r"\(\?:[^)]*\)\?", "", word))
    return {full, re.sub(r".\?", "", short)}


_ATTR_FORMS = sorted({form for word in clean._BOILERPLATE_WORDS for form in _forms(word)})


def test_the_words_branching_on_their_first_letters_are_the_same_words() -> None:
    """``_SPACED_ATTR`` groups the words under their first letters: each must open with a
    plain letter (one a quantifier followed would not be that letter's alone), and each,
    in every form, is found as before and only where it was."""
    words = clean._BOILERPLATE_WORDS
    assert all(word[0].isalpha() and word[1:2] not in ("?", "*", "+", "{") for word in words)
    around = ("{}", "x-{}", "x_{}", "x {}", "x{}", "{}y", "{}-y", "{}_y")
    spelled = [form.format(word) for word in _ATTR_FORMS for form in around]
    for marker in [*spelled, *_EDGES]:
        assert bool(clean._SPACED_ATTR.search(f" {marker}")) == bool(
            clean._BOILERPLATE_ATTR.search(marker)
        ), marker
