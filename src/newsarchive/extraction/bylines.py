"""Bylines as pages print them: "Автор: Иван Петров", "От Мария Иванова", "By Jane Doe".

Pure text functions; ``authors`` decides where to look (byline elements first, then the
text just after the headline). One vocabulary for the prefixes, used by both.

Several writers: a byline the page prints as one line is kept in the page's own words
("Мария Петрова и Иван Колев", "A, B and C"), as WCXB's ground truth also keeps them;
names that arrive as separate items (a JSON-LD list) are joined with ", ". Printed joins
are not rewritten to commas because "и", "and" and "&" also stand inside the names of
institutions ("Център за градска мобилност и транспорт", "Procter & Gamble"), and a
wrongly split institution is worse for a researcher than a join word left in place.

Measured and not landed (WCXB dev, classes hashed): joining the co-authors linked beside
a bare author link (``authors._with_co_authors`` on ``generic:author-link``) won one
even page and lost one odd page both served and hashed (a reviewer's link joined).
Links to "/people/", "/writers/" and "/profile/" pages read as "/staff/" and "/team/"
ones are (``authors._staff_links``) won no WCXB page, and "/profile/" named a teaser's
writer as the author of 10 listing pages of a mirror fixture. A JSON-LD author that is
punctuation and the publisher's name (", USA TODAY") is the publisher already: names
are compared without punctuation (``authors._is_publisher``), so no rule was added. A
name alone on its line under the headline with no date (4 WCXB pages) was not tried.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from newsarchive.date_words import (
    DATE_LINE_LABEL,
    FILED_AFTER,
    FILED_IN,
    LABEL_JOINS_ELSEWHERE,
    LABEL_WORDS,
    MONTH_WORD,
    TIMED_AFTER,
    WEEKDAY_NAMES,
    is_roman_month,
    month_number,
    says_modified_word,
)
from newsarchive.dates import DAY_ORDINAL, is_date_line
from newsarchive.discover.anchors import COMMENT_COUNT
from newsarchive.extraction.clean import (
    FILED_LABELS,
    READ_COUNT_WORDS,
    READING_TIME,
    VETTING_WORDS,
    WRITER_AND_PICTURES,
    is_boilerplate_line,
)
from newsarchive.led_words import led_words
from newsarchive.relative_dates import is_relative_date

# Elements themes name after the byline, most specific first; "autor" as Romanian,
# Spanish, Polish, Czech and Portuguese templates name it ("<span class="autor">"), and
# "auteur" as French ones do ("<span class="auteur">Yann Le Goff</span>"), which
# a class for something else may hold ("autoresize"): its text must read as a name, as
# any byline element's must (``clean_byline``). "by" as a whole class word
# only ("<p class="by">Мария Илиева</p>" under the date, a hand-made theme's byline):
# within words it is in "baby", "hobby", "lobby".
BYLINE_SELECTORS: tuple[str, ...] = (
    '[itemprop="author"] [itemprop="name"]',
    '[itemprop="author"]',
    'a[rel="author"]',
    '[class*="author-name"], [class*="author__name"], [class*="authorName"]',
    '[class*="byline"] a, [class*="author"] a, [class*="autor"] a, [class~="by"] a',
    '[class*="byline"], [class*="author"], [class*="autor"], [class*="auteur"], [class~="by"]',
)
# The same words in the attributes a build names its parts in where it hashes the classes
# (``class_names.named_selector``), and Wix's "user-name", its post's writer ("<a
# data-hook="user-name">" in "post-metadata"): read after every class selector.
NAMED_BYLINE_WORDS = ("author", "byline", "user-name")
# "Автор:", "Автори:", "Текст:", "Репортер:", "Кореспондент:" (a regional outlet's or an
# agency's reporter in the town), "Текст и снимки:", "Фото и текст:" (the
# writer took the pictures too), "От", "Публикувано от", "Написано от" (Bulgarian; the
# last two are how WordPress translates "Posted by"), "By", "Written by", "Posted by",
# "Submitted by" (Drupal's, left untranslated), "Author:" (English); Russian sites write
# "Автор:" too, and the other languages a page here may be written in (``clean``'s
# ``_RELATED_ELSEWHERE``) "Autor:", "Autorin:", "Autore:", "Autora:", "Auteur :",
# "Yazar:", and German's "Text:" as "Текст:" ("Text: Dr. Maria Schulz, Pressestelle", a
# university's or a town hall's news); and who posted it, "Публикува: Мария Петрова",
# "Публикувал:", "Добавил:" (a portal's byline line: "21.03.2026 | Публикува: Мария
# Петрова"). Longer forms first:
# "текст" alone would leave "и снимки: Иван Петров" behind.
_LABEL = (  # followed by ":" in running text
    r"автори?|текст|репортер|кореспондент|публикува(?:л[аи]?)?|добавил[аи]?"
    # (who prepared the piece, as a school's, a library's or a chitalishte's site signs
    # it: "Подготви: Мария Колева, библиотекар", "Материала подготви: …")
    r"|подготви(?:л[аи]?)?|материала подготви(?:л[аи]?)?"
    r"|authors?|autor(?:in|ka|a|e|i)?|auteure?|yazar|text"
    # (Greek's "Συντάκτης:", "Συντάκτρια:", the writer as a Greek paper labels them)
    r"|συντάκτ(?:ης|ρια)"
)
# Who posted the article: each word before the name, and the verbs it follows, as a stem
# and the endings it takes ("Публикувано от", "Написана от", "Posted by", "Written by").
# One vocabulary for the label in a byline or anywhere on a page (``POSTED_BY``), the
# elements saying it (``SAYS_POSTED_BY``) and the line in either order (``posted_by``).
_POSTED_WORDS: dict[str, tuple[tuple[str, str], ...]] = {
    # (Drupal's "Submitted by"; "Added by", a portal's or a forum theme's; "Story by",
    # "Words by", a university's or a magazine's news office crediting its writer, and
    # "Reporting by", a wire's: lead-ins that open nothing but a byline either)
    "by": (
        ("posted", ""),
        ("written", ""),
        ("submitted", ""),
        ("added", ""),
        ("story", ""),
        ("words", ""),
        ("reporting", ""),
    ),
    # (and Drupal's "Submitted by" as its Bulgarian translation says it, "Изпратено от";
    # "Добавено от", "Added by" as a municipality's portal prints it)
    "от": (("публикуван", "оа"), ("написан", "оа"), ("изпратен", "оа"), ("добавен", "оа")),
    # (the same verbs as Joomla, WordPress and Blogger translate them: "Geschrieben von
    # Markus Lehner", "Eingestellt von Peter um 16:42", "Écrit par Marie Dupont", "Publié
    # par …", "Escrito por Juan Pérez", "Publicado por …", "Scritto da Marco Bianchi",
    # "Pubblicato da …"; a participle before the agent opens no sentence in these
    # languages either; the French feminine written out, as an ending must be printed;
    # read where a byline stands, not searched for through a whole page:
    # ``_PAGE_WIDE_AGENTS``)
    "von": (("geschrieben", ""), ("eingestellt", ""), ("verfasst", "")),
    "par": (("écrit", ""), ("écrite", ""), ("publié", ""), ("publiée", "")),
    "por": (("escrit", "oa"), ("publicad", "oa")),
    "da": (("scritt", "oa"), ("pubblicat", "oa")),
}
_POSTED_BY = "|".join(
    rf"(?:{'|'.join(stem + (f'[{ends}]' if ends else '') for stem, ends in verbs)})\s+{word}"
    for word, verbs in _POSTED_WORDS.items()
)
_POSTED_AGENT = "|".join(_POSTED_WORDS)  # "от", "by": before the name in either order
# A label that names the writer before a colon, the longer forms first (see ``_LABEL``):
# "Текст и снимки" before "Текст".
_NAMING_LABEL = rf"{WRITER_AND_PICTURES}|{_LABEL}"
# The words that label a writer, for rules elsewhere that read a label apart from a
# byline line (``authors._labelled_fields``): one vocabulary for both.
WRITER_LABELS = rf"{_NAMING_LABEL}|{_POSTED_BY}"
# Italian's "di", "da" as a byline element opens with them ("di Marco Rossi", "di Valentina
# Conte e Giulia Ferri"): in small letters only, as Italian sites print them, so that a
# name opening with its particle ("Di Stefano", "Da Silva") keeps it.
_PREFIX = rf"(?:{_NAMING_LABEL}|{_POSTED_BY}|от|by|von|par|por|door|(?-i:di|da))"
_LEADING = re.compile(rf"^\s*{_PREFIX}\s*:?\s+", re.IGNORECASE)
# "Публикувано от", "Posted by" anywhere in a text: the one label that, unlike "От" and
# "By", opens nothing but a byline.
# It runs over a page's whole text: led by a look-ahead for its words' first letters, and
# tried only where a stem of its words stands (``posted_by_at``), which most pages lack.
_POSTED_INITIALS = "".join(
    sorted(
        {
            cased(stem[0])
            for verbs in _POSTED_WORDS.values()
            for stem, _ in verbs
            for cased in (str.lower, str.upper)
        }
    )
)
POSTED_BY = re.compile(rf"(?=[{_POSTED_INITIALS}])(?<!\w)(?:{_POSTED_BY})(?!\w)", re.IGNORECASE)
# The words without their first letter, whose case varies ("Публикувано", "публикувано"),
# for the search of a page's whole text (``posted_by_at``): the English and Bulgarian
# verbs only. Each stem is a search the length of the page, and the German, French,
# Spanish and Italian verbs doubled their cost (a page's own search for " von ", " par "
# first cost about as much again); those are read where a byline stands, in the
# headline's box and in byline elements (``byline_in_text``, ``clean_byline``).
_PAGE_WIDE_AGENTS = ("by", "от")
_POSTED_BY_STEMS = tuple(
    cased(stem[1:])
    for cased in (str.lower, str.upper)
    for word in _PAGE_WIDE_AGENTS
    for stem, _ in _POSTED_WORDS[word]
)
# The elements whose own text holds the label, in each form ``posted_by_at`` finds;
# lexbor's "i" folds Latin only, so the Cyrillic words come as pages print them (their
# first letter left out, as in ``_POSTED_BY_STEMS``: "Публикувано от", "публикувано от").
SAYS_POSTED_BY = ", ".join(
    f'*:lexbor-contains("{words}"{" i" if words.isascii() else ""})'
    for word in _PAGE_WIDE_AGENTS
    for stem, ends in _POSTED_WORDS[word]
    for end in ends or [""]
    for words in (
        [f"{stem}{end} {word}"]
        if word.isascii()
        else [cased(f"{stem[1:]}{end} {word}") for cased in (str.lower, str.upper)]
    )
)


def posted_by_at(text: str) -> list[int]:
    """Where "Публикувано от"/"Posted by" starts in ``text``: the pattern tried only where
    a stem stands (``str.find``, in C), not at every character of a whole page, which
    cost as much as the rest of the author rules."""
    found: set[int] = set()
    for stem in _POSTED_BY_STEMS:
        at = text.find(stem)
        while at >= 0:  # (a stem opening the text has no first letter: no label, read on)
            if at and (m := POSTED_BY.match(text, at - 1)):
                found.add(m.start())
            at = text.find(stem, at + 1)
    return sorted(found)


# Who took an interview, closing it with no colon as a signature does ("Интервю на
# Росица Тончева", "Интервюто взе …", "Разговаря: …", "Разговаря …"; "Interview by Thomas
# Greer", "Propos recueillis par Étienne Gagnon", "Entretien réalisé par …", which open
# nothing but a byline): the interviewer wrote the piece.
_INTERVIEWED_ABROAD = r"interview(?:ed)?\s+by|propos\s+recueillis\s+par|entretien\s+réalisé\s+par"
_INTERVIEWED_BY = (
    r"(?:интервю(?:то)?\s+(?:на|взе|води|направи)|разговаря(?:л[аи]?)?|въпросите\s+зададе"
    rf"|{_INTERVIEWED_ABROAD})(?:\s*:|(?=\s))"
)
# Who wrote a piece of opinion, as its byline says so ("Ein Kommentar von Henrike Brandes",
# "Eine Analyse von …", "Kommentar von …"): the writer follows as after "Von".
_OPINION_BY = r"(?:eine?\s+)?(?:kommentar|analyse|glosse)\s+von"
# The lead-ins above that open nothing but a byline, read in running text too, where
# the Bulgarian "Разговаря" may be a sentence's verb; and their first letters, which the
# look-ahead of ``_IN_TEXT_PREFIX`` takes in any case.
_GENRE_BY = rf"{_OPINION_BY}|{_INTERVIEWED_ABROAD}"
_GENRE_INITIALS = "eikagp"
# The same label after a few words of lead-in: "This post was written by Jane Doe",
# "Статията е написана от Мария Петрова"; and the interviewer's and the commentator's
# lead-ins (``_INTERVIEWED_BY``, ``_OPINION_BY``), read where a byline element opens.
_LEAD_IN = re.compile(
    rf"^(?:(?:\S+\s+){{1,4}}(?:{_POSTED_BY})|{_INTERVIEWED_BY}|{_OPINION_BY})\s+", re.IGNORECASE
)
# A credit for the pictures or the source ("Снимка: БТА", "Фото: Иван Петров", "Източник:
# БНР", "Photo: Jane Doe"): it names who took the picture or whom the text was taken
# from, not who wrote the article, so a byline line ends where one starts.
_CREDIT_WORDS = r"снимк[аи]|фото|видео|източник|photos?|images?|video|source|credits?"
_CREDIT = rf"(?:{_CREDIT_WORDS})\s*:"
# A line crediting the outlet the text was taken from and nothing else ("Източник: БТА",
# "Source: Reuters", "Източник: dnes.bg", "来源：新华社"): a few words, each a name's
# (capitalised, an address, or Han characters, which have no case), no sentence
# ("Източник: Общината съобщи днес" is text; nor does a Chinese one end in "。").
_SOURCE_CREDIT = re.compile(
    r"^(?:източник|source|来源|來源)\s*[:：]\s*(?P<name>\S.*)$", re.IGNORECASE
)
_SOURCE_WORDS = 4
# An outlet's name in Han characters, as a Chinese credit gives it ("北京日报客户端",
# "人民网－社会频道"): no sentence's mark among them.
_HAN_OUTLET = re.compile(r"[\u4e00-\u9fff][\u4e00-\u9fff·－—-]{0,24}")


def source_credit(line: str) -> bool:
    """Whether ``line`` only credits the outlet the text was taken from
    (``_SOURCE_CREDIT``): a credit, not the text and not its writer."""
    found = _SOURCE_CREDIT.match(" ".join(line.split()).rstrip("."))
    if found is None:
        return False
    words = found["name"].split()
    return len(words) <= _SOURCE_WORDS and all(
        word[:1].isupper()
        or word[:1].isdigit()
        or "." in word.strip(".")
        or _HAN_OUTLET.fullmatch(word) is not None
        for word in words
    )


# A line of its own that credits the picture: the byline may be on the next line.
_CREDIT_LINE = re.compile(_CREDIT, re.IGNORECASE)
# What follows a name in a byline line: a date, a separator, a credit, or a comma and a
# word in lower case: the writer's role ("Иван Кирилов, ст. инспектор", "Jane Doe, staff
# writer"), which a name, a co-author's or a place's, never starts with. A degree or a
# title after the name ("Мария Петрова, д-р", "John Doe, jr.") is part of how it is cited.
# A number ends the name where it starts a word ("Jane Doe 12.03.2026", "Иван Петров, 14
# март"), not where it closes a word of the name itself: an outlet or a company named with
# its digits ("Rapid7", "Varna24", "Бургас24", "Web3 Weekly"), which cut at the digit
# would be a name nobody has ("Rapid") and no longer match the site's own name. A date
# glued to the name ("Петров12.03.2026", two elements' texts run together) still ends it.
_NUMBER = r"(?<!\w)\d|\d+[./:-]\d"
# Cyrillic capitals alone after a comma are the agency or office the writer files for
# ("Мария Петрова, БТА"), never a degree: Bulgarian writes those in lower case ("д-р"),
# and a co-author in capitals has a surname after the first name ("МАРИЯ, ИВАН КОЛЕВ").
_BG_TITLES = r"д-р|проф|доц|инж|арх"
_TITLES_AFTER_NAME = rf"{_BG_TITLES}|jr|sr|phd|md"
# The same after a comma in running text, as printed ("Jane Doe, MD", "John Roe, Ph.D.",
# "Мария Петрова, д-р"), and the capitals of further credentials that may follow the
# first ("Jane Doe, MD, FACP"): the byline goes on past the comma through them.
_DOTTED_TITLES = r"M\.D\.|Ph\.D\."
_TITLE_WORD = re.compile(rf"(?i:{_TITLES_AFTER_NAME})\.?|{_DOTTED_TITLES}")
_MORE_TITLES = re.compile(rf"[A-Z]{{2,6}}|{_DOTTED_TITLES}")
# The writer's role as a newsroom titles it after the name and a comma, in title case
# ("Ruth Ann Kessler, Gazette Staff Writer", "Jane Doe, Senior Correspondent", "John Roe,
# Contributing Editor"): capitalised words closing on the word of a newsroom's job. Only
# those: a role the page prints otherwise is kept as WCXB's ground truth keeps it ("Mike
# Marshall, Shipping Expert", "Agatha Caleo, Candidate Representative to …").
_NEWSROOM_JOBS = r"writer|reporter|editor|correspondent|contributor|columnist|staff"
_NEWSROOM_ROLE = (
    rf",\s*(?:(?-i:[A-Z])[\w.'’&-]*\s+){{0,4}}(?:{_NEWSROOM_JOBS})s?(?!\w)(?=\s*(?:$|[|•·,;(]))"
)
# What ends a name in a byline: a separator, a label, a number, a credit, a role in
# lower case after a comma or in brackets ("Мария Иванова (директор)"; "(Русе)", "(БТА)",
# a place's or an outlet's capital, stay), a newsroom's role in title case
# (``_NEWSROOM_ROLE``), an agency's capitals after a comma.
_TAIL = re.compile(
    rf"\s*(?:\||•|·|—|–|\s-\s|\bon\b|(?<!\w)(?:{LABEL_WORDS})(?!\w)|{_NUMBER}|(?<!\w){_CREDIT}"
    rf"|,\s*(?=(?-i:[a-zа-яё]))(?!(?:{_TITLES_AFTER_NAME})(?!\w))|\s*\((?=(?-i:[a-zа-яё]))"
    rf"|{_NEWSROOM_ROLE}"
    rf"|,\s*(?=(?-i:[А-ЯЁ]{{2,6}})\s*(?:$|[,.;|/(\d–—-]))).*$",
    re.IGNORECASE,
)
# The wire agencies that sign copy with their bare name, as they print it: after the
# writer's name they are whom the writer files for ("MARIA GONZALEZ Associated Press",
# "Jane Doe, Reuters", "Hans Weber dpa"), alone they are the author (``_OUTLET_LAST``
# reads the one-word ones as an outlet's name after the signing dash).
_WIRE_AGENCIES = (
    "Associated Press", "Agence France-Presse", "Reuters", "AFP", "Bloomberg", "dpa",
    "Xinhua", "Interfax", "Anadolu", "Kyodo", "Yonhap", "БТА", "PAP", "ANSA", "EFE",
    "Agerpres", "TASS", "ТАСС", "Ukrinform", "Укрінформ", "ČTK", "MTI", "Belga", "ANP",
    "Lusa", "Europa Press",
)  # fmt: skip
_WIRE_NAMES = frozenset(wire.casefold() for wire in _WIRE_AGENCIES)


def names_a_wire(name: str) -> bool:
    """``name`` is a wire agency's alone ("PAP" in a Polish paper's author meta over the
    byline its page prints, "Reuters"): like a team's (``names_a_team``), the author
    only where the page names no person."""
    return " ".join(name.split()).casefold().removeprefix("the ") in _WIRE_NAMES


# One closing a byline after the name (a space, a comma or a slash before it, "Por
# Carlos Ruiz / EFE"; "The" perhaps, and the agency's job perhaps: "Associated Press
# Writer"; or "with" before it, as the writer shares the copy with the wire's: "Par
# Claire Dubois avec AFP", "Von Hans Müller mit dpa", "Por Ana Gil con EFE"); not in
# brackets, which a Bulgarian text signs with ("Иван Петров (БТА)").
_WITH_WIRE = ("with", "avec", "mit", "con", "com")
_WIRE_AFTER = re.compile(
    rf"(?:\s*[,/]\s*|\s+)(?:(?:{'|'.join(_WITH_WIRE)})\s+)?(?:the\s+)?"
    rf"(?-i:{'|'.join(map(re.escape, _WIRE_AGENCIES))})"
    rf"(?:\s+(?:{_NEWSROOM_JOBS})s?)?\W*$",
    re.IGNORECASE,
)


# One closing a name in brackets, as a paper prints its writer filing for an agency ("Por
# Ana García (EFE)", "Иван Петров (БТА)"): kept in the byline as printed, but no word of
# the person's name (``without_bracketed_wire``).
_WIRE_IN_BRACKETS = re.compile(
    rf"\s*\((?:{'|'.join(map(re.escape, _WIRE_AGENCIES))})\)\s*$", re.IGNORECASE
)


def without_bracketed_wire(name: str) -> str:
    """``name`` without the agency in brackets closing it: "Ana García (EFE)" -> "Ana
    García", the words that tell whether a person is named."""
    return _WIRE_IN_BRACKETS.sub("", name)


