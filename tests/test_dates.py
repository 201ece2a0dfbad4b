"""Bulgarian dates as the four sites print them: day-first, month names, weekdays, times."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsarchive import date_stamps, date_words, dates, relative_dates
from newsarchive.date_stamps import Published, parse_feed_date, parse_iso, parse_with_formats
from newsarchive.date_words import MONTH_WORD
from newsarchive.dates import find_text_dates, parse_text_date

TODAY = dt.date(2025, 12, 16)
EEST = dt.timezone(dt.timedelta(hours=3))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ruse24: time first, then the numeric date
        ("16:12 / 20.11.2024", dt.datetime(2024, 11, 20, 16, 12)),
        ("Публикувана: 09:05 / 03.02.2025", dt.datetime(2025, 2, 3, 9, 5)),
        # obshtinaruse.bg: weekday, day, month name, year, no time
        ("понеделник, 15 декември 2025", dt.date(2025, 12, 15)),
        ("Петък, 5 септември 2025 г.", dt.date(2025, 9, 5)),
        ("СРЯДА, 01 ЯНУАРИ 2025", dt.date(2025, 1, 1)),
        # namrb.org listings and old ruse-bg.eu pages: DD.MM.YYYY
        ("26.07.2022", dt.date(2022, 7, 26)),
        ("12.10.2018 г.", dt.date(2018, 10, 12)),
        ("Брой 44 / 24-10-2025г.", dt.date(2025, 10, 24)),
        # BTA dateline: place, date and time
        ("София, 21.06.2025 11:01 (БТА)", dt.datetime(2025, 6, 21, 11, 1)),
        ("12.10.2018, 09:05 ч.", dt.datetime(2018, 10, 12, 9, 5)),
        # date, a bar, then the time (old PHP/Bitrix-era templates: "DATE | TIME")
        ("30.11.2025 | 14:05", dt.datetime(2025, 11, 30, 14, 5)),
        ("30 Ноември 2025 г. | 14:05 ч.", dt.datetime(2025, 11, 30, 14, 5)),
        ("30.11.2025 | Прочетено 14 пъти", dt.date(2025, 11, 30)),
        # month names, short forms, "г." and "в HH:MM ч."
        ("26 юли 2022 г.", dt.date(2022, 7, 26)),
        ("3 март 2024 г. в 10:30 ч.", dt.datetime(2024, 3, 3, 10, 30)),
        ("15 дек. 2025", dt.date(2025, 12, 15)),
        ("1 окт 2025", dt.date(2025, 10, 1)),
        ("30 ноем. 2025", dt.date(2025, 11, 30)),  # the four-letter cuts of the style guides
        ("3 февр. 2025 г.", dt.date(2025, 2, 3)),
        ("12 ян. 2025 г.", dt.date(2025, 1, 12)),  # the orthographic dictionary's "ян."
        ("9 May 2024", dt.date(2024, 5, 9)),
        # Roman-numeral months, still seen in official texts
        ("12.X.2018 г.", dt.date(2018, 10, 12)),
        ("28.XI.2025, 14:05 ч.", dt.datetime(2025, 11, 28, 14, 5)),
        # ... or set apart by spaces alone, as official letters date themselves
        ("28 XI 2025 г.", dt.date(2025, 11, 28)),
        ("Публикувано на: 3 IV 2025 г., 09:15 ч.", dt.datetime(2025, 4, 3, 9, 15)),
        # ... typed with the Cyrillic letters that look the same (Х, І)
        ("28.\u0425\u0406.2025 г.", dt.date(2025, 11, 28)),
        ("8 \u0425\u0406I 2025 г.", dt.date(2025, 12, 8)),
        ("3.\u0445.2025", dt.date(2025, 10, 3)),
        # relative dates need today's date
        ("днес", dt.date(2025, 12, 16)),
        ("днес в 10:30", dt.datetime(2025, 12, 16, 10, 30)),
        ("Вчера, 18:45", dt.datetime(2025, 12, 15, 18, 45)),
        # WordPress in Bulgarian: "F j, Y", its time after "в" (pelin)
        ("ноември 28, 2025 в 14:35", dt.datetime(2025, 11, 28, 14, 35)),
        ("Ноември 28, 2025", dt.date(2025, 11, 28)),
        # WordPress themes' "j F Y @ H:i": the time after "@" (the day alone before)
        ("27 ноември 2025 @ 09:41", dt.datetime(2025, 11, 27, 9, 41)),
        ("27.11.2025 @ 09:41", dt.datetime(2025, 11, 27, 9, 41)),
        ("ноември 27, 2025 @ 9:41", dt.datetime(2025, 11, 27, 9, 41)),
    ],
)
def test_parse_text_date(text: str, expected: dt.date) -> None:
    assert parse_text_date(text, today=TODAY) == expected


def test_yan_is_a_month_only_after_a_day() -> None:
    """ "ян." is January after a day; alone it is a man's name, not where a byline turns
    into its date."""
    assert MONTH_WORD.search("Ян Петров") is None
    assert parse_text_date("Ян Петров, 2025", today=TODAY) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Drupal's default "D, m/d/Y - H:i" on a Bulgarian site: the weekday picks the reading
        ("пон, 11/03/2025 - 09:30", dt.datetime(2025, 11, 3, 9, 30)),  # a Monday
        ("вт, 11/03/2025 - 09:30", dt.datetime(2025, 3, 11, 9, 30)),  # a Tuesday
        ("Monday, 11/03/2025", dt.date(2025, 11, 3)),
        # both readings a Friday, or no weekday: the page's language decides, day first
        ("пет, 11/07/2025", dt.date(2025, 7, 11)),
        ("11/03/2025", dt.date(2025, 3, 11)),
        # but printed whole in that default's shape, " - " before the time: month first
        ("Fri, 11/07/2025 - 13:12", dt.datetime(2025, 11, 7, 13, 12)),
        ("Submitted by Иван Колев on пет, 11/07/2025 - 13:12", dt.datetime(2025, 11, 7, 13, 12)),
        ("Fri, 11/07/2025 13:12", dt.datetime(2025, 7, 11, 13, 12)),
        ("11/07/2025 - 13:12", dt.datetime(2025, 7, 11, 13, 12)),
        # the weekday still decides where it can: a day-first date in that shape
        ("Thu, 06/11/2025 - 10:22", dt.datetime(2025, 11, 6, 10, 22)),
    ],
)
def test_a_weekday_before_a_slash_date_says_which_reading_it_is(
    text: str, expected: dt.date
) -> None:
    assert parse_text_date(text, today=TODAY) == expected


def test_day_first_never_month_first() -> None:
    assert parse_text_date("03.04.2025") == dt.date(2025, 4, 3)


def test_first_date_in_the_text_wins() -> None:
    assert parse_text_date("обновена 10:00 / 02.01.2025, публикувана 01.01.2025") == (
        dt.datetime(2025, 1, 2, 10, 0)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two dates side by side: the second's day and month are no hour of the first
        ("30.11.2026 19.11.2026", [dt.date(2026, 11, 30), dt.date(2026, 11, 19)]),
        ("30.11.2026, 19.11.2026 г.", [dt.date(2026, 11, 30), dt.date(2026, 11, 19)]),
        # an hour written with a dot is still one
        ("30.11.2026 19.11 ч.", [dt.datetime(2026, 11, 30, 19, 11)]),
        ("30.11.2026, 19.11. Кметът", [dt.datetime(2026, 11, 30, 19, 11)]),
    ],
)
def test_a_date_right_after_a_date_is_no_time(text: str, expected: list[dt.date]) -> None:
    assert [found.value for found in find_text_dates(text)] == expected


@pytest.mark.parametrize(
    "text",
    # "вчера" needs today; a Roman month set apart by spaces only in capitals
    ["", "няма дата тук", "32.13.2025", "Брой 44", "вчера", "на 5 i 2025", "3 x 2025"],
)
def test_no_date(text: str) -> None:
    assert parse_text_date(text) is None


def test_invalid_calendar_date_is_none() -> None:
    assert parse_text_date("31.02.2025") is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-06-21T11:01:29+03:00", dt.datetime(2026, 6, 21, 11, 1, 29, tzinfo=EEST)),
        ("2024-11-20T16:12:00+0300", dt.datetime(2024, 11, 20, 16, 12, tzinfo=EEST)),
        ("2024-11-20T14:12:00Z", dt.datetime(2024, 11, 20, 14, 12, tzinfo=dt.UTC)),
        ("2025-12-15", dt.date(2025, 12, 15)),
        ("2025-12-15 08:30", dt.datetime(2025, 12, 15, 8, 30)),
        ("not a date", None),
    ],
)
def test_parse_iso(value: str, expected: dt.date | None) -> None:
    assert parse_iso(value) == expected


def test_parse_feed_date_rfc822_and_iso() -> None:
    assert parse_feed_date("Sun, 21 Jun 2026 12:14:03 +0300") == dt.datetime(
        2026, 6, 21, 12, 14, 3, tzinfo=EEST
    )
    assert parse_feed_date("2022-07-26T10:00:00+03:00") == dt.datetime(
        2022, 7, 26, 10, 0, tzinfo=EEST
    )


@pytest.mark.parametrize(
    "value",
    [
        "сб, 28 ное 2026 09:00:00 +0300",
        "Съб, 28 Ноем 2026 09:00:00 +0300",
        "28 ноября 2026 09:00:00 +0300",
    ],
)
def test_a_pubdate_a_bulgarian_or_russian_locale_wrote_is_read(value: str) -> None:
    """PHP's strftime after setlocale("bg_BG") names the day and month in Bulgarian."""
    assert parse_feed_date(value) == dt.datetime(2026, 11, 28, 9, 0, tzinfo=EEST)
    assert parse_feed_date("сб, 28 xyz 2026 09:00:00 +0300") is None


