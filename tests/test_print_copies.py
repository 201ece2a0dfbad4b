"""Print copies at addresses that name no original (``/print/501``, ``/novini/print/502``,
``print.php?id=503``, ``/bg/print.aspx?NewsID=504``, ``/pechat/505``): the news list of the
site below and each article page link every article's "Версия за печат", and a crawl
archives each article once, asks for no print copy an item links beside its headline,
still follows a print copy that is an item's only link, and still archives a real article
whose address merely holds "print" (a printing-house story at
``/novini/printirane-na-knigi``).

Measured on this site with a profile whose article pattern takes any number (as a
pattern of ``\\d+`` does): 12 rows and 16 requests before (all five copies asked, those of
503, 504 and 505 archived as articles of their own, those of 501 and 502, naming their
original by canonical and og:url, folded into it; the lone copy 508 archived at
``/print/508``, its "Обратно към статията" unread), 9 rows and 11 requests after (one row
per article: no copy asked but the three an item links alone, 506 and 508 under their
originals, 507, naming none, at its own address). Crawled from a bare profile: 6 rows and
13 requests, no copy asked, before and after (the items' learned shape leaves the copies
out already, and the three items of no headline link with them).

One local server answers for the site (``pageserver.answering``), its pages written here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.anchors import says_print
from newsarchive.discover.cards import text_words
from newsarchive.discover.listings import article_links
from newsarchive.extraction import extract
from newsarchive.models import Profile

from .mirror_sites import bare_profile
from .pageserver import answering
from .support import Result

ORIGIN = "https://obshtina-zelenika.bg"
NAME = "Община Зеленика"
GONE = "<html><body><h1>Няма такава страница</h1></body></html>"

# article number -> (slug, the print copy's address its page links, how the link reads)
ARTICLES: dict[int, tuple[str, str, str]] = {
    501: ("remont-na-ulitsi", "/print/501", "Версия за печат"),
    502: ("novi-detski-ploshtadki", "/novini/print/502", "Печат"),
    503: ("byudzhet-za-chitalishtata", "/print.php?id=503", "Print"),
    504: ("sesiya-na-obshtinskiya-savet", "/bg/print.aspx?NewsID=504", "Printer friendly"),
    505: ("zalesyavane-na-parka", "/pechat/505", "🖶"),
}
# items the list links by their print copy alone (the headline no link): 506's copy names
# its original by canonical, 508's by a link "« Обратно към статията", 507's names none
ONLY_COPIES: dict[int, str] = {506: "/print/506", 507: "/print/507", 508: "/print/508"}
# a story about a printing house: "print" in its address, an article all the same
PRINTING = "/novini/printirane-na-knigi"
PRINTING_TITLE = "Печатницата на Зеленика отпечата 20 книги"


def _page(title: str, main: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>{title}'
        f'</title>{head}</head><body><header><a href="/">Начало</a> '
        '<a href="/novini">Новини</a> <a href="/kontakti">Контакти</a></header>'
        f"<main>{main}</main><footer>© {NAME}</footer></body></html>"
    )


def _text(n: int) -> str:
    return "".join(
        f"<p>Общината на Зеленика съобщава решение {k} по преписка {n}: ремонтът на"
        " улиците продължава, а читалищата получават нов бюджет за годината.</p>"
        for k in range(1, 5)
    )


def _title(n: int) -> str:
    return f"Новина {n} от общината на Зеленика"


def _original(n: int) -> str:
    slug = ARTICLES[n][0] if n in ARTICLES else "samo-za-pechat"
    return f"/novini/{n}-{slug}"


def _print_link(n: int) -> str:
    """The print link as the site writes it: a label, an icon's class, or the
    ``window.print`` call some themes hang on it."""
    where, label = ARTICLES[n][1:] if n in ARTICLES else (ONLY_COPIES[n], "Версия за печат")
    if n == 505:  # an icon alone: its class says print
        return f'<a class="icon-print" href="{where}" title="Печат">{label}</a>'
    if n == 504:
        return f'<a rel="nofollow" href="{where}" onclick="window.print();return false">{label}</a>'
    return f'<a href="{where}">{label}</a>'


def _named(n: int) -> str:
    """How a print copy names its original, if it does: 501's and 506's by their
    canonical, 502's by its og:url; the others do not."""
    if n in (501, 506):
        return f'<link rel="canonical" href="{ORIGIN}{_original(n)}">'
    if n == 502:
        return f'<meta property="og:url" content="{ORIGIN}{_original(n)}">'
    return ""


def _back(n: int) -> str:
    """508's copy names its original by a link back to it alone."""
    return f'<p><a href="{_original(n)}">« Обратно към статията</a></p>' if n == 508 else ""


