"""When a listing card's headline, or a feed's or sitemap's entry date, says an archived
article changed since it was read (``discover.headlines.retitled``,
``archive.frontier.changed_after``): the nightly run reads such an article again, so the
rule must hold for the edits it is for and never for the ways lists print headlines
every night (cut short with "…", a section before them, other quotes, other case)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from newsarchive.archive.connection import connect
from newsarchive.archive.frontier import (
    Frontier,
    changed_after,
    relisted_kept,
    relisted_marks,
    relisting_marks,
)
from newsarchive.archive.states import State
from newsarchive.archive.store import Store
from newsarchive.discover.headlines import (
    card_shows,
    headline_mark,
    normal_headline,
    read_as_headlines,
    retitled,
    same_headline,
)
from newsarchive.discover.walk import Seen
from newsarchive.models import SOURCE_FEED, Article, Candidate, Page

TITLE = "Общинският съвет заседава в четвъртък – „Ведрина“"


@pytest.mark.parametrize(
    "card",
    [
        TITLE,
        '  общинският   СЪВЕТ заседава в четвъртък - "Ведрина" ',  # case, spaces, quotes
        "Общинският съвет заседава в четвъртък — «Ведрина»",  # other dash, other quotes
        "Общинският\u00a0съвет заседава в четвъртък – ”Ведрина”",  # a no-break space
        "Общинският съвет заседава в чет…",  # cut short with an ellipsis
        "Общинският съвет заседава...",
        "Общинският съвет заседава в",  # cut short with none
        "Новини: Общинският съвет заседава в четвъртък – „Ведрина“",  # a section before it
        "12.11.2026 Общинският съвет заседава в четвъртък – „Ведрина“ Сесията започва в 10 ч.",
        "Прочети още",  # no headline at all
        "Виж цялата новина",  # nor this, three words but none of the title's
        "Сесия на съвета",  # a short title the CMS keeps apart: no word of the title's
    ],
)
def test_a_card_printing_the_archived_headline_its_own_way_says_no_edit(card: str) -> None:
    assert not retitled(card, TITLE)


@pytest.mark.parametrize(
    "card",
    [
        "Ощинският съвет заседава в четвъртък – „Ведрина“",  # a typo (made or fixed)
        "Общинският съвет заседава в петък – „Ведрина“",  # a word changed
        "Общинският съвет заседава в петък…",  # changed, and cut short
        "Новини: Общинският съвет заседава в петък – „Ведрина“",  # changed, under a section
        "Общинският съвет заседава извънредно в четвъртък – „Ведрина“",  # a word added
    ],
)
def test_a_card_headline_edited_from_the_archived_one_says_the_article_changed(
    card: str,
) -> None:
    assert retitled(card, TITLE)


def test_an_article_archived_without_a_title_is_never_retitled_by_its_card() -> None:
    assert not retitled(TITLE, "")
    assert not retitled("", TITLE)


def test_a_card_mark_is_the_same_for_the_same_headline_however_printed() -> None:
    shouted = 'ОБЩИНСКИЯТ съвет заседава в четвъртък - "Ведрина"'
    assert headline_mark(TITLE) == headline_mark(shouted)
    assert headline_mark(TITLE) != headline_mark("Общинският съвет заседава в петък")
    assert normal_headline("„А“ — Б") == '"а" - б'


FETCHED = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC)
NOW = dt.datetime(2026, 11, 22, 3, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("listed", "changed"),
    [
        (dt.datetime(2026, 11, 21, 9, 30, tzinfo=dt.UTC), True),  # changed after the fetch
        (dt.datetime(2026, 11, 20, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))), False),
        (dt.datetime(2026, 11, 19, 23, 0, tzinfo=dt.UTC), False),  # before it
        (dt.datetime(2026, 11, 25, 9, 0, tzinfo=dt.UTC), False),  # in the future: a wrong clock
        (dt.date(2026, 11, 21), True),  # a day after the fetch's
        (dt.date(2026, 11, 20), False),  # the fetch's own day: no telling
        (None, False),
    ],
)
def test_an_entry_date_after_the_fetch_says_the_article_changed(
    listed: dt.date | None, changed: bool
) -> None:
    assert changed_after(listed, FETCHED, NOW) is changed


@pytest.mark.parametrize(
    ("listed", "fetched", "changed"),
    [
        # 10:30 on a Sofia clock (winter: UTC+2) is 08:30 UTC: after a fetch at 08:00
        (dt.datetime(2026, 11, 20, 10, 30), FETCHED, True),
        # 09:30 on it is 07:30 UTC, before the fetch (read as UTC it was after it)
        (dt.datetime(2026, 11, 20, 9, 30), FETCHED, False),
        # summer time (UTC+3): 10:30 is 07:30 UTC, before a fetch at 08:00 UTC
        (dt.datetime(2026, 6, 20, 10, 30), dt.datetime(2026, 6, 20, 8, 0, tzinfo=dt.UTC), False),
        # fetched at 22:30 UTC on the 20th, 00:30 on the 21st in Sofia: a feed's day "the
        # 21st" is the fetch's own day there, no telling (read as UTC, a day after it)
        (dt.date(2026, 11, 21), dt.datetime(2026, 11, 20, 22, 30, tzinfo=dt.UTC), False),
        (dt.date(2026, 11, 22), dt.datetime(2026, 11, 20, 22, 30, tzinfo=dt.UTC), True),
    ],
)
def test_an_entry_date_without_a_zone_is_read_on_the_sites_clock(
    listed: dt.date, fetched: dt.datetime, changed: bool
) -> None:
    """A feed's "2026-11-20T09:30:00" with no zone is Sofia time, as the pages' own dates
    are (``site_clock.from_site_clock``): an article fetched within the two or three
    hours it is ahead of UTC is not "changed after the fetch"."""
    assert changed_after(listed, fetched, NOW) is changed


def test_a_feed_entry_of_sofia_time_just_before_the_fetch_has_its_article_left_alone(
    tmp_path: Path,
) -> None:
    """Fetched at 08:00 UTC (10:00 in Sofia), its feed entry saying 09:40 with no zone
    (published then, never edited): no re-read, this night or the next."""
    frontier, urls = _archived(tmp_path, 1)
    entry = Candidate(urls[0], "t", SOURCE_FEED, dt.datetime(2026, 11, 20, 9, 40))
    assert _offered(frontier, [entry]) == 0
    assert frontier.pending() == []


def test_a_card_never_matching_and_a_feed_date_after_the_fetch_cost_one_request_not_one_a_night(
    tmp_path: Path,
) -> None:
    """An article whose listing card prints a headline its page never shows, and whose
    feed entry is dated after its last full download (each re-read a 304: no newer
    capture): both marks are kept, so neither has it read again on later nights. Kept
    as the last mark alone, the two replaced each other and it was read every night."""
    frontier, urls = _archived(tmp_path, 1)
    card = Candidate(
        urls[0], "t", "https://t.example/novini", headline="Кметът откри новата детска площадка 0"
    )
    fed = Candidate(urls[0], "t", SOURCE_FEED, dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC))
    reads = []
    for _night in range(4):
        _offered(frontier, [card])  # the listing's walk, then the feed, each night
        _offered(frontier, [fed])
        pending = frontier.pending()
        reads.append(len(pending))
        for url in pending:
            frontier.settle(url, State.DONE, None)  # (a 304)
    assert reads == [1, 0, 0, 0]
    # a third trigger (the card edited once more) is read, once
    edited = replace(card, headline="Кметът откри новата детска площадка 0 в центъра")
    assert _offered(frontier, [edited]) == 1
    frontier.settle(urls[0], State.DONE, None)
    assert (_offered(frontier, [card]), _offered(frontier, [fed])) == (0, 0)
    assert _offered(frontier, [edited]) == 0


def test_a_relisting_mark_comes_from_the_card_or_the_feed_date_and_stays_the_same() -> None:
    typo = "Ощинският съвет заседава в четвъртък – „Ведрина“"
    card = Candidate("https://x.bg/n/1", "x", "https://x.bg/novini", headline=typo)
    (mark,) = relisting_marks(card, TITLE, FETCHED.isoformat())
    assert relisted_marks(relisted_kept([mark])) == [mark]
    assert relisting_marks(card, TITLE, FETCHED.isoformat()) == [mark]
    assert relisting_marks(card, card.headline or "", FETCHED.isoformat()) == []
    # a listing card's date says nothing of an edit; a feed's does
    later = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)
    dated = Candidate("https://x.bg/n/1", "x", "https://x.bg/novini", later)
    assert relisting_marks(dated, TITLE, FETCHED.isoformat()) == []
    fed = Candidate("https://x.bg/n/1", "x", SOURCE_FEED, later)
    assert len(relisting_marks(fed, TITLE, FETCHED.isoformat())) == 1
    assert relisting_marks(fed, TITLE, None) == []  # (never fetched: an import)
    # a feed item retitled and dated after the fetch: both marks, for one re-read
    both = replace(fed, headline=typo)
    assert relisting_marks(both, TITLE, FETCHED.isoformat()) == [
        mark,
        *relisting_marks(fed, TITLE, FETCHED.isoformat()),
    ]


def test_a_feed_date_queued_with_before_the_fetch_says_no_edit_after_it(tmp_path: Path) -> None:
    """A feed dating its item hours after the night's crawl read it (a zone mislabelled:
    "09:00" local written as UTC; a post scheduled ahead): the next night the same date
    was "after the fetch", and the page was asked again for nothing (``--nights`` seed
    393: a notice's feed entry at 09:00, the crawl at 03:00). The date it was queued
    with is no edit; another one after it is."""
    conn = connect(tmp_path / "a.db", create=True)
    store, frontier = Store(conn, stories=False), Frontier(conn, "t")
    url = "https://t.example/obyavi/1"
    ahead = FETCHED + dt.timedelta(hours=6)
    frontier.queue([Candidate(url, "t", SOURCE_FEED, ahead)])
    page = Page(url, url, 200, {"etag": '"1"'}, b"<html></html>", "", "utf-8", FETCHED)
    with conn:
        store.upsert_article(
            Article(title=TITLE, text="Текст."), site="t", url=url,
            fetched_at=FETCHED.isoformat(), capture_id=store.save_capture(page),
        )  # fmt: skip
    frontier.settle(url, State.DONE, None)
    entry = Candidate(url, "t", SOURCE_FEED, ahead)
    assert relisting_marks(entry, TITLE, FETCHED.isoformat(), ahead.isoformat()) == []
    assert _offered(frontier, [entry]) == 0
    assert frontier.pending() == []
    edited = replace(entry, listed_date=ahead + dt.timedelta(hours=2))
    assert _offered(frontier, [edited]) == 1
    assert frontier.pending() == [url]


def _archived(tmp_path: Path, count: int) -> tuple[Frontier, list[str]]:
    """An archive of ``count`` articles of site "t", each fetched once at ``FETCHED``
    (the frontier holding them done, as a crawl leaves them)."""
    conn = connect(tmp_path / "a.db", create=True)
    store, frontier = Store(conn, stories=False), Frontier(conn, "t")
    urls = [f"https://t.example/novini/{n}" for n in range(count)]
    for n, url in enumerate(urls):
        page = Page(url, url, 200, {"etag": f'"{n}"'}, b"<html></html>", "", "utf-8", FETCHED)
        with conn:
            store.upsert_article(
                Article(title=f"Кметът откри нова детска площадка {n}", text="Текст."),
                site="t", url=url, fetched_at=FETCHED.isoformat(),
                capture_id=store.save_capture(page),
            )  # fmt: skip
    frontier.queue([Candidate(url, "t", SOURCE_FEED) for url in urls])
    for url in urls:
        frontier.settle(url, State.DONE, None)
    return frontier, urls


def _offered(frontier: Frontier, entries: list[Candidate]) -> int:
    verdicts = frontier.offer(entries, handled=set(), refresh=False, since=None)
    assert set(verdicts) == {Seen.KNOWN}
    return frontier.relisted(entries, verdicts)


def test_a_feed_entry_dated_after_the_fetch_has_its_article_read_again_once(
    tmp_path: Path,
) -> None:
    frontier, urls = _archived(tmp_path, 3)
    later = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)
    entries = [
        Candidate(urls[0], "t", SOURCE_FEED, later),  # edited after the fetch
        Candidate(urls[1], "t", SOURCE_FEED, FETCHED - dt.timedelta(hours=1)),
        Candidate(urls[2], "t", SOURCE_FEED, FETCHED - dt.timedelta(days=1)),
    ]
    assert _offered(frontier, entries) == 1
    assert frontier.pending() == [urls[0]]
    # asked "changed since?" with the validators of its capture
    assert frontier.recheck_validators([urls[0]]) == {urls[0]: ('"0"', None)}
    frontier.settle(urls[0], State.DONE, None)  # (a 304: no capture newer than the date)
    assert _offered(frontier, entries) == 0  # the same date: not again
    edited_again = [replace(entries[0], listed_date=later + dt.timedelta(hours=5))]
    assert _offered(frontier, edited_again) == 1


def test_a_feed_stamping_every_item_alike_has_none_read_again(tmp_path: Path) -> None:
    """Its one date is when the feed was written, new every night: no edit of any."""
    frontier, urls = _archived(tmp_path, 3)
    built = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)
    assert _offered(frontier, [Candidate(url, "t", SOURCE_FEED, built) for url in urls]) == 0
    assert frontier.pending() == []


def test_a_listing_card_retitled_has_its_article_read_again_a_truncated_one_not(
    tmp_path: Path,
) -> None:
    frontier, urls = _archived(tmp_path, 3)
    cards = [
        Candidate(
            urls[0],
            "t",
            "https://t.example/novini",
            headline="Кметът откри новата детска площадка 0",
        ),  # fmt: skip
        Candidate(
            urls[1], "t", "https://t.example/novini", headline="Кметът откри нова детска…"
        ),  # fmt: skip
        Candidate(
            urls[2],
            "t",
            "https://t.example/novini",
            headline="Новини: Кметът откри нова детска площадка 2",
        ),  # fmt: skip
    ]
    assert _offered(frontier, cards) == 1
    assert frontier.pending() == [urls[0]]


@pytest.mark.parametrize(
    ("card", "title", "same"),
    [
        ("Кметът посади дъб пред&nbsp;кметството".replace("&nbsp;", "\u00a0"),
         "Кметът посади дъб пред кметството", True),
        ("Децата от ДГ „Слънце“ рисуваха есента", 'Децата от ДГ "Слънце" рисуваха есента', True),
        ("НОВА ЛИНИЯ НА АВТОБУСА – ОТ ПОНЕДЕЛНИК", "Нова линия на автобуса - от понеделник", True),
        ("Започна записването за безплатни курсове…",
         "Започна записването за безплатни курсове по английски", True),
        ("Започна записването…", "Започна записването за безплатни курсове", False),  # (2 words)
        ("Започна записването за безплатни курсове",
         "Започна записването за безплатни курсове по английски", False),  # (no "…")
        ("Нова линия на автобуса до гарата", "Нова линия на автобуса до летището", False),
        ("", "Нова линия", False),
    ],
)  # fmt: skip
def test_a_cards_headline_is_a_feed_items_title_as_written_or_cut_with_an_ellipsis(
    card: str, title: str, same: bool
) -> None:
    """``explorer.feed_carrying`` tells a home box's headline the feed's item under
    another address by this alone: typography, spacing and case set aside, or the card
    cut with "…" at three words at least, which the title begins with; nothing looser."""
    assert same_headline(card, title) is same


@pytest.mark.parametrize(
    ("texts", "headlines"),
    [
        (["Пожарникари проведоха учение в сградата на общината",
          "Започна ремонтът на улица „Васил Левски“",
          "Кметът връчи награди на отличниците от училищата"], True),
        # a services box: labels of a few words
        (["Местни данъци и такси", "Административни услуги", "Профил на купувача"], False),
        # one label among headlines is enough to tell the box no news list
        (["Пожарникари проведоха учение в сградата на общината", "Контакти",
          "Кметът връчи награди на отличниците от училищата"], False),
        # documents or notices opening alike
        (["Решение № 112 на Общинския съвет от 28.11.2026",
          "Решение № 113 на Общинския съвет от 28.11.2026 г.",
          "Решение № 114 за приемане на бюджета на общината"], False),
        # the same headline twice is a box repeated, no list
        (["Кметът връчи награди на отличниците от училищата"] * 3, False),
        ([], False),
    ],
)  # fmt: skip
def test_a_box_of_bare_links_reads_as_headlines_only_when_each_is_a_distinct_sentence(
    texts: list[str], headlines: bool
) -> None:
    """``explorer.home_headlines_probed`` opens a home box of bare links only when they
    read as news headlines: a request spared where the box cannot be news."""
    assert read_as_headlines(texts) is headlines


HEAD = normal_headline("Реставрирани са стенописите в старата църква")


@pytest.mark.parametrize(
    "card",
    [
        "реставрирани са стенописите в старата църква",  # the link's whole text
        "реставрирани са стенописите в старата църква 02.12.2026 работата отне година",
        # a row clickable as a whole, its day first (composed seeds 13312, 13408)
        "dec 2, 2026 реставрирани са стенописите в старата църква",
        "сряда, 2 декември 2026 реставрирани са стенописите в старата църква работата",
    ],
)
def test_a_card_shows_a_headline_it_holds_whole(card: str) -> None:
    assert card_shows(card, HEAD)


@pytest.mark.parametrize(
    ("card", "head"),
    [
        ("dec 2, 2026 реставрирани са стенописите в старата църквичка", HEAD),  # not whole
        ("2.12.2026 реставрирани са стенописите", HEAD),  # cut short
        ("общинските новини за деня", "новини"),  # a label is no headline inside another
        ("кметът откри ремонта", "откри ремонта"),  # two words: too few to stand inside
    ],
)
def test_a_card_shows_no_headline_it_holds_only_in_part(card: str, head: str) -> None:
    assert not card_shows(card, head)
