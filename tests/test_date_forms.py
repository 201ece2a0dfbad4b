"""One small page per date form the generic rules read, each written for this test.

Every page is extracted with a fixed fetch time; each test names the published date, the
rule kind that must give it (``date_source``) and, where it matters, the modified date.
"""

from __future__ import annotations

import datetime as dt
import html

import pytest

from newsarchive import date_stamps, dates
from newsarchive.date_stamps import local_date as dates_local
from newsarchive.date_stamps import parse_feed_date, parse_url_date
from newsarchive.dates import (
    date_line_dates,
    find_loose_dates,
    find_text_dates,
    in_sentence,
    parse_text_date,
)
from newsarchive.extraction import extract
from newsarchive.extraction.published import with_listed

TODAY = dt.date(2025, 3, 20)
FETCHED = dt.datetime(2025, 3, 20, 15, 0)


def page(body: str, *, head: str = "", lang: str = "bg") -> str:
    """A plain article page: the headline, then ``body``, then enough prose to be a body."""
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 6 + "</p>"
    return (
        f'<html lang="{lang}"><head><title>Ремонт на улиците</title>{head}</head><body>'
        f"<article><h1>Ремонт на улиците започва</h1>{body}{prose}</article></body></html>"
    )


def test_jsonld_in_a_remix_meta_tag_is_read_like_a_script() -> None:
    data = (
        '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ремонт",'
        ' "datePublished": "2025-03-10T09:00:00+02:00"}'
    )
    head = f'<meta name="script:ld+json" content="{html.escape(data)}">'
    article = extract(page("", head=head), today=TODAY)
    assert article.published is not None and article.published.date() == dt.date(2025, 3, 10)
    assert article.date_source == "jsonld"


def test_jsonld_graph_keeps_published_and_modified_apart() -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
        '{"@type": "WebSite", "name": "Вестник"},'
        '{"@type": "NewsArticle", "headline": "Ремонт",'
        ' "datePublished": "2025-03-10T09:00:00+02:00",'
        ' "dateModified": "2025-03-12T18:30:00+02:00"}]}</script>'
    )
    article = extract(page("", head=head), today=TODAY)
    assert article.published == dt.datetime(
        2025, 3, 10, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.modified is not None and article.modified.day == 12
    assert article.date_source == "jsonld"


@pytest.mark.parametrize(
    "name",
    ["og:published_time", "parsely-pub-date", "sailthru.date", "DC.date.issued", "pubdate"],
)
def test_meta_names(name: str) -> None:
    head = f'<meta name="{name}" content="2025-03-11">'
    article = extract(page("", head=head), today=TODAY)
    assert article.published == dt.date(2025, 3, 11)
    assert article.date_source == "meta"


def test_meta_names_are_read_in_their_order_not_the_pages() -> None:
    head = (
        '<meta name="date" content="2025-03-15">'
        '<meta property="article:published_time" content="2025-03-11">'
    )
    assert extract(page("", head=head), today=TODAY).published == dt.date(2025, 3, 11)


def test_itemprop_date_published_on_a_span() -> None:
    body = '<span itemprop="datePublished" content="2025-03-09">9 март</span>'
    article = extract(page(body), today=TODAY)
    assert article.published == dt.date(2025, 3, 9)
    assert article.date_source == "meta"


@pytest.mark.parametrize(
    ("time_item", "expected"),
    [
        # Elementor's post-info: the day's item marked, the time the item beside it
        ("<li><time>09:28</time></li>", dt.datetime(2025, 3, 9, 9, 28)),
        # no time shown: the day alone; a time of another day: not this day's
        ("", dt.date(2025, 3, 9)),
        ("<li>обновена 10.03.2025 11:40</li>", dt.date(2025, 3, 9)),
    ],
)
def test_a_structured_day_takes_the_time_the_byline_shows_for_it(
    time_item: str, expected: dt.date
) -> None:
    body = (
        '<ul class="elementor-post-info"><li itemprop="datePublished"><a href="/2025/03/09/">'
        f"<span><time>9 март 2025</time></span></a></li>{time_item}</ul>"
    )
    article = extract(page(body), today=TODAY)
    assert article.published == expected
    assert article.date_source == "meta"


_TIMED = dt.datetime(2025, 3, 9, 8, 17)
_DAY = dt.date(2025, 3, 9)


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        # the time an element of its own, joined by a bar, either side of the date's
        ('<time>08:17 ч.</time> | <time datetime="2025-03-09">09.03.2025</time>', _TIMED),
        ('<time datetime="2025-03-09">09.03.2025</time> | <time>08:17 ч.</time>', _TIMED),
        (
            '<span class="chas">08:17 ч.</span> | <time datetime="2025-03-09">09.03.2025</time>',
            _TIMED,
        ),  # fmt: skip
        # the time in the very element whose attribute holds the day alone
        ('<time datetime="2025-03-09">09.03.2025, 08:17 ч.</time>', _TIMED),
        ('<time datetime="2025-03-09">9 март 2025 в 08:17</time>', _TIMED),
        # no time by the headline: the day alone (not a time of the day the page's other
        # boxes print); a time of another day is not this day's; a time by a shown day
        # the attribute does not state is neither
        ('<time datetime="2025-03-09">09.03.2025</time>', _DAY),
        ('<time datetime="2025-03-09">09.03.2025</time> | обновена 10.03.2025 11:40', _DAY),
        ('<time>08:17 ч.</time> | <time datetime="2025-03-09">08.03.2025</time>', _DAY),
    ],
)
def test_a_time_elements_bare_day_takes_the_time_shown_beside_it(
    meta: str, expected: dt.date
) -> None:
    """``<time datetime="2025-03-09">`` states the day, not the moment: the time the page
    prints for that day by the headline is the article's time too (the day alone won
    over the visible time beside it)."""
    elsewhere = (
        '<div class="more"><h3>Още от деня</h3><p><a href="/b">Ремонт на пътя</a>'
        " 09.03.2025, 11:40</p></div><aside><h3>Последни новини</h3>"
        '<p><a href="/a">Друга новина</a> 09.03.2025 10:05</p></aside>'
    )
    shown = page(f'<div class="post-meta">{meta}</div>').replace("</body>", f"{elsewhere}</body>")
    article = extract(shown, today=TODAY)
    assert article.published == expected
    assert article.date_source == "time"


def test_other_microdata_states_no_date() -> None:
    """Only ``itemprop="datePublished"`` as written states it: the page's other microdata
    (a "dateCreated", a wrongly cased "DatePublished") is read past, and the visible date
    is the page's."""
    body = (
        '<div itemscope itemtype="https://schema.org/NewsArticle">'
        '<span itemprop="dateCreated" content="2025-03-01">1 март</span>'
        '<span itemprop="DatePublished" content="2025-03-02">2 март</span>'
        '<span itemprop="name">Заглавие</span>'
        '<time datetime="2025-03-07">7.03</time></div>'
    )
    article = extract(page(body), today=TODAY)
    assert article.published == dt.date(2025, 3, 7)
    assert article.date_source == "time"


def test_time_element_marked_as_update_is_not_the_publication() -> None:
    body = (
        '<time class="updated" datetime="2025-03-18">18.03</time>'
        '<time datetime="2025-03-08T10:00">8.03</time>'
    )
    article = extract(page(body), today=TODAY)
    assert article.published == dt.datetime(2025, 3, 8, 10, 0)
    assert article.date_source == "time"


@pytest.mark.parametrize(
    "updated",
    [
        '<p>Обновена: <time datetime="2025-03-18">18 март 2025</time></p>',
        '<p><span>Last</span> updated: <time datetime="2025-03-18">March 18, 2025</time></p>',
        '<p>Актуализирано на <time datetime="2025-03-18">18.03.2025</time></p>',
        '<time class="published-date" datetime="2025-03-18">'
        "<span>Updated Mar 18, 2025</span></time>",
        '<div><span>Последна промяна</span> <span><time datetime="2025-03-18">18.03</time>'
        "</span></div>",
        '<p>Публикувана 8.03.2025, обновена: <time datetime="2025-03-18">18.03</time></p>',
    ],
)
def test_time_element_labelled_as_update_in_words_is_not_the_publication(updated: str) -> None:
    """The label a reader sees says which date a ``<time>`` is, whatever its class."""
    body = f'{updated}<p>Автор: Мария Петрова <time datetime="2025-03-08T10:00">8.03</time></p>'
    article = extract(page(body), today=TODAY)
    assert article.published == dt.datetime(2025, 3, 8, 10, 0)
    assert article.date_source == "time"


@pytest.mark.parametrize(
    "updated",
    [
        '<p>Дата на последна промяна: <time datetime="2025-03-18T10:00">март 2025</time></p>',
        '<p>Page info: <time class="updated" datetime="2025-03-18T10:00">March 2025</time></p>',
    ],
)
def test_a_page_dated_only_by_an_updated_time_element_is_dated_by_that_change(
    updated: str,
) -> None:
    """The one day the page gives is its last change, shown only in a ``<time>``'s
    attribute: kept as the change, and so as the page's date (``modified-only``)."""
    article = extract(page(updated), today=TODAY)
    assert article.published == dt.datetime(2025, 3, 18, 10, 0)
    assert article.modified == dt.datetime(2025, 3, 18, 10, 0)
    assert article.rules["published"] == "generic:time[datetime]:modified-only"
    assert article.date_note == "modified-only"


def test_time_element_after_a_sentence_that_says_updated_is_the_publication() -> None:
    body = (
        "<p>Планът беше обновен от общинския съвет. "
        '<time datetime="2025-03-18">18.03</time></p><time datetime="2025-03-08">8.03</time>'
    )
    article = extract(page(body), today=TODAY)
    assert article.published == dt.date(2025, 3, 18)
    assert article.date_source == "time"


@pytest.mark.parametrize(
    "comments",
    [
        '<ol class="commentlist"><li><time datetime="2025-03-18">18.03.2025</time></li></ol>',
        '<div class="komentari"><p>Иван: Браво!</p><time datetime="2025-03-18">18.03</time></div>',
    ],
)
def test_a_readers_comment_does_not_date_the_article(comments: str) -> None:
    """A comment's ``<time>`` or date box is the comment's day, not the article's: the
    byline's day stands, however the theme names its comments."""
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 12 + "</p>"
    html_page = (
        '<html lang="bg"><head><title>Ремонт на улиците</title></head><body><article>'
        f"<h1>Ремонт на улиците започва</h1><p>08.03.2025</p>{prose}{comments}</article>"
        "</body></html>"
    )
    article = extract(html_page, today=TODAY)
    assert article.published == dt.date(2025, 3, 8)
    assert article.date_source == "text"


@pytest.mark.parametrize(
    "comments",
    [
        '<div class="replies"><div class="date">18.03.2025</div><p>Иван: Браво!</p></div>',
        # (an ``<aside>`` of the one ``<article>``: where a minimal theme puts its date)
        '<aside id="comments"><time datetime="2025-03-18">18.03</time> Иван: Браво!</aside>',
    ],
)
def test_an_undated_article_takes_no_date_from_its_comments(comments: str) -> None:
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 12 + "</p>"
    html_page = (
        '<html lang="bg"><head><title>Ремонт на улиците</title></head><body><article>'
        f"<h1>Ремонт на улиците започва</h1>{prose}<section>{comments}</section></article>"
        "</body></html>"
    )
    assert extract(html_page, today=TODAY).published is None


def test_an_article_wrapper_named_for_its_comments_still_dates_it() -> None:
    """The wrapper holding the headline is the article's, whatever its class says."""
    body = '<p><time datetime="2025-03-08">8.03.2025</time></p>'
    html_page = page(body).replace("<article>", '<article class="post has-comments">')
    article = extract(html_page, today=TODAY)
    assert article.published == dt.date(2025, 3, 8)
    assert article.date_source == "time"


