"""Body recall on layouts the generic rules were not tuned for, on pages written for these
tests: a listicle whose items are separate cards, and sections under linked headings."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract

ITEMS = [
    "Градината на брега е любимо място за разходка през пролетта",
    "Старият пазар в центъра предлага местни плодове и зеленчуци",
    "Музеят на транспорта показва първите локомотиви в страната",
    "Паркът на младежта има нови алеи и детски площадки",
    "Крайбрежната алея събира бегачи и колоездачи всяка сутрин",
]


def _item(number: int, lead: str) -> str:
    sentence = f"{lead}, и жителите на града го посещават често през цялата година. "
    return (
        f'<article class="tile"><h3><a href="/place/{number}">{number}. Място</a></h3>'
        f"<p>{sentence * 4}</p></article>"
        f'<div class="ad-slot"><p>Реклама</p><p>{"Купете сега с отстъпка. " * 12}</p></div>'
    )


def test_listicle_cards_are_all_taken() -> None:
    cards = "".join(_item(i, lead) for i, lead in enumerate(ITEMS, 1))
    html = (
        "<html><body><main><h1>Пет места за разходка в Русе</h1>"
        f'<div class="zone">{cards}</div></main>'
        "<footer><p>Всички права запазени.</p></footer></body></html>"
    )
    text = extract(html).text
    for lead in ITEMS:
        assert lead in text
    assert "Купете сега" not in text and "Всички права" not in text


def test_long_section_under_a_linked_heading_is_not_a_teaser() -> None:
    section = "Апаратът има голям сензор и снима отлично при слаба светлина вечер. " * 6
    html = (
        "<html><body><article><h1>Най-добрите фотоапарати</h1>"
        f"<p>{'Избрахме модели за всеки бюджет след много тестове на терен. ' * 3}</p>"
        + "".join(
            f'<div class="block"><h2><a href="https://shop.example/{n}">{n}. Модел</a></h2>'
            f"<p>{section}</p></div>"
            for n in range(1, 5)
        )
        + "</article></body></html>"
    )
    text = extract(html).text
    assert text.count("Апаратът има голям сензор") == 24


BODY = "<p>" + "Общинският съвет прие нова наредба за зелените площи в града. " * 5 + "</p>"


def test_react_streamed_root_is_read() -> None:
    html = (
        '<html><body><div hidden id="S:0">'
        f"<article><h1>Наредба</h1>{BODY}</article></div></body></html>"
    )
    assert "нова наредба за зелените площи" in extract(html).text


SECTIONS = [
    "Първият участък на булеварда ще бъде затворен за движение от понеделник",
    "Вторият участък ще бъде ремонтиран през лятото, когато трафикът е по-слаб",
    "Третият участък включва нов тротоар и велоалея до самия бряг на реката",
]


def _streamed_page(scripts: bool) -> str:
    """A page whose sections React streamed after the footer, each in its own hidden part
    (the third numbered "a", as React writes 10 in hex), "Loading..." left in their place."""
    body = "".join(
        f'<!--$?--><template id="B:{n}"></template><p>Зареждане на раздела...</p><!--/$-->'
        for n in ("0", "1")
    )
    lead = "Общината обяви ремонта на главния булевард в няколко етапа през годината. " * 2
    parts = [
        ("S:0", f"<h2>Етап 1</h2><p>{SECTIONS[0]}. {lead}</p>"),
        ("S:1", f'<h2>Етап 2</h2><p>{SECTIONS[1]}. {lead}</p><template id="P:a"></template>'),
        ("S:a", f"<h2>Етап 3</h2><p>{SECTIONS[2]}. {lead}</p>"),
    ]
    calls = {"S:0": '$RC("B:0","S:0")', "S:1": '$RC("B:1","S:1")', "S:a": '$RS("S:a","P:a")'}
    streamed = "".join(
        f'<div hidden id="{part}">{inner}</div>'
        + (f"<script>{calls[part]}</script>" if scripts else "")
        for part, inner in parts
    )
    links = "".join(f'<li><a href="/n/{n}">Новина {n} от района</a></li>' for n in range(12))
    return (
        "<html><body><header><a href='/'>Начало</a></header>"
        f"<main><article><h1>Ремонтът на булеварда</h1><p>{lead}</p>{body}</article></main>"
        f"<aside><h3>Последни новини</h3><ul>{links}</ul></aside>"
        f"<footer><p>© 2026 Вестник</p></footer>{streamed}</body></html>"
    )


@pytest.mark.parametrize("scripts", [True, False], ids=["told", "by-number"])
def test_sections_react_streamed_after_the_footer_are_read_in_place(scripts: bool) -> None:
    text = extract(_streamed_page(scripts)).text
    assert [text.find(section) for section in SECTIONS] == sorted(
        text.find(section) for section in SECTIONS
    )
    assert all(section in text for section in SECTIONS)
    assert "Зареждане" not in text and "Новина 3 от района" not in text


def test_really_hidden_text_is_not_read() -> None:
    html = (
        f"<html><body><article><h1>Наредба</h1>{BODY}"
        '<div hidden id="promo"><p>Скрит текст за търсачки, който читателят не вижда.</p></div>'
        "</article></body></html>"
    )
    assert "Скрит текст" not in extract(html).text


def test_page_builder_widget_wrappers_are_not_furniture() -> None:
    html = (
        '<html><body><div class="elementor-widget-wrap"><div class="elementor-element">'
        f'<div class="elementor-widget-container"><h1>Наредба</h1>{BODY}</div></div></div>'
        '<div class="widget widget_recent_entries"><p>Последни новини и още нещо</p></div>'
        "</body></html>"
    )
    text = extract(html).text
    assert "нова наредба" in text and "Последни новини" not in text


def test_layout_utility_classes_do_not_mark_furniture() -> None:
    html = (
        '<html><body><div class="lg:mr-[--sidebar-width] w-full">'
        f"<article><h1>Наредба</h1><p>Публикувано на 3 март 2025</p>{BODY}</article></div>"
        "</body></html>"
    )
    article = extract(html)
    assert "нова наредба" in article.text
    assert article.published is not None and article.published.isoformat() == "2025-03-03"


def test_title_repeated_as_a_closing_heading_does_not_cut_the_article() -> None:
    part = "Започнете с леки тежести и добавяйте по малко всяка седмица. " * 4
    html = (
        '<html><head><meta property="og:title" content="Домашен фитнес за всеки бюджет">'
        "</head><body><article><h1>Домашен фитнес за всеки бюджет</h1>"
        f"<h2>Начало</h2><p>{part}</p><h2>Напреднали</h2><p>Още: {part}</p>"
        f"<h2>Домашен фитнес за всеки бюджет</h2><p>Накрая: {part[:120]}</p>"
        "</article></body></html>"
    )
    text = extract(html).text
    assert text.startswith(("Начало", "Започнете"))
    assert "Накрая:" in text and "Още:" in text


@pytest.mark.parametrize("linked", [False, True])
def test_a_related_box_under_one_item_ends_at_the_next_item(linked: bool) -> None:
    """A "More on X:" box inside item 1 of a listicle must not swallow items 2 and 3,
    also when each item's heading is a link (a link line, yet still the next heading)."""
    items = "".join(
        f'<section class="item-{n}"><h2>{_linked(f"{n}. Квартал {name}", linked)}</h2>'
        f"<div><p>{name} е квартал с тихи улици, училища и много зеленина около блоковете. "
        f"Жителите му ценят спокойствието и близостта до центъра на града.</p></div>"
        f'<div class="links"><h4>Вижте още за {name}:</h4><ul>'
        f'<li><a href="/{n}/a">Цени на жилища</a></li>'
        f'<li><a href="/{n}/b">Училища и детски градини</a></li></ul></div></section>'
        for n, name in enumerate(("Възраждане", "Дружба", "Здравец"), 1)
    )
    html = (
        "<html><body><main><h1>Три квартала за млади семейства</h1>"
        f"<p>{'Избрахме кварталите по отзиви на жителите и по цени на жилищата. ' * 3}</p>"
        f"{items}</main></body></html>"
    )
    text = extract(html).text
    for name in ("Дружба е квартал", "Здравец е квартал"):
        assert name in text
    assert "Училища и детски градини" not in text


