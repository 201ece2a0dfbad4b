"""A query of filters alone ("everything by this author", "everything from bta in March")
lists the articles they choose, newest first, with their leads as snippets; the CLI's
formats, totals, paging, --count and --collapse, and the web page, agree. A query that
chooses nothing at all stays an error."""

from __future__ import annotations

import csv
import io
import re
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from newsarchive.archive import schema
from newsarchive.archive.connection import connect, connect_reader
from newsarchive.archive.query import parse_query
from newsarchive.archive.search import SORTS, Prepared, SearchOptions, search_page
from newsarchive.archive.store import Filters
from newsarchive.errors import QueryError

from .search_corpus import build
from .support import FIXTURES, Result
from .test_stories import PARAGRAPHS, REPUBLISHED, TOPICS
from .web_support import fetch

Cli = Callable[..., Result]


def _article(n: int, site: str, published: str | None, author: str | None, text: str) -> dict:
    return {"site": site, "url": f"https://{site}.example/{n}", "title": f"Заглавие {n}",
            "published": published, "author": author, "text": text}  # fmt: skip


# ids 1..7 in this order; 1 and 2 are one story (ruse24 republished the bta article)
ARTICLES = [
    _article(1, "bta", "2026-03-10T10:15:00+02:00", "Мария Петрова", "\n".join(PARAGRAPHS)),
    _article(2, "ruse24", "2026-03-10T14:02:00+02:00", "Иван Колев", "\n".join(REPUBLISHED)),
    _article(3, "bta", "2025-12-01", "МАРИЯ ПЕТРОВА", TOPICS[0]),
    _article(4, "ruse24", "2025-03-05", "Петрова", TOPICS[1]),
    _article(5, "nsorb", "2024-05-01", None, TOPICS[2]),
    _article(6, "bta", None, "Мария Петрова", TOPICS[3]),
    _article(7, "bta", "2026-03-10", None, TOPICS[4]),  # a date, no time: the day's start
]


@pytest.fixture
def archive(run_cli: Cli, tmp_path: Path) -> Path:
    return build(run_cli, tmp_path / "filters.db", ARTICLES)


def hits(run_cli: Cli, db: Path, *args: str) -> list[dict[str, Any]]:
    result = run_cli("search", *args, "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    found = result.json()
    assert isinstance(found, list)
    return found


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["author:петрова"], [1, 3, 4, 6]),  # any case, newest first, undated last
        (["site:bta"], [1, 7, 3, 6]),  # the timed article before the date-only one
        (["", "--site", "bta"], [1, 7, 3, 6]),
        (["since:2025-01-01 site:ruse24"], [2, 4]),
        (["", "--since", "2026-01-01"], [2, 1, 7]),
        (['author:"мария петрова" until:2025-12-31'], [3]),
        (["site:bta", "--sort", "oldest"], [3, 7, 1, 6]),
        (["site:bta", "--sort", "newest"], [1, 7, 3, 6]),
        (["site:nsorb since:2026-01-01"], []),
    ],
)
def test_filters_alone_list_their_articles(
    run_cli: Cli, archive: Path, args: list[str], expected: list[int]
) -> None:
    """These were refused with "the query has no words to search for"."""
    found = hits(run_cli, archive, *args)
    assert [h["id"] for h in found] == expected
    assert all(h["total"] == len(expected) for h in found)
    assert all(h["score"] is None for h in found)  # nothing was ranked


def test_relevance_falls_back_to_newest_and_says_nothing(run_cli: Cli, archive: Path) -> None:
    ranked = run_cli("search", "author:петрова", "--sort", "relevance", "--format", "json",
                     "--db", str(archive))  # fmt: skip
    newest = run_cli("search", "author:петрова", "--sort", "newest", "--format", "json",
                     "--db", str(archive))  # fmt: skip
    assert ranked.exit_code == 0 and ranked.stdout == newest.stdout
    assert ranked.stderr == ""


def test_the_snippet_is_the_lead_without_marks(run_cli: Cli, archive: Path) -> None:
    first = hits(run_cli, archive, "site:bta")[0]
    assert first["snippet"].startswith("Общинският съвет в Русе одобри на извънредна сесия")
    assert first["snippet"].endswith("…") and "**" not in first["snippet"]
    assert len([w for w in first["snippet"].split() if w != "¶"]) == 24  # ¶: a paragraph break
    short = hits(run_cli, archive, "site:nsorb")[0]
    assert short["snippet"] == TOPICS[2]  # the whole text when it is shorter than a snippet


