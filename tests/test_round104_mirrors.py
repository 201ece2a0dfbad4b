"""A hundred-and-fourth round of site shapes: the CMSs and publishing platforms rounds
102 and 103 left, each in its default markup, URLs and UI words, crawled from the origin
alone (a profile of id, name and origin) through a real ``MirrorServer``, as
``test_round103_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round104.py``): a municipality on ProcessWire,
``/novini/<slug>/`` paged by MarkupPagerNav's ``/novini/page2/`` (stranevo); a community
centre's Mobirise site, every page a flat ``pageN.html``, a post's paragraphs one
``<p>`` parted by ``<br><br>`` (svetlina); a journalist's Medium profile,
``/@byalavoda/<cyrillic-slug>-<hash>``, every link a ``?source=`` copy, the older posts
only in ``/feed/@byalavoda`` (byalavoda); a кметство's Telegram channel
``t.me/s/<channel>``, paged ``?before=``, linking Telegraph pages on ``telegra.ph``
(dolnoselo). Each must archive exactly its articles, each once, with the true title,
date, author and body.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

from newsarchive.discover.shape import is_list_path, looks_like_article_path
from newsarchive.extraction import extract
from newsarchive.extraction.bylines import signed_line
from newsarchive.models import Article

from .mirror_sites import check_bare_crawl
from .support import Result

ROUND104_SITES = {
    "stranevo": ("Община Странево", "https://www.stranevo.bg"),
    "svetlina": ("Читалище „Светлина 1926“ – с. Равногор", "https://www.chitalishte-ravnogor.bg"),
    "byalavoda": ("Бяла вода днес", "https://medium.com/@byalavoda"),
    "dolnoselo": ("Кметство Долно село", "https://t.me/s/kmetstvo_dolnoselo"),
}


# The gaps this round found and left (README): each site's test fails until mended.
# (Mended: ProcessWire's "Публикувано на … от <name> в <category>", the category after
# the name, ``test_a_posted_on_line_*``; its ``/kategorii/<name>/`` category pages, whose
# links in each card's meta line were taken for the cards' own and the pages archived,
# now lists by their path; Medium's clap count opening the text,
# ``test_a_count_alone_*``.)
GAPS: dict[str, str] = {
    "byalavoda": (
        "the profile at /@byalavoda shows its newest six; the older three are only in "
        "/feed/@byalavoda, which the head's <link rel=alternate> names but which lies "
        "outside the site's folder, so on_site refuses it: 6 of 9"
    ),
    "dolnoselo": (
        "every article is a Telegraph page on telegra.ph, another host than the channel "
        "t.me/s/<channel> that alone links them; links off the site's hosts are never "
        "followed, so the crawl finds no news (exit 1, 0 of 9)"
    ),
}


@pytest.mark.parametrize(
    "site",
    [
        pytest.param(site, marks=pytest.mark.xfail(reason=GAPS[site], strict=True))
        if site in GAPS
        else site
        for site in sorted(ROUND104_SITES)
    ],
)
def test_a_round104_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    first, nightly = check_bare_crawl(run_cli, db, tmp_path, site, *ROUND104_SITES[site])
    print(site, len(first), "requests, rerun", len(nightly))


FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)
SITES = Path(__file__).parent / "fixtures/sites"


def _extract(site: str, file: str, url: str) -> Article:
    return extract((SITES / site / file).read_text(encoding="utf-8"), url, today=FETCHED)


def test_a_posted_on_line_filing_the_post_after_the_name_names_the_writer() -> None:
    """stranevo: ProcessWire's blog template prints "Публикувано на 11.11.2026, 12:59 ч.
    от Мария Стоянова в Община", the category after the name; it named nobody (the
    category read as part of the name), as "Posted on … by Jane Doe in News" did."""
    article = _extract(
        "stranevo",
        "novini/remont-na-ulitsite/index.html",
        "https://www.stranevo.bg/novini/remont-na-ulitsite/",
    )
    assert article.author == "Мария Стоянова"


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Публикувано на 11.11.2026 от Мария Стоянова в Община", "Мария Стоянова"),
        ("Posted on March 3, 2026 by Jane Doe in Local News", "Jane Doe"),
    ],
)
def test_a_posted_on_line_reads_past_a_filing_after_the_name(line: str, name: str) -> None:
    assert signed_line(line) == name


def test_a_count_alone_before_the_text_is_no_line_of_it() -> None:
    """byalavoda: Medium prints the post's clap count, "18", in a ``<p>`` of its own
    between the byline and the text (the response count and "Listen", "Share" in
    buttons beside it): it opened the archived text as its first line."""
    post = next(
        (SITES / "byalavoda/@byalavoda").glob("безплатни-прегледи-за-диабет-*[0-9a-f].html")
    )
    text = extract(post.read_text(encoding="utf-8"), "https://medium.com/@byalavoda/x").text
    assert text.startswith("Лекари ще мерят кръвната захар")


@pytest.mark.parametrize("count", ["18", "1.2K"])
def test_a_count_alone_at_the_texts_edge_is_cut(count: str) -> None:
    body = (
        "<p>Лекари ще мерят кръвната захар на всички желаещи в събота сутрин.</p>"
        "<p>Прегледите ще бъдат в залата на пенсионерския клуб до обяд.</p>"
    )
    html = (
        "<html><head><title>Прегледи</title></head><body><h1>Прегледи</h1>"
        f"<article><p>{count}</p>{body}</article></body></html>"
    )
    assert extract(html, "https://x.bg/novini/pregledi").text.startswith("Лекари")


def test_a_kategorii_folder_is_a_categorys_list_not_an_article() -> None:
    """stranevo: ProcessWire's categories under ``/kategorii/<name>/`` (the Bulgarian
    plural): the link in each card's "Публикувано на 29.11.2026 в <a>Община</a>" was taken
    for the card's dated item, and the three category pages were archived."""
    assert is_list_path("/kategorii/obshtina/")
    assert not looks_like_article_path("https://www.stranevo.bg/kategorii/obshtina/")
