"""A ninth round of site shapes, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round8_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round9.py``): a municipality whose news list is
only a JSON-LD ``ItemList`` its script turns into cards, with no feed or sitemap
(brezitsa); a news site whose feed, and every link in it, goes through a click-counting
redirector (vodenitsa); a uCoz blog whose time of publication is only in the tooltip of
the date under the headline (chernolik); a municipality that moved from
``http://www.`` to ``https://`` bare while the profile, robots.txt and the sitemap name the
old spelling (ezerets); a municipality whose home-made CMS writes its feed's links
without a scheme, older news only there (pyasachevo). Each must archive exactly its
articles with the true title, date and body, and a rerun right after must cost at most
three requests.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from newsarchive.extraction import extract
from newsarchive.mirror import MirrorServer

from .mirror_sites import (
    bare_crawl_twice,
    bare_profile,
    check_bare_crawl,
    crawl_twice,
    mirror_crawls,
)
from .support import SITES, Result

ROUND9_SITES = {
    # news only in a JSON-LD ItemList drawn into cards by script; no feed, no sitemap
    "brezitsa": ("Община Брезица", "https://www.brezitsa.bg"),
    # the feed and its items' links behind /redirect.php?url=...
    "vodenitsa": ("Воденица Нюз", "https://vodenitsa-news.bg"),
    # uCoz: "28.11.2026" under the headline, the time in its tooltip only
    "chernolik": ("НЧ „Светлина 1908“ – с. Чернолик", "https://chernolik.at.ua"),
    # moved from http://www. to https:// bare; profile, robots.txt, sitemap name the old
    "ezerets": ("Община Езерец", "http://www.ezerets.bg"),
    # a home-made PHP CMS whose RSS links say "www.pyasachevo.bg/news.php?id=N"
    "pyasachevo": ("Община Пясъчево", "http://www.pyasachevo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND9_SITES))
def test_a_round9_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND9_SITES[site])


def test_validators_of_a_sitemap_on_a_moved_host_answer_the_rerun_with_304(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ezerets: the sitemap is read through the old host's 301, and the rerun asks the
    new address at once; the validators the first run got must go there with it, so the
    unchanged sitemap and listing are two 304s, not a sitemap sent whole again."""
    with mirror_crawls(run_cli, db, tmp_path, "ezerets", *ROUND9_SITES["ezerets"]) as crawls:
        crawls.crawl()
        unchanged = crawls.server.not_modified
        assert crawls.crawl() == ["/robots.txt", "/sitemap.xml", "/novini/"]
        assert crawls.server.not_modified - unchanged == 2