def _listing() -> str:
    items = "".join(
        f'<li><h3><a href="{_original(n)}">{_title(n)}</a></h3>'
        f"<span>{n - 490}.11.2026</span> {_print_link(n)}</li>"
        for n in sorted(ARTICLES, reverse=True)
    )
    items += "".join(
        f"<li><h3>{_title(n)}</h3><span>{n - 490}.11.2026</span> {_print_link(n)}</li>"
        for n in sorted(ONLY_COPIES, reverse=True)
    )
    items += f'<li><h3><a href="{PRINTING}">{PRINTING_TITLE}</a></h3><span>10.11.2026</span></li>'
    return _page("Новини", f'<h1>Новини</h1><ul class="news">{items}</ul>')


def answer(url: str) -> tuple[int, dict[str, str], str]:
    """The site: a home page, the news list, each article's page linking its print copy,
    each print copy a bare page of the text under a line of its own."""
    path = url.removeprefix(ORIGIN)
    if path == "/":
        return 200, {}, _page(NAME, "<h1>Добре дошли</h1>")
    if path == "/novini":
        return 200, {}, _listing()
    if path == PRINTING:
        text = "".join(
            f"<p>Печатницата в Зеленика отпечата книга {k} на местни автори; общината"
            " плати хартията, а читалището ще раздаде книгите на училищата.</p>"
            for k in range(1, 5)
        )
        body = (
            f'<article><h1>{PRINTING_TITLE}</h1><time datetime="2026-11-10">10.11.2026'
            f"</time><div>{text}</div></article>"
        )
        return 200, {}, _page(PRINTING_TITLE, body)
    for n in (*ARTICLES, *ONLY_COPIES):
        if path == _original(n):
            body = (
                f'<article><h1>{_title(n)}</h1><time datetime="2026-11-{n - 490:02d}">'
                f"{n - 490}.11.2026</time><div>{_text(n)}</div>"
                f'<p class="tools">{_print_link(n)}</p></article>'
            )
            return 200, {}, _page(_title(n), body)
        if path == (ARTICLES[n][1] if n in ARTICLES else ONLY_COPIES[n]):
            copy = (  # no menus, the text, printed on load
                f'<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>'
                f"{_title(n)} - версия за печат</title>{_named(n)}</head><body onload="
                f'"window.print()"><p>{NAME}: версия за печат</p><h1>{_title(n)}</h1><p>'
                f"{n - 490}.11.2026</p>{_text(n)}<p>Отпечатано от сайта на {NAME}.</p>"
                f"{_back(n)}</body></html>"
            )
            return 200, {}, copy
    return 404, {}, GONE


def _crawl(run_cli: Callable[..., Result], db: Path, profile: Path) -> list[str]:
    """The site crawled once; the URLs it asked, in order."""
    with answering(answer) as (url, asked):
        args = ("crawl", "zelenika", "--profile", str(profile), "--base-url", url)
        result = run_cli(*args, "--delay", "0", "--db", str(db), "--quiet")
        assert result.exit_code == 0, result.stderr
        return list(asked)


def _rows(db: Path) -> list[str]:
    with closing(sqlite3.connect(db)) as conn:
        return sorted(url for (url,) in conn.execute("SELECT url FROM articles"))


COPIES = {ORIGIN + where for _slug, where, _label in ARTICLES.values()}
ORIGINALS = [ORIGIN + _original(n) for n in ARTICLES] + [ORIGIN + PRINTING]


