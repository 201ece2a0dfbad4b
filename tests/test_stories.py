"""One story, many outlets: republished copies share a ``story`` id from the moment they are
written (crawl, import, re-import), near-misses and site boilerplate do not, and search,
show, export and stats see stories."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsarchive.archive.stories import StoryIndex
from newsarchive.mirror import MirrorServer

from .search_corpus import write_jsonl
from .support import SITES, Result

Cli = Callable[..., Result]

# A BTA story and the way ruse24 ran it: a new title, an added lead, the last paragraph
# dropped, a "/БТА/" trailer. Written for these tests.
PARAGRAPHS = [
    "Общинският съвет в Русе одобри на извънредна сесия плана за обновяване на"
    " крайбрежната алея по поречието на Дунав между Дунав мост и пристанището.",
    "Проектът предвижда нова настилка, осветление с ниска консумация, пейки и три места"
    " за отдих с изглед към реката, както и велоалея с дължина четири километра.",
    "Кметът на общината заяви пред съветниците, че строителството ще започне през"
    " есента и ще бъде завършено до края на следващата година, ако времето позволи.",
    "Средствата идват от програмата за регионално развитие и от общинския бюджет, като"
    " делът на общината е около една пета от общата стойност на обновяването.",
    "Съветниците от опозицията поискаха ежемесечен отчет за напредъка на работите и"
    " публичен регистър на всички договори с изпълнителите на обекта.",
]
REPUBLISHED = [
    "Русенци ще се разхождат по нова алея край реката след година, съобщиха от общината.",
    *PARAGRAPHS[:-1],
]
REPUBLISHED[-1] += " /БТА/"

BTA_URL = "/bg/news/bulgaria/1180120-ruse-obnovyava-kraybrezhnata-aleya-po-dunav"
RUSE24_URL = "/novini/ruse/Nova-aleya-kray-Dunav-za-rusentsi-2822590"

BTA_PAGE = """<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8">
<title>БТА :: Русе обновява крайбрежната алея по Дунав</title></head><body>
<div class="post a11y-content"><h1 class="post__title">Русе обновява крайбрежната алея по
Дунав</h1><div class="post__post">10.03.2026 10:15</div>
<div class="post__content">{body}</div></div></body></html>"""
RUSE24_PAGE = """<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8">
<title>Нова алея край Дунав за русенци - Ruse24.bg</title></head><body>
<h1 class="zaglavie">Нова алея край Дунав за русенци</h1>
<div class="published-time">14:02 / 10.03.2026</div>
<section class="news-lead-text"><div class="article-text">{body}</div></section>
</body></html>"""


def _mirror_with(tmp_path: Path, site: str, feed: str, url: str, page: str, title: str) -> Path:
    """A copy of a site's fixture mirror with one more article, announced in its feed."""
    root = tmp_path / site
    shutil.copytree(SITES / site, root)
    (root / f"{url.lstrip('/')}.html").write_text(page, encoding="utf-8")
    feed_file = root / feed
    item = (
        f"<item><title>{title}</title><link>https://www.{site}.bg{url}</link>"
        "<pubDate>Tue, 10 Mar 2026 10:15:00 +0200</pubDate></item>\n    <item>"
    )
    feed_file.write_text(
        feed_file.read_text(encoding="utf-8").replace("<item>", item, 1), encoding="utf-8"
    )
    return root


