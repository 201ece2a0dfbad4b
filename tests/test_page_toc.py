"""A table of contents no plugin list names (``extraction.page_toc``): a box of links
that all lead further down the same page, under a label saying so or named so, is the
text's navigation and none of its lines is text; an editor's list of such links in the
running text, a footnotes list and a summary box under a heading of its own stay text."""

from __future__ import annotations

from urllib.parse import quote

import pytest

from newsarchive.extraction import extract

_SECTIONS = [
    ("grafik", "График на работите", "Ремонтът ще започне от северното крило на сградата."),
    ("dostap", "Достъп до сградата", "Посетителите ще влизат през страничния вход до парка."),
    ("sredstva", "Откъде са средствата", "Парите са от програмата за развитие на селските райони."),
]
_INTRO = [
    "Общината започва ремонт на сградата на кметството в село Бреница през декември.",
    "Сградата е от шейсетте години и покривът ѝ тече от няколко зими насам.",
]
_URL = "https://brenitsa.example/novini/remont-kmetstvo/"


def _items(href: str = "#{a}") -> str:
    return "".join(f'<li><a href="{href.format(a=a)}">{t}</a></li>' for a, t, _ in _SECTIONS)


def _page(box: str, sections: str | None = None) -> str:
    if sections is None:
        sections = "".join(f'<h2 id="{a}">{t}</h2><p>{p}</p>' for a, t, p in _SECTIONS)
    intro = "".join(f"<p>{line}</p>" for line in _INTRO)
    return (
        '<html lang="bg"><head><title>Ремонт на кметството</title></head><body>'
        '<header><a href="/">Кметство Бреница</a><nav><a href="/novini/">Новини</a></nav></header>'
        "<main><article><h1>Кметството в Бреница ще бъде ремонтирано</h1>"
        f'<div class="post-body">{intro}{box}{sections}</div></article></main>'
        "<footer><p>© 2026 Кметство Бреница</p></footer></body></html>"
    )


_TEXT = [*_INTRO, *(x for _, t, p in _SECTIONS for x in (t, p))]


@pytest.mark.parametrize(
    "box",
    [
        # a theme's own box, named, under a label of the editor's words
        f'<div class="toc"><p>Обзор на новината</p><ul>{_items()}</ul></div>',
        # a label over the list, the box named by nothing
        '<div class="box-links"><p class="box-title">Съдържание на новината</p>'
        f"<ol>{_items()}</ol></div>",
        # the label in a heading of the box, a toggle beside it
        '<section class="post-box"><h3>В тази статия ще прочетете <button>[скрий]</button></h3>'
        f"<ul>{_items()}</ul></section>",
        # subheadings as sublists, the box named by its id
        '<div id="toc"><p>Накратко</p><ul><li><a href="#grafik">График на работите</a>'
        f"<ul>{_items()}</ul></li></ul></div>",
    ],
)
def test_a_box_of_links_to_the_texts_own_headings_is_not_text(box: str) -> None:
    """The box's label ("Съдържание", "В тази статия [скрий]") and its links are no
    line of the text, and the text runs on past it."""
    assert extract(_page(box), _URL).text.splitlines() == _TEXT


def test_a_contents_box_linking_to_cyrillic_ids_is_not_text() -> None:
    """A heading's id in Cyrillic, its link percent-encoded as a browser writes it."""
    sections = "".join(f'<h2 id="{t}">{t}</h2><p>{p}</p>' for _, t, p in _SECTIONS)
    links = "".join(f'<li><a href="#{quote(t)}">{t}</a></li>' for _, t, _ in _SECTIONS)
    box = f'<div class="obzor"><strong>Съдържание на статията</strong><ul>{links}</ul></div>'
    assert extract(_page(box, sections), _URL).text.splitlines() == _TEXT


def test_an_english_in_this_article_box_is_not_text() -> None:
    intro = "".join(f"<p>{line}</p>" for line in _INTRO)
    page = _page("").replace(
        intro,
        f'{intro}<div class="jump"><span>What is in this article</span><ul>{_items()}</ul></div>',
    )
    assert extract(page, _URL).text.splitlines() == _TEXT


def test_an_editors_list_of_jump_links_in_the_running_text_stays_text() -> None:
    """No box, no name: a list the editor wrote between paragraphs is the text's, as
    WCXB's truths keep it (4 dev pages); so is a FAQ's list of its questions."""
    box = f"<p>Прочетете по-долу:</p><ul>{_items()}</ul>"
    lines = extract(_page(box), _URL).text.splitlines()
    # (its links, each a heading's words again, go as the link lines they are)
    assert lines == [*_INTRO, "Прочетете по-долу:", *_TEXT[2:]]


