"""Translate what a user types into safe FTS5 syntax.

User input never reaches FTS5 verbatim: every word is re-quoted, so FTS5 operators,
column filters, ``NEAR(`` and stray punctuation cannot produce an SQL error or a
surprise. What cannot be understood raises ``QueryError`` with one line saying why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from newsarchive.errors import QueryError

MAX_QUERY_CHARS = 2000
_WORD = re.compile(r"\w+", re.UNICODE)
_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_OPERATORS = {"OR", "AND", "NOT"}


@dataclass(frozen=True)
class Term:
    """One thing to match: a word, a prefix (``социал*``) or a phrase."""

    words: tuple[str, ...]
    prefix: bool = False
    exclude: bool = False

    def fts(self) -> str:
        quoted = '"' + " ".join(self.words) + '"'
        return quoted + "*" if self.prefix else quoted


@dataclass
class ParsedQuery:
    """Groups are AND-ed; terms inside a group are OR-ed."""

    groups: list[list[Term]] = field(default_factory=list)
    excluded: list[Term] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    since: dt.date | None = None
    until: dt.date | None = None

    def fts(self) -> str:
        """The FTS5 MATCH expression."""
        parts = []
        for group in self.groups:
            alts = [t.fts() for t in group]
            parts.append(alts[0] if len(alts) == 1 else "(" + " OR ".join(alts) + ")")
        expr = " AND ".join(parts)
        for term in self.excluded:
            expr += " NOT " + term.fts()
        return expr


def parse_date(value: str, what: str) -> dt.date:
    """A YYYY-MM-DD date, or a ``QueryError`` naming the option."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QueryError(f"{what} must be a date like 2024-05-31, not '{value}'") from None


def _term(raw: str, *, phrase: bool) -> Term | None:
    exclude = False
    if not phrase and raw.startswith("-") and len(raw) > 1:
        exclude, raw = True, raw[1:]
    prefix = not phrase and raw.endswith("*")
    words = tuple(w.lower() for w in _WORD.findall(raw))
    if not words:
        if prefix:
            raise QueryError("'*' must follow the start of a word, as in социал*")
        return None
    if prefix and len(words) > 1:
        # "foo-bar*": all but the last are plain words of a phrase
        return Term(words, prefix=True, exclude=exclude)
    return Term(words, prefix=prefix, exclude=exclude)


def parse_query(text: str) -> ParsedQuery:
    """Parse user search syntax: words, "phrases", OR, -word, prefix*, site:/since:/until:."""
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query is too long ({len(text)} characters; at most {MAX_QUERY_CHARS})")
    if text.count('"') % 2:
        raise QueryError('unbalanced quote (") in the query')
    query = ParsedQuery()
    pending_or = False
    for match in _TOKEN.finditer(text):
        phrase, bare = match.group(1), match.group(2)
        if bare is not None:
            key, _, value = bare.partition(":")
            if value and key.lower() in ("site", "since", "until"):
                if key.lower() == "site":
                    query.sites.append(value.lower())
                elif key.lower() == "since":
                    query.since = parse_date(value, "since:")
                else:
                    query.until = parse_date(value, "until:")
                continue
            if bare.upper() in _OPERATORS and bare.isupper():
                if bare == "OR":
                    if not query.groups or pending_or:
                        raise QueryError("'OR' needs a word on each side")
                    pending_or = True
                    continue
                raise QueryError(
                    f"'{bare}' is not an operator here: words are AND-ed already, "
                    "use -word to exclude"
                )
        term = _term(phrase if phrase is not None else bare, phrase=phrase is not None)
        if term is None:
            continue
        if term.exclude:
            if pending_or:
                raise QueryError("'OR' cannot be followed by an excluded word")
            query.excluded.append(term)
        elif pending_or:
            query.groups[-1].append(term)
            pending_or = False
        else:
            query.groups.append([term])
    if pending_or:
        raise QueryError("'OR' needs a word on each side")
    if not query.groups:
        raise QueryError("the query has no words to search for")
    return query
