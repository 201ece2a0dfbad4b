"""A page the crawl knows as a list is never archived as an article, whichever link
leads there: round 53's stryama (Elementor) with a theme bug real sites have, its post
navigation's "« Предишна публикация" on the oldest article (and "Следваща публикация »"
on the newest) leading to the news list itself, or to a category's page the crawl never
walked. The way back from the oldest article (``SourceReader._older_articles``) followed
it, and the list was archived as a tenth article: no title, its first card's excerpt as
its text.

Measured on the mirror variants (bare profile): the list itself, 18 requests and 10 rows
before, 17 and 9 after (``/novini/`` asked once, never as an article); the category's
page, 18 requests and 10 rows before, 18 and 9 after (it is asked, read as a list of
dated cards, and settled as no article).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from newsarchive.crawl_run import Outcome, SiteReport

from .mirror_sites import article_rows, bare_profile, crawl_twice
from .support import SITES, Result

ORIGIN = "https://stryama.bg"
OLDEST = Path("novini") / "nova-sportna-zala" / "index.html"
NEWEST = Path("novini") / "proverka-na-hidrantite" / "index.html"
NAV = 'elementor-post-navigation">'


def _mirror(tmp_path: Path, older: str) -> Path:
    """stryama, its oldest article's "Предишна публикация" leading to ``older`` and its
    newest's "Следваща публикация" to the news list."""
    root = tmp_path / "stryama"
    shutil.copytree(SITES / "stryama", root)
    page = root / OLDEST
    text = page.read_text(encoding="utf-8")
    link = f'<a href="{older}" rel="prev">« Предишна публикация</a>'
    page.write_text(text.replace(NAV + " ", NAV + link + " ", 1), encoding="utf-8")
    page = root / NEWEST
    text = page.read_text(encoding="utf-8")
    link = '<a href="/novini/" rel="next">Следваща публикация »</a>'
    page.write_text(text.replace("</a> </div>", f"</a> {link}</div>", 1), encoding="utf-8")
    return root


def _crawl(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, root: Path
) -> tuple[list[str], list[str]]:
    profile = bare_profile(tmp_path, "stryama", "Община Стряма", ORIGIN)
    first, nightly = crawl_twice(run_cli, db, profile, "stryama", root)
    return first, nightly


def test_a_post_navigation_to_the_news_list_archives_no_list(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    root = _mirror(tmp_path, "/novini/")
    assert "/novini/" in (root / OLDEST).read_text(encoding="utf-8").split(NAV)[1][:40]
    first, nightly = _crawl(run_cli, db, tmp_path, root)
    urls = sorted(article_rows(db))
    assert f"{ORIGIN}/novini/" not in urls, urls
    assert len(urls) == 9, urls
    assert first.count("/novini/") == 1, first  # walked once, never fetched as an article
    assert len(nightly) <= 3, nightly


def test_a_post_navigation_to_a_category_page_archives_no_list(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """A list the crawl never walked, "Общината", its cards those of the news list's page
    2: read as an article it had no headline of its own and its first card's text."""
    root = _mirror(tmp_path, "/kategoriya/obshtinata/")
    category = root / "kategoriya" / "obshtinata" / "index.html"
    category.parent.mkdir(parents=True)
    listing = (root / "novini" / "page" / "2" / "index.html").read_text(encoding="utf-8")
    category.write_text(listing.replace("<h1>Новини</h1>", "<h1>Общината</h1>"), encoding="utf-8")
    first, _ = _crawl(run_cli, db, tmp_path, root)
    urls = sorted(article_rows(db))
    assert f"{ORIGIN}/kategoriya/obshtinata/" not in urls, urls
    assert len(urls) == 9, urls
    assert "/kategoriya/obshtinata/" in first  # (the way back did lead there)


def _card(slug: str, title: str, day: str, excerpt: str) -> str:
    """A card as stryama's own list prints one (``elementor-post``)."""
    return (
        f'<article class="elementor-post"><div class="elementor-post__text"><h3 class='
        f'"elementor-post__title"><a href="/novini/{slug}/">{title}</a></h3><div class='
        f'"elementor-post__meta-data"><span class="elementor-post-date">{day}</span></div>'
        f'<div class="elementor-post__excerpt"><p>{excerpt}</p></div></div></article>'
    )


def test_a_short_titled_article_beside_its_own_card_in_a_sidebar_is_kept(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """An article headlined in a word ("Покана") whose "Последни новини" sidebar shows
    its own card, its lead as the excerpt, beside three more (read as dated cards, 3 with
    its own left out): its text opens as a card does, but that card is the article's own,
    which a page's cards never count, so the page is no list. The rule's first draft
    settled it as "a list of news": the article's own box, linking the next article in
    its post navigation, read as a card opening with its headline and its text."""
    root = tmp_path / "stryama"
    shutil.copytree(SITES / "stryama", root)
    page = root / OLDEST
    text = page.read_text(encoding="utf-8")
    text = text.replace(">Откриха обновената спортна зала</h1>", ">Покана</h1>", 1)
    sidebar = "".join(
        (
            '<div class="side-col"><h2>Последни новини</h2><div class="elementor-posts-container">',
            _card(
                "nova-sportna-zala",
                "Покана",
                "12 ноември 2026",
                "Залата има нов под, осветление и съблекални.",
            ),
            _card(
                "folklorna-sreshta", "Фолклорна среща", "14 ноември 2026", "Певци от цялата община."
            ),
            _card(
                "shkolna-olimpiada",
                "Училищна олимпиада",
                "16 ноември 2026",
                "Учениците решаваха задачи.",
            ),
            _card(
                "sesiya-na-saveta",
                "Сесия на съвета",
                "18 ноември 2026",
                "Съветниците гласуваха бюджета.",
            ),
            "</div></div>",
        )
    )
    page.write_text(text.replace("</div></main>", f"</div>{sidebar}</main>", 1), encoding="utf-8")
    _crawl(run_cli, db, tmp_path, root)
    rows = article_rows(db)
    assert len(rows) == 9, sorted(rows)
    assert f"{ORIGIN}/novini/nova-sportna-zala/" in rows, sorted(rows)


def test_a_list_settled_so_is_said_as_a_list_not_a_document() -> None:
    """The crawl's summary counts a list it fetched as an article and settled apart from
    documents ("documents, not web pages" was said of it)."""
    report = SiteReport("stryama")
    report.outcomes[Outcome.LIST] += 1
    said = report.summary()
    assert ", 1 lists of news, not articles" in said, said
    assert "documents" not in said, said
