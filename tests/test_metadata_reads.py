"""``read_page`` reads the page's language, ``<title>`` and structured data without
walking the page more than once: these pin what it reads where a shortcut could differ."""

from __future__ import annotations

from newsarchive.extraction import published
from newsarchive.extraction.metadata import Metadata, read_page
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


def test_the_pages_time_elements_are_listed_for_the_date_rules() -> None:
    # the date rules read the <time> elements listed here, not a query of their own: every
    # one in page order, the first with a datetime being the one ``time_datetime`` names
    html = (
        "<html><body><time>вчера</time><p>Текст</p>"
        '<time datetime="2026-03-12">12 март</time><time datetime="2026-03-13">13 март</time>'
        "</body></html>"
    )
    tree = page_tree(html)
    meta, _, _ = read_page(tree)
    assert meta.times is not None
    assert [node.text() for node in meta.times] == ["вчера", "12 март", "13 март"]
    assert meta.time_datetime == "2026-03-12"
    assert published.page_times(tree, meta) is meta.times
    assert [node.text() for node in published.page_times(tree, Metadata())] == [
        "вчера",
        "12 март",
        "13 март",
    ]