def test_a_summary_box_under_a_heading_of_its_own_stays_text() -> None:
    """A "Накратко" box whose points link to their sections is a summary, not contents."""
    box = f'<div class="highlight"><p>Накратко</p><ul>{_items()}</ul></div>'
    assert extract(_page(box), _URL).text.splitlines() == [*_INTRO, "Накратко", *_TEXT[2:]]


def test_a_footnotes_list_linking_back_up_stays_text() -> None:
    """Notes link back to where they are called (``#ref1``), up the page: text."""
    sections = "".join(
        f'<h2 id="{a}">{t}</h2><p>{p}<sup id="ref{i}"><a href="#fn{i}">{i}</a></sup></p>'
        for i, (a, t, p) in enumerate(_SECTIONS, 1)
    )
    notes = "".join(
        f'<li id="fn{i}">Решение на общинския съвет № {i}0 от 2026 г. <a href="#ref{i}">↑</a></li>'
        for i in range(1, 4)
    )
    page = _page("", sections + f'<div class="notes"><p>Бележки</p><ol>{notes}</ol></div>')
    text = extract(page, _URL).text
    assert "Решение на общинския съвет № 10 от 2026 г." in text
    assert "Решение на общинския съвет № 30 от 2026 г." in text


def test_a_contents_list_is_read_once_however_many_sublists_climb_to_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each sublist of a contents list climbs to it: its links were read again for each
    (a list of 200 sections of 5 subsections: 401 readings), now once for each list."""
    from newsarchive.extraction import page_toc

    calls: list[int] = []
    reading = page_toc._links_only

    def counted(node):  # type: ignore[no-untyped-def]
        calls.append(node.mem_id)
        return reading(node)

    monkeypatch.setattr(page_toc, "_links_only", counted)
    items = "".join(
        f'<li><a href="#s{i}">Раздел {i}</a><ul>'
        + "".join(f'<li><a href="#s{i}-{j}">Точка {j}</a></li>' for j in range(5))
        + "</ul></li>"
        for i in range(200)
    )
    heads = "".join(
        f'<h2 id="s{i}">Раздел {i}</h2>' + "".join(f'<h3 id="s{i}-{j}">Т</h3>' for j in range(5))
        for i in range(200)
    )
    page = _page(f'<div class="toc"><p>Съдържание</p><ul>{items}</ul></div>', heads)
    article = extract(page, _URL)
    assert "Раздел 7" not in article.text  # (the box is still skipped)
    assert len(calls) == len(set(calls)) == 201


def test_lists_nested_past_a_contents_depth_are_not_each_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Lists nested a thousand deep, two in-page links at each level: each list read
    read all it holds (1.2-4.6 s for 50 KB); now only those standing in six lists at
    most are read (``page_toc._nested_deep``), and the page is still extracted."""
    from newsarchive.extraction import page_toc

    calls: list[int] = []
    reading = page_toc._links_only

    def counted(node):  # type: ignore[no-untyped-def]
        calls.append(node.mem_id)
        return reading(node)

    monkeypatch.setattr(page_toc, "_links_only", counted)
    nest = '<ul><li><a href="#s0">а</a><a href="#s1">б</a>' * 1_000
    page = _page(f'<div class="toc">{nest}</div>', '<h2 id="s0">А</h2><h2 id="s1">Б</h2>')
    extract(page, _URL)
    assert 0 < len(calls) <= 7  # (the lists in six lists at most, and the outermost)


def test_a_box_of_many_lists_has_its_words_counted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """500 lists of two in-page links side by side in one box: each list's climb asked
    the box for its words, the whole box's text read 500 times; now once."""
    from newsarchive.extraction import page_toc

    made: list[page_toc._Reads] = []

    class Counted(page_toc._Reads):
        def __init__(self) -> None:
            super().__init__()
            made.append(self)

    monkeypatch.setattr(page_toc, "_Reads", Counted)
    lists = "".join(
        f'<ul><li><a href="#s{2 * i}">а</a></li><li><a href="#s{2 * i + 1}">б</a></li></ul>'
        for i in range(500)
    )
    heads = "".join(f'<h2 id="s{i}">Раздел {i}</h2><p>Текст на раздела.</p>' for i in range(1000))
    extract(_page(f'<div class="toc">{lists}</div>', heads), _URL)
    assert made and all(reads.texts == 1 for reads in made)
