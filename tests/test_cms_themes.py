"""Article pages in the default markup of WordPress, Joomla and other CMS themes the
extractor was not tuned on, written for these tests (``tests/fixtures/cms_themes``): each
theme's own wrappers, meta line, share bars, related posts, author box, comment form,
sidebar and footer around a Bulgarian municipal or regional story in our own words. Each
must give the headline, the publication's date, the author and the tags a reader sees, and
the story's text from its first line to its last without the theme's furniture (trial38).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsarchive.extraction import extract

PAGES = Path(__file__).parent / "fixtures" / "cms_themes"
_FETCHED = dt.datetime(2026, 12, 3, 12, 0, tzinfo=dt.UTC)


@dataclass(frozen=True)
class Theme:
    url: str
    title: str
    published: str  # the published date's ISO form as far as the page states it
    author: str
    first: str  # how the text's first line begins
    last: str  # how its last line begins
    lines: int
    tags: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()


THEMES = {
    # Kadence: the publication's <time> and the change's side by side, a "#" printed
    # before each tag's name in its link ("<span class="tag-hash">#</span>музей")
    "kadence": Theme(
        "https://kazanlak-sega.example/muzei-nahodki-shipka/",
        "Музеят в Казанлък показва находки от разкопките край Шипка",
        "2026-11-22T09:00:00+02:00",
        "Даниела Колева",
        "Историческият музей „Искра“",
        "Изложбата ще бъде отворена",
        3,
        tags=("Култура", "музей", "археология"),
        drops=("Етикети", "Рекорден брой", "Прочетете още", "Предишна", "Kadence"),
    ),
    # MH Magazine: the day a link to the month's archive in a span marked "updated", the
    # tags in an "entry-tags" list inside the text's box (main: the category alone)
    "mh_magazine": Theme(
        "https://devin-press.example/uchastvasht-byudzhet-proekti/",
        "Жителите на Девин избират проекти за парите от участващия бюджет",
        "2026-11-23",
        "Надежда Караджова",
        "Жителите на Девин могат",
        "Проектите с най-много гласове",
        4,
        tags=("Община", "бюджет", "Девин"),
        drops=("Предишна", "Термалните басейни", "Снегопочистващите", "MH Themes"),
    ),
    # Neve: the meta list with the publication's <time> and the change's side by side,
    # the tags in an "nv-tags-list" box after the text (main: the category alone)
    "neve": Theme(
        "https://svoge-dnes.example/kmet-otchet-parva-godina/",
        "Кметът на Своге отчете първата година от мандата си",
        "2026-11-19T17:30:00+02:00",
        "Борислав Нинов",
        "Кметът на община Своге",
        "За следващата година",
        4,
        tags=("Община", "кмет", "отчет"),
        drops=("Етикети", "предишна", "Почистиха коритото", "Коледната програма"),
    ),
    # OceanWP: the section's name in the page header's h1 and the headline an h2, the
    # meta list's screen-reader labels ("Публикация публикувана:") before the days
    "oceanwp": Theme(
        "https://boyanovo.example/2026/11/blagotvoritelen-bazar-uchilishte/",
        "Кметството в Бояново организира благотворителен базар за училището",
        "2026-11-21",
        "Мариана Генова",
        "Кметството в Бояново организира",
        "Който иска да дари",
        4,
        tags=("Новини", "базар", "училище"),
        drops=("Етикети", "Четете още", "Може също", "Ремонтират водопровода", "тел."),
    ),
    # BetterStudio's Publisher: <time class="post-published updated"> and an inline box
    # of related links headed "Още по темата" between the paragraphs, the text going on
    # after it
    "publisher": Theme(
        "https://montana-info.example/razdelno-sabirane-otpadatsi/",
        "Нова линия за разделно събиране на отпадъци тръгва в Монтана",
        "2026-11-26T16:48:10+02:00",
        "Весела Петкова",
        "От 1 януари в Монтана",
        "Граждани, които имат въпроси",
        4,
        tags=("отпадъци", "екология"),
        drops=("Още по темата", "боклукчийски", "Може да ви хареса", "Сподели", "519"),
    ),
    # Sahifa (TieLabs' older theme): "Коментарите са изключени" and "1,234 Прегледа" in
    # the meta line, hidden tag links and an ISO day marked "updated" after the text, a
    # "Вижте също" slide-in box, the author box "За автора"
    "sahifa": Theme(
        "https://targovishte-news.example/2026/11/uchenitsi-fidanki-borovo-oko/",
        "Ученици засадиха 300 фиданки в парк „Борово око“",
        "2026-11-27",
        "Ивелина Пенева",
        "Над 150 ученици",
        "Следващото залесяване",
        4,
        tags=("Общество", "екология", "ученици"),
        drops=("Коментарите", "Прегледа", "За автора", "Вижте също", "Пресиян", "Сподели"),
    ),
    # Soledad: a hidden copy of the byline and the date before the shown one
    # ("penci-hide-tagupdated"), related posts with dates of their own, the author's bio
    "soledad": Theme(
        "https://smolyan-dnes.example/obshtina/bezplaten-avtobus-pamporovo-uchenitsi/",
        "Община Смолян пуска безплатен автобус до ски зона „Пампорово“ за учениците",
        "2026-11-25T14:20:00+02:00",
        "Катя Хаджиева",
        "От 15 декември учениците",
        "Местата в автобуса са 50",
        5,
        tags=("Община", "Пампорово", "ученици", "транспорт"),
        drops=("Журналист с двадесет", "Може да харесате", "Въвеждат воден режим", "2.1k"),
    ),
    # Zox News: "Публикувано преди 3 дни на 30.11.2026" under the headline, its tags
    # after "Свързани теми:" (its "Related Topics:") opening the box under the text,
    # which read as a related list's heading, so its tag links were furniture
    "zox_news": Theme(
        "https://haskovo-24.example/2026/11/30/bolnitsa-nov-skener/",
        "Болницата в Хасково получи нов скенер за 1,8 млн. лева",
        "2026-11-30",
        "Стоян Димов",
        "Многопрофилната болница в Хасково",
        "Кабинетът ще работи на две смени",
        4,
        tags=("болница", "здравеопазване"),
        drops=("Свързани теми", "Не пропускайте", "Репортер на", "Щракнете", "Още от Хасково"),
    ),
    # tagDiv's Newspaper: "- Реклама -" over an ad slot among the paragraphs, its tags
    # in a list whose first item is the label alone ("Етикети", no colon, no rel="tag")
    "tagdiv_newspaper": Theme(
        "https://popovo-dnes.example/obshtina/targ-remont-chitalishte-svetlina/",
        "Общината в Попово обявява търг за ремонта на читалище „Светлина“",
        "2026-11-27T09:41:18+02:00",
        "Десислава Маринова",
        "Община Попово обяви обществена поръчка",
        "Средствата са осигурени",
        6,
        tags=("Попово", "читалище", "ремонт"),
        drops=("Реклама", "Предишна статия", "ОЩЕ ОТ АВТОРА", "Нова автобусна", "731", "Facebook"),
    ),
    # tagDiv's Cloud Library template of Newspaper: blocks of a page builder, the date
    # only in <time class="entry-date updated td-module-date"> (no metadata), the class
    # its teasers' dates carry too: the day is read from the text by the headline
    "tagdiv_cloud": Theme(
        "https://lom-press.example/kriminalni/pozharnikari-spasiha-mazh-lom/",
        "Пожарникари спасиха възрастен мъж от горяща къща в Лом",
        "2026-11-29",
        "Гергана Иванова",
        "Екип на пожарната в Лом",
        "Общината ще помогне на мъжа",
        5,
        tags=("Лом", "пожар"),
        drops=("Реклама", "Подобни публикации", "Катастрофа", "Волейболистите", "1254"),
    ),
    # Joomla with the Helix Ultimate template and JComments: the section's name as an
    # h2 over the article's h1, "Посещения: 212" in the article info, JComments' form
    "helix_jcomments": Theme(
        "https://elena.example/novini/most-eleneska",
        "Община Елена откри обновения пешеходен мост над река Еленска",
        "2026-11-24T11:05:21+02:00",
        "Пресслужба",
        "Обновеният пешеходен мост",
        "До края на годината общината",
        4,
        drops=("Посещения", "Добавяне на коментар", "Изпращане", "JComments", "Предишна"),
    ),
    # YOOtheme Pro on Joomla: RDFa metas in the article, "Написано от … на <time>." under
    # the headline, the view count as a list item after the text
    "yootheme": Theme(
        "https://tryavna.example/novini/leten-lager-zapisvane",
        "Започва записването за летния лагер на общинските детски градини",
        "2026-11-18T10:30:00+00:00",
        "Красимира Георгиева",
        "Родителите на деца от общинските",
        "Заявленията се подават",
        4,
        drops=("Посещения", "Предишна", "Телефон", "Общинската избирателна"),
    ),
    # Jannah: the day shown as "преди 5 дни", the date and the tags in its own JSON-LD
    # ("tie-schema-json") after the text, "1 минута четене" in the meta line
    "jannah": Theme(
        "https://sevlievo-online.example/novini/gimnaziya-fizkulturen-salon/",
        "Гимназията в Севлиево получи нов физкултурен салон",
        "2026-11-28T10:20:33+02:00",
        "Любомира Цонева",
        "Професионалната гимназия",
        "Официалното откриване",
        4,
        tags=("училища", "спорт"),
        drops=("минута четене", "Снимка:", "Пише за образование", "Градница", "Печат"),
    ),
    # JNews: the day only in a link under the headline (no <time>, no metadata), the
    # tags' rel="tag" links in a "jeg_post_tags" box inside the text's box
    "jnews": Theme(
        "https://dobrich-info.example/2026/11/24/detski-kat-park-sveti-georgi/",
        "Нов детски кът отвори врати в парк „Свети Георги“ в Добрич",
        "2026-11-24",
        "Николай Станев",
        "Нова детска площадка с люлки",
        "Площадката ще бъде отворена",
        5,
        tags=("Добрич", "детски площадки", "паркове"),
        drops=("РЕКЛАМА", "Етикети", "Предишна публикация", "Синята зона", "Коледен концерт"),
    ),
    # Astra: the days as the text of itemprop spans (no datetime), related posts whose
    # excerpts sit in "entry-content" boxes of their own under the post
    "astra": Theme(
        "https://etropole-obshtina.example/2026/11/kursove-kompyutarna-gramotnost/",
        "Започва записването за безплатните курсове по компютърна грамотност в Етрополе",
        "2026-11-24",
        "Пресцентър",
        "Община Етрополе и читалище",
        "Справки и записване на място",
        4,
        drops=("Компютърната зала", "Подобни публикации", "Над двадесет жители", "Прочети още"),
    ),
    # ColorMag: <time class="entry-date published updated"> and the tags' links in the
    # meta line under the headline ("cm-tag-links"); on main: the day only, the
    # category alone for tags
    "colormag": Theme(
        "https://kardzhali-news.example/remont-ulitsa-hristo-botev/",
        "Започна ремонтът на улица „Христо Ботев“ в Кърджали",
        "2026-11-20T10:15:33+02:00",
        "Айше Исмаилова",
        "Строителите започнаха в понеделник",
        "Срокът за изпълнение е осем месеца",
        4,
        tags=("Кърджали", "ремонт", "улици"),
        drops=("преглеждания", "Може да харесате", "Платеното паркиране", "Нивото на язовир"),
    ),
    # Divi: the day as WordPress's "M j, Y" in Bulgarian ("ное 27, 2026") in a plain
    # span, no <time>, no metadata; the site's phone and e-mail in the top bar
    "divi": Theme(
        "https://chitalishte-zora.example/chitalishte-120-godini/",
        "Читалище „Зора“ отбеляза 120 години с концерт и изложба",
        "2026-11-27",
        "Петя Стоянова",
        "С празничен концерт в голямата зала",
        "Изложбата може да бъде разгледана",
        4,
        tags=("Новини",),
        drops=("коментара", "Подайте коментар", "Започва записването", "Elegant Themes"),
    ),
    # GeneratePress prints the last change's <time class="updated"> before the
    # publication's, with no space between them (the stylesheet hides the first)
    "generatepress": Theme(
        "https://belogradchik-novini.example/podpiska-avtobus-gara/",
        "Жители на Белоградчик събраха подписка за автобус до гарата",
        "2026-11-19T08:47:31+02:00",
        "Петър Тодоров",
        "Над 400 жители на Белоградчик",
        "Инициаторите на подписката",
        5,
        tags=("Град", "автобуси", "гара", "подписка"),
        drops=("Рекорден брой", "Коледният базар", "Запазване на моето име", "Архиви"),
    ),
    # TYPO3's news extension (tx_news): the page's section as the h1, the headline an h3,
    # the lead in <div class="teaser-text" itemprop="description"> with the picture set
    # between it and the text (main: the lead cut, as a "teaser" and for the picture),
    # related news and files with dates of their own; the tags as bare words (none read)
    "typo3_news": Theme(
        "https://berkovitsa-obshtina.example/novini/detail/dogovor-sanirane-tri-bloka",
        "Общината в Берковица подписа договор за саниране на три блока",
        "2026-11-26",
        "Цветелина Младенова",
        "Три жилищни блока в квартал",
        "Работите трябва да започнат",
        5,
        drops=("Обратно", "Свързани", "Общината кандидатства", "График на", "Блоковете в кв"),
    ),
    # Ghost's Casper: its head's JSON-LD and "article:" metas, the byline's <time> as
    # "27 ное 2026", the custom excerpt under the headline (left out, as WCXB's truths
    # leave a dek out), the portal's sign-up box and three post cards after the text
    "ghost_casper": Theme(
        "https://novipazar-vesti.example/sportnata-zala-otvarya-sled-remont/",
        "Спортната зала в Нови пазар отваря след ремонт",
        "2026-11-27T07:41:12+00:00",
        "Ралица Андреева",
        "Спортната зала „Христо Ботев“",
        "Залата ще бъде отворена",
        5,
        tags=("Спорт", "ремонти"),
        drops=("мин. четене", "Абонирай", "Общинският съвет", "Новите съблекални", "Ghost"),
    ),
    # Drupal 10's Olivero: the headline in the page-title block above the node, "От
    # <a class="username">…</a>, 27 ноември 2026 - 09:41" in "node__meta", the tags in
    # "field--name-field-tags" headed "Етикети", the comment form, a contacts block
    # in the footer with a body field of its own
    "drupal_olivero": Theme(
        "https://obshtina-dolni-chiflik.example/novini/zapochva-podmyanata-na-vodoprovoda-v-s-shkorpilovtsi",
        "Започва подмяната на водопровода в с. Шкорпиловци",
        "2026-11-27T09:41:00",
        "Стефан Костадинов",
        "От понеделник, 30 ноември",
        "Сигнали за проблеми",
        4,
        tags=("водопровод", "Шкорпиловци", "ПРСР"),
        drops=("Етикети", "Коментар", "Вашето име", "Приемно време", "RSS", "Drupal"),
    ),
    # Joomla 3's Protostar: the headline an h2 in "page-header", the article-info list
    # "Подробности" with "Написано от", "Публикувано на", "Последна промяна на",
    # "Създадено на" (three <time>s) and "Посещения: 387", the print/e-mail cog menu,
    # the pager "Назад"/"Напред", latest news in the side column
    "joomla_protostar": Theme(
        "https://obshtina-ivaylovgrad.example/novini/248-zapisvane-detski-gradini",
        "Започва записването в детските градини за новата учебна година",
        "2026-11-25T08:15:00+02:00",
        "Миглена Атанасова",
        "От 1 декември родителите",
        "Справки на телефона",
        4,
        drops=("Подробности", "Посещения", "Печат", "Назад", "Коледен базар", "Последни"),
    ),
    # Tilda's feed post page: the post in a "t-feed__post-popup" (shown, not a popup),
    # its date and author in "t-feed__post-popup__date-parts-wrapper" by the headline
    # (main: no author, the block's "popup" read as furniture), the text in
    # "t-redactor__text" boxes, share buttons, "Още публикации", the T420 footer
    "tilda_feeds": Theme(
        "https://belitsa-chitalishte.example/tpost/k2m7x1vd51-chitalishteto-v-belitsa-sabira-stari-sni",
        "Читалището в Белица събира стари снимки за изложба",
        "2026-11-27",
        "Василка Дончева",
        "Народно читалище „Просвета – 1914“",
        "Дарителите ще бъдат поканени",
        5,
        drops=("Сподели", "Още публикации", "Школата", "Всички публикации", "Адрес", "Tilda"),
    ),
    # Odoo's website blog: the headline and subtitle over a cover picture, the author and
    # the day in "o_wblog_post_author_and_date", the text in "o_wblog_post_content_field",
    # tags as "#"-led badge links to /tag/ pages (no rel="tag", no label: read as the
    # post's own since trial44, in the <main> of its cover and its box), and the next
    # post's cover with its own title and subtitle (a <div> for the h1)
    "odoo_blog": Theme(
        "https://kmetstvo-galabovo.example/blog/novini-1/kmetstvoto-zasadi-lipova-aleya-14",
        "Кметството в Гълъбово засади липова алея",
        "2026-11-27",
        "Димитрина Кръстева",
        "Доброволци и служители",
        "Кметството ще полива",
        3,
        tags=("озеленяване", "доброволци"),
        drops=("Четиридесет", "читалището", "Прочетете следващото", "Odoo", "озеленяване"),
    ),
    # Sitefinity's ASP.NET Core renderer, its news detail view as shipped: no class on
    # the item's boxes, the headline an h3 (no h1 on the page), "27.11.2026 г. By …" with
    # the renderer's untranslated "By", the summary's <div> and the content's, "Последни
    # новини" in the second column, the programme's notice in the footer
    "sitefinity_renderer": Theme(
        "https://oblast-yambol.example/novini/2026/11/27/oblastnata-administratsiya-predstavi-plana-za-zimata",
        "Областната администрация в Ямбол представи плана за зимата",
        "2026-11-27",
        "Радослав Вълков",
        "Пътищата в областта ще бъдат",
        "При обилен снеговалеж",
        4,
        drops=("By", "Последни новини", "Приемни дни", "Добро управление", "Жорж Папазов"),
    ),
    # A regional daily on a custom PHP CMS (trial44): "03.12.2026 | 10:15" and "Автор:"
    # in "news_info", the text in <div class="text" id="news_text"> with a gallery's
    # thumbnails and captions, an embedded Facebook post (its quoted text kept, as a
    # tweet's is; its "Публикувано от … на Сряда, …" line, the embed's, not) and a
    # YouTube iframe among the paragraphs, "Снимки:" and "Източник:"
    # closing it (credits, not text), "Ключови думи:" links, a poll, "Последни новини"
    # and "Най-четени"
    "regional_daily": Theme(
        "https://pirin-dnes.example/news/view/48213",
        "Започва ремонтът на пазара в Петрич",
        "2026-12-03T10:15:00",
        "Симона Гълъбова",
        "Ремонтът на Градския пазар в Петрич",
        "Паркингът зад пазара остава отворен",
        7,
        tags=("Петрич", "пазар", "ремонт"),
        drops=(
            "Публикувано от",
            "Източник",
            "Снимки",
            "Сергиите",
            "Ключови думи",
            "Анкета",
            "Гласувай",
            "Последни новини",
            "Най-четени",
            "Снегорините",
            "Прочетена",
            "Коментари",
            "Крайно време",
            "Печат",
        ),
    ),
    # A municipality's announcement (trial44): "Публикувано на: 01.12.2026" and its
    # category, a short text around a table of dates and places (kept, a row a line),
    # the files under "Прикачени файлове" (not the text), "Версия за печат", the side
    # list of other announcements
    "municipal_notice": Theme(
        "https://elena-obshtina.example/obyavleniya/budjet-2027",
        "Обявление за публично обсъждане на проекта за бюджет 2027 г.",
        "2026-12-01",
        "",
        "На основание чл. 84, ал. 6",
        "Предложения и становища",
        7,
        drops=(
            "Прикачени",
            ".pdf",
            "MB",
            "Версия за печат",
            "Назад",
            "Прекъсване на",
            "Работно време",
            "Категория",
        ),
    ),
    # An oblast administration's press release on a state portal (trial44): the day as
    # "03 декември 2026 г., 10:15 ч." over the headline, the release signed "Пресцентър
    # на Областна администрация Враца" (the author, not a line of the text), "Галерия",
    # "Свързани документи", the side list's dates in the same form
    "gov_press_release": Theme(
        "https://vratsa.government-bg.example/bg/prescentar/novini/4471",
        "Областният управител свика Областния съвет за намаляване на риска от бедствия",
        "2026-12-03T10:15:00",
        "Пресцентър на Областна администрация Враца",
        "Областният управител на област Враца",
        "Заседанието е открито за медиите.",
        4,
        drops=(
            "Пресцентър",
            "Галерия",
            "Свързани документи",
            "Заповед",
            "Сподели",
            "Заместник областният",
            "Добро управление",
        ),
    ),
    # The AMP plugin's reader template (trial44): amp-img, an amp-carousel of the
    # gallery's figures, amp-youtube among the paragraphs, "преди 2 дни" in the <time>,
    # the tag links in "amp-wp-tax-tag", amp-social-share buttons, amp-sidebar's menu
    "amp_reader": Theme(
        "https://tarnovo-vesti.example/2026/12/dobrovoltsi-bryag-yantra/amp/",
        "Доброволци почистиха брега на Янтра във Велико Търново",
        "2026-12-01T15:20:04+02:00",
        "Галина Стефанова",
        "Над 120 доброволци",
        "Следващото почистване",
        4,
        tags=("Община", "Янтра", "доброволци"),
        drops=(
            "Доброволците край",
            "Чувалите",
            "Етикети",
            "Оставете коментар",
            "Меню",
            "Обратно нагоре",
            "преди 2 дни",
        ),
    ),
    # A news portal's own AMP page (trial44): no metadata but the canonical link, the
    # day as "02 Декември 2026, 15:32" under the h1, an amp-ad with its "Реклама"
    # placeholder and an amp-carousel among the paragraphs, amp-social-share buttons,
    # "Още новини" and "Пълна версия" after the text
    "amp_portal": Theme(
        "https://rodopi-news.example/novini/obshtestvo/snegorini-smolyan-51877.html/amp",
        "Общината в Смолян купува два нови снегорина",
        "2026-12-02T15:32:00",
        "",
        "Община Смолян ще купи",
        "Общинският съвет одобри",
        4,
        drops=("Реклама", "Още новини", "Топлофикацията", "Пълна версия", "Общество"),
    ),
    # Joomla 4's print view (trial44, "?tmpl=component&print=1"): no template around the
    # item, the "Печат" button over its h2, "Подробности" with the writer, the day and
    # the hits, the text in "com-content-article__body"
    "joomla_print": Theme(
        "https://aytos-obshtina.example/index.php/novini/1234-koledni-pomoshti?tmpl=component&print=1",
        "Започва приемът на заявления за коледни помощи",
        "2026-12-01T09:20:00+02:00",
        "Пресцентър Община Айтос",
        "Община Айтос започва приема",
        "Помощите ще бъдат изплатени",
        3,
        drops=("Печат", "Подробности", "Посещения", "Написано от"),
    ),
    # A print version (trial44, "?print=1"): a layout table, no menus, the headline in
    # <b>, "02.12.2026 17:45 | Автор: …" under it, the paragraphs as text between <br>s,
    # then "Адрес на статията: https://…" (main: kept as the text's last line)
    "print_version": Theme(
        "https://karlovo-dnes.example/news.php?id=30517&print=1",
        "Съдът спря поръчката за сметосъбиране в Карлово",
        "2026-12-02T17:45:00",
        "Николай Бонев",
        "Административният съд в Пловдив",
        "Общинските съветници",
        4,
        drops=("Адрес на статията", "https://", "Всички права", "Автор", "www."),
    ),
    # A long analysis (trial44): h2 and h3 headings, bulleted and numbered lists, a table
    # with its caption, a block quote, footnote marks and the footnotes after an <hr>,
    # all kept in their order
    "long_structured": Theme(
        "https://gabrovo-news.example/analizi/naredba-obshtestven-red",
        "Какво предвижда новата наредба за обществения ред в Габрово",
        "2026-11-30T08:05:00+02:00",
        "Теодора Маринова",
        "Общинският съвет в Габрово",
        "Според проекта на бюджета",
        24,
        drops=("Анализи", "Най-четени", "Ски пистата", "Общи условия"),
    ),
}


@pytest.mark.parametrize("name", sorted(THEMES))
def test_a_themes_article_page_gives_its_fields_and_only_its_text(name: str) -> None:
    theme = THEMES[name]
    article = extract((PAGES / f"{name}.html").read_bytes(), theme.url, today=_FETCHED)
    assert article.title == theme.title
    assert article.published is not None
    assert article.published.isoformat() == theme.published
    assert article.date_note is None  # neither a guess nor a change for the publication
    assert (article.author or "") == theme.author
    assert article.tags == theme.tags
    lines = article.text.split("\n")
    assert lines[0].startswith(theme.first), lines[0]
    assert lines[-1].startswith(theme.last), lines[-1]
    assert len(lines) == theme.lines, lines
    for dropped in theme.drops:
        assert dropped not in article.text, dropped


@pytest.mark.parametrize(
    ("times", "published"),
    [
        # the underscores starter and the Twenty themes, a post never changed
        (
            '<time class="entry-date published updated" datetime="2026-10-05T08:30:00+03:00">'
            "5 октомври 2026</time>",
            "2026-10-05T08:30:00+03:00",
        ),
        # the same, changed since: the publication, then the change marked "updated" alone
        (
            '<time class="entry-date published" datetime="2026-10-05T08:30:00+03:00">'
            '5 октомври 2026</time><time class="updated" datetime="2026-10-20T16:00:00+03:00">'
            "20 октомври 2026</time>",
            "2026-10-05T08:30:00+03:00",
        ),
    ],
)
def test_the_entry_date_marked_updated_too_is_the_publication(times: str, published: str) -> None:
    html = (
        '<html lang="bg"><head><meta charset="utf-8"><title>Ремонтът на моста приключи - '
        'Вести</title></head><body><nav><a href="/">Начало</a> <a href="/grad">Град</a></nav>'
        '<article class="post hentry"><header class="entry-header"><h1 class="entry-title">'
        'Ремонтът на моста приключи</h1><div class="entry-meta"><span class="posted-on">'
        f'{times}</span></div></header><div class="entry-content"><p>Движението по моста '
        "над реката беше възстановено в петък след четиримесечен ремонт на конструкцията и "
        "настилката.</p><p>Общината обяви, че през пролетта ще бъдат подменени и парапетите "
        "по цялата дължина на съоръжението.</p></div></article></body></html>"
    )
    article = extract(html, "https://vesti.example/grad/most", today=_FETCHED)
    assert article.published is not None
    assert article.published.isoformat() == published
    assert article.rules["published"] == "generic:time[datetime]"


def test_newspapers_date_without_its_microdata_is_its_day_not_a_teasers() -> None:
    """Newspaper's page without the microdata its older versions print in the post's
    footer: the day by the headline dates it, not the first <time class="entry-date
    updated td-module-date">, which a block of other stories above the post carries as
    the post's own does (a header's news block in the Cloud Library's template)."""
    html = (PAGES / "tagdiv_newspaper.html").read_text(encoding="utf-8")
    start = html.index('<span class="td-page-meta" itemprop="author"')
    html = html[:start] + html[html.index("</footer>", start) :]
    assert "datePublished" not in html
    theme = THEMES["tagdiv_newspaper"]
    article = extract(html, theme.url, today=_FETCHED)
    assert article.published == dt.date(2026, 11, 27)
    assert article.author == theme.author
    cloud = (PAGES / "tagdiv_cloud.html").read_text(encoding="utf-8")
    teaser = (
        '<div class="td_block_wrap td_flex_block_1 td_flex_block"><div class="td_block_inner">'
        '<div class="td_module_flex td_module_wrap"><h3 class="entry-title td-module-title">'
        '<a href="https://lom-press.example/sport/lom-volejbol/">Волейболистите на Лом с '
        'трета поредна победа</a></h3><span class="td-post-date"><time class="entry-date '
        'updated td-module-date" datetime="2026-12-01T19:40:00+02:00">01.12.2026</time>'
        "</span></div></div></div>"
    )
    cloud = cloud.replace(
        '<div class="td-header-desktop-wrap ">', teaser + '<div class="td-header-desktop-wrap ">', 1
    )
    assert teaser in cloud
    dated = extract(cloud, THEMES["tagdiv_cloud"].url, today=_FETCHED).published
    assert dated == dt.date(2026, 11, 29)


