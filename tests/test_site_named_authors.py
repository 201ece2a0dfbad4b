"""A personal blog names its writer only as the site: the header's link home prints the
writer's name ("<a href="/">Jane Whitfield</a>"), the title ends with it, and no byline
stands by the post. That name is the author when the page names no one else, and only
when it is a person's: a town's paper, a clinic or a blog's name stays no one's. Every
page is written for the test, in English and in Bulgarian."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.authors import SITE_NAMED_FOR_WRITER

BG_PROSE = "<p>" + "Тази есен засадих три нови сорта домати в малката градина зад къщата. " * 6
BG_PROSE += "</p>"
EN_PROSE = "<p>" + "This autumn I planted three new kinds of tomato in the yard behind us. " * 6
EN_PROSE += "</p>"


def _page(
    home: str,
    title: str,
    *,
    bulgarian: bool,
    site_name: str = "",
    href: str = "/",
    byline: str = "",
) -> str:
    prose = BG_PROSE if bulgarian else EN_PROSE
    headline = "Три сорта домати" if bulgarian else "Three kinds of tomato"
    og = f'<meta property="og:site_name" content="{site_name}">' if site_name else ""
    return (
        f"<html><head><title>{title}</title>{og}</head><body>"
        f'<header><nav><a href="{href}">{home}</a> <a href="/posts">Posts</a> '
        '<a href="/about">About</a></nav></header>'
        f"<article><h1>{headline}</h1>{byline}{prose * 4}</article>"
        "<footer><p>RSS</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    ("url", "page", "writer"),
    [
        (
            "https://janewhitfield.example/notes/tomatoes",
            _page("Jane Whitfield", "Three kinds of tomato | Jane Whitfield", bulgarian=False),
            "Jane Whitfield",
        ),
        (
            "https://mariapetrova.example/blog/domati",
            _page(
                "Мария Петрова",
                "Три сорта домати | Мария Петрова",
                bulgarian=True,
                href="https://mariapetrova.example/",
            ),
            "Мария Петрова",
        ),
        # no site named in the metadata: the header's link home is the site's name
        (
            "https://ivankolev.example/zapiski/domati.html",
            _page("Иван Колев", "Три сорта домати", bulgarian=True, href="../"),
            "Иван Колев",
        ),
        (
            "https://tomreed.example/articles/tomatoes",
            _page("Tom Reed", "Three kinds of tomato", bulgarian=False),
            "Tom Reed",
        ),
    ],
    ids=["english-title", "bulgarian-title", "bulgarian-no-site-name", "english-no-site-name"],
)
def test_a_personal_sites_name_is_its_writer(url: str, page: str, writer: str) -> None:
    article = extract(page, url)
    assert article.author == writer
    assert article.rules["author"] == SITE_NAMED_FOR_WRITER


@pytest.mark.parametrize(
    "page",
    [
        # a town's paper, a clinic, a blog: shaped as names, no person's
        _page("Вести Русе", "Три сорта домати | Вести Русе", bulgarian=True),
        _page("Радио Варна", "Три сорта домати", bulgarian=True, site_name="Радио Варна"),
        _page("Riverside Heart Institute", "Three kinds of tomato", bulgarian=False),
        _page("Garden Notes Blog", "Three kinds of tomato", bulgarian=False),
        # the title's first part is two names, the link home prints the paper's
        _page("Вестник Пример", "Мария Петрова | Вестник Пример", bulgarian=True),
        # the name links to a page of the site, not to its home
        _page("Мария Петрова", "Три сорта домати | Мария Петрова", bulgarian=True, href="/za-men"),
        # the metadata names another site than the link home prints
        _page("Мария Петрова", "Три сорта домати", bulgarian=True, site_name="Градински вести"),
    ],
    ids=["paper", "radio", "institute", "blog", "headline", "not-home", "other-site"],
)
def test_no_persons_site_names_no_writer(page: str) -> None:
    article = extract(page, "https://example.bg/blog/domati")
    assert article.author is None
    assert article.rules["author"] == "none"


@pytest.mark.parametrize(
    "company",
    ["Corbel Health", "Granite Mutual", "Fernhill Dental", "Ashby Partners", "Tidewater Realty"],
)
def test_a_companys_site_names_no_writer(company: str) -> None:
    """A company's blog links its name home from the header as a personal blog does its
    writer's, and its two words are shaped as a name's: the last one is a business's."""
    page = _page(company, f"Three kinds of tomato - {company}", bulgarian=False)
    article = extract(page, "https://company.example/blog/tomatoes")
    assert article.author is None


@pytest.mark.parametrize(
    "outlet", ["Savoie Matin", "Lorraine Info", "Metro Sports", "Eco Regions", "Kieler Nachrichten"]
)
def test_a_local_outlets_site_names_no_writer(outlet: str) -> None:
    """A local paper or portal links its name home from the header as a personal blog does
    its writer's, in words a paper's name closes or opens on in other languages ("Matin",
    "Info", "Nachrichten")."""
    page = _page(outlet, f"Three kinds of tomato | {outlet}", bulgarian=False)
    article = extract(page, "https://outlet.example/region/tomatoes")
    assert article.author is None


def test_a_byline_wins_over_the_sites_name() -> None:
    page = _page(
        "Мария Петрова",
        "Три сорта домати | Мария Петрова",
        bulgarian=True,
        byline="<p>Автор: Иван Колев</p>",
    )
    article = extract(page, "https://mariapetrova.example/blog/domati")
    assert article.author == "Иван Колев"