def test_parse_with_formats() -> None:
    assert parse_with_formats(" 21.06.2026  11:01 ", ("%d.%m.%Y %H:%M",)) == dt.datetime(
        2026, 6, 21, 11, 1
    )
    assert parse_with_formats("26.07.2022", ("%d.%m.%Y %H:%M", "%d.%m.%Y")) == dt.date(2022, 7, 26)
    assert parse_with_formats("вчера", ("%d.%m.%Y",)) is None


_STAMPISH = st.one_of(
    st.text(max_size=40),
    st.from_regex(r"\d{4}-\d\d-\d\d([T ]\d\d:\d\d(:\d\d)?)?(Z|[+-]\d\d:?\d\d)?", fullmatch=True),
    st.from_regex(
        r"[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}", fullmatch=True
    ),
)


@settings(max_examples=400, deadline=None)
@given(_STAMPISH)
def test_date_parsers_never_raise(value: str) -> None:
    """A feed or a page may state anything where a date belongs ("+99:99", "0001")."""
    for parsed in (parse_iso(value), parse_feed_date(value), parse_text_date(value)):
        assert parsed is None or parsed.year >= 1900
    find_text_dates(value, today=dt.date(2025, 3, 20))


# The date patterns open with a look-ahead for their first characters, only for speed:
# each must find exactly what it finds without it, ignore-case look-alikes included
# ("ſ" is an "s", U+1C81 a "д", the Kelvin sign a "k" to the regex engine).
# (dates.py's parts, split off it: each pattern once, under the name its module gives it)
_LED_PATTERNS = {
    name: value
    for module in (date_words, date_stamps, relative_dates, dates)
    for name, value in vars(module).items()
    if isinstance(value, re.Pattern) and value.pattern.startswith("(?=")
}
_LED = sorted(_LED_PATTERNS)
_ODD_TEXT = st.lists(
    st.sampled_from(
        [*"0123456789 ./-:,apofdmjnstyAPOFDMJNSTYпдвоаимнсфюяПДВО", "ſ", "\u212a", "\u1c80"]
        + ["\u1c81", "\u1c82", "ı", "İ", "\u0307", "٣", "Jan 2024", "преди 3 часа", "today"]
        + ["12.03.2024", "Published", "добавено", "10:30", "XII", "ago", "вчера"]
        + ["Updated", "обновено", "Последна промяна", "EDITED", "актуализация", "ᲂ"]
        + ["\u1c83", "\u1c84", "\u1c85", "credited", "Дата на публикуване", "First published"]
    ),
    max_size=24,
).map("".join)


def test_date_patterns_lead_with_a_look_ahead() -> None:
    assert {"_MONTH_FIRST", "_NUMERIC", "PUBLISHED_WORD", "MODIFIED_WORD"} <= set(_LED)
    # (searched before every date found: ``find_text_dates``)
    assert {"MODIFIED_LABEL", "PUBLISHED_LABEL", "POSTED_BY_LABEL"} <= set(_LED)
    assert "_MAY_HOLD_DATE" in _LED


@pytest.mark.parametrize("name", _LED)
@settings(max_examples=300, deadline=None)
@given(text=_ODD_TEXT)
def test_look_ahead_changes_no_match(name: str, text: str) -> None:
    fast = _LED_PATTERNS[name]
    plain = re.compile(re.sub(r"^\(\?=(?:\\d|\[[^\]]*\])\)", "", fast.pattern), fast.flags)
    assert plain.pattern != fast.pattern
    found = [(m.span(), m.groupdict()) for m in fast.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in plain.finditer(text)]


_SAYS = [
    (date_words.says_published_word, date_words.PUBLISHED_WORD, date_words._PUBLISHED_STARTS,
     date_words._PUBLISHED_LOOKALIKES),
    (date_words.says_modified_word, date_words.MODIFIED_WORD, date_words._MODIFIED_STARTS,
     date_words._MODIFIED_LOOKALIKES),
]  # fmt: skip


@pytest.mark.parametrize(("says", "pattern", "starts", "lookalikes"), _SAYS)
def test_lookalikes_are_all_the_ignore_case_letters_lower_misses(
    says: object, pattern: re.Pattern[str], starts: tuple[str, ...], lookalikes: str
) -> None:
    letters = sorted(set("".join(starts)) - {" "})
    any_letter = re.compile(f"[{''.join(letters)}]", re.IGNORECASE)
    missed = set()
    for code in range(0x110000):
        char = chr(code)
        if 0xD800 <= code < 0xE000 or not any_letter.fullmatch(char):
            continue
        for letter in letters:
            if re.fullmatch(re.escape(letter), char, re.IGNORECASE) and char.lower() != letter:
                missed.add(char)
    assert missed == set(lookalikes)


