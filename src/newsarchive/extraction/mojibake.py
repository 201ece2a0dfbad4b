"""Text encoded as UTF-8 and read back as Windows-1252 or Latin-1 by the site itself.

"Ð¡Ð¾Ñ„Ð¸Ñ" for "София", "Investorâ€™s" for "Investor’s": a CMS that stored UTF-8
bytes in a Latin-1 column prints them so under a correct charset, so no decoding of the
response can help, and such words are unsearchable. ftfy (MIT, maintained, the standard
tool for exactly this) undoes the damage only where the result is plainly better, and
leaves typography alone (``fix_encoding`` uncurls no quotes). Its detector is far too
slow to run over every page, and ftfy costly to import, so a cheap test comes first:
every such text holds a Latin-1 letter from Â to ï followed by a character a
continuation byte turns into.
"""

from __future__ import annotations

import re

# The characters Windows-1252 and Latin-1 give the bytes 0x80-0xBF.
_CONTINUATION = (
    "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a"
    "\u0153\u017e\u0178"
)
_SUSPECT = re.compile(f"[\u00c2-\u00ef][{_CONTINUATION}]")
# The letters such a text opens with, each looked for alone first: ``in`` finds one
# character with memchr, 46 passes cheaper than the engine's one, which tests its class
# at every character (45 instructions each; 34M of AEB's extraction, 15M this way). Most
# texts hold none of them, and are not searched at all.
_LEADS = tuple(chr(code) for code in range(0xC2, 0xF0))


def repair(text: str) -> str:
    """``text`` with double-encoded runs decoded; unchanged (the same object) when none."""
    # (an ASCII text, which CPython knows without reading it, holds no Latin-1 letter: not
    # scanned)
    if not text or text.isascii() or not _suspect(text):
        return text
    import ftfy  # 50 ms to import: paid only by a process that meets such a page

    return ftfy.fix_encoding(text)


def _suspect(text: str) -> bool:
    """Some Latin-1 letter from Â to ï in ``text`` is followed by a character a
    continuation byte turns into (``_SUSPECT``), searched for only once a letter is in it."""
    return any(lead in text for lead in _LEADS) and _SUSPECT.search(text) is not None