def _linked(text: str, linked: bool) -> str:
    return f'<a href="/place">{text}</a>' if linked else text


def test_a_table_in_a_figure_is_article_text() -> None:
    """Editors put tables in <figure> (WordPress's table block): the table is content,
    the photo's caption beside it is not."""
    rows = "".join(
        f"<tr><td>{town}</td><td>{people}</td></tr>"
        for town, people in (("Русе", "139 000"), ("Бургас", "188 000"), ("Плевен", "89 000"))
    )
    html = (
        "<html><body><article><h1>Население на градовете</h1>"
        f"{BODY}"
        f'<figure class="wp-block-table"><table><tbody>{rows}</tbody></table></figure>'
        f"{BODY}"
        '<figure><img src="/p.jpg"><figcaption>Изглед към центъра. Снимка: Архив</figcaption>'
        "</figure></article></body></html>"
    )
    text = extract(html).text
    assert "Бургас" in text and "188 000" in text
    assert "Изглед към центъра" not in text


def test_an_id_spelling_its_heading_is_not_a_furniture_name() -> None:
    """Anchors made from a heading ("social-media-menu-tips") hold article sections; an id
    naming a component ("main-menu") or a box of other stories still marks furniture."""
    part = "Plan each post a week ahead and answer every comment on the same day. " * 3
    html = (
        '<html><body><div id="main-menu"><p>Home, Pricing, Blog, About us and Careers</p></div>'
        f"<article><h1>Social media for small shops</h1><p>{part}</p>"
        '<section id="social-media-menu-tips"><h2>Social media menu tips</h2>'
        f"<p>Section two. {part}</p></section>"
        '<div id="popular-posts-this-week"><h2>Popular posts this week</h2>'
        f"<p>Another story. {part}</p></div></article></body></html>"
    )
    text = extract(html).text
    assert "Social media menu tips" in text and "Section two." in text
    assert "Pricing, Blog" not in text and "Another story" not in text


def test_an_id_spelling_a_related_heading_still_marks_its_box() -> None:
    """A "popular-posts-this-week" id over "Popular posts this week" names a box of other
    stories, even though it spells its heading: unmarked, the box before the article was
    taken in with it (no article paragraph precedes its heading to end it at)."""
    part = "Plan each post a week ahead and answer every comment on the same day. " * 2
    story = "Another story about a bakery that opened a second shop in the old town. " * 3
    html = (
        '<html><body><div id="popular-posts-this-week"><h2>Popular posts this week</h2>'
        f"<p>{story}</p></div>"
        f"<article><h1>Social media for small shops</h1><p>{part}</p><p>{part}</p></article>"
        "</body></html>"
    )
    text = extract(html).text
    assert "Plan each post" in text and "Another story" not in text


def test_a_section_heading_echoing_the_stated_title_is_not_the_headline() -> None:
    """The stated title repeats a section heading; the h1 above the intro is the headline,
    so the intro is article text, not a ticker before the headline."""
    intro = "Общината обяви кои улици ще бъдат ремонтирани тази година и кога. " * 3
    part = "Ремонтът започва през април и ще продължи до края на лятото. " * 4
    html = (
        '<html><head><meta property="og:title" content="Пет ремонта в Русе за 2025-2026">'
        "</head><body><article><h1>Пет големи ремонта в Русе през новата година</h1>"
        f"<p>Въведение. {intro}</p><h2>Пет ремонта в Русе за 2025</h2>"
        f"<p>{part}</p><p>{part}</p></article></body></html>"
    )
    assert "Въведение." in extract(html).text


def test_an_faq_heading_repeating_the_title_does_not_cut_the_sections_above() -> None:
    """The page's h1 sits in a banner outside the article; the article's h2 sections come
    first and its closing FAQ asks the title's own question under an h5: that heading is
    a subsection, so the text starts at the first section, not after the FAQ question."""
    part = "Съветниците обсъдиха докладите на комисиите и приеха решенията им. " * 4
    sections = "".join(
        f"<h2>Точка {n} от дневния ред</h2><p>Точка {n}. {part}</p>" for n in range(1, 4)
    )
    html = (
        "<html><head><title>Какво реши общинският съвет?</title></head><body>"
        '<header class="banner"><h1>Какво реши общинският съвет?</h1></header>'
        f'<main><div class="entry">{sections}'
        '<div class="faq"><h5>Какво реши общинският съвет?</h5>'
        f"<p>Отговор. {part}</p></div></div></main></body></html>"
    )
    text = extract(html).text
    assert all(f"Точка {n}." in text for n in range(1, 4))
    assert "Отговор." in text


def test_a_section_naming_the_title_after_sections_of_its_rank_is_not_the_headline() -> None:
    """ "Често задавани въпроси за <title>" (h2) after the article's h2 sections is one
    more section: the sections before it are the article, not a ticker above it."""
    part = "Първите лозя край реката са засадени преди повече от два века. " * 4
    html = (
        "<html><head><title>Историята на русенското вино</title></head><body><main>"
        '<div class="post">'
        + "".join(
            f"<h2>Глава {n}: лозята край реката</h2><p>Глава {n}. {part}</p>" for n in range(1, 4)
        )
        + "<h2>Често задавани въпроси за историята на русенското вино</h2>"
        f"<p>Отговор. {part}</p><p>Още. {part}</p></div></main></body></html>"
    )
    text = extract(html).text
    assert all(f"Глава {n}." in text for n in range(1, 4))
    assert "Отговор." in text


