"""The writer's name printed alone in an element of its own under the headline, beside the
date in a small box of their own, where no class name says which is the byline (a build
that hashes its CSS names) and no label ("От", "Автор:") says it either. And what such a
name is not: a municipality's mayor named alone in a sidebar box or under his photograph.
Every page is written for the test, in Bulgarian, with classes shaped as a build that
hashes them names them; the field labels' pages in English, as a county's Drupal site
prints them."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract

URL = "https://obshtina-primer.bg/novini/parkat-se-obnovyava"
PROSE = "<p>" + "Общината обнови алеите и осветлението в парка до читалището. " * 6 + "</p>"


def _page(under_headline: str, beside: str = "") -> str:
    return (
        '<html><body><div class="c5e0a11">'
        f'<main class="c91be2a"><div class="c0d4e7f"><h1 class="c5a02bb">Паркът се обновява</h1>'
        f'{under_headline}<div class="c44f0de">{PROSE * 4}</div></div></main>'
        f"{beside}</div></body></html>"
    )


_BYLINE_BOX = (
    '<div class="c2f81d0"><div class="c7a3e19">Мария Петрова</div>'
    '<div class="c1b44e2">Редактор</div><div class="c90d3a4">14.03.2026</div></div>'
)


def test_a_name_alone_beside_the_date_under_the_headline_is_the_writer() -> None:
    """The name, a role and the date, each an element of its own, in a box of their own."""
    article = extract(_page(_BYLINE_BOX), URL)
    assert (article.author, article.rules["author"]) == ("Мария Петрова", "generic:name-by-date")


def test_a_name_beside_a_time_element_with_no_class_names() -> None:
    """An old template with no class names at all: the name's ``<span>`` in a ``<div>`` of
    its own, a role, then the ``<time>``, all in one box the windows read as one line."""
    box = (
        "<div><div><div><span>Георги Иванов</span></div><div>кореспондент</div>"
        "<div><time>5 март 2026 г.</time></div></div></div>"
    )
    page = f"<html><body><h1>Паркът се обновява</h1>{box}<div>{PROSE * 4}</div></body></html>"
    article = extract(page, URL)
    assert (article.author, article.rules["author"]) == ("Георги Иванов", "generic:name-by-date")


def test_the_mayor_named_alone_names_no_writer() -> None:
    """The mayor's name alone in the sidebar's "Кмет" box (his portrait, his name, no date),
    under the lead photograph as its caption in a ``<div>`` (the date above it, the
    photograph between), and in a lead, never the writer's: each in a box the windows read
    as one line, where only the elements tell the name's line from the rest."""
    sidebar = (
        '<div class="c6d1e2f"><div class="c3a4b5c">Кмет</div><img src="/img/kmet.jpg" alt="">'
        '<div class="c8e9f0a">Пенчо Милков</div></div>'
    )
    under_photo = (
        '<div class="c0e1f2a"><div class="c90d3a4">14.03.2026</div><div class="c4b2a19">'
        '<img src="/img/park.jpg" alt=""><div class="c77e1d0">Пенчо Милков</div></div></div>'
    )
    lead = (
        '<div class="c2f81d0"><div class="c7a3e19">Кметът Пенчо Милков</div>'
        '<div class="c90d3a4">14.03.2026</div></div>'
    )
    for page in (
        _page("", beside=sidebar),
        _page(sidebar),
        _page(under_photo),
        _page(lead),
    ):
        assert extract(page, URL).author in (None, "")


