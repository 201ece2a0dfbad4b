"""A page's other copies a site marks in the query: "Версия за слабовиждащи" leading from
``/novini/5`` to ``/novini/5?v=sv``, "Текстова версия" to ``?text=1``. The field a page's
own link to its copy adds (``anchors.copy_marks``) is the site's copy mark; an address
carrying it is read as the page it is a copy of (``urls.without_copy_marks``), so a
sitemap listing every page beside its copy has each article asked once. A field that may
name a page of its own (a page's number, an id, WordPress's ``p``) is never a mark,
whatever the link says, and a link whose label names no copy teaches nothing.

Measured on round 50's ``ravnogor`` (every page linking its ``?v=sv`` and ``?print=1``
copies, the sitemap listing all three): a first crawl of 27 requests before (each
article's ``?v=sv`` copy fetched after it, "9 unchanged"), 18 after.
"""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.anchors import copy_marks, names_a_copy
from newsarchive.discover.urls import copy_mark, without_copy_marks

PAGE = "https://selo.bg/novini/5-remont"


def _marks(links: str, page: str = PAGE) -> list[str]:
    return copy_marks(LexborHTMLParser(f"<html><body>{links}</body></html>"), page)


@pytest.mark.parametrize(
    ("link", "mark"),
    [
        ('<a href="?v=sv">Версия за слабовиждащи</a>', "v=sv"),
        ('<a href="/novini/5-remont?v=sv" title="Версия за слабовиждащи">A+</a>', "v=sv"),
        ('<a href="/novini/5-remont?text=1">Текстова версия</a>', "text=1"),
        (
            '<a href="/novini/5-remont?mode=lowvision" aria-label="For the visually impaired">'
            '<i class="icon-eye"></i></a>',
            "mode=lowvision",
        ),  # fmt: skip
        ('<a href="/novini/5-remont?view=print">Версия за печат</a>', "view=print"),
        ('<a href="/novini/5-remont?m=1">Мобилна версия</a>', "m=1"),
        (
            '<a href="/novini/5-remont?tmpl=component&amp;view=print">Печат</a>',
            "tmpl=component&view=print",
        ),  # fmt: skip
    ],
)
def test_a_link_to_the_pages_own_copy_teaches_its_mark(link: str, mark: str) -> None:
    assert _marks(link) == [mark]


@pytest.mark.parametrize(
    "link",
    [
        # a copy's label, but the field may name a page of its own
        '<a href="/novini/5-remont?page=2">Версия за слабовиждащи</a>',
        '<a href="/novini/5-remont?id=7">Текстова версия</a>',
        '<a href="/novini/5-remont?p=12">Мобилна версия</a>',
        '<a href="/novini/5-remont?lang=en">Text version</a>',
        # the page's address plus a field, but the label names no copy
        '<a href="/novini/5-remont?v=sv">Слабовиждащите деца получиха помощ</a>',
        '<a href="/novini/5-remont?page=2">Следваща »</a>',
        '<a href="/novini/5-remont?v=sv">A+</a>',
        # a copy's label on a link to another page, or one replacing the page's field
        '<a href="/novini/6-park?v=sv">Версия за слабовиждащи</a>',
        '<a href="/sv/novini/5-remont">Версия за слабовиждащи</a>',
        # a print flag the normal form drops already: the page itself
        '<a href="/novini/5-remont?print=1">Версия за печат</a>',
    ],
)
def test_no_mark_is_learned_of_any_other_link(link: str) -> None:
    assert _marks(link) == []


def test_a_list_pages_copy_keeps_its_page_number_and_adds_the_mark() -> None:
    page = "https://selo.bg/novini?page=2"
    assert _marks('<a href="/novini?page=2&amp;v=sv">Версия за слабовиждащи</a>', page) == ["v=sv"]
    assert copy_mark(page, "https://selo.bg/novini?v=sv") is None  # (its page 1's copy)


@pytest.mark.parametrize(
    ("url", "original"),
    [
        ("https://selo.bg/novini/5-remont?v=sv", "https://selo.bg/novini/5-remont"),
        ("https://selo.bg/novini?page=2&v=sv", "https://selo.bg/novini?page=2"),
        ("https://selo.bg/novini/5-remont", "https://selo.bg/novini/5-remont"),
        # another value of the field is no copy
        ("https://selo.bg/novini/5-remont?v=2", "https://selo.bg/novini/5-remont?v=2"),
        # a bare script keeps the field it would otherwise be left without
        ("https://selo.bg/index.php?v=sv", "https://selo.bg/index.php?v=sv"),
        ("https://selo.bg/news.php?id=5&v=sv", "https://selo.bg/news.php?id=5"),
    ],
)
def test_an_address_carrying_a_mark_is_the_page_it_copies(url: str, original: str) -> None:
    assert without_copy_marks(url, ["v=sv"]) == original


def test_a_mark_of_two_fields_is_dropped_only_whole() -> None:
    marks = ["tmpl=component&view=print"]
    assert without_copy_marks("https://selo.bg/a?id=5&tmpl=component&view=print", marks) == (
        "https://selo.bg/a?id=5"
    )
    assert without_copy_marks("https://selo.bg/a?id=5&tmpl=component", marks) == (
        "https://selo.bg/a?id=5&tmpl=component"
    )


def test_a_headline_is_no_copys_label() -> None:
    headline = "Версия за слабовиждащи на сайта на общината вече е достъпна за всички жители"
    tree = LexborHTMLParser(f'<a href="/x?v=sv">{headline}</a>')
    anchor = tree.css_first("a")
    assert anchor is not None and not names_a_copy(anchor)