def test_a_short_h1_over_a_ticker_does_not_demote_the_headline() -> None:
    """A site's name in a short h1 over a ticker of long items is no section: the h2
    repeating the title is still the headline, and the ticker before it is not text."""
    ticker = "".join(
        f"<li>Новина {n}: {'кратко резюме на друга новина от региона за деня. ' * 4}</li>"
        for n in range(1, 6)
    )
    body = "Кметът откри новия мост над реката пред стотици граждани. " * 5
    html = (
        "<html><head><title>Нов мост над Русенски Лом | Вести</title></head><body>"
        f"<h1>Вести</h1><ul>{ticker}</ul><div><h2>Нов мост над Русенски Лом</h2>"
        f"<p>{body}</p><p>{body}</p></div></body></html>"
    )
    text = extract(html).text
    assert "Кметът откри" in text
    assert "Новина 1:" not in text


@pytest.mark.parametrize("column", ["main-wrap has-rail-right", "interior-content-has-sidebar"])
def test_a_class_saying_what_the_column_has_beside_it_is_not_furniture(column: str) -> None:
    """ "has-rail-right" says the column has a rail beside it, as does a name ending in
    "-has-sidebar": the article is inside it, and the long comment thread (truly
    furniture) must not win instead."""
    comment = (
        "<p>Не съм съгласен, в нашия квартал ремонтът се проточи с месеци и никой не отговаря.</p>"
    )
    html = (
        f'<html><body><div class="{column}"><article>'
        f"<h1>Ремонтът на моста приключи</h1>{BODY}</article></div>"
        f'<div id="comments">{comment * 4}</div></body></html>'
    )
    text = extract(html).text
    assert "нова наредба за зелените площи" in text and "Не съм съгласен" not in text


def test_an_article_split_over_marked_boxes_is_chosen_without_the_sidebar() -> None:
    """Every paragraph sits in a "widget" box, none holding most of the text: the article
    is still chosen as a whole, and the sidebar's sentence is left out."""
    part = "Общинският съвет прие нова наредба за зелените площи в града. "
    links = "".join(f'<li><a href="/c/{i}">Рубрика номер {i}</a></li>' for i in range(12))
    boxes = "".join(
        f'<div class="widget"><p>Част {n}. {part * (6 - n)}</p></div>' for n in (1, 2, 3)
    )
    html = (
        '<html><body><div class="content-sidebar-wrap"><h1>Наредба за парковете</h1>'
        f'{boxes}</div><div class="sidebar"><p>Абонирайте се за нашия бюлетин с новини '
        f"всяка седмица.</p><ul>{links}</ul></div></body></html>"
    )
    text = extract(html).text
    assert "Част 1." in text and "Част 3." in text and "Абонирайте" not in text


def test_a_linked_item_name_over_its_section_is_kept() -> None:
    """A listicle names each item in a heading linking to it: the name is the section's
    title, not navigation. A card's linked headline over a short teaser still goes."""
    review = "Уредът мери напрежение и ток точно и има здрав калъф за работа на терен. " * 4
    items = "".join(
        f'<h2><a href="https://shop.example/{n}">Мултиметър модел {n}</a></h2><p>{review}</p>'
        for n in range(1, 4)
    )
    html = (
        "<html><body><article><h1>Най-добрите мултиметри</h1>"
        f"<p>{'Тествахме уредите в работилница и на обект през цялата есен. ' * 3}</p>{items}"
        '<h3><a href="/news/1">Друга новина от деня</a></h3><p>Кратко резюме на новината.</p>'
        "</article></body></html>"
    )
    text = extract(html).text
    assert all(f"Мултиметър модел {n}" in text for n in range(1, 4))
    assert "Друга новина от деня" not in text


def test_an_article_rendered_twice_is_read_once() -> None:
    """A page that renders the story twice (a desktop and a mobile copy, both in the
    markup) gives it once; a line the article itself repeats stays."""
    paragraphs = "".join(
        f"<p>Абзац {n}: общината обяви нов график за сметосъбирането в кварталите на града.</p>"
        for n in range(1, 15)
    )
    refrain = "<p>Сигнали се подават на телефона на общината денонощно, всеки ден.</p>"
    story = f"{refrain}{paragraphs}{refrain}"
    html = (
        "<html><body><article><h1>Нов график за сметосъбиране</h1>"
        f'<div class="desktop">{story}</div><div class="mobile">{story}</div>'
        "</article></body></html>"
    )
    text = extract(html).text
    assert text.count("Абзац 7:") == 1 and text.count("Сигнали се подават") == 2


def test_a_table_of_short_cells_between_paragraphs_is_article_text() -> None:
    """A schedule (streets, days, hours) in its own wrapper between the lead and the
    closing paragraph: its short cells are data, not labels to keep out."""
    streets = ("Александровска", "Борисова", "Николаевска", "Шипка", "Мостова", "Славянска")
    rows = "".join(
        f"<tr><td>ул. {street}</td><td>{day}.03</td><td>9:00 - 16:00</td></tr>"
        for day, street in enumerate(streets * 4, 1)
    )
    html = (
        "<html><body><main><div class='story'><h1>Спиране на водата в Русе</h1>"
        "<p>Водоснабдителното дружество обяви график за планови ремонти по мрежата в "
        "централната част на града през март.</p></div>"
        f"<div class='schedule'><table><tbody>{rows}</tbody></table></div>"
        "<div class='story-end'><p>За аварии гражданите могат да звънят на денонощния "
        "телефон на дружеството по всяко време.</p></div>"
        "</main><footer><p>Всички права запазени.</p></footer></body></html>"
    )
    text = extract(html).text
    assert "ул. Мостова" in text and "9:00 - 16:00" in text and "За аварии" in text


def test_listicle_cards_between_long_link_lists_are_all_taken() -> None:
    """Each list of links outweighs a card, so the best single range is one card: the
    retry takes the element holding most of the page's prose, and the links still go."""
    link = '<li><a href="/drugi">Прочетете още за града и околностите му</a></li>'
    ad = f"<ul>{link * 12}</ul>"
    cards = "".join(
        f'<div class="col"><article class="tile"><h3>{n}. Място</h3><div class="txt">'
        f"<p>{(lead + ', и жителите на града го посещават често. ') * 4}</p></div></article>"
        f"{ad}</div>"
        for n, lead in enumerate(ITEMS, 1)
    )
    html = (
        "<html><body><main><h1>Пет места за разходка в Русе</h1>"
        f'<div class="zone">{cards}</div></main></body></html>'
    )
    text = extract(html).text
    for lead in ITEMS:
        assert lead in text
    assert "Прочетете още" not in text


def test_the_title_repeated_at_the_end_of_a_page_without_h1_does_not_cut_the_article() -> None:
    """No h1: the heading repeating the stated title is the last section's, and more of
    the article's prose comes before it than after it."""
    part = "Започнете с леки тежести и добавяйте по малко всяка седмица. " * 4
    html = (
        '<html><head><meta property="og:title" content="Домашен фитнес за всеки бюджет">'
        f"</head><body><article><h2>Начало</h2><p>{part}</p><h2>Напреднали</h2>"
        f"<p>Още: {part}</p><h2>Домашен фитнес за всеки бюджет</h2>"
        f"<p>Накрая: {part[:120]}</p></article></body></html>"
    )
    text = extract(html).text
    assert "Начало" in text and "Още:" in text and "Накрая:" in text


