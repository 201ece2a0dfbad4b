"""Writers named where the earlier author rules did not look: a field in a sidebar of the
article's facts, a writer's box a page builder calls a widget, a name beside the date with
no label, an author meta broken over lines. Every page is written for the test, in
Bulgarian and English."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import date_then_name, name_beside_date

PROSE_BG = "<p>" + "Общинският съвет прие бюджета след дълго обсъждане в залата. " * 5 + "</p>"
PROSE_EN = "<p>" + "The council passed the budget after a long debate in the chamber. " * 5 + "</p>"


def _page(headline: str, after_headline: str, prose: str, tail: str = "") -> str:
    return (
        f"<html><body><article><h1>{headline}</h1>{after_headline}"
        f'<div class="entry-content">{prose * 6}</div>{tail}</article></body></html>'
    )


@pytest.mark.parametrize(
    ("facts", "expected"),
    [
        (
            '<aside class="article-facts"><h3>Author</h3><p>Jane Roe</p>'
            "<h3>Published</h3><p>March 3, 2026</p></aside>",
            "Jane Roe",
        ),
        ('<div class="tags"><strong>Contributors:</strong> Jane Roe</div>', "Jane Roe"),
        (
            '<div class="sidebar"><h4>Автор</h4><p>Невена Колева</p>'
            "<h4>Публикувано</h4><p>3 март 2026</p></div>",
            "Невена Колева",
        ),
    ],
)
def test_a_writers_field_in_a_box_of_the_articles_facts_names_the_author(
    facts: str, expected: str
) -> None:
    """The page sets its article's facts (writer, date) in a sidebar or an ``<aside>``
    beside the text, which the furniture list knows as a sidebar; no field stands
    elsewhere, so that one is the writer's."""
    article = extract(_page("Общината ремонтира моста", "", PROSE_BG, facts))
    assert article.author == expected
    assert article.rules["author"] == "generic:labelled-field"


@pytest.mark.parametrize(
    "facts",
    [
        # another article's card in a list of the latest posts
        '<aside class="latest-news"><article><h3>Author</h3><p>John Roe</p></article></aside>',
        '<div class="related-posts"><h3>Author</h3><p>John Roe</p></div>',
        # a menu's entry
        '<nav class="menu"><strong>Author:</strong> John Roe</nav>',
        # the photographer, not the writer ("Снимки:" is kept apart from "Текст:")
        '<aside class="article-facts"><strong>Снимки:</strong> Петър Иванов</aside>',
    ],
)
def test_a_field_in_a_list_a_menu_or_naming_the_photographer_names_nobody(facts: str) -> None:
    assert extract(_page("Общината ремонтира моста", "", PROSE_BG, facts)).author is None


def test_a_field_outside_furniture_wins_over_one_in_a_sidebar() -> None:
    facts = '<aside class="article-facts"><h3>Author</h3><p>John Roe</p></aside>'
    own = '<p class="signed"><strong>Текст:</strong> Невена Колева</p>'
    assert extract(_page("Общината ремонтира моста", "", PROSE_BG, own + facts)).author == (
        "Невена Колева"
    )


@pytest.mark.parametrize(
    ("box", "expected"),
    [
        (
            '<div class="builder-element builder-widget builder-widget-author-box">'
            '<div class="author-box"><h4 class="author-box__name">Jane Roe</h4>'
            '<div class="author-box__bio"><p>Jane covers the city council.</p></div></div></div>',
            "Jane Roe",
        ),
        (
            '<div class="widget about-the-author"><h4>Мария Петрова</h4>'
            "<p>Пише за общината и за бюджета.</p></div>",
            "Мария Петрова",
        ),
    ],
)
def test_a_writers_box_a_page_builder_calls_a_widget_names_the_author(
    box: str, expected: str
) -> None:
    """A page builder sets the writer's box under the text as one of its widgets
    ("elementor-widget-author-box"): "widget" names furniture, the rest of the class says
    what it is."""
    assert extract(_page("The bridge reopens", "", PROSE_EN, box)).author == expected


@pytest.mark.parametrize(
    "box",
    [
        '<aside class="latest-news"><div class="author-box"><h4>John Roe</h4>'
        "<p>John covers sport.</p></div></aside>",
        '<div class="related-posts author-box"><h4>John Roe</h4><p>John covers sport.</p></div>',
    ],
)
def test_a_writers_box_in_a_list_of_other_posts_names_nobody(box: str) -> None:
    assert extract(_page("The bridge reopens", "", PROSE_EN, box)).author is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('<div class="meta"><span>2026-03-17</span> · <a href="/">Jane Roe</a></div>', "Jane Roe"),
        ("<div><span>17.03.2026</span> | <span>Jane K. Roe</span></div>", "Jane K. Roe"),
        (  # the name over the date's line, in elements of their own
            '<p class="small">Jane Roe</p><p><span>17.03.2026</span> · <span>6 min read</span></p>',
            "Jane Roe",
        ),
        ('<p class="small">Мария Петрова</p><p>17.03.2026 · 4 мин. четене</p>', "Мария Петрова"),
    ],
)
def test_a_name_beside_the_date_under_the_headline_is_the_byline(line: str, expected: str) -> None:
    """No label, no "By": the headline's box prints the day and the writer, on one line
    after a byline mark or on two lines."""
    article = extract(_page("The bridge reopens", line, PROSE_EN))
    assert article.author == expected