def test_limit_says_how_many_were_left_out(run_cli: Cli, archive: Path) -> None:
    result = run_cli("search", "site:bta", "-n", "2", "--format", "json", "--db", str(archive))
    page = result.json()
    assert isinstance(page, list) and [h["id"] for h in page] == [1, 7]
    assert [h["total"] for h in page] == [4, 4]
    assert result.stderr == "2 of 4 matches shown (raise --limit for more)\n"


def test_pages_follow_one_another(archive: Path) -> None:
    conn = connect_reader(archive)
    try:
        pages = [
            search_page(conn, parse_query("site:bta"), SearchOptions(limit=3, offset=offset))
            for offset in (0, 3, 6)
        ]
    finally:
        conn.close()
    assert [([h["id"] for h in found], total) for found, total in pages] == [
        ([1, 7, 3], 4), ([6], 4), ([], 4)
    ]  # fmt: skip


def test_count_per_site_and_year(run_cli: Cli, archive: Path) -> None:
    result = run_cli("search", "author:петрова", "--count", "--format", "json",
                     "--db", str(archive))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert result.json() == [
        {"site": "bta", "year": None, "count": 1},
        {"site": "bta", "year": 2025, "count": 1},
        {"site": "bta", "year": 2026, "count": 1},
        {"site": "ruse24", "year": 2025, "count": 1},
    ]
    table = run_cli("search", "", "--site", "ruse24", "--count", "--db", str(archive))
    assert table.exit_code == 0 and "2 articles match" in table.stdout


def test_collapse_shows_one_hit_per_story(run_cli: Cli, archive: Path) -> None:
    newest = hits(run_cli, archive, "since:2026-01-01", "--collapse")
    assert [(h["id"], h["total"]) for h in newest] == [(2, 2), (7, 2)]  # 2 stands for 1
    assert [a["url"] for a in newest[0]["also"]] == ["https://bta.example/1"]
    assert newest[1]["also"] == []
    oldest = hits(run_cli, archive, "since:2026-01-01", "--collapse", "--sort", "oldest")
    assert [h["id"] for h in oldest] == [7, 1]  # the earliest copy stands for the story
    assert [a["url"] for a in oldest[1]["also"]] == ["https://ruse24.example/2"]


def test_csv_and_table(run_cli: Cli, archive: Path) -> None:
    result = run_cli("search", "author:петрова", "--format", "csv", "--db", str(archive))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["1", "3", "4", "6"]
    assert {r["score"] for r in rows} == {""}
    assert not any("**" in r["snippet"] for r in rows)
    table = run_cli("search", "site:ruse24", "--db", str(archive))
    assert table.exit_code == 0 and table.stderr == ""
    assert "Заглавие 2" in table.stdout and "Заглавие 4" in table.stdout
    assert "No matches." not in table.stdout


def test_plain_stats_takes_the_site_and_date_options(run_cli: Cli, archive: Path) -> None:
    """`stats --site bta` (or `--since`) was refused unless beside --timeline or --stories
    ("need --timeline or --stories"): the per-site table is of the sites and dates asked
    for, and an unknown site is one line, exit 2, as elsewhere."""
    whole = run_cli("stats", "-f", "json", "--db", str(archive)).json()
    assert isinstance(whole, dict)
    one = run_cli("stats", "--site", "ruse24", "-f", "json", "--db", str(archive)).json()
    assert isinstance(one, dict) and [s["site"] for s in one["sites"]] == ["ruse24"]
    assert one["articles"] == 2 == one["sites"][0]["articles"]
    since = run_cli("stats", "--since", "2025-01-01", "-f", "json", "--db", str(archive)).json()
    assert isinstance(since, dict) and 0 < since["articles"] < whole["articles"]
    assert all(s["first"] >= "2025-01-01" for s in since["sites"])
    table = run_cli("stats", "--site", "ruse24", "--db", str(archive))
    assert table.exit_code == 0 and table.stdout.startswith("2 articles")
    unknown = run_cli("stats", "--site", "nope", "--db", str(archive))
    assert unknown.exit_code == 2 and "unknown site 'nope'" in unknown.stderr


def test_timeline_takes_filters_alone(run_cli: Cli, archive: Path) -> None:
    result = run_cli("stats", "--timeline", "site:ruse24", "--format", "json",
                     "--db", str(archive))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    found = result.json()
    assert isinstance(found, dict) and found["sites"] == ["ruse24"]
    assert sum(r["count"] for r in found["rows"] if r["site"] == "all") == 2