def test_a_date_in_its_own_page_builder_widget_is_read() -> None:
    """The builder's structural class names ("elementor-widget-container") hold the date
    apart from the headline: they say nothing about the content, so the date is no
    sidebar's."""
    widget = '<div class="elementor-element"><div class="elementor-widget-container">{}</div></div>'
    html = (
        '<html><body><div class="elementor-widget-wrap">'
        + widget.format("<h1>Наредба за зелените площи</h1>")
        + widget.format("<p>Публикувано на 3 март 2025</p>")
        + widget.format(BODY)
        + "</div></body></html>"
    )
    article = extract(html)
    assert article.published is not None and article.published.isoformat() == "2025-03-03"


def test_a_date_in_a_column_sized_against_the_sidebar_is_read() -> None:
    """A utility class ("lg:mr-[--sidebar-width]") on the element holding the date, not
    the headline: the headline's own exception does not cover it."""
    html = (
        "<html><body><article><h1>Наредба за зелените площи</h1>"
        '<div class="lg:mr-[--sidebar-width] w-full"><p>Публикувано на 3 март 2025</p></div>'
        f"{BODY}</article></body></html>"
    )
    article = extract(html)
    assert article.published is not None and article.published.isoformat() == "2025-03-03"


def _boxes_beside_comments(head: str, boxes: list[str], tail: str, comment: str) -> str:
    """A page: the article's ``boxes`` between ``head`` and ``tail``, then a comment
    thread longer than any one box."""
    return (
        f"<html><body>{head}{''.join(boxes)}{tail}"
        f'<div class="comments-area">{comment * 12}</div></body></html>'
    )


def test_an_article_split_over_page_builder_sections_is_read_whole() -> None:
    """Elementor gives every section of an article its own "elementor-widget-wrap" chain:
    read as widgets, each section was furniture, and the comment thread, longer than any
    one section, decided what was left."""
    section = (
        '<section class="elementor-section"><div class="elementor-widget-wrap">'
        '<div class="elementor-element elementor-widget elementor-widget-text-editor">'
        '<div class="elementor-widget-container"><h2>{}</h2><p>{}</p></div></div></div></section>'
    )
    parts = [
        ("Щангата", "Щангата е първото, което купих за домашния си фитнес. " * 5),
        ("Пейката", "Пейката е проста, стабилна и не заема много място в стаята. " * 5),
        ("Дисковете", "Гумените дискове пазят пода и не вдигат шум при изпускане. " * 5),
    ]
    comment = "<p>Благодаря за статията, и аз си купих същата щанга миналата зима!</p>"
    head = '<article><h1>Домашен фитнес с малко пари</h1><div class="elementor">'
    boxes = [section.format(title, text) for title, text in parts]
    text = extract(_boxes_beside_comments(head, boxes, "</div></article>", comment)).text
    assert all(title in text for title, _ in parts)
    assert "Благодаря за статията" not in text


def test_an_article_split_over_siteorigin_panels_is_read_whole() -> None:
    """SiteOrigin puts each block of a page in "so-panel widget widget_text" with a
    "panel-widget-style" wrapper and "so-widget-…" content: its scaffolding, not widgets,
    so the article is not left to the comment thread beside it."""
    panel = (
        '<div class="panel-grid-cell"><div class="so-panel widget widget_sow-editor">'
        '<div class="panel-widget-style panel-widget-style-for-7-0-0-{}">'
        '<div class="so-widget-sow-editor"><div class="siteorigin-widget-tinymce textwidget">'
        "<h3>{}</h3><p>{}</p></div></div></div></div></div>"
    )
    parts = [
        ("Цени за ремонт", "Смяната на ключ или контакт струва от двадесет лева нагоре. " * 5),
        ("Осветление", "Монтажът на полилей зависи от височината на тавана в стаята. " * 5),
        ("Табла", "Новото електрическо табло се поставя заедно с всички предпазители. " * 5),
    ]
    comment = "<p>Благодаря, цените са разумни и електротехникът дойде навреме!</p>"
    head = '<h1>Цени на електроуслуги</h1><div class="panel-layout">'
    boxes = [panel.format(n, t, p) for n, (t, p) in enumerate(parts)]
    text = extract(_boxes_beside_comments(head, boxes, "</div>", comment)).text
    assert all(title in text for title, _ in parts)
    assert "Благодаря, цените" not in text


def _review(extra: str = "") -> str:
    """A review: the editor's intro, then each product in its own "product-widget" box
    (a furniture word), ``extra`` after them, and a comment thread."""
    products = [
        ("Съдомиялна Ведро 600", "Измива и най-засъхналите чинии и е тиха през нощта. "),
        ("Хладилник Зима 2", "Пази храната свежа и има много място за бутилки и буркани. "),
        ("Пералня Вълна 8", "Пере бързо, пести вода и се управлява лесно от телефона. "),
    ]
    boxes = "".join(
        f'<div class="product-widget product-widget--big"><h3>{name}</h3>'
        f'<div class="product-widget__text"><p>{text * 6}</p></div></div>'
        for name, text in products
    )
    comment = "<p>Купих съдомиялната миналата година и досега съм много доволна от нея!</p>"
    return (
        "<html><body><h1>Най-добрите уреди за дома през 2025</h1><div class='feature'>"
        f"<p>{'Всяка година изпитваме новите уреди в нашата лаборатория. ' * 4}</p>"
        f"{boxes}{extra}</div><div id='comments'>{comment * 8}</div></body></html>"
    )


def test_products_in_boxes_of_one_kind_are_the_article() -> None:
    """No single "product-widget" box holds most of the text, so sparing single boxes
    kept only the intro; together, siblings of one kind holding most of the prose are
    the article, and the comment thread is still left out."""
    text = extract(_review()).text
    assert "Ведро 600" in text and "Вълна 8" in text and "Всяка година" in text
    assert "Купих съдомиялната" not in text


def test_a_related_box_is_weighed_by_its_text_not_its_scripts() -> None:
    """A "related" box whose links each carry an analytics script is not walked; it
    stood in as furniture the size of its scripts, and that cost kept the review's
    container from being taken whole."""
    script = "<script>track({'event': 'click', 'list': 'related', 'slot': 1});</script>" * 12
    related = "".join(
        f'<li><a href="/r/{n}">{script}Още съвети за кухнята {n}</a></li>' for n in range(6)
    )
    text = extract(_review(f'<div class="related-content"><ul>{related}</ul></div>')).text
    assert "Ведро 600" in text and "Вълна 8" in text and "Всяка година" in text
    assert "Още съвети" not in text and "Купих съдомиялната" not in text