def test_jannahs_relative_day_dates_the_page_without_its_schema() -> None:
    """Jannah's page with its JSON-LD turned off: "преди 5 дни" under the headline, read
    against the fetch day, is the day; the related posts' "преди 6 дни" is not."""
    html = (PAGES / "jannah.html").read_text(encoding="utf-8")
    start = html.index('<script id="tie-schema-json"')
    html = html[:start] + html[html.index("</script>", start) + len("</script>") :]
    article = extract(html, THEMES["jannah"].url, today=_FETCHED)
    assert article.published == dt.date(2026, 11, 28)
    assert article.author == "Любомира Цонева"


def test_a_sidebar_widget_headed_etiketi_gives_no_tags() -> None:
    """The label standing alone labels the links of the box around it, and that box is
    judged itself: a widget headed "Етикети" over a site's tags is furniture, whatever
    holds it."""
    html = (
        '<html lang="bg"><head><meta charset="utf-8"><title>Нов парк в квартала</title>'
        '</head><body><div class="wrap"><div class="col-main"><h1>Нов парк в квартала</h1>'
        '<p>27.11.2026</p><div class="text"><p>Общината откри нов парк в квартал „Изток“ с '
        "детска площадка, пейки и осветление по алеите.</p><p>Паркът ще бъде поддържан от "
        "общинското предприятие, а охраната ще се осигурява от видеокамери.</p></div></div>"
        '<div class="col-side"><div class="widget"><h3>Етикети</h3><div class="box"><a '
        'href="/t/1">Русе</a> <a href="/t/2">спорт</a> <a href="/t/3">култура</a></div>'
        "</div></div></div></body></html>"
    )
    assert extract(html, "https://vesti.example/grad/park", today=_FETCHED).tags == ()
    # the same links under the label in the post's own box are its tags
    own = html.replace('<div class="col-side"><div class="widget">', '<div class="post-meta">')
    own = own.replace("</div></div></div></body>", "</div></div></body>")
    assert extract(own, "https://vesti.example/grad/park", today=_FETCHED).tags == (
        "Русе",
        "спорт",
        "култура",
    )


