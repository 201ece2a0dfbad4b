"""The writer a page names where the author rules took the wrong name or none: a team's
name over the text and a writer's label under it, a login printed as the byline beside a
rubric's or a forum's name, and an old blog's "Posted by" under the post whose readers'
comments are signed the same way. Every page is written for the test, in English and in
Bulgarian."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import names_a_team, without_bracketed_wire

URL = "https://vestnik.example/novini/remont-na-mosta"
BG_PROSE = "<p>" + "Общинският съвет прие бюджета за ремонта на моста след дълго обсъждане. " * 6
BG_PROSE += "</p>"
EN_PROSE = "<p>" + "The council approved the money for the bridge repair after a long debate. " * 6
EN_PROSE += "</p>"
BG_HEADLINE = "Общината ремонтира моста"
EN_HEADLINE = "The town mends its bridge"


def _page(byline: str, tail: str = "", *, bulgarian: bool = True, site: str = "Вестник") -> str:
    prose, headline = (BG_PROSE, BG_HEADLINE) if bulgarian else (EN_PROSE, EN_HEADLINE)
    return (
        f'<html><head><meta property="og:site_name" content="{site}"></head><body>'
        f'<article><h1>{headline}</h1><div class="meta">{byline}</div>{prose * 4}{tail}'
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("name", "team"),
    [
        ("Team Tiger Data", True),
        ("The Everfit Team", True),
        ("Content Team", True),
        ("Екипът на Дунавски вести", True),
        ("Редакционен екип", True),
        # an office or a desk signing as a team does
        ("Communications Staff", True),
        ("Gazette Staff", True),
        ("Metro Desk", True),
        ("Communications Office", True),
        ("University News Office", True),
        ("Jane Roe and the Rankings Team", False),  # a person first, then a team
        ("Teamster Joe", False),
        ("Мария Екимова", False),
        ("Jane Roe", False),
    ],
)
def test_names_a_team(name: str, team: bool) -> None:
    assert names_a_team(name) is team


@pytest.mark.parametrize(
    ("byline", "tail", "bulgarian", "writer"),
    [
        (
            '<div class="byline">By <a href="/author/tiger-team">Team Tiger Data</a></div>',
            '<p>Written by <a href="https://elsewhere.example/jroe">Jane Roe</a></p>',
            False,
            "Jane Roe",
        ),
        (
            '<span class="author">Екипът на Вестник Пример</span>',
            "<p>Автор: Мария Петрова</p>",
            True,
            "Мария Петрова",
        ),
    ],
    ids=["english", "bulgarian"],
)
def test_a_writers_label_under_the_text_wins_over_a_teams_byline(
    byline: str, tail: str, bulgarian: bool, writer: str
) -> None:
    """A company's blog or a newsroom signs its team over the text, the writer's label
    under it names who wrote it."""
    article = extract(_page(byline, tail, bulgarian=bulgarian), URL)
    assert article.author == writer
    assert article.rules["author"] == "generic:labelled-field"


@pytest.mark.parametrize(
    ("byline", "team"),
    [
        # the names in the team's byline box beside it are whom it credits
        (
            '<div class="byline">By <a href="/author/tt">The Tiger Team</a> Reviewed by '
            '<a href="/author/jroe">Jane Roe</a></div>',
            "The Tiger Team",
        ),
        # a team's name alone is the author, as the site's own name is
        ('<span class="author">Екипът на Вестник Пример</span>', "Екипът на Вестник Пример"),
    ],
    ids=["reviewer-beside-it", "team-alone"],
)
def test_a_teams_byline_stays_where_no_label_names_the_writer(byline: str, team: str) -> None:
    article = extract(_page(byline), URL)
    assert article.author == team


@pytest.mark.parametrize(
    ("byline", "bulgarian", "login"),
    [
        # a forum prints its user's handle, then the forum's name
        (
            '<div class="post-byline">by <a href="/users/jdoe42">jdoe42</a> '
            '<a href="/forum">AI Safety Forum</a></div>',
            False,
            "jdoe42",
        ),
        # a Bulgarian theme prints the account's name, then the rubric
        (
            '<div class="post-byline">от <a href="/users/ivan_p">ivan_p</a> в '
            '<a href="/category/novini-ruse">Новини Русе</a></div>',
            True,
            "ivan_p",
        ),
    ],
    ids=["english-forum", "bulgarian-rubric"],
)
def test_a_login_printed_as_the_byline_wins_over_a_name_that_is_no_persons(
    byline: str, bulgarian: bool, login: str
) -> None:
    article = extract(_page(byline, bulgarian=bulgarian), URL)
    assert article.author == login


_OFFICE_META = '<meta name="author" content="Communications Staff">'


def _office_page(byline: str) -> str:
    return (
        f'<html><head>{_OFFICE_META}<meta property="og:site_name" content="Lakeshore '
        'University"></head><body><article><h1>Researchers map microplastics in lake mud</h1>'
        f'<div class="story-meta">{byline}</div>{EN_PROSE * 4}</article></body></html>'
    )


@pytest.mark.parametrize(
    "byline",
    [
        # a link to the writer's page after the lead-in, the date's element glued on
        '<span class="story-author">Story by <a href="/people/mfarouk/">Mira Farouk</a></span>'
        '<span class="sep">|</span><span class="date">September 23, 2025</span>',
        # no link, no class: the lead-in alone says it
        "<p>Words by Mira Farouk</p>",
    ],
    ids=["story-by-linked", "words-by-plain"],
)
def test_a_writer_printed_wins_over_the_office_the_author_meta_names(byline: str) -> None:
    """A university's news office states itself as the author ("Communications Staff")
    and prints its writer over the story ("Story by Mira Farouk"): the office is a team
    (``names_a_team``), the lead-in a byline's."""
    assert extract(_office_page(byline), "https://news.lakeshore.example/2025/09/mud").author == (
        "Mira Farouk"
    )


