"""A page of news items in full (``extraction.full_items``): split when it is one, and
only then: a listing of teasers and an article with dated sections stay whole."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.discover.next_pages import older_year_url
from newsarchive.discover.urls import archive_key, current_key, item_url, url_key
from newsarchive.extraction.full_items import full_items
from newsarchive.harvest import judge
from newsarchive.markup import parse_html
from newsarchive.models import Page, Profile

URL = "https://kmetstvo-kameno.bg/novini.php"
PAGE = """<html><head><title>Новини - Кметство Камено</title></head><body>
<header><a href="/"><h1>Кметство Камено, община Планинска</h1></a></header>
<nav><a href="/">Начало</a> <a href="/novini.php">Новини</a>
<a href="/kontakti.php">Контакти</a></nav>
<div id="content"><h1>Новини</h1>{items}</div>
<div class="footer">Кметство Камено · тел. 0888 000 000</div></body></html>"""

FLAT = """
<a name="vodoprovod"></a><h3>Събрание на жителите за водопровода</h3>
<p><em>12.03.2026 г.</em></p>
<p>Кметът кани всички жители на общо събрание в салона на читалището в неделя от десет часа.</p>
<p>Ще се обсъди ремонтът на главния водопровод по улица Първа и кой ще го плати.</p>
<h3>Пролетно почистване на селото</h3>
<p><em>5 март 2026</em></p>
<p>В събота ще почистим парка и площада пред кметството; ръкавици и чували осигурява кметството.</p>
<h3 id="marta">Баба Марта в детската градина</h3>
<p><em>01.03.2026 г.</em></p>
<p>Децата от детската градина посрещнаха Баба Марта с песни и мартеници, изработени от тях.</p>
<p>Заповядайте на изложбата им в коридора на кметството през цялата седмица.</p>
<p>Към <a href="/novini-2025.php">Новини 2025</a></p>
"""

BOLD = """
<p><strong>22.02.2026 – Нов график на автобуса до града</strong></p>
<p>От понеделник автобусът тръгва от площада в шест и половина, а не в седем часа, както досега.</p>
<p><strong>15.02.2026 – Заседание на читалищното настоятелство</strong></p>
<p>Настоятелството ще приеме отчета за миналата година и плана за празниците през лятото.</p>
<p><strong>02.02.2026 – Ваксинация на домашните кучета</strong></p>
<p>Ветеринарният лекар ще ваксинира кучетата в двора на кметството в сряда от девет часа.</p>
"""


def _items(items_html: str, page: str = PAGE) -> list[tuple[str, str, str, str]]:
    tree = parse_html(page.format(items=items_html))
    return [
        (item.title, str(item.published), item.text, item.anchor)
        for item in full_items(tree, URL, dt.date(2026, 11, 30))
    ]


def test_items_laid_flat_under_headings_are_split_each_with_its_date_text_and_anchor() -> None:
    items = _items(FLAT)
    assert [(title, day, anchor) for title, day, _text, anchor in items] == [
        ("Събрание на жителите за водопровода", "2026-03-12", "vodoprovod"),
        ("Пролетно почистване на селото", "2026-03-05",
         "2026-03-05-proletno-pochistvane-na-seloto"),
        ("Баба Марта в детската градина", "2026-03-01", "marta"),
    ]  # fmt: skip
    assert items[0][2] == (
        "Кметът кани всички жители на общо събрание в салона на читалището в неделя от"
        " десет часа.\nЩе се обсъди ремонтът на главния водопровод по улица Първа и кой ще"
        " го плати."
    )
    # the link to the older news closing the page is no part of the last item
    assert items[2][2].endswith("през цялата седмица.")


def test_items_under_bold_lines_lose_the_date_from_their_title() -> None:
    items = _items(BOLD)
    assert [(title, day) for title, day, _t, _a in items] == [
        ("Нов график на автобуса до града", "2026-02-22"),
        ("Заседание на читалищното настоятелство", "2026-02-15"),
        ("Ваксинация на домашните кучета", "2026-02-02"),
    ]
    assert items[2][3] == "2026-02-02-vaksinatsiya-na-domashnite-kucheta"


def test_a_listing_of_teasers_linking_their_pages_is_not_split() -> None:
    teasers = "".join(
        f'<div class="item"><h3><a href="/novina.php?id={n}">{title}</a></h3>'
        f"<p>{day}</p><p>{text}</p>"
        f'<p><a href="/novina.php?id={n}">Прочети повече</a></p></div>'
        for n, title, day, text in [
            (3, "Събрание на жителите за водопровода", "12.03.2026",
             "Кметът кани всички жители на общо събрание в салона на читалището в неделя."),
            (2, "Пролетно почистване на селото", "05.03.2026",
             "В събота ще почистим парка и площада пред кметството, ръкавици осигуряваме."),
            (1, "Баба Марта в детската градина", "01.03.2026",
             "Децата от детската градина посрещнаха Баба Марта с песни и мартеници."),
        ]
    )  # fmt: skip
    assert _items(teasers) == []
    # the same without the linked headline: its "Прочети повече" alone makes it a teaser
    assert _items(teasers.replace("<h3><a", "<h3><span").replace("</a></h3>", "</span></h3>")) == []


def test_an_article_with_dated_sections_is_not_split() -> None:
    article = """<html><head><title>Как ремонтирахме читалището</title></head><body>
    <nav><a href="/">Начало</a> <a href="/novini.php">Новини</a></nav>
    <div class="post"><h1>Как ремонтирахме читалището за една година</h1>
    <p>Публикувано на 20.11.2026</p>
    <p>Ремонтът на сградата на читалището продължи цяла година, ето как мина по месеци.</p>
    <h2>12.03.2026 – Започва подмяната на покрива</h2>
    <p>Бригадата свали старите керемиди и подмени гредите над големия салон на читалището.</p>
    <h2>05.06.2026 – Нова дограма и изолация</h2>
    <p>Всички прозорци бяха сменени, а стените отвън получиха десет сантиметра изолация.</p>
    <h2>30.09.2026 – Салонът отново е отворен</h2>
    <p>С концерт на местния хор читалището отвори врати след ремонта пред пълен салон.</p>
    </div></body></html>"""
    assert full_items(parse_html(article), URL, dt.date(2026, 11, 30)) == []
    # and so is one that says it is an article, whatever its headline
    declared = article.replace(
        "<title>", '<meta property="og:type" content="article"><title>'
    ).replace("Как ремонтирахме читалището за една година", "Новини от ремонта")
    assert full_items(parse_html(declared), URL, dt.date(2026, 11, 30)) == []


def test_sections_headed_by_their_date_alone_are_not_items() -> None:
    """A day's bulletin under "19.11.2026 г.": a headline of words is what makes an item."""
    days = "".join(
        f"<h3>{day}</h3><p>{text}</p>"
        for day, text in [
            ("19.11.2026 г.",
             "Вечерта пожарникарите потушиха пожар в склад за дърва в края на селото."),
            ("18.11.2026 г.",
             "Полицаите задържаха шофьор без книжка на пътя между двете съседни села."),
            ("17.11.2026 г.",
             "През нощта непознат счупи стъклата на три спирки по главната улица."),
        ]
    )  # fmt: skip
    assert _items(days) == []