@pytest.mark.parametrize(("says", "pattern", "starts", "lookalikes"), _SAYS)
def test_every_word_begins_with_one_of_the_starts(
    says: object, pattern: re.Pattern[str], starts: tuple[str, ...], lookalikes: str
) -> None:
    """Each word's letters up to its first pattern sign ("обновен[ао]?": "обновен") open
    with a start, lower-cased; starts sharing letters are one, their common part ("publi"
    for "publicado", "publié", "published"), and each still opens some word."""
    words = (
        date_words._PUBLISHED_WORDS if pattern is date_words.PUBLISHED_WORD
        else date_words._MODIFIED_WORDS
    )  # fmt: skip
    plain = [re.split(r"[\\\[\](){}?*+]", word, maxsplit=1)[0] for word in words.split("|")]
    for start in starts:
        assert start == start.lower()
        assert any(word.startswith(start) for word in plain), start
    for word in plain:
        assert any(word.startswith(start) for start in starts), word
        assert pattern.match(word) or pattern.match(word + "о")  # "обновен[ао]?" and all


@pytest.mark.parametrize(("says", "pattern", "starts", "lookalikes"), _SAYS)
@settings(max_examples=500, deadline=None)
@given(text=_ODD_TEXT)
def test_says_word_finds_what_the_pattern_finds(
    says: Callable[[str], bool],
    pattern: re.Pattern[str],
    starts: tuple[str, ...],
    lookalikes: str,
    text: str,
) -> None:
    assert says(text) == bool(pattern.search(text))


@pytest.mark.parametrize(
    ("says", "text", "expected"),
    [
        (date_words.says_published_word, "Publiſhed on", True),
        (date_words.says_published_word, "ᲁобавено", True),
        (date_words.says_published_word, "FIRST PUBLISHED", True),
        (date_words.says_published_word, "Дата на публикуване", True),
        (date_words.says_published_word, "İ posted", True),
        (date_words.says_published_word, "readded, reposted", False),
        (date_words.says_modified_word, "Reviſed", True),
        (date_words.says_modified_word, "Поᲃледна промяна", True),
        (date_words.says_modified_word, "Last modİfied", True),
        (date_words.says_modified_word, "Photo credited to AP, unedited", False),
        (date_words.says_modified_word, "Последно ПРОМЕНЕНО: 3 май", True),
    ],
)
def test_says_word(says: Callable[[str], bool], text: str, expected: bool) -> None:
    assert says(text) is expected


class _SliceCounting(str):
    """A text that records how long each slice taken of it is."""

    taken: list[int]

    def __getitem__(self, key):  # type: ignore[no-untyped-def]
        part = str.__getitem__(self, key)
        self.taken.append(len(part))
        return part


def test_stands_as_date_reads_only_around_the_word() -> None:
    """A bare "днес" after a comma is common in prose: deciding whether it is a date must
    not copy the rest of a page's text each time (that made a page's read quadratic)."""
    text = _SliceCounting("Кметът каза, днес ще открие зоната. " + "Текст. " * 2000)
    text.taken = []
    start = text.index("днес")
    assert not relative_dates.stands_as_date(text, start, start + 4)
    assert max(text.taken, default=0) < 100


def test_label_words_have_a_bounded_reach() -> None:
    """``_stands_as_date`` reads only the last ``_LABEL_REACH`` characters for a label."""
    assert not any(c in date_words.LABEL_WORDS for c in "+*{")


def _stands_as_date_on_whole_prefix(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip()
    if relative_dates._ANY_LABEL.search(before):
        return True
    if before and before[-1] not in relative_dates._BEFORE_BARE_DAY:
        return False
    after = text[end:].lstrip()
    if after.startswith(","):
        after = after[1:].lstrip()
    return not after[:1].islower() or re.match(r"(?i:от|by)\s+[A-ZА-Я]", after) is not None


@settings(max_examples=500, deadline=None)
@given(
    head=st.lists(
        st.sampled_from(["Публикувано", "обновено", "posted", "Updated", ":", "|", " ", "\n"])
        | st.sampled_from(["а", "b", ".", "ſ", "\u1c81", "\u2003", "x" * 30]),
        max_size=12,
    ).map("".join),
    tail=st.lists(
        st.sampled_from([" ", "\u2003", ",", "Today", "вчера", " в 10:30", "a", "от", "By", "М"]),
        max_size=5,
    ).map("".join),
)
def test_stands_as_date_reads_the_label_as_before(head: str, tail: str) -> None:
    text = f"{head}днес{tail}"
    start = len(head)
    expected = _stands_as_date_on_whole_prefix(text, start, start + 4)
    assert relative_dates.stands_as_date(text, start, start + 4) == expected


# Forms Bulgarian CMSs print that were read wrongly or not at all (fetch day 16 Dec 2025).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Roman month between spaces, as a school's news page types it
        ("Родителска среща, 28 XI 2025 г.", dt.date(2025, 11, 28)),
        ("28 XII 2024", dt.date(2024, 12, 28)),
        # ordinal days: "28-ми", "1-ви", "2-ри", "3-ти"
        ("Дарителска акция на 28-ми ноември 2025 г.", dt.date(2025, 11, 28)),
        ("1-ви декември 2025", dt.date(2025, 12, 1)),
        ("2-ри октомври 2025", dt.date(2025, 10, 2)),
        ("13-ти септември 2025", dt.date(2025, 9, 13)),
        # a span of days is dated by its first
        ("Фестивал на киселото мляко, 28-29 ноември 2025", dt.date(2025, 11, 28)),
        ("28 – 29 ноември 2025, 10:00 ч.", dt.datetime(2025, 11, 28, 10, 0)),
        ("30 ноември – 1 декември 2025", dt.date(2025, 11, 30)),
        ("Курсът ще бъде 3-5.12.2025 в читалището", dt.date(2025, 12, 3)),
        # an event's two days joined by "и", as NSORB announces its meetings
        ("На 26 и 27 юли 2025 г. Сдружението организира", dt.date(2025, 7, 26)),
        ("30 ноември и 1 декември 2025", dt.date(2025, 11, 30)),
        # a document numbered and dated in one
        ("Заповед № РД-09-123/28.11.2025 г. на кмета", dt.date(2025, 11, 28)),
        ("Решение на ОбС № 456/12.11.2025", dt.date(2025, 11, 12)),
        # Russian short months, Bulgarian months in Latin letters
        ("28 ноя 2025", dt.date(2025, 11, 28)),
        ("5 сен. 2025 г.", dt.date(2025, 9, 5)),
        ("Objaveno: 28 noemvri 2025", dt.date(2025, 11, 28)),
    ],
)
def test_more_bulgarian_forms(text: str, expected: dt.date) -> None:
    assert parse_text_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "Брой 25 – " is an issue, not the first day of a span
        ("Брой 27 - 28 ноември 2025", dt.date(2025, 11, 28)),
        # a span written with spaces is an event's days: three weeks apart it is none
        ("5 - 28 ноември 2025, зала 3", dt.date(2025, 11, 28)),
        # so are two days joined by "и" (an agenda's two sittings)
        ("на 5 и 19 ноември 2025", dt.date(2025, 11, 19)),
        # counted across the month's end: five weeks apart, not "1 - 25" days
        ("на 25 октомври и 1 декември 2025", dt.date(2025, 12, 1)),
        # a time before a dash is no first day, but the date's time
        ("12:25 - 28 ноември 2025", dt.datetime(2025, 11, 28, 12, 25)),
        # backwards is no span
        ("29-28.11.2025", dt.date(2025, 11, 28)),
    ],
)
def test_what_only_looks_like_a_span_leaves_the_date(text: str, expected: dt.date) -> None:
    assert parse_text_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1/28.11.2025",  # a fraction or a path, no document number before the slash
        "каталог/28.11.2025/снимки",
        "Стая 28 xi 2025",  # a Roman month between spaces only in capitals
        "28 Xi 2025",
        "преди месец",  # a month back is no day
        "преди година",
        "преди дни",
    ],
)
def test_still_no_date(text: str) -> None:
    assert find_text_dates(text, today=TODAY) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("преди ден", dt.date(2025, 12, 15)),  # days name no hour
        ("Мария Иванова · преди седмица", dt.date(2025, 12, 9)),
        ("преди минута", dt.datetime(2025, 12, 16, 14, 59)),
        ("онзи ден", dt.date(2025, 12, 14)),
        ("Онзи ден в 14:05", dt.datetime(2025, 12, 14, 14, 5)),
        ("Иван Петров | ОНЗИ ДЕН", dt.date(2025, 12, 14)),
    ],
)
def test_relative_days_without_a_number(text: str, expected: dt.date) -> None:
    assert parse_text_date(text, today=dt.datetime(2025, 12, 16, 15, 0)) == expected


