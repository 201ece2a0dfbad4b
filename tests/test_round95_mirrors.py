"""A ninety-fifth round of site shapes, four small bodies whose news live on a WEBSITE
BUILDER, its markup as the builder prints it, crawled from the origin alone (a profile of
id, name and origin) through a real ``MirrorServer``, as ``test_round88_mirrors`` does its
four.

The mirrors (``tests/fixtures/make_mirrors_round95.py``): a chitalishte on Wix's free
plan at a sub-path of ``wixsite.com``, hashed class names, a "Зареди още" with no address
and the older posts only in the sitemap index (izvorovo); a village's кметство on
Webnode, ``/l/<slug>/`` articles dated "27. 11. 2026" (brezhani); a school on Jimdo
Creator, the day in three spans (dryanovets); an NGO on Weebly, the day in Weebly's
American "11/8/2026" and older posts at ``/blog/previous/2`` (zelenastruma). Each must
archive exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.class_names import class_words
from newsarchive.dates import slashes_month_first
from newsarchive.discover.listings import article_links
from newsarchive.discover.shape import Shape
from newsarchive.extraction import extract
from newsarchive.models import Profile

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND95_SITES = {
    "izvorovo": ("НЧ „Извор 1921“", "https://izvorovo.wixsite.com/chitalishte"),
    "brezhani": ("Кметство Брежани", "https://brezhani.webnode.bg"),
    "dryanovets": ("ОУ „Христо Ботев“", "https://www.ou-dryanovets.bg"),
    "zelenastruma": ("Сдружение „Зелена Струма“", "https://www.zelenastruma.org"),
}


@pytest.mark.parametrize("site", sorted(ROUND95_SITES))
def test_a_round95_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND95_SITES[site])


FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
BLOG = "https://www.zelenastruma.org/blog"
PROFILE = Profile(id="zs", name="Сдружение", origin="https://www.zelenastruma.org")
TITLES = [
    "Доброволци засадиха хиляда дръвчета край реката",
    "Почистихме бреговете след високата вода",
    "Децата от селото рисуваха птиците на Струма",
    "Събрахме двеста чувала отпадъци за един ден",
]


def _weebly_list(days: list[str], first: int = 0) -> str:
    """A Weebly blog page: its posts in ``div.wsite-not-footer``, each day in
    ``blog-date`` as Weebly's American default prints it."""
    posts = "".join(
        f'<div class="blog-post"><div class="blog-header"><h2 class="blog-title">'
        f'<a class="blog-title-link blog-link" href="/blog/post-{first + k}">{TITLES[k]}</a>'
        f'</h2><p class="blog-date"><span class="date-text">{day}</span></p></div>'
        f'<div class="blog-content"><div class="paragraph">Доброволците от сдружението '
        f"излязоха отново на брега и работиха до вечерта.</div></div>"
        f'<div class="blog-comments-bottom"><a class="blog-link" href="/blog/post-{first + k}'
        '#comments">0 Коментари</a></div></div>'
        for k, day in enumerate(days)
    )
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Новини</title>'
        '</head><body><div class="nav"><ul class="wsite-menu-default"><li><a href="/">Начало'
        '</a></li><li><a href="/blog">Новини</a></li></ul></div><div id="wsite-content" '
        f'class="wsite-elements wsite-not-footer"><div class="blog-posts">{posts}</div></div>'
        "</body></html>"
    )


def test_a_lists_ambiguous_slash_dates_are_read_as_its_unambiguous_ones() -> None:
    """zelenastruma: "11/8/2026" beside "11/29/2026" on one page is 8 November, not 11
    August (before: the card's day was 11 August, and so was the article's)."""
    page = _weebly_list(["11/29/2026", "11/20/2026", "11/11/2026", "11/8/2026"])
    got = article_links(page, BLOG, PROFILE, today=FETCHED)
    assert [c.listed_date for c in got] == [dt.date(2026, 11, d) for d in (29, 20, 11, 8)]


def test_a_day_first_list_stays_day_first() -> None:
    page = _weebly_list(["29/11/2026", "20/11/2026", "11/08/2026", "5/11/2026"])
    got = article_links(page, BLOG, PROFILE, today=FETCHED)
    assert [c.listed_date for c in got] == [
        dt.date(2026, 11, 29), dt.date(2026, 11, 20), dt.date(2026, 8, 11), dt.date(2026, 11, 5)
    ]  # fmt: skip


