"""The day an article is filed under is the day on its readers' clock: a Bulgarian page's
stamp written in UTC just after midnight in Sofia (a CMS's server clock, a feed's
``+0000``) is the same instant at Sofia's offset, on Sofia's day; a page in another
language keeps its stamp as stated unless its byline prints that moment on Sofia's clock
(``published._zone_shown``, ``published.readers_clock``)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from pathlib import Path

from newsarchive.archive.connection import connect
from newsarchive.archive.store import Store
from newsarchive.extraction import extract
from newsarchive.extraction.published import with_listed
from newsarchive.mirror import MirrorServer
from newsarchive.models import Article, Page

from .support import Result

TODAY = dt.date(2026, 12, 5)
UTC = dt.UTC
# 01:10 on 29 November in Sofia, 23:10 on the 28th in UTC
STAMP = "2026-11-28T23:10:00+00:00"
INSTANT = dt.datetime(2026, 11, 28, 23, 10, tzinfo=UTC)

BG_PROSE = (
    "<p>"
    + "Общинският съвет прие бюджета за ремонт на читалището и площада пред него. " * 5
    + "</p>"
)
EN_PROSE = (
    "<p>" + "The council approved the budget for the library and the square in front. " * 5 + "</p>"
)


def _page(byline: str = "", *, head: str = "", lang: str = "bg") -> str:
    prose = BG_PROSE if lang == "bg" else EN_PROSE
    title = "Читалището ще бъде ремонтирано" if lang == "bg" else "The library will be repaired"
    return (
        f'<html lang="{lang}"><head><title>{title}</title>{head}</head><body><article>'
        f"<h1>{title}</h1>{byline}{prose}</article></body></html>"
    )


def _iso(value: object) -> str:
    """A date as the archive stores it: an aware time's ``==`` compares instants alone."""
    assert isinstance(value, dt.date), value
    return value.isoformat()


def _meta(stamp: str = STAMP) -> str:
    return f'<meta property="article:published_time" content="{stamp}">'


def _jsonld(stamp: str = STAMP) -> str:
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org",'
        f' "@type": "NewsArticle", "headline": "Читалището", "datePublished": "{stamp}"}}'
        "</script>"
    )


def test_a_utc_time_element_around_sofias_printed_day_is_that_day() -> None:
    """``<time datetime>`` in UTC around the day alone the reader sees: the 29th, at the
    stamp's instant (before: the 28th, UTC's day, as the byline printed no minute)."""
    byline = f'<div class="meta"><time datetime="{STAMP}">29.11.2026</time></div>'
    article = extract(_page(byline), "https://www.t.bg/novini/chitalishte", today=TODAY)
    assert _iso(article.published) == "2026-11-29T01:10:00+02:00"
    assert article.published == INSTANT
    assert article.date_source == "time"
    assert article.rules["published"].endswith(":site-clock")


def test_a_bulgarian_pages_utc_metadata_alone_is_filed_on_sofias_day() -> None:
    """``article:published_time`` or JSON-LD in UTC, no date printed: the page is in
    Bulgarian, its readers keep Sofia's clock, so the day is the 29th (before: the 28th, a
    day no reader saw)."""
    for head, source in ((_meta(), "meta"), (_jsonld().replace("+00:00", "Z"), "jsonld")):
        article = extract(_page(head=head), "https://www.t.bg/novini/chitalishte", today=TODAY)
        assert _iso(article.published) == "2026-11-29T01:10:00+02:00", head
        assert article.date_source == source
        assert article.rules["published"].endswith(":site-clock")


def test_a_stamp_on_the_same_day_on_both_clocks_keeps_its_offset() -> None:
    noon = "2026-11-28T10:00:00+00:00"
    article = extract(_page(head=_meta(noon)), "https://www.t.bg/novini/x", today=TODAY)
    assert _iso(article.published) == noon


def test_a_bulgarian_byline_printing_utcs_own_clock_keeps_the_stamp() -> None:
    """The byline prints the stamp's own minute, "28.11.2026 23:10": the page says which
    clock its readers see, and the stamp stays as stated."""
    byline = '<p class="date">28.11.2026 23:10</p>'
    article = extract(_page(byline, head=_meta()), "https://www.t.bg/novini/x", today=TODAY)
    assert _iso(article.published) == STAMP


def test_an_english_pages_utc_stamp_stays_as_stated() -> None:
    """Of a page in another language nothing is known of its readers' clock."""
    article = extract(_page(head=_meta(), lang="en"), "https://news.example/x", today=TODAY)
    assert article.language == "en"
    assert _iso(article.published) == STAMP
    assert article.rules["published"] == "meta:article:published_time"


def test_an_english_page_printing_another_day_keeps_its_stamp() -> None:
    """23:10 UTC on the 28th printed as "November 29, 2026" by an English page: kept as
    stated (WCXB's readers file such pages by the stamp's day); the very moment printed
    on Sofia's clock is Sofia's, whatever the language."""
    byline = '<p class="date">November 29, 2026</p>'
    kept = extract(_page(byline, head=_meta(), lang="en"), "https://news.example/x", today=TODAY)
    assert _iso(kept.published) == STAMP
    byline = '<p class="date">29.11.2026 01:10</p>'
    sofia = extract(_page(byline, head=_meta(), lang="en"), "https://news.example/x", today=TODAY)
    assert _iso(sofia.published) == "2026-11-29T01:10:00+02:00"
    assert sofia.rules["published"] == "meta:article:published_time:site-clock"