_CAPTIONS_READ_AS_BYLINES = {
    "the date over the caption, the headline's siblings": (
        '<div class="c90d3a4">14.03.2026</div><div class="c4b2a19"><img src="/img/park.jpg" '
        'alt=""><div class="c77e1d0">Пенчо Милков</div></div>'
    ),
    "the caption and the date in the photograph's box": (
        '<div class="c0e1f2a"><div class="c4b2a19"><img src="/img/park.jpg" alt="">'
        '<div class="c77e1d0">Пенчо Милков</div><div class="c90d3a4">14.03.2026</div></div></div>'
    ),
    "a figure's caption over the date": (
        '<figure class="c4b2a19"><img src="/img/park.jpg" alt=""><figcaption class="c77e1d0">'
        'Пенчо Милков</figcaption></figure><div class="c90d3a4">14.03.2026</div>'
    ),
    "a picture element's caption, the date under it": (
        '<div class="c0e1f2a"><picture><source srcset="/img/park.webp"><img src="/img/park.jpg" '
        'alt=""></picture><p class="c77e1d0">Пенчо Милков</p><p class="c90d3a4">14.03.2026</p>'
        "</div>"
    ),
    "the photograph a link to itself in a box of its own": (
        '<div class="c0e1f2a"><div class="c4b2a19"><a href="/img/park.jpg"><img src="/img/'
        'park.jpg" alt=""></a></div><div class="c77e1d0">Пенчо Милков</div>'
        '<div class="c90d3a4">14.03.2026</div></div>'
    ),
    "the caption and the date on one line under the photograph": (
        '<div class="c0e1f2a"><img src="/img/park.jpg" alt="" width="800" height="533">'
        '<div class="c77e1d0"><span>Пенчо Милков</span> <span>14.03.2026</span></div></div>'
    ),
}


@pytest.mark.parametrize("shape", sorted(_CAPTIONS_READ_AS_BYLINES))
def test_a_caption_beside_the_date_names_no_writer(shape: str) -> None:
    """The mayor's name under his photograph, beside the date: the windows print
    "14.03.2026" over "Пенчо Милков", or "Пенчо Милков 14.03.2026", the picture unseen;
    the element the name is printed in is the photograph's caption (``authors._a_caption``)."""
    assert extract(_page(_CAPTIONS_READ_AS_BYLINES[shape]), URL).author in (None, "")


_AVATARS_BESIDE_THE_NAME = {
    "a small picture in a box of its own, the name and the date in the next": (
        '<div class="c0e1f2a"><div class="c4b2a19"><img src="/img/mp.jpg" alt="" width="64" '
        'height="64"></div><div class="c77e1d0"><span>Мария Петрова</span> '
        "<span>14.03.2026</span></div></div>"
    ),
    "the picture in the name's own line": (
        '<div class="c0e1f2a"><div class="c4b2a19"><img src="/img/mp.jpg" alt=""> '
        '<span>Мария Петрова</span></div><div class="c90d3a4"><span>14.03.2026</span></div></div>'
    ),
    "a small picture over the name's line and the date's": (
        '<div class="c0e1f2a"><img src="/img/mp.jpg" alt="" width="48" height="48">'
        '<div class="c77e1d0">Мария Петрова</div><div class="c90d3a4">14.03.2026</div></div>'
    ),
}


@pytest.mark.parametrize("shape", sorted(_AVATARS_BESIDE_THE_NAME))
def test_a_writers_avatar_beside_the_name_is_no_photograph(shape: str) -> None:
    """The writer's avatar before the name and the date (class names hashed, so no
    "avatar" class says it): in the name's own line, or sized small by its markup, it is
    no photograph the name captions, and the name is the writer's."""
    article = extract(_page(_AVATARS_BESIDE_THE_NAME[shape]), URL)
    assert (article.author, article.rules["author"]) == ("Мария Петрова", "generic:text-near-title")


@pytest.mark.xfail(
    strict=True,
    reason="left: a name linked to a page that is not an author page (/kmet) may still be "
    "a person's page the byline links (/component/comprofiler/userprofile/craigmccarthy on "
    "WCXB, /user/15): which person's page is the writer's is not told by the address alone",
)
def test_a_name_linked_to_the_mayors_page_beside_the_date_names_no_writer() -> None:
    """The mayor's name as a link to his page ("/kmet"), beside the date: the windows print
    "Пенчо Милков 14.03.2026", the link unseen (``generic:name-by-date`` declines it)."""
    linked = (
        '<div class="c2f81d0"><a href="/kmet"><div class="c7a3e19">Пенчо Милков</div></a>'
        '<div class="c90d3a4">14.03.2026</div></div>'
    )
    assert extract(_page(linked), URL).author in (None, "")