def _wire_page(byline: str) -> str:
    return (
        '<html><head><meta name="author" content="PAP"></head><body><article>'
        f"<h1>Researchers map microplastics in lake mud</h1>{byline}{EN_PROSE * 4}"
        "</article></body></html>"
    )


def test_a_writer_printed_wins_over_the_wire_agency_the_author_meta_names() -> None:
    """A paper states the agency whose copy it ran ("PAP") as the author and prints the
    agency's writer over the story: an agency's name alone is the author only where the
    page names no person (``bylines.names_a_wire``)."""
    printed = '<div class="story-meta"><span class="author">Tomasz Nowak</span></div>'
    assert extract(_wire_page(printed), URL).author == "Tomasz Nowak"
    assert extract(_wire_page(""), URL).author == "PAP"


def test_a_login_printed_as_the_byline_gives_way_to_a_persons_name() -> None:
    byline = '<div class="post-byline">от <a href="/users/ivan_p">ivan_p</a></div>'
    article = extract(_page(byline, "<p>Автор: Мария Петрова</p>"), URL)
    assert article.author == "Мария Петрова"


BLOG_URL = "https://blog.example/archives/2026/03/bridge.html"


def _blog(signed: str, comments: list[str], *, bulgarian: bool = False) -> str:
    prose, headline = (BG_PROSE, BG_HEADLINE) if bulgarian else (EN_PROSE, EN_HEADLINE)
    said = "".join(
        f'<div class="comments-body"><p>Thanks, a good read.</p>'
        f'<span class="comments-post">{comment}</span></div>'
        for comment in comments
    )
    return (
        f"<html><head><title>{headline}</title></head><body><div id='main'>"
        f'<h2 class="date">March 12, 2026</h2><h1>{headline}</h1>{prose * 4}'
        f'<span class="posted">{signed}</span></div>'
        f'<div class="comments-head">Comments</div>{said}</body></html>'
    )


@pytest.mark.parametrize(
    ("signed", "comments", "bulgarian", "writer"),
    [
        (
            "Posted by David at March 12, 2026 11:15 AM",
            [
                'Posted by: <a href="/c/1">John</a> at March 13, 2026 09:00 AM',
                "Posted by: Anna Lee at March 13, 2026 10:00 AM",
            ],
            False,
            "David",
        ),
        (
            "Публикувано от Стела Георгиева на 12.03.2026 11:15",
            [
                'Публикувано от: <a href="/c/1">Петър</a> на 13.03.2026 09:00',
                "Публикувано от: Иван Колев на 13.03.2026 10:00",
            ],
            True,
            "Стела Георгиева",
        ),
    ],
    ids=["english", "bulgarian"],
)
def test_posted_by_under_the_post_names_the_writer_past_the_comments_signed_alike(
    signed: str, comments: list[str], bulgarian: bool, writer: str
) -> None:
    article = extract(_blog(signed, comments, bulgarian=bulgarian), BLOG_URL)
    assert article.author == writer
    assert article.rules["author"] == "generic:posted-by"


@pytest.mark.parametrize(
    ("signed", "comments"),
    [
        # only the readers sign: none of them wrote the post
        (
            "",
            [
                "Posted by: John Smith at March 13, 2026 09:00 AM",
                "Posted by: Anna Lee at March 13, 2026 10:00 AM",
            ],
        ),
        # two posts signed on one page: whose is the article's is unknown
        ("Posted by David at March 12, 2026 11:15 AM <br>Posted by Maria at March 1, 2026", []),
    ],
    ids=["comments-alone", "two-posts"],
)
def test_posted_by_names_nobody_in_comments_alone_or_twice_outside(
    signed: str, comments: list[str]
) -> None:
    assert extract(_blog(signed, comments), BLOG_URL).author is None


ES_PROSE = "<p>" + "El pleno aprobó el dinero para reparar el puente tras un largo debate. " * 6
ES_PROSE += "</p>"


def _desk_page(byline: str) -> str:
    return (
        '<html><head><script type="application/ld+json">{"@type":"NewsArticle",'
        '"author":{"@type":"Person","name":"Redacción Agencia"}}</script></head><body>'
        f"<article><h1>El ayuntamiento repara el puente</h1>{byline}{ES_PROSE * 4}"
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    "byline",
    [
        # the agency the writer files for, in brackets after the name
        '<p class="firma"><span class="author">Por Lucía Ferrer (EFE)</span> '
        '<span class="fecha">3 dic 2026</span></p>',
        '<p class="firma">Por Lucía Ferrer <span class="fecha">3 dic 2026</span></p>',
    ],
    ids=["agency-in-brackets", "plain"],
)
def test_a_byline_by_the_headline_wins_over_the_desk_the_metadata_states(byline: str) -> None:
    """A wire's CMS states its desk's account as the author ("Redacción Agencia"), its page
    prints the writer under the headline ("Por Lucía Ferrer (EFE)"): the printed byline
    passes over the desk, the agency's brackets being no word of the name."""
    assert extract(_desk_page(byline), URL).author == "Lucía Ferrer"
    assert extract(_desk_page(""), URL).author == "Redacción Agencia"


def test_an_agency_in_brackets_is_no_word_of_the_name() -> None:
    assert without_bracketed_wire("Lucía Ferrer (EFE)") == "Lucía Ferrer"
    assert without_bracketed_wire("Иван Петров (БТА)") == "Иван Петров"
    assert without_bracketed_wire("Lucía Ferrer (Madrid)") == "Lucía Ferrer (Madrid)"
