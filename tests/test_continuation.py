# ruff: noqa: E501  (HTML snippets read better on one line)
"""Articles split over pages: the next page's address, and the whole text once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.continuation import first_of, joined, next_part
from newsarchive.models import Article


def _page(body: str, head: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><article><h1>Бюджетът</h1>{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("url", "body", "expected"),
    [
        # the in-article pager: "Страници: 1 2 3 Следваща страница »"
        (
            "https://x.bg/statii/byudzhet",
            'Страници: <span>1</span> <a href="/statii/byudzhet?page=2">2</a> <a href="/statii/byudzhet?page=2">Следваща страница »</a>',
            "https://x.bg/statii/byudzhet?page=2",
        ),
        (
            "https://x.bg/statii/byudzhet?page=2",
            '<a href="/statii/byudzhet">1</a> <span>2</span> <a href="/statii/byudzhet?page=3">3</a>',
            "https://x.bg/statii/byudzhet?page=3",
        ),
        # Drupal's 0-based ?page=1, Joomla's ?start=1 beside its other parameters
        ("https://x.bg/node/12", '<a href="/node/12?page=1">2</a>', "https://x.bg/node/12?page=1"),
        (
            "https://x.bg/index.php?option=com_content&view=article&id=7&Itemid=9",
            '<a href="/index.php?option=com_content&amp;view=article&amp;id=7&amp;Itemid=9&amp;start=1">Следваща</a>',
            "https://x.bg/index.php?option=com_content&view=article&id=7&Itemid=9&start=1",
        ),
        # WordPress's <!--nextpage-->: /slug/2/
        (
            "https://x.bg/byudzhet-2027/",
            '<p>Страници: <a href="https://x.bg/byudzhet-2027/2/">2</a></p>',
            "https://x.bg/byudzhet-2027/2/",
        ),
        (
            "https://x.bg/byudzhet-2027/2/",
            '<a href="/byudzhet-2027/3/">3</a>',
            "https://x.bg/byudzhet-2027/3/",
        ),
        # (composed sites, fourth axes) a Cyrillic slug, percent-encoded in the address:
        # "приет-бюджет" has no letter beside its hyphen as "%D1%82-%D0%B1"
        (
            "https://x.bg/2026/12/02/%D0%BF%D1%80%D0%B8%D0%B5%D1%82-%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82/",
            '<p>Страници: <a href="/2026/12/02/приет-бюджет/2/">2</a></p>',
            "https://x.bg/2026/12/02/%D0%BF%D1%80%D0%B8%D0%B5%D1%82-%D0%B1%D1%8E%D0%B4%D0%B6%D0%B5%D1%82/2/",
        ),
        # the theme's link on the host's other spelling (its server sends it on)
        (
            "https://www.x.bg/statii/byudzhet",
            '<a href="https://x.bg/statii/byudzhet?page=2">2</a>',
            "https://x.bg/statii/byudzhet?page=2",
        ),
        # WordPress's page 2 linked relative to the page's folder
        (
            "https://x.bg/2026/12/01/byudzhet-2027/",
            '<p>Страници: <span>1</span> <a href="2/">2</a></p>',
            "https://x.bg/2026/12/01/byudzhet-2027/2/",
        ),
        # (composed sites, seventh axes) WordPress's numeric permalinks: the post's id,
        # no slug, its page 2 after it (seeds 46, 89, 206, 266, 364, 366, 450, 677, 778,
        # 782, 888 lost every split article's last paragraph)
        (
            "https://x.bg/archives/492/",
            '<p>Страници: <span>1</span> <a href="/archives/492/2/">2</a></p>',
            "https://x.bg/archives/492/2/",
        ),
    ],
)
def test_the_next_page_of_an_article(url: str, body: str, expected: str) -> None:
    later = "page=2" in url or url.endswith("/2/")
    assert next_part(_page(body), url, later=later) == expected


def test_rel_next_in_the_head_is_read_first() -> None:
    html = _page('<a href="/a?page=3">3</a>', '<link rel="next" href="https://x.bg/a?page=2">')
    assert next_part(html, "https://x.bg/a") == "https://x.bg/a?page=2"


@pytest.mark.parametrize(
    ("url", "body"),
    [
        (
            "https://x.bg/statii/byudzhet",
            '<a href="/statii/drugo?page=2">Следваща »</a>',
        ),  # another article
        (
            "https://x.bg/?p=2481",
            '<a href="/?p=2482" rel="next">Следваща публикация</a>',
        ),  # the next post
        ("https://x.bg/statii/byudzhet", '<a href="/novini?page=2">2</a>'),  # the listing's pager
        (
            "https://x.bg/statii/byudzhet",
            '<a href="/statii/byudzhet?page=2&amp;sort=old">2</a>',
        ),  # two changed
        ("https://x.bg/statii/byudzhet?page=2", '<a href="/statii/byudzhet">1</a>'),  # back, not on
        (
            "https://x.bg/statii/byudzhet",
            '<a href="/statii/byudzhet?page=5">5</a>',
        ),  # not the next one
        ("https://x.bg/statii/byudzhet", '<a href="https://other.bg/statii/byudzhet?page=2">2</a>'),
        ("https://x.bg/statii/byudzhet", "<p>Няма други страници.</p>"),
        # an article at a short id linking the next one: no first page is numbered 7
        ("https://x.bg/news/7", '<a href="/news/8">Следваща новина »</a>'),
        ("https://x.bg/node/12?page=3", '<a href="/node/12?page=4">4</a>'),
        # an id's number after it, no WordPress closing slash: Drupal's /node/12/2, or a
        # short id of two digits (a page number itself)
        ("https://x.bg/node/512", '<a href="/node/512/2">2</a>'),
        ("https://x.bg/novini/51/", '<a href="/novini/51/2/">2</a>'),
    ],
)
def test_no_next_page(url: str, body: str) -> None:
    assert next_part(_page(body), url) is None


def test_the_pages_text_is_joined_once_and_a_repeat_of_the_first_ends_it() -> None:
    first = Article(title="Бюджетът", text="Първи абзац.\nВтори абзац.")
    second = Article(title="Бюджетът", text="Трети абзац.\nВтори абзац.\nЧетвърти абзац.")
    again = Article(title="Бюджетът", text="Първи абзац.\nКоментар на читател.")
    whole, taken = joined(first, [second, again])
    assert taken == 1
    assert whole.text == "Първи абзац.\nВтори абзац.\nТрети абзац.\nЧетвърти абзац."
    assert whole.title == "Бюджетът"


def test_an_article_joined_from_its_pages_says_so_and_one_page_does_not() -> None:
    """``text_source`` (``articles.text_source``): "pages" once a later page is taken;
    a page that does not join leaves the first page's "page"; a feed's text stays the
    feed's."""
    first = Article(title="Бюджетът", text="Първи абзац.")
    second = Article(title="Бюджетът", text="Втори абзац.")
    other = Article(title="Друга новина", text="Втори абзац.")
    assert first.text_source == "page"
    assert joined(first, [second])[0].text_source == "pages"
    assert joined(first, [other])[0].text_source == "page"
    fed = replace(first, text_source="feed")
    assert joined(fed, [second])[0].text_source == "feed"


