"""A page's other copies a site marks in the query: "Версия за слабовиждащи" leading from
``/novini/5`` to ``/novini/5?v=sv``, "Текстова версия" to ``?text=1``. The field a page's
own link to its copy adds (``anchors.copy_marks``) is the site's copy mark; an address
carrying it is read as the page it is a copy of (``urls.without_copy_marks``), so a
sitemap listing every page beside its copy has each article asked once. A field that may
name a page of its own (a page's number, an id, WordPress's ``p``) is never a mark,
whatever the link says, and a link whose label names no copy teaches nothing.

Measured on round 50's ``ravnogor`` (every page linking its ``?v=sv`` and ``?print=1``
copies, the sitemap listing all three): a first crawl of 27 requests before (each
article's ``?v=sv`` copy fetched after it, "9 unchanged"), 18 after.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.anchors import copy_marks, names_a_copy
from newsarchive.discover.explore import Discovery
from newsarchive.discover.urls import copy_mark, without_copy_marks
from newsarchive.mirror import MirrorServer

from .mirror_sites import article_rows, mirror_crawls
from .support import Result

PAGE = "https://selo.bg/novini/5-remont"


def _marks(links: str, page: str = PAGE) -> list[str]:
    return copy_marks(LexborHTMLParser(f"<html><body>{links}</body></html>"), page)


@pytest.mark.parametrize(
    ("link", "mark"),
    [
        ('<a href="?v=sv">Версия за слабовиждащи</a>', "v=sv"),
        ('<a href="/novini/5-remont?v=sv" title="Версия за слабовиждащи">A+</a>', "v=sv"),
        ('<a href="/novini/5-remont?text=1">Текстова версия</a>', "text=1"),
        (
            '<a href="/novini/5-remont?mode=lowvision" aria-label="For the visually impaired">'
            '<i class="icon-eye"></i></a>',
            "mode=lowvision",
        ),  # fmt: skip
        ('<a href="/novini/5-remont?view=print">Версия за печат</a>', "view=print"),
        ('<a href="/novini/5-remont?m=1">Мобилна версия</a>', "m=1"),
        (
            '<a href="/novini/5-remont?tmpl=component&amp;view=print">Печат</a>',
            "tmpl=component&view=print",
        ),  # fmt: skip
    ],
)
def test_a_link_to_the_pages_own_copy_teaches_its_mark(link: str, mark: str) -> None:
    assert _marks(link) == [mark]


@pytest.mark.parametrize(
    "link",
    [
        # a copy's label, but the field may name a page of its own
        '<a href="/novini/5-remont?page=2">Версия за слабовиждащи</a>',
        '<a href="/novini/5-remont?id=7">Текстова версия</a>',
        '<a href="/novini/5-remont?p=12">Мобилна версия</a>',
        '<a href="/novini/5-remont?lang=en">Text version</a>',
        # the page's address plus a field, but the label names no copy
        '<a href="/novini/5-remont?v=sv">Слабовиждащите деца получиха помощ</a>',
        '<a href="/novini/5-remont?page=2">Следваща »</a>',
        '<a href="/novini/5-remont?v=sv">A+</a>',
        # a copy's label on a link to another page
        '<a href="/novini/6-park?v=sv">Версия за слабовиждащи</a>',
        # a print flag the normal form drops already: the page itself
        '<a href="/novini/5-remont?print=1">Версия за печат</a>',
    ],
)
def test_no_mark_is_learned_of_any_other_link(link: str) -> None:
    assert _marks(link) == []


def test_a_list_pages_copy_keeps_its_page_number_and_adds_the_mark() -> None:
    page = "https://selo.bg/novini?page=2"
    assert _marks('<a href="/novini?page=2&amp;v=sv">Версия за слабовиждащи</a>', page) == ["v=sv"]
    assert copy_mark(page, "https://selo.bg/novini?v=sv") is None  # (its page 1's copy)


@pytest.mark.parametrize(
    ("url", "original"),
    [
        ("https://selo.bg/novini/5-remont?v=sv", "https://selo.bg/novini/5-remont"),
        ("https://selo.bg/novini?page=2&v=sv", "https://selo.bg/novini?page=2"),
        ("https://selo.bg/novini/5-remont", "https://selo.bg/novini/5-remont"),
        # another value of the field is no copy
        ("https://selo.bg/novini/5-remont?v=2", "https://selo.bg/novini/5-remont?v=2"),
        # a bare script keeps the field it would otherwise be left without
        ("https://selo.bg/index.php?v=sv", "https://selo.bg/index.php?v=sv"),
        ("https://selo.bg/news.php?id=5&v=sv", "https://selo.bg/news.php?id=5"),
    ],
)
def test_an_address_carrying_a_mark_is_the_page_it_copies(url: str, original: str) -> None:
    assert without_copy_marks(url, ["v=sv"]) == original


def test_a_mark_of_two_fields_is_dropped_only_whole() -> None:
    marks = ["tmpl=component&view=print"]
    assert without_copy_marks("https://selo.bg/a?id=5&tmpl=component&view=print", marks) == (
        "https://selo.bg/a?id=5"
    )
    assert without_copy_marks("https://selo.bg/a?id=5&tmpl=component", marks) == (
        "https://selo.bg/a?id=5&tmpl=component"
    )


def test_a_headline_is_no_copys_label() -> None:
    headline = "Версия за слабовиждащи на сайта на общината вече е достъпна за всички жители"
    tree = LexborHTMLParser(f'<a href="/x?v=sv">{headline}</a>')
    anchor = tree.css_first("a")
    assert anchor is not None and not names_a_copy(anchor)


@pytest.mark.parametrize(
    ("link", "mark"),
    [
        ('<a href="/sv/novini/5-remont">Версия за слабовиждащи</a>', "/sv"),
        ('<a href="/print/novini/5-remont" rel="nofollow">Версия за печат</a>', "/print"),
        ('<a href="/text/novini/5-remont">Текстова версия</a>', "/text"),
        ('<a href="https://selo.bg/m/novini/5-remont">Мобилна версия</a>', "/m"),
    ],
)
def test_a_link_to_the_pages_copy_under_a_prefix_teaches_the_prefix(link: str, mark: str) -> None:
    assert _marks(link) == [mark]


@pytest.mark.parametrize(
    ("link", "page"),
    [
        # another page under the prefix, two segments, a number, a file, the query changed
        ('<a href="/sv/novini/6-park">Версия за слабовиждащи</a>', PAGE),
        ('<a href="/a/sv/novini/5-remont">Версия за слабовиждащи</a>', PAGE),
        ('<a href="/2/novini/5-remont">Версия за слабовиждащи</a>', PAGE),
        ('<a href="/sv.php/novini/5-remont">Версия за слабовиждащи</a>', PAGE),
        ('<a href="/sv/novini/5-remont?page=2">Версия за слабовиждащи</a>', PAGE),
        # the page's path under a prefix, but the label names no copy
        ('<a href="/en/novini/5-remont">English</a>', PAGE),
        ('<a href="/arhiv/novini/5-remont">Архив</a>', PAGE),
        # of the site's root: its /sv/ may be a section of its own
        ('<a href="/sv/">Версия за слабовиждащи</a>', "https://selo.bg/"),
    ],
)
def test_no_prefix_is_learned_of_any_other_link(link: str, page: str) -> None:
    assert _marks(link, page) == []


@pytest.mark.parametrize(
    ("url", "original"),
    [
        ("https://selo.bg/sv/novini/5-remont", "https://selo.bg/novini/5-remont"),
        ("https://selo.bg/sv/novini?page=2", "https://selo.bg/novini?page=2"),
        ("https://selo.bg/sv/", "https://selo.bg/"),
        ("https://selo.bg/sv/5-remont?v=sv", "https://selo.bg/5-remont"),
        # the prefix only as the path's first segment, whole
        ("https://selo.bg/novini/sv/5-remont", "https://selo.bg/novini/sv/5-remont"),
        ("https://selo.bg/svetlina/5-remont", "https://selo.bg/svetlina/5-remont"),
        ("https://selo.bg/sv", "https://selo.bg/sv"),
    ],
)
def test_an_address_under_a_prefix_mark_is_the_page_it_copies(url: str, original: str) -> None:
    assert without_copy_marks(url, ["/sv", "v=sv"]) == original


def test_a_discovery_stored_before_prefix_marks_loads_and_keeps_them_apart() -> None:
    """One list of marks: a prefix is kept after a "/", which no query field starts with,
    so a record written before prefixes were learned loads as it was, and a query mark
    never strips a path."""
    old = Discovery.from_json('{"listings": ["https://selo.bg/novini"], "copy_marks": ["v=sv"]}')
    assert old.copy_marks == ("v=sv",)
    both = Discovery.from_json(replace(old, copy_marks=("v=sv", "/sv")).to_json())
    assert both.copy_marks == ("v=sv", "/sv")
    assert without_copy_marks("https://selo.bg/v=sv/x", ["v=sv"]) == "https://selo.bg/v=sv/x"


# A village's site of our own, whose articles live at the root (``/<id>-<slug>``) and
# whose copy for the partially sighted, under ``/sv/``, repeats every page; every page
# links its copy, and the sitemap lists both. Articles at the root teach a shape that
# the copies' addresses fit too.
_ORIGIN = "https://kamenitsa-selo.bg"
_STORIES = [
    (7301 + k, slug, title, f"{20 + k}.11.2026")
    for k, (slug, title) in enumerate(
        [
            ("remont-na-cheshmata", "Ремонт на чешмата на площада"),
            ("nov-uchebna-godina", "Нови чинове за училището"),
            ("sabor-na-seloto", "Съборът на селото ще бъде в неделя"),
            ("pochistvane-na-rekata", "Доброволци почистиха реката"),
            ("nova-linia-avtobus", "Нова автобусна линия до града"),
            ("biblioteka-knigi", "Читалището получи нови книги"),
        ]
    )
]


def _site_page(path: str, title: str, content: str, sv: str) -> str:
    """A page at ``path`` as the site (``sv=""``) or its copy (``sv="/sv"``) shows it."""
    top = (
        f'<a href="{path}">Нормална версия</a>'
        if sv
        else f'<a href="/sv{path}">Версия за слабовиждащи</a>'
    )
    menu = " ".join(
        f'<a href="{sv}{href}">{name}</a>'
        for href, name in (("/", "Начало"), ("/novini", "Новини"), ("/kontakti", "Контакти"))
    )
    return (
        f'<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>{title} | '
        f"Кметство Каменица</title></head><body><header>{top}<nav>{menu}</nav></header>"
        f"<main>{content}</main><footer><p>Кметство Каменица, ул. „Първа“ 1, телефон"
        " 0700 1 00 00.</p></footer></body></html>"
    ).replace("{sv}", sv)


def _build_site(root: Path) -> None:
    """The village's site, its copy and its sitemap, written under ``root``."""
    paths: list[str] = []

    def both(path: str, title: str, content: str) -> None:
        file = "index" if path == "/" else path.strip("/")
        for sv in ("", "/sv"):
            (root / f"{sv.strip('/')}/{file}.html".lstrip("/")).parent.mkdir(
                parents=True, exist_ok=True
            )
            (root / f"{sv.strip('/')}/{file}.html".lstrip("/")).write_text(
                _site_page(path, title, content, sv), encoding="utf-8"
            )
            paths.append(_ORIGIN + (sv + path if path != "/" else sv + "/"))

    cards = "\n".join(
        f'<div class="novina"><h3><a href="{{sv}}/{n}-{slug}">{title}</a></h3>'
        f'<span class="data">{day}</span></div>'
        for n, slug, title, day in reversed(_STORIES)
    )
    both("/", "Начало", f"<h1>Кметство Каменица</h1><h2>Новини</h2>{cards}")
    both("/novini", "Новини", f"<h1>Новини</h1>{cards}")
    both("/kontakti", "Контакти", "<h1>Контакти</h1><p>Работно време: от 8 до 17 часа.</p>")
    for n, slug, title, day in _STORIES:
        body = (
            f"<p>Кметството съобщава, че {title.lower()}. Жителите са поканени да"
            " научат повече на таблото пред кметството или по телефона.</p><p>Работата"
            " е част от плана на селото за годината и се плаща от общинския бюджет.</p>"
        )
        both(
            f"/{n}-{slug}",
            title,
            f'<article><h1>{title}</h1><p class="data">{day}</p>{body}</article>',
        )
    urls = "".join(f"<url><loc>{url}</loc></url>" for url in paths)
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
        f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>',
        encoding="utf-8",
    )
    (root / "robots.txt").write_text(
        f"User-agent: *\nDisallow:\n\nSitemap: {_ORIGIN}/sitemap.xml\n", encoding="utf-8"
    )