@pytest.mark.parametrize(
    "text",
    ["Преди седмица кметът откри моста", "Онзи ден съседите ни разказаха", "преди ден-два"],
)
def test_relative_days_without_a_number_in_prose_are_no_date(text: str) -> None:
    assert find_text_dates(text, today=dt.datetime(2025, 12, 16, 15, 0)) == []


# A day word with its time: a date line where it stands alone or before a separator, a
# capital or a writer's name; an event's hour where a lower-case word runs on after it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Днес, 10:00", dt.datetime(2025, 12, 16, 10, 0)),
        ("днес в 10:00 часа", dt.datetime(2025, 12, 16, 10, 0)),
        ("днес, 10:32 | Мария Колева", dt.datetime(2025, 12, 16, 10, 32)),
        ("вчера, 10:32 от Мария Колева", dt.datetime(2025, 12, 15, 10, 32)),
        ("Вчера, 18:45 Кметът откри моста", dt.datetime(2025, 12, 15, 18, 45)),
        # a label makes it the page's, whatever follows
        ("Публикувано днес в 10:32, прочетена 120 пъти", dt.datetime(2025, 12, 16, 10, 32)),
        ("Today 12:01 AM By Abigail Van Buren", dt.datetime(2025, 12, 16, 0, 1)),  # 12 AM: midnight
    ],
)
def test_a_day_word_and_its_time_as_a_date_line(text: str, expected: dt.date) -> None:
    assert parse_text_date(text, today=dt.datetime(2025, 12, 16, 15, 0)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Днес в 10:00 ч. кметът ще открие новия парк",
        "Днес в 10:00 часа кметът ще открие новия парк",
        "Вчера в 18:30 ч. в читалището се състоя концерт",
        "Днес в 10:00 ч., в зала 1 ще се проведе сесия",
        "Today at 10:00 the mayor opens the new park",
        "Днес в 10:00 ч. от площада тръгва шествието",
    ],
)
def test_a_day_word_and_its_time_in_a_sentence_is_no_date(text: str) -> None:
    """The hour of an event the sentence tells, earlier on the fetch's day: not when the
    page was published."""
    assert find_text_dates(text, today=dt.datetime(2025, 12, 16, 15, 0)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Последна редакция: 10.12.2025",
        "Последно променена на 10.12.2025",
        "Променено: 10.12.2025 г.",
    ],
)
def test_more_update_labels(text: str) -> None:
    (found,) = find_text_dates(text, today=TODAY)
    assert found.value == dt.date(2025, 12, 10)
    assert found.modified


def test_the_newsroom_as_byline_is_no_update_label() -> None:
    (found,) = find_text_dates("Редакция | 10.12.2025", today=TODAY)
    assert not found.modified


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(
            ["онзи", "Онзи", "ОНЗИ", "оНзи", " ", "ден", "Ден", "ДЕН", "в 10:30", "x"]
            + ["позавчера", "Позавчера", "ПОЗАВЧЕРА", "поЗавчера", "сегодня", "Сегодня", "СЕГОДНЯ"]
        ),
        max_size=8,
    ).map("".join)
)
def test_day_before_yesterday_substring_test_never_rules_out_a_match(text: str) -> None:
    if relative_dates._RARER_DAY.search(text):
        assert relative_dates.may_hold_rarer_day(text)


def test_day_before_yesterday_in_mixed_case_is_no_printed_form() -> None:
    """The substring test above holds because the pattern takes only printed forms."""
    assert relative_dates._RARER_DAY.search("оНзи ДеН") is None
    assert not relative_dates.may_hold_rarer_day("оНзи ДеН")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a decision's, an item's, a paragraph's number before a dash is no first day
        ("Решение 27 - 28.11.2025", dt.date(2025, 11, 28)),
        ("т. 3 – 4 декември 2025 г. – Коледен базар", dt.date(2025, 12, 4)),
        ("ал. 4 - 5 ноември 2025", dt.date(2025, 11, 5)),
    ],
)
def test_a_numbered_things_number_before_a_dash_starts_no_span(
    text: str, expected: dt.date
) -> None:
    assert parse_text_date(text, today=TODAY) == expected


def test_a_time_is_not_read_from_inside_a_number() -> None:
    """ "28.11 - 29.11.2025", an event's two days: the "8.11" inside "28.11" is no time of
    the day after the dash (the span is dated by its first day)."""
    assert parse_text_date("28.11 - 29.11.2025", today=TODAY) == dt.date(2025, 11, 28)
    assert parse_text_date("8.45 - 29.11.2025", today=TODAY) == dt.datetime(2025, 11, 29, 8, 45)


def test_a_day_and_month_that_could_be_a_time_starts_a_span() -> None:
    """ "8.11 - 29.11.2025" reads as a time (8:11) or a first day (8 November): no time's
    minutes are the date's month, so it is the span's first day; "8.45" is a time."""
    assert parse_text_date("8.11 - 29.11.2025", today=TODAY) == dt.date(2025, 11, 8)
    assert parse_text_date("30.10 - 2.11.2025", today=TODAY) == dt.date(2025, 10, 30)


