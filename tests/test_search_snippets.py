"""Snippets: cut from the original text, every matched form marked, never a crash."""

from __future__ import annotations

import re
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive.archive.lemmas import TOKEN
from newsarchive.archive.query import parse_query
from newsarchive.archive.search import SNIPPET_TOKENS, Lemmas, Marker
from newsarchive.safe_text import ESCAPE_SEQUENCE

MARKS = ("\x02", "\x03")


def vocab(pairs: dict[str, str]) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE lemma_vocab (form TEXT PRIMARY KEY, lemma TEXT NOT NULL)")
    conn.executemany("INSERT INTO lemma_vocab VALUES (?, ?)", pairs.items())
    return conn


def snippet(text: str, query: str, pairs: dict[str, str] | None = None) -> str:
    pairs = pairs or {}
    parsed = parse_query(query)
    lemmas = {w: pairs[w] for w in parsed.lemma_words() if w in pairs}
    return Marker(vocab(pairs), parsed, Lemmas(dict(lemmas))).snippet(text, ("**", "**"))


def test_every_form_of_the_lemma_is_marked() -> None:
    pairs = {"общината": "община", "общините": "община"}
    text = "Общината и общините, но не общество. Една община."
    assert snippet(text, "общините", pairs) == (
        "**Общината** и **общините**, но не общество. Една **община**."
    )


def test_exact_forms_phrases_and_prefixes() -> None:
    text = "Социалната политика на общината и социални услуги в общината."
    assert snippet(text, '"общината"') == (
        "Социалната политика на **общината** и социални услуги в **общината**."
    )
    assert snippet(text, '"социални услуги"') == (
        "Социалната политика на общината и **социални услуги** в общината."
    )
    assert snippet(text, "социал*") == (
        "**Социалната** политика на общината и **социални** услуги в общината."
    )


def test_window_prefers_more_distinct_words() -> None:
    filler = " ".join(f"дума{i}" for i in range(60))
    text = f"парк {filler} парк и площад заедно {filler}"
    cut = snippet(text, "парк площад")
    assert "**парк** и **площад**" in cut
    assert cut.startswith("…") and cut.endswith("…")


def test_no_match_in_body_gives_its_start() -> None:
    assert snippet("Първо изречение. Второ.", "заглавие") == "Първо изречение. Второ."
    assert snippet("", "заглавие") == ""


WORDS = st.sampled_from(["община", "Общината", "парк", "**", "[b]", "\x1b[0m", "\n", "е"])


@settings(max_examples=200, deadline=None)
@given(
    text=st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=80).map(" ".join)),
    word=st.sampled_from(["община", "парк", "е", "соц*", '"парк община"']),
)
def test_snippet_is_the_original_text_with_marks(text: str, word: str) -> None:
    parsed = parse_query(word)
    conn = vocab({"общината": "община"})
    cut = Marker(conn, parsed, Lemmas()).snippet(text, MARKS)
    plain = cut.replace(MARKS[0], "").replace(MARKS[1], "").strip("…")
    # (a terminal's escape sequence goes whole: ``safe_text.ESCAPE_SEQUENCE``)
    normal = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", " ", ESCAPE_SEQUENCE.sub("", text)).strip()
    normal = re.sub(r"\s+", " ", re.sub(r"\s*\n\s*", " ¶ ", normal)).strip()  # breaks: ¶
    assert plain.strip() in normal
    assert cut.count(MARKS[0]) == cut.count(MARKS[1])
    for marked in re.findall("\x02(.*?)\x03", cut):
        assert TOKEN.search(marked)


def test_a_paragraph_break_inside_a_snippet_stays_visible() -> None:
    # A list's items and a heading run into the next line once the break is a space:
    # "хорово пеене транспорт от и до дома" quotes a sentence the page never printed.
    text = (
        "Какви услуги ще предлага центърът\n"
        "занимания по интереси, включително рисуване и хорово пеене\n"
        "транспорт от и до дома"
    )
    assert snippet(text, "транспорт") == (
        "Какви услуги ще предлага центърът ¶ занимания по интереси, включително рисуване"
        " и хорово пеене ¶ **транспорт** от и до дома"
    )


def test_a_long_run_of_control_characters_is_one_space_in_one_pass() -> None:
    """100,000 control characters between two words (extraction keeps "\x01"; the
    snippet prints each as a space): one space, read once. The paragraph break's pattern
    tried from every one of those spaces read the run's rest each time: minutes."""
    text = "Парк " + "\x01" * 100_000 + " и площад.\n\x01\x01\nКрай."
    assert snippet(text, "парк") == "**Парк** и площад. ¶ Край."


def test_vocabulary_lookups_keep_under_an_old_sqlites_parameter_limit() -> None:
    """A query's words with their sibling forms (``lemmas.sibling_forms``) are bound as
    thousands of values in one ``IN (…)``; SQLite before 3.32, which an older system's
    Python links against, refuses more than 999 ("too many SQL variables")."""
    from newsarchive.archive.lemmas import forms_of, lookup

    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE lemma_vocab (form TEXT PRIMARY KEY, lemma TEXT NOT NULL)")
    rows = [(f"дума{i}та", f"дума{i}") for i in range(2500)]
    conn.executemany("INSERT INTO lemma_vocab VALUES (?, ?)", rows)
    conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    assert lookup(conn, [form for form, _ in rows]) == dict(rows)
    assert forms_of(conn, [lemma for _, lemma in rows]) == dict(rows)


def _window_by_counting(hits: list[tuple[int, int, int]], total: int) -> int:
    """The snippet's window as first written: the matches inside each candidate counted
    anew (quadratic), the definition the one-pass ``Marker._best_window`` must keep."""
    best, best_key = 0, (-1, -1)
    for first, _, _ in hits:
        start = max(0, min(first - 4, total - SNIPPET_TOKENS))
        inside = [h for h in hits if start <= h[0] < start + SNIPPET_TOKENS]
        key = (len({h[2] for h in inside}), len(inside))
        if key > best_key:
            best, best_key = start, key
    return best


@settings(max_examples=500, deadline=None)
@given(st.data())
def test_the_one_pass_window_is_the_window_counted_for_each_match(data: st.DataObject) -> None:
    total = data.draw(st.integers(1, 120))
    firsts = sorted(data.draw(st.sets(st.integers(0, total - 1), max_size=40)))
    hits = [(first, 1, data.draw(st.integers(0, 3))) for first in firsts]
    assert Marker._best_window(hits, total) == _window_by_counting(hits, total)


def test_a_snippet_from_the_texts_start_keeps_what_stands_before_its_first_word() -> None:
    # The window at the text's start began at its first word: a quoted lead lost its
    # opening „ (its closing “ left alone), "(БТА)" read "БТА)", a dialogue lost its dash.
    assert snippet("„Община Русе“ обяви конкурс.", "община") == "„**Община** Русе“ обяви конкурс."
    assert (
        snippet("(БТА) Общината обяви конкурс.", "общината") == "(БТА) **Общината** обяви конкурс."
    )
    assert snippet("\n– Общината е тук, каза той.", "общината") == "– **Общината** е тук, каза той."
    assert snippet("Кметът каза: " + "дума " * 40 + "„Община“", "община").startswith("…")
