"""A live blog's start: the minute its first update was posted.

A live blog ("НА ЖИВО") prints the day alone by its headline and then its updates
newest first, each a paragraph opening with the minute it was posted ("12:40 Кметът
откри …"). The date rules read the day, and where the newest update's stamp stands right
after it they read that minute too ("15.11.2026" + "13:28"): the story's time became
its last change. The updates are the story; it began at the oldest, the last printed.

Only stamps going strictly down, three or more in a row, make a live blog: an event's
programme ("10:00 Откриване", "11:30 Концерт") goes up, and its times are the event's,
not the page's.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from newsarchive.dates import parse_clock

# "12:40 …", "9.05 ч. …" opening a paragraph (the stamp then a space and the update)
_STAMP = re.compile(r"(\d{1,2})[:.](\d{2})(?:\s*ч\.)?\s+\S")

_FEWEST = 3  # stamped updates in a row that make a live blog
_CLOCK_CHARS = 12  # a time alone at most ("09.10 ч.", "23:59:59")


def _stamp(line: str) -> dt.time | None:
    found = _STAMP.match(line)
    if found is None:
        return None
    hour, minute = int(found[1]), int(found[2])
    return dt.time(hour, minute) if hour < 24 and minute < 60 else None


def live_blog_stamps(paragraphs: list[str]) -> list[dt.time]:
    """The stamps of the text's updates, newest first, where the text is a live blog's
    (three or more paragraphs in a row opening with a time, each earlier than the one
    before it); else []."""
    run: list[dt.time] = []
    for line in paragraphs:
        stamp = _stamp(line)
        if stamp is not None and (not run or stamp < run[-1]):
            run.append(stamp)
        elif len(run) >= _FEWEST:
            break
        else:
            run = [stamp] if stamp is not None else []
    return run if len(run) >= _FEWEST else []


def entry_stamp(line: str, later: Iterable[str]) -> bool:
    """Whether ``line`` is a time alone ("17:45") stamping a live blog's entry: the
    ``later`` lines of the text (read only after a time) hold ``_FEWEST`` - 1 more times
    alone, the other entries' stamps printed in an element of their own over each
    update. Cut at the text's edge as a date's time would be, the newest entry lost its
    stamp while every older one kept its."""
    if len(line) > _CLOCK_CHARS or parse_clock(line) is None:
        return False
    found = 0
    for other in later:
        if len(other) <= _CLOCK_CHARS and parse_clock(other) is not None:
            found += 1
            if found >= _FEWEST - 1:
                return True
    return False