def test_a_span_across_the_new_year_starts_in_the_year_before() -> None:
    """ "30 декември – 2 януари 2025": the year printed is the last day's."""
    text = "Коледен базар 30 декември – 2 януари 2025"
    assert parse_text_date(text, today=dt.date(2025, 1, 5)) == dt.date(2024, 12, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("28.11 – 29.11.2025", dt.date(2025, 11, 28)),
        ("Изложба 30.11 - 2.12.2025 г.", dt.date(2025, 11, 30)),
        ("28.11.-29.11.2025", dt.date(2025, 11, 28)),
    ],
)
def test_a_span_whose_first_day_has_no_year_is_dated_by_it(text: str, expected: dt.date) -> None:
    assert parse_text_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a word right before a spaced "span" counts the number: a class, an item, a hall
        ("Олимпиада за клас 1 - 4 декември 2025", dt.date(2025, 12, 4)),
        ("Зала 2 – 4 декември 2025", dt.date(2025, 12, 4)),
        ("етаж 3 - 5.12.2025", dt.date(2025, 12, 5)),
        ("How to study, Part 2 - 6 February 2025", dt.date(2025, 2, 6)),
        # after a separator, a preposition, a weekday, or written without spaces: a span
        ("Фестивал, 3 - 5 декември 2025", dt.date(2025, 12, 3)),
        ("от 3 - 5 декември 2025", dt.date(2025, 12, 3)),
        ("Фестивал 3-5 декември 2025", dt.date(2025, 12, 3)),
        ("3 – 5 декември 2025", dt.date(2025, 12, 3)),
        # two days in a row after a name: a conference's, a day off at most if not
        ("Честване в Република Казахстан 29 – 30 август 2025 г.", dt.date(2025, 8, 29)),
    ],
)
def test_a_spaced_span_after_a_word_is_the_words_number(text: str, expected: dt.date) -> None:
    assert parse_text_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14:35, 28 ноември 2025", dt.datetime(2025, 11, 28, 14, 35)),
        ("14:35 ч. | 28.11.2025", dt.datetime(2025, 11, 28, 14, 35)),
        ("10:15 | Nov 28, 2025", dt.datetime(2025, 11, 28, 10, 15)),
        ("09:05 / 28 XI 2025 г.", dt.datetime(2025, 11, 28, 9, 5)),
        ("Иван Петров, 14.35 ч., петък, 28 ноември 2025", dt.datetime(2025, 11, 28, 14, 35)),
        ("16:12/20.11.2025", dt.datetime(2025, 11, 20, 16, 12)),
    ],
)
def test_a_time_before_a_worded_date_is_kept(text: str, expected: dt.datetime) -> None:
    assert parse_text_date(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text",
    ["Без ток в събота от 09:00 до 17:00 ч. 28 ноември 2025", "10:00 - 17:00, 28.11.2025"],
)
def test_the_end_of_a_range_of_hours_is_no_time_of_the_date(text: str) -> None:
    assert parse_text_date(text, today=TODAY) == dt.date(2025, 11, 28)


def test_a_zone_before_a_date_is_no_time_of_it() -> None:
    found = find_text_dates("Tom 2025-04-18T13:00:39+00:00 March 22nd, 2025 | Reviews", today=TODAY)
    assert [d.value for d in found][1:] == [dt.date(2025, 3, 22)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Мария Петрова | 28 ноември", dt.date(2025, 11, 28)),
        ("28-ми ноември", dt.date(2025, 11, 28)),
        ("28.11", dt.date(2025, 11, 28)),
        ("Nov 28", dt.date(2025, 11, 28)),
        # the latest such day not after the fetch: last year's
        ("20 декември", dt.date(2024, 12, 20)),
        ("29 февруари", dt.date(2024, 2, 29)),
        ("14:35, 28 ноември", dt.datetime(2025, 11, 28, 14, 35)),
        ("28 ноември, 14:35", dt.datetime(2025, 11, 28, 14, 35)),
        ("28.11 | 14:35", dt.datetime(2025, 11, 28, 14, 35)),
        ("28 – 29 ноември", dt.date(2025, 11, 28)),
    ],
)
def test_a_day_without_a_year_is_the_latest_before_the_fetch(text: str, expected: dt.date) -> None:
    (found,) = dates.find_loose_dates(text, today=TODAY)
    assert found.value == expected


@pytest.mark.parametrize(
    "text",
    [
        "ноември 2025",  # a month without a day
        "ноември",
        "Nov 2025",
        "28 ноември 2025",  # a full date is no loose one
        "28 ноември 2026",  # nor a future one with its year
        "28.11. 2025",  # a space after the month's dot: the year still follows
        "Публикувано: 14.05 ч.",  # a time
        "3.5 млн. лв.",
        "версия 2.10.1",
        "Python 3.12 is out",
        "25.10 лв.",
        "may 5 people",  # month-first only capitalised
        "28 ноември",  # no fetch time, no year
    ],
)
def test_no_loose_date(text: str) -> None:
    today = None if text == "28 ноември" else TODAY
    assert dates.find_loose_dates(text, today=today) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Иван Петров | преди месец", dt.date(2025, 11, 16)),
        ("Иван Петров · преди 2 месеца", dt.date(2025, 10, 16)),
        ("преди година", dt.date(2024, 12, 16)),
        ("Преди 3 години", dt.date(2022, 12, 16)),
        ("Jane Doe | a month ago", dt.date(2025, 11, 16)),
        ("Jane Doe | 2 years ago", dt.date(2023, 12, 16)),
    ],
)
def test_a_month_or_a_year_back_is_a_coarse_day(text: str, expected: dt.date) -> None:
    (found,) = dates.find_loose_dates(text, today=dt.datetime(2025, 12, 16, 15, 0))
    assert found.value == expected
    assert found.relative


@pytest.mark.parametrize(
    "text",
    [
        "Кметът откри моста преди 2 месеца.",
        "the company he founded 19 years ago",
        "Мария Петрова | преди месец-два",
    ],
)
def test_a_month_or_a_year_back_in_prose_is_no_date(text: str) -> None:
    assert dates.find_loose_dates(text, today=dt.datetime(2025, 12, 16, 15, 0)) == []


