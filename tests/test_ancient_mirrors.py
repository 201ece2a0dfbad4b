"""Two shapes of the early web small Bulgarian public bodies still have, crawled from the
origin alone (a profile of id, name, origin and hosts) through a real ``MirrorServer``.

The mirrors (``tests/fixtures/make_mirrors_round5.py``): ``vrabchovo``, a municipality's
``<frameset>`` site (the home page holds no link, only a top, a menu and a main frame;
the menu's links open in the main frame, and the articles are bare pages); ``slivovo``, a
library whose "Новини" page shows its list in an ``<iframe>``, where each item is opened
in a pop-up by ``javascript:openNews(84)``, a function of the list's own script; and
``ramnitsa``, an ASP.NET WebForms municipality whose news list pages by ``__doPostBack``
(a form post), under a "Новини" heading over each article's ``<span class="newsTitle">``,
reached whole through the sitemap robots.txt names. Each must archive exactly its
articles, under their canonical URLs, with the true title, date and body, and the nightly
rerun must cost at most three requests.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.anchors import ScriptCall, link_target, script_calls
from newsarchive.discover.explore import frame_sources, section_links
from newsarchive.discover.listings import article_links
from newsarchive.discover.next_pages import posted_pager
from newsarchive.extraction import extract
from newsarchive.mirror import MirrorServer
from newsarchive.models import Profile

from .mirror_sites import (
    bare_profile,
    check_bare_crawl,
    crawl_twice,
    site_json,
)
from .support import SITES, Result

ANCIENT_SITES = {
    # <frameset> of top.html, menu.html (target="main") and main.php; no feed, no sitemap
    "vrabchovo": ("Община Врабчово", "http://www.vrabchovo.org"),
    # "Новини" shows <iframe src="novini_list.php">; items open by javascript:openNews(id)
    "slivovo": ("Регионална библиотека – Сливово", "https://www.biblioteka-slivovo.org"),
    # ASP.NET WebForms: a __doPostBack pager; the sitemap robots.txt names reaches the rest
    "ramnitsa": ("Община Рамница", "https://www.ramnitsa.bg"),
}


def _crawl_twice(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, root: Path, name: str, origin: str
) -> tuple[list[str], list[str]]:
    """The requests of a first crawl of the mirror at ``root`` and of the no-op rerun."""
    return crawl_twice(run_cli, db, bare_profile(tmp_path, "site", name, origin), "site", root)


@pytest.mark.parametrize("site", sorted(ANCIENT_SITES))
def test_an_ancient_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ANCIENT_SITES[site])


SITE = Profile(id="x", name="x", origin="http://www.x.bg", hosts=("www.x.bg",))


def test_a_pages_frames_are_its_own_documents_only() -> None:
    """A frameset's frames and an iframe on the site are the page's content; another
    site's map or video, a file and the page itself are not."""
    tree = LexborHTMLParser(
        '<html><head></head><frameset rows="100,*"><frame src="top.html" name="top">'
        '<frameset cols="200,*"><frame src="menu.html"><frame src="main.php" name="main">'
        "</frameset></frameset></html>"
    )
    assert frame_sources(tree, "http://www.x.bg/", SITE) == [
        "http://www.x.bg/top.html",
        "http://www.x.bg/menu.html",
        "http://www.x.bg/main.php",
    ]
    tree = LexborHTMLParser(
        '<html><body><iframe src="https://www.google.com/maps/embed?pb=1"></iframe>'
        '<iframe src="/docs/plan.pdf"></iframe><iframe src="novini.php"></iframe>'
        '<iframe src="novini_list.php?cat=2"></iframe></body></html>'
    )
    assert frame_sources(tree, "http://www.x.bg/novini.php", SITE) == [
        "http://www.x.bg/novini_list.php?cat=2"
    ]


