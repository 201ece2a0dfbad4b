"""The generic title rules (extraction/titles.py), each on a small page written for it."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence

import pytest

from newsarchive.extraction import extract, titles
from newsarchive.models import Profile

PROSE = "<p>" + "Общинският съвет прие бюджета след дълго обсъждане в залата. " * 5 + "</p>"


def page(head: str, body: str) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_a_reference_escaped_twice_is_decoded() -> None:
    html = page(
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Ремонт &#8211; от 1 до 15 март"}</script>',
        "<article><h1>Пътища &amp;amp; мостове: &amp;quot;план&amp;quot; за 2026</h1>"
        f"{PROSE}</article>",
    )
    assert extract(html).title == 'Пътища & мостове: "план" за 2026'
    without_h1 = html.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    assert extract(without_h1).title == "Ремонт – от 1 до 15 март"


def test_an_ampersand_that_is_not_a_reference_stays() -> None:
    html = page("", f"<article><h1>Кметът &amp;paragraph R&amp;D</h1>{PROSE}</article>")
    assert extract(html).title == "Кметът &paragraph R&D"


def test_a_headline_naming_the_host_is_not_taken_for_the_site_name() -> None:
    html = page(
        '<meta property="og:title" content="Sofiaplan показа новата карта на велоалеите'
        ' | Sofiaplan">',
        f"<article>{PROSE}</article>",
    )
    title = extract(html, "https://sofiaplan.bg/news/1").title
    assert title == "Sofiaplan показа новата карта на велоалеите"


def test_an_h1_the_page_states_as_its_title_wins_wherever_the_theme_put_it() -> None:
    html = page(
        '<meta property="og:title" content="Нов мост над Янтра ще е готов до 2027 г.'
        ' | Вестник Дунав">',
        '<header class="site-header"><h1>Вестник Дунав</h1></header>'
        '<div class="page-banner"><h1>Нов мост над Янтра ще е готов до 2027 г.</h1></div>'
        f"<article>{PROSE}</article>",
    )
    article = extract(html)
    assert article.title == "Нов мост над Янтра ще е готов до 2027 г."
    assert article.rules["title"] == "generic:h1"


@pytest.mark.parametrize(
    ("stated", "title"),
    [
        # gabar: every page's <title> and og:title the site's description
        ("Официален сайт на Община Габър", "Фолклорна среща на селата"),
        ("Official website of the Municipality", "Фолклорна среща на селата"),
        # a headline naming a site, beside the site's name: the headline
        ("Общината пусна нов официален сайт | Община Габър", "Общината пусна нов официален сайт"),
        # the same headline alone, as its h1 says it too: no description of the site
        ("Общината пусна нов официален сайт", "Общината пусна нов официален сайт"),
    ],
)
def test_a_title_that_describes_the_site_gives_way_to_a_short_h1(stated: str, title: str) -> None:
    """A four-word h1 sharing no word with the page's stated titles would lose to its
    og:title; not to one that only says it is the site's official one."""
    head = f'<title>{stated}</title><meta property="og:title" content="{stated}">'
    h1 = title if "официален" in title else "Фолклорна среща на селата"
    html = page(head, f"<h1>{h1}</h1><article>{PROSE}</article>")
    assert extract(html).title == title


def test_a_later_h1_the_page_confirms_beats_a_blog_name_h1() -> None:
    html = page(
        "<title>Защо спряхме водата в неделя - Блогът на водния оператор</title>",
        "<div><h1>Блогът на водния оператор</h1></div>"
        f"<article><div><h1>Защо спряхме водата в неделя</h1></div>{PROSE}</article>",
    )
    assert extract(html).title == "Защо спряхме водата в неделя"
    assert extract(html.replace("<article>", "<section>")).title == ("Защо спряхме водата в неделя")


def test_a_menu_built_of_h1s_is_never_the_headline() -> None:
    menu = "".join(f"<li><h1>Раздел {n}</h1></li>" for n in range(20))
    html = page(
        '<meta property="og:title" content="Концерт на площада в събота | Община">',
        f"<nav><ul>{menu}</ul></nav><article><h1>Концерт на площада в събота</h1>{PROSE}</article>",
    )
    assert extract(html).title == "Концерт на площада в събота"


def test_a_short_headline_before_a_long_site_name_is_confirmed() -> None:
    html = page(
        "<title>Ваксинирайте се | Регионална здравна инспекция на област Русе</title>",
        f'<div class="hero-banner"><h1>Ваксинирайте се</h1></div><div>{PROSE}</div>',
    )
    assert extract(html).title == "Ваксинирайте се"


def test_of_two_confirmed_h1s_the_one_more_titles_state_wins() -> None:
    html = page(
        '<meta property="og:title" content="Нов мост">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Нов мост"}'
        "</script><title>Вестник Дунав за Русе и региона :: Нов мост</title>",
        '<div class="logo"><h1>Вестник Дунав за Русе и региона</h1></div>'
        f'<div class="top-banner"><h1>Нов мост</h1></div><div>{PROSE}</div>',
    )
    assert extract(html).title == "Нов мост"


def test_a_section_suffix_two_stated_titles_share_is_dropped_from_the_h1() -> None:
    html = page(
        '<meta property="og:title" content="Защо градът има нужда от нов парк | Мнение">'
        "<title>Паркът, който чакаме от десет години | Мнение</title>",
        f"<article><h1>Защо градът има нужда от нов парк | Мнение</h1>{PROSE}</article>",
    )
    assert extract(html).title == "Защо градът има нужда от нов парк"


def test_a_site_name_one_stated_title_adds_to_another_is_not_the_headline() -> None:
    html = page(
        '<meta property="og:title" content="Малки стъпки към чист въздух">'
        "<title>Зелен Русе: Малки стъпки към чист въздух</title>",
        '<div class="widget Header"><h1>Зелен Русе</h1></div>'
        f'<div class="widget Blog"><h2>Малки стъпки</h2>{PROSE}</div>',
    )
    assert extract(html).title == "Малки стъпки към чист въздух"


def test_an_h1_in_a_banner_is_the_headline_when_no_other_h1_is() -> None:
    html = page(
        '<meta property="og:title" content="Ремонтът на пешеходната зона: какво следва">',
        '<section class="page-header banner"><h1>Какво следва след ремонта на пешеходната'
        f" зона</h1></section><div>{PROSE}</div>",
    )
    assert extract(html).title == "Какво следва след ремонта на пешеходната зона"
    teaser = html.replace("Какво следва след ремонта на", "Десет идеи за уикенда извън")
    assert extract(teaser).title == "Ремонтът на пешеходната зона: какво следва"


def test_what_follows_a_pipe_is_not_the_headline() -> None:
    html = page(
        "<title>Нов график на градския транспорт | От 1 април | Общински портал</title>",
        f"<div>{PROSE}</div>",
    )
    assert extract(html).title == "Нов график на градския транспорт"
    section_first = html.replace(
        "Нов график на градския транспорт | От 1 април", "Новини | Нов график от 1 април"
    )
    assert extract(section_first).title == "Новини | Нов график от 1 април | Общински портал"


def test_a_lead_in_h1_ending_with_a_colon_yields_to_the_next_h1() -> None:
    html = page(
        "<title>Зимно почистване на улиците (Община Примерна)</title>",
        "<div><h1>Съобщение от кмета на общината:</h1></div>"
        f"<div><h1>Зимно почистване на улиците</h1>{PROSE}</div>",
    )
    assert extract(html).title == "Зимно почистване на улиците"


def test_one_word_of_a_long_stated_title_is_not_the_headline() -> None:
    html = page(
        '<meta property="og:title" content="Как пет общини в Северна България спестиха'
        ' половината разходи за улично осветление с нови лампи">',
        f"<div><h1>Осветление</h1>{PROSE}</div>",
    )
    assert extract(html).title.startswith("Как пет общини")


def test_an_h1_linking_to_the_home_page_is_the_logo() -> None:
    html = page(
        '<meta property="og:title" content="Зелени площи">',
        '<div id="top"><h1><a href="/">Зелени площи</a></h1></div>'
        f"<div><h2>Новите дървета по булеварда</h2>{PROSE}</div>",
    )
    assert extract(html, "https://zeleni.example.bg/a/7").title == "Зелени площи"
    assert extract(html, "https://zeleni.example.bg/a/7").rules["title"] == "generic:og:title"
    home = '<a href="https://zeleni.example.bg/" rel="home">Зелени площи</a>'
    kept = html.replace('<a href="/">Зелени площи</a>', home)
    assert extract(kept).rules["title"] == "generic:og:title"
    linked_story = html.replace('href="/"', 'href="/a/7"')
    assert extract(linked_story).rules["title"] == "generic:h1"
    script_handle = html.replace('href="/"', 'href="#"')
    assert extract(script_handle).rules["title"] == "generic:h1"


def test_an_h1_that_is_the_short_end_of_the_stated_title_is_the_site_name() -> None:
    html = page(
        "<title>Ремонтът на Дунав мост започва в понеделник | Община Русе</title>",
        f'<div id="top"><h1>Община Русе</h1></div><div>{PROSE}</div>',
    )
    assert extract(html).title == "Ремонтът на Дунав мост започва в понеделник"


def test_an_og_title_that_is_the_site_name_does_not_make_the_headline_an_affix() -> None:
    html = page(
        '<meta property="og:title" content="Вестник Дунав">'
        "<title>Вестник Дунав | Общината ремонтира три училища през лятото</title>",
        f"<div><h1>Общината ремонтира три училища през лятото</h1>{PROSE}</div>",
    )
    assert extract(html).title == "Общината ремонтира три училища през лятото"


def test_an_og_title_that_only_names_the_site_is_passed_over() -> None:
    html = page(
        '<meta property="og:site_name" content="Община Примерна">'
        '<meta property="og:title" content="Община Примерна">'
        "<title>Нов парк в квартал Изток | Община Примерна</title>",
        f"<div><h2>Нов парк</h2>{PROSE}</div>",
    )
    article = extract(html)
    assert article.title == "Нов парк в квартал Изток"
    assert article.rules["title"] == "generic:title"


