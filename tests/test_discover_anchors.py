"""Where a link leads: href first, then the URL a script behind it would open."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.anchors import form_address, link_nodes, link_reader, link_target


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


def test_cards_a_script_makes_clickable_by_their_data_address_are_links() -> None:
    """A theme binding a click handler to every ``[data-url]`` (or ``data-href``,
    ``data-link``) card makes each card a link to that address, in document order among
    the ``<a>``s; a script, a button or an embed holding such an attribute is no link."""
    tree = LexborHTMLParser(
        '<body><a href="/">Начало</a>'
        '<div class="card" data-url="/novini/5-park"><h3>Парк</h3></div>'
        '<li data-link="/novini/6-most">Мост</li><article data-href="/novini/7-pazar">П</article>'
        '<script data-url="/api/posts"></script><button data-url="/more">Още</button>'
        '<iframe data-url="/widget"></iframe></body>'
    )
    targets = [link_target(node) for node in link_nodes(tree)]
    assert targets == ["/", "/novini/5-park", "/novini/6-most", "/novini/7-pazar"]


def test_a_cards_get_form_of_hidden_fields_and_one_button_is_a_link() -> None:
    """A card whose only way to its article is ``<form action="novina.php" method="get">``
    of a hidden ``id`` and "Прочети повече »" links what a click asks for,
    ``novina.php?id=57``, in document order among the ``<a>``s (before: no link, and
    grozdovo's bare crawl found no listing of news). A search form (a word to fill), a
    POST, a form of no hidden field or of a link of its own leads nowhere by itself."""
    tree = LexborHTMLParser(
        '<body><a href="/">Начало</a>'
        '<form action="tarsene.php" method="get"><input type="hidden" name="s" value="1">'
        '<input type="text" name="q"><input type="submit" value="Търси"></form>'
        '<div class="novina"><h3>Парк</h3><form action="novina.php" method="get">'
        '<input type="hidden" name="id" value="57"><input type="submit" value="Прочети »">'
        "</form></div>"
        '<li><h4>Мост</h4><p><form action="novina.php"><input type="hidden" name="id" value="58">'
        '<button name="vid" value="pulen">Прочети »</button></form></p></li>'
        '<form action="glas.php" method="post"><input type="hidden" name="id" value="57">'
        '<input type="submit" value="Гласувай"></form>'
        '<form action="novini.php"><input type="submit" value="Всички"></form>'
        '<form><input type="hidden" name="id" value="59"><a href="/x">X</a>'
        '<input type="submit"></form></body>'
    )
    targets = [link_target(node) for node in link_nodes(tree)]
    assert targets == ["/", "novina.php?id=57", "novina.php?id=58&vid=pulen", "/x"]


def test_only_a_cards_read_more_form_is_a_link() -> None:
    """A page's other GET forms of hidden fields and one button are no links: a login's
    return address, a sign-out's token, a language switch, a tag search, a header's form
    beside the site's name; nor is a card's form whose button says something else, or a
    list's one heading over many forms (before: every one of them was a link, and a
    crawler following them signed out or switched the site's language)."""
    tree = LexborHTMLParser(
        '<body><header><h1>Вестник</h1><form action="/"><input type="hidden" name="lang"'
        ' value="en"><input type="submit" value="Още"></form></header>'
        '<div class="top"><h2>Вход</h2><form action="/login"><input type="hidden"'
        ' name="return" value="/novini/5"><button>Вход</button></form></div>'
        '<div class="user"><span class="title">Иван</span><form action="/logout">'
        '<input type="hidden" name="token" value="abc"><button>Виж още</button></form></div>'
        '<div class="tag"><h3>Спорт</h3><form action="/search"><input type="hidden"'
        ' name="tag" value="спорт"><button>Виж</button></form></div>'
        '<div class="novina"><h3>Парк</h3><p>Паркът е готов.</p><form action="novina.php">'
        '<input type="hidden" name="id" value="57"><input type="submit"'
        ' value="Прочети повече »"></form></div>'
        '<div class="novina"><h3>Мост</h3><form action="glas.php"><input type="hidden"'
        ' name="id" value="58"><input type="submit" value="Гласувай"></form></div>'
        '<article><h3 class="title">Пазар</h3><div><p><form action="novina.php">'
        '<input type="hidden" name="id" value="59"><button>Read more</button></form>'
        "</p></div></article>"
        '<ul><h2>Архив</h2><li><form action="arhiv.php"><input type="hidden" name="g"'
        ' value="2024"><button>Виж</button></form></li><li><form action="arhiv.php">'
        '<input type="hidden" name="g" value="2023"><button>Виж</button></form></li></ul>'
        "</body>"
    )
    targets = [link_target(node) for node in link_nodes(tree)]
    assert targets == ["novina.php?id=57", "novina.php?id=59"]


def test_a_forms_action_repeating_the_pages_folder_is_read_from_the_root() -> None:
    """A GET form's action read as the page's links are (``link_reader``): a theme's
    ``action="novini/arhiv.php"`` on ``/novini/`` asks for ``/novini/arhiv.php``, not
    ``/novini/novini/arhiv.php``; under a ``<base href>`` it is read as written, and a
    form without one asks for the page itself."""
    page = "https://x.bg/novini/"
    for action, base, expected in (
        ("novini/arhiv.php", "", "https://x.bg/novini/arhiv.php?godina=2026"),
        ("arhiv.php", "", "https://x.bg/novini/arhiv.php?godina=2026"),
        (
            "novini/arhiv.php",
            '<base href="https://x.bg/">',
            "https://x.bg/novini/arhiv.php?godina=2026",
        ),
        ("", "", "https://x.bg/novini/?godina=2026"),
    ):
        tree = LexborHTMLParser(
            f'<html><head>{base}</head><body><form action="{action}"></form></body></html>'
        )
        form = tree.css_first("form")
        assert form is not None
        assert form_address(form, [("godina", "2026")], link_reader(tree, page)) == expected, action
