"""Bulgarian word forms: the lemma columns written beside the text, and the archive's
form → lemma vocabulary that lets queries find "общината" when asked for "община".

Only the *write* side loads a lemmatizer (simplemma's Bulgarian dictionary, opened from a
trie cached on disk by ``lemma_dictionary``). Every form seen at index time whose lemma
differs from it is stored in the ``lemma_vocab`` table, so the query side lemmatises with
one indexed lookup and never loads the dictionary.

Tokens are split the way SQLite's ``unicode61`` tokenizer splits them (letters and
digits; everything else separates) and lower-cased, so what Python writes and what FTS5
indexes line up.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator

from newsarchive.archive.connection import PARAMETERS_PER_QUERY
from newsarchive.archive.lemma_dictionary import cached_tries

TOKEN = re.compile(r"[^\W_]+")
LANG = "bg"
# simplemma writes reflexive verbs as "обявя-(се)"; the index wants the bare verb
_REFLEXIVE = re.compile(r"-?\((?:се|си)\)$|\s+(?:се|си)$")


# A stress mark (acute or grave) left on a Cyrillic letter once the text is composed: "у́"
# has no one-character form, and ``unicode61`` splits a word at a combining mark.
_STRESS = re.compile("(?<=[\u0400-\u04ff])[\u0300\u0301]+")


# Latin letters that look like Cyrillic ones, typed into a Cyrillic word with the wrong
# keyboard layout ("Mинистерски" with a Latin M, "ИНФРАСТРУКТУРA").
_LOOKALIKES = str.maketrans("ABCEHKMOPTXYaceopxy", "АВСЕНКМОРТХУасеорху")
# (a Latin letter first: ``re`` skips to the next one fast; a text's every character
# tried against both orders was half the time of composing a long Cyrillic text)
_MIXED = re.compile("[A-Za-z](?:(?<=[\u0400-\u04ff][A-Za-z])|(?=[\u0400-\u04ff]))")
_MIXED_WORD = re.compile(r"[^\W\d_]+")


# Invisible characters that sit inside a word as a page or a pasted query writes it: a
# soft hyphen (U+00AD, ``&shy;``: a CMS's or a word processor's hyphenation hint), a
# zero-width space (U+200B), a word joiner (U+2060) and a zero-width no-break space
# (U+FEFF); and the C0 controls that are no whitespace, and DEL (a terminal's or a
# PDF's stray byte pasted into a query, a CMS's into a page), which no terminal shows
# (``safe_text``: ``show`` printed the word whole). They are no letters to
# ``unicode61``, which splits the word at each. (Tab, line breaks and the separators
# U+001C-U+001F are whitespace, between words; C1 controls stay: a cp1252 dash read
# as Latin-1 is U+0096, between two words.)
_INVISIBLE = "\u00ad\u200b\u2060\ufeff"
_CONTROLS = "".join(map(chr, (*range(0x09), *range(0x0E, 0x1C), 0x7F)))
_IN_WORD_INVISIBLE = re.compile(f"(?<=[^\\W_])[{_INVISIBLE}{re.escape(_CONTROLS)}]+(?=[^\\W_])")


def composed(text: str) -> str:
    """``text`` as the index must see it: composed (NFC), stress marks dropped, Latin
    look-alikes inside Cyrillic words made Cyrillic.

    ``unicode61`` ends a word at a combining mark, so "район" typed (or scraped, or
    exported by a Mac) as "и" + U+0306 was indexed as "раи" + "н" and found by no search
    of "район"; "Ру́се" with a stress mark was "ру" + "се". Composing keeps every letter
    (й, ё, ѝ are single characters again); only stress marks, which have no composed form
    and are a reading aid, not spelling, are dropped. A word of Cyrillic letters with a
    Latin "M" or "A" among them (a keyboard left on the other layout) was a word no one
    can type: it is spelled as it reads, unless one of its Latin letters has no Cyrillic
    twin ("SMSи" stays). The writer and the query parser both call this, so what is
    searched and what is indexed agree.

    An invisible character inside a word is dropped: "Об&shy;щи&shy;на&shy;та" reads
    "Общината" but was indexed as four pieces of it, which no search of the word (or of
    any of its forms) found; one between a word and a space or a mark is left alone. So
    is a control character (``_IN_WORD_INVISIBLE``): "общи\\x01ната" pasted into a query
    was searched as the phrase "общи ната" and found nothing, and said nothing.

    Its own output is left as it is (what is stored is composed, and so is a query
    copied from an article, or an export imported again): each step may open the way
    for another (a Latin "c" with a stress mark is a stressed "с" once spelled; a mark
    dropped lets the next one compose, or joins two words), so the steps are repeated
    until nothing changes, which for text that had nothing to change is one pass.
    """
    if text.isascii():
        return text
    while True:
        normal = unicodedata.normalize("NFC", text)
        marked = "\u0300" in normal or "\u0301" in normal  # (found in C: most texts have none)
        spelled = _STRESS.sub("", normal) if marked else normal
        if (  # (each looked for in C, written out: ``any`` over them took twice as long)
            "\u00ad" in spelled or "\u200b" in spelled or "\u2060" in spelled
            or "\ufeff" in spelled or _has_control(spelled)
        ):  # fmt: skip
            spelled = _IN_WORD_INVISIBLE.sub("", spelled)
        if _MIXED.search(spelled) is not None:
            spelled = _MIXED_WORD.sub(_cyrillic_word, spelled)
        if spelled == normal:
            return spelled
        text = spelled  # each pass drops a mark or a Latin letter: it ends


def _has_control(text: str) -> bool:
    """Whether ``text`` holds one of ``_CONTROLS``: each looked for in C (a character
    class searched with ``re`` took four times as long on a long text)."""
    return any(control in text for control in _CONTROLS)


def mixes_scripts(text: str) -> bool:
    """Whether a word of ``text`` has a Latin letter beside a Cyrillic one ("Рuсе": a
    keyboard left on the other layout), by the one rule ``composed`` respells such words by."""
    return _MIXED.search(text) is not None


def cyrillic_twins(latin: str) -> str | None:
    """``latin`` (Latin letters) spelled with the Cyrillic letters they look like ("P" is
    "Р"), as ``composed`` reads them inside a Cyrillic word; None when one has no twin."""
    spelled = latin.translate(_LOOKALIKES)
    return None if re.search("[A-Za-z]", spelled) else spelled


def _cyrillic_word(found: re.Match[str]) -> str:
    word = found.group()
    if _MIXED.search(word) is None:
        return word
    return cyrillic_twins(word) or word


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens, as ``unicode61`` would index them: ``TOKEN``'s matches.

    Split at white space first, which is never part of a token (no white-space
    character is alphanumeric), so ``TOKEN`` is asked only of the pieces that hold
    something else (a word with its comma or full stop): the rest are a token each
    already, and ``str.isalnum`` is exactly ``TOKEN``'s character class (every code
    point agrees; ``tests/test_composed.py`` checks). The same tokens in a sixth less
    time (an import's article: 120 µs instead of 145), where the expression tested its
    class on every letter.

    Full stops and commas, which end most pieces that are no token, are made spaces
    first (``str.replace``, in C): any character no token holds separates two tokens as
    a space does, so the tokens are the same, and most texts' pieces are all tokens
    then (an import's article: 28 µs instead of 38; a dev page's text 20% less).
    """
    words = text.lower().replace(".", " ").replace(",", " ").split()
    if all(map(str.isalnum, words)):
        return words
    found: list[str] = []
    for word in words:
        if word.isalnum():
            found.append(word)
        else:
            found += _find_tokens(word)
    return found