def _articles() -> list[str]:
    return sorted(f"{_ORIGIN}/{n}-{slug}" for n, slug, _, _ in _STORIES)


def test_a_first_crawl_asks_no_copy_under_a_prefix_its_pages_link(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Exploring reads the home page's and the list's links to their copies under
    ``/sv/``, so the sitemap's ``/sv/<id>-<slug>`` (the articles' own shape, a segment
    before) are read as the articles they copy: each asked once, no copy at all."""
    root = tmp_path / "kamenitsa"
    _build_site(root)
    with mirror_crawls(
        run_cli, db, tmp_path, "kamenitsa", "Кметство Каменица", _ORIGIN, root=root
    ) as crawls:
        asked = crawls.crawl()
    assert not [path for path in asked if path.startswith("/sv")], asked
    assert sorted(article_rows(db)) == _articles()
    assert all(asked.count(url.removeprefix(_ORIGIN)) == 1 for url in _articles()), asked


def test_a_profile_naming_its_sources_learns_the_prefix_of_its_list(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A profile naming the list and the sitemap is never explored: the list's first
    page, read anyway, links its copy under ``/sv/``, and that teaches the prefix before
    the sitemap is read."""
    root = tmp_path / "kamenitsa"
    _build_site(root)
    profile = tmp_path / "kamenitsa.toml"
    profile.write_text(
        f'id = "kamenitsa"\nname = "Кметство Каменица"\norigin = "{_ORIGIN}"\n'
        '[discovery]\nstart_urls = ["/novini"]\nsitemaps = ["/sitemap.xml"]\n',
        encoding="utf-8",
    )
    with MirrorServer(root) as server:
        args = ("crawl", "kamenitsa", "--profile", str(profile), "--base-url", server.url)
        result = run_cli(*args, "--delay", "0", "--db", str(db))
        asked = list(server.requests)
    assert result.exit_code == 0, result.stderr
    assert not [path for path in asked if path.startswith("/sv")], asked
    assert sorted(article_rows(db)) == _articles()
