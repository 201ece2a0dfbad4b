"""Boilerplate element and line rules, including the Bulgarian ones profiles rely on."""

from __future__ import annotations

import re

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.extraction import clean, extract


@pytest.mark.parametrize(
    "line",
    [
        "Тази интернет страница използва бисквитки, за да работи правилно.",
        "Този сайт използва „бисквитки“",
        "Снимка: БТА",
        "Фото: архив",
        "Виж още",
        "Виж също: новините от деня",
        "site.bta",
        "news.modal.text",
        "Банер - Община Русе",
        "/ИК/",
        "/МО/МО/",
        "Сподели",
        "© 2024 Община Русе",
        "©2008 - 2026 Медия груп ООД. Всички права запазени.",
        "(c)2019 Сдружение на общините",
        "Всички права запазени",
        "Реклама",
        "Advertisement",
        "ЗАРЕЖДАНЕ...",
        "Зареждане! Моля, изчакайте",
        "Все още няма коментари",
        "ИЗПРАТИ НОВИНА",
        "Към 03:24 на 22.11.2024 Новините от днес",
        "Последни Новини",
        "Следваща новина: Нов мост над реката",
        "Кметът откри детска площадка | към новината →",
        "| see more →",
        "Материалът Нещо е публикуван за пръв път на сайта на партньора",
        "Кметът при откриването. Снимка: Пресцентър",
        "Фотограф: Иван Петров",
        "Кадър: БНТ",
        "Кадри: bTV",  # the plural: several frames of one report
        "Източник на снимката: Община Русе",
        "Снимката е илюстративна",
        "Снимките са илюстративни.",
        "Съдържание",
        "В тази статия:",
        "Table of Contents",
        "Contents [hide]",
        "On this page",
        "Jump to:",
        "Брой прегледи: 231",
        "Посещения: 1 204",
        "Прочитания: 87",
        "Видяна 412 пъти",
        "Видяна: 45 пъти",
        "Етикети: Русе, училища",
        "Категория: Новини",
        "Рубрика: Общество",
        "Категории: Местна власт, Образование",
        "Публикувано в: Новини | Етикети: стипендии",
        "Прочетена 1 път",
        "Приемане Повече информация",
        "Приеми всички",
        "02 900 10 10 · © Примерна агенция · © 2026. Всички права са запазени.",
        "Grad24.bg - Всички права запазени.",
        # the reservation opening a line, in either language (the English one was kept)
        "All rights reserved. No part of this site may be copied without permission.",
        "Всички права са запазени. Материалите може да се цитират с посочен източник.",
        "Сподели в Facebook",
        "Share on X",
        "Версия за печат",
        "Фотогалерия",
        "Коментари (0)",
        "Коментари",
        # a gallery's counter, a reading tool, a counter without its colon (bg28)
        "Снимка 3 от 12",
        "Снимка 3/12",
        "Размер на шрифта",
        "Размер на шрифта: A A A",
        "Четено 312 пъти",
        "Посещения 1 204",
        # a related box's heading, every site's (BTA's "СВЪРЗАНИ НОВИНИ")
        "СВЪРЗАНИ НОВИНИ",
        "Подобни публикации",
        # lines the site profiles named once and every site's rules name now
        'Този сайт използва "бисквитки". Научете повече',
        "Предишна новина",
        "© Информационно обслужване АД",
        # a share bar's separators and labels once its icons' empty links are gone
        "| ||||||",
        "| | RSS",
        "Print | Email",
        "Facebook · Twitter · Viber",
        # a footer's link labels around its copyright, in a box no <footer> marks (body29)
        "Карта на сайта | Контакти | © 2026 Община Тетевен",
        "Община Елена © 2026 | Дизайн и изработка: Уеб студио",
        "Начало • Обществени поръчки • Всички права запазени",
        # a headline run into its share bar's empty links, as the seed text prints it
        "Кметът откри новия парк край реката | ||||||",
        # an ad slot's label in the other languages a page may be written in
        "Publicité",
        "Publicidad",
        "- Anzeige -",
        "Werbung",
        # a paywall's offer and its sign-in line, a newsroom's standing call for tips
        "Continue reading your article with a Riverside Courier membership",
        "Already a subscriber? Sign in",
        "Already have an account? Log in",
        "Do you have a story to share? Email us at tips@riverside-courier.example",
        "Got a news tip?",
        # how long the post reads, alone or with its day run on
        "6 min read",
        "4 min readNov 12, 2025",
        "3 мин. четене · 12.11.2025",
        "Reading time: 5 minutes",
        "Do you have a story we should be covering? Email tips@station.example",
        # a wire's and a TV group's closing lines on every partner site
        "The Associated Press receives support from the Example Foundation for coverage.",
        "The AP is solely responsible for all content.",
        "For the latest news, weather, sports, and streaming video, head to KXMP 7 News.",
        # an Instagram embed's chrome before its script runs
        "View this post on Instagram",
        "A post shared by Dana Ruiz (@dana.ruiz)",
        # a guide's "was this helpful?" in the other languages, with its buttons
        "War dieser Beitrag hilfreich? Ja Nein",
        "Cette page vous a-t-elle été utile ?",
        "¿Le resultó útil esta página?",
        "Questa pagina ti è stata utile? 👍 👎",
        "Esta página foi útil?",
        "Czy ta strona była przydatna?",
        "Vond je dit artikel nuttig?",
        "Была ли эта информация полезной?",
        "Полезна ли ви беше тази статия?",
        # a call to join the site's channel, an icon before it
        "📲 Participe do canal da Rádio Serra no Telegram",
        "Únete a nuestro canal de WhatsApp",
        "Unisciti al canale Telegram di Valle Oggi",
        "➡️ Tritt unserem WhatsApp-Kanal bei",
        # a paid article's notice, its sign-in line and its pitch in the other languages
        "Ce contenu est réservé aux abonnés. Il vous reste 60% à lire.",
        "Dieser Beitrag ist nur für Abonnenten verfügbar.",
        "Este contenido es exclusivo para suscriptores",
        "Contenuto riservato agli abbonati",
        "Conteúdo exclusivo para assinantes.",
        "Ten artykuł jest dostępny tylko dla prenumeratorów.",
        "Schon Abonnent? Hier anmelden",
        "Déjà abonnée ? Se connecter",
        "Weiterlesen mit Kreisblatt+",
        "Tous les articles, 3 mois pour 1 €",
        # a paper's appeal for subscribers closing each article, its own name first
        "La Gazette du Val existe grâce à ses abonnés. Abonnez-vous.",
        "Il Foglio Verde esiste grazie ai suoi lettori",
        # a Facebook post's embed: who posted it and when, as the embed prints it
        "Публикувано от Читалище „Светлина“ на Събота, 5 декември 2026 г.",
        "Gepostet von Freiwillige Feuerwehr Au am Samstag, 5. Dezember 2026",
        "Publicado por Concello de Lugo en Sábado, 5 de diciembre de 2026",
    ],
)
def test_bulgarian_and_generic_boilerplate_lines(line: str) -> None:
    assert clean.is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Общинският съвет прие бюджета след дълъг дебат.",
        "Снимките от събитието ще бъдат публикувани утре.",
        "Снимката е илюстративна на тенденцията, каза експертът.",
        "Категорията на пътя беше променена.",
        "Категория: шофьори с над десет години стаж. Те ще минат обучение.",
        # a results' or a rule's line under the label, no full stop: more than a category
        "Категория: жени над 35 години – първо място за Мария Петрова",
        "Категории: B, C и D – кандидатите носят лична карта",
        "Публикувано в „Държавен вестник“ бр. 12 от 2026 г.",
        "Кадърът на оператора обиколи света.",
        "Зареждането на камионите започна в понеделник.",
        "Към 10 часа на площада вече имаше стотици хора.",
        "Последни новини от сесията очакваме утре, каза кметът.",
        "The site uses solar panels.",
        "Съдържанието на доклада беше обсъдено на сесията.",
        "В тази статия ще прочетете как да подадете заявление.",
        "Contents of the time capsule were shown to the public.",
        "Прегледите на децата ще бъдат безплатни: 120 места.",
        "Посещенията в музея са се увеличили с 15 на сто.",
        "Приемането на документи започва в понеделник.",
        "Сподели мнението си с нас в коментарите.",
        "Галерията ще бъде открита утре.",
        "Авторът заяви, че не всички права са запазени в новия договор за издаване.",
        "Facebook и Viber спряха за два часа",
        "Снимка 3 от 12 показва новия мост.",
        "Размер на шрифта от 14 точки е задължителен.",
        "Свързани новини за пътя очакваме утре.",
        "Коментари на читателите ще бъдат публикувани утре.",
        "• заместник-кметове, отговарящи за хуманитарни дейности;",
        # a one-word name with a dot: a domain, capitalised as a headline writes it
        "Dnes.bg",
        "Sofia.bg",
        # a sentence beside a bar and a © is a caption or a quote, not a row of links
        "Паркът ще бъде отворен всеки ден от седем часа | Снимка © Община Тетевен",
        "Карта на сайта | Контакти | Приемно време",
        "Цени на билетите: 5 | 6 | 7 лв.",
        # the words of those lines in a sentence of the story
        "Publicidad engañosa: la multa llegó a 40.000 euros.",
        "Continue reading the minutes of the council with a pinch of salt.",
        "15 minutes reading the news each morning",
        "Already a subscriber for ten years, she cancelled in protest.",
        "A post shared by the mayor on Sunday drew 4,000 comments.",
        "For the latest news on the roadworks, the council points residents to its site.",
        # the same words in a story's own sentences
        "Entre no sábado e no domingo, o WhatsApp da prefeitura recebeu 300 mensagens.",
        "Das Museum existiert dank seiner Förderer seit 1990 und zeigt nun Telegramme.",
        "War dieser Artikel hilfreich für die Leser? Die Redaktion fragte nach.",
        "Die Abonnenten des Theaters zahlen 4 Wochen für 20 € weniger als im Vorjahr.",
        "🌰 Благодаря на всички, които дойдоха!",
    ],
)
def test_article_lines_are_not_boilerplate(line: str) -> None:
    assert not clean.is_boilerplate_line(line)


