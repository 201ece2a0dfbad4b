"""A forty-sixth round of site shapes, regional news sites rather than municipalities,
crawled from the origin alone (a profile of id, name and origin) through a real
``MirrorServer``, as ``test_round41_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round46.py``): a portal's four sections and
no list of all news, every article listed again on its tags' and its author's pages
(zlatnareka); a paper's RSS feed linking every article by its AMP copy only
(dunavskiglas); a radio station's cards and ticker dated only "преди 5 мин", "вчера"
(radiozora); a paper's paid articles showing their lead and a subscription offer
(vechernivesti). Each must archive exactly the articles within its reach with the true
title, date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest

from newsarchive import crawl_sources
from newsarchive.discover.explore import Discovery
from newsarchive.models import ACCESS_WORDS

from .mirror_sites import (
    FirstCrawl,
    a_night_later,
    article_rows,
    bare_crawl_twice,
    card_first,
    check_bare_crawl,
    mirror_crawls,
    post_article,
)
from .support import SITES, Result

ROUND46_SITES = {
    # four sections and no all-news list; tag and author pages listing them again
    "zlatnareka": ("Златна река Инфо", "https://zlatnareka.info"),
    # an RSS feed linking every article by its AMP copy only
    "dunavskiglas": ("Дунавски глас", "https://dunavskiglas.bg"),
    # cards and a ticker dated only "преди 5 мин", "вчера"
    "radiozora": ("Радио Зора", "https://radiozora.bg"),
    # paid articles: the lead, then "Абонирай се, за да прочетеш цялата статия"
    "vechernivesti": ("Вечерни вести", "https://vechernivesti.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND46_SITES))
def test_a_round46_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND46_SITES[site])


# zlatnareka's sections, in its menu's order: the first two read every night, the others
# rested (``Discovery.rested``)
ZR_SECTIONS = ("region", "bulgaria", "sport", "kriminalni")

# vechernivesti's paid articles (every other one, the second newest first)
VV_PAID = (
    "6649-remont-na-ulitsite",
    "6647-nov-detski-kat",
    "6645-sesiya-na-saveta",
    "6643-shkolna-olimpiada",
)

FIRST_CRAWLS = [
    # every section's two pages once, each article once; no tag nor author page asked,
    # though every article links two tags and its author, each listing it again
    FirstCrawl(
        "zlatnareka",
        once=tuple(f"/rubrika/{name}{page}" for name in ZR_SECTIONS for page in ("", "?page=2")),
        unasked=("/tag/obshtina", "/tag/futbol", "/avtor/ivana-petrova", "/avtor/georgi-kolev"),
        distinct_under={"/statia/": 16},
        rows=16,
    ),
    # the feed once and each AMP copy it links once; no article asked again at the
    # address its copy's canonical names, where its row is
    FirstCrawl(
        "dunavskiglas",
        once=("/rss.xml",),
        distinct_under={"/amp/statia/": 9, "/statia/": 0},
        rows=9,
    ),
    # every list page once, though no card says its day
    FirstCrawl(
        "radiozora",
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        distinct_under={"/novini/": 9},
        rows=9,
    ),
    # every list page once, each article, paid or not, once
    FirstCrawl(
        "vechernivesti",
        once=("/novini", "/novini?page=2", "/novini?page=3"),
        unasked=("/abonament",),
        distinct_under={"/novini/": 8},
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round46_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND46_SITES[site])
    expected.check(first, db)


def test_a_paid_article_is_archived_as_its_lead_without_the_subscription_offer(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """vechernivesti's paid articles show their lead, then ``<div class="subscribe-box">``:
    "Абонирай се, за да прочетеш цялата статия" and the offer. Their rows hold the lead
    alone (before: two of the four held the lead and the offer's two lines, "Абонирай
    се, …" and "Дигитален абонамент: 4,90 лв. …"); a free article's row its whole text."""
    bare_crawl_twice(run_cli, db, tmp_path, "vechernivesti", *ROUND46_SITES["vechernivesti"])
    rows = article_rows(db)
    paid = [rows[f"https://vechernivesti.bg/novini/{slug}"][3] for slug in VV_PAID]
    free = rows["https://vechernivesti.bg/novini/6650-nova-sportna-zala"][3]
    for text in paid:
        assert "\n" not in text and "бонамент" not in text and "Абонирай" not in text, text
    assert len(free.splitlines()) > 1, free


def test_cards_dated_only_relatively_hide_no_new_article(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """radiozora's cards say only "преди 5 мин", "вчера": the rerun reads the list alone,
    and a new card atop it, "преди 1 мин", is archived by the next run, its day the
    article's own."""
    name, origin = ROUND46_SITES["radiozora"]
    with mirror_crawls(run_cli, db, tmp_path, "radiozora", name, origin, editable=True) as crawls:
        crawls.crawl()
        assert len(crawls.crawl()) <= 3
        slug = "2211-nov-efir"
        post_article(crawls.root, "novini", "2210-*.html", slug, "28.11.2026", "30.11.2026")
        card = (
            f'<div class="novina"><h3><a href="/novini/{slug}">Ново</a></h3>'
            '<span class="koga">преди 1 мин</span><p>Ново.</p></div>\n'
        )
        card_first(crawls.root / "novini.html", card, '<div class="novina"><h3>')
        asked = crawls.crawl()
    assert asked.count(f"/novini/{slug}") == 1 and len(asked) <= 4, asked
    rows = article_rows(db)
    assert len(rows) == 10
    assert rows[f"{origin}/novini/{slug}"][1].startswith("2026-11-30"), rows[
        f"{origin}/novini/{slug}"
    ]


@pytest.mark.parametrize("section", ["region", "bulgaria", "sport", "kriminalni"])
def test_a_new_article_in_any_section_is_archived_the_next_night(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, section: str
) -> None:
    """zlatnareka has no feed and no list of all news, four sections of its own: the
    sections are the only way to its news. A nightly run reads the first two ("Регион",
    "България") and the first page of each rested one ("Спорт", "Криминални",
    ``SECTION_REST_HOURS``), so a new article in any section is archived the next night,
    once (before: one in "Спорт" or "Криминални" was not asked until the three days'
    rest, ``LISTING_REST_DAYS``, was over). A rerun the same day still costs three
    requests, a quiet night five (robots.txt and a 304 for each section's first page)."""
    name, origin = ROUND46_SITES["zlatnareka"]
    slug = "7311-nov-mach"
    with mirror_crawls(run_cli, db, tmp_path, "zlatnareka", name, origin, editable=True) as crawls:
        crawls.crawl()
        assert len(crawls.crawl()) <= 3  # a retry the same day
        a_night_later(db)
        quiet = crawls.crawl()
        assert len(quiet) <= 1 + len(ZR_SECTIONS), quiet
        assert all(quiet.count(f"/rubrika/{key}") == 1 for key in ZR_SECTIONS), quiet
        post_article(crawls.root, "statia", "7310-*.html", slug, "29.11.2026", "30.11.2026")
        card = (
            f'<div class="card"><h3><a href="/statia/{slug}">Нов мач</a></h3>'
            '<span class="data">30.11.2026 10:00</span><p>Ново.</p></div>\n'
        )
        card_first(crawls.root / "rubrika" / f"{section}.html", card, '<div class="card"><h3>')
        a_night_later(db)
        nightly = crawls.crawl()
    assert nightly.count(f"/statia/{slug}") == 1, nightly
    # the section read to its second page, the others a 304 each
    assert len(nightly) <= 1 + len(ZR_SECTIONS) + 2, nightly
    assert len(article_rows(db)) == 17


def test_a_portal_of_many_sections_is_asked_for_a_few_a_night_the_longest_unread_first(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With at most one rested section a night (``SECTIONS_PER_NIGHT``), zlatnareka's
    two rested sections are asked on alternate nights, the one read longest ago first,
    and a post in either waits one night more, no longer."""
    monkeypatch.setattr(crawl_sources, "SECTIONS_PER_NIGHT", 1)
    name, origin = ROUND46_SITES["zlatnareka"]
    rested = tuple(f"/rubrika/{key}" for key in ZR_SECTIONS[2:])
    with mirror_crawls(run_cli, db, tmp_path, "zlatnareka", name, origin, editable=True) as crawls:
        crawls.crawl()
        asked = []
        for _ in range(4):
            a_night_later(db)
            night = crawls.crawl()
            assert len(night) <= 4, night
            asked.append([path for path in rested if path in night])
    assert [len(a) for a in asked] == [1, 1, 1, 1], asked
    assert asked[0] != asked[1] and asked[0] == asked[2] and asked[1] == asked[3], asked


def test_rested_sections_beside_a_list_of_all_news_keep_their_rest(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Where exploring saw a list of all news (``Discovery.all_news``: a section it
    showed the news of dropped for it), that list shows a nightly run what is new: the
    rested sections keep ``LISTING_REST_DAYS``, and a night later the run is three
    requests, as before."""
    name, origin = ROUND46_SITES["zlatnareka"]
    with mirror_crawls(run_cli, db, tmp_path, "zlatnareka", name, origin) as crawls:
        crawls.crawl()
        with closing(sqlite3.connect(db)) as conn, conn:
            (found,) = conn.execute("SELECT found FROM site_discovery").fetchone()
            kept = replace(Discovery.from_json(found), all_news=f"{origin}/rubrika/region")
            conn.execute("UPDATE site_discovery SET found = ?", (kept.to_json(),))
        a_night_later(db)
        nightly = crawls.crawl()
    assert nightly == ["/robots.txt", "/rubrika/region", "/rubrika/bulgaria"], nightly


def test_rested_sections_beside_a_feed_keep_their_rest(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A profile naming a feed, a section read every night and two rested ones: the
    feed shows what is new, so a night later the rested sections are not asked (three
    requests: robots.txt, the feed, the section), as before."""
    name, origin = ROUND46_SITES["zlatnareka"]
    with mirror_crawls(run_cli, db, tmp_path, "zlatnareka", name, origin, editable=True) as crawls:
        items = "".join(
            f"<item><title>{page.stem}</title><link>{origin}/statia/{page.stem}</link></item>"
            for page in sorted((crawls.root / "statia").glob("*.html"))
        )
        (crawls.root / "rss.xml").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>'
            f"<link>{origin}/</link>{items}</channel></rss>",
            encoding="utf-8",
        )
        (tmp_path / "zlatnareka.toml").write_text(
            f'id = "zlatnareka"\nname = "{name}"\norigin = "{origin}"\n[discovery]\n'
            'feeds = ["/rss.xml"]\nstart_urls = ["/rubrika/region"]\n'
            'rested_urls = ["/rubrika/sport", "/rubrika/kriminalni"]\n',
            encoding="utf-8",
        )
        first = crawls.crawl()
        assert "/rubrika/sport" in first and "/rubrika/kriminalni" in first, first
        a_night_later(db)
        nightly = crawls.crawl()
    assert sorted(nightly) == ["/robots.txt", "/rss.xml", "/rubrika/region"], nightly


def test_sections_left_for_later_nights_are_said_in_the_summary_not_warned(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A portal of ten rested sections and no feed (zlatnareka's three, and seven of its
    villages', written here): a night asks eight of them (``SECTIONS_PER_NIGHT``) and
    the site's summary line says the two left ("2 sections left for later nights (8 a
    night)"), where they were left without a word. Not a warning: ``--quiet``, as cron
    runs it, prints nothing."""
    name, origin = ROUND46_SITES["zlatnareka"]
    articles = sorted(page.stem for page in (SITES / "zlatnareka" / "statia").glob("*.html"))
    villages = [f"selo-{n}" for n in range(1, 8)]
    with mirror_crawls(run_cli, db, tmp_path, "zlatnareka", name, origin, editable=True) as crawls:
        for n, village in enumerate(villages):
            cards = "".join(
                f'<div class="card"><h3><a href="/statia/{slug}">Новина {slug[:4]}</a></h3>'
                f'<span class="data">{20 + n}.11.2026 10:00</span><p>Кратко.</p></div>\n'
                for slug in articles[n : n + 3]
            )
            (crawls.root / "rubrika" / f"{village}.html").write_text(
                f'<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Село {n}'
                f'</title></head><body><main class="content"><h1>Село {n}</h1>\n{cards}'
                "</main></body></html>\n",
                encoding="utf-8",
            )
        rested = ["bulgaria", "sport", "kriminalni", *villages]
        listed = ", ".join(f'"/rubrika/{key}"' for key in rested)
        (tmp_path / "zlatnareka.toml").write_text(
            f'id = "zlatnareka"\nname = "{name}"\norigin = "{origin}"\n[discovery]\n'
            f'start_urls = ["/rubrika/region"]\nrested_urls = [{listed}]\n',
            encoding="utf-8",
        )
        first = crawls.crawl()
        assert all(f"/rubrika/{key}" in first for key in rested), first
        assert "later nights" not in crawls.stdout  # (each walked whole the first night)
        a_night_later(db)
        nightly = crawls.crawl()
        assert len([key for key in rested if f"/rubrika/{key}" in nightly]) == 8, nightly
        (summary,) = crawls.stdout.splitlines()
        assert summary.startswith("zlatnareka: ")
        assert summary.endswith("; 2 sections left for later nights (8 a night)"), summary
        assert crawls.result is not None and crawls.result.stderr == ""
        a_night_later(db)
        crawls.crawl("--quiet")
        assert crawls.result is not None
        assert (crawls.result.stdout, crawls.result.stderr) == ("", "")


def test_a_paid_articles_row_says_it_is_paid_in_the_archive_show_and_export(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """The four paid rows hold their lead alone: ``articles.access`` says "paid" of them
    and "free" of the four others; ``show`` says it in one line over the text (nothing
    of a free one), and JSON Lines and CSV export carry the column."""
    bare_crawl_twice(run_cli, db, tmp_path, "vechernivesti", *ROUND46_SITES["vechernivesti"])
    with closing(sqlite3.connect(db)) as conn:
        access = dict(conn.execute("SELECT url, access FROM articles").fetchall())
    paid = {f"https://vechernivesti.bg/novini/{slug}" for slug in VV_PAID}
    assert len(access) == 8 and {url for url, said in access.items() if said == "paid"} == paid
    assert {said for url, said in access.items() if url not in paid} == {"free"}
    shown = run_cli("show", sorted(paid)[0], "--db", str(db))
    assert shown.exit_code == 0, shown.stderr
    said = [line for line in shown.stdout.splitlines() if line.startswith("Access:")]
    assert said == [f"Access: {ACCESS_WORDS['paid']}"]
    free = run_cli("show", f"{ROUND46_SITES['vechernivesti'][1]}/novini/6650-nova-sportna-zala",
                   "--db", str(db))  # fmt: skip
    assert free.exit_code == 0 and "Access:" not in free.stdout
    exported = run_cli("export", "--db", str(db))
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert {row["url"]: row["access"] for row in rows} == access
    table = run_cli("export", "--format", "csv", "--db", str(db))
    cells = {row["url"]: row["access"] for row in csv.DictReader(io.StringIO(table.stdout))}
    assert cells == access
    # --free-only: the four free ones, by search (filters alone, or words) and export
    for args in (("--site", "vechernivesti"), ("общината",)):
        every = run_cli("search", *args, "--format", "json", "--db", str(db))
        found = run_cli("search", *args, "--free-only", "--format", "json", "--db", str(db))
        assert every.exit_code == found.exit_code == 0, found.stderr
        hits = {hit["url"] for hit in found.json()}  # type: ignore[attr-defined]
        assert hits and not hits & paid, args
        assert hits == {hit["url"] for hit in every.json()} - paid  # type: ignore[attr-defined]
    free_rows = run_cli("export", "--free-only", "--db", str(db)).stdout.splitlines()
    assert sorted(json.loads(line)["url"] for line in free_rows) == sorted(set(access) - paid)
