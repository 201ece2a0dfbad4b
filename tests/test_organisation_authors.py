"""An organisation that signs a post with its own name, a dash inside it: "РИМ – Камен"
(a town's regional museum), "ОУ „Христо Ботев“ - Дряновец" (a village's school),
"Община Русе - Пресцентър". The dash that ends a person's name before their role or
outlet ("Мария Иванова - кореспондент") was taken to end these too, and "РИМ – Камен"
was archived as "РИМ", which names every regional museum in the country. Every page
here is written for the test.
"""

from __future__ import annotations

import json

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import clean_byline

PROSE = (
    "<p>"
    + "Музеят открива нова изложба с предмети, намерени при разкопките край града. " * 4
    + "</p><p>"
    + "Посетителите могат да я разгледат всеки ден без понеделник до края на месеца. " * 4
    + "</p>"
)


def _page(head: str = "", byline: str = "") -> str:
    return (
        '<!doctype html><html lang="bg"><head><meta charset="utf-8">'
        f"<title>Нова изложба в музея</title>{head}</head><body>"
        "<nav><a href='/'>Начало</a> <a href='/novini/'>Новини</a></nav>"
        '<main><article class="post"><h1>Нова изложба в музея</h1>'
        f'<div class="post-meta">{byline}<span class="date">10.03.2026</span></div>'
        f'<div class="entry-content">{PROSE}</div></article></main></body></html>'
    )


def _json_ld(author: dict[str, str]) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Нова изложба в музея",
        "datePublished": "2026-03-10T10:00:00+02:00",
        "author": author,
    }
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


@pytest.mark.parametrize("kind", ["Person", "Organization"])
@pytest.mark.parametrize(
    "name", ["РИМ – Камен", "Регионален исторически музей – Камен", "Община Русе - Пресцентър"]
)
def test_an_organisations_name_stated_as_the_author_is_kept_whole(kind: str, name: str) -> None:
    """A WordPress site states the account that saved the post as a Person; the museum's
    account is named as the museum is. Stated as an Organization it is the fallback of
    a page that names nobody else, and whole as well."""
    article = extract(_page(head=_json_ld({"@type": kind, "name": name})), "https://rim.bg/n/1")
    assert article.author == name


def test_a_byline_naming_a_school_and_its_village_is_kept_whole() -> None:
    byline = '<span class="author">Автор: ОУ „Христо Ботев“ - Дряновец</span>'
    article = extract(_page(byline=byline), "https://ou-dryanovets.bg/novini/12/")
    assert article.author == "ОУ „Христо Ботев“ - Дряновец"


@pytest.mark.parametrize(
    ("byline", "who"),
    [
        ("Автор: Мария Иванова - кореспондент", "Мария Иванова"),
        ("Мария Иванова – БТА", "Мария Иванова"),
        ("Автор: Иван Петров – Русе", "Иван Петров"),
    ],
)
def test_a_persons_role_outlet_or_town_after_the_dash_still_goes(byline: str, who: str) -> None:
    article = extract(_page(byline=f'<span class="author">{byline}</span>'), "https://x.bg/n/2")
    assert article.author == who


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("РИМ – Камен", "РИМ – Камен"),
        ("РИМ – Камен, 12 март 2026", "РИМ – Камен"),
        ("РЗИ – Русе | 12.03.2026", "РЗИ – Русе"),
        ("Исторически музей – Велико Търново", "Исторически музей – Велико Търново"),
        ("ОУ „ХРИСТО БОТЕВ“ – ДРЯНОВЕЦ", "ОУ „Христо Ботев“ – Дряновец"),
        # the dash ends the name: a person's role, outlet or town; a site's name; a person
        ("Мария Иванова - кореспондент", "Мария Иванова"),
        ("Иван Петров – Русе", "Иван Петров"),
        ("ИВАН ПЕТРОВ – РУСЕ", "Иван Петров"),
        ("д-р Иван Петров – Русе", "д-р Иван Петров"),
        ("Община Русе – Официален сайт", "Община Русе"),
        ("Община Русе – БТА", "Община Русе"),
        ("РИМ – Редактор", "РИМ"),
        ("Пресцентър на Община Русе – Мария Колева", "Пресцентър на Община Русе"),
        ("Jane Doe - Staff Writer", "Jane Doe"),
    ],
)  # fmt: skip
def test_where_the_dash_ends_a_name(text: str, name: str) -> None:
    assert clean_byline(text) == name
    assert clean_byline(text, stated=True) == name
