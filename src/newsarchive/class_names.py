"""How a page's class and id names are read for a word. Below every stage since two read
them so: discovery a menu's or footer's box (``discover.furniture``), extraction the
boilerplate, embeds and related lists it drops or keeps (``extraction.clean``,
``extraction.furniture``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

# A class or id string longer than this is read anew each time, never memoised: a theme's
# strings repeat and are short (768 characters at most on 300 WCXB pages), and a memo of
# 20,000 of them holding whatever a page wrote there (a blob, a generated list of
# thousands of classes) would keep it for the rest of a crawl.
MEMO_CHARS = 2048


def class_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """``words`` as a class or id names them: each a whole word of the string, between its
    start or end and a space, "_" or "-" ("news-teaser", "box see-also"), in any case."""
    return re.compile(rf"(?:^|[\s_-])(?:{'|'.join(words)})(?:$|[\s_-])", re.IGNORECASE)


def memoised(read: Callable[[str], bool], size: int) -> Callable[[str], bool]:
    """``read`` memoised for up to ``size`` class strings of ordinary length
    (``MEMO_CHARS``), as themes repeat them on every card and page."""
    memo = lru_cache(maxsize=size)(read)

    def reading(marker: str) -> bool:
        return memo(marker) if len(marker) <= MEMO_CHARS else read(marker)

    return reading