@pytest.mark.parametrize(
    "text",
    [
        "28 Auguſt 2026",  # a long s: the pattern's ignore-case takes it for "s"
        "Auguſt 28, 2026",
        "28 Auguſt",
        "Auguſt 28",
        "28 XıI 2026",  # a dotless i for a Roman month's "I"
        "Sunday, 28.11.2026",
        "ſun, 11/09/2026",
        "28 ноᲀмври 2026",  # an old Cyrillic letter the ignore-case takes for "в"
        "3 hourſ ago",
    ],
)
def test_letters_only_ignore_case_equates_never_raise(text: str) -> None:
    """A month or weekday the patterns match through a letter whose lower case is not
    the name's (ignore-case equates "ſ" with "s", "ı" with "i") is read or skipped, never
    a KeyError out of the page's reading."""
    today = dt.date(2026, 11, 30)
    dates.find_text_dates(text, today=today)
    dates.find_loose_dates(text, today=today)
    dates.parse_text_date(text, today=today)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 30), dt.date(2025, 12, 1)),
        (dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC), dt.date(2025, 12, 1)),
        # 00:30 on 1 December in Sofia: the site's day is already the 1st
        (dt.datetime(2026, 11, 30, 22, 30, tzinfo=dt.UTC), dt.date(2026, 12, 1)),
        # 22:30 in Sofia: still 30 November there, late as it is in UTC
        (dt.datetime(2026, 11, 30, 20, 30, tzinfo=dt.UTC), dt.date(2025, 12, 1)),
        # a moment without a zone is on the site's clock already
        (dt.datetime(2026, 11, 30, 23, 30), dt.date(2025, 12, 1)),
    ],
)
def test_a_day_without_its_year_is_tomorrow_only_once_the_sites_day_is(
    today: dt.date, expected: dt.date
) -> None:
    """Read on 30 November, "1 декември" is last year's, unless it is already 1 December
    on the site's (Sofia's) clock."""
    found = dates.find_loose_dates("Мария Петрова | 1 декември", today=today)
    assert [date_stamps.local_date(d.value) for d in found] == [expected]


def test_a_day_without_its_year_is_never_after_the_sites_day() -> None:
    """Fetched at 22:30 UTC on 30 November, 1 December in Sofia: "2 декември" is the day
    after the site's, last year's (counting a day ahead of the UTC day on top of Sofia's
    took it for tomorrow)."""
    today = dt.datetime(2026, 11, 30, 22, 30, tzinfo=dt.UTC)
    found = dates.find_loose_dates("Мария Петрова | 2 декември", today=today)
    assert [date_stamps.local_date(d.value) for d in found] == [dt.date(2025, 12, 2)]


@pytest.mark.parametrize(
    "value",
    ["сб, 28 ное 2026", "28 ное 2026", "Събота, 28 ноември 2026", "Sat, 28 Nov 2026",
     "28 Nov 2026", "съб., 28 ное. 2026"],
)  # fmt: skip
def test_a_feed_date_with_no_time_is_its_day(value: str) -> None:
    """The stdlib reads an RFC 822 date only with a time: "сб, 28 ное 2026" (a PHP
    locale's ``pubDate``) or "Sat, 28 Nov 2026" was no date at all."""
    assert parse_feed_date(value) == dt.date(2026, 11, 28)


@pytest.mark.parametrize("value", ["31 Feb 2026", "Sat, 28 Xyz 2026", "01 Jan 0001", "28 Nov"])
def test_a_day_only_feed_date_that_names_no_day_is_none(value: str) -> None:
    assert parse_feed_date(value) is None


_YEAR_GATE_TEXTS = (
    "Публикувано на 28.11.2026 г., 14:05 ч.",
    "28 ноември 2026 г. Иван Петров",
    "By Jane Doe · March 14, 2025 at 10:30 am",
    "28.XI.2026 и 28 XI 2026 г.",
    "2025/03/14 10:30 и 2025-03-14",
    "Posted 03/14/2025 - 08:05",
    "28.11.26 г., 14:05 · 28.11 · 14:05 · 3/14 · 1999",
    "Иван Петров, 12 ноември · преди 3 часа · 20 коментара",
    "Updated March 3rd 2025, 10:05",
    "14 March 2025 · March 2025",
    "ноември 28, 2026 в 14:35",
    "28.11.٢٠٢٦ и ٢٠٢٦-03-14",  # (Arabic-Indic digits: \\d to the patterns and the gate alike)
)