def test_a_cyrillic_site_name_that_spells_the_host_is_cut() -> None:
    html = page(
        "<title>Ремонтът на улица „Борисова“ започва - Русе Инфо</title>",
        f"<div>{PROSE}</div>",
    )
    assert extract(html, "https://ruseinfo.net/news/1").title == (
        "Ремонтът на улица „Борисова“ започва"
    )
    town_first = html.replace(
        "Ремонтът на улица „Борисова“ започва - Русе Инфо", "Русе - домакин на фестивала"
    )
    assert extract(town_first, "https://www.ruse.bg/news/2").title == (
        "Русе - домакин на фестивала"
    )


def test_an_h1_inside_a_link_to_the_home_page_is_the_logo() -> None:
    """ "<a href="/"><h1>Вести</h1></a>": the link around the h1, not inside it; the
    headline is the stated title's, which no h1 confirms."""
    html = page(
        "<title>Нов парк в квартал Дружба - Вести</title>",
        '<div id="top"><a href="/"><h1>Вести Русе</h1></a></div>'
        f"<div><h2>Нов парк в квартал Дружба</h2>{PROSE}</div>",
    )
    assert extract(html, "https://vesti.example.bg/a/7").title == "Нов парк в квартал Дружба"
    linked_story = html.replace('href="/"', 'href="/a/7"')
    assert extract(linked_story, "https://vesti.example.bg/a/7").title == "Вести Русе"


def test_an_h1_linking_home_by_rel_is_the_logo_whatever_its_path() -> None:
    """``rel="home"`` names the link to the home page even where that page is not the
    site's root ("/bg/", a language's home)."""
    html = page(
        '<meta property="og:title" content="Зелени площи">',
        '<div id="top"><h1><a href="/bg/" rel="home">Зелени площи</a></h1></div>'
        f"<div><h2>Новите дървета по булеварда</h2>{PROSE}</div>",
    )
    assert extract(html, "https://zeleni.example.bg/a/7").rules["title"] == "generic:og:title"
    assert extract(html.replace(' rel="home"', "")).rules["title"] == "generic:h1"


def test_an_h1_that_is_the_short_part_of_the_stated_title_is_not_the_headline() -> None:
    """A logo in an h1 that links nowhere: "Община Пример" is the stated title's short last
    part, so the headline comes from the title, not from the logo."""
    html = (
        "<html><head><title>Ремонтът на моста започва през март | Община Пример</title>"
        "</head><body><div><h1>Община Пример</h1></div>"
        f"<div>{PROSE}</div></body></html>"
    )
    assert extract(html, "https://news.example/2025/remont").title == (
        "Ремонтът на моста започва през март"
    )


def test_a_malformed_link_in_the_h1_does_not_cost_the_title() -> None:
    html = (
        "<html><head><title>Бюджетът е приет | Вестник</title></head><body>"
        f'<h1><a href="http://[bad">Бюджетът е приет</a></h1>{PROSE}</body></html>'
    )
    article = extract(html)
    assert article.title == "Бюджетът е приет" and "error" not in article.rules


def test_h1s_of_a_mega_menu_do_not_crowd_out_the_headline() -> None:
    """A menu built of a dozen h1s: none is a candidate, so the headline after them still
    is, though it sits in no article or main element and is reworded for search."""
    menu = "".join(f"<h1>Раздел {n}</h1>" for n in range(14))
    html = (
        "<html><head><title>Бюджетът е приет | Вестник</title></head><body>"
        f"<nav>{menu}</nav><h1>Общинският съвет прие бюджета на града за новата година</h1>"
        f"{PROSE}</body></html>"
    )
    assert extract(html).title == "Общинският съвет прие бюджета на града за новата година"


def test_the_h1_inside_main_comes_before_an_earlier_one_outside() -> None:
    html = (
        "<html><head><title>Бюджетът е приет | Вестник</title></head><body>"
        "<div><h1>Седмичен преглед</h1></div>"
        "<main><h1>Общинският съвет прие бюджета на града за новата година</h1>"
        f"{PROSE}</main></body></html>"
    )
    assert extract(html).title == "Общинският съвет прие бюджета на града за новата година"


def test_a_date_printed_inside_the_headline_is_not_part_of_it() -> None:
    html = page(
        "",
        '<article><h1><a href="/news/most" rel="bookmark"><time datetime="2026-03-14">'
        "14 март 2026</time> Мостът отваря за движение</a></h1>"
        f"{PROSE}</article>",
    )
    article = extract(html)
    assert article.title == "Мостът отваря за движение"
    assert article.published is not None and article.published.isoformat()[:10] == "2026-03-14"
    assert not article.text.startswith("14 март")


def test_a_label_set_apart_before_the_headline_is_dropped_unless_the_title_has_it() -> None:
    body = (
        "<article><h1><strong>Блог:</strong> Как общината избира подизпълнители</h1>"
        f"{PROSE}</article>"
    )
    stated = '<meta property="og:title" content="{}">'
    article = extract(page(stated.format("Как общината избира подизпълнители"), body))
    assert article.title == "Как общината избира подизпълнители"
    assert article.text.startswith("Общинският съвет")
    kept = page(stated.format("Блог: Как общината избира подизпълнители"), body)
    assert extract(kept).title == "Блог: Как общината избира подизпълнители"
    # a label only in running text, not in its own element, is the headline's own
    plain = body.replace("<strong>Блог:</strong>", "Блог:")
    assert extract(page(stated.format("Как общината"), plain)).title.startswith("Блог:")


def test_the_body_drops_the_headline_repeated_with_what_the_title_rules_took_off() -> None:
    from newsarchive.extraction.pipeline import _trim_head

    title = "Как общината избира подизпълнители"
    text = "Общинският съвет прие бюджета."
    assert _trim_head([f"Блог: {title}", text], title) == [text]
    assert _trim_head([f"14 март 2026 {title}", text], title) == [text]
    long_lead = f"Преди гласуването кметът обясни пред съветниците: {title}"
    assert _trim_head([long_lead, text], title) == [long_lead, text]
    assert _trim_head([f"Попитахме: {title}?", text], title)[0].endswith("?")


def test_a_headline_in_one_case_takes_the_stated_titles_casing_from_any_segment() -> None:
    stated = '<meta property="og:title" content="Ремонт на улиците в Русе | Новини | Вестник">'
    for h1 in ("ремонт на улиците в русе", "РЕМОНТ НА УЛИЦИТЕ В РУСЕ"):
        html = page(stated, f"<article><h1>{h1}</h1>{PROSE}</article>")
        assert extract(html).title == "Ремонт на улиците в Русе", h1
    other = page(stated, f"<article><h1>ремонт на моста</h1>{PROSE}</article>")
    assert extract(other).title == "ремонт на моста"  # other words: the h1 as printed


def test_a_headline_whose_letters_the_site_lost_to_question_marks_takes_the_stated_one() -> None:
    stated = '<meta property="og:title" content="Кметът на Köln: „Ремонтът започва“ | Вестник">'
    for h1 in ("Кметът на K?ln: ?Ремонтът започва?", "Кметът на K\ufffdln: „Ремонтът започва“"):
        html = page(stated, f"<article><h1>{h1}</h1>{PROSE}</article>")
        assert extract(html).title == "Кметът на Köln: „Ремонтът започва“", h1
    asked = page(
        '<meta property="og:title" content="Кога започва ремонтът">',
        f"<article><h1>Кога започва ремонтът?</h1>{PROSE}</article>",
    )
    assert extract(asked).title == "Кога започва ремонтът?"  # a real question mark stays


def test_a_microdata_headline_beats_a_logo_h1_that_the_title_names_first() -> None:
    """Joomla: the article title is ``<h2 itemprop="headline">``, the template's logo is the
    h1, and "Site Name in Page Titles: Before" makes the ``<title>`` "Site - Headline"."""
    headline = "Общинският съвет прие наредбата за зелената система"
    html = page(
        f"<title>Община Дъбравино - {headline}</title>",
        '<div class="header"><h1 class="site-title">Община Дъбравино</h1></div>'
        f'<div class="item-page" itemscope><h2 itemprop="headline">{headline}</h2>'
        f'<div itemprop="articleBody">{PROSE}</div></div>',
    )
    article = extract(html)
    assert article.title == headline
    assert article.rules["title"] == "generic:microdata:headline"


def test_several_microdata_headlines_are_a_list_and_state_no_title() -> None:
    items = "".join(
        f'<div itemscope><h2 itemprop="headline">Новина номер {n} от седмицата</h2></div>'
        for n in range(3)
    )
    html = page("<title>Община Дъбравино</title>", f"{items}{PROSE}")
    assert "Новина номер" not in extract(html).title


# An old municipal site: one layout table, no h1, no og:title, and the same <title> on
# every page; the headline is set in bold, in a cell of its own or on the text's first line.
_OLD_HEAD = "<title>Община Горно Поле - Новини</title>"
_OLD_MENU = (
    "<tr><td colspan=2><img src='/gerb.gif'> <b>ОБЩИНА ГОРНО ПОЛЕ</b></td></tr>"
    "<tr><td class=menu><a href='/'>Начало</a><br><a href='/novini.php'>Новини</a><br>"
    "<a href='/kontakti.php'>Контакти</a></td>"
)
_OLD_TEXT = (
    "Общинската администрация обяви, че от понеделник започва ремонтът на читалището.<br><br>"
    "Ремонтът включва нов покрив, нова дограма и саниране на фасадата на сградата.<br><br>"
)
_OLD_HEADLINE = "Започва ремонтът на читалището в село Долно Поле"


def test_headline_in_bold_in_its_own_cell_of_an_old_layout() -> None:
    html = page(
        _OLD_HEAD,
        f"<table>{_OLD_MENU}<td><table><tr><td class=zaglavie><b><font size=4>{_OLD_HEADLINE}"
        "</font></b></td></tr><tr><td><font size=1>12.11.2026</font></td></tr>"
        f"<tr><td>{_OLD_TEXT}</td></tr></table></td></tr></table>",
    )
    article = extract(html, "http://gornopole.example/novina.php?id=231")
    assert article.title == _OLD_HEADLINE, article.rules
    assert article.rules["title"] == "generic:above-body"
    assert article.text.startswith("Общинската администрация обяви")


