"""Dates counted back from the fetch moment: "днес", "вчера", "онзи ден", "преди 3 часа",
"2 days ago", "преди няколко часа", the Russian "2 часа назад", "сегодня", "позавчера"
(a Bulgarian site's Russian pages), the other languages' counts ("vor 3 Stunden", "2 ore
fa", "3時間前": ``_AGO_ABROAD``), and the fetch moment itself on the site's clock
(``site_today``), which every reader of the fetch day reads it through.

Apart from the absolute dates in text (``dates``) because only these need the fetch
moment, and they carry rules of their own: where a bare day word is a date at all
(``stands_as_date``: after a label or a separator, not running on into prose) and what
day "a few hours ago" can name. ``dates.find_text_dates`` reads them after the absolute
dates; a month or a year back ("преди 2 месеца") names no day and is read with the loose
dates (``dates.find_loose_dates``).
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

from newsarchive.date_stamps import Published, build, local_date
from newsarchive.date_words import LABEL_WORDS, TIME12, alternatives
from newsarchive.site_clock import on_site_clock

# "преди 3 часа", "преди 2 дни", "5 minutes ago", "2 days ago".
_UNITS = {
    "минута": "minutes", "минути": "minutes", "мин": "minutes", "час": "hours",
    "часа": "hours", "ч": "hours", "ден": "days", "дни": "days", "дена": "days",
    "седмица": "weeks", "седмици": "weeks",
    "minute": "minutes", "minutes": "minutes", "min": "minutes", "mins": "minutes",
    "hour": "hours", "hours": "hours", "hr": "hours", "hrs": "hours", "day": "days",
    "days": "days", "week": "weeks", "weeks": "weeks",
    # Russian ("5 минут назад", "2 часа назад", "3 дня назад"): a Bulgarian site's
    # Russian pages, as their months are read (``date_words``)
    "минуту": "minutes", "минуты": "minutes", "минут": "minutes", "часов": "hours",
    "день": "days", "дня": "days", "дней": "days", "неделю": "weeks", "недели": "weeks",
    "недель": "weeks",
}  # fmt: skip
_UNIT_ALT = "|".join(sorted(_UNITS, key=len, reverse=True))
# One of a unit, without a number: "преди час", "преди ден", "преди минута", "преди седмица"
# (moment.js's Bulgarian "a day ago"). Not "преди месец"/"преди година": a month or a year
# back is weeks either way, no day.
_ONE_UNIT = "минута|час|ден|седмица"
# "преди около 2 часа", "преди приблизително час": the count is the site's rounding either
# way ("about 2 hours ago" reads through "an"/the number already).
_AGO = re.compile(
    r"(?=[\dпao])(?<!\w)(?:преди\s+(?:около\s+|приблизително\s+)?(?P<n1>\d{1,3}|един|една|"
    + _ONE_UNIT
    + r")\s*(?P<u1>"
    + _UNIT_ALT
    + r")?\.?"
    r"|(?P<n2>\d{1,3}|an?|one)\s*(?P<u2>" + _UNIT_ALT + r")\.?\s+(?:ago|назад))(?!\w)",
    re.IGNORECASE,
)
# The other languages' "3 hours ago" (the languages ``date_words`` reads the months of, and
# Ukrainian, Chinese and Japanese): a count, its unit, and the word for "ago" before it
# ("vor 3 Stunden", "il y a 2 heures", "hace 3 horas", "há 3 horas", "acum 4 ore", "před 3
# hodinami", "πριν από 3 ώρες") or after it ("2 ore fa", "5 uur geleden", "3 saat önce",
# "3 godziny temu", "3 години тому", "3 horas atrás", "3時間前", "3小时前"). Their own
# tables, not ``_UNITS``: the Ukrainian "години" (hours) are the Bulgarian years, which
# "преди 3 години" counts. A count in figures only ("vor einer Stunde" is left out), so
# that the pattern is tried at a number alone, as the digits it opens with let the engine
# find; the unit's words gathered by first letter (``date_words.alternatives``). Russian's
# "тому назад" is a year's "год", which is left out of the Ukrainian hours.
_UNITS_ABROAD = {
    # German (the dative after "vor": "vor 3 Tagen")
    "minute": "minutes", "minuten": "minutes", "min": "minutes", "stunde": "hours",
    "stunden": "hours", "std": "hours", "tag": "days", "tagen": "days", "woche": "weeks",
    "wochen": "weeks",
    # French
    "minutes": "minutes", "heure": "hours", "heures": "hours", "h": "hours", "jour": "days",
    "jours": "days", "semaine": "weeks", "semaines": "weeks",
    # Spanish and Portuguese
    "minuto": "minutes", "minutos": "minutes", "hora": "hours", "horas": "hours",
    "día": "days", "días": "days", "dia": "days", "dias": "days", "semana": "weeks",
    "semanas": "weeks",
    # Italian
    "minuti": "minutes", "ora": "hours", "ore": "hours", "giorno": "days", "giorni": "days",
    "settimana": "weeks", "settimane": "weeks",
    # Dutch
    "minuut": "minutes", "uur": "hours", "dag": "days", "dagen": "days", "week": "weeks",
    "weken": "weeks",
    # Polish
    "minuta": "minutes", "minuty": "minutes", "minut": "minutes", "minutę": "minutes",
    "godzina": "hours", "godziny": "hours", "godzin": "hours", "godzinę": "hours",
    "godz": "hours", "dzień": "days", "dni": "days", "tydzień": "weeks",
    "tygodnie": "weeks", "tygodni": "weeks",
    # Czech and Slovak, the instrumental after "před"/"pred"
    "minutou": "minutes", "minutami": "minutes", "minútou": "minutes",
    "minútami": "minutes", "hodinou": "hours", "hodinami": "hours", "hod": "hours",
    "dnem": "days", "dny": "days", "dňom": "days", "dňami": "days", "týdnem": "weeks",
    "týdny": "weeks", "týždňom": "weeks", "týždňami": "weeks",
    # Romanian ("acum 20 de ore": from twenty on, "de" joins them)
    "oră": "hours", "zi": "days", "zile": "days", "săptămână": "weeks",
    "săptămâni": "weeks",
    # Turkish
    "dakika": "minutes", "dk": "minutes", "saat": "hours", "gün": "days", "hafta": "weeks",
    # Ukrainian
    "хвилина": "minutes", "хвилини": "minutes", "хвилин": "minutes", "хвилину": "minutes",
    "хв": "minutes", "година": "hours", "години": "hours", "годин": "hours",
    "годину": "hours", "день": "days", "дні": "days", "днів": "days", "тиждень": "weeks",
    "тижні": "weeks", "тижнів": "weeks",
    # Greek, with and without its accents
    "λεπτό": "minutes", "λεπτά": "minutes", "λεπτο": "minutes", "λεπτα": "minutes",
    "ώρα": "hours", "ώρες": "hours", "ωρα": "hours", "ωρες": "hours", "ημέρα": "days",
    "ημέρες": "days", "ημερα": "days", "ημερες": "days", "μέρα": "days", "μέρες": "days",
    "μερα": "days", "μερες": "days", "εβδομάδα": "weeks", "εβδομάδες": "weeks",
    "εβδομαδα": "weeks", "εβδομαδες": "weeks",
    # Chinese (simplified and traditional) and Japanese
    "分钟": "minutes", "分鐘": "minutes", "分": "minutes", "小时": "hours", "小時": "hours",
    "个小时": "hours", "個小時": "hours", "時間": "hours", "天": "days", "日": "days",
    "周": "weeks", "週": "weeks", "星期": "weeks", "个星期": "weeks", "週間": "weeks",
}  # fmt: skip
_AGO_BEFORE = "vor|il y a|hace|há|acum|před|pred|πριν από|πριν απο|πριν"
_AGO_AFTER = "fa|geleden|önce|once|temu|тому|atrás|atras|πριν|前"
_AGO_ABROAD = re.compile(
    r"(?=\d)(?<![\w.,:])(?P<n>\d{1,3})\s*(?:de\s+)?(?P<u>"
    + alternatives(_UNITS_ABROAD)
    + r")(?:\.?\s*(?P<after>"
    + _AGO_AFTER
    + r")(?:(?<=前)|(?!\w))|(?!\w))",
    re.IGNORECASE,
)
# The word before the count, ending where it stands: "vor ", "il y a ".
_AGO_BEFORE_COUNT = re.compile(rf"(?<!\w)(?:{_AGO_BEFORE})\s+$", re.IGNORECASE)
# The longest that word and its spaces may be, as ``_LABEL_REACH`` is counted.
_AGO_BEFORE_REACH = max(len(word) for word in _AGO_BEFORE.split("|")) + 3

# "преди няколко часа", "a few minutes ago", "преди няколко секунди" (moment.js's Bulgarian
# for under a minute): no count, so no time; only the day, and only when no midnight can
# lie between (``_few_ago_day``). Not "преди няколко дни": days, no one day.
_FEW_AGO = re.compile(
    r"(?=[пa])(?<!\w)(?:преди\s+няколко\s+(?P<u1>секунди|минути|часа)"
    r"|a\s+few\s+(?P<u2>seconds|minutes|hours)\s+ago)(?!\w)",
    re.IGNORECASE,
)
# The most "a few" of each unit may be: fewer than twelve hours, under an hour of minutes.
_FEW_AT_MOST = {
    "секунди": dt.timedelta(minutes=1), "seconds": dt.timedelta(minutes=1),
    "минути": dt.timedelta(hours=1), "minutes": dt.timedelta(hours=1),
    "часа": dt.timedelta(hours=12), "hours": dt.timedelta(hours=12),
}  # fmt: skip
# Against the fetch day alone (no hour), what is at most this old is that day: the same
# allowance "преди 5 минути" is read with (``relative_dates``), an hour's error at most.
_FETCH_DAY_REACH = dt.timedelta(hours=1)
# Any label, right before a bare "вчера"/"today", makes it the page's date.
_ANY_LABEL = re.compile(f"(?:{LABEL_WORDS})\\W{{0,3}}$", re.IGNORECASE)
# The most characters an ``_ANY_LABEL`` match can span: a word's pattern is never shorter
# than what it matches (no "+" or "*" among them), and three non-word characters.
_LABEL_REACH = max(len(word) for word in LABEL_WORDS.split("|")) + 3
# (12-hour: "Yesterday 2:45PM" is 14:45; no Bulgarian time carries "pm")
_AT_TIME = r"(?:(?:\s*,?\s*(?:в|at)\s+|\W{0,3})" + TIME12 + ")?"
_RELATIVE = re.compile(
    r"(?=[двty])(?<!\w)(?P<rel>днес|вчера|today|yesterday)(?!\w)" + _AT_TIME, re.IGNORECASE
)
# "онзи ден", the day before yesterday, and the Russian "позавчера" and "сегодня" (today),
# apart: "о", "п" and "с" are among the commonest letters of Bulgarian, and a look-ahead for
# them in ``_RELATIVE`` would stop the engine at every few characters of a page's text. A
# substring test (``may_hold_rarer_day``) comes first.
_RARER_DAYS = ("нзи ден", "озавчера", "егодня")
_RARER_DAY = re.compile(
    r"(?<!\w)(?P<rel>(?-i:[оО]нзи ден|ОНЗИ ДЕН|[пП]озавчера|ПОЗАВЧЕРА|[сС]егодня|СЕГОДНЯ))(?!\w)"
    + _AT_TIME,
    re.IGNORECASE,
)


# The other languages' "today", "yesterday" and "the day before" (``_AGO_ABROAD``'s),
# as a date line prints them ("gestern, 14:30", "Hoy a las 9:15", "Dün 18:40", "вчора о
# 10:20", "昨天 14:30"), read where they stand as a date, as "вчера" is. Greek with and
# without its accents (capitals drop them). Not the Czech "dnes": it is "днес" in Latin
# letters, which Bulgarian sites' names spell ("Царевброд Днес", "tsarevbrod-dnes.com").
_DAYS_ABROAD = {
    "heute": 0, "gestern": 1, "vorgestern": 2,
    "aujourd'hui": 0, "aujourd’hui": 0, "hier": 1, "avant-hier": 2,
    "hoy": 0, "ayer": 1, "anteayer": 2, "hoje": 0, "ontem": 1, "anteontem": 2,
    "oggi": 0, "ieri": 1, "vandaag": 0, "gisteren": 1, "eergisteren": 2,
    "dziś": 0, "dzisiaj": 0, "wczoraj": 1, "przedwczoraj": 2, "včera": 1,
    "azi": 0, "astăzi": 0, "astazi": 0, "alaltăieri": 2, "bugün": 0, "dün": 1,
    "сьогодні": 0, "вчора": 1, "позавчора": 2,
    "σήμερα": 0, "σημερα": 0, "χθες": 1, "χτες": 1, "προχθές": 2, "προχθες": 2,
    "今天": 0, "昨天": 1, "前天": 2, "今日": 0, "昨日": 1, "一昨日": 2,
}  # fmt: skip
# German's "hier" is "here" ("Anmeldung: hier"): the French yesterday only with its time.
_TIMED_ONLY = frozenset({"hier"})
# Their words for "at" between the day and its time ("hier à 14h30", "heute um 9:15").
_AT_TIME_ABROAD = (
    r"(?:(?:\s*,?\s*(?:à|um|a las|a la|às|alle|om|o|v|la|ora|saat|о|в|στις)\s+|\W{0,3})"
    + TIME12
    + ")?"
)
# As a page prints them (lower case, capitalised, in capitals), not ignoring case: the
# look-ahead for their first letters then takes only those, and gathered by first letter
# (``date_words.alternatives``) the engine tries a letter's few words, not all of them.
# In the table's order, not a set's: a set's order changes with each process's hash seed,
# and so would the pattern's text, which ``pattern_cache`` keeps by its text.
_DAY_ABROAD_FORMS = tuple(
    dict.fromkeys(form for word in _DAYS_ABROAD for form in (word, word.capitalize(), word.upper()))
)
# The words lower-cased, less those that hold a shorter one ("vorgestern", "anteayer"):
# a text holding none holds no form of any.
_DAY_ABROAD_STEMS = tuple(
    word
    for word in _DAYS_ABROAD
    if not any(other != word and other in word for other in _DAYS_ABROAD)
)
_DAY_ABROAD = re.compile(
    f"(?=[{''.join(sorted({form[0] for form in _DAY_ABROAD_FORMS}))}])(?<!\\w)"
    f"(?P<rel>{alternatives(_DAY_ABROAD_FORMS)})(?!\\w)" + _AT_TIME_ABROAD
)


def may_hold_rarer_day(text: str) -> bool:
    """False only for a text where ``_RARER_DAY`` finds nothing: that pattern takes its
    words only as a page prints them (lower case, capitalised, in capitals), so that
    substring tests can rule it out."""
    return any(stem in text or stem.upper() in text for stem in _RARER_DAYS)


def site_today(today: dt.date) -> dt.date:
    """The fetch moment on the site's clock (``site_clock.on_site_clock``: a Bulgarian
    page's "днес" and "преди 3 часа" count from Sofia time), or ``today`` as it is: a day,
    or a time already on that clock (naive). Every reader of the fetch time's day reads
    it through this, so all of them see one calendar."""
    if isinstance(today, dt.datetime):
        return on_site_clock(today)
    return today


# The words every relative date holds one of: a text holding none and no digit holds no
# date at all (``dates._MAY_HOLD_DATE``; "назад" comes after a count, a digit, always).
RELATIVE_WORDS = "днес|вчера|преди|today|yesterday|ago|назад"
_MAY_HOLD_RELATIVE = re.compile(RELATIVE_WORDS, re.IGNORECASE)


def may_hold_relative_date(text: str) -> bool:
    """False only for a text where no relative date ("вчера", "преди 3 часа", "онзи
    ден", "2 hours ago") can be found: the cheap test before a short text with no other
    date is read against the fetch moment."""
    return (
        bool(_MAY_HOLD_RELATIVE.search(text))
        or may_hold_rarer_day(text)
        or may_hold_day_abroad(text)
        or _AGO_ABROAD.search(text) is not None
    )


def may_hold_day_abroad(text: str) -> bool:
    """False only for a text where ``_DAY_ABROAD`` finds nothing ("gestern", "Hoy"): the
    lower-cased text holds none of its words (``_DAY_ABROAD_STEMS``), tested first. A
    pattern tried at every letter that opens one of forty words ("a", "o", "i", "d", …)
    cost twice those substring tests on a page's whole text."""
    lowered = text.lower()
    return any(stem in lowered for stem in _DAY_ABROAD_STEMS)


def is_relative_date(text: str) -> bool:
    """``text`` is one relative date and nothing else ("преди 5 часа", "5 hours ago",
    "вчера, 18:40", "Yesterday at 2:05 PM", "онзи ден"): a byline's date as a news site's
    theme prints it for its newest posts ("Публикувано преди 5 часа от Мария Петрова")."""
    text = text.strip()
    if any(
        pattern.fullmatch(text) is not None for pattern in (_AGO, _RELATIVE, _FEW_AGO, _RARER_DAY)
    ):
        return True
    day = _DAY_ABROAD.fullmatch(text)
    if day is not None:
        return bool(day["h"]) or day["rel"].lower() not in _TIMED_ONLY
    return any(start == 0 and m.end() == len(text) for start, m in _counts_abroad(text))


# What may stand right before a bare "вчера"/"today" that is a date: a byline's separator.
_BEFORE_BARE_DAY = frozenset("|•·–—-:/,(")


def stands_as_date(text: str, start: int, end: int) -> bool:
    """A bare "днес"/"today" without a time is a date only where it stands as one: after
    a label ("Публикувано вчера"), or at the start of the text or after a separator
    ("Иван Петров | Вчера") and not running on into a sentence. In prose ("Today, online
    courses make…", "…the term Zero Waste. Today Zero Waste is…") it is no date."""
    # What precedes it with trailing spaces dropped, as ``text[:start].rstrip()``; only
    # its last ``_LABEL_REACH`` characters are read, since a label must end there: on a
    # page's whole text, copying and searching all of it for every "today" was quadratic.
    end_before = start
    while end_before and text[end_before - 1].isspace():
        end_before -= 1
    if _ANY_LABEL.search(text, max(end_before - _LABEL_REACH, 0), end_before):
        return True
    if end_before and text[end_before - 1] not in _BEFORE_BARE_DAY:
        return False
    return not _runs_on(text, end)


def _stands_apart(text: str, start: int, end: int) -> bool:
    """A count ago in another language (``_AGO_ABROAD``) is a date where no sentence holds
    it: their words for "ago" are words of prose too ("vor", "fa", "önce": "before",
    "does"). Where it stands as a date (``stands_as_date``), or where the word before it
    is none of a sentence's (not lower-case: the writer's name a byline prints it after,
    "Lucía Gómez hace 20 minutos", as the elements' texts are joined) and no lower-case
    word runs on after it. "Die Feuerwehr war vor 3 Stunden ausgerückt" is prose."""
    if stands_as_date(text, start, end):
        return True
    at = start
    while at and text[at - 1].isspace():
        at -= 1
    word = at
    while word and text[word - 1].isalpha():
        word -= 1
    return not text[word:at][:1].islower() and not _runs_on(text, end)


def _told(text: str, m: re.Match[str]) -> bool:
    """A day word with its time (``m``) is a sentence's, telling when an event is ("Днес
    в 10:00 ч. кметът открива…", "…ще бъде открит днес в 10:00 ч. в зала 1"), not a
    date line's ("Днес, 10:00" by the headline, "вчера, 10:32 | Мария Колева"): a
    lower-case word runs on after it (``_runs_on``), past a label's aside ("Публикувано
    днес в 10:32" is the page's all the same). Its shape tells, not the hour: an event
    earlier on the fetch's day is no future time for the fetch moment to rule out. What
    stands before it does not: a headline or a byline's name may, without a separator."""
    start = m.start()
    if _ANY_LABEL.search(text, max(start - _LABEL_REACH, 0), start):
        return False
    end = m.end()  # (past the rest of the word the hours mark opens: "10:00 часа")
    while end < len(text) and text[end].isalpha() and text[end - 1].isalpha():
        end += 1
    return _runs_on(text, end)


# What may follow a date line's day word and still leave it a date line: the writer it
# names after "от"/"by" ("вчера, 10:32 от Мария Колева"), a capital after the word.
_BYLINE_AFTER = re.compile(r"(?:от|by)\s+(?-i:[A-ZА-Я])", re.IGNORECASE)


def _runs_on(text: str, end: int) -> bool:
    """The day word (and its time) ending at ``end`` runs on into a sentence: a lower-case
    word follows, past spaces and one comma ("Днес в 10:00 ч. кметът ще открие…", "Today,
    online courses…"), so the day is what the sentence tells, not when the page was
    published; a date line ends, or a separator, a capital or the writer's name follows
    ("Днес, 10:00", "вчера, 10:32 | Мария Колева", "вчера в 10:32 от Мария Колева")."""
    # The first character after it, past spaces and one comma, as ``text[end:].lstrip()``
    # would give: copying the rest of a page's text for every ", днес" was quadratic too.
    after = _next_visible(text, end)
    if text[after : after + 1] == ",":
        after = _next_visible(text, after + 1)
    return text[after : after + 1].islower() and not _BYLINE_AFTER.match(text, after)


def _spelt_out_after(text: str, end: int) -> bool:
    """A day word ending at ``end`` is followed, past spaces and one comma, by a day's
    number: "Вчера, 13 март 2026 г., в зала 1 се проведе…", "вчера (13.03.2026)". The
    day is written out there, and read there (``dates``); counted from the fetch, the
    word gave the day before the crawl, months after the day it names."""
    after = _next_visible(text, end)
    if text[after : after + 1] in (",", "("):
        after = _next_visible(text, after + 1)
    return text[after : after + 1].isdigit()


def _next_visible(text: str, at: int) -> int:
    """Where the first non-space character from ``at`` on stands (``len(text)`` if none)."""
    while at < len(text) and text[at].isspace():
        at += 1
    return at


# How many days back a relative day word lies ("онзи ден": the day before yesterday).
_DAYS_BACK = {"вчера": 1, "yesterday": 1, "онзи ден": 2, "позавчера": 2} | _DAYS_ABROAD


def relative_dates(text: str, today: dt.date) -> list[tuple[int, Published]]:
    """ "днес", "вчера", "преди 3 часа", "2 days ago", counted back from the fetch time.

    ``today`` may be the fetch moment (a datetime, on the site's clock: ``site_today``);
    then "преди 3 часа" is that moment three hours back (zone-aware if the moment is: the
    page names an instant, whatever its zone; ``_counted_back``), and a day word's time
    after it ("днес в 18:00" read at 10:00, an event's hour) is no date; nor, at any
    hour, is one a sentence runs on after (``_told``: "Днес в 10:00 ч. кметът…"). The fetch day
    alone (a date) takes "преди 3 часа" for that day, a day off for a page fetched in the
    small hours.
    """
    out: list[tuple[int, Published]] = []
    # Every match of ``_RELATIVE``, ``_AGO`` and ``_FEW_AGO`` holds one of the words
    # ``_MAY_HOLD_RELATIVE`` looks for, under the same ignore-case: one search rules the
    # three out on a text with none (most texts with a digit), each a pass over it.
    worded = _MAY_HOLD_RELATIVE.search(text) is not None
    days: Iterator[re.Match[str]] = _RELATIVE.finditer(text) if worded else iter(())
    if may_hold_rarer_day(text):
        days = itertools.chain(days, _RARER_DAY.finditer(text))
    if may_hold_day_abroad(text):
        days = itertools.chain(days, _DAY_ABROAD.finditer(text))
    clock = today.replace(tzinfo=None) if isinstance(today, dt.datetime) else None
    for m in days:
        if not stands_as_date(text, m.start(), m.end()) if not m["h"] else _told(text, m):
            continue
        if not m["h"] and (_spelt_out_after(text, m.end()) or m["rel"].lower() in _TIMED_ONLY):
            continue  # "Вчера, 13 март 2026 г., в зала 1 …": the day it names is written out
        day = today - dt.timedelta(days=_DAYS_BACK.get(m["rel"].lower(), 0))
        value = build(day.year, day.month, day.day, m)
        # (the page's time of day, on its own clock: compared with the fetch's there)
        if value is None or (isinstance(value, dt.datetime) and clock and value > clock):
            continue
        out.append((m.start(), value))
    for m in _AGO.finditer(text) if worded else ():
        count_text = (m["n1"] or m["n2"] or "1").lower()
        unit_text = (m["u1"] or m["u2"] or (count_text if count_text in _UNITS else "")).lower()
        if unit_text not in _UNITS:  # none, or matched through a letter ignore-case equates
            continue
        if count_text in _UNITS and (
            text[m.end() : m.end() + 1] in ("-", "–")
            or not stands_as_date(text, m.start(), m.end())
        ):
            # "Преди седмица кметът обяви…" is prose, as a bare "днес" in it; "преди
            # ден-два" (a day or two) is no day.
            continue
        count = int(count_text) if count_text.isdigit() else 1
        out.append((m.start(), _counted_back(today, _UNITS[unit_text], count)))
    for start, m in _counts_abroad(text):
        unit = _UNITS_ABROAD.get(m["u"].lower())
        if unit is not None and _stands_apart(text, start, m.end()):
            out.append((start, _counted_back(today, unit, int(m["n"]))))
    for m in _FEW_AGO.finditer(text) if worded else ():
        # as a bare "преди час": "Преди няколко часа кметът обяви…" is prose
        if stands_as_date(text, m.start(), m.end()):
            few = _few_ago_day(_FEW_AT_MOST[(m["u1"] or m["u2"]).lower()], today)
            if few is not None:
                out.append((m.start(), few))
    return out


def _counts_abroad(text: str) -> Iterator[tuple[int, re.Match[str]]]:
    """The counts ago of ``_AGO_ABROAD`` in ``text``, each with where it starts: at its
    word for "ago" when that comes first ("vor 3 Stunden"). A count with no such word
    ("3 Stunden") is a length of time, not how long ago, and none."""
    for m in _AGO_ABROAD.finditer(text):
        start = m.start()
        if m["after"] is None:
            before = _AGO_BEFORE_COUNT.search(text, max(start - _AGO_BEFORE_REACH, 0), start)
            if before is None:
                continue
            start = before.start()
        yield start, m


def _counted_back(today: dt.date, unit: str, count: int) -> Published:
    """``count`` of ``unit`` ("hours", "days": ``_UNITS``) before the fetch time.

    From the fetch moment, hours and minutes give the instant (counted back in UTC, then
    shown on the site's clock: a clock change between the two moves the hour, not the
    instant); days and weeks give the day, whose hour the page does not say. From the
    fetch day alone, every count gives a day: "преди 3 часа" is taken for that day.
    """
    delta = dt.timedelta(**{unit: count})
    if not isinstance(today, dt.datetime) or unit in ("days", "weeks"):
        return local_date(today) - dt.timedelta(days=delta.days)
    if today.tzinfo is not None:
        return on_site_clock(today.astimezone(dt.UTC) - delta)
    return today - delta


def _few_ago_day(most: dt.timedelta, today: dt.date) -> dt.date | None:
    """The day "a few" units back (``most`` at the most) lies on: the fetch's, when no
    midnight can lie between (fetched at 15:00 on the site's clock, a few hours ago was
    that day; at 09:00 it may have been last night), else none. The fetch day alone (no
    hour: a page read from a file, a benchmark's) answers only for what is under
    ``_FETCH_DAY_REACH`` old."""
    if isinstance(today, dt.datetime):
        return today.date() if (today - most).date() == today.date() else None
    return today if most <= _FETCH_DAY_REACH else None
