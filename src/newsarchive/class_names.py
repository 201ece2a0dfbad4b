"""How a page's class and id names are read for a word. Below every stage since two read
them so: discovery a menu's or footer's box (``discover.furniture``), extraction the
boilerplate, embeds and related lists it drops or keeps (``extraction.clean``,
``extraction.furniture``)."""

from __future__ import annotations

import re


def class_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """``words`` as a class or id names them: each a whole word of the string, between its
    start or end and a space, "_" or "-" ("news-teaser", "box see-also"), in any case."""
    return re.compile(rf"(?:^|[\s_-])(?:{'|'.join(words)})(?:$|[\s_-])", re.IGNORECASE)