def test_a_title_of_site_and_menu_section_leaves_the_bold_headline_first_word() -> None:
    """ "Община Горно Поле - Новини": its "Новини" is the menu's link, but the title less
    it is only the site's name printed over the layout, not a headline: the heading over
    the text still replaces the whole title."""
    html = page(
        _OLD_HEAD,
        f"<table>{_OLD_MENU.replace('ОБЩИНА ГОРНО ПОЛЕ', 'Община Горно Поле')}<td><table>"
        f"<tr><td class=zaglavie><b><font size=4>{_OLD_HEADLINE}</font></b></td></tr>"
        f"<tr><td>{_OLD_TEXT}</td></tr></table></td></tr></table>",
    )
    article = extract(html, "http://gornopole.example/novina.php?id=231")
    assert article.title == _OLD_HEADLINE, article.rules


def test_headline_in_bold_on_the_texts_first_line_below_the_sites_name_and_date() -> None:
    html = page(
        _OLD_HEAD,
        f"<table>{_OLD_MENU}<td class=tekst><font size=1>12.11.2026</font><br>"
        f"<b>{_OLD_HEADLINE}</b><br><br>{_OLD_TEXT}</td></tr></table>",
    )
    article = extract(html, "http://gornopole.example/novina.php?id=231")
    assert article.title == _OLD_HEADLINE, article.rules
    assert article.text.startswith("Общинската администрация обяви"), article.text
    assert "ОБЩИНА ГОРНО ПОЛЕ" not in article.text


def test_the_byline_and_date_block_over_the_text_is_no_headline() -> None:
    """An old newspaper's table layout: the headline in large bold type, then a smaller
    block of the writer's name in italics and the day under it, right above the text.
    Nearest the text, that block was taken for the headline: the true headline, the
    byline and the date then opened the text, and the page had no date nor writer."""
    html = page(
        "<title>The Gazette</title>",
        "<table><tr><td width=150><font size=1><a href='/'>Front Page</a><br>"
        "<a href='/sports.htm'>Sports</a></font></td><td>"
        "<font size=5><b>Library levy passes by a narrow margin</b></font><br>"
        "<font size=2><i>By Margaret Olsen, Gazette Correspondent</i><br>"
        "Monday, November 30, 2026</font><br><br><font size=3>"
        "Voters on Tuesday approved the library levy by fewer than two hundred votes, "
        "according to unofficial results released by the county clerk.<br><br>"
        "The levy will pay for longer opening hours and a new roof on the main branch, "
        "which has leaked for three winters.</font><br><hr>"
        "<font size=1>Copyright 2026 The Gazette</font></td></tr></table>",
    )
    article = extract(
        html, "http://www.gazette.example/news/2026/1130a.htm", today=dt.date(2026, 12, 7)
    )
    assert article.title == "Library levy passes by a narrow margin", article.rules
    assert article.published == dt.date(2026, 11, 30)
    assert article.text.startswith("Voters on Tuesday approved"), article.text
    assert article.author == "Margaret Olsen"


def test_headline_in_bold_on_a_line_of_its_own_in_a_block_of_lines() -> None:
    """A template of ``<div>``s setting its lines apart with a ``<br>`` each: the date, the
    headline in bold, the text's lines. The bold line, cut as a label at the text's edge,
    was none of the body's lines, and the page had no title (its ``<title>`` the site's
    name, printed in the copyright line)."""
    lines = _OLD_TEXT.replace("<br><br>", "<br>")
    html = page(
        "<title>Община Горно Поле</title>",
        "<div id='menu'><a href='/'>Начало</a> <a href='/novini.php'>Новини</a></div>"
        f"<div class='news'><span class='date'>12.11.2026</span><br><b>{_OLD_HEADLINE}</b>"
        f"<br>{lines}</div><div id='footer'>© 2026 Община Горно Поле</div>",
    )
    article = extract(html, "http://gornopole.example/novina.php?id=231")
    assert (article.title, article.rules["title"]) == (_OLD_HEADLINE, "generic:above-body")
    assert article.text.startswith("Общинската администрация обяви"), article.text


@pytest.mark.parametrize(
    ("heading", "url"),
    [
        # Joomla's linked titles, WordPress's entry-title bookmark, Joomla 1.5's cell
        ('<h2><a href="/novini/540">{}</a></h2>', "https://gornopole.example/novini/540"),
        (
            '<h2 class="entry-title"><a href="/2026/03/19/remont/" rel="bookmark">{}</a></h2>',
            "https://gornopole.example/2026/03/19/remont/",
        ),
        (
            '<table><tr><td class="contentheading"><a href="/novini/540"'
            ' class="contentpagetitle">{}</a></td></tr></table>',
            "https://gornopole.example/novini/540",
        ),
    ],
)
def test_a_heading_linking_to_the_page_itself_is_its_headline(heading: str, url: str) -> None:
    """A CMS prints the article's headline as a link to the article: under a ``<title>``
    of the site's name alone, a linked heading read as a teaser of another page, and the
    page had no title, its headline opening the text. A heading linking elsewhere is
    still a teaser's."""
    html = page(
        "<title>Община Горно Поле</title>",
        "<div id='menu'><a href='/'>Начало</a> <a href='/novini'>Новини</a></div>"
        f"<div class='item'>{heading.format(_OLD_HEADLINE)}<p class='date'>12.11.2026</p>"
        f"<p>{_OLD_TEXT.replace('<br><br>', '</p><p>')}</p></div>"
        "<div id='footer'>© 2026 Община Горно Поле</div>",
    )
    article = extract(html, url)
    assert (article.title, article.rules["title"]) == (_OLD_HEADLINE, "generic:above-body")
    assert article.text.startswith("Общинската администрация обяви"), article.text
    elsewhere = extract(
        html.replace("/novini/540", "/novini/541").replace("/remont/", "/drugo/"), url
    )
    assert elsewhere.title != _OLD_HEADLINE


def test_a_headline_the_title_states_before_its_section_and_site_names() -> None:
    """A uCoz blog titles a post "Headline - Section - Site – Village" and prints the
    headline alone over the text: the <title>'s first part, printed as the page's
    heading, is the headline, however many parts of names follow it."""
    headline = "Ремонтът на покрива на читалището приключи"
    html = page(
        f"<title>{headline} - Новини - НЧ „Искра 1910“ – с. Примерово</title>",
        '<div class="logo"><a href="https://primerovo.at.ua/">НЧ „Искра 1910“ – с. Примерово'
        '</a></div><div id="menu"><ul><li><a href="/blog/">Новини</a></li></ul></div>'
        '<table class="eBlock"><tr><td>'
        f'<div class="eTitle">{headline}</div><div class="eDate">24.10.2026</div>'
        f'<div class="eMessage">{PROSE}</div></td></tr></table>',
    )
    article = extract(html, "https://primerovo.at.ua/blog/remont/2026-10-24-26")
    assert (article.title, article.rules["title"]) == (headline, "generic:above-body")
    assert article.text.startswith("Общинският съвет прие"), article.text
    # With no heading printed at all, the <title> is all the page states: its parts that
    # the page prints as its navigation's links, the logo's link home (the site's name)
    # and the menu's "Новини" (the section's), are names, not the headline.
    bare = extract(html.replace(f'<div class="eTitle">{headline}</div>', ""), article.url)
    assert (bare.title, bare.rules["title"]) == (headline, "generic:title")
    # A link inside the text is no name of the site's: a tag opening the title stays.
    tagged = "Радев - Ердоган: среща в Анкара - НЧ „Искра 1910“ – с. Примерово"
    bare = extract(
        html.replace(f'<div class="eTitle">{headline}</div>', "")
        .replace(f"{headline} - Новини", tagged.split(" - НЧ")[0])
        .replace('<div class="eMessage">', '<div class="eMessage"><a href="/tag/radev">Радев</a>'),
        article.url,
    )
    assert bare.title == "Радев - Ердоган: среща в Анкара"


@pytest.mark.parametrize(
    "title",
    [
        "Община Примерово - Ремонтът на покрива на читалището приключи",
        "Ремонтът на покрива на читалището приключи :: Новини :: Община Примерово",
    ],
)
def test_a_logo_links_name_is_cut_from_a_title_with_no_heading_beside_it(title: str) -> None:
    """An old site's logo is a picture linking home, named only by its ``alt``: the name
    the site gives itself, which its ``<title>`` prints before or after every headline.
    Before, the name opening the title stayed; the one closing it was cut already, as a
    last segment spelling the host (obshtina.primerovo.example), and is kept here as a
    guard."""
    html = page(
        f"<title>{title}</title>",
        '<div class="logo"><a href="/"><img src="/logo.png" alt="Община Примерово"></a></div>'
        '<div id="menu"><a href="/novini">Новини</a> <a href="/kontakti">Контакти</a></div>'
        f'<div class="content"><div class="date">24.10.2026</div>{PROSE}</div>',
    )
    article = extract(html, "https://obshtina.primerovo.example/novini/remont")
    assert (article.title, article.rules["title"]) == (
        "Ремонтът на покрива на читалището приключи",
        "generic:title",
    )


def test_a_stated_title_printed_on_the_page_stays_the_headline() -> None:
    html = page(
        f"<title>{_OLD_HEADLINE}</title>",
        f"<div><h3>Последни новини</h3><p>{_OLD_HEADLINE}</p><p>{_OLD_TEXT}</p></div>",
    )
    article = extract(html, "http://gornopole.example/novina.php?id=231")
    assert article.title == _OLD_HEADLINE
    assert article.rules["title"] == "generic:title"


def test_a_days_heading_over_the_text_is_no_headline() -> None:
    html = page(_OLD_HEAD, f"<div><h2>15 Декември 2025</h2><p>{_OLD_TEXT}</p></div>")
    assert extract(html, "http://gornopole.example/n.php?id=2").rules["title"] == "generic:title"


_GORNOPOLE = "http://gornopole.bg/novina.php?id=7"
_OBSHTINA = "http://obshtinagornopole.bg/n/7"
_LOGO = "<h1>Община Горно Поле</h1>"


@pytest.mark.parametrize(
    ("url", "title", "logo"),
    [
        (_GORNOPOLE, "Община Горно Поле", f"<div class='top'>{_LOGO}</div>"),
        (_OBSHTINA, "Община Горно Поле", f"<div class='top'>{_LOGO}</div>"),
        (_GORNOPOLE, "Новини - Община Горно Поле", _LOGO),
        # not "Новини - Община Горно Поле": that segment spells this host, and the
        # title's host-named segment alone named the logo
        (_OBSHTINA, "Новини - Горно Поле", _LOGO),
    ],
)
def test_a_logo_h1_spelling_the_host_is_the_sites_name(url: str, title: str, logo: str) -> None:
    html = page(
        f"<title>{title}</title>",
        f"{logo}<div class='content'><h2>{_OLD_HEADLINE}</h2><span>12.11.2026</span>"
        f"<p>{_OLD_TEXT}</p></div>",
    )
    assert extract(html, url).title == _OLD_HEADLINE


