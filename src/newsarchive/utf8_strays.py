"""When a few bytes UTF-8 cannot read leave a text UTF-8 still, and what a text that is
no UTF-8 is read as. Below every stage since two read it: fetching a page whose charset
is in doubt, and discovery re-reading a feed its XML parser broke on (discovery may not
import fetch)."""

from __future__ import annotations

# A stray byte or two (a CMS cutting an excerpt inside a letter, a pasted fragment) do
# not make a UTF-8 text another charset: below one bad byte per this many good non-ASCII
# letters it is UTF-8 with U+FFFD there, as a browser shows it. Read as another charset,
# every letter of it became two ("РќРѕРІРёРЅР°"), and a feed's Cyrillic paths addresses of
# no page. A windows-1251 text is nowhere near: its letters (0xC0-0xFF) are never followed
# by the continuation byte UTF-8 needs.
GOOD_PER_BAD = 20
# The legacy charset of Bulgarian sites (windows-1251, by Python's codec name): the last
# resort for a page no declaration, UTF-8 or detector reads, and what a feed that is no
# UTF-8 is read as. One name, so the two cannot drift apart.
LEGACY_CHARSET = "cp1251"


def stray_bytes_only(text: str) -> bool:
    """Whether ``text``, bytes decoded as UTF-8 with errors replaced, is UTF-8 but for a
    few stray bytes: its U+FFFD outnumbered ``GOOD_PER_BAD`` to one by its other non-ASCII
    letters (counted in C, not per character: fetching runs this on whole pages)."""
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return good >= GOOD_PER_BAD * bad