def _without_wire(text: str) -> str:
    """``text`` without the wire agency closing it (``_WIRE_AFTER``), where two words or
    more stand before it: "Thomson Reuters" and "The Associated Press" are the agency's
    own name, the author where no writer is named."""
    found = _WIRE_AFTER.search(text)
    if found is None or len(text[: found.start()].split()) < 2:
        return text
    return text[: found.start()]


# A month name left at the end once the day and year are cut ("Jane Doe March 3, 2025");
# only at the end, so "April Fulton" and "June Carter" keep their first names, and only
# when a day was cut after it, so "Tom May" keeps his surname.
_TRAILING_MONTH = re.compile(rf"(?:\s|^)(?:{MONTH_WORD.pattern})\s*$", re.IGNORECASE)
# The capitals and the small letters of the alphabets a name here is written in, as a
# pattern's classes: Latin with its accents ("Żak", "Šimek", "Öztürk", "Élise"), Greek,
# Cyrillic. ``re`` has no class for a letter's case, and "[A-ZА-ЯЁ]" cut "Małgorzata Żak"
# to "Małgorzata"; a class of the letters themselves costs what the ranges did.
_CASED_LETTERS = [chr(code) for span in ((0x41, 0x530), (0x1E00, 0x2000)) for code in range(*span)]
_CAPITALS = "".join(letter for letter in _CASED_LETTERS if letter.isupper())
_SMALL_LETTERS = "".join(letter for letter in _CASED_LETTERS if letter.islower())
_NAME_WORD = re.compile(rf"[{_CAPITALS}][\w.'’-]*")
# In running text a byline starts with one of these, in the case pages print them (a
# lower-case "от" is a preposition; "От" opens a sentence as often as a byline, see
# ``byline_in_text``); capitals too ("АВТОР: МАРИЯ ПЕТРОВА"). Where the text opens, right
# after the headline, a lower-case "by"/"от" is a byline too: themes set it in small type
# ("by Jane Doe ● 3 March"), and no sentence starts in lower case. The label and the name
# may sit in elements of their own with no space between ("<span>Автор:</span><span>Иван
# Петров</span>", spaced by the stylesheet): then the text reads "Автор:Иван Петров" or
# "ByJane Doe", so a name glued to the label counts when it starts with a capital. "By"
# and "От" may take a colon as "Автор:" does ("By: Jane Doe", "От: Мария Петрова").
# German, French, Spanish, Portuguese and Dutch say it "Von", "Par", "Por", "Door" ("Von
# Hans Müller", "Par Marie Dupont", "Por Juan Pérez", "Door Sanne de Vries"), words that
# open sentences as "От" does ("Von Montag an", "Par ailleurs", "Por su parte", "Door de
# regen"): read as "От" is (``_SENTENCE_AGENTS``). Not
# the Italian "Di": it opens surnames ("Di Stefano"), and Italian sites print it in
# lower case, as they do "da": so only where the text opens, as the lower-case "by" is
# ("di Marco Rossi 7 dicembre 2026"), and read as "От" is there too.
_CAPITAL_AGENTS = "By|BY|От|ОТ|Von|VON|Par|PAR|Por|POR|Door|DOOR"
# The agents that open sentences as often as bylines: after one the name needs two words
# and must not run on into a lower-case word (``byline_in_text``).
_SENTENCE_AGENTS = frozenset(("от", "von", "par", "por", "door", "di", "da"))
# Every label opens with one of these letters (the ignore-case ones in any case): the
# look-ahead for them refuses most words at their first letter, where the labels' dozen
# ignore-case alternatives were each tried at every space (an ignore-case class takes
# exactly the characters its letters take as literals, so the matches are the same).
_LABEL_INITIALS = "".join(
    sorted(
        {label[0] for label in _NAMING_LABEL.split("|")}
        | {stem[0] for verbs in _POSTED_WORDS.values() for stem, _ in verbs}
    )
)
_AGENT_INITIALS = "".join(sorted({agent[0] for agent in _CAPITAL_AGENTS.split("|")}))
_IN_TEXT_PREFIX = (
    rf"(?=[{_AGENT_INITIALS}]|(?i:[{_LABEL_INITIALS}{_GENRE_INITIALS}]))"
    rf"(?P<prefix>(?i:{_NAMING_LABEL})\s*:|(?i:{_POSTED_BY}):?|(?i:{_GENRE_BY})"
    rf"|(?:{_CAPITAL_AGENTS}):?)"
)
_NAME_FOLLOWS = rf"(?:\s+|(?=[{_CAPITALS}][{_SMALL_LETTERS}]))"
_LEADS = "by|от|di|da"  # (in small letters where a block opens: see above)
_IN_TEXT = re.compile(
    rf"(?:^\s*(?P<lead>{_LEADS}):?|(?:^|[\s|•·]){_IN_TEXT_PREFIX}){_NAME_FOLLOWS}"
)
# ``_IN_TEXT`` past the text's first character, where "^" cannot match: a pattern that
# opens with a character class, which the engine skips ahead to (at every character it
# tried the "^" alternatives first). A block of its own opens after a line break
# (``furniture.text_near_title``), as the text does: a lower-case "di"/"by" there is a
# byline too ("Fino a 10 centimetri in città.\ndi Marco Rossi 7 dicembre 2026", under
# the dek).
_IN_TEXT_AFTER = re.compile(
    rf"[\s|•·](?:(?<=\n)[^\S\n]*(?P<lead>{_LEADS}):?|{_IN_TEXT_PREFIX}){_NAME_FOLLOWS}"
)
_MAX_WORDS = 8
# A template's untranslated key in the author meta ("page.head.extra.author",
# "article.meta.author"), as ``clean`` drops "site.bta" from the body. Only with a part
# that names a template's field: a CMS login ("andrew.keaveney", "sara.r.peter") has the
# same shape and still names the writer.
_TEMPLATE_KEY = re.compile(
    r"^(?=[a-z0-9_.]*\b(?:author|authors|byline|writer|creator|name|meta|page|head|site)\b)"
    r"[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$"
)
# The desk or the press office a newsroom or an administration signs with where no
# writer is named, in the other languages a page here may be written in ("Redazione",
# "La rédaction", "Redaktion", "Haber Merkezi", "Пресс-служба"): alone, or with an
# article, it is a generic signature as "Staff" and "Редакция" are (``_NOT_NAMES``);
# with the outlet's or the body's name it is a team's, as "Metro Desk" is (``_TEAM``:
# "Redazione ANSA", "Redacción Clarín", "Hürriyet Haber Merkezi", "Пресс-служба
# администрации города"). Not the Bulgarian and Russian "Редакция", which also says
# who edited the text ("Редакция: Иван Колев", ``NOT_WRITERS``), nor Bulgaria's press
# centres, which sign as offices (``office_line``).
_DESK_WORDS = (
    "redacción", "redação", "redacao", "rédaction", "redazione", "redaktion", "redactie",
    "redakcja", "redakce", "redakcia", "redacția", "redacţia", "redactia", "redakcija",
    "uredništvo", "haber merkezi", "редакція", "редакција", "пресс-служба", "пресс-центр",
    "прес-служба", "прес-центр",
)  # fmt: skip
# The articles a desk's word takes alone ("La rédaction", "Die Redaktion", "De redactie").
_DESK_ARTICLES = ("the", "la", "le", "el", "il", "a", "die", "de")
# Not a writer: empty values of templates, site accounts, and the newsroom's generic
# signatures ("Staff", "Редакция", ``_DESK_WORDS``), which name nobody a researcher could
# follow.
_NOT_NAMES = frozenset(
    {
        "undefined", "null", "none", "admin", "administrator", "webmaster", "staff",
        "staff writer", "staff reporter", "editor", "editors", "the editors", "editorial",
        "editorial team", "editorial staff", "editorial board", "newsroom", "news desk",
        "guest", "guest author", "anonymous", "редакция", "редакцията", "редактор",
        "екип", "екипът", "анонимен", "гост автор", "администратор",
        # Joomla's first account, which signs a small site's every post unless renamed,
        # and a site's section printed in the author's place ("Автор: Новини")
        "super user", "superuser", "super administrator", "site administrator",
        "уебмастър", "новини", "news", "актуално",
        *_DESK_WORDS,
        *(f"{article} {desk}" for article in _DESK_ARTICLES for desk in _DESK_WORDS),
    }
)  # fmt: skip


