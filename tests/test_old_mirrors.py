"""Two sites older and plainer than the CMS mirrors, crawled from the origin alone (a
profile of id, name, origin and hosts) through a real ``MirrorServer``.

The mirrors (``tests/fixtures/make_mirrors_round4.py``): ``tihorechie``, an old municipal
PHP site of one layout table (no h1, no metadata, one ``<title>`` for every page, a bold
headline in a table cell, ``<br><br>`` between paragraphs, windows-1251 stated only in
``<meta http-equiv>``), and ``iskra-vedrovo``, a village community centre's Blogger blog
(h3 headlines under the blog's name in h1, one date heading over a day's posts, comment
permalinks and ``?m=1`` copies of every page, a five-post feed, ``/search`` closed by
robots.txt). Each must archive exactly its articles, under their canonical URLs, with the
true title, date, author and body, and the nightly rerun must cost at most three requests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.discover.explore import declared_feeds
from newsarchive.discover.listings import article_links
from newsarchive.extraction import extract
from newsarchive.mirror import MirrorServer
from newsarchive.models import Profile

from .mirror_sites import (
    check_bare_crawl,
)
from .support import SITES, Result

OLD_SITES = {
    # one layout table, <b><font size=4> headlines, the same <title> everywhere, cp1251 meta
    "tihorechie": ("Община Тихоречие", "http://www.tihorechie.org"),
    # Blogger: h3 post titles, date headers over a day's posts, ?m=1 and ?showComment copies
    "iskra-vedrovo": ("НЧ „Искра 1911“ – с. Ведрово", "https://iskra-vedrovo.blogspot.com"),
}


@pytest.mark.parametrize("site", sorted(OLD_SITES))
def test_an_old_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *OLD_SITES[site])


def test_a_later_listing_page_robots_txt_closes_ends_the_listing_without_failing(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """Blogger's robots.txt says ``Disallow: /search``, and "По-стари публикации" leads to
    ``/search?updated-max=…``: the listing ends there by the site's wish (the archive
    months and the sitemap still reach the older posts), so the run must not fail."""
    name, origin = OLD_SITES["iskra-vedrovo"]
    profile = tmp_path / "iskra.toml"
    profile.write_text(f'id = "iskra"\nname = "{name}"\norigin = "{origin}"\n', encoding="utf-8")
    with MirrorServer(SITES / "iskra-vedrovo") as server:
        result = run_cli(
            "crawl", "iskra", "--profile", str(profile), "--base-url", server.url,
            "--delay", "0", "--db", str(db),
        )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "failed" not in result.stderr
    assert [path for path in server.requests if path.startswith("/search")] == []


def test_one_feed_announced_in_atom_and_in_rss_is_read_once() -> None:
    """Blogger announces its posts' feed twice ("… - Atom", "… - RSS" at ``?alt=rss``):
    both were read every night, one request past the no-op budget."""
    site = Profile(id="x", name="x", origin="https://x.blogspot.com", hosts=("x.blogspot.com",))
    head = (
        '<link rel="alternate" type="application/atom+xml" title="Читалище - Atom"'
        ' href="https://x.blogspot.com/feeds/posts/default">'
        '<link rel="alternate" type="application/rss+xml" title="Читалище - RSS"'
        ' href="https://x.blogspot.com/feeds/posts/default?alt=rss">'
        '<link rel="alternate" type="application/rss+xml" title="Обяви - RSS"'
        ' href="https://x.blogspot.com/feeds/posts/default/-/obyavi?alt=rss">'
    )
    tree = LexborHTMLParser(f"<html><head>{head}</head><body></body></html>")
    assert declared_feeds(tree, "https://x.blogspot.com/", site) == [
        "https://x.blogspot.com/feeds/posts/default",
        "https://x.blogspot.com/feeds/posts/default/-/obyavi?alt=rss",
    ]


# A Blogger post page, cut to what the fields are read from: the blog's name in an h1
# linking home, the day's heading above the posts, the h3 headline inside "widget Blog"
# (every Blogger blog's posts widget), the byline in the post's "post-footer".
_BLOGGER = """<html><head><title>Читалище Искра: Нови книги в библиотеката</title></head><body>
<div class="header"><h1 class="title"><a href="https://x.blogspot.com/">Читалище Искра</a></h1>
<p class="description">Новини от читалището в селото.</p></div>
<div class="main"><div class="widget Blog" id="Blog1"><div class="blog-posts hfeed">
<div class="date-outer"><h2 class="date-header"><span>събота, 28 ноември 2026 г.</span></h2>
<div class="date-posts"><div class="post-outer"><div class="post hentry">
<h3 class="post-title entry-title" itemprop="name">Нови книги в библиотеката</h3>
<div class="post-body entry-content">
<p>Библиотеката получи над шестдесет нови книги от кампанията на министерството.</p>
<p>Сред тях има романи на български автори, детски енциклопедии и книги за градинарство.</p>
<p>Книгите могат да се заемат всеки делничен ден от девет до дванадесет часа.</p>
</div>
<div class="post-footer"><div class="post-footer-line post-footer-line-1">
<span class="post-author vcard">Публикувано от <span class="fn">{author}</span></span>
<span class="post-timestamp">в {stamp}</span>
</div><div class="post-footer-line post-footer-line-2"><span class="post-labels">Етикети:
<a href="https://x.blogspot.com/search/label/Библиотека" rel="tag">Библиотека</a></span>
</div></div>
</div></div></div></div>
</div></div></div>
<div class="sidebar"><div class="widget BlogArchive"><h2>Архив на блога</h2>
<a href="https://x.blogspot.com/2026/11/">ноември</a></div></div>
</body></html>"""
_BLOGGER_URL = "https://x.blogspot.com/2026/11/blog-post_94.html"


def test_a_blog_title_states_its_name_before_a_colon_and_the_logo_h1_says_it() -> None:
    """Blogger titles a post "Blog name: Post title" under an h1 that links the blog's
    home page: that h1 is the site's name, and so is the part before the colon."""
    html = _BLOGGER.format(author="Петър Донев", stamp="10:30")
    assert extract(html, _BLOGGER_URL).title == "Нови книги в библиотеката"
    # a colon after anything else is the headline's own
    other = html.replace("Читалище Искра:", "ВИДЕО:", 1).replace(">Нови", ">ВИДЕО: Нови")
    assert extract(other, _BLOGGER_URL).title == "ВИДЕО: Нови книги в библиотеката"