def test_a_box_of_the_sites_popular_tags_gives_no_tags() -> None:
    """A box a class names tags is the post's own to the tag reader only when no other
    furniture word names it: "popular-tags" in a column no class names furniture lists
    the site's tags."""
    html = (PAGES / "generatepress.html").read_text(encoding="utf-8")
    start = html.index('<span class="tags-links">')
    html = html[:start] + html[html.index("</span> ", html.index("подписка</a>")) + 7 :]
    popular = (
        '<div class="popular-tags"><a href="/tag/a/" rel="tag">Белоградчик</a> '
        '<a href="/tag/b/" rel="tag">скали</a></div>'
    )
    html = html.replace('<div class="comments-area">', popular + '<div class="comments-area">')
    article = extract(html, THEMES["generatepress"].url, today=_FETCHED)
    assert article.tags == ("Град",)


def test_caspers_byline_dates_and_names_a_post_without_ghosts_head() -> None:
    """Casper's page without the metadata Ghost's head prints: the byline's <time> under
    the headline is the day and its "author-name" the author; the post cards' <time>s
    below the text are other posts'."""
    html = (PAGES / "ghost_casper.html").read_text(encoding="utf-8")
    start = html.index('<script type="application/ld+json">')
    html = html[:start] + html[html.index("</script>", start) + len("</script>") :]
    html = re.sub(r'<meta (?:property|name)="(?:article|twitter|og):[^>]*>', "", html)
    assert "2026-11-27T" not in html and "Ралица Андреева" in html
    article = extract(html, THEMES["ghost_casper"].url, today=_FETCHED)
    assert article.published == dt.date(2026, 11, 27)
    assert article.author == "Ралица Андреева"
    assert article.text.startswith("Спортната зала „Христо Ботев“")
    # the primary tag's link over the headline, in the <article>'s own <header> (trial44)
    assert article.tags == ("Спорт",)


