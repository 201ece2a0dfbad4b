"""Article pages in the shapes Bulgarian municipal and regional sites print (written for
these tests, ``tests/fixtures/bg_shapes``): a Joomla item whose headline links to itself,
"Новини" as the h1 over the article's h2, a site's name in the author meta, a view
counter, share and print labels between the paragraphs, an agency's and a "24" network
site's page with no class naming their boilerplate, a council's decision with its vote
table, an association's event page, a press release an office signs (a public body's
name in lower-case words too), a writer's byline naming their office, a standfirst in the
headline's own box. Each must give the true title, date and author, and the article's
text without the page's furniture (bgaudit18: the audit of extractor revision 16 against
../shared/seeds).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from newsarchive.extraction import extract
from newsarchive.profiles import get_profile

PAGES = Path(__file__).parent / "fixtures" / "bg_shapes"


@dataclass(frozen=True)
class Shape:
    url: str
    title: str
    date: str  # the published date's ISO form, "" for none
    author: str
    first: str  # how the text's first line begins
    last: str  # how its last line begins
    keeps: tuple[str, ...] = ()
    drops: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


SHAPES = {
    "joomla_linked_headline": Shape(
        "http://www.ruse-bg.eu/index.php/novini/5120-obshtinski-savet",
        "Общински съвет обсъди бюджета за читалищата",
        "2019-03-14",
        "",
        "На днешното заседание",
        "Окончателното решение",
        keeps=("Читалище „Заря“", "12 000"),
        drops=("Print", "Email", "КМЕТ", "РАДИО РУСЕ", "Банер", "Пролетен турнир"),
    ),
    "news_section_h1": Shape(
        "https://vetren.bg/novini/123",
        "Започна подмяната на уличното осветление в село Брезово",
        "2026-01-22",
        "",
        "Общинската администрация започна",
        "Средствата са осигурени",
        drops=("Новини", "Община Ветрен"),
    ),
    "site_named_author": Shape(
        "https://dunavski-vesti.bg/region/1234",
        "Доброволци почистиха брега на Дунав край Мартен",
        "2025-11-17",
        "Мария Колева",
        "Над сто души се включиха",
        "Следващата акция",
        keeps=("„Всяка година водата изхвърля",),
        drops=("Прочетете също", "Рекорден брой", "Коментари", "Сподели", "°C", "EUR", "бюлетин"),
        tags=("Мартен", "Дунав", "доброволци"),
    ),
    "view_counter": Shape(
        "https://byala.bg/novini/praznik",
        "Община Бяла отбеляза празника на града",
        "2025-09-08",
        "",
        "С празничен концерт",
        "Програмата продължи",
        drops=("Брой прегледи", "Печат", "Copyright", "Награждаването"),
    ),
    "agency_unmarked": Shape(
        "https://agency.example/bg/news/1190001-sreshta",
        "Започна срещата на читалищните секретари в Разград",
        "2026-05-14",
        "",
        "Двудневната среща",
        "Във втория ден",
        drops=(
            "site.bta",
            "Снимка:",
            "/ИД/",
            "В допълнение",
            "Лозница",
            "Отбелязаните кадри",
            "news.modal",
            "Новините от днес",
            "бисквитки",
            "Приемане",
            "Всички права",
        ),
    ),
    "network_unmarked": Shape(
        "https://www.grad24.example/novini/grad/Izlozhba-na-starinni-chasovnitsi-2900001",
        "Изложба на старинни часовници гостува в Регионалния музей",
        "2026-02-03",
        "",
        "Над сто часовника",
        "Експозицията ще остане",
        keeps=('"Всеки часовник пази спомена',),
        drops=(
            "ЗАРЕЖДАНЕ",
            "Зареждане",
            "Все още няма коментари",
            "ИЗПРАТИ НОВИНА",
            "Виж още",
            "08:12 / 03.02.2026",
            "Абонамент",
            "ЗА НАС",
            "тел.:",
            "novini@",
            "Статистика",
        ),
    ),
    "opinions_box": Shape(
        "https://rusenski-novini.example/nikolovo-avtomobil",
        "Кметството в Николово получи нов автомобил",
        "",
        "",
        "Автомобилът ще обслужва",
        "„Дълго чакахме този ден",
        drops=("Снимка:", "Мнения", "Браво на кметството", "04.10.2025"),
    ),
    "labels_between_paragraphs": Shape(
        "https://slivopole.bg/novini/detski-kat",
        "Нов детски кът в библиотеката на Сливо поле",
        "2026-02-27",
        "",
        "Читалищната библиотека в Сливо поле",
        "Читалището кани всички деца",
        drops=("Версия за печат", "Галерия", "Сподели", "Източник:", "Коментари", "Назад"),
    ),
    "weekday_date_sidebar": Shape(
        "https://obshtinaruse.bg/zapochva-remontat-na-detskata-ploshtadka",
        "Започва ремонтът на детската площадка в парк „Възраждане“",
        "2025-12-15",
        "",
        "От понеделник строителите",
        "Срокът за изпълнение",
        keeps=("демонтаж на старите люлки и пързалки;", "монтаж на осветление и камери."),
        drops=("Пропускане", "Сподели", "Коледният базар", "Последни Новини", "…", "082 000"),
    ),
    "council_decision": Shape(
        "https://obs.ruse.example/reshenie-1245/",
        "Решение № 1245 за отпускане на еднократна помощ",
        "2024-05-30",
        "",
        "Общинският съвет, на основание",
        "Решението е прието",
        keeps=("Отпуска еднократна финансова помощ", "Въздържали се"),
        drops=("reshenie-1245.pdf", "Изтегляне", "Прегледи", "Предишен документ", "Всички права"),
    ),
    # an office issues the release and no person is named: the office is the author, not
    # the site's name in the author meta, and its lines are not the text (the release's
    # label over it, the credit under it)
    "office_author": Shape(
        "https://vesti-dunav.example/region/zimno-podarzhane",
        "Областният управител свика съвет за зимното поддържане",
        "2025-11-19",
        "Пресцентър на Областна администрация Русе",
        "Областният управител свика съвет",
        "При затворен път",
        drops=("Прессъобщение", "Източник:"),
    ),
    # a person named beside the office wins: the writer is the author
    "office_and_writer": Shape(
        "https://vesti-dunav.example/grad/stipendii",
        "Започна приемът за общинските стипендии",
        "2026-03-03",
        "Десислава Маринова",
        "Общината приема от днес",
        "Списъкът на одобрените",
        drops=("Пресцентър", "Текст:"),
    ),
    # a share bar of icon links with no text, between "|" separators: the separators
    # and a feed's "RSS" link were left as the text's last line
    "icon_separators": Shape(
        "https://mechka.example/novini/stari-snimki",
        "Читалището в Мечка събира стари снимки на селото",
        "2026-02-12",
        "",
        "Читалище „Светлина“ в село Мечка",
        "Библиотекарката приема снимки",
        drops=("|", "RSS"),
    ),
    # a public body whose name holds lower-case words signs the notice: the body is the
    # author, its line not the text
    "office_agency": Shape(
        "https://vesti-dunav.example/zdrave/hepatit",
        "Започва безплатно изследване за хепатит в три общини",
        "2026-04-09",
        "Регионална здравна инспекция – Русе",
        "През следващите две седмици",
        "Мобилният кабинет ще работи",
        drops=("Източник:",),
    ),
    # the writer's byline names the office they write for after the name: the writer is
    # the author, and the whole line leaves the text
    "writer_with_office": Shape(
        "https://vesti-dunav.example/grad/lipi",
        "Общината засажда двеста липи по булевард Липник",
        "2026-03-21",
        "Мария Колева",
        "Двеста млади липи",
        "Жителите на квартала",
        drops=("Автор:", "Пресцентър"),
    ),
    # the standfirst in the headline's own box, a date line between it and the text's
    # box, a list of other news in the parent of both: the text did not reach it
    "lead_in_headline_box": Shape(
        "https://vesti-dunav.example/kultura/nisovo",
        "Читалището в Нисово отваря врати след ремонта",
        "2026-06-18",
        "",
        "След две години ремонт",
        "Кметът на селото благодари",
        drops=("18.06.2026", "Още от региона", "Нов светофар"),
    ),
    # the standfirst in a box of its own beside the text's box, a list of other news
    # after them in the same parent: the text did not widen to the standfirst's box
    "lead_box_beside_text": Shape(
        "https://vesti-dunav.example/region/mostove",
        "Три моста над Русенски Лом влизат в ремонт през юни",
        "2026-05-14",
        "",
        "Ремонтът на трите моста",
        "Проектите са готови",
        drops=("Нов светофар", "Ремонтират покрива"),
    ),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_bulgarian_page_shape_gives_its_fields_and_only_its_text(name: str) -> None:
    shape = SHAPES[name]
    article = extract((PAGES / f"{name}.html").read_bytes(), shape.url)
    assert article.title == shape.title
    published = article.published.isoformat()[:10] if article.published else ""
    assert published == shape.date
    assert (article.author or "") == shape.author
    assert article.tags == shape.tags
    lines = article.text.split("\n")
    assert lines[0].startswith(shape.first), lines[0]
    assert lines[-1].startswith(shape.last), lines[-1]
    for kept in shape.keeps:
        assert kept in article.text
    for dropped in shape.drops:
        assert dropped not in article.text, dropped


def test_an_event_dated_only_in_its_text_is_dated_as_a_guess() -> None:
    """The association's event page names the event's days in its first sentence and no
    date of its own: the date is a guess, for the crawl to take its listing's over."""
    html = (PAGES / "association_event.html").read_bytes()
    article = extract(html, "https://association.example/bg/sabitiya/ekolozi-77")
    assert article.title == "Годишна среща на общинските еколози"
    assert article.published_guessed
    text = article.text
    assert "заместник-кметовете с ресор околна среда;" in text
    assert text.split("\n")[-1].startswith("Регистрацията е отворена")
    for dropped in ("бисквитки", "×", "Начало |", "към новината", "Обучение на общински"):
        assert dropped not in text, dropped


