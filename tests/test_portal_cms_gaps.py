"""Round 98's open gaps (``test_round98_mirrors``), each on a page of its own shape: a
portal CMS's card whose headline is no link, its "Още..." beside the item's comments and
"send to a friend" links, under a "Предишни новини >>" to the list's next page; a
footer's "powered by" line after its copyright line; a table layout's short lines set in
the same ``<font>`` as the text's first line of prose."""

from __future__ import annotations

import datetime as dt

from newsarchive.discover.listings import news_items
from newsarchive.discover.next_pages import next_page_url
from newsarchive.extraction import extract
from newsarchive.models import Profile

FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
SITE = Profile(id="lozen", name="Община Лозен", origin="https://lozen.bg", hosts=("lozen.bg",))
LIST = "https://lozen.bg/modules.php?name=News"
ITEM = "https://lozen.bg/modules.php?name=News&file=article&sid={}"

NEWS = [
    (
        41,
        "Ремонтират покрива на читалището",
        "Понеделник, 23 Ноември 2026 @ 09:10:00",
        "Майсторите сменят керемидите.",
    ),
    (
        40,
        "Нов график на сметосъбирането",
        "Петък, 20 Ноември 2026 @ 14:02:11",
        "Камионите минават в сряда и събота.",
    ),
    (
        39,
        "Кметът прие граждани в село Брест",
        "Вторник, 17 Ноември 2026 @ 11:45:30",
        "На приема дойдоха двадесет души.",
    ),
]


def _card(sid: int, headline: str, day: str, lead: str) -> str:
    """PHP-Nuke's card: a bold headline that is no link, the day, the lead, and a foot of
    the item's links: "Още...", its comments (the article's address with the comment
    view's fields), its print copy and "send to a friend", both pictures."""
    item = f"modules.php?name=News&amp;file=article&amp;sid={sid}"
    return (
        '<table border="0" cellpadding="3" width="100%"><tr><td bgcolor="#E5E5E5">'
        f'<font class="title"><b>{headline}</b></font><br>'
        f'<font class="tiny">Публикувано от admin на {day} EET (Прочетено 12 пъти)</font>'
        f'</td></tr><tr><td><font class="content">{lead}</font></td></tr><tr><td align="right">'
        f'<font class="tiny">( <a href="{item}">Още...</a> | '
        f'<a href="{item}&amp;mode=&amp;order=0&amp;thold=0">Коментари (2)</a> | '
        f'<a href="modules.php?name=News&amp;file=print&amp;sid={sid}">'
        '<img src="images/print.gif" alt="Версия за печат"></a> '
        f'<a href="modules.php?name=News&amp;file=friend&amp;op=FriendSend&amp;sid={sid}">'
        '<img src="images/friend.gif" alt="Изпрати на приятел"></a> )</font></td></tr></table><br>'
    )


def _listing() -> str:
    popular = "".join(
        f'<tr><td><font size="1"><a href="article.php?sid={sid}">{headline}</a></font></td></tr>'
        for sid, headline in (
            (12, "Празник на града"),
            (9, "Пролетен панаир"),
            (7, "Нова детска площадка"),
        )
    )
    return (
        '<html><head><meta charset="utf-8"><title>Община Лозен - Новини</title></head><body>'
        '<table width="100%"><tr><td width="170"><a href="index.php">Начало</a><br>'
        '<a href="modules.php?name=News">Новини</a></td><td valign="top">'
        + "".join(_card(*news) for news in NEWS)
        + '<div align="center"><font class="content"><a href="modules.php?name=News&amp;pagenum=2">'
        "Предишни новини &gt;&gt;</a></font></div></td>"
        '<td width="180"><table><tr><td><b>Най-четени</b></td></tr>'
        f"{popular}</table></td></tr></table></body></html>"
    )


def test_cards_whose_only_link_is_more_are_the_list_not_the_most_read_box() -> None:
    """The cards' headlines are no links; each card's "Още..." stood alone, cut off from
    its headline and day by the comments and friend links beside it (other addresses in
    the card), so no card was dated and none was an item (before: no item at all here;
    on the beloizvor mirror, its "Най-четени" box was read as the list instead)."""
    items = news_items(_listing(), LIST, SITE, today=FETCHED.date())
    assert [card.url for card in items.cards] == [ITEM.format(sid) for sid, *_ in NEWS]


def test_previous_news_pointing_on_is_the_next_page_of_the_list() -> None:
    """PHP-Nuke's "Предишни новини >>" under the cards leads to the list's older page:
    the arrow pointing on did not fit the older link's words (before: no next page, and
    page 2 was taken for a list of its own, read every night)."""
    assert next_page_url(_listing(), LIST, SITE, 1) == LIST + "&pagenum=2"


