"""An eighty-third round of site shapes, four whole small sites on the small platforms a
Bulgarian school, community centre or mayoralty runs its news on, printed in their
Bulgarian locale, crawled from the origin alone (a profile of id, name and origin)
through a real ``MirrorServer``, as ``test_round77_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round83.py``): a free WordPress.com blog whose
sidebar links each post by its ``/?p=123`` shortlink, answered ``301`` to the pretty
permalink (uchilishtnik); a phpBB 3 board whose forum "Новини и съобщения" holds the news
as topics, the replies comments (forumovo); a new Google Sites site, Cyrillic page
addresses, the day only in the text (googlesajt); Drupal 7's Bartik in Bulgarian, "пет.,
27/11/2026 - 08:17", ``/node?page=1`` (drupalbg). Each must archive exactly its articles
with the true title, date, author and body, and a rerun right after must cost at most
three requests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.add_site import deeper_folder
from newsarchive.extraction.pipeline import extract

from .mirror_sites import check_bare_crawl, proposed
from .support import Result

ROUND83_SITES = {
    # WordPress.com, Twenty Ten in Bulgarian, /?p=148 shortlinks 301 to /2026/11/28/<slug>/
    "uchilishtnik": ("ОУ „Христо Ботев“ – с. Училищник", "https://uchilishtnik.wordpress.com"),
    # phpBB 3: viewforum.php?f=2 "Новини и съобщения", the first post the article
    "forumovo": ("НЧ „Просвета 1907“ – с. Форумово", "https://forum.chitalishte-forumovo.bg"),
    # new Google Sites: /view/kmetstvo-sajtovo/новини, the day only in the text
    "googlesajt": ("Кметство Сайтово", "https://sites.google.com/view/kmetstvo-sajtovo"),
    # Drupal 7 Bartik in Bulgarian: "Публикувано от admin на пет., 27/11/2026 - 08:17"
    "drupalbg": ("Община Друпалово", "https://drupalbg.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND83_SITES))
def test_a_round83_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND83_SITES[site])


_POST = """<html><head><title>{title} | ОУ „Христо Ботев“</title></head><body>
<div id="access"><a href="/">Начало</a> <a href="/za-nas/">За нас</a></div>
<div id="content"><div class="post hentry"><h1 class="entry-title">{title}</h1>
<div class="entry-meta"><span class="meta-prep">Публикувано на</span> {date}
<span class="meta-sep">от</span>
<span class="author vcard"><a href="/author/admin/">admin</a></span></div>
<div class="entry-content"><p>Учениците от четвърти клас засадиха тридесет фиданки в двора
на училището, а родителите донесоха лопати и вода.</p>
<p>Всеки клас ще се грижи за своите дръвчета до края на учебната година.</p></div></div></div>
</body></html>"""
_TITLE = "Засадихме тридесет фиданки в двора"
_LINK = (
    '<a href="https://x.wordpress.com/2026/11/27/fidanki/" title="{tip}" rel="bookmark">'
    '<span class="entry-date">27 ноември 2026</span></a>'
)


@pytest.mark.parametrize(
    ("tip", "published"),
    [
        # Twenty Ten's "Публикувано на <a title="08:17">27 ноември 2026</a>": the time
        ("08:17", dt.datetime(2026, 11, 27, 8, 17)),
        ("8:17 ч.", dt.datetime(2026, 11, 27, 8, 17)),
        # a link's title that says where it leads, or a date and a time, stays no time
        ("Постоянна връзка към 27.11.2026", dt.date(2026, 11, 27)),
        ("27.11.2026 08:17", dt.date(2026, 11, 27)),
    ],
)
def test_a_time_alone_in_the_title_of_a_link_showing_the_day_completes_it(
    tip: str, published: dt.date
) -> None:
    """uchilishtnik (a WordPress.com blog on Twenty Ten) prints the day as a link to the
    post whose ``title`` is the time, the time nowhere else: 9 of 9 were dated the day
    alone. A link's tooltip was never read (a link's title says where it leads); one that
    is a time alone and nothing else now completes the day the link shows."""
    html = _POST.format(title=_TITLE, date=_LINK.format(tip=tip))
    article = extract(
        html, "https://x.wordpress.com/2026/11/27/fidanki/", today=dt.date(2026, 11, 30)
    )
    assert article.published == published


def test_add_site_given_a_google_site_proposes_its_two_folders(
    run_cli: Callable[..., Result],
) -> None:
    """``add-site https://sites.google.com/view/kmetstvo-sajtovo``: neither the host's "/"
    nor its first folder, "/view/", is a site (404), and add-site said "cannot read the
    home page of https://sites.google.com" (the discovery bench's add-site column failed
    on it). A platform keeping each site two folders deep: the two typed are the site."""
    typed = "https://sites.google.com/view/kmetstvo-sajtovo"
    proposal = proposed(run_cli, "googlesajt", typed)
    assert proposal.profile["origin"] == typed + "/"
    assert all(
        url.startswith("/view/kmetstvo-sajtovo/") for url in proposal.discovery["start_urls"]
    )


@pytest.mark.parametrize(
    ("typed", "deeper"),
    [
        ("https://sites.google.com/view/kmetstvo-sajtovo/novini", "/view/kmetstvo-sajtovo/"),
        ("https://x.bg/obshtina/novini/5.html", "/obshtina/novini/"),
        ("https://x.bg/obshtina/", None),
        ("https://x.bg/kmetstva/rakita/novini/", None),  # (typed_folder takes two already)
    ],
)
def test_the_deeper_folder_is_the_addresss_first_two(typed: str, deeper: str | None) -> None:
    assert deeper_folder(typed) == deeper
