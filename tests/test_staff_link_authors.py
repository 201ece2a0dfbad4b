"""Writers a page names where only the class names said so before: a link to the site's
staff or team page by the headline, an author link whose text is the writer's name with
the site's after a slash or in lower case, a name beside a byline mark and the date, and
a name before "Last updated on" and the date, a blogging platform's link to the writer's
folder printed over the headline. The pages' classes say nothing here (a
build that hashes them), so the byline's structure and words are all there is. Every
page is written for the test."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import name_mark_date, name_then_date

URL = "https://vestnik.example/novini/remont-na-mosta"
PROSE = "<p>" + "Общинският съвет прие бюджета за ремонта на моста след дълго обсъждане. " * 6
PROSE += "</p>"


def _page(byline: str, menu: str = "", tail: str = "", site: str = "Вестник Пример") -> str:
    return (
        f'<html><head><meta property="og:site_name" content="{site}"></head><body>'
        f'<nav class="c1a2b3">{menu}</nav><article><h1>Общината ремонтира моста</h1>'
        f'<div class="c9f8e7">{byline}</div><div class="c4d5e6">{PROSE * 5}</div>{tail}'
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    "href",
    [
        "/staff/2648209001/mariya-petrova/",
        "https://vestnik.example/team/mariya-petrova",
    ],
)
def test_a_staff_page_link_by_the_headline_names_the_writer(href: str) -> None:
    """A newsroom links its writers' staff pages from the byline under the headline."""
    byline = f'<span>14 март 2026</span> / <a href="{href}">Мария Петрова</a>'
    article = extract(_page(byline), URL)
    assert article.author == "Мария Петрова"
    assert article.rules["author"] == "generic:staff-link"


@pytest.mark.parametrize(
    ("menu", "tail"),
    [
        # a company's menu: its team page, and each member's page in a drop-down
        ('<a href="/team/">Meet the team</a> <a href="/team/ivan-kolev">Иван Колев</a>', ""),
        # a team member named in a box far under the text, not by the headline
        ("", '<footer><p>Пишете на <a href="/team/ivan-kolev">Иван Колев</a></p></footer>'),
        # a staff link whose text is no person's name
        ('<a href="/staff/">Our Staff</a>', ""),
        # a writer's profile page: on a listing every teaser links one (measured, not read)
        ("", '<p><a href="/novini/profile/ivan-kolev/">Иван Колев</a></p>'),
    ],
)
def test_a_team_link_away_from_the_headline_or_no_name_names_nobody(menu: str, tail: str) -> None:
    article = extract(_page("<span>14 март 2026</span>", menu, tail), URL)
    assert article.author is None


def test_a_reviewers_team_link_alone_names_no_writer() -> None:
    """A guide names only who checked it ("Reviewed by <a href="/team/…">"): the team
    page is the reviewer's, and the page's writer goes unnamed."""
    byline = '<p>Reviewed by <a href="/team/olga-berg">Olga Berg</a>, tax adviser</p>'
    article = extract(_page(byline), URL)
    assert article.author is None


def test_the_writers_team_link_after_a_reviewers_labelled_one_is_the_byline() -> None:
    """Reviewer first, writer second, both linked to their team pages, each label in its
    own element: the writer's link is the byline."""
    byline = (
        '<div><span class="lbl">Medically reviewed by</span> '
        '<a href="/team/ivo-marsh/">Ivo Marsh</a></div>'
        '<div><span class="lbl">Written by</span> <a href="/team/lena-hart/">Lena Hart</a></div>'
    )
    article = extract(_page(byline), URL)
    assert (article.author, article.rules["author"]) == ("Lena Hart", "generic:staff-link")


def test_an_author_link_signed_with_the_sites_name_after_a_slash_names_the_writer_alone() -> None:
    """ "Лора / Стайни Растения" on the site of that name: the site is the publisher,
    not a second writer."""
    byline = '<p>Posted by:</p><p><a href="/author/ipcres/">Лора / Стайни Растения</a></p>'
    article = extract(_page(byline, site="Стайни Растения"), URL)
    assert article.author == "Лора"


def test_a_lower_case_author_link_spelled_as_its_address_is_the_writer() -> None:
    byline = '<a href="https://vestnik.example/author/crazylennys/">crazy lennys</a>'
    article = extract(_page(byline), URL)
    assert article.author == "crazy lennys"
    assert article.rules["author"] == "generic:author-link"


