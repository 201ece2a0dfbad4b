"""Which language a text is written in, told by its letters and its commonest words.

A template may lie about its language: a municipal CMS writes ``<html lang="bg">`` on
its Russian, English and Turkish copies alike and names no ``hreflang`` alternate, so
the only sure sign left is the text itself. Script alone cannot tell Bulgarian from
Russian (both Cyrillic), so the letters Bulgarian lacks (ы, э, ё; Ukrainian's і, ї, є,
ґ; Serbian's and Macedonian's ј, љ, њ, ћ, ђ, ќ, ѓ, ѕ) are weighed with the short words
each language uses on every line and the other does not ("что", "это", "для" against
"че", "ще", "със"). The verdict is for an article's text, read in its opening
paragraphs (``_SAMPLE``): a Bulgarian text quoting a Russian name or a line of English
stays Bulgarian, and a text too short to tell is "" (no verdict), never another
language.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from newsarchive.language_tags import ARCHIVE_LANGUAGE, CYRILLIC_LANGUAGES, primary_language

_WORD = re.compile(r"[^\W\d_]+")
_ENOUGH = 60  # letters: fewer is a caption or a headline, not a text to tell by
_CYRILLIC_TEXT = 0.5  # of the letters: a text in Cyrillic
_LATIN_SHARE = 0.03  # of a Latin text's words: its language's listed common words
_OWN_LETTERS = 0.008  # of the Cyrillic letters: a language's own letters, not a quoted name
# Characters of a text read for its verdict: its opening, some 700 words, tells as surely
# as the whole does, and every archived article is told (``article_language``): reading
# the whole of WCXB's and AEB's long English texts word by word cost a fifth of
# extracting them (1.27 ms a text, AEB 4,752M → 5,864M instructions).
_SAMPLE = 5000
_LATIN_FIRST = 1000  # characters: a Latin text's opening, read first (``_latin_language``)

# Letters another Cyrillic language writes and Bulgarian never does.
_RUSSIAN_LETTERS = set("ыэё")
_UKRAINIAN_LETTERS = set("іїєґ")
_MACEDONIAN_LETTERS = set("ќѓѕ")
_SERBIAN_LETTERS = set("јљњћђ")  # (ј, љ, њ Macedonian too: told by ќ, ѓ, ѕ)
# Never Bulgarian either, but no sign of one language here: Belarusian's ў (a Belarusian
# text is told by its і), and the џ Serbian and Macedonian share.
_OTHER_LETTERS = set("ўџ")
_NOT_BULGARIAN_LETTERS = "".join(
    sorted(
        _RUSSIAN_LETTERS
        | _UKRAINIAN_LETTERS
        | _MACEDONIAN_LETTERS
        | _SERBIAN_LETTERS
        | _OTHER_LETTERS
    )
)
_NOT_BULGARIAN = re.compile(f"[{_NOT_BULGARIAN_LETTERS}{_NOT_BULGARIAN_LETTERS.upper()}]")

# Short words each language writes on nearly every line and the other does not ("при",
# "или", "как" are both languages' and are in neither list).
_BULGARIAN_WORDS = frozenset(
    "че ще със са това тази този които която който като във нея него ги му ѝ ни ви "
    "също така беше бяха има няма бъде може трябва".split()
)
_RUSSIAN_WORDS = frozenset(
    "что это для был была были как его она они также которые который которая будет "
    "году года уже если чтобы этого всех только".split()
)
_LATIN_WORDS = {
    "en": frozenset("the and of to is was for with that this are from will".split()),
    "de": frozenset("der die das und ist mit den von für nicht auf wird".split()),
    "tr": frozenset("ve bir bu için ile olarak olan da de belediye tarafından".split()),
    "ro": frozenset("și si în cu pentru din care este au fost la".split()),
    "fr": frozenset("le les et des est une pour dans avec qui sur".split()),
    # (Portuguese, Spanish and Italian write Turkish's "da", "de" on every line too: without
    # their own words, a Brazilian article was "tr", 6 of AEB's dev pages, an Italian 1)
    "pt": frozenset("o os do da dos das de em no na para com que não uma por é".split()),
    "es": frozenset("el los las del de en por con que una para es se al".split()),
    "it": frozenset("il di che della nel per con una sono non gli le è".split()),
}


# Each listed word with the languages listing it ("de": German, Turkish, Portuguese...).
_LATIN_WORD_LANGUAGES: dict[str, tuple[str, ...]] = {}
for _language, _common in _LATIN_WORDS.items():
    for _word in _common:
        _LATIN_WORD_LANGUAGES[_word] = (*_LATIN_WORD_LANGUAGES.get(_word, ()), _language)


def text_language(text: str) -> str:
    """The language ``text`` is written in: ``bg`` for Bulgarian, a primary tag for
    another (``ru``, ``uk``, ``mk``, ``sr``; ``en``, ``de``, ``tr``, ``ro``, ``fr``, ``pt``,
    ``es``, ``it``),
    ``und`` for Latin letters of no language named here, and "" for a text too short to
    tell. Pure; never raises.

    Every archived article is told (``article_language``), so the telling is counted in
    C, not letter by letter in Python: a regular expression's pass over a long English
    text's letters and words cost 0.5–1.3 ms a page, a fifth of extracting it. Only the
    text's opening (``_SAMPLE``) is read, a verdict of its first paragraphs (the
    article's own language where a translation follows it on the same page); letters
    are counted in its UTF-8 bytes (``_letters``); a text's words are read only where
    its letters leave the verdict open: the Russian and Bulgarian words only where
    Russian's letters are there, the Latin languages' words first in a shorter opening
    (``_latin_language``)."""
    sample = text[:_SAMPLE]
    letters, cyrillic = _letters(sample)
    if letters < _ENOUGH:
        return ""
    if cyrillic < _CYRILLIC_TEXT * letters:
        return _latin_language(sample)
    folded = sample.casefold()

    def share(own: set[str]) -> float:
        return sum(folded.count(c) for c in own) / cyrillic

    if share(_MACEDONIAN_LETTERS) >= _OWN_LETTERS:
        return "mk"
    if share(_SERBIAN_LETTERS) >= _OWN_LETTERS:
        return "sr"
    if share(_UKRAINIAN_LETTERS) >= _OWN_LETTERS:
        return "uk"
    if share(_RUSSIAN_LETTERS) >= _OWN_LETTERS and _count_words(
        folded, _RUSSIAN_WORDS
    ) > _count_words(folded, _BULGARIAN_WORDS):
        return "ru"
    return ARCHIVE_LANGUAGE


# UTF-8's lead bytes of the letters of U+0080–U+FFFF a text may be written in: Latin-1's
# and Latin Extended's (0xC3–0xCB), Greek (0xCD–0xCF), Cyrillic (0xD0–0xD3: counted apart),
# Armenian, Hebrew, Arabic (0xD4–0xDF), the scripts of U+0800–U+1FFF (0xE0, 0xE1) and
# CJK's and Hangul's (0xE3–0xED). Not 0xC2 (U+0080–U+00BF: no-break space, «, », ©, °),
# 0xCC (combining marks), 0xE2 (U+2000–U+2FFF: dashes, quotes, arrows), 0xEE–0xF4
# (private use, emoji). A count of characters by their first byte, not of letters by
# Unicode's categories: off only by the odd symbol among a text's thousands of letters.
_CYRILLIC_LEADS = bytes(range(0xD0, 0xD4))
_OTHER_LETTER_LEADS = bytes([*range(0xC3, 0xCC), *range(0xCD, 0xD0), *range(0xD4, 0xE2)])
_OTHER_LETTER_LEADS += bytes(range(0xE3, 0xEE))
_LETTER_BYTES = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
_NOT_LETTER_BYTES = bytes(b for b in range(256) if b not in _LETTER_BYTES + _OTHER_LETTER_LEADS)
_NOT_CYRILLIC_BYTES = bytes(b for b in range(256) if b not in _CYRILLIC_LEADS)


def _letters(text: str) -> tuple[int, int]:
    """How many letters ``text`` holds, and how many of them are Cyrillic (U+0400–U+04FF),
    counted by ``bytes.translate`` over its UTF-8 (``_OTHER_LETTER_LEADS``)."""
    data = text.encode("utf-8", "replace")
    cyrillic = len(data.translate(None, _NOT_CYRILLIC_BYTES))
    return len(data.translate(None, _NOT_LETTER_BYTES)) + cyrillic, cyrillic


def _count_words(folded: str, common: frozenset[str]) -> int:
    """How many of ``folded``'s words (a case-folded text) are ``common``'s."""
    forms = Counter(_WORD.findall(folded))
    return sum(count for form, count in forms.items() if form in common)


def _latin_language(text: str) -> str:
    """The Latin-letter language whose common words the text uses most, else ``und``: a
    language's listed words are a tenth or more of its running text, and a text where the
    best of them is under ``_LATIN_SHARE`` of the words is another language's (Indonesian's
    "di", "se" are Italian's and Spanish's), said "und", not a wrong name.

    Read first in the text's shorter opening (``_LATIN_FIRST``), which settles nearly
    every text (its language's words at least twice the next one's); the rest of the
    sample is read only where that was close. Each word form is counted once by
    ``Counter`` and looked up once after (eight set lookups a word were 29% of extracting
    WCXB's pages). The words are the pattern's (``_WORD``), not ``str.split``'s, which
    would count "the," apart from "the"; no other spelling of the pattern was faster, and
    looking up only the forms among the listed words saved 0.5 ms of the 8.8 over AEB."""
    if len(text) > _LATIN_FIRST:
        best, hits, second = _latin_hits(text[:_LATIN_FIRST])
        if best != "und" and hits >= 2 * second:
            return best
    return _latin_hits(text)[0]


def _latin_hits(text: str) -> tuple[str, int, int]:
    """``_latin_language``'s verdict on ``text``, with its listed words' count and the
    runner-up's."""
    forms = Counter(_WORD.findall(text.casefold()))
    hits = dict.fromkeys(_LATIN_WORDS, 0)
    for form, count in forms.items():
        for language in _LATIN_WORD_LANGUAGES.get(form, ()):
            hits[language] += count
    first, second = sorted(hits.values(), reverse=True)[:2]
    best = max(hits, key=lambda language: hits[language])
    if first < max(2, _LATIN_SHARE * forms.total()):
        return "und", first, second
    return best, first, second


def has_letter_bulgarian_lacks(text: str) -> bool:
    """Whether ``text`` holds a Cyrillic letter Bulgarian never writes (Russian's ы, э, ё,
    Ukrainian's і, ї, є, ґ, Belarusian's ў, Serbian's and Macedonian's ј, љ, њ, ђ, ћ, џ,
    ѓ, ќ, ѕ; never "ѝ", the Bulgarian "her"): a short line's only sign of its language,
    where ``text_language`` wants a whole text. One list of those letters, here."""
    return _NOT_BULGARIAN.search(text) is not None


def article_language(text: str, declared: Iterable[str | None] = (), title: str = "") -> str:
    """The language an article is archived as (``articles.language``): its text's verdict
    (``text_language``), else the first language the page declares (``declared``: its
    ``<html lang>``, ``og:locale``, ``Content-Language``, as stated; their primary tag),
    else Bulgarian, the archive's language. Pure; one rule for every writer.

    The text speaks first because a template's declaration may be false of it (a lang="bg"
    layout on a site's English copies, a WordPress theme's lang="en-US" on Bulgarian
    news). Where the text is too short to tell, a declaration is believed only if its
    script is the letters': a Cyrillic caption under lang="en-US" is no English article.
    Latin letters of no language named here ("und") take a declared language, else stay
    "und" (undetermined, BCP 47's own word): never Bulgarian."""
    verdict = text_language(text)
    if verdict and verdict != "und":
        return verdict
    letters, cyrillic_letters = _letters(f"{title} {text}")
    cyrillic = cyrillic_letters >= _CYRILLIC_TEXT * letters
    for stated in declared:
        tag = primary_language(stated)
        if (
            _TAG.fullmatch(tag)
            and tag != "und"
            and (not letters or cyrillic == (tag in CYRILLIC_LANGUAGES))
        ):
            return tag
    return verdict or ARCHIVE_LANGUAGE


# A BCP 47 primary language subtag: two or three letters (``x``, ``i`` and the longer
# registered ones aside: no page declares them for its language).
_TAG = re.compile("[a-z]{2,3}")