def test_linked_items_of_a_list_of_text_are_article_text() -> None:
    """A list of the article's (two of its five items linked to the tools' sites) keeps
    every item; a list whose every item is a link is still a menu, not text."""
    intro = "Изпробвахме пет програми за водене на протоколи от заседанията на съвета. " * 3
    tools = "".join(
        f'<li><a href="https://{name.lower()}.example/">{name}</a></li>'
        if linked
        else f"<li>{name}</li>"
        for name, linked in (("Протоколчик", True), ("Заседател", True), ("Бележник", False),
                             ("Стенограф", False), ("Деловодител", False))
    )  # fmt: skip
    menu = "".join(f'<li><a href="/razdel/{n}">Раздел {n}</a></li>' for n in range(1, 6))
    html = (
        "<html><body><article><h1>Пет програми за протоколи</h1>"
        f"<p>{intro}</p><p>Изпробвахме тези програми:</p><ul>{tools}</ul>"
        f"<p>{intro}</p><ul>{menu}</ul><p>{intro}</p></article></body></html>"
    )
    text = extract(html).text
    for name in ("Протоколчик", "Заседател", "Бележник", "Деловодител"):
        assert name in text
    assert "Раздел 1" not in text


def _card(number: int, date_first: bool) -> str:
    """A card of another article with no class to tell it by: a linked headline, an
    excerpt past the teaser length, and its date."""
    excerpt = (
        f"Разказ номер {number} за живота в квартала продължава с нови срещи, спомени "
        "и снимки от старите улици, които читателите ни изпратиха през последния месец, "
        "заедно с истории за хората, построили първите къщи край реката, и за учителите, "
        "които са събирали децата от махалата в старото читалище…"
    )
    date = f"<div>{20 - number}.11.2026</div>"
    headline = f'<h3><a href="/blog/{number}">Разказ {number} от квартала</a></h3>'
    inner = (
        f"{date}{headline}<div>{excerpt}</div>"
        if date_first
        else (f"{headline}<div>{excerpt}</div>{date}")
    )
    return f"<div>{inner}</div>"


@pytest.mark.parametrize("date_first", [False, True])
def test_dated_cards_after_an_article_are_left_out_without_class_names(date_first: bool) -> None:
    """A site whose class names say nothing (hashed by its build, or none at all) still
    shows its "more posts" cards with dates; their excerpts, longer than a teaser's, are not
    the article's closing paragraphs."""
    paragraphs = [
        f"Абзац {n}: общината ремонтира моста над реката и отваря движението до края на месеца."
        for n in range(1, 6)
    ]
    html = (
        "<html><body><div><div><h1>Мостът над реката е ремонтиран</h1><div>29.11.2026</div>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</div><div><h2>Блог</h2>"
        + "".join(_card(n, date_first) for n in range(1, 7))
        + "</div></div></body></html>"
    )
    text = extract(html).text
    assert all(p in text for p in paragraphs)
    assert "Разказ номер" not in text


_NEWS = [
    (
        "Кметът откри новата детска площадка в квартал „Изток“",
        "Площадката е за деца до дванадесет години и е изградена с пари от бюджета.",
    ),
    (
        "Общинският съвет прие бюджета за следващата година",
        "Повече пари отиват за училищата и за ремонта на пътищата в селата.",
    ),
    (
        "Започва записването за летните спортни школи",
        "Децата избират между футбол, плуване и лека атлетика, казват треньорите.",
    ),
]
# Cards of other news as municipal themes print them: a linked heading over the excerpt,
# a picture and headline in one link over it, a bold headline with a "read more" link.
_PICTURE = '<a href="/n/{n}"><img src="{n}.jpg"></a>'
_CARD_SHAPES = {
    "linked heading": f'<div>{_PICTURE}<h3><a href="/n/{{n}}">{{title}}</a></h3>'
    "<p>{excerpt}</p></div>",
    "linked picture and title": '<div><a href="/n/{n}"><img src="{n}.jpg"><div>{title}</div>'
    "</a><div>{excerpt}</div></div>",
    "read more": f"<div>{_PICTURE}<p><strong>{{title}}</strong></p><p>{{excerpt}}</p>"
    '<a href="/n/{n}">Прочети повече</a></div>',
    "dated": '<div><h3><a href="/n/{n}">{title}</a></h3><span>1{n}.03.2026</span>'
    "<p>{excerpt}</p></div>",
    "line break": '<p><a href="/n/{n}">{title}</a><br>{excerpt}</p>',
}
_TEXT = [
    "От понеделник общината започва ремонт на улица „Васил Левски“ между площада и училището.",
    "Движението ще бъде пренасочено по съседните улици, а спирките ще бъдат преместени временно.",
    "Жителите могат да подават сигнали на телефона на общината в работно време всеки ден.",
]


def _page_with_cards(cards: str, after: str = "") -> str:
    return (
        "<html><head><title>Ремонт на улица „Васил Левски“</title></head><body><div>"
        "<div><h1>Ремонт на улица „Васил Левски“</h1>"
        + "".join(f"<p>{line}</p>" for line in _TEXT)
        + f"<div>{cards}</div>{after}</div></div></body></html>"
    )


@pytest.mark.parametrize("shape", sorted(_CARD_SHAPES))
def test_a_grid_of_news_cards_closing_the_article_is_not_its_text(shape: str) -> None:
    """A grid of other news's cards under the text, in the article's own box with no
    heading or class name over it: each card's excerpt reads as a short paragraph, and
    they were the article's closing lines."""
    cards = "".join(
        _CARD_SHAPES[shape].format(n=n, title=title, excerpt=excerpt)
        for n, (title, excerpt) in enumerate(_NEWS, 1)
    )
    assert extract(_page_with_cards(cards)).text.split("\n") == _TEXT


def test_one_teaser_under_a_linked_heading_closing_the_article_is_not_its_text() -> None:
    """One card of another story under the text, its headline a heading all link: the
    headline went as navigation, and its excerpt was left as the article's last line."""
    title, excerpt = _NEWS[0]
    card = _CARD_SHAPES["linked heading"].format(n=1, title=title, excerpt=excerpt)
    assert extract(_page_with_cards(card)).text.split("\n") == _TEXT


def test_linked_names_with_a_line_each_that_the_text_goes_on_after_stay() -> None:
    """A list of documents in the text (a linked name over what it is, each in its own
    box) with the article going on after it is the text's own, not a grid of cards."""
    docs = "".join(
        f'<div><p><a href="/docs/{n}.pdf">Заповед № {n}</a></p><p>{excerpt}</p></div>'
        for n, (_, excerpt) in enumerate(_NEWS, 1)
    )
    closing = "<p>Срокът за възражения е четиринадесет дни от обявяването на заповедите.</p>"
    text = extract(_page_with_cards(docs, closing)).text
    assert all(excerpt in text for _, excerpt in _NEWS)
    assert text.endswith("обявяването на заповедите.")