_find_tokens = TOKEN.findall


def _load_simplemma() -> Callable[[str], str]:
    """simplemma's lemmatizer, its dictionary opened from the cached trie
    (``lemma_dictionary``: milliseconds, not the ~230 ms of decoding the shipped one),
    else loaded as simplemma loads it."""
    try:
        import simplemma
    except ImportError:  # pragma: no cover - simplemma is a runtime dependency
        return lambda word: word
    tries = cached_tries(LANG)  # (None: no trie to be had, no folder to write it in)
    if tries is None:
        return lambda word: str(simplemma.lemmatize(word, lang=LANG))
    from simplemma.strategies import DefaultStrategy

    lemmatizer = simplemma.Lemmatizer(
        lemmatization_strategy=DefaultStrategy(dictionary_factory=tries)
    )
    return lambda word: str(lemmatizer.lemmatize(word, lang=LANG))


class Lemmatizer:
    """Form → lemma with a per-process cache; records new pairs for ``lemma_vocab``.

    ``lemma(form)`` returns the lemma only when it differs from the form and is a single
    token itself (so it can be indexed and queried); otherwise ``None``.
    """

    def __init__(self, lemmatize: Callable[[str], str] | None = None) -> None:
        self._lemmatize = lemmatize
        self._cache: dict[str, str | None] = {}
        self.new_pairs: dict[str, str] = {}

    def lemma(self, form: str) -> str | None:
        try:
            return self._cache[form]
        except KeyError:
            pass
        if self._lemmatize is None:
            self._lemmatize = _load_simplemma()
        found: str | None = None
        if not form.isdigit():
            lemma = _REFLEXIVE.sub("", self._lemmatize(form).lower())
            if lemma != form and TOKEN.fullmatch(lemma):
                found = lemma
                self.new_pairs[form] = lemma
        self._cache[form] = found
        return found

    def lemma_text(self, text: str) -> str:
        """The lemmas of the words whose lemma differs from the word, in text order.

        Words that are their own lemma are already indexed in the original column, so
        repeating them here would only double their weight and the index size.
        """
        return self.lemma_tokens(TOKEN.findall(text.lower()))

    def lemma_tokens(self, words: list[str]) -> str:
        """``lemma_text`` of text already split by ``tokens`` (the writer splits it once
        for the lemmas and the story shingles). New forms are looked up once each, then
        the whole list is mapped through the cache in C."""
        cache = self._cache
        try:  # most texts use only forms seen before: one pass in C
            return " ".join(filter(None, map(cache.__getitem__, words)))
        except KeyError:
            for form in set(words).difference(cache):
                self.lemma(form)
            return " ".join(filter(None, map(cache.__getitem__, words)))

    def flush(self, conn: sqlite3.Connection) -> None:
        """Store the form → lemma pairs seen since the last flush."""
        record_forms(conn, self.new_pairs)
        self.new_pairs = {}


