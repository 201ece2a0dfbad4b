"""The words dates are written with: the months (Bulgarian, in Latin letters, English,
Russian, Roman numerals), the weekdays, the labels that say which date a date is
("Публикувано", "Обновена", "Updated") and how a time of day is written ("14:05 ч.").

Apart from the readers because every one of them reads these same tables: the dates in
text (``dates``), the feeds' stamps (``date_stamps``: a locale's "ное"), the relative
dates (``relative_dates``: a label before "вчера") and the byline rules (``bylines``,
``authors``). One vocabulary, in a module that reads no date itself, so that none of
them has to import another reader to find a month's name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable

MONTHS = {
    "януари": 1, "февруари": 2, "март": 3, "април": 4, "май": 5, "юни": 6, "юли": 7,
    "август": 8, "септември": 9, "октомври": 10, "ноември": 11, "декември": 12,
    "яну": 1, "фев": 2, "мар": 3, "апр": 4, "авг": 8, "сеп": 9, "септ": 9, "окт": 10,
    "ное": 11, "ноем": 11, "февр": 2, "дек": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7,
    "августа": 8, "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "апрель": 4, "июнь": 6, "июль": 7, "сентябрь": 9,
    "октябрь": 10, "ноябрь": 11, "декабрь": 12, "янв": 1, "сент": 9, "нояб": 11,
    "сен": 9, "ноя": 11, "июн": 6, "июл": 7,
}  # fmt: skip


def alternatives(names: Iterable[str]) -> str:
    """The names as one regex alternation, the longest first, gathered by their first
    letter: "(?:септември|сеп|…)|(?:февруари|…)|…". The engine takes each gathering's
    letter out in front, so at a letter that opens no month's name it tries a gathering
    each, not every name in turn (the ignore-case literals have no quick refusal): four
    times quicker a pass of ``dates._MONTH_FIRST``. The same matches: names of different first
    letters never match at one place (no character is two of those letters even ignoring
    case), and within a letter they keep their order."""
    gathered: dict[str, list[str]] = {}
    for name in sorted(names, key=len, reverse=True):
        gathered.setdefault(name[0], []).append(name)
    return "|".join(f"(?:{'|'.join(group)})" for group in gathered.values())


MONTH_ALT = alternatives(MONTHS)
# Bulgarian months in Latin letters (the official transliteration), as a site whose theme
# cannot print Cyrillic writes them: "28 noemvri 2026". Read only after a day: month-first
# they would be the first English-looking words in every sentence to try ("yuli" opens with
# the "y" of "you"), and a byline named "Mart" is no month.
_LATIN_BG_MONTHS = {
    "yanuari": 1, "fevruari": 2, "mart": 3, "yuni": 6, "yuli": 7, "avgust": 8,
    "septemvri": 9, "oktomvri": 10, "noemvri": 11, "dekemvri": 12,
}  # fmt: skip
# The months of the other languages a page here may be written in: the copies Bulgarian
# sites keep of their news (Romanian, Turkish, Greek, German, French; README, round 92),
# and the pages of "any similar site" (German and French above all, Spanish, Italian,
# Portuguese, Polish, Serbian and Macedonian, Czech, Slovak, Ukrainian, Dutch). Polish,
# Greek, Serbian, Czech, Slovak and Ukrainian as a date writes them, in the genitive ("12
# marca 2025", "12 Μαρτίου 2025", "12. марта 2025.", "3. prosince 2026"), Greek
# with and without its accents (capitals drop them: "12 ΜΑΡΤΙΟΥ 2025"), Turkish with and
# without its own letters ("MAYIS" lower-cases to "mayis"). Every one of these languages
# writes the day first ("12. März 2025", "12 de marzo de 2025", "le 12 mars 2025", "12
# Mart 2025"), so they are read only after a day and before a year, as
# ``_LATIN_BG_MONTHS`` are: month-first they would be words of other languages before
# any number ("mar" the sea, "Mart" and "Kasım" men's names). Abbreviations only where
# dates print them and no common word is spelled so: not the Portuguese "out" ("4 out of
# 5"), the Romanian "noi" ("2 noi membri") or "ian" (a name), nor Turkish and Polish
# short forms. Not Croatian, whose "listopad" is October, Polish "listopada" November.
_EUROPEAN_MONTHS = {
    # German (Austria's "Jänner" too)
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6,
    "juli": 7, "oktober": 10, "dezember": 12, "mär": 3, "okt": 10, "dez": 12,
    # French
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12, "janv": 1, "févr": 2, "fevr": 2, "fév": 2, "avr": 4,
    "juil": 7, "déc": 12,
    # Spanish
    "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
    "diciembre": 12, "ene": 1, "abr": 4, "ago": 8, "dic": 12,
    # Italian
    "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
    "settembre": 9, "ottobre": 10, "dicembre": 12, "gen": 1, "mag": 5, "giu": 6,
    "lug": 7, "set": 9, "ott": 10,
    # Portuguese
    "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7,
    "setembro": 9, "outubro": 10, "novembro": 11, "dezembro": 12, "fev": 2,
    # Romanian
    "ianuarie": 1, "februarie": 2, "martie": 3, "aprilie": 4, "iunie": 6, "iulie": 7,
    "septembrie": 9, "octombrie": 10, "noiembrie": 11, "decembrie": 12,
    # Turkish
    "ocak": 1, "şubat": 2, "subat": 2, "nisan": 4, "mayıs": 5, "mayis": 5, "haziran": 6,
    "temmuz": 7, "ağustos": 8, "agustos": 8, "eylül": 9, "eylul": 9, "ekim": 10,
    "kasım": 11, "kasim": 11, "aralık": 12, "aralik": 12,
    # Polish, the genitive
    "stycznia": 1, "lutego": 2, "marca": 3, "kwietnia": 4, "maja": 5, "czerwca": 6,
    "lipca": 7, "sierpnia": 8, "września": 9, "października": 10, "listopada": 11,
    "grudnia": 12,
    # Greek, the genitive
    "ιανουαρίου": 1, "φεβρουαρίου": 2, "μαρτίου": 3, "απριλίου": 4, "μαΐου": 5,
    "ιουνίου": 6, "ιουλίου": 7, "αυγούστου": 8, "σεπτεμβρίου": 9, "οκτωβρίου": 10,
    "νοεμβρίου": 11, "δεκεμβρίου": 12, "ιανουαριου": 1, "φεβρουαριου": 2, "μαρτιου": 3,
    "απριλιου": 4, "μαιου": 5, "μαϊου": 5, "ιουνιου": 6, "ιουλιου": 7, "αυγουστου": 8,
    "σεπτεμβριου": 9, "οκτωβριου": 10, "νοεμβριου": 11, "δεκεμβριου": 12,
    # Serbian in Cyrillic, the nominative and the genitive, and Macedonian's own
    "јануар": 1, "фебруар": 2, "мај": 5, "јун": 6, "јул": 7, "септембар": 9,
    "октобар": 10, "новембар": 11, "децембар": 12, "јануара": 1, "фебруара": 2,
    "априла": 4, "маја": 5, "јуна": 6, "јула": 7, "септембра": 9, "октобра": 10,
    "новембра": 11, "децембра": 12, "јуни": 6, "јули": 7,
    # Serbian in Latin letters
    "septembar": 9, "oktobar": 10, "novembar": 11, "decembar": 12, "maj": 5,
    "januara": 1, "februara": 2, "marta": 3, "aprila": 4, "juna": 6, "jula": 7,
    "avgusta": 8, "septembra": 9, "oktobra": 10, "novembra": 11, "decembra": 12,
    # Serbian in Cyrillic, as a date line shortens them ("07. дец 2026"; "мар", "апр",
    # "авг", "сеп", "окт" are Bulgarian's and Russian's too, read month-first as well)
    "јан": 1, "феб": 2, "нов": 11, "дец": 12,
    # Czech and Slovak, the genitive ("3. prosince 2026", "3. decembra 2026"). Czech
    # "listopadu" is November; Croatian's October after a day is "listopada", which is
    # Polish November here, and Croatian is read no further.
    "ledna": 1, "února": 2, "března": 3, "dubna": 4, "května": 5, "června": 6,
    "července": 7, "srpna": 8, "září": 9, "října": 10, "listopadu": 11, "prosince": 12,
    "januára": 1, "februára": 2, "apríla": 4, "mája": 5, "júna": 6, "júla": 7,
    "augusta": 8, "októbra": 10,
    # Ukrainian, the genitive ("7 грудня 2026")
    "січня": 1, "лютого": 2, "березня": 3, "квітня": 4, "травня": 5, "червня": 6,
    "липня": 7, "серпня": 8, "вересня": 9, "жовтня": 10, "листопада": 11, "грудня": 12,
    # Dutch, those English and German do not spell so ("7 maart 2026", "7 mrt. 2026")
    "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8, "mrt": 3,
}  # fmt: skip
# The names a day printed with its ordinal's dot may stand before ("12. März 2025", "12.
# марта 2025.", "3. prosince 2026"): German's, Serbian's, Czech's and Slovak's, which
# write the day so. Any other name after
# "12." is no day's: "1. Май 2025" in a numbered list is its first item, then a month.
DOTTED_DAY_MONTHS = frozenset(
    (
        "januar", "jänner", "februar", "märz", "maerz", "mär", "april", "apr", "mai",
        "juni", "jun", "juli", "jul", "august", "aug", "september", "sep", "sept",
        "oktober", "okt", "november", "nov", "dezember", "dez", "jan", "feb",
        "март", "марта", "април", "августа", "август", "јануар", "фебруар", "мај", "јун",
        "јул", "септембар", "октобар", "новембар", "децембар", "јануара", "фебруара",
        "априла", "маја", "јуна", "јула", "септембра", "октобра", "новембра", "децембра",
        "januara", "februara", "marta", "aprila", "maja", "juna", "jula", "avgusta",
        "septembra", "oktobra", "novembra", "decembra", "mart", "maj", "avgust",
        "septembar", "oktobar", "novembar", "decembar",
        "јан", "феб", "мар", "апр", "авг", "сеп", "окт", "нов", "дец",
        "ledna", "února", "března", "dubna", "května", "června", "července", "srpna",
        "září", "října", "listopadu", "prosince", "januára", "februára", "marca",
        "apríla", "mája", "júna", "júla", "augusta", "októbra",
    )
)  # fmt: skip
# A month's whole name as an address writes it, one table per way of writing (an old
# site's archive form ``<option value="ноември">``, ``value="noemvri"``, ``value="november"``):
# Bulgarian in Cyrillic, in Latin letters (with April and May, which ``_LATIN_BG_MONTHS``
# leaves to English), English. Whole names only: an address's "ное" is no month.
_BG_WHOLE = (
    "януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември",
    "октомври", "ноември", "декември",
)  # fmt: skip
_EN_WHOLE = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
)  # fmt: skip
_LATIN_BG_WHOLE = (
    "yanuari", "fevruari", "mart", "april", "mai", "yuni", "yuli", "avgust", "septemvri",
    "oktomvri", "noemvri", "dekemvri",
)  # fmt: skip
_WHOLE_MONTHS = tuple(
    {name: n for n, name in enumerate(names, 1)}
    for names in (_BG_WHOLE, _LATIN_BG_WHOLE, _EN_WHOLE)
)


def whole_month(word: str) -> int | None:
    """The number of the month ``word`` names whole, in any case, in one of the ways an
    address writes it (``_WHOLE_MONTHS``), or None."""
    lowered = word.strip().lower()
    return next((table[lowered] for table in _WHOLE_MONTHS if lowered in table), None)


def month_written_like(number: int, like: str) -> str | None:
    """Month ``number``'s whole name written as ``like`` (another month's whole name) is:
    in its table and its case ("Октомври" after "Ноември", "oktomvri" after "noemvri"),
    or None where ``like`` names no month. What a walk back by an archive's addresses
    asks when the site printed no spelling of its own (``archive_pages.month_before``)."""
    lowered = like.strip().lower()
    for table in _WHOLE_MONTHS:
        if lowered in table:
            name = next(name for name, n in table.items() if n == number)
            if like.isupper():
                return name.upper()
            return name.capitalize() if like[:1].isupper() else name
    return None


# Looked up by a match's text lower-cased (``month_number``): a name matched through a
# letter that only the patterns' ignore-case equates with one of it ("Auguſt", a long s)
# is found in no table, and is no date.
# The orthographic dictionary's "ян." for януари ("12 ян. 2026 г."), read after a day only:
# standing alone it is a man's name ("Ян Петров" opening a byline).
DAY_MONTHS = MONTHS | _LATIN_BG_MONTHS | _EUROPEAN_MONTHS | {"ян": 1}
DAY_MONTH_ALT = alternatives(DAY_MONTHS)


def month_number(name: str) -> int | None:
    """The month ``name`` (a match of ``DAY_MONTH_ALT`` or ``MONTH_ALT``) names, from
    ``DAY_MONTHS``, or None. Turkish capitals write "i" as "İ", which lower-cases to "i"
    and a combining dot ("EKİM": "eki̇m"): the dot goes, as it is no letter of the name."""
    return DAY_MONTHS.get(name.lower().replace("\u0307", ""))


# A month name standing alone: where a byline line turns into its date.
MONTH_WORD = re.compile(rf"(?<!\w)(?:{MONTH_ALT})\.?(?!\w)", re.IGNORECASE)
# A clock's digits run on into a date's are that date's day and month, not a time: a page
# printing two dates one after the other ("30.11.2026 19.11.2026", a post's last change
# and its publication) would read the second's "19.11" as the first's hour.
# The minutes after a comma only where the hours' mark follows, as Bulgarian official
# prose writes hours and editors type a date line by hand ("27.11.2026 г., 8,17 ч."): a
# comma between two numbers is a decimal's otherwise ("3,50 лв."). French writes the hour's
# "h" between them ("12 mars 2025 à 14h30", "9 h 05"), only before two digits of minutes
# ("14h" alone is an hour, "1h300" no time).
# The hour alone only after the French and Portuguese "at" ("hier à 18h", "7.dez.2026 às
# 14h"): a page's hour, where "14h" standing alone is as often a duration ("Durée : 2h").
_HOUR_ALONE = r"(?:(?<=à \d)|(?<=à \d\d)|(?<=às \d)|(?<=às \d\d)) ?[hH](?!\w)"
_CLOCK = (
    r"(?P<h>[01]?\d|2[0-3])(?:(?:[:.]|,(?=[0-5]\d\s*ч)| ?[hH] ?(?=[0-5]\d(?!\d)))"
    r"(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?!\.\d)|" + _HOUR_ALONE + ")"
)
_HOURS_MARK = r"(?:\s*ч\.?)?"  # "10:30 ч."
TIME = _CLOCK + _HOURS_MARK
# The same with "am"/"pm", where English dates may carry them, in either case whatever
# the pattern's flags: "PM" was read on none of the slash dates ("11/22/2026 08:14 PM" was
# 08:14), whose pattern alone did not ignore case, nor after another language's "yesterday".
TIME12 = _CLOCK + r"(?:\s*(?P<ampm>(?i:[ap]\.?m\.?))(?!\w))?" + _HOURS_MARK
# Weekday names and the abbreviations CMSs print before a date (Drupal's Bulgarian "D":
# "пон", "вт", "ср", "чет", "пет", "съб", "нед"), Monday = 0.
_HOME_WEEKDAYS = {
    "понеделник": 0, "вторник": 1, "сряда": 2, "четвъртък": 3, "петък": 4, "събота": 5,
    "неделя": 6, "пон": 0, "пн": 0, "вт": 1, "вто": 1, "ср": 2, "сря": 2, "чет": 3, "чт": 3,
    "пет": 4, "пт": 4, "съб": 5, "сб": 5, "нед": 6, "нд": 6,
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}  # fmt: skip
_OTHER_WEEKDAYS = {
    # The other languages of ``_EUROPEAN_MONTHS``, their whole names only (a short form
    # is a word of its own too: "mar" the sea, "dom" a house), as a date line prints them
    # before the day ("Montag, 12. März 2025", "martes, 12 de marzo de 2025", "Publié le
    # lundi 12 mars 2025", "Τετάρτη, 12 Μαρτίου 2025"), with and without their accents.
    # Not Serbian or Macedonian in Cyrillic: "среда" and "недела" are Bulgarian words.
    "montag": 0, "dienstag": 1, "mittwoch": 2, "donnerstag": 3, "freitag": 4,
    "samstag": 5, "sonnabend": 5, "sonntag": 6,
    "lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5,
    "dimanche": 6,
    "lunes": 0, "martes": 1, "miércoles": 2, "miercoles": 2, "jueves": 3, "viernes": 4,
    "sábado": 5, "sabado": 5, "domingo": 6,
    "lunedì": 0, "lunedi": 0, "martedì": 1, "martedi": 1, "mercoledì": 2, "mercoledi": 2,
    "giovedì": 3, "giovedi": 3, "venerdì": 4, "venerdi": 4, "sabato": 5, "domenica": 6,
    "segunda-feira": 0, "terça-feira": 1, "terca-feira": 1, "quarta-feira": 2,
    "quinta-feira": 3, "sexta-feira": 4,
    "luni": 0, "marți": 1, "marţi": 1, "marti": 1, "miercuri": 2, "joi": 3, "vineri": 4,
    "sâmbătă": 5, "sambata": 5, "duminică": 6, "duminica": 6,
    "pazartesi": 0, "salı": 1, "sali": 1, "çarşamba": 2, "carsamba": 2, "perşembe": 3,
    "persembe": 3, "cuma": 4, "cumartesi": 5, "pazar": 6,
    "poniedziałek": 0, "wtorek": 1, "środa": 2, "czwartek": 3, "piątek": 4, "sobota": 5,
    "niedziela": 6,
    "δευτέρα": 0, "τρίτη": 1, "τετάρτη": 2, "πέμπτη": 3, "παρασκευή": 4, "σάββατο": 5,
    "κυριακή": 6, "δευτερα": 0, "τριτη": 1, "τεταρτη": 2, "πεμπτη": 3, "παρασκευη": 4,
    "σαββατο": 5, "κυριακη": 6,
}  # fmt: skip
WEEKDAYS = _HOME_WEEKDAYS | _OTHER_WEEKDAYS
# The names as one alternation, gathered by first letter as the months are (tried right
# before and after every date found: a hundred names now).
WEEKDAY_ALT = alternatives(WEEKDAYS)
# The names a date line prints BETWEEN its date and its time, as Bulgarian CMSs do ("27
# ноември 2026 г., петък, 08:17 ч.") and English ones may: Bulgarian and English names
# only. The other languages print theirs before the date, and this alternation stands in
# each of the dozen date patterns' joins to their time (``dates._TO_TIME``): the hundred
# names there took some 0.1 s more to compile at every command's start.
WEEKDAY_BETWEEN_ALT = alternatives(_HOME_WEEKDAYS)
# The names alone, for the rules that must not take one for something else (a byline
# element that holds only "Sat, 20 Dec, 2025" names no writer "Sat").
WEEKDAY_NAMES = frozenset(WEEKDAYS)
# Labels before a date (``dates._label_before``: in the 30 characters before it) that say which
# date it is: Bulgarian, English, Russian, and the languages whose months ``DAY_MONTHS``
# reads (German, French, Spanish, Italian, Portuguese, Romanian, Turkish, Polish, Serbian:
# "Aktualisiert am", "Mis à jour le", "Actualizado el", "Güncellendi"). Each word written
# as its start (``_word_starts``) is found in a lower-cased text, an optional ending in
# brackets ("publié[e]?", never "publiée?"); the Turkish "ı" as "i", which ignore-case
# takes for it ("yayinlanma" is "Yayınlanma", "YAYINLANMA"): a text holding an "ı" is
# searched whole (``_PUBLISHED_LOOKALIKES``). Greek with and without its accents (capitals
# drop them: "ΔΗΜΟΣΙΕΥΘΗΚΕ"), "Δημοσιεύθηκε", "Ενημερώθηκε", "Τελευταία ενημέρωση": the
# final "ς" ignore-case takes for the "σ" of "δημοσ" sends a Greek text to that whole
# search, and the micro sign "µ" (the "μ" of "δημ", "ενημ") a text that holds one (one
# of the 892 dev pages' sources): a cost for Greek pages alone.
_MODIFIED_WORDS = (
    r"updated|modified|edited|revised|correction added|corrected|обновен[ао]?|поправка|"
    r"корекция|актуализиран[ао]?|редактиран[ао]?|"
    r"актуализация|обновяване|обновление|обновлено|изменено|последна промяна|последна редакция|"
    r"последно променен[ао]?|променено|"
    r"aktualisiert|geändert|mis à jour|mise à jour|modifié[e]?|actualizado|actualizada|"
    r"modificado|aggiornato|aggiornata|aggiornamento|modificato|actualizat[ăa]?|actualizare|"
    r"atualizado|atualizada|güncellendi|güncelleme tarihi|güncelleme|zaktualizowano|"
    r"aktualizacja|data aktualizacji|ажурирано|ažurirano|"
    r"ενημερώθηκε|ενημερωθηκε|τελευταία ενημέρωση|τελευταια ενημερωση|ενημέρωση|ενημερωση"
)
# (English names a column's heading over its day too: "Publish date", "Publication date".)
# Bulgarian, English and Russian apart: the languages whose "на"/"on" and "от"/"by" the
# poster's line is read by (``POSTED_ON_BY``, ``POSTED_BY_LABEL``). Joomla's "created"
# in the languages its translations print it ("Създадено на 19 Ноември 2026", "Created
# on", "Создано", "Erstellt am", "Créé le", "Creado el", "Creato il", "Utworzono",
# "Vytvořeno"): the article's first day, as "published" is; unlabelled, "Създадено на"
# read as a sentence's "на" and the date was dropped. English only with its "on": a bare
# "created" is in the text of many an English page ("created by", "a fund created"),
# and each walked the whole page for a label (far_dates), 3% of extracting AEB's pages.
_PUBLISHED_HERE = (
    r"published|posted|first published|publish date|publication date|"
    r"added|created on|публикуван[ао]?|публикация|"
    r"дата на публикуването|дата на публикуване|дата на публикувания|добавен[ао]?|"
    r"създаден[ао]?|опубликовано|создано"
)
_PUBLISHED_WORDS = (
    rf"{_PUBLISHED_HERE}|"
    r"veröffentlicht|publiziert|erstellt|publié[e]?|mis en ligne|publicado|publicada|"
    r"créé[e]?|creado|creada|creato|creata|utworzono|vytvořeno|"
    r"fecha de publicación|pubblicato|pubblicata|publicat[ăa]?|data publicării|"
    r"yayinlanma tarihi|yayinlanma|yayin tarihi|eklenme tarihi|opublikowano|"
    r"data publikacji|објављено|objavljeno|"
    r"δημοσιεύθηκε|δημοσιευθηκε|δημοσίευση|δημοσιευση|αναρτήθηκε|αναρτηθηκε"
)
# What joins a label to its date: "on"/"at", "на"/"в", and in the other languages "am",
# "le", "el", "il", "em", "pe", "la", "în", "dnia" ("Veröffentlicht am 12. März 2025",
# "Publié le 12 mars 2025", "Publicado el 12 de marzo de 2025", "Opublikowano dnia",
# "Δημοσιεύθηκε στις"): the last for a line opening with a label too (``bylines``).
LABEL_JOINS_ELSEWHERE = "am|le|el|il|em|pe|la|în|dnia|στις"
_LABEL_END = rf"\W{{0,12}}(?:on|at|на|в|{LABEL_JOINS_ELSEWHERE}|:|-)?\W{{0,6}}$"
# The first letters of the label words, for the look-ahead each pattern searching for them
# opens with (see ``PUBLISHED_WORD``): the label patterns are searched in the 30 or 90
# characters before every date found, where without one the engine tried every word at
# each character.
_PUBLISHED_INITIALS = "".join(sorted({word[0] for word in _PUBLISHED_WORDS.split("|")}))
_POSTED_INITIALS = "".join(sorted({word[0] for word in _PUBLISHED_HERE.split("|")}))
_MODIFIED_INITIALS = "".join(sorted({word[0] for word in _MODIFIED_WORDS.split("|")}))


def _gathered(words: str) -> str:
    """The alternation ``words`` gathered by first letter, as ``alternatives`` gathers
    the months ("(?:published|posted|publish date|…)|(?:added)|…"), each kept in its
    order: the engine takes a gathering's letter out in front, so where the look-ahead
    of a label pattern lets a letter through ("e", "o": "erstellt", "opublikowano") it
    tries that letter's few words, not all sixty (searched in the 30 characters before
    every date found, the pattern cost four times as much with the other languages'
    words listed plainly). The same matches: words of different first letters never
    match at one place."""
    gathered: dict[str, list[str]] = {}
    for word in words.split("|"):
        gathered.setdefault(word[0], []).append(word)
    return "|".join(f"(?:{'|'.join(group)})" for group in gathered.values())


# The last change, not the publication. An unlabelled date is taken as the publication.
MODIFIED_LABEL = re.compile(
    f"(?=[{_MODIFIED_INITIALS}])(?:{_gathered(_MODIFIED_WORDS)}){_LABEL_END}", re.IGNORECASE
)
# The publication in so many words: a page that labels a date so is believed over
# metadata that disagrees (see ``published.pick_dates``).
PUBLISHED_LABEL = re.compile(
    f"(?=[{_PUBLISHED_INITIALS}])(?:{_gathered(_PUBLISHED_WORDS)}){_LABEL_END}", re.IGNORECASE
)
# The same label with the poster between it and the date: "Публикувано от Стела Георгиева
# на 09.11.26 17:45" (PHP-Fusion's news footer), "Posted by Jane Doe on March 3, 2026".
POSTED_BY_LABEL = re.compile(
    rf"(?=[{_POSTED_INITIALS}])(?:{_PUBLISHED_HERE})\s+(?:от|by)\s+[^\n.!?:]{{2,60}}?\s+"
    r"(?:на|on)\W{0,3}$",
    re.IGNORECASE,
)
# A publication label anywhere in a text: the cheap test before a whole page is read
# for the one date it labels so. It runs over a page's whole text, so it opens with a
# look-ahead for the words' first letters: without one the engine tried the look-behind
# and every word at each character, three times slower, and matches are the same (an
# ignore-case class takes exactly the characters its letters take as literals).
PUBLISHED_WORD = re.compile(
    rf"(?=[{_PUBLISHED_INITIALS}])(?<!\w)(?:{_gathered(_PUBLISHED_WORDS)})(?!\w)", re.IGNORECASE
)
# A publication label, its "на"/"on", and the agent's word a date's length after it,
# anywhere in a text: "Публикувано на 27.11.2026 г. в 08:17 ч. от Мария Петрова", the
# line a blog theme prints in the post's footer under the text (read for its writer by
# ``authors._posted_on_by_anywhere``). Not an update's label: who changed the text last
# is no writer of it. Led by the same look-ahead. A blog template may file the post
# between the label and its "на" ("Публикувано в Общество на 27.11.2026 от …", "Posted
# in News on …": ``FILED_IN``, the category's few words and no digit).
FILED_IN = r"(?:в|in)\s+(?:[^\d\s]+\s+){0,3}?[^\d\s]+\s+(?=(?:на|on)\s)"
# Or after the name, closing the line ("Публикувано на 11.11.2026 от Мария Стоянова в
# Община", ProcessWire's blog template; "Posted on … by Jane Doe in News"): the same few
# words with no digit, so a time after the name ("… в 10:15 ч.") is not one.
FILED_AFTER = r"\s+(?:в|in)\s+(?:[^\d\s]+\s+){0,3}?[^\d\s]+$"
# Or the post's time after the name, closing the line ("Публикувано на 11.11.2026 от
# Петър Колев в 10:15 ч.", "Posted on … by Jane Doe at 10:15 am"): when on the day, not
# the name's end. A clock alone (``TIME12``), so "… от Петър Колев в Русе" stays the
# few words ``FILED_AFTER`` reads past.
TIMED_AFTER = rf"\s+(?:в|at)\s+{TIME12}$"
# ("на"/"on" may be left out before a day written in figures: Google Sites' classic
# announcements, "публикувано 20.11.2026 г., 9:12 от Стоян Илиев")
POSTED_ON_BY = re.compile(
    rf"(?=[{_POSTED_INITIALS}])(?<!\w)(?:{_PUBLISHED_HERE})(?!\w)\s+(?:{FILED_IN})?"
    r"(?:(?:на|on)\s|(?=\d))[^\n]{4,60}?\s(?:от|by)\s",
    re.IGNORECASE,
)
# What a text opens with where ``POSTED_ON_BY`` may match it, its leading space left
# out: a letter of that look-ahead. A test of a few characters, asked before a whole
# element's text is split into words and joined to be matched (``authors``): most texts
# open otherwise, the page's frame and columns among them, whose words are thousands.
OPENS_AS_POSTED_ON = re.compile(rf"\s*(?=[{_POSTED_INITIALS}])", re.IGNORECASE)
# The publication words without their first letter, whose case varies, and without
# their optional endings ("ublished", "убликуван"): ``posted_on_by`` tries the pattern only
# where one stands (``str.find``, in C), which most pages lack.
_PUBLISHED_STEMS = tuple(
    cased(re.split(r"[\[(?]", word)[0][1:])
    for word in _PUBLISHED_HERE.split("|")
    for cased in (str.lower, str.upper)
)


def posted_on_by(text: str) -> bool:
    """Whether ``text`` holds a "Публикувано на <date> от <name>" (``POSTED_ON_BY``): the
    pattern tried only where a stem of the label stands; searched over a whole page, it
    cost 1 ms a page of WCXB's dev set."""
    for stem in _PUBLISHED_STEMS:
        at = text.find(stem, 1)
        while at > 0:
            if POSTED_ON_BY.match(text, at - 1):
                return True
            at = text.find(stem, at + 1)
    return False