def test_questions_and_answers_closing_the_article_stay() -> None:
    """An FAQ ending the text, each question and answer in a box of its own, is no grid
    of cards: its questions link nowhere."""
    faq = "".join(f"<div><h3>{title}?</h3><p>{excerpt}</p></div>" for title, excerpt in _NEWS)
    text = extract(_page_with_cards(faq)).text
    assert all(excerpt in text for _, excerpt in _NEWS)


NOTICE = (
    "Общинската администрация приема граждани всеки работен ден от 8:30 до 17:00 часа "
    "в центъра за услуги на първия етаж, а молби и жалби се подават и по пощата, по "
    "електронна поща или през портала за електронни услуги на общината. "
)


def _footer_page(article: str, copyright: str = "© 2026 Община Брегово.") -> str:
    """An old table-less site with no class names: the article under its headline, a list
    of other news, and a footer of a long notice closed by the copyright line."""
    others = "".join(f'<li><a href="/novini/{n}">Друга новина номер {n}</a></li>' for n in range(8))
    return (
        "<html><head><title>Нов парк край реката - Община Брегово</title></head><body>"
        f"<div><div><h1>Нов парк край реката</h1>{article}</div>"
        f"<div><ul>{others}</ul></div>"
        f"<div><div>{NOTICE * 2}</div><div>{copyright} Всички права запазени.</div>"
        "</div></div></body></html>"
    )


@pytest.mark.parametrize(
    "copyright", ["© 2026 Община Брегово.", "©2008 - 2026 Медия ООД.", "Община Брегово, 2026."]
)
def test_a_footer_notice_closed_by_a_copyright_line_is_not_the_article(copyright: str) -> None:
    """With no <footer> or class name to mark it, a notice longer than a short article
    won; its copyright line says it is the site's footer, its sign spaced from the year
    or not, or no sign at all: the reservation of rights closing the line says it too."""
    lines = [
        "Общината откри нов парк край реката с алеи, пейки и детска площадка.",
        "Паркът е отворен за посетители всеки ден от седем сутринта до десет вечерта.",
    ]
    text = extract(_footer_page("".join(f"<p>{line}</p>" for line in lines), copyright)).text
    assert text.split("\n") == lines


@pytest.mark.parametrize(
    "address",
    ["", "<p>Община Тетевен, пл. „Сава Младенов“ № 7</p><p>Тел.: 0678 123 45</p>"],
    ids=["links alone", "address over them"],
)
def test_a_footer_row_of_links_closed_by_a_copyright_in_a_plain_box_is_not_the_text(
    address: str,
) -> None:
    """An old municipal site's footer is a ``<div id="foot">`` (no <footer>, no class
    word naming it) right after the text in the one column: its row of link labels
    ending in the copyright is the site's furniture, as a "© …" line alone is, and so
    are the address lines over it in that box."""
    lines = [
        "Общината започва ремонт на улица „Христо Ботев“ в участъка между пазара и гарата.",
        "Движението ще бъде отклонено по съседните улици до края на месеца, казаха от общината.",
    ]
    footer = (
        f'<div id="foot">{address}<p><a href="/karta">Карта на сайта</a> | <a href="/kontakti">'
        "Контакти</a> | © 2026 Община Тетевен</p></div>"
    )
    html = (
        '<html><head><title>Ремонт на улица „Христо Ботев“</title></head><body><div id="wrap">'
        "<h1>Ремонт на улица „Христо Ботев“</h1>"
        + "".join(f"<p>{line}</p>" for line in lines)
        + footer
        + "</div></body></html>"
    )
    assert extract(html).text.split("\n") == lines


@pytest.mark.parametrize(
    ("title", "headline", "others"),
    [
        ("Ремонт на моста - Община Тест", "<h1>Ремонт на моста</h1>", 12),
        ("Община Тест - Новини", "<h2>Ремонт на моста</h2>", 0),
    ],
    ids=["a column of links after it", "no headline found"],
)
def test_a_prose_free_footer_box_closing_the_text_is_left_out_wherever_the_page_goes_on(
    title: str, headline: str, others: int
) -> None:
    """The address box under the text in the article's cell is the site's, however many
    lines of the next cell follow it on the page and whether or not the page's title
    finds the headline: the rule asks what closes the text, not what closes the page."""
    lines = [
        "Общината започва ремонт на стария мост над реката от понеделник, съобщиха от кметството.",
        "Движението ще бъде пренасочено по обходен маршрут през съседния квартал за два месеца.",
    ]
    links = "".join(f"<p><a href='/n/{n}'>Новина {n} от района</a></p>" for n in range(others))
    html = (
        f"<html><head><title>{title}</title></head><body><table><tr><td>{headline}"
        + "".join(f"<p>{line}</p>" for line in lines)
        + '<div id="foot"><p>гр. Тест, ул. Главна 1</p><p>тел. 02 123 456</p>'
        "<p>Карта на сайта | Контакти | © 2026 Община Тест</p></div>"
        f"</td><td>{links}</td></tr></table></body></html>"
    )
    assert extract(html).text.split("\n") == lines


def test_an_article_closing_with_its_own_copyright_line_keeps_its_text() -> None:
    """The copyright line of an agency's story sits in the headline's element: it closes
    the article, not the page's footer."""
    lines = [
        "Общината откри нов парк край реката с алеи, пейки и детска площадка, и засади "
        "над двеста дървета по новите алеи.",
        NOTICE.strip(),
    ]
    article = "".join(f"<p>{line}</p>" for line in lines) + "<p>© 2026 БТА</p>"
    weather = "Времето утре: слънчево, с температури между пет и петнадесет градуса."
    menu = "".join(f'<a href="/razdel/{n}">Раздел номер {n}</a><br>' for n in range(6))
    html = (
        "<html><head><title>Нов парк край реката</title></head><body>"
        f"<div><h1>Нов парк край реката</h1>{article}</div><div><p>{weather}</p>{menu}</div>"
        "</body></html>"
    )
    assert extract(html).text.split("\n") == lines


@pytest.mark.parametrize(
    "lead", ["", "<div><p>Общинският съвет на Бяла гласува бюджета за следващата година.</p></div>"]
)
def test_an_article_body_closing_with_a_copyright_line_below_a_header_keeps_its_text(
    lead: str,
) -> None:
    """The common layout: the headline in a header box, the text in a body box of the
    same post (after a lead's box, or not), closed by the agency's copyright line. The
    body box is the article's (it holds the first prose under the headline, or follows
    it), not the site's footer, though it is neither the headline's parent nor its
    grandparent."""
    lines = [
        f"Абзац {n}: общинският съвет прие решение за ремонт на улиците в центъра на града "
        "и за нови детски площадки в кварталите."
        for n in range(1, 5)
    ]
    about = (
        "Община Бяла е разположена в Северна България, на брега на река Янтра, а "
        "кметството обслужва и осем съседни села."
    )
    html = (
        "<html><head><title>Ремонт на улиците в центъра на Бяла</title></head><body>"
        "<div><div><h1>Ремонт на улиците в центъра на Бяла</h1><span>28.11.2026</span></div>"
        + lead
        + "<div>"
        + "".join(f"<p>{line}</p>" for line in lines)
        + "<p>© БТА</p></div></div>"
        f"<div><p>{about}</p></div>"
        '<div><a href="/kontakti">Контакти</a> <a href="/karta">Карта на сайта</a></div>'
        "</body></html>"
    )
    text = extract(html).text
    assert all(line in text for line in lines)