@pytest.mark.parametrize(
    ("marker", "boilerplate", "furniture"),
    [
        ("sidebar", True, True),
        ("main-wrap has-rail-right", False, False),  # a state: what it has beside it
        ("Page-Content-WITH-Sidebar", False, False),  # (as the regexes read it: any case)
        ("haſ-sidebar", False, False),  # ignoring case, the regex reads "ſ" as "s"
        ("entry-meta", True, False),  # a metadata word: furniture to the body only
        ("post-DATE", True, False),
        ("lg:mr-[--sidebar-width] w-full", True, False),  # a utility token is no name
        ("lg:w-1/3 sidebar", True, True),
        # Bulgarian themes' furniture words in Latin letters
        ("futer", True, True),
        ("site-futer", True, True),
        ("meniu-glavno", True, True),
        ("menyu", True, True),
        ("reklama-240x400", True, True),
        ("reklami", True, True),
        ("futuristic-text", False, False),  # a word only
        # a position names the page's bottom only as the whole name
        ("dolu", True, True),
        ("bottom", True, True),
        ("text-dolu", False, False),
        ("content-bottom", False, False),
        ("doluzhka", False, False),
        # a newsroom's appeal for donations, a box of recommendations (the word's forms)
        ("donate-inline", True, True),
        ("wp-block-newspack-blocks-donate", True, True),
        ("id-Recommendation", True, True),
        ("recommended-posts", True, True),
        # the writer's box in other languages: the body's furniture, the fields' metadata
        ("autor", True, False),
        ("articulo-autores", True, False),
        ("post-autore", True, False),
        ("auteur", True, False),
        ("autoresize", False, False),  # a whole word only
        # a forum post's signature, and a subscription pitch (German's "Abo")
        ("signature", True, False),  # (or a writer's credit: ``WRITER_WORDS``)
        ("post-sig", True, True),
        ("design", False, False),
        ("abo-box", True, True),
        ("offre-abonnement", True, True),
        ("about", False, False),
    ],
)
def test_class_words_that_name_furniture(marker: str, boilerplate: bool, furniture: bool) -> None:
    # (the cheap tests before each regex must leave every verdict as the regex gives it)
    assert clean.is_boilerplate_marker(marker) is boilerplate
    assert clean.is_furniture_attrs("div", {"class": marker}) is furniture