def test_a_headline_opening_with_the_place_is_more_than_the_sites_name() -> None:
    headline = "Горно Поле посреща Коледа с нова елха"
    html = page(f"<title>{headline}</title>", f"<h1>{headline}</h1>{PROSE}")
    assert extract(html, "http://gornopole.bg/n/8").title == headline


def test_a_marquee_of_notices_is_no_headline_nor_text() -> None:
    html = page(
        _OLD_HEAD,
        f"<table>{_OLD_MENU}<td><marquee>Добре дошли на официалния сайт на Община Горно Поле и"
        " приятно разглеждане!</marquee><br><font size=1>12.11.2026</font><br>"
        f"<b>{_OLD_HEADLINE}</b><br><br>{_OLD_TEXT}</td></tr></table>",
    )
    article = extract(html, "http://gornopole.example/novina.php?id=231")
    assert article.title == _OLD_HEADLINE
    assert "Добре дошли" not in article.text


def test_a_blurb_set_in_the_h1_is_not_the_headline() -> None:
    """Sentences closing with a full stop, over 150 characters: a summary in the h1."""
    blurb = (
        "Научете кои ремонти на жилището се изплащат най-бързо? Вижте съветите на"
        " експертите как да пресметнете възвращаемостта. Ще ви помогнем да разберете"
        " всичко за стойността на вашия ремонт."
    )
    for head in ('<meta property="og:title" content="Десетте най-изгодни ремонта">', ""):
        html = page(
            f"{head}<title>Десетте най-изгодни ремонта</title>",
            f"<article><h1>{blurb}</h1>{PROSE}</article>",
        )
        assert extract(html).title == "Десетте най-изгодни ремонта"
    one_sentence = blurb.split("?")[0] + " и как да ги планирате без излишни разходи през пролетта"
    html = page("<title>Ремонти</title>", f"<article><h1>{one_sentence}</h1>{PROSE}</article>")
    assert extract(html).title == one_sentence


def _headline_page(h1: str, title: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Начало</a></nav>"
        f"<main><article><h1>{h1}</h1><div class='post-body'><p>Новият модел ще се продава в"
        " страната от началото на следващия месец, съобщи вносителят.</p><p>Цената все още не"
        " е обявена, но се очаква да бъде близка до тази на предишния модел.</p></div>"
        "</article></main></body></html>"
    )


@pytest.mark.parametrize(
    ("h1", "title", "expected"),
    [
        # a capital inside a word is the name's, typed so: the h1 as printed
        ("iPhone 17 пристига в магазините", "iPhone 17 пристига в магазините | Техно", None),
        ("АвтоГари Русе пуска нови линии", "АвтоГари Русе пуска нови линии - Русе", None),
        ("Apple Launches The New iPhone", "Apple launches the new iPhone | Техно", None),
        # an h1 in capitals or in small letters takes the stated casing, inner capitals too
        ("IPHONE 17 ПРИСТИГА В МАГАЗИНИТЕ", "iPhone 17 пристига в магазините | Техно",
         "iPhone 17 пристига в магазините"),
        ("АВТОГАРИ РУСЕ ПУСКА НОВИ ЛИНИИ", "АвтоГари Русе пуска нови линии - Русе",
         "АвтоГари Русе пуска нови линии"),
        ("mcdonald's отваря нов ресторант", "McDonald's отваря нов ресторант | Бизнес",
         "McDonald's отваря нов ресторант"),
    ],
)  # fmt: skip
def test_inner_capitals_survive_the_choice_of_casing(
    h1: str, title: str, expected: str | None
) -> None:
    """A title typed with capitals inside its words ("iPhone", "АвтоГари", "McDonald's")
    is the h1 as printed, not a styled copy to recase; an h1 in one case takes the stated
    title's, whose inner capitals come with it."""
    assert extract(_headline_page(h1, title)).title == (expected or h1)


def test_an_h1_holding_a_permalink_to_itself_is_a_section_of_the_text() -> None:
    html = page(
        "<title>Какво казаха жителите за новия парк | Блог на общината</title>",
        "<header><h2>Какво казаха жителите за новия парк</h2></header>"
        f"<article>{PROSE}"
        '<h1 id="no-nai-mnogo-haresvat-senkata"><a class="anchor"'
        ' href="#no-nai-mnogo-haresvat-senkata"></a>Но най-много харесват сянката на'
        f" дърветата</h1>{PROSE}</article>",
    )
    assert extract(html).title == "Какво казаха жителите за новия парк"
    # A page whose h1 its title confirms keeps it, permalink and all (a documentation page).
    headline = "Но най-много харесват сянката на дърветата"
    confirmed = html.replace("Какво казаха жителите за новия парк |", headline + " |")
    assert extract(confirmed).title == headline


def test_a_markdown_posts_own_h1_with_its_permalink_stays_its_headline() -> None:
    """The h1 over the text, not after a paragraph of it, is the post's, permalink and
    all, though the ``<title>`` is only the blog's name and confirms nothing."""
    html = page(
        "<title>Блог на общината</title>",
        '<article><h1 id="novi-peiki-v-parka"><a class="anchor" href="#novi-peiki-v-parka">'
        f"</a>Нови пейки в парка</h1>{PROSE}</article>",
    )
    assert extract(html).title == "Нови пейки в парка"


def test_the_host_an_aggregator_credits_after_the_headline_is_not_part_of_it() -> None:
    html = page(
        '<meta property="og:title" content="Общината пуска нов сайт за сигнали">',
        '<h1><a href="/story/1">Общината пуска нов сайт за сигнали</a> <a'
        ' href="https://vesti.example.bg/a/7">(vesti.example.bg)</a></h1>' + PROSE,
    )
    assert extract(html).title == "Общината пуска нов сайт за сигнали"
    # A headline the page states with its bracketed name keeps it.
    credited = "Общината пуска нов сайт за сигнали (vesti.example.bg)"
    named = html.replace('content="Общината пуска нов сайт за сигнали"', f'content="{credited}"')
    assert extract(named).title == credited


def test_a_template_key_left_untranslated_is_never_the_title() -> None:
    html = page(
        '<meta property="og:title" content="site.bta"><title>Нов парк в Русе | БТА</title>',
        f"<h1>site.bta</h1><h2>Нов парк в Русе</h2>{PROSE}",
    )
    assert extract(html, "https://www.bta.bg/bg/news/1").title == "Нов парк в Русе"
    keys_only = html.replace("Нов парк в Русе | БТА", "site.bta")
    assert extract(keys_only, "https://www.bta.bg/bg/news/1").title == "Нов парк в Русе"
    nothing_else = keys_only.replace("<h2>Нов парк в Русе</h2>", "")
    assert extract(nothing_else, "https://www.bta.bg/bg/news/1").title == ""
    # A profile's title selector that finds only the key gives way to the generic rules.
    profile = Profile(id="p", name="П", origin="https://www.bta.bg", title_selectors=("h1",))
    assert extract(html, "https://www.bta.bg/bg/news/1", profile=profile).title == (
        "Нов парк в Русе"
    )


def test_a_one_word_headline_with_a_dot_is_no_template_key() -> None:
    """A site's name as its headline ("Dnes.bg" in a column about the site) is capitalised;
    a template's key ("site.bta") is not."""
    html = page("<title>Sofia.bg</title>", f"<article><h1>Sofia.bg</h1>{PROSE}</article>")
    assert extract(html, "https://www.primerna.bg/novini/7").title == "Sofia.bg"


_MENU = '<nav><a href="/">Начало</a> <a href="/novini">Новини</a> <a href="/obyavi">Обяви</a></nav>'


def test_a_news_sections_name_is_never_the_title() -> None:
    html = page(
        '<meta property="og:title" content="Нов парк в квартал Изток">'
        "<title>Новини - Община Примерна</title>",
        f"{_MENU}<article><h1>Новини</h1>{PROSE}</article>",
    )
    assert extract(html, "https://www.primerna.bg/novini/7").title == "Нов парк в квартал Изток"
    # A page that states nothing but the section (a listing) has no title, not "Новини".
    listing = html.replace("Нов парк в квартал Изток", "Новини")
    assert extract(listing, "https://www.primerna.bg/novini/7").title == ""
    # Nor the site's name the ``<title>`` pairs the section with, where the og:title
    # states the section alone.
    paired = listing.replace("Новини - Община Примерна", "Новини | Вестник Примерна")
    assert extract(paired, "https://www.primerna.bg/novini/7").title == ""
    # A headline stated beside it stays.
    headed = paired.replace("</title>", '</title><meta itemprop="headline" content="Нов парк">')
    assert extract(headed, "https://www.primerna.bg/novini/7").title == "Нов парк"
    # A headline with the section's word in it is a headline.
    story = html.replace("<h1>Новини</h1>", "<h1>Новини от сесията на съвета</h1>")
    assert extract(story, "https://www.primerna.bg/novini/7").title == (
        "Новини от сесията на съвета"
    )


@pytest.mark.parametrize("section", ["Актуално", "Новини и събития", "Latest news"])
def test_a_title_of_news_words_alone_is_a_section_even_unlinked(section: str) -> None:
    html = page(
        f"<title>{section}</title>", f"<h1>{section}</h1><h2>Нов парк в квартал Изток</h2>{PROSE}"
    )
    assert extract(html, "https://www.primerna.bg/a/7").title == "Нов парк в квартал Изток"
    listing = html.replace("<h2>Нов парк в квартал Изток</h2>", "")
    assert extract(listing, "https://www.primerna.bg/a/7").title == ""