def test_a_blogger_posts_date_heading_and_footer_byline_are_read() -> None:
    """The posts sit inside "widget Blog", which the furniture words took for a sidebar
    widget: the h3 headline could not anchor the windows (the logo h1 did, and read the
    blog's description), and the byline and labels in the post's own "post-footer" were
    furniture."""
    article = extract(_BLOGGER.format(author="Петър Донев", stamp="10:30"), _BLOGGER_URL)
    assert article.published == dt.date(2026, 11, 28)
    assert article.author == "Петър Донев"
    assert article.tags == ("Библиотека",)
    assert "Публикувано" not in article.text and "Архив" not in article.text


def test_an_abbr_states_the_microdata_date_in_its_title() -> None:
    """Blogger's footer prints "в 14:05" and gives the time in full in the abbr's title:
    the date is that, not an unreadable "14:05" (which left the day heading only)."""
    stamp = (
        '<abbr class="published" itemprop="datePublished"'
        ' title="2026-11-28T14:05:00+02:00">14:05</abbr>'
    )
    article = extract(_BLOGGER.format(author="Мария Илиева", stamp=stamp), _BLOGGER_URL)
    assert article.published == dt.datetime(
        2026, 11, 28, 14, 5, tzinfo=dt.timezone(dt.timedelta(hours=2))
    )


