"""The query translator: each query form, and bad input that must become one clean line."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsarchive import api
from newsarchive.archive.query import EXACT, PREFIX, WORD, Term, parse_query
from newsarchive.errors import QueryError

from .search_corpus import build
from .support import Result

Cli = Callable[..., Result]


def test_words_phrases_prefix_and_filters_parse() -> None:
    q = parse_query('община "нов парк" социал* -футбол site:BTA since:2020-01-01 until:2024-12-31')
    assert q.groups == [
        [Term(("община",), WORD)],
        [Term(("нов", "парк"), EXACT)],
        [Term(("социал",), PREFIX)],
    ]
    assert q.excluded == [Term(("футбол",), WORD, exclude=True)]
    assert q.sites == ["bta"]
    assert str(q.since) == "2020-01-01" and str(q.until) == "2024-12-31"


@pytest.mark.parametrize("typed", ["1.12.2026 г.", "01.12.2026 г", "1.12.2026г."])
def test_a_dotted_days_year_mark_typed_apart_is_part_of_the_date(typed: str) -> None:
    """ "since:1.12.2026 г." (as Bulgarians write a day, and the README offers it) searched
    the word "г" too: filters alone became a search for it."""
    q = parse_query(f"бюджет since:{typed} until:{typed.replace('1.12', '3.12', 1)}")
    assert q.groups == [[Term(("бюджет",), WORD)]]
    assert (str(q.since), str(q.until)) == ("2026-12-01", "2026-12-03")
    alone = parse_query(f"since:{typed}")
    assert alone.groups == [] and str(alone.since) == "2026-12-01"
    # a "г." after anything else is still a word of the query
    assert parse_query("since:2026-12-01 г.").groups == [[Term(("г",), WORD)]]


def test_or_groups() -> None:
    q = parse_query("a OR b c OR d OR e")
    assert [[t.words[0] for t in g] for g in q.groups] == [["a", "b"], ["c", "d", "e"]]


def test_fts_uses_lemmas_and_only_quoted_words() -> None:
    q = parse_query('общините "общината" социал* -улиците')
    lemmas = {"общините": "община", "улиците": "улица"}
    assert q.fts(lemmas) == (
        '("община" AND ({title text} : "общината") AND ({title text} : "социал"*)) NOT ("улица")'
    )


def test_parentheses_group() -> None:
    q = parse_query("общината OR (бюджет русе) -(парк OR площад)")
    assert q.fts({}) == '(("общината" OR ("бюджет" AND "русе"))) NOT ((("парк" OR "площад")))'
    assert [t.words[0] for t in q.terms()] == ["общината", "бюджет", "русе"]
    assert q.lemma_words() == {"общината", "бюджет", "русе", "парк", "площад"}


def test_exact_mode_quotes_every_word() -> None:
    assert parse_query("общините", exact=True).groups == [[Term(("общините",), EXACT)]]


@pytest.mark.parametrize(
    "text",
    [
        "title:община",
        "text : община",
        "{title text}: община",
        "община^",
        "община AND",  # handled below: AND is refused
    ][:-1]
    + ["община 🚀", "община + - ", "-- община", "ОБЩИНА", "'община'", "община\\", "2024"]
    + ["near(община)", "(община)", "а OR (б -в)", "-(а б) в", 'а (б OR (в г*)) -"д е"'],
)
def test_fts_syntax_in_user_input_is_neutralised(text: str) -> None:
    expr = parse_query(text).fts({})
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, title_lemmas, text_lemmas)")
    conn.execute("SELECT * FROM t WHERE t MATCH ?", (expr,)).fetchall()  # no syntax error


BAD = {
    "unbalanced quote": '"(',
    "unbalanced quote after word": 'община "нов',
    "AND": "AND",
    "AND between words": "община AND парк",
    "NOT": "NOT община",
    "lone star": "*",
    "star inside a word": "соц*ал",
    "only punctuation": "(((",
    "NEAR(": "NEAR(община",
    "NEAR()": "NEAR(община парк)",
    "NEAR between words": "община NEAR парк",
    "bar for OR": "община | парк",
    "bar between two-word phrases": "нов мост | стар мост",
    "two bars in a headline": "кметът откри моста | община | русе",
    "bar in a headline with an operator": "кметът OR откри моста | русе",
    "star inside a quoted phrase": '"общ* съвет"',
    "star alone in quotes": '"*"',
    "closing parenthesis": "община)",
    "opening parenthesis": "(община парк",
    "empty parentheses": "община ()",
    "only exclusions in parentheses": "община (-парк)",
    "filter in parentheses": "(site:bta община)",
    "OR then excluded group": "община OR -(парк площад)",
    "too deep": "(" * 9 + "община" + ")" * 9,
    "only emoji": "🚀🎉",
    "empty": "",
    "spaces": "   ",
    "empty quotes": '""',
    "leading OR": "OR община",
    "trailing OR": "община OR",
    "double OR": "община OR OR парк",
    "OR then exclusion": "община OR -парк",
    "only exclusions": "-община -парк",
    "bad since": "община since:2024-13-01",
    "bad until": "община until:вчера",
    "bad site": "община site:???",
    "ten kilobytes": "община " * 1500,
    "NUL": "общ\x00ина",
    "too many terms": " ".join(f"дума{i}" for i in range(100)),
    "mistyped filter": "мост tilte:мост",
    "mistyped filter, quoted value": 'мост tilte:"нов мост"',
    "excluded filter, quoted value": 'мост -site:"bta"',
    "empty title scope": "община title:",
    "title scope without a word": "община title:-мост",
    "excluded filter": "община -site:bta",
    "excluded author": "община -author:петрова",
}


@pytest.mark.parametrize("text", list(BAD.values()), ids=list(BAD))
def test_bad_queries_raise_one_line(text: str) -> None:
    with pytest.raises(QueryError) as info:
        parse_query(text)
    assert "\n" not in str(info.value) and str(info.value)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    "text", ['"(', "AND", "*", "OR", "община OR", "🚀", "x" * 10_000, "община since:нито"]
)
def test_bad_queries_on_the_cli_exit_2_with_one_line(run_cli: Cli, db: Path, text: str) -> None:
    build(run_cli, db)
    before = _digest(db)
    for fmt in ("json", "table", "csv"):
        result = run_cli("search", text, "--format", fmt, "--db", str(db))
        assert result.exit_code == 2
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("newsarchive: error:")
        assert "Traceback" not in result.stderr
    assert _digest(db) == before  # archive untouched


def test_bad_option_values_exit_2(run_cli: Cli, db: Path) -> None:
    build(run_cli, db)
    for args in (["--since", "2024-02-30"], ["--until", "x"], ["--sort", "random"]):
        result = run_cli("search", "община", *args, "--db", str(db))
        assert result.exit_code == 2, args


def test_search_without_an_archive_exits_2(run_cli: Cli, tmp_path: Path) -> None:
    result = run_cli("search", "община", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "none.db").exists()


@pytest.fixture(scope="module")
def small_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from typer.testing import CliRunner

    from newsarchive.cli import app

    from .search_corpus import ARTICLES, write_jsonl

    folder = tmp_path_factory.mktemp("hyp")
    db = folder / "a.db"
    source = write_jsonl(folder / "a.jsonl", ARTICLES)
    result = CliRunner().invoke(app, ["import-jsonl", str(source), "--db", str(db)])
    assert result.exit_code == 0
    return db


ALPHABET = st.sampled_from(
    list("абвгдежзийклмнопрстуфхцчшщъьюя АОБЩИНА\"*-():^{}+.,ORANDNOTEAsite:since:2024-01-01🚀\\'")
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(st.text(max_size=60), st.text(ALPHABET, max_size=60)))
def test_any_input_gives_hits_or_a_query_error(small_archive: Path, text: str) -> None:
    try:
        hits = api.search(small_archive, text)
    except QueryError as exc:
        assert "\n" not in str(exc)
    else:
        assert isinstance(hits, list)
        try:
            api.search_totals(small_archive, text)
        except QueryError:
            pytest.fail("search ran but count failed")


@pytest.mark.parametrize("text", ["«*\n0»", "«\n»"])
def test_a_query_error_quoting_a_newline_is_one_line(text: str) -> None:
    """What hypothesis found: a query typed across lines inside «…», quoted back by the
    error, made it two lines. The newline is written as ``\\n`` now."""
    with pytest.raises(QueryError) as raised:
        parse_query(text)
    assert "\n" not in str(raised.value)
    assert "\\n" in str(raised.value)


def test_title_scope_parses_words_phrases_prefixes_and_exclusions() -> None:
    q = parse_query('title:община title:"нов парк" title:соц* -title:мост улици')
    assert q.groups == [
        [Term(("община",), WORD, scope="title")],
        [Term(("нов", "парк"), EXACT, scope="title")],
        [Term(("соц",), PREFIX, scope="title")],
        [Term(("улици",), WORD)],
    ]
    assert q.excluded == [Term(("мост",), WORD, exclude=True, scope="title")]
    assert q.fts({"община": "община"}) == (
        '(({title title_lemmas} : "община") AND (title : "нов парк") AND (title : "соц"*)'
        ' AND "улици") NOT ({title title_lemmas} : "мост")'
    )


@pytest.mark.parametrize("text", ["http://example.bg/a", "12:30 часа", "Русе: новини"])
def test_colons_that_are_no_filter_are_searched_as_words(text: str) -> None:
    assert parse_query(text).terms()


def test_any_filter_takes_its_value_in_quotes() -> None:
    """``site:"bta"`` filters as ``site:bta`` does, not a search for "site" and "bta"."""
    q = parse_query('мост site:"bta" since:"2024-01-02" author:"Мария  Петрова"')
    assert q.sites == ["bta"] and q.since == dt.date(2024, 1, 2)
    assert q.authors == ["мария петрова"]
    assert q.groups == [[Term(("мост",), WORD)]]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('мост site:""', "site: needs a value right after it, as in site:bta"),
        ('мост since:""', "since: needs a value right after it, as in since:2025-01-01"),
        ('мост until:" "', "until: needs a value right after it, as in until:2025-12-31"),
        ('мост author:""', "author: needs a value right after it, as in author:петрова"),
        ('мост title:""', 'title: needs a word, a prefix* or a "phrase" right after it'),
        ("мост site:", "site: needs a value right after it"),
        ("мост Site: bta", "site: needs a value right after it"),
    ],
)
def test_an_empty_filter_value_is_refused_on_the_cli(
    run_cli: Cli, db: Path, text: str, message: str
) -> None:
    """``site:""`` used to be searched as the word "site" and print "No matches."."""
    build(run_cli, db)
    result = run_cli("search", text, "--db", str(db))
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("newsarchive: error: ") and message in line


def test_each_reading_is_said_once_however_often_it_was_typed() -> None:
    """Every "or" appended its note: "a or b or c" printed the same line twice on stderr
    and the web page, and once more for each group holding one."""
    read_or = "'or' was read as OR (write \"or\" in quotes to search for the word)"
    assert parse_query("мост or пожар or ток").notes == [read_or]
    assert parse_query("(мост or пожар) (ток or вода)").notes == [read_or]


@pytest.mark.parametrize(
    "query", ["мост or site:bta", "мост or author:петрова", 'мост or since:"2024-05-31"']
)
def test_or_before_a_filter_is_left_out_and_said(query: str) -> None:
    """A filter is nothing to match: "or" before one is no operator between words (as
    "or" at the end is not), not an OR refused for 'needing a word on each side'. Nor is
    it a word: searched for, it found nothing (no Bulgarian text holds it) and said
    nothing; it is left out, and said so."""
    parsed = parse_query(query)
    assert parsed.groups == [[Term(("мост",), WORD)]]
    assert parsed.notes == [
        "'or' was left out: it stands between no two words (write \"or\" in quotes to search"
        " for the word)"
    ]


@pytest.mark.parametrize(
    ("query", "fts"),
    [
        ("кмет or", '"кмет"'),
        ("or кмет", '"кмет"'),
        ("кмет and", '"кмет"'),
        ("кмет not", '"кмет"'),
        ("кмет or -мост", '("кмет") NOT ("мост")'),
    ],
)
def test_a_lower_case_operator_joining_no_two_words_is_left_out_and_said(
    query: str, fts: str
) -> None:
    """ "кмет or" searched for the word "or" too: 0 hits, nothing said, where "кмет OR" is
    refused with a line saying why."""
    parsed = parse_query(query)
    assert parsed.fts({}) == fts
    assert (
        len(parsed.notes) == 1
        and "was left out: it stands between no two words" in (parsed.notes[0])
    )
    assert parse_query("or").fts({}) == '"or"'  # (the query's one word: the word)
    assert parse_query('кмет "or"').fts({}) == '"кмет" AND ({title text} : "or")'


@pytest.mark.parametrize(
    ("query", "fts"),
    [
        ("Русе:кметът", '"русе" AND "кметът"'),
        ("кмет:мост", '"кмет" AND "мост"'),
        ("-мост:ремонт кмет", '("ремонт" AND "кмет") NOT ("мост")'),
    ],
)
def test_a_colon_between_two_words_naming_no_filter_is_a_space(query: str, fts: str) -> None:
    """ "Русе:кметът" was searched as the phrase "русе кметът" (0 hits where the archive
    prints the words apart) and said nothing, where "text:кмет" is an unknown filter."""
    parsed = parse_query(query)
    assert parsed.fts({}) == fts
    assert parsed.notes == [
        f"':' in '{query.split()[0]}' was read as a space between words: it names no"
        " filter (the filters are site:, since:, until:, author:, tag:, title:)"
    ]
    assert parse_query('"Русе:кметът"').notes == []  # (quoted: as printed)


@pytest.mark.parametrize("query", ["{title}:кмет", "{title text}:кмет", "-{text}:кмет"])
def test_the_index_s_column_syntax_is_refused_with_what_to_write(query: str) -> None:
    """ "{title}:кмет" (FTS5's column filter) was the words "title" and "кмет" side by side:
    0 hits, nothing said."""
    with pytest.raises(QueryError, match="the index's column syntax.*title:word"):
        parse_query(query)


@pytest.mark.parametrize("dash", ["–", "—", "−"])
def test_a_typographic_dash_opening_a_word_excludes_it(dash: str) -> None:
    """A phone turns "-" into "–": "–кмет" was the word кмет asked for, not excluded.
    Between words, with spaces, a dash stays punctuation."""
    assert parse_query(f"мост {dash}кмет").fts({}) == '("мост") NOT ("кмет")'
    assert parse_query(f'мост {dash}"нов път"').fts({}) == (
        '("мост") NOT ({title text} : "нов път")'
    )
    assert parse_query(f"Русе {dash} кметът").fts({}) == '"русе" AND "кметът"'
    assert parse_query(f"заместник{dash}кмета").fts({}) != '("заместник") NOT ("кмета")'


def test_a_lone_minus_is_left_out_and_said() -> None:
    """ "кмет -": the exclusion's word typed apart from it, or none: it was left out
    without a word."""
    parsed = parse_query("кмет - мост")
    assert parsed.fts({}) == '"кмет" AND "мост"'
    assert parsed.notes == [
        "a lone '-' was left out: to exclude a word, write it right after the dash, as in -футбол"
    ]
