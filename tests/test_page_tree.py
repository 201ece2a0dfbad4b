# ruff: noqa: E501  (HTML snippets read better on one line)
"""A page parsed once on the crawl's path (``harvest.judge``): the readers that need the
page as fetched (the next page of a split article, the items of a page of items) read the
one tree before a profile's rules change it, or a page parsed again where they did."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.crawl_run import Outcome
from newsarchive.extraction.pipeline import changes_tree, extract
from newsarchive.harvest import judge, read_whole
from newsarchive.markup import page_tree
from newsarchive.models import Page, Profile
from newsarchive.streamed import MOST_MOVES

ORIGIN = "https://obshtina.example.bg"
PARAGRAPH = "Общинският съвет прие бюджета на общината за следващата година след дълъг дебат."


def _page(url: str, html: str) -> Page:
    return Page(
        url=url, final_url=url, status=200, headers={"content-type": "text/html"},
        content=html.encode(), text=html, encoding="utf-8",
        fetched_at=dt.datetime(2026, 5, 20, tzinfo=dt.UTC),
    )  # fmt: skip


def _article(number: int, pager: str) -> str:
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Бюджетът</title></head><body>"
        f"<div class='post'><h1>Бюджетът за 2027 година</h1><p>Страница {number}. {PARAGRAPH}</p>"
        f"<p>Втори абзац на страница {number}. {PARAGRAPH}</p>"
        f"<div class='pagination'>{pager}</div></div></body></html>"
    )


def test_a_split_article_is_joined_though_its_profile_drops_the_pager_from_the_body() -> None:
    """The profile's body selector reads the post without its pager (furniture): the
    next page is still found, on the page as fetched."""
    profile = Profile(id="obshtina", name="Община", origin=ORIGIN, body_selectors=("div.post",))
    url = f"{ORIGIN}/statii/byudzhet"
    first = _page(url, _article(1, f'<span>1</span> <a href="{url}?page=2">2</a>'))
    second = _page(f"{url}?page=2", _article(2, f'<a href="{url}">1</a> <span>2</span>'))
    assert changes_tree(profile)
    verdict = judge(url, first, profile, None)
    assert verdict.article is not None and verdict.next_page == f"{url}?page=2"
    whole, parts = read_whole(
        verdict.article, first, verdict.next_page,
        {second.url: second}.get, lambda html, at, tree: extract(html, at, profile=profile, tree=tree),
    )  # fmt: skip
    assert [part.url for part in parts] == [second.url]
    assert whole.text.split("\n") == [
        f"Страница 1. {PARAGRAPH}", f"Втори абзац на страница 1. {PARAGRAPH}",
        f"Страница 2. {PARAGRAPH}", f"Втори абзац на страница 2. {PARAGRAPH}",
    ]  # fmt: skip


ITEMS = "".join(
    f"<a name='{anchor}'></a><h3>{title}</h3><p><em>{day:02}.03.2026 г.</em></p><p>{PARAGRAPH} {PARAGRAPH}</p>"
    for anchor, title, day in (
        ("vodoprovod", "Събрание на жителите за водопровода", 12),
        ("pochistvane", "Пролетно почистване на селото", 5),
        ("marta", "Баба Марта в детската градина", 1),
    )
)


def test_the_items_of_a_page_are_read_from_the_page_as_fetched_not_as_the_profile_left_it() -> None:
    """A profile dropping the empty anchors shapes the page's text, not its items: each
    keeps the anchor the page gives it."""
    html = (
        "<html><head><title>Новини</title></head><body><div id='content'><h1>Новини</h1>"
        f"{ITEMS}</div></body></html>"
    )
    url = f"{ORIGIN}/novini.php"
    for profile in (
        Profile(id="selo", name="Село", origin=ORIGIN),
        Profile(id="selo", name="Село", origin=ORIGIN, drop_selectors=("a[name]",)),
    ):
        verdict = judge(url, _page(url, html), profile, None)
        assert [item.anchor for item in verdict.items] == ["vodoprovod", "pochistvane", "marta"]


OBITUARY = (
    "<html><head><title>Почина Мария Генова</title></head><body>"
    "<nav class='breadcrumb'><a href='/'>Начало</a> › <a href='/nekrolozi'>Некролози</a></nav>"
    "<div class='post'><h1>Почина Мария Генова, дългогодишна учителка в селото</h1>"
    f"<p>{PARAGRAPH}</p><p>Втори абзац. {PARAGRAPH}</p></div></body></html>"
)


def test_a_profiled_page_is_parsed_once_and_still_read_for_what_it_files_itself_under(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A profile whose rules drop the page's breadcrumb (its tree changed by extraction):
    the section the page files itself under, "Некролози", is still read from the page as
    fetched, and the page is parsed once, where every article of a profiled site was
    parsed a second time for it. A page in Bulgarian with a long headline asks nothing
    else of the page as fetched."""
    import newsarchive.harvest as harvest

    parsed: list[str] = []

    def counted(html: str) -> object:
        parsed.append(html)
        return page_tree(html)

    monkeypatch.setattr(harvest, "page_tree", counted)
    url = f"{ORIGIN}/novini/pochina-mariya-genova"
    for profile, drops in (
        (Profile(id="obshtina", name="Община", origin=ORIGIN), False),
        (Profile(id="obshtina", name="Община", origin=ORIGIN, drop_selectors=("nav",)), True),
        (Profile(id="obshtina", name="Община", origin=ORIGIN, body_selectors=("div.post",)), True),
    ):
        parsed.clear()
        assert changes_tree(profile) is drops
        verdict = judge(url, _page(url, OBITUARY), profile, None)
        assert verdict.outcome is Outcome.NOT_NEWS, verdict
        assert "filed under 'Некролози'" in verdict.message
        assert len(parsed) == 1