@pytest.mark.parametrize(
    "box",
    [
        '<div class="post-date">Последна промяна: <span class="date">18.03.2025</span></div>',
        '<span class="post-date"><span>Last Updated</span> <span>on</span> '
        '<span class="date">Mar 18, 2025</span></span>',
    ],
)
def test_date_box_inside_a_box_labelled_updated_is_not_the_publication(box: str) -> None:
    """The day inside keeps the label its enclosing date box prints before it."""
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 12 + "</p>"
    html_page = (
        '<html lang="bg"><head><title>Ремонт на улиците</title></head><body><article>'
        f"<h1>Ремонт на улиците започва</h1>{prose}{box}</article></body></html>"
    )
    article = extract(html_page, today=TODAY)
    assert article.published == dt.date(2025, 3, 18)
    assert article.date_note == "modified-only"
    assert article.rules["published"] == "generic:date-element:modified-only"


@pytest.mark.parametrize(
    ("box", "dated"),
    [
        ('<div class="pubDate">18.03.2025</div>', True),
        ('<div class="entry-meta">18.03.2025</div>', True),
        ('<div id="post-date-1">18.03.2025</div>', True),
        ('<div class="DATE">18.03.2025</div>', False),  # the words as themes write them
        ('<div id="DATE">18.03.2025</div>', False),
        ('<div class="stamp">18.03.2025</div>', False),
    ],
)
def test_a_date_box_is_named_by_its_words_as_written(box: str, dated: bool) -> None:
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 12 + "</p>"
    html_page = (
        '<html lang="bg"><head><title>Ремонт на улиците</title></head><body><article>'
        f"<h1>Ремонт на улиците започва</h1>{prose}{box}</article></body></html>"
    )
    article = extract(html_page, today=TODAY)
    assert article.published == (dt.date(2025, 3, 18) if dated else None)
    assert article.rules["published"] == ("generic:date-element" if dated else "none")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<p>Публикувано: 14 март 2025 г.</p>", dt.date(2025, 3, 14)),
        ("<p>Русе, 14.03.2025, 10:15 ч.</p>", dt.datetime(2025, 3, 14, 10, 15)),
        ("<p>Опубликовано 14 марта 2025 года</p>", dt.date(2025, 3, 14)),
        ("<p>Published on March 14, 2025</p>", dt.date(2025, 3, 14)),
        ("<p>Posted Mar. 14, 2025 at 3:05 pm</p>", dt.datetime(2025, 3, 14, 15, 5)),
        ("<p>14th March 2025</p>", dt.date(2025, 3, 14)),
        ("<p>2025/03/14</p>", dt.date(2025, 3, 14)),
    ],
)
def test_visible_date_near_the_headline(line: str, expected: dt.date) -> None:
    article = extract(page(line), today=TODAY)
    assert article.published == expected
    assert article.date_source == "text"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<p>преди 3 часа</p>", dt.datetime(2025, 3, 20, 12, 0)),
        ("<p>преди 2 дни</p>", dt.date(2025, 3, 18)),  # a count of days names no hour
        ("<p>преди около 2 часа</p>", dt.datetime(2025, 3, 20, 13, 0)),
        ("<p>вчера, 18:40</p>", dt.datetime(2025, 3, 19, 18, 40)),
        ("<p>днес в 09:05</p>", dt.datetime(2025, 3, 20, 9, 5)),
        ("<p>2 hours ago</p>", dt.datetime(2025, 3, 20, 13, 0)),
        ("<p>Yesterday</p>", dt.date(2025, 3, 19)),
    ],
)
def test_relative_dates_count_back_from_the_fetch_time(line: str, expected: dt.date) -> None:
    article = extract(page(line), today=FETCHED)
    assert article.published == expected
    assert article.date_source == "text"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<p>Обновена преди приблизително 20 минути</p>", dt.datetime(2025, 3, 20, 14, 40)),
        ("<p>Updated 2 hours ago</p>", dt.datetime(2025, 3, 20, 13, 0)),
        ("<p>Актуализирана вчера</p>", dt.date(2025, 3, 19)),
    ],
)
def test_a_relative_date_labelled_as_an_update_is_the_modified_date(
    line: str, expected: dt.date
) -> None:
    article = extract(page(line), today=FETCHED)
    assert article.modified == expected
    assert article.rules["published"].endswith(":modified-only")  # no publication shown


@pytest.mark.parametrize(
    "line",
    [
        "<p>преди няколко часа</p>",
        "<p>Публикувано преди няколко минути</p>",
        "<p>Иван Петров | преди няколко секунди</p>",
        "<p>a few hours ago</p>",
        "<p>A few minutes ago</p>",
    ],
)
def test_a_few_hours_or_minutes_ago_is_the_fetch_day_when_the_hour_leaves_no_doubt(
    line: str,
) -> None:
    """Fetched at 15:00, "a few hours ago" (fewer than twelve) was that day; the count is
    unknown, so the day is all it says."""
    article = extract(page(line), today=FETCHED)
    assert article.published == dt.date(2025, 3, 20)
    assert article.date_source == "text"


@pytest.mark.parametrize(
    ("text", "today", "expected"),
    [
        # fetched at 09:00, a few hours ago may be last night
        ("преди няколко часа", dt.datetime(2025, 3, 20, 9, 0), None),
        ("a few hours ago", dt.datetime(2025, 3, 20, 11, 59), None),
        ("преди няколко часа", dt.datetime(2025, 3, 20, 12, 0), dt.date(2025, 3, 20)),
        # fetched at 00:30, a few minutes ago may be before midnight
        ("преди няколко минути", dt.datetime(2025, 3, 20, 0, 30), None),
        ("преди няколко минути", dt.datetime(2025, 3, 20, 1, 0), dt.date(2025, 3, 20)),
        # the fetch day alone: minutes are that day, as "преди 5 минути" is read; hours not
        ("преди няколко минути", TODAY, TODAY),
        ("a few seconds ago", TODAY, TODAY),
        ("преди няколко часа", TODAY, None),
        # days: no one day
        ("преди няколко дни", FETCHED, None),
    ],
)
def test_a_few_units_ago_is_a_day_only_when_no_midnight_can_lie_between(
    text: str, today: dt.date, expected: dt.date | None
) -> None:
    assert parse_text_date(text, today=today) == expected


def test_a_few_hours_ago_in_a_sentence_is_no_date() -> None:
    prose = "Новината дойде преди няколко часа от областната управа."
    assert find_text_dates(prose, today=FETCHED) == []
    assert find_text_dates("Преди няколко минути кметът обяви ремонта.", today=FETCHED) == []


def test_relative_date_against_a_fetch_day_keeps_the_day() -> None:
    assert parse_text_date("преди 5 часа", today=TODAY) == TODAY
    assert parse_text_date("3 days ago", today=TODAY) == dt.date(2025, 3, 17)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("bg", "04/03/2025", dt.date(2025, 3, 4)),  # day-first where both readings exist
        ("en-GB", "04/03/2025", dt.date(2025, 3, 4)),
        ("en-US", "04/03/2025", dt.date(2025, 4, 3)),
        ("en", "04/03/2025", dt.date(2025, 3, 4)),  # no country: the day-first default
        ("bg", "03/14/2025", dt.date(2025, 3, 14)),  # only one reading is a date
        ("en-US", "14/03/2025", dt.date(2025, 3, 14)),
    ],
)
def test_slash_dates_by_language_and_plausibility(lang: str, text: str, expected: dt.date) -> None:
    article = extract(page(f"<p>{text}</p>", lang=lang), today=dt.date(2025, 6, 1))
    assert article.published == expected


@pytest.mark.parametrize("lang", ["bg", "bg-BG"])
def test_a_slash_date_keeps_its_time_after_the_word_for_at(lang: str) -> None:
    """WordPress in Bulgarian with its date format set to "d/m/Y" writes "05/11/2026 в
    14:05" (its "%1$s at %2$s"): the time after "в" is the date's, as it is after a
    dotted date (before: the day alone, 2026-11-05)."""
    article = extract(page("<p>05/11/2026 в 14:05</p>", lang=lang), today=dt.date(2026, 12, 1))
    assert article.published == dt.datetime(2026, 11, 5, 14, 5)


def test_slash_date_whose_language_reading_is_in_the_future_takes_the_other() -> None:
    # Month-first would be 3 April 2025, after the fetch day; 4 March 2025 is possible.
    assert parse_text_date("04/03/2025", today=TODAY, month_first=True) == dt.date(2025, 3, 4)
    # Neither reading has happened yet: no date.
    assert parse_text_date("11/12/2025", today=TODAY, month_first=True) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2025/03/14/remont-na-ulitsite", dt.date(2025, 3, 14)),
        ("https://news.example/novini/2025-03-14-remont", dt.date(2025, 3, 14)),
        ("https://news.example/a/20250314/remont", dt.date(2025, 3, 14)),
        ("https://news.example/a/p20250314/remont", None),  # an id, not a date
        ("https://news.example/2026/01/01/bad-clock", None),  # after the fetch day
    ],
)
def test_url_dates(url: str, expected: dt.date | None) -> None:
    assert parse_url_date(url, today=TODAY) == expected


def test_url_date_is_the_last_resort() -> None:
    article = extract(page(""), "https://news.example/2025/03/14/remont", today=TODAY)
    assert article.published == dt.date(2025, 3, 14)
    assert article.date_source == "url"


def test_updated_label_marks_the_modified_date() -> None:
    found = find_text_dates("Обновена: 18.03.2025 Публикувана: 12.03.2025", today=TODAY)
    assert [(d.value, d.modified) for d in found] == [
        (dt.date(2025, 3, 18), True),
        (dt.date(2025, 3, 12), False),
    ]
    article = extract(page("<p>Updated March 18, 2025 · March 12, 2025</p>"), today=TODAY)
    assert article.published == dt.date(2025, 3, 12)
    assert article.modified == dt.date(2025, 3, 18)


def test_only_an_update_date_is_the_date_the_reader_sees() -> None:
    article = extract(page("<p>Актуализирана: 18.03.2025</p>"), today=TODAY)
    assert article.published == dt.date(2025, 3, 18)
    assert article.rules["published"].endswith(":modified-only")
    assert article.date_source == "text"


def test_never_a_date_after_the_fetch_time() -> None:
    head = '<meta property="article:published_time" content="2025-04-02T10:00:00">'
    article = extract(page("<p>Събитието е на 30 март 2025 г.</p>", head=head), today=TODAY)
    assert article.published is None  # both the meta date and the text date lie ahead
    assert article.date_source == "none"
    later = extract(page("<p>23.03.2025</p><p>Публикувано 10.03.2025</p>"), today=TODAY)
    assert later.published == dt.date(2025, 3, 10)


def test_the_sites_calendar_may_be_a_day_ahead_of_the_fetch_day() -> None:
    # Fetched on 20 March (UTC day) at 23:30 UTC: in Sofia it is already 21 March.
    head = '<meta property="article:published_time" content="2025-03-21T01:10:00+02:00">'
    article = extract(page("", head=head), today=TODAY)
    assert article.published is not None and article.published.day == 21
    utc = dt.UTC
    exact = extract(page("", head=head), today=dt.datetime(2025, 3, 20, 22, 0, tzinfo=utc))
    assert exact.published is None  # 23:10 UTC is after a fetch at 22:00 UTC


def test_no_date_at_all_is_source_none() -> None:
    article = extract(page(""), "https://news.example/novini/remont", today=TODAY)
    assert article.published is None and article.date_source == "none"


