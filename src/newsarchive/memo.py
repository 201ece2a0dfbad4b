"""Memos of what is read from strings a page wrote (its addresses, class names, the keys
of its data). Below every stage, since discovery and extraction both keep them: a site's
pages repeat the same few hundred strings, read again on every page without a memo. Not a
long one: a memo keeps what it is asked, and a page may write hundreds of kilobytes in
one string (an image as a ``data:`` address, a generated list of thousands of classes),
which thousands of entries would keep for the rest of a crawl. A long string is rare,
and is simply read again."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar

T = TypeVar("T")

# The longest string a memo keeps (an address with its base, a class or id, a key): the
# longest class string on 300 WCXB pages is 768 characters.
MEMO_CHARS = 2048


def memoised(read: Callable[[str], T], size: int) -> Callable[[str], T]:
    """``read`` memoised for up to ``size`` strings of ordinary length (``MEMO_CHARS``)."""
    memo = lru_cache(maxsize=size)(read)

    def reading(text: str) -> T:
        return memo(text) if len(text) <= MEMO_CHARS else read(text)

    return reading