def test_two_items_are_no_page_of_items_and_undated_blocks_are_no_items() -> None:
    two = FLAT.split('<h3 id="marta">')[0]
    assert _items(two) == []
    undated = FLAT.replace("12.03.2026 г.", "в неделя").replace("5 март 2026", "в събота")
    assert _items(undated) == []


def test_only_an_items_address_keeps_its_fragment_in_the_archive_key() -> None:
    one = item_url("https://WWW.kameno.bg/novini.php?b=2&a=1#x", "marta")
    assert one == "https://www.kameno.bg/novini.php?b=2&a=1#marta"
    other = item_url("https://kameno.bg/novini.php", "vodoprovod")
    assert archive_key(one) == "kameno.bg/novini.php?a=1&b=2#marta"
    assert archive_key(one) != archive_key(other)
    # a link's fragment is no part of its identity, as ever
    assert url_key(one) == url_key("http://kameno.bg/novini.php?a=1&b=2")
    assert archive_key("https://kameno.bg/novini.php") == url_key("https://kameno.bg/novini.php")
    # a re-keyed archive keeps its items apart
    assert current_key("kameno.bg/novini.php#marta") == "kameno.bg/novini.php#marta"


def test_the_older_items_are_on_the_page_of_the_latest_year_before() -> None:
    profile = Profile(id="kameno", name="Кметство Камено", origin="https://kameno.bg")
    menu = (
        '<a href="/novini-2024.php">Новини 2024</a> <a href="/novini-2025.php">Новини 2025</a>'
        ' <a href="/novini-2026.php">Новини 2026</a> <a href="/den.php">12.03.2025</a>'
        ' <a href="/files/otchet-2025.pdf">Отчет 2025</a> <a href="https://drug.bg/2025">2025</a>'
        ' <a href="/budget-2025.php">Бюджет 2025</a> <a href="/programa.php">Програма 2023</a>'
    )
    page = f"<html><body>{menu}</body></html>"
    # the undated page of the latest items: its newest item's year may have a page too
    assert older_year_url(page, "https://kameno.bg/novini.php", profile, 2026) == (
        "https://kameno.bg/novini-2026.php"
    )
    assert older_year_url(page, "https://kameno.bg/novini-2026.php", profile, 2026) == (
        "https://kameno.bg/novini-2025.php"
    )
    assert older_year_url(page, "https://kameno.bg/novini-2025.php", profile, 2025) == (
        "https://kameno.bg/novini-2024.php"
    )
    assert older_year_url(page, "https://kameno.bg/novini-2024.php", profile, 2024) is None