# A team's name signing for a site's writers: "Team Tiger Data", "The Everfit Team",
# "Content Team", "Екипът на Дунавски вести", "Редакционен екип". The word "team"/"екип"
# opening the name (after "the"), its article and "на" after it, or closing it; and an
# office's or a desk's, which signs as a team does: "Communications Staff", "Gazette
# Staff", "Metro Desk", "Communications Office", "University News Office" (a
# university's or a paper's news office, in the author meta over "Story by Mira Farouk");
# a desk's word (``_DESK_WORDS``) opening the name or closing it ("Redazione ANSA",
# "Lokal-Redaktion", "Hürriyet Haber Merkezi").
_DESK = "|".join(map(re.escape, _DESK_WORDS))
_TEAM = re.compile(
    r"^(?:the\s+)?(?:team|екип(?:ът|а)?)(?:\s|$)|\s(?:team|staff|desk|екип(?:ът|а)?)$"
    r"|^communications\s|(?:^|\s)news\s+office$"
    rf"|^(?:(?:{'|'.join(_DESK_ARTICLES)})\s+)?(?:{_DESK})(?:\s|$)|[\s-](?:{_DESK})$",
    re.IGNORECASE,
)


def names_a_team(name: str) -> bool:
    """``name`` is a team's, no person's (``_TEAM``): what a company's blog or a newsroom
    signs for whoever wrote the post. Like the site's own name (``authors._is_publisher``)
    it is the author only where the page names no person: "By Team Tiger Data" over the
    text and "Written by Paulinho Giovannini" under it, the person wrote it. Not dropped
    as the generic signatures are (``_NOT_NAMES``: "Staff", "Екип"): it names the site,
    and where no one else is named the site is who speaks. One name only: "Jane Doe and
    the Rankings Team" names a person first."""
    text = " ".join(name.split())
    return _TEAM.search(text) is not None and _BETWEEN_NAMES.search(text) is None


# Up to three capitals alone on a line: the initials an avatar shows for the writer.
_INITIALS = re.compile(r"[A-ZА-Я]{1,3}")


def _avatar_initials(line: str, name_line: str) -> bool:
    """``line`` is the initials of the name on ``name_line`` ("NB" over "Nicole Burke"),
    each the first letter of one of its words in order: an agency's name alone over its
    description or date ("БТА" over "Агенция", "AFP" over "Paris") is the byline."""
    if not _INITIALS.fullmatch(line):
        return False
    firsts = iter(word[0].upper() for word in _LEADING.sub("", name_line + " ").split())
    return line[0] == next(firsts, "") and all(ch in firsts for ch in line[1:])


_QUOTE_PAIRS = (("„", "“"), ("“", "”"))  # Bulgarian „…“, English “…”

# The words a heading puts before the writer's name in a box about them: "About Jane Doe",
# "Über Moritz Bachmann", "À propos de Leo Marchetti", "За Мария Петрова", "Об Иване…";
# one vocabulary for the box under the text (``writer_box``) and a byline element that is
# that box's heading ("<div class="author-box"><h4>About Leo Marchetti</h4>").
ABOUT_WRITER = re.compile(r"^(?:about|über|за|об|о|à propos de|sobre|o)\s+", re.IGNORECASE)


def _strip_ends(text: str) -> str:
    """``text`` without separators and stray quotes at either end; a closing quote that
    ends a name quoted inside it stays (Отдел „Връзки с обществеността“, a department
    signing its press releases, keeps the quote that closes its name)."""
    core = text.strip(" ,;:\"'“”")
    if not core:
        return core
    after = text[text.index(core) + len(core) :]
    for opening, closing in _QUOTE_PAIRS:
        if after.startswith(closing) and core.count(opening) > core.count(closing):
            return core + closing
    return core


# The number a stated name opens with ("98 Buck Social", "24 Часа", a handle such as
# "3d23d65-ddc6-4ce5"): a word of digits, perhaps with letters after them, that a space
# or the end follows. A date's first part is not one ("12.03.2026", "2026-03-12": a
# separator follows its digits), and a day before its month ("12 March 2026") still
# comes to nothing: the year cuts the name and the month goes with it (``clean_byline``).
# The letters' part opens with a letter, not a digit: where both could take the digits,
# a field of 20,000 digits and no space (a hostile JSON-LD author) took 15 s to refuse.
_OPENING_NUMBER = re.compile(r"\d+(?:[^\W\d_][\w-]*)?(?=\s|$)")


# What an organisation's name goes on with past a dash, as Bulgarian bodies name
# themselves: the place they stand in ("РИМ – Камен", "ОУ „Христо Ботев“ - Дряновец",
# "Регионален исторически музей – Велико Търново") or the office of theirs that signs
# ("Община Русе - Пресцентър"): one to three capitalised words, in capitals only where
# the name is printed in them.
_DASH_THEN = re.compile(r"\s*(?:—|–|\s-\s)\s*")
_PLACE_WORD = r"[А-ЯЁ](?:[а-яё]+|[А-ЯЁ]+)(?:-[А-ЯЁ][а-яё]+)?"
_GOES_ON = re.compile(rf"{_PLACE_WORD}(?:\s+{_PLACE_WORD}){{0,2}}")
_CYRILLIC_CAPITALS = re.compile(r"[А-ЯЁ]{2,6}")


def _name_past_dash(line: str, at: int) -> int:
    """Where the name in ``line`` ends when the dash at ``at`` (where ``_TAIL`` cut it)
    is inside an organisation's own name, 0 when the dash ends the name.

    A person's name ends at the dash: what follows is their role ("Мария Иванова -
    кореспондент"), the outlet or the place they file for ("Мария Колева – БТА", "Иван
    Петров – Русе"). An organisation's name goes on: cut at the dash, "РИМ – Камен"
    (the museum of that town) was "РИМ", which names every regional museum in the land.
    So only where the words before the dash name a body (``_names_a_body``) and those
    after it are a place's or an office's (``_GOES_ON``), not a role (a label's or an
    editor's word), not a person (a surname's ending: "Текст и снимки – Иван Колев"),
    and not an agency in capitals after a name in small letters ("… – БТА")."""
    dash = _DASH_THEN.match(line, at)
    before = line[:at]
    capitals = line.isupper()  # (a theme's styling: every word in capitals)
    if dash is None or not _names_a_body(before, capitals=capitals):
        return 0
    rest = _GOES_ON.match(line, dash.end())
    if rest is None:
        return 0
    end = rest.end()
    words = rest.group().split()
    then = _TAIL.search(line, dash.end())
    if (end < len(line) and (then is None or line[end : then.start()].strip(" ,"))) or (
        then is not None and then.start() < end
    ):
        return 0  # the words run on past a place's, or a label's word is among them
    if NOT_WRITERS.search(rest.group()) or _SURNAME.fullmatch(words[-1].capitalize()):
        return 0
    if not capitals and any(_CYRILLIC_CAPITALS.fullmatch(w) for w in words):
        return 0
    return end


def _names_a_body(before: str, *, capitals: bool) -> bool:
    """The Cyrillic words ``before`` a dash name an organisation, not a person: a quoted
    name (ОУ „Христо Ботев“, читалище „Светлина“), an office's name (``_office_head``:
    "Община Русе"), an abbreviation (РИМ, ОУ, РЗИ; by its shape, ``_abbreviation``,
    where the whole line is in ``capitals``), or a word in small letters after the first
    that is no particle or title of a person's ("Регионален исторически музей"): a
    person's name capitalises each of its words."""
    words = before.split()
    while len(words) > 1 and _TITLE_BEFORE_NAME.fullmatch(words[0]):
        words = words[1:]  # "д-р Иван Петров": the title is the person's
    if not words or not any("а" <= c.lower() <= "я" for c in before):
        return False
    if any(mark in before for mark in '„“”"«»'):
        return True
    if _office_head(words, issuer=False) >= 0:
        return True
    for at, word in enumerate(words):
        core = word.strip(_QUOTES + ".,")
        if capitals and _abbreviation(core, core.lower()):
            return True
        if not capitals and _CYRILLIC_CAPITALS.fullmatch(core):
            return True
        if at and core[:1].islower() and core.lower() not in _PARTICLES | {"от"}:
            return True
    return False


def clean_byline(text: str, *, stated: bool = False) -> str:
    """The name(s) in a byline element's text, without prefix, date or separators; "" when
    the text does not read as names (too long, a sentence, a bare number or URL).

    Only the first line counts once a bare prefix line ("By", "Автор:") is passed: themes
    put the writer's role or bio in an element of its own after the name.

    ``stated``: the text is a metadata field that states the writer's name (JSON-LD's
    author, the author meta): nothing but the name is put there, so a number opening it
    is the name's own, an outlet's or a company's named with it ("98 Buck Social", "24
    Часа"), which cut there left nothing. In a byline element a number that opens the
    text is a date or a count as often ("12 март 2026", "5 Min Read"): it ends the name.
    """
    lines = [" ".join(line.split()) for line in text.split("\n")]
    lines = [
        line
        for line in lines
        if line
        and _LEADING.sub("", _LEAD_IN.sub("", line + " ")).strip()
        and not _CREDIT_LINE.match(line)
    ]
    if len(lines) > 1 and _avatar_initials(lines[0], lines[1]):
        lines = lines[1:]  # an avatar's initials ("NB") before the name it stands for
    if lines and _YEARS.search(lines[0]) is not None:  # (a date line needs a year)
        lines = _after_the_date(lines)
    if not lines or lines[0].startswith("/"):
        return ""  # BTA's editors' sign-off "/ИК/", "/МО/МО/": initials, not a name
    line = _LEADING.sub("", _LEAD_IN.sub("", lines[0]))
    opening = _OPENING_NUMBER.match(line) if stated else None
    tail = _TAIL.search(line, opening.end() if opening else 0)
    if tail and (goes_on := _name_past_dash(line, tail.start())):
        tail = _TAIL.search(line, goes_on)  # "РИМ – Камен": the body's name, whole
    text = line[: tail.start()] if tail else line
    if tail and tail.group().lstrip()[:1].isdigit():  # the day and year cut: its month too
        text = _TRAILING_MONTH.sub("", text)
    text = _strip_ends(without_office(_without_wire(text)))
    if not stated and (about := ABOUT_WRITER.match(text)) and reads_as_name(text[about.end() :]):
        text = text[about.end() :]  # the heading of a box about the writer: "About Jane Doe"
    if text.lower() in _NOT_NAMES or text.lower().rstrip(".") in WEEKDAY_NAMES:
        return ""
    # "http" before the ":" rule below: "http//x.bg", its colon typed away, has none
    if not text or text.startswith(("http", "@")) or _longest_name(text) > _MAX_WORDS:
        return ""
    if _TEMPLATE_KEY.match(text):
        return ""
    if ":" in text or NOT_WRITERS.match(text):
        return ""  # credits ("content: X, design: Y"), "Reviewed by …": not the writers
    if text[-1:] in ".!?" and len(text.split()) > 3:
        return ""  # a sentence, not a name
    if not any(ch.isalpha() for ch in text):
        return ""
    return as_written(text)


# Between a byline's date and the name after it on one line: "27.11.2026 08:17 | Мария
# Илиева" (``_TAIL``'s separators), and what is left of one opening the next line.
_DATE_SEPARATOR = re.compile(r"\s*(?:\||•|·|—|–|\s-\s)\s*")
_LEADING_SEPARATOR = re.compile(r"^(?:[|•·—–-]\s*)+")


def _after_the_date(lines: list[str]) -> list[str]:
    """A byline element's ``lines`` with the date that opens them taken out: a line that is
    a date and nothing else (``is_bare_date``: "<p class="by">27.11.2026<br>Мария
    Илиева</p>"), or such a part before a separator ("27.11.2026 08:17 | Мария Илиева").
    The date rules read it; left in, it opened the text, where a number ends the name
    (``_TAIL``), and the name after it was never read. A date with no name after it is
    left, which names nobody all the same."""
    first = lines[0]
    if len(lines) > 1 and is_bare_date(first):
        rest = _LEADING_SEPARATOR.sub("", lines[1])
        return [rest, *lines[2:]] if rest else lines[2:]
    parts = _DATE_SEPARATOR.split(first, maxsplit=1)
    if len(parts) == 2 and parts[1] and is_bare_date(parts[0]):
        return [parts[1], *lines[1:]]
    return lines


# Beside the writer, the people who edited or checked the text: named, not authors ("Редактор:
# Иван Колев", "Редактирано от Иван Колев", any capitals; a Chinese page's "责任编辑：刘洋",
# "责编：", "编辑：", in simplified or traditional characters; the English words are
# ``clean.VETTING_WORDS``).
_NOT_WRITER_WORDS = (
    *VETTING_WORDS, "редактор", "редактирал[аи]?",
    "редактиран[оаи]?", "редакция", "проверил[аи]?", "责任编辑", "責任編輯", "责编", "責編",
    "编辑", "編輯",
)  # fmt: skip
_NOT_WRITER = rf"\b(?:{'|'.join(_NOT_WRITER_WORDS)})\b"
# ``_NOT_WRITER`` as a search for it through a text: led by its words' first letters
# (``led_words``), which the engine skips ahead to; tried at every character, it cost a
# third of a percent of the AEB pages' extraction.
NOT_WRITERS = re.compile(rf"{led_words(_NOT_WRITER_WORDS, word_start=True)}\b", re.IGNORECASE)
# A line naming the text's editor and no more ("Редактор: Иван Колев", "Редактирано от
# Иван Колев", "Edited by Jane Doe", "责任编辑：刘洋"): a ``NOT_WRITERS`` word, "от"/"by" or a
# colon (a full-width one too), a name.
_EDITOR_LINE = re.compile(
    rf"(?:{_NOT_WRITER})\s*(?:(?:от|by)\b\s*:?|[:：])\s*(?P<name>.+)", re.IGNORECASE
)
# Chinese names as a credit line lists them: two to six Han characters each (a foreign
# name's parts joined by "·"; a two-character name spaced out, "李 华"), separated by "、",
# a comma or a space ("王伟、赵敏"); no case tells them from words, their length and the
# label before them do.
_HAN_NAME = r"[\u4e00-\u9fff](?:\s?[\u4e00-\u9fff·]){1,5}"
_HAN_NAMES = re.compile(rf"{_HAN_NAME}(?:\s*[、，,\s]\s*{_HAN_NAME}){{0,3}}")
_OPEN_BRACKETS = "(（"
_CLOSE_BRACKETS = ")）"
# A Chinese reporter's credit under the headline, as a line of its own: the outlet, the
# word for reporter, and the names after a space or a colon ("澎湃新闻记者 陈晨 李娜",
# "本报记者：王伟、赵敏"), perhaps the date after them, which a name has no digit of
# ("… 李娜 2026年12月6日 09:30": the date's element on the same line). Not "记者" glued to
# what follows: "记者获悉" ("the reporter learned") opens the text's sentences.
_REPORTERS = ("记者", "記者")
_REPORTER_LINE = re.compile(
    rf"[\u4e00-\u9fff]{{0,12}}?(?:{'|'.join(_REPORTERS)})(?:\s*[:：]\s*|\s+)"
    rf"(?P<names>{_HAN_NAMES.pattern})(?:\s+\d.*)?"
)


def reporter_line(line: str) -> str:
    """The reporters a Chinese credit line names (``_REPORTER_LINE``), as printed; "" for
    any other line."""
    if not any(word in line for word in _REPORTERS):
        return ""
    found = _REPORTER_LINE.fullmatch(" ".join(line.split()))
    return found["names"] if found else ""