# An update label anywhere in a text: the cheap test before a page with no other date is
# read for the one day it labels so. It too runs over a page's whole text (every undated
# page's), so it too opens with a look-ahead for its words' first letters.
MODIFIED_WORD = re.compile(
    rf"(?=[{_MODIFIED_INITIALS}])(?<!\w)(?:{_gathered(_MODIFIED_WORDS)})(?!\w)", re.IGNORECASE
)


# Starts sharing this many letters are looked for as that common part ("publicado",
# "publicada", "publié", "published": "publi"): one pass of ``str.find`` over a page's
# text for them all, the pattern then tried where it stands.
_SHARED_START = 5


def _word_starts(words: str) -> tuple[str, ...]:
    """How each word of an alternation starts, up to its first pattern sign ("обновен[ао]?"
    starts "обновен"), as ``str.lower`` spells it, those sharing ``_SHARED_START`` letters
    as that common part: where a match of a word can begin, one start for every word."""
    starts = sorted(
        {re.split(r"[\\\[\](){}?*+]", word, maxsplit=1)[0] for word in words.split("|")}
    )
    merged: list[str] = []
    for start in starts:
        common = os.path.commonprefix([merged[-1], start]) if merged else ""
        if len(common) >= _SHARED_START:
            merged[-1] = common
        else:
            merged.append(start)
    return tuple(merged)