def test_an_h1_takes_the_straight_quotes_its_og_title_and_title_both_type() -> None:
    """``titles.typed_marks``: the typed spelling where two stated titles agree on it,
    word by word."""
    from newsarchive.extraction.metadata import Metadata
    from newsarchive.extraction.titles import typed_marks

    h1 = "A Gardener’s ‘Lazy’ Guide to Compost"
    typed = "A Gardener's 'Lazy' Guide to Compost"
    both = Metadata(og_title=typed, html_title=f"{typed} | Green Notes")
    assert typed_marks(h1, both) == typed
    named = Metadata(og_title=typed, html_title=f"Green Notes: {typed}", og_site_name="Green Notes")
    assert typed_marks(h1, named) == typed  # the name before a colon: the same words typed
    assert typed_marks(h1, Metadata(og_title=typed)) == h1  # one says so
    other = Metadata(og_title=typed, html_title="A Gardener's Guide | Green Notes")
    assert typed_marks(h1, other) == h1  # the two disagree: "'Lazy'" in one only
    curled = Metadata(og_title=typed, html_title="A Gardener’s ‘Lazy’ Guide | Green Notes")
    assert typed_marks(h1, curled) == h1  # the <title> curls them as the h1 does
    dashed = Metadata(og_title=f"{typed} - Part 2", html_title=f"{typed} - Part 2")
    assert typed_marks(f"{h1} – Part 2", dashed) == f"{typed} – Part 2"  # the dash as printed
    bulgarian = "Кметът откри „Зелена Бяла“ в неделя"
    plain = 'Кметът откри "Зелена Бяла" в неделя'
    quoted = Metadata(og_title=plain, html_title=plain)
    assert typed_marks(bulgarian, quoted) == bulgarian


def test_the_typed_marks_are_read_word_by_word_in_reworded_stated_titles() -> None:
    """og:title and ``<title>`` word the headline otherwise than the h1 and each other,
    and type the h1's one curled word straight: the title takes the typed word."""
    printed = "Planting Garlic in Autumn- A First Grower’s Guide"
    html = page(
        '<meta property="og:title" content="Planting Garlic in Autumn: A First Grower\'s'
        " Guide\"><title>Autumn Garlic: When to Plant- A First Grower's Guide to Garlic"
        "</title>",
        f"<article><h1>{printed}</h1><div class='entry'>"
        + "<p>Break the bulb into cloves a day before planting, keep the papery skins on and"
        " set each clove a hand's width apart, pointed end up.</p>" * 3 + "</div></article>",
    )
    article = extract(html, "https://greennotes.example/autumn-garlic")
    assert article.title == "Planting Garlic in Autumn- A First Grower's Guide"
    curled = html.replace("<title>Autumn", "<title>Autumn’s").replace(
        "Grower's Guide to", "Grower’s Guide to"
    )
    assert extract(curled, "https://greennotes.example/autumn-garlic").title == printed


def test_an_h1_takes_the_double_hyphen_its_stated_titles_type_for_its_em_dash() -> None:
    """``titles.typed_marks``: "--" is the em dash as typed; both stated titles type it
    so where the h1 prints "—". A hyphen is no typed dash, and one title is not enough."""
    from newsarchive.extraction.metadata import Metadata
    from newsarchive.extraction.titles import typed_marks

    h1 = "Roots Need No Map—Seedlings Find Water Alone"
    typed = "Roots Need No Map--Seedlings Find Water Alone"
    both = Metadata(og_title=typed, html_title=f"{typed} | Soil Weekly")
    assert typed_marks(h1, both) == typed
    assert typed_marks(h1, Metadata(og_title=typed)) == h1
    hyphen = "Roots Need No Map-Seedlings Find Water Alone"
    assert typed_marks(h1, Metadata(og_title=hyphen, html_title=hyphen)) == h1
    spaced = "Roots Need No Map – Seedlings Find Water Alone"
    hyphened = "Roots Need No Map - Seedlings Find Water Alone"
    assert typed_marks(spaced, Metadata(og_title=hyphened, html_title=hyphened)) == spaced
    page_html = page(
        f'<meta property="og:title" content="{typed}"><title>{typed} | Soil Weekly</title>',
        f"<article><h1>{h1}</h1><div class='entry'>"
        + "<p>A seedling's first root turns toward damp soil within hours, guided by the"
        " water it senses through the root cap rather than by any light.</p>"
        * 3
        + "</div></article>",
    )
    assert extract(page_html, "https://soilweekly.example/roots").title == typed


def test_the_typed_marks_leave_the_body_without_the_printed_headline() -> None:
    """The rule reads after the others: the body's copy of the headline, printed with the
    h1's "’", still goes, and the title is archived as the stated titles type it."""
    printed = "The Beginner’s Guide to Backyard Compost"
    typed = "The Beginner's Guide to Backyard Compost"
    html = page(
        f'<meta property="og:title" content="{typed}"><title>{typed} - Green Notes</title>',
        f"<article><h1>{printed}</h1><div class='entry'><p>{printed}</p>"
        + "<p>Start with a shaded corner, a wooden frame and a mix of dry leaves and kitchen"
        " scraps, turned once a week.</p>" * 3 + "</div></article>",
    )
    article = extract(html, "https://greennotes.example/compost-guide")
    assert article.title == typed
    assert printed not in article.text and typed not in article.text


def test_an_h1_in_sentence_case_takes_a_stated_titles_title_case() -> None:
    """``titles.title_cased``: only a stated title capitalising every long word, and only
    words the h1 leaves lower."""
    from newsarchive.extraction.metadata import Metadata
    from newsarchive.extraction.titles import title_cased

    generic = Profile(id="generic", name="generic", origin="http://localhost")
    h1 = "How to repair a leaking garden hose in 2026"
    cased = "How to Repair a Leaking Garden Hose in 2026"
    assert (
        title_cased(h1, Metadata(html_title=f"{cased} | Yard Notes"), generic, generic=True)
        == cased
    )
    assert title_cased(h1, Metadata(og_title=cased.upper()), generic, generic=True) == h1
    with_lower = Metadata(og_title="How to Repair a Leaking Garden Hose with Tape")
    assert (
        title_cased(f"{h1[:-8]} with tape", with_lower, generic, generic=True)
        == f"{h1[:-8]} with tape"
    )
    h1_title = "The Best Garden Hoses of 2026"
    lower = Metadata(og_title="The best garden hoses of 2026")
    assert title_cased(h1_title, lower, generic, generic=True) == h1_title  # never the reverse
    small = "Garden Hose Review and Repair Guide"
    assert (
        title_cased(
            small, Metadata(og_title="Garden Hose Review And Repair Guide"), generic, generic=True
        )
        == small
    )
    bulgarian = "Кметът откри новия парк в Русе"
    titled = Metadata(og_title="Кметът Откри Новия Парк В Русе")
    assert title_cased(bulgarian, titled, generic, generic=True) == bulgarian
    html = page(
        f'<meta property="og:title" content="{cased}">',
        f"<article><h1>{h1}</h1><p>{h1}</p>"
        + "<p>Cut the split part out, push both ends onto a brass mender and tighten the"
        " clamps by hand before the water goes back on.</p>" * 3 + "</article>",
    )
    article = extract(html, "https://yardnotes.example/hose-repair")
    assert article.title == cased
    assert h1 not in article.text  # the body's copy of the h1, as printed, still goes


def test_an_h1s_pipe_stays_where_the_stated_title_sets_the_site_off_otherwise() -> None:
    """``titles._pipe_kept``: "A | B — Site" over an h1 "A | B" says the pipe is the
    headline's own; "A | B | Site" says nothing of it, and the h1 is cut at its pipe."""
    h1 = "Ten Trails Worth the Climb in 2026 | The Best Day Hikes Near Town"
    prose = (
        "<p>Start early: the ridge trails are shaded until ten, and the car parks at the"
        " trailheads fill by nine on a weekend in summer.</p>" * 3
    )
    head = '<meta property="og:site_name" content="Hill Walker Notes">'

    def title(stated: str) -> str:
        html = page(f"{head}<title>{stated}</title>", f"<article><h1>{h1}</h1>{prose}</article>")
        return extract(html, "https://hillwalker.example/ten-trails").title

    assert title(f"{h1} — Hill Walker Notes") == h1
    assert title(f"{h1} | Hill Walker Notes") == "Ten Trails Worth the Climb in 2026"
    assert title(f"{h1} — Trails and Tours") == "Ten Trails Worth the Climb in 2026"


def test_without_an_h1_the_stated_title_printed_as_a_heading_wins() -> None:
    """``titles._printed_first``: og:title rewords the card; the heading the page prints
    is the title twitter:title (or JSON-LD) states. Not from a sidebar's heading."""
    printed = "How the River Ferry Keeps Running Through the Winter Floods"
    card = "How the river ferry runs in winter"
    prose = (
        "<p>The ferry crew checks the river gauge at dawn and moves the landing stage"
        " twice a week when the water rises over the lower steps.</p>" * 3
    )
    head = (
        f'<meta property="og:title" content="{card} - River News">'
        f'<meta name="twitter:title" content="{printed}">'
        '<meta property="og:site_name" content="River News">'
    )

    def title(body: str, extra: str = "") -> str:
        html = page(head + extra, body)
        return extract(html, "https://rivernews.example/2026/01/ferry-winter").title

    shown = f"<article><h3 class='post-title'>{printed}</h3>{prose}</article>"
    assert title(shown) == printed
    aside = f"<aside><h3>{printed}</h3></aside><article>{prose}</article>"
    assert title(aside) == card
    both = f"<article><h2>{card}</h2><h3>{printed}</h3>{prose}</article>"
    assert title(both) == card  # og:title's own words are printed: it stays
    ld = json.dumps({"@type": "Article", "headline": printed})
    jsonld = head.replace(f'<meta name="twitter:title" content="{printed}">', "") + (
        f'<script type="application/ld+json">{ld}</script>'
    )
    assert extract(page(jsonld, shown), "https://rivernews.example/a").title == printed
    alone = head.replace(f'<meta name="twitter:title" content="{printed}">', "")
    assert extract(page(alone, shown), "https://rivernews.example/a").title == card


def test_title_case_never_touches_an_h1_holding_a_non_latin_letter() -> None:
    """``titles.title_cased``: an h1 with English words in sentence case beside a Cyrillic
    or Greek word is kept as printed, though its stated title capitalises the long words
    (a Latin letter with an accent still lets the rule read it)."""
    from newsarchive.extraction.metadata import Metadata
    from newsarchive.extraction.titles import title_cased

    generic = Profile(id="generic", name="generic", origin="http://localhost")
    for h1, cased in (
        ("Русе: how to ride a bike along the river", "Русе: How to Ride a Bike Along the River"),
        ("Αθήνα: how to ride a bike along the river", "Αθήνα: How to Ride a Bike Along the River"),
        ("How to ride a bike in Ruse (Русе)", "How to Ride a Bike in Ruse (Русе)"),
    ):
        assert title_cased(h1, Metadata(og_title=cased), generic, generic=True) == h1
    accented = "Café owners share their favourite recipes"
    stated = "Café Owners Share Their Favourite Recipes"
    assert title_cased(accented, Metadata(og_title=stated), generic, generic=True) == stated


