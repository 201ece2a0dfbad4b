"""A listing's next page named only to its script: a "По-стари новини" button whose
``onclick`` sends the browser there (imel), an endless-scroll list's ``data-next-page``
(chemshir), htmx's ``hx-get`` on "Още новини" or on a card asking it when revealed and
Turbo's lazy ``<turbo-frame src>`` (ralitsa, ranilist). What a person reaches by
clicking or scrolling, and nothing else a page's buttons and ``data-`` attributes hold (a
close button's script, a carousel's selector, Next.js's ``data-next-head``, a card's
``data-url``, a frame loaded with the page, htmx's poll or vote)."""

from __future__ import annotations

import pytest

from newsarchive.discover.next_pages import find_next_link
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
        # htmx: a "Още новини" button's hx-get, a last card's hx-get asked on "revealed"
        (
            '<button hx-get="/novini/spisak?stranitsa=2" hx-swap="outerHTML">Още новини</button>',
            "https://x.bg/novini/spisak?stranitsa=2",
        ),
        (
            '<article hx-get="/novini/spisak?stranitsa=2" hx-trigger="revealed" hx-swap="afterend">'
            '<a href="/novini/4-park">Нов парк 4</a></article>',
            "https://x.bg/novini/spisak?stranitsa=2",
        ),
        # the page only in hx-vals, which htmx sends in a GET's query
        (
            '<button hx-get="/novini/oshte" hx-vals=\'{"stranitsa": 2, "vid": "vsichki"}\' '
            'hx-swap="beforeend">Покажи още</button>',
            "https://x.bg/novini/oshte?stranitsa=2&vid=vsichki",
        ),
        (
            '<div data-hx-get="/novini?page=2" data-hx-trigger="intersect once"></div>',
            "https://x.bg/novini?page=2",
        ),
        # htmx's pager of links and buttons with no href, asking hx-get on a click
        (
            '<nav><span>1</span> <a hx-get="/novini?page=2" hx-target="#list">2</a> '
            '<a hx-get="/novini?page=3" hx-target="#list">3</a></nav>',
            "https://x.bg/novini?page=2",
        ),
        (
            '<nav><a hx-get="/novini?page=2" hx-push-url="true">Следваща »</a></nav>',
            "https://x.bg/novini?page=2",
        ),
        (
            '<button hx-get="/novini?page=2" hx-target="#list">Следваща</button>',
            "https://x.bg/novini?page=2",
        ),
        # Turbo: the next page a lazy frame, loaded as it comes into view
        (
            '<turbo-frame id="novini_2" src="/novini?page=2" loading="lazy"></turbo-frame>',
            "https://x.bg/novini?page=2",
        ),
        # a frame loaded with the page, a click's hx-get saying no "more": no next page
        ('<turbo-frame id="vreme" src="/vreme"></turbo-frame>', None),
        ('<button hx-get="/anketa?glas=1" hx-target="#anketa">Гласувай</button>', None),
        ('<div hx-get="/broyach" hx-trigger="load"></div>', None),
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