@pytest.mark.parametrize("modified_first", [False, True])
def test_protostars_article_info_as_words_dates_the_publication(modified_first: bool) -> None:
    """Protostar's article info with no microdata or <time> (a template override, Joomla
    2.5's layout): "Публикувано на 25 ноември 2026" is the day, not "Последна промяна на"
    nor "Създадено на" beside it, before it or after it."""
    html = (PAGES / "joomla_protostar.html").read_text(encoding="utf-8")
    html = re.sub(r"</?time[^>]*>", "", html)
    html = re.sub(r' itemprop="[^"]*"', "", html)
    html = html.replace('<meta name="author" content="Миглена Атанасова" />', "")
    if modified_first:
        published = html.index('<dd class="published">')
        modified = html.index('<dd class="modified">')
        created = html.index('<dd class="create">')
        html = html[:published] + html[modified:created] + html[published:modified] + html[created:]
    assert "datePublished" not in html and "<time" not in html
    article = extract(html, THEMES["joomla_protostar"].url, today=_FETCHED)
    assert article.published == dt.date(2026, 11, 25)
    assert article.author == "Миглена Атанасова"


def test_a_part_named_furniture_for_itself_in_the_headlines_block_still_is() -> None:
    """Only the block's own name is spared by the headline's box: a part of it named
    furniture for itself (a "__related" list with a byline of another post) still is."""
    html = (PAGES / "tilda_feeds.html").read_text(encoding="utf-8")
    html = html.replace(
        '<span class="t-feed__post-popup__author-wrapper">',
        '<span class="t-feed__post-popup__sidebar">',
    )
    assert extract(html, THEMES["tilda_feeds"].url, today=_FETCHED).author is None