def test_filters_with_exclusions_alone_list_the_filters_articles_but_those(
    run_cli: Cli, archive: Path
) -> None:
    """`site:bta -футбол` ("bta's articles, but not those on football") was refused as a
    query that only excludes words: the filters choose the articles, the exclusions
    leave some out, in every form of the word (word forms, phrases, prefixes, title:)."""
    assert [h["id"] for h in hits(run_cli, archive, "site:bta -дунав")] == [7, 3, 6]
    assert {h["id"] for h in hits(run_cli, archive, "site:bta -дунава -пожар*")} == {6, 7}
    assert {h["id"] for h in hits(run_cli, archive, 'site:bta -"горящ склад"')} == {1, 6, 7}
    assert {h["id"] for h in hits(run_cli, archive, "author:петрова -пожарникари")} == {1, 4, 6}
    by_option = run_cli("search", "--site", "bta", "-f", "json", "--db", str(archive),
                        "--", "-волейбол")  # fmt: skip
    assert {h["id"] for h in by_option.json()} == {1, 3, 6}  # type: ignore[union-attr]
    listed = hits(run_cli, archive, "site:bta -волейбол")
    assert all(h["score"] is None and h["total"] == 3 for h in listed)  # unranked, counted
    counted = run_cli("search", "--count", "-f", "json", "--db", str(archive),
                      "--", "site:bta -волейбол")  # fmt: skip
    assert sum(row["count"] for row in counted.json()) == 3  # type: ignore[union-attr]
    # the dates leave out the undated one, and say so, as with words
    dated = run_cli("search", "-f", "json", "--db", str(archive),
                    "--", "site:bta since:2025-01-01 -волейбол")  # fmt: skip
    assert [h["id"] for h in dated.json()] == [1, 3]  # type: ignore[union-attr]
    assert "1 more match has no date" in dated.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([""], "the query has no words to search for and no filter"),
        (["   "], "the query has no words to search for and no filter"),
        (['""'], "the query has no words to search for and no filter"),
        (["--", "-парк"], "the query only excludes words: add a word to search for, or a filter"),
        (["site:bta (-парк)"], "the query only excludes words inside (...)"),
    ],
)
def test_a_query_that_chooses_nothing_is_still_refused(
    run_cli: Cli, archive: Path, args: list[str], message: str
) -> None:
    for fmt in ("table", "json", "csv"):
        result = run_cli("search", "--format", fmt, "--db", str(archive), *args)
        assert result.exit_code == 2 and result.stdout == ""
        (line,) = result.stderr.splitlines()
        assert line.startswith("newsarchive: error: ") and message in line


def test_parse_query_needs_words_or_filters() -> None:
    assert not parse_query("author:Иванов").has_words()
    assert parse_query("author:Иванов").authors == ["иванов"]
    assert not parse_query("", filtered=True).has_words()  # the caller filters
    with pytest.raises(QueryError, match="no words to search for and no filter"):
        parse_query("")
    with pytest.raises(QueryError, match="only excludes words"):
        parse_query("-парк")
    assert not parse_query("-парк", filtered=True).has_words()  # the caller's filters
    assert len(parse_query("site:bta -парк -title:мост").excluded) == 2
    with pytest.raises(QueryError, match=r"no words to search for inside \(\.\.\.\)"):
        parse_query("site:bta ()")


# --- the web page ---------------------------------------------------------------------


def _datasette(db: Path) -> Any:
    pytest.importorskip("datasette")
    from newsarchive.web.server import make_datasette

    return make_datasette(db)


def _titles(html: str) -> list[str]:
    return [part.split(">", 1)[1].split("<", 1)[0] for part in html.split('class="na-title"')[1:]]


def test_web_page_lists_what_the_filters_choose(archive: Path) -> None:
    site, author, empty, chart = fetch(
        _datasette(archive),
        "/search?site=bta",
        f"/search?q={quote('author:петрова')}&sort=relevance",
        "/search?q=&since=&until=",
        "/chart.csv?site=ruse24",
    )
    assert site.status_code == 200, site.text
    assert "1–4 of 4 articles" in site.text
    assert _titles(site.text) == ["Заглавие 1", "Заглавие 7", "Заглавие 3", "Заглавие 6"]
    assert "<mark>" not in site.text and "Общинският съвет в Русе одобри" in site.text
    assert _titles(author.text) == ["Заглавие 1", "Заглавие 3", "Заглавие 4", "Заглавие 6"]
    assert empty.status_code == 200 and 'id="count"' not in empty.text  # just the form
    assert chart.status_code == 200
    assert chart.text.splitlines()[1:] == ["2025-03,ruse24,1", "2026-03,ruse24,1"]