def test_profile_patterns_extend_the_line_rules() -> None:
    extra = (re.compile(r"^Гледайте ни"),)
    assert clean.is_boilerplate_line("Гледайте ни и по кабелната телевизия", extra)
    assert not clean.is_boilerplate_line("Гледайте ни и по кабелната телевизия")


@pytest.mark.parametrize(
    ("tag", "attrs", "expected"),
    [
        ("div", {"class": "social-share"}, True),
        ("div", {"id": "comments"}, True),
        ("div", {"class": "most-read"}, True),
        ("div", {"class": "wp-caption"}, True),
        ("div", {"role": "navigation"}, True),
        ("div", {"class": "article-byline"}, True),
        ("p", {"class": "entry-meta"}, True),
        ("div", {"class": "rail rail--trending"}, True),
        ("div", {"class": "InlineImage-imageEmbedCaption"}, True),
        # Google's markup for paid articles (hasPart.cssSelector ".paywall") puts the class
        # on the article's own paid text: no furniture word; an offer says "subscribe"
        ("div", {"class": "paywall"}, False),
        ("section", {"class": "article-paywall-box"}, False),
        ("div", {"class": "subscribe-box"}, True),  # a paid article's subscription offer
        ("div", {"class": "social-media-embed"}, False),  # a quoted tweet is content
        ("div", {"class": "sdc-article-widget sdc-article-tweet"}, False),
        ("div", {"class": "article-body"}, False),
        ("div", {"class": "shared-content"}, False),  # "share" only as a whole word part
        ("article", {"class": "sidebar"}, False),  # never marks an article element
    ],
)
def test_boilerplate_attributes(tag: str, attrs: dict[str, str | None], expected: bool) -> None:
    assert clean.is_boilerplate_attrs(tag, attrs) is expected


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({"hidden": ""}, True),
        ({"aria-hidden": "true"}, True),
        ({"style": "color: red; display : none"}, True),
        ({"style": "visibility:hidden"}, True),
        ({"style": "display:block"}, False),
        ({}, False),
        ({"hidden": "", "id": "S:1a"}, False),  # a part React streamed (hex-numbered)
        ({"hidden": "", "id": "S:note"}, True),
        # an accordion's folded panel, named by its header; a region no header names
        ({"style": "display:none", "role": "region", "aria-labelledby": "h1"}, False),
        ({"style": "display:none", "role": "region"}, True),
    ],
)
def test_hidden_attributes(attrs: dict[str, str | None], expected: bool) -> None:
    assert clean.is_hidden_attrs(attrs) is expected


