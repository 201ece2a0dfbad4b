"""What the read side asks the archive, counted on a real archive: the web search page
checks its sites and looks up its lemmas once for the hits and the chart, ``stats
--timeline`` checks its sites once, ``show`` reads the article row once, and ``serve``
opens the file once before Datasette takes over. The answers stay those of the separate
calls."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from newsarchive import api
from newsarchive.archive import search
from newsarchive.archive.connection import connect_reader
from newsarchive.archive.query import parse_query
from newsarchive.archive.search import SearchOptions, page_and_months, per_month, search_page
from newsarchive.archive.store import Filters
from newsarchive.errors import QueryError

from .search_corpus import build
from .support import Result

Cli = Callable[..., Result]
SITES_QUERY = "SELECT DISTINCT site FROM articles"
LEMMA_QUERY = "FROM lemma_vocab WHERE form IN"


@pytest.fixture
def archive(run_cli: Cli, tmp_path: Path) -> Path:
    return build(run_cli, tmp_path / "demo.db")


@contextmanager
def traced(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every statement run on the connections ``api`` opens while inside."""
    seen: list[str] = []

    def reader(path: Path) -> sqlite3.Connection:
        conn = connect_reader(path)
        conn.set_trace_callback(seen.append)
        return conn

    with monkeypatch.context() as patch:
        patch.setattr(api, "connect_reader", reader)
        yield seen


def count(seen: list[str], fragment: str) -> int:
    return sum(fragment in statement for statement in seen)


@pytest.mark.parametrize("words", ["община", "улицата site:bta", "община site:nsorb"])
def test_search_page_and_chart_share_one_preparation(archive: Path, words: str) -> None:
    """The word "улицата" is not in the archive: only the dictionary guesses "улица"."""
    query, filters = parse_query(words), Filters(sites=("bta", "nsorb"))
    options = SearchOptions(filters=filters, limit=20, offset=0)
    conn = connect_reader(archive)
    try:
        apart = search_page(conn, query, options), per_month(conn, query, filters)
        seen: list[str] = []
        conn.set_trace_callback(seen.append)
        together = page_and_months(conn, query, options)
    finally:
        conn.close()
    assert together == apart
    assert count(seen, SITES_QUERY) == 1  # was 2: search_page and per_month each
    assert count(seen, LEMMA_QUERY) == 1  # was 2