_PUBLISHED_STARTS = _word_starts(_PUBLISHED_WORDS)
_MODIFIED_STARTS = _word_starts(_MODIFIED_WORDS)
# The characters the ignore-case match takes for a letter of those starts that
# ``str.lower`` does not turn into it ("ſ" for "s", U+1C81 for "д", U+1C83 for "с" and
# U+1C86 for "ъ" of "създадено", "ς" for "σ", the micro sign for "μ"; "İ" for "i",
# which lower-cases to two characters).
_PUBLISHED_LOOKALIKES = (
    "\u00b5\u0130\u0131\u017f\u03c2\u03f1\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86"
)
_MODIFIED_LOOKALIKES = (
    "\u00b5\u0130\u0131\u017f\u03c2\u03f1\u03f5\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85"
)


def says_published_word(text: str, lowered: Callable[[], str] | None = None) -> bool:
    """Whether ``PUBLISHED_WORD`` finds a label in ``text`` (see ``_says``)."""
    return _says(PUBLISHED_WORD, _PUBLISHED_STARTS, _PUBLISHED_LOOKALIKES, text, lowered)


def says_modified_word(text: str, lowered: Callable[[], str] | None = None) -> bool:
    """Whether ``MODIFIED_WORD`` finds a label in ``text`` (see ``_says``)."""
    return _says(MODIFIED_WORD, _MODIFIED_STARTS, _MODIFIED_LOOKALIKES, text, lowered)