def test_remove_boilerplate_elements_handles_nested_marks() -> None:
    tree = LexborHTMLParser(
        '<div class="share"><div class="share-inner"><a>x</a></div></div><p>kept</p>'
    )
    clean.remove_boilerplate_elements(tree)
    body = tree.body
    assert body is not None
    assert body.text(deep=True) == "kept"


def test_remove_junk_keeps_forms_but_drops_scripts_and_hidden_elements() -> None:
    tree = LexborHTMLParser(
        "<form><p>Page content inside an ASP.NET form</p><script>x()</script></form>"
        '<p style="display:none">Hidden schema copy</p><select><option>1</option></select>'
    )
    clean.remove_junk(tree)
    body = tree.body
    assert body is not None
    assert body.text(deep=True) == "Page content inside an ASP.NET form"


def test_drop_selectors_ignores_invalid_selectors() -> None:
    tree = LexborHTMLParser('<p class="x">a</p><p>b</p>')
    clean.drop_selectors(tree, ("p[", ".x"))
    body = tree.body
    assert body is not None
    assert body.text(deep=True) == "b"


def test_a_box_opened_by_a_wrapped_related_heading_is_furniture() -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsarchive.extraction.furniture import is_furniture

    def box(inner: str) -> bool:
        node = LexborHTMLParser(f'<section id="box">{inner}</section>').css_first("#box")
        assert node is not None
        return is_furniture(node)

    assert box("<div><h3>Свързани новини</h3></div><ul><li>Друга</li></ul>")
    assert box("<h3>Виж още</h3><ul><li>Друга</li></ul>")
    # A first child holding paragraphs is no heading, whatever its first words.
    assert not box("<div><p>Виж още снимки</p><p>Общината обяви търг.</p></div>")


