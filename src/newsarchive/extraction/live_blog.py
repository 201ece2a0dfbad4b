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

# "12:40 …", "9.05 ч. …" opening a paragraph (the stamp then a space and the update)
_STAMP = re.compile(r"(\d{1,2})[:.](\d{2})(?:\s*ч\.)?\s+\S")

_FEWEST = 3  # stamped updates in a row that make a live blog


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
