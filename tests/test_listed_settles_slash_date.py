"""A page's slash date that reads two ways ("03/04/2026 - 10:15": 3 April or 4 March)
settled by the site's feed: the feed's pubDate is one of the two readings, so it is the
page's date written the other way round (a Drupal theme's "m/d/Y" on a Bulgarian site),
and that reading is archived, with the page's time. The page's language no longer wins
over the feed. A weekday printed before the date decides by itself, a feed's day that
is neither reading changes nothing, and none after the fetch is taken.

The crawl test serves the site from one local server (``pageserver.answering``), its
pages written here in the shape of the round-32 Drupal mirror's.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from newsarchive import dates
from newsarchive.extraction.published import with_listed
from newsarchive.models import Article

from .mirror_sites import bare_profile
from .pageserver import answering
from .support import Result

ORIGIN = "https://www.obshtina-trun.bg"
NAME = "Община Трън"
GONE = "<html><body><h1>Страницата не е намерена</h1></body></html>"
# node -> (what the page prints after "Submitted by … on", the feed's pubDate)
NODES = {
    # both readings days: 3 April or 4 March; the feed says 4 March
    41: ("03/04/2026 - 10:15", "Wed, 04 Mar 2026 10:15:00 +0200"),
    # both readings days again; the feed's day is neither: the page's reading stands
    42: ("05/06/2026 - 09:00", "Tue, 10 Feb 2026 09:00:00 +0200"),
    # one reading only (no 13th month): nothing to settle
    43: ("10/13/2026 - 08:30", "Tue, 13 Oct 2026 08:30:00 +0300"),
}


def _page(title: str, main: str) -> str:
    return (
        f'<!doctype html><html lang="bg" dir="ltr"><head><meta charset="utf-8"><title>'
        f'{title} | {NAME}</title><link rel="alternate" type="application/rss+xml"'
        f' title="{NAME}" href="{ORIGIN}/rss.xml"></head><body class="html not-front">'
        '<div id="header"><a href="/">Начало</a> <a href="/novini">Новини</a>'
        ' <a href="/kontakti">Контакти</a></div>'
        f'<div id="main">{main}</div><div id="footer">© {NAME}</div></body></html>'
    )


def _answer(url: str) -> tuple[int, dict[str, str], str]:
    path = url.removeprefix(ORIGIN)
    if path == "/":
        return 200, {}, _page(NAME, "<h1>Добре дошли</h1>")
    if path == "/rss.xml":
        items = "".join(
            f"<item><title>Решение {n} на общинския съвет</title><link>{ORIGIN}/node/{n}"
            f"</link><pubDate>{pub}</pubDate></item>"
            for n, (_, pub) in sorted(NODES.items(), reverse=True)
        )
        feed = '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        feed += f"<title>{NAME}</title><link>{ORIGIN}/</link>{items}</channel></rss>"
        return 200, {"Content-Type": "application/rss+xml; charset=utf-8"}, feed
    if path == "/novini":
        teasers = "".join(
            f'<div class="node node-teaser"><h2><a href="/node/{n}">Решение {n} на общинския'
            f' съвет</a></h2><div class="submitted">Submitted by Мария on {shown}</div></div>'
            for n, (shown, _) in sorted(NODES.items(), reverse=True)
        )
        return 200, {}, _page("Новини", f'<h1 class="title">Новини</h1>{teasers}')
    number = path.removeprefix("/node/")
    if number.isdigit() and int(number) in NODES:
        n = int(number)
        text = "".join(
            f"<p>Общинският съвет на Трън прие решение {n} по точка {k}: ремонт на пътя към"
            " селата, нов бюджет за читалищата и детските градини в общината.</p>"
            for k in range(1, 5)
        )
        body = (
            f'<div id="node-{n}" class="node node-article"><h1 class="title">Решение {n} на'
            ' общинския съвет</h1><div class="submitted"><span class="username">Submitted'
            f' by Мария Петрова</span> on {NODES[n][0]}</div><div class="content">'
            f'<div class="field-name-body">{text}</div></div></div>'
        )
        return 200, {}, _page(f"Решение {n} на общинския съвет", body)
    return 404, {}, GONE


def _dated(db: Path) -> dict[str, tuple[str, str]]:
    with closing(sqlite3.connect(db)) as conn:
        rows = conn.execute("SELECT url, published, date_source FROM articles").fetchall()
    return {url.rsplit("/", 1)[-1]: (published, source) for url, published, source in rows}


def test_the_feed_settles_which_reading_of_the_pages_slash_date_is_meant(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Node 41 prints "03/04/2026 - 10:15" and the feed says 4 March: 4 March at the
    page's 10:15, from the feed (it was 3 April, the Bulgarian reading). Node 42's feed
    day is neither reading: the page's 5 June stands. Node 43 reads one way only. A
    ``reextract`` of the same bytes keeps each date."""
    profile = bare_profile(tmp_path, "trun", NAME, ORIGIN)
    with answering(_answer) as (url, _):
        result = run_cli(
            "crawl", "trun", "--profile", str(profile), "--base-url", url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    expected = {
        "41": ("2026-03-04T10:15:00", "feed"),
        "42": ("2026-06-05T09:00:00", "text"),
        "43": ("2026-10-13T08:30:00", "text"),
    }
    assert _dated(db) == expected
    again = run_cli("reextract", "--db", str(db))
    assert again.exit_code == 0, again.stderr
    assert _dated(db) == expected


def test_only_a_slash_date_the_language_alone_read_is_undecided() -> None:
    """``TextDate.other``: both readings days, none after the fetch, no weekday printed."""
    today = dt.date(2026, 12, 3)

    def other(text: str, day: dt.date = today) -> dt.date | None:
        (found,) = dates.find_text_dates(text, today=day)
        return found.other

    assert other("03/04/2026") == dt.date(2026, 3, 4)
    assert other("03/04/2026 - 10:15") == dt.date(2026, 3, 4)
    assert other("10/13/2026") is None  # one reading
    assert other("пон, 11/09/2026") is None  # the weekday decided: 9 November, a Monday
    assert other("07/12/2026", dt.date(2026, 7, 20)) is None  # 12 July is past, 7 December not
    assert other("04.03.2026") is None  # a dotted date is day-first, a slash one is not


def test_with_listed_takes_the_other_reading_only_and_never_after_the_fetch() -> None:
    page = Article(
        published=dt.datetime(2026, 4, 3, 10, 15),
        date_source="text",
        published_other=dt.date(2026, 3, 4),
    )
    fetched = dt.datetime(2026, 12, 3, 9, 0, tzinfo=dt.UTC)
    settled = with_listed(page, (dt.date(2026, 3, 4), "listing"), fetched)
    assert (settled.published, settled.date_source) == (dt.datetime(2026, 3, 4, 10, 15), "listing")
    assert with_listed(page, (dt.date(2026, 2, 1), "feed"), fetched) == page  # neither reading
    # the other reading after the fetch (fetched on 3 March): the page's reading stands
    early = dt.datetime(2026, 3, 3, 9, 0, tzinfo=dt.UTC)
    assert with_listed(page, (dt.date(2026, 3, 4), "feed"), early) == page
    dated = Article(published=dt.date(2026, 4, 3), published_other=dt.date(2026, 3, 4))
    assert with_listed(dated, (dt.date(2026, 3, 4), "feed"), fetched).published == dt.date(
        2026, 3, 4
    )
