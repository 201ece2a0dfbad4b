"""A byline that shows the writer's avatar and the date but prints no name: the avatar's
``alt`` is the only place the page names its writer. A story's photographs, a commenter's
avatar and an avatar beside no date name nobody. Every page is written for the test."""

from __future__ import annotations

from newsarchive.extraction import extract

URL = "https://plantcare.example/blog/repotting-a-fiddle-leaf-fig"
PROSE = "<p>" + "Repot in spring, when the roots have filled the pot and new leaves unfurl. " * 6
PROSE += "</p>"


def _page(meta_row: str, after_text: str = "") -> str:
    return (
        "<html><head><title>Repotting a fiddle-leaf fig | Plantcare</title></head><body>"
        '<nav><a href="/">Plantcare</a> <a href="/shop">Shop</a></nav><main>'
        f'<div class="hero"><h1>Repotting a fiddle-leaf fig</h1>{meta_row}</div>'
        f'<div class="content">{PROSE * 4}</div>{after_text}</main>'
        "<footer><p>© 2026 Plantcare</p></footer></body></html>"
    )


def _row(img: str) -> str:
    return (
        f'<div class="meta">{img}<span class="when">Mar 9, 2026</span>'
        '<span class="sep">·</span><span>4 min read</span></div>'
    )


# Avatars that name no writer: a photograph beside the date, not sized as an avatar nor
# called one; an avatar sized large, a photograph whatever its class; alts that name no
# person (a team, the picture itself); an avatar beside no date in the headline's box; a
# reader's comment under the text, with its own avatar and date.
_NO_WRITER = [
    (_row('<img src="/img/greenhouse.jpg" alt="Owen Marsh">'), ""),
    (_row('<img class="avatar" src="/img/owen.jpg" alt="Owen Marsh" width="800">'), ""),
    (_row('<img class="avatar" src="/img/a.png" alt="Plantcare Team" width="36">'), ""),
    (_row('<img class="avatar" src="/img/a.png" alt="Profile Picture" width="36">'), ""),
    ('<div class="meta"><img class="avatar" src="/a.png" alt="Owen Marsh" width="36"></div>', ""),
    (
        "",
        '<div class="comments"><div class="comment"><img class="avatar" src="/c.png" '
        'alt="Owen Marsh" width="36"><span>Mar 10, 2026</span></div></div>',
    ),
]


def test_an_avatar_beside_the_date_names_the_writer_in_its_alt() -> None:
    """Only a small avatar by the date in the headline's box, its alt a person's name: the
    story's photographs and the readers' avatars name nobody."""
    img = '<img class="author-avatar" src="/people/ines.jpg" alt="Ines Calloway" width="36">'
    article = extract(_page(_row(img)), URL)
    assert (article.author, article.rules["author"]) == ("Ines Calloway", "generic:avatar")
    for meta_row, after_text in _NO_WRITER:
        assert extract(_page(meta_row, after_text), URL).author is None, meta_row or after_text