def test_a_bulgarian_byline_printing_utcs_own_day_keeps_the_stamp() -> None:
    """The byline prints "28.11.2026", the stamp's day as stated, not Sofia's: the page
    says which day its readers see."""
    byline = '<p class="date">28.11.2026</p>'
    article = extract(_page(byline, head=_meta()), "https://www.t.bg/novini/x", today=TODAY)
    assert _iso(article.published) == STAMP


def test_a_feeds_utc_moment_dates_an_undated_bulgarian_page_on_sofias_day() -> None:
    fed = with_listed(
        Article(title="Читалище", text="Текст", language="bg"), (INSTANT, "feed"), TODAY
    )
    assert _iso(fed.published) == "2026-11-29T01:10:00+02:00"
    assert fed.date_source == "feed"
    english = with_listed(
        Article(title="Library", text="Text", language="en"), (INSTANT, "feed"), TODAY
    )
    assert _iso(english.published) == STAMP


def _feed(items: dict[int, str]) -> str:
    entries = "".join(
        f"<item><title>Новина номер {n} за читалището</title>"
        f"<link>https://chasovnik.example/news/{n}</link><pubDate>{when}</pubDate></item>"
        for n, when in items.items()
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{entries}</channel></rss>'


def test_a_crawl_files_an_undated_article_on_the_day_its_card_and_utc_feed_agree(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """An undated page, its card printing "29.11.2026" and the feed "Sat, 28 Nov 2026
    23:10:00 +0000" (01:10 in Sofia): archived on the 29th whichever of the two the
    crawl took, and a second article the feed alone dates (00:40 in Sofia, 22:40 UTC the
    day before) on its Sofia day too. Before: the feed's UTC day, the 28th and the 2nd."""
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    for n in (1, 2):
        title = f"Новина номер {n} за читалището"
        (root / "news" / f"{n}.html").write_text(
            f"<html><body><article><h1>{title}</h1>{BG_PROSE}</article></body></html>",
            encoding="utf-8",
        )
    (root / "novini.html").write_text(
        '<html><body><ul><li><a href="/news/1">Новина номер 1 за читалището</a>'
        " 29.11.2026</li></ul></body></html>",
        encoding="utf-8",
    )
    feed = _feed({1: "Sat, 28 Nov 2026 23:10:00 +0000", 2: "Wed, 02 Dec 2026 22:40:00 GMT"})
    (root / "rss.xml").write_text(feed, encoding="utf-8")
    profile = tmp_path / "chasovnik.toml"
    profile.write_text(
        'id = "chasovnik"\nname = "Часовник"\norigin = "https://chasovnik.example"\n'
        '[discovery]\nstart_urls = ["/novini"]\nfeeds = ["/rss.xml"]\n'
        'article_pattern = "^/news/\\\\d+$"\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        result = run_cli(
            "crawl", "chasovnik", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    with sqlite3.connect(db) as conn:
        rows = {
            url.rsplit("/", 1)[1]: (published, day, source)
            for url, published, day, source in conn.execute(
                "SELECT url, published, published_date, date_source FROM articles"
            )
        }
    assert rows["1"][1] == "2026-11-29", rows
    assert rows["1"][2] in ("listing", "feed"), rows
    assert rows["2"] == ("2026-12-03T00:40:00+02:00", "2026-12-03", "feed"), rows


def test_the_archive_dates_an_undated_bulgarian_article_by_a_utc_feed_on_sofias_day(
    tmp_path: Path,
) -> None:
    """``Store.date_undated``: an article archived undated before its feed entry was read
    takes the entry's UTC moment on Sofia's day, as ``with_listed`` would have; one in
    English keeps the moment as stated."""
    store = Store(connect(tmp_path / "a.db", create=True))
    fetched = dt.datetime(2026, 12, 1, 8, tzinfo=UTC)
    urls = {"bg": "https://t.example/novini/1", "en": "https://t.example/en/news/1"}
    for language, url in urls.items():
        page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", fetched)
        text = "Общинският съвет прие бюджета." if language == "bg" else "The council met."
        with store.conn:
            store.upsert_article(
                Article(title=f"Заглавие {language}", text=text, language=language,
                        date_source="none"),
                site="t", url=url, fetched_at=fetched.isoformat(),
                capture_id=store.save_capture(page),
            )  # fmt: skip
    with store.conn:
        assert store.date_undated("t", {url: (INSTANT, "feed") for url in urls.values()}) == (2, 0)
    rows = dict(store.conn.execute("SELECT url, published || ' ' || published_date FROM articles"))
    assert rows == {
        urls["bg"]: "2026-11-29T01:10:00+02:00 2026-11-29",
        urls["en"]: f"{STAMP} 2026-11-28",
    }