_EN_URL = "https://riverbend-county.example.gov/news/recycling-center-opens"
_EN_PROSE = "<p>" + "The county opened its new recycling center on Mill Road. " * 6 + "</p>"


def _en_page(under_headline: str) -> str:
    return (
        '<html><body><main class="c91be2a"><div class="c0d4e7f">'
        '<h1 class="c5a02bb">County Opens New Recycling Center</h1>'
        f'{under_headline}<div class="c44f0de">{_EN_PROSE * 4}</div></div></main></body></html>'
    )


# A field's label by the date under the headline, in title case as a name is: its words
# a label's ("Release Date"), or its element a label's whatever its words ("Effective
# From" in Drupal's ``field__label`` or in a ``<dt>``).
_FIELD_LABELS_BY_THE_DATE = {
    "Drupal's date field and department field, labelled inline": (
        '<div class="node__meta"><div class="field field--label-inline">'
        '<div class="field__label">Release Date</div><div class="field__item">'
        '<time datetime="2025-11-17T12:00:00Z">November 17, 2025</time></div></div>'
        '<div class="field field--label-inline"><div class="field__label">Department</div>'
        '<div class="field__item"><a href="/departments/solid-waste">Solid Waste</a></div>'
        "</div></div>"
    ),
    "the label's words on a line over the date, no class saying so": (
        '<div class="c2f81d0"><div class="c7a3e19">Release Date</div>'
        '<div class="c90d3a4">March 3, 2026</div></div>'
    ),
    "the label's words and the date side by side on one line": (
        '<div class="c2f81d0"><span class="c7a3e19">Release Date</span> '
        '<span class="c90d3a4">March 3, 2026</span></div>'
    ),
    "words of no label's vocabulary in Drupal's field label": (
        '<div class="field field--label-inline"><div class="field__label">Effective From</div>'
        '<div class="field__item"><time>March 3, 2026</time></div></div>'
    ),
    "words of no label's vocabulary in a description list's term": (
        '<dl class="c2f81d0"><dt>Effective From</dt><dd>March 3, 2026</dd></dl>'
    ),
}


@pytest.mark.parametrize("shape", sorted(_FIELD_LABELS_BY_THE_DATE))
def test_a_field_label_beside_the_date_names_no_writer(shape: str) -> None:
    """Two capitalised words by the date are shaped as a name, and a field's label is
    printed so: "Release Date" over "November 17, 2025" was the writer of a county's
    news. The label's words (``bylines.names_a_field``) or its element
    (``authors._a_field_label``) say it is none."""
    assert extract(_en_page(_FIELD_LABELS_BY_THE_DATE[shape]), _EN_URL).author in (None, "")


def test_a_name_beside_a_field_label_and_the_date_is_still_the_writer() -> None:
    """The same box with the writer's name in a line of its own: the label is passed
    over, the name is not."""
    box = (
        '<div class="c2f81d0"><div class="c7a3e19">Jordan Ellis</div>'
        '<div class="field__label">Release Date</div><div class="c90d3a4">March 3, 2026</div></div>'
    )
    assert extract(_en_page(box), _EN_URL).author == "Jordan Ellis"


def test_a_name_after_another_fields_label_beside_the_date_names_no_writer() -> None:
    """A council's minutes list the sitting's fields in a table under the headline, the
    date's row beside the chair's: the name after "Председател:" is whom the field names,
    not the writer. After the writer's own label ("Автор:") the name is the writer."""
    rows = (
        '<table class="c2f81d0"><tr><td class="c7a3e19">Дата:</td><td>02.12.2026</td></tr>'
        '<tr><td class="c7a3e19">{label}</td><td>Петя Стоянова</td></tr></table>'
    )
    assert extract(_page(rows.format(label="Председател:")), URL).author is None
    assert extract(_page(rows.format(label="Автор:")), URL).author == "Петя Стоянова"