def _in_layout(outer: str, header: str) -> str:
    """A page whose whole article sits in ``outer`` (a wrapper with a furniture-like class)
    with ``header`` (date and byline) under the headline, and a sidebar of other dates."""
    prose = "<p>" + "Общинският съвет гласува бюджета за новата година след дълъг дебат. " * 6
    sidebar = (
        '<aside class="sidebar"><h3>Последни</h3><ul>'
        '<li><a href="/n/2">Друга новина</a> <span class="date">02.01.2025</span></li>'
        "</ul></aside>"
    )
    return (
        '<html lang="bg"><head><title>Бюджетът е приет</title></head><body>'
        f"{outer}<h1>Бюджетът е приет</h1>{header}{prose}</p></div>{sidebar}</body></html>"
    )


@pytest.mark.parametrize(
    "outer",
    [
        '<div class="story-page story-sidebar-mode-right">',
        '<div class="article-banner">',
    ],
)
def test_a_wrapper_holding_the_headline_is_not_furniture(outer: str) -> None:
    html = _in_layout(outer, '<p class="post-date">14 март 2025</p>')
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 14)
    assert article.title == "Бюджетът е приет"


def test_the_articles_own_footer_holds_its_date() -> None:
    html = (
        '<html lang="bg"><head><title>Бюджетът е приет</title></head><body><main><article>'
        "<h1>Бюджетът е приет</h1>"
        + "<p>"
        + "Общинският съвет гласува бюджета за новата година след дълъг дебат. " * 6
        + '</p><footer class="entry-meta"><span>Автор: Мария Петрова</span>'
        '<span class="stamp">13.03.2025</span></footer></article>'
        '<footer class="site-footer">© 2025 Вестник, 01.01.2025</footer></main></body></html>'
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 13)


def test_a_related_cards_footer_is_still_furniture() -> None:
    html = (
        '<html lang="bg"><head><title>Бюджетът е приет</title></head><body><main><article>'
        "<h1>Бюджетът е приет</h1><p>"
        + "Общинският съвет гласува бюджета за новата година след дълъг дебат. "
        * 6
        + "</p></article><aside><article><h3>Друга новина</h3>"
        '<footer><span class="date">02.01.2025</span></footer></article></aside>'
        "</main></body></html>"
    )
    assert extract(html, today=TODAY).published is None


def test_a_bylines_group_is_where_the_date_is() -> None:
    html = _in_layout(
        "<div>", '<div class="comp page-bylines__group"><div>Обновена: 15.03.2025</div></div>'
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 15)
    assert article.modified == dt.date(2025, 3, 15)


def test_a_page_without_h1_reads_the_date_beside_its_stated_title() -> None:
    """An old CMS prints the headline in ``<div class="zaglavie">``: the element whose text
    is the stated title anchors the search for the date beside it."""
    prose = "<p>" + "Кметът откри новата детска площадка в парка до реката. " * 6 + "</p>"
    html = (
        '<html lang="bg"><head><title>Нова детска площадка в парка | Община</title>'
        '<meta property="og:title" content="Нова детска площадка в парка"></head><body>'
        '<div class="content"><div class="zaglavie">Нова детска площадка в парка</div>'
        f"<div>Публикувано на 11.03.2025 г.</div>{prose}</div>"
        "<div><span>Архив</span> 01.01.2024</div></body></html>"
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 11)
    assert article.date_source == "text"
    assert article.rules["published"] == "generic:text-near-title"


def test_an_article_footer_counts_when_the_headline_is_outside_the_article() -> None:
    html = (
        '<html lang="bg"><head><title>Нов парк</title></head><body><main>'
        "<h1>Нов парк в квартала</h1><article><p>"
        + "Общината засади двеста дървета в новия парк на квартала. "
        * 6
        + '</p><footer class="node-meta"><span>12.03.2025</span></footer></article>'
        "</main></body></html>"
    )
    assert extract(html, today=TODAY).published == dt.date(2025, 3, 12)


def test_a_neuter_update_label_marks_the_modified_date() -> None:
    found = find_text_dates("Обновено: 18.03.2025 Публикувано: 12.03.2025", today=TODAY)
    assert [(f.value, f.modified) for f in found] == [
        (dt.date(2025, 3, 18), True),
        (dt.date(2025, 3, 12), False),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Днес кметът откри новия мост над реката.",
        "Today, online courses make learning easy.",
        "Работим по проекта. Днес Общината обяви търг.",
        "until today and beyond",
    ],
)
def test_a_bare_today_in_a_sentence_is_no_date(text: str) -> None:
    assert find_text_dates(text, today=TODAY) == []


@pytest.mark.parametrize(
    "text", ["Иван Петров | Вчера", "Публикувано вчера", "вчера", "Posted yesterday"]
)
def test_a_bare_yesterday_standing_as_a_date_is_one(text: str) -> None:
    assert [f.value for f in find_text_dates(text, today=TODAY)] == [dt.date(2025, 3, 19)]


def test_a_page_without_h1_finds_its_headline_by_the_titles_longest_part() -> None:
    prose = "<p>" + "Кметът откри новата детска площадка в парка до реката. " * 6 + "</p>"
    html = (
        '<html lang="bg"><head><title>Нова детска площадка в парка | Община Пример</title>'
        '</head><body><div class="content"><h4>Нова детска площадка в парка</h4>'
        f"<div>Добавено: 11.03.2025</div>{prose}</div>"
        "<div><span>Архив</span> 01.01.2024</div></body></html>"
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 11)
    assert article.rules["published"] == "generic:text-near-title"


def test_a_utc_stamp_takes_the_day_the_url_shows() -> None:
    """22:30 UTC on 14 March is already 15 March in Sofia, where the URL was written."""
    head = '<meta property="article:published_time" content="2025-03-14T22:30:00+00:00">'
    url = "https://news.example/2025/03/15/remont"
    article = extract(page("", head=head), url, today=TODAY)
    assert article.published == dt.date(2025, 3, 15)
    assert article.date_source == "meta"
    # A stamp with the site's own offset is left as stated; beside a URL day further away
    # the Bulgarian page's UTC stamp is the same instant on Sofia's clock, its day the 15th
    # (``published.readers_clock``), not the URL's.
    local = head.replace("+00:00", "+02:00")
    stated = extract(page("", head=local), url, today=TODAY).published
    assert isinstance(stated, dt.datetime) and stated.day == 14
    far = "https://news.example/2025/03/17/remont"
    sofia = extract(page("", head=head), far, today=TODAY)
    assert sofia.published == dt.datetime(
        2025, 3, 15, 0, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert sofia.rules["published"].endswith(":site-clock")


def _refilled(shown: str, modified: str = "2025-03-19T09:00:00+02:00") -> str:
    """Metadata refilled on a later save: datePublished is the day of that save."""
    stamps = '"datePublished": "2025-03-18T10:00:00+02:00"'
    if modified:
        stamps += f', "dateModified": "{modified}"'
    head = f'<script type="application/ld+json">{{"@type": "NewsArticle", {stamps}}}</script>'
    return page(f"<p>{shown}</p>", head=head)


@pytest.mark.parametrize(
    "shown",
    [
        "Публикувано: 10.03.2025 | Обновено: 18.03.2025",
        "Published March 10, 2025 Updated March 18, 2025",
    ],
)
def test_a_date_labelled_published_on_the_page_beats_metadata_that_disagrees(
    shown: str,
) -> None:
    article = extract(_refilled(shown), today=TODAY)
    assert article.published == dt.date(2025, 3, 10)
    assert article.date_source == "text"
    assert article.rules["published"] == "generic:text-near-title:labelled"


@pytest.mark.parametrize(
    "shown",
    [
        "Срещата беше на 10.03.2025 в голямата зала.",
        "Дата на заседанието: 10.03.2025",
        "Публикувано: 17.03.2025",
        "19.03.2025",
    ],
)
def test_metadata_stays_when_the_page_shows_no_other_labelled_day(shown: str) -> None:
    """A date in a sentence or after another label is the story's (a meeting's day); a
    day apart is a time zone; a later shown date may be the last change."""
    article = extract(_refilled(shown), today=TODAY)
    assert article.date_source == "jsonld"
    assert article.published is not None and article.published.day == 18


def test_a_later_labelled_day_does_not_move_metadata_never_saved_again() -> None:
    """Without a later "modified" day, a later "Published" day on the page is no refill
    of the metadata (a page cannot be published after it appeared)."""
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2025-03-10T10:00:00+02:00"}</script>'
    )
    article = extract(page("<p>Публикувано: 18.03.2025</p>", head=head), today=TODAY)
    assert article.date_source == "jsonld"
    assert article.published is not None and article.published.day == 10


def test_an_h1_in_a_menu_does_not_anchor_the_date() -> None:
    """A nav built of h1s holds a headline-like element, yet stays furniture: the date
    beside the article's own h1 is read, not the menu's."""
    body = "<p>" + "Общинският съвет прие нова наредба за зелените площи в града. " * 5 + "</p>"
    html = (
        "<html><body><nav><h1>Новини</h1><p>12.03.2025</p></nav>"
        "<article><h1>Нова наредба за зелените площи</h1><p>Публикувано на 3 март 2025</p>"
        f"{body}</article></body></html>"
    )
    article = extract(html)
    assert article.published is not None and article.published.isoformat() == "2025-03-03"


def test_a_box_named_as_a_list_of_other_articles_does_not_date_the_page() -> None:
    """ "most-viewed" is no word of the generic boilerplate rules: the related-list names
    of ``furniture`` keep the box's dates from the headline's window."""
    body = "<p>" + "Общинският съвет прие нова наредба за зелените площи в града. " * 5 + "</p>"
    html = (
        "<html><body><article><h1>Нова наредба за зелените площи</h1>"
        '<div class="most-viewed"><p>Друга новина, 01.02.2025</p></div>'
        f"<p>Публикувано на 3 март 2025</p>{body}</article></body></html>"
    )
    article = extract(html)
    assert article.published is not None and article.published.isoformat() == "2025-03-03"


def test_a_headline_deep_in_page_builder_wrappers_still_finds_its_byline_date() -> None:
    """A page builder nests the styled headline a dozen wrappers deep, each adding nothing:
    only wrappers that add text count towards the ancestors searched for the date."""
    prose = "<p>" + "Общината обяви нов конкурс за проекти на младежки организации. " * 6 + "</p>"
    headline = '<p class="fx-text">Нов конкурс за младежки проекти</p>'
    for depth in range(8):
        headline = f'<div class="fx-{depth}">{headline}</div>'
    html = (
        '<html lang="bg"><head><meta property="og:title" content="Нов конкурс за младежки '
        'проекти"></head><body><div class="fx-page"><div class="fx-hero">'
        f'{headline}<div class="fx-by"><p>Екип Пример</p><p>14.03.2025</p></div></div>'
        f"{prose}</div></body></html>"
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 14)
    assert article.rules["published"] == "generic:text-near-title"


def _meta_column(column: str) -> str:
    prose = "<p>" + "Общинският съвет реши да ремонтира читалището през лятото. " * 6 + "</p>"
    return (
        '<html lang="en"><head><title>Ремонт на читалището</title></head><body>'
        '<div class="single-post"><h1>Ремонт на читалището</h1>'
        f'<div class="single-post-sidebar">{column}</div>{prose}</div></body></html>'
    )


@pytest.mark.parametrize(
    "column",
    [
        '<div class="meta"><h4>Published</h4><div>March 12, 2025</div></div>',
        "<aside><h3>Публикувано</h3><p>12.03.2025</p></aside>",
    ],
)
def test_a_date_labelled_published_in_a_posts_side_column_dates_it(column: str) -> None:
    """The post's meta column is styled as a sidebar, so the window rules skip it; a date
    labelled as the publication, the only one on the page, is still the page's date."""
    article = extract(_meta_column(column), today=TODAY)
    assert article.published == dt.date(2025, 3, 12)
    assert article.rules["published"] == "generic:labelled-anywhere"


