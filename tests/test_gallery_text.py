"""A photo gallery's captions as its text (``extraction.gallery_text``): where the text
chosen is a short intro and the pictures under it carry captions holding far more prose,
the captions are the text's paragraphs, in page order; an article's own pictures, a card
list's "caption" boxes and a teaser's are never read so."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract

_INTRO = "Hundreds of runners braved the frost on Saturday for the 12th Riverside Night Run."
_CAPTIONS = [
    "Runners gather at the start line on Mill Bridge before the starting horn sounds.",
    "The leaders pass the old textile works at the halfway mark, lit by head torches.",
    "Volunteers from the rowing club hand out warm tea at the second water station.",
    "The winner, a schoolteacher from Eastfield, crosses the line in under 35 minutes.",
]
_URL = "https://riverside-echo.example/photos/2026/12/night-run-in-pictures"


def _gallery(pictures: str) -> str:
    return (
        "<html lang='en'><head><title>In pictures: the Riverside Night Run | Riverside "
        "Echo</title></head><body><header><a href='/'>Riverside Echo</a><nav><a href='/news'>"
        "News</a> <a href='/photos'>Photos</a></nav></header><main class='photo-story'>"
        f"<h1>In pictures: the Riverside Night Run</h1><p class='intro'>{_INTRO}</p>"
        f"{pictures}<div class='more-photos'><h2>More galleries</h2><div class='card'>"
        "<img src='/t/1.jpg' alt=''><div class='caption'><h4><a href='/photos/fair'>Winter "
        "fair in the market square</a></h4><p>Stalls, lights and a brass band filled the "
        "square for the first weekend of Advent.</p></div></div></div></main><footer>"
        "© 2026 Riverside Echo</footer></body></html>"
    )


@pytest.mark.parametrize(
    "picture",
    [
        "<figure class='photo'><img src='/p/{i}.jpg' alt=''><figcaption>{caption}"
        "</figcaption></figure>",
        "<div class='slide'><div class='frame'><img src='/p/{i}.jpg' alt=''></div>"
        "<p class='slideCaption'>{caption}</p></div>",
    ],
)
def test_a_galleries_captions_under_its_intro_are_its_text(picture: str) -> None:
    """probe39a's en14: five captioned slides under a one-line intro gave the intro
    alone, every caption dropped as a picture's credit. The "caption" box of a card in
    the "More galleries" list (a heading in it) stays out; so do the captions of
    pictures set into a text that goes on under them: the article's photographs,
    however much they say."""
    pictures = "".join(picture.format(i=i, caption=c) for i, c in enumerate(_CAPTIONS))
    text = extract(_gallery(f"<div class='slides'>{pictures}</div>"), _URL).text
    assert text.splitlines() == [_INTRO, *_CAPTIONS]
    closing = "The next run is planned for the first Saturday of March."
    page = _gallery(f"<div class='slides'>{pictures}</div><p>{closing}</p>")
    assert extract(page, _URL).text.splitlines() == [_INTRO, closing]