# What surely stands before a word inside a sentence, as a character class (the last
# character before it, past ``_OPENING`` marks): a small letter or a comma ("на Бяла",
# "Русе, Бяла", "от „Варна“"). Anything else may open a sentence or a headline: a full
# stop, a colon, a line's start, and also a headline's tag or markup, "(ВИДЕО) Кметът",
# "</script> Кметът", "| Кметът", "• Кметът", "2026 Кметът", a word in capitals
# ("ВИДЕО Кметът"). ``search`` reads the same class in SQL (GLOB), so it is written in
# the syntax both understand.
INSIDE_BEFORE = "a-z,\u0430-\u045f"
# What may stand between that character and the word: spaces, opening quotes and
# brackets, a dash.
_OPENING = "\\s\"'„“«(\\[—–-"
_INSIDE_SENTENCE = re.compile(f"[{INSIDE_BEFORE}][{_OPENING}]*$")


def printed_as_name(word: str, texts: Iterable[str]) -> bool:
    """Whether ``texts`` print ``word`` (lower case) only as a name: capitalised inside a
    sentence at least once, and never in lower case.

    The dictionary reads a name's lower-case spelling as whatever word it resembles
    ("Варна" as a form of варя, to boil; "Плевен" of плевя; "Стоилов" of стоя, to
    stand), so searched as that lemma a city or a surname finds every "стоят" and
    "вари". How the archive prints the word tells a name from a word: a word is written
    in lower case somewhere; a name is capitalised wherever it stands, and a capital
    that opens a sentence, or a word in capitals (a headline in upper case), says
    nothing. Titles are texts of their own: their first word opens a sentence.
    """
    return word in names_among({word}, texts)


def names_among(words: set[str], texts: Iterable[str]) -> set[str]:
    """Those of ``words`` (lower case) that ``texts`` print only as names
    (``printed_as_name`` of each, in one reading of the texts, which stops once each
    has been seen in lower case: then none is)."""
    named: set[str] = set()
    lowered: set[str] = set()
    for printed, capital in _printings(words, texts):
        if capital is None:
            lowered.add(printed)
            if len(lowered) == len(words):
                break
        elif capital:
            named.add(printed)
    return named - lowered


def in_lower_case(words: set[str], texts: Iterable[str]) -> bool:
    """Whether ``texts`` print any of ``words`` in lower case (as a word, not a name)."""
    return any(printed is None for _, printed in _printings(words, texts))