def _labelled_under(opening: str, label: str) -> str:
    story = "Общината подписа договор за подмяна на водопровода в централната част. " * 4
    return (
        '<html lang="bg"><head><title>Нов водопровод</title></head><body>'
        '<div class="news"><h1>Нов водопровод за Чирпан</h1>'
        f"<div class='text'><p>{opening} {story}</p><p>{story}</p></div>"
        f'<div class="bottom"><span>{label}</span> | <span>Автор: Стефка Пеева</span></div>'
        "</div></body></html>"
    )


@pytest.mark.parametrize(
    ("opening", "label", "published", "rule"),
    [
        # an agency's dateline opening the story, a day before the labelled publication
        ("<strong>Чирпан, 3 декември 2024 г.</strong>", "Публикувана: 04.12.2024 09:10",
         dt.datetime(2024, 12, 4, 9, 10), "generic:labelled-anywhere:later"),
        # a church calendar's day over the news: the same day, its time labelled below
        ("<strong>Неделя, 6 декември 2024 г.</strong> – Св. Николай.",
         "Публикувано: 06.12.2024, 19:30", dt.datetime(2024, 12, 6, 19, 30),
         "generic:labelled-anywhere:timed"),
        # a labelled day before the shown one: the shown stays (published again that day)
        ("<strong>Чирпан, 5 декември 2024 г.</strong>", "Публикувана: 04.12.2024 09:10",
         dt.date(2024, 12, 5), "generic:text-near-title"),
    ],
)  # fmt: skip
def test_a_day_labelled_published_under_the_text_outranks_the_storys_own_day(
    opening: str, label: str, published: dt.date, rule: str
) -> None:
    """A dateline opening the story ("Чирпан, 3 декември 2024 г.") is the date nearest
    the headline, and dated the page a day before the "Публикувана: 04.12.2024 09:10"
    the page prints under its text: the label says in words which day is the page's."""
    article = extract(_labelled_under(opening, label), today=TODAY)
    got = article.published
    if isinstance(got, dt.datetime):
        got = got.replace(tzinfo=None)
    assert (got, article.rules["published"]) == (published, rule)


@pytest.mark.parametrize(
    "strip",
    ["Днес е 20.03.2025", "Днес е четвъртък, 20 март 2025 г.", "Today is Thursday, March 20, 2025"],
)
def test_a_sites_today_strip_over_the_headline_is_not_the_pages_day(strip: str) -> None:
    """ "Днес е 20.03.2025" in the header is the day the page was read on: nearest the
    headline, it dated a notice published days before ("Публикувано на 14.03.2025" under
    its text) with the fetch's day."""
    story = "Горските служители започват засилени проверки на превозваните елхи. " * 4
    html = (
        '<html lang="bg"><head><title>РДГ Примерово</title></head><body>'
        f'<div class="top"><div class="today">{strip}</div></div><div class="content">'
        "<h2>Започват проверки за незаконно добити елхи</h2>"
        f"<p>{story}</p><p>{story}</p>"
        '<div class="article-footer">Публикувано на 14.03.2025</div></div></body></html>'
    )
    assert extract(html, today=TODAY).published == dt.date(2025, 3, 14)


def test_a_bare_today_before_a_date_is_still_a_byline() -> None:
    """A byline may print "Днес, 14.03.2025" for a post of the day: only "Днес е" and
    "Днес:" name a strip of today's date."""
    assert dates.names_today("Днес е 14.03.2025", dates.find_text_dates("Днес е 14.03.2025")[0])
    byline = "Днес, 14.03.2025"
    assert not dates.names_today(byline, dates.find_text_dates(byline)[0])


def test_a_correction_added_later_is_a_change_not_the_publication() -> None:
    """ "Correction added Nov. 18, 2019:" under a story dated November 15 is when the page
    changed: read as a label of publication ("added"), a labelled day after the one by
    the headline (``published._labelled_later``) moved the page three days on."""
    story = "The cells taste danger and set off an immune response in the lungs. " * 5
    html = (
        '<html lang="en"><head><title>Cells that taste</title></head><body><article>'
        "<h1>Cells that taste danger</h1><p class='by'>Carrie Arnold</p>"
        f"<p><em>November 15, 2019</em></p><p>{story}</p><p>{story}</p>"
        "<p>Correction added Nov. 18, 2019: The caption below the photograph was "
        "corrected.</p></article></body></html>"
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2019, 11, 15)


def test_a_sidebar_labelling_several_days_dates_nothing() -> None:
    column = (
        "<ul><li>Друга новина. Published: March 2, 2025</li>"
        "<li>Трета новина. Published: March 9, 2025</li></ul>"
    )
    assert extract(_meta_column(column), today=TODAY).published is None


@pytest.mark.parametrize(
    "shown", ["10.03.2025", "Мария Петрова · 10.03.2025", "Вторник, 10.03.2025 | 3 мин"]
)
def test_a_byline_date_days_before_the_metadatas_publication_is_the_first_one(
    shown: str,
) -> None:
    """A page cannot change before it appeared: metadata stamped later than the date the
    byline shows was refilled when the site moved its posts."""
    article = extract(_refilled(shown, modified=""), today=TODAY)
    assert article.published == dt.date(2025, 3, 10)
    assert article.rules["published"] == "generic:text-near-title:earlier"


def test_the_byline_date_is_read_past_a_headline_box_without_one() -> None:
    """The headline's own box holds its standfirst and no date; the byline's date sits
    one box further out, where rule 5 finds it: the corrections read the same window."""
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2025-03-18T10:00:00+02:00"}</script>'
    )
    html = (
        f'<html lang="bg"><head><title>Ремонт на улиците</title>{head}</head><body><article>'
        "<header><h1>Ремонт на улиците започва</h1>"
        "<p>Общината ще обнови пет улици в квартала до края на лятото.</p></header>"
        "<div class='info'><span>Мария Петрова</span> <span>10.03.2025</span></div>"
        "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 6 + "</p>"
        "</article></body></html>"
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 10)
    assert article.rules["published"] == "generic:text-near-title:earlier"


def test_a_page_builders_post_info_widget_is_no_furniture() -> None:
    """Every Elementor box is an "elementor-widget-…"; the part after the prefix says what
    it is: "post-info" holds the byline and date, "nav-menu" is a menu."""
    prose = "<p>" + "Общината започна ремонт на моста над реката край парка. " * 6 + "</p>"
    html = (
        '<html lang="bg"><head><title>Ремонт на моста</title></head><body>'
        '<div class="elementor-widget elementor-widget-nav-menu"><p>Новини 01.02.2025</p>'
        "</div><h1>Ремонт на моста</h1>"
        '<div class="elementor-widget elementor-widget-post-info"><ul><li><span>От</span>'
        "<time>12.03.2025</time></li></ul></div>"
        f'<div class="elementor-widget elementor-widget-text-editor">{prose}</div>'
        "</body></html>"
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 12)


@pytest.mark.parametrize(
    ("stamp", "expected", "source"),
    [
        ("2025-03-18T22:00:00+00:00", dt.date(2025, 3, 17), "text"),
        ("2025-03-18T02:00:00+00:00", dt.date(2025, 3, 18), "jsonld"),
        ("2025-03-18", dt.date(2025, 3, 18), "jsonld"),
    ],
)
def test_a_day_apart_is_a_time_zone_only_where_some_zone_prints_it(
    stamp: str, expected: dt.date, source: str
) -> None:
    """22:00 UTC on the 18th is the 18th or the 19th somewhere, never the 17th; 02:00 UTC
    is still the 17th in America, and a bare day leaves a day either way."""
    head = (
        '<script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "datePublished": "{stamp}"}}</script>'
    )
    article = extract(page("<p>Мария Петрова · 17.03.2025</p>", head=head), today=TODAY)
    assert article.published is not None
    assert dates_local(article.published) == expected
    assert article.date_source == source


@pytest.mark.parametrize("null", ["0001-01-01T00:00:00Z", "1970-01-01T00:00:00Z", "1970-01-01"])
def test_a_null_date_in_metadata_is_no_date(null: str) -> None:
    """.NET's DateTime.MinValue and a zero Unix time are how a CMS writes "none": the next
    rule dates the page (here the byline), and the page is extracted, not lost."""
    head = (
        '<script type="application/ld+json">'
        f'{{"@type": "NewsArticle", "datePublished": "{null}", "dateModified": "{null}"}}'
        "</script>"
    )
    article = extract(page("<p>Мария Петрова · 12.03.2025</p>", head=head), today=TODAY)
    assert "error" not in article.rules and article.text
    assert article.published == dt.date(2025, 3, 12)
    assert article.modified is None


def test_a_null_feed_date_is_no_date() -> None:
    assert parse_feed_date("Mon, 01 Jan 0001 00:00:00 GMT") is None
    assert parse_feed_date("Thu, 01 Jan 1970 00:00:00 +0000") is None
    assert parse_feed_date("Wed, 12 Mar 2025 10:00:00 +0200") is not None


def test_a_readers_comment_labelled_published_does_not_date_the_page() -> None:
    comments = (
        '<div id="comments"><div class="comment"><p>Иван: Браво!</p>'
        "<p>Публикувано на 02.03.2025</p></div></div>"
    )
    html = _meta_column("").replace("</body>", f"{comments}</body>")
    assert extract(html, today=TODAY).published is None


@pytest.mark.parametrize(
    ("text", "modified", "labelled"),
    [
        ("Обновено на 18.03.2025", True, False),
        ("Публикувано на 18.03.2025", False, True),
        ("Актуализирана в 18.03.2025", True, False),
        ("Срещата е на 18.03.2025", False, False),
    ],
)
def test_bulgarian_labels_with_on_say_which_date_it_is(
    text: str, modified: bool, labelled: bool
) -> None:
    """ "на"/"в" stand between a Bulgarian label and its date as "on"/"at" do in English."""
    (found,) = find_text_dates(text, today=TODAY)
    assert (found.modified, found.labelled) == (modified, labelled)


def test_a_published_label_read_as_on_beats_refilled_metadata() -> None:
    """A page that labels its date "Публикувано на 10.03.2025": the label rule decides; to
    the byline-date rule the "на" before the date reads as a sentence (``in_sentence``)."""
    article = extract(_refilled("Публикувано на 10.03.2025"), today=TODAY)
    assert article.published == dt.date(2025, 3, 10)
    assert article.rules["published"] == "generic:text-near-title:labelled"


def test_an_update_further_from_the_headline_than_its_date_is_not_the_pages() -> None:
    """The nearest window holds the date and no "Updated" label: an "Обновено" further out
    (in the prose, a later block) dates something else."""
    html = (
        '<html lang="bg"><head><title>Ремонт на улиците</title></head><body><article>'
        "<div><h1>Ремонт на улиците започва</h1><p>12.03.2025</p></div>"
        "<p>Кметът представи плана. Обновено: 15.03.2025 е графикът на фирмата.</p>"
        "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 6 + "</p>"
        "</article></body></html>"
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 12)
    assert article.modified is None


@pytest.mark.parametrize(
    "shown",
    [
        "Изложението, открито в сряда, 10.03.2025, продължава до неделя.",
        "The fair, which opened on Monday, March 10, 2025, runs until Sunday.",
    ],
)
def test_a_date_after_a_weekday_inside_a_sentence_is_the_storys(shown: str) -> None:
    """The word before the weekday decides: "в сряда, 10.03.2025" is read in a sentence,
    so the earlier day is the story's, and the metadata's publication stays."""
    article = extract(_refilled(shown, modified=""), today=TODAY)
    assert article.date_source == "jsonld"
    assert article.published is not None and article.published.day == 18