@pytest.mark.parametrize(
    ("attrs", "expected"),
    [
        ({"class": "Latest-News"}, True),  # (any case, as the regex reads it)
        ({"id": "prev-next"}, True),
        ({"class": "card neighbours"}, True),
        ({"class": "most-viewed"}, True),
        ({"class": "moſt-viewed"}, True),  # ignoring case, the regex reads "ſ" as "s"
        ({"class": "newsroom-story"}, False),  # "news" inside another word: no name
        ({"class": "article-body"}, False),
    ],
)
def test_related_list_names(attrs: dict[str, str | None], expected: bool) -> None:
    from selectolax.lexbor import LexborHTMLParser

    from newsarchive.extraction.furniture import is_furniture

    quoted = " ".join(f'{key}="{value}"' for key, value in attrs.items())
    node = LexborHTMLParser(f"<div {quoted}><p>Текст</p></div>").css_first("div")
    assert node is not None
    assert is_furniture(node) is expected


def test_a_bylines_box_is_not_furniture_to_the_field_rules() -> None:
    """A theme's "bylines" box holds the author like a "byline" one: the body drops it,
    the author and date rules read it."""
    for cls in ("byline", "bylines", "post-bylines"):
        assert clean.is_boilerplate_attrs("div", {"class": cls})
        assert not clean.is_furniture_attrs("div", {"class": cls})


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("site.bta", True),
        ("news.read_more", True),
        ("news.modal.text", True),
        ("common.readMore", True),
        ("Dnes.bg", False),
        ("Sofia.bg", False),
        ("Dir.bg", False),
        ("Site.bta", False),  # a key is all lower-case where it opens: this is a name
        ("site. bta", False),
    ],
)
def test_an_untranslated_key_is_a_lower_case_dotted_identifier(text: str, key: bool) -> None:
    assert clean.is_i18n_key(text) is key
    assert clean.is_boilerplate_line(text) is key


def test_a_profiles_body_loses_a_forms_field_captions() -> None:
    """The profile path drops what the generic walk skips: the same rule in one place."""
    tree = LexborHTMLParser(
        '<div><p>Текст</p><label for="t">Раздел</label>'
        '<form><label for="e">Имейл</label><input id="e"></form></div>'
    )
    clean.remove_junk(tree)
    assert [node.text() for node in tree.css("label")] == ["Раздел"]


@pytest.mark.parametrize(
    ("line", "copyright"),
    [
        ("© 2026 Община Русе", True),
        ("(c) 2026 Община Русе", True),
        ("(C) Община Русе", True),
        ("Copyright 2026 Община Русе", True),
        ("COPYRIGHT © Община Русе", True),
        ("copyright 2026", True),
        ("Всички новини от 2026", False),
        ("Община Русе (c)", False),
    ],
)
def test_a_line_opening_with_the_copyright_sign_in_any_spelling(line: str, copyright: bool) -> None:
    assert clean.is_copyright_line(line) is copyright