def test_the_headlines_block_spares_its_date_for_the_date_rules_too() -> None:
    """The BEM parts of the headline's block are the article's for every reader, not the
    byline's alone: with the date printed under the text, far from the headline, the
    named date element is read (main: it was furniture to the date rules, and only the
    text windows around the headline found the day)."""
    html = (PAGES / "tilda_feeds.html").read_text(encoding="utf-8")
    box = re.search(r'<div class="t-feed__post-popup__date-parts-wrapper.*?\n</div>\n', html, re.S)
    assert box is not None
    html = html.replace(box.group(0), "")
    share = html.index('<div class="t-feed__share')
    html = html[:share] + box.group(0) + html[share:]
    article = extract(html, THEMES["tilda_feeds"].url, today=_FETCHED)
    assert article.published == dt.date(2026, 11, 27)
    assert article.rules["published"] == "generic:date-element"


@pytest.mark.parametrize(
    "related",
    [
        '<div class="t-feed__post-popup__bottom"><h3>Related posts</h3>',
        '<div class="t-feed__post-popup__bottom" id="related-posts">',
    ],
)
def test_a_related_list_in_the_headlines_block_is_still_furniture_to_the_date_rules(
    related: str,
) -> None:
    """The block's name is spared, not what else marks a part (a "Related posts" heading
    first in it, its id): such a box under the text lists other posts, and the date
    element in it is not the article's (with the whole part spared, it dated the article
    by ``generic:date-element``)."""
    html = (PAGES / "tilda_feeds.html").read_text(encoding="utf-8")
    box = re.search(r'<div class="t-feed__post-popup__date-parts-wrapper.*?\n</div>\n', html, re.S)
    assert box is not None
    html = html.replace(box.group(0), "")
    related += '<span class="t-feed__post-popup__date">12.03.2024</span></div>\n'
    share = html.index('<div class="t-feed__share')
    html = html[:share] + related + html[share:]
    article = extract(html, THEMES["tilda_feeds"].url, today=_FETCHED)
    assert article.published != dt.date(2024, 3, 12), article.rules.get("published")
    assert article.rules.get("published") != "generic:date-element"


