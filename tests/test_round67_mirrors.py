"""A sixty-seventh round of site shapes, four small sites whose ARTICLE PAGES print the
headline, the date, the byline and the text in shapes no round had, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round64_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round67.py``): an old municipal CMS's
``<table>`` layout, "27.11.2026 год., 08:17 ч. | Прочетено 1 234 пъти", the writer in
``<meta name="author">`` alone and the webmaster in the footer (starodol); the day and
the hour in two spans run together, "👁 1234" beside them, "Текст: …, снимки: …"
(delnik); the headline as the picture's alt, an ``<h2 class="subtitle">``, "27 ноември
2026 г" and half the text in ``<details><summary>Прочетете още</summary>`` (gradishte);
articles going on on ``?page=2`` under "Следваща страница »" (dvulistno). Each must
archive exactly its articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.continuation import joined

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND67_SITES = {
    # a <table> layout; "год." and "Прочетено 1 234 пъти"; <meta name="author"> alone
    "starodol": ("Община Стародол", "https://starodol.bg"),
    # "<span>Петък, 27 ноември 2026 г.</span><span>08:17 ч.</span>"; "👁 1234"; credits
    "delnik": ("Делник Нюз", "https://delnik-news.bg"),
    # alt = headline, <h2 class="subtitle">, "г" without a dot, <details> "Прочетете още"
    "gradishte": ("Община Градище", "https://gradishte.bg"),
    # ?page=2 and "Следваща страница »" inside the article
    "dvulistno": ("Община Двулистно", "https://dvulistno.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND67_SITES))
def test_a_round67_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND67_SITES[site])


def _page(inside: str, head: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="bg"><head><meta charset="utf-8"><title>Нова спирка</title>'
        f"{head}</head><body><div id='menu'><a href='/'>Начало</a> <a href='/novini'>Новини</a>"
        f"</div><div id='content'>{inside}</div><div id='footer'><p>© 2026 Община Стародол."
        "</p></div></body></html>"
    )


TABLED = _page(
    "<table class='news'><tr><td class='ntitle'><b>Нова спирка до училището</b></td></tr>"
    "<tr><td class='ndate'>27.11.2026 год., 08:17 ч. | Прочетено 1 234 пъти</td></tr>"
    "<tr><td class='ntext'><p>Автобусите на линия 3 вече спират пред входа на основното "
    "училище.</p><p>Децата чакат под навес, а табло показва кога идва автобусът.</p>"
    "<p>Общината ще постави и пешеходна пътека с мигаща светлина.</p></td></tr></table>"
)


@pytest.mark.parametrize("mark", ["год.", "год", "г.", "г"])
def test_a_year_marked_god_keeps_the_time_after_it(mark: str) -> None:
    """starodol: "27.11.2026 год., 08:17 ч." was dated the day alone, the time after the
    older CMSs' "год." lost ("г." and "г" kept it); now all four keep it, and the view
    counter beside it, "Прочетено 1 234 пъти", dates nothing."""
    page = TABLED.replace("2026 год.,", f"2026 {mark},")
    assert extract(page, "https://s.bg/news.php?id=1").published == dt.datetime(2026, 11, 27, 8, 17)
    # (delnik: the month's name, a weekday before it, "Петък, 27 ноември 2026 год.")
    worded = TABLED.replace("27.11.2026 год.,", f"Петък, 27 ноември 2026 {mark},")
    assert extract(worded, "https://s.bg/news.php?id=1").published == dt.datetime(
        2026, 11, 27, 8, 17
    )


def test_a_byline_on_an_articles_last_page_is_its_author() -> None:
    """dvulistno: an article going on on ``?page=2`` printed "Автор: …" under the text's
    end, on page 2 alone, and was archived with no author; its first page's own author
    stays where it names one."""
    first = extract(TABLED, "https://d.bg/novini/1")
    second = extract(
        TABLED.replace("<p>Автобусите", "<p>Шофьорите").replace(
            "</table>", "</table><p class='author'>Автор: Силвия Терзиева</p>"
        ),
        "https://d.bg/novini/1?page=2",
    )
    assert first.author is None and second.author == "Силвия Терзиева"
    whole, taken = joined(first, [second])
    assert taken == 1 and whole.author == "Силвия Терзиева"
    assert whole.text.startswith(first.text) and "Шофьорите" in whole.text
    named = extract(
        TABLED.replace("</table>", "</table><p>Автор: Юлия Карова</p>"), "https://d.bg/novini/1"
    )
    assert named.author == "Юлия Карова"
    assert joined(named, [second])[0].author == "Юлия Карова"