@pytest.mark.parametrize(
    ("span", "title"),
    [
        ('<span class="block text-lg">', "Нов парк край Дунава Къде ще се разхождаме от май"),
        ('<span class="d-block">', "Нов парк край Дунава Къде ще се разхождаме от май"),
        ('<span style="display: flex">', "Нов парк край Дунава Къде ще се разхождаме от май"),
        ('<span class="hidden md:block">', "Нов парк край Дунава Къде ще се разхождаме от май"),
        ('<span class="d-md-flex">', "Нов парк край Дунава Къде ще се разхождаме от май"),
        ('<span class="blocked">', "Нов парк край ДунаваКъде ще се разхождаме от май"),
        ("<span>", "Нов парк край ДунаваКъде ще се разхождаме от май"),
    ],
)
def test_a_span_the_page_shows_as_a_block_is_a_line_of_the_headline(span: str, title: str) -> None:
    html = page(
        "",
        f"<article><h1>Нов парк край Дунава{span}Къде ще се разхождаме от май</span></h1>"
        f"{PROSE}</article>",
    )
    assert extract(html).title == title


@pytest.mark.parametrize(
    ("title", "longest"),
    [
        ("Кратко | Община Русе и областта", "Община Русе и областта"),
        ("Кратко\t|\n  Община Русе и областта", "Община Русе и областта"),
        ("Община Русе и областта  ::  Кратко", "Община Русе и областта"),
        ("Ко-оп Русе|Кратко заглавие", "Ко-оп Русе|Кратко заглавие"),  # no space: one part
    ],
)
def test_a_title_splits_at_a_separator_with_any_spaces_around_it(title: str, longest: str) -> None:
    assert titles.title_forms(title) == (title, longest)
    assert titles.title_forms(title) == (title, longest)  # (asked again: the memoised split)


@pytest.mark.parametrize(
    "read",
    [titles._segments, titles._words, titles._printed_words],
    ids=["segments", "words", "printed_words"],
)
def test_a_memoised_reading_answers_what_no_caller_can_change(
    read: Callable[[str], Sequence[str]],
) -> None:
    """A memo's answer is the same object for every caller that asks for the same title:
    a tuple, which none of them can change under the others (a list could be)."""
    answer = read("Ремонт на моста | Община Русе")
    assert isinstance(answer, tuple)
    assert read("Ремонт на моста | Община Русе") is answer


_BOARD = "НЧ „Просвета 1907“ – с. Форумово"


@pytest.mark.parametrize("name", [_BOARD, "Община Русе"])
def test_a_header_h1_that_is_the_titles_site_part_is_no_headline(name: str) -> None:
    """A board's header prints its name in an h1 on every page, the ``<title>`` "Topic -
    Board": a name with a separator of its own ("… – с. Форумово") was two of the title's
    segments, no one of them the whole h1, so the h1 read as the headline (five words
    sharing all of them with the title) and the topic's heading in the post was kept as
    the text's first line. A run of segments at the title's end that leaves out its
    longest is the site's name as one segment is (``_is_short_segment``)."""
    topic = "Нов детски кът в квартал Изгрев"
    page = (
        f"<html><head><title>{topic} - {name}</title></head><body>"
        f'<div id="page-header"><div class="headerbar" role="banner"><h1>{name}</h1>'
        "<p>Форум на читалището</p></div></div>"
        f'<div id="page-body"><h2 class="topic-title"><a href="?t=53">{topic}</a></h2>'
        '<div class="post"><div class="postbody">'
        f'<h3 class="first"><a href="#p530">{topic}</a></h3>'
        '<div class="content">Общината постави люлки, пързалка и пясъчник между блоковете на'
        " квартала.<br><br>Площадката е оградена и има пейки за родителите.</div></div></div>"
        "</div></body></html>"
    )
    got = extract(page, "https://forum.example.bg/viewtopic.php?f=2&t=53")
    assert got.title == topic
    assert got.text.splitlines()[0].startswith("Общината постави")


@pytest.mark.parametrize(
    ("h1", "short"),
    [
        ("НЧ „Просвета 1907“ – с. Форумово", True),  # the run closing the title
        ("Вестник Долина – Русе", True),  # the run opening it
        ("Нов мост над Янтра", False),  # the longest segment: the headline
        ("Нов мост над Янтра – открит", False),  # a run holding it
        ("Форумово", False),  # a word, not the run's segments
    ],
)
def test_a_run_of_segments_leaving_out_the_longest_is_a_short_segment(h1: str, short: bool) -> None:
    title = "Вестник Долина – Русе | Нов мост над Янтра – открит | НЧ „Просвета 1907“ – с. Форумово"
    assert titles._is_short_segment(h1, [title]) is short


def _pitch_page(h1: str, og: str, title: str) -> str:
    head = f'<title>{title}</title><meta property="og:site_name" content="Бизнес Пример">'
    head += f'<meta property="og:title" content="{og}">' if og else ""
    return page(head, f"<main><section class='intro'><h1>{h1}</h1></section>{PROSE}</main>")


@pytest.mark.parametrize(
    ("h1", "og", "title", "expected"),
    [
        # a sales page's button-like h1; og:title and <title> agree on what the page is
        (
            "Form your own company online today",
            "How to register a company in Bulgaria",
            "How to register a company in Bulgaria | Бизнес Пример",
            "How to register a company in Bulgaria",
        ),
        (
            "Запишете се за курса още днес",
            "Безплатни курсове по компютърна грамотност",
            "Безплатни курсове по компютърна грамотност | Бизнес Пример",
            "Безплатни курсове по компютърна грамотност",
        ),
        # the page states its title once: that may be the headline reworded for search
        (
            "Form your own company online today",
            "",
            "How to register a company in Bulgaria | Бизнес Пример",
            "Form your own company online today",
        ),
        # a headline that opens with such a verb and runs long is a headline
        (
            "Get ready for winter: what the municipality clears first and what it leaves",
            "Winter road clearing plan for the new season",
            "Winter road clearing plan for the new season | Бизнес Пример",
            "Get ready for winter: what the municipality clears first and what it leaves",
        ),
    ],
)
def test_a_call_to_action_in_the_h1_gives_way_to_the_title_the_page_agrees_on(
    h1: str, og: str, title: str, expected: str
) -> None:
    assert extract(_pitch_page(h1, og, title)).title == expected


@pytest.mark.parametrize(
    ("og", "expected"),
    [
        # og:title and <title> agree on the headline, worded otherwise than the display h1
        ("Домашен компост: ръководство за начинаещи", "Домашен компост: ръководство за начинаещи"),
        # only <title> states it: the h1 in capitals is all the page prints
        ("", "ПЪЛНО РЪКОВОДСТВО ЗА ДОМАШНИЯ КОМПОСТ"),
    ],
)
def test_an_h1_in_capitals_gives_way_to_the_title_the_page_agrees_on(
    og: str, expected: str
) -> None:
    html = _pitch_page(
        "ПЪЛНО РЪКОВОДСТВО ЗА ДОМАШНИЯ КОМПОСТ",
        og,
        "Домашен компост: ръководство за начинаещи | Бизнес Пример",
    )
    assert extract(html).title == expected


_CLOCK_HEAD = (
    "<div id='hdr'><a href='/'>Горно Поле днес</a> <span id='clock'>понеделник, 7 декември"
    " 2026</span></div><div id='mn'><a href='/news'>Новини</a> <a href='/sport'>Спорт</a></div>"
)
_DAY_BEFORE = "2026-12-06 14:30:00"


@pytest.mark.parametrize(
    "headline",
    [
        '<div class="ttl">{}</div>',  # a class that names nothing
        '<p style="font-size:18px;font-weight:bold">{}</p>',  # a paragraph styled large
        "<div>{}</div>",
    ],
)
@pytest.mark.parametrize(
    ("day", "published"), [("вчера в 14:30", _DAY_BEFORE), ("06.12.2026 14:30", _DAY_BEFORE)]
)
def test_the_line_of_its_own_over_the_date_over_the_text_is_the_headline(
    headline: str, day: str, published: str
) -> None:
    """Headline, date, text: a page that sets its headline in no heading, no bold and no
    class naming it, under a ``<title>`` of the site's name and section. The headline was
    sought by the title's words, found in the header's link home, and the date read
    beside that: the header's clock, the day of the crawl."""
    html = page(
        "<title>Горно Поле днес - Новини</title>",
        f"{_CLOCK_HEAD}<div id='art'>{headline.format(_OLD_HEADLINE)}<div class='dt'>{day}</div>"
        f"<div class='txt'><p>{_OLD_TEXT.replace('<br><br>', '</p><p>')}</p></div></div>"
        "<div id='ft'>© Горно Поле днес</div>",
    )
    fetched = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
    article = extract(html, "https://gornopole-dnes.example/news/78123", today=fetched)
    assert (article.title, article.rules["title"]) == (_OLD_HEADLINE, "generic:above-body")
    assert str(article.published) == published
    assert article.text.startswith("Общинската администрация обяви"), article.text


def test_a_short_line_over_the_text_with_no_date_between_is_no_headline() -> None:
    """Without the date line between, a short line over the text may be a kicker or a
    label: the headline is not guessed from it."""
    html = page(
        "<title>Горно Поле днес - Новини</title>",
        f"{_CLOCK_HEAD}<div id='art'><div class='ttl'>Местни новини от региона</div>"
        f"<div class='txt'><p>{_OLD_TEXT.replace('<br><br>', '</p><p>')}</p></div></div>",
    )
    article = extract(html, "https://gornopole-dnes.example/news/78123")
    assert article.title != "Местни новини от региона"