def test_the_agency_profile_drops_its_photo_dialog_printed_as_paragraphs() -> None:
    """BTA's related box heading and photo-purchase dialog, as the seed page's text shows
    them after the sign-off, in plain paragraphs inside the text's element."""
    html = (
        "<html><head><title>БТА :: Читалищата в Разград получиха нови книги</title></head>"
        '<body><div class="post a11y-content"><h1>Читалищата в Разград получиха нови книги</h1>'
        '<div class="post__content">'
        "<p>Всички единадесет читалища в общината получиха по сто нови книги за децата, "
        "дарени от столично издателство.</p>"
        "<p>Книгите ще бъдат представени на открит урок в събота сутринта.</p>"
        "<p>/ИД/</p><p>В допълнение</p><p>Избиране на снимки</p>"
        "<p>Моля потвърдете избраните снимки, за да ги добавим в количката.</p>"
        "<p>Изтегляне на снимки</p><p>Моля потвърдете изтеглянето на избраните кадри.</p>"
        "</div></div></body></html>"
    )
    article = extract(
        html,
        "https://www.bta.bg/bg/news/bulgaria/1190002-chitalishtata",
        profile=get_profile("bta"),
    )
    assert article.title == "Читалищата в Разград получиха нови книги"
    assert article.text.split("\n") == [
        "Всички единадесет читалища в общината получиха по сто нови книги за децата, "
        "дарени от столично издателство.",
        "Книгите ще бъдат представени на открит урок в събота сутринта.",
    ]


