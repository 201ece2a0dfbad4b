"""The frontier answers for a run's whole batch of URLs in one query per
``PARAMETERS_PER_QUERY`` keys, with the same answers a query per URL gave; the store for a
listing page's links, so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsarchive.archive import frontier as frontier_module
from newsarchive.archive.connection import connect
from newsarchive.archive.frontier import Frontier
from newsarchive.archive.states import State
from newsarchive.archive.store import Store
from newsarchive.models import SOURCE_FEED, SOURCE_SITEMAP, Article, Candidate, Page

DAY = dt.date(2026, 11, 2)
WHEN = dt.datetime(2026, 11, 3, 8, 0, tzinfo=dt.UTC)


def selects(conn: object, run: object) -> int:
    """How many SELECTs on the frontier ``run()`` made."""
    seen: list[str] = []
    conn.set_trace_callback(seen.append)  # type: ignore[attr-defined]
    try:
        run()  # type: ignore[operator]
    finally:
        conn.set_trace_callback(None)  # type: ignore[attr-defined]
    return sum(1 for sql in seen if sql.lstrip().upper().startswith("SELECT"))


def test_listed_dates_come_in_one_query_per_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frontier_module, "PARAMETERS_PER_QUERY", 4)
    conn = connect(tmp_path / "a.db", create=True)
    frontier = Frontier(conn, "t")
    sources = {
        "https://t.example/a": ("https://t.example/news", DAY),  # a listing card's date
        "https://t.example/b": (SOURCE_FEED, DAY),
        "https://t.example/c": (SOURCE_SITEMAP, DAY),  # lastmod: not a publication date
        "https://t.example/d": ("https://t.example/news", None),  # no date on the card
    }
    frontier.queue(Candidate(u, "t", source, day) for u, (source, day) in sources.items())
    asked = [*sources, "https://t.example/never-queued", "HTTPS://T.EXAMPLE/a"]
    found: dict[str, tuple[dt.date, str]] = {}
    assert selects(conn, lambda: found.update(frontier.listed(asked))) == 2  # 5 keys, 4 a query
    assert found == {
        "https://t.example/a": (DAY, "listing"),
        "https://t.example/b": (DAY, "feed"),
        "HTTPS://T.EXAMPLE/a": (DAY, "listing"),  # any spelling of a queued URL
    }
    assert selects(conn, lambda: frontier.listed([])) == 0


def test_recheck_validators_are_the_latest_captures_in_one_query_per_batch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(frontier_module, "PARAMETERS_PER_QUERY", 2)
    conn = connect(tmp_path / "a.db", create=True)
    store, frontier = Store(conn, stories=False), Frontier(conn, "t")
    urls = [f"https://t.example/news/{n}" for n in range(3)]
    for n, url in enumerate(urls):
        for version in (1, 2) if n else (1,):  # article 0 has one capture, the others two
            headers = {"etag": f'"{n}-{version}"', "last-modified": f"v{version}"}
            page = Page(url, url, 200, headers, b"<html></html>", "", "utf-8", WHEN)
            with conn:
                store.upsert_article(
                    Article(title=f"Заглавие {n} {version}", text="Текст.", published=DAY),
                    site="t", url=url, fetched_at=WHEN.isoformat(),
                    capture_id=store.save_capture(page),
                )  # fmt: skip
    frontier.requeue_recent(30, today=DAY + dt.timedelta(days=1))
    asked = [*urls, "https://t.example/not-archived"]
    found: dict[str, tuple[str | None, str | None]] = {}
    assert selects(conn, lambda: found.update(frontier.recheck_validators(asked))) == 2
    assert found == {
        urls[0]: ('"0-1"', "v1"),
        urls[1]: ('"1-2"', "v2"),
        urls[2]: ('"2-2"', "v2"),
    }


def test_an_amp_copy_is_queued_only_when_its_original_is_not_known(tmp_path: Path) -> None:
    """A WordPress listing links "?amp=1" copies beside the posts: a copy whose original is
    offered beside it, queued, or archived is no new work; one whose original nobody
    linked is, since only its canonical says what the original is."""
    from newsarchive.discover.walk import Seen

    conn = connect(tmp_path / "a.db", create=True)
    store, frontier = Store(conn, stories=False), Frontier(conn, "t")
    archived = "https://t.example/2026/11/archived/"
    page = Page(archived, archived, 200, {}, b"<html></html>", "", "utf-8", WHEN)
    with conn:
        store.upsert_article(
            Article(title="Архивирана", text="Текст.", published=DAY), site="t", url=archived,
            fetched_at=WHEN.isoformat(), capture_id=store.save_capture(page),
        )  # fmt: skip
    frontier.queue([Candidate("https://t.example/2026/11/queued/", "t", SOURCE_FEED)])
    listed = [
        "https://t.example/2026/11/listed/",
        "https://t.example/2026/11/listed/?amp=1",  # beside its original
        f"{archived}amp/",  # archived before this run
        "https://t.example/2026/11/queued/?amp=1",  # waiting in the queue
        "https://t.example/2026/11/handled/?amp=1",  # fetched earlier in this run
        "https://t.example/2026/11/alone/?amp=1",  # the only spelling anyone linked
    ]
    verdicts = frontier.offer(
        [Candidate(url, "t", "https://t.example/") for url in listed],
        handled={"https://t.example/2026/11/handled/"}, refresh=False, since=None,
    )  # fmt: skip
    assert verdicts == [
        Seen.NEW, Seen.THIS_RUN, Seen.KNOWN, Seen.THIS_RUN, Seen.THIS_RUN, Seen.NEW
    ]  # fmt: skip
    assert frontier.pending() == [
        "https://t.example/2026/11/queued/",
        "https://t.example/2026/11/listed/",
        "https://t.example/2026/11/alone/?amp=1",
    ]


def test_the_way_back_goes_on_through_an_address_queued_or_failed_already(
    tmp_path: Path,
) -> None:
    conn = connect(tmp_path / "a.db", create=True)
    frontier = Frontier(conn, "t")
    queued, failed = "https://t.example/2026/11/queued/", "https://t.example/2026/11/failed/"
    frontier.queue([Candidate(queued, "t", SOURCE_SITEMAP), Candidate(failed, "t", SOURCE_SITEMAP)])
    frontier.settle(failed, State.FAILED, "HTTP 503")
    for url in (queued, failed):
        assert frontier.queue_older(url, 3, handled=set(), refresh=False, since=False)
    assert frontier.going_back([queued, failed]) == {queued: 3, failed: 3}
    assert frontier.state(queued) is State.QUEUED and frontier.state(failed) is State.FAILED


def test_the_way_back_queues_no_amp_copy_and_goes_on_from_its_pending_original(
    tmp_path: Path,
) -> None:
    """The copy of an address queued already (a feed's) is not queued: the way back goes
    on from the original, which takes its source; the copy of one handled in this run
    ends it."""
    conn = connect(tmp_path / "a.db", create=True)
    frontier = Frontier(conn, "t")
    original = "https://t.example/2026/11/post/"
    frontier.queue([Candidate(original, "t", SOURCE_FEED)])
    copy = f"{original}?amp=1"
    assert frontier.queue_older(copy, 3, handled=set(), refresh=False, since=False)
    assert frontier.state(copy) is None and frontier.pending() == [original]
    assert frontier.going_back([original, copy]) == {original: 3}
    handled = "https://t.example/2026/11/read/"
    frontier.queue([Candidate(handled, "t", SOURCE_FEED)])
    again = f"{handled}amp/"
    assert not frontier.queue_older(again, 2, handled={handled}, refresh=False, since=False)
    assert frontier.going_back([handled, again]) == {}


def test_the_way_back_keeps_the_listed_date_of_an_address_it_takes_over(
    tmp_path: Path,
) -> None:
    """A listing's card dated an address the way back then reached: that date still
    says when it was published (a sitemap's lastmod still does not)."""
    conn = connect(tmp_path / "a.db", create=True)
    frontier = Frontier(conn, "t")
    carded, fed, mapped = (f"https://t.example/news/{n}" for n in (1, 2, 3))
    frontier.queue([
        Candidate(carded, "t", "https://t.example/news", DAY),
        Candidate(fed, "t", SOURCE_FEED, DAY),
        Candidate(mapped, "t", SOURCE_SITEMAP, DAY),
    ])  # fmt: skip
    for url in (carded, fed, mapped):
        assert frontier.queue_older(url, 3, handled=set(), refresh=False, since=False)
    assert frontier.going_back([carded, fed, mapped]) == {carded: 3, fed: 3, mapped: 3}
    assert frontier.listed([carded, fed, mapped]) == {carded: (DAY, "listing"), fed: (DAY, "feed")}
    assert frontier.queue_older(carded, -1, handled=set(), refresh=False, since=False)
    assert frontier.going_back([carded]) == {carded: -1}
    assert frontier.listed([carded]) == {carded: (DAY, "listing")}


def test_the_days_a_listings_articles_state_come_in_one_query(tmp_path: Path) -> None:
    """A listing printing no dates is told by the days its articles state: those archived
    before are read for the page's links together (``Store.published_days``), not by two
    look-ups a link, in any spelling a link gives them."""
    conn = connect(tmp_path / "a.db", create=True)
    store = Store(conn, stories=False)
    urls = [f"https://t.example/novini/{n}" for n in range(3)]
    for n, url in enumerate(urls):
        page = Page(url, url, 200, {}, b"<html></html>", "", "utf-8", WHEN)
        published = None if n == 2 else DAY + dt.timedelta(days=n)
        with conn:
            store.upsert_article(
                Article(title=f"Заглавие {n}", text="Текст.", published=published),
                site="t", url=url, fetched_at=WHEN.isoformat(),
                capture_id=store.save_capture(page),
            )  # fmt: skip
    asked = [*urls, "http://www.t.example/novini/1#comments", "https://t.example/novini/9"]
    found: dict[str, dt.date] = {}
    assert selects(conn, lambda: found.update(store.published_days(asked))) == 1
    assert found == {
        urls[0]: DAY,
        urls[1]: DAY + dt.timedelta(days=1),
        "http://www.t.example/novini/1#comments": DAY + dt.timedelta(days=1),
    }
    assert selects(conn, lambda: store.published_days([])) == 0