@pytest.mark.parametrize("text", _YEAR_GATE_TEXTS)
def test_the_year_gate_finds_every_date_the_patterns_find(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a text without a four-digit year is not scanned for dates that print one, nor one
    # without a day's digit before its year for month-first dates: the same dates as
    # scanning it with every pattern
    gated = dates.find_text_dates(text, today=dt.date(2026, 12, 1))
    monkeypatch.setattr(dates, "_passes", lambda text: dates._FULL_YEAR_DATES)
    assert dates.find_text_dates(text, today=dt.date(2026, 12, 1)) == gated
    assert all(r"(?:19|20)\d\d" in p.pattern for p in (*dates._FULL_YEAR_DATES, dates._SLASHED))
    assert dates._DAY_TO_YEAR in dates._MONTH_FIRST.pattern


# The patterns ``_absolute_dates`` tries only where a number starts (``_at_numbers``):
# every date pattern but the month-first one, whose month's name comes first.
_AT_NUMBERS = (*dates._NOT_MONTH_FIRST, dates._SLASHED, dates._SHORT_YEAR)


def test_number_led_patterns_cannot_match_inside_a_number() -> None:
    # each opens with a digit that its look-behind says no digit precedes (``\w`` holds
    # the digits): where a number starts, which is all ``_at_numbers`` tries
    for pattern in _AT_NUMBERS:
        lead = re.match(r"\(\?=\\d\)\(\?<!\[([^\]]*)\]\)", pattern.pattern)
        assert lead is not None, pattern.pattern[:40]
        assert "\\d" in lead[1] or "\\w" in lead[1]
    assert dates._MONTH_FIRST not in _AT_NUMBERS


@pytest.mark.parametrize("pattern", _AT_NUMBERS, ids=lambda pattern: pattern.pattern[:30])
@settings(max_examples=300, deadline=None)
@given(text=_ODD_TEXT)
def test_matching_at_numbers_finds_what_a_scan_finds(pattern: re.Pattern[str], text: str) -> None:
    numbers = [m.start() for m in dates._NUMBER_START.finditer(text)]
    found = [(m.span(), m.groupdict()) for m in dates._at_numbers(pattern, text, numbers)]
    assert found == [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    "text",
    [
        *_YEAR_GATE_TEXTS,
        "28.11.2026.11.2026 28.11.202628.11.2026 1/28.11.2026 РМС № 123/28.11.2026",
        "v01.02.03 10.0.12.5 3.1.24 28.11.26г. 2025/03/142025/03/14 ٢٨.١١.٢٠٢٦",
        "28-29 ноември 2026, 30 ноември – 1 декември 2026 и 28.11 – 29.11.2026",
    ],
)
def test_dates_found_at_numbers_are_the_scans(text: str) -> None:
    numbers = [m.start() for m in dates._NUMBER_START.finditer(text)]
    for pattern in _AT_NUMBERS:
        spans = [m.span() for m in dates._at_numbers(pattern, text, numbers)]
        assert spans == [m.span() for m in pattern.finditer(text)]


_PLAIN_MONTHS = "|".join(sorted(date_words.MONTHS, key=len, reverse=True))
_PLAIN_DAY_MONTHS = "|".join(sorted(date_words.DAY_MONTHS, key=len, reverse=True))
# The patterns holding a month's name: each against its copy with the names listed plainly,
# longest first, as one alternation (``_alternatives`` gathers them by their first letter).
_NAMED = {
    name: getattr(date_words if name == "MONTH_WORD" else dates, name)
    for name in ("_MONTH_FIRST", "MONTH_WORD", "_WORDY", "_SPAN_BEFORE", "_YEARLESS_WORDY")
    + ("_YEARLESS_MONTH_FIRST",)
}
_MONTHISH_TEXT = st.lists(
    st.sampled_from(
        [*"0123456789 .,-/", "ſ", "\u212a", "\u1c81", "\u1c82", "\u1c83", "ı", "İ", "aJan", "г."]
        + [cased(name) for name in date_words.DAY_MONTHS for cased in (str, str.upper, str.title)]
        + ["2025", "14", "3rd", "of", "Jane"]
    ),
    max_size=14,
).map("".join)


def _plain(pattern: re.Pattern[str]) -> re.Pattern[str]:
    source = pattern.pattern.replace(date_words.DAY_MONTH_ALT, "\0")
    source = source.replace(date_words.MONTH_ALT, _PLAIN_MONTHS).replace("\0", _PLAIN_DAY_MONTHS)
    return re.compile(source, pattern.flags)


def test_every_month_pattern_is_checked_against_its_plain_copy() -> None:
    for pattern in _NAMED.values():
        assert _plain(pattern).pattern != pattern.pattern
    assert date_words.MONTH_ALT.startswith("(?:септември|")  # the longest names lead


@pytest.mark.parametrize("name", sorted(_NAMED))
@settings(max_examples=300, deadline=None)
@given(text=_MONTHISH_TEXT)
def test_months_gathered_by_letter_match_as_listed(name: str, text: str) -> None:
    pattern = _NAMED[name]
    found = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
    assert found == [(m.span(), m.groupdict()) for m in _plain(pattern).finditer(text)]


def test_a_slashed_date_before_a_long_run_of_spaces_is_read_at_once() -> None:
    """``_SLASHED``'s spaces around a mark before a time: tried every way a run of spaces
    can be split, a date followed by 8,000 spaces and no time took 3 s (40,000: over a
    minute); read once now, with the same day."""
    found = find_text_dates("Публикувано на 05/11/2026" + " " * 40_000 + "текст")
    assert [(d.value, d.labelled) for d in found] == [(dt.date(2026, 11, 5), True)]
    timed = find_text_dates("Публикувано на 05/11/2026 " + "- " + " " * 40_000 + "в 14:05")
    assert [d.value for d in timed] == [dt.datetime(2026, 11, 5, 14, 5)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Дата: 27.11.2026  Час: 08:17", dt.datetime(2026, 11, 27, 8, 17)),
        ("27.11.2026 г. ч. 08:17", dt.datetime(2026, 11, 27, 8, 17)),
        ("Дата: 27.11.2026 | Час: 08:17 ч.", dt.datetime(2026, 11, 27, 8, 17)),
        ("27 ноември 2026 г. Час: 08:17", dt.datetime(2026, 11, 27, 8, 17)),
        ("Date: 11/27/2026 Time: 08:17", dt.datetime(2026, 11, 27, 8, 17)),
        ("November 27, 2026 TIME: 8:17 pm", dt.datetime(2026, 11, 27, 20, 17)),
        ("28.XI.2026 Час: 08:17", dt.datetime(2026, 11, 28, 8, 17)),
        ("2026-11-27 Час: 08:17", dt.datetime(2026, 11, 27, 8, 17)),
        ("27.11.26 Час: 08:17", dt.datetime(2026, 11, 27, 8, 17)),
        # the forms read before, through the same joint
        ("27.11.2026 г., 08:17 ч.", dt.datetime(2026, 11, 27, 8, 17)),
        ("27.11.2026 | 08:17", dt.datetime(2026, 11, 27, 8, 17)),
        ("05/11/2026 в 14:05", dt.datetime(2026, 11, 5, 14, 5)),
        ("2026-11-27T08:17", dt.datetime(2026, 11, 27, 8, 17)),
    ],
)
def test_a_date_takes_its_time_printed_as_a_labelled_field(
    text: str, expected: dt.datetime
) -> None:
    """A date and then its time in a field of its own ("Час:", "ч.", "Time:"), the way
    a municipality's news template prints them side by side: one moment."""
    found = find_text_dates(text, today=dt.date(2026, 12, 1))
    assert [d.value for d in found] == [expected]


def test_a_time_another_field_prints_is_not_the_dates() -> None:
    """Only marks and a time's label may stand between a date and its time: a field in
    between ("Прочитания: 15") makes the time another's; and the time joined to one date
    is not also the next date's."""
    today = dt.date(2026, 12, 1)
    between = find_text_dates("27.11.2026 Прочитания: 15 Час: 08:17", today=today)
    assert [d.value for d in between] == [dt.date(2026, 11, 27)]
    two = find_text_dates("27.11.2026 Час: 08:17 | 28.11.2026", today=today)
    assert [d.value for d in two] == [dt.datetime(2026, 11, 27, 8, 17), dt.date(2026, 11, 28)]


@pytest.mark.parametrize(
    "date",
    ["27.11.2026", "27.11.2026 г.", "27 ноември 2026", "11/27/2026", "27.11.26", "27.XI.2026",
     "2026-11-27", "November 27, 2026"],
)  # fmt: skip
def test_a_date_before_long_runs_of_spaces_or_labels_is_read_at_once(date: str) -> None:
    """Each date pattern's way to its time (``dates._TO_TIME``) splits no run of spaces
    every way there is (``\\s*[,|]?\\s*`` did: 40,000 spaces after "27.11.2026" took 50 s):
    a date followed by 40,000 spaces and a labelled time, by spaces and a word, by
    20,000 labels, or by 20,000 marks and a time, each with its answer."""
    today = dt.date(2026, 12, 1)
    day, moment = dt.date(2026, 11, 27), dt.datetime(2026, 11, 27, 8, 17)
    assert [d.value for d in find_text_dates(date + " " * 40_000 + "Час: 08:17", today=today)] == [
        moment
    ]
    assert [d.value for d in find_text_dates(date + " " * 40_000 + "текст", today=today)] == [day]
    assert [d.value for d in find_text_dates(date + " Час:" * 20_000, today=today)] == [day]
    assert [d.value for d in find_text_dates(date + " |" * 20_000 + " 08:17", today=today)] == [day]


