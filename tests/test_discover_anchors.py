"""Where a link leads: href first, then the URL a script behind it would open."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.anchors import link_target


def _target(anchor: str) -> str | None:
    node = LexborHTMLParser(f"<body>{anchor}</body>").css_first("a")
    assert node is not None
    return link_target(node)


@pytest.mark.parametrize(
    ("anchor", "expected"),
    [
        ('<a href="/n/1" onclick="track(\'/x\')">t</a>', "/n/1"),
        (
            '<a href="javascript: void(0)" '
            "onclick=\"ShowWindow('/news?id=7', 'w', 550, 460)\">t</a>",
            "/news?id=7",
        ),
        (
            '<a href="javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions('
            "&quot;ctl00$list$ctl02$title&quot;, &quot;&quot;, false, &quot;&quot;, "
            '&quot;/News.aspx?pageid=4&amp;newsid=12&quot;, false, true))">t</a>',
            "/News.aspx?pageid=4&newsid=12",
        ),
        ('<a href="#" onclick="location.href=\'Novina.aspx?id=3\'">t</a>', "Novina.aspx?id=3"),
        ("<a href=\"javascript:__doPostBack('ctl00$pager','Page$2')\">2</a>", None),
        ("<a href=\"javascript:showSubMenu('id239b')\">Меню</a>", None),
        ("<a name='top'>t</a>", None),
    ],
)
def test_link_target(anchor: str, expected: str | None) -> None:
    assert _target(anchor) == expected