GOOGLE_PAYWALL = (
    "<!doctype html><html lang=bg><head><meta charset=utf-8><title>Нов мост над реката"
    " | Вестник Тестово</title><script type=application/ld+json>"
    '{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Нов мост над'
    ' реката", "datePublished": "2026-03-12", "isAccessibleForFree": false, "hasPart":'
    ' {"@type": "WebPageElement", "isAccessibleForFree": false, "cssSelector": ".paywall"}}'
    "</script></head><body><article><h1>Нов мост над реката</h1><time datetime=2026-03-12>"
    "12.03.2026</time><p>Общината обяви строежа на нов мост над реката до квартал Запад,"
    " който ще замени стария дървен мост.</p><p>Проектът е на стойност два милиона лева и"
    " е финансиран по програма за регионално развитие.</p><div class=paywall><p>Строежът"
    " започва през май и ще продължи четиринадесет месеца според договора.</p><p>По време"
    " на ремонта движението ще минава по временен понтонен мост северно от центъра.</p>"
    "<p>Жителите могат да зададат въпросите си на обществено обсъждане в читалището.</p>"
    "</div></article></body></html>"
)


def test_googles_paywall_class_marks_the_articles_own_paid_text() -> None:
    """Google's markup for paid articles (``hasPart.cssSelector: ".paywall"``) puts the
    class on the article's own text, served whole to a crawler the site trusts: all five
    paragraphs are the article's (before: the three in ``.paywall`` were dropped)."""
    text = extract(GOOGLE_PAYWALL, "https://vestnik.example.bg/novini/most").text
    assert len(text.splitlines()) == 5, text
    assert "Жителите могат да зададат" in text


_BUDGET = (
    "<p>Общинският съвет прие бюджета на града за следващата година след дълъг и тежък "
    "дебат в залата.</p>"
)
_WORD_SETTINGS = "<xml><w:WordDocument><w:View>Normal</w:View><w:Zoom>0</w:Zoom>"


@pytest.mark.parametrize(
    "island",
    [
        _WORD_SETTINGS + "</w:WordDocument></xml>",  # closed: Word's settings alone
        _WORD_SETTINGS + "</w:WordDocument>",  # the <xml> left open: the page nests in it
        _WORD_SETTINGS,  # both left open
        "<xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings>",
    ],
)
def test_an_unclosed_word_island_keeps_the_article_after_it(island: str) -> None:
    """Word's ``<xml>`` of document settings is junk, its words ("Normal 0") never the
    text; one a malformed paste left open, which lexbor nests the rest of the article in,
    loses only Word's own elements, not the paragraphs after it (before: 4 paragraphs
    read 1)."""
    more = "".join(_BUDGET.replace("прие", verb) for verb in ("одобри", "гласува", "обсъди"))
    html = (
        "<html lang='bg'><head><title>Бюджетът</title></head><body><article><h1>Бюджетът"
        f"</h1><div class='tekst'>{_BUDGET}{island}{more}</div></article></body></html>"
    )
    text = extract(html, "https://v.bg/a/1").text
    assert len(text.splitlines()) == 4
    assert "Normal" not in text and "AllowPNG" not in text


_HOURS_BOX_PAGE = """<html><head><meta charset="utf-8"><title>Ремонт</title></head><body>
<div id="menu"><a href="/">Начало</a> <a href="/novini">Новини</a></div>
<div class="novina"><h1>Започва ремонтът на стария мост</h1><p>27.11.2026, 08:17 ч.</p>
<p>Общината започва ремонт на стария мост над реката, който свързва двете части на
селото. Работите ще продължат до края на месеца, когато мостът отново ще бъде отворен.</p>
<p>Движението ще минава по обходен път през съседното село, а за пешеходците ще има
временна пасарелка край моста.</p>{box}</div></body></html>"""


@pytest.mark.parametrize("ident", ["dolu", "footer", "futer"])
def test_a_box_at_the_pages_bottom_named_in_bulgarian_is_left_out(ident: str) -> None:
    """A municipality's hours, address and phone in ``<div id="dolu">`` ("долу", at the
    bottom), in the article's box as in a ``<div id="footer">``: no line of the article."""
    box = f'<div id="{ident}"><p>Работно време: понеделник – петък, 08:00 – 17:00 ч.</p></div>'
    article = extract(
        _HOURS_BOX_PAGE.format(box=box), "https://obshtina.example/novini/remont-most"
    )
    assert "Работно време" not in article.text
    assert article.text.endswith("временна пасарелка край моста.")