def _says(
    pattern: re.Pattern[str],
    starts: tuple[str, ...],
    lookalikes: str,
    text: str,
    lowered: Callable[[], str] | None = None,
) -> bool:
    """Whether ``pattern``, an alternation of words each led by one of ``starts``, finds one
    in ``text``: the pattern tried only where ``str.find`` sees a start in the lower-cased
    text.

    The label tests run over a page's whole text (on the pages no nearer rule dated),
    where the pattern, for all its look-ahead, costs ~280 instructions a character; a
    word such as "edited" in "credited" or "added" in a script is no label, so a
    substring test alone rules out too few pages. A text holding a ``lookalikes``
    character is searched whole: there the lower-cased text may not spell the word, and
    "İ" lower-cases to two characters, which would shift every index after it.

    ``lowered``: ``text.lower()``, kept by a caller that asks both tests of one page's
    text (an undated page's, ``published``): lower-casing it is a pass of its own.
    """
    if any(char in text for char in lookalikes):
        return pattern.search(text) is not None
    low = lowered() if lowered is not None else text.lower()
    for start in starts:
        at = low.find(start)
        while at >= 0:
            if pattern.match(text, at):
                return True
            at = low.find(start, at + 1)
    return False


# Every word that labels a date, for the rules that only need to know one is there (a
# byline ends where its date's label starts).
LABEL_WORDS = f"{_PUBLISHED_WORDS}|{_MODIFIED_WORDS}"
# The same words opening a line that prints a date under them ("Публикувано на
# 24.11.2026", "Последно обновяване ( Петък, 20 Ноември 2026 09:05 )", "Дата: 12.03.2026"):
# "последно" may come before one, and the bare "Дата", which names no kind of date and
# so labels none for the rules above, labels a date line all the same.
DATE_LINE_LABEL = rf"(?:последн[оа]\s+)?(?:{LABEL_WORDS})|дата"
# The same words as a theme writes them in class names ("updated-on", "date-modified").
MODIFIED_MARKER = re.compile(r"updat|modif|edited|revised", re.IGNORECASE)


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9,
          "x": 10, "xi": 11, "xii": 12}  # fmt: skip
# A Bulgarian keyboard types the Cyrillic Х (and, where it has one, І) for the numerals
# they look like: "28.ХI.2025" is the month a reader sees, whichever letters made it.
ROMAN_LOOKALIKES = str.maketrans({"х": "x", "Х": "X", "і": "i", "І": "I"})


def is_roman_month(word: str) -> bool:
    """``word`` is a month's Roman numeral, in either case and whichever lookalike letters
    typed it: for the readers that ask whether a line holds only a date ("14.III.2025
    г.": ``bylines.is_bare_date``)."""
    return word.translate(ROMAN_LOOKALIKES).lower() in ROMAN


ROMAN_NUMERALS = "|".join(
    numeral.replace("X", "[XХ]").replace("I", "[IІ]")
    for numeral in "XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I".split("|")
)