def editor_line(line: str) -> str:
    """The editor a line names when it names only them (``_EDITOR_LINE``), "" for any
    other line: where a template prints it under the text, who edited the text, no part
    of it and not its writer."""
    if len(line) > _SIGNATURE_CHARS:
        return ""
    line = line.strip()
    if line[:1] in _OPEN_BRACKETS and line[-1:] in _CLOSE_BRACKETS:  # "(Редактор: Петя
        line = line[1:-1].strip()  # Петрова)", as BTA sets it; "（责编：王伟）"
    m = _EDITOR_LINE.fullmatch(line)
    if m is None:
        return ""
    name = m["name"].strip().rstrip(".")
    if _HAN_NAMES.fullmatch(name):
        return name
    return name if reads_as_name(name) and _longest_name(name) <= 3 else ""


# The words joining two writers' names, in the languages a page here may be written in:
# "Мария Петрова и Иван Колев", "Jane Doe and John Roe", "Anna Weber und Jonas Klein",
# "Claire Dubois et Marc Petit", "Valentina Conte e Giulia Ferri", "Ana García y Luis
# Gómez", "Jan Kowalski i Anna Nowak". One vocabulary for every rule that reads a pair or
# a list of names (``_BETWEEN_NAMES``, ``_JOINS``, ``_PARTICLES``, ``_TWO_NAMES``); each
# stands between capitalised names only, so "e", "y" and "i" joining a sentence's words
# are no names' join.
_NAME_JOINS = ("и", "and", "&", "und", "et", "e", "y", "i")
_JOIN_WORDS = "|".join(map(re.escape, _NAME_JOINS))
# Between the names of a co-author list: the length limit holds for each name, so that
# six co-authors of a study pass while a sentence of nine words does not.
_BETWEEN_NAMES = re.compile(rf",\s*(?:and\s+|&\s*|и\s+)?|\s+(?:{_JOIN_WORDS})\s+")


def _longest_name(text: str) -> int:
    return max(len(part.split()) for part in _BETWEEN_NAMES.split(text))


# The abbreviations Bulgarian writes in capitals inside a name that is not ("Пресцентър
# на БТА", "Екип на НСОРБ", "РЗИ – Русе"): an agency's, a public body's, the EU's; by
# the capitals a name in capitals prints them in, each as it is written ("ВИК": "ВиК").
_ABBREVIATIONS = {
    short.upper(): short
    for short in "БТА НСОРБ РЗИ БНР БНТ МВР ОДМВР НАП НОИ НЗОК РЗОК АСП ДСП РИОСВ РУО МОН "
    "МРРБ АПИ ОПУ БЧК ЕС ЕК ООН ОИЦ ДАЗД ГДБОП ДНСК ЧЕЗ МБАЛ УМБАЛ ВиК ОбА ОбС".split()
}
# Beyond that list, the abbreviations no word is shaped like: a short word without a
# vowel ("ПГ", "ДГ", "ЦДГ", "ДКС", "МВР") or ending in three consonants ("ОДМВР",
# "ОДБХ"), or of two letters that are none of the short words ("ОУ", "СУ", "РУ": a
# school's, a police station's): schools, kindergartens and public bodies sign so, too
# many to list. Three consonants inside a word or at its start are a word's ("ИСКРА", a
# first name and a chitalishte's; "СТРОЙ"), and "й" is no consonant there ("МАЙКЛ");
# "Ян" is a first name, "из" the opening of "Из пресцентъра на …".
_ABBREVIATION_LETTERS = 5
_VOWELS = frozenset("аеиоуъюяь")
_THREE_CONSONANTS = re.compile(r"[б-джзк-нп-тф-щ]{3}$")
_TWO_LETTER_WORDS = frozenset(("на", "за", "по", "от", "до", "ще", "не", "да", "се", "из", "ян"))


def _abbreviation(core: str, low: str) -> bool:
    """``core`` (a word of a name in capitals; ``low``, the same in small letters) is an
    abbreviation: a known one (``_ABBREVIATIONS``) or one no word is shaped like."""
    if core in _ABBREVIATIONS:
        return True
    if not 2 <= len(low) <= _ABBREVIATION_LETTERS or not low.isalpha():
        return False
    return (
        not any(c in _VOWELS for c in low)
        or _THREE_CONSONANTS.search(low) is not None
        or (len(low) == 2 and low not in _TWO_LETTER_WORDS)
    )


_DASHES = ("-", "–", "—")
_DASH_CHARS = "".join(_DASHES)
_QUOTES = '„“”"«»()'
# The definite article ending a common noun after a join ("на здравеопазването", "на
# общината"): written in lower case, where a place after "на" ("на Община Русе") is not.
_DEFINITE = re.compile(r"[а-я]{3,}(?:ът|ят|та|то|те)")


def as_written(text: str) -> str:
    """A Cyrillic name typed in capitals ("БОРИС ЗЮМБЮЛЕВ", "ПРЕСЦЕНТЪР НА ОБЩИНА РУСЕ")
    as it is written in a sentence ("Борис Зюмбюлев", "Пресцентър на Община Русе"): the
    capitals are the theme's styling, and an archive that keeps them holds the same
    writer under two spellings. Only names of two or more words; an acronym alone
    ("БТА") or a Latin name ("MCDONALD") is left alone.

    A person's words each take a capital (Bulgarian names have no inner capitals). An
    office's name takes one on its first word, a quoted name's first (Дирекция
    „Култура“), a place's and a named body's after "на" (на Община Русе), the first
    after a dash, which opens another name (Дирекция „Култура“ – Община Русе); its nouns
    and the adjectives before them (Регионална здравна инспекция), the joins, the
    lower-case run "за"/"по" opens (Агенция за социално подпомагане) and a definite
    common noun after a join (Министерство на здравеопазването) stay small; known
    abbreviations (``_abbreviation``: БТА, НСОРБ, ОУ, ЦДГ; ВиК as written), a word in
    brackets (the outlet's "(БТА)", "(ХЗЛ)") and a Latin word keep their capitals."""
    words = text.split()
    if len(words) < 2 or not text.isupper() or not any("а" <= c.lower() <= "я" for c in text):
        return text
    cores = [w.strip(_QUOTES) for w in words]
    if not all(c.replace("-", "").isalpha() or c in _DASHES for c in cores):
        return text
    folded = [c.lower() for c in cores]
    written: list[str] = []
    run = quoted = person = False  # in the run after "за"/"по"; in a quoted name, a person's
    for at, (word, core, low) in enumerate(zip(words, cores, folded, strict=True)):
        before = folded[at - 1] if at else ""
        nxt = folded[at + 1] if at + 1 < len(folded) else ""
        opens = word[:1] in _QUOTES
        if opens and not quoted:
            person = _quotes_a_person(words[at:], cores[at:])
        if (
            _abbreviation(core, low)
            or not core.strip(_DASH_CHARS)
            or word[:1] + word[-1:] == "()"
            or not any("а" <= c <= "я" for c in low)
        ):
            small = None  # an abbreviation, a dash, an outlet's "(БТА)", a Latin word
        elif at == 0 or (opens and not quoted) or before in _DASHES:
            small = False  # a name's first word; after a dash, another name's
        elif low in _OFFICE_JOINS:
            small, run = True, run or low in _AGENCY_REMITS
        elif person:
            small = False  # a school named after a person: ОУ „Васил Левски“
        elif run or quoted:
            small = True
        elif before in _OFFICE_JOINS and _DEFINITE.fullmatch(low):
            small = True
        elif _office_noun(low) or _office_noun(nxt):
            small = before != "на"  # "на Община Русе", "на Областна администрация"
        else:
            small = False
        quoted = (quoted or opens) and word[-1:] not in _QUOTES[1:3] + "»)"
        person = person and quoted
        run = run and core.strip(_DASH_CHARS) != "" and not opens
        kept = _ABBREVIATIONS.get(core, core)
        cased = kept if small is None else low if small else _capitalised(low)
        written.append(word.replace(core, cased, 1) if core else word)
    return " ".join(written)


def _quotes_a_person(words: list[str], cores: list[str]) -> bool:
    """The quoted name ``words`` open is a person's, of two or three words, its last a
    surname (ОУ „ВАСИЛ ЛЕВСКИ“, МБАЛ „Д-Р ТОТА ВЕНКОВА“): each of them takes a capital,
    where a department's quoted name takes one on its first (Дирекция „Култура“)."""
    for at, word in enumerate(words[:3]):
        if word[-1:] in _QUOTES[1:3] + "»":
            return at > 0 and _SURNAME.fullmatch(cores[at].capitalize()) is not None
    return False


# A title shortened around a hyphen, its first letter alone before it: "д-р", "г-н", "г-жа".
_SHORT_TITLE = re.compile(r"[а-я]-[а-я]+")


def _capitalised(word: str) -> str:
    """``word`` (lower case) with a capital: on each part of a double name
    ("Стоянова-Колева"), on the first letter alone of a shortened title ("Д-р", which
    ``str.title`` writes "Д-Р")."""
    return word.capitalize() if _SHORT_TITLE.fullmatch(word) else word.title()


def may_hold_byline(text: str) -> bool:
    """Whether ``text`` can hold a byline ``byline_in_text`` or ``signed_line`` reads: a
    label's colon ("Автор:", "Текст и снимки:") or the agent's word in any case ("By",
    "От", "Posted by"). A test of substrings, before a rule that would pass the byline
    patterns over a window only to check a name it already has."""
    if ":" in text:
        return True
    folded = text.casefold()
    return any(agent in folded for agent in _POSTED_WORDS)


def _in_text_labels(text: str) -> Iterator[re.Match[str]]:
    """``_IN_TEXT.finditer(text)``: the match at the start, then ``_IN_TEXT_AFTER``'s from
    where it ends (or from the second character), which are ``_IN_TEXT``'s there, and a
    bare "by"/"di" where a line opens."""
    first = _IN_TEXT.match(text)
    if first is not None:
        yield first
    yield from _IN_TEXT_AFTER.finditer(text, first.end() if first is not None else 1)


def byline_in_text(text: str) -> str:
    """The first "By Jane Doe" / "Автор: Иван Петров" / "От Мария Иванова" in ``text``,
    co-authors included as printed ("Мария Петрова и Иван Колев", "A, B and C").

    A name is one to three capitalised words; a third one followed by a lower-case word
    starts the next sentence ("Иван Петров Общината съобщи"). "От" opens sentences as
    often as bylines ("От Община Русе съобщиха, че…", "От БТА научихме"), so after it
    the name needs two words and must not run on into a lower-case word. A line break
    (``furniture.text_near_title`` keeps one where a block ends) ends the name.
    """
    for m in _in_text_labels(text):
        label_at = m.start("prefix") if m["prefix"] else m.start("lead")
        if label_at > 0 and _CREDITED_BEFORE.search(text[max(label_at - 40, 0) : label_at]):
            continue  # "Reviewed By: Jane Doe", "Photo by Jane Doe": not the writer
        # a line break in ``text`` is where a block ended: the name does not run past it;
        # a byline mark glued to the name ends it too ("Mira Farouk|September 23, 2025":
        # the mark's element set beside the name's with no space between)
        line = text[m.end() :].lstrip().split("\n", 1)[0]
        words = _BYLINE_MARK.sub(" | ", line).split(maxsplit=16)
        # (a degree or rank before the name, in lower case: "Написано от д-р Валентин Цонев")
        titled = 0
        while titled < len(words) - 1 and _TITLE_BEFORE_NAME.fullmatch(words[titled]):
            titled += 1
        names, end = _names_at(words[titled:])
        end = titled + (_with_titles(words[titled:], end) if names else end)
        if not names or any(" ".join(names[0][:k]).lower() in _NOT_NAMES for k in (1, 2)):
            continue
        if _office_noun(names[0][0], head=True):
            continue  # "Автор: Отдел „Връзки с обществеността“": an office (``office_line``)
        following = words[end] if end < len(words) else ""
        if following.rstrip(",.").casefold() in WEEKDAY_NAMES:
            following = ""  # the post's day after its writer: "От Мария Колева, чет, 26.11.2026"
        elif _WIRE_AFTER.match(" " + " ".join(words[end:])):
            following = ""  # the wire the writer files with: "Von Hans Müller mit dpa"
        if len(names) == 1 and len(names[0]) == 1 and _dated_post(m, words[end:]):
            return clean_byline(names[0][0])  # "Публикувано от Иван в 10:15"
        if (m["prefix"] or m["lead"]).rstrip(":").casefold() in _SENTENCE_AGENTS and (
            any(len(name) < 2 for name in names) or _sentence_word(following)
        ):
            continue
        if len(names[0]) == 1 and len(names) == 1 and _sentence_word(following):
            continue  # "By Friday the council…": a sentence, not a byline
        if following[:1].isdigit():  # "By Jane Doe March 3, 2025": the day tells the month
            return clean_byline(" ".join(words[: end + 1]))
        return clean_byline(without_full_stop(" ".join(words[:end]).rstrip(",;")))
    return ""


def _sentence_word(word: str) -> bool:
    """``word``, after a name, goes on with a sentence: a word of small letters ("Von Hans
    Müller, der …", "By Friday the council"). Not an outlet's handle in small letters and
    digits after the writer's comma ("Por Camila Duarte, g1 PR — Curitiba", "t3n"): no
    sentence's word has a digit."""
    return word[:1].islower() and not any(ch.isdigit() for ch in word)


def opens_with_byline(text: str) -> bool:
    """``text`` opens with a writer's label and a name (``byline_in_text``'s: "By Earl
    Dunning, Herald Staff Writer", "Von Jana Roth", "От Мария Петрова", "Автор: …"),
    whatever follows it: a byline's block, its date under the name, never a headline
    (an old table layout's "<font size=2><i>By …</i><br>Thursday, December 4, 2026</font>",
    set as a line of its own right above the text, was taken for the headline)."""
    return _IN_TEXT.match(text) is not None and bool(byline_in_text(text))


# The word a posting line sets between who posted and when: "Posted by David at 11:15 AM"
# (Blogger's line), "on March 3", "Публикувано от Иван в 10:15", "От Иван на 27.11.2026".
_POSTED_WHEN = frozenset({"at", "on", "в", "на"})


def _dated_post(label: re.Match[str], after: list[str]) -> bool:
    """Whether the one word after a byline label is a poster's name, not a sentence's
    first word ("By Friday the council…", "От Русе в 10:00 ч. тръгва автобус"): blog
    templates print a first name alone, then the date's word and the date or time ("Posted
    by David at 11:15 AM", "Публикувано от Иван в 10:15"). After a label that opens nothing
    but a byline (``POSTED_BY``) that is enough; after one that opens sentences too ("От",
    "By") the rest of the line must be the date and nothing more (``is_bare_date``)."""
    if len(after) < 2 or after[0].casefold() not in _POSTED_WHEN:
        return False
    when = after[1]
    if not (
        when[:1].isdigit()
        or MONTH_WORD.fullmatch(when.rstrip(",."))
        or when.rstrip(",.").casefold() in WEEKDAY_NAMES
    ):
        return False
    if POSTED_BY.fullmatch((label["prefix"] or "").rstrip(": ")):
        return True
    return is_bare_date(" ".join(after[1:]))


