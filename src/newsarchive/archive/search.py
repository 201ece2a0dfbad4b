"""Ranked full-text search over the archive: bm25 with the title weighted above the body.

A query runs in two steps: the FTS5 index picks and ranks the page of hits (ids and
scores only), then those few articles are read and their snippets cut from the ORIGINAL
text in Python. FTS5's own ``snippet()`` can only mark matches in the column that
matched, and a lemma match happens in the lemma column, which is not what a reader
should see; here every form of a matched lemma is marked in the original words.

A query of filters alone ("everything by this author") has nothing to match: the
filters choose the articles from the table, nothing is ranked (no score; relevance means
newest first), and the snippet is the text's first words, nothing marked. Words it
excludes ("site:bta -футбол") leave out the articles the index matches them in.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from newsarchive.archive import HIGHLIGHT, SEARCH_LIMIT
from newsarchive.archive.connection import PARAMETERS_PER_QUERY, damaged, is_damaged
from newsarchive.archive.copies import STORY_OF, copies
from newsarchive.archive.lemmas import (
    INSIDE_BEFORE,
    TOKEN,
    forms_of,
    in_lower_case,
    lookup,
    named_often,
    named_somewhere,
    names_among,
    other_spellings,
    printed_as_name,
    prints_name,
    sibling_forms,
    yo_spellings,
)
from newsarchive.archive.query import (
    COMPOUND,
    COMPOUND_KEY,
    EXACT,
    ORIGINAL,
    PREFIX,
    PREFIX_KEY,
    TITLE,
    WORD,
    Match,
    ParsedQuery,
    Term,
    as_one_author,
    cyrillic_guess,
    parse_date,
    parse_query,
    unquoted,
)
from newsarchive.archive.store import Filters, as_pasted, get_article
from newsarchive.archive.timeline import readable_day
from newsarchive.errors import QueryError
from newsarchive.safe_text import ESCAPE_SEQUENCE
from newsarchive.site_clock import instant_sql

TITLE_WEIGHT = 5.0
# bm25 weights for the index columns: title, text, title_lemmas, text_lemmas
WEIGHTS = (TITLE_WEIGHT, 1.0, TITLE_WEIGHT, 1.0)
SNIPPET_TOKENS = 24
# The instant of publication: ``published`` with its UTC offset, a time given without
# one on Sofia's clock (``site_clock.instant_sql``, in SQL: a Python function per sorted
# row was most of the sort); a bare date has no time, so it is NULL here and sorts after
# the timed articles of its day (newest) or before them (oldest), as if published at the
# day's start.
_INSTANT = instant_sql("a.published")
SORTS = {
    "relevance": "score ASC, a.published_date DESC, a.id DESC",
    "newest": f"a.published_date IS NULL, a.published_date DESC, {_INSTANT} DESC, a.id DESC",
    "oldest": f"a.published_date IS NULL, a.published_date ASC, {_INSTANT} ASC, a.id ASC",
}
# A query of filters alone matches no words, so it has no score: "relevance" lists these.
UNRANKED_SORT = "newest"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACE = re.compile(r"\s+")
# A paragraph break inside a snippet, shown as " ¶ ": as a space, a list's item or a
# heading ran into the next line ("… хорово пеене транспорт от и до дома"), quoting a
# sentence the page never printed. Tried only where a run of spaces starts (as the first
# match always starts there): from every space of a long run without a line break, each
# try read the run's rest, and a stored text's 20,000 control characters (spaces here, by
# ``_CONTROL``) took 3.7 s, 200,000 nine minutes.
_BREAK = re.compile(r"(?<!\s)\s*\n\s*")
PARAGRAPH_MARK = " ¶ "


@dataclass(frozen=True)
class SearchOptions:
    """Everything beside the query text."""

    filters: Filters = Filters()
    limit: int = SEARCH_LIMIT
    offset: int = 0
    sort: str = "relevance"
    highlight: tuple[str, str] = HIGHLIGHT
    collapse: bool = False


def merged_filters(query: ParsedQuery, filters: Filters) -> Filters:
    """Options and the same filters written in the query both apply (their intersection).

    Sites that cannot meet (``--site bta`` with ``site:nsorb``) are an error rather than
    a silent empty result, and so are dates that cannot (``Filters.check_dates``).
    """
    sites = tuple(dict.fromkeys(filters.sites or query.sites))
    if filters.sites and query.sites:
        sites = tuple(s for s in dict.fromkeys(filters.sites) if s in query.sites)
        if not sites:
            raise QueryError(
                f"--site {','.join(filters.sites)} and site:{','.join(query.sites)} "
                "have no site in common"
            )
    since = max((d for d in (filters.since, query.since) if d), default=None)
    until = min((d for d in (filters.until, query.until) if d), default=None)
    authors = tuple(dict.fromkeys((*filters.authors, *query.authors)))
    tags = tuple(dict.fromkeys((*filters.tags, *query.tags)))
    # (``replace``: the options' other fields, --free-only, carried without naming them)
    merged = replace(filters, sites=sites, since=since, until=until, authors=authors, tags=tags)
    return merged.check_dates()


def check_sites(conn: sqlite3.Connection, sites: tuple[str, ...]) -> None:
    """Refuse a site id that is neither in the archive nor a known profile.

    A mistyped ``--site`` used to print "No matches" and exit 0, which reads as "nothing
    was written about it". Profiles are only loaded when a site is missing from the
    archive (a profile's site may simply have no articles yet).
    """
    if not sites:
        return
    archived = {r[0] for r in conn.execute("SELECT DISTINCT site FROM articles")}
    missing = [s for s in sites if s not in archived]
    if not missing:
        return
    from newsarchive.errors import ProfileError
    from newsarchive.profiles.loader import address_hint, list_profiles, meant_site, named_sites

    try:
        profiles = list_profiles()
    except ProfileError:
        profiles = {}
    unknown = [s for s in missing if s not in profiles]
    if unknown:
        listed = named_sites(archived)
        # (an address where an id belongs, "www.bta.bg": the id it names, as crawl says;
        # else a mistyped id, "rusebg": the closest the archive or a profile has)
        meant = address_hint(unknown[0], profiles.values()) or meant_site(
            unknown[0], archived | set(profiles)
        )
        raise QueryError(f"unknown site '{unknown[0]}' (sites in this archive: {listed}){meant}")


def match_expression(conn: sqlite3.Connection, query: ParsedQuery) -> str:
    """The FTS5 expression for ``query``, with words lemmatised as ``word_lemmas`` says."""
    return query.fts(word_lemmas(conn, query))


@dataclass(frozen=True)
class Lemmas:
    """How a query's words are matched, chosen once per query (``choose_lemmas``) and
    shared by every statement of it and by its snippets."""

    # each word that has other forms → how it is matched (``Match``)
    matches: dict[str, Match] = field(default_factory=dict)
    # each lemma matched → its forms in the archive's vocabulary (the snippet marks them)
    forms: dict[str, frozenset[str]] = field(default_factory=dict)
    # words typed capitalised that are searched as a name the archive also prints in
    # lower case, as a word ("Бяла" beside бяла): only an article printing it as typed
    # is a hit (``Prepared``); each → its lemma's forms, in whose text a capital opening
    # a sentence is the word's, not the name's (``lemmas.prints_name``)
    cased: Mapping[str, frozenset[str]] = field(default_factory=dict)


def word_lemmas(conn: sqlite3.Connection, query: ParsedQuery) -> dict[str, Match]:
    """How each word of ``query`` that has other forms is matched (``choose_lemmas``)."""
    return choose_lemmas(conn, query).matches


def choose_lemmas(conn: sqlite3.Connection, query: ParsedQuery) -> Lemmas:
    """How each word of ``query`` that has other forms is matched (``Match``): its lemma,
    from the archive's vocabulary or the dictionary's guess for a form no article holds;
    or, when the dictionary also gave that lemma to a name, the lemma's other forms.

    A form no article has ("училищата" where they print "училища") must be matched as its
    lemma whatever else the query finds: guessed only when the whole query found
    nothing, it was lost beside a word that found something ("училищата OR пожар") and
    excluded nothing ("деца -училищата"). A form neither the archive nor the dictionary
    files under a lemma the archive holds ("пешеходни", "площадките", which simplemma
    guesses as "площадкит") is read as the lemma its siblings are filed under
    (``lemmas.sibling_forms``: "пешеходните" is пешеходен's); one the archive prints is
    then matched as that lemma's forms as printed, itself among them, since the index
    holds no lemma for it.

    A word the archive prints only as a name ("Варна", "Стоилов": ``printed_as_name``)
    is searched as it is, not as the lemma the dictionary gives its lower-case spelling
    (варя, стоя), unless the archive prints that lemma itself as a word ("Общинският
    съвет" beside "общински съвети") or another of its forms as a name too ("Общинския
    съвет"): then it is a word that stands in names. A word typed capitalised ("Бяла", the
    town, beside бяла, the colour) is searched as it is when the archive prints it as a
    name somewhere, and no other form of its lemma so: the capital says which one is
    meant, and where the archive prints it in lower case too, only its capitalised
    printings count (``Lemmas.cased``).

    The index holds the dictionary's lemma for a name as for any word, so a form of the
    word the name was mistaken for ("варят", "вари", варя itself) found the name through
    that lemma: such a word is matched as its lemma's forms as printed, the names among
    them (by the rule above) left out (``_names_among_forms``).
    """
    words = query.lemma_words()
    kin = {word: sibling_forms(word) for word in words if not word.isdigit()}
    # the words and their sibling forms in one look-up in the vocabulary
    filed = lookup(conn, {*words, *(form for each in kin.values() for _, f in each for form in f)})
    lemmas = {word: filed[word] for word in words if word in filed}
    missing = unseen(conn, words - set(lemmas))
    guessed = guess_lemmas(missing) if missing else {}
    siblings = _sibling_lemmas(kin, filed, set(words) - set(lemmas))
    forms = _Forms(conn)
    forms.load({*lemmas.values(), *guessed.values(), *siblings.values(), *words})  # one look-up
    # a guess no article holds in any form ("площадкит") finds nothing: a sibling's lemma may
    guessed = {word: lemma for word, lemma in guessed.items() if _held(conn, forms, lemma)}
    for word in sorted((set(missing) & kin.keys()) - set(guessed) - set(siblings)):
        held = next((lemma for lemma, _ in kin[word] if _held(conn, forms, lemma)), None)
        if held is not None:  # ("площадките" where only "площадка" is printed)
            siblings[word] = held
    siblings = {word: lemma for word, lemma in siblings.items() if word not in guessed}
    forms.load(siblings.values())
    printed = (words - set(lemmas)).difference(missing)
    capitalised = query.capitalised()
    names: set[str] = set()
    cased: dict[str, frozenset[str]] = {}
    for word, lemma in lemmas.items():
        reading = _name_reading(conn, forms, word, lemma, capital=word in capitalised)
        if reading is not None:
            names.add(word)
            if reading == _CASED:
                cased[word] = frozenset({word, lemma, *forms.of(lemma)})
    chosen: dict[str, Match] = {
        w: lemma for w, lemma in {**lemmas, **guessed, **siblings}.items() if w not in names
    }
    for word in sorted(words - names):
        lemma = str(chosen.get(word, word))
        every = {*forms.of(lemma), lemma, word}
        named_forms = _names_among_forms(conn, forms, word, lemma, every)
        if named_forms or (word in siblings and word in printed):
            chosen[word] = tuple(sorted(every - named_forms))
    spelled, prefixes = words - cased.keys(), query.prefixes()
    if _holds_yo_spelling(conn, spelled, prefixes):
        _with_yo_spellings(conn, forms, chosen, spelled)
        _with_yo_prefixes(conn, chosen, prefixes)
    for last in sorted(query.compound_ends()):  # (a phrase takes no lemma: its forms)
        match = chosen.get(last, last)
        printed = set(match) if isinstance(match, tuple) else {last, match, *forms.of(match)}
        chosen[COMPOUND_KEY + last] = tuple(sorted(printed))
    return Lemmas(chosen, forms.known, cased)


def _holds_yo_spelling(conn: sqlite3.Connection, words: set[str], prefixes: set[str]) -> bool:
    """Whether the archive holds any of ``words`` or ``prefixes`` with ё for е or е for ё
    (``lemmas.other_spellings``: "ѝ" printed "й" too), in one look in the index for them
    all: none where no word has an "е" or "ё" (or is "ѝ" or "й").

    Each spelling was looked for apart, one statement per "е" of every word (and
    prefix), Bulgarian ones too, which no archive prints with ё: "председателят на
    общинския съвет" cost 4 looks that found nothing. Only when this one finds some
    spelling are they looked for one by one (``_with_yo_spellings``,
    ``_with_yo_prefixes``): an archive without Russian text, or a query of Bulgarian
    words in one with it, pays one statement."""
    either = [f'"{s}"' for word in sorted(words) for s in sorted(other_spellings(word))]
    either += [f'"{s}"*' for prefix in sorted(prefixes) for s in sorted(yo_spellings(prefix))]
    if not either:
        return False
    probe = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1"
    return bool(_run(conn, probe, [" OR ".join(either)]))


def _with_yo_spellings(
    conn: sqlite3.Connection, forms: _Forms, chosen: dict[str, Match], words: set[str]
) -> None:
    """Match each of ``words`` the archive also prints with ё for е or е for ё
    (``lemmas.yo_spellings``: "елка" and "ёлка") as its forms as printed and those
    spellings, with the forms the vocabulary files under each spelling's lemma. One
    look in the index per "е" of the query's words, none for a word without one: asked
    only once ``_holds_yo_spelling`` found the archive holds one of them."""
    for word in sorted(words):
        spellings = other_spellings(word)
        held = spellings.difference(unseen(conn, spellings)) if spellings else set()
        if not held:
            continue
        match = chosen.get(word, word)
        printed = set(match) if isinstance(match, tuple) else {word, match, *forms.of(match)}
        for lemma in lookup(conn, held).values():
            printed.update({lemma, *forms.of(lemma)})
        chosen[word] = tuple(sorted(printed | held))


def _with_yo_prefixes(
    conn: sqlite3.Connection, chosen: dict[str, Match], prefixes: set[str]
) -> None:
    """Match each one-word prefix the archive also holds words of with ё for е or е for
    ё ("елк*": "ёлка" too) as either spelling, under ``PREFIX_KEY``; one look in the
    index per "е" of each prefix (asked as ``_with_yo_spellings`` is)."""
    probe = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1"
    for prefix in sorted(prefixes):
        held = {p for p in yo_spellings(prefix) if _run(conn, probe, [f'"{p}"*'])}
        if held:
            chosen[PREFIX_KEY + prefix] = tuple(sorted({prefix, *held}))


# Enough of the articles holding a word to see how they print it: a word in lower case
# is usually found in the first; a name is read in all of these.
NAME_SAMPLE = 20


# ``_name_reading``: a name the archive prints only so, or one it prints in lower case too
_NAME, _CASED = "name", "cased"


class _Forms:
    """The archive's forms of each lemma a query needs, looked up once per query for
    the name checks, the matches and the snippets alike."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.known: dict[str, frozenset[str]] = {}

    def load(self, lemmas: Iterable[str]) -> None:
        wanted = set(lemmas) - self.known.keys()
        if not wanted:
            return
        found: dict[str, set[str]] = {lemma: set() for lemma in wanted}
        for form, lemma in forms_of(self.conn, wanted).items():
            found[lemma].add(form)
        self.known.update((lemma, frozenset(each)) for lemma, each in found.items())

    def of(self, lemma: str) -> frozenset[str]:
        self.load([lemma])
        return self.known[lemma]


def _name_reading(
    conn: sqlite3.Connection, forms: _Forms, word: str, lemma: str, *, capital: bool = False
) -> str | None:
    """``_NAME`` when the archive prints ``word`` only as a name, its lemma never as a
    word and no other form of the lemma as a name, as the first ``NAME_SAMPLE`` articles
    holding them show; typed ``capital``ised, when it prints it as a name more than once
    or as often as in lower case (``lemmas.named_often``) and no other form of the lemma
    so (``_CASED`` when it prints it in lower case too); else None."""
    texts = list(_texts(conn, {word}))
    if not (named_often(word, texts) if capital else printed_as_name(word, texts)):
        return None
    if not capital and in_lower_case({lemma}, _texts(conn, {lemma})):
        return None
    others = {*forms.of(lemma), lemma} - {word}
    if named_somewhere(others, _texts(conn, others)):
        return None
    return _CASED if capital and in_lower_case({word}, texts) else _NAME


def _names_among_forms(
    conn: sqlite3.Connection, forms: _Forms, word: str, lemma: str, every: set[str]
) -> set[str]:
    """The forms in ``every`` of ``lemma`` other than ``word`` that are names
    (``_name_reading``).

    One sample of the articles holding any of them says which may be (printed only
    capitalised inside sentences there); only those are checked in full, so a word whose
    forms are printed as words costs one read."""
    others = every - {word, lemma}
    maybe = names_among(others, _texts(conn, others)) if others else set()
    return {form for form in sorted(maybe) if _name_reading(conn, forms, form, lemma)}


def _sibling_lemmas(
    kin: dict[str, list[tuple[str, tuple[str, ...]]]], filed: dict[str, str], words: set[str]
) -> dict[str, str]:
    """For ``words`` (with no lemma of their own in the archive), the lemma the archive
    files a sibling form under (``kin``: ``lemmas.sibling_forms`` of each; ``filed``:
    the vocabulary's lemma of each form), when it files one under the very lemma that
    form and the word share."""
    found = {}
    for word in sorted(words & kin.keys()):
        for lemma, forms in kin[word]:
            if any(filed.get(form) == lemma for form in forms):
                found[word] = lemma
                break
    return found


def _held(conn: sqlite3.Connection, forms: _Forms, lemma: str) -> bool:
    """Whether some article holds ``lemma``: a form the vocabulary files under it (known
    already), else printed or indexed as such (one look in the index)."""
    return bool(forms.of(lemma)) or not unseen(conn, [lemma])


def _texts(conn: sqlite3.Connection, words: set[str]) -> Iterator[str]:
    """The titles and texts of the first ``NAME_SAMPLE`` articles holding any of
    ``words`` as printed."""
    if not words:
        return
    either = " OR ".join(f'"{word}"' for word in sorted(words))
    cursor = conn.execute(
        "SELECT a.title, a.text FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
        f" WHERE articles_fts MATCH ? LIMIT {NAME_SAMPLE}",
        [f"{ORIGINAL} : ({either})"],
    )
    try:
        yield from (text for row in cursor for text in row if text)
    finally:
        cursor.close()


def guess_lemmas(words: Iterable[str]) -> dict[str, str]:
    """Lemmas from the lemmatizer's dictionary for words the archive has never seen.

    "общинските" is not in an archive that only has "общински" and "общинска", but its
    lemma is. Only this path loads the dictionary (the cached trie: milliseconds;
    ``lemma_dictionary``), and only for a query with a word no article holds in any form
    (``unseen``).
    """
    from newsarchive.archive.lemmas import Lemmatizer

    lemmatizer = Lemmatizer()
    guessed = {}
    for word in words:
        lemma = lemmatizer.lemma(word)
        if lemma is not None:
            guessed[word] = lemma
    return guessed


def unseen(conn: sqlite3.Connection, words: Iterable[str]) -> list[str]:
    """The words no article holds, as typed or as the lemma of a form it holds.

    A word of the archive's vocabulary is known; one outside it is either its own lemma
    (then some article holds it, in the text or as the lemma of a form) or a form no
    article has: only those need the dictionary's guess. Each is one lookup in the index.
    """
    probe = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT 1"
    # (a number has no other forms: one the archive lacks is not worth the dictionary)
    return [w for w in sorted(words) if not w.isdigit() and not _run(conn, probe, [f'"{w}"'])]


def _run(conn: sqlite3.Connection, sql: str, params: list[Any]) -> list[Any]:
    try:
        return conn.execute(sql, params).fetchall()
    except sqlite3.OperationalError as exc:
        if is_damaged(exc):  # (its index dropped: no query's fault)
            raise damaged(exc) from None
        raise QueryError(f"the search index could not run this query: {exc}") from None


# What ends a word for GLOB: no letter or digit (Cyrillic ones are U+0400 to U+04FF). The
# text is given a space at its end, so a word ending it counts; the word's start is its
# capital letter, which follows no letter in Bulgarian text. (A pattern opening with a
# class too, "*[^…]Бяла[^…]*", cost five times as much: GLOB tries it at every letter.)
_WORD_END = "[^0-9A-Za-z\u0400-\u04ff]"
# What surely stands before a name inside a sentence, and a space ("на Бяла", "Русе,
# Бяла"): the rule ``lemmas.prints_name`` reads a name by (a digit is no longer in it: a
# headline may open with one, "2026 Кметът…").
_INSIDE = f"[{INSIDE_BEFORE}]"


def _cased(cased_groups: list[list[Term]]) -> tuple[str, list[str]]:
    """The SQL condition (and its parameters) that an article prints each of the
    ``cased_groups``' names as typed or in title case (``Term.spellings``), as a word,
    where its term looks (``ParsedQuery.cased_groups``). The index folds case, so "Бяла",
    the town, also matched бяла, the colour; SQLite's GLOB does not fold it. It reads the
    text of every article the index matched: on the 50,000-article search bench,
    0.3-0.9 s for 20,000-36,000 of them, so a query reads them once (``Prepared``)."""
    groups, params = [], []
    for group in cased_groups:
        either: list[str] = []
        for term in group:
            columns = ("a.title",) if term.scope == TITLE else ("a.title", "a.text")
            for spelling in sorted(term.spellings()):
                either.extend(f"({column} || ' ') GLOB ?" for column in columns)
                params.extend([f"*{spelling}{_WORD_END}*"] * len(columns))
        groups.append("(" + " OR ".join(either) + ")")
    return " AND ".join(groups) or "1", params


def _inside(cased_groups: list[list[Term]]) -> tuple[str, list[str]]:
    """The SQL condition (and its parameters) that the first printing of one of each
    group's cased names in an article's text (``_cased``'s) stands inside a sentence, as
    a word, for sure (``_INSIDE`` before it); the others, few, are read in Python
    (``lemmas.prints_name``). The first alone: a GLOB for a printing anywhere after a
    small letter ("*[а-я] Бяла*") tries its class at every letter: on the bench, 1.3 s
    more for 18,000 articles printing the name, where this costs 0.4 s."""
    groups, params = [], []
    for group in cased_groups:
        either: list[str] = ["0"]
        for term in group:
            for spelling in sorted(term.spellings()) if term.scope != TITLE else ():
                at = "instr(a.text, ?)"
                either.append(
                    f"({at} > 1 AND substr(a.text, {at} - 1, 1) GLOB '{_INSIDE}'"
                    f" AND substr(a.text, {at} + {len(spelling) + 1}, 1)"
                    f" GLOB '{_WORD_END}')"
                )
                params.extend([f" {spelling}"] * 3)
        groups.append("(" + " OR ".join(either) + ")")
    return " AND ".join(groups) or "1", params


def _prints(term: Term, kin: Mapping[str, frozenset[str]], title: str, text: str) -> bool:
    """Whether an article (``title``, ``text``) prints the cased name ``term`` was typed
    as where the term looks (``lemmas.prints_name``; ``kin``: ``Lemmas.cased``)."""
    texts = (title,) if term.scope == TITLE else (title, text)
    return prints_name(term.spellings(), kin[term.words[0]], texts)


# The articles the full-text index matches (the MATCH expression its parameter)
_INDEXED = (
    " FROM articles_fts CROSS JOIN articles a ON a.id = articles_fts.rowid"
    " WHERE articles_fts MATCH ?"
)


class Prepared:
    """A query bound to one archive: its filters merged with the query's own and their
    sites checked, and its words' lemmas looked up, once.

    A page that runs several statements for one query (the hits, their count, the chart
    per month) prepares it once and shares this, instead of asking the archive for the
    sites and the lemmas before each statement. The dictionary's guesses are made at
    most once too, and only for a form no article holds (``unseen``).
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        query: ParsedQuery,
        filters: Filters,
        *,
        checked: tuple[str, ...] = (),
        choice: Lemmas | None = None,
        named: str | None = None,
    ) -> None:
        """``checked``: sites the caller has already checked; the merged filters only
        narrow the caller's sites, so when it checked them all they are not asked again.
        ``choice``: the words' lemmas as another preparation of the same words chose
        them (``undated``), not looked up again; ``named``: that preparation's
        ``named``, not read again."""
        self.conn = conn
        self.query = query
        merged = merged_filters(query, filters)
        self.filters = merged
        if not set(merged.sites) <= set(checked):
            check_sites(conn, merged.sites)
        self.where, self.params = merged.sql("a")
        self.ranked = query.has_words()
        self.choice = choose_lemmas(conn, query) if choice is None else choice
        self._match = [query.fts(self.choice.matches)] if self.ranked else []
        # With words, the full-text index picks and ranks the articles; without, the filters
        # choose them from the table (its site and date indexes) and nothing is ranked.
        if self.ranked:
            weights = ", ".join(str(w) for w in WEIGHTS)
            self.score = f"bm25(articles_fts, {weights})"
            self.source = f"{_INDEXED} AND {self.where}"
        else:
            self.score, self.source = "NULL", f" FROM articles a WHERE {self.where}"
            if query.excluded:  # ("site:bta -футбол": the filters' articles but those)
                self.source += (
                    " AND a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)"
                )
                self.params = [*self.params, query.excluded_fts(self.choice.matches)]
        # the articles printing the query's cased names, read once for every statement
        # (none where no group is only cased names: "Бяла OR парк" is the index's, whose
        # every match was read and listed for nothing)
        self.named: str | None = None
        groups = query.cased_groups(set(self.choice.cased))
        if self.ranked and groups:
            self.named = self._named(groups) if named is None else named
            self.source += " AND a.id IN (SELECT value FROM json_each(?))"
            self.params = [*self.params, self.named]

    def _named(self, groups: list[list[Term]]) -> str:
        """The ids (a JSON array) of the articles the index matches that print the
        query's cased names (``groups``: ``ParsedQuery.cased_groups``) as typed
        (``_cased``, then ``lemmas.prints_name``: not only opening a sentence where the
        text prints the word in lower case too): those the filters choose and, when they
        have dates, the undated ones ``undated`` counts.

        Checked in each statement, the names were read in every matched text up to three
        times a query (its page, its count, its undated count), four on the web page
        (its chart): the one reading costs as much as the rest of the query."""
        where, params = self.where, self.params
        if self.filters.since or self.filters.until:
            dateless, more = replace(self.filters, since=None, until=None).sql("a")
            where = f"(({where}) OR ({dateless} AND a.published_date IS NULL))"
            params = [*params, *more]
        cased, more = _cased(groups)
        inside, before = _inside(groups)
        rows = _run(self.conn, f"SELECT a.id, {inside}{_INDEXED} AND {where} AND {cased}",
                    [*before, *self._match, *params, *more])  # fmt: skip
        named = [article_id for article_id, sure in rows if sure]
        # (the others, whose text's first printing follows no small letter, or whose
        # headline alone prints it, are read whole: few, as a name mostly stands inside)
        kin = self.choice.cased
        unsure = _details(self.conn, [article_id for article_id, sure in rows if not sure])
        for article_id, _site, _url, title, _published, text in unsure.values():
            if all(any(_prints(term, kin, title or "", text or "") for term in group)
                   for group in groups):  # fmt: skip
                named.append(article_id)
        return json.dumps(sorted(named))

    def relevance(self, order: str) -> str:
        """``order`` (relevance's) with the articles whose headline holds the whole query
        first, each part ranked by bm25.

        FTS5's bm25 weighs a match by the length of the whole row, so a long article
        headed "Ремонтът на моста започва" ranked below a brief that mentions a ремонт in
        passing, the title's 5× weight notwithstanding: what an article is about, its
        headline says. (The expression is written into the SQL, not bound: this module
        wrote it, of letters, digits and its own operators, and it sits in the ORDER BY,
        which collapsing repeats; a quote in it would be a bug, refused.)"""
        if not self.ranked:
            return order
        return f"({self.headline()}) DESC, {order}"

    def headline(self) -> str:
        """Whether article ``a``'s headline holds the whole query, in SQL."""
        expression = self.query.headline_fts(self.choice.matches)
        if "'" in expression:
            raise QueryError("the search index could not run this query (a quote in a word)")
        return f"a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH '{expression}')"

    def run(self, sql: str, extra: tuple[Any, ...] = ()) -> list[Any]:
        """Rows of ``sql``, which reads the articles from ``source`` (parameters: the MATCH
        expression when ``ranked``, the filters', ``extra``).

        Every statement of a query runs with the same lemmas (``choice``: the archive's,
        and the dictionary's guesses for forms no article holds) and the same articles
        printing its cased names (``named``), chosen once, so a page, its total and its
        chart count the same articles."""
        return _run(self.conn, sql, [*self._match, *self.params, *extra])

    def undated(self) -> int:
        """How many articles the query and its other filters choose that its dates leave
        out for having no date at all (0 without dates).

        An undated article is in no date range, so "наводнение since:2020-01-01" said
        nothing of the undated article on a flood that "наводнение" finds: the reader
        took the empty list for "nothing since 2020" without knowing what it could not
        date. The words are those this preparation chose (its lemmas, its name checks),
        not chosen again for the same words without the dates."""
        if not (self.filters.since or self.filters.until):
            return 0
        dateless = Prepared(
            self.conn, replace(self.query, since=None, until=None),
            replace(self.filters, since=None, until=None),
            checked=self.filters.sites, choice=self.choice, named=self.named,
        )  # fmt: skip
        rows = matching(dateless, "count(*)", tail=" AND a.published_date IS NULL")
        return int(rows[0][0])

    def unknown_language(self) -> int:
        """How many articles the query and its other filters choose that its ``--lang``
        leaves out for having no language recorded (0 without one, or with "unknown").

        An article imported from a record stating no language, or archived before
        languages were, is "unknown": ``--lang bg`` left out every one of them and said
        nothing, and an archive filled by ``import-jsonl`` was "No matches"."""
        from newsarchive.language_tags import UNKNOWN_LANGUAGE

        languages = self.filters.languages
        if not languages or UNKNOWN_LANGUAGE in languages:
            return 0
        unknown = Prepared(
            self.conn, self.query, replace(self.filters, languages=(UNKNOWN_LANGUAGE,)),
            checked=self.filters.sites, choice=self.choice,
        )  # fmt: skip
        return int(matching(unknown, "count(*)")[0][0])


def search(
    conn: sqlite3.Connection, query: ParsedQuery, options: SearchOptions
) -> list[dict[str, Any]]:
    """Run a parsed query; returns ``{id, site, url, title, published, snippet, score,
    total}`` rows, where ``total`` is how many articles match before limit and offset
    (``score`` is None for a query of filters alone: nothing was ranked)."""
    return search_page(conn, query, options)[0]


def prepare(conn: sqlite3.Connection, query: ParsedQuery, options: SearchOptions) -> Prepared:
    """``query`` prepared for ``options`` (its sort refused before the archive is asked
    anything): for a caller that runs more than the page on it (``Prepared.undated``)."""
    _order(options, query)
    return Prepared(conn, query, options.filters)


def search_page(
    conn: sqlite3.Connection,
    query: ParsedQuery,
    options: SearchOptions,
    prepared: Prepared | None = None,
) -> tuple[list[dict[str, Any]], int]:
    """One page of hits and the number of all hits (a page past the end is empty);
    ``prepared``: ``prepare``'s for the same query and options, used instead of
    preparing them again."""
    order = _order(options, query)
    prepared = prepared or Prepared(conn, query, options.filters)
    return _page(prepared, options, _ranked(prepared, options, order))


def page_and_months(
    conn: sqlite3.Connection,
    query: ParsedQuery,
    options: SearchOptions,
    prepared: Prepared | None = None,
) -> tuple[tuple[list[dict[str, Any]], int], list[dict[str, Any]]]:
    """``search_page`` and ``per_month`` of one query, which the web page shows together:
    the filters, sites and lemmas are prepared once for both (and for ``prepared``'s
    other uses, when given)."""
    order = _order(options, query)
    prepared = prepared or Prepared(conn, query, options.filters)
    return _page(prepared, options, _ranked(prepared, options, order)), _per_month(prepared)


def _ranked(prepared: Prepared, options: SearchOptions, order: str) -> str:
    """The ORDER BY: relevance puts headline matches first (``Prepared.relevance``)."""
    return prepared.relevance(order) if options.sort == "relevance" else order


def _order(options: SearchOptions, query: ParsedQuery) -> str:
    """The ORDER BY of the chosen sort, refused before the archive is asked anything.

    A query of filters alone has no score, so relevance, the default, lists the newest
    first: an analyst asking for everything by an author gets it in a useful order
    without having to know that nothing was ranked."""
    order = SORTS.get(options.sort)
    if order is None:
        raise QueryError(f"unknown sort '{options.sort}' (use {', '.join(SORTS)})")
    if options.sort == "relevance" and not query.has_words():
        return SORTS[UNRANKED_SORT]
    return order


# The first hits of a ranked query of several words are ranked again: an article whose
# words stand together (at most NEAR_SLACK other words among them, in its headline or its
# text) before one that names them apart, each kind in its bm25 order, headline matches
# first as before. Only the first NEAR_WINDOW hits, the same for every page, so pages
# still follow one another: a hit further down is not read to see where its words stand.
NEAR_WINDOW = 100
NEAR_SLACK = 3


def _page(
    prepared: Prepared, options: SearchOptions, order: str
) -> tuple[list[dict[str, Any]], int]:
    conn, query = prepared.conn, prepared.query
    near = (
        options.sort == "relevance" and prepared.ranked and len(query.groups) > 1
        and options.offset < NEAR_WINDOW
    )  # fmt: skip
    lead = f", ({prepared.headline()}) AS lead" if near else ""
    # (sorted by the flag it selects: the headline's statement runs once, not twice)
    by = f"lead DESC, {SORTS['relevance']}" if near else order
    sql = (
        f"SELECT a.id, {prepared.score} AS score{lead}{prepared.source}"
        f" ORDER BY {by} LIMIT ? OFFSET ?"
    )
    total_sql = f"SELECT count(*){prepared.source}"
    if options.collapse:
        sql, total_sql = _collapsed(prepared, order, lead)
    # (the forms it marks were looked up with the lemmas: it asks the archive nothing)
    marker = Marker(conn, query, prepared.choice)
    if near:
        fetch = max(NEAR_WINDOW, options.offset + options.limit)
        rows = prepared.run(sql, (fetch, 0))
        every = len(rows) < fetch
        window = rows[:NEAR_WINDOW]
        details = _details(conn, [row[0] for row in window])
        if window:
            rows = _together_first(window, details, marker) + rows[NEAR_WINDOW:]
        ranked = [row[:-1] for row in rows[options.offset : options.offset + options.limit]]
    else:
        ranked = prepared.run(sql, (options.limit, options.offset))
        every, details = not options.offset and len(ranked) < options.limit, {}
    if every:
        total = len(rows) if near else len(ranked)  # every hit is here: no count needed
    else:
        total = int(prepared.run(total_sql)[0][0])
    if not ranked:
        return [], total
    details.update(_details(conn, [row[0] for row in ranked if row[0] not in details]))
    results = []
    for article_id, score, *story in ranked:
        _, site, url, title, published, text = details[article_id]
        results.append(
            {
                "id": article_id,
                "site": site,
                "url": url,
                "title": title,
                "published": published,
                "snippet": marker.snippet(text or "", options.highlight),
                "score": None if score is None else float(f"{-float(score):.6g}"),
                "total": total,
                **({"story": story[0]} if story else {}),
            }
        )
    if options.collapse:
        stories = copies(conn, [r["story"] for r in results])
        for result in results:
            result["also"] = [
                {"site": c["site"], "url": c["url"], "published": c["published"]}
                for c in stories[result["story"]]
                if c["id"] != result["id"]
            ]
    return results, total


def _details(conn: sqlite3.Connection, wanted: list[int]) -> dict[int, Any]:
    """The rows of the articles ``wanted`` that a page shows, by id."""
    details = {}
    for start in range(0, len(wanted), PARAMETERS_PER_QUERY):
        chunk = wanted[start : start + PARAMETERS_PER_QUERY]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
            f"SELECT id, site, url, title, published, text FROM articles WHERE id IN ({marks})",
            chunk,
        ):
            details[row[0]] = row
    return details


def _together_first(rows: list[Any], details: dict[int, Any], marker: Marker) -> list[Any]:
    """``rows`` (ids first, the headline flag last), those whose words stand together
    before the others within each headline kind; otherwise in the order given.

    bm25 scores each word apart, so a brief headed "Доброволци почистиха градския парк"
    that mentions a транспорт to the dump ranked above the article on "градският
    транспорт": a reader asking for words together means them together."""
    together = {row[0] for row in rows if marker.together(details[row[0]][3] or "",
                                                         details[row[0]][5] or "")}  # fmt: skip
    return sorted(rows, key=lambda row: (not row[-1], row[0] not in together))


def _collapsed(prepared: Prepared, order: str, lead: str = "") -> tuple[str, str]:
    """The page query and the count query with one hit per story.

    The copy that represents a story is the one that ranks first in the chosen sort:
    the best match by relevance, the newest or the oldest copy; the others are listed
    under ``also``.
    """
    # Each hit carries the columns ``order`` reads, under the alias ``a`` it reads them
    # by, so neither ranking step goes back to the articles table for every hit.
    hits = (
        f"WITH hits AS (SELECT a.id AS id, {prepared.score} AS score, {STORY_OF} AS story,"
        f" a.published_date AS published_date, a.published AS published{prepared.source}),"
        f" ranked AS (SELECT a.*, ROW_NUMBER() OVER (PARTITION BY a.story ORDER BY {order})"
        " AS rn FROM hits a)"
    )
    page = (
        f"{hits} SELECT a.id, a.score, a.story{lead} FROM ranked a"
        f" WHERE a.rn = 1 ORDER BY {order} LIMIT ? OFFSET ?"
    )
    return page, f"SELECT count(DISTINCT {STORY_OF}){prepared.source}"


def in_cyrillic(conn: sqlite3.Connection, typed: str, filters: Filters) -> tuple[str, int] | None:
    """For words typed in Latin letters ("Ruse"), their Cyrillic spelling
    (``query.cyrillic_guess``, each word read as the archive holds it) and how many
    articles it matches with the same filters; None when there is no such spelling or it
    matches nothing either. The CLI's stderr
    and the web page offer it where the Latin words matched nothing."""
    guess = cyrillic_guess(typed, held=lambda word: not unseen(conn, [word]))
    if guess is None:
        return None
    try:
        parsed = parse_query(guess)
    except QueryError:  # (its words respelled, the query reads as typed: never met)
        return None
    rows = matching(Prepared(conn, parsed, filters), "count(*)")
    total = int(rows[0][0])
    return (guess, total) if total else None


def in_any_form(
    conn: sqlite3.Connection, typed: str, filters: Filters, *, exact: bool = False
) -> tuple[str, int] | None:
    """For a query whose quoted phrases (or ``--exact``) matched nothing, the query with
    its words in any form and anywhere (``query.unquoted``) and how many articles that
    matches with the same filters; None when it quotes nothing it can loosen or matches
    nothing either. ``"общински съвет"`` found none of the articles printing "общинския
    съвет" or "Общинският съвет" and said only "No matches"."""
    loose = unquoted(typed)
    if loose is None and not exact:
        return None
    try:
        parsed = parse_query(loose or typed, filtered=filters.active())
    except QueryError:
        return None
    rows = matching(Prepared(conn, parsed, filters), "count(*)")
    total = int(rows[0][0])
    return (loose or typed, total) if total else None


def in_one_name(conn: sqlite3.Connection, typed: str, filters: Filters) -> tuple[str, int] | None:
    """For ``author:иван колев``, which matched nothing, the first reading of
    ``query.as_one_author`` (``author:"иван колев"``) that matches some article with the
    same filters, and how many; else None."""
    for reading in as_one_author(typed):
        try:
            parsed = parse_query(reading, filtered=filters.active())
        except QueryError:
            continue
        total = int(matching(Prepared(conn, parsed, filters), "count(*)")[0][0])
        if total:
            return reading, total
    return None


def of_the_day(
    conn: sqlite3.Connection, typed: str, filters: Filters
) -> tuple[dt.date, int] | None:
    """For a query that is one date ("2025-11-21", "21.11.2025": no article's text holds
    it as one word), that day and how many articles of it the same filters choose; None
    when it is no date or none is of that day. The CLI's stderr offers it where the date,
    searched as words, matched nothing."""
    typed = typed.strip()
    if not typed or " " in typed or not {"-", "."} & set(typed):
        return None
    try:
        day = parse_date(typed, "the query")
    except QueryError:
        return None
    if (filters.since and day < filters.since) or (filters.until and day > filters.until):
        return None
    where, params = replace(filters, since=day, until=day).sql("a")
    total = int(
        conn.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]
    )
    return (day, total) if total else None


# What a query that matched nothing may have meant, in the order ``no_match`` looks:
# an article's address pasted (addresses are not indexed), a date (no text holds one as
# a word), Latin letters for Cyrillic ones, quoted words that match in other forms.
ADDRESS, DAY, CYRILLIC, FORMS, AUTHOR = "address", "day", "cyrillic", "forms", "author"


@dataclass(frozen=True)
class NoMatch:
    """What a query that matched nothing may have meant (``no_match``): the CLI says it
    on stderr, the web page under the count, each in its own words."""

    kind: str  # ``ADDRESS``, ``DAY``, ``CYRILLIC``, ``FORMS`` or ``AUTHOR``
    total: int  # the articles it matches (``ADDRESS``: the one archived there)
    words: str = ""  # the query that matches them (``CYRILLIC``, ``FORMS``, ``AUTHOR``)
    day: dt.date | None = None  # ``DAY``
    article: int | None = None  # ``ADDRESS``: the article's id


def no_match(
    conn: sqlite3.Connection, typed: str, filters: Filters, *, exact: bool = False
) -> NoMatch | None:
    """For a query that matched nothing, the first that holds of the meanings above, in
    their order, or None: the one source of the hints and their order for both front
    ends. The CLI told the date before the Cyrillic spelling and the web page after it,
    the web page computed both, and an address pasted into its box was told nothing.

    An address (a URL, or "www." and no space) is that and nothing else: the article
    archived there (``store.as_pasted``'s spellings), or no hint. ``exact``: every word
    was matched only as typed (``--exact``), so ``in_any_form`` loosens them too."""
    query = typed.strip()
    if query.startswith(("http://", "https://", "www.")) and " " not in query:
        for spelling in as_pasted(query):
            found = get_article(conn, spelling)
            if found is not None:
                return NoMatch(ADDRESS, 1, article=int(found["id"]))
        return None
    day = of_the_day(conn, typed, filters)
    if day is not None:
        return NoMatch(DAY, day[1], day=day[0])
    cyrillic = in_cyrillic(conn, typed, filters)
    if cyrillic is not None:
        return NoMatch(CYRILLIC, cyrillic[1], words=cyrillic[0])
    loose = in_any_form(conn, typed, filters, exact=exact)
    if loose is not None:
        return NoMatch(FORMS, loose[1], words=loose[0])
    named = in_one_name(conn, typed, filters)
    if named is not None:
        return NoMatch(AUTHOR, named[1], words=named[0])
    return None


def undated_note(left_out: int) -> str:
    """What the CLI (on stderr) and the web page (under the count) say of the matches a
    date range cannot hold: one wording for both."""
    matches, them = ("match has", "it") if left_out == 1 else ("matches have", "them")
    return (
        f"{left_out} more {matches} no date, which no date range holds"
        f" (search without the dates to see {them})"
    )


def unknown_language_note(left_out: int) -> str:
    """What the CLI says on stderr of the matches ``--lang`` leaves out for having no
    language recorded (``Prepared.unknown_language``)."""
    matches, them = ("match has", "it") if left_out == 1 else ("matches have", "them")
    return (
        f"{left_out} more {matches} no language recorded, which --lang leaves out"
        f" (add --lang unknown to see {them})"
    )


def per_site_year(prepared: Prepared) -> list[dict[str, Any]]:
    """How many articles of a prepared query match, per site and year of publication."""
    rows = matching(
        prepared, "a.site, substr(a.published_date, 1, 4) AS year, count(*)",
        tail=" GROUP BY a.site, year ORDER BY a.site, year",
    )  # fmt: skip
    return [
        {"site": site, "year": int(year) if year else None, "count": n} for site, year, n in rows
    ]


def per_month(
    conn: sqlite3.Connection, query: ParsedQuery, filters: Filters
) -> list[dict[str, Any]]:
    """Matching articles per month (``YYYY-MM`` of the local date) and site; undated
    articles are left out, since they belong to no month, and so are those whose date is
    no ``YYYY-MM-DD`` (edited by hand)."""
    return _per_month(Prepared(conn, query, filters))


def _per_month(prepared: Prepared) -> list[dict[str, Any]]:
    rows = matching(
        prepared, "substr(a.published_date, 1, 7) AS month, a.site, count(*)",
        tail=" AND a.published_date IS NOT NULL GROUP BY month, a.site ORDER BY month, a.site",
    )  # fmt: skip
    # (a month of a date edited by hand, "2 ап", belongs to no month: ``readable_day``)
    return [
        {"month": month, "site": site, "count": n}
        for month, site, n in rows
        if readable_day(f"{month}-01")
    ]


def matching(prepared: Prepared, select: str, tail: str = "") -> list[Any]:
    """``SELECT {select}`` over the articles ``a`` that match the prepared query and its
    filters (word forms as in search); ``tail`` follows the WHERE clause (more
    conditions, GROUP BY, ORDER BY)."""
    return prepared.run(f"SELECT {select}{prepared.source}{tail}")


class Marker:
    """Finds the words of a query in original text: every archived form of a lemma, exact
    forms, prefixes and phrases, a cased name only as typed; cuts the best window around
    them as a snippet."""

    def __init__(self, conn: sqlite3.Connection, query: ParsedQuery, choice: Lemmas) -> None:
        """``choice``: how the query's preparation matches its words, with each lemma's
        archived forms (those it lacks are looked up here)."""
        terms = query.terms()
        lemmas = choice.matches
        wanted = {t.words[0]: lemmas.get(t.words[0], t.words[0]) for t in terms
                  if t.kind == WORD and len(t.words) == 1}  # fmt: skip
        by_lemma = _Forms(conn)
        by_lemma.known.update(choice.forms)
        by_lemma.load(match for match in wanted.values() if isinstance(match, str))
        self.forms: dict[str, int] = {}
        # a cased name's form → how an article prints the name (``Term.spellings``): the
        # colour's "бяла" is no "Бяла"; a form another term also matches is not cased
        self.cased: dict[str, frozenset[str]] = {}
        uncased: set[str] = set()
        self.prefixes: list[tuple[str, int]] = []
        self.phrases: list[tuple[tuple[str, ...], int, bool]] = []  # words, term, prefix
        # the query's AND-ed group each term belongs to (``together``)
        self.groups = [
            g for g, group in enumerate(query.groups) for item in group
            for _ in (item.terms() if isinstance(item, ParsedQuery) else [item])
        ]  # fmt: skip
        for index, term in enumerate(terms):
            if term.kind == PREFIX:
                if len(term.words) == 1:
                    spelled = lemmas.get(PREFIX_KEY + term.words[0], term.words)
                    self.prefixes.extend((p, index) for p in spelled)
                else:
                    self.phrases.append((term.words, index, True))
            elif term.kind == EXACT and len(term.words) > 1:
                self.phrases.append((term.words, index, False))
            elif term.kind == COMPOUND:
                for phrase in term.phrases(lemmas):
                    self.phrases.append((tuple(phrase.split(" ")), index, False))
            elif term.kind == EXACT:
                self.forms.setdefault(term.words[0], index)
                uncased.add(term.words[0])
            else:
                word, match = term.words[0], wanted[term.words[0]]
                if term.capital and word in choice.cased:
                    self.cased[word] = self.cased.get(word, frozenset()) | term.spellings()
                    self.forms.setdefault(word, index)
                    continue
                if isinstance(match, tuple):  # the forms matched as printed
                    printed = set(match)
                else:
                    printed = {word, match, *by_lemma.of(match)}
                for form in printed:
                    self.forms.setdefault(form, index)
                uncased.update(printed)
        for form in uncased:
            self.cased.pop(form, None)

    def _term_at(self, words: list[str], printed: list[str], i: int) -> tuple[int, int]:
        """(term index, token count) of a match starting at token ``i``, or (-1, 0)."""
        word = words[i]
        for phrase, index, prefix in self.phrases:
            n = len(phrase)
            if i + n > len(words) or words[i : i + n - 1] != list(phrase[:-1]):
                continue
            last = words[i + n - 1]
            if last == phrase[-1] or (prefix and last.startswith(phrase[-1])):
                return index, n
        if word in self.forms and (word not in self.cased or printed[i] in self.cased[word]):
            return self.forms[word], 1
        for start, index in self.prefixes:
            if word.startswith(start):
                return index, 1
        return -1, 0

    def _tokens(self, text: str) -> tuple[list[str], list[str]]:
        """``text``'s words lower-cased, and as printed when a cased name needs them."""
        if not self.cased:
            words = TOKEN.findall(text.lower())
            return words, words
        printed = TOKEN.findall(text)
        return [word.lower() for word in printed], printed

    def _hits(self, words: list[str], printed: list[str]) -> list[tuple[int, int, int]]:
        """(first token, token count, term) of each match in ``words`` (lower-cased
        ``printed``), in text order."""
        if not self.phrases and not self.prefixes:  # words alone: one look-up each
            forms, cased = self.forms, self.cased
            return [
                (i, 1, forms[word]) for i, word in enumerate(words)
                if word in forms and (word not in cased or printed[i] in cased[word])
            ]  # fmt: skip
        hits: list[tuple[int, int, int]] = []
        i = 0
        while i < len(words):
            term, n = self._term_at(words, printed, i)
            if n:
                hits.append((i, n, term))
                i += n
            else:
                i += 1
        return hits

    def together(self, *texts: str) -> bool:
        """Whether one of ``texts`` holds a match of each of the query's groups with at
        most ``NEAR_SLACK`` other words among them."""
        wanted = len(set(self.groups))
        for text in texts:
            hits = self._hits(*self._tokens(text))
            seen: dict[int, int] = {}
            matched = left = 0
            for first, n, term in hits:
                seen[self.groups[term]] = seen.get(self.groups[term], 0) + 1
                matched += n
                while len(seen) == wanted:
                    start = hits[left][0]
                    if first + n - start - matched <= NEAR_SLACK:
                        return True
                    group = self.groups[hits[left][2]]
                    seen[group] -= 1
                    if not seen[group]:
                        del seen[group]
                    matched -= hits[left][1]
                    left += 1
        return False

    def snippet(self, text: str, highlight: tuple[str, str]) -> str:
        # (a terminal's escape sequence whole, first: its ESC made a space, and the rest
        # was printed, "[31mчервено")
        text = _CONTROL.sub(" ", ESCAPE_SEQUENCE.sub("", text))
        spans = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        printed = [text[s:e] for s, e in spans]
        words = [word.lower() for word in printed]
        hits = self._hits(words, printed)
        start = self._best_window(hits, len(words))
        end = min(len(words), start + SNIPPET_TOKENS)
        if not spans:
            return ""
        pieces = ["…"] if start > 0 else []
        # from the text's start when the window is there: what stands before the first
        # word ("„" of a quoted lead, "(" of "(БТА)", a dialogue's dash) is no cut
        pos = spans[start][0] if start > 0 else 0
        for first, n, _ in hits:
            if first < start or first >= end:
                continue
            last = min(first + n, end) - 1
            pieces.append(text[pos : spans[first][0]])
            pieces.append(highlight[0] + text[spans[first][0] : spans[last][1]] + highlight[1])
            pos = spans[last][1]
        if end < len(words):
            pieces.append(text[pos : spans[end - 1][1]] + "…")
        else:
            pieces.append(text[pos:])
        return _SPACE.sub(" ", _BREAK.sub(PARAGRAPH_MARK, "".join(pieces).strip())).strip()

    @staticmethod
    def _best_window(hits: list[tuple[int, int, int]], total: int) -> int:
        """The start token of the window showing the most distinct terms (then matches);
        the first such window.

        One pass: ``hits`` are in text order and each window starts a few words before
        its hit, so the windows only move forward and the matches inside one are those
        between two cursors. Counting them anew for each hit was quadratic: a common
        word in a long text (a council's minutes, 100,000 matches) held a search for
        minutes on one snippet."""
        best, best_key = 0, (-1, -1)
        terms: dict[int, int] = {}
        left = right = 0
        for first, _, _ in hits:
            start = max(0, min(first - 4, total - SNIPPET_TOKENS))
            while right < len(hits) and hits[right][0] < start + SNIPPET_TOKENS:
                terms[hits[right][2]] = terms.get(hits[right][2], 0) + 1
                right += 1
            while hits[left][0] < start:
                term = hits[left][2]
                terms[term] -= 1
                if not terms[term]:
                    del terms[term]
                left += 1
            key = (len(terms), right - left)
            if key > best_key:
                best, best_key = start, key
        return best
