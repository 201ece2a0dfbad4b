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
