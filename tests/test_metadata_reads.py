"""``read_page`` reads the page's language, ``<title>`` and structured data without
walking the page more than once: these pin what it reads where a shortcut could differ."""

from __future__ import annotations

from newsarchive.extraction.metadata import read_page
from newsarchive.markup import page_tree


def test_the_heads_title_wins_over_an_icons_title_in_the_body() -> None:
    html = (
        '<html lang="bg"><head><title>Ремонт на моста</title></head><body>'
        "<svg><title>Търсене</title></svg><h1>Ремонт на моста</h1></body></html>"
    )
    meta, h1s, _ = read_page(page_tree(html))
    assert meta.html_title == "Ремонт на моста"
    assert meta.lang == "bg"
    assert [h1.text() for h1 in h1s] == ["Ремонт на моста"]


def test_a_page_with_no_title_in_its_head_reads_the_first_in_the_body() -> None:
    # (a stray element starts the body early: the title after it lands there)
    html = "<html><head></head><body><p>Новини</p><title>Сесия на съвета</title></body></html>"
    meta, _, _ = read_page(page_tree(html))
    assert meta.html_title == "Сесия на съвета"
    assert meta.lang == ""


def test_an_element_several_selectors_find_is_read_once() -> None:
    # a <meta> with microdata and RDFa attributes matches three of the selectors
    html = (
        "<html><head>"
        '<meta itemprop="datePublished" property="article:published_time" '
        'content="2026-03-12T10:00:00+02:00">'
        '<meta property="article:tag" content="пътища">'
        '<meta property="article:tag" content="ремонт">'
        '</head><body><a rel="tag" href="/t/1">пътища</a><a rel="tag" href="/t/2">мост</a>'
        "</body></html>"
    )
    meta, _, tag_links = read_page(page_tree(html))
    assert meta.meta_tags == ["пътища", "ремонт"]
    assert [(key, value) for key, value in meta.meta_published] == [
        ("article:published_time", "2026-03-12T10:00:00+02:00")
    ]
    assert [link.text() for link in tag_links] == ["пътища", "мост"]
