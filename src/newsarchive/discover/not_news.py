"""The dated pages a regional portal lists as it lists its news, and which are no news: the
one vocabulary of them, by label (``names_no_news``) and by address (``no_news_path``).

A regional portal dates and lists, beside its news, a family's paid obituary or memorial
("Некролози", "Тъжна вест", "Възпоменание", "Помен"), its classified ads ("Малки обяви"),
and the day's services: the weather forecast ("Времето"), the horoscope, the duty
pharmacies, the cinema and TV programmes, the exchange rates, a poll ("Анкета"). README
(round 113) decides they are no news for a researcher of a region's news: a notice the
family paid for, an ad, a service page of the day, each dated and listed, none a story the
editors wrote. A sports site's live text ("На живо", minute by minute) and a round's
results, standings and fixtures ("Резултати", "Класиране", "Програма") are none either
(round 115): a record of a game or a table, where the match report is the story. Nor is a
bulletin a public body's template fills with a day's or a week's numbers, listed under
its own label: the air-quality bulletins ("Бюлетини за качеството на въздуха": a table
of PM10 per station; not "Качество на въздуха" alone, under which a municipality such as
Ruse files its news of the air, its measures and smog alerts) and the river's levels
("Водни нива": a table of gauges) (round 116). A menu
entry, a feed item's category, a card's category link or a box's heading naming one of
them, or an address filed under one, leads to no article.

Only the labels a portal files such pages under, never a headline's words: "Анкета:
липсата на работници…" is a story of a survey's results, "Времето се затопля" one of the
weather, and an editors' "Почина бившият кмет" news. Classified ads are named by "Малки
обяви" alone: a municipality's "Обяви" (its notices, ``/obyavi/<id>``) are its news
(``explore.NEWS_WORDS``).
"""

from __future__ import annotations

import re

# What a portal files its non-news under, in a menu, a feed's <category>, a card's
# category link or a box's heading ("Последни некролози", "Всички некролози"); a public
# body's bulletins of the air and of the river's levels (round 116).
_LABELS = re.compile(
    r"(?<![^\W_])(?:некроло(?:г|зи)\w*|възпоменани[ея]|тъжн[аи] вест(?:и)?|помени?"
    r"|малки обяви|хороскоп\w*|времето|дежурни аптеки|кино\s*програма"
    r"|тв програма|телевизионна програма|валутни курсове|анкет[аи]"
    r"|бюлетин\w* за качество(?:то)? на (?:атмосферния )?въздух\w*|водни нива)(?![^\W_])",
    re.IGNORECASE,
)
# A label naming such a page only when it is the whole label: a portal's "Кино" is its
# cinema's programme, but "Кино и театър" a section of culture news; a sports site's "На
# живо" (a live text, minute by minute), "Резултати", "Класиране", "Програма" and their
# pairs (a round's tables, the games to come: round 115), but "Програма за развитие на
# селските райони" a section of a municipality's news of that programme.
_ALONE = re.compile(
    r"кино|на живо|(?:резултати|класиране|програма)(?:\s+(?:и|&)\s+(?:резултати|класиране))?",
    re.IGNORECASE,
)
# Longer than a menu entry, a category or a box's heading: a headline or a sentence.
_LABEL_MAX = 40

# The same in an address: a folder or a script of its own (``/nekrolozi/<slug>/``,
# ``obituary.php?id=``, ``/vremeto/<alias>``, ``/horoskop/<alias>``, ``/poll/6``), a
# whole segment, never a word of a slug (``/novini/2026/anketa-rabotna-sila/``).
_PATH = re.compile(
    r"/(?:nekrolo(?:g|gi|zi)|obituar(?:y|ies)|vazpomenaniya?|tazhni-vesti|horoskopi?"
    r"|horoscopes?|vremeto|prognoza-za-vremeto|(?:dezhurni-)?apteki|malki-obyavi"
    r"|kino-?programa|tv-programa|valutni-kursove|anket[ai]|polls?)(?:\.\w{2,5})?(?:/|$)",
    re.IGNORECASE,
)


def names_no_news(label: str) -> bool:
    """Whether ``label`` (a menu entry, a category, a box's heading) names a kind of page
    that is no news (``_LABELS``): "Некролози", "Малки обяви", "Времето", "Хороскоп"."""
    said = " ".join(label.split())
    return 0 < len(said) <= _LABEL_MAX and bool(_LABELS.search(said) or _ALONE.fullmatch(said))


def no_news_path(path: str) -> bool:
    """Whether the path ``path`` is filed under a kind of page that is no news (``_PATH``)."""
    return bool(_PATH.search(path))