@pytest.mark.parametrize(
    "heading",
    [
        "12 коментара",
        "Reader comments",
        "Top Rated Comments",
        "Коментарите (6)",
        "Discussion about this post",
        # the post's title quoted after the count: no length of the heading's own
        "6 Replies to “The street will be repaired after years of waiting and promises”",
    ],
)
def test_a_comment_section_under_a_counted_heading_is_cut(heading: str) -> None:
    """Comments with no class name to mark them, under a heading that counts or ranks
    them, are not the article's closing paragraphs."""
    paragraphs = [
        f"Абзац {n}: кметът обясни, че ремонтът на улицата ще завърши до края на годината."
        for n in range(1, 5)
    ]
    comments = "".join(
        f"<div><div><b>Читател {n}</b></div><div>Крайно време беше някой да оправи тази "
        f"улица, от години се разминаваме с дупките и чакаме обещания номер {n}.</div></div>"
        for n in range(1, 7)
    )
    html = (
        "<html><body><div><div><h1>Улицата ще бъде ремонтирана</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + f"</div><div><h2>{heading}</h2>{comments}</div></div></body></html>"
    )
    text = extract(html).text
    assert text.split("\n") == paragraphs


def _side_boxes_page(signature: str) -> str:
    """An old municipal site with no class names: the article, the links to its
    neighbours, then the side modules in the same column, each a heading over a line."""
    lines = "".join(f"<p>{line}</p>" for line in SIDE_LINES)
    return (
        "<html><head><title>Община Брегово</title></head><body>"
        '<div><a href="/">Община Брегово</a></div><div>'
        "<h2>Нов парк край реката отваря врати в събота</h2><div>03.04.2026</div>"
        f"{lines}{signature}"
        '<div><a href="/novini/76">Турнир по шахмат за ученици</a></div>'
        '<div><a href="/novini/78">Ремонт на спирките започва през май</a></div>'
        "<h3>КМЕТ</h3><p>Петър Петров</p>"
        '<h3>РАДИО БРЕГОВО</h3><p><a href="/b1">Банер - Зелен град</a> '
        '<a href="/b2">Банер - Общински пазари</a></p>'
        "</div></body></html>"
    )


SIDE_LINES = [
    "Общината откри нов парк край реката с алеи, пейки и детска площадка за най-малките.",
    "Паркът е отворен за посетители всеки ден от седем сутринта до десет вечерта, а през "
    "лятото ще има и вечерни концерти на открито.",
]


def test_side_modules_after_the_neighbour_links_are_not_the_articles_closing_lines() -> None:
    """Seen in the text of the Ruse municipality's old pages: "КМЕТ" over the mayor's
    name after the links to the previous and next articles. The links say the article
    has ended; a signature right after the text is still the article's."""
    assert extract(_side_boxes_page("")).text.split("\n") == SIDE_LINES
    signed = extract(_side_boxes_page("<p>Иван Иванов</p>")).text
    assert signed.split("\n") == [*SIDE_LINES, "Иван Иванов"]


TOOLS = {
    "Клещи": ("Клещи Ковач 200", "Клещи Майстор 180"),
    "Отвертки": ("Отвертки Искра 6", "Отвертки Волт 8"),
}


def _tools_page(after: str) -> str:
    """A guide whose every section names the models it recommends under a line of its
    own text, each a linked heading to a shop: the list sits between the sections."""
    sections = "".join(
        f"<h3>{name}</h3><p>{f'{name} са нужни на всеки електротехник в работата му. ' * 4}</p>"
        "<h4>Модели, които изпробвахме:</h4><ul>"
        + "".join(f'<li><h2><a href="https://shop.example/{m}">{m}</a></h2></li>' for m in models)
        + "</ul>"
        for name, models in TOOLS.items()
    )
    headings = "".join(f'<li><a href="#{name}">{name}</a></li>' for name in TOOLS)
    return (
        "<html><body><article><h1>Инструментите на електротехника</h1>"
        f"<p>{'Събрахме инструментите, с които работят електротехниците в града. ' * 3}</p>"
        f"<p>В това ръководство ще прочетете за:</p><ul>{headings}</ul>"
        f"{sections}<p>{'Добрият инструмент пази и времето, и ръцете на майстора. ' * 3}</p>"
        f"{after}</article></body></html>"
    )


def test_links_a_line_of_the_text_introduces_between_its_sections_are_kept() -> None:
    """The recommended models, all links, are the guide's own list: its text announces
    them and goes on after them. A table of contents repeats the headings, and a list of
    other pages after the text's last paragraph is still a box of links."""
    others = "".join(f'<li><a href="/statia/{n}">Статия номер {n}</a></li>' for n in range(1, 4))
    text = extract(_tools_page(f"<p>Други материали на сайта:</p><ul>{others}</ul>")).text
    for models in TOOLS.values():
        for model in models:
            assert model in text
    assert "Статия номер" not in text
    assert text.count("Клещи\n") == 1  # the contents' line went, the heading stayed


def test_a_one_word_label_or_a_related_line_does_not_introduce_the_text() -> None:
    """ "Още:" and "Виж още:" head a box of other news mid-article, not a list of its own."""
    for label in ("Още:", "Виж още:"):
        box = "".join(f'<li><a href="/novina/{n}">Новина номер {n}</a></li>' for n in range(1, 4))
        para = "Общинският съвет прие бюджета на града за следващата година. " * 3
        html = (
            "<html><body><article><h1>Бюджетът е приет</h1>"
            f"<p>{para}</p><p>{label}</p><ul>{box}</ul><p>{para}</p></article></body></html>"
        )
        assert "Новина номер" not in extract(html).text


def _guide(*, labelled: bool) -> str:
    """A guide whose steps are folded into an accordion: each header a button, each
    panel a region (named by its header when ``labelled``) hidden until it is opened."""
    steps = "".join(
        f'<div class="acc"><a id="h{n}" role="button" aria-controls="p{n}">Стъпка {n}</a>'
        f'<div id="p{n}" role="region"'
        + (f' aria-labelledby="h{n}"' if labelled else "")
        + ' style="display:none">'
        f"<p>{f'Съвет за стъпка {n}: подгответе документите навреме и проверете сроковете. ' * 3}"
        "</p></div></div>"
        for n in range(1, 4)
    )
    return (
        "<html><body><article><h1>Как се подава заявление</h1>"
        f"<p>{'Ръководството описва пътя от първата среща до разрешението. ' * 3}</p>"
        f'{steps}<div style="display:none"><p>Скрит текст за търсачки.</p></div>'
        "</article></body></html>"
    )


