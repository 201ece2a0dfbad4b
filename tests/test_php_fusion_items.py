"""What PHP-Fusion (and PHP sites like it) print around a news item (topolnik): the
headline as plain text, "Прочети цялата новина" the only link to the item, the poster's
profile and the print view linked beside it, and "Публикувано от <name> на 28.11.26
14:05", a date with a two-digit year, under the text."""

from __future__ import annotations

import datetime as dt

from newsarchive import dates
from newsarchive.discover.listings import news_items
from newsarchive.extraction import extract
from newsarchive.models import Profile

SITE = Profile(id="x", name="x", origin="http://www.x.org", hosts=("www.x.org",))
TITLES = ["Коледен базар на площада", "Нов камион за сметосъбиране", "Ремонтират моста"]


def _item(n: int, title: str, *, whole: bool = False) -> str:
    more = "" if whole else f' · <a href="news.php?readmore={n}">Прочети цялата новина</a>'
    return (
        f'<table width="100%"><tr><td class="capmain">{title}</td></tr><tr><td class="main-body">'
        "<p>Общината съобщава на жителите, че събитието ще се проведе според обявения график"
        ' и ще продължи няколко дни.</p></td></tr><tr><td class="news-footer">Публикувано от'
        f' <a href="profile.php?lookup={n % 3}">Стела Георгиева</a> на {20 + n % 7}.11.26 14:05'
        f'{more} · <a href="news.php?readmore={n}#comments">0 коментара</a> · '
        f'<a href="print.php?type=N&amp;item_id={n}"><img src="p.gif" alt="Печат"></a>'
        "</td></tr></table>"
    )


def test_a_two_digit_year_is_a_date_of_this_century() -> None:
    today = dt.date(2026, 11, 30)
    assert dates.parse_text_date("28.11.26 14:05", today=today) == dt.datetime(2026, 11, 28, 14, 5)
    assert dates.parse_text_date("Дата: 03.03.26 г.", today=today) == dt.date(2026, 3, 3)
    assert dates.parse_text_date("01.01.99", today=today) == dt.date(1999, 1, 1)
    for text in ("версия 3.1.24", "сървър 10.0.12.5", "12.04.22.1", "99.11.26", "v01.02.03"):
        assert dates.parse_text_date(text, today=today) is None, text


def test_a_date_after_the_poster_is_labelled_published() -> None:
    for text in (
        "Публикувано от Стела Георгиева на 09.11.26 17:45 · 0 коментара",
        "Posted by Jane Doe on March 3, 2026",
    ):
        found = dates.find_text_dates(text, today=dt.date(2026, 11, 30))
        assert [d.labelled for d in found] == [True], text


def test_items_whose_only_link_says_read_more_are_news_items() -> None:
    """The profile and print links are the item's own: its card grows past them to the
    headline and the date above the "Прочети цялата новина" link."""
    html = (
        "<html><body>" + "".join(_item(200 + i, t) for i, t in enumerate(TITLES)) + "</body></html>"
    )
    items = news_items(html, "http://www.x.org/news.php", SITE)
    assert [card.url for card in items.cards] == [
        f"http://www.x.org/news.php?readmore={200 + i}" for i in range(3)
    ]


def test_the_one_posted_by_under_the_text_names_the_writer_and_dates_the_page() -> None:
    item = _item(233, TITLES[0], whole=True)
    html = f"<html><head><title>Новини</title></head><body>{item}</body></html>"
    article = extract(html, url="http://www.x.org/news.php?readmore=233")
    assert article.author == "Стела Георгиева"
    assert article.published == dt.datetime(2026, 11, 22, 14, 5)
