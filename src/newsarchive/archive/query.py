"""Translate what a user types into safe FTS5 syntax.

User input never reaches FTS5 verbatim: every word is cut out with the same rule the
``unicode61`` tokenizer uses (letters and digits) and re-quoted, and operators and column
filters are written only by this module, so FTS5 operators, ``NEAR(``, column names and
stray punctuation cannot cause an SQL error or a surprise. What cannot be understood
raises ``QueryError`` with one line saying why.

Syntax: ``word`` (any form of it: "община" finds "общината"), ``"exact"`` or
``"exact phrase"`` (these forms only), ``a OR b``, ``-word`` / ``-"phrase"`` (exclude),
``prefix*``, ``title:word`` / ``title:"phrase"`` / ``title:prefix*`` (in the headline
only), and the filters ``site:ID``, ``since:YYYY-MM-DD``, ``until:YYYY-MM-DD``,
``author:Петрова`` / ``author:"Мария Петрова"`` (part of the byline, any case),
``tag:водопровод`` / ``tag:"ВиК Русе"`` (a stored tag, whole, any case). Any other
``name:value`` is refused rather than searched as two words, so a mistyped filter
("tilte:мост") says so instead of quietly matching nothing.
All terms must match (AND); ``(...)`` groups, so ``a OR (b c)`` is a, or b and c
together (they used to be dropped silently, which changed what such a query meant).
Filters without words are a query too ("everything by this author"), and so are filters
with exclusions alone ("site:bta -футбол": bta's articles but those naming football); a
query with neither words nor filters is refused.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from newsarchive.archive.lemmas import TOKEN, composed, cyrillic_twins, mixes_scripts
from newsarchive.errors import DATE_FORMS, QueryError
from newsarchive.transliteration import from_latin, hard_sign_readings

MAX_QUERY_CHARS = 2000
MAX_TERMS = 64
# A quoted phrase (maybe excluded), an opening parenthesis (maybe excluded), a closing
# one, or a run of anything else.
_TOKEN = re.compile(r'(-?)"([^"]*)"|(-?)(\()|(\))|([^\s"()]+)')
MAX_DEPTH = 8
# Operators of other search syntaxes (FTS5's own, Google's "|", a programmer's "&&") that a
# user may type, each with what to write here instead. Searched as words they matched
# nothing ("a NEAR b") or were dropped as punctuation, turning "a | b" into a AND b.
_AND_ALREADY = "words are AND-ed already, use OR for either and -word to exclude"
_FOREIGN_OPERATORS = {
    "AND": _AND_ALREADY,
    "NOT": _AND_ALREADY,
    "&": _AND_ALREADY,  # and "&&", "&&&": a run of them is one (``_operator``)
    "NEAR": 'for words side by side write them as a "phrase" in quotes; words anywhere in'
    " an article are AND-ed already",
    "|": "write OR between words for either",  # and "||", "|||"
}
_OPERATOR_SPELLINGS = re.compile(r"(NEAR)(?:/\d+)?|(\|)\|*|(&)&*")


def _operator(bare: str) -> str:
    """The ``_FOREIGN_OPERATORS`` key a bare token spells ("NEAR/3" is NEAR, "|||" is "|"),
    else the token: "a ||| b" was read as a AND b while "a || b" was refused."""
    spelled = _OPERATOR_SPELLINGS.fullmatch(bare)
    return next(part for part in spelled.groups() if part) if spelled else bare


# The filters, each with the example its "needs a value" error shows.
_FILTER_EXAMPLES = {
    "site": "site:bta",
    "since": "since:2025-01-01",
    "until": "until:2025-12-31",
    "author": 'author:петрова or author:"Мария Петрова"',
    "tag": 'tag:водопровод or tag:"ВиК Русе"',
}
_FILTERS = tuple(_FILTER_EXAMPLES)
# The filters as the lines that list them name them (and title:, a scope, after them):
# one list, so a filter added is named in each.
FILTER_NAMES = ", ".join(f"{name}:" for name in _FILTERS)
_SITE = re.compile(r"[a-z0-9][a-z0-9._-]*")
# Column filters of the index (see schema.py): originals only, or originals and lemmas,
# for the whole article or (``title:``) the headline alone.
ORIGINAL = "{title text}"
_TITLE_ORIGINAL, _TITLE_ANY_FORM = "title", "{title title_lemmas}"
WORD, EXACT, PREFIX = "word", "exact", "prefix"
# A hyphenated word typed unquoted ("заместник-кмета", "социално-икономическото"): its
# parts side by side, the last in any form (Bulgarian inflects a compound's last part).
COMPOUND = "compound"
TITLE = "title"
# "name:value" that reads as a filter (ASCII letters, then a colon): refused unless known.
_FILTER_LIKE = re.compile(r"-?[A-Za-z]{2,12}")
# How a word is matched (``Term.fts``): its lemma, a str (the word itself in the original
# columns and every other form through the lemma columns), or a tuple of the forms to
# match as printed, for a lemma whose forms include a name the dictionary mistook for one
# of them ("варят" → варя, which it also gives "Варна": ``search.word_lemmas``).
Match = str | tuple[str, ...]
# The key of a one-word prefix's spellings among the ``Match``es ("*елк": ("ёлк", "елк"),
# ``search.choose_lemmas``): no word holds "*".
PREFIX_KEY = "*"
# The key of a compound's last word's forms among the ``Match``es ("-кмета": ("кмет",
# "кмета", "кметът", ...), ``search.choose_lemmas``): no word holds "-".
COMPOUND_KEY = "-"


@dataclass(frozen=True)
class Term:
    """One thing to match: a word (any form), exact form(s) or a phrase, or a prefix."""

    words: tuple[str, ...]
    kind: str = WORD
    exclude: bool = False
    scope: str = ""  # "" for the whole article, TITLE for the headline only
    # a word typed capitalised, as typed ("Бяла", "МакДоналдс"; not "бяла" or "БЯЛА")
    typed: str = ""

    @property
    def capital(self) -> bool:
        return bool(self.typed)

    def spellings(self) -> frozenset[str]:
        """How an article prints the name this word was typed as: as typed, or in title
        case ("МакДоналдс" or "Макдоналдс", "Бяла"). The title-case form alone lost every
        hit of a name typed with an inner capital, which the archive prints so."""
        if not self.typed:
            return frozenset()
        return frozenset({self.typed, self.typed[0] + self.typed[1:].lower()})

    def fts(self, lemmas: Mapping[str, Match]) -> str:
        """This term as an FTS5 expression; ``lemmas`` maps forms to how they are matched
        (``Match``: the archive's lemma, or the forms to match as printed)."""
        quoted = '"' + " ".join(self.words) + '"'
        original = _TITLE_ORIGINAL if self.scope == TITLE else ORIGINAL
        if self.kind == PREFIX:
            # (a prefix the archive also holds with ё for е, or е for ё: ``PREFIX_KEY``)
            spelled = lemmas.get(PREFIX_KEY + self.words[0]) if len(self.words) == 1 else None
            if isinstance(spelled, tuple):
                return f"{original} : (" + " OR ".join(f'"{p}"*' for p in spelled) + ")"
            return f"{original} : {quoted}*"
        if self.kind == WORD and len(self.words) == 1:
            word = self.words[0]
            match = lemmas.get(word, word)
            if isinstance(match, tuple):
                return f"{original} : (" + " OR ".join(f'"{form}"' for form in match) + ")"
            # The lemma matches the word itself (original columns) and every other form
            # of it (the lemma columns hold the lemmas of forms that differ from them).
            lemma = '"' + match + '"'
            return f"{_TITLE_ANY_FORM} : {lemma}" if self.scope == TITLE else lemma
        if self.kind == COMPOUND:
            return f"{original} : (" + " OR ".join(f'"{p}"' for p in self.phrases(lemmas)) + ")"
        return f"{original} : {quoted}"

    def phrases(self, lemmas: Mapping[str, Match]) -> list[str]:
        """A compound's phrases to match: its first parts as typed, then each form of its
        last (``COMPOUND_KEY``; as typed where the lemmas were not chosen)."""
        head, last = self.words[:-1], self.words[-1]
        forms = lemmas.get(COMPOUND_KEY + last, (last,))
        return [" ".join((*head, form)) for form in forms]


@dataclass
class ParsedQuery:
    """Groups are AND-ed; the items of a group are OR-ed; excluded items are removed.

    An item is a ``Term`` or, for a parenthesised part, a nested ``ParsedQuery`` (whose
    filters stay empty: filters apply to the whole query).
    """

    groups: list[list[Item]] = field(default_factory=list)
    excluded: list[Item] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    since: dt.date | None = None
    until: dt.date | None = None
    authors: list[str] = field(default_factory=list)  # case-folded parts of bylines
    tags: list[str] = field(default_factory=list)  # case-folded tags, each whole
    # what was typed but holds nothing to search for (an emoji, a lone "…"): see parse_query
    dropped: list[str] = field(default_factory=list)
    # how what was typed was read where that is not what it says ("or" as OR, a pasted
    # headline's site name left out): one line each, for the CLI and the web page to show
    notes: list[str] = field(default_factory=list)

    def has_words(self) -> bool:
        """Whether there is anything to match (and rank by); without words, the filters
        alone choose the articles."""
        return bool(self.groups)

    def has_filters(self) -> bool:
        """Whether the query has a filter of its own (``FILTER_NAMES``)."""
        return bool(self.sites or self.since or self.until or self.authors or self.tags)

    def terms(self) -> list[Term]:
        """Every term to match (not the excluded ones), nested groups flattened."""
        out: list[Term] = []
        for group in self.groups:
            for item in group:
                out.extend(item.terms() if isinstance(item, ParsedQuery) else [item])
        return out

    def _all_terms(self) -> list[Term]:
        out = self.terms()
        for item in self.excluded:
            out.extend(item._all_terms() if isinstance(item, ParsedQuery) else [item])
        return out

    def prefixes(self) -> set[str]:
        """The one-word prefixes of the query (``общин*``), excluded ones too."""
        return {t.words[0] for t in self._all_terms() if t.kind == PREFIX and len(t.words) == 1}

    def lemma_words(self) -> set[str]:
        """The words whose lemma must be looked up in the archive's vocabulary (a
        compound's last one too)."""
        terms = self._all_terms()
        return {t.words[0] for t in terms if t.kind == WORD and len(t.words) == 1} | {
            t.words[-1] for t in terms if t.kind == COMPOUND
        }

    def compound_ends(self) -> set[str]:
        """The last words of the query's compounds, excluded ones too."""
        return {t.words[-1] for t in self._all_terms() if t.kind == COMPOUND}

    def capitalised(self) -> set[str]:
        """The words of ``lemma_words`` typed capitalised somewhere in the query."""
        return {t.words[0] for t in self._all_terms() if t.kind == WORD and t.capital}

    def cased_groups(self, cased: set[str]) -> list[list[Term]]:
        """The AND-ed groups each of whose items is one of the ``cased`` words typed
        capitalised (a name the archive also prints in lower case, as a word): an
        article must print one of them capitalised to match (``search.Prepared``). A
        group that mixes in other words, or a nested one, is left to the index."""
        chosen = []
        for group in self.groups:
            terms = [item for item in group if isinstance(item, Term)]
            if len(terms) == len(group) and all(
                t.kind == WORD and t.capital and t.words[0] in cased for t in terms
            ):
                chosen.append(terms)
        return chosen

    def headline_fts(self, lemmas: Mapping[str, Match]) -> str:
        """The FTS5 expression matching articles whose headline alone holds what the
        query asks for (its words, phrases and prefixes; exclusions left to the query)."""
        parts = []
        for group in self.groups:
            alts = [
                f"({item.headline_fts(lemmas)})"
                if isinstance(item, ParsedQuery)
                else replace(item, scope=TITLE).fts(lemmas)
                for item in group
            ]
            parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
        return " AND ".join(f"({p})" if len(parts) > 1 else p for p in parts)

    def fts(self, lemmas: Mapping[str, Match] | None = None) -> str:
        """The FTS5 MATCH expression (of a query with words: ``has_words``)."""
        lemmas = lemmas or {}
        parts = []
        for group in self.groups:
            alts = [_item_fts(item, lemmas) for item in group]
            parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
        expr = " AND ".join(f"({p})" if ":" in p and len(parts) > 1 else p for p in parts)
        if self.excluded:
            expr = f"({expr}) NOT ({self.excluded_fts(lemmas)})"
        return expr

    def excluded_fts(self, lemmas: Mapping[str, Match] | None = None) -> str:
        """The FTS5 expression matching what the query excludes (any of it): a query of
        filters and exclusions alone lists the articles the filters choose but this
        (``search.Prepared``), as FTS5's NOT cannot stand without words before it."""
        return " OR ".join(_item_fts(item, lemmas or {}) for item in self.excluded)


Item = Term | ParsedQuery


def _item_fts(item: Item, lemmas: Mapping[str, Match]) -> str:
    return f"({item.fts(lemmas)})" if isinstance(item, ParsedQuery) else item.fts(lemmas)


# A day as Bulgarians write it, the way the archived sites print theirs: day first,
# dots, a four-digit year (two digits would be a guess at the century), "г." after it.
_DOTTED_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?")


def parse_language(value: str, what: str) -> str:
    """A language a user asks for (``search --lang``, the web form's): its primary tag
    (``language_tags.language_tag``: "en-GB" asks for "en"), or "unknown" for the rows
    whose language was never recorded; else a ``QueryError`` naming the option. One
    reading for the command and the web page alike."""
    from newsarchive.language_tags import UNKNOWN_LANGUAGE, language_tag

    if value.strip().lower() == UNKNOWN_LANGUAGE:
        return UNKNOWN_LANGUAGE
    tag = language_tag(value)
    if tag is None:
        raise QueryError(
            f"{what} must be a language tag like bg, en, tr (or {UNKNOWN_LANGUAGE}), not"
            f" '{value[:40]}'"
        )
    return tag


def parse_date(value: str, what: str) -> dt.date:
    """A date typed by a user (YYYY-MM-DD, or 31.05.2024 as Bulgarian sites and readers
    write it: an analyst refused "01.12.2026" had to guess the other form), or a
    ``QueryError`` naming the option. Every date a command or the web page takes is read
    here (``--since``/``--until``, ``since:``/``until:``), so each reads the same forms."""
    typed = value.strip()  # (pasted from a cell or a message, with its spaces)
    dotted = _DOTTED_DAY.fullmatch(typed)
    try:
        if dotted:
            day, month, year = (int(part) for part in dotted.groups())
            return dt.date(year, month, day)
        return dt.date.fromisoformat(typed)
    except ValueError:
        raise QueryError(f"{what} must be a date like {DATE_FORMS}, not '{value}'") from None


def _term(raw: str, *, quoted: bool, exact: bool) -> Term | None:
    exclude = False
    if not quoted and raw.startswith("-") and len(raw) > 1:
        exclude, raw = True, raw[1:]
    # A star ends a prefix, also a quoted phrase's last word ("общ*", "общински съв*"):
    # FTS5 takes a phrase whose last word is a prefix; inside quotes it was dropped as
    # punctuation, and "общ*" matched only the word "общ".
    prefix = raw.rstrip().endswith("*") if quoted else raw.endswith("*")
    body = raw.rstrip()[:-1] if prefix else raw
    words = tuple(w.lower() for w in TOKEN.findall(raw))
    if not words:
        if prefix:
            raise QueryError("'*' must follow the start of a word, as in социал*")
        return None
    if "*" in body or (prefix and not TOKEN.fullmatch(body[-1:])):
        where = (
            'a phrase\'s last word, as in "общински съв*"' if quoted else "a word, as in социал*"
        )
        raise QueryError(f"'*' can only end {where} (not '{raw.strip()}')")
    if prefix:
        return Term(words, PREFIX, exclude)
    if quoted or exact:  # quotes ask for these exact forms
        return Term(words, EXACT, exclude)
    if len(words) > 1:
        # "foo-bar" is the phrase "foo bar", bar in any form: "заместник-кмета" found
        # nothing where the archive prints "заместник-кметът" and "заместник-кмет"
        return Term(words, COMPOUND, exclude)
    typed = TOKEN.findall(raw)[0]
    capital = typed[0].isupper() and not typed.isupper()
    return Term(words, WORD, exclude, typed=typed if capital else "")


# "or" and "and" typed in lower case between words: read as OR, and left out (words are
# AND-ed already); "not" before a word, also first, excludes it (as -word); each said in a
# note; elsewhere ("or" alone, "not" last) they are words.
_LATIN_OPERATORS = {
    "or": "'or' was read as OR (write \"or\" in quotes to search for the word)",
    "and": "'and' was left out: words are AND-ed already"
    ' (write "and" in quotes to search for the word)',
    "not": "'not' was read as -word: the word after it is excluded"
    ' (write "not" in quotes to search for the word)',
}
NOT = "not"
# What is said of a "-" standing alone: left out.
_LONE_MINUS = (
    "a lone '-' was left out: to exclude a word, write it right after the dash, as in -футбол"
)
# What is said of one of them standing where it joins no two words (first, last, before
# an excluded word or a filter) in a query holding more: left out.
_LONE_OPERATOR = (
    "'{0}' was left out: it stands between no two words (write \"{0}\" in quotes to search"
    " for the word)"
)


def _word_follows(tokens: list[re.Match[str]], pos: int) -> bool:
    """Whether ``tokens[pos]`` is something to match: a word, a phrase or a group, not an
    excluded one, an operator, a filter (which narrows the whole query: "мост or
    site:bta" was refused as an OR without a word after it) or the end of a group."""
    if pos >= len(tokens):
        return False
    dash, quoted, open_dash, opening, _, bare = tokens[pos].groups()
    if quoted is not None or opening is not None:
        return not (dash or open_dash)
    if bare == NOT:  # ("a and not b": "and" before an excluded word is AND too)
        return _word_follows(tokens, pos + 1)
    return (
        bare is not None
        and not bare.startswith("-")
        and TOKEN.search(bare) is not None
        and (bare not in ("OR", *_LATIN_OPERATORS))
        and bare.partition(":")[0].lower() not in _FILTERS
    )


def _is_title_scope(bare: str) -> bool:
    return bare.lower().removeprefix("-").startswith(TITLE + ":")


def _title_term(
    bare: str, tokens: list[re.Match[str]], pos: int, *, exact: bool
) -> tuple[Term, int]:
    """``title:word``, ``title:prefix*``, ``-title:word``, or ``title:"a phrase"`` (the
    phrase is the next token, written right after the colon); returns the term and the
    position after what it used."""
    exclude = bare.startswith("-")
    value = bare.partition(":")[2]
    phrase = None if value else _adjacent_phrase(tokens, pos)
    if phrase is not None:
        term = _term(phrase, quoted=True, exact=exact)
        if term is not None:
            return replace(term, exclude=exclude, scope=TITLE), pos + 1
    term = _term(value, quoted=False, exact=exact) if value and not value.startswith("-") else None
    if term is None:
        raise QueryError('title: needs a word, a prefix* or a "phrase" right after it')
    return replace(term, exclude=exclude, scope=TITLE), pos


def _names_filter(key: str) -> bool:
    """Whether ``key`` (before a colon) reads as a filter's name, known or not."""
    return bool(_FILTER_LIKE.fullmatch(key)) and key.lower() not in ("http", "https")


def _adjacent_phrase(tokens: list[re.Match[str]], pos: int) -> str | None:
    """The quoted phrase at ``pos`` when it is written right after the token before it
    (``name:"a phrase"``, no space), and not excluded; else None."""
    if pos < len(tokens) and tokens[pos].start() == tokens[pos - 1].end():
        phrase, dash = tokens[pos].group(2), tokens[pos].group(1)
        if phrase is not None and not dash:
            return phrase
    return None


def _filter(query: ParsedQuery, key: str, value: str) -> None:
    if key == "site":
        for site in value.lower().split(","):
            if not _SITE.fullmatch(site):
                raise QueryError(f"site: needs a site id like bta, not '{value}'")
            query.sites.append(site)
    elif key == "author":
        query.authors.append(" ".join(value.casefold().split()))
    elif key == "tag":
        query.tags.append(" ".join(value.casefold().split()))
    elif key == "since":
        query.since = parse_date(value, "since:")
    else:
        query.until = parse_date(value, "until:")


def _year_word(key: str, value: str, tokens: list[re.Match[str]], pos: int) -> int:
    """1 when ``tokens[pos]`` is the "г." that ends ``since:``/``until:``'s dotted day,
    typed apart as Bulgarians write it ("since:1.12.2026 г."): part of the date, as in
    ``--since``, not the word "г" searched for (nearly every Bulgarian text holds it, so
    the filters alone listed only the articles holding it, ranked by it), else 0."""
    if key not in ("since", "until") or pos >= len(tokens) or not _DOTTED_DAY.fullmatch(value):
        return 0
    return int(tokens[pos].group(6) in ("г.", "г") and not value.endswith(("г.", "г")))


def parse_query(text: str, *, exact: bool = False, filtered: bool = False) -> ParsedQuery:
    """Parse user search syntax: words, "phrases", OR, -word, prefix*, (groups),
    title:, and the filters site:/since:/until:/author: (the module docstring has it all).

    ``exact`` makes every bare word match only its own form (as if quoted). A query of
    filters alone lists the articles they choose ("everything by this author"), and so
    does an empty one when the caller filters by options of its own (``filtered``:
    ``--site``, the web form's dates); a query that chooses nothing at all is refused
    here, before any archive is opened.
    """
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query is too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
    if "\x00" in text:
        raise QueryError("the query contains a NUL character")
    if as_straight_quotes(text).count('"') % 2:  # ('"a phrase“', a keyboard's and a paste)
        raise QueryError('unbalanced quote (") in the query')
    text = composed(text)  # as the writer stored the words (a Mac types "й" as two)
    query = ParsedQuery()
    headline = _pasted_headline(text)
    if headline is not None:
        text, note = headline
        query.notes.append(note)
    text, apart = _colons_apart(_dashes_as_minus(as_straight_quotes(text)))
    query.notes.extend(apart)
    tokens = list(_TOKEN.finditer(text))
    _parse_group(tokens, 0, query, exact=exact, depth=0)  # at depth 0 it reads every token
    query.notes = list(dict.fromkeys(query.notes))  # (each "or" noted it: one line says it)
    if not query.has_words() and query.dropped:
        # ('😀' --site bta listed every bta article, as if the emoji had matched them all)
        typed = " ".join(query.dropped)
        raise QueryError(
            f"'{typed}' holds no letters or digits to search for (only words are indexed)"
        )
    if not query.has_words() and not (filtered or query.has_filters()):
        if query.excluded:
            # (with a filter it runs: "site:bta -футбол" is bta's articles but those)
            raise QueryError(
                "the query only excludes words: add a word to search for, or a filter"
                f" ({FILTER_NAMES}) whose articles they are excluded from"
            )
        raise QueryError(f"the query has no words to search for and no filter ({FILTER_NAMES})")
    if len(query._all_terms()) > MAX_TERMS:
        raise QueryError(f"the query has too many terms (at most {MAX_TERMS})")
    return query


# Typographic double quotes, read as the phrase quotes they stand for: Bulgarian „…“ (a
# Bulgarian keyboard's, a word processor's, every archived text's), English “…” (a
# phone's keyboard puts them in the web page's box) and «…».
_TYPOGRAPHIC_QUOTES = str.maketrans(dict.fromkeys("„“”‟«»", '"'))


def as_straight_quotes(text: str) -> str:
    """``text`` with its typographic double quotes written ``"``, when they pair up (an
    odd one out stays a mark between words, as before): „домашни помощници“ was no
    phrase, and found "помощници ... домашни" as two words anywhere."""
    if text.isascii():
        return text
    straight = text.translate(_TYPOGRAPHIC_QUOTES)
    return straight if straight.count('"') % 2 == 0 else text


# Dashes a keyboard or a word processor types for "-" (a phone's "–" once a space
# follows, a Mac's "—", Unicode's minus sign and hyphens), where "-" means "exclude":
# opening a word, a quoted phrase or a group.
_DASH_FOR_MINUS = re.compile(
    '(?<![^\\s(])[\u2010\u2011\u2012\u2013\u2014\u2015\u2212](?=[^\\W_]|["(])'
)


def _dashes_as_minus(text: str) -> str:
    """``text`` with a dash opening a word written "-": "–кмет" (a phone turns "-" into
    "–") was the word кмет asked for, not excluded. Another dash, between words ("Русе –
    кметът"), stays the punctuation it is, between two words."""
    return _DASH_FOR_MINUS.sub("-", text) if not text.isascii() else text


# A colon between two letters of a word that names no filter ("Русе:кметът"): a space.
_LETTERS_COLON = re.compile(r"(?<=[^\W\d_]):(?=[^\W\d_])")


def _colons_apart(text: str) -> tuple[str, list[str]]:
    """``text`` with a colon between two words written as a space, where the word before
    it names no filter (``_names_filter``: "tilte:мост" is refused as a mistyped one),
    and the notes saying so. "Русе:кметът", "кмет:мост" were searched as a phrase, which
    an article printing "Русе: кметът" (the space a query leaves out) holds, but one
    printing the words apart does not: nothing, and nothing said, where "text:кмет" says
    it is an unknown filter. (Quoted, the colon stays: as printed.)"""
    notes: list[str] = []

    def apart(found: re.Match[str]) -> str:
        bare = found.group(6)
        key = (bare or "").partition(":")[0].lstrip("-")
        if bare is None or _names_filter(key) or key.lower() in (*_FILTERS, TITLE):
            return found.group(0)
        spaced = _LETTERS_COLON.sub(" ", bare)
        if spaced != bare:
            notes.append(
                f"':' in '{bare}' was read as a space between words: it names no filter"
                f" (the filters are {FILTER_NAMES}, title:)"
            )
        return spaced

    if ":" not in text:
        return text, notes
    return _TOKEN.sub(apart, text), notes


# A headline as a browser's tab or a feed gives it: "Кметът откри моста | Община Русе".
_SEPARATOR = re.compile(r"\s\|\s")
# What a pasted headline holds none of: quotes, groups, prefixes, operators, filters.
_NOT_PLAIN = re.compile(r'["()*|&]|(?:^|\s)(?:OR|AND|NOT|NEAR|-)|(?:^|\s)-?[A-Za-z]{2,12}:')
HEADLINE_WORDS = 3  # "a | b" is a refused operator; a headline has more words than that


def _pasted_headline(text: str) -> tuple[str, str] | None:
    """A pasted headline's words and the note saying how it was read, or None.

    A title copied from a browser's tab ends in the site's name after " | ", which was
    refused as Google's OR. Words on both sides, one side of ``HEADLINE_WORDS`` or more,
    nothing but plain words, and a single "|" make it a headline: the shorter side (the
    site's name) is left out, or, sides as long, the "|" alone. "мост | пожар" stays
    refused: two words either side of a bar are what an OR looks like."""
    sides = _SEPARATOR.split(text)
    if len(sides) != 2 or any(_NOT_PLAIN.search(side) for side in sides):
        return None
    counts = [len(TOKEN.findall(side)) for side in sides]
    if min(counts) == 0 or max(counts) < HEADLINE_WORDS:
        return None
    said = "'|' was read as a pasted headline's separator:"
    if counts[0] == counts[1]:
        return " ".join(sides), f"{said} every word searched"
    kept, left = sorted(sides, key=lambda side: len(TOKEN.findall(side)), reverse=True)
    return kept, f"{said} '{left.strip()}' (the site's name) left out"


def _parse_group(
    tokens: list[re.Match[str]], pos: int, query: ParsedQuery, *, exact: bool, depth: int
) -> int:
    """Fill ``query`` from ``tokens[pos:]`` up to a ``)`` (not consumed) or the end;
    returns the position reached."""
    pending_or = pending_not = False
    while pos < len(tokens):
        match = tokens[pos]
        dash, quoted, open_dash, opening, closing, bare = match.groups()
        if closing is not None:
            if depth == 0:
                raise QueryError("unbalanced parenthesis: ')' without '('")
            break
        pos += 1
        item: Item | None
        exclude = False
        if opening is not None:
            if depth + 1 > MAX_DEPTH:
                raise QueryError(f"parentheses nest too deep (at most {MAX_DEPTH})")
            sub = ParsedQuery()
            pos = _parse_group(tokens, pos, sub, exact=exact, depth=depth + 1)
            query.notes.extend(sub.notes)
            if pos >= len(tokens):
                raise QueryError("unbalanced parenthesis: '(' without ')'")
            pos += 1  # the ")"
            item, exclude = sub, bool(open_dash)
        elif bare is not None and _is_title_scope(bare):
            item, pos = _title_term(bare, tokens, pos, exact=exact)
            exclude = item.exclude
        elif bare is not None:
            key, colon, value = bare.partition(":")
            if colon and not value and _names_filter(key):  # name:"a value in quotes"
                phrase = _adjacent_phrase(tokens, pos)
                if phrase is not None and phrase.strip():
                    value, pos = phrase, pos + 1
                elif key.lower() in _FILTERS:
                    # site:"" used to be searched as the word "site" and match nothing
                    name = key.lower()
                    raise QueryError(
                        f"{name}: needs a value right after it, as in {_FILTER_EXAMPLES[name]}"
                    )
            if value and key.lower() in _FILTERS:
                if depth:
                    raise QueryError(f"{key.lower()}: applies to the whole query, not in (...)")
                _filter(query, key.lower(), value)
                pos += _year_word(key.lower(), value, tokens, pos)
                continue
            if value and "}:" in bare:  # ("{title}:кмет", "{title text}:кмет": FTS5's own)
                raise QueryError(
                    f"'{bare}' is the index's column syntax, which a query does not take:"
                    " for the headline alone write title:word, for the whole article the word"
                )
            if value and key.startswith("-") and key[1:].lower() in _FILTERS:
                raise QueryError(f"{key[1:]}:{value} is a filter: it cannot be excluded with '-'")
            if value and _names_filter(key):
                raise QueryError(
                    f"unknown filter '{key.lower().lstrip('-')}:' (the filters are"
                    f" {FILTER_NAMES}, title:); to search for the words, write "
                    f'"{key}:{value}" in quotes'
                )
            if bare == "OR":
                if not query.groups or pending_or:
                    raise QueryError("'OR' needs a word on each side")
                pending_or = True
                continue
            if bare == NOT and _word_follows(tokens, pos):
                # ("домашни not помощници" searched the word "not", which no Bulgarian
                # text holds: no hits, and nothing said why)
                query.notes.append(_LATIN_OPERATORS[bare])
                pending_not = True
                continue
            if bare in _LATIN_OPERATORS and query.groups and not pending_or:
                if _word_follows(tokens, pos):
                    # (Latin stop words in a Bulgarian archive: typed between words
                    # they mean the operator, and searched as words they found nothing)
                    query.notes.append(_LATIN_OPERATORS[bare])
                    pending_or = bare == "or"
                    continue
            if bare in _LATIN_OPERATORS and len(tokens) > 1:
                # ("кмет or", "or кмет", "кмет and -мост": searched for as a word, which
                # no Bulgarian text holds, it found nothing, and said nothing, where
                # "кмет OR" is refused with a line saying why)
                query.notes.append(_LONE_OPERATOR.format(bare))
                continue
            operator = _operator(bare)
            if operator in _FOREIGN_OPERATORS:
                raise QueryError(
                    f"'{bare}' is not an operator here: {_FOREIGN_OPERATORS[operator]}"
                )
            item = _term(bare, quoted=False, exact=exact)
            exclude = item is not None and item.exclude
        else:
            item = _term(quoted, quoted=True, exact=exact)
            if item is not None and dash:
                item = Term(item.words, item.kind, exclude=True)  # -"a phrase"
            exclude = bool(dash)
        if item is None:
            if bare == "-":  # ("кмет -": an exclusion with its word typed apart, or none)
                query.notes.append(_LONE_MINUS)
            elif match.group(0).strip('" '):  # (an empty "" typed nothing)
                query.dropped.append(match.group(0))
            continue
        if pending_not:
            exclude, pending_not = True, False
            if isinstance(item, Term):
                item = replace(item, exclude=True)
        if exclude:
            if pending_or:
                raise QueryError("'OR' cannot be followed by an excluded word")
            query.excluded.append(item)
        elif pending_or:
            query.groups[-1].append(item)
            pending_or = False
        else:
            query.groups.append([item])
    if pending_or:
        raise QueryError("'OR' needs a word on each side")
    if not query.groups and depth:
        # (at the top, filters alone may choose the articles, and exclusions narrow what
        # they choose: parse_query)
        if query.excluded:
            raise QueryError("the query only excludes words inside (...): add a word to search for")
        raise QueryError("the query has no words to search for inside (...)")
    return pos


def cyrillic_guess(query: str, held: Callable[[str], bool] | None = None) -> str | None:
    """``query`` with its words of Latin letters spelled in Cyrillic
    (``transliteration.from_latin``), the rest of it as typed; None when it has no such
    word, or one that is no spelling of Bulgarian or stands in a word with other letters
    or digits. "Ruse" for "Русе" (or "община Ruse") matches nothing in an archive of
    Bulgarian, and said only "No matches"; so did "obshtina site:bta", "-Ruse", "obsht*"
    or "title:obshtina": the query's own syntax stays (its operators, quotes, groups, a
    filter's name, and a site's id or a date after ``site:``, ``since:``, ``until:``),
    only its words are spelled. ``held`` (whether the archive holds a word) chooses
    among a word's readings where the law's "a" is a "ъ" ("savet": "съвет", not "сават";
    ``transliteration.hard_sign_readings``): a word it holds as first spelled stays so.

    Latin letters inside a Cyrillic word ("Рuсе", a keyboard's layout switched for a
    letter) are that word's letters: read as the Cyrillic ones they look like where each
    has one (as ``lemmas.composed`` reads them), else spelled as the law spells them
    ("u" is "у"), in their case (``lemmas.mixes_scripts``: letters of another script, "é",
    do not make a Latin word Cyrillic); a mixed word whose look-alikes all have twins is folded
    already and never comes here, and one with Latin letters beside digits stays."""
    kept = [found.span() for found in _KEPT_FILTER.finditer(query)]
    spelled: list[str] = []
    pos = 0
    for found in _LATIN_RUN.finditer(query):
        start, end = found.span()
        word = found.group()
        after = query[end : end + 1]
        if any(a <= start < b for a, b in kept) or after == ":" or word in _KEPT_WORDS:
            continue  # a filter's value or name ("title:"), an operator
        beside = query[start - 1 : start] + after
        if any(char.isdigit() for char in beside):
            return None  # beside digits ("Obshtinata1"): no word of Latin letters
        # a Cyrillic word's letters, by the rule the hint that offers the guess words by
        inside = mixes_scripts(query[max(start - 1, 0) : end + 1])
        if inside:
            guess = cyrillic_twins(word) or from_latin(word)
            if guess is not None and word.isupper():
                guess = guess.upper()
        else:
            guess = from_latin(word)
        if guess is None:
            return None
        if held is not None and not inside and not held(guess):
            guess = next((other for other in hard_sign_readings(guess) if held(other)), guess)
        spelled += [query[pos:start], guess]
        pos = end
    if not spelled:
        return None
    return "".join(spelled) + query[pos:]


_LATIN_RUN = re.compile(r"[A-Za-z]+")
# A filter whose value is no words: a site's id, a date (kept as typed, quoted or not).
_KEPT_FILTER = re.compile(r'(?i)(?<![^\s(])-?(?:site|since|until):(?:"[^"]*"|[^\s()]*)')
# The operators read in Latin letters: "OR", and "or"/"and" between words (the others,
# "AND", "NOT", "NEAR", were refused before anything was searched).
_KEPT_WORDS = frozenset(("OR", *_LATIN_OPERATORS))


# A quoted word that unquoted would be read as syntax, not as a word: an operator
# ("OR", "or", "NEAR"), an exclusion ("-5"), a filter or a group ("site:bta", "(").
_SYNTAX_IN_QUOTES = re.compile(r"(?:^|\s)(?:OR|or|and|-\S)|[:()]")


# ``title:`` right before a quoted phrase, as a token of its own (not ``-title:``)
_HEADLINE_PHRASE = re.compile(r"(?:^|[\s(])((?i:title):)$")


# ``author:иван колев``: the filter's one word, then words searched for in the texts
_AUTHOR_THEN_WORDS = 2


def as_one_author(query: str) -> list[str]:
    """``query`` with an unquoted ``author:`` value and the plain words after it (at most
    ``_AUTHOR_THEN_WORDS``) written as one name in quotes, the longest first: the
    readings a query that matched nothing may have meant (``search.in_one_name``).
    "author:иван колев" is the byline's "иван" and the word "колев" in the text, which
    no article holds: no hits, and nothing said the name needed quotes."""
    tokens = list(_TOKEN.finditer(query))
    for i, token in enumerate(tokens):
        key, colon, value = (token.group(6) or "").partition(":")
        if key.lower() != "author" or not colon or not value:
            continue
        words: list[re.Match[str]] = []
        for after in tokens[i + 1 : i + 1 + _AUTHOR_THEN_WORDS]:
            bare = after.group(6) or ""
            if not TOKEN.fullmatch(bare) or bare in ("OR", *_LATIN_OPERATORS):
                break
            words.append(after)
        return [
            query[: token.start()]
            + f'author:"{" ".join([value, *(w.group(6) for w in words[:n])])}"'
            + query[words[n - 1].end() :]
            for n in range(len(words), 0, -1)
        ]
    return []


def unquoted(query: str) -> str | None:
    """``query`` with its quoted phrases written as plain words, each then matched in any
    form and anywhere in the article; None when it quotes none that can be so. Quotes
    ask for these forms side by side, which a Bulgarian phrase typed in its dictionary
    form rarely is ("общински съвет" where the text says "общинския съвет"), so a quoted
    query that matched nothing is offered this one (``search.in_any_form``). Kept quoted:
    a filter's value (``author:"Мария Петрова"``), an excluded phrase (unquoted it would
    exclude one word and ask for the others) and a phrase holding a word that would be
    read as syntax (``"or"``, ``"-5"``). A headline's phrase is its words, each in the
    headline (``title:"общински съвет"``: ``title:общински title:съвет``)."""
    query = as_straight_quotes(query)
    spelled: list[str] = []
    pos = 0
    for found in _TOKEN.finditer(query):
        dash, phrase = found.group(1), found.group(2)
        if phrase is None or dash or not phrase.strip() or _SYNTAX_IN_QUOTES.search(phrase):
            continue
        if any(_operator(bare) in _FOREIGN_OPERATORS for bare in phrase.split()):
            continue
        start, words = found.start(), phrase.split()
        headline = _HEADLINE_PHRASE.search(query[:start])
        if headline is not None:
            start, words = headline.start(1), [f"title:{word}" for word in words]
        elif query[:start].endswith(":"):
            continue
        spelled += [query[pos:start], f" {' '.join(words)} "]
        pos = found.end()
    if not spelled:
        return None
    return " ".join(("".join(spelled) + query[pos:]).split())