def test_a_tag_cloud_in_the_sidebar_is_not_the_posts_tags() -> None:
    html = (PAGES / "site_named_author.html").read_text(encoding="utf-8")
    cloud = (
        '<aside><div class="cloud">Етикети: <a href="/t/a">Русе</a> <a href="/t/b">спорт</a></div>'
    )
    # the post's whole tag line goes: its links to tag pages alone are its tags (trial44)
    post_tags = (
        '<div class="tags">Етикети: <a href="/tag/marten">Мартен</a>, <a href="/tag/dunav">'
        'Дунав</a>, <a href="/tag/dobrovolci">доброволци</a></div>'
    )
    assert post_tags in html
    html = html.replace("<aside>", cloud).replace(post_tags, '<div class="tags"></div>')
    assert extract(html, "https://dunavski-vesti.bg/region/1234").tags == ()


def test_a_headline_after_a_server_error_sentence_is_news() -> None:
    """ "Възникна грешка - …" over a short text: after the dash a headline's other half, not
    a site's name, so the page is the news of a failure, archived; the same sentence
    beside the municipality's name is the server's error page, tried again next run."""
    news = extract(
        (PAGES / "error_headline_news.html").read_bytes(),
        "https://vesti-dunav.example/ikonomika/nap-srok",
    )
    assert "kind" not in news.rules
    assert news.title == "Възникна грешка - НАП удължи срока за декларациите"
    assert news.text.startswith("След срив в електронната система")
    broken = extract(
        (PAGES / "server_error_page.html").read_bytes(), "https://byala.example/novini/77"
    )
    assert broken.rules.get("kind") == "server error page"


