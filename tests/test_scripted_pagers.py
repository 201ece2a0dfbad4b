"""A listing's next page named only to its script: a "По-стари новини" button whose
``onclick`` sends the browser there (imel), an endless-scroll list's ``data-next-page``
(chemshir). What a person reaches by clicking or scrolling, and nothing else a page's
buttons and ``data-`` attributes hold (a close button's script, a carousel's selector,
Next.js's ``data-next-head``, a card's ``data-url``)."""

from __future__ import annotations

import pytest

from newsarchive.discover.listings import find_next_link
from newsarchive.models import Profile

SITE = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg",))
PAGE = "https://x.bg/novini"
CARDS = "".join(
    f'<div class="news"><h3><a href="/novini/{n}-park">Нов парк {n}</a></h3></div>'
    for n in range(5, 8)
)


@pytest.mark.parametrize(
    ("control", "next_page"),
    [
        (
            '<button type="button" onclick="location.href=\'/novini?page=2\'">'
            "По-стари новини</button>",
            "https://x.bg/novini?page=2",
        ),
        (
            '<input type="button" value="Следваща »" onclick="window.location=\'/novini?page=2\'">',
            "https://x.bg/novini?page=2",
        ),
        (
            '<div class="news-list" data-next-page="/novini?page=2"></div>',
            "https://x.bg/novini?page=2",
        ),
        (
            '<section data-next-url="https://x.bg/api/novini?ot=3"></section>',
            "https://x.bg/api/novini?ot=3",
        ),
        # a button saying something else, whatever its script opens
        ("<button onclick=\"location.href='/kontakti'\">Контакти</button>", None),
        (
            '<input type="submit" value="Следваща »" onclick="location.href=\'/novini?page=2\'">',
            None,
        ),
        # not addresses, or not named for the next page
        ('<div class="carousel" data-next=".carousel-arrow-next"></div>', None),
        ('<meta name="x" data-next-head=""><div data-url="/novini/8-park"></div>', None),
        ('<div data-next-page="/novini"></div>', None),  # the page itself
        ('<div data-next-page="https://other.bg/novini?page=2"></div>', None),
    ],
)
def test_a_button_or_an_endless_lists_attribute_names_the_next_page(
    control: str, next_page: str | None
) -> None:
    html = f"<html><body><h1>Новини</h1>{CARDS}{control}</body></html>"
    assert find_next_link(html, PAGE, SITE, 1) == next_page


def test_a_real_pager_link_comes_first() -> None:
    html = (
        f'<html><body>{CARDS}<div data-next-page="/novini?ajax=2"></div>'
        '<a href="/novini?page=2">Следваща »</a></body></html>'
    )
    assert find_next_link(html, PAGE, SITE, 1) == "https://x.bg/novini?page=2"


@pytest.mark.parametrize(
    ("widget", "alone"),
    [
        # a lightbox's next photo: a file, never a listing page
        ('<div class="gallery" data-next="/uploads/galeria/2.jpg"></div>', None),
        # a slider's next slide: taken only where nothing else names a next page
        (
            '<div class="slider" data-next-url="/ajax/slider.php?slide=2"></div>',
            "https://x.bg/ajax/slider.php?slide=2",
        ),
    ],
)
def test_a_numbered_pager_comes_before_a_widgets_next_attribute(
    widget: str, alone: str | None
) -> None:
    """The pager a person sees ("1 2") wins over an attribute only a script reads, which
    may be a gallery's or a slider's next item; and a file is no listing page: taken, the
    walk asked the photo as page 2 and ended there."""
    pager = '<div class="pager"><a href="/novini?page=1">1</a> <a href="/novini?page=2">2</a></div>'
    html = f"<html><body>{CARDS}{widget}{pager}</body></html>"
    assert find_next_link(html, PAGE, SITE, 1) == "https://x.bg/novini?page=2"
    assert find_next_link(f"<html><body>{CARDS}{widget}</body></html>", PAGE, SITE, 1) == alone