@pytest.mark.parametrize(
    ("meta", "published"),
    [
        # a theme's "j F Y @ H:i" (main: the day alone)
        ("27 ноември 2026 @ 09:41", dt.datetime(2026, 11, 27, 9, 41)),
        ("27.11.2026 @ 09:41 ч.", dt.datetime(2026, 11, 27, 9, 41)),
        ("27.11.2026 | 09:41", dt.datetime(2026, 11, 27, 9, 41)),
        # the change's line beside the publication's, on either side of it
        (
            "Публикувана: 27.11.2026 | 09:41 Обновена: 28.11.2026 | 10:05",
            dt.datetime(2026, 11, 27, 9, 41),
        ),
        (
            "Обновена: 28.11.2026 | 10:05 Публикувана: 27.11.2026 | 09:41",
            dt.datetime(2026, 11, 27, 9, 41),
        ),
    ],
)
def test_a_meta_lines_date_and_time_as_a_reader_reads_them(
    meta: str, published: dt.datetime
) -> None:
    html = (
        '<html lang="bg"><head><meta charset="utf-8"><title>Ремонтът на моста приключи - '
        'Вести</title></head><body><nav><a href="/">Начало</a> <a href="/grad">Град</a></nav>'
        '<div class="post"><h1>Ремонтът на моста приключи</h1><div class="info">'
        f'<span class="date">{meta}</span></div><div class="text"><p>Движението по моста '
        "над реката беше възстановено в петък след четиримесечен ремонт на конструкцията и "
        "настилката.</p><p>Общината обяви, че през пролетта ще бъдат подменени и парапетите "
        "по цялата дължина на съоръжението.</p></div></div></body></html>"
    )
    article = extract(html, "https://vesti.example/grad/most", today=_FETCHED)
    assert article.published == published


def test_a_long_articles_headings_lists_table_quote_and_footnotes_stay_in_order() -> None:
    """Every part of a long analysis a reader reads is kept where the page puts it: the
    headings between the paragraphs, each list's items, the table's caption and cells, the
    block quote and the footnotes after the rule (trial44)."""
    theme = THEMES["long_structured"]
    html = (PAGES / "long_structured.html").read_bytes()
    lines = extract(html, theme.url, today=_FETCHED).text.split("\n")
    order = [
        "Тишина в часовете за почивка",
        "ремонтни дейности с машини",
        "товарене и разтоварване",
        "Глоби",
        "Глоби по новата наредба (в лева)",
        "Нарушение",
        "Паркиране в зелени площи | 50 | 150",  # a row a line, its cells in order
        "Повторни нарушения",
        "При трето нарушение",
        "Какво казват жителите",
        "Глобите не решават нищо",
        "Така коментира",
        "Второто четене",
        "Уведомлението може",
    ]
    at = [next(i for i, line in enumerate(lines) if line.startswith(part)) for part in order]
    assert at == sorted(at), lines


