"""When a listing card's headline, or a feed's or sitemap's entry date, says an archived
article changed since it was read (``discover.headlines.retitled``,
``archive.frontier.changed_after``): the nightly run reads such an article again, so the
rule must hold for the edits it is for and never for the ways lists print headlines
every night (cut short with "…", a section before them, other quotes, other case)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.archive.frontier import changed_after, relisting_mark
from newsarchive.discover.headlines import headline_mark, normal_headline, retitled
from newsarchive.models import SOURCE_FEED, Candidate

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


def test_a_relisting_mark_comes_from_the_card_or_the_feed_date_and_stays_the_same() -> None:
    typo = "Ощинският съвет заседава в четвъртък – „Ведрина“"
    card = Candidate("https://x.bg/n/1", "x", "https://x.bg/novini", headline=typo)
    mark = relisting_mark(card, TITLE, FETCHED.isoformat())
    assert mark is not None and mark.startswith("relisted:")
    assert relisting_mark(card, TITLE, FETCHED.isoformat()) == mark
    assert relisting_mark(card, card.headline or "", FETCHED.isoformat()) is None
    # a listing card's date says nothing of an edit; a feed's does
    later = dt.datetime(2026, 11, 21, 9, 0, tzinfo=dt.UTC)
    dated = Candidate("https://x.bg/n/1", "x", "https://x.bg/novini", later)
    assert relisting_mark(dated, TITLE, FETCHED.isoformat()) is None
    fed = Candidate("https://x.bg/n/1", "x", SOURCE_FEED, later)
    assert relisting_mark(fed, TITLE, FETCHED.isoformat()) is not None
    assert relisting_mark(fed, TITLE, None) is None  # (never fetched: an import)
