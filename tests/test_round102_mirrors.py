"""A hundred-and-second round of site shapes, four bodies whose news live on a CONTENT
MANAGEMENT SYSTEM no earlier round named, as that CMS ships by default, crawled from the
origin alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round97_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round102.py``): a municipality on MODX
Revolution, every link relative to its ``<base href>``, ``novini/?page=2`` and
Archivist's ``novini/?arc_year=2026&arc_month=11`` (belokamak); a school on classic
DotNetNuke's News Articles, ``/Новини/tabid/57/currentpage/2/Default.aspx`` and each
article at a title ``.aspx`` and a ``Default.aspx`` (pggranitovo); a regional weekly on
SilverStripe's blog, ``/novini/?start=4`` and ``/novini/archive/2026/11/``
(dunavskazarya); a civic association on Webflow, ``w-dyn-item`` lists paged
``?9f4c2a1b_page=2`` and "November 27, 2026" (glasnagorno). Each must archive exactly
its articles with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.extraction import extract
from newsarchive.extraction.bylines import signed_line

from .mirror_sites import check_bare_crawl
from .support import SITES, Result

ROUND102_SITES = {
    "belokamak": ("Община Белокамък", "https://www.belokamak.bg"),
    "pggranitovo": ("ПГ „Васил Левски“ – Гранитово", "https://www.pg-granitovo.bg"),
    "dunavskazarya": ("Дунавска заря", "https://www.dunavska-zarya.bg"),
    "glasnagorno": ("Глас на Горно", "https://www.glas-na-gorno.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND102_SITES))
def test_a_round102_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND102_SITES[site])


FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
SS_POST = "https://www.dunavska-zarya.bg/novini/koleden-bazar/"


def test_a_blog_posts_filed_and_counted_posted_on_line_names_its_writer() -> None:
    """dunavskazarya: SilverStripe's blog closes the post with "Публикувано в <a>Общество</a>
    на 29.11.2026 от <a>Мира Димова</a> <a>0 коментара</a>": the category between the
    label and its "на" and the comment count after the name hid the line's writer
    (before: every post archived with no author)."""
    page = (SITES / "dunavskazarya" / "novini" / "koleden-bazar" / "index.html").read_text(
        encoding="utf-8"
    )
    assert extract(page, SS_POST, today=FETCHED).author == "Мира Димова"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Публикувано в Общество на 27.11.2026 от Мира Димова", "Мира Димова"),
        ("Публикувано в Местна власт на 27.11.2026 от Мира Димова", "Мира Димова"),
        ("Posted in News on March 3, 2026 by Jane Doe", "Jane Doe"),
        ("Публикувано на 27.11.2026 от Мира Димова 0 коментара", "Мира Димова"),
        ("Публикувано на 27.11.2026 от Мира Димова Коментари (3)", "Мира Димова"),
        # a filing of a sentence's length is no category: the line is not a byline's
        ("Публикувано в рубриката за новините от цялата област на 27.11.2026 от Мира Димова", ""),
    ],
)
def test_a_posted_on_line_reads_past_its_category_and_comment_count(line: str, name: str) -> None:
    assert signed_line(line) == name