def named_somewhere(words: set[str], texts: Iterable[str]) -> bool:
    """Whether ``texts`` print any of ``words`` capitalised inside a sentence (as a name,
    or part of one: "Общинския съвет")."""
    return any(capital for _, capital in _printings(words, texts))


def named_often(word: str, texts: Iterable[str]) -> bool:
    """Whether ``texts`` print ``word`` (lower case) capitalised inside a sentence in two
    texts or more, or in as many as print it in lower case.

    One stray capital (a typo, "според Кметът"; a headline's tag the rule above cannot
    tell from a word) made a word typed capitalised a name wherever the archive printed
    it so, and only the articles printing it capitalised were hits: a common noun the
    archive prints in lower case again and again is not turned into a name by one
    article. A town printed in one article alone ("в Бяла" beside "бяла пелена") still
    is."""
    named: set[int] = set()
    lowered: set[int] = set()
    for number, text in enumerate(texts):
        for _, match in _occurrences({word}, (text,)):
            printed = match.group()
            if printed.islower():
                lowered.add(number)
            elif printed[0].isupper() and not printed.isupper():
                if _inside_sentence(text, match.start()):
                    named.add(number)
    return len(named) >= 2 or len(named) >= max(len(lowered), 1)


def prints_name(spellings: frozenset[str], kin: Iterable[str], texts: Iterable[str]) -> bool:
    """Whether ``texts`` (one article's) print a name spelled as one of ``spellings``
    (case matters), as a word, inside a sentence, or opening one where they print none of
    ``kin`` (the forms, lower case, of the word the name also is) in lower case.

    A capital opening a sentence says nothing of a name: "Бяла рокля с дантела…" is the
    colour where the same text prints "бялата коприна" too. Where the text never prints
    the word in lower case it is read as the name: a headline "Бяла посреща гости" over
    "в гр. Бяла" (an abbreviation's dot ends no sentence, but reads as if it did) names
    the town."""
    if not spellings:
        return False
    opening = lowered = False
    for text, match in _occurrences({spelling.lower() for spelling in spellings} | set(kin), texts):
        printed = match.group()
        if printed.islower():
            lowered = True
        elif printed in spellings:
            if _inside_sentence(text, match.start()):
                return True
            opening = True
    return opening and not lowered


def _printings(words: set[str], texts: Iterable[str]) -> Iterator[tuple[str, bool | None]]:
    """For each occurrence of one of ``words`` in ``texts``, the word (lower case) and
    how it is printed: None in lower case, True capitalised inside a sentence, False
    otherwise (opening a sentence, in capitals: it says nothing)."""
    for text, match in _occurrences(words, texts):
        printed = match.group()
        if printed.islower():
            yield printed, None
        elif printed[0].isupper() and not printed.isupper():
            yield printed.lower(), _inside_sentence(text, match.start())
        else:
            yield printed.lower(), False


def _occurrences(words: set[str], texts: Iterable[str]) -> Iterator[tuple[str, re.Match[str]]]:
    """Each text and each occurrence in it of one of ``words`` (lower case), as a word,
    in any case."""
    if not words:
        return
    alternatives = "|".join(sorted(map(re.escape, words), key=len, reverse=True))
    found = re.compile(rf"(?<![^\W_])(?:{alternatives})(?![^\W_])", re.IGNORECASE)
    for text in texts:
        for match in found.finditer(text):
            yield text, match