def name_opening(text: str) -> str:
    """The name(s) ``text`` opens with, read as those after a "By" are (``byline_in_text``):
    for a name printed where a byline stands with no word before it, beside the writer's
    picture ("Мария Петрова в Новини", "Jane Doe in Politics")."""
    return byline_in_text(f"By {text.strip()}")


# The word before a "By" that makes it someone else's credit: a reviewer's or an editor's
# (``NOT_WRITERS``), a photographer's or an illustrator's, in either language ("Photo By",
# "Снимки ОТ": the words of a credit, ``_CREDIT``, without its colon).
_CREDITED = rf"(?:{_NOT_WRITER}|\b(?:{_CREDIT_WORDS}|photography|illustrations?))"
_CREDITED_BEFORE = re.compile(rf"{_CREDITED}\s*$", re.IGNORECASE)
# Such a credit as the label a name follows, with its "by"/"от" or colon ("Medically
# reviewed by", "Редактор:"), at the end of the text before the name.
_CREDIT_LABEL = re.compile(rf"{_CREDITED}(?:\s*(?:by|от)\b)?\s*:?\s*$", re.IGNORECASE)
_CREDIT_LABEL_CHARS = 40


def credited_label(before: str) -> bool:
    """Whether ``before``, the text of a name's line before it, ends with someone else's
    credit (``_CREDIT_LABEL``): the name that follows is the reviewer's, the editor's or
    the photographer's, however its link or markup reads as a writer's."""
    return _CREDIT_LABEL.search(before[-_CREDIT_LABEL_CHARS:]) is not None


def without_full_stop(name: str) -> str:
    """ "Иван Колев." -> "Иван Колев": a byline printed as a sentence ("Текст и снимки:
    Иван Колев."); an initial or an abbreviation keeps its point ("Иван П.", "Jr.",
    "Ph.D.")."""
    last = name.rsplit(" ", 1)[-1][:-1]
    if name.endswith(".") and len(last) > 2 and last.replace("-", "").isalpha():
        return name[:-1]
    return name


def _with_titles(words: list[str], end: int) -> int:
    """Where the byline ends once the degrees printed after the name are counted ("Jane
    Doe, MD, FACP", "Мария Петрова, д-р"): part of how the writer is cited, as
    ``clean_byline`` keeps them in an element. A Latin degree is in capitals ("MD"), so
    that a sentence's "do" or "md" after a comma is not one."""
    first = True
    while end < len(words) and words[end - 1].endswith(","):
        word = words[end].rstrip(",;")
        pattern = _TITLE_WORD if first else _MORE_TITLES
        if not pattern.fullmatch(word) or (word.isascii() and word.islower()):
            break
        first, end = False, end + 1
    return end


# The other order: "Публикувано на 3 март 2026 г. от Мария Кирова", "Posted on March 3,
# 2026 by Jane Doe": the last "от"/"by" of the line, and a name with no digit closing it.
_DATE_THEN_NAME = re.compile(
    rf"^(?P<date>.+)\s(?:{_POSTED_AGENT})\s+(?P<name>[^\d]+?)\.?$", re.IGNORECASE
)
_DATE_AFTER_NAME = re.compile(r"^[\s,]*(?:на|on)\s+", re.IGNORECASE)


def posted_by(line: str) -> tuple[str, str]:
    """Who posted the article, as a line opening with it says, in either order, and the
    date the line gives as printed, for the caller to judge: the name first, after the
    label (``POSTED_BY``: "Публикувано от Мария Кирова на 3 март 2026 г.", "Posted by
    Jane Doe on March 3, 2026": the byline as ``byline_in_text`` reads it, the date what
    follows the name, "" when the name is not printed as read), or the date first with
    its label ("Публикувано на 3 март 2026 г. от Мария Кирова": a name that closes the
    line, printed as a name is). ("", "") when the line names no one so."""
    if POSTED_BY.match(line):
        name = byline_in_text(line)
        at = line.find(name) if name else -1
        if at < 0:
            return name, ""
        return name, _DATE_AFTER_NAME.sub("", line[at + len(name) :], count=1).strip()
    signed = _DATE_THEN_NAME.match(line)
    if signed is None:
        return "", ""
    name = clean_byline(signed["name"])
    if name != signed["name"] or not reads_as_name(name):
        return "", ""
    return name, signed["date"]


# What labels a date printed by the text, under it or as the byline: "Публикувана на",
# "Дата:", "Posted on", "Последно обновяване", "Актуализирано:", "Veröffentlicht am"
# (``dates``' vocabulary).
_DATE_LABEL = re.compile(
    rf"^(?:{DATE_LINE_LABEL})(?!\w)(?:\s+(?:на|on|{LABEL_JOINS_ELSEWHERE}))?\s*:?\s*",
    re.IGNORECASE,
)


# A blog template's filing between the date's label and the date ("Публикувано в
# Общество на 27.11.2026 от …", "Posted in News on March 3, 2026 by …": SilverStripe's
# blog, many WordPress themes; ``date_words.FILED_IN``).
_FILED_IN = re.compile(rf"^(?P<label>{DATE_LINE_LABEL})\s+{FILED_IN}", re.IGNORECASE)
# The comment count the same templates close the line with, after the name ("… от Мира
# Димова 0 коментара", "… by Jane Doe Comments (2)"): a link of its own, not the name's.
_COUNT_CLOSING = re.compile(rf"\s+(?:{COMMENT_COUNT.pattern})$", re.IGNORECASE)
# Or the category after the name ("… от Мария Стоянова в Община", "… by Jane Doe in
# News"): the post's filing, not the name's end (``date_words.FILED_AFTER``).
_FILED_AFTER = re.compile(FILED_AFTER, re.IGNORECASE)
# Or the time after the name ("… от Петър Колев в 10:15 ч.", "… by Jane Doe at 10:15
# am"), before or after that category (``date_words.TIMED_AFTER``).
_TIMED_AFTER = re.compile(TIMED_AFTER, re.IGNORECASE)
# Or the poster's role after a comma, in lower case ("… от Веселина Гочева, директор",
# "… by Jane Doe, staff writer"): what the name is, not part of it. A capital there
# ("…, гр. Русе", "…, Staff Writer") may be a place or a name, and is left alone.
_ROLE_AFTER = re.compile(r",\s*[a-zа-я][\w.-]*(?:\s+[a-zа-я][\w.-]*){0,3}$")


def signed_line(line: str) -> str:
    """The name in a line that says who posted the text and when, and nothing else, in
    either order (``posted_by``): "Публикувано на <date> от <name>" (a date label
    opening it) or "Публикувано от <name> на <date>"; "" for any other. Templates print
    it as the text's closing line or as the byline under the headline, some with the
    post's category after the label or after the name, its time, comment count or the
    poster's role after the name, which say nothing of who and are left out
    (``_FILED_IN``, ``_FILED_AFTER``, ``_TIMED_AFTER``, ``_COUNT_CLOSING``,
    ``_ROLE_AFTER``)."""
    if len(line) > 120:
        return ""
    line = _COUNT_CLOSING.sub("", _FILED_IN.sub(r"\g<label> ", line, count=1), count=1)
    if not POSTED_BY.match(line):  # (the name last: after "на <date>", more is text)
        for closing in (_ROLE_AFTER, _TIMED_AFTER, _FILED_AFTER, _TIMED_AFTER):
            line = closing.sub("", line, count=1)
    if not (POSTED_BY.match(line) or _DATE_LABEL.match(line)):
        return _dated_byline(line)  # (the labels first: most lines have none)
    name, date = posted_by(line)
    return name if name and (is_bare_date(date) or _relative_date_line(date)) else ""


def _relative_date_line(line: str) -> bool:
    """A date counted back from the fetch and nothing else, perhaps after a label
    ("Публикувано преди 5 часа", "Posted yesterday"): the date of a "Posted … by" line
    as a theme prints it for its newest posts (``relative_dates.is_relative_date``)."""
    return is_relative_date(_DATE_LABEL.sub("", line, count=1))


# A date opening a line, with no label, and the agent's word after it: "03/01/2017 by
# Jane Doe, Staff Writer", "12.03.2026 г. от Мария Петрова" (a theme printing the date and
# the byline on one line, the label left out).
_DATE_THEN_AGENT = re.compile(r"^(?P<date>\S.*?)\s*[|•·,–—-]?\s+(?=(?:by|от)\s)", re.IGNORECASE)


def _dated_byline(line: str) -> str:
    """The byline after a bare date (``is_bare_date``) opening ``line``, as a byline
    opening a line is read (``byline_in_text``: a lower-case "by" or "от" there is one,
    "от" with a name of two words that nothing in lower case follows); the date a line's
    first word starts, a number or a month's name, so other lines cost no search. What
    follows the name (a role, a place: "Jane Doe, Staff Writer") is not part of it."""
    words = line.split(maxsplit=1)  # (none for a line of spaces: no date opens it)
    first = words[0] if words else ""
    if not (
        first[:1].isdigit()
        or MONTH_WORD.match(first)
        or first.rstrip(",.").casefold() in WEEKDAY_NAMES
    ):
        return ""
    m = _DATE_THEN_AGENT.match(line)
    if m is None or not is_bare_date(m["date"]):
        return ""
    return byline_in_text(line[m.end() :])


# Between a signature and the date after it on the text's closing line ("Пресцентър на
# Община Русе | 12.03.2026", "Мария Колева, 12 март 2026 г.", "Иван Петров – 12.03.2026").
_SIGNATURE_END = re.compile(r"\s*[|•·,]\s*|\s+[–—-]\s+")
# The endings of Bulgarian surnames ("Колева", "Петров", "Дамянова", "Стойчев", a double
# "Стоянова-Колева"): a person signing a closing line with a date, told so from a place
# dating a letter ("Велико Търново, 12 март 2026 г.", "Стара Загора, …"), whose last
# word ends otherwise.
_SURNAME = re.compile(r"(?:[А-Я][а-я]+-)?[А-Я][а-я]+(?:ов|ев|ова|ева|ски|ска|цки|цка)")
# A role named with the definite article before the name ("Кметът Иван Колев",
# "Председателят Колев", "Зам.-кметът …", "Директорката Мария Колева"): the person a
# sentence or a caption is about, whom the text quotes or shows, not who signs it. Told
# by the article's ending, which no first name takes: a man's "-ът"/"-ят", a woman's
# role ending "-ка"/"-ца" with hers ("-ката", "-цата"; not any "-та": "Анета", "Рената").
_ROLE = re.compile(r"(?:[А-Я][а-я]*\.?-)?[А-Яа-я][а-я]+(?:ът|ят|ката|цата)")
# A Latin name has no such ending, and its words, each a capital and small letters or an
# initial ("Jane Doe", "Mary J. Watson", "Anne-Marie O'Neil"), are shaped as the words of
# a title typed in title case ("Press Release", "Image Credit", "New York") are: a Latin
# signature needs the signing dash or "By" before it ("— John Smith", "By Jane Doe"), or
# the page to name the same writer elsewhere. Not in capitals, which are a dateline's.
_LATIN_NAME_WORD = re.compile(r"[A-Z](?:[a-z]+(?:['’-][A-Z]?[a-z]+)*|\.)")
_SIGNING_MARK = re.compile(rf"^(?:[—–-]\s*|(?:{_POSTED_AGENT})\s*:?\s+)", re.IGNORECASE)
# Title-case words after the signing dash or "By" that name no person: a dateline's place
# ("— New York", "— San Francisco", "— Kansas City") or a wire's outlet ("— Associated
# Press", "By Thomson Reuters", "— Agence France-Presse"), shaped as a name's words are.
# Told by the words that make a place's name (its first: "New", "San", "Fort"; its
# last: "City", "Beach") or an outlet's (its last: "Press", "Times", "Blog"; its first: the
# French, Spanish and Italian "agency"). Only the wire agencies that sign copy with their
# bare name ("— Thomson Reuters", "By Kyodo") are named one by one, at the end of
# ``_OUTLET_LAST``: no other place or outlet is.
_PLACE_FIRST = frozenset(
    "new san santa santo são los las fort port mount lake cape saint north south east west"
    .split()
)  # fmt: skip
_PLACE_LAST = frozenset(
    "city beach springs falls island islands valley heights bay harbor harbour county".split()
)
_OUTLET_FIRST = frozenset(("agence", "agencia", "agenzia", "diario", "corriere", "metro", "eco"))
# (and the words a paper's or a portal's name closes on in the other languages a page may
# be written in: "Alsace Matin", "Ouest Info", "Metro Sports", "Eco Regions", "Kieler
# Nachrichten", a local outlet's header named its writer on a page signing no one)
_OUTLET_LAST = frozenset(
    "press presse agency news times post wire service media network radio television tv blog "
    "daily herald journal tribune gazette telegraph chronicle magazine bureau "
    "info infos actu actus matin soir hebdo sport sports regions régions "
    "zeitung nachrichten kurier anzeiger rundschau notizie noticias".split()
) | {wire.casefold() for wire in _WIRE_AGENCIES if " " not in wire}  # fmt: skip
# The last words of a body's name that a person's never ends with: "Vascular Institute",
# "Harbor Clinic", "Acme Group", "Human Resources" are shaped as a name's words are; so
# are a company's ("Lakeshore Health", "Keystone Mutual", "Harmon Partners", "Brightline
# Inc"). Not the business words that are surnames too ("Law": Jude Law; "Bank").
_BODY_LAST = frozenset(
    "institute university college school academy clinic hospital center centre foundation "
    "society association council group company studio studios lab labs office department "
    "resources services health healthcare medical dental pharmacy wellness mutual insurance "
    "financial capital partners associates advisors advisers consulting solutions systems "
    "technologies software realty properties holdings ventures enterprises industries "
    "inc llc llp ltd".split()
)  # fmt: skip


def _place_or_outlet(words: list[str]) -> bool:
    """Latin title-case ``words`` that name a place, an outlet or another body
    (``_PLACE_FIRST``…, ``_BODY_LAST``), not a person; a double word counts by its last
    part ("France-Presse")."""
    first = words[0].casefold()
    last = re.split(r"[-'’]", words[-1])[-1].casefold()
    return (
        first in _PLACE_FIRST
        or first in _OUTLET_FIRST
        or last in _PLACE_LAST
        or last in _OUTLET_LAST
        or last in _BODY_LAST
    )


def _named_in(words: str, text: Iterable[str]) -> bool:
    """Whether the article's ``text`` (its headline and lines) names ``words``: a place
    after the signing dash ("— Hong Kong, March 3, 2026") is what the text is about, and
    named in it ("The Hong Kong office…"), where a writer's name is not; told so by the
    page, not by a list of every place's name."""
    named = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
    return any(named.search(line) for line in text)


