"""The addresses of a site's date archive: which month's page an address is
(``archive_month``; a day's: ``day_pages.calendar_day``), whether a month's page lists
that month's news (``lists_its_month``), and the address of the month before, written as
the site writes its months (``month_before``; a walk's step back over a missing one:
``MonthSteps``).

A module apart from ``next_pages`` because these read and write addresses alone, never a
page: the walk (``walk.ListingWalk``'s ``month_page``, ``day_page`` and ``step_back``),
exploring (a listing that is a month's archive page) and ``next_pages``' own rules that
read a page's calendar, its month links and its archive form all ask them. It stands
below ``next_pages``: that module reads a page's links with these, never the other way
round.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from newsarchive.date_stamps import MONTH_IN_PATH
from newsarchive.date_words import month_written_like, whole_month
from newsarchive.discover.day_pages import PAGE_FIELDS
from newsarchive.discover.listings import PATH_PAGE
from newsarchive.discover.shape import MONTH_FOLDER, YEAR_FOLDER, split_normal
from newsarchive.discover.walk import Respelled

# A month's archive page: the year and month end its path (/arhiv/2026/10/, /2026-10,
# WordPress's /2026/10/) or its query says them (?year=2026&month=10, WordPress's
# ?m=202610, a calendar's ?mesec=2026-10: a field holding both). A day (/2026/10/27/) or
# an article under the month (/2026/10/slug) is not one.
_MONTH_PATH = re.compile(r"(?:^|/)((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])/?$")
# WordPress's ?m=202610 (two digits always); a site's own ?m=2026-3 is read as a field
# naming a month that holds the year and month (``_MONTH_VALUE``, ``_MONTH_FIELDS``)
_YEAR_MONTH = re.compile(r"((?:19|20)\d{2})(0[1-9]|1[0-2])")
# A field holding both, the month in the site's spelling (a calendar's ?mesec=2026-10,
# ?m=2026-3): "20263" is no month's
_MONTH_VALUE = re.compile(r"((?:19|20)\d{2})-(0?[1-9]|1[0-2])")
# The query fields that name a month so (any field once counted: a newspaper's issue,
# ``statia.php?broi=2026-10``, a decision's number, ``reshenie.php?nomer=2025-12``,
# read as months' archive pages a walk could go back through)
_MONTH_FIELDS = frozenset(("m", "mes", "mesec", "mesets", "month"))
# The query fields that name a year beside a month field of its own (``?year=2026&month=10``,
# an old PHP site's archive form ``?godina=2026&mesec=10``, ``?y=2026&m=10``)
_YEAR_FIELDS = frozenset(("year", "godina", "god", "y"))


def month_number(value: str) -> int | None:
    """The month a month field's value names as written in an address: its number
    (``10``, ``09``) or its whole name (``ноември``, percent-encoded as an address holds
    it, ``noemvri``, ``november``: an archive form whose month drop-down is valued so),
    or None."""
    if MONTH_FOLDER.fullmatch(value):
        return int(value)
    return whole_month(unquote(value)) if value and not value.isdigit() else None


def _year_and_month_fields(params: dict[str, str]) -> tuple[str, str] | None:
    """The names of a query's year field and month field, each holding only its number
    or the month's name (``godina=2026``, ``mesec=10``, ``mesec=noemvri``), as written,
    or None. One source for reading such a month's address (``archive_month``) and for
    writing the one before (``_month_address``)."""
    years = [k for k, v in params.items() if k.lower() in _YEAR_FIELDS and YEAR_FOLDER.fullmatch(v)]
    months = [
        k for k, v in params.items() if k.lower() in _MONTH_FIELDS and month_number(v) is not None
    ]
    return (years[0], months[0]) if years and months else None


def archive_month(url: str, *, anywhere: bool = False) -> tuple[int, int] | None:
    """The (year, month) whose archive page ``url`` is, or None. ``anywhere``: a month
    anywhere in the path counts (where a page of that month's archive sits)."""
    _netloc, path, query = split_normal(url)
    found = (MONTH_IN_PATH if anywhere else _MONTH_PATH).search(path)
    if found:
        return int(found[1]), int(found[2])
    if query:
        params = dict(part.partition("=")[::2] for part in query.split("&"))
        if (ym := _YEAR_MONTH.fullmatch(params.get("m", ""))) is not None:
            return int(ym[1]), int(ym[2])
        if (fields := _year_and_month_fields(params)) is not None and (
            month := month_number(params[fields[1]])
        ) is not None:
            return int(params[fields[0]]), month
        for name, value in params.items():
            if name.lower() in _MONTH_FIELDS and (ym := _MONTH_VALUE.fullmatch(value)):
                return int(ym[1]), int(ym[2])
    return None


def lists_its_month(url: str, days: list[dt.date]) -> bool:
    """Whether a month's archive page lists that month's news (every day it prints is
    of the month): its own, whatever the walk saw of them before, which its calendar's
    days would list again; not the news page's latest shown again beside a month's grid
    (``?mesec=2026-10`` listing November's)."""
    month = archive_month(url, anywhere=True)
    return month is not None and bool(days) and all((d.year, d.month) == month for d in days)


# (A later page of a month's archive: a query field of ``day_pages.PAGE_FIELDS``; in its
# path, ``PATH_PAGE`` right after the month, ``/2026/10/page/2/``, ``/2026/10/strana-2``.)


def month_before(url: str, spelling: Mapping[int, str] | None = None) -> str | None:
    """The first archive page of the month before the one ``url`` is an archive page of
    (``archive_month``: its first page or a later one), spelled by ``url``'s own pattern
    (``/2026/01/`` and ``/2026/01/page/3/`` before ``/2026/02/`` is ``/2025/12/``;
    ``?m=202601&paged=2``'s is ``?m=202512``, the query's other fields kept as written);
    None for a page that is no month's. Where a month's page links no month before it
    (an archive whose "« Октомври 2026" is left out of some months), the walk goes on by
    the address (``MISSED_MONTHS``): from a month's last page, to the month before's
    first, not to its page of that number. A month keeps its digits: ``/2026/3/``
    before ``/2026/4/``, ``?m=2026-3`` before ``?m=2026-4``; from two (``/2026/10/``),
    the month before is ``/2026/09/``, how most archives spell it (``MonthSteps`` asks
    ``/2026/9/`` where that is missing), unless the site printed its own: ``spelling``,
    each month's value as the site's pages wrote it (``next_pages.printed_months``: an archive
    form's ``<option value="9">``), which is asked, no guess. A month by its name
    (``?mesec=noemvri``) is followed by the month before's name in the same letters
    and case, where the site printed none."""
    month = archive_month(url, anywhere=True)
    if month is None:
        return None
    year, number = (month[0], month[1] - 1) if month[1] > 1 else (month[0] - 1, 12)
    return _month_address(url, year, number, spelling=spelling or {})


def _month_address(
    url: str, year: int, number: int, *, one_digit: bool = False,
    spelling: Mapping[int, str] | None = None,
) -> str | None:  # fmt: skip
    """The first archive page of month ``number`` of ``year`` in the spelling of the month
    archive page ``url`` (``month_before``): its month's digits kept, one or two, a month
    below 10 written in one digit with ``one_digit``; as ``spelling`` writes the month
    where it holds it (the site's own, ``next_pages.printed_months``), a name written as ``url``'s
    (``date_words.month_written_like``) where it holds none."""
    own = (spelling or {}).get(number)
    parts = urlsplit(url)
    path = parts.path
    fields = [
        (name, eq, value)
        for name, eq, value in (field.partition("=") for field in parts.query.split("&") if field)
        if name.lower() not in PAGE_FIELDS
    ]

    def spelled(written: str) -> str:
        if own is not None and (own.isdigit() or not written.isdigit()):
            return quote(own, safe="")  # (as the form sends it: a name percent-encoded)
        if not written.isdigit():
            return quote(month_written_like(number, unquote(written)) or written, safe="")
        return f"{number:02d}" if len(written) == 2 and not one_digit else str(number)

    if found := MONTH_IN_PATH.search(path):
        tail = path[found.end(2) :]
        later = PATH_PAGE.search(path)
        if tail.strip("/") and (later is None or later.start() != found.end(2)):
            return None  # (an article under its month: /2026/11/905-sesiya.html)
        slash = "/" if tail.startswith("/") else ""
        path = (
            f"{path[: found.start(1)]}{year}{path[found.end(1) : found.start(2)]}"
            f"{spelled(found[2])}{slash}"
        )
    else:
        said = {name: value for name, _eq, value in fields}
        if _YEAR_MONTH.fullmatch(said.get("m", "")):
            months = {"m": f"{year}{number:02d}"}  # (WordPress's: always two digits)
        elif (names := _year_and_month_fields(said)) is not None:
            months = {names[0]: str(year), names[1]: spelled(said[names[1]])}
        else:  # (a field holding both: a calendar's ?mesec=2026-10, a site's ?m=2026-3)
            months = {
                name: f"{year}-{spelled(value[2])}"
                for name, field in said.items()
                if name.lower() in _MONTH_FIELDS
                and (value := _MONTH_VALUE.fullmatch(field)) is not None
            }
        fields = [(name, eq, months.get(name, value)) for name, eq, value in fields]
    query = "&".join(f"{name}{eq}{value}" for name, eq, value in fields)
    return urlunsplit(parts._replace(path=path, query=query))


class MonthSteps:
    """A walk's step back from a month's archive page missing or listing nothing
    (``ListingWalk``'s ``step_back``): the month before (``month_before``), but for a
    September spelled ``09``, which ``month_before`` could only guess from October's
    ``10``, two digits in either spelling: it is asked as ``9`` first. An archive of
    months in one digit (``/2026/9/``, ``?month=9``) answered ``/2026/09/`` with a 404,
    and its walk ended three missing months later, its news before October never
    archived. The one request more is asked once a year, on a site missing September;
    with ``9`` missing too (gone, a 404), the walk goes on in two digits (``08``), the
    spelling it guessed; a ``9`` that answered, listing nothing, proved the site's
    months one digit: on in one (``8``), where ``08`` was asked, a 404, and the
    months after it too. The ``9`` is September again, ``Respelled``: not a month more among the
    walk's ``MISSED_MONTHS`` (its requests stay bounded: one more, once a year), or a
    September and August both missing on a site of two digits ended the walk at
    August, as three months missing. One object per walk: it keeps the ``9`` it asked
    in place of ``09``."""

    def __init__(self, spelling: Mapping[int, str] | None = None) -> None:
        self._asked_for: dict[str, str] = {}  # each ``9`` asked → the ``09`` it stood for
        # the months as the walk's pages printed them (``next_pages.ListingPages.months``), filled
        # as it reads them: no guess where the site said
        self._spelling: Mapping[int, str] = {} if spelling is None else spelling

    def __call__(self, url: str, missing: bool) -> str | None:
        """The page before ``url``, a month's page ``missing`` (gone) or empty. Only a
        ``09`` gone is asked as ``9``: one that answered, listing nothing, is the site's
        spelling (a site answering every month's address, an empty grid for a month of
        no news, would be walked on in one digit, its ``08`` never asked); and only where
        the site printed no September of its own (a ``09`` it printed that is gone is
        September missing, not misspelled)."""
        if (guessed := self._asked_for.pop(url, None)) is not None and missing:
            return month_before(guessed)  # neither spelling answered: on as guessed
        month = archive_month(url, anywhere=True)
        if missing and month is not None and month[1] == 9 and 9 not in self._spelling:
            one_digit = _month_address(url, month[0], 9, one_digit=True)
            if one_digit is not None and one_digit != url:
                self._asked_for[one_digit] = url
                return Respelled(one_digit)
        return month_before(url, self._spelling)
