"""A ninety-second round of site shapes: four municipal and tourist-town sites keeping
copies of their news in Russian, English, Turkish and Romanian under templates that lie
(``<html lang="bg">`` on every copy, no ``hreflang``), crawled from the origin alone
through a real ``MirrorServer``, as ``test_round88_mirrors`` does its four.

The mirrors (``tests/fixtures/make_mirrors_round92.py``): a translation plugin's
``?lang=ru``/``?lang=en`` copies written into the one feed (morsko); ``/ru/novosti/`` and
``/en/news/`` copies with a box of Russian news beside every page (slanchevo); Turkish
copies with ids of their own among the Bulgarian news in one paged list (kamenlak);
Romanian and Russian copies in the news feed (dunavgrad). Each must archive exactly its
Bulgarian articles, once, with the true title, date, author and body.
"""

from __future__ import annotations

import datetime as dt
import json
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from newsarchive.extraction import extract
from newsarchive.extraction.text_language import text_language
from newsarchive.extraction.translations import copy_of
from newsarchive.markup import parse_html

from .mirror_sites import check_bare_crawl
from .support import Result

SITES = Path(__file__).parent / "fixtures" / "sites"
BG_PAGES = Path(__file__).resolve().parents[2] / "shared" / "bg-pages"
FETCHED = dt.datetime(2026, 12, 4, 10, 0, tzinfo=dt.UTC)

ROUND92_SITES = {
    "morsko": ("Община Морско", "https://morsko.bg"),
    "slanchevo": ("Община Слънчево", "https://slanchevo.bg"),
    "kamenlak": ("Община Каменлак", "https://kamenlak.bg"),
    "dunavgrad": ("Община Дунавград", "https://dunavgrad.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND92_SITES))
def test_a_round92_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    first, _nightly = check_bare_crawl(run_cli, db, tmp_path, site, *ROUND92_SITES[site])
    print(site, len(first), "requests")


RUSSIAN = (
    "Муниципалитет сообщает, что в ближайшие недели будет продолжен ремонт набережной. "
    "Жителей просят быть внимательными, так как движение будет временно ограничено."
)
BULGARIAN = (
    "Общината съобщава, че през следващите седмици ще продължи ремонтът на крайбрежната "
    "алея. Жителите са помолени да бъдат внимателни, тъй като движението ще бъде ограничено."
)
ENGLISH = (
    "The municipality announces that repairs of the seafront will continue over the "
    "coming weeks, and that traffic will be restricted for a while."
)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (RUSSIAN, "ru"),
        (BULGARIAN, "bg"),
        (ENGLISH, "en"),
        ("Belediye, önümüzdeki haftalarda yolların onarımına devam edileceğini duyurdu ve "
         "vatandaşların dikkatli olması için bir çağrı yaptı.", "tr"),
        # a Bulgarian text quoting a Russian title is Bulgarian
        (BULGARIAN + " Изложбата носи името „Мы были здесь“ и е открита до края на месеца.", "bg"),
        ("Нов детски кът", ""),  # too short to tell: no verdict
    ],
)  # fmt: skip
def test_a_texts_language_is_told_by_its_letters_and_common_words(text: str, language: str) -> None:
    assert text_language(text) == language