def test_a_newer_page_pointing_on_is_no_older_page() -> None:
    """The same words lead only to the list's page N+1: one back to page 1 is none."""
    page = _listing().replace("&amp;pagenum=2", "&amp;pagenum=1")
    later = LIST + "&pagenum=2"
    assert next_page_url(page, later, SITE, 2) != LIST + "&pagenum=1"


def _table_page(title: str, head: str, body: str, footer: str) -> str:
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        '<table width="100%"><tr><td width="150"><a href="/">Начало</a><br>'
        '<a href="/news.php">Новини</a><br><a href="/contact.php">Контакти</a></td>'
        f'<td valign="top"><table width="100%"><tr><td>{head}</td></tr><tr><td>{body}</td></tr>'
        '</table></td><td width="180"><table><tr><td><b>Анкета</b></td></tr><tr><td>'
        "Харесва ли ви новият парк?<br>Да<br>Не</td></tr></table></td></tr></table>"
        f'<table width="100%"><tr><td align="center"><font size="1">{footer}</font></td></tr>'
        "</table></body></html>"
    )


def test_a_two_sentence_article_beats_the_powered_by_line_after_the_copyright() -> None:
    """e107's footer: the copyright line, then "Сайтът работи с …" in the same ``<font>``.
    The footer rule took the box only up to its copyright line, so the line after it,
    prose, outweighed a short article (before: the text ran from the headline to that
    line; on the tsarevbrod mirror, that line alone was the text)."""
    page = _table_page(
        "Вестник Лозен / Пейки в парка",
        '<font size="3"><b>Нови пейки в градския парк</b></font><br>'
        '<font size="1">Публикувано от Мария Илиева на Сряда 25 Ноември 2026 - 10:20:00</font>',
        '<font size="2"><p>Общината постави двадесет нови пейки.</p>'
        "<p>Старите ще бъдат боядисани.</p></font>",
        "Вестник Лозен &copy; 2008-2026. Всички права запазени.<br>"
        "Сайтът се поддържа със свободен софтуер, разпространяван под лиценз GNU GPL.",
    )
    article = extract(page, "https://lozen.bg/news.php?item.7", today=FETCHED)
    assert article.text == "Общината постави двадесет нови пейки.\nСтарите ще бъдат боядисани."


def test_a_footer_closes_no_text_where_the_headline_is_no_heading() -> None:
    """PHP-Nuke: the headline in ``<font class="title">``, ``<title>`` the site's name
    alone, so no heading was the headline, and the footer rule, which needs one, left the
    footer's trademark and copyright lines weighed as prose: they outweighed the article,
    and the text ran from them to the page's end, the poll with it (before: the poll's
    question and the footer's lines were in the text)."""
    page = _table_page(
        "Община Лозен",
        '<font class="title"><b>Почистване на речното корито</b></font><br>'
        '<font class="tiny">Публикувано от admin на Петък, 20 Ноември 2026 @ 14:02:11 EET</font>',
        '<font class="content"><p>Багери почистват коритото на реката до моста.</p>'
        "<p>Работата ще приключи до петък.</p></font>",
        "Всички лога и търговски марки в сайта са собственост на притежателите им.<br>"
        "Системата е собственост на своите автори. Всички права запазени.<br>"
        "Страницата е генерирана за 0.05 секунди",
    )
    article = extract(page, "https://lozen.bg/modules.php?name=News&file=article&sid=3")
    assert article.text == (
        "Багери почистват коритото на реката до моста.\nРаботата ще приключи до петък."
    )


def test_short_lines_in_the_text_s_own_type_are_no_headline_over_it() -> None:
    """An old table layout sets each paragraph in ``<p><font size=2>``; the first two
    are short (no prose by their length), so the second one's ``<font>``, nearest above
    the first line of prose, was taken for the headline and the lines up to it were cut
    (before: the title was the second line, the text its last line alone)."""
    page = (
        '<html><head><meta charset="utf-8"><title>Пейки в парка :: Областна управа Лозен'
        '</title></head><body><table><tr><td><a href="/">Начало</a></td></tr><tr><td>'
        "<font face=Verdana size=2 color=#003366><b>Нови пейки в градския парк</b></font><br>"
        "<font size=1>25 Ноември 2026</font></td></tr><tr><td>"
        "<p><font face=Verdana size=2>Пейките са от дъб и метал.</font></p>"
        "<p><font face=Verdana size=2>Поставени са по главната алея.</font></p>"
        "<p><font face=Verdana size=2>Общината ще засади и нови дървета край тях до пролетта."
        "</font></p></td></tr></table></body></html>"
    )
    article = extract(page)
    assert article.title == "Нови пейки в градския парк"
    assert article.text.startswith("Пейките са от дъб и метал.\nПоставени са по главната алея.")
