"""A list card's date in the forms a theme prints it (``listings.card_date``): a card
whose text shows nothing a date could be made of skips the parser (``_DATE_HINT``), so
a form the hint misses leaves the card undated however well the parser reads it."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.discover import listings
from newsarchive.discover.cards import Card
from newsarchive.markup import parse_html
from newsarchive.models import Profile

SITE = Profile(id="belovrah", name="Община Беловрах", origin="https://belovrah.bg")
FETCHED = dt.datetime(2026, 12, 5, 9, 0, tzinfo=dt.UTC)


def cards(printed: list[str]) -> str:
    """A news list of WordPress cards, each headline beside its day as ``printed``."""
    rows = "".join(
        f'<article class="post"><h2 class="entry-title"><a href="/novini/{n}-vest">'
        f'Новина номер {n} от общината</a></h2><span class="posted-on">{day}</span></article>'
        for n, day in enumerate(printed, 500)
    )
    return (
        f"<html><body><main><h1>Новини</h1><div class='news-list'>{rows}</div></main></body></html>"
    )


@pytest.mark.parametrize(
    ("printed", "day"),
    [
        # an English locale's WordPress ("F j, Y", "M j, Y"): month first, as no
        # Bulgarian form is (the hint missed it: composed seed 107, undated)
        (["Nov 10, 2026", "Nov 5, 2026", "Oct 29, 2026"], dt.date(2026, 11, 10)),
        (["November 10, 2026", "November 5, 2026", "October 29, 2026"], dt.date(2026, 11, 10)),
        (
            ["November 10th, 2026", "November 5th, 2026", "October 29th, 2026"],
            dt.date(2026, 11, 10),
        ),
        (["Sept. 10, 2026", "Sept. 5, 2026", "Aug. 29, 2026"], dt.date(2026, 9, 10)),
        # Bulgarian ordinal days, a month abbreviated, transliterated, in Roman numerals
        # (the hint missed the ordinal: composed seeds 106, 625, undated)
        (["10-ти ноември 2026", "1-ви ноември 2026", "22-ри октомври 2026"], dt.date(2026, 11, 10)),
        (["10 ноем. 2026 г.", "5 ноем. 2026 г.", "29 окт. 2026 г."], dt.date(2026, 11, 10)),
        (["10 noemvri 2026", "5 noemvri 2026", "29 oktomvri 2026"], dt.date(2026, 11, 10)),
        (["10.XI.2026", "5.XI.2026", "29.X.2026"], dt.date(2026, 11, 10)),
        # the forms read before
        (["10 ноември 2026 г.", "5 ноември 2026 г.", "29 октомври 2026 г."], dt.date(2026, 11, 10)),
        (["10.11.2026", "05.11.2026", "29.10.2026"], dt.date(2026, 11, 10)),
    ],
)
def test_a_cards_day_is_read_in_each_form(printed: list[str], day: dt.date) -> None:
    items = listings.news_items(parse_html(cards(printed)), f"{SITE.origin}/novini", SITE, FETCHED)
    assert len(items.cards) == 3
    assert listings.card_date(items.cards[0], today=FETCHED.date()) == day
    assert all(listings.card_date(card, today=FETCHED.date()) for card in items.cards)


def stamped(printed: str, stamp: str) -> str:
    return cards([printed] * 3).replace(
        f'<span class="posted-on">{printed}</span>',
        f'<time class="entry-date" datetime="{stamp}">{printed}</time>',
    )


def test_a_day_written_out_takes_its_stamps_moment_of_that_day() -> None:
    """A WordPress card writes its day out in a ``<time>`` stamping the moment: that day,
    to the minute (an article page printing the day alone is dated by it: the mirror
    pelinovohorizont); a midnight's stamp is a theme writing the day alone, and a stamp
    of another day is not this card's date's."""
    at_eight = dt.datetime(2026, 11, 26, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    for printed, stamp, moment in [
        ("November 26, 2026", "2026-11-26T08:00:00+02:00", at_eight),
        ("26 ноември 2026 г.", "2026-11-26T08:00:00+02:00", at_eight),
        ("November 26, 2026", "2026-11-26T00:00:00+02:00", dt.date(2026, 11, 26)),
        ("November 26, 2026", "2026-11-27T08:00:00+02:00", dt.date(2026, 11, 26)),
    ]:
        html = stamped(printed, stamp)
        items = listings.news_items(parse_html(html), f"{SITE.origin}/novini", SITE, FETCHED)
        assert listings.card_moment(items.cards[0], today=FETCHED.date()) == moment, printed


def last_page(item: str) -> str:
    """A list's last page of one news: under the list's heading, above its pager, so the
    one card is the whole block (all its links lead to the one article)."""
    return (
        "<html><body><main><h1>Актуално</h1><ul class='news-list'>"
        f"<li>{item}</li></ul><div class='pagination'><label>Страница "
        "<select onchange='location=this.value'><option value='/novini?start=0'>1</option>"
        "<option value='/novini?start=5' selected>2</option></select> от 2</label></div>"
        "</main></body></html>"
    )


@pytest.mark.parametrize(
    ("item", "day"),
    [
        # the day counted back in an element of its own (composed seed 1656: undated, as
        # "Актуално вчера …" runs on as prose does)
        ('<span class="date">вчера</span> <a href="/novini/500">Започна ремонтът</a>', 4),
        ('<a href="/novini/500">Започна ремонтът на улицата</a> <em>преди 3 дни</em>', 2),
        ('<time><i class="icon"></i> днес</time> <a href="/novini/500">Започна ремонтът</a>', 5),
        # no day printed apart: the word runs in the teaser's sentence
        ('<a href="/novini/500">Започна ремонтът</a> <p>Вчера започна ремонтът на пътя.</p>', None),
        # two different days printed apart (published and updated) name none
        (
            '<span>вчера</span> <a href="/novini/500">Започна ремонтът</a> <span>днес</span>',
            None,
        ),
    ],
)
def test_a_lone_cards_day_counted_back_is_read_where_printed_apart(
    item: str, day: int | None
) -> None:
    """The card as a walk's later page makes it (``cards.find_cards``): the largest block
    whose links all lead to its article, here the page's whole ``<main>``."""
    main = parse_html(last_page(item)).css_first("main")
    assert main is not None
    headline = main.css_first("a")
    assert headline is not None
    said = " ".join(headline.text().split())
    card = Card(node=main, url=f"{SITE.origin}/novini/500", order=0, link_texts=(said,),
                link_words=len(said.split()))  # fmt: skip
    assert card.text.startswith("Актуално")  # the card is the whole block
    expected = None if day is None else dt.date(2026, 12, day)
    assert listings.card_date(card, today=FETCHED) == expected