_FORUM_POST = """<html lang="bg"><head><meta charset="utf-8"><title>Риболов на Тунджа</title>
</head><body><div id="page-body"><h2 class="topic-title">Риболов на Тунджа през декември</h2>
<div class="post"><div class="postbody"><p class="author">от <strong>ribar_78</strong>
&raquo; 02 Дек 2026, 18:20</p><div class="content">Бях вчера на реката под моста при
Ямбол. Водата е бистра и студена, рибата стои на дълбокото.<br /><br />Хванах три кефала
на хляб и един костур на блесна, всичко останало беше дребно.</div>
<div id="sig4411" class="signature">Без риба не се прибирам!</div></div></div></div>
</body></html>"""


def test_a_forum_posts_signature_is_left_out() -> None:
    """phpBB's ``div.signature`` under a post, the member's motto under each of their
    posts: never the post's text (before: its last line)."""
    text = extract(_FORUM_POST, "https://forum.example.bg/viewtopic.php?t=12").text
    assert text.endswith("всичко останало беше дребно."), text
    assert "Без риба" not in text


_PITCH_PAGE = """<html lang="de"><head><meta charset="utf-8"><title>Neue Buslinie</title>
</head><body><div class="seite"><h1>Neue Buslinie verbindet drei Dörfer</h1>
<p class="autor">Interview: Jana Keller · 03.12.2026</p>
<p>Ab Montag fährt eine neue Buslinie zwischen Altdorf, Bergheim und dem Bahnhof der
Kreisstadt. Die Busse verkehren werktags im Stundentakt.</p>
<p>Der Landkreis trägt den Großteil der Kosten, die Gemeinden beteiligen sich mit einem
festen Betrag pro Einwohner.</p>
<div class="abo-box"><h3>Alles lesen mit Kreisblatt+</h3><p>Alle Artikel, zwei Monate
für 1 €, danach monatlich kündbar</p></div></div></body></html>"""


def test_a_writers_box_and_a_subscription_box_named_in_german_are_left_out() -> None:
    """``p.autor`` is the byline's line as German (Spanish, Polish…) themes name it, no
    line of the text whatever its label ("Interview:"); ``div.abo-box`` is the paper's
    subscription pitch (before: both in the text)."""
    text = extract(_PITCH_PAGE, "https://kreisblatt.example.de/lokal/buslinie").text
    assert text.startswith("Ab Montag fährt"), text
    assert text.endswith("pro Einwohner."), text


_FB_EMBED_PAGE = """<html lang="bg"><head><meta charset="utf-8"><title>Коледен базар</title>
</head><body><div class="post"><h1>Коледният базар в Смолян събра над 40 изложители</h1>
<div class="entry"><p>Над 40 майстори и производители участваха в коледния базар на площада
пред общината в Смолян през почивните дни.</p><p>Кметът сподели снимки от откриването:</p>
<div class="fb-post" data-href="https://www.facebook.com/smolyan.example/posts/77"><blockquote
cite="https://www.facebook.com/smolyan.example/posts/77" class="fb-xfbml-parse-ignore"><p>Ще се
видим и догодина на площада! Весели празници!</p>Публикувано от <a
href="https://www.facebook.com/smolyan.example">Община Смолян</a> на <a
href="https://www.facebook.com/smolyan.example/posts/77">Събота, 5 декември 2026 г.</a>
</blockquote></div><p>Приходите от благотворителния щанд ще бъдат дарени на детската
градина в квартал Устово.</p></div></div></body></html>"""


def test_a_facebook_embeds_attribution_is_left_out_and_the_post_kept() -> None:
    """The embed's "Публикувано от … на Събота, …", as Facebook's Bulgarian embed writes
    it (the rule knew "в" only), is the embed's furniture; the post's own words are the
    text's quotation and stay."""
    text = extract(_FB_EMBED_PAGE, "https://smolyan.example.bg/novini/bazar").text
    assert "Ще се видим и догодина на площада!" in text
    assert "Публикувано от" not in text, text
