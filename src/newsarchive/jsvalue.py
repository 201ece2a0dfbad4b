"""A page's data written as JavaScript, not JSON, read back without running it.

Nuxt 2 hands the browser its page data as a script, ``window.__NUXT__=(function(a,b,c)
{return {data:[{articles:[…]}],…}}("Новини",null,true))``: an object literal with
unquoted keys whose repeated values are the function's parameters, bound to the literal
arguments it is called with. Next.js's App Router streams its React Server Components
payload as ``self.__next_f.push([1,"<id>:<JSON>\\n…"])`` calls, string literals whose
text joined is lines of JSON. Remix (``window.__remixContext = {…}``), Redux and SvelteKit
(``const data = […]`` in its start script) assign theirs to a name (``assigned_literals``).
A listing's items past the first few server-rendered cards are only there.

Only literals are read: objects, arrays, strings, numbers, ``true``/``false``/``null``/
``undefined``/``void 0``, names bound by the function's parameters, and that one
function called with literals. Anything else (a computation, a call but ``new Date(…)``)
makes the whole value unreadable: None, never an exception. Pure and bounded: at most
``MAX_TEXT`` characters, nested at most ``MAX_DEPTH`` deep, ``MAX_VALUES`` values.

Below every stage: discovery reads a listing's items with it (``discover.embedded``),
extraction an article's text a Nuxt page ships only in its payload (``extraction.page_data``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

MAX_TEXT = 2_000_000  # characters of one script, as ``embedded.MAX_BLOB``
MAX_DEPTH = 200
MAX_VALUES = 50_000

_SPACE = re.compile(r"(?:\s+|//[^\n]*|/\*.*?\*/)*", re.S)
_NAME = re.compile(r"[A-Za-z_$][\w$]*")
_NUMBER = re.compile(r"-?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)")
_CONSTANTS: dict[str, object] = {
    "true": True, "false": False, "null": None, "undefined": None,
    "NaN": None, "Infinity": None,
}  # fmt: skip
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_NUXT = re.compile(r"(?:window\.)?__NUXT__\s*=\s*")
_NEXT_PUSH = re.compile(r"self\.__next_f\.push\(")


class _Unreadable(Exception):
    """The text is not a literal this reader reads."""


class _Reader:
    def __init__(self, text: str, bindings: Mapping[str, object]) -> None:
        self.text, self.at, self.bindings = text, 0, bindings
        self.budget = MAX_VALUES
        self.halves = False  # an escape spelled half a surrogate pair

    def space(self) -> None:
        self.at = _skip_space(self.text, self.at)

    def peek(self) -> str:
        self.space()
        return self.text[self.at : self.at + 1]

    def expect(self, char: str) -> None:
        if self.peek() != char:
            raise _Unreadable(f"{char!r} expected at {self.at}")
        self.at += 1

    def value(self, depth: int = 0) -> object:
        self.budget -= 1
        if depth > MAX_DEPTH or self.budget < 0:
            raise _Unreadable("too deep or too large")
        char = self.peek()
        if char == "{":
            return self.members(depth)
        if char == "[":
            return self.array(depth)
        if char and char in "\"'`":
            return self.string()
        if char == "(":
            self.at += 1
            inner = self.value(depth + 1)
            self.expect(")")
            return inner
        if number := _NUMBER.match(self.text, self.at):
            self.at = number.end()
            raw = number.group()
            try:
                return int(raw, 16) if raw[:2].lower() == "0x" else _number(raw)
            except ValueError as exc:
                raise _Unreadable(raw) from exc
        name = self.name()
        if name == "void":
            self.value(depth + 1)
            return None
        if name == "new":  # ``new Date(…)``: read its arguments, keep nothing
            self.name()
            self.arguments(depth)
            return None
        if name == "Array" and self.peek() == "(":  # devalue's array filled after: holes
            (length,) = self.arguments(depth) or [None]
            if not isinstance(length, int) or not 0 <= length <= self.budget:
                raise _Unreadable("an array length past the bound")
            self.budget -= length
            return [None] * length
        if name == "Object" and self.text.startswith(".create(null)", self.at):
            self.at += len(".create(null)")  # devalue's object of no prototype
            return {}
        if name in _CONSTANTS:
            return _CONSTANTS[name]
        if name in self.bindings:
            return self.bindings[name]
        raise _Unreadable(f"unknown name {name!r}")

    def name(self) -> str:
        self.space()
        match = _NAME.match(self.text, self.at)
        if match is None:
            raise _Unreadable(f"a value expected at {self.at}")
        self.at = match.end()
        return match.group()

    def members(self, depth: int) -> dict[str, object]:
        self.expect("{")
        result: dict[str, object] = {}
        while self.peek() != "}":
            char = self.peek()
            if char and char in "\"'":
                key = self.string()
            elif number := _NUMBER.match(self.text, self.at):
                self.at, key = number.end(), number.group()
            else:
                key = self.name()
            self.expect(":")
            result[key] = self.value(depth + 1)
            if self.peek() != ",":
                break
            self.at += 1
        self.expect("}")
        return result

    def array(self, depth: int) -> list[object]:
        return self.sequence("[", "]", depth, holes=True)

    def arguments(self, depth: int) -> list[object]:
        return self.sequence("(", ")", depth, holes=False)

    def sequence(self, opening: str, closing: str, depth: int, *, holes: bool) -> list[object]:
        """The values between the brackets, one routine for an array and a call's
        arguments: a trailing comma read past in both, a comma with no value before it a
        hole (None) in an array only (in arguments, unreadable)."""
        self.expect(opening)
        values: list[object] = []
        while self.peek() != closing:
            if holes and self.peek() == ",":
                values.append(None)
                self.at += 1
                continue
            values.append(self.value(depth + 1))
            if self.peek() != ",":
                break
            self.at += 1
        self.expect(closing)
        return values

    def string(self) -> str:
        quote = self.text[self.at]
        self.at += 1
        out: list[str] = []
        text = self.text
        stop = _STRING_STOPS[quote]
        while True:
            found = stop.search(text, self.at)
            end = len(text) if found is None else found.start()
            out.append(text[self.at : end])
            if end >= len(text) or text[end] == "\n" and quote != "`":
                raise _Unreadable("an unterminated string")
            if text[end] == "\n":
                out.append("\n")
                self.at = end + 1
                continue
            if text[end] == quote:
                self.at = end + 1
                break
            if quote == "`" and text[end : end + 2] == "${":
                raise _Unreadable("a template with substitutions")
            out.append(self.escape(end + 1))
        joined = "".join(out)
        if quote == "`" and "${" in joined:
            raise _Unreadable("a template with substitutions")
        if self.halves:  # joined here, each string once: a bound one may be used often
            self.halves = False
            return _joined_surrogates(joined)
        return joined

    def escape(self, at: int) -> str:
        """The character the escape after the backslash at ``at - 1`` stands for."""
        text = self.text
        char = text[at : at + 1]
        self.at = at + 1
        if char in _ESCAPES:
            return _ESCAPES[char]
        if char == "x" and re.fullmatch(r"[0-9a-fA-F]{2}", text[at + 1 : at + 3]):
            self.at = at + 3
            return chr(int(text[at + 1 : at + 3], 16))
        if char == "u":
            if text[at + 1 : at + 2] == "{" and (close := text.find("}", at)) != -1:
                digits, self.at = text[at + 2 : close], close + 1
            else:
                digits, self.at = text[at + 1 : at + 5], at + 5
            if not re.fullmatch(r"[0-9a-fA-F]{1,6}", digits) or int(digits, 16) > 0x10FFFF:
                raise _Unreadable("a bad \\u escape")
            code = int(digits, 16)
            self.halves = self.halves or 0xD800 <= code <= 0xDFFF  # (``_joined_surrogates``)
            return chr(code)
        if char in ("\n", "\r"):  # a line continued
            return ""
        return char


def _number(raw: str) -> int | float:
    plain = raw.lstrip("-")
    if plain.isdigit() and len(plain) <= 18:
        return int(raw)
    return float(raw)


def _joined_surrogates(text: str) -> str:
    """A string whose escapes spelled a character as a surrogate pair ("\\ud83d\\ude00"),
    that character; half a pair, never joined, the replacement character."""
    if not any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def read_literal(text: str, bindings: Mapping[str, object] | None = None) -> object:
    """The value of a JavaScript literal (``{a:1,b:[x,"y"]}``), names looked up in
    ``bindings``; None when ``text`` is not one this reader reads (``_Reader``)."""
    if len(text) > MAX_TEXT:
        return None
    reader = _Reader(text, bindings or {})
    try:
        value = reader.value()
        reader.space()
        if reader.at < len(text) and text[reader.at] not in ";":
            return None
    except (_Unreadable, RecursionError):
        return None
    return value


_FUNCTION = re.compile(r"\(\s*function\s*\(([\w$\s,]*)\)\s*\{")


def nuxt_payload(script: str) -> object:
    """The value of a Nuxt 2 page's ``window.__NUXT__=…`` script: a literal, or a
    function called with literals returning one (its parameters bound to the
    arguments); None when the script is not that or not readable."""
    start = _NUXT.search(script)
    if start is None or len(script) > MAX_TEXT:
        return None
    at = start.end()
    function = _FUNCTION.match(script, at)
    if function is None:
        return read_literal(_statement(script, at))
    names = [name.strip() for name in function.group(1).split(",") if name.strip()]
    body_end = _block_end(script, function.end() - 1)
    if body_end is None:
        return None
    reader = _Reader(script, {})
    reader.at = body_end
    try:
        if reader.peek() == ")":  # (function(a){…})(args)
            reader.at += 1
        arguments = reader.arguments(0)
    except (_Unreadable, RecursionError):
        return None
    bindings = dict(zip(names, arguments, strict=False))
    body = script[function.end() : body_end - 1]
    bound = dict(bindings)  # (the statements bind more: the fallback reads without them)
    try:
        return _returned(_Reader(body, bound), bound)
    except (_Unreadable, RecursionError):
        pass
    # statements this reader cannot follow: the returned literal read without them
    returned = re.search(r"(?:^|[;{}\s])return\b", body)
    if returned is None:
        return None
    return read_literal(_statement(body, returned.end()), bindings)


_DECLARE = frozenset({"var", "let", "const"})


def _returned(reader: _Reader, bound: dict[str, object]) -> object:
    """The value a function body returns, its statements before the ``return`` read in
    order: a declaration binds a name (``var e = {…}``, ``let g``), an assignment to a
    name rebinds it and one to a member of a bound object or array sets that member
    (devalue passes a value used twice as an argument, ``{}`` or ``Array(2)``, and fills
    it so: ``a.title="…";b[0]=a``), ``bound`` being the reader's own bindings. Anything
    else raises ``_Unreadable``. Linear: each statement is read once, from where the one
    before it ended."""
    while True:
        while reader.peek() == ";":
            reader.at += 1
        name = reader.name()
        if name == "return":
            value = reader.value()
            if reader.peek() not in ("", ";", "}"):
                raise _Unreadable("more after the returned value")
            return value
        if name in _DECLARE:
            while True:
                declared = reader.name()
                bound[declared] = None
                if reader.peek() == "=":
                    reader.at += 1
                    bound[declared] = reader.value()
                if reader.peek() != ",":
                    break
                reader.at += 1
            continue
        if name not in bound:
            raise _Unreadable(f"an assignment to an unknown name {name!r}")
        key: object = name
        target: object = bound
        while reader.peek() in (".", "["):
            target = _member(target, key)
            if reader.peek() == ".":
                reader.at += 1
                key = reader.name()
            else:
                reader.at += 1
                key = reader.value()
                reader.expect("]")
        reader.expect("=")
        if reader.peek() == "=":
            raise _Unreadable("a comparison, not an assignment")
        _assign(target, key, reader.value())


def _member(target: object, key: object) -> object:
    """``target[key]`` as JavaScript reads it, of an object or an array this reader made."""
    if isinstance(target, dict) and str(key) in target:
        return target[str(key)]
    if isinstance(target, list) and isinstance(key, int) and 0 <= key < len(target):
        return target[key]
    raise _Unreadable("a member of nothing bound")


def _assign(target: object, key: object, value: object) -> None:
    """``target[key] = value``: an object's member, or an array's item up to one past its
    end (an array only grows as a literal would)."""
    if isinstance(target, dict):
        target[str(key)] = value
    elif isinstance(target, list) and isinstance(key, int) and 0 <= key <= len(target):
        if key == len(target):
            target.append(value)
        else:
            target[key] = value
    else:
        raise _Unreadable("an assignment to no object or array")


# A literal object or array assigned to a global or declared a constant: Remix's
# ``window.__remixContext = {…};``, Redux's ``window.__PRELOADED_STATE__ = {…}``,
# SvelteKit's ``const data = [null,{type:"data",data:{…}}];`` in its start script. Only
# where the value opens with a bracket: ``window.x = window.x || []`` computes.
ASSIGNED = re.compile(
    r"(?:\b(?:window|self|globalThis)\.(?P<global>[A-Za-z_$][\w$]*)"
    r"|\b(?:const|let|var)\s+(?P<name>[A-Za-z_$][\w$]*))"
    r"\s*=\s*(?=[\[{])"
)


def assigned_literals(script: str) -> list[tuple[str, object]]:
    """The name and value of each literal ``script`` assigns (``ASSIGNED``), in order: the
    name says what the value is (``navigationMap``). One that is not a literal this reader
    reads (a computation inside) is left out, and so is an assignment inside one already
    scanned (a script of ``var a = [`` many times over, never closed, is scanned once, not
    once from each)."""
    if len(script) > MAX_TEXT:
        return []
    values: list[tuple[str, object]] = []
    scanned = 0  # where the last assignment's value ended
    for match in ASSIGNED.finditer(script):
        if match.start() < scanned:
            continue
        literal = _statement(script, match.end())
        scanned = match.end() + len(literal)
        try:  # most are JSON (Remix's, a theme's settings): read at the C parser's speed
            value = json.loads(literal)
        except (ValueError, RecursionError):
            value = read_literal(literal)
        if value is not None:
            values.append((match.group("global") or match.group("name"), value))
    return values


def _statement(text: str, at: int) -> str:
    """The text from ``at`` to the end of its value: where the brackets opened from
    there close (a value then ends), else the rest of the text."""
    end = _block_end(text, _skip_space(text, at))
    return text[at:end] if end is not None else text[at:]


def _skip_space(text: str, at: int) -> int:
    match = _SPACE.match(text, at)
    return match.end() if match else at


def _block_end(text: str, at: int) -> int | None:
    """Just past the bracket closing the one at ``at`` (``{``, ``[``, ``(``), strings
    and comments skipped; None when it never closes or ``at`` is no bracket. Stepping
    from one bracket, quote or comment to the next (``_BLOCK_TOKEN``), not a character
    at a time: a listing page's data runs to megabytes, every script that may hold
    items is scanned so, and most of it is the text inside strings."""
    if text[at : at + 1] not in ("{", "[", "("):
        return None
    depth, index, size = 0, at, len(text)
    while (token := _BLOCK_TOKEN.search(text, index)) is not None:
        index, char = token.start(), token.group()
        if char in "\"'`":
            index = _string_end(text, index)
            if index < 0:
                return None
            continue
        if char[0] == "/":  # a comment
            close = text.find("\n" if char == "//" else "*/", index + 2)
            index = size if close < 0 else close + 1
            continue
        if char in "{[(":
            depth += 1
        else:
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return None


_BLOCK_TOKEN = re.compile(r"[\"'`{}\[\]()]|/[/*]")


def _string_end(text: str, at: int) -> int:
    """Just past the quote closing the string that opens at ``at``, a backslash escaping
    the character after it (a newline too); -1 when it never closes."""
    found = _STRING_ENDS[text[at]].match(text, at + 1)
    return -1 if found is None else found.end()


# The rest of a string after its opening quote, to the closing one (``_string_end``),
# and where a string's plain text stops (``_Reader.string``), by the quote
_STRING_ENDS = {
    quote: re.compile(rf"[^{quote}\\]*(?:\\.[^{quote}\\]*)*{quote}", re.S) for quote in "\"'`"
}
_STRING_STOPS = {quote: re.compile(rf"[{quote}\\\n]") for quote in "\"'`"}


def next_flight(scripts: list[str]) -> list[object]:
    """The JSON values of a Next.js App Router page's RSC payload: the strings its
    ``self.__next_f.push([1,"…"])`` scripts push, in order, joined and read row by row
    (``_flight_rows``)."""
    parts: list[str] = []
    size = 0
    for script in scripts:
        at = 0
        # each push read from where the one before it closed, and none past one that never
        # closes: the scan for its bracket already ran to the script's end, and scanning
        # from each later mark again would take the square of the script's length
        while push := _NEXT_PUSH.search(script, at):
            end = _block_end(script, push.end() - 1)
            if end is None:
                break
            at = end
            value = read_literal(script[push.end() : end - 1])
            if (
                isinstance(value, list)
                and len(value) == 2
                and value[0] == 1
                and isinstance(value[1], str)
            ):
                size += len(value[1])
                if size > MAX_TEXT:
                    break
                parts.append(value[1])
    return _flight_rows("".join(parts).encode("utf-8", "surrogatepass"))


_ROW = re.compile(rb"([0-9a-fA-F]{1,8}):")
_TEXT_ROW = re.compile(rb"T([0-9a-fA-F]{1,8}),")


def _flight_rows(payload: bytes) -> list[object]:
    """The JSON rows of an RSC payload, in order. A row is ``<hex id>:`` and its value to
    the line's end, but for a text row, ``<id>:T<hex length>,<text>``, whose length counts
    the text's UTF-8 bytes and which has no newline after it: it is stepped over whole, so
    the row glued to its end is read and none of its own lines is taken for a row. Other
    rows (a module reference ``I[…]``, a hint ``HL[…]``) are skipped. Linear: every byte
    is looked at once."""
    values: list[object] = []
    at, size = 0, len(payload)
    while at < size:
        row = _ROW.match(payload, at)
        text = _TEXT_ROW.match(payload, row.end()) if row is not None else None
        if text is not None:
            at = text.end() + int(text.group(1), 16)
            continue
        end = payload.find(b"\n", at)
        end = size if end < 0 else end
        if row is not None and payload[row.end() : row.end() + 1] in (b"[", b"{"):
            value = _json(payload[row.end() : end].decode("utf-8", "replace"))
            if value is not None:
                values.append(value)
        at = end + 1
    return values


def _json(text: str) -> object:
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


# Angular Universal (before 16) escapes its transfer state's JSON so that no script can
# end in it: ``&q;`` for a quote, ``&s;`` an apostrophe, ``&l;``/``&g;`` angle brackets,
# ``&a;`` the ampersand (undone last: ``&a;q;`` is a text's "&q;")
_ANGULAR = re.compile(r"&([qslga]);")
_ANGULAR_CHARS = {"q": '"', "s": "'", "l": "<", "g": ">", "a": "&"}


def angular_state(text: str) -> str | None:
    """The JSON of an Angular transfer state as it was before its escaping, or None
    when ``text`` is not escaped so (plain JSON, or anything else)."""
    head = text.lstrip()[:8]
    if not head.startswith(("{&q;", "[&q;", "{}", "[")) or "&q;" not in text[:4096]:
        return None
    return _ANGULAR.sub(lambda m: _ANGULAR_CHARS[m.group(1)], text)
