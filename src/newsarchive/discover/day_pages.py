"""Which day's page of a calendar an address is (``calendar_day``): a module of its own,
below ``items`` and ``archive_pages`` both, because two questions ask it. A walk going
back by a calendar's days reads the day off it (``archive_pages``, ``next_pages``), and
the cards of a page never take such a page for a news item (``items``): a day's page is
the day's (its saints, its name days, its weather, its news), a reference or a list, never
one article.
"""

from __future__ import annotations

import datetime as dt
import re

from newsarchive.discover import pager_words
from newsarchive.discover.shape import split_normal

# A day's page of a calendar: the day ends its path (/arhiv/2026-11-28/,
# /novini/arhiv/2026/11/28/) or is a query field's whole value (?data=2026-11-28).
_DAY_PATH = re.compile(r"(?:^|/)((?:19|20)\d{2})([/_-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])/?$")
# The query fields naming a calendar's day (``?data=2026-11-28``, ``?den=``, ``?date=``)
_DAY_FIELDS = frozenset(("data", "date", "den", "day", "d"))
_DAY_VALUE = re.compile(r"((?:19|20)\d{2})-(0?[1-9]|1[0-2])-(0?[1-9]|[12]\d|3[01])")
# The query fields naming a later page of a list or a month's archive (``?m=202610&paged=2``,
# ``?year=2026&month=10&page=3``, Joomla's ``start``)
PAGE_FIELDS = frozenset((*pager_words.PAGER_PATH_WORDS, "paged", "start", "limitstart"))


def calendar_day(url: str) -> dt.date | None:
    """The day whose page of a calendar ``url`` is (``/arhiv/2026-11-28/``,
    ``/novini/arhiv/2026/11/28/``, ``?data=2026-11-28``), or None: a day ending its path
    or the whole value of a query field named as days are (``_DAY_FIELDS``) with no
    paging field beside it, never an article under a day (``/2026/11/28/slug/``) nor a
    date inside a slug. Any field once counted: ``?from=2026-11-05&page=3`` (a search's,
    a list's later page) was a day, its pages, answered alike, walked to the cap."""
    _netloc, path, query = split_normal(url)
    found = _DAY_PATH.search(path)
    numbers = (found[1], found[3], found[4]) if found else None
    if numbers is None and query:
        fields = [field.partition("=")[::2] for field in query.split("&")]
        paged = any(name.lower() in PAGE_FIELDS for name, _value in fields)
        for name, value in [] if paged else fields:
            if name.lower() in _DAY_FIELDS and (day := _DAY_VALUE.fullmatch(value)):
                numbers = (day[1], day[2], day[3])
                break
    if numbers is None:
        return None
    try:
        return dt.date(*(int(n) for n in numbers))
    except ValueError:  # (a 31 November)
        return None
