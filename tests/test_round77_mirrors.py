"""A seventy-seventh round of site shapes, four whole small sites whose news a crawler
must find in a way no round had, crawled from the origin alone (a profile of id, name
and origin) through a real ``MirrorServer``, as ``test_round72_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round77.py``): a menu a script writes from
inline JSON, ``var menu=[{"t":"Новини","u":"/bg/novini"}]``, no ``<a>`` to the news
(menyuvo); a menu that is only a ``<select onchange="location=this.value">`` (izborno);
news only in the home page's "Пресцентър" block, "Архив »" in its footer (presblok);
article links ``<a href="#" onclick="window.open('/novina.php?id=5', …)">`` (prozorchevo).
Each must archive exactly its articles with the true title, date and body, and a rerun
right after must cost at most three requests.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover import explore
from newsarchive.markup import parse_html
from newsarchive.models import Profile

from .mirror_sites import article_rows, check_bare_crawl, mirror_crawls
from .support import Result

ROUND77_SITES = {
    # var menu=[{"t":"Новини","u":"/bg/novini"}] written into <ul id="menu"> by a script
    "menyuvo": ("Община Менюво", "https://menyuvo.bg"),
    # <select onchange="location=this.value"><option value="/novini.php">Новини</option>
    "izborno": ("Община Изборно", "https://izborno.bg"),
    # the home page's "Пресцентър" block, "Архив »" to /prescentar/arhiv?str=2
    "presblok": ("Община Пресблок", "https://presblok.bg"),
    # <a href="#" onclick="window.open('/novina.php?id=905','novina','width=640');">
    "prozorchevo": ("Община Прозорчево", "https://prozorchevo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND77_SITES))
def test_a_round77_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND77_SITES[site])


def _home(nav: str, body: str = "<p>Добре дошли.</p>") -> str:
    return (
        f"<html><head><title>Община</title></head><body>{nav}<div id='main'>{body}</div>"
        '<div id="footer"><a href="/kontakti">Контакти</a></div></body></html>'
    )


_SITE = Profile(id="x", name="x", origin="https://x.bg", hosts=("x.bg",))


@pytest.mark.parametrize(
    ("script", "sections"),
    [
        # menyuvo: the menu's data, JSON in a var, looped into an empty <ul>
        ('var menu=[{"t":"Начало","u":"/bg/"},{"t":"Новини","u":"/bg/novini"},'
         '{"t":"Контакти","u":"/bg/kontakti"}];', ["https://x.bg/bg/novini"]),
        # keys unquoted, an escaped slash, the address first
        ('window.nav = [{url:"\\/novini.php", label:"Новини"}, {url:"/za.php", label:"За"}]',
         ["https://x.bg/novini.php"]),
        # an object of two texts and no address, or of two addresses: no menu entry
        ('var t = {"ok":"Добре","no":"Не"}; var a = {"u":"/novini","v":"/arhiv"};', []),
    ],
)  # fmt: skip
def test_a_menu_a_script_writes_from_its_data_names_the_news_section(
    script: str, sections: list[str]
) -> None:
    """menyuvo's only menu is a script's: ``var menu=[{"t":"Новини","u":"/bg/novini"}]``
    written into an empty ``<ul id="menu">``, no ``<a>`` to the news on any page. The
    crawl found no section and said "not a news site" (0 of 9); each object of one address
    and one short label is read as the link it stands for."""
    page = _home(f'<ul id="menu"></ul><script>{script}</script>')
    assert explore.section_links(parse_html(page), "https://x.bg/", _SITE) == sections


def test_json_ld_and_a_pages_real_menu_are_not_read_as_a_script_menu() -> None:
    """Only where no ``<a>`` names a section are the script's entries read, and only
    the scripts a browser runs: typed data (JSON-LD's breadcrumbs) is no menu."""
    ld = '<script type="application/ld+json">{"name":"Новини","item":"/novini"}</script>'
    assert explore.section_links(parse_html(_home(ld)), "https://x.bg/", _SITE) == []
    both = _home('<a href="/aktualno">Актуално</a><script>var m=[{"t":"Новини","u":"/n"}]</script>')
    assert explore.section_links(parse_html(both), "https://x.bg/", _SITE) == [
        "https://x.bg/aktualno"
    ]


@pytest.mark.parametrize(
    ("onchange", "sections"),
    [
        ("location=this.value", ["https://x.bg/novini.php"]),
        ("window.location.href=this.options[this.selectedIndex].value", ["https://x.bg/novini.php"]),
        # a drop-down its script does not open (a filter read by the page): no menu
        ("filtriray(this.value)", []),
    ],
)  # fmt: skip
def test_a_navigation_drop_down_its_script_opens_names_the_news_section(
    onchange: str, sections: list[str]
) -> None:
    """izborno's only menu is ``<select onchange="location=this.value">``, each option's
    value a section's address: the crawl found no section (0 of 9). The option its script
    opens is read as a link, as a pager's drop-down is (``listings``, one ``script_choice``)."""
    nav = (
        f'<form action="#"><select name="nav" onchange="{onchange}">'
        '<option value="">-- изберете --</option><option value="/">Начало</option>'
        '<option value="/novini.php">Новини</option><option value="/kontakti.php">Контакти'
        "</option></select></form>"
    )
    assert explore.section_links(parse_html(_home(nav)), "https://x.bg/", _SITE) == sections


def test_presbloks_press_centre_block_is_walked_through_its_archive(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """presblok's news are only its home page's "Пресцентър" block, the newest three and
    "Архив »" beneath, no menu naming them: the home page was the listing, 3 of 9
    archived. A home page listing the newest few with no pager is walked through the
    archive it links, when that archive lists them too (``archive_instead``)."""
    with mirror_crawls(run_cli, db, tmp_path, "presblok", *ROUND77_SITES["presblok"]) as crawls:
        run_cli(*crawls.args)
        asked = list(crawls.server.requests)
    assert "/prescentar/arhiv?str=3" in asked
    assert len(article_rows(db)) == 9
