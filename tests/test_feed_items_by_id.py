"""A small municipality whose only way to its news is the site's one feed, ``/rss.xml``
at the root, named by the home page's ``<link rel="alternate">``: its titled items are
``/novini/540``, ``/novini/541``, … (an id of three digits, no slug), and the home page
lists no news at all (a welcome, the menu "Общината", "Контакти").

Before, every item was dropped unread: no article to the generic guess (a slug of three
words or a long id), of no shape a listing taught (the site shows none), no Google News
or WordPress word, and the root feed's folder is the whole site (``_in_its_folder``).
Now a feed's titled item filed under a folder by its own id (``feeds._item_by_id``) is
the feed's post; its static pages, tags and untitled sitemap entries stay out.

One local server answers for the site (``pageserver.answering``), its pages written here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from newsarchive.discover.feeds import feed_links
from newsarchive.models import SOURCE_FEED, SOURCE_SITEMAP, Profile

from .mirror_sites import bare_profile
from .pageserver import answering
from .support import Result

ORIGIN = "https://www.srednopole.bg"
NAME = "Община Средно поле"
GONE = "<html><body><h1>Страницата не е намерена</h1></body></html>"
NEWS = {
    540: "Започва ремонтът на водопровода в село Горно",
    541: "Общинският съвет одобри новия план за сметосъбиране",
    542: "Кметът награди отличниците от местните училища",
    543: "Детската градина получи нови играчки и обзавеждане",
    544: "Зимното почистване на пътищата ще започне по-рано",
}


def _page(title: str, main: str) -> str:
    return (
        f'<!doctype html><html lang="bg"><head><meta charset="utf-8"><title>{title}</title>'
        f'<link rel="alternate" type="application/rss+xml" title="{NAME}" href="/rss.xml">'
        '</head><body><header><nav><ul><li><a href="/">Начало</a></li>'
        '<li><a href="/obshtinata">Общината</a></li><li><a href="/kontakti">Контакти</a></li>'
        f"</ul></nav></header><main>{main}</main><footer>© {NAME}</footer></body></html>"
    )


def _rss() -> str:
    """The whole site's feed: the five news (newest first) and its two static pages,
    titled as the news are, as a small CMS's "everything" feed prints them."""
    rows = [
        f"<item><title>{title}</title><link>{ORIGIN}/novini/{n}</link>"
        f"<pubDate>{n - 530} Nov 2026 10:00:00 +0200</pubDate></item>"
        for n, title in sorted(NEWS.items(), reverse=True)
    ]
    rows += [
        f"<item><title>{title}</title><link>{ORIGIN}{path}</link></item>"
        for path, title in (("/obshtinata", "Общината"), ("/kontakti", "Контакти"))
    ]
    channel = f"<channel><title>{NAME}</title><link>{ORIGIN}/</link>{''.join(rows)}</channel>"
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">{channel}</rss>'


def _article(n: int) -> str:
    text = "".join(
        f"<p>Абзац {k}: общината съобщава на жителите подробности за сроковете, местата"
        " и телефоните, на които могат да се обръщат за помощ и въпроси.</p>"
        for k in range(1, 5)
    )
    day = n - 530
    return (
        f'<article><h1>{NEWS[n]}</h1><time datetime="2026-11-{day:02d}">{day:02d}.11.2026'
        f"</time><div>{text}</div></article>"
    )


def answer(url: str) -> tuple[int, dict[str, str], str]:
    path = url.removeprefix(ORIGIN)
    if path == "/":
        welcome = "<h1>Добре дошли</h1><p>Официалният сайт на общината и нейните села.</p>"
        return 200, {}, _page(NAME, welcome)
    if path == "/obshtinata":
        return 200, {}, _page("Общината", "<h1>Общината</h1><p>Девет села и един град.</p>")
    if path == "/kontakti":
        return 200, {}, _page("Контакти", "<h1>Контакти</h1><p>пл. Централен 1</p>")
    if path == "/rss.xml":
        return 200, {"Content-Type": "application/rss+xml"}, _rss()
    number = path.removeprefix("/novini/")
    if number.isdigit() and int(number) in NEWS:
        return 200, {}, _page(NEWS[int(number)], _article(int(number)))
    return 404, {}, GONE