def _page_break(page: int, paragraphs: list[str]) -> str:
    """Page ``page`` of three of a Joomla article cut by Page Break: the article index
    and the page counter above the text, on every page."""
    index = "".join(
        f'<li><a href="/novini/7-sesiya{"" if k == 0 else f"?start={k}"}" class="toclink">'
        f"{'Начало' if k == 0 else f'Страница {k + 1}'}</a></li>"
        for k in range(3)
    )
    text = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        "<html><head><title>Сесия на общинския съвет</title></head><body>"
        '<div class="item-page"><div class="page-header"><h2>Сесия на общинския съвет</h2></div>'
        '<div itemprop="articleBody"><div class="pull-right article-index">'
        '<h3>Съдържание на статията</h3><ul class="nav nav-tabs nav-stacked">'
        f'{index}<li><a href="/novini/7-sesiya?showall=1">Всички страници</a></li></ul></div>'
        f'<div class="pagenavcounter">Страница {page} от 3</div>{text}</div></div></body></html>'
    )


def test_a_page_breaks_index_and_counter_on_every_page_are_no_text_and_the_pages_join() -> None:
    """Joomla's Page Break box ("Съдържание на статията") and counter ("Страница 2 от 3")
    open every page: read as text, page 2 opened with page 1's first line and the join
    took it for the article again, keeping page 1 alone (and those lines in it)."""
    said = [
        [
            "Съветниците приеха бюджета за следващата година след дълъг спор.",
            "Гласуваха двадесет и един от двадесет и девет.",
        ],  # fmt: skip
        [
            "Най-много пари ще получат училищата и детските градини в селата.",
            "За улиците са предвидени два милиона лева.",
        ],  # fmt: skip
        [
            "Следващата сесия ще бъде в последния четвъртък на месеца.",
            "Тя е открита за всички жители на общината.",
        ],  # fmt: skip
    ]
    url = "https://obshtina.bg/novini/7-sesiya"
    pages = [extract(_page_break(k + 1, p), url + ("" if k == 0 else f"?start={k}")) for k, p in enumerate(said)]  # fmt: skip
    whole, taken = joined(pages[0], pages[1:])
    assert taken == 2
    assert whole.text == "\n".join(p for page in said for p in page)


@pytest.mark.parametrize(
    ("later", "joins"),
    [
        ("Сесия на общинския съвет", True),
        ("Сесия на общинския съвет (2)", True),
        ("Сесия на общинския  СЪВЕТ – страница 2", True),
        ("Сесия на общинския съвет, стр. 2", True),
        ("Нов автобус за учениците", False),  # /news/7 -> /news/8: the next article
        ("", False),
    ],
)
def test_a_later_page_under_another_headline_is_another_article(later: str, joins: bool) -> None:
    first = Article(title="Сесия на общинския съвет", text="Първи абзац.")
    part = Article(title=later, text="Втори абзац.")
    assert (joined(first, [part])[0].text == "Първи абзац.\nВтори абзац.") is joins