def test_date_in_the_byline_box_apart_from_the_headline() -> None:
    """The writer's card after the article: name and day in one small box, no element
    named as a date, and nothing dated near the headline."""
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 30 + "</p>"
    html = (
        "<html><body><div class='hero'><h1>Ремонт на улиците започва</h1></div>"
        f"<main>{prose}</main><div class='writer'>"
        "<p>Написано от <a href='/author/maria-petrova/'>Мария Петрова</a></p>"
        "<p>3 март 2025</p></div></body></html>"
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 3)
    assert article.rules["published"] == "generic:beside-byline"
    assert article.date_source == "text"
    # a date further from the byline than its small box is not the article's (text after
    # it too: a date line the text closes on is the closing line's, ``_trim_tail``)
    far = html.replace("<p>3 март 2025</p>", f"{prose}<p>3 март 2025</p>{prose}")
    assert extract(far, today=TODAY).published is None


def test_a_page_dated_only_by_its_last_update_at_the_end() -> None:
    """An office's notice that says only "Последна промяна: …" under its text, far from
    the headline: the reader's date for it, kept as modified and, lacking any other,
    as published (the rule says so)."""
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 30 + "</p>"
    html = (
        "<html><body><h1>Ремонт на улиците започва</h1>"
        f"<div class='text'>{prose}<p>Последна промяна: 12.03.2025</p></div></body></html>"
    )
    article = extract(html, today=TODAY)
    assert article.published == dt.date(2025, 3, 12)
    assert article.modified == dt.date(2025, 3, 12)
    assert article.rules["published"] == "generic:updated-anywhere:modified-only"
    two_days = html.replace("</div></body>", "<p>Последна промяна: 14.03.2025</p></div></body>")
    assert extract(two_days, today=TODAY).published is None
    for label in ("Последна актуализация:", "Последно обновяване:"):
        noun = html.replace("Последна промяна:", label)
        assert extract(noun, today=TODAY).modified == dt.date(2025, 3, 12), label


def test_rdfa_date_on_a_page_element_is_read_like_a_meta_date() -> None:
    """Drupal 7's RDF module states a node's date only as RDFa on the visible span."""
    body = (
        '<div class="submitted"><span property="dc:date dc:created"'
        ' content="2025-03-11T09:30:00+02:00" datatype="xsd:dateTime">'
        "Публикувано от редактор</span></div>"
    )
    article = extract(page(body), today=TODAY)
    assert article.published == dt.datetime(
        2025, 3, 11, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.date_source == "meta"


def test_a_comments_rdfa_date_after_the_node_does_not_date_it() -> None:
    body = (
        '<span property="dc:date dc:created" content="2025-03-11T09:30:00+02:00"></span>'
        '<div class="comment"><span property="dc:date dc:created"'
        ' content="2025-03-14T18:00:00+02:00"></span></div>'
    )
    assert extract(page(body), today=TODAY).published == dt.datetime(
        2025, 3, 11, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )


@pytest.mark.parametrize("shown", ["нед, 03/02/2025 - 09:30", "Мария Петрова 03.02.2025"])
def test_a_shown_slash_date_in_the_other_order_confirms_the_metadata(shown: str) -> None:
    """Drupal's default "m/d/Y" beside the headline on a Bulgarian page: read day-first,
    "03/02/2025" is 3 February, weeks before the metadata's 2 March, and would replace it
    as an earlier first publication; read the other way round it is that very day. So
    is an American page's dotted "m.d.Y"."""
    head = '<meta property="article:published_time" content="2025-03-02T09:30:00+02:00">'
    article = extract(page(f"<p>{shown}</p>", head=head), today=TODAY)
    assert article.published == dt.datetime(
        2025, 3, 2, 9, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )


def test_a_shown_slash_date_that_reads_as_no_other_day_still_counts_as_earlier() -> None:
    head = '<meta property="article:published_time" content="2025-03-02T09:30:00+02:00">'
    article = extract(page("<p>15/01/2025</p>", head=head), today=TODAY)
    assert article.published == dt.date(2025, 1, 15)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<p>Публикувано: 14 III 2025 г.</p>", dt.date(2025, 3, 14)),
        ("<p>Русе, 14-ти март 2025 г.</p>", dt.date(2025, 3, 14)),
        ("<p>14-15 март 2025, читалище „Зора“</p>", dt.date(2025, 3, 14)),
        ("<p>28 февруари – 2 март 2025</p>", dt.date(2025, 2, 28)),
        ("<p>Заповед № РД-09-77/14.03.2025 г.</p>", dt.date(2025, 3, 14)),
        ("<p>14 mart 2025</p>", dt.date(2025, 3, 14)),
        ("<p>5 сен 2024</p>", dt.date(2024, 9, 5)),
    ],
)
def test_more_bulgarian_forms_date_the_page(line: str, expected: dt.date) -> None:
    article = extract(page(line), today=TODAY)
    assert article.published == expected
    assert article.rules["published"] == "generic:text-near-title"
    assert article.date_source == "text"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<p>Мария Иванова · преди ден</p>", dt.date(2025, 3, 19)),
        ("<p>преди седмица</p>", dt.date(2025, 3, 13)),
        ("<p>онзи ден</p>", dt.date(2025, 3, 18)),
        ("<p>Онзи ден, 18:40</p>", dt.datetime(2025, 3, 18, 18, 40)),
    ],
)
def test_relative_days_without_a_number_date_the_page(line: str, expected: dt.date) -> None:
    article = extract(page(line), today=FETCHED)
    assert article.published == expected
    assert article.rules["published"] == "generic:text-near-title"
    assert article.date_source == "text"


@pytest.mark.parametrize(
    "line",
    ["<p>Последна редакция: 14.03.2025</p>", "<p>Последно променена на 14.03.2025</p>"],
)
def test_more_update_labels_mark_the_pages_modified_date(line: str) -> None:
    article = extract(page(line), today=TODAY)
    assert article.modified == dt.date(2025, 3, 14)
    assert article.published == dt.date(2025, 3, 14)
    assert article.rules["published"] == "generic:text-near-title:modified-only"
    assert article.date_source == "text"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<p>14:35, 14 март 2025</p>", dt.datetime(2025, 3, 14, 14, 35)),
        ("<p>09:10 ч. | 14.03.2025</p>", dt.datetime(2025, 3, 14, 9, 10)),
        ("<p>14.03 – 15.03.2025, читалище „Зора“</p>", dt.date(2025, 3, 14)),
        ("<p>Състезание за клас 1 - 4 март 2025</p>", dt.date(2025, 3, 4)),
    ],
)
def test_times_and_spans_date_the_page(line: str, expected: dt.date) -> None:
    article = extract(page(line), today=TODAY)
    assert article.published == expected
    assert article.rules["published"] == "generic:text-near-title"
    assert article.date_source == "text"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<p class="byline">Мария Иванова | 28 ноември</p>', dt.date(2024, 11, 28)),
        ("<p>Мария Иванова, 15 март, 10:20 ч.</p>", dt.datetime(2025, 3, 15, 10, 20)),
        ("<p>15.03 | 10:20</p>", dt.datetime(2025, 3, 15, 10, 20)),
        ("<p>By Jane Doe · Mar 15</p>", dt.date(2025, 3, 15)),
    ],
)
def test_a_day_without_a_year_beside_the_headline_dates_the_page(
    line: str, expected: dt.date
) -> None:
    article = extract(page(line), today=TODAY)
    assert article.published == expected
    assert article.rules["published"] == "generic:text-near-title:yearless"
    assert article.date_source == "text"


def test_a_day_without_a_year_gives_way_to_a_fuller_date() -> None:
    line = "<p>Мария Иванова | 28 ноември</p>"
    article = extract(page(line), "https://example.bg/2024/11/27/remont", today=TODAY)
    assert article.published == dt.date(2024, 11, 27)
    assert article.date_source == "url"


@pytest.mark.parametrize(
    "line",
    [
        "<p>Мария Иванова | ноември 2024</p>",  # a month without a day
        "<p>Кметът обяви, че на 28 ноември ще има сесия.</p>",  # a day in a sentence
        "<p>В периода 3- 13 ноември бригадите ремонтираха мрежата.</p>",
        # a schedule: several days, none a byline's
        "<table><tr><td>Schedule</td><td>March 3 12pm</td><td>March 10 12pm</td></tr></table>",
    ],
)
def test_no_day_without_a_year_no_date(line: str) -> None:
    assert extract(page(line), today=TODAY).published is None


def test_no_day_without_a_year_without_a_fetch_time() -> None:
    assert extract(page("<p>Мария Иванова | 28 ноември</p>")).published is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<p>Мария Иванова · преди 2 месеца</p>", dt.date(2025, 1, 20)),
        ("<p>Мария Иванова · преди година</p>", dt.date(2024, 3, 20)),
        ("<p>By Jane Doe | a month ago</p>", dt.date(2025, 2, 20)),
    ],
)
def test_a_month_or_a_year_back_dates_the_page_coarsely(line: str, expected: dt.date) -> None:
    article = extract(page(line), today=FETCHED)
    assert article.published == expected
    assert article.rules["published"] == "generic:text-near-title:coarse"
    assert article.date_source == "text"


def test_a_month_back_in_prose_dates_no_page() -> None:
    line = "<p>Проектът започна преди 2 месеца и продължава.</p>"
    assert extract(page(line), today=FETCHED).published is None


def test_a_byline_box_classed_as_a_share_bar_still_dates_the_page() -> None:
    """A theme puts the byline and the date in its share bar ("post-share"): the class calls
    the box furniture, but a box this short right under the headline is the byline's."""
    box = (
        '<div class="post-share"><span>Мария Петрова</span> | <span>14.03.2025</span>'
        ' <a href="https://facebook.com/share">Facebook</a></div>'
    )
    article = extract(page(box), today=TODAY)
    assert article.published is not None and dates_local(article.published) == dt.date(2025, 3, 14)
    assert article.rules["published"] == "generic:text-near-title"


def test_a_caption_under_the_headline_picture_does_not_date_the_page() -> None:
    """A caption box right under the headline's picture names the day of the photograph."""
    picture = (
        '<img src="/most.jpg" alt=""><div class="photo-caption">Мостът на 12.03.2019 г. '
        "(Снимка: архив)</div>"
    )
    article = extract(page(picture + "<p>Публикувано на 14.03.2025 г.</p>"), today=TODAY)
    assert article.published is not None and dates_local(article.published) == dt.date(2025, 3, 14)


def test_a_pictures_own_box_with_its_caption_does_not_date_the_page() -> None:
    """WordPress's ``<figure class="wp-caption">`` under the headline, its caption naming
    the photograph's day: read as a byline's box (short, first under the headline, its
    class calling it furniture), it dated the page; the publication line stood under the
    text."""
    figure = (
        '<figure class="wp-caption"><img src="/priut.jpg" alt=""><figcaption class='
        '"wp-caption-text">Кучетата в стария приют, 12 март 2025 г. Снимка: архив'
        "</figcaption></figure>"
    )
    html = page(figure + '<p class="posted">Публикувано на 14.03.2025 г.</p>')
    article = extract(html, today=TODAY)
    assert article.published is not None and dates_local(article.published) == dt.date(2025, 3, 14)