@pytest.mark.parametrize(
    "line",
    [
        '<div class="meta"><span>2026-03-17</span> · <span>New York</span></div>',  # a place
        # a dateline's comma
        '<div class="meta"><span>2026-03-17</span>, <span>Jane Roe</span></div>',
        '<div class="meta"><span>2026-03-17</span> · <span>city council</span></div>',
        '<p class="small">Road Works</p><p>The works start on Monday.</p>',  # no date beside it
        # a print and e-mail bar under the date (the Ruse municipality's "Print Email")
        '<div>понеделник, 15 декември 2025</div><div><a href="?print=1">Print</a>'
        ' <a href="mailto:?subject=news">Email</a></div>',
        '<div>17.03.2026 · <a href="?print=1">Print</a> <a href="#">Share</a></div>',
    ],
)
def test_other_lines_beside_the_date_name_nobody(line: str) -> None:
    assert extract(_page("The bridge reopens", line, PROSE_EN)).author is None


def test_the_byline_line_readers() -> None:
    assert date_then_name("17.12.2025 · Jane Doe") == "Jane Doe"
    assert date_then_name("17.12.2025 — Jane Doe") == ""  # the dash: ``dated_name``'s
    assert date_then_name("17.12.2025 · Grand Hotel Spring Offers") == ""  # four words
    assert name_beside_date(["Jane Doe", "17.12.2025 · 6 min read"]) == "Jane Doe"
    assert name_beside_date(["17.12.2025", "Мария Петрова"]) == "Мария Петрова"
    assert name_beside_date(["Jane Doe", "The works start on Monday."]) == ""


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("Jane Roe\n\t\t\n\t and John Doe", "Jane Roe and John Doe"),
        ("Мария Петрова\n\t\t и Иван Колев", "Мария Петрова и Иван Колев"),
    ],
)
def test_an_author_meta_broken_over_lines_names_every_writer(content: str, expected: str) -> None:
    """A template indents the author meta's value over lines: its line breaks are no
    lines a reader sees, and the second writer after "and" is named too."""
    html = (
        f'<html><head><meta name="author" content="{content}"></head><body><article>'
        f"<h1>The bridge reopens</h1>{PROSE_EN}</article></body></html>"
    )
    assert extract(html).author == expected


def _tagged_page(author: str, byline: str = "") -> str:
    script = (
        '<script>var dataLayer_content = {"pagePostType":"post",'
        f'"pagePostAuthor":"{author}"}};dataLayer.push(dataLayer_content);</script>'
    )
    return (
        f"<html><head>{script}</head><body><article><h1>Общината ремонтира моста</h1>"
        f"{byline}{PROSE_BG}</article></body></html>"
    )


@pytest.mark.parametrize("author", ["Невена Колева", "Jane Roe"])
def test_the_tag_managers_data_layer_names_the_author_when_nothing_else_does(author: str) -> None:
    """A WordPress plugin hands the post's author to the tag manager in the page's data
    layer ("pagePostAuthor"); the page prints no byline."""
    article = extract(_tagged_page(author))
    assert article.author == author
    assert article.rules["author"] == "generic:data-layer"


def test_a_printed_byline_wins_over_the_data_layer_and_its_login() -> None:
    """Read last: a byline the page prints names the writer; a CMS login the data layer
    states is kept only when nobody else is named, as the author meta's is."""
    printed = '<p class="byline">Автор: Мария Петрова</p>'
    assert extract(_tagged_page("Невена Колева", printed)).author == "Мария Петрова"
    assert extract(_tagged_page("nevena.koleva", printed)).author == "Мария Петрова"


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        (
            '<aside class="report-facts"><h6>Author(s)</h6><ul><li><a href="/library/?a=1">'
            "Jane A. Roe</a></li><li>John Doe</li></ul><h6>Published</h6><p>May 2024</p></aside>",
            "Jane A. Roe, John Doe",
        ),
        (
            '<div class="facts"><h4>Автор(и)</h4><ol><li>Мария Петрова</li>'
            "<li>Иван Колев</li></ol></div>",
            "Мария Петрова, Иван Колев",
        ),
    ],
)
def test_a_writers_field_listing_its_writers_names_them_all(field: str, expected: str) -> None:
    """A report's facts list its writers under "Author(s)", one item each."""
    assert extract(_page("Общината ремонтира моста", "", PROSE_BG, field)).author == expected


def test_a_list_under_an_authors_label_that_is_no_list_of_names_names_nobody() -> None:
    field = (
        '<div class="facts"><h4>Author(s)</h4><ul><li>Read the full report</li>'
        "<li>download the data as a table</li></ul></div>"
    )
    assert extract(_page("The bridge reopens", "", PROSE_EN, field)).author is None