def test_a_pattern_taking_any_number_archives_each_article_once_and_asks_no_copy(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Before: 12 rows (the copies of 503, 504, 505 besides their articles, 508 at its
    own address), 16 requests."""
    profile = tmp_path / "zelenika.toml"
    profile.write_text(
        f'id = "zelenika"\nname = "{NAME}"\norigin = "{ORIGIN}"\n[discovery]\n'
        "start_urls = [\"/novini\"]\narticle_pattern = '\\d+|printirane'\n",
        encoding="utf-8",
    )
    asked = _crawl(run_cli, db, profile)
    # one row per article; the copy linked alone is its item's way in: 506's and 508's
    # under the original their canonical and back link name, 507's (naming none) under
    # its own address
    lone = [ORIGIN + _original(506), ORIGIN + "/print/507", ORIGIN + _original(508)]
    assert _rows(db) == sorted([*ORIGINALS, *lone])
    assert not COPIES & set(asked)
    assert {ORIGIN + where for where in ONLY_COPIES.values()} <= set(asked)
    assert len(asked) == 11  # robots.txt, the list, six articles, the three lone copies


def test_a_bare_profile_archives_each_article_once_and_asks_no_copy(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    asked = _crawl(run_cli, db, bare_profile(tmp_path, "zelenika", NAME, ORIGIN))
    rows = _rows(db)
    assert set(ORIGINALS) <= set(rows)
    assert not COPIES & set(rows)
    assert not COPIES & set(asked)


@pytest.mark.parametrize(
    "link",
    [
        '<a href="/print/1">Печат</a>',
        '<a href="/print/1"> Версия  за печат </a>',
        '<a href="/print/1">Принтирай</a>',
        '<a href="/print/1">Print</a>',
        '<a href="/print/1">Printer-friendly version</a>',
        '<a href="/print/1">Printable version</a>',
        '<a href="/p/1" title="Печат"><img src="printer.png"></a>',
        '<a href="/p/1" class="icon-print">🖶</a>',
        '<a href="/p/1" id="btn_print">⎙</a>',
        '<a href="/p/1"><i class="fa fa-print"></i></a>',
        '<a href="/p/1" rel="nofollow" onclick="window.print(); return false">Отвори</a>',
    ],
)
def test_a_link_presented_as_print_is_a_print_copy(link: str) -> None:
    anchor = LexborHTMLParser(f"<p>{link}</p>").css_first("a")
    assert anchor is not None and says_print(anchor, anchor.attributes, text_words(anchor))


@pytest.mark.parametrize(
    "link",
    [
        f'<a href="{PRINTING}">{PRINTING_TITLE}</a>',  # a story about printing
        '<a href="/novini/pechat-na-byuletini">Печат на бюлетините за изборите</a>',
        '<a href="/print/1">Прочети още</a>',  # "print" in the address alone says nothing
        '<a href="/p/1" class="sprint-news">Спринт в парка</a>',
        '<a href="/p/1" class="blueprint"><img src="a.png"></a>',
        # an id made of the article's slug, a menu's of its section
        f'<a href="{PRINTING}" id="post-printirane-na-knigi"><img src="a.png"></a>',
        '<a href="/collections/art-prints" id="menu-art-prints">Art Prints</a>',
        '<a href="/p/1" class="news-item"><i class="fa fa-print"></i> Новина за печатница</a>',
        # classes saying how the page prints, not that the link prints
        '<a href="/p/1" class="btn d-print-none">Прочети още</a>',
        '<a href="/p/1" class="more no-print hidden-print">Прочети още</a>',
        '<a href="/p/1" class="print:hidden"><img src="a.png"></a>',
        '<a href="/p/1" id="noprint-logo"><i class="visible-print-block"></i></a>',
    ],
)
def test_a_link_merely_near_print_is_no_print_copy(link: str) -> None:
    anchor = LexborHTMLParser(f"<p>{link}</p>").css_first("a")
    assert anchor is not None and not says_print(anchor, anchor.attributes, text_words(anchor))


def test_a_listing_offers_an_items_print_copy_only_when_nothing_else_links_it() -> None:
    profile = Profile(id="zelenika", name=NAME, origin=ORIGIN, article_pattern=r"\d+|printirane")
    found = [c.url for c in article_links(_listing(), ORIGIN + "/novini", profile)]
    assert found == [
        *(ORIGIN + _original(n) for n in sorted(ARTICLES, reverse=True)),
        *(ORIGIN + ONLY_COPIES[n] for n in sorted(ONLY_COPIES, reverse=True)),
        ORIGIN + PRINTING,
    ]


def _copy(back: str, head: str = "") -> str:
    return (
        f"<html><head><title>Ремонт - версия за печат</title>{head}</head><body><h1>Ремонт "
        f"на улиците</h1><p>12.11.2026</p>{_text(501)}{back}</body></html>"
    )


@pytest.mark.parametrize(
    ("back", "head", "named"),
    [
        ('<a href="/novini/501-remont">« Обратно към статията</a>', "", "/novini/501-remont"),
        ('<a href="/novini/501-remont">Към новината</a>', "", "/novini/501-remont"),
        ('<a href="/novini/501-remont">Back to article</a>', "", "/novini/501-remont"),
        # the head's own address first
        (
            '<a href="/novini/501-remont">Към статията</a>',
            f'<link rel="canonical" href="{ORIGIN}/novini/501">',
            "/novini/501",
        ),
        # two "back" links to two pages name neither; words about an article are no label
        ('<a href="/novini/1">Към статията</a> <a href="/novini/2">Към статията</a>', "", ""),
        ('<a href="/novini/1">Прочети статията за печатницата</a>', "", ""),
        # a page of the site's layout: its sidebar card's "към новината" is another article
        (
            "".join(f'<a href="/r/{k}">Раздел {k}</a>' for k in range(5))
            + '<a href="/novini/7">към новината →</a>',
            "",
            "",
        ),  # fmt: skip
    ],
)
def test_a_copy_naming_its_original_by_a_link_back_is_that_article(
    back: str, head: str, named: str
) -> None:
    article = extract(_copy(back, head), ORIGIN + "/print.php?id=501")
    assert article.canonical_url == (ORIGIN + named if named else None)