def test_web_page_pages_and_collapses_filters_alone(run_cli: Cli, db: Path) -> None:
    records = [
        _article(i, "bta" if i % 2 else "nsorb", f"2024-0{1 + i % 3}-{10 + i % 15}", None,
                 f"Новина номер {i} за града.")
        for i in range(25)
    ]  # fmt: skip
    build(run_cli, db, records)
    ds = _datasette(db)
    first, second, collapsed = fetch(
        ds, "/search?since=2024-01-01", "/search?since=2024-01-01&page=2",
        "/search?since=2024-01-01&collapse=1",
    )  # fmt: skip
    assert "1–20 of 25 articles" in first.text
    assert 'href="/search?since=2024-01-01&amp;sort=relevance&amp;page=2"' in first.text
    assert "21–25 of 25 articles" in second.text and len(_titles(second.text)) == 5
    assert "1–20 of 25 stories" in collapsed.text


def test_web_page_takes_filters_with_exclusions_alone(archive: Path) -> None:
    ds = _datasette(archive)
    listed, refused = fetch(
        ds, f"/search?q={quote('-волейбол')}&site=bta", f"/search?q={quote('-волейбол')}"
    )
    assert listed.status_code == 200 and "1–3 of 3 articles" in listed.text
    assert "Заглавие 7" not in listed.text and "Заглавие 3" in listed.text
    assert refused.status_code == 400 and "only excludes words" in refused.text


# --- indexes ----------------------------------------------------------------------------


def _plan(conn: sqlite3.Connection, text: str) -> str:
    """The query plan of a filters-only page, as ``search_page`` builds it."""
    prepared = Prepared(conn, parse_query(text), Filters())
    rows = conn.execute(
        f"EXPLAIN QUERY PLAN SELECT a.id{prepared.source} ORDER BY {SORTS['newest']} LIMIT 20",
        prepared.params,
    )
    return " | ".join(str(row[-1]) for row in rows)


def _as_v7(db: Path) -> None:
    """The indexes and version the last release wrote."""
    conn = sqlite3.connect(db)
    conn.executescript(
        "DROP INDEX articles_site_published; DROP INDEX articles_published;"
        " CREATE INDEX articles_site_date ON articles(site, published_date);"
        " CREATE INDEX articles_date ON articles(published_date); PRAGMA user_version = 7;"
    )
    conn.close()


@pytest.mark.parametrize("made_by", ["this release", "v7", "v2"])
def test_filters_alone_read_an_index_not_the_articles(
    run_cli: Cli, tmp_path: Path, made_by: str
) -> None:
    """Sorting 50,000 articles of one site read every row (190 ms at 200,000 articles):
    the site and date indexes now hold the columns it reads. An older archive gets them
    on its upgrade, and loses the two indexes they replace."""
    db = tmp_path / "a.db"
    if made_by == "v2":
        shutil.copy(FIXTURES / "archives" / "v2.db", db)
    else:
        build(run_cli, db, ARTICLES)
        if made_by == "v7":
            _as_v7(db)
    connect(db, create=False).close()  # upgrades
    conn = connect_reader(db)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
        assert {"articles_site_published", "articles_published"} <= indexes
        assert not {"articles_site_date", "articles_date"} & indexes
        site = _plan(conn, "site:bta author:петрова")
        dates = _plan(conn, "since:2025-01-01 author:петрова")
        author = _plan(conn, "author:петрова")
    finally:
        conn.close()
    assert "SEARCH a USING COVERING INDEX articles_site_published (site=?)" in site
    assert "SEARCH a USING COVERING INDEX articles_published (published_date>?)" in dates
    assert "COVERING INDEX" in author


def test_tag_filters_by_a_stored_tag_whole_in_any_case(run_cli: Cli, tmp_path: Path) -> None:
    """Tags were archived, shown and exported, but no search reached them: an article
    tagged "ВиК Русе" whose text never says so was found by nothing. ``tag:`` chooses the
    articles holding the tag (whole, in any case; repeated, all), alone or with words."""
    records = [
        {**ARTICLES[0], "url": "https://www.bta.bg/t1", "tags": ["ВиК Русе", "водопровод"]},
        {**ARTICLES[1], "url": "https://ruse24.bg/t2", "tags": ["водопровод"]},
        {**ARTICLES[2], "url": "https://www.bta.bg/t3", "tags": ["ВиК"]},
    ]
    db = build(run_cli, tmp_path / "tags.db", records)
    assert [h["id"] for h in hits(run_cli, db, 'tag:"вик  русе"')] == [1]
    assert {h["id"] for h in hits(run_cli, db, "tag:Водопровод")} == {1, 2}
    assert [h["id"] for h in hits(run_cli, db, "tag:водопровод tag:вик")] == []
    assert [h["id"] for h in hits(run_cli, db, "tag:вик")] == [3]  # (whole: not "ВиК Русе")
    assert [h["id"] for h in hits(run_cli, db, "tag:водопровод", "--site", "ruse24")] == [2]
    empty = run_cli("search", "tag:", "--db", str(db))
    assert empty.exit_code == 2 and "tag: needs a value right after it" in empty.stderr