def test_a_number_ending_a_headline_is_its_own() -> None:
    first = Article(title="Сесия 12", text="Първи абзац.")
    assert joined(first, [Article(title="Сесия 13", text="Друг текст.")])[0].text == "Първи абзац."


@pytest.mark.parametrize(
    ("url", "body", "first"),
    [
        (
            "https://x.bg/statii/byudzhet?page=2",
            '<a href="/statii/byudzhet">« Предишна страница</a>',
            "https://x.bg/statii/byudzhet",
        ),
        (
            "https://x.bg/statii/byudzhet?page=3",
            '<link rel="prev" href="/statii/byudzhet?page=2">',
            "https://x.bg/statii/byudzhet?page=2",
        ),
        (
            "https://x.bg/byudzhet-2027/2/",
            '<a href="https://x.bg/byudzhet-2027/">1</a>',
            "https://x.bg/byudzhet-2027/",
        ),
        # an article at a short id, linking the one before it and its section: an article
        (
            "https://x.bg/novini/7",
            '<a href="/novini/6">« Предишна</a> <a href="/novini">Новини</a>',
            None,
        ),
        ("https://x.bg/node/12/2", '<a href="/node/12">1</a>', None),
        ("https://x.bg/node/512/2", '<a href="/node/512">1</a>', None),
        (
            "https://x.bg/archives/492/2/",
            'Страници: <a href="/archives/492/">1</a> <span>2</span>',
            "https://x.bg/archives/492/",
        ),
        # an article whose id is a page parameter, linking the one before it: a page
        # numbered past MAX_PARTS is never read with a first page, so it is no later page
        (
            "https://x.bg/index.php?page=123",
            '<a href="/index.php?page=122">« Предишна</a> <a href="/index.php?page=124">Следваща »</a>',
            None,
        ),
        # an article whose id is a small page parameter, linking the article before it
        # by a previous-post link, its headline or an adjacent post's <link rel="prev">:
        # nothing says the page before is a page of this one
        ("https://x.bg/novina.php?page=3", '<a href="/novina.php?page=2">« Предишна</a>', None),
        (
            "https://x.bg/novina.php?page=3",
            '<a href="/novina.php?page=2">Предишна новина</a>',
            None,
        ),
        (
            "https://x.bg/novina.php?page=4",
            '<a href="/novina.php?page=3">Ремонт на моста</a>',
            None,
        ),
        (
            "https://x.bg/novina.php?page=4",
            '<link rel="prev" title="Ремонт на моста" href="/novina.php?page=3">',
            None,
        ),
        # ... while a pager's number or an arrow icon says it
        (
            "https://x.bg/statii/byudzhet?page=3",
            '<a href="/statii/byudzhet?page=2" aria-label="Предишна страница">‹</a>',
            "https://x.bg/statii/byudzhet?page=2",
        ),
        (
            "https://x.bg/statii/byudzhet?page=2",
            'Страници: <a href="/statii/byudzhet">1</a> <b>2</b>',
            "https://x.bg/statii/byudzhet",
        ),
        (
            "https://x.bg/statii/byudzhet",
            '<a href="/statii/byudzhet?page=2">2</a>',
            None,
        ),  # the first page
        (
            "https://x.bg/statii/byudzhet?page=2",
            '<a href="/novini">Новини</a>',
            None,
        ),  # nothing before
    ],
)
def test_a_later_page_reached_on_its_own_names_the_page_before(
    url: str, body: str, first: str | None
) -> None:
    assert first_of(_page(body), url) == first


def test_pages_past_one_that_does_not_join_are_not_read() -> None:
    """A comments page repeating the article ends the reading: its own "next" comments
    page is never asked for (``parts`` is read lazily)."""
    first = Article(title="Бюджетът", text="Първи абзац.")
    read: list[int] = []

    def parts() -> Iterator[Article]:
        for n in range(5):
            read.append(n)
            yield Article(title="Бюджетът", text="Първи абзац.\nКоментар.")

    assert joined(first, parts()) == (first, 0)
    assert read == [0]


def test_an_articles_pager_repeating_its_folder_is_read_from_the_root() -> None:
    """An article's pager printed without the leading slash (``statii/byudzhet?page=2``
    on ``/statii/byudzhet``), as the page's links are read (``anchors.link_reader``):
    its next page and, on page 2, the page before. Read as written they named
    ``/statii/statii/byudzhet?...``, no page of this article, and page 2 was never asked."""
    first = _page('Страници: <b>1</b> <a href="statii/byudzhet?page=2">2</a>')
    assert next_part(first, "https://x.bg/statii/byudzhet") == "https://x.bg/statii/byudzhet?page=2"
    second = _page('Страници: <a href="statii/byudzhet">1</a> <b>2</b>')
    assert first_of(second, "https://x.bg/statii/byudzhet?page=2") == "https://x.bg/statii/byudzhet"