def test_a_year_page_links_the_year_before_as_the_lists_own() -> None:
    """A line of years, "Архив: 2026 | 2025 | 2024", each a page under the list's
    ``/novini/``: on 2025's page, its own year in bold and no link, "2024" is the year
    before, under the list's path though not under the year page's own."""
    profile = Profile(id="godech", name="Кметство Годеч", origin="https://godech.bg")
    years = (
        '<p>Архив: <a href="/novini/2026/">2026</a> | <b>2025</b> | '
        '<a href="/novini/2024/">2024</a></p>'
    )
    rows = "".join(
        f'<li><a href="/novini/2025/n{k}.html">Новина номер {k} от селото</a></li>'
        for k in range(3)
    )
    text = "Дълъг текст за живота в селото, събитията и хората. " * 8
    page = f"<html><body><div><h1>Новини 2025</h1>{years}<ul>{rows}</ul><p>{text}</p></div>"
    assert older_year_url(page, "https://godech.bg/novini/2025/", profile, 2025) == (
        "https://godech.bg/novini/2024/"
    )
    # a gallery's years beside it are not the list's
    gallery = page.replace("/novini/2024/", "/galeria/2024/")
    assert older_year_url(gallery, "https://godech.bg/novini/2025/", profile, 2025) is None


def _queued(html: str) -> Page:
    url = "https://selo.example.bg/programa.html"
    return Page(
        url=url, final_url=url, status=200, headers={"content-type": "text/html"},
        content=html.encode(), text=html, encoding="utf-8",
        fetched_at=dt.datetime(2026, 5, 20, tzinfo=dt.UTC),
    )  # fmt: skip


def test_a_page_queued_as_an_article_is_split_only_without_a_headline_of_its_own() -> None:
    """A programme whose days are sections ("15 май 2026 г. – Концерт …", each with
    prose), under a headline of its own in an h2 (no h1, no og:type, no date in markup),
    is one article though its sections are built like items; under "Новини" it is a
    page of items."""
    part = "Жителите и гостите на селото са поканени на площада пред читалището вечерта."
    sections = "".join(
        f"<h3>{day} май 2026 г. – {name}</h3><p>{part} {part}</p>"
        for day, name in ((15, "Концерт на духовата музика"), (16, "Детски празник в парка"),
                          (17, "Заря и фойерверки над реката"))
    )  # fmt: skip
    profile = Profile(id="selo", name="Село", origin="https://selo.example.bg")
    for heading, split in (("Празниците на селото започват в петък", False), ("Новини", True)):
        html = (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Село</title></head>"
            f"<body><div class='content'><h2>{heading}</h2>{sections}</div></body></html>"
        )
        verdict = judge("https://selo.example.bg/programa.html", _queued(html), profile, None)
        assert (len(verdict.items) == 3) is split, heading
        assert (verdict.article is None) is split
        found = full_items(parse_html(html), "https://selo.example.bg/programa.html")
        assert bool(found) is split  # the headline over the sections, whatever the path


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        # the news's years: a run under an archive's heading or address, the listing's path
        (
            '<aside><h3>Архив</h3><a href="/y/2025">2025</a> <a href="/y/2024">2024</a></aside>',
            "/y/2025",
        ),
        ('<div><a href="/arhiv/2025">2025</a> <a href="/arhiv/2024">2024</a></div>', "/arhiv/2025"),
        ('<p><a href="/novini.php?godina=2025">2025 г.</a></p>', "/novini.php?godina=2025"),
        # a footer's year alone, a gallery's or a budget's run: none
        ('<footer><p>Община Камено <a href="/za-nas">2025</a></p></footer>', None),
        (
            '<aside><h3>Снимки</h3><a href="/f/2025">2025</a> <a href="/f/2024">2024</a></aside>',
            None,
        ),
        (
            '<ul><li><a href="/b/2025">2025</a></li><li><a href="/b/2024">2024</a></li></ul>',
            None,
        ),
    ],
)
def test_a_bare_year_link_is_the_news_year_only_beside_an_archive(
    block: str, expected: str | None
) -> None:
    profile = Profile(id="kameno", name="Кметство Камено", origin="https://kameno.bg")
    page = f"<html><body><main><a href='/novini.php?id=1'>Новина</a></main>{block}</body></html>"
    found = older_year_url(page, "https://kameno.bg/novini.php", profile, 2026)
    assert found == (f"https://kameno.bg{expected}" if expected else None)