def test_the_query_may_be_left_out_when_options_filter(run_cli: Cli, archive: Path) -> None:
    """``search --site bta`` needed an empty '' before it; ``search`` alone is still one
    line and exit 2, not a usage screen."""
    assert [h["id"] for h in hits(run_cli, archive, "--site", "bta")] == [1, 7, 3, 6]
    result = run_cli("search", "--db", str(archive))
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.splitlines() == [
        "newsarchive: error: the query has no words to search for and no filter"
        " (site:, since:, until:, author:, tag:)"
    ]


def test_help_says_filters_alone_list_articles(run_cli: Cli, archive: Path) -> None:
    help_text = " ".join(run_cli("search", "--help").stdout.replace("│", " ").split())
    assert "Filters alone (author:NAME, or no QUERY with --site/--since/--until)" in help_text
    assert "newest when there are no words" in help_text
    (page,) = fetch(_datasette(archive), "/")
    assert "Filters without words (<code>author:петрова</code> alone" in page.text


@pytest.mark.parametrize("typed", ["😀", "!!!", "…", "😀 author:петрова"])
def test_a_query_of_symbols_beside_a_filter_is_refused_not_ignored(
    run_cli: Cli, archive: Path, typed: str
) -> None:
    """'😀' with --site listed every article of the site, as if the emoji (which no index
    holds) had matched them all: what was typed was dropped without a word."""
    result = run_cli("search", typed, "--site", "bta", "--format", "json", "--db", str(archive))
    assert result.exit_code == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("newsarchive: error: '") and "holds no letters or digits" in line


def test_a_time_printed_without_a_zone_sorts_on_sofia_s_clock(
    run_cli: Callable[..., Result], db: Path
) -> None:
    """A page's "09:15" with no zone is archived as "2026-06-20T09:15:00", a time on
    Sofia's clock; SQLite's ``julianday`` read it as 09:15 UTC (12:15 there), so the demo
    archive's ``--sort newest`` listed bta's 09:15 article above its 11:48+03:00 one of
    the same day, on the command line and the web page alike."""
    records = [
        {"site": "bta", "url": f"https://www.bta.bg/{n}", "title": f"Общината {n}",
         "published": published, "text": f"Общината обяви решение номер {n}."}
        for n, published in (
            (1, "2026-06-20T11:48:37+03:00"),
            (2, "2026-06-20T09:15:00"),  # 06:15 UTC: the earliest of the day
            (3, "2026-06-20T07:00:00+00:00"),  # 10:00 in Sofia
            (4, "2025-11-21T09:45:00"),  # winter: 07:45 UTC
            (5, "2025-11-21T08:30:00+02:00"),
        )
    ]  # fmt: skip
    build(run_cli, db, records)

    def titles(*args: str) -> list[str]:
        result = run_cli("search", *args, "-f", "json", "--db", str(db))
        assert result.exit_code == 0, result.stderr
        return [hit["title"] for hit in result.json()]  # type: ignore[union-attr]

    newest = ["Общината 1", "Общината 3", "Общината 2", "Общината 4", "Общината 5"]
    assert titles("общината", "--sort", "newest") == newest
    assert titles("site:bta", "--sort", "oldest") == newest[::-1]
    from newsarchive.web.server import make_datasette

    [page] = fetch(make_datasette(db), "/search?q=%D0%BE%D0%B1%D1%89%D0%B8%D0%BD%D0%B0&sort=newest")
    assert page.status_code == 200
    assert re.findall(r'class="na-title"[^>]*>([^<]+)<', page.text) == newest


def test_merged_filters_carries_every_field_the_query_does_not_write() -> None:
    """``merged_filters`` merges the fields a query can write too (sites, dates, authors)
    and keeps the rest of the options' ``Filters`` as they are: a field added later
    (``free_only`` was copied by hand) needs no line there."""
    from dataclasses import dataclass

    from newsarchive.archive.search import merged_filters

    @dataclass(frozen=True)
    class Later(Filters):
        other: int = 0

    merged = merged_filters(parse_query("site:bta война"), Later(free_only=True, other=3))
    assert merged == Later(sites=("bta",), free_only=True, other=3)