def test_dictionary_guesses_are_made_once_for_page_and_chart(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[Any] = []
    guess = search.guess_lemmas

    def counted(words: Any) -> dict[str, str]:
        calls.append(words)
        return guess(words)

    monkeypatch.setattr(search, "guess_lemmas", counted)
    conn = connect_reader(archive)
    try:
        (hits, total), months = page_and_months(conn, parse_query("улицата"), SearchOptions())
    finally:
        conn.close()
    assert total == len(hits) == 2 and sum(m["count"] for m in months) == 2
    assert len(calls) == 1  # was 2


def test_timeline_checks_its_sites_once(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filters = Filters(sites=("bta", "nsorb"))
    with traced(monkeypatch) as seen:
        found = api.timeline(archive, "община", filters=filters)
    assert count(seen, SITES_QUERY) == 1  # was 2: api.timeline, then its search
    assert {r["site"] for r in found["rows"]} == {"bta", "nsorb", "all"}
    with traced(monkeypatch) as seen:
        api.timeline(archive, "община site:bta")  # no --site: the query's own is checked
    assert count(seen, SITES_QUERY) == 1


@pytest.mark.parametrize(
    ("sites", "words", "message"),
    [
        (("nowhere", "bta"), "община site:bta", "unknown site 'nowhere'"),
        (("nowhere",), "община site:bta", "unknown site 'nowhere'"),
        (("nsorb",), "община site:bta", "have no site in common"),
        ((), "община site:nowhere", "unknown site 'nowhere'"),
    ],
)
def test_timeline_refuses_the_sites_it_refused(
    archive: Path, sites: tuple[str, ...], words: str, message: str
) -> None:
    with pytest.raises(QueryError, match=message):
        api.timeline(archive, words, filters=Filters(sites=sites))


def test_show_reads_the_article_row_once(archive: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with traced(monkeypatch) as seen:
        found = api.show(archive, "1")
    assert count(seen, "FROM articles WHERE id =") == 1  # was 2
    assert len(seen) == 3  # was 4: the row, its revisions, its story's copies
    assert list(found)[-5:] == ["extractor", "capture_id", "updated_at", "revisions", "also"]
    assert found["updated_at"] and found["extractor"] is None and found["capture_id"] is None


def test_serve_opens_the_archive_once_before_datasette(
    archive: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("datasette")
    from newsarchive.web.server import check_archive, make_datasette

    opened: list[str] = []
    real = sqlite3.connect

    def connect(database: Any, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        opened.append(str(database))
        return real(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    check_archive(archive)
    make_datasette(archive).app()
    assert sum(archive.name in target for target in opened) == 1  # was 7


def test_a_page_past_the_end_counts_what_the_chart_counts(archive: Path) -> None:
    """A page past the last hit is empty because of its offset, not its words: its total
    is what the chart counts and the first page's, the dictionary's guess for the unknown
    "улицата" (улица: 1 and 5) counting in each, as it does whatever else the query finds."""
    conn = connect_reader(archive)
    try:
        (hits, total), months = page_and_months(
            conn, parse_query("улицата OR парк"), SearchOptions(offset=100)
        )
        first_page, first_total = search_page(conn, parse_query("улицата OR парк"), SearchOptions())
    finally:
        conn.close()
    assert hits == [] and total == sum(m["count"] for m in months) == first_total == 3
    assert sorted(h["id"] for h in first_page) == [1, 3, 5]


def test_a_word_the_dictionary_cannot_guess_is_not_searched_again(archive: Path) -> None:
    """No hits, a word the archive never saw, and no guess for it: the statement is not
    run a second time with the very same lemmas."""
    conn = connect_reader(archive)
    try:
        seen: list[str] = []
        conn.set_trace_callback(seen.append)
        hits, total = search_page(conn, parse_query("ксплфрг"), SearchOptions())
    finally:
        conn.close()
    assert hits == [] and total == 0
    assert count(seen, "bm25(") == 1  # was 2: the page, the probe, the page again
    # the page, and the one look in the index that finds the word nowhere (``unseen``)
    assert count(seen, "MATCH") == 2


PROBE = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH "


@pytest.mark.parametrize(
    ("words", "offset", "probes"),
    [
        ("ксплфрг", 0, 1),  # a word no article holds: looked for once
        ("улицата", 0, 1),  # no article holds this form: guessed (улица)
        ("улицата OR парк", 100, 2),  # парк is its own lemma: found, not guessed
    ],
)
def test_each_word_outside_the_vocabulary_is_looked_for_once_per_query(
    archive: Path, words: str, offset: int, probes: int
) -> None:
    """A word the archive's vocabulary lacks is looked for in the index once when the
    query is prepared (is it a form no article holds, for the dictionary to guess?),
    whatever its statements find: the page, ``--count`` and the chart then count the
    same articles, a page past the end included. It used to be asked after a statement
    found nothing, which left a form no article holds unguessed beside a word that found
    something ("улицата OR парк" missed the улица articles)."""
    conn = connect_reader(archive)
    try:
        seen: list[str] = []
        conn.set_trace_callback(seen.append)
        hits, total = search_page(conn, parse_query(words), SearchOptions(offset=offset))
        page_probes = count(seen, PROBE)
        seen.clear()
        totals = search.per_site_year(search.Prepared(conn, parse_query(words), Filters()))
        count_probes = count(seen, PROBE)
        seen.clear()
        months = per_month(conn, parse_query(words), Filters())
        chart_probes = count(seen, PROBE)
    finally:
        conn.close()
    expected = {"ксплфрг": 0, "улицата": 2, "улицата OR парк": 3}[words]
    assert total == sum(t["count"] for t in totals) == sum(m["count"] for m in months) == expected
    assert len(hits) == (expected if not offset else 0)
    assert page_probes == count_probes == chart_probes == probes


@pytest.mark.parametrize(("words", "lookups"), [("община", 1), ("site:bta", 0)])
def test_one_hit_per_story_reads_each_article_row_at_most_once(
    archive: Path, words: str, lookups: int
) -> None:
    """``--collapse`` ranks the copies of each story and then the stories by the columns
    the sort reads; the hits carry those columns, so neither step looks every hit up in
    the articles table again (it did twice: 3 lookups per hit with words, 2 without)."""
    conn = connect_reader(archive)
    try:
        seen: list[str] = []
        conn.set_trace_callback(seen.append)
        hits, total = search_page(conn, parse_query(words), SearchOptions(collapse=True))
        conn.set_trace_callback(None)
        (statement,) = [s for s in seen if "ROW_NUMBER()" in s]
        plan = [str(r[-1]) for r in conn.execute(f"EXPLAIN QUERY PLAN {statement}")]
    finally:
        conn.close()
    assert hits and total == len(hits)
    assert sum("SEARCH a USING INTEGER PRIMARY KEY" in step for step in plan) == lookups


def test_a_page_with_no_room_does_not_pass_for_one_that_found_nothing(archive: Path) -> None:
    """``limit=0`` (the API allows it) returns no rows whatever matches: the total is
    still counted, with the dictionary's guess for "улицата" as every statement has it."""
    conn = connect_reader(archive)
    try:
        hits, total = search_page(conn, parse_query("улицата OR парк"), SearchOptions(limit=0))
    finally:
        conn.close()
    assert hits == [] and total == 3


NAME_SAMPLE_READ = "SELECT a.title, a.text FROM articles_fts JOIN articles"


def test_the_undated_count_shares_the_dated_query_s_preparation(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``search`` with dates counts the undated matches its dates leave out: that count
    prepared the query a second time, its lemmas looked up and its words' name checks
    read again (the same words, only the dates dropped)."""
    records = [
        {"site": "bta", "url": "https://www.bta.bg/v1", "title": "Фестивал",
         "published": "2025-08-15", "text": "Танцьори идват във Варна за фестивала."},
        {"site": "bta", "url": "https://www.bta.bg/v2", "title": "Концерт",
         "published": None, "text": "Оркестър от Русе свири във Варна."},
    ]  # fmt: skip
    db = build(run_cli, tmp_path / "names.db", records)
    for undated in (False, True):
        with traced(monkeypatch) as seen:
            page = api.search_page(
                db, "Варна site:bta", filters=Filters(since=dt.date(2025, 1, 1)), undated=undated
            )
        assert [h["id"] for h in page.hits] == [1] and page.undated == int(undated)
        assert count(seen, LEMMA_QUERY) == 1  # was 2 with the undated count
        assert count(seen, SITES_QUERY) == 1  # site:bta checked once
        if not undated:
            reads = count(seen, NAME_SAMPLE_READ)
    assert count(seen, NAME_SAMPLE_READ) == reads > 0
    with traced(monkeypatch) as seen:
        totals = api.search_totals(
            db, "Варна", filters=Filters(since=dt.date(2025, 1, 1)), undated=True
        )
    assert (totals.rows, totals.undated) == ([{"site": "bta", "year": 2025, "count": 1}], 1)
    assert count(seen, LEMMA_QUERY) == 1 and count(seen, NAME_SAMPLE_READ) == reads


def test_a_search_that_matched_nothing_finds_its_hint_on_the_same_connection(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI's "in Cyrillic, 'русе' matches …" line for a query that matched nothing
    opened the archive a second time (its checks, and an old archive's warning, again)."""
    db, opened = _latin_archive_counting_opens(run_cli, tmp_path, monkeypatch)
    page = api.search_page(db, "Ruse", undated=True, hint=True)
    assert (page.hits, page.total, len(opened)) == ([], 0, 1)
    assert page.hint is not None and page.hint.startswith("'Ruse' is in Latin letters;")
    assert api.search_page(db, "Русе", hint=True).hint is None  # found: nothing to say


def test_search_count_that_matched_nothing_finds_its_hint_on_the_same_connection(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``search --count`` opened the archive a second time for its "in Cyrillic" line, as
    the plain search once did (its checks, and an old archive's warning, again)."""
    db, opened = _latin_archive_counting_opens(run_cli, tmp_path, monkeypatch)
    result = run_cli("search", "Ruse", "--count", "--format", "json", "--db", str(db))
    assert (result.exit_code, result.stdout, len(opened)) == (0, "[]\n", 1), result.stderr
    assert result.stderr.startswith("'Ruse' is in Latin letters; in Cyrillic, 'русе' matches 1")
    opened.clear()
    found = run_cli("search", "Русе", "--count", "--format", "json", "--db", str(db))
    assert (found.exit_code, found.stderr, len(opened)) == (0, "", 1)
    assert found.json() == [{"site": "bta", "year": 2025, "count": 1}]


TOWN = [
    {"site": "bta", "url": "https://www.bta.bg/b1", "title": "Нов парк",
     "published": "2025-08-15", "text": "Кметът на Бяла откри нов парк."},
    {"site": "bta", "url": "https://www.bta.bg/b2", "title": "Сесия",
     "published": "2025-08-16", "text": "Днес заседава съветът в Бяла."},
    {"site": "bta", "url": "https://www.bta.bg/b3", "title": "Зима",
     "published": "2025-08-17", "text": "Снегът покри всичко с бяла пелена."},
    {"site": "bta", "url": "https://www.bta.bg/b4", "title": "Събор",
     "published": None, "text": "Съборът в Бяла събра гости."},
    {"site": "bta", "url": "https://www.bta.bg/b5", "title": "Старо",
     "published": "2020-01-01", "text": "Музеят в Бяла отвори."},
]  # fmt: skip


def test_a_cased_name_is_read_in_the_matched_texts_once_a_query(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Бяла", the town, where the archive prints бяла, the colour, too: each matched
    article is read for the capitalised name once (GLOB), for the page, its count and
    its undated count alike; each statement read them again, three times a query."""
    db = build(run_cli, tmp_path / "town.db", TOWN)
    since = Filters(since=dt.date(2025, 1, 1))
    with traced(monkeypatch) as seen:
        page = api.search_page(db, "Бяла", filters=since, limit=1, undated=True)
    assert (len(page.hits), page.total, page.undated) == (1, 2, 1)
    assert count(seen, "GLOB") == 1
    with traced(monkeypatch) as seen:
        totals = api.search_totals(db, "Бяла", filters=since, undated=True)
    assert (totals.rows, totals.undated) == ([{"site": "bta", "year": 2025, "count": 2}], 1)
    assert count(seen, "GLOB") == 1
    conn = connect_reader(db)  # the web page: its chart too
    try:
        seen.clear()
        conn.set_trace_callback(seen.append)
        options = SearchOptions(filters=since, limit=1)
        prepared = search.prepare(conn, parse_query("Бяла"), options)
        (hits, total), months = page_and_months(conn, parse_query("Бяла"), options, prepared)
        assert (len(hits), total, sum(m["count"] for m in months)) == (1, 2, 2)
        assert prepared.undated() == 1 and count(seen, "GLOB") == 1
    finally:
        conn.close()


def _latin_archive_counting_opens(
    run_cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, list[Path]]:
    """An archive of one article printing "Русе", and the list of every archive opening
    for reading from here on (a query in Latin letters finds nothing and is hinted)."""
    records = [
        {"site": "bta", "url": "https://www.bta.bg/r1", "title": "Концерт",
         "published": "2025-08-15", "text": "Оркестър от Русе свири във Варна."},
    ]  # fmt: skip
    db = build(run_cli, tmp_path / "latin.db", records)
    opened: list[Path] = []

    def counted(path: Path) -> sqlite3.Connection:
        opened.append(path)
        return connect_reader(path)

    monkeypatch.setattr(api, "connect_reader", counted)
    return db, opened