def dated_signature(line: str, author: str = "", text: Iterable[str] = ()) -> tuple[str, str, str]:
    """Who signs a line that is a signature and a date and nothing else, as a person
    (first) or as an office (second), and the date as printed (third): "Мария Колева,
    12 март 2026 г." → ("Мария Колева", "", "12 март 2026 г."); "Пресцентър на Община
    Русе | 12.03.2026" → ("", "Пресцентър на Община Русе", "12.03.2026"); ("", "", "")
    for any other line (``signer`` says who the part before the date is; ``author``: the
    writer the page names elsewhere; ``text``: the article's other lines, read once)."""
    if len(line) > 120:
        return "", "", ""
    for sep in _SIGNATURE_END.finditer(line):
        who, when = line[: sep.start()].strip(), line[sep.end() :].strip()
        if is_bare_date(when):
            name, office = signer(who, author, text)
            return (name, office, when) if name or office else ("", "", "")
    return "", "", ""


def dated_name(line: str) -> str:
    """The person a line names beside its date and nothing else, in either order: "Мария
    Петрова | 14.03.2026", "14.03.2026 г. · Мария Петрова", "Jane Doe — March 14, 2026"
    after the signing dash or "By" (``dated_signature``; ``signer`` says who is a person:
    a Bulgarian name by its surname, so "Стара Загора | 14.03.2026" is a place's line).
    The byline under a headline printed so, with no label; "" for any other line."""
    if len(line) > 120 or not may_be_dated(line):
        return ""
    if name := dated_signature(line)[0]:
        return name
    for sep in _SIGNATURE_END.finditer(line):
        if is_bare_date(line[: sep.start()].strip()):
            return signer(line[sep.end() :].strip())[0]
    return ""


# The marks a byline line sets between its date and its writer ("17.12.2025 · Jane Doe"),
# not the comma or the dash a dateline or a signature sets before a place.
_BYLINE_MARKS = frozenset("·|•")
# A byline mark with the spaces around it, where a line's date ends.
_BYLINE_MARK = re.compile(rf"\s*[{re.escape(''.join(sorted(_BYLINE_MARKS)))}]\s*")


# What a byline's line prints after its date or name, set apart by a byline mark, that
# says nothing of who wrote it: how often it was read ("1523 прочитания", "Прочетена 1523
# пъти", "Views: 1523"), its comments ("12 коментара", ``COMMENT_COUNT``), how long it
# reads ("3 мин. четене", "5 min read", "Време за четене: 3 мин.").
_LINE_COUNT = re.compile(
    rf"(?:Брой\s+)?(?:{READ_COUNT_WORDS})\s*:?\s*\d[\d\s.,]*"
    rf"|\d[\d\s.,]*\s*(?:{READ_COUNT_WORDS}|прегледа|reads)"
    r"|(?:Видян|Прегледан|Прочетен|Четен)[ао]?\s*:?\s*\d[\d\s.,]*\s*пъти?\.?"
    rf"|{READING_TIME}"
    rf"|{COMMENT_COUNT.pattern}",
    re.IGNORECASE,
)


# Where a byline's line says the post is filed, after a byline mark: "Категория: Новини",
# "Рубрика: Общество", "Етикети: …", "Category: News", "Posted in News": no writer's.
_LINE_FIELD = re.compile(rf"(?:{FILED_LABELS})\s*:?\s+\S.{{0,60}}", re.IGNORECASE)


def without_counts(line: str) -> str:
    """``line`` without the counts and the filing closing it after byline marks
    (``_LINE_COUNT``, ``_LINE_FIELD``): "Мария Петрова | 14.03.2026 | 1523 прочитания"
    is the byline "Мария Петрова | 14.03.2026", which the rules of a name beside its
    date read (``dated_name``, ``name_mark_date``); with the count, the date was no bare
    date, and the name was lost. So "Публикувано на 14 март 2026 от Мария Иванова |
    Категория: Новини" is a posted-by line (``signed_line``)."""
    while marks := list(_BYLINE_MARK.finditer(line)):
        last = marks[-1]
        tail = line[last.end() :].strip()
        if not (_LINE_COUNT.fullmatch(tail) or _LINE_FIELD.fullmatch(tail)):
            break
        line = line[: last.start()].rstrip()
    return line


def date_then_name(line: str) -> str:
    """The writer a headline's byline line names after its date and a byline mark, with no
    label and no signing dash: "2025-12-17 · Jane Doe", "14.03.2026 | Мария Петрова".
    Two or three words shaped as a name (``person_words``), no place's or outlet's; ""
    for any other line. Only for the lines right under a headline: a closing signature's
    Latin name needs its dash (``signer``), since "March 3, 2026 | New Product" can
    close a note; by the headline such a line is the byline (``dated_name`` reads the
    Bulgarian ones already, by their surnames)."""
    if len(line) > 120 or not may_be_dated(line):
        return ""
    for sep in _SIGNATURE_END.finditer(line):
        if sep.group().strip() in _BYLINE_MARKS and is_bare_date(line[: sep.start()].strip()):
            return person_words(line[sep.end() :])
    return ""


def name_mark_date(line: str) -> str:
    """The writer a headline's byline line names before a byline mark and its date, a
    Latin name with no signing dash: "Jane Doe | March 3, 2026". Two or three words
    shaped as a name (``person_words``), no place's or outlet's; "" for any other line.
    Only for the lines right under a headline (as ``date_then_name``): a closing line
    "New Product | March 3, 2026" names no writer, and there ``dated_name`` asks for the
    dash."""
    if len(line) > 120 or not may_be_dated(line):
        return ""
    for sep in _BYLINE_MARK.finditer(line):
        if is_bare_date(line[sep.end() :].strip()):
            return person_words(line[: sep.start()])
    return ""


# A byline line's parts: set apart by a byline mark, or by a slash with spaces around it
# ("Мария Петрова / 14.03.2026 / Общество"), which a date's own slashes never have.
_PART_MARK = re.compile(rf"{_BYLINE_MARK.pattern}|\s+/\s+")
# The most words a part beside the name and the date may have: a section's or a town's
# name ("Общество", "Велико Търново"), not a sentence.
_PART_WORDS = 3


def parted_name(line: str) -> str:
    """The writer a headline's byline line of parts names: one part a bare date, one a
    Bulgarian name (``person_words``, by its surname) and the rest a few words each that
    name no one, the line's section or town ("Мария Петрова | 14.03.2026 | Общество",
    "Общество / 14.03.2026 / Мария Петрова"); a line of a name and a date alone set apart
    by a slash ("Jane Doe / March 3, 2026") too. The rules of a name beside its date read
    the line as two parts, and the section's name made the date no bare date or the name
    none. A Latin name beside more than the date is left: "World News | March 3, 2026 |
    Politics" is shaped as a name and a section too. "" for any other line."""
    if len(line) > 120 or not may_be_dated(line):
        return ""
    parts = [part for part in _PART_MARK.split(line.strip()) if part]
    dated = [is_bare_date(part) for part in parts]
    if len(parts) < 2 or sum(dated) != 1:
        return ""
    rest = [part for part, date in zip(parts, dated, strict=True) if not date]
    names = [name for part in rest if (name := person_words(part))]
    if len(names) != 1 or any(
        len(part.split()) > _PART_WORDS for part in rest if not person_words(part)
    ):
        return ""
    latin = names[0].isascii()
    return names[0] if len(parts) == 2 or not latin else ""


def name_beside_date(lines: list[str]) -> str:
    """A headline box's line that is a writer's name alone, right over or under a line
    that opens with the date ("Jane Doe" / "17.12.2025 · 6 min read", "Мария Петрова" /
    "14.03.2026"): the byline a theme prints as two elements with no label. The name's
    words as ``person_words`` reads them; "" when no line is such."""
    kept = [" ".join(line.split()) for line in lines]
    for number, line in enumerate(kept):
        if not (name := person_words(line)):
            continue
        for other in (*kept[max(0, number - 1) : number], *kept[number + 1 : number + 2]):
            opening = _BYLINE_MARK.split(other, maxsplit=1)[0]
            if may_be_dated(opening) and is_bare_date(opening):
                return name
    return ""


# A word of a person's name as a byline prints it with no label: capitalised, letters
# only with an apostrophe or a hyphen inside ("McCarthy", "Kovács", "O'Neil", "Петров-Колев").
_UNMARKED_NAME_WORD = re.compile(rf"[{_CAPITALS}][^\W\d_]*(?:['’-][^\W\d_]+)*")
_NAME_THEN_DATE_WORDS = (2, 3, 4)
# A date's label opening the rest of a line after a name, capitalised as a new element's
# text is ("Last updated on", "Published"): the date's, not a word of the name.
_DATE_LABEL_OPENING = re.compile(rf"(?:Last\s+|(?=[A-Z]))(?i:{LABEL_WORDS})(?:\s+on)?:?\s+")


def name_then_date(line: str) -> str:
    """The writer a headline's byline line names before its date with no mark between,
    the two elements set side by side: "Luke Kim December 17, 2025", "Bence Kovács
    02-12-2025". Two to four capitalised words (particles inside: "Nick van Mead"), not
    a place's or an outlet's ("New York March 3, 2026" is a dateline), a Cyrillic one's
    last a surname (``_SURNAME``: "Стара Загора 14.03.2026" is a place's) and its first
    no role ("Кметът"), and the rest of the line a bare date (``is_bare_date``), maybe
    after a capitalised date label ("Last updated on", "Published": a new element's
    text), opening with a capital or a digit: after a label in lower case ("… updated
    on …") the line may be a sentence, and a line with a mark between is
    ``name_mark_date``'s; "" for any other line. Only for the
    lines right under a headline, as ``date_then_name``; no class names the parts."""
    if len(line) > 120 or not may_be_dated(line):
        return ""
    words = line.split()
    for count in _NAME_THEN_DATE_WORDS:
        if len(words) <= count:
            break
        rest = " ".join(words[count:])
        if (label := _DATE_LABEL_OPENING.match(rest)) and is_bare_date(rest[label.end() :]):
            rest = rest[label.end() :]  # "Craig McCarthy Last updated on 17 December 2025"
        if not is_bare_date(rest):
            continue
        if not (rest[0].isdigit() or rest[0].isupper()):
            return ""  # "Craig McCarthy updated on …"; "Jane Doe | March 3, 2026"
        name = words[:count]
        inner = name[1:-1]
        if not (
            all(_UNMARKED_NAME_WORD.fullmatch(word) for word in (name[0], name[-1]))
            and all(_UNMARKED_NAME_WORD.fullmatch(word) or word in _PARTICLES for word in inner)
        ):
            return ""
        cyrillic = "\u0400" <= name[-1][0] <= "\u04ff"  # ("Ünal" is Latin: no surname's ending)
        if (not cyrillic and _place_or_outlet(name)) or (
            cyrillic and (not _SURNAME.fullmatch(name[-1]) or _ROLE.fullmatch(name[0]))
        ):
            return ""
        who = " ".join(name)
        if clean_byline(who) != who or not reads_as_name(who) or is_boilerplate_line(who):
            return ""
        return "" if names_a_field(who) else who  # ("Release Date November 17, 2025")
    return ""


# The words a page labels one of the article's fields with, printed in title case beside
# its value ("Release Date", "Last Updated", "Department", "Related Topics"): shaped as a
# name's words are, and no person's. The date's labels (``DATE_LINE_LABEL``), the
# filing's (``FILED_LABELS``: "Category", "Tags", "Filed under"), the credits'
# (``_CREDIT_WORDS``: "Photo", "Source"), and the few English labels of a CMS's fields
# none of those holds (Drupal prints "Release Date" and "Department" over a county's
# news, each in a ``field__label``): one vocabulary, each label a whole word or phrase.
_FIELD_WORDS = r"date|release|department|section|topics?"
_FIELD_LABEL = re.compile(
    rf"(?<!\w)(?:{DATE_LINE_LABEL}|{FILED_LABELS}|{_CREDIT_WORDS}|{_FIELD_WORDS})(?!\w)",
    re.IGNORECASE,
)


def names_a_field(text: str) -> bool:
    """Whether ``text`` holds a field's label (``_FIELD_LABEL``): "Release Date" over the
    day is the date's label, no writer's name."""
    return _FIELD_LABEL.search(text) is not None


def person_words(text: str) -> str:
    """``text`` when it is two or three words of a person's name and nothing else: a
    Bulgarian one's last a surname (``_SURNAME``), a Latin one's words all names'
    (``_LATIN_NAME_WORD``) and not a place's or an outlet's (``_place_or_outlet``) nor a
    field's label (``names_a_field``: "Release Date") nor a team's or a desk's
    (``names_a_team``: "Redaktion Stadtanzeiger"); else "". ``signer``'s test without
    its signing dash."""
    who = " ".join(text.split())
    words = who.split()
    if not 2 <= len(words) <= 3 or names_a_field(who) or names_a_team(who):
        return ""
    latin = all(_LATIN_NAME_WORD.fullmatch(word) for word in words)
    if latin and _place_or_outlet(words):
        return ""
    if not latin and not (_SURNAME.fullmatch(words[-1]) and not _ROLE.fullmatch(words[0])):
        return ""
    if clean_byline(who) != who or not reads_as_name(who):
        return ""
    # (a print and share bar's labels, "Print Email" under the date, are words a name's
    # shape admits: the vocabulary that drops the bar from the text says what they are)
    return "" if is_boilerplate_line(who) else who


def signer(who: str, author: str = "", text: Iterable[str] = ()) -> tuple[str, str]:
    """The person (first) or the office (second) a signature over or beside the text's
    date names, and nothing else: a labelled byline ("Автор: Мария Колева"), an office
    (``office_signature``), or a name of two or three words, perhaps after the signing
    dash or "By": a Bulgarian one's last a surname (``_SURNAME``), which a place dating
    a letter is not; a Latin one's words names' (``_LATIN_NAME_WORD``), after the dash or
    "By" and not a place's or an outlet's (``_place_or_outlet``, or words the article's
    ``text`` names: ``_named_in``), or the ``author`` the page names elsewhere; in
    capitals as written
    (``as_written``). ("", "") for any other words."""
    if name := labelled_line(who):
        return name, ""
    if office := office_signature(who):
        return "", office
    marked = _SIGNING_MARK.match(who)
    who = as_written(" ".join(who[marked.end() if marked else 0 :].split()))
    words = who.split()
    if 2 <= len(words) <= 3 and (
        (_SURNAME.fullmatch(words[-1]) and not _ROLE.fullmatch(words[0]))
        or (
            all(_LATIN_NAME_WORD.fullmatch(word) for word in words)
            # (the page naming the same writer elsewhere settles it: "Michael Bay",
            # "Emily Post" end as a place's or an outlet's name may)
            and (
                who.casefold() == author.casefold()
                or (marked is not None and not _place_or_outlet(words) and not _named_in(who, text))
            )
        )
    ):
        name = clean_byline(who)
        if name == who and reads_as_name(name):
            return name, ""
    return "", ""


# A person's name of two or three Cyrillic words in capitals and nothing else: "МАРИЯ
# ПЕТРОВА", "ИВАН ПЕТРОВ-КОЛЕВ" (``capitals_signature`` asks ``signer`` about it).
_CAPITALS_NAME = re.compile(r"[А-ЯЁЪ-]+(?: [А-ЯЁЪ-]+){1,2}")