def test_the_generic_rules_leave_the_tree_they_are_given_as_it_was() -> None:
    """What ``judge`` counts on to read a page's items after extraction from the tree
    extraction read: scripts, hidden elements and furniture are skipped, not removed."""
    html = (
        "<html><head><title>Новини</title><script>var x = 1;</script></head><body>"
        "<nav class='menu'><a href='/'>Начало</a></nav><div hidden>скрито</div>"
        f"<article><h1>Бюджетът</h1><p>{PARAGRAPH}</p><div class='share'>Споделете</div>"
        "<style>p {}</style></article><footer class='footer'>©</footer></body></html>"
    )
    generic = Profile(id="generic", name="generic", origin="http://localhost")
    assert not changes_tree(generic)
    tree = page_tree(html)
    before = tree.html
    article = extract(html, f"{ORIGIN}/a", tree=tree)
    assert article.text == PARAGRAPH
    assert tree.html == before


def test_a_streamed_part_takes_its_placeholder_and_the_fallback_goes() -> None:
    html = (
        '<body><main><p>Начало</p><!--$?--><template id="B:0"></template><p>Зареждане</p><!--/$-->'
        '<p>Край</p></main><div hidden id="S:0"><p>Среда</p></div><script>$RC("B:0","S:0")</script></body>'
    )
    main = page_tree(html).css_first("main")
    assert main is not None
    assert [p.text() for p in main.css("p")] == ["Начало", "Среда", "Край"]


def test_a_fallback_without_its_closing_mark_is_kept() -> None:
    html = (
        '<body><main><template id="B:0"></template><p>Зареждане</p><p>Край</p></main>'
        '<div hidden id="S:0"><p>Среда</p></div><script>$RC("B:0","S:0")</script></body>'
    )
    main = page_tree(html).css_first("main")
    assert main is not None
    assert [p.text() for p in main.css("p")] == ["Среда", "Зареждане", "Край"]


def test_a_page_without_streamed_parts_is_parsed_as_it_is() -> None:
    html = '<body><main><template id="B:0"></template><p>Край</p></main></body>'
    body = page_tree(html).body
    assert body is not None and body.html == html


def test_parts_with_no_placeholder_in_the_page_stay_where_they_are() -> None:
    """A saved copy without React's templates (its scripts naming the moves or not): no
    part has a place to go, and the page is read as it is."""
    html = (
        '<body><main><p>Начало</p></main><div hidden="" id="S:0"><p>Среда</p></div>'
        '<script>$RC("B:0","S:0")</script></body>'
    )
    body = page_tree(html).body
    assert body is not None and body.html == html


def test_parts_past_the_most_a_page_is_moved_stay_where_they_were() -> None:
    count = MOST_MOVES + 5
    places = "".join(f'<template id="B:{n:x}"></template>' for n in range(count))
    parts = "".join(f'<div hidden id="S:{n:x}"><p>Част {n}</p></div>' for n in range(count))
    tree = page_tree(f"<body><main>{places}</main><footer>f</footer>{parts}</body>")
    main = tree.css_first("main")
    assert main is not None
    assert [p.text() for p in main.css("p")] == [f"Част {n}" for n in range(MOST_MOVES)]
    assert len(tree.css("div[hidden]")) == 5


def test_parts_placed_in_parts_are_moved_only_so_deep() -> None:
    chain = "".join(
        f'<div hidden id="S:{n:x}"><p>Част {n}</p><template id="P:{n + 1:x}"></template></div>'
        for n in range(12)
    )
    tree = page_tree(f'<body><main><template id="P:0"></template></main>{chain}</body>')
    main = tree.css_first("main")
    assert main is not None
    assert [p.text() for p in main.css("p")] == [f"Част {n}" for n in range(8)]
    assert [p.text() for p in tree.css("div[hidden] > p")] == [f"Част {n}" for n in range(8, 12)]


def test_the_rules_after_a_profile_changed_the_tree_read_no_element_it_removed() -> None:
    """The page's ``<time>`` elements and h1s are listed once, before a profile's drop
    selectors remove boxes; the title and date rules that run after (a headline above the
    body, then the date near it) read the tree as it is: the ``<time>`` in a dropped box
    dated the article (and was a freed node)."""
    html = (
        "<html><head><title>Община Село - Новини</title></head><body>"
        "<div class='x'><time datetime='2026-01-05'>5 януари 2026</time></div>"
        f"<article><p><b>Бюджетът е приет</b></p><p>{PARAGRAPH}</p></article></body></html>"
    )
    profile = Profile(
        id="selo",
        name="Село",
        origin=ORIGIN,
        drop_selectors=("div.x",),
        body_selectors=("article",),
    )
    article = extract(html, f"{ORIGIN}/novini/5", profile=profile)
    assert article.rules["title"] == "generic:above-body", article.rules
    assert article.published is None, article.rules["published"]