def _archived(db: Path) -> set[str]:
    with closing(sqlite3.connect(db)) as conn:
        return {url for (url,) in conn.execute("SELECT url FROM articles")}


def test_a_root_feeds_items_filed_by_a_short_id_are_the_sites_news(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A bare crawl archives the five news the root feed names and nothing else (not
    the static pages the feed lists beside them); a rerun archives nothing new."""
    profile = bare_profile(tmp_path, "srednopole", NAME, ORIGIN)
    with answering(answer) as (url, asked):
        args = ("crawl", "srednopole", "--profile", str(profile), "--base-url", url,
                "--delay", "0", "--db", str(db))  # fmt: skip
        first = run_cli(*args)
        assert first.exit_code == 0, first.stderr
        assert _archived(db) == {f"{ORIGIN}/novini/{n}" for n in NEWS}, first.stdout
        second = run_cli(*args)
        assert second.exit_code == 0, second.stderr
        assert len(_archived(db)) == len(NEWS)


SITE = Profile(id="x", name="X", origin=ORIGIN, hosts=("www.srednopole.bg",))


def _feed_of(*links: str, titled: bool = True) -> bytes:
    rows = "".join(
        f"<item>{'<title>Заглавие</title>' if titled else ''}<link>{ORIGIN}{link}</link></item>"
        for link in links
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel>{rows}</channel></rss>'.encode()


@pytest.mark.parametrize(
    ("link", "taken"),
    [
        ("/novini/540", True),
        ("/novini/12", True),
        ("/statia/540/", True),
        ("/statii/12-novina", True),
        ("/novini/540.html", True),
        ("/news.php?id=5", True),
        ("/index.php?newsid=7", True),
        ("/obshtina/novini/3", True),
        # a page's name, however deep (a root feed listing a static page or a category's
        # post of two words, ``test_a_wordpress_feeds_item_its_guid_names_a_post...``)
        ("/kontakti", False),
        ("/za-obshtinata/istoriya", False),
        ("/", False),
        ("/540", False),  # an id at the root: no folder files it (a year's archive alike)
        ("/tag/540", False),
        ("/page/2", False),
        ("/novini?page=2", False),
        ("/index.php?Itemid=101", False),
        ("/?page_id=5", False),  # a WordPress page
        ("/index.php?option=com_content&view=category&id=8", False),
        ("/novini/540/feed", False),
        ("/dokumenti/540.pdf", False),
        ("/nekrolozi/540", False),
    ],
)
def test_a_feeds_titled_item_filed_by_its_own_id_is_an_article(link: str, taken: bool) -> None:
    got = feed_links(_feed_of(link), SITE, SOURCE_FEED, base=f"{ORIGIN}/rss.xml")
    assert [c.url for c in got.articles] == ([f"{ORIGIN}{link}"] if taken else [])


def test_an_untitled_item_a_sitemaps_entry_a_patterned_profile_or_another_host_is_not() -> None:
    """The rule is a feed's (its items are the site's posts, each titled): never a
    sitemap's entry (a sitemap lists every page), an untitled item, an item of another
    host, or where the profile's own article pattern is the rule."""
    base = f"{ORIGIN}/rss.xml"
    assert (
        feed_links(_feed_of("/novini/540", titled=False), SITE, SOURCE_FEED, base=base).articles
        == []
    )
    sitemap = (
        '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{ORIGIN}/novini/540</loc></url></urlset>"
    ).encode()
    assert feed_links(sitemap, SITE, SOURCE_SITEMAP, base=f"{ORIGIN}/sitemap.xml").articles == []
    other = _feed_of("/novini/540").replace(b"www.srednopole.bg", b"www.drugo.bg")
    assert feed_links(other, SITE, SOURCE_FEED, base=base).articles == []
    patterned = Profile(id="x", name="X", origin=ORIGIN, article_pattern=r"^/statia/")
    assert feed_links(_feed_of("/novini/540"), patterned, SOURCE_FEED, base=base).articles == []
