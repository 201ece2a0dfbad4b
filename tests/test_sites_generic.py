# ruff: noqa: E501  (HTML snippets read better on one line)
"""Generic extraction under the profiles: titles, dates and bodies when selectors are wrong."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsarchive.extraction.pipeline import extract
from newsarchive.extraction.titles import strip_site_affixes
from newsarchive.models import Profile
from newsarchive.profiles import get_profile

PROSE = (
    "Общинският съвет прие решение за ремонт на три училища, като средствата ще бъдат "
    "осигурени от собствените приходи на общината и от национална програма."
)


def page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


# --- titles ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "affixes", "names", "expected"),
    [
        ("БТА :: Заглавие", ("БТА :: ",), (), "Заглавие"),
        ("Заглавие | Община Русе", (), ("Община Русе",), "Заглавие"),
        ("Заглавие - Ruse24.bg", (), ("Ruse24.bg",), "Заглавие"),
        ("НСОРБ - Заглавие", (), ("НСОРБ",), "Заглавие"),
        ("Заглавие  с   интервали", (), (), "Заглавие с интервали"),
        ("Русе - град на Дунава", (), ("Община Русе",), "Русе - град на Дунава"),
    ],
)
def test_strip_site_affixes(
    title: str, affixes: tuple[str, ...], names: tuple[str, ...], expected: str
) -> None:
    assert strip_site_affixes(title, affixes, names) == expected


def test_title_prefix_from_title_tag_only() -> None:
    html = page("<title>БТА :: Нов мост над Янтра</title>", f"<p>{PROSE}</p>")
    article = extract(html, profile=dataclasses.replace(get_profile("bta"), title_selectors=()))
    assert article.title == "Нов мост над Янтра"
    assert article.rules["title"] == "generic:title"


def test_og_title_suffix_is_the_profile_name() -> None:
    html = page(
        '<meta property="og:title" content="Нов парк в Русе | Община Русе">',
        f"<div><p>{PROSE}</p></div>",
    )
    article = extract(html, profile=get_profile("ruse-bg"))
    assert article.title == "Нов парк в Русе"
    assert article.rules["title"] == "generic:og:title"
    assert "title" in article.rules["drift"].split(",")


def test_unknown_site_suffix_removed_when_the_h1_says_so() -> None:
    html = page(
        "<title>Нов парк в Русе | Някакъв Портал</title>", f"<h1>Нов парк в Русе</h1><p>{PROSE}</p>"
    )
    article = extract(html)
    assert article.title == "Нов парк в Русе"


def test_title_never_from_a_sidebar_h1() -> None:
    html = page(
        "",
        '<aside class="sidebar"><h1>Най-четени</h1></aside>'
        f"<article><h1>Истинското заглавие</h1><p>{PROSE}</p></article>",
    )
    assert extract(html).title == "Истинското заглавие"


# --- dates ---------------------------------------------------------------------------------


def test_date_order_jsonld_then_meta_then_time_then_text() -> None:
    jsonld = '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2025-12-01"}</script>'
    meta = '<meta property="article:published_time" content="2025-12-02T10:00:00+0200">'
    time = '<time datetime="2025-12-03">3 декември</time>'
    text = "<p>04.12.2025</p>"
    body = f"<h1>Заглавие</h1>{time}{text}<p>{PROSE}</p>"
    assert extract(page(jsonld + meta, body)).published == dt.date(2025, 12, 1)
    eet = dt.timezone(dt.timedelta(hours=2))
    assert extract(page(meta, body)).published == dt.datetime(2025, 12, 2, 10, 0, tzinfo=eet)
    assert extract(page("", body)).published == dt.date(2025, 12, 3)
    assert extract(page("", f"<h1>Заглавие</h1>{text}<p>{PROSE}</p>")).published == dt.date(
        2025, 12, 4
    )


def test_date_never_from_related_lists_sidebars_or_footers() -> None:
    body = (
        '<aside class="sidebar"><time datetime="2020-01-01">1 януари 2020</time></aside>'
        '<div class="related-news"><p>12:00 / 02.02.2021</p></div>'
        f"<h1>Заглавие</h1><p>{PROSE}</p>"
        '<div class="related-news"><span>03.03.2022</span><time datetime="2022-03-03"></time></div>'
        "<footer><p>Обновено на 04.04.2023</p></footer>"
    )
    article = extract(page("", body))
    assert article.published is None
    assert article.rules["published"] == "none"


def test_profile_date_selector_skips_a_match_in_a_related_list() -> None:
    profile = Profile(
        id="x", name="x", origin="https://x.bg", date_selectors=(".date",), body_selectors=("main",)
    )
    body = (
        '<div class="related"><span class="date">01.01.2020</span></div>'
        f'<main><h1>Заглавие</h1><span class="date">15.12.2025</span><p>{PROSE}</p></main>'
    )
    article = extract(page("", body), profile=profile)
    assert article.published == dt.date(2025, 12, 15)
    assert article.rules["published"] == "profile:.date"


def test_kicker_date_above_the_title() -> None:
    body = f"<div><span>понеделник, 15 декември 2025</span><h1>Заглавие</h1><p>{PROSE}</p></div>"
    assert extract(page("", body)).published == dt.date(2025, 12, 15)


def test_relative_date_needs_the_fetch_day() -> None:
    body = f"<h1>Заглавие</h1><p>вчера, 18:45</p><p>{PROSE}</p>"
    article = extract(page("", body), today=dt.date(2025, 12, 16))
    assert article.published == dt.datetime(2025, 12, 15, 18, 45)


# --- bodies ----------------------------------------------------------------------------------


def test_selector_matching_a_teaser_list_is_implausible() -> None:
    profile = Profile(id="x", name="x", origin="https://x.bg", body_selectors=(".content",))
    teasers = "".join(
        f'<p><a href="/n/{i}">Много дълго заглавие на друга новина номер {i} от сайта</a></p>'
        for i in range(5)
    )
    body = (
        f'<div class="content">{teasers}</div><div class="story"><p>{PROSE}</p><p>{PROSE}</p></div>'
    )
    article = extract(page("", f"<h1>Заглавие</h1>{body}"), profile=profile)
    assert article.rules["text"] == "generic:drift"
    assert PROSE in article.text and "друга новина" not in article.text


def test_profile_without_body_selectors_is_generic_not_drift() -> None:
    article = extract(page("", f"<h1>Заглавие</h1><div><p>{PROSE}</p></div>"))
    assert article.rules["text"] == "generic"
    assert "drift" not in article.rules


def test_date_line_and_repeated_title_are_not_body() -> None:
    profile = Profile(id="x", name="x", origin="https://x.bg", body_selectors=(".story",))
    body = f'<div class="story"><h2>Заглавие</h2><p>15.12.2025</p><p>{PROSE}</p></div>'
    article = extract(page("", f"<h1>Заглавие</h1>{body}"), profile=profile)
    assert article.text == PROSE


def test_profile_drop_patterns_apply_to_generic_text_too() -> None:
    profile = Profile(
        id="x", name="x", origin="https://x.bg", body_selectors=(".gone",),
        drop_patterns=("^Още от Русе$",),
    )  # fmt: skip
    body = f"<h1>Заглавие</h1><div><p>{PROSE}</p><p>Още от Русе</p></div>"
    assert extract(page("", body), profile=profile).text == PROSE


@pytest.mark.parametrize(
    "html", ["", "<html>", b"\xff\xfe\x00", "<h1>" * 3000, "<p>" + "а" * 100_000]
)
def test_extract_never_raises(html: str | bytes) -> None:
    extract(html, "https://x.bg/a", profile=get_profile("ruse24"))


@pytest.mark.parametrize(
    "related",
    [
        '<div class="see-also"><ul><li><a href="/a">Друга новина</a> <span>14:02 / 21.11.2025</span></li></ul></div>',
        '<div class="box-x"><h3>Виж още:</h3><a href="/a">Друга новина</a> <span>14:02 / 21.11.2025</span></div>',
        '<div><strong>Последни Новини</strong><a href="/a">Друга</a> 21.11.2025</div>',
        '<div class="prev-next"><span>Предишна</span> <span>понеделник, 1 декември 2025</span></div>',
    ],
)
def test_an_undated_article_does_not_borrow_a_related_lists_date(related: str) -> None:
    body = f"<div><h1>Заглавие</h1><p>Кратък текст.</p>{related}</div>"
    assert extract(page("", body)).published is None


def test_a_sentence_starting_like_a_related_heading_is_still_content() -> None:
    body = (
        "<div><h1>Заглавие</h1><div><p>Последни новини от заседанието на съвета бяха обявени днес.</p>"
        "<p>15.12.2025</p></div></div>"
    )
    assert extract(page("", body)).published == dt.date(2025, 12, 15)


def test_tag_links_of_the_post_are_its_tags_when_metadata_names_none() -> None:
    body = (
        f"<article><h1>Ремонт на училищата</h1><p>{PROSE}</p><p>{PROSE}</p>"
        '<p>Етикети: <a href="/tag/ruse" rel="tag">Русе</a>, '
        '<a href="/tag/uchilishta" rel="tag">училища</a></p></article>'
        '<aside class="sidebar"><a href="/tag/sport" rel="tag">спорт</a></aside>'
    )
    assert extract(page(body=body)).tags == ("Русе", "училища")
    stated = '<meta property="article:tag" content="образование">'
    assert extract(page(head=stated, body=body)).tags == ("образование",)


def test_links_with_microdata_are_tags_only_when_rel_says_tag() -> None:
    # read_page finds these links through their microdata, not their rel: only the
    # rel="tag" one is a tag link, whatever else the links carry
    body = (
        f"<article><h1>Ремонт на училищата</h1><p>{PROSE}</p><p>{PROSE}</p>"
        '<p><a href="/tag/ruse" rel="tag" itemprop="keywords">Русе</a> '
        '<a href="/author/ivan" rel="author" itemprop="author">Иван Петров</a> '
        '<a href="/tag/sport" rel="nofollow" property="dc:subject" content="спорт">спорт</a>'
        "</p></article>"
    )
    assert extract(page(body=body)).tags == ("Русе",)
