"""A tenth round of site shapes, crawled from the origin alone (a profile of id, name and
origin) through a real ``MirrorServer``, as ``test_round9_mirrors`` does its five.

The mirrors (``tests/fixtures/make_mirrors_round10.py``): a municipality built with a
CSS-in-JS and utility-class toolchain, no semantic elements and no ids, its article, "Още
новини" cards, comments and footer told apart by structure only, half its articles
without JSON-LD (maglenik); a municipality whose news list loads more from a JSON
endpoint named in a "Зареди още" button's ``data-endpoint``, older news only in yearly
archive pages (ravnishte); a municipality whose listings link only its articles' AMP
copies, whose canonicals name the pages that alone print the byline (trankovo). Each must
archive exactly its articles with the true title, date and body, and a rerun right after
must cost at most three requests.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from newsarchive.extraction import extract

from .mirror_sites import bare_crawl_twice, bare_profile, check_bare_crawl, crawl_twice
from .support import Result

ROUND10_SITES = {
    # hashed and utility classes only; related cards, comments, a long footer notice
    "maglenik": ("Община Мъгленик", "https://www.maglenik.bg"),
    # "Зареди още" from /api/news?offset=N (JSON), older years in /arhiv/<year>
    "ravnishte": ("Община Равнище", "https://ravnishte.bg"),
    # listings link only the AMP copies; the byline is on the canonical page alone
    "trankovo": ("Община Трънково", "https://trankovo.bg"),
}


@pytest.mark.parametrize("site", sorted(ROUND10_SITES))
def test_a_round10_site_nobody_profiled_is_archived_whole_and_right(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path, site: str
) -> None:
    check_bare_crawl(run_cli, db, tmp_path, site, *ROUND10_SITES[site])


def test_an_amp_copy_listed_alone_is_archived_as_its_original_shows_it(
    run_cli: Callable[..., Result], db: Path, tmp_path: Path
) -> None:
    """trankovo: each listed copy is fetched once, then the original its canonical names
    (which prints the byline the AMP template drops), and nothing twice; the rerun asks
    robots.txt and the listing only."""
    first, nightly = bare_crawl_twice(run_cli, db, tmp_path, "trankovo", *ROUND10_SITES["trankovo"])
    copies = [p for p in first if p.endswith("/amp/")]
    originals = [p for p in first if p.startswith("/novini/") and p.count("/") == 3]
    assert len(copies) == len(set(copies)) == 6
    assert sorted(originals) == sorted(p.removesuffix("amp/") for p in copies)
    assert nightly == ["/robots.txt", "/novini/"]


ARTICLE = """<html><head><title>{title} | Община Мъгленик</title></head><body>
<div class="css-5tq9pl"><div class="css-x9d2kq">
<div class="css-4e5r6t"><h1 class="css-h1x0aa">{title}</h1>
<div class="css-0pz7x1 text-xs">28.11.2026 г.</div>
<div class="css-b0dy9k prose">
<p>Общината започва подмяната на водопровода по улица „Възраждане“ през
следващата седмица, като работата ще продължи около месец.</p>
<p>Домакинствата ще бъдат предупреждавани за спирането на водата ден по-рано.</p></div></div>
<div class="css-r3l4t5"><div class="css-2kq0s1 text-xl">{related}</div>
<div class="css-9f3k1d"><a href="/novini/stadion">Обновеният стадион е открит</a>
<div class="css-3jd9a0">
Кметът откри обновения стадион в присъствието на стотици жители на града.</div>
<div class="css-0pz7x1">27.11.2026</div></div>
<div class="css-9f3k1d"><a href="/novini/biblioteka">Библиотеката удължава работното си време</a>
<div class="css-3jd9a0">От декември градската библиотека ще бъде отворена и в събота до обяд.</div>
<div class="css-0pz7x1">25.11.2026</div></div>
<div class="css-c0m3n7"><div class="css-n4m3aa">Иван</div>
<p class="css-t3x7b0">
Дано този път ремонтът свърши навреме, а не да разкопават улицата цяла зима.</p></div></div>
</div></div></body></html>"""
TITLE = "Подменят водопровода на улица „Възраждане“"


@pytest.mark.parametrize(
    "related",
    # (readers' opinions, counted: "Мнения" alone is as often the opinion columns' section)
    ["Още новини", "Коментари (2)", "Свързани", "Мнения (5)", "12 мнения", "Мнения на читателите"],
)
def test_a_related_section_titled_by_a_plain_box_is_no_part_of_the_text(related: str) -> None:
    """A toolchain that draws every heading as a ``<div>`` with a hashed class: the box
    holding only "Още новини" (or "Коментари (2)") after the text starts the section of
    other news or comments, cut as an ``<h2>`` of those words would be."""
    article = extract(
        ARTICLE.format(title=TITLE, related=related), "https://www.maglenik.bg/novini/x"
    )
    assert article.text.splitlines() == [
        "Общината започва подмяната на водопровода по улица „Възраждане“ през следващата "
        "седмица, като работата ще продължи около месец.",
        "Домакинствата ще бъдат предупреждавани за спирането на водата ден по-рано.",
    ]


def test_a_box_of_prose_beginning_with_those_words_is_kept() -> None:
    """Only a box of the heading's words alone starts the cut: a line of the article that
    merely begins with them ("Още новини ще ...") is text."""
    html = ARTICLE.format(title=TITLE, related="Последни новини").replace(
        '<div class="css-b0dy9k prose">',
        '<div class="css-b0dy9k prose"><div class="css-1x9k2a">Още новини за ремонта ще '
        "публикуваме тук всеки ден.</div>",
    )
    article = extract(html, "https://www.maglenik.bg/novini/x")
    assert article.text.startswith("Още новини за ремонта ще публикуваме тук всеки ден.")


YEAR = dt.date.today().year - 1  # (a year before the crawl's: what a year walk would take)
YEAR_HOME = """<html><head><title>Община Бистрица</title></head><body>
<div class="menu"><a href="/">Начало</a> <a href="/novini/">Новини</a></div>
<main><h1>Добре дошли</h1><p>Официален сайт на общината.</p></main>
</body></html>"""
YEAR_LISTING = """<html><head><title>Новини | Община Бистрица</title></head><body>
<div class="menu"><a href="/">Начало</a> <a href="/novini/">Новини</a></div>
<main><h1>Новини</h1>
{cards}
</main>
<aside>{aside}</aside>
<footer><p>Община Бистрица, ул. „Главна“ 1</p>{footer}</footer>
</body></html>"""
YEAR_ARTICLE = """<html><head><title>{title}</title></head><body>
<div class="menu"><a href="/">Начало</a> <a href="/novini/">Новини</a></div>
<article><h1>{title}</h1><time datetime="{year}-11-{day:02d}T10:00:00+02:00">{day}.11.{year}</time>
<p>{title}. Общинският съвет прие решението на заседанието си в четвъртък, след като
комисиите го обсъдиха в продължение на две седмици.</p>
<p>Кметът благодари на гражданите, изпратили предложенията си по време на общественото
обсъждане, и обеща отчет за изпълнението до края на годината.</p></article>
</body></html>"""
YEAR_TITLES = (
    "Общината обнови детската площадка в централния парк",
    "Започва ремонтът на улицата към гарата",
    "Читалището набира участници за коледния концерт",
)
OLD_TITLES = (
    "Общината почисти коритото на реката преди зимата",
    "Нова спирка на автобуса в квартал „Изток“",
    "Библиотеката получи дарение от двеста книги",
)


def _year_site(root: Path, aside: str, footer: str, old: str) -> None:
    """A listing of three articles, a year link of ``aside`` or ``footer`` beside them,
    and an older article on the page ``old`` (what a walk to the year page would find)."""
    cards = []
    for n, title in enumerate(YEAR_TITLES, start=1):
        cards.append(f'<div class="card"><h3><a href="/novini/statia-{n}">{title}</a></h3></div>')
        page = YEAR_ARTICLE.format(title=title, day=20 + n, year=YEAR + 1)
        (root / "novini").mkdir(parents=True, exist_ok=True)
        (root / "novini" / f"statia-{n}.html").write_text(page, encoding="utf-8")
    listing = YEAR_LISTING.format(cards="\n".join(cards), aside=aside, footer=footer)
    (root / "novini" / "index.html").write_text(listing, encoding="utf-8")
    (root / "index.html").write_text(YEAR_HOME, encoding="utf-8")
    olds = []
    for n, title in enumerate(OLD_TITLES, start=1):
        olds.append(f'<div class="card"><h3><a href="/novini/stara-{n}">{title}</a></h3></div>')
        page = YEAR_ARTICLE.format(title=title, day=n, year=YEAR)
        (root / "novini" / f"stara-{n}.html").write_text(page, encoding="utf-8")
    target = root / old.strip("/") / "index.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    older = YEAR_LISTING.format(cards="\n".join(olds), aside="", footer="")
    target.write_text(older, encoding="utf-8")


@pytest.mark.parametrize(
    ("aside", "footer", "old", "walked"),
    [
        # a copyright line's year, a gallery's and a budget's years: no news archive
        ("", f'<a href="/za-sayta">© {YEAR}</a>', "/za-sayta", False),
        (
            f'<h3>Галерия</h3><a href="/galeriya/{YEAR}">{YEAR}</a> '
            f'<a href="/galeriya/{YEAR - 1}">{YEAR - 1}</a>',
            "",
            f"/galeriya/{YEAR}",
            False,
        ),
        (
            f'<h3>Бюджет</h3><a href="/dokumenti/byudzhet-{YEAR}">{YEAR}</a> '
            f'<a href="/dokumenti/byudzhet-{YEAR - 1}">{YEAR - 1}</a>',
            "",
            f"/dokumenti/byudzhet-{YEAR}",
            False,
        ),
        # an archive's run of years, a year page under the listing's own path: walked
        (
            f'<h3>Архив</h3><a href="/arhiv/{YEAR}">{YEAR}</a> '
            f'<a href="/arhiv/{YEAR - 1}">{YEAR - 1}</a>',
            "",
            f"/arhiv/{YEAR}",
            True,
        ),
        (f'<a href="/novini/{YEAR}/">{YEAR}</a>', "", f"/novini/{YEAR}/", True),
    ],
)
def test_a_bare_year_link_is_walked_only_when_it_looks_like_the_news_archive(
    run_cli: Callable[..., Result],
    db: Path,
    tmp_path: Path,
    aside: str,
    footer: str,
    old: str,
    walked: bool,
) -> None:
    """A link reading just "2025" is a news archive's year page only among its other
    years under an archive's heading or address, or under the listing's own path; a
    footer's "© 2025", a photo gallery's years and a budget's are other pages, never
    walked as the listing's older news (whose page would be read as a listing)."""
    root = tmp_path / "bistritsa"
    _year_site(root, aside, footer, old)
    profile = bare_profile(tmp_path, "bistritsa", "Община Бистрица", "https://bistritsa.bg")
    first, _nightly = crawl_twice(run_cli, db, profile, "bistritsa", root)
    assert (old in first) is walked
    with closing(sqlite3.connect(db)) as conn:
        urls = {url for (url,) in conn.execute("SELECT url FROM articles")}
    assert ("https://bistritsa.bg/novini/stara-1" in urls) is walked
    assert {f"https://bistritsa.bg/novini/statia-{n}" for n in (1, 2, 3)} <= urls