def test_a_lower_case_author_link_spelled_otherwise_names_nobody() -> None:
    byline = '<a href="https://vestnik.example/author/editor/">read more</a>'
    article = extract(_page(byline), URL)
    assert article.author is None


def test_a_latin_name_a_bar_and_the_date_under_the_headline_is_the_byline() -> None:
    article = extract(_page("<p>Jane Roe | October 15, 2025</p>"), URL)
    assert article.author == "Jane Roe"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jane Roe | October 15, 2025", "Jane Roe"),
        ("Jane Roe · 15.10.2025", "Jane Roe"),
        ("New York | October 15, 2025", ""),  # a dateline's place
        ("Press Release Archive News | October 15, 2025", ""),  # four words
        ("Jane Roe | read more", ""),  # no date
    ],
)
def test_name_mark_date_reads_a_name_before_the_mark(line: str, expected: str) -> None:
    assert name_mark_date(line) == expected


@pytest.mark.parametrize(
    "byline",
    [
        'March 3, 2026 | <a href="/blog/category/city-budget/">City Budget</a>',
        '<a href="/topics/road-works/">Road Works</a> | March 3, 2026',
        'March 3, 2026 · <a href="/section/town-hall/"><span>Town Hall</span></a>',
    ],
)
def test_a_filing_link_beside_the_date_names_no_writer(byline: str) -> None:
    """The date and a link to the post's category, topic or section, with no byline:
    the link's two capitalised words are a subject's name, not a person's. A link to
    another page of the site beside the date, a person's name, is still the byline."""
    article = extract(_page(f"<p>{byline}</p>"), URL)
    assert article.author is None
    writer = '<p>March 3, 2026 | <a href="/blog/mira-stone/">Mira Stone</a></p>'
    assert extract(_page(writer), URL).author == "Mira Stone"


def test_a_name_then_last_updated_and_the_date_is_the_byline() -> None:
    article = extract(_page("<p>Craig Roe Last updated on 17 December 2025</p>"), URL)
    assert article.author == "Craig Roe"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Craig Roe Last updated on 17 December 2025", "Craig Roe"),
        ("Jane Doe Published March 3, 2026", "Jane Doe"),
        ("New York Updated March 3, 2026", ""),  # a dateline
        ("Jane Doe updated on March 3, 2026", ""),  # a sentence's lower-case verb
    ],
)
def test_name_then_date_passes_over_the_dates_label(line: str, expected: str) -> None:
    assert name_then_date(line) == expected


_POST_PROSE = "<p>" + "A recursive timeout waits for each response before it asks again. " * 6
_POST_PROSE += "</p>"


def _post(header: str, aside: str = "") -> str:
    return (
        "<html><head><title>Stop polling with setInterval</title></head><body><main>"
        f'<article><header><div class="c8d7e6">{header}</div>'
        "<h1>Stop polling with setInterval</h1></header>"
        f'<div class="c4d5e6">{_POST_PROSE * 5}</div></article>{aside}</main></body></html>'
    )


_OVER_THE_HEADLINE = (
    '<a href="/lenaschulz"><img src="/a/lena.png" width="40" height="40" alt=""></a>'
    '<div><a href="/lenaschulz">Lena Schulz</a> <button>Follow</button>'
    "<p>Posted on <time>Apr 29</time></p></div>"
)


def test_a_link_to_the_writers_folder_over_the_headline_names_the_writer() -> None:
    """The post's address is in its writer's folder ("/lenaschulz/stop-polling-4k2m"), and
    the page prints a link to that folder over the headline with the date: the writer's
    profile, where the windows after the headline never look."""
    article = extract(
        _post(_OVER_THE_HEADLINE), "https://devblog.example/lenaschulz/stop-polling-4k2m"
    )
    assert (article.author, article.rules["author"]) == ("Lena Schulz", "generic:profile-link")


def test_a_section_kicker_linking_the_posts_folder_names_no_writer() -> None:
    """A news site's section kicker over the headline links the folder its story's
    address is in ("<a href="/world">World Report</a>" on /world/…): the folder spells
    one of its words, not a surname, and it is no writer's profile."""
    kicker = '<a href="/world">World Report</a><p><time>Apr 29</time></p>'
    article = extract(_post(kicker), "https://paper.example/world/stop-polling-4k2m")
    assert article.author is None