def _inside_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` in ``text`` stands inside a sentence for sure
    (``INSIDE_BEFORE`` before it): only such a capital says "a name".

    The rule was the other way round, a capital was a name's unless a full stop, a
    colon or a line's start came before it, so a headline "(ВИДЕО) Кметът откри…" (or
    "<script>…</script> Кметът") printed кметът as a name inside a sentence, and
    "Кметът" typed found only the articles printing it capitalised: 1 of 7."""
    return _INSIDE_SENTENCE.search(text, max(0, start - 8), start) is not None


def record_forms(conn: sqlite3.Connection, pairs: dict[str, str]) -> None:
    """Add form → lemma pairs to the archive's ``lemma_vocab`` (those it has stay)."""
    if pairs:
        conn.executemany(
            "INSERT OR IGNORE INTO lemma_vocab (form, lemma) VALUES (?, ?)", pairs.items()
        )


def lookup(conn: sqlite3.Connection, forms: Iterable[str]) -> dict[str, str]:
    """The archive's lemma for each form that has one different from itself."""
    return dict(_vocabulary(conn, "form", forms))


# Bulgarian inflection, as few endings as tell a form's siblings: each lemma's ending with
# the endings of its forms (an adjective's gender, number and definite article; a noun's
# definite article and plural). simplemma's dictionary knows some forms of a word and not
# others: "пешеходните" is пешеходен's, "пешеходни" is nobody's, so the index filed the
# one under its lemma and left the other as it is, and "пешеходни" found nothing.
PARADIGMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ен", ("ен", "на", "но", "ни", "ния", "ният", "ната", "ното", "ните")),
    ("", ("", "а", "о", "и", "ия", "ият", "ата", "ото", "ите")),
    ("и", ("и", "а", "о", "ия", "ият", "ата", "ото", "ите")),
    ("а", ("а", "ата", "и", "ите")),
    ("я", ("я", "ята", "и", "ите")),
    ("о", ("о", "ото", "а", "ата")),
    ("е", ("е", "ето", "ета", "етата")),
)
_MIN_STEM = 3  # "ни", "на" alone are no stem: a short word's siblings are other words


def sibling_forms(word: str) -> list[tuple[str, tuple[str, ...]]]:
    """The lemmas ``word`` may be a form of by ``PARADIGMS``, each with the other forms of
    it that would say so (the lemma's form in the archive's vocabulary, or in the
    dictionary, is the evidence: a guess alone is no lemma), most likely first."""
    found: list[tuple[str, tuple[str, ...]]] = []
    for lemma_ending, endings in PARADIGMS:
        for ending in endings:
            if not word.endswith(ending):
                continue
            stem = word[: len(word) - len(ending)]
            lemma = stem + lemma_ending
            if len(stem) < _MIN_STEM or lemma == word or not TOKEN.fullmatch(stem):
                continue
            others = tuple(stem + other for other in endings if other != ending)
            found.append((lemma, others))
    return found


def yo_spellings(word: str) -> set[str]:
    """The spellings of ``word`` a Russian text may print it in, other than ``word``:
    with each ё written е ("ёлка": "елка"), and with one е written ё ("еще": "ещё"; a
    Russian word has one ё at most). Russian writers and readers mostly leave ё out, so
    "елка" typed found none of BTA's Russian service's "ёлка", and "ёлка" typed none of
    its "елка". Bulgarian has no ё: a Bulgarian word's spellings are none the archive
    holds (``search.choose_lemmas`` keeps those it does)."""
    plain = word.replace("ё", "е")
    places = [i for i, char in enumerate(plain) if char == "е"]
    spellings = {plain, *(plain[:i] + "ё" + plain[i + 1 :] for i in places)}
    spellings.discard(word)
    return spellings if places else set()


# The pronoun "ѝ" (her), which sites print "й" as the spelling before 2012 had it, and
# many still do: one word either way. (Inside a word "й" is a letter of its own.)
_OLD_SPELLINGS = {"ѝ": "й", "й": "ѝ"}


def other_spellings(word: str) -> set[str]:
    """The spellings an archive may print ``word`` in, other than ``word``: a Russian
    word's with ё or е (``yo_spellings``), and ``_OLD_SPELLINGS``' "й" for "ѝ" (or
    "ѝ" for "й"): "ѝ" typed found none of the articles printing "й", which "й" typed
    found, and none of those the other way round."""
    old = _OLD_SPELLINGS.get(word)
    return yo_spellings(word) | ({old} if old else set())


def forms_of(conn: sqlite3.Connection, lemmas: Iterable[str]) -> dict[str, str]:
    """Every form in the archive's vocabulary whose lemma is one of ``lemmas`` → its lemma."""
    return dict(_vocabulary(conn, "lemma", lemmas))


def _vocabulary(
    conn: sqlite3.Connection, column: str, values: Iterable[str]
) -> Iterator[tuple[str, str]]:
    """The vocabulary's (form, lemma) rows whose ``column`` is one of ``values``, a query
    per ``PARAMETERS_PER_QUERY`` of them: a query's words with their sibling forms are
    thousands of values."""
    wanted = sorted(set(values))
    for start in range(0, len(wanted), PARAMETERS_PER_QUERY):
        chunk = wanted[start : start + PARAMETERS_PER_QUERY]
        marks = ",".join("?" * len(chunk))
        yield from conn.execute(
            f"SELECT form, lemma FROM lemma_vocab WHERE {column} IN ({marks})", chunk
        )
