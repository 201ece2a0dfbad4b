"""An analyst's odd inputs to the read commands, on an archive built by the public import
path: each is read as meant or refused in one line, never quietly searched as something
else."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from .support import Result

_RECORDS = [
    ("1-noemvri", "2026-11-30", "Общината прие бюджета за пътищата"),
    ("2-dekemvri", "2026-12-01", "Общината обяви търг за уличното осветление"),
    ("3-dekemvri", "2026-12-15", "Общината отложи ремонта на моста"),
]


@pytest.fixture
def archive(run_cli: Callable[..., Result], tmp_path: Path) -> Path:
    db = tmp_path / "a.db"
    source = tmp_path / "in.jsonl"
    lines = [
        json.dumps(
            {
                "site": "bta",
                "url": f"https://www.bta.bg/bg/news/bulgaria/{slug}",
                "title": title,
                "published": day,
                "text": f"{title}. Решението е на общинския съвет.",
                "fetched_at": "2026-12-20T10:00:00+00:00",  # (a date after it is refused)
            },
            ensure_ascii=False,
        )
        for slug, day, title in _RECORDS
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    return db


def _ids(result: Result) -> list[int]:
    assert result.exit_code == 0, result.stderr
    data = result.json()
    assert isinstance(data, list)
    return sorted(hit["id"] for hit in data)


@pytest.mark.parametrize(
    "args",
    [
        ("общината", "--since", "01.12.2026", "--until", "14.12.2026"),
        ("общината", "--since", "1.12.2026 г.", "--until", "14.12.2026г."),
        ("общината since:01.12.2026 until:14.12.2026",),
        # pasted with the spaces around it (a spreadsheet's cell): was refused
        ("общината", "--since", " 2026-12-01 ", "--until", "2026-12-14\t"),
    ],
)
def test_a_date_written_day_first_as_in_bulgaria_is_read_as_its_iso_twin(
    run_cli: Callable[..., Result], archive: Path, args: tuple[str, ...]
) -> None:
    """A typed "01.12.2026" was refused ("must be a date like 2024-05-31") although every site
    archived prints its dates so, and so does an analyst in Bulgaria."""
    iso = run_cli("search", "общината", "--since", "2026-12-01", "--until", "2026-12-14",
                  "-f", "json", "--db", str(archive))  # fmt: skip
    typed = run_cli("search", *args, "-f", "json", "--db", str(archive))
    assert _ids(typed) == _ids(iso) == [2]


def test_export_reads_the_same_day_first_dates(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    exported = run_cli("export", "--since", "15.12.2026", "--db", str(archive))
    assert exported.exit_code == 0, exported.stderr
    assert [json.loads(line)["published"] for line in exported.stdout.splitlines()] == [
        "2026-12-15"
    ]


@pytest.mark.parametrize("typed", ["31.02.2026", "12/31/2026", "01.12.26", "2026.12.01"])
def test_a_date_that_is_none_or_ambiguous_is_still_one_line_exit_2(
    run_cli: Callable[..., Result], archive: Path, typed: str
) -> None:
    result = run_cli("search", "общината", "--since", typed, "--db", str(archive))
    assert result.exit_code == 2, result.stdout
    assert result.stderr == (
        f"newsarchive: error: --since must be a date like 2024-05-31 or 31.05.2024, not '{typed}'\n"
    )


@pytest.mark.parametrize(
    ("query", "advice"),
    [
        ("общината NEAR бюджета", '"phrase" in quotes'),
        ("NEAR(общината бюджета)", '"phrase" in quotes'),
        ("общината NEAR/3 бюджета", '"phrase" in quotes'),
        ("моста | бюджета", "write OR between words"),
        ("моста || бюджета", "write OR between words"),
        ("моста ||| бюджета", "write OR between words"),
        ("общината && бюджета", "AND-ed already"),
        ("общината &&& бюджета", "AND-ed already"),
        ("общината AND бюджета", "AND-ed already"),
    ],
)
def test_an_operator_of_another_search_syntax_is_refused_with_what_to_write(
    run_cli: Callable[..., Result], archive: Path, query: str, advice: str
) -> None:
    """FTS5's NEAR was searched as the word "near" (No matches, exit 0), and Google's
    "|" was dropped as punctuation, so "моста | бюджета" listed only articles with both."""
    result = run_cli("search", query, "--db", str(archive))
    assert result.exit_code == 2, result.stdout
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "is not an operator here" in lines[0] and advice in lines[0]


def test_near_in_lower_case_stays_a_word(run_cli: Callable[..., Result], archive: Path) -> None:
    """Only the upper-case spellings are FTS5's operators: a word is a word."""
    either = run_cli("search", "моста OR бюджета", "-f", "json", "--db", str(archive))
    assert _ids(either) == [1, 3] and either.stderr == ""
    assert _ids(run_cli("search", "near", "-f", "json", "--db", str(archive))) == []