@pytest.mark.parametrize(
    "line",
    [
        "<p>Версия 10.1 - 28.11.2024</p>",  # a version number, then the date
        "<p>Издание 3.2 – 28.11.2024</p>",
    ],
)
def test_a_numeric_day_and_month_months_before_a_date_starts_no_span(line: str) -> None:
    """A bare "d.m" first part spans to a date in its own month or the next at most:
    "14.03 – 15.04.2026" is an event's days, "10.1 - 28.11" a version and a date."""
    article = extract(page(line), today=TODAY)
    assert article.published == dt.date(2024, 11, 28)


def test_a_numeric_span_within_a_month_still_starts_at_its_first_day() -> None:
    article = extract(page("<p>28.02 – 03.03.2025, читалище „Зора“</p>"), today=TODAY)
    assert article.published == dt.date(2025, 2, 28)


@pytest.mark.parametrize(
    "text",
    [
        "28.11.2024, 14:35 | 29.11.2024",
        "28.11.2024 г., 14:35 ч. / 29.11.2024",
        "28 ноември 2024 г. 14:35 | 29.11.2024",
    ],
)
def test_a_time_after_a_date_is_not_the_next_dates(text: str) -> None:
    found = find_text_dates(text, today=TODAY)
    assert [d.value for d in found] == [dt.datetime(2024, 11, 28, 14, 35), dt.date(2024, 11, 29)]


@pytest.mark.parametrize(
    "line",
    [
        "<p>Мария Иванова | 12.05</p>",  # a time written with a dot
        "<p>Версия 10.12</p>",
        "<p>Версия 28.11</p>",  # no time, but a version's number
        "<p>Зала 24.10, втори етаж</p>",
        "<p>Мария Иванова · 09.10</p>",
    ],
)
def test_a_bare_day_and_month_that_reads_as_a_time_dates_no_page(line: str) -> None:
    assert extract(page(line), today=TODAY).published is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("<p>Мария Иванова | 28.11</p>", dt.date(2024, 11, 28)),  # no time is 28 hours
        ("<p>Мария Иванова | 12.05.</p>", dt.date(2024, 5, 12)),  # a day's closing dot
        ("<p>Публикувано: 12.05</p>", dt.date(2024, 5, 12)),
    ],
)
def test_a_bare_day_and_month_that_is_no_time_dates_the_page(line: str, expected: dt.date) -> None:
    assert extract(page(line), today=TODAY).published == expected


def test_a_guess_is_a_guess_whatever_its_rule_is_named() -> None:
    """``with_listed`` reads the guess from ``Article.published_guessed``, not from how the
    rule's name ends: a step that appends to the name must not turn a guess into a date."""
    from newsarchive.models import Article

    guessed = Article(
        published=dt.date(2024, 11, 28),
        date_source="text",
        date_note="guessed",
        rules={"published": "generic:text-near-title:yearless:some-later-step"},
    )
    listed = (dt.date(2024, 11, 27), "listing")
    dated = with_listed(guessed, listed, TODAY)
    assert (dated.published, dated.date_source, dated.date_note) == (
        dt.date(2024, 11, 27), "listing", None,
    )  # fmt: skip
    stated = Article(
        published=dt.date(2024, 11, 28),
        date_source="text",
        rules={"published": "generic:text-near-title:yearless"},
    )
    assert with_listed(stated, listed, TODAY).published == dt.date(2024, 11, 28)


@pytest.mark.parametrize(
    ("line", "guessed"),
    [
        ("<p>Мария Иванова | 28 ноември</p>", True),
        ("<p>Мария Иванова · преди 2 месеца</p>", True),
        ("<p>Мария Иванова | 28.11.2024</p>", False),
        # the tooltip names the whole day: the page states the year the guess took
        ('<p>Мария Иванова | <span title="28.11.2024, 14:35">28 ноември</span></p>', False),
    ],
)
def test_an_article_says_whether_its_date_is_a_guess(line: str, guessed: bool) -> None:
    article = extract(page(line), today=TODAY)
    assert article.published is not None
    assert article.published_guessed is guessed


EVENT = (
    "Сдружението организира двудневно обучение за експертите от общините, които отговарят "
    "за енергийната ефективност на общинските сгради и за тяхното саниране."
)


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        (f"<p>На 6 и 7 март 2025 г. {EVENT}</p>", 6),  # an event's two days: its first
        (f"<p>На 12 март 2025 г. {EVENT}</p>", 12),
        (f"<p>От 10-11 март 2025 г. {EVENT}</p>", 10),
        (f"<p>{EVENT} Обучението ще се проведе на 12.03.2025 г. в залата на общината.</p>", 12),
    ],
)
def test_a_date_the_story_tells_in_a_sentence_is_only_a_guess(lead: str, day: int) -> None:
    """A page showing no date of its own is dated by the event its first paragraph
    announces only as a guess, which a crawl replaces by the date its listing printed."""
    article = extract(page(lead), today=TODAY)
    assert article.published is not None and dates_local(article.published).day == day
    assert (article.date_source, article.published_guessed) == ("text", True)
    listed = with_listed(article, (dt.date(2025, 3, 4), "listing"), TODAY)
    assert (listed.published, listed.date_source, listed.date_note) == (
        dt.date(2025, 3, 4),
        "listing",
        None,
    )


@pytest.mark.parametrize(
    ("lead", "day"),
    [
        (f"<p>София, 12.03.2025 (БТА) {EVENT}</p>", 12),  # a dateline opens the paragraph
        (f"<p>Публикувано на 11.03.2025 г. {EVENT}</p>", 11),  # labelled: the page's
        (f"<p>Иван Петров, 10.03.2025</p><p>На 6 и 7 март 2025 г. {EVENT}</p>", 10),
    ],
)
def test_a_dateline_or_a_labelled_date_before_the_story_still_dates_the_page(
    lead: str, day: int
) -> None:
    article = extract(page(lead), today=TODAY)
    assert article.published is not None and dates_local(article.published).day == day
    assert (article.date_source, article.published_guessed) == ("text", False)


def _sentence(text: str, *, told: bool = False) -> bool:
    """Whether the last date of ``text`` reads inside a sentence."""
    found = find_text_dates(text, today=TODAY) or find_loose_dates(text, today=TODAY)
    return in_sentence(text, found[-1], told=told)


STORY = " Сдружението организира обучение за експертите от общините по енергийна ефективност."
PARAGRAPH = STORY * 2  # enough for a line of the story, not a byline's box


@pytest.mark.parametrize(
    ("text", "loose", "told"),
    [
        # a preposition before it, on a paragraph's line: the story's, either way
        ("Срещата ще се проведе на 12.03.2025 г." + PARAGRAPH, True, True),
        ("На 6 и 7 март 2025 г." + PARAGRAPH, True, True),  # capitalised, past a range
        ("от 10-11 март 2025 г." + PARAGRAPH, True, True),
        ("В сряда, 12.03.2025 г." + PARAGRAPH, True, True),  # past a weekday
        # any lower-case word: a sentence to the byline's rules, not to every date's
        ("Кметът подписа заповедта 10.03.2025, а общината я обяви." + PARAGRAPH, True, False),
        ("The fair, which opened on Monday, March 10, 2025, runs on.", True, False),
        # a short line is a box whatever word stands there; a name or a separator dates it
        ("Срещата е на 12.03.2025 г.", True, False),
        ("Мария Петрова · 12.03.2025", False, False),
        ("Мария Петрова | 27 и 28 ноември", False, False),
        ("София, 12.03.2025 (БТА)" + PARAGRAPH, False, False),  # a dateline
        # a label says whose date it is
        ("Публикувано на 28 ноември", False, False),
        ("Публикувано на 11.03.2025 г." + PARAGRAPH, False, False),
        ("Обновено на 18.03.2025" + PARAGRAPH, False, False),
    ],
)
def test_a_date_in_a_sentence_is_one_rule_in_two_strictnesses(
    text: str, loose: bool, told: bool
) -> None:
    """``in_sentence``: a lower-case word or a preposition before the date puts it in a
    sentence for the byline's rules (a guess or a correction of metadata is dropped on
    little evidence); only a Bulgarian preposition on a paragraph's line does for every
    date beside the headline. Range days and a weekday are read past."""
    assert (_sentence(text), _sentence(text, told=True)) == (loose, told)


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("<p>Публикувано на 28 ноември</p>", 28),  # labelled: the page's, though after "на"
        ("<p>Мария Петрова | 27 и 28 ноември</p>", 27),  # a span of two days: its first
        ("<p>На 28 ноември кметът откри новата зала.</p>", None),  # a sentence opens with it
    ],
)
def test_a_day_without_its_year_is_guessed_only_where_it_stands_as_the_pages(
    line: str, day: int | None
) -> None:
    article = extract(page(line), today=TODAY)
    assert (article.published.day if article.published else None) == day
    if day is not None:
        assert article.rules["published"] == "generic:text-near-title:yearless"


def test_a_weekday_between_the_preposition_and_the_date_keeps_it_the_storys() -> None:
    """ "В сряда, 12.03.2025 г. Сдружението организира…" tells the event's day: only a
    guess for a page showing no date of its own, which its listing's date replaces."""
    article = extract(page(f"<p>В сряда, 12.03.2025 г. {EVENT}</p>"), today=TODAY)
    assert article.published == dt.date(2025, 3, 12)
    assert article.rules["published"] == "generic:text-near-title:told"
    assert article.published_guessed


def _republished(shown: str, meta: str = "") -> str:
    """A page first published on 2 February and last saved on 18 March, by its metadata."""
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2025-02-02T10:00:00+02:00", '
        '"dateModified": "2025-03-18T10:00:00+02:00"}</script>' + meta
    )
    return page(f"<p>{shown}</p>", head=head)


@pytest.mark.parametrize(
    "shown", ["Мария Петрова · 10.03.2025", "Иван Колев | 10 март 2025, 09:15", "10.03.2025"]
)
def test_a_byline_day_between_the_metadatas_two_is_the_pages(shown: str) -> None:
    """The story was published again on the day its byline prints, after the metadata's
    first publication and before its last save: a reader takes that day."""
    article = extract(_republished(shown), today=TODAY)
    assert article.published is not None and dates_local(article.published).day == 10
    assert article.rules["published"] == "generic:text-near-title:between"
    assert article.modified is not None and article.modified.day == 18


@pytest.mark.parametrize(
    "shown",
    [
        "Обновена: 10.03.2025",  # labelled as a change
        "10.03.2025 Нова цена; 12.03.2025 Нов срок",  # a log of updates, not a byline
        "Кметът подписа заповедта 10.03.2025 г.",  # in a sentence
    ],
)
def test_other_days_beside_the_headline_leave_the_metadatas_publication(shown: str) -> None:
    """(The meta tags state the publication too: a change alone shown beside the headline
    would date a page whose publication only JSON-LD states.)"""
    stated = '<meta property="article:published_time" content="2025-02-02T10:00:00+02:00">'
    article = extract(_republished(shown, stated), today=TODAY)
    assert article.published is not None and dates_local(article.published).day == 2
    assert article.date_source == "jsonld"


def _changed(shown: str, meta: str = "") -> str:
    """JSON-LD alone states a publication a year before the last change the page shows."""
    head = (
        '<script type="application/ld+json">{"@type": "Article", '
        '"datePublished": "2024-02-02T10:00:00+02:00", '
        '"dateModified": "2025-03-18T10:00:00+02:00"}</script>' + meta
    )
    return page(f"<p>{shown}</p>", head=head)


@pytest.mark.parametrize(
    "shown", ["Обновена: 18.03.2025", "Мария Петрова · 18 март 2025", "Updated March 18, 2025"]
)
def test_a_page_showing_only_its_last_change_is_dated_by_it(shown: str) -> None:
    """The reader meets only the day of the change; the publication is stated once, in
    JSON-LD, for search engines."""
    article = extract(_changed(shown), today=TODAY)
    assert article.published is not None and dates_local(article.published).day == 18
    assert article.rules["published"] == "jsonld:dateModified:modified-only"
    assert article.date_note == "modified-only"


