"""The words of a pager, one vocabulary for every reader of one: what its links say and
how the addresses of its pages spell "page".

Each reader takes the part it needs. A list's cards (``items``) tell a pager's row from
news items by its labels ("« Предишна", "Следваща страница »", "Last"); an article's
later page (``extraction.continuation``) is told by a link back saying a page ("«
Предишна страница", "стр. 1"), never one forward; a list's later page (``listings``) by
a pager word and a number at the end of its path ("/strana-3"), an article's by one in its
query ("?stranitsa=2").
"""

from __future__ import annotations

# How a CMS spells "page" in the address of a later page, in its path or its query
# ("/page/3", "/strana-3", "?stranitsa=2"). Not "p": WordPress's ``?p=N`` is a post's id
# (only a path's last segment "/p/3" is a page: ``listings``).
PAGE_IN_ADDRESSES = ("page", "pg", "str", "strana", "stranica", "stranitsa", "stranitza")

# What a pager's link calls the page itself ("Следваща страница", "стр. 2", "Part 2").
PAGE_NOUNS = ("страница", "страницата", "стр", "page", "част", "part")

# Which way a pager's link leads: to the first page, back, forward, to the last.
TO_FIRST = ("начало", "първа", "първата", "first")
BACK = ("предишна", "предишната", "предходна", "предходната", "назад", "previous", "prev", "back")
FORWARD = ("следваща", "напред", "next")
TO_LAST = ("край", "последна", "last")
EVERY_WAY = TO_FIRST + BACK + FORWARD + TO_LAST