def test_or_and_and_typed_in_lower_case_between_words_are_read_as_meant_and_said(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """Latin "or" and "and" in a Bulgarian archive: searched as words, "моста or
    бюджета" matched nothing; between words they mean the operator (OR; AND, which words
    are already), and stderr says how they were read. Alone or quoted, words; dangling,
    left out, and said (searched as a word, it found nothing and said nothing)."""
    either = run_cli("search", "моста or бюджета", "-f", "json", "--db", str(archive))
    assert _ids(either) == [1, 3]
    assert either.stderr == "'or' was read as OR (write \"or\" in quotes to search for the word)\n"
    both = run_cli("search", "общината and моста", "-f", "json", "--db", str(archive))
    assert _ids(both) == [3] and both.stderr.startswith("'and' was left out: words are AND-ed")
    counted = run_cli("search", "моста or бюджета", "--count", "--db", str(archive))
    assert counted.exit_code == 0 and counted.stderr.startswith("'or' was read as OR")
    for word in ("or", '"моста or"'):
        quiet = run_cli("search", word, "-f", "json", "--db", str(archive))
        assert _ids(quiet) == [] and quiet.stderr == "", word
    dangling = run_cli("search", "моста or", "-f", "json", "--db", str(archive))
    assert _ids(dangling) == [3] and dangling.stderr.startswith("'or' was left out")


def test_not_typed_in_lower_case_before_a_word_excludes_it_and_says_so(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """ "общината not моста" searched the word "not", which no Bulgarian text holds: no
    hits and not a word on stderr why. Before a word it is -word, as NOT means in every
    other search box; first with nothing else to find, the one-line "only excludes"
    error; quoted, a word; last, left out and said (searched as a word, it found nothing
    and said nothing)."""
    but = run_cli("search", "общината not моста", "-f", "json", "--db", str(archive))
    assert _ids(but) == [1, 2]
    assert but.stderr == (
        "'not' was read as -word: the word after it is excluded"
        ' (write "not" in quotes to search for the word)\n'
    )
    both = run_cli("search", "общината and not моста", "-f", "json", "--db", str(archive))
    assert _ids(both) == [1, 2]
    alone = run_cli("search", "not моста", "--db", str(archive))
    assert alone.exit_code == 2 and alone.stdout == ""
    assert alone.stderr.count("\n") == 1 and "only excludes words" in alone.stderr
    word = run_cli("search", '"not" моста', "-f", "json", "--db", str(archive))
    assert _ids(word) == [] and word.stderr == ""
    last = run_cli("search", "общината not", "-f", "json", "--db", str(archive))
    assert _ids(last) == [1, 2, 3] and last.stderr.startswith("'not' was left out")


def test_a_prefix_inside_quotes_is_a_prefix(run_cli: Callable[..., Result], archive: Path) -> None:
    """A star inside quotes was dropped as punctuation: '"общ*"' matched only "общ"."""
    prefix = run_cli("search", '"общ*"', "-f", "json", "--db", str(archive))
    assert _ids(prefix) == [1, 2, 3]
    phrase = run_cli("search", '"ремонта на мо*"', "-f", "json", "--db", str(archive))
    assert _ids(phrase) == [3] and "**ремонта на моста**" in phrase.json()[0]["snippet"]  # type: ignore[index]
    assert _ids(run_cli("search", 'title:"бюдж*"', "-f", "json", "--db", str(archive))) == [1]
    inside = run_cli("search", '"общ* съвет"', "--db", str(archive))
    assert inside.exit_code == 2
    assert inside.stderr == (
        "newsarchive: error: '*' can only end a phrase's last word,"
        " as in \"общински съв*\" (not 'общ* съвет')\n"
    )


def test_a_pasted_headline_is_searched_without_the_site_s_name(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """A title copied from a browser's tab ends in " | " and the site's name, which was
    refused as Google's OR; "a | b" still is (test above)."""
    pasted = run_cli(
        "search", "Общината отложи ремонта на моста | БТА", "-f", "json", "--db", str(archive)
    )
    assert _ids(pasted) == [3]
    assert pasted.stderr == (
        "'|' was read as a pasted headline's separator: 'БТА' (the site's name) left out\n"
    )
    first = run_cli("search", "БТА | Общината прие бюджета", "-f", "json", "--db", str(archive))
    assert _ids(first) == [1]
    for refused in ("моста | бюджета", "нов мост | стар мост", "общината | моста | бюджета"):
        assert run_cli("search", refused, "--db", str(archive)).exit_code == 2, refused


def test_search_piped_keeps_each_title_on_one_line_and_no_trailing_blanks(
    run_cli: Callable[..., Result],
    archive: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Piped into a file or grep, a title longer than 120 columns was wrapped onto two
    lines (a grep for its words across the break found nothing), and every snippet line
    was padded with blanks to the block's width."""
    monkeypatch.delenv("COLUMNS", raising=False)
    title = "Кметът откри обновената улица " + " ".join(["Александровска и площад Свобода"] * 5)
    record = {
        "site": "bta",
        "url": "https://www.bta.bg/bg/news/bulgaria/4-ulitsa",
        "title": title,
        "published": "2026-10-01",
        "text": "Улицата е обновена. " * 40,
    }
    source = tmp_path / "long.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(archive)).exit_code == 0
    result = run_cli("search", "улицата", "--db", str(archive))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert f"4  bta  2026-10-01  {title}" in lines, lines
    assert lines[-2] == "    https://www.bta.bg/bg/news/bulgaria/4-ulitsa", lines
    snippet = lines[1:-2]
    assert len(snippet) >= 2 and all(line.startswith("    ") for line in snippet), lines
    assert [line for line in lines if line != line.rstrip()] == []
    assert "\x1b" not in result.stdout


@pytest.mark.parametrize(
    ("typed", "cyrillic", "matches"),
    [
        ("Obshtinata", "общината", "3 articles"),
        ("Mosta", "моста", "1 article"),
        ("общината Mosta", "общината моста", "1 article"),  # mixed scripts
        # the query's syntax stays, its words are spelled: these said only "No matches."
        ("Obshtinata OR Mosta", "общината OR моста", "3 articles"),
        ('"Mosta"', '"моста"', "1 article"),
        ("obshtinata -mosta site:bta", "общината -моста site:bta", "2 articles"),
        ("title:obsht* since:2026-12-01", "title:общ* since:2026-12-01", "2 articles"),
        ("(byudzheta OR osvetlenie)", "(бюджета OR осветление)", "2 articles"),
        # the law writes "ъ" as "a" too: the reading the archive holds is offered
        ("obshtinskiya savet", "общинския съвет", "3 articles"),
        ("Patishtata", "пътищата", "1 article"),
    ],
)
def test_latin_letters_that_match_nothing_are_told_of_their_cyrillic_spelling(
    run_cli: Callable[..., Result], archive: Path, typed: str, cyrillic: str, matches: str
) -> None:
    """A typed "Obshtinata" said "No matches." and nothing else: the archive is in Cyrillic."""
    result = run_cli("search", typed, "--db", str(archive))
    assert result.exit_code == 0 and result.stdout == "No matches.\n"
    assert result.stderr == (
        f"'{typed}' is in Latin letters; in Cyrillic, '{cyrillic}' matches {matches}:"
        f" newsarchive search '{cyrillic}'\n"
    )
    as_json = run_cli("search", typed, "-f", "json", "--db", str(archive))
    assert as_json.stdout == "[]\n" and cyrillic in as_json.stderr
    counted = run_cli("search", typed, "--count", "-f", "json", "--db", str(archive))
    assert counted.stdout == "[]\n" and counted.stderr == result.stderr


@pytest.mark.parametrize(
    "typed", ["Varna", "quick", "Obshtinata OR quick", "Obshtinata1", "site:bta Varna"]
)
def test_no_cyrillic_spelling_is_offered_when_none_matches_or_a_word_is_no_bulgarian(
    run_cli: Callable[..., Result], archive: Path, typed: str
) -> None:
    result = run_cli("search", typed, "--db", str(archive))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "No matches.\n", "")


@pytest.mark.parametrize("typed", ["2026-12-01", "01.12.2026", "1.12.2026"])
def test_a_date_searched_as_words_is_told_of_the_articles_of_that_day(
    run_cli: Callable[..., Result], archive: Path, typed: str
) -> None:
    """A date typed as the query ("articles of 1 December") was searched as the words
    2026, 12 and 01, which no text holds: "No matches." and nothing else."""
    result = run_cli("search", typed, "--db", str(archive))
    assert result.exit_code == 0 and result.stdout == "No matches.\n"
    assert result.stderr == (
        f"'{typed}' is a date, which no article's text holds as typed; 1 article is of that"
        " day: newsarchive search --since 2026-12-01 --until 2026-12-01\n"
    )
    told = run_cli("search", "--since", "2026-12-01", "--until", "2026-12-01", "--db", str(archive))
    assert "Общината обяви търг" in told.stdout
    for other in (("2026-12-02",), ("2026-12-01", "--since", "2026-12-02"), ("2026-02-30",)):
        quiet = run_cli("search", *other, "--db", str(archive))  # none that day: nothing said
        assert (quiet.exit_code, quiet.stderr) == (0, ""), other


def test_the_day_told_for_a_date_keeps_the_site_it_was_counted_under(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """The articles of the day are counted under the search's ``--site``: the command
    told without it would list every site's articles of that day, not the number said."""
    result = run_cli("search", "2026-12-01", "--site", "bta", "--db", str(archive))
    assert result.stderr == (
        "'2026-12-01' is a date, which no article's text holds as typed; 1 article is of"
        " that day: newsarchive search --site bta --since 2026-12-01 --until 2026-12-01\n"
    )


def test_the_cyrillic_spelling_told_keeps_the_filters_it_was_counted_under(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """The matches of the Cyrillic spelling are counted under the search's --site and
    dates, but the command told dropped them: run, it listed more than the number said."""
    options = ("--site", "bta", "--since", "1.12.2026")
    result = run_cli("search", "Obshtinata", *options, "--db", str(archive))
    [line] = result.stderr.splitlines()
    said, told = line.split(": newsarchive search ")
    assert told == "'общината' --site bta --since 2026-12-01", line
    matches = int(said.rsplit(" matches ", 1)[1].split()[0])
    listed = run_cli("search", "общината", *options, "-f", "json", "--db", str(archive))
    assert len(listed.json()) == matches  # type: ignore[arg-type]
    everywhere = run_cli("search", "общината", "-f", "json", "--db", str(archive))
    assert len(everywhere.json()) > matches  # type: ignore[arg-type]


def test_a_timeline_of_latin_words_that_match_nothing_is_told_their_cyrillic_spelling(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """``stats --timeline Obshtinata`` said only "No articles match." where ``search``
    offered the Cyrillic spelling; the chart's numbers (CSV, JSON) stay what they were."""
    told = (
        "'Obshtinata' is in Latin letters; in Cyrillic, 'общината' matches 3 articles:"
        " newsarchive search 'общината'\n"
    )
    for fmt in ("text", "csv", "json"):
        result = run_cli("stats", "--timeline", "Obshtinata", "-f", fmt, "--db", str(archive))
        assert result.exit_code == 0 and result.stderr == told, (fmt, result.stderr)
    shown = run_cli("stats", "--timeline", "Obshtinata", "-f", "json", "--db", str(archive))
    assert "hint" not in shown.json()  # type: ignore[operator]
    quiet = run_cli("stats", "--timeline", "quick", "--db", str(archive))
    assert (quiet.stdout, quiet.stderr) == ("No articles match.\n", "")


def test_an_or_typed_in_lower_case_is_an_operator_to_the_cyrillic_spelling_too(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """ "or" between words is read as OR, as "OR" is: the spelling offered keeps it an
    operator (once it was offered for the one and not for the other)."""
    result = run_cli("search", "Obshtinata or Mosta", "--db", str(archive))
    assert (result.exit_code, result.stdout) == (0, "No matches.\n")
    assert result.stderr.splitlines() == [
        "'or' was read as OR (write \"or\" in quotes to search for the word)",
        "'Obshtinata or Mosta' is in Latin letters; in Cyrillic, 'общината or моста' matches"
        " 3 articles: newsarchive search 'общината or моста'",
    ]


@pytest.mark.parametrize(
    ("typed", "cyrillic", "matches"),
    [
        ("Общиnата", "Общината", "3 articles"),  # "n": no Cyrillic twin, spelled "н"
        ("МОSТА", "МОСТА", "1 article"),  # in its case
        ("Pоsта", "Роста", None),  # "P" looks like "Р": read so, as stored text is read
        ("моsта OR Obshtinata", "моста OR общината", "3 articles"),
    ],
)
def test_latin_letters_inside_a_cyrillic_word_are_told_of_its_cyrillic_spelling(
    run_cli: Callable[..., Result], archive: Path, typed: str, cyrillic: str, matches: str | None
) -> None:
    """A Latin letter with no Cyrillic twin inside a Cyrillic word (the keyboard's layout
    switched for one letter: "Общиnата") keeps the word from being folded, as "Mинистерски"
    is: it found nothing and said only "No matches." The hint reads the word's Latin
    letters as its own, the look-alikes as their twins and the others as the law spells
    them."""
    result = run_cli("search", typed, "--db", str(archive))
    assert result.exit_code == 0 and result.stdout == "No matches.\n"
    if matches is None:  # (no such word here: nothing said)
        assert result.stderr == ""
        return
    assert result.stderr == (
        f"'{typed}' has Latin letters in a Cyrillic word; in Cyrillic, '{cyrillic}' matches"
        f" {matches}: newsarchive search '{cyrillic}'\n"
    )
    told = run_cli("search", cyrillic, "-f", "json", "--db", str(archive))
    assert len(told.json()) == int(matches.split()[0])  # type: ignore[arg-type]


def test_the_web_page_offers_the_cyrillic_spelling_of_latin_words_that_match_nothing(
    archive: Path,
) -> None:
    """The web page is for people who never use a terminal: "Obshtinata" said only "No
    articles match." there too."""
    from newsarchive.web.server import make_datasette

    from .web_support import fetch

    latin, english = fetch(
        make_datasette(archive), "/search?q=Obshtinata&since=2026-12-01", "/search?q=quick"
    )
    assert latin.status_code == 200, latin.text
    said = re.sub(r"\s+", " ", latin.text)
    assert "No articles match." in said
    assert (
        '<p class="na-count" id="cyrillic">In Cyrillic letters, <a href="/search?q=%D0%BE%D0%B1'
        in said
    )
    assert "since=2026-12-01" in said.split('id="cyrillic"')[1].split("</p>")[0]
    assert ">общината</a> matches 2 articles.</p>" in said
    assert english.status_code == 200 and 'id="cyrillic"' not in english.text


def test_the_web_page_links_the_articles_of_a_date_searched_as_words(archive: Path) -> None:
    """A date in the words box said "No articles match." alone, as the CLI did."""
    from newsarchive.web.server import make_datasette

    from .web_support import fetch

    dated, none = fetch(make_datasette(archive), "/search?q=01.12.2026", "/search?q=2026-12-02")
    said = re.sub(r"\s+", " ", dated.text)
    assert dated.status_code == 200 and "No articles match." in said
    assert (
        '<p class="na-count" id="day">A date is no word of a text: <a href="/search?'
        'since=2026-12-01&amp;until=2026-12-01&amp;sort=relevance">1 article of 2026-12-01</a>.'
    ) in said
    assert none.status_code == 200 and 'id="day"' not in none.text


@pytest.mark.parametrize(
    "typed",
    ["https://www.bta.bg/bg/news/bulgaria/3-dekemvri", "www.bta.bg/bg/news/bulgaria/3-dekemvri/"],
)
def test_an_articles_address_searched_for_names_the_article_to_show(
    run_cli: Callable[..., Result], archive: Path, typed: str
) -> None:
    """A URL pasted into search matched nothing (addresses are not indexed) and said
    only "No matches." although the article is archived there."""
    result = run_cli("search", typed, "--db", str(archive))
    assert result.exit_code == 0 and result.stdout == "No matches.\n"
    assert result.stderr == (
        f"addresses are not searched; the article archived at '{typed}' is 3: newsarchive show 3\n"
    )
    unknown = run_cli("search", "https://www.bta.bg/nowhere\x1b[2J", "--db", str(archive))
    assert (unknown.exit_code, unknown.stderr) == (0, "")


@pytest.mark.parametrize("by", ["month", "week"])
def test_a_timeline_reaching_the_last_day_a_date_can_have_is_charted_not_a_crash(
    run_cli: Callable[..., Result], archive: Path, tmp_path: Path, by: str
) -> None:
    """An article dated in the year 9999 (a typo, or a CMS's "never expires", in an
    archive imported before import-jsonl refused such a date): the timeline's step past
    its month or week went past the last date Python has, and ``stats --timeline`` was an
    internal error, exit 70."""
    record = {
        "site": "bta", "url": "https://www.bta.bg/bg/news/bulgaria/4-kray",
        "title": "Общината и краят на календара", "published": "2026-12-31",
        "text": "Общината и краят на календара. Решението е на общинския съвет.",
        "fetched_at": "2027-01-02T10:00:00+00:00",
    }  # fmt: skip
    source = tmp_path / "far.jsonl"
    source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(archive)).exit_code == 0
    with sqlite3.connect(archive) as conn:
        conn.execute("UPDATE articles SET published_date = '9999-12-31' WHERE url LIKE '%kray'")
    result = run_cli(
        "stats", "--timeline", "общината", "--by", by, "-f", "json", "--db", str(archive)
    )
    assert result.exit_code == 0, result.stderr
    rows = [row for row in result.json()["rows"] if row["site"] == "all" and row["count"]]
    counts, last = ([1, 2, 1], "9999-12") if by == "month" else ([2, 1, 1], "9999-W52")
    assert [row["count"] for row in rows] == counts and rows[-1]["period"] == last
    chart = run_cli("stats", "--timeline", "общината", "--by", by, "--db", str(archive))
    assert chart.exit_code == 0 and last in chart.stdout, chart.stderr


def test_a_quoted_phrase_that_matched_nothing_is_told_its_words_in_any_form(
    run_cli: Callable[..., Result], archive: Path
) -> None:
    """Quotes ask for the forms typed, side by side: '"общински съвет"', the dictionary
    form an analyst types, found none of the texts saying "общинския съвет" and said only
    "No matches.", as if the archive had nothing on the council."""
    result = run_cli("search", '"общински съвет"', "--site", "bta", "--db", str(archive))
    assert (result.exit_code, result.stdout) == (0, "No matches.\n")
    assert result.stderr == (
        "'\"общински съвет\"' matched nothing: quoted words match only as typed, side by"
        " side; in any form, 'общински съвет' matches 3 articles: newsarchive search"
        " 'общински съвет' --site bta\n"
    )
    told = run_cli("search", "общински съвет", "--site", "bta", "-f", "json", "--db", str(archive))
    assert len(told.json()) == 3  # type: ignore[arg-type]
    exact = run_cli("search", "общински съвет", "--exact", "--db", str(archive))
    assert exact.stderr == (
        "'общински съвет' matched nothing: with --exact its words match only as typed; in"
        " any form, 'общински съвет' matches 3 articles: newsarchive search 'общински съвет'\n"
    )
    # a headline's phrase is its words, each in the headline
    headline = run_cli("search", 'title:"улично осветление"', "--db", str(archive))
    assert headline.stderr == (
        "'title:\"улично осветление\"' matched nothing: quoted words match only as typed,"
        " side by side; in any form, 'title:улично title:осветление' matches 1 article:"
        " newsarchive search 'title:улично title:осветление'\n"
    )
    # an excluded phrase and a filter's quoted value stay quoted; nothing else to loosen
    kept = run_cli("search", '"общински съвет" -"търг" author:"Иван"', "--db", str(archive))
    assert kept.stdout == "No matches.\n" and kept.stderr == ""
    # quoted words the archive holds in no form: nothing to offer
    nothing = run_cli("search", '"общински парк"', "--db", str(archive))
    assert (nothing.stdout, nothing.stderr) == ("No matches.\n", "")


def test_the_web_page_links_a_quoted_phrase_s_words_in_any_form(archive: Path) -> None:
    from newsarchive.web.server import make_datasette

    from .web_support import fetch

    quoted, found = fetch(
        make_datasette(archive),
        "/search?q=%22%D0%BE%D0%B1%D1%89%D0%B8%D0%BD%D1%81%D0%BA%D0%B8+%D1%81%D1%8A%D0%B2%D0%B5%D1%82%22&since=2026-12-01",
        "/search?q=%22%D0%BE%D0%B1%D1%89%D0%B8%D0%BD%D1%81%D0%BA%D0%B8%D1%8F+%D1%81%D1%8A%D0%B2%D0%B5%D1%82%22",
    )
    said = re.sub(r"\s+", " ", quoted.text)
    assert quoted.status_code == 200 and "No articles match." in said
    assert (
        '<p class="na-count" id="forms">Quoted words match only as typed, side by side; in'
        ' any form, <a href="/search?q=%D0%BE%D0%B1%D1%89%D0%B8%D0%BD%D1%81%D0%BA%D0%B8+'
        "%D1%81%D1%8A%D0%B2%D0%B5%D1%82&amp;since=2026-12-01&amp;sort=relevance"
        '">общински съвет</a> matches 2 articles.</p>'
    ) in said
    assert found.status_code == 200 and 'id="forms"' not in found.text  # ("общинския съвет")


def test_russian_words_are_found_with_or_without_yo(
    run_cli: Callable[..., Result], tmp_path: Path
) -> None:
    """BTA has a Russian service, and Russian is mostly written and typed without ё:
    "елка" found none of the articles printing "ёлка", "ёлка" none printing "елка",
    "еще" no "ещё", "елк*" no "ёлка". Each spelling finds both, marked as printed;
    Bulgarian, which has no ё, is searched as before."""
    db = tmp_path / "ru.db"
    texts = [
        ("1", "Ещё одна ёлка появилась на площади Свободы."),
        ("2", "Еще одна елка появилась на площади."),
        ("3", "Общината украси елха на площада."),
    ]
    source = tmp_path / "ru.jsonl"
    source.write_text(
        "".join(
            json.dumps({"site": "bta", "url": f"https://www.bta.bg/ru/{n}", "title": f"Новость {n}",
                        "published": f"2026-06-0{n}", "text": text}, ensure_ascii=False) + "\n"
            for n, text in texts
        ),
        encoding="utf-8",
    )  # fmt: skip
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0

    def found(query: str) -> list[tuple[int, str]]:
        result = run_cli("search", query, "-f", "json", "--db", str(db))
        assert result.exit_code == 0, result.stderr
        return sorted((hit["id"], hit["snippet"]) for hit in result.json())  # type: ignore[union-attr]

    both = [(1, "Ещё одна **ёлка** появилась на площади Свободы."),
            (2, "Еще одна **елка** появилась на площади.")]  # fmt: skip
    assert found("елка") == found("ёлка") == found("ЁЛКА") == both
    assert found("елк*") == found("ёлк*") == both  # a prefix too
    assert [hit[0] for hit in found("еще")] == [hit[0] for hit in found("Ещё")] == [1, 2]
    assert [hit[0] for hit in found("ёлка -ещё")] == []
    assert [hit[0] for hit in found("общината")] == [3]


@pytest.mark.parametrize(
    "typed",
    ["„на общинския съвет“", "“на общинския съвет”", "«на общинския съвет»",
     '"на общинския съвет“'],
    ids=["bulgarian", "english", "guillemets", "mixed"],
)  # fmt: skip
def test_typographic_quotes_make_a_phrase(
    run_cli: Callable[..., Result], archive: Path, typed: str
) -> None:
    """„…“ (a Bulgarian keyboard's, and every archived text's) and “…” (a phone's keyboard
    puts them in the web page's box) were marks between words: „съвет общинския“ found
    the texts printing "общинския съвет", the words in another order, as a phrase in
    ASCII quotes does not; and '"a phrase“' was an unbalanced quote."""
    phrase = run_cli("search", typed, "-f", "json", "--db", str(archive))
    assert phrase.exit_code == 0, phrase.stderr
    assert len(phrase.json()) == 3  # type: ignore[arg-type]
    swapped = typed.replace("на общинския съвет", "съвет общинския")
    turned = run_cli("search", swapped, "--db", str(archive))
    assert (turned.exit_code, turned.stdout) == (0, "No matches.\n")
    assert "matched nothing: quoted words match only as typed" in turned.stderr
    # an odd one out is a mark between words, as before
    odd = run_cli("search", "„общинския съвет", "-f", "json", "--db", str(archive))
    assert odd.exit_code == 0 and len(odd.json()) == 3  # type: ignore[arg-type]
    from urllib.parse import quote

    from newsarchive.web.server import make_datasette

    from .web_support import fetch

    page, none = fetch(make_datasette(archive), f"/search?q={quote(typed)}",
                       f"/search?q={quote(swapped)}")  # fmt: skip
    assert page.status_code == 200 and "1–3 of 3 articles" in page.text
    assert none.status_code == 200 and "No articles match." in none.text


@pytest.mark.parametrize(
    ("typed", "kind", "cli_says"),
    [
        ("https://www.bta.bg/bg/news/bulgaria/3-dekemvri", "address", "addresses are not"),
        ("01.12.2026", "day", "is a date"),
        ("Obshtinata", "cyrillic", "in Cyrillic"),
        ('"общински съвет"', "forms", "in any form"),
    ],
)
def test_the_web_page_and_the_cli_tell_the_same_hint_of_a_query_that_matched_nothing(
    run_cli: Callable[..., Result], archive: Path, typed: str, kind: str, cli_says: str
) -> None:
    """One source of the hints and their order (``search.no_match``): the web page looked
    for the Cyrillic spelling before the date where the CLI looked for the date first,
    and told nothing of an article's address pasted into its box, which the CLI names."""
    from urllib.parse import quote

    from newsarchive.web.server import make_datasette

    from .web_support import fetch

    told = run_cli("search", typed, "--db", str(archive))
    assert told.stdout == "No matches.\n" and cli_says in told.stderr, told.stderr
    [page] = fetch(make_datasette(archive), f"/search?q={quote(typed)}")
    shown = re.findall(r'<p class="na-count" id="(address|day|cyrillic|forms)"', page.text)
    assert page.status_code == 200 and shown == [kind], shown
    if kind == "address":
        assert (
            '<p class="na-count" id="address">Addresses are not searched: the article archived'
            ' there is <a href="/article/3">3</a>.</p>'
        ) in page.text


# The hints in ``search.no_match``'s order (the pasted address first, the word forms
# last), each with what the CLI says of it and a query that could be each
_HINTS = [
    ("address", "addresses are not"),
    ("day", "is a date"),
    ("cyrillic", "in Cyrillic"),
    ("forms", "in any form"),
]
_ARCHIVED_AT = "https://www.bta.bg/bg/news/bulgaria/3-dekemvri"


@pytest.mark.parametrize("place", range(len(_HINTS)), ids=[kind for kind, _ in _HINTS])
def test_the_no_match_hints_are_looked_for_in_one_order(
    run_cli: Callable[..., Result], archive: Path, monkeypatch: pytest.MonkeyPatch, place: int
) -> None:
    """Where more than one could be told, the first in ``search.no_match``'s order is, by
    both front ends: each hint in its place, with every hint after it holding too (and
    none before it), is the one told."""
    import datetime as dt

    from newsarchive.archive import search
    from newsarchive.archive.store import Filters
    from newsarchive.web.server import make_datasette

    from .web_support import fetch

    kind, cli_says = _HINTS[place]
    assert [search.ADDRESS, search.DAY, search.CYRILLIC, search.FORMS] == [k for k, _ in _HINTS]
    answers = {
        "of_the_day": ("day", (dt.date(2026, 12, 1), 1)),
        "in_cyrillic": ("cyrillic", ("общината", 3)),
        "in_any_form": ("forms", ("общински съвет", 2)),
    }
    holds = {k for k, _ in _HINTS[place:]}
    for name, (hint_kind, answer) in answers.items():  # those before its place hold not
        said = answer if hint_kind in holds else None
        monkeypatch.setattr(search, name, lambda *_, said=said, **__: said)
    typed = _ARCHIVED_AT if kind == "address" else "Obshtinata"
    with sqlite3.connect(archive) as conn:
        hint = search.no_match(conn, typed, Filters())
    assert hint is not None and hint.kind == kind
    told = run_cli("search", typed, "--db", str(archive))
    assert told.stdout == "No matches.\n" and cli_says in told.stderr, told.stderr
    for _, other in _HINTS:
        assert other == cli_says or other not in told.stderr, told.stderr
    from urllib.parse import quote

    [page] = fetch(make_datasette(archive), f"/search?q={quote(typed)}")
    shown = re.findall(r'<p class="na-count" id="(address|day|cyrillic|forms)"', page.text)
    assert page.status_code == 200 and shown == [kind], shown


def test_an_address_pasted_is_told_of_as_an_address_or_not_at_all(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An address archived nowhere gets no hint, not a later one (its words, a date or
    Latin letters, mean nothing as a query): the address is the first place and the only
    one for it."""
    import datetime as dt

    from newsarchive.archive import search
    from newsarchive.archive.store import Filters

    monkeypatch.setattr(search, "of_the_day", lambda *_, **__: (dt.date(2026, 12, 1), 1))
    monkeypatch.setattr(search, "in_cyrillic", lambda *_, **__: ("общината", 3))
    monkeypatch.setattr(search, "in_any_form", lambda *_, **__: ("общински съвет", 2))
    with sqlite3.connect(archive) as conn:
        assert search.no_match(conn, _ARCHIVED_AT + "-not-archived", Filters()) is None
        assert search.no_match(conn, "Obshtinata", Filters()) == search.NoMatch(
            search.DAY, 1, day=dt.date(2026, 12, 1)
        )