def test_an_h1_inside_the_microdata_article_body_is_no_headline() -> None:
    """A blogger who heads the sections of a post with h1s: the first of them read as a
    reworded headline once the posts' widget was no longer furniture."""
    html = """<html><head><title>Data Blog: Small adventures with small language models</title>
<meta property="og:title" content="Small adventures with small language models"></head>
<body><h1><a href="https://blog.example.com/">Data Blog</a></h1>
<div class="post hentry"><h3 class="post-title">Small adventures with small language models</h3>
<div class="post-body" itemprop="articleBody">
<p>I've been talking to people about small language models for a little while now.</p>
<h1>Small is the new large in models</h1>
<p>The paper was compelling; it gave the simple message that small models are enough.</p>
</div></div></body></html>"""
    article = extract(html, "https://blog.example.com/2025/12/small.html")
    assert article.title == "Small adventures with small language models"


def test_an_old_table_pages_date_is_read_beside_the_headline_above_its_text() -> None:
    """The same "Община Тихоречие - Новини" titles every page; under the site's profile
    the title rules cut it to "Новини", which the menu prints, and the date was looked
    for beside the menu's link. The headline the text rule found is where the date is."""
    html = (SITES / "tihorechie" / "news.php@id=1043").read_bytes()
    site = Profile(
        id="tihorechie", name="Община Тихоречие", origin="http://www.tihorechie.org",
        hosts=("www.tihorechie.org",),
    )  # fmt: skip
    article = extract(html, "http://www.tihorechie.org/news.php?id=1043", profile=site)
    assert article.title == "Започна подмяната на водопровода в село Горни Вировец"
    assert article.published == dt.date(2026, 11, 27)


def test_a_short_headline_in_a_run_of_posts_is_an_item() -> None:
    """A Blogger month archive: each post's h3 links it, the day heading stands above its
    group and the footer's time link is no date. "Седянка в читалището" has three words,
    under the four a headline needs to stand alone; the run's other posts, whose URLs
    share its shape, vouch for it. It was left off the listing (the sitemap still had it)."""
    name, origin = OLD_SITES["iskra-vedrovo"]
    site = Profile(id="iskra", name=name, origin=origin, hosts=(origin.split("//")[1],))
    html = (SITES / "iskra-vedrovo" / "2026" / "10" / "index.html").read_text(encoding="utf-8")
    urls = [c.url for c in article_links(html, f"{origin}/2026/10/", site, [])]
    slugs = ("blog-post_27", "blog-post_19_oct", "blog-post_12", "blog-post_05", "blog-post_01")
    assert urls == [f"{origin}/2026/10/{slug}.html" for slug in slugs]


@pytest.mark.parametrize(
    ("closing", "kept"),
    [
        ("Публикувана на: 22.10.2026 г.", False),
        ("24.11.2026 г. в 10:30 ч.", False),
        ("София, 12 ноември 2026 г.", True),  # a letter's place and day: its text
        ("29 ноември 2026 | 20 януари 2027", True),  # an event's dates: its text
    ],
)
def test_a_date_line_closing_the_text_is_not_the_text(closing: str, kept: bool) -> None:
    """Old sites print the date under the text; it was kept as the last paragraph."""
    prose = (
        "<p>Дирекция „Социално подпомагане“ приема заявления за помощ за отопление.</p>"
        "<p>Заявленията се подават в стая номер три на първия етаж в сградата на общината.</p>"
        "<p>Служителите ще посетят трудноподвижните хора, които се обадят по телефона.</p>"
    )
    html = (
        "<html><head><title>Прием на заявления за помощ за отопление</title></head><body>"
        f"<h1>Прием на заявления за помощ за отопление</h1>{prose}<p>{closing}</p>"
        "</body></html>"
    )
    text = extract(html, "https://www.x.bg/news.php?id=7").text
    assert text.endswith(closing) is kept
    assert text.startswith("Дирекция")
