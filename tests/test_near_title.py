"""The windows before a headline: each ancestor's walk takes the nearer ancestor's pieces
where it reaches it (``furniture._walk_visible``), and must read what walking it whole
would."""

from __future__ import annotations

import datetime as dt

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.furniture import _walk_visible, remembered
from newsarchive.extraction.furniture import is_furniture as furniture_test
from newsarchive.markup import page_tree

# Wrappers around the headline, each adding text before it: a kicker with the date in
# the outermost, a menu (furniture, not read) and a block between, and text after
# the headline running past the inner wrappers' ends, so that the walk's stop falls in
# one wrapper for the inner ancestors and beyond it for the outer ones.
_PAGE = """<html><body>
<div id="outer"><p class="kicker">Публикувано на 12.03.2026</p>
 <nav><a href="/">Начало</a> <a href="/n">Новини</a></nav>
 <div id="middle"><span>Рубрика: Община</span> <div class="tag">Паркове</div>
  <section id="inner"><em>Важно</em>
   <h1 id="h">Нов парк край реката</h1>
   <p>Кратко.</p>
  </section>
  <p>Текстът продължава с още думи след заглавието, достатъчно дълъг за прозореца.</p>
 </div>
 <p>И още текст по-нататък в страницата, който също се чете от външния прозорец.</p>
</div>
</body></html>"""


@pytest.mark.parametrize("then", [0, 5, 19, 40, 400])
def test_each_ancestors_walk_reads_what_walking_it_whole_reads(then: int) -> None:
    tree = page_tree(_PAGE)
    h1 = tree.css_first("#h")
    assert h1 is not None
    chain = [tree.css_first(f"#{name}") for name in ("inner", "middle", "outer")]
    furniture = remembered(furniture_test)
    walked = None
    for ancestor in chain:
        assert ancestor is not None
        whole = _walk_visible(ancestor, h1, then, furniture, None, None)
        spliced = _walk_visible(ancestor, h1, then, furniture, None, walked)
        assert spliced == whole
        walked = (ancestor.mem_id, spliced)
    assert walked is not None
    assert "12.03.2026" in "".join(walked[1][0])
    assert "Начало" not in "".join(walked[1][0])


def test_a_date_printed_above_the_headline_in_an_outer_wrapper_dates_the_page() -> None:
    article = extract(_PAGE, "https://example.bg/novini/park", today=dt.date(2026, 4, 1))
    assert article.title == "Нов парк край реката"
    assert article.published == dt.date(2026, 3, 12)
    assert article.rules["published"] == "generic:text-near-title"


# A byline box under the headline that both the date rules (its windows, its ``<time>``
# marked as the publication) and the byline rule read, inside the article's wrappers.
_BYLINE_PAGE = """<html><head>
<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Нов парк край реката",
"datePublished": "2026-03-14T09:00:00+02:00", "dateModified": "2026-03-15T10:00:00+02:00"}
</script></head><body>
<nav class="menu"><a href="/">Начало</a></nav>
<div class="wrap"><main><article class="post">
 <h1>Нов парк край реката</h1>
 <div class="entry-meta"><span class="byline">Автор: <a href="/author/maria-petrova/"
  rel="author">Мария Петрова</a></span>
  <time class="published" datetime="2026-03-12T09:00:00+02:00">12.03.2026</time></div>
 <p>Общината откри нов парк край реката, с алеи, пейки и детска площадка за всички.</p>
 <p>Паркът е отворен всеки ден от сутринта до вечерта, а входът е свободен.</p>
</article></main></div>
<footer class="site-footer">Всички права запазени</footer>
</body></html>"""


def test_the_date_and_author_rules_judge_each_element_of_the_page_furniture_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The windows by the headline, the ``<time>`` marked as the publication and the
    byline elements meet the same byline box and its ancestors: the page's one
    ``NearTitle.furniture`` remembers the verdicts for all of them, each element judged
    once (before, each rule judged them again; the answers stay the same)."""
    from newsarchive.extraction import furniture

    judged: list[int] = []

    def counting(node: furniture.LexborNode) -> bool:
        judged.append(node.mem_id)
        return furniture_test(node)

    monkeypatch.setattr(furniture, "is_furniture", counting)
    article = extract(_BYLINE_PAGE)
    assert article.author == "Мария Петрова"
    assert article.published is not None
    assert judged and len(judged) == len(set(judged))


def test_forget_drops_the_pages_furniture_verdicts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once a profile removed elements from the tree (``pipeline``), a freed element's
    address may be a new one's: the verdicts remembered before are dropped."""
    from newsarchive.extraction import furniture

    judged: list[int] = []

    def counting(node: furniture.LexborNode) -> bool:
        judged.append(node.mem_id)
        return furniture_test(node)

    monkeypatch.setattr(furniture, "is_furniture", counting)
    tree = page_tree(_BYLINE_PAGE)
    near = furniture.NearTitle(tree, tree.tags("h1"))
    footer = tree.css_first("footer")
    assert footer is not None
    assert near.furniture(footer) and near.furniture(footer)
    assert len(judged) == 1
    near.forget()
    assert near.furniture(footer)
    assert len(judged) == 2
