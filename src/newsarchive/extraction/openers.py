"""The characters a regex's match can open with, read from the pattern's parse.

Lets a table of line rules be split by a line's first character at import, so each line
is tried only against the rules that can match there. Pure; no state.
"""

from __future__ import annotations

import re
import re._constants as sre  # type: ignore[import-not-found]
import re._parser as sre_parser  # type: ignore[import-not-found]
from typing import Any


def first_characters(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can open with, as written (before
    IGNORECASE adds its equivalents), or None where that is not plain from the parse
    (a category such as ``\\w``, a pattern that can match the empty string): a caller
    then tries the pattern on every line."""
    found = _first(sre_parser.parse(pattern, re.IGNORECASE).data)
    return None if found is None else frozenset(found)


def _first(items: list[tuple[Any, Any]]) -> set[str] | None:
    found: set[str] = set()
    for op, arg in items:
        if op is sre.AT:
            continue  # "^"
        if op is sre.LITERAL:
            return found | {chr(arg)}
        if op is sre.IN:
            for kind, value in arg:
                if kind is sre.LITERAL:
                    found.add(chr(value))
                elif kind is sre.RANGE:
                    found.update(map(chr, range(value[0], value[1] + 1)))
                else:
                    return None
            return found
        if op is sre.SUBPATTERN:
            inner = _first(arg[3].data)
            return None if inner is None else found | inner
        if op is sre.BRANCH:
            for branch in arg[1]:
                inner = _first(branch.data)
                if inner is None:
                    return None
                found |= inner
            return found
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            least, _, repeated = arg
            inner = _first(repeated.data)
            if inner is None:
                return None
            found |= inner
            if least == 0:
                continue  # optional: what follows it may open the match too
            return found
        return None
    return None  # can match the empty string: any line may open it
