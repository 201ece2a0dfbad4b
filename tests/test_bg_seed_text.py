"""The text of the five real seed pages (``../shared/seeds``: Ruse municipality's old
site, BTA, ruse24.bg, NSORB), each line printed as a paragraph of one article's box under
its headline: the worst markup a page of these sites could have, where only the line
rules (``extraction.clean``) tell its boilerplate from its text. Every kind of
boilerplate the seeds show must leave the text, and the article's lines stay. Skipped
where ../shared is absent (a fresh clone): the seeds are third-party text, never copied
into the repository.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import pytest

from newsarchive.extraction import extract
from newsarchive.profiles import get_profile

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
FETCHED = dt.datetime(2024, 11, 22, 12, 0, tzinfo=dt.UTC)

# The kinds of boilerplate the seeds print, as our own patterns: a line of the text
# matching one is the page's furniture. (What the seeds' README lists, less the menus
# and related titles, which are links in a page's markup and never a text's paragraphs.)
BOILERPLATE = re.compile(
    r"^(?:Print|Email|Банер\b|site\.bta$|news\.modal\.|Тази интернет страница използва|"
    r"Приемане|Към \d\d:\d\d на|ЗАРЕЖДАНЕ|Зареждане|Все още няма коментари|ИЗПРАТИ НОВИНА|"
    r"Виж още|©|/[А-Я]{1,4}/$|В допълнение$|(?:Избиране|Изтегляне) на снимки$|Моля потвърдете"
    r"|.*\. Снимка: [^.]+$"  # a picture's caption and credit
    r"|.*\|(?:\s*\|){3,}\s*$)"  # a headline run into its share bar's empty links
)
_LONG = 100  # a line this long is the article's (no seed's furniture line is)


# The site each seed is from, as the seeds' README names it, and its profile.
_PROFILES = {"ruse-bg.eu": "ruse-bg", "bta.bg": "bta", "ruse24.bg": "ruse24", "namrb.org": "nsorb"}


def _seeds() -> list[Path]:
    return sorted(SEEDS.glob("0*.txt")) if SEEDS.is_dir() else []


def _profile_of(seed: Path) -> str:
    """The profile of the site the README's table names for ``seed``."""
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.split("\n") if line.startswith(f"| {seed.name} |"))
    site = row.split("|")[2].split()[0]
    return _PROFILES[site]


def _page(lines: list[str], headline: str) -> str:
    paragraphs = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return (
        f'<html lang="bg"><head><meta charset="utf-8"><title>{html.escape(headline)}</title>'
        f'</head><body><div class="item"><h1>{html.escape(headline)}</h1>'
        f'<div class="text">{paragraphs}</div></div></body></html>'
    )


def _lines(seed: Path) -> list[str]:
    lines = [" ".join(line.split()) for line in seed.read_text(encoding="utf-8").split("\n")]
    return [line for line in lines if line]


def _seed_page(lines: list[str]) -> str:
    """The seed's lines as one article's paragraphs under its headline: the longest line
    before the first of the article's long lines."""
    first = next(i for i, line in enumerate(lines) if len(line) >= _LONG)
    headline = max(lines[:first] or [""], key=len).split("|")[0].replace("site.bta", "").strip()
    return _page(lines, headline)


@pytest.mark.skipif(not _seeds(), reason="../shared/seeds is absent")
@pytest.mark.parametrize("seed", _seeds(), ids=lambda path: path.name[:3])
def test_a_seed_pages_boilerplate_leaves_its_text_in_the_worst_markup(seed: Path) -> None:
    lines = _lines(seed)
    page = _seed_page(lines)
    profile = get_profile(_profile_of(seed))
    text = extract(page, "https://seed.example/novini/1", profile=profile, today=FETCHED).text
    kept = text.split("\n")
    assert not [line for line in kept if BOILERPLATE.match(line)]
    article = [line for line in lines if len(line) >= _LONG and not BOILERPLATE.match(line)]
    assert not [line for line in article if line not in kept]


# What each seed dates itself by and who it names, as the seeds' README describes the page:
# the day under the headline (the Ruse municipality's pages), none (BTA's and ruse24's text
# shows only the fetch's ticker and other stories' times), or a guess from the event's days
# its first sentence tells (NSORB: "26–27 July", the first day). No seed names a writer:
# the mayor's box ("КМЕТ" over a name) and a picture's credit are not bylines.
_DATED = {
    "000": ("2018-10-12", False),
    "001": ("2015-09-26", False),
    "002": ("", False),
    "003": ("", False),
    "004": ("2022-07-26", True),
}


@pytest.mark.skipif(not _seeds(), reason="../shared/seeds is absent")
@pytest.mark.parametrize("seed", _seeds(), ids=lambda path: path.name[:3])
def test_a_seed_page_gives_its_date_and_no_writer_in_the_worst_markup(seed: Path) -> None:
    profile = get_profile(_profile_of(seed))
    page = _seed_page(_lines(seed))
    article = extract(page, "https://seed.example/novini/1", profile=profile, today=FETCHED)
    published = article.published.isoformat()[:10] if article.published else ""
    assert (published, article.published_guessed) == _DATED[seed.name[:3]]
    assert article.author is None