def test_a_feed_behind_a_redirector_is_read_at_the_address_it_names(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """vodenitsa: ``/redirect.php?url=/rss.xml`` and the items' ``/redirect.php?url=<the
    article>`` name addresses on the site itself: they are read there, each article
    fetched once and no redirector asked, the first night or the next (the home page's
    three cards make it the listing beside the feed)."""
    first, nightly = bare_crawl_twice(
        run_cli, db, tmp_path, "vodenitsa", *ROUND9_SITES["vodenitsa"]
    )
    assert not [p for p in first + nightly if p.startswith("/redirect.php")]
    assert nightly == ["/robots.txt", "/rss.xml", "/"]


RAW_HOME = """<html><head><title>Общински вестник Каменица</title></head><body>
<div class="menu"><a href="/">Начало</a></div>
<h2>Последни новини</h2>
{cards}
</body></html>"""
RAW_ARTICLE = """<html><head><title>{title}</title></head><body>
<div class="menu"><a href="/">Начало</a></div>
<article><h1>{title}</h1><time datetime="2026-11-{day:02d}T10:00:00+02:00">{day}.11.2026</time>
<p>{title}. Общинският съвет прие решението на заседанието си в четвъртък, след като
комисиите го обсъдиха в продължение на две седмици.</p>
<p>Кметът благодари на гражданите, изпратили предложенията си по време на общественото
обсъждане, и обеща отчет за изпълнението до края на годината.</p></article>
</body></html>"""
RAW_TITLES = (
    "Общината обнови детската площадка в централния парк",
    "Започва ремонтът на улицата към гарата",
    "Читалището набира участници за коледния концерт",
)


def test_a_raw_address_behind_a_redirector_keeps_the_parameters_after_its_own_query(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """``/redirect.php?url=https://kamenitsa.bg/news.php?id=5&lang=bg``, the address
    written without percent-encoding: ``lang=bg`` is the article's (the address had begun
    its own query), so the article is fetched and archived at ``news.php?id=5&lang=bg``,
    not at ``news.php?id=5``, which this server does not have."""
    root = tmp_path / "kamenitsa"
    root.mkdir()
    cards = []
    for n, title in enumerate(RAW_TITLES, start=5):
        target = f"https://kamenitsa.bg/news.php?id={n}&lang=bg"
        cards.append(
            f'<div class="card"><h3><a href="/redirect.php?url={target}">{title}</a></h3></div>'
        )
        page = RAW_ARTICLE.format(title=title, day=20 + n)
        (root / f"news.php@id={n}&lang=bg.html").write_text(page, encoding="utf-8")
    (root / "index.html").write_text(RAW_HOME.format(cards="\n".join(cards)), encoding="utf-8")
    profile = bare_profile(tmp_path, "kamenitsa", "Каменица", "https://kamenitsa.bg")
    crawl_twice(run_cli, db, profile, "kamenitsa", root)
    with closing(sqlite3.connect(db)) as conn:
        urls = sorted(url for (url,) in conn.execute("SELECT url FROM articles"))
    assert urls == [f"https://kamenitsa.bg/news.php?id={n}&lang=bg" for n in (5, 6, 7)]


PAGE = """<html><head><title>{title} - НЧ Чернолик</title></head><body>
<div class="menu"><a href="/">Начало</a> <a href="/blog/">Новини</a></div>
<div class="eTitle">{title}</div>
<div class="eDate">{date}</div>
<div class="eMessage"><p>Читалището обявява конкурс за детска рисунка на тема „Коледа в
нашето село“, а рисунките се приемат в библиотеката до петнадесети декември.</p>
<p>Наградите ще бъдат връчени на коледното тържество в салона на читалището.</p></div>
<div class="sidebar"><span title="{other}">27.11.2026</span></div>
</body></html>"""
TITLE = "Обявяваме коледен конкурс за детска рисунка"


@pytest.mark.parametrize(
    ("date", "published"),
    [
        ('<span title="28.11.2026, 14:35">28.11.2026</span>', dt.datetime(2026, 11, 28, 14, 35)),
        ('<abbr title="14:35">28.11.2026</abbr>', dt.datetime(2026, 11, 28, 14, 35)),
        ('<abbr title="14:35 ч.">28.11.2026</abbr>', dt.datetime(2026, 11, 28, 14, 35)),
        # a tooltip of another day, or of words, holds no time of this one
        ('<span title="27.11.2026, 14:35">28.11.2026</span>', dt.date(2026, 11, 28)),
        ('<span title="Дата на публикуване">28.11.2026</span>', dt.date(2026, 11, 28)),
    ],
)
def test_the_time_in_a_dates_tooltip_completes_the_day_shown(date: str, published: dt.date) -> None:
    html = PAGE.format(title=TITLE, date=date, other="09:00")
    article = extract(
        html, "https://chernolik.at.ua/blog/x/2026-11-28-31", today=dt.date(2026, 11, 30)
    )
    assert article.published == published


def test_tooltips_disagreeing_on_the_time_of_the_day_give_none() -> None:
    """Two elements in the article showing the day with two times in their tooltips:
    which is the publication's is not known, so the day stays without a time rather than
    taking the wrong one. (One in a sidebar is furniture, and does not count.)"""
    date = '<span title="14:35">28.11.2026</span>'
    html = PAGE.format(title=TITLE, date=date, other="09:00")
    second = '<p>Откриване: <span title="10:00">28.11.2026</span></p></div>'
    day = dt.date(2026, 11, 30)
    url = "https://chernolik.at.ua/blog/x/2026-11-28-31"
    sidebar = html.replace("27.11.2026</span></div>", "28.11.2026</span></div>")
    assert extract(sidebar, url, today=day).published == dt.datetime(2026, 11, 28, 14, 35)
    disagreeing = html.replace("</p></div>", "</p>" + second, 1)
    assert extract(disagreeing, url, today=day).published == dt.date(2026, 11, 28)


def test_a_time_tooltip_on_a_box_holding_more_than_the_date_is_none_of_its() -> None:
    """A time in the tooltip of a box that holds the article, not a date line ("<div
    title="14:35">" around the text, nested as deep as a broken page nests them), shows
    no day: the day stays without a time, and no box's whole text is read for a date."""
    boxes = 40
    date = '<span class="d">28.11.2026</span>'
    html = (
        PAGE.format(title=TITLE, date=date, other="09:00")
        .replace('<div class="eDate">', '<div title="14:35">' * boxes + '<div class="eDate">')
        .replace("</body>", "</div>" * boxes + "</body>")
    )
    article = extract(
        html, "https://chernolik.at.ua/blog/x/2026-11-28-31", today=dt.date(2026, 11, 30)
    )
    assert article.published == dt.date(2026, 11, 28)


def test_a_move_learned_while_reusing_a_saved_discovery_keeps_the_rerun_a_304(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ezerets before its move: the first run explores and saves the sitemap under
    ``http://www.``. The server then moves to ``https://`` bare; the next runs reuse the
    saved discovery (no exploring), read the sitemap through the 301, and the night
    after must still answer the unchanged sitemap and listing with 304s."""
    root = tmp_path / "ezerets"
    shutil.copytree(SITES / "ezerets", root)
    mirror = root / "_mirror.json"
    mirror.write_text('{"origin": "http://www.ezerets.bg"}', encoding="utf-8")
    profile = bare_profile(tmp_path, "ezerets", *ROUND9_SITES["ezerets"])
    nights: list[tuple[list[str], int]] = []
    for night in range(3):
        if night == 1:
            mirror.write_text('{"origin": "https://ezerets.bg"}', encoding="utf-8")
        with MirrorServer(root) as server:
            args = ("crawl", "ezerets", "--profile", str(profile), "--base-url", server.url)
            result = run_cli(*args, "--delay", "0", "--db", str(db))
            assert result.exit_code == 0, result.stderr
            nights.append((server.requests, server.not_modified))
    assert nights[1][1] == 2, nights[1]
    assert nights[2] == (["/robots.txt", "/sitemap.xml", "/novini/"], 2)