def test_a_box_beside_the_text_is_no_standfirst_when_more_stands_before_it() -> None:
    """The standfirst rule takes one box right after the headline: with a label of the
    page between them (a dek under a hero's kicker, an affiliate notice) the box is left
    out, as WCXB's and AEB's truths leave such boxes out; so is one holding a link."""
    html = (PAGES / "lead_box_beside_text.html").read_text(encoding="utf-8")
    url = "https://vesti-dunav.example/region/mostove"
    kicker = html.replace('<div class="data">14.05.2026</div>', "<div>Пътища и мостове</div>")
    linked = html.replace("съобщиха от", 'съобщиха от <a href="/obshtina">общинската</a>')
    for page in (kicker, linked):
        assert extract(page, url).text.startswith("Най-напред ще бъде обновен")


# The headline's box as themes mark it, each a furniture mark to the text's choice, and
# what else such a box holds: its standfirst is the text's first line, nothing else is.
_BOX_LEAD = (
    "Общината ще засади сто и двадесет дървета по бреговете на реката през тази есен, "
    "след като миналогодишното наводнение унищожи крайбрежната алея."
)
_BOX_TEXT = (
    '<div class="text"><p>Първите петдесет фиданки ще бъдат засадени още този месец, а '
    "останалите през октомври, когато почвата е достатъчно влажна.</p>"
    "<p>Доброволци могат да се включат в засаждането всяка събота сутрин, като се запишат "
    "в читалището на квартала или на телефона на общината.</p></div>"
    '<div class="more"><h3>Още новини</h3><ul><li><a href="/a1">Нов светофар на булеварда '
    'край пазара</a></li><li><a href="/a2">Концерт в парка в събота вечерта</a></li></ul></div>'
)
_BOX_HEADLINE = "<h1>Сто и двадесет дървета по брега на реката</h1>"