@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("Областна администрация Горно Поле", "http://www.gp.government.example/index.php?id=7"),
        ("Община Горно Поле", "http://gp.egov.example/news.php?id=7"),
    ],
)
def test_an_institutions_name_in_the_headers_h1_is_no_headline(name: str, url: str) -> None:
    """An old layout's header prints the site's name in an h1 on every page, and its
    ``<title>`` is the name and "Официален сайт": the name confirmed the h1 as the
    headline wherever the host did not spell it. The headline is the bold line over
    the text, and the date the one under it, not the header's "Днес е …"."""
    html = page(
        f"<title>{name} - Официален сайт</title>",
        f"<table><tr><td colspan=2><h1><font color=white>{name}</font></h1></td></tr>"
        "<tr><td colspan=2><font size=1>Днес е понеделник, 7 декември 2026 г.</font></td></tr>"
        "<tr><td><a href='/'>Начало</a><br><a href='/news.php'>Новини</a></td><td>"
        f"<font size=3><b>{_OLD_HEADLINE}</b></font><br><font size=1><i>03.12.2026</i></font>"
        f"<p>{_OLD_TEXT.replace('<br><br>', '</p><p>')}</p></td></tr></table>",
    )
    fetched = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
    article = extract(html, url, today=fetched)
    assert article.title == _OLD_HEADLINE, article.rules
    assert str(article.published) == "2026-12-03"
    assert article.text.startswith("Общинската администрация обяви"), article.text


@pytest.mark.parametrize(
    ("kind", "expected"),
    [("ОБЯВА", "Обява"), ("СЪОБЩЕНИЕ", "Съобщение"), ("Покана", "Покана")],
)
def test_a_notices_kind_heading_opens_the_headline_going_on_from_it(
    kind: str, expected: str
) -> None:
    """ "ОБЯВА" in an h2, then in bold "за провеждане на публичен търг…": the headline
    read alone was a fragment opening in lower case."""
    rest = "за провеждане на публичен търг за отдаване под наем на земеделска земя"
    html = page(
        "<title>Обяви | Община Горно Поле</title>",
        "<ul id='menu'><li><a href='/'>Начало</a></li><li><a href='/obyavi'>Обяви</a></li></ul>"
        f"<div id='main'><h2>{kind}</h2><p><b>{rest}</b></p><p>Дата: 02.12.2026</p>"
        f"<p>{_OLD_TEXT.replace('<br><br>', '</p><p>')}</p></div>",
    )
    article = extract(html, "https://gornopole.example/obyavi/targ")
    assert article.title == f"{expected} {rest}"


def test_a_headline_opening_with_a_capital_under_a_kinds_heading_stands_alone() -> None:
    html = page(
        "<title>Обяви | Община Горно Поле</title>",
        "<ul id='menu'><li><a href='/'>Начало</a></li><li><a href='/obyavi'>Обяви</a></li></ul>"
        f"<div id='main'><h2>ОБЯВА</h2><p><b>{_OLD_HEADLINE}</b></p><p>Дата: 02.12.2026</p>"
        f"<p>{_OLD_TEXT.replace('<br><br>', '</p><p>')}</p></div>",
    )
    assert extract(html, "https://gornopole.example/obyavi/targ").title == _OLD_HEADLINE


def test_the_writers_line_between_the_headline_and_its_date_is_no_headline() -> None:
    """Headline, writer, date, text: the name over the date is the byline, and the line
    over it the headline."""
    html = page(
        "<title>Горно Поле днес - Новини</title>",
        f"{_CLOCK_HEAD}<div id='art'><div class='ttl'>{_OLD_HEADLINE}</div>"
        "<div class='au'>Мария Петрова</div><div class='dt'>06.12.2026 14:30</div>"
        f"<div class='txt'><p>{_OLD_TEXT.replace('<br><br>', '</p><p>')}</p></div></div>",
    )
    fetched = dt.datetime(2026, 12, 7, 9, 0, tzinfo=dt.UTC)
    article = extract(html, "https://gornopole-dnes.example/news/78124", today=fetched)
    assert (article.title, article.rules["title"]) == (_OLD_HEADLINE, "generic:above-body")
    assert article.author == "Мария Петрова"


@pytest.mark.parametrize(
    ("name", "heading"),
    [
        ("РИОСВ – Горно Поле", "h2 class='news-title'"),
        ("СУ „Христо Ботев“ – гр. Горно Поле", "h3"),
        ("Регионална здравна инспекция - Горно Поле", "div class='zaglavie'"),
    ],
)
def test_a_title_its_logo_prints_whole_names_the_site_though_a_dash_splits_it(
    name: str, heading: str
) -> None:
    """Every page of an old site titled with the site's name, which holds a dash: cut
    at it, the name's half was the title and the headline over the text opened the body."""
    tag = heading.split()[0]
    html = page(
        f"<title>{name}</title>",
        f"<div id='logo'><a href='/'>{name}</a></div>"
        "<ul class='menu'><li><a href='/'>Начало</a></li><li><a href='/novini'>Новини</a></li>"
        "<li><a href='/kontakti'>Контакти</a></li></ul>"
        f"<div class='content'><{heading}>{_OLD_HEADLINE}</{tag}><div class='date'>02.12.2026</div>"
        f"<p>{_OLD_TEXT.replace('<br><br>', '</p><p>')}</p></div>"
        f"<div class='footer'>{name}, ул. „Гладстон“ 3</div>",
    )
    article = extract(html, "https://gornopole.example/novini/proverka")
    assert (article.title, str(article.published)) == (_OLD_HEADLINE, "2026-12-02")
    assert _OLD_HEADLINE not in article.text
    assert article.text.startswith(_OLD_TEXT.split("<br>")[0][:30])


@pytest.mark.parametrize("logo", ["h1 class='site-title'", "div class='site-title'"])
def test_a_text_opening_with_the_sites_name_does_not_start_at_the_logo(logo: str) -> None:
    """ "Районен съд – Горно Поле уведомява, че…" under the header's "<h1><a href="/">Районен
    съд – Горно Поле</a></h1>": the logo's words were read as the text's first line, and
    the logo as the heading nearest above it, so the headline in the h2 opened the text."""
    name = "Районен съд – Горно Поле"
    tag = logo.split()[0]
    html = page(
        f"<title>{name}</title>",
        f"<{logo}><a href='/'>{name}</a></{tag}>"
        "<ul class='menu'><li><a href='/'>Начало</a></li><li><a href='/novini'>Новини</a></li>"
        "<li><a href='/saobshtenia'>Съобщения</a></li></ul><div class='content'>"
        "<h2>Съдът ще работи с намалено работно време на 24 декември</h2>"
        "<div class='date'>Дата: 03.12.2026</div>"
        f"<p>{name} уведомява, че на 24 декември 2026 г. съдът ще работи с граждани от 9:00"
        " до 12:00 часа.</p><p>На 28 декември съдът ще работи по обичайния график.</p></div>",
    )
    article = extract(html, "https://rs-gornopole.example/saobshtenia/24-dekemvri")
    assert article.title == "Съдът ще работи с намалено работно време на 24 декември"
    assert article.text.startswith(f"{name} уведомява"), article.text


_POSITION = "Становище на сдружението по проекта на бюджет на Република България за 2027 г."


def _section_page(section: str, under: str) -> str:
    """A section's name in the h1 (and the ``<title>``, and the menu) over an h2 headline."""
    menu = "".join(
        f"<li><a href='/{n}'>{w}</a></li>"
        for n, w in enumerate(("Начало", "За нас", "Новини", "Позиции", "Документи"))
    )
    return page(
        f"<title>{section} | Сдружение на общините</title>",
        f"<header><a href='/' class='logo'>Сдружение на общините</a></header>"
        f"<nav><ul class='menu'>{menu}</ul></nav><main><h1>{section}</h1>"
        f"<div class='item'><h2>{_POSITION}</h2>{under}"
        "<p>Управителният съвет прие становище по внесения в Народното събрание проект на "
        "бюджет. Сдружението настоява изравнителната субсидия да бъде увеличена.</p>"
        "<p>Средствата за зимно поддържане на пътищата са недостатъчни за планинските общини."
        "</p></div></main>",
    )


@pytest.mark.parametrize("section", ["Позиции", "Новини"])
def test_the_headline_under_a_sections_h1_is_the_title_though_it_ends_as_a_sentence(
    section: str,
) -> None:
    """ "Позиции" (a section the menu links, in words no news section has) or "Новини" as
    the h1, the headline in the h2 under it ending "… за 2027 г.": the h2 was read as the
    text's first sentence, so "Позиции" stayed the title, and "Новини" left none."""
    html = _section_page(section, "<p class='create'>Създадено: 30 Ноември 2026</p>")
    article = extract(html, "https://sdruzhenie.example/bg/positions/byudzhet-2027")
    assert article.title == _POSITION, article.rules
    assert str(article.published) == "2026-11-30"
    assert article.text.startswith("Управителният съвет прие")


def test_a_subheading_over_the_text_of_a_short_headline_a_menu_links_stays_a_subheading() -> None:
    """A section's name in other words than news' gives way only to a heading dated under
    it: "Позиции" as an article's own headline keeps its place over an undated h2."""
    html = _section_page("Позиции", "")
    article = extract(html, "https://sdruzhenie.example/bg/pozitsii")
    assert article.title == "Позиции", article.rules


_ORDER_HEADLINE = "Заповед за зимния режим на движение в централната част"
_ORDER_TEXT = (
    "<p>На основание чл. 44, ал. 2 от Закона за местното самоуправление и местната "
    "администрация и с цел безопасността на движението през зимния сезон</p>"
    "<p align='center'><b>Н А Р Е Ж Д А М:</b></p>"
    "<p>1. От 15.12.2026 г. до 15.03.2027 г. се забранява паркирането от двете страни на "
    "ул. „Опълченска“ в участъка между ул. „Дунав“ и ул. „Раковски“.</p>"
)


@pytest.mark.parametrize(
    ("reference", "first_line"),
    [
        (
            "<p align='center'><b>З А П О В Е Д</b><br><b>№ РД-09-512/02.12.2026 г.</b></p>",
            "З А П О В Е Д",
        ),
        ("<p>Заповед № РД-09-512/02.12.2026 г.</p>", "Заповед № РД-09-512/02.12.2026 г."),
    ],
)
def test_an_orders_number_under_its_headline_is_neither_title_nor_stamp(
    reference: str, first_line: str
) -> None:
    """An order under its headline's h2: its kind in letters set apart, its number and
    day in bold, the nearest bold lines above its text, took the title from the h2; its
    number set as a line of text left the text as a date line would."""
    html = page(
        "<title>Новини - Община Горно Поле</title>",
        "<ul id='menu'><li><a href='/'>Начало</a></li><li><a href='/novini'>Новини</a></li></ul>"
        f"<div id='main'><h2 class='newsTitle'>{_ORDER_HEADLINE}</h2>"
        f"<div class='date'>Дата: 02.12.2026</div>{reference}{_ORDER_TEXT}</div>",
    )
    article = extract(html, "https://gornopole.example/novini/zapoved-512")
    assert article.title == _ORDER_HEADLINE, article.rules
    assert article.text.splitlines()[0] == first_line
    assert str(article.published) == "2026-12-02"