def capitals_signature(line: str) -> str:
    """The writer a closing line names when it is only their name typed in capitals,
    "МАРИЯ ПЕТРОВА" alone on the text's last line: a regional outlet's signature under
    the text, undated. In sentence case a name alone may be the text's (the last of a
    list of winners); set in capitals under prose it is a signature, as the signing
    dash or a date under it would make it. The name must read as a person's (``signer``:
    the last word a surname, the first no role), so a place in capitals ("ВЕЛИКО
    ТЪРНОВО") or a shout ("ОЧАКВАМЕ ВИ!") stays text; written as in a sentence."""
    if len(line) <= 60 and _CAPITALS_NAME.fullmatch(line):
        return signer(line)[0]
    return _paired(line, _capitals_person)  # "ИВАН ПЕТРОВ И МАРИЯ ИЛИЕВА": two writers


def _capitals_person(text: str) -> str:
    """``capitals_signature`` of one name: a person's name in capitals, as written."""
    return signer(text)[0] if _CAPITALS_NAME.fullmatch(text) else ""


# "24.11.2026 г. в 10:30 ч.", and the time said first, "в 14:23 ч. на 09.11.2026"
_DATE_WORDS = frozenset({"г", "ч", "в", "на", "at"})
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_BARE_DATE_CHARS = 40  # a date and its time: "24.11.2026 г. в 10:30 ч."


def may_be_dated(text: str) -> bool:
    """Whether some part of ``text`` can be a bare date (``is_bare_date``): one needs a
    year in four digits, so a headline without one is not cut into parts to try."""
    return _YEARS.search(text) is not None


def is_bare_date(line: str) -> bool:
    """A date and its time, perhaps after a label ("Публикувана на 24.11.2026 г. в 10:30
    ч.", "Posted on March 3, 2026", "Објављено: 12. маја 2025."), and no other word: a
    month's name in any of the languages ``dates`` reads (``month_number``), those read
    after a day too, as the date line holds its day."""
    rest = _DATE_LABEL.sub("", line, count=1)
    if rest[:1] == "(" and rest[-1:] == ")":  # Joomla's "( Петък, 20 Ноември 2026 09:05 )"
        rest = rest[1:-1].strip()
    years = len(_YEARS.findall(rest))
    if years == 2 and len(line) <= 2 * _BARE_DATE_CHARS:  # (unless a label says it)
        return _published_and_changed(line)  # "29 November 2018 | 20 January 2019": an
    if years != 1 or not is_date_line(rest, _BARE_DATE_CHARS):  # event's dates, its text
        return False
    # (a day's ordinal mark is no word: "на 3-ти декември 2026 г.")
    words = re.findall(r"[^\W\d_]+", _ORDINAL_MARK.sub("", rest).casefold())
    return all(
        w in _DATE_WORDS or w in WEEKDAY_NAMES or is_roman_month(w) or month_number(w)
        for w in words
    )


_ORDINAL_MARK = re.compile(r"(?<=\d)" + DAY_ORDINAL)
# Between a page's two days on one line: a bar, a comma, a semicolon, a dot
_PAIR_BETWEEN = re.compile(r"\s*[|,;•·]\s*")


def _published_and_changed(line: str) -> bool:
    """A line of two bare dates, the second labelled as the last change ("Публикувано:
    01.12.2026 | Обновено: 03.12.2026", "…, 10:30, последна промяна: 03.12.2026"): the
    page's fields, as a single date line is, and no text. Split at the separator that
    the change's label follows, whatever separators the first date holds."""
    for between in _PAIR_BETWEEN.finditer(line):
        first, second = line[: between.start()], line[between.end() :]
        if (
            says_modified_word(second)
            and not says_modified_word(first)
            and all(
                len(_YEARS.findall(part)) == 1 and is_bare_date(part) for part in (first, second)
            )
        ):
            return True
    return False


def is_labelled_date(line: str) -> bool:
    """A date's label and the date and nothing else ("Публикувано: 12.03.2025", "Објављено:
    12. марта 2025."): a date line, even where the year's dot closes it as a sentence's
    full stop would (Serbian writes "2025.")."""
    return _DATE_LABEL.match(line) is not None and is_bare_date(line)


# A line that is a writer's label and a name and nothing else ("Автор: Милена Стоянова",
# "Текст и снимки: Иван Колев", "Author: Jane Doe"): the colon required, as in running text,
# or a dash set apart by spaces where a newspaper prints one ("Текст и снимки – Иван
# Колев"): on a line holding the label and a name alone, either says who wrote it.
# (Who took an interview, closing it: ``_INTERVIEWED_BY``.)
_LABELLED = re.compile(
    rf"^\s*(?:(?:{_NAMING_LABEL})(?:\s*:|\s+[–—-](?=\s))|{_INTERVIEWED_BY})\s*", re.IGNORECASE
)


# An office signing in a person's stead: a municipality's or a regional administration's
# press releases name no writer, only the office that issued them ("Автор: Пресцентър на
# Община Русе", "Източник: Министерство на здравеопазването", "Прессъобщение на Община
# Бяла"). The author field holds the office, as printed without its label: it is who
# speaks for the text, what a researcher follows (all of one municipality's releases)
# when no person is named; a person named anywhere on the page still wins (``pipeline``).
# Not a news agency: "Източник: БТА" is another outlet's story, a credit and not an issuer.
#
# The offices' words, one vocabulary: the nouns that head an office's name, in their
# dictionary form (a press centre or service, a department, the public bodies that issue
# releases in their own name; "Прес център" is "център" after its first word), and the
# joins that open the lower-case words of a body's name ("Агенция за социално
# подпомагане", "Министерство на труда и социалната политика").
_PRESS_NOUNS = ("пресцентър", "прес-център", "пресслужба", "прес-служба", "пресофис")
_OFFICE_NOUNS = frozenset(
    (*_PRESS_NOUNS, "отдел", "дирекция", "звено", "община", "област", "администрация",
     "съвет", "кметство", "управа", "министерство", "агенция", "инспекция", "служба",
     "комисия", "център")
)  # fmt: skip
_OFFICE_JOINS = frozenset("на за и по с със към".split())
# A public agency's name says its remit ("Агенция за социално подпомагане", "Агенция по
# заетостта"); an agency named by a proper name, or by adjectives alone, is a news
# agency's ("Агенция Фокус", "Българска телеграфна агенция"): a credit, not an issuer.
_AGENCY = "агенция"
_AGENCY_REMITS = frozenset(("за", "по"))
_OFFICE_LINE = re.compile(
    rf"^(?:(?:(?:{_NAMING_LABEL}|източник)\s*:|(?:{_POSTED_BY})\s*:?)\s*(?P<office>\S.*)"
    r"|прессъобщение\s+(?:на|от)\s+(?P<issuer>\S.*)"
    # unlabelled, as a release is signed: a press centre's name, never its subject's form
    # ("Пресцентърът на общината съобщи …" opens a sentence)
    rf"|(?P<press>(?-i:П)(?:{'|'.join(n[1:] for n in _PRESS_NOUNS)}|рес център)"
    r"\s+на\s+(?-i:[А-Я]).*))$",
    re.IGNORECASE,
)
_OFFICE_WORDS = 8  # "Пресцентър на Областна администрация на област Русе": a name, no sentence


def office_line(line: str) -> str:
    """The office a line that only names it says issued the text ("Автор: Пресцентър на
    Община Русе" → "Пресцентър на Община Русе"; "Прессъобщение на Община Бяла" →
    "Община Бяла"; a press centre's name alone, as a release is signed), "" for any
    other line: one that goes on as a sentence ("Пресцентърът на общината съобщи, че …")
    is the text's."""
    if len(line) > 120:
        return ""
    found = _OFFICE_LINE.match(" ".join(line.split()).rstrip(". "))
    if found is None:
        return ""
    office = as_written(_strip_ends(found["office"] or found["issuer"] or found["press"]))
    return office if _reads_as_office(office) else ""


# The endings the office nouns take further into a name: the article ("на общината",
# "на съвета", "на областта"), the plural ("на общините"). Not any few letters more: a
# verb or an adverb can open with the noun ("съветва", "отделно") and end a sentence.
_OFFICE_NOUN_ENDINGS = frozenset(("", "а", "ът", "та", "то", "и", "ите", "ата"))


def _office_noun(word: str, *, head: bool = False) -> bool:
    """``word`` is one of ``_OFFICE_NOUNS``: as a name's head in its dictionary form
    ("Министерство", never "Министерството", a sentence's subject), further in one of
    its endings ("на Областна администрация" beside "на администрацията")."""
    folded = word.casefold()
    if head:
        return folded in _OFFICE_NOUNS
    return any(
        folded.startswith(noun) and folded[len(noun) :] in _OFFICE_NOUN_ENDINGS
        for noun in _OFFICE_NOUNS
    )


def _office_head(words: list[str], *, issuer: bool) -> int:
    """Where the noun heading an office's name stands in ``words``: first ("Министерство
    на …"), or after the adjectives naming it, lower-case after the first ("Регионална
    здравна инспекция", "Общински съвет"); -1 when no such noun opens the words, or,
    for the ``issuer`` of a text, when they name a news agency."""
    if not words[0][:1].isupper():
        return -1
    for at, word in enumerate(words[:3]):
        if _office_noun(word, head=True):
            after = words[at + 1] if at + 1 < len(words) else ""
            if issuer and word.casefold() == _AGENCY and after not in _AGENCY_REMITS:
                return -1  # "Агенция Фокус", "Българска телеграфна агенция": a news agency
            return at
        if at + 1 < len(words) and (
            not words[at + 1][:1].islower() or words[at + 1] in _OFFICE_JOINS
        ):
            break  # "Мария Колева", "Снимка на Община Русе": no adjective before a noun
    return -1


def _reads_as_office(office: str, *, issuer: bool = True) -> bool:
    """Two to ``_OFFICE_WORDS`` words, a name an office noun heads, each word after it
    capitalised (a place: "Община Русе"), quoted (Отдел „Връзки с обществеността“), an
    office's word ("на област Русе") or in the lower-case run a join opens ("за социално
    подпомагане"): a name, never a sentence ("Общината съобщи днес", "Пресцентър на
    Община Русе съобщи днес": a lower-case word after a name)."""
    words = office.split()
    if not 2 <= len(words) <= _OFFICE_WORDS or any(mark in office for mark in ".,!?;:"):
        return False
    head = _office_head(words, issuer=issuer)
    if head < 0 or words[-1] in _OFFICE_JOINS:
        return False
    quoted = joined = False
    for word in words[head + 1 :]:
        quoted = quoted or word[:1] in '„“"«'
        if word in _OFFICE_JOINS:
            joined = True
        elif word in ("-", "–", "—") or word[:1].isupper():
            joined = False  # "Регионална здравна инспекция – Русе": a place after a dash
        elif not (quoted or joined or _office_noun(word)):
            return False
        quoted = quoted and word[-1:] not in '“”"»'
    return True


_SIGNATURE_CHARS = 60  # "Регионална здравна инспекция – Русе", "Дирекция „Култура“"


def office_signature(line: str, before: str = "") -> str:
    """The office a line closing the text names and nothing else, unlabelled, as a
    release is signed ("Дирекция „Култура“", "Общинска администрация – Русе"), "" for any
    other line: short, an office noun heading it, no sentence's mark (``_reads_as_office``;
    a closing "Общината ще информира гражданите." is the text's). Only for the last line:
    an office's name opening a line further up may be a heading or a list's item; and
    not when the line ``before`` it calls for it ("Организатори:", "За информация:") or
    names an office too: a list of them ends the text, each item one ("Община Русе",
    "Община Бяла"), and taking the last for a signature would eat the list up."""
    line = " ".join(line.split())
    if len(line) > _SIGNATURE_CHARS:
        return ""
    line = as_written(line)
    office = office_line(line) or (line if _reads_as_office(line) else "")
    if office and before and (_calls_for(before) or office_signature(before)):
        return ""
    return office


# A label alone on the line over a name, naming who speaks ("Източник:", "Автор:"): the
# one line ending with a colon that does not make the name under it the text's.
_LABEL_ALONE = re.compile(rf"(?:{_NAMING_LABEL}|източник)\s*:", re.IGNORECASE)


def _calls_for(line: str) -> bool:
    """``line`` ends calling for what follows ("Организатори:", "За информация:"), not
    as a byline's label does."""
    line = line.strip()
    return line.endswith(":") and not _LABEL_ALONE.fullmatch(line)


# Between the parts of a byline box's line: "Автор: Пресцентър на Община Русе | 12.03.2026".
_BOX_PARTS = re.compile(r"\s+[|/•·]\s+")


def office_in_box(lines: list[str]) -> str:
    """The office the first of ``lines`` naming one says issued the text, a part of a
    line set off by a separator counting as a line ("Пресцентър на Община Русе |
    12.03.2026", the byline box under a headline), "" when none does."""
    for line in lines:
        for part in _BOX_PARTS.split(line.strip()):
            if office := office_line(part):
                return office
    return ""


def without_office(line: str) -> str:
    """``line`` without the office its byline names after the person ("Автор: Мария
    Колева, Пресцентър на Община Русе" → "Автор: Мария Колева"): the person wrote the
    text, and the office or the agency they write for ("Мария Колева, Агенция Фокус")
    is not part of their name."""
    before, comma, office = line.rstrip(". ").rpartition(",")
    if comma and _reads_as_office(office.strip(), issuer=False):  # a news agency's too
        return before.rstrip()
    return line


# Verse: this many short lines in a row (a stanza), each at most this long.
VERSE_LINES = 3
_VERSE_CHARS = 60


# A line of a list, not of verse: "Място: читалище", "Начало: 18 ч." (a label first).
_LIST_LINE = re.compile(r"^[^\W\d]+(?:\s+[^\W\d]+)?\s*:\s")


def after_verse(before: list[str]) -> bool:
    """The lines ``before`` a labelled name end in verse, a stanza of short lines:
    "Автор: Христо Ботев" under a poem an article quotes names the poet, not the
    article's writer, and is the text's own line. A template's byline follows the
    text's last paragraph of prose, or an announcement's short closing lines, which
    verse is told from as it runs on from line to line: no line of it is a label's
    ("Начало: 18 ч."), and a full stop ends none but the stanza's last."""
    last = before[-VERSE_LINES:]
    return (
        len(last) == VERSE_LINES
        and all(len(line) <= _VERSE_CHARS and not _LIST_LINE.match(line) for line in last)
        and not any(line.endswith(".") for line in last[:-1])
    )


# Where the writer writes from, or for whom, in brackets after the name: "(Русе)", "(БТА)";
# or the agency they write for, in capitals after a dash: "Мария Колева – БТА", or after a
# comma in Cyrillic capitals, which no degree is written in ("Мария Колева, БТА": ``_TAIL``);
# or the site they write for, by its address ("Мария Колева, plevennews.bg").
_PLACE_AFTER = re.compile(
    r"(?:\s*\((?-i:[А-ЯA-Z])[^()]{0,30}\)|\s+[–—-]\s+(?-i:[А-ЯA-Z]{2,6})"
    r"|\s*,\s*(?-i:[А-ЯЁ]{2,6})|\s*(?:,|\s[–—-])\s*(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*"
    r"\.(?:bg|com|net|org|eu|info|news))\s*\.?$",
    re.IGNORECASE,
)


