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