def test_a_google_cache_copy_reads_as_the_page_it_copies() -> None:
    """A copy of the regional daily's page as Google's cache served it (trial44): its
    header box over the page ("Това е кеширано копие от Google на …", the snapshot's
    moment "28 ноем 2026 08:12:44 GMT", "Версия само с текста") and a <base> in the head;
    the copy's fields and text are the page's, under the cache's address or the page's."""
    theme = THEMES["regional_daily"]
    html = (PAGES / "regional_daily.html").read_text(encoding="utf-8")
    header = (
        '<div id="bN015htcoyT__google-cache-hdr" style="background:#f5f5f5;padding:8px 15px">'
        '<div><span style="display:inline-block">Това е кеширано копие от Google на <a href="'
        f'{theme.url}">{theme.url}</a>. То представлява моментна снимка на страницата към 28 '
        'ноем 2026 08:12:44 GMT.</span><span style="display:inline-block">Междувременно <a '
        f'href="{theme.url}">текущата страница</a> може да се е променила. <a href="http://'
        'support.google.com/websearch/bin/answer.py?hl=bg&amp;p=cached">Научете повече</a>.'
        '</span></div><div><span style="font-weight:bold">Пълна версия</span> <a href="http'
        "://webcache.googleusercontent.com/search?q=cache:pirin-dnes.example/news/view/48213"
        '&amp;strip=1">Версия само с текста</a> <a href="http://webcache.googleusercontent.com'
        '/search?q=cache:pirin-dnes.example/news/view/48213&amp;vwsrc=1">Преглед на изходния '
        "код</a></div><span>Съвет: За бързо намиране на думата, за която търсите, натиснете "
        "<b>Ctrl+F</b> или <b>⌘-F</b> (Mac) и използвайте лентата за търсене.</span></div>"
        '<div style="position:relative;">'
    )
    html = html.replace("<head>\n", f'<head>\n<base href="{theme.url}">\n', 1)
    html = html.replace("<body>\n", f"<body>\n{header}\n", 1).replace("</body>", "</div></body>")
    cache = (
        "http://webcache.googleusercontent.com/search?q=cache:pirin-dnes.example/news/view/48213"
    )
    for url in (cache, theme.url):
        article = extract(html, url, today=_FETCHED)
        assert article.title == theme.title
        assert article.published is not None
        assert article.published.isoformat() == theme.published
        assert article.author == theme.author
        lines = article.text.split("\n")
        assert lines[0].startswith(theme.first) and lines[-1].startswith(theme.last)
        for dropped in ("кеширано", "Google", "ноем", "Версия само", "Ctrl+F"):
            assert dropped not in article.text, dropped


@pytest.mark.parametrize("microdata", [True, False])
def test_older_tx_news_teaser_without_microdata_is_the_lead(microdata: bool) -> None:
    """TYPO3's news before its templates marked the lead ``itemprop="description"``:
    ``<div class="teaser-text">`` with the lead's paragraphs, the picture, then the text's
    box. The lead is the text's first line (main: cut as a "teaser"), with or without the
    item's other microdata (trial44)."""
    theme = THEMES["typo3_news"]
    html = (PAGES / "typo3_news.html").read_text(encoding="utf-8")
    html = html.replace(' itemprop="description"', "")
    if not microdata:
        html = re.sub(r' item(?:prop|type)="[^"]*"| itemscope="itemscope"', "", html)
        assert "itemprop" not in html
    article = extract(html, theme.url, today=_FETCHED)
    assert article.published == dt.date(2026, 11, 26)
    assert article.author == "Цветелина Младенова"
    lines = article.text.split("\n")
    assert lines[0].startswith(theme.first)  # the lead
    assert lines[1].startswith("Кметът на община Берковица")
    assert len(lines) == theme.lines


def test_a_teaser_cards_excerpt_stays_out_of_the_text() -> None:
    """A teaser's excerpt in paragraphs, with no longer text beside it, is another story's
    card, not a lead: the cards of other news under the article stay out (trial44)."""
    card = (
        '<div class="news-list-item"><h3><a href="/novini/{slug}">{title}</a></h3>'
        '<div class="teaser-text"><p>{excerpt}</p></div>'
        '<a class="more" href="/novini/{slug}">Още</a></div>'
    )
    cards = "".join(
        card.format(slug=f"n{i}", title=title, excerpt=excerpt)
        for i, (title, excerpt) in enumerate(
            [
                ("Ремонт на улица „Дунав“", "Движението по улицата ще бъде затворено за седмица."),
                ("Нов автобус за Бързия", "От понеделник тръгва нова линия до курорта Бързия."),
            ]
        )
    )
    html = (
        '<html lang="bg"><head><meta charset="utf-8"><title>Зимният сезон започна</title>'
        '</head><body><div class="article"><h1>Зимният сезон започна</h1><p class="date">'
        '02.12.2026</p><div class="news-text-wrap"><p>Общината обяви началото на зимния '
        "сезон и изпрати снегорините по пътищата към селата в планината.</p><p>Дежурните "
        "екипи ще работят денонощно до края на март, а телефонът за сигнали е в сайта.</p>"
        f'</div></div><div class="news-related-list">{cards}</div></body></html>'
    )
    text = extract(html, "https://berkovitsa.example/novini/zima", today=_FETCHED).text
    assert text.startswith("Общината обяви началото")
    assert "затворено за седмица" not in text and "нова линия" not in text


_DAILY_TAGS = (
    '<div class="news_tags">Ключови думи: <a href="/search/tag/Петрич">Петрич</a>, <a '
    'href="/search/tag/пазар">пазар</a>, <a href="/search/tag/ремонт">ремонт</a></div>'
)


def test_links_to_tag_pages_in_the_items_box_are_its_tags() -> None:
    """A custom CMS's line of links to its tag pages ("/tag/petrich") under the text, with
    no label, no ``rel="tag"`` and no metadata: the tags of the item whose box holds the
    headline (main: none read, trial44)."""
    theme = THEMES["regional_daily"]
    html = (PAGES / "regional_daily.html").read_text(encoding="utf-8")
    own = (
        '<div class="news_tags"><a href="/tag/petrich">Петрич</a> <a href="/tag/pazar">пазар'
        '</a> <a href="https://www.pirin-dnes.example/tag/remont/">ремонт</a></div>'
    )
    assert _DAILY_TAGS in html
    article = extract(html.replace(_DAILY_TAGS, own), theme.url, today=_FETCHED)
    assert article.tags == ("Петрич", "пазар", "ремонт")


