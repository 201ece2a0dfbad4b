"""The words of a pager, one vocabulary for every reader of one: what its links say and
how the addresses of its pages spell "page".

Each reader takes the part it needs. A list's cards (``items``) tell a pager's row from
news items by its labels ("« Предишна", "Следваща страница »", "Last"); an article's
later page (``extraction.continuation``) is told by a link back saying a page ("«
Предишна страница", "стр. 1"), never one forward; a list's later page (``listings``) by
a pager word and a number at the end of its path ("/strana-3"), an article's by one in its
query ("?stranitsa=2"); a list's next page by its link's words ("Следваща »", "По-стари
публикации"), an article's before it by "« Предишна новина" (``listings``).
"""

from __future__ import annotations

import re

from newsarchive import date_words

# How a CMS spells "page" in the address of a later page, in its path or its query
# ("/page/3", "/strana-3", "?stranitsa=2"). Not "p": WordPress's ``?p=N`` is a post's id
# (only a path's last segment "/p/3" is a page: ``listings``).
PAGE_IN_ADDRESSES = ("page", "pg", "str", "strana", "stranica", "stranitsa", "stranitza")
# The words a CMS names a later page of a list by in its path (``/page/3``, ``/strana-3``):
# the pager's spellings of "page", and "p" (``/p/3``, where ``?p=3`` is a post's id).
PAGER_PATH_WORDS = (*PAGE_IN_ADDRESSES, "p")

# What a pager's link calls the page itself ("Следваща страница", "стр. 2", "Part 2"): a
# page, or a part (an article's: a list's pages are never parts).
PAGE = ("страница", "страницата", "стр", "page")
PAGE_NOUNS = (*PAGE, "част", "part")

# Which way a pager's link leads: to the first page, back, forward, to the last.
TO_FIRST = ("начало", "първа", "първата", "first")
BACK = (
    "предишна", "предишната", "предишни", "предходна", "предходната", "назад", "previous",
    "prev", "back",
)  # fmt: skip
FORWARD = ("следваща", "следващата", "следващ", "следващи", "напред", "next")
TO_LAST = ("край", "последна", "last")
EVERY_WAY = TO_FIRST + BACK + FORWARD + TO_LAST

# The arrows a pager's link may be, or carry beside its words: on to the next page ("»",
# "Следваща »"), back to the one before ("«", "« Предишна"); an old site's or a Lotus
# Domino view's are the pointers of Windows' symbol fonts ("Напред ►", "◄ Назад").
ARROWS_ON = "»›>→►▶"
ARROWS_BACK = "«‹<←◄◀"

# What a link to older news says of it ("По-стари публикации", "Older posts", "По-стара
# новина"), and what it calls the news: a list's ("Предишни записи", "Older entries"), or
# one article's, an article's link to the one before it ("« Предишна новина"). A list's
# "load more" button names them too ("Покажи още новини", "Load more posts").
OLDER = ("по-стари", "по-стара", "older")
ITEMS = ("новини", "публикации", "статии", "записи", "news", "posts", "entries")
ITEM = ("новина", "статия", "публикация", "post", "article", "story")

# What a card's "read more" control says, the way on to its article rather than another
# page of the list: "Прочети повече »", "Виж още", "Още…", "Read more", "Към новината".
# A verb alone ("Прочети", "Виж") or with what it opens; "more" alone ("Още", "Повече").
READ = ("прочети", "прочетете", "виж", "вижте", "read", "see", "view")
MORE = ("повече", "още", "more", "новината", "статията", "цялата новина", "цялата статия")
TO_ITEM = ("към новината", "към статията", "детайли", "details")

# What a periodical calls one of its numbered issues ("Брой 44 / 27-11-2026г.", "бр. 12",
# "Issue 7"): a bulletin whose issues each list a week's news links them as a list links
# its pages, each issue one page of the list (``issue_number``).
ISSUE = ("брой", "бр", "issue")
# An issue's label: the word, its number, at most a day after it ("/ 27-11-2026г.",
# "(27.11.2026)"); a word more ("Брой 5 на бюлетина излезе") makes it a headline. (The
# closing ")"s only after a day: the marks before it hold them, and two runs of the same
# marks one after the other split a long run of them every way there is, a link of
# 20,000 ")" 2.8 s.)
_ISSUE_LABEL = re.compile(
    rf"^(?:{'|'.join(ISSUE)})\.?\s*(?:№\s*)?(\d{{1,4}})(?!\d)[\s/,.()\-–—]*"
    r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\s*(?:г\.?)?[\s)]*)?$",
    re.IGNORECASE,
)
# An issue named anywhere in a text: the page's own heading, its list's current issue.
ISSUE_NAMED = re.compile(
    rf"(?<!\w)(?:{'|'.join(ISSUE)})\.?\s*(?:№\s*)?(\d{{1,4}})(?!\d)", re.IGNORECASE
)


# An option of a drop-down of a paper's issues, or a link of a list of them: the issue
# ("Брой 46", "бр. 46") with its running number since the first ("(1235)") and its day
# ("– 26.11.2026", "1 декември 2026": a K2 category's title writes its month in words), or
# the day alone ("26.11.2026"). (One run of marks between them: no two runs to split every
# way.)
_ISSUE_OPTION = re.compile(
    rf"^(?:(?:{'|'.join(ISSUE)})\.?\s*(?:№\s*)?(?P<number>\d{{1,4}})(?!\d)"
    r"(?:\s*\((?P<running>\d{1,6})\))?)?[\s/,.\-–—]*"
    r"(?:(?P<day>\d{1,2})(?:[./-](?P<month>\d{1,2})[./-]|\s+(?P<named>"
    rf"{date_words.MONTH_ALT})\.?\s+)(?P<year>\d{{4}})\s*(?:г\.?)?)?$",
    re.IGNORECASE,
)


def issue_option(label: str) -> int | None:
    """How new the issue an option of a drop-down of issues (or a link of a list of
    them) names is ("Брой 46 (1235) – 26.11.2026", "Брой 23 (587), 1 декември 2026"),
    higher for a newer one: its day (as ``20261126``) where it names one, else its
    running number, else its number (which starts again each year, so last); None for
    any other text (a category's, a town's, a sort order's name, a year's "2025")."""
    match = _ISSUE_OPTION.match(" ".join(label.split()))
    if match is None or not (match["number"] or match["year"]):
        return None
    if match["year"]:
        named = match["named"]
        month = date_words.MONTHS[named.lower()] if named else int(match["month"])
        return int(match["year"]) * 10_000 + month * 100 + int(match["day"])
    return int(match["running"] or match["number"])


def issue_number(label: str) -> int | None:
    """The number of the issue a link's whole text names ("Брой 43 / 20-11-2026г." is
    43), or None for any other text."""
    match = _ISSUE_LABEL.match(" ".join(label.split()))
    return int(match[1]) if match else None