def _paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def _export(run_cli: Cli, db: Path) -> list[dict[str, Any]]:
    result = run_cli("export", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def _crawl_both(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    """Crawl the bta and ruse24 mirrors, each with the story's copy added, into ``db``."""
    bta_page = BTA_PAGE.format(body=_paragraphs(PARAGRAPHS))
    ruse24_page = RUSE24_PAGE.format(body=_paragraphs(REPUBLISHED))
    bta = _mirror_with(tmp_path, "bta", "bg/news/bulgaria/rss.xml", BTA_URL, bta_page, "Алея")
    ruse24 = _mirror_with(tmp_path, "ruse24", "rss.php@cat=1.xml", RUSE24_URL, ruse24_page, "А")
    for site, root in (("bta", bta), ("ruse24", ruse24)):
        with MirrorServer(root) as server:
            result = run_cli("crawl", site, "--base-url", server.url, "--delay", "0",
                             "--db", str(db))  # fmt: skip
            assert result.exit_code == 0, result.stderr


def test_a_republication_shares_the_story_after_crawling_two_mirrors(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    _crawl_both(run_cli, db, tmp_path)
    rows = {r["url"]: r for r in _export(run_cli, db)}
    original, copy = (
        rows["https://www.bta.bg" + BTA_URL],
        rows["https://www.ruse24.bg" + RUSE24_URL],
    )
    assert copy["title"] != original["title"] and copy["text"] != original["text"]
    assert copy["story"] == original["story"] == original["id"]
    # every other fixture article is a story of its own
    others = [r["story"] for r in rows.values() if r["id"] not in (original["id"], copy["id"])]
    assert len(others) == len(set(others)) == len(rows) - 2
    assert all(r["story"] == r["id"] for r in rows.values() if r["id"] != copy["id"])

    shown = run_cli("show", str(copy["id"]), "--format", "json", "--db", str(db)).json()
    assert isinstance(shown, dict)
    assert shown["also"] == [{"id": original["id"], "site": "bta", "url": original["url"],
                              "published": original["published"]}]  # fmt: skip
    text = run_cli("show", str(original["id"]), "--db", str(db)).stdout
    assert "also in:" in text and copy["url"] in text


def _article(site: str, n: int, text: str, day: str = "2026-03-10", title: str = "") -> dict:
    return {"site": site, "url": f"https://{site}.example/{n}", "title": title or f"Новина {n}",
            "published": day, "text": text}  # fmt: skip


SERIES_SHARED = [
    "Срещата се провежда под патронажа на министъра на труда и социалната политика.",
    "Участниците ще обсъдят качеството на социалните услуги в малките общини и"
    " обмена на добри практики между общините от цялата страна.",
]


def _series(ordinal: str, city: str, own: list[str]) -> str:
    """An instalment of a recurring event: a third of its sentences from the template."""
    return "\n".join([
        f"{ordinal} национална среща на социалните експерти започна днес в {city}."
        f" {SERIES_SHARED[0]}",
        " ".join(own[:2]),
        f"{SERIES_SHARED[1]} {' '.join(own[2:])}",
    ])  # fmt: skip


FIFTH = [
    "Домакин тази година е община Габрово, която представи своя център за деца с увреждания.",
    "Експертите посетиха и новия дом за възрастни хора в квартал Борово.",
    "Кметът на Габрово откри срещата с думите, че социалната работа е работа на доверие.",
    "В последния ден ще бъде приета декларация за по-добро заплащане на социалните работници.",
]
SEVENTH = [
    "Тази година домакин е Силистра, където наскоро отвори врати дневен център за младежи.",
    "Гостите разгледаха крепостта Меджиди табия и обновената крайдунавска градина.",
    "Областният управител приветства участниците и пожела ползотворна работа на форума.",
    "Сред темите е и дигитализацията на социалните досиета и помощта за самотни майки.",
]


def test_instalments_of_one_event_series_are_different_stories(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    articles = [
        _article("nsorb", 1, _series("Петата", "Габрово", FIFTH), "2024-05-14"),
        _article("bta", 2, _series("Седмата", "Силистра", SEVENTH), "2026-05-12"),
    ]
    result = run_cli("import-jsonl", str(write_jsonl(tmp_path / "a.jsonl", articles)),
                     "--db", str(db))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert [r["story"] for r in _export(run_cli, db)] == [1, 2]


FOOTER = (
    "Следете ни във Фейсбук, Инстаграм и Телеграм, за да научавате първи новините от Русе"
    " и региона. Редакцията не носи отговорност за мненията на читателите под статиите."
    " Всички права запазени, препечатването е позволено само с изрично посочен източник."
)
TOPICS = [
    "Пожарникари гасиха горящ склад за дърва в промишлената зона на града цяла нощ.",
    "Учениците от математическата гимназия спечелиха пет медала на олимпиадата в Бургас.",
    "Започна ремонтът на покрива на драматичния театър, който тече от три зими.",
    "Автобусната линия до летището ще има два допълнителни курса през уикенда.",
    "Местният отбор по волейбол загуби финала за купата след пет изиграни гейма.",
    "Общината раздаде безплатни фиданки на жителите за залесяване на междублоковите зони.",
]


def test_a_sites_shared_footer_does_not_make_its_articles_one_story(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    articles = [_article("ruse24", i, f"{topic}\n{FOOTER}") for i, topic in enumerate(TOPICS)]
    result = run_cli("import-jsonl", str(write_jsonl(tmp_path / "a.jsonl", articles)),
                     "--db", str(db))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    stories = [r["story"] for r in _export(run_cli, db)]
    assert len(set(stories)) == len(TOPICS)


STORY_B = [
    "Пристанище Русе получи нов кран за контейнери, който ще удвои капацитета на терминала.",
    "Кранът е доставен по реката от Австрия и е монтиран за по-малко от две седмици.",
    "Според пристанищната администрация товарооборотът ще нарасне с една трета до три години.",
    "Новата техника ще позволи обработката на по-тежки товари и на речни баржи с по-голямо газене.",
]


def _copies_archive(run_cli: Cli, db: Path, tmp_path: Path) -> list[dict[str, Any]]:
    """Two stories about Ruse, each carried by several outlets, and one single article."""
    b_copy = ["Ето какво съобщиха от пристанището днес.", *STORY_B[:3]]
    articles = [
        _article("bta", 1, "\n".join(PARAGRAPHS), "2026-03-10", "Алея край Дунав в Русе"),
        _article("ruse24", 2, "\n".join(REPUBLISHED), "2026-03-11", "Нова алея в Русе"),
        _article("nsorb", 3, "\n".join(PARAGRAPHS[:4]), "2026-03-12", "Русе и алеята"),
        _article("bta", 4, "\n".join(STORY_B), "2026-04-02", "Нов кран в Русе"),
        _article("ruse-bg", 5, "\n".join(b_copy), "2026-04-03", "Кран на пристанище Русе"),
        _article("ruse24", 6, TOPICS[0] + " Случаят е в Русе.", "2026-04-20", "Пожар в Русе"),
    ]
    result = run_cli("import-jsonl", str(write_jsonl(tmp_path / "a.jsonl", articles)),
                     "--db", str(db))  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return _export(run_cli, db)


def test_search_collapse_never_shows_one_story_twice(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    rows = _copies_archive(run_cli, db, tmp_path)
    assert [r["story"] for r in rows] == [1, 1, 1, 4, 4, 6]
    plain = run_cli("search", "Русе", "--format", "json", "--db", str(db)).json()
    assert isinstance(plain, list) and len(plain) == 6
    for sort in ("relevance", "newest", "oldest"):
        hits = run_cli("search", "Русе", "--collapse", "--sort", sort, "--format", "json",
                       "--db", str(db)).json()  # fmt: skip
        assert isinstance(hits, list)
        assert sorted(h["story"] for h in hits) == [1, 4, 6]
        assert all(h["total"] == 3 for h in hits)
        for hit in hits:
            urls = {a["url"] for a in hit["also"]} | {hit["url"]}
            assert urls == {r["url"] for r in rows if r["story"] == hit["story"]}
            assert all(set(a) == {"site", "url", "published"} for a in hit["also"])
    oldest = run_cli("search", "Русе", "--collapse", "--sort", "oldest", "--format", "json",
                     "--db", str(db)).json()  # fmt: skip
    assert isinstance(oldest, list)
    assert [h["id"] for h in oldest] == [1, 4, 6]  # the earliest copy stands for the story
    page = run_cli("search", "Русе", "--collapse", "--limit", "2", "--format", "json",
                   "--db", str(db))  # fmt: skip
    assert len(page.json()) == 2 and "2 of 3 matches shown" in page.stderr  # type: ignore[arg-type]
    table = run_cli("search", "алея", "--collapse", "--db", str(db)).stdout
    assert table.count("also: ") == 2
    counted = run_cli("search", "алея", "--collapse", "--count", "--db", str(db))
    assert counted.exit_code == 2 and "stats --timeline --stories" in counted.stderr


def test_export_csv_and_stats_count_stories(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    _copies_archive(run_cli, db, tmp_path)
    exported = run_cli("export", "--format", "csv", "--db", str(db)).stdout
    assert [r["story"] for r in csv.DictReader(io.StringIO(exported))] == [
        "1", "1", "1", "4", "4", "6"
    ]  # fmt: skip
    outlets = run_cli("stats", "--stories", "--format", "json", "--db", str(db)).json()
    assert isinstance(outlets, list)
    by_site = {r["site"]: r for r in outlets}
    assert by_site["all"] == {"site": "all", "stories": 3, "one": 1, "two": 1,
                              "three_or_more": 1}  # fmt: skip
    assert by_site["bta"] == {"site": "bta", "stories": 2, "one": 0, "two": 1,
                              "three_or_more": 1}  # fmt: skip
    assert by_site["ruse24"]["one"] == 1 and by_site["ruse24"]["three_or_more"] == 1
    table = run_cli("stats", "--stories", "--db", str(db))
    assert table.exit_code == 0 and "3+ outlets" in table.stdout


def test_stats_timeline_counts_articles_or_stories(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    _copies_archive(run_cli, db, tmp_path)
    articles = run_cli("stats", "--timeline", "--format", "csv", "--db", str(db))
    assert articles.exit_code == 0, articles.stderr
    rows = list(csv.DictReader(io.StringIO(articles.stdout)))
    total = {r["period"]: int(r["count"]) for r in rows if r["site"] == "all"}
    assert total == {"2026-03": 3, "2026-04": 3}
    stories = run_cli("stats", "--timeline", "--stories", "--format", "csv", "--db", str(db))
    rows = list(csv.DictReader(io.StringIO(stories.stdout)))
    assert {r["period"]: int(r["count"]) for r in rows if r["site"] == "all"} == {
        "2026-03": 1, "2026-04": 2
    }  # fmt: skip
    weekly = run_cli("stats", "--timeline", "алея", "--by", "week", "--stories",
                     "--format", "json", "--db", str(db)).json()  # fmt: skip
    assert isinstance(weekly, dict)
    assert [(r["period"], r["count"]) for r in weekly["rows"] if r["site"] == "all"] == [
        ("2026-W11", 1)
    ]
    chart = run_cli("stats", "--timeline", "--db", str(db))
    assert chart.exit_code == 0 and "2026-04" in chart.stdout and "█" in chart.stdout


def test_stats_refuses_options_that_mean_nothing(run_cli: Cli, db: Path, tmp_path: Path) -> None:
    _copies_archive(run_cli, db, tmp_path)
    # (``stats --site bta`` means the per-site table of bta: no longer refused)
    for args in (("stats", "алея"), ("stats", "--format", "csv"), ("stats", "--site", "nosuch"),
                 ("stats", "--timeline", "--by", "year"), ("stats", "--by", "week"),
                 ("stats", "--timeline", "--since", "2026-13-01")):  # fmt: skip
        result = run_cli(*args, "--db", str(db))
        assert result.exit_code == 2, args
        assert "Traceback" not in result.stderr
    unknown = run_cli("stats", "--stories", "--site", "nosuch", "--db", str(db))
    assert unknown.exit_code == 2 and "unknown site" in unknown.stderr


def test_a_rewritten_article_leaves_a_story_it_no_longer_matches(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    articles = [
        _article("bta", 1, "\n".join(PARAGRAPHS)),
        _article("ruse24", 2, "\n".join(REPUBLISHED)),
    ]
    run_cli("import-jsonl", str(write_jsonl(tmp_path / "a.jsonl", articles)), "--db", str(db))
    assert [r["story"] for r in _export(run_cli, db)] == [1, 1]
    articles[1]["text"] = "\n".join(STORY_B)
    again = run_cli("import-jsonl", str(write_jsonl(tmp_path / "b.jsonl", articles)),
                    "--db", str(db))  # fmt: skip
    assert "1 updated" in again.stdout
    assert [r["story"] for r in _export(run_cli, db)] == [1, 2]
    articles[1]["text"] = "\n".join(REPUBLISHED)
    run_cli("import-jsonl", str(write_jsonl(tmp_path / "c.jsonl", articles)), "--db", str(db))
    assert [r["story"] for r in _export(run_cli, db)] == [1, 1]


def test_an_archive_from_before_stories_gets_them_on_upgrade(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    _copies_archive(run_cli, db, tmp_path)
    conn = sqlite3.connect(db)
    conn.executescript("DROP TABLE article_stories; DROP TABLE story_keys;"
                       " PRAGMA user_version = 4;")  # fmt: skip
    conn.close()
    assert [r["story"] for r in _export(run_cli, db)] == [1, 1, 1, 4, 4, 6]


def test_shingle_hashes_are_the_same_in_every_process() -> None:
    """Story keys are stored: if Python's hashing of integer tuples ever changed, archived
    keys would stop matching new ones. This pins the values."""
    index = StoryIndex(sqlite3.connect(":memory:"))
    words = "общината обяви нов ремонт на улиците в русе".split()
    assert sorted(index.shingles(words)) == [
        -5722395389834523734, -1422974325010499203, 4371309103304574080, 6908170953225765451
    ]  # fmt: skip


def test_web_article_page_shows_also_in_and_search_can_collapse(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    from newsarchive.web.server import make_datasette

    from .web_support import fetch

    rows = _copies_archive(run_cli, db, tmp_path)
    article, single, plain, collapsed = fetch(
        make_datasette(db), "/article/2", "/article/6", "/search?q=алея",
        "/search?q=алея&collapse=1",
    )  # fmt: skip
    html = article.text
    assert "<h2>Also in</h2>" in html
    assert '<a href="/article/1">bta · 2026-03-10</a>' in html
    assert '<a href="/article/3">nsorb · 2026-03-12</a>' in html
    assert "Also in" not in single.text
    assert "1–3 of 3 articles" in plain.text
    assert "1–1 of 1 story" in collapsed.text
    assert collapsed.text.count('class="na-title"') == 1
    also = collapsed.text.split('class="na-meta na-also"', 1)[1].split("</div>", 1)[0]
    assert sum(f'href="{r["url"]}"' in also for r in rows[:3]) == 2  # the two other copies
    assert 'name="collapse" value="1" checked' in collapsed.text


def test_reextract_assigns_the_story_of_the_text_it_rebuilds(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    _crawl_both(run_cli, db, tmp_path)
    copy_url = "https://www.ruse24.bg" + RUSE24_URL
    conn = sqlite3.connect(db)  # an older extractor left the copy's text unrecognisable
    with conn:
        copy_id = conn.execute("SELECT id FROM articles WHERE url = ?", (copy_url,)).fetchone()[0]
        conn.execute("UPDATE articles SET text = 'Зареждане…' WHERE id = ?", (copy_id,))
        conn.execute("DELETE FROM article_stories WHERE article_id = ?", (copy_id,))
        conn.execute("DELETE FROM story_keys WHERE article_id = ?", (copy_id,))
    conn.close()
    before = {r["url"]: r["story"] for r in _export(run_cli, db)}
    assert before[copy_url] == copy_id
    result = run_cli("reextract", "--site", "ruse24", "--db", str(db))
    assert result.exit_code == 0, result.stderr
    after = {r["url"]: r["story"] for r in _export(run_cli, db)}
    assert after[copy_url] == after["https://www.bta.bg" + BTA_URL] != copy_id


def _write_at_once(db: Path, copies: dict[str, str], tag: int) -> list[BaseException]:
    """Each site's copy written on its own connection, released together by a barrier."""
    import threading

    from newsarchive.archive.connection import connect
    from newsarchive.archive.store import Store
    from newsarchive.models import Article

    barrier = threading.Barrier(len(copies))
    errors: list[BaseException] = []

    def write(site: str) -> None:
        conn = connect(db, create=False)
        try:
            store = Store(conn)
            url = f"https://www.{site}.bg/a/{tag}"
            barrier.wait()
            with conn:
                article = Article(title=f"Алея {site}", text=copies[site], url=url)
                store.upsert_article(article, site=site, url=url)
        except BaseException as error:  # reported in the test's thread
            errors.append(error)
        finally:
            conn.close()

    threads = [threading.Thread(target=write, args=(site,)) for site in copies]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_copies_written_at_once_by_two_sites_share_their_story(tmp_path: Path) -> None:
    """Sites crawled side by side write on their own connections. The story lookup runs
    inside the write transaction (after the article's INSERT took the write lock), so
    the second writer always sees the first copy: no pair is missed, however they race."""
    from newsarchive.archive.connection import connect

    copies = {"bta": "\n".join(PARAGRAPHS), "ruse24": "\n".join(REPUBLISHED)}
    for trial in range(8):
        db = tmp_path / f"race{trial}.db"
        connect(db, create=True).close()
        assert _write_at_once(db, copies, trial) == []
        with sqlite3.connect(db) as conn:
            stories = conn.execute(
                "SELECT COALESCE(s.story, a.id) FROM articles a"
                " LEFT JOIN article_stories s ON s.article_id = a.id"
            ).fetchall()
        assert len(stories) == 2 and len(set(stories)) == 1, trial


def test_stats_timeline_says_how_many_undated_articles_it_left_out(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    # An undated article belongs to no period: a chart silent about it under-counts
    # attention without a word, and "No dated articles" for a query that matched nothing
    # said there was something undated.
    source = tmp_path / "dated.jsonl"
    rows = [
        {"site": "bta", "url": "https://www.bta.bg/1", "title": "Бюджетът",
         "published": "2026-03-02", "text": "Общината прие бюджета."},
        {"site": "bta", "url": "https://www.bta.bg/2", "title": "Пак бюджетът", "published": None,
         "text": "Бюджетът е приет без дата."},
    ]  # fmt: skip
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    chart = run_cli("stats", "--timeline", "бюджет", "--db", str(db))
    assert chart.exit_code == 0, chart.stderr
    assert "1 matching article has no date and is in no period" in chart.stdout
    data = run_cli("stats", "--timeline", "бюджет", "--format", "json", "--db", str(db)).json()
    assert isinstance(data, dict) and data["undated"] == 1
    numbers = run_cli("stats", "--timeline", "бюджет", "--format", "csv", "--db", str(db))
    assert numbers.stdout.splitlines()[0] == "period,site,count"
    assert "1 matching article has no date and is in no period" in numbers.stderr
    nothing = run_cli("stats", "--timeline", "футбол", "--db", str(db))
    assert nothing.exit_code == 0
    assert nothing.stdout.strip() == "No articles match."
    undated_only = run_cli("stats", "--timeline", "дата", "--db", str(db))
    assert undated_only.stdout.strip() == (
        "No dated articles: 1 matching article has no date and is in no period."
    )


def test_stats_timeline_folds_a_run_of_empty_months_into_one_line(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    # A story that came back after a year and a half printed eighteen empty lines between
    # its two bars; one line says the same. The numbers keep every month.
    source = tmp_path / "far.jsonl"
    rows = [
        {"site": "bta", "url": f"https://www.bta.bg/{n}", "title": f"Мостът {n}",
         "published": day, "text": "Мостът над реката е ремонтиран."}
        for n, day in enumerate(("2019-03-05", "2019-05-02", "2020-09-10", None))
    ]  # fmt: skip
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    chart = run_cli("stats", "--timeline", "мост", "--db", str(db))
    assert chart.exit_code == 0, chart.stderr
    lines = [line.split() for line in chart.stdout.splitlines()]
    assert ["2019-04", "0"] in lines  # one empty month alone stays a month
    assert ["2019-06", "…", "2020-08", "0", "none"] in lines
    assert not any(line and line[0] in ("2019-07", "2020-01") for line in lines)
    assert "1 matching article has no date and is in no period" in chart.stdout
    numbers = run_cli("stats", "--timeline", "мост", "--format", "csv", "--db", str(db))
    periods = {r["period"] for r in csv.DictReader(io.StringIO(numbers.stdout))}
    assert len(periods) == 19 and "2020-01" in periods


@pytest.mark.parametrize("by", ["week", "month"])
def test_stats_timeline_folds_the_years_up_to_a_date_in_9999_and_says_so(
    run_cli: Cli, db: Path, tmp_path: Path, by: str
) -> None:
    """One article dated 9999 (an archive written before imports refused it, or edited)
    made ~416,000 empty weeks: rows in the JSON and CSV, lines to fold in the table and
    slots in the web chart. A long empty run is one fold, said in each output."""
    source = tmp_path / "far.jsonl"
    rows = [
        {"site": "bta", "url": f"https://www.bta.bg/{n}", "title": f"Язовирът {n}",
         "published": day, "text": "Язовирът е пълен."}
        for n, day in enumerate(("2026-03-02", "2026-03-20", "2026-05-04"))
    ]  # fmt: skip
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET published_date = '9999-12-30' WHERE url LIKE '%/2'")
    data = run_cli("stats", "--timeline", "--by", by, "-f", "json", "--db", str(db))
    assert data.exit_code == 0, data.stderr
    periods = [row["period"] for row in data.json()["rows"] if row["site"] == "all"]
    [fold] = data.json()["folded"]
    last = "9999-W52" if by == "week" else "9999-12"
    assert periods[-1] == last and len(periods) < 10
    assert fold["after"] == periods[-2] and "2026" < fold["first"] < fold["last"] < last
    assert fold["periods"] > 90_000  # (every one of them, counted, not listed)
    assert f"{fold['periods']:,} empty {by}s" in data.stderr
    numbers = run_cli("stats", "--timeline", "--by", by, "-f", "csv", "--db", str(db))
    assert len(numbers.stdout.splitlines()) == len(data.json()["rows"]) + 1
    assert f"{fold['periods']:,} empty {by}s" in numbers.stderr
    chart = run_cli("stats", "--timeline", "--by", by, "--db", str(db))
    assert chart.exit_code == 0 and len(chart.stdout.splitlines()) < 12, chart.stdout
    assert f"{fold['first']} … {fold['last']}" in chart.stdout
    assert f"{fold['periods']:,} empty {by}s" in chart.stdout
    if by == "month":  # the web search page draws the months the same way
        from newsarchive.web.chart import month_chart

        months = [{"month": row["period"], "site": "bta", "count": row["count"]}
                  for row in data.json()["rows"] if row["site"] == "bta"]  # fmt: skip
        drawn = month_chart(months)
        assert drawn is not None and drawn.months == len(periods) + 1
        assert f"{fold['periods']:,} empty months folded" in drawn.svg


def test_stats_timeline_leaves_out_a_date_edited_by_hand_with_a_warning(
    run_cli: Cli, db: Path, tmp_path: Path
) -> None:
    source = tmp_path / "dated.jsonl"
    rows = [
        {"site": "bta", "url": "https://www.bta.bg/1", "title": "Бюджетът",
         "published": "2026-03-02", "text": "Общината прие бюджета."},
        {"site": "bta", "url": "https://www.bta.bg/2", "title": "Пак бюджетът",
         "published": "2026-04-02", "text": "Бюджетът е приет отново."},
    ]  # fmt: skip
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    assert run_cli("import-jsonl", str(source), "--db", str(db)).exit_code == 0
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE articles SET published_date = '2 април 2026' WHERE url LIKE '%/2'")
    for fmt in ("text", "csv", "json"):
        out = run_cli("stats", "--timeline", "--format", fmt, "--db", str(db))
        assert out.exit_code == 0, out.stderr
        assert out.stderr.strip() == (
            "warning: 1 matching article left out: published_date is not YYYY-MM-DD"
        )
    data = run_cli("stats", "--timeline", "--format", "json", "--db", str(db)).json()
    assert isinstance(data, dict) and data["unreadable"] == 1
    # the web search page's chart (its months) leaves it out as well
    from newsarchive.archive.connection import connect_reader
    from newsarchive.archive.query import parse_query
    from newsarchive.archive.search import per_month
    from newsarchive.archive.store import Filters
    from newsarchive.web.chart import month_chart

    reader = connect_reader(db)
    try:
        months = per_month(reader, parse_query("бюджет"), Filters())
    finally:
        reader.close()
    assert months == [{"month": "2026-03", "site": "bta", "count": 1}]
    assert month_chart(months) is not None
    assert [(r["period"], r["count"]) for r in data["rows"]] == [("2026-03", 1), ("2026-03", 1)]


def test_a_first_import_asks_the_index_only_for_keys_it_may_hold(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In an archive whose ``story_keys`` was empty, an article none of whose keys was
    stored since needs no lookup (``StoryIndex._may_hold``); a copy of one is still found,
    and in an archive that held keys every article is looked up."""
    from newsarchive.archive.connection import connect
    from newsarchive.archive.lemmas import tokens

    looked: list[int] = []
    held = StoryIndex._held
    monkeypatch.setattr(StoryIndex, "_held", lambda s, keys: looked.append(1) or held(s, keys))
    conn = connect(db, create=True)
    rows = [
        ("bta", PARAGRAPHS),
        ("bta", TOPICS),
        ("nsorb", REPUBLISHED),
        ("ruse24", PARAGRAPHS[:4]),
    ]
    for n, (site, paragraphs) in enumerate(rows, 1):
        conn.execute(
            "INSERT INTO articles (id, site, url, text, fetched_at, updated_at)"
            " VALUES (?, ?, ?, ?, '', '')",
            (n, site, f"https://x.bg/{n}", " ".join(paragraphs)),
        )
    index = StoryIndex(conn)
    assert index.assign(1, "bta", tokens(" ".join(PARAGRAPHS))) == 1
    assert index.assign(2, "bta", tokens(" ".join(TOPICS))) == 2
    assert looked == []  # nothing stored shared a key with them
    assert index.assign(3, "nsorb", tokens(" ".join(REPUBLISHED))) == 1
    assert looked == [1]
    assert StoryIndex(conn).assign(4, "ruse24", tokens(" ".join(PARAGRAPHS[:4]))) == 1
    assert looked == [1, 1]  # (an index begun on stored keys asks for every article)
    conn.close()
