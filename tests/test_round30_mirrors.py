"""A thirtieth round of site shapes, crawled from the origin alone (a profile of id,
name and origin) through a real ``MirrorServer``, as ``test_round29_mirrors`` does its six.

The mirrors (``tests/fixtures/make_mirrors_round30.py``) are the other way each of six
families met before is met in the wild: DataLife Engine with every article at
``/index.php?newsid=<id>`` and the list's newest dated "Днес, 10:42" (malina); 1C-Bitrix's
``news.list``, ``?PAGEN_1=2`` (kapina); uCoz's news module on a domain of its own, entries
``/news/<day>-<id>`` beside each day's archive ``/news/<day>`` (yagoda); Hugo's PaperMod,
cards linked only by an empty overlay link (borovinka); Ghost's Source, posts and pages
alike at ``/<slug>/``, a sitemap index (dinya); Blogger's Contempo on a custom domain, its
older pages closed by robots.txt (tikva). Each must archive exactly its articles with the
true title, date and body, and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import clean, extract

from .mirror_sites import FirstCrawl, Proposes, bare_crawl_twice, check_bare_crawl, proposed
from .support import Result

ROUND30_SITES = {
    # DataLife Engine: /index.php?newsid=<id>, /page/2/, "Днес, 10:42"
    "malina": ("Община Малина", "https://malina.bg"),
    # 1C-Bitrix: news.list, ?PAGEN_1=2
    "kapina": ("Община Капина", "https://www.kapina.bg"),
    # uCoz's news module: /news/<day>-<id>, /news/?page2, a day calendar
    "yagoda": ("Читалище „Пробуда“ – с. Ягода", "http://www.yagoda.org"),
    # Hugo's PaperMod: cards linked by an empty overlay link
    "borovinka": ("Община Боровинка", "https://borovinka.bg"),
    # Ghost's Source: posts and pages at /<slug>/, a sitemap index
    "dinya": ("Община Диня", "https://dinya.bg"),
    # Blogger's Contempo on a custom domain
    "tikva": ("Кметство Тиква", "https://www.tikva.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND30_SITES))
def test_a_round30_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND30_SITES[site])


FIRST_CRAWLS = [
    # the front page's older pages each once; print views, a login's profile never
    FirstCrawl(
        "malina",
        once=("/page/2/", "/page/3/"),
        unasked=("/engine/print.php?newsid=1462", "/index.php?subaction=userinfo&user=redaktor"),
        rows=8,
    ),
    FirstCrawl(
        "kapina",
        once=("/novini/?PAGEN_1=2", "/novini/?PAGEN_1=3"),
        unasked=("/novini/?PAGEN_1=1", "/novini/remont-na-ulitsite/?print=Y"),
        rows=8,
    ),
    # each day's archive, an address every entry of that day begins with, never
    FirstCrawl(
        "yagoda",
        once=("/news/?page2", "/news/?page3"),
        unasked=("/news/2026-11-29", "/news/2026-11-15", "/index/3"),
        rows=8,
    ),
    # one of the two lists of every post (the section's), the tags' lists never
    FirstCrawl(
        "borovinka",
        distinct_under={"/posts/": 11},
        unasked=("/page/2/", "/tags/remont/", "/posts/page/1/"),
        rows=8,
    ),
    # the sitemap index's four children once; the pages, the author's and the tag's never
    FirstCrawl(
        "dinya",
        once=("/rss/", "/sitemap.xml", "/sitemap-posts.xml", "/page/2/"),
        unasked=("/kontakti/", "/author/mariya/", "/tag/novini/"),
        rows=8,
    ),
    # the feed once; the older pages robots.txt closes and the static page never
    FirstCrawl(
        "tikva",
        once=("/feeds/posts/default",),
        unasked=(
            "/search?updated-max=2026-11-24T10:37:00%2B02:00&max-results=3",
            "/p/za-nas.html",
        ),
        rows=8,
    ),
]


@pytest.mark.parametrize("expected", FIRST_CRAWLS, ids=lambda e: e.site)
def test_a_round30_sites_first_crawl_asks_for_each_page_it_needs_once(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, expected: FirstCrawl
) -> None:
    site = expected.site
    first, _ = bare_crawl_twice(run_cli, db, tmp_path, site, *ROUND30_SITES[site])
    expected.check(first, db)


PROPOSALS = [
    Proposes("malina", "start_urls", equals=["/"]),
    Proposes("malina", "feeds", equals=["/rss.xml"]),
    Proposes("kapina", "start_urls", equals=["/novini/"]),
    Proposes("yagoda", "start_urls", equals=["/news/"]),
    Proposes("borovinka", "start_urls", equals=["/posts/"]),
    Proposes("dinya", "sitemaps", equals=["/sitemap.xml"]),
    Proposes("tikva", "feeds", equals=["/feeds/posts/default"]),
]


@pytest.mark.parametrize("expected", PROPOSALS, ids=lambda e: f"{e.site}-{e.key}")
def test_add_site_proposes_a_round30_sites_sources(
    run_cli: Callable[..., Result], expected: Proposes
) -> None:
    expected.check(proposed(run_cli, expected.site, ROUND30_SITES[expected.site][1]))


DETAILS = (
    "Категория: <a href='/news/1-0-2'>Общински новини</a> | Прегледи: 31 | Добави: admin | "
    "Дата: 29.11.2026 | <a href='#comments'>Коментари (0)</a>"
)
GUESTS = (
    "<div class='commReg'>Само регистрирани потребители могат да добавят коментари.<br>"
    "[ <a href='/index/3'>Регистрация</a> | <a href='/index/1'>Вход</a> ]</div>"
)
BODY = [
    "Общината постави люлки, пързалка и пясъчник между блоковете.",
    "Площадката е оградена и има пейки за родителите.",
]


def _entry(details: str, after: str) -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        "<html><head><title>Нов детски кът - Новини</title></head><body><div id='content'>"
        "<table class='eBlock'><tr><td class='eTitle'>Нов детски кът</td></tr>"
        f"<tr><td class='eMessage'>{paragraphs}</td></tr>"
        f"<tr><td class='eDetails'>{details}</td></tr></table>{after}</div></body></html>"
    )


@pytest.mark.parametrize("after", [GUESTS, ""], ids=["comments-closed", "no-comments"])
@pytest.mark.parametrize(
    "details", [DETAILS, DETAILS.replace(" | <a href='#comments'>Коментари (0)</a>", "")]
)
def test_a_cell_of_an_entrys_fields_and_the_comment_notice_are_no_text(
    details: str, after: str
) -> None:
    """uCoz's entry: the row of fields under the text, in a cell of its own and long enough
    to pass for prose, and the notice the comment form leaves a guest: neither is the
    article's text, nor draws it out past the text."""
    article = extract(_entry(details, after), "http://www.x.org/news/2026-11-29-64")
    assert article.text.splitlines()[-2:] == BODY


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("Категория: Новини | Прегледи: 31 | Добави: admin | Дата: 29.11.2026 | Коментари (0)",
         True),
        ("Начало · Новини · Контакти", True),
        # a field's value closing on an abbreviation's dot is no sentence
        ("Предаване: Добро утро · 04.12.2026 · Водещ: Ралица Минкова · Продължителност: 18:40"
         " мин.", True),
        ("Емисия новини · 07.12.2026 г., 08:30 ч. · Оператор: Тодор Киров", True),
        ("Той дойде. | Тя остана тук. | Всички бяха там.", False),
        # two pieces: a headline's parts; a piece a sentence or long: prose
        ("Русе | Кметът откри обновения парк", False),
        ("Кметът откри парка. | Гражданите се радваха. | Всички бяха там.", False),
        ("Кметът откри днес обновения парк в центъра на града | Прегледи: 31 | Дата: 1.12",
         False),
        ("Кметът откри обновения парк в центъра на града, каза той.", False),
    ],
)  # fmt: skip
def test_a_row_of_labels_is_three_short_pieces_set_apart_by_bars(line: str, row: bool) -> None:
    assert clean.is_label_row(line) is row


@pytest.mark.parametrize(
    "line",
    [
        "Само регистрирани потребители могат да добавят коментари.",
        "Посетителите от групата Гости не могат да оставят коментари към тази публикация.",
    ],
)
def test_a_comment_forms_notice_to_a_guest_is_boilerplate(line: str) -> None:
    assert clean.is_boilerplate_line(line)
    assert line[0] in clean.COMMENTS_CLOSED_OPENERS  # (the body's cut asks only those)
    assert not clean.is_boilerplate_line("Само регистрирани фермери могат да кандидатстват.")