def _mirror(root: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(html, encoding="utf-8")
    return root


_ARTICLE = (
    "<html><head><title>{title}</title></head><body><h2>{title}</h2><p>Дата: 0{n}.11.2026</p>"
    "<p>Общинската администрация съобщава на жителите за {title_l} в близките дни.</p>"
    "<p>Подробности могат да се получат в центъра за услуги на гражданите всеки ден.</p>"
    "</body></html>"
)
_TITLES = (
    "Ремонт на улица „Хаджи Димитър“ в центъра",
    "Нови пейки в градската градина край реката",
    "Празник на селото с народни песни и хоро",
    "Прием на документи за общински жилища",
)


def _articles(prefix: str) -> dict[str, str]:
    return {
        f"{prefix}{n}": _ARTICLE.format(title=title, title_l=title.lower(), n=n)
        for n, title in enumerate(_TITLES, start=1)
    }


def _list(link: str) -> str:
    rows = "".join(
        f"<tr><td>0{n}.11.2026</td><td>{link.format(n=n, title=title)}</td></tr>"
        for n, title in enumerate(_TITLES, start=1)
    )
    return f"<html><body><table>{rows}</table></body></html>"


def test_a_frameset_home_page_is_read_through_its_frames(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A ``<frameset>`` home page holds no link at all: its menu and its news are in the
    frames it shows. Exploring read the frameset alone, found nothing and failed the run
    ("found no feed, sitemap or listing of news")."""
    root = _mirror(
        tmp_path / "mirror",
        {
            "index.html": '<html><head><title>Община X</title></head><frameset cols="180,*">'
            '<frame src="menu.html" name="menu"><frame src="main.php" name="main"></frameset>'
            "</html>",
            "menu.html": '<html><body><a href="main.php" target="main">Начало</a><br>'
            '<a href="vesti.php" target="main">Новини</a></body></html>',
            "main.php": "<html><body><p>Добре дошли в Община X.</p></body></html>",
            "vesti.php": _list('<a href="statia.php@id={n}">{title}</a>'.replace("@", "?")),
            **_articles("statia.php@id="),
        },
    )
    first, nightly = _crawl_twice(run_cli, db, tmp_path, root, "Община X", "http://www.x.bg")
    assert {"/menu.html", "/vesti.php"} <= set(first)
    assert len(nightly) <= 3, nightly
    with sqlite3.connect(db) as conn:
        urls = {url for (url,) in conn.execute("SELECT url FROM articles")}
    assert urls == {f"http://www.x.bg/statia.php?id={n}" for n in range(1, 5)}


def test_a_news_page_listing_its_news_in_an_iframe_is_read_through_it(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """ "Новини" lists nothing itself: its list is ``<iframe src="spisak.php">``. The
    section was dropped as no listing, and the run failed."""
    root = _mirror(
        tmp_path / "mirror",
        {
            "index.html": '<html><body><ul class="menu"><li><a href="/">Начало</a></li>'
            '<li><a href="novini.php">Новини</a></li></ul><p>Добре дошли.</p>'
            '<iframe src="banner.php"></iframe></body></html>',
            "banner.php": "<html><body>Реклама</body></html>",
            "novini.php": '<html><body><ul class="menu"><li><a href="/">Начало</a></li></ul>'
            '<h2>Новини</h2><iframe src="spisak.php" width="500"></iframe></body></html>',
            "spisak.php": _list('<a href="statia.php?id={n}" target="_top">{title}</a>'),
            **_articles("statia.php@id="),
        },
    )
    first, nightly = _crawl_twice(run_cli, db, tmp_path, root, "Община X", "http://www.x.bg")
    assert "/spisak.php" in first
    # a home page with a menu of its own is read alone: its frames are not its content
    assert "/banner.php" not in first
    assert len(nightly) <= 3, nightly
    with sqlite3.connect(db) as conn:
        urls = {url for (url,) in conn.execute("SELECT url FROM articles")}
    assert urls == {f"http://www.x.bg/statia.php?id={n}" for n in range(1, 5)}


_OPENER = """<script type="text/javascript">
function showMap() {{ document.getElementById('map').style.display = 'block'; }}
function openNews({params}) {{
  var w = window.open({built}, 'novina', 'width=600,height=500,scrollbars=yes');
  w.focus();
}}
</script>"""


@pytest.mark.parametrize(
    ("params", "built", "call", "url"),
    [
        ("id", "'news.php?id=' + id", "javascript:openNews(84)", "news.php?id=84"),
        ("id", '"/novini/" + id + ".html"', "javascript:openNews('84')", "/novini/84.html"),
        ("cat, id", "'news.php?cat=' + cat + '&id=' + id", "javascript:openNews(2, 84)", None),
        ("lang, id", "'/' + lang + '/news.php?id=' + id", "javascript:openNews('bg', 84)", None),
    ],
)
def test_a_call_of_the_pages_own_function_leads_where_the_function_opens(
    params: str, built: str, call: str, url: str | None
) -> None:
    """``href="javascript:openNews(84)"`` with ``function openNews(id) { window.open(
    'news.php?id=' + id, …) }``: the id in the call is all the link says, and its item was
    no link at all (a list of them listed nothing). A URL of two arguments is not guessed."""
    tree = LexborHTMLParser(
        f"<html><head>{_OPENER.format(params=params, built=built)}</head></html>"
    )
    calls = script_calls(tree)
    assert "showMap" not in calls
    anchor = LexborHTMLParser(f'<a href="{call}">Новина</a>').css_first("a")
    assert anchor is not None
    assert link_target(anchor, calls) == url
    assert link_target(anchor) is None  # without the page's functions, nowhere


def test_a_script_of_one_endless_name_is_read_in_one_pass() -> None:
    """A hostile inline script of "a$a$…" (100,000 characters, within the 200,000 read):
    no function in it, and the one assigned after it is still found, as a name is read
    from where a word starts in its run ("1$open" names "$open"). An assigned name was
    tried from every place a word starts in the run, each trying the run's rest again:
    20,000 characters took 26 s, these 100,000 ten minutes and more."""
    hostile = "var v = " + "a$" * 50_000 + ";"
    opener = "1$open = function(id) { window.open('news.php?id=' + id, 'w') }"
    tree = LexborHTMLParser(f"<html><head><script>{hostile}{opener}</script></head></html>")
    assert script_calls(tree) == {"$open": ScriptCall("news.php?id=", 0)}


def test_a_list_of_scripted_pop_up_links_is_a_listing() -> None:
    """The list ``slivovo`` shows in its iframe: every item's link (and row) only calls the
    list's ``openNews(id)``; the walk queued none of them."""
    site = Profile(
        id="slivovo", name="x", origin="https://www.biblioteka-slivovo.org",
        hosts=("www.biblioteka-slivovo.org",),
    )  # fmt: skip
    html = (SITES / "slivovo" / "novini_list.php").read_text(encoding="utf-8")
    urls = [c.url for c in article_links(html, f"{site.origin}/novini_list.php", site, [])]
    ids = [row["url"] for row in site_json("slivovo", "expected.json")][:5]
    assert urls == ids


def test_a_menu_entry_a_script_function_opens_is_a_section() -> None:
    """A menu whose entries call ``go('novini')`` of the page's script, which opens
    ``'/' + page + '.php'``: "Новини" is a section like any link."""
    tree = LexborHTMLParser(
        "<html><head><script>function go(page) { location.href = '/' + page + '.php'; }"
        "</script></head><body><a href=\"javascript:go('novini')\">Новини</a>"
        "<a href=\"javascript:go('kontakti')\">Контакти</a></body></html>"
    )
    assert section_links(tree, "http://www.x.bg/", SITE) == ["http://www.x.bg/novini.php"]


def test_a_section_heading_the_title_names_is_not_the_headline() -> None:
    """ASP.NET pages titled "Община Рамница - Новини" print "Новини" as the section's
    heading over the article, whose headline is a ``<span class="newsTitle">``: the stated
    title was taken as printed, so as what the reader sees, and every article was titled
    "Новини"."""
    site = Profile(
        id="ramnitsa", name="Община Рамница", origin="https://www.ramnitsa.bg",
        hosts=("www.ramnitsa.bg",),
    )  # fmt: skip
    html = (SITES / "ramnitsa" / "NewsDetails.aspx@id=2291").read_bytes()
    article = extract(html, "https://www.ramnitsa.bg/NewsDetails.aspx?id=2291", profile=site)
    assert article.title == "Община Рамница подписа договор за ремонт на три детски градини"
    assert str(article.published) == "2026-11-27"
    assert article.text.startswith("Кметът на община Рамница подписа договор")


def test_a_printed_title_of_many_words_is_still_the_headline() -> None:
    """The page prints its stated title (a headline, not a menu's section) and a bold lead
    under it: the title stands."""
    html = (
        "<html><head><title>Нов парк в квартал Изток | Община X</title></head><body>"
        '<ul class="menu"><li><a href="/novini">Новини</a></li></ul>'
        "<h2>Нов парк в квартал Изток</h2><p><b>Работата продължи три месеца</b></p>"
        "<p>Общината откри новия парк в квартал Изток с детска площадка и алеи за разходка.</p>"
        "<p>В парка са засадени над двеста дървета и храста от местни видове растения.</p>"
        "</body></html>"
    )
    assert extract(html, "https://www.x.bg/novini/12").title == "Нов парк в квартал Изток"


def test_a_postback_pager_is_told_from_a_linked_one() -> None:
    posted = (
        '<html><body><table><tr><td><span>1</span></td><td><a href="javascript:__doPostBack('
        "'ctl00$Main$gvNews','Page$2')\">2</a></td></tr></table></body></html>"
    )
    assert posted_pager(posted)
    linked = (
        '<html><body><a href="?page=2">2</a>'
        "<a href=\"javascript:__doPostBack('ctl00$Login','')\">Вход</a></body></html>"
    )
    assert not posted_pager(linked)


def test_a_listing_paged_only_by_form_posts_says_what_it_cannot_reach(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Without its sitemap, the ASP.NET site's news past the first page can only be
    reached by posting the form back, which a polite GET crawler does not: the run
    archives what it can reach and says the rest is out of reach (it said nothing); with
    the sitemap, nothing is out of reach and nothing is said."""
    root = tmp_path / "mirror"
    shutil.copytree(SITES / "ramnitsa", root)
    (root / "sitemap.xml").unlink()
    (root / "robots.txt").write_text("User-agent: *\nDisallow: /Admin/\n", encoding="utf-8")
    name, origin = ANCIENT_SITES["ramnitsa"]
    profile = tmp_path / "site.toml"
    profile.write_text(f'id = "site"\nname = "{name}"\norigin = "{origin}"\n', encoding="utf-8")
    with MirrorServer(root) as server:
        args = (
            "crawl",
            "site",
            "--profile",
            str(profile),
            "--base-url",
            server.url,
            "--delay",
            "0",
        )
        result = run_cli(*args, "--db", str(db))
    assert result.exit_code == 0, result.stderr
    assert "__doPostBack" in result.stderr and "not archived" in result.stderr
    with sqlite3.connect(db) as conn:
        count = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert count == 5  # the first page's five (the feed's are the same)
    with MirrorServer(SITES / "ramnitsa") as server:
        args = (
            "crawl",
            "site",
            "--profile",
            str(profile),
            "--base-url",
            server.url,
            "--delay",
            "0",
        )
        result = run_cli(*args, "--db", str(tmp_path / "whole.db"))
    assert result.exit_code == 0, result.stderr
    assert "__doPostBack" not in result.stderr