_PROSECUTION = "Окръжна прокуратура – Горно Поле"
_INDICTMENT = "Окръжната прокуратура внесе обвинителен акт срещу бивш кмет на село"


def test_a_mastheads_name_the_text_opens_with_is_not_where_the_text_starts() -> None:
    """The masthead prints the office's name in a span beside the search box, and the
    text opens with the same words ("Окръжна прокуратура – Горно Поле внесе…"): read as
    the text's first line, the masthead was where the text began, no heading stood above
    it, and the ``<title>`` (the site's name) was the title, not the h3 headline."""
    html = page(
        "<title>Прокуратура на Република България - Окръжна прокуратура Горно Поле</title>",
        "<div id='top'><img src='/logo.svg' alt='Прокуратура на Република България'>"
        f"<span class='unit'>{_PROSECUTION}</span><form><input><button>Търси</button></form>"
        "</div><ul id='menu'><li><a href='/gp'>Начало</a></li><li><a href='/gp/news'>Новини"
        "</a></li></ul><div class='news'><p class='date'>7.XII.2026</p>"
        f"<h3 class='title'>{_INDICTMENT.upper()}</h3><div class='text'>"
        f"<p>{_PROSECUTION} внесе в съда обвинителен акт срещу бивш кмет за престъпление по"
        " служба.</p><p>По делото са разпитани 22 свидетели и е назначена експертиза.</p>"
        "</div></div>",
    )
    article = extract(html, "https://prb.example/gp/news/67890")
    assert article.title == _INDICTMENT.upper(), article.rules
    assert article.text.startswith(f"{_PROSECUTION} внесе"), article.text


def test_an_og_title_that_is_the_title_word_for_word_on_a_page_of_no_h1_is_the_sites() -> None:
    """og:title and ``<title>`` both the site's name ("Туристически информационен център
    Горно Поле", its settings' on every page), and the headline an h3 over the text under
    an h2 "Новини": og:title was the title and the headline opened the text."""
    name = "Туристически информационен център Горно Поле"
    headline = "Кукерски фестивал „Звънци над Горно Поле“ ще се проведе през януари"
    html = page(
        f"<title>{name}</title><meta property='og:title' content='{name}'>",
        "<nav><a class='brand' href='/'><img src='/tic.svg' alt='ТИЦ Горно Поле'></a></nav>"
        "<section class='hero'><h2>Новини</h2></section><section class='news-detail'>"
        "<div class='date-badge'><span>04</span><span>Дек</span><span>2026</span></div>"
        f"<div class='col'><h3 class='news-heading'>{headline}</h3>"
        "<p>За пети път градът ще бъде домакин на международния кукерски фестивал, който "
        "ще се проведе от 22 до 24 януари 2027 г.</p><p>Очакват се над 1500 участници от "
        "40 групи от България, Сърбия и Гърция.</p></div></section>",
    )
    article = extract(html, "https://tic.example/novini/kukeri")
    assert article.title == headline, article.rules
    assert article.text.startswith("За пети път"), article.text


def test_a_titles_name_printed_only_inside_the_text_is_no_printed_title() -> None:
    """The ``<title>`` is the university's name alone, and the text opens with the name
    ("Paisiy University has signed…"): read as a title the page prints, it stood, and the
    h2 headline over the byline was passed over."""
    headline = "Eleven new Erasmus+ agreements signed"
    html = page(
        "<title>Paisiy University</title>",
        "<header><a href='/en'><img src='/logo.svg' alt='Paisiy University'></a><nav><ul>"
        "<li><a href='/en/news'>News</a></li><li><a href='/en/faculties'>Faculties</a></li>"
        f"</ul></nav></header><div class='main'><div class='post-header'><h2>{headline}</h2>"
        "<div class='byline'>Posted: December 3, 2026</div></div><div class='post-body'>"
        "<p>Paisiy University has signed eleven new inter-institutional Erasmus+ agreements"
        " with partner universities in Spain and Finland.</p><p>The agreements cover "
        "student and staff mobility for the academic years 2027–2030.</p></div></div>",
    )
    article = extract(html, "https://uni.example/en/news/erasmus")
    assert article.title == headline, article.rules


def test_a_mastheads_h1_over_the_menu_is_the_sites_name_not_the_headline() -> None:
    """A kindergarten's masthead prints its name in an h1 over the menu on every page,
    and the post's headline is an h2 over the text: the h1 was the title. A masthead's
    h1 after its menu (a hero band's) is still the headline."""
    name = "Детска градина „Звездица“ – гр. Горно Поле"
    headline = "Дядо Коледа дойде по-рано в група „Слънчице“"
    menu = "".join(
        f"<li><a href='/{n}'>{w}</a></li>" for n, w in enumerate(("Начало", "Групи", "Новини"))
    )
    text = (
        "<p>Децата от група „Слънчице“ посрещнаха Дядо Коледа с песни и танци, които "
        "репетираха цял месец.</p><p>Белобрадият старец донесе подаръци за всяко дете.</p>"
    )
    html = page(
        "<title>ДГ „Звездица“ – Горно Поле</title>",
        f"<header class='top'><img src='/z.png' alt='Детска градина Звездица'><h1>{name}</h1>"
        f"<ul class='nav'>{menu}</ul></header><div class='maincol'><h2>{headline}</h2>"
        f"<div class='ptext'>{text}</div></div>",
    )
    article = extract(html, "https://dg.example/novini/dyado-koleda")
    assert article.title == headline, article.rules
    hero = html.replace(
        f"<h1>{name}</h1><ul class='nav'>{menu}</ul>", f"<ul>{menu}</ul><h1>{headline}</h1>"
    )
    assert extract(hero, "https://dg.example/novini/dyado-koleda").rules["title"] == "generic:h1"


@pytest.mark.parametrize(
    ("label", "title"),
    [
        ("<span class='badge badge-video'>ВИДЕО</span> ", "Кукерите започнаха репетиции"),
        ("<span class='kicker'>СНИМКИ</span>", "Кукерите започнаха репетиции"),
        ("<em>Нови</em> ", "Нови Кукерите започнаха репетиции"),  # no label: the headline's
        # a class word holding "tag" or "label" is no label's ("vintage", "labelled")
        ("<span class='vintage'>Старите</span> ", "Старите Кукерите започнаха репетиции"),
    ],
)
def test_a_label_its_class_names_so_is_not_the_headlines(label: str, title: str) -> None:
    """ "<h1><span class="badge">ВИДЕО</span> Кукерите…</h1>" under a ``<title>`` of the
    site's name alone: nothing stated confirmed the rest, so "ВИДЕО" stayed the
    headline's first word; the class names it a label, as a colon would."""
    html = page(
        "<title>ТВ Горно Поле - Новини</title>",
        f"<article><h1>{label}Кукерите започнаха репетиции</h1>{PROSE}</article>",
    )
    assert extract(html, "https://tv.example/novini/kukeri").title == title


@pytest.mark.parametrize(
    ("deck", "title"),
    [
        ("<h3 class='subhead'>{}</h3>", "Бюджет 2027: повече пари за улици"),
        ("<h2 class='subhead'>{}</h2>", "Съветниците приеха рамката след петчасов дебат"),
    ],
)
def test_a_deck_right_under_the_headline_is_not_the_headline(deck: str, title: str) -> None:
    """An e-paper's article: the headline an h2, its deck an h3 right under it, then the
    text. Nearest the text, the deck was taken for the headline. A heading of the same
    level under it is the nearer headline still."""
    html = page(
        "<title>Вестник „Горно Поле днес“ – е-издание – Брой 48 / 2026 – стр. 3</title>",
        "<div class='ep'><div class='issue'>Брой 48 · Петък, 4 декември 2026 г.</div>"
        "<h2 class='headline'>Бюджет 2027: повече пари за улици</h2>"
        + deck.format("Съветниците приеха рамката след петчасов дебат")
        + "<div class='ep-text'><p>С 21 гласа „за“ и 8 „против“ Общинският съвет прие "
        "бюджета за следващата година.</p><p>Най-голямото увеличение е в капиталовите "
        "разходи за ремонт на улици.</p></div></div>",
    )
    assert extract(html, "https://vestnik.example/48/3/budzhet").title == title


def test_a_logo_h1_named_so_loses_to_the_h2_the_title_states() -> None:
    """Joomla 2.5's beez_20: ``<h1 id="logo">`` holds the institution's long name on
    every page, linking nowhere, and the article's headline is an h2 that ``<title>``
    states word for word. Of five words or more, the logo passed as the headline
    reworded; its date was then read near the wrong heading, from a span of days in the
    text, and the page's own "Създадено на" line lost."""
    headline = "Младежки форум за доброволчество събра ученици от цялата област"
    html = page(
        f"<title>{headline}</title>",
        '<div class="logoheader"><h1 id="logo">Регионална библиотека за деца и юноши – Примерово '
        '<span class="header1">към Министерството на културата</span></h1></div>'
        '<div id="main"><div class="item-page">'
        f'<h2><a href="/index.php/novini/57-forum">{headline}</a></h2>'
        '<dl class="article-info"><dt class="article-info-term">Подробности</dt>'
        '<dd class="create">Създадено на 12 Ноември 2026</dd></dl>'
        "<p>На 9 – 10 ноември 2026 г. в залата на областната администрация се проведе "
        "младежки форум, в който участваха над сто ученици от всички общини.</p>"
        "<p>Участниците представиха свои доброволчески проекти и обсъдиха как да "
        "привлекат още свои връстници към каузите в родните си места.</p>"
        "</div></div>",
    )
    article = extract(html, "http://www.oa-primerovo.example/index.php/novini/57-forum")
    assert article.title == headline, article.rules
    assert article.published == dt.date(2026, 11, 12)
    assert article.text.startswith("На 9 – 10 ноември 2026 г."), article.text