@pytest.mark.parametrize(
    "where",
    [
        "side column",  # a box of the site's topics in the right column, no class naming it
        "menu",  # a menu's entry linking a tag page
        "prose",  # a sentence of the text naming a tag page
        "other site",  # another site's tag page under the text
    ],
)
def test_links_to_tag_pages_outside_the_items_own_line_are_no_tags(where: str) -> None:
    """Tag page links are the item's tags only in the box around its headline, on a line
    of their own, to the site's own pages (trial44)."""
    theme = THEMES["regional_daily"]
    html = (PAGES / "regional_daily.html").read_text(encoding="utf-8").replace(_DAILY_TAGS, "")
    if where == "side column":
        box = (
            '<div class="box"><div class="box_title">Теми</div><a href="/tag/sandanski">'
            'Сандански</a> <a href="/tag/bansko">Банско</a> <a href="/tag/sport">спорт</a></div>'
        )
        html = html.replace('<div class="box poll">', box + '<div class="box poll">')
    elif where == "menu":
        html = html.replace(
            '<a href="/news/cat/7">Некролози</a>', '<a href="/tag/izbori">Избори</a>'
        )
    elif where == "prose":
        html = html.replace(
            "затворен за около осем месеца.</p>",
            'затворен за около осем месеца. Всички новини за <a href="/tag/pazar">пазара</a> '
            "са на едно място.</p>",
        )
    else:
        html = html.replace(
            '<div class="share_bottom">',
            '<div class="news_tags"><a href="https://drug-sait.example/tag/petrich">Петрич</a>'
            '</div><div class="share_bottom">',
        )
    article = extract(html, theme.url, today=_FETCHED)
    assert article.tags == ()
    assert article.title == theme.title


def test_the_top_bars_day_is_not_the_articles() -> None:
    """The regional daily's top bar prints today's day over the site's menu ("четвъртък, 3
    декември 2026" in <div id="top_bar">); with the item's own day under its text, not
    by the headline, the top bar's dated it (main: 2026-12-03). "top_bar" names the
    site's strip as "topbar" does (trial44)."""
    theme = THEMES["regional_daily"]
    html = (PAGES / "regional_daily.html").read_text(encoding="utf-8")
    html = html.replace('<span class="news_date">03.12.2026 | 10:15</span>', "")
    html = html.replace(
        '<div class="news_tags">',
        '<div class="news_date">01.12.2026 | 10:15</div><div class="news_tags">',
    )
    assert "четвъртък, 3 декември 2026" in html
    article = extract(html, theme.url, today=_FETCHED)
    assert article.published == dt.datetime(2026, 12, 1, 10, 15)
    assert article.text.startswith(theme.first)


def test_a_notices_attachments_in_its_text_leave_no_label() -> None:
    """The municipality's notice with its files listed in the text's own box, under a
    "Прикачени файлове:" paragraph: the links go as a list and the label with them (main:
    the label was the text's last line); the table's text stays (trial44)."""
    theme = THEMES["municipal_notice"]
    html = (PAGES / "municipal_notice.html").read_text(encoding="utf-8")
    files = (
        '<p><strong>Прикачени файлове:</strong></p><p><a href="/uploads/proekt.pdf">Проект на '
        'бюджет 2027.pdf</a> (1.4 MB)<br><a href="/uploads/programa.pdf">Капиталова програма '
        '2027.pdf</a> (612 KB)</p>\n</div>\n<div class="attachments">'
    )
    start = html.index("obshtina@elena.example.</p>") + len("obshtina@elena.example.</p>")
    html = html[:start] + html[start:].replace('\n</div>\n<div class="attachments">', files, 1)
    assert "<strong>Прикачени файлове:</strong>" in html
    lines = extract(html, theme.url, today=_FETCHED).text.split("\n")
    assert lines[-1].startswith(theme.last), lines[-1]
    assert "10.12.2026 | 14:00 | Константин, читалище „Искра“" in lines
    assert not any("Прикачени" in line or ".pdf" in line for line in lines)


@pytest.mark.parametrize("named", ["poll_inline", "wp-polls", "anketa"])
def test_a_poll_among_the_paragraphs_is_not_text(named: str) -> None:
    """A poll set among the item's paragraphs (its title "Анкета", the question, the
    answers by their radio buttons, "Гласувай") is the site's widget wherever it stands
    (main: its title, question and answers were lines of the text, trial44)."""
    theme = THEMES["regional_daily"]
    html = (PAGES / "regional_daily.html").read_text(encoding="utf-8")
    poll = (
        f'<div class="{named}"><h4>Анкета</h4><p>Ще пазарувате ли на временния пазар?</p><ul>'
        '<li><input type="radio" name="a" value="1"> Да, всяка седмица</li><li><input '
        'type="radio" name="a" value="2"> Не, в магазините</li></ul><button>Гласувай</button>'
        "</div>"
    )
    html = html.replace("<p>По думите на заместник-кмета", poll + "<p>По думите на заместник-кмета")
    lines = extract(html, theme.url, today=_FETCHED).text.split("\n")
    assert len(lines) == theme.lines
    assert not any(word in line for line in lines for word in ("Анкета", "временния", "Да,"))


def test_a_tx_news_text_shorter_than_its_lead_follows_the_lead() -> None:
    """TYPO3's news: the lead in ``itemprop="description"``, the text a short paragraph in
    ``itemprop="articleBody"`` beside it. The lead outweighed the text and was taken
    alone (round 55's zhitnitsa: 9 of 9 articles archived as their lead); the item's
    one body follows the description it is."""
    html = (
        "<html><head><title>Пожарникарите проверяват хидрантите | Община Житница</title></head>"
        '<body><ul id="menu"><li><a href="/">Начало</a></li>'
        '<li><a href="/index.php?id=12">Новини</a></li></ul>'
        '<div id="main"><div class="news news-single"><div class="article" itemscope="itemscope"'
        ' itemtype="http://schema.org/Article"><div class="header"><h3 itemprop="headline">'
        'Пожарникарите проверяват хидрантите</h3></div><div class="footer"><p><time'
        ' itemprop="datePublished" datetime="2026-11-27">27.11.2026</time></p></div>'
        '<div class="teaser-text" itemprop="description"><p>Екипи на пожарната проверяват'
        " дали хидрантите в града работят.</p></div>"
        '<div class="news-text-wrap" itemprop="articleBody"><p>Повредените ще бъдат'
        " поправени преди първите студове.</p></div>"
        '<div class="news-backlink-wrap"><a href="/index.php?id=12">Обратно към новините</a>'
        "</div></div></div></div>"
        '<div id="side"><h3>Полезни връзки</h3><ul><li><a href="https://www.egov.bg/">'
        "Портал за електронно управление</a></li></ul></div></body></html>"
    )
    article = extract(html, "https://zhitnitsa.bg/index.php?id=13", today=_FETCHED)
    assert article.title == "Пожарникарите проверяват хидрантите"
    assert article.text.split("\n") == [
        "Екипи на пожарната проверяват дали хидрантите в града работят.",
        "Повредените ще бъдат поправени преди първите студове.",
    ]
