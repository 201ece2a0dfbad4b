"""An archive form of a year's and a month's drop-down (round 52's drenchevo), walked back
month by month by its addresses, each month written as the site itself printed it:

* the months' digits: the form's ``<option value="9">`` says September is ``mesec=9``.
  Before, the walk from October guessed ``mesec=09`` (a 404) and asked ``mesec=9`` after
  it: 21 requests on the mirror, 20 now, none of them a 404.
* the months by their names (``<option value="ноември">``, ``value="noemvri"``): before,
  no form of such a drop-down was read, and the six news older than the newest three
  were never archived (3 of 9); now all nine.
* a drop-down of categories beside them, "Всички" chosen: sent as chosen, the month's
  page listing all its news; before, a form of three drop-downs was no archive form
  (3 of 9), now 9 of 9. One choosing a category, or a form asking a word, sends nothing.

The walk ends after ``walk.MISSED_MONTHS`` (3) months in a row missing or listing
nothing: two are stepped over (a municipality posting nothing over a summer), the third
taken for the archive's start.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

import pytest

from newsarchive.discover.archive_pages import archive_month, month_before
from newsarchive.discover.next_pages import ListingPages, next_page_url
from newsarchive.discover.walk import MISSED_MONTHS
from newsarchive.models import Profile

from .mirror_sites import article_rows, bare_profile, crawl_twice
from .support import SITES, Result

BARE = Profile(id="x", name="X", origin="https://x.bg")
BG = ["януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември",
      "октомври", "ноември", "декември"]  # fmt: skip
LATIN = ["yanuari", "fevruari", "mart", "april", "mai", "yuni", "yuli", "avgust", "septemvri",
         "oktomvri", "noemvri", "dekemvri"]  # fmt: skip


def _form(values: list[str], chosen: int = 11, extra: str = "") -> str:
    years = "".join(f'<option value="{y}">{y}</option>' for y in (2026, 2025))
    months = "".join(
        f'<option value="{v}"{" selected" if k == chosen else ""}>{BG[k - 1].title()}</option>'
        for k, v in enumerate(values, 1)
    )
    return (
        '<html><body><h1>Новини</h1><p><a href="/novina.php?id=1">Една новина</a></p>'
        f'<form action="novini.php" method="get"><select name="godina">{years}</select>'
        f'<select name="mesec">{months}</select>{extra}<input type="submit" value="Покажи">'
        "</form></body></html>"
    )


DIGITS = [str(k) for k in range(1, 13)]
CATEGORIES = (
    '<select name="kategoria"><option value="0">Всички</option>'
    '<option value="4">Култура</option></select>'
)


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        (_form(DIGITS), "https://x.bg/novini.php?godina=2026&mesec=11"),
        (_form(BG), f"https://x.bg/novini.php?godina=2026&mesec={quote('ноември')}"),
        (_form(LATIN), "https://x.bg/novini.php?godina=2026&mesec=noemvri"),
        # all categories chosen: sent as chosen
        (_form(DIGITS, extra=CATEGORIES), "https://x.bg/novini.php?godina=2026&mesec=11&kategoria=0"),
        # one category chosen: a search of one, nothing sent
        (_form(DIGITS, extra=CATEGORIES.replace('"4"', '"4" selected')), None),
        # a word asked: a search
        (_form(DIGITS, extra='<input type="text" name="dumi">'), None),
    ],
)  # fmt: skip
def test_an_archive_forms_month_is_sent_whatever_its_options_are_valued_by(
    form: str, expected: str | None
) -> None:
    assert next_page_url(form, "https://x.bg/novini.php", BARE, 1) == expected


@pytest.mark.parametrize(
    ("url", "month"),
    [
        (f"https://x.bg/novini.php?godina=2026&mesec={quote('ноември')}", (2026, 11)),
        ("https://x.bg/novini.php?godina=2026&mesec=noemvri", (2026, 11)),
        ("https://x.bg/novini.php?godina=2026&mesec=November", (2026, 11)),
        ("https://x.bg/novini.php?godina=2026&mesec=11&kategoria=0", (2026, 11)),
        (f"https://x.bg/novini.php?godina=2026&mesec={quote('ное')}", None),  # (no whole name)
    ],
)
def test_a_months_name_in_an_archive_address_is_its_month(
    url: str, month: tuple[int, int] | None
) -> None:
    assert archive_month(url) == month


@pytest.mark.parametrize(
    ("url", "spelling", "before"),
    [
        # the site printed "9": asked so, not "09"
        ("?godina=2026&mesec=10", {k: str(k) for k in range(1, 13)}, "?godina=2026&mesec=9"),
        ("?godina=2026&mesec=10", {k: f"{k:02d}" for k in range(1, 13)}, "?godina=2026&mesec=09"),
        ("?godina=2026&mesec=10", None, "?godina=2026&mesec=09"),  # (printed none: the guess)
        # names: the site's own, else the month before's in the same letters and case
        (f"?godina=2026&mesec={quote('ноември')}", None, f"?godina=2026&mesec={quote('октомври')}"),
        (f"?godina=2026&mesec={quote('Януари')}", None, f"?godina=2025&mesec={quote('Декември')}"),
        ("?godina=2026&mesec=noemvri", None, "?godina=2026&mesec=oktomvri"),
        ("?godina=2026&mesec=oktomvri", {9: "septembri"}, "?godina=2026&mesec=septembri"),
        ("?godina=2026&mesec=11&kategoria=0", None, "?godina=2026&mesec=10&kategoria=0"),
    ],
)  # fmt: skip
def test_the_month_before_is_written_as_the_site_writes_it(
    url: str, spelling: dict[int, str] | None, before: str
) -> None:
    base = "https://x.bg/novini.php"
    assert month_before(base + url, spelling) == base + before


def test_octobers_page_goes_on_to_september_as_its_form_prints_it() -> None:
    """drenchevo's October: its form's months valued 1..12, the walk's next page by the
    address is ``mesec=9``. Before: ``mesec=09``, a 404."""
    pages = ListingPages(BARE)
    url = "https://x.bg/novini.php?godina=2026&mesec=10"
    assert pages.after(_form(DIGITS, chosen=10), url, 2, 2026) == url[:-2] + "9"
    assert pages.months[9] == "9"


def test_a_walk_tolerates_two_empty_months_in_a_row() -> None:
    assert MISSED_MONTHS == 3


# --- the mirror and its variants ---------------------------------------------------------

ORIGIN = "https://drenchevo.bg"
_MONTH_SELECT = re.compile(r'(<select name="mesec" id="mesec">)(.*?)(</select>)', re.S)


def _variant(tmp_path: Path, month_value: Callable[[int], str], extra: str = "") -> Path:
    """drenchevo with its form's months valued by ``month_value`` and ``extra`` after the
    month's drop-down, each month's page at the address the form then asks."""
    root = tmp_path / "drenchevo"
    shutil.copytree(SITES / "drenchevo", root)

    def options(found: re.Match[str]) -> str:
        inner = re.sub(r'value="(\d+)"', lambda v: f'value="{month_value(int(v[1]))}"', found[2])
        return f"{found[1]}{inner}{found[3]}{extra}"

    for page in root.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(_MONTH_SELECT.sub(options, text), encoding="utf-8")
    tail = "&kategoria=0" if extra else ""
    for page in root.glob("novini.php@godina=*&mesec=*.html"):
        year, month = re.findall(r"\d+", page.stem)
        page.rename(root / f"novini.php@godina={year}&mesec={month_value(int(month))}{tail}.html")
    return root


def _crawl(run_cli: Callable[..., Result], db: Path, tmp_path: Path, root: Path) -> list[str]:
    profile = bare_profile(tmp_path, "drenchevo", "Община Дренчево", ORIGIN)
    first, nightly = crawl_twice(run_cli, db, profile, "drenchevo", root)
    assert len(nightly) <= 3, nightly
    return first


def _months(first: list[str]) -> list[str]:
    return [path for path in first if path.startswith("/novini.php?")]


@pytest.mark.parametrize(
    ("month_value", "extra", "asked"),
    [
        # the mirror as it is: no 09 guessed
        (str, "", ["11", "10", "9", "8", "7"]),
        (lambda k: BG[k - 1], "", [quote(BG[k - 1]) for k in (11, 10, 9, 8, 7)]),
        (lambda k: LATIN[k - 1], "", [LATIN[k - 1] for k in (11, 10, 9, 8, 7)]),
        (str, CATEGORIES, [f"{k}&kategoria=0" for k in (11, 10, 9, 8, 7)]),
    ],
    ids=["digits", "cyrillic-names", "latin-names", "categories"],
)  # fmt: skip
def test_drenchevos_archive_form_is_walked_month_by_month_as_printed(
    run_cli: Callable[..., Result],
    db: Path,
    tmp_path: Path,
    month_value: Callable[[int], str],
    extra: str,
    asked: list[str],
) -> None:
    """Every variant archives all nine news, and asks the form's month, the months
    before it as the form writes them, and three empty months (September to July) that
    end the walk: never a month in a spelling the site does not print."""
    root = _variant(tmp_path, month_value, extra)
    first = _crawl(run_cli, db, tmp_path, root)
    assert len(article_rows(db)) == 9
    assert _months(first) == [f"/novini.php?godina=2026&mesec={m}" for m in asked], first
