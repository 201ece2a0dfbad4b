"""Dates as pages in the other languages print them: "3 hours ago" counted back from the
fetch in each language a site here may write in, the months of Czech, Slovak, Ukrainian
and Serbian as a date line writes them, and an address filing a story under a day of one
digit ("/2026/12/7/"). Each page is written for this test in a news theme's plain markup:
the headline, a line with the writer and the date, two paragraphs of the story.
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.date_stamps import parse_url_date
from newsarchive.dates import find_text_dates
from newsarchive.discover import listings
from newsarchive.discover.cards import Card
from newsarchive.extraction import extract
from newsarchive.markup import parse_html

FETCHED = dt.datetime(2026, 12, 7, 15, 0)


def _news_page(lang: str, meta: str, *, url_tail: str = "local/bridge-reopens") -> str:
    """A story page whose only date is ``meta``, the line under its headline."""
    story = "".join(
        f"<p>{line}</p>"
        for line in (
            "The old bridge over the river reopens to traffic after two years of repairs. " * 3,
            "Buses return to their former route from Monday, the transport office says. " * 3,
        )
    )
    return (
        f'<!-- URL: https://news.example/{url_tail} --><html lang="{lang}"><head>'
        "<title>Bridge reopens</title></head><body><main><article><h1>Bridge reopens</h1>"
        f'<div class="story-meta">{meta}</div><div class="story-body">{story}</div>'
        "</article></main><footer><p>© 2026 News</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("meta", "lang", "expected"),
    [
        ('<span class="when">vor 4 Stunden</span> · <span>Von Jana Roth</span>', "de",
         dt.datetime(2026, 12, 7, 11, 0)),
        ('<span class="by">Claire Dubois</span> <span class="when">Publié il y a 3 heures</span>',
         "fr", dt.datetime(2026, 12, 7, 12, 0)),
        ('<div class="by">Lucía Gómez</div><div class="when">hace 20 minutos</div>', "es",
         dt.datetime(2026, 12, 7, 14, 40)),
        ('<span class="when">há 2 dias</span>', "pt", dt.date(2026, 12, 5)),
        ('<div class="when">Pubblicato 5 ore fa · Marco Neri</div>', "it",
         dt.datetime(2026, 12, 7, 10, 0)),
        ('<span class="by">Pieter Jansen</span> <span class="when">2 uur geleden</span>', "nl",
         dt.datetime(2026, 12, 7, 13, 0)),
        ('<span class="when">3 godziny temu</span>', "pl", dt.datetime(2026, 12, 7, 12, 0)),
        ('<span class="when">před 2 hodinami</span>', "cs", dt.datetime(2026, 12, 7, 13, 0)),
        ('<span class="by">Ana Pop</span> · <span class="when">acum 6 ore</span>', "ro",
         dt.datetime(2026, 12, 7, 9, 0)),
        ('<a class="by" href="#">Mehmet Kaya</a> · <span class="when">2 gün önce</span>', "tr",
         dt.date(2026, 12, 5)),
        ('<span class="when">5 годин тому</span>', "uk", dt.datetime(2026, 12, 7, 10, 0)),
        ('<span class="when">πριν από 2 ώρες</span>', "el", dt.datetime(2026, 12, 7, 13, 0)),
        ('<span class="when">2小时前</span>', "zh", dt.datetime(2026, 12, 7, 13, 0)),
        ('<span class="when">45分前</span>', "ja", dt.datetime(2026, 12, 7, 14, 15)),
    ],
)  # fmt: skip
def test_a_count_ago_in_another_language_is_counted_back_from_the_fetch(
    meta: str, lang: str, expected: dt.date
) -> None:
    article = extract(_news_page(lang, meta), today=FETCHED)
    assert article.published == expected
    assert article.date_source == "text"


@pytest.mark.parametrize(
    ("prose", "date_line"),
    [
        ("Die Feuerwehr war vor 3 Stunden ausgerückt, sagte der Sprecher.",
         "Aktualisiert vor 3 Stunden"),
        ("Vor 3 Stunden brach das Feuer im Keller aus.", "Jana Roth | vor 3 Stunden"),
        ("Il y a 3 heures, les pompiers sont arrivés sur place.", "Il y a 3 heures"),
        ("Il sindaco ha parlato 3 ore fa con i residenti.", "Marco Neri · 3 ore fa"),
        ("Yangın 3 saat önce başladı ve söndürüldü.", "Mehmet Kaya 3 saat önce"),
        ("Der Umbau dauert 3 Stunden.", "vor 3 Stunden"),  # a length of time, no "ago"
    ],
)  # fmt: skip
def test_a_count_ago_is_a_date_on_a_date_line_not_in_a_sentence(prose: str, date_line: str) -> None:
    assert find_text_dates(prose, today=FETCHED) == []
    (date,) = find_text_dates(date_line, today=FETCHED)
    assert date.value == dt.datetime(2026, 12, 7, 12, 0)


def test_the_ukrainian_hours_are_no_bulgarian_years() -> None:
    """Ukrainian "години" are hours, Bulgarian ones years: "преди 3 години" stays no day
    (a year back is a loose date), "3 години тому" is three hours back."""
    assert find_text_dates("преди 3 години", today=FETCHED) == []
    (date,) = find_text_dates("3 години тому", today=FETCHED)
    assert date.value == dt.datetime(2026, 12, 7, 12, 0)


@pytest.mark.parametrize(
    ("prose", "date_line", "expected"),
    [
        ("Heute beginnt der Umbau der Brücke.", "Jana Roth | heute, 09:40",
         dt.datetime(2026, 12, 7, 9, 40)),
        ("Der Bürgermeister sprach gestern mit den Anwohnern.", "gestern um 18:05",
         dt.datetime(2026, 12, 6, 18, 5)),
        ("Mehr Informationen finden Sie hier.", "Publié hier à 14h30",
         dt.datetime(2026, 12, 6, 14, 30)),
        ("Anmeldung: hier", "Hier, 08:15", dt.datetime(2026, 12, 6, 8, 15)),  # German "here"
        ("Ayer el alcalde visitó el puente.", "Lucía Gómez · Ayer", dt.date(2026, 12, 6)),
        ("Oggi il sindaco inaugura il ponte.", "Pubblicato oggi alle 10:05",
         dt.datetime(2026, 12, 7, 10, 5)),
        ("Dün belediye başkanı köprüyü açtı.", "Dün 18:40", dt.datetime(2026, 12, 6, 18, 40)),
        ("Вчора мер відкрив міст.", "вчора о 10:20", dt.datetime(2026, 12, 6, 10, 20)),
        ("Σήμερα ο δήμαρχος εγκαινίασε τη γέφυρα.", "ΣΗΜΕΡΑ, 11:00",
         dt.datetime(2026, 12, 7, 11, 0)),
        ("今天头条新闻", "昨天 14:30", dt.datetime(2026, 12, 6, 14, 30)),
    ],
)  # fmt: skip
def test_a_day_word_in_another_language_is_a_date_on_a_date_line_not_in_a_sentence(
    prose: str, date_line: str, expected: dt.date
) -> None:
    assert find_text_dates(prose, today=FETCHED) == []
    (date,) = find_text_dates(date_line, today=FETCHED)
    assert date.value == expected


def test_a_bulgarian_sites_name_in_latin_letters_says_no_day() -> None:
    """ "Dnes" is the Bulgarian "днес" (today) in Latin letters, as sites' names spell it:
    the Czech "today" is left out. "Včera" (yesterday) is no such name."""
    assert find_text_dates("Царевброд Днес | tsarevbrod-dnes.com", today=FETCHED) == []
    (date,) = find_text_dates("Jan Novák | včera", today=FETCHED)
    assert date.value == dt.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("gestern", dt.date(2026, 12, 6)), ("vor 3 Tagen", dt.date(2026, 12, 4))],
)
def test_a_lone_cards_day_in_another_language_is_read_where_printed_apart(
    printed: str, expected: dt.date
) -> None:
    """A list's last page of one news, the card its whole block: "gestern" in an element
    of its own dates it, as "вчера" does, though the block's text runs on from its
    heading ("Aktuelles gestern Umbau …")."""
    html = (
        "<html><body><main><h1>Aktuelles</h1><ul class='news-list'><li>"
        f'<span class="date">{printed}</span> <a href="/news/500">Umbau beginnt</a></li></ul>'
        "<div class='pagination'>Seite 2 von 2</div></main></body></html>"
    )
    main = parse_html(html).css_first("main")
    assert main is not None
    card = Card(node=main, url="https://stadt.example/news/500", order=0,
                link_texts=("Umbau beginnt",), link_words=2)  # fmt: skip
    assert listings.card_date(card, today=FETCHED) == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Publikováno 5. ledna 2026 · Autor: Jan Novák", "2026-01-05"),  # Czech
        ("Zveřejněno 28. listopadu 2026", "2026-11-28"),  # Czech November, not October
        ("Uverejnené 4. júla 2026", "2026-07-04"),  # Slovak
        ("Середа, 12 березня 2026, 10:20", "2026-03-12T10:20:00"),  # Ukrainian
        ("20 листопада 2026", "2026-11-20"),
        ("уторак, 03. феб 2026, 09:15", "2026-02-03T09:15:00"),  # Serbian, shortened
        ("петак, 18. дец 2026", "2026-12-18"),
        ("Gepubliceerd op 19 februari 2026", "2026-02-19"),  # Dutch
        ("7 mrt. 2026", "2026-03-07"),
    ],
)
def test_a_day_and_month_name_in_another_language_is_read(text: str, day: str) -> None:
    (date,) = find_text_dates(text, today=dt.datetime(2026, 12, 20, 12, 0))
    assert date.value.isoformat() == day


def test_a_czech_date_line_dates_the_page() -> None:
    meta = '<p class="info">Publikováno 2. prosince 2026 · Autor: Petra Dvořáková</p>'
    article = extract(_news_page("cs", meta), today=FETCHED)
    assert article.published == dt.date(2026, 12, 2)
    assert article.date_source == "text"


@pytest.mark.parametrize(
    ("dated", "day", "undated"),
    [
        # the day's digit running on into an id, a letter, or the folder not its own
        ("news/2026/12/7/7512345/", dt.date(2026, 12, 7), "news/2026/12/7512345/"),
        ("2026/3/9/bridge-reopens", dt.date(2026, 3, 9), "2026/3/9x/bridge-reopens"),
        ("2026/3/19/bridge-reopens", dt.date(2026, 3, 19), "2026-3-19-bridge-reopens"),
        ("item/2026/3/9/", dt.date(2026, 3, 9), "item/p2026/3/9/"),
    ],
)
def test_a_day_of_one_digit_is_read_from_its_own_folder_only(
    dated: str, day: dt.date, undated: str
) -> None:
    assert parse_url_date(f"https://news.example/{dated}", today=FETCHED.date()) == day
    assert parse_url_date(f"https://news.example/{undated}", today=FETCHED.date()) is None


def test_an_undated_story_takes_the_unpadded_day_its_address_files_it_under() -> None:
    page = _news_page("en", '<span class="by">Ann Lee</span>')
    article = extract(page, "https://news.example/city/2026/12/3/bridge-reopens/", today=FETCHED)
    assert article.published == dt.date(2026, 12, 3)
    assert article.date_source == "url"


@pytest.mark.parametrize("date_line", ["Ayer, 6:30 PM", "Ayer, 6:30 p.m.", "Ontem 6:30 PM"])
def test_a_day_words_afternoon_time_is_read_in_capitals_too(date_line: str) -> None:
    """A Latin American site's "Ayer, 6:30 PM": the other languages' day words are matched
    as printed, not ignoring case, and "PM" was not read (06:30)."""
    (date,) = find_text_dates(date_line, today=FETCHED)
    assert date.value == dt.datetime(2026, 12, 6, 18, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026年11月28日 16:45", dt.datetime(2026, 11, 28, 16, 45)),
        ("发布时间：2026年11月08日 来源：本报", dt.date(2026, 11, 8)),
        ("2026 年 3 月 9 日", dt.date(2026, 3, 9)),
        ("2026년 11월 28일", dt.date(2026, 11, 28)),
    ],
)
def test_a_chinese_japanese_or_korean_date_is_read_from_the_text(
    text: str, expected: dt.date
) -> None:
    """The year, the month and the day each with its sign: no date pattern read them, and
    a page of those scripts was dated by its metadata or not at all."""
    (date,) = find_text_dates(text, today=FETCHED)
    assert date.value == expected


def test_a_chinese_story_is_dated_by_the_line_under_its_headline() -> None:
    html = (
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>杭州西湖边新开一座城市书房_示例日报</title></head><body>"
        '<div class="nav"><a href="/">首页</a> <a href="/city">城市</a></div>'
        '<div class="article"><h1>杭州西湖边新开一座城市书房</h1>'
        '<div class="info"><span>本报记者 王芳</span><span>2026年11月28日 16:45</span></div>'
        '<div class="content"><p>位于西湖边的城市书房昨日正式对市民开放，书房共有藏书两万余册，'
        "全天免费开放，市民凭身份证即可借阅图书。</p><p>据介绍，这是今年全市新建的第十二座城市书房，"
        "明年还将在各个街道再建设八座，方便市民就近阅读。</p></div></div>"
        '<div class="footer">版权所有 示例日报</div></body></html>'
    )
    article = extract(html, "https://news.example.cn/city/2026-11/shufang.html", today=FETCHED)
    assert article.published == dt.datetime(2026, 11, 28, 16, 45)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Lima · 28.nov.2026 às 9h40", dt.datetime(2026, 11, 28, 9, 40)),
        ("28.nov.2026 às 21h", dt.datetime(2026, 11, 28, 21, 0)),
        ("Publié le 28 novembre 2026 à 9h", dt.datetime(2026, 11, 28, 9, 0)),
        ("Marc Petit | hier à 21h", dt.datetime(2026, 12, 6, 21, 0)),
    ],
)
def test_a_day_joined_by_dots_and_an_hour_alone_after_its_at_are_read(
    text: str, expected: dt.date
) -> None:
    """ "28.nov.2026": the day, the month's short name and the year joined by dots, as a
    Brazilian daily prints them, was no date; an hour alone after "à"/"às" ("à 21h") was
    no time, so "hier à 21h" was no date either."""
    (date,) = find_text_dates(text, today=FETCHED)
    assert date.value == expected


@pytest.mark.parametrize("text", ["Durée : 2h", "Il y a 3h de route.", "Ouvert de 9h à 18h"])
def test_an_hour_alone_elsewhere_is_no_time(text: str) -> None:
    """A guard: "2h" is a duration as often, and an hour's range is no date."""
    assert find_text_dates(text, today=FETCHED) == []


def test_a_day_joined_by_dots_to_a_capitalised_month_is_no_date() -> None:
    """A journal's "preprint first published 02.Mar.2026": a citation's style, whose
    month is capitalised, where the languages printing the form write it in lower case;
    read, it stood as the page's labelled publication over the article's own day."""
    assert find_text_dates("preprint first published 02.Mar.2026 .", today=FETCHED) == []
