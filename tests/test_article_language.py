"""``articles.language`` (schema v34): the language each archived article is written in,
decided at extraction by ``text_language.article_language`` (the text's verdict, else the
page's declared language, else Bulgarian), filtered by ``search --lang``, exported,
imported, shown, and filled by ``reextract`` in an archive older than the column.

The site here is written in the test and served by a real ``MirrorServer``: a
municipality's Bulgarian news and, under ``/en/news/``, an English-language service that
names no Bulgarian original (archived, as the README says), and a short Turkish notice
whose text is too short to tell and whose page declares ``lang="tr"``.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from newsarchive.archive.connection import connect_reader
from newsarchive.archive.query import parse_query
from newsarchive.archive.schema import SCHEMA_VERSION
from newsarchive.archive.search import SORTS, Prepared
from newsarchive.archive.store import Filters
from newsarchive.extraction import extract
from newsarchive.mirror import MirrorServer

from .mirror_sites import bare_crawl_twice
from .support import Result

Cli = Callable[..., Result]

BULGARIAN = {
    1: (
        "Ремонтът на моста над реката започва",
        "Общината съобщава, че през следващите седмици ще бъде ремонтиран мостът над реката."
        " Движението ще бъде пренасочено по улица „Васил Левски“, като за автобусите са"
        " предвидени временни спирки до пазара.",
    ),
    2: (
        "Нови пейки в централния парк",
        "В централния парк бяха поставени двадесет нови пейки, които са изработени от"
        " местна фирма. Кметът благодари на жителите, които са предложили местата за тях.",
    ),
}
ENGLISH = (
    "Bridge repairs start next week",
    "The municipality announces that the bridge over the river will be repaired over the"
    " coming weeks. Traffic will be diverted to Vasil Levski Street, and the buses will stop"
    " at temporary stops near the market for the duration of the works.",
)
LATIN = "Lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor"
TURKISH = ("Duyuru", "Pazar günü su kesintisi.")  # (under 60 letters: no verdict)


def _page(lang: str, title: str, text: str, day: int) -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>'
        f"</head><body><nav><a href='/'>Начало</a></nav><article><h1>{title}</h1>"
        f"<p class='date'>0{day}.11.2026</p><p>{text}</p></article></body></html>"
    )


def _site(root: Path) -> None:
    """The municipality's site: two Bulgarian articles, one of its English service and a
    short Turkish notice, all in its one feed."""
    pages = {f"/novini/{n}/": ("bg", *told, n) for n, told in BULGARIAN.items()}
    pages["/en/news/3/"] = ("en-GB", *ENGLISH, 3)
    pages["/tr/haber/4/"] = ("tr", *TURKISH, 4)
    items = "".join(
        f"<item><title>{title}</title><link>https://reka.bg{path}</link>"
        f"<pubDate>0{day} Nov 2026 09:00:00 +0200</pubDate></item>"
        for path, (_, title, _, day) in pages.items()
    )
    root.mkdir()
    (root / "rss.xml").write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Река</title>'
        f"{items}</channel></rss>",
        encoding="utf-8",
    )
    for path, (lang, title, text, day) in pages.items():
        folder = root / path.strip("/")
        folder.mkdir(parents=True)
        (folder / "index.html").write_text(_page(lang, title, text, day), encoding="utf-8")


@pytest.fixture
def crawled(run_cli: Cli, db: Path, tmp_path: Path) -> Path:
    """The site crawled once into ``db``; the profile it was crawled by."""
    root = tmp_path / "site"
    _site(root)
    profile = tmp_path / "reka.toml"
    profile.write_text(
        'id = "reka"\nname = "Община Река"\norigin = "https://reka.bg"\n[discovery]\n'
        'feeds = ["/rss.xml"]\narticle_pattern = "^/(novini|en/news|tr/haber)/\\\\d+/"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "reka", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return profile


def _languages(db: Path) -> dict[str, str | None]:
    with closing(sqlite3.connect(db)) as conn:
        return dict(conn.execute("SELECT url, language FROM articles ORDER BY url"))


def _listed(run_cli: Cli, db: Path, *args: str) -> list[str]:
    """The URLs ``search`` lists (JSON), which must exit 0."""
    result = run_cli("search", *args, "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return sorted(hit["url"] for hit in json.loads(result.stdout))


def test_an_english_service_is_archived_as_english_and_found_by_its_language(
    run_cli: Cli, db: Path, crawled: Path
) -> None:
    assert _languages(db) == {
        "https://reka.bg/en/news/3/": "en",  # (its text's: lang="en-GB" agrees)
        "https://reka.bg/novini/1/": "bg",
        "https://reka.bg/novini/2/": "bg",
        "https://reka.bg/tr/haber/4/": "tr",  # (too short to tell: the page's lang="tr")
    }
    assert _listed(run_cli, db, "--lang", "en") == ["https://reka.bg/en/news/3/"]
    assert _listed(run_cli, db, "bridge", "--lang", "en") == ["https://reka.bg/en/news/3/"]
    assert _listed(run_cli, db, "bridge", "--lang", "bg") == []
    assert _listed(run_cli, db, "--lang", "bg") == [
        "https://reka.bg/novini/1/",
        "https://reka.bg/novini/2/",
    ]
    assert len(_listed(run_cli, db, "--lang", "bg", "--lang", "EN-gb")) == 3
    exported = run_cli("export", "--lang", "en", "--db", str(db))  # (the same filters)
    assert [json.loads(line)["url"] for line in exported.stdout.splitlines()] == [
        "https://reka.bg/en/news/3/"
    ]
    shown = run_cli("show", "https://reka.bg/en/news/3/", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert "Language: en\n" in shown.stdout
    # (Bulgarian, the archive's own, said by saying nothing; JSON says it always)
    bulgarian = run_cli("show", "https://reka.bg/novini/1/", "--db", str(db))
    assert "Language:" not in bulgarian.stdout
    as_json = run_cli("show", "https://reka.bg/novini/1/", "--format", "json", "--db", str(db))
    assert json.loads(as_json.stdout)["language"] == "bg"


@pytest.mark.parametrize("typed", ["english", "e", "12", "en/gb", ""])
def test_a_malformed_language_is_one_line_and_exit_2(run_cli: Cli, db: Path, typed: str) -> None:
    result = run_cli("search", "мост", "--lang", typed, "--db", str(db))
    assert result.exit_code == 2, result.stderr
    assert result.stderr == (
        "newsarchive: error: --lang must be a language tag like bg, en, tr (or unknown),"
        f" not '{typed}'\n"
    )
    assert not db.exists()  # (refused before the archive was opened)


def _as_v33(db: Path) -> None:
    """``db`` as v33 wrote it: no language column, nor its index."""
    with closing(sqlite3.connect(db)) as conn:
        conn.execute("DROP INDEX articles_language")
        conn.execute("ALTER TABLE articles DROP COLUMN language")
        conn.execute("PRAGMA user_version = 33")
        conn.commit()


def _lang_plan(db: Path, filters: Filters) -> str:
    """The query plan of a filters-only search page (``search --lang en``, no words), as
    ``search_page`` builds it."""
    conn = connect_reader(db)
    try:
        prepared = Prepared(conn, parse_query("", filtered=True), filters)
        rows = conn.execute(
            f"EXPLAIN QUERY PLAN SELECT a.id{prepared.source} ORDER BY {SORTS['newest']} LIMIT 20",
            prepared.params,
        )
        return " | ".join(str(row[-1]) for row in rows)
    finally:
        conn.close()


@pytest.mark.parametrize("made_by", ["this release", "v33"])
def test_a_language_filter_alone_reads_its_index_not_the_table(
    run_cli: Cli, db: Path, crawled: Path, made_by: str
) -> None:
    """``search --lang en`` alone scanned the whole table ("SCAN a"): the v34 column was
    in no index. ``articles_language`` (the language, the site, the dates) now holds
    what the filters read; a v33 archive gets it in the step that adds the column."""
    if made_by == "v33":
        _as_v33(db)
        upgraded = run_cli("search", "--lang", "en", "--db", str(db))
        assert upgraded.exit_code == 0, upgraded.stderr
        assert f"upgrading it to v{SCHEMA_VERSION}" in upgraded.stderr
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        (shape,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'articles_language'"
        ).fetchone()
    assert "(language, site, published_date, published, author)" in shape
    alone = _lang_plan(db, Filters(languages=("en",)))
    with_site = _lang_plan(db, Filters(languages=("en",), sites=("reka",)))
    either = _lang_plan(db, Filters(languages=("en", "unknown")))
    assert "SEARCH a USING COVERING INDEX articles_language (language=?)" in alone, alone
    assert "SCAN a" not in alone and "SCAN a" not in either, either
    assert "articles_language (language=? AND site=?)" in with_site, with_site
    assert _listed(run_cli, db, "--lang", "en") == (
        [] if made_by == "v33" else ["https://reka.bg/en/news/3/"]
    )


def test_a_v33_archive_reads_unknown_until_reextract_fills_it_in_place(
    run_cli: Cli, db: Path, crawled: Path
) -> None:
    """v34: ``articles.language``. A v33 archive (made as v33 wrote it: no column) is
    upgraded by the first command, every row kept and NULL there ("unknown": shown so and
    found by ``--lang unknown``, by no tag); ``reextract`` fills it from the captures
    without counting a row changed or rewriting it."""
    read = "SELECT id, url, title, published, author, tags, text, updated_at FROM articles"
    _as_v33(db)
    with closing(sqlite3.connect(db)) as conn:
        before = conn.execute(read).fetchall()
    shown = run_cli("show", "https://reka.bg/en/news/3/", "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    assert f"upgrading it to v{SCHEMA_VERSION}" in shown.stderr
    assert "Language: unknown (not recorded)\n" in shown.stdout
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION >= 34
        assert conn.execute(read).fetchall() == before
    assert set(_languages(db).values()) == {None}
    assert _listed(run_cli, db, "--lang", "en") == []
    assert len(_listed(run_cli, db, "--lang", "unknown")) == 4
    done = run_cli("reextract", "--profile", str(crawled), "--db", str(db))
    assert done.exit_code == 0, done.stderr
    assert done.stdout.startswith("re-extracted: 0 changed, 4 unchanged, 0 failed"), done.stdout
    assert _languages(db) == {
        "https://reka.bg/en/news/3/": "en",
        "https://reka.bg/novini/1/": "bg",
        "https://reka.bg/novini/2/": "bg",
        "https://reka.bg/tr/haber/4/": "tr",
    }
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute(read).fetchall() == before  # (no row rewritten, no revision)
        assert conn.execute("SELECT count(*) FROM revisions").fetchone() == (0,)
    assert _listed(run_cli, db, "--lang", "en") == ["https://reka.bg/en/news/3/"]


def test_the_language_goes_out_in_every_export_and_comes_back_in(
    run_cli: Cli, db: Path, crawled: Path, tmp_path: Path
) -> None:
    """JSONL, CSV and Parquet carry it; import-jsonl takes it back (a tag's primary part,
    "en-GB" as "en"), tells it from the text of a record stating none, refuses a
    malformed one."""
    exported = run_cli("export", "--db", str(db))
    assert exported.exit_code == 0, exported.stderr
    records = [json.loads(line) for line in exported.stdout.splitlines()]
    by_url = {r["url"]: r["language"] for r in records}
    assert by_url["https://reka.bg/en/news/3/"] == "en"
    copy = tmp_path / "copy.db"
    source = tmp_path / "export.jsonl"
    source.write_text(exported.stdout, encoding="utf-8")
    done = run_cli("import-jsonl", str(source), "--db", str(copy))
    assert done.exit_code == 0, done.stderr
    assert _languages(copy) == _languages(db)
    assert _listed(run_cli, copy, "--lang", "en") == ["https://reka.bg/en/news/3/"]

    as_csv = run_cli("export", "--format", "csv", "--raw", "--db", str(db))
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout.lstrip("\ufeff"))))
    assert sorted(r["language"] for r in rows) == ["bg", "bg", "en", "tr"]
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "a.parquet"
    assert run_cli("export", "--out", str(out), "--db", str(db)).exit_code == 0
    assert sorted(pq.read_table(out).column("language").to_pylist()) == ["bg", "bg", "en", "tr"]

    record = {"site": "reka", "url": "https://reka.bg/novini/9/", "title": "Заглавие",
              "text": "Текст."}  # fmt: skip
    given = [dict(record, language="en-GB"), dict(record, url="https://reka.bg/novini/8/")]
    other = tmp_path / "other.db"
    (tmp_path / "b.jsonl").write_text("\n".join(json.dumps(r) for r in given), encoding="utf-8")
    assert run_cli("import-jsonl", str(tmp_path / "b.jsonl"), "--db", str(other)).exit_code == 0
    assert _languages(other) == {
        "https://reka.bg/novini/8/": "bg",  # (none stated: told, as a crawl tells it)
        "https://reka.bg/novini/9/": "en",
    }
    (tmp_path / "c.jsonl").write_text(
        json.dumps(dict(record, language="English!")), encoding="utf-8"
    )
    refused = run_cli("import-jsonl", str(tmp_path / "c.jsonl"), "--db", str(other))
    assert refused.exit_code == 2, refused.stderr
    assert refused.stderr == (
        "newsarchive: error: line 1: 'language' must be null or a language tag like bg, en\n"
    )


def test_import_tells_the_language_of_a_record_stating_none(run_cli: Cli, tmp_path: Path) -> None:
    """import-jsonl stored no language for a record without one (every hand-made file,
    every export from before v34), so ``search --lang bg`` left out every imported
    article, "No matches", exit 0. Told from the text as a crawl tells it; a row archived
    with none gets it from such a record; and the matches ``--lang`` still leaves out
    for having none are said on stderr."""
    db, source = tmp_path / "a.db", tmp_path / "a.jsonl"
    records = [
        {"site": "reka", "url": "https://reka.bg/novini/1/", "title": BULGARIAN[1][0],
         "text": BULGARIAN[1][1]},
        {"site": "reka", "url": "https://reka.bg/en/news/3/", "title": ENGLISH[0],
         "text": ENGLISH[1]},
    ]  # fmt: skip
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    assert _languages(db) == {"https://reka.bg/en/news/3/": "en", "https://reka.bg/novini/1/": "bg"}
    assert _listed(run_cli, db, "моста", "--lang", "bg") == ["https://reka.bg/novini/1/"]
    # a row with none (an older release's import): --lang says what it left out
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE articles SET language = NULL")
    for args, said in ((("моста",), "1 more match has"), (("моста", "--count"), "1 more match has"),
                       ((), "2 more matches have")):  # fmt: skip
        left = run_cli("search", *args, "--lang", "bg", "--db", str(db))
        assert left.exit_code == 0
        assert left.stderr.endswith(
            f"{said} no language recorded, which --lang leaves out (add --lang unknown to see"
            f" {'it' if said.startswith('1') else 'them'})\n"
        ), (args, left.stderr)
    assert "language" not in run_cli("search", "моста", "--db", str(db)).stderr
    # the same records imported again tell it
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    assert _languages(db) == {"https://reka.bg/en/news/3/": "en", "https://reka.bg/novini/1/": "bg"}


def test_reextract_tells_the_language_of_rows_no_stored_page_tells(
    run_cli: Cli, db: Path, crawled: Path, tmp_path: Path
) -> None:
    """``reextract`` filled the language of rows from their stored pages alone: a row
    imported before import-jsonl told one (or into a v33 archive) has none, so it stayed
    NULL ("unknown") for good, and ``search --lang bg`` left it out. Told from its
    archived text, by the writer's rule, as the import tells it now; so is a row of a
    site no profile here names, whose page is not read."""
    source = tmp_path / "old.jsonl"
    records = [
        {"site": "reka", "url": "https://reka.bg/novini/7/", "title": BULGARIAN[2][0],
         "text": BULGARIAN[2][1]},
        {"site": "reka", "url": "https://reka.bg/en/news/8/", "title": ENGLISH[0],
         "text": ENGLISH[1]},
    ]  # fmt: skip
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    read = "SELECT id, url, title, published, author, tags, text, updated_at FROM articles"
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE articles SET language = NULL")  # (as an older release left them)
        before = conn.execute(read).fetchall()
    done = run_cli("reextract", "--profile", str(crawled), "--db", str(db))
    assert done.exit_code == 0, done.stderr
    assert done.stdout == (
        "re-extracted: 0 changed, 4 unchanged, 0 failed (archived version kept), 2 without a"
        " stored page, 0 without a profile; told the language of 2 from the archived text\n"
    )
    assert _languages(db) == {
        "https://reka.bg/en/news/3/": "en",
        "https://reka.bg/en/news/8/": "en",  # (imported: its text's)
        "https://reka.bg/novini/1/": "bg",
        "https://reka.bg/novini/2/": "bg",
        "https://reka.bg/novini/7/": "bg",  # (imported: its text's)
        "https://reka.bg/tr/haber/4/": "tr",  # (its page's lang="tr": the page is read first)
    }
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute(read).fetchall() == before  # (no row rewritten, no revision)
        assert conn.execute("SELECT count(*) FROM revisions").fetchone() == (0,)
    assert _listed(run_cli, db, "--lang", "en") == [
        "https://reka.bg/en/news/3/",
        "https://reka.bg/en/news/8/",
    ]
    # a site no profile here names (crawled with --profile, asked without): its text's
    with closing(sqlite3.connect(db)) as conn, conn:
        conn.execute("UPDATE articles SET language = NULL WHERE url LIKE '%/en/news/3/'")
    again = run_cli("reextract", "--db", str(db))
    assert again.exit_code == 0, again.stderr
    assert again.stdout.endswith(
        "2 without a stored page, 4 without a profile; told the language of 1 from the"
        " archived text\n"
    ), again.stdout
    assert _languages(db)["https://reka.bg/en/news/3/"] == "en"
    nothing = run_cli("reextract", "--db", str(db))  # (all told: said no more)
    assert nothing.stdout.endswith(" 4 without a profile\n"), nothing.stdout


def test_a_bulgarian_mirror_with_copies_in_other_languages_archives_all_as_bulgarian(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    """morsko (round 92): its Russian and English copies under a lang="bg" template are
    left out as translations; every article archived is Bulgarian."""
    bare_crawl_twice(run_cli, db, tmp_path, "morsko", "Община Морско", "https://morsko.bg")
    languages = list(_languages(db).values())
    assert len(languages) >= 5 and set(languages) == {"bg"}, languages


@pytest.mark.parametrize(
    ("text", "declared", "title", "language"),
    [
        (ENGLISH[1], ["bg"], "", "en"),  # the text over a template's lang="bg"
        (BULGARIAN[1][1], ["en-US"], "", "bg"),  # a WordPress theme's lang="en-US"
        ("Нов детски кът", ["en-US", "bg"], "", "bg"),  # short Cyrillic: not the en-US
        ("Нов детски кът", ["ru-RU"], "", "ru"),  # short: a Cyrillic declaration stands
        (TURKISH[1], ["", "tr_TR"], "", "tr"),  # (og:locale's spelling)
        (TURKISH[1], [], "", "bg"),  # nothing said at all: the archive's language
        ("", ["de"], "", "de"),  # no letters: the declaration
        # Portuguese writes Turkish's "da", "de" too: it was "tr" over the page's pt-BR
        (
            "Nesta página você terá sempre as informações da temporada e os resultados de cada"
            " corrida do campeonato",
            ["pt-BR"],
            "",
            "pt",
        ),  # fmt: skip
        (LATIN, [], "", "und"),
        (LATIN, ["la"], "", "la"),
    ],
)
def test_an_articles_language_is_its_texts_else_the_pages_declared_else_bulgarian(
    text: str, declared: list[str], title: str, language: str
) -> None:
    from newsarchive.extraction.text_language import article_language

    assert article_language(text, declared, title) == language


def test_extract_reads_og_locale_and_content_language_where_the_text_tells_nothing() -> None:
    head = '<meta property="og:locale" content="ro_RO">'
    page = (
        f"<html><head>{head}</head><body><article><h1>Anunț</h1><p>Apă.</p></article></body></html>"
    )
    assert extract(page, "https://x.bg/a/1").language == "ro"
    equiv = '<meta http-equiv="Content-Language" content="de">'
    page = (
        f"<html><head>{equiv}</head><body><article><h1>Hinweis</h1><p>Wasser.</p></article>"
        "</body></html>"
    )
    assert extract(page, "https://x.bg/a/1").language == "de"


def test_the_web_search_filters_by_language_and_the_article_page_shows_it(
    db: Path, crawled: Path
) -> None:
    """The page's Language box is the command's ``--lang``: the same reading
    (``query.parse_language``), a malformed one a 400 with the command's words."""
    import re

    from newsarchive.web.server import make_datasette

    from .web_support import fetch

    english, bulgarian, bad, article = fetch(
        make_datasette(db),
        "/search?q=&lang=en",
        "/search?q=bridge&lang=bg",
        "/search?q=bridge&lang=english",
        "/article/" + str(_id(db, "https://reka.bg/en/news/3/")),
    )
    assert english.status_code == 200, english.text
    assert re.findall(r'class="na-title"[^>]*>(.*?)</a>', english.text) == [ENGLISH[0]]
    assert 'name="lang" value="en"' in english.text  # (the form keeps what was asked)
    assert bulgarian.status_code == 200 and "No articles match." in bulgarian.text
    assert bad.status_code == 400
    assert (
        "lang must be a language tag like bg, en, tr (or unknown), not &#39;english&#39;"
        in bad.text
    )
    assert article.status_code == 200 and "Language: en</p>" in article.text


def _id(db: Path, url: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return int(conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()[0])
