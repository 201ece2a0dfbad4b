"""A page's canonical link read by the rule its links are read by (``anchors.link_reader``:
a path-relative one repeating the page's folders from the site's root, one under a
``<base href>`` against it), its spelling kept as ``urljoin`` gives it."""

from __future__ import annotations

import pytest

from newsarchive.extraction import extract

PROSE = "Общинският съвет прие бюджета на града за следващата година след дълъг дебат. " * 5


def _page(head: str) -> str:
    return (
        f'<html lang="bg"><head>{head}<title>Бюджетът е приет</title></head><body><article>'
        f"<h1>Бюджетът е приет</h1><p>12.03.2025</p><p>{PROSE}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "canonical"),
    [
        # a theme's slash-less path repeating the page's folder: from the site's root
        ('<link rel="canonical" href="novini/1480-byudzhet">', "https://x.bg/novini/1480-byudzhet"),
        # one repeating no folder: against the page, as a browser reads it
        ('<link rel="canonical" href="1480-byudzhet">', "https://x.bg/novini/1480-byudzhet"),
        # under a <base href>: against it, as written, in the spelling urljoin gives
        ('<base href="https://X.bg/Нов/"><link rel="canonical" href="novini/1480-byudzhet">',
         "https://X.bg/Нов/novini/1480-byudzhet"),
        # an empty <base href> says nothing: the page's own rule
        ('<base href=" "><link rel="canonical" href="novini/1480-byudzhet">',
         "https://x.bg/novini/1480-byudzhet"),
    ],
)  # fmt: skip
def test_a_canonical_link_is_read_as_the_pages_links_are(head: str, canonical: str) -> None:
    assert extract(_page(head), "https://x.bg/novini/1479-sesiya").canonical_url == canonical