@pytest.mark.parametrize(
    ("shown", "meta"),
    [
        # the page's meta tags state the publication too: the CMS stands by it
        ("Обновена: 18.03.2025", '<meta property="article:published_time" content="2024-02-02">'),
        ("Обновена: 18.03.2025", '<meta name="pubdate" content="2024-02-02">'),
        ("Публикувана: 02.02.2024 | Обновена: 18.03.2025", ""),  # both shown
        ("Обновена преди 2 дни", ""),  # no day of its own
    ],
)
def test_the_stated_publication_stays_where_the_page_does_not_show_only_its_change(
    shown: str, meta: str
) -> None:
    article = extract(_changed(shown, meta), today=TODAY)
    assert article.published is not None and dates_local(article.published).year == 2024


@pytest.mark.parametrize(
    ("head", "shown"),
    [
        # JSON-LD states a publication and no change; the page labels a later day a change
        (
            '<script type="application/ld+json">{"@type": "Article", '
            '"datePublished": "2024-02-02T10:00:00+02:00"}</script>',
            "Обновена: 10.03.2025",
        ),
        # only the app's state names the publication
        (
            '<script>self.__data = {"publishedAt": "2024-02-02T08:00:00.000Z"}</script>',
            "Updated: March 10, 2025",
        ),
    ],
)
def test_a_change_labelled_on_the_page_dates_it_over_a_machine_only_publication(
    head: str, shown: str
) -> None:
    article = extract(page(f"<p>{shown}</p>", head=head), today=TODAY)
    assert article.published == dt.date(2025, 3, 10)
    assert article.rules["published"] == "generic:text-near-title:modified-only"
    assert article.date_note == "modified-only"


@pytest.mark.parametrize(
    ("changed", "day"),
    [
        (', "dateModified": "2025-03-10T09:00:00+02:00"', dt.date(2025, 3, 10)),
        ("", dt.date(2024, 2, 2)),  # no change stated that the box could show
    ],
)
def test_a_change_in_a_date_box_beyond_a_long_standfirst_dates_it_over_a_machine_only_one(
    changed: str, day: dt.date
) -> None:
    """The header's "Updated on" box stands after more standfirst than the windows by the
    headline reach: the page shows the stated change as its one day all the same."""
    head = (
        '<script type="application/ld+json">{"@type": "Article", '
        f'"datePublished": "2024-02-02T10:00:00+02:00"{changed}}}</script>'
    )
    standfirst = "<p>" + "Пълно ръководство за ремонта на улиците в квартала. " * 10 + "</p>"
    box = '<div class="header-update"><span>Обновена на</span> <span>10.03.2025</span></div>'
    article = extract(page(standfirst + box, head=head), today=TODAY)
    assert article.published is not None and dates_local(article.published) == day
    if changed:
        assert article.rules["published"] == "jsonld:dateModified:modified-only"
        assert article.date_note == "modified-only"


def test_a_change_within_a_week_of_the_publication_leaves_it() -> None:
    """A fresh story corrected days later is still the story of its day."""
    head = (
        '<script type="application/ld+json">{"@type": "Article", '
        '"datePublished": "2025-03-12T10:00:00+02:00"}</script>'
    )
    article = extract(page("<p>Обновена: 18.03.2025</p>", head=head), today=TODAY)
    assert article.published is not None and dates_local(article.published).day == 12
    assert article.date_source == "jsonld"


@pytest.mark.parametrize(
    ("line", "day"),
    [
        ("By <a href='/author/jane'>Jane Doe</a><span>Mar 5, 2025</span>", 5),
        ("<a href='/avtor/maria'>Мария Петрова</a><span>March 6, 2025 | 4 comments</span>", 6),
        ("<span>Amar 7, 2025</span>", None),  # no capital starts a word there
    ],
)
def test_a_month_first_date_run_on_to_the_name_before_it(line: str, day: int | None) -> None:
    """Inline elements join without a space: "Jane DoeMar 5, 2025" is a byline's date."""
    article = extract(page(f"<p>{line}</p>", lang="en"), today=TODAY)
    assert (article.published.day if article.published else None) == day


def test_schema_orgs_publication_in_microdata_is_no_meta_tag_of_its_own() -> None:
    """``itemprop="datePublished"`` repeats the JSON-LD's statement for the same search
    engines: the change the page shows alone still dates it."""
    microdata = '<meta itemprop="datePublished" content="2024-02-02T10:00:00+02:00">'
    article = extract(_changed("Обновена: 18.03.2025", microdata), today=TODAY)
    assert article.published is not None and dates_local(article.published).day == 18
    assert article.date_note == "modified-only"
    head = microdata + '<meta itemprop="dateModified" content="2025-03-18T10:00:00+02:00">'
    article = extract(page("<p>Обновена: 18.03.2025</p>", head=head), today=TODAY)
    assert article.published is not None and dates_local(article.published).day == 18
    assert article.rules["published"].endswith(":modified-only")