def test_a_huge_texts_language_is_told_in_small_memory() -> None:
    """A page of 10 MB may give a text of millions of letters: its language is counted,
    not listed letter by letter (a list of one string a Cyrillic letter held 700 MB for
    4.3 million characters; 2 million characters here)."""
    text = RUSSIAN * (2_000_000 // len(RUSSIAN))
    tracemalloc.start()
    try:
        language = text_language(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert language == "ru"
    # (its letters copied once or twice, and a regex's pieces: 30 MB; a list of them
    # one string a letter held 315 MB)
    assert peak < 20 * len(text), peak


def test_no_bulgarian_article_of_any_mirror_is_called_another_language() -> None:
    """Every expected article of every mirror (Bulgarian, thousands): none is another
    language's, or its site's copy check would drop it."""
    wrong = [
        (path.parent.name, row["url"])
        for path in SITES.glob("*/expected.json")
        for row in json.loads(path.read_text(encoding="utf-8"))
        if isinstance(row, dict) and text_language(row.get("text") or "") not in ("bg", "")
    ]
    assert not wrong


@pytest.mark.skipif(not BG_PAGES.is_dir(), reason="needs ../shared/bg-pages")
def test_no_real_bulgarian_page_is_called_another_language() -> None:
    pages = sorted(BG_PAGES.rglob("*.htm*"))
    assert pages
    for page in pages:
        raw = page.read_bytes()
        try:
            html = raw.decode("utf-8")
        except UnicodeDecodeError:  # (the old government pages: windows-1251)
            html = raw.decode("cp1251", "replace")
        assert text_language(extract(html, "https://x.bg/a/1", today=FETCHED).text) in ("bg", "")


def _copy(text: str, switch: str) -> str:
    return (
        '<html lang="bg"><head><meta charset="utf-8"><title>Новини</title></head><body>'
        f'<div class="langs">{switch}</div><h1>Заглавие</h1><div class="text"><p>{text}</p></div>'
        "</body></html>"
    )


ORIGINAL = '<a href="/novini/5-remont/"><img src="/img/bg.png" alt="БГ"></a> | <span>RU</span>'


@pytest.mark.parametrize(
    ("html", "original"),
    [
        (_copy(RUSSIAN, ORIGINAL), "https://m.bg/novini/5-remont/"),
        (_copy(ENGLISH, '<a href="/news.php?id=5" title="Български">BG</a>'), "https://m.bg/news.php?id=5"),
        (_copy(RUSSIAN, '<a href="/">БГ</a>'), None),  # only the home page: names no original
        (_copy(RUSSIAN, '<a href="/bg/">БГ</a>'), None),
        (_copy(RUSSIAN, '<a href="/?lang=bg">БГ</a>'), None),
        (_copy(BULGARIAN, '<a href="/novini/5-remont/">БГ</a> <a href="?lang=ru">RU</a>'), None),
        (_copy(RUSSIAN, '<a href="https://other.bg/novini/5">БГ</a>'), None),  # another site
        (_copy(RUSSIAN, '<a href="\x00">БГ</a>'), None),  # a broken link names no original
        (_copy(RUSSIAN, '<a href="/news.php?lang=bg&id=%ZZ">БГ</a>'), None),
    ],
)  # fmt: skip
def test_a_copy_whose_template_says_bg_is_told_by_its_text_and_its_switch(
    html: str, original: str | None
) -> None:
    """morsko, slanchevo, kamenlak, dunavgrad: lang="bg" on the Russian copy and no
    hreflang; its text and its "БГ" link to the article say it is a translation."""
    url = "https://m.bg/novini/5-remont/?lang=ru"
    assert copy_of(extract(html, url).text, lambda: parse_html(html), url) == original


def test_a_bulgarian_texts_language_switch_is_never_read() -> None:
    """The tree is asked for only where the text is another language's: a crawl parses a
    profiled site's page again for it (``harvest.judge``), so a Bulgarian article, nearly
    every one, costs no second parse."""
    url = "https://m.bg/novini/5-remont/?lang=ru"
    asked: list[str] = []

    def tree_of(html: str) -> Callable[[], LexborHTMLParser]:
        def tree() -> LexborHTMLParser:
            asked.append(html)
            return parse_html(html)

        return tree

    bulgarian = _copy(BULGARIAN, '<a href="/novini/5-remont/">БГ</a> <a href="?lang=ru">RU</a>')
    assert copy_of(extract(bulgarian, url).text, tree_of(bulgarian), url) is None
    assert asked == []
    russian = _copy(RUSSIAN, '<a href="/novini/5-remont/">БГ</a>')
    assert copy_of(extract(russian, url).text, tree_of(russian), url) == (
        "https://m.bg/novini/5-remont/"
    )
    assert asked == [russian]
