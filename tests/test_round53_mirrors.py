"""A fifty-third round of site shapes, four whole small sites whose article pages print
their date, headline, byline and body in ways no earlier round has, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round51_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round53.py``): Elementor's post-info list of
the date and the time as two items, the text in short column paragraphs, "Текст и
снимки: <name>" closing it (stryama); a kicker, the ``<h1>`` and a subtitle, the date
"в 08:17 ч. на 27.11.2026", a council's decisions in a table or a bulleted list, the
press office closing the text (tundzha); the date only above the headline with its
weekday, a captioned gallery between the paragraphs and "Свързани новини" in the
text's box (sakar); the time and a two-digit-year slash date in elements of their own,
"08:17 ч. | 27/11/26", the text in WPBakery rows (osogovo). Each must archive exactly
its articles with the true title, date (to the minute where printed), author and body,
and a rerun right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND53_SITES = {
    # <li>27 ноември 2026</li><li>08:17</li> in Elementor's post-info widget; short
    # text-editor paragraphs in two-column sections; "Текст и снимки: Мария Петрова"
    "stryama": ("Община Стряма", "https://stryama.bg"),
    # kicker, <h1>, subtitle; "в 08:17 ч. на 27.11.2026"; a table or a list in the text;
    # "Пресцентър на Община Тунджа" closing it
    "tundzha": ("Община Тунджа", "https://tundzha.bg"),
    # "Петък, 27 ноември 2026" over the headline; wp-caption pictures between the
    # paragraphs; "Свързани новини" after the text, in its box
    "sakar": ("Кметство Сакар", "https://sakar.bg"),
    # <span>08:17 ч.</span> | <span>27/11/26</span>; WPBakery rows of short columns
    "osogovo": ("Община Осогово", "https://osogovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND53_SITES))
def test_a_round53_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND53_SITES[site])