@pytest.mark.parametrize(
    ("box", "kept"),
    [
        (f"<header>{_BOX_HEADLINE}<p>{_BOX_LEAD}</p></header>", True),
        (f'<div class="article-meta">{_BOX_HEADLINE}<p>{_BOX_LEAD}</p></div>', True),
        (f'<div class="head">{_BOX_HEADLINE}<div class="sub">{_BOX_LEAD}</div></div>', True),
        # a date and a byline beside it in the box stay out
        (f'<div class="head">{_BOX_HEADLINE}<p>12.09.2026</p><p>{_BOX_LEAD}</p></div>', True),
        # a link in it: a teaser of another story; two prose blocks: not a headline's box
        (f"<header>{_BOX_HEADLINE}<p><a href='/x'>{_BOX_LEAD}</a></p></header>", False),
        (f"<header>{_BOX_HEADLINE}<p>{_BOX_LEAD}</p><p>{_BOX_LEAD}!</p></header>", False),
        # a list's item under the headline (a calendar's event), not a standfirst
        (f"<header>{_BOX_HEADLINE}<ul><li>{_BOX_LEAD}</li></ul></header>", False),
        # a short line ending in a full stop: the box's byline, not a standfirst
        (
            f"<header>{_BOX_HEADLINE}<p>Публикувано на 12.09.2026 г. от Мария Кирова.</p></header>",
            False,
        ),
    ],
)
def test_the_standfirst_in_the_headlines_own_box_opens_the_text(box: str, kept: bool) -> None:
    html = (
        '<html lang="bg"><head><meta charset="utf-8"><title>Сто и двадесет дървета по '
        'брега на реката - Вести</title></head><body><div class="top"><a href="/">Вести</a>'
        f' | <a href="/grad">Град</a></div><div class="main">{box}{_BOX_TEXT}</div></body></html>'
    )
    lines = extract(html, "https://vesti.example/grad/darveta").text.split("\n")
    assert lines[0].startswith("Общината ще засади" if kept else "Първите петдесет")
    assert lines[-1].startswith("Доброволци могат")
    assert not any("12.09.2026" in line for line in lines)


def test_a_ukrainian_pages_dek_under_its_headline_is_no_standfirst() -> None:
    """The standfirst rule is Bulgarian pages' only: a page in another Cyrillic language
    (Ukrainian's "і", "ї", "є" tell it) keeps its dek out of the text, as an English or a
    Russian page does."""
    lead = (
        "Міська рада висадить сто двадцять дерев уздовж річки цієї осені, після того як "
        "торішня повінь знищила набережну алею."
    )
    html = (
        '<html lang="uk"><head><meta charset="utf-8"><title>Сто двадцять дерев уздовж '
        'річки - Вісті</title></head><body><div class="top"><a href="/">Вісті</a> | '
        '<a href="/misto">Місто</a></div><div class="main"><header><h1>Сто двадцять '
        f"дерев уздовж річки</h1><p>{lead}</p></header>"
        '<div class="text"><p>Перші п\'ятдесят саджанців висадять уже цього місяця, а '
        "решту в жовтні, коли ґрунт буде достатньо вологим.</p><p>Волонтери можуть "
        "долучитися до висадки щосуботи вранці, записавшись у бібліотеці кварталу.</p>"
        '</div><div class="more"><h3>Ще новини</h3><ul><li><a href="/a1">Новий світлофор '
        'на бульварі біля ринку</a></li><li><a href="/a2">Концерт у парку в суботу '
        "ввечері</a></li></ul></div></div></body></html>"
    )
    lines = extract(html, "https://visti.example/misto/dereva").text.split("\n")
    assert lines[0].startswith("Перші п'ятдесят саджанців")
    assert lead not in lines


def test_the_date_line_between_the_headlines_box_and_the_texts_is_not_the_text() -> None:
    """With no list of other news beside them, the text widens to the headline's box and
    takes its standfirst, and the date's box between that and the text's box with it
    (a class naming no date: "info")."""
    html = (PAGES / "lead_in_headline_box.html").read_text(encoding="utf-8")
    html = html[: html.index('<div class="more">')] + "</div></body></html>"
    html = html.replace('class="date"', 'class="info"')
    lines = extract(html, "https://vesti-dunav.example/kultura/nisovo").text.split("\n")
    assert lines[0].startswith("След две години ремонт")
    assert lines[1].startswith("Сградата е с нов покрив")
    assert "18.06.2026" not in lines