def _stated_page(stated: str, byline: str) -> str:
    jsonld = (
        '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "The bridge'
        f' reopens", "author": {{"@type": "Person", "name": "{stated}"}}}}</script>'
    )
    return (
        f"<html><head>{jsonld}</head><body><article><h1>The bridge reopens</h1>"
        f'<div class="post-head">{byline}</div>{PROSE_EN}</article></body></html>'
    )


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        (
            '<a href="/author/jane-roe/">Jane Roe</a><span>, </span>'
            '<a href="/author/john-doe/">John Doe</a> &amp; '
            '<a href="/author/ann-lee/">Ann Lee</a>',
            "Jane Roe, John Doe & Ann Lee",
        ),
        (
            '<a href="/avtor/jane-roe/">Jane Roe</a> и <a href="/avtor/ivan-kolev/">Иван Колев</a>',
            "Jane Roe и Иван Колев",
        ),
    ],
)
def test_the_co_authors_linked_beside_the_stated_writer_are_named_too(
    byline: str, expected: str
) -> None:
    """An SEO plugin states the post's first author alone; the page prints every writer,
    each with a link to their page."""
    assert extract(_stated_page("Jane Roe", byline)).author == expected


@pytest.mark.parametrize(
    "byline",
    [
        # the reviewer's link beside the writer's, in elements of their own
        '<a href="/authors/jane-roe">Jane Roe</a><div>Community Expert</div>'
        '<div>Reviewed by</div><a href="/authors/john-doe">John Doe</a>',
        # a second link to the same writer's page
        '<a href="/author/jane-roe/">Jane Roe</a> <a href="/author/jane-roe/">Full Bio</a>',
    ],
)
def test_a_reviewer_or_a_second_link_to_the_writer_is_no_co_author(byline: str) -> None:
    assert extract(_stated_page("Jane Roe", byline)).author == "Jane Roe"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Невена Колева | 3 март 2026 | 1523 прочитания", "Невена Колева"),
        ("3.03.2026 | Невена Колева | Прочетена 87 пъти", "Невена Колева"),
        ("Невена Колева · 3 март 2026 · 4 мин. четене", "Невена Колева"),
        ("Невена Колева | 03.03.2026 | 2 коментара", "Невена Колева"),
        ("Jane Roe | March 3, 2026 | 5 min read", "Jane Roe"),
        ("Jane Roe · March 3, 2026 · Views: 1,204", "Jane Roe"),
        # a place's line stays a place's, counted or not
        ("Стара Загора | 03.03.2026 | 1523 прочитания", None),
        # where the post is filed closes the line as a count does
        ("Публикувано на 3 март 2026 от Невена Колева | Категория: Новини", "Невена Колева"),
        ("Публикувано на 3 март 2026 от Невена Колева | Коментари (0)", "Невена Колева"),
        ("Posted on 3 March 2026 by Jane Roe | Category: News", "Jane Roe"),
        ("Невена Колева | 03.03.2026 | Рубрика: Общество", "Невена Колева"),
        ("Стара Загора | 03.03.2026 | Категория: Новини", None),
    ],
)
def test_a_name_beside_its_date_is_read_past_the_counts_closing_the_line(
    byline: str, expected: str | None
) -> None:
    """A regional site's byline prints how often the story was read (or its comments, or
    its reading time, or where the post is filed) after the date, set apart by the same
    marks: the name is read as on the line without them (``bylines.without_counts``)."""
    article = extract(
        _page("Общината ремонтира моста", f'<div class="meta">{byline}</div>', PROSE_BG)
    )
    assert article.author == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Невена Колева | 03.03.2026 | Общество", "Невена Колева"),
        ("Общество | 03.03.2026 | Невена Колева", "Невена Колева"),
        ("03.03.2026 · Невена Колева · Велико Търново", "Невена Колева"),
        ("Невена Колева / 3 март 2026, 10:15 / Общество", "Невена Колева"),
        ("Невена Колева / 03.03.2026", "Невена Колева"),
        ("Jane Roe / March 3, 2026", "Jane Roe"),
        # no person among the parts: a place's, a section's, or a role's with the name
        ("Стара Загора | 03.03.2026 | Общество", None),
        ("Кметът Иван Колев | 03.03.2026 | Общество", None),
        # a Latin pair of words beside the date and a section may be a section's
        ("World News | March 3, 2026 | Politics", None),
        # two people: whose byline it is, the line does not say
        ("Невена Колева | 03.03.2026 | Иван Петров", None),
    ],
)
def test_a_name_among_a_bylines_parts_beside_its_date_and_section(
    byline: str, expected: str | None
) -> None:
    """A byline line of parts, its section or town beside the name and the date, or set
    apart by slashes (``bylines.parted_name``): the section's name made the date no bare
    date, and the line named nobody."""
    article = extract(
        _page("Общината ремонтира моста", f'<div class="meta">{byline}</div>', PROSE_BG)
    )
    assert article.author == expected