def test_a_day_without_its_year_before_a_long_run_of_spaces_is_read_at_once() -> None:
    """The loose dates join their time the same way (``_TIME_AFTER``)."""
    found = dates.find_loose_dates(
        "27 ноември" + " " * 40_000 + "Час: 08:17", today=dt.date(2026, 12, 1)
    )
    assert [d.value for d in found] == [dt.datetime(2026, 11, 27, 8, 17)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Час: 08:17 Дата: 27.11.2026", dt.datetime(2026, 11, 27, 8, 17)),
        ("Час: 08:17 | Дата: 27.11.2026 г.", dt.datetime(2026, 11, 27, 8, 17)),
        ("08:17 ч. Дата: петък, 27 ноември 2026", dt.datetime(2026, 11, 27, 8, 17)),
        ("Time: 08:17 Date: 11/27/2026", dt.datetime(2026, 11, 27, 8, 17)),
        ("TIME: 8:17 pm DATE: November 27, 2026", dt.datetime(2026, 11, 27, 20, 17)),
        ("Час: 08:17 Дата: 27.11.26", dt.datetime(2026, 11, 27, 8, 17)),
        ("10:30 | 11/27/2026", dt.datetime(2026, 11, 27, 10, 30)),
        # the forms read before, through the same joint
        ("08:17 ч. | 27.11.2026", dt.datetime(2026, 11, 27, 8, 17)),
        ("14:05, 27 ноември 2026", dt.datetime(2026, 11, 27, 14, 5)),
        ("10:30 | 27.11.2026", dt.datetime(2026, 11, 27, 10, 30)),
    ],
)
def test_a_date_takes_its_time_printed_before_it_as_a_field(
    text: str, expected: dt.datetime
) -> None:
    """A ticker's or a template's time first, then its date, each maybe labelled ("Час:
    08:17 Дата: 27.11.2026"): one moment, as the same two fields the other way round are."""
    found = find_text_dates(text, today=dt.date(2026, 12, 1))
    assert [d.value for d in found] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the time said first, as a sentence would: "at 08:17 on 27.11.2026"
        ("в 08:17 ч. на 27.11.2026", dt.datetime(2026, 11, 27, 8, 17)),
        ("Публикувано в 14:05 на 27 ноември 2026 г.", dt.datetime(2026, 11, 27, 14, 5)),
        # a time that ends a range of hours is still no date's
        ("от 09:00 до 17:00 ч. на 27.11.2026", dt.date(2026, 11, 27)),
    ],
)
def test_a_date_takes_its_time_said_first_with_na(text: str, expected: Published) -> None:
    """ "в 08:17 ч. на 27.11.2026": "на" joins a time to the date after it as "в" joins a
    date to the time after it (the time was lost: the day alone)."""
    found = find_text_dates(text, today=dt.date(2026, 12, 1))
    assert [d.value for d in found] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("27/11/26", dt.date(2026, 11, 27)),
        ("Дата: 27/11/26 08:17", dt.datetime(2026, 11, 27, 8, 17)),
        ("08:17 ч. | 27/11/26", dt.datetime(2026, 11, 27, 8, 17)),
        ("Публикувано: 05/11/26 г.", dt.date(2026, 11, 5)),  # day first, as Bulgarian
    ],
)
def test_a_two_digit_year_slash_date_is_read(text: str, expected: Published) -> None:
    """PHP's "d/m/y", an old news script's date ("27/11/26"), read as the long slash date
    is (it was no date at all)."""
    found = find_text_dates(text, today=dt.date(2026, 12, 1))
    assert [d.value for d in found] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Updated on 09/11/25",  # an American page: either order, no Cyrillic to tell
        "Решение № 12/11/26/3",  # a path of numbers
        "стр. 1/12/26",  # not zero-padded
        "версия 12/11/2607",  # the year does not end the number
    ],
)
def test_a_two_digit_year_slash_date_is_read_narrowly(text: str) -> None:
    found = find_text_dates(text, today=dt.date(2026, 12, 1))
    assert found == []


def test_a_time_before_a_date_that_another_field_or_date_claims_is_not_its() -> None:
    """Only marks and the date's label may stand between a time and the date after it; a
    time the date before it takes, through its own marks and labels, is that date's."""
    today = dt.date(2026, 12, 1)
    between = find_text_dates("Час: 08:17 Прочитания: 15 Дата: 27.11.2026", today=today)
    assert [d.value for d in between] == [dt.date(2026, 11, 27)]
    two = find_text_dates("27.11.2026 | Час: 08:17 | Дата: 28.11.2026", today=today)
    assert [d.value for d in two] == [dt.datetime(2026, 11, 27, 8, 17), dt.date(2026, 11, 28)]
    slashed = find_text_dates("27.11.2026, 08:17 | 11/28/2026", today=today)
    assert [d.value for d in slashed] == [dt.datetime(2026, 11, 27, 8, 17), dt.date(2026, 11, 28)]


@pytest.mark.parametrize("date", ["27.11.2026", "27 ноември 2026", "11/27/2026", "27.11.26"])
def test_a_time_before_long_runs_of_spaces_or_labels_and_a_date_is_read_at_once(
    date: str,
) -> None:
    """The way from a time to the date after it (``dates._TO_DATE``) is looked for in the
    few characters before the date alone: a time, then 40,000 spaces, 20,000 labels or
    20,000 marks before a date is no time of it, and the date is read, each its answer."""
    today = dt.date(2026, 12, 1)
    day = dt.date(2026, 11, 27)
    for text in (
        "Час: 08:17" + " " * 40_000 + "Дата: " + date,
        "Час: 08:17" + " Дата:" * 20_000 + " " + date,
        "08:17" + " |" * 20_000 + " " + date,
        "08:17 " * 20_000 + date,
    ):
        assert [d.value for d in find_text_dates(text, today=today)] == [day]


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("Неделя, 29 ноември (16 ноември ст. ст.) 2026 г.", dt.date(2026, 11, 29)),
        ("Въведение Богородично, 21 ноември (8 ноември ст. ст.) 2026 г.", dt.date(2026, 11, 21)),
        ("29 ноември (неделя) 2026", dt.date(2026, 11, 29)),
        # a bracket holding a year of its own is no aside of this date
        ("3 март (2025) 2026", None),
    ],
)
def test_a_bracketed_aside_between_the_month_and_the_year_is_part_of_the_date(
    line: str, day: dt.date | None
) -> None:
    """Church sites print the old style's day beside the new one, "29 ноември (16 ноември
    ст. ст.) 2026 г.": the day is the one before the bracket, and the line, long as the
    feast's name and the bracket make it, is a date line (what the text drops)."""
    found = dates.find_text_dates(line, today=dt.date(2026, 12, 5))
    assert [d.value for d in found][:1] == ([day] if day else [])
    assert dates.is_date_line(line, today=dt.date(2026, 12, 5)) is (day is not None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Bulgarian site's Russian pages count back as the Bulgarian ones do
        ("2 часа назад", dt.datetime(2025, 12, 16, 13, 0)),
        ("5 минут назад", dt.datetime(2025, 12, 16, 14, 55)),
        ("Мария Иванова · 3 дня назад", dt.date(2025, 12, 13)),
        ("2 недели назад", dt.date(2025, 12, 2)),
        ("Сегодня, 10:32", dt.datetime(2025, 12, 16, 10, 32)),
        ("Опубликовано: сегодня", dt.date(2025, 12, 16)),
        ("позавчера", dt.date(2025, 12, 14)),
    ],
)
def test_russian_relative_dates(text: str, expected: dt.date) -> None:
    assert parse_text_date(text, today=dt.datetime(2025, 12, 16, 15, 0)) == expected


@pytest.mark.parametrize(
    "text", ["Сегодня мэр открыл новый мост", "Позавчера соседи нам рассказали", "назад к новостям"]
)
def test_russian_day_words_in_prose_are_no_date(text: str) -> None:
    assert find_text_dates(text, today=dt.datetime(2025, 12, 16, 15, 0)) == []