def test_a_walks_last_page_reads_its_lone_card_as_its_earlier_pages_wrote() -> None:
    """zelenastruma's last page holds one post, "11/5/2026": 5 November, as the walk's
    first page proved its dates month first (before: 11 May; and the card, in
    ``div.wsite-not-footer``, was taken for a footer's link and not archived at all)."""
    learned: list[Shape] = []
    orders: list[bool] = []
    first = _weebly_list(["11/29/2026", "11/26/2026", "11/23/2026", "11/20/2026"])
    article_links(first, BLOG, PROFILE, learned, FETCHED, orders=orders)
    last = _weebly_list(["11/5/2026"], first=8)
    got = article_links(last, f"{BLOG}/previous/3", PROFILE, learned, FETCHED, orders=orders)
    assert [(c.url, c.listed_date) for c in got] == [(f"{BLOG}/post-8", dt.date(2026, 11, 5))]


@pytest.mark.parametrize(
    ("texts", "month_first"),
    [
        (["11/29/2026", "11/8/2026"], True),
        (["11/8/2026"], False),  # nothing proved: the language's order
        (["11/29/2026", "29/11/2026"], False),  # both proved: neither
        (["29/11/2026", "11/8/2026"], False),
        (["27.11.2026"], False),
    ],
)
def test_a_pages_slash_dates_say_their_order(texts: list[str], month_first: bool) -> None:
    assert slashes_month_first(texts) is month_first


@pytest.mark.parametrize(
    ("marker", "named"),
    [
        ("wsite-elements wsite-not-footer", False),
        ("content no-sidebar", False),
        ("without_sidebar", False),
        ("site-footer", True),
        ("piano-footer", True),  # "no" only as a whole word
        ("no-footer x-footer", True),
    ],
)
def test_a_negated_class_word_names_nothing(marker: str, named: bool) -> None:
    assert bool(class_words(("footer", "sidebar")).search(marker)) is named


WIX_POST = "https://izvorovo.wixsite.com/chitalishte/post/folklorna-sreshta"
WIX_TEXT = [
    "Певчески групи от дванадесет села пяха на площада в неделя.",
    "Първа награда спечели групата на село Върбица.",
]


@pytest.mark.parametrize(
    "notice",
    [
        "Този уебсайт използва бисквитки. Като продължавате да го разглеждате, вие се "
        "съгласявате с употребата им.",
        "Този сайт използва бисквитки, за да работи правилно и да помни изборите ви.",
    ],
)
def test_a_cookie_notice_in_hashed_classes_is_not_a_short_posts_text(notice: str) -> None:
    """izvorovo: a Wix post of two short paragraphs, the cookie notice in hashed classes
    after it: the notice was chosen as the text, then dropped, and the post archived
    empty ("уебсайт" the line rule did not know either)."""
    paragraphs = "".join(
        f'<p class="_1ZbNB mm8Nw" dir="auto"><span>{p}</span></p>' for p in WIX_TEXT
    )
    page = (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Фолклорна среща '
        '| НЧ Извор</title></head><body><header class="_1fbEI"><a href="/chitalishte">НЧ Извор'
        '</a></header><main><article class="_3Hty9" data-hook="post"><h1 class="_2Hij5" '
        'data-hook="post-title">Фолклорна среща в Изворово</h1><span data-hook="time-ago">'
        '29 ное</span><div class="_3Pl5s" data-hook="post-description">'
        f'{paragraphs}</div><div data-hook="share-buttons"><button aria-label="Споделяне във '
        'Facebook"></button></div></article></main><div data-testid="consent-banner-root" '
        f'class="_1oYm1"><p class="_3L-CK">{notice}</p><button class="_2Hij5">Приемам'
        "</button></div></body></html>"
    )
    assert extract(page, WIX_POST, today=FETCHED).text == "\n".join(WIX_TEXT)


BARE_WIX_POST = (
    Path(__file__).parent / "fixtures/sites/izvorovo/chitalishte/post/nova-sportna-zala.html"
)


def test_a_wix_post_without_json_ld_has_its_writer_and_day_from_its_data_hooks() -> None:
    """izvorovo's oldest post: no JSON-LD, no meta dates, every class hashed; the writer
    only in ``data-hook="user-name"``, the day only in ``data-hook="time-ago"`` ("2 ное",
    the year in its tooltip "02.11.2026 г."). Neither was read: the byline and date rules
    read class words, and a build that hashes its classes names its parts in data-*."""
    page = BARE_WIX_POST.read_text(encoding="utf-8")
    article = extract(
        page, "https://izvorovo.wixsite.com/chitalishte/post/nova-sportna-zala", today=FETCHED
    )
    assert article.author == "Стефан Илиев"
    assert article.published == dt.date(2026, 11, 2)