@pytest.mark.parametrize("filed", ["category-komentari", "tag-commentary", "category-comments"])
def test_an_opinion_piece_filed_under_commentary_is_no_readers_comment(filed: str) -> None:
    """WordPress names a post's ``<article>`` after its category and tags: a piece filed
    under "Коментари" is the article, and its ``<time>`` dates it even where the theme
    prints the headline above the ``<article>``, outside it."""
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 12 + "</p>"
    html_page = (
        '<html lang="bg"><head><title>Ремонт на улиците</title></head><body>'
        '<header class="page-header"><h1>Ремонт на улиците започва</h1></header>'
        f'<article class="post type-post {filed}"><div class="entry-meta">'
        '<time datetime="2025-03-08T10:20:00+02:00">8 март</time></div>'
        f"{prose}</article></body></html>"
    )
    article = extract(html_page, today=TODAY)
    assert article.published == dt.datetime(
        2025, 3, 8, 10, 20, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.date_source == "time"


@pytest.mark.parametrize("state", ["has-comments", "no-comments", "post-with-comments"])
def test_a_column_named_for_the_comments_beside_it_still_dates_the_article(state: str) -> None:
    """A layout state ("has-comments") on the column under a headline printed above it
    says what stands beside the article, not that the column is the comments."""
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 12 + "</p>"
    html_page = (
        '<html lang="bg"><head><title>Ремонт на улиците</title></head><body>'
        '<div class="hero"><h1>Ремонт на улиците започва</h1></div>'
        f'<div class="site-content {state}"><div class="entry-meta">'
        '<time datetime="2025-03-08T10:20:00+02:00">8 март</time></div>'
        f"{prose}</div></body></html>"
    )
    article = extract(html_page, today=TODAY)
    assert article.published == dt.datetime(
        2025, 3, 8, 10, 20, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )
    assert article.date_source == "time"


@pytest.mark.parametrize(
    ("shown", "published"),
    [
        ("19-Dec-2024 10:15", dt.datetime(2024, 12, 19, 10, 15)),
        ("19-Dec-2024", dt.date(2024, 12, 19)),
        ("07-фев-2025", dt.date(2025, 2, 7)),
        ("3-ян-2025, 08:30", dt.datetime(2025, 1, 3, 8, 30)),
    ],
)
def test_day_month_name_year_joined_by_hyphens(shown: str, published: dt.date) -> None:
    """An old CMS's "d-M-Y": the month's name between hyphens is still a date."""
    article = extract(page(f'<p class="date">Публикувано на {shown}</p>'), today=TODAY)
    assert article.published == published
    assert find_text_dates(shown)[0].value == published


@pytest.mark.parametrize(
    "text", ["ноември-декември 2024", "12-ти декември-2024", "12 декември-2024"]
)
def test_hyphens_without_a_name_between_them_are_no_day_month_year(text: str) -> None:
    """A span of months, or a name with one hyphen, is no hyphenated date."""
    assert find_text_dates(text) == []


def test_a_meta_date_longer_than_a_date_field_is_no_date() -> None:
    """``date_stamps.DATE_FIELD_CHARS``: a meta tag's (or JSON-LD's) "date" of hundreds of
    characters is no date, whatever date is at its end; read as text it was, and one of
    megabytes cost seconds."""

    def page(stated: str) -> str:
        return (
            '<html><head><title>Заглавие</title><meta property="article:published_time"'
            f' content="{stated}"></head><body><h1>Заглавие на статията</h1><p>'
            + "Текст на статията за общината. " * 20
            + "</p></body></html>"
        )

    today = dt.date(2025, 3, 14)
    assert extract(page("12.03.2024"), "https://x.bg/news/1", today=today).published == dt.date(
        2024, 3, 12
    )
    long = "Публикувано " * 30 + "12.03.2024"
    assert extract(page(long), "https://x.bg/news/1", today=today).published is None


def test_the_canonical_address_dates_a_page_read_at_another() -> None:
    """An article read at a second category's address names the one it lives at as
    canonical, whose address files it by day; another host's canonical (a copy's
    original) and a page's own dated address keep their own."""
    head = '<link rel="canonical" href="https://www.obshtina.bg/novini/2025-03-14-remont">'
    article = extract(page("", head=head), "https://obshtina.bg/kultura/remont", today=TODAY)
    assert article.published == dt.date(2025, 3, 14)
    assert (article.date_source, article.rules["published"]) == ("url", "generic:canonical-url")
    elsewhere = '<link rel="canonical" href="https://drug.bg/novini/2025-03-14-remont">'
    article = extract(page("", head=elsewhere), "https://obshtina.bg/kultura/remont", today=TODAY)
    assert article.published is None
    own = extract(page("", head=head), "https://obshtina.bg/2025/03/12/remont/", today=TODAY)
    assert (own.published, own.rules["published"]) == (dt.date(2025, 3, 12), "generic:url")
    # a canonical no address can be made of costs the page its rule, not its date field
    broken = extract(
        page("", head='<link rel="canonical" href="http://[bad">'),
        "https://obshtina.bg/kultura/remont",
        today=TODAY,
    )
    assert broken.published is None and not broken.fields_marked("error")


@pytest.mark.parametrize(
    "line",
    [
        "Срок за подаване: 31.03.2025 | Публикувано: 14.03.2025",
        "Валидно до 18.03.2025 · Дата на публикуване: 14.03.2025",
        "Deadline: March 18, 2025 | Published: March 14, 2025",
    ],
)
def test_a_day_the_window_labels_the_publication_wins_over_one_before_it(line: str) -> None:
    """A municipality's notice prints its deadline first and its publication after it, in
    the one line under the headline: the day labelled "Публикувано" is the page's."""
    article = extract(page(f'<div class="meta">{line}</div>'), today=TODAY)
    assert article.published == dt.date(2025, 3, 14)
    assert article.date_source == "text"


def kicker_page(before: str, body: str) -> str:
    """A page whose date stands above its headline (``before``), and whose story opens
    with a short paragraph telling another day (``body``)."""
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 6 + "</p>"
    return (
        '<html lang="bg"><head><title>Заседание на съвета</title></head><body><article>'
        f"{before}<h1>Заседание на съвета</h1>{body}{prose}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("before", "body", "published", "modified"),
    [
        # the story's short first paragraph tells the event's day, a sentence running on
        # after it: the page's own day is the one above the headline
        (
            "<span class='date'>14.03.2025</span>",
            "<p>На 20 март 2025 г. ще се проведе заседание на съвета.</p>",
            dt.date(2025, 3, 14),
            None,
        ),
        (
            "<div>Публикувано: 14.03.2025 | Редактирано: 16.03.2025</div>",
            "<p>От 18 март 2025 г. започва ремонт на улиците в центъра.</p>",
            dt.date(2025, 3, 14),
            dt.date(2025, 3, 16),
        ),
        # a day word before the day written out names it there, not counted from the fetch
        (
            "",
            "<p>Вчера, 13 март 2025 г., в зала 1 се проведе обсъждане.</p>",
            dt.date(2025, 3, 13),
            None,
        ),
    ],
)
def test_a_short_paragraph_telling_an_events_day_does_not_date_the_page(
    before: str, body: str, published: dt.date, modified: dt.date | None
) -> None:
    """A story's first paragraph shorter than ``dates.STORY_LINE``, its date running on
    into the sentence, tells the event's day as a long one does (``dates._runs_on_after``):
    the short line was read as a byline's box, and dated the page by the event."""
    article = extract(kicker_page(before, body), today=FETCHED)
    assert article.published is not None and dates_local(article.published) == published
    assert (article.modified and dates_local(article.modified)) == modified


@pytest.mark.parametrize(
    "line",
    [
        "Мария Петрова на 14.03.2025 | Новини",  # a byline's box: nothing runs on
        "Публикувано от Мария Петрова на 14.03.2025 г. в 10:15 ч.",
    ],
)
def test_a_short_byline_line_ending_in_its_date_still_dates_the_page(line: str) -> None:
    article = extract(page(f"<div class='meta'>{line}</div>"), today=FETCHED)
    assert article.published is not None and dates_local(article.published) == dt.date(2025, 3, 14)


def served_page(header: str, main: str) -> str:
    """A page whose site header (outside its ``<main>``) prints the day it was served."""
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 6 + "</p>"
    return (
        f'<html lang="bg"><head><title>Ремонт</title></head><body><div id="header">{header}'
        '<a href="/">Община Примерово</a></div><div id="menu"><a href="/">Начало</a> '
        f'<a href="/novini">Новини</a></div><main>{main}<article><h1>Ремонт на улиците</h1>'
        f"{prose}</article></main><footer>© 2025</footer></body></html>"
    )


@pytest.mark.parametrize(
    ("header", "main", "expected"),
    [
        # the header's clock, named as a date or not: the day served, no article's
        ('<div class="date">Четвъртък, 20 Март 2025</div>', "", None),
        ("<span>20.03.2025</span> | <span>Времето: 5°C</span>", "", None),
        # the day above the headline inside the content is the article's
        ('<div class="date">Четвъртък, 20 Март 2025</div>', "<span>14.03.2025</span>", 14),
        ("<span>20.03.2025</span>", '<div class="date">14.03.2025</div>', 14),
    ],
)
def test_the_day_a_site_header_prints_outside_main_dates_no_article(
    header: str, main: str, expected: int | None
) -> None:
    """An old municipal theme prints today's date in its header bar ("Четвъртък, 20 Март
    2025"): read as the date above the headline, or as an element named "date", it
    dated an undated article by the day it was crawled. Outside the page's ``<main>``
    (``furniture.page_content``) it dates nothing; a page naming no ``<main>`` is read as
    before."""
    article = extract(served_page(header, main), today=FETCHED)
    day = None if expected is None else dt.date(2025, 3, expected)
    assert (article.published and dates_local(article.published)) == day


def menu_page(header: str, between: str, under: str = "") -> str:
    """A page naming no ``<main>``: the site's header, its menu of five links, then the
    article (``between`` the menu and the headline, ``under`` the headline)."""
    prose = "<p>" + "Кметът представи плана за ремонт на улиците в квартала. " * 6 + "</p>"
    links = " ".join(
        f'<a href="/{path}">{name}</a>'
        for path, name in [
            ("", "Начало"), ("novini", "Новини"), ("obyavi", "Обяви"), ("kmet", "Кмет"),
            ("kontakti", "Контакти"),
        ]
    )  # fmt: skip
    return (
        f'<html lang="bg"><head><title>Ремонт</title></head><body><div class="top">{header}'
        f'</div><div class="logo"><a href="/">Община Примерово</a></div><div id="menu">{links}'
        f'</div><div class="content"><div class="article">{between}<h1>Ремонт на улиците</h1>'
        f'{under}{prose}</div></div><div class="foot">© 2025</div></body></html>'
    )


@pytest.mark.parametrize(
    ("header", "between", "under", "expected"),
    [
        # the header's clock above the menu, named as a date or not: the day served
        ('<span class="cur-date">Четвъртък, 20 Март 2025</span>', "", "", None),
        ("<span>Днес е четвъртък, 20 март 2025 г.</span>", "", "", None),
        # under the headline, a day without its year is the article's (this year's)
        ('<span class="cur-date">20 март 2025, четвъртък</span>', "", "<p>14 март, 12:30</p>", 14),
        # between the menu and the headline, a kicker's date is read
        ("<span>20.03.2025</span>", "<span>14.03.2025</span>", "", 14),
        # a date before a row of the post's categories (no menu: three links) is read
        (
            "",
            '<span class="date">14.03.2025</span> <a href="/o">Общество</a> '
            '<a href="/r">Русе</a> <a href="/p">Пътища</a>',
            "",
            14,
        ),
    ],
)
def test_the_day_a_site_header_prints_above_its_menu_dates_no_article(
    header: str, between: str, under: str, expected: int | None
) -> None:
    """Where no ``<main>`` bounds the content, the site's menu does: above it is the
    header, whose clock ("Четвъртък, 20 Март 2025", "Днес е …") is the day the page was
    served. Read as the date above the headline, or as an element named "date", it dated
    the article by the crawl, over the day without its year under the headline."""
    article = extract(menu_page(header, between, under), today=FETCHED)
    day = None if expected is None else dt.date(2025, 3, expected)
    assert (article.published and dates_local(article.published)) == day


@pytest.mark.parametrize("part", ["small", "span", "time"])
def test_a_date_the_headline_sets_apart_dates_the_page_and_leaves_its_title(part: str) -> None:
    """Bootstrap's page header, "<h1>Изложба … <small>14.03.2025</small></h1>": no
    window reads inside the headline, and the title kept the date as words of its own."""
    prose = "<p>" + "Музеят представя изложба на монети от региона и техните находки. " * 5
    html = (
        '<html lang="bg"><head><title>Музей</title></head><body><div class="page-header">'
        f"<h1>Изложба на тракийски монети <{part}>14.03.2025</{part}></h1></div>"
        f"{prose}</p></body></html>"
    )
    article = extract(html, today=FETCHED)
    assert article.title == "Изложба на тракийски монети"
    assert article.published is not None and dates_local(article.published) == dt.date(2025, 3, 14)


@pytest.mark.parametrize(
    ("printed", "refused"),
    [
        (dt.datetime(2026, 12, 8, 9, 0), True),  # past the eastmost clock at the fetch
        (dt.date(2026, 12, 8), True),  # a day no zone has reached
        (dt.datetime(2026, 12, 7, 22, 0), False),  # a clock ahead of UTC may show it
        (dt.date(2026, 12, 7), False),
    ],
)
def test_a_printed_time_past_every_clock_at_the_fetch_is_refused(
    printed: dt.date, refused: bool
) -> None:
    """An outage notice's "08.12.2026, 09:00" on a page fetched at 09:00 UTC the day
    before dated the page: a day's leeway let it through. No clock shows more than 14
    hours past UTC (``date_stamps.after``)."""
    fetched = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
    assert date_stamps.after(printed, fetched) is refused


def test_an_outage_notices_slot_tomorrow_dates_no_page() -> None:
    prose = "<p>" + "Ще бъде спряно водоподаването поради ремонт на водопровода. " * 4 + "</p>"
    html = (
        '<html lang="bg"><head><title>Спиране на водата</title></head><body><div class="post">'
        f"<h1>Спиране на водата в кв. Изток</h1><p>08.12.2026, 09:00 – 16:00 ч.</p>{prose}"
        "</div></body></html>"
    )
    article = extract(html, today=dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC))
    assert article.published is None


@pytest.mark.parametrize(
    "slot",
    [
        "07.12.2026 г., 13:00 – 16:00 ч.",
        "07.12.2026 10:00 до 14:00 ч.",
        "7 декември 2026, 9:00-12:00",
    ],
)
def test_a_date_opening_a_range_of_hours_is_a_slot_not_the_pages_date(slot: str) -> None:
    """An outage notice's first slot the day of the fetch, at hours still to come: read
    as a date it dated a notice that states no day of its own, and left its text."""
    streets = "<p>с. Каменица – ул. „Първа“, ул. „Втора“, ул. „Дунав“</p>"
    html = (
        '<html lang="bg"><head><title>Прекъсвания | Община Каменово</title></head><body>'
        "<div class='logo'><a href='/'>Община Каменово</a></div><div class='main'>"
        f"<h1>Планирани прекъсвания на електрозахранването</h1><p><strong>{slot}</strong></p>"
        f"{streets}<p><strong>10.12.2026 г., 10:00 – 14:00 ч.</strong></p>"
        "<p>с. Ливада – цялото село</p><p>Енергийното дружество се извинява за неудобството.</p>"
        "</div></body></html>"
    )
    article = extract(html, "https://kamenovo.example/novini/tok", today=_DEC_7)
    assert article.published is None, article.rules
    assert article.text.splitlines()[0] == slot


@pytest.mark.parametrize(
    ("text", "slot"),
    [
        ("07.12.2026 г., 13:00 – 16:00 ч.", True),
        ("20 май 2026 @ 18:00 - 19:30", True),
        ("06.12.2026 10:00 до 14:00", True),
        ("07/12/2026 13:00 - 16:00", True),  # a slash date's slot, and a short year's
        ("07.12.26 13:00 – 16:00", True),
        ("Публикувано: 06.12.2026 13:00 – Обновено", False),
        ("06.12.2026 13:00 - 14 души пострадаха", False),
    ],
)
def test_only_a_time_that_opens_a_range_of_hours_makes_its_date_a_slot(
    text: str, slot: bool
) -> None:
    """A slot is still a day (a calendar of events reads it), but no date line's."""
    found = find_text_dates(text, today=_DEC_7)
    assert [d.slot for d in found] == [slot]
    assert bool(date_line_dates(text, today=_DEC_7)) is not slot


_DEC_7 = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)


def test_ucozs_row_of_fields_under_the_text_dates_the_post() -> None:
    """uCoz's "eDetails" row under every module's post, its stars' stylesheet inlined in
    it: "Категория: … | Добавил: … (03.12.2026)". Where the address holds no day, the
    post had none."""
    stars = (
        "<div style='float:right'><style type='text/css'>.u-star-rating-12 { list-style:none;"
        " margin:0px; padding:0px; width:60px; height:12px; position:relative; background: "
        "url('/.s/img/stars/3/12.png') top left repeat-x }</style><ul class='u-star-rating-12'"
        "><li class='u-current-rating' style='width:100%;'></li></ul></div>"
    )
    html = (
        "<html lang='bg'><head><title>Открит сезон за лов - Ловна дружина</title></head><body>"
        "<table class='eBlock'><tr><td class='eTitle'>Открит сезон за лов на дива свиня</td>"
        "</tr><tr><td class='eMessage'>"
        + "Уведомяваме членовете на дружеството, че груповият лов започва в неделя. "
        * 4
        + f"</td></tr><tr><td class='eDetails1'>{stars}Категория: <a href='/news/1-0-1'>Обяви"
        "</a> | Добавил: <a href='javascript:;'>lovec</a> (03.12.2026)</td></tr>"
        "<tr><td class='eDetails2'>Преглеждания: 337 | Рейтинг: 5.0/2</td></tr></table>"
        "</body></html>"
    )
    article = extract(html, "https://lovna.example.ucoz.net/news/88", today=_DEC_7)
    assert str(article.published) == "2026-12-03", article.rules
