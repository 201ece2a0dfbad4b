"""A news page's chrome in the languages a probe of other sites found it unread in: a
"see also" label left alone over its dropped links ("Lesen Sie auch", "Leggi anche",
"LEIA TAMBÉM:"), related headings in Dutch, Czech, Slovak, Ukrainian, Chinese and
Japanese, a call to follow the site on a network ("Читайте … в Telegram"), and a Chinese
page's closing editor or source credit ("责任编辑：…"). Each page is written for this
test, in a news theme's plain markup."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.clean import STANDS_AS_RELATED, is_boilerplate_line

STORY = (
    "Der Gemeinderat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen, "
    "nach einer Debatte von fast vier Stunden.",
    "Den größten Posten bildet die Sanierung der Grundschule am Markt, für die knapp zwei "
    "Millionen Euro vorgesehen sind.",
    "Die Opposition kritisierte, dass für den Radverkehr erneut kaum Geld übrig bleibe, und "
    "stimmte geschlossen gegen den Entwurf.",
    "Der Bürgermeister kündigte an, im Frühjahr einen Nachtragshaushalt für die Radwege "
    "vorzulegen, sobald die Fördermittel des Landes feststehen.",
)


def _page(middle: str, end: str = "", lang: str = "de") -> str:
    first, second, third, fourth = (f"<p>{line}</p>" for line in STORY)
    return (
        f'<html lang="{lang}"><head><title>Haushalt beschlossen</title></head><body>'
        '<header><nav><a href="/">Start</a> <a href="/lokales">Lokales</a></nav></header>'
        '<main><article><h1>Haushalt beschlossen</h1><div class="text">'
        f"{first}{second}{middle}{third}{fourth}{end}</div></article></main>"
        "<footer><p>© 2026 Stadtanzeiger</p></footer></body></html>"
    )


_LINKS = (
    '<ul><li><a href="/a/1">Neue Ampel an der Hauptstraße geht in Betrieb</a></li>'
    '<li><a href="/a/2">Weihnachtsmarkt öffnet am Freitag</a></li></ul>'
)


@pytest.mark.parametrize(
    "label",
    [
        '<span class="label">Lesen Sie auch</span>',
        '<p class="read-also-title">Leggi anche</p>',
        "<strong>LEIA TAMBÉM:</strong>",
        "<span>Related:</span>",
    ],
    ids=["span", "p", "strong", "english"],
)
def test_a_see_also_label_goes_with_the_links_under_it(label: str) -> None:
    """The box's links go as a list of links; its label, in an element of its own, went
    on as a line of the text. Over a paragraph the text keeps, its link in a sentence,
    the same label stays: label and links go together, or stay together."""
    box = f'<div class="box">{label}{_LINKS}</div>'
    kept = (
        "<p>Leggi anche</p><p>Der <a href='/a/3'>Bericht des Kämmerers</a> erklärt auf zwölf "
        "Seiten, wofür die Gemeinde im nächsten Jahr Schulden aufnimmt.</p>"
    )
    text = extract(_page(box, kept), "https://example.org/lokales/haushalt").text
    assert text.split("\n") == [
        *STORY,
        "Leggi anche",
        "Der Bericht des Kämmerers erklärt auf zwölf Seiten, wofür die Gemeinde im nächsten "
        "Jahr Schulden aufnimmt.",
    ]


def test_a_label_over_a_list_the_text_keeps_part_of_stays() -> None:
    """One of the list's lines is more text than link: the text keeps it, and the label
    over the list stays with it, though the lines all link went."""
    box = (
        '<div class="box"><p>Lesen Sie auch</p><ul>'
        '<li><a href="/a/1">Neue Ampel an der Hauptstraße</a></li>'
        '<li><a href="/a/2">Weihnachtsmarkt öffnet am Freitag</a></li>'
        '<li><a href="/a/4">Der Haushaltsplan</a> mit allen Zahlen der Verwaltung, '
        "Kapitel für Kapitel erklärt und kommentiert</li></ul></div>"
    )
    # (the first test's page, the label dropped with its links: both there, or neither)
    dropped = extract(_page(f'<div class="box"><p>Lesen Sie auch</p>{_LINKS}</div>')).text
    assert "Lesen Sie auch" not in dropped
    text = extract(_page(box), "https://example.org/lokales/haushalt").text
    assert "Lesen Sie auch" in text.split("\n")


@pytest.mark.parametrize(
    "heading",
    [
        "Lees ook", "Lees meer", "Meer over dit onderwerp", "Gerelateerde artikelen",
        "Zie ook:", "Čtěte také", "Související články", "Čítajte aj", "Súvisiace články",
        "Читайте також", "Схожі новини", "相关阅读", "延伸阅读：", "相關新聞", "関連記事",
    ],
)  # fmt: skip
def test_a_related_heading_in_more_languages_cuts_its_box(heading: str) -> None:
    """The heading over a box of other stories set among the paragraphs ("Lees ook" over
    one link, as a Dutch broadcaster's page prints it) stands as a related heading, and
    the box goes with it; the text goes on after it."""
    assert STANDS_AS_RELATED.match(heading), heading
    box = (
        f'<div class="embed-related"><h3>{heading}</h3>'
        '<a href="/a/9">Waterschappen: stormseizoen was het zwaarste in jaren</a></div>'
    )
    text = extract(_page(box, lang="nl"), "https://example.org/nieuws/1").text
    assert text.split("\n") == list(STORY)


_PROMOS = [
    "Читайте Вестник в Telegram",
    "Подписывайтесь на наш канал в Дзене",
    "Подписывайтесь на нас во ВКонтакте!",
    "Підписуйтесь на наш Telegram-канал",
    "Абонирайте се за канала ни във Viber",
    "Folgen Sie uns auf Instagram",
    "Suivez-nous sur Facebook et X",
    "Síguenos en WhatsApp",
    "Seguici su Telegram",
    "Siga o Diário no Google News",
    "Volg ons op Facebook",
    "Subscribe to our YouTube channel",
]
_SENTENCES = [
    "Читайте новости района на нашем сайте каждый день.",
    "Подписывайтесь на рассылку, чтобы не пропустить важное.",
    "Folgen Sie der Umleitung bis zur Brücke, dann links in die Hafenstraße.",
    "Suivez le guide : la visite commence devant la mairie à 10 heures.",
    "Segui la diretta su YouTube: il sindaco parla alle 18. Poi vota il consiglio.",
    "Читайте також",  # a related heading, read as one
]


def test_a_call_to_follow_the_site_on_a_network_is_no_line_of_the_text() -> None:
    """A short line of its own that calls the reader to a network or messenger, named, in
    the languages beside the Bulgarian and English calls; a sentence opening with the
    same verbs and naming none stays."""
    assert [line for line in _PROMOS if not is_boilerplate_line(line)] == []
    assert [line for line in _SENTENCES if is_boilerplate_line(line)] == []
    promo = '<div class="inline-item"><span>Читайте Вестник в Telegram</span></div>'
    text = extract(_page(promo, lang="ru"), "https://example.org/news/1").text
    assert text.split("\n") == list(STORY)


@pytest.mark.parametrize(
    "credit",
    ["责任编辑：刘洋", "（责编：王伟、赵敏）", "编辑：张 华", "責任編輯：陳怡君", "来源：新华社"],
)
def test_a_chinese_page_s_closing_editor_or_source_credit_leaves_the_text(credit: str) -> None:
    """The editor's credit under a Chinese story ("责任编辑：刘洋") is who edited it, as
    "Редактор: …" is, and "来源：新华社" only credits the outlet: neither is the text's
    last line, and neither names its writer."""
    story = (
        "12月7日上午，市区迎来今年入冬以来的第一场雪，道路两旁的树木很快披上了白色。",
        "市交通部门提醒市民，雪天路滑，出行尽量选择公共交通，驾车时注意减速慢行。",
    )
    html = (
        '<html lang="zh-CN"><head><title>市区迎来今冬首场降雪</title></head><body>'
        '<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div>'
        '<div class="main"><h1>市区迎来今冬首场降雪</h1><div class="article">'
        + "".join(f"<p>{line}</p>" for line in story)
        + f'<p class="editor">{credit}</p></div></div></body></html>'
    )
    article = extract(html, "https://example.cn/news/2026-12-07/1.shtml")
    assert article.text.split("\n") == list(story)
    assert article.author is None