def test_folded_accordion_panels_are_article_text() -> None:
    """An ARIA accordion's panel (a region named by its header) is hidden until opened,
    yet it is the article's text: skipped as hidden, the guide kept only its headers.
    Other hidden text stays out, and so does a hidden region no header names."""
    text = extract(_guide(labelled=True)).text
    assert all(f"Съвет за стъпка {n}" in text for n in range(1, 4))
    assert "Скрит текст" not in text
    assert "Съвет за стъпка" not in extract(_guide(labelled=False)).text


COMPANIES = {
    "Електромонтаж Русе": "12 млн. лв.",
    "Енергоизграждане": "9 млн. лв.",
    "Волт Инженеринг": "7 млн. лв.",
    "Светлина и сила": "6 млн. лв.",
    "Кабелни мрежи": "5 млн. лв.",
    "Трафопостове БГ": "4 млн. лв.",
    "Дунав Електрик": "3 млн. лв.",
    "Искра Монтаж": "2 млн. лв.",
}


def _ranking(rows: str) -> str:
    """A ranking whose intro and table sit in one box, a call to action after it, and
    the companies' profiles in a second box of the article's own kind."""
    intro = "Фирмите в класацията изграждат мрежите на заводи, болници и жилищни сгради. "
    profile = "Фирмата работи в региона от години и има екип от опитни монтажници. "
    return (
        "<html><body><article><h1>Най-големите електромонтажни фирми</h1>"
        f'<div class="text"><p>{intro * 2}</p><p>{intro}</p><table>'
        f"<tr><th>Фирма</th><th>Оборот</th></tr>{rows}</table></div>"
        '<div class="cta"><div>Безплатно</div><div>Изтеглете пълния списък</div>'
        '<a href="/download">Изтегли</a></div>'
        '<div class="text">'
        + "".join(f"<h3>{n}. Профил</h3><p>{profile * 3}</p>" for n in range(1, 6))
        + "</div></article></body></html>"
    )


def test_a_table_naming_its_rows_in_links_does_not_split_the_article() -> None:
    """Each company linked to its site, its turnover beside it: the table's data, not a
    menu. Weighed as links, it kept the article from reaching its first half (the intro
    and the table) over the call to action between the halves, and lost the names."""
    rows = "".join(
        f'<tr><td><a href="https://firm{n}.example">{name}</a></td><td>{turnover}</td></tr>'
        for n, (name, turnover) in enumerate(COMPANIES.items())
    )
    text = extract(_ranking(rows)).text
    assert "Фирмите в класацията" in text
    assert all(name in text and turnover in text for name, turnover in COMPANIES.items())
    assert "Фирмата работи в региона" in text
    assert "Изтеглете" not in text


def test_a_table_of_dated_links_is_still_a_list_of_news() -> None:
    """A date and a linked headline per row is a list of other news, and a pager's
    number beside the next page's link is a pager: neither is a table's data."""
    news = "".join(
        f'<tr><td>1{n}.03.2026</td><td><a href="/novina/{n}">Новина номер {n}</a></td></tr>'
        for n in range(8)
    )
    pager = '<tr><td>1</td><td><a href="?page=2">2</a></td><td><a href="?page=3">3</a></td></tr>'
    html = (
        "<html><body><article><h1>Наредба за зелените площи</h1>"
        f"<p>{'Общинският съвет прие нова наредба за зелените площи в града. ' * 5}</p>"
        f"<table>{news}{pager}</table></article></body></html>"
    )
    text = extract(html).text
    assert "Общинският съвет" in text
    assert "Новина номер" not in text
    assert not text.endswith(("2", "3"))


def _roundup(item: str) -> str:
    deal = "Компанията купува конкурента си и разширява дейността в страната. " * 2
    return (
        "<html><body><article><h1>Сделките през октомври</h1>"
        f"<p>{'Ето най-важните сделки в бранша през изминалия месец. ' * 3}</p>"
        + "".join(f"{item.format(n=n)}<p>{deal}</p>" for n in range(1, 5))
        + "</article></body></html>"
    )


@pytest.mark.parametrize(
    "item",
    [
        '<p><a href="/deal/{n}">Сделка номер {n}</a></p>',
        '<ul><li><a href="/deal/{n}">Сделка номер {n}</a></li></ul>',
    ],
    ids=["paragraph", "one-item-list"],
)
def test_a_linked_line_naming_each_item_of_a_roundup_is_kept(item: str) -> None:
    """A roundup names each item in a line that is one link (a paragraph of it, or a
    list of that one item) over its paragraph: the item's title, not navigation."""
    text = extract(_roundup(item)).text
    assert all(f"Сделка номер {n}" in text for n in range(1, 5))


@pytest.mark.parametrize(
    ("item", "promo"),
    [
        ('<p><a href="/news/{n}">ДРУГА НОВИНА НОМЕР {n}</a></p>', "ДРУГА НОВИНА"),
        ('<p><a href="/news/{n}">Ето какво казаха собствениците на {n}.</a></p>', "Ето какво"),
    ],
    ids=["capitals", "sentence"],
)
def test_linked_promos_between_paragraphs_are_still_links(item: str, promo: str) -> None:
    """Links to other stories set between an article's paragraphs (a headline in
    capitals, a sentence to click) are not its items' names."""
    text = extract(_roundup(item)).text
    assert "Компанията купува" in text
    assert promo not in text


def test_one_linked_line_between_paragraphs_is_still_a_link() -> None:
    """Fewer than three linked lines over paragraphs are not a roundup's items: a
    call to action or a related story set between paragraphs."""
    deal = "Компанията купува конкурента си и разширява дейността в страната. " * 2
    html = (
        "<html><body><article><h1>Сделка в бранша</h1>"
        f"<p>{deal}</p><p><a href='/news/2'>Друга новина от деня</a></p><p>{deal}</p>"
        f"<p><a href='/abonament'>Абонамент за бюлетина</a></p><p>{deal}</p>"
        "</article></body></html>"
    )
    text = extract(html).text
    assert "Друга новина" not in text and "Абонамент" not in text


def test_a_back_link_under_an_article_cell_of_lines_is_not_a_datum() -> None:
    """An old site's article is one table cell of lines split by ``<br>``: each line is a
    block of that cell, so the "« Назад" link under the last one sat beside a line of
    the cell with no link, as a company's name sits beside its turnover."""
    lines = "<br>".join(
        f"Ред {n} от съобщението на общината за ремонта на улиците в квартала." for n in range(4)
    )
    html = (
        '<html><body><table><tr><td><a href="/">Начало</a><br><a href="/news">Новини</a></td>'
        f"<td><b>Ремонт на улиците</b><br><br>{lines}<br>"
        '<a href="news.php">&laquo; Назад към новините</a></td></tr></table></body></html>'
    )
    text = extract(html).text
    assert "Ред 3 от съобщението" in text
    assert "Назад" not in text
