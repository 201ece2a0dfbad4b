"""Relative dates ("преди 3 часа", "5 minutes ago", "вчера") count back from the moment a
page was fetched, on Sofia's clock: in a crawl, in ``reextract`` (from the stored fetch
time, not the moment of reading again) and in a WARC import (its WARC-Date). A caller
that knows only a day still passes one."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
import zoneinfo
from collections.abc import Callable
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsarchive import site_clock
from newsarchive.dates import find_text_dates, parse_text_date
from newsarchive.extraction.pipeline import extract
from newsarchive.mirror import MirrorServer

from .support import Result

UTC = dt.UTC
EET = dt.timezone(dt.timedelta(hours=2))
EEST = dt.timezone(dt.timedelta(hours=3))
# 22:30 UTC on 20 March 2025: 00:30 on 21 March in Sofia.
AFTER_MIDNIGHT = dt.datetime(2025, 3, 20, 22, 30, tzinfo=UTC)


def _article(byline: str, title: str = "Нов светофар пред училището") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        f"<p>Мария Петрова | {byline}</p>"
        + "<p>Общината постави нов светофар пред училището, за да пресичат децата по-спокойно"
        " сутрин, когато движението е най-натоварено.</p>" * 3 + "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # three hours before 00:30 in Sofia is 21:30 the evening before
        ("преди 3 часа", dt.datetime(2025, 3, 20, 21, 30, tzinfo=EET)),
        ("2 hours ago", dt.datetime(2025, 3, 20, 22, 30, tzinfo=EET)),
        ("преди 40 минути", dt.datetime(2025, 3, 20, 23, 50, tzinfo=EET)),
        ("5 minutes ago", dt.datetime(2025, 3, 21, 0, 25, tzinfo=EET)),
        # the day words name Sofia's day, which is already the 21st
        ("Иван Петров | днес", dt.date(2025, 3, 21)),
        ("Иван Петров | вчера", dt.date(2025, 3, 20)),
        ("Yesterday, 18:45", dt.datetime(2025, 3, 20, 18, 45)),
        # a 12-hour clock's "PM" is the afternoon ("2:45PM" is no 02:45)
        ("Yesterday 2:45PM", dt.datetime(2025, 3, 20, 14, 45)),
        ("Yesterday at 12:05 a.m.", dt.datetime(2025, 3, 20, 0, 5)),
        # a count of days names a day on Sofia's calendar, not an hour
        ("преди 2 дни", dt.date(2025, 3, 19)),
        ("a week ago", dt.date(2025, 3, 14)),
    ],
)
def test_relative_dates_count_back_from_the_fetch_moment_on_sofias_clock(
    text: str, expected: dt.date
) -> None:
    found = parse_text_date(text, today=AFTER_MIDNIGHT)
    assert found == expected
    assert type(found) is type(expected)
    if isinstance(expected, dt.datetime):  # an instant on Sofia's clock, or a local time
        assert isinstance(found, dt.datetime)
        assert found.utcoffset() == expected.utcoffset()


def test_the_day_alone_still_names_the_fetch_day() -> None:
    """The API callers that know only a day (the benchmarks, a file read) kept."""
    assert parse_text_date("преди 3 часа", today=dt.date(2025, 3, 20)) == dt.date(2025, 3, 20)
    assert parse_text_date("2 hours ago", today=dt.date(2025, 3, 20)) == dt.date(2025, 3, 20)


@pytest.mark.parametrize(
    ("fetched", "expected"),
    [
        # 15:00 in Sofia (EET): a few hours ago was that day
        (dt.datetime(2025, 3, 20, 13, 0, tzinfo=UTC), dt.date(2025, 3, 20)),
        # 11:00 UTC is 14:00 in Sofia in summer (EEST): that day too
        (dt.datetime(2025, 7, 20, 11, 0, tzinfo=UTC), dt.date(2025, 7, 20)),
        # 10:30 in Sofia: a few (up to twelve) hours ago may have been last night
        (dt.datetime(2025, 3, 20, 8, 30, tzinfo=UTC), None),
        (AFTER_MIDNIGHT, None),
    ],
)
def test_a_few_hours_ago_is_a_day_by_the_hour_in_sofia(
    fetched: dt.datetime, expected: dt.date | None
) -> None:
    assert parse_text_date("Мария Петрова | преди няколко часа", today=fetched) == expected


def test_a_few_minutes_ago_takes_sofias_day_not_the_utc_day() -> None:
    """22:10 UTC on the 20th is 00:10 on the 21st in Sofia: a few minutes (up to an hour)
    ago may have been either day there, so none; at 23:30 UTC it is 01:30 on the 21st, and
    the 21st it was (the UTC day, the 20th, is wrong both times)."""
    just_after = dt.datetime(2025, 3, 20, 22, 10, tzinfo=UTC)
    assert parse_text_date("преди няколко минути", today=just_after) is None
    later = dt.datetime(2025, 3, 20, 23, 30, tzinfo=UTC)
    assert parse_text_date("a few minutes ago", today=later) == dt.date(2025, 3, 21)
    evening = dt.datetime(2025, 3, 20, 21, 10, tzinfo=UTC)  # 23:10 in Sofia
    assert parse_text_date("преди няколко минути", today=evening) == dt.date(2025, 3, 20)


def test_an_hour_counted_back_over_a_clock_change_keeps_the_instant() -> None:
    """04:30 summer time on 30 March 2025 is 01:30 UTC; three hours before is 22:30 UTC,
    00:30 winter time (the clocks went from 03:00 to 04:00 in between)."""
    fetched = dt.datetime(2025, 3, 30, 1, 30, tzinfo=UTC)
    found = parse_text_date("преди 3 часа", today=fetched)
    assert isinstance(found, dt.datetime)
    assert found.astimezone(UTC) == dt.datetime(2025, 3, 29, 22, 30, tzinfo=UTC)
    assert found.utcoffset() == dt.timedelta(hours=2)


@pytest.mark.parametrize("text", ["днес в 18:00", "Today at 18:00", "Днес, 11:15"])
def test_a_time_of_today_after_the_fetch_is_no_date(text: str) -> None:
    """Fetched at 11:00 in Sofia, "днес в 18:00" is an event's hour (or a typo): no page
    can have been published then. The same hour of a day before is a date."""
    fetched = dt.datetime(2025, 3, 20, 9, 0, tzinfo=UTC)
    assert find_text_dates(text, today=fetched) == []
    assert find_text_dates(text, today=fetched + dt.timedelta(hours=10))


def test_no_relative_date_lies_after_the_fetch_moment() -> None:
    moments = [AFTER_MIDNIGHT + dt.timedelta(minutes=17 * n) for n in range(200)]
    texts = ["преди 1 час", "преди минута", "1 minute ago", "днес в 00:05", "днес в 12:00"]
    for moment in moments:
        for text in texts:
            for found in find_text_dates(text, today=moment):
                value = found.value
                if isinstance(value, dt.datetime) and value.tzinfo is not None:
                    assert value <= moment
                elif isinstance(value, dt.datetime):  # a time on the site's clock
                    assert value <= site_clock.on_site_clock(moment).replace(tzinfo=None)


def test_the_eu_rule_stands_in_for_a_missing_time_zone_database() -> None:
    """Without a time zone database Sofia's clock is the EU rule's; with one, the two
    agree from 2000 to 2040, hour by hour around each clock change."""
    assert site_clock.on_site_clock(AFTER_MIDNIGHT, zone=None) == AFTER_MIDNIGHT
    shown = site_clock.on_site_clock(AFTER_MIDNIGHT, zone=None)
    assert (shown.date(), shown.hour, shown.utcoffset()) == (
        dt.date(2025, 3, 21),
        0,
        dt.timedelta(hours=2),
    )
    summer = site_clock.on_site_clock(dt.datetime(2025, 10, 26, 0, 59, tzinfo=UTC), zone=None)
    assert summer.utcoffset() == dt.timedelta(hours=3)
    winter = site_clock.on_site_clock(dt.datetime(2025, 10, 26, 1, 0, tzinfo=UTC), zone=None)
    assert winter.utcoffset() == dt.timedelta(hours=2)
    try:
        sofia = zoneinfo.ZoneInfo("Europe/Sofia")
    except zoneinfo.ZoneInfoNotFoundError:
        pytest.skip("no time zone database to compare with")
    moment = dt.datetime(2000, 1, 1, tzinfo=UTC)
    while moment.year < 2040:
        rule = site_clock.on_site_clock(moment, zone=None)
        database = moment.astimezone(sofia)
        assert rule.utcoffset() == database.utcoffset(), moment
        assert rule.replace(tzinfo=None) == database.replace(tzinfo=None), moment
        # (every 7 hours: each hour of the day in turn; hour by hour near a change)
        near = moment.month in (3, 10) and moment.day >= 24
        moment += dt.timedelta(hours=1 if near else 7)


def test_a_naive_moment_is_taken_as_on_the_sites_clock_already() -> None:
    naive = dt.datetime(2025, 3, 20, 22, 30)
    assert site_clock.on_site_clock(naive) is naive
    assert parse_text_date("преди 3 часа", today=naive) == dt.datetime(2025, 3, 20, 19, 30)


def test_extract_dates_a_page_by_the_fetch_moment() -> None:
    article = extract(_article("преди 3 часа"), "https://x.example/n/1", today=AFTER_MIDNIGHT)
    assert article.published == dt.datetime(2025, 3, 20, 21, 30, tzinfo=EET)
    # exact to the site's rounding, the fetch moment known: no note on the date
    assert (article.date_source, article.date_note) == ("text", None)
    english = extract(_article("5 minutes ago"), "https://x.example/n/2", today=AFTER_MIDNIGHT)
    assert english.published == dt.datetime(2025, 3, 21, 0, 25, tzinfo=EET)
    summer = dt.datetime(2025, 7, 20, 22, 30, tzinfo=UTC)  # 01:30 on 21 July in Sofia
    late = extract(_article("преди 2 часа"), "https://x.example/n/3", today=summer)
    assert late.published == dt.datetime(2025, 7, 20, 23, 30, tzinfo=EEST)


# A site of two articles dated "how long ago" only, and a listing of them.
def _site(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    (root / "news").mkdir(parents=True)
    (root / "news" / "1.html").write_text(_article("преди 2 часа"), encoding="utf-8")
    (root / "news" / "2.html").write_text(
        _article("45 minutes ago", "Ремонтът на моста приключи"), encoding="utf-8"
    )
    (root / "novini.html").write_text(
        '<html><body><ul><li><a href="/news/1">Нов светофар пред училището</a></li>'
        '<li><a href="/news/2">Ремонтът на моста приключи</a></li></ul></body></html>',
        encoding="utf-8",
    )
    profile = tmp_path / "recent.toml"
    profile.write_text(
        'id = "recent"\nname = "Recent"\norigin = "https://recent.example"\n[discovery]\n'
        'start_urls = ["/novini"]\narticle_pattern = "^/news/\\\\d+$"\n',
        encoding="utf-8",
    )
    return profile


def _rows(db: Path) -> dict[str, tuple[str, str, str | None, str]]:
    """Each article's number -> (published, date_source, date_note, its capture's
    fetched_at)."""
    with sqlite3.connect(db) as conn:
        return {
            url.rsplit("/", 1)[1]: (published, source, note, fetched)
            for url, published, source, note, fetched in conn.execute(
                "SELECT a.url, a.published, a.date_source, a.date_note, c.fetched_at"
                " FROM articles a JOIN captures c ON c.id = a.capture_id"
            )
        }


def test_a_crawl_dates_hours_ago_by_the_response_time(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    profile = _site(tmp_path)
    with MirrorServer(tmp_path / "site") as server:
        result = run_cli(
            "crawl", "recent", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    rows = _rows(db)
    assert sorted(rows) == ["1", "2"]
    for number, back in (("1", dt.timedelta(hours=2)), ("2", dt.timedelta(minutes=45))):
        published, source, note, fetched = rows[number]
        assert (source, note) == ("text", None)
        moment = dt.datetime.fromisoformat(published)
        # the instant the page names, on Sofia's clock (+02:00 or +03:00)
        assert moment == dt.datetime.fromisoformat(fetched) - back
        assert moment.utcoffset() in (dt.timedelta(hours=2), dt.timedelta(hours=3))
        assert moment == site_clock.on_site_clock(moment)


def test_reextract_counts_from_the_stored_fetch_moment(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    profile = _site(tmp_path)
    with MirrorServer(tmp_path / "site") as server:
        crawl = run_cli(
            "crawl", "recent", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert crawl.exit_code == 0, crawl.stderr
    # As if the pages had been fetched long ago, just after midnight in Sofia: reading
    # them again must count from then, not from now.
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE captures SET fetched_at = ?", (AFTER_MIDNIGHT.isoformat(),))
    result = run_cli("reextract", "--db", str(db), "--profile", str(profile))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("re-extracted: 2 changed, ")
    rows = _rows(db)
    assert rows["1"][:3] == ("2025-03-20T22:30:00+02:00", "text", None)  # the day before
    assert rows["2"][:3] == ("2025-03-20T23:45:00+02:00", "text", None)
    # a stamp stored without a zone is UTC, as the crawl stores them
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE captures SET fetched_at = '2025-03-21T10:00:00'")
    assert run_cli("reextract", "--db", str(db), "--profile", str(profile)).exit_code == 0
    assert _rows(db)["1"][0] == "2025-03-21T10:00:00+02:00"


def test_a_warc_import_counts_from_the_records_date(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    warc = tmp_path / "recent.warc.gz"
    body = _article("преди 3 часа").encode()
    http = StatusAndHeaders(
        "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
    )
    with warc.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(
            writer.create_warc_record(
                "https://recent.example/news/7", "response", payload=io.BytesIO(body),
                length=len(body), http_headers=http,
                warc_headers_dict={"WARC-Date": "2025-03-20T22:30:00Z"},
            )
        )  # fmt: skip
    result = run_cli("import-warc", str(warc), "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert _rows(db)["7"][:3] == ("2025-03-20T21:30:00+02:00", "text", None)


def test_no_time_zone_database_is_no_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    """A Python without a time zone database finds no Sofia zone, and then reads Sofia's
    clock by the EU rule (above) rather than failing on every relative date."""

    def missing(key: str) -> zoneinfo.ZoneInfo:
        raise zoneinfo.ZoneInfoNotFoundError(f"No time zone found with key {key}")

    monkeypatch.setattr(site_clock.zoneinfo, "ZoneInfo", missing)
    assert site_clock._site_zone() is None
    shown = site_clock.on_site_clock(AFTER_MIDNIGHT, site_clock._site_zone())
    assert shown.replace(tzinfo=None) == dt.datetime(2025, 3, 21, 0, 30)