# The parties and groups Bulgarian councils and parliament seat, as a name is followed
# by them in brackets or after a comma or a dash ("Иван Петров (ГЕРБ)", "Мария Колева,
# БСП"): a politician the text quotes or lists, never an agency or a place a writer files
# from. Folded as ``_party`` folds them (lower case, a dash without spaces around it).
_PARTIES = frozenset(
    (
        "герб", "герб-сдс", "сдс", "дсб", "бсп", "бсп за българия", "бсп-обединена левица",
        "бсп-ол", "дпс", "дпс-ново начало", "дпс-нн", "апс", "дб",
        "продължаваме промяната", "демократична българия", "да, българия", "възраждане",
        "итн", "има такъв народ", "величие", "меч", "вмро", "вмро-бнд", "нфсб", "атака",
        "воля", "обединени патриоти", "бзнс", "ндсв", "левицата", "солидарна българия",
        "зелено движение", "изправи се", "реформаторски блок", "синя коалиция",
    )
)  # fmt: skip
# The words a group named as such opens with: a local coalition, an initiative committee,
# a party or a coalition by its kind ("МК „Заедно за Русе“", "ИК", "ПП „Нова сила“"), and a
# councillor elected by none ("независим", "независим общински съветник"). "ПП" opens
# "ПП-ДБ" as a party's kind opens its name, so the coalition is read here, not listed.
_GROUP_WORDS = re.compile(
    r"(?:мк|ик|пп|кп|пк|местна коалиция|инициативен комитет|коалиция|партия|независим[аи]?)"
    r"(?!\w)"
)
_PARTY_SPACED_DASH = re.compile(r"\s*[–—-]\s*")


def _party(words: str) -> bool:
    """``words`` (what follows a name in brackets, after a comma or a dash) name a party
    or a group a politician sits for (``_PARTIES``, ``_GROUP_WORDS``)."""
    folded = _PARTY_SPACED_DASH.sub("-", " ".join(words.strip(" ()[].,").split()).casefold())
    return folded in _PARTIES or _GROUP_WORDS.match(folded) is not None


def agency_signature(line: str, author: str = "", text: Iterable[str] = ()) -> str:
    """The person a line signs with the agency or place they file for and nothing else
    ("Мария Петрова, БТА", "Иван Колев – БНР", "Мария Петрова (Русе)"): an agency's
    closing byline, unlabelled, "" for any other line. The name must read as a person's
    (``signer``: a Bulgarian surname's ending, no role before it), so a sentence that
    ends in ", БТА" stays text, and so does a source the text quotes ("Кметът Иван Колев,
    БТА"). Nor is a party after the name an agency (``_party``: "Иван Петров (ГЕРБ)"): a
    politician quoted or listed is no writer."""
    if len(line) > _SIGNATURE_CHARS:
        return ""
    place = _PLACE_AFTER.search(line)
    if place is None or place.start() == 0 or _party(place.group().lstrip(" ,–—-")):
        return ""
    return signer(line[: place.start()], author, text)[0]


# An agency's dateline naming its correspondent between slashes, before the dash that
# opens the story: "Русе, 12 март /Кореспондент на БТА Мария Петрова/ - …", "Русе, 12
# март /Мария Петрова, БТА/ - …" (BTA's regional items), or as a paragraph of its own
# over the story; or the story's first sentence right after it, no dash between ("Русе,
# 3 декември /Кореспондент на БТА Иван Петров/ Ремонтът на…"). Near the paragraph's
# start only.
_DATELINE_BYLINE = re.compile(
    r"^[^/\n]{1,60}/(?:(?:Кореспондент(?:ка)?|Репортер|Специален пратеник)(?: на \w{2,8})?"
    r"\s+(?P<name>[^/,\n]{4,60})|(?P<signed>[^/,\n]{4,60}),\s*\w{2,8})/\s*"
    r"(?:[-–—.]|$|(?=[„\"«(]?[A-ZА-Я0-9]))"
)


def dateline_byline(line: str) -> str:
    """The correspondent an agency's dateline names at the text's start ("Русе, 12 март
    /Кореспондент на БТА Мария Петрова/ - Над 100 доброволци…"): a person's name as a
    signature reads it (``signer``: a Bulgarian one by its surname), "" for any other
    line. The name in the dateline is the item's writer, where no byline names one."""
    found = _DATELINE_BYLINE.match(line)
    if found is None:
        return ""
    return signer(found["name"] or found["signed"] or "")[0]


def labelled_line(line: str) -> str:
    """The name a line holding only a labelled byline gives ("Автор: Милена Стоянова",
    where a template prints it as the text's last paragraph), "" for any other line: one
    that goes on past the name ("Автор: Иван Петров, кмет на общината") or names no one
    ("Текст: виж по-долу") may say more than who wrote it, and stays text."""
    if len(line) > 120 or not _LABELLED.match(line):
        return ""
    line = without_office(line)  # "Автор: Мария Колева, Пресцентър на Община Русе"
    line = _PLACE_AFTER.sub("", line)  # "Автор: Мария Колева (Русе)"
    name = clean_byline(_LABELLED.sub("", line, count=1).strip().rstrip("."))
    # (as cased by ``clean_byline``: "АВТОР: МАРИЯ ИВАНОВА" names "Мария Иванова")
    ends = line.rstrip(". ").casefold().endswith(name.casefold())
    return name if name and reads_as_name(name) and ends else ""


# A writer's label alone on its line ("Автор:", "Author:", "By", "Written by"): a theme
# that prints the label and the name in elements of their own, the name on the next line.
_LABEL_ONLY = re.compile(
    rf"(?:{_NAMING_LABEL})\s*:|(?:{_POSTED_BY}|{_POSTED_AGENT})\s*:?", re.IGNORECASE
)


def label_alone(line: str) -> bool:
    """``line`` is a byline's label and nothing else, a writer's ("Автор:", "By") or the
    source's ("Източник:"): the name or the office on the next line is who speaks."""
    line = line.strip()
    return len(line) <= 20 and (
        _LABEL_ONLY.fullmatch(line) is not None or _LABEL_ALONE.fullmatch(line) is not None
    )


# The same label without its colon ("Автор" in bold over "Мария Колева"): alone it may be
# a word of the text ("Текст" heading a quoted document), so it labels the line under it
# only where that line is the writer the page names elsewhere.
_BARE_LABEL = re.compile(_NAMING_LABEL, re.IGNORECASE)


def two_line_byline(label: str, line: str, author: str = "") -> str:
    """The name ``line`` gives under ``label``, a writer's label alone on its line
    ("Автор:" over "Мария Колева", "By" over "Jane Doe"; without its colon, "Автор" over
    the ``author`` the page names elsewhere), "" when ``label`` is another line or
    ``line`` says more than a name: the two lines are one byline, who wrote the text and
    none of it."""
    label = label.strip()
    if len(line) > 80 or len(label) > 20:
        return ""
    labelled = _LABEL_ONLY.fullmatch(label) is not None
    if not labelled and not (author and _BARE_LABEL.fullmatch(label)):
        return ""
    line = line.strip().rstrip(".")
    name = clean_byline(line)
    if name.casefold() != line.casefold() or not reads_as_name(name):
        return ""
    return name if labelled or name.casefold() == author.casefold() else ""


_JOINS = frozenset(_NAME_JOINS)


def _names_at(words: list[str]) -> tuple[list[list[str]], int]:
    """The names at the start of ``words`` and how many words they take, joins included.

    A co-author follows a join (``_NAME_JOINS``: "и", "and", "und", "e"), or a comma when
    such a join comes later ("A, B and C"); a comma alone is more often a role or a place
    ("Jane Doe, Senior Editor"), and a co-author needs two words ("and Friday" is no one).
    Unless every name is a Bulgarian one by its surname ("Мария Петрова, Иван Колев",
    ``_bulgarian_name``), as no role or place is ("Мария Петрова, Стара Загора")."""
    names: list[list[str]] = []
    end = start = 0
    joined_at = 0  # how many names stand before the last "и"/"and" seen
    while start < len(words) and len(names) < 6:
        name = _name_at(words, start)
        if not name or (names and len(name) < 2):
            break
        names.append(name)
        end = start + len(name)
        if end < len(words) and words[end] in _JOINS:
            joined_at = len(names)
            start = end + 1
        elif words[end - 1].endswith(","):
            start = end
        else:
            break
    if len(names) > joined_at + 1 and not all(map(_bulgarian_name, names)):
        # (commas after the last join: a role or a place, not co-authors)
        names = names[: joined_at + 1] if joined_at else names[:1]
        end = _end_of(words, names)
    return names, end


def _bulgarian_name(name: list[str]) -> bool:
    """A Bulgarian person's name of two or three words: the last a surname, the first no
    role's (``_SURNAME``, ``_ROLE``), as ``signer`` reads one."""
    return (
        2 <= len(name) <= 3 and bool(_SURNAME.fullmatch(name[-1])) and not _ROLE.fullmatch(name[0])
    )


def _name_at(words: list[str], start: int) -> list[str]:
    name: list[str] = []
    for word in words[start : start + 3]:
        bare = word.rstrip(",;")
        if not _NAME_WORD.fullmatch(bare) and not (name and bare in ("de", "van", "von")):
            break
        name.append(bare)
        if bare != word:
            break  # "От Анна Стоянова, 14 март": the comma ends the name
    after = start + len(name)
    following = words[after] if after < len(words) else ""
    if len(name) == 3 and name[2] == words[start + 2] and following[:1].islower():
        name = name[:2]  # the third word opens the next sentence, or a role and another
    return name


def _end_of(words: list[str], names: list[list[str]]) -> int:
    """Where the last of ``names`` ends in ``words``, joins counted."""
    end = 0
    for index, name in enumerate(names):
        end += len(name)
        if index + 1 < len(names) and end < len(words) and words[end] in _JOINS:
            end += 1
    return end


# Words that may stand lower-case inside a name: particles and the joins between names.
_PARTICLES = frozenset(
    (*"de da di del della der den van von la le du bin al ibn".split(), *_NAME_JOINS)
)


# The academic and professional titles Bulgarian prints before a name, in lower case as it
# writes them ("доц. Милена Тодорова", "проф. д-р Иван Колев", "гл. ас. Петя Илиева"): a
# university's news signs so, and "от доц. Милена Тодорова" read as no name at all.
# A clergyman's too, a diocese's or a parish's news signing so ("свещ. Георги Иванов",
# "о. Павел", "протойерей Иван Петров", "йеромонах Серафим"); "о" (отец) with its dot only.
_TITLE_BEFORE_NAME = re.compile(
    rf"(?:{_BG_TITLES}|гл|ас|свещ|прот|архим|йером|иером)\.?|о\."
    r"|свещеник|протойерей|(?:и|й)ерей|(?:и|й)еромонах|архимандрит|епископ|митрополит"
)


def reads_as_name(text: str) -> bool:
    """One to six words, each capitalised unless a particle or a join ("van", "и", "and"):
    "Ivan Petrov", "Ludwig van Beethoven", "Мария и Петър". Not "Articles by Jane", not
    "read more", not a number. Lower-case titles before the name ("доц.", "д-р") are the
    name's, as after it; at least one capitalised word must follow them."""
    words = text.split()
    while len(words) > 1 and _TITLE_BEFORE_NAME.fullmatch(words[0]):
        words = words[1:]
    if not 1 <= len(words) <= 6:
        return False
    if words[0].lower() in _PARTICLES or words[-1].lower() in _PARTICLES:
        return False
    if any(len(_GLUED.findall(w)) > 1 for w in words):
        return False  # words run together ("OrganizationOfficeOrganizing"): no one's name
    return all(w[:1].isupper() or w.lower() in _PARTICLES for w in words)


# A small letter, then a capital, inside a word: once in a name ("McDonald", "DeShawn"),
# more often where a box's labels were printed with no space between them (a post's
# categories, "Digital OrganizationOfficeOrganizingPapers", over its date).
_GLUED = re.compile(r"[a-zа-яё][A-ZА-ЯЁ]")


# What a line of prose ends on: a signature set apart is read under prose only, so a
# list's last item (names or villages in bold, one a paragraph) stays the list's.
_PROSE_END = '.!?…»“"'


# Two writers' names on one line: "Иван Петров и Мария Илиева", "Иван Петров, Мария Илиева".
_TWO_NAMES = re.compile(rf"\s*(,|\s(?:{_JOIN_WORDS})\s)\s*", re.IGNORECASE)


def _two_persons(text: str) -> str:
    """``text`` when it is two persons' names (``person_words`` each) joined by "и", "and",
    "&" or a comma, as two writers sign a text together; else "". Written as printed, as
    "Автори: Иван Петров и Мария Илиева" is."""
    return _paired(text, person_words)


def _paired(text: str, person: Callable[[str], str]) -> str:
    """Two persons' names (``person`` of each part: its name, or "") joined by "и", "and",
    "&" or a comma, as two writers sign a text together, each as ``person`` writes it and
    the joining word in lower case ("ИВАН ПЕТРОВ И МАРИЯ ИЛИЕВА" is "Иван Петров и Мария
    Илиева", as ``capitals_signature`` writes one name); else "". The one rule for a pair
    in sentence case (``set_apart_signature``) and in capitals. Cheap to refuse: a line
    with no "и", "and", "&" or comma is not split, and each part must read as a name on
    its own."""
    if len(text) > 80:
        return ""
    parts = _TWO_NAMES.split(text.strip())  # (the joiner kept: its group)
    if len(parts) != 3:
        return ""
    first, joiner, second = parts
    names = (person(first), person(second))
    if not all(names):
        return ""
    joiner = joiner.strip().lower()
    return f"{names[0]}, {names[1]}" if joiner == "," else f"{names[0]} {joiner} {names[1]}"


def set_apart_signature(line: str, above: str, author: str = "") -> str:
    """The writer a closing line names when it is only a person's name (``person_words``:
    two or three words, a Bulgarian one's last a surname, the first no role; a Latin
    one's not a place's or an outlet's), or two such joined by "и" or a comma
    (``_two_persons``: two writers), under a line of prose, to be asked of the page
    only then: whether the line is set apart, a whole paragraph in bold or aligned right
    (``set_apart.whole_block``), which a name typed in sentence case is not enough to
    tell. "Димитрина Начева" in ``<p><strong>`` under the text is how a regional outlet
    signs it; the same name plain may be a list's last. Not under a list's line (``above``
    ends on no sentence's mark: "Наградени са:", another name), and not a name other than
    the ``author`` the page names elsewhere: the byline wins, and a different name under
    the text is someone the text concerns. "" for any other line."""
    name = person_words(line) or _two_persons(line)
    if not name or not above or above[-1] not in _PROSE_END:
        return ""
    if author and author.casefold() != name.casefold():
        return ""
    return name
